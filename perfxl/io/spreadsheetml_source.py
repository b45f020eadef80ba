"""Excel 2003 XML (SpreadsheetML) saved as .xls or .xml → Grids with merged ranges and error cells.

Parsed with lxml.etree with entities, DTDs and network access off (the guard has already refused
a DTD before the root and bounded the size). The text is decoded first (perfxl.io.markup_text)
because exports declare UTF-8 over GBK bytes. Cells follow SpreadsheetML's placement: `ss:Index`
(1-based) jumps to a column or row, `ss:MergeAcross`/`ss:MergeDown` span cells (a later cell
continues right of a horizontal span; rows below name their column with ss:Index, as Excel writes).
Number cells become exact Decimals; Error cells go to `Grid.errors`; R1C1 formulas are not loaded
(the cached value in <Data> is read, as for any workbook).
As for an .xlsx (read31h): a number under a percent or fixed-decimal `ss:Format` of its style ("0.0%", "Percent",
"Fixed", "0.00") reads as the text it shows (perfxl.io.shown_numbers), and rows and columns with `ss:Hidden="1"` are
the Grid's hidden rows and columns (perfxl.io.sheet_flags), so the printed-precision and hidden-column rules apply.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..errors import UnreadableWorkbook
from ..grid import Grid
from ..numbers import float_decimal
from ..patterns import lazy_compile
from .markup_text import decode_markup
from .sheet_flags import MAX_HIDDEN_SPAN, SheetFlags, apply_flags, indices_within
from .shown_numbers import Shows, format_shows, shown_result, shown_text

__all__ = ["read_spreadsheetml", "spreadsheetml_grids", "NS"]

NS = "urn:schemas-microsoft-com:office:spreadsheet"
_X = "urn:schemas-microsoft-com:office:excel"
_SS = f"{{{NS}}}"
_XML_DECL = lazy_compile(r"^\s*<\?xml[^>]*\?>", re.I)
MAX_SPAN = 1000


def read_spreadsheetml(path: str | Path, encoding: str = "", max_cells: int = 2_000_000) -> tuple[list[Grid], str]:
    """(Grids, encoding used) of a SpreadsheetML 2003 file."""
    p = Path(path)
    text, used = decode_markup(p.read_bytes(), encoding)
    try:
        grids = spreadsheetml_grids(text, max_cells=max_cells)
    except UnreadableWorkbook as exc:
        exc.path = exc.path or str(p)
        raise
    except Exception as exc:  # lxml XMLSyntaxError and friends: a damaged file
        raise UnreadableWorkbook(
            # the parser's English words stay in the English text (docs14)
            f"文件“{p.name}”是 Excel 2003 XML 表格，但内容已损坏（XML 结构有误），无法读取；"
            "请用 Excel 或 WPS 打开该文件，另存为 .xlsx 后重新提交",
            f"'{p.name}' is an Excel 2003 XML spreadsheet but it is malformed: {exc}"[:300],
            code="FILE_DAMAGED",
            path=str(p),
        ) from None
    if not grids:
        raise UnreadableWorkbook(
            f"文件“{p.name}”中没有工作表。", f"'{p.name}' holds no worksheet.", code="WORKBOOK_NO_SHEETS", path=str(p)
        )
    return grids, used


def spreadsheetml_grids(text: str, *, max_cells: int = 2_000_000) -> list[Grid]:
    """Every <Worksheet> of a SpreadsheetML text as a Grid."""
    # lazy: lxml (~16 ms) only for HTML and Excel-2003-XML exports, not the .xlsx validate path
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True
    )
    root = etree.fromstring(_XML_DECL.sub("", text, count=1).encode("utf-8"), parser)
    grids: list[Grid] = []
    budget = max_cells
    shows = _style_shows(root)
    for ws in root.iter(f"{_SS}Worksheet"):
        name = ws.get(f"{_SS}Name") or f"Sheet{len(grids) + 1}"
        table = ws.find(f"{_SS}Table")
        grid, cells = _sheet(name, table, budget, shows) if table is not None else (Grid(name, []), 0)
        budget -= cells
        grid.hidden = _hidden(ws)
        grids.append(grid)
    return grids


#: SpreadsheetML's named number formats (Excel's "Fixed", "Standard", "Percent") as what they show; any other name
#: ("General", "Currency", "Short Date", "Scientific" …) shows a number as stored or as no plain figure: left as read.
_NAMED_FORMATS: dict[str, Shows] = {
    "fixed": Shows(2, False, ""),
    "standard": Shows(2, False, ""),
    "percent": Shows(2, True, "%"),
}


def _style_shows(root: Any) -> dict[str, Shows]:
    """Style ID → what its number format shows, for each style (or the parent it inherits from, `ss:Parent`) whose
    `<NumberFormat ss:Format>` is a percent or a figure at fixed decimals; other styles are left out."""
    styles = root.find(f"{_SS}Styles")
    if styles is None:
        return {}
    formats: dict[str, str | None] = {}
    parents: dict[str, str] = {}
    for style in styles.iter(f"{_SS}Style"):
        sid = style.get(f"{_SS}ID")
        if not sid:
            continue
        fmt = style.find(f"{_SS}NumberFormat")
        formats[sid] = fmt.get(f"{_SS}Format", "General") if fmt is not None else None
        if parent := style.get(f"{_SS}Parent"):
            parents[sid] = parent
    out: dict[str, Shows] = {}
    for sid in formats:
        code, seen, at = formats[sid], {sid}, sid
        while code is None and (at := parents.get(at, "")) and at not in seen:  # inherited from its parent style
            seen.add(at)
            code = formats.get(at)
        if code is None:
            continue
        shows = _NAMED_FORMATS.get(code.strip().lower()) or format_shows(code)
        if shows is not None:
            out[sid] = shows
    return out


def _hidden(ws: Any) -> bool:
    opts = ws.find(f"{{{_X}}}WorksheetOptions")
    vis = opts.findtext(f"{{{_X}}}Visible") if opts is not None else None
    return vis is not None and vis.strip() in ("SheetHidden", "SheetVeryHidden")


def _index(el: Any, default: int) -> int:
    raw = el.get(f"{_SS}Index")
    if raw is None:
        return default
    try:
        return max(0, int(raw) - 1)
    except ValueError:
        return default


def _int(el: Any, attr: str) -> int:
    try:
        return max(0, min(int(el.get(f"{_SS}{attr}", "0")), MAX_SPAN))
    except ValueError:
        return 0


def _columns(table: Any) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The <Column> elements: (first, last, style ID) of each styled one, sorted, and the (first, last) 0-based columns
    of each hidden one (`ss:Hidden="1"` over `ss:Span` more; a span wider than `MAX_HIDDEN_SPAN` is the unused rest of
    the sheet hidden, as for an .xlsx). Ranges, not columns: a hostile file's spans are never expanded here."""
    styled: list[tuple[int, int, str]] = []
    hidden: list[tuple[int, int]] = []
    c = -1
    for col in table.iter(f"{_SS}Column"):
        c = _index(col, c + 1)
        span = _int(col, "Span")
        if sid := col.get(f"{_SS}StyleID"):
            styled.append((c, c + span, sid))
        if _flag(col, "Hidden") and span < MAX_HIDDEN_SPAN:
            hidden.append((c, c + span))
        c += span
    return sorted(styled), hidden


