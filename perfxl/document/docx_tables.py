"""Word tables as Grids: the body of a .docx walked in order, each table (nested ones too) laid out on
its grid columns with horizontal (gridSpan) and vertical (vMerge) merges, so the layout detector and
every table check read a Word table exactly like a sheet.

Works on the lxml elements python-docx exposes; nothing here opens a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from typing import Any

from ..records import record
from .unit_above import caption_above, caption_year_above, note_below, scope_lines_above, unit_line_above

__all__ = ["W", "BodyItem", "WordTable", "walk_body", "paragraph_text", "table_grid"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@record()
class WordTable:
    """One Word table as a grid: `rows[r][c]` text ("" when empty), merged ranges (0-based inclusive),
    and `cells[(r, c)]` → the `w:tc` element at that grid position's anchor (for comments)."""

    index: int  # 0-based, in document order, nested tables included
    element: Any
    rows: list[list[str]]
    merged: tuple[tuple[int, int, int, int], ...]
    cells: dict[tuple[int, int], Any] = field(default_factory=dict)
    parent: int | None = None  # index of the enclosing table for a nested table
    unit_above: str = ""  # the paragraph above it stating its money unit (`unit_line_above`)
    year_above: str = ""  # the year its caption above names (`caption_year_above`)
    caption_above: str = ""  # its caption lines above (`caption_above`)
    scope_above: str = ""  # its caption and 编制单位 lines above (`scope_lines_above`)
    note_below: str = ""  # the note printed right below it (`note_below`, notes21)

    @property
    def name(self) -> str:
        return f"表{self.index + 1}"


@record(frozen=True)
class BodyItem:
    """A body paragraph (`kind` "p") or a table (`kind` "t", `table` set), in document order."""

    kind: str
    element: Any
    table: WordTable | None = None
    text: str = ""  # a paragraph's `paragraph_text`


#: The qualified tags read here, made once (not an f-string per element: ≈ 18,000 paragraphs over the real reports).
_T, _TAB, _BR, _CR, _NO_BREAK_HYPHEN, _R = (f"{W}{t}" for t in ("t", "tab", "br", "cr", "noBreakHyphen", "r"))
_P, _TBL, _SDT, _SDT_CONTENT = (f"{W}{t}" for t in ("p", "tbl", "sdt", "sdtContent"))
_TEXT_TAGS = (_T, _TAB, _BR, _CR, _NO_BREAK_HYPHEN, f"{W}sym", f"{W}delText")
_BREAKS = (_BR, _CR)
_BODY_TAGS = (_P, _TBL)
_BODY_WRAPPERS = (_SDT, f"{W}customXml")
_WRAPPERS = (*_BODY_WRAPPERS, f"{W}smartTag")


def paragraph_text(p: Any) -> str:
    """The visible text of one `w:p`: runs' text, tabs as "\\t", breaks as "\\n"; deleted text skipped."""
    out: list[str] = []
    for el in p.iter(*_TEXT_TAGS):
        tag = el.tag
        if tag == _T:
            out.append(el.text or "")
        elif tag == _TAB:
            if el.getparent() is not None and el.getparent().tag == _R:
                out.append("\t")
        elif tag in _BREAKS:
            out.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            out.append("-")
    return "".join(out)


def _children(el: Any, tag: str) -> Iterator[Any]:
    """Direct children with `tag`, looking through content controls (w:sdt/w:sdtContent) and w:customXml."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _children(inner, tag)


def _body_children(el: Any) -> Iterator[Any]:
    for child in el:
        if child.tag in _BODY_TAGS:
            yield child
        elif child.tag in _BODY_WRAPPERS:
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _body_children(inner)


def _int_attr(el: Any, default: int) -> int:
    if el is None:
        return default
    try:
        return max(1, int(el.get(f"{W}val", default)))
    except (TypeError, ValueError):
        return default


def _cell_text(tc: Any) -> str:
    """A cell's own paragraphs joined by line breaks; nested tables are separate grids, not text here."""
    return "\n".join(paragraph_text(p) for p in _body_children(tc) if p.tag == f"{W}p").strip("\n")


def table_grid(tbl: Any, index: int, parent: int | None = None) -> tuple[WordTable, list[Any]]:
    """Lay one `w:tbl` out on its grid columns; returns the table and the nested `w:tbl`s found in its cells."""
    rows: list[list[str]] = []
    starts: dict[tuple[int, int], list[int]] = {}  # anchor (r, c) → [last_row, span]
    open_v: dict[int, tuple[int, int]] = {}  # grid column → anchor of the vertical merge running there
    cells: dict[tuple[int, int], Any] = {}
    nested: list[Any] = []
    for r, tr in enumerate(_children(tbl, f"{W}tr")):
        row: list[str] = []
        before = tr.find(f"{W}trPr/{W}gridBefore")
        col = _int_attr(before, 1) if before is not None else 0
        row.extend([""] * col)
        for tc in _children(tr, f"{W}tc"):
            tcpr = tc.find(f"{W}tcPr")
            span = _int_attr(tcpr.find(f"{W}gridSpan") if tcpr is not None else None, 1)
            vm = tcpr.find(f"{W}vMerge") if tcpr is not None else None
            vval = None if vm is None else (vm.get(f"{W}val") or "continue")
            nested.extend(t for t in _body_children(tc) if t.tag == f"{W}tbl")
            text = _cell_text(tc)
            if vval == "continue" and col in open_v:
                anchor = open_v[col]
                starts[anchor][0] = r
                row.extend([""] * span)
                for c in range(col, col + span):
                    cells[(r, c)] = cells.get(anchor)
            else:
                open_v.pop(col, None)
                if vval == "restart":
                    open_v[col] = (r, col)
                starts[(r, col)] = [r, span]
                row.append(text)
                row.extend([""] * (span - 1))
                for c in range(col, col + span):
                    cells[(r, c)] = tc
            col += span
        for c in [c for c in open_v if c >= col]:  # a row shorter than the merge's column ends it
            open_v.pop(c)
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        row.extend([""] * (width - len(row)))
    merged = tuple(
        (r0, c0, last, c0 + span - 1) for (r0, c0), (last, span) in sorted(starts.items()) if last > r0 or span > 1
    )
    return WordTable(index, tbl, rows, merged, cells, parent), nested


def walk_body(body: Any) -> Iterator[BodyItem]:
    """Body paragraphs and tables in document order; a nested table follows the table that holds it. A top-level
    table carries the unit line just above it (`unit_line_above`) and the note right below it (`note_below`: the
    paragraphs up to the next table, read as they come)."""
    counter = [0]
    above: list[str] = []
    last: WordTable | None = None  # the last top-level table: the paragraphs after it may be its note

    def tables(tbl: Any, parent: int | None) -> Iterator[BodyItem]:
        table, nested = table_grid(tbl, counter[0], parent)
        counter[0] += 1
        yield BodyItem("t", tbl, table)
        for inner in nested:
            yield from tables(inner, table.index)

    for el in _body_children(body):
        if el.tag == f"{W}p":
            text = paragraph_text(el)
            if text.strip():
                above.append(text)
                if last is not None and len(above) <= 4:
                    last.note_below = note_below(above)
            yield BodyItem("p", el, text=text)
        else:
            unit, year, caption = unit_line_above(above), caption_year_above(above), caption_above(above)
            scope = scope_lines_above(above)
            above = []
            for item in tables(el, None):
                if item.table is not None and item.table.parent is None:
                    item.table.unit_above, item.table.year_above, item.table.caption_above = unit, year, caption
                    item.table.scope_above = scope
                    last = item.table
                yield item
