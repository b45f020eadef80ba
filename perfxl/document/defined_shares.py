"""Shares of a whole the paragraph names but prints no figure of, its items being that whole's parts by definition
(issue 12, real reports 25): "2023年度…“三公”经费支出决算中,因公出国(境)费支出0万元,占0.00%;公务用车购置及运行维护费
支出4.02万元,占89.33%;公务接待费支出7.94万元,占39.7%" (寻甸 塘子街道 2023). “三公”经费 is 因公出国（境）费 + 公务接待费 +
公务用车购置及运行维护费 and nothing else (`vocabulary.CLOSED_KINDS`), so when every one of its items is printed (each
share beside its item; an item may go without one: 湾沚 陶辛镇 2021's 因公出国 0.00, real reports 26) the whole is their
sum, and each share is its item over that sum — N02 at the printed precision (4.02 / 11.96 =
33.61%, not 89.33%). Certain: the sentence names the whole before its first item, the items are all of it by
definition, and each share's words name no other whole ("占部门支出的…"). A paragraph printing a figure of the whole
itself is funds_arith's (the share of its own total); a list short of an item says nothing here.

Pure; perfxl.document.crosscheck calls `check_defined_shares` after a paragraph's own arithmetic.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..numbers import HUNDRED
from ..patterns import lazy_compile
from .facts import _ANY_WHOLE, _SHARE_OF, Fact, compact_name, sentences
from .precision import Interval, _approximate, _bound, _rounded
from .run_state import _arith, _operand
from .vocabulary import CLAIM_ZH, CLAIMS, CLOSED_KINDS, DECOMPOSITIONS, claim_of

if TYPE_CHECKING:
    from ..model import TextRef
    from .run_state import _Run

__all__ = ["check_defined_shares"]

#: Words of a head that compares the whole with another figure ("决算与预算对比", "与年初预算比较", "预决算对比").
_COMPARING = lazy_compile(r"对比|比较|相比|与\S{0,6}预算")


def _names_no_other_whole(share: Fact, whole: str) -> bool:
    """The share's own words ("占X%", "占总额的X%", "占三公经费的X%") name no whole but this one."""
    head = share.clause[: share.clause.find(share.quantity.text)] if share.quantity.text in share.clause else ""
    m = _SHARE_OF.search(head)
    if m is not None:
        return bool(_ANY_WHOLE.match(m.group(1))) or claim_of(compact_name(m.group(1))) == whole
    # "占年初预算89.33%", "占预算数39.7%" (no 的, review21d): the words between 占 and the figure name the whole too
    at = head.rfind("占")
    words = compact_name(head[at + 1 :]).removeprefix("比") if at >= 0 else ""
    return not words or bool(_ANY_WHOLE.match(words)) or claim_of(words) == whole


def _share_of_sum(parts: list[Interval], k: int) -> Interval | None:
    """Part k over the sum of all the parts, in percent: lowest with part k low and the others high."""
    own, others = parts[k], [p for i, p in enumerate(parts) if i != k]
    rest_lo = sum((p.lo for p in others), Decimal(0))
    rest_hi = sum((p.hi for p in others), Decimal(0))
    if own.lo + rest_hi <= 0 or own.hi + rest_lo <= 0:
        return None
    return Interval(own.lo / (own.lo + rest_hi) * HUNDRED, own.hi / (own.hi + rest_lo) * HUNDRED)


def check_defined_shares(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 for a share of a closed whole's item whose whole is the sum of all its items (see the module's doc)."""
    text = run.sub.narrative[pi].text if 0 <= pi < len(run.sub.narrative) else ""
    said = sentences(text)
    for whole in CLOSED_KINDS:
        items = DECOMPOSITIONS[whole]
        if any(f.claim == whole and f.quantity.is_money for f in facts):
            continue  # the whole printed: its own total's shares (funds_arith)
        # each share right after its item (`of` the fact before it)
        shares = [
            s
            for s in facts
            if s.role == "share" and s.index and s.of == s.index - 1 and facts[s.index - 1].claim in items
        ]
        if not shares:
            continue
        # every item printed once in the shares' sentence: an item without a share of its own ("因公出国(境)费支出决算
        # 0.00万元,公务接待费支出决算30.00万元,占59.40%;…" — 湾沚 陶辛镇 2021, real reports 26) is still a part of the whole
        sentence_of = facts[shares[0].index - 1].sentence
        parts = [f for f in facts if f.claim in items and f.sentence == sentence_of and f.role != "share"]
        if {p.claim for p in parts} != set(items) or len(parts) != len(items):
            continue  # each item once
        if any(facts[s.index - 1] not in parts for s in shares):
            continue
        # another amount of the sentence beside the items ("三公经费及机关运行经费支出决算中,…;机关运行经费18万元,占30%"
        # — review22r): the shares may be of a whole that holds it too, not the three items' sum
        if any(
            f.sentence == sentence_of
            and f.quantity.is_money
            and f.role != "share"
            and f.parent is None
            and f not in parts
            for f in facts
        ):
            continue
        if len({p.sentence for p in parts}) != 1 or len({p.quantity.unit for p in parts}) != 1:
            continue
        if (
            any(
                not p.quantity.is_money
                or p.direction
                or p.parent is not None
                or p.role not in ("value", "final", "budget")
                for p in parts
            )
            or len({p.role for p in parts}) != 1
        ):
            continue
        if any(_bound(f) or _approximate(f) for f in (*parts, *shares)):
            continue
        if not all(_names_no_other_whole(s, whole) for s in shares):
            continue
        sentence = said[parts[0].sentence] if parts[0].sentence < len(said) else ""
        at = sentence.find(parts[0].clause)
        head = compact_name(sentence[: at if at >= 0 else 0])
        if not any(name in head for name in CLAIMS[whole]):
            continue  # the whole not named before its items: which whole the shares are of is not said
        # "2023年“三公”经费决算与预算对比:…占89.33%" (review21d): the head compares two figures of the whole — the
        # shares may be of either (the budget's), a guess
        compared = (
            "句首把决算与预算（或两个数）作比较，“占”的比例也可能是对预算或另一个数而言，此处按各项之和读取"
            if _COMPARING.search(head)
            else ""
        )
        # a nought is nothing ("0万元": no 0.4 rounded down), as a sum's parts are read (funds_arith)
        spans = [Interval(Decimal(0), Decimal(0)) if not p.quantity.value else _operand(run, pi, p) for p in parts]
        step = min(p.quantity.step for p in parts)
        tight = [
            s.meet(_rounded(p.quantity.value, step)) if p.quantity.value else s
            for s, p in zip(spans, parts, strict=True)
        ]
        point_sum = sum((p.quantity.value for p in parts), Decimal(0))
        for share in shares:
            k = parts.index(facts[share.index - 1])
            computed, rounded = _share_of_sum(spans, k), _share_of_sum(tight, k)
            if computed is None or point_sum <= 0:
                continue
            names = " + ".join(p.quantity.text for p in parts)
            _arith(
                run,
                pi,
                ref,
                facts,
                share,
                computed,
                parts[k].quantity.value / point_sum * HUNDRED,
                f"“{parts[k].subject}”占{CLAIM_ZH[whole]}的比例（{parts[k].quantity.text} / ({names})，"
                f"{CLAIM_ZH[whole]}即其各组成部分之和）",
                f"share of {parts[k].subject} in {whole}, the sum of its defined items",
                tuple(parts),
                paired_by=compared,
                rounded=rounded,
            )
