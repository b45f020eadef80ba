"""Read a report PDF that has a text layer (pdfplumber, MIT, on pdfminer.six): each ruled table becomes a
Grid named "第3页 表1" (a table continued on the next page is joined to it at the page break: no row from
the margins, a repeated header row read once, a row or merged cell broken by the break made whole), the
text outside tables becomes paragraphs numbered per page (TextRef(page=3, paragraph=2); running heads left
out, see pdf_text); text standing in columns outside the ruled tables — a table printed without rules — is
reported as a table not read (pdf_columns), never guessed into a grid. A PDF without any text (a scan) is
refused — "扫描件，无法读取文字" — never guessed.

The file passes the guard's PDF pre-scan (streams inflated with a cap, pages counted) first.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable
from dataclasses import field, replace
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import UnreadableWorkbook
from ..grid import Grid
from ..io.pdf_decode import bounded_decoding
from ..limits import Limits
from ..model import Finding, Paragraph, Severity, SheetCoverage, TextRef
from ..numbers import to_decimal
from ..records import record
from .guarded import guard_document
from .pdf_columns import column_blocks, unread_coverage
from .pdf_stacked import split_stacked
from .pdf_text import (
    ARTIFACT,
    CJK_START,
    EDGE_TOLERANCE,
    LINE_TOLERANCE,
    PageText,
    column_lefts,
    drop_running_heads,
    group_lines,
    lines_between,
    page_text,
    paragraphs,
)
from .source import DocumentSource
from .unit_above import caption_above, caption_year_above, note_below, scope_lines_above, unit_line_above

__all__ = ["read_pdf", "EDGE_TOLERANCE", "LINE_TOLERANCE"]

EXCERPT_CHARS = 30


@record()
class _Table:
    page: int
    number: int  # on its first page
    bbox: tuple[float, float, float, float]
    cells: list[tuple[float, float, float, float]] = field(default_factory=list)  # document coordinates
    chars: list[tuple] = field(default_factory=list)  # (x-centre, y-centre, top, text, x0, x1)
    edges: list[float] = field(default_factory=list)
    bottom_gap: float = 0.0
    # the table above it in one ruled block, parted from it by pdf_stacked — or, `over_page`, the last table of the
    # page before, in the same frame, that it does not continue (its column lines change at the page break)
    stacked_on: _Table | None = None
    over_page: bool = False
    unit_above: str = ""  # the unit line printed just above it on its page (unit_above.unit_line_above)
    year_above: str = ""  # the year its caption above names on its page (unit_above.caption_year_above)
    caption_above: str = ""  # its caption lines above on its page (unit_above.caption_above)
    scope_above: str = ""  # its caption and 编制单位 lines above on its page (unit_above.scope_lines_above)
    note_below: str = ""  # the note right below its last part on its page (unit_above.note_below, notes21)
    # the table at the top of the next page, not joined to it, when this one ends at the foot of its page: this one's
    # rows may go on there (`Grid.cut_below`, when that table opens with figures)
    next_part: _Table | None = None
    # the first row's text of each place where a second table may begin though the table is read whole (pdf_stacked)
    unsure: list[tuple[float, str]] = field(default_factory=list)


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_TOLERANCE:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    """The index of the edge nearest `v` (the lower one on a tie) in the sorted, distinct `edges`: only the two edges
    around `v` can be nearest — a bisection, not a walk over every edge (a long table's rows × its cells, sec25)."""
    at = bisect_left(edges, v)
    if at == 0:
        return 0
    if at == len(edges) or abs(edges[at - 1] - v) <= abs(edges[at] - v):
        return at - 1
    return at


#: Points of height one bucket of `_Places` (and of `_grid`'s look-up) holds: about a table row.
BUCKET = 16.0


def _bucket(y: float) -> int:
    return math.floor(y / BUCKET)


def _buckets(low: float, high: float) -> range:
    """The buckets of every height from `low` to `high`, and one more on each side (a float compared with a
    tolerance may round either way at a bucket's edge)."""
    return range(_bucket(low) - 1, _bucket(high) + 2)


_lines = group_lines


def _text(chars: list[tuple[float, float, float, str]]) -> str:
    return "".join("".join(c[3] for c in line) for line in _lines(chars)).strip()


def _grid(table: _Table, name: str) -> Grid:
    xs = _cluster([v for c in table.cells for v in (c[0], c[2])])
    ys = _cluster([v for c in table.cells for v in (c[1], c[3])])
    rows = [[""] * max(len(xs) - 1, 1) for _ in range(max(len(ys) - 1, 1))]
    merged = []
    buckets: dict[tuple[int, int], list] = {}
    spans = []
    for x0, top, x1, bottom in table.cells:
        c0, c1 = _index(xs, x0), _index(xs, x1) - 1
        r0, r1 = _index(ys, top), _index(ys, bottom) - 1
        if c1 < c0 or r1 < r0:
            continue
        spans.append((x0, top, x1, bottom, r0, c0))
        if r1 > r0 or c1 > c0:
            merged.append((r0, c0, r1, c1))
    by_height: dict[int, list[tuple]] = {}  # a span in every bucket its height reaches, in order
    for span in spans:
        for key in range(_bucket(span[1]), _bucket(span[3]) + 1):
            by_height.setdefault(key, []).append(span)
    for ch in table.chars:  # its cell: the first span holding it — one that holds its height is in its bucket
        for x0, top, x1, bottom, r0, c0 in by_height.get(_bucket(ch[1]), ()):
            if x0 <= ch[0] <= x1 and top <= ch[1] <= bottom:
                buckets.setdefault((r0, c0), []).append(ch)
                break
    for (r, c), chars in buckets.items():
        rows[r][c] = _text(chars)
    return Grid(name, rows, tuple(sorted(set(merged))))


def read_pdf(path: str | Path, limits: Any = None, *, checked: bool = False) -> DocumentSource:
    """Guard (unless the caller just did: `checked`), open and read a text PDF into paragraphs and Grids."""
    src = Path(path)
    report = None if checked else guard_document(src, limits)
    try:
        # lazy and guarded: pdfplumber is an optional extra, heavy, only for PDF reports
        import pdfplumber
    except ImportError:  # pragma: no cover - the optional extra `pdf`
        raise UnreadableWorkbook(
            '读取 PDF 需要安装 pdfplumber 组件（pip install "perfxl[pdf]"）',
            "reading PDF needs pdfplumber (pip install 'perfxl[pdf]')",
            code="DEPENDENCY_MISSING",
            path=str(src),
        ) from None
    limits = limits or Limits.from_env()
    try:
        with bounded_decoding(limits, src):  # pdfminer's own decoders capped: what it inflates is measured (sec24b)
            return _read(src, pdfplumber, limits)
    except UnreadableWorkbook:
        raise
    except Exception as exc:  # pdfminer raises many types on damaged or encrypted files
        cause = exc.__cause__ or exc.__context__  # pdfplumber wraps what pdfminer raised (a capped decoder's refusal)
        if isinstance(cause, UnreadableWorkbook):
            raise cause from None
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise UnreadableWorkbook(
                "PDF 已加密，请去除密码后再提交", "the PDF is encrypted", code="FILE_ENCRYPTED", path=str(src)
            ) from None
        raise UnreadableWorkbook(
            # pdfminer's English words stay in the English text (docs14)
            f"PDF 文件已损坏，无法读取（“{src.name}”的文件结构无法解析）；请重新导出 PDF 或提交 Word 原件",
            f"corrupt PDF ({name}: {exc})"[:300],
            code="PDF_CORRUPT",
            path=str(src),
        ) from None
    finally:
        del report


def _check_pages(src: Path, doc: Any, max_pages: int) -> None:
    """PDF_TOO_MANY_PAGES when pdfminer's own walk of the page tree (the pages pdfplumber reads) passes the limit —
    the pre-scan counts `/Type /Page` in the bytes, which `/Type /P#61ge` (a page all the same) escapes (sec24b).
    The walk stops one page past the limit."""
    from pdfminer.pdfpage import PDFPage  # lazy: the optional `pdf` extra (see read_pdf)

    if sum(1 for _ in islice(PDFPage.create_pages(doc), max_pages + 1)) > max_pages:
        raise UnreadableWorkbook(
            f"PDF 页数过多（超过 {max_pages:,} 页）；如确需读取，可设置环境变量 PERFXL_MAX_PDF_PAGES 提高上限",
            f"too many PDF pages (over max_pdf_pages={max_pages}; raise it with PERFXL_MAX_PDF_PAGES)",
            code="PDF_TOO_MANY_PAGES",
            path=str(src),
        )


def _too_much_table_text(src: Path, page: int, most: int) -> UnreadableWorkbook:
    """PDF_TABLES_TOO_LARGE: the characters inside the PDF's ruled tables passed `max_pdf_table_chars` by `page`. They
    are all held (≈ 0.65 KB each) until the tables are joined over page breaks and read into grids: the page limits
    alone let a table hold 1,000 pages of 30,000 glyphs (sec26)."""
    return UnreadableWorkbook(
        f"PDF 表格中的文字过多（至第 {page} 页已超过 {most:,} 个字符，正常报告不过数万个），无法安全读取；"
        "如确需读取，可设置环境变量 PERFXL_MAX_PDF_TABLE_CHARS 提高上限（内存占用随之增加）",
        f"the PDF's ruled tables hold more than max_pdf_table_chars={most} characters by page {page}"
        " (raise it with PERFXL_MAX_PDF_TABLE_CHARS; memory grows with it)",
        code="PDF_TABLES_TOO_LARGE",
        path=str(src),
    )


def _read(src: Path, pdfplumber: Any, limits: Limits) -> DocumentSource:
    tables: list[_Table] = []
    paragraphs_out: list[Paragraph] = []
    problems: list[Finding] = []
    offset = 0.0
    any_text = False
    with pdfplumber.open(str(src)) as pdf:
        _check_pages(src, pdf.doc, limits.max_pdf_pages)
        held = 0  # characters inside tables so far, all kept until the tables are joined and read
        pages = len(pdf.pages)
        read = []  # per page: its height, tables found (with their characters) and the text outside them
        for page_no, page in enumerate(pdf.pages, start=1):
            chars = [c for c in page.chars if c.get("text", "").strip() or c.get("text") == " "]
            if any(c["text"].strip() for c in chars):
                any_text = True
            elif page.images:
                problems.append(
                    Finding(
                        "PDF_PAGE_NO_TEXT",
                        Severity.WARNING,
                        TextRef(page=page_no),
                        f"PDF 第{page_no}页没有文字层（扫描页），无法读取文字，该页未检查",
                        f"page {page_no} has no text layer (a scanned page); it was not read",
                        file=str(src),
                    )
                )
            items = [  # a tagged PDF marks running heads and page numbers as artifacts (pdf_text.ARTIFACT)
                (
                    (c["x0"] + c["x1"]) / 2,
                    (c["top"] + c["bottom"]) / 2,
                    c["top"],
                    c["text"],
                    c["x0"],
                    c["x1"],
                    c.get("tag") == ARTIFACT,
                )
                for c in chars
            ]
            found = _page_tables(page, items)
            boxes = [part[0] for part in found]
            inside: list[list[tuple]] = [[] for _ in found]
            outside: list[tuple] = []
            for item in items:
                cx, cy = item[0], item[1]
                owner = next((i for i, b in enumerate(boxes) if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]), None)
                (outside if owner is None else inside[owner]).append(item)
            held += len(items) - len(outside)
            if held > limits.max_pdf_table_chars:
                raise _too_much_table_text(src, page_no, limits.max_pdf_table_chars)
            tops = [(b[1], b[3]) for b in boxes]
            # the text outside its tables kept as lines (pdf25m: not as characters, ≈ 6.5 KB a short paragraph)
            read.append((float(page.height), found, inside, page_text(page_no, outside, tops, float(page.width))))
            page.close()  # its layout and objects (≈ 55 KB a paragraph) are read: only the tuples above are kept
    last_text_below = False  # text stands below the last table of the page before
    texts = drop_running_heads([r[3] for r in read])  # a header above a continued table is no text between
    lefts = column_lefts(texts)
    foot: tuple[PageText, float] | None = None  # the page before and the bottom of its last table (0: none)
    places: dict[int, _Places] = {}  # a table joined over page breaks: where its cells and characters lie
    for (height, found_tables, inside, _), text in zip(read, texts, strict=True):
        page_no = text.page
        text_above = min((line.highest for line in text.lines), default=height)
        if tables and tables[-1].page == page_no - 1 and last_text_below:
            tables[-1].bottom_gap = height  # text after the last table of the page before: no table goes on
        floor = 0.0  # the bottom of the table above on this page: no line above it is this table's
        lines_below: list[str] = []  # the lines between the table before and this one on this page
        for k, ((bbox, raw_cells, parted, unsure), table_chars) in enumerate(
            zip(found_tables, inside, strict=True), start=1
        ):
            # its caption and unit lines, wrapped ones whole — the first table of a page after those at the page
            # before's foot (a caption at a page's foot over a table at the next page's top)
            between = lines_between(text, floor, bbox[1], lefts, foot) if k == 1 else lines_below
            unit = unit_line_above(between)
            floor = bbox[3]
            cells = [(x0, top + offset, x1, bottom + offset) for x0, top, x1, bottom in raw_cells]
            moved = [(ch[0], ch[1] + offset, ch[2] + offset, *ch[3:]) for ch in table_chars]
            table = _Table(
                page_no,
                k,
                bbox,
                cells,
                moved,
                _cluster([v for c in raw_cells for v in (c[0], c[2])]),
                height - bbox[3],
                tables[-1] if parted else None,
                unit_above=unit,
                year_above=caption_year_above(between),
                caption_above=caption_above(between),
                scope_above=scope_lines_above(between),
                unsure=list(unsure),
            )
            # its note: the lines below it down to the next table of its page (or the page's foot) — the next one's
            # lines above, read once
            if k < len(found_tables):
                lines_below = lines_between(text, bbox[3], found_tables[k][0][1], lefts)
            else:
                lines_below = (
                    lines_between(text, bbox[3], height, lefts) if any(s.lowest > bbox[3] for s in text.lines) else []
                )
            table.note_below = note_below(lines_below)
            prev = tables[-1] if tables else None
            if (
                k == 1
                and prev is not None
                and prev.page == page_no - 1
                and bbox[1] < text_above
                and prev.bottom_gap < 0.2 * height
            ):
                if _continues(prev.edges, table.edges):
                    if id(prev) not in places:
                        places[id(prev)] = _Places(prev)
                    _join(prev, table, places[id(prev)])
                    prev.unsure += table.unsure
                    prev.note_below = table.note_below  # a note is printed below the table's last part
                    prev.page, prev.bottom_gap = page_no, table.bottom_gap
                    prev.__dict__["first_page"] = prev.__dict__.get("first_page", prev.page - 1)
                    continue
                if _same_frame(prev.edges, table.edges):  # its column lines change at the break: maybe one table
                    table.stacked_on, table.over_page = prev, True
                prev.next_part = table
            tables.append(table)
        last_bottom = max((part[0][3] for part in found_tables), default=None)
        last_text_below = last_bottom is not None and any(line.lowest > last_bottom for line in text.lines)
        foot = (text, last_bottom or 0.0)
        offset += height
    numbers: dict[int, int] = {}
    for begins, said in paragraphs(texts):  # numbered per page, on the page each paragraph begins on
        numbers[begins] = numbers.get(begins, 0) + 1
        paragraphs_out.append(
            Paragraph(TextRef(paragraph=numbers[begins], page=begins, excerpt=said[:EXCERPT_CHARS]), said)
        )
    if not any_text:
        raise UnreadableWorkbook(
            "这是扫描件，无法读取文字：PDF 中没有文字层（只有图片）。请提交 Word 原件或带文字的 PDF",
            "a scanned PDF without a text layer: nothing can be read; submit the Word original",
            code="PDF_SCANNED",
            path=str(src),
        )
    grids = []
    origins: dict[str, tuple[int, int | None]] = {}
    names: dict[int, str] = {}
    stacked = []
    by_table: dict[int, Grid] = {}
    for t in tables:
        first = t.__dict__.get("first_page", t.page)
        name = f"第{first}页 表{t.number}"
        grid = _grid(t, name)
        grid.unit_above, grid.year_above, grid.caption_above = t.unit_above, t.year_above, t.caption_above
        grid.scope_above, grid.note_below = t.scope_above, t.note_below
        grids.append(grid)
        by_table[id(t)] = grid
        origins[name] = (first, t.number)
        names[id(t)] = name
        if t.stacked_on is not None and id(t.stacked_on) in names:
            above = names[id(t.stacked_on)]
            stacked.append((above, name, _grid(_whole(t.stacked_on, t), above)))
    for t in tables:
        below = by_table.get(id(t.next_part)) if t.next_part is not None else None
        by_table[id(t)].cut_below = below is not None and _opens_with_figures(below)
    blocks = [block for text in texts for block in column_blocks(text)]
    return DocumentSource(
        str(src),
        "pdf",
        tuple(paragraphs_out),
        grids,
        origins,
        tuple(problems),
        pages,
        unread_coverage(blocks) + tuple(_unsure_coverage(t, names[id(t)]) for t in tables if t.unsure),
        tuple(stacked),
    )


