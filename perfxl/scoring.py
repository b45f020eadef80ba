"""Indicator scores (指标得分) by the rules of 财预〔2020〕10号 and the active profile, each explained in one line.

正向 (≥ >): w·min(1, B/A); 反向 (≤ <): w·min(1, A/B) or the linear decline to 0 at 2A (profile
`scoring.reverse`); 等于 (=A; =0 targets such as 安全事故数=0); 时效 (dates/deadlines); 定性 (three tiers with
bands 100–80% / 80–60% / 60–0%, Hubei 80/50). Also the budget-execution score, totals and the grade.
Scores are rounded half-up (Excel ROUND) and always lie within [0, weight].
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any

from perfxl import scoring_dept
from perfxl.numbers import ZERO, round_half_up, to_decimal
from perfxl.profiles import EngineSettings, Profile, ProfileLike, resolve_profile
from perfxl.rates import RateResult, execution_rate
from perfxl.scoring_dept import *  # noqa: F403 (re-exported: the department-wide scores, named once in its __all__)
from perfxl.scoring_quant import score_deadline, score_quantitative
from perfxl.scoring_result import ScoreResult, bounded_exact, bounded_score, failure
from perfxl.scoring_result import fmt_cached as _F
from perfxl.values import Op, ParsedValue, ValueKind, parse_value

from .patterns import lazy_compile

__all__ = [
    "ScoreResult",
    "METHODS",
    "score_indicator",
    "execution_score",
    "qualitative_band",
    "band_contains",
    "total_score",
    "total_cap",
    "grade",
]
__all__ += scoring_dept.__all__  # the department-wide (部门整体支出) scores of perfxl.scoring_dept, named once there

#: Methods `score_indicator` accepts; "reverse" means the profile's reverse variant.
METHODS = ("positive", "reverse", "reverse_ratio", "reverse_linear2A", "equal", "equal_zero", "deadline", "qualitative")
_NUMERIC = frozenset((ValueKind.NUMBER, ValueKind.PERCENT, ValueKind.GROWTH))
_OPS = {"GE": Op.GE, "GT": Op.GT, "EQ": Op.EQ, "LE": Op.LE, "LT": Op.LT}


_DEC_OK = (int, float, Decimal)
_EXPONENT = lazy_compile(r"\d\s*[eE]\s*[+-]?\d")
_POSITIVE = frozenset((Op.GE, Op.GT))
_REVERSE = frozenset((Op.LE, Op.LT))


def _weight(weight: Any) -> Decimal | None:
    cls = weight.__class__
    if cls is int or cls is float:
        return _number_weight(weight)
    w = to_decimal(weight) if isinstance(weight, _DEC_OK) else None
    if w is None and isinstance(weight, ParsedValue):
        w = weight.number
    if w is None and isinstance(weight, str):
        if _EXPONENT.search(weight):
            return None  # "1E1" typed as text: Excel would have stored a number, so it is not a weight
        w = to_decimal(weight)
        if w is None:
            w = parse_value(weight).number
    return w if w is not None and w >= 0 else None


@lru_cache(maxsize=1024, typed=True)
def _number_weight(weight: int | float) -> Decimal | None:
    """Weights repeat (5, 10, 15 …): convert each once."""
    w = to_decimal(weight)
    return w if w is not None and w >= 0 else None


def score_indicator(
    target: Any, actual: Any, weight: Any, profile: ProfileLike = None, method: str | None = None
) -> ScoreResult:
    """Score one indicator: `target` (年度指标值) and `actual` (实际完成值) as typed or parsed, `weight` (分值).

    Never raises for user input: when it cannot score, `score` is None and `error` says why in Chinese.
    """
    prof = profile if profile.__class__ is Profile else resolve_profile(profile)
    s = prof.settings
    w = _weight(weight)
    if w is None:
        return failure(
            "invalid", f"分值不是有效的非负数字：{weight!r}", f"weight {weight!r} is not a non-negative number"
        )
    t = target if target.__class__ is ParsedValue else parse_value(target, prof)
    a = actual if actual.__class__ is ParsedValue else parse_value(actual, prof)
    if method is None and t.kind in _NUMERIC and a.kind in _NUMERIC and t.number is not None and a.number is not None:
        op = t.op or _OPS[s.default_op]  # fast path: the common numeric row
        if op in _POSITIVE:
            return score_quantitative(t, a, w, s, "positive")
        if op in _REVERSE:
            return score_quantitative(t, a, w, s, "reverse_linear2A" if s.reverse == "linear2A" else "reverse_ratio")
        return score_quantitative(t, a, w, s, "equal")
    return _score_general(t, a, w, s, method)


def _score_general(t: ParsedValue, a: ParsedValue, w: Decimal, s: EngineSettings, method: str | None) -> ScoreResult:
    if method is not None and method not in METHODS:
        return failure(
            "invalid",
            f"未知的计分方法：{method}（可选：{'、'.join(METHODS)}）",
            f"unknown scoring method {method!r}",
            w,
        )
    if a.is_empty:
        return failure("missing", "实际完成值为空，无法计分", "actual value is empty; cannot score", w)
    if t.is_empty and method != "qualitative":
        return failure("missing", "年度指标值为空，无法计分", "target is empty; cannot score", w)
    if method == "qualitative" or (method is None and _is_qualitative(t, a)):
        return _score_qualitative(t, a, w, s)
    if method == "deadline" or (method is None and t.kind is ValueKind.DATE):
        if t.date is None or a.date is None:
            return failure(
                "deadline",
                f"时效指标需要日期：目标“{t.display()}”，实际“{a.display()}”",
                "a deadline indicator needs dates on both sides",
                w,
            )
        return score_deadline(t, a, w, s)
    if t.kind is ValueKind.QUALITATIVE and t.number is None:
        return failure(
            "qualitative",
            f"定性指标“{t.display()}”的实际完成值应为完成等级（达成 / 部分达成 / 未达成），而非“{a.display()}”",
            f"qualitative target {t.display()!r}: the actual must be a tier label, not {a.display()!r}",
            w,
        )
    if t.number is None or t.kind not in _NUMERIC:
        return failure(
            "invalid",
            f"年度指标值“{_as_printed(t)}”不是可计分的数值或定性等级",
            f"target {_as_printed(t)!r} is neither a number nor a qualitative label",
            w,
        )
    if a.number is None or a.kind not in _NUMERIC:
        return failure(
            "invalid",
            f"实际完成值“{_as_printed(a)}”不是数值，无法与目标 {t.display()} 比较",
            f"actual {_as_printed(a)!r} is not a number; cannot compare with {t.display()}",
            w,
        )
    op = t.op or _OPS[s.default_op]
    if method is None:
        method = "positive" if op in _POSITIVE else ("reverse" if op in _REVERSE else "equal")
    if method == "reverse":
        method = "reverse_linear2A" if s.reverse == "linear2A" else "reverse_ratio"
    return score_quantitative(t, a, w, s, method)


def _as_printed(p: ParsedValue) -> str:
    """A value not read as a number as its cell printed it: "30%(3/10)", not its figure "30%" alone (a message saying
    "“30%”不是数值" names a figure that is one, issue 11)."""
    return p.text if p.kind not in _NUMERIC and p.text else p.display()


def _is_qualitative(t: ParsedValue, a: ParsedValue) -> bool:
    if a.kind is ValueKind.QUALITATIVE and (a.tier is not None or a.share is not None):
        return True
    return t.kind in (ValueKind.QUALITATIVE, ValueKind.TEXT) and a.kind in (ValueKind.QUALITATIVE, ValueKind.TEXT)


def qualitative_band(tier: int, weight: Any, profile: ProfileLike = None) -> tuple[Decimal, Decimal]:
    """Score band of a qualitative tier as (low, high) points: 达成 [0.8w, w], 部分 [0.6w, 0.8w), 未达成 [0, 0.6w).

    The top tier includes `high`; the others exclude it (see `band_contains`). Rounded half-up. (财预〔2020〕10号)
    """
    s = resolve_profile(profile).settings
    w = _weight(weight) or ZERO
    tiers = s.tiers
    t = tiers[max(0, min(int(tier), len(tiers) - 1))]
    return round_half_up(t.low * w, s.score_places), round_half_up(t.high * w, s.score_places)


def band_contains(tier: int, score: Any, weight: Any, profile: ProfileLike = None) -> bool:
    """True when `score` lies in the tier's band (top tier [low, high], others [low, high))."""
    value = to_decimal(score)
    if value is None:
        return False
    low, high = qualitative_band(tier, weight, profile)
    return low <= value <= high if tier == 0 else low <= value < high


