"""Session 24's second red team (sec24c): where the guard and calamine read the same file differently.

Each case is built here (small bytes) and read both ways — the guard (Python's zipfile, perfxl's scans) and
python-calamine (Rust's zip crate, calamine's readers) — so a test proves the divergence before it proves the fix:
- ZIP directories with two readings (perfxl/io/guard_zipdir.py): an end record whose comment runs past the file's end
  (zipfile takes it, Rust's zip the complete ZIP before it), a zip64 record behind a plain end record (zipfile uses it,
  Rust does not), a member renamed by an Info-ZIP Unicode Path field (Rust reads the name there), a zip64 extra field
  of 24 bytes moving a member, a directory not where the end record says. Each is refused as ZIP_AMBIGUOUS;
- .xlsb records shorter than 4 bytes: calamine reads their row or column from the bytes of the longer record before
  (its buffer is never shortened); the guard skipped them; and calamine opens `xl/workbook.bin` (and
  `xl/sharedStrings.bin`) by name, whatever the package relationship names — the guard measured the named one; so
  does its .xlsx reader for `sharedStrings.xml` beside the workbook part, reserving its declared count (2·10⁹: an
  abort) — measured now too;
- .ods content.xml read as quick-xml reads it: repeats behind a quoted `>`, in single quotes or written `+3000`, cells
  whose value is an `office:value` or a formula without `office:value-type`, values repeated over rows and columns
  (counted twice, not rows × columns), `<text:s text:c="200000000"/>` (calamine pushes 200 MB of spaces) and a string
  copied into every repeat of its cell;
- a PDF page showing a run of glyphs: each becomes a pdfminer LTChar and a pdfplumber dict (≈ 1.1 KB, 0.3 ms), a page
  held at once — 80,000 glyphs in a 700-byte PDF took 42 s and 221 MB; now PDF_PAGE_TOO_DENSE past max_pdf_page_chars;
- a PDF's cross-reference sections: a table's entries are a dict item each (a million: 233 MB), and an xref stream's
  `/Index [0 100000000]` is walked id by id when the catalog names no page tree (215 bytes: half a day); now
  PDF_TOO_MANY_OBJECTS past max_pdf_objects;
- LibreOffice's time limit: `soffice` is a launcher, the converter its child; the timeout killed the launcher only and
  left the converter running, orphaned (perfxl/io/libreoffice.py now kills the whole process group).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from badinput import builders as b

from perfxl.errors import UnreadableWorkbook
from perfxl.io.guard import Limits, inspect_file

SHEET1 = "xl/worksheets/sheet1.xml"
FAR_ROW = b'<row r="5000"><c r="KZ5000"><v>1</v></c></row></sheetData>'


# ---------------------------------------------------------------- raw ZIP pieces (stored members)


def _local(name: str, data: bytes) -> bytes:
    n = name.encode()
    head = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, zlib.crc32(data), len(data), len(data), len(n), 0)
    return head + n + data


def _central(name: str, data: bytes, offset: int, extra: bytes = b"") -> bytes:
    n = name.encode()
    size = len(data)
    head = struct.pack(
        "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, zlib.crc32(data), size, size, len(n), len(extra), 0, 0,
        0, 0, offset,
    )  # fmt: skip
    return head + n + extra


def _eocd(count: int, size: int, offset: int, comment_len: int = 0) -> bytes:
    return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, size, offset, comment_len)


def _pack(members: list[tuple[str, bytes]], start: int = 0, extras: dict[str, bytes] | None = None):
    """(local headers and data from `start`, the central entries, each entry's local header offset)."""
    out, entries, offsets = b"", [], []
    for name, data in members:
        offsets.append(start + len(out))
        entries.append(_central(name, data, start + len(out), (extras or {}).get(name, b"")))
        out += _local(name, data)
    return out, entries, offsets


def _members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(i.filename, zf.read(i.filename)) for i in zf.infolist()]


