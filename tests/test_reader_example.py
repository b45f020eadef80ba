"""The bundled seed example (workbooks/examples/longhui-2023-kegongxin.xlsx) reads back every published
number and text, each from the cell its CellRef names (checked against a bare python-calamine read)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfxl.model import parse_a1
from perfxl.reader import read_submission

EXAMPLE_NAME = "longhui-2023-kegongxin.xlsx"


@pytest.fixture(scope="module")
def example(examples_dir):
    path = examples_dir / EXAMPLE_NAME
    assert path.is_file(), f"{path} is missing (`python -m perfxl.workbook.build` builds it)"
    return path


@pytest.fixture(scope="module")
def sub(example):
    return read_submission(example)


@pytest.fixture(scope="module")
def raw(example):
    """sheet → rows as python-calamine reads them, independently of perfxl."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(example))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}


def cell_of(raw, cell):
    """The bare value at a CellValue's ref, as calamine read it."""
    r, c = parse_a1(cell.place().cell)
    rows = raw[cell.place().sheet]
    return rows[r - 1][c - 1] if r - 1 < len(rows) and c - 1 < len(rows[r - 1]) else ""


def same(raw, cell, expected):
    """The reader's value equals `expected`, and the file holds it at the cell the reader names."""
    assert cell.place() is not None
    if isinstance(expected, str):
        assert cell.raw == expected and str(cell_of(raw, cell)) == expected
    else:
        assert cell.raw == D(str(expected)) and D(str(cell_of(raw, cell))) == D(str(expected))


def test_example_has_no_layout_problems(sub):
    assert [p.brief() for p in sub.problems if p.severity.value != "info"] == []
    assert len(sub.evaluations) == 1 and sub.basic is not None


def test_example_funds(sub, raw):
    t = sub.evaluations[0].funds.total
    for cell, expected in (
        (t.initial_budget, "2223.04"),
        (t.full_budget, "2223.04"),
        (t.executed, "2223.04"),
        (t.weight, 10),
        (t.rate, "94.5"),
        (t.score, 10),
    ):
        same(raw, cell, D(expected) if isinstance(expected, str) else expected)
    assert [
        t.initial_budget.place().cell[0],
        t.full_budget.place().cell[0],
        t.executed.place().cell[0],
        t.weight.place().cell[0],
        t.rate.place().cell[0],
        t.score.place().cell[0],
    ] == list("CDEFGH")  # docs/design.md standard columns
    texts = [c.text for c in sub.evaluations[0].funds.breakdown]
    assert "其中：基本支出：886.12" in texts and "县级专项资金：1336.92" in texts
    for c in sub.evaluations[0].funds.breakdown:
        assert str(cell_of(raw, c)).strip() == c.text


def test_example_indicators(sub, raw):
    inds = sub.evaluations[0].indicators
    assert len(inds) == 11
    published = [
        ("新进规模企业", "12家", "20家", 10, 10),
        ("新增高新技术企业", "10家", "13家", 10, 10),
        ("完成规模工业总产值", "240亿元", "246亿元", 10, 10),
        ("规模工业增加值", "63亿元", "65亿元", 10, 10),
        ("完成时间", "2023年底", "2023年底", 5, 5),
        ("规模工业奖励", "4万元/家", "4万元/家", 10, 10),
        ("企业研发占总产值比1.6%，", "增长2%", "增长2%", 10, 10),
        ("规模工业总产值", "增长12%", "11.8%", 10, 9),
        ("万元生产总值能耗降低率", "1%", "1%", 5, 5),
        (None, None, None, None, None),
        ("群众满意度达90%", "90%", "90%", 10, 10),
    ]
    for ind, (name, target, actual, weight, score) in zip(inds, published, strict=True):
        for cell, expected in (
            (ind.name, name),
            (ind.target, target),
            (ind.actual, actual),
            (ind.weight, weight),
            (ind.score, score),
        ):
            if expected is None:
                assert cell.is_blank and cell_of(raw, cell) in ("", None)
            else:
                same(raw, cell, expected)
        assert [
            ind.name.place().cell[0],
            ind.target.place().cell[0],
            ind.actual.place().cell[0],
            ind.weight.place().cell[0],
            ind.score.place().cell[0],
        ] == list("DEFGH")
    assert inds[9].level2.text == "可持续影响指标"
    ev = sub.evaluations[0]
    same(raw, ev.total_weight, 100)
    same(raw, ev.total_score, 99)
    assert [(h.label.text, h.declared_weight) for h in ev.level1] == [
        ("产出指标(55分)", D(55)),
        ("效益指标（35分）", D(35)),
        ("满意度指标（10分）", D(10)),
    ]


def test_example_basic_data(sub, raw):
    b = sub.basic
    same(raw, b.staffing.establishment, 32)
    same(raw, b.staffing.actual, 45)
    same(raw, b.staffing.control_rate, "140%")
    tp = b.row("three_public")
    same(raw, tp.prev_final, 25362)
    same(raw, tp.budget, 20000)
    same(raw, tp.final, "11131.84" and D("11131.84"))
    same(raw, b.row("basic_budget_adjustment").final, D("8861213.88"))
    assert b.unit == "元"
