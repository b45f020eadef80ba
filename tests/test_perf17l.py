"""perf17l's shortcuts in the layout's reading of an indicator row, each held against its plain form
(docs/performance.md, "The layout's row … (issue 14, session 17, branch perf17l)").

An indicator row's cells built in one call (`cells.cells_of`), a float cell's exact Decimal kept by value
(`cells.exact`), a row's scan telling blank texts by `isspace` (`cells._scan_row`), the merges that cross a block
header found from the first header inside them (`merges._crosses`), a written 一级/二级 label compared by its texts
(`_Reader._level`): each must give what the plain form gives."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from hypothesis_budget import draws

from perfxl.grid import Grid
from perfxl.layout import cells as C
from perfxl.layout.merges import _crosses, _group_row
from perfxl.reader import read_submission

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"

_TEXTS = ("", " ", "\u3000", "\t\n", "a", " 12家 ", "……", "新进规模企业1", "\u00a0", "x\u2028", "\u200b")


def _value(rng: random.Random) -> object:
    kind = rng.randrange(9)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice(_TEXTS)
    if kind == 2:
        return rng.choice((0.0, -0.0, 10.0, 5.0, 94.5, 2223.04, 1e-320, 1e300, 1e16, float("inf"), float("nan")))
    if kind == 3:
        return rng.uniform(-1e6, 1e6)
    if kind == 4:
        return rng.randint(-5, 5)
    if kind == 5:
        return rng.choice((True, False))
    if kind == 6:
        return Decimal(rng.randint(-999, 999)).scaleb(rng.randint(-3, 3))
    return "".join(rng.choice("ab 1\u3000%") for _ in range(rng.randint(0, 4)))


def _grid(rng: random.Random, n_rows: int, n_cols: int, top: int = 0) -> Grid:
    rows = [[_value(rng) for _ in range(n_cols)] for _ in range(n_rows)]
    merged = []
    for _ in range(rng.randint(0, 6)):
        r0, c0 = rng.randrange(n_rows), rng.randrange(n_cols)
        merged.append((r0, c0, min(n_rows - 1, r0 + rng.randint(0, 3)), min(n_cols - 1, c0 + rng.randint(0, 2))))
    cells = [(r, c) for r in range(n_rows) for c in range(n_cols)]
    formulas = (
        dict.fromkeys(rng.sample(cells, min(len(cells), rng.randint(0, 3))), "=A1+1") if rng.random() < 0.5 else {}
    )
    uncached = frozenset(rng.sample(cells, min(len(cells), rng.randint(0, 3)))) if rng.random() < 0.5 else frozenset()
    if top:  # rows far down: their A1 texts beyond the kept lists (`a1_text` formats them)
        rows = [[None] * n_cols for _ in range(top)] + rows
        merged = [(r0 + top, c0, r1 + top, c1) for r0, c0, r1, c1 in merged]
        formulas = {(r + top, c): f for (r, c), f in formulas.items()}
        uncached = frozenset((r + top, c) for r, c in uncached)
    return Grid(f"表{rng.randint(1, 3)}", rows, tuple(merged), formulas, uncached)


def _same_cell(a: object, b: object) -> bool:
    return repr(a) == repr(b) and a == b and (a is None or hash(a) == hash(b)) and type(a) is type(b)


def test_a_rows_cells_in_one_call_are_cell_of_each():
    """`cells_of(grid, r, cols, held)` is `[cell_of(grid, r, c, held.get(c)) for c in cols]` (None for None): merged,
    uncached and formula cells, number, bool, Decimal and blank values, columns past the row, far rows."""
    rng = random.Random(1717)
    for i in range(draws(1500, 150)):
        grid = _grid(rng, rng.randint(1, 6), rng.randint(1, 30), top=70_000 if i % 50 == 0 else 0)
        r = rng.randrange(grid.n_rows)
        held = dict(C.row_cells(grid, r))
        cols = tuple(rng.choice((None, rng.randrange(grid.n_cols + 3))) for _ in range(rng.randint(0, 7)))
        built = C.cells_of(grid, r, cols, held)
        plain = [None if c is None else C.cell_of(grid, r, c, held.get(c)) for c in cols]
        assert len(built) == len(plain)
        for a, b in zip(built, plain, strict=True):
            assert _same_cell(a, b), (a, b)


def _exact_as_before(value: object) -> object:
    """`cells.exact` without the kept floats: the plain conversion each time."""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return value
        return Decimal(int(value)) if value.is_integer() and abs(value) < 1e15 else C.to_decimal(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


def test_a_floats_exact_value_kept_is_the_one_computed():
    """`exact` of a float asked again (kept by value) is the plain conversion's: the same Decimal, its exponent and sign
    too (-0.0 and 0.0, 10.0 and 10, 94.5), and NaN, infinities, tiny and huge floats as before."""
    rng = random.Random(1718)
    values: list[object] = [0.0, -0.0, 10.0, 10, True, None, "10", float("nan"), float("inf"), -float("inf")]
    values += [1e-320, 5e-324, 1e15, 1e15 - 1, -1e15, 1e308, 2223.04, 94.5, Decimal("10.0")]
    values += [round(rng.uniform(-1e4, 1e4), rng.randint(0, 4)) for _ in range(3000)]
    values += [float(rng.randint(-100, 100)) for _ in range(500)]
    for _ in range(2):  # the second round reads the kept ones
        for value in values:
            got, plain = C.exact(value), _exact_as_before(value)
            assert repr(got) == repr(plain) and type(got) is type(plain), value


def _scan_as_before(grid: Grid, r: int) -> list[tuple[int, object]]:
    row = grid.rows[r] if 0 <= r < len(grid.rows) else []
    skip = C._continued(grid).get(r, ()) if grid.merged else ()
    return [
        (c, v)
        for c, v in enumerate(row)
        if v is not None and (not isinstance(v, str) or v.strip()) and (not skip or c not in skip)
    ]


class _Text(str):
    """A str subclass (the scan's other branch)."""


def test_a_rows_scan_is_the_strip_test():
    """`_scan_row` (a str's truth and `isspace`) keeps the cells the `strip()` test kept: every white space
    `str.strip` removes, str subclasses, numbers, bools, merged continuations."""
    rng = random.Random(1719)
    spaces = [chr(i) for i in range(0x3001) if chr(i).isspace()] + ["\u200b", "\ufeff", "x"]
    for _ in range(draws(2000, 200)):
        grid = _grid(rng, rng.randint(1, 5), rng.randint(1, 12))
        for row in grid.rows:
            for c in range(len(row)):
                if rng.random() < 0.3:
                    row[c] = "".join(rng.choice(spaces) for _ in range(rng.randint(0, 3)))
                if rng.random() < 0.05:
                    row[c] = _Text(rng.choice(_TEXTS))
        for r in range(grid.n_rows):
            assert C._scan_row(grid, r) == _scan_as_before(grid, r)


def test_a_merge_crossing_a_header_is_found_as_by_every_header():
    """`_crosses` (the headers inside the range, from the first after its top) is `any(top < h <= bottom and not
    _group_row(…) for h in headers)` over ascending headers."""
    rng = random.Random(1720)
    kinds = ("note", "other", "blank", "indicator_header", "funds_header", "goals_header", "total")
    for _ in range(draws(3000, 300)):
        grid = _grid(rng, rng.randint(2, 12), rng.randint(1, 4))
        values = [rng.choice(kinds) for _ in range(grid.n_rows)]
        headers = sorted(rng.sample(range(grid.n_rows), rng.randint(0, min(5, grid.n_rows))))
        top = rng.randrange(grid.n_rows)
        bottom = rng.randrange(top, grid.n_rows + 2)
        plain = any(top < h <= bottom and not _group_row(grid, values, top, h) for h in headers)
        assert _crosses(grid, values, headers, top, bottom) == plain


def _table(labels: list[object]) -> Grid:
    rows: list[list[object]] = [
        ["2023年度项目支出绩效自评表", "", "", "", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ]
    rows += [[label, "数量指标", f"指标{i}", "10家", "10家", 10.0, 10.0] for i, label in enumerate(labels)]
    return Grid("自评表", rows)


def test_a_written_label_repeated_continues_its_group():
    """A 一级 label typed again on a row (its merge exported filled) continues the group as `CellValue.text` compares:
    spaces around it alike, another text or a number a new group."""
    from perfxl.reader import read_grids

    labels: list[object] = [
        "产出指标",
        " 产出指标\u3000",
        "产出指标",
        "效益指标",
        "效益指标 ",
        12.0,
        12,
        "12",
        "效益指标",
    ]
    ev = next(e for e in read_grids([_table(labels)]).evaluations if e.indicators)
    assert [str(h.label.place()) for h in ev.level1] == ["自评表!A3", "自评表!A6", "自评表!A8", "自评表!A11"]


def test_the_examples_indicators_are_read_as_before():
    """The bundled example's indicators (their labels carried, cells built in one call) as the plain `cell_of` gives
    each: every cell's value, place and anchor."""
    sub = read_submission(EXAMPLE)
    ev = next(e for e in sub.evaluations if e.indicators)
    for ind in ev.indicators:
        for cell in (ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.deviation):
            if cell.place() is None:
                continue
            assert cell.raw is None or cell.raw.__class__ is not float
            assert cell.place().sheet == ev.sheet