def _page_tables(
    page: Any, chars: list[tuple]
) -> list[tuple[tuple[float, float, float, float], list, bool, list[tuple[float, str]]]]:
    """(bbox, cells, parted, unsure) of each ruled table of the page, top to bottom: pdfplumber's tables, a block of
    tables printed back to back parted into its tables (pdf_stacked); `parted`: the part below another of its block;
    `unsure`: (y, first row's text) where a second table may begin inside it (pdf_stacked could not tell)."""
    out = []
    for t in page.find_tables():
        x0, top, x1, bottom = t.bbox
        mine = [ch for ch in chars if x0 <= ch[0] <= x1 and top <= ch[1] <= bottom]
        unsure: list[tuple[float, str]] = []
        for k, cells in enumerate(split_stacked(t.cells, mine, unsure)):
            box = (
                min(c[0] for c in cells),
                min(c[1] for c in cells),
                max(c[2] for c in cells),
                max(c[3] for c in cells),
            )
            out.append((box, cells, k > 0, [u for u in unsure if box[1] < u[0] < box[3]]))
    return sorted(out, key=lambda part: (part[0][1], part[0][0]))


def _unsure_coverage(table: _Table, name: str) -> SheetCoverage:
    """The coverage line of a table read whole where a second table may begin (pdf_stacked's `unsure`): its reading
    is a guess — findings on it are 警告 at most (`perfxl.rules._on_guessed_sheets`) and say why."""
    rows = "、".join(f"“{text[:EXCERPT_CHARS]}”" for _, text in table.unsure)
    first = table.__dict__.get("first_page", table.page)
    pages = f"第{first}页" if first == table.page else f"第{first}—{table.page}页"
    return SheetCoverage(
        name,
        "stacked_unsure",
        certain=False,
        read=True,
        note_zh=(
            f"{pages}的表格自{rows}一行起列线改变、该行各格均为标题文字，可能是紧接着打印的另一张表格；"
            "PDF 未标出表格分界，已按一张表格读取，该表的检查结果只作提示（警告）。请提交 Word 原件以确认"
        ),
        note_en=(
            f"{pages}: the table changes its column lines at a row of column headings ({len(table.unsure)} place(s)),"
            " where a second table printed back to back may begin; the PDF marks no table boundary, so it was read as"
            " one table and findings on it are warnings at most"
        ),
    )


