"""A 部门整体支出绩效目标 table's 年度主要任务 with its money: 任务名称 │ 主要内容 │ 年度预算金额(万元) over 小计 │ 市财政拨款 │
其他资金 (东莞 部门(单位)整体支出绩效目标批复表, held-out batch 27; the national 部门整体支出绩效目标申报表 prints 预算申请 over
总额 │ 财政拨款 │ 其他资金 alike), one line per task, then 金额合计.

Read as F11 groups, as the 部门总体资金情况 is: each amount column's 合计 against the tasks' figures in it, and each line's
小计 (总额) against its sources on the same line — a group only where its total and one part at least are printed (a
task list filling its 市财政拨款 alone leaves its 小计 cells blank: nothing to hold them to). Pure functions over the grid:
the evaluation reader (`FundsRows._task_row`) marks the block's rows and keeps the groups.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..grid import Grid
from ..model import CellValue, ComponentGroup, ComponentRow
from ..numbers import ascii_figures
from ..patterns import lazy_compile
from ..records import record
from ..units import money_unit_in
from . import headers as H
from .cells import is_figure, own, row_cells, value_at
from .fragment import indicator_like
from .sum_tables import _rank

__all__ = ["TaskBlock", "task_block", "task_components", "task_line", "TASK_BLOCK"]

#: The name the block's findings carry (F11's "{block}").
TASK_BLOCK = "年度主要任务"


@record(frozen=True, slots=True)
class _Words:
    """The block's words, profile data (the national profile's `[reader.task_funds]`; the reader takes no profile)."""

    #: The header's money cell (年度预算金额(万元), 预算申请, 预算金额, 资金安排) …
    money: re.Pattern[str]
    #: … over a total column (小计 │ 合计 │ 总额) and the sources beside it on the header's second row.
    totals: frozenset[str]
    #: The block's own total line, named left of its figures (金额合计, 合计, 总计).
    total_lines: frozenset[str]
    #: An amount column that is no money source of the 小计 (占比(%), 数量, 单价, "其中:财政拨款" — a part of a part):
    #: neither summed down its column nor added up across the line (review 17b).
    not_money: re.Pattern[str]
    #: A task line that adds up lines above it (小计, 基本支出小计, 合计 of a group) or is a part of the line above it
    #: (其中): the column's 合计 is then not the plain sum of the lines printed (review 17b).
    subtotal_lines: re.Pattern[str]


def _any_of(words: list[str], end: str = "") -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + ")" + end)


@cache
def _words() -> _Words:
    from ..profiles import resolve_profile  # (the layout reads the national profile's words only when a block is met)

    get = resolve_profile(None).get
    return _Words(
        _any_of(get("reader.task_funds.money")),
        frozenset(get("reader.task_funds.totals")),
        frozenset(get("reader.task_funds.total_lines")),
        _any_of(get("reader.task_funds.not_money")),
        _any_of(get("reader.task_funds.subtotal_lines"), "$"),
    )


@record(frozen=True, slots=True)
class TaskBlock:
    """The header row, its second row naming the amount columns, the 任务名称 column, the total column and the sources."""

    header_row: int
    sub_row: int
    name_col: int
    total_col: int
    sources: tuple[int, ...]

    #: The columns' numbers printed under the header (栏次 1 │ 2 │ 3 │ 4, 甲 │ 乙 │ 1 │ 2), if any: no task.
    numbers_row: int | None = None

    @property
    def amounts(self) -> tuple[int, ...]:
        return (self.total_col, *self.sources)

    @property
    def last_header_row(self) -> int:
        return self.sub_row if self.numbers_row is None else self.numbers_row


def _figure(value: object) -> bool:
    """A figure, typed as a number or as text — full-width digits too ("２３７７．１５", as some forms are typed)."""
    return is_figure(value) or (isinstance(value, str) and is_figure(ascii_figures(value)))


def _label(value: object) -> str:
    return H.strip_brackets(H.normalise_label(value)) if isinstance(value, str) else ""


#: A column's number on a 栏次 row: 1, 2 … or 甲, 乙 ….
_COLUMN_MARK = lazy_compile(r"^(?:\d{1,2}|[甲乙丙丁戊己庚辛壬癸])$")


def task_block(grid: Grid, r: int) -> TaskBlock | None:
    """`_task_header`'s block, with the row of the columns' numbers right under its header when one is printed (1 │ 2 │
    3 │ 4 from the 任务名称 on: its "3" under the money cell is no task's amount — read as one, the 合计 fell short)."""
    block = _task_header(grid, r)
    row = None if block is None else block.sub_row + 1
    if block is None or row is None or row >= grid.n_rows:
        return block
    marks = row_cells(grid, row, block.name_col)
    if len(marks) >= 2 and all(_COLUMN_MARK.match(str(v).strip()) for _, v in marks):
        return replace(block, numbers_row=row)
    return block


def _task_header(grid: Grid, r: int) -> TaskBlock | None:
    """The block whose header starts on row r (a 任务名称 cell, a money cell right of it — 预算 / 金额 / 资金 — and, on the
    next row under the money cell, one total (小计 / 合计 / 总额) and one source at least, no figure among them), or None.
    A money cell with figures right under it is the block's one amount column (任务名称 │ 主要内容 │ 预算金额): the
    tasks against the 合计 line only."""
    if r + 1 >= grid.n_rows:
        return None
    cells = row_cells(grid, r)
    name_col = next((c for c, v in cells if _label(v).endswith("任务名称")), None)
    if name_col is None:
        return None
    money_col = next((c for c, v in cells if c > name_col and _words().money.search(_label(v))), None)
    if money_col is None:
        return None
    # the money cell's columns: up to the header's next cell (完成时限, 绩效目标 │ 数量 … stand beside, not under it)
    # (its text filled across an unmerged copy is still the money cell)
    money = _label(grid.raw(r, money_col))
    end = next((c for c, v in cells if c > money_col and _label(v) != money), grid.n_cols)
    below = [(c, v) for c, v in row_cells(grid, r + 1) if money_col <= c < end]
    if below and all(_figure(v) for _, v in below):
        return TaskBlock(r, r, name_col, money_col, ())  # one amount column, its first task right under the header
    if len(below) <= 1 and r + 2 < grid.n_rows:
        # a header of two rows (完成时限, 主要内容 … merged down it) whose money cell spans both (nothing of its own under
        # it) or names its one column on the second (小计, 财政拨款): the block's one amount column, its first task right
        # under the header — held to the 合计 line as the one-row header's is (a 占比 or 数量 column holds nothing)
        under = [(c, v) for c, v in row_cells(grid, r + 2) if money_col <= c < end]
        col = below[0][0] if below else money_col
        if (
            _no_task(grid, r, money_col)
            and under
            and all(_figure(v) for _, v in under)
            and any(c == col for c, _ in under)
            and all(isinstance(v, str) and not _figure(v) for _, v in below)
        ):
            return TaskBlock(r, r + 1, name_col, col, ())
    if not below or any(not isinstance(v, str) or _figure(v) for _, v in below):
        return None
    words = _words().totals
    totals = [c for c, v in below if _label(v) in words]
    sources = tuple(c for c, v in below if _label(v) not in words)
    if len(totals) != 1 or not sources:
        return None
    return TaskBlock(r, r + 1, name_col, totals[0], sources)


def _no_task(grid: Grid, r: int, money_col: int) -> bool:
    """Row r + 1 is the header's second row, not a first task under a one-row header: nothing of its own left of the
    money cell but the header's own labels filled down an unmerged copy (a task's name there — "场馆日常运转人员经费" over a
    blank, "-", "据实结算" or "50万元" amount — is a task: read as a header row it would drop that task from the sum)."""
    return all(
        isinstance(v, str) and _label(v) == _label(grid.raw(r, c)) for c, v in row_cells(grid, r + 1, 0, money_col)
    )


def task_line(grid: Grid, block: TaskBlock, r: int) -> str:
    """What row r is under the block's header: "total" (its 金额合计 line), "line" (a task with a figure), or "" (no
    figure in any amount column: the block has ended)."""
    if not any(_figure(own(grid, r, c)) for c in block.amounts):
        return ""
    first = min(block.amounts)
    if any(isinstance(v, str) and _label(v) in _words().total_lines for _, v in row_cells(grid, r, 0, first)):
        return "total"
    if any(
        isinstance(v, str) and not _figure(v) and _label(v) != _label(grid.raw(block.header_row, c))
        for c, v in row_cells(grid, r, 0, block.name_col)
    ):
        # a label of its own left of the 任务名称 column (产出指标 │ 数量指标 │ … │ 10 under a copy cut before its 合计
        # and the next block's header): another block's row with figures, not one more task — the block's own label
        # (年度主要任务) filled down an unmerged copy is not one (review 17b)
        return ""
    if indicator_like(grid, r):
        # 产出指标 │ 培训人次 │ 30 in the 任务名称 column itself, a copy cut before the block's 合计: an indicator row (its
        # 分值 under the money cell), the block has ended — summed as a task, the 合计 100 of the weights was an F11 (b19v)
        return ""
    return "line"


def _line_label(grid: Grid, block: TaskBlock, r: int, *, total: bool) -> CellValue:
    """A line's name: the task's 任务名称 cell; the total line's 金额合计 cell (left of the figures, merged or not)."""
    if total:
        first = min(block.amounts)
        for c, v in row_cells(grid, r, 0, first):
            if isinstance(v, str) and _label(v) in _words().total_lines:
                return value_at(grid, r, c)
    return value_at(grid, r, block.name_col, fill=True)


def _printed(cell: CellValue) -> bool:
    return _figure(cell.raw)


def task_components(
    grid: Grid, block: TaskBlock, lines: list[int], total_row: int | None
) -> tuple[ComponentGroup, ...]:
    """The F11 groups of a read block: per amount column, the tasks' figures against the total line's (where the total
    line prints one, and a task at least does); per line (the total's too), its sources against its 小计 (where the
    小计 and a source at least are printed). Each group is named by the column or the line it holds."""
    sub = block.sub_row
    groups: list[ComponentGroup] = []
    heads = [value_at(grid, sub, c, fill=True).raw for c in block.amounts]  # (a money cell merged down its header)
    units = {money_unit_in(v) for v in (value_at(grid, block.header_row, block.total_col, fill=True).raw, *heads)}
    if total_row is not None:
        units |= {money_unit_in(v) for _, v in row_cells(grid, total_row, 0, min(block.amounts))}
    if len(units - {None}) > 1:
        # amounts printed in 元 in one column (or line) and 万元 in another: no sum holds across them as printed
        return ()
    money = {
        c for c, v in zip(block.amounts, heads, strict=True) if not _words().not_money.search(H.normalise_label(v))
    }
    labels = {r: _line_label(grid, block, r, total=False) for r in lines}
    within = {r: _label(labels[r].text).startswith("其中") for r in lines}
    subtotals = any(_words().subtotal_lines.search(_label(labels[r].text)) for r in lines if not within[r])
    # lines numbered at two levels or more ("一、基本支出" over "人员经费", "（一）…" over "1. …"): a heading's figure may
    # be the sum of the lines under it, printed again — the 合计 is then not the plain sum of every line (as a 小计's)
    subtotals = subtotals or len({_rank(labels[r].text) for r in lines if not within[r]}) > 1
    if total_row is not None and not subtotals:
        total_label = _line_label(grid, block, total_row, total=True)
        for c in block.amounts:
            if c not in money:
                continue
            name = value_at(grid, sub, c, fill=True).text.strip()
            cells = [value_at(grid, r, c) for r in lines]
            total = value_at(grid, total_row, c)
            if not _printed(total) or not any(_printed(x) for x in cells):
                continue
            rows = tuple(
                ComponentRow(labels[r], x, group=name, within=within[r]) for r, x in zip(lines, cells, strict=True)
            )
            groups.append(ComponentGroup(rows, ComponentRow(total_label, total, group=name), TASK_BLOCK))
    if any(c not in money for c in block.amounts):
        return tuple(groups)  # a share, a count or a 其中 among the sources: a line's 小计 is not their sum
    for r in (*lines, *(() if total_row is None else (total_row,))):
        subtotal = value_at(grid, r, block.total_col)
        parts = [value_at(grid, r, c) for c in block.sources]
        if not _printed(subtotal) or not any(_printed(x) for x in parts):
            continue
        name = _line_label(grid, block, r, total=r == total_row).text.strip()
        rows = tuple(
            ComponentRow(value_at(grid, sub, c), x, group=name) for c, x in zip(block.sources, parts, strict=True)
        )
        groups.append(
            ComponentGroup(rows, ComponentRow(value_at(grid, sub, block.total_col), subtotal, group=name), TASK_BLOCK)
        )
    return tuple(groups)
