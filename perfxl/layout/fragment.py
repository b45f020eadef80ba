"""A headerless fragment: the rest of a 绩效指标 table whose header is on another page or sheet (a paginated repost,
a table split over sheets). perfxl finds tables by their header labels, so such rows stay unread; this names them so
the coverage says what they are instead of only "no recognisable table" — and, when their contents fit the split
指标性质 │ 指标值 │ 度量单位 template column for column (`template_columns`), says where each column is, so the rows
can be read as a guess: every finding on them is then a 警告 at most and says the columns were recognised from
their contents (财政部/四川 预算管理一体化 自评表 510000_0013zp: 一级 │ 二级 │ 三级指标 │ 指标性质 │ 指标值 │ 度量单位 │
完成值 │ 权重 │ 得分 │ 未完成原因分析)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set as AbstractSet
from decimal import Decimal

from ..grid import Grid
from ..numbers import HUNDRED, to_decimal
from ..skips import WHOLE_TABLE_CHECKS
from . import headers as H
from .cells import column_step, is_number, own, row_cells, spacer_columns

__all__ = [
    "headerless_indicator_rows",
    "indicator_like",
    "template_columns",
    "TEMPLATE_NOTE",
    "WHOLE_TABLE_CHECKS",
    "WHOLE_TABLE_REASON",
    "fragment_note",
]

#: 一级/二级 indicator names of the 10号 framework a 绩效指标 row carries in its group columns.
_GROUP = re.compile(
    r"^(?:产出|效益|满意度|数量|质量|时效|成本|社会效益|经济效益|生态效益|可持续影响|服务对象满意度)指标$"
)
#: 指标性质 cells of the split 指标性质 │ 指标值 │ 度量单位 forms (四川 一体化).
_OPERATORS = frozenset(("=", "＝", "≥", "≤", ">", "<", "＞", "＜", "≧", "≦", "定性", "定量"))


def _numeric(v: object) -> bool:
    return is_number(v) or (isinstance(v, str) and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*%?\s*", v) is not None)


def indicator_like(grid: Grid, r: int) -> bool:
    """A row holding a group name or an operator cell and at least one figure: a 绩效指标 row by its shape."""
    cells = [v for _, v in row_cells(grid, r)]
    marked = any(isinstance(v, str) and (_GROUP.match(H.normalise_label(v)) or v.strip() in _OPERATORS) for v in cells)
    return marked and any(_numeric(v) for v in cells)


def headerless_indicator_rows(
    grid: Grid, limit: int = 200, read: AbstractSet[int] = frozenset()
) -> tuple[int, int] | None:
    """(first, last) 0-based rows of indicator-shaped rows (at least two) closed by a 合计/总分 row, on a sheet where no
    table header was found; None otherwise. Looks at the first `limit` rows only (a fragment is short).

    `read`: rows a table already read; a fragment holding one is none of these (None) — the scan stops at the first
    read row that would fall in it (a read row once the fragment began, a read indicator-shaped row that would begin
    it, or no unread row with cells left to begin it) instead of going on through the whole table (`detect._headerless_fragment`, asked of every sheet)."""
    first = None
    count = 0
    end = min(grid.n_rows, limit)
    # the last row a fragment could begin at: one with cells that no table read (most sheets: none, their table read
    # to the end)
    free = next((r for r in range(end - 1, -1, -1) if r not in read and row_cells(grid, r)), -1) if read else end
    for r in range(end):
        if first is None and r > free:
            return None  # every row left with cells is read: a fragment could only begin at a read row
        if first is not None and r in read:
            return None  # (first, last) would hold row r
        cells = row_cells(grid, r)
        if not cells:
            continue
        head = cells[0][1]
        if first is not None and isinstance(head, str) and H.normalise_label(head) in H.TOTAL_LABELS:
            return (first, r) if count >= 2 else None
        if indicator_like(grid, r):
            if r in read:
                return None  # it would begin at row r
            first = r if first is None else first
            count += 1
    return None


#: The template's columns by their offset from 指标性质, and what the coverage says of a fragment read by them.
_TEMPLATE = {"level1": -3, "level2": -2, "name": -1, "nature": 0, "target": 1, "unit": 2, "actual": 3, "weight": 4,
             "score": 5, "deviation": 6}  # fmt: skip
TEMPLATE_NOTE = (
    "各列按内容对照预算管理一体化自评表的列序推断（指标性质 │ 指标值 │ 度量单位 │ 完成值 │ 权重 │ 得分），合计行的权重"
    "等于各行之和或 100；据此读取，所有结论至多为警告。",
    "the columns were recognised from their contents against the 一体化 template and the 合计 row's weights; read as a "
    "guess, every finding at most a warning",
)


def fragment_note(first: int, last: int) -> tuple[str, str]:
    """The coverage note of a fragment read by `template_columns` (rows first..last, 0-based)."""
    a, b = first + 1, last + 1
    return (
        f"第 {a}–{b} 行是绩效指标表的一部分，但其上没有表头：表格接续上一页或其他工作表；" + TEMPLATE_NOTE[0],
        f"rows {a}-{b} are part of an indicator table without its header (continued from another page or sheet); "
        + TEMPLATE_NOTE[1],
    )


def template_columns(grid: Grid, first: int, last: int) -> dict[str, int] | None:
    """Role → column of the headerless rows first..last (0-based; `last` the closing 合计 row), when one column holds an
    operator (=, ≥, 定性 …) on at least two thirds of the indicator rows, the template's columns fit around it, every
    such row has a numeric 权重, and the 合计 row's 权重 is their sum or 100 (and not below their sum); else None."""
    rows = [r for r in range(first, last) if indicator_like(grid, r)]
    counts: Counter[int] = Counter()
    for r in rows:
        for c, v in row_cells(grid, r):
            if isinstance(v, str) and v.strip() in _OPERATORS:
                counts[c] += 1
    if len(rows) < 2 or not counts:
        return None
    nature, hits = counts.most_common(1)[0]
    if 3 * hits < 2 * len(rows) or nature + _TEMPLATE["level1"] < 0:
        return None
    # a column beyond the sheet's last is blank throughout (得分 never filled): the score stays, the reasons go
    spacers = spacer_columns(grid)  # a sheet with an empty column between its columns: the template's steps skip them
    cols = {role: column_step(nature, offset, spacers) for role, offset in _TEMPLATE.items()}
    if min(cols.values()) < 0:
        return None
    if cols["deviation"] >= grid.n_cols:
        del cols["deviation"]
    weights = [to_decimal(own(grid, r, cols["weight"])) for r in rows]
    if any(w is None for w in weights):
        return None
    total = to_decimal(own(grid, last, cols["weight"]))
    listed = sum((w for w in weights if w is not None), Decimal(0))
    # the 合计 is their sum or the full 100 — never below what the rows list (actuals 100 + 6 + 5 + 93 + 96 under a
    # 合计 of 100 are no weights), nor above the full mark
    if total is None or total not in (listed, HUNDRED) or listed > total or total > HUNDRED:
        return None
    return cols


WHOLE_TABLE_REASON = (
    "表格开头（表头及其前的指标）不在本表，分值合计、必设指标、总分与等级无从核对",
    "the table's beginning (header and first indicators) is elsewhere: sums, classes, total and grade not checked",
)
