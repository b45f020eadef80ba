"""ZIP-level and OOXML-structure checks of `perfxl.io.guard` (.xlsx, .xlsm, .xlsb, .ods, .docx).

Order matters: the central directory (declared sizes, ratios, overlaps) is judged before one byte
is inflated. Then every member is inflated exactly once through `guard_inflate.MemberReader` —
capped at its declared size (a member that inflates past it is a ZIP_BOMB), CRC-checked, and, when
its content looks like XML, parsed up to its first element with DTDs forbidden. The package
structure (workbook part, sheet parts) is read from small parts on the way; sheets and shared
strings are measured by the scanners while they stream; the members nobody needed are drained
at the end. When the guard returns, every member's real inflated size equals its declared size,
so calamine, openpyxl and python-docx — which inflate by themselves — inflate no more than the
limits allow.
"""

from __future__ import annotations

import functools
import io
import os
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..limits import MIB, Limits
from ..patterns import lazy_compile
from .guard import (
    FileKind,
    GuardReport,
    SheetInfo,
    check_sheet_extent,
    check_workbook_totals,
    hidden_sheets_finding,
    unreadable,
)
from .guard_inflate import _LOCAL, CHUNK, DtdForbidden, MemberCorrupt, ZipBombError, looks_like_xml, open_member
from .guard_xlsb import bundle_sheets, scan_xlsb_sheet, scan_xlsb_strings
from .guard_xml import (
    NeedsFullScan,
    TagTooLong,
    scan_ods_tables,
    scan_shared_strings,
    scan_sheet_extent,
    scan_sheet_extent_fast,
)
from .guard_zipdir import check_single_reading
from .ooxml import MEMO_PART_BYTES, STYLES_PART
from .ooxml import part_reading as _part_reading  # one cache of parsed small parts, the reader's too (batch30)

_T = TypeVar("_T")

__all__ = ["inspect_zip", "read_member", "ZipPass"]

REL_OFFICE_DOC = "/officeDocument"
CORRUPT_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    ValueError,
)
# Small parts read whole (the structure parse) are kept, so nothing is inflated twice.
KEEP_PART_BYTES = 1 * MIB
KEEP_TOTAL_BYTES = 16 * MIB
#: A worksheet up to this size is read whole and kept too (perf27s), within KEEP_TOTAL_BYTES: the reader
#: (perfxl.io.source) scans it again for error values and uncached formulas, and would inflate it a second time —
#: ≈ 3 MB of XML at 10,000 indicator rows. A larger one is streamed (memory stays at one chunk).
KEEP_SHEET_BYTES = 8 * MIB
DOCX_MAIN = "word/document.xml"


def _what_zip_holds(names: set[str]) -> tuple[str, str] | None:
    """zh/en description of a ZIP that is not an Excel package, or None when it looks like one."""
    lower = {n.lower() for n in names}
    if "mimetype" in lower and "[content_types].xml" not in lower:
        return (
            "OpenDocument 文档（不是表格），请用 Excel 或 WPS 另存为 .xlsx",
            "an OpenDocument file that is not a spreadsheet",
        )
    if "ppt/presentation.xml" in lower:
        return ("PowerPoint 演示文稿 (.pptx)", "a PowerPoint presentation (.pptx)")
    inner = [n for n in lower if n.endswith((".xlsx", ".xls", ".xlsm", ".et"))]
    if inner and "[content_types].xml" not in lower:
        return (
            f"一个 ZIP 压缩包，里面有 {len(inner)} 个工作簿；请解压后分别提交",
            f"a ZIP archive holding {len(inner)} workbooks; unzip it and submit them one by one",
        )
    if "[content_types].xml" not in lower:
        return ("ZIP 压缩包（不是 Excel 工作簿）", "a ZIP archive, not an Excel package")
    return None