@pytest.fixture
def pair(tmp_path: Path) -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
    """The members of a small workbook and of the same workbook with a value at KZ5000."""
    small = b.plain_xlsx(tmp_path / "small.xlsx", [("自评表", [["年度资金总额", 2223.04]])])
    far = b.rewrite_zip(small, tmp_path / "far.xlsx", {SHEET1: lambda d: d.replace(b"</sheetData>", FAR_ROW)})
    return _members(small), _members(far)


def _comment_past_end(small, far) -> bytes:
    lf, cf, _ = _pack(far)
    first = lf + b"".join(cf) + _eocd(len(cf), len(b"".join(cf)), len(lf))
    ls, cs, _ = _pack(small, len(first))
    return first + ls + b"".join(cs) + _eocd(len(cs), len(b"".join(cs)), len(first) + len(ls), comment_len=5)


def _zip64_record_behind_plain_end(small, far) -> bytes:
    lf, cf, _ = _pack(far)
    ls, cs, _ = _pack(small, len(lf))
    cdf, cds = b"".join(cf), b"".join(cs)
    start_s = len(lf) + len(ls) + len(cdf)
    record = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, len(cs), len(cs), len(cds), start_s)
    locator = struct.pack("<IIQI", 0x07064B50, 0, start_s + len(cds), 1)
    return lf + ls + cdf + cds + record + locator + _eocd(len(cf), len(cdf), len(lf) + len(ls))


def _unicode_path_renames(small, far) -> bytes:
    decoy = "xl/worksheets/zz.xml"
    field = struct.pack("<BI", 1, zlib.crc32(decoy.encode())) + SHEET1.encode()
    members = [*small, (decoy, dict(far)[SHEET1])]
    data, entries, _ = _pack(members, extras={decoy: struct.pack("<HH", 0x7075, len(field)) + field})
    return data + b"".join(entries) + _eocd(len(entries), len(b"".join(entries)), len(data))


ZIP_CASES = {
    "comment_past_end": _comment_past_end,
    "zip64_record_behind_plain_end": _zip64_record_behind_plain_end,
    "unicode_path_renames": _unicode_path_renames,
}


def _calamine_extent(path: Path) -> tuple[int, int]:
    pc = pytest.importorskip("python_calamine")
    sheet = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    return sheet.height, sheet.width


@pytest.mark.parametrize("name", sorted(ZIP_CASES))
def test_a_zip_with_two_readings_is_refused(tmp_path: Path, pair, name: str) -> None:
    """calamine reads the far sheet where zipfile (the guard) reads the small one: refused, naming the ambiguity."""
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(ZIP_CASES[name](*pair))
    with zipfile.ZipFile(path) as zf:  # zipfile's reading: the small sheet
        assert b"KZ5000" not in zf.read(SHEET1)
    assert _calamine_extent(path) == (5000, 312)  # calamine's reading: the far one
    with pytest.raises(UnreadableWorkbook) as err:
        inspect_file(path)
    assert err.value.code == "ZIP_AMBIGUOUS"
    assert "压缩包目录有歧义" in str(err.value)


def test_zip64_extra_moving_a_member_is_refused(tmp_path: Path, pair) -> None:
    """A 24-byte zip64 extra field: Rust's zip takes its offset and sizes although the 32-bit ones are no sentinel,
    zipfile does not — the member's place is ambiguous."""
    small, far = pair
    data, entries, offsets = _pack(small)
    at = len(data)
    data += _local(SHEET1, dict(far)[SHEET1])
    i = [n for n, _ in small].index(SHEET1)
    size = len(dict(far)[SHEET1])
    entries[i] = _central(SHEET1, small[i][1], offsets[i], struct.pack("<HHQQQ", 1, 24, size, size, at))
    path = tmp_path / "zip64_extra.xlsx"
    path.write_bytes(data + b"".join(entries) + _eocd(len(entries), len(b"".join(entries)), len(data)))
    with pytest.raises(UnreadableWorkbook) as err:
        inspect_file(path)
    assert (err.value.code, err.value.cell) == ("ZIP_AMBIGUOUS", SHEET1)


