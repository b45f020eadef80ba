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
from .placed_year import of_another_year, own_words, since_figure_before, years_in
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
    levels = [f for f in facts if f.sentence == last_sentence and f.quantity.is_money and not f.direction]
    if not levels:
        return None
    whole = levels[-1]
    if (
        whole.role not in _AMOUNTS
        or whole.parent is not None
        or whole.carried
        or _approximate(whole)
        or not whole.quantity.value
        or any(f.role == whole.role for f in levels[:-1])
    ):
        # "基本支出预算881300.39元,上年基本支出预算1047571.79元。其中:" (last year's split), "2023年…预算…,2022年…预算…。
        # 其中:" (which year's, unsaid): no whole (review26r)
        return None
    return whole


def _another_year(run: _Run, whole_words: str, words: str) -> bool:
    """The part's or its share's words put it in last year, or name a year the whole's words do not: "1. 基本支出预算…。
    其中:" ¶ "2022年工资福利支出预算865032元,占基本支出预算82.58%" is last year's part of last year's whole (review26r: a
    false N02 错误 held to this year's). A year the whole leaves unsaid is no proof the part is this year's, even the
    report's own (a report naming only that year takes it for its own): the list ends there."""
    return of_another_year(run, words) or bool(years_in(words) - years_in(whole_words))


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
        whole_words = since_figure_before(run, pi, pf.facts, whole)
        for qi, qref, qf in parsed[k + 1 : k + 1 + _MOST_PARTS]:
            item = _opening_item(qf.facts)
            if item is None or item.role != whole.role or item.quantity.unit != whole.quantity.unit:
                break
            share = _share_after(qf.facts, item)
            if share is None or _whole_named(share) != name or _approximate(item):
                break
            placed = "".join(since_figure_before(run, qi, qf.facts, f) for f in (item, share))
            if _another_year(run, whole_words, placed):
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
