"""The PERF_* worksheet functions called directly (plain Python, no xlwings): they return the
engine's results for single cells and whole ranges, and a CellError (never an exception) for
bad input. The seed report's own numbers (隆回县科工信局 2023) are the worked examples."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfxl import functions as fx
from perfxl import rates, scoring
from perfxl.functions import CellError


def _engine_score(target, actual, weight):
    res = scoring.score_indicator(target, actual, weight)
    return float(res.score) if res.score is not None else None


# ---------------------------------------------------------------- the seed report's arithmetic


def test_seed_growth_indicator_scores_9_83_not_the_printed_9():
    # 增长12% target, 11.8% actual, weight 10: the report printed 9; 11.8/12×10 = 9.83
    assert fx.perf_score("增长12%", "11.8%", 10) == pytest.approx(9.83)
    assert "9.83" in fx.perf_explain("增长12%", "11.8%", 10)


def test_seed_execution_rate_is_100_not_the_printed_94_5():
    assert fx.perf_rate(2223.04, 2223.04) == 100.0
    assert fx.perf_exec_score(2223.04, 2223.04, 10) == 10.0


def test_seed_staff_control_rate_45_of_32():
    assert fx.perf_control_rate(45, 32) == pytest.approx(140.63)


def test_change_rate_on_budgets():
    # (63.46 − 32) / 32 = 98.3125% → 98.31 (domain-rules S13)
    assert fx.perf_change_rate(63.46, 32) == pytest.approx(98.31)


# ---------------------------------------------------------------- same as the engine, cell by cell

CASES = [
    ("≥12家", 20, 10),
    ("≥12家", 13, 10),
    ("≤90万元", 95, 8),
    ("≥100%", 0.9, 10),
    ("增长12%", "11.8%", 10),
    ("达成年度指标", "部分达成年度指标并具有一定效果", 10),
    ("≥95%", "98%", 5),
]


@pytest.mark.parametrize("target,actual,weight", CASES)
def test_single_cell_equals_engine(target, actual, weight):
    assert fx.perf_score(target, actual, weight) == _engine_score(target, actual, weight)


def test_whole_column_in_one_call_spills_engine_results():
    targets = [[t] for t, _, _ in CASES]
    actuals = [[a] for _, a, _ in CASES]
    weights = [[w] for _, _, w in CASES]
    out = fx.perf_score(targets, actuals, weights)
    assert out == [[_engine_score(*case)] for case in CASES]


def test_scalar_weight_broadcasts_over_a_column():
    out = fx.perf_score([["≥12家"], ["≥12家"]], [[20], [6]], 10)
    assert out == [[10.0], [5.0]]


def test_mismatched_ranges_give_na_outside_the_smaller_one():
    out = fx.perf_rate([[1], [2], [3]], [[2], [4]])
    assert out[:2] == [[50.0], [50.0]]
    assert isinstance(out[2][0], CellError) and out[2][0].code == "#N/A"


def test_floats_and_text_numbers_behave_like_numbers():
    assert fx.perf_score("≥12家", 20.0, 10.0) == fx.perf_score("≥12家", "20", "10") == 10.0
    assert fx.perf_rate("2,223.04", "2223.04") == 100.0
    assert fx.perf_control_rate(45.0, 32.0) == fx.perf_control_rate("45", "32")


# ---------------------------------------------------------------- bad input: CellError, never a traceback


@pytest.mark.parametrize("weight", [None, "", "   "])
def test_empty_weight_is_a_short_reason(weight):
    res = fx.perf_score("≥12家", 20, weight)
    assert isinstance(res, CellError) and res.code == "#VALUE!" and "分值" in res.message


def test_empty_cells_inside_a_range_do_not_stop_the_others():
    out = fx.perf_score([["≥12家"], [None], [""]], [[20], [5], [5]], 10)
    assert out[0] == [10.0]
    assert all(isinstance(r[0], CellError) and "年度指标值" in r[0].message for r in out[1:])


def test_bad_text_weight_names_the_text():
    res = fx.perf_score("≥12家", 20, "十分")
    assert isinstance(res, CellError) and "十分" in res.message


def test_unit_mismatch_explained_by_the_engine():
    res = fx.perf_score("≥12家", "20万元", 10)
    engine = scoring.score_indicator("≥12家", "20万元", 10)
    assert engine.score is None
    assert isinstance(res, CellError) and res.message == engine.error


def test_rate_unit_mismatch_and_zero_denominator():
    mismatch = fx.perf_rate("100万元", "2天")
    assert isinstance(mismatch, CellError) and mismatch.code == "#VALUE!"
    assert mismatch.message == rates.generic_rate("100万元", "2天").reason
    zero = fx.perf_rate(1, 0)
    assert isinstance(zero, CellError) and zero.code == "#DIV/0!"
    assert isinstance(fx.perf_exec_score(1, 0, 10), CellError)


def test_unknown_method_and_profile_are_reasons():
    assert "bogus" in fx.perf_score("≥12家", 20, 10, "bogus").message
    res = fx.perf_score("≥12家", 20, 10, None, "nosuch")
    assert isinstance(res, CellError) and "nosuch" in res.message


def test_profile_argument_changes_the_grade_bands():
    assert fx.perf_grade(91.5) == scoring.grade(Decimal("91.5"))
    assert fx.perf_grade([[95], [85], [70], [30]]) == [[scoring.grade(v)] for v in (95, 85, 70, 30)]
    assert isinstance(fx.perf_grade("x"), CellError)


def test_parse_parts():
    assert fx.perf_parse("≥12家") == 12.0
    assert fx.perf_parse("≥12家", "op") == "≥"
    assert fx.perf_parse("≥12家", "unit") == "家"
    assert fx.perf_parse("≥ 735 人次", "单位") == "人次"
    assert fx.perf_parse("达成年度指标", "tier") == 0
    assert isinstance(fx.perf_parse("效果明显"), CellError)
    assert "number" in fx.perf_parse("x", "bad").message


def test_method_names_in_the_argument_help_are_the_engines():
    import re

    from perfxl.excel import udfs
    from perfxl.scoring import METHODS

    named = re.findall(r"[a-z_]+(?:2A)?", udfs._METHOD)
    assert named and set(named) <= set(METHODS)
    assert fx.perf_score("≤90万元", 95, 8, "reverse_linear2A") == _engine_method("≤90万元", 95, 8, "reverse_linear2A")


def _engine_method(target, actual, weight, method):
    res = scoring.score_indicator(target, actual, weight, method=method)
    return float(res.score)


def test_a_result_beyond_excels_range_is_num_error_not_infinity():
    """PERF_RATE(9E+307, 0.5) is 1.8E+308 %: not a number Excel (or JSON) can hold → #NUM!."""
    from perfxl.functions import CellError, perf_rate

    out = perf_rate(9e307, 0.5)
    cell = out[0][0] if isinstance(out, list) else out
    assert isinstance(cell, CellError) and cell.code == "#NUM!"
