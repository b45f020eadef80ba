"""A 预算执行率得分 within the score tolerance of 执行率 × 分值 but not equal to it at its printed decimals: judged at
the printed precision of the row's own 执行率.

The score tolerance (one unit in a score's last place) lets a score computed from rounded figures pass. When the row
prints its 执行率 and that rate agrees with the money, the exact rate lies inside the rate's printed interval
(10.77% → [10.765%, 10.775%)); 分值 × that interval is every score the form's own method can give. A printed score no
value of it rounds to is certain (隆阳区 化肥减量增效 2022: 20 × [10.765%, 10.775%) = [2.153, 2.155) → 2.15, printed
2.16); one it can reach, yet off the exact figure in its last place, is a judgement (a rate rounded before use).
财预〔2020〕10号 附1 (得分 = 执行率 × 分值, 不超过分值); round half up (docs/rules/index.md).
"""

from __future__ import annotations

from decimal import Decimal

from perfxl.model import CellValue, FundsRow
from perfxl.numbers import HUNDRED, half_unit, round_half_up, shown_places

from .context import Context

__all__ = ["reachable_from_printed_rate"]


def reachable_from_printed_rate(ctx: Context, row: FundsRow, weight: Decimal, exact_percent: Decimal) -> bool | None:
    """Whether the row's printed 得分 is a value 分值 × (a rate that prints as the row's 执行率) rounds to: True/False;
    None when it cannot be judged so (no printed rate or score decimals, or a rate the money does not give)."""
    score: CellValue = row.score
    places = shown_places(score.raw)
    reported = ctx.number(score)
    if places is None or reported is None or row.rate.sheet is None:
        return None
    reading = ctx.read_rate(row.rate, exact_percent)
    if reading.percent is None or reading.places is None or not ctx.rate_agrees(reading, exact_percent):
        return None
    if round_half_up(exact_percent, reading.places) != reading.percent:
        return None  # the rate agrees only within the tolerance: not a bound to judge the score by
    half = half_unit(reading.places)
    low = min(weight, weight * (reading.percent - half) / HUNDRED)
    high = min(weight, weight * (reading.percent + half) / HUNDRED)
    capped = high == weight  # a rate reaching the cap gives the 分值 itself
    step = half_unit(places)
    # the exact scores that print as `reported`: [reported − step, reported + step)
    if capped:
        return reported - step <= high and low < reported + step
    return reported - step < high and low < reported + step
