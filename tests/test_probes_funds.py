"""Domain probes on the funds block and the 基础数据表 (issue 11): variants real filers produce, each judged by
hand; an 错误 only where the cells make it certain."""

from __future__ import annotations

from rules_helpers import SHEET, good_evaluation, submission, with_total
from table_cases import each as _each
from table_cases import each1 as _each1

from perfxl.model import Certainty
from perfxl.validate import validate_submission


def _found(ev_or_sub, *codes):
    sub = ev_or_sub if hasattr(ev_or_sub, "evaluations") else submission(ev_or_sub)
    return [f for f in validate_submission(sub) if f.code in codes]


# ---------------------------------------------------------------- funds: a printed 执行率 perfxl cannot read


_AN_UNREADABLE_PRINTED_RATE_IS_C02S_ONE_WARNING_NEVER_A_CERTAIN_F04_CASES = [".95", "95.0.0%"]


def _an_unreadable_printed_rate_is_c02s_one_warning_never_a_certain_f04(typed):
    """'.95' (the integer digit lost) may well be the right 95%: C02 says it cannot be read; F04 computing
    against it gave a certain 错误 '应为 95%，表中为 .95' on a correct row."""
    ev = with_total(good_evaluation(), rate=typed)
    found = _found(ev, "F04", "C02")
    assert [(f.code, f.brief()[2]) for f in found] == [("C02", "G5")]
    assert all(f.certainty is not Certainty.CERTAIN or f.severity.value != "error" for f in found)


def test_an_unreadable_printed_rate_is_c02s_one_warning_never_a_certain_f04():
    _each1(
        _AN_UNREADABLE_PRINTED_RATE_IS_C02S_ONE_WARNING_NEVER_A_CERTAIN_F04_CASES,
        _an_unreadable_printed_rate_is_c02s_one_warning_never_a_certain_f04,
    )  # one test a list (fast22b)


def test_a_printed_rate_perfxl_cannot_read_as_a_rate_is_a_judgement():
    """'9 5%' (a stray space): F04 cannot say it is wrong, only that it cannot read it — one finding, a judgement. Since
    num20 the digits with a space inside are damaged text C02 names ("数字中间有空格"), and F04 adds nothing (one
    cause, one finding: issue 11 item 6); before, F04 said it could not read the rate."""
    found = _found(with_total(good_evaluation(), rate="9 5%"), "F04", "C02")
    assert [(f.code, f.severity.value) for f in found] == [("C02", "warning")]
    assert "空格" in found[0].message and found[0].certainty is Certainty.JUDGEMENT


def test_a_readable_wrong_rate_stays_a_certain_f04():
    found = _found(with_total(good_evaluation(), rate="0.85"), "F04")
    assert [(f.brief(), f.severity.value) for f in found] == [(("F04", SHEET, "G5"), "error")]


# ---------------------------------------------------------------- 基础数据表: a printed 控制率 perfxl cannot read


def _staff(rate):
    from rules_helpers import basic, staffing

    from perfxl.model import Submission

    return Submission(path="x.xlsx", evaluations=(), basic=basic([], staffing(32, 30, rate)))


_A_CONTROL_RATE_PRINTED_AS_STAFF_OVER_ESTABLISHMENT_OR_ROUNDED_IS_SILENT_CASES = [
    "30/32",
    "30／32",
    "93.75%",
    0.9375,
    "0.94",
    "94%",
]


def _a_control_rate_printed_as_staff_over_establishment_or_rounded_is_silent(typed):
    """'30/32' is 实有 30 over 编制 32, the rate itself: B01 gave a certain '应为 93.75%，表中为 30/32'."""
    assert _found(_staff(typed), "B01", "C02") == []


def test_a_control_rate_printed_as_staff_over_establishment_or_rounded_is_silent():
    _each1(
        _A_CONTROL_RATE_PRINTED_AS_STAFF_OVER_ESTABLISHMENT_OR_ROUNDED_IS_SILENT_CASES,
        _a_control_rate_printed_as_staff_over_establishment_or_rounded_is_silent,
    )  # one test a list (fast22b)


def test_a_wrong_fraction_or_rate_stays_a_certain_b01():
    for typed in ("28/32", "90%"):
        found = _found(_staff(typed), "B01")
        assert [(f.brief()[2], f.severity.value) for f in found] == [("D5", "error")], typed


def test_an_unreadable_control_rate_is_c02s_or_a_judgement_never_a_certain_b01():
    found = _found(_staff(".9375"), "B01", "C02")
    assert [(f.code, f.severity.value) for f in found] == [("C02", "warning")]
    found = _found(_staff("9 3.75%"), "B01", "C02")
    # (digits with a space inside: C02's one finding since num20, "数字中间有空格"; B01 said it could not read the rate)
    assert [(f.code, f.severity.value) for f in found] == [("C02", "warning")]
    assert found[0].certainty is Certainty.JUDGEMENT and "空格" in found[0].message


def _procurement(rate):
    import dataclasses

    from rules_helpers import BASIC, amount, basic, cv

    from perfxl.model import Submission

    b = basic([amount("procurement", 23, "政府采购金额", 0, 90, 80)])
    b = dataclasses.replace(b, procurement_rate=cv(rate, "D26", BASIC))
    return Submission(path="x.xlsx", evaluations=(), basic=b)


