"""A 三公 item's spending set against its own budget in words, checked against the table's budget for that item (N01).

A 三公 决算 说明 states each item's spending and its gap to the item's 预算: "公务接待费支出5.21万元,与2021年度预算相比,
减少0.1万元", "公务用车购置及运行维护费支出2.48万元,与2021年度预算相比无变化" (杜集区政府办 2021, real reports 15, whose
决算表 prints 预算 14.9 and 15). The words fix the budget — spending + the decrease, spending − the increase, the spending
itself for 无增减 / 无变化 / 持平 — so where the tables hold that item's 预算 the two must be one number at their printed
precision: the spending and the gap each stand for any value that prints as written, so a table's 预算 is wrong only
when no spending and gap that print so make it (review14s: "5.2万元 … 减少0.1万元" is true of 5.15 and 5.20). A gap in 元
beside a spending in 万元 (or the reverse) is converted. Only a comparison with the report's own year's budget (or a
year unnamed), of a spending the words do not place in another year ("2020年公务接待费支出…"), against a 预算
column that names no other year ("2020年预算数") nor another budget than the words' ("与年初预算相比" against a
调整预算数), and only an item whose spending perfxl has not already found wrong. The short forms read alike: "比预算减少",
"较预算节约", "与(年初)预算持平" (docs15). A gap stated with no spending before it ("公务接待费决算数比预算减少3万元",
"“三公”经费支出与预算持平") is held to the table's 预算 − 决算 of the item the words name (持平: the two cells equal at
their printed precision); words naming no item ("支出与预算持平") take the paragraph's nearest 三公 item before — a guess,
a 警告 at most, that says so. Not read so (review16): "基本持平" (near, not equal — how near the words do not say),
nor words placing the spending in another year ("2020年公务接待费决算数比预算减少…", "上年…"). Pure: the run's facts in,
`Issue`s into the run.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import ROUND_HALF_UP, Decimal

from ..model import Certainty, TextRef
from ..numbers import fmt_decimal
from ..patterns import lazy_compile
from ..printed_scope import stage_reason
from ..units import convert
from .compare import _compare
from .facts import Fact, Quantity, compact_name
from .precision import Interval, _around
from .run_state import _YEAR, _another_years, _Run
from .table_facts import TableValue, money_unit_for
from .vocabulary import DECOMPOSITIONS, claim_of

#: The words right after an item's spending that compare it with its budget, and what they say of the gap: "与预算相比
#: 减少", and the short forms "比预算减少", "较预算节约", "与年初预算持平" (docs15: those went unread).
_GAP = lazy_compile(
    r"\s*[,，]?\s*(?:与|较|比)(?:(?P<year>(?:19|20)\d{2})年度?)?(?P<kind>年初|调整后?|全年)?预算(?:数)?(?:相比)?\s*[,，]?\s*"
    r"(?:(?P<same>无增减|无变化|没有变化|持平)|(?P<dir>减少|增加|节约|超支)了?\s*(?P<gap>\d+(?:\.\d+)?)\s*(?P<unit>万元|元))"
)

#: A gap to the budget stated without the spending before it ("公务接待费决算数比预算减少3万元", "“三公”经费支出与预算持平"):
#: the words naming the item, and what is said of the gap (docs15).
_NAMED_GAP = lazy_compile(
    r"(?P<words>(?:(?:19|20)\d{2}年度?)?[^，,。；;：:\d%]{0,30}?)(?:与|较|比)(?:(?P<year>(?:19|20)\d{2})年度?)?(?P<kind>年初|调整后?|全年)?预算(?:数)?"
    r"(?:相比)?\s*[,，]?\s*(?:(?P<about>基本|大致|大体)?(?P<same>无增减|无变化|没有变化|持平)|(?P<dir>减少|增加|节约|超支)了?\s*$)",
    needs=("预算",),
    keep_gate=True,
)
#: Words placing the item's spending in last year ("上年公务接待费…", "去年…"): not the table's year (review16).
_LAST_YEAR = lazy_compile(r"上年|去年|上一年|前一年")
#: The words an item's name ends with before its comparison ("公务接待费决算数", "“三公”经费支出"): no part of the name.
_ITEM_TAIL = lazy_compile(r"(?:支出)?(?:决算数?|执行数|实际支出|支出)?(?:为|是)?$")
#: A figure ending right before the comparison ("…5.21万元，与预算持平"): that spending's gap, read with the spending.
_FIGURE_BEFORE = lazy_compile(r"(?:\d|万元|元)\s*[,，]?\s*$")

#: The budgets a gap and a 预算 column may name: 年初 (as passed), 调整 (as adjusted), 全年 (the year's, adjusted).
_KINDS = ("年初", "调整", "全年")

#: The 三公 items a 三公 table holds by name (`DECOMPOSITIONS`' three_public and the total itself).
_ITEMS = frozenset(("three_public", *DECOMPOSITIONS["three_public"]))


def check_budget_gaps(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...], text: str) -> None:
    """N01 for each item whose stated gap to its budget puts the budget where the table's is not (see the module)."""
    for fact in facts:
        if fact.claim not in _ITEMS or fact.role not in ("value", "final") or not fact.quantity.is_money:
            continue
        if (pi, fact.index) in run.contradicted or fact.quantity.unit not in ("万元", "元"):
            continue
        at = text.find(fact.clause)
        if at < 0:
            continue
        gone_on = _after_its_changes(text, at + len(fact.clause), facts, fact)
        m = _GAP.match(text, gone_on)
        if m is None or (m["year"] and run.year and m["year"] != run.year) or _another_years(run, fact):
            continue
        table = run.values.get((fact.claim, "budget"))
        if table is None or (run.year and any(y != run.year for y in _YEAR.findall(table.label))):
            continue
        if m["kind"] and any(k in table.label for k in _KINDS if not m["kind"].startswith(k)):
            continue  # "与年初预算相比" against a 调整预算数 column: two budgets that may differ
        table_unit = money_unit_for(table, fact.quantity.value, fact.quantity.unit)
        conv = convert(Decimal(1), fact.quantity.unit, table_unit)
        if not conv.ok or conv.factor is None or conv.factor == 0:
            continue
        in_table = Interval.printed(table.value, table.step).scaled(1 / conv.factor)
        possible = _possible_budgets(fact, m)
        exact = _exact_half(run, fact.claim, table)
        loose = possible.overlaps(in_table)
        if loose and (
            exact is None
            or possible.overlaps(Interval(table.value - exact, table.value + exact).scaled(1 / conv.factor))
        ):
            continue
        certainty = Certainty.GUESS if table.guess else Certainty.CERTAIN
        if loose and certainty is Certainty.CERTAIN:
            certainty = Certainty.JUDGEMENT  # agreeing only with a whole 预算 read loosely: a 警告 (`_exact_half`)
        stage = _stage_guess(run, fact.claim, m["kind"])
        if stage is not None:
            certainty = Certainty.GUESS if certainty is Certainty.CERTAIN else certainty
        _compare(
            run,
            pi,
            ref,
            _stated_budget(fact, m),
            table.value,
            table_unit,
            table.step,
            table.refs,
            table.label,
            certainty=certainty,
            exact_step=exact,
            pairing="；".join(
                p
                for p in (
                    table.guess,
                    f"预算数由正文“{fact.quantity.text}{_words(m, gone_on > at + len(fact.clause))}”推得",
                    stage and stage[0],
                )
                if p
            ),
            pairing_en="; ".join(
                p
                for p in (
                    table.guess and "table row identified by its position",
                    "the budget follows from the spending and its stated gap to the budget",
                    stage and stage[1],
                )
                if p
            ),
        )


