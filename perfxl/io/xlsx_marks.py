"""Apply a plan of marks (perfxl.marks) to an .xlsx/.xlsm package by patching its XML parts in place.

Only what the marks need changes: the marked sheets' cell style indexes (and cells added where a
marked cell did not exist), styles.xml (fills and cell formats appended, none changed), the marked
sheets' comments and VML note shapes (a user's note keeps its text, perfxl's note is added after it),
and the new 校验结果 worksheet with the workbook, relationship and content-type entries that name it.
Every other part — drawings, charts, images, pivot tables, VBA, the ribbon, cached formula results —
is copied byte for byte, so nothing the user had is lost. Works on bytes; the caller writes atomically.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from perfxl.errors import PerfxlError, UnreadableWorkbook
from perfxl.excel.result_sheet import Hyperlink, hyperlink_target, sheet_prefix
from perfxl.marks import NOTE_HEAD, RESULT_SHEET, RESULT_TITLE, SEVERITY_FILL, Bounds, MarkPlan, note_text
from perfxl.model import Finding, Severity, a1, column_index, column_letter
from perfxl.records import record

from .ooxml import REL_NS, sheet_parts_of

__all__ = ["PackageMarks", "Package", "read_package", "merged_ranges", "apply_marks"]

_CT = "[Content_Types].xml"
#: A ZIP local file header (APPNOTE 4.3.7): signature … file name length, extra field length.
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_WB, _WB_RELS, _STYLES = "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
_CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

_ROW = re.compile(rb"<row\b([^>]*?)/>|<row\b([^>]*)>(.*?)</row>", re.S)
_CELL = re.compile(rb"<c\b([^>]*?)/>|<c\b([^>]*)>(.*?)</c>", re.S)
# attribute values in either quote (r="B9" as most writers write it, r='B9' as some do: both are XML)
_ATTR_R = re.compile(rb"""\br=["']([A-Z]*)(\d+)["']""")
_ATTR_S = re.compile(rb"""\ss=["'](\d+)["']""")
_STYLE_AFTER = re.compile(rb' s="(\d+)"')  # a cell's style as its second attribute, as Excel writes it
_ROW_R = re.compile(rb"""\br=["'](\d+)["']""")
_XF = re.compile(rb"<xf\b[^>]*/>|<xf\b[^>]*>.*?</xf>", re.S)
_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Worksheet children that must come after <legacyDrawing> (ECMA-376 CT_Worksheet order).
_AFTER_LEGACY = (
    b"<legacyDrawingHF",
    b"<drawingHF",
    b"<picture",
    b"<oleObjects",
    b"<controls",
    b"<webPublishItems",
    b"<tableParts",
    b"<extLst",
    b"</worksheet>",
)
_AFTER_HYPERLINKS = (
    b"<printOptions",
    b"<pageMargins",
    b"<pageSetup",
    b"<headerFooter",
    b"<rowBreaks",
    b"<colBreaks",
    b"<customProperties",
    b"<cellWatches",
    b"<ignoredErrors",
    b"<smartTags",
    b"<drawing",
    b"<legacyDrawing",
    *_AFTER_LEGACY,
)


@record(frozen=True, slots=True)
class PackageMarks:
    """The patched package and how many cells were filled."""

    data: bytes
    marked_cells: int


def _text(value: Any) -> str:
    """Text fit for XML: characters XML 1.0 forbids become "?" (a hostile cell cannot break the part)."""
    return _BAD_XML_CHARS.sub("?", str(value))


def _xml_text(value: Any) -> bytes:
    text = str(value)
    if _NEEDS_ESCAPE.search(text) is None:  # most cell texts: nothing to replace
        return text.encode()
    return escape(_text(text)).encode()


def _attr(value: str) -> bytes:
    return quoteattr(_text(value)).encode()


def _escaped(value: Any) -> str:
    """`_xml_text` as text (for parts built as text and encoded once)."""
    text = str(value)
    return text if _NEEDS_ESCAPE.search(text) is None else escape(_text(text))


def _attr_text(value: str) -> str:
    """`_attr` as text: a quoted attribute value."""
    if _ATTR_SPECIAL.search(value) is None:  # most links: nothing to escape, double quotes as quoteattr chooses
        return f'"{value}"'
    return quoteattr(_text(value))


_ATTR_SPECIAL = re.compile('[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


#: Deflate level of the parts perfxl writes (marked sheets, notes, 校验结果): level 1 deflates XML about 2.7× faster
#: than zlib's default 6 for ≈ 30% more bytes — measured on a 483-finding copy (bench/bench_annotate.py), where
#: deflating was a fifth of the time. Parts perfxl does not touch keep their own compressed bytes.
_WRITE_LEVEL = 1


def _deflate(data: bytes) -> bytes:
    """Raw deflate of a part perfxl writes, as a zip member holds it (the standard library's zlib; ISA-L was measured
    ≈ 1.7 ms faster on a 483-finding copy — a gain nobody waits for, not worth a compiled dependency)."""
    return zlib.compress(data, _WRITE_LEVEL, -15)


class Package:
    """The zip's entries in order; a part is decompressed only when read, edited parts replace their bytes,
    new parts append, and every part left untouched is copied with its compressed bytes unchanged."""

    def __init__(self, original: bytes, path: str) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(original))
            self.infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
            raise UnreadableWorkbook(
                f"文件不是有效的 Excel 工作簿（{type(exc).__name__}）",
                f"not a valid workbook package: {exc}",
                path=path,
            ) from None
        self.original = original
        self.path = path
        self.known = {i.filename for i in self.infos}
        self.parts: dict[str, bytes] = {}  # parts read so far, and every part put
        self.edited: dict[str, None] = {}  # in the order first put: new parts are written in that order
        self.removed: set[str] = set()
        self.names = sheet_parts_of(self.known, self._read)

    def _read(self, name: str) -> bytes:
        if name not in self.parts:
            plain = _inflate(self.original, self._zip.getinfo(name)) if name in self.known else None
            if plain is not None:
                self.parts[name] = plain
                return plain
            try:
                self.parts[name] = self._zip.read(name)
            except (zipfile.BadZipFile, OSError, EOFError, KeyError, zlib.error) as exc:
                raise UnreadableWorkbook(
                    f"工作簿的部件 {name} 已损坏（{type(exc).__name__}）",
                    f"package part {name} is damaged: {exc}",
                    path=self.path,
                ) from None
            except (RuntimeError, NotImplementedError) as exc:  # an encrypted part, an unsupported compression
                raise UnreadableWorkbook(
                    f"工作簿的部件 {name} 已加密或使用了不支持的压缩方式，无法标记",
                    f"package part {name} is encrypted or uses an unsupported compression: {exc}",
                    path=self.path,
                ) from None
        return self.parts[name]

    def merges(self, sheet: str) -> list[Bounds]:
        """The merged ranges of a worksheet (by name); [] for an unknown sheet."""
        part = self.names.get(sheet)
        return merged_ranges(self._read(part)) if part else []

    def get(self, name: str) -> bytes | None:
        if name in self.removed or (name not in self.known and name not in self.parts):
            return None
        return self._read(name)

    def put(self, name: str, data: bytes) -> None:
        self.removed.discard(name)
        self.parts[name] = data
        self.edited[name] = None

    def remove(self, name: str) -> None:
        self.removed.add(name)

    def unused(self, pattern: str) -> str:
        n = 1
        while ((pattern % n) in self.known or (pattern % n) in self.parts) and (pattern % n) not in self.removed:
            n += 1
        return pattern % n

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for info in self.infos:
                name = info.filename
                if name in self.removed:
                    continue
                if name in self.edited or not _copy_compressed(out, self.original, info):
                    _write_member(out, info, self._read(name))
            # new parts carry the package's own date, not the clock's: the same input gives the same bytes
            stamp = self.infos[0].date_time if self.infos else (1980, 1, 1, 0, 0, 0)
            for name in [n for n in self.edited if n not in self.known and n not in self.removed]:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16  # as writestr(name) sets
                _write_member(out, info, self.parts[name])
        return buf.getvalue()


def _inflate(original: bytes, info: zipfile.ZipInfo) -> bytes | None:
    """A part's bytes by one zlib call on its compressed bytes in `original`, checked against the central directory's
    size and CRC-32 (≈ 0.3 ms less than `ZipFile.read` for a 300 KB sheet, which reads through a buffered stream and
    a slower CRC). None — the caller reads it with zipfile, and gets its errors — for anything but a plain stored or
    deflated part whose local header names it."""
    if info.flag_bits & 0x41 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return None  # encrypted, or another compression
    data_at = _data_offset(original, info)
    if data_at is None:
        return None
    raw = original[data_at : data_at + info.compress_size]
    try:
        data = zlib.decompress(raw, -15) if info.compress_type == zipfile.ZIP_DEFLATED else raw
    except zlib.error:
        return None
    return data if len(data) == info.file_size and zlib.crc32(data) == info.CRC else None


def _data_offset(original: bytes, info: zipfile.ZipInfo) -> int | None:
    """Where a member's compressed bytes start in `original`: right after its local header, when the header is
    there and names this member (as the central directory does); None otherwise."""
    start = info.header_offset
    head = original[start : start + _LOCAL_HEADER.size]
    if len(head) < _LOCAL_HEADER.size or head[:4] != b"PK\x03\x04":
        return None
    name_len, extra_len = _LOCAL_HEADER.unpack(head)[-2:]
    name_at = start + _LOCAL_HEADER.size
    try:
        name = info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")
    except UnicodeEncodeError:
        return None
    if original[name_at : name_at + name_len] != name:
        return None
    return name_at + name_len + extra_len


def _write_member(out: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes) -> None:
    """What `out.writestr(info, data, compresslevel=_WRITE_LEVEL)` writes — the same header, deflated bytes (by
    `_deflate`: zlib at that level, as writestr) — in one call per part instead of zipfile's streaming writer
    (a compressor object, a seek back to patch the header): ≈ 30 µs a part, a third of a small workbook's copy.
    Stored parts stay stored; other compressions and ZIP64 sizes go through zipfile itself."""
    packed: bytes | None = None
    if info.compress_type == zipfile.ZIP_DEFLATED:
        packed = _deflate(data)
    elif info.compress_type == zipfile.ZIP_STORED:
        packed = data
    if packed is None or max(len(data), len(packed)) >= 0x7FFFFFFF:
        out.writestr(_copy_info(info), data, compresslevel=_WRITE_LEVEL)
        return
    member = _copy_info(info)
    member.flag_bits = 0  # as writestr: no data descriptor (the UTF-8 name flag is FileHeader's to add)
    member.file_size, member.compress_size, member.CRC = len(data), len(packed), zlib.crc32(data)
    if not member.external_attr:
        member.external_attr = 0o600 << 16
    fp = out.fp
    assert fp is not None  # an open writer
    member.header_offset = fp.tell()
    fp.write(member.FileHeader(False))
    fp.write(packed)
    out.filelist.append(member)
    out.NameToInfo[member.filename] = member
    out.start_dir = fp.tell()  # zipfile's own bookkeeping, as in _copy_compressed
    out._didModify = True  # type: ignore[attr-defined]  # makes close() write the central directory


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """`copy.copy(info)` — every attribute the entry has — in two thirds of the time (copy.copy goes through
    `__reduce_ex__` and copyreg for a class with slots: ≈ 40,000 instructions, for each of a copy's parts)."""
    member = zipfile.ZipInfo.__new__(zipfile.ZipInfo)
    for name in _ZIPINFO_SLOTS:
        value = getattr(info, name, _UNSET)
        if value is not _UNSET:
            setattr(member, name, value)
    return member


_ZIPINFO_SLOTS = zipfile.ZipInfo.__slots__
_UNSET: Any = object()


def _copy_compressed(out: zipfile.ZipFile, original: bytes, info: zipfile.ZipInfo) -> bool:
    """Copy a member's local header and compressed bytes unchanged into `out` (no inflate, no deflate).

    Follows what zipfile itself does when it writes a directory entry (fp, filelist, NameToInfo,
    start_dir). False — the caller rewrites the member — for anything but the plain case: a data
    descriptor (flag bit 0x08), ZIP64 sizes, a non-ASCII name without the UTF-8 flag (zipfile would write
    the central name differently from the copied local one), or a local header that does not match the
    central directory's name. An encrypted part the marks do not touch is copied as it is."""
    if info.flag_bits & 0x08 or max(info.compress_size, info.file_size, info.header_offset) >= 0xFFFFFFFF:
        return False
    if not info.flag_bits & 0x800 and not info.orig_filename.isascii():
        return False
    data_at = _data_offset(original, info)
    if data_at is None:
        return False
    start, end = info.header_offset, data_at + info.compress_size
    if end > len(original):
        return False
    fp = out.fp
    assert fp is not None  # an open writer
    member = _copy_info(info)
    member.header_offset = fp.tell()
    fp.write(original[start:end])
    out.filelist.append(member)
    out.NameToInfo[member.filename] = member
    out.start_dir = fp.tell()  # zipfile's own bookkeeping, as in ZipFile.mkdir
    out._didModify = True  # type: ignore[attr-defined]  # makes close() write the central directory
    return True


def read_package(original: bytes, path: str = "") -> Package:
    """The package's parts, read once (UnreadableWorkbook when it is not a zip)."""
    return Package(original, path)


_MERGE_PARTS = re.compile(rb"""<mergeCell\b[^>]*\bref=["']([A-Z]+)(\d+):([A-Z]+)(\d+)["']""")


def merged_ranges(sheet_xml: bytes) -> list[Bounds]:
    """The merged ranges of a worksheet part (<mergeCells> follows <sheetData>: searched from there)."""
    at = sheet_xml.rfind(b"<mergeCells")
    if at < 0:
        return []
    found = _MERGE_PLAIN.findall(sheet_xml, at)  # as Excel and most writers write them: ≈ 40% faster to find
    if len(found) != sheet_xml.count(b"<mergeCell", at) - sheet_xml.count(b"<mergeCells", at):  # another form too
        found = _MERGE_PARTS.findall(sheet_xml, at)
    col = _COLUMN_OF.get
    out = []
    for c0, r0, c1, r1 in found:
        first, last = col(c0), col(c1)
        out.append(
            (
                int(r0),
                first if first is not None else _column_of(c0),
                int(r1),
                last if last is not None else _column_of(c1),
            )
        )
    return out


_MERGE_PLAIN = re.compile(rb'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/>')


def _column_of(letters: bytes) -> int:
    """Column letters (bytes) → 1-based number; A … ZZ from a table."""
    found = _COLUMN_OF.get(letters)
    return found if found is not None else column_index(letters.decode())


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _relative(src_part: str, target: str) -> str:
    # rooted at "/" so relpath never asks the OS for the working directory (package paths are not files)
    return posixpath.relpath("/" + target, "/" + posixpath.dirname(src_part))


def _attr_of(tag: bytes, name: bytes) -> bytes | None:
    """The value of attribute `name` (a local name, or the suffix ":id" for any prefix) in a start tag, in either
    quote — XML allows both, and some writers use single quotes throughout."""
    lead = rb"" if name.startswith(b":") else rb"(?<![\w:.-])"
    m = re.search(lead + re.escape(name) + rb"""\s*=\s*(["'])(.*?)\1""", tag, re.S)
    return m.group(2) if m else None


def _rels(pkg: Package, part: str) -> list[tuple[str, str, str]]:
    """(Id, Type, absolute target part) of a part's relationships."""
    data = pkg.get(_rels_name(part)) or b""
    out = []
    for m in re.finditer(rb"<Relationship\b[^>]*/?>", data):
        tag = m.group(0)
        rid, typ, tgt = _attr_of(tag, b"Id"), _attr_of(tag, b"Type"), _attr_of(tag, b"Target")
        if rid is None or typ is None or tgt is None or _attr_of(tag, b"TargetMode") == b"External":
            continue
        target = tgt.decode()
        full = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
        )
        out.append((rid.decode(), typ.decode(), full))
    return out


