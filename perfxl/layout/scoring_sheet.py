"""A 评分细则 sheet whose header names only its indicator and 分值 columns (广西 港南区 2018: 目标名称 │ │ 分值 │ ): the
评分标准 between them and the 得分 after 分值 print no header. perfxl finds columns by their labels, so such a sheet was
unread. The 得分 column is recognised by its contents — on every row with a 分值, the next column holds a number no
larger than it (on at least three rows) — and the sheet is then read as a guess: marked inferred, every finding a
警告 at most, its basis saying how the column was found.
"""

from __future__ import annotations

from ..grid import Grid
from ..numbers import to_decimal
from . import headers as H
from .cells import own, row_cells, row_labels

__all__ = ["scoring_sheet_columns", "SCORING_NOTE"]

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
