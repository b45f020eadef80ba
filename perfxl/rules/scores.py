"""R-S checks: each indicator's 得分 against the profile's scoring rule, bands, bounds and full-mark logic."""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import Finding, Indicator
from perfxl.values import ValueKind

from .catalogue import check
from .context import Context, fmt_num, fmt_pct
from .indicators import op_name


_METHODS = {"positive": "positive", "deadline": "positive", "reverse_ratio": "reverse", "reverse_linear2A": "reverse",
            "equal": "equal", "equal_zero": "equal", "qualitative": "qualitative"}


def direction(ctx: Context, ind: Indicator) -> str:
    """"qualitative", "positive" (≥ >, growth, deadlines), "reverse" (≤ <) or "equal": the scorer's method when it
    scored the row, else the operator (an unstated one reads as the profile's `scoring.default_op`)."""
    result = ctx.score(ind)
    if result is not None and result.method in _METHODS:
        return _METHODS[result.method]
    if ctx.is_qualitative(ind):
        return "qualitative"
    op = op_name(ctx.parsed(ind.target)) or (ind.nature.text if ind.nature is not None else None)
    op = {"≥": "GE", ">": "GT", "=": "EQ", "≤": "LE", "<": "LT"}.get(op, op) or ctx.settings.default_op
    return {"LE": "reverse", "LT": "reverse", "EQ": "equal"}.get(op, "positive")


def _mismatch(ctx: Context, which: str) -> Iterator[Finding]:
    for ind in ctx.indicators():
        if direction(ctx, ind) != which:
            continue
        result = ctx.score(ind)
        if result is None or result.score is None:
            continue
        reported = ctx.number(ind.score)
        if reported is None or abs(reported - result.score) > ctx.tol_score:
            yield ctx.finding(ind.score, expected=result.score, actual=ind.score.text or "（空）", name=ind.name.text,
                              explanation=result.explanation, explanation_en=result.explanation_en)


@check("S01")
def positive_score(ctx: Context) -> Iterator[Finding]:
    """正向 (≥, >, growth, deadlines): s = round(w × min(1, B/A), 2)."""
    yield from _mismatch(ctx, "positive")


@check("S02")
def reverse_score(ctx: Context) -> Iterator[Finding]:
    """反向 (≤, <): the profile's reverse formula (ratio A/B or linear to 0 at 2A)."""
    yield from _mismatch(ctx, "reverse")


@check("S03")
def equal_score(ctx: Context) -> Iterator[Finding]:
    """等于 (=): like positive for A ≠ 0; A = 0 → full marks only when B ≤ 0."""
    yield from _mismatch(ctx, "equal")


@check("S11")
def score_not_checkable(ctx: Context) -> Iterator[Finding]:
    """A quantitative score perfxl cannot recompute (units that do not convert, text actuals …)."""
    for ind in ctx.indicators():
        result = ctx.score(ind)
        if result is None or result.score is not None or direction(ctx, ind) == "qualitative":
            continue
        if ctx.is_blank(ind.target) and ctx.is_blank(ind.actual):
            continue
        yield ctx.finding(ind.score, actual=ind.score.text, name=ind.name.text, reason=result.error or "",
                          reason_en=getattr(result, "error_en", None) or result.error or "")


@check("S04")
def negative_actual(ctx: Context) -> Iterator[Finding]:
    """A negative 实际完成值 counts as 0 in scoring."""
    for ind in ctx.indicators():
        p = ctx.parsed(ind.actual)
        if p.number is not None and p.number < 0 and p.kind in (ValueKind.NUMBER, ValueKind.PERCENT):
            yield ctx.finding(ind.actual, expected="≥ 0", actual=ind.actual.text, name=ind.name.text)


