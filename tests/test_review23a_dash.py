"""review23a: read23's dash before a figure, reviewed. Each test failed at ab62cb4d (read23's merge).

- The dash rule is an indicator value's (年度指标值, 实际完成值): a 分值, 得分 or funds figure is never below zero, so a
  dash before it is no minus and the figure reads as before read23 — "—10" as the funds weight was unread, and W05 gave
  a false 错误 (一级 labels 50 + 30 + 10 "应为 100"), F05/S01 on the row were lost (`Context._value_cells`).
- A target unread for its sign alone holds a figure: I03 "不是数值" (an 错误) was false (`Context.sign_unread`); so was
  I10 "应为百分比" of "—95%".
- A low score beside a value unread for its sign: met one way, missed the other — D01 a 警告, as for a direction the
  row's own cells dispute.
- A dash after the figure as well ("—1036人次；—95%", "— 1 —") marks a list or a page marker, never a minus: no I12."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from report_helpers import workbook_result
from test_num20 import _codes, _evaluation

from perfxl.values import parse_value, spaced_minus

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
from render import load_table, validated

_JISHAN = Path(__file__).resolve().parent / "realworld" / "shanxi-jishan-jiandanglika-2020.toml"


def _jishan_weights_dashed(tmp_path):
    """稷山 2020 (a real 自评表) with every 分值 printed after a dash ("10" → "—10")."""
    table = load_table(_JISHAN)
    weight_col = 6  # G: 分值 of the funds block and of the indicators
    table.rows = [
        [f"—{c}" if j == weight_col and c.strip().isdigit() else c for j, c in enumerate(row)] for row in table.rows
    ]
    return validated(table, tmp_path)


def test_a_dash_before_a_weight_is_no_minus(tmp_path):
    """Failed before: C02 on every 分值, W05 "合计 90 分，应为 100 分" as an 错误 (the funds weight unread), and the
    published table's F05 and S01 errors lost."""
    found = {(f.code, f.ref.cell if f.ref else "", f.severity.value) for f in _jishan_weights_dashed(tmp_path).findings}
    assert not any(code in ("C02", "W05") for code, _, _ in found)
    assert {("F05", "I6", "error"), ("S01", "H17", "error"), ("S01", "H18", "error")} <= found


@pytest.mark.parametrize("target", ["≥—1000人", "＞ —1000", "≥——1000人"])
def test_a_target_unread_for_its_sign_is_no_i03(tmp_path, target):
    """Failed before: I03 错误 "年度指标值“≥—1000人”不是数值" beside the I12 警告 that names both readings."""
    assert _codes(workbook_result(tmp_path, *_evaluation("1036", target))) == [("I12", "E11", "warning")]


def test_a_satisfaction_target_unread_for_its_sign_is_no_i10(tmp_path):
    """Failed before: I10 "满意度指标 … 年度指标值“—90%”应为百分比" — it is one, its sign in doubt."""
    rows, merges = _evaluation("1036")
    rows[14][4] = "—90%"
    found = _codes(workbook_result(tmp_path, rows, merges))
    assert found == [("I12", "E15", "warning")]


@pytest.mark.parametrize(
    ("actual", "target", "said"),
    [("—1036人次", "≥1000人", "负号无法确定"), ("1036", "≥—1000人", "已达到"), ("- 1036", "≥1000人", "负号无法确定")],
)
def test_a_low_score_beside_a_value_unread_for_its_sign_is_a_judgement(tmp_path, actual, target, said):
    """Failed before (the first two an 错误, the spaced hyphen's too): "—1036人次" met ≥1000人 with the dash a list's,
    missed it with the dash a minus — whether 19 of 20 owes a 偏差原因 is as uncertain. 1036 meets "≥—1000人" under
    both readings (≥1000, ≥−1000): the row is judged met (read24), the low score a judgement as on any met row."""
    rows, merges = _evaluation(actual, target)
    rows[10][7] = "19"
    d01 = [f for f in workbook_result(tmp_path, rows, merges).findings if f.code == "D01"]
    assert [(f.ref.cell, f.severity.value) for f in d01] == [("I11", "warning")]
    assert said in d01[0].basis


@pytest.mark.parametrize("actual", ["—1036人次；—95%", "—1036人次\n—合格率95%", "— 1 —", "—— 1036 ——"])
def test_a_dash_after_the_figure_too_is_no_minus(tmp_path, actual):
    """Failed before: I12 "可能是负号（负数 -1036人次）" on a list of dash-led items or a page marker."""
    assert not any(f.code == "I12" for f in workbook_result(tmp_path, *_evaluation(actual)).findings)
    read = parse_value(actual)
    assert spaced_minus(read) is read  # the parser's reading stands, as before read23


def test_a_lone_dash_before_an_actual_is_still_unread(tmp_path):
    """read23's reading stands where the dash is the only one."""
    assert _codes(workbook_result(tmp_path, *_evaluation("—1036人次"))) == [("I12", "F11", "warning")]


def test_the_dash_after_gate_is_linear():
    """100,000 characters after the figure with no dash: one scan (timed by hand, docs/engine.md)."""
    assert spaced_minus(parse_value("—1" + " " * 100_000)).reason is not None
    assert spaced_minus(parse_value("—1" + " " * 100_000 + "—")).reason is None


@pytest.mark.parametrize(
    "target", ["≧—1000人", "大于等于—1000人", "不低于—1000人", "≥- 1000人", "≥ - 1000人", "＞－ 1000"]
)
def test_a_dash_after_an_operator_in_any_spelling_is_unread(tmp_path, target):
    """Failed before: +1000 with no word ("≧—1000人", and the spaced hyphen after an operator), while "≥—1000人" and
    "- 1000人" were unread — the same content, two verdicts (ops_jis, ops_words spell ≥ so)."""
    assert _codes(workbook_result(tmp_path, *_evaluation("1036", target))) == [("I12", "E11", "warning")]


@pytest.mark.parametrize(("text", "number"), [("≥-5%", -5), ("≥—1036—", 1036), ("—≥1036人", 1036), ("完成—1036", 1036)])
def test_an_operator_keeps_what_the_cell_makes_certain(text, number):
    """A glued minus after an operator is one; a framed figure or a dash before the operator is a list's."""
    assert spaced_minus(parse_value(text)).number == number


def test_the_operator_patterns_are_linear():
    """100,000 spaces or dashes after an operator with no figure: one scan each (timed by hand, docs/engine.md)."""
    from perfxl.values import _OPERATED_DASH, _OPERATED_HYPHEN

    assert _OPERATED_DASH.search("≧—" + " " * 100_000 + "x") is None
    assert _OPERATED_HYPHEN.search("≥- " + " " * 100_000 + "x") is None
    assert _OPERATED_DASH.search("≧—" + " " * 100_000 + "5") is not None
