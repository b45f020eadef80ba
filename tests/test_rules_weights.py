"""W checks: default weights, declared 一级 weights against their rows, totals, positive weights."""

from __future__ import annotations

import dataclasses

import pytest
from rules_helpers import EFF, OUT, SAT, SHEET, briefs, good_evaluation, heading, replace_row, submission

from perfxl.validate import validate_submission


@pytest.mark.parametrize("code", ["W01", "W02", "W03", "W04", "W05"])
def test_silent_on_a_correct_table(code):
    assert briefs(good_evaluation(), code) == []


def _declare(ev, out=50, eff=30, sat=10):
    return dataclasses.replace(
        ev,
        level1=(
            heading(OUT[0], OUT[1], "产出指标", out),
            heading(EFF[0], EFF[1], "效益指标", eff),
            heading(SAT[0], SAT[1], "满意度指标", sat),
        ),
    )


def test_w02_and_w05_effect_declares_35_while_rows_hold_30():
    ev = _declare(good_evaluation(), eff=35)
    found = validate_submission(submission(ev), select=["W02", "W05"])
    assert [f.brief() for f in found] == [("W02", SHEET, "B16"), ("W05", SHEET, "B16")]
    assert (found[0].expected, found[0].actual) == ("30", "35")
    assert (found[1].expected, found[1].actual) == ("100", "105")


def test_w05_silent_when_a_heading_declares_no_weight():
    ev = dataclasses.replace(
        good_evaluation(),
        level1=(
            heading(OUT[0], OUT[1], "产出指标", 60),
            heading("效益指标", EFF[1], "效益指标"),
            heading(SAT[0], SAT[1], "满意度指标", 10),
        ),
    )
    assert briefs(ev, "W05") == []


def test_w01_output_rows_holding_55_against_default_50():
    ev = replace_row(good_evaluation(), 0, weight=25, score=25)
    assert briefs(ev, "W01") == [("W01", SHEET, "B12")]


def test_w03_leaf_total_and_total_row_weight():
    """Weights 105 under a 总分 row of 100 (the full mark): one discrepancy, one W03 at the row's 分值 — the rows' sum
    against the full mark, its basis naming the row's 100. It was two (the second "总分行的分值应为 105") until
    held-out batch 28 (tests/test_heldout28.py)."""
    ev = replace_row(good_evaluation(), 0, weight=25, score=25)
    found = validate_submission(submission(ev), select="W03")
    assert [f.brief() for f in found] == [("W03", SHEET, "G19")]
    assert found[0].actual == "105" and found[0].expected == "100"
    assert "总分行的分值 100 即满分" in found[0].basis


def test_w04_zero_or_blank_weight():
    ev = replace_row(replace_row(good_evaluation(), 1, weight=0, score=0), 2, weight=None)
    assert briefs(ev, "W04") == [("W04", SHEET, "G13"), ("W04", SHEET, "G14")]


def _with_deduction(weight, score):
    """The good table with a 扣分项 row (违规使用资金扣分) and its 总分 95.5 + score."""
    from rules_helpers import cv, indicator

    ev = good_evaluation()
    row = indicator(19, SAT[0], "扣分项", "违规使用资金扣分", "", "", weight, score, level1_cell=SAT[1])
    return dataclasses.replace(ev, indicators=(*ev.indicators, row), total_score=cv(95.5 + score, "H20"))


@pytest.mark.parametrize("weight", [None, 5])
def test_a_deduction_row_has_no_weight_of_its_own(weight):
    """扣分项 │ 违规使用资金扣分 │ 分值 (空 or a 5-point cap) │ 得分 -2: no W04 "分值应大于 0", no S06 "below 0", and
    a cap of 5 is no part of the 100 (W03); the 总分 includes the deduction (T02)."""
    assert [c for c, _, _ in briefs(_with_deduction(weight, -2)) if c in ("W03", "W04", "S06", "T02")] == []


def test_a_deduction_beyond_its_cap_is_s06():
    assert briefs(_with_deduction(5, -8), "S06") == [("S06", SHEET, "H19")]