def _column_style(styled: list[tuple[int, int, str]], c: int) -> str | None:
    """The style ID a <Column> range gives column `c`, if any (the last range starting at or before it)."""
    at = bisect_right(styled, (c, float("inf"), "")) - 1
    return styled[at][2] if at >= 0 and styled[at][1] >= c else None


def _flag(el: Any, attr: str) -> bool:
    return (el.get(f"{_SS}{attr}") or "").strip() in ("1", "true")


def _sheet(name: str, table: Any, budget: int, shows: dict[str, Shows]) -> tuple[Grid, int]:
    rows: dict[int, dict[int, Any]] = {}
    merged: list[tuple[int, int, int, int]] = []
    errors: dict[tuple[int, int], str] = {}
    column_styles, hidden_cols = _columns(table)
    hidden_rows: list[tuple[int, int]] = []
    r = -1
    cells = 0
    for row in table.iter(f"{_SS}Row"):
        r = _index(row, r + 1)
        span = _int(row, "Span")  # `ss:Span` more rows like this one, not written out
        if _flag(row, "Hidden"):
            hidden_rows.append((r, r + span))
        row_style = row.get(f"{_SS}StyleID")
        c = -1
        for cell in row.iter(f"{_SS}Cell"):
            c = _index(cell, c + 1)
            across, down = _int(cell, "MergeAcross"), _int(cell, "MergeDown")
            cells += (across + 1) * (down + 1)
            if cells > budget or max(r, c) > 1_048_576:
                raise UnreadableWorkbook(
                    f"工作表“{name}”过大（超过 {budget:,} 个单元格）。",
                    f"sheet '{name}' is too large (over {budget:,} cells).",
                    code="SHEET_TOO_LARGE",
                    sheet=name,
                )
            value, is_error = _value(cell.find(f"{_SS}Data"))
            if isinstance(value, Decimal):
                style = cell.get(f"{_SS}StyleID") or row_style or _column_style(column_styles, c) or "Default"
                value = _as_shown(value, shows.get(style), formula=cell.get(f"{_SS}Formula") is not None)
            if value is not None:
                rows.setdefault(r, {})[c] = value
                if is_error:
                    errors[(r, c)] = value
            if across or down:
                merged.append((r, c, r + down, c + across))
            c += across
        r += span
    height = max([max(rows, default=-1) + 1] + [m[2] + 1 for m in merged])
    width = max([max((max(cols) + 1 for cols in rows.values() if cols), default=0)] + [m[3] + 1 for m in merged])
    if height * width > budget:
        raise UnreadableWorkbook(
            f"工作表“{name}”的区域过大（{height} 行 × {width} 列）。",
            f"sheet '{name}' spans {height} × {width} cells, over the limit.",
            code="SHEET_TOO_LARGE",
            sheet=name,
        )
    grid_rows = [[rows.get(i, {}).get(j, "") for j in range(width)] for i in range(height)]
    grid = Grid(name, grid_rows, tuple(merged), errors=errors)
    apply_flags(grid, SheetFlags(rows=indices_within(hidden_rows, height), cols=indices_within(hidden_cols, width)))
    return grid, cells


