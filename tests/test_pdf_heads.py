"""A one-page report's running header (issue 12): a tagged PDF marks it as an artifact (ISO 32000-1 §14.8.2.2 —
Word's "Save as PDF" tags by default, LibreOffice on request), so it is no paragraph; an untagged one-page PDF
gives no sign that tells it from a title, and it stays paragraph 1 (the stated limit).

The report is a real one (tests/realworld/reports/anhui-xuanzhou-honglao-zhuanyi-2022.toml, built by
`build_docx` and set like a 公文 with a running header and "— N —" page numbers by the parity test's `lay_out`),
exported by headless LibreOffice with and without tags.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_document_pdf_parity import compare, lay_out, reader_differences
from test_document_realreport import REPORTS, build_docx

from perfxl.document import read_source
from perfxl.io.libreoffice import convert_many, soffice_path

STEM = "anhui-xuanzhou-honglao-zhuanyi-2022"  # one page set as a 公文
HEADER = "宣城市宣州区应急管理局2022年度绩效自评报告"
TAGGED = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


@pytest.fixture(scope="module")
def one_page(tmp_path_factory):
    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    out = tmp_path_factory.mktemp("heads")
    fixture = tomllib.loads((REPORTS / f"{STEM}.toml").read_text(encoding="utf-8"))
    path = out / f"{STEM}.docx"
    build_docx(fixture, path)
    lay_out(path, "published", fixture)
    (tagged,) = convert_many([path], TAGGED, out / "tagged")
    (plain,) = convert_many([path], "pdf", out / "untagged")
    return fixture, path, tagged, plain


def _texts(pdf: Path) -> list[str]:
    return ["".join(p.text.split()) for p in read_source(pdf).paragraphs]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_tagged_one_page_pdf_reads_its_running_header_as_no_paragraph(one_page):
    fixture, docx_path, tagged, _ = one_page
    assert read_source(tagged).pages == 1
    assert HEADER not in _texts(tagged)
    assert compare(fixture, docx_path, tagged) == []
    assert reader_differences(fixture, docx_path, tagged) == []


@pytest.mark.libreoffice
@pytest.mark.slow
def test_an_untagged_one_page_pdf_keeps_its_header_as_paragraph_1(one_page):
    """The limit: nothing on the untagged page tells the header from a title, so it is not guessed away."""
    fixture, docx_path, _, plain = one_page
    assert _texts(plain)[0] == HEADER
    assert compare(fixture, docx_path, plain) == []  # the verdicts stay the .docx's