def _score_qualitative(t: ParsedValue, a: ParsedValue, w: Decimal, s: EngineSettings) -> ScoreResult:
    tier, share = a.tier, a.share
    if tier is None and share is None:
        if a.text and a.text == t.text:
            tier = 0  # the actual repeats the qualitative target: read as 达成
        else:
            return failure(
                "qualitative",
                f"实际完成值“{a.display()}”不是定性等级（如 达成年度指标 / 部分达成 / 未达成）",
                f"actual {a.display()!r} is not a qualitative tier label",
                w,
            )
    if tier is None:
        tier = len(s.tiers) - 1
    info = s.tiers[min(tier, len(s.tiers) - 1)]
    places = s.score_places
    low, high = round_half_up(info.low * w, places), round_half_up(info.high * w, places)
    score = bounded_score((share if share is not None else info.point) * w, w, places)
    close = "]" if tier == 0 else ")"
    label = a.label or a.display()
    tier_label = info.label

    def zh() -> str:
        band = f"[{_F(low)}, {_F(high)}{close}"
        how = f"按“{label}”折算 {_F(share)}×{_F(w)} =" if share is not None else "取该档默认分"
        which = f"“{label}”" if label == tier_label else f"“{label}”属“{tier_label}”档"
        return f"定性指标：实际{which}，得分区间 {band}，{how} {_F(score)}"

    return ScoreResult(
        score,
        "qualitative",
        zh,
        lambda: (
            f"qualitative: actual {label!r} is tier {tier} ({tier_label}), band [{_F(low)}, {_F(high)}{close}, "
            f"score {_F(score)}"
        ),
        meets_target=tier == 0,
        weight=w,
        band=(low, high),
        tier=tier,
    )


