"""The gate every input file passes before a parser sees it: hostile or broken files become a typed
`UnreadableWorkbook` (code + zh/en message + file/sheet/part), never a crash or a memory blow-up.

Public API (what readers call):

- `inspect_file(path, limits=None) -> GuardReport`: the verdict. `GuardReport.kind` is a `FileKind`
  (xlsx, xlsm, xlsb, xls, ods — workbooks; html, xml2003 — "fake Excel" exports; docx, pdf — report
  documents; doc — an old Word file, refused by `refuse_unsupported`). Raises UnreadableWorkbook
  with a code listed in `perfxl.io.guard_codes.GUARD_CODES`.
- `check_file(path, limits=None) -> FileKind`: the same, kind only.
- `read_member(path, name, limits=None) -> bytes` (perfxl.io.guard_zip): one ZIP member (e.g.
  word/document.xml) inflated through the capped reader, for the .docx reader.
- `Limits` (perfxl.limits, imported here): every bound, from `PERFXL_<NAME>` environment variables or
  `with_pairs(["name=value"])`.
- `refuse_unsupported(report)`: the clear refusal for a kind no reader handles (e.g. .doc).

What has been checked when `inspect_file` returns:
- every ZIP (xlsx/xlsm/xlsb/ods/docx): the central directory (declared sizes, ratios, overlaps),
  then every member inflated once with its real output capped at its declared size (ZIP_BOMB past
  it), CRC-checked, and parsed up to its first element with DTDs forbidden when its content looks
  like XML (guard_inflate). calamine, openpyxl and python-docx inflate by themselves afterwards: the
  real sizes they meet are the declared ones, which are within the limits.
- workbooks: the real used range of every sheet (calamine allocates rows×cols at once), cells per
  sheet and per workbook, the shared-string table; OLE .xls walked record by record.
- HTML / SpreadsheetML: the byte size (`max_markup_bytes`) and no DTD/ENTITY before the root.
- PDF: every FlateDecode stream inflated with a cap (`max_pdf_stream_bytes`) and the page count
  (`max_pdf_pages`), so pdfminer/pdfplumber never inflate a bomb (guard_pdf).
The file is opened read-only and never written.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path

from ..errors import UnreadableWorkbook
from ..limits import MIB, Limits  # the one Limits, kept importable from here (the guard's public API)
from ..model import CellRef, Finding, Severity, a1
from ..records import record
from .guard_sniff import describe_content

__all__ = [
    "Limits",
    "FileKind",
    "WorkbookKind",
    "WORKBOOK_KINDS",
    "SheetInfo",
    "GuardReport",
    "check_file",
    "inspect_file",
    "refuse_unsupported",
    "read_member",
    "OLE_MAGIC",
]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

#: A file up to this size is read into memory once by `inspect_file`, and the ZIP guard's passes (its directory, the
#: second reading of the directory, every member's inflation) seek in those bytes: a small workbook's guard made ≈ 100
#: system calls (two opens, a seek and a read a member) and went through Python's buffered file layer for each read
#: (batch26). Larger files are streamed from disk as before (memory bounded by this, not by `max_file_bytes`).
WHOLE_READ_BYTES = 4 * MIB
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


class FileKind(str, enum.Enum):
    """What a file is once it passed the guard (sniffed from its content, never from its name)."""

    XLSX = "xlsx"
    XLSM = "xlsm"
    XLSB = "xlsb"
    XLS = "xls"
    ODS = "ods"  # OpenDocument spreadsheet (LibreOffice); calamine reads values, no formulas
    HTML = "html"  # an HTML table saved as .xls by a budget system (often GBK with a wrong charset)
    XML2003 = "xml2003"  # Excel 2003 XML (SpreadsheetML), saved as .xls or .xml
    DOCX = "docx"  # a Word document (word/document.xml): the 自评报告
    PDF = "pdf"
    DOC = "doc"  # an old binary Word document (OLE with a WordDocument stream)

    @property
    def is_workbook(self) -> bool:
        """A real spreadsheet file calamine opens."""
        return self in WORKBOOK_KINDS

    @property
    def zh(self) -> str:
        """What the file really was, for the report ("说明文件实际是什么")."""
        return _KIND_ZH[self]


#: The earlier name, kept for callers written before the new formats.
WorkbookKind = FileKind
WORKBOOK_KINDS = frozenset({FileKind.XLSX, FileKind.XLSM, FileKind.XLSB, FileKind.XLS, FileKind.ODS})
_KIND_ZH = {
    FileKind.XLSX: "Excel 工作簿 (.xlsx)",
    FileKind.XLSM: "启用宏的 Excel 工作簿 (.xlsm)",
    FileKind.XLSB: "Excel 二进制工作簿 (.xlsb)",
    FileKind.XLS: "Excel 97-2003 工作簿 (.xls)",
    FileKind.ODS: "OpenDocument 表格 (.ods)",
    FileKind.HTML: "HTML 网页表格（业务系统导出的“假 Excel”）",
    FileKind.XML2003: "Excel 2003 XML 表格 (SpreadsheetML)",
    FileKind.DOCX: "Word 文档 (.docx)",
    FileKind.PDF: "PDF 文档",
    FileKind.DOC: "Word 97-2003 文档 (.doc)",
}


@record(frozen=True, slots=True)
class SheetInfo:
    """One sheet as the guard saw it. Extents are 1-based (0 when the sheet holds no value);
    `dimension` is the file's own `<dimension ref>` claim, which readers must not trust."""

    name: str
    part: str
    hidden: bool = False
    cells: int = 0
    max_row: int = 0
    max_col: int = 0
    dimension: str = ""


