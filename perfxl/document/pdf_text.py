"""The narrative of a PDF (text outside its tables): running headers, footers and page numbers left out, lines
joined into paragraphs — over a page break too, so a sentence printed across two pages stays one paragraph
with its figures (收入决算 | 2223.04万元) together, as in the Word original.
"""

from __future__ import annotations

import re
from dataclasses import field
from itertools import pairwise

from ..patterns import lazy_compile
from ..records import record

__all__ = [
    "ARTIFACT",
    "CJK_START",
    "EDGE_TOLERANCE",
    "LINE_TOLERANCE",
    "PageText",
    "Run",
    "TextLine",
    "column_lefts",
    "group_lines",
    "lines_between",
    "drop_running_heads",
    "page_text",
    "paragraphs",
]

LINE_TOLERANCE = 3.0  # points: characters whose tops differ less are on one line
EDGE_TOLERANCE = 2.0  # points: table cell edges closer than this are one grid line
HEAD_TOLERANCE = 3.0  # points: a running head sits at the same height on every page
HEAD_LINES = 3  # a running header or footer has at most this many lines
#: Characters further apart than this many ems start a new run of text on the line (a column gap: pdf_columns).
#: Narrative text, justified or not, keeps its characters closer (no run split in the 28 real reports printed ruled
#: and set as a 公文).
COLUMN_GAP_EM = 1.0
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


Run = tuple[float, float, str]  # x0, x1, text: a run of a line's characters with no column gap inside (pdf_columns)


@record(frozen=True, slots=True)
class TextLine:
    """One line of a page's text outside its tables, as `group_lines` groups its characters: what the running heads,
    the paragraphs, the caption lines and the unruled-table scan read of it. A page keeps its lines, not its
    characters (pdf25m: ≈ 6.5 KB a short paragraph was the characters' tuples, kept until every page is read)."""

    text: str  # its characters left to right, spaces kept
    top: float  # its leftmost character's top
    highest: float  # its characters' least top
    lowest: float  # its characters' greatest top
    x0: float  # its characters' least left edge
    x1: float  # their greatest right edge
    first_x0: float  # its leftmost character's left edge
    em: float  # its widest glyph, 1 pt at least (a full-width glyph ≈ 1 em)
    artifact: bool  # every character marked an artifact by a tagged PDF (`ARTIFACT`)
    runs: tuple[Run, ...]  # its runs of text (`COLUMN_GAP_EM`), blank characters left out
    run_em: float  # the widest glyph of its runs (1.0 when it has none)


@record()
class PageText:
    """One page's text lines outside its tables (`page_text`), and the (top, bottom) of each table on it."""

    page: int
    lines: list[TextLine]
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


def _runs(line: list[Char]) -> tuple[tuple[Run, ...], float]:
    """The line's runs of text, a run ending where the next character is over a column gap away, and the widest glyph
    among them."""
    chars = [c for c in line if c[3].strip()]
    if not chars:
        return (), 1.0
    em = max(1.0, max(c[5] - c[4] for c in chars))
    runs = [(chars[0][4], chars[0][5], chars[0][3])]
    for a, b in pairwise(chars):
        if b[4] - a[5] > COLUMN_GAP_EM * em:
            runs.append((b[4], b[5], b[3]))
        else:
            x0, _, text = runs[-1]
            runs[-1] = (x0, b[5], text + b[3])
    return tuple(runs), max(c[5] - c[4] for c in chars)


def _text_line(line: list[Char]) -> TextLine:
    """A `group_lines` line of characters as a `TextLine`."""
    text = "".join(c[3] for c in line)
    runs, run_em = _runs(line)
    if len(runs) == 1 and runs[0][2] == text:  # one run, no blank: its text is the line's (one string kept)
        runs = ((runs[0][0], runs[0][1], text),)
    tops = [c[2] for c in line]
    return TextLine(
        text,
        line[0][2],
        min(tops),
        max(tops),
        min(c[4] for c in line),
        max(c[5] for c in line),
        line[0][4],
        max(1.0, max(c[5] - c[4] for c in line)),
        all(c[6:7] == (True,) for c in line),
        runs,
        run_em,
    )