def _add_rel(pkg: Package, part: str, rel_type: str, target_part: str) -> str:
    name = _rels_name(part)
    data = pkg.get(name) or (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
    )
    taken = {m.group(2) for m in re.finditer(rb"""(?<![\w:.-])Id\s*=\s*(["'])(.*?)\1""", data)}
    n = 1
    while b"rIdPerfxl%d" % n in taken:
        n += 1
    rid = f"rIdPerfxl{n}"
    rel = f'<Relationship Id="{rid}" Type="{_RT}{rel_type}" Target="{_relative(part, target_part)}"/>'.encode()
    pkg.put(name, data.replace(b"</Relationships>", rel + b"</Relationships>"))
    return rid


def _content_type(pkg: Package, part: str, content_type: str) -> None:
    ct = pkg.get(_CT) or b""
    if f'PartName="/{part}"'.encode() in ct:
        return
    override = f'<Override PartName="/{part}" ContentType="{content_type}"/>'.encode()
    pkg.put(_CT, ct.replace(b"</Types>", override + b"</Types>"))


def _vml_default(pkg: Package) -> None:
    ct = pkg.get(_CT) or b""
    if b'Extension="vml"' not in ct:
        pkg.put(_CT, ct.replace(b"</Types>", f'<Default Extension="vml" ContentType="{_CT_VML}"/></Types>'.encode()))


