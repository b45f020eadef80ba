"""T and G checks: 总分, grade, N/A rescaling, rounding, all-full-marks; goal text present, not copied, consistent."""

from __future__ import annotations

import dataclasses

from rules_helpers import (
    SEED_GOAL_ACTUAL,
    SEED_GOAL_EXPECTED,
    SHEET,
    briefs,
    cv,
    good_evaluation,
    replace_row,
    submission,
)
from table_cases import each1 as _each1

from perfxl.model import Goal
from perfxl.validate import validate_submission

_SILENT_ON_A_CORRECT_TABLE_CASES = ["T02", "T03", "T04", "T05", "T06", "T07", "G01", "G02", "G03"]


def _silent_on_a_correct_table(code):
    assert briefs(good_evaluation(grade=cv("优", "H20")), code) == []


def test_silent_on_a_correct_table():
    _each1(_SILENT_ON_A_CORRECT_TABLE_CASES, _silent_on_a_correct_table)  # one test a list (fast22b)


def test_t02_total_not_the_sum():
    found = validate_submission(submission(good_evaluation(total_score=cv(97, "H19"))), select="T02")
    assert [f.brief() for f in found] == [("T02", SHEET, "H19")]
    assert found[0].expected == "95.5"


_T02_A_BLANK_TOTAL_IS_UNFILLED_NOT_WRONG_CASES = [None, "", "—"]


def _t02_a_blank_total_is_unfilled_not_wrong(blank):
    """A 总分 left blank under filled scores is a 警告 giving the sum ("未填写，不是填错", as F02 and W03 say)."""
    found = validate_submission(submission(good_evaluation(total_score=cv(blank, "H19"))), select="T02")
    assert [(f.brief(), f.severity.value) for f in found] == [(("T02", SHEET, "H19"), "warning")]
    assert found[0].expected == "95.5" and "未填写" in found[0].basis


def test_t02_a_blank_total_is_unfilled_not_wrong():
    _each1(
        _T02_A_BLANK_TOTAL_IS_UNFILLED_NOT_WRONG_CASES, _t02_a_blank_total_is_unfilled_not_wrong
    )  # one test a list (fast22b)


_T02_A_TOTAL_CELL_SAYING_FULL_MARKS_IS_A_JUDGEMENT_CASES = ["满分100", "满分 100分"]


def _t02_a_total_cell_saying_full_marks_is_a_judgement(text):
    """ "满分100" in the 总分's 得分 cell may state the form's full mark rather than claim the score (review 10d): a 警告
    giving the sum, not an 错误; a plain 97 over scores adding to 95.5 stays an 错误 (test above)."""
    found = validate_submission(submission(good_evaluation(total_score=cv(text, "H19"))), select="T02")
    assert [(f.brief(), f.severity.value) for f in found] == [(("T02", SHEET, "H19"), "warning")]
    assert "满分" in found[0].basis and found[0].expected == "95.5"


def test_t02_a_total_cell_saying_full_marks_is_a_judgement():
    _each1(
        _T02_A_TOTAL_CELL_SAYING_FULL_MARKS_IS_A_JUDGEMENT_CASES, _t02_a_total_cell_saying_full_marks_is_a_judgement
    )  # one test a list (fast22b)


def test_t02_a_total_perfxl_cannot_read_is_coverage_not_an_error():
    """ "九五点五" or "9O" is perfxl's limit (C02 names the cell), not a wrong total."""
    found = validate_submission(submission(good_evaluation(total_score=cv("9O", "H19"))), select="T02")
    assert found == []


def test_t03_total_above_100():
    ev = replace_row(good_evaluation(total_score=cv(105.5, "H19")), 4, score=26)
    assert briefs(ev, "T03") == [("T03", SHEET, "H19")]


def test_t04_grade_does_not_follow_the_total():
    assert briefs(good_evaluation(grade=cv("良", "H20")), "T04") == [("T04", SHEET, "H20")]


def test_t05_not_applicable_rows_rescale_the_total():
    ev = replace_row(good_evaluation(total_score=cv(85.5, "H19")), 3, target="不适用", actual="不适用", score=0)
    found = validate_submission(submission(ev), select="T05")
    assert [f.brief() for f in found] == [("T05", SHEET, "H19")]
    assert found[0].expected == "95"  # 85.5 / 90 × 100
    assert briefs(dataclasses.replace(ev, total_score=cv(95, "H19")), "T05") == []


def test_t06_three_decimals():
    assert briefs(replace_row(good_evaluation(), 4, score=16.333), "T06") == [("T06", SHEET, "H16")]


def test_t07_every_row_full_marks():
    ev = replace_row(good_evaluation(total_score=cv(99.5, "H19")), 4, actual="5个", score=20)
    assert briefs(ev, "T07") == [("T07", SHEET, "H19")]
    [found] = validate_submission(submission(ev), select="T07")
    assert "可能不完整" not in found.basis


def test_t07_without_a_total_row_says_all_is_all_the_rows_shown():
    ev = replace_row(good_evaluation(total_score=None, total_weight=None), 4, actual="5个", score=20)
    [found] = validate_submission(submission(ev), select="T07")
    assert "总分行" in found.basis and "可能不完整" in found.basis  # the table may continue elsewhere


def test_g01_blank_goal_text():
    ev = good_evaluation(goals=(Goal(cv("完成培训300人次", "B9"), cv(None, "F9")),))
    assert briefs(ev, "G01") == [("G01", SHEET, "F9")]


def test_g02_seed_actual_only_repeats_the_expected_goal():
    ev = good_evaluation(goals=(Goal(cv(SEED_GOAL_EXPECTED, "B9"), cv(SEED_GOAL_ACTUAL, "F9")),))
    assert briefs(ev, "G02") == [("G02", SHEET, "F9")]


def test_g03_goal_numbers_contradict_the_indicator_actuals():
    ev = good_evaluation(goals=(Goal(cv("完成培训300人次", "B9"), cv("全年完成培训300人次，建成站点4个。", "F9")),))
    found = validate_submission(submission(ev), select="G03")
    assert [f.brief() for f in found] == [("G03", SHEET, "F9")]
    assert (found[0].expected, found[0].actual) == ("320人次", "300人次")
    assert "自评表!F12" in found[0].message


def test_g03_states_the_name_pairing_it_rests_on():
    """G03 pairs a subject of the goal text with an indicator by name similarity — a guess, so its basis must say which
    names were paired and how alike (the seed: 新规模企业 in the text ↔ 新进规模企业 in the table)."""
    ev = good_evaluation(goals=(Goal(cv("完成培训300人次", "B9"), cv("全年完成培训300人次，建成站点4个。", "F9")),))
    (g03,) = validate_submission(submission(ev), select="G03")
    assert g03.certainty.value == "guess" and g03.severity.value == "warning"
    assert "按名称相似度配对" in g03.basis and "↔“培训人次”" in g03.basis and "%" in g03.basis
    assert [str(r) for r in g03.related] == ["自评表!F12"]
