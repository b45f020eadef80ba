"""The annotated copy: the user's workbook with each finding's cell filled by severity, a note
(code + message) on it, and a 校验结果 sheet listing every finding with links to its cell.

The marks come from the one plan of marks (perfxl.marks) and are patched into the package
(perfxl.io.xlsx_marks): only marked cells' styles, notes and the new sheet change; every other part
stays byte for byte what the user had — values, formulas with their cached results, drawings, charts,
images, VBA and the ribbon. The copy is written atomically and never over the input unless
`in_place=True`, which keeps a backup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from operator import attrgetter
from pathlib import Path
from typing import Any

from perfxl.collector import collector_paused
from perfxl.document.annotate_docx import annotate_docx
from perfxl.errors import PerfxlError, UnreadableWorkbook
from perfxl.excel.result_sheet import HEADER_ROW, Mark, order_key, result_rows
from perfxl.io.atomic import atomic_write, backup_path
from perfxl.io.xlsx_marks import apply_marks, read_package
from perfxl.marks import _COLUMNS, _DIGITS, RESULT_SHEET, RESULT_TITLE, SEVERITY_FILL, Bounds, MarkPlan, plan_marks
from perfxl.model import Coverage, Finding, a1, column_index
from perfxl.records import record
from perfxl.report._common import coverage_lines

__all__ = [
    "RESULT_SHEET",
    "RESULT_TITLE",
    "SEVERITY_FILL",
    "ANNOTATABLE",
    "AnnotateResult",
    "annotate_copy",
    "annotate_workbook",
    "annotated_bytes",
]

_ANNOTATABLE = {".xlsx", ".xlsm"}
_TALL = 32  # rows: a merged range this tall is not listed row by row
#: Every file kind perfxl writes an annotated copy of: workbooks get marks, Word reports get comments.
ANNOTATABLE = (".xlsx", ".xlsm", ".docx")


@record(frozen=True, slots=True)
class AnnotateResult:
    """Where the copy went, the backup of an in-place run, how many cells were marked, and losses."""

    path: Path
    backup: Path | None
    marked_cells: int
    findings: int
    warnings: tuple[str, ...] = ()


def annotated_bytes(
    original: bytes, findings: Sequence[Finding], *, path: str = "", coverage: Coverage | None = None
) -> tuple[bytes, int]:
    """The annotated package and the number of cells filled (pure bytes in, bytes out); `coverage` adds the
    读取范围 lines under the findings of the 校验结果 sheet.

    Python's cyclic collector is paused meanwhile (`perfxl.collector.collector_paused`, as for the checks): the copy
    makes tens of thousands of short-lived tuples, lists and strings and no reference cycles, and each burst of
    them set the collector walking everything the caller holds — after validation, the whole submission."""
    with collector_paused():
        return _annotated_bytes(original, findings, path, coverage)


def _annotated_bytes(
    original: bytes, findings: Sequence[Finding], path: str, coverage: Coverage | None
) -> tuple[bytes, int]:
    pkg = read_package(original, path)
    # merged ranges by the rows they cross, for merge_of; a range taller than _TALL rows (a label merged down a
    # whole table, A12:A1012) is kept whole and tested on each lookup instead of being listed on every row
    by_row: dict[str, dict[int, list[tuple[int, Bounds]]]] = {}
    tall: dict[str, list[tuple[int, Bounds]]] = {}
    for name in {f.ref.sheet for f in findings if f.ref is not None}:
        at_row = by_row[name] = {}
        crossing = at_row.setdefault  # the row's list of the ranges crossing it
        for i, b in enumerate(pkg.merges(name)):
            entry = (i, b)
            if b[2] - b[0] >= _TALL:
                tall.setdefault(name, []).append(entry)
                continue
            for r in range(b[0], b[2] + 1):
                crossing(r, []).append(entry)
    no_rows: dict[int, list[tuple[int, Bounds]]] = {}
    indexes = {name: (by_row[name], tall.get(name, [])) for name in by_row}  # one look-up a call
    no_index: tuple[dict[int, list[tuple[int, Bounds]]], list[tuple[int, Bounds]]] = (no_rows, [])

    def merge_of(sheet: str, row: int, col: int) -> Bounds | None:
        """The first merged range (in the sheet's order) holding the cell."""
        found: tuple[int, Bounds] | None = None
        at_row, tall_ones = indexes.get(sheet, no_index)
        for i, b in at_row.get(row, ()):
            if b[1] <= col <= b[3]:
                found = (i, b)
                break
        for i, b in tall_ones:
            if b[0] <= row <= b[2] and b[1] <= col <= b[3]:
                if found is None or i < found[0]:
                    found = (i, b)
                break
        return found[1] if found else None

    plan = plan_marks(findings, pkg.names, merge_of)
    order = sorted(findings, key=order_key)
    lines = coverage_lines(coverage) if coverage is not None else []
    rows = result_rows(order, _Marks(plan), list_area_cells=False, coverage=lines, as_hyperlinks=True)
    patched = apply_marks(pkg, plan, rows, list(map(_SEVERITY_OF, order)), HEADER_ROW)
    return patched.data, patched.marked_cells


_SEVERITY_OF = attrgetter("severity")
_UNPARSED: Any = object()  # a cell text _Marks has not parsed yet
_new_tuple = tuple.__new__  # what a named tuple's generated __new__ calls: Mark(…) for one Python call less a finding
_CANONICAL = re.compile(r"([A-Z]{1,3})([1-9][0-9]*|0)\Z")  # what a1(row, col) writes


class _Marks(Mapping[tuple[str, str], Mark]):
    """The plan's filled cells as `result_rows` reads them, (sheet, "B7") → Mark, made only for the cells asked
    about (a finding's own cell) instead of one Mark and two A1 texts for every filled cell."""

    def __init__(self, plan: MarkPlan) -> None:
        self._plan = plan
        self._fills, self._notes = plan.fills, plan.notes
        self._cells: dict[str, tuple[int, int] | None] = {}  # cell text → (row, col), parsed once

    def __getitem__(self, key: tuple[str, str]) -> Mark:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: tuple[str, str], default: Any = None) -> Any:  # Mapping.get without a KeyError per miss
        sheet, cell = key
        at = self._cells.get(cell, _UNPARSED)
        if at is _UNPARSED:  # only the canonical text (a1's) names a filled cell: "b7", "$B$7", "B07" do not
            letters = cell.rstrip(_DIGITS)  # "B7": its column by one look-up, as _CANONICAL reads it
            col, digits = _COLUMNS.get(letters), cell[len(letters) :]
            if col is not None and digits and (digits[0] != "0" or digits == "0"):
                at = self._cells[cell] = (int(digits), col)
            else:
                m = _CANONICAL.match(cell)
                at = self._cells[cell] = (int(m.group(2)), column_index(m.group(1))) if m else None
        if at is None:
            return default
        place = (sheet, at[0], at[1])
        severity = self._fills.get(place)
        if severity is None:
            return default
        return _new_tuple(Mark, (sheet, cell, severity, place in self._notes))  # Mark(…) without its Python frame

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return ((s, a1(r, c)) for s, r, c in self._plan.fills)

    def __len__(self) -> int:
        return len(self._plan.fills)


