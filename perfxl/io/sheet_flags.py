"""What calamine does not report of an .xlsx sheet, read from the sheet XML the reader scans anyway (read29):
hidden rows (filtered or hidden by hand), hidden columns, and cells typed with a leading apostrophe (quotePrefix).

Each is a byte search on a piece the reader already holds; the regular expressions run only on a piece that has
the attribute at all, so a sheet without any adds no per-cell work (bench_big).
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from perfxl.model import column_index
from perfxl.patterns import lazy_compile
from perfxl.records import record

from .ooxml import CellStyles

__all__ = [
    "SheetFlags",
    "scan_flags",
    "quoted_styles",
    "apply_flags",
    "MAX_HIDDEN_SPAN",
    "hidden_column_span",
    "indices_within",
]

_HIDDEN = (b'hidden="1"', b'hidden="true"')
_ROW = lazy_compile(rb"<row\b([^>]*)>")
_COL = lazy_compile(rb"<col\b([^>]*?)/?>")
_ROW_NO = lazy_compile(rb'\br="(\d+)"')
_MIN = lazy_compile(rb'\bmin="(\d+)"')
_MAX = lazy_compile(rb'\bmax="(\d+)"')
_IS_HIDDEN = lazy_compile(rb'\bhidden="(?:1|true)"')
_STYLED_CELL = lazy_compile(rb'<c\b([^>]*\bs="(\d+)"[^>]*)>')
_CELL_REF = lazy_compile(rb'\br="([A-Z]{1,3})(\d+)"')
#: a column hidden over more columns than this is the unused rest of the sheet hidden, not a column of the form
MAX_HIDDEN_SPAN = 200


@record()
class SheetFlags:
    """One sheet's hidden rows and columns and its quote-prefixed cells, 0-based."""

    rows: set[int] = field(default_factory=set)
    cols: set[int] = field(default_factory=set)
    quoted: set[tuple[int, int]] = field(default_factory=set)


def quoted_styles(styles: CellStyles) -> frozenset[int]:
    """Indices of the cell formats (cellXfs) that set quotePrefix: the styles a leading apostrophe gives a cell."""
    return frozenset(
        k for k, attrs in enumerate(styles.cell_formats) if attrs.get("quotePrefix", "").strip() in ("1", "true")
    )


def scan_flags(piece: bytes, flags: SheetFlags, quoted: frozenset[int]) -> None:
    """Add one piece of a worksheet part's hidden rows/columns and quote-prefixed cells to `flags`."""
    if any(h in piece for h in _HIDDEN):
        for m in _COL.finditer(piece):
            attrs = m.group(1)
            lo, hi = _MIN.search(attrs), _MAX.search(attrs)
            if _IS_HIDDEN.search(attrs) and lo and hi:
                flags.cols.update(hidden_column_span(int(lo.group(1)) - 1, int(hi.group(1)) - 1))
        for m in _ROW.finditer(piece):
            attrs = m.group(1)
            if _IS_HIDDEN.search(attrs) and (no := _ROW_NO.search(attrs)):
                flags.rows.add(int(no.group(1)) - 1)
    if quoted:
        for m in _STYLED_CELL.finditer(piece):
            if int(m.group(2)) in quoted and (ref := _CELL_REF.search(m.group(1))):
                flags.quoted.add((int(ref.group(2)) - 1, column_index(ref.group(1).decode()) - 1))


def hidden_column_span(first: int, last: int) -> range:
    """The 0-based columns `first`..`last` one hidden-column entry (an .xlsx `<col>`, an .xls COLINFO) hides; none when
    it spans `MAX_HIDDEN_SPAN` columns or more (the unused rest of the sheet hidden, not a column of the form)."""
    return range(first, last + 1) if last - first < MAX_HIDDEN_SPAN else range(0)


def indices_within(ranges: list[tuple[int, int]], limit: int) -> set[int]:
    """The indices below `limit` of inclusive (first, last) ranges — a markup file's hidden rows or columns, each
    element spanning up to 1,000 (ss:Span, <col span>): merged first and clipped to the sheet, so 200,000 hostile
    elements cost their count, not their spans' sum (sec24b)."""
    out: set[int] = set()
    reach = -1
    for lo, hi in sorted(ranges):
        lo, hi = max(lo, reach + 1), min(hi, limit - 1)
        if lo <= hi:
            out.update(range(lo, hi + 1))
        reach = max(reach, hi)
    return out


def apply_flags(grid: Any, flags: SheetFlags | None) -> None:
    """Put a sheet's flags on its Grid (what they mean for the reading is the layout's: `layout.hidden_cells`)."""
    if flags is None or not (flags.rows or flags.cols or flags.quoted):
        return
    grid.hidden_rows = frozenset(flags.rows)
    grid.hidden_cols = frozenset(flags.cols)
    grid.quoted = frozenset(flags.quoted)
