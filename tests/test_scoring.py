"""Indicator, budget and department-wide scores (perfxl.scoring): every variant, the seed's rows, properties."""

from __future__ import annotations

from decimal import Decimal

from engine_seed import seed_basic_data, seed_funds_row, seed_indicators
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from table_cases import each as _each

from perfxl.profiles import load_profile
from perfxl.rates import procurement_execution_rate
from perfxl.scoring import (
    band_contains,
    budget_adjustment_score,
    budget_completion_score,
    execution_score,
    grade,
    key_spending_score,
    qualitative_band,
    rate_score,
    score_indicator,
    staff_control_score,
    three_public_change_score,
    three_public_control_score,
    total_cap,
    total_score,
)
from perfxl.values import parse_value

D = Decimal


# ---------------------------------------------------------------- the seed report


def test_seed_growth_row_scores_9_83_not_the_printed_9():
    rows, _, _ = seed_indicators()
    row = next(r for r in rows if r["target"] == "增长12%")
    assert (row["actual"], row["weight"], row["printed"]) == ("11.8%", "10", "9")
    r = score_indicator(row["target"], row["actual"], row["weight"])
    assert r.score == D("9.83") and r.method == "positive" and r.meets_target is False
    assert r.explanation == "实际 11.8% < 目标 12%，按比例 11.8/12×10 = 9.83"
    assert r.explanation_en == "actual 11.8% < target 12%: proportional 11.8/12×10 = 9.83"


def test_seed_over_completion_20_against_12_is_flagged():
    r = score_indicator("12家", "20家", 10)
    assert r.score == 10 and r.over_completed is True and "须说明偏差原因" in r.explanation
    assert score_indicator("10家", "13家", 10).over_completed is True  # 1.3 × 10 = 13: threshold inclusive
    assert score_indicator("240亿元", "246亿元", 10).over_completed is False


def test_seed_total_recomputes_to_99_83():
    rows, total_weight, printed_total = seed_indicators()
    funds = seed_funds_row()
    budget = execution_score(funds["executed"], funds["full_budget"], funds["weight"])
    assert budget.score == 10
    results = [score_indicator(r["target"], r["actual"], r["weight"]) for r in rows]
    assert all(r.score is not None for r in results), [r.error for r in results]
    total = total_score([budget, *results])
    assert total == D("99.83") and printed_total == "99"
    assert grade(total) == "优"
    # weights on the sheet add to 100 with the budget weight
    assert sum(D(r["weight"]) for r in rows) + D(funds["weight"]) == D(total_weight)


def test_seed_department_scores():
    basic = seed_basic_data()
    staff = staff_control_score(basic["actual_staff"], basic["establishment"], profile="hunan")
    assert staff.score == 0 and "140.63%" in staff.explanation  # 40.63 points × 0.5 > 5
    prev_final, budget, final = basic["three_public"]
    assert three_public_control_score(final, budget).score == 6  # 55.66% ≤ 100%
    assert three_public_change_score(final, prev_final, profile="hunan").score == 5  # −56.11% ≤ 0


# ---------------------------------------------------------------- quantitative variants


def test_positive_variants():
    assert score_indicator("≥95%", "95%", 10).score == 10
    assert score_indicator(">95%", "90%", 10).score == D("9.47")  # 90/95×10 = 9.473…
    assert score_indicator("≥0", "5", 4).score == 4  # A = 0: any B ≥ 0 is full marks
    r = score_indicator("≥0家", "30家", 4)
    assert r.over_completed is True  # A = 0: over-completion when B ≥ 30
    assert score_indicator("≥0家", "29家", 4).over_completed is False
    # no operator reads as ≥ (profile scoring.default_op)
    assert score_indicator("12家", "6家", 10).score == 5


