"""Review of tables21's readings (review21t, issue 11): false paths found in the goal block, the one-cell head field
and G04, each with the table shape that shows it.

1. a line merged across both goal columns ended the goal block even when more goals follow it — a goal printed across
   both columns ("目标2：群众满意度达到95%" with nothing beside it) is a goal, and the goal under it, 实际完成 left blank,
   lost its G01;
2. "项目名称   低票价运营补贴   主管部门   汨罗市交通运输局": two head fields in one cell read as one 项目名称 whose value ran
   on into the second field;
3. G04 stayed silent when the 实际完成 was a bare "完成" that the project's name happens to hold ("完成道路硬化"): it
   left the goal to G02, which skips a bare completion word — neither spoke.
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import workbook_result as _workbook

from perfxl.layout.detect import spaced_field

E = ""


def _pad(row: list[str], n: int = 8) -> list[str]:
    return row + [E] * (n - len(row))


def _national(name: str, goals: list[list[str]], goal_merges: tuple[str, ...]):
    """The national 项目支出绩效自评表 (财预〔2020〕10号 附件) with its 年度总体目标 block holding `goals` (rows 8 on)."""
    rows = [
        _pad(["项目支出绩效自评表"]),
        _pad(["（2023年度）"]),
        _pad(["项目名称", name]),
        ["主管部门", "某县交通运输局", E, E, "实施单位", "某县公路中心", E, E],
        ["项目资金(万元)", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [E, "年度资金总额", "100", "100", "90", "10", "90%", "9"],
        ["年度总体目标", "预期目标", E, E, "实际完成情况", E, E, E],
        *goals,
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        [E, "产出指标", "数量指标", "养护里程", "200公里", "200公里", "90", "90"],
        _pad(["总分", E, E, E, E, E, "100", "99"]),
    ]
    last = 7 + len(goals)
    merges = ("B3:H3", "B4:D4", "F4:H4", "A5:A6", f"A7:A{last}", "B7:D7", "E7:H7", *goal_merges)
    return rows, merges


def test_a_goal_merged_across_both_columns_with_goals_below_does_not_end_the_block(tmp_path):
    goals = [
        [E, "目标1：完成养护200公里", E, E, "已完成养护200公里", E, E, E],
        [E, "目标2：群众满意度达到95%", E, E, E, E, E, E],
        [E, "目标3：完成桥梁检测10座", E, E, E, E, E, E],
    ]
    rows, merges = _national("某县农村公路养护", goals, ("B8:D8", "E8:H8", "B9:H9", "B10:D10", "E10:H10"))
    result = _workbook(tmp_path, rows, merges)
    assert [f.ref.cell for f in _codes(result, "G01")] == ["E10"]
    assert not _errors(result)


def test_a_note_merged_across_under_the_last_goal_still_ends_the_block(tmp_path):
    goals = [
        [E, "完成养护200公里", E, E, "完成养护200公里，优良率90%", E, E, E],
        [E, "说明：实际完成情况据公路中心统计填列。", E, E, E, E, E, E],
    ]
    rows, merges = _national("某县农村公路养护", goals, ("B8:D8", "E8:H8", "B9:H9"))
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "G01") and not _codes(result, "G02")


def test_two_head_fields_in_one_cell_read_apart():
    assert spaced_field("项目名称   低票价运营补贴   主管部门   汨罗市交通运输局") == ("项目名称", "低票价运营补贴")
    # a value holding spaces of its own is kept whole (compared without them)
    assert spaced_field("项目名称  某县  农村公路  养护") == ("项目名称", "某县  农村公路  养护")


def test_a_goal_only_the_name_beside_a_bare_completion_word_is_said(tmp_path):
    goals = [[E, "完成道路硬化", E, E, "完成", E, E, E]]
    rows, merges = _national("完成道路硬化", goals, ("B8:D8", "E8:H8"))
    result = _workbook(tmp_path, rows, merges)
    assert [f.ref.cell for f in _codes(result, "G04")] == ["B8"]
    assert not _errors(result)


def test_a_goal_only_the_name_beside_a_fragment_of_it_is_g02s_alone(tmp_path):
    goals = [[E, "农村道路硬化", E, E, "硬化", E, E, E]]
    rows, merges = _national("农村道路硬化", goals, ("B8:D8", "E8:H8"))
    result = _workbook(tmp_path, rows, merges)
    assert [f.code for f in result.findings if f.code.startswith("G0")] == ["G02"]


def _two_row_indicator_header(merged: bool):
    """A 绩效指标 header of two rows: 指标值 over 预期目标 │ 实际完成 (the sub-row names only the two value columns)."""
    goal = [E, "完成养护200公里", E, E, "完成养护200公里，优良率90%", E, E, E]
    rows, merges = _national("某县农村公路养护", [goal], ("B8:D8", "E8:H8"))
    rows[8] = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", E, "分值", "得分"]
    rows.insert(9, [E, E, E, E, "预期目标", "实际完成", E, E])
    rows[10] = [E, "产出指标", "数量指标", "养护里程", "200公里", "200公里", "90", "90"]
    head = ("E9:F9", "A9:A10", "B9:B10", "C9:C10", "D9:D10", "G9:G10", "H9:H10") if merged else ()
    return rows, (*merges, *head)


def test_a_second_indicator_header_row_naming_the_two_value_columns_is_no_goal_block(tmp_path):
    for merged in (True, False):
        rows, merges = _two_row_indicator_header(merged)
        result = _workbook(tmp_path, rows, merges)
        assert not _codes(result, "G01") and not _codes(result, "LAYOUT_EMPTY_TABLE"), merged
        assert not _errors(result)


def test_a_goal_naming_the_project_without_its_year_or_xiangmu_is_said(tmp_path):
    """项目名称 "2023年污水处理项目", 预期目标 "污水处理": the same name, no goal (a 警告); a goal saying more is none."""
    goals = [[E, "污水处理", E, E, "处理污水3万吨", E, E, E]]
    rows, merges = _national("2023年污水处理项目", goals, ("B8:D8", "E8:H8"))
    assert [f.ref.cell for f in _codes(_workbook(tmp_path, rows, merges), "G04")] == ["B8"]
    goals = [[E, "污水处理3万吨", E, E, "处理污水3万吨", E, E, E]]
    rows, merges = _national("2023年污水处理项目", goals, ("B8:D8", "E8:H8"))
    assert not _codes(_workbook(tmp_path, rows, merges), "G04")
