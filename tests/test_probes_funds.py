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


@pytest.mark.parametrize("typed", [".95", "9 5%", "95.0.0%"])
def test_an_unreadable_printed_rate_is_c02s_one_warning_never_a_certain_f04(typed):
    """'.95' (the integer digit lost) may well be the right 95%: C02 says it cannot be read; F04 computing
    against it gave a certain 错误 '应为 95%，表中为 .95' on a correct row."""
    ev = with_total(good_evaluation(), rate=typed)
    found = _found(ev, "F04", "C02")
    assert [(f.code, f.brief()[2]) for f in found] == [("C02", "G5")]
    assert all(f.certainty is not Certainty.CERTAIN or f.severity.value != "error" for f in found)


def test_a_readable_wrong_rate_stays_a_certain_f04():
    found = _found(with_total(good_evaluation(), rate="0.85"), "F04")
    assert [(f.brief(), f.severity.value) for f in found] == [(("F04", SHEET, "G5"), "error")]