@record(frozen=True, slots=True)
class GuardReport:
    """The verdict on a readable file: its kind, sheets, and findings about the file itself."""

    path: str
    kind: FileKind
    sheets: tuple[SheetInfo, ...] = ()
    findings: tuple[Finding, ...] = field(default=())
    pages: int = 0  # PDF: pages counted by the pre-scan
    encoding: str = (
        ""  # HTML / SpreadsheetML: the encoding the bytes decode with (may differ from the declared charset)
    )
    #: .xlsx/.xlsm: every ZIP member's name, and the small parts the guard read whole (verified: size,
    #: CRC, no DTD) — workbook, relationships, worksheets under 1 MiB — so the reader does not inflate them again.
    members: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    parts: Mapping[str, bytes] = field(default_factory=dict, repr=False, compare=False)


def unreadable(
    code: str, zh: str, en: str, path: Path, *, sheet: str | None = None, part: str | None = None
) -> UnreadableWorkbook:
    """An UnreadableWorkbook; the ZIP part, when there is one, is named as the `cell` location."""
    return UnreadableWorkbook(zh, en, code=code, path=str(path), sheet=sheet, cell=part)


def _size_zh(n: int) -> str:
    """A size as the refusal says it: MB with one decimal, bytes under 1 MiB (a lowered limit read "0 MB")."""
    return f"{n / MIB:.1f} MB" if n >= MIB else f"{n:,} 字节"


def check_file(path: str | os.PathLike[str], limits: Limits | None = None) -> FileKind:
    """Raise UnreadableWorkbook when `path` is not a file perfxl can open safely; else its kind."""
    return inspect_file(path, limits).kind


