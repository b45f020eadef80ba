"""Narrative-only reports (no table): a total's parts listed after "为", indicators the text states with
target and actual, and "已按照计划完成目标" — the shapes of real 转移支付 自评报告 (tests/realworld/reports:
安徽 金寨 麻埠镇 and 芜湖 镜湖区残联, 2023), here in sentences written for the tests."""

from __future__ import annotations

from decimal import Decimal

import pytest
from report_helpers import codes, seed_report_findings
from report_helpers import report_findings as _report

from perfxl.document.facts import extract_facts


def _parents(text: str) -> list[tuple[str, int | None]]:
    return [(f.quantity.text, f.parent) for f in extract_facts(text, 1).facts]


def test_amounts_after_wei_are_the_parts_of_the_total_before_it_until_the_semicolon():
    text = "省级资金80万元，为道路建设50万元，河堤维修20万元；市级资金30万元，为奖励10万元，补偿20万元。"
    assert _parents(text) == [
        ("80万元", None),
        ("50万元", 0),
        ("20万元", 0),
        ("30万元", None),
        ("10万元", 3),
        ("20万元", 3),
    ]


def test_wei_opens_no_list_after_a_rate_or_before_a_rate():
    assert all(p is None for _, p in _parents("执行率为95%，为历年最高。下达资金80万元，为上年的120%。"))


def test_parts_after_wei_above_their_total_are_an_n02_error(tmp_path):
    findings = _report(
        tmp_path,
        "一、资金情况",
        "省级资金转移支付100万元，为道路建设60万元，河堤维修50万元；市级资金30万元，为奖励10万元，补偿15万元等。",
    )
    n02 = [f for f in findings if f.code == "N02"]
    assert [(f.ref.paragraph, f.severity.value) for f in n02] == [(2, "error")]
    assert "110万元" in n02[0].message and "100万元" in n02[0].message  # the 市级 list (25 ≤ 30, 等) is quiet


def test_parts_after_wei_within_their_total_are_quiet(tmp_path):
    findings = _report(tmp_path, "省级资金转移支付100万元，为道路建设60万元，河堤维修40万元。")
    assert not [f for f in findings if f.code == "N02"]


STATED = "第一，康复服务比例年初指标值为不低于85%，全年实际完成值100%。第二，燃油补贴人次数年初指标值为不低于180人，全年实际完成值{actual}。"


def test_indicators_stated_in_the_text_are_read_with_target_and_actual():
    stated = extract_facts(STATED.format(actual="164人"), 3).indicators
    assert [(s.name, s.target, s.actual) for s in stated] == [
        ("康复服务比例", "不低于85%", "100%"),
        ("燃油补贴人次数", "不低于180人", "164人"),
    ]


def test_done_as_planned_while_a_stated_indicator_missed_is_an_n03_warning(tmp_path):
    findings = _report(
        tmp_path, "对照总体绩效目标，该资金项目已按照计划完成目标，达到预期效果。", STATED.format(actual="164人")
    )
    n03 = [f for f in findings if f.code == "N03"]
    assert [(f.ref.paragraph, f.severity.value) for f in n03] == [(1, "warning")]  # "as planned", not "all"
    assert "燃油补贴人次数" in n03[0].message and "164人" in n03[0].message
    assert [r.paragraph for r in n03[0].related] == [2]  # where the text states the indicator


def test_all_met_while_a_stated_indicator_missed_is_an_n03_warning_saying_why(tmp_path):
    # the indicator is read from the text, and a 部门 report may cover several projects: whether the claim
    # includes it is for a person (review round 5); against a 自评表 row the same claim is an 错误
    findings = _report(tmp_path, "以上目标均已完成。", STATED.format(actual="164人"))
    n03 = [f for f in findings if f.code == "N03"]
    assert [(f.code, f.severity.value) for f in n03] == [("N03", "warning")]
    assert "写在正文中" in n03[0].basis


def test_parts_after_wei_joined_by_dunhao_are_a_list_too(tmp_path):
    findings = _report(tmp_path, "下达资金100万元，为中央资金60万元、省级资金50万元。")
    assert [(f.code, f.severity.value) for f in findings if f.code == "N02"] == [("N02", "error")]


def test_done_as_planned_with_every_stated_indicator_met_is_quiet(tmp_path):
    findings = _report(tmp_path, "该资金项目已按照计划完成目标。", STATED.format(actual="186人"))
    assert not [f for f in findings if f.code == "N03"]


def test_a_list_number_opening_the_paragraph_is_not_part_of_the_subject():
    subjects = [f.subject for f in extract_facts("(二)下达上级资金转移支付755.19万元。1.三公经费支出3万元。", 1).facts]
    assert subjects == ["下达上级资金转移支付", "三公经费支出"]  # was "二下达…", "1.三公经费支出"


