"""Adversarial review of this morning's merges (heldout25, reports16, reports17, noise15), session 15: correct inputs
built near each new heuristic's edges, in the shapes real provinces print. Six false or lost paths found, each fixed
in general; every test failed before its fix as its docstring says.
"""

from __future__ import annotations

import sys
from pathlib import Path

from report_helpers import findings_of, report_findings, workbook_result
from test_heldout25 import _yuanling as _yuanling_table

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import validated, variant

E = ""


def _n02(findings):
    return [(f.code, f.severity.value) for f in findings if f.code == "N02" and f.severity.value != "info"]


# ---------------------------------------------------------------- reports16: a joint 收支 change


def test_a_joint_change_beside_two_pairs_of_equal_sides_is_not_measured(tmp_path):
    """Shape: a 决算 report stating both pairs of its books — "收入总计23866.88万元,支出总计23866.88万元。本年收入合计
    20000万元,本年支出合计20000万元,收支较上年减少3888.01万元、下降14%" (14% = 3888.01 / 27754.89, of the 总计).
    Wrong before: N02 错误 "应为 16%" — `_books_total` took the last equal pair (本年 合计) as the one base. Fix: with two
    pairs of equal sides of different figures which the change is of is unread (no finding); one pair still checked."""
    two_pairs = (
        "2021年度收入总计23866.88万元，支出总计23866.88万元。本年收入合计20000万元，本年支出合计20000万元，"
        "收支较上年减少3888.01万元、下降14%。"
    )
    assert _n02(report_findings(tmp_path, two_pairs)) == []
    one_pair = "2021年度收入总计23866.88万元，支出总计23866.88万元。收支较上年决算数减少3888.01万元、下降15%。"
    assert _n02(report_findings(tmp_path, one_pair)) == [("N02", "error")]


# ---------------------------------------------------------------- a 分别 list of rates after two changes


def test_respective_rates_after_two_changes_are_paired_by_position(tmp_path):
    """Shape: a 三公 增减情况说明 (now read on the table itself, heldout25) or a report — "三公经费预算4196万元,较2020年
    预算4729万元减少533万元,较2020年决算4500万元减少304万元,分别下降11.3%、6.8%" (533 / 4729 = 11.3%, 304 / 4500 = 6.8%);
    and "收入1000万元,支出900万元,较上年分别减少100万元、50万元,分别下降9.1%、5.3%". Wrong before: N02 错误 — the first
    rate set against the nearest change (304 / 4500; 100 / 150). Fix: a rate opening a 分别 list after two changes, or
    after a 分别 list of changes, pairs by position — not read (`_respective_over_changes`)."""
    for text in (
        "2021年“三公”经费预算4196万元，较2020年预算4729万元减少533万元，较2020年决算4500万元减少304万元，"
        "分别下降11.3%、6.8%。",
        "2021年收入1000万元，支出900万元，较上年分别减少100万元、50万元，分别下降9.1%、5.3%。",
    ):
        assert _n02(report_findings(tmp_path, text)) == [], text
    # one change, its rate right after it: still held to it
    wrong = "2021年“三公”经费支出4196万元，较上年4729万元减少533万元，下降12.5%。"
    assert _n02(report_findings(tmp_path, wrong)) == [("N02", "error")]


def _yuanling(text):
    """沅陵县 2021's 三公 预算统计表 (held-out batch 25) under `text` as its 增减情况说明."""
    return _yuanling_table(note=text)


def test_respective_rates_in_a_three_public_tables_sentence(tmp_path):
    """The same shape as a 三公 table's own 增减情况说明 (`BasicData.texts`): no N02 (an 错误 before)."""
    text = (
        "说明：2021年“三公”经费预算4196万元，较2020年预算4729万元减少533万元，较2020年决算4500万元减少304万元，"
        "分别下降11.3%、6.8%。"
    )
    result = workbook_result(tmp_path, _yuanling(text), ("A1:C1", "A10:C10"))
    assert findings_of(result, "N02") == []


# ---------------------------------------------------------------- heldout25: count words in an item's note


def _hunan(reception="2、公务接待费", car="3、公务用车费"):
    """湖南's county 三公 预算情况表 (岳阳县台创园 2017's shape), its items consistent: 0 + 150000 + 100000 = 250000."""
    return [
        ["台创园2017-度部门“三公”经费预算情况表", E, E],
        [E, E, "单位:元"],
        ["项目", "2016-执行数", "2017-预算数"],
        ["一、支出合计", E, "250000"],
        ["1、因公出国(境)费用", E, "0"],
        [reception, E, "150000"],
        [car, E, "100000"],
        ["其中:(1)公务用车运行维护费", E, "100000"],
        ["(2)公务用车购置", E, "0"],
        ["二、相关统计数", E, E],
        ["1.因公出国(境)团组数(个)", E, "0"],
        ["4.公务用车保有量(辆)", E, "1"],
        ["5.公务接待批次(批)", E, "10"],
    ]


