"""R-F12: a 成本指标 set at the year's whole budget measures what the project spent, so its actual is the 全年执行数."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import Finding
from perfxl.numbers import round_half_up
from perfxl.units import convert, family_of, money_symbol
from perfxl.values import Op

from .catalogue import check
from .context import Context, fmt_num
from .row_facts import RowFacts


def _yuan_per(unit: str | None) -> Decimal | None:
    """元 per unit of a money unit ("150万" beside money is 150 万元); None for a unit cost (万元/场), a count, a rate."""
    symbol = money_symbol(unit)
    if family_of(symbol) != "money":
        return None
    return convert(Decimal(1), symbol, "元").value


@check("F12")
def cost_actual_against_executed(ctx: Context) -> Iterator[Finding]:
    """A 成本指标 whose 指标值 is the funds block's 全年预算数 (the project's whole cost, in a money unit) and whose actual is
    not the 全年执行数 — at the places each is printed — contradicts the table's own spending (often the budget copied into
    the actual): a 警告, since a cost may be counted on other money than the block's."""
    ev = ctx.evaluation
    total = ev.funds.total if ev is not None and ev.funds is not None else None
    if ev is None or ev.funds is None or total is None:
        return
    funds_yuan = _yuan_per(ev.funds.unit or "万元")  # 元 per unit of the funds block's figures
    budget = ctx.number(total.full_budget)
    if budget is None:
        budget = ctx.number(total.initial_budget)
    executed = ctx.number(total.executed)
    if funds_yuan is None or budget is None or executed is None or budget <= 0:
        return
    for f in ctx.facts(ev):
        if not _is_cost(f):
            continue
        ind, t, a = f.ind, f.target, f.actual
        if t.number is None or a.number is None or t.number <= 0:
            continue
        if a.op is not None and a.op is not Op.EQ:
            continue  # "≤150万元" as the actual: a bound the spending keeps, not a figure of it (S13 names a copy)
        unit_t = _yuan_per(t.unit or a.unit or ev.funds.unit)
        unit_a = _yuan_per(a.unit or t.unit or ev.funds.unit)
        if unit_t is None or unit_a is None:
            continue  # a unit cost (万元/场), a count, a rate: not the project's whole money
        if not _as_printed(budget * funds_yuan / unit_t, t.number) or _agree(executed * funds_yuan / unit_a, a.number):
            continue  # a target that is not the whole budget, or an actual that is the spending
        if _as_printed(budget * funds_yuan / unit_a, executed * funds_yuan / unit_a):
            continue  # all the budget spent: the budget and the spending are one figure
        budget_text = total.full_budget.text or total.initial_budget.text
        yield ctx.finding(
            ind.actual,
            name=ind.name.text,
            budget=ind.target.text,
            actual=ind.actual.text,
            executed=total.executed.text,
            basis=f"读取：成本指标“{ind.name.text}”指标值 {ind.target.text}，与全年预算数 {budget_text} 相同；"
            f"实际完成值 {ind.actual.text}，资金表全年执行数 {total.executed.text}"
            f"（折合 {fmt_num(executed * funds_yuan / unit_a)}）；成本可能另有口径，需人工核对",
            basis_en=f"read cost {ind.name.text!r}: target {ind.target.text} = the budget, actual {ind.actual.text}, "
            f"spent {total.executed.text}; the cost may be counted on other money, a person checks",
            related=tuple(c.ref for c in (total.executed, ind.target) if c.ref is not None),
        )


def _is_cost(f: RowFacts) -> bool:
    """A row under 成本指标 (or naming a 成本 itself where the form prints no 二级)."""
    return "成本" in f.level2_key or ("成本" in f.name_key and not f.ind.level2.text)


def _agree(spent: Decimal, actual: Decimal) -> bool:
    """The 全年执行数 and the actual are one figure at the coarser of their printed places: "125.25万" against a block
    printing 125.3 (or 125) is the spending, not another figure."""
    return _as_printed(spent, actual) or _as_printed(actual, spent)


def _as_printed(exact: Decimal, printed: Decimal) -> bool:
    """`exact` rounded to the decimals `printed` shows equals it (132.912 ~ "132.9"; 202.64 ~ "202.6")."""
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return round_half_up(exact, places) == printed