def test_an_amount_with_thousands_separators_is_one_figure():
    facts = extract_facts("全年支出2,223.04万元，其中基本支出886.12万元。", 1).facts
    assert [f.quantity.value for f in facts] == [Decimal("2223.04"), Decimal("886.12")]  # was 223.04: split at ","


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # 内蒙古 2023 (tests/realworld/reports): seven parts 10 short of 2263 — a list that looks complete
        (
            "下达资金2231万元。其中：河道治理1435万元，水库维养25万元，饮水维养55万元，小流域治理700万元，山洪防治6万元。",
            True,
        ),
        # the same shortfall after "等", or with only two parts, or far short: a list naming some parts
        ("下达资金2231万元。其中：河道治理1435万元，水库维养25万元，饮水维养55万元，小流域治理700万元等。", False),
        ("下达资金1470万元。其中：河道治理1435万元，水库维养25万元。", False),
        ("下达资金3000万元。其中：河道治理1435万元，水库维养25万元，饮水维养55万元，小流域治理700万元。", False),
    ],
)
def test_qizhong_parts_a_sliver_short_of_their_total_are_a_warning(tmp_path, text, flagged):
    n02 = [(f.severity.value, f.message) for f in _report(tmp_path, text) if f.code == "N02"]
    if not flagged:
        assert n02 == []
        return
    [(severity, message)] = n02
    assert severity == "warning" and "少于总数" in message and "2221万元" in message


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # 湖北科技学院 2021 (tests/realworld/reports): budget and spending named differently, the rate after them
        ("项目下达预算2000万元，实际支出1800万元，预算执行率80%。", True),
        ("项目下达预算2000万元，实际支出1800万元，预算执行率90%。", False),
        # a budget plus an addition: 1800 / (2000 + 500) = 72% — 80% fits no reading (2000 alone gives 90%)
        ("项目下达预算2000万元，追加预算500万元，实际支出1800万元，预算执行率72%。", False),
        ("项目下达预算2000万元，追加预算500万元，实际支出1800万元，预算执行率80%。", True),
        # the figures in another sentence are not paired
        ("项目下达预算2000万元。实际支出1800万元。预算执行率80%。", False),
    ],
)
def test_a_rate_after_a_budget_and_a_spending_in_its_sentence_is_checked_as_a_judgement(tmp_path, text, flagged):
    n02 = [(f.severity.value, f.basis) for f in _report(tmp_path, text) if f.code == "N02"]
    assert bool(n02) == flagged
    if flagged:
        [(severity, basis)] = n02
        assert severity == "warning" and "位置配对" in basis and "文字写 80%" in basis


def test_a_rate_cut_rather_than_rounded_is_a_warning_and_a_rounded_one_is_quiet(tmp_path):
    cut = "三公经费预算2596万元，三公经费决算2595.62万元，完成预算的99%。"  # 99.985% → 四舍五入 100%
    [(severity, basis)] = [(f.severity.value, f.basis) for f in _report(tmp_path, cut) if f.code == "N02"]
    assert severity == "warning" and "截去尾数" in basis
    rounded = cut.replace("99%", "100%")
    assert not [f for f in _report(tmp_path, rounded) if f.code == "N02"]


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年项目预算100万元，实际支出95万元，预算执行率95%。",  # the project's spending, not the 项目支出 of the table
        "基本预算800万元，实际支出790万元。",  # nor the 基本支出 (886.12)
    ],
)
def test_the_spending_of_an_item_without_a_claim_names_no_claim_of_the_tables(tmp_path, sentence):
    """ "项目预算…，实际支出95万元": the spending belongs to the item the sentence named; joined into "项目的支出" it never
    becomes the department's 项目支出 (1336.92万元 in the seed's table) — that was a false N01."""
    assert not codes(seed_report_findings(tmp_path, sentence), "N01")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("医疗救助人次年度目标≥5000人次，实际完成4820人次，完成率94.60%。", True),  # 4820 / 5000 = 96.40%
        ("医疗救助人次年度目标≥5000人次，实际完成4820人次，完成率96.40%。", False),
        ("培训目标500人次，实际培训480人次，完成率96%。", False),
        ("培训500人次，参训480人次，完成率90%。", False),  # no 目标 / 实际 said: not paired
    ],
)
def test_a_completion_rate_after_a_target_and_an_actual_is_their_quotient(tmp_path, text, flagged):
    """A 完成率 right after a target and an actual of one measure word (review round 13's 医疗救助): an N02 警告 —
    the three are paired by their place in the sentence."""
    n02 = [f.severity.value for f in _report(tmp_path, text) if f.code == "N02"]
    assert n02 == (["warning"] if flagged else [])
