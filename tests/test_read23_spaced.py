"""read23 (issue 11): a spaced head value ("项目名称  某县  项目资金  补助") ended at any label perfxl knows — a column's
word inside a name ("项目资金", "绩效目标", "执行率", "单位", "分值") cut it short. Now only a head field, a grade's label
followed by a grade, a total's label followed by a figure, a note or signature word, the form's year or a seal end it
(`detect._ends_spaced_value`); the words a name holds apart stay in it."""

from __future__ import annotations

import pytest

from perfxl.layout.detect import spaced_field


@pytest.mark.parametrize(
    "name",
    [
        "某县  项目资金  补助",
        "某县  绩效目标  管理",
        "某县  执行率  监测",
        "某县  单位  建设",
        "某县  分值  管理",
        "某县  得分  系统",
        "某县  等级  公路养护",  # a grade's label with no grade after it
        "某县  总分  公路养护",  # a total's label with no figure after it
    ],
)
def test_a_column_word_inside_a_spaced_name_keeps_the_name_whole(name):
    """Failed before (all but the last two): the value was cut at the column's word ("某县")."""
    assert spaced_field(f"项目名称   {name}") == ("项目名称", name)


@pytest.mark.parametrize(
    "after",
    [
        "主管部门  某县财政局",
        "评价等级  优",
        "评价等级 优秀",
        "自评等级　　良好",
        "自评得分  92分",
        "总分  92",
        "填报日期  2018年8月4日",
        "2017年度",
        "(盖章)",
    ],
)
def test_a_following_head_field_still_ends_a_spaced_name(after):
    assert spaced_field(f"项目名称   某县  项目资金  补助   {after}") == ("项目名称", "某县  项目资金  补助")


def test_a_cell_of_grade_labels_and_long_space_runs_is_read_in_one_pass():
    """100,000 spaces each side of a grade's label, and 10,000 label words: each run looks at a word or two."""
    assert spaced_field("项目名称  某县" + " " * 100_000 + "评价等级" + " " * 100_000 + "优")[1] == "某县"
    assert spaced_field("项目名称   " + "某某  评价等级  " * 10_000)[1].startswith("某某  评价等级  某某")
