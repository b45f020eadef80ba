"""A 绩效评价情况表 that lists results, not indicators: one line per project with its score and its grade (浙江 专项债券项目
资金绩效评价情况表, 浙财债〔2022〕24号: 序号 │ 主管部门 │ 项目单位 │ 项目名称 │ 发行金额(亿元) │ 评价得分 │ 评价结果 │ 备注; the
新增专项债券项目绩效评价表: 项目名称 │ 债券性质 │ 债券规模 │ 自评分数 │ 自评等级). No 自评表 header (三级指标, 分值 …) is on such a
sheet, so it was unread.

Each line is read as one evaluation's result: its score the 总分 and its grade the 自评等级, so the grade check (T04) runs
on it as on a 自评表's 总分 row, on the profile's bands (财预〔2020〕10号: 90 (含) 以上 优, 80–90 良, 60–80 中, below 60
差). Which bands the list's own rules set (浙财债〔2022〕24号 for 浙江's bond projects) is not in the cells and not in the
stores to confirm, so the sheet is read as inferred: every finding a 警告 at most, its note saying why. The header is
found by its labels (a 项目名称 column and a grade column, 评价得分/自评分数 beside when printed); a line is a row with a
name and a score or a grade under it; a 合计/总计 line is no project. Nothing about the projects' indicators is in the
cells: only the score and grade of each line are read.
"""

from __future__ import annotations

from ..grid import Grid
from ..model import CellValue, SelfEvaluation
from ..values import blank_text
from . import headers as H
from .cells import own, own_cell, row_cells, row_labels

__all__ = ["RESULTS_NOTE", "read_results_list"]

_NAME = frozenset(H.normalise_label(x) for x in ("项目名称",))
_SCORE = frozenset(H.normalise_label(x) for x in ("评价得分", "自评分数", "自评得分", "评价分数", "得分"))
_GRADE = frozenset(H.normalise_label(x) for x in ("评价结果", "自评等级", "评价等级", "等级", "绩效等级"))

RESULTS_NOTE = (
    "按行读取的绩效评价结果表：每行一个项目的评价得分与评价等级，按规则集的等级标准（财预〔2020〕10号：90分以上优、80–90良、"
    "60–80中、60以下差）核对；该表所依评价办法的等级标准表内未载明，所有结论至多为警告；表中没有指标，项目的指标、分值未核对。",
    "a list of evaluation results read line by line: each project's score against its grade on the profile's bands "
    "(财预〔2020〕10号: 90 and over 优, 80–90 良, 60–80 中, below 60 差); the bands of the rules the list follows are not "
    "printed, so every finding is a warning at most; the list holds no indicators, so none is checked",
)


def _header(grid: Grid, r: int) -> tuple[int, int | None, int] | None:
    """(name column, score column or None, grade column) when row r is a results-list header: a 项目名称 and a grade
    label among at least three column labels, and no label of a 自评表's indicator or funds header."""
    labels = row_labels(grid, r)
    if len(labels) < 3:
        return None
    found: dict[str, int] = {}
    for c, label in labels:
        bare = H.strip_brackets(H.normalise_label(label))
        for role, words in (("name", _NAME), ("score", _SCORE), ("grade", _GRADE)):
            if bare in words and role not in found:
                found[role] = c
        if H.match_role(label, H.INDICATOR_COLUMNS) in ("level1", "level2", "target", "actual", "weight"):
            return None  # an indicator table's header: read as such, not as a results list
    if "name" not in found or "grade" not in found:
        return None
    return found["name"], found.get("score"), found["grade"]


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and blank_text(value))


def read_results_list(grid: Grid, limit: int = 40) -> tuple[int, list[SelfEvaluation], list[int]] | None:
    """(header row, one evaluation per line, the lines' rows) of the first results-list header in the first `limit`
    rows; None when the sheet has none or no line under it."""
    for r in range(min(grid.n_rows, limit)):
        cols = _header(grid, r)
        if cols is None:
            continue
        name, score, grade = cols
        tables: list[SelfEvaluation] = []
        rows: list[int] = []
        for i in range(r + 1, grid.n_rows):
            if not row_cells(grid, i):
                continue
            label = own(grid, i, name)
            first = H.normalise_label(row_cells(grid, i)[0][1])
            if first in H.TOTAL_LABELS or H.normalise_label(label) in H.TOTAL_LABELS:
                continue  # 合计 / 总计: the column sums, no project of its own
            scored = score is not None and _filled(own(grid, i, score))
            if not isinstance(label, str) or not (scored or _filled(own(grid, i, grade))):
                break  # the first row that is no line ends the list (a note, a signature)
            tables.append(_line(grid, i, name, score, grade))
            rows.append(i)
        return (r, tables, rows) if tables else None
    return None


def _line(grid: Grid, r: int, name: int, score: int | None, grade: int) -> SelfEvaluation:
    """One line as an evaluation's result: the project's name, its score the 总分, its grade the 自评等级."""
    label = own_cell(grid, r, name)
    total = own_cell(grid, r, score) if score is not None else CellValue(None)
    return SelfEvaluation(
        kind="project",
        sheet=grid.name,
        header={"项目名称": label},
        total_score=total,
        grade=own_cell(grid, r, grade),
        columns=("score",),
    )
