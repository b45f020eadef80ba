"""Findings the layout emits when it cannot map something: where, what, in Chinese and English."""

from __future__ import annotations

from typing import Any

from ..grid import Grid
from ..model import CellRef, Finding, Severity

__all__ = ["unmapped_row", "missing_columns", "COLUMN_NAMES"]

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
    ref = grid.ref(r, cells[0][0])
    if len(cells) > 1:
        ref = CellRef(grid.name, f"{ref.cell}:{grid.ref(r, cells[-1][0]).cell}")
    return Finding(
        "LAYOUT_UNMAPPED_ROW",
        severity,
        ref,
        f"{table}中无法识别的内容，未读入：{text}",
        f"Content not mapped ({table}): {text}",
        actual=text,
    )


def missing_columns(grid: Grid, r: int, placed: dict[str, int], table: str) -> list[Finding]:
    """LAYOUT_MISSING_COLUMN for each missing column, at header row r in the column where it is expected."""
    out = []
    for role, c in placed.items():
        zh = COLUMN_NAMES.get(role, role)
        ref = grid.ref(r, c)
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
