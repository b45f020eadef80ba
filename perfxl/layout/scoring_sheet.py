"""A 评分细则 sheet whose header names only its indicator and 分值 columns (广西 港南区 2018: 目标名称 │ │ 分值 │ ): the
评分标准 between them and the 得分 after 分值 print no header. perfxl finds columns by their labels, so such a sheet was
unread. The 得分 column is recognised by its contents — on every row with a 分值, the next column holds a number no
larger than it (on at least three rows) — and the sheet is then read as a guess: marked inferred, every finding a
警告 at most, its basis saying how the column was found.
"""

from __future__ import annotations

from decimal import Decimal

from ..grid import Grid
from ..numbers import HUNDRED, to_decimal
from . import headers as H
from .cells import column_step, own, row_cells, row_labels, spacer_columns

__all__ = [
    "scoring_sheet_columns",
    "score_fragment_columns",
    "score_fragment_note",
    "SCORING_NOTE",
    "FRAGMENT_NOTE",
    "FRAGMENT_CLASSES",
]

#: Rows with a 分值 whose next column must hold a score no larger, for the column to be read as 得分.
_MIN_ROWS = 3
#: The longest label read as the indicator column's header ("目标名称", "评价内容", "考核指标").
_NAME_CHARS = 8
SCORING_NOTE = (
    "表头只标出指标名称和“分值”：分值右侧无表头的一列，每行都是不超过分值的数字，按内容推断为得分，两列之间的文字按评分"
    "标准读取；据此读取，所有结论至多为警告。",
    "the header names only the indicator and 分值 columns: the unheaded column after 分值, a number no larger than the "
    "分值 on every row, was read as 得分 (a guess); every finding at most a warning",
)


def scoring_sheet_columns(grid: Grid, limit: int = 40) -> tuple[int, dict[str, int]] | None:
    """(header row, role → column) of a 评分细则 header "name │ [blank] │ 分值 │ [blank]" in the first `limit` rows whose
    unheaded column after 分值 holds scores by its contents; else None."""
    for r in range(min(grid.n_rows, limit)):
        labels = row_labels(grid, r)
        if len(labels) != 2:
            continue
        (c_name, name), (c_weight, weight) = labels
        if H.match_role(weight, H.INDICATOR_COLUMNS) != "weight" or c_weight <= c_name or len(name) > _NAME_CHARS:
            continue
        if H.match_role(name, H.INDICATOR_COLUMNS) not in (None, "name"):
            continue
        c_score = c_weight + 1
        if own(grid, r, c_score) is not None or not _scores_below(grid, r, c_name, c_weight, c_score):
            continue
        cols = {"name": c_name, "weight": c_weight, "score": c_score}
        if c_weight - c_name == 2:
            cols["criteria"] = c_name + 1
        return r, cols
    return None


def _scores_below(grid: Grid, r: int, c_name: int, c_weight: int, c_score: int) -> bool:
    """Under header row r, every row with a name and a numeric 分值 holds a numeric 得分 no larger (at least three),
    and the column is no counter (1, 2, 3 … down the rows: a 序号 written at the right, not scores)."""
    scores = []
    for i in range(r + 1, grid.n_rows):
        cells = dict(row_cells(grid, i))
        weight = to_decimal(cells.get(c_weight)) if c_weight in cells else None
        if not isinstance(cells.get(c_name), str) or weight is None:
            continue
        score = to_decimal(cells.get(c_score)) if c_score in cells else None
        if score is None or score < 0 or score > weight:
            return False
        scores.append(score)
    return len(scores) >= _MIN_ROWS and scores != list(range(1, len(scores) + 1))


#: Rows a headerless score fragment must list (name │ 分值 │ 得分), for its columns to be read from their contents.
_MIN_FRAGMENT_ROWS = 5
FRAGMENT_NOTE = (
    "表格没有表头（接续上一页）：最右两列每行都是分值与不超过分值的得分，且分值合计恰为 100、其下为总分行，按内容推断为"
    "指标名称 │ 分值 │ 得分；据此读取，所有结论至多为警告。",
    "the table has no header (continued from a page before): its last two columns hold, on every row, a weight and a "
    "score no larger, the weights adding up to exactly 100 above a 总分 row, so they were read as name │ 分值 │ 得分 "
    "(a guess); every finding at most a warning",
)


