"""Fixes prompted by the corpus misses (issue 11): hand-found errors in tests/realworld that perfxl missed, each shape
cut down from the real published table named in its test's docstring."""

from __future__ import annotations

from report_helpers import pad
from report_helpers import workbook_result as _workbook

E = ""


def _at(result, code, cell):
    return [f for f in result.findings if f.code == code and getattr(f.ref, "cell", None) == cell]


def _errors(result):
    return [(f.code, getattr(f.ref, "cell", None)) for f in result.findings if f.severity.value == "error"]


# ---------------------------------------------------------------- a source row that repeats 分值 │ 执行率 │ 得分


def _yuan(part_score="8"):
    """裕安区 市级文物保护专项经费绩效自评表 2022 (tests/realworld/anhui-yuan-wenwubaohu-2022.toml): the 其中:当年财政拨款
    row repeats the total's 29 │ 29 │ 27.8 │ 分值 9 │ 执行率 0.958 │ 得分 8; two indicator rows kept."""
    rows = [
        pad(["市级文物保护专项经费绩效自评表(2022年度)"]),
        pad(["项目名称", "市级文物保护专项经费"]),
        pad(["主管部门", "裕安区文化和旅游局", E, E, E, "实施单位", "裕安区文化和旅游局"]),
        pad(["项目资金 (万元)", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
        pad([E, "年度资金总额", "29", "29", "27.8", "9", "0.958", "8"]),
        pad([E, "其中:当年财政拨款", "29", "29", "27.8", "9", "0.958", part_score]),
        pad([E, "上年结转资金"]),
        pad([E, "其他资金"]),
        pad(["年度总体目标", "预期目标", E, E, E, "实际完成情况"]),
        pad([E, "完成文物日常维护和测绘。", E, E, E, "基本完成年度目标。"]),
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度 指标值", "实际 完成值", "分值", "得分", "偏差原因分析及改进措施"],
        pad([E, "产出指标", "数量指标", "指标2:修缮建筑面积", "6000平方米", "6000平方米", "7", "7"]),
        pad([E, E, "质量指标", "指标2:工程质量管理", "≥95%", "98%", "6", "6"]),
    ]
    merges = ("A1:I1", "B2:I2", "B3:E3", "G3:I3", "A4:A8", "H4:I4", "H5:I5", "H6:I6", "H7:I7", "H8:I8", "A9:A10",
              "B9:E9", "F9:I9", "B10:E10", "F10:I10", "A11:A13", "B12:B13")
    return rows, merges


def test_a_source_rows_repeated_score_wrong_by_its_figures_is_certain(tmp_path):
    """其中:当年财政拨款 prints 全年预算数 29, 全年执行数 27.8, 分值 9 and 得分 8: 9 × 27.8/29 = 8.63, not 8. The row's own
    cells make the slip certain, whether or not they copy the total's (the total's 8 is an 错误 too)."""
    rows, merges = _yuan()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "F05", "H6")
    assert found and all(f.severity.value == "error" for f in found), [(f.code, f.severity.value) for f in found]
    assert ("F05", "H5") in _errors(result)


def test_a_source_rows_right_repeated_score_is_silent(tmp_path):
    """The same row printing 8.63 (what its figures give): no F05 on it."""
    rows, merges = _yuan(part_score="8.63")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "F05", "H6")


def _fucai(part_rate="95.00%"):
    """宁夏福利彩票发行中心 2023 自评表 (tests/realworld/ningxia-fucai-app-2023.toml): 全年预算数 │ 全年执行数 │ 执行率, no
    分值; the 其中:中央财政补助 row repeats the total's 50万元 │ 47.68 │ 95.00%."""
    rows = [
        pad(["2023年福彩中心绩效项目支出自评表"], 7),
        pad(["专项(项目)名称", E, "彩票市场调控资金﹣宁夏福彩AP系统改版升级"], 7),
        pad(["中央主管部门", E, "中国福利彩票发行管理中心"], 7),
        pad(["自治区主管部门", E, "宁夏回族自治区民政厅", E, "资金使用单位", "宁夏福利彩票发行中心"], 7),
        pad(["项目资金 (万元)", E, E, "全年预算数", "全年执行数", "执行率"], 7),
        pad([E, "年度资金总额", E, "50万元", "47.68", "95.00%"], 7),
        pad([E, "其中:中央财政补助", E, "50万元", "47.68", part_rate], 7),
        pad([E, "地方资金"], 7),
        pad([E, "其他资金"], 7),
        pad(["总体目标完成情况", "总体目标", E, E, "全年实际完成情况"], 7),
        pad([E, "宁夏福彩APP优化升级改版。", E, E, "已完成改版升级。"], 7),
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
        pad([E, "产出指标", "数量指标", "福彩APP系统改版升级", "100%", "100%"], 7),
        pad([E, E, "质量指标", "验收合格率", "100%", "100%"], 7),
    ]
    merges = ("A1:G1", "A2:B2", "C2:G2", "A3:B3", "C3:G3", "A4:B4", "C4:D4", "F4:G4", "A5:C5", "F5:G5", "A6:A9",
              "B6:C6", "F6:G6", "B7:C7", "F7:G7", "B8:C8", "F8:G8", "B9:C9", "F9:G9", "A10:A11", "B10:D10", "E10:G10",
              "B11:D11", "E11:G11", "A12:A14", "B13:B14")
    return rows, merges


def test_a_source_rows_repeated_rate_wrong_by_its_figures_is_certain(tmp_path):
    """其中:中央财政补助 47.68 / 50 = 95.36%, printed 95.00% — the total's slip repeated on a row whose own cells make it
    certain: an 错误 at F7 as at F6."""
    rows, merges = _fucai()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "F04", "F7")
    assert found and all(f.severity.value == "error" for f in found), [(f.code, f.severity.value) for f in found]
    assert ("F04", "F6") in _errors(result)


def test_a_source_rows_right_repeated_rate_is_silent(tmp_path):
    rows, merges = _fucai(part_rate="95.36%")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "F04", "F7")