def execution_score(executed: Any, budget: Any, weight: Any = None, profile: ProfileLike = None) -> ScoreResult:
    """预算执行率得分 = min(执行率, 上限) × 分值 (财预〔2020〕10号 附1; weight defaults to the profile's 10 or 20)."""
    prof = resolve_profile(profile)
    s = prof.settings
    w = s.budget_weight if weight is None else _weight(weight)
    if w is None:
        return failure(
            "budget_execution", f"分值不是有效的非负数字：{weight!r}", f"weight {weight!r} is not a non-negative number"
        )
    rate = execution_rate(executed, budget, prof)
    if rate.ratio is None:
        return failure("budget_execution", rate.reason or "", rate.reason_en or "", w)
    counted = min(rate.ratio, s.rate_cap)
    score = bounded_score(counted * w, w, s.score_places)
    pct, cap = f"{_F(rate.percent)}%", f"{_F(s.rate_cap * 100)}%"
    if rate.ratio > s.rate_cap:
        zh: Any = lambda: f"执行率 {pct} 超过上限 {cap}，按 {cap} 计，{cap}×{_F(w)} = {_F(score)}"  # noqa: E731  # formatted only when shown
        en: Any = lambda: f"execution rate {pct} above the cap {cap}; counted as {cap}: score {_F(score)}"  # noqa: E731  # formatted only when shown
    else:
        zh = lambda: f"执行率 {_num(executed)}/{_num(budget)} = {pct}，{pct}×{_F(w)} = {_F(score)}"  # noqa: E731  # formatted only when shown
        en = lambda: f"execution rate {pct} × {_F(w)} = {_F(score)}"  # noqa: E731  # formatted only when shown
    return ScoreResult(
        score,
        "budget_execution",
        zh,
        en,
        meets_target=rate.ratio >= 1,
        ratio=rate.ratio,
        weight=w,
        exact=bounded_exact(counted * w, w),
    )


def _num(value: Any) -> str:
    d = to_decimal(value)
    return _F(d) if d is not None else str(value)


def total_cap(rate: Any, profile: ProfileLike = None) -> Decimal | None:
    """The highest 总分 allowed at execution rate `rate` (ratio or RateResult) by the profile's `total.caps`."""
    ratio = rate.ratio if isinstance(rate, RateResult) else to_decimal(rate)
    if ratio is None:
        return None
    for below, cap in resolve_profile(profile).settings.total_caps:
        if ratio < below:
            return cap
    return None


def total_score(scores: Iterable[Any], profile: ProfileLike = None, execution_rate: Any = None) -> Decimal:
    """总分 = Σ scores (ScoreResults or numbers; unscored ones count 0), rounded, capped by execution rate."""
    s = resolve_profile(profile).settings
    total = ZERO
    for item in scores:
        value = item.score if isinstance(item, ScoreResult) else to_decimal(item)
        if value is not None:
            total += value
    total = round_half_up(total, s.score_places)
    if execution_rate is not None:
        cap = total_cap(execution_rate, profile)
        if cap is not None and total > cap:
            total = cap
    return total


def grade(total: Any, profile: ProfileLike = None) -> str | None:
    """自评等级 of a total: 优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 < 60 by default (bands from the profile)."""
    value = to_decimal(total)
    if value is None:
        return None
    for label, minimum in resolve_profile(profile).settings.grade_bands:
        if value >= minimum:
            return label
    return None
