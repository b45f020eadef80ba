"""falseref24: the guard rules of session 24 (sec24b, sec24c) must not refuse a legitimate file.

Each file here is what a real writer produces — Python's zipfile with zip64 records, an archive comment, a directory
entry, macOS's __MACOSX side files, the extra fields Windows, Info-ZIP and 7-Zip write (NTFS times 0x000a, UT/ux times,
a Unicode Path field that agrees with the entry's name), Info-ZIP's zip64 / data-descriptor / streamed archives, and a
.docx carrying a stored embedded workbook (a complete ZIP inside a member, so a second end record in the file). Every
one must pass the guard and be read with its one sheet or its text. The hostile files stay refused (test_sec24b.py,
test_sec24c.py).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from badinput import builders as b

from perfxl.errors import UnreadableWorkbook
from perfxl.io.guard import FileKind, inspect_file


def _small(tmp_path: Path) -> Path:
    return b.plain_xlsx(tmp_path / "small.xlsx", [("自评表", [["年度资金总额", 2223.04]])])


def _copy(src: Path, out: Path, extra: Callable[[str], bytes] | None = None, *, zip64: bool = False) -> Path:
    """Every member of `src` written again by zipfile, with `extra(name)` as its extra field (local and central)."""
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in a.infolist():
            new = zipfile.ZipInfo(info.filename, info.date_time)
            new.compress_type = zipfile.ZIP_DEFLATED
            new.extra = extra(info.filename) if extra else b""
            with z.open(new, "w", force_zip64=zip64) as f:
                f.write(a.read(info))
    return out


def _field(tag: int, body: bytes) -> bytes:
    return struct.pack("<HH", tag, len(body)) + body


def _ntfs(_: str) -> bytes:  # Windows' NTFS times: reserved, tag 1, size 24, three FILETIMEs
    return _field(0x000A, struct.pack("<LHH3Q", 0, 1, 24, *(133_000_000_000_000_000,) * 3))


def _unix_times(_: str) -> bytes:  # Info-ZIP's UT (modification time) and ux (uid/gid) fields
    return _field(0x5455, struct.pack("<BL", 1, 1_700_000_000)) + _field(0x7875, struct.pack("<BBLBL", 1, 4, 0, 4, 0))


def _unicode_path(name: str) -> bytes:  # 7-Zip on Windows: the name again, in UTF-8, with the CRC of the header name
    raw = name.encode()
    return _field(0x7075, struct.pack("<BL", 1, zlib.crc32(raw)) + raw)


EXTRAS = {
    "ntfs_times": _ntfs,
    "unix_times": _unix_times,
    "unicode_path_agreeing": _unicode_path,
    "all_three": lambda n: _ntfs(n) + _unicode_path(n) + _unix_times(n),
}


@pytest.mark.parametrize("name", sorted(EXTRAS))
def test_extra_fields_real_writers_add_are_read(tmp_path: Path, name: str) -> None:
    out = _copy(_small(tmp_path), tmp_path / f"{name}.xlsx", EXTRAS[name])
    with zipfile.ZipFile(out) as zf:
        assert all(i.extra for i in zf.infolist())
    assert [(s.max_row, s.max_col) for s in inspect_file(out).sheets] == [(1, 2)]


def _zip64(src: Path, out: Path) -> Path:
    return _copy(src, out, zip64=True)


def _comment(src: Path, out: Path) -> Path:
    shutil.copy(src, out)
    with zipfile.ZipFile(out, "a") as zf:
        zf.comment = "由财务软件导出".encode()
    return out


def _directory_and_macos(src: Path, out: Path) -> Path:
    shutil.copy(src, out)
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("xl/media/", b"")
        zf.writestr("__MACOSX/xl/._workbook.xml", b"\x00\x05\x16\x07" + bytes(78))
    return out


@pytest.mark.parametrize("write", [_zip64, _comment, _directory_and_macos], ids=lambda f: f.__name__.strip("_"))
def test_python_zipfile_variants_are_read(tmp_path: Path, write) -> None:
    out = write(_small(tmp_path), tmp_path / "out.xlsx")
    assert [(s.max_row, s.max_col) for s in inspect_file(out).sheets] == [(1, 2)]


@pytest.mark.slow  # builds each archive with Info-ZIP's zip: a process (CI's, not the fast loop's)
@pytest.mark.skipif(shutil.which("zip") is None, reason="Info-ZIP's zip not installed")
@pytest.mark.parametrize("command", ["zip -q -r -fd {out} .", "zip -q -r {out} . && echo 注释 | zip -q -z {out}",
                                     "find . -type f | zip -q -fz -@ - > {out}"], ids=["descriptors", "comment", "streamed_zip64"])  # fmt: skip
def test_info_zip_variants_are_read(tmp_path: Path, command: str) -> None:
    unpacked = tmp_path / "un"
    with zipfile.ZipFile(_small(tmp_path)) as zf:
        zf.extractall(unpacked)
    out = tmp_path / "out.xlsx"
    subprocess.run(command.format(out=out), shell=True, cwd=unpacked, check=True)
    assert [(s.max_row, s.max_col) for s in inspect_file(out).sheets] == [(1, 2)]


def test_docx_with_a_stored_embedded_workbook_is_read(tmp_path: Path) -> None:
    """A report with a chart's workbook kept uncompressed in word/embeddings: the inner ZIP's end record lies in the
    file before the outer one. Python's zipfile — the guard's own reading — is what reads a .docx (python-docx and
    perfxl's docx reader), calamine never does: there is no second reader to disagree, and the report is read."""
    doc = b.plain_docx(tmp_path / "plain.docx")
    out = tmp_path / "report.docx"
    with zipfile.ZipFile(doc) as a, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in a.infolist():
            z.writestr(info, a.read(info))
        z.writestr("word/embeddings/Microsoft_Excel_Worksheet.xlsx", _small(tmp_path).read_bytes(), zipfile.ZIP_STORED)
    assert out.read_bytes().count(b"PK\x05\x06") == 2
    assert inspect_file(out).kind is FileKind.DOCX


def _with_big_xml(tmp_path: Path, member: str, types: bytes) -> Path:
    """A report with a 7 MB XML member `member`, and `types` added to its [Content_Types].xml."""
    doc = b.plain_docx(tmp_path / "plain.docx")
    out = tmp_path / "report.docx"
    paths = b"".join(b'<path d="M%d 0 L%d 9"/>' % (i, i * 7) for i in range(280_000))  # a ratio no bomb has
    body = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">' + paths
    with zipfile.ZipFile(doc) as a, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in a.infolist():
            data = a.read(info)
            z.writestr(
                info, data.replace(b"</Types>", types + b"</Types>") if info.filename == "[Content_Types].xml" else data
            )
        z.writestr(member, body + b"</svg>")
    return out


def test_docx_with_a_big_svg_picture_is_read(tmp_path: Path) -> None:
    """Word keeps an inserted SVG as word/media/imageN.svg typed image/svg+xml: XML, but an image python-docx holds as
    bytes and perfxl never parses — not held to max_document_bytes (6 MiB)."""
    out = _with_big_xml(tmp_path, "word/media/image1.svg", b'<Default Extension="svg" ContentType="image/svg+xml"/>')
    assert inspect_file(out).kind is FileKind.DOCX


@pytest.mark.parametrize(
    ("member", "types"),
    [
        ("word/media/image1.svg", b""),  # no image type declared: an XML part like any other
        ("word/_rels/extra.xml.rels", b'<Default Extension="rels" ContentType="image/png"/>'),  # read by name
        ("word/big.xml", b'<Override PartName="/WORD/BIG.XML" ContentType="application/xml"/>'),
    ],
    ids=["svg_untyped", "rels_typed_image", "xml_override"],
)
def test_big_xml_parts_not_typed_image_stay_refused(tmp_path: Path, member: str, types: bytes) -> None:
    with pytest.raises(UnreadableWorkbook) as err:
        inspect_file(_with_big_xml(tmp_path, member, types))
    assert err.value.code == "DOCUMENT_TOO_LARGE"
