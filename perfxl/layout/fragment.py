"""A headerless fragment: the rest of a 绩效指标 table whose header is on another page or sheet (a paginated repost,
a table split over sheets). perfxl finds tables by their header labels, so such rows stay unread; this names them so
the coverage says what they are instead of only "no recognisable table"."""

from __future__ import annotations

import re

from ..grid import Grid
from . import headers as H
from .cells import is_number, row_cells

__all__ = ["headerless_indicator_rows"]

#: 一级/二级 indicator names of the 10号 framework a 绩效指标 row carries in its group columns.
_GROUP = re.compile(
    r"^(?:产出|效益|满意度|数量|质量|时效|成本|社会效益|经济效益|生态效益|可持续影响|服务对象满意度)指标$"
)
#: 指标性质 cells of the split 指标性质 │ 指标值 │ 度量单位 forms (四川 一体化).
_OPERATORS = frozenset(("=", "＝", "≥", "≤", ">", "<", "＞", "＜", "≧", "≦", "定性", "定量"))


def _numeric(v: object) -> bool:
    return is_number(v) or (isinstance(v, str) and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*%?\s*", v) is not None)


def _indicator_like(grid: Grid, r: int) -> bool:
    """A row holding a group name or an operator cell and at least one figure: a 绩效指标 row by its shape."""
    cells = [v for _, v in row_cells(grid, r)]
    marked = any(isinstance(v, str) and (_GROUP.match(H.normalise_label(v)) or v.strip() in _OPERATORS) for v in cells)
    return marked and any(_numeric(v) for v in cells)


def headerless_indicator_rows(grid: Grid, limit: int = 200) -> tuple[int, int] | None:
    """(first, last) 0-based rows of indicator-shaped rows (at least two) closed by a 合计/总分 row, on a sheet where no
    table header was found; None otherwise. Looks at the first `limit` rows only (a fragment is short)."""
    first = None
    count = 0
    for r in range(min(grid.n_rows, limit)):
        cells = row_cells(grid, r)
        if not cells:
            continue
        head = cells[0][1]
        if first is not None and isinstance(head, str) and H.normalise_label(head) in H.TOTAL_LABELS:
            return (first, r) if count >= 2 else None
        if _indicator_like(grid, r):
            first = r if first is None else first
            count += 1
    return None