@check("S05")
def qualitative_band(ctx: Context) -> Iterator[Finding]:
    """定性: the score lies in its tier's band ([0.8w, w], [0.6w, 0.8w), [0, 0.6w); Hubei 0.8/0.5)."""
    tiers = ctx.settings.tiers
    for ind in ctx.indicators():
        if direction(ctx, ind) != "qualitative":
            continue
        tier = ctx.parsed(ind.actual).tier
        weight, score = ctx.number(ind.weight), ctx.number(ind.score)
        if tier is None or tier >= len(tiers) or weight is None or score is None:
            continue
        t = tiers[tier]
        low, high = ctx.round_score(t.low * weight), ctx.round_score(t.high * weight)
        top_inclusive = t.high >= 1
        inside = low <= score and (score <= high if top_inclusive else score < high)
        if not inside:
            band = f"[{fmt_num(low)}, {fmt_num(high)}{']' if top_inclusive else ')'}"
            yield ctx.finding(ind.score, expected=band, actual=score, name=ind.name.text, tier=t.label)


@check("S06")
def score_bounds(ctx: Context) -> Iterator[Finding]:
    """0 ≤ 得分 ≤ 分值 on every row, the budget row included."""
    rows = [(i.name.text, i.weight, i.score) for i in ctx.indicators()]
    funds = ctx.evaluation.funds
    if funds is not None and funds.total is not None:
        rows.insert(0, ("预算执行率", funds.total.weight, funds.total.score))
    for name, wcell, scell in rows:
        weight, score = ctx.number(wcell), ctx.number(scell)
        if weight is None or score is None:
            continue
        if score < 0 or score > weight + ctx.tol_score:
            yield ctx.finding(scell, expected=weight, actual=score, name=name)


@check("S07")
def full_marks_need_completion(ctx: Context) -> Iterator[Finding]:
    """Full marks only when the quantitative target is met (per its direction)."""
    for ind in ctx.indicators():
        if direction(ctx, ind) == "qualitative":
            continue
        result = ctx.score(ind)
        weight, score = ctx.number(ind.weight), ctx.number(ind.score)
        if result is None or result.meets_target is not False or weight is None or score is None:
            continue
        if abs(score - weight) <= ctx.tol_score:
            yield ctx.finding(ind.score, expected=result.score, actual=score, name=ind.name.text,
                              target=ind.target.text, completion=ind.actual.text)


def _full_marks(ctx: Context, ind: Indicator) -> bool:
    weight, score = ctx.number(ind.weight), ctx.number(ind.score)
    return weight is not None and score is not None and abs(score - weight) <= ctx.tol_score


@check("S08")
def over_completion_explained(ctx: Context) -> Iterator[Finding]:
    """正向 B ≥ 1.3A (A = 0: B ≥ 30) → 偏差原因分析 explains it (profile [over_completion])."""
    factor, zero = ctx.settings.over_factor, ctx.settings.over_zero_threshold
    for ind in ctx.indicators():
        result = ctx.score(ind)
        if result is None or not result.over_completed or direction(ctx, ind) != "positive":
            continue
        if ctx.explained(ind.deviation):
            continue
        ratio = result.ratio
        yield ctx.finding(ind.deviation, expected="偏差原因分析", actual=ind.deviation.text or "（空）",
                          name=ind.name.text, target=ind.target.text, completion=ind.actual.text,
                          ratio=fmt_pct(ratio * 100) if ratio is not None else "—",
                          threshold=f"{fmt_num(factor * 100)}%" if ratio is not None else fmt_num(zero))


@check("S09")
def target_too_low(ctx: Context) -> Iterator[Finding]:
    """B/A ≥ 1.5 with full marks: the target was probably set too low (10号 偏离度调减)."""
    limit = Decimal(str(ctx.param("ratio", 1.5)))
    for ind in ctx.indicators():
        result = ctx.score(ind)
        if result is None or result.ratio is None or direction(ctx, ind) != "positive":
            continue
        if result.ratio >= limit and _full_marks(ctx, ind):
            yield ctx.finding(ind.target, expected=f"< {fmt_num(limit * 100)}%", actual=ind.target.text,
                              name=ind.name.text, target=ind.target.text, completion=ind.actual.text,
                              ratio=fmt_pct(result.ratio * 100))
