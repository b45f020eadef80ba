"""The staffing line of a 部门(单位)基本概况 table read as the 基础数据表's staffing facts (issue 11, held-out batch 14).

A 岳阳 部门整体支出绩效评价自评报告 opens with its cover and 一、部门(单位)基本概况: "联系人 │ … │ 人员编制 │ 128 │ 实有人数 │
185", label │ value pairs on one row. Those figures feed the one 超编 check (B02); since such a table does not say whether
实有 counts only staff on the 编制 (编外, 临聘 …), 185 > 128 is a 警告 stating both figures, never an 错误. The shapes are
cut from tests/realworld (岳阳县新开镇 2021: 128 │ 185; 岳阳市城市管理监督指挥中心 2018: 21 │ 21).
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import row_runs as _runs
from report_helpers import sheets_result as _sheets
from report_helpers import workbook_result as _workbook

E = ""


def _report(establishment="128", actual="185", heading="一、部门(单位)基本概况"):
    """新开镇 2021 as published: the cover lines, the 基本概况 grid, the 收入 table's heads (cell text as stored)."""
    rows = [
        ["岳阳县2021年度部门整体支出 绩效评价自评报告", E, E, E, E, E, E, E],
        ["部门(单位)名称:岳阳县新开镇政府", E, E, E, E, E, E, E],
        ["预算编码:", E, E, E, E, E, E, E],
        ["评价方式:部门(单位)绩效自评", E, E, E, E, E, E, E],
        ["评价机构:部门(单位)评价组", E, E, E, E, E, E, E],
        ["报告日期:2021年12月31日", E, E, E, E, E, E, E],
        [heading, E, E, E, E, E, E, E],
        ["联系人", "张颖慧", "联络电话", "0730-7802036", "人员编制", establishment, "实有人数", actual],
        ["职能职责概述", "制定并组织实施全镇的经济和社会发展规划,维护当地社会治安和社会稳定", E, E, E, E, E, E],
        ["年度部门(单位)总体运行情况及取得的成绩", "圆满完成了各项工作任务,保证了机关正常运转。", E, E, E, E, E, E],
        ["二、部门(单位)收支情况", E, E, E, E, E, E, E],
        ["年度收入情况(万元)", E, E, E, E, E, E, E],
        ["机构名称", "收入合计", "其中:", E, E, E, E, E],
        [E, E, "上年结转", "公共财 政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他", E],
    ]
    merges = ("A1:H1", "A2:H2", "A3:H3", "A4:H4", "A5:H5", "A6:H6", "A7:H7", "B9:H9", "B10:H10", "A11:H11")
    return rows, (*merges, "A12:H12", "A13:A14", "B13:B14", "C13:H13", "G14:H14")


def test_more_staff_than_posts_on_an_overview_is_a_warning_stating_both_figures(tmp_path):
    """新开镇 2021: 实有人数 185 against 人员编制 128 — B02 at the 实有人数 cell (H8), a 警告 (not an 错误) whose message
    names both figures and whose basis says the overview does not tell whether 实有 counts only staff on the 编制."""
    result = _workbook(tmp_path, *_report())
    found = [(f.ref.cell, f.severity.value) for f in _codes(result, "B02")]
    assert found == [("H8", "warning")], found
    b02 = _codes(result, "B02")[0]
    assert "185" in b02.message and "128" in b02.message
    assert "基本概况" in b02.basis and "编外" in b02.basis and "57" in b02.basis
    assert b02.certainty.value != "certain"
    assert _errors(result) == []


def test_the_overview_counts_as_a_read_table(tmp_path):
    """The staffing line is read (a 'basic' table over row 8), and the report's cover is not reported as a 自评表
    header with no table under it (LAYOUT_NO_TABLE), nor its narrative cells as unread 自评表 rows."""
    result = _workbook(tmp_path, *_report())
    assert ("basic", 8, 8) in _runs(result), _runs(result)
    assert all(s.read for s in result.coverage.sheets)
    assert not _codes(result, "LAYOUT_NO_TABLE") and not _codes(result, "LAYOUT_UNMAPPED_ROW")


def test_staff_within_the_posts_is_read_and_quiet(tmp_path):
    """城管监督指挥中心 2018's figures: 实有人数 21 = 人员编制 21 — read, nothing raised."""
    result = _workbook(tmp_path, *_report(establishment="21", actual="21"))
    assert ("basic", 8, 8) in _runs(result)
    assert not _codes(result, "B02") and not _codes(result, "B01") and not _codes(result, "LAYOUT_NO_TABLE")


def test_numbers_typed_as_numbers_read_the_same(tmp_path):
    """The same line with 128 and 185 typed as numbers (a workbook, not a web page's text)."""
    result = _workbook(tmp_path, *_report(establishment=128, actual=185))
    assert [(f.ref.cell, f.severity.value) for f in _codes(result, "B02")] == [("H8", "warning")]


def test_a_staffing_pair_under_no_overview_heading_is_not_read(tmp_path):
    """Without a 基本概况/基本情况 heading the two pairs are just cells of some table: not read as staffing facts."""
    result = _workbook(tmp_path, *_report(heading="一、部门(单位)联系方式"))
    assert not _codes(result, "B02")
    assert not any(kind == "basic" for kind, _, _ in _runs(result))


def test_a_basic_data_table_beside_an_overview_is_the_one_checked_and_keeps_its_error(tmp_path):
    """A 基础数据表 on a second sheet wins over the overview's line, silently (no LAYOUT_EXTRA_TABLE): its 实际在职人数
    45 > 编制数 32 stays the certain 错误 it is today, and the overview's 185 > 128 is not reported besides."""
    rows, merges = _report()
    basic = [
        ["2023年度部门整体支出绩效评价基础数据表", E, E, E],
        ["财政供养人员情况", "编制数", "2023年实际在职人数", "控制率"],
        [E, 32, 45, "140.63%"],
    ]
    result = _sheets(tmp_path, ("报告", rows, merges), ("基础数据表", basic, ()))
    assert [(f.ref.sheet, f.ref.cell, f.severity.value) for f in _codes(result, "B02")] == [
        ("基础数据表", "C3", "error")
    ]
    assert not _codes(result, "LAYOUT_EXTRA_TABLE")
