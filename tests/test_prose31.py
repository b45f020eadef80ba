"""prose31 (issue 12): known misses of the narrative checks left by session 30.

1. A change rate that agrees with its figures only by two stretches at once — the amounts read loosely (a whole "100"
   as 100.99 cut short) and the rate rounded, or the amounts rounded and the rate cut ("公用经费100万元,比上年减少10万元,
   下降8%": 10 / 110 = 9.09%; 8% only as 8.56% cut) — is a 警告, as either stretch alone is (`run_state._arith`). It was
   quiet at main.
2. A count split twice — a bracket of parts, then a 其中 list ("职工4378人(其中在职2000人、退休2378人),其中,本科4000人,
   专科378人") — each list held to the count on its own (`count_parts._candidates`, as fix30b's money lists): the four
   were summed at main (a false 警告 '应为 8756人'), and a wrong bracket part was read only in that sum.

6 fail at main (7a696f57).
"""

from __future__ import annotations

import pytest
from report_helpers import report_findings as _report

from perfxl.model import Certainty


def _above_info(findings) -> list[tuple[str, str]]:
    return sorted((f.code, f.severity.value) for f in findings if f.severity.value != "info")


WARNING = [("N02", "warning")]
ERROR = [("N02", "error")]


# ---------------------------------------------------------------- 1. a rate agreeing only by cut amounts and a cut rate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 10 / 110 = 9.09%: 8% only with the amounts rounded and the rate cut, or cut amounts and the rate rounded
        ("公用经费100万元,比上年减少10万元,下降8%。", WARNING),
        ("公用经费100万元(其中办公费60万元、差旅费40万元),比上年减少10万元,下降8%。", WARNING),
        # the rate rounded from the figures as printed, or cut from them as printed: as before
        ("公用经费100万元,比上年减少10万元,下降9%。", []),
        ("公用经费100.4万元,比上年减少9.6万元,下降8.7%。", []),
        # 10 / 90 = 11.1%, 10% with the amounts rounded (10.5 / 99.5 − 9.5 …): the rate rounded, quiet as before
        ("公用经费100万元,比上年增加10万元,增长11%。", []),
        # far from any reading: certain, as before
        ("公用经费100万元,比上年减少10万元,下降18%。", ERROR),
    ],
)
def test_a_rate_agreeing_only_by_two_stretches_is_a_warning(tmp_path, text, expected):
    assert _above_info(_report(tmp_path, text)) == expected


def test_the_warning_says_both_readings(tmp_path):
    (finding,) = [f for f in _report(tmp_path, "公用经费100万元,比上年减少10万元,下降8%。") if f.code == "N02"]
    assert finding.certainty is Certainty.JUDGEMENT
    assert "应为 9%" in finding.message and "截去尾数而非四舍五入" in finding.basis


# ---------------------------------------------------------------- 2. a count's bracket of parts, then its 其中 list


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # consistent: both lists make 4378 (at main the four summed — a false 警告)
        ("共有职工4378人(其中在职2000人、退休2378人),其中,本科4000人,专科378人。", []),
        ("共有职工4378人(其中在职4000人、退休378人),其中,本科2000人,专科2378人。", []),
        # the bracket's staff-status parts over the count: certain (at main only the four's sum, a 警告)
        ("共有职工4378人(其中在职2000人、退休2478人),其中,本科4000人,专科378人。", ERROR),
        # the 其中 list over it: read as disjoint by a guess, a 警告 as for any count's 其中 list
        ("共有职工4378人(其中在职2000人、退休2378人),其中,本科4000人,专科500人。", WARNING),
    ],
)
def test_a_counts_bracket_and_its_qizhong_list_are_held_to_it_apart(tmp_path, text, expected):
    assert _above_info(_report(tmp_path, text)) == expected
