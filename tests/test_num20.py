"""num20 (issue 11 item 7): a number that does not parse cleanly is read exactly or reported — never a silent guess.

1. A figure whose digits are grouped in threes by one space ("1 036.53", "1 000 000", "1 036"; a thin or no-break
   space too — SI/ISO 31-0 grouping as typeset reports and PDFs print it) is that figure: `perfxl.numbers.
   join_digit_groups`, the one reading, for a cell (`parse_value`), a sentence (`plain_narrative`) and its printed
   decimals (`printed_places`). Before: "1 036.53" read as TEXT with the number 1 — under 决算数 silently skipped, under
   实际完成值 "不是数值" (S11), in a sentence "036.53万元" (36.53).
2. Digits with a space no grouping explains ("12 3.4", "2023 100", "977 .30") are damaged text with a reason (C02 / I12,
   a 警告 saying what could not be read) — one finding, no other check computes with the leading figure.
3. A change printed with a triangle ("▼58.80", "▲58.80", typeset reports' marks) is read by the one sign reading
   (`perfxl.values.printed_sign`, B19's): ▼ a fall, ▲ a rise — before, "▼58.80" was +58.80 with a label "▼" and a fall so
   printed a B19 错误 "符号相反". "−58.80" (U+2212) and "- 58.80" (Excel's accounting print) are −58.80 in any cell.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from report_helpers import findings_of, pad, workbook_result
from table_cases import each_case as _each_case
from table_cases import each_case1 as _each_case1
from test_b19v import _MERGES, _b19, _table

from perfxl.document.facts import extract_facts
from perfxl.document.plain_text import plain_narrative
from perfxl.numbers import join_digit_groups, printed_places
from perfxl.values import ValueKind, parse_value, printed_sign

E = ""


# ---------------------------------------------------------------- the reading itself


_A_FIGURE_GROUPED_BY_SPACES_IS_THAT_FIGURE_CASES = [
    ("1 036.53", "1036.53"),
    ("1 036", "1036"),
    ("1\u2009036.53", "1036.53"),  # thin space
    ("1\u202f036.53", "1036.53"),  # narrow no-break space
    ("1\u00a0036", "1036"),  # no-break space
    ("-1 036.53", "-1036.53"),
    ("10 000", "10000"),
    ("1 000 000", "1000000"),
    ("≥1 036人", "1036"),
    ("−58.80", "-58.80"),  # the minus sign U+2212
    ("- 58.80", "-58.80"),  # Excel's accounting print
]


@_each_case(_A_FIGURE_GROUPED_BY_SPACES_IS_THAT_FIGURE_CASES)
def test_a_figure_grouped_by_spaces_is_that_figure(text, number):
    p = parse_value(text)
    assert p.kind is ValueKind.NUMBER and p.number == Decimal(number) and not p.damaged, p


_DIGITS_WITH_A_SPACE_NO_GROUPING_EXPLAINS_ARE_DAMAGED_WITH_A_REASON_CASES = [
    "12 3.4",
    "2023 100",
    "977 .30",
    "1 036 2",
    "1 0366",
    "100 200",
    "2 300",
    "2 300.00",
    "12 345",
    "12 345 678.90",
]


@_each_case1(_DIGITS_WITH_A_SPACE_NO_GROUPING_EXPLAINS_ARE_DAMAGED_WITH_A_REASON_CASES)
def test_digits_with_a_space_no_grouping_explains_are_damaged_with_a_reason(text):
    """Failed before: TEXT with the number of the first figure (12, 2023, 977, 1 …), no reason — unread, unsaid.
    "100 200", "2 300", "12 345" fit a grouping in threes but may as well be two figures (two values; a row's number and
    an amount a PDF's columns ran together): read as one only where every further group opens with 0 ("1 036",
    "1 000"); "12 345 678.90" may be three figures as well (sign21)."""
    p = parse_value(text)
    assert p.kind is ValueKind.TEXT and p.damaged and p.number is None
    assert p.reason and "空格" in p.reason and p.reason_en and "space" in p.reason_en


def test_the_grouping_is_one_reading_for_cells_sentences_and_decimals():
    assert join_digit_groups("预算1 036.53万元，支出1 2 345") == "预算1036.53万元，支出1 2 345"
    assert join_digit_groups("序号2 300.00") == "序号2 300.00"  # perhaps two figures: left as printed
    assert join_digit_groups("第3 100") == "第3 100"  # an ordinal's digits are no group of the next
    assert printed_places("1 036.53") == 2  # not the 0 decimals of a leading "1"


def test_a_sentence_reads_a_figure_grouped_by_spaces():
    """Failed before: the narrative's figure was 36.53万元 (the "036.53" after the space), its subject "项目资金预算1"."""
    text = plain_narrative("2023年项目资金预算1 036.53万元，实际支出1\u2009036.53 万元。")
    quantities = [f.quantity.value for f in extract_facts(text).facts]
    assert quantities == [Decimal("1036.53"), Decimal("1036.53")]


