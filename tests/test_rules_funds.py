"""F checks on model objects: each fires at the exact cell on a broken table and stays silent on a correct one."""

from __future__ import annotations

import dataclasses

import pytest
from rules_helpers import SHEET, briefs, cv, funds, funds_row, good_evaluation, submission, with_total
from table_cases import each as _each
from table_cases import each1 as _each1

from perfxl.validate import validate_submission

_SILENT_ON_A_CORRECT_TABLE_CASES = ["F01", "F02", "F03", "F04", "F05", "F06", "F07", "F08"]


def _silent_on_a_correct_table(code):
    assert briefs(good_evaluation(), code) == []


def test_silent_on_a_correct_table():
    _each1(_SILENT_ON_A_CORRECT_TABLE_CASES, _silent_on_a_correct_table)  # one test a list (fast22b)


def test_f01_blank_header_field_points_at_its_cell():
    ev = good_evaluation(
        header={"项目名称": cv("科技专项", "B3"), "主管部门": cv("  ", "D3"), "实施单位": cv("局", "G3")}
    )
    assert briefs(ev, "F01") == [("F01", SHEET, "D3")]


def test_f01_blank_header_field_is_a_finding_at_its_cell():
    ev = good_evaluation(
        header={"项目名称": cv("科技专项", "B3"), "主管部门": cv("局", "D3"), "实施单位": cv(None, "G3")}
    )
    assert briefs(ev, "F01") == [("F01", SHEET, "G3")]


def test_f01_field_the_form_does_not_have_is_coverage_not_an_error():
    """Issue 11: a header perfxl cannot find (another template) is perfxl's limit, never an 错误."""
    from perfxl.profiles import load_profile
    from perfxl.rules.context import Context

    ev = good_evaluation(header={"项目名称": cv("科技专项", "B3"), "主管部门": cv("局", "D3")})
    sub = submission(ev)
    ctx = Context(sub, load_profile())
    assert validate_submission(sub, select="F01", context=ctx) == []
    assert [s.code for s in ctx.skipped] == ["F01"] and "实施单位" in ctx.skipped[0].reason_zh


def test_f02_total_not_summed_like_the_guichi_filing():
    # S7: the total row reads 0/0/0 while 本年财政拨款 holds 90 / 89.974 / 89.974
    fund = funds(
        funds_row(5, "年度资金总额", 0, 0, 0, 10, 0, 0, total=True), (funds_row(6, "本年财政拨款", 90, 89.974, 89.974),)
    )
    found = validate_submission(submission(good_evaluation(funds=fund)), select="F02")
    assert [f.brief() for f in found] == [("F02", SHEET, "C5"), ("F02", SHEET, "D5"), ("F02", SHEET, "E5")]
    assert found[1].expected == "89.974" and found[1].actual == "0"


def test_f03_overspending():
    ev = with_total(good_evaluation(), executed=101, rate="101.00%", score=10)
    assert ("F03", SHEET, "E5") in briefs(ev, "F03")


def test_f04_seed_rate_94_5_should_be_100():
    ev = with_total(good_evaluation(), initial=2223.04, full=2223.04, executed=2223.04, rate=94.5, score=10)
    ev = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, parts=()))
    found = validate_submission(submission(ev), select="F04")
    assert [f.brief() for f in found] == [("F04", SHEET, "G5")]
    assert found[0].expected == "100.00%" and found[0].actual == "94.5"
    assert "按 94.5% 理解" in found[0].message


_F04_ACCEPTS_EVERY_SPELLING_OF_THE_RIGHT_RATE_CASES = ["95.00%", "95%", 95, 0.95, "95", "0.95"]


def _f04_accepts_every_spelling_of_the_right_rate(typed):
    assert briefs(with_total(good_evaluation(), rate=typed), "F04") == []


def test_f04_accepts_every_spelling_of_the_right_rate():
    _each1(
        _F04_ACCEPTS_EVERY_SPELLING_OF_THE_RIGHT_RATE_CASES, _f04_accepts_every_spelling_of_the_right_rate
    )  # one test a list (fast22b)


_F04_FLAGS_A_WRONG_RATE_IN_ANY_SPELLING_CASES = ["94%", 0.94, 94, "96.5%"]


def _f04_flags_a_wrong_rate_in_any_spelling(typed):
    assert briefs(with_total(good_evaluation(), rate=typed), "F04") == [("F04", SHEET, "G5")]


def test_f04_flags_a_wrong_rate_in_any_spelling():
    _each1(
        _F04_FLAGS_A_WRONG_RATE_IN_ANY_SPELLING_CASES, _f04_flags_a_wrong_rate_in_any_spelling
    )  # one test a list (fast22b)


_F04_JUDGES_A_PRINTED_RATE_AT_THE_DECIMALS_IT_WAS_PRINTED_WITH_CASES = [
    ("66.7%", False),  # 2/3 = 66.666…%: printed to 1 decimal, 66.7 is that value rounded half up
    ("67%", False),  # printed to 0 decimals
    ("66.67%", False),
    ("66.6%", True),  # truncated, not rounded
    ("66%", True),
    ("66.64%", True),  # at the profile's 2 places, beyond the 0.01 pp tolerance
]


