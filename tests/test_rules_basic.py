"""B checks (基础数据表, R-D-xx): staff control, 三公 sums and rates, 公用经费, adjustments, buildings, cross-sheet."""

from __future__ import annotations

import dataclasses

from rules_helpers import BASIC, SHEET, amount, basic, briefs, cv, seed_basic, seed_evaluation, staffing, submission
from table_cases import each1 as _each1

from perfxl.model import BuildingControl
from perfxl.validate import validate_submission


def good_basic(**changes):
    rows = [
        amount("three_public", 8, "三公经费", 30000, 28000, 26000),
        amount("car", 9, "公务用车购置和维护经费", 10000, 10000, 9000, "three_public"),
        amount("car_purchase", 10, "公车购置", 0, 0, 0, "car"),
        amount("car_running", 11, "公车运行维护", 10000, 10000, 9000, "car"),
        amount("overseas", 12, "出国经费", 0, 0, 0, "three_public"),
        amount("reception", 13, "公务接待", 20000, 18000, 17000, "three_public"),
        amount("public_funds", 19, "公用经费", 900000, 900000, 880000),
        amount("office", 20, "办公经费", 100000, 100000, 90000, "public_funds"),
        amount("procurement", 23, "政府采购金额", 600000, 900000, 900000),
        amount("basic_budget_adjustment", 24, "部门基本支出预算调整", 8000000, 8000000, 8000000),
    ]
    b = basic(rows, staffing(32, 30, "93.75%"))
    return dataclasses.replace(b, **changes) if changes else b


def _sub(b, *evs):
    return submission(*evs, basic=b)


_SILENT_ON_CORRECT_BASIC_DATA_CASES = ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B11", "B12", "B14"]


def _silent_on_correct_basic_data(code):
    assert briefs(_sub(good_basic()), code) == []


def test_silent_on_correct_basic_data():
    _each1(_SILENT_ON_CORRECT_BASIC_DATA_CASES, _silent_on_correct_basic_data)  # one test a list (fast22b)


def test_b01_b02_seed_staffing_140_percent_and_over_establishment():
    found = validate_submission(_sub(seed_basic()), select=["B01", "B02"])
    assert [f.brief() for f in found] == [("B01", BASIC, "D5"), ("B02", BASIC, "C5")]
    assert (found[0].expected, found[0].actual) == ("140.63%", "140%")
    assert (found[1].expected, found[1].actual) == ("32", "45")


_B01_RIGHT_RATE_IN_ANY_SPELLING_CASES = ["140.63%", 1.40625, 140.63, "140.625%"]


def _b01_right_rate_in_any_spelling(typed):
    b = dataclasses.replace(seed_basic(), staffing=staffing(32, 45, typed))
    assert briefs(_sub(b), "B01") == []


def test_b01_right_rate_in_any_spelling():
    _each1(_B01_RIGHT_RATE_IN_ANY_SPELLING_CASES, _b01_right_rate_in_any_spelling)  # one test a list (fast22b)


def test_b03_three_public_not_the_sum_of_its_parts():
    rows = list(good_basic().rows)
    rows[0] = amount("three_public", 8, "三公经费", 30000, 28000, 27000)
    rows[1] = amount("car", 9, "公务用车购置和维护经费", 10000, 11000, 9000, "three_public")
    found = validate_submission(_sub(good_basic(rows=tuple(rows))), select="B03")
    assert [f.brief() for f in found] == [("B03", BASIC, "C8"), ("B03", BASIC, "D8"), ("B03", BASIC, "C9")]


def test_b04_three_public_growth_on_either_basis():
    rows = list(good_basic().rows)
    rows[0] = amount("three_public", 8, "三公经费", 20000, 28000, 26000)
    b = good_basic(rows=tuple(rows))
    national = validate_submission(_sub(b), select="B04")
    assert [f.brief() for f in national] == [("B04", BASIC, "D8")]  # 决算 26000 vs 20000: +30%
    assert national[0].actual == "30.00%"
    assert briefs(_sub(b), "B04", profile="hunan") == [("B04", BASIC, "C8")]  # 预算 28000 vs 20000


def test_b05_three_public_above_budget():
    rows = list(good_basic().rows)
    rows[0] = amount("three_public", 8, "三公经费", 30000, 20000, 26000)
    assert briefs(_sub(good_basic(rows=tuple(rows))), "B05") == [("B05", BASIC, "D8")]


def test_b03_public_funds_named_items_exceed_the_total():
    # 公用经费's own named 其中 items (办公经费 …) above it: certain, B03 (was a B06 警告 until review round 14)
    rows = list(good_basic().rows)
    rows[7] = amount("office", 20, "办公经费", 100000, 100000, 990000, "public_funds")
    sub = _sub(good_basic(rows=tuple(rows)))
    assert briefs(sub, "B03") == [("B03", BASIC, "D19")]
    assert [f.severity.value for f in validate_submission(sub, select="B03")] == ["error"]
    assert briefs(sub, "B06") == []


def test_b07_seed_budget_adjustment_rate():
    found = validate_submission(_sub(seed_basic()), select="B07")
    assert [f.brief() for f in found] == [("B07", BASIC, "D24")]
    assert found[0].actual == "10.27%"


def test_b11_procurement_below_plan():
    rows = list(good_basic().rows)
    rows[8] = amount("procurement", 23, "政府采购金额", 600000, 900000, 450000)
    assert briefs(_sub(good_basic(rows=tuple(rows))), "B11") == [("B11", BASIC, "D23")]


def test_b12_building_rate_typed_wrong_and_above_100():
    b = BuildingControl(
        cv(1000, "A30", BASIC),
        cv(1200, "B30", BASIC),
        cv("100%", "C30", BASIC),
        cv(500, "D30", BASIC),
        cv(450, "E30", BASIC),
        cv("90.00%", "F30", BASIC),
    )
    found = validate_submission(_sub(good_basic(buildings=(b,))), select="B12")
    assert [f.brief() for f in found] == [("B12", BASIC, "C30"), ("B12", BASIC, "B30")]
    assert found[0].expected == "120.00%"


def test_b14_seed_special_funds_disagree_and_basic_expenditure_agrees():
    found = validate_submission(_sub(seed_basic(), seed_evaluation()), select="B14")
    assert [f.brief() for f in found] == [("B14", SHEET, "E9")]  # 县级专项资金 1336.92 万元 vs 3170000 元
    assert (found[0].expected, found[0].actual) == ("317", "1336.92")
    rows = [
        r if r.key != "basic_budget_adjustment" else amount(r.key, 24, r.label.text, 1, 1, 8061213.88)
        for r in seed_basic().rows
    ]
    broken = validate_submission(
        _sub(dataclasses.replace(seed_basic(), rows=tuple(rows)), seed_evaluation()), select="B14"
    )
    assert ("B14", SHEET, "E8") in [f.brief() for f in broken]  # 基本支出 886.12 vs 806.12
