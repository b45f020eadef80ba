"""A 预算执行情况表: one line per unit or project, the money by source across — a budget group (预算额度: 合计 │ 一般公共预算
│ 政府性基金预算 │ …) and an execution group (截止9月30日预算执行进度: 合计 │ the same sources) side by side, and the
line's rate (支付进度 = 执行合计 / 预算合计). 四川 绵阳 游仙区 2023年度1-9月绩效运行监控分析表 prints it so; no 自评表 header
(三级指标, 全年执行数 …) is on the sheet, so the sheet was unread.

Each line is read as a monitoring table's money block (`model.FundsBlock`): its total the two 合计 and the rate, its parts
one per source column, so the funds checks run on it as on any funds block — the sources add up to the 合计 (F02), the
rate is the quotient judged at its printed precision (F04), nothing executed beyond its budget (F03). The two-row
header is read by its labels (a budget group, an execution group, 合计 first under each, the same sources in the same
order under both), nothing is guessed; lines the listing nests (a unit over its groups over its projects) are not
summed into each other: the form prints no level column, so which lines a total covers is not in the cells.
"""

from __future__ import annotations

from typing import NamedTuple

from ..grid import Grid
from ..model import CellValue, FundsBlock, FundsRow, SelfEvaluation
from ..numbers import to_decimal
from ..patterns import lazy_compile
from ..units import family_of
from ..values import ValueKind, blank_text, parse_value
from . import headers as H
from .cells import own, own_cell, row_cells, row_labels

__all__ = ["LISTING_NOTE", "read_listing"]

#: Labels over the budget group of a 预算执行情况表 (on the normalised label, brackets stripped).
_BUDGET_GROUP = frozenset(H.normalise_label(x) for x in ("预算额度", "预算指标", "预算数", "全年预算数", "预算安排"))
#: The execution group's label: "截止9月30日预算执行进度", "预算执行情况", "1-9月执行数".
_EXECUTED_GROUP = lazy_compile(r"执行(?:进度|情况|数)$")
#: The line's rate column under (or beside) the execution group.
_RATE = frozenset(H.normalise_label(x) for x in ("支付进度", "执行进度", "执行率", "预算执行率", "支出进度"))
_TOTAL = H.normalise_label("合计")

LISTING_NOTE = (
    "按行读取的预算执行情况表：每行的预算合计、执行合计与各资金来源之和核对，支付进度与执行合计/预算合计核对；表中各行之间"
    "的上下级汇总关系（单位、分类、项目）表内未标明，未核对。",
    "a budget execution listing read line by line: each line's 合计 against its sources and its rate against executed / "
    "budget; which lines a unit's or group's line sums is not marked in the cells and is not checked",
)


class _Columns(NamedTuple):
    """Where a listing's header puts each column (0-based): the sources as (budget column, executed column) pairs."""

    sub: int  # the header's second row (合计 │ sources)
    name: int
    budget: int
    executed: int
    rate: int | None
    sources: tuple[tuple[int, int], ...]


def _span(grid: Grid, r: int, c: int) -> tuple[int, int]:
    """The columns [first, last] of the cell (r, c) with its merge — or, exported without merges and each merged label
    repeated ("取消合并并填充": 预算额度 │ 预算额度 │ …), the cells right of it repeating its label."""
    for r0, c0, _, c1 in grid.merged:
        if r0 == r and c0 == c:
            return c0, c1
    label, last = _label(grid, r, c), c
    while label and last + 1 < grid.n_cols and _label(grid, r, last + 1) == label:
        last += 1
    return c, last


def _label(grid: Grid, r: int, c: int) -> str:
    value = own(grid, r, c)
    return H.strip_brackets(H.normalise_label(value)) if isinstance(value, str) else ""


def _header(grid: Grid, r: int) -> _Columns | None:
    """Columns of a listing's two-row header at rows r, r + 1: name, budget 合计 and sources, executed 合计 and sources,
    rate; None unless both groups are there with 合计 first and the same sources under each."""
    groups: dict[str, tuple[int, int]] = {}
    name = None
    for c, label in row_labels(grid, r):
        label = H.strip_brackets(label)
        if label in _BUDGET_GROUP and "budget" not in groups:
            groups["budget"] = _span(grid, r, c)
        elif _EXECUTED_GROUP.search(label) and "budget" in groups and "executed" not in groups:
            groups["executed"] = _span(grid, r, c)
        elif not groups and name is None:
            name = c
    if name is None or len(groups) < 2:
        return None
    parts: dict[str, list[tuple[int, str]]] = {}
    rate = None
    for role, (first, last) in groups.items():
        if _label(grid, r + 1, first) != _TOTAL:
            return None
        parts[role] = []
        for c in range(first + 1, last + 1):
            label = _label(grid, r + 1, c)
            if label in _RATE:
                rate = c
            elif label.startswith("其中") and parts[role]:
                continue  # 一般公共预算 │ 其中：上级补助: a part of the source before it, not one more source of the 合计
            elif label:
                parts[role].append((c, label))
    if rate is None:
        after = groups["executed"][1] + 1
        if _label(grid, r, after) in _RATE or _label(grid, r + 1, after) in _RATE:
            rate = after
    if [x for _, x in parts["budget"]] != [x for _, x in parts["executed"]]:
        parts = {"budget": [], "executed": []}  # sources that do not pair up are not read as parts of either 合计
    pairs = tuple((b, e) for (b, _), (e, _) in zip(parts["budget"], parts["executed"], strict=True))
    return _Columns(r + 1, name, groups["budget"][0], groups["executed"][0], rate, pairs)


