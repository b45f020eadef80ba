"""prose31 (issue 12): known misses of the narrative checks left by session 30.

1. A change rate that agrees with its figures only by two stretches at once — the amounts read loosely (a whole "100"
   as 100.99 cut short) and the rate rounded, or the amounts rounded and the rate cut ("公用经费100万元,比上年减少10万元,
   下降8%": 10 / 110 = 9.09%; 8% only as 8.56% cut) — is a 警告, as either stretch alone is (`run_state._arith`). It was
   quiet at main.
2. A count split twice — a bracket of parts, then a 其中 list ("职工4378人(其中在职2000人、退休2378人),其中,本科4000人,
   专科378人") — each list held to the count on its own (`count_parts._candidates`, as fix30b's money lists): the four
   were summed at main (a false 警告 '应为 8756人'), and a wrong bracket part was read only in that sum.
3. A whole's split classes one paragraph each after the sentence naming it ("县级一般公共预算收入具体完成情况是:" ¶
   "——税收收入…" ¶ "——非税收入…", 周至 2023 p7–p9): held to it as spread_lists holds a defined whole's items — over it
   an 错误 at the last class's paragraph, short of it a 警告 (`spread_lists._named_split_whole`).

10 fail at main (7a696f57).
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


# ---------------------------------------------------------------- 3. a named whole's split classes, a paragraph each

ZHOUZHI = "shaanxi-zhouzhi-yusuan-zhixing-baogao-2023"


@pytest.fixture(scope="module")
def zhouzhi() -> dict:
    from test_document_realreport import REPORTS, parsed_toml

    return parsed_toml(REPORTS / f"{ZHOUZHI}.toml")


@pytest.mark.parametrize(
    ("paragraph", "old", "new", "expected"),
    [
        (8, "税收收入18319万元", "税收收入19319万元", ERROR),  # 19319 + 13432 over 31751
        (9, "非税收入13432万元", "非税收入14432万元", ERROR),
        (8, "税收收入18319万元", "税收收入17319万元", WARNING),  # short: the whole may hold more, a 警告
    ],
)
def test_a_named_wholes_classes_one_paragraph_each_are_held_to_it(tmp_path, zhouzhi, paragraph, old, new, expected):
    """周至 2023 p7 ends "县级一般公共预算收入具体完成情况是:" (its 31751万元 the paragraph's first figure, 财政总收入 its
    last) and p8/p9 open "——税收收入18319万元…", "——非税收入13432万元…": 税收收入 + 非税收入 = 一般公共预算收入 by
    definition (`SPLIT_DIMENSIONS`). One figure changed: one finding, at the class that makes the sum (fail at main: quiet)."""
    from test_document_realreport import codes_at_paragraph, with_paragraph

    changed = with_paragraph(zhouzhi, paragraph, old, new)
    assert codes_at_paragraph(tmp_path, changed, 9) == expected
    assert codes_at_paragraph(tmp_path, changed, 7) == codes_at_paragraph(tmp_path, changed, 8) == []


def test_a_named_wholes_classes_as_published_and_its_changed_whole_said_once(tmp_path, zhouzhi):
    """A guard (passes at prose31's parent, which held no named split; audit32): 周至 p7–p9 as published stay quiet, and
    with the whole changed its wrong 完成预算% at p7 is the one finding — the classes' sum not said again at p9
    (`_hold_classes` skips a whole whose rate was said wrong; without that skip this fails)."""
    from test_document_realreport import codes_at_paragraph, with_paragraph

    assert all(codes_at_paragraph(tmp_path, zhouzhi, p) == [] for p in (7, 8, 9))
    # the whole changed: its 完成预算% at p7 says it; the classes' sum is not said again at p9
    changed = with_paragraph(zhouzhi, 7, "收入31751万元", "收入32751万元")
    assert codes_at_paragraph(tmp_path, changed, 7) == ERROR
    assert codes_at_paragraph(tmp_path, changed, 9) == []


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # every class once after the sentence naming the whole: over it certain
        (
            (
                "本年一般公共预算收入500万元,增长5%。一般公共预算收入具体情况如下:",
                "税收收入400万元,增长6%。",
                "非税收入200万元。",
            ),
            ERROR,
        ),
        # a class missing, another kind of item between, or the classes of no split the words name: not held
        (
            (
                "本年一般公共预算收入500万元。一般公共预算收入具体情况如下:",
                "税收收入400万元。",
                "上级补助收入200万元。",
            ),
            [],
        ),
        (
            ("本年一般公共预算收入500万元。一般公共预算收入具体情况如下:", "税收收入400万元。", "国内增值税200万元。"),
            [],
        ),
        (("全县财政总收入500万元。财政总收入具体情况如下:", "税收收入400万元。", "非税收入200万元。"), []),
    ],
)
def test_a_named_wholes_split_reads_only_every_class(tmp_path, paragraphs, expected):
    assert _above_info(_report(tmp_path, *paragraphs)) == expected
