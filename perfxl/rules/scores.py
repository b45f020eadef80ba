"""R-S checks: each indicator's 得分 against the profile's scoring rule, bands, bounds and full-mark logic."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from perfxl.chinese import to_simplified
from perfxl.labels import normalise_label
from perfxl.model import JUDGEMENT, CellValue, Certainty, Finding, Indicator, Level1Heading
from perfxl.patterns import lazy_compile
from perfxl.scoring_result import ScoreResult
from perfxl.values import DATE, GROWTH, NUMBER, PERCENT, QUALITATIVE, TEXT, Op, ParsedValue, ValueKind, note_free

from ..records import record
from . import not_applicable
from .catalogue import check, spec
from .context import Context, Reading, compact, fmt_num, fmt_pct, weaker_certainty
from .criteria import row_rule, tier_points
from .funds_indicator import rate_times_weight
from .implied_weights import implied_weight_scores
from .indicators import op_name
from .row_facts import RowFacts
from .weights import unweighted

_METHODS = {
    "positive": "positive",
    "deadline": "positive",
    "reverse_ratio": "reverse",
    "reverse_linear2A": "reverse",
    "equal": "equal",
    "equal_zero": "equal",
    "qualitative": "qualitative",
}


def direction(ctx: Context, ind: Indicator) -> str:
    """ "qualitative", "positive" (≥ >, growth, deadlines), "reverse" (≤ <) or "equal": the scorer's method when it
    scored the row, else the operator (an unstated one reads as the profile's `scoring.default_op`).

    Classified once per row and run: S01, S02, S03, S05, S07, S08, S09 and S11 all ask."""
    return ctx.per_row("direction", ind, _direction)


def _direction(ctx: Context, ind: Indicator) -> str:
    result = ctx.reading(ind).result  # (not `score`: on the row's first ask, one look-up of the reading, not two)
    if result is not None and result.method in _METHODS:
        return _METHODS[result.method]
    return _unscored_direction(ctx, ind)


def _unscored_direction(ctx: Context, ind: Indicator) -> str:
    """`_direction` of a row its reading scored by no listed method: from the row's words and operator."""
    if ctx.is_qualitative(ind):
        return "qualitative"
    op = op_name(ctx.parsed(ind.target)) or (ind.nature.text if ind.nature is not None else None)
    if op is not None:
        op = {"≥": "GE", ">": "GT", "=": "EQ", "≤": "LE", "<": "LT"}.get(op, op)
    op = op or ctx.settings.default_op
    return {"LE": "reverse", "LT": "reverse", "EQ": "equal"}.get(op, "positive")


def rows_scored(ctx: Context, which: str) -> tuple[Indicator, ...]:
    """The table's rows whose `direction` is `which`, in sheet order: the rows classified once per table, so S01, S02,
    S03 and S05 each walk their own rows instead of asking every row's method again (≈ 4 asks a row)."""
    rows = ctx.indicators()
    kept = ctx.once(("rows_scored", id(rows)), lambda: (rows, _by_direction(ctx, rows)))
    return kept[1].get(which, ())


def _by_direction(ctx: Context, rows: tuple[Indicator, ...]) -> dict[str, tuple[Indicator, ...]]:
    # `direction` of each row (`per_rows("direction", rows, _direction)`) with `_direction` spelt out: no two frames a
    # row (`per_rows`' call of it, its own) — each answer kept in `per_row`'s cache as it keeps it
    kept = ctx._per_row.setdefault("direction", {})
    methods, reading = _METHODS, ctx.reading
    out: dict[str, list[Indicator]] = {}
    for ind in rows:
        hit = kept.get(id(ind))
        if hit is not None and hit[0] is ind:
            way = hit[1]
        else:
            result = reading(ind).result
            way = methods.get(result.method) if result is not None else None  # (`_METHODS` holds no None)
            if way is None:
                way = _unscored_direction(ctx, ind)
            kept[id(ind)] = (ind, way)
        out.setdefault(way, []).append(ind)
    return {which: tuple(found) for which, found in out.items()}


def _mismatch(ctx: Context, which: str) -> Iterator[Finding]:
    fact, got = ctx.fact, ctx._fact.get  # (`fact`'s cache read here: the rows' facts are built)
    for ind in rows_scored(ctx, which):
        reading = ctx.reading(ind)
        result = reading.result
        if result is None or result.score is None:
            continue
        f = got(id(ind)) or fact(ind)
        reported = f.score
        if reported is None:
            continue  # text in the score cell ("IO"): C02's one finding
        if ctx.score_agrees(ind.score, reported, result):
            continue  # most rows: nothing to say, so the tests below are asked only of a disagreeing score
        if _unverifiable(ctx, f) or f.score_blank or ctx.is_error(ind.score):
            continue  # an error cell is C02's one finding; a blank score is S15's
        full = f.weight is not None and abs(reported - f.weight) <= ctx.tol_score
        if result.meets_target is False and full and _runs(ctx, "S07"):
            continue  # full marks on a missed target: S07's one finding, giving this score in its basis (gaps17)
        rule = row_rule(ctx, ind)
        by_rule = rule.score if rule is not None and which == "positive" else None
        if by_rule is not None and abs(by_rule - reported) <= ctx.tol_score:
            continue  # scored by the 评分标准 printed beside it ("少一个扣2分"), which the form applies
        typed = ctx.score_rounded_as_typed(ind.score, reported, result)
        note, note_en = ctx.rounding_note(typed)
        budget = rate_times_weight(ctx, ind) if which == "positive" else None
        by_budget = budget is not None and ctx.score_agrees(ind.score, reported, _Exact(budget))
        if budget is not None and by_budget:
            note += (
                f"；该行为预算执行率，按 财预〔2020〕10号 执行率×分值 计为 {fmt_num(ctx.round_score(budget))}，与表中得分"
                "相符：表中可能按此计分，需人工判断"
            )
            note_en += f"; a budget execution row: rate × weight gives {fmt_num(budget)}, the printed score"
        if rule is not None:
            applied = f"，按该标准应为 {fmt_num(by_rule)}" if by_rule is not None else "，perfxl 无法按该标准计算"
            note += f"；表中评分标准为“{rule.text}”{applied}"
            note_en += f"; the form prints its own scoring rule {rule.text!r}"
        late = _late_partial(ctx, result, reported)
        note, note_en = note + late[0], note_en + late[1]
        bound = _bound_actual(ctx, ind, result)
        if bound is not None:
            note, note_en = note + bound[0], note_en + bound[1]
        said, said_en = reading.as_guessed()  # a score resting on a guessed reading says so (issue 11)
        yield ctx.finding(
            ind.score,
            expected=result.score,
            actual=ind.score.text or "（空）",
            name=ind.name.text,
            reading=said,
            reading_en=said_en,
            explanation=result.explanation,
            explanation_en=result.explanation_en,
            basis=f"读取：年度指标值“{ind.target.text}”，实际完成值“{ind.actual.text}”，分值 "
            f"{ind.weight.text}，得分“{ind.score.text}”；计算：{reading.basis}{note}",
            basis_en=f"read target {ind.target.text!r}, actual {ind.actual.text!r}, weight "
            f"{ind.weight.text}, score {ind.score.text!r}; computed: {reading.basis_en}{note_en}",
            certainty=Certainty.JUDGEMENT
            if typed is not None or (rule is not None and by_rule is None) or late[0] or by_budget or bound
            else reading.certainty,
        )


@record(frozen=True, slots=True)
class _Exact:
    """A score computed outside the scorer (执行率 × 分值), in the shape `Context.score_agrees` reads."""

    score: Decimal
    exact: Decimal | None = None


def _late_partial(ctx: Context, result: ScoreResult, reported: Decimal) -> tuple[str, str]:
    """A 时效 target missed but scored part of its weight: 10号 sets no share kept for lateness, so perfxl's
    `deadline.late_share` is a default, not a rule the cells make certain — a person judges (full marks stay certain)."""
    weight = result.weight
    if result.method != "deadline" or result.meets_target or weight is None or not 0 < reported < weight:
        return "", ""
    share = fmt_num(ctx.settings.late_share)
    return (
        f"；逾期完成的扣分无统一标准（本配置按 deadline.late_share = {share} 计），表中给部分得分是否合理需人工判断",
        f"; no standard sets the share kept when late (this profile uses deadline.late_share = {share}): "
        "a person judges a partial score",
    )


def unverifiable(ctx: Context, ind: Indicator) -> str | None:
    """The code (S12–S15) that reports this row's score as unverifiable, or None: no other score check runs on it."""
    return _unverifiable(ctx, ctx.fact(ind))


def _unverifiable(ctx: Context, f: RowFacts) -> str | None:
    memo = f.memo
    found: Any = memo.get("unverifiable", memo)  # (the memo itself: not asked yet — no KeyError raised a row)
    if found is memo:
        found = None
        for code, test in _UNVERIFIABLE.items():  # the first failed, as `_fails` keeps each test's answer
            hit = memo.get(code)
            if hit is None:
                hit = memo[code] = test(ctx, f)
            if hit:
                found = code
                break
        memo["unverifiable"] = found
    first_failed: str | None = found
    return first_failed


def fails(ctx: Context, ind: Indicator, code: str) -> bool:
    """Whether the row fails the test of `code` (S12–S15: its score unverifiable that way); once per row and run —
    `unverifiable` asks it for the score checks and the check itself again for its findings."""
    return _fails(ctx, ctx.fact(ind), code)


def _fails(ctx: Context, f: RowFacts, code: str) -> bool:
    """`fails` of a row's facts: each test run once, its answer kept with the facts."""
    memo = f.memo
    hit = memo.get(code)
    if hit is None:
        hit = memo[code] = _UNVERIFIABLE[code](ctx, f)
    return hit


@check("S01")
def positive_score(ctx: Context) -> Iterator[Finding]:
    """正向 (≥, >, growth, deadlines): s = round(w × min(1, B/A), 2)."""
    yield from _mismatch(ctx, "positive")


@check("S17")
def score_by_implied_weight(ctx: Context) -> Iterator[Finding]:
    """On a form without 分值: each score against the one whole-point weight set the scores admit (`implied_weights`)."""
    yield from implied_weight_scores(ctx, direction)


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
        if unverifiable(ctx, ind) or any(ctx.is_error(c) or ctx.parsed(c).reason for c in (ind.target, ind.actual)):
            continue  # S12–S15, C02 or I12 already say why this row cannot be checked
        yield ctx.finding(
            ind.score,
            actual=ind.score.text,
            name=ind.name.text,
            reason=result.error or "",
            reason_en=getattr(result, "error_en", None) or result.error or "",
        )


@check("S04")
def negative_actual(ctx: Context) -> Iterator[Finding]:
    """A negative 实际完成值 counts as 0 in scoring — against a positive target: a target ≤ 0 ("≤－5%", a fall of 5%) asks
    for a negative figure, scored as it is (`scoring_quant.align`; review24d)."""
    for f in ctx.facts():
        p = f.actual
        a = p.number
        if a is None or a >= 0:
            continue  # no negative actual (most rows): the target is not read
        t = f.target.number
        if t is not None and t <= 0:
            continue
        if p.kind in (ValueKind.NUMBER, ValueKind.PERCENT):
            yield ctx.finding(f.ind.actual, expected="≥ 0", actual=f.actual_text, name=f.name)


@check("S05")
def qualitative_band(ctx: Context) -> Iterator[Finding]:
    """定性: the score lies in its tier's band ([0.8w, w], [0.6w, 0.8w), [0, 0.6w); Hubei 0.8/0.5)."""
    tiers = ctx.settings.tiers
    for ind in rows_scored(ctx, "qualitative"):
        tier = ctx.parsed(ind.actual).tier
        weight, score = ctx.number(ind.weight), ctx.number(ind.score)
        if tier is None or tier >= len(tiers) or weight is None or score is None:
            continue
        t = tiers[tier]
        higher = ctx.higher_tier(ctx.parsed(ind.actual))  # "基本完成": this tier or the one above
        top = tiers[tier - 1] if higher is not None else t
        low, high = ctx.round_score(t.low * weight), ctx.round_score(top.high * weight)
        top_inclusive = top.high >= 1
        inside = low <= score and (score <= high if top_inclusive else score < high)
        rule = row_rule(ctx, ind)  # "优得6分,良得4分" printed beside the row: the form prices its tiers itself
        priced = tier_points(rule, ind.actual.text) if rule is not None else None
        if not inside and priced is not None and abs(priced - score) <= ctx.tol_score:
            continue
        if not inside:
            band = f"[{fmt_num(low)}, {fmt_num(high)}{']' if top_inclusive else ')'}"
            label = f"{top.label}”或“{t.label}" if higher is not None else t.label
            # a numeric target ("≥300人次") with only words as its actual ("基本完成"): the tier is read from the
            # words, not from a figure, so the band is a person's call (S14 asks for the figure). Words that fit
            # two tiers have both bands: a score outside them is wrong either way
            worded = ctx.parsed(ind.target).number is not None
            unpriced = rule is not None and priced is None
            basis, basis_en = "", ""
            if worded:
                basis = (
                    f"读取：年度指标值“{ind.target.text}”为数值，实际完成值只写“{ind.actual.text}”，按文字归入"
                    f"“{label}”档，得分区间 {band}，表中为 {ind.score.text}；是否属于该档需人工判断"
                )
                basis_en = (
                    f"read a numeric target {ind.target.text!r} and only words as the actual "
                    f"{ind.actual.text!r}, read as the tier {label!r}: band {band}, score {ind.score.text}"
                )
            elif higher is not None:
                basis = (
                    f"读取：实际完成值“{ind.actual.text}”可归入“{label}”档，两档得分区间合为 {band}，表中为 "
                    f"{ind.score.text}，按哪一档都不符"
                )
                basis_en = (
                    f"read the actual {ind.actual.text!r}, which fits the tiers {label!r}: their bands make "
                    f"{band}, score {ind.score.text} — outside either"
                )
            if unpriced and rule is not None:
                basis = (
                    basis
                    or f"读取：实际完成值“{ind.actual.text}”归入“{label}”档，得分区间 {band}，表中为 {ind.score.text}"
                ) + f"；表中评分标准为“{rule.text}”，未写明该档得分，需按该标准人工核对"
                basis_en = (basis_en or f"read the actual {ind.actual.text!r} as the tier {label!r}: band {band}") + (
                    f"; the form prints its own scoring rule {rule.text!r}, which prices no such tier"
                )
            yield ctx.finding(
                ind.score,
                expected=band,
                actual=score,
                name=ind.name.text,
                tier=label,
                basis=basis,
                basis_en=basis_en,
                certainty=Certainty.JUDGEMENT if worded or unpriced else None,
            )


@check("S06")
def score_bounds(ctx: Context) -> Iterator[Finding]:
    """0 ≤ 得分 ≤ 分值 on every row, the budget row included."""
    facts = ctx.facts()
    funds = ctx.ev.funds
    # a scoring table (分值 | 评分标准 | 得分, no 指标值/完成值) may award bonus points (加分项) by its printed
    # rules: a score above the weight there is for a person to check against them
    cols = ctx.ev.columns
    scoring_table = "criteria" in cols and not {"target", "actual"} & set(cols)
    if funds is not None and funds.scored is not None:
        scored = funds.scored
        weight, score = ctx.number(scored.weight), ctx.number(scored.score)
        found = _out_of_bounds(ctx, "预算执行率", scored.weight, scored.score, False, weight, score, scoring_table)
        if found is not None:
            yield found
    tol = ctx.tol_score
    for f in facts:
        weight, score = f.weight, f.score
        if weight is None or score is None or (not f.adjustment and 0 <= score <= weight + tol):
            continue  # (`_out_of_bounds`' tests of a row that is no 扣分项, inline: most rows are within bounds)
        found = _out_of_bounds(ctx, f.name, f.ind.weight, f.ind.score, f.adjustment, weight, score, scoring_table)
        if found is not None:
            yield found


def _out_of_bounds(
    ctx: Context,
    name: str,
    wcell: CellValue,
    scell: CellValue,
    adjustment: bool,
    weight: Decimal | None,
    score: Decimal | None,
    scoring_table: bool,
) -> Finding | None:
    """S06's finding of one row (or the budget row) whose 得分 lies outside 0 … 分值, else None."""
    if weight is None or score is None:
        return None
    if adjustment:  # 扣分项 │ 5 │ -2 (or │ -5 │ 0): the 分值 caps the deduction (or the bonus) either way
        score, weight = abs(score), abs(weight)
    if score < 0 or score > weight + ctx.tol_score:
        bonus = scoring_table and score > weight
        return ctx.finding(
            scell,
            expected=weight,
            actual=score,
            name=name,
            certainty=Certainty.JUDGEMENT if bonus else None,
            basis=f"读取：分值 {wcell.text}，得分 {scell.text}"
            + ("；评分表的评分标准可能设有加分项，请对照核实" if bonus else ""),
            basis_en=f"read weight {wcell.text}, score {scell.text}"
            + ("; a scoring table's rules may award bonus points" if bonus else ""),
        )
    return None


@check("S07")
def full_marks_need_completion(ctx: Context) -> Iterator[Finding]:
    """Full marks only when the quantitative target is met (per its direction)."""
    # the rows `direction` calls qualitative, as S01–S05 have them classified (`rows_scored`): no two cached asks a row
    qualitative = {id(ind) for ind in rows_scored(ctx, "qualitative")}
    for f in ctx.facts():
        ind = f.ind
        if id(ind) in qualitative:
            yield from _graded_full_marks(ctx, ind)
            yield from _softened_full_marks(ctx, ind)
            continue
        reading = ctx.reading(ind)
        result = reading.result
        weight, score = f.weight, f.score
        if result is None or result.meets_target is not False or weight is None or score is None:
            continue
        if _unverifiable(ctx, f):
            continue
        if abs(score - weight) <= ctx.tol_score:
            # "5" for 4.84 on a form that scores whole points is the proportional score as printed: a
            # person judges whether the form rounds (a 警告), the cells do not make it certain
            rounded = ctx.score_agrees(ind.score, score, result) or (
                ctx.score_rounded_as_typed(ind.score, score, result) is not None
            )
            rule = row_rule(ctx, ind)
            own_rule = rule is not None and rule.score is None  # a rule perfxl cannot apply may grant full marks
            said, said_en = reading.as_guessed()
            bound = _bound_actual(ctx, ind, result)
            # the score the miss implies: S01/S02/S03 leave a full-marks miss to this one finding (one cause, gaps17)
            implied = "" if rounded or result.score is None else fmt_num(result.score)
            yield ctx.finding(
                ind.score,
                expected=result.score,
                actual=score,
                name=ind.name.text,
                target=ind.target.text,
                completion=ind.actual.text,
                reading=said,
                reading_en=said_en,
                basis=f"读取：年度指标值“{ind.target.text}”，实际完成值“{ind.actual.text}”，得分 "
                f"{ind.score.text} = 分值 {ind.weight.text}；计算：{reading.basis}"
                + (f"；按完成比例计分应为 {implied}" if implied else "")
                + ("；按得分印出的精度四舍五入后恰为满分，若本表按该精度计分则无误，请核实" if rounded else "")
                + (f"；表中评分标准为“{rule.text}”，是否允许满分需按该标准人工核对" if own_rule and rule else "")
                + (bound[0] if bound else ""),
                basis_en=f"read target {ind.target.text!r}, actual {ind.actual.text!r}, full marks "
                f"{ind.score.text}; computed: {reading.basis_en}"
                + (f"; scored by completion it is {implied}" if implied else "")
                + (
                    "; rounded to the printed precision it is full marks, which a form scoring at that precision allows"
                    if rounded
                    else ""
                )
                + (bound[1] if bound else ""),
                certainty=_weaker(Certainty.JUDGEMENT, reading) if rounded or own_rule or bound else reading.certainty,
            )


def _runs(ctx: Context, code: str) -> bool:
    """Whether this run checks `code`: in the runner's plan (enabled and selected), else as the profile enables it."""
    if ctx.planned is not None:
        return code in ctx.planned
    explicit = ctx.profile.get(f"checks.{code}.enabled")
    return spec(code).enabled if explicit is None else bool(explicit)


def _graded_full_marks(ctx: Context, ind: Indicator) -> Iterator[Finding]:
    """A grade target (优) answered with a lower grade (良) and full marks: the grade was not reached, but 良 lies in
    the same tier (达成年度指标, [80%, 100%] of the weight) — whether the form lets it keep full marks is a person's
    call (警告), with the grade's share as what it would score (review round 14)."""
    t, a = ctx.parsed(ind.target), ctx.parsed(ind.actual)
    if t.share is None or a.share is None or a.share >= t.share or a.tier != t.tier or not _full_marks(ctx, ind):
        return  # a lower tier (优 → 中) is S05's: full marks lie outside its band
    weight = ctx.number(ind.weight)
    assert weight is not None  # _full_marks read it
    share = fmt_num(Decimal(str(a.share)) * weight)
    yield ctx.finding(
        ind.score,
        expected=share,
        actual=ind.score.text,
        name=ind.name.text,
        target=ind.target.text,
        completion=ind.actual.text,
        certainty=Certainty.JUDGEMENT,
        basis=f"读取：年度指标值“{ind.target.text}”，实际完成值“{ind.actual.text}”，得分 {ind.score.text} = 分值 "
        f"{ind.weight.text}；实际等级低于目标等级，按等级折算为 {share}；但仍属同一档次（达成年度指标），是否可得满分需人工判断",
        basis_en=f"read target {ind.target.text!r}, actual {ind.actual.text!r}, full marks; the grade is below the "
        f"target's ({share} by its share) but in the same tier, so a person judges",
    )


def _softened_full_marks(ctx: Context, ind: Indicator) -> Iterator[Finding]:
    """A qualitative target answered by its own word softened — "及时" │ "较及时", "达标" │ "基本达标", "健全" │
    "较健全" (profile `qualitative.softened`) — with full marks: the actual itself says the target was reached only in
    part, so full marks want a reason (S07 警告; how many points the degree costs is a person's call). 松江九亭镇 2020,
    held-out batch 28."""
    target, actual = compact(ind.target.text), compact(ind.actual.text)
    if not target or len(actual) <= len(target) or not actual.endswith(target) or not _full_marks(ctx, ind):
        return
    if actual[: -len(target)] not in ctx.profile.get("qualitative.softened", ()):
        return
    yield ctx.finding(
        ind.score,
        expected="低于满分",
        actual=ind.score.text,
        name=ind.name.text,
        target=ind.target.text,
        completion=ind.actual.text,
        reading="",
        reading_en="",
        certainty=Certainty.JUDGEMENT,
        basis=f"读取：年度指标值“{ind.target.text}”，实际完成值“{ind.actual.text}”，得分 {ind.score.text} = 分值 "
        f"{ind.weight.text}；实际完成值是在目标词前加“{actual[: -len(target)]}”，所述程度低于目标，满分需说明理由，"
        "扣分多少需人工判断",
        basis_en=f"read target {ind.target.text!r}, actual {ind.actual.text!r} (the target's word softened), full "
        "marks; the actual says the target was met only in part",
    )


def _bound_actual(ctx: Context, ind: Indicator, result: ScoreResult | None) -> tuple[str, str] | None:
    """An actual printed as a bound ("≧80%", "≤5%") on the side the target is met from, its figure short of the target:
    the value may reach the target, so the miss (and the score its figure gives) is no certain reading — the notes a
    verdict from it adds, else None. 松江九亭镇 2020's 群众满意度 "≧90%" │ "≧80%" was an S01 and an S07 错误 (held-out
    batch 28)."""
    if result is None or result.meets_target is not False:
        return None
    t, a = ctx.parsed(ind.target), ctx.parsed(ind.actual)
    if a.op is None or a.number is None or t.number is None:
        return None
    up, down = a.op in (Op.GE, Op.GT), a.op in (Op.LE, Op.LT)
    method = result.method
    reach = (up and (method == "positive" or (method == "equal" and a.number < t.number))) or (
        down and (method.startswith("reverse") or (method == "equal" and a.number > t.number))
    )
    if not reach:
        return None
    side, side_en = ("下限", "lower") if up else ("上限", "upper")
    return (
        f"；实际完成值“{ind.actual.text}”只写了{side}，实际值可能达到年度指标值，未完成无从确定，请核实",
        f"; the actual {ind.actual.text!r} states only a {side_en} bound: the value may meet the target",
    )


def _full_marks(ctx: Context, ind: Indicator) -> bool:
    weight, score = ctx.number(ind.weight), ctx.number(ind.score)
    return weight is not None and score is not None and abs(score - weight) <= ctx.tol_score


@check("S08")
def over_completion_explained(ctx: Context) -> Iterator[Finding]:
    """正向 B ≥ 1.3A (A = 0: B ≥ 30) → 偏差原因分析 explains it (profile [over_completion])."""
    factor, zero = ctx.settings.over_factor, ctx.settings.over_zero_threshold
    for ind in rows_scored(ctx, "positive"):  # (the rows whose `direction` is "positive", in sheet order)
        reading = ctx.outcome(ind)  # a form without 分值 asks for the reason too
        result = reading.result
        if result is None or not result.over_completed:
            continue
        if ctx.explained(ind.deviation):
            continue
        if ind.deviation.sheet is None:
            ctx.skip("表中未找到偏差原因栏，未检查超额完成是否说明原因", "no deviation column found; not checked")
            continue
        ratio = result.ratio
        yield ctx.finding(
            ind.deviation,
            expected="偏差原因分析",
            actual=ind.deviation.text or "（空）",
            basis=reading.basis,
            basis_en=reading.basis_en,
            certainty=_weaker(JUDGEMENT, reading),
            name=ind.name.text,
            target=ind.target.text,
            completion=ind.actual.text,
            ratio=fmt_pct(ratio * 100) if ratio is not None else "—",
            threshold=f"{fmt_num(factor * 100)}%" if ratio is not None else fmt_num(zero),
            related=ind.own_row(ind.deviation),
        )


@check("S09")
def target_too_low(ctx: Context) -> Iterator[Finding]:
    """B/A ≥ 1.5 with full marks: the target was probably set too low (10号 偏离度调减)."""
    limit = Decimal(str(ctx.param("ratio", 1.5)))
    for ind in rows_scored(ctx, "positive"):  # (the rows whose `direction` is "positive", in sheet order)
        result = ctx.score(ind)
        if result is None or result.ratio is None:
            continue
        if result.ratio >= limit and _full_marks(ctx, ind):
            reading = ctx.reading(ind)
            yield ctx.finding(
                ind.target,
                expected=f"< {fmt_num(limit * 100)}%",
                actual=ind.target.text,
                basis=reading.basis,
                basis_en=reading.basis_en,
                certainty=_weaker(JUDGEMENT, reading),
                name=ind.name.text,
                target=ind.target.text,
                completion=ind.actual.text,
                ratio=fmt_pct(result.ratio * 100),
            )


def _weaker(certainty: Certainty, reading: Reading) -> Certainty:
    """The less sure of a check's own certainty and the row's reading."""
    return weaker_certainty(certainty, reading.certainty)


# ---------------------------------------------------------------- rows whose score cannot be verified (S12–S15)


def _scored_form(ctx: Context, ind: Indicator) -> bool:
    """A self-evaluation row with 实际完成值 and 得分 columns (not a target-setting or declaration table)."""
    ev = ctx.evaluation
    return (
        ev is not None
        and ev.kind in ("project", "department")
        and ind.actual.sheet is not None
        and ind.score.sheet is not None
    )


def _evaluation_form(ctx: Context, ind: Indicator) -> bool:
    """A self-evaluation row with an 实际完成值 column, scored or not (some forms have no 得分 column)."""
    ev = ctx.evaluation
    return ev is not None and ev.kind in ("project", "department") and ind.actual.sheet is not None


def _no_actual_but_scored(ctx: Context, f: RowFacts) -> bool:
    ind, score = f.ind, f.score
    return (
        f.actual_blank  # (the row's facts first: most rows have an actual, and `_scored_form` is a call)
        and _scored_form(ctx, ind)
        and not ctx.is_error(ind.actual)
        and score is not None
        and score > 0
        and not not_applicable.marked(ctx, ind)  # the filer's 不适用 answers it
    )


def _actual_repeats_target(ctx: Context, f: RowFacts) -> bool:
    """The actual is the target again: its operator too ("≥95%" │ "≥95%"), or the same text with a mark before the
    figure that is no unit ("工5%" │ "工5%": ≥ as OCR'd, 宁夏 原州 2022)."""
    ind, t, a = f.ind, f.target, f.actual
    if a.number is None or t.number is None or a.number != t.number or not _scored_form(ctx, ind):
        return False
    if a.op is None:  # the same text with a mark before the figure; "工5%（全年）" is "工5%" for the year
        target_text = _without_period_note(f.target_text)
        if _without_period_note(f.actual_text) != target_text or _MARK_BEFORE_FIGURE.match(target_text) is None:
            return False
    return (a.unit or t.unit) == (t.unit or a.unit) and (
        f.score is not None or _merged_score(ctx, ind) is not None or _score_above(ctx, ind) is not None
    )


#: A description this long is a task list, not a qualitative grade ("市级保护单位", "改善学校的办学条件").
_TASK_CHARS = 20


def _without_spaces(text: str) -> str:
    """The text with no whitespace, punctuation kept (`context.compact` drops that too): a task description as
    typed, compared and counted in characters."""
    return _SPACES.sub("", text)


_SPACES = lazy_compile(r"\s+")


#: A count in a task text: digits, or a Chinese numeral before a measure word ("三处", "十二个"; not 六安市's 六).
_FIGURE = lazy_compile(
    r"[0-9０-９]|[一二两三四五六七八九十百千万]+\s*[个处项次件所家人户座条台套名批期场间类座栋口亩公里米]"
)


#: The grade words a 定性 template lists for the filer to choose from ("好坏", "优良中低差", "是否"): a list of
#: options runs from a good grade to a bad one, so it holds one of each; "良好" or "优良" alone is a grade chosen.
_OPTION_WORDS = frozenset("好坏优良中低差是否高有无")
_GOOD_OPTIONS, _BAD_OPTIONS = frozenset("好优良高是有"), frozenset("坏差低否无")


def _options_copied(f: RowFacts) -> bool:
    """A row whose target and actual are both the template's list of options ("好坏" │ "好坏"), scored: no grade was
    chosen (大英县 图书馆免费开放 2022: 图书馆管理机制健全性 │ 定性 │ 好坏 │ 好坏 │ 5 │ 5). The cheap tests first: the
    score, then the target's reading, kept per text (`_option_list`)."""
    if f.score is None:
        return False
    text = _option_list(f.target_text)
    return text is not None and text == to_simplified(_without_spaces(f.actual_text))


@lru_cache(maxsize=4096)
def _option_list(target: str) -> str | None:
    """The target as a list of grade options, simplified and without spaces ("好壞" is 好坏); None when it is none. Kept
    per text: a table's targets repeat ("≥95%", "100%"), and every row asked this of a new regex pass and a set."""
    text = to_simplified(_without_spaces(target))
    options = set(text)
    listed = (
        len(text) >= 2
        and len(options) == len(text)
        and options <= _OPTION_WORDS
        and bool(options & _GOOD_OPTIONS)
        and bool(options & _BAD_OPTIONS)
    )
    return text if listed else None


def _task_copied(f: RowFacts) -> bool:
    """A 数量指标 row (二级 数量指标, or 数量 in its name) whose target and actual are one and the same long text with no
    figure, scored full marks: the count the row measures is never given (裕安区 文物保护 2022: 修缮建筑数量 │ the
    year's task list twice │ 7 │ 7)."""
    if len(f.target_text) < _TASK_CHARS:  # shorter still without its spaces: no regex pass for most rows
        return False
    text = _without_spaces(f.target_text)
    if len(text) < _TASK_CHARS or text != _without_spaces(f.actual_text) or _FIGURE.search(text):
        return False
    quantity = "数量" in f.name_key or normalise_label(f.ind.level2.text) == "数量指标"
    weight, score = f.weight, f.score
    return quantity and weight is not None and score is not None and score >= weight


def _merged_score(ctx: Context, ind: Indicator) -> CellValue | None:
    """The 得分 of the merged cell that covers this row's blank score cell (one score over two indicators, 湖北 黄石
    2022: G16:G17), when it holds a number; else None."""
    cell = ind.score
    at = cell.anchor
    if cell.sheet is None or at is None or at == (cell.r, cell.c) or not ctx.is_blank(cell):
        return None
    return _numeric_scores(ctx).get((cell.sheet, *at))


def _score_above(ctx: Context, ind: Indicator) -> CellValue | None:
    """The 得分 of the row directly above in the same 一级 and 二级 when this row's own is blank and in no merged cell: one
    score over two indicators whose merge the export lost (湖北 黄石 2022's G16:G17 exported unmerged, 10 left in G16 only)
    — a reading, as I01 reads a blank name under a named row; else None."""
    cell = ind.score
    if cell.sheet is None or (cell.anchor is not None and cell.anchor != (cell.r, cell.c)) or not ctx.is_blank(cell):
        return None
    above = _rows_above(ctx).get(id(ind))
    if above is None or above.score.sheet is None or ctx.number(above.score) is None:
        return None
    if compact(above.level1.text) != compact(ind.level1.text) or compact(above.level2.text) != compact(ind.level2.text):
        return None
    return above.score


def _rows_above(ctx: Context) -> dict[int, Indicator]:
    """id of each indicator → the indicator on the sheet row directly above it, made once per evaluation."""
    ev = ctx.evaluation

    def index() -> tuple[object, dict[int, Indicator]]:
        found: dict[int, Indicator] = {}
        rows = ctx.indicators()
        for above, below in itertools.pairwise(rows):
            a, b = above.score, below.score
            if a.sheet is not None and a.sheet == b.sheet and b.r == a.r + 1:
                found[id(below)] = above
        return ev, found  # holding the evaluation keeps its id, the key, from naming another one

    return ctx.once(("rows_above", id(ev)), index)[1]


def _numeric_scores(ctx: Context) -> dict[tuple[str, int, int], CellValue]:
    """The evaluation's numeric 得分 cells by (sheet, row, column) — the first row's where rows share one — made once per
    evaluation: looking each merged score up instead of walking every row for it kept a long table of merged scores
    from taking quadratic time (8,000 such rows: 7 s)."""
    ev = ctx.evaluation

    def index() -> tuple[object, dict[tuple[str, int, int], CellValue]]:
        found: dict[tuple[str, int, int], CellValue] = {}
        for other in ctx.indicators():
            score = other.score
            sheet = score.sheet
            if sheet is not None and (sheet, score.r, score.c) not in found and ctx.number(score) is not None:
                found[(sheet, score.r, score.c)] = score
        return ev, found  # holding the evaluation keeps its id, the key, from naming another one

    return ctx.once(("numeric_scores", id(ev)), index)[1]


#: Something other than a sign before the first digit: an operator, or a mark OCR made of one.
_MARK_BEFORE_FIGURE = lazy_compile(r"\s*[^\s\d+\-.]\s*\d")
#: A bracketed note at the end of a value that holds no figure ("（全年）", "(年度)"): the period the value is for.
_PERIOD_NOTE = lazy_compile(r"\s*[（(][^（()）\d]{1,6}[)）]\s*$")


def _without_period_note(text: str) -> str:
    """`text` without the bracketed period note ending it (`_PERIOD_NOTE`); a text holding no closing bracket (most
    targets and actuals) holds none: returned as it is, with no regex call (and the pattern uncompiled where no text
    holds one — issue 14)."""
    return _PERIOD_NOTE.sub("", text) if ")" in text or "）" in text else text


def _sole_row_block(ctx: Context, ind: Indicator) -> Level1Heading | None:
    """The 一级 heading declaring a weight ("效益指标(10分)") whose only row this is, on a table without a 分值 column:
    that row's weight is the declared one (云南 区直 form); else None."""
    if ctx.ev.has_column("weight") or ctx.number(ind.weight) is not None:
        return None
    for heading, rows in ctx.groups():
        if heading is not None and len(rows) == 1 and rows[0] is ind and heading.declared_weight is not None:
            return heading
    return None


#: A target that is only a deadline ("12月", "2023年12月底前完成", "12月31日前"), not words around a year ("同比2022年…").
_DEADLINE = lazy_compile(r"[0-9０-９\s年月日号底前内以之截止至完成\-—－./]+")


#: A deadline names its month or day: a bare year ("2023年") is the evaluated year itself, which "已完成" answers.
_MONTH_OR_DAY = lazy_compile(r"月|日|号|\d\s*[-—－./]\s*\d")


def _deadline(t: ParsedValue) -> bool:
    text = note_free(t.text).strip()  # "12月（注：…）" is the deadline "12月"
    return (
        t.kind is DATE
        and t.date is not None
        and _DEADLINE.fullmatch(text) is not None
        and _MONTH_OR_DAY.search(text) is not None
    )


def _text_actual(ctx: Context, f: RowFacts) -> bool:
    ind, t, a, weight, score = f.ind, f.target, f.actual, f.weight, f.score
    if a.number is not None or a.kind not in (QUALITATIVE, TEXT) or a.reason:
        return False  # no text actual (most rows: a figure): the other tests below are not asked
    if weight is None and (block := _sole_row_block(ctx, ind)) is not None:
        weight = block.declared_weight
    # a deadline ("12月", "2023年12月底前") answered "已完成" says neither when nor whether on time (宁夏福彩 2023)
    numeric = t.number is not None and t.kind in (NUMBER, PERCENT, GROWTH)
    numeric_target = numeric or (_deadline(t) and not _on_time(ind.actual.text))
    if not (_evaluation_form(ctx, ind) and numeric_target and not ctx.is_error(ind.actual)):
        return False
    if ind.score.sheet is None:
        return True  # no 得分 column: words are all that says the target was met
    return weight is not None and score is not None and abs(score - weight) <= ctx.tol_score


#: An actual saying the deadline was kept ("按时完成", "已按期完成", "及时完成"): it answers what a deadline asks — whether
#: on time — though not when; "未按时完成" says the opposite.
_ON_TIME = lazy_compile(r"按时|按期|如期|及时|准时")
_NOT = lazy_compile(r"未|没有|不")


def _on_time(text: str) -> bool:
    """Words saying a deadline was kept, not denying it (S14 asks for a date only where the words do not say that)."""
    return bool(_ON_TIME.search(text)) and not _NOT.search(text)


def _not_scored(ctx: Context, f: RowFacts) -> bool:
    """S15's row test. A table the reader found to have neither an 实际完成值 nor a 得分 column (LAYOUT_ABSENT_COLUMN:
    宁晋's 绩效评价指标表, 目标值 │ 分值 only) has no cell left blank: its rows are read at the standard positions past
    the table's edge, and "均为空" would blame the filer for the form's design (issue 11)."""
    ind = f.ind
    return (
        f.actual_blank  # (the row's facts first: most rows have an actual or a score)
        and f.score_blank
        and not f.target_blank
        and _scored_form(ctx, ind)
        and (ctx.ev.has_column("actual") or ctx.ev.has_column("score"))
        and not ctx.is_error(ind.score)
        and (f.weight is not None or not ctx.ev.has_column("weight"))  # weighted, or no 分值 column
        and not not_applicable.marked(ctx, ind)  # the filer's 不适用 answers it
    )


#: The tests of S12–S15, in the order `unverifiable` names the first a row fails.
_UNVERIFIABLE = {
    "S12": _no_actual_but_scored,
    "S13": _actual_repeats_target,
    "S14": _text_actual,
    "S15": _not_scored,
}


def _items_met(ctx: Context, ind: Indicator) -> bool:
    """A scored row with neither target nor actual of its own whose unscored rows right below carry both, each met
    (★补助各类粮食作物种植面积 │ 10 │ │ │ 10 over 红薯种植面积 │ │ 5.5亩 │ 5.5亩, 萧县 衔接资金 绩效目标自评表): its score rests
    on those items. An item met: its actual the target's very text with no operator ("5.5亩" │ "5.5亩"), a figure in
    the target's unit on the target's side of it (≥ unless the target says ≤/<), or, under a target in words, words of
    the top tier ("按时完成" │ "已完成"). False when any item is not so, or
    when no such row follows."""
    if not (ctx.is_blank(ind.target) and ctx.is_blank(ind.actual)) or ind.row is None:
        return False
    rows = ctx.indicators()
    below = [i for i in rows if i.row is not None and i.row > ind.row]
    items: list[Indicator] = []
    for item in below:
        if item.row != ind.row + len(items) + 1 or not unweighted(ctx, item):
            break
        merged = _merged_score(ctx, item)
        if merged is not None and merged is not ind.score:
            break  # a row scored by another merged 得分 cell is no item of the row above
        items.append(item)
    if not items:
        return False
    for item in items:
        if ctx.is_blank(item.target) or ctx.is_blank(item.actual):
            return False
        t, a = ctx.parsed(item.target), ctx.parsed(item.actual)
        if a.op is None and item.actual.text.strip() == item.target.text.strip():
            continue
        if t.number is None and a.number is None and a.tier == 0:
            continue  # a worded item met in words ("按时完成" │ "已完成"), as any 定性 row is
        if a.op is not None or t.number is None or a.number is None or (t.unit or a.unit) != (a.unit or t.unit):
            return False
        if (a.number > t.number) if t.op in (Op.LE, Op.LT) else (a.number < t.number):
            return False
    return True


@check("S12")
def score_without_actual(ctx: Context) -> Iterator[Finding]:
    """A score with a blank 实际完成值 (and often a blank 年度指标值): nothing supports it — unless the row's items below
    it carry the targets and actuals, each met (`_items_met`)."""
    for f in ctx.facts():
        if not f.actual_blank:
            continue  # (`_no_actual_but_scored`'s first test, asked here: most rows have an actual — no call a row)
        ind = f.ind
        if not _fails(ctx, f, "S12") or _items_met(ctx, ind):
            continue
        both = f.target_blank
        yield ctx.finding(
            ind.score,
            expected="有实际完成值",
            actual=ind.score.text,
            name=ind.name.text,
            weight=ind.weight.text,
            problem="年度指标值和实际完成值均为空" if both else "实际完成值为空",
            problem_en="target and actual are both blank" if both else "the actual is blank",
            basis=f"读取：年度指标值“{ind.target.text}”，实际完成值为空，得分 {ind.score.text}",
            basis_en=f"read target {ind.target.text!r}, blank actual, score {ind.score.text}",
        )


@check("S13")
def actual_repeats_target(ctx: Context) -> Iterator[Finding]:
    """An 实际完成值 that only restates the target with its operator ("≥95%") is no measured value; nor is a 数量指标's
    task description copied word for word (`_task_copied`), nor the template's list of options (`_options_copied`)."""
    for f in ctx.facts():
        ind = f.ind
        if _options_copied(f):
            yield _copied(
                ctx,
                ind,
                expected="选定的档次",
                how="模板列出的备选档次原样照抄，未选定其中之一",
                how_en="the template's list of options copied, none chosen",
                what="档次",
                basis=f"读取：年度指标值与实际完成值都是“{ind.target.text}”（模板列出的备选档次），得分 "
                f"{ind.score.text}；未选定档次，得分无从依据，需人工判断",
                basis_en=f"read {ind.target.text!r} as target and actual (the template's options), score "
                f"{ind.score.text}",
            )
        elif len(f.target_text) >= _TASK_CHARS and _task_copied(f):  # (`_task_copied`'s first test: no call a row)
            yield _copied(
                ctx,
                ind,
                expected="实际完成的数量",
                how="一字不差的任务描述，没有完成的数量",
                how_en="a task description copied word for word, no count",
                what="数量",
                basis=f"读取：数量指标“{ind.name.text}”的年度指标值与实际完成值是同一段不含数字的文字"
                f"（{len(_without_spaces(ind.target.text))} 字），分值 {ind.weight.text}，得分 {ind.score.text}（满分）；"
                "数量指标应填写完成的数量，照抄任务描述无法复核，需人工判断",
                basis_en=f"read the same text without a figure as target and actual of a 数量指标, full marks "
                f"{ind.score.text}",
            )
        elif f.actual.number is not None and f.actual.number == f.target.number and _fails(ctx, f, "S13"):
            # (`_actual_repeats_target`'s first test asked inline: most rows' actual is another figure or none)
            yield ctx.finding(
                ind.actual,
                expected="实际完成的数值",
                actual=ind.actual.text,
                name=ind.name.text,
                target=ind.target.text,
                how="连同数字前的运算符或符号",
                how_en="with the operator or mark before its figure",
                what="数值",
                score=ind.score.text or (_merged_score(ctx, ind) or _score_above(ctx, ind) or ind.score).text,
                basis=f"读取：年度指标值“{ind.target.text}”，实际完成值“{ind.actual.text}”（含运算符，"
                "数值与指标值相同）" + _merged_note(ctx, ind),
                basis_en=f"read target {ind.target.text!r}, actual {ind.actual.text!r} (an operator "
                "and the target's number)" + _unmerged_note_en(ctx, ind),
                certainty=Certainty.CERTAIN if ind.score.text or _merged_score(ctx, ind) else Certainty.GUESS,
            )


def _copied(
    ctx: Context, ind: Indicator, *, expected: str, how: str, how_en: str, what: str, basis: str, basis_en: str
) -> Finding:
    """S13 at an actual that copies text instead of stating a result (what was expected, how it was copied, the
    basis): a judgement, since the score then rests on nothing a person can check."""
    return ctx.finding(
        ind.actual,
        expected=expected,
        actual=ind.actual.text,
        name=ind.name.text,
        target=ind.target.text,
        score=ind.score.text,
        how=how,
        how_en=how_en,
        what=what,
        certainty=Certainty.JUDGEMENT,
        basis=basis,
        basis_en=basis_en,
    )


def _merged_note(ctx: Context, ind: Indicator) -> str:
    """Basis words for a row scored by a merged 得分 cell over it and others (or, its merge lost, by the score of the row
    above: `_score_above`), else ""."""
    merged = _merged_score(ctx, ind)
    if merged is not None and merged.sheet is not None:
        return f"；得分为合并单元格 {merged.located().cell} 的 {merged.text}（与其他指标合并计分）"
    above = _score_above(ctx, ind) if ctx.is_blank(ind.score) else None
    if above is None or above.sheet is None:
        return ""
    return (
        f"；本行得分栏为空，上一行 {above.located().cell} 的得分 {above.text} 可能是两行共用的合并单元格（导出时取消了合并），"
        "按此推断"
    )


def _unmerged_note_en(ctx: Context, ind: Indicator) -> str:
    """`_merged_note`'s reading of the score above, in English, else ""."""
    if not ctx.is_blank(ind.score) or _merged_score(ctx, ind) is not None:
        return ""
    above = _score_above(ctx, ind)
    if above is None or above.sheet is None:
        return ""
    return f"; blank score: {above.located().cell}'s {above.text} above may be one score over both rows, its merge lost"


@check("S14")
def text_actual_numeric_target(ctx: Context) -> Iterator[Finding]:
    """A numeric target, or a deadline, answered with words ("完成", "已完成") and full marks: the score cannot be checked."""
    for f in ctx.facts():
        if f.actual.number is not None or not _fails(ctx, f, "S14"):
            continue  # (a figure as the actual, most rows: `_text_actual`'s first test, asked without a call)
        ind = f.ind
        unscored = ind.score.sheet is None
        deadline = _deadline(f.target)
        kind, kind_en = ("时间", "date") if deadline else ("数值", "numeric")
        yield ctx.finding(
            ind.actual,
            expected=f"实际完成的{kind}",
            actual=ind.actual.text,
            name=ind.name.text,
            target=ind.target.text,
            kind=kind,
            kind_en=kind_en,
            unverified="是否完成无法复核" if unscored else f"得分 {ind.score.text} 无法复核",
            unverified_en="whether it was met cannot be verified"
            if unscored
            else f"the score {ind.score.text} cannot be verified",
            basis=f"读取：年度指标值“{ind.target.text}”为{kind}，实际完成值“{ind.actual.text}”不含{kind}，"
            + ("表中无得分栏" if unscored else f"得分 {ind.score.text} 为满分")
            + (
                f"（表中无分值栏，分值按一级指标“{block.label.text}”所标 {fmt_num(block.declared_weight)}，该一级指标下仅此一项）"
                if not unscored
                and (block := _sole_row_block(ctx, ind)) is not None
                and block.declared_weight is not None
                else ""
            ),
            basis_en=f"read {kind_en} target {ind.target.text!r}, actual {ind.actual.text!r} without one, "
            + ("no score column" if unscored else f"full marks {ind.score.text}"),
        )


@check("S15")
def indicator_not_scored(ctx: Context) -> Iterator[Finding]:
    """A row with a target but neither 实际完成值 nor 得分: the table was not filled in. When every row with a
    target is so (at least two), the table was published unfilled: one finding at its 总分, not one a row."""
    facts = ctx.facts()
    # (`_not_scored`'s first two tests asked inline: most rows have an actual or a score — no call a row)
    rows = [f.ind for f in facts if f.actual_blank and f.score_blank and _fails(ctx, f, "S15")]
    targeted = [f.ind for f in facts if not f.target_blank]
    unscored = _scores_unfilled(ctx, targeted)
    if unscored is not None:
        yield unscored
        return
    blank, blank_en, what_en, missing = _unfilled_columns(ctx)
    if len(rows) >= _UNFILLED_TABLE and len(rows) == len(targeted):
        first, last = rows[0].actual, rows[-1].actual
        total = ctx.ev.total_score
        yield ctx.finding(
            total if total is not None else first,
            expected=blank,
            actual="（空）",
            name=f"自评表的全部 {len(rows)} 个指标",
            name_en=f"every one of the table's {len(rows)} indicators",
            target="",
            target_en="",
            blank=f"{blank}均",
            blank_en=blank_en,
            basis=f"读取：{len(rows)} 个指标（{first.a1()}–{last.a1()}）"
            f"有年度指标值，{blank}均为空{missing}"
            + ("，总分为空" if total is not None and ctx.is_blank(total) else ""),
            basis_en=f"read {len(rows)} indicators with a target and blank {what_en}",
            related=tuple(c.located() for c in (first, last) if c.sheet is not None),
        )
        return
    for ind in rows:
        weight = f"，分值 {ind.weight.text}" if ctx.ev.has_column("weight") else "，表中无分值栏"
        yield ctx.finding(
            ind.actual,
            expected=blank,
            actual="（空）",
            name=f"“{ind.name.text}”",
            name_en=ind.name.text,
            target=f"“{ind.target.text}”",
            target_en=f" {ind.target.text!r}",
            blank=f"{blank}均" if "和" in blank else blank,
            blank_en=blank_en,
            basis=f"读取：年度指标值“{ind.target.text}”{weight}，{blank}为空{missing}",
            basis_en=f"read target {ind.target.text!r}, weight {ind.weight.text or '(no column)'}, blank {what_en}",
        )


def _unfilled_columns(ctx: Context) -> tuple[str, str, str, str]:
    """What S15 finds blank, named as the table has it: 实际完成值 and 得分, or only the one of them the table has a
    column for (吉林 2016's 专项经费绩效评价表: 目标值 │ 分值 │ 指标值, no 得分 column — "得分均为空" was untrue of it), and
    the note of the column it lacks: (zh, en for the message, en for the basis, note)."""
    actual, score = ctx.ev.has_column("actual"), ctx.ev.has_column("score")
    if actual and not score:
        return "实际完成值", "no actual is", "actual", "（表中无得分栏）"
    if score and not actual:
        return "得分", "no score is", "score", "（表中无实际完成值栏）"
    return "实际完成值和得分", "neither actual nor score is", "actual and score", ""


#: From this many rows on, a table whose every target row is unfilled is one finding (published unfilled).
_UNFILLED_TABLE = 2


def _scores_unfilled(ctx: Context, targeted: list[Indicator]) -> Finding | None:
    """Every row with a target (at least two) holds its 实际完成值 but a blank 得分, and so does the 总分 row: the
    self-evaluation's scores were published unfilled (大英县 铁路沿线整治: 完成值 all met, 得分 and 合计 blank). One
    finding at the 总分, a 警告 (S15)."""
    total = ctx.ev.total_score
    if len(targeted) < _UNFILLED_TABLE or total is None or not ctx.is_blank(total) or not ctx.ev.has_column("score"):
        return None
    if any(ctx.is_blank(i.actual) or not ctx.is_blank(i.score) or ctx.is_error(i.score) for i in targeted):
        return None
    if not all(_scored_form(ctx, i) for i in targeted):
        return None  # a target-setting or monitoring table has no scores to fill
    first, last = targeted[0].score, targeted[-1].score
    stated = ctx.ev.stated_total
    stated_text = stated.text.strip() if stated is not None and ctx.parsed(stated).number is not None else ""
    # a 自评得分 stated above the table (95) is a score given, only not per indicator: say so, not "未填写"
    unfilled = f"：表上方所写自评得分“{stated_text}”无从由各指标得分复核" if stated_text else "：自评分未填写"
    return ctx.finding(
        total,
        expected="各指标得分和总分",
        actual="（空）",
        name=f"自评表的全部 {len(targeted)} 个指标",
        name_en=f"every one of the table's {len(targeted)} indicators",
        target="且已填实际完成值",
        target_en=" and an actual",
        blank="得分和总分均",
        blank_en="no score (nor the total) is",
        basis=f"读取：{len(targeted)} 个指标有年度指标值和实际完成值，得分（{first.a1()}–"
        f"{last.a1()}）和总分均为空{unfilled}",
        basis_en=f"read {len(targeted)} indicators with a target and an actual, blank scores and a blank total",
        related=tuple(c.located() for c in (first, last) if c.sheet is not None),
    )


#: A 未完成原因 saying the work is not done ("未完成展陈建设", "待…审核后,将尽快实施"); "无未完成情况" says the opposite.
_UNFINISHED = lazy_compile(
    r"未(?:能|按期|按时|如期)?完成|没有?(?:按期|按时)?完成|无法完成|尚未|未实施|未开工|未启动|未验收|将尽快实施|待.{1,40}?后"
)
#: The words that say so outright, against the looser 尚未 / 待…后 / 将尽快实施 a reason may use of something else.
_NOT_DONE = lazy_compile(
    r"未(?:能|按期|按时|如期)?完成|没有?(?:按期|按时)?完成|无法完成|尚未实施|未实施|未开工|未启动|未验收"
)
_NOTHING_UNFINISHED = lazy_compile(r"(?:无|没有|不存在)(?:任何)?(?:未(?:能|按期|按时|如期)?完成|尚未)")
#: A clause saying the work is done ("已完成", "按期完成", "均已完成", "已完工", "已竣工"; not "未完成", "无法完成").
_DONE = lazy_compile(r"(?<![未没无不尚])(?:已|均已|已全部|全部|按期|按时|如期|已按期|已按时)(?:完成|完工|竣工)")
#: The looser words used of something other than the row's work: nothing happened yet ("尚未发生安全事故"), the
#: money paid after a step ("待验收后支付尾款"), another row ("其他指标未完成"), or the column's own title echoed
#: ("未完成原因：无").
_ABOUT_ELSE = lazy_compile(
    r"尚未(?:发现|出现|发生|收到.{0,6}投诉)|待.{1,40}?后(?:再)?(?:支付|付款|拨付|拨款|结算|付清|兑付)"
    r"|(?:其他|其它|其余|另一)(?:指标|项目)"
)
_COLUMN_TITLE = lazy_compile(r"(?:未(?:按期|按时)?完成|偏差)原因(?:(?:和|及|与)改进措施)?[:：]?")
_CLAUSES = lazy_compile(r"[，,。；;！!]+")
_SPACES = lazy_compile(r"\s+")


def _says_unfinished(reason: str) -> bool:
    """True when a 未完成原因 says this row's work is not done: a clause with 未完成 / 尚未 / 待…后 / 将尽快实施 that is
    not negated ("无尚未解决问题", "不存在未完成情况"), not about something else (`_ABOUT_ELSE`) and — beside a clause
    saying the work is done ("已完成，待审计后支付尾款", "已完成，后续将尽快实施二期工程") — saying so outright
    (`_NOT_DONE`). Traditional characters read as simplified ("無未完成情況")."""
    text = _COLUMN_TITLE.sub("，", _SPACES.sub("", to_simplified(reason)))
    clauses = [c for c in _CLAUSES.split(text) if c]
    done = any(_DONE.search(c) and not _NOT_DONE.search(c) for c in clauses)  # not "没有按时完成"
    for clause in clauses:
        if not _UNFINISHED.search(clause) or _NOTHING_UNFINISHED.search(clause) or _ABOUT_ELSE.search(clause):
            continue
        if not done or _NOT_DONE.search(clause):
            return True
    return False


def _no_result(ctx: Context, ind: Indicator) -> tuple[str, str] | None:
    """Why the actual of a row on a form without 得分 states no result, or None: it restates the target with its
    bound ("<=0%" │ "<=0%": any value up to 0% — an "=" copied with the figure still states it), or it reads as the target met while the row's own 未完成原因 says the work is not
    done (休宁 皖浙赣省委驻地旧址展陈 2023: "一次性" against 一次性通过省文物局验收, "4个月" against 4个月, each beside
    "未完成展陈建设" / "待…审核后,将尽快实施"). Either way whether the target was met is a person's question."""
    t, a = ctx.parsed(ind.target), ctx.parsed(ind.actual)
    same_figure = (
        a.number is not None
        and t.number is not None
        and a.number == t.number
        and (a.unit or t.unit) == (t.unit or a.unit)
    )
    # "=230亩" still states 230亩; "<=0%" copied states no value — but another bound ("95%" │ "≥95%", "≥95%" │ "＞95%")
    # is no copy: it says the target was reached, for the scorer to read
    if same_figure and a.op is not None and a.op is not Op.EQ and a.op is t.op:
        return (
            "实际完成值连同运算符照抄年度指标值，不是实际完成的数值",
            "the actual restates the target with its operator; it is no measured value",
        )
    reason = ind.deviation.text.strip()
    if not _says_unfinished(reason):
        return None
    actual, target = compact(ind.actual.text), compact(ind.target.text)
    abridged = len(actual) >= 2 and target.startswith(actual) and not any(ch.isdigit() for ch in actual)
    if not (same_figure or abridged):
        return None
    read = "与年度指标值相同" if same_figure else "只是年度指标值的开头几个字"
    return (
        f"同行未完成原因写“{reason}”，实际完成值却{read}，读作已达标",
        f"the row's reason {reason!r} says the work is not done, yet the actual reads as the target met",
    )


@check("S16")
def target_met_unknown(ctx: Context) -> Iterator[Finding]:
    """A form without 得分: an actual that cannot be compared with its numeric target (units that do not
    convert, "1000件" against "100%") leaves open whether the target was met (S11 says it where scored)."""
    for ind in ctx.indicators():
        # (a 得分 column first: a slot read, where every row of a scored form ends — no `_evaluation_form` call a row)
        if ind.score.sheet is not None or not _evaluation_form(ctx, ind) or unverifiable(ctx, ind):
            continue
        if any(ctx.is_blank(c) or ctx.is_error(c) or ctx.parsed(c).reason for c in (ind.target, ind.actual)):
            continue
        no_result = _no_result(ctx, ind)
        if no_result is not None:
            yield ctx.finding(
                ind.actual,
                expected="实际完成的数值或情况",
                actual=ind.actual.text,
                name=ind.name.text,
                target=ind.target.text,
                reason=no_result[0],
                reason_en=no_result[1],
                certainty=Certainty.JUDGEMENT,
                basis=f"读取：年度指标值“{ind.target.text}”，实际完成值“{ind.actual.text}”，"
                f"未完成原因“{ind.deviation.text}”，表中无得分栏；{no_result[0]}，需人工判断",
                basis_en=f"read target {ind.target.text!r}, actual {ind.actual.text!r}, reason "
                f"{ind.deviation.text!r}, no score column: {no_result[1]}",
            )
            continue
        result = ctx.outcome(ind).result
        if result is None or result.score is not None or direction(ctx, ind) == "qualitative":
            continue
        yield ctx.finding(
            ind.actual,
            expected="与年度指标值可比的实际完成值",
            actual=ind.actual.text,
            name=ind.name.text,
            target=ind.target.text,
            reason=result.error or "",
            reason_en=getattr(result, "error_en", None) or result.error or "",
            basis=f"读取：年度指标值“{ind.target.text}”，实际完成值“{ind.actual.text}”，表中无得分栏；"
            f"计算：{result.error}",
            basis_en=f"read target {ind.target.text!r}, actual {ind.actual.text!r}, no score column; "
            f"computed: {getattr(result, 'error_en', None) or result.error}",
        )
