"""read23 (issue 11): a dash glued or spaced before an indicator figure ("—1036人次", "–1036", "—— 1036", "―1036")
is a minus by convention only — as likely a list's dash or a placeholder before the figure. Before, the dash went into
the label and the cell read +1036 with no word; now, in a 自评表's 年度指标值/实际完成值, the cell is unread with one I12
警告 naming both readings, as the spaced hyphen "- 1036" is (sign21). A dash alone ("—", "——", "—/—") stays a
placeholder, and a dash before words or before an operator is a list's dash (the figure stands)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from report_helpers import workbook_result
from test_num20 import _codes, _evaluation

from perfxl.values import ValueKind, parse_value, printed_sign, spaced_minus


@pytest.mark.parametrize("actual", ["—1036", "—1036人次", "–1036", "—— 1036", "―1036", "— 1036", "——1036人次"])
def test_a_dash_before_an_actual_is_one_warning_naming_both_readings(tmp_path, actual):
    """Failed before: no finding — "—1036" was +1036, met against ≥1000人, whatever the dash meant."""
    found = workbook_result(tmp_path, *_evaluation(actual)).findings
    codes = sorted((f.code, f.ref.cell, f.severity.value) for f in found if f.code not in ("I06", "T07"))
    assert codes == [("I12", "F11", "warning")]
    i12 = next(f for f in found if f.code == "I12")
    assert "-1036" in i12.message and "列表符号" in i12.message and "（1036" in i12.message


def test_a_dash_before_a_short_actual_is_no_error(tmp_path):
    """Failed before: "—800人" read +800 against ≥1000人 — S07/D01 错误 on a sign the cell does not make certain.
    read24: both readings (800人, -800人) miss the target, so S07/D01 are 警告 naming both (tests/test_read24.py)."""
    found = _codes(workbook_result(tmp_path, *_evaluation("—800人")))
    assert found == [("D01", "I11", "warning"), ("I12", "F11", "warning"), ("S07", "H11", "warning")]


def test_a_dash_before_a_target_is_one_warning(tmp_path):
    found = _codes(workbook_result(tmp_path, *_evaluation("1036", "—1000人")))
    assert found == [("I12", "E11", "warning")]


@pytest.mark.parametrize("text", ["—", "——", "—/—", "–", "— —", "―"])
def test_a_dash_alone_stays_a_placeholder(text):
    assert parse_value(text).kind is ValueKind.PLACEHOLDER
    assert spaced_minus(parse_value(text)).kind is ValueKind.PLACEHOLDER


@pytest.mark.parametrize(
    ("text", "number"), [("—≥1036人", 1036), ("—完成1036人次", 1036), ("1036—", 1036), ("—0", 0), ("-1036人次", -1036)]
)
def test_a_dash_the_cell_explains_keeps_the_figure(text, number):
    """A dash before an operator or words is a list's dash; one after the figure is no sign; a zero has one reading;
    a glued hyphen is a minus the text makes certain."""
    p = spaced_minus(parse_value(text))
    assert p.number == number and p.kind is not ValueKind.TEXT


def test_a_dash_with_an_operator_is_unread():
    p = spaced_minus(parse_value("≥—5%"))
    assert p.kind is ValueKind.TEXT and p.number is None and "-5%" in (p.reason or "")


def test_a_change_column_still_reads_a_dash_as_a_minus():
    """`parse_value` and `printed_sign` are unchanged: a 三公 change column reads a dashed figure as a minus by its
    convention ("dashed"); only a 自评表's indicator cell (`Context.parsed`) leaves it unread."""
    assert parse_value("—58.80").number == Decimal("58.80")
    assert printed_sign("—58.80") == (-1, "dashed")


def test_the_dash_pattern_gives_up_on_a_hostile_run():
    """100,000 dashes and spaces with no figure after them: no match (one loop; timed by hand at read23, see
    docs/engine.md)."""
    from perfxl.values import _DASH_BEFORE_FIGURE

    assert _DASH_BEFORE_FIGURE.search("—" + "— " * 50_000 + "x") is None
    assert _DASH_BEFORE_FIGURE.search("—" + "— " * 50_000 + "5") is not None
