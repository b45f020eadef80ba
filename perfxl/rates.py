"""Rates of budget execution and cost control with exact Decimals and Excel's ROUND (四舍五入).

执行率, 在职人员控制率, 三公经费/公用经费控制率, 变动率, 预算调整率, 结转结余率, 政府采购执行率,
规模控制率, 投资概算控制率 (财预〔2020〕10号 附1; 财预〔2013〕53号 附件2). A zero denominator is an
undefined rate with a Chinese reason ("全年预算数为0，预算执行率无法计算"), never 0%.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfxl.numbers import HUNDRED, fmt_decimal, round_half_up, to_decimal
from perfxl.profiles import resolve_profile
from perfxl.records import record
from perfxl.units import convert, stray_letters
from perfxl.values import ValueKind, parse_value

if TYPE_CHECKING:
    from perfxl.profiles import ProfileLike

__all__ = [
    "RateResult",
    "generic_rate",
    "execution_rate",
    "staff_control_rate",
    "control_rate",
    "three_public_control_rate",
    "public_funds_control_rate",
    "scale_control_rate",
    "investment_control_rate",
    "change_rate",
    "three_public_change_rate",
    "carryover_change_rate",
    "budget_adjustment_rate",
    "carryover_rate",
    "procurement_execution_rate",
    "budget_completion_rate",
    "key_spending_rate",
    "completion_rate",
    "rate_places",
]


@record(frozen=True, slots=True)
class RateResult:
    """`ratio` exact (1.40625), `percent` rounded half-up to the profile's places (140.63), or both None
    with `reason` (zh) / `reason_en` saying why the rate is undefined."""

    ratio: Decimal | None
    percent: Decimal | None
    reason: str | None = None
    reason_en: str | None = None
    name: str = ""

    @property
    def defined(self) -> bool:
        return self.ratio is not None

    def display(self) -> str:
        """ "140.63%" or the reason."""
        return f"{fmt_decimal(self.percent)}%" if self.percent is not None else (self.reason or "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ratio": None if self.ratio is None else str(self.ratio),
            "percent": None if self.percent is None else fmt_decimal(self.percent),
            "reason": self.reason,
            "reason_en": self.reason_en,
        }


def rate_places(profile: ProfileLike = None) -> int:
    """Decimal places of a percent under `profile` (national: 2)."""
    return resolve_profile(profile).settings.rate_places


def _amount(value: Any) -> tuple[Decimal | None, str | None]:
    """(number, unit) of an amount given as number or text ("2223.04", "1,234.5", "2223.04万元")."""
    number = to_decimal(value)
    if number is not None:
        return number, None
    parsed = parse_value(value)
    if parsed.number is not None and parsed.kind in (ValueKind.NUMBER, ValueKind.PERCENT):
        if stray_letters(parsed.unit):  # "4l", "4B级" in a money cell: no amount (C02 says so), not 4
            return None, None
        return parsed.number, parsed.unit
    return None, None


def _short(value: Any) -> str:
    """`value` as a reason names it: its repr, cut to 40 characters ("'99999…'": a cell of thousands of digits is not
    printed whole in every message that names it)."""
    try:
        text = repr(value)
    except ValueError:  # an int past Python's int-str limit (4,300 digits): no repr at all
        return "位数过多的整数（超过 4300 位）"
    return text if len(text) <= 40 else text[:39] + "…"


def _undefined(name: str, zh: str, en: str) -> RateResult:
    return RateResult(None, None, zh, en, name)


def generic_rate(
    numerator: Any,
    denominator: Any,
    profile: ProfileLike = None,
    *,
    name: str = "比率",
    num_name: str = "分子",
    den_name: str = "分母",
) -> RateResult:
    """numerator / denominator as an exact ratio and a half-up percent; undefined on 0, negatives, text."""
    n, n_unit = _amount(numerator)
    d, d_unit = _amount(denominator)
    if n is None:
        return _undefined(
            name,
            f"{num_name}不是数字：{_short(numerator)}，{name}无法计算",
            f"{name}: numerator {_short(numerator)} is not a number",
        )
    if d is None:
        return _undefined(
            name,
            f"{den_name}不是数字：{_short(denominator)}，{name}无法计算",
            f"{name}: denominator {_short(denominator)} is not a number",
        )
    if n_unit and d_unit and n_unit != d_unit:
        conv = convert(n, n_unit, d_unit)
        if not conv.ok or conv.value is None:
            return _undefined(name, f"{num_name}与{den_name}{conv.reason}", f"{name}: {conv.reason_en}")
        n = conv.value
    if d == 0:
        return _undefined(name, f"{den_name}为0，{name}无法计算", f"{name} undefined: denominator is 0")
    if d < 0:
        return _undefined(
            name, f"{den_name}为负数（{fmt_decimal(d)}），{name}无法计算", f"{name} undefined: denominator is negative"
        )
    ratio = n / d
    return RateResult(ratio, round_half_up(ratio * HUNDRED, rate_places(profile)), name=name)


def _named(function: str, name: str, num_name: str, den_name: str, doc: str) -> Callable[..., RateResult]:
    """`generic_rate` under a formula's name and the names of its terms (they appear in the undefined-rate reasons)."""

    def rate(numerator: Any, denominator: Any, profile: ProfileLike = None) -> RateResult:
        return generic_rate(numerator, denominator, profile, name=name, num_name=num_name, den_name=den_name)

    rate.__name__ = rate.__qualname__ = function
    rate.__doc__ = doc
    return rate


