"""Department-wide (部门整体支出) common-indicator scores from the Hunan 评分表 standards, parameters from the profile.

在职人员控制率 ≤100% full, −k per point above [S12–S14]; "三公经费"变动率 ≤0 full, −w/10 per point [S12–S14];
"三公经费"控制率 ≤100% full, −1 per point [S12]; 预算调整率 bands [S12, S13]; 预算完成率 −2 per 5 points short
[S13]; 重点支出安排率 bands [S12]; completion-type rates w·min(1, rate) [X]. Every deduction floors at 0.
The validation rules (perfxl/rules/basic.py) report these same scores, so this is their one implementation.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from perfxl.numbers import HUNDRED, ZERO, to_decimal
from perfxl.profiles import Profile, ProfileLike, resolve_profile
from perfxl.rates import (
    RateResult,
    budget_adjustment_rate,
    budget_completion_rate,
    key_spending_rate,
    public_funds_control_rate,
    staff_control_rate,
    three_public_change_rate,
    three_public_control_rate,
)
from perfxl.scoring_result import ScoreResult, bounded_score, failure
from perfxl.scoring_result import fmt_cached as _F

__all__ = [
    "staff_control_score",
    "three_public_change_score",
    "three_public_control_score",
    "public_funds_control_score",
    "budget_adjustment_score",
    "budget_completion_score",
    "key_spending_score",
    "rate_score",
    "deduction_per_point",
]

#: How a defined rate earns its score: (rate, weight, profile, section) → ScoreResult.
Rule = Callable[[RateResult, Decimal, Profile, str], ScoreResult]


def _valid_weight(weight: Any) -> Decimal | None:
    w = to_decimal(weight)
    return w if w is not None and w >= 0 else None


def _invalid_weight(method: str, weight: Any) -> ScoreResult:
    return failure(method, f"分值无效：{weight!r}", f"invalid weight {weight!r}")


def _department_score(
    section: str,
    rate_of: Callable[..., RateResult],
    numerator: Any,
    denominator: Any,
    weight: Any,
    profile: ProfileLike,
    rule: Rule,
) -> ScoreResult:
    """Weight (argument, else `department.<section>.weight`), the rate, a clear failure, else `rule`."""
    prof = resolve_profile(profile)
    w = _valid_weight(prof.decimal(f"department.{section}.weight") if weight is None else weight)
    if w is None:
        return _invalid_weight(section, weight)
    rate = rate_of(numerator, denominator, prof)
    if rate.percent is None:
        return failure(section, rate.reason or "", rate.reason_en or "", w)
    return rule(rate, w, prof, section)


def deduction_per_point(section: str, weight: Decimal, profile: ProfileLike = None) -> Decimal:
    """Points a `department.<section>` rule deducts per percentage point beyond its limit.

    三公经费变动率 deducts a share of the weight (`deduct_share_per_point`, w/10); the others a fixed
    `deduct_per_point` (在职人员 0.5, 三公/公用经费控制率 1).
    """
    prof = resolve_profile(profile)
    if section == "three_public_change":
        return weight * prof.decimal("department.three_public_change.deduct_share_per_point", ZERO)
    return prof.decimal(f"department.{section}.deduct_per_point", ZERO)


def _deduct_above(base: Decimal) -> Rule:
    """Full marks at or below `base` percent; each point above deducts `deduction_per_point`, floor 0."""

    def rule(rate: RateResult, w: Decimal, prof: Profile, section: str) -> ScoreResult:
        assert rate.percent is not None  # _department_score calls a rule only on a defined rate
        per_point = deduction_per_point(section, w, prof)
        pct = f"{_F(rate.percent)}%"
        if rate.percent <= base:
            return ScoreResult(
                w,
                section,
                f"{rate.name} {pct} ≤ {_F(base)}%，得满分 {_F(w)}",
                f"{rate.name} {pct} ≤ {_F(base)}%: full marks {_F(w)}",
                meets_target=True,
                ratio=rate.ratio,
                weight=w,
            )
        points = rate.percent - base
        score = bounded_score(w - per_point * points, w, prof.settings.score_places)
        zh = (
            f"{rate.name} {pct}，超 {_F(base)}% {_F(points)} 个百分点，每点扣 {_F(per_point)}，"
            f"{_F(w)}−{_F(per_point)}×{_F(points)} → {_F(score)}"
        )
        en = f"{rate.name} {pct}: {_F(points)} points above {_F(base)}%, −{_F(per_point)} each → {_F(score)}"
        return ScoreResult(score, section, zh, en, meets_target=False, ratio=rate.ratio, weight=w)

    return rule


_ABOVE_FULL = _deduct_above(HUNDRED)


def staff_control_score(
    actual: Any, establishment: Any, weight: Any = None, profile: ProfileLike = None
) -> ScoreResult:
    """在职人员控制率得分: ≤100% full; each point above −`department.staff_control.deduct_per_point` (Hunan 0.5)."""
    return _department_score("staff_control", staff_control_rate, actual, establishment, weight, profile, _ABOVE_FULL)


def three_public_control_score(
    actual: Any, budget: Any, weight: Any = None, profile: ProfileLike = None
) -> ScoreResult:
    """ "三公经费"控制率得分: ≤100% full; each point above −1 (S12)."""
    return _department_score(
        "three_public_control", three_public_control_rate, actual, budget, weight, profile, _ABOVE_FULL
    )


def public_funds_control_score(
    actual: Any, budget: Any, weight: Any = None, profile: ProfileLike = None
) -> ScoreResult:
    """公用经费控制率得分: same rule as the 三公 control rate (no published standard; profile [X])."""
    return _department_score(
        "public_funds_control", public_funds_control_rate, actual, budget, weight, profile, _ABOVE_FULL
    )


def three_public_change_score(
    current: Any, previous: Any, weight: Any = None, profile: ProfileLike = None
) -> ScoreResult:
    """ "三公经费"变动率得分: ≤0 full; each point above 0 deducts w × `deduct_share_per_point` (w/10).

    The caller passes 本年/上年 on the profile's basis (`department.three_public_change_basis`: 预算数 or 决算数).
    """
    return _department_score(
        "three_public_change", three_public_change_rate, current, previous, weight, profile, _deduct_above(ZERO)
    )


def _adjustment_bands(rate: RateResult, w: Decimal, prof: Profile, section: str) -> ScoreResult:
    assert rate.percent is not None  # _department_score calls a rule only on a defined rate
    base = prof.decimal(f"department.{section}.base") or w
    magnitude = abs(rate.percent)
    points = ZERO
    upper_text = ""
    for upper, pts in prof.get(f"department.{section}.bands", []):
        bound = to_decimal(upper)  # a number: the profile schema checks it
        if bound is not None and magnitude <= bound:
            points, upper_text = to_decimal(pts) or ZERO, f"≤ {_F(bound)}%"
            break
    score = bounded_score(w * points / base, w, prof.settings.score_places)
    band = upper_text or "超出最高档"
    zh = f"预算调整率 {_F(rate.percent)}%（绝对值 {band}），得 {_F(points)}/{_F(base)}×{_F(w)} = {_F(score)}"
    en = f"budget adjustment rate {_F(rate.percent)}% ({band}): {_F(points)}/{_F(base)}×{_F(w)} = {_F(score)}"
    return ScoreResult(score, section, zh, en, meets_target=magnitude == 0, ratio=rate.ratio, weight=w)


def budget_adjustment_score(
    initial: Any, adjusted: Any, weight: Any = None, profile: ProfileLike = None
) -> ScoreResult:
    """预算调整率得分 by bands on |rate|: 0 → full; ≤10% → 2/3; ≤20% → 1/3; ≤30% → 1/6; above → 0 (S12)."""
    return _department_score(
        "budget_adjustment", budget_adjustment_rate, initial, adjusted, weight, profile, _adjustment_bands
    )


def _completion_steps(rate: RateResult, w: Decimal, prof: Profile, section: str) -> ScoreResult:
    assert rate.percent is not None  # _department_score calls a rule only on a defined rate
    step = prof.decimal(f"department.{section}.step_pp") or Decimal(5)
    per_step = prof.decimal(f"department.{section}.deduct_per_step", ZERO)
    short = max(HUNDRED - rate.percent, ZERO)
    steps = (short / step).to_integral_value(rounding="ROUND_FLOOR")
    score = bounded_score(w - per_step * steps, w, prof.settings.score_places)
    zh = f"预算完成率 {_F(rate.percent)}%，差 {_F(short)} 个百分点（满 {_F(step)} 点扣 {_F(per_step)}，共 {_F(steps)} 档），得 {_F(score)}"
    en = f"budget completion {_F(rate.percent)}%: {_F(steps)} steps of {_F(step)} points short → {_F(score)}"
    return ScoreResult(score, section, zh, en, meets_target=short == 0, ratio=rate.ratio, weight=w)


def budget_completion_score(
    completed: Any, budget: Any, weight: Any = None, profile: ProfileLike = None
) -> ScoreResult:
    """预算完成率得分: 100% full; each full `step_pp` points short deducts `deduct_per_step` (S13: 5 → −2), floor 0."""
    return _department_score(
        "budget_completion", budget_completion_rate, completed, budget, weight, profile, _completion_steps
    )


def _key_spending_bands(rate: RateResult, w: Decimal, prof: Profile, section: str) -> ScoreResult:
    assert rate.percent is not None  # _department_score calls a rule only on a defined rate
    share = ZERO
    for lower, band_share in prof.get(f"department.{section}.bands", []):
        bound = to_decimal(lower)  # a number: the profile schema checks it
        if bound is not None and rate.percent >= bound:
            share = to_decimal(band_share) or ZERO
            break
    score = bounded_score(w * share, w, prof.settings.score_places)
    zh = f"重点支出安排率 {_F(rate.percent)}%，按档得 {_F(share)}×{_F(w)} = {_F(score)}"
    en = f"key spending rate {_F(rate.percent)}%: band share {_F(share)} × {_F(w)} = {_F(score)}"
    return ScoreResult(score, section, zh, en, meets_target=share == 1, ratio=rate.ratio, weight=w)


def key_spending_score(key_spending: Any, total: Any, weight: Any = None, profile: ProfileLike = None) -> ScoreResult:
    """重点支出安排率得分 by bands: ≥90% full; [80, 90) 0.8w; [70, 80) 0.6w; [60, 70) 0.4w; <60% 0 (S12)."""
    return _department_score(
        "key_spending", key_spending_rate, key_spending, total, weight, profile, _key_spending_bands
    )


def rate_score(rate: RateResult, weight: Any, profile: ProfileLike = None) -> ScoreResult:
    """Completion-type rates (政府采购执行率, 实际完成率, 完成及时率 …): w × min(1, rate) [X: no published standard]."""
    prof = resolve_profile(profile)
    w = _valid_weight(weight)
    if w is None:
        return _invalid_weight("rate", weight)
    if rate.ratio is None or rate.percent is None:
        return failure("rate", rate.reason or "", rate.reason_en or "", w)
    score = bounded_score(w * min(rate.ratio, Decimal(1)), w, prof.settings.score_places)
    zh = f"{rate.name} {_F(rate.percent)}%，{_F(min(rate.percent, HUNDRED))}%×{_F(w)} = {_F(score)}"
    en = f"{rate.name} {_F(rate.percent)}% × {_F(w)} = {_F(score)}"
    return ScoreResult(score, "rate", zh, en, meets_target=rate.ratio >= 1, ratio=rate.ratio, weight=w)