def _whole(above: _Table, below: _Table) -> _Table:
    """The two tables read as one (copies: the tables themselves are kept as read), the part below joined at the
    page break as a continuation is, or — parted on one page — simply with it."""
    whole = replace(above, cells=list(above.cells), chars=list(above.chars))
    rest = replace(below, cells=list(below.cells), chars=list(below.chars))
    if below.over_page:
        _join(whole, rest)
    else:
        whole.cells += rest.cells
        whole.chars += rest.chars
    return whole


def _opens_with_figures(grid: Grid) -> bool:
    """The table's first row that holds anything holds a figure ("201", "2,946.25"): rows of a table going on, not a
    header of its own."""
    for row in grid.rows:
        texts = [str(v).strip() for v in row if v is not None and str(v).strip()]
        if texts:
            return any(to_decimal(t) is not None for t in texts)
    return False


def _same_frame(previous: list[float], current: list[float]) -> bool:
    """Both tables stand between the same outer column lines."""
    return (
        bool(previous and current)
        and abs(previous[0] - current[0]) <= EDGE_TOLERANCE
        and abs(previous[-1] - current[-1]) <= EDGE_TOLERANCE
    )


def _continues(previous: list[float], current: list[float]) -> bool:
    """A table at the top of a page continues the last one of the page before when it stands between the same
    outer column lines and the column lines of one part are lines of the other (the part before the break
    may hold only rows of merged cells, with fewer lines)."""

    def within(a: list[float], b: list[float]) -> bool:
        return all(any(abs(x - y) <= EDGE_TOLERANCE for y in b) for x in a)

    return _same_frame(previous, current) and (within(current, previous) or within(previous, current))


