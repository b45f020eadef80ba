"""Read a submitted workbook into the typed model: file → Grids (perfxl.io) → tables (perfxl.layout).

`read_submission` raises UnreadableWorkbook only when the file itself cannot be opened; anything
inside the workbook that cannot be mapped becomes a Finding in `Submission.problems`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from .grid import Grid, without_invisible
from .io import source
from .layout.beside import cut_beside
from .layout.detect import read_sheet
from .layout.findings import WORKBOOK, Container, container
from .layout.formulas import resolve_uncached
from .layout.hidden_cells import without_hidden_helpers
from .model import BasicData, CellRef, Coverage, Finding, Severity, SheetCoverage, Submission

if TYPE_CHECKING:
    from perfxl.profiles import ProfileLike

__all__ = ["read_submission", "read_grids", "error_value_findings"]


def read_submission(path: str | Path, profile: ProfileLike = None, *, formulas: bool = False) -> Submission:
    """Open `path` (.xlsx/.xlsm/.xls/.xlsb/.ods, and HTML or SpreadsheetML 2003 saved as .xls) and map its tables;
    a report document (.docx/.pdf/.doc) goes to perfxl.document (tables and narrative).

    `formulas=True` also loads every formula's text (openpyxl pass) into CellValue.formula; by
    default formulas are loaded only for cells without a cached value. `profile` is accepted for
    reader options to come and is not used yet. `coverage.source_format` says what the file really was.
    """
    # lazy: import cycle (perfxl.document.read imports perfxl.reader at load), also below
    from .document.read import is_document

    if is_document(path):  # a 自评报告 (.docx/.pdf/.doc): tables as Grids, paragraphs as the narrative
        from .document.read import read_document

        return read_document(path, profile)
    opener = getattr(source, "open_source", None)
    if opener is not None:
        grids, file_findings, source_format = opener(path, need_formulas=formulas)
    else:  # pragma: no cover - an older io.source without the dispatch
        grids, file_findings = source.open_checked(path, need_formulas=formulas)
        source_format = Path(path).suffix.lower().lstrip(".")
    sub = read_grids(grids, str(path), source_format=source_format)
    if file_findings:
        sub = dataclasses.replace(sub, problems=tuple(file_findings) + sub.problems)
    return sub


#: Sources whose tables are a report's (a Word/PDF table prints no list beside it in spare columns).
_DOCUMENTS = ("docx", "doc", "pdf")


def read_grids(grids: list[Grid], path: str = "", *, source_format: str = "", year: str = "") -> Submission:
    """Map already-opened Grids (from any source: a file, a live book, a test) to a Submission.

    Besides the tables, the Submission's `coverage` lists every sheet's kind, each table's rows as
    runs by kind, and the checks that cannot run on a table lacking their columns. `year`: a report's year (the one
    its narrative names most), which of two tables of one kind is read when their captions name years (`_this_years`).
    """
    # the one place a sheet's cell texts are made clean: invisible format characters dropped (`grid.INVISIBLE`)
    grids, problems = resolve_uncached([without_invisible(g) for g in grids])
    # a hidden helper column beside the form (working figures) is not one of its columns (read29)
    grids = [without_hidden_helpers(g) if g.hidden_cols else g for g in grids]
    if source_format not in _DOCUMENTS:  # a sheet's small table printed beside the form: not the form's (adv28)
        cuts = [cut_beside(g) for g in grids]
        grids = [g for g, _ in cuts]
        problems.extend(f for _, f in cuts if f is not None)
    words = container(source_format)  # a report's tables are no workbook's sheets: the notices say which
    for grid in grids:
        problems.extend(error_value_findings(grid))
    evaluations = []
    declarations, monitoring, sheets, tables, skipped = [], [], [], [], []
    sum_tables = []
    basic = None
    for grid in grids:
        try:
            layout = read_sheet(grid, source_format=source_format)
        except Exception as exc:  # safety net: one odd sheet must not stop the others
            problems.append(
                Finding(
                    "LAYOUT_SHEET_ERROR",
                    Severity.ERROR,
                    CellRef(grid.name, "A1"),
                    f"读取{words.sheet_zh}“{grid.name}”时出错（{type(exc).__name__}），该表未读入；请报告此问题。",
                    f"Reading {words.sheet_en} '{grid.name}' failed ({type(exc).__name__}: {exc}); it was skipped.",
                )
            )
            sheets.append(
                SheetCoverage(
                    grid.name,
                    "other",
                    certain=False,
                    read=False,
                    note_zh="读取出错，未读入",
                    note_en=f"reading failed: {type(exc).__name__}",
                )
            )
            continue
        evaluations.extend(layout.evaluations)
        declarations.extend(layout.declarations)
        monitoring.extend(layout.monitoring)
        sum_tables.extend(layout.sum_tables)
        tables.extend(layout.tables)
        skipped.extend(layout.skipped)
        if layout.sheet is not None:
            sheets.append(layout.sheet)
        problems.extend(layout.problems)
        if layout.basic is not None:
            if basic is not None and _this_years(layout.basic, basic, year):
                # last year's table printed first: this year's is read, the other named as not read
                problems.append(_extra_table(words, basic.sheet, layout.basic))
                basic = _with_staffing(layout.basic, basic)
            elif basic is None or _rank(layout.basic) > _rank(basic):
                # a 基础数据表 wins over a “三公”经费 table, and either over a 基本概况 table's staffing line, silently
                basic = _with_staffing(layout.basic, basic)
            elif _overview(layout.basic) or _rank(layout.basic) < _rank(basic):
                basic = _with_staffing(basic, layout.basic)
            else:
                problems.append(_extra_table(words, grid.name, basic))
    # a workbook of one sheet whose own notice already says it holds no table: not said twice (with more
    # sheets the workbook-wide notice stays: it says nothing in the whole file was read)
    visible = [g for g in grids if not g.hidden]
    said = len(visible) == 1 and any(p.code == "LAYOUT_NO_TABLE" for p in problems)
    if not evaluations and basic is None and not declarations and not monitoring and not sum_tables and not said:
        first = next((g.name for g in grids if not g.hidden), grids[0].name if grids else "")
        problems.append(
            Finding(
                "LAYOUT_NO_TABLE",
                Severity.WARNING,
                CellRef(first, "A1"),
                f"{words.file_zh}{'' if words is WORKBOOK else '的表格'}中没有找到可识别的自评表或基础数据表"
                "（按表头文字“三级指标”“年度指标值”“全年执行数”等识别）。",
                f"No recognisable self-evaluation or basic-data table in the {words.file_en} (found by header labels).",
            )
        )
    problems = [dataclasses.replace(p, file=p.file or path) if path else p for p in cap_repeats(problems)]
    coverage = Coverage(source_format, tuple(sheets), tuple(tables), tuple(skipped))
    return Submission(
        path,
        tuple(evaluations),
        basic,
        tuple(problems),
        coverage=coverage,
        declarations=tuple(declarations),
        monitoring=tuple(monitoring),
        sum_tables=tuple(sum_tables),
    )


def _overview(basic: BasicData) -> bool:
    """A BasicData read from a 基本概况 table's staffing line only (`perfxl.layout.overview`)."""
    return basic.staffing is not None and basic.staffing.overview


