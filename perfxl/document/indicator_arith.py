"""A completion rate against its target and actual (N02): "年度目标≥5000人次，实际完成4820人次，完成率94.60%" is actual
/ target — certain when the two are one 自评表 row's cells, else a judgement paired by place. Pure."""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import CellRef, TextRef
from ..numbers import HUNDRED
from ..patterns import lazy_compile
from ..units import convert
from .facts import Fact, compact_name
from .precision import Interval, _around, _bound, _fits, _ratio, _rounded
from .run_state import _arith, _operand, _Run
from .table_facts import IndicatorValue, printed_step

#: Words saying the figure after them is the target, not what was achieved.
_TARGET_CUE = lazy_compile(r"(目标|计划|指标值|预期|预计|年初设定|任务)")


#: The words before a rate saying it is a completion of a target: "完成率", "完成年度目标的", "完成年度目标3000人的".
_COMPLETION_RATE = lazy_compile(
    r"(?:(?:目标)?完成(?:率|比例)|完成(?:年度|年初)?(?:绩效)?目标(?:任务)?(?:\d[\d.,]*[^\d，,。；;]{0,4})?的)(?:为|是|达到?)?$"
)
_ACTUAL_CUE = lazy_compile(r"(实际|完成|达到)")
#: Words of a figure by which the actual passed or missed its target ("超额完成6公里", "超出目标20人", "尚差5户"): the
#: difference between them, no actual or target of its own.
_BEYOND_TARGET = lazy_compile(r"(超额|超出|超过|多完成|少完成|未完成|尚差|相差)[^\d]{0,6}$")


def _completion_pair(facts: tuple[Fact, ...], rate: Fact) -> tuple[Fact, Fact] | None:
    """(target, actual) of a completion rate: the two counts or measures right before it in its sentence (a difference
    between them, "少1.2万人次", aside), one named the target (目标/计划…) and the other not — the target first and the
    actual stated as one ("目标≥5000人次，实际完成4820人次"), or the actual first and the target set against it
    ("10.8万人次，较目标12万人次少1.2万人次", "3210人，完成年度目标3000人的107%")."""
    near: list[Fact] = []
    for f in reversed(facts[: rate.index]):
        if f.sentence != rate.sentence or len(near) == 2:
            break
        if near == [] and (f.role in ("change", "change_rate") or _BEYOND_TARGET.search(compact_name(_around(f)[0]))):
            continue  # ("…计划120公里,超额完成6公里,完成率105%": the excess, no actual — review29m)
        if not (f.quantity.is_count or f.quantity.is_measure) or f.quantity.value <= 0:
            return None
        near.append(f)
    if len(near) != 2:
        return None
    first, second = near[1], near[0]
    cue = [bool(_TARGET_CUE.search(_around(f)[0])) for f in (first, second)]
    if not convert(Decimal(1), first.quantity.unit, second.quantity.unit).ok or cue[0] == cue[1]:
        return None
    if cue[0]:  # the target first: the actual must say it is one ("实际完成…")
        return (first, second) if _ACTUAL_CUE.search(_around(second)[0]) else None
    return second, first


#: A figure that closes a range ("300至350人", "300人-350人", "95%-100%"): a number, its unit, a range mark before it.
_RANGE_BEFORE = lazy_compile(r"\d\s*[^\d\s，,。；;]{0,2}\s*[-–—~～至到]\s*$")

#: Words before 完成率 that name no quantity of their own: "其完成率", "目标完成率", "任务完成率", "总体完成率".
_GENERIC_HEAD = lazy_compile(r"(其|该项?|此项?|本项|指标|目标|任务|年度|年初|绩效|总体|整体|综合|实际|计划|项目|的|为)")


