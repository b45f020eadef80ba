"""Findings the layout emits when it cannot map something: where, what, in Chinese and English."""

from __future__ import annotations

from typing import Any

from ..grid import Grid
from ..model import CellRef, Finding, Severity
from ..records import record

__all__ = ["unmapped_row", "unmapped_rows", "missing_columns", "COLUMN_NAMES", "Container", "container", "WORKBOOK"]


@record(frozen=True)
class Container:
    """What the reader's notices call the file and each grid of it: a workbook's sheets, a report's tables."""

    file_zh: str
    sheet_zh: str
    file_en: str
    sheet_en: str


WORKBOOK = Container("工作簿", "工作表", "workbook", "sheet")
_CONTAINERS = {
    "docx": Container("文档", "Word 表格", "document", "Word table"),
    "doc": Container("文档", "Word 表格", "document", "Word table"),
    "pdf": Container("PDF 文档", "PDF 表格", "PDF document", "PDF table"),
}


def container(source_format: str) -> Container:
    """The words for `coverage.source_format`'s file ("docx", "pdf" … ; a workbook, HTML or XML export otherwise):
    a Word report's grids are its tables ("Word 表格“表1”"), never the sheets of a workbook it does not have."""
    return _CONTAINERS.get(source_format, WORKBOOK)


COLUMN_NAMES = {
    "name": "三级指标",
    "target": "年度指标值",
    "actual": "实际完成值",
    "weight": "分值",
    "score": "得分",
    "deviation": "偏差原因分析及改进措施",
    "initial_budget": "年初预算数",
    "full_budget": "全年预算数",
    "executed": "全年执行数",
    "rate": "执行率",
}


def unmapped_row(grid: Grid, r: int, cells: list[tuple[int, Any]], severity: Severity, table: str) -> Finding:
    """LAYOUT_UNMAPPED_ROW for the given cells of row r (a range ref when there are several)."""
    text = " | ".join(str(v).strip() for _, v in cells)[:120]
    return unmapped_rows(grid, r, r, cells[0][0], cells[-1][0], text, severity, table)


def unmapped_rows(grid: Grid, r0: int, r1: int, c0: int, c1: int, text: str, severity: Severity, table: str) -> Finding:
    """LAYOUT_UNMAPPED_ROW over rows r0..r1 (0-based) and columns c0..c1: one finding for a run of rows perfxl
    could not map, naming the rows, with the first row's text."""
    ref = grid.ref(r0, c0)
    if (r0, c0) != (r1, c1):
        ref = CellRef(grid.name, f"{ref.cell}:{grid.ref(r1, c1).cell}")
    if r0 == r1:
        zh, en = f"{table}中无法识别的内容，未读入：{text}", f"Content not mapped ({table}): {text}"
    else:
        zh = f"{table}中第 {r0 + 1}–{r1 + 1} 行（共 {r1 - r0 + 1} 行）无法识别，未读入；首行：{text}"
        en = f"Rows {r0 + 1}-{r1 + 1} not mapped ({table}); first: {text}"
    return Finding("LAYOUT_UNMAPPED_ROW", severity, ref, zh, en, actual=text)


def _empty_column(grid: Grid, c: int, rows: range | None = None) -> bool:
    """Nothing is written in column c on the table's rows (it lies past the table's right edge)."""
    lines = grid.rows if rows is None else grid.rows[rows.start : rows.stop]
    return all(c >= len(row) or row[c] is None or not str(row[c]).strip() for row in lines)


def missing_columns(grid: Grid, r: int, placed: dict[str, int], table: str, rows: range | None = None) -> list[Finding]:
    """For each missing column, at header row r in the column where it is expected: LAYOUT_MISSING_COLUMN
    (警告) when that column holds values under a blank header — they are read from its position — and
    LAYOUT_ABSENT_COLUMN (提示) when the form has no such column at all: nothing is read, and the checks that
    need it are listed as not run (coverage), the form's design rather than the filer's mistake."""
    out = []
    for role, c in placed.items():
        zh = COLUMN_NAMES.get(role, role)
        ref = grid.ref(r, c)
        if _empty_column(grid, c, rows):
            out.append(
                Finding(
                    "LAYOUT_ABSENT_COLUMN",
                    Severity.INFO,
                    ref,
                    f"{table}表中没有“{zh}”列，依赖该列的检查未运行（见覆盖情况）。",
                    f"The {table} table has no {role} column; the checks that need it did not run (see coverage).",
                    expected=zh,
                    actual="（无此列）",
                )
            )
            continue
        out.append(
            Finding(
                "LAYOUT_MISSING_COLUMN",
                Severity.WARNING,
                ref,
                f"{table}表头中缺少列：{zh}（应在 {ref.cell}，该列按此位置读取）。",
                f"The {table} header lacks the column {role} (expected at {ref.cell}; that column is read as {role}).",
                expected=zh,
                actual="（空）",
            )
        )
    return out
