"""General fixes prompted by held-out batch 29 (five “三公”经费 tables published on their own; first run 0/9, 1/9 before
this session's work).

1. A 三公 table printing two years and their change columns (昌宁县本级 2015: 2014年决算数 │ 2015年决算数 │ 增、减额 │
   增、减幅度) had its change columns skipped. Now read as `BasicData.changes` (perfxl/layout/three_public.py `_changes`):
   the base from the headers (the earlier year, 上年 against 本年, the 预算 a 决算 is compared with); new B19
   (perfxl/rules/basic.py) holds each 增减额 to later − earlier and each 增减幅度 to 增减额 / base, at the printed decimals
   — an 错误 only when no figures within the printed amounts' rounding give the printed value, a 警告 when the headers
   leave the base open.
2. A 合计 and a 公务用车购置及运行费 printed blank over filled items (徐圩乡 2020) were not read (no figure on their line):
   item lines printed blank among the figure lines are kept, so B03's "总数未填写" 警告 names them, with a blank part
   counted as the sum of its own printed parts (合计 = 0 + 11.52 + (10 + 25) = 46.52).
3. 徐圩乡's 说明 "“三公”经费支出预算为11.52万元…其中:因公出国(境)费…0万元,公务接待费…11.52万元,公务用车购置及运行费…35万元"
   was read as a list ending at 0 + 11.52 (its parts had made the total): a list goes on when the next figure names a
   further part of the total by definition (perfxl/document/facts.py `_further_part`), so N02 holds 46.52 to 11.52.

The shapes are those of the real tables in tests/realworld, cut down to what the reader and the rules read.
"""

from __future__ import annotations

import pytest
from report_helpers import findings_of as _codes
from report_helpers import report_findings
from report_helpers import workbook_result as _workbook

E = ""

_CHANGNING_HEAD = ["项 目", "2014年决算数", "2015年决算数", "2015年决算比上年增、减情况", E]
_CHANGNING_MERGES = ("A1:E1", "A2:E2", "A3:A4", "B3:B4", "C3:C4", "D3:E3")


def _changning(
    head=None, total=("1953.72", "1957.23", "-3.51", "-0.2%"), reception=("977.3", "918.5", "-58.8", "-6.1%")
):
    """昌宁县县本级 2015年度“三公”经费决算财政拨款情况统计表 (万元), as published with its wrong 合计 change and rates."""
    return [
        ["昌宁县县本级2015年度“三公”经费决算财政拨款情况统计表", E, E, E, E],
        ["单位:万元", E, E, E, E],
        head or _CHANGNING_HEAD,
        [E, E, E, "增、减额", "增、减幅度"],
        ["合 计", *total],
        ["1、因公出国(境)费", "12.23", "65.98", "53.75", "437.7%"],
        ["2、公务接待费", *reception],
        ["3、公务用车费", "964.19", "972.75", "8.56", "0.9%"],
        ["其中:(1)公务用车运行维护费", "918.19", "939.99", "21.8", "2.40%"],
        ["(2)公务用车购置", "46", "32.76", "-13.24", "-28.8%"],
    ]


def _b19(result):
    return sorted((f.ref.cell, f.severity.value) for f in _codes(result, "B19"))


_PUBLISHED = [("D5", "error"), ("E5", "error"), ("E6", "error"), ("E7", "error"), ("E9", "error")]


def test_change_columns_are_held_to_their_two_years(tmp_path):
    """+3.51 printed −3.51 (and −0.2% for +0.18%), 439.49% printed 437.7%, −6.02% printed −6.1%, 2.374% printed 2.40%:
    B19 错误 each; the changes 53.75, −58.8, 8.56, 21.8, −13.24 and the rates 0.9%, −28.8% agree — nothing there."""
    result = _workbook(tmp_path, _changning(), _CHANGNING_MERGES)
    assert _b19(result) == _PUBLISHED
    sign = next(f for f in _codes(result, "B19") if f.ref.cell == "D5")
    assert "+3.51" in sign.message and "符号相反" in sign.message


def test_a_table_whose_changes_agree_has_no_finding(tmp_path):
    rows = _changning(total=("1953.72", "1957.23", "3.51", "0.2%"), reception=("977.3", "918.5", "-58.8", "-6.0%"))
    rows[5][4], rows[8][4] = "439.5%", "2.37%"
    assert not _b19(_workbook(tmp_path, rows, _CHANGNING_MERGES))


def test_the_base_from_last_year_and_this_year(tmp_path):
    """上年决算数 │ 本年决算数: 上年 is the base, as certain as the years."""
    head = ["项 目", "上年决算数", "本年决算数", "比上年增、减情况", E]
    assert _b19(_workbook(tmp_path, _changning(head), _CHANGNING_MERGES)) == _PUBLISHED