def inspect_file(path: str | os.PathLike[str], limits: Limits | None = None) -> GuardReport:
    """Full verdict: kind, sheets (names, hidden state, real extents) and file-level findings."""
    p = Path(path)
    limits = limits or Limits.from_env()
    try:
        st = p.stat()
    except FileNotFoundError:
        raise unreadable("FILE_NOT_FOUND", "找不到文件", "file not found", p) from None
    except OSError as exc:
        raise unreadable(
            "FILE_NOT_READABLE", f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})", p
        ) from None
    if not p.is_file():
        raise unreadable(
            "FILE_NOT_READABLE", "这不是一个普通文件（可能是文件夹）", "not a regular file (a directory?)", p
        )
    if st.st_size == 0:
        raise unreadable(
            "FILE_EMPTY",
            "文件是空的（0 字节），可能保存或拷贝失败，请重新导出后提交",
            "the file is empty (0 bytes); saving or copying probably failed",
            p,
        )
    if st.st_size > limits.max_file_bytes:
        raise unreadable(
            "FILE_TOO_LARGE",
            f"文件过大（{_size_zh(st.st_size)}），超过上限 {_size_zh(limits.max_file_bytes)}；"
            "如确需读取，可设置环境变量 PERFXL_MAX_FILE_BYTES 提高上限（内存占用随之增加）",
            f"file too large ({st.st_size} bytes > limit max_file_bytes={limits.max_file_bytes}; "
            "raise it with PERFXL_MAX_FILE_BYTES)",
            p,
        )
    data: bytes | None = None
    try:
        with p.open("rb") as fh:
            head = fh.read(8192)
            if head.startswith(_ZIP_MAGICS) and st.st_size <= WHOLE_READ_BYTES:
                # the whole small ZIP, once: the ZIP guard seeks in memory (`inspect_zip`); one byte more than stat
                # said, so a file changed meanwhile shows (it is then read from disk, as any larger file is)
                data = head + fh.read(st.st_size + 1 - len(head))
    except OSError as exc:
        raise unreadable(
            "FILE_NOT_READABLE", f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})", p
        ) from None
    if head.startswith(OLE_MAGIC):
        return _inspect_ole(p, limits)
    if head.startswith(_ZIP_MAGICS):
        # lazy: import cycle (perfxl.io.guard_zip imports perfxl.io.guard at load)
        from .guard_zip import inspect_zip

        return inspect_zip(p, st.st_size, limits, data if data is not None and len(data) == st.st_size else None)
    if b"%PDF-" in head[:1024]:
        # lazy: import cycle (perfxl.io.guard_pdf imports perfxl.io.guard at load)
        from .guard_pdf import inspect_pdf

        return inspect_pdf(p, st.st_size, limits)
    looks = describe_content(head)
    if looks.kind in ("html", "xml2003", "xml"):
        # lazy: import cycle (perfxl.io.guard_text imports perfxl.io.guard at load); also ~26 ms, HTML/XML exports only
        from .guard_text import inspect_markup

        report = inspect_markup(p, st.st_size, limits, looks.kind)
        if report is not None:
            return report
    raise unreadable(
        "NOT_A_WORKBOOK",
        f"这不是 Excel 工作簿：文件内容是{looks.zh}。请用 Excel 或 WPS 打开后“另存为” Excel 工作簿 (.xlsx) 再提交",
        f"not an Excel workbook: the content is {looks.en}; open it in Excel or WPS and save as .xlsx",
        p,
    )


def refuse_unsupported(report: GuardReport) -> UnreadableWorkbook:
    """The error for a file the guard recognised but no reader handles (an old .doc; a format whose
    reader is not installed). Callers raise it."""
    p = Path(report.path)
    if report.kind is FileKind.DOC:
        return unreadable(
            "DOC_LEGACY_FORMAT",
            "旧版 Word .doc 格式，无法直接读取；请用 Word 或 WPS 打开后“另存为” .docx 再提交",
            "an old binary Word .doc file; open it in Word or WPS and save as .docx",
            p,
        )
    if report.kind in (FileKind.DOCX, FileKind.PDF):
        # a report under a workbook's name ("自评报告.xlsx" holding a .docx): perfxl reads it under its own name, so
        # "目前无法读取这种文件" was untrue (review13h); the name decides which reader, the content decides the advice
        real = f".{report.kind.value}"
        return unreadable(
            "NOT_A_WORKBOOK",
            f"这不是 Excel 工作簿：文件扩展名是 {p.suffix or '（无）'}，但内容是{report.kind.zh}；"
            f"请把扩展名改为 {real} 后再提交（perfxl 可以读取 {real} 报告）",
            f"not an Excel workbook: named {p.suffix or '(none)'} but holding a {report.kind.value} report; "
            f"rename it to {real} and resubmit (perfxl reads {real} reports)",
            p,
        )
    return unreadable(
        "NOT_A_WORKBOOK",
        f"这不是 Excel 工作簿：文件内容是{report.kind.zh}，目前无法读取这种文件",
        f"not an Excel workbook: the content is {report.kind.value}, which perfxl cannot read yet",
        p,
    )


