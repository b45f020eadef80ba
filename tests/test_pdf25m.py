"""pdf25m (session 25): a PDF report's pages keep their text LINES, not their characters, until every page is read.

The reader holds every page's text outside its tables until the last page is read (running heads are found across
pages, a paragraph goes on over a page break, a caption at a page's foot belongs to the next page's table). Kept as
character tuples (x, y, top, text, x0, x1, artifact) that cost ≈ 5–6.5 KB a short paragraph; kept as `TextLine`s (text,
tops, edges, em, runs) ≈ 0.8 KB, most of it the Paragraph read from it. The running heads are dropped as whole lines
from a page's top and bottom, so the lines left are those the characters left would group into: the same reading
(sec25's harness compared every DocumentSource of 366 PDFs, main against this).

The PDFs here are written by hand (tests/badinput/builders._write_pdf): short Chinese paragraphs, one a line, in
Adobe's non-embedded STSong-Light (a Type0 font pdfminer maps through its own CMaps) — no LibreOffice needed.
"""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from badinput.builders import _write_pdf

from perfxl.document import read_source
from perfxl.document.pdf_text import drop_running_heads, page_text

_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font"
    b" /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement"
    b" 4 >> /DW 1000 /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000"
    b" 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>"
)
PER_PAGE = 40


def _line(x: float, y: float, text: str, size: int = 12) -> str:
    return f"BT /F1 {size} Tf {x} {y} Td <{text.encode('utf-16-be').hex().upper()}> Tj ET"


def cjk_pdf(path: Path, paragraphs: list[str], head: str = "", foot: str = "") -> Path:
    """`paragraphs` one a line, PER_PAGE a page (A4), with a running head and a numbered footer when given."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT]
    kids = []
    for number, at in enumerate(range(0, len(paragraphs), PER_PAGE), start=1):
        ops = [_line(72, 780 - 18 * k, text) for k, text in enumerate(paragraphs[at : at + PER_PAGE])]
        ops += [_line(200, 810, head, 10)] if head else []
        ops += [_line(250, 40, f"{foot} {number}", 10)] if foot else []
        content = "\n".join(ops).encode()
        kids.append(len(objects) + 1)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (len(objects) + 2)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{k} 0 R" for k in kids).encode(), len(kids))
    return _write_pdf(path, objects)


def _paragraphs(n: int) -> list[str]:
    """bench/hostile_documents.py's short paragraphs (sec24/pdf24's memory bench)."""
    return [f"第{i}项收入{i % 97 + 1}万元，比上年增长1.{i % 10}%。" for i in range(n)]


def _peak(path: Path) -> int:
    tracemalloc.start()
    try:
        read_source(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_a_short_paragraph_adds_is_bounded(tmp_path):
    """The peak grows < 2 KB a short paragraph (measured: 0.77 KB, most of it the Paragraph itself; the characters
    kept to the last page gave 5.2 KB). Two sizes, so what every read costs once (the imports warmed by a first
    read, one page's pdfminer layout) cancels out."""
    small, large = 80, 400
    files = {n: cjk_pdf(tmp_path / f"p{n}.pdf", _paragraphs(n)) for n in (small, large)}
    read_source(files[small])  # imports and pdfminer's CMaps loaded once, outside the measure
    peaks = {n: _peak(path) for n, path in files.items()}
    per_paragraph = (peaks[large] - peaks[small]) / (large - small)
    assert per_paragraph < 2_000, (peaks, per_paragraph)


def test_the_paragraphs_read_are_the_text_written(tmp_path):
    """The measure above reads what was written: each paragraph whole, on its page, with no running head or footer."""
    texts = _paragraphs(90)
    source = read_source(
        cjk_pdf(tmp_path / "heads.pdf", texts, head="某某单位2024年度部门决算", foot="某某单位部门决算")
    )
    assert [p.text for p in source.paragraphs] == texts
    assert [p.ref.page for p in source.paragraphs] == [1 + i // PER_PAGE for i in range(90)]


def _chars(lines: list[tuple[float, str]], artifact: bool = False) -> list[tuple]:
    """Characters as pdf_reader hands them to pdf_text: (x-centre, y-centre, top, text, x0, x1, artifact), 10 pt."""
    out = []
    for top, text in lines:
        for k, ch in enumerate(text):
            x0 = 72.0 + 10 * k
            out.append((x0 + 5, top + 5, top, ch, x0, x0 + 10, artifact))
    return out


def test_dropping_running_heads_as_lines_leaves_the_lines_the_other_characters_make():
    """What the running heads leave is what grouping the characters not dropped gives: a page's text is grouped once,
    when it is read, and never again from characters (they are not kept)."""
    pages, bodies = [], []
    for number in (1, 2, 3):
        body = [(100.0 + 14 * k, f"第{number}页第{k}段正文。") for k in range(5)]
        bodies.append(body)
        chars = _chars([(30.0, "某某单位2024年度部门决算"), *body, (800.0, f"- {number} -")])
        chars += _chars([(815.0, "内部资料")], artifact=True)  # a tagged PDF's artifact
        pages.append((number, chars))
    kept = drop_running_heads([page_text(n, chars) for n, chars in pages])
    for page, (_, chars), body in zip(kept, pages, bodies, strict=True):
        left = [c for c in chars if 100.0 <= c[2] < 800.0]
        assert page.lines == page_text(page.page, left).lines
        assert [line.text for line in page.lines] == [text for _, text in body]
