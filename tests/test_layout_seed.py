"""The seed report's two tables (as published, standard layout, built as Grids) read field by field."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from reader_shapes import basic_grid, evaluation_grid

from perfxl.reader import read_grids

EV_SHEET, BASIC_SHEET = "部门整体支出绩效自评表", "基础数据表"


@pytest.fixture(scope="module")
def sub():
    return read_grids([basic_grid(), evaluation_grid()], "seed.xlsx")


def at(cell):
    """(value, "A1") of a CellValue, the compact form asserted below."""
    return cell.raw, cell.place().cell


def test_no_problems_in_the_published_layout(sub):
    assert sub.problems == ()
    assert len(sub.evaluations) == 1 and sub.basic is not None


def test_header_and_funds(sub):
    ev = sub.evaluations[0]
    assert ev.kind == "department" and ev.sheet == EV_SHEET
    assert at(ev.title) == ("2023年度部门整体支出绩效自评表", "A1")
    assert at(ev.header["预算单位名称"]) == ("隆回县科技和工业信息化局", "B2")
    f = ev.funds
    assert f.unit == "万元" and f.ref.cell == "A3"
    t = f.total
    assert t.is_total and at(t.label) == ("年度资金总额", "B4")
    assert at(t.initial_budget) == (D("2223.04"), "C4")
    assert at(t.full_budget) == (D("2223.04"), "D4")
    assert at(t.executed) == (D("2223.04"), "E4")
    assert at(t.weight) == (D(10), "F4")
    assert at(t.rate) == (D("94.5"), "G4")  # as published, though 2223.04/2223.04 is 100%
    assert at(t.score) == (D(10), "H4")
    assert f.parts == ()
    texts = {c.place().cell: c.text for c in f.breakdown}
    assert texts["E6"] == "其中：基本支出：886.12"
    assert texts["E7"] == "县级专项资金：1336.92"
    assert texts["B5"] == "按收入性质分；2223.04"
    assert texts["B9"] == "其他资金："


def test_goals(sub):
    (goal,) = sub.evaluations[0].goals
    assert goal.expected.place().cell == "B11" and goal.actual.place().cell == "F11"
    assert goal.expected.text.startswith("狠抓科技、工业、信息化工作日常调度")
    assert goal.actual.text == "新规模企业12家，新增高新技术企业10家，规模工业增加值63亿元。"


def test_declared_level1_weights(sub):
    got = [(h.name, h.declared_weight, h.label.place().cell) for h in sub.evaluations[0].level1]
    assert got == [("产出指标", D(55), "B13"), ("效益指标", D(35), "B20"), ("满意度指标", D(10), "B27")]


# (row, 一级 anchor, 二级 anchor, 三级, 年度指标值, 实际完成值, 分值, 得分) as published
INDICATORS = [
    (13, "B13", "C13", "新进规模企业", "12家", "20家", 10, 10),
    (14, "B13", "C13", "新增高新技术企业", "10家", "13家", 10, 10),
    (15, "B13", "C15", "完成规模工业总产值", "240亿元", "246亿元", 10, 10),
    (16, "B13", "C15", "规模工业增加值", "63亿元", "65亿元", 10, 10),
    (17, "B13", "C17", "完成时间", "2023年底", "2023年底", 5, 5),
    (18, "B13", "C18", "规模工业奖励", "4万元/家", "4万元/家", 10, 10),
    (20, "B20", "C20", "企业研发占总产值比1.6%，", "增长2%", "增长2%", 10, 10),
    (22, "B20", "C22", "规模工业总产值", "增长12%", "11.8%", 10, 9),
    (24, "B20", "C24", "万元生产总值能耗降低率", "1%", "1%", 5, 5),
    (26, "B20", "C26", None, None, None, None, None),  # the empty 可持续影响指标 row
    (27, "B27", "C27", "群众满意度达90%", "90%", "90%", 10, 10),
]


def test_all_eleven_indicators_with_their_cells(sub):
    inds = sub.evaluations[0].indicators
    assert len(inds) == 11
    for ind, (row, l1, l2, name, target, actual, weight, score) in zip(inds, INDICATORS, strict=True):
        assert ind.row == row
        assert ind.level1.place().cell == l1 and ind.level2.place().cell == l2
        assert (ind.name.raw, ind.name.place().cell) == (name, f"D{row}")
        assert (ind.target.raw, ind.target.place().cell) == (target, f"E{row}")
        assert (ind.actual.raw, ind.actual.place().cell) == (actual, f"F{row}")
        assert (ind.weight.raw, ind.weight.place().cell) == (None if weight is None else D(weight), f"G{row}")
        assert (ind.score.raw, ind.score.place().cell) == (None if score is None else D(score), f"H{row}")
        assert ind.deviation.place().cell == f"I{row}"
    assert inds[7].deviation.text == "疫情影响企业生产放缓。"
    assert inds[9].level2.text == "可持续影响指标" and inds[9].name.is_blank
    # merged 一级 cells carry the anchor of their range
    assert inds[1].level1.place().anchor == "B13"


def test_placeholder_and_blank_rows_are_not_indicators(sub):
    names = [i.name.text for i in sub.evaluations[0].indicators]
    assert "……" not in names
    rows = [i.row for i in sub.evaluations[0].indicators]
    assert not {19, 21, 23, 25} & set(rows)  # 3 "……" rows and one blank row


def test_total_row(sub):
    ev = sub.evaluations[0]
    assert at(ev.total_weight) == (D(100), "G28")
    assert at(ev.total_score) == (D(99), "H28")


def test_basic_data(sub):
    b = sub.basic
    assert b.sheet == BASIC_SHEET and b.unit == "元"
    assert b.years == ("2022年决算数", "2023年预算数", "2023年决算数")
    s = b.staffing
    assert at(s.establishment) == (D(32), "B4")
    assert at(s.actual) == (D(45), "C4")
    assert at(s.control_rate) == ("140%", "D4")
    tp = b.row("three_public")
    assert (at(tp.prev_final), at(tp.budget), at(tp.final)) == (
        (D(25362), "B6"),
        (D(20000), "C6"),
        (D("11131.84"), "D6"),
    )
    assert [r.key for r in b.children("three_public")] == ["car", "overseas", "reception"]
    assert [r.key for r in b.children("car")] == ["car_purchase", "car_running"]
    assert b.row("reception").final.raw == D("11131.84")
    special = b.children("special_funds")
    assert [r.label.text for r in special] == ["1、业务工作经费", "2、运行维护经费", "3.科技工业发展资金"]
    assert all(r.key == "" for r in special)
    assert b.row("special_funds").prev_final.raw == D(5150000)
    assert [r.key for r in b.children("public_funds")] == ["office", "utilities_travel", "meetings_training"]
    assert b.row("utilities_travel").prev_final.raw == "286875 "  # text as typed stays text
    adj = b.row("basic_budget_adjustment")
    assert at(adj.final) == (D("8861213.88"), "D22")
    assert b.row("procurement").budget.raw == D(900000)
    assert b.buildings == ()
    assert b.frugality.text == "1.严格执行财务管理制度；2.严控“三公经费”支出。"


def test_basic_unit_from_a_note():
    b = read_grids([basic_grid(unit_note="单位：万元")], "b.xlsx").basic
    assert b.unit == "万元"