class _Places:
    """Where a table's cells and characters lie, kept while its parts are joined page by page: the cells by the
    height of their bottom, the characters by the height of their middle (`BUCKET`s of list positions, in order),
    the cells' tops sorted, the lowest bottom so far (the seam). `_join` looks only near the seam and at the head
    rows — a walk over the whole table so far at each page break made a long table's reading quadratic (sec25:
    1,000 ruled rows, 38 s). Every answer is the one a walk over the lists in their order gives."""

    def __init__(self, table: _Table) -> None:
        self.table = table
        self.cells: dict[int, list[int]] = {}
        self.chars: dict[int, list[int]] = {}
        self.tops = sorted(c[1] for c in table.cells)
        self.held: dict[tuple, tuple] = {}  # `seam_text`'s cells: (bottom, characters read, marks, tail)
        self.seam = max(c[3] for c in table.cells)
        for at, cell in enumerate(table.cells):
            self.cells.setdefault(_bucket(cell[3]), []).append(at)
        for at, ch in enumerate(table.chars):
            self.chars.setdefault(_bucket(ch[1]), []).append(at)

    def cells_ending(self, low: float, high: float) -> list[tuple]:
        """The cells whose bottom lies from about `low` to `high` (a superset: filter them), in the table's order."""
        found = sorted(at for key in _buckets(low, high) for at in self.cells.get(key, ()))
        return [self.table.cells[at] for at in found]

    def inside(self, cell: tuple) -> list[tuple]:
        """`_inside(cell, table.chars)`."""
        found = sorted(at for key in _buckets(cell[1], cell[3]) for at in self.chars.get(key, ()))
        return _inside(cell, [self.table.chars[at] for at in found])

    def seam_text(self, cell: tuple) -> list[tuple]:
        """What `_broken_row` and `_merged_over_seam` read of a cell's characters above the seam, in place of all of
        them (`inside`): its leftmost and rightmost characters, a digit when it holds one, and its last lines from
        where a line certainly begins (`_tail`) — their lines, widths, edges and digits answer as the whole cell's do.
        A cell merged down the table reaches the seam at every page break, taller each time: reading it whole at each
        break (every column's characters in its height, then its text grouped into lines) was quadratic in the table
        (sec26). What it holds is summed up as it grows: only the height it grew by and the characters added since are
        looked at."""
        chars = self.table.chars
        key = (cell[0], cell[1], cell[2])
        kept = self.held.get(key)
        if kept is None or cell[3] < kept[0]:  # read over its own height
            marks: tuple = ()
            tail: tuple[list[tuple], float | None] = ([], None)
            looked = sorted(at for b in _buckets(cell[1], cell[3]) for at in self.chars.get(b, ()))
        else:  # the characters below its former bottom, and those added since
            bottom, count, marks, tail = kept
            grown = {at for b in _buckets(bottom, cell[3]) for at in self.chars.get(b, ()) if chars[at][1] > bottom}
            looked = sorted(grown.union(range(count, len(chars))))
        new = _inside(cell, [chars[at] for at in looked])
        held = [*marks, *new]
        if held:
            digit = next((ch for ch in held if ch[3].isdigit()), None)
            marks = (min(held, key=lambda ch: ch[4]), max(held, key=lambda ch: ch[5]), *([digit] if digit else []))
        found = _tail([*tail[0], *new], tail[1])
        if found is None:  # characters added where a line began: the whole cell's
            found = _tail(self.inside(cell), None) or ([], None)
        tail = found
        self.held[key] = (cell[3], len(chars), marks, tail)
        return list({id(ch): ch for ch in (*marks, *tail[0])}.values())

    def row_lines(self, count: int) -> list[float]:
        """The first `count` values of `_cluster` over the cells' tops."""
        out: list[float] = []
        at = 0
        while len(out) < count and at < len(self.tops):
            out.append(self.tops[at])
            head = out[-1]
            at = bisect_right(self.tops, EDGE_TOLERANCE, key=lambda v: v - head)  # `_cluster`'s own comparison
        return out

    def add(self, joined: dict[tuple, tuple], cells: list[tuple], chars: list[tuple]) -> None:
        """`_join`'s change: each cell of `joined` made taller, `cells` and `chars` appended."""
        table = self.table
        for old, new in joined.items():  # each copy of the cell (cells are compared by value)
            key = _bucket(old[3])
            for at in [at for at in self.cells.get(key, ()) if table.cells[at] == old]:
                table.cells[at] = new
                self.cells[key].remove(at)
                insort(self.cells.setdefault(_bucket(new[3]), []), at)
        for cell in cells:
            self.cells.setdefault(_bucket(cell[3]), []).append(len(table.cells))
            table.cells.append(cell)
            insort(self.tops, cell[1])
        for ch in chars:
            self.chars.setdefault(_bucket(ch[1]), []).append(len(table.chars))
            table.chars.append(ch)
        if any(new[3] < old[3] for old, new in joined.items()):  # a cell made shorter: the lowest bottom again
            self.seam = max(c[3] for c in table.cells)
        else:
            self.seam = max([self.seam, *(c[3] for c in cells), *(c[3] for c in joined.values())])


