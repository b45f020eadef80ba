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
  change); the rate is the change over last year's level (`change_rate_on_table_level`). Certain: its sentence compares
  with last year (比上年, 比2024年度, 同比 — never 比预算/目标, 剔除/同口径, nor a 预算's change) and the table's item is
  named by the claim vocabulary. Growth from nothing is no rate.
* **A statement that there is none** ("注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表", "2024年度无“三公”经费财政
  拨款支出"): each item it names (split at 和/及/与/、) that is a claim the tables print (三公经费 and its items) under the
  stage its words name (预算: the 预算 cells; 决算/支出: the 决算 cells) is said to be nothing — a table printing it above
  zero is an N01 警告 (the note may speak of another table, or of one kind of money only: a judgement). Another year's
  ("2023年无…" in the 2024 report) is not this table's.

Pure; perfxl.document.crosscheck calls `check_table_wholes` after a paragraph's own arithmetic.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import Certainty, TextRef
from ..numbers import HUNDRED, fmt_decimal
from ..patterns import lazy_compile
from ..units import convert
from .facts import Fact, _claim
from .levels_apart import sentence_of
from .precision import Interval, _bound
from .run_state import Issue, _arith, _operand, _where
from .table_facts import TableValue, money_unit_for

if TYPE_CHECKING:
    from .run_state import _Run

__all__ = ["change_rate_on_table_level", "check_none_stated", "check_table_wholes", "share_of_named_total"]

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


#: A year the sentence names, and whether it is a comparison's base ("比 2024 年度"): the 比/较/与 before it.
_NAMED_YEAR = lazy_compile(r"((?:比|较|与|同)\s*)?(?:((?:19|20)\d{2})\s*年|(上年|去年|上一年))")


def _sentence_head(run: _Run, pi: int, f: Fact) -> str:
    """The figure's sentence up to its clause (a sentence opening with 其中 goes on the one before)."""
    sentence = sentence_of(run, pi, f)
    at = sentence.find(f.clause)
    return sentence[: at + len(f.clause)] if at >= 0 else sentence


def _of_this_year(run: _Run, head: str) -> bool:
    """The years `head` names are the report's, and last year only as a comparison's base ("2025年度…比2024年度"):
    "2023年度…支出8553.30万元" or "上年…" in a 2024 report is another year's figure, not the tables'."""
    for m in _NAMED_YEAR.finditer(head):
        if m.group(3):
            if not m.group(1):
                return False
        elif run.year.isdigit() and int(m.group(2)) != int(run.year) - (1 if m.group(1) else 0):
            return False
    return True


def share_of_named_total(run: _Run, pi: int, ref: TextRef, fact: Fact) -> bool:
    """N02 for a share whose words name a total only the tables print (see the module's doc); True when read so."""
    facts = run.facts.get(pi, ())
    m = _OF_A_TOTAL.match(fact.clause.strip())
    if m is None or fact.of is None or fact.of >= len(facts) or _bound(fact):
        return False
    part = facts[fact.of]
    if part.role not in _STAGES or not part.quantity.is_money or part.direction:
        return False
    if any(f.quantity.is_money for f in facts[fact.of + 1 : fact.index]):
        return False  # "…9746.50万元，…比上年增加1193.20万元，占本年支出合计的12.23%": the share is of the figure before it
    if not _of_this_year(run, _sentence_head(run, pi, fact)):
        return False  # another year's part ("2023年度…8553.30万元，占当年支出合计的…"): not the tables' whole
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
    computed = at.percent_of(span)
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


#: Words naming money other than the 三公 table's (财政拨款): all funds, the unit itself only ("机关本级").
_OTHER_SCOPE = lazy_compile(r"全部资金|所有资金|各类资金|其他资金|单位资金|自有资金|非财政拨款|本级")


def _other_scope(run: _Run, pi: int, change: Fact) -> str:
    """Why the table's 财政拨款 level may not be the sentence's: its words name other money (全部资金, 机关本级)."""
    scope = _OTHER_SCOPE.search(_sentence_head(run, pi, change))
    return f"正文称“{scope.group(0)}”，表为财政拨款“三公”经费，两者口径可能不同" if scope else ""


def _on_last_year(run: _Run, pi: int, change: Fact) -> bool:
    """The change's sentence, up to it, compares with last year and with no budget, target or other basis — and the
    years it names are the report's and the one before ("2024年度…比2023年度" in a 2025 report: not the table's year)."""
    head = _sentence_head(run, pi, change)
    if "预算" in head and "决算" not in head:
        return False  # "预算比上年减少…": a budget's change, not the table's 决算
    if not _of_this_year(run, head):
        return False
    return bool(_ON_LAST_YEAR.search(head)) and not _ON_ANOTHER_BASE.search(head)


#: A change the facts read as an amount, its item and direction ending its words ("其中：公务用车购置及运行维护费支出决算
#: 减少3.59万元" in a sentence of its own, no comparison word of its own): the item, the word.
_ITEM_CHANGE = lazy_compile(r"^(?P<item>.+?)(?:支出)?(?:决算数?)?(?P<word>减少|下降|降低|增加|增长|上升)$")
_FALL = ("减少", "下降", "降低")


def _the_change(facts: tuple[Fact, ...], fact: Fact) -> tuple[Fact, str, int] | None:
    """The change a rate is of, its claim and direction: the change right before it, of its claim — or the amount it
    is `of` whose words end in its item and direction (`_ITEM_CHANGE`)."""
    if fact.claim in _THREE_PUBLIC and fact.index:
        change = facts[fact.index - 1]
        if change.role == "change" and change.claim == fact.claim and change.direction:
            return change, change.claim, change.direction
        return None
    if fact.claim or fact.of is None or fact.of >= len(facts) or facts[fact.of].role != "value":
        return None
    change = facts[fact.of]
    m = _ITEM_CHANGE.match(change.subject)
    claim = _claim(m.group("item"), "final") if m is not None and not m.group("item").endswith("预算") else ""
    if claim not in _THREE_PUBLIC or change.direction:
        return None
    return change, claim, -1 if m is not None and m.group("word") in _FALL else 1


def _item_name(change: Fact) -> str:
    m = _ITEM_CHANGE.match(change.subject)
    return m.group("item") if m is not None and not change.claim else change.subject


def change_rate_on_table_level(run: _Run, pi: int, ref: TextRef, fact: Fact) -> bool:
    """N02 for a 三公 item's change rate whose level only the table prints (see the module's doc); True when read so."""
    facts = run.facts.get(pi, ())
    if fact.role != "change_rate" or _bound(fact) or (got := _the_change(facts, fact)) is None:
        return False
    change, claim, direction = got
    if (
        change.sentence != fact.sentence
        or change.base is not None
        or fact.direction not in (0, direction)
        or change.against not in ("", "year")
        or fact.against not in ("", "year")
        or not change.quantity.is_money
        or not _on_last_year(run, pi, change)
    ):
        return False
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
    computed = at.percent_of(base)
    sign = "+" if direction < 0 else "−"
    _arith(
        run,
        pi,
        ref,
        facts,
        fact,
        computed,
        c / last * HUNDRED,
        f"“{_item_name(change)}”与上年相比的增减率（{change.quantity.text} / 上年 {fmt_decimal(last)}{unit or ''}，上年数 = "
        f"表中{level.label} {fmt_decimal(level.value)}{unit or ''} {sign} {change.quantity.text}）",
        f"change rate of {change.subject} on last year's level (the table's {level.label} less the change)",
        (change,),
        paired_by="；".join(why for why in (_unit_guess(level), _other_scope(run, pi, change)) if why),
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


#: "本部门2024年无“三公”经费和机关运行经费预算", "2024年度无“三公”经费财政拨款支出": who (optional), the year (optional), 无,
#: the items, the stage; the clause ends there (a 无 inside a longer clause, "基本无变化", names no item's absence).
_NONE = lazy_compile(
    r"(?:^|[，,。；;：:])\s*(?:本部门|本单位|我单位|我部门|本机关|[^，,。；;：:\d]{2,30}?)?\s*"
    r"(?:(?P<year>(?:19|20)\d{2})\s*年度?)?\s*(?:没有|无)(?P<names>[^，,。；;：:\d]{2,40}?)"
    r"(?:财政拨款)?(?P<stage>预算|决算|支出)(?:数)?\s*(?=[，,。；;]|$)"
)
_SPLIT = lazy_compile(r"和|及|与|、")
#: A statement of none about a part only: one kind of money ("使用政府性基金安排的", "国有资本经营预算安排的"), or the
#: department's units ("下属单位无…") — the 三公 table prints the whole (一般公共预算/财政拨款 of the department).
_PART_OF = lazy_compile(r"安排|使用|政府性基金|国有资本|下属|所属|二级单位")
_QUOTES = lazy_compile(r"[“”\"‘’]")


def check_none_stated(run: _Run, pi: int, ref: TextRef, text: str) -> None:
    """N01 警告 for a statement that there is none of an item the tables print above zero (see the module's doc)."""
    for m in _NONE.finditer(text):
        if m.group("year") and run.year and m.group("year") != run.year:
            continue
        if _PART_OF.search(m.group(0)):
            continue  # "无使用政府性基金安排的“三公”经费预算", "下属单位无…": a part of the money or of the department
        stage = "budget" if m.group("stage") == "预算" else "final"
        for name in _SPLIT.split(m.group("names")):
            claim = _claim(_QUOTES.sub("", name).strip(), "final")
            tv = run.values.get((claim, stage)) if claim in _THREE_PUBLIC else None
            if tv is None or tv.formula or tv.value <= 0:
                continue
            said = f"{_QUOTES.sub('', name).strip()}{m.group('stage')}"
            shown = f"{fmt_decimal(tv.value)}{tv.unit or ''}"
            why = f"正文称无{said}，表中却印有数字；此说明可能指另一张表或某一类资金，需人工核实"
            run.issues.append(
                Issue(
                    "N01",
                    ref,
                    {
                        "claim": said,
                        "where": _where(ref),
                        "table_label": tv.label,
                        "cell": str(tv.refs[0]) if tv.refs else "—",
                        "narrative": "无（0）",
                        "table": shown,
                        "pairing": f"（{why}）",
                        "pairing_en": f" (the text says there is no {said}; the table prints a figure — the note may "
                        "be about another table or one kind of money: a person checks)",
                    },
                    expected=shown,
                    actual="无",
                    related=tv.refs,
                    certainty=Certainty.JUDGEMENT,
                    basis=f"{_where(ref)}“{m.group(0).strip('，,。；;：: ')}”读作{said}为 0；{tv.label}（"
                    f"{tv.refs[0] if tv.refs else '—'}）= {shown}；{why}",
                    basis_en=f"the text says there is no {said}; table {tv.refs[0] if tv.refs else ''} = {tv.value}",
                )
            )
