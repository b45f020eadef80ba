"""sign21 (issue 11, session 20's "Left"): signs, digit groups and header words in 自评表 cells — read only as the
cell makes certain.

1. A minus spaced from its figure ("- 1036", "- 5%") in a 自评表's 年度指标值/实际完成值 is as likely a list's dash or
   a placeholder before the figure as a minus: before, −1036 against "≥1000人" gave S07 and D01 错误 on a row whose
   actual may well be 1036. Now unread, one I12 警告 naming both readings (−1036 or 1036); a glued "-1036" — a sign
   the text makes certain — keeps its 错误, and U+2212 "−" is a minus sign only.
2. "1 100 200.50", "12 345 678.90", "1 036 200": digits grouped in threes where a group does not open with 0 may be
   several figures (a row's number 1, a count 100 and an amount 200.50 run together) — damaged (I12/C02, a 警告), as
   "100 200" already was; "1 036.53", "1 000 000" (every group opening with 0: no figure alone is printed so) stay one.
3. The 三公 table's change-column header words (增减额, 增减幅度, 变动 …) are profile data: the national profile's
   `[reader.three_public]`, which the reader reads (a variant may not restate them).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from report_helpers import workbook_result
from table_cases import each_case as _each_case
from table_cases import each_case1 as _each_case1
from test_num20 import _codes, _evaluation

from perfxl.errors import ProfileError
from perfxl.layout import three_public
from perfxl.numbers import join_digit_groups
from perfxl.profiles import load_profile
from perfxl.values import ValueKind, parse_value

# ---------------------------------------------------------------- 1. a spaced minus in an indicator cell


@pytest.mark.parametrize(("actual", "target"), [("- 1036", "≥1000人"), ("- 1,036", "≥1000人"), ("- 5%", "≥3%")])
def test_a_spaced_minus_in_an_actual_is_one_warning_naming_both_readings(tmp_path, actual, target):
    """Failed before: "- 1036" was −1036 — S04, S07 错误 (full marks for a shortfall) and D01 错误 (no explanation)."""
    found = workbook_result(tmp_path, *_evaluation(actual, target)).findings
    codes = sorted((f.code, f.ref.cell, f.severity.value) for f in found if f.code not in ("I06", "T07"))
    assert codes == [("I12", "F11", "warning")]
    i12 = next(f for f in found if f.code == "I12")
    figure = actual[2:].replace(",", "")
    assert f"-{figure}" in i12.message and f"后的 {figure}" in i12.message and "列表符号" in i12.message
    assert i12.basis and "可能是负数" in i12.basis


def test_a_spaced_minus_in_a_target_is_one_warning(tmp_path):
    found = _codes(workbook_result(tmp_path, *_evaluation("1036", "- 1000")))
    assert found == [("I12", "E11", "warning")]


@pytest.mark.parametrize("actual", ["-1036", "−1036", "− 1036"])
def test_a_sign_the_text_makes_certain_keeps_its_error(tmp_path, actual):
    """A glued "-" and the minus sign U+2212 (glued or spaced: it is no dash) are minus signs: the shortfall's 错误
    stand, as before."""
    found = _codes(workbook_result(tmp_path, *_evaluation(actual)))
    assert ("S07", "H11", "error") in found and ("D01", "I11", "error") in found


def test_a_spaced_minus_stays_a_minus_for_parse_value():
    """The context-free reading is unchanged (`parse_value`: −1036): a 部门预决算 table's figure cell and a 三公 change
    column read the spaced sign as a minus by their convention (review20c); only a 自评表's cell leaves it unread."""
    assert parse_value("- 1036").number == Decimal(-1036)


# ---------------------------------------------------------------- 2. digit groups that may be several figures


_GROUPS_A_SPACE_MAY_PART_ARE_NOT_ONE_FIGURE_CASES = ["1 100 200.50", "12 345 678.90", "1 036 200", "1 000 200.00"]


@_each_case1(_GROUPS_A_SPACE_MAY_PART_ARE_NOT_ONE_FIGURE_CASES)
def test_groups_a_space_may_part_are_not_one_figure(text):
    """Failed before: joined into one figure (1100200.50 …) on the decimals or one 0-led group alone."""
    assert join_digit_groups(text) == text
    p = parse_value(text)
    assert p.kind is ValueKind.TEXT and p.damaged and p.number is None and p.reason and "空格" in p.reason


