"""notes21 (issue 12): the note a report prints right below its table, read as that table's note.

A 决算 table's 预算数 may be the 年初 budget or the 全年 one (scope20): a sheet says which in a note row under its figures
("注：预算数为全年预算数，包括当年年初预算数和当年追加预算数"), read since scope20; a report prints the same note as a
paragraph (.docx) or a line (PDF) right below the table, which was not read — "完成全年预算的74.70%" against such a table
stayed a 警告 ("the table prints no stage") though the note printed the stage. Now the note right below a table is its
note (`unit_above.note_below`, `Grid.note_below`): a stage it prints makes a sentence naming the same stage certain.

False paths that stay a 警告: a note naming another table ("注：收支总表预算数为…"), a note naming two stages, a note
below another table, a note after a sentence (no longer the table's), a note saying nothing of its 预算数 (上海's "本表
反映部门本年度“三公”经费支出预决算情况").

Real table: 上海普陀 石泉路街道 2025 决算's 三公 table (预算数 53.93 │ 决算数 37.35, tests/realworld/reports), under its
real caption lines; the notes are the 财政部 决算 template's as printed, and variants.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from test_scope20 import _SHIQUAN, _table_of

from perfxl.document.unit_above import note_below

_TEMPLATE_NOTE = (
    "注：预算数为全年预算数，包括当年年初预算数和当年追加预算数。"  # the 财政部 决算 template's, as printed
)
_FULL_RATE = "2025年度“三公”经费支出决算37.35万元，完成全年预算的74.70%。"  # 37.35 / 53.93 = 69.26%
_START_RATE = "2025年度“三公”经费支出决算37.35万元，完成年初预算的74.70%。"


def _n01(below: list[str], sentence: str, *, other_table: bool = False) -> list[str]:
    """N01 severities of a .docx holding 石泉路's real 三公 table under its real lines, then the paragraphs `below`
    (right below it; `other_table`: below another table printed after it) and `sentence`."""
    from test_document_realreport import build_docx

    from perfxl.validate import validate_file

    table, lines = _table_of(_SHIQUAN)
    tables = [{**table, "after": len(lines)}]
    if other_table:
        tables.append({"rows": [["项目", "金额"], ["合计", "1.00"]], "after": len(lines)})
    fixture = {"paragraphs": [*lines, *below, sentence], "tables": tables}
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "report.docx"
        build_docx(fixture, path)
        return [f.severity.value for f in validate_file(path).findings if f.code == "N01"]


# ---------------------------------------------------------------- the reading


@pytest.mark.parametrize(
    ("texts", "note"),
    [
        ([_TEMPLATE_NOTE, "（三）公务接待费…"], _TEMPLATE_NOTE),
        (
            ["注：", "1.本表预算数为全年预算数。", "2.本表金额单位为万元。", "四、其他"],
            "注：\n1.本表预算数为全年预算数。\n2.本表金额单位为万元。",
        ),
        (["备注：本年无国有资本经营预算。"], "备注：本年无国有资本经营预算。"),
        (["四、2025年度“三公”经费决算说明", _TEMPLATE_NOTE], ""),  # a heading first: the note is no longer the table's
        (["2025年度“三公”经费支出决算37.35万元。", _TEMPLATE_NOTE], ""),  # after a sentence: any table's
        ([], ""),
    ],
)
def test_the_note_right_below_a_table_is_read(texts, note):
    assert note_below(texts) == note


def test_the_docx_reader_gives_each_table_the_note_right_below_it(tmp_path):
    from test_document_realreport import build_docx

    from perfxl.document.read import read_source

    table, lines = _table_of(_SHIQUAN)
    fixture = {
        "paragraphs": [*lines, _TEMPLATE_NOTE, "正文。", "注：本表为空表。"],
        "tables": [{**table, "after": len(lines)}, {"rows": [["项目", "金额"]], "after": len(lines) + 2}],
    }
    build_docx(fixture, tmp_path / "r.docx")
    assert [g.note_below for g in read_source(tmp_path / "r.docx").grids] == [_TEMPLATE_NOTE, "注：本表为空表。"]


# ---------------------------------------------------------------- the stage it prints


def test_a_template_note_below_the_table_holds_a_full_year_rate():
    """The 决算 template's note printed right below the table: its 预算数 are the 全年 budget — "完成全年预算的74.70%"
    (37.35 / 53.93 = 69.26%) is certain (N01 错误; a 警告 before, the note unread); "完成年初预算的74.70%" names the other
    budget — a 警告 naming both."""
    assert _n01([_TEMPLATE_NOTE], _FULL_RATE) == ["error"]
    assert _n01([_TEMPLATE_NOTE], _START_RATE) == ["warning"]


def test_a_year_start_note_below_the_table_holds_a_year_start_rate():
    """ "注：本表预算数为年初预算数。" (a numbered item of a note too): "完成年初预算的74.70%" is certain."""
    assert _n01(["注：本表预算数为年初预算数。"], _START_RATE) == ["error"]
    assert _n01(["注：", "1.本表预算数为年初预算数。"], _START_RATE) == ["error"]
    assert _n01(["注：本表预算数为年初预算数。"], _FULL_RATE) == ["warning"]


@pytest.mark.parametrize(
    "below",
    [
        ["注：收支总表预算数为全年预算数。"],  # a note naming another table
        ["注：预算数为年初预算数和调整预算数。"],  # two stages
        ["注：本表反映部门本年度“三公”经费支出预决算情况。"],  # 上海's note: no stage
        ["四、其他重要事项的情况说明", _TEMPLATE_NOTE],  # after a heading: no longer the table's note
    ],
)
def test_a_note_printing_no_one_stage_of_this_table_leaves_a_warning(below):
    assert _n01(below, _FULL_RATE) == ["warning"]


def test_a_note_below_another_table_is_not_this_ones():
    """The template's note under a table printed after the 三公 one: that table's note — the 全年 rate stays a 警告."""
    assert _n01([_TEMPLATE_NOTE], _FULL_RATE, other_table=True) == ["warning"]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_the_pdf_reader_gives_a_table_the_note_below_it_on_its_page(tmp_path):
    """The same report set like a 公文 (16 pt body, indented paragraphs: the note wraps) and exported to PDF
    (LibreOffice): the note's lines below the table on its page are the table's note, and the 全年 rate against it is
    certain there too."""
    from test_document_pdf_parity import lay_out
    from test_document_realreport import build_docx

    from perfxl.document.read import read_source
    from perfxl.io.libreoffice import soffice_path
    from perfxl.validate import validate_file
    from perfxl.workbook.report_docx import export_pdf

    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    table, lines = _table_of(_SHIQUAN)
    fixture = {"paragraphs": [*lines, _TEMPLATE_NOTE, _FULL_RATE], "tables": [{**table, "after": len(lines)}]}
    build_docx(fixture, tmp_path / "r.docx")
    lay_out(tmp_path / "r.docx", "published", fixture)
    pdf = export_pdf(tmp_path / "r.docx", tmp_path)
    assert [g.note_below for g in read_source(pdf).grids] == [_TEMPLATE_NOTE]
    assert [f.severity.value for f in validate_file(pdf).findings if f.code == "N01"] == ["error"]


# ---------------------------------------------------------------- 3. "其中本级…" parts of a 三公 figure


def _sifaju(sentence: str) -> list[tuple[str, str, str]]:
    """(code, severity, message) of each N finding of a .docx holding 上海普陀 司法局 2026 单位预算's real 三公 table
    (caption "2026年单位“三公”经费和机关运行经费预算表": one unit's own, 合计 10.71) under its real lines, then
    `sentence`."""
    from test_document_realreport import build_docx
    from test_scope20 import _SIFAJU

    from perfxl.validate import validate_file

    table, lines = _table_of(_SIFAJU)
    fixture = {"paragraphs": [*lines, sentence], "tables": [{**table, "after": len(lines)}]}
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "report.docx"
        build_docx(fixture, path)
        found = validate_file(path).findings
    return [(f.code, f.severity.value, f.message) for f in found if f.code.startswith("N")]


def test_a_whole_made_of_its_own_level_and_its_units_is_not_the_own_levels_table():
    """ "2026年“三公”经费预算15.71万元，其中本级10.71万元、所属单位5.00万元" under the 单位 table (10.71): the whole is
    the department's (本级 + 所属单位) — it was an N01 错误 against the unit's 合计 10.71; now not compared (other money,
    as "部门合计…" is), and the 本级 part agrees — quiet."""
    assert _sifaju("2026年“三公”经费预算15.71万元，其中本级10.71万元、所属单位5.00万元。") == []


def test_the_own_level_part_is_held_to_the_own_levels_table():
    """ "其中本级11.71万元" under the 单位 table (合计 10.71): the part named by the table's scope is the table's figure —
    N01 错误 (before, not checked at all); the whole (15.71, the department's) is not compared."""
    found = _sifaju("2026年“三公”经费预算15.71万元，其中本级11.71万元、所属单位4.00万元。")
    assert [(c, s) for c, s, _ in found] == [("N01", "error")]
    assert "11.71" in found[0][2] and "10.71" in found[0][2]


def test_parts_past_their_whole_are_the_sentences_own_arithmetic():
    """本级 10.71 (agrees) + 所属单位 6.00 = 16.71 past the whole 15.71 in the same sentence: N02 错误."""
    found = _sifaju("2026年“三公”经费预算15.71万元，其中本级10.71万元、所属单位6.00万元。")
    assert [(c, s) for c, s, _ in found] == [("N02", "error")]


@pytest.mark.parametrize(
    "sentence",
    [
        "2026年“三公”经费预算10.71万元，其中：公务接待费0.73万元、公务用车购置及运行费9.98万元。",  # items, no scope
        "2026年“三公”经费预算15.71万元，其中所属单位5.00万元。",  # a part of another scope: no table's
    ],
)
def test_parts_named_by_no_scope_of_the_table_stay_quiet(sentence):
    assert _sifaju(sentence) == []


def test_a_sheets_whole_made_of_its_levels_is_not_its_own_levels_table():
    """The same in a sheet's 说明 (石泉路街道（本级） 2026 预算, 合计 8.53): "“三公”经费预算12.3万元，其中本级9.1万元、所属
    单位4.2万元" — the 本级 part is an N01 错误 and the parts past the whole an N02 错误; the whole (the department's) was
    an N01 错误 against the 本级 合计 too — no longer."""
    from report_helpers import workbook_result
    from test_heldout32 import _CARS, _OVERSEAS, _TOTAL, _merges, _shiquan

    said = (_TOTAL, _OVERSEAS, _CARS, "“三公”经费预算12.3万元，其中本级9.1万元、所属单位4.2万元。")
    with tempfile.TemporaryDirectory() as d:
        found = workbook_result(Path(d), _shiquan(sentences=said), _merges()).findings
    n = [(f.code, f.severity.value) for f in found if f.code in ("N01", "N02")]
    assert sorted(n) == [("N01", "error"), ("N02", "error")]
    assert not any("12.3万元，而" in f.message for f in found)


def test_an_html_reports_table_takes_the_note_below_it():
    """A report saved as HTML: the <p> right after a table is its note, the last table's too."""
    from perfxl.io.html_source import html_grids

    html = (
        "<html><body><p>单位：万元</p><table><tr><td>项目</td><td>预算数</td></tr></table>"
        f"<p>{_TEMPLATE_NOTE}</p><p>正文。</p><table><tr><td>项目</td></tr></table><p>注：本表为空表。</p></body></html>"
    )
    assert [g.note_below for g in html_grids(html)] == [_TEMPLATE_NOTE, "注：本表为空表。"]
