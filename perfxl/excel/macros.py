"""The 校验 / 复核得分 / 清除标记 macros, written against the xlwings `Book` API only.

One code path serves a live Windows/Mac workbook (`RunPython` → `run_validate()`), an Office.js
payload (xlwings Server/Lite → `xw.Book(json=payload)`) and tests. Reads are one call per sheet
(its used range); writes are one action per marked cell plus one block for the 校验结果 sheet.
The user's values are never written: marks are fills, notes, perfxl's own 校验结果 sheet and its
own perfxl复核得分 column. A remote book cannot read fills, so perfxl finds its previous marks
from its own state: the 校验结果 sheet lists every cell it marked and whether it added the note.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from typing import Any

from perfxl.errors import PerfxlError
from perfxl.grid import Grid
from perfxl.marks import SEVERITY_FILL, Bounds, plan_marks
from perfxl.model import Finding, Severity, Submission, a1
from perfxl.profiles import load_profile
from perfxl.reader import read_grids
from perfxl.report._common import coverage_lines
from perfxl.rules.context import Context
from perfxl.validate import validate_submission
from perfxl.workbook.shape import STANDARD as STANDARD_HEADERS

from .result_sheet import (
    RESULT_HEADER,
    RESULT_SHEET,
    RESULT_TITLE,
    Mark,
    drop_result_sheet,
    is_own_result_sheet,
    order_key,
    previous_marks,
    result_rows,
    write_result_sheet,
)
from .xlsm_build import CONF_SHEET as _CONF_SHEET  # the xlwings.conf sheet the workbook build writes
from .xlsm_build import PROFILE_KEY as _PROFILE_KEY

__all__ = [
    "SCORE_HEADER",
    "RESULT_HEADER",
    "RESULT_SHEET",
    "RESULT_TITLE",
    "Mark",
    "book_grids",
    "check_book",
    "previous_marks",
    "validate",
    "score",
    "clear",
    "run_validate",
    "run_score",
    "run_clear",
    "run_and_alert",
]

#: Header of perfxl's own column of recomputed scores (written beside the user's 得分, never over it);
#: the same header the workbook generator gives its check column.
SCORE_HEADER = STANDARD_HEADERS["check"]


# ---------------------------------------------------------------- reading the book


def _sheet_matrix(sheet) -> list[list[Any]]:
    """The sheet's values from A1 to the end of its used range, in one read."""
    rng = sheet.used_range
    values = rng.options(ndim=2).value or [[]]
    r0, c0 = rng.row - 1, rng.column - 1
    if r0 or c0:
        values = [[None] * c0 + list(row) for row in values]
        values = [[] for _ in range(r0)] + values
    return [list(row) for row in values]


def _score_column(rows: list[list[Any]]) -> tuple[int, int] | None:
    """(row, col) 0-based of perfxl's 复核得分 header in a sheet, if it has one."""
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v == SCORE_HEADER:
                return r, c
    return None


def book_grids(book) -> tuple[list[Grid], dict[str, list[list[Any]]]]:
    """Grids of the user's sheets (perfxl's own sheet, its score column and xlwings.conf left out).

    Returns the grids and the raw rows of every sheet (perfxl's included) for the state lookups.
    The remote engine sends no merged ranges, so grids carry none; the reader copes with
    forward-filled labels either way.
    """
    grids, raw = [], {}
    for sheet in book.sheets:
        rows = _sheet_matrix(sheet)
        raw[sheet.name] = rows
        if sheet.name == _CONF_SHEET or is_own_result_sheet(sheet.name, rows):
            continue
        own = _score_column(rows)
        if own is not None:
            rows = [[None if c == own[1] else v for c, v in enumerate(row)] for row in rows]
        try:
            hidden = not sheet.visible
        except Exception:  # engines without the property: treat as visible
            hidden = False
        grids.append(Grid(sheet.name, rows, hidden=hidden))
    return grids, raw


