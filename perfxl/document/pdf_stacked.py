"""Two ruled tables printed back to back: a PDF shows them as one ruled block (their rules touch; an untagged PDF
marks no table boundary), so pdfplumber finds one table holding both tables' column lines. The block is parted
where the second table visibly begins: a rule running the full width (no cell crosses it), below which another
column grid starts — each side has a column line the other lacks — under a row of column headings (every column
of the grid below headed by a one-row cell of text, none a number), or under a header block of up to three rows of
text holding every column line below, none of its cells reaching into the rows of figures (`_header_block`).

The same print can come from one Word table whose rows change their column lines; its sections (绩效指标 …) hang
under a label merged down beside their heading row, which is no heading row of a new table: it is kept whole; so are
its sections printed with their own column widths under a band naming the section (`_section_of_above`). Under a
table's total row (`_total_above`) a header of up to five rows, every cell filled, begins a table even on the same
column lines (上海 预算 reports print their tables on one template).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..patterns import lazy_compile
from ..profiles import resolve_profile
from .pdf_text import EDGE_TOLERANCE  # points: rules closer than this are one line

__all__ = ["split_stacked"]

_NUMBER = lazy_compile(r"[-+−]?[\d,，.．]+%?")
#: A section's label opening a band of one table ("二、项目支出", "（二）效益"): a numbered heading, never a table's title
#: ("二、收入决算表"); or an indicator class's name (`_class_label`).
_NUMBERED_SECTION = lazy_compile(
    r"(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．](?!\d))[^表]*"
)
#: A list's first number ("一、", "（一）", "1、"): a band so numbered begins its list — a table of its own may open with it
#: (a 基础数据表's "一、基本支出" under a 自评表's 总分 row); only a later one ("二、项目支出") continues the table above.
_FIRST_OF_LIST = lazy_compile(r"(?:一[、.．]|[（(][一1][)）]|1[、．])")
#: Its points after an indicator class's name ("产出指标（50分）").
_POINTS = lazy_compile(r"(?:指标)?(?:[（(]\d+(?:\.\d+)?分[)）])?")

Cell = tuple[float, float, float, float]  # x0, top, x1, bottom
#: A table's header is at most this many rows (as Word's repeated header rows are read, pdf_reader._repeated_head).
_HEADER_ROWS = 3
#: Under a table's total row (`_total_above`) a header may run to this many rows, every cell filled: a 三公 table's
#: 财政拨款“三公”经费 over 合计 │ 因公出国 │ 公务用车购置及运行费 │ 公务接待费 over 小计 │ 购置费 │ 运行费 over 预算数 │ 决算数.
_LONG_HEADER_ROWS = 5
#: A total row's label.
_TOTAL = lazy_compile(r"(?:本年)?(?:收入|支出)?(?:合计|总计)数?")


def _near(v: float, values: Sequence[float] | set[float]) -> bool:
    return any(abs(v - w) <= EDGE_TOLERANCE for w in values)


def _lines(cells: Sequence[Cell], left: float, right: float) -> list[float]:
    """The interior column lines the cells stand between (the frame left out)."""
    out: list[float] = []
    for v in sorted(x for c in cells for x in (c[0], c[2])):
        if v - left > EDGE_TOLERANCE and right - v > EDGE_TOLERANCE and not _near(v, out):
            out.append(v)
    return out


def _text(cell: Cell, chars: Sequence[tuple]) -> str:
    return "".join(ch[3] for ch in chars if cell[0] <= ch[0] <= cell[2] and cell[1] <= ch[1] <= cell[3]).strip()


def _starts_table(
    y: float,
    above: list[Cell],
    below: list[Cell],
    chars: Sequence[tuple],
    frame: Cell,
    unsure: list[tuple[float, str]] | None = None,
) -> bool:
    """The rule at `y` ends one table and begins another (see the module's docstring). `unsure`: where the rule is
    kept inside one table though a second table may begin there, the first row's text below is added to it
    (`_headed` on a grid that only merges or parts the columns above: nothing printed tells the two apart)."""
    left, right = frame[0], frame[2]
    upper, lower = _lines(above, left, right), _lines(below, left, right)
    if _section_of_above(y, above, below, chars, lower):
        return False
    ended = _total_above(y, above, chars)
    if not (any(not _near(v, lower) for v in upper) and any(not _near(v, upper) for v in lower)):
        # one grid refines the other: one table's rows, merged differently — unless the table above ended with its
        # total and a header of the table below begins, every cell of it filled
        if ended and _header_block(y, below, chars, left, right, lower, _LONG_HEADER_ROWS, filled=True):
            return True
        if unsure is not None and len(upper) != len(lower) and _headed(y, above, below, chars, left, right, lower):
            unsure.append((y, _first_row_text(y, below, chars)))
        return False
    if _headed(y, above, below, chars, left, right, lower, figures_above=False):
        return True  # every column below headed by a one-row cell of text
    heading = [c for c in below if abs(c[1] - y) <= EDGE_TOLERANCE]
    if not heading or not all(_words(_text(c, chars)) for c in heading):
        return False  # a row of figures, or an empty cell: no row of column headings
    if _header_block(y, below, chars, left, right, lower, _HEADER_ROWS + _title_band(y, below, chars)):
        return True
    return ended and _header_block(y, below, chars, left, right, lower, _LONG_HEADER_ROWS, filled=True)


def _title_band(y: float, below: list[Cell], chars: Sequence[tuple]) -> int:
    """1 when the row right under the rule at `y` is one cell across the block holding words (a table's title band over
    its header: 财政拨款“三公”经费 over the 三公 table's three header rows), else 0 — the rows a header may hold beside it."""
    first = [c for c in below if abs(c[1] - y) <= EDGE_TOLERANCE]
    return int(len(first) == 1 and _frame_wide(first[0], below) and _words(_text(first[0], chars)))


def _words(text: str) -> bool:
    return bool(text) and not _NUMBER.fullmatch("".join(text.split()))


def _headed(
    y: float,
    above: list[Cell],
    below: list[Cell],
    chars: Sequence[tuple],
    left: float,
    right: float,
    lower: list[float],
    *,
    figures_above: bool = True,
) -> bool:
    """Every column below the rule at `y` is headed by a one-row cell of text (none a figure, none empty) and
    figures stand under them; with `figures_above`, the row just above the rule holds a figure too (a table's
    last row of data, not a form's text rows over its 绩效指标 heading)."""
    heading = [c for c in below if abs(c[1] - y) <= EDGE_TOLERANCE]
    if not heading or not all(_words(_text(c, chars)) for c in heading):
        return False
    bottom = min(c[3] for c in heading)
    if not all(abs(c[3] - bottom) <= EDGE_TOLERANCE for c in heading):
        return False
    headed = _lines(heading, left, right)
    if len(headed) != len(lower) or not all(_near(v, headed) for v in lower):
        return False
    if not figures_above:
        return True
    last = [c for c in above if abs(c[3] - y) <= EDGE_TOLERANCE]
    return any(_figure(c, chars) for c in last) and any(_figure(c, chars) for c in below if c[1] > bottom - 1)


def _figure(cell: Cell, chars: Sequence[tuple]) -> bool:
    text = "".join(_text(cell, chars).split())
    return bool(text) and _NUMBER.fullmatch(text) is not None and any(ch.isdigit() for ch in text)


def _first_row_text(y: float, below: list[Cell], chars: Sequence[tuple]) -> str:
    first = sorted((c for c in below if abs(c[1] - y) <= EDGE_TOLERANCE), key=lambda c: c[0])
    return " │ ".join("".join(_text(c, chars).split()) for c in first)


def _total_above(y: float, above: list[Cell], chars: Sequence[tuple]) -> bool:
    """The row just above the rule at `y` is a total row — a cell "合计", "总计", "本年支出合计" beside a figure: a
    table's last row (a header's 合计 merged down to the rule holds no figure beside it). A row whose totals all name
    收入 ends only the table's 收入 half."""
    texts = ["".join(_text(c, chars).split()) for c in above if abs(c[3] - y) <= EDGE_TOLERANCE]
    totals = [t for t in texts if _TOTAL.fullmatch(t)]
    if all("收入" in t for t in totals):
        return False  # none, or only 本年收入合计: the 收入 half's total, its 支出 rows may follow (收支总表 down the page)
    return any(_NUMBER.fullmatch(t) for t in texts)


def _section_of_above(
    y: float, above: list[Cell], below: list[Cell], chars: Sequence[tuple], lower: list[float]
) -> bool:
    """The rows below `y` are a section of the table above, printed with its own column widths (Word rows of their own
    widths, a 自评表's or 基础数据表's sections): the first row opens with a section's label (`_section_label`: "二、项目支出",
    "效益指标"), not a heading — or the row just above is the section's band, one cell across the block, holding it —
    and the columns below are as many as those of a row above, each column line below between its neighbours' there (the same columns, drawn a little apart). A second table opening with its title
    ("二、支出决算表"), with columns of its own or as many but drawn elsewhere, stays a table of its own."""
    first = sorted((c for c in below if abs(c[1] - y) <= EDGE_TOLERANCE), key=lambda c: c[0])
    band = [c for c in above if abs(c[3] - y) <= EDGE_TOLERANCE]  # the row just above: the section's band itself?
    if len(band) == 1 and _frame_wide(band[0], above):
        first = band
    if not first or not _section_label("".join(_text(first[0], chars).split())):
        return False
    bands: dict[float, list[Cell]] = {}
    for c in above:
        key = next((t for t in bands if abs(t - c[1]) <= EDGE_TOLERANCE), c[1])
        bands.setdefault(key, []).append(c)
    for row in bands.values():
        left, right = min(c[0] for c in row), max(c[2] for c in row)
        lines = _lines(row, left, right)
        if len(lines) != len(lower) or not lines:
            continue
        bounds = [left, *lines, right]
        if all(bounds[i] < v < bounds[i + 2] for i, v in enumerate(lower)):
            return True
    return False


def _section_label(text: str) -> bool:
    """A section's label: a numbered heading (`_NUMBERED_SECTION`) past its list's first (`_FIRST_OF_LIST`) or an indicator class's name with 指标 and its points
    after it ("产出指标（50分）", "效益指标") — the classes of the default profile's I02 (`level1`, `output_level2`): the
    reader has no profile, and a column heading ("一级指标") names no class."""
    if _NUMBERED_SECTION.fullmatch(text):
        return not _FIRST_OF_LIST.match(text)
    settings = resolve_profile(None).check("I02").params
    names = [*settings.get("level1", ()), *settings.get("output_level2", ())]
    return any(text.startswith(name) and _POINTS.fullmatch(text[len(name) :]) for name in names)


def _frame_wide(cell: Cell, cells: list[Cell]) -> bool:
    """The cell spans the block from its left to its right rule (a band)."""
    return (
        abs(cell[0] - min(c[0] for c in cells)) <= EDGE_TOLERANCE
        and abs(cell[2] - max(c[2] for c in cells)) <= EDGE_TOLERANCE
    )


def _header_block(
    y: float,
    below: list[Cell],
    chars: Sequence[tuple],
    left: float,
    right: float,
    lower: list[float],
    most: int = _HEADER_ROWS,
    *,
    filled: bool = False,
) -> bool:
    """The rows under the rule at `y` down to the first row holding a figure are a table's header of up to
    `_HEADER_ROWS` rows (the 功能分类预算表's 项目 │ 一般公共预算支出 over 功能分类科目编码 … over 类 │ 款 │ 项): every column
    line below stands in it, and none of its cells reaches into the rows of figures — a label merged down beside the
    rows (a 自评表's 绩效指标) does, and keeps them a section of the table above. `most`: the rows it may hold;
    `filled`: every cell of it holds a word (a header, not rows whose figures are left blank, 结余分配 │ ␣, or printed
    as a dash, 因公出国（境）费 │ - │ -)."""
    figures = sorted(c[1] for c in below if _NUMBER.fullmatch("".join(_text(c, chars).split())))
    if not figures:
        return False
    first = figures[0]
    block = [c for c in below if c[1] < first - EDGE_TOLERANCE]
    tops: list[float] = []
    for v in sorted({c[1] for c in block}):
        if not _near(v, tops):
            tops.append(v)
    if not block or len(tops) > most or any(c[3] > first + EDGE_TOLERANCE for c in block):
        return False
    if filled and not all(any(ch.isalpha() for ch in _text(c, chars)) for c in block):
        return False  # a cell left blank or holding a dash ("-", "—", "/": a figure left out) is no header's word
    headed = _lines(block, left, right)
    return all(_near(v, headed) for v in lower)


def split_stacked(
    cells: Sequence[Cell], chars: Sequence[tuple], unsure: list[tuple[float, str]] | None = None
) -> list[list[Cell]]:
    """The cells of one ruled block parted into the tables printed back to back in it, top to bottom (one part
    when it is one table). `chars`: (x-centre, y-centre, top, text, x0, x1) of the block's characters. `unsure`:
    the first row's text of each place kept whole where a second table may begin (`_starts_table`).

    A rule is judged against the rows below it down to the end of its part, not the block's: each part is parted
    again until none is (prose23) — three tables back to back (a 功能分类表, the 三公 table, a 基金 table) were read as
    two, the middle rule held against the third table's column lines too, which the second's header lacks."""
    if not cells:
        return [list(cells)]
    frame = (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))
    parts = [list(cells)]
    while True:
        notes: list[tuple[float, str]] = []
        again = [piece for part in parts for piece in _parted(part, chars, frame, notes)]
        if len(again) == len(parts):
            break
        parts = again
    if unsure is not None:
        unsure.extend(notes)  # the last pass's: a place parted on a later pass is no unsure one
    return parts


def _parted(
    cells: list[Cell], chars: Sequence[tuple], frame: Cell, unsure: list[tuple[float, str]]
) -> list[list[Cell]]:
    """One pass of `split_stacked` over the cells of one part: top to bottom, each rule judged against the part's
    rows above it (from the last place parted) and below it (to the part's end)."""
    top, bottom = min(c[1] for c in cells), max(c[3] for c in cells)
    rules: list[float] = []
    for v in sorted({c[1] for c in cells} | {c[3] for c in cells}):
        if v - top > EDGE_TOLERANCE and bottom - v > EDGE_TOLERANCE and not _near(v, rules):
            rules.append(v)
    parts: list[list[Cell]] = []
    rest = list(cells)
    for y in rules:
        if any(c[1] < y - EDGE_TOLERANCE and c[3] > y + EDGE_TOLERANCE for c in rest):
            continue  # a cell crosses the rule: not the full width
        above = [c for c in rest if c[3] <= y + EDGE_TOLERANCE]
        below = [c for c in rest if c[1] >= y - EDGE_TOLERANCE]
        if above and below and _starts_table(y, above, below, chars, frame, unsure):
            parts.append(above)
            rest = below
    return [*parts, rest]