# The ratio formulas, called as f(numerator, denominator, profile=None): name, numerator, denominator, source.
execution_rate = _named(
    "execution_rate",
    "预算执行率",
    "全年执行数",
    "全年预算数",
    "预算执行率 = 全年执行数 / 全年预算数 (财预〔2020〕10号 附1; Sichuan: / 调整后预算数).",
)
staff_control_rate = _named(
    "staff_control_rate",
    "在职人员控制率",
    "实际在职人数",
    "编制数",
    "在职人员控制率 = 实际在职人数 / 编制数 (财预〔2013〕53号 附件2).",
)
three_public_control_rate = _named(
    "three_public_control_rate",
    "三公经费控制率",
    "三公经费决算数",
    "三公经费预算数",
    '"三公经费"控制率 = 三公经费实际支出数 / 预算安排数 (财预〔2013〕53号 附件2).',
)
public_funds_control_rate = _named(
    "public_funds_control_rate",
    "公用经费控制率",
    "公用经费决算数",
    "公用经费预算数",
    "公用经费控制率 = 实际支出公用经费总额 / 预算安排公用经费总额 (财预〔2013〕53号 附件2).",
)
scale_control_rate = _named(
    "scale_control_rate", "规模控制率", "实际规模", "批复规模", "楼堂馆所 规模控制率 = 实际规模 / 批复规模."
)
investment_control_rate = _named(
    "investment_control_rate",
    "投资概算控制率",
    "实际投资",
    "预算投资",
    "楼堂馆所 投资概算控制率 = 实际投资 / 预算投资.",
)
carryover_rate = _named(
    "carryover_rate",
    "结转结余率",
    "结转结余总额",
    "支出预算数",
    "结转结余率 = 结转结余总额 / 支出预算数 (53号; some regions / 支出完成数: profile `department.carryover_denominator`).",
)
procurement_execution_rate = _named(
    "procurement_execution_rate",
    "政府采购执行率",
    "实际政府采购金额",
    "政府采购预算数",
    "政府采购执行率 = 实际政府采购金额 / 政府采购预算数 (财预〔2013〕53号 附件2).",
)
budget_completion_rate = _named(
    "budget_completion_rate",
    "预算完成率",
    "预算完成数",
    "预算数",
    "预算完成率 = 预算完成数 / 预算数 (财预〔2013〕53号 附件2).",
)
key_spending_rate = _named(
    "key_spending_rate",
    "重点支出安排率",
    "重点项目支出",
    "项目总支出",
    "重点支出安排率 = 重点项目支出 / 项目总支出 (财预〔2013〕53号 附件2).",
)


def control_rate(
    actual: Any,
    approved: Any,
    profile: ProfileLike = None,
    *,
    name: str = "控制率",
    num_name: str = "实际数",
    den_name: str = "预算数",
) -> RateResult:
    """A control rate: actual / approved (≤ 100% is compliant)."""
    return generic_rate(actual, approved, profile, name=name, num_name=num_name, den_name=den_name)


def completion_rate(done: Any, planned: Any, profile: ProfileLike = None, *, name: str = "实际完成率") -> RateResult:
    """职责履行 rates (实际完成率, 完成及时率, 质量达标率, 重点工作办结率) = done / planned."""
    return generic_rate(done, planned, profile, name=name, num_name="实际完成数", den_name="计划数")


def _difference_rate(
    later: Any,
    base: Any,
    profile: ProfileLike,
    *,
    name: str,
    name_en: str,
    diff_name: str,
    base_name: str,
    zero_en: str | None = None,
    base_first: bool = False,
) -> RateResult:
    """(later − base) / base; undefined when either is not a number (or, with `zero_en`, when base is 0).

    When both are not numbers the reason names the caller's first argument (`base_first`: the base).
    """
    b_value, _ = _amount(base)
    l_value, _ = _amount(later)
    if l_value is None or b_value is None:
        bad = (base if b_value is None else later) if base_first else (later if l_value is None else base)
        return _undefined(name, f"{bad!r} 不是数字，{name}无法计算", f"{name_en}: {bad!r} is not a number")
    if zero_en is not None and b_value == 0:
        return _undefined(name, f"{base_name}为0，{name}无法计算", zero_en)
    return generic_rate(l_value - b_value, b_value, profile, name=name, num_name=diff_name, den_name=base_name)


def change_rate(current: Any, previous: Any, profile: ProfileLike = None, *, name: str = "变动率") -> RateResult:
    """变动率 = (本年 − 上年) / 上年; undefined when 上年 is 0."""
    return _difference_rate(
        current,
        previous,
        profile,
        name=name,
        name_en=name,
        diff_name="增减额",
        base_name="上年数",
        zero_en=f"{name} undefined: previous value is 0",
    )


def three_public_change_rate(current: Any, previous: Any, profile: ProfileLike = None) -> RateResult:
    """ "三公经费"变动率 = (本年 − 上年) / 上年 on the basis the profile names (预算数 or 决算数)."""
    return change_rate(current, previous, profile, name="三公经费变动率")


def carryover_change_rate(current: Any, previous: Any, profile: ProfileLike = None) -> RateResult:
    """结转结余变动率 = (本年累计结转结余 − 上年累计结转结余) / 上年累计结转结余."""
    return change_rate(current, previous, profile, name="结转结余变动率")


def budget_adjustment_rate(initial: Any, adjusted: Any, profile: ProfileLike = None) -> RateResult:
    """预算调整率 = 预算调整数 / 预算数 = (调整后预算数 − 年初预算数) / 年初预算数 (财预〔2013〕53号)."""
    return _difference_rate(
        adjusted,
        initial,
        profile,
        name="预算调整率",
        name_en="budget adjustment rate",
        diff_name="预算调整数",
        base_name="年初预算数",
        base_first=True,
    )
