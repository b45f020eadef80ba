"""Adversarial review of session 16's merges (noise16, heldout26, reports19, review16; issues 11 and 12): consistent
inputs built near each new reading's edges, from the real fixtures' shapes. Each test failed before its fix as its
docstring says; each also keeps the contradiction the reading was made for.
"""

from __future__ import annotations

import copy

import pytest
from report_helpers import findings_of as _codes
from report_helpers import workbook_result as _workbook
from rules_helpers import briefs, good_evaluation, replace_row
from test_document_realreport import codes_at_paragraph
from test_heldout26 import _LUXIAN_MERGES, _WANLI_MERGES, _luxian, _wanli
from test_review16 import _SANGONG, _with_text

from perfxl.grid import Grid
from perfxl.layout.three_public import read_three_public

E = ""


# ---------------------------------------------------------------- heldout26: B17, a note calling the table empty


@pytest.mark.parametrize(
    "note",
    [
        "注：如本部门无“三公”经费预算，则本表为空表。",
        "注：本部门无“三公”经费预算的，本表为空表。",
        "注：若本单位无“三公”经费支出，本表为空表。",
        "注：本表为空表的，说明本部门无“三公”经费预算。",
        "注：本部门2024年无因公出国（境）费预算，“三公”经费中该项为0；本表无数据的栏目表示该项无支出。",
        "注：本部门无因公出国（境）费预算；另附政府性基金“三公”经费表，本部门无该项，故该表为空表。",
    ],
)
def test_a_template_condition_or_a_part_of_the_table_is_no_note_calling_it_empty(tmp_path, note):
    """Shape: 上海普陀 万里街道's 三公 预算表 (47.91 = 0 + 1.35 + 46.56, all agreeing) under a template's condition ("如…则
    本表为空表", "…的，本表为空表", "本表为空表的，说明…"), a note on blank columns ("本表无数据的栏目表示…") or one on another
    table a sentence names before its 该表. Wrong before: B17 错误 "表注称本表为空表" on each — `said_empty` matched the
    words anywhere. Fix: the words must state this table empty flatly — no condition before them in their sentence, no
    的 after them, no table named before a 该表."""
    assert not _codes(_workbook(tmp_path, _wanli(note=note), _WANLI_MERGES), "B17")


def test_a_flat_note_calling_the_filled_table_empty_is_still_found(tmp_path):
    """The contradiction B17 was made for, in the words real forms print it: still 错误 at the note."""
    for note in (
        "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。",
        "本单位无“三公”经费支出，该表为空表。",
    ):
        b17 = _codes(_workbook(tmp_path, _wanli(note=note), _WANLI_MERGES), "B17")
        assert [(f.ref.cell, f.severity.value) for f in b17] == [("A7", "error")], note


def test_a_note_under_a_second_table_on_the_sheet_is_that_tables(tmp_path):
    """Shape: 万里街道's 三公 预算表 (47.91, agreeing, its own note naming no emptiness) and, below it on the same sheet,
    the 政府性基金预算“三公”经费支出预算表 with no figures and its note "本部门2024年无政府性基金预算安排的“三公”经费支出，
    故本表为空表". Wrong before: B17 错误 at that note against the first table's 47.91 — `said_empty` searched the whole
    grid. Fix: a note below a second table's title, after the first table's figures, is the second table's."""
    rows = _wanli(note="注：“三公”经费预算数按财政拨款安排。")
    rows += [
        [E] * 7,
        ["政府性基金预算“三公”经费支出预算表", E, E, E, E, E, E],
        ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", E, E, E],
        [E, E, E, "小计", "购置费", "运行费", E],
        [E] * 7,
        ["注：本部门2024年无政府性基金预算安排的“三公”经费支出，故本表为空表。", E, E, E, E, E, E],
    ]
    assert not _codes(_workbook(tmp_path, rows, (*_WANLI_MERGES, "A9:G9", "A13:G13")), "B17")


# ---------------------------------------------------------------- heldout26: funds printed across the columns


