"""perf21l's shortcuts in the layout's reading of an indicator row, each held against its plain form
(docs/performance.md, "… (issue 14, session 21, branch perf21l)").

A cell, its ref and an `Indicator` made by calling their slot twins (`fastbuild.slot_twin`: no `object.__new__` call a
value), an indicator row's merged name/deviation and optional data cells read by module functions instead of two
closures made a row (`evaluation._filled`, `_data`), a 一级 label's name and declared weight read once a text
(`indicators._level1_parts`), the row kinds asked a row read as module globals and `read_sheet`'s kinds found by the
list's own search (Python 3.11's `EnumType.__getattr__` hook, ≈ 890 instructions a `RowKind.OTHER`): each must give
what the plain form gives."""

from __future__ import annotations

import random
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from hypothesis_budget import draws

from perfxl.chinese import CACHE_MAX_LEN, to_simplified
from perfxl.grid import Grid
from perfxl.layout import cells as C
from perfxl.layout import detect as D
from perfxl.layout import evaluation as E
from perfxl.layout import indicators as I
from perfxl.layout.detect import RowKind
from perfxl.model import CellRef, CellValue, Indicator, Level1Heading

_TEXTS = ("", " ", "\u3000", "a", " 12家 ", "……", "新进规模企业1", "\u00a0", "产出指标（55分）")


def _value(rng: random.Random) -> object:
    kind = rng.randrange(7)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice(_TEXTS)
    if kind == 2:
        return rng.choice((0.0, 10.0, 5.0, 94.5, 2223.04, float("nan")))
    if kind == 3:
        return rng.randint(-5, 5)
    if kind == 4:
        return rng.choice((True, False))
    if kind == 5:
        return Decimal(rng.randint(-999, 999)).scaleb(rng.randint(-3, 3))
    return "".join(rng.choice("ab 1\u3000%") for _ in range(rng.randint(0, 4)))


def _grid(rng: random.Random, n_rows: int, n_cols: int) -> Grid:
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
    return Grid(f"表{rng.randint(1, 3)}", rows, tuple(merged), formulas, uncached)


def _same(a: object, b: object) -> bool:
    return repr(a) == repr(b) and a == b and (a is None or hash(a) == hash(b)) and type(a) is type(b)


def test_cells_made_by_calling_their_twins_are_the_dataclasses():
    """`cell_of` and `cells_of` (their CellRef and CellValue made by calling the slot twins) build what the frozen
    dataclasses' own constructors build from `Grid.ref` and the row's value: equal, same hash, repr and type."""
    rng = random.Random(2121)
    for _ in range(draws(1500, 150)):
        grid = _grid(rng, rng.randint(1, 6), rng.randint(1, 12))
        r = rng.randrange(grid.n_rows)
        held = dict(C.row_cells(grid, r))
        cols = tuple(rng.randrange(grid.n_cols + 2) for _ in range(rng.randint(1, 6)))
        for c, built in zip(cols, C.cells_of(grid, r, cols, held), strict=True):
            raw = held.get(c)
            value = raw if raw is None or isinstance(raw, str) else C.exact(raw)
            plain = CellValue.of(
                value,
                grid.ref(r, c),
                grid.formulas.get((r, c)),
                raw is not None and (r, c) in grid.uncached,
            )
            assert _same(built, plain), (built, plain)
            assert _same(built.place(), plain.place()) and type(built.place()) is CellRef
            assert _same(C.cell_of(grid, r, c, raw), plain)


def test_an_indicator_made_by_calling_its_twin_is_the_dataclass():
    """`evaluation._indicator` (the slot twin called) is `Indicator(...)` with the same fields."""
    rng = random.Random(2122)
    for _ in range(draws(300, 50)):
        fields = [
            CellValue.of(rng.choice(_TEXTS), CellRef("表1", f"B{rng.randint(1, 99)}"))
            if rng.random() < 0.8
            else (None if i >= 8 else CellValue.of(None))
            for i in range(15)
        ]
        built = E._indicator(*fields)
        plain = Indicator(*fields)
        assert _same(built, plain)
        assert all(getattr(built, n) is f for n, f in zip(E._INDICATOR_FIELDS, fields, strict=True))


