"""The annotated copy: the user's workbook with each finding's cell filled by severity, a note
(code + message) on it, and a 校验结果 sheet listing every finding with links to its cell.

Only formatting, notes and the 校验结果 sheet change; every value, formula (with its cached
result, restored by perfxl.io.cached_values), merged range and data validation is kept. Parts openpyxl cannot carry over (charts, shapes, slicers …) are
counted before and after and reported as warnings. The copy is written atomically and never
over the input unless `in_place=True`, which keeps a backup.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from perfxl.errors import PerfxlError, UnreadableWorkbook
from perfxl.model import SEVERITY_ZH, Finding, Severity, parse_a1

__all__ = ["RESULT_SHEET", "RESULT_TITLE", "SEVERITY_FILL", "AnnotateResult", "annotate_workbook", "mark_workbook"]

RESULT_SHEET = "校验结果"
RESULT_TITLE = "perfxl 校验结果"  # A1 of our own sheet; lets a re-run replace it safely
#: Fill colour (RGB) per severity: red, amber, blue.
SEVERITY_FILL = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFE699", Severity.INFO: "BDD7EE"}
_MAX_RANGE_CELLS = 400  # fill at most this many cells of one finding's range
_ANNOTATABLE = {".xlsx", ".xlsm"}

#: Parts of an .xlsx that openpyxl may drop, as (label zh, counter) pairs.
_PART_PATTERNS: tuple[tuple[str, re.Pattern[str], re.Pattern[bytes] | None], ...] = (
    ("图表", re.compile(r"^xl/charts/chart\d+\.xml$"), None),
    ("图片", re.compile(r"^xl/drawings/drawing\d+\.xml$"), re.compile(rb"<xdr:pic[ >]")),
    ("形状/文本框", re.compile(r"^xl/drawings/drawing\d+\.xml$"), re.compile(rb"<xdr:(?:sp|cxnSp|grpSp)[ >]")),
    ("数据透视表", re.compile(r"^xl/pivotTables/[^/]+\.xml$"), None),
    ("切片器", re.compile(r"^xl/slicers/[^/]+\.xml$"), None),
    ("表单控件", re.compile(r"^xl/ctrlProps/[^/]+\.xml$"), None),
    ("线程批注", re.compile(r"^xl/threadedComments/[^/]+\.xml$"), None),
    ("迷你图", re.compile(r"^xl/worksheets/sheet\d+\.xml$"), re.compile(rb"<x14:sparklineGroup[ >]")),
    ("扩展数据验证", re.compile(r"^xl/worksheets/sheet\d+\.xml$"), re.compile(rb"<x14:dataValidation[ >]")),
    ("宏（VBA）", re.compile(r"^xl/vbaProject\.bin$"), None),
    ("自定义功能区", re.compile(r"^_rels/\.rels$"), re.compile(rb"relationships/ui/extensibility")),
)
_RIBBON_REL = re.compile(rb"<Relationship\b[^>]*relationships/ui/extensibility[^>]*/>")
_REL_ATTR = re.compile(rb'\b(Id|Target)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class AnnotateResult:
    """Where the copy went, the backup of an in-place run, how many cells were marked, and losses."""

    path: Path
    backup: Path | None
    marked_cells: int
    findings: int
    warnings: tuple[str, ...] = ()


def _inventory(data: bytes) -> Counter[str]:
    """Count the parts of a workbook that openpyxl may not keep."""
    counts: Counter[str] = Counter()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        for label, name_re, body_re in _PART_PATTERNS:
            for name in names:
                if not name_re.match(name):
                    continue
                counts[label] += len(body_re.findall(zf.read(name))) if body_re else 1
    return counts


def _restore_ribbon(original: bytes, data: bytes) -> bytes:
    """Put back the custom ribbon (customUI) relationship that openpyxl drops, copying its parts if needed."""
    with zipfile.ZipFile(io.BytesIO(original)) as zin:
        if "_rels/.rels" not in zin.namelist():
            return data
        rels = _RIBBON_REL.findall(zin.read("_rels/.rels"))
        if not rels:
            return data
        ribbon_parts = {n: zin.read(n) for n in zin.namelist() if n.startswith("customUI/")}
    with zipfile.ZipFile(io.BytesIO(data)) as zout:
        entries = [(info, zout.read(info.filename)) for info in zout.infolist()]
    names = {info.filename for info, _ in entries}
    root_rels = next((body for info, body in entries if info.filename == "_rels/.rels"), None)
    if root_rels is None:
        return data
    taken = set(re.findall(rb'\bId="([^"]*)"', root_rels))
    added = b""
    for rel in rels:
        attrs = dict(_REL_ATTR.findall(rel))
        if attrs.get(b"Target", b"") in root_rels:
            continue
        rel_id = attrs.get(b"Id", b"rIdRibbon")
        n = 1
        while rel_id in taken:
            rel_id, n = b"rIdRibbon%d" % n, n + 1
        taken.add(rel_id)
        added += re.sub(rb'\bId="[^"]*"', b'Id="' + rel_id + b'"', rel)
    if not added:
        return data
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info, body in entries:
            if info.filename == "_rels/.rels":
                body = body.replace(b"</Relationships>", added + b"</Relationships>")
            z.writestr(info, body)
        for name, body in ribbon_parts.items():
            if name not in names:
                z.writestr(name, body)
    return buf.getvalue()


def _loss_warnings(before: Counter[str], after: Counter[str]) -> list[str]:
    return [
        f"原文件中的{label} {before[label] - after[label]} 处未能带入批注副本（openpyxl 无法保留），原文件未改动。"
        for label, _, _ in _PART_PATTERNS
        if before[label] > after[label]
    ]


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _merged_anchor(ws, row: int, col: int) -> tuple[int, int, tuple[int, int, int, int] | None]:
    """(row, col) of the merged range's top-left holding the cell, plus that range's bounds."""
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= row <= rng.max_row and rng.min_col <= col <= rng.max_col:
            return rng.min_row, rng.min_col, (rng.min_row, rng.min_col, rng.max_row, rng.max_col)
    return row, col, None


def _cells_of(ref: str) -> tuple[int, int, int, int]:
    """Bounds (r0, c0, r1, c1) of "E12" or "B5:B9"."""
    first, _, last = ref.partition(":")
    r0, c0 = parse_a1(first)
    r1, c1 = parse_a1(last) if last else (r0, c0)
    return min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)


def _safe_text(value: object) -> object:
    """Text headed for a cell of the 校验结果 sheet, made inert (no formula, no DDE)."""
    from perfxl.safety import neutralise_formula

    return neutralise_formula(value)


def mark_workbook(wb, findings: Sequence[Finding]) -> int:
    """Fill and annotate each finding's cell in an openpyxl workbook; add the 校验结果 sheet.

    Returns the number of distinct cells filled. Values are never written to the user's sheets.
    """
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    by_cell: dict[tuple[str, int, int], list[Finding]] = {}
    filled: dict[tuple[str, int, int], Severity] = {}
    for f in findings:
        if f.ref is None or f.ref.sheet not in wb.sheetnames:
            continue
        ws = wb[f.ref.sheet]
        try:
            r0, c0, r1, c1 = _cells_of(f.ref.cell)
        except ValueError:
            continue
        ar, ac, merged = _merged_anchor(ws, r0, c0)
        by_cell.setdefault((ws.title, ar, ac), []).append(f)
        targets = [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)][:_MAX_RANGE_CELLS]
        if merged:
            mr0, mc0, mr1, mc1 = merged
            targets += [(r, c) for r in range(mr0, mr1 + 1) for c in range(mc0, mc1 + 1)]
        for r, c in targets:
            key = (ws.title, r, c)
            if key not in filled or f.severity.rank > filled[key].rank:
                filled[key] = f.severity
    for (sheet, r, c), sev in filled.items():
        colour = SEVERITY_FILL[sev]
        wb[sheet].cell(row=r, column=c).fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
    for (sheet, r, c), cell_findings in by_cell.items():
        cell = wb[sheet].cell(row=r, column=c)
        lines = [f"[{f.code}] {SEVERITY_ZH[f.severity]}：{f.message}" for f in cell_findings]
        text = "perfxl 校验：\n" + "\n".join(lines)
        if cell.comment is not None and cell.comment.text and "perfxl 校验：" not in cell.comment.text:
            text = cell.comment.text.rstrip() + "\n——\n" + text
        note = Comment(text, "perfxl")
        note.width, note.height = 320, min(60 + 40 * len(lines), 400)
        cell.comment = note
    _add_result_sheet(wb, findings)
    return len(filled)


def _add_result_sheet(wb, findings: Sequence[Finding]) -> None:
    """Append (or replace our earlier) 校验结果 sheet: one row per finding, cells linked."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    name = RESULT_SHEET
    if name in wb.sheetnames:
        if wb[name]["A1"].value == RESULT_TITLE:
            del wb[name]
        else:  # a user's own sheet of that name: keep it, use another name
            n = 2
            while f"{RESULT_SHEET}({n})" in wb.sheetnames:
                n += 1
            name = f"{RESULT_SHEET}({n})"
    ws = wb.create_sheet(name)
    counts = Counter(f.severity for f in findings)
    ws["A1"] = RESULT_TITLE
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = (
        f"错误 {counts[Severity.ERROR]} 个，警告 {counts[Severity.WARNING]} 个，提示 {counts[Severity.INFO]} 个。"
        "点击“单元格”列可跳到对应单元格；标色：红=错误，黄=警告，蓝=提示。"
    )
    header = ("序号", "级别", "代码", "工作表", "单元格", "问题说明", "应为", "实际")
    for c, h in enumerate(header, 1):
        cell = ws.cell(row=4, column=c, value=h)
        cell.font = Font(bold=True)
        cell.fill = PatternFill(fill_type="solid", start_color="D9D9D9", end_color="D9D9D9")
    order = sorted(findings, key=lambda f: (f.sheet or "", f.ref.row if f.ref and _is_a1(f.ref.cell) else 0, f.code))
    for i, f in enumerate(order, 1):
        row = 4 + i
        values = (i, SEVERITY_ZH[f.severity], f.code, f.sheet or "", f.cell or "", f.message, f.expected or "", f.actual or "")
        for c, v in enumerate(values, 1):
            ws.cell(row=row, column=c, value=_safe_text(v) if isinstance(v, str) else v)
        colour = SEVERITY_FILL[f.severity]
        ws.cell(row=row, column=2).fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
        if f.ref is not None and f.ref.sheet in wb.sheetnames and _is_a1(f.ref.cell):
            link = ws.cell(row=row, column=5)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{_quote_sheet(f.ref.sheet)}!{f.ref.first_cell}", display=f.cell)
            link.font = Font(color="0563C1", underline="single")
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=5, max_col=8):
        for cell in row:
            cell.alignment = wrap
        # Spreadsheet apps do not grow rows for wrapped text on load: size them (≈2 columns per CJK char).
        lines = max(1, -(-_display_width(row[5].value) // 54), *(-(-_display_width(c.value) // 18) for c in row[6:8]))
        ws.row_dimensions[row[0].row].height = 15 * lines
    ws.merge_cells("A2:H2")
    ws["A2"].alignment = wrap
    ws.row_dimensions[2].height = 30
    for col, width in zip("ABCDEFGH", (6, 6, 7, 20, 9, 56, 20, 20)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A5"
    ws.print_title_rows = "4:4"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _display_width(value: object) -> int:
    """Columns a text needs: 2 per CJK/full-width character, 1 otherwise."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(value or ""))


def _is_a1(ref: str) -> bool:
    try:
        _cells_of(ref)
        return True
    except ValueError:
        return False


def _with_cached_results(original: bytes, wb) -> bytes:
    """Save `wb` with the cached results of formulas copied back from the original
    (perfxl.io.cached_values): openpyxl drops them, so the copy would show no values until recalculated.

    Recalculation on open stays as the original had it (openpyxl would otherwise switch it on for
    every file), and is added only when the original had formulas without a cached result. Forcing
    it would make Excel without the perfxl add-in turn every PERF_* cell into #NAME? (the .xlsm
    template is built without it for that reason) and mark the copy as changed on open.
    """
    from perfxl.io.cached_values import restore_cached_values

    def saved() -> bytes:
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    wb.calculation.fullCalcOnLoad = True if _recalcs_on_load(original) else None
    data = saved()
    try:
        result = restore_cached_values(original, data)
    except Exception:  # an odd package: keep openpyxl's copy and let Excel recalculate  # noqa: BLE001
        wb.calculation.fullCalcOnLoad = True
        return saved()
    if result.uncached and not wb.calculation.fullCalcOnLoad:
        wb.calculation.fullCalcOnLoad = True
        return restore_cached_values(original, saved()).data
    return result.data


def _recalcs_on_load(original: bytes) -> bool:
    """Whether the original workbook asks Excel for a full recalculation when opened."""
    try:
        with zipfile.ZipFile(io.BytesIO(original)) as zf:
            xml = zf.read("xl/workbook.xml")
    except (KeyError, zipfile.BadZipFile):
        return False
    return re.search(rb'<calcPr\b[^>]*\bfullCalcOnLoad="(?:1|true)"', xml) is not None


def _write_atomic(dest: Path, data: bytes, *, force: bool, backup: bool) -> Path | None:
    """Hand the bytes to the guard's atomic writer; returns the backup path when one was made."""
    from perfxl.io.atomic import atomic_write, backup_path

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
    try:
        import openpyxl

        wb = openpyxl.load_workbook(
            io.BytesIO(original), keep_vba=src.suffix.lower() == ".xlsm", keep_links=True, rich_text=True
        )
    except Exception as exc:  # openpyxl raises many types for broken files
        raise UnreadableWorkbook(
            f"openpyxl 无法打开此工作簿，未生成批注副本：{type(exc).__name__}",
            f"openpyxl cannot open the workbook: {exc}",
            path=str(src),
        ) from None
    marked = mark_workbook(wb, findings)
    data = _restore_ribbon(original, _with_cached_results(original, wb))
    warnings = tuple(_loss_warnings(_inventory(original), _inventory(data)))
    backup = _write_atomic(dest, data, force=force, backup=in_place)
    return AnnotateResult(path=dest, backup=backup, marked_cells=marked, findings=len(findings), warnings=warnings)

