"""read24 (issue 11): table readings session 23 left open.

1. A dash before an indicator figure ("—800人") is a minus or a list's dash (read23: the cell unread, one I12). The
   row is now judged under both readings where both meet the target or both miss it: "—800人" against "≥1000人" misses
   either way, so full marks are wrong either way — S07/D01 say so as 警告 naming both readings (800人 scores 16,
   −800人 scores 0: the expected score rests on the sign). Where one reading meets and the other misses, the row stays
   unjudged (I12 alone names both readings).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from report_helpers import workbook_result
from test_num20 import _codes, _evaluation

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import validated, variant


def _row(result, row: int) -> set[tuple[str, str]]:
    return {
        (f.code, f.severity.value)
        for f in result.findings
        if getattr(f.ref, "row", None) == row and f.severity.value in ("error", "warning")
    }


# ---------------------------------------------------------------- 1. a dash before a figure: both readings


def test_full_marks_on_a_dashed_actual_missing_the_target_both_ways_is_a_warning(tmp_path):
    """Failed before: I12 only — "—800人" against ≥1000人 with 20 of 20 missed the target as 800 and as −800, and no
    check said a full 得分 is wrong either way."""
    result = workbook_result(tmp_path, *_evaluation("—800人"))
    found, codes = result.findings, _codes(result)
    assert codes == [("D01", "I11", "warning"), ("I12", "F11", "warning"), ("S07", "H11", "warning")]
    s07 = next(f for f in found if f.code == "S07")
    assert "按 800人 理解" in s07.basis and "若按 -800人 理解" in s07.basis


def test_a_real_table_dashed_actual_keeps_its_full_marks_finding(tmp_path):
    """山西 吉山 公共卫生 2021 row 12: 38508人 │ 37442人 │ 3 │ 3 — S07 and D01 (the hand check's). Printed "—37442人"
    (a list's dash before the figure) the row was I12 alone: both hand findings lost, though both readings miss."""
    got = _row(validated(variant("shanxi-jishan-gonggongweisheng-2021", {"F12": "—37442人"}), tmp_path), 12)
    assert {("I12", "warning"), ("S07", "warning"), ("D01", "warning")} <= got  # (W03 is the table's, at G12)
    assert not any(severity == "error" for _, severity in got)


@pytest.mark.parametrize("actual", ["—1036人次", "- 1036"])
def test_a_dashed_actual_met_one_way_only_stays_unjudged(tmp_path, actual):
    """1036 meets ≥1000人, −1036 does not: whatever a check said would rest on the sign — I12 alone."""
    assert _codes(workbook_result(tmp_path, *_evaluation(actual))) == [("I12", "F11", "warning")]


def test_a_dashed_target_met_both_ways_is_judged_as_the_plain_row(tmp_path):
    """1036 meets ≥1000 and ≥−1000 alike: the row is judged as "≥1000人" is (12 of 20 for a met target: S01 错误,
    D01 警告), certain — both readings give that verdict — plus the cell's I12."""
    rows, merges = _evaluation("1036", "≥—1000人")
    rows[10][7] = "12"
    plain_rows, _ = _evaluation("1036", "≥1000人")
    plain_rows[10][7] = "12"
    (tmp_path / "p").mkdir()
    (tmp_path / "q").mkdir()
    dashed = _codes(workbook_result(tmp_path, rows, merges))
    plain = _codes(workbook_result(tmp_path / "p", plain_rows, merges))
    assert ("S01", "H11", "error") in plain
    assert dashed == sorted([*plain, ("I12", "E11", "warning")])
    s01 = next(f for f in workbook_result(tmp_path / "q", rows, merges).findings if f.code == "S01")
    assert "结论相同" in s01.basis
