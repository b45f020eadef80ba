"""S and D checks: recomputed scores per direction, qualitative bands, bounds, full marks, 偏差原因."""

from __future__ import annotations

import pytest
from rules_helpers import SHEET, briefs, good_evaluation, replace_row, submission

from perfxl.validate import validate_submission

CODES = ["S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S11", "D01", "D02"]


@pytest.mark.parametrize("code", CODES)
def test_silent_on_a_correct_table(code):
    assert briefs(good_evaluation(), code) == []


def test_s01_seed_growth_score_9_should_be_9_83():
    ev = replace_row(
        good_evaluation(), 4, target="增长12%", actual="11.8%", weight=20, score=18, deviation="疫情影响企业生产放缓。"
    )
    found = validate_submission(submission(ev), select="S01")
    assert [f.brief() for f in found] == [("S01", SHEET, "H16")]
    assert found[0].expected == "19.67" and found[0].actual == "18"


def test_s02_reverse_score_uses_the_profile_formula(tmp_path):
    ev = replace_row(good_evaluation(), 3, actual="625元", score=10, deviation="物价上涨导致培训成本超出预期。")
    found = validate_submission(submission(ev), select="S02")
    assert [f.brief() for f in found] == [("S02", SHEET, "H15")]
    assert found[0].expected == "8"  # ratio: 10 × 500/625
    variant = tmp_path / "linear.toml"
    variant.write_text('name = "linear"\nextends = "national"\n[scoring]\nreverse = "linear2A"\n', encoding="utf-8")
    linear = validate_submission(submission(ev), str(variant), select="S02")
    assert linear[0].expected == "7.5"  # linear decline: 10 × (1 − 125/500)


def test_s03_equal_zero_target():
    ev = replace_row(
        good_evaluation(),
        1,
        name="安全事故数",
        target="=0起",
        actual="1起",
        score=10,
        deviation="发生一起轻微事故，已整改并加强安全培训。",
    )
    found = validate_submission(submission(ev), select="S03")
    assert [f.brief() for f in found] == [("S03", SHEET, "H13")]
    assert found[0].expected == "0"


def test_s04_negative_actual():
    ev = replace_row(good_evaluation(), 0, actual="-5人次", score=0, deviation="统计口径调整，数据待核实后更正。")
    assert briefs(ev, "S04") == [("S04", SHEET, "F12")]


def test_s05_qualitative_score_outside_its_band():
    ev = replace_row(
        good_evaluation(),
        5,
        actual="部分达成年度指标并具有一定效果",
        score=9,
        deviation="部分制度尚未印发，下年度完成修订。",
    )
    found = validate_submission(submission(ev), select="S05")
    assert [f.brief() for f in found] == [("S05", SHEET, "H17")]
    assert found[0].expected == "[6, 8)"


def test_s05_hubei_bands_are_80_50():
    ev = replace_row(
        good_evaluation(), 5, actual="部分达成预期指标", score=5.5, deviation="部分制度尚未印发，下年度完成修订。"
    )
    assert briefs(ev, "S05") == [("S05", SHEET, "H17")]
    assert briefs(ev, "S05", profile="hubei") == []


def test_s06_score_above_weight():
    ev = replace_row(good_evaluation(), 0, score=25)
    assert briefs(ev, "S06") == [("S06", SHEET, "H12")]


def test_s07_full_marks_for_a_missed_target():
    ev = replace_row(good_evaluation(), 4, score=20)
    assert briefs(ev, "S07") == [("S07", SHEET, "H16")]


def test_s08_seed_over_completion_without_explanation():
    ev = replace_row(good_evaluation(), 0, target="12家", actual="20家")
    found = validate_submission(submission(ev), select="S08")
    assert [f.brief() for f in found] == [("S08", SHEET, "I12")]
    assert "166.67%" in found[0].message
    explained = replace_row(ev, 0, deviation="年中招商引资超预期，年初目标设定偏保守，下年度据实调整。")
    assert briefs(explained, "S08") == []


def test_s08_threshold_is_inclusive_and_below_it_silent():
    assert briefs(replace_row(good_evaluation(), 0, target="≥10家", actual="13家"), "S08") == [("S08", SHEET, "I12")]
    assert briefs(replace_row(good_evaluation(), 0, target="≥10家", actual="12家"), "S08") == []


def test_s09_target_set_too_low():
    ev = replace_row(good_evaluation(), 0, target="12家", actual="20家")
    assert briefs(ev, "S09") == [("S09", SHEET, "E12")]
    assert briefs(replace_row(good_evaluation(), 0, target="12家", actual="17家"), "S09") == []


def test_s11_units_that_do_not_convert():
    ev = replace_row(good_evaluation(), 0, target="≥300人次", actual="5亿元")
    found = validate_submission(submission(ev), select="S11")
    assert [f.brief() for f in found] == [("S11", SHEET, "H12")]
    assert "计量单位" in found[0].message


@pytest.mark.parametrize(("target", "actual"), [("5个站点", "4个"), ("≥5个", "4个站点"), ("12家企业", "10家")])
def test_a_count_naming_what_it_counts_compares_with_the_bare_count_word(target, actual):
    """ "5个站点" against "4个" is 4 of 5 (the noun names what 个 counts): a missed target with full marks is S07's
    (was S11 "个站点 与 个 无法换算", the error unseen; S01 quiet on full marks since tests/test_gaps17.py)."""
    ev = replace_row(good_evaluation(), 0, target=target, actual=actual)
    assert {c for c, _, _ in briefs(ev)} >= {"S07"}
    # different nouns are not one quantity: the score stays unchecked
    other = replace_row(good_evaluation(), 0, target="5个站点", actual="4个学校")
    assert [c for c, _, _ in briefs(other) if c in ("S01", "S07", "S11")] == ["S11"]


def test_s13_an_actual_that_is_the_target_text_again_with_a_mark_before_the_figure():
    """宁夏 原州 2022 as OCR'd: target and actual both "工5%" (≥5% with ≥ read as 工), full marks — the actual only
    repeats the target; a bare "5%" against "5%" is a real actual and stays silent."""
    ev = replace_row(good_evaluation(), 1, target="工5%", actual="工5%")
    assert ("S13", SHEET, "F13") in briefs(ev, "S13")
    assert briefs(replace_row(good_evaluation(), 1, target="95%", actual="95%"), "S13") == []


def test_d01_missed_target_without_explanation():
    ev = replace_row(good_evaluation(), 4, deviation=None)
    assert briefs(ev, "D01") == [("D01", SHEET, "I16")]


def test_d02_placeholder_and_too_short():
    assert briefs(replace_row(good_evaluation(), 4, deviation="暂无"), "D02") == [("D02", SHEET, "I16")]
    assert briefs(replace_row(good_evaluation(), 4, deviation="疫情"), "D02") == [("D02", SHEET, "I16")]
    assert briefs(replace_row(good_evaluation(), 4, deviation="暂无"), "D01") == []


def test_d03_only_in_sichuan():
    ev = replace_row(good_evaluation(), 4, deviation="原因" * 60)
    assert briefs(ev, "D03") == []
    assert briefs(ev, "D03", profile="sichuan") == [("D03", SHEET, "I16")]