def _rank(basic: BasicData) -> int:
    """Which of two BasicData a file keeps: a 基础数据表 (2) over a “三公”经费 table (1) over a 基本概况 line (0)."""
    return 0 if _overview(basic) else 1 if basic.source == "three_public" else 2


def _extra_table(words: Container, unread: str, kept: BasicData) -> Finding:
    """LAYOUT_EXTRA_TABLE at the sheet not read: two tables of one kind (equal rank), named as messages name them."""
    what = kept.table_name
    return Finding(
        "LAYOUT_EXTRA_TABLE",
        Severity.WARNING,
        CellRef(unread, "A1"),
        f"{words.file_zh}中有多张{what[0]}，只读取了“{kept.sheet}”中的那一张。",
        f"The {words.file_en} holds more than one {what[1]}; only the one in '{kept.sheet}' was read.",
    )


def _this_years(new: BasicData, kept: BasicData, year: str) -> bool:
    """True when `new` is a table of the same kind as `kept` whose caption names the report's `year` (the one its
    narrative names most) where `kept`'s names another: a report printing last year's 三公 table before this year's
    keeps this year's (review15: the first was read and every figure of the year's narrative was a false N01 错误
    against last year's); next year's 预算 table after it is not taken for it."""
    return _rank(new) == _rank(kept) and bool(year) and new.year_above == year and kept.year_above not in ("", year)


