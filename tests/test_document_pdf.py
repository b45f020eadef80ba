"""The PDF reader on the seed report's LibreOffice export, the scanned-PDF refusal, and the annotated .docx copy."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from perfxl.document import read_document
from perfxl.errors import UnreadableWorkbook
from perfxl.validate import validate_file
from perfxl.workbook.report_docx import build_report_docx, export_pdf, soffice

needs_lo = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) not installed")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return build_report_docx(tmp_path_factory.mktemp("pdf") / "report.docx")


@pytest.fixture(scope="module")
def pdf_result(report):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    return validate_file(export_pdf(report.path))


@pytest.mark.libreoffice
@pytest.mark.slow
@needs_lo
def test_pdf_export_finds_the_four_contradictions_with_page_numbers(pdf_result):
    assert pdf_result.ok and pdf_result.coverage.source_format == "pdf"
    narrative = [f for f in pdf_result.findings if f.code in ("N01", "N02", "N03")]
    assert sorted((f.code, f.actual) for f in narrative) == [
        ("N01", "16家"),
        ("N01", "19家"),
        ("N01", "3万元"),
        ("N01", "3万元"),
        ("N03", "以上目标均以完成"),
    ]
    assert all(f.ref.page == 1 and f.ref.paragraph for f in narrative)
    assert {f.related[0].sheet for f in narrative} <= {"第2页 表1", "第3页 表2"}


@pytest.mark.libreoffice
@pytest.mark.slow
@needs_lo
def test_pdf_tables_give_the_same_table_findings_as_the_docx(report, pdf_result):
    docx_codes = Counter(
        f.code for f in validate_file(report.path).findings if f.code[0] != "N" and "LAYOUT" not in f.code
    )
    pdf_codes = Counter(f.code for f in pdf_result.findings if f.code[0] != "N" and "LAYOUT" not in f.code)
    assert pdf_codes == docx_codes


def test_a_scanned_pdf_is_refused_never_guessed(tmp_path):
    from PIL import Image

    scan = tmp_path / "扫描件.pdf"
    Image.new("RGB", (600, 800), "white").save(scan, "PDF")
    with pytest.raises(UnreadableWorkbook) as info:
        read_document(scan)
    assert "扫描件，无法读取文字" in info.value.message and info.value.code == "PDF_SCANNED"


def test_annotated_copy_comments_paragraphs_and_cells_without_changing_text(report, tmp_path):
    import docx

    from perfxl.document import read_source
    from perfxl.document.annotate_docx import annotate_docx

    result = validate_file(report.path)
    copy = annotate_docx(report.path, result.findings, tmp_path / "report.校验.docx")
    assert copy.unplaced == 0
    places = {
        ("p", f.ref.paragraph) if f.sheet == "正文" else ("c", f.sheet, f.ref.anchor or f.cell) for f in result.findings
    }
    assert copy.comments == len(places)
    comments = list(docx.Document(str(copy.path)).comments)
    assert any("N03" in c.text and "规模工业总产值" in c.text for c in comments)
    before, after = read_source(report.path), read_source(copy.path)
    assert [p.text for p in before.paragraphs] == [p.text for p in after.paragraphs]
    assert [g.rows for g in before.grids] == [g.rows for g in after.grids]


# ---------------------------------------------------------------- an old binary Word .doc


@pytest.mark.libreoffice
@pytest.mark.slow
@needs_lo
def test_an_old_doc_is_converted_by_libreoffice_and_checked_like_the_docx(report, tmp_path):
    from perfxl.io.libreoffice import convert_many

    [doc] = convert_many([report.path], "doc", tmp_path)
    assert doc.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE2 compound file, not a zip
    result = validate_file(doc)
    assert result.ok and result.coverage.source_format == "doc"
    # LibreOffice's own .doc round trip of this generated report keeps the narrative and the 基础数据表 (表2)
    # but turns the 自评表 into plain text; what perfxl read is said in the coverage, never guessed
    assert {s.sheet: s.kind for s in result.coverage.sheets if s.certain} == {"表2": "basic"}
    [p_three] = report.paragraph_with("three_public_budget")
    [p_recep] = report.paragraph_with("reception_budget")
    n01 = sorted((f.ref.paragraph, f.actual, f.severity.value) for f in result.findings if f.code == "N01")
    assert n01 == [(p_three, "3万元", "error"), (p_recep, "3万元", "error")]


@pytest.mark.libreoffice
@pytest.mark.slow
@needs_lo
def test_a_doc_without_libreoffice_or_that_will_not_convert_is_refused_with_a_message(report, tmp_path, monkeypatch):
    from perfxl.document import legacy_doc
    from perfxl.io.libreoffice import convert_many

    [doc] = convert_many([report.path], "doc", tmp_path)
    monkeypatch.setattr(legacy_doc, "soffice_path", lambda: None)
    refused = validate_file(doc)
    assert not refused.ok and refused.error["code"] == "DOC_LEGACY_FORMAT"
    assert "另存为" in refused.error["message"] and "LibreOffice" in refused.error["message"]
    monkeypatch.undo()
    broken = tmp_path / "坏的.doc"
    broken.write_bytes(doc.read_bytes()[:4096])  # an OLE2 header with its body cut off
    cut = validate_file(broken)
    assert not cut.ok and cut.error["code"] == "OLE_CORRUPT" and "Word 97-2003 文档 (.doc)" in cut.error["message"]


# ---------------------------------------------------------------- tables over a page break (PDF parity)


def _ruled_docx(path, paragraphs: int, rows: list[list[str]], *, repeat_header: bool = False):
    """A .docx of `paragraphs` filler paragraphs, then one ruled table ("Table Grid") of `rows` — its first
    row repeated at the top of every page when `repeat_header` (Word's 标题行重复, w:tblHeader)."""
    import docx
    from docx.oxml import OxmlElement

    d = docx.Document()
    for n in range(paragraphs):
        d.add_paragraph(f"第{n + 1}段：本段为版面填充文字，用来把表格推到页面下部。")
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).paragraphs[0].text = text
    if repeat_header:
        t.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    d.save(path)
    return path


