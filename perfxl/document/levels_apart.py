"""A change whose two levels stand in other paragraphs (issue 12, rgaps19): "2022年度“三公”经费预算较2021年度增加1.68万元,
其中公务接待较上年同期减少0.58万元" after "2022年度“三公”经费预算总计21.8万元,其中:…公务接待11.8万元…" and "2021年度“三公”
经费合计支出20.12万元,其中:…公务接待12.39万元…" (鄂尔多斯 2022): the change of an item between the year (and stage) its
sentence names and the year it is compared with is the difference of the item's one figure of each — found by the item
(its claim, or its name less the stage words) and the year the figure's own sentence names, in the other paragraphs.

Which paragraph's figure is meant is a reading (a report may print an item's figure twice, or of another kind of
money): an N02 警告 at most, and said only when the change fails the levels read at the finest place printed among the
three figures ("11.8" read as 11.80: 11.80 − 12.39 = −0.59 against 减少0.58 — right only if 11.8 stands for 11.81, as
`run_state._arith` judges a rate agreeing only through a figure cut short). Each level must be the one figure of its
item, year and stage in the document (two that differ: neither). Pure; called by perfxl.document.crosscheck.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import Certainty, TextRef
from ..numbers import fmt_decimal, round_half_up
from ..patterns import lazy_compile
from ..units import convert
from .facts import Fact, _claim, sentences
from .precision import Interval, _approximate, _bound, _interval
from .run_state import _where, contradict

if TYPE_CHECKING:
    from .run_state import _Run

__all__ = ["check_changes_apart"]

_YEAR = lazy_compile(r"((?:19|20)\d{2})\s*年")
#: The comparison: 较/比/与 a year or 上年 (同期), and what stands after it up to the change.
_AGAINST = lazy_compile(r"(?:较|比|与)\s*(?:(?P<year>(?:19|20)\d{2})\s*年度?|(?P<last>上年|去年|上一年)度?)")
#: Words on another basis than the two levels (a change adjusted, or against a budget or target named after 较).
_OTHER_BASIS = lazy_compile(r"剔除|扣除|不含|同口径|可比|(?:较|比|与)[^，,。；;]{0,8}(?:目标|计划)")
#: The stage and total words a figure's name carries ("三公经费预算总计", "三公经费合计支出"): not the item's name.
_STAGE_WORDS = lazy_compile(r"(?:预算|决算|合计|总计|支出|安排|数|总额|共计)+$")


def _item(f: Fact) -> str:
    """The item a figure is of: its claim, else its name less the stage words (claimed if that names a claim)."""
    if f.claim:
        return f.claim
    name = _STAGE_WORDS.sub("", f.subject)
    return _claim(name, "final") or name


def _sentence(run: _Run, pi: int, f: Fact) -> str:
    text = run.sub.narrative[pi].text if 0 <= pi < len(run.sub.narrative) else ""
    said = sentences(text)
    return said[f.sentence] if f.sentence < len(said) else ""


def _head(sentence: str, f: Fact) -> str:
    """The sentence up to the figure's clause (the clause included)."""
    at = sentence.find(f.clause)
    return sentence[: at + len(f.clause)] if at >= 0 else sentence


def _stage(words: str) -> str:
    return "budget" if "预算" in words else "final" if ("决算" in words or "支出" in words) else ""


def _level(run: _Run, pi: int, item: str, year: str, stage: str) -> tuple[int, Fact] | None:
    """The one figure of `item` in another paragraph whose sentence names `year` first (and `stage`, when one is named)."""
    found: list[tuple[int, Fact]] = []
    for pj, facts in run.facts.items():
        if pj == pi or pj < 0:
            continue
        for f in facts:
            if f.role not in ("value", "final", "budget") or not f.quantity.is_money or f.direction:
                continue
            if _bound(f) or _approximate(f) or _item(f) != item:
                continue
            sentence = _sentence(run, pj, f)
            years = _YEAR.findall(sentence)
            if not years or years[0] != year or _AGAINST.search(sentence):
                continue
            if stage and _stage(sentence) not in (stage, ""):
                continue
            found.append((pj, f))
    values = {(f.quantity.value, f.quantity.unit) for _, f in found}
    return found[0] if len(values) == 1 else None


def check_changes_apart(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 警告 for a change that fails its item's two levels printed in other paragraphs (see the module's doc)."""
    for change in facts:
        q = change.quantity
        if change.role != "change" or not q.is_money or not change.direction or change.against not in ("year", ""):
            continue
        if change.of is not None or change.base is not None or (pi, change.index) in run.contradicted:
            continue
        if _bound(change) or _approximate(change):
            continue
        item = _item(change)
        if not item or any(_item(f) == item and f.role in ("value", "final", "budget", "previous") for f in facts):
            continue  # a level of the item in its own paragraph: its own arithmetic (stated_changes)
        sentence = _sentence(run, pi, change)
        head = _head(sentence, change)
        if _OTHER_BASIS.search(head):
            continue
        comparisons = list(_AGAINST.finditer(head))
        if not comparisons:
            continue
        against = comparisons[-1]  # the item's own (其中…较上年同期), after its sentence's opening one
        opening = head[: against.start()]
        years = _YEAR.findall(opening)
        now = years[0] if years else run.year
        if not now:
            continue
        before = against.group("year") or str(int(now) - 1)
        if before >= now:
            continue
        stage_now = _stage(opening)
        got_now = _level(run, pi, item, now, stage_now)
        got_before = _level(run, pi, item, before, "")
        if got_now is None or got_before is None:
            continue
        (pn, level_now), (pb, level_before) = got_now, got_before
        factors = [convert(Decimal(1), f.quantity.unit, q.unit).factor for f in (level_now, level_before)]
        if not all(factors):
            continue
        fn, fb = factors
        assert fn is not None and fb is not None
        a, b = _interval(level_now).scaled(fn), _interval(level_before).scaled(fb)
        diff = Interval(a.lo - b.hi, a.hi - b.lo)
        point = level_now.quantity.value * fn - level_before.quantity.value * fb
        said = -q.value if change.direction < 0 else q.value
        if point == 0 or (point > 0) != (said > 0) or round_half_up(point, q.places) == said:
            continue  # the levels give the change at its printed place (or the words and figures go other ways)
        places = max(f.quantity.places for f in (change, level_now, level_before))
        expected = f"{fmt_decimal(round_half_up(abs(point), places))}{q.unit}"
        where_now, where_before = _where(run.sub.narrative[pn].ref), _where(run.sub.narrative[pb].ref)
        operands = f"{now}年 {level_now.quantity.text} − {before}年 {level_before.quantity.text}"
        loosely = diff.overlaps(Interval.printed(said, q.step))
        contradict(
            run,
            pi,
            ref,
            change,
            f"“{change.subject}”与{before}年相比的增减额（{operands}）",
            f"{change.subject}: the change between two other paragraphs' figures",
            expected=expected,
            certainty=Certainty.JUDGEMENT,
            related=(run.sub.narrative[pn].ref, run.sub.narrative[pb].ref),
            basis=f"{_where(ref)}“{change.clause.strip()}”写 {q.text}；{where_now}“{level_now.clause.strip()}”与"
            f"{where_before}“{level_before.clause.strip()}”之差 {operands} = {expected}"
            + (
                "；只有把某个数字读作截去尾数或四舍五入到所印位数的结果才相符（各数按印出的最小位数精确时不符）"
                if loosely
                else ""
            )
            + "；两个数字取自其他段落，配对系推测，需人工核实",
            basis_en=f"{operands} = {expected} (figures of two other paragraphs, paired by item and year); the text "
            f"says {q.text}",
        )