def score_fragment_note(first: int, total_row: int, rest: tuple[str, str] | None = None) -> tuple[str, str]:
    """FRAGMENT_NOTE naming the rows it is about (`first`..`total_row`, 0-based), and `rest` — another table on the sheet
    (`_score_only_words`: "第 22 行的表头…") — as another table: "表格没有表头 … 第 22 行的表头" read as if the one table
    both had and lacked a header (gaps13)."""
    a, b = first + 1, total_row + 1
    zh, en = f"第 {a}–{b} 行的{FRAGMENT_NOTE[0]}", f"rows {a}-{b}: {FRAGMENT_NOTE[1]}"
    if rest is None:
        return zh, en
    return f"{zh}其下另有一表：{rest[0]}", f"{en}; another table below: {rest[1]}"


#: Why I02 is not run on such a fragment (its coverage says so).
FRAGMENT_CLASSES = (
    "表格没有表头，一级指标只写在指标名称左侧的标签中（部分在上一页），未按列读取：必设指标未核对",
    "the table has no header and its 一级 classes stand only in labels left of the names (some on the page before): "
    "required classes not checked",
)


def score_fragment_columns(grid: Grid, limit: int = 60) -> tuple[int, dict[str, int], int] | None:
    """(first row, role → column, 总分 row) of a headerless 评分表 fragment (a repost's page opening inside the table,
    不详 2017): rows from the sheet's first down to a row labelled 总分/合计, whose two rightmost figure columns hold a
    分值 and a 得分 no larger on every row with a figure (at least five), the 分值 adding up to exactly 100 — the whole
    table's weight, so no row of it is elsewhere — each beside a text name. Else None."""
    total_row = next(
        (r for r in range(min(grid.n_rows, limit)) if (cells := row_cells(grid, r)) and _total_label(cells[0][1])), None
    )
    if total_row is None or total_row < _MIN_FRAGMENT_ROWS:
        return None
    figures = [[c for c, v in row_cells(grid, r) if to_decimal(v) is not None] for r in range(total_row)]
    last = {cols[-1] for cols in figures if len(cols) >= 2}
    if len(last) != 1:
        return None
    c_score = last.pop()
    spacers = spacer_columns(grid)  # an empty column after each (adv28): the 分值 and the name are the next ones left
    c_weight, c_name = column_step(c_score, -1, spacers), column_step(c_score, -2, spacers)
    weights = Decimal(0)
    rows = 0
    for r, cols in enumerate(figures):
        if not cols:
            continue
        held = dict(row_cells(grid, r))
        weight, score = to_decimal(held.get(c_weight)), to_decimal(held.get(c_score))
        if cols != [c_weight, c_score] or weight is None or score is None or not 0 <= score <= weight:
            return None
        if not isinstance(held.get(c_name), str):
            return None
        weights += weight
        rows += 1
    if rows < _MIN_FRAGMENT_ROWS or weights != HUNDRED or _other_header(grid, total_row, (c_weight, c_score)):
        return None
    return 0, {"name": c_name, "weight": c_weight, "score": c_score}, total_row


def _other_header(grid: Grid, end: int, cols: tuple[int, int]) -> bool:
    """A word in the two figure columns above the total row other than a 分值/得分 label or a placeholder: the columns
    are headed, and not as scores ("编制数 │ 实有人数", "年初预算 │ 实际支出" over lines adding up to 100 — a staffing
    or funds table, whose full lines were "全部指标均为满分" and whose sum an "总分应为" 警告, review12t)."""
    for r in range(end):
        for c in cols:
            v = own(grid, r, c)
            if not isinstance(v, str) or not v.strip() or to_decimal(v) is not None or H.is_placeholder_text(v):
                continue
            if H.match_role(v, H.INDICATOR_COLUMNS) not in ("weight", "score"):
                return True
    return False


def _total_label(value: object) -> bool:
    """A 总分/合计 label, a bracketed note after it or not ("总分（满分100分）", "总分\n(100分)": the row classification's
    own reading — review26d: the fragment went unread, LAYOUT_NO_TABLE)."""
    return isinstance(value, str) and H.strip_brackets(H.normalise_label(value)) in H.TOTAL_LABELS