def _write_atomic(dest: Path, data: bytes, *, force: bool, backup: bool) -> Path | None:
    """Hand the bytes to the guard's atomic writer; returns the backup path when one was made."""
    made = backup_path(dest) if backup and dest.exists() else None
    atomic_write(dest, data, force=force, backup=backup)
    return made


def annotate_workbook(
    src: str | Path,
    findings: Sequence[Finding],
    dest: str | Path | None = None,
    *,
    force: bool = False,
    in_place: bool = False,
    coverage: Coverage | None = None,
) -> AnnotateResult:
    """Write the annotated copy of `src` to `dest` (or over `src` with a backup when `in_place`).

    Raises PerfxlError (never a bare exception) when the input cannot be annotated or the
    destination exists without `force`.
    """
    src = Path(src)
    if src.suffix.lower() not in _ANNOTATABLE:
        raise PerfxlError(
            f"只能为 .xlsx/.xlsm 文件生成批注副本（{src.name} 是 {src.suffix or '无扩展名'}）；请先另存为 .xlsx。",
            f"annotated copies need .xlsx/.xlsm input, got {src.suffix or 'no extension'}",
            code="ANNOTATE_UNSUPPORTED",
            path=str(src),
        )
    if in_place:
        dest = src
    elif dest is None:
        dest = src.with_name(f"{src.stem}.校验{src.suffix}")
    dest = Path(dest)
    if not in_place and dest.resolve() == src.resolve():
        raise PerfxlError(
            "批注副本不能覆盖原文件；如确需覆盖，请使用 --in-place（会保留备份）。",
            "refusing to write the annotated copy over its input; use --in-place (keeps a backup)",
            code="OUTPUT_IS_INPUT",
            path=str(src),
        )
    if dest.suffix.lower() != src.suffix.lower():
        raise PerfxlError(
            f"批注副本的扩展名应与原文件一致（{src.suffix}）：{dest.name}",
            f"annotated copy must keep the input's extension {src.suffix}: {dest.name}",
            code="OUTPUT_EXTENSION",
            path=str(dest),
        )
    try:
        original = src.read_bytes()
    except OSError as exc:
        raise UnreadableWorkbook(f"无法读取文件：{exc.strerror or exc}", str(exc), path=str(src)) from None
    _refuse_other_format(src, original)
    data, marked = annotated_bytes(original, findings, path=str(src), coverage=coverage)
    backup = _write_atomic(dest, data, force=force, backup=in_place)
    return AnnotateResult(path=dest, backup=backup, marked_cells=marked, findings=len(findings))