def test_reverse_ratio_and_linear_variants():
    national = score_indicator("≤4万元/家", "5万元/家", 10)
    assert (national.method, national.score) == ("reverse_ratio", D("8.00"))
    assert national.explanation == "实际 5万元/家 > 目标 4万元/家，按比例 4/5×10 = 8"
    linear = score_indicator("≤4万元/家", "5万元/家", 10, method="reverse_linear2A")
    assert (linear.method, linear.score) == ("reverse_linear2A", D("7.50"))
    assert score_indicator("≤4万元/家", "8万元/家", 10, method="reverse_linear2A").score == 0  # B ≥ 2A
    assert score_indicator("≤4万元/家", "3万元/家", 10, method="reverse_linear2A").score == 10
    assert score_indicator("≤90万元", "89.974万元", 10).score == 10
    assert score_indicator("<5%", "10%", 6).score == 3
    assert score_indicator("≤0", "2", 5).score == 0


def test_reverse_variant_comes_from_the_profile(tmp_path):
    f = tmp_path / "linear.toml"
    f.write_text('name = "linear"\nextends = "national"\n[scoring]\nreverse = "linear2A"\n', encoding="utf-8")
    r = score_indicator("≤4万元/家", "5万元/家", 10, profile=load_profile(f))
    assert (r.method, r.score) == ("reverse_linear2A", D("7.50"))
    assert score_indicator("≤4万元/家", "5万元/家", 10, method="reverse", profile=load_profile(f)).score == D("7.5")


def test_equal_variants():
    assert score_indicator("=100%", "100%", 5).score == 5
    assert score_indicator("=100%", "90%", 5).score == D("4.50")
    zero = score_indicator("安全事故数=0", "0", 5)
    assert (zero.method, zero.score, zero.meets_target) == ("equal_zero", 5, True)
    bad = score_indicator("=0起", "1起", 5)
    assert (bad.method, bad.score, bad.meets_target) == ("equal_zero", 0, False)


def test_units_convert_or_fail_with_a_reason():
    assert score_indicator("≥240亿元", "2400000万元", 10).score == 10
    assert score_indicator("≥1.5万人次", "12000人次", 10).score == D("8.00")
    r = score_indicator("12家", "246亿元", 10)
    assert r.score is None and r.error and "计量单位不一致" in r.error and "家" in r.error and "亿元" in r.error
    assert "unit mismatch" in r.error_en


def test_excel_percent_fraction_and_negative_actuals():
    r = score_indicator("≥95%", 0.9, 10)  # a %-formatted cell holds 0.9
    assert r.score == D("9.47") and "Excel 百分比" in r.explanation
    assert score_indicator("≥95%", "0.9", 10).score == D("0.09")  # typed text "0.9" is taken literally
    neg = score_indicator("≥10", "-5", 10)
    assert neg.score == 0 and "按 0 计" in neg.explanation


def test_growth_direction():
    assert score_indicator("增长2%", "增长2%", 10).score == 10
    assert score_indicator("增长12%", "下降3%", 10).score == 0  # the wrong way counts as negative → 0
    assert score_indicator("下降5%", "下降4%", 10).score == D("8.00")


# ---------------------------------------------------------------- deadline and qualitative


def test_deadline_scores():
    ok = score_indicator("2023年底", "2023年底", 5)
    assert (ok.method, ok.score, ok.meets_target) == ("deadline", 5, True)
    assert score_indicator("12月底前", "2023年11月", 5).score == 5  # no year on one side: month/day compared
    late = score_indicator("2023年底", "2024年3月", 5)
    assert (late.score, late.meets_target) == (0, False) and "逾期" in late.explanation
    assert score_indicator("2023年底", "按时完成", 5).method == "qualitative"
    assert score_indicator("2023年底", "120", 5).error


def test_qualitative_tiers_national_and_hubei():
    full = score_indicator("效果明显", "达成预期指标", 10)
    assert (full.method, full.score, full.band, full.tier) == ("qualitative", 10, (D("8.00"), D("10.00")), 0)
    part = score_indicator("效果明显", "部分达成年度指标并具有一定效果", 10)
    assert part.band == (D("6.00"), D("8.00")) and D(6) <= part.score < D(8) and part.meets_target is False
    miss = score_indicator("效果明显", "未达成年度指标且效果较差", 10)
    assert miss.band == (D(0), D("6.00")) and miss.score < 6
    hubei = score_indicator("效果明显", "部分达成预期指标", 10, profile="hubei")
    assert hubei.band == (D("5.00"), D("8.00"))
    assert score_indicator("优良中低差", "良", 10).score == 8
    assert score_indicator("是", "否", 4).score < qualitative_band(1, 4)[0]
    # the actual repeats the qualitative target text: read as 达成
    assert score_indicator("符合相关规定", "符合相关规定", 5).score == 5
    assert score_indicator("效果明显", "不清楚", 5).error


