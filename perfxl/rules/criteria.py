"""The scoring rule a form prints beside an indicator (评分标准 / 评价标准), as far as perfxl can apply it.

Many provinces' forms (福建 部门整体支出绩效自评表, …) give each row its own 评分标准 — "少检查一个扣1分，扣完为止",
"未达到不得分" — and score by it rather than by the 10号 proportion (财预〔2020〕10号 附1 leaves the 评分标准 to the
form). A score that follows the printed rule is right; one that follows neither the rule nor the proportion is wrong;
under a rule perfxl cannot apply, a score off the proportion is for a person to judge.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from perfxl.model import Indicator
from perfxl.numbers import ZERO
from perfxl.patterns import lazy_compile

from .context import Context

__all__ = ["RowRule", "row_rule", "tier_points"]

#: "每少一个扣1分", "少检查一场扣0.5分", "每低于1个百分点扣2分": points off per unit short of the target — one unit, not
#: a multiple or share of it ("每少一百人", "每少一成", "少于一半") nor a flat deduction ("一律扣2分"), which are not applied.
_PER_UNIT = lazy_compile(
    r"(?:每|少|低于|减少|未完成)[^，,。；;]*?(?:一|1)(?![十百千万亿成倍半律概般\d.．])\s*[^\d，,。；;]{0,4}?扣\s*(\d+(?:\.\d+)?)\s*分"
)
#: "未达到不得分", "未完成不得分", "达不到得0分": all or nothing.
_ALL_OR_NOTHING = lazy_compile(r"(?:未|不|达不到|没有)(?:达到|完成|达标)?[^，,。；;]{0,6}?(?:不得分|得\s*0\s*分)")
#: Words that make a text a scoring rule (not only an explanation of the indicator, "90%(计划标准)").
_RULE_WORDS = lazy_compile(r"扣\s*\d|扣分|不得分|得\s*\d+(?:\.\d+)?\s*分|计分|酌情")
#: A threshold or floor of its own ("达8个及以上得6分", "85%以上得满分", "最低得3分"): not applied — a person checks.
_THRESHOLD = lazy_compile(r"以上|以内|以下|不低于|不少于|最低|最多|封顶|保底|至少|[≥≧>＞]")
#: The figure a rule counts from or holds to ("达9个得6分", "未达到8个不得分"): a figure other than the row's 目标值 is a
#: baseline or threshold of the rule's own, and the rule is not applied.
_RULE_FIGURE = lazy_compile(r"(?:达到|达|(?<![未少每])完成)\s*(\d+(?:\.\d+)?)(?![\d.]|\s*分)")  # 未完成1项: a unit
#: The rule says the proportion itself: the 10号 formula applies as it is.
_PROPORTIONAL = lazy_compile(r"比例|按完成率|[×*]\s*完成率")


class RowRule(NamedTuple):
    """A row's printed scoring rule: its text, and the score it gives (None when perfxl cannot apply it)."""

    text: str
    score: Decimal | None


def row_rule(ctx: Context, ind: Indicator) -> RowRule | None:
    """The rule printed beside `ind` when it is a scoring rule other than the proportion, else None."""
    cell = ind.criteria
    if cell is None or ctx.is_blank(cell):
        return None
    text = re.sub(r"\s+", "", cell.text)
    if not _RULE_WORDS.search(text) or _PROPORTIONAL.search(text):
        return None
    return RowRule(cell.text.strip(), _apply(ctx, ind, text))


def _apply(ctx: Context, ind: Indicator, text: str) -> Decimal | None:
    """The score the rule gives on a row with a numeric target met or missed upward (≥ targets), else None."""
    weight = ctx.number(ind.weight)
    target, actual = ctx.parsed(ind.target), ctx.parsed(ind.actual)
    if weight is None or target.number is None or actual.number is None:
        return None
    if target.unit and actual.unit and target.unit != actual.unit:
        return None
    if getattr(target.op, "name", "GE") not in ("GE", "GT"):
        return None
    if any(Decimal(f) != target.number for f in _RULE_FIGURE.findall(text)):
        return None
    short = target.number - actual.number
    if short <= 0:
        return weight
    if _THRESHOLD.search(text):
        return None
    m = _PER_UNIT.search(text)
    if _ALL_OR_NOTHING.search(text):
        # "每少一个扣1分,未开展的不得分": which clause applies is the rule's own condition — not applied
        return ZERO if m is None else None
    if m is None:
        return None
    return max(ZERO, weight - Decimal(m.group(1)) * short)


def tier_points(rule: RowRule, actual: str) -> Decimal | None:
    """The points the rule gives the actual's own words ("优得6分,良得4分" and 良 → 4), None when it names no price."""
    label = re.sub(r"\s+", "", actual)
    if not label:
        return None
    m = re.search(re.escape(label) + r"(?:的)?得\s*(\d+(?:\.\d+)?)\s*分", re.sub(r"\s+", "", rule.text))
    if m is not None:
        return Decimal(m.group(1))
    return ZERO if re.search(re.escape(label) + r"(?:的)?不得分", rule.text) else None