@pytest.mark.parametrize(
    ("first", "second"), [("年初预算数", "全年执行数"), ("预算数", "执行数"), ("2023年", "2024年")]
)
def test_groups_that_are_stages_of_the_money_are_no_parts_of_its_total(tmp_path, first, second):
    """Shape: 泸县's block with its two groups the same money at two stages — 总体资金情况 │ 资金总额 100 │ 年初预算数 (合计
    100 = 80 + 20) │ 全年执行数 (合计 95 = 75 + 20), all agreeing. Wrong before: F11 错误 "各子项之和为 195，合计栏为 100" —
    `across_block` took any two groups as addends of the 总额. Fix: a group named by a stage (预算数, 执行, 实际, 年初,
    全年, a year …) makes no block of parts."""
    rows = _luxian()
    rows[2] = ["总体资金情况(万元)", "资金总额", first, E, E, E, second, E, E, E]
    rows[3] = [E, E, "合计", "财政拨款", "其他资金", "单位资金", "合计", "财政拨款", "其他资金", "单位资金"]
    rows[4] = [E, "100", "100", "80", "20", E, "95", "75", "20", E]
    assert not [f for f in _workbook(tmp_path, rows, _LUXIAN_MERGES).findings if f.severity.value == "error"]


def test_the_parts_across_the_columns_are_still_held_to_their_total(tmp_path):
    """泸县's own 基本支出 │ 项目支出: a total 10 off its groups' is still F11 错误."""
    f11 = _codes(_workbook(tmp_path, _luxian(total="1705.55"), _LUXIAN_MERGES), "F11")
    assert [(f.ref.cell, f.severity.value) for f in f11] == [("B5", "error")]


# ---------------------------------------------------------------- reports19: a bracket naming a whole's defined parts


def test_a_bracket_naming_another_years_part_is_no_split_of_the_figure(tmp_path):
    """Shape: 杜集's 2021 决算 (公务用车 2.48 this year, 4 in 2020) said "2021年公务用车购置及运行维护费2.48万元（2020年公务用车
    运行维护费4万元）". Wrong before: N02 错误 "“其中”一项（公务用车运行维护费 4万元）超过了总数" — `_defined_whole_before` made
    any bracket naming a defined part the figure's parts. Fix: a bracket naming a year its figure's words do not is
    another year's figure, no split of this one."""
    said = "2021年公务用车购置及运行维护费2.48万元（2020年公务用车运行维护费4万元）。"
    assert codes_at_paragraph(tmp_path, _with_text(_SANGONG, said), 3) == []
    # the bracket splitting this year's figure is still held to it (1 + 2.48 > 2.48)
    said = "2021年公务用车购置及运行维护费2.48万元（公务用车购置费1万元，公务用车运行维护费2.48万元）。"
    assert codes_at_paragraph(tmp_path, _with_text(_SANGONG, said), 3) == [("N02", "error")]


# ---------------------------------------------------------------- noise16: 53号 ratios read lower-is-better


@pytest.mark.parametrize("name", ["城乡居民医保基金当期结余率", "职工基本医疗保险基金结余率"])
def test_a_funds_surplus_rate_is_no_budget_held_to(name):
    """Shape: a 医保 transfer's row "城乡居民医保基金当期结余率 │ ≥0% │ 3%" (a fund kept solvent: the more the safer).
    Wrong before: I13 警告 "越低越好" — noise16 added a bare 结余率 to `lower_is_better` for 53号's 结转结余率, and it
    matched any fund's. Fix: a budget's 结余率 only (结转结余率, 资金/预算/经费结余率)."""
    ev = replace_row(good_evaluation(), 0, name=name, target="≥0%", actual="3%")
    assert "I13" not in [code for code, *_ in briefs(ev)]
    # a budget's 结余率 stays a ceiling: "≥" on it is still asked
    ev = replace_row(good_evaluation(), 0, name="项目资金结余率", target="≥5%", actual="3%")
    assert "I13" in [code for code, *_ in briefs(ev)]


# ---------------------------------------------------------------- reports19: a table's kind from its caption

#: A 2021 决算 说明 (寿县司法局's table shape: items over one row of figures, no 预算 or 决算 in any cell) — spent 15 = 0 +
#: 10 + 5 of a 20 budget, the text and the table agreeing.
_EXECUTED = {
    "year": 2021,
    "paragraphs": [
        "某单位2021年度“三公”经费支出决算情况说明",
        "CAPTION",
        "单位:万元",
        "2021年度“三公”经费年初预算20万元，实际支出15万元。其中:因公出国(境)费支出0万元,公务接待费支出5万元,"
        "公务用车购置及运行费支出10万元。",
        "公务接待费预算8万元，决算5万元，公务用车购置及运行费预算12万元，决算10万元。",
    ],
    "tables": [
        {
            "name": "表1",
            "after": 3,
            "rows": [
                ["“三公”经费合计", "因公出国(境)费", "公务用车购置及运行费", E, E, "公务接待费"],
                [E, E, "小计", "公务用车购置费", "公务用车运行费", E],
                ["15", "0", "10", "0", "10", "5"],
            ],
            "merges": ["A1:A2", "B1:B2", "C1:E1", "F1:F2"],
        }
    ],
}


