"""The narrative of a PDF (text outside its tables): running headers, footers and page numbers left out, lines
joined into paragraphs — over a page break too, so a sentence printed across two pages stays one paragraph
with its figures (收入决算 | 2223.04万元) together, as in the Word original.
"""

from __future__ import annotations

import re
from dataclasses import field

from ..patterns import lazy_compile
from ..records import record

__all__ = [
    "ARTIFACT",
    "CJK_START",
    "EDGE_TOLERANCE",
    "LINE_TOLERANCE",
    "PageText",
    "column_lefts",
    "group_lines",
    "lines_between",
    "drop_running_heads",
    "paragraphs",
]

LINE_TOLERANCE = 3.0  # points: characters whose tops differ less are on one line
EDGE_TOLERANCE = 2.0  # points: table cell edges closer than this are one grid line
HEAD_TOLERANCE = 3.0  # points: a running head sits at the same height on every page
HEAD_LINES = 3  # a running header or footer has at most this many lines
_ENDS = ("。", "！", "？", "：", "；", "”", ":", ";", ".", "!", "?")  # a short line ending so closes its paragraph
#: A line opening with a heading's or list item's number (3. / 3、 / 2) / （二） / 二、 / 三) / 第一，) begins a
#: paragraph when the line before ended a sentence, however full that line was ("3.5万元" is no number mark).
_NUMBERED = lazy_compile(
    r"(?:\d{1,2}(?:[.．](?!\d)|[、)）])|[（(]\d{1,2}[)）]|[（(]?[一二三四五六七八九十]{1,3}[、)）]|第[一二三四五六七八九十]{1,3}[、，,])"
)
#: Two Chinese characters opening a text: Chinese wraps character by character ("元、2023" or "话:0838-…" wrap as
#: one unit), so a line below starting so could have begun on the line above.
CJK_START = lazy_compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2}")
#: A page number line: 3 / - 3 - / — 3 — / 第3页 / 第 3 页 共 9 页 / 3/9 / Page 3 of 9.
_PAGE_NUMBER = lazy_compile(
    r"[-—–－_·\s]*\d{1,4}[-—–－_·\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
    r"|page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)

#: A running footer's words and the page's number after them ("上海市普陀区司法局2024年度部门决算 3", "…决算 - 3 -",
#: "…决算 第3页"): the words end in no digit nor decimal point, so "…合计12.34" is no footer of page 34.
_NUMBERED_FOOTER = lazy_compile(r"(?P<words>.*[^\d.．,，\-—–－_·\s])[-—–－_·\s]*第?(?P<number>\d{1,4})页?[-—–－_·\s]*")

Char = tuple  # (x-centre, y-centre, top, text, x0, x1[, artifact]), page coordinates
#: The marked-content tag of a tagged PDF's artifacts — running heads, page numbers — which are no part of the
#: document's content (ISO 32000-1 §14.8.2.2; Word's and LibreOffice's tagged exports mark headers and footers so).
ARTIFACT = "Artifact"


@record()
class PageText:
    """One page's characters outside its tables, and the (top, bottom) of each table on it."""

    page: int
    chars: list[Char]
    tables: list[tuple[float, float]] = field(default_factory=list)
    width: float = 0.0


def group_lines(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped into lines (by top), each line sorted left to right."""
    lines: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: (c[2], c[0])):
        if lines and abs(lines[-1][0][2] - ch[2]) <= LINE_TOLERANCE:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return [sorted(line, key=lambda c: c[0]) for line in lines]


def _key(line: list[Char]) -> str:
    return "".join(c[3] for c in line).replace(" ", "").replace("\u3000", "")


def drop_running_heads(pages: list[PageText]) -> list[PageText]:
    """The pages without their running heads: up to HEAD_LINES lines at the top or bottom of a page that are a page
    number, that a tagged PDF marks as artifacts (a one-page document's header too), or that stand word for word
    at the same height at the top or bottom of every page (of all but the first, which often has its own) of a
    document of two pages or more. A title repeated on some pages only is narrative and stays. (An untagged
    one-page PDF's header cannot be told from a title: it stays.)"""
    edges = []
    for p in pages:
        lines = group_lines(p.chars)
        edges.append(lines[:HEAD_LINES] + lines[-HEAD_LINES:] if len(lines) > 2 * HEAD_LINES else lines)
    need = max(2, len(pages) - 1)

    def repeats(line: list[Char]) -> bool:
        text, top = _key(line), line[0][2]
        hits = sum(any(_key(o) == text and abs(o[0][2] - top) <= HEAD_TOLERANCE for o in e) for e in edges)
        return len(pages) >= 2 and hits >= need

    feet = []  # per page: (words, number − page, top) of each bottom line ending in a number (`_NUMBERED_FOOTER`)
    for p in pages:
        bottom = [
            (_NUMBERED_FOOTER.fullmatch(_key(line)), line[0][2]) for line in group_lines(p.chars)[::-1][:HEAD_LINES]
        ]
        feet.append([(m["words"], int(m["number"]) - p.page, top) for m, top in bottom if m])

    def numbered(line: list[Char], page: int) -> bool:
        """The same words at the same height at the foot of the pages, each followed by its page's number (offset
        alike on every page: a cover may go unnumbered) — a running footer naming the report (review20e: read as a
        caption line over the next page's first table, it took the year from a table's own caption)."""
        m, top = _NUMBERED_FOOTER.fullmatch(_key(line)), line[0][2]
        if m is None:
            return False
        words, offset = m["words"], int(m["number"]) - page
        hits = sum(any(w == words and o == offset and abs(t - top) <= HEAD_TOLERANCE for w, o, t in f) for f in feet)
        return len(pages) >= 2 and hits >= need

    out = []
    for p in pages:
        lines = group_lines(p.chars)
        drop: list[list[Char]] = []
        for foot, ordered in ((False, lines[:HEAD_LINES]), (True, lines[::-1][:HEAD_LINES])):
            for line in ordered:
                if (
                    _PAGE_NUMBER.fullmatch(_key(line))
                    or repeats(line)
                    or all(c[6:7] == (True,) for c in line)
                    or (foot and numbered(line, p.page))
                ):
                    drop.append(line)
                else:
                    break
        gone = {id(ch) for line in drop for ch in line}
        out.append(PageText(p.page, [c for c in p.chars if id(c) not in gone], p.tables, p.width))
    return out


@record()
class _Line:
    page: int
    x0: float
    x1: float
    top: float
    text: str
    em: float
    left: float  # the page's text column
    right: float


def _page_lines(p: PageText, left: float | None) -> list[_Line]:
    """The page's lines, with its text column: from `left` (the leftmost line of the pages of its width) to the
    rightmost line or, when no line reaches it, the page's width less the left margin (margins are symmetric)."""
    lines = []
    for line in group_lines(p.chars):
        em = max(1.0, max(c[5] - c[4] for c in line))  # a full-width glyph ≈ 1 em
        x0, x1 = min(c[4] for c in line), max(c[5] for c in line)
        lines.append(_Line(p.page, x0, x1, line[0][2], "".join(c[3] for c in line), em, 0, 0))
    if lines:
        column_left = min([s.x0 for s in lines] + ([left] if left is not None else []))
        column_right = max([s.x1 for s in lines] + ([p.width - column_left] if p.width else []))
        for s in lines:
            s.left, s.right = column_left, column_right
    return lines


def _ended(prev: _Line, line: _Line) -> bool:
    """`prev` closes its paragraph: `line` (the next) begins with two Chinese characters and the first would
    have fitted on `prev` (Chinese wraps character by character; a character glued to punctuation or digits,
    "元、2023", moves as one unit and is no such start) — or `prev` stops three characters short of the
    column's right edge (a line-breaking rule takes one or two along) and ends a sentence or is shorter than
    60% of the column (a long Latin word or number goes whole to the next line)."""
    if prev.x1 < prev.right - 1.5 * prev.em and CJK_START.match(line.text.lstrip()):
        return True  # room for the next line's first character, which could have gone on this line
    return prev.x1 < prev.right - 3 * prev.em and (
        prev.text.rstrip().endswith(_ENDS) or prev.x1 - prev.left < 0.6 * (prev.right - prev.left)
    )


def column_lefts(pages: list[PageText]) -> dict[int, float]:
    """Page width (rounded) → the leftmost line of the pages so wide: the text column's left edge, which a page holding
    only indented lines (a caption over a table, a one-line paragraph) does not show by itself."""
    lefts: dict[int, float] = {}
    for p in pages:
        for row in group_lines(p.chars):
            key = round(p.width)
            lefts[key] = min(lefts.get(key, row[0][4]), row[0][4])
    return lefts


def lines_between(
    p: PageText,
    floor: float,
    top: float,
    lefts: dict[int, float] | None = None,
    foot: tuple[PageText, float] | None = None,
) -> list[str]:
    """The text lines of page `p` between `floor` (the bottom of the table above, or 0) and `top` (a table's top),
    a line wrapped over the column's right edge joined to the next (`_ended`): the caption and unit lines a report
    prints above a table, read whole — at 16 pt "编制部门：上海市普陀区人民政府万里街道办事处 单" runs to the edge and
    "位：元" goes on below (real reports, 万里街道 2024 published). A line is below the table above when its middle is,
    as a character is in a table when its middle is: its glyph box may start a hair above that table's bottom rule
    (司法局 2026's 功能分类预算表 title, 0.55 pt into 表1's box on its page). An indented line begins a line of its own,
    as it begins a paragraph (`lefts`, `column_lefts`: the column's left edge is the document's — a title filling its
    line over an indented "编制单位：…" is two lines, not one wrapped).

    `foot` (the page before and the bottom of its last table, or 0): the lines at that page's foot below it are read
    first — a caption printed at a page's foot over a table at the next page's top, its running footer and page
    number left out (`drop_running_heads`), as the .docx reader reads the paragraphs between two tables."""
    seams = [(foot[0], foot[1], float("inf"))] if foot is not None else []
    out: list[str] = []
    prev: _Line | None = None
    for page, low, high in [*seams, (p, floor, top)]:
        for line in _page_lines(page, (lefts or {}).get(round(page.width))):
            if not (low <= line.top + line.em / 2 and line.top < high) or not line.text.strip():
                continue
            new = prev is None or _ended(prev, line) or line.x0 > line.left + 1.5 * line.em
            if not new and prev is not None and prev.page == line.page:
                new = line.top - prev.top > 2.2 * max(line.em, prev.em)
            if new:
                out.append(line.text)
            else:
                out[-1] += line.text
            prev = line
    return out


def paragraphs(pages: list[PageText]) -> list[tuple[int, str]]:
    """(page it begins on, text) of each paragraph: a new one after a blank gap or a table, at an indented
    line, after a short line, or at a numbered line after a sentence's end. A page break is no gap: a
    paragraph whose last line on a page runs to the edge goes on at the top of the next page (unless a
    table stands between, or the next page's line is indented)."""
    out: list[tuple[int, str]] = []
    prev: _Line | None = None
    by_page = {p.page: p for p in pages}
    lefts = column_lefts(pages)
    for p in pages:
        for line in _page_lines(p, lefts.get(round(p.width))):
            new = prev is None or _ended(prev, line) or line.x0 > line.left + 1.5 * line.em
            if prev is not None and not new:
                if prev.page == line.page:
                    new = line.top - prev.top > 2.2 * max(line.em, prev.em)
                else:  # over a page break: a table below the last line or above this one stands between
                    new = any(top > prev.top for top, _ in by_page[prev.page].tables) or any(
                        bottom < line.top for _, bottom in p.tables
                    )
                new = new or bool(prev.text.rstrip().endswith(_ENDS) and _NUMBERED.match(line.text.lstrip()))
            if new:
                out.append((line.page, line.text))
            else:
                out[-1] = (out[-1][0], out[-1][1] + line.text)
            prev = line
    return [(page, text.strip()) for page, text in out if text.strip()]
