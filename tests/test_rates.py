"""Rates (perfxl.rates) on the seed report's own numbers, zero denominators, and Excel ROUND semantics."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from engine_seed import seed_basic_data, seed_funds_row

from perfxl import rates
from perfxl.numbers import round_half_up

D = Decimal


def test_seed_execution_rate_is_100_not_the_printed_94_5():
    row = seed_funds_row()
    assert row["printed_rate"] == "94.5"
    r = rates.execution_rate(row["executed"], row["full_budget"])
    assert r.percent == D("100.00") and r.ratio == 1
    assert r.percent != D(row["printed_rate"])


def test_seed_staff_control_rate_is_140_63_and_half_up_matters():
    basic = seed_basic_data()
    assert (basic["establishment"], basic["actual_staff"], basic["printed_control_rate"]) == ("32", "45", "140%")
    r = rates.staff_control_rate(basic["actual_staff"], basic["establishment"])
    assert r.ratio == D("1.40625")
    assert r.percent == D("140.63")
    # Python's default (banker's) rounding would print 140.62 — Excel's ROUND gives 140.63
    assert (r.ratio * 100).quantize(D("0.01"), rounding=ROUND_HALF_EVEN) == D("140.62")
    assert r.display() == "140.63%"


def test_seed_three_public_control_rate_is_55_66():
    basic = seed_basic_data()
    assert basic["three_public"] == ("25362", "20000", "11131.84")
    prev_final, budget, final = basic["three_public"]
    assert rates.three_public_control_rate(final, budget).percent == D("55.66")
    # 变动率 on 决算数 (53号 basis): (11131.84 − 25362) / 25362
    assert rates.three_public_change_rate(final, prev_final).percent == D("-56.11")


def test_s13_three_public_change_on_budgets():
    # S13 (Hunan basic data table, 2018): (63.46 − 32) / 32 = 98.31%
    assert rates.three_public_change_rate("63.46", "32").percent == D("98.31")


def test_all_named_rates():
    assert rates.public_funds_control_rate("928572.74", "928572.74").percent == D("100.00")
    assert rates.procurement_execution_rate(900000, 900000).percent == D("100.00")
    assert rates.scale_control_rate(1200, 1000).percent == D("120.00")
    assert rates.investment_control_rate("950", "1000").percent == D("95.00")
    assert rates.budget_adjustment_rate("1922.76", "2690.62").percent == D("39.94")
    assert rates.carryover_rate(50, 1000).percent == D("5.00")
    assert rates.carryover_change_rate(60, 50).percent == D("20.00")
    assert rates.budget_completion_rate("99.27", "100").percent == D("99.27")
    assert rates.key_spending_rate(85, 100).percent == D("85.00")
    assert rates.completion_rate(9, 10, name="完成及时率").name == "完成及时率"
    assert rates.control_rate(3, 4).percent == D("75.00")


@pytest.mark.parametrize(
    "fn,args,reason_part",
    [
        (rates.execution_rate, (100, 0), "全年预算数为0"),
        (rates.staff_control_rate, (5, 0), "编制数为0"),
        (rates.change_rate, (10, 0), "上年数为0"),
        (rates.budget_adjustment_rate, (0, 10), "年初预算数为0"),
        (rates.generic_rate, (1, "abc"), "不是数字"),
        (rates.generic_rate, ("x", 1), "不是数字"),
        (rates.generic_rate, (1, -5), "负数"),
    ],
)
def test_undefined_rates_carry_a_reason_not_zero(fn, args, reason_part):
    r = fn(*args)
    assert r.ratio is None and r.percent is None and not r.defined
    assert reason_part in r.reason and r.reason_en
    assert r.display() == r.reason


def test_inputs_of_every_type_agree():
    expected = D("97.50")
    for n, d in [(39, 40), (39.0, 40.0), ("39", "40"), (D("39"), D(40)), ("39.00", "40.0")]:
        assert rates.generic_rate(n, d).percent == expected
    assert rates.generic_rate("1,234.5", "2,469").percent == D("50.00")
    # amounts with money units are converted before dividing
    assert rates.execution_rate("2223.04万元", "22230400元").percent == D("100.00")
    assert "无法换算" in rates.execution_rate("12家", "100万元").reason


@pytest.mark.parametrize("value,expected", [("2.675", "2.68"), ("0.125", "0.13"), ("-2.5", "-2.5"), ("1.005", "1.01")])
def test_round_half_up_like_excel(value, expected):
    assert round_half_up(D(value), 2) == D(expected)


def test_rates_round_half_up_not_bankers():
    # 2.675% and 0.125%: Python's round() gives 2.67 / 0.12, Excel's ROUND 2.68 / 0.13
    assert round(2.675, 2) == 2.67 and round(0.125, 2) == 0.12
    assert rates.generic_rate(2.675, 100).percent == D("2.68")
    assert rates.generic_rate(0.125, 100).percent == D("0.13")


def test_rate_places_follow_the_profile(tmp_path):
    f = tmp_path / "one_dp.toml"
    f.write_text('name = "one_dp"\n[rounding]\nrate_places = 1\n', encoding="utf-8")
    from perfxl.profiles import load_profile

    assert rates.staff_control_rate(45, 32, load_profile(f)).percent == D("140.6")
    assert rates.staff_control_rate(45, 32).to_dict()["percent"] == "140.63"
