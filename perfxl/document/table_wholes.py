"""Rates of the narrative whose whole only a table prints (issue 12, rgaps19): the text names the whole exactly but
states no figure of it, so the rate is computed from the text's part and the table's whole — N02 at the precision
each was printed with (a rate cut rather than rounded stays a 警告, as every N02's, `run_state._arith`).

* **A share of a named total** ("一般公共预算财政拨款支出9746.50万元，占本年支出合计的99.86%"): 本年支出合计 / 本年收入合计 is
  the 收支总表's line (or a 支出决算表's 合计 line: `table_lines.sum_table_values`, the department's whole, no money kind
  named); when the paragraph prints no figure of that total, the share is part / that line. Certain: the words name the
  line; a table printing no money unit makes it a judgement. A stage the part's words do not settle (a 预算 and a 决算
  table both read) leaves the share unread.
* **A 三公 item's change rate** ("公务用车购置及运行维护费支出决算减少3.59万元，下降15.31%") whose paragraph prints no level of
  the item: the level is the 三公 table's 决算 of that item, last year's the level less the change (a fall: level +
  change); the rate is the change over last year's level (`change_rate_on_table_level`). Certain when the change names
  last year (比上年, 比2024年度) and the table's item is named by the claim's vocabulary; a change naming no base is the
  rate right after it (`Fact.against` "" after a change of the year) — the same reading.

Pure; perfxl.document.crosscheck calls it from `_check_claim`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import TextRef
from ..numbers import HUNDRED, fmt_decimal
from ..patterns import lazy_compile
from ..units import convert
from .facts import Fact, sentences
from .precision import Interval, _bound
from .run_state import _arith, _operand
from .table_facts import TableValue, money_unit_for

if TYPE_CHECKING:
    from .run_state import _Run

__all__ = ["change_rate_on_table_level", "check_table_wholes", "share_of_named_total"]

#: A share whose words name a 收支总表 total: "占本年支出合计的99.86%", "占支出合计的比重为…", "占本年收入总计的…".
_OF_A_TOTAL = lazy_compile(
    r"^占\s*(?:本年|全年|当年)?(收入|支出)\s*(?:合计|总计|总额)\s*的?\s*(?:比重|比例)?\s*(?:为|是)?\s*\d"
)
_CLAIM = {"收入": "income", "支出": "expense"}
#: The total printed with a figure in the paragraph ("本年支出合计9760.00万元", "支出总计为…").
_TOTAL_PRINTED = {
    word: lazy_compile(rf"(?:本年|全年|当年)?{word}\s*(?:合计|总计|总额)[^，,。；;\d]{{0,6}}\d")
    for word in ("收入", "支出")
}
#: The stage a part's words name (its role), for the table of that stage.
_STAGES = {"budget": ("budget",), "final": ("final",), "value": ("final", "budget")}


def _rounded(tv: TableValue) -> Interval:
    return Interval(tv.value - tv.step / 2, tv.value + tv.step / 2)


def _in_unit(run: _Run, pi: int, part: Fact, tv: TableValue) -> Interval | None:
    """The part's printed range in the unit the table value is in (元/万元 converted), None when it converts to none."""
    unit = money_unit_for(tv, part.quantity.value, part.quantity.unit)
    conv = convert(Decimal(1), part.quantity.unit, unit)
    if not part.quantity.is_money or not conv.ok or conv.factor is None:
        return None
    at = _operand(run, pi, part).scaled(conv.factor)
    return Interval(-at.hi, -at.lo) if at.hi <= 0 else at  # a fall's amount, signed by its word: its size


def _unit_guess(tv: TableValue) -> str:
    return f"{tv.label}未注明金额单位，单位系推测" if tv.unit is None else ""


def share_of_named_total(run: _Run, pi: int, ref: TextRef, fact: Fact) -> bool:
    """N02 for a share whose words name a total only the tables print (see the module's doc); True when read so."""
    facts = run.facts.get(pi, ())
    m = _OF_A_TOTAL.match(fact.clause.strip())
    if m is None or fact.of is None or fact.of >= len(facts) or _bound(fact):
        return False
    part = facts[fact.of]
    if part.role not in _STAGES or not part.quantity.is_money or part.direction:
        return False
    named = m.group(1)
    text = run.sub.narrative[pi].text if 0 <= pi < len(run.sub.narrative) else ""
    if any(not text[: t.start()].rstrip().endswith("占") for t in _TOTAL_PRINTED[named].finditer(text)):
        return False  # the paragraph prints the total: funds_arith's share of its own figures
    found = [run.values[key] for s in _STAGES[part.role] if (key := (f"{_CLAIM[named]}@", s)) in run.values]
    if len(found) != 1:
        return False
    whole = found[0]
    at = _in_unit(run, pi, part, whole)
    if at is None or whole.value <= 0 or at.lo < 0:
        return False
    span = _rounded(whole)
    computed = Interval(at.lo / span.hi * HUNDRED, at.hi / span.lo * HUNDRED)
    unit = money_unit_for(whole, part.quantity.value, part.quantity.unit)
    point_part = convert(part.quantity.value, part.quantity.unit, unit).value or Decimal(0)
    point = point_part / whole.value * HUNDRED
    _arith(
        run,
        pi,
        ref,
        facts,
        fact,
        computed,
        point,
        f"“{part.subject}”占{m.group(0)[1:].rstrip('0123456789. ').removesuffix('的')}（{part.quantity.text} / 表中"
        f"{whole.label} {fmt_decimal(whole.value)}{unit or ''}）",
        f"share of {part.subject} in the table's {whole.label}",
        (part,),
        paired_by=_unit_guess(whole),
        related=whole.refs,
    )
    return True