def test_a_directory_not_where_declared_is_refused(tmp_path: Path, pair) -> None:
    """zipfile finds the directory at end record − size; Rust's zip searches it from the declared offset."""
    small, far = pair
    lf, cf, _ = _pack(far)
    ls, _, offsets = _pack(small, len(lf))
    shift = len(b"".join(cf))  # zipfile adds (where found − where declared) to every offset: written less by that
    cs = b"".join(_central(n, d, o - shift) for (n, d), o in zip(small, offsets, strict=True))
    path = tmp_path / "moved_directory.xlsx"
    path.write_bytes(lf + ls + b"".join(cf) + cs + _eocd(len(cf), len(cs), len(lf) + len(ls)))
    with pytest.raises(UnreadableWorkbook) as err:
        inspect_file(path)
    assert err.value.code == "ZIP_AMBIGUOUS"


def test_a_second_end_record_rust_could_fall_back_to_is_refused(tmp_path: Path, pair) -> None:
    """Rust's zip, when it cannot parse the directory of the last end record (here a 1-byte Unicode Path field, which
    zipfile never reads), searches the file backwards for another: a complete ZIP before the one zipfile reads is
    refused whichever way this version of Rust's zip then goes (hardening: this one reports an i/o error)."""
    small, far = pair
    lf, cf, _ = _pack(far)
    first = lf + b"".join(cf) + _eocd(len(cf), len(b"".join(cf)), len(lf))
    bad = {small[0][0]: struct.pack("<HHB", 0x7075, 1, 1)}
    ls, cs, _ = _pack(small, len(first), bad)
    path = tmp_path / "two_end_records.xlsx"
    path.write_bytes(first + ls + b"".join(cs) + _eocd(len(cs), len(b"".join(cs)), len(first) + len(ls)))
    with pytest.raises(UnreadableWorkbook) as err:
        inspect_file(path)
    assert err.value.code == "ZIP_AMBIGUOUS" and "两个压缩包结尾记录" in str(err.value)


@pytest.mark.slow  # builds the archive with Info-ZIP's zip: a process (CI's, not the fast loop's)
@pytest.mark.skipif(shutil.which("zip") is None, reason="Info-ZIP's zip not installed")
def test_a_real_zip64_archive_still_reads(tmp_path: Path) -> None:
    """Info-ZIP's `zip -fz` writes zip64 end records and extra fields that agree: one reading, read as before."""
    small = b.plain_xlsx(tmp_path / "small.xlsx", [("自评表", [["年度资金总额", 2223.04]])])
    unpacked = tmp_path / "un"
    with zipfile.ZipFile(small) as zf:
        zf.extractall(unpacked)
    out = tmp_path / "z64.xlsx"
    subprocess.run(["zip", "-q", "-X", "-r", "-fz", str(out), "."], cwd=unpacked, check=True)
    assert b"PK\x06\x06" in out.read_bytes()
    assert [(s.max_row, s.max_col) for s in inspect_file(out).sheets] == [(1, 2)]


# ---------------------------------------------------------------- .xlsb: calamine's buffer is never shortened


@pytest.mark.parametrize(
    "records",
    [
        b._rec(0x1F, struct.pack("<I", 2999) + bytes(12)) + b._rec(0x05),  # a cell record of 0 bytes: column 3,000
        b._rec(0x1F, struct.pack("<I", 2999) + bytes(12)) + b._rec(0x00) + b._rec(0x05),  # and row 3,000
    ],
    ids=["short_cell", "short_row_and_cell"],
)
def test_xlsb_short_records_are_read_as_calamine_reads_them(tmp_path: Path, records: bytes) -> None:
    base = b.xlsb(tmp_path / "base.xlsb", "自评表", [(0, 0, 1.0)])
    path = tmp_path / "short.xlsb"
    end = b._rec(0x92)
    b.rewrite_zip(base, path, {"xl/worksheets/sheet1.bin": lambda d: d.replace(end, records + end)})
    height, width = _calamine_extent(path)
    assert width == 3000  # calamine places the value there (else the case proves nothing)
    wide = Limits.from_pairs(["max_cells_per_sheet=10000000", "max_cells_per_workbook=10000000"])
    info = inspect_file(path, wide).sheets[0]
    assert info.max_row >= height and info.max_col >= width


