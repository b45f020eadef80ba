"""Review round 3b (changes e71fe42..HEAD): cases where the new code reads a form wrongly or gives a finding
the cells do not support — each written as a failing test by the reviewer, then fixed: two tables on one sheet joined by the
repeated-header rule, 逾期 names losing their direction, under-way words matched inside other words and over a
met figure, a placeholder source silencing F02, a placeholder total over zero items, the goal row label taken as
the 预期目标 column, and a 0/0 source row printing 0.00%."""

from __future__ import annotations

import dataclasses

import pytest
from reader_shapes import SheetBuilder
from rules_helpers import (
    funds,
    funds_row,
    good_evaluation,
    replace_row,
    seed_basic,
    seed_evaluation,
    submission,
)

from perfxl.model import Severity
from perfxl.reader import read_grids
from perfxl.validate import validate_submission

_HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def _sheet(rows: list[list[object]], name: str = "自评表") -> SheetBuilder:
    sb = SheetBuilder(name)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            sb.put(r, c, v if v != "" else None)
    return sb


# ---------------------------------------------------------------- 1. layout/evaluation.py `_next_goal_block`


def test_two_tables_one_under_the_other_are_not_joined_when_the_first_has_no_total_row():
    """Two 项目 indicator tables on one sheet, each weighted to 100; the first prints no 总分 row and the second
    is introduced by a caption row the reader does not take for a title. Each table's weights add to 100."""
    rows = [
        ["项目一：职业技能培训"],
        _HEAD,
        ["产出指标(60分)", "数量指标", "培训人数", "≥100人", "120人", 60, 60, ""],
        ["效益指标(40分)", "社会效益指标", "就业率", "≥80%", "85%", 40, 40, ""],
        [],
        ["项目二：农村公路建设"],
        _HEAD,
        ["产出指标(60分)", "数量指标", "修路公里数", "≥10公里", "12公里", 60, 60, ""],
        ["效益指标(40分)", "社会效益指标", "通行满意度", "≥90%", "95%", 40, 40, ""],
        ["总分", "", "", "", "", 100, 100, ""],
    ]
    sub = read_grids([_sheet(rows).grid()], "two.xlsx")
    errors = [(f.code, f.cell) for f in validate_submission(sub) if f.severity is Severity.ERROR]
    assert errors == []
    assert len(sub.evaluations) == 2


# ---------------------------------------------------------------- 2. national.toml: "逾期" dropped from lower_is_better


@pytest.mark.parametrize(("name", "target", "actual"), [("逾期未办结件数", "5件", "2件"), ("逾期天数", "10天", "3天")])
def test_an_overdue_count_below_its_target_is_not_a_certain_miss(name, target, actual):
    ev = replace_row(good_evaluation(), 0, name=name, target=target, actual=actual, score=20, deviation=None)
    errors = [(f.code, f.cell) for f in validate_submission(submission(ev)) if f.severity is Severity.ERROR]
    assert errors == []


# ---------------------------------------------------------------- 3. rules/deviations.py `_under_way`


@pytest.mark.parametrize(
    ("name", "target", "actual"),
    [
        ("中小企业数字化转型", "≥20家", "推进中小企业数字化转型25家"),
        ("城区道路建设", "≥5公里", "建设中心城区道路6公里"),
    ],
)
def test_an_under_way_word_inside_another_word_does_not_make_a_met_row_missed(name, target, actual):
    ev = replace_row(good_evaluation(), 0, name=name, target=target, actual=actual, deviation=None)
    assert [f.cell for f in validate_submission(submission(ev)) if f.code == "D01"] == []


# ---------------------------------------------------------------- 4. rules/funds.py F02 "unreadable" parts


@pytest.mark.parametrize("none", ["—", "/"])
def test_a_placeholder_source_row_does_not_silence_the_funds_sum(none):
    fund = funds(
        funds_row(5, "年度资金总额", 100, 100, 95, 10, "95.00%", 9.5, total=True),
        (funds_row(6, "其中：本年财政拨款", 80, 80, 75), funds_row(7, "其他资金", none, none, none)),
    )
    f02 = [f.cell for f in validate_submission(submission(good_evaluation(funds=fund))) if f.code == "F02"]
    assert "D5" in f02


# ---------------------------------------------------------------- 5. rules/basic.py `_row_sums` (placeholder parent)


@pytest.mark.parametrize("none", ["—", "/"])
def test_a_placeholder_total_over_zero_items_is_not_an_error(none):
    b = seed_basic()
    rows = list(b.rows)
    i = [r.key for r in rows].index("car")  # 公务用车购置和维护经费: 购置 0 + 运行维护 0
    rows[i] = dataclasses.replace(rows[i], budget=dataclasses.replace(rows[i].budget, raw=none))
    sub = submission(seed_evaluation(), basic=dataclasses.replace(b, rows=tuple(rows)))
    assert [f.code for f in validate_submission(sub) if f.cell == "C9" and f.severity is Severity.ERROR] == []


# ---------------------------------------------------------------- 6. layout/headers.py goal column synonyms


def test_the_goals_row_label_is_not_taken_for_the_expected_column():
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "培训项目"],
        ["总体目标", "预期目标", "", "", "实际完成情况"],
        ["目标1", "完成培训300人次", "", "", "完成培训320人次"],
        ["目标2", "建设站点5个", "", "", "建成站点5个"],
        _HEAD,
        ["产出指标", "数量指标", "培训人次", "≥300人次", "320人次", 100, 100, ""],
        ["总分", "", "", "", "", 100, 100, ""],
    ]
    (ev,) = read_grids([_sheet(rows).grid()], "g.xlsx").evaluations
    assert [g.expected.text for g in ev.goals] == ["完成培训300人次", "建设站点5个"]


# ---------------------------------------------------------------- 7. rules/funds.py part-row 0/0 rate


def test_a_zero_over_zero_source_row_printing_zero_percent_is_not_flagged():
    fund = funds(
        funds_row(5, "年度资金总额", 100, 100, 95, 10, "95.00%", 9.5, total=True),
        (
            funds_row(6, "其中：本年财政拨款", 100, 100, 95, None, "95.00%"),
            funds_row(7, "上年结转资金", 0, 0, 0, None, "0.00%"),
        ),
    )
    f04 = [f.cell for f in validate_submission(submission(good_evaluation(funds=fund))) if f.code == "F04"]
    assert "G7" not in f04
