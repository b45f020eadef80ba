"""Issue 12, reading the 自评报告 itself: the gaps left by session 13's lead (docs14). Each test failed before its fix:

1. a unit paragraph just above a Word table ("单位：万元", not inside the table) was not the table's unit: its amounts
   were read as 元 (a 基础数据表's default) — four false N01 错误 against a narrative in 万元; now it is the table's
   unit when the table prints none (a caption line between is fine, a line further up never is; a unit inside the
   table wins), the N01 basis says so; the PDF reader takes the line above a table on its page alike;
2. "1E+309" in a table cell (scientific notation past Excel's range) was read as the figure 1 with a unit "E+": no
   C02, in a Word table as in a workbook — now the damage "1e999" already was (one mechanism, perfxl.values);
3. pinyin or English glosses interleaved by mirror sites ("基本支出（jīběn zhīchū）", "在职 zaizhi 45人") made names no
   claim matched ("基本支出jīběnzhīchū") and hid contradictions: the narrative is read without them;
4. "100人（注）": the note mark became a unit ("人(注") in a cell and the next figure's name in the text
   ("注退休人员", "注其中高新技术企业" losing its 其中 total);
5. XML_MALFORMED / FILE_DAMAGED / DOCX_CORRUPT / PDF_CORRUPT carried the parser's English words in the Chinese message;
6. B05 on a “三公”经费 table published on its own read as a 基础数据表's (its 部门整体 deduction too).
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import Table, render

from perfxl.document.facts import extract_facts
from perfxl.document.plain_text import plain_narrative
from perfxl.document.read import read_source
from perfxl.document.unit_above import unit_line_above
from perfxl.errors import UnreadableWorkbook
from perfxl.io.guard import check_file
from perfxl.profiles import load_profile
from perfxl.reader import read_submission
from perfxl.validate import validate_file
from perfxl.values import parse_value
from perfxl.workbook.report_docx import AGREEING_FIGURES, build_report_docx

# ---------------------------------------------------------------- 1. the unit line above a report's table

#: A 基础数据表's 三公 rows printed in 万元, the table itself printing no unit.
BASIC_ROWS = [
    ["2023年度部门整体支出绩效评价基础数据表", "", "", ""],
    ["经费控制情况", "2022年决算数", "2023年预算数", "2023年决算数"],
    ["三公经费", "2.5362", "2", "1.1131"],
    [" 1、公务用车购置和维护经费", "0", "0", "0"],
    [" 2、出国经费", "0", "0", "0"],
    [" 3、公务接待", "2.5362", "2", "1.1131"],
]
THREE_PUBLIC_TEXT = "“三公”经费财政拨款支出预算为{budget}万元，支出决算为1.11万元。"


def _report(path: Path, above: list[str], rows: list[list[str]] = BASIC_ROWS, budget: str = "2") -> Path:
    """A report .docx: one narrative paragraph, the paragraphs `above`, then the table (ruled, for the PDF export)."""
    d = docx.Document()
    d.add_paragraph(THREE_PUBLIC_TEXT.format(budget=budget))
    for text in above:
        d.add_paragraph(text)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, cells in zip(rows, (r.cells for r in table.rows), strict=True):
        for text, cell in zip(row, cells, strict=True):
            if text:
                cell.paragraphs[0].text = text
    d.save(path)
    return path


def _n01(path: Path) -> list:
    return [f for f in validate_file(path).findings if f.code == "N01"]


@pytest.mark.parametrize("above", [["单位：万元"], ["单位：万元", "附表1"], ["附表1 基础数据表（单位：万元）"]])
def test_a_unit_paragraph_above_a_word_table_is_its_unit(tmp_path, above):
    path = _report(tmp_path / "r.docx", above)
    assert [g.unit_above for g in read_source(path).grids] == [
        next(t for t in above if "单位" in t)
    ]  # the caption line between is no bar
    assert _n01(path) == []  # before: 2万元 against "2元" and 1.11万元 against "1.1131元", four 错误


def test_a_unit_further_up_or_none_leaves_the_table_without_one(tmp_path):
    further = _report(tmp_path / "f.docx", ["单位：万元", "附表1", "基础数据表"])
    assert [g.unit_above for g in read_source(further).grids] == [""]
    sentence = _report(tmp_path / "s.docx", ["单位：万元", "以下为本局2023年度基础数据表，请审阅。"])
    assert [g.unit_above for g in read_source(sentence).grids] == [""]
    assert unit_line_above([]) == "" and unit_line_above(["收入决算2223.04万元"]) == ""


def test_a_unit_inside_the_table_wins(tmp_path):
    rows = [BASIC_ROWS[0], ["单位：万元", "", "", ""], *BASIC_ROWS[1:]]
    path = _report(tmp_path / "in.docx", ["单位：元"], rows)
    sub = read_submission(path, load_profile(None))
    assert sub.basic is not None and (sub.basic.unit, sub.basic.unit_above) == ("万元", "")
    assert _n01(path) == []


def test_a_finding_on_such_a_table_states_where_its_unit_came_from(tmp_path):
    (n01,) = _n01(_report(tmp_path / "w.docx", ["单位：万元"], budget="3"))
    assert "2万元" in n01.message and "上方的“单位：万元”" in n01.basis, n01
    assert "from the line above it" in n01.basis_en


def test_a_self_evaluation_table_under_a_unit_line_reads_its_funds_in_it(tmp_path):
    """The 自评表's funds default to 万元: under "单位：元" they are 元 (a true contradiction with a text in 万元, said)."""
    seed = build_report_docx(tmp_path / "seed.docx", AGREEING_FIGURES)
    rows = [list(r) for r in read_source(seed.path).grids[2].rows]
    rows[2][0] = "年度预算申请"  # the unit the seed prints in the funds header: gone
    for above, unit in ((["单位：元"], "元"), ([], "万元")):
        d = docx.Document()
        d.add_paragraph("支出决算：本年支出合计2223.04万元，其中：基本支出886.12万元。")
        for text in above:
            d.add_paragraph(text)
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for row, cells in zip(rows, (r.cells for r in table.rows), strict=True):
            for text, cell in zip(row, cells, strict=True):
                if text:
                    cell.paragraphs[0].text = text
        d.save(tmp_path / "ev.docx")
        sub = read_submission(tmp_path / "ev.docx", load_profile(None))
        assert [e.funds.unit for e in sub.evaluations if e.funds is not None] == [unit]
        n01 = _n01(tmp_path / "ev.docx")
        assert all("上方的“单位：元”" in f.basis for f in n01) and bool(n01) == bool(above)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_the_pdf_reader_takes_the_unit_line_above_a_table_on_its_page(tmp_path):
    from perfxl.io.libreoffice import soffice_path
    from perfxl.workbook.report_docx import export_pdf

    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    pdf = export_pdf(_report(tmp_path / "p.docx", ["单位：万元"]), tmp_path)
    assert [g.unit_above for g in read_source(pdf).grids] == ["单位：万元"]
    assert _n01(pdf) == []