_GROUPS_EVERY_ONE_OPENING_WITH_0_STAY_ONE_FIGURE_CASES = [
    ("1 036.53", "1036.53"),
    ("1 000 000", "1000000"),
    ("10 000.5", "10000.5"),
]


@_each_case(_GROUPS_EVERY_ONE_OPENING_WITH_0_STAY_ONE_FIGURE_CASES)
def test_groups_every_one_opening_with_0_stay_one_figure(text, number):
    assert parse_value(text).number == Decimal(number)


def test_an_actual_of_several_groups_is_one_warning(tmp_path):
    """Failed before: 1100200.50 against ≥1000人 — S08 警告 and S09 on a figure perfxl had guessed."""
    assert _codes(workbook_result(tmp_path, *_evaluation("1 100 200.50"))) == [("I12", "F11", "warning")]


# ---------------------------------------------------------------- 3. the change columns' header words


def test_the_change_columns_words_are_the_national_profiles():
    """Failed before: no `[reader.three_public]` in the profile — the words were regexes in the reader's code."""
    national = load_profile(None)
    words = three_public._words()
    for key in ("change_lines", "change_columns", "rate_columns", "way"):
        assert national.get(f"reader.three_public.{key}"), key
    assert "增减" in national.get("reader.three_public.change_columns")
    assert words.changes.search("增减额") and words.changes.search("2016年比2015年") and words.changes.search("较上年")
    assert words.rates.search("增减幅度") and words.rates.search("增幅(%)") and not words.rates.search("增减金额")
    assert words.lines.search("支出减少率") and words.lines.search("占比") and not words.lines.search("公务接待费")
    assert words.way.search("下降幅度") and not words.way.search("金额")


def test_a_variant_may_not_restate_the_change_words(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('name = "mine"\n[reader.three_public]\nway = ["增"]\n', encoding="utf-8")
    with pytest.raises(ProfileError):
        load_profile(path)


# ---------------------------------------------------------------- 4. triangles in 年度指标值 / 实际完成值


_A_TRIANGLE_GLUED_TO_THE_FIGURE_IS_ITS_DIRECTION_CASES = [
    ("▼8%", "down"),
    ("8%▼", "down"),
    ("▲8%", "up"),
    ("5.5%△", "up"),
]


@_each_case(_A_TRIANGLE_GLUED_TO_THE_FIGURE_IS_ITS_DIRECTION_CASES)
def test_a_triangle_glued_to_the_figure_is_its_direction(text, way):
    """Failed before: "▼8%" was 8% with a label "▼" (the fall dropped), "8%▼" a number in the unit "%▼"."""
    p = parse_value(text)
    assert p.kind is ValueKind.GROWTH and p.direction == way and p.unit == "%"


_A_TRIANGLE_THE_CELL_DOES_NOT_MAKE_A_DIRECTION_STAYS_UNREAD_CASES = ["▲ 8%", "≥▲5%", "▲5%以上", "▼-5%", "▲完成1036人"]


@_each_case1(_A_TRIANGLE_THE_CELL_DOES_NOT_MAKE_A_DIRECTION_STAYS_UNREAD_CASES)
def test_a_triangle_the_cell_does_not_make_a_direction_stays_unread(text):
    """Spaced from the figure, beside an operator, a sign or words, a triangle may be a bullet: no direction."""
    assert parse_value(text).direction is None and parse_value(text).kind is not ValueKind.GROWTH


def test_a_fall_printed_by_a_glued_triangle_is_scored_as_a_fall(tmp_path):
    """Failed before: "▼8%" against 增长≥5% read as a rise of 8% — met, silent. As "下降8%" is: S07/D01, the basis
    saying the direction is the mark's."""
    found = workbook_result(tmp_path, *_evaluation("▼8%", "增长≥5%")).findings
    s07 = next(f for f in found if f.code == "S07")
    assert s07.ref.cell == "H11" and s07.basis and "“▼”读作下降" in s07.basis


def test_a_triangle_left_unread_is_said_in_the_basis(tmp_path):
    """Failed before: the basis of "▲ 8%" against 增长≥5% did not say the mark was not read."""
    found = workbook_result(tmp_path, *_evaluation("▲ 8%", "增长≥5%")).findings
    s08 = next(f for f in found if f.code == "S08")
    assert s08.basis and "“▲”未作为增减方向读取" in s08.basis