def _number(value: object) -> bool:
    """A money figure as printed: digits with a point, or thousands commas ("1,501.60"), full-width digits too — or
    with its money unit ("120万元": issue 11, such a listing was left unread; the funds checks read the cell's own unit
    against the listing's)."""
    if to_decimal(value) is not None:
        return True
    if not isinstance(value, str):
        return False
    p = parse_value(value)
    return p.kind is ValueKind.NUMBER and p.number is not None and p.op is None and family_of(p.unit) == "money"


def _source_money(grid: Grid, r: int, cols: _Columns) -> bool:
    """Some source cell of the line holds money other than 0 (一般公共预算 │ 52.00 under a 合计 printed "—")."""
    return any((d := to_decimal(own(grid, r, c))) is not None and d != 0 for pair in cols.sources for c in pair)


def _blank(value: object) -> bool:
    """No money in the cell: empty, or a placeholder ("—", "/", "无": a line with no budget of its own)."""
    return value is None or (isinstance(value, str) and blank_text(value))


def read_listing(grid: Grid, limit: int = 40) -> tuple[list[int], list[SelfEvaluation], list[int]] | None:
    """(header rows, one monitoring table per line, the lines' rows) of a 预算执行情况表 whose two-row header is in the
    first `limit` rows — and of every further listing under it on the sheet (a second period's or unit's table printed
    below the first: its lines are read too, not left unchecked under a sheet said read); None when the sheet has none
    or no line under it."""
    headers: list[int] = []
    tables: list[SelfEvaluation] = []
    rows: list[int] = []
    r = after = 0
    while r < grid.n_rows - 1 and (headers or r < limit):
        cols = _header(grid, r)
        if cols is None:
            r += 1
            continue
        lines, end = _lines(grid, r, cols)
        if lines:
            above = range(r - 1, after - 1, -1)  # the unit printed nearest above this listing's header
            stated = next((u for row in above for _, v in row_cells(grid, row) if (u := H.money_unit_in(v))), None)
            unit = stated or H.unit_above(grid) or "万元"
            line = "" if stated or not H.unit_above(grid) else grid.unit_above  # the report's unit line it came from
            headers.append(r)
            tables += [_line(grid, i, cols, unit, line) for i in lines]
            rows += lines
        r = after = max(end, r + 1)
    return (headers, tables, rows) if tables else None


def _lines(grid: Grid, r: int, cols: _Columns) -> tuple[list[int], int]:
    """The rows of the lines under the header at r, and the row where they end (the first row that is no line)."""
    lines: list[int] = []
    for i in range(r + 2, grid.n_rows):
        if not row_cells(grid, i):
            continue
        budget, executed = own(grid, i, cols.budget), own(grid, i, cols.executed)
        if _number(budget) or (_blank(budget) and (_number(executed) or _source_money(grid, i, cols))):
            # a budget 合计 left blank (or "—") over money spent, or over a source's money, is a line too (F02 names
            # the blank) — not a heading line skipped unchecked
            lines.append(i)
        elif not (_blank(budget) and _blank(executed)):
            return lines, i
        # else a heading line ("二、项目支出") or a line of "—" with no money: the lines under it are read on
    return lines, grid.n_rows


def _line(grid: Grid, r: int, cols: _Columns, unit: str, above: str = "") -> SelfEvaluation:
    """One line of the listing as a monitoring table: its money block, the line's name its 项目名称."""
    blank = CellValue(None)
    label = own_cell(grid, r, cols.name)
    total = FundsRow(
        label=label,
        initial_budget=blank,
        full_budget=own_cell(grid, r, cols.budget),
        executed=own_cell(grid, r, cols.executed),
        weight=blank,
        rate=own_cell(grid, r, cols.rate) if cols.rate is not None else blank,
        score=blank,
        is_total=True,
    )
    parts = tuple(
        FundsRow(
            label=own_cell(grid, cols.sub, b),
            initial_budget=blank,
            full_budget=own_cell(grid, r, b),
            executed=own_cell(grid, r, e),
            weight=blank,
            rate=blank,
            score=blank,
        )
        for b, e in cols.sources
    )
    columns = ("full_budget", "executed") + (("rate",) if cols.rate is not None else ())
    funds = FundsBlock(total=total, parts=parts, unit=unit, ref=label.place(), columns=columns, unit_above=above)
    return SelfEvaluation(kind="monitoring", sheet=grid.name, header={"项目名称": label}, funds=funds)
