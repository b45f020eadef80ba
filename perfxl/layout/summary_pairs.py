"""The 概要 of a 绩效评价报告: a score and its grade printed as label │ value pairs, not as a 自评表 (held-out batch 24).

贵州's third-party 项目支出 evaluation report opens with a 概要 table of label │ value pairs — 项目名称 │ … │ 评价年度 │ 2023,
自评方式 │ 单位自评 │ 自评分值 │ 100 │ 自评等级 │ 优, 各级资金投入总数 │ … │ 资金抽查占比 │ 100% — under a cover line
"评价分值:88.64分评价等级:良" (黄果树旅游区 2023 村干部报酬项目, 贵州中略管理咨询有限公司). No 自评表 header is on the sheet,
so it was unread. A 自评分值/评价得分 label followed by its figure, with the 自评等级/评价等级 of the same kind on the same line
(or both in one cell, "评价分值:88.64分评价等级:良"), is read as one evaluation's result: the score its 总分, the grade its
自评等级, so T04 holds the grade to the score on the profile's bands (财预〔2020〕10号: 90 (含) 以上 优, 80–90 良, 60–80 中,
below 60 差), as a results list's lines are (`results_list.py`). The bands of the report's own 评价办法 are not printed,
so the sheet is read as inferred: every finding a 警告 at most, its note saying why. Only on a sheet where nothing else is
read. The 概要's money and 抽查占比 pairs are not read (said in the note).
"""

from __future__ import annotations

from perfxl.patterns import lazy_compile

from ..grid import Grid
from ..model import CellValue, SelfEvaluation
from . import headers as H
from .cells import own_cell, row_cells

__all__ = ["SUMMARY_NOTE", "read_summary_pairs"]

#: A score label of the two kinds a report prints (the unit's own 自评, the evaluator's 评价) and the grade label of each.
_KINDS = ("自评", "评价")
_SCORE_WORDS = ("分值", "得分", "分数", "总分")
_SCORE = {H.normalise_label(k + w): k for k in _KINDS for w in _SCORE_WORDS}
_GRADE = {H.normalise_label(k + "等级"): k for k in _KINDS}
_NUMBER = lazy_compile(r"^\d+(?:\.\d+)?分?$")
#: Both in one cell: "评价分值:88.64分评价等级:良" (a cover line above the 概要).
_INLINE = lazy_compile(
    r"(自评|评价)(?:分值|得分|分数|总分)\s*[:：]\s*(\d+(?:\.\d+)?)\s*分?\s*[,，;；]?\s*\1等级\s*[:：]\s*([^\s,，;；。|]{1,4})"
)

SUMMARY_NOTE = (
    "按“标签│数值”读取的评价报告概要：自评分值/评价分值与同行的等级按规则集的等级标准（财预〔2020〕10号：90分以上优、80–90良、"
    "60–80中、60以下差）核对；报告所依评价办法的等级标准表内未载明，所有结论至多为警告；概要中的资金、抽查占比等未核对。",
    "the summary (概要) of an evaluation report read as label │ value pairs: each 自评/评价 score against the grade beside "
    "it on the profile's bands (财预〔2020〕10号: 90 and over 优, 80–90 良, 60–80 中, below 60 差); the bands of the "
    "report's own rules are not printed, so every finding is a warning at most; its money and sampling shares are not "
    "checked",
)


def read_summary_pairs(grid: Grid, limit: int = 60) -> tuple[list[SelfEvaluation], list[int]] | None:
    """(one evaluation per score │ grade pair, the pairs' rows) in the first `limit` rows; None when there is none."""
    found: list[SelfEvaluation] = []
    rows: list[int] = []
    for r in range(min(grid.n_rows, limit)):
        cells = row_cells(grid, r)
        pairs = _pairs(grid, r, cells) or _inline(grid, r, cells)
        if pairs:
            found.extend(pairs)
            rows.append(r)
    return (found, rows) if found else None


def _pairs(grid: Grid, r: int, cells: list[tuple[int, object]]) -> list[SelfEvaluation]:
    """The label │ value pairs of row r: a score label with a figure right of it and the same kind's grade label with
    its grade right of it."""
    scores: dict[str, CellValue] = {}
    grades: dict[str, CellValue] = {}
    for i, (_c, value) in enumerate(cells[:-1]):
        if not isinstance(value, str):
            continue
        label = H.normalise_label(value)
        nc, nv = cells[i + 1]
        if label in _SCORE and _NUMBER.match(str(nv).strip()):
            scores.setdefault(_SCORE[label], own_cell(grid, r, nc))
        elif label in _GRADE and isinstance(nv, str) and nv.strip():
            grades.setdefault(_GRADE[label], own_cell(grid, r, nc))
    return [_result(grid, scores[k], grades[k]) for k in _KINDS if k in scores and k in grades]


def _inline(grid: Grid, r: int, cells: list[tuple[int, object]]) -> list[SelfEvaluation]:
    """A cell holding a score and its grade together ("评价分值:88.64分评价等级:良"): the figure and the grade read
    from its text, both at that cell."""
    out: list[SelfEvaluation] = []
    for c, value in cells:
        if not isinstance(value, str):
            continue
        for match in _INLINE.finditer(value):
            ref = own_cell(grid, r, c).place()
            out.append(_result(grid, CellValue.of(match.group(2), ref), CellValue.of(match.group(3), ref)))
    return out


def _result(grid: Grid, score: CellValue, grade: CellValue) -> SelfEvaluation:
    """One score │ grade pair as an evaluation's result (its score the 总分, its grade the 自评等级), as a results
    list's line (`results_list._line`: `columns=("score",)`, no indicators)."""
    return SelfEvaluation(kind="project", sheet=grid.name, total_score=score, grade=grade, columns=("score",))