#: The stage a gap's words name its budget at ("与年初预算相比", "比调整后预算", "较全年预算").
_KIND_STAGE = {"年初": "initial", "调整": "full", "调整后": "full", "全年": "full"}


def _stage_guess(run: _Run, claim: str, kind: str | None) -> tuple[str, str] | None:
    """Why the budget a gap names at a stage ("比年初预算减少20万元") is only read as a 三公 决算 table's 预算 column
    that prints another stage or none (`printed_scope.stage_reason`, scope20): a 决算 table's 预算数 may be the 全年
    one. None when the words name no stage, the column prints the same, or the table prints no 决算 (a 预算 table's
    预算 is the 年初 one)."""
    basic = run.sub.basic
    if not kind or basic is None or basic.source != "three_public" or (claim, "final") not in run.values:
        return None
    return stage_reason(_KIND_STAGE.get(kind, ""), basic.budget_stage)


def _exact_half(run: _Run, claim: str, budget: TableValue) -> Decimal | None:
    """Half the finer step of the item's 决算 cell when its 预算 cell beside it is printed coarser ("15" beside "2.48"): at
    it the 预算 is read exact as the row prints its figures (15.00, a table dropping a figure's zeros). A gap agreeing
    only with the whole 预算 read loosely (2.48 + 12.32 = 14.80 against a "15" that may be 14.5–15.99) is then an N01
    警告 that says so — as a change or rate of the 决算 columns is (`TableValue.exact_step`, lost16/lost17). None when the
    row prints no finer 决算."""
    final = run.values.get((claim, "final"))
    if final is None or final.step >= budget.step or final.refs[:1] == budget.refs[:1]:
        return None
    return final.step / 2


#: What may stand between a spending and the next words about it: a comma, spaces.
_BETWEEN = lazy_compile(r"[\s,，]*")


