"""review22a (issue 11): review of read22a's readings — false 错误 paths.

A target stating a change ("减少≥3起", "下降≥5%", "比上年减少≥2起") against an actual printed without one ("2起", "3%")
was compared as printed: the actual may be the change or the level reached (2 accidents this year, a 3% rate), so the
miss rests on a guess — S07 and D01 were 错误. Now a 警告 saying the actual was read as the change. A count's rise
against a smaller count ("增加≥1000人次" │ "900人次") stays 错误: a count of 900 rose by 900 at most, a miss either way.
"""

from __future__ import annotations

import pytest
from report_helpers import workbook_result
from test_num20 import _evaluation


def _named(sheets, name):
    if isinstance(sheets, list):
        return [_named(x, name) for x in sheets]
    if isinstance(sheets, tuple):
        return tuple(_named(x, name) for x in sheets)
    if isinstance(sheets, dict):
        return {k: _named(v, name) for k, v in sheets.items()}
    return name if sheets == "培训人次" else sheets


def _found(tmp_path, actual, target, name="培训人次"):
    found = workbook_result(tmp_path, *_named(_evaluation(actual, target), name)).findings
    return found, sorted((f.code, f.ref.cell, f.severity.value) for f in found if f.code not in ("I06", "T07", "I13"))


@pytest.mark.parametrize(
    ("actual", "target", "name"),
    [
        ("2起", "减少≥3起", "安全事故起数"),
        ("1起", "比上年减少≥2起", "安全事故起数"),
        ("3%", "下降≥5%", "事故发生率"),
        ("8人", "减少≥10人", "贫困人口减少数"),
    ],
)
def test_a_change_target_against_a_level_actual_is_a_warning(tmp_path, actual, target, name):
    """Failed before: S07 and D01 错误 — the actual may be the level reached, not the change."""
    found, codes = _found(tmp_path, actual, target, name)
    assert codes == [("D01", "I11", "warning"), ("S07", "H11", "warning")]
    s07 = next(f for f in found if f.code == "S07")
    assert "可能是变化幅度，也可能是达到的水平" in str(s07.basis)


@pytest.mark.parametrize(
    ("actual", "target", "name"),
    [
        ("900人次", "增加≥1000人次", "培训人次"),  # a count of 900 rose by 900 at most: a miss either way
        ("减少5件", "减少10件", "投诉件数"),  # both changes: compared as printed
        ("减少1036人次", "增加1000人次", "培训人次"),  # read22a's fall against a rise
    ],
)
def test_a_miss_either_reading_makes_certain_stays_an_error(tmp_path, actual, target, name):
    _, codes = _found(tmp_path, actual, target, name)
    assert ("S07", "H11", "error") in codes and ("D01", "I11", "error") in codes


@pytest.mark.parametrize(("actual", "target"), [("1036人次", "增加≥1000人次"), ("减少2起", "减少≥2起")])
def test_a_met_change_target_stays_quiet(tmp_path, actual, target):
    _, codes = _found(tmp_path, actual, target)
    assert not [c for c in codes if c[2] == "error"]
