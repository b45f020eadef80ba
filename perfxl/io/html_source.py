r"""HTML tables saved as .xls ("fake Excel" exports of budget systems) → Grids, merges from colspan/rowspan.

Parsed with lxml.html (libxml2's forgiving HTML parser: fast, maintained, has a Pyodide build, and
is already installed with python-docx) — html5lib would give the same trees for these simple exports
at many times the cost. Each top-level <table> becomes one Grid named after its <caption>, the heading right before it
(LibreOffice's "Sheet 1: 基础数据表"), or the page <title> when there is one table, else "表1", "表2" …. Text keeps <br> as a line break and its
runs of spaces and &nbsp; (as shown in the cell); the markup's layout whitespace (line breaks, tabs) is one space. A cell styled `mso-number-format:"\@"` (Excel's text format)
stays text.
What Excel's "save as web page" writes of a sheet is read as the .xlsx reader reads the sheet (read31h): a cell's
style is its class's rule in the page's <style> plus its own `style`; a figure under a number format that shows
a percent or fixed decimals (`mso-number-format:"0\.00"`), or whose `x:num` holds digits its text rounds away, stays
the text shown (as `shown_numbers` gives an .xlsx cell), judged at the precision printed; rows (`<tr>`) and columns
(`<col>`, or every cell of the column) styled `display:none` are the Grid's hidden rows and columns. A figure without
`x:num` (a system's export: no number behind the text) is the printed value too, kept as its text; only an `x:num`
equal to the text under no rounding format is a number cell (a Decimal), as the .xlsx reader reads a General number.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..errors import UnreadableWorkbook
from ..grid import Grid
from .markup_text import decode_markup, excel_value
from .sheet_flags import MAX_HIDDEN_SPAN, indices_within
from .shown_numbers import Shows, format_shows

__all__ = ["read_html", "html_grids"]

#: Whitespace the markup lays out (a run holding a line break or a tab: the source's wrapping and indentation) → one
#: space. A run of spaces within a line is the cell's own text, as an exporter writes it (LibreOffice's raw spaces,
#: Excel's mso-spacerun &nbsp;): "项目名称       低票价运营补贴" keeps the gap its .xlsx has (read32).
_WS = re.compile(r"[ \t\r\n\f]*[\t\r\n\f][ \t\r\n\f]*")
_BR = "\u2028"
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_TEXT_FORMAT = re.compile(r"mso-number-format\s*:\s*[\"']?\\?@", re.I)
_NUMBER_FORMAT = re.compile(r"mso-number-format\s*:\s*(?:\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'|([^;\"']+))", re.I)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
#: A class rule of the page's <style> (".xl65 {mso-number-format:"0\.00%";}", "td.xl66 {…}"): class → declarations.
_CLASS_RULE = re.compile(r"\.([A-Za-z_][\w-]*)\s*\{([^{}]*)\}")
_CSS_ESCAPE = re.compile(r"\\(?:([0-9A-Fa-f]{1,6})\s?|(.))", re.S)
#: Excel's named number formats as written in HTML (mso-number-format:Percent) and what they show.
_NAMED_FORMATS: dict[str, Shows] = {
    "fixed": Shows(2, False, ""),
    "standard": Shows(2, False, ""),
    "percent": Shows(2, True, "%"),
}
_X_NUM = ("x:num", "{urn:schemas-microsoft-com:office:excel}num")
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
    classes = _class_rules(root)
    for i, (table, heading, lines, under) in enumerate(zip(tables, headings, above, below, strict=True), start=1):
        caption = table.find("caption")
        label = _text(caption) if caption is not None else heading or (title.strip() if len(tables) == 1 else "")
        sheet = _unique((label or f"表{i}")[:31], used)
        grid, cells = _table_grid(table, sheet, budget, classes)
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


def _class_rules(root: Any) -> dict[str, str]:
    r"""Class name → its declarations in the page's <style> elements (Excel writes a cell's number format and
    alignment there: `.xl65 {mso-number-format:"0\.0%";}`), later rules after earlier ones."""
    rules: dict[str, str] = {}
    for style in root.iter("style"):
        for m in _CLASS_RULE.finditer(style.text or ""):
            rules[m.group(1)] = rules.get(m.group(1), "") + ";" + m.group(2)
    return rules


def _style_of(el: Any, classes: dict[str, str]) -> str:
    """An element's declarations: its classes' rules, then its own `style` (which wins, coming last)."""
    own = el.get("style", "") or ""
    if not classes:
        return own
    return ";".join([*(classes.get(name, "") for name in (el.get("class", "") or "").split()), own])


def _shows_figures(style: str) -> bool:
    r"""Whether the last `mso-number-format` of a style shows a percent or a figure at fixed decimals ("0\.00",
    Percent): its cell's text is the figure rounded as printed, kept as that text."""
    found = list(_NUMBER_FORMAT.finditer(style))
    if not found:
        return False
    raw = next(g for g in found[-1].groups() if g is not None).strip()
    code = _CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), raw)
    return (_NAMED_FORMATS.get(code.lower()) or format_shows(code)) is not None