# ---------------------------------------------------------------- styles


class _Styles:
    """styles.xml with appended fills, fonts and cell formats (existing entries never change)."""

    def __init__(self, data: bytes | None, path: str) -> None:
        if data is None or b"<cellXfs" not in data:
            raise UnreadableWorkbook(
                "工作簿缺少样式表（styles.xml），无法标记单元格", "the workbook has no styles part", path=path
            )
        self.data = data
        self.xfs = _XF.findall(self._block(b"cellXfs"))
        self.fill_count = self._count(b"fills")
        self.font_count = self._count(b"fonts")
        self.new_xfs: list[bytes] = []
        self.new_fills: list[bytes] = []
        self.new_fonts: list[bytes] = []
        self._fills: dict[str, int] = {}
        self._marked: dict[tuple[int, Severity], int] = {}

    def checkpoint(self) -> tuple[int, ...]:
        """How much has been added so far, for `rollback`."""
        return len(self.new_xfs), len(self.new_fills), len(self.new_fonts), len(self._fills), len(self._marked)

    def rollback(self, saved: tuple[int, ...]) -> None:
        """Take back everything added since `checkpoint` gave `saved` (entries are only ever appended)."""
        xfs, fills, fonts, fill_keys, marked_keys = saved
        del self.new_xfs[xfs:], self.new_fills[fills:], self.new_fonts[fonts:]
        for key in list(self._fills)[fill_keys:]:
            del self._fills[key]
        for marked in list(self._marked)[marked_keys:]:
            del self._marked[marked]

    def _block(self, tag: bytes) -> bytes:
        m = re.search(rb"<" + tag + rb"\b[^>]*>(.*?)</" + tag + rb">", self.data, re.S)
        return m.group(1) if m else b""

    def _count(self, tag: bytes) -> int:
        return len(re.findall(rb"<" + tag[:-1] + rb"\b", self._block(tag)))

    def fill(self, rgb: str) -> int:
        if rgb not in self._fills:
            self.new_fills.append(
                f'<fill><patternFill patternType="solid"><fgColor rgb="FF{rgb}"/>'
                f'<bgColor indexed="64"/></patternFill></fill>'.encode()
            )
            self._fills[rgb] = self.fill_count + len(self.new_fills) - 1
        return self._fills[rgb]

    def font(self, xml: bytes) -> int:
        self.new_fonts.append(xml)
        return self.font_count + len(self.new_fonts) - 1

    def add_xf(self, xml: bytes) -> int:
        self.new_xfs.append(xml)
        return len(self.xfs) + len(self.new_xfs) - 1

    def marked(self, base: int, severity: Severity) -> int:
        """A copy of cell format `base` with the severity's fill (cached per pair)."""
        key = (base, severity)
        if key not in self._marked:
            xf = (
                self.xfs[base]
                if 0 <= base < len(self.xfs)
                else b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            )
            fill = self.fill(SEVERITY_FILL[severity])
            xf = re.sub(rb"""\sfillId\s*=\s*(["'])\d+\1""", b"", xf)
            xf = re.sub(rb"""\sapplyFill\s*=\s*(["'])[^"']*\1""", b"", xf)
            xf = xf.replace(b"<xf", b'<xf fillId="%d" applyFill="1"' % fill, 1)
            self._marked[key] = self.add_xf(xf)
        return self._marked[key]

    def to_bytes(self) -> bytes:
        data = self.data
        for tag, items, count in (
            (b"fills", self.new_fills, self.fill_count),
            (b"fonts", self.new_fonts, self.font_count),
            (b"cellXfs", self.new_xfs, len(self.xfs)),
        ):
            if not items:
                continue
            total = count + len(items)
            data = re.sub(rb"(<" + tag + rb"""\b[^>]*?)\scount\s*=\s*(["'])\d+\2""", rb"\1", data, count=1)
            data = data.replace(b"<" + tag, b"<" + tag + b' count="%d"' % total, 1)
            data = data.replace(b"</" + tag + b">", b"".join(items) + b"</" + tag + b">", 1)
        return data


# ---------------------------------------------------------------- cells


def _col_styles(sheet_xml: bytes) -> dict[int, int]:
    out: dict[int, int] = {}
    for m in re.finditer(rb"<col\b[^>]*/?>", sheet_xml):
        tag = m.group(0)
        lo, hi, st = (re.search(rb"\b" + k + rb"""=["'](\d+)["']""", tag) for k in (b"min", b"max", b"style"))
        if lo and hi and st:
            for c in range(int(lo.group(1)), min(int(hi.group(1)), 16384) + 1):
                out[c] = int(st.group(1))
    return out


def _restyle(attrs: bytes, style: int) -> bytes:
    if _ATTR_S.search(attrs):
        return _ATTR_S.sub(b' s="%d"' % style, attrs, count=1)
    return attrs + b' s="%d"' % style


def _new_cell(row: int, col: int, style: int) -> bytes:
    return b'<c r="%s" s="%d"/>' % (a1(row, col).encode(), style)