def test_qualitative_bands_and_membership():
    assert qualitative_band(0, 10) == (D("8.00"), D("10.00"))
    assert qualitative_band(1, 5) == (D("3.00"), D("4.00"))
    assert qualitative_band(2, 10, "hubei") == (D(0), D("5.00"))
    assert band_contains(0, 8, 10) and band_contains(0, 10, 10)
    assert not band_contains(1, 8, 10) and band_contains(1, 6, 10)  # 部分达成 is [6, 8)
    assert not band_contains(2, 6, 10) and band_contains(2, "5.99", 10)
    assert band_contains(1, "5.5", 10, "hubei") and not band_contains(1, "5.5", 10)


# ---------------------------------------------------------------- errors, budget, totals, grades


_CANNOT_SCORE_EXPLAINS_WHY_CASES = [
    ("≥12家", "", 10, None, "实际完成值为空"),
    ("≥12家", "/", 10, None, "实际完成值为空"),
    ("", "12家", 10, None, "年度指标值为空"),
    ("≥12家", "20家", "十", None, "分值"),
    ("≥12家", "20家", -1, None, "分值"),
    ("≥12家", "20家", 10, "sideways", "未知的计分方法"),
    ("≥12家", "很多", 10, None, "不是数值"),
    ("效果明显", "95%", 10, None, "应为完成等级"),
    ("在项目计划完成时间内完成", "2023年12月", 10, None, "应为完成等级"),
]


def _cannot_score_explains_why(target, actual, weight, method, part):
    r = score_indicator(target, actual, weight, method=method)
    assert r.score is None and part in r.error and r.error == r.explanation and r.error_en


def test_cannot_score_explains_why():
    _each(_CANNOT_SCORE_EXPLAINS_WHY_CASES, _cannot_score_explains_why)  # one test a list (fast22b)


def test_execution_score_cap_weight_and_zero_budget():
    assert execution_score("2223.04", "2223.04").score == 10
    assert execution_score(95, 100).score == D("9.50")
    over = execution_score(110, 100)
    assert over.score == 10 and "超过上限" in over.explanation
    assert execution_score(95, 100, profile="hubei").score == D("19.00")  # budget weight 20
    zero = execution_score(10, 0)
    assert zero.score is None and "全年预算数为0" in zero.error


def test_total_score_and_caps(tmp_path):
    assert total_score([D("9.83"), 10, "5", None]) == D("24.83")
    f = tmp_path / "caps.toml"
    f.write_text(
        'name = "caps"\n[[total.caps]]\nbelow = 0.6\nmax = 60\n[[total.caps]]\nbelow = 0.8\nmax = 80\n',
        encoding="utf-8",
    )
    capped = load_profile(f)
    assert total_cap(D("0.5"), capped) == 60 and total_cap(D("0.7"), capped) == 80 and total_cap(1, capped) is None
    assert total_score([95], capped, execution_rate=D("0.7")) == 80
    assert total_score([95], capped, execution_rate=D("0.9")) == 95
    assert total_score([95], execution_rate=D("0.1")) == 95  # national sets no caps


_GRADE_BANDS_CASES = [
    (100, "优"),
    (90, "优"),
    ("89.99", "良"),
    (80, "良"),
    (60, "中"),
    ("59.99", "差"),
    (0, "差"),
    ("x", None),
]


def _grade_bands(total, expected):
    assert grade(total) == expected


def test_grade_bands():
    _each(_GRADE_BANDS_CASES, _grade_bands)  # one test a list (fast22b)


