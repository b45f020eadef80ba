"""A table's note saying the table prints nothing — "故本表为空表", "故本表无数据" (the 预决算公开 forms' line under a table
a unit has no money for, 财预〔2016〕143号) — found on the grid for B17 to hold against the figures the table prints."""

from __future__ import annotations

from ..grid import Grid
from ..model import CellValue
from ..patterns import lazy_compile
from .cells import own, own_cell

__all__ = ["said_empty"]

#: "本表为空表", "本表无数据", "此表为空", "本表数据为空" — the table itself said to hold nothing (spaces removed first;
#: in traditional characters too, "本表為空表" or "本表爲空表", "本表無數據", as mirrors serve the pages).
_EMPTY = lazy_compile(r"(?:本|此|该|該)表(?:数据|數據)?(?:(?:为|為|爲)空|(?:无|無)(?:数据|數據|内容|內容))")


def said_empty(grid: Grid, subject: str) -> CellValue | None:
    """The first cell of `grid` whose text says the table is empty and names `subject` ("三公": "本部门2024年无“三公”经费
    …，故本表为空表") — a note about this table, not the empty 政府性基金 table printed below it on the same sheet — or
    None."""
    for r in range(grid.n_rows):
        for c in range(grid.n_cols):
            value = own(grid, r, c)
            if isinstance(value, str) and subject in value and _EMPTY.search("".join(value.split())):
                return own_cell(grid, r, c)
    return None
