"""Session 21 (tables21): one of issue 11's four first-run misses, read in general.

No blind batch this session: ≈ 60 look-ups of the pages, code and docs stores and a whole fetch of
zxj6827111-blip/GovBudgetChecker returned no filled 自评表 not already in tests/realworld (the searches are listed in
tests/realworld/README.md, "Searches that found nothing new").

汨罗 2017's 低票价运营补贴 自评报告 (tests/realworld/hunan-miluo-dipiaojia-2017.toml, row 31) prints the 岳阳 财政支出项目
绩效评价自评报告 form (附件3): a cover of one-cell lines — "项目名称       低票价运营补贴", label and value kept apart by
spaces — and, under "项目绩效定性目标及实施计划完成情况", the goal block 预期目标 │ 实际完成 with no 年度总体目标 label
before it. Its one goal is "低票价运营补贴" │ "60%": the 预期目标 only repeats the project's name, so no goal is stated
and what the 60% measured cannot be told. Neither block was read. Now:

1. a row naming just the two goal columns (an expected-goal label, then an achievement label) is the goals' header;
2. a line merged across both goal columns under it (the next section's title) ends the goals, it is no goal;
3. one cell printing a head field's label, two spaces or more and its value is that field (项目名称, 主管部门 …);
4. new G04: a 预期目标 that is only the head's 项目名称 is a 警告 at the goal (an achievement repeating the name too is
   G02's one finding, not a second).

The shapes are the real table's, cut down to what the reader and the rules read.
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import workbook_result as _workbook

from perfxl.layout.detect import spaced_field

E = ""


def _miluo(goal="低票价运营补贴", done="60%", name="项目名称       低票价运营补贴"):
    """汨罗 2017's 自评报告 (岳阳 form, 附件3): the cover, the money block and the 定性目标 block, as transcribed."""
    rows = [
        ["汨罗市财政支出项目绩效评价自评报告", E, E, E, E, E, E, E],
        [name, E, E, E, E, E, E, E],
        ["主管部门       汨罗市交通运输局", E, E, E, E, E, E, E],
        ["一、项 目 基 本 概 况", E, E, E, E, E, E, E],
        ["项目起止时间", "2017年    1   月起至      2017    年   12    月止", E, E, E, E, E, E],
        ["计划安排资金 (万元)", "89", "实际到位资金 (万元)", "89", "实际支出 (万元)", "89", "结余(万元)", E],
        ["其中:中央财政", E, "其中:中央财政", E, "其中:中央财政", E, "其中:中央财政", E],
        ["县(市)财政", "89", "县(市)财政", "89", "县(市)财政", "89", "县(市)财政", E],
        ["三、项目绩效自评情况", E, E, E, E, E, E, E],
        ["项目绩效定性目标及实施计划完成情况", E, E, E, E, E, E, E],
        ["预  期 目 标", E, E, E, "实际完成", E, E, E],
        [goal, E, E, E, done, E, E, E],
        ["项目绩效定量目标(", E, E, E, E, E, E, E],
    ]
    merges = (
        "A1:H1", "A2:H2", "A3:H3", "A4:H4", "B5:H5", "A9:H9", "A10:H10",
        "A11:D11", "E11:H11", "A12:D12", "E12:H12", "A13:H13",
    )  # fmt: skip
    return rows, merges


def _goal_findings(result):
    return [(f.code, f.ref.cell, f.severity.value) for f in result.findings if f.code.startswith("G0")]


def test_a_goal_that_only_names_the_project_is_a_warning_at_the_goal(tmp_path):
    result = _workbook(tmp_path, *_miluo())
    assert _goal_findings(result) == [("G04", "A12", "warning")]
    (g04,) = _codes(result, "G04")
    assert "低票价运营补贴" in g04.message and "60%" in g04.message
    assert "项目名称" in g04.basis
    assert not _errors(result)


def test_a_stated_goal_is_no_finding(tmp_path):
    result = _workbook(tmp_path, *_miluo(goal="全年完成城区公交低票价运营，惠及乘客300万人次", done="完成"))
    assert _goal_findings(result) == []


def test_the_goal_block_is_read_and_the_line_under_it_is_no_goal(tmp_path):
    """The 定性目标 block read: a blank 实际完成 is G01's (the line merged across below is not a goal left blank)."""
    result = _workbook(tmp_path, *_miluo(goal="全年完成城区公交低票价运营", done=""))
    assert _goal_findings(result) == [("G01", "E12", "warning")]


def test_an_achievement_repeating_the_name_too_is_said_once(tmp_path):
    """稷山 2021's 国家基本公共卫生服务 │ 国家基本公共卫生服务: G02 (the achievement restates the goal), no G04 beside it."""
    result = _workbook(tmp_path, *_miluo(done="低票价运营补贴"))
    assert [code for code, _, _ in _goal_findings(result)] == ["G02"]


def test_without_the_cover_name_nothing_is_compared(tmp_path):
    result = _workbook(tmp_path, *_miluo(name="项目负责人       虞定武"))
    assert not _codes(result, "G04")


def test_a_head_field_in_one_cell_kept_apart_by_spaces():
    assert spaced_field("项目名称       低票价运营补贴") == ("项目名称", "低票价运营补贴")
    assert spaced_field("主管部门\u3000\u3000汨罗市交通运输局") == ("主管部门", "汨罗市交通运输局")
    assert spaced_field("项目名称 优抚") is None  # one space: a name may hold one
    assert spaced_field("项目单位       汨罗市城市公共汽车公司") is None  # no head field perfxl reads
    assert spaced_field("报告日期: 2018   8   04") is None  # a colon: the label:value reading's
    assert spaced_field(None) is None


def test_the_same_table_exported_with_its_merges_filled(tmp_path):
    """取消合并并填充 (probe_variants unmerged_filled): each merge's text repeated over its cells — the cover line and the
    goal header print their text across the row; read as when merged, G04 still on the goal's row."""
    from openpyxl.utils.cell import range_boundaries

    rows, merges = _miluo()
    filled = [list(row) for row in rows]
    for m in merges:
        c1, r1, c2, r2 = range_boundaries(m)
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                filled[r - 1][c - 1] = rows[r1 - 1][c1 - 1]
    result = _workbook(tmp_path, filled)
    assert [(code, cell[1:]) for code, cell, _ in _goal_findings(result)] == [("G04", "12")]
    assert not _errors(result)
