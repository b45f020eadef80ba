"""General fixes prompted by held-out batch 26.

First run (measured once, before any change): recall 0/1, false 错误 0, unread tables 1 (7 tables); 警告 on unmarked rows
2 (F07 1, LAYOUT_NO_TABLE 1). The batch (≈ 45 look-ups — 33 searches of the pages store, the rest in the code store, its
files and one snapshot; every filled 自评表 the pages store returned already in the corpus, the province queries — 河南,
辽宁, 黑龙江, 青海 — returning none): 湖北 咸宁市生态环境局's 2021 转移支付区域 自评表 and 四川 泸县文化广电旅游局's 2024 部门整体
支出绩效目标申报表 (both cut short), and five 上海普陀 “三公”经费 tables from budget and 决算 PDFs a public repository keeps
(万里街道 2024, 司法局 2026, 规划和自然资源局 2024, 财政局 2024, 宜川路街道 2025).

1. 泸县 2024's money was unread: 总体资金情况(万元) │ 预算支出总额 │ 基本支出 (合计 │ 财政拨款 │ 专户资金 │ 单位资金) │ 项目支出
   (合计 │ …) over one line of figures — the 部门总体资金情况 printed across the columns, where 湖北's form prints it down
   the rows. Now read as its groups (perfxl/layout/across_funds.py), F11 holding the 总额 to the groups' 合计 and each
   group's 合计 to its sources.
2. 万里街道 2024's 三公 table prints 47.91 … 443.18 over the note "本部门2024年无“三公”经费和机关运行经费预算，故本表为空表":
   the note and the figures contradict each other. New B17 (perfxl/rules/basic.py): a note calling a 三公 table empty
   beside the figures it prints is an 错误 at the note (in traditional characters too).
3. probe_variants then lost that B17 on the table exported without its merges: unmerged, the columns under
   “三公”经费预算数 had no 预算数 and the table went unread. A blank header cell of a 三公 table without merges now takes the
   label left of it in its row, up to a column a row above starts a label of its own in (a unit note "单位：万元" starts
   none) — read as merged (perfxl/layout/three_public.py `_unmerged_spans`).

After the fixes: 1 / 1, no false 错误, 7 of 7 read.

The shapes are those of the real tables in tests/realworld, cut down to what the reader and the rules read.
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import workbook_result as _workbook

E = ""


def _luxian(total="1695.55", basic=("1478.75", "1478.75", E, E), project=("216.80", "216.80", E, E)):
    """泸县文化广电旅游局 2024 部门整体支出绩效目标申报表, its money across the columns (万元)."""
    return [
        ["2024年县级部门整体支出绩效目标申报表", E, E, E, E, E, E, E, E, E],
        ["预算部门:文化部门", E, E, E, E, E, E, E, E, E],
        ["总体资金情况(万元)", "预算支出\n总额", "基本支出", E, E, E, "项目支出", E, E, E],
        [E, E, "合计", "财政拨款", "专户资金", "单位资金", "合计", "财政拨款", "专户资金", "单位资金"],
        [E, total, *basic, *project],
        ["年度主要任务", "任务名称", E, E, "主要内容", E, E, E, E, E],
        [
            E,
            "基本支出:人员类、公用经费等运转类支出",
            E,
            E,
            "保障部门本级及下属单位人员类、公用经费等运转类支出。",
            E,
            E,
            E,
            E,
            E,
        ],
    ]


_LUXIAN_MERGES = ("A1:J1", "A2:J2", "A3:A5", "B3:B4", "C3:F3", "G3:J3", "A6:A7", "B6:D6", "E6:J6", "B7:D7", "E7:J7")


def _f11(result):
    return [(f.ref.cell, f.severity.value) for f in _codes(result, "F11")]


def test_a_department_money_block_across_the_columns_is_read(tmp_path):
    """The 申报表 is read as a table (its money block), not LAYOUT_NO_TABLE; its figures agree: nothing found."""
    result = _workbook(tmp_path, _luxian(), _LUXIAN_MERGES)
    assert not _codes(result, "LAYOUT_NO_TABLE"), result.coverage
    assert [s.kind for s in result.coverage.sheets if s.read] == ["declaration"]
    assert not _f11(result) and not _errors(result)


def test_its_total_is_held_to_the_groups_totals(tmp_path):
    """预算支出总额 1695.65 against 基本支出 1478.75 + 项目支出 216.80 = 1695.55: F11 错误 at the 总额."""
    result = _workbook(tmp_path, _luxian(total="1695.65"), _LUXIAN_MERGES)
    assert _f11(result) == [("B5", "error")]


def test_each_group_total_is_held_to_its_sources(tmp_path):
    """基本支出 合计 1478.75 against 财政拨款 1468.75 + 专户资金 10 + 单位资金 0 = 1478.75 holds; against 1468.75 + 0 + 0 it
    does not — F11 at the group's 合计; a 警告 while a source is left blank (it may hold the difference)."""
    assert not _f11(_workbook(tmp_path, _luxian(basic=("1478.75", "1468.75", "10", "0")), _LUXIAN_MERGES))
    assert _f11(_workbook(tmp_path, _luxian(basic=("1478.75", "1468.75", "0", "0")), _LUXIAN_MERGES)) == [
        ("C5", "error")
    ]
    assert _f11(_workbook(tmp_path, _luxian(basic=("1478.75", "1468.75", E, E)), _LUXIAN_MERGES)) == [("C5", "warning")]