def _tail(chars: list[tuple], floor: float | None) -> tuple[list[tuple], float | None] | None:
    """The characters from the last place where a line certainly begins — a top more than `LINE_TOLERANCE` below the
    one before (`group_lines` begins a line there, whatever came before) — with the one character just above it, and
    that character's top; all of them (and None) when there is no such place. `chars`: a cell's characters of top
    `floor` and below (the character above the place found before, and those added since), every character above
    `floor` left out: a place is certain only at or below it — None when there is none there."""
    tops = sorted(chars, key=lambda ch: ch[2])
    for k in range(len(tops) - 1, 0, -1):
        if floor is not None and tops[k - 1][2] < floor:
            return None
        if tops[k][2] - tops[k - 1][2] > LINE_TOLERANCE:
            return tops[k - 1 :], tops[k - 1][2]
    return (tops, None) if floor is None else None


def _join(prev: _Table, cont: _Table, places: _Places | None = None) -> None:
    """Append a table's continuation on the next page: its top edge moved onto the previous part's bottom
    edge (the page margins between them are no row), and a row broken over the page break made one row
    again (`_broken_row`): each of its cells' two parts become one cell. `places`: the table's `_Places`, kept
    from one page break to the next (a long table's joins look near the seam only)."""
    places = places or _Places(prev)
    head_end = _repeated_head(places, cont)
    if head_end is not None:  # Word's 标题行重复: the header rows printed again are no data
        cont.cells = [c for c in cont.cells if c[1] >= head_end - EDGE_TOLERANCE]
        cont.chars = [ch for ch in cont.chars if ch[1] >= head_end]
    seam = places.seam
    shift = seam - min(c[1] for c in cont.cells)
    cells = [(x0, top + shift, x1, bottom + shift) for x0, top, x1, bottom in cont.cells]
    chars = [(ch[0], ch[1] + shift, ch[2] + shift, *ch[3:]) for ch in cont.chars]
    near = places.cells_ending(seam - EDGE_TOLERANCE, seam + EDGE_TOLERANCE)
    above = [c for c in near if abs(c[3] - seam) <= EDGE_TOLERANCE]
    below = [c for c in cells if abs(c[1] - seam) <= EDGE_TOLERANCE]
    pairs = [
        (a, b)
        for a in above
        for b in below
        if abs(a[0] - b[0]) <= EDGE_TOLERANCE and abs(a[2] - b[2]) <= EDGE_TOLERANCE
    ]
    whole = len(pairs) == len(above) == len(below)  # a broken row keeps its cells on both sides of the seam
    if not (pairs and whole and _broken_row(pairs, places.seam_text, chars)):
        pairs = _merged_over_seam(pairs, above, below, places.seam_text, chars)
    joined = {a: (a[0], a[1], a[2], b[3]) for a, b in pairs}
    gone = {b for _, b in pairs}
    places.add(joined, [c for c in cells if c not in gone], chars)


