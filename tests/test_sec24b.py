"""sec24b: the guard's other entry points red-teamed — .docx parts, HTML tables, PDF streams and pages.

Each test builds the hostile file and shows the decision at a small limit (the file stays a few KB): on the code
before sec24b every one of them was read past the limit (docs/bad-inputs.md, "sec24b", has the full-size runs).
"""

from __future__ import annotations

import binascii
import zipfile
import zlib
from pathlib import Path

import pytest

from perfxl.errors import UnreadableWorkbook
from perfxl.io.guard import Limits, inspect_file
from perfxl.io.html_source import html_grids

pytest.importorskip("pdfplumber")

from perfxl.document.pdf_reader import read_pdf

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _body(paragraphs: int) -> str:
    runs = "".join(f"<w:p><w:r><w:t>第{i}段 资金执行率{i % 97}%</w:t></w:r></w:p>" for i in range(paragraphs))
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{runs}</w:body></w:document>'


def _docx(path: Path, main: str, parts: dict[str, str]) -> Path:
    overrides = "".join(f'<Override PartName="/{n}" ContentType="{MAIN_CT}"/>' for n in {main, "word/document.xml"})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'officeDocument" Target="{main}"/></Relationships>',
        )
        for name, text in parts.items():
            z.writestr(name, text)
    return path


SMALL_DOC = Limits().with_pairs(["max_document_bytes=100000"])


def test_docx_main_part_named_by_the_relationship_is_measured(tmp_path: Path) -> None:
    """python-docx reads the part `_rels/.rels` names; a small decoy word/document.xml hid a large body (16 MB: 2 min,
    540 MB before)."""
    big = _body(3000)
    assert len(big.encode()) > 100_000
    path = _docx(tmp_path / "r.docx", "word/main.xml", {"word/document.xml": _body(1), "word/main.xml": big})
    with pytest.raises(UnreadableWorkbook) as exc:
        inspect_file(path, SMALL_DOC)
    assert exc.value.code == "DOCUMENT_TOO_LARGE" and exc.value.cell == "word/main.xml"
    assert "PERFXL_MAX_DOCUMENT_BYTES" in exc.value.message


def test_docx_any_large_xml_part_is_measured_but_not_an_image(tmp_path: Path) -> None:
    """styles.xml (parsed by docx.Document() for the annotated copy) is held to the same bound; a large part that is not
    XML (an image: python-docx holds its bytes) is not."""
    styles = f'<?xml version="1.0"?><w:styles {W}>' + "<w:style/>" * 20_000 + "</w:styles>"
    doc = {"word/document.xml": _body(1), "word/styles.xml": styles}
    with pytest.raises(UnreadableWorkbook) as exc:
        inspect_file(_docx(tmp_path / "s.docx", "word/document.xml", doc), SMALL_DOC)
    assert exc.value.code == "DOCUMENT_TOO_LARGE" and exc.value.cell == "word/styles.xml"
    image = {"word/document.xml": _body(1), "word/media/image1.png": "\x89PNG" + "x" * 150_000}
    assert inspect_file(_docx(tmp_path / "i.docx", "word/document.xml", image), SMALL_DOC).kind.value == "docx"


def test_html_table_bounded_by_its_padded_rectangle() -> None:
    """One wide row over many one-cell rows: few cells, but the Grid is padded to rows × columns (an 870 KB file asked
    for 30,001 × 30,000 cells: MemoryError at 3 GB)."""
    wide = "<tr>" + "<td>1</td>" * 300 + "</tr>"
    text = "<html><body><table>" + wide + "<tr><td>1</td></tr>" * 300 + "</table></body></html>"
    with pytest.raises(UnreadableWorkbook) as exc:
        html_grids(text, max_cells=10_000)
    assert exc.value.code == "SHEET_TOO_LARGE" and "301 行 × 300 列" in exc.value.message
    assert len(html_grids(text, max_cells=100_000)[0].rows) == 301  # within the budget it is read


