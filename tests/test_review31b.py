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
