"""Session 22, branch layout22s (issue 14): a small file's layout, each cut held against its plain form.

- `layout.fragment.headerless_indicator_rows(read=…)`: the headerless-fragment scan asked of every sheet
  (`detect._headerless_fragment`) stops at the first row a table read that the fragment would hold, instead of scanning
  the whole table and dropping the fragment afterwards — the plain form (scan everything, then None when a read row
  falls in the fragment) gives the same answer on the corpus's sheets (with the rows their tables read, and random
  row sets) and on random sheets.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

from perfxl.grid import Grid
from perfxl.layout.cells import clear_cache
from perfxl.layout.detect import classify_row
from perfxl.layout.evaluation import read_evaluation_tables
from perfxl.layout.fragment import headerless_indicator_rows

CORPUS = Path(__file__).parent / "realworld"


def _plain(grid: Grid, read: set[int], limit: int = 200) -> tuple[int, int] | None:
    """main's reading: the whole scan, then no fragment when a read row falls in it."""
    found = headerless_indicator_rows(grid, limit)
    if found is None or any(found[0] <= r <= found[1] for r in read):
        return None
    return found


def _corpus_grids(every: int) -> Iterator[Grid]:
    sys.path.insert(0, str(CORPUS))
    from render import _merge_bounds, corpus_files, load_table  # type: ignore[import-not-found]

    for path in corpus_files()[::every]:
        table = load_table(path)
        merged = tuple(b for m in table.merges if (b := _merge_bounds(m)) is not None)
        yield Grid(table.sheet, [list(r) for r in table.rows], merged)


def _read_rows(grid: Grid) -> set[int]:
    """The rows the sheet's 自评表 readers read, as `detect._headerless_fragment` collects them."""
    clear_cache(grid)
    kinds = [classify_row(grid, r) for r in range(grid.n_rows)]
    reader = read_evaluation_tables(grid, list(range(grid.n_rows)), kinds)
    return {r for _, marks, _ in reader.tables for r, what in marks if what not in ("unread", "blank")}


def test_corpus_sheets_as_plain() -> None:
    rng = random.Random(22)
    n = 0
    for grid in _corpus_grids(3):
        read = _read_rows(grid)
        sets = [set(), read, {r for r in range(grid.n_rows) if rng.random() < 0.2}]
        for s in sets:
            assert headerless_indicator_rows(grid, read=s) == _plain(grid, s), (grid.name, sorted(s))
        n += 1
    assert n > 60


_WORDS = [
    "产出指标",
    "数量指标",
    "效益指标",
    "≥",
    "=",
    "定性",
    "10",
    5,
    "95%",
    "合计",
    "总分",
    "",
    None,
    "按时完成",
    "指标名称",
]


def _random_grid(rng: random.Random) -> Grid:
    rows = [[rng.choice(_WORDS) for _ in range(rng.randint(1, 6))] for _ in range(rng.randint(0, 25))]
    width = max((len(r) for r in rows), default=0)
    return Grid("随机", [r + [None] * (width - len(r)) for r in rows], ())


def test_random_sheets_as_plain() -> None:
    rng = random.Random(14)
    found = 0
    for _ in range(1500):
        grid = _random_grid(rng)
        read = {r for r in range(grid.n_rows) if rng.random() < rng.choice((0.0, 0.1, 0.4))}
        if rng.random() < 0.4:  # a table read from row k to the sheet's end (the common case: the scan ends early)
            k = rng.randint(0, max(grid.n_rows, 1))
            read |= set(range(k, grid.n_rows)) - (
                {rng.randrange(grid.n_rows)} if grid.n_rows and rng.random() < 0.5 else set()
            )
        limit = rng.choice((200, 200, 5))
        plain = _plain(grid, read, limit)
        assert headerless_indicator_rows(grid, limit, read) == plain, (grid.rows, sorted(read), limit)
        found += plain is not None
    assert found > 40  # the random sheets do hold fragments the scan must still find


def test_fragment_above_a_read_table_still_found() -> None:
    """A fragment closed by its 合计 above a table's header is found; a read row inside it (or at its start) drops it."""
    rows = [
        ["产出指标", "数量指标", "培训人数", "≥", "100", "人", "120", "10", "10"],
        ["效益指标", "社会效益", "满意度", "≥", "90", "%", "95", "10", "10"],
        ["合计", None, None, None, None, None, None, "20", "20"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "分值", "得分"],
        ["产出指标", "数量指标", "发放人次", "≥", "50", "人次", "60", "10", "10"],
    ]
    grid = Grid("表", rows, ())
    assert headerless_indicator_rows(grid, read={3, 4}) == (0, 2)
    assert headerless_indicator_rows(grid, read={1}) is None
    assert headerless_indicator_rows(grid, read={0}) is None
    assert headerless_indicator_rows(grid, read={2}) is None