def _names_another_quantity(rate: Fact, target: Fact, actual: Fact) -> bool:
    """The words of the rate's own clause before 完成率 name something the target and the actual do not ("学员结业考核
    完成率98%" after the trainees' target and actual): the rate of another quantity, not actual / target."""
    head = compact_name(_around(rate)[0])
    m = _COMPLETION_RATE.search(head)
    if m is None:
        return False
    words = re.sub(r"^.*\d[^\u4e00-\u9fff]*", "", head[: m.start()])  # after an earlier figure of the clause
    words = _GENERIC_HEAD.sub("", words.removeprefix(actual.quantity.unit))
    if len(words) < 2:
        return False
    names = target.subject + actual.subject + _around(target)[0] + _around(actual)[0]
    return not any(words[i : i + 2] in names for i in range(len(words) - 1))


def _row_of(run: _Run, target: Fact, actual: Fact) -> IndicatorValue | None:
    """The one 自评表 row whose 年度指标值 and 实际完成值 are the narrative's target and actual (printed precision, units
    converted) — found by its cells, not its name; None when none or several."""
    rows = []
    for iv in run.indicators:
        if iv.target.number is None or iv.actual.number is None:
            continue
        target_step = printed_step(iv.indicator.target.raw) or Decimal(1)
        if _fits(target, iv.target.number, iv.target.unit, target_step) and _fits(
            actual, iv.actual.number, iv.actual.unit, iv.actual_step or Decimal(1)
        ):
            rows.append(iv)
    return rows[0] if len(rows) == 1 else None


def _completion_of_target(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...]) -> None:
    """ "年度目标≥5000人次，实际完成4820人次，完成率94.60%", "完成年度目标的96%": a completion rate right after a target
    and an actual in its sentence is the actual over the target (N02). Certain when the two are the 年度指标值 and
    实际完成值 of one 自评表 row (and its target is no upper bound: ≤ has no 完成率 of this kind); else a judgement —
    the three are paired by place."""
    for rate in facts:
        if not rate.quantity.is_percent or rate.role != "value":
            continue
        if not _COMPLETION_RATE.search(compact_name(_around(rate)[0])):
            continue
        pair = _completion_pair(facts, rate)
        if pair is None:
            continue
        target, actual = pair
        if _RANGE_BEFORE.search(_around(target)[0]):
            continue  # "目标300至350人": which end of a range the rate measures is open
        if _names_another_quantity(rate, target, actual):
            continue  # "实际培训320人，学员结业考核完成率98%": the exam's rate, not the training's
        if _bound(target) == "upper" or re.search(r"[≤<]\s*$", _around(target)[0]):
            continue  # "目标≤3000元": a ceiling has no completion rate of this kind
        factor = convert(Decimal(1), actual.quantity.unit, target.quantity.unit).factor or Decimal(1)
        if rate.quantity.value == HUNDRED and actual.quantity.value * factor >= target.quantity.value:
            continue  # "实际完成1620人次，完成率100%" of ≥1500: an exceeded target stated as fully completed (capped)
        row = _row_of(run, target, actual) if isinstance(ref, TextRef) else None
        if row is not None and row.target.op in ("≤", "<"):
            continue
        paired_by = "" if row is not None else "目标、实际完成数与完成率按同一句中的位置配对"
        related = tuple(c for c in (row.indicator.actual.place(), row.indicator.target.place()) if c) if row else ()
        named = f"“{row.name}”" if row else ""
        if row is not None:  # the row's cells: its target as set (exact), its actual as printed (rounded half up)
            assert row.target.number is not None and row.actual.number is not None
            to_target = convert(Decimal(1), row.actual.unit, row.target.unit).factor or Decimal(1)
            done = _rounded(row.actual.number, row.actual_step or Decimal(1)).scaled(to_target)
            computed = _ratio(done, Interval(row.target.number, row.target.number))
        else:
            computed = _ratio(_operand(run, pi, actual).scaled(factor), _operand(run, pi, target))
        _arith(
            run,
            pi,
            ref,
            facts,
            rate,
            computed,
            actual.quantity.value * factor / target.quantity.value * HUNDRED,
            f"{named}完成率（实际 {actual.quantity.text} / 目标 {target.quantity.text}"
            + (f"，即自评表 {row.indicator.actual.place()} / {row.indicator.target.place()}" if row else "")
            + "）",
            "completion: actual / target",
            (actual, target),
            paired_by,
            related,
        )
