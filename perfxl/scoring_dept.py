"""Department-wide (部门整体支出) common-indicator scores from the Hunan 评分表 standards, parameters from the profile.

在职人员控制率 ≤100% full, −k per point above [S12–S14]; "三公经费"变动率 ≤0 full, −w/10 per point [S12–S14];
"三公经费"控制率 ≤100% full, −1 per point [S12]; 预算调整率 bands [S12, S13]; 预算完成率 −2 per 5 points short
[S13]; 重点支出安排率 bands [S12]; completion-type rates w·min(1, rate) [X]. Every deduction floors at 0.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from perfxl.numbers import HUNDRED, ZERO, fmt_decimal, round_half_up, to_decimal
from perfxl.profiles import resolve_profile
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
from perfxl.scoring_result import ScoreResult, failure

__all__ = [
    "staff_control_score",
    "three_public_change_score",
    "three_public_control_score",
    "public_funds_control_score",
    "budget_adjustment_score",
    "budget_completion_score",
    "key_spending_score",
    "rate_score",
]

_F = lru_cache(maxsize=65536)(fmt_decimal)  # equal Decimals format alike; explanations reuse numbers


def _setup(profile: Any, section: str, weight: Any) -> tuple[Any, Decimal | None]:
    prof = resolve_profile(profile)
    w = prof.decimal(f"department.{section}.weight") if weight is None else to_decimal(weight)
    return prof, (w if w is not None and w >= 0 else None)


def _clamp(score: Decimal, w: Decimal) -> Decimal:
    return w if score > w else (ZERO if score < 0 else score)


def _deduct_above(rate: RateResult, base: Decimal, per_point: Decimal, w: Decimal, prof: Any, method: str) -> ScoreResult:
    """Full marks at or below `base` percent; each point above deducts `per_point`, floor 0."""
    if rate.percent is None:
        return failure(method, rate.reason or "", rate.reason_en or "", w)
    pct = f"{_F(rate.percent)}%"
    if rate.percent <= base:
        return ScoreResult(w, method, f"{rate.name} {pct} ≤ {_F(base)}%，得满分 {_F(w)}",
                           f"{rate.name} {pct} ≤ {_F(base)}%: full marks {_F(w)}", meets_target=True,
                           ratio=rate.ratio, weight=w)
    points = rate.percent - base
    score = _clamp(round_half_up(w - per_point * points, prof.settings.score_places), w)
    zh = f"{rate.name} {pct}，超 {_F(base)}% {_F(points)} 个百分点，每点扣 {_F(per_point)}，{_F(w)}−{_F(per_point)}×{_F(points)} → {_F(score)}"
    en = f"{rate.name} {pct}: {_F(points)} points above {_F(base)}%, −{_F(per_point)} each → {_F(score)}"
    return ScoreResult(score, method, zh, en, meets_target=False, ratio=rate.ratio, weight=w)


def staff_control_score(actual: Any, establishment: Any, weight: Any = None, profile: Any = None) -> ScoreResult:
    """在职人员控制率得分: ≤100% full; each point above −`department.staff_control.deduct_per_point` (Hunan 0.5)."""
    prof, w = _setup(profile, "staff_control", weight)
    if w is None:
        return failure("staff_control", f"分值无效：{weight!r}", f"invalid weight {weight!r}")
    rate = staff_control_rate(actual, establishment, prof)
    k = prof.decimal("department.staff_control.deduct_per_point", ZERO)
    return _deduct_above(rate, HUNDRED, k, w, prof, "staff_control")


def three_public_control_score(actual: Any, budget: Any, weight: Any = None, profile: Any = None) -> ScoreResult:
    """"三公经费"控制率得分: ≤100% full; each point above −1 (S12)."""
    prof, w = _setup(profile, "three_public_control", weight)
    if w is None:
        return failure("three_public_control", f"分值无效：{weight!r}", f"invalid weight {weight!r}")
    rate = three_public_control_rate(actual, budget, prof)
    k = prof.decimal("department.three_public_control.deduct_per_point", ZERO)
    return _deduct_above(rate, HUNDRED, k, w, prof, "three_public_control")


def public_funds_control_score(actual: Any, budget: Any, weight: Any = None, profile: Any = None) -> ScoreResult:
    """公用经费控制率得分: same rule as the 三公 control rate (no published standard; profile [X])."""
    prof, w = _setup(profile, "public_funds_control", weight)
    if w is None:
        return failure("public_funds_control", f"分值无效：{weight!r}", f"invalid weight {weight!r}")
    rate = public_funds_control_rate(actual, budget, prof)
    k = prof.decimal("department.public_funds_control.deduct_per_point", ZERO)
    return _deduct_above(rate, HUNDRED, k, w, prof, "public_funds_control")


def three_public_change_score(current: Any, previous: Any, weight: Any = None, profile: Any = None) -> ScoreResult:
    """"三公经费"变动率得分: ≤0 full; each point above 0 deducts w × `deduct_share_per_point` (w/10).

    The caller passes 本年/上年 on the profile's basis (`department.three_public_change_basis`: 预算数 or 决算数).
    """
    prof, w = _setup(profile, "three_public_change", weight)
    if w is None:
        return failure("three_public_change", f"分值无效：{weight!r}", f"invalid weight {weight!r}")
    rate = three_public_change_rate(current, previous, prof)
    share = prof.decimal("department.three_public_change.deduct_share_per_point", ZERO)
    return _deduct_above(rate, ZERO, w * share, w, prof, "three_public_change")


def budget_adjustment_score(initial: Any, adjusted: Any, weight: Any = None, profile: Any = None) -> ScoreResult:
    """预算调整率得分 by bands on |rate|: 0 → full; ≤10% → 2/3; ≤20% → 1/3; ≤30% → 1/6; above → 0 (S12)."""
    prof, w = _setup(profile, "budget_adjustment", weight)
    if w is None:
        return failure("budget_adjustment", f"分值无效：{weight!r}", f"invalid weight {weight!r}")
    rate = budget_adjustment_rate(initial, adjusted, prof)
    if rate.percent is None:
        return failure("budget_adjustment", rate.reason or "", rate.reason_en or "", w)
    base = prof.decimal("department.budget_adjustment.base") or w
    magnitude = abs(rate.percent)
    points = ZERO
    upper_text = ""
    for upper, pts in prof.get("department.budget_adjustment.bands", []):
        if magnitude <= to_decimal(upper):
            points, upper_text = to_decimal(pts) or ZERO, f"≤ {_F(to_decimal(upper))}%"
            break
    score = _clamp(round_half_up(w * points / base, prof.settings.score_places), w)
    band = upper_text or "超出最高档"
    zh = f"预算调整率 {_F(rate.percent)}%（绝对值 {band}），得 {_F(points)}/{_F(base)}×{_F(w)} = {_F(score)}"
    en = f"budget adjustment rate {_F(rate.percent)}% ({band}): {_F(points)}/{_F(base)}×{_F(w)} = {_F(score)}"
    return ScoreResult(score, "budget_adjustment", zh, en, meets_target=magnitude == 0, ratio=rate.ratio, weight=w)


def budget_completion_score(completed: Any, budget: Any, weight: Any = None, profile: Any = None) -> ScoreResult:
    """预算完成率得分: 100% full; each full `step_pp` points short deducts `deduct_per_step` (S13: 5 → −2), floor 0."""
    prof, w = _setup(profile, "budget_completion", weight)
    if w is None:
        return failure("budget_completion", f"分值无效：{weight!r}", f"invalid weight {weight!r}")
    rate = budget_completion_rate(completed, budget, prof)
    if rate.percent is None:
        return failure("budget_completion", rate.reason or "", rate.reason_en or "", w)
    step = prof.decimal("department.budget_completion.step_pp") or Decimal(5)
    per_step = prof.decimal("department.budget_completion.deduct_per_step", ZERO)
    short = max(HUNDRED - rate.percent, ZERO)
    steps = (short / step).to_integral_value(rounding="ROUND_FLOOR")
    score = _clamp(round_half_up(w - per_step * steps, prof.settings.score_places), w)
    zh = f"预算完成率 {_F(rate.percent)}%，差 {_F(short)} 个百分点（满 {_F(step)} 点扣 {_F(per_step)}，共 {_F(steps)} 档），得 {_F(score)}"
    en = f"budget completion {_F(rate.percent)}%: {_F(steps)} steps of {_F(step)} points short → {_F(score)}"
    return ScoreResult(score, "budget_completion", zh, en, meets_target=short == 0, ratio=rate.ratio, weight=w)


def key_spending_score(key_spending: Any, total: Any, weight: Any = None, profile: Any = None) -> ScoreResult:
    """重点支出安排率得分 by bands: ≥90% full; [80, 90) 0.8w; [70, 80) 0.6w; [60, 70) 0.4w; <60% 0 (S12)."""
    prof, w = _setup(profile, "key_spending", weight)
    if w is None:
        return failure("key_spending", f"分值无效：{weight!r}", f"invalid weight {weight!r}")
    rate = key_spending_rate(key_spending, total, prof)
    if rate.percent is None:
        return failure("key_spending", rate.reason or "", rate.reason_en or "", w)
    share = ZERO
    for lower, band_share in prof.get("department.key_spending.bands", []):
        if rate.percent >= to_decimal(lower):
            share = to_decimal(band_share) or ZERO
            break
    score = _clamp(round_half_up(w * share, prof.settings.score_places), w)
    zh = f"重点支出安排率 {_F(rate.percent)}%，按档得 {_F(share)}×{_F(w)} = {_F(score)}"
    en = f"key spending rate {_F(rate.percent)}%: band share {_F(share)} × {_F(w)} = {_F(score)}"
    return ScoreResult(score, "key_spending", zh, en, meets_target=share == 1, ratio=rate.ratio, weight=w)


def rate_score(rate: RateResult, weight: Any, profile: Any = None) -> ScoreResult:
    """Completion-type rates (政府采购执行率, 实际完成率, 完成及时率 …): w × min(1, rate) [X: no published standard]."""
    prof = resolve_profile(profile)
    w = to_decimal(weight)
    if w is None or w < 0:
        return failure("rate", f"分值无效：{weight!r}", f"invalid weight {weight!r}")
    if rate.ratio is None:
        return failure("rate", rate.reason or "", rate.reason_en or "", w)
    score = _clamp(round_half_up(w * min(rate.ratio, Decimal(1)), prof.settings.score_places), w)
    zh = f"{rate.name} {_F(rate.percent)}%，{_F(min(rate.percent, HUNDRED))}%×{_F(w)} = {_F(score)}"
    en = f"{rate.name} {_F(rate.percent)}% × {_F(w)} = {_F(score)}"
    return ScoreResult(score, "rate", zh, en, meets_target=rate.ratio >= 1, ratio=rate.ratio, weight=w)