def test_a_sentences_spaced_figure_that_may_be_two_is_no_figure():
    """Failed before: "1 500万元" was the figure 500万元 (its subject "项目资金预算1"). It may be 1500 or two figures: no
    fact is made of it (a figure perfxl cannot be sure of is never compared)."""
    text = plain_narrative("2023年项目资金预算1 500万元，实际支出1 036.53万元。")
    assert [f.quantity.value for f in extract_facts(text).facts] == [Decimal("1036.53")]


_TRIANGLES_ARE_SIGN_MARKS_CASES = [
    ("▼58.80", -1),
    ("▽6.02%", -1),
    ("58.80▼", -1),
    ("▲58.80", 1),
    ("△6.02%", 1),
    ("58.80", 1),
]


@_each_case(_TRIANGLES_ARE_SIGN_MARKS_CASES)
def test_triangles_are_sign_marks(text, sign):
    assert printed_sign(text)[0] == sign


# ---------------------------------------------------------------- a 三公 决算 table (basic data) and its change column


def _run(tmp_path, rows):
    return workbook_result(tmp_path, rows, _MERGES)


def test_a_spaced_total_that_agrees_is_quiet(tmp_path):
    rows = _table()
    rows[4][1] = "1 036.53"  # 2014年决算数 合计 = 12.23 + 977.30 + 47.00
    assert list(_run(tmp_path, rows).findings) == []


def test_a_spaced_total_is_read_and_checked(tmp_path):
    """Failed before: "1 036.35" was silently skipped — no B03 on a total that misses its parts by 0.18."""
    rows = _table()
    rows[4][1] = "1 036.35"
    found = findings_of(_run(tmp_path, rows), "B03")
    assert [(f.ref.cell, f.severity.value) for f in found] == [("B5", "error")]


def test_a_figure_with_a_stray_space_is_one_coverage_finding(tmp_path):
    """Failed before: "10 36.53" was silently skipped. Now one C02 警告 naming the text, and nothing computed with it."""
    rows = _table()
    rows[4][1] = "10 36.53"
    findings = _run(tmp_path, rows).findings
    assert [(f.code, f.ref.cell, f.severity.value) for f in findings] == [("C02", "B5", "warning")]
    assert "10 36.53" in findings[0].message and "空格" in findings[0].message


@pytest.mark.parametrize("text", ["▼58.80", "▽58.80", "58.80▼", "(58.80)", "（58.80）"])
def test_a_fall_printed_with_a_triangle_or_brackets_agrees(tmp_path, text):
    """Failed before for the triangles: D7 a B19 错误 "表中数值符号相反" (▼ read as a label, the figure +58.80)."""
    assert _b19(_run(tmp_path, _table(changes={2: text}))) == []


def test_a_rise_printed_for_a_fall_stays_an_error(tmp_path):
    assert _b19(_run(tmp_path, _table(changes={2: "▲58.80"}))) == [("D7", "error")]


# ---------------------------------------------------------------- a 自评表's 实际完成值


