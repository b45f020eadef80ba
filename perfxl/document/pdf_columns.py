"""Text outside a PDF's ruled tables that stands in columns: a table printed without borders.

A PDF keeps a table's grid only in its rules. Without them, the cells are loose text lines; which lines make
one row, and which text wraps inside a cell, cannot be told reliably — so perfxl does not guess a grid (a
wrong grid would put findings on cells the user never filled). It reports the block as a table it could not
read (coverage), so a clean verdict does not claim to cover it.
"""

from __future__ import annotations

import re

from ..model import SheetCoverage
from ..records import record
from .pdf_text import PageText, Run

__all__ = ["ColumnBlock", "column_blocks", "unread_coverage"]

#: A line in columns has at least this many runs of two characters or more (a label │ value pair is too common in
#: narrative; a run of one character is letter spacing — "项 目 名 称：" on a cover — not a cell).
MIN_RUNS = 3
#: … or at least this many runs that are figures ("55.00 │ 49.04 │ 优": a score table whose labels are one character
#: or lost): figures a column gap apart are cells, narrative keeps its figures inside its sentences (儋州法院 2018).
MIN_FIGURE_RUNS = 2
_FIGURE = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?[%％]?$")
#: A block needs this many lines in columns …
MIN_LINES = 3
#: … with at most this many other lines (a cell's wrapped text) between two of them.
MAX_BETWEEN = 2
EXCERPT_CHARS = 30


@record(frozen=True)
class ColumnBlock:
    """Lines of one page that stand in columns: their page, how many lines, and the first such line."""

    page: int
    lines: int
    first_line: str


def _wraps_in_columns(runs: list[Run], columns: dict[float, float], em: float) -> bool:
    """Each run starts at a column of the block and is no wider than that column has been: a cell's wrapped
    text (拟采取 │ 的改进 under 未完成原因及). A narrative line after the table runs the full width: it does not."""
    for x0, x1, _ in runs:
        width = next((w for start, w in columns.items() if abs(start - x0) <= em), None)
        if width is None or x1 - x0 > width + em:
            return False
    return bool(runs)


def _label_then_figure(runs: list[Run], columns: dict[float, float], em: float) -> bool:
    """A line "label │ figure" a column gap apart, its figure in the column the block's first such line opened (or
    opening one): a one-figure table (江北区 2021's 项目 │ 预算数, real reports 15). One such line is common in narrative;
    MIN_LINES of them, their figures in one column, make a table."""
    if len(runs) != 2 or len(runs[0][2]) < 2 or not _FIGURE.match(runs[1][2]):
        return False
    return not columns or any(abs(start - runs[1][0]) <= em for start in columns)


#: A row whose figure cells are blank prints its label alone: short, no sentence punctuation, not a heading.
_BARE_LABEL = re.compile(r"^(?![一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^。，,；;：:]{2,16}$")


def _label_alone(runs: list[Run], columns: dict[float, float], em: float) -> bool:
    """A row of the block whose figures are blank ("因公出国(境)费" under 合计 │ 11.77, its 预算数 empty: 泾县中学 2021,
    real reports 18): one short run starting at the block's first column. Only inside a block already opened by a
    line in columns — alone, such a line is any short line of text."""
    if len(runs) != 1 or not columns or not _BARE_LABEL.match(runs[0][2]):
        return False
    return abs(min(columns) - runs[0][0]) <= em


def column_blocks(page: PageText) -> list[ColumnBlock]:
    """The page's blocks of lines in columns: at least MIN_LINES lines of MIN_RUNS runs (or MIN_FIGURE_RUNS runs of
    figures), with only their cells' wrapped text, or at most MAX_BETWEEN other lines, between two of them."""
    blocks: list[ColumnBlock] = []
    first: list[Run] = []
    lines = between = 0
    columns: dict[float, float] = {}  # a column's start → the widest run seen in it

    def close() -> None:
        if lines >= MIN_LINES:
            text = " │ ".join(run[2] for run in first)
            blocks.append(ColumnBlock(page.page, lines, text[:EXCERPT_CHARS]))

    for line in page.lines:  # each line's runs of text (a run ends at a column gap), read with the page (pdf_text)
        runs, em = list(line.runs), line.run_em
        if (
            sum(len(run[2]) > 1 for run in runs) >= MIN_RUNS
            or sum(bool(_FIGURE.match(run[2])) for run in runs) >= MIN_FIGURE_RUNS
            or _label_then_figure(runs, columns, em)
        ):
            first, lines, between = first or runs, lines + 1, 0
            for x0, x1, _ in runs:
                start = next((s for s in columns if abs(s - x0) <= em), x0)
                columns[start] = max(columns.get(start, 0.0), x1 - x0)
        elif lines and _label_alone(runs, columns, em):
            lines, between = lines + 1, 0
        elif lines and _wraps_in_columns(runs, columns, em):
            between = 0
        elif lines:
            between += 1
            if between > MAX_BETWEEN:
                close()
                first, lines, between, columns = [], 0, 0, {}
    close()
    return blocks


def unread_coverage(blocks: list[ColumnBlock]) -> tuple[SheetCoverage, ...]:
    """One unread table per page that has blocks in columns, saying where it is and why it was not checked."""
    pages: dict[int, list[ColumnBlock]] = {}
    for block in blocks:
        pages.setdefault(block.page, []).append(block)
    out = []
    for page, on_page in pages.items():
        lines = sum(b.lines for b in on_page)
        out.append(
            SheetCoverage(
                f"第{page}页 无框线表格",
                "unruled_table",
                certain=False,
                read=False,
                note_zh=(
                    f"第{page}页有{lines}行文字按列排列（首行“{on_page[0].first_line}”），似为没有表格线的表格；"
                    "PDF 未保留表格线，行列无法可靠还原，未作为表格检查，其文字按正文读取。"
                    "请提交 Word 原件或带表格线的 PDF"
                ),
                note_en=(
                    f"page {page}: {lines} lines of text in columns, a table printed without rules; its rows "
                    "and columns cannot be recovered reliably, so it was not checked as a table (its text was "
                    "read as narrative)"
                ),
            )
        )
    return tuple(out)
