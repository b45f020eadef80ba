"""Scores on a form that prints no 分值 column, judged by the weights the scores themselves imply (S17, a 警告).

湖北/云南 保山 自评表 (年初目标值(A) │ 实际完成值(B) │ 得分, no 分值) score each indicator by 分值 × B/A without printing
the 分值. The weights are still fixed by the table: an unmet row's weight is 得分 × A/B (8.0 for 6 of 15 → 20), the
weights add up to the full mark less the 预算执行率 分值 (100 − 20 = 80), and weights are whole points. When exactly one
set of whole-point weights fits every row — each row's printed score being 分值 × min(1, B/A) for its weight — or, failing
that, exactly one fits all rows but one whose weight the sum then gives, a printed score that weight contradicts is
reported: a score above its weight (施甸 2019: 12767.36 of 8000 scored 31.9 against an implied 20), or a met target
short of full marks (黄冈 2020: 98% of 98% scored 19.6 = 20 × 98%). The weights are inferred, never printed, so the
finding is a judgement and says how they were inferred. 财预〔2020〕10号 附1 (得分不得突破权重; 完成即得满分).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from decimal import Decimal

from perfxl.model import Certainty, Finding, Indicator
from perfxl.numbers import round_half_up, shown_places
from perfxl.values import ValueKind

from .context import Context, fmt_num
from .weights import budget_weight, has_total_row

__all__ = ["implied_weight_scores"]

#: Rows beyond which the combinations are not tried (a form without 分值 has a handful of scored rows).
_MAX_ROWS = 12
_KINDS = (ValueKind.NUMBER, ValueKind.PERCENT)


def _ratio(ctx: Context, ind: Indicator, direction: Callable[[Context, Indicator], str]) -> Decimal | None:
    """B/A of a positive row whose target and actual are plain figures of one kind (no operator but ≥), else None."""
    if direction(ctx, ind) != "positive":
        return None
    t, a = ctx.parsed(ind.target), ctx.parsed(ind.actual)
    if t.kind not in _KINDS or a.kind is not t.kind or t.number is None or a.number is None:
        return None
    if t.number <= 0 or a.number < 0 or a.op is not None:
        return None
    return a.number / t.number


def _candidates(ratio: Decimal, score: Decimal, places: int) -> list[Decimal]:
    """Whole-point weights a row's printed score fits: 分值 × min(1, B/A) (a met row: the score itself), or, on an
    over-achieved row, 分值 × B/A left uncapped (the weight the score then implies)."""
    out: list[Decimal] = []
    if ratio <= 0:
        return out
    near = (score / ratio).to_integral_value()
    for w in dict.fromkeys((score.to_integral_value(), near - 1, near, near + 1)):
        if w <= 0:
            continue
        capped = round_half_up(w * min(ratio, Decimal(1)), places) == score
        uncapped = ratio > 1 and round_half_up(w * ratio, places) == score
        if capped or uncapped:
            out.append(w)
    return out


def _solve(options: list[list[Decimal]], need: Decimal) -> list[tuple[Decimal, ...]]:
    """Distinct weight vectors, one weight a row from its options (a row with none is the one the sum gives), adding up
    to `need`: those using no row's sum first; those leaving one row to the sum only when there are none."""
    found: set[tuple[Decimal, ...]] = set()
    if all(options):
        for combo in itertools.product(*options):
            if sum(combo, Decimal(0)) == need:
                found.add(tuple(combo))
    if found:
        return sorted(found)
    for k in range(len(options)):
        rest = [o for i, o in enumerate(options) if i != k]
        if not all(rest):
            continue
        for combo in itertools.product(*rest):
            left = need - sum(combo, Decimal(0))
            if left > 0 and left == left.to_integral_value():
                found.add((*combo[:k], left, *combo[k:]))
    return sorted(found)


def implied_weight_scores(ctx: Context, direction: Callable[[Context, Indicator], str]) -> Iterator[Finding]:
    """S17 (a 警告) on rows whose printed score the one whole-point weight set the table admits contradicts;
    `direction` is the scorer's row classification (rules.scores.direction)."""
    ev = ctx.ev
    if ev.has_column("weight") or not has_total_row(ctx):
        return
    rows = [i for i in ctx.indicators() if ctx.number(i.score) is not None]
    if not 2 <= len(rows) <= _MAX_ROWS or any(ctx.number(i.weight) is not None for i in rows):
        return
    ratios = [_ratio(ctx, i, direction) for i in rows]
    if any(r is None for r in ratios):
        return  # a row perfxl cannot put a weight to (text, a reverse target): the sum says nothing
    scores = [ctx.number(i.score) or Decimal(0) for i in rows]
    places = [shown_places(i.score.raw) or 0 for i in rows]
    options = [_candidates(r, s, p) for r, s, p in zip(ratios, scores, places, strict=True) if r is not None]
    need = ctx.dec("weights.total", 100) - budget_weight(ctx)
    solutions = _solve(options, need)
    if len(solutions) != 1:
        return
    weights = solutions[0]
    listed = " + ".join(fmt_num(w) for w in weights)
    how = (
        f"表中无分值栏；由各行得分与完成率推得分值 {listed} = {fmt_num(need)}（满分 {fmt_num(need + budget_weight(ctx))}"
        f" 减预算执行率分值 {fmt_num(budget_weight(ctx))}），这是唯一相符的整数分值组合，分值系推断，需人工判断"
    )
    for ind, ratio, score, p, w in zip(rows, ratios, scores, places, weights, strict=True):
        assert ratio is not None
        expected = round_half_up(w * min(ratio, Decimal(1)), p)
        if expected == score:
            continue
        why = (
            f"完成率 {fmt_num(ratio * 100, 2)}% 超过 100%，得分不得超过分值 {fmt_num(w)}"
            if ratio > 1
            else f"实际完成值达到年度指标值，应得满分 {fmt_num(w)}"
            if ratio == 1
            else f"{fmt_num(w)}×{fmt_num(ratio * 100, 2)}% = {fmt_num(expected)}"
        )
        yield ctx.finding(
            ind.score,
            expected=expected,
            actual=ind.score.text,
            name=ind.name.text,
            explanation=f"按推断分值 {fmt_num(w)}：{why}",
            explanation_en=f"by the implied weight {fmt_num(w)}",
            certainty=Certainty.JUDGEMENT,
            basis=f"读取：年度指标值“{ind.target.text}”，实际完成值“{ind.actual.text}”，得分“{ind.score.text}”；{how}",
            basis_en=f"read target {ind.target.text!r}, actual {ind.actual.text!r}, score {ind.score.text!r}; no 分值 "
            f"column: the only whole-point weights the scores admit are {listed} = {fmt_num(need)} (inferred)",
        )
