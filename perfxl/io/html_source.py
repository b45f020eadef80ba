r"""HTML tables saved as .xls ("fake Excel" exports of budget systems) → Grids, merges from colspan/rowspan.

Parsed with lxml.html (libxml2's forgiving HTML parser: fast, maintained, has a Pyodide build, and
is already installed with python-docx) — html5lib would give the same trees for these simple exports
at many times the cost. Each top-level <table> becomes one Grid named after its <caption>, the heading right before it
(LibreOffice's "Sheet 1: 基础数据表"), or the page <title> when there is one table, else "表1", "表2" …. Text keeps <br> as a line break;
HTML's layout whitespace is collapsed. A cell styled `mso-number-format:"\@"` (Excel's text format)
stays text; other plain numbers become Decimals, as Excel converts them on opening.
The guard (perfxl.io.guard) has already bounded the file's size and refused entity declarations.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import UnreadableWorkbook
from ..grid import Grid
from .markup_text import decode_markup, excel_value

__all__ = ["read_html", "html_grids"]

_WS = re.compile(r"[ \t\r\n\f]+")
_BR = "\u2028"
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_TEXT_FORMAT = re.compile(r"mso-number-format\s*:\s*[\"']?\\?@", re.I)
#: colspan/rowspan beyond these are clamped (a hostile span must not allocate millions of cells).
MAX_SPAN = 1000


def read_html(path: str | Path, encoding: str = "", max_cells: int = 2_000_000) -> tuple[list[Grid], str]:
    """(Grids, encoding used) of an HTML export; UnreadableWorkbook when it holds no table."""
    p = Path(path)
    data = p.read_bytes()
    text, used = decode_markup(data, encoding)
    grids = html_grids(text, max_cells=max_cells, name=p.stem)
    if not grids:
        raise UnreadableWorkbook(
            f"文件“{p.name}”是 HTML 网页，但其中没有表格（<table>），无法读取。",
            f"'{p.name}' is an HTML page without any <table>; nothing to read.",
            code="HTML_NO_TABLE",
            path=str(p),
        )
    return grids, used


def html_grids(text: str, *, max_cells: int = 2_000_000, name: str = "") -> list[Grid]:
    """Every top-level table of an HTML text as a Grid."""
    # lazy: lxml (~16 ms) only for HTML and Excel-2003-XML exports, not the .xlsx validate path
    import lxml.html

    from ..document.unit_above import caption_above, caption_year_above, note_below, scope_lines_above, unit_line_above

    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return []
    root = lxml.html.document_fromstring(text)
    for br in root.iter("br"):
        br.tail = _BR + (br.tail or "")
    tables, headings, above, after = _tables_and_headings(root)
    below = [*above[1:], after]  # the lines between a table and the next (or the end): the note below it (notes21)
    title = root.findtext(".//title") or ""
    grids: list[Grid] = []
    used: set[str] = set()
    budget = max_cells
    for i, (table, heading, lines, under) in enumerate(zip(tables, headings, above, below, strict=True), start=1):
        caption = table.find("caption")
        label = _text(caption) if caption is not None else heading or (title.strip() if len(tables) == 1 else "")
        sheet = _unique((label or f"表{i}")[:31], used)
        grid, cells = _table_grid(table, sheet, budget)
        budget -= cells
        grid.unit_above = unit_line_above(lines)  # "单位：万元" printed above the table, as a report's (docs14)
        grid.year_above = caption_year_above(lines)
        grid.caption_above = caption_above(lines)
        grid.scope_above = scope_lines_above(lines)
        grid.note_below = note_below(under)
        grids.append(grid)
    return grids


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: Elements holding a line of text between tables ("<p>单位：万元</p>"): only those holding no table or other block.
_BLOCKS = ("p", "div", "center")
#: LibreOffice's "Sheet 1: <em>基础数据表</em>" (its Chinese UI: "工作表 1：…"): the sheet's name is what follows.
_SHEET_HEADING = re.compile(r"^(?:sheet|工作表)\s*\d+\s*[:：]\s*(.+)$", re.I | re.S)


def _tables_and_headings(root: Any) -> tuple[list[Any], list[str], list[list[str]], list[str]]:
    """The top-level tables in document order, each with the sheet name of the heading right before it ("" when
    none): a multi-sheet export (LibreOffice's HTML: "<h1>Sheet 1: <em>基础数据表</em></h1>" before each sheet's
    table) names its sheets there, and a sheet's name tells its kind (polish13: they were 表1, 表2). A heading
    counts only when no other table stands between it and the table. Each table also gets the lines of text between
    it and the previous table (headings and paragraphs, one per <br>): where a unit line above it is looked for
    (`unit_line_above`, as for a Word or PDF report's table); the lines after the last table come last."""
    tables: list[Any] = []
    headings: list[str] = []
    above: list[list[str]] = []
    last, lines = "", list[str]()
    for el in root.iter(*_HEADINGS, *_BLOCKS, "table"):
        if any(a.tag == "table" for a in el.iterancestors()):
            continue  # a nested table, or a heading inside a cell: part of its table
        if el.tag in _BLOCKS:
            if len(list(el.iter("table", *_BLOCKS))) == 1:
                lines.extend(line for line in _text(el).split("\n") if line.strip())  # (not a block holding others)
            continue
        if el.tag != "table":
            text = _text(el)
            named = _SHEET_HEADING.match(text)
            last = (named.group(1) if named else text).strip()
            lines.append(text)
            continue
        tables.append(el)
        headings.append(last)
        above.append(lines)
        last, lines = "", []
    return tables, headings, above, lines


def _unique(name: str, used: set[str]) -> str:
    base, n = name, 2
    while name in used:
        name = f"{base}({n})"
        n += 1
    used.add(name)
    return name


def _rows_of(table: Any) -> list[Any]:
    """The <tr> of this table (in thead/tbody/tfoot or direct), not those of nested tables."""
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


def _text(el: Any) -> str:
    raw = "".join(el.itertext())
    return _WS.sub(" ", raw).replace(f" {_BR}", _BR).replace(f"{_BR} ", _BR).strip().replace(_BR, "\n")


def _span(el: Any, attr: str) -> int:
    try:
        return max(1, min(int(str(el.get(attr, "1")).strip() or 1), MAX_SPAN))
    except ValueError:
        return 1


def _table_grid(table: Any, sheet: str, budget: int) -> tuple[Grid, int]:
    """One table: the occupancy walk of the HTML table model (a cell skips columns taken by rowspans); with the
    cells its rectangle holds (rows × columns: every table of the file is held at once, within one budget)."""
    rows: list[list[Any]] = []
    merged: list[tuple[int, int, int, int]] = []
    taken: set[tuple[int, int]] = set()
    cells = 0
    for r, tr in enumerate(_rows_of(table)):
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            cells += colspan * rowspan
            if cells > budget:
                raise UnreadableWorkbook(
                    f"HTML 表格“{sheet}”过大（合并单元格展开后超过 {budget:,} 个单元格）。",
                    f"HTML table '{sheet}' is too large (over {budget:,} cells once spans are expanded).",
                    code="SHEET_TOO_LARGE",
                    sheet=sheet,
                )
            value = excel_value(_text(cell), as_text=bool(_TEXT_FORMAT.search(cell.get("style", "") or "")))
            _put(rows, r, c, value)
            if colspan > 1 or rowspan > 1:
                merged.append((r, c, r + rowspan - 1, c + colspan - 1))
                for rr in range(r, r + rowspan):
                    for cc in range(c, c + colspan):
                        taken.add((rr, cc))
            c += colspan
    width = max((len(row) for row in rows), default=0)
    width = max([width] + [m[3] + 1 for m in merged])
    height = max([len(rows)] + [m[2] + 1 for m in merged])
    if height * width > budget:
        # the grid is padded to a rectangle: one wide row over many one-cell rows (an "L" of 80,000 cells in an
        # 870 KB file) asked for 30,001 × 30,000 cells — a MemoryError at 3 GB (sec24b); the cells alone stay small
        raise UnreadableWorkbook(
            f"HTML 表格“{sheet}”的区域过大（{height:,} 行 × {width:,} 列，超过 {budget:,} 个单元格）。",
            f"HTML table '{sheet}' spans {height:,} × {width:,} cells, over the limit of {budget:,}.",
            code="SHEET_TOO_LARGE",
            sheet=sheet,
        )
    while len(rows) < height:
        rows.append([])
    for row in rows:
        row.extend([""] * (width - len(row)))
    return Grid(sheet, rows, tuple(merged)), height * width  # what the table holds in memory, spent from the budget


def _put(rows: list[list[Any]], r: int, c: int, value: Any) -> None:
    while len(rows) <= r:
        rows.append([])
    row = rows[r]
    if len(row) <= c:
        row.extend([""] * (c + 1 - len(row)))
    row[c] = value
