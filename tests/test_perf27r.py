"""perf27r's sheet pass in the layout, held against the plain per-row path on every real table of tests/realworld and on
probe variants of them, and on made-up rows of odd values (docs/performance.md, "perf27r").

- `cells.scan_rows` works out every row's `row_cells` and `row_labels` in one pass and caches them: each row's lists
  must be those `_scan_row` and `row_labels` give the row on a fresh grid, and the caches what they would hold.
- `read_sheet` classifies each row from those lists (`detect._classify`): the kinds must be `classify_row`'s; and
  `read_overview` looks for its heading in those labels: the same staffing line as from `row_labels` row by row.
- An indicator row builds its cells without the merge map when none of its six columns is among its row's continued
  columns or the first columns of the ranges starting on it (`cells.merge_rows`): no cell outside those is in the map."""

from __future__ import annotations

import itertools
import random
import sys
from functools import cache
from pathlib import Path
from typing import Any

import hypothesis_budget
from hypothesis_budget import draws

from perfxl.grid import Grid
from perfxl.layout import cells as C
from perfxl.layout import detect as D
from perfxl.layout.overview import read_overview

CORPUS = Path(__file__).parent / "realworld"
sys.path.insert(0, str(CORPUS))

from render import corpus_grids  # type: ignore[import-not-found]  # noqa: E402

#: Probe variants that change which cells a row holds: merges kept, dropped or exported filled, blank columns, heads.
_VARIANTS = ("group_merged", "group_first_only", "unmerged", "unmerged_filled", "empty_column_b", "head_break")


@cache
def _grids() -> tuple[tuple[str, Grid], ...]:
    """Every real table's grid, then the variants' grids of every third table (every ninth in the fast loop)."""
    return corpus_grids(_VARIANTS, 9 if hypothesis_budget.FAST else 3)


def _fresh(grid: Grid) -> Grid:
    """A copy of the grid with no row cache (its rows copied: the caches live in the grid's own `__dict__`)."""
    return Grid(grid.name, [list(r) for r in grid.rows], grid.merged)


def _plain(grid: Grid) -> tuple[list[Any], list[Any], list[D.RowKind]]:
    """Each row's scan, labels and kind by the per-row calls, on a fresh copy of the grid."""
    g = _fresh(grid)
    cells = [C._scan_row(g, r) for r in range(g.n_rows)]
    labels = [C.row_labels(g, r) for r in range(g.n_rows)]
    kinds = [D.classify_row(_fresh(grid), r) for r in range(g.n_rows)]
    return cells, labels, kinds


def _check(grid: Grid, name: str) -> bool:
    """The sheet pass against the per-row calls on `grid`; whether the plain kinds read an overview (the per-row calls
    are the costly part: made once, not again by the caller)."""
    continued, tops = C.merge_rows(_fresh(grid))
    for r, c in grid._anchor:  # every merged cell is its row's continued column or a range's first column on it
        assert c in continued.get(r, ()) or c in tops.get(r, ()), (name, r, c)
    cells, labels, kinds = _plain(grid)
    g = _fresh(grid)
    got_cells, got_labels = C.scan_rows(g)
    assert got_cells == cells, name
    assert got_labels == labels, name
    # the caches hold what the per-row calls would have cached, for every row
    assert [C.row_cells(g, r) for r in range(g.n_rows)] == cells, name
    assert [C.row_labels(g, r) for r in range(g.n_rows)] == labels, name
    got_kinds = list(map(D._classify, itertools.repeat(g), range(g.n_rows), got_cells, got_labels))
    assert got_kinds == kinds, name
    plain_overview = read_overview(_fresh(grid), kinds)
    assert repr(read_overview(g, got_kinds, got_labels)) == repr(plain_overview), name
    return plain_overview is not None


def test_the_sheet_pass_reads_every_real_row_as_the_row_calls() -> None:
    """On every real table and the variants: `scan_rows`' cells and labels and the kinds classified from them are the
    per-row calls' (both merged and unmerged grids are met, and rows of every kind read by the reader's fast path)."""
    grids = _grids()
    merged = overview = 0
    for name, grid in grids:
        overview += _check(grid, name)
        merged += bool(grid.merged)
    assert len(grids) > 200 and merged > 50 and overview > 0, (len(grids), merged, overview)


#: Cell values a row may hold: blanks of every spelling, white space, numbers that are false, a str subclass, texts
#: that normalise to other labels, dates.
class _Text(str):
    pass


_VALUES: tuple[Any, ...] = (
    None,
    "",
    " ",
    "\u3000",
    "\t\n",
    0,
    0.0,
    -0.0,
    False,
    True,
    1,
    2.5,
    float("nan"),
    _Text(""),
    _Text("  "),
    _Text("绩效指标"),
    "一级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "总分",
    "自评等级：优",
    "注：本表",
    "（一）产出指标",
    "数量指标",
    "完成率≥95%",
    "2023年度部门整体支出绩效自评表",
    "項目名稱",
    "x" * 300,
)


def test_the_sheet_pass_on_rows_of_odd_values() -> None:
    """Random grids of odd values, some of their cells merged (a merge's continuation holding a value of its own, as an
    export filling its merges writes): the sheet pass reads them as the row calls do."""
    rng = random.Random(27)
    for i in range(draws(400, 60)):
        n_rows, n_cols = rng.randint(1, 8), rng.randint(1, 7)
        rows = [[rng.choice(_VALUES) for _ in range(rng.randint(0, n_cols))] for _ in range(n_rows)]
        merged = []
        for _ in range(rng.randint(0, 3)):
            r0, c0 = rng.randrange(n_rows), rng.randrange(n_cols)
            merged.append((r0, c0, min(n_rows - 1, r0 + rng.randint(0, 2)), min(n_cols - 1, c0 + rng.randint(0, 2))))
        _check(Grid("表", rows, tuple(merged)), f"draw {i}")