# ---------------------------------------------------------------- 2. "1E+309" in a cell


def test_scientific_notation_past_excels_range_is_damage_not_a_figure(tmp_path):
    for text in ("1E+309", "-1E+309", "1.5E+308"):
        p = parse_value(text)
        assert p.damaged and p.number is None and p.unit is None, (text, p)
    assert parse_value("1e999").damaged  # as before
    rows = [BASIC_ROWS[0], ["单位：万元", "", "", ""], *BASIC_ROWS[1:]]
    rows[3] = ["三公经费", "2.5362", "1E+309", "1.1131"]
    word = _report(tmp_path / "e.docx", [], rows)
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "e.xlsx")
    for path in (word, tmp_path / "e.xlsx"):
        c02 = [f for f in validate_file(path).findings if f.code == "C02"]
        assert [f.ref.cell for f in c02] == ["C4"] and "1E+309" in c02[0].message, (path, c02)


# ---------------------------------------------------------------- 3. pinyin and English glosses


@pytest.mark.parametrize(
    ("glossed", "plain"),
    [
        ("shouru 收入决算2223.04万元", "收入决算2223.04万元"),
        ("其中：基本支出（jīběn zhīchū）886.12万元", "其中：基本支出886.12万元"),
        ("项目支出（Project expenditure）1336.92万元", "项目支出1336.92万元"),
        ("公务接待费 gongwu jiedai fei 支出预算为2万元", "公务接待费支出预算为2万元"),
        ("其中在职 zaizhi 45人", "其中在职45人"),
    ],
)
def test_glosses_are_read_past(glossed, plain):
    assert plain_narrative(glossed) == plain


def test_glosses_never_eat_figures_codes_or_units():
    kept = "完成PPP项目3个，e政务平台1个，APP下载量2万次，PM2.5浓度35微克，里程 12 km 以上，执行数(B)为100万元。"
    assert plain_narrative(kept) == kept


def test_a_glossed_report_reads_as_the_plain_one(tmp_path):
    """The seed report agreeing with its tables, its money paragraphs glossed as a mirror site prints them: nothing more
    is found than in the plain one; a wrong figure in a glossed clause is still found."""
    plain = build_report_docx(tmp_path / "plain.docx", AGREEING_FIGURES).path
    glossed = _glossed(plain, tmp_path / "glossed.docx")
    assert _codes(glossed) == _codes(plain)
    wrong = build_report_docx(tmp_path / "wrong.docx", {**AGREEING_FIGURES, "basic": "896.12"}).path
    assert ("N01", "error") in {(c, s) for c, s, _ in _codes(_glossed(wrong, tmp_path / "wrong-glossed.docx"))}