def _wanli(
    note="注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。", figures=("47.91", "0", "1.35", "46.56", "25")
):
    """上海普陀 万里街道 2024 部门“三公”经费和机关运行经费预算表 (万元), the items across the columns, its note under them."""
    return [
        ["部门“三公”经费和机关运行经费预算表", E, E, E, E, E, E],
        ["编制部门：上海市普陀区人民政府万里街道办事处", E, E, E, E, E, "单位:万元"],
        ["2024年“三公”经费预算数", E, E, E, E, E, "2024年机关运行经费预算数"],
        ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", E, E, E],
        [E, E, E, "小计", "购置费", "运行费", E],
        # (运行费 0 with the others 0: read since gaps16, a 21.56 left there made the "empty" table print a figure)
        [*figures, "21.56" if figures[0] not in ("", "0") else figures[0], "443.18" if figures[0] else E],
        [note, E, E, E, E, E, E],
    ]


_WANLI_MERGES = ("A1:G1", "A2:F2", "A3:F3", "G3:G5", "A4:A5", "B4:B5", "C4:C5", "D4:F4", "A7:G7")


def test_a_note_calling_a_filled_three_public_table_empty_is_an_error(tmp_path):
    """47.91 = 0 + 1.35 + 46.56 holds, but the note says the table is empty: B17 错误 at the note, the figures named."""
    result = _workbook(tmp_path, _wanli(), _WANLI_MERGES)
    b17 = _codes(result, "B17")
    assert [(f.ref.cell, f.severity.value) for f in b17] == [("A7", "error")]
    assert "47.91" in b17[0].message and "本表为空表" in b17[0].message


def test_the_note_under_an_empty_table_is_no_finding(tmp_path):
    """The same note under a table whose figures are all blank or 0 says what the table shows: nothing found."""
    result = _workbook(tmp_path, _wanli(figures=("0", "0", "0", "0", "0")), _WANLI_MERGES)
    assert not _codes(result, "B17")


def test_a_note_about_another_table_is_no_finding(tmp_path):
    """A note naming no 三公 ("本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表" — the empty table printed next on
    the page) is not this table's: no B17."""
    note = "注:本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。"
    assert not _codes(_workbook(tmp_path, _wanli(note=note), _WANLI_MERGES), "B17")


def test_the_note_is_found_in_traditional_characters(tmp_path):
    """A mirror serving the page in traditional characters ("本表為空表", "本表爲空表"): the same B17."""
    for note in (
        "注:本部門2024年無“三公”經費和機關運行經費預算，故本表為空表。",
        "注:本部門2024年無“三公”經費和機關運行經費預算，故本表爲空表。",  # 爲: OpenCC's s2t for 为
    ):
        result = _workbook(tmp_path, _wanli(note=note), _WANLI_MERGES)
        assert [(f.ref.cell, f.severity.value) for f in _codes(result, "B17")] == [("A7", "error")], note


def test_the_table_exported_without_its_merges_is_read_the_same(tmp_path):
    """The same table with its header merges lost: “三公”经费预算数 over 合计 … 运行费 reaches the blank header cells right of
    it up to the next label of its own (机关运行经费预算数), 公务用车购置及运行费 likewise over 购置费 │ 运行费 — read as merged,
    the B17 the same; before, the columns under the lost merges had no 预算数 and the table went unread."""
    result = _workbook(tmp_path, _wanli(), ())
    assert [(f.ref.cell, f.severity.value) for f in _codes(result, "B17")] == [("A7", "error")]


def _guihua(final_reception="0.39"):
    """上海普陀 规划和自然资源局 2024 财政拨款“三公”经费支出决算表: each item over a 预算数 │ 决算数 pair, the unit at the edge."""
    return [
        ["财政拨款“三公”经费支出决算表", E, E, E, E, E, E, E, E, E, E, E],
        [E, E, E, E, E, E, E, E, E, E, E, "单位：万元"],
        ["财政拨款“三公”经费", E, E, E, E, E, E, E, E, E, E, E],
        ["合计", E, "因公出国（境）费", E, "公务用车购置及运行维护费", E, E, E, E, E, "公务接待费", E],
        [E, E, E, E, "小计", E, "公务用车购置费", E, "公务用车运行维护费", E, E, E],
        ["预算数", "决算数"] * 6,
        ["2.85", "0.39", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2.85", final_reception],
    ]


def test_an_unmerged_final_accounts_form_reads_its_last_column(tmp_path):
    """Unmerged, the 公务接待费 决算数 column (under the unit note "单位：万元", which starts no span) is still 公务接待费's:
    0.39 = 0.00 + 0.00 + 0.39 holds — no B03; 0.49 there would not."""
    assert not _codes(_workbook(tmp_path, _guihua(), ()), "B03")
    assert [(f.ref.cell, f.severity.value) for f in _codes(_workbook(tmp_path, _guihua("0.49"), ()), "B03")] == [
        ("B7", "error")
    ]