def _band(cells: list[tuple], inside: Callable[[tuple], list[tuple]], top: float, bottom: float) -> list[tuple]:
    """(left, right, text) of the cells lying between `top` and `bottom`, left to right, top to bottom (`cells`: the
    table's, or those of them that may lie there, in the table's order; `inside`: a cell's characters)."""
    band = [c for c in cells if c[1] >= top - EDGE_TOLERANCE and c[3] <= bottom + EDGE_TOLERANCE]
    return [(c[0], c[2], _text(inside(c))) for c in sorted(band, key=lambda c: (c[1], c[0]))]


def _repeated_head(places: _Places, cont: _Table) -> float | None:
    """Where the header rows that the continuation repeats from the table's first rows end (up to three
    rows, same cells, same text), or None when it repeats none."""
    first, again = places.row_lines(4), _cluster([c[1] for c in cont.cells])
    found = None
    for k in range(1, min(3, len(first) - 1, len(again) - 1) + 1):
        # a cell of the band ends between its top and bottom (a cell's bottom is below its top)
        a = _band(
            places.cells_ending(first[0] - EDGE_TOLERANCE, first[k] + EDGE_TOLERANCE), places.inside, first[0], first[k]
        )
        b = _band(cont.cells, lambda c: _inside(c, cont.chars), again[0], again[k])
        same = len(a) == len(b) and all(
            abs(x[0] - y[0]) <= EDGE_TOLERANCE and abs(x[1] - y[1]) <= EDGE_TOLERANCE and x[2] == y[2]
            for x, y in zip(a, b, strict=True)
        )
        if not (same and any(x[2] for x in a)):
            break
        found = again[k]
    return found


