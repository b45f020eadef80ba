"""A small table printed beside the form, two empty columns or more right of it, cut off the sheet before reading.

Some units print a list of their own beside the form — 序号 │ 佐证材料名称 over 1 │ 项目实施方案, 2 │ 资金拨付凭证 … —
a few rows high, two empty columns or more right of the form's last column. Read with the form, its cells joined the
form's rows: beside the title the title row had five cells, beside a funds line "资金金额 │ 年度资金总额 │ (空)" the
line had a figure "3" more and no longer read as the block's total (adv28, probe_variants `side_table_top`: 12
findings lost over 7 tables — the funds sum, the weights, the 三公 rates). A reader of the printed sheet sees two
tables. So the sheet is read without it, and the list is named as unread (coverage, never silence).

Only where it is certain to be another table: a run of two or more columns empty in every row (no value, no merged
range over them) with the form left of it, and right of it a table — two columns or more on two rows or more, at
most `_MOST_ROWS`, one run of rows, under two thirds of the form's rows (a lone note past the form's edge, "单位：万元",
stays the form's). Columns are cut on the right only, so every cell left keeps its place (findings point at
the same cells).
"""

from __future__ import annotations

import dataclasses
import re
from itertools import compress

from perfxl.grid import Grid
from perfxl.model import Finding, Severity

from . import headers as H
from .findings import unmapped_rows

#: The rows a list printed beside the form may take (序号 │ 佐证材料名称 and a few lines).
_MOST_ROWS = 10
#: Empty columns between the form and the list: one empty column is a spacer inside a form (adv27).
_GAP = 2
#: A unit line ("单位：元", "金额单位:万元"): the form's note wherever it is printed, never a list's cell.
_UNIT_LINE = re.compile(r"^\s*(?:金额|货币)?单位\s*[:：]")


def _unit_line(value: object) -> bool:
    return isinstance(value, str) and bool(_UNIT_LINE.match(value)) and bool(H.money_unit_in(value))


def _used_columns(grid: Grid) -> set[int] | None:
    """Columns holding a value on some row or under a merged range; None when every column does (nothing to cut)."""
    width = grid.n_cols
    used: set[int] = set()
    for row in grid.rows:
        used.update(compress(range(len(row)), row))  # (truthy values; a 0 or a False is tested below)
        if len(used) == width:
            return None
    for _, c0, _, c1 in grid.merged:
        used.update(range(c0, c1 + 1))
    return used if len(used) < width else None


def _gap(grid: Grid, used: set[int]) -> tuple[int, int] | None:
    """(first, last) column of the first run of `_GAP` or more empty columns with used columns on both sides."""
    width = grid.n_cols
    first_used = min(used, default=width)
    c = first_used
    while c < width:
        if c in used:
            c += 1
            continue
        end = c
        while end + 1 < width and end + 1 not in used:
            end += 1
        empty = all(grid.raw(r, k) is None for k in range(c, end + 1) for r in range(grid.n_rows))
        if end + 1 < width and end - c + 1 >= _GAP and empty:
            return c, end
        c = end + 1
    return None


def _listed_texts(row: list, r: int, stop: int, units: dict[tuple[int, int], object]) -> list[str]:
    """The texts of row `r` right of column `stop` but its unit lines: what the list beside holds on that row."""
    return [str(v).strip() for c, v in enumerate(row) if c > stop and v not in (None, "") and (r, c) not in units]


def cut_beside(grid: Grid) -> tuple[Grid, Finding | None]:
    """`grid` without a small table printed beside the form (this module's docstring), and the finding naming it as
    unread; `grid` itself and None when it has none."""
    used = _used_columns(grid)
    gap = _gap(grid, used) if used is not None else None
    if used is None or gap is None:
        return grid, None
    start, stop = gap
    right = [r for r, row in enumerate(grid.rows) if any(v is not None and v != "" for v in row[stop + 1 :])]
    left = sum(1 for row in grid.rows if any(v is not None and v != "" for v in row[:start]))
    if (
        len(right) < 2
        or len(right) > _MOST_ROWS
        or right[-1] - right[0] + 1 != len(right)
        or 3 * len(right) > 2 * left
        or len({c for c in used if c > stop}) < 2
    ):
        return grid, None  # one cell or line out there (a 单位：万元 note past the form's edge) is the form's own
    if any(c0 < start <= c1 or c0 <= stop < c1 for _, c0, _, c1 in grid.merged):
        return grid, None
    last = max(len(row) for row in grid.rows) - 1
    # a unit line printed out there ("单位：元" two columns past the form, 汉阴 2022) stays the form's note, in place
    units = {(r, c): v for r in right for c, v in enumerate(grid.rows[r]) if c > stop and _unit_line(v)}
    listed = [(r, texts) for r in right if (texts := _listed_texts(grid.rows[r], r, stop, units))]
    if not listed:
        return grid, None
    finding = unmapped_rows(
        grid,
        listed[0][0],
        listed[-1][0],
        stop + 1,
        last,
        " | ".join(listed[0][1])[:120],
        Severity.INFO,
        "表格右侧隔空列另印的小表",
    )
    rows = [row[:start] for row in grid.rows]
    for (r, c), v in units.items():
        rows[r] = [*rows[r], *[""] * (c - len(rows[r])), v]
    cut = dataclasses.replace(
        grid,
        rows=rows,
        merged=tuple(m for m in grid.merged if m[3] < start),
        formulas={k: v for k, v in grid.formulas.items() if k[1] < start},
        uncached=frozenset(k for k in grid.uncached if k[1] < start),
        errors={k: v for k, v in grid.errors.items() if k[1] < start},
    )
    return cut, finding
