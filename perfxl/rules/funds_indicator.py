"""F05 on a 预算执行率 indicator row: forms that score budget execution inside 项目管理 (宁夏 银川市本级 项目支出绩效
自评表: 项目管理(25分) │ 投入管理 │ 预算执行率 │ 10 │ — │ 100% │ 9) instead of in the funds block.

The row prints no target (a dash), so the indicator scoring checks skip it; its actual is the execution rate. At a rate
of 100% or more every method gives full marks (财预〔2020〕10号 附1: 执行率 × 分值, capped at the 分值; a tiered
method's top tier too), so a lower score is certain. Below 100% the table does not state its method: the score
执行率 × 分值 gives is a judgement.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.labels import normalise_label, strip_numbering
from perfxl.model import Certainty, Finding, Indicator
from perfxl.numbers import round_half_up
from perfxl.values import ValueKind

from .context import Context, fmt_num, fmt_pct

__all__ = ["rate_indicator_scores"]

#: The 三级指标 names of a budget-execution indicator.
_NAMES = frozenset({"预算执行率", "执行率", "资金执行率", "项目预算执行率"})
HUNDRED = Decimal(100)


def _rate_row(ctx: Context, ind: Indicator) -> Decimal | None:
    """The percent an execution-rate row's actual prints, when the row has no target of its own; else None."""
    if strip_numbering(normalise_label(ind.name.text)) not in _NAMES:
        return None
    target = ctx.parsed(ind.target)
    if target.number is not None:
        return None  # a row with its own target ("≥90%") is the indicator scoring checks' (S01)
    actual = ctx.parsed(ind.actual)
    return actual.number if actual.kind is ValueKind.PERCENT and actual.op is None else None


def rate_indicator_scores(ctx: Context) -> Iterator[Finding]:
    """得分 of a 预算执行率 indicator row against 执行率 × 分值 (capped at the 分值); only on a table whose funds block
    scores nothing (one place scores budget execution)."""
    ev = ctx.evaluation
    funds = ev.funds if ev is not None else None
    if funds is not None and funds.scored is not None and ctx.number(funds.scored.score) is not None:
        return
    for ind in ctx.indicators():
        percent = _rate_row(ctx, ind)
        weight, reported = ctx.number(ind.weight), ctx.number(ind.score)
        if percent is None or weight is None or reported is None or percent < 0:
            continue
        counted = min(percent, HUNDRED)
        exact = weight * counted / HUNDRED
        places = ctx.settings.score_places
        expected = round_half_up(exact, places)
        full = counted == HUNDRED
        if reported == expected or (not full and abs(reported - expected) <= ctx.tol_score):
            continue
        how = (
            f"执行率 {ind.actual.text} 已达 100%，按执行率×分值或任何分档计分均得满分 {fmt_num(weight)}"
            if full
            else f"执行率 {ind.actual.text}，{fmt_pct(counted)}×{fmt_num(weight)} = {fmt_num(expected)}（表中未写明该指标的计分方法，"
            "按 财预〔2020〕10号 执行率×分值 计，需人工判断）"
        )
        yield ctx.finding(
            ind.score,
            expected=expected,
            actual=ind.score.text,
            explanation=how,
            explanation_en=f"rate {fmt_pct(percent)} × weight {fmt_num(weight)} = {fmt_num(expected)}",
            certainty=None if full else Certainty.JUDGEMENT,
            basis=f"读取：三级指标“{ind.name.text}”实际完成值 {ind.actual.text}，分值 {ind.weight.text}，"
            f"得分“{ind.score.text}”；计算：{how}",
            basis_en=f"read the {ind.name.text} row: rate {ind.actual.text}, weight {ind.weight.text}, score "
            f"{ind.score.text!r}; computed {fmt_num(expected)}",
        )
