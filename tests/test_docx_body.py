"""perfxl.document.docx_reader.open_body: a report's w:body parsed as python-docx's Document() parses it, without
parsing the package's other parts (styles, numbering, settings: ≈ 80% of opening a report), and the same refusals."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from report_helpers import report_docx

from perfxl.document.docx_reader import open_body, open_docx, read_docx
from perfxl.errors import UnreadableWorkbook


def _edited(src: Path, dst: Path, part: str, edit) -> Path:
    """`src` with `part` replaced by edit(its bytes)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, edit(data) if info.filename == part else data)
    return dst


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    """The seed's report with its three Word tables (merged cells included), built by build_report_docx."""
    return report_docx(tmp_path_factory.mktemp("body") / "seed.docx").path


def test_the_body_is_python_docxs_body(seed_report):
    body = open_body(seed_report)
    reference = docx.Document(str(seed_report)).element.body
    assert type(body) is type(reference)  # python-docx's element classes (CT_Body …), not plain lxml elements
    assert etree.tostring(body) == etree.tostring(reference)
    assert len(body.findall(".//{*}tbl")) == 3


@pytest.mark.parametrize(
    ("part", "edit", "words"),
    [
        ("[Content_Types].xml", lambda x: x.replace(b"document.main+xml", b"template.main+xml"), "not a Word file"),
        ("_rels/.rels", lambda x: x.replace(b"relationships/officeDocument", b"relationships/other"), "no relation"),
        ("word/document.xml", lambda x: x[:-40], "XMLSyntaxError"),
    ],
    ids=["template_content_type", "no_main_document", "document_xml_cut"],
)
def test_a_package_python_docx_refuses_is_refused_alike(seed_report, tmp_path, part, edit, words):
    bad = _edited(seed_report, tmp_path / "bad.docx", part, edit)
    with pytest.raises(UnreadableWorkbook) as ours:
        open_body(bad)
    with pytest.raises(UnreadableWorkbook) as theirs:
        open_docx(bad)
    assert ours.value.code == theirs.value.code == "DOCX_CORRUPT"
    assert ours.value.message_en == theirs.value.message_en and words in ours.value.message_en
    assert "Word 文档已损坏" in ours.value.message


def test_a_part_named_but_missing_is_refused_alike(seed_report, tmp_path):
    """open_body only checks that the parts it does not read are there (the guard inflates them all): a relationship
    to a part the archive lacks is still python-docx's refusal, in its words."""
    bad = tmp_path / "no_styles.docx"
    with zipfile.ZipFile(seed_report) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "word/styles.xml":
                zout.writestr(info.filename, zin.read(info))
    with pytest.raises(UnreadableWorkbook) as ours:
        open_body(bad)
    with pytest.raises(UnreadableWorkbook) as theirs:
        open_docx(bad)
    assert ours.value.code == theirs.value.code == "DOCX_CORRUPT"
    assert ours.value.message_en == theirs.value.message_en and "word/styles.xml" in ours.value.message_en


def test_a_damaged_styles_part_does_not_hide_the_text(tmp_path):
    """Only the body is read: a report whose styles.xml is cut still has its paragraphs checked (Word itself offers to
    repair such a file). Failed before open_body: read_docx raised DOCX_CORRUPT (XMLSyntaxError in styles.xml)."""
    d = docx.Document()
    d.add_paragraph("年度预算资金100万元，实际支出90万元，预算执行率为95%。")
    package = io.BytesIO()
    d.save(package)
    (tmp_path / "ok.docx").write_bytes(package.getvalue())
    bad = _edited(tmp_path / "ok.docx", tmp_path / "styles_cut.docx", "word/styles.xml", lambda x: x[:-40])
    with pytest.raises(UnreadableWorkbook):
        open_docx(bad)  # python-docx parses every part
    source = read_docx(bad)
    assert [p.text for p in source.paragraphs] == ["年度预算资金100万元，实际支出90万元，预算执行率为95%。"]