def _f04_judges_a_printed_rate_at_the_decimals_it_was_printed_with(typed, flagged):
    """Issue 11 item 4: 执行率 printed "86%" against 86.20% is consistent; a wrongly rounded one is not."""
    ev = with_total(good_evaluation(), full=3, initial=3, executed=2, rate=typed, score=6.67)
    ev = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, parts=()))
    expected = [("F04", SHEET, "G5")] if flagged else []
    assert briefs(ev, "F04") == expected


def test_f04_judges_a_printed_rate_at_the_decimals_it_was_printed_with():
    _each(
        _F04_JUDGES_A_PRINTED_RATE_AT_THE_DECIMALS_IT_WAS_PRINTED_WITH_CASES,
        _f04_judges_a_printed_rate_at_the_decimals_it_was_printed_with,
    )  # one test a list (fast22b)


def test_f04_issue_example_86_percent_against_86_20():
    ev = with_total(good_evaluation(), full=100, initial=100, executed="86.2", rate="86%", score=8.62)
    ev = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, parts=()))
    assert briefs(ev, "F04") == []
    assert briefs(with_total(ev, rate="87%"), "F04") == [("F04", SHEET, "G5")]
    found = validate_submission(submission(with_total(ev, rate="87%")), select="F04")[0]
    assert "86.2" in found.basis and found.certainty.value == "certain"


def test_f04_zero_budget_with_a_rate_typed():
    """Nothing budgeted: "0%" says what 无法计算 says (Excel's IFERROR); any other rate cannot be verified — a
    judgement (some forms print 100% for nothing budgeted and nothing spent), never a certain 错误."""
    ev = with_total(good_evaluation(), initial=0, full=0, executed=0, rate="0%", score=0)
    ev = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, parts=()))
    assert validate_submission(submission(ev), select="F04") == []
    found = validate_submission(submission(with_total(ev, rate="100%")), select="F04")
    assert [f.brief() for f in found] == [("F04", SHEET, "G5")]
    assert "无法计算" in found[0].expected and found[0].certainty.value == "judgement"


def test_f05_score_not_rate_times_weight():
    found = validate_submission(submission(with_total(good_evaluation(), score=10)), select="F05")
    assert [f.brief() for f in found] == [("F05", SHEET, "H5")]
    assert found[0].expected == "9.5"


@pytest.mark.parametrize("code,field,cell", [("F04", "rate", "G5"), ("F05", "score", "H5")])
@pytest.mark.parametrize("blank", [None, "", "—"])
def test_f04_f05_a_blank_rate_or_score_is_unfilled_not_wrong(code, field, cell, blank):
    """A 执行率 or 预算执行率得分 left blank is a 警告 giving the value ("未填写，不是填错"), as F02's blank total and T02's
    blank 总分 — a typed wrong figure stays an 错误 (the tests above)."""
    found = validate_submission(submission(with_total(good_evaluation(), **{field: blank})), select=code)
    assert [(f.brief(), f.severity.value) for f in found] == [((code, SHEET, cell), "warning")]
    assert "未填写" in found[0].basis


def test_f06_budget_weight_not_default_but_right_for_hubei():
    ev = with_total(good_evaluation(), weight=20, score=19)
    assert briefs(ev, "F06") == [("F06", SHEET, "F5")]
    assert briefs(ev, "F06", profile="hubei") == []


def test_f07_low_rate_needs_a_reason():
    ev = with_total(good_evaluation(), executed=80, rate="80.00%", score=8)
    assert briefs(ev, "F07") == [("F07", SHEET, "G5")]
    explained = dataclasses.replace(
        ev, funds=dataclasses.replace(ev.funds, breakdown=(cv("执行率偏低的原因：项目招标延期", "B7"),))
    )
    assert briefs(explained, "F07") == []


def test_f08_adjustment_needs_explaining():
    ev = with_total(good_evaluation(), initial=80)
    assert briefs(ev, "F08") == [("F08", SHEET, "D5")]
    noted = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, breakdown=(cv("年中追加预算20万元", "B7"),)))
    assert briefs(noted, "F08") == []


_F04_JUDGES_A_RATE_PRINTED_AS_A_FRACTION_AT_ITS_OWN_DECIMALS_CASES = [
    ("0.1", False),  # 施甸 2019: 94/650 = 0.1446 printed as a fraction to one decimal
    ("0.14", False),
    ("0.2", True),  # 0.1446 rounds to 0.1, not 0.2
    ("0.15", True),
    ("1", True),  # a whole "1" is 100%: never read as 14% "to no decimals"
]


def _f04_judges_a_rate_printed_as_a_fraction_at_its_own_decimals(typed, flagged):
    ev = with_total(good_evaluation(), full=650, initial=650, executed=94, rate=typed, score=1.45)
    ev = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, parts=()))
    assert bool(briefs(ev, "F04")) is flagged


def test_f04_judges_a_rate_printed_as_a_fraction_at_its_own_decimals():
    _each(
        _F04_JUDGES_A_RATE_PRINTED_AS_A_FRACTION_AT_ITS_OWN_DECIMALS_CASES,
        _f04_judges_a_rate_printed_as_a_fraction_at_its_own_decimals,
    )  # one test a list (fast22b)