#: What a file named .xlsx/.xlsm may really hold, by its first bytes (users rename files; systems name their exports
#: .xlsx): perfxl reads it by its content (perfxl.io.guard), but marks can only be written into an .xlsx package.
_OTHER_FORMATS = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Excel 97-2003 工作簿（.xls）", "a legacy .xls workbook"),
    (b"<", "网页或 XML 表格导出", "an HTML or XML table export"),
)


def _refuse_other_format(src: Path, original: bytes) -> None:
    """PerfxlError (ANNOTATE_UNSUPPORTED) naming what the file is when an .xlsx/.xlsm is not a zip package but a
    format perfxl reads and cannot mark (an .xls renamed .xlsx): the zip reader's "not a valid workbook (BadZipFile)"
    told a clerk whose file Excel opens that it was broken (polish13). A damaged package goes on to that error."""
    if original[:2] == b"PK":
        return
    head = original[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, what, what_en in _OTHER_FORMATS:
        if head.startswith(magic):
            raise PerfxlError(
                f"该文件实为{what}，只是扩展名为 {src.suffix}：这种格式只能读取，不能写入标记；"  # (the caller names it)
                "请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（.xlsx）”后再检查",
                f"{src.name} is {what_en} named {src.suffix}: readable but not markable; save it as .xlsx in Excel "
                "or WPS and check again",
                code="ANNOTATE_UNSUPPORTED",
                path=str(src),
            )


def annotate_copy(
    src: str | Path,
    findings: Sequence[Finding],
    dest: str | Path,
    *,
    force: bool = False,
    coverage: Coverage | None = None,
) -> Path:
    """The annotated copy of any file perfxl can mark (ANNOTATABLE): a workbook's marks and 校验结果
    sheet, or a Word report's comments; PerfxlError (ANNOTATE_UNSUPPORTED) for .xls, .pdf, .doc …"""
    suffix = Path(src).suffix.lower()
    if suffix == ".docx":
        return annotate_docx(src, findings, dest, force=force).path
    if suffix not in _ANNOTATABLE:
        raise PerfxlError(
            f"{suffix or '无扩展名'} 文件只能读取，不能生成批注副本（工作簿请另存为 .xlsx；PDF 报告在报告中注明页码和段落）。",
            f"no annotated copy for {suffix or 'files without an extension'} (read-only format)",
            code="ANNOTATE_UNSUPPORTED",
            path=str(src),
        )
    return annotate_workbook(src, findings, dest, force=force, coverage=coverage).path
