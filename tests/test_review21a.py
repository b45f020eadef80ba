"""review21a (issue 11): a review of sign21's readings.

1. A direction read from a triangle glued to a figure ("▼8%", "8%▲") is a reading of a symbol that is also a bullet
   (▲): a verdict resting on it is a guess — S07/D01 (and any finding on the row's reading) a 警告 at most, its message
   saying the mark was read as 下降/增长, the basis giving both readings. Where the verdict is the same with the mark
   a bullet, the finding keeps its severity.
2. "0 001": digits grouped in threes after a leading 0 are a code's, no one figure — before, joined into 1, an S07/D01
   错误 against ≥1000人.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from report_helpers import workbook_result
from test_num20 import _evaluation

from perfxl.numbers import join_digit_groups
from perfxl.values import parse_value


def _found(tmp_path, actual, target):
    found = workbook_result(tmp_path, *_evaluation(actual, target)).findings
    return {f.code: f for f in found if f.code not in ("I06", "T07")}


@pytest.mark.parametrize(
    ("actual", "target", "way"),
    [("▼8%", "增长≥5%", "▼”读作下降"), ("8%▼", "增长≥5%", "▼”读作下降"), ("▲8%", "下降≥5%", "▲”读作增长")],
)
def test_a_miss_resting_on_a_mark_read_direction_is_a_warning(tmp_path, actual, target, way):
    """Failed before: S07 and D01 错误 — read as a fall of 8% only because of the triangle, which may be a bullet (as
    "8%" the row met its target)."""
    found = _found(tmp_path, actual, target)
    for code, cell in (("S07", "H11"), ("D01", "I11")):
        f = found[code]
        assert (f.ref.cell, f.severity.value) == (cell, "warning"), code
        assert f"若把“{way}" in f.message, f.message
        assert f.basis and "项目符号" in f.basis and "实际 8% ≥ 目标 5%" in f.basis


def test_the_same_miss_in_words_keeps_its_error(tmp_path):
    found = _found(tmp_path, "下降8%", "增长≥5%")
    assert found["S07"].severity.value == "error" and found["D01"].severity.value == "error"


def test_a_verdict_the_mark_does_not_change_keeps_its_reading(tmp_path):
    """ "▼8%" against 下降≥5%: met whether the triangle is read or not — the same findings as "8%" gives."""
    marked = {(c, f.severity.value) for c, f in _found(tmp_path, "▼8%", "下降≥5%").items()}
    assert marked == {("S08", "warning"), ("S09", "info")}


@pytest.mark.parametrize("text", ["0 001", "00 123", "0 001 000"])
def test_a_leading_zero_group_is_no_grouped_figure(text):
    """Failed before: "0 001" joined into 0001 = 1."""
    assert join_digit_groups(text) == text
    p = parse_value(text)
    assert p.number is None and p.damaged


def test_grouped_figures_still_join():
    assert parse_value("1 000").number == Decimal(1000) and parse_value("-1 036.5").number == Decimal("-1036.5")


def test_a_code_of_zero_led_groups_is_one_warning(tmp_path):
    """Failed before: "0 001" read as 1 against ≥1000人 — S07 and D01 错误."""
    found = _found(tmp_path, "0 001", "≥1000人")
    assert {(c, f.severity.value) for c, f in found.items()} == {("I12", "warning")}


@pytest.mark.parametrize(
    ("text", "label"), [("≤▼5%", "▼"), ("≥▲5%", "▲"), ("≤ ▼5%", "▼"), ("不超过▼5%", "▼"), ("≤※5%", "※")]
)
def test_an_operator_before_a_mark_is_the_values_operator(text, label):
    """Failed before: the mark between "≤" and the figure hid the operator — "≤▼5%" had none (its label "≤▼")."""
    p = parse_value(text)
    assert p.op is not None and p.op.name == ("GE" if "≥" in text else "LE")
    assert p.label == label and p.direction is None and p.number == Decimal(5)


def test_a_target_printing_le_beside_a_mark_is_not_scored_as_ge(tmp_path):
    """Failed before: "≤▼5%" scored by the profile's default "≥" ("年度指标值未写运算符") — 3% a miss, S07/D01 错误; the
    cell prints "≤": 3% ≤ 5% meets it."""
    assert _found(tmp_path, "3%", "≤▼5%") == {}


@pytest.mark.parametrize(("actual", "target"), [("3%", "≤约5%"), ("3%", "≤（约）5%")])
def test_a_sign_printed_before_words_is_the_targets_way(tmp_path, actual, target):
    """Failed before: "≤约5%" had no operator (the word between hid it) and was scored by the default "≥" — 3% a miss,
    S07/D01 错误, on a cell that prints "≤"."""
    assert _found(tmp_path, actual, target) == {}


def test_a_miss_against_that_sign_keeps_its_error(tmp_path):
    found = _found(tmp_path, "8%", "≤约5%")
    assert found["S07"].severity.value == "error" and "按所写的“≤”理解" in (found["S07"].basis or "")