def test_years_printed_right_to_left(tmp_path):
    """2015年 │ 2014年 (the later year first): the base is still the earlier year, so +3.51 is right and −3.51 wrong."""
    head = ["项 目", "2015年决算数", "2014年决算数", "2015年决算比上年增、减情况", E]
    rows = _changning(head)
    for row in rows[4:]:
        row[1], row[2] = row[2], row[1]
    assert _b19(_workbook(tmp_path, rows, _CHANGNING_MERGES)) == _PUBLISHED


def test_a_base_the_headers_leave_open_is_a_warning(tmp_path):
    """预算数 │ 决算数 │ 增减额 with no word of which is compared with which: computed as 决算 − 预算, a 警告 saying so."""
    head = ["项 目", "预算数", "决算数", "增、减情况", E]
    found = _b19(_workbook(tmp_path, _changning(head), _CHANGNING_MERGES))
    assert found and all(severity == "warning" for _, severity in found)
    said = ["项 目", "预算数", "决算数", "决算比预算增、减情况", E]
    assert _b19(_workbook(tmp_path, _changning(said), _CHANGNING_MERGES)) == _PUBLISHED


def test_a_rate_within_the_rounding_of_the_printed_amounts_is_a_warning(tmp_path):
    """公务接待费 printed in whole 万元, 977 │ 918: they allow −6.14% … −5.94%, so a printed −6.1% (the quotient −6.0389%
    → −6.0%) may come from the unrounded amounts — a 警告, not an 错误 (the 合计 printed to match: 1953.42 │ 1956.73)."""
    rows = _changning(total=("1953.42", "1956.73", "3.31", "0.2%"), reception=("977", "918", "-59", "-6.1%"))
    rows[5][4], rows[8][4] = "439.5%", "2.37%"
    assert _b19(_workbook(tmp_path, rows, _CHANGNING_MERGES)) == [("E7", "warning")]


def test_kasi_budget_years_agree(tmp_path):
    """卡斯镇 2024: 2023年预算数 │ 2024年预算数 │ 增、减金额 │ 增、减幅度, 4 / 18.15 = 22.04% → 22%, 4 / 3 → 133%, a blank
    change on a line that did not change, "0" without its %: nothing."""
    rows = [
        ["2024年昌宁县卡斯镇“三公”经费预算财政拨款情况统计表", E, E, E, E],
        ["单位:万元", E, E, E, E],
        ["项目", "2023年预算数", "2024年预算数", "比上年增、减情况", E],
        [E, E, E, "增、减金额", "增、减幅度"],
        ["合计", "18.15", "22.15", "4", "22%"],
        ["1.因公出国(境)费", E, E, E, E],
        ["2.公务接待费", "3", "7", "4", "133%"],
        ["3.公务用车购置及运行费", "15.15", "15.15", E, E],
        ["其中:(1)公务用车购置费", E, E, E, E],
        ["(2)公务用车运行费", "15.15", "15.15", "0", "0"],
    ]
    result = _workbook(tmp_path, rows, ("A1:E1", "A2:E2", "A3:A4", "B3:B4", "C3:C4", "D3:E3"))
    assert not _b19(result)
    assert not [f for f in result.findings if f.severity.value == "error"]


_XUWEI_NOTE = (
    "蚌埠市怀远县徐圩乡人民政府2020年“三公”经费支出预算为11.52万元,增长0%,与2019年持平。其中:因公出国(境)费支出预算为0"
    "万元,公务接待费支出预算为11.52万元,公务用车购置及运行费支出预算为35万元。具体情况如下:"
)


def _xuwei(total=E, car=E, note=_XUWEI_NOTE):
    """徐圩乡 2020年“三公”经费预算财政拨款情况表 (万元) with its 说明, the 合计 and 公务用车 lines printed blank."""
    return [
        ["一、“三公”经费预算财政拨款情况表", E, E, E],
        [E, E, "单位:万元", E],
        ["项目", "2020年预算数", "上年预算数", "增幅(%)"],
        ["合计", total, E, E],
        ["因公出国(境)费", E, E, E],
        ["公务接待费", "11.52", "11.52", "0"],
        ["公务用车购置及运行费", car, E, E],
        ["其中:公务用车运行维护费", "10", "0", E],
        ["公务用车购置", "25", "0", E],
        ["二、 “三公”经费财政拨款支出情况说明", E, E, E],
        [note, E, E, E],
    ]


_XUWEI_MERGES = ("A1:D1", "A10:D10", "A11:D11")


def test_blank_totals_over_filled_items_are_warnings(tmp_path):
    """合计 blank over 0 + 11.52 + (10 + 25) and 公务用车购置及运行费 blank over 10 + 25: B03 警告 at each, the 合计's
    naming 46.52 (the blank 公务用车 counted as its own parts)."""
    result = _workbook(tmp_path, _xuwei(note="说明略。"), _XUWEI_MERGES)
    b03 = {f.ref.cell: f for f in _codes(result, "B03")}
    assert sorted((cell, f.severity.value) for cell, f in b03.items()) == [("B4", "warning"), ("B7", "warning")]
    assert "46.52" in b03["B4"].message and "35" in b03["B7"].message
    assert not [f for f in result.findings if f.severity.value == "error"]


