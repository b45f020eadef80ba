"""Shares of a whole whose 其中 list runs over the paragraphs after it, each share naming the whole (N02).

A 预算 公开 prints a whole and "其中:" at a paragraph's end, then each part a paragraph of its own with its share of the
whole by name: "1. 基本支出预算 881300.39 元,占一般公共预算支出的96.74%,…。其中:" ¶ "工资福利支出预算 716052.51 元,占基本
支出预算81.25%,…" ¶ "商品和服务支出预算 165247.88 元,占基本支出预算18.76%,…" (梧州 units' 预算 公开 pages, real reports
30: 165247.88 / 881300.39 = 18.75%). Within one paragraph funds_arith holds a 其中 part's share to its total; over
paragraphs nothing did (spread_lists holds only the SUM of a defined whole's items), so a wrong share went unread.

The relation is taken only where the words make it one: the paragraph ends on "其中:" after the whole's amount (the
last amount of its last sentence standing alone: no part, no change), each next paragraph opens with an amount of the
whole's own role, and the share right after that amount names the whole exactly as the whole's own words print it
(but for a list number or year before it: "1. 基本支出预算" for "占基本支出预算"). The list ends at the first paragraph
that does not. Certain then, as a share of a whole named and printed in one paragraph (named_shares). Pure: the parsed
paragraphs in, `Issue`s into the run.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import TextRef
from ..numbers import HUNDRED
from ..patterns import lazy_compile
from .facts import Fact, ParagraphFacts, compact_name
from .placed_year import own_words
from .precision import _approximate, _ratio
from .run_state import _arith, _operand, _Run, _where
from .spread_lists import _opening_item

__all__ = ["check_spread_shares"]

_AMOUNTS = ("value", "final", "budget")
#: A whole's name this short ("支出") is a kind of figure, not one figure's name (as named_shares).
_MIN_NAME = 4
#: What may stand before the whole's name in its own words: a list number, a year ("1. 基本支出预算", "2023年…").
_LEAD = lazy_compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）.．、]|(?:19|20)\d{2}年度?|本年度?|其中)+")
_TAIL = lazy_compile(r"(?:为|是|共计|合计)$")
#: The whole a share names right before its figure, with or without 的 ("占基本支出预算81.25%", "占基本支出的81.25%").
_SHARE_NAMES = lazy_compile(r"占([^\d，,。；;：:（）()]{2,16}?)的?(?:比例|比重)?(?:为|是)?\s*$", needs=("占",))
#: How many part paragraphs one whole's list may run over (a 预算 说明's economic classes are a handful).
_MOST_PARTS = 8


def _printed_name(fact: Fact) -> str:
    """The whole's name as its own words print it, without a list number, year or verb around it."""
    return _TAIL.sub("", _LEAD.sub("", compact_name(own_words(fact))))


def _whole_named(share: Fact) -> str:
    """The whole's name in the share's words right before it ("" when none)."""
    at = share.clause.find(share.quantity.text)
    m = _SHARE_NAMES.search(share.clause[:at]) if at > 0 else None
    return compact_name(m.group(1)) if m else ""


def _closing_whole(text: str, facts: Sequence[Fact]) -> Fact | None:
    """The whole a paragraph ending on "其中:" splits: the last amount of its last sentence that is no part."""
    if not text.rstrip().endswith(("其中:", "其中：")) or not facts:
        return None
    last_sentence = facts[-1].sentence
    amounts = [
        f
        for f in facts
        if f.sentence == last_sentence
        and f.role in _AMOUNTS
        and f.quantity.is_money
        and f.parent is None
        and not f.direction
        and not f.carried
    ]
    return amounts[-1] if amounts and not _approximate(amounts[-1]) and amounts[-1].quantity.value else None


def _share_after(facts: Sequence[Fact], item: Fact) -> Fact | None:
    """The share told right after the paragraph's opening amount, of that amount."""
    at = item.index + 1
    if at >= len(facts):
        return None
    share = facts[at]
    if share.role != "share" or not share.quantity.is_percent or share.sentence != item.sentence:
        return None
    return share if share.of in (None, item.index) else None


def check_spread_shares(run: _Run, parsed: Sequence[tuple[int, TextRef, ParagraphFacts]], texts: Sequence[str]) -> None:
    """N02 where a part's share of the whole its words name, the whole closing the paragraph before the list, is not
    the part over that whole at the printed precision (see the module)."""
    for k, (pi, ref, pf) in enumerate(parsed):
        whole = _closing_whole(texts[pi], pf.facts)
        if whole is None:
            continue
        name = _printed_name(whole)
        if len(name) < _MIN_NAME:
            continue
        for qi, qref, qf in parsed[k + 1 : k + 1 + _MOST_PARTS]:
            item = _opening_item(qf.facts)
            if item is None or item.role != whole.role or item.quantity.unit != whole.quantity.unit:
                break
            share = _share_after(qf.facts, item)
            if share is None or _whole_named(share) != name or _approximate(item):
                break
            _arith(
                run,
                qi,
                qref,
                qf.facts,
                share,
                _ratio(_operand(run, qi, item), _operand(run, pi, whole)),
                item.quantity.value / whole.quantity.value * HUNDRED,
                f"“{item.subject}”占“{name}”（{_where(ref)} {whole.quantity.text}）的比例"
                f"（{item.quantity.text} / {whole.quantity.text}）",
                f"share of {item.subject} in {name}, the whole closing paragraph {pi + 1} before its 其中 list",
                (item,),
            )
