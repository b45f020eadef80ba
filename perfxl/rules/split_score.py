"""S19: the 河北 自评得分 split — 单项指标折算得分 = 单项指标得分 × 权重占比(%) / 100 on every row that prints all three.

河北 预算项目绩效自评表 (成安县民政局 2020) splits 自评得分 into 单项指标得分 │ 权重占比(%) │ 单项指标折算得分: the
indicator's own score, its weight as a share of the 100 points, and their product, which is what counts. The product
is the form's own arithmetic, so a 折算得分 it does not give at the printed precision is an 错误; a figure printed as
text ("25.00") may stand for anything that rounds to it, and only a 折算得分 no such figures can give is one. Whether
the 单项 scale is 100 (a met target's 折算得分 equal to its weight) is a reading of the form: `Context.reading` says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import CellValue, Certainty, Finding
from perfxl.numbers import HUNDRED, half_unit, printed_places, round_half_up, shown_places

from .catalogue import check
from .context import Context, fmt_num

__all__ = ["converted_score"]


def _span(ctx: Context, cell: CellValue) -> tuple[Decimal, Decimal, Decimal] | None:
    """The figure, and the least and most it may stand for: a number cell exactly its value, text anything that
    rounds to it ("25.00": 24.995 to 25.005)."""
    value = ctx.number(cell)
    if value is None:
        return None
    places = printed_places(cell.raw) if isinstance(cell.raw, str) else None
    half = half_unit(places) if places is not None else Decimal(0)
    return value, value - half, value + half


@check("S19")
def converted_score(ctx: Context) -> Iterator[Finding]:
    """折算得分 against 单项指标得分 × 权重占比 / 100 at the 折算得分's printed precision."""
    for ind in ctx.indicators():
        if ind.own_score is None:
            continue
        own, share, score = _span(ctx, ind.own_score), _span(ctx, ind.weight), ctx.number(ind.score)
        if own is None or share is None or score is None or own[1] < 0 or share[1] < 0:
            continue
        low, high = own[1] * share[1] / HUNDRED, own[2] * share[2] / HUNDRED
        raw = ind.score.raw
        places = shown_places(raw)
        if places is None:
            agrees = low - ctx.tol_score <= score <= high + ctx.tol_score
        else:
            agrees = round_half_up(low, places) <= score <= round_half_up(high, places)
        if agrees:
            continue
        product = own[0] * share[0] / HUNDRED
        expected = fmt_num(round_half_up(product, places) if places is not None else ctx.round_score(product))
        hidden = ctx.hidden_score_digits(ind.score)  # off only in digits a format hides: a 警告 naming them
        hides = hidden is not None and ctx.round_score(low) <= hidden <= ctx.round_score(high)
        note, note_en = ctx.hidden_digits_note(ind.score, hidden, product) if hidden is not None and hides else ("", "")
        yield ctx.finding(
            ind.score,
            expected=expected,
            actual=ind.score.text,
            name=ind.name.text,
            own=ind.own_score.text,
            share=ind.weight.text,
            basis=f"读取：单项指标得分 {ind.own_score.text}，权重占比(%) {ind.weight.text}，单项指标折算得分 "
            f"{ind.score.text}；计算：{ind.own_score.text} × {ind.weight.text} ÷ 100 = {fmt_num(product)}，按折算得分"
            f"印出的精度为 {expected}{note}",
            basis_en=f"read 单项指标得分 {ind.own_score.text}, 权重占比(%) {ind.weight.text}, 折算得分 {ind.score.text}; "
            f"computed {ind.own_score.text} × {ind.weight.text} / 100 = {fmt_num(product)}, {expected} at the printed "
            f"precision{note_en}",
            certainty=Certainty.JUDGEMENT if hides else None,
        )