def _check_directory(zf: zipfile.ZipFile, p: Path, size: int, limits: Limits) -> None:
    """Entry count, names, encryption, methods, declared sizes and ratios, overlaps: no inflation."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise unreadable(
            "ZIP_TOO_MANY_ENTRIES",
            f"压缩包成员过多（{len(infos)} 个，上限 {limits.max_entries}）",
            f"too many ZIP entries ({len(infos)} > {limits.max_entries})",
            p,
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        # calamine finds a member by its name lower-cased, `\` read as `/` (the last such member wins), and reads a
        # relationship's target unnormalised: `xl/worksheets/Sheet1.xml`, `xl\worksheets\sheet1.xml` or
        # `xl/worksheets/./sheet1.xml` beside the sheet the guard measured was read instead, unmeasured (sec23)
        key = posixpath.normpath(name.replace("\\", "/")).lower()
        if key in seen:
            raise unreadable(
                "ZIP_DUPLICATE_NAME",
                f"文件结构异常：压缩包中有重名成员 {name}",
                f"duplicate ZIP member {name!r}",
                p,
                part=name,
            )
        seen.add(key)
        if info.flag_bits & 0x1:
            raise unreadable(
                "FILE_ENCRYPTED",
                "文件已加密，请去除密码后再提交",
                "ZIP members are encrypted; remove the password",
                p,
                part=name,
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise unreadable(
                "ZIP_UNSUPPORTED",
                f"文件使用了 Excel 不用的压缩方式（{info.compress_type}），请用 Excel 重新保存",
                f"unsupported ZIP compression method {info.compress_type}",
                p,
                part=name,
            )
        total += info.file_size
        ratio_ok = info.file_size <= limits.ratio_floor_bytes or info.file_size <= limits.max_compression_ratio * max(
            info.compress_size, 1
        )
        if info.file_size > limits.max_part_bytes and ratio_ok:
            raise unreadable(
                "PART_TOO_LARGE",
                f"文件中的 {name} 解压后 {info.file_size / MIB:.0f} MB，超过上限 {limits.max_part_bytes / MIB:.0f} MB（数据过多）；"
                "请删除多余的行或工作表后再提交。如确需读取，可设置环境变量 PERFXL_MAX_PART_BYTES 提高上限（内存占用随之增加）",
                f"{name} is {info.file_size} bytes uncompressed > limit max_part_bytes={limits.max_part_bytes} (raise it with PERFXL_MAX_PART_BYTES)",
                p,
                part=name,
            )
        if info.file_size > limits.max_part_bytes or not ratio_ok:
            raise unreadable(
                "ZIP_BOMB",
                f"文件疑似“压缩炸弹”：成员 {name} 解压后 {info.file_size // MIB} MB（压缩后 {info.compress_size} 字节），超过安全上限",
                f"suspected zip bomb: {name} declares {info.file_size} bytes from {info.compress_size} compressed "
                f"(limits: {limits.max_part_bytes} bytes per part, ratio {limits.max_compression_ratio})",
                p,
                part=name,
            )
    if total > limits.max_uncompressed_bytes:
        raise unreadable(
            "ZIP_BOMB",
            f"文件疑似“压缩炸弹”：解压后共 {total // MIB} MB，超过上限 {limits.max_uncompressed_bytes // MIB} MB",
            f"suspected zip bomb: {total} bytes uncompressed > limit {limits.max_uncompressed_bytes}",
            p,
        )
    ordered = sorted(infos, key=lambda i: i.header_offset)
    bounds = [i.header_offset for i in ordered[1:]] + [getattr(zf, "start_dir", size)]
    for info, bound in zip(ordered, bounds, strict=True):
        if info.header_offset + 30 + len(info.filename.encode("utf-8", "replace")) + info.compress_size > bound:
            raise unreadable(
                "ZIP_OVERLAP",
                f"文件结构异常：压缩包成员 {info.filename} 与其他成员重叠或超出文件末尾（文件损坏或为恶意构造）",
                f"ZIP member {info.filename!r} overlaps the next member or runs past the directory",
                p,
                part=info.filename,
            )


class ZipPass:
    """Every member of one ZIP, each inflated through a capped, CRC-checking, DTD-checking reader.

    `open(name)` streams a member, `read(name)` returns a small one whole (kept for re-use),
    `sweep()` drains whatever was not read to its end. Reader errors propagate as
    ZipBombError / MemberCorrupt / DtdForbidden; `refusal()` turns them into UnreadableWorkbook.
    """

    def __init__(self, zf: zipfile.ZipFile, fp: BinaryIO, p: Path, limits: Limits) -> None:
        self.zf, self.fp, self.p, self.limits = zf, fp, p, limits
        self.verified: set[str] = set()
        self.keep: dict[str, bytes] = {}
        self._budget = KEEP_TOTAL_BYTES

    def open(self, name: str) -> io.BufferedReader:
        data = self.keep.get(name)
        if data is not None:
            return io.BufferedReader(io.BytesIO(data))
        return open_member(self.fp, self.zf.getinfo(name), on_complete=self.verified.add)

    def read(self, name: str, max_bytes: int | None = None, keep_up_to: int = KEEP_PART_BYTES) -> bytes:
        """A whole member; PART_TOO_LARGE when it declares more than `max_bytes` (default small_part_bytes). Kept for
        re-use when it holds at most `keep_up_to` bytes and the budget (KEEP_TOTAL_BYTES) has room for it."""
        data = self.keep.get(name)
        if data is not None:
            return data
        info = self.zf.getinfo(name)
        if info.file_size > (max_bytes or self.limits.small_part_bytes):
            raise unreadable(
                "PART_TOO_LARGE",
                f"文件结构异常：{name} 过大（{info.file_size:,} 字节）",
                f"package part {name} too large ({info.file_size} bytes)",
                self.p,
                part=name,
            )
        span = self._span(info)
        if span is not None:  # a small member: its bytes kept with its verdict (`_member_data`)
            data = _member_data(info.filename, info.compress_type, info.file_size, info.CRC, info.compress_size, span)
            self.verified.add(name)
        else:
            with self.open(name) as fh:
                data = fh.read()
        if len(data) <= min(keep_up_to, self._budget):
            self.keep[name] = data
            self._budget -= len(data)
        return data

    def sweep(self) -> None:
        """Inflate (and discard) every member not yet read to its end: sizes, CRCs and XML prologues of all. A small
        member whose stored bytes and declared sizes and CRC are those of one that passed before (`_span`: the same
        styles, theme and properties parts in every file of a template) passes again without being inflated again."""
        for info in sorted(self.zf.infolist(), key=lambda i: i.header_offset):
            if info.filename in self.verified or info.filename in self.keep or (info.is_dir() and info.file_size == 0):
                continue
            span = self._span(info)
            if span is not None:
                _member_data(info.filename, info.compress_type, info.file_size, info.CRC, info.compress_size, span)
                self.verified.add(info.filename)
                continue
            with open_member(self.fp, info, on_complete=self.verified.add) as fh:
                while fh.read(CHUNK):
                    pass

    def _span(self, info: zipfile.ZipInfo) -> bytes | None:
        """The member as stored — its local header, name, extra field and compressed data, all the member reader reads
        — when it is at most MEMO_MEMBER_BYTES stored and inflated, and whole; else None (read as before)."""
        if info.compress_size > MEMO_MEMBER_BYTES or info.file_size > MEMO_MEMBER_BYTES:
            return None
        self.fp.seek(info.header_offset)
        header = self.fp.read(_LOCAL.size)
        if len(header) < _LOCAL.size:
            return None
        name_len, extra_len = _LOCAL.unpack(header)[9:11]
        rest = self.fp.read(name_len + extra_len + info.compress_size)
        if len(rest) != name_len + extra_len + info.compress_size:
            return None  # cut short: the member reader says so
        return header + rest

    def refusal(self, exc: Exception):
        """The UnreadableWorkbook for a reader error."""
        return refusal(exc, self.p, self.limits)


#: A member of at most this many bytes, stored and inflated, is read through `_member_data`'s cache (batch28K).
MEMO_MEMBER_BYTES = 32 * 1024


@functools.lru_cache(maxsize=256)
def _member_data(name: str, compress_type: int, file_size: int, crc: int, compress_size: int, span: bytes) -> bytes:
    """A member as stored (`ZipPass._span`) read to its end by the member reader — inflation capped at its declared
    size, the CRC and the XML prologue checked — over those bytes alone: its bytes and its verdict depend on nothing
    else, so a member that passed is kept (the last 256, ≤ 256 × 2 × MEMO_MEMBER_BYTES) and the same member of the next
    file (a template's .rels, workbook, styles, theme, properties) is neither inflated nor checked again. A failure
    raises as the reader raises (ZipBombError, MemberCorrupt, DtdForbidden) and is never kept."""
    info = zipfile.ZipInfo(name)
    info.compress_type, info.file_size, info.CRC, info.compress_size = compress_type, file_size, crc, compress_size
    info.header_offset = 0
    with open_member(io.BytesIO(span), info) as fh:
        return fh.read()


def refusal(exc: Exception, p: Path, limits: Limits):
    """UnreadableWorkbook for ZipBombError / MemberCorrupt / DtdForbidden (None for anything else)."""
    if isinstance(exc, ZipBombError):
        return unreadable(
            "ZIP_BOMB",
            f"文件疑似“压缩炸弹”：成员 {exc.member} 声明解压后 {exc.declared:,} 字节，实际解压出的数据超过声明，已停止读取",
            f"suspected zip bomb: {exc.member} inflates past its declared {exc.declared} bytes; reading stopped",
            p,
            part=exc.member,
        )
    if isinstance(exc, MemberCorrupt):
        if exc.crc:
            return unreadable(
                "ZIP_CORRUPT",
                f"文件已损坏（校验和错误：{exc.member}），请重新获取原文件",
                f"corrupt file: Bad CRC-32 for {exc.member}",
                p,
                part=exc.member,
            )
        return unreadable(
            "ZIP_CORRUPT",
            f"文件已损坏：压缩包成员 {exc.member} 的数据与其声明不符，请重新获取原文件",
            f"corrupt ZIP member {exc.member}: {exc.detail}",
            p,
            part=exc.member,
        )
    if isinstance(exc, DtdForbidden):
        what = {"entity": "实体声明 (ENTITY)", "doctype": "文档类型声明 (DOCTYPE)", "prologue": "超长的 XML 前导内容"}[
            exc.what
        ]
        en = (
            "no root element within the first 64 KiB" if exc.what == "prologue" else f"a {exc.what.upper()} declaration"
        )
        return unreadable(
            "XML_DTD_FORBIDDEN",
            f"文件含有不安全的 XML 内容：{exc.member} 中有{what}，Excel 和 Word 不会生成这种内容，已拒绝读取",
            f"unsafe XML: {exc.member} has {en} (XXE / entity expansion); refused",
            p,
            part=exc.member,
        )
    return None


def _parse(pk: ZipPass, name: str):
    """A small XML part parsed with defusedxml (DTDs forbidden); None when the part is absent."""
    if name not in pk.zf.NameToInfo:
        return None
    data = pk.read(name)
    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except _PARSE_ERRORS as exc:
        raise _unparsed(pk, name, exc) from None


#: What defusedxml raises for a part it will not or cannot parse (LookupError: an unknown declared encoding).
_PARSE_ERRORS = (DefusedXmlException, SafeET.ParseError, LookupError, ValueError)


def _unparsed(pk: ZipPass, name: str, exc: Exception):
    """The refusal of a part `_PARSE_ERRORS` stopped: a DTD (XXE, entity expansion) or malformed XML."""
    if isinstance(exc, DefusedXmlException):
        return unreadable(
            "XML_DTD_FORBIDDEN",
            f"文件含有不安全的 XML 内容（{name}），已拒绝读取",
            f"unsafe XML in {name}",
            pk.p,
            part=name,
        )
    # the parser's English words ("unclosed token: line 2, column 0") go in the English text only (docs14)
    return unreadable(
        "XML_MALFORMED",
        f"文件“{pk.p.name}”已损坏：其中的{part_zh(name)}（{name}）不是有效的 XML，无法读取；"
        "请用 Excel、Word 或 WPS 打开该文件，另存后重新提交",
        f"malformed XML in {name}: {exc}",
        pk.p,
        part=name,
    )


def _reading(pk: ZipPass, name: str, read: Callable[[bytes, str], _T], folder: str = "") -> _T | None:
    """`read(the part's bytes, folder)` of a small XML part (None when it is absent), kept by those bytes when they
    are at most MEMO_PART_BYTES: a pure reading of the bytes into an immutable result (`_rel_items`, `_sheet_items`),
    so the same part in the next file is not parsed again. A refusal is never kept (it names its file)."""
    if name not in pk.zf.NameToInfo:
        return None
    data = pk.read(name)  # (inflated, capped and CRC-checked every time: only the parse is kept)
    try:
        return _part_reading(read, data, folder) if len(data) <= MEMO_PART_BYTES else read(data, folder)
    except _PARSE_ERRORS as exc:
        raise _unparsed(pk, name, exc) from None


#: What a package part holds, in the words a finance clerk knows ("xl/workbook.xml" → 工作簿结构): by path, first match.
_PART_NAMES: tuple[tuple[str, str], ...] = (
    (".rels", "部件关系表"),
    ("xl/workbook.", "工作簿结构（工作表列表）"),
    ("xl/worksheets/", "工作表数据"),
    ("xl/sharedStrings", "共享文字表"),
    ("xl/styles", "单元格格式"),
    ("word/document.", "Word 文档正文"),
    ("word/", "Word 文档的组成部件"),
    ("[Content_Types]", "文件类型清单"),
)


def part_zh(name: str) -> str:
    """A package part named for finance staff: "xl/workbook.xml" → "工作簿结构（工作表列表）" (else "文件部件")."""
    return next((zh for key, zh in _PART_NAMES if key in name), "文件部件")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _rels(pk: ZipPass, source: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, resolved part name) of `source` ("" for the package)."""
    folder, base = posixpath.split(source)
    part = posixpath.join(folder, "_rels", base + ".rels")
    items = _reading(pk, part, _rel_items, folder)
    out = {rid: (rel_type, target) for rid, rel_type, target in items or ()}
    if items is not None and b"&" in (raw := pk.read(part)):
        _literal_targets(pk, folder, raw, out)
    return out


def _rel_items(data: bytes, folder: str) -> tuple[tuple[str, str, str], ...]:
    """(id, type, resolved part name) of each internal relationship of a .rels part's bytes, in order (a later id
    wins when `_rels` makes them a dict)."""
    out: list[tuple[str, str, str]] = []
    for rel in SafeET.fromstring(data, forbid_dtd=True):
        if _local(rel.tag) != "Relationship" or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        resolved = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
        out.append((rel.get("Id", ""), rel.get("Type", ""), resolved))
    return tuple(out)


#: A relationship tag's `Id` and `Target`, as written (before any entity is unescaped); compiled on first use (only a
#: .rels holding an `&` is scanned).
_REL_TAG = lazy_compile(rb"<(?:[^\s:<>/]*:)?Relationship\b([^>]*)>")
_REL_ID = lazy_compile(rb"""(?<![^\s"'])Id\s*=\s*["']([^"']*)["']""")
_REL_TARGET = lazy_compile(rb"""(?<![^\s"'])Target\s*=\s*["']([^"']*)["']""")


def _literal_targets(pk: ZipPass, folder: str, raw: bytes, out: dict[str, tuple[str, str]]) -> None:
    """calamine reads a Target as written, its `&…;` references not unescaped (`worksheets/sheet&#49;.xml` names a member
    so spelled, looked up lower-cased): where such a member exists, it is the part read, so the one measured (sec23)."""
    members = {n.replace("\\", "/").lower(): n for n in pk.zf.NameToInfo}
    for m in _REL_TAG.finditer(raw):
        rid, target = _REL_ID.search(m.group(1)), _REL_TARGET.search(m.group(1))
        if not rid or not target or b"&" not in target.group(1):
            continue
        literal = target.group(1).decode("utf-8", "replace")
        path = literal[1:] if literal.startswith("/") else posixpath.join(folder, literal)
        key, found = rid.group(1).decode("utf-8", "replace"), members.get(path.lower())
        if found and key in out:
            out[key] = (out[key][0], found)


#: Parts calamine's .xlsb reader opens by these names, whatever the package relationships say: a root relationship
#: naming `xl/wb2.bin` (and its sheets) beside an `xl/workbook.bin` naming a far sheet had the guard measure one workbook
#: and calamine read the other (sec24c).
XLSB_WORKBOOK, XLSB_STRINGS = "xl/workbook.bin", "xl/sharedStrings.bin"


def _calamine_member(names: set[str], path: str) -> str | None:
    """The member calamine finds for `path` (its names compared lower-cased, `\\` read as `/`), or None."""
    key = path.lower()
    return next((n for n in names if n.replace("\\", "/").lower() == key), None)


def _workbook_part(pk: ZipPass, names: set[str]) -> str:
    p = pk.p
    for rel_type, target in _rels(pk, "").values():
        if rel_type.endswith(REL_OFFICE_DOC):
            if target not in names:
                break
            if not target.startswith("xl/") and not target.endswith(("workbook.xml", "workbook.bin")):
                raise unreadable(
                    "NOT_A_WORKBOOK",
                    f"这不是 Excel 工作簿（主文档是 {target}）",
                    f"not an Excel workbook (main part {target})",
                    p,
                )
            return target
    for fallback in ("xl/workbook.xml", "xl/workbook.bin"):
        if fallback in names:
            return fallback
    raise unreadable(
        "WORKBOOK_PART_MISSING",
        "文件已损坏：缺少工作簿主体 (xl/workbook.xml)，请用 Excel 重新保存后提交",
        "corrupt package: the workbook part (xl/workbook.xml) is missing",
        p,
        part="xl/workbook.xml",
    )


def _sheet_list(pk: ZipPass, wb_part: str) -> list[tuple[str, str, bool]]:
    """(name, relationship id, hidden) of every sheet the workbook part declares."""
    if wb_part.endswith(".bin"):
        with pk.open(wb_part) as fh:
            return bundle_sheets(fh)
    return list(_reading(pk, wb_part, _sheet_items) or ())


def _sheet_items(data: bytes, folder: str = "") -> tuple[tuple[str, str, bool], ...]:
    """`_sheet_list` of a workbook.xml's bytes."""
    out = []
    for el in SafeET.fromstring(data, forbid_dtd=True).iter():
        if _local(el.tag) == "sheet":
            # the last attribute named `id`, any prefix, as calamine reads it (the first let `r:id="rId1" id="rId9"`
            # measure rId1's part while calamine read rId9's: sec23)
            rid = ([v for k, v in el.attrib.items() if _local(k) == "id"] or [""])[-1]
            out.append((el.get("name", ""), rid, el.get("state", "visible") in ("hidden", "veryHidden")))
    return tuple(out)


def _scan_streams(pk: ZipPass, kind: FileKind, sheets, rels, wb_part: str) -> tuple[SheetInfo, ...]:
    """One streaming pass over each worksheet and the shared strings (inflation capped, CRC checked)."""
    p, limits = pk.p, pk.limits
    binary = kind is FileKind.XLSB
    infos = []
    max_index = -1
    for name, rid, hidden in sheets:
        rel_type, part = rels[rid]
        if not rel_type.endswith("/worksheet"):  # chartsheets and dialog sheets hold no cells
            infos.append(SheetInfo(name, part, hidden))
            continue
        try:
            ext = _sheet_extent(pk, part, binary, limits.max_cells_per_sheet)
        except TagTooLong:
            raise _tag_too_long(p, part) from None
        check_sheet_extent(p, limits, name, part, ext.cells, ext.max_row, ext.max_col)
        max_index = max(max_index, ext.max_string_index)
        infos.append(SheetInfo(name, part, hidden, ext.cells, ext.max_row, ext.max_col, ext.dimension))
    styles = pk.zf.NameToInfo.get(STYLES_PART)
    if not binary and styles is not None and styles.file_size <= limits.small_part_bytes:
        pk.read(STYLES_PART)  # kept for the reader's number formats (perfxl.io.shown_numbers): one inflation, not two
    items = 0
    string_parts = [part for rel_type, part in rels.values() if rel_type.endswith("/sharedStrings")]
    # calamine opens the shared strings by name beside the workbook part, whatever the relationships name, and reserves
    # its declared count: measured too, last (its count is the one calamine's cells index) (sec24c)
    by_name = XLSB_STRINGS if binary else posixpath.join(posixpath.dirname(wb_part), "sharedStrings.xml")
    found = _calamine_member(set(pk.zf.NameToInfo), by_name)
    if found:
        string_parts = [part for part in string_parts if part != found] + [found]
    for part in string_parts:
        if part in pk.zf.NameToInfo:
            try:
                with pk.open(part) as fh:
                    sst = scan_xlsb_strings(fh) if binary else scan_shared_strings(fh)
            except TagTooLong:
                raise _tag_too_long(p, part) from None
            if sst.unique_count > sst.items + 1000:
                raise unreadable(
                    "SHARED_STRINGS_INVALID",
                    f"文件已损坏：共享字符串表声明 {sst.unique_count:,} 项，实际只有 {sst.items:,} 项",
                    f"sharedStrings declares uniqueCount={sst.unique_count} but holds {sst.items} items",
                    p,
                    part=part,
                )
            if sst.longest > limits.max_string_bytes:
                raise unreadable(
                    "STRING_TOO_LONG",
                    f"文件中有超长文本（{sst.longest:,} 字节，上限 {limits.max_string_bytes:,}；Excel 单元格最多 32767 个字符）",
                    f"a shared string of {sst.longest} bytes exceeds the limit {limits.max_string_bytes}",
                    p,
                    part=part,
                )
            items = sst.items
    if max_index >= items:
        raise unreadable(
            "SHARED_STRINGS_INVALID",
            f"文件已损坏：单元格引用了第 {max_index + 1} 个共享字符串，但共享字符串表只有 {items} 项",
            f"a cell uses shared string #{max_index} but the table holds {items}",
            p,
        )
    return tuple(infos)


def _tag_too_long(p: Path, part: str):
    """A part holding a tag over MAX_TAG bytes: no spreadsheet program writes one, and a cell behind it cannot be
    measured before a reader allocates its range — refused as malformed, naming the part."""
    return unreadable(
        "XML_MALFORMED",
        f"文件“{p.name}”已损坏：其中的{part_zh(part)}（{part}）含有超长的 XML 标记（超过 1 MB），无法安全读取；"
        "请用 Excel 或 WPS 打开该文件，另存后重新提交",
        f"malformed XML in {part}: a tag runs past 1 MiB without its end",
        p,
        part=part,
    )


def _sheet_extent(pk: ZipPass, part: str, binary: bool, max_area: int):
    """Used range of one worksheet part: BIFF12 walk, else the fast XML scan, else the exact one."""
    if binary:
        with pk.open(part) as fh:
            return scan_xlsb_sheet(fh, max_area)
    size = pk.zf.getinfo(part).file_size
    if size <= min(KEEP_SHEET_BYTES, pk._budget):
        # Read it whole and keep it for the reader (perfxl.io.source), which scans it again for error values and
        # formulas: one inflation, not two (the declared size bounds the read: the member reader refuses more).
        pk.read(part, KEEP_SHEET_BYTES, KEEP_SHEET_BYTES)
    try:
        with pk.open(part) as fh:
            return scan_sheet_extent_fast(fh, max_area)
    except NeedsFullScan:
        with pk.open(part) as fh:
            return scan_sheet_extent(fh, max_area)


def inspect_zip(p: Path, size: int, limits: Limits, data: bytes | None = None) -> GuardReport:
    """Verdict on a ZIP-based file; any low-level failure becomes ZIP_CORRUPT naming the part.

    `data`: the file's bytes when `inspect_file` read them whole (a small file): every pass reads them in memory, the
    same bytes the file gives (`io.BytesIO` shares them; no copy)."""
    try:
        zf = zipfile.ZipFile(p if data is None else io.BytesIO(data))
    except zipfile.BadZipFile:
        raise unreadable(
            "ZIP_TRUNCATED",
            "文件不完整（ZIP 目录缺失），可能下载或拷贝时中断，请重新获取原文件",
            "truncated file: the ZIP central directory is missing (interrupted download or copy?)",
            p,
        ) from None
    except CORRUPT_ERRORS as exc:
        raise unreadable(
            "ZIP_CORRUPT", "文件已损坏，无法作为 Excel 工作簿读取", f"corrupt ZIP ({type(exc).__name__}: {exc})", p
        ) from None
    part = None
    with zf, p.open("rb") if data is None else io.BytesIO(data) as fp:
        pk = ZipPass(zf, fp, p, limits)
        try:
            _check_directory(zf, p, size, limits)
            names = set(zf.NameToInfo)
            ods = _is_ods(pk, names)
            if not ods and _is_docx(names):  # read by Python's zipfile, the guard's own reading: no second one
                return _inspect_docx(pk)
            check_single_reading(zf, fp, p, size)  # what calamine (Rust's zip) opens
            if ods:
                infos = _scan_ods(pk, names)
                pk.sweep()
                return GuardReport(str(p), FileKind.ODS, infos, hidden_sheets_finding(p, infos))
            other = _what_zip_holds(names)
            if other:
                raise unreadable(
                    "NOT_A_WORKBOOK",
                    f"这不是 Excel 工作簿：文件内容是{other[0]}",
                    f"not an Excel workbook: the content is {other[1]}",
                    p,
                )
            part = wb_part = _workbook_part(pk, names)
            if wb_part.endswith(".bin"):
                kind = FileKind.XLSB
                part = wb_part = _calamine_member(names, XLSB_WORKBOOK) or wb_part
            elif any(n.lower().endswith("vbaproject.bin") for n in names) or p.suffix.lower() == ".xlsm":
                kind = FileKind.XLSM
            else:
                kind = FileKind.XLSX
            sheets = _sheet_list(pk, wb_part)
            rels = _rels(pk, wb_part)
            if not sheets:
                raise unreadable(
                    "WORKBOOK_NO_SHEETS", "工作簿中没有工作表", "the workbook declares no sheet", p, part=wb_part
                )
            if len(sheets) > limits.max_sheets:
                raise unreadable(
                    "TOO_MANY_SHEETS",
                    f"工作表过多（{len(sheets)} 个，上限 {limits.max_sheets}）",
                    f"too many sheets ({len(sheets)} > {limits.max_sheets})",
                    p,
                )
            for name, rid, _hidden in sheets:
                if rid not in rels or rels[rid][1] not in names:
                    target = rels.get(rid, ("", f"relationship {rid or '(none)'}"))[1]
                    raise unreadable(
                        "SHEET_PART_MISSING",
                        f"文件已损坏：工作表“{name}”的数据 ({target}) 缺失，请用 Excel 重新保存后提交",
                        f"corrupt package: the part of sheet {name!r} ({target}) is missing",
                        p,
                        sheet=name,
                        part=target,
                    )
            part = None
            infos = _scan_streams(pk, kind, sheets, rels, wb_part)
            check_workbook_totals(p, limits, infos)
            pk.sweep()
        except (ZipBombError, MemberCorrupt, DtdForbidden) as exc:
            raise pk.refusal(exc) from None
        except CORRUPT_ERRORS as exc:
            if isinstance(exc, zipfile.BadZipFile) and "CRC" in str(exc):
                raise unreadable(
                    "ZIP_CORRUPT",
                    f"文件已损坏（校验和错误：{_member(exc)}），请重新获取原文件",
                    f"corrupt file: {exc}",
                    p,
                    part=_member(exc),
                ) from None
            raise unreadable(
                "ZIP_CORRUPT",
                "文件已损坏，无法作为 Excel 工作簿读取",
                f"corrupt ZIP ({type(exc).__name__}: {exc})",
                p,
                part=part,
            ) from None
    return GuardReport(
        str(p), kind, infos, hidden_sheets_finding(p, infos), members=frozenset(zf.NameToInfo), parts=pk.keep
    )


def _is_docx(names: set[str]) -> bool:
    lower = {n.lower() for n in names}
    return DOCX_MAIN in lower and "[content_types].xml" in lower


def _inspect_docx(pk: ZipPass) -> GuardReport:
    """A Word document: every XML part within max_document_bytes, then every member verified (caps, CRC, DTDs).

    Not only word/document.xml: python-docx reads the main part its package relationship names (`Target=
    "word/main.xml"` beside a small decoy word/document.xml: a 16 MB body read in 2 min and 540 MB — sec24b), and
    `docx.Document()` (the annotated copy) parses styles, numbering, headers… as well, whatever their names. So every
    member whose content is XML (sniffed, as the DTD check does) is held to the bound of the part a reader parses."""
    p, limits = pk.p, pk.limits
    for info in pk.zf.infolist():
        if info.file_size <= limits.max_document_bytes:
            continue
        with pk.open(info.filename) as fh:
            head = fh.read(64)
        if not looks_like_xml(head) or _image_part(pk, info.filename):
            continue  # an image (an SVG too) or an embedded workbook: held as bytes, within max_part_bytes
        raise unreadable(
            "DOCUMENT_TOO_LARGE",
            f"{part_zh(info.filename)}（{info.filename}）过大（{info.file_size / MIB:.1f} MB，"
            f"上限 {limits.max_document_bytes / MIB:.0f} MB）；"
            f"如确需读取，可设置环境变量 PERFXL_MAX_DOCUMENT_BYTES 提高上限（内存占用随之增加）",
            f"the document part {info.filename} is {info.file_size} bytes of XML > limit max_document_bytes="
            f"{limits.max_document_bytes} (raise it with PERFXL_MAX_DOCUMENT_BYTES)",
            p,
            part=info.filename,
        )
    pk.sweep()
    return GuardReport(str(p), FileKind.DOCX)


def _image_part(pk: ZipPass, name: str) -> bool:
    """An `image/*` part by [Content_Types].xml, resolved as python-docx does (an Override by part name, else the
    Default of its extension, both case-insensitive): python-docx keeps such a part as bytes and perfxl's reader takes
    only a part of the WordprocessingML main type, so an SVG picture is never parsed (falseref24). Relationship items
    and [Content_Types].xml itself are read by name whatever type they declare: never exempt."""
    if name.lower().endswith(".rels") or name == CONTENT_TYPES:
        return False
    root = _parse(pk, CONTENT_TYPES)
    if root is None:
        return False
    ext = name.rpartition("/")[2].rpartition(".")[2].lower() if "." in name.rpartition("/")[2] else ""
    override = default = None
    for el in root:
        tag = _local(el.tag)
        if tag == "Override" and el.get("PartName", "").lower() == "/" + name.lower():
            override = el.get("ContentType", "")
        elif tag == "Default" and el.get("Extension", "").lower() == ext:
            default = el.get("ContentType", "")
    content_type = override if override is not None else default
    return content_type is not None and content_type.startswith("image/")


def read_member(path: str | os.PathLike[str], name: str, limits: Limits | None = None) -> bytes:
    """One member of a ZIP (e.g. word/document.xml of a .docx) read whole through the capped reader:
    never more than its declared size, which must be within `max_part_bytes` (and `max_document_bytes`
    for an XML part); its CRC and XML prologue (no DTD) are checked. Raises UnreadableWorkbook."""
    p = Path(path)
    limits = limits or Limits.from_env()
    try:
        with zipfile.ZipFile(p) as zf, p.open("rb") as fp:
            pk = ZipPass(zf, fp, p, limits)
            if name not in zf.NameToInfo:
                raise unreadable("PART_MISSING", f"文件中缺少 {name}", f"the package has no part {name}", p, part=name)
            cap = limits.max_document_bytes if name.lower().endswith((".xml", ".rels")) else limits.max_part_bytes
            try:
                return pk.read(name, max_bytes=cap)
            except (ZipBombError, MemberCorrupt, DtdForbidden) as exc:
                raise pk.refusal(exc) from None
    except zipfile.BadZipFile:
        raise unreadable(
            "ZIP_TRUNCATED",
            "文件不完整（ZIP 目录缺失），请重新获取原文件",
            "truncated file: the ZIP central directory is missing",
            p,
        ) from None
    except OSError as exc:
        raise unreadable(
            "FILE_NOT_READABLE", f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})", p
        ) from None


