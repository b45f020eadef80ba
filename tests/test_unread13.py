"""Issue 11 ("every real table read", session 13).

1. A scoring table whose weights stand only in its labels (湖南 项目支出绩效自评指标计分表, 南县民政局 2022,
   tests/realworld/hunan-nanxian-minzheng-jifenbiao-2022.toml: 一级 │ 二级 │ 三级 │ 自评分 │ 具体指标 │ 评价标准, "项目 决策
   (20分)" › "项目 目标 (4分)" › "目标 内容 (4分)", no 分值 column) is read: every 三级 name stating its points, each row's
   weight is the one in its name (perfxl/layout/label_weights.py), a 二级's "(8分)" its declared weight; the coverage and
   each weight finding's basis say where the weight was read. All or nothing: a table with a name that states no points
   stays unread (不详 2017's 得分表, cut after "中央专款分配合规", tests/test_unread10.py). Sums over a table cut short (no
   总分 row) stay 警告s; a closed group whose labels contradict each other is an 错误 (both figures printed by the form as
   points); a score above its label's points is the 评分表's 警告 (its 评价标准 may grant 加分), as beside a 分值 column.

2. Findings a way of writing silenced (tests/realworld/probe_variants.py -q: "lost 9" → 0):
   - 河北 成安 2020 exported "取消合并并填充": "指标分值" merged down both header rows is typed again in the second, over
     权重占比(%) — a header cell repeating the one above it is the upper header's (`detect._filled_down`), so the weight
     stays 权重占比 and the 指标分值 column the description it holds (rows 12–15's S01 found again);
   - 重庆 彭水 2024 the same way: 项目预算管理 │ 资金投入 │ 预算资金安排 typed on each of 23 rows beside the stacked money
     lines; a text repeating the cell above is the merge's continuation, no cell of the line (`cells.unfilled_cells`), so
     the blocks open and F02 finds row 20's sum again;
   - 湖北 黄石 2022 exported without merges: one 得分 over two rows (G16:G17) left in G16 only; a blank score right under
     a scored row of the same 二级 may be that score (S13 reads it so, as a guess that says so — as I01 reads a blank
     name);
   - 宁夏 原州 2022 with "（全年）" after the target: "工5%（全年）" │ "工5%" is the target copied all the same (S13).

3. The fragment whose body never reached the stored copy (大英 2022, tests/realworld/sichuan-daying-tushuguan-fragment-2022):
   its second table's head and 四川 goals block (项目基本情况 │ 1.项目年度目标完成情况 │ 项目年度目标 │ 年度目标完成情况, the
   block's next item "2.项目实施内容及过程概述" no goal) are read now, as on every 四川 部门预算项目支出绩效自评表 of the corpus;
   its funds and 绩效指标 are not in the copy, which LAYOUT_NO_TABLE still says: it stays a table not read.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest
from report_helpers import workbook_result as _workbook

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
import probe_rewrites as P
import probe_variants as V
from render import CORPUS, load_table, validated, variant

NANXIAN = "hunan-nanxian-minzheng-jifenbiao-2022"
E = ""


def _judged(result) -> list[tuple[str, str, str]]:
    return sorted(
        (f.code, f.severity.value, str(f.ref)) for f in result.findings if f.severity.value in ("error", "warning")
    )


# ---------------------------------------------------------------- 1. weights in the labels


def test_the_nanxian_scoring_table_is_read_with_its_weights_from_the_labels(tmp_path):
    result = validated(variant(NANXIAN, {}), tmp_path)
    (sheet,) = result.coverage.sheets
    assert sheet.read and sheet.certain and sheet.kind == "project", sheet
    assert "名称中标注的分值" in sheet.note_zh, sheet.note_zh
    assert not [f for f in result.findings if f.code in ("LAYOUT_NO_TABLE", "LAYOUT_SHEET_IGNORED")]
    # cut short inside 项目管理: one judgement that says the table may go on, naming every sum it leaves short (noise15:
    # before, LAYOUT_MISSING_TOTAL, W02 at A9 and B9 and W05 said the same cut again); nothing else is found
    assert _judged(result) == [("W03", "warning", "Sheet1!C4")]
    w03 = next(f for f in result.findings if f.code == "W03")
    assert "名称中标注的分值" in w03.basis and "表格可能不完整" in w03.message, w03.basis
    assert "“资金 到位 (5分)”标注 5 分，所列 1 个三级指标分值合计 3" in w03.message and "合计 45" in w03.basis
    # 具体指标 and 评价标准 are both description columns: neither is "unmapped"
    assert not [f for f in result.findings if f.code == "LAYOUT_UNMAPPED_ROW" and f.ref.row > 3]


def test_a_closed_group_whose_labels_disagree_is_an_error_at_its_label(tmp_path):
    """决策 过程 (9分) over 决策 依据 (4分) + 决策 程序 (4分): the group ends where 资金 分配 begins, so no row of it is on
    another page — the form's own printed points contradict each other."""
    result = validated(variant(NANXIAN, {"B5": "决策 过程 (9分)"}), tmp_path)
    (w02,) = [f for f in result.findings if f.code == "W02" and str(f.ref) == "Sheet1!B5"]
    assert w02.severity.value == "error" and "名称中标注的分值" in w02.basis


