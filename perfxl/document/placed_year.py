"""The year a narrative figure's words place it in, for the readings that pair figures by name or by place.

A share's whole (`named_shares`), the figure a budget is compared with (`compared_budget`) and a gap to the budget a
completion rate rests on (`completion_gap`) are this year's figures; words putting one in last year or in another year
("上年同期,授予…6000万元", "2020年决算数为1174万元", "与2020年度预算相比,增加1.14万元") make it no such figure
(review24r: each was paired so, an N02 错误 or 警告 on words that agree). The words are those since the figure before
it in its sentence — a year often stands in a clause of its own ("2020年,授予…"). Pure.
"""

from __future__ import annotations

from ..patterns import lazy_compile
from .facts import Fact, sentences
from .run_state import _Run

__all__ = ["of_another_year", "own_words", "since_figure_before", "years_in"]

#: Words placing a figure in last year ("上年…", "去年…", "上年同期…").
_LAST_YEAR = lazy_compile(r"上一?年|去年|同期")
_YEAR = lazy_compile(r"(?:19|20)\d{2}(?=\s*年)")


def own_words(fact: Fact) -> str:
    """The figure's clause before it."""
    at = fact.clause.find(fact.quantity.text)
    return fact.clause[: max(at, 0)]


def since_figure_before(run: _Run, pi: int, facts: tuple[Fact, ...], fact: Fact) -> str:
    """The words of the figure's sentence from the figure before it (or the sentence's start) to it; its own clause's
    when its sentence is not found."""
    said = sentences(run.sub.narrative[pi].text) if 0 <= pi < len(run.sub.narrative) else []
    sentence = said[fact.sentence] if fact.sentence < len(said) else ""
    at = sentence.find(fact.clause)
    if at < 0 or fact.carried:
        return own_words(fact)
    lead = sentence[:at] + own_words(fact)
    for before in reversed(facts[: fact.index]):
        if before.sentence == fact.sentence and (cut := lead.rfind(before.quantity.text)) >= 0:
            return lead[cut + len(before.quantity.text) :]
    return lead


def years_in(words: str) -> set[str]:
    return set(_YEAR.findall(words))


def of_another_year(run: _Run, words: str) -> bool:
    """The words put a figure in last year, or name a year other than the report's (`_Run.year`, when known)."""
    return bool(_LAST_YEAR.search(words)) or (bool(run.year) and any(y != run.year for y in years_in(words)))
