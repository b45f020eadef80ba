"""Quantitative (定量) and deadline (时效) indicator formulas, after the units of A and B are aligned.

A = 年度指标值, B = 实际完成值, w = 分值. Sources: domain-rules §1.5 — positive w·min(1, B/A) [S8, S9, C1];
reverse w·min(1, A/B) [S8, S9] or linear to 0 at 2A [C1]; equal / equal-zero [C1]; negative B counts 0 [C1];
over-completion flag at B ≥ 1.3A (B ≥ 30 when A = 0) [C1 Guangxi].
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from perfxl.numbers import HUNDRED, ONE, ZERO, round_half_up
from perfxl.scoring_result import ScoreResult, bounded_exact, bounded_score, failure
from perfxl.scoring_result import fmt_cached as _F
from perfxl.units import conversion_factor
from perfxl.values import ParsedValue, ValueKind

if TYPE_CHECKING:
    from perfxl.profiles import EngineSettings

__all__ = ["score_quantitative", "score_deadline", "align"]


#: The units of a rate's change ("增长5%", "提高2个百分点"); a count's change keeps its own ("增加12人").
_RATE_UNITS = frozenset(("%", "‰", "百分点"))

#: The triangles of typeset tables (▲△ a rise, ▼▽ a fall, or a bullet).
_MARKS = ("▲", "△", "▼", "▽")


def _mark_in(text: str) -> str:
    """The first triangle in `text`, or ""."""
    return next((mark for mark in _MARKS if mark in text), "")


def align(t: ParsedValue, a: ParsedValue, s: EngineSettings) -> tuple[Decimal, Decimal, str, str] | ScoreResult:
    """(A, B in A's unit, note zh, note en), or a failure naming the unit mismatch."""
    target, value = t.number, a.number
    assert target is not None and value is not None
    note = note_en = ""
    if t.unit != a.unit:
        conv = conversion_factor(a.unit, t.unit)
        if not conv.ok:
            return failure(
                "invalid",
                f"计量单位不一致：目标 {t.display()}，实际 {a.display()}（{t.unit or '无单位'} 与 {a.unit or '无单位'} 无法换算）",
                f"unit mismatch: target {t.display()}, actual {a.display()} ({t.unit} vs {a.unit}) cannot be converted",
            )
        if conv.factor is not None and conv.factor != ONE:
            value = conv.apply(value)  # multiplied before divided: 300秒 is 5分钟 exactly
            note, note_en = (
                f"（{a.display()} 折合 {_F(value)}{t.unit or ''}）",
                f" ({a.display()} = {_F(value)}{t.unit or ''})",
            )
    if (
        s.excel_percent_fraction
        and (t.kind is ValueKind.PERCENT or (t.kind is ValueKind.GROWTH and t.unit in _RATE_UNITS))
        and a.unit is None
        and not isinstance(a.raw, str)
        and abs(value) <= ONE < abs(target)
    ):
        value = value * HUNDRED  # an Excel %-formatted cell holds 0.96 for 96%
        note, note_en = (
            f"（Excel 百分比 {_F(a.number)} 即 {_F(value)}%）",
            f" (Excel percent {_F(a.number)} = {_F(value)}%)",
        )
    if t.direction is not None and a.direction is not None and t.direction != a.direction:
        value = -value  # 目标 增长 against 实际 下降 — a rate's or a count's ("减少1036人次" against "增加≥1000人次")
        mark = _mark_in(a.text)
        if mark:  # "▼8%": the direction is the mark's, glued to the figure (`values._glued_mark`) — the basis says so
            way = "下降" if a.direction == "down" else "增长"
            note, note_en = note + f"（“{mark}”读作{way}）", note_en + f" ({mark!r} read as {a.direction})"
    elif a.label is not None and (mark := _mark_in(a.label)):
        # "▲ 8%", "≥▲5%": a triangle spaced from the figure or beside an operator may be a bullet — not read as a
        # direction, and the basis says so (sign21)
        note, note_en = note + f"（“{mark}”未作为增减方向读取）", note_en + f" ({mark!r} not read as a direction)"
    if value < 0 and s.clamp_negative and target > 0:
        # (a negative actual scores 0 against a positive target; a target ≤ 0 — "≤－5%": a fall of 5% or more — means
        # negative figures, and −6% meets it: clamped to 0 it read as missed, a false S07/D01 错误 — review24d)
        note, note_en = note + "（实际为负数，按 0 计）", note_en + " (negative actual counted as 0)"
        value = ZERO
    return target, value, note, note_en


def score_quantitative(t: ParsedValue, a: ParsedValue, w: Decimal, s: EngineSettings, method: str) -> ScoreResult:
    """Score a numeric target/actual pair by `method` (positive, reverse_ratio, reverse_linear2A, equal, equal_zero)."""
    aligned = align(t, a, s)
    if isinstance(aligned, ScoreResult):
        return ScoreResult(
            None, aligned.method, aligned.explanation, aligned.explanation_en, aligned.error, aligned.error_en, weight=w
        )
    A, B, note, note_en = aligned
    unit = t.unit or a.unit or ""
    if a.unit and unit != a.unit and unit.startswith(a.unit) and not note:
        unit = a.unit  # "15个村的道路硬化" │ "12个": both counted in 个 — the clause's noun is no unit of the actual
    if method == "equal" and A == 0:
        method = "equal_zero"
    if method == "positive" or method == "equal":
        return _positive(A, B, w, s, method, unit, note, note_en)
    tw = _F(w)
    if method == "equal_zero":
        ok = B <= 0
        score = w if ok else ZERO
        return ScoreResult(
            score,
            method,
            lambda: f"目标 = 0，实际 {_F(B)}{unit}{note}，{'得满分 ' + tw if ok else '不为 0，得 0'}",
            lambda: f"target = 0, actual {_F(B)}{unit}{note_en}: score {_F(score)}",
            meets_target=ok,
            weight=w,
        )
    if B <= A:
        return ScoreResult(
            w,
            method,
            lambda: f"实际 {_F(B)}{unit} ≤ 目标 {_F(A)}{unit}{note}，得满分 {tw}",
            lambda: f"actual {_F(B)}{unit} ≤ target {_F(A)}{unit}{note_en}: full marks {tw}",
            meets_target=True,
            ratio=(A / B) if B else None,
            weight=w,
        )
    if A <= 0:
        return ScoreResult(
            ZERO,
            method,
            lambda: f"目标 {_F(A)}{unit}，实际 {_F(B)}{unit} 超出{note}，得 0",
            lambda: f"target {_F(A)}{unit}, actual {_F(B)}{unit} above: 0",
            meets_target=False,
            ratio=ZERO,
            weight=w,
        )
    if method == "reverse_linear2A":
        if B >= 2 * A:
            return ScoreResult(
                ZERO,
                method,
                lambda: f"实际 {_F(B)}{unit} ≥ 目标 {_F(A)}{unit} 的 2 倍{note}，得 0",
                lambda: f"actual {_F(B)}{unit} ≥ 2 × target {_F(A)}{unit}{note_en}: 0",
                meets_target=False,
                ratio=ZERO,
                weight=w,
            )
        raw = w * (2 * A - B) / A
        score = bounded_score(raw, w, s.score_places)
        formula = f"(1−({_F(B)}−{_F(A)})/{_F(A)})×{tw} = {_F(score)}"
        return ScoreResult(
            score,
            method,
            lambda: f"实际 {_F(B)}{unit} > 目标 {_F(A)}{unit}{note}，按线性递减 {formula}",
            lambda: f"actual {_F(B)}{unit} > target {_F(A)}{unit}{note_en}: linear decline {formula}",
            meets_target=False,
            ratio=(2 * A - B) / A,
            weight=w,
            exact=bounded_exact(raw, w),
        )
    score = bounded_score(w * A / B, w, s.score_places)
    exact = bounded_exact(w * A / B, w)
    return ScoreResult(
        score,
        method,
        lambda: f"实际 {_F(B)}{unit} > 目标 {_F(A)}{unit}{note}，按比例 {_F(A)}/{_F(B)}×{tw} = {_F(score)}",
        lambda: (
            f"actual {_F(B)}{unit} > target {_F(A)}{unit}{note_en}: proportional {_F(A)}/{_F(B)}×{tw} = {_F(score)}"
        ),
        meets_target=False,
        ratio=A / B,
        weight=w,
        exact=exact,
    )


def _positive(
    A: Decimal, B: Decimal, w: Decimal, s: EngineSettings, method: str, unit: str, note: str, note_en: str
) -> ScoreResult:
    if A <= 0:
        ok = B >= A
        over = s.over_zero_threshold <= B
        score = w if ok else ZERO
        threshold = s.over_zero_threshold
        return ScoreResult(
            score,
            method,
            lambda: (
                f"目标 {_F(A)}{unit}，实际 {_F(B)}{unit}{note}，{'得满分 ' + _F(w) if ok else '未达到，得 0'}"
                + _over_zh(over, f"目标为 0 且实际 ≥ {_F(threshold)}")
            ),
            lambda: f"target {_F(A)}{unit}, actual {_F(B)}{unit}{note_en}: {_F(score)}",
            meets_target=ok,
            weight=w,
            over_completed=over,
        )
    ratio = B / A
    if B >= A:
        over = s.over_factor * A <= B
        factor = s.over_factor
        return ScoreResult(
            w,
            method,
            lambda: (
                f"实际 {_F(B)}{unit} ≥ 目标 {_F(A)}{unit}{note}，得满分 {_F(w)}"
                + _over_zh(over, f"达目标的 {_F(round_half_up(ratio, 2))} 倍，≥ {_F(factor)} 倍")
            ),
            lambda: (
                f"actual {_F(B)}{unit} ≥ target {_F(A)}{unit}{note_en}: full marks {_F(w)}"
                + (" (over-completed: explain the deviation)" if over else "")
            ),
            meets_target=True,
            ratio=ratio,
            weight=w,
            over_completed=over,
        )
    score = bounded_score(w * B / A, w, s.score_places)
    exact = bounded_exact(w * B / A, w)
    return ScoreResult(
        score,
        method,
        lambda: f"实际 {_F(B)}{unit} < 目标 {_F(A)}{unit}{note}，按比例 {_F(B)}/{_F(A)}×{_F(w)} = {_F(score)}",
        lambda: (
            f"actual {_F(B)}{unit} < target {_F(A)}{unit}{note_en}: proportional {_F(B)}/{_F(A)}×{_F(w)} = {_F(score)}"
        ),
        meets_target=False,
        ratio=ratio,
        weight=w,
        over_completed=False,
        exact=exact,
    )


def _over_zh(over: bool, why: str) -> str:
    return f"；超额完成（{why}），须说明偏差原因" if over else ""


def score_deadline(t: ParsedValue, a: ParsedValue, w: Decimal, s: EngineSettings) -> ScoreResult:
    """时效: done on or before the target date → w; later → w × `deadline.late_share` (default 0)."""
    assert t.date is not None and a.date is not None
    both_years = t.date.year is not None and a.date.year is not None
    on_time = a.date.key(both_years) <= t.date.key(both_years)
    td, ad = t.date, a.date
    if on_time:
        return ScoreResult(
            w,
            "deadline",
            lambda: f"实际 {ad.display()} 不晚于目标 {td.display()}，按时完成，得满分 {_F(w)}",
            lambda: f"done {ad.display()}, not later than {td.display()}: full marks {_F(w)}",
            meets_target=True,
            weight=w,
        )
    score = bounded_score(w * s.late_share, w, s.score_places)
    return ScoreResult(
        score,
        "deadline",
        lambda: f"实际 {ad.display()} 晚于目标 {td.display()}，逾期完成，得 {_F(score)}",
        lambda: f"done {ad.display()}, later than {td.display()}: late, score {_F(score)}",
        meets_target=False,
        weight=w,
    )