def page_text(
    page: int, chars: list[Char], tables: list[tuple[float, float]] | None = None, width: float = 0.0
) -> PageText:
    """The page's text outside its tables from its characters: their lines (`group_lines`), each kept as a `TextLine`
    — the characters themselves are let go."""
    return PageText(page, [_text_line(line) for line in group_lines(chars)], tables or [], width)


def _key(line: TextLine) -> str:
    return line.text.replace(" ", "").replace("\u3000", "")


def drop_running_heads(pages: list[PageText]) -> list[PageText]:
    """The pages without their running heads: up to HEAD_LINES lines at the top or bottom of a page that are a page
    number, that a tagged PDF marks as artifacts (a one-page document's header too), or that stand word for word
    at the same height at the top or bottom of every page (of all but the first, which often has its own) of a
    document of two pages or more. A title repeated on some pages only is narrative and stays. (An untagged
    one-page PDF's header cannot be told from a title: it stays.)"""
    edges = []
    for p in pages:
        lines = p.lines
        edges.append(lines[:HEAD_LINES] + lines[-HEAD_LINES:] if len(lines) > 2 * HEAD_LINES else lines)
    need = max(2, len(pages) - 1)

    def repeats(line: TextLine) -> bool:
        text, top = _key(line), line.top
        hits = sum(any(_key(o) == text and abs(o.top - top) <= HEAD_TOLERANCE for o in e) for e in edges)
        return len(pages) >= 2 and hits >= need

    feet = []  # per page: (words, number − page, top) of each bottom line ending in a number (`_NUMBERED_FOOTER`)
    for p in pages:
        bottom = [(_NUMBERED_FOOTER.fullmatch(_key(line)), line.top) for line in p.lines[::-1][:HEAD_LINES]]
        feet.append([(m["words"], int(m["number"]) - p.page, top) for m, top in bottom if m])

    def numbered(line: TextLine, page: int) -> bool:
        """The same words at the same height at the foot of the pages, each followed by its page's number (offset
        alike on every page: a cover may go unnumbered) — a running footer naming the report (review20e: read as a
        caption line over the next page's first table, it took the year from a table's own caption)."""
        m, top = _NUMBERED_FOOTER.fullmatch(_key(line)), line.top
        if m is None:
            return False
        words, offset = m["words"], int(m["number"]) - page
        hits = sum(any(w == words and o == offset and abs(t - top) <= HEAD_TOLERANCE for w, o, t in f) for f in feet)
        return len(pages) >= 2 and hits >= need

    def dropped(line: TextLine, foot: bool, page: int) -> bool:
        return bool(
            _PAGE_NUMBER.fullmatch(_key(line)) or repeats(line) or line.artifact or (foot and numbered(line, page))
        )

    out = []
    for p in pages:
        lines = p.lines
        # a prefix and a suffix of its lines: the characters left group into the same lines (`group_lines` is greedy
        # in order of height, and what is left is a run of that order from a line's first character to a line's last)
        head = next((k for k, line in enumerate(lines[:HEAD_LINES]) if not dropped(line, False, p.page)), None)
        foot = next((k for k, line in enumerate(lines[::-1][:HEAD_LINES]) if not dropped(line, True, p.page)), None)
        start = min(HEAD_LINES, len(lines)) if head is None else head
        end = len(lines) - (min(HEAD_LINES, len(lines)) if foot is None else foot)
        out.append(PageText(p.page, lines[start:end], p.tables, p.width))
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
    lines = [_Line(p.page, line.x0, line.x1, line.top, line.text, line.em, 0, 0) for line in p.lines]
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
        for row in p.lines:
            key = round(p.width)
            lefts[key] = min(lefts.get(key, row.first_x0), row.first_x0)
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
