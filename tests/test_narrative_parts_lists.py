"""Parts of a total named by other words than 其中: an enumeration "一是…二是…" (or "（一）（二）") after a head that
names the total ("区直文博系统项目有："), the detail of a figure ("具体是：", "具体为…"), and a budget stated only by
its parts ("预算数：包含…、…") against the 自评表's 全年预算数 — the shapes of real 转移支付 自评报告
(tests/realworld/reports: 西藏 文物局 2020, 梧州 医保局 2024, 广西 文旅厅 非遗 2021), in sentences written for the tests."""

from __future__ import annotations

import pytest
from report_helpers import codes
from report_helpers import report_findings as _report
from test_document_realreport import build_docx

from perfxl.document.facts import extract_facts
from perfxl.model import TextRef
from perfxl.validate import validate_file

ENUMERATION = (
    "2020年下达专项资金共300万元，其中下达市县{county}万元；区直单位{total}万元。区直单位项目有：一是甲馆，下达资金{a}万元。"
    "具体是：修缮工程{a1}万元；消防工程{a2}万元。二是乙馆，下达资金{b}万元，项目是展陈保护。"
)


def _parents(text: str) -> list[tuple[str, int | None]]:
    return [(f.quantity.text, f.parent) for f in extract_facts(text, 1).facts]


def test_an_enumeration_after_a_head_naming_the_total_lists_its_parts_and_their_details():
    text = ENUMERATION.format(county=200, total=100, a=60, a1=30, a2=30, b=40)
    assert _parents(text) == [
        ("300万元", None),
        ("200万元", 0),
        ("100万元", 0),
        ("60万元", 2),  # 一是 — a part of the 区直单位 100万元
        ("30万元", 3),  # 具体是 — the parts of the 60万元
        ("30万元", 3),
        ("40万元", 2),  # 二是
    ]


def test_enumerated_parts_above_their_total_are_a_certain_n02_error(tmp_path):
    text = ENUMERATION.format(county=200, total=100, a=60, a1=30, a2=30, b=50)
    n02 = [f for f in _report(tmp_path, "一、资金下达情况", text) if f.code == "N02"]
    assert [(f.ref.paragraph, f.severity.value) for f in n02] == [(2, "error")]
    assert "110万元" in n02[0].message and "100万元" in n02[0].message
    assert "一是、二是" in n02[0].basis  # says which words made them parts


def test_enumerated_parts_within_their_total_are_quiet(tmp_path):
    text = ENUMERATION.format(county=200, total=100, a=60, a1=30, a2=30, b=40)
    assert not [f for f in _report(tmp_path, text) if f.severity.value != "info"]


@pytest.mark.parametrize(
    "text",
    [
        # the head names something else than the total: problems, not parts
        "全年下达资金100万元。存在的问题：一是甲项目预算60万元偏大；二是乙项目预算50万元偏大。",
        # an item with two amounts (总投资, 本年下达): which is the part is not said
        "区直单位100万元。区直单位项目有：一是甲项目总投资500万元，本年下达60万元；二是乙项目下达50万元。",
        # each item's one amount is a project's total investment, not its share of the year's money
        "区直单位100万元。区直单位项目有：一是甲项目，总投资300万元；二是乙项目，总投资200万元。",
        # markers out of sequence: no list
        "区直单位100万元。区直单位项目有：一是甲项目下达60万元；三是乙项目下达50万元。",
        # a head right after the total but naming nothing: no cue of a list
        "区直单位100万元，一是甲项目下达60万元；二是乙项目下达50万元。",
    ],
)
def test_an_enumeration_not_tied_to_the_total_is_not_read_as_its_parts(tmp_path, text):
    assert not codes(_report(tmp_path, text), "N02")


def test_bracketed_ordinals_after_a_head_naming_the_total_list_its_parts_too(tmp_path):
    text = "区直单位下达资金100万元。区直单位下达资金具体如下：（一）甲馆60万元；（二）乙馆50万元。"
    assert [s for s, _ in codes(_report(tmp_path, text), "N02")] == ["error"]


@pytest.mark.parametrize(("second", "flagged"), [("335.27", False), ("340", True)])
def test_a_detail_opened_by_juti_wei_holds_the_parts_of_the_figure_before_it(tmp_path, second, flagged):
    text = f"市财政预留总预算资金346.87万元，统一计入财政拨款收入，具体为退休人员医疗补助收入11.60万元、公务员医疗补助{second}万元。"
    assert [p for _, p in _parents(text)] == [None, 0, 0]
    n02 = codes(_report(tmp_path, text), "N02")
    assert [s for s, _ in n02] == (["error"] if flagged else [])


FUNDS_TABLE = {
    "name": "表1",
    "rows": [
        ["转移支付(项目)名称", "非物质文化遗产保护资金", "", "", ""],
        ["资金情况(万元)", "", "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A)"],
        ["", "年度资金总额:", "2118", "2118", "100%"],
        ["", "其中:中央财政资金", "2118", "2118", "100%"],
    ],
}


def _with_table(tmp_path, paragraph: str):
    fixture = {
        "paragraphs": ["2021年度中央非物质文化遗产保护专项资金转移支付绩效自评报告", paragraph],
        "tables": [FUNDS_TABLE],
    }
    path = tmp_path / "report.docx"
    build_docx(fixture, path)
    result = validate_file(path)
    assert result.ok, result.error
    return [f for f in result.findings if isinstance(f.ref, TextRef)]


BUDGET = "1.预算数:2021年,包含补助18个重点项目资金774万元、补助6名传承人记录工作资金240万元、补助国家级文化生态保护区资金{last}{tail},2.绩效目标:完成保护传承工作。"


@pytest.mark.parametrize(
    ("last", "tail", "flagged"),
    [
        ("750万元", "", True),  # 1764 of 2118
        ("1104万元", "", False),  # 2118: the whole budget
        ("750万元", "等", False),  # 等: only some parts
    ],
)
def test_a_budget_stated_by_its_parts_is_set_against_the_tables_budget_as_a_warning(tmp_path, last, tail, flagged):
    n01 = [f for f in _with_table(tmp_path, BUDGET.format(last=last, tail=tail)) if f.code == "N01"]
    assert [(f.ref.paragraph, f.severity.value) for f in n01] == ([(2, "warning")] if flagged else [])
    if flagged:
        assert "1764万元" in n01[0].message and "2118万元" in n01[0].message and "表1!C3" in n01[0].message
        assert "所列可能不是全部" in n01[0].basis


def test_a_budget_stated_by_its_parts_may_be_one_sources_budget(tmp_path):
    """The list sums to the 中央财政资金 row's 全年预算数 (1764), the total holding 地方资金 as well (2118): quiet."""
    table = {
        "name": "表1",
        "rows": [
            *FUNDS_TABLE["rows"][:3],
            ["", "其中:中央财政资金", "1764", "1764", "100%"],
            ["", "地方资金", "354", "354", "100%"],
        ],
    }
    fixture = {"paragraphs": ["2021年度绩效自评报告", BUDGET.format(last="750万元", tail="")], "tables": [table]}
    path = tmp_path / "report.docx"
    build_docx(fixture, path)
    result = validate_file(path)
    assert result.ok, result.error
    assert not [f for f in result.findings if f.code == "N01"]