def _evaluation(actual: str, target: str = "≥1000人"):
    rows = [
        pad(["项目支出绩效自评表"], 10),
        pad(["（2023年度）"], 10),
        pad(["项目名称", "职业技能培训补贴项目"], 10),
        pad(["主管部门", "某县人力资源和社会保障局", E, E, E, "实施单位", "某县就业服务中心"], 10),
        pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], 10),
        pad([E, "年度资金总额", "120", "120", "108", "10", "90.00%", "9.00"], 10),
        pad([E, "其中：当年财政拨款", "120", "120", "108", "—", "—", "—"], 10),
        pad(["年度总体目标", "预期目标", E, E, E, "实际完成情况"], 10),
        pad([E, "完成职业技能培训1000人次", E, E, E, "完成培训1036人次"], 10),
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
            E,
        ],
        pad([E, "产出指标", "数量指标", "培训人次", target, actual, "20", "20"], 10),
        pad([E, E, "质量指标", "培训合格率", "≥90%", "95%", "20", "20"], 10),
        pad([E, E, "时效指标", "补贴发放及时率", "100%", "100%", "10", "10"], 10),
        pad([E, "效益指标", "社会效益指标", "参训人员就业率", "≥60%", "72%", "30", "30"], 10),
        pad([E, "满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "96%", "10", "10"], 10),
        pad(["总分", E, E, E, E, E, "100", "99.00"], 10),
    ]
    merges = ("A1:I1", "A2:I2", "B3:I3", "B4:E4", "G4:I4", "A5:B5", "A6:A7", "A8:A9", "B8:E8", "F8:I8", "B9:E9")
    return rows, (*merges, "F9:I9", "A10:A15")


def _codes(result):
    return sorted((f.code, f.ref.cell, f.severity.value) for f in result.findings if f.code not in ("I06", "T07"))


def test_a_spaced_actual_that_meets_its_target_is_quiet(tmp_path):
    """Failed before: S11 "实际完成值“1 036”不是数值" — the figure was not read."""
    assert _codes(workbook_result(tmp_path, *_evaluation("1 036"))) == []


def test_a_spaced_actual_is_scored_against_its_target(tmp_path):
    """Failed before: S11 only ("不是数值"); the shortfall behind full marks went unsaid."""
    found = _codes(workbook_result(tmp_path, *_evaluation("1 036", "≥1200人")))
    assert ("S07", "H11", "error") in found


def test_an_actual_with_a_stray_space_is_one_warning(tmp_path):
    """Failed before: S11 (info) "不是数值" without saying why. Now one I12 警告 naming the spaced digits, no S11."""
    found = _codes(workbook_result(tmp_path, *_evaluation("12 3.4")))
    assert found == [("I12", "F11", "warning")]


# ---------------------------------------------------------------- every change cell perfxl cannot read: one finding


@pytest.mark.parametrize(("line", "text"), [({2: "5 8.80"}, None), ({2: "M.8"}, None), (None, {2: "6 .02%"})])
def test_a_change_cell_perfxl_cannot_read_is_one_c02(tmp_path, line, text):
    """Failed before: silent — B19 skipped the line, C02 did not look at the change columns (and named a 增减幅度
    cell 执行率). Now one C02 警告 naming the column as printed by the model (增减额 / 增减幅度)."""
    findings = list(_run(tmp_path, _table(changes=line, rates=text)).findings)
    assert [(f.code, f.severity.value) for f in findings] == [("C02", "warning")]
    assert findings[0].message.startswith("增减额" if line else "增减幅度")


@pytest.mark.parametrize("text", ["(58.80)", "—58.80", "▼58.80", "- 58.80", "−58.80"])
def test_a_change_cell_b19_reads_by_its_mark_is_no_c02(tmp_path, text):
    assert list(_run(tmp_path, _table(changes={2: text})).findings) == []


# ---------------------------------------------------------------- a 部门预决算 table's change column


def test_a_down_mark_is_negative_in_a_budget_tables_figure_cell():
    """Shape: a 功能分类表's 增减额 column printing falls with ▼ (as gaps18's prints them in brackets). Wrong before:
    "▼1.00" was +1.00 (the mark a label): the 合计's −1 = −2 + 1 was read 1 ≠ 2 + 1, a false B18 错误."""
    from perfxl.grid import Grid
    from tests.test_unread17 import _b18, _check

    head = [["科目编码", "科目名称", "2024年预算数", "2025年预算数", "增减额"]]
    body = [
        ["201", "一般公共服务支出", "10.00", "9.00", "▼1.00"],
        ["20101", "人大事务", "6.00", "4.00", "▼2.00"],
        ["20102", "政协事务", "4.00", "5.00", "▲1.00"],
        ["", "合计", "10.00", "9.00", "▼1.00"],
    ]
    assert _b18(_check(Grid("表1", head + body, ()))[1]) == []
    body[-1][-1] = "▲1.00"
    [(cell, severity, _)] = _b18(_check(Grid("表1", head + body, ()))[1])
    assert (cell, severity) == ("E5", "error")


@pytest.mark.parametrize("text", ["▼108", "减少108", "↓108"])
def test_a_down_mark_where_no_change_is_asked_is_one_c02(tmp_path, text):
    """Failed before: the 全年执行数 "▼108" was +108 with the mark dropped (silently). A fall's mark where no change is
    asked has no sign perfxl can be sure of: one C02 警告, nothing computed with it (no F04 on the rate)."""
    rows, merges = _evaluation("1 036")
    rows[5][4] = text
    found = _codes(workbook_result(tmp_path, rows, merges))
    assert found == [("C02", "E6", "warning")]