def _after_its_changes(text: str, end: int, facts: tuple[Fact, ...], spent: Fact) -> int:
    """Where the words after a spending go on once its own changes on last year are passed ("支出5.21万元，同比下降
    13.17%，与预算持平", "…比上年减少0.79万元，下降13.17%，比预算减少9.69万元"): the gap to the budget is still the
    spending's (lost16: it went unread, while the sentence without the change gave N01). Only changes of the spending
    itself (`Fact.of`), one right after another, none measured against the budget."""
    for f in facts[spent.index + 1 :]:
        if f.of != spent.index or f.role not in ("change", "change_rate") or f.against == "budget":
            break
        at = text.find(f.clause, end)
        if at < 0 or not _BETWEEN.fullmatch(text, end, at):
            break
        end = at + len(f.clause)
    return end


def _words(m: re.Match[str], skipped: bool) -> str:
    """The comparison's words as quoted after the spending: "…与预算持平" when its changes on last year stand between."""
    return "…" + m.group(0).strip(" ,，") if skipped else m.group(0).strip()


def _gap(fact: Fact, m: re.Match[str]) -> tuple[Decimal, Decimal]:
    """The stated gap and its printed step, in the spending's unit ("1000元" beside "5.21万元" is 0.1万元)."""
    factor = {("元", "万元"): Decimal("0.0001"), ("万元", "元"): Decimal(10000)}.get((m["unit"], fact.quantity.unit), 1)
    step = Decimal(1).scaleb(-len(m["gap"].partition(".")[2]))
    return Decimal(m["gap"]) * factor, step * factor


def _possible_budgets(fact: Fact, m: re.Match[str]) -> Interval:
    """Every budget a spending and a gap that print as written can make: the spending's values ± the gap's."""
    spent = Interval.printed(fact.quantity.value, fact.quantity.step)
    if m["same"]:
        return spent
    value, step = _gap(fact, m)
    gap = Interval.printed(value, step)
    if m["dir"] in ("减少", "节约"):
        return Interval(spent.lo + gap.lo, spent.hi + gap.hi)
    return Interval(spent.lo - gap.hi, spent.hi - gap.lo)


def _stated_budget(fact: Fact, m: re.Match[str]) -> Fact:
    """The budget the words give: the spending, ± the gap (in the spending's unit), at the coarser printed step."""
    q = fact.quantity
    if m["same"]:
        value, places = q.value, q.places
    else:
        gap, step = _gap(fact, m)
        value = q.value + gap if m["dir"] in ("减少", "节约") else q.value - gap
        places = min(q.places, max(0, -int(step.normalize().as_tuple().exponent)))
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -places:  # "5.21万元 … 减少1000元": 5.31, not 5.3100
            value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    quantity = Quantity(value=value, unit=q.unit, places=places, text=f"{value}{q.unit}")
    subject = fact.subject.removesuffix("支出")  # "公务接待费支出": the 公务接待费 (its 预算数, not its 支出预算数)
    return dataclasses.replace(fact, subject=subject, role="budget", quantity=quantity, direction=0)


def check_named_gaps(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...], text: str) -> None:
    """N01 for a gap to the budget stated of an item with no spending figure before it — "公务接待费决算数比预算减少3万元",
    "“三公”经费支出与预算持平" (持平: the two equal at their printed precision) — held to the table's 预算 − 决算 of that
    item. The words name the item; where they name none ("支出与预算持平") the paragraph's nearest 三公 item before is taken,
    a guess (警告 at most) that says so."""
    gaps = [f for f in facts if f.role == "change" and f.against == "budget" and f.quantity.unit in ("万元", "元")]
    for fact in gaps:
        m = _NAMED_GAP.search(_around(fact)[0])
        if m and not m["same"] and _item(m["words"]) == fact.claim and fact.claim in _ITEMS:
            if _another_years(run, fact) or _LAST_YEAR.search(m["words"]):
                continue  # "2020年公务接待费决算数比预算减少3万元": that year's gap, not the table's (review16)
            sign = 1 if m["dir"] in ("减少", "节约") else -1
            _held_to_table(run, pi, ref, fact, fact.claim, fact.quantity, sign, m, "", fact.index, fact.subject)
    at = len(facts)
    for sentence in _SENTENCES.split(text):
        for m in _NAMED_GAP.finditer(sentence):
            head = sentence[: m.start("words") + len(m["words"])]
            if not m["same"] or m["about"] or _FIGURE_BEFORE.search(head) or _placed_elsewhere(run, head):
                continue  # "基本持平" says near, not equal; "2020年公务接待费支出与预算持平" another year's (review16)
            claim, guess, name = _item(m["words"]), "", _item_name(m["words"])
            if claim not in _ITEMS:
                before = [f for f in facts if f.claim in _ITEMS and text.find(f.clause) < text.find(sentence)]
                if not before or _item_name(m["words"]):
                    continue  # words naming something else ("项目支出与预算持平"), or no 三公 item before
                claim, name = before[-1].claim, _item_name(before[-1].subject)
                guess = f"句中未写明项目，按前文最近的“{name}”读"
            table = run.values.get((claim, "budget"))
            if table is None or table.unit not in ("万元", "元"):
                continue  # 持平 states no figure: the gap is 0 in the table's own unit, which must be printed
            zero = Quantity(value=Decimal(0), unit=table.unit, places=0, text=f"0{table.unit}")
            _held_to_table(run, pi, ref, None, claim, zero, 1, m, guess, at, name)
            at += 1