def test_filled_and_data_cells_are_value_at_and_cell_of():
    """`_filled(g, r, c, held)` is `value_at(g, r, c, fill=True)` and `_data(g, r, cols, held, role)` is the role's
    `cell_of` (empty without the role), `held` being the row's own values (`row_cells`), for every cell of random
    grids with merges, formulas and uncached cells."""
    rng = random.Random(2123)
    for _ in range(draws(400, 60)):
        grid = _grid(rng, rng.randint(1, 6), rng.randint(1, 8))
        for r in range(grid.n_rows):
            held = dict(C.row_cells(grid, r))
            for c in range(grid.n_cols):
                if not (c not in held and grid.merged and (r, c) in grid._anchor):
                    continue  # (`_indicator_row` asks `_filled` only of a merged cell the row holds nothing in)
                assert _same(E._filled(grid, r, c, held), C.value_at(grid, r, c, fill=True))
            cols = {"unit": rng.randrange(grid.n_cols)} if rng.random() < 0.7 else {}
            plain = C.cell_of(grid, r, cols["unit"], held.get(cols["unit"])) if cols else CellValue.of(None, None)
            assert _same(E._data(grid, r, cols, held, "unit"), plain)


def _plain_parse_level1(cell: CellValue) -> Level1Heading:
    # session 20's parse_level1, kept here as the plain form
    text = unicodedata.normalize("NFKC", cell.text).replace("（", "(").replace("）", ")")
    text = re.sub(r"\s+", "", text)
    m = I._DECLARED.search(text)
    if m and m.start():
        try:
            return Level1Heading(cell, to_simplified(text[: m.start()].rstrip("([")), Decimal(m.group(1)))
        except InvalidOperation:
            pass
    return Level1Heading(cell, to_simplified(text), None)


def test_a_level1_labels_parts_read_once_a_text_are_the_plain_reading():
    """`parse_level1` (its name and declared weight kept by text) gives the plain reading's heading — same name, same
    Decimal (value and exponent) — for labels asked again and again: full-width brackets, spaces, 分 with and
    without figures, traditional characters, numbers, and texts past CACHE_MAX_LEN (read each time)."""
    rng = random.Random(2124)
    parts = (
        "产出",
        "指标",
        "效益",
        "產出指標",
        "满意度",
        "（",
        "）",
        "(",
        ")",
        "[",
        "]",
        " ",
        "\u3000",
        "分",
        "55",
        "2.5",
        "0",
        "12",
        "x",
    )
    for i in range(draws(4000, 400)):
        if i % 97 == 0:
            text = "产出指标" * (CACHE_MAX_LEN // 4 + 1) + "(10分)"
        else:
            text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 7)))
        raw = rng.choice((text, f" {text} ", 20.0, Decimal("12.50"), None)) if i % 11 == 0 else text
        cell = CellValue.of(raw, CellRef("表1", "B5"))
        for _ in range(2):  # (the second from the cache)
            got, plain = I.parse_level1(cell), _plain_parse_level1(cell)
            assert got == plain and got.label is cell
            assert str(got.declared_weight) == str(plain.declared_weight)


def test_row_kinds_read_once_and_searched_by_the_list_are_the_plain_forms():
    """The members the layout asks a row read as globals are the members; `read_sheet`'s `titled` and its
    evaluation-kinds test by the list's own search give what the generator and the set of the rows' kinds gave."""
    assert (D._OTHER, D._NOTE, D._BLANK, E._OTHER) == (RowKind.OTHER, RowKind.NOTE, RowKind.BLANK, RowKind.OTHER)
    rng = random.Random(2125)
    members = list(RowKind)
    te, tb = RowKind.TITLE_EVALUATION, RowKind.TITLE_BASIC
    for _ in range(draws(3000, 300)):
        kinds = [rng.choice(members) for _ in range(rng.randint(0, 12))]
        if rng.random() < 0.5:  # (most sheets: data rows only)
            kinds = [k for k in kinds if k in (RowKind.OTHER, RowKind.BLANK, RowKind.NOTE)]
        assert (te in kinds or tb in kinds) == any(k is te or k is tb for k in kinds)
        assert any(k in kinds for k in D._EVALUATION_KINDS) == bool(D._EVALUATION_KINDS & set(kinds))
