"""Session 23's merges met: perf23a's row facts reuse a target's or actual's reading kept by its text, and read23 /
review23a made a dash before an indicator's figure unread — a reading that turns on the cell, not the text. The
second row printing the same "—800人" took the first's plain parse (+800): S07 and D01 错误 on a sign the cell does
not make certain, where the first row got the I12 警告. Each row now reads such a text by its cell."""

from __future__ import annotations

from report_helpers import workbook_result
from test_num20 import _codes, _evaluation


def test_a_dash_before_a_figure_repeated_on_two_rows_is_unread_on_both(tmp_path):
    """Failed before the fix: [('D01', 'I12', 'error'), ('I12', 'F11', 'warning'), ('S07', 'H12', 'error')]."""
    rows, merges = _evaluation("—800人")
    second = list(rows[11])
    second[3:6] = ["培训人数", "≥1000人", "—800人"]
    rows[11] = second
    # read24: both readings (800人, -800人) miss ≥1000人, so each row carries the same S07/D01 警告 naming both
    row = [("D01", "I{}", "warning"), ("I12", "F{}", "warning"), ("S07", "H{}", "warning")]
    expected = sorted((code, cell.format(n), sev) for n in (11, 12) for code, cell, sev in row)
    assert _codes(workbook_result(tmp_path, rows, merges)) == expected


def test_a_plain_figure_repeated_on_two_rows_keeps_its_verdict(tmp_path):
    """The reuse still reads a plain repeated text: "800人" against ≥1000人 at full marks is a miss on both rows."""
    rows, merges = _evaluation("800人")
    second = list(rows[11])
    second[3:6] = ["培训人数", "≥1000人", "800人"]
    rows[11] = second
    codes = _codes(workbook_result(tmp_path, rows, merges))
    assert ("S07", "H11", "error") in codes and ("S07", "H12", "error") in codes
