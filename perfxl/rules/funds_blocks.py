"""R-F02 across funds blocks (F13): a table listing its money in several blocks — the overall one, then one per fund
(重庆 彭水 中央对地方转移支付计划生育服务项目 自评表: 年度预算资金总额 over 中央补助 │ 市级资金 │ 本级资金, for the whole and
for each fund) — where the funds' totals add up to the overall total, so the funds split it: each source of the overall
block is then the sum of the same source in the funds' blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import Certainty, Finding, FundsBlock, FundsRow
from perfxl.patterns import lazy_compile
from perfxl.values import normalise_text

from .catalogue import check
from .context import Context, fmt_num

_OF_WHICH = lazy_compile(r"^其中[:：]?")
_BRACKETED = lazy_compile(r"\([^()]*\)")


def _source_name(row: FundsRow) -> str:
    """A source's name without 其中:, brackets or spaces ("本级资金(包括结转结余)" → "本级资金")."""
    text = re.sub(r"\s+", "", normalise_text(row.label.text))
    return _BRACKETED.sub("", _OF_WHICH.sub("", text)).rstrip(":")


@check("F13")
def blocks_add_up(ctx: Context) -> Iterator[Finding]:
    """Each source of the overall block = the sum of that source over the funds' blocks, when their totals split the
    overall total exactly and every funds' block prints that source: off by more than the money tolerance, a 警告 at the
    overall block's figure (which of the cells is wrong is for a person to find)."""
    ev = ctx.evaluation
    if ev is None or ev.funds is None or ev.funds.total is None or not ev.funds_more:
        return
    main, overall = ev.funds, ev.funds.total
    total = ctx.number(overall.full_budget)
    blocks = [b for b in ev.funds_more if b.total is not None and ctx.number(b.total.full_budget) is not None]
    if total is None or len(blocks) < 2:
        return
    totals = [_block_total(ctx, b) for b in blocks]
    if sum(totals, Decimal(0)) != total:
        return  # the funds' blocks do not split the overall total: no relation between their sources to hold
    for part in main.parts:
        amount = ctx.number(part.full_budget)
        if amount is None:
            continue
        same = [p for b in blocks for p in b.parts if _source_name(p) == _source_name(part)]
        values = [ctx.number(p.full_budget) for p in same]
        if len(same) != len(blocks) or any(v is None for v in values):
            continue
        found = sum((v for v in values if v is not None), Decimal(0))
        if abs(found - amount) <= ctx.tol_money:
            continue
        listed = " + ".join(p.full_budget.text for p in same)
        yield ctx.finding(
            part.full_budget,
            expected=fmt_num(found),
            actual=part.full_budget.text,
            label=part.label.text.strip(),
            certainty=Certainty.JUDGEMENT,
            basis=f"读取：总块“{part.label.text.strip()}”{part.full_budget.text}；各资金分块（总额 "
            f"{' + '.join(b.total.full_budget.text for b in blocks if b.total is not None)} = {overall.full_budget.text}）"
            f"同名来源 {listed} = {fmt_num(found)}；哪一格填错需人工核对",
            basis_en=f"read the overall {part.label.text.strip()} {part.full_budget.text}; the funds' blocks (their "
            f"totals add up to {overall.full_budget.text}) give {listed} = {fmt_num(found)}; a person finds which "
            "cell is wrong",
            related=tuple(p.full_budget.located() for p in same if p.full_budget.sheet is not None),
        )


def _block_total(ctx: Context, block: FundsBlock) -> Decimal:
    """A funds block's total (its 全年预算数 figure), 0 when it prints none."""
    value = ctx.number(block.total.full_budget) if block.total is not None else None
    return value if value is not None else Decimal(0)
