"""Review 10d (issue 11: no false 错误, and no real defect silenced): gaps10's readings and the lead's follow-ups that
reach every table, tried on variants of real corpus tables — each case marked "failed before" lost the real finding,
or gave a false one, on main at 4f3f1fd; each family keeps its guard.

1. gaps10 read words before a figure and a clause of four or more Chinese characters after it as a description (TEXT)
   unless a unit or a counted noun explained the whole clause. A target written as a phrase whose clause opens with its
   unit or count word ("完成全县15个乡镇的改造任务", "建成5公里道路并通过验收") became TEXT, and an actual falling short
   of it with full marks ("完成全县12个乡镇的改造任务") lost its D01/S01/S07 错误. A clause opened by a unit or count
   word is the figure's quantity again; a time word does not open one ("95周年来取得的成就" stays a description).
2. Guards that held: traditional 於/後/乾 around figures read as their simplified forms and leave a simplified text
   unchanged; labels in the 总分 row's score column ("分值", "满分100", "（100）", "自评得分：") are not the total, and
   a typed wrong total beside them is still a T02 错误.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import judged, validated, variant

from perfxl.chinese import to_simplified
from perfxl.values import ValueKind, parse_value

E = ""


# ---------------------------------------------------------------- 1. a phrase target opened by its unit

#: 贵池 2022 村级补助 (E 年度指标值 │ F 实际完成值 │ G 分值 │ H 得分; row 14 scored 8 of 8): the target and the actual
#: rewritten as phrases around their figures, the actual short of the target with full marks kept — a real defect.
_PHRASES = {
    "count-word": ("完成全县15个乡镇的改造任务", "完成全县12个乡镇的改造任务"),
    "unit": ("建成5公里道路并通过验收", "建成3公里道路并通过验收"),
}


@pytest.mark.parametrize(("target", "actual"), list(_PHRASES.values()), ids=list(_PHRASES))
def test_a_phrase_target_short_with_full_marks_keeps_its_errors(tmp_path, target, actual):
    """Failed before: D01/S01/S07 all silent (both cells read as TEXT, the comparison never made). Full marks on the
    miss are S07's one finding (tests/test_gaps17.py)."""
    result = validated(variant("anhui-guichi-cunji-2022", {"E14": target, "F14": actual}), tmp_path)
    assert {("S07", "error", 14), ("D01", "error", 14)} <= judged(result)


@pytest.mark.parametrize(("target", "actual"), list(_PHRASES.values()), ids=list(_PHRASES))
def test_the_same_phrase_met_draws_no_score_finding(tmp_path, target, actual):
    """Guard: the target met in the same words (full marks right) draws no S/D finding at the row."""
    result = validated(variant("anhui-guichi-cunji-2022", {"E14": target, "F14": target}), tmp_path)
    assert not {(c, s, r) for c, s, r in judged(result) if r == 14 and c[0] in "SD"}


@pytest.mark.parametrize(
    ("text", "number"),
    [("完成全县15个乡镇的改造任务", "15"), ("建成5公里道路并通过验收", "5"), ("开展1次绩效自评并形成报告", "1")],
)
def test_a_clause_opened_by_a_unit_or_count_word_is_a_quantity(text, number):
    """Failed before: TEXT."""
    p = parse_value(text)
    assert (p.kind, str(p.number)) == (ValueKind.NUMBER, number)


def test_a_clause_opened_by_a_time_word_stays_a_description():
    """Guard (gaps10): 周 opens 周年 — an anniversary inside a description, not 95 weeks."""
    assert parse_value("向社会宣传中国共产党成立95周年来取得的成就").kind is ValueKind.TEXT


# ---------------------------------------------------------------- 2. guards that held


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("後续管护率≥95%", "后续管护率≥95%"),
        ("不少於10个", "不少于10个"),
        ("乾旱地区灌溉面积≥1000亩", "干旱地区灌溉面积≥1000亩"),
    ],
)
def test_traditional_words_around_a_figure_read_as_simplified(traditional, simplified):
    a, b = parse_value(traditional), parse_value(simplified)
    assert (a.kind, a.op, a.number, a.unit) == (b.kind, b.op, b.number, b.unit)


