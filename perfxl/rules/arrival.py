"""S18: a 到位率 (资金到位率) indicator scored without an actual of its own, against the money the table prints.

共性指标 scoring tables (海南 项目绩效自评表: 一级 │ 分值 │ 二级 │ 分值 │ 三级 │ 分值 │ 得分) score 资金到位 │ 到位率 with no
实际完成值 column; the rate is the table's own 实际到位资金 / 计划投资额 (一、项目基本情况), or a funds block's 到位资金 /
全年预算数. Below 100%, full marks — or any score off 分值 × 到位率 — need a reason: the table states no method (分档
scoring exists), so this is a judgement (财预〔2020〕10号 附2 共性指标: 资金到位率 = 实际到位资金 / 预算资金 × 100%).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.labels import normalise_label, strip_brackets, strip_numbering
from perfxl.model import CellValue, Certainty, Finding
from perfxl.numbers import round_half_up

from .catalogue import check
from .context import Context, fmt_num

__all__ = ["arrival_rate_score"]

_NAMES = frozenset({"到位率", "资金到位率", "预算资金到位率", "项目资金到位率"})


def _money(ctx: Context) -> tuple[CellValue, CellValue] | None:
    """(到位 money, planned money) cells the table prints: its head's 实际到位资金 / 计划投资额, else the funds total's
    到位资金 / 全年预算数; None without both."""
    ev = ctx.ev
    arrived, planned = ev.header.get("实际到位资金"), ev.header.get("计划投资额")
    if arrived is None or planned is None:
        total = ev.funds.total if ev.funds is not None else None
        arrived, planned = (total.arrived, total.full_budget) if total is not None else (None, None)
    if arrived is None or planned is None or ctx.number(arrived) is None or not ctx.number(planned):
        return None
    return arrived, planned


@check("S18")
def arrival_rate_score(ctx: Context) -> Iterator[Finding]:
    """得分 of a 到位率 row without an actual against 分值 × 实际到位资金 / 计划投资额 (capped at 100%), a 警告."""
    money = None
    for ind in ctx.indicators():
        if strip_brackets(strip_numbering(normalise_label(ind.name.text))) not in _NAMES:
            continue
        if ind.actual.ref is not None and not ctx.is_blank(ind.actual):
            continue  # a row with its own actual is scored by S01
        weight, score = ctx.number(ind.weight), ctx.number(ind.score)
        money = money or _money(ctx)
        if weight is None or score is None or money is None:
            continue
        arrived, planned = money
        ratio = (ctx.number(arrived) or Decimal(0)) / (ctx.number(planned) or Decimal(1))
        if ratio >= 1:
            continue
        expected = round_half_up(weight * ratio, ctx.settings.score_places)
        if abs(expected - score) <= ctx.tol_score:
            continue
        pct = fmt_num(ratio * 100, 2)
        yield ctx.finding(
            ind.score,
            expected=expected,
            actual=ind.score.text,
            name=ind.name.text,
            explanation=f"到位率 {arrived.text}/{planned.text} = {pct}%，按比例 {fmt_num(weight)}×{pct}% = {fmt_num(expected)}",
            explanation_en=f"arrival {arrived.text}/{planned.text} = {pct}%, pro rata {fmt_num(expected)}",
            certainty=Certainty.JUDGEMENT,
            basis=f"读取：“{ind.name.text}”分值 {ind.weight.text}，得分“{ind.score.text}”；实际到位资金 {arrived.text}"
            f"（{arrived.ref.cell if arrived.ref else ''}），计划投资额 {planned.text}（{planned.ref.cell if planned.ref else ''}）；"
            f"计算：到位率 {pct}%，按比例 {fmt_num(expected)}；表中未写明该指标的计分方法（可能分档），需人工判断",
            basis_en=f"read weight {ind.weight.text}, score {ind.score.text!r}; arrived {arrived.text} of planned "
            f"{planned.text} = {pct}%; the table states no method: a judgement",
        )
