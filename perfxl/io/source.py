"""Open a workbook file as Grids: python-calamine for values and merges (the fast path), openpyxl only
for formula text when the file holds formulas without cached values or formulas are asked for.

A formula cell without a cached value (openpyxl-written, never opened in Excel) reads as "" in
calamine; it is listed in `Grid.uncached` so nobody reads it as 0. Excel error values (#DIV/0!),
which calamine also reads as "", are recovered from the sheet XML into the grid and `Grid.errors`.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import UnreadableWorkbook
from ..grid import Grid
from ..limits import Limits
from ..model import CellRef, Finding, Severity, column_index
from ..patterns import lazy_compile
from .error_values import error_cells
from .guard import inspect_file, refuse_unsupported
from .ooxml import STYLES_PART as _STYLES
from .ooxml import cell_styles, kept_reading, page_header_text, sheet_parts, sheet_parts_of
from .openpyxl_source import read_formulas
from .panics import INTERRUPTS, is_panic, note_panic, quiet_native_stderr
from .sheet_flags import SheetFlags, apply_flags, quoted_styles, scan_flags
from .shown_numbers import Shows, shown_cells, shown_number, shown_styles
from .spreadsheetml_source import read_spreadsheetml
from .xml_formulas import formulas_from_xml

__all__ = [
    "open_grids",
    "open_workbook",
    "open_checked",
    "open_source",
    "uncached_formula_cells",
    "SUPPORTED_SUFFIXES",
    "READERS",
    "register_reader",
    "Reader",
]

SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")

#: A reader: (path, guard report, need_formulas) → Grids. The guard has already checked the file.
Reader = Callable[[Path, Any, bool], list[Grid]]
_OOXML = ("xlsx", "xlsm")
#: Sheet name → 0-based (row, col) → the text a number's format shows (perfxl.io.shown_numbers).
ShownCells = dict[str, dict[tuple[int, int], str]]
#: Sheet name → the words its page header prints (`ooxml.page_header_text`), where it prints any.
PageHeaders = dict[str, str]

_CELL = lazy_compile(rb"<c\b([^>]*)(?<!/)>(.*?)</c>", re.S)
_FORMULA = lazy_compile(rb"<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>")
_VALUE = lazy_compile(rb"<v(?:\s[^>]*)?(?<!/)>[^<]")  # a <v> with text: a cached value
_EMPTY_VALUE = lazy_compile(rb"<v(?:\s[^>]*)?(?<!/)></v>")
_STR_TYPE = lazy_compile(rb'\bt="str"')  # a formula's cached text result, possibly ""
_R_ATTR = lazy_compile(rb'\br="([A-Z]{1,3})(\d+)"')


def open_grids(path: str | Path, *, need_formulas: bool = False, limits: Any = None) -> list[Grid]:
    """Every sheet of the workbook at `path` as a Grid (hidden sheets carry hidden=True).

    Raises UnreadableWorkbook (zh/en message naming the file) when the file cannot be read.
    """
    return open_checked(path, need_formulas=need_formulas, limits=limits)[0]


def open_workbook(path: str | Path, limits: Any = None) -> list[Grid]:
    """The name docs/design.md gives `open_grids` (values + merges, formulas only where uncached)."""
    return open_checked(path, limits=limits)[0]


def open_checked(path: str | Path, *, need_formulas: bool = False, limits: Any = None) -> tuple[list[Grid], tuple]:
    """Grids plus the guard's findings about the file itself (e.g. every sheet hidden).

    The guard (perfxl.io.guard) decides what the file really is; `READERS[kind]` reads it. A kind
    without a reader (an old .doc, or a format whose reader is not installed) gets the guard's
    clear refusal (`refuse_unsupported`).
    """
    grids, findings, _kind = open_source(path, need_formulas=need_formulas, limits=limits)
    return grids, findings


def open_source(path: str | Path, *, need_formulas: bool = False, limits: Any = None) -> tuple[list[Grid], tuple, str]:
    """`open_checked` plus what the file really was (the guard's kind: "xlsx", "xls", "html", "xml2003" …),
    for `Submission.coverage.source_format`."""
    path = Path(path)
    report = _guard(path, limits)
    kind = getattr(getattr(report, "kind", None), "value", path.suffix.lower().lstrip("."))
    reader = READERS.get(kind)
    if reader is None:
        raise refuse_unsupported(report)
    grids = reader(path, report, need_formulas)
    findings = tuple(getattr(report, "findings", ())) + formats_not_read(path, kind, grids)
    return grids, findings + figures_as_printed(path, kind, grids), kind


def figures_as_printed(path: Path, kind: str, grids: list[Grid]) -> tuple[Finding, ...]:
    """The one 提示 for an HTML page read as a workbook (read32): a page holds the text each cell shows, so its figures
    are judged at the decimals printed (a 86.2 shown "86" is 86) — coverage, said once per file, never the filer's."""
    if kind != "html" or not grids:
        return ()
    first = next((g.name for g in grids if not g.hidden), grids[0].name)
    return (
        Finding(
            "READ_FIGURES_AS_PRINTED",
            Severity.INFO,
            CellRef(first, "A1"),
            f"文件“{path.name}”实为 HTML 网页（业务系统或 Excel 导出的表格），网页只保存单元格显示的文字：其中的数字按显示的"
            "文字及小数位检查（显示 86% 即按 86% 判断，不能还原为背后的 86.2%），按显示的精度相符即不报错。如需按存储值检查，"
            "请提交原始的 .xlsx 工作簿。",
            f"'{path.name}' is an HTML page (a table a system or Excel exported), which holds the text each cell shows: its "
            "figures were checked as printed, at the decimals shown (86% shown is 86%, not the 86.2% behind it). Submit "
            "the original .xlsx to have stored values checked.",
            file=str(path),
        ),
    )


#: Workbook formats calamine reads values from but whose number formats and sheet flags perfxl does not read
#: (no .xlsb record reader in the dependencies): said, never guessed. An .xls's are read (read31:
#: perfxl.io.xls_formats) and an .ods's (read32: perfxl.io.ods_formats), and said only where they could not be
#: (`Grid.formats_unread`).
_VALUES_ONLY = ("xlsb",)


def formats_not_read(path: Path, kind: str, grids: list[Grid]) -> tuple[Finding, ...]:
    """The one 提示 for a workbook whose cells were read as stored, not as shown — a .xlsb/.ods (read30), an .xls whose
    format records xlrd could not parse, an .xlsx whose xl/styles.xml does not parse (read31): coverage, never the
    filer's error."""
    unread = next((g.formats_unread for g in grids if g.formats_unread), "")
    if not grids or (kind not in _VALUES_ONLY and not unread):
        return ()
    first = next((g.name for g in grids if not g.hidden), grids[0].name)
    if kind in _OOXML:
        return (
            Finding(
                "READ_STYLES_NOT_READ",
                Severity.INFO,
                CellRef(first, "A1"),
                f"文件“{path.name}”的样式部件 {_STYLES} 无法解析：单元格的数字格式（如百分比、保留的小数位）及前置撇号"
                "未能读取，数字按存储的值读取并检查（如输入的 95% 读作 0.95）。请用 Excel 打开该文件、保存后重新提交。",
                f"'{path.name}': its styles part {_STYLES} does not parse ({unread}); number formats (percent, decimals "
                "shown) and apostrophe prefixes were not read, values were checked as stored (a typed 95% as 0.95). "
                "Open and save it in Excel to have them read as displayed.",
                file=str(path),
            ),
        )
    why_zh, why_en = (
        ("（读取组件无法解析其格式记录）", f" (its format records could not be parsed: {unread})")
        if unread
        else ("", "")
    )
    return (
        Finding(
            "READ_FORMATS_NOT_READ",
            Severity.INFO,
            CellRef(first, "A1"),
            f"文件“{path.name}”（.{kind} 格式）中单元格的数字格式（如百分比、保留的小数位）、隐藏的行与列及前置撇号未能"
            f"读取{why_zh}：数字按存储的值读取并检查（如输入的 95% 读作 0.95），隐藏的行列按可见读取。如需按表格显示的内容"
            "检查，请另存为 .xlsx 后重新提交。",
            f"'{path.name}' (.{kind}): number formats (percent, decimals shown), hidden rows/columns and apostrophe "
            f"prefixes were not read{why_en}; values were checked as stored (a typed 95% as 0.95), hidden rows/columns "
            "as shown. Save as .xlsx to have them read as displayed.",
            file=str(path),
        ),
    )


def register_reader(kind: str, reader: Reader) -> None:
    """Plug in the reader of a FileKind value ("html", "xml2003", "docx", "pdf" …)."""
    READERS[kind] = reader


def _read_workbook(path: Path, report: Any, need_formulas: bool) -> list[Grid]:
    """Spreadsheets: calamine for values and merges, the sheet XML for errors and uncached formulas."""
    kind = getattr(getattr(report, "kind", None), "value", path.suffix.lower().lstrip("."))
    grids = _read_calamine(path, kind)
    if kind == "xls":
        _read_xls_formats(path, grids)
    if kind == "ods":
        _read_ods_formats(path, grids)
    if kind in _OOXML:
        uncached, errors, quick, shown, headers, flags, styles_unread = _scan_sheets(
            path, getattr(report, "members", None), getattr(report, "parts", None)
        )
        for grid in grids:
            grid.formats_unread = styles_unread
            _put_errors(grid, errors.get(grid.name))
            _put_shown(grid, shown.get(grid.name))
            grid.caption_above = grid.caption_above or headers.get(grid.name, "")  # a title printed in the 页眉
            apply_flags(grid, flags.get(grid.name))
        wanted = [g.name for g in grids] if need_formulas else [n for n, cells in uncached.items() if cells]
        if wanted:
            formulas = None if need_formulas else _quick_formulas(grids, wanted, quick)
            if formulas is None:
                formulas = read_formulas(path, wanted)
            for grid in grids:
                if grid.name in formulas:
                    grid.formulas = formulas[grid.name]
                cells = uncached.get(grid.name)
                if cells:
                    grid.uncached = frozenset(cells)
    return grids


#: FileKind value → reader. Workbook kinds are read here; other modules register theirs
#: (`register_reader("html", read_html)`) or add a line below.
READERS: dict[str, Reader] = dict.fromkeys(("xlsx", "xlsm", "xlsb", "xls", "ods"), _read_workbook)


def _read_markup(path: Path, report: Any, need_formulas: bool) -> list[Grid]:
    """HTML tables and SpreadsheetML 2003 saved as .xls (perfxl.io.html_source / spreadsheetml_source),
    bounded by the workbook cell limit; the encoding is re-detected (exports declare the wrong charset)."""
    cells = Limits.from_env().max_cells_per_workbook
    if getattr(report.kind, "value", report.kind) == "html":
        # lazy: keeps perfxl.io.html_source (2.0 ms) off the `perfxl validate` cold start
        from .html_source import read_html

        return read_html(path, getattr(report, "encoding", ""), cells)[0]
    return read_spreadsheetml(path, getattr(report, "encoding", ""), cells)[0]


READERS.update(html=_read_markup, xml2003=_read_markup)


def _guard(path: Path, limits: Any = None) -> Any:
    """The single call site of the input guard (perfxl.io.guard): size, zip bombs, encryption, format."""
    return inspect_file(path, limits)


def _read_calamine(path: Path, kind: str = "") -> list[Grid]:
    """Values and merged ranges of every sheet, coordinates from A1 (empty leading rows kept)."""
    with quiet_native_stderr():  # a calamine panic writes its Rust report to fd 2 before it is caught
        return _read_calamine_sheets(path, kind)


def _read_calamine_sheets(path: Path, kind: str = "") -> list[Grid]:
    """The calamine calls; every failure, a Rust panic (a BaseException) included, is an UnreadableWorkbook."""
    # lazy: xlwings Lite on Pyodide < 0.29 has no python-calamine; the engine and the PERF_* functions
    # must still import there (tests/test_server_lite.py)
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    try:
        if kind and path.suffix.lower() != f".{kind}":
            # a workbook under another format's name ("单位.xls" holding an .xlsx: users rename files, systems name
            # their exports .xls): calamine picks its reader by the name, so it gets the bytes and picks by content,
            # as the guard did (journey13: was FILE_UNREADABLE "Invalid OLE signature")
            with path.open("rb") as fh:
                book = CalamineWorkbook.from_filelike(fh)
        else:
            book = CalamineWorkbook.from_path(str(path))
    except BaseException as exc:  # calamine errors, plain ValueErrors, and PanicException
        raise _unreadable(path, exc) from exc
    grids: list[Grid] = []
    try:
        for meta in book.sheets_metadata:
            try:
                sheet = book.get_sheet_by_name(meta.name)
                rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
                merged = tuple((r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or ()))
            except BaseException as exc:  # a chart sheet or a broken part: keep the other sheets
                if not isinstance(exc, INTERRUPTS) and "chart" in str(getattr(meta, "typ", "")).lower():
                    if is_panic(exc):
                        note_panic()
                    continue
                raise _unreadable(path, exc, sheet=meta.name) from exc
            hidden = meta.visible != SheetVisibleEnum.Visible
            grids.append(Grid(meta.name, rows, merged, hidden=hidden))
    finally:
        book.close()
    return grids


def _unreadable(path: Path, exc: BaseException, sheet: str | None = None) -> UnreadableWorkbook:
    """The error for a calamine failure; Ctrl-C, exit and generator close propagate unchanged."""
    if isinstance(exc, INTERRUPTS):
        raise exc
    detail = f"{type(exc).__name__}: {exc}"[:300]
    if is_panic(exc):
        note_panic()
        part_zh, part_en = (
            (f"工作表“{sheet}”的内容", f"sheet '{sheet}'")
            if sheet
            else ("工作簿结构（工作表列表、定义的名称等）", "workbook structure (sheet list, defined names …)")
        )
        return UnreadableWorkbook(
            # the reader's panic text (English) stays in the English text (docs14)
            f"文件“{path.name}”中{part_zh}有误（文件可能已损坏），读取组件无法解析。"
            "请用 Excel 打开该文件、另存为 .xlsx 后重新提交。",
            f"The {part_en} of '{path.name}' is internally inconsistent (the file may be damaged); "
            f"the reader (python-calamine) panicked: {exc}"[:400]
            + ". Open it in Excel, save as .xlsx and resubmit.",
            code="FILE_DAMAGED",
            path=str(path),
            sheet=sheet,
        )
    # the reader's own words (English, "CalamineError: …") stay in the English text and the log; a clerk reads
    # which file and what to do (polish13)
    part = f"中的工作表“{sheet}”" if sheet else ""
    return UnreadableWorkbook(
        f"无法读取工作簿“{path.name}”{part}（文件可能已损坏、已加密或不是 Excel 文件）；"
        "请用 Excel 或 WPS 打开该文件，另存为 .xlsx 后重新提交",
        f"Cannot read the workbook (corrupt, encrypted or not an Excel file): {detail}",
        code="FILE_UNREADABLE",
        path=str(path),
        sheet=sheet,
    )


def uncached_formula_cells(xml: bytes) -> set[tuple[int, int]]:
    """0-based (row, col) of formula cells with no cached value in one worksheet's XML.

    A cell counts when it has <f> and no cached value: no <v>, `<v/>`, or an empty `<v></v>` that is
    not typed text. Excel and LibreOffice write a cached empty-string result as `t="str"` with
    `<v></v>`; openpyxl (with lxml installed) writes `<v></v>` untyped for every formula, and
    XlsxWriter writes it for a result given as "" "to force recalc" — an untyped empty <v> is not a
    number, so it holds nothing (a cell computed to "" is then not reported: both readings agree).
    Only the cells holding a `<f` are looked at (`_cells_with_formula`), not every cell of the sheet.
    """
    found: set[tuple[int, int]] = set()
    for attrs, body in _cells_with_formula(xml):
        if not _FORMULA.search(body) or _VALUE.search(body):
            continue
        if _EMPTY_VALUE.search(body) and _STR_TYPE.search(attrs):
            continue
        r = _R_ATTR.search(attrs)
        if r:
            found.add((int(r.group(2)) - 1, column_index(r.group(1).decode()) - 1))
    return found


_CELL_TAG = lazy_compile(rb"<c\b([^>]*)(?<!/)>")
_CELL_END = b"</c>"


def _cells_with_formula(xml: bytes) -> list[tuple[bytes, bytes]]:
    """(attributes, body) of each `_CELL` match of `xml` whose body holds `<f`, in order: the same as
    `[(m[1], m[2]) for m in _CELL.finditer(xml) if b"<f" in m[2]]` for any bytes, without a Python step per cell.

    Why the same: `_CELL` matches end right after a `</c>`, and a `</c>` preceded by `>` lies in no start tag (a tag's
    attributes hold no `>`), so it ends a match or lies between matches: the scan starts afresh after it. The match
    holding a `<f`, if any, is then the first `_CELL_TAG` after the `</c>` before that `<f`, its body running to the
    `</c>` after it. Where a `</c>` used so is not preceded by `>` (malformed XML only), the plain scan decides."""
    out: list[tuple[bytes, bytes]] = []
    at = xml.find(b"<f")
    while at != -1:
        end = xml.find(_CELL_END, at)
        if end == -1:
            break  # after the last `</c>`: no cell closes there
        start = xml.rfind(_CELL_END, 0, at)
        if xml[end - 1 : end] != b">" or (start != -1 and xml[start - 1 : start] != b">"):
            return [(m[1], m[2]) for m in _CELL.finditer(xml) if b"<f" in m[2]]
        start = 0 if start == -1 else start + len(_CELL_END)
        tag = _CELL_TAG.search(xml, start, end)
        if tag is not None and b"<f" in (body := xml[tag.end() : end]):
            out.append((tag.group(1), body))
        at = xml.find(b"<f", end + len(_CELL_END))
    return out


def _put_errors(grid: Grid, errors: dict[tuple[int, int], str] | None) -> None:
    """Write Excel error values (which calamine reads as "") into the grid and list them in `Grid.errors`."""
    if not errors:
        return
    for (r, c), text in errors.items():
        if r < len(grid.rows) and c < len(grid.rows[r]) and grid.rows[r][c] in ("", None):
            grid.rows[r][c] = text
    grid.errors = dict(errors)


def _read_xls_formats(path: Path, grids: list[Grid]) -> None:
    """An .xls's grids as its cells show them (perfxl.io.xls_formats): numbers under a percent or fixed-decimal format
    as shown, error values, hidden rows/columns, apostrophes — or why not, in `Grid.formats_unread` (coverage)."""
    # lazy: the BIFF format walk (and xlrd) only for an .xls
    from .xls_formats import XlsFormatsUnread, read_xls_sheets

    try:
        sheets = read_xls_sheets(path)
    except XlsFormatsUnread as exc:
        for grid in grids:
            grid.formats_unread = str(exc)
        return
    for grid in grids:
        sheet = sheets.get(grid.name)
        if sheet is None:
            grid.formats_unread = "the sheet is not among the workbook's BOUNDSHEET records"
            continue
        _put_errors(grid, sheet.errors)
        _put_shows(grid, sheet.shows)
        apply_flags(grid, sheet.flags)


def _read_ods_formats(path: Path, grids: list[Grid]) -> None:
    """An .ods's grids as its cells show them (perfxl.io.ods_formats): numbers under a percentage or fixed-decimal
    data style as shown, hidden rows/columns, merged ranges — or why not, in `Grid.formats_unread`."""
    # lazy: the OpenDocument style reading only for an .ods, off the .xlsx validate path
    from .ods_formats import OdsFormatsUnread, read_ods_sheets

    try:
        sheets = read_ods_sheets(path)
    except OdsFormatsUnread as exc:
        for grid in grids:
            grid.formats_unread = str(exc)
        return
    for i, grid in enumerate(grids):
        sheet = sheets.get(grid.name)
        if sheet is None:
            grid.formats_unread = "the sheet is not among content.xml's tables"
            continue
        if sheet.merged and not grid.merged:  # the Grid maps merged cells when made: a new one with the ranges
            grid = grids[i] = dataclasses.replace(grid, merged=tuple(sheet.merged))
        _put_shows(grid, sheet.shows)
        apply_flags(grid, sheet.flags)


def _put_shows(grid: Grid, shows: dict[tuple[int, int], Shows]) -> None:
    """Put the text each number calamine read shows under its format (an .xls's or .ods's cells) in its place."""
    shown = {}
    for (r, c), how in shows.items():
        if r < len(grid.rows) and c < len(grid.rows[r]) and (text := shown_number(grid.rows[r][c], how)) is not None:
            shown[(r, c)] = text
    _put_shown(grid, shown)


def _put_shown(grid: Grid, shown: dict[tuple[int, int], str] | None) -> None:
    """Put the text a typed number's format shows ("95%" for 0.95 under "0%") in place of the number calamine read."""
    for (r, c), text in (shown or {}).items():
        if r < len(grid.rows) and c < len(grid.rows[r]):
            value = grid.rows[r][c]
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                grid.rows[r][c] = text


def _quick_formulas(
    grids: list[Grid], wanted: list[str], quick: dict[str, Any]
) -> dict[str, dict[tuple[int, int], str]] | None:
    """The formula text of the `wanted` sheets as read from their XML (perfxl.io.xml_formulas), or None
    when openpyxl must read it: a sheet the XML reader declined, or a text cell starting with "=" (which
    read_formulas also reports as a formula)."""
    out = {}
    for grid in grids:
        if grid.name not in wanted:
            continue
        found = quick.get(grid.name)
        if found is None:
            return None
        if any(isinstance(v, str) and v.startswith("=") for row in grid.rows for v in row):
            return None
        out[grid.name] = found
    return out if len(out) == len(set(wanted)) else None


_Scan = tuple[
    dict[str, set[tuple[int, int]]],
    dict[str, dict[tuple[int, int], str]],
    dict[str, Any],
    ShownCells,
    PageHeaders,
    dict[str, SheetFlags],
    str,
]


def _scan_sheets(path: Path, members: frozenset[str] | None = None, kept: Mapping[str, bytes] | None = None) -> _Scan:
    """The cheap check, one read of each worksheet's XML: formulas without cached values, error cells, the number
    cells a format shows otherwise than stored (perfxl.io.shown_numbers; xl/styles.xml read for it), a title in the
    页眉, hidden rows/columns and quote-prefixed cells (`sheet_flags`), and — for sheets with uncached formulas — their
    formula text when plain XML gives it exactly.
    Each sheet is read in pieces cut after a `</row>` (a cell never spans rows), so memory stays
    at one piece whatever the part's size. `members`/`kept`: the guard's member names and the parts
    it read whole (GuardReport); when they hold every part needed, the ZIP is not opened again."""
    try:
        if members and kept and "xl/workbook.xml" in kept and "xl/_rels/workbook.xml.rels" in kept:
            parts = sheet_parts_of(members, kept.__getitem__)
            if all(part in kept for part in parts.values()) and (_STYLES in kept or _STYLES not in members):
                return _scan_parts(parts, lambda part: io.BytesIO(kept[part]), kept.get(_STYLES, b""))
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            parts = {name: part for name, part in sheet_parts(archive).items() if part in names}
            return _scan_parts(parts, archive.open, archive.read(_STYLES) if _STYLES in names else b"")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _unreadable(path, exc) from exc
    except Exception as exc:  # defusedxml refusals and malformed XML
        raise _unreadable(path, exc) from exc


def _scan_parts(parts: Mapping[str, str], open_part: Callable[[str], Any], styles_xml: bytes = b"") -> _Scan:
    """_scan_sheets over worksheet name → part, each part opened with `open_part`; `styles_xml`: xl/styles.xml."""
    uncached, errors, quick, shown, headers, flags = {}, {}, {}, {}, {}, {}
    styles, quoted, styles_unread = kept_reading(_style_facts, styles_xml) if styles_xml else ({}, frozenset(), "")
    for name, part in parts.items():
        found_uncached: set[tuple[int, int]] = set()
        found_errors: dict[tuple[int, int], str] = {}
        found_shown: dict[tuple[int, int], str] = {}
        found_flags = SheetFlags()
        with open_part(part) as fh:
            for piece in _row_pieces(fh):
                found_uncached |= uncached_formula_cells(piece)
                found_errors.update(error_cells(piece))
                found_shown.update(shown_cells(piece, styles))
                scan_flags(piece, found_flags, quoted)
                if b"oddHeader" in piece and (words := page_header_text(piece)):
                    headers[name] = words
        if found_uncached and found_shown:  # the numbers perfxl computes the uncached formulas from stay as stored
            with open_part(part) as fh:
                found_shown = {k: v for p in _row_pieces(fh) for k, v in shown_cells(p, styles, formulas=False).items()}
        uncached[name], errors[name], shown[name], flags[name] = found_uncached, found_errors, found_shown, found_flags
        if found_uncached:  # a second read, only for files saved without calculated values
            with open_part(part) as fh:
                quick[name] = _merge_formulas(formulas_from_xml(p) for p in _row_pieces(fh))
    return uncached, errors, quick, shown, headers, flags, styles_unread


def _style_facts(styles_xml: bytes, folder: str = "") -> tuple[Mapping[int, Shows], frozenset[int], str]:
    """What xl/styles.xml tells the sheet scan: the styles whose number format shows a number otherwise than stored
    (`shown_styles`), the quote-prefixed ones (`quoted_styles`) and why the part was not read ("" when it parsed) —
    kept by the part's bytes (`kept_reading`)."""
    formats = cell_styles(styles_xml)
    return MappingProxyType(shown_styles(formats)), quoted_styles(formats), formats.unread


_PIECE = 1 << 20


def _row_pieces(fh) -> Any:
    """Bytes of one worksheet part in pieces of about _PIECE, each ending right after a `</row>`."""
    carry = b""
    while True:
        chunk = fh.read(_PIECE)
        if not chunk:
            if carry:
                yield carry
            return
        data = carry + chunk
        cut = data.rfind(b"</row>")
        if cut == -1:
            carry = data
            continue
        cut += len(b"</row>")
        carry = data[cut:]
        yield data[:cut]


def _merge_formulas(results) -> dict[tuple[int, int], str] | None:
    """The pieces' formula maps merged; None as soon as one piece needs openpyxl."""
    out: dict[tuple[int, int], str] = {}
    for found in results:
        if found is None:
            return None
        out.update(found)
    return out
