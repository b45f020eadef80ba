"""General fixes prompted by held-out batch 13: the 项目资金构成 block of a 江苏 (苏州市级) 财政支出项目绩效自评表 — 子项名称 │
预算数(万元) │ 实际数(万元), one line per 子项 and a 合计 line — whose 合计 must be the sum of its 子项.

The shape is that of a real table in tests/realworld (苏州市财政局, 市财政灾备中心建设 2021: 子项 实际数 197.33 + 5.638 =
202.968 printed 合计 210), cut down to what the rule reads.
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import indicator_header, pad
from report_helpers import row_runs as _runs
from report_helpers import workbook_result as _workbook

E = ""


# ---------------------------------------------------------------- 苏州 2021: 项目资金构成 │ 子项名称 │ 预算数 │ 实际数


def _suzhou(actual_total="210", budget_total="210", second_actual="5.638"):
    """The 2021 table's head, its 项目资金构成 block as published (合计 │ 210 │ 210) and three indicator rows; the 合计
    figures and the second 子项's 实际数 replaceable."""
    rows = [
        pad(["苏州市级财政支出项目绩效自评表"], 7),
        pad(["项目名称", "市财政灾备中心建设", E, E, "项目年份", "2021"], 7),
        pad(["项目主管部门(单位)", "苏州市财政局"], 7),
        ["项目资金构成(详细列出各子项目名称和金额)", "子项名称", E, "预算数(万元)", E, "实际数(万元)", E],
        [E, "市财政灾备中心建设", E, "203", E, "197.33", E],
        [E, "监理服务", E, "7", E, second_actual, E],
        [E, "合计", E, budget_total, E, actual_total, E],
        ["项目类别", E, "指标名称", "目标值", "权重", "实际完成值", "自评分"],
        ["项目绩效实现情况(80分)", "投入目标", "配套设施到位率", "100%", "1", "100%", "1"],
        [E, E, "资金使用合规性", "合规", "3", "100%", "3"],
        [E, "产出目标", "项目验收合格率", "=100%", "3.71", "100%", "3.71"],
    ]
    merges = (
        "A1:G1",
        "B2:D2",
        "F2:G2",
        "B3:G3",
        "A4:A7",
        "B4:C4",
        "D4:E4",
        "F4:G4",
        "B5:C5",
        "D5:E5",
        "F5:G5",
        "B6:C6",
        "D6:E6",
        "F6:G6",
        "B7:C7",
        "D7:E7",
        "F7:G7",
        "A8:B8",
        "A9:A11",
        "B9:B10",
    )
    return rows, merges


def test_a_components_block_that_adds_up_is_read_and_quiet(tmp_path):
    """子项名称 │ 预算数(万元) │ 实际数(万元) opens the block: its 子项 lines and its 合计 line are read (they were 'unread'),
    and 203 + 7 = 210, 197.33 + 2.67 = 200 under a 合计 of 200 raise nothing."""
    rows, merges = _suzhou(actual_total="200", second_actual="2.67")
    result = _workbook(tmp_path, rows, merges)
    runs = _runs(result)
    assert ("header", 4, 4) in runs and not any(
        kind == "unread" and first <= 7 <= last for kind, first, last in runs
    ), runs
    assert not _codes(result, "F11") and not _errors(result)


def test_a_components_total_that_is_not_the_sum_of_its_items_is_an_error(tmp_path):
    """苏州 2021 as published: 子项 实际数 197.33 + 5.638 = 202.968 under a printed 合计 of 210 — an 错误 at the 合计's 实际数
    (the 预算数 column, 203 + 7 = 210, is right and quiet)."""
    rows, merges = _suzhou()
    result = _workbook(tmp_path, rows, merges)
    found = [(f.ref.cell, f.severity.value) for f in _codes(result, "F11")]
    assert found == [("F7", "error")], found
    f11 = _codes(result, "F11")[0]
    assert "202.968" in f11.message and "210" in f11.message
    assert _errors(result) == [("F11", "F7")]


# ---------------------------------------------------------------- 鄂州 2021: a 成本指标 at the whole budget, its actual copied