def test_an_items_note_counting_what_it_paid_for_keeps_it_an_item(tmp_path):
    """Shape: "2、公务接待费(接待批次10批)", "3、公务用车费（保有量1辆）" — an item with a bracketed note of its counts.
    Wrong before: B03 警告 "应为分项之和 100000（表中未列出“公务接待费”）" on a consistent total — the count words
    (`_COUNT`: 批次, 保有量) made the item's line a count line. Fix: a bracketed note with its own figures is set aside
    before the count test (`three_public._counts`); the count lines (团组数(个), 批次(批)) stay unread."""
    for reception, car in (
        ("2、公务接待费(接待批次10批)", "3、公务用车费"),
        ("2、公务接待费", "3、公务用车费（保有量1辆）"),
    ):
        result = workbook_result(tmp_path, _hunan(reception, car), ("A1:C1",))
        assert [s.read for s in result.coverage.sheets if s.kind == "basic"] == [True]
        assert findings_of(result, "B03") == [], (reception, car)
    rows = _hunan("2、公务接待费(接待批次10批)")
    rows[3][2] = "260000"  # the total then wrong: still found
    assert [f.ref.cell for f in findings_of(workbook_result(tmp_path, rows, ("A1:C1",)), "B03")] == ["C4"]


# ---------------------------------------------------------------- reports17: the fund opening its sentence


def test_a_fund_opening_its_sentence_is_no_base_beside_another_figure_or_over_years(tmp_path):
    """Shapes: "专项资金100万元,实际到位80万元,已使用80万元,执行率100%" (the rate over the money arrived),
    "专项资金100万元,已下达80万元,…" (over what was allotted), "项目计划总投资资金500万元,本年使用100万元,执行率100%" (a
    project's cost over its years), "合同资金100万元,已支付30万元…" (a contract's price). Wrong before: N02 警告 "应为
    80%/20%/30%" — the opening fund taken as the base. Fix: `_opening_fund` only when it is the one figure before the
    spending, and not a whole of more than the year (投资, 合同, 中标, 概算)."""
    for text in (
        "专项资金100万元，实际到位80万元，已使用80万元，执行率100%。",
        "专项资金100万元，已下达80万元，已使用80万元，执行率100%。",
        "项目计划总投资资金500万元，本年使用100万元，执行率100%。",
        "该项目合同资金100万元，已支付30万元，执行率100%。",
    ):
        assert _n02(report_findings(tmp_path, text)) == [], text
    # the fund alone before its use: still the base (tests/test_reports17.py)
    wrong = "专项资金100万元，已使用80万元，结余20万元，执行率90%。"
    assert _n02(report_findings(tmp_path, wrong)) == [("N02", "warning")]


# ---------------------------------------------------------------- reports16: the clause after a bare 其中


def test_a_first_part_listed_flat_with_its_own_split_is_no_error(tmp_path):
    """Shape: the 决算 template's spending sentence with its bracket left out — "支出总计500万元,其中:本年支出合计480万元,
    基本支出300万元,项目支出180万元,年末结转和结余20万元" (480 = 300 + 180; 480 + 20 = 500). Wrong before: N02 错误 "应为
    980万元" — since reports16 the clause after a bare 其中 is its first part (`_first_after_qizhong`), so 本年支出合计 no
    longer opened a statement of its own and its split was summed flat with it. Fix: a part the next two or more make,
    the list then making its total without them, is a reading that agrees (`_inline_subtotal`): no finding. A list
    wrong in every reading stays an 错误."""
    agrees = (
        "2023年度支出总计500万元，其中：本年支出合计480万元，基本支出300万元，项目支出180万元，年末结转和结余20万元。"
    )
    assert _n02(report_findings(tmp_path, agrees)) == []
    wrong = (
        "2023年度支出总计500万元，其中：本年支出合计480万元，基本支出300万元，项目支出180万元，年末结转和结余30万元。"
    )
    assert _n02(report_findings(tmp_path, wrong)) == [("N02", "error")]


# ---------------------------------------------------------------- noise15: I02 inferring a lost 一级 from its 二级


def test_a_level1_named_of_its_own_is_no_lost_name(tmp_path):
    """Shape: a 2021-style table whose first 一级 is "成本指标(50分)" over 经济/社会/生态环境成本指标, with no 产出指标 at all
    (天长 2022's stored form, its labels typed so). Lost before: I02 "缺少一级指标“产出指标”" — `_level1_by_level2` took the
    成本指标 group for a 一级 whose name was lost, its 二级 holding "成本" (one of 产出's 二级). Fix: a label that names a
    一级 of its own (`_OWN_LEVEL1`: a name ending in 指标) is no lost name; "(50分)" over 数量指标 … stays 产出's."""

    def i02(**cells):
        cells = {"B25": "效益指标(30分)", **cells}
        result = validated(variant("anhui-tianchang-shuihan-2022", cells), tmp_path)
        return [f.message for f in result.findings if f.code == "I02"]

    costs = {"C13": "经济成本指标", "C16": "社会成本指标", "C19": "生态环境成本指标", "C22": "经济成本指标"}
    assert i02(B13="成本指标(50分)", **costs) == ["缺少一级指标“产出指标”"]
    assert i02(B13="(50分)") == []