def test_a_score_above_its_labels_points_is_the_scoring_tables_warning(tmp_path):
    result = validated(variant(NANXIAN, {"D4": "5"}), tmp_path)
    (s06,) = [f for f in result.findings if f.code == "S06"]
    assert s06.severity.value == "warning" and str(s06.ref) == "Sheet1!D4"
    assert "加分" in s06.basis and "名称中标注的分值" in s06.basis, s06.basis


def test_guard_a_name_stating_no_points_leaves_the_table_unread(tmp_path):
    """All or nothing: "分配 结果" without its "(5分)" — no row is called weightless, the table is not read."""
    result = validated(variant(NANXIAN, {"C8": "分配 结果"}), tmp_path)
    (sheet,) = result.coverage.sheets
    assert sheet.kind == "other" and "只有得分列" in sheet.note_zh and "未读入" in sheet.note_zh, sheet.note_zh
    assert not [f for f in result.findings if f.severity.value == "error"]


_COMPLETE = [
    ["2022年项目支出绩效自评指标计分表", E, E, E, E],
    ["一级指标", "二级指标", "三级指标", "自评分", "评价标准"],
    ["项目决策（20分）", "项目目标（10分）", "目标内容（10分）", "10", "设有目标"],
    [E, "决策过程（10分）", "决策依据（5分）", "5", "符合规划"],
    [E, E, "决策程序（5 分）", "4", "符合程序"],
    ["项目管理（20分）", "资金管理（20分）", "资金到位率（20分）", "20", "全部到位"],
    ["项目产出（40分）", "产出数量（40分）", "完成数量（40分）", "40", "全部完成"],
    ["项目效益（20分）", "满意度（20分）", "服务对象满意度 20分", "18", "≥90%"],
    ["总分", E, E, "97", E],
]
_COMPLETE_MERGES = ("A1:E1", "A3:A5", "B4:B5")


def _complete(tmp_path, **cells: str):
    rows = copy.deepcopy(_COMPLETE)
    for address, text in cells.items():
        rows[int(address[1:]) - 1][ord(address[0]) - ord("A")] = text
    return _workbook(tmp_path, rows, _COMPLETE_MERGES)


def test_a_whole_table_with_its_points_in_the_labels_says_nothing_when_they_agree(tmp_path):
    """ "（20分）", "(10 分)" and a bare "20分" are all the item's points; the 总分 row holds the sum of the 自评分."""
    assert _judged(_complete(tmp_path)) == []


def test_a_whole_table_totals_and_sums_are_checked_against_the_label_weights(tmp_path):
    judged = _judged(_complete(tmp_path, D9="98"))
    assert judged == [("T02", "error", "Sheet!D9")], judged
    judged = _judged(_complete(tmp_path, C5="决策程序（4分）"))
    # 决策过程 10 over 5 + 4, 项目决策 20 over 10 + 5 + 4: closed groups, both figures printed as points; the sum of
    # 99 stays W03's 警告 on a form without a funds block (its 预算执行率 分值 may be elsewhere)
    assert judged == [("W02", "error", "Sheet!A3"), ("W02", "error", "Sheet!B4"), ("W03", "warning", "Sheet!C3")]