RUNNING_HEAD = "隆回县科技和工业信息化局2023年度部门整体支出绩效自评报告"
#: The seed report's own figures (its 部门决算 paragraph), repeated so that one paragraph runs over a page break.
FUNDS_SENTENCE = "部门2023年度收入决算2223.04万元，其中基本支出886.12万元，占支出总额的39.86%；项目支出1336.92万元，占支出总额的60.14%。"


def _running_heads_docx(path):
    """Twelve indented paragraphs over two pages under a running header and a 第 N 页 footer (a PAGE field)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEAD
    footer = section.footer.paragraphs[0]
    footer.text = "第 "
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    footer.add_run(" 页")
    for n in range(12):
        d.add_paragraph(f"本段第{n + 1}段。" + FUNDS_SENTENCE * 3).paragraph_format.first_line_indent = Pt(21)
    d.save(path)
    return path


REALWORLD = Path(__file__).resolve().parent / "realworld" / "reports"
#: Real paragraphs whose lines wrap short of the edge before a unit LibreOffice keeps whole ("元、2023" after
#: "11.60 万", "话:0838-7211924" after "联系电"): no paragraph ends there.
WRAPPED_UNITS = (("guangxi-wuzhou-yibaoju-bumen-2024", 4), ("sichuan-zhongjiang-shuili-xianjie-2022", 1))
#: A real report's one-line title paragraphs, set as a 公文: 三号 with a two-character indent on every line.
INDENTED_TITLES = (
    ("unknown-jichushujubiao-2018", 1),
    ("unknown-jichushujubiao-2018", 2),
    ("unknown-jichushujubiao-2018", 3),
    ("unknown-jichushujubiao-2018", 4),
)


def _real_paragraphs_docx(path, which, *, indent: bool):
    """A .docx of real published paragraphs (fixture, paragraph number), as body text — 三号 (16 pt) with
    a two-character first-line indent when `indent`."""
    import tomllib

    import docx
    from docx.shared import Pt

    d = docx.Document()
    if indent:
        d.styles["Normal"].font.size = Pt(16)
    for stem, n in which:
        text = tomllib.loads((REALWORLD / f"{stem}.toml").read_text(encoding="utf-8"))["paragraphs"][n - 1]
        p = d.add_paragraph(text)
        if indent:
            p.paragraph_format.first_line_indent = Pt(32)
    d.save(path)
    return path


#: A real report's paragraphs, as published (云南省应急管理厅 2020 森林航空消防 自评,
#: http://yjglt.yn.gov.cn/html/2021/ysgk_0421/25860.html): two end with "。" on a nearly full last line and
#: the next, a numbered heading without indent, begins on the very next line.
HEADED_PARAGRAPHS = (
    "2.总体绩效目标完成情况",
    "2020年云南省租用7架航空应急救援直升机开展森林航空消防工作。防期内共发生火灾54起,森林火灾发生率约为0.2次/10万公顷,"
    "受害森林面积995.26公顷,受害率为0.038‰。森林航空消防经费投入,极大提升森林火灾扑救效率,较好实现了年度目标。",
    "3.绩效指标完成情况",
    "2)效益指标",
    "生态效益指标:年森林火灾发生率需控制在6.5次/10万公顷,实际森林火灾发生率为0.2次/10万公顷;森林火灾受害率需控制在1‰以内,"
    "实际森林火灾受害率为0.038‰。",
    "3)满意度指标",
    "基层群众对森林草原航空消防项目的满意度需达到80%以上,实际满意度为90%。",
)


@pytest.fixture(scope="module")
def page_break_pdfs(tmp_path_factory):
    """(docx, pdf) pairs: a table whose rows break between pages, and one with a row broken over the break."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    from perfxl.io.libreoffice import convert_many

    out = tmp_path_factory.mktemp("pagebreak")
    many = [["指标", "年度指标值", "分值"]] + [[f"指标{n}", f"{n}个", "2"] for n in range(1, 51)]
    long_row = [
        ["指标", "说明", "分值"],
        ["质量指标", "说明" + "，".join(f"第{n}项工作按期完成" for n in range(1, 40)) + "。", "10"],
        ["满意度", "满意", "5"],
    ]
    docs = [_ruled_docx(out / "rows.docx", 20, many), _ruled_docx(out / "broken.docx", 25, long_row)]
    import docx

    headed = docx.Document()
    for text in HEADED_PARAGRAPHS:
        headed.add_paragraph(text)
    headed.save(out / "headed.docx")
    docs.append(out / "headed.docx")
    docs.append(_running_heads_docx(out / "running.docx"))
    docs.append(_real_paragraphs_docx(out / "wrapped.docx", WRAPPED_UNITS, indent=False))
    docs.append(_real_paragraphs_docx(out / "titles.docx", INDENTED_TITLES, indent=True))
    docs.append(_ruled_docx(out / "repeated.docx", 20, many, repeat_header=True))
    return list(zip(docs, convert_many(docs, "pdf", out / "pdf"), strict=True))


