"""A unit conversion that does not end (13个月 = 1.0833…年) is shown in an explanation rounded with "≈", never as 28
digits (review 11c: "实际 1.083333333333333333333333333年"), and a count in a clause in its measure word; the score itself is computed from the exact value."""

from __future__ import annotations

from decimal import Decimal

from perfxl.scoring import score_indicator


def test_a_non_terminating_conversion_is_shown_rounded_and_the_score_stays_exact():
    result = score_indicator("≤1年", "13个月", 10)
    assert result.score == Decimal("9.23")  # 12/13 × 10 = 9.2307… → 9.23
    assert "≈1.0833年" in result.explanation
    assert "0833333" not in result.explanation and "0833333" not in result.explanation_en


def test_figures_that_end_are_shown_as_they_are():
    result = score_indicator("≥90%", "86.25%", 10)
    assert "86.25/90" in result.explanation and "≈" not in result.explanation
    exact = score_indicator("≤1年", "18个月", 10)
    assert "1.5年" in exact.explanation and "≈" not in exact.explanation


def test_a_count_in_a_clause_is_shown_in_its_measure_word_not_with_the_clause_borrowed_by_the_actual():
    result = score_indicator("完成15个村的道路硬化", "12个", 10)
    assert result.score == Decimal("8")
    assert "实际 12个 < 目标 15个" in result.explanation  # was "实际 12个村的道路硬化", a phrase the cell does not hold
    assert "12个村" not in result.explanation