CONTENT_TYPES = "[Content_Types].xml"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def _is_ods(pk: ZipPass, names: set[str]) -> bool:
    """An OpenDocument spreadsheet: its `mimetype` member says so (read only when tiny)."""
    info = pk.zf.NameToInfo.get("mimetype")
    return info is not None and info.file_size <= 100 and pk.read("mimetype").strip() == ODS_MIMETYPE


def _scan_ods(pk: ZipPass, names: set[str]) -> tuple[SheetInfo, ...]:
    """Sheets of an .ods with their real extents (repeated rows/columns with values count in full)."""
    p, limits = pk.p, pk.limits
    if "content.xml" not in names:
        raise unreadable(
            "WORKBOOK_PART_MISSING",
            "文件已损坏：缺少表格内容 (content.xml)",
            "corrupt .ods: content.xml is missing",
            p,
            part="content.xml",
        )
    try:
        with pk.open("content.xml") as fh:
            tables = scan_ods_tables(fh, limits.max_cells_per_sheet)
    except TagTooLong:
        raise _tag_too_long(p, "content.xml") from None
    if not tables:
        raise unreadable("WORKBOOK_NO_SHEETS", "工作簿中没有工作表", "the workbook has no sheet", p, part="content.xml")
    if len(tables) > limits.max_sheets:
        raise unreadable(
            "TOO_MANY_SHEETS",
            f"工作表过多（{len(tables)} 个，上限 {limits.max_sheets}）",
            f"too many sheets ({len(tables)} > {limits.max_sheets})",
            p,
        )
    for name, ext in tables:
        check_sheet_extent(p, limits, name, "content.xml", ext.cells, ext.max_row, ext.max_col)
        if ext.longest_text > limits.max_string_bytes:
            raise unreadable(
                "STRING_TOO_LONG",
                f"工作表“{name}”中有超长文本（一个单元格 {ext.longest_text:,} 字节，上限 {limits.max_string_bytes:,}；"
                "Excel 单元格最多 32767 个字符）",
                f"a cell of sheet {name!r} holds {ext.longest_text} bytes of text > limit {limits.max_string_bytes}",
                p,
                sheet=name,
                part="content.xml",
            )
    text = sum(ext.text_bytes for _, ext in tables)
    if text > limits.max_text_bytes:
        raise unreadable(
            "WORKBOOK_TOO_LARGE",
            f"工作簿过大：重复的单元格展开后文字共 {text / MIB:,.0f} MB，超过上限 {limits.max_text_bytes / MIB:,.0f} MB；"
            "请删除重复的单元格后再提交。如确需读取，可设置环境变量 PERFXL_MAX_TEXT_BYTES 提高上限（内存占用随之增加）",
            f"workbook too large: {text:,} bytes of cell text once repeated cells are expanded > limit "
            f"max_text_bytes={limits.max_text_bytes:,} (raise it with PERFXL_MAX_TEXT_BYTES)",
            p,
            part="content.xml",
        )
    infos = tuple(SheetInfo(name, "content.xml", False, ext.cells, ext.max_row, ext.max_col) for name, ext in tables)
    check_workbook_totals(p, limits, infos)
    return infos


def _member(exc: Exception) -> str:
    """The member name zipfile puts in quotes in its CRC message ("Bad CRC-32 for file 'x'")."""
    text = str(exc)
    return text.split("'")[1] if text.count("'") >= 2 else ""
