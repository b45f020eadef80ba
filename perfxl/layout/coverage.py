"""Coverage of one sheet: what each table's rows were read as (runs of rows by kind, O(rows), no
per-cell objects). Which checks cannot run on a table is `perfxl.skips` (the check runner asks it too).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import RowRun, TableCoverage, a1

__all__ = ["row_runs", "table_coverage"]


def row_runs(marks: Iterable[tuple[int, str]]) -> tuple[RowRun, ...]:
    """0-based (row, kind) marks in row order → 1-based runs of consecutive rows of one kind."""
    runs: list[RowRun] = []
    kind, first, last = "", -1, -2
    for r, what in marks:
        if what == kind and r == last + 1:
            last = r
            continue
        if kind:
            runs.append(RowRun(kind, first + 1, last + 1))
        kind, first, last = what, r, r
    if kind:
        runs.append(RowRun(kind, first + 1, last + 1))
    return tuple(runs)


def table_coverage(
    sheet: str, kind: str, marks: list[tuple[int, str]], n_cols: int, has_total_row: bool | None, name: str = ""
) -> TableCoverage:
    """One table: its A1 range (first to last row read, all columns) and its rows by kind; `name` its own name where
    the kind's is not it (a “三公”经费 table read as a 基础数据表's rows)."""
    rng = ""
    if marks:
        rng = f"A{marks[0][0] + 1}:{a1(marks[-1][0] + 1, max(n_cols, 1))}"
    return TableCoverage(sheet, kind, rng, row_runs(marks), has_total_row, name)
