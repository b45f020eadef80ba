"""Domain probes on the funds block and the 基础数据表 (issue 11): variants real filers produce, each judged by
hand; an 错误 only where the cells make it certain."""

from __future__ import annotations

import pytest
from rules_helpers import SHEET, good_evaluation, submission, with_total

from perfxl.model import Certainty
from perfxl.validate import validate_submission


def _found(ev_or_sub, *codes):
    sub = ev_or_sub if hasattr(ev_or_sub, "evaluations") else submission(ev_or_sub)
    return [f for f in validate_submission(sub) if f.code in codes]


# ---------------------------------------------------------------- funds: a printed 执行率 perfxl cannot read


@pytest.mark.parametrize("typed", [".95", "95.0.0%"])
def test_an_unreadable_printed_rate_is_c02s_one_warning_never_a_certain_f04(typed):
    """'.95' (the integer digit lost) may well be the right 95%: C02 says it cannot be read; F04 computing
    against it gave a certain 错误 '应为 95%，表中为 .95' on a correct row."""
    ev = with_total(good_evaluation(), rate=typed)
    found = _found(ev, "F04", "C02")
    assert [(f.code, f.brief()[2]) for f in found] == [("C02", "G5")]
    assert all(f.certainty is not Certainty.CERTAIN or f.severity.value != "error" for f in found)


def test_a_printed_rate_perfxl_cannot_read_as_a_rate_is_a_judgement():
    """'9 5%' (a stray space) is no number C02 reports; F04 cannot say it is wrong, only that it cannot read it."""
    found = _found(with_total(good_evaluation(), rate="9 5%"), "F04", "C02")
    assert [(f.code, f.severity.value) for f in found] == [("F04", "warning")]
    assert "无法读取为比率" in found[0].basis and found[0].certainty is Certainty.JUDGEMENT


def test_a_readable_wrong_rate_stays_a_certain_f04():
    found = _found(with_total(good_evaluation(), rate="0.85"), "F04")
    assert [(f.brief(), f.severity.value) for f in found] == [(("F04", SHEET, "G5"), "error")]


# ---------------------------------------------------------------- 基础数据表: a printed 控制率 perfxl cannot read


def _staff(rate):
    from rules_helpers import basic, staffing

    from perfxl.model import Submission

    return Submission(path="x.xlsx", evaluations=(), basic=basic([], staffing(32, 30, rate)))


@pytest.mark.parametrize("typed", ["30/32", "30／32", "93.75%", 0.9375, "0.94", "94%"])
def test_a_control_rate_printed_as_staff_over_establishment_or_rounded_is_silent(typed):
    """'30/32' is 实有 30 over 编制 32, the rate itself: B01 gave a certain '应为 93.75%，表中为 30/32'."""
    assert _found(_staff(typed), "B01", "C02") == []


def test_a_wrong_fraction_or_rate_stays_a_certain_b01():
    for typed in ("28/32", "90%"):
        found = _found(_staff(typed), "B01")
        assert [(f.brief()[2], f.severity.value) for f in found] == [("D5", "error")], typed


def test_an_unreadable_control_rate_is_c02s_or_a_judgement_never_a_certain_b01():
    found = _found(_staff(".9375"), "B01", "C02")
    assert [(f.code, f.severity.value) for f in found] == [("C02", "warning")]
    found = _found(_staff("9 3.75%"), "B01", "C02")
    assert [(f.code, f.severity.value) for f in found] == [("B01", "warning")]
    assert found[0].certainty is Certainty.JUDGEMENT and "无法读取为比率" in found[0].basis