def test_filled_totals_that_agree_have_no_finding(tmp_path):
    result = _workbook(tmp_path, _xuwei(total="46.52", car="35", note="说明略。"), _XUWEI_MERGES)
    assert not _codes(result, "B03")


def test_the_notes_total_is_held_to_its_own_items(tmp_path):
    """The 说明 row: 11.52万元 while its 其中 items are 0 + 11.52 + 35 = 46.52万元 — N02 错误 at the 说明's cell."""
    result = _workbook(tmp_path, _xuwei(total="46.52", car="35"), _XUWEI_MERGES)
    n02 = [(f.ref.cell, f.severity.value) for f in _codes(result, "N02")]
    assert ("A11", "error") in n02


@pytest.mark.parametrize(
    "paragraph, found",
    [
        (
            "“三公”经费支出预算为11.52万元。其中:因公出国(境)费支出预算为0万元,公务接待费支出预算为11.52万元,公务用车购置及运行费支出预算为35万元。",
            True,
        ),
        (
            "“三公”经费支出预算为46.52万元。其中:因公出国(境)费支出预算为0万元,公务接待费支出预算为11.52万元,公务用车购置及运行费支出预算为35万元。",
            False,
        ),
        # a figure after a list that made its total, of no part of it by definition: a new figure, as before
        ("“三公”经费支出预算为11.52万元,其中:因公出国(境)费0万元,公务接待费11.52万元,会议费35万元。", False),
    ],
)
def test_a_list_goes_on_past_its_total_to_a_part_by_definition(tmp_path, paragraph, found):
    findings = report_findings(tmp_path, paragraph)
    assert bool([f for f in findings if f.code == "N02" and f.severity.value == "error"]) is found


def _jiuting(other_rate="0.0%", other_spent=E):
    """松江区九亭镇 2020 财政项目支出绩效自评表's money (上海 10号 附1 layout, in 万元 here): the total executed 1450 at
    100.0%, its sources printing no 执行数 — 其他资金, the one funded source, its own 执行率 0.0%."""
    rows = [
        ["财政项目支出绩效自评表", E, E, E, E, E, E, E, E],
        ["2020年度", E, E, E, E, E, E, E, E],
        ["项目名称", "城镇建设管理", E, E, E, E, E, E, E],
        ["主管部门", "松江区九亭镇人民政府", E, E, E, "实施单位", "松江区九亭镇人民政府(本部)", E, E],
        ["项目资金(万元)", E, E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [E, "年度资金总额", E, "1450", "1450", "1450", "10", "100.0%", "10"],
        [E, "其中:当年财政拨款", E, E, E, E, "-", "0.0%", "-"],
        [E, "上年结转资金", E, E, E, E, "-", "0.0%", "-"],
        [E, "其他资金", E, "1450", "1450", other_spent, "-", other_rate, "-"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
        [E, "产出指标", "数量指标", "项目计划完成率", "100%", "100%", "90", "90", E],
        ["总分", E, E, E, E, E, "100", "100", E],
    ]
    merges = ("A1:I1", "A2:I2", "B3:I3", "B4:E4", "G4:I4", "A5:C5", "A6:A9", "B6:C6", "B7:C7", "B8:C8", "B9:C9")
    return rows, (*merges, "A10:A11", "A12:F12")


def test_a_total_spent_by_no_source_is_a_warning(tmp_path):
    """全年执行数 1450 on the total while no source prints one, and 其他资金 (budget 1450) prints its own 执行率 0.0%: the
    form's own rate says it spent nothing — an F02 警告 at the total's 执行数. Before: F02 summed printed sources only."""
    f02 = [(f.ref.cell, f.severity.value) for f in _codes(_workbook(tmp_path, *_jiuting()), "F02")]
    assert f02 == [("F6", "warning")]


@pytest.mark.parametrize("rate, spent", [(E, E), ("100.0%", "1450")])
def test_sources_leaving_their_spending_and_rate_blank_say_nothing(tmp_path, rate, spent):
    """A form leaving each source's 执行数 and 执行率 blank (the 7 corpus tables that do) — or printing them — no F02."""
    assert not _codes(_workbook(tmp_path, *_jiuting(rate, spent)), "F02")


def test_rates_typed_as_numbers_are_read_either_way(tmp_path):
    """Rates in number cells: a fraction formatted as a percent (−0.2878 for −28.78%, 4.3949 for 439.49%) or the percent
    typed bare (22 in a "(%)" column) — each read the way closer to the quotient; the right ones say nothing."""
    rows = _changning(total=("1953.72", "1957.23", "3.51", 0.0018), reception=("977.3", "918.5", "-58.8", -0.0602))
    rows[5][4], rows[7][4], rows[8][4], rows[9][4] = 4.3949, 0.0089, 2.37, -0.2878
    assert not _b19(_workbook(tmp_path, rows, _CHANGNING_MERGES))
    rows[9][4] = -0.3
    assert _b19(_workbook(tmp_path, rows, _CHANGNING_MERGES)) == [("E10", "error")]
