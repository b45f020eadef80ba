"""Guard side of the "fake Excel" exports: HTML tables and SpreadsheetML 2003 XML saved as .xls/.xml.

Both are parsed into whole trees by their readers, so the file's byte size is capped
(`max_markup_bytes`). An XML file is checked with a real parser that forbids DTDs up to its first
element (`guard_inflate.XmlPrologue`, streaming); HTML has no business declaring entities either.
The encoding the bytes really decode with is reported (exports often declare the wrong charset).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..limits import MIB, Limits
from .guard import FileKind, GuardReport, unreadable
from .guard_inflate import CHUNK, MAX_PROLOGUE, DtdForbidden, XmlPrologue

__all__ = ["inspect_markup", "sniff_encoding", "count_rows_and_cells", "SPREADSHEETML_NS"]

SPREADSHEETML_NS = b"urn:schemas-microsoft-com:office:spreadsheet"


def inspect_markup(p: Path, size: int, limits: Limits, looks: str) -> GuardReport | None:
    """`looks` is guard_sniff's kind ("html", "xml2003", "xml"); None when the file is XML but not a
    SpreadsheetML workbook (the caller then refuses it as NOT_A_WORKBOOK)."""
    what_zh = "HTML 网页" if looks == "html" else "XML 表格"
    if size > limits.max_markup_bytes:
        raise unreadable(
            "FILE_TOO_LARGE",
            f"{what_zh}文件过大（{size / MIB:.1f} MB，上限 {limits.max_markup_bytes / MIB:.0f} MB）；"
            "如确需读取，可设置环境变量 PERFXL_MAX_MARKUP_BYTES 提高上限（内存占用随之增加）",
            f"{looks} file too large ({size} bytes > limit max_markup_bytes={limits.max_markup_bytes}; raise it with PERFXL_MAX_MARKUP_BYTES)",
            p,
        )
    with p.open("rb") as fh:
        head = fh.read(MAX_PROLOGUE)
        if looks == "html":
            _no_entities(p, head)
        else:
            check = XmlPrologue(p.name)
            try:
                data = head
                while data and not check.done:
                    check.feed(data)
                    data = fh.read(CHUNK)
                check.close()
            except DtdForbidden as exc:
                what = {
                    "entity": "实体声明 (ENTITY)",
                    "doctype": "文档类型声明 (DOCTYPE)",
                    "prologue": "超长的 XML 前导内容",
                }[exc.what]
                raise unreadable(
                    "XML_DTD_FORBIDDEN",
                    f"文件含有不安全的 XML 内容：文件开头有{what}，Excel 不会生成这种内容，已拒绝读取",
                    f"unsafe XML: {exc.what} before the root element (XXE / entity expansion); refused",
                    p,
                ) from None
    if looks != "html" and SPREADSHEETML_NS not in head and SPREADSHEETML_NS.decode().encode("utf-16-le") not in head:
        return None
    encoding = sniff_encoding(p)
    rows, cells = count_rows_and_cells(p, encoding, html=looks == "html")
    _check_totals(p, limits, rows, cells)
    return GuardReport(str(p), FileKind.HTML if looks == "html" else FileKind.XML2003, encoding=encoding)


_HTML_TAGS = re.compile(rb"<(tr|td|th)(?=[\s>/])", re.I)
_XML_TAGS = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(Row|Cell)(?=[\s>/])")


def count_rows_and_cells(p: Path, encoding: str, *, html: bool) -> tuple[int, int]:
    """Table rows and cells (`<tr>`/`<td>`/`<th>`, or SpreadsheetML `<Row>`/`<Cell>`), streaming."""
    pattern = _HTML_TAGS if html else _XML_TAGS
    decoder = codecs.getincrementaldecoder(encoding)("replace") if encoding == "utf-16" else None
    rows = cells = 0
    carry = b""
    with p.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            if decoder is not None:
                chunk = decoder.decode(chunk).encode("utf-8")
            data = carry + chunk
            cut = max(data.rfind(b"<"), 0) if len(data) > 16 else 0
            for m in pattern.finditer(data, 0, cut):
                if m.group(1).lower() in (b"tr", b"row"):
                    rows += 1
                else:
                    cells += 1
            carry = data[cut:]
    for m in pattern.finditer(carry):
        rows, cells = (rows + 1, cells) if m.group(1).lower() in (b"tr", b"row") else (rows, cells + 1)
    return rows, cells


def _check_totals(p: Path, limits: Limits, rows: int, cells: int) -> None:
    """The workbook row limit and the (lower) markup cell limit: an HTML/XML table costs about twice a
    workbook's cell in memory (a whole lxml tree, then the same Grids)."""
    for total, limit, key, zh, en in (
        (rows, limits.max_rows_per_workbook, "max_rows_per_workbook", "表格行数", "table rows"),
        (cells, limits.max_markup_cells, "max_markup_cells", "表格单元格", "table cells"),
    ):
        if total > limit:
            raise unreadable(
                "WORKBOOK_TOO_LARGE",
                f"导出的表格过大：{zh}合计 {total:,}，超过上限 {limit:,}；如确需读取，可设置环境变量 PERFXL_{key.upper()} 提高上限（内存占用随之增加）",
                f"exported table too large: {en} {total:,} > limit {key}={limit:,} (raise it with PERFXL_{key.upper()})",
                p,
            )


def _no_entities(p: Path, head: bytes) -> None:
    upper = head.upper()
    if b"<!ENTITY" in upper or b"<\x00!\x00E\x00N\x00T\x00I\x00T\x00Y" in upper:
        raise unreadable(
            "XML_DTD_FORBIDDEN",
            "文件含有不安全的内容：网页中有实体声明 (ENTITY)，业务系统不会生成这种内容，已拒绝读取",
            "unsafe markup: the HTML declares an ENTITY; refused",
            p,
        )


def sniff_encoding(p: Path) -> str:
    """ "utf-8-sig", "utf-16", "utf-8" when every byte decodes as UTF-8, else "gb18030" (a superset of
    GBK/GB2312, what Chinese budget systems write whatever their charset declaration says)."""
    with p.open("rb") as fh:
        first = fh.read(4)
        if first.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        try:
            while chunk := fh.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8"
