"""pdf24 (session 24): an indicator report's PDF reads its 自评表 as the .docx does when the table is ruled (sec24a's
bench built it without borders: its PDF keeps no rules, so the table is read as unruled text — coverage, never guessed —
and gave 0 findings where the .docx gave 5); the PDF reader lets go of each page's layout once read (memory flat in
pages); the text reading bound is the guard's `Limits.max_text_chars` / `max_text_figures` (PERFXL_MAX_TEXT_CHARS…).

The report is project-built (tests/test_document_realreport.build_docx), ruled as tests/test_document_pdf_parity.py does,
exported by headless LibreOffice."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_document_pdf_parity import lay_out
from test_document_realreport import build_docx

from perfxl.document import read_source
from perfxl.document.facts import readable
from perfxl.io.guard import Limits
from perfxl.io.libreoffice import convert_many, soffice_path
from perfxl.model import CellRef
from perfxl.validate import validate_file

ROWS = 60  # the table runs over a page break

_HEAD = [
    ["项目名称", "职业技能培训项目", "", "", "", "", "", "", ""],
    ["项目资金 (万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
    ["", "年度资金总额", "100", "100", "90", "10", "90%", "9", ""],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
]


def _row(i: int) -> list[str]:
    return ["", "产出指标", "数量指标", f"第{i}类培训人数", f"≥{i % 90 + 10}人", f"{i % 90 + 12}人", "1", "1", ""]


def _stated(i: int) -> str:
    actual = i % 90 + 12 + (5 if i == 7 else 0)  # one actual the narrative misstates: N01 against the table
    return f"第{i}类培训人数目标≥{i % 90 + 10}人，实际完成{actual}人；"


FIXTURE = {
    "paragraphs": [
        "全年预算数为100万元，执行数为90万元，完成预算的90%。",
        "".join(_stated(i) for i in range(ROWS)),
    ],
    "tables": [{"name": "表1", "rows": _HEAD + [_row(i) for i in range(ROWS)], "merges": []}],
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    out = tmp_path_factory.mktemp("pdf24")
    ruled, plain = out / "ruled.docx", out / "plain.docx"
    build_docx(FIXTURE, ruled)
    lay_out(ruled, "ruled", FIXTURE)
    build_docx(FIXTURE, plain)
    pdfs = convert_many([ruled, plain], "pdf", out / "pdf")
    return {"ruled": (ruled, pdfs[0]), "plain": (plain, pdfs[1])}


def _verdicts(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(code, severity, cell, actual) of each finding: a table's cells are named alike in both (a PDF grid is
    "第1页 表1", a Word table "表1": the sheet left out); a paragraph's place is the page's in a PDF (left out)."""
    found = validate_file(path).findings
    return sorted(
        (f.code, f.severity.value, f.ref.cell if isinstance(f.ref, CellRef) else None, f.actual) for f in found
    )


@pytest.mark.libreoffice
@pytest.mark.slow
def test_the_ruled_indicator_report_pdf_reads_its_self_evaluation_table_as_the_docx(exported):
    docx_path, pdf_path = exported["ruled"]
    docx_verdicts = _verdicts(docx_path)
    assert ("N01", "error", None, "24人") in docx_verdicts  # the misstated actual
    assert _verdicts(pdf_path) == docx_verdicts
    source = read_source(pdf_path)
    assert source.pages >= 2 and len(source.grids) == 1  # one table over the page break, joined
    assert len(source.grids[0].rows) == len(_HEAD) + ROWS
    kinds = [(c.kind, c.certain, c.read) for c in validate_file(pdf_path).coverage.sheets]
    assert kinds == [(c.kind, c.certain, c.read) for c in validate_file(docx_path).coverage.sheets]
    assert kinds == [("project", True, True)]  # read as a 项目支出绩效自评表


@pytest.mark.libreoffice
@pytest.mark.slow
def test_the_unruled_table_pdf_says_its_table_was_not_read(exported):
    """Why the bench's PDF found nothing: no rules, no grid — the columns of text are coverage (unruled_table), the
    table's findings are not guessed from them."""
    docx_path, pdf_path = exported["plain"]
    assert any(c == "N01" for c, *_ in _verdicts(docx_path))
    result = validate_file(pdf_path)
    assert not [f for f in result.findings if f.severity.value == "error"]
    assert not read_source(pdf_path).grids
    unread = [c for c in result.coverage.sheets if c.kind == "unruled_table"]
    assert unread and all(not c.read and "没有表格线" in c.note_zh for c in unread)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_each_page_lets_go_of_its_layout_once_read(exported, monkeypatch):
    """pdfplumber caches each page's pdfminer layout and objects (≈ 55 KB a paragraph): held for every page, memory
    grew with the pages (sec24a: 560 MB for 10,000 short paragraphs). The reader closes each page once read."""
    import pdfplumber

    opened = []
    real_open = pdfplumber.open

    def spying_open(*args, **kwargs):
        pdf = real_open(*args, **kwargs)
        opened.append(pdf)
        return pdf

    monkeypatch.setattr(pdfplumber, "open", spying_open)
    source = read_source(exported["ruled"][1])
    assert source.grids and len(opened) == 1
    pages = opened[0]._pages
    assert len(pages) == source.pages >= 2
    assert not [p for p in pages if hasattr(p, "_layout") or hasattr(p, "_objects")]


def test_the_text_bound_is_a_guard_limit_with_the_former_defaults():
    limits = Limits()
    assert (limits.max_text_chars, limits.max_text_figures) == (6_000, 400)
    text = "收入" + "增长1.5%，" * 100  # 702 characters, 200 figures
    assert readable(text) and readable(text, limits)
    assert not readable(text, limits.with_pairs(["max_text_chars=700"]))
    assert not readable(text, limits.with_pairs(["max_text_figures=199"]))
    assert readable(text, limits.with_pairs(["max_text_figures=200"]))


def test_the_environment_sets_the_text_bound_and_the_coverage_says_it(tmp_path, monkeypatch):
    paragraph = "全年预算数为100万元，执行数为90万元，完成预算的90%。" + "".join(_stated(i) for i in range(20))
    path = tmp_path / "report.docx"
    build_docx({**FIXTURE, "paragraphs": [paragraph]}, path)

    def skipped(result) -> list[str]:
        return [s.reason_zh for s in result.coverage.skipped if s.code == "N01"]

    read = validate_file(path)
    assert any(f.code == "N01" and f.actual == "24人" for f in read.findings)
    assert not [r for r in skipped(read) if "未读取其中的数字" in r]
    monkeypatch.setenv("PERFXL_MAX_TEXT_CHARS", str(len(paragraph) - 1))
    unread = validate_file(path)
    assert not [f for f in unread.findings if f.code == "N01"]
    assert f"第1段的文字超过 {len(paragraph) - 1} 字或 400 个数字，未读取其中的数字，未与表格核对" in skipped(unread)