def _ezhou(cost_target="150万", cost_actual="150万", executed="125.25万", rate="83.5%"):
    """鄂州市行政审批局 2021 市民中心运行维护费 as published (150万 budgeted, 125.25万 spent), cut to its funds block and two
    indicators: 大厅运行正常率 and the 成本指标 市民中心运行维护费 (150万 │ 150万 │ 10 │ 10)."""
    rows = [
        pad(["项目支出绩效自评表"]),
        pad(["( 2021 年度)"]),
        pad(["项目名称", "市民中心运行维护费"]),
        ["项目资金 (万元)", E, E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [E, "年度资金总额", E, "150万", "150万", executed, "10", rate, "8.35"],
        [E, "其中:当年财政拨款", E, "150万", "150万", executed, "—", E, "—"],
        indicator_header("绩 效 指 标", "偏差原因分析及改进措施"),
        [E, "产出指标", "成本指标", "市民中心运行维护费", cost_target, cost_actual, "10", "10", E],
        [E, "效益指标", "经济效益 指标", "大厅运行正常率", "100%", "100%", "10", "10", E],
    ]
    merges = ("A1:I1", "A2:I2", "B3:I3", "A4:A6", "B4:C4", "B5:C5", "B6:C6", "A7:A9")
    return rows, merges


def test_a_cost_set_at_the_whole_budget_whose_actual_is_not_what_was_spent_is_a_warning(tmp_path):
    """鄂州 2021 as published: the 成本指标 is the year's whole budget (150万 = 全年预算数) and prints 150万 as its actual, while
    the funds block says 125.25万 was spent — the printed cost contradicts the table's own execution figure: a 警告 at the
    actual (which of the two is right is for a person to find), naming both figures."""
    rows, merges = _ezhou()
    result = _workbook(tmp_path, rows, merges)
    found = [(f.ref.cell, f.severity.value) for f in _codes(result, "F12")]
    assert found == [("F8", "warning")], found
    assert "125.25" in _codes(result, "F12")[0].message


def test_a_cost_actual_equal_to_the_spending_or_a_unit_cost_is_quiet(tmp_path):
    """The same row with its actual at the 全年执行数 (125.25万), at it rounded to the places printed (125.3万), or a unit cost
    that is not the whole budget (≤2万元/场 │ 1.8万元/场), raises no F12."""
    for target, actual in (("150万", "125.25万"), ("150万", "125.3万"), ("≤2万元/场", "1.8万元/场")):
        rows, merges = _ezhou(cost_target=target, cost_actual=actual)
        result = _workbook(tmp_path, rows, merges)
        assert not _codes(result, "F12"), (target, actual, [f.message for f in _codes(result, "F12")])


# ---------------------------------------------------------------- 鄂州 2019: a 时效 target missed, scored part of its weight


def _late(tmp_path, score):
    """鄂州市财政局 2019 财政政务管理 as published, cut to its 时效 row (完成时限 2019年 │ 2020年 │ 20) and one met row."""
    rows = [
        pad(["项目支出绩效自评表"]),
        pad(["项目名称", "财政政务管理"]),
        indicator_header("绩 效 指 标", "偏差原因分析"),
        [E, "产出指标", "时效指标", "完成时限", "2019年", "2020年", "20", score, "部分项目延续至下年"],
        [E, "效益指标", "社会效益 指标", "群众满意度", "≥90%", "95%", "20", "20", E],
    ]
    return _workbook(tmp_path, rows, ("A1:I1", "B2:I2", "A3:A5"))


def test_a_late_deadline_scored_part_of_its_weight_is_a_warning_naming_the_unsourced_share(tmp_path):
    """As published: 2019年 missed (done 2020年) and scored 10 of 20. 10号 sets no share a late row keeps, so perfxl's
    deadline.late_share = 0 is a default, not a rule the cells make certain: the S01 on H4 is a 警告 saying so. Full marks
    on a missed deadline stay an 错误 (any share below 1 gives less); 0 agrees with the default and is quiet."""
    partial = _codes(_late(tmp_path, "10"), "S01")
    assert [(f.ref.cell, f.severity.value) for f in partial] == [("H4", "warning")]
    assert "deadline.late_share" in partial[0].basis
    late = _late(tmp_path, "20")
    full = _codes(late, "S01") + _codes(late, "S07")  # full marks on the miss: S07's one finding (tests/test_gaps17.py)
    assert [(f.code, f.ref.cell, f.severity.value) for f in full] == [("S07", "H4", "error")]
    assert not _codes(_late(tmp_path, "0"), "S01")