def _patch_row(
    body: bytes, row: int, marks: dict[int, Severity], base_style: int, col_styles: dict[int, int], styles: _Styles
) -> bytes:
    """A row's content with its marked cells restyled and missing marked cells inserted in column order."""
    direct = _restyle_in_place(body, row, marks, base_style, col_styles, styles)
    if direct is not None:
        return direct
    todo = sorted(marks)
    out, pos, col, k = [], 0, 0, 0
    for m in _CELL.finditer(body):
        if k == len(todo):
            break
        attrs = m.group(1) if m.group(1) is not None else m.group(2)
        ref = _ATTR_R.search(attrs)
        col = column_index(ref.group(1).decode()) if ref and ref.group(1) else col + 1
        while k < len(todo) and todo[k] < col:  # marked cells missing before this one
            c = todo[k]
            out += [body[pos : m.start()], _new_cell(row, c, styles.marked(col_styles.get(c, base_style), marks[c]))]
            pos, k = m.start(), k + 1
        if k < len(todo) and todo[k] == col:
            current = _ATTR_S.search(attrs)
            new = styles.marked(int(current.group(1)) if current else col_styles.get(col, base_style), marks[col])
            tag = m.group(0)
            start = tag.index(attrs) if attrs else len(b"<c")
            out += [body[pos : m.start()], tag[:start] + _restyle(attrs, new) + tag[start + len(attrs) :]]
            pos, k = m.end(), k + 1
    out.append(body[pos:])
    tail = b"".join(_new_cell(row, c, styles.marked(col_styles.get(c, base_style), marks[c])) for c in todo[k:])
    text = b"".join(out)
    if tail:  # after the last cell, before any extLst
        at = text.find(b"<extLst")
        text = text + tail if at < 0 else text[:at] + tail + text[at:]
    return text


def _restyle_in_place(
    body: bytes, row: int, marks: dict[int, Severity], base_style: int, col_styles: dict[int, int], styles: _Styles
) -> bytes | None:
    """The fast path of `_patch_row`: every marked cell exists and starts `<c r="A1"` (as Excel and the
    usual writers write it), so each is found directly and only its style changes. None otherwise."""
    found, start = [], 0
    for col in sorted(marks):  # cells come in column order: each search starts where the last one ended
        at = body.find(b'<c r="%s"' % a1(row, col).encode(), start)
        end = body.find(b">", at)
        if at < 0 or end < 0:
            return None
        attrs_end = end - 1 if body[end - 1 : end] == b"/" else end
        found.append((at, attrs_end, col, marks[col]))
        start = end
    out, pos = [], 0
    for at, attrs_end, col, severity in found:
        attrs = body[at + 2 : attrs_end]
        current = _ATTR_S.search(attrs)
        style = styles.marked(int(current.group(1)) if current else col_styles.get(col, base_style), severity)
        out += [body[pos : at + 2], _restyle(attrs, style)]
        pos = attrs_end
    out.append(body[pos:])
    return b"".join(out)


def _row_style(attrs: bytes) -> int:
    """A row's own style (`s` with customFormat), the default for its cells that have none."""
    custom = re.search(rb"""customFormat=["'](?:1|true)["']""", attrs) is not None
    found = _ATTR_S.search(attrs) if custom else None
    return int(found.group(1)) if found else 0


def _rows_in_place(
    inner: bytes, by_row: dict[int, dict[int, Severity]], col_styles: dict[int, int], styles: _Styles
) -> bytes | None:
    """The fast path of `_patch_cells`: every marked row exists, starts `<row r="N"` and has content, so
    each is found directly instead of scanning every row before it. None otherwise."""
    found, start = [], 0
    for r in sorted(by_row):  # rows come in ascending order: each search starts where the last one ended
        at = inner.find(b'<row r="%d"' % r, start)
        end = inner.find(b">", at)
        close = inner.find(b"</row>", end)
        if at < 0 or end < 0 or close < 0 or inner[end - 1 : end] == b"/":
            return None
        found.append((at, end, close, r))
        start = close
    out, pos = [], 0
    for at, end, close, r in found:
        body = _patch_row(inner[end + 1 : close], r, by_row[r], _row_style(inner[at:end]), col_styles, styles)
        out += [inner[pos : end + 1], body]
        pos = close
    out.append(inner[pos:])
    return b"".join(out)


def _cells_in_place(
    xml: bytes,
    lo: int,
    hi: int,
    marks: dict[Any, Severity],  # by (row, column), or by the plan's (sheet, row, column) with `keys`
    col_styles: dict[int, int],
    styles: _Styles,
    insert: tuple[int, bytes] | None = None,
    keys: Sequence[tuple[Any, ...]] | None = None,
) -> bytes | None:
    """The fastest path of `_patch_cells`: every marked cell exists and starts `<c r="A1"` (as Excel and the usual
    writers write it), so one forward walk over the marked cells in (row, column) order finds each by its address
    between `lo` and `hi` (the inside of <sheetData>) and splices its new style in — no row is parsed, and the
    worksheet is copied once. None (the caller falls back) when a cell is missing or out of order; the cell formats
    added on the way are taken back then, so they are added in the same order either way. `insert`: a fragment to
    put at an offset past `hi` (perfxl's <legacyDrawing>) in the same copy. `keys`: the keys of `marks` to walk, in
    (row, column) order, a key's row and column its last two items — the plan's own (sheet, row, column) keys, sorted
    once for every sheet (`apply_marks`), instead of a (row, column) dict per sheet; `sorted(marks)` when not given.
    """
    out: list[bytes] = []  # slices of the sheet between the splices (bytes: cheaper to make than memoryviews)
    put = out.append
    pos = 0
    spliced: dict[tuple[bytes, Severity], bytes] = {}  # (old s digits, severity) → the new ` s="N"`
    find, start, style_after = xml.find, lo, _STYLE_AFTER.match
    letters, known = _COLUMN_BYTES, len(_COLUMN_BYTES)
    saved = styles.checkpoint()
    # rows ascend and cells ascend within a row: each search starts at the last hit
    for key in sorted(marks) if keys is None else keys:  # the keys alone: a fifth of the time of sorting (key, level)
        r, c = key[-2], key[-1]
        severity = marks[key]
        needle = b'<c r="%s%d"' % (letters[c] if c < known else _letters(c), r)
        at = find(needle, start, hi)
        if at < 0:
            styles.rollback(saved)
            return None
        s_at = at + len(needle)
        usual = style_after(xml, s_at)
        if usual is not None:  # the usual <c r="B7" s="12" …>: the style right after the address, spliced
            digits = usual[1]
            piece = spliced.get((digits, severity))
            if piece is None:
                piece = spliced[(digits, severity)] = b' s="%d"' % styles.marked(int(digits), severity)
            put(xml[pos:s_at])
            put(piece)
            pos = start = usual.end()
            continue
        end = find(b">", at, hi)
        if end < 0:
            styles.rollback(saved)
            return None
        attrs_end = start = end - 1 if xml[end - 1] == 47 else end  # 47: the "/" of an empty <c …/>
        attrs = xml[at + 2 : attrs_end]
        current = _ATTR_S.search(attrs)
        if current is not None:
            base = int(current.group(1))
        elif c in col_styles:
            base = col_styles[c]
        else:  # the row's own style, from the <row …> this cell sits in
            row_at = xml.rfind(b"<row", lo, at)  # inside <sheetData> only <row> tags start so
            base = _row_style(xml[row_at : xml.find(b">", row_at)]) if row_at >= 0 else 0
        put(xml[pos : at + 2])
        put(_restyle(attrs, styles.marked(base, severity)))
        pos = attrs_end
    if insert is None:
        put(xml[pos:])
    else:  # perfxl's <legacyDrawing>, after </sheetData>: past every cell
        at, fragment = insert
        put(xml[pos:at])
        put(fragment)
        put(xml[at:])
    return b"".join(out)


def _letters(col: int) -> bytes:
    """A column's letters as bytes (A … ZZ precomputed)."""
    return _COLUMN_BYTES[col] if col < len(_COLUMN_BYTES) else column_letter(col).encode()