def test_xlsb_workbook_part_is_the_one_calamine_opens(tmp_path: Path) -> None:
    """The root relationship names `xl/wb2.bin` (its sheet small); calamine opens `xl/workbook.bin`, whose sheet is
    far: the guard measures calamine's."""
    small = b.xlsb(tmp_path / "s.xlsb", "自评表", [(0, 0, 1.0)])
    far = b.xlsb(tmp_path / "f.xlsb", "自评表", [(0, 0, 1.0), (4999, 311, 2.0)])
    parts, far_parts = dict(_members(small)), dict(_members(far))
    path = tmp_path / "redirected.xlsb"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            if name == "_rels/.rels":
                data = data.replace(b"xl/workbook.bin", b"xl/wb2.bin")
            if name == "xl/_rels/workbook.bin.rels":
                data = data.replace(b"worksheets/sheet1.bin", b"worksheets/sheet2.bin")
            zf.writestr(name, data)
        zf.writestr("xl/wb2.bin", parts["xl/workbook.bin"])
        zf.writestr("xl/_rels/wb2.bin.rels", parts["xl/_rels/workbook.bin.rels"])
        zf.writestr("xl/worksheets/sheet2.bin", far_parts["xl/worksheets/sheet1.bin"])
    assert _calamine_extent(path) == (5000, 312)
    info = inspect_file(path).sheets[0]
    assert (info.part, info.max_row, info.max_col) == ("xl/worksheets/sheet2.bin", 5000, 312)


def test_xlsx_shared_strings_calamine_opens_by_name_are_measured(tmp_path: Path) -> None:
    """The workbook's relationship names `xl/ss2.xml`; calamine reads `xl/sharedStrings.xml` all the same (and reserves
    its `uniqueCount`): the guard measures that part too."""
    base = b.plain_xlsx(tmp_path / "base.xlsx", [("自评表", [["guard读这个"]])])
    rels = "xl/_rels/workbook.xml.rels"

    def build(name: str, count: bytes) -> Path:
        parts = dict(_members(base))
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for member, data in parts.items():
                if member == rels:
                    data = data.replace(b'Target="sharedStrings.xml"', b'Target="ss2.xml"')
                if member == "xl/sharedStrings.xml":
                    data = data.replace("guard读这个".encode(), "calamine读这个".encode())
                    data = data.replace(b'uniqueCount="1"', b'uniqueCount="' + count + b'"')
                zf.writestr(member, data)
            zf.writestr("xl/ss2.xml", parts["xl/sharedStrings.xml"])
        return path

    pc = pytest.importorskip("python_calamine")
    plain = build("plain.xlsx", b"1")
    assert pc.CalamineWorkbook.from_path(str(plain)).get_sheet_by_index(0).to_python()[0][0] == "calamine读这个"
    assert inspect_file(plain).sheets[0].cells == 1
    with pytest.raises(UnreadableWorkbook) as err:
        inspect_file(build("count.xlsx", b"2000000000"))
    assert (err.value.code, err.value.cell) == ("SHARED_STRINGS_INVALID", "xl/sharedStrings.xml")


# ---------------------------------------------------------------- .ods: content.xml as calamine reads it

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
_FLOAT = 'office:value-type="float" office:value="1"'