def read_member(path: str | os.PathLike[str], name: str, limits: Limits | None = None) -> bytes:
    """One ZIP member read whole through the capped reader (see perfxl.io.guard_zip.read_member)."""
    # lazy: import cycle (perfxl.io.guard_zip imports perfxl.io.guard at load)
    from .guard_zip import read_member as _read

    return _read(path, name, limits)


def hidden_sheets_finding(path: Path, sheets: tuple[SheetInfo, ...]) -> tuple[Finding, ...]:
    """A warning when every sheet is hidden: Excel never saves such a file, someone scripted it."""
    if not sheets or any(not s.hidden for s in sheets):
        return ()
    names = "、".join(s.name for s in sheets)
    return (
        Finding(
            "SHEETS_ALL_HIDDEN",
            Severity.WARNING,
            CellRef(sheets[0].name, "A1"),
            f"工作簿中所有工作表都被隐藏（{names}），请确认提交的是正确的文件",
            f"every sheet of the workbook is hidden ({', '.join(s.name for s in sheets)})",
            file=str(path),
        ),
    )


def check_sheet_extent(path: Path, limits: Limits, name: str, part: str, cells: int, rows: int, cols: int) -> None:
    """Refuse a sheet whose range A1:(rows, cols) is larger than the limit: calamine allocates its
    used range at once, and readers that keep coordinates from A1 allocate rows×cols."""
    area = rows * cols
    if area > limits.max_cells_per_sheet:
        corner = a1(max(rows, 1), max(cols, 1)) if rows <= 1_048_576 and cols <= 16_384 else f"R{rows}C{cols}"
        raise unreadable(
            "SHEET_TOO_LARGE",
            f"工作表“{name}”的数据区域过大（延伸到 {corner}，约 {area:,} 个单元格，上限 {limits.max_cells_per_sheet:,}）；"
            f"请删除远端的多余单元格后再提交。如确需读取，可设置环境变量 PERFXL_MAX_CELLS_PER_SHEET 提高上限（内存占用随之增加）",
            f"sheet {name!r} uses a range up to {corner} ({area:,} cells > limit max_cells_per_sheet={limits.max_cells_per_sheet:,}; "
            "raise it with PERFXL_MAX_CELLS_PER_SHEET, memory grows with it)",
            path,
            sheet=name,
            part=part,
        )


def check_workbook_totals(path: Path, limits: Limits, sheets: tuple[SheetInfo, ...] | list[SheetInfo]) -> None:
    """Refuse a workbook whose sheets together are too large to hold in memory: every sheet is read
    at once (measured: ≈ 270 bytes a row, 10 bytes a cell of the range, 400 bytes a value, read and checked)."""
    area = sum(s.max_row * s.max_col for s in sheets if s.cells)
    rows = sum(s.max_row for s in sheets if s.cells)
    values = sum(s.cells for s in sheets)
    for total, limit, key, zh, en in (
        (area, limits.max_cells_per_workbook, "max_cells_per_workbook", "数据区域合计", "used ranges total"),
        (rows, limits.max_rows_per_workbook, "max_rows_per_workbook", "行数合计", "rows total"),
        (
            values,
            limits.max_values_per_workbook,
            "max_values_per_workbook",
            "有内容的单元格合计",
            "cells holding a value total",
        ),
    ):
        if total > limit:
            raise unreadable(
                "WORKBOOK_TOO_LARGE",
                f"工作簿过大：各工作表{zh} {total:,}{'' if key.startswith('max_rows') else ' 个单元格'}，超过上限 {limit:,}；请删除不需要的工作表或多余的行后再提交。"
                f"如确需读取，可设置环境变量 PERFXL_{key.upper()} 提高上限（内存占用随之增加）",
                f"workbook too large: {en} {total:,}{'' if key.startswith('max_rows') else ' cells'} > limit {key}={limit:,} (raise it with PERFXL_{key.upper()}; memory grows with it)",
                path,
            )


