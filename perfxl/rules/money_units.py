"""The money unit a table prints (F14, F15): two printed units that disagree, and amounts too large for theirs.

A table states its money unit once or twice: a unit line under the title ("单位:元") and the funds block's own header
("资金情况 (万元)"). perfxl reads the amounts in the header's unit (the nearer label) — where the two disagree, which
one the filer meant is a person's judgement (F14, 警告 naming both cells). An amount whose value in its printed unit is
beyond any budget such a table is filed for (2537695 under "资金结构(万元)": 253.77亿元 for a municipal office) was
most likely typed in 元 under a 万元 label (F15, a 警告 stating the guess; the limit is the profile's `limit_yuan`, and
the figure must be a plausible amount in 元, `min_yuan`, for typing in 元 to explain it).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import CellValue, Finding, FundsBlock
from perfxl.units import convert, family_of, money_symbol, money_unit_in

from .catalogue import check
from .context import Context, fmt_num

_YI = Decimal(100_000_000)  # 元 in 1 亿元


def _label(cell: CellValue) -> str:
    return " ".join(cell.text.split())


@check("F14")
def unit_line_vs_block(ctx: Context) -> Iterator[Finding]:
    """The table's unit line and its funds block's header state different money units: a 警告 at the unit line naming
    the header cell (perfxl reads the amounts in the header's unit; whether that is right, a person judges)."""
    ev = ctx.evaluation
    block = None if ev is None else ev.funds
    if ev is None or block is None or ev.unit_line is None or block.unit_cell is None:
        return
    line_unit, block_unit = money_unit_in(ev.unit_line.raw), money_unit_in(block.unit_cell.raw)
    if line_unit is None or block_unit is None or line_unit == block_unit:
        return
    line, header = _label(ev.unit_line), _label(block.unit_cell)
    yield ctx.finding(
        ev.unit_line,
        expected=block_unit,
        actual=line_unit,
        line=line,
        header=header,
        related=() if block.unit_cell.sheet is None else (block.unit_cell.located(),),
        basis=f"读取：单位行“{line}”（{line_unit}）；资金表表头“{header}”（{block_unit}）；资金金额按表头的{block_unit}读取，"
        "两处所印单位哪一个为准需人工判断",
        basis_en=f"read the unit line {line!r} ({line_unit}) and the funds header {header!r} ({block_unit}); the amounts "
        f"are read in the header's {block_unit}; which printed unit holds, a person judges",
    )


@check("F15")
def amount_beyond_unit(ctx: Context) -> Iterator[Finding]:
    """A funds block printing an amount that, in the block's money unit, reaches `limit_yuan` 元: a 警告 at the block's
    first such amount (in sheet order) stating the guess that the figures were typed in 元 under a larger unit."""
    ev = ctx.evaluation
    if ev is None:
        return
    limit = Decimal(str(ctx.param("limit_yuan", 10_000_000_000)))
    least = Decimal(str(ctx.param("min_yuan", 10_000)))
    for block in (ev.funds, *ev.funds_more):
        if block is not None:
            yield from _block_beyond(ctx, block, (limit, least), ev.unit_line)


def _block_beyond(
    ctx: Context, block: FundsBlock, bounds: tuple[Decimal, Decimal], unit_line: CellValue | None
) -> Iterator[Finding]:
    """The block's first amount at or above the limit in its unit whose figure is, read in 元, at least `min_yuan` (the
    guess "typed in 元" explains it only then: 150 under "(亿元)" is 150亿元, and 150元 no table's money)."""
    limit, least = bounds
    unit = money_symbol(block.unit)
    to_yuan = convert(Decimal(1), unit, "元") if unit is not None and family_of(unit) == "money" else None
    if to_yuan is None or not to_yuan.ok or to_yuan.value is None or to_yuan.value <= 1:
        return  # a block in 元 prints its amounts at face value: nothing to mistake
    factor = to_yuan.value
    rows = [r for r in (block.total, *block.parts, *block.subtotals) if r is not None]
    cells = [c for r in rows for c in (r.initial_budget, r.full_budget, r.executed) if c.sheet is not None]
    over = []
    for cell in cells:
        own = money_symbol(ctx.parsed(cell).unit) if isinstance(cell.raw, str) else None
        value = ctx.number(cell)
        # a figure repeating the block's unit ("145000000.00万元" under "(万元)") is the amount a bare one is
        # (held-out batch 28, probe_variants' amounts_wanyuan); one in a unit of its own is read in that unit
        if own in (None, unit) and value is not None and value * factor >= limit and value >= least:
            over.append(cell)
    if not over:
        return
    first = min(over, key=lambda c: (c.r + 1, c.c + 1) if c.sheet is not None else (0, 0))
    value = ctx.number(first) or Decimal(0)
    stated = block.unit_cell or unit_line
    where = f"“{_label(stated)}”" if stated is not None else "资金表（未印单位，按默认）"
    where_en = repr(_label(stated)) if stated is not None else "the funds block (no unit printed: the default)"
    yi = fmt_num(value * factor / _YI, 2)
    as_yuan = fmt_num(value / factor)
    yield ctx.finding(
        first,
        expected=f"{as_yuan}{unit}",
        actual=f"{first.text}{unit}",
        where=where,
        where_en=where_en,
        yi=yi,
        limit=fmt_num(limit / _YI),
        related=tuple(c.located() for c in over if c is not first and c.sheet is not None),
        basis=f"读取：{where}下金额 {first.text}（按{unit}为 {yi} 亿元，达到本规则集的上限 {fmt_num(limit / _YI)} 亿元）；"
        f"按元读则为 {as_yuan}{unit}。这是对金额合理性的推测：省级以上部门或大额转移支付可能确有如此规模，需人工核对单位",
        basis_en=f"read {where_en}: {first.text} is {yi} 亿元 in {unit}, at or above the profile's limit of "
        f"{fmt_num(limit / _YI)} 亿元; in 元 it would be {as_yuan} {unit}. A guess on plausibility: a provincial "
        "department or a large transfer may truly be that large; a person checks the unit",
    )