def test_department_scores_follow_the_hunan_standards():
    assert staff_control_score(136, 143, profile="hunan").score == 5  # S13: 95.10%
    assert staff_control_score(102, 100, profile="hunan").score == 4  # 2 points × 0.5
    assert three_public_change_score("63.46", "32", profile="hunan").score == 0  # S13: 98.31%
    assert three_public_change_score(102, 100, 8).score == D("6.40")  # 2 points × 0.8 (= 8/10)
    assert three_public_control_score(103, 100).score == 3  # 3 points × 1
    assert budget_adjustment_score(100, 100).score == 3
    assert budget_adjustment_score(100, 105).score == 2
    assert budget_adjustment_score(100, 85).score == 1  # |−15%| in (10, 20]
    assert budget_adjustment_score(100, 125, 8).score == D("1.33")  # 0.5 of 3 → scaled to 8
    assert budget_adjustment_score(100, 140).score == 0
    assert budget_completion_score("99.27", 100).score == 8  # S13 example: less than one 5-point step
    assert budget_completion_score(89, 100).score == 4  # two full steps × 2
    assert key_spending_score(85, 100).score == 4
    assert key_spending_score(50, 100).score == 0
    assert rate_score(procurement_execution_rate(80, 100), 5).score == 4
    assert staff_control_score(5, 0).score is None


# ---------------------------------------------------------------- properties

_OPS = st.sampled_from(["≥", ">", "=", "≤", "<", ""])
_NUM = st.decimals(min_value=-1000, max_value=100000, allow_nan=False, allow_infinity=False, places=3)
_WEIGHT = st.decimals(min_value=0, max_value=100, allow_nan=False, allow_infinity=False, places=2)
_METHODS = st.sampled_from([None, "positive", "reverse", "reverse_ratio", "reverse_linear2A", "equal", "equal_zero"])


@settings(max_examples=examples(500, 150), deadline=None)
@given(_OPS, _NUM, _NUM, _WEIGHT, _METHODS, st.sampled_from(["national", "hubei", "hunan", "sichuan"]))
def test_scores_stay_within_zero_and_weight(op, a, b, w, method, profile):
    r = score_indicator(f"{op}{a}%", f"{b}%", w, profile=profile, method=method)
    assert r.score is not None
    assert D(0) <= r.score <= w
    assert r.explanation


@settings(max_examples=examples(300, 100), deadline=None)
@given(st.text(max_size=30), st.text(max_size=30), st.one_of(_WEIGHT, st.text(max_size=5)))
def test_scoring_arbitrary_text_never_raises_and_stays_in_bounds(target, actual, weight):
    r = score_indicator(target, actual, weight)
    if r.score is None:
        assert r.error
    else:
        w = parse_value(weight).number if isinstance(weight, str) else weight
        assume(w is not None)
        assert D(0) <= r.score <= w
    assert isinstance(r.to_dict(), dict)


@settings(max_examples=examples(200, 100), deadline=None)
@given(
    st.sampled_from(["达成预期指标", "部分达成年度指标并具有一定效果", "未达成预期指标", "优", "良", "中", "低", "差"]),
    st.decimals(min_value="0.5", max_value=100, places=2),
    st.sampled_from(["national", "hubei"]),
)
def test_qualitative_scores_fall_in_their_own_band(label, w, profile):
    # below 0.5 points a band is narrower than the 0.01 rounding step (w = 0.01: [0.01, 0.01)), so none is tested
    r = score_indicator("效果明显", label, w, profile=profile)
    assert band_contains(r.tier, r.score, w, profile)


_AMOUNT = st.decimals(min_value=-1000, max_value=10**7, allow_nan=False, allow_infinity=False, places=2)


@settings(max_examples=examples(200, 100), deadline=None)
@given(_AMOUNT, _AMOUNT, _WEIGHT, st.sampled_from(["national", "hunan", "hubei"]))
def test_budget_and_department_scores_stay_within_zero_and_weight(x, y, w, profile):
    for fn in (
        execution_score,
        staff_control_score,
        three_public_change_score,
        three_public_control_score,
        budget_adjustment_score,
        budget_completion_score,
        key_spending_score,
    ):
        r = fn(x, y, w, profile=profile)
        assert (r.score is None and r.error) or D(0) <= r.score <= w, (fn.__name__, x, y, w, r)