def _merged_over_seam(
    pairs: list[tuple],
    above: list[tuple],
    below: list[tuple],
    inside_above: Callable[[tuple], list[tuple]],
    below_chars,
) -> list:
    """The cells of a vertically merged cell split by the page break (the row at the seam ended there): a part
    taller than its row on either side (so a merged cell), whose part below is empty (all its text printed
    above) or whose text above runs to the line's end and down to the seam ("产出指标" | "(55分)")."""
    row_top = max(c[1] for c in above)
    row_bottom = min(c[3] for c in below)
    out = []
    for a, b in pairs:
        if a[1] >= row_top - EDGE_TOLERANCE and b[3] <= row_bottom + EDGE_TOLERANCE:
            continue  # one row on each side: two cells
        text_above, text_below = inside_above(a), _inside(b, below_chars)
        if text_below and _a_figure_under_a_label(text_above, text_below):
            continue  # a header label over the first row's figure: two cells, the label's wrap goes on in words
        if not text_below or (text_above and _runs_on(a, text_above)):
            out.append((a, b))
    return out


def _a_figure_under_a_label(text_above: list[tuple], text_below: list[tuple]) -> bool:
    """The text below the seam is one figure ("14348853.34", "64,840,547.00") and the text above holds no digit
    ("基本支出"): a label wrapped over a page break goes on in words, never as a bare amount — so it is a header over
    the first row printed on the next page, not one cell split by the break (司法局 2026's 功能分类预算表 with its
    header at a page's foot: "基本支出1434885334" made the 204 row blank and gave false B18 警告)."""
    below = "".join(ch[3] for ch in text_below).strip()
    return to_decimal(below) is not None and not any(ch[3].isdigit() for ch in text_above)