def _profile_name(raw: dict[str, list[list[Any]]]) -> str | None:
    for row in raw.get(_CONF_SHEET, []):
        if len(row) > 1 and row[0] == _PROFILE_KEY and isinstance(row[1], str) and row[1].strip():
            return row[1].strip()
    return None


def check_book(book, profile=None, *, read=None):
    """(submission, findings, profile) for the book: the same reader, rules and profile as the CLI.

    `read` is a `book_grids(book)` result already at hand (so a macro reads each sheet once).
    """
    grids, raw = read if read is not None else book_grids(book)
    if profile is None or isinstance(profile, str):
        profile = load_profile(profile or _profile_name(raw))
    submission = read_grids(grids, book.name)
    context = Context(submission, profile)
    findings = validate_submission(submission, profile, context=context)
    # the checks that could not run join the reader's coverage, as validate_file does, for the 读取范围 rows
    coverage = dataclasses.replace(submission.coverage, skipped=submission.coverage.skipped + tuple(context.skipped))
    return dataclasses.replace(submission, coverage=coverage), findings, profile


# ---------------------------------------------------------------- writing marks


def _merge_lookup(book) -> Any:
    """merge_of(sheet, row, col) for the plan of marks: the live merged area, None where the book
    cannot tell (a remote Office.js book cannot read merges synchronously)."""

    def merge_of(sheet: str, row: int, col: int) -> Bounds | None:
        try:
            area = book.sheets[sheet].range((row, col)).merge_area
            if area.count > 1:
                return (area.row, area.column, area.last_cell.row, area.last_cell.column)
        except Exception:  # the remote engine cannot read merges
            pass
        return None

    return merge_of


def _has_note(rng) -> bool:
    try:
        return rng.note is not None
    except Exception:
        return False


def _unmark(book, marks: Sequence[Mark]) -> None:
    names = {s.name for s in book.sheets}
    for m in marks:
        if m.sheet not in names:
            continue
        rng = book.sheets[m.sheet].range(m.cell)
        rng.color = None
        if m.noted and _has_note(rng):
            rng.note.delete()


def _mark(book, findings: Sequence[Finding]) -> dict[tuple[str, str], Mark]:
    """Apply the plan of marks (perfxl.marks): fill cells by severity and note each anchor cell;
    returns the marks by (sheet, cell). A user's own note is kept; the 校验结果 sheet lists the finding."""
    plan = plan_marks(findings, [s.name for s in book.sheets], _merge_lookup(book))
    for (sheet, r, c), sev in plan.fills.items():
        book.sheets[sheet].range((r, c)).color = "#" + SEVERITY_FILL[sev]
    noted: set[tuple[str, str]] = set()
    for key in plan.notes:
        sheet, cell = key[0], a1(key[1], key[2])
        rng = book.sheets[sheet].range(cell)
        if _has_note(rng):
            continue
        try:
            rng.add_note(plan.note(key))
            noted.add((sheet, cell))
        except NotImplementedError:  # an Office.js client without notes support
            pass
    return {(s, a1(r, c)): Mark(s, a1(r, c), sev, (s, a1(r, c)) in noted) for (s, r, c), sev in plan.fills.items()}


def summary_line(findings: Sequence[Finding], marked: int) -> str:
    """One line for finance staff: counts by severity and cells marked."""
    c = Counter(f.severity for f in findings)
    if not findings:
        return "perfxl 校验完成：未发现问题。"
    return (
        f"perfxl 校验完成：错误 {c[Severity.ERROR]} 个，警告 {c[Severity.WARNING]} 个，提示 {c[Severity.INFO]} 个，"
        f"已标出 {marked} 个单元格，详见“{RESULT_SHEET}”工作表。"
    )


# ---------------------------------------------------------------- the macros


def validate(book, profile=None) -> str:
    """校验: clear perfxl's previous marks, mark every finding's cell, write 校验结果; return the summary."""
    read = book_grids(book)
    raw = read[1]
    old = previous_marks(raw)
    submission, findings, _ = check_book(book, profile, read=read)
    _unmark(book, old)
    drop_result_sheet(book, raw)
    marks = _mark(book, findings)
    summary = summary_line(findings, len(marks))
    order = sorted(findings, key=order_key)
    rows = result_rows(order, marks, coverage=coverage_lines(submission.coverage))
    sheet = write_result_sheet(book, rows, [f.severity for f in order])
    sheet.activate()
    return summary


