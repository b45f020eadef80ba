"""The layout reads an indicator row once: each column's own value from the row's scan (`row_cells`), each CellValue
built from that value (`cell_of`). These pin that this is exactly what reading cell by cell gives (`own`, and a
CellValue made from the Grid's own accessors), on a grid of merges, blanks, numbers and formulas and on the seed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfxl.grid import Grid
from perfxl.io.source import open_source
from perfxl.layout.cells import cell_of, empty_at, exact, own, own_cell, row_cells, value_at
from perfxl.model import CellValue

SEED = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


def _odd_grid() -> Grid:
    rows: list[list[object]] = [
        ["产出指标", "数量指标", "名称", "≥95%", 96.0, 10, "", "  "],
        [None, None, "名称2", 3, Decimal("2.50"), 9.5, None, "\u3000"],
        ["", "质量指标", None, "", 0.1, 0, "=SUM(F1:F2)", "x"],
        ["效益指标", "效益指标", "效益指标", "/", "……", 12345678901234567.0, True, None],
        [1, 2],
    ]
    return Grid(
        "表1",
        rows,
        merged=((0, 0, 2, 0), (3, 0, 3, 2), (0, 7, 1, 7)),
        formulas={(2, 6): "=SUM(F1:F2)", (1, 6): "=F1", (2, 2): "=A1"},
        uncached=frozenset({(2, 6), (1, 6)}),
    )


def _seed_grids() -> list[Grid]:
    return open_source(SEED)[0]


def _by_cell(grid: Grid, r: int, c: int, *, only_own: bool) -> CellValue:
    """The CellValue of (r, c) read on its own, from the Grid's accessors (what the layout's cells are)."""
    ar, ac = grid.anchor_of(r, c)
    raw = grid.raw(r, c) if (ar, ac) == (r, c) or not only_own else None
    if isinstance(raw, str) and not raw.strip():
        raw = None
    computed = raw is not None and (r, c) in grid.uncached
    return CellValue.of(exact(raw), grid.ref(r, c), grid.formulas.get((r, c)), computed)


@pytest.mark.parametrize("grids", [lambda: [_odd_grid()], _seed_grids], ids=["odd", "seed"])
def test_row_scan_is_own_and_cells_are_read_alike(grids) -> None:
    for grid in grids():
        width = grid.n_cols + 1
        for r in range(grid.n_rows + 1):
            held = dict(row_cells(grid, r))
            for c in range(width):
                assert held.get(c) == own(grid, r, c), (grid.name, r, c)
                assert own_cell(grid, r, c) == _by_cell(grid, r, c, only_own=True), (grid.name, r, c)
                assert cell_of(grid, r, c, held.get(c)) == own_cell(grid, r, c)
                assert value_at(grid, r, c) == _by_cell(grid, r, c, only_own=False), (grid.name, r, c)
                assert empty_at(grid, r, c) == CellValue.of(None, grid.ref(r, c), grid.formulas.get((r, c)))