_GLOSSES = {"基本支出": "基本支出（jīběn zhīchū）", "项目支出": "项目支出 xiangmu zhichu ", "在职": "在职 zaizhi "}


def _glossed(path: Path, out: Path) -> Path:
    d = docx.Document(str(path))
    for p in d.paragraphs:
        text = p.text
        if any(word in text for word in _GLOSSES) and not p.runs[1:]:
            for word, gloss in _GLOSSES.items():
                text = text.replace(word, gloss)
            p.runs[0].text = text
    d.save(out)
    return out


def _codes(path: Path) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.severity.value, str(f.ref)) for f in validate_file(path).findings)


# ---------------------------------------------------------------- 4. "100人（注）"


def test_a_note_mark_after_the_measure_word_is_no_part_of_figure_or_name():
    for text in ("100人（注）", "100人(注)", "100人（注1）", "100人（见注）"):
        p = parse_value(text)
        assert (p.number, p.unit) == (100, "人"), (text, p)
    facts = extract_facts("核定编制数32人（注）退休人员73人。新增企业13家（注）其中高新技术企业5家（注）。", 1).facts
    assert [(f.subject, f.quantity.text) for f in facts] == [
        ("编制数", "32人"),
        ("退休人员", "73人"),
        ("新增企业", "13家"),
        ("高新技术企业", "5家"),
    ]
    assert facts[3].parent == 2  # the 其中 part of 13家 (before: "注其中高新技术企业", no total)


# ---------------------------------------------------------------- 5. Chinese messages for damaged files


def test_a_malformed_part_is_named_in_chinese_its_parser_words_in_english(tmp_path):
    book = openpyxl.Workbook()
    buffer = io.BytesIO()
    book.save(buffer)
    out = tmp_path / "自评表.xlsx"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"<workbook><sheets>" if item.filename == "xl/workbook.xml" else data)
    with pytest.raises(UnreadableWorkbook) as err:
        check_file(out)
    exc = err.value
    assert exc.code == "XML_MALFORMED"
    assert "自评表.xlsx" in exc.message and "工作簿结构" in exc.message and "xl/workbook.xml" in exc.message
    assert not any(word in exc.message for word in ("token", "line", "column")), exc.message
    assert "line" in exc.message_en  # the parser's detail kept for the technical reader


def test_a_damaged_word_document_is_told_in_chinese(tmp_path):
    bad = tmp_path / "报告.docx"
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    result = validate_file(bad)
    assert not result.ok
    message = result.error["message"]
    assert "报告.docx" in message and not any(
        c.isascii() and c.isalpha() for c in message.replace("docx", "").replace("Word", "").replace("WPS", "")
    ), message


# ---------------------------------------------------------------- 6. B05 names the table it read


def _three_public(tmp_path: Path) -> Path:
    rows = [
        ["2016年“三公”经费支出决算表（单位：万元）", "", "", "", "", ""],
        ["项目", "合计", "因公出国(境)费", "公务接待费", "公务用车购置费", "公务用车运行维护费"],
        ["预算数", "30", "5", "10", "5", "10"],
        ["决算数", "32", "5", "12", "5", "10"],
    ]
    return render(Table(tmp_path / "sg.toml", rows, [], [], meta={"typed_in_excel": True}), tmp_path)


def test_b05_on_a_three_public_table_names_that_table(tmp_path):
    (b05,) = [f for f in validate_file(_three_public(tmp_path)).findings if f.code == "B05"]
    assert b05.message.startswith("三公经费表的三公经费控制率 106.67%"), b05.message
    assert "基础数据表" not in b05.message and "扣" not in b05.message  # no 部门整体 score for a 决算公开 table
    assert b05.message_en.startswith("三公 spending table:")


def test_b05_on_a_basic_data_table_keeps_its_deduction(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "基础数据表"
    for row in (BASIC_ROWS[0], ["单位：万元"], BASIC_ROWS[1], ["三公经费", 2.5, 2, 2.2], [" 3、公务接待", 2.5, 2, 2.2]):
        sheet.append(row)
    book.save(tmp_path / "b.xlsx")
    (b05,) = [f for f in validate_file(tmp_path / "b.xlsx").findings if f.code == "B05"]
    assert b05.message.startswith("基础数据表的三公经费控制率 110.00%") and "应得" in b05.message, b05.message