def _with_staffing(kept: BasicData, other: BasicData | None) -> BasicData:
    """`kept`, with the staffing of `other` when `kept` is a 三公 table without one (beside a 基本概况 line: both read;
    a 基础数据表 keeps its own reading, as before)."""
    if kept.source == "three_public" and kept.staffing is None and other is not None and other.staffing is not None:
        return dataclasses.replace(kept, staffing=other.staffing)
    return kept


#: Error cells reported one by one per sheet; more are summed up in one finding.
MAX_ERROR_FINDINGS = 20
#: Reader findings of one code on one sheet reported one by one; more are summed up in one finding,
#: so an export with 25,000 filler rows gives a readable report (and bounded memory), not a flood.
MAX_SAME_FINDINGS = 20


def cap_repeats(problems: list[Finding], limit: int = MAX_SAME_FINDINGS) -> list[Finding]:
    """The reader's findings with at most `limit` of each (code, sheet); the rest become one finding
    at the first omitted place that says how many more there are."""
    seen: dict[tuple[str, str | None], int] = {}
    extra: dict[tuple[str, str | None], tuple[Finding, int]] = {}
    out: list[Finding] = []
    for p in problems:
        key = (p.code, p.sheet)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= limit:
            out.append(p)
        else:
            first, n = extra.get(key, (p, 0))
            extra[key] = (first, n + 1)
    for (code, _), (first, n) in extra.items():
        out.append(
            dataclasses.replace(
                first,
                message=f"本表另有 {n} 处同类问题（{code}，自此处起），不再逐一列出。",
                message_en=f"{n} more findings of {code} on this sheet (from here on), not listed one by one.",
                expected=None,
                actual=str(n),
            )
        )
    return out


def error_value_findings(grid: Grid) -> list[Finding]:
    """READ_ERROR_VALUE at each cell holding an Excel error value (#DIV/0!, #REF! …): a broken
    formula is named as such, never read as a blank or a number."""
    cells = sorted(grid.errors.items())
    out = [
        Finding(
            "READ_ERROR_VALUE",
            Severity.ERROR,
            grid.ref(r, c),
            f"单元格为 Excel 错误值 {text}（公式出错或引用失效），未按数值读取；请修正公式或填写数值。",
            f"The cell holds the Excel error value {text} (a broken formula); it was not read as a value.",
            actual=text,
        )
        for (r, c), text in cells[:MAX_ERROR_FINDINGS]
    ]
    if len(cells) > MAX_ERROR_FINDINGS:
        (r, c), _ = cells[MAX_ERROR_FINDINGS]
        rest = len(cells) - MAX_ERROR_FINDINGS
        out.append(
            Finding(
                "READ_ERROR_VALUE",
                Severity.ERROR,
                grid.ref(r, c),
                f"本表另有 {rest} 个单元格为 Excel 错误值（自此单元格起），请逐一修正。",
                f"{rest} more cells of this sheet hold Excel error values (from this cell on).",
                actual=str(rest),
            )
        )
    return out