_COLUMN_BYTES = [b""] + [column_letter(c).encode() for c in range(1, 703)]  # A … ZZ
_COLUMN_OF = {letters: c for c, letters in enumerate(_COLUMN_BYTES) if c}


def _sheet_data(xml: bytes) -> tuple[int, int] | None:
    """Where `<sheetData …>…</sheetData>` (or `<sheetData/>`) sits in a worksheet part, found by plain search
    (a lazy regex over a 300 KB sheet cost 2.4 ms per sheet, most of a marked sheet's patching)."""
    at = xml.find(b"<sheetData")
    while at >= 0 and xml[at + 10 : at + 11] not in (b">", b"/", b" ", b"\t", b"\r", b"\n"):
        at = xml.find(b"<sheetData", at + 1)
    tag_end = xml.find(b">", at) if at >= 0 else -1
    if tag_end < 0:
        return None
    if xml[tag_end - 1 : tag_end] == b"/":
        return at, tag_end + 1
    close = xml.find(b"</sheetData>", tag_end)
    return None if close < 0 else (at, close + len(b"</sheetData>"))


def _patch_cells(
    xml: bytes,
    fills: dict[tuple[str, int, int], Severity],
    keys: Sequence[tuple[str, int, int]],
    styles: _Styles,
    legacy: bytes | None = None,
) -> bytes:
    """The worksheet XML with every marked cell's style replaced by a filled copy of its own, and `legacy` (perfxl's
    <legacyDrawing>) in its place after <sheetData> when given — in the same copy of the sheet on the usual path.
    `keys`: this sheet's keys of the plan's `fills`, sorted."""
    span = _sheet_data(xml)
    if span is None or not keys:
        return xml if legacy is None else _insert_before_first(xml, _AFTER_LEGACY, legacy)
    start, end = span
    col_styles = _col_styles(xml[:start])
    if not xml.endswith(b"/>", start, end):
        insert = (_legacy_at(xml, _AFTER_LEGACY), legacy) if legacy is not None else None
        lo, hi = xml.find(b">", start) + 1, end - len(b"</sheetData>")
        direct = _cells_in_place(xml, lo, hi, fills, col_styles, styles, insert, keys)
        if direct is not None:
            return direct
    marks = {(r, c): fills[(sheet, r, c)] for sheet, r, c in keys}  # the row-by-row path's form
    patched = _patch_rows(xml, start, end, marks, col_styles, styles)
    return patched if legacy is None else _insert_before_first(patched, _AFTER_LEGACY, legacy)


def _patch_rows(
    xml: bytes,
    start: int,
    end: int,
    marks: dict[tuple[int, int], Severity],
    col_styles: dict[int, int],
    styles: _Styles,
) -> bytes:
    """`_patch_cells` row by row, for sheets `_cells_in_place` cannot walk (cells or rows missing, other forms);
    `start`, `end`: where <sheetData> is."""
    content = xml[start:end]
    if content.endswith(b"/>"):
        head, inner = content[:-2] + b">", b""
    else:
        open_end = content.find(b">") + 1
        head, inner = content[:open_end], content[open_end : -len(b"</sheetData>")]
    by_row: dict[int, dict[int, Severity]] = {}
    for (r, c), sev in marks.items():
        by_row.setdefault(r, {})[c] = sev
    direct = _rows_in_place(inner, by_row, col_styles, styles)
    if direct is not None:
        return xml[:start] + head + direct + b"</sheetData>" + xml[end:]
    pending = sorted(by_row)
    out, pos, row_no, k = [], 0, 0, 0

    def new_row(r: int) -> bytes:
        return b'<row r="%d">' % r + _patch_row(b"", r, by_row[r], 0, col_styles, styles) + b"</row>"

    for m in _ROW.finditer(inner):
        if k == len(pending):
            break
        attrs = m.group(1) if m.group(1) is not None else m.group(2)
        found = _ROW_R.search(attrs)
        row_no = int(found.group(1)) if found else row_no + 1
        while k < len(pending) and pending[k] < row_no:  # marked rows missing before this one
            out += [inner[pos : m.start()], new_row(pending[k])]
            pos, k = m.start(), k + 1
        if k < len(pending) and pending[k] == row_no:
            body = _patch_row(m.group(3) or b"", row_no, by_row[row_no], _row_style(attrs), col_styles, styles)
            out += [inner[pos : m.start()], b"<row" + attrs + b">" + body + b"</row>"]
            pos, k = m.end(), k + 1
    out.append(inner[pos:])
    out += [new_row(r) for r in pending[k:]]
    return xml[:start] + head + b"".join(out) + b"</sheetData>" + xml[end:]


# ---------------------------------------------------------------- notes


def _note_run(text: str) -> bytes:
    return b'<r><t xml:space="preserve">' + _xml_text(text) + b"</t></r>"


#: A note's shape in Excel's own form: its number twice, the anchor (the cell's 1-based column and 0-based row, then
#: four columns right and six rows down), the cell's 0-based row and column. One bytes template: an f-string per
#: note was a third of the notes' time at 400 notes.
_VML_SHAPE = (
    b'<v:shape id="_x0000_s%d" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;'
    b'margin-top:1.5pt;width:240pt;height:90pt;z-index:%d;visibility:hidden" fillcolor="#ffffe1" '
    b'o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>'
    b'<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left">'
    b'</div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
    b"<x:Anchor>%d, 15, %d, 10, %d, 15, %d, 4</x:Anchor><x:AutoFill>False</x:AutoFill>"
    b"<x:Row>%d</x:Row><x:Column>%d</x:Column></x:ClientData></v:shape>"
)


_VML_HEAD = (
    b'<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    b'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit">'
    b'<o:idmap v:ext="edit" data="%d"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" '
    b'o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
    b'<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
)


def _insert_before_first(xml: bytes, markers: Sequence[bytes], fragment: bytes) -> bytes:
    """`fragment` put before the first of `markers` after <sheetData> (`_legacy_at`)."""
    at = _legacy_at(xml, markers)
    view = memoryview(xml)
    return b"".join((view[:at], fragment, view[at:]))  # one copy of the sheet, not three


def _legacy_at(xml: bytes, markers: Sequence[bytes]) -> int:
    """Where the first of `markers` is after <sheetData> (its rows may hold an <extLst> of their own, and searching a
    300 KB sheet nine times for markers it lacks cost more than a millisecond); the end when none is."""
    end = xml.rfind(b"</sheetData>")
    start = end if end >= 0 else 0
    return min((i for i in (xml.find(m, start) for m in markers) if i >= 0), default=len(xml))