_SENTENCES = lazy_compile(r"[。！？!?；;\n]")


def _placed_elsewhere(run: _Run, words: str) -> bool:
    """The words before a comparison place the spending in another year than the report's ("2020年，公务接待费支出与预算
    持平", "上年公务接待费…"): the table's 预算 and 决算 are not that year's (as `check_budget_gaps` skips such a
    spending, `_another_years`)."""
    return bool(_LAST_YEAR.search(words)) or (bool(run.year) and any(y != run.year for y in _YEAR.findall(words)))


def _item(words: str) -> str:
    """The 三公 item (or total) the words before a comparison name, "" for none."""
    name = _item_name(words)
    return claim_of(name) if name else ""


_LEADING_YEAR = lazy_compile(r"^(?:.*?(?:19|20)\d{2})?年度?")


def _held_to_table(
    run: _Run,
    pi: int,
    ref: TextRef,
    fact: Fact | None,
    claim: str,
    gap: Quantity,
    sign: int,
    m: re.Match[str],
    guess: str,
    index: int,
    name: str,
) -> None:
    """The stated 预算 − 决算 (`sign` × the gap) against the table's two cells of the item: N01 when no values that
    print as the three do make them agree."""
    budget, final = run.values.get((claim, "budget")), run.values.get((claim, "final"))
    if budget is None or final is None or (m["year"] and run.year and m["year"] != run.year):
        return
    if run.year and any(y != run.year for t in (budget, final) for y in _YEAR.findall(t.label)):
        return
    if m["kind"] and any(k in budget.label for k in _KINDS if not m["kind"].startswith(k)):
        return
    if budget.unit != final.unit or (fact is not None and (pi, fact.index) in run.contradicted):
        return
    table_unit = money_unit_for(budget, gap.value, gap.unit)
    conv = convert(Decimal(1), gap.unit, table_unit)
    if not conv.ok or conv.factor is None or conv.factor == 0:
        return
    b, f = Interval.printed(budget.value, budget.step), Interval.printed(final.value, final.step)
    in_table = Interval(b.lo - f.hi, b.hi - f.lo).scaled(1 / conv.factor)
    said = Interval.printed(gap.value, gap.step) if gap.value else Interval(Decimal(0), Decimal(0))
    said = said if sign > 0 else Interval(-said.hi, -said.lo)
    if said.overlaps(in_table):
        return
    name = "三公经费" if claim == "three_public" else name
    value = sign * gap.value
    stated = Quantity(value=value, unit=gap.unit, places=gap.places, text=f"{fmt_decimal(value)}{gap.unit}")
    clause = (fact.clause if fact is not None else m.group(0)).strip()
    said_fact = Fact(pi, index, f"{name}预算数与决算数之差", claim, "value", stated, clause)

    words = m.group(0).strip()
    stage = _stage_guess(run, claim, m["kind"])
    _compare(
        run,
        pi,
        ref,
        said_fact,
        budget.value - final.value,
        table_unit,
        max(budget.step, final.step),
        (*budget.refs, *final.refs),
        f"{budget.label}减决算数",
        certainty=Certainty.GUESS if (guess or budget.guess or final.guess or stage) else Certainty.CERTAIN,
        formula=f"{fmt_decimal(budget.value)} − {fmt_decimal(final.value)}",
        pairing="；".join(
            p
            for p in (
                guess,
                budget.guess,
                f"“{words}”读作预算数与决算数之差" + ("为 0（持平）" if m["same"] else ""),
                stage and stage[0],
            )
            if p
        ),
        pairing_en="; ".join(
            p
            for p in (
                guess and "the sentence names no item: the nearest 三公 item before it",
                budget.guess and "table row identified by its position",
                "the words state the budget less the spending",
                stage and stage[1],
            )
            if p
        ),
    )


def _item_name(words: str) -> str:
    """The name the words before a comparison give ("2021年公务接待费决算数" → "公务接待费"; "支出" → "")."""
    return _ITEM_TAIL.sub("", compact_name(_LEADING_YEAR.sub("", words.strip())))