def test_opencc_leaves_a_simplified_text_holding_a_converted_character_unchanged_elsewhere():
    text = "关於做好干部培训工作 后续管护 著作 乾坤 周年 里程 余额 台风"
    assert to_simplified(text) == text.replace("於", "于")


@pytest.mark.parametrize("label", ["分值", "得分", "满分100", "（100）", "自评得分："])
def test_a_label_in_the_total_rows_weight_column_leaves_a_wrong_total_an_error(tmp_path, label):
    """天长 2022 (总分 row 40: 分值 100 │ 得分 100; 预算执行率 10 + 指标 90): the 分值 cell printing a label and the
    得分 typed 95 — T02 stays an 错误, no C02 on the label."""
    result = validated(variant("anhui-tianchang-shuihan-2022", {"G40": label, "H40": "95"}), tmp_path)
    found = judged(result)
    assert ("T02", "error", 40) in found
    assert not [f for f in found if f[0] == "C02"]


# ---------------------------------------------------------------- 3. a 总分 typed in words


@pytest.mark.parametrize("text", ["见附件", "九十九"])
def test_a_total_in_words_is_not_called_a_typing_or_ocr_error(tmp_path, text):
    """gaps10 made a text 总分 the total's cell, which C02 names. Failed before: C02 said '疑为录入或识别错误，如“IO”'
    of Chinese words — a guess with no sign in the cell; the words are named as words, the sum not compared."""
    result = validated(variant("anhui-tianchang-shuihan-2022", {"H40": text}), tmp_path)
    c02 = [f for f in result.findings if f.code == "C02" and getattr(f.ref, "row", None) == 40]
    assert len(c02) == 1 and c02[0].severity.value == "warning"
    assert "识别错误" not in c02[0].message and "是文字" in c02[0].message
    assert not [f for f in result.findings if f.code == "T02" and f.severity.value == "error"]


def test_a_total_typed_with_letters_for_digits_keeps_the_typing_hint(tmp_path):
    result = validated(variant("anhui-tianchang-shuihan-2022", {"H40": "IOO"}), tmp_path)
    assert any(f.code == "C02" and "识别错误" in f.message for f in result.findings)


# ---------------------------------------------------------------- 4. a blank score under the total


@pytest.mark.parametrize(("cell", "named"), [("I6", "预算执行率"), ("H13", "指标1:完成中型灌区节水改造项目数量")])
def test_a_weighted_score_left_blank_makes_the_total_a_warning(tmp_path, cell, named):
    """天长 2022 (预算执行率 分值 10 │ 得分 10; 指标 9 × 10; 总分 100): one weighted score left blank. The 总分 100 is right
    if the blank is the 10 it should be (F05 says so of the 预算执行率得分) — which is wrong the cells do not say.
    Failed before: T02 错误 '总分应为 90 …，表中为 100' beside F05's '预算执行率得分应为 10，表中为（空）'."""
    result = validated(variant("anhui-tianchang-shuihan-2022", {cell: E}), tmp_path)
    t02 = [f for f in result.findings if f.code == "T02"]
    assert [f.severity.value for f in t02] == ["warning"]
    assert "得分未填写" in t02[0].basis and named in t02[0].basis


@pytest.mark.parametrize("cell", ["I6", "H13"])
def test_a_weighted_score_typed_0_keeps_the_total_an_error(tmp_path, cell):
    """Guard: a 0 is a typed figure, not a blank — the 总分 100 over scores adding up to 90 stays an 错误."""
    result = validated(variant("anhui-tianchang-shuihan-2022", {cell: "0"}), tmp_path)
    assert ("T02", "error", 40) in judged(result)


def test_a_wrong_total_over_filled_scores_stays_an_error(tmp_path):
    result = validated(variant("anhui-tianchang-shuihan-2022", {"H40": "95"}), tmp_path)
    assert ("T02", "error", 40) in judged(result)