def _pdf(path: Path, stream: bytes, dictionary: bytes, *, page_type: bytes = b"/Page", pages: int = 1) -> Path:
    """A one-content-stream PDF (every page shares it) with a correct xref; `dictionary` goes into the stream's."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Length %d " % len(stream) + dictionary + b" >>\nstream\n" + stream + b"\nendstream",
        b"/FlateDecode",
    ]
    font = b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    objs += [
        b"<< /Type " + page_type + b" /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 3 0 R " + font + b" >>"
    ] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


SMALL_PDF = Limits().with_pairs(["max_pdf_stream_bytes=1000000"])
CONTENT = b"BT /F1 12 Tf 20 100 Td (ok) Tj ET" + b" " * 1_280_000  # a line of text, then 1.28 MB of white space
CONTENT_FLAT = zlib.compress(CONTENT, 9)


@pytest.mark.parametrize(
    ("stream", "dictionary"),
    [
        (zlib.compress(CONTENT_FLAT, 9), b"/Filter [/FlateDecode /FlateDecode]"),  # the inner layer
        (binascii.hexlify(CONTENT_FLAT) + b">", b"/Filter [/ASCIIHexDecode /FlateDecode]"),  # not Flate at the start
        (CONTENT_FLAT, b"/Filter 4 0 R"),  # the filter by reference
        (CONTENT_FLAT, b"/Filter /F#6CateDecode"),  # a name escape pdfminer decodes
        (CONTENT_FLAT, b"/Filter /FlateDecode /Pad (" + b"x" * 5000 + b")"),  # past the pre-scan's 4 KiB window
        (CONTENT_FLAT, b"/Filter /FlateDecode /Note (obj)"),  # "obj" cut the dictionary the pre-scan read
    ],
    ids=["flate-flate", "hex-flate", "indirect", "name-escape", "long-dict", "obj-in-string"],
)
def test_pdf_stream_the_prescan_missed_is_capped_where_pdfminer_decodes(tmp_path: Path, stream, dictionary) -> None:
    path = _pdf(tmp_path / "b.pdf", stream, dictionary)
    assert inspect_file(path, SMALL_PDF).kind.value == "pdf"  # the pre-scan passes it: its text search misses it
    with pytest.raises(UnreadableWorkbook) as exc:
        read_pdf(path, SMALL_PDF)
    assert exc.value.code == "PDF_BOMB" and "压缩炸弹" in exc.value.message
    assert "max_pdf_stream_bytes" in exc.value.message_en
    read_pdf(path)  # the same file within the default limits is read


def test_pdf_runlength_layer_is_capped(tmp_path: Path) -> None:
    """A RunLength run of 2 bytes yields 128: under Flate (measured) it multiplies what the pre-scan saw by 64."""
    rle = b"\x81 " * 10_000  # 1.28 MB of spaces from 20 KB
    path = _pdf(tmp_path / "rl.pdf", zlib.compress(rle, 9), b"/Filter [/FlateDecode /RunLengthDecode]")
    with pytest.raises(UnreadableWorkbook) as exc:
        read_pdf(path, SMALL_PDF)
    assert exc.value.code == "PDF_BOMB"


def test_pdf_pages_counted_by_pdfminers_walk(tmp_path: Path) -> None:
    """`/Type /P#61ge` is a page to pdfminer and none to the pre-scan's text search."""
    path = _pdf(tmp_path / "p.pdf", CONTENT_FLAT, b"/Filter /FlateDecode", page_type=b"/P#61ge", pages=3)
    limits = Limits().with_pairs(["max_pdf_pages=2"])
    assert inspect_file(path, limits).pages == 0
    with pytest.raises(UnreadableWorkbook) as exc:
        read_pdf(path, limits)
    assert exc.value.code == "PDF_TOO_MANY_PAGES" and "PERFXL_MAX_PDF_PAGES" in exc.value.message
    read_pdf(path, Limits().with_pairs(["max_pdf_pages=3"]))


def test_corrupted_flate_fallback_keeps_pdfminers_bytes_and_errors() -> None:
    """pdfminer's fallback for a bad checksum fed one byte at a time with `+=` (quadratic: a 16 MiB stream took
    minutes); the stand-in returns the same bytes, and raises where it raised."""
    import pdfminer.pdftypes as pdftypes

    from perfxl.io import pdf_decode

    data = zlib.compress(CONTENT[:50_000] + bytes(range(256)) * 20)
    bad_sum = data[:-2] + bytes([data[-2] ^ 0xFF, data[-1]])
    bad_early = data[:20] + b"\xff" * 8 + data[28:]
    original = pdftypes.decompress_corrupted if not getattr(pdftypes, "_perfxl_bounded", False) else None
    ours = pdf_decode._decompress_corrupted
    plain = CONTENT[:50_000] + bytes(range(256)) * 20
    assert ours(bad_sum) == plain
    if original is not None:
        assert original(bad_sum) == plain
    with pytest.raises(zlib.error):
        ours(bad_early)