#: The sentence compares with last year (比/较/与 上年, 去年, a year; 同比) — and not with a budget or a target.
_ON_LAST_YEAR = lazy_compile(r"(?:比|较|与)\s*(?:上年|去年|上一年|(?:19|20)\d{2}\s*年)|同比")
_ON_ANOTHER_BASE = lazy_compile(r"(?:比|较|与)[^，,。；;]{0,10}(?:预算|目标|计划)|剔除|扣除|不含|同口径|可比")
#: The 三公 claims a 三公 table prints a 决算 of.
_THREE_PUBLIC = frozenset(("three_public", "overseas", "reception", "vehicles", "vehicle_purchase", "vehicle_running"))


def _on_last_year(run: _Run, pi: int, change: Fact) -> bool:
    """The change's sentence, up to it, compares with last year and with no budget, target or other basis."""
    text = run.sub.narrative[pi].text if 0 <= pi < len(run.sub.narrative) else ""
    said = sentences(text)
    sentence = said[change.sentence] if change.sentence < len(said) else ""
    at = sentence.find(change.clause)
    head = sentence[: at + len(change.clause)] if at >= 0 else sentence
    if "预算" in head and "决算" not in head:
        return False  # "预算比上年减少…": a budget's change, not the table's 决算
    return bool(_ON_LAST_YEAR.search(head)) and not _ON_ANOTHER_BASE.search(head)


def change_rate_on_table_level(run: _Run, pi: int, ref: TextRef, fact: Fact) -> bool:
    """N02 for a 三公 item's change rate whose level only the table prints (see the module's doc); True when read so."""
    facts = run.facts.get(pi, ())
    if fact.role != "change_rate" or _bound(fact) or fact.index == 0 or fact.claim not in _THREE_PUBLIC:
        return False
    change = facts[fact.index - 1]
    if (
        change.role != "change"
        or change.claim != fact.claim
        or change.sentence != fact.sentence
        or change.base is not None
        or not change.direction
        or fact.direction not in (0, change.direction)
        or change.against not in ("", "year")
        or fact.against not in ("", "year")
        or not change.quantity.is_money
        or not _on_last_year(run, pi, change)
    ):
        return False
    claim, direction = change.claim, change.direction
    if any(f.claim == claim and f.role in ("value", "final", "budget", "previous") for f in facts):
        return False  # a level of the item in the paragraph: its own figures' arithmetic (funds_arith)
    level = run.values.get((claim, "final"))
    if level is None or level.formula or level.role != "final":
        return False
    at = _in_unit(run, pi, change, level)
    if at is None:
        return False
    span = _rounded(level)
    # last year's level: this year's less the signed change (a fall of c from L is L + c last year)
    base = Interval(span.lo + at.lo, span.hi + at.hi) if direction < 0 else Interval(span.lo - at.hi, span.hi - at.lo)
    unit = money_unit_for(level, change.quantity.value, change.quantity.unit)
    c = convert(change.quantity.value, change.quantity.unit, unit).value or Decimal(0)
    last = level.value + c if direction < 0 else level.value - c
    if base.lo <= 0 or last <= 0:
        return False  # (growth from nothing: no rate)
    computed = Interval(at.lo / base.hi * HUNDRED, at.hi / base.lo * HUNDRED)
    sign = "+" if direction < 0 else "−"
    _arith(
        run,
        pi,
        ref,
        facts,
        fact,
        computed,
        c / last * HUNDRED,
        f"“{change.subject}”与上年相比的增减率（{change.quantity.text} / 上年 {fmt_decimal(last)}{unit or ''}，上年数 = "
        f"表中{level.label} {fmt_decimal(level.value)}{unit or ''} {sign} {change.quantity.text}）",
        f"change rate of {change.subject} on last year's level (the table's {level.label} less the change)",
        (change,),
        paired_by=_unit_guess(level),
        related=level.refs,
    )
    return True


def check_table_wholes(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """The paragraph's rates whose whole only a table prints, after its own arithmetic (a rate it already found stays)."""
    for fact in facts:
        if fact.role == "share":
            share_of_named_total(run, pi, ref, fact)
        elif fact.role == "change_rate":
            change_rate_on_table_level(run, pi, ref, fact)