_PROCUREMENT_RATE_PRINTED_AS_A_FRACTION_OR_UNREADABLE_CASES = [
    ("88.89%", []),
    ("80/90", []),  # 实际 over 预算, the rate itself
    (".8889", [("C02", "warning")]),  # C02's one finding
    ("8 8.89%", [("C02", "warning")]),  # cannot be read: C02 says why (num20; B13 did), a person checks
    ("80/100", [("B13", "error")]),
    ("90%", [("B13", "error")]),
]


def _procurement_rate_printed_as_a_fraction_or_unreadable(typed, expected):
    assert [(f.code, f.severity.value) for f in _found(_procurement(typed), "B13", "C02")] == expected


def test_procurement_rate_printed_as_a_fraction_or_unreadable():
    _each(
        _PROCUREMENT_RATE_PRINTED_AS_A_FRACTION_OR_UNREADABLE_CASES,
        _procurement_rate_printed_as_a_fraction_or_unreadable,
    )  # one test a list (fast22b)


# ---------------------------------------------------------------- funds: a source's own 其中 rows under a bare label


def _sources(*parts):
    from rules_helpers import funds, funds_row

    total = funds_row(5, "年度资金总额", 100, 120, 114, 10, "95.00%", 9.5, total=True)
    rows = tuple(funds_row(6 + i, label, *money) for i, (label, money) in enumerate(parts))
    return good_evaluation(funds=funds(total, rows))


_OF_WHICH_ROWS_UNDER_A_BARE_SOURCE_ARE_ITS_ITEMS_WHEN_THAT_ADDS_UP_CASES = [
    # 财政拨款 split by level: 中央 60/70/66 + 省级 40/50/48 = 财政拨款 100/120/114
    (("财政拨款", (100, 120, 114)), ("其中：中央资金", (60, 70, 66)), ("省级资金", (40, 50, 48))),
    # 财政拨款 including its 上年结转 (其中), then 其他资金 0
    (("财政拨款", (100, 120, 114)), ("其中：上年结转", (0, 10, 10)), ("其他资金", (0, 0, 0))),
]


def _of_which_rows_under_a_bare_source_are_its_items_when_that_adds_up(parts):
    """'财政拨款' then '其中：中央资金 / 省级资金': the 其中 rows are 财政拨款's own items. Summed as sources of
    their own they gave a certain F02 '应为各来源之和 240，表中为 120' on a correct table."""
    assert _found(_sources(*parts), "F02") == []


def test_of_which_rows_under_a_bare_source_are_its_items_when_that_adds_up():
    _each1(
        _OF_WHICH_ROWS_UNDER_A_BARE_SOURCE_ARE_ITS_ITEMS_WHEN_THAT_ADDS_UP_CASES,
        _of_which_rows_under_a_bare_source_are_its_items_when_that_adds_up,
    )  # one test a list (fast22b)


def test_of_which_rows_that_fit_neither_reading_stay_a_certain_f02():
    parts = (("财政拨款", (100, 120, 114)), ("其中：中央资金", (60, 70, 66)), ("其他资金", (5, 5, 5)))
    found = _found(_sources(*parts), "F02")
    assert [(f.brief()[2], f.severity.value) for f in found] == [("C5", "error"), ("D5", "error"), ("E5", "error")]


# ---------------------------------------------------------------- 基础数据表: 编制数 0


def _staffed(establishment, actual, rate):
    from rules_helpers import basic, staffing

    from perfxl.model import Submission

    return Submission(path="x.xlsx", evaluations=(), basic=basic([], staffing(establishment, actual, rate)))


def test_staff_against_an_establishment_of_zero_is_a_judgement_not_a_certain_overstaffing():
    """编制数 0 with 5 in post: a unit without 核定编制 (all 编外) or the figure not filled — the rate cannot be
    computed (B02 printed '控制率 —，应得 — 分' as a certain 错误)."""
    found = _found(_staffed(0, 5, "—"), "B01", "B02")
    assert [(f.code, f.severity.value) for f in found] == [("B02", "warning")]
    assert found[0].certainty is Certainty.JUDGEMENT and "编制数为 0" in found[0].basis


def test_staff_above_a_real_establishment_stays_a_certain_b02():
    found = _found(_staffed(32, 45, "140.63%"), "B01", "B02")
    assert [(f.code, f.severity.value) for f in found] == [("B02", "error")]


def test_a_workbook_with_of_which_rows_under_a_bare_source_reads_and_raises_no_f02(tmp_path):
    """End to end: the 10号 自评表 of review round 14 with its sources written 财政拨款 │ 其中：中央资金 │ 省级资金."""
    from report_helpers import pad, workbook_result
    from test_review_round14 import FUNDS_ROWS, std10

    table, merges = std10()
    at = next(i for i, row in enumerate(table) if row[1] == "年度资金总额")
    table[at + 1 : at + len(FUNDS_ROWS)] = [
        pad(["", "财政拨款", 100, 120, 114, "—", "95.00%", "—"]),
        pad(["", "其中：中央资金", 60, 70, 66]),
        pad(["", "省级资金", 40, 50, 48]),
    ]
    result = workbook_result(tmp_path, table, tuple(merges))
    assert [f for f in result.findings if f.severity.value == "error"] == []
    assert any(f.code == "F08" for f in result.findings)  # the funds block was read (120 ≠ 100 is F08's)
