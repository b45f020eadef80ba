"""What an .ods (OpenDocument) sheet shows that python-calamine does not give (read32, issue 11): the number format of
each number cell (a typed 22% stored 0.22 under a percentage style, a 得分 6.2512 under two decimals printed 6.25),
hidden rows and columns, and merged ranges (calamine reads an .ods's as none). An apostrophe is not told apart: an .ods keeps a figure typed so as a string cell, as it
keeps any text (READ_NUMBER_AS_TEXT is not said for an .ods).

An .ods keeps its number formats as XML: data styles (`number:number-style`, `number:percentage-style`,
`number:currency-style` with `number:decimal-places`) in content.xml's automatic styles or styles.xml, cell styles
(`style:style`, family table-cell) naming one by `style:data-style-name`. Each data style is written as the format
code it prints ("0.00", "0.0%", '"¥"#,##0.00') and judged by `shown_numbers.format_shows`, as an .xlsx's or .xls's
format is. An Excel format of several sections ("0%;[Red]-0%", an accounting format) is saved as one data style per
section joined by `style:map` conditions (value()>=0, or value()>0 / value()<0 / value()=0): read back as the
"positive;negative;zero" code it was (review33w); any other condition is left as stored.
content.xml is parsed with defusedxml (as an .xlsx's parts are) after the guard bounded the ZIP and scanned the
tables' extents; one pass over it finds the cells, counting repeated rows and columns as calamine does. The values
stay calamine's: only their shown text is put in place by the caller.
"""

from __future__ import annotations

import zipfile
from dataclasses import field
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from perfxl.records import record

from .sheet_flags import SheetFlags, hidden_column_span
from .shown_numbers import Shows, format_shows

__all__ = ["OdsSheet", "OdsFormatsUnread", "read_ods_sheets"]

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
}
_NUMBER_STYLES = {f"{{{_NS['number']}}}{k}": k for k in ("number-style", "percentage-style", "currency-style")}
#: The text style a multi-section format's text section ("…;@") is saved as: the style its number sections map from.
_TEXT_STYLE = f"{{{_NS['number']}}}text-style"
#: A data style as saved: the format code of its own section (None: no plain figure) and its `style:map`s (condition
#: without spaces, the data style applied).
DataStyle = tuple[str | None, tuple[tuple[str, str], ...]]
_CELLS = (f"{{{_NS['table']}}}table-cell", f"{{{_NS['table']}}}covered-table-cell")
_NUMERIC = frozenset({"float", "percentage", "currency"})
#: Repeats beyond this are the unused rest of a sheet (LibreOffice writes 1,048,000 empty rows as one): not walked.
_MAX_REPEAT = 10_000


class OdsFormatsUnread(Exception):
    """The .ods's styles or content could not be parsed: said as coverage, never the filer's."""


@record(slots=True)
class OdsSheet:
    """One table of an .ods, 0-based: its number cells whose data style shows them otherwise than stored (→ what it
    shows), its hidden rows and columns, and its merged ranges (r0, c0, r1, c1: python-calamine 0.9 gives an .ods
    none, so a form's merged 指标 cells read as blanks under their first)."""

    shows: dict[tuple[int, int], Shows] = field(default_factory=dict)
    flags: SheetFlags = field(default_factory=SheetFlags)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


