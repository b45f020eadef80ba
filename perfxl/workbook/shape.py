"""How content is laid out: a `Shape` is a set of layout options, and header texts come in sets.

The writer is data-driven: every real-world variant (merged or repeated 一级/二级 labels, split
指标性质|指标值|度量单位 columns, synonyms in headers, inserted rows, a table not at A1, several
tables on one sheet, formulas with or without cached values, .xls) is a `Shape`, not a new writer.
"""

from __future__ import annotations

from perfxl.records import record

__all__ = ["Shape", "HEADER_SETS", "labels_for"]


@record(frozen=True)
class Shape:
    """Layout options for `write_submission`."""

    formulas: bool = False  # computed cells (rates, sums, totals) as native formulas + cached values
    perf_scores: bool = False  # indicator 得分 cells as =PERF_SCORE(…) (the template does this)
    check_column: bool = False  # an extra column with perfxl's recomputed score beside the typed one
    levels: str = "merged"  # 一级/二级 labels: "merged" | "repeated" (every row) | "first" (first row only)
    split_target: bool = False  # 年度指标值 as 指标性质 | 指标值 | 度量单位 (Yunnan/Sichuan style)
    headers: str = "standard"  # a key of HEADER_SETS
    blank_rows: bool = False  # empty rows between blocks and inside the indicator block
    unit_note_row: bool = False  # a "单位：万元" row under each 自评表 title
    origin: tuple[int, int] = (0, 0)  # 0-based (row, col) of each table's top-left cell
    one_sheet: bool = False  # all 自评表s stacked on the first 自评表's sheet
    engine: str = "xlsxwriter"  # "xlsxwriter" (cached values) | "openpyxl" (formulas, no cached values)
    fmt: str = "xlsx"  # "xlsx" | "xls" (converted by LibreOffice headless)
    dropdowns: bool = True  # tier-label dropdown on qualitative 实际完成值 cells
    all_dropdowns: bool = False  # dropdown on every 实际完成值 cell (blank template)


#: Column and row header texts by key. "standard" is the 财预〔2020〕10号 wording.
STANDARD = {
    "initial": "年初预算数",
    "full": "全年预算数",
    "executed": "全年执行数",
    "funds_weight": "分值",
    "rate": "执行率",
    "funds_score": "得分",
    "goal": "年度总体目标",
    "goal_expected": "预期目标",
    "goal_actual": "实际完成情况",
    "block": "绩效指标",
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "三级指标",
    "target": "年度指标值",
    "nature": "指标性质",
    "target_value": "指标值",
    "unit": "度量单位",
    "actual": "实际完成值",
    "weight": "分值",
    "score": "得分",
    "deviation": "偏差原因分析及改进措施",
    "check": "perfxl复核得分",
    "total": "总分",
}

HEADER_SETS: dict[str, dict[str, str]] = {
    "standard": STANDARD,
    # synonyms seen in real forms, with line breaks inside header cells
    "synonyms": {
        **STANDARD,
        "initial": "年初\n预算数",
        "full": "全年预算数\n（调整后）",
        "executed": "全年\n执行数",
        "rate": "执行率\n（%）",
        "level1": "一级\n指标",
        "level2": "二级\n指标",
        "name": "三级\n指标",
        "target": "目标值",
        "actual": "完成值",
        "weight": "权重",
        "score": "自评得分",
        "deviation": "偏差原因分析\n及改进措施",
        "total": "合计",
    },
    # spaces inside labels, as typed to widen a column
    "spaced": {
        **STANDARD,
        "funds_weight": "分 值",
        "funds_score": "得 分",
        "target": "指标值",
        "actual": "实际完成值",
        "weight": "分 值",
        "score": "得 分",
        "deviation": "偏差原因分析及改进措施 ",
        "total": "总 分",
    },
}


def labels_for(shape: Shape, published: dict[str, str]) -> dict[str, str]:
    """Header texts: the set's texts, except where the content keeps its published wording.

    Published wording (e.g. the seed's "实际完成情况\u3000") wins only in the standard set, so a
    synonym variant really shows synonyms.
    """
    base = HEADER_SETS[shape.headers]
    return {**base, **published} if shape.headers == "standard" else dict(base)
