"""A share of a whole its words name, the whole printed earlier in the paragraph under that name (N02).

A 决算 说明's 政府采购 paragraph prints the total, then amounts that are no 其中 part of it, each with its share of the
total by name: "2021年度政府采购支出总额28861.938591万元,其中:…。授予中小企业合同金额5915.867653万元,占政府采购支出
总额的20.5%,其中:授予小微企业合同金额1931.863140万元,占政府采购支出总额的6.7%" (山东科技职业学院 2021, real
reports 28). The 其中 shares are funds_arith's (a part over the total its list splits); these are not — the 中小企业
amount opens a sentence of its own, the 小微 amount is a part of the 中小企业 amount but its share names the total — so
a changed 20.5% went unread. The share is its amount over the one earlier figure of the paragraph whose own words end
in the whole's name ("…政府采购支出总额28861.94万元"), at the printed precision. Only a name of four characters or
more that no general word is ("占总额的", "占比": `facts._ANY_WHOLE`), only when exactly one earlier figure bears it
(two — a 预算 and a 决算 of it — say nothing), only money in one unit, and never a share funds_arith already holds
over its 其中 total (the words naming that total). Certain: the text names the whole and prints it. Pure: the
paragraph's facts in, `Issue`s into the run.
"""

from __future__ import annotations

from ..model import TextRef
from ..numbers import HUNDRED
from ..patterns import lazy_compile
from .facts import Fact, _whole_a_share_names, compact_name
from .funds_arith import _names_another_whole
from .precision import _approximate, _ratio
from .run_state import _arith, _operand, _Run

__all__ = ["check_named_whole_shares"]

#: A whole's name this short ("支出", "收入") is a kind of figure, not one figure's name.
_MIN_NAME = 4
_AMOUNTS = ("value", "final", "budget")
#: Words placing a figure in another year than the share's ("上年政府采购支出总额…", "2022年…"): not its whole.
_LAST_YEAR = lazy_compile(r"上一?年|去年|同期")
_YEAR = lazy_compile(r"(?:19|20)\d{2}(?=\s*年)")


def _years(fact: Fact) -> set[str]:
    at = fact.clause.find(fact.quantity.text)
    return set(_YEAR.findall(fact.clause[: max(at, 0)]))


def _printed_under(fact: Fact, name: str) -> bool:
    """The figure's own words, right before it, end in `name` ("2021年度政府采购支出总额28861.94万元"), and place it in
    no earlier year."""
    at = fact.clause.find(fact.quantity.text)
    return at > 0 and compact_name(fact.clause[:at]).endswith(name) and not _LAST_YEAR.search(fact.clause[:at])


def _named_in(fact: Fact, name: str) -> bool:
    at = fact.clause.find(fact.quantity.text)
    return at > 0 and name in compact_name(fact.clause[:at])


def check_named_whole_shares(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    for share in facts:
        if share.role != "share" or share.of is None or not share.quantity.is_percent:
            continue
        part = facts[share.of]
        name = compact_name(_whole_a_share_names(share))
        if len(name) < _MIN_NAME or not part.quantity.is_money or _approximate(part):
            continue
        if part.parent is not None and not _names_another_whole(share, facts[part.parent]):
            continue  # a share of the total its 其中 splits: funds_arith's
        wholes = [
            f
            for f in facts[: part.index]
            if f.role in _AMOUNTS and f.quantity.is_money and not f.direction and _printed_under(f, name)
        ]
        named = [f for f in facts[: part.index] if f.quantity.is_money and _named_in(f, name)]
        if len(wholes) != 1 or len(named) != 1:
            continue  # none, or two figures of that name ("…总额28861.94万元,…总额预算30000万元"): which, unsaid
        (whole,) = wholes
        if whole.quantity.unit != part.quantity.unit or not whole.quantity.value or _approximate(whole):
            continue
        if _years(whole) and _years(part) and _years(whole) != _years(part):
            continue  # "2022年…总额…；2023年…占…总额的": another year's whole
        ratio = _ratio(_operand(run, pi, part), _operand(run, pi, whole))
        point = part.quantity.value / whole.quantity.value * HUNDRED
        what = f"“{part.subject or name}”占“{name}”的比例（{part.quantity.text} / {whole.quantity.text}）"
        _arith(run, pi, ref, facts, share, ratio, point, what, f"share of {part.subject} in {name}", (part, whole))