def _cells(source):
    return [[[v.replace("\n", "").replace(" ", "") for v in row] for row in g.rows] for g in source.grids]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_table_continued_on_the_next_page_has_no_phantom_row(page_break_pdfs):
    from perfxl.document import read_source

    docx_path, pdf_path = page_break_pdfs[0]
    pdf = read_source(pdf_path)
    assert pdf.pages >= 2 and len(pdf.grids) == 1  # one table over the page break
    assert _cells(pdf) == _cells(read_source(docx_path))


@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_row_broken_over_a_page_break_is_read_as_one_row(page_break_pdfs):
    from perfxl.document import read_source

    docx_path, pdf_path = page_break_pdfs[1]
    pdf = read_source(pdf_path)
    assert pdf.pages >= 2 and len(pdf.grids) == 1
    assert _cells(pdf) == _cells(read_source(docx_path))


@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_numbered_heading_after_a_full_last_line_is_its_own_paragraph(page_break_pdfs):
    from perfxl.document import read_source

    _, pdf_path = page_break_pdfs[2]
    assert [p.text for p in read_source(pdf_path).paragraphs] == list(HEADED_PARAGRAPHS)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_page_heads_and_numbers_are_no_narrative_and_a_paragraph_runs_over_the_page_break(page_break_pdfs):
    from perfxl.document import read_source

    docx_path, pdf_path = page_break_pdfs[3]
    pdf = read_source(pdf_path)
    assert pdf.pages == 2
    assert [p.text for p in pdf.paragraphs] == [p.text for p in read_source(docx_path).paragraphs]
    pages = [p.ref.page for p in pdf.paragraphs]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == 2  # a paragraph keeps the page it begins on
    assert [p.ref.paragraph for p in pdf.paragraphs if p.ref.page == 2] == list(range(1, pages.count(2) + 1))
    narrative = [f for f in validate_file(pdf_path).findings if f.code.startswith("N") and f.severity.rank >= 2]
    assert not narrative, [f"{f.code} {f.ref}: {f.message}" for f in narrative]  # the figures agree with each other


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("case", [4, 5], ids=["wrapped-units", "indented-titles"])
def test_real_paragraphs_are_read_whole_from_the_pdf(page_break_pdfs, case):
    from perfxl.document import read_source

    docx_path, pdf_path = page_break_pdfs[case]
    assert [p.text for p in read_source(pdf_path).paragraphs] == [p.text for p in read_source(docx_path).paragraphs]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_header_row_repeated_on_the_next_page_is_read_once(page_break_pdfs):
    from perfxl.document import read_source

    docx_path, pdf_path = page_break_pdfs[6]
    pdf = read_source(pdf_path)
    assert pdf.pages >= 2 and len(pdf.grids) == 1
    assert _cells(pdf) == _cells(read_source(docx_path))