def _captioned(caption: str) -> dict:
    fixture = copy.deepcopy(_EXECUTED)
    fixture["paragraphs"][1] = caption
    return fixture


def test_a_caption_naming_the_budgets_execution_titles_spending(tmp_path):
    """Shape: that table under "2021年度“三公”经费预算执行情况表" (决算 说明 print it so). Wrong before: two N01 错误 at p5
    "“公务接待费预算数”为 8万元，而…本年预算数为 5万元" — `_kind_above` read any 预算 without 决算 as a 预算表, and the
    spending as budgets. Fix: 预算 followed by 执行/完成 names what was spent: the caption says 决算 (a sheet's title row
    the same, `_budget_only`)."""
    for caption in ("2021年度“三公”经费预算执行情况表", "表3 2021年“三公”经费预算完成情况表"):
        assert codes_at_paragraph(tmp_path, _captioned(caption), 5) == [], caption
    # read as spending, a wrong one is still found: 公务接待费 支出 6 against the table's 决算 5
    fixture = _captioned("2021年度“三公”经费预算执行情况表")
    fixture["paragraphs"][3] = fixture["paragraphs"][3].replace("公务接待费支出5万元", "公务接待费支出6万元")
    assert ("N01", "warning") in codes_at_paragraph(tmp_path, fixture, 4)
    # a caption naming the budget and its execution says neither: the table is not read as budgets
    assert codes_at_paragraph(tmp_path, _captioned("2021年“三公”经费预算及执行情况表"), 5) == []


def test_a_title_row_naming_the_budgets_execution_is_no_budget_title():
    """The same table in a sheet, its title "2021年“三公”经费预算执行情况表" a row of its own. Wrong before: read with its
    figures as 本年预算数 (`_budget_only`: 预算 without 决算). Now not as budgets (the title names no role perfxl reads
    for a sheet: the table is reported unread, coverage)."""
    rows = [["2021年“三公”经费预算执行情况表", E, E, E, E, E], *_EXECUTED["tables"][0]["rows"]]
    merged = ((0, 0, 0, 5), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 4), (1, 5, 2, 5))
    read = read_three_public(Grid("表1", rows, merged))
    assert read is None or not any(row.budget is not None and row.budget.text for row in read[0].rows)


# ---------------------------------------------------------------- review16: 分别 lists after several items


def test_a_respective_list_after_several_items_is_not_the_last_items(tmp_path):
    """Shape: 杜集's 2021 决算 说明 (接待 5.21 from 6, 公务用车 2.48 from 4) — "2021年公务接待费5.21万元，公务用车购置及运行维护费
    2.48万元，较上年分别减少0.79万元、1.52万元" and "公务接待费同比减少0.79万元，公务用车购置及运行维护费同比减少1.52万元，分别
    下降13.17%、38%". Wrong before: N01 错误 "公务用车购置及运行维护费与上年相比增减额为减少0.79万元，而…之差为 -1.52万元"
    (and the same for 13.17% against 38%) — the first figure of a 分别 list took the item named last. Fix: the first
    change (or rate) of a 分别 list after several items is read with no item; the list pairs by position only."""
    for said in (
        "2021年公务接待费5.21万元，公务用车购置及运行维护费2.48万元，较上年分别减少0.79万元、1.52万元。",
        "公务接待费同比减少0.79万元，公务用车购置及运行维护费同比减少1.52万元，分别下降13.17%、38%。",
    ):
        assert codes_at_paragraph(tmp_path, _with_text(_SANGONG, said), 3) == [], said
    # one item's change, no list: still held to the table (4 − 2.48 = 1.52, not 0.79)
    said = "2021年公务用车购置及运行维护费2.48万元，较上年减少0.79万元。"
    assert ("N01", "error") in codes_at_paragraph(tmp_path, _with_text(_SANGONG, said), 3)
