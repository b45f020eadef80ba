"""review31b (issue 12, session 31): consistent rewrites attacking this session's new narrative rules (prose31's
`spread_lists` named split whole, `count_parts` lists held apart, `run_state._arith` rounded-and-cut; reports38's "N万"
read in 万元, a 包括 list going on past its total, `sources_overspent`). Each case below is a consistent paragraph (or run
of paragraphs) a real author writes; the false findings at main are noted per test.
"""

from __future__ import annotations

import pytest
from report_helpers import report_findings as _report


def _above_info(findings) -> list[tuple[str, str]]:
    return sorted((f.code, f.severity.value) for f in findings if f.severity.value != "info")


WARNING = [("N02", "warning")]
ERROR = [("N02", "error")]

_WHOLE = "全年县级一般公共预算收入31751万元,较上年28899万元增长9.9%。县级一般公共预算收入具体完成情况是:"


@pytest.mark.parametrize(
    "classes",
    [
        # classes of another level, year or scope than the whole's: not its split (5 false 错误 at main)
        ("——全市税收收入25000万元,增长17.6%。", "——全市非税收入13432万元,增长0.8%。"),
        ("——2022年税收收入25000万元。", "——2022年非税收入13432万元。"),
        ("——全县税收收入(含上划)40000万元,增长17.6%。", "——非税收入13432万元。"),
        ("——税收收入累计完成50000万元(含上划中省市部分)。", "——非税收入13432万元。"),
        ("1.税收收入(全口径)47637万元。", "2.非税收入13432万元。"),
        # the class's other figure first, or a part of the class: 2 false 错误 and a false 警告 at main
        ("——税收收入预计全年完成20000万元,实际完成18319万元。", "——非税收入13432万元。"),
        ("——税收收入按可比口径计算为20000万元。", "——非税收入13432万元。"),
        ("——税收收入中增值税7875万元。", "——非税收入13432万元。"),
    ],
)
def test_classes_qualified_apart_from_the_whole_are_not_its_split(tmp_path, classes):
    assert _above_info(_report(tmp_path, _WHOLE, *classes)) == []


@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        (("——税收收入19319万元,增长17.6%。", "——非税收入13432万元。"), ERROR),
        (("1.税收收入完成19319万元。", "2.非税收入实现13432万元。"), ERROR),
        (("——税收收入18319万元。", "——非税收入13432万元,其中罚没收入5216万元。"), []),
    ],
)
def test_the_plain_classes_are_still_held(tmp_path, classes, expected):
    assert _above_info(_report(tmp_path, _WHOLE, *classes)) == expected


_GIVEN = "2024年该项目预算共安排546.23万元,其中:中央248.73万元,省级230.54万元,县级66.96万元;"


@pytest.mark.parametrize(
    "spent",
    [
        # spending over years, or another year's: not of this year's money given (a false 警告 each at main)
        "截至2024年底累计支付855.16万元,其中:中央548.74万元、省级274.71万元、县级31.71万元。",
        "2023年支付355.16万元,其中:中央268.74万元、省级74.71万元、县级11.71万元。",
        # a source's spending said to hold money carried in
        "实际支付355.16万元,其中:中央248.74万元(含2023年结转资金)、省级74.71万元、县级31.71万元。",
    ],
)
def test_spending_to_date_or_of_another_year_is_not_held_to_the_sources_given(tmp_path, spent):
    assert _above_info(_report(tmp_path, _GIVEN + spent)) == []


def test_spending_of_the_same_money_still_held_in_another_order(tmp_path):
    spent = "实际支付355.16万元,其中:县级31.71万元、省级74.71万元、中央248.74万元。"
    assert _above_info(_report(tmp_path, _GIVEN + spent)) == WARNING


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money drawn in is a whole of its own: its 其中 list is its own (a false 错误 at main, summed into the 546.23)
        (_GIVEN + "带动社会投资1000万元,其中:中央企业400万元、省级企业300万元、县级企业300万元。", []),
        (_GIVEN + "带动社会投资1000万元,其中:中央企业500万元、省级企业300万元、县级企业300万元。", ERROR),
        # a part named as within the part before it ("…资金中的中央资金"): a 错误 at main (60 + 40 over 60)
        ("预算数60万元,包括农机购置补贴资金60万元、农机购置补贴资金中的中央资金40万元。", []),
        # a figure the words set beside the total: a 警告 at main (60 + 12 over 60)
        ("资金预算数60万元,其中包括补贴资金60万元,另有自筹资金12万元(不在预算数内)。", []),
    ],
)
def test_lists_that_are_not_the_totals_parts(tmp_path, text, expected):
    assert _above_info(_report(tmp_path, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bracket after a part naming another part of its list: that part's detail (a false 错误 at main: 1900 over 378)
        ("共有职工4378人,其中本科4000人、专科378人(在职人员中本科1900人)。", []),
        ("共有职工4378人(其中在职2000人、退休2378人),其中本科4000人、专科378人(在职人员中本科1900人)。", []),
        # a bracket naming its own part still details it: over it, found as at main
        ("共有职工4378人,其中本科4000人、专科378人(其中在职人员中专科400人)。", ERROR),
    ],
)
def test_a_bracket_naming_another_part_of_the_list(tmp_path, text, expected):
    assert _above_info(_report(tmp_path, text)) == expected
