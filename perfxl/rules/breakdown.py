"""R-F09: a 按收入性质分 / 按支出性质分 split written in the funds block's text cells adds up.

The reader turns "按支出性质分：2223.04 / 其中：基本支出：886.12 / 县级专项资金：1336.92" into labelled
amounts (model.BreakdownAmount). Parts above their group's figure are certain (the cells say so):
an 错误. Parts below it may simply not all be listed ("其中" means "of which"): a 警告. A group
figure equal to neither the 全年预算数 nor the 全年执行数 of the 年度资金总额 row is a 警告 (the form does
not say which the split is of) — an 错误 when those two are the same figure, so no reading could match. 财预〔2020〕10号 附1 (部门整体支出绩效自评表 年度预算申请).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import BreakdownAmount, Certainty, Finding

from .catalogue import check
from .context import ROUNDED_EN, ROUNDED_ZH, Context, fmt_num

_GROUP_ZH = {"income": "按收入性质分", "expenditure": "按支出性质分"}


@check("F09")
def breakdown_adds_up(ctx: Context) -> Iterator[Finding]:
    """Each split's parts against its own figure, and that figure against the total row."""
    funds = ctx.ev.funds
    if funds is None or not funds.breakdown_amounts:
        return
    groups: dict[str, list[BreakdownAmount]] = {}
    for item in funds.breakdown_amounts:
        if item.group:
            groups.setdefault(item.group, []).append(item)
    total = funds.total
    for group, items in groups.items():
        head = next((i for i in items if i.is_group_total), None)
        parts, unresolved = _top_level(ctx, [i for i in items if not i.is_group_total and i.amount is not None])
        zh = _GROUP_ZH.get(group, group)
        listed = "、".join(f"{i.label} {fmt_num(i.amount)}" for i in parts)
        if head is not None and head.amount is not None and parts:
            summed = sum((i.amount for i in parts if i.amount is not None), Decimal(0))  # each part has one
            gap = summed - head.amount
            if not ctx.sum_agrees(head.amount, summed):
                over = gap > 0
                # parts above the figure by less than their printing's rounding may be rounded, not wrong
                rounded = not ctx.beyond_rounding(gap, head.amount, [i.amount for i in parts])
                yield ctx.finding(
                    head.cell,
                    expected=head.amount,
                    actual=summed,
                    group=zh,
                    what="各项之和超过" if over else "各项之和小于",
                    what_en="parts exceed" if over else "parts fall short of",
                    related=tuple(dict.fromkeys(i.cell.located() for i in parts if i.cell.sheet is not None)),
                    basis=f"{zh} {fmt_num(head.amount)}；其中 {listed}，合计 {fmt_num(summed)}"
                    + (f"；{ROUNDED_ZH}" if rounded else ""),
                    basis_en=f"{group} split {fmt_num(head.amount)}; parts sum to {fmt_num(summed)}"
                    + (f"; {ROUNDED_EN}" if rounded else ""),
                    certainty=Certainty.CERTAIN if over and not unresolved and not rounded else Certainty.JUDGEMENT,
                )
        if head is None or head.amount is None or total is None:
            continue
        executed, budget = ctx.number(total.executed), ctx.number(total.full_budget)
        known = [x for x in (executed, budget) if x is not None]
        # "按支出性质分：2223" over a 年度资金总额 of 2223.04: the split's figure was printed to whole 万元
        if known and all(not ctx.sum_agrees(head.amount, x) for x in known):
            # which column the split is of is unsaid; when 全年预算数 = 全年执行数 it does not matter
            one_figure = len(known) == 2 and abs(known[0] - known[1]) <= ctx.tol_money
            yield ctx.finding(
                head.cell,
                expected=fmt_num(executed if executed is not None else budget),
                actual=head.amount,
                group=zh,
                what="与年度资金总额不符",
                what_en="differs from the funds total",
                related=tuple(c.located() for c in (total.executed, total.full_budget) if c.sheet is not None),
                basis=f"{zh} {fmt_num(head.amount)}；年度资金总额 全年预算数 {fmt_num(budget)}、全年执行数 {fmt_num(executed)}"
                + ("（两者相同，分项与之不符）" if one_figure else "（表中未写明分项口径是预算数还是执行数）"),
                basis_en=f"{group} split {fmt_num(head.amount)}; total row budget {fmt_num(budget)}, executed {fmt_num(executed)}",
                certainty=Certainty.CERTAIN if one_figure else Certainty.JUDGEMENT,
            )


def _opens_sub_items(item: BreakdownAmount) -> bool:
    """The item's cell begins with a second "其中" ("其中：人员经费：200" under "其中：基本支出：300"): the lines from it on
    may be the previous part's own items."""
    text = item.cell.text.strip()
    return bool(item.label) and text.startswith("其中") and text[2:].lstrip(":： ").startswith(item.label)


def _top_level(ctx: Context, parts: list[BreakdownAmount]) -> tuple[list[BreakdownAmount], bool]:
    """(the parts without the sub-items of a part, whether a second 其中 list could not be placed). A second 其中
    after the first part opens that part's items when the lines from it add up to the part exactly ("其中：基本支出：300
    │ 其中：人员经费：200 │ 公用经费：100 │ 项目支出：850": 200 + 100 = 300, so 项目支出 is the next part); they are then
    inside it, not added again. When they add up to no part the list is unclear: a judgement."""
    out: list[BreakdownAmount] = []
    unresolved = False
    i = 0
    while i < len(parts):
        part = parts[i]
        out.append(part)
        i += 1
        if i < len(parts) and _opens_sub_items(parts[i]) and part.amount is not None:
            running, j = Decimal(0), i
            while j < len(parts) and running < part.amount - ctx.tol_money:
                running += parts[j].amount or Decimal(0)
                j += 1
            if abs(running - part.amount) <= ctx.tol_money:
                i = j  # the part's own items: inside it
            else:
                unresolved = True
    return out, unresolved
