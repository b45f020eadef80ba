"""I checks: the form of indicator rows (names, coverage, numeric targets, operators, units, kinds)."""

from __future__ import annotations

import dataclasses

from rules_helpers import SHEET, briefs, cv, good_evaluation, indicator, replace_row, submission
from table_cases import each1 as _each1

from perfxl.validate import validate_submission

_SILENT_ON_A_CORRECT_TABLE_CASES = ["I01", "I02", "I03", "I04", "I05", "I07", "I08", "I09", "I10", "I11"]


def _silent_on_a_correct_table(code):
    assert briefs(good_evaluation(), code) == []


def test_silent_on_a_correct_table():
    _each1(_SILENT_ON_A_CORRECT_TABLE_CASES, _silent_on_a_correct_table)  # one test a list (fast22b)


def test_i01_row_without_a_name_and_name_repeating_level2():
    ev = replace_row(replace_row(good_evaluation(), 1, name=None), 2, name="时效指标")
    assert briefs(ev, "I01") == [("I01", SHEET, "D13"), ("I01", SHEET, "D14")]


def test_empty_placeholder_rows_are_skipped():
    rows = [
        *list(good_evaluation().indicators),
        indicator(30, "效益指标", "可持续影响指标", "……", None, None, None, None),
    ]
    ev = dataclasses.replace(good_evaluation(), indicators=tuple(rows))
    assert briefs(ev, "I01") == [] and briefs(ev, "W04") == []


def test_i02_missing_satisfaction_and_output_classes():
    ev = good_evaluation()
    no_sat = dataclasses.replace(ev, indicators=ev.indicators[:-1], level1=ev.level1[:2])
    assert briefs(no_sat, "I02") == [("I02", SHEET, "B12")]
    odd = replace_row(
        replace_row(replace_row(replace_row(ev, 0, level2="其他"), 1, level2="其他"), 2, level2="其他"),
        3,
        level2="其他",
    )
    assert briefs(odd, "I02") == [("I02", SHEET, "B12")]


def test_i03_operator_without_a_number():
    assert briefs(replace_row(good_evaluation(), 0, target="≥较多"), "I03") == [("I03", SHEET, "E12")]


def test_i04_nature_column_invalid_and_optional_operator_requirement(tmp_path):
    ev = good_evaluation()
    rows = list(ev.indicators)
    rows[0] = dataclasses.replace(rows[0], nature=cv("大于", "J12"), unit=cv("人次", "K12"))
    assert briefs(dataclasses.replace(ev, indicators=tuple(rows)), "I04") == [("I04", SHEET, "J12")]
    strict = tmp_path / "strict.toml"
    strict.write_text(
        'name = "strict"\nextends = "national"\n[checks.I04]\nrequire_operator_in_value = true\n', encoding="utf-8"
    )
    bare = replace_row(ev, 0, target="300人次")
    assert briefs(bare, "I04") == []
    assert briefs(bare, "I04", profile=str(strict)) == [("I04", SHEET, "E12")]


def test_i05_missing_and_unknown_units():
    # (培训人数, not the row's 培训人次: a name ending in its count unit states it since noise16, tests/test_noise16.py)
    # (and the actual "320" without its 人次: a 人数 row reads its unit from the actual since tests/test_gaps17.py)
    ev = replace_row(
        replace_row(good_evaluation(), 0, name="培训人数", target="≥300", actual="320"), 3, target="≤500咕噜"
    )
    assert briefs(ev, "I05") == [("I05", SHEET, "E12"), ("I05", SHEET, "E15")]


_I05_A_COUNT_WORD_WITH_THE_NOUN_IT_COUNTS_IS_A_KNOWN_UNIT_CASES = [
    "5个站点",
    "建设5个站点",
    "≥12家企业",
    "3座桥梁",
    "≥2倍",
    "3台套",
    "2场次",
]


def _i05_a_count_word_with_the_noun_it_counts_is_a_known_unit(target):
    """ "5个站点" is 5 of the unit 个, naming what is counted (was an I05 警告: unit "个站点" unknown)."""
    assert briefs(replace_row(good_evaluation(), 0, target=target), "I05") == []
    assert briefs(replace_row(good_evaluation(), 0, target="≥5个咕噜噜噜噜噜噜"), "I05") == [("I05", SHEET, "E12")]


def test_i05_a_count_word_with_the_noun_it_counts_is_a_known_unit():
    _each1(
        _I05_A_COUNT_WORD_WITH_THE_NOUN_IT_COUNTS_IS_A_KNOWN_UNIT_CASES,
        _i05_a_count_word_with_the_noun_it_counts_is_a_known_unit,
    )  # one test a list (fast22b)


def test_i06_one_advice_per_table_for_single_cell_targets():
    assert briefs(good_evaluation(), "I06") == [("I06", SHEET, "E12")]
    ev = good_evaluation()
    rows = tuple(dataclasses.replace(r, nature=cv("≥", f"J{r.row}")) for r in ev.indicators)
    assert briefs(dataclasses.replace(ev, indicators=rows), "I06") == []


def test_i07_percent_above_100():
    ev = replace_row(replace_row(good_evaluation(), 1, target="≥120%"), 6, actual="105%")
    # F18 (培训对象满意度 105%) is I12's since noise16, saying why a share cannot pass 100% (tests/test_noise16.py)
    assert briefs(ev, "I07") == [("I07", SHEET, "E13")]
    assert briefs(ev, "I12") == [("I12", SHEET, "F18")]


def test_i08_cost_as_a_floor_or_not_in_money():
    ev = replace_row(good_evaluation(), 3, target="≥500元")
    assert briefs(ev, "I08") == [("I08", SHEET, "E15")]
    assert briefs(replace_row(good_evaluation(), 3, target="≤5天"), "I08") == [("I08", SHEET, "E15")]


def test_i09_timeliness_as_free_text():
    assert briefs(replace_row(good_evaluation(), 2, target="尽快"), "I09") == [("I09", SHEET, "E14")]


def test_i10_satisfaction_not_a_percentage_or_a_ceiling():
    assert briefs(replace_row(good_evaluation(), 6, target="≥90分"), "I10") == [("I10", SHEET, "E18")]
    assert briefs(replace_row(good_evaluation(), 6, target="≤90%"), "I10") == [("I10", SHEET, "E18")]


def test_i11_qualitative_actual_not_a_tier():
    found = validate_submission(submission(replace_row(good_evaluation(), 5, actual="挺好")), select="I11")
    assert [f.brief() for f in found] == [("I11", SHEET, "F17")]
    assert "达成年度指标" in found[0].expected
