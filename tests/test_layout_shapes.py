"""The seed 自评表 laid out in real-world shapes (as Grids) reads to the same model."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from reader_shapes import (
    EXPECTED_INDICATORS,
    FUNDS_TOTAL,
    Shape,
    SheetBuilder,
    evaluation_grid,
    funds_in_wan,
    indicator_tuples,
    write_evaluation,
)

from perfxl.reader import read_grids

EXPECTED = [tuple(D(x) if isinstance(x, int) else x for x in row) for row in EXPECTED_INDICATORS]
FUNDS = tuple(FUNDS_TOTAL)

SHAPES = {
    "merged": Shape(),
    "repeated_labels": Shape(levels="repeated"),
    "first_row_only": Shape(levels="first"),
    "split_target": Shape(split_target=True),
    "header_synonyms": Shape(synonyms=True),
    "inserted_rows": Shape(inserted_rows=True),
    "yuan": Shape(money="元"),
    "offset_origin": Shape(origin=(3, 2)),
    "everything": Shape(
        levels="repeated", split_target=True, synonyms=True, inserted_rows=True, money="元", origin=(1, 1)
    ),
}


@pytest.mark.parametrize("name", list(SHAPES))
def test_shape_reads_to_the_same_model(name):
    sub = read_grids([evaluation_grid(SHAPES[name])], "shape.xlsx")
    assert len(sub.evaluations) == 1
    ev = sub.evaluations[0]
    assert indicator_tuples(ev) == EXPECTED
    assert funds_in_wan(ev) == FUNDS
    assert (ev.total_weight.raw, ev.total_score.raw) == (D(100), D(99))
    assert [(h.name, h.declared_weight) for h in ev.level1] == [
        ("产出指标", D(55)),
        ("效益指标", D(35)),
        ("满意度指标", D(10)),
    ]
    assert ev.unit_name == "隆回县科技和工业信息化局"
    assert ev.kind == "department"
    # nothing in these shapes is unmappable
    assert [p.brief() for p in sub.problems if p.severity.value != "info"] == []


def test_yuan_shape_states_its_unit():
    ev = read_grids([evaluation_grid(Shape(money="元"))], "y.xlsx").evaluations[0]
    assert ev.funds.unit == "元"
    assert ev.funds.total.executed.raw == D("22230400")


def test_split_target_keeps_nature_and_unit():
    ev = read_grids([evaluation_grid(Shape(split_target=True))], "s.xlsx").evaluations[0]
    first = ev.indicators[0]
    assert first.target.text == "12家"
    assert first.unit is not None and first.unit.text == "家"
    assert first.target.place().cell == "F14"  # the 指标值 column, below the two-row header
    rate = next(i for i in ev.indicators if i.name.text == "规模工业总产值")
    assert rate.nature.text == "定性" and rate.target.text == "增长12%"


def test_split_target_joins_operator():
    sb = SheetBuilder("项目支出绩效自评表")
    heads = [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ]
    for c, h in enumerate(heads):
        sb.put(0, c, h)
    for c, v in enumerate(["产出指标", "质量指标", "安全警示标志设置及时率", "≥", 100, "%", "100%", 5, 5]):
        sb.put(1, c, v)
    sb.put(2, 0, "总分")
    sb.put(2, 7, 5)
    sb.put(2, 8, 5)
    ev = read_grids([sb.grid()], "p.xlsx").evaluations[0]
    assert ev.indicators[0].target.text == "≥100%"
    assert ev.indicators[0].target.place().cell == "E2"
    assert ev.kind == "project"


def test_two_tables_on_one_sheet():
    sb = SheetBuilder("自评表")
    nxt = write_evaluation(sb, 0, Shape(), title="2023年度项目支出绩效自评表（甲）")
    write_evaluation(sb, nxt + 2, Shape(levels="repeated"), title="2023年度项目支出绩效自评表（乙）")
    sub = read_grids([sb.grid()], "two.xlsx")
    assert len(sub.evaluations) == 2
    a, b = sub.evaluations
    assert indicator_tuples(a) == EXPECTED and indicator_tuples(b) == EXPECTED
    assert a.title.text.endswith("（甲）") and b.title.text.endswith("（乙）")
    assert b.indicators[0].name.place().row > a.total_score.place().row
    assert {a.kind, b.kind} == {"project"}


def test_two_tables_without_titles_split_at_second_header():
    sb = SheetBuilder("S")
    nxt = write_evaluation(sb, 0, Shape())
    write_evaluation(sb, nxt, Shape())
    # remove the second title so only the second funds header separates the tables
    sb.cells = {k: v for k, v in sb.cells.items() if not (k[0] == nxt and k[1] == 0)}
    sub = read_grids([sb.grid()], "two.xlsx")
    assert len(sub.evaluations) == 2
    assert all(indicator_tuples(e) == EXPECTED for e in sub.evaluations)


def test_tables_on_several_sheets():
    grids = [evaluation_grid(Shape(), name=f"表{i}") for i in range(3)]
    sub = read_grids(grids, "many.xlsx")
    assert [e.sheet for e in sub.evaluations] == ["表0", "表1", "表2"]