def _as_shown(number: Decimal, shows: Shows | None, *, formula: bool) -> Decimal | str:
    """A number cell as its style's format shows it ("95.5%" for 0.955 under "0.0%"), as the .xlsx reader reads it
    (`shown_numbers.shown_cells`): a formula's result where `shown_result` shows it; else the number as stored."""
    if shows is None:
        return number
    text = (shown_result if formula else shown_text)(number, shows)
    return number if text is None else text


def _value(data: Any) -> tuple[Any, bool]:
    """The typed value of a <Data> element (rich text flattened), and whether it is an error value."""
    if data is None:
        return None, False
    text = "".join(data.itertext())
    kind = data.get(f"{_SS}Type", "String")
    if kind == "Number":
        try:
            number = Decimal(text.strip())
        except InvalidOperation:
            return text, False
        # more digits than the double Excel holds ("2.9000000000000004" a system wrote): the 15 it shows
        return (
            float_decimal(float(number)) if len(number.as_tuple().digits) > 15 and number.is_finite() else number
        ), False
    if kind == "Boolean":
        return text.strip() in ("1", "true", "TRUE"), False
    if kind == "Error":
        return text.strip(), True
    if kind == "DateTime":
        try:
            return datetime.fromisoformat(text.strip()), False
        except ValueError:
            return text, False
    return (text if text != "" else None), False
