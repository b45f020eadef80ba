"""A completion rate whose budget the text gives only as the spending's gap to it (N02).

A 决算 说明 may print an item's spending, its 完成预算% and how far the spending is from the budget, the budget itself
never: "一般公共预算财政拨款支出总计1741.75万元,…完成年初预算100%,决算数大于预算数55.93万元" (天水市幼儿园 2017,
real reports 28) — the budget is then 1741.75 − 55.93 = 1685.82 and the rate 103.32%, not 100%; "公务接待费支出决算为
5.21万元,比预算减少0.1万元,完成预算的98%" (the budget 5.31). The words fix the budget — the spending less the excess,
plus the shortfall — so the rate is held to spending / budget at their printed precision, as a rate with its budget
printed is (`funds_arith._relations`). The gap is either a change the reader pairs with the spending against the budget
("比预算增加/减少…", `Fact.against` "budget", of the spending) or the words "决算数大于/小于预算数…" (read as a figure of no item: the
sentence's spending is the only 决算 they can mean, with no other amount between them — a pairing by place, so a 警告 that
says so). Only in the rate's own sentence (a gap in another money unit converted: "5.21万元,比预算减少1000元"), and never when the rate and the gap
name two different budgets (年初 against 调整/调整后/全年); when only one of them names its stage ("比年初预算减少…,完成预算的90%"), the one
budget is a reading, so a 警告 that says so; nor a gap its words put in another year ("与2020年度预算相比,增加…" in a 2021 说明,
`placed_year`) (review24r). Pure: the run's facts in, `Issue`s into the run.
"""

from __future__ import annotations

from ..model import CellRef, TextRef
from ..numbers import HUNDRED, fmt_decimal
from ..patterns import lazy_compile
from .facts import Fact
from .placed_year import of_another_year, since_figure_before
from .precision import Interval, _approximate, _ratio
from .run_state import _arith, _operand, _Run, _sum_in

#: The words of a gap naming no item: "决算数大于预算数", "决算数小于年初预算数", "决算超出预算" (the direction: more or
#: less than the budget).
_GAP_WORDS = lazy_compile(
    r"^决算数?(?P<way>大于|高于|多于|超过|超出|小于|低于|少于)(?P<kind>年初|调整后?|全年)?预算数?$",
    needs=("决算",),
)
_MORE = ("大于", "高于", "多于", "超过", "超出")
#: The budget a rate or a gap names by its stage ("调整后预算" is the 调整预算).
_KIND = lazy_compile(r"(年初|调整|全年)后?预算")


def _kind(words: str) -> str:
    m = _KIND.search(words)
    return m.group(1) if m else ""


def _stage_named_once(rate: Fact, gap: Fact) -> str:
    """How the budget was taken to be one when only one of the rate and the gap names its stage ("比年初预算减少0.1万元,
    完成预算的90%": the plain 预算 may be the 调整预算 — a 决算 has both), "" when both name the same or neither does."""
    named = [(k, who) for k, who in ((_kind(rate.clause), "比例"), (_kind(gap.clause), "差额")) if k]
    if len(named) != 1:
        return ""
    (stage, who), plain = named[0], "差额" if named[0][1] == "比例" else "比例"
    return f"{who}写明“{stage}预算”而{plain}只写“预算”，按同一预算读取（决算说明中预算可能指年初或调整预算）"


def _amount_between(facts: tuple[Fact, ...], final: Fact, gap: Fact) -> bool:
    """Another amount stands between the spending and the gap's words ("支出总计1741.75万元,完成年初预算100%,其中:基本支出
    1000万元,决算数大于预算数55.93万元"): whose 决算 the words mean, the nearer or the rate's, is unsaid (review24r)."""
    return any(
        f.quantity.is_money and f.role in ("value", "final", "budget") and not f.direction
        for f in facts[final.index + 1 : gap.index]
    )


def _gap(facts: tuple[Fact, ...], rate: Fact, final: Fact) -> tuple[Fact, int, str] | None:
    """(gap, direction of the spending from the budget, how it was paired — "" when by the reader) in the rate's
    sentence, or None."""
    for f in facts:
        if f.sentence != rate.sentence or f is rate or f is final or not f.quantity.is_money:
            continue
        if f.role == "change" and f.against == "budget" and f.of == final.index and f.direction:
            return f, f.direction, ""
        words = _GAP_WORDS.fullmatch(f.clause[: f.clause.find(f.quantity.text)].strip())
        if words is not None and f.index > final.index and not _amount_between(facts, final, f):
            return (
                f,
                1 if words["way"] in _MORE else -1,
                f"“{words.group(0)}”未写明是哪一项的决算，按同句的支出 {final.quantity.text} 读取",
            )
    return None


def check_completion_by_gap(
    run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], rate: Fact, final: Fact
) -> bool:
    """N02 when `rate` (a 完成预算%) is not spending / (spending ∓ the stated gap); True when a gap was read (the rate
    is then judged here), False when the sentence states none."""
    found = _gap(facts, rate, final)
    if found is None:
        return False
    gap, direction, paired_by = found
    if of_another_year(run, since_figure_before(run, pi, facts, gap)):
        return True  # "比2020年预算减少0.1万元", "与2020年度预算相比,增加…" in a 2021 说明: another year's budget
    # a gap in another money unit ("5.21万元,比预算减少1000元") is put in the spending's: 元 and 万元 convert exactly,
    # and each figure keeps its printed precision (prose25)
    gap_in = _sum_in(run, pi, [gap], final.quantity.unit)
    if gap_in is None or any(_approximate(f) for f in (final, gap)):
        return True
    kinds = {_kind(rate.clause), _kind(gap.clause)} - {""}
    if len(kinds) > 1:
        return True  # "完成调整(后)预算的95%" beside "比年初预算增加…": two budgets
    paired_by = "；".join(p for p in (paired_by, _stage_named_once(rate, gap)) if p)
    spent, (off, gap_point) = _operand(run, pi, final), gap_in
    off = Interval(abs(off.lo), abs(off.hi)) if off.lo >= 0 else Interval(abs(off.hi), abs(off.lo))
    budget = (
        Interval(spent.lo - off.hi, spent.hi - off.lo)
        if direction > 0
        else Interval(spent.lo + off.lo, spent.hi + off.hi)
    )
    point_budget = final.quantity.value - direction * abs(gap_point)
    if point_budget <= 0:
        return True
    sign = "−" if direction > 0 else "+"
    what = (
        f"“{rate.subject}”完成预算的比例（决算 {final.quantity.text} / 预算 {final.quantity.text} {sign} "
        f"{gap.quantity.text} = {fmt_decimal(point_budget)}{final.quantity.unit}）"
    )
    point = final.quantity.value / point_budget * HUNDRED
    what_en = f"{rate.subject}: final / (final {sign} gap to budget)"
    _arith(run, pi, ref, facts, rate, _ratio(spent, budget), point, what, what_en, (final, gap), paired_by=paired_by)
    return True