# ---------------------------------------------------------------- 2. findings a way of writing silenced


def _written(name: str, how):
    table, _ = how(load_table(CORPUS / f"{name}.toml"))
    return table


def _at(result, code: str) -> list[tuple[str, str]]:
    return sorted((str(f.ref), f.severity.value) for f in result.findings if f.code == code)


def test_a_header_merged_down_and_exported_filled_keeps_its_second_rows_weight(tmp_path):
    result = validated(_written("hebei-chengan-gaolingjintie-2020", P.unmerged_filled), tmp_path)
    assert _at(result, "S01") == [(f"Sheet1!M{r}", "warning") for r in (12, 13, 14, 15)]
    assert _at(result, "C02") == []  # the 指标分值 column's descriptions are no weights "typed as text"
    assert not [f for f in result.findings if f.severity.value == "error"]


def test_labels_filled_down_beside_stacked_money_lines_leave_the_blocks_read(tmp_path):
    result = validated(_written("chongqing-pengshui-jihuashengyu-2024", P.unmerged_filled), tmp_path)
    assert result.coverage.sheets[0].read and result.coverage.sheets[0].kind == "project"
    assert _at(result, "F02") == [("Sheet1!F20", "error")]
    assert ("Sheet1!F10", "warning") in _at(result, "F13")


@pytest.mark.parametrize("how", [P.unmerged, P.unmerged_filled], ids=["unmerged", "unmerged_filled"])
def test_a_score_shared_by_two_rows_and_unmerged_still_backs_the_copied_actual(tmp_path, how):
    result = validated(_written("hubei-huangshi-tushuguan-gongxiang-2022", how), tmp_path)
    (s13,) = [f for f in result.findings if f.code == "S13" and str(f.ref) == "Sheet1!F17"]
    assert s13.severity.value == "warning" and "得分 10" in s13.message
    assert "G16" in s13.basis and "取消了合并" in s13.basis, s13.basis


def test_guard_a_blank_score_under_another_group_is_no_shared_score(tmp_path):
    """The row above in another 二级 (成本指标 under 时效指标) does not lend its score: nothing to say the two shared one."""
    table = _written("hubei-huangshi-tushuguan-gongxiang-2022", P.unmerged)
    table.rows[16][2] = "效率指标"  # row 17 opens a 二级 of its own
    result = validated(table, tmp_path)
    assert not [f for f in result.findings if f.code == "S13" and str(f.ref) == "Sheet1!F17"]


def test_a_target_naming_its_year_is_still_copied_by_its_actual(tmp_path):
    result = validated(_written("ningxia-yuanzhou-malingshu-2022", V.target_note), tmp_path)
    assert ("Sheet1!G20", "warning") in _at(result, "S13")


# ---------------------------------------------------------------- 3. 四川's goals block; a table cut after its goals


def test_the_sichuan_goals_block_is_read_and_its_next_item_is_no_goal(tmp_path):
    from render import render

    from perfxl.reader import read_submission

    path = render(load_table(CORPUS / "sichuan-daying-ankeitidai-2023.toml"), tmp_path)
    (ev,) = read_submission(path).evaluations
    assert [(g.expected.text, g.actual.text, str(g.actual.place())) for g in ev.goals] == [
        ("根据要求购买安可设备,并完成项目资金支付。", "完成", "Sheet1!H5")
    ]


def test_a_self_evaluation_cut_after_its_goals_says_its_funds_and_indicators_are_not_there(tmp_path):
    result = validated(load_table(CORPUS / "sichuan-daying-tushuguan-fragment-2022.toml"), tmp_path)
    (cut,) = [f for f in result.findings if f.code == "LAYOUT_NO_TABLE"]
    assert str(cut.ref) == "Sheet1!A10" and "年度总体目标" in cut.message and "绩效指标" in cut.message
    assert not [f for f in result.findings if f.code == "LAYOUT_UNMAPPED_ROW" and f.ref.row in (13, 14)]
