"""部门(单位)基本概况 / 单位基本情况 table → the staffing facts of a BasicData (编制 │ 实有).

A 部门整体支出绩效评价自评报告 (岳阳 form) opens with 一、部门(单位)基本概况: "联系人 │ … │ 人员编制 │ 128 │ 实有人数 │
185", label │ value pairs, several on a row. Those two figures are the 财政供养人员情况 of 财预〔2013〕53号 附件2, read
into the same `Staffing` the 基础数据表 gives, so the one 超编 check (B02) runs on them; marked `overview`, since such
a table does not say whether its 实有 counts only staff on the 编制.
"""

from __future__ import annotations

import math
from typing import Any

from ..grid import Grid
from ..model import BasicData, CellValue, Staffing
from ..patterns import lazy_compile
from ..units import lookup
from . import headers as H
from .cells import is_number, row_cells, row_labels, value_at
from .detect import RowKind

__all__ = ["read_overview"]

#: The overview table's heading, in a row above its staffing line or as that row's first cell.
_HEADING = ("基本概况", "基本情况")
_HEADING_STEM = "基本"
_ESTABLISHMENT = frozenset({"人员编制", "编制数", "编制人数", "核定编制", "核定编制数"})
_ACTUAL = frozenset({"实有人数", "在职人数", "实有在职", "实有在职人数", "实际在职人数"})
#: How far below its heading a staffing line may stand (the 岳阳 form: the next row).
_REACH = 6
_COUNT = lazy_compile(r"(\d{1,6})\s*(\S{0,2})")


def _count(value: Any) -> bool:
    """A head count as printed: a whole number, or its digits as text ("128"), or with the measure word of a count of
    people ("21人", "23名": perfxl.units' count words of one person each — not "2万人")."""
    if is_number(value):
        return math.isfinite(value) and bool(value == int(value)) and value >= 0  # inf/NaN: no head count
    m = _COUNT.fullmatch(value.strip()) if isinstance(value, str) else None
    if m is None:
        return False
    unit = lookup(m.group(2)) if m.group(2) else None
    return not m.group(2) or (unit is not None and unit.family == "count:人" and unit.factor == 1)


def _pairs(grid: Grid, r: int) -> dict[str, int]:
    """role → column of the value, for each "人员编制 │ N" / "实有人数 │ M" pair of row r."""
    cells = row_cells(grid, r)
    labels = dict(row_labels(grid, r))  # normalised once per row, as classify_row read them
    out: dict[str, int] = {}
    for i, (col, v) in enumerate(cells[:-1]):
        if not isinstance(v, str):
            continue
        label = H.strip_brackets(labels[col])
        role = "establishment" if label in _ESTABLISHMENT else "actual" if label in _ACTUAL else None
        c, value = cells[i + 1]
        if role and role not in out and _count(value):
            out[role] = c
    return out


def _heading(labels: list[tuple[int, str]]) -> bool:
    """A row of these `row_labels` holds a 基本概况/基本情况 heading."""
    for _, label in labels:  # asked of every row: a plain loop, no generator object a row
        if _HEADING_STEM in label:  # one look a label: the words' common start
            for word in _HEADING:
                if word in label:
                    return True
    return False


def read_overview(
    grid: Grid, kinds: list[RowKind], labels: list[list[tuple[int, str]]] | None = None
) -> tuple[BasicData, int] | None:
    """The first 基本概况 staffing line holding both 编制 and 实有 as label │ value pairs: (a BasicData with its
    `Staffing`, the row), or None. Header rows of a 自评表 or 基础数据表 are never such a line.

    A line counts only on a heading's row or within `_REACH` rows below it, so the headings are found first (one
    look at each row's labels) and only the rows they reach are read as pairs — not every row of a 10,000-row 自评表.
    `labels`: every row's `row_labels`, when the caller has them (`read_sheet`)."""
    if labels is None:
        labels = [row_labels(grid, r) for r in range(len(kinds))]
    reached: set[int] = set()
    for h, row in enumerate(labels):  # (`labels`: every row's, read_sheet's `scan_rows` — no `row_labels` call a row)
        if _heading(row):
            reached.update(range(h, h + _REACH + 1))
    for r in sorted(reached):
        if r >= len(kinds) or kinds[r] is not RowKind.OTHER:
            continue
        pairs = _pairs(grid, r)
        if len(pairs) < 2:
            continue
        staffing = Staffing(
            value_at(grid, r, pairs["establishment"]), value_at(grid, r, pairs["actual"]), CellValue(None, None), True
        )
        return BasicData(grid.name, staffing=staffing), r
    return None
