"""A funds block whose weight is printed in its header, not in a 分值 column ("预算执行情况(万元)(20分)" |
"得分(20分*执行率)": 云南, 湖北 and 部门 forms in tests/realworld): the 得分 is checked against that weight,
and the template's weight is not called an adjustment (F06).

The layout is 云南 隆阳 2022's (tests/realworld/yunnan-longyang-huafei-2022.toml); the figures are made up.
"""

from __future__ import annotations

import openpyxl

from perfxl.validate import validate_file

FUNDS_HEADER = ["预算执行情况(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)", "", ""]
INDICATORS = [
    ["年度绩效目标 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    ["", "产出指标", "数量指标", "示范区面积", "≥500亩", "500亩", "80"],
]


def _validate(tmp_path, funds_header, score):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [
        ["2022年度项目支出绩效自评表"],
        ["项目名称", "化肥减量增效示范"],
        funds_header,
        ["年度财政资金总额", "200", "150", "75.00%", score, "", ""],
        *INDICATORS,
    ]:
        ws.append(row)
    ws.merge_cells("E4:G4")
    path = tmp_path / "declared.xlsx"
    wb.save(path)
    return validate_file(path)


def test_the_score_is_checked_against_the_weight_the_header_declares(tmp_path):
    result = _validate(tmp_path, FUNDS_HEADER, "16")  # 20 × 75% = 15
    [f05] = [f for f in result.findings if f.code == "F05"]
    assert (f05.ref.cell, f05.severity.value) == ("E4", "error") and "15" in f05.message
    assert not [k for k in result.coverage.skipped if k.code in ("F05", "F06")]
    assert not [f for f in result.findings if f.code == "F06"]  # 20 is the form's, not the filer's choice
    assert not [f for f in result.findings if f.code == "LAYOUT_FUNDS_CELL_MERGED"]


def test_a_right_score_is_quiet(tmp_path):
    result = _validate(tmp_path, FUNDS_HEADER, "15")
    assert not [f for f in result.findings if f.code in ("F05", "F06")]


def test_without_a_declared_weight_the_score_is_not_checked(tmp_path):
    plain = ["预算执行情况(万元)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分", "", ""]
    result = _validate(tmp_path, plain, "16")
    assert not [f for f in result.findings if f.code == "F05"]
    assert "F05" in {k.code for k in result.coverage.skipped}  # said, not silently skipped
