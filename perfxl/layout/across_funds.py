"""A department's money printed across the columns over one line of figures — the 四川 (泸州) 县级部门整体支出绩效目标
申报表's 总体资金情况(万元) │ 预算支出总额 │ 基本支出 (合计 │ 财政拨款 │ 专户资金 │ 单位资金) │ 项目支出 (合计 │ 财政拨款 │ 专户资金 │
单位资金), held-out batch 26 (泸县文化广电旅游局 2024).

Read as the 部门总体资金情况 groups F11 holds to their 合计 (as the 湖北 form's 收入构成 / 支出构成 printed down the rows):
the 总额 against each group's 合计, and each group's 合计 against its sources. Pure functions over the grid: the evaluation
reader (`FundsRows._across_row`) marks the block's three rows and keeps the groups.
"""

from __future__ import annotations

from ..grid import Grid
from ..model import ComponentGroup, ComponentRow
from ..patterns import lazy_compile
from ..records import record
from . import headers as H
from .cells import is_figure, own, row_cells, value_at

__all__ = ["AcrossBlock", "across_block", "across_components"]

#: The block's first cell names the money (总体资金情况(万元), 部门总体资金情况, 预算资金情况) …
_BLOCK_END = "资金情况"
#: … its total column one of these (预算支出总额 printed over two lines "预算支出" / "总额" in one cell) …
_TOTALS = frozenset(("预算支出总额", "预算总额", "支出总额", "资金总额", "预算支出合计", "总额"))
#: … and each group's own total, on the header's second row, one of these.
_GROUP_TOTALS = frozenset(("合计", "小计"))
#: A group named by a stage of the same money (年初预算数 │ 全年执行数, 预算数 │ 实际支出, 2023年 │ 2024年), not by a
#: part of it (基本支出 │ 项目支出): its 合计 is another reading of the 总额, not an addend of it (review16b).
_STAGE = lazy_compile(r"预算数|预算金额|执行|实际|决算|完成|到位|拨付|调整|年初|全年|(?:19|20)\d{2}年")


@record(frozen=True, slots=True)
class AcrossGroup:
    """One group of columns (基本支出): the column its name heads, its 合计 column and its sources' columns."""

    name_col: int
    total_col: int
    sources: tuple[int, ...]


@record(frozen=True, slots=True)
class AcrossBlock:
    """The block's header row, the row of figures under its second header row, its 总额 column and its groups."""

    header_row: int
    figures_row: int
    total_col: int
    groups: tuple[AcrossGroup, ...]


def _label(value: object) -> str:
    return H.strip_brackets(H.normalise_label(value)) if isinstance(value, str) else ""


def across_block(grid: Grid, r: int) -> AcrossBlock | None:
    """The block whose header starts on row r (first cell …资金情况, a 总额 column, two groups or more — parts of the
    money, none a stage of it (`_STAGE`) — whose second header row names a 合计 and one source at least, figures under
    the 总额 and a group's 合计 two rows down), or None."""
    cells = row_cells(grid, r)
    if len(cells) < 4 or not _label(cells[0][1]).endswith(_BLOCK_END) or r + 2 >= grid.n_rows:
        return None
    total_col = next((c for c, v in cells[1:] if _label(v) in _TOTALS), None)
    if total_col is None:
        return None
    starts = [c for c, v in cells if c > total_col and _label(v)]
    if len(starts) < 2 or any(_STAGE.search(_label(v)) for c, v in cells if c in starts):
        return None
    below = dict(row_cells(grid, r + 1))
    if total_col in below:
        return None  # the 总额 spans both header rows (merged down): a label under it is another layout's
    groups: list[AcrossGroup] = []
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else grid.n_cols
        named = [(c, _label(v)) for c, v in below.items() if start <= c < stop and _label(v)]
        totals = [c for c, label in named if label in _GROUP_TOTALS]
        sources = tuple(c for c, label in named if label not in _GROUP_TOTALS)
        if len(totals) != 1 or not sources:
            return None
        groups.append(AcrossGroup(start, totals[0], sources))
    figures = r + 2
    if not is_figure(own(grid, figures, total_col)) or not any(
        is_figure(own(grid, figures, g.total_col)) for g in groups
    ):
        return None
    return AcrossBlock(r, figures, total_col, tuple(groups))


def across_components(
    grid: Grid, block: AcrossBlock
) -> tuple[tuple[ComponentRow, ...], ComponentRow, tuple[ComponentGroup, ...]]:
    """(the groups' 合计 lines, the 总额 line, one ComponentGroup per group: its sources and its 合计) — each line's label
    the header cell naming it, its figure the cell under it on the line of figures, its group the group's name."""
    head, sub, fig = block.header_row, block.header_row + 1, block.figures_row
    lines = tuple(
        ComponentRow(value_at(grid, head, g.name_col), value_at(grid, fig, g.total_col)) for g in block.groups
    )
    total = ComponentRow(value_at(grid, head, block.total_col), value_at(grid, fig, block.total_col))
    more: list[ComponentGroup] = []
    for g in block.groups:
        name = value_at(grid, head, g.name_col).text.strip()
        parts = tuple(ComponentRow(value_at(grid, sub, c), value_at(grid, fig, c), group=name) for c in g.sources)
        more.append(
            ComponentGroup(
                parts, ComponentRow(value_at(grid, sub, g.total_col), value_at(grid, fig, g.total_col), group=name)
            )
        )
    return lines, total, tuple(more)
