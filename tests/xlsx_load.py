"""Test helper: openpyxl's `load_workbook` without restyling merged cells, for tests that read values, formulas,
number formats, merges, validations and comments of a workbook — never a border of a merged range, nor a protection.

On a full load openpyxl gives every cell of a merged range a `MergedCell` and copies the anchor cell's border and
protection onto it (`MergedCellRange.format`): every copy hashes and compares whole style objects, ≈ 70% of loading
the standard workbook (127 → 39 ms of CPU). Before that, each range's anchor cell takes the right and bottom border
of the range's bottom-right cell (`MergedCellRange._get_borders`, the same hashing; without it 41 → 22 ms of CPU a
load of the standard workbook, under load). Here the anchor cells and the `MergedCell`s are made all the same, the
`MergedCell`s with the default style, so every cell, value, type, number format, merge, validation and comment reads
as before; only borders (a merged cell's, and the anchor's right and bottom) and a merged cell's protection are not
copied. Never use it for a workbook a test saves again, nor where a test reads a border or a protection.
`PERFXL_CHECK_XLSX_LOAD=1` loads each workbook both ways and fails on any difference outside those styles.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import openpyxl
from openpyxl.worksheet.merge import MergedCell, MergedCellRange

__all__ = ["load_workbook", "merged_cells_unstyled"]


def _anchor_only(self: MergedCellRange) -> None:
    """`MergedCellRange._get_borders` less the border copy: the range's top-left cell, made if it is not there yet."""
    self.start_cell = self.ws._cells.get((self.min_row, self.min_col))
    if self.start_cell is None:
        self.start_cell = self.ws.cell(row=self.min_row, column=self.min_col)


def _placeholders_only(self: MergedCellRange) -> None:
    """`MergedCellRange.format` less the style copies: a `MergedCell` for every cell of the range not yet made."""
    cells = self.ws._cells
    for row, col in self.cells:
        if (row, col) not in cells:
            cells[(row, col)] = MergedCell(self.ws, row=row, column=col)


@contextmanager
def merged_cells_unstyled() -> Iterator[None]:
    """Within: workbooks loaded by openpyxl (also by product code a test calls) skip the merged cells' style copies.
    Only around loads: `ws.merge_cells` on a workbook being written uses the same methods."""
    original = MergedCellRange.format, MergedCellRange._get_borders
    MergedCellRange.format = _placeholders_only  # type: ignore[method-assign]
    MergedCellRange._get_borders = _anchor_only  # type: ignore[method-assign]
    try:
        yield
    finally:
        MergedCellRange.format, MergedCellRange._get_borders = original  # type: ignore[method-assign]


def _picture(book: Any) -> list:
    """Everything a caller of `load_workbook` here may read: per sheet, every cell's coordinate, class, value, type,
    number format, quote prefix, font, fill, alignment, comment; merges, validations, state, dimensions."""
    out: list = [book.sheetnames, sorted(book.defined_names)]
    for ws in book.worksheets:
        out.append((ws.title, ws.sheet_state, ws.dimensions, sorted(str(r) for r in ws.merged_cells.ranges)))
        out.append(
            sorted((str(dv.sqref), dv.type, dv.formula1, dv.formula2) for dv in ws.data_validations.dataValidation)
        )
        for row in ws.iter_rows():
            for c in row:
                out.append(
                    (
                        c.coordinate,
                        type(c).__name__,
                        repr(c.value),
                        c.data_type,
                        c.number_format,
                        c.quotePrefix if hasattr(c, "quotePrefix") else None,
                        repr(c.font),
                        repr(c.fill),
                        repr(c.alignment),
                        c.comment.text if c.comment else None,
                    )
                )
    return out


def load_workbook(filename: Any, **kwargs: Any) -> Any:
    """`openpyxl.load_workbook(filename, **kwargs)` within `merged_cells_unstyled`."""
    with merged_cells_unstyled():
        book = openpyxl.load_workbook(filename, **kwargs)
    if os.environ.get("PERFXL_CHECK_XLSX_LOAD") and not kwargs.get("read_only"):
        full = openpyxl.load_workbook(filename, **kwargs)
        assert _picture(book) == _picture(full), f"{filename}: the unstyled load differs from openpyxl's"
    return book