def _patch_notes(
    pkg: Package,
    part: str,
    notes: dict[tuple[str, int, int], list[Finding]],
    keys: Sequence[tuple[str, int, int]],
    block: int,
    texts: dict[tuple[Any, ...], str],
) -> bytes | None:
    """Add perfxl's notes to a sheet: appended to a user's note on the same cell, new notes otherwise. Returns the
    <legacyDrawing> the sheet must get when its notes' shapes are in a new VML part (None when it has one already),
    for `_patch_cells` to put in while it copies the sheet. `notes`: the plan's; `keys`: this sheet's, sorted;
    `texts`: one-finding note texts made so far, by (code, level, message) — rules repeat down a sheet."""
    rels = _rels(pkg, part)
    comments_part = next((t for _, typ, t in rels if typ.endswith("/comments")), None)
    vml_part = next((t for _, typ, t in rels if typ.endswith("/vmlDrawing")), None)
    if comments_part is None:
        comments_part = pkg.unused("xl/comments%d.xml")
        pkg.put(
            comments_part,
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<comments xmlns="' + _MAIN.encode() + b'"><authors></authors><commentList></commentList></comments>',
        )
        _add_rel(pkg, part, "comments", comments_part)
        _content_type(pkg, comments_part, _CT_COMMENTS)
    comments = pkg.get(comments_part) or b""
    authors = re.findall(rb"<author>(.*?)</author>|<author/>", comments, re.S)
    if b"perfxl" in authors:
        author = authors.index(b"perfxl")
    else:
        author = len(authors)
        comments = (
            comments.replace(b"</authors>", b"<author>perfxl</author></authors>", 1)
            if b"</authors>" in comments
            else comments.replace(b"<authors/>", b"<authors><author>perfxl</author></authors>", 1)
        )
    existing = {
        m.group(1): m for m in re.finditer(rb'<comment\b[^>]*\bref="([A-Z]+\d+)"[^>]*>(.*?)</comment>', comments, re.S)
    }
    new_cells, added, edits = [], [], []
    runs: dict[str, bytes] = {}  # a note's text run: cells of one rule share their note
    letters, known = _COLUMN_BYTES, len(_COLUMN_BYTES)
    comment = b'<comment ref="%%s%%d" authorId="%d"><text>%%s</text></comment>' % author  # a new note's element
    for key in keys:
        _, row, col = key
        findings = notes[key]
        if len(findings) == 1:
            f = findings[0]
            shown = (f.code, f.severity, f.message)
            note = texts.get(shown)
            if note is None:
                note = texts[shown] = note_text(findings)
        else:
            note = note_text(findings)
        column = letters[col] if col < known else _letters(col)
        m = existing.get(b"%s%d" % (column, row)) if existing else None  # a part without notes: nothing to look up
        if m is None:
            run = runs.get(note)
            if run is None:
                run = runs[note] = _note_run(note)
            added.append(comment % (column, row, run))
            new_cells.append(key)
            continue
        body = m.group(2)
        head = body.find(NOTE_HEAD.encode())
        if head >= 0:  # perfxl's note from an earlier run: drop it, keep what the user wrote before it
            cut = max(body.rfind(b"<r>", 0, head), body.rfind(b"<r ", 0, head))
            body = body[:cut] + b"</text>" if cut >= 0 else b"<text></text>"
        sep = "\n——\n" if re.search(rb"<t\b[^>]*>[^<]", body) else ""
        edits.append((m.start(2), m.end(2), body.replace(b"</text>", _note_run(sep + note) + b"</text>", 1)))
    for start, end, body in sorted(edits, reverse=True):
        comments = comments[:start] + body + comments[end:]
    at = comments.find(b"</commentList>") if added else -1
    if at >= 0:  # one copy of the part (as replace(…, 1) put them before the first </commentList>)
        comments = b"".join([comments[:at], *added, comments[at:]])
    pkg.put(comments_part, comments)
    legacy = None
    if vml_part is None and new_cells:
        vml_part = pkg.unused("xl/drawings/vmlDrawingPerfxl%d.vml")
        pkg.put(vml_part, (_VML_HEAD % block) + b"</xml>")
        rid = _add_rel(pkg, part, "vmlDrawing", vml_part)
        _vml_default(pkg)
        legacy = f'<legacyDrawing xmlns:r="{REL_NS}" r:id="{rid}"/>'.encode()
    if new_cells and vml_part is not None:
        vml = pkg.get(vml_part) or b""
        first = block * 1024 + 1
        shapes = [
            _VML_SHAPE % (n, n, c, r - 1, c + 4, r + 5, r - 1, c - 1) for n, (_, r, c) in enumerate(new_cells, first)
        ]
        at = vml.rfind(b"</xml>")
        pkg.put(vml_part, b"".join([vml[:at], *shapes, vml[at:]] if at >= 0 else [vml, *shapes]))  # one copy
    return legacy


# ---------------------------------------------------------------- the 校验结果 sheet


def _own_result_sheet(pkg: Package, part: str) -> bool:
    xml = pkg.get(part) or b""
    m = re.search(rb"""<c\b[^>]*\br\s*=\s*(["'])A1\1[^>]*>(.*?)</c>""", xml, re.S)
    if m is None:
        return False
    cell = m.group(0)
    if _attr_of(cell[: cell.find(b">") + 1], b"t") == b"s":
        v = re.search(rb"<v>(\d+)</v>", cell)
        strings = re.findall(rb"<si\b[^>]*>(.*?)</si>", pkg.get("xl/sharedStrings.xml") or b"", re.S)
        if v is None or int(v.group(1)) >= len(strings):
            return False
        text = b"".join(re.findall(rb"<t\b[^>]*>(.*?)</t>", strings[int(v.group(1))], re.S))
    else:
        text = b"".join(re.findall(rb"<t\b[^>]*>(.*?)</t>", cell, re.S))
    return text.decode("utf-8", "replace") == RESULT_TITLE


def _drop_sheet(pkg: Package, name: str, part: str) -> None:
    """Remove perfxl's earlier 校验结果 sheet: its entry, relationship, content type and parts."""
    wb = pkg.get(_WB) or b""
    sheets = re.findall(rb"<sheet\b[^>]*/>", wb)
    tag = next(
        t for t in sheets if re.search(rb"\bname=" + re.escape(_attr(name)), t) or f'name="{name}"'.encode() in t
    )
    index = sheets.index(tag)
    rid = _attr_of(tag, b":id")
    wb = wb.replace(tag, b"", 1)

    def local(m: re.Match[bytes]) -> bytes:
        n = int(m.group(3))
        return (
            m.group(0)
            if n < index
            else (b"" if n == index else m.group(1) + b'localSheetId="%d"' % (n - 1) + m.group(4))
        )

    defined = rb"""(<definedName\b[^>]*?)localSheetId\s*=\s*(["'])(\d+)\2([^>]*>.*?</definedName>)"""
    wb = re.sub(defined, local, wb, flags=re.S)
    pkg.put(_WB, wb)
    if rid:
        rels = pkg.get(_WB_RELS) or b""
        own = rb"""<Relationship\b[^>]*(?<![\w:.-])Id\s*=\s*(["'])""" + re.escape(rid) + rb"\1[^>]*/>"
        pkg.put(_WB_RELS, re.sub(own, b"", rels))
    pkg.put(
        _CT, (pkg.get(_CT) or b"").replace(f'<Override PartName="/{part}" ContentType="{_CT_SHEET}"/>'.encode(), b"")
    )
    pkg.remove(part)
    pkg.remove(_rels_name(part))