def _ods(path: Path, rows: str) -> Path:
    """A minimal .ods: one table, a value in A1, then `rows`."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="自评表">'
        f"<table:table-row><table:table-cell {_FLOAT}><text:p>1</text:p></table:table-cell></table:table-row>"
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", manifest)
        zf.writestr("content.xml", content)
    return path


ODS_EXTENTS = {
    "quoted_gt_before_columns": f'<table:table-row><table:table-cell x=">" table:number-columns-repeated="3000" {_FLOAT}/>'
    "</table:table-row>",
    "single_quoted_columns": f"<table:table-row><table:table-cell table:number-columns-repeated='3000' {_FLOAT}/>"
    "</table:table-row>",
    "plus_sign_columns": f'<table:table-row><table:table-cell table:number-columns-repeated="+3000" {_FLOAT}/>'
    "</table:table-row>",
    "quoted_gt_before_rows": f'<table:table-row x=">" table:number-rows-repeated="3000"><table:table-cell {_FLOAT}/>'
    "</table:table-row>",
    "value_without_type": '<table:table-row><table:table-cell table:number-columns-repeated="3000" office:value="1"/>'
    "</table:table-row>",
}


@pytest.mark.parametrize("name", sorted(ODS_EXTENTS))
def test_ods_extent_covers_what_calamine_reads(tmp_path: Path, name: str) -> None:
    path = _ods(tmp_path / f"{name}.ods", ODS_EXTENTS[name])
    height, width = _calamine_extent(path)
    assert height * width >= 3000  # calamine expands the repeat (else the case proves nothing)
    info = inspect_file(path).sheets[0]
    assert info.max_row >= height and info.max_col >= width


def test_ods_values_count_every_repeat(tmp_path: Path) -> None:
    """A value repeated over 120 rows × 16,000 columns is 1,920,000 values to calamine (and to perfxl after it), not 2;
    a formula alone is a value too (calamine keeps it beside the values, as long)."""
    for rows in (
        f'<table:table-row table:number-rows-repeated="120"><table:table-cell table:number-columns-repeated="16000" '
        f"{_FLOAT}/></table:table-row>",
        '<table:table-row table:number-rows-repeated="1000"><table:table-cell table:formula="of:=1" '
        'table:number-columns-repeated="1000"/></table:table-row>',
    ):
        with pytest.raises(UnreadableWorkbook) as err:
            inspect_file(_ods(tmp_path / "values.ods", rows))
        assert err.value.code == "WORKBOOK_TOO_LARGE" and "有内容的单元格合计" in str(err.value)


def test_ods_text_s_spaces_count_as_text(tmp_path: Path) -> None:
    """calamine pushes `text:c` spaces one by one: 7 bytes of XML become a string that long."""
    cell = '<table:table-cell office:value-type="string"><text:p>a<text:s text:c="{}"/></text:p></table:table-cell>'
    small = _ods(tmp_path / "spaces.ods", f"<table:table-row>{cell.format(300_000)}</table:table-row>")
    pc = pytest.importorskip("python_calamine")
    assert len(pc.CalamineWorkbook.from_path(str(small)).get_sheet_by_index(0).to_python()[1][0]) == 300_001
    with pytest.raises(UnreadableWorkbook) as err:
        inspect_file(small)
    assert err.value.code == "STRING_TOO_LONG" and err.value.sheet == "自评表"


def test_ods_string_copied_into_every_repeat(tmp_path: Path) -> None:
    """A 300-character string repeated over 2,000 columns: calamine holds 2,000 copies; the guard counts them."""
    text = "x" * 300
    rows = (
        '<table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="2000">'
        f"<text:p>{text}</text:p></table:table-cell></table:table-row>"
    )
    path = _ods(tmp_path / "copies.ods", rows)
    pc = pytest.importorskip("python_calamine")
    assert pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[1].count(text) == 2000
    assert inspect_file(path).sheets[0].cells == 2001
    with pytest.raises(UnreadableWorkbook) as err:
        inspect_file(path, Limits.from_pairs(["max_text_bytes=500000"]))
    assert err.value.code == "WORKBOOK_TOO_LARGE" and "PERFXL_MAX_TEXT_BYTES" in str(err.value)


# ---------------------------------------------------------------- PDF: glyphs laid out on one page


def _glyph_pdf(path: Path, glyphs: int) -> Path:
    """A PDF of one page whose single `Tj` shows `glyphs` letters (its content stream deflated: a few hundred bytes)."""
    return b.content_pdf(path, b"BT /F1 1 Tf 10 10 Td (" + b"a" * glyphs + b") Tj ET")


def test_pdf_page_glyphs_are_bounded(tmp_path: Path) -> None:
    pytest.importorskip("pdfplumber")
    from perfxl.document.pdf_reader import read_pdf

    limits = Limits.from_pairs(["max_pdf_page_chars=2000"])
    read_pdf(_glyph_pdf(tmp_path / "fits.pdf", 2000), limits)  # at the limit: read
    with pytest.raises(UnreadableWorkbook) as err:
        read_pdf(_glyph_pdf(tmp_path / "dense.pdf", 2001), limits)
    assert err.value.code == "PDF_PAGE_TOO_DENSE"
    assert "第 1 页" in str(err.value) and "PERFXL_MAX_PDF_PAGE_CHARS" in str(err.value)


def _xref_stream_pdf(path: Path, declared: int) -> Path:
    """215 bytes: a catalog without a page tree, and an xref stream whose `/Index` declares `declared` objects."""
    out = bytearray(b"%PDF-1.5\n")
    catalog = len(out)
    out += b"1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    data = zlib.compress(b"\x01" + catalog.to_bytes(4, "big") + b"\x00")
    at = len(out)
    out += (
        b"2 0 obj\n<< /Type /XRef /Size %d /Index [0 %d] /W [1 4 1] /Root 1 0 R /Length %d /Filter /FlateDecode >>"
        b"\nstream\n" % (declared, declared, len(data))
    )
    out += data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % at
    path.write_bytes(bytes(out))
    return path


def test_pdf_declared_objects_are_bounded(tmp_path: Path) -> None:
    pytest.importorskip("pdfplumber")
    from perfxl.document.pdf_reader import read_pdf

    limits = Limits.from_pairs(["max_pdf_objects=50"])
    with pytest.raises(UnreadableWorkbook) as err:  # within the cap: read (no text layer: a scan to perfxl)
        read_pdf(_xref_stream_pdf(tmp_path / "few.pdf", 50), limits)
    assert err.value.code == "PDF_SCANNED"
    with pytest.raises(UnreadableWorkbook) as err:
        read_pdf(_xref_stream_pdf(tmp_path / "many.pdf", 100_000_000), limits)
    assert err.value.code == "PDF_TOO_MANY_OBJECTS" and "PERFXL_MAX_PDF_OBJECTS" in str(err.value)
    table = b.simple_pdf(tmp_path / "table.pdf", pages=30)  # 62 objects in its xref table
    with pytest.raises(UnreadableWorkbook) as err:
        read_pdf(table, limits)
    assert err.value.code == "PDF_TOO_MANY_OBJECTS"
    read_pdf(table, Limits.from_pairs(["max_pdf_objects=62"]))


# ---------------------------------------------------------------- LibreOffice: the time limit stops the converter


@pytest.mark.slow  # a stand-in soffice launcher and its child, waited for past a 1 s limit
def test_a_timed_out_conversion_leaves_no_process(tmp_path: Path, monkeypatch) -> None:
    """A stand-in `soffice` that, like the real launcher, runs the converter as its child and waits: past the time
    limit the refusal is SOFFICE_FAILED and the child is gone too (it kept running, orphaned)."""
    from perfxl.errors import PerfxlError
    from perfxl.io import libreoffice

    pid_file = tmp_path / "converter.pid"
    launcher = tmp_path / "soffice"
    launcher.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {pid_file}\nwait\n", encoding="utf-8")
    launcher.chmod(0o755)
    monkeypatch.setattr(libreoffice, "soffice_path", lambda: str(launcher))
    with pytest.raises(PerfxlError) as caught:
        libreoffice.convert_many([tmp_path / "a.doc"], "docx", tmp_path / "out", timeout=1)
    assert caught.value.code == "SOFFICE_FAILED"
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    alive = True
    while alive and time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            alive = Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
        except (ProcessLookupError, FileNotFoundError):
            alive = False
        if alive:
            time.sleep(0.1)
    if alive:
        os.kill(pid, 9)  # the test's own stand-in converter
    assert not alive
