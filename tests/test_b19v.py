"""Review b19v (issue 11): the 三公 change columns (B19) and the readings session 18 left half-probed — false paths.

1. A change or rate printing its direction in a mark the number parser drops — a minus other than "-" (−, U+2212) or
   one spaced from its figure ("- 58.80"), a word (减少58.80, 降6.02%), an arrow before or after (↓6.02%, 58.80↓),
   accounting brackets ((6.02%)) — was read unsigned: a fall printed so was a B19 错误 "符号相反" (perfxl/rules/basic.py
   `_printed_sign`). Brackets are a minus by convention only: a rise printed in them is a 警告.
2. A column printing no sign on any line under a header naming both ways (增、减额) may print sizes: an unsigned figure
   whose size agrees with a fall is a 警告, not an 错误; where another line of the column prints its sign, the column
   prints signs and an unsigned fall stays an 错误 (tests/test_lead18.py now prints the 合计's sign). A wrong size is an
   错误 either way.
3. "比上年减少" over "金额 │ 幅度": the header's words saying which way stand on the row above — the columns print sizes
   (perfxl/layout/three_public.py `_changes`).
4. A 其中 list past its total goes on by definition (`facts._further_part`) — not to a figure of another year
   ("公务用车购置及运行费2019年为35万元") or another stage ("…预算35万元" after a 决算 total): an N02 错误 before.
5. A 年度主要任务 block cut short and followed by headerless indicator rows named in its 任务名称 column (产出指标 │
   培训人次 │ 30), then 合计 100: the indicator rows were read as tasks, the 合计 an F11 错误 (task_funds.task_line).
"""

from __future__ import annotations

import pytest
from report_helpers import error_cells, findings_of, report_findings, workbook_result

E = ""
_MERGES = ("A1:E1", "A2:E2", "A3:A4", "B3:B4", "C3:C4", "D3:E3")


def _table(changes=None, rates=None, sub=("增、减额", "增、减幅度"), top="2015年决算比上年增、减情况"):
    """A 三公 决算 table of two years, every line fell, its changes printed with a minus (changes/rates: line → text)."""
    lines = [
        ["合 计", "1036.53", "972.75", "-63.78", "-6.15%"],
        ["1、因公出国(境)费", "12.23", "10.00", "-2.23", "-18.23%"],
        ["2、公务接待费", "977.30", "918.50", "-58.80", "-6.02%"],
        ["3、公务用车费", "47.00", "44.25", "-2.75", "-5.85%"],
    ]
    for i, text in (changes or {}).items():
        lines[i][3] = text
    for i, text in (rates or {}).items():
        lines[i][4] = text
    return [
        ["某县2015年度“三公”经费决算财政拨款情况统计表", E, E, E, E],
        ["单位:万元", E, E, E, E],
        ["项 目", "2014年决算数", "2015年决算数", top, E],
        [E, E, E, *sub],
        *lines,
    ]


def _b19(result):
    return sorted((f.ref.cell, f.severity.value) for f in findings_of(result, "B19"))


@pytest.mark.parametrize("text", ["−58.80", "- 58.80", "减少58.80", "下降58.80", "↓58.80", "58.80↓", "(58.80)"])
def test_a_fall_printed_with_a_mark_agrees(tmp_path, text):
    """Failed before (but "(58.80)", not read): D7 a B19 错误 "表中数值符号相反"."""
    assert _b19(workbook_result(tmp_path, _table(changes={2: text}), _MERGES)) == []


@pytest.mark.parametrize("text", ["−6.02%", "↓6.02%", "6.02%↓", "降6.02%", "减6.02%", "(6.02%)", "（6.02%）"])
def test_a_falling_rate_printed_with_a_mark_agrees(tmp_path, text):
    """Failed before: E7 a B19 错误 (6.02% read against −6.02%)."""
    assert _b19(workbook_result(tmp_path, _table(rates={2: text}), _MERGES)) == []


@pytest.mark.parametrize(
    "changes, rates, cell",
    [
        ({2: "+58.80"}, {}, "D7"),
        ({2: "增加58.80"}, {}, "D7"),
        ({2: "↑58.80"}, {}, "D7"),
        ({2: "58.80"}, {}, "D7"),  # unsigned in a column printing its signs: a rise, which it is not
        ({}, {2: "↑6.02%"}, "E7"),
        ({}, {2: "+6.02%"}, "E7"),
        ({}, {2: "增长6.02%"}, "E7"),  # (was not read: a 增长 rate's words)
        ({2: "-48.80"}, {2: "-7.02%"}, "D7"),
    ],
)
def test_a_printed_rise_for_a_fall_or_a_wrong_size_stays_an_error(tmp_path, changes, rates, cell):
    result = workbook_result(tmp_path, _table(changes=changes, rates=rates), _MERGES)
    assert (cell, "error") in _b19(result)


_UNSIGNED = {0: "63.78", 1: "2.23", 2: "58.80", 3: "2.75"}
_UNSIGNED_RATES = {0: "6.15%", 1: "18.23%", 2: "6.02%", 3: "5.85%"}


def test_a_column_printing_no_sign_may_print_sizes(tmp_path):
    """Failed before: eight B19 错误. 增、减额 │ 增、减幅度 with no sign on any line, every size right: 警告 each (the
    direction a person's to check), no 错误."""
    result = workbook_result(tmp_path, _table(changes=_UNSIGNED, rates=_UNSIGNED_RATES), _MERGES)
    found = _b19(result)
    assert len(found) == 8 and {s for _, s in found} == {"warning"}
    assert "未印正负号" in next(f for f in findings_of(result, "B19") if f.ref.cell == "D7").message