def read_ods_sheets(path: Path) -> dict[str, OdsSheet]:
    """Table name → what its cells' styles show; OdsFormatsUnread when a part does not parse."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            data_styles: dict[str, DataStyle] = {}
            cell_styles: dict[str, tuple[str, str]] = {}
            if "styles.xml" in names:
                _read_styles(ElementTree.fromstring(z.read("styles.xml")), data_styles, cell_styles)
            with z.open("content.xml") as fh:
                return _read_content(fh, data_styles, cell_styles)
    except Exception as exc:  # zipfile, defusedxml and the XML parser raise many types; all mean "not read"
        raise OdsFormatsUnread(f"{type(exc).__name__}: {exc}"[:200]) from exc


def _read_styles(root: Any, data_styles: dict[str, DataStyle], cell_styles: dict[str, tuple[str, str]]) -> None:
    """Every data style (→ its section's code and its maps) and cell style (→ its data style, its parent) under
    `root`."""
    for el in root.iter():
        if el.tag in _NUMBER_STYLES or el.tag == _TEXT_STYLE:
            maps = tuple(
                ((m.get(_q("style", "condition")) or "").replace(" ", ""), m.get(_q("style", "apply-style-name")) or "")
                for m in el.findall(_q("style", "map"))
            )
            code = _data_style_code(el, _NUMBER_STYLES[el.tag]) if el.tag in _NUMBER_STYLES else None
            data_styles[el.get(_q("style", "name"), "")] = (code, maps)
        elif el.tag == _q("style", "style") and el.get(_q("style", "family")) == "table-cell":
            cell_styles[el.get(_q("style", "name"), "")] = (
                el.get(_q("style", "data-style-name"), ""),
                el.get(_q("style", "parent-style-name"), ""),
            )


def _data_style_code(style: Any, kind: str) -> str | None:
    """The format code one data style's own section prints: number:number at its decimal places, text and currency
    symbols as quoted text, a percentage style's "%" as the scaling sign; its colour (a "[Red]") and maps are no
    part of it. Any other part (a fraction, scientific notation, a date) → None."""
    code: list[str] = []
    for part in style:
        local = part.tag.rpartition("}")[2]
        if part.tag == _q("number", "number"):
            places = part.get(_q("number", "decimal-places"), "0")
            if not places.isdigit() or int(places) > 30:
                return None
            figure = ("#,##0" if part.get(_q("number", "grouping")) == "true" else "0") + (
                "." + "0" * int(places) if int(places) else ""
            )
            if part.get(_q("number", "min-integer-digits")) == "0" and figure == "0":
                figure = "#"  # an accounting zero's "-"??: no digit printed of a zero (min-integer-digits 0)
            code.append(figure)
        elif local in ("text", "currency-symbol"):
            text = part.text or ""
            code.append(
                "%" if kind == "percentage-style" and text.strip() == "%" else '"' + text.replace('"', "") + '"'
            )
        elif local not in ("fill-character", "text-properties", "map"):
            return None  # a fraction, scientific notation …: no plain figure
    return "".join(code) if code else None


def _data_style_shows(name: str, data_styles: dict[str, DataStyle]) -> Shows | None:
    """What a data style shows: its own section's code, or with maps the Excel code its sections were saved from —
    value()>=0 → "positive;this" (this the negative's), value()>0 and value()<0 → "positive;negative;this" (this the
    zero's), and value()=0 too → "positive;negative;zero" (this the text's). Any other map → None (as stored)."""
    code, maps = data_styles.get(name, (None, ()))
    if not maps:
        return format_shows(code) if code else None
    applied = dict(maps)
    if len(applied) != len(maps):
        return None
    order = {
        frozenset({"value()>=0"}): ("value()>=0", ""),
        frozenset({"value()>0", "value()<0"}): ("value()>0", "value()<0", ""),
        frozenset({"value()>0", "value()<0", "value()=0"}): ("value()>0", "value()<0", "value()=0"),
    }.get(frozenset(applied))
    if order is None:
        return None
    sections = [code if not cond else data_styles.get(applied[cond], (None, ()))[0] for cond in order]
    if any(part is None for part in sections) or any(data_styles.get(applied[c], (None, ()))[1] for c in order if c):
        return None
    return format_shows(";".join(part for part in sections if part is not None))


def _shows_of(name: str, data_styles: dict[str, DataStyle], cell_styles: dict[str, tuple[str, str]]) -> Shows | None:
    """What a cell style shows: its data style's, or its parent's (a few levels), None when none shows a figure."""
    for _ in range(8):
        if name not in cell_styles:
            return None
        data, parent = cell_styles[name]
        if data:
            return _data_style_shows(data, data_styles)
        name = parent
    return None


def _read_content(
    fh: Any, data_styles: dict[str, DataStyle], cell_styles: dict[str, tuple[str, str]]
) -> dict[str, OdsSheet]:
    """One pass over content.xml: its automatic styles, then each table's cells (rows and columns repeated counted)."""
    sheets: dict[str, OdsSheet] = {}
    sheet: OdsSheet | None = None
    column_styles: list[str] = []
    row = col = 0
    row_rep = 1
    depth = 0  # tables nested in a table's cells are not the sheet's
    shows_by_style: dict[str, Shows | None] = {}
    for event, el in ElementTree.iterparse(fh, events=("start", "end")):
        tag = el.tag
        if event == "end":
            if tag == _q("office", "automatic-styles"):
                _read_styles(el, data_styles, cell_styles)
                el.clear()
            elif tag == _q("table", "table"):
                depth -= 1
                if depth == 0:
                    sheet = None
                el.clear()
            elif sheet is not None and depth == 1 and tag == _q("table", "table-row"):
                row += row_rep
                el.clear()
            continue
        if tag == _q("table", "table"):
            depth += 1
            if depth == 1:
                sheet = sheets.setdefault(el.get(_q("table", "name"), ""), OdsSheet())
                column_styles, row = [], 0
            continue
        if sheet is None or depth != 1:
            continue
        if tag == _q("table", "table-column"):
            rep = _repeat(el, "number-columns-repeated")
            if el.get(_q("table", "visibility"), "visible") != "visible":
                sheet.flags.cols.update(hidden_column_span(len(column_styles), len(column_styles) + rep - 1))
            column_styles.extend([el.get(_q("table", "default-cell-style-name"), "")] * min(rep, _MAX_REPEAT))
        elif tag == _q("table", "table-row"):
            row_rep, col = _repeat(el, "number-rows-repeated"), 0
            if el.get(_q("table", "visibility"), "visible") != "visible" and row_rep < _MAX_REPEAT:
                sheet.flags.rows.update(range(row, row + row_rep))
        elif tag in _CELLS:
            rep = _repeat(el, "number-columns-repeated")
            style = el.get(_q("table", "style-name")) or (column_styles[col] if col < len(column_styles) else "")
            if el.get(_q("office", "value-type")) in _NUMERIC and style and row_rep * rep <= _MAX_REPEAT:
                if style not in shows_by_style:  # (each cell style resolved once: its data style and maps)
                    shows_by_style[style] = _shows_of(style, data_styles, cell_styles)
                shows = shows_by_style[style]
                if shows is not None:
                    for r in range(row, row + row_rep):
                        for c in range(col, col + rep):
                            sheet.shows[(r, c)] = shows
            spans = _repeat(el, "number-rows-spanned"), _repeat(el, "number-columns-spanned")
            if tag == _CELLS[0] and spans != (1, 1) and row_rep == 1:
                sheet.merged.append((row, col, row + spans[0] - 1, col + spans[1] - 1))
            col += rep
    return sheets


def _repeat(el: Any, attr: str) -> int:
    raw = el.get(_q("table", attr), "1")
    return int(raw) if raw.isdigit() and int(raw) > 0 else 1
