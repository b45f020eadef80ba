"""General fixes prompted by held-out batch 31.

First run (measured once, before any change, on main 77f44ac): recall 0/0, false 错误 0, unread tables 0 (5 tables); 警告 on
unmarked rows 0. The batch (≈ 30 look-ups; every filled 自评表 the pages store returned already in the corpus): five tables
of 上海普陀 2026 区级部门预算 PDFs kept as a public repository's test fixtures — three 三公经费和机关运行经费预算表 with the
document's 说明 below (城管执法局, 建管委, 文旅局) and two 财政项目支出绩效目标申报表 (拆违经费, 兰溪路-真南路下立交工程).
Every relation in them holds by hand, so the run measured false findings and reading only.

What the run showed beyond the figure (planting a wrong figure in a copy of each table):

1. The 申报表's money block was not read (its rows "unread" in the coverage): 上海's form prints the term's money and the
   year's side by side — 项目资金总额 │ 10,308,000.00 │ 年度资金申请总额 │ 3,498,000.00, then 其中：财政资金 │ … │ 其中：
   当年财政拨款 │ …, 上年结转资金 (the year's side only) and 其他资金 │ 0.00 │ 其他资金 │ 0.00. "年度资金申请总额" named no
   total the pair reader knew, so neither total was held to its sources. It is now a pair total (`funds._PAIR_TOTALS`),
   and a line whose term side is blank (上年结转资金 on the year's side alone) no longer ends the term's lines
   (`funds._term_line`), so the term's 其他资金 below it still counts.
2. Not fixed: a 三公 table's 说明 written below it in the same sheet is not held to the table (a 公务接待费 of 0.56 in the
   说明 against 0.46 in the table passes unremarked); the 说明 check lives in the report reader (perfxl.document).

The shapes are those of the real tables in tests/realworld, cut down to what the reader and the rules read.
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import workbook_result as _workbook

E = ""


def _shanghai(term="10,308,000.00", year="3,498,000.00", term_other="0.00"):
    """上海普陀 2026 财政项目支出绩效目标申报表 (拆违经费): the money block's two sides, then the indicators."""
    return [
        ["财政项目支出绩效目标申报表", E, E, E, E, E, E, E],
        ["（2026年度）", E, E, E, E, E, E, E],
        ["项目名称", E, "拆违经费", E, "项目性质", "阶段性项目", "项目类别", "特定目标类"],
        [
            "主管部门",
            E,
            "普陀区城市管理行政执法局执法大队",
            E,
            "实施单位",
            "上海市普陀区城市管理行政执法局执法大队",
            E,
            E,
        ],
        ["计划开始日期", E, "2024-01-01", E, "计划完成日期", "2026-12-31", E, E],
        ["项目资金（元）", E, "项目资金总额", E, term, "年度资金申请总额", E, year],
        [E, E, "其中：财政资金", E, "10,308,000.00", "其中：当年财政拨款", E, "3,498,000.00"],
        [E, E, E, E, E, "上年结转资金", E, "0.00"],
        [E, E, "其他资金", E, term_other, "其他资金", E, "0.00"],
        ["项目绩效目标", "项目总体目标(2024 年-2026 年)", E, E, E, "年度总体目标", E, E],
        [E, "完成市、区相关部门下达的年度拆违任务。", E, E, E, "完成市、区相关部门下达的年度拆违任务。", E, E],
        ["绩效指标", "一级指标", "二级指标", "三级指标", E, E, "年度(/项目)指标值", E],
        [E, "产出指标", "数量指标", "完成年度拆违计划", E, E, "=100.00(%)", E],
        [E, E, "质量指标", "违法建筑销项正确率", E, E, "=100.00(%)", E],
        [E, "满意度指标", "服务对象满意度指标", "群众满意度", E, E, "≥90.00(%)", E],
    ]


_MERGES = (
    "A1:H1",
    "A2:H2",
    "A3:B3",
    "C3:D3",
    "A4:B4",
    "C4:D4",
    "F4:H4",
    "A5:B5",
    "C5:D5",
    "F5:H5",
    "A6:B9",
    "C6:D6",
    "F6:G6",
    "C7:D7",
    "F7:G7",
    "C8:E8",
    "F8:G8",
    "C9:D9",
    "F9:G9",
    "A10:A11",
    "B10:E10",
    "F10:H10",
    "B11:E11",
    "F11:H11",
    "A12:A15",
    "B13:B14",
    *(f"D{r}:F{r}" for r in range(12, 16)),
    *(f"G{r}:H{r}" for r in range(12, 16)),
)


def test_a_shanghai_declaration_that_agrees_has_no_error(tmp_path):
    """The published figures: 10,308,000 = 10,308,000 + 0 and 3,498,000 = 3,498,000 + 0 + 0 — nothing found."""
    result = _workbook(tmp_path, _shanghai(), _MERGES)
    assert not _errors(result)
    assert not _codes(result, "F02")


def test_its_year_total_is_held_to_the_years_sources(tmp_path):
    """年度资金申请总额 3,598,000 against 当年财政拨款 3,498,000 + 上年结转 0 + 其他 0: F02 at the year's total."""
    result = _workbook(tmp_path, _shanghai(year="3,598,000.00"), _MERGES)
    assert ("F02", "H6") in _errors(result)


def test_its_term_total_is_held_to_the_terms_sources(tmp_path):
    """项目资金总额 10,408,000 against 财政资金 10,308,000 + 其他资金 0: F02 at the term's total."""
    result = _workbook(tmp_path, _shanghai(term="10,408,000.00"), _MERGES)
    assert ("F02", "E6") in _errors(result)


def test_the_terms_sources_go_on_past_a_line_the_term_leaves_blank(tmp_path):
    """The term's 其他资金 100,000 under the blank term side of 上年结转资金: 10,308,000 + 100,000 ≠ 10,308,000 — F02 at
    the term's total (the term's lines ended at the blank side before, and its 其他资金 went unread)."""
    result = _workbook(tmp_path, _shanghai(term_other="100,000.00"), _MERGES)
    assert ("F02", "E6") in _errors(result)
