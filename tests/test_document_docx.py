"""The .docx reader: Word tables become Grids (merges, nested tables, line breaks) and paragraphs the
narrative; the seed report built by perfxl.workbook.report_docx is checked like its workbook."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import docx
import pytest

from perfxl.document import read_document, read_source
from perfxl.errors import UnreadableWorkbook
from perfxl.model import TextRef
from perfxl.validate import validate_file
from perfxl.workbook.report_docx import build_report_docx

EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return build_report_docx(tmp_path_factory.mktemp("doc") / "自评报告.docx")


@pytest.fixture(scope="module")
def result(report):
    return validate_file(report.path)


def test_word_merges_nested_tables_and_line_breaks(tmp_path):
    d = docx.Document()
    d.add_paragraph("前言")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2))  # horizontal: gridSpan=3
    t.cell(1, 0).merge(t.cell(2, 0))  # vertical: vMerge restart/continue
    t.cell(0, 0).paragraphs[0].text = "标题"
    t.cell(1, 0).paragraphs[0].text = "合并"
    t.cell(1, 1).paragraphs[0].add_run("第一行").add_break()
    t.cell(1, 1).paragraphs[0].add_run("第二行")
    t.cell(2, 2).add_paragraph("另一段")
    inner = t.cell(2, 1).add_table(rows=1, cols=2)
    inner.cell(0, 1).paragraphs[0].text = "嵌套"
    d.add_paragraph("")
    d.add_paragraph("结语")
    d.save(tmp_path / "t.docx")
    src = read_source(tmp_path / "t.docx")
    outer, nested = src.grids
    assert (outer.name, nested.name) == ("表1", "表2")
    assert outer.rows[0] == ["标题", "", ""]
    assert set(outer.merged) == {(0, 0, 0, 2), (1, 0, 2, 0)}
    assert outer.filled(2, 0) == "合并"
    assert outer.rows[1][1] == "第一行\n第二行"
    assert outer.rows[2][2] == "另一段"  # the empty first paragraph is dropped from the edges
    assert nested.rows == [["", "嵌套"]]
    assert src.origins == {"表1": (0, None), "表2": (1, 0)}
    assert [(p.ref.paragraph, p.text) for p in src.paragraphs] == [(1, "前言"), (2, "结语")]


def test_seed_report_reads_its_tables_like_the_workbook(report, result):
    assert result.ok and result.coverage.source_format == "docx"
    workbook = validate_file(EXAMPLE)
    table_findings = Counter(
        (f.code, f.cell) for f in result.findings if not f.code.startswith("N") and f.sheet != "表1"
    )
    assert table_findings == Counter((f.code, f.cell) for f in workbook.findings)
    assert {f.sheet for f in result.findings if f.code == "B01"} == {"表2"}  # 基础数据表 is the 2nd Word table


def _narrative(result, severities=("error", "warning")):
    return [f for f in result.findings if f.code[:1] == "N" and f.severity.value in severities]


def test_the_four_contradictions_are_found_at_their_paragraphs(report, result):
    found = {(f.code, f.ref.paragraph, f.actual, f.severity.value) for f in _narrative(result)}
    [p_firms] = report.paragraph_with("new_scale_firms")
    [p_goal] = report.paragraph_with("goal_sentence")
    [p_three] = report.paragraph_with("three_public_budget")
    [p_recep] = report.paragraph_with("reception_budget")
    assert found == {
        ("N01", p_firms, "16家", "warning"),  # only a fuzzy name pair (新增规模工业企业 ↔ 新进规模企业): 警告
        ("N01", p_firms, "19家", "error"),
        ("N01", p_three, "3万元", "error"),
        ("N01", p_recep, "3万元", "error"),
        ("N03", p_goal, "以上目标均以完成", "error"),
    }
    fuzzy = next(f for f in _narrative(result) if f.actual == "16家")
    assert "新增规模工业企业" in fuzzy.basis and "新进规模企业" in fuzzy.basis
    assert str(fuzzy.related[0]) == "表3!F13" and fuzzy.expected == "20家"
    three = next(f for f in _narrative(result) if f.ref.paragraph == p_three)
    assert "20000" in three.message and "3万元" in three.message and "表2!D6" in three.message
    assert isinstance(three.ref, TextRef) and three.ref.excerpt


def test_consistent_facts_stay_quiet(result):
    """886.12 + 1336.92 = 2223.04, 886.12 / 2223.04 = 39.86%, 1.11 / 3 = 37%, 编制数 32 and 在职 45: no finding."""
    said = " ".join(f"{f.message} {f.actual}" for f in _narrative(result))
    for figure in (
        "2223.04",
        "886.12",
        "1336.92",
        "39.86",
        "60.14",
        "1.11",
        "37%",
        "32人",
        "45人",
        "18.26",
        "92.86",
        "246.36",
        "65.94",
    ):
        assert figure not in said, figure
    assert sorted(f.actual for f in _narrative(result)) == ["16家", "19家", "3万元", "3万元", "以上目标均以完成"]


def test_a_docx_that_is_not_a_zip_is_refused_with_a_message(tmp_path):
    bad = tmp_path / "报告.docx"
    bad.write_text("这不是 Word 文档", encoding="utf-8")
    with pytest.raises(UnreadableWorkbook) as info:
        read_document(bad)
    assert info.value.message and info.value.path == str(bad)
    res = validate_file(bad)
    assert not res.ok and res.error["message"]
