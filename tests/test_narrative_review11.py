"""Narrative review 11 (issues 11/12, session 11): an adversarial review of the N-code checks added this session —
false 错误, baseless 警告 on consistent text, silenced contradictions. Each test named "failed before" was run against
main before its fix and failed as its docstring says.

1. Where a 其中 list ends. "A项目50万元,其中设备30万元,B项目50万元,合计100万元" read B项目 and the 合计 as parts of A项目
   (30 + 50 + 100 > 50: an N02 错误) — an 错误 resting on where the list was guessed to end. Now the end is read, not
   guessed (perfxl.document.facts._list_goes_on): a sum word closes the run and is never one more part, and the last
   parts that make it with the amounts before the 其中 are that run's; an amount named as a sibling of the total (A项目 …
   B项目, A镇 … B镇) goes back to the total's own list. Where nothing settles it — a sum word no reading makes, or a part's
   own 其中 list (nested) — an exceeding list is a 警告 saying the end was read by place (funds_arith._end_by_place),
   unless its first part alone exceeds the total (certain wherever the list ends).
"""

from __future__ import annotations

import pytest
from report_helpers import report_findings as _report


def _n02(findings):
    return [(f.severity.value, f.message) for f in findings if f.code == "N02"]


def _above_info(findings):
    return [(f.code, f.severity.value, f.message) for f in findings if f.severity.value in ("warning", "error")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A项目50万元,其中设备30万元,B项目50万元,合计100万元。", id="sibling-then-sum"),
        pytest.param("A项目50万元,其中设备30万元,B项目50万元,共计100万元。", id="sibling-then-gongji"),
        pytest.param("A项目50万元,其中设备30万元,B项目50万元。", id="sibling-no-sum"),
        pytest.param("修建道路50万元,其中购置材料30万元,安装路灯50万元,合计100万元。", id="sum-closes-run"),
        pytest.param("下达资金100万元,其中A镇50万元,其中设备30万元,B镇50万元。", id="nested-sibling"),
        pytest.param("下达资金100万元,其中道路50万元,其中设备30万元,绿化50万元。", id="nested-outer-agrees"),
        pytest.param("下达资金100万元，其中A镇50万元，其中设备30万元、材料10万元，B镇50万元。", id="nested-two-parts"),
    ],
)
def test_a_list_whose_end_makes_the_text_agree_stays_quiet(tmp_path, text):
    """Failed before: an N02 错误 (B项目/B镇/绿化 and the 合计 read as parts of the total before them)."""
    assert _above_info(_report(tmp_path, text)) == []


def test_a_sum_no_reading_makes_is_a_warning_on_the_sum(tmp_path):
    """Failed before: an N02 错误 on A项目 (30 + 40 + 100 > 50); the contradiction is the 合计's (50 + 40 = 90)."""
    found = _n02(_report(tmp_path, "A项目50万元,其中设备30万元,B项目40万元,合计100万元。"))
    assert [s for s, _ in found] == ["warning"], found
    assert "90万元" in found[0][1]


def test_a_list_whose_end_is_read_by_place_exceeding_is_a_warning(tmp_path):
    """Failed before: an 错误. 30 + 50 > 50 only if 安装路灯 is 修建道路's part; the 合计 90 closes a run no reading
    makes — so something is wrong, but which list the 50 is in was read by place."""
    findings = [
        f for f in _report(tmp_path, "修建道路50万元,其中购置材料30万元,安装路灯50万元,合计90万元。") if f.code == "N02"
    ]
    assert [f.severity.value for f in findings] == ["warning"], _n02(findings)
    assert "按位置读取" in findings[0].basis


def test_nested_list_no_reading_fits_is_a_warning(tmp_path):
    """Failed before: an 错误. 绿化60万元 is 道路's part (30 + 60 > 50) or the outer list's (50 + 60 > 100): wrong either
    way, but which by place."""
    found = _n02(_report(tmp_path, "下达资金100万元,其中道路50万元,其中设备30万元,绿化60万元。"))
    assert [s for s, _ in found] == ["warning"], found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A项目50万元,其中设备60万元,B项目50万元,合计100万元。", id="first-part-alone"),
        pytest.param("下达资金100万元,其中道路50万元,其中设备60万元,绿化50万元。", id="nested-first-part"),
        pytest.param("总支出100万元,其中基本支出60万元,项目支出50万元。", id="no-cue"),
        pytest.param("总支出100万元,其中基本支出60万元,项目支出50万元,合计110万元。", id="sum-confirms-list"),
    ],
)
def test_a_list_certainly_beyond_its_total_keeps_its_error(tmp_path, text):
    """Guard: the first part alone beyond the total, a list nothing may end early, a sum that the parts make (confirming
    where the list ends) — still an 错误."""
    assert "error" in [s for s, _ in _n02(_report(tmp_path, text))]
