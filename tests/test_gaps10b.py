"""Gaps 10b (issue 11): a phrase target's unit judged as the unit that leads its clause.

Review 10d read a clause opened by a unit or count word ("完成全县15个乡镇的改造任务") as the figure's quantity again,
but I05 still judged the whole clause as the unit: "计量单位“个乡镇的改造任务”不是常用单位" (a 警告 on a target that
states its unit, 个). The unit a check judges is the clause's head before 的, a unit or a count word with its noun
(`perfxl.values.unit_of_clause`: 个乡镇, judged as 个); words no unit heads are still judged whole.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import judged, validated, variant

from perfxl.values import unit_of_clause


def test_a_phrase_target_led_by_a_count_word_draws_no_unit_warning(tmp_path):
    """Failed before: I05 警告 "计量单位“个乡镇的改造任务”不是常用单位" at row 14 (贵池 2022 村级补助, E 年度指标值 │
    F 实际完成值, the cells review 10d rewrote as a phrase)."""
    phrase = "完成全县15个乡镇的改造任务"
    result = validated(variant("anhui-guichi-cunji-2022", {"E14": phrase, "F14": phrase}), tmp_path)
    assert not {(c, s, r) for c, s, r in judged(result) if c == "I05" and r == 14}


def test_an_unknown_unit_still_warns(tmp_path):
    """Guard: a figure with a word no unit list knows ("15乡镇") is still an I05 警告 at the row."""
    result = validated(variant("anhui-guichi-cunji-2022", {"E14": "15乡镇", "F14": "15乡镇"}), tmp_path)
    assert ("I05", "warning", 14) in judged(result)


@pytest.mark.parametrize(("clause", "unit"), [("个乡镇的改造任务", "个乡镇"), ("公里的道路硬化", "公里")])
def test_the_unit_of_a_clause_is_the_unit_that_heads_it(clause, unit):
    """Failed before (no `unit_of_clause`): the whole clause was the unit judged; it is its head before 的."""
    assert unit_of_clause(clause) == unit


@pytest.mark.parametrize("unit", ["个", "万元/家", "个站点", "乡镇的改造任务", "个咕噜噜噜噜噜噜", "咕噜的改造任务"])
def test_a_unit_or_a_clause_headed_by_no_unit_is_kept_whole(unit):
    """Guard: a unit, a counted noun, or words no unit heads before a 的 are judged as written."""
    assert unit_of_clause(unit) == unit