def test_a_wrong_size_in_an_unsigned_column_is_still_an_error(tmp_path):
    result = workbook_result(tmp_path, _table(changes={**_UNSIGNED, 2: "48.80"}, rates=_UNSIGNED_RATES), _MERGES)
    assert ("D7", "error") in _b19(result)
    assert not [c for c, s in _b19(result) if s == "error" and c != "D7"]


def test_a_rise_in_brackets_is_a_warning(tmp_path):
    """Brackets are a minus by convention: a rise printed "(4.25)" may mean a size — a 警告, not an 错误."""
    rows = _table()
    rows[7] = ["3、公务用车费", "40.00", "44.25", "(4.25)", "(10.63%)"]
    rows[4] = ["合 计", "1029.53", "972.75", "-56.78", "-5.52%"]
    found = _b19(workbook_result(tmp_path, rows, _MERGES))
    assert ("E8", "warning") in found and not [c for c, s in found if s == "error"]


def test_sizes_under_a_one_way_header_on_the_row_above(tmp_path):
    """Failed before: eight B19 错误. "比上年减少" over "金额 │ 幅度": the columns print the falls' sizes."""
    rows = _table(changes=_UNSIGNED, rates=_UNSIGNED_RATES, sub=("金额", "幅度"), top="比上年减少")
    assert _b19(workbook_result(tmp_path, rows, _MERGES)) == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "“三公”经费决算11.52万元,其中:公务接待费11.52万元,公务用车购置及运行费2019年为35万元。",
        "“三公”经费决算11.52万元,其中:公务接待费11.52万元,公务用车购置及运行费预算35万元,未执行。",
    ],
)
def test_a_list_does_not_go_on_to_another_years_or_stages_figure(tmp_path, paragraph):
    """Failed before: N02 错误 (11.52 against 11.52 + 35)."""
    assert not [f for f in report_findings(tmp_path, paragraph) if f.severity.value == "error"]


def test_a_task_block_cut_short_before_indicator_rows(tmp_path):
    """Failed before: F11 错误 at D7 (60 + 30 + 30 + 70 against the weights' 合计 100)."""
    rows = [
        ["部门整体支出绩效目标申报表", E, E, E, E],
        ["年度主要任务", "任务名称", "主要内容", "预算金额(万元)", "完成时限"],
        [E, "甲", "保障单位运转", "60", "2023年12月"],
        [E, "乙", "保障单位运转", "30", "2023年12月"],
        [E, "产出指标", "培训人次", "30", "≥500人次"],
        [E, "效益指标", "群众满意度", "70", "≥90%"],
        ["合计", E, E, "100", E],
    ]
    result = workbook_result(tmp_path, rows, ("A1:E1",))
    assert not findings_of(result, "F11") and not error_cells(result)


def test_a_task_block_closed_by_its_total_is_still_held_to_it(tmp_path):
    rows = [
        ["部门整体支出绩效目标申报表", E, E, E, E],
        ["年度主要任务", "任务名称", "主要内容", "预算金额(万元)", "完成时限"],
        [E, "甲", "保障单位运转", "60", "2023年12月"],
        [E, "乙", "保障单位运转", "30", "2023年12月"],
        ["合计", E, E, "100", E],
    ]
    assert [
        (f.ref.cell, f.severity.value) for f in findings_of(workbook_result(tmp_path, rows, ("A1:E1",)), "F11")
    ] == [("D5", "error")]


def _one_line(earlier: str, later: str, change: str, rate: str) -> list[list[str]]:
    return [
        ["某县2015年度“三公”经费决算财政拨款情况统计表", E, E, E, E],
        ["单位:万元", E, E, E, E],
        ["项 目", "2014年决算数", "2015年决算数", "比上年增、减情况", E],
        [E, E, E, "增、减额", "增、减幅度"],
        ["合 计", earlier, later, change, rate],
        ["1、公务接待费", earlier, later, change, rate],
        ["2、因公出国(境)费", "0", "0", "0", E],
        ["3、公务用车费", "0", "0", "0", E],
    ]


@pytest.mark.parametrize(
    "later, change, rate",
    [("82.00", "-18.00", "-0.18"), ("118.00", "18.00", "0.18"), ("0", "-100.00", "-1"), ("99.82", "-0.18", "-0.18")],
)
def test_a_rate_typed_as_text_without_a_percent_sign_is_read_either_way(tmp_path, later, change, rate):
    """Failed before for "-0.18" (−18%) and "-1" (−100%): a negative was read as a bare percent only, though "0.18" was
    read as 18% — text like a number cell: the reading closer to the quotient."""
    result = workbook_result(tmp_path, _one_line("100.00", later, change, rate), _MERGES)
    assert result.coverage.tables and _b19(result) == []


def test_a_rate_typed_as_text_wrong_either_way_stays_an_error(tmp_path):
    result = workbook_result(tmp_path, _one_line("100.00", "82.00", "-18.00", "-0.25"), _MERGES)
    assert ("E5", "error") in _b19(result)


@pytest.mark.parametrize("printed", ["1 036.53", "1036 .53"])
def test_a_figure_typed_with_spaces_is_no_label_of_its_line(tmp_path, printed):
    """Failed before: the 合计's "1 036.53" read as a second label of its line, its 2014 figure then "blank" — a B03 警告
    "总数未填写" over a printed total. Unread as printed (no number with a space inside), it is said blank by nothing."""
    rows = _table()
    rows[4][1] = printed
    result = workbook_result(tmp_path, rows, _MERGES)
    assert not [f for f in findings_of(result, "B03") if "未填写" in f.basis or "为空" in f.basis]
    assert not error_cells(result)