def _general_number(cell: Any, value: Decimal, style: str) -> bool:
    """Whether a figure is a number cell Excel wrote as it stores it: its `x:num` (bare, or the same number) under no
    format that rounds it. Any other figure is the text printed — a system's export states no more than its text,
    and a format showing fixed decimals or a percent, or an `x:num` holding more digits ("8.6312" beside "8.63"),
    rounded what it prints."""
    stored = next((cell.get(a) for a in _X_NUM if cell.get(a) is not None), None)
    if stored is None or _shows_figures(style):
        return False
    try:
        return not stored.strip() or Decimal(stored.strip()) == value
    except InvalidOperation:
        return False


def _col_hidden(table: Any, classes: dict[str, str]) -> list[tuple[int, int]]:
    """(first, last) columns a <col> (in a <colgroup> or not, `span` wide) styles `display:none`, as Excel writes a
    hidden column: ranges, clipped to the table by `indices_within`."""
    hidden: list[tuple[int, int]] = []
    c = 0
    for col in table.iter("col"):
        if next(col.iterancestors("table"), None) is not table:
            continue
        span = _span(col, "span")
        if _DISPLAY_NONE.search(_style_of(col, classes)) and span < MAX_HIDDEN_SPAN:
            hidden.append((c, c + span - 1))
        c += span
    return hidden


def _table_grid(table: Any, sheet: str, budget: int, classes: dict[str, str] | None = None) -> tuple[Grid, int]:
    """One table: the occupancy walk of the HTML table model (a cell skips columns taken by rowspans); with the
    cells its rectangle holds (rows × columns: every table of the file is held at once, within one budget)."""
    classes = classes or {}
    rows: list[list[Any]] = []
    merged: list[tuple[int, int, int, int]] = []
    taken: set[tuple[int, int]] = set()
    hidden_rows: set[int] = set()
    cells_hidden: dict[int, list[bool]] = {}  # column → whether each one-column cell of a shown row is display:none
    cells = 0
    for r, tr in enumerate(_rows_of(table)):
        if _DISPLAY_NONE.search(_style_of(tr, classes)):
            hidden_rows.add(r)
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
            style = _style_of(cell, classes)
            text = _text(cell)
            value = excel_value(text, as_text=bool(_TEXT_FORMAT.search(style)))
            if isinstance(value, Decimal) and not _general_number(cell, value, style):
                value = text  # the figure as printed, judged at that precision (an .xlsx cell's shown text)
            _put(rows, r, c, value)
            if colspan == 1 and r not in hidden_rows:
                cells_hidden.setdefault(c, []).append(bool(_DISPLAY_NONE.search(style)))
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
    grid = Grid(sheet, rows, tuple(merged))
    # a column Excel hides: its <col> display:none, or every one-column cell of it in the rows shown
    by_cells = [(c, c) for c, flags in cells_hidden.items() if flags and all(flags)]
    hidden_cols = indices_within(_col_hidden(table, classes) + by_cells, width)
    if hidden_rows or hidden_cols:
        grid.hidden_rows, grid.hidden_cols = frozenset(hidden_rows), frozenset(hidden_cols)
    return grid, height * width  # what the table holds in memory, spent from the budget


def _put(rows: list[list[Any]], r: int, c: int, value: Any) -> None:
    while len(rows) <= r:
        rows.append([])
    row = rows[r]
    if len(row) <= c:
        row.extend([""] * (c + 1 - len(row)))
    row[c] = value