def _runs_on(cell: tuple, text: list[tuple]) -> bool:
    """The cell's text runs to the end of its last line (its widest line, or the cell's right padding when it
    has one line; a line-breaking rule takes ≤1 character along) and down to the cell's bottom."""
    lines = _lines(text)
    em = max(ch[5] - ch[4] for ch in lines[-1])
    end = max(ch[5] for ch in lines[-1])
    if len(lines) > 1:
        full = end >= max(ch[5] for line in lines for ch in line) - 1.6 * em
    else:  # the right padding taken equal to the left one
        full = cell[2] - end <= min(ch[4] for ch in text) - cell[0] + 1.2 * em
    return full and cell[3] - max(2 * ch[1] - ch[2] for ch in lines[-1]) <= 2 * em


def _inside(cell: tuple[float, float, float, float], chars: list[tuple]) -> list[tuple]:
    return [ch for ch in chars if cell[0] <= ch[0] <= cell[2] and cell[1] <= ch[1] <= cell[3]]


def _broken_row(pairs: list[tuple], inside_above: Callable[[tuple], list[tuple]], below_chars: list[tuple]) -> bool:
    """True when the row at the seam was broken over the page break rather than ending there: some cell
    goes on below the seam, and every cell with text below the seam had its text above the seam run to the
    cell's right edge and down to the seam — cut mid-flow. A cell that ends above and holds text below ("8" over
    "8"), a taller merged cell whose text ends higher up, or a label over a bare figure (`_a_figure_under_a_label`: a
    三公 table's 预算数 │ 决算数 row at a page's foot, its figures on the next page — "预算数31.47" made one header of
    the two rows and the table no 三公 table) is no broken row — unless another cell of the row goes on in words below
    the seam: then the row was cut mid-flow, and a narrow cell's "不低于" over "95" is one value wrapped with it
    (review20e: a 自评表's indicator row broken over a page break, its 指标值 read apart from its indicator)."""
    words = False  # some cell goes on in words (a label over a bare figure alone is a header over the figures)
    for above, below in pairs:
        if not _inside(below, below_chars):
            continue
        text, text_below = inside_above(above), _inside(below, below_chars)
        if not text or not _runs_on(above, text) or _would_have_fitted(above, text, text_below):
            return False  # complete above (or empty): the text below begins a new row
        # a label over a bare figure: a header row (预算数 │ 决算数) over the first row of figures on the next page?
        words = words or not _a_figure_under_a_label(text, text_below)
    return words


def _would_have_fitted(cell: tuple, above: list[tuple], below: list[tuple]) -> bool:
    """The text below the seam begins with two Chinese characters and the first would have fitted on the last line
    above, before the cell's right padding (taken equal to its left one): Chinese wraps character by character,
    so the line above ended its text (省级财力专项预算 | 分配时限(1分) over 中央专款…: two rows)."""
    first = _lines(below)[0]
    if not CJK_START.match("".join(ch[3] for ch in first).lstrip()):
        return False
    last = _lines(above)[-1]
    right = cell[2] - (min(ch[4] for ch in above) - cell[0])
    return max(ch[5] for ch in last) + (first[0][5] - first[0][4]) <= right
