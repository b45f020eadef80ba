"""Issue 11 ("every real table read", session 13).

1. A scoring table whose weights stand only in its labels (湖南 项目支出绩效自评指标计分表, 南县民政局 2022,
   tests/realworld/hunan-nanxian-minzheng-jifenbiao-2022.toml: 一级 │ 二级 │ 三级 │ 自评分 │ 具体指标 │ 评价标准, "项目 决策
   (20分)" › "项目 目标 (4分)" › "目标 内容 (4分)", no 分值 column) is read: every 三级 name stating its points, each row's
   weight is the one in its name (perfxl/layout/label_weights.py), a 二级's "(8分)" its declared weight; the coverage and
   each weight finding's basis say where the weight was read. All or nothing: a table with a name that states no points
   stays unread (不详 2017's 得分表, cut after "中央专款分配合规", tests/test_unread10.py). Sums over a table cut short (no
   总分 row) stay 警告s; a closed group whose labels contradict each other is an 错误 (both figures printed by the form as
   points); a score above its label's points is the 评分表's 警告 (its 评价标准 may grant 加分), as beside a 分值 column.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from report_helpers import workbook_result as _workbook

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
from render import validated, variant

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
    # cut short inside 项目管理: its sums are judgements that say the table may go on; nothing else is found
    assert _judged(result) == [
        ("LAYOUT_MISSING_TOTAL", "warning", "Sheet1!A3"),
        ("W02", "warning", "Sheet1!A9"),
        ("W02", "warning", "Sheet1!B9"),
        ("W03", "warning", "Sheet1!C4"),
        ("W05", "warning", "Sheet1!A9"),
    ]
    w02 = next(f for f in result.findings if f.code == "W02" and str(f.ref) == "Sheet1!B9")
    assert "名称中标注的分值" in w02.basis and "表格可能不完整" in w02.basis, w02.basis
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