def clear(book) -> str:
    """清除标记: remove perfxl's fills, notes, 校验结果 sheet and 复核得分 column; nothing else."""
    _, raw = book_grids(book)
    old = previous_marks(raw)
    _unmark(book, old)
    drop_result_sheet(book, raw)
    cleared = 0
    for sheet in book.sheets:
        rows = raw.get(sheet.name, [])
        own = _score_column(rows)
        if own is not None:
            r, c = own
            sheet.range((r + 1, c + 1), (len(rows), c + 1)).clear_contents()
            cleared += 1
    return f"perfxl 已清除 {len(old)} 个标记单元格" + (f"和 {cleared} 列复核得分。" if cleared else "。")


def score(book, profile=None) -> str:
    """复核得分: write perfxl's recomputed indicator scores into its own column beside the table.

    Rows perfxl cannot score show the reason; blank rows stay blank. A sheet gets the column only
    when there is something to write or an earlier perfxl column to refresh.
    """
    grids, raw = book_grids(book)
    prof = (
        profile if profile is not None and not isinstance(profile, str) else load_profile(profile or _profile_name(raw))
    )
    submission = read_grids(grids, book.name)
    ctx = Context(Submission(path=""), prof)
    written = 0
    for ev in submission.evaluations:
        ctx.evaluation = ev
        rows = raw.get(ev.sheet, [])
        scored = [(ind, ind.score.located()) for ind in ev.indicators if ind.score.sheet is not None]
        if not scored:
            continue
        first = min(ref.row for _, ref in scored)
        column: list[list[Any]] = [[None] for _ in range(first, max(ref.row for _, ref in scored) + 1)]
        for ind, ref in scored:
            column[ref.row - first][0] = _recomputed(ctx, ind)
        values = sum(1 for (v,) in column if v is not None)
        own = _score_column(rows)
        if own is None and not values:
            continue
        header_row, col = own if own is not None else (first - 2, max((len(r) for r in rows), default=0))
        sheet = book.sheets[ev.sheet]
        sheet.range((header_row + 1, col + 1)).value = SCORE_HEADER
        sheet.range((first, col + 1)).value = column
        written += values
    return f"perfxl 已在“{SCORE_HEADER}”列写入 {written} 个复核得分（您填写的得分未改动）。"


def _recomputed(ctx, ind) -> Any:
    """perfxl's score of one indicator row: a number, the reason it cannot be scored, or None (blank row)."""
    if ind.target.is_blank and ind.actual.is_blank:
        return None
    res = ctx.score(ind)
    if res is None:
        return None if ind.weight.is_blank else "分值不是数字"
    return float(res.score) if res.score is not None else (res.error or "无法计分")


# ---------------------------------------------------------------- RunPython entry points (excel/vba/perfxl.bas)


def run_and_alert(book, macro) -> str:
    """Run a macro on `book` and show its one-line result (or a zh reason) in a message box."""
    try:
        message = macro(book)
    except Exception as exc:  # show a message box, never a traceback
        message = f"perfxl 未能完成：{exc.message if isinstance(exc, PerfxlError) else exc}"
    book.app.alert(message, title="perfxl")
    return message


def _run(macro) -> None:
    # lazy: xlwings (the `excel` extra, may be absent; ~1.4 s cold with pandas/numpy) only inside Excel
    import xlwings as xw

    run_and_alert(xw.Book.caller(), macro)


def run_validate() -> None:
    """Ribbon 校验 button (RunPython)."""
    _run(validate)


def run_score() -> None:
    """Ribbon 复核得分 button (RunPython)."""
    _run(score)


def run_clear() -> None:
    """Ribbon 清除标记 button (RunPython)."""
    _run(clear)