def _result_sheet_xml(rows: list[list[Any]], severities: Sequence[Severity], header_row: int, styles: _Styles) -> bytes:
    """The 校验结果 worksheet: inline strings, the level cell filled, cell links as hyperlinks.

    The first cell of a row, and a cell after an empty column, name their place (`r="H12"`); any other cell is the one
    right of the cell before it, as a `<c>` without `r` is (ECMA-376 Part 1, 18.3.1.4: `r` is optional; openpyxl,
    python-calamine and LibreOffice read it so), and a text is marked `xml:space="preserve"` only when its spacing
    needs it (`_t_element`). A findings row then differs from the rows of the same rule only in its row number, 序号
    and 单元格, and deflate takes the rest as one long match: for 483 findings the sheet is 335 KB instead of 449 KB
    and deflates in half the time (0.67 → 0.33 ms) to half the bytes. perfxl's own new part only: the user's sheets
    are never rewritten so."""
    bold14 = styles.add_xf(
        b'<xf numFmtId="0" fontId="%d" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        % styles.font(b'<font><b/><sz val="14"/></font>')
    )
    bold = styles.font(b'<font><b/><sz val="11"/></font>')
    header = styles.add_xf(
        b'<xf numFmtId="0" fontId="%d" fillId="%d" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
        % (bold, styles.fill("D9D9D9"))
    )
    wrap = b'<alignment vertical="top" wrapText="1"/>'
    body = styles.add_xf(
        b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">%s</xf>' % wrap
    )
    link = styles.add_xf(
        b'<xf numFmtId="0" fontId="%d" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">%s</xf>'
        % (styles.font(b'<font><u/><sz val="11"/><color rgb="FF0563C1"/></font>'), wrap)
    )
    level = {
        s: styles.add_xf(
            b'<xf numFmtId="0" fontId="0" fillId="%d" borderId="0" xfId="0" applyFill="1" applyAlignment="1">%s</xf>'
            % (styles.fill(SEVERITY_FILL[s]), wrap)
        )
        for s in Severity
    }
    out: list[bytes] = []  # joined once: 483 findings are ≈ 4,000 cells
    links: list[bytes] = []
    letters = [column_letter(c) for c in range(1, max(map(len, rows), default=0) + 1)]
    texts: dict[str, str] = {}  # <t> element per value: sheet names, levels, codes repeat on every row
    encoded: dict[str, bytes] = {}  # the same, escaped and encoded, for the findings' rows
    widths_of: dict[str, int] = {}
    templates: dict[tuple[Any, ...], tuple[bytes, int, bytes]] = {}  # a findings row's fixed cells, per texts
    heads: dict[str, Any] = {}  # per sheet: its link location's start and a <hyperlink> template (`_finding_row`)
    last_finding = header_row + len(severities)  # the findings' rows: header_row + 1 … last_finding
    for r, row in enumerate(rows, 1):
        if header_row < r <= last_finding:
            fast = _finding_row(
                r, row, level[severities[r - header_row - 1]], body, link, links, encoded, templates, heads
            )
            if fast is not None:
                out.append(fast)
                continue
        cells = []
        data = r > header_row
        row_style = bold14 if r == 1 else header if r == header_row else body
        sev_at = r - header_row - 1
        after = 0  # the column of the cell written last: the next names its place unless it follows
        for c, value in enumerate(row, 1):
            if value is None or value == "":
                continue
            place = f' r="{letters[c - 1]}{r}"' if c != after + 1 or after == 0 else ""
            after = c
            style = row_style
            if data and (c == 2 or c == 5):
                if c == 5 and value.__class__ is Hyperlink:
                    location, value = value
                    links.append(
                        f'<hyperlink ref="{letters[4]}{r}" location={_attr_text(location)} '
                        f"display={_attr_text(value)}/>".encode()
                    )
                    style = link
                elif c == 2 and sev_at < len(severities):
                    style = level[severities[sev_at]]
                elif c == 5 and isinstance(value, str) and (target := hyperlink_target(value)):
                    location, value = target
                    links.append(
                        f'<hyperlink ref="{letters[4]}{r}" location={_attr_text(location)} '
                        f"display={_attr_text(value)}/>".encode()
                    )
                    style = link
            if value.__class__ is str:
                text = texts.get(value)
                if text is None:
                    text = texts[value] = _t_element(value)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                cells.append(f'<c{place} s="{style}"><v>{value}</v></c>')
                continue
            else:
                text = _t_element(value)
            cells.append(f'<c{place} s="{style}" t="inlineStr"><is>{text}</is></c>')
        height = ""
        if data:  # spreadsheet apps do not grow rows for wrapped text on load: size them
            lines = max(
                1,
                -(-_width(row[5] if len(row) > 5 else "", widths_of) // 54),
                *(-(-_width(v, widths_of) // 18) for v in row[6:8]),
            )
            height = f' ht="{15 * lines}" customHeight="1"'
        out.append(f'<row r="{r}"{height}>{"".join(cells)}</row>'.encode())
    widths = (6, 6, 7, 20, 9, 56, 20, 20, 9)
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1))
    last = a1(max(len(rows), 1), len(widths))
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{REL_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{last}"/><sheetViews><sheetView workbookViewId="0">'
        f'<pane ySplit="{header_row}" topLeftCell="A{header_row + 1}" activePane="bottomLeft" state="frozen"/>'
        f'</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
    )
    tail = (
        b'</sheetData><mergeCells count="1"><mergeCell ref="A2:H2"/></mergeCells>'
        + (b"<hyperlinks>" + b"".join(links) + b"</hyperlinks>" if links else b"")
        + b'<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        b'<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>'
    )
    return b"".join([head.encode(), *out, tail])  # one join: the body is most of the bytes


def _finding_row(
    r: int,
    row: list[Any],
    level: int,
    body: int,
    link: int,
    links: list[bytes],
    encoded: dict[str, bytes],
    templates: dict[tuple[Any, ...], tuple[bytes, int, bytes]],
    heads: dict[str, Any],
) -> bytes | None:
    """One finding's row of 校验结果 as `_result_sheet_xml`'s cell-by-cell loop writes it: the usual row, a number then
    texts (the 单元格 text a link or not), the first six never empty. Everything but the row number, the 序号 and the
    单元格 cell is fixed by the row's texts — one bytes template per distinct (level, code, sheet, message, expected,
    actual, noted), escaped, encoded and measured once: findings of one rule repeat their texts down a sheet. None for
    any other row (the loop writes it)."""
    if len(row) != 9 or row[0].__class__ is not int:
        return None
    _, lvl, code, sheet, where, message, expected, actual, noted = row
    key = (level, lvl, code, sheet, message, expected, actual, noted)
    try:
        found = templates.get(key)
    except TypeError:  # an unhashable value: not a row of texts
        return None
    if found is None:  # texts checked once per template: a row equal to a checked key holds the same texts
        if (
            lvl.__class__ is not str
            or code.__class__ is not str
            or sheet.__class__ is not str
            or message.__class__ is not str
            or expected.__class__ is not str
            or actual.__class__ is not str
            or noted.__class__ is not str
            or not (lvl and code and sheet and message)
        ):
            return None
        found = templates[key] = _row_template(level, body, link, lvl, code, sheet, message, expected, actual, noted)
    template, tail, linked = found
    if not where:
        return None
    if where.__class__ is Hyperlink:
        location, display = where
    elif where.__class__ is str:
        target = hyperlink_target(where)
        if target is None:
            e_where = encoded.get(where)
            if e_where is None:
                e_where = encoded[where] = _t_element(where).encode()
            return template % ((r, r, row[0], body, e_where) + (r,) * tail)
        location, display = target
    else:
        return None
    if display.isalnum():  # a cell's address: nothing to escape or preserve (as _attr_text and _t_element write it)
        shown = display.encode()
        head = heads.get(sheet, _UNSET)
        if head is _UNSET:  # the row's sheet as a link names it, and its <hyperlink> template, once a sheet
            prefix = sheet_prefix(sheet)
            head = heads[sheet] = (
                (
                    prefix,
                    b'<hyperlink ref="E%%d" location="%s%%s" display="%%s"/>' % prefix.encode().replace(b"%", b"%%"),
                )
                if _ATTR_SPECIAL.search(prefix) is None  # else quoted and escaped as `_attr_text` does, below
                else None
            )
        if head is not None and location == head[0] + display:  # the usual link, to the cell on the row's sheet
            links.append(head[1] % (r, shown, shown))
        else:
            links.append(b'<hyperlink ref="E%d" location=%s display="%s"/>' % (r, _attr_bytes(location), shown))
        return linked % ((r, r, row[0], shown) + (r,) * tail if tail else (r, r, row[0], shown))
    links.append(b'<hyperlink ref="E%d" location=%s display=%s/>' % (r, _attr_bytes(location), _attr_bytes(display)))
    e_where = encoded.get(display)
    if e_where is None:
        e_where = encoded[display] = _t_element(display).encode()
    return template % ((r, r, row[0], link, e_where) + (r,) * tail)


def _row_template(
    level: int,
    body: int,
    link: int,
    lvl: str,
    code: str,
    sheet: str,
    message: str,
    expected: str,
    actual: str,
    noted: str,
) -> tuple[bytes, int, bytes]:
    """The bytes template of a findings row with these texts, how many of its cells after 单元格 name their place
    (each takes the row number), and the same template for the usual 单元格, a link shown as a cell's address. Slots of
    the first, in order: the row number (the row and its A cell), the 序号, the 单元格 style and text, then those row
    numbers; the second has the link's style and the `<t>` element in place, and takes the address instead of those
    two. Texts are escaped with `%` doubled, so they pass through the formatting unchanged. Cells name their place as
    `_result_sheet_xml` says."""
    lines = max(1, -(-_width(message) // 54), -(-_width(expected) // 18), -(-_width(actual) // 18))
    head = b'<row r="%%d" ht="%d" customHeight="1"><c r="A%%d" s="%d"><v>%%d</v></c>' % (15 * lines, body)
    fixed = b"".join(
        _TEXT_CELL % (style, _t_element(text).encode().replace(b"%", b"%%"))
        for style, text in ((level, lvl), (body, code), (body, sheet))
    )
    where = b'<c s="%d" t="inlineStr"><is>%s</is></c>'
    after, placed, follows = [_TEXT_CELL % (body, _t_element(message).encode().replace(b"%", b"%%"))], 0, True
    for col, text in ((b"G", expected), (b"H", actual), (b"I", noted)):
        if not text:
            follows = False
            continue
        cell = _TEXT_CELL % (body, _t_element(text).encode().replace(b"%", b"%%"))
        if not follows:  # after an empty column: the cell says where it is
            cell, placed, follows = cell.replace(b"<c ", b'<c r="%s%%d" ' % col, 1), placed + 1, True
        after.append(cell)
    rest = b"".join(after) + b"</row>"
    linked = b'<c s="%d" t="inlineStr"><is><t>%%s</t></is></c>' % link
    return head + fixed + where + rest, placed, head + fixed + linked + rest


_TEXT_CELL = b'<c s="%d" t="inlineStr"><is>%s</is></c>'


def _t_element(value: Any) -> str:
    """A 校验结果 cell's `<t>` element, escaped. `xml:space="preserve"` only on a text whose spacing an application could
    change — leading or trailing space, a line break, a tab, a run of spaces, any other white space (U+3000 too): a
    text of words and single spaces has nothing to preserve (openpyxl writes it so as well). Most findings' texts
    need none: 19 bytes a cell, ≈ 70 KB of 483 findings' sheet."""
    text = value if value.__class__ is str else str(value)
    if (  # the usual text: nothing to escape or preserve, told by string methods (a regex took ≈ 8,000 instructions)
        text.isprintable()  # no control character, no white space but " " (U+3000, U+00A0, tabs are not printable)
        and text
        and text[0] != " "
        and text[-1] != " "
        and "  " not in text
        and "&" not in text
        and "<" not in text
        and ">" not in text
    ):
        return "<t>" + text + "</t>"
    head = "<t>" if _PLAIN_SPACING.match(text) is not None else '<t xml:space="preserve">'
    return head + _escaped(text) + "</t>"


_PLAIN_SPACING = re.compile(r"[^\s]+(?: [^\s]+)*\Z")  # words and single spaces, nothing else white


def _attr_bytes(value: str) -> bytes:
    """`_attr_text`, encoded."""
    return _attr_text(value).encode()


_WIDE_RUN = re.compile("[\u2e80-\U0010ffff]+")


def _width(value: Any, known: dict[str, int] | None = None) -> int:
    """Columns a text needs: 2 per CJK/full-width character, 1 otherwise (`known`: widths already counted)."""
    text = str(value or "")
    if text.isascii():
        return len(text)
    width = known.get(text) if known is not None else None
    if width is None:
        width = len(text) + sum(map(len, _WIDE_RUN.findall(text)))
        if known is not None:
            known[text] = width
    return width


def _add_result_sheet(
    pkg: Package, rows: list[list[Any]], severities: Sequence[Severity], header_row: int, styles: _Styles
) -> None:
    existing = dict(pkg.names)
    for name, part in existing.items():
        if name.startswith(RESULT_SHEET) and _own_result_sheet(pkg, part):
            _drop_sheet(pkg, name, part)
            del pkg.names[name]
    name, n = RESULT_SHEET, 2
    while name in pkg.names:  # a user's own sheet of that name: keep it, use another name
        name, n = f"{RESULT_SHEET}({n})", n + 1
    part = pkg.unused("xl/worksheets/sheet%d.xml")
    pkg.put(part, _result_sheet_xml(rows, severities, header_row, styles))
    rid = _add_rel(pkg, _WB, "worksheet", part)
    _content_type(pkg, part, _CT_SHEET)
    wb = pkg.get(_WB) or b""
    ids = [int(m.group(2)) for m in re.finditer(rb"""<sheet\b[^>]*\bsheetId\s*=\s*(["'])(\d+)\1""", wb)]
    # the r: prefix declared on the element itself: valid whatever prefixes the workbook part uses
    tag = (
        f'<sheet xmlns:r="{REL_NS}" name={_attr(name).decode()} sheetId="{max(ids, default=0) + 1}" r:id="{rid}"/>'
    ).encode()
    pkg.put(_WB, wb.replace(b"</sheets>", tag + b"</sheets>", 1))
    pkg.names[name] = part


def apply_marks(
    pkg: Package, plan: MarkPlan, rows: list[list[Any]], severities: Sequence[Severity], header_row: int
) -> PackageMarks:
    """The package with `plan`'s fills and notes and a 校验结果 sheet of `rows`, as bytes."""
    path = pkg.path
    styles = _Styles(pkg.get(_STYLES), path)
    fills = plan.fills
    # the plan's keys, (sheet, row, column), sorted once: each sheet's marked cells in the order its walk meets them
    by_sheet = {sheet: list(keys) for sheet, keys in groupby(sorted(fills), itemgetter(0)) if sheet in pkg.names}
    noted = {
        sheet: list(keys) for sheet, keys in groupby(sorted(plan.notes), itemgetter(0)) if sheet in pkg.names
    }  # the noted cells' keys, sheet by sheet, as the fills'
    texts: dict[tuple[Any, ...], str] = {}  # a one-finding note's text by what it shows: rules repeat down a sheet
    for block, sheet in enumerate(sorted(set(by_sheet) | set(noted)), 60):
        part = pkg.names[sheet]
        original = pkg.get(part) or b""
        if _sheet_data(original) is None:
            # a sheet written with a namespace prefix (<x:sheetData>, some .NET writers) or damaged: no mark could be
            # placed — say so instead of a copy that silently carries none
            raise PerfxlError(
                f"工作表“{sheet}”的 XML 写法 perfxl 无法在其中标注（如带前缀的 <x:sheetData>）；"
                "请用 Excel 或 WPS 另存为 .xlsx 后重试",
                f"sheet {sheet!r} is written in a form perfxl cannot mark (e.g. a prefixed <x:sheetData>); no copy made",
                code="ANNOTATE_UNSUPPORTED",
            )
        legacy = _patch_notes(pkg, part, plan.notes, noted[sheet], block, texts) if sheet in noted else None
        pkg.put(part, _patch_cells(original, fills, by_sheet.get(sheet, ()), styles, legacy))
    _add_result_sheet(pkg, rows, severities, header_row, styles)
    pkg.put(_STYLES, styles.to_bytes())
    return PackageMarks(pkg.to_bytes(), sum(len(v) for v in by_sheet.values()))
