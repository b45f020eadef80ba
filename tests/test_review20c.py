"""review20c (issue 11): false paths of num20's number readings.

1. A sign spaced from its figure ("- 108", "- 5") is Excel's accounting print of a negative — or a list's dash, or a
   deduction's mark under 得分. num20 read it −108 in any cell: a 自评表's 全年执行数 "- 108" gave F02/F04/F05 错误, a
   得分 "- 5" S06/T02 错误, a 分值 "- 20" W04 错误 (before num20 the cell was silent). A minus by convention only, as
   brackets are: negative in a 部门预决算 table's figure cell and a 三公 change column, elsewhere unread with one C02.
2. W03 summed the weights it could read and gave an 错误 on a sum short by a weight C02 could not read ("▼20", "- 20",
   "M.8", "2 0"): a 警告 now, saying which weight is missing from the sum.
"""

from __future__ import annotations

import pytest
from report_helpers import workbook_result
from test_num20 import _codes, _evaluation


@pytest.mark.parametrize(
    ("row", "col", "text", "cell"), [(5, 4, "- 108", "E6"), (10, 7, "- 5", "H11"), (5, 3, "- 120", "D6")]
)
def test_a_spaced_sign_in_a_self_evaluation_cell_is_one_c02(tmp_path, row, col, text, cell):
    """Failed before: "- 108" under 全年执行数 was −108 — F02, F04, F05 错误 on a sign printed by convention only."""
    rows, merges = _evaluation("1036")
    rows[row][col] = text
    assert _codes(workbook_result(tmp_path, rows, merges)) == [("C02", cell, "warning")]


def test_a_minus_sign_stays_a_minus(tmp_path):
    """U+2212 is a minus in any cell (typeset text), as a glued "-" is: the sums' 错误 stand."""
    rows, merges = _evaluation("1036")
    rows[5][4] = "−108"
    assert ("F02", "E6", "error") in _codes(workbook_result(tmp_path, rows, merges))


@pytest.mark.parametrize("text", ["▼20", "- 20", "M.8", "2 0"])
def test_a_weight_perfxl_cannot_read_makes_the_weight_total_a_warning(tmp_path, text):
    """Failed before: W03 错误 "分值合计应为 100，实际为 80" — the unread weight left out of the sum as if 0."""
    rows, merges = _evaluation("1036")
    rows[10][6] = text
    found = workbook_result(tmp_path, rows, merges).findings
    w03 = [f for f in found if f.code == "W03"]
    assert [(f.ref.cell, f.severity.value) for f in w03] == [("G16", "warning")]
    assert "未能读取" in w03[0].message + (w03[0].basis or "")
    assert [(f.code, f.severity.value) for f in found if f.code == "C02"] == [("C02", "warning")]