def _inspect_ole(p: Path, limits: Limits) -> GuardReport:
    """Encrypted OOXML, legacy .xls (checked record by record) or another OLE document."""
    # lazy: olefile (~8 ms) only for OLE files (.xls, encrypted), not the .xlsx validate path
    import olefile

    # lazy: keeps perfxl.io.guard_ole (~5 ms) off the .xlsx validate path; OLE files only
    from .guard_ole import classify_ole, scan_biff

    try:
        with olefile.OleFileIO(str(p)) as ole:
            content = classify_ole(ole)
            if content.encrypted:
                raise unreadable(
                    "FILE_ENCRYPTED",
                    "文件已加密，请去除密码后再提交",
                    "the workbook is password-protected (encrypted); remove the password and resubmit",
                    p,
                )
            if content.word:
                return GuardReport(str(p), FileKind.DOC)
            if content.other:
                zh, en = content.other.split("|")
                raise unreadable(
                    "NOT_A_WORKBOOK",
                    f"这不是 Excel 工作簿：文件内容是{zh}",
                    f"not an Excel workbook: the content is {en}",
                    p,
                )
            stream = content.biff_stream
            if stream is None:  # not reached: classify_ole names the stream unless encrypted/word/other (above)
                raise ValueError("no workbook stream")  # → OLE_CORRUPT below
            if ole.get_size(stream) > limits.max_part_bytes:
                raise unreadable("FILE_TOO_LARGE", "工作簿数据流过大", "workbook stream too large", p, part=stream)
            data = ole.openstream(stream).read()
    except UnreadableWorkbook:
        raise
    except Exception as exc:  # olefile raises many types on corrupt input; all mean the same to the user
        legacy = "Word 97-2003 文档 (.doc)" if p.suffix.lower() == ".doc" else "Excel 97-2003 工作簿 (.xls)"
        raise unreadable(
            "OLE_CORRUPT",
            f"文件已损坏，无法作为 {legacy} 读取",
            f"corrupt OLE compound file ({type(exc).__name__}: {exc})",
            p,
        ) from None
    scan = scan_biff(data)
    if scan.encrypted:
        raise unreadable(
            "FILE_ENCRYPTED",
            "文件已加密，请去除密码后再提交",
            "the .xls workbook is password-protected (FILEPASS); remove the password and resubmit",
            p,
        )
    if scan.truncated:
        raise unreadable(
            "XLS_CORRUPT",
            "文件已损坏或不完整（.xls 记录被截断）",
            "corrupt .xls: a BIFF record runs past the end of the stream",
            p,
            part=stream,
        )
    if scan.sst_unique * 3 > len(data):
        raise unreadable(
            "SHARED_STRINGS_INVALID",
            "文件已损坏：共享字符串数量与内容不符",
            "corrupt .xls: SST count exceeds what the stream can hold",
            p,
            part="SST",
        )
    sheets = [s for s in scan.sheets if s.kind in (0, 1)]
    if not sheets:
        raise unreadable("WORKBOOK_NO_SHEETS", "工作簿中没有工作表", "the workbook has no worksheet", p)
    if len(sheets) > limits.max_sheets:
        raise unreadable(
            "TOO_MANY_SHEETS",
            f"工作表过多（{len(sheets)} 个，上限 {limits.max_sheets}）",
            f"too many sheets ({len(sheets)} > {limits.max_sheets})",
            p,
        )
    infos = []
    for s in sheets:
        rows, cols = (s.max_row + 1, s.max_col + 1) if s.cells else (0, 0)
        check_sheet_extent(p, limits, s.name, stream, s.cells, rows, cols)
        infos.append(SheetInfo(s.name, stream, s.hidden, s.cells, s.max_row + 1, s.max_col + 1))
    infos_t = tuple(infos)
    check_workbook_totals(p, limits, infos_t)
    return GuardReport(str(p), FileKind.XLS, infos_t, hidden_sheets_finding(p, infos_t))
