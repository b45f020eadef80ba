"""A change against a budget printed in its own clause, and its rate (N02).

A 三公 决算 说明 compares each figure with last year's AND with its budget, printing the base each time: "…支出决算汇总数为
1134万元,较上年1174万元减少40万元,下降3%,较预算数1237万元减少103万元,下降8%" (迪庆州 2021, real reports 28). Last
year's base is read as such (`stated_changes`, funds_arith's rate over it); the budget's was not — "较预算数62万元增加
147万元,增长227%" (147 / 62 = 237.1%) and "较预算数1237万元减少113万元" went unread. Here the budget the clause prints
(`facts._COMPARED_BUDGET`) is the base of the change right after it in the same clause and of the rate after that:

- the rate is the change over that base (147 / 62), certain — both figures are the clause's own;
- the change is the figure compared less the base (1134 − 1237 = −103), the figure compared being the nearest amount
  before it in the sentence that is no base or change itself — a pairing by place, so a 警告 that says so.

A change whose words and figures go different ways (增加 with the figure below the base) is not judged (which is wrong,
the words or a figure, is unsaid), nor any approximate figure, nor a change in another money unit than its budget
(the figure compared, in 元 beside a budget in 万元, is put in the budget's unit), nor a rate its own words measure
against another base ("较预算数62万元增加147万元,较上年增长39%": last year's rate, `Fact.against`; review24r).
Pure: the paragraph's facts in, `Issue`s into the run.
"""

from __future__ import annotations

from ..model import Certainty, TextRef
from ..numbers import HUNDRED
from .facts import _COMPARED_BUDGET, Fact, compact_name
from .placed_year import of_another_year, since_figure_before
from .precision import Interval, _approximate, _ratio, _show
from .run_state import _arith, _operand, _Run, _where, contradict
from .stated_changes import _difference

__all__ = ["check_compared_budgets", "is_compared_budget"]


def is_compared_budget(fact: Fact) -> bool:
    """A budget printed only as the base a figure is compared with ("较预算数1237万元"): `facts._COMPARED_BUDGET`."""
    at = fact.clause.find(fact.quantity.text)
    return fact.role == "budget" and at > 0 and _COMPARED_BUDGET.search(fact.clause[:at]) is not None


def _next(facts: tuple[Fact, ...], fact: Fact, role: str) -> Fact | None:
    after = facts[fact.index + 1] if fact.index + 1 < len(facts) else None
    return after if after is not None and after.role == role and after.sentence == fact.sentence else None


def _size(fact: Fact, run: _Run, pi: int) -> Interval:
    got = _operand(run, pi, fact)
    return Interval(abs(got.lo), abs(got.hi)) if got.lo >= 0 else Interval(abs(got.hi), abs(got.lo))


def check_compared_budgets(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    for base in facts:
        if not base.quantity.is_money or not is_compared_budget(base) or not base.quantity.value:
            continue
        change = _next(facts, base, "change")
        if (
            change is None
            or change.clause != base.clause
            or not change.direction
            or change.quantity.unit != base.quantity.unit
            or any(_approximate(f) for f in (base, change))
        ):
            continue
        if _held_to_its_level(run, pi, ref, facts, base, change):
            continue  # the change is the figure found wrong: its rate, of that change, is not said wrong again
        rate = _next(facts, change, "change_rate")
        if (
            rate is not None
            and rate.direction == change.direction
            and rate.quantity.is_percent
            and rate.against in ("", "budget")  # "…增加147万元,较上年增长39%": last year's rate, not this change's
        ):
            level = _compared_level(run, pi, facts, base)
            item = f"“{level.subject}”" if level is not None and level.subject else ""
            what = f"{item}较预算的增减率（{change.quantity.text} / 预算 {base.quantity.text}）"
            point = change.quantity.value / base.quantity.value * HUNDRED
            ratio = _ratio(_size(change, run, pi), _operand(run, pi, base))
            _arith(run, pi, ref, facts, rate, ratio, point, what, "change on the budget / the budget", (change, base))


def _compared_level(run: _Run, pi: int, facts: tuple[Fact, ...], base: Fact) -> Fact | None:
    """The figure a budget's clause compares: the nearest amount before the base in its sentence (by place) of this
    year (`placed_year`: "2020年决算数为1174万元" is not), and of the item the clause names when it names one
    ("…公务用车购置及运行维护费1012万元;“三公”经费支出决算较预算数1237万元…": the 三公 total, not the 1012 —
    review24r)."""
    named = _names_compared(base)
    return next(
        (
            f
            for f in reversed(facts[: base.index])
            if f.sentence == base.sentence
            and f.role in ("value", "final")
            and f.quantity.is_money
            and not f.direction
            and not is_compared_budget(f)
            and not of_another_year(run, since_figure_before(run, pi, facts, f))
            and (not named or (bool(f.subject) and f.subject in named))
        ),
        None,
    )


def _names_compared(base: Fact) -> str:
    """The item a compared budget's clause names before its 较/比/与 ("“三公”经费支出决算较预算数…": 三公经费支出决算), or ""."""
    at = base.clause.find(base.quantity.text)
    m = _COMPARED_BUDGET.search(base.clause[: max(at, 0)])
    return compact_name(base.clause[: m.start()]).strip("，,；;：:") if m else ""


def _held_to_its_level(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...], base: Fact, change: Fact) -> bool:
    """The change against the figure it compares (the nearest amount before the base in its sentence): a 警告. True
    when the change was found wrong so."""
    level = _compared_level(run, pi, facts, base)
    if level is None or _approximate(level):
        return False  # a level in 元 beside a budget in 万元 is put in the budget's unit (`_difference`)
    if (pi, change.index) in run.contradicted or any((pi, f.index) in run.contradicted for f in (level, base)):
        return False
    got = _difference(run, pi, level, base, base.quantity.unit, change.direction > 0)
    if got is None:
        return False
    diff, (now, before) = got
    point = now - before
    if point == 0 or (point > 0) != (change.direction > 0) or _size(change, run, pi).overlaps(diff):
        return False
    places = max(f.quantity.places for f in (change, level, base))
    expected = _show(abs(point), change.quantity.unit, places)
    operands = (
        f"{level.quantity.text} − {base.quantity.text}"
        if point > 0
        else f"{base.quantity.text} − {level.quantity.text}"
    )
    what = f"“{level.subject}”与预算相比的增减额（{operands}）"
    zh = (
        f"{_where(ref)}：“{level.clause.strip()}”与同句所列预算“{base.clause.strip()}”之差 {operands} = {expected}，"
        f"而文字写 {change.quantity.text}；比较的是哪一个数，按同句中预算之前最近的金额读取，需人工核实"
    )
    en = (
        f"{operands} = {expected} (the figure before the budget in the sentence, read as the one compared — a "
        f"pairing by place); the text says {change.quantity.text}"
    )
    what_en, judged = f"{level.subject}: the change on the budget", Certainty.JUDGEMENT
    contradict(run, pi, ref, change, what, what_en, expected=expected, certainty=judged, basis=zh, basis_en=en)
    return True
