"""Cross-check a report's narrative against its tables and against itself — the entry point, `cross_check`.

For each narrative figure (perfxl.document.facts) the table value of the same claim (synonyms, data in
perfxl.document.vocabulary) or indicator (name match, perfxl.document.match) is looked up, units
converted, and both compared at the precision they were printed with (N01, here; the intervals are
perfxl.document.precision's); then the narrative's own arithmetic is recomputed — money, 其中 sums and counts in
perfxl.document.funds_arith, a completion rate against its target in perfxl.document.indicator_arith — skipping
any relation whose figure already contradicts a table (that error is reported once, where it is; the run's state
is perfxl.document.run_state); then "all targets met" claims are set against the indicators' completion
(perfxl.document.goal_claims). Pure: Submission in, `Issue`s out.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING

from ..limits import Limits
from ..model import BasicData, CellRef, CellValue, Certainty, FundsRow, Paragraph, Submission, TextRef
from ..numbers import fmt_decimal, round_half_up, to_decimal
from ..patterns import lazy_compile
from ..printed_scope import said_scope, said_scopes, said_stage, stage_reason
from ..units import convert
from .assumed_unit import settle_units
from .averages import check_averages
from .budget_gap import check_budget_gaps, check_named_gaps
from .compare import _compare
from .compared_budget import check_compared_budgets
from .defined_shares import check_defined_shares
from .facts import (
    FROM_LEVEL,
    RANGE_GAP,
    TO_LEVEL,
    Fact,
    ParagraphFacts,
    compact_name,
    ends_on_uses_heading,
    extract_facts,
    named_owner,
    opens_item,
    readable,
    sentences,
    uses_heading_total,
)
from .funds_arith import (
    _AN_ITEMS_MONEY,
    _NOT_THIS_YEARS,
    _OTHER_RATE,
    _REMAINDER,
    _SPENT,
    _WHICH_MONEY,
    _another_base,
    _relations,
    one_figure_once,
    parts_spent_from,
    rate_follows,
)
from .goal_claims import _goal
from .goal_funds import _BEFORE_YEAR_END, _FOR_A_USE
from .goal_texts import _TABLE_YEAR, check_goal_texts
from .group_weights import check_group_points
from .implied_wholes import check_implied_wholes
from .indicator_arith import _TARGET_CUE
from .levels_apart import (
    check_adjusted_rates,
    check_bases_apart,
    check_changes_apart,
    check_rates_apart,
    check_shares_apart,
)
from .lists import listed_counts
from .match import NameMatch, NameTable, match_name, normal_name, ratio
from .multiples import check_multiples, check_multiples_apart
from .named_shares import check_named_whole_shares
from .plain_text import plain_narrative, split_decimals
from .precision import (
    Interval,
    _agrees,
    _around,
    _interval,
    _rate_agrees,
    _ratio,
    _show,
)
from .respective_lists import check_respective_lists
from .run_state import (
    _YEAR,
    Issue,
    _another_years,
    _plan_sentences,
    _Run,
    _tables_read,
    _where,
    report_year,
)
from .run_state import report_title as _title  # (in run_state: levels_apart reads the title too)
from .run_state import titled as _titled
from .score_parts import check_score_parts
from .spread_lists import check_spread_lists
from .spread_shares import check_spread_shares
from .stated_grade import check_stated_grade
from .table_facts import (
    _BASIC_ROWS,
    IndicatorValue,
    TableValue,
    indicator_values,
    money_unit_for,
    printed_step,
    project_funds,
    table_values,
    unit_lines,
    unread_cells,
)
from .table_lines import (
    LineMatch,
    appropriation_sum,
    fact_scope,
    grand_total_values,
    line_index,
    line_match,
    sum_table_values,
)
from .table_wholes import check_none_stated, check_table_wholes
from .vocabulary import RESULT_VERBS, claim_of

if TYPE_CHECKING:
    from perfxl.profiles import ProfileLike

__all__ = ["Issue", "Interval", "cross_check"]


_TABLE_ROLES = {
    "value": ("final",),
    "final": ("final",),
    "budget": ("budget",),
    "previous": ("previous",),
    "change": ("change",),
    "change_rate": ("change_rate",),
    "share": ("share",),  # a 三公 item's share of the 三公 total (`_bare_share`)
    "completion": ("completion",),  # a 三公 item's 决算 / its 预算 (table_facts._three_public_completion)
}


def _check_carried_over(run: _Run, pi: int, ref: TextRef | CellRef, fact: Fact) -> None:
    """ "上年结转资金150万元" in a project's report: the 自评表's 上年结转资金 row, its 全年预算数 (or its 年初预算数, when
    the text agrees with that). Only a figure its own words name (结转): "…上年结转资金40万元，全年预算1020万元" carries
    the subject to the 全年预算, which is the total's."""
    if "结转" not in _around(fact)[0] or fact.role not in ("value", "budget"):
        return
    parent = run.facts[pi][fact.parent] if pi in run.facts and fact.parent is not None else None
    if parent is not None and (parent.role == "final" or _SPENT.search(parent.subject)):
        # "全年实际支出1296万元，其中…上年结转资金136万元": a part of the spending, the row's 全年执行数
        table = run.values.get(("carried_over", "final"))
    else:
        table = run.values.get(("carried_over", "budget"))
        initial = run.values.get(("carried_over", "initial"))
        if initial is not None and _agrees(fact, initial):
            return
    if table is None:
        return
    _compare(
        run,
        pi,
        ref,
        dataclasses.replace(fact, role="value"),
        table.value,
        table.unit,
        table.step,
        table.refs,
        table.label,
        certainty=Certainty.CERTAIN,
    )


def _against_stated_base(run: _Run, pi: int, fact: Fact) -> bool:
    """A change measured from a base the text states that is not last year's ("比年度目标240亿元增加6.36亿元，增长
    2.65%", "较预算数2万元减少0.89万元"), or from the budget its words name ("与2021年预算相比减少42.21万元，下降84.59%",
    the rate by the change it follows): no change on last year, nor the indicator's 增长 (against the target) — a gap
    to the budget is budget_gap's (docs15: it was an N01 错误 against the table's 决算数与上年决算数之差)."""
    if fact.role not in ("change", "change_rate"):
        return False
    facts = run.facts.get(pi, ())
    if fact.base is not None:
        return fact.base < len(facts) and facts[fact.base].role != "previous"
    against = fact.against
    if not against and fact.role == "change_rate" and 0 < fact.index <= len(facts):
        before = facts[fact.index - 1]  # "…减少42.21万元，下降84.59%": the rate of the change it follows
        if before.role == "change" and before.sentence == fact.sentence and before.subject == fact.subject:
            against = before.against
    return against == "budget"


def _change_of_a_budget(run: _Run, pi: int, fact: Fact) -> bool:
    """A change said of a budget: the item's last amount before it in its sentence is its 预算 ("2021年公务接待费预算
    14.9万元，比上年预算增加2.90万元", "2021年“三公”经费预算49.9万元，比上年增加5万元") — a budget on last year's
    budget, never the table's 决算数与上年决算数之差 (review16c: an N01 错误 "…之差为 -0.79万元" on a 决算说明 that
    recalls its budgets). A budget then its 决算 ("预算14.9万元，决算5.21万元，比上年减少0.79万元") stays held."""
    if fact.role not in ("change", "change_rate"):
        return False
    facts = run.facts.get(pi, ())
    named = fact
    if fact.role == "change_rate" and 0 < fact.index <= len(facts):
        before = facts[fact.index - 1]  # "…比上年预算减少1.52万元，下降10%": the rate of the change it follows
        if before.role == "change" and before.sentence == fact.sentence and before.subject == fact.subject:
            named = before
    if _ON_LAST_YEARS_BUDGET.search(_around(named)[0]):
        # "公务接待费支出5.21万元，比上年预算减少1.52万元": measured against last year's 预算, as its words name — never
        # the table's 决算数与上年决算数之差 (gaps18: an N01 错误 "…之差为 -0.79万元"); the table's 上年预算 is not read
        return True
    levels = [
        f
        for f in facts[: fact.index]
        if f.sentence == fact.sentence and f.claim == fact.claim and f.role in ("budget", "value", "final")
    ]
    return bool(levels) and levels[-1].role == "budget"


#: A comparison naming last year's budget as its base ("比上年预算", "较上年度年初预算数", "与去年预算相比").
_ON_LAST_YEARS_BUDGET = lazy_compile(r"(?:比|较|与|对比)(?:上一?年度?|去年)(?:同期)?的?(?:年初|调整后?)?预算")


#: A share whose own words name no whole ("占69%", "占比31%"): of the total its sentence opens with.
_BARE_SHARE = lazy_compile(r"^占(?:比)?(?:为|是)?\s*\d")


def _bare_share(run: _Run, pi: int, fact: Fact) -> bool:
    """A share to hold against the table's (a 三公 item's of the 三公 total): its words name no other whole, it is the
    share of the item's 决算 printed right before it, and the paragraph prints no total it is a part of (that one
    is funds_arith's: 占 its own total). The amount before it must be the table's 决算 of the item: "公务接待费1万元,
    占33%" beside a table of 预算 1 │ 决算 0.53 is the 预算's share of the 预算 total, not the 决算's (review14r)."""
    facts = run.facts.get(pi, ())
    if fact.of is None or fact.of >= len(facts) or not _BARE_SHARE.match(fact.clause.strip()):
        return False
    part = facts[fact.of]
    if part.role not in ("final", "value") or part.parent is not None or part.claim != fact.claim:
        return False
    return _is_table_final(run, part)


def _is_table_final(run: _Run, part: Fact) -> bool:
    """The amount may be the table's 决算 of its item (at both printed precisions, 元/万元 converted), and is not
    printed as its 预算 cell rather than its 决算 cell (a whole "1万元" may be 0.53 rounded, but beside a 预算 of 1 it is
    that 预算)."""
    final = run.values.get((part.claim, "final"))
    if final is None or (got := _in_table_unit(part, final)) is None:
        return False
    value, factor = got
    if not _interval(part).scaled(factor).overlaps(Interval.printed(final.value, final.step)):
        return False
    if value == final.value or (budget := run.values.get((part.claim, "budget"))) is None:
        return True
    budget_at = _in_table_unit(part, budget)
    return budget_at is None or budget_at[0] != budget.value


def _in_table_unit(part: Fact, tv: TableValue) -> tuple[Decimal, Decimal] | None:
    """The amount in the unit the table value is compared in, and the factor; None for no money or no conversion."""
    if not part.quantity.is_money:
        return None
    conv = convert(Decimal(1), part.quantity.unit, money_unit_for(tv, part.quantity.value, part.quantity.unit))
    if not conv.ok or conv.factor is None:
        return None
    return part.quantity.value * conv.factor, conv.factor


def _with_carried_in_agrees(run: _Run, pi: int, fact: Fact, tv: TableValue) -> bool:
    """True when a 收入 stated beside the 上年结转 of its sentence ("2023年收入2123.04万元，上年结转100万元，支出…")
    makes the table's total with it: a 自评表's 年度资金总额 按收入性质分 (or a 收入合计) holds the money brought forward
    as well, so 2123.04 + 100 = 2223.04 agrees — held to the 收入 alone it was a false N01 错误 (review15). A 收入 that
    neither alone nor with the 结转 makes the table's total is still compared (wrong either way)."""
    if fact.claim != "income" or fact.role not in ("value", "final") or not fact.quantity.is_money:
        return False
    carried = [
        f
        for f in run.facts.get(pi, ())
        if f.claim == "carried_over"
        and f.sentence == fact.sentence
        and f.role == "value"  # the money brought forward, not a spending of it
        and f.quantity.unit == fact.quantity.unit
    ]
    if len(carried) != 1:
        return False
    q, c = fact.quantity, carried[0].quantity
    conv = convert(Decimal(1), q.unit, money_unit_for(tv, q.value, q.unit))
    if not conv.ok or conv.factor is None:
        return False
    low, high = _interval(fact), _interval(carried[0])
    both = Interval(low.lo + high.lo, low.hi + high.hi).scaled(conv.factor)
    return both.overlaps(Interval.printed(tv.value, tv.step)) and c.value > 0


def _check_claim(run: _Run, pi: int, ref: TextRef | CellRef, fact: Fact) -> None:
    if _another_years(run, fact) or _against_stated_base(run, pi, fact):
        return
    if _change_of_a_budget(run, pi, fact):
        _no_stage_change(run, pi, ref, fact, of_a_budget=True)  # held to 预算 − 上年预算 where the table prints it
        return
    if fact.claim == "expense" and _FOR_A_USE.match(_around(fact)[1]):
        return  # "实际支出20万元用于购买设备": the money of one use, as likely as the whole
    if fact.claim == "carried_over":
        _check_carried_over(run, pi, ref, fact)
        return
    if fact.role == "share" and not _bare_share(run, pi, fact):
        return
    if fact.role == "completion" and any(
        f.role == "budget" and f.sentence == fact.sentence and f.claim == fact.claim for f in run.facts.get(pi, ())
    ):
        return  # "预算为3万元,支出决算为1.71万元,完成预算的43%": its own sentence's arithmetic (funds_arith, N02)
    if fact.role == "completion" and "调整" in fact.clause and _three_public_stage(run, fact) != "full":
        return  # "完成调整预算的60%": the 三公 table's 预算 column may be the 年初 one — another base (unless it prints 全年)
    if (change := _change_it_may_split(run, pi, fact)) is not None and (fact.claim, "final") in run.values:
        _check_either_reading(run, pi, ref, fact, change)  # (no 决算 of the item read: its coverage, as any figure's)
        return
    if _no_stage_change(run, pi, ref, fact):
        return  # "公务接待费比上年减少5.1万元" beside both years' 预算 (and 决算): either difference (sum20)
    # the money the figure's words name (一般公共预算, 财政拨款 …): held to a table of that money read for its sums
    # (table_lines), else as before; a figure naming none never to a table of one kind of money
    scope = ""
    if pi >= 0 and run.lines is not None:
        text, heading = _text_and_heading(run, pi)
        scope = fact_scope(text, fact, heading)
    for role in _TABLE_ROLES.get(fact.role, ()):
        tv = (
            (run.values.get((f"{fact.claim}@{scope}", role)) if scope else None)
            or run.values.get((fact.claim, role))
            or (None if scope else run.values.get((f"{fact.claim}@", role)))
        )
        if tv is None:
            continue
        if fact.role in ("change", "change_rate") and fact.direction == 0:
            return
        if "@" in tv.claim and _grand_total_said(fact) and "总计" not in _quoted_line(tv.label) and _carried_lines(run):
            # "收入总计9859.38万元" beside a 收支总表's 本年收入合计 9746.50: a 总计 holds the 结转 (review25p) — held to
            # the table's own 总计 line of that side and stage where it prints one (prose26), else not compared
            # — unless it is the 本年合计's figure: a 总计 named loosely for the year's total, no wrong figure
            grand = grand_total_values(run.sub).get((tv.claim, tv.role))
            if grand is None or _agrees_with(fact, tv):
                return
            tv = grand
        if _with_carried_in_agrees(run, pi, fact, tv) or ("@" in tv.claim and _rounded_yuan_agrees(fact, tv)):
            return
        certainty = Certainty.GUESS if tv.guess else Certainty.CERTAIN
        pairing_en = "table row identified by its position" if tv.guess else ""
        pairing = tv.guess
        if tv.claim == f"{fact.claim}@" and not _WHOLE_WORD.search(fact.clause) and certainty is Certainty.CERTAIN:
            # a bare "支出9746.50万元" held to the department's 本年支出合计: its words name neither the whole nor the money
            # (a subject cut by a line break, "…财政拨款收入⏎支出 9746.50", reads so) — a guess, said (lead 18)
            certainty = Certainty.GUESS
            pairing = "文字只写“" + fact.subject.strip() + "”，未写明合计或资金范围，按部门收支总表的合计核对"
            pairing_en = "the words name neither a total nor the money; held to the department's total"
        if tv.other_basis and not _names_a_stage(run, pi, fact):
            # "公务接待费比上年减少5.1万元" beside a table of both years' 预算 and 决算: which difference it is the words do
            # not say — a judgement (gaps18)
            certainty = Certainty.JUDGEMENT if certainty is Certainty.CERTAIN else certainty
            pairing = "；".join(p for p in (pairing, tv.other_basis) if p)
            pairing_en = "; ".join(p for p in (pairing_en, "the table prints last year's budget too") if p)
        if tv.claim == fact.claim and (printed := _printed_readings(run, pi, ref, fact)) is not None:
            if not printed:
                return  # "全区“三公”经费…" under a table printing "编制单位：…（本级）": another scope's money, not compared
            certainty = Certainty.GUESS if certainty is Certainty.CERTAIN else certainty
            pairing = "；".join(p for p in (pairing, printed[0]) if p)
            pairing_en = "; ".join(p for p in (pairing_en, printed[1]) if p)
        _compare_with_cell(run, pi, ref, fact, tv, certainty, pairing, pairing_en)
        return
    if _check_table_line(run, pi, ref, fact):
        return
    if fact.role == "value" and (tv := _budget_of_a_budget_text(run, pi, fact)) is not None:
        # "(三)公务用车购置及运行费支出5万元…其中:公务用车运行费2.8万元" under a 预算表 whose 运行费 is 5.00 (共青团宣城市委
        # 2020, real reports 18): the year's planned spending — read so, a judgement
        _compare_with_cell(
            run,
            pi,
            ref,
            fact,
            tv,
            Certainty.JUDGEMENT,
            "表格只列预算数，全文未提决算：正文的“支出”读作该项的预算支出",
            "the tables give budgets only and the text never speaks of 决算: its 支出 read as the budget",
        )
        return
    if fact.role in ("value", "final", "budget") and _tables_read(run.sub):
        unread = next(
            (run.unread[(fact.claim, r)] for r in _TABLE_ROLES[fact.role] if (fact.claim, r) in run.unread), None
        )
        if unread is not None:  # the row is there, its cell unreadable (C02): coverage, not "no such row"
            run.unreadable.setdefault(pi, []).append((fact, unread))
        else:
            run.unsupported.setdefault(pi, []).append(fact)


#: Words naming which figure of an item a change is of: what it spent (支出, 决算, 执行) or planned (预算).
_STAGE = lazy_compile(r"支出|决算|执行|实际|开支|预算|花费|使用")
#: A comparison naming last year's spending as its base ("比上年决算", "较2025年执行数", "比上年实际支出", "比上年预计执行").
_ON_LAST_YEARS_SPENDING = lazy_compile(
    r"(?:比|较|与|对比)(?:上一?年度?|去年|(?:19|20)\d{2}年度?)(?:同期)?的?(?:预计)?(?:决算|执行|实际|完成|支出|开支)"
)


def _change_words(run: _Run, pi: int, fact: Fact) -> str:
    """A change's own words before it; a rate's, those of the change it follows in its sentence ("…比上年决算减少1.52万
    元，下降10%")."""
    facts = run.facts.get(pi, ())
    if fact.role == "change_rate" and 0 < fact.index <= len(facts):
        before = facts[fact.index - 1]
        if before.role == "change" and before.sentence == fact.sentence and before.subject == fact.subject:
            return _around(before)[0]
    return _around(fact)[0]


def _names_a_stage(run: _Run, pi: int, fact: Fact) -> bool:
    """Whether a change (or its rate) names the figure it is of: in its own words, or a level of its item stated before
    it in its sentence ("公务接待费支出5.21万元，比上年减少0.79万元")."""
    facts = run.facts.get(pi, ())
    levels = [
        f
        for f in facts[: fact.index]
        if f.sentence == fact.sentence and f.claim == fact.claim and f.role in ("value", "final", "budget")
    ]
    return any(_STAGE.search(f.subject + _around(f)[0]) for f in (fact, *levels))


def _no_stage_change(run: _Run, pi: int, ref: TextRef | CellRef, fact: Fact, *, of_a_budget: bool = False) -> bool:
    """A change (or its rate) naming no stage ("公务接待费比上年减少5.1万元") beside a “三公”经费 table printing last year's
    预算 (`AmountRow.prev_budget`): 预算 − 上年预算 is as much its reading as 决算 − 上年决算 (where the table prints both
    决算). Quiet when either gives it; an N01 警告 naming each reading tried when none does — never 错误, the base is a
    reading (sum20; gaps18 held it to the 决算 one only, a 警告 even where the 预算 one agreed); 预算 − 上年决算 and 决算 −
    上年预算 are readings too where printed. `of_a_budget`: a change said of a budget its sentence prints
    (`_change_of_a_budget`: "预算14.9万元，比上年增加2.90万元"), held to 预算 − 上年预算 or 预算 − 上年决算 — a 警告 too
    (which of last year's figures the words compare with is a reading). True when so judged (the 警告 is said after the
    paragraphs' own arithmetic: `_check_stageless`)."""
    if fact.role not in ("change", "change_rate") or fact.direction == 0 or not fact.claim:
        return False
    budget = run.values.get((fact.claim, f"budget_{fact.role}"))
    if budget is None or (not of_a_budget and _names_a_stage(run, pi, fact)):
        return False
    # this year's 预算 or 决算 on last year's 预算 or 决算, as the table prints them (table_facts._budget_change)
    budget_on_final = run.values.get((fact.claim, f"budget_on_final_{fact.role}"))
    final_on_budget = run.values.get((fact.claim, f"final_on_budget_{fact.role}"))
    facts = run.facts.get(pi, ())
    levels = [f for f in facts[: fact.index] if f.sentence == fact.sentence and f.claim == fact.claim]
    levels = [f for f in levels if f.role in ("budget", "value", "final")]
    if of_a_budget and (not levels or levels[-1].role != "budget"):
        # "支出5.21万元，比上年预算减少1.52万元": a 决算 on last year's 预算 — as before, held to nothing
        return False
    own = run.values.get((fact.claim, fact.role))
    of_budget: tuple[TableValue | None, ...] = (budget, budget_on_final)
    if of_a_budget and _ON_LAST_YEARS_SPENDING.search(_change_words(run, pi, fact)):
        # "预算45.2万元，比上年决算增加9.2万元": on last year's 决算 (执行数, 实际支出) as its words say — never 预算 − 上年预算
        # (review20a: a 警告 "预算数与上年预算数之差为 5.2万元" where the table prints no 上年决算)
        of_budget = (None, budget_on_final)
    readings = [
        tv for tv in (of_budget if of_a_budget else (own, budget, budget_on_final, final_on_budget)) if tv is not None
    ]
    if not readings:
        return True  # (the base its words name not printed: nothing to hold it to, as before sum20)
    if any(_holds(fact, tv) is not False for tv in readings):
        return True
    tried = "；".join(
        f"{tv.label}为 {_show(tv.value, tv.unit, fact.quantity.places + 2)}（{tv.formula}）" for tv in readings
    )
    why = (
        f"正文写的是预算的变化，按{tried}核对均不相符；所比的上年数是表中哪一栏系推测"
        if of_a_budget
        else f"正文的变化未写明是决算数还是预算数的变化，逐一按表中读法核对均不相符：{tried}；以何者为基数系推测"
    )
    why_en = "the change names no stage; no reading of the table gives it: " + "; ".join(
        f"{tv.label} = {tv.value} ({tv.formula})" for tv in readings
    )
    tv = readings[0]
    certainty = Certainty.GUESS if tv.guess else Certainty.JUDGEMENT
    run.stageless.append((pi, ref, fact, tv, certainty, "；".join(p for p in (tv.guess, why) if p), why_en))
    return True


def _check_stageless(run: _Run) -> None:
    """`_no_stage_change`'s 警告s, after the paragraphs' own arithmetic: a figure it found wrong ("比上年预算增加8万元，增长
    11.1%", 8 / 41.9 ≠ 11.1%: a certain N02) is said there once, not again as a reading of the table."""
    for pi, ref, fact, tv, certainty, pairing, pairing_en in run.stageless:
        if (pi, fact.index) in run.contradicted or any(
            p == pi and any(o.index == fact.index for o in operands) for p, _, _, operands in run.rate_issues
        ):
            continue
        _compare_with_cell(run, pi, ref, fact, tv, certainty, pairing, pairing_en)


def _change_it_may_split(run: _Run, pi: int, fact: Fact) -> Fact | None:
    """The change a 其中 part may be a part of: right after a change of the level its list splits ("支出7.69万元，比上年
    减少2.31万元，其中公务接待费0.79万元"), the list no more than the change — the item's level (a part of the 7.69) or
    its part of the change (of the 2.31): the words allow both (gaps18). None when the part is read one way only: no
    change right before its list, or a list summing past the change (the year's levels: reports21)."""
    facts = run.facts.get(pi, ())
    if fact.role != "value" or fact.parent is None or not fact.claim or not fact.quantity.is_money:
        return None
    parts = [f for f in facts if f.parent == fact.parent and f.quantity.is_money]
    first = parts[0].index if parts else 0
    change = facts[first - 1] if 0 < first <= len(facts) else None
    if change is None or change.role != "change" or change.of != fact.parent or change.direction == 0:
        return None
    if any(p.quantity.unit != change.quantity.unit for p in parts) or not _around(parts[0])[0].lstrip(
        "，,、；; "
    ).startswith("其中"):
        return None
    return change if sum(p.quantity.value for p in parts) <= change.quantity.value else None


def _holds(fact: Fact, tv: TableValue) -> bool | None:
    """Whether the figure may be the table's value at both printed precisions; None when their units do not convert."""
    conv = convert(Decimal(1), fact.quantity.unit, money_unit_for(tv, fact.quantity.value, fact.quantity.unit))
    if not conv.ok or conv.factor is None:
        return None
    return _interval(fact).scaled(conv.factor).overlaps(Interval.printed(tv.value, tv.step))


def _check_either_reading(run: _Run, pi: int, ref: TextRef | CellRef, fact: Fact, change: Fact) -> None:
    """A 其中 part that may be its item's level or its part of the change before it (`_change_it_may_split`): held to
    the table both ways — quiet when either holds; when both are read and neither holds, a 警告 naming both (never an
    错误: which one the text means is a reading)."""
    level, moved = run.values.get((fact.claim, "final")), run.values.get((fact.claim, "change"))
    as_change = dataclasses.replace(fact, role="change", direction=change.direction)
    if level is None or moved is None or _holds(fact, level) is not False or _holds(as_change, moved) is not False:
        return
    shown = _show(moved.value, money_unit_for(moved, fact.quantity.value, fact.quantity.unit))
    _compare_with_cell(
        run,
        pi,
        ref,
        fact,
        level,
        Certainty.JUDGEMENT,
        f"“其中”一项紧随变化额“{change.quantity.text}”之后，也可读作该项在变化额中的部分，而{moved.label}为 {shown}"
        f"（{'、'.join(map(str, moved.refs)) or '—'}），也不相符；两种读法都不相符，按哪一种读需人工判断",
        f"the part right after the change {change.quantity.text} may also be its part of the change, which the table "
        f"gives as {moved.value} — it disagrees both ways; which reading is meant a person judges",
    )


def _text_and_heading(run: _Run, pi: int) -> tuple[str, str]:
    """A paragraph's text and the heading right above it (a short line without figures: "（二）一般公共预算财政拨款支出
    决算结构情况"), "" when the paragraph above is none."""
    text = run.sub.narrative[pi].text
    above = run.sub.narrative[pi - 1].text.strip() if pi else ""
    return text, above if len(above) <= 40 and not re.search(
        r"\d", above.lstrip("（(一二三四五六七八九十0123456789、.． )）")
    ) else ""


def _check_table_line(run: _Run, pi: int, ref: TextRef | CellRef, fact: Fact) -> bool:
    """A money figure naming a 功能分类 line by its 类/款/项 or a 收支总表 line by its name (perfxl.document.table_lines),
    compared with it (N01): certain when the whole path names one line, a guess that says what it paired otherwise — and
    then said only when the figure agrees with none of the lines its name was met on. True when a line was named.

    A figure whose words name no item, held to the line its paragraph opens with ("7、…行政单位离退休（01项）56.12万元。…
    2026年预算安排57.8万元，比2025年预算执行数减少2.27%"), is compared after the paragraphs' own arithmetic
    (`_check_opening_lines`): its rate on another year's figure is judged on the text's own figures first, and the figure
    is then held to the table unless a relation of it already said it wrong (one finding for one figure)."""
    if pi < 0 or run.lines is None or not isinstance(ref, TextRef) or _another_years(run, fact):
        return False  # (a table's own sentence, its CellRef: no 功能分类 lines are read beside a 三公 table's 说明)
    if fact.role == "share":
        return _check_line_share(run, pi, ref, fact)
    text, heading = _text_and_heading(run, pi)
    found = line_match(run.lines, text, fact, heading)
    if found is None:
        return False
    if found.opening:
        run.opening_lines.append((pi, ref, fact, found))
        return True
    _compare_line(run, pi, ref, fact, found)
    return True


def _check_appropriation_sum(run: _Run, pi: int, ref: TextRef, fact: Fact) -> bool:
    """ "其中：财政拨款收入20323.21万元" held to the 收支总表's 一般公共预算 + 政府性基金预算 + 国有资本经营预算 财政拨款收入
    lines summed (`table_lines.appropriation_sum`, sum20): certain arithmetic on printed cells, an N01 whose basis names
    the three lines and their sum (a table printing no unit: a guess). True when the figure was so held."""
    if pi < 0 or run.lines is None or "财政拨款" not in _around(fact)[0] or _another_years(run, fact):
        return False
    text, heading = _text_and_heading(run, pi)
    tv = appropriation_sum(run.lines, text, fact, heading)
    if tv is None:
        return False
    if _rounded_yuan_agrees(fact, tv):
        return True
    said = dataclasses.replace(fact, subject="财政拨款收入" if tv.claim.endswith("income") else "财政拨款支出")
    whole = appropriation_sum(run.lines, text, fact, heading, with_carried=True)
    if whole is not None and (_holds(fact, whole) or _rounded_yuan_agrees(fact, whole)):
        # "财政拨款收入540万元" = 本年 520 + 上年结转 20: the carried money counted in, a loose name more likely than a
        # wrong figure — a 警告 saying so (review20a: an N01 错误 before)
        why = f"该数与{whole.label}（{whole.formula}）相符，正文的“财政拨款收入”是否含上年结转系推测"
        why = "；".join(p for p in (tv.guess, why) if p)
        _compare_with_cell(run, pi, ref, said, tv, Certainty.GUESS, why, "agrees with the sum with the carried money")
        return True
    certainty = Certainty.GUESS if tv.guess else Certainty.CERTAIN
    _compare_with_cell(run, pi, ref, said, tv, certainty, tv.guess, "table unit assumed" if tv.guess else "")
    return True


def _check_line_share(run: _Run, pi: int, ref: TextRef, fact: Fact) -> bool:
    """ "一般公共服务支出（类）264.87万元，占86.05%" in a paragraph that prints no total: the share of the 功能分类表's 合计 line
    (`LineMatch.share`), held as a 三公 item's bare share is (`_bare_share`): its words name no whole ("占86.05%"), its
    amount names its line for certain, and every money figure before it in the paragraph is such a line too — a total
    printed before it is the whole its share is of (funds_arith's, 占 its own total), never the table's."""
    facts = run.facts.get(pi, ())
    if fact.of is None or fact.of >= len(facts) or not _BARE_SHARE.match(fact.clause.strip()) or run.lines is None:
        return False
    part = facts[fact.of]
    if part.parent is not None:
        return False
    text, heading = _text_and_heading(run, pi)

    def certain_line(f: Fact) -> LineMatch | None:
        found = line_match(run.lines, text, f, heading) if run.lines is not None else None
        return found if found is not None and found.certain and not found.opening else None

    found = certain_line(part)
    if found is None or found.share is None:
        return False
    if any(f.quantity.is_money and certain_line(f) is None for f in facts[: part.index]):
        return False
    if (pi, part.index) not in run.contradicted:  # a wrong amount's own finding says it; its share follows from it
        share = found.share
        _compare_with_cell(run, pi, ref, fact, share, Certainty.CERTAIN, "", "")
    return True


def _check_opening_lines(run: _Run) -> None:
    """`_check_table_line`'s figures held to the line their paragraph opens with, after the relations. A rate of the
    text's own figures found wrong (N02) that the line's amount in the figure's place makes agree ("支出决算为56.45万元，
    完成全年预算数的98.69%" of a line of 51.32 and a 全年预算 of 52.00) follows from the one wrong figure: said in the N01's
    basis, not as a second finding (as `funds_arith.one_figure_once` keeps one finding for one figure)."""
    for pi, ref, fact, found in run.opening_lines:
        if (pi, fact.index) in run.contradicted:
            continue
        before = len(run.issues)
        _compare_line(run, pi, ref, fact, found)
        if len(run.issues) > before and (pi, fact.index) in run.contradicted:
            _rates_follow(run, pi, fact, found.values[0], run.issues[-1])


def _rates_follow(run: _Run, pi: int, fact: Fact, tv: TableValue, n01: Issue) -> None:
    """Drop the paragraph's rate findings of `fact` that the table's value in its place makes agree (`_check_opening_lines`)."""
    conv = convert(tv.value, money_unit_for(tv, fact.quantity.value, fact.quantity.unit), fact.quantity.unit)
    if not conv.ok or conv.value is None:
        return
    for at, issue, rate, operands in run.rate_issues:
        if at != pi or issue not in run.issues or not any(o.index == fact.index for o in operands):
            continue
        follows = rate_follows(rate, operands, fact.index, conv.value)
        if follows is not None:
            run.issues.remove(issue)
            shown = str(round_half_up(follows, rate.quantity.places))
            n01.basis += (
                f"；同段“{rate.clause}”按正文的 {fact.quantity.text} 计算不符，按表中数字 {fmt_decimal(conv.value)}"
                f"{fact.quantity.unit} 计算为 {shown}%，与所写 {rate.quantity.text} 相符：同一个数字所致"
            )
            n01.basis_en += (
                f"; the rate {rate.quantity.text} fails with the text's figure and agrees with the table's"
                f" ({fmt_decimal(conv.value)}{fact.quantity.unit} gives {shown}%)"
            )


def _agrees_with(fact: Fact, tv: TableValue) -> bool:
    """The figure at its printed precision agrees with the table's amount at its own (units converted)."""
    q = fact.quantity
    conv = convert(Decimal(1), q.unit, money_unit_for(tv, q.value, q.unit))
    if not conv.ok or conv.factor is None:
        return False
    return _interval(fact).scaled(conv.factor).overlaps(Interval.printed(tv.value, tv.step))


def _rounded_yuan_agrees(fact: Fact, tv: TableValue) -> bool:
    """A whole 元 figure ending in zeros ("9389900元": 938.99万元 restated in 元) may be rounded to its last non-zero
    place: agreeing with a table of sums' amount so (9,389,913.00), it is not held — the zeros do not say it is exact."""
    q = fact.quantity
    if q.unit != "元" or q.step < 1 or not q.value or q.value != q.value.to_integral_value():
        return False
    digits = str(abs(int(q.value)))
    zeros = len(digits) - len(digits.rstrip("0"))
    conv = convert(Decimal(1), "元", money_unit_for(tv, q.value, q.unit))
    if zeros < 2 or not conv.ok or conv.factor is None:
        return False
    half = Decimal(10) ** zeros / 2
    return Interval((q.value - half) * conv.factor, (q.value + half) * conv.factor).overlaps(
        Interval.printed(tv.value, tv.step)
    )


def _compare_line(run: _Run, pi: int, ref: TextRef, fact: Fact, found: LineMatch) -> None:
    """N01 of a figure against the line it names: as any table value when the name makes the line certain; else only
    when it agrees with none of the lines its name was met on — a guess naming what was paired."""
    tv = found.values[0]
    if any(_rounded_yuan_agrees(fact, v) for v in found.values):
        return
    if found.opening and found.said:  # "2026年预算安排57.8万元" is said of the line its paragraph opens with
        fact = dataclasses.replace(fact, subject=found.said)
    if found.certain:
        certainty = Certainty.GUESS if tv.guess else Certainty.CERTAIN
        _compare_with_cell(run, pi, ref, fact, tv, certainty, tv.guess, "table unit assumed" if tv.guess else "")
        return
    if any(
        _agrees(fact, dataclasses.replace(v, unit=money_unit_for(v, fact.quantity.value, fact.quantity.unit)))
        for v in found.values
    ):
        return
    if any(p == pi and any(o.index == fact.index for o in operands) for p, _, _, operands in run.rate_issues):
        return  # its paragraph's own rate over it already says the figures do not hold together: one finding (lead 18)
    pairing = "；".join(p for p in (found.pairing, tv.guess) if p)
    _compare_with_cell(run, pi, ref, fact, tv, Certainty.GUESS, pairing, found.pairing_en)


#: Words naming a whole (本年支出合计, 收入总计, 共计, 总额): a figure so named is the department's total for certain.
_WHOLE_WORD = lazy_compile(r"合计|总计|共计|总额|总数|全年|全部")


#: The words right before a figure since the last number or break ("…,支出总计" of "收入总计100万元,支出总计…").
_SINCE_LAST_FIGURE = lazy_compile(r"[^\d.,，;；、。]*$")
_QUOTED = lazy_compile(r"“([^”]*)”")


def _grand_total_said(fact: Fact) -> bool:
    """The figure's own words call it a 总计 ("收入总计", "收支总计"), not a 合计: the year's money and the 结转 brought in."""
    m = _SINCE_LAST_FIGURE.search(_around(fact)[0])
    words = m.group(0) if m else ""
    return "总计" in words and "合计" not in words


def _carried_lines(run: _Run) -> bool:
    """A table read for its sums prints money brought in or carried on (年初结转和结余, 年末结转和结余): its 总计 is not
    the year's 合计."""
    return any(re.search(r"结转|结余", line.name) for table in run.sub.sum_tables for line in table.lines)


def _quoted_line(label: str) -> str:
    """The table line's name a table value's label quotes ("收入支出决算总表“本年收入合计”收入决算数" → 本年收入合计)."""
    m = _QUOTED.search(label)
    return m.group(1) if m else label


#: Words saying a figure was spent, not planned ("实际支出", "已支出", "执行", "完成"): no budget by another name.
_SPENT_NOT_PLANNED = lazy_compile(r"实际|已|执行|完成|决算|累计")
#: Words after a figure, in its sentence, that set it against its budget ("完成预算的90.09%", "结余2.2万元", "比预算
#: 节约", "执行率"): the figure is then what was spent, never the budget itself (review16: a false N01 警告).
_SET_AGAINST_BUDGET = lazy_compile(
    r"完成(?:年初|全年|调整后?|当年)?预算|预算完成|执行率|完成率|结余|节约|超支|(?:比|较|与)(?:年初|调整后?|全年)?预算"
)


def _compare_with_cell(
    run: _Run,
    pi: int,
    ref: TextRef | CellRef,
    fact: Fact,
    tv: TableValue,
    certainty: Certainty,
    pairing: str,
    pairing_en: str,
) -> None:
    """`_compare` of a narrative figure with one table value, in the unit the table prints its money in."""
    _compare(
        run,
        pi,
        ref,
        fact,
        tv.value,
        money_unit_for(tv, fact.quantity.value, fact.quantity.unit),
        tv.step,
        tv.refs,
        tv.label,
        certainty=certainty,
        pairing=pairing,
        pairing_en=pairing_en,
        formula=tv.formula,
        exact_step=tv.exact_step,
    )


def _budget_of_a_budget_text(run: _Run, pi: int, fact: Fact) -> TableValue | None:
    """The table's budget of the fact's item, when a 支出 figure of a 预算 publication is that budget: the tables give
    no 决算 (final) figure at all, the text never says 决算 and no 实际/已/执行 stands before the figure — "公务接待费支出2万元" in a "“三公”经费支出
    预算情况说明" under its 预算表 (安徽 三公 预算 pages). Otherwise the figure stays unpaired (N04): a 支出 beside a budget
    is the year's spending as often as its plan."""
    if (tv := run.values.get((fact.claim, "budget"))) is None or not fact.claim:
        return None
    if any(role == "final" for _, role in run.values) or _SPENT_NOT_PLANNED.search(_around(fact)[0]):
        return None
    if _SET_AGAINST_BUDGET.search(_rest_of_sentence(run.sub.narrative[pi].text, fact)):
        return None  # "公务接待费支出20万元，完成预算的90.09%": the spending set against the budget, not the budget
    if any("决算" in p.text for p in run.sub.narrative):
        return None
    return tv


def _rest_of_sentence(text: str, fact: Fact) -> str:
    """The words after the figure, to the end of its sentence (`Fact.sentence` indexes `sentences(text)`)."""
    said = sentences(text)
    sentence = said[fact.sentence] if fact.sentence < len(said) else ""
    at = sentence.find(fact.clause)
    return _around(fact)[1] + (sentence[at + len(fact.clause) :] if at >= 0 else "")


def _candidates(run: _Run, fact: Fact) -> tuple[list[IndicatorValue], NameTable]:
    """The 自评表 rows whose 实际完成值 is a quantity of the figure's kind (a 目标表 row has no actual: never one), and
    their names. The same for every figure of one kind (`_same_kind` reads nothing else): worked out once a kind."""
    key = ("evaluation", fact.quantity.is_percent, fact.role, fact.quantity.unit)
    if key not in run.candidate_rows:
        out = []
        for iv in run.indicators:
            actual = iv.actual
            if iv.role != "evaluation" or actual.per is not None or actual.number is None:
                continue
            if _same_kind(fact, actual.unit, iv.target.kind.value == "growth"):
                out.append(iv)
        run.candidate_rows[key] = out, _name_table(out)
    return run.candidate_rows[key]


def _name_table(rows: list[IndicatorValue]) -> NameTable:
    return NameTable([plain_narrative(c.name) for c in rows])  # a traditional-character table, as the text reads


def _same_kind(fact: Fact, unit: str | None, growth: bool) -> bool:
    """A table figure in `unit` is a quantity of the narrative figure's kind: a percent for a percent (a growth
    target's for a change rate), else a unit the figure's converts to, for a plain value."""
    if fact.quantity.is_percent:
        return unit == "%" and (fact.role == "change_rate") == growth
    return fact.role == "value" and unit not in (None, "%") and convert(Decimal(1), fact.quantity.unit, unit).ok


def _declared_candidates(run: _Run, fact: Fact) -> tuple[list[IndicatorValue], NameTable]:
    """The 目标表/申报表 rows whose 指标值 is a quantity of the target figure's kind — the first of rows repeating one
    name and value (a report printing its 目标表 twice, or a 申报表 beside it, names one target) — and their names;
    once a kind, as `_candidates`."""
    kind = ("target", fact.quantity.is_percent, fact.role, fact.quantity.unit)
    if kind not in run.candidate_rows:
        out: list[IndicatorValue] = []
        seen: set[tuple[str, Decimal, str | None]] = set()
        for iv in run.indicators:
            target = iv.target
            if iv.role != "target" or target.per is not None or target.number is None:
                continue
            if not _same_kind(fact, target.unit, target.kind.value == "growth"):
                continue
            key = (normal_name(iv.name), target.number, target.unit)
            if key not in seen:
                seen.add(key)
                out.append(iv)
        run.candidate_rows[kind] = out, _name_table(out)
    return run.candidate_rows[kind]


_PROJECT_SPENDING = lazy_compile(
    r"(?:(?:该|本|此)?项目|(?:资金)?到位)(?:(?:19|20)\d{2}年度?|全年|年度|实际|累计|共|的)*支出"  # …资金到位…，实际支出
    # the 自评表's own column word with no other owner: "执行数为179.43万元", "该项目全年执行数…", "实际执行金额…"
    r"|(?:(?:该|本|此)?项目(?:资金)?)?(?:(?:19|20)\d{2}年度?|全年|年度|实际|累计|的)*执行(?:数|金额)"
)


def _project_spending(run: _Run, fact: Fact) -> bool:
    """A project report's own spending ("该项目2023年…全年支出", "项目实际支出"): the one 项目支出 自评表's 全年执行数."""
    kinds = {ev.kind for ev in run.sub.evaluations if ev.funds is not None}
    return (
        kinds == {"project"}
        and fact.quantity.is_money
        and fact.role in ("value", "final")
        and bool(_PROJECT_SPENDING.fullmatch(fact.subject))
    )


#: The 自评表's spending column word after a name ("…推进经费全年执行数30万元").
_SPENDING_TAIL = lazy_compile(r"(?:(?:19|20)\d{2}年度?|全年|年度|实际|累计|的)*执行(?:数|金额)$")
#: A spending told by the 自评表's column word alone ("执行数为…"), no owner named.
_BARE_SPENDING = lazy_compile(r"(?:(?:19|20)\d{2}年度?|全年|年度|实际|累计|的)*执行(?:数|金额)")
#: A project report's budget told with no owner but the project's own words ("全年预算数为200万元", "该项目年初预算…").
_OWN_PROJECT = lazy_compile(r"(?:(?:该|本|此)?项目(?:资金)?)?(?:(?:19|20)\d{2}年度?|全年|年度|年初|调整后|的)*")
#: Its money told by the project's own generic name, budget or spending unsaid ("2020年项目经费10万元主要用于…").
_OWN_PROJECT_MONEY = lazy_compile(r"(?:(?:19|20)\d{2}年度?|全年|年度|该|本|此)*(?:项目|专项)(?:经费|资金)(?:总额)?")


#: A label its sentence opens with ("其中培训项目：", "中央财政资金：") naming what the figures after it are of — unless it
#: names a heading ("资金投入情况：", "1.预算执行分析：").
_LABEL = lazy_compile(r"([^，,。；;：:]+)[：:]")
_HEADING_LABEL = lazy_compile(r"(情况|分析|概况|说明|方面|如下)\s*$")


#: A department's or unit's own money named before an owner-less figure ("部门全年预算数为2000万元,执行数为1800万元").
_UNITS_MONEY = lazy_compile(
    r"(?:部门|单位)(?:整体)?(?:(?:19|20)\d{2}年度?)?(?:全年|年初|年度)?(?:预算|决算|收入|支出|执行)"
)
#: Last year's money ("上年全年预算数…,执行数…"; 上年结转 is this year's money brought forward), or several years'
#: ("两年预算数为400万元,执行数…").
_LAST_YEAR = lazy_compile(r"(?:上|去|前)一?年(?:度)?(?!结转|结余)|(?:[两二三四五]|多|几)个?年")


_BUDGET_WORDS = lazy_compile(
    r"(?:(?:19|20)\d{2}年度?|全年|年度|年初|调整后)*预算(?:数|资金)?(?:总额)?\s*(?:为|是|[:：])?\s*$"
)


def _budget_of_another(run: _Run, pi: int, fact: Fact) -> bool:
    """A bare 执行数 right after a budget its sentence gives an item ("活动经费预算50万元,执行数为45万元"): the item's."""
    if not _BARE_SPENDING.fullmatch(fact.subject) or run.project is None:
        return False
    before = [f for f in run.facts.get(pi, ())[: fact.index] if f.sentence == fact.sentence and f.quantity.is_money]
    # the budget's own words, not facts' subject (which may carry an earlier figure's: "上年结转资金20万元,全年预算数…")
    words = _around(before[-1])[0] if before and before[-1].role == "budget" else ""
    owner = _BUDGET_WORDS.sub("", words).strip(" ，,")
    return bool(owner) and not (
        _OWN_PROJECT.fullmatch(owner)
        or _OWN_PROJECT_MONEY.fullmatch(owner)
        or normal_name(owner) == normal_name(plain_narrative(run.project.name))
    )


def _not_the_years_whole(run: _Run, pi: int, fact: Fact) -> bool:
    """An owner-less spending or budget its sentence places elsewhere than the project's whole year (issues 11/12):
    another year's or last year's, as of a date before the year's end or of the day of writing ("截至目前"), one
    source's ("财政拨款执行数"), a department's, cumulative (累计: perhaps several years'), or put to a use ("实际支出
    20万元用于购买设备": an item's as likely as the whole). Not the table's 全年 amount for certain: no finding."""
    head, tail = _around(fact)
    sentence = sentences(run.sub.narrative[pi].text)[fact.sentence] if pi >= 0 else ""
    before = sentence[: max(sentence.find(fact.clause), 0)] + head
    return bool(
        _another_years_result(run, before)
        or _LAST_YEAR.search(before)
        or _BEFORE_YEAR_END.search(before)
        or _WHICH_MONEY.search(head)
        or _UNITS_MONEY.search(before)
        or "累计" in fact.subject + head
        or _FOR_A_USE.match(tail)
        or _budget_of_another(run, pi, fact)
    )


def _told_of_another(run: _Run, pi: int, fact: Fact) -> bool:
    """An owner-less 预算数/执行数 its sentence tells of something it named before: after 其中 ("其中培训项目：全年预算数
    为50万元") or after a label that names an item, not a heading — that item's money, not the project's."""
    if pi < 0:
        return False
    sentence = sentences(run.sub.narrative[pi].text)[fact.sentence]
    at = sentence.find(fact.clause)
    before = sentence[: max(at, 0)]
    if "其中" in before:
        return True
    return any(not _HEADING_LABEL.search(m.group(1)) for m in _LABEL.finditer(before))


def _check_project_money(run: _Run, pi: int, ref: TextRef, fact: Fact) -> bool:
    """A money figure of the report's one project (table_facts.project_funds) against that table's funds total — named
    by the table's own 项目名称 ("古昌镇…绿化美化项目100万元": one of its budgets, or its 全年执行数), or a budget with no
    other owner ("全年预算数为200万元": its 全年 or 年初预算数). N01 when it is none of them, a judgement: the text does
    not say which amount it states. True when the figure was taken as the project's."""
    project = run.project
    if project is None or not fact.quantity.is_money or fact.role not in ("value", "budget", "final"):
        return False
    if fact.parent is not None or _another_years(run, fact):
        return False  # a part ("其中中央资金…"), another year's
    name = normal_name(plain_narrative(project.name))  # a traditional-character table, as the (simplified) text reads
    subject, role = fact.subject, fact.role
    if subject.endswith("的支出"):  # facts' "X的支出": X's spending ("…专项经费预算10万元,实际支出10万元")
        subject, role = subject[: -len("的支出")], "final"
    elif (tail := _SPENDING_TAIL.search(subject)) and tail.start() > 0:  # "…推进经费全年执行数30万元"
        subject, role = subject[: tail.start()], "final"
    if name and normal_name(subject) == name:
        amounts = {"budget": project.budgets, "final": (project.executed,)}.get(
            role, (*project.budgets, project.executed)
        )
        pairing = f"按项目名称“{project.name}”与项目表的资金总额对照" + (
            "，正文未写明是预算数还是执行数" if role == "value" else ""
        )
    elif _not_the_years_whole(run, pi, fact):
        return False
    elif fact.role == "budget" and _OWN_PROJECT.fullmatch(subject) and not _told_of_another(run, pi, fact):
        amounts = project.budgets
        pairing = "正文未写明是哪一笔资金的预算，按本报告唯一一张项目表的资金总额对照"
    elif fact.role == "value" and _OWN_PROJECT_MONEY.fullmatch(subject) and not _told_of_another(run, pi, fact):
        amounts = (*project.budgets, project.executed)
        pairing = "正文写的是项目经费，未写明是预算数还是执行数，按本报告唯一一张项目表的资金总额对照"
    else:
        return False
    found = [a for a in amounts if a is not None]
    if not found:
        return False
    if not any(_agrees(fact, a) for a in found):
        table = found[0]
        _compare(
            run,
            pi,
            ref,
            fact,
            table.value,
            table.unit,
            table.step,
            table.refs,
            table.label,
            # its spending, named: the 全年执行数 (as "该项目…支出"); a budget or an amount: which one is meant is open
            certainty=Certainty.CERTAIN if role == "final" else Certainty.JUDGEMENT,
            pairing=pairing,
            pairing_en="the project's money by its name or with no other owner"
            + ("" if role == "final" else "; which amount the text means is not said"),
        )
    return True


#: A budget stated only by its parts: "1.预算数：2021年，包含补助…资金774万元、补助…资金240万元…" (the 预算数 item of a
#: 转移支付 自评报告), with no figure of its own before the list.
_BUDGET_BY_PARTS = lazy_compile(
    r"预算(?:数|资金)?\s*[:：]\s*(?P<year>(?:19|20)\d{2})?(?:年度?)?\s*[，,]?\s*(?:共|合计)?(?P<cue>包含|包括)"
)
#: Where the list after 包含 ends: a clause break (a comma between digits is a thousands separator).
_LIST_END = lazy_compile(r"[，；;。：:！？!?\n]|(?<!\d),|,(?!\d{3}(?!\d))")


def _budget_cells(row: FundsRow) -> list[tuple[CellValue, Decimal]]:
    """A funds row's 全年预算数 and 年初预算数 that hold a number, with it."""
    cells = (row.full_budget, row.initial_budget)
    return [(c, v) for c in cells if c.sheet is not None and not c.is_blank and (v := to_decimal(c.raw)) is not None]


def _budget_by_parts(run: _Run, ref: TextRef, text: str) -> None:
    """ "预算数：包含A 774万元、B 240万元…" with no total of its own: the parts' sum is the budget, set against the one 自评表's
    全年预算数 (or its 年初预算数, or one source's: 中央财政资金…) — N01, a judgement: 包含 may list only some parts."""
    totals = [ev.funds for ev in run.sub.evaluations if ev.funds is not None and ev.funds.total is not None]
    if len(totals) != 1:
        return
    funds = totals[0]
    assert funds.total is not None
    unit = funds.unit or "万元"
    for m in _BUDGET_BY_PARTS.finditer(text):
        lead = re.split(r"[。；;！？!?\n]", text[: m.start()])[-1]  # "3.2024年预算数：包含…": the year before it too
        years = ([m["year"]] if m["year"] else []) + _YEAR.findall(lead)
        if run.year and any(y != run.year for y in years):
            continue
        rest = text[m.end() :]
        end = _LIST_END.search(rest)
        segment = rest[: end.start()] if end else rest
        items = segment.split("、")
        if len(items) < 2 or re.search(r"等\s*$", segment):
            continue
        amounts = [[f for f in extract_facts(item).facts if f.quantity.is_money] for item in items]
        if any(len(a) != 1 for a in amounts):
            continue
        parts = [a[0] for a in amounts]
        factors = [convert(Decimal(1), p.quantity.unit, unit).factor for p in parts]
        if not all(factors):
            continue
        spans = [_interval(p).scaled(f) for p, f in zip(parts, factors, strict=True) if f]
        span = Interval(sum((x.lo for x in spans), Decimal(0)), sum((x.hi for x in spans), Decimal(0)))
        point = sum((p.quantity.value * f for p, f in zip(parts, factors, strict=True) if f), Decimal(0))
        own = _budget_cells(funds.total)
        sources = [x for row in funds.parts for x in _budget_cells(row)]  # the list may be one source's (中央财政资金…)
        if not own or any(
            span.overlaps(Interval.printed(v, printed_step(c.raw) or Decimal(1))) for c, v in own + sources
        ):
            continue
        cell, value = own[0]
        assert cell.sheet is not None
        names = " + ".join(p.quantity.text for p in parts)
        places = max(p.quantity.places for p in parts)
        narrative = _show(point, unit, places)
        shown_table = _show(value, unit)
        label = f"自评表“{funds.total.label.text.strip().rstrip('：:')}”全年预算数"
        pairing = f"正文未写预算总数，按“{m['cue']}”所列各项之和计算；所列可能不是全部，需人工核实"
        run.issues.append(
            Issue(
                "N01",
                ref,
                {
                    "claim": "预算数",
                    "where": _where(ref),
                    "table_label": label,
                    "cell": str(cell.place()),
                    "narrative": f"{narrative}（{names}）",
                    "table": shown_table,
                    "pairing": f"（{pairing}）",
                    "pairing_en": " (the text states the budget only as the sum of its listed parts, which may not be "
                    "all of them; a person checks)",
                },
                expected=shown_table,
                actual=narrative,
                related=(cell.located(),),
                certainty=Certainty.JUDGEMENT,
                basis=f"{_where(ref)}“{m.group(0)}{segment}”：{names} = {narrative}；{label}（{cell.place()}）= "
                f"{shown_table}；{pairing}",
                basis_en=f"the budget's listed parts {names} = {narrative}; table {cell.place()} = {value} {unit}; "
                "the list may name only some parts",
            )
        )


def _part_of_its_own_kind(facts: tuple[Fact, ...], fact: Fact) -> bool:
    """A 其中 part read under the claim of its own total (its source's words, 当年财政拨款, taken as filler): a part of
    the 支出 is no 支出 of the whole. The 上年结转资金 is its own row and keeps its own check."""
    if fact.parent is None or fact.claim == "carried_over":
        return False
    parent = facts[fact.parent]
    return parent.claim == fact.claim and parent.role == fact.role


#: Words in a rate's own clause naming a part of the funds: "其中当年财政拨款执行率", "具体是…", "结转资金执行率".
_PART_RATE = lazy_compile(r"(其中|具体[是为]|当年财政拨款|当年拨款|结转)")


def _own_figures_give(facts: tuple[Fact, ...], rate: Fact, executed: TableValue | None) -> bool:
    """The money figures told with the rate — in its sentence, after the rate before it — give it: the last one over an
    earlier one, or over all earlier ones together. Then the rate is theirs (a source's, a part's); the amounts are
    compared with the tables on their own — and figures of an item's money (“三公”经费…) speak for their rate, whether or
    not they give it. Not when that spending is the 自评表's 全年执行数 (`executed`): then it is
    the project's rate, whatever budget the text measured it against ("年初预算1000万元…支出1045万元，执行率104.5%")."""
    window: list[Fact] = []
    for f in facts[: rate.index]:
        if f.sentence != rate.sentence or f.role == "completion":
            window = []
            continue
        if f.quantity.is_money and f.parent is None:
            window.append(f)
    if window and _REMAINDER.match(window[-1].subject):
        window.pop()  # "预算2万元，实际支出1.11万元，结余0.89万元，执行率55.66%": the spending before what is left
    if not window:
        return False
    *earlier, paid = window
    if executed is not None and _agrees(paid, executed):
        return False
    for part in parts_spent_from(facts, paid)[0]:
        # "其中中央资金180万元,中央资金已支出170万元,执行率94.44%" (review23r: an N01 错误 against the table's 89.72%): the
        # part's rate — paid out of the 其中 part its words name, or the one right before a bare payment (prose23)
        base = _sum_as([part], paid.quantity.unit)
        computed = _ratio(_interval(paid), base) if base is not None else None
        if computed is not None and _rate_agrees(rate, computed):
            return True
    if not earlier:
        return False
    if any(_AN_ITEMS_MONEY.search(f.subject) for f in window):
        return (
            True  # "“三公”经费预算2万元，实际支出1.11万元，执行率65%": the item's rate, right or wrong (N02 says which)
        )
    spent = _interval(paid)
    for parts in [*([b] for b in earlier), earlier]:
        base = _sum_as(parts, paid.quantity.unit)
        computed = _ratio(spent, base) if base is not None else None
        if computed is not None and _rate_agrees(rate, computed):
            return True
    return False


def _sum_as(parts: list[Fact], unit: str) -> Interval | None:
    """The printed ranges of `parts` added up in `unit` (None when a unit does not convert)."""
    lo = hi = Decimal(0)
    for part in parts:
        conv = convert(Decimal(1), part.quantity.unit, unit)
        if not conv.ok or conv.factor is None:
            return None
        got = _interval(part).scaled(conv.factor)
        lo, hi = lo + got.lo, hi + got.hi
    return Interval(lo, hi)


def _spending_rate_only(fact: Fact) -> bool:
    """A rate named 支出率 or 支付率 and neither 执行率 nor 完成预算 (facts._SPENDING_RATE)."""
    words = fact.subject + _around(fact)[0]
    return ("支出率" in words or "支付率" in words) and "执行率" not in words and "完成预算" not in words


def _check_execution_rate(run: _Run, pi: int, ref: TextRef, fact: Fact) -> None:
    """ "预算执行率98%" against the one 自评表's 全年执行数 / 全年预算数 (N01): not a 三公经费's 完成预算的%, a target,
    last year's or another year's rate."""
    tv = run.values.get(("execution_rate", "final"))
    head = _around(fact)[0]
    named = "执行率" in fact.subject + head or ("完成预算" in head and run.project is not None and run.project.executed)
    if tv is None or not named or _OTHER_RATE.search(head) or _another_base(fact) or _another_years(run, fact):
        return  # "完成预算的89.7%" is the rate in a project's own report (its 自评表 states 执行数), not a 三公经费's
    if _own_figures_give(run.facts.get(pi, ()), fact, run.values.get(("expense", "final"))):
        return  # "当年财政拨款1000万元，实际支出960万元，执行率96%": the rate of its own figures, which speak for it
    if "结转" in fact.subject and not _NOT_THIS_YEARS.search(fact.subject):
        _check_carried_over_rate(run, pi, ref, fact)  # "上年结转资金执行率85%": that row's 全年执行数 / 全年预算数
        return
    if (
        claim_of(fact.subject)
        or _WHICH_MONEY.search(fact.subject)
        or _AN_ITEMS_MONEY.search(fact.subject)  # "“三公”经费执行率55.66%": an item's own money
        or _PART_RATE.search(head)
    ):
        return  # the rate of one part (三公经费, 财政资金, 结转资金, "其中当年财政拨款…"): not the table's total
    kinds = {ev.kind for ev in run.sub.evaluations if ev.funds is not None}
    if kinds == {"department"} and "项目" in sentences(run.sub.narrative[pi].text)[fact.sentence]:
        return  # a department's report telling of one of its projects: not the department's rate
    # named "预算执行率", not "…完成预算的比例" (unless the text says 完成预算 itself)
    rate = dataclasses.replace(fact, role="value") if "执行率" in fact.subject + head else fact
    printed = _printed_rate_alike(run, fact)
    _compare(
        run,
        pi,
        ref,
        rate,
        tv.value,
        tv.unit,
        tv.step,
        tv.refs,
        tv.label,
        certainty=Certainty.CERTAIN,
        formula=tv.formula,
        pairing=f"自评表所印执行率（{printed}）与正文相同，但与表中金额不符（见 F04），两处都须更正" if printed else "",
        pairing_en=f"the 自评表 prints the same rate ({printed}), which its amounts do not give (F04)"
        if printed
        else "",
    )


def _printed_rate_alike(run: _Run, fact: Fact) -> str:
    """The one 自评表's printed 执行率 cell, when it says what the text says ("94.5" and "预算执行率94.5%"): the text
    repeats the table's wrong rate — still wrong against the amounts, and the finding says where it came from."""
    funds = [ev.funds for ev in run.sub.evaluations if ev.funds is not None and ev.funds.total is not None]
    if len(funds) != 1 or funds[0].total is None:
        return ""
    cell = funds[0].total.rate
    value = None if cell.is_blank else to_decimal(str(cell.raw).rstrip("%％"))
    if value is None or cell.sheet is None:
        return ""
    if value <= 1 and fact.quantity.value > 1:
        value *= 100  # a rate printed as a fraction (0.945)
    return str(cell.place()) if value == fact.quantity.value else ""


def _check_carried_over_rate(run: _Run, pi: int, ref: TextRef, fact: Fact) -> None:
    """ "上年结转资金执行率85%" against the 上年结转资金 row's 全年执行数 / 全年预算数 (N01, computed from the cells)."""
    spent, budget = run.values.get(("carried_over", "final")), run.values.get(("carried_over", "budget"))
    if spent is None or budget is None or not budget.value:
        return
    _compare(
        run,
        pi,
        ref,
        dataclasses.replace(fact, role="value"),
        spent.value / budget.value * Decimal(100),
        "%",
        Decimal("0.0001"),
        spent.refs + budget.refs,
        "自评表资金表“上年结转资金”全年执行数 / 全年预算数",
        certainty=Certainty.CERTAIN,
        formula=f"{spent.value} / {budget.value}",
    )


def _unit_word(unit: str) -> str:
    """The measure word of a count or measure unit as a pattern: 万人次 → 人次, 名 → 名|人."""
    base = re.sub(r"^[万亿]", "", unit)
    return "名|人" if base in ("名", "位", "人") else re.escape(base)


def _without_word(name: str, word: str) -> str:
    """`name` without its trailing measure word ("年接待读者人次" → 年接待读者, "…发放人数" → …发放), if enough is left."""
    short = re.sub(rf"(?:{word})(?:数量|数)?$", "", name)
    return short if len(short) >= 2 else name


#: A stock (all years' together) rather than the year's new ones.
_STOCK = lazy_compile(r"(总数|累计|总量|存量|共有|现有|保有)")
_CLOSED_BRACKETS = lazy_compile(r"[（(][^（()）]*[)）]")


#: "为320名新型职业农民开展培训": a count after 为/向/对/给, named by the words after it.
_FOR_WHOM = lazy_compile(r"(为|向|对|给)\s*$")


def _named_in_pieces(subject: str, names: list[str], word: str) -> int | None:
    """The one indicator name (its measure word aside, four characters at least) whose every part — at most three
    pieces of two characters or more — the subject holds, in any order: "培训新型职业农民" in "新型职业农民开展技能培训"."""
    hits = [
        i
        for i, n in enumerate(names)
        if len(core := _without_word(normal_name(n), word)) >= 4 and _covers(core, subject)
    ]
    return hits[0] if len(hits) == 1 else None


def _covers(name: str, text: str) -> bool:
    """`name` splits into at most three pieces of two characters or more, each found in `text` (longest first)."""
    i = pieces = 0
    while i < len(name):
        j = len(name)
        while j - i >= 2 and name[i:j] not in text:
            j -= 1
        if j - i < 2:
            return False
        pieces, i = pieces + 1, j
    return pieces <= 3


#: A sentence that opens by naming its figures targets ("年度绩效目标:辅警人员512人,…满意度不低于95%"): each clause after
#: the colon states a target, unless a word before the figure says it states what was done ("完成了年度目标:…", "…,实际…").
_TARGET_LEAD = lazy_compile(r"(?:目标|计划|预期|预计)(?:值|任务)?(?:如下|为|是)?\s*[:：]")
_ACTUAL_CUE = lazy_compile(r"(实际|完成|实现|已|达成)")
#: The words around an indicator's name in a target clause: the cue before it ("年度绩效目标为"), the bound after it.
_TARGET_HEAD = lazy_compile(
    r"^(?:(?:19|20)\d{2}年度?|本年度?|今年|全年|年度|年初|本?项目|绩效|总体|的)*(?:目标|计划|预期|预计)(?:值|任务)?"
    r"(?:为|是|达到|达)?"
)
_BOUND_TAIL = lazy_compile(
    r"(?:不少于|不低于|不超过|不高于|不多于|大于|小于|高于|低于|达到|超过|至少|为|是|[≥≤><＞＜=])+$"
)


def _is_target(run: _Run, pi: int, fact: Fact) -> bool:
    """The text marks the figure a target: a cue in its own clause ("年初目标为…10家", "计划10家"; a bracketed 目标 is
    another figure's), or a target lead with a colon opening its sentence with no word of a result after it."""
    head = _CLOSED_BRACKETS.sub("", _around(fact)[0])  # "20家（目标12家）、…13家": that 目标 is the other's
    if _TARGET_CUE.search(head):
        return True
    if pi < 0:
        return False
    sentence = sentences(run.sub.narrative[pi].text)[fact.sentence]
    at = sentence.find(fact.clause)
    lead = _TARGET_LEAD.search(sentence[: at if at >= 0 else 0])
    return lead is not None and not _ACTUAL_CUE.search(sentence[: max(at, 0)] + head)  # "完成年度目标:…": results


def _another_years_target(run: _Run, pi: int, fact: Fact) -> bool:
    """A target its sentence places in another year than the report's ("2023年度绩效目标:辅警人员520人" in the 2022
    report): next year's plan, not the year's 目标表."""
    sentence = sentences(run.sub.narrative[pi].text)[fact.sentence] if pi >= 0 else ""
    at = sentence.find(fact.clause)
    before = (sentence[:at] if at >= 0 else "") + _around(fact)[0]
    return bool(run.year) and any(y != run.year for y in _YEAR.findall(before))


def _another_years_result(run: _Run, head: str) -> bool:
    """The words before a figure place it in another year than the report's, not as the base of a comparison
    ("2022年新增…8家"; but "比2022年增长11.8%" is this year's change)."""
    return bool(run.year) and any(
        m.group(1) != run.year and not re.search(r"(?:较|比|与|同|对比|相比)\s*$", head[: m.start()])
        for m in _YEAR.finditer(head)
    )


def _target_name(subject: str) -> str:
    """A target clause's subject as an indicator's name: "年度绩效目标为辅警人员" → 辅警人员, "满意度不低于" → 满意度."""
    named = _BOUND_TAIL.sub("", _TARGET_HEAD.sub("", subject))
    return named if len(named) >= 2 else subject


def _match(
    fact: Fact, subject: str, head: str, candidates: tuple[list[IndicatorValue], NameTable]
) -> tuple[NameMatch | None, bool]:
    """The indicator `subject` names among `candidates` (exact or synonym, else scored fuzzy), and whether it was paired
    only by the pieces of its name after 为/向/对/给."""
    if not candidates[0]:
        return None, False
    table = candidates[1]
    names = table.names
    found = match_name(subject, table)
    if found is None and (fact.quantity.is_count or fact.quantity.is_measure):
        # "接待读者10.8万人次" ↔ 年接待读者人次, "7680名重度残疾人…" ↔ …发放人数: the name may end in the figure's own
        # measure word, which the text puts after the number
        word = _unit_word(fact.quantity.unit)
        without = table.mapped(word, lambda n: _without_word(n, word))
        found = match_name(_without_word(subject, word), without)
    if found is None and fact.quantity.is_count and _FOR_WHOM.search(head):
        # "为350名新型职业农民开展技能培训" ↔ 培训新型职业农民人数: the people and the act, in the other order
        hit = _named_in_pieces(subject, names, _unit_word(fact.quantity.unit))
        if hit is not None:
            return NameMatch(hit, False, ratio(subject, names[hit])), True
    return found, False


def _check_indicator(run: _Run, pi: int, ref: TextRef, fact: Fact) -> None:
    """An indicator's figure against its row: an actual against the 自评表's 实际完成值; a figure the text marks a target
    against the 自评表's 年度指标值, else (no 自评表 row of that name, or one only like it while a 目标表 row is named
    exactly) the 目标表/申报表's 指标值 — never an actual against a declared target, nor a target against an actual."""
    if fact.quantity.is_percent and fact.role not in ("value", "change_rate"):
        return
    if not fact.quantity.is_percent and fact.role != "value":
        return
    head, tail = _around(fact)
    if FROM_LEVEL.search(head) and TO_LEVEL.match(tail):
        return  # "亩产由450公斤提高到510公斤": the level the change starts from, no actual of the year
    if _against_stated_base(run, pi, fact):
        return
    target = _is_target(run, pi, fact)
    if target and _another_years_target(run, pi, fact):
        return
    if not target and _another_years_result(run, head):
        return  # "2022年新增高新技术企业8家" in the 2023 report: last year's result, not the 实际完成值
    subject = _target_name(fact.subject) if target else fact.subject
    rows = _candidates(run, fact)
    found, by_pieces = _match(fact, subject, head, rows)
    if target and (found is None or not found.exact):  # a 目标表 row of that very name beats a 自评表 row like it
        declared = _declared_candidates(run, fact)
        named, named_by_pieces = _match(fact, subject, head, declared)
        if named is not None and (found is None or named.exact):
            rows, found, by_pieces = declared, named, named_by_pieces
    candidates = rows[0]
    if found is None:
        if fact.quantity.is_count and fact.subject.startswith(RESULT_VERBS) and _tables_read(run.sub):
            run.unsupported.setdefault(pi, []).append(fact)
        return
    iv = candidates[found.index]
    if bool(_STOCK.search(fact.subject + head)) != bool(_STOCK.search(iv.name)):
        # "高新技术企业总数累计86家", "全县共有规模工业企业320家" are stocks, the indicator 新增高新技术企业 the year's flow
        return
    if target:  # "年初目标为…10家", "计划10家": the target, compared with the 年度指标值 (or the 目标表's 指标值)
        number, unit, step = iv.target.number, iv.target.unit, printed_step(iv.indicator.target.raw)
        cell = iv.indicator.target.place()
        label = f"目标表指标“{iv.name}”指标值" if iv.role == "target" else f"自评表指标“{iv.name}”年度指标值"
    else:
        number, unit, step = iv.actual.number, iv.actual.unit, iv.actual_step
        cell = iv.indicator.actual.place()
        label = f"自评表指标“{iv.name}”实际完成值"
    if number is None:  # _candidates keeps only indicators with a number (an actual; a target may have none)
        return
    ends = _range_ends(run.facts.get(pi, ()), fact)
    if ends is not None:  # "目标为95%-100%": the range holds the table's figure, or its low end speaks for it
        lo, hi = ends
        if fact == hi or _in_range(lo, hi, number, unit):
            return
    pairing = pairing_en = ""
    certainty = Certainty.CERTAIN
    if not found.exact:
        certainty = Certainty.GUESS
        pairing = f"按名称相似度配对：正文“{subject}”↔ 表中指标“{iv.name}”（相似度 {found.score:.0f}%）"
        pairing_en = f"paired by name similarity: '{subject}' <-> indicator '{iv.name}' ({found.score:.0f}%)"
        if by_pieces:
            pairing = (
                f"按名称配对：表中指标“{iv.name}”的各部分都见于“为”后的正文“{fact.subject}”（词序不同），需人工核实"
            )
            pairing_en = f"paired by name: every part of indicator '{iv.name}' is in '{fact.subject}' (other order)"
    if iv.role == "target" and certainty is Certainty.CERTAIN:
        # a 目标表 is the target as approved; the text may state it as adjusted since (P01 treats the 自评表 so too)
        certainty = Certainty.JUDGEMENT
        pairing = "目标表是批复时的目标，正文所写可能是经批准调整后的目标，需人工核对"
        pairing_en = "the 目标表 holds the target as approved; the text may state it as adjusted since"
    signed_fact = fact if fact.role != "change_rate" else dataclasses.replace(fact, role="value", direction=0)
    _compare(
        run,
        pi,
        ref,
        signed_fact,
        number,
        unit,
        step or Decimal(1),
        (cell,) if cell else (),
        label,
        certainty=certainty,
        pairing=pairing,
        pairing_en=pairing_en,
        bounds=iv.role != "target",  # a 目标表's 指标值 against the text's target: like for like (a 自评表's as before)
    )


def _range_ends(facts: tuple[Fact, ...], fact: Fact) -> tuple[Fact, Fact] | None:
    """The two ends of a range a figure is one end of ("95%-100%", "10～12公里", "3至5人"): consecutive figures of one
    clause joined only by a range mark."""
    for lo, hi in ((facts[i], facts[i + 1]) for i in range(len(facts) - 1)):
        if fact not in (lo, hi) or lo.clause != hi.clause:
            continue
        at = hi.clause.rfind(hi.quantity.text)
        start = hi.clause.rfind(lo.quantity.text, 0, at) if at > 0 else -1
        if start >= 0 and RANGE_GAP.fullmatch(hi.clause[start + len(lo.quantity.text) : at]):
            return lo, hi
    return None


def _in_range(lo: Fact, hi: Fact, number: Decimal, unit: str | None) -> bool:
    """The table's figure (in `unit`) lies between the range's ends (units converted)."""
    conv = convert(Decimal(1), lo.quantity.unit, unit or lo.quantity.unit)
    if not conv.ok or conv.factor is None:
        return False
    low, high = sorted((lo.quantity.value * conv.factor, hi.quantity.value * conv.factor))
    return low <= number <= high


def _listed(run: _Run, ref: TextRef, text: str, before: str = "") -> None:
    """A count against the names its complete list gives ("10个，即" and nine names): N05, a judgement —
    a name may be missing or the count wrong, and the text cannot say which."""
    for lc in listed_counts(text, before):
        listed = str(lc.fewest) if lc.fewest == lc.most else f"{lc.fewest}–{lc.most}"
        names = "、".join(lc.names[:6]) + ("…" if len(lc.names) > 6 else "")
        run.issues.append(
            Issue(
                "N05",
                ref,
                {"where": _where(ref), "count": lc.stated or f"{lc.count}{lc.unit}", "listed": listed, "names": names},
                expected="",  # which is right — the count or the list — the text cannot say
                actual=f"写 {lc.count}{lc.unit}，列出 {listed} 个名称",
                certainty=Certainty.JUDGEMENT,
                basis=f"{_where(ref)}：“{lc.text[:60]}”写 {lc.stated or f'{lc.count}{lc.unit}'}，所列名称 {listed} 个（"
                + "、".join(lc.names[:12])
                + ("…" if len(lc.names) > 12 else "")
                + "）"
                + ("；“和/及”可能连接两个名称，也可能是名称的一部分" if lc.most > lc.fewest else "")
                + (
                    "。“包括”可只列出一部分，但不会多于总数：可能多列了名称，也可能数目写错，请核实"
                    if lc.partial
                    else "。可能漏列了名称，也可能数目写错，请核实"
                ),
                basis_en=f"the text states {lc.count}{lc.unit} and lists {listed} names; a name may be missing "
                "or the count wrong, a person checks",
            )
        )


def _closing_total(text: str, facts: tuple[Fact, ...]) -> Fact | None:
    """The money figure that ends a paragraph ("…基本支出2956.36万元。"), no part of another: the total a next paragraph
    opening with 其中 lists the parts of (an Enter pressed before 其中). Beside other money wholes of its sentence
    ("收入1200万元，支出1000万元。" ¶ "其中：财政拨款收入…") which one the list details is not said: those are its `rivals`,
    and the list is judged only as it stands against every one (funds_arith `_earlier_wholes`: review12n, narr13)."""
    if not facts:
        return None
    last = facts[-1]
    ends = text.rstrip().rstrip("。.，,:：").endswith(last.quantity.text)
    if not (ends and last.parent is None and not last.carried):
        return None
    if last.role in _OF_A_WHOLE and (whole := _whole_it_follows(facts, last)) is not None:
        return whole
    if last.quantity.is_count and not last.quantity.is_money:
        return _closing_count(text, facts, last)
    if not last.quantity.is_money:
        return None
    beside = [
        f for f in facts[: last.index] if f.quantity.is_money and f.parent is None and f.sentence == last.sentence
    ]
    if not beside:
        return last
    if last.role not in _WHOLES:
        return None  # "支出1000万元，比上年增加50万元。" ¶ "其中：…": the list details no change
    return dataclasses.replace(last, rivals=tuple(f for f in beside if f.role in (*_WHOLES, "previous")))


#: The roles of a money figure a next paragraph's 其中 may list the parts of, beside other wholes.
_WHOLES = ("value", "budget", "final")
#: The roles of figures said of a whole after it ("…1000万元,比上年减少50万元", "占总支出的80%", "完成预算的95%", "上年1050万元").
_OF_A_WHOLE = ("change", "change_rate", "share", "completion", "previous")


def _whole_it_follows(facts: tuple[Fact, ...], last: Fact) -> Fact | None:
    """The one money whole of the paragraph's last sentence when every figure after it is said of it (its change, rate,
    share, last year's): "支出1000万元,比上年减少50万元。" ¶ "其中：基本支出600万元…" splits the 1000 (twins32). The
    sentence's other money figures are its `rivals` — a list that makes any of them is judged against none."""
    said = [f for f in facts if f.sentence == last.sentence and f.parent is None and not f.carried]
    wholes = [f for f in said if f.quantity.is_money and f.role in _WHOLES]
    if len(wholes) != 1 or any(f.role not in _OF_A_WHOLE for f in said if f.index > wholes[0].index):
        return None
    (whole,) = wholes
    rivals = tuple(f for f in said if f is not whole and f.quantity.is_money)
    return dataclasses.replace(whole, rivals=rivals)


def _closing_count(text: str, facts: tuple[Fact, ...], last: Fact) -> Fact | None:
    """A headcount or other count that ends a paragraph as the one whole of its statement (its sentence since the last
    semicolon: "在职人数239人,其中在岗人数239人;离退休人数195人。" ¶ "其中离休人员2人,退休人员194人。", 株洲 2024 p51 with
    Enter pressed before its second 其中, session 28): the total the next paragraph's 其中 list splits — by place, so a
    finding on it is a 警告 unless the words tie them (`count_parts._paired_by_place`, prose29). A count beside another of its statement ("编制数239人,在职人数239人。" ¶ "其中…"), or a change ("比上年减少
    4人。" ¶ "其中…"), carries nothing: which one the list splits is open."""
    if last.role not in _WHOLES:
        return None
    statement = _LAST_STATEMENT.split(text.rstrip().rstrip("。.，,:："))[-1]
    beside = [
        f
        for f in facts[: last.index]
        if f.sentence == last.sentence
        and not f.carried
        and f.quantity.unit == last.quantity.unit
        and f.clause in statement
    ]
    return None if beside else last


#: What ends a statement before a paragraph's last: a full stop or a semicolon.
_LAST_STATEMENT = lazy_compile(r"[。；;]")


def _another_years_basic(sub: Submission, year: str) -> Submission:
    """`sub` with its 基础数据表 / 三公 table marked a guess when the caption above it names another year than the
    report's ("2020年度…三公经费支出决算表" in the 2021 report, its only one): the narrative's figures may be this year's
    and the table last year's, so a disagreement is a 警告 stating it, not a certain N01 错误 (review15)."""
    basic = sub.basic
    if basic is None or not basic.year_above or not year or basic.year_above == year:
        return sub
    why = f"{basic.table_name[0]}上方标题为{basic.year_above}年，与报告年度{year}年不同，可能不是本年的表"
    guess = "；".join(g for g in (basic.guess, why) if g)
    return dataclasses.replace(sub, basic=dataclasses.replace(basic, guess=guess))


#: The claims a “三公”经费 table states (its items, 公用经费): what its own sentences are held to it on.
_THREE_PUBLIC_CLAIMS = frozenset(_BASIC_ROWS.values())


def _three_public_table(run: _Run, fact: Fact) -> BasicData | None:
    """The “三公”经费 table a 三公 figure is held to (a report's, or the sheet's whose 说明 it is), None for others."""
    basic = run.sub.basic
    if fact.claim not in _THREE_PUBLIC_CLAIMS or basic is None or basic.source != "three_public":
        return None
    return basic


def _three_public_stage(run: _Run, fact: Fact) -> str:
    """The stage the 三公 table's 预算 column prints ("initial", "full", "": `printed_scope.budget_stage`)."""
    basic = _three_public_table(run, fact)
    return basic.budget_stage if basic is not None else ""


#: Scopes a sentence names that no report's own 三公 table is of unless its caption says so: a whole region, a
#: region's own level, a system (scope20; the department's or the unit's own is the report's, read as before), a
#: department's subordinate units alone ("下属单位…", a part of the department's money, review20d).
_WIDE_SAID = frozenset({"region", "region_own", "system", "subordinate"})


def _printed_readings(run: _Run, pi: int, ref: TextRef | CellRef, fact: Fact) -> tuple[str, str] | tuple[()] | None:
    """What a 三公 figure's pairing with its table's cell rests on beyond the printed words (scope20), by what the
    table and the sentence print:

    - **scope** (an item's level only; a rate is scope-free): the sentence's words before the figure name one
      (`said_scope`: 本部门 / 本单位 / 本级 / 全区 / 区本级 / 本系统) and the table's caption or 编制单位 line another
      (`BasicData.scope`) → () : another scope's money, not compared ("全区…" under "编制单位：…（本级）"; 本单位 and 本级
      are one). Both the same → certain. The table printing none → a report's sentence naming a region or a system is
      a guess (its 说明's sentences keep `_three_public_sentences`'s reading of any scope, review19a/d). A figure
      naming no scope whose parts in its sentence are named by scope ("“三公”经费预算15.71万元，其中本级10.71万元、所属
      单位5.00万元") is wider than its 本级 part: the department's — other money under a table printing 本级 (notes21).
    - **the 预算 column's stage** (a budget or a completion rate, against a table that prints 决算 too): the words
      name 年初 or 全年/调整后 (`said_stage`) and the table's 预算 column, caption or note prints the other or neither
      (`BasicData.budget_stage`) → a guess naming both readings (a 决算 table's 预算数 may be the 全年 budget, 年初
      plus 追加). A 预算 table's 预算 is the 年初 one.

    Returns (zh, en) reasons for a 警告, () for no comparison, None when the pairing rests on printed words alone."""
    basic = _three_public_table(run, fact)
    if basic is None:
        return None
    before = _around(fact)[0]
    reasons: list[tuple[str, str]] = []
    named = said_scopes(before) if _a_level(fact) else frozenset()
    if not named and _a_level(fact) and _scope_parts(run.facts.get(pi, ()), fact):
        named = frozenset({"department"})  # 本级 and 所属单位 its parts: the department's whole (notes21)
    said = next(iter(named)) if len(named) == 1 else ""
    if said and basic.scope:
        if said != basic.scope:
            return ()
    elif len(named) > 1 and basic.scope:
        # "部门本级…" under a 部门 table, "本部门本级…" under a （本级） one: words naming two scopes, one of them the
        # table's — which one the figure is of is a reading (review20d); none of them the table's: other money
        if basic.scope not in named:
            return ()
        reasons.append(
            (
                f"文字同时写了{'、'.join(sorted(_SCOPE_ZH[s] for s in named))}口径，表印为{_SCOPE_ZH[basic.scope]}口径，"
                "按表比较系推测",
                f"the words name several scopes ({', '.join(sorted(named))}); the table prints {basic.scope}",
            )
        )
    elif said in _WIDE_SAID and isinstance(ref, TextRef):
        reasons.append(
            (
                f"文字写明{_SCOPE_ZH[said]}口径，表的标题和编制单位未印明口径，比较系推测",
                f"the sentence names {said}'s money; the table's caption prints no scope",
            )
        )
    elif not named and basic.scope in ("region", "region_own") and (owner := _OWNER_BEFORE.match(before)):
        # "区财政局2021年“三公”经费预算为…" under "2021年区本级“三公”经费预算支出表": words naming an owner by its name,
        # no scope word — whether that is the region's money is a name's reading (review20d)
        reasons.append(
            (
                f"文字写的是“{owner[1]}”的经费，表印为{_SCOPE_ZH[basic.scope]}口径，比较系推测",
                f"the words name {owner[1]}'s money; the table prints the {basic.scope} scope",
            )
        )
    elif not named and isinstance(ref, TextRef) and (unit := named_owner(fact.subject)) and not _titled(run, unit):
        # "区财政局公务用车运行维护费10万元" in the 机关事务管理中心's report: a unit named by its name that the report's
        # title does not name — another unit's money when the title names one, else a reading (review25p: an N01 错误)
        if named_owner(_title(run)):
            return ()
        reasons.append(
            (
                f"文字写的是“{unit}”的经费，报告标题未写该单位，按表比较系推测",
                f"the words name {unit}'s money, a unit the report's title does not name",
            )
        )
    elif not named and isinstance(ref, TextRef) and (unit := named_owner(fact.subject)) and _abbreviated(run, unit):
        # "管理中心公务用车运行维护费10万元" in 杜集区机关事务管理中心's report: the end of the title's name, shorter than
        # the name without its place — the report's own unit by that reading (prose26)
        title_unit = named_owner(_title(run))
        reasons.append(
            (
                f"文字写的是“{unit}”的经费，按报告标题中的单位“{title_unit}”的简称视为本单位，比较系推测",
                f"the words name {unit}, read as short for the title's {title_unit}",
            )
        )
    elif not named and isinstance(ref, TextRef) and (first := _first_person_elsewhere(run, before)):
        # "本院公务接待费…" in 东坡区审计局's report: the writer's unit by a noun the title's unit does not end with — a
        # unit inside the department (a school in the 教育局's report) may write so (review26p)
        title_unit = named_owner(_title(run))
        reasons.append(
            (
                f"文字以“{first}”称单位，报告标题中的单位“{title_unit}”不是该类单位，视为本单位系推测",
                f"the words say {first}, a kind of unit the title's {title_unit} is not",
            )
        )
    stage = said_stage(before) if fact.role in ("budget", "completion") else ""
    if (fact.claim, "final") in run.values and (why := stage_reason(stage, basic.budget_stage)) is not None:
        reasons.append(why)
    if not reasons:
        return None
    return "；".join(r[0] for r in reasons), "; ".join(r[1] for r in reasons)


#: The writer's unit in the first person ("我局", "本院", `facts._LEAD`) and how the name of a unit of that kind ends.
_FIRST_PERSON = lazy_compile(r"[我本](局|中心|委|办|院|校|所|站|队|馆|处|厅|镇|乡|街道|公司)(?!级|部门|单位|系统)")
_KIND_ENDS = {"委": ("委", "委员会"), "校": ("校", "学"), "办": ("办", "办公室"), "街道": ("街道", "街道办事处")}


def _first_person_elsewhere(run: _Run, before: str) -> str:
    """The first person the words before a figure name the writer's unit by ("本院"), when the report's title names a
    unit whose name is not of that kind (东坡区审计局: no 院) — else ""."""
    m = _FIRST_PERSON.search(before)
    title_unit = compact_name(named_owner(_title(run)))
    if m is None or not title_unit:
        return ""
    return "" if title_unit.endswith(_KIND_ENDS.get(m[1], (m[1],))) else m[0]


#: The end of a place's name: what may be dropped before a unit's own name ("杜集区" of 杜集区机关事务管理中心).
_PLACE_END = lazy_compile(r".*(?:省|市|县|区|州|盟|旗|镇|乡|街道)$")


def _abbreviated(run: _Run, unit: str) -> bool:
    """`unit` is the end of the unit's name the report's title opens with, shorter than that name without its place
    ("管理中心" of "杜集区机关事务管理中心"): the report's own unit only by reading it as an abbreviation. The whole name,
    or the name without its place ("机关事务管理中心", "区机关事务管理中心"), is the unit itself."""
    title_unit = compact_name(named_owner(_title(run)))
    unit = compact_name(unit)
    if not title_unit or unit == title_unit or not title_unit.endswith(unit):
        return False
    head = title_unit[: len(title_unit) - len(unit)]
    return not (_PLACE_END.match(head) or _PLACE_END.match(head + unit[0]))


def _scope_parts(facts: tuple[Fact, ...], whole: Fact) -> list[Fact]:
    """The parts of a 三公 figure named by their scope alone, in its sentence ("…15.71万元，其中本级10.71万元、所属单位
    5.00万元": 本级, 所属单位), notes21."""
    mine = [f for f in facts if f.parent == whole.index]
    # "…15.71万元。其中本级10.71万元，所属单位5.00万元。": a 其中 opening the next sentence lists its parts too (review21b)
    opens = any(f.sentence == whole.sentence + 1 and f.clause.lstrip().startswith("其中") for f in mine)
    return [
        f
        for f in mine
        if (f.sentence == whole.sentence or (opens and f.sentence == whole.sentence + 1))
        and not f.claim
        and _OF_SCOPES.search(f.subject)
    ]


def _part_of_the_tables_scope(run: _Run, facts: tuple[Fact, ...], part: Fact) -> Fact | None:
    """A part of a 三公 figure named by the scope its table prints ("其中本级10.71万元" under "2026年单位“三公”经费…预算表"
    or "编制单位：…（本级）"): the table's figure of the item — returned as one of the item (its whole's claim) to be held
    to it (notes21; a sheet's 说明 is read so by `_three_public_sentences`). None for any other figure: a part named by
    another scope (所属单位), or by the department's (a part is never the whole), or under a table printing none."""
    if part.claim or part.parent is None or not _a_level(part) or not _SCOPE_ALONE.match(_words_of(part)):
        return None  # "其中本级公务接待费0.73万元", "其中本级财政拨款5.71万元": an item or a source, no scope's part (review21b)
    whole = facts[part.parent]
    basic = _three_public_table(run, whole)
    if basic is None or not _a_level(whole) or basic.scope in ("", "department"):
        return None
    if said_scope(part.subject) != basic.scope:
        return None
    if any(
        (tv := run.values.get((whole.claim, r))) is not None and _agrees(whole, tv)
        for r in _TABLE_ROLES.get(whole.role, ())
    ):
        return None  # "10.71万元，其中本级8.00万元" beside a table's 10.71: the table is the whole's scope (review21b)
    return dataclasses.replace(part, claim=whole.claim)


#: A part's words naming its scope alone ("本级", "所属单位", "本级支出"): not an item of it ("本级公务接待费") nor a
#: source ("本级财政拨款": the level's treasury money, any unit's), review21b.
_SCOPE_ALONE = lazy_compile(
    r"^(?:本级|(?:下属|所属|二级|基层)(?:单位|机构)?)(?:单位|机关)?(?:预算|决算|支出|安排|为|是|共|计|数|的)*$"
)


def _words_of(part: Fact) -> str:
    """A figure's words in its clause from its subject to its figure ("本级财政拨款" of "其中本级财政拨款5.71万元",
    whose subject is "本级"); its subject when they cannot be told."""
    at = part.clause.find(part.subject)
    end = part.clause.find(part.quantity.text, at) if at >= 0 else -1
    return part.clause[at:end] if end > at else part.subject


#: An owner named by its name at a clause's start, before the year ("区财政局2021年“三公”经费…").
_OWNER_BEFORE = lazy_compile(r"^\s*([^\d，,。；;：:（(]{2,30}?)(?:19|20)\d{2}年")


_SCOPE_ZH = {
    "region": "全地区",
    "region_own": "本级财政（区/市/县本级）",
    "system": "全系统",
    "department": "部门",
    "own": "本级",
    "subordinate": "下属单位",
}


def _of_no_spending(text: str, fact: Fact) -> bool:
    """The figure's sentence says nothing of spending (支出, 实际, 执行, 完成, 决算 …) and does not set the figure against
    a budget ("完成预算的90%")."""
    said = sentences(text)
    sentence = said[fact.sentence] if fact.sentence < len(said) else text
    return not (_SPENT_NOT_PLANNED.search(sentence) or "支出" in sentence or _SET_AGAINST_BUDGET.search(sentence))


#: A year named other than as a comparison's base ("比2025年预算减少", "与2025年预算持平" name 2025 as the base).
_THREE_PUBLIC_BASE = lazy_compile(r"(?:比|较|与|同比)(?:19|20)\d{2}(?=年)")
#: A part of an item's figure named by its scope alone ("其中本级1.53万元", "所属单位12万元").
_OF_SCOPES = lazy_compile(r"本级|下属|所属|二级单位|基层单位")
#: A scope wider than one table's, named right before a figure ("全区“三公”经费预算", "部门合计"), or the department's
#: own ("本部门2026年“三公”经费预算数为20.53万元" under a 本级 table, review19d): whether the table is of that scope is
#: no printed fact when its caption and 编制单位 line print no scope (`BasicData.scope` ""); when they print one,
#: `_printed_readings` decides instead (scope20).
_WIDER_SCOPE = lazy_compile(r"部门|系统合计|本系统|全(?:系统|省|市|州|县|区|镇|乡)")


def _years_named(texts: list[str]) -> list[str]:
    """The years a 三公 table's 说明 names as its subjects, most named first (of two named as often, the later) — a
    comparison's base ("比2025年预算减少", "与2025年预算持平") not counted."""
    years = Counter(y for text in texts for y in _YEAR.findall(_THREE_PUBLIC_BASE.sub("", text)))
    return sorted(years, key=lambda y: (years[y], y), reverse=True)


def _years_before(sentence: str, fact: Fact) -> list[str]:
    """The years the sentence names before the figure, not as a comparison's base ("2022年“三公”经费预算执行情况：公务
    接待费支出150万元": 2022)."""
    return _YEAR.findall(_THREE_PUBLIC_BASE.sub("", sentence.split(fact.quantity.text, 1)[0]))


def _a_level(fact: Fact) -> bool:
    """An item's amount itself (its 预算, 决算 or a bare figure), not a change or a rate of it."""
    return fact.role in ("value", "budget", "final") and not fact.direction and fact.quantity.unit != "%"


def _as_guess(issue: Issue, why: str, why_en: str) -> Issue:
    """`issue` resting on a reading of the 说明 (`why`): a 警告 that says it."""
    fields = dict(issue.fields)
    pairing = "；".join(p for p in (str(fields.get("pairing", "")).strip("（）"), why) if p)
    pairing_en = "; ".join(p for p in (str(fields.get("pairing_en", "")).strip(" ()"), why_en) if p)
    fields.update(pairing=f"（{pairing}）", pairing_en=f" ({pairing_en})")
    return dataclasses.replace(
        issue,
        fields=fields,
        certainty=Certainty.GUESS,
        basis=f"{issue.basis}；{why}",
        basis_en=f"{issue.basis_en}; {why_en}",
    )


def _three_public_sentences(sub: Submission, profile: ProfileLike) -> list[Issue]:
    """A “三公”经费 table's own sentences (its 说明 printed below it in the sheet, `BasicData.texts`) held to the table
    they stand under as a report's paragraphs are (`_check_claim`, N01): "（三）公务接待费1.63万元" under a 公务接待费 of
    1.53 (上海普陀 石泉路街道 2026, held-out batch 32; before, these sentences were read for their own arithmetic only).
    Only the figures of a 三公 item (its claims) are held, each sentence read as a paragraph of its own: another year's
    figure, a change on a stated base ("比2025年预算减少25万元") or on a budget are passed over as in a report."""
    cells = [c for c in sub.basic.texts if c.sheet is not None] if sub.basic is not None else []
    limits = Limits.from_env()  # the reading bound of a text (`readable`), once for all the sentences
    cells = [c for c in cells if isinstance(c.raw, str) and readable(c.raw, limits)]
    if not cells:
        return []
    texts = [plain_narrative(c.text, manual_breaks=False) for c in cells]
    own = dataclasses.replace(sub, narrative=tuple(Paragraph(TextRef(i + 1), t) for i, t in enumerate(texts)))
    # the table's year: the one its 说明 names most (not as a comparison's base); a 说明 naming two years as subjects
    # ("一、2026年预算…" and "二、2025年预算执行情况…", heading rows no text of the table) leaves which sentence speaks of
    # the table's year a reading — every comparison then a 警告 that says it (review19a)
    years = _years_named(texts)
    run = _Run(own, profile, {}, [], year=years[0] if years else "")
    own = run.sub = _another_years_basic(own, run.year)
    run.unit_lines, run.unread = unit_lines(own), unread_cells(own)
    run.facts = {i: extract_facts(text, i).facts for i, text in enumerate(texts)}
    run.values, run.narrative_units = settle_units(table_values(own), (f for fs in run.facts.values() for f in fs))
    # a 预算表 whose 说明 speaks of budgets and never of 决算: an item's bare amount in a sentence saying nothing of
    # spending ("（三）公务接待费1.53万元。与2025年预算持平。") is its budget, as certain as its words; a sentence with
    # 支出/实际/执行 stays the judgement a report's is (`_budget_of_a_budget_text`)
    roles = {role for _, role in run.values}
    of_budgets = (
        "budget" in roles
        and "final" not in roles
        and any("预算" in t for t in texts)
        and not any("决算" in t for t in texts)
    )
    kept: list[Issue] = []
    for i, cell in enumerate(cells):
        assert cell.sheet is not None
        plans = _plan_sentences(texts[i])
        said = sentences(texts[i])
        # per sentence, per claim: (the level figures of it, the N01 each fact raised)
        held: dict[tuple[int, str], tuple[int, list[tuple[Fact, list[Issue]]]]] = {}
        for fact in run.facts[i]:
            if fact.claim not in _THREE_PUBLIC_CLAIMS or fact.sentence in plans or fact.carried:
                continue
            if _part_of_its_own_kind(run.facts[i], fact):
                # a part of the item's figure ("其中本级8.53万元"): not held, but one of the sentence's figures of it
                n, found = held.get((fact.sentence, fact.claim), (0, []))
                held[(fact.sentence, fact.claim)] = (n + _a_level(fact), found)
                continue
            if of_budgets and fact.role == "value" and _of_no_spending(texts[i], fact):
                fact = dataclasses.replace(fact, role="budget")
            named = _years_before(said[fact.sentence] if fact.sentence < len(said) else texts[i], fact)
            if run.year and named and named[-1] != run.year:
                continue  # "2022年“三公”经费预算执行情况：公务接待费支出150万元" under the 2023 table: 2022's (review19a)
            budget = run.values.get((fact.claim, "budget"))
            if fact.role == "value" and "final" in roles and budget is not None and _holds(fact, budget):
                continue  # "公务接待费1.53万元，实际未发生支出" beside 预算 1.53 │ 决算 0: a bare amount, the table's 预算 (review19a)
            before = len(run.issues)
            _check_claim(run, i, cell.located(), fact)
            new = [issue for issue in run.issues[before:] if issue.code == "N01"]
            if new and own.basic is not None and own.basic.prev_budget and not named:
                # a table printing last year's 预算 too (no value of it is read): "公务接待费预算3万元" naming no year may
                # be either column's (昌宁县卡斯镇 2024's 2023年预算数 │ 2024年预算数) — a 警告 that says so (review19a)
                why, why_en = (
                    "表中同时印有上年预算数，该句未写年度，按本年数比较，系推测",
                    "the table prints last year's budget too",
                )
                new = [_as_guess(f, why, why_en + "; the sentence names no year") for f in new]
            n, found = held.get((fact.sentence, fact.claim), (0, []))
            held[(fact.sentence, fact.claim)] = (n + _a_level(fact), [*found, (fact, new)])
        for (si, claim), (n, facts) in held.items():
            scopes = [f for f in run.facts[i] if f.sentence == si and not f.claim and _OF_SCOPES.search(f.subject)]
            if own.basic is not None and own.basic.scope and sum(1 for s, _ in held if s == si) == 1:
                # "公务接待费：部门合计3.63万元，本级1.63万元" under a table printing "编制单位：…（本级）": the part named by the
                # table's own scope is the table's figure of the item — held to it as the item's (scope20)
                before = len(run.issues)
                for part in scopes:
                    # a part is never the department's whole: "所属单位0.90万元" reads the department's (review20d)
                    if _a_level(part) and said_scope(part.subject) == own.basic.scope != "department":
                        part = dataclasses.replace(part, claim=claim)
                        if of_budgets and part.role == "value" and _of_no_spending(texts[i], part):
                            part = dataclasses.replace(part, role="budget")  # as the item's own figure, above
                        _check_claim(run, i, cell.located(), part)
                kept += [issue for issue in run.issues[before:] if issue.code == "N01"]
                scopes = [] if len(run.issues) > before else scopes
            # a scope the table's caption prints as well was read by `_printed_readings` (one scope: certain; another:
            # not compared); one it does not print is a reading (scope20)
            wider = (
                own.basic is not None
                and not own.basic.scope
                and any(_WIDER_SCOPE.search(_around(f)[0]) for f, _ in facts)
            )
            levels = [issue for f, new in facts if _a_level(f) for issue in new]
            wrong = [issue for f, new in facts if not _a_level(f) for issue in new]
            if levels and (scopes or wider):
                # "公务接待费：部门合计3.53万元，其中本级1.53万元" under a 本级 table: which scope the table prints is no
                # printed fact — quiet when one of the item's figures agrees (its own, or one named by its scope alone,
                # "其中本级1.53万元") or a part of it is not held; else a 警告 saying so ("全区“三公”经费预算1444.16万元"
                # under 烈山区本级's table) (review19a)
                tvs = [tv for (c, _), tv in run.values.items() if c == claim]
                if len(levels) < n or any(_holds(f, tv) for f in scopes for tv in tvs):
                    levels = []
                why = "该句写明范围（部门、本级、所属单位或全区等），本表是否同一口径未印明，比较系推测"
                why_en = (
                    "the sentence names a scope (department, own level, units, whole district): the table's a reading"
                )
                levels = [_as_guess(f, why, why_en) for f in levels]
            wrong += levels
            if wrong and len(years) > 1:
                why = f"表下说明以{'、'.join(y + '年' for y in years)}为主语，按出现最多的{run.year}年作为本表年度比较，系推测"
                why_en = f"the note names years {', '.join(years)}; the table read as {run.year}'s (a reading)"
                wrong = [_as_guess(f, why, why_en) for f in wrong]
            kept += wrong
    return kept


def cross_check(sub: Submission, profile: ProfileLike = None) -> list[Issue]:
    """Every narrative issue of `sub` (N01 table mismatch, N02 arithmetic, N03 all-met claim, N04 unsupported);
    the 年度总体目标 cells' own arithmetic ("共完成89.97万元。其中：30万元…") is checked like a paragraph's (N02), and
    their money and 完成预算的% against their own table's funds total (N01; perfxl.document.goal_funds)."""
    original = sub.narrative  # as written: a figure broken after its point is said in its findings' basis
    if sub.narrative:  # full-width digits, traditional characters, soft returns: read as the one plain form
        # a paragraph past the reading bound is left out (its text empty): coverage, listed by `unread_texts`
        limits = Limits.from_env()
        plain = tuple(
            dataclasses.replace(p, text=plain_narrative(p.text) if readable(p.text, limits) else "")
            for p in sub.narrative
        )
        sub = dataclasses.replace(sub, narrative=plain)
    run = _Run(sub, profile, {}, [])
    check_goal_texts(run, sub)  # the 年度总体目标 cells (a 三公 table's sentences for N02): perfxl.document.goal_texts
    run.issues += _three_public_sentences(sub, profile)
    if not sub.narrative:
        return run.issues
    run.year = report_year(p.text for p in sub.narrative)
    tables = (*sub.evaluations, *sub.declarations)
    table_years = {y for t in tables for c in (t.period, t.title) if c for y in _TABLE_YEAR.findall(c.text)}
    if len(table_years) == 1:  # the year its own table states ("(2021年度)") over a count of the text's
        run.year = table_years.pop()
    sub = _another_years_basic(sub, run.year)
    run.values, run.indicators = table_values(sub), indicator_values(sub, profile)
    if sub.sum_tables:  # 功能分类表, 收支总表: their totals by the money they are of, their lines by name (table_lines)
        run.values = {**sum_table_values(sub), **run.values}
        run.lines = line_index(sub)
    run.unit_lines = unit_lines(sub)
    run.unread = unread_cells(sub)
    run.project = project_funds(sub)
    parsed: list[tuple[int, TextRef, ParagraphFacts]] = []
    uses: Fact | None = None  # a uses heading's total, carried through the numbered paragraphs after it
    for pi, p in enumerate(sub.narrative):
        carry = _closing_total(sub.narrative[pi - 1].text, parsed[-1][2].facts) if pi else None
        if pi:
            before, facts_before = sub.narrative[pi - 1].text, parsed[-1][2].facts
            heading = uses_heading_total(before, facts_before)
            # an item ending on its own uses heading ("1.…306.90万元，主要用于以下方面："): the items after it are its
            # uses, not the outer total's (review19d)
            going_on = opens_item(before) and not ends_on_uses_heading(before, facts_before)
            uses = heading or (uses if going_on else None)
            uses = uses if opens_item(p.text) else None
        carry = uses or carry
        parsed.append((pi, p.ref, extract_facts(p.text, pi, carry)))
    run.facts = {pi: pf.facts for pi, _, pf in parsed}
    # a table printing no unit: the one the narrative's agreeing figures state, else assumed per figure (a guess)
    run.values, run.narrative_units = settle_units(run.values, (f for _, _, pf in parsed for f in pf.facts))
    for pi, ref, pf in parsed:
        plans = _plan_sentences(sub.narrative[pi].text)  # once per paragraph
        for fact in pf.facts:
            if fact.sentence in plans or fact.carried:
                continue  # (a carried total is its own paragraph's figure, checked there)
            if _check_appropriation_sum(run, pi, ref, fact):
                continue  # "其中：财政拨款收入20323.21万元": the 收支总表's three 财政拨款 lines summed
            if fact.claim and _part_of_its_own_kind(pf.facts, fact):
                continue  # "实际支出1045万元，其中当年财政拨款支出960万元": one source's spending, not the whole
            if fact.claim:
                _check_claim(run, pi, ref, fact)
            elif (part := _part_of_the_tables_scope(run, pf.facts, fact)) is not None:
                _check_claim(run, pi, ref, part)  # "其中本级10.71万元" under a table printing 本级 (notes21)
            elif _check_table_line(run, pi, ref, fact):
                continue  # "一般公共服务支出（类）264.87万元": the 功能分类表's line of that name
            elif _check_project_money(run, pi, ref, fact):
                continue  # "古昌镇…绿化美化项目100万元", "全年预算数为200万元": the one project table's funds total
            elif (
                _project_spending(run, fact)
                and not (_BARE_SPENDING.fullmatch(fact.subject) and _told_of_another(run, pi, fact))
                and not _not_the_years_whole(run, pi, fact)
            ):  # "该项目…全年支出296.1万元", "执行数为179.43万元" in the project's own report
                role = "value" if "执行" in fact.subject else "final"  # "执行数" is its own label, not "执行数决算数"
                _check_claim(run, pi, ref, dataclasses.replace(fact, claim="expense", role=role))
            elif fact.role == "completion" and _spending_rate_only(fact):
                # "资金支出率为80%": a rate of its own figures (funds_arith), and where none are stated perhaps an
                # indicator's — compared as one, as before 支出率 was read as a rate (the 自评表's 执行率 is 执行率's)
                _check_indicator(run, pi, ref, dataclasses.replace(fact, role="value"))
            elif fact.role == "completion":
                _check_execution_rate(run, pi, ref, fact)
            elif fact.subject:
                _check_indicator(run, pi, ref, fact)
    stated = [(ref, s) for _, ref, pf in parsed for s in pf.indicators]
    for pi, ref, pf in parsed:
        _relations(run, pi, ref, pf.facts, sub.narrative[pi].text)
        # rgaps19: rates whose whole only a table prints, "本部门2024年无“三公”经费预算" beside a table printing it
        # (table_wholes); a rate restated 剔除… (levels_apart)
        check_table_wholes(run, pi, ref, pf.facts)
        check_none_stated(run, pi, ref, sub.narrative[pi].text)
        check_adjusted_rates(run, pi, ref, pf.facts)
        check_defined_shares(run, pi, ref, pf.facts)  # shares of a whole only its defined items make (real reports 25)
        check_named_whole_shares(run, pi, ref, pf.facts)  # a share of a whole named and printed before (reports 28)
        check_multiples(run, pi, ref, pf.facts)  # "X，是Y的n倍" (prose27)
        check_compared_budgets(run, pi, ref, pf.facts)  # a change/rate on a budget printed in its clause (reports 28)
        _listed(run, ref, sub.narrative[pi].text, sub.narrative[pi - 1].text if pi else "")
        _budget_by_parts(run, ref, sub.narrative[pi].text)
        if sub.evaluations:
            check_group_points(run, ref, sub.narrative[pi].text)
        check_stated_grade(run, ref, sub.narrative[pi].text)
        check_budget_gaps(run, pi, ref, pf.facts, sub.narrative[pi].text)
        check_named_gaps(run, pi, ref, pf.facts, sub.narrative[pi].text)
        check_respective_lists(run, ref, sub.narrative[pi].text)
        check_score_parts(run, ref, sub.narrative[pi].text)
        if pf.goal is not None and (sub.evaluations or stated):
            _goal(run, ref, pf.goal, stated)
        one_figure_once(run, pi)
    _check_opening_lines(run)
    _check_stageless(run)
    check_spread_lists(run, parsed, [p.text for p in sub.narrative])  # a 其中 list over paragraphs (doc22)
    check_spread_shares(run, parsed, [p.text for p in sub.narrative])  # its parts' named shares (reports 30)
    check_implied_wholes(run, parsed)  # shares of one unprinted whole implying two (prose27)
    for pi, ref, pf in parsed:  # after every paragraph's own checks: a level in doubt there judges no other (rgaps19)
        check_changes_apart(run, pi, ref, pf.facts)
        check_rates_apart(run, pi, ref, pf.facts)  # a change rate whose level only another paragraph prints (prose24)
        check_bases_apart(run, pi, ref, pf.facts)  # …and one whose base only another paragraph prints (prose26)
        check_multiples_apart(run, pi, ref, pf.facts)  # "X，是上年的n倍", 上年's figure in another paragraph (prose28)
        check_shares_apart(run, pi, ref, pf.facts)  # a share of a whole only another paragraph prints (prose28b)
        check_averages(run, pi, ref, pf.facts)  # a per-thing figure against its total over its count (prose24)
    for pi, facts in sorted(run.unsupported.items()):
        ref = sub.narrative[pi].ref
        claims = "、".join(f"“{f.label}{f.quantity.text}”" for f in facts)
        run.issues.append(
            Issue(
                "N04",
                ref,
                {"where": _where(ref), "claims": claims, "why": _NO_ROW, "why_en": _NO_ROW_EN},
                actual=claims,
                basis=f"{_where(ref)}：{claims} 在已读入的表格中没有同名或同义的行、指标",
                basis_en="no table row or indicator of the same name or a synonym",
            )
        )
    for pi, unread in sorted(run.unreadable.items()):
        run.issues.append(_unread_issue(sub.narrative[pi].ref, unread))
    return _with_split_decimals(run.issues, original)


def _with_split_decimals(issues: list[Issue], paragraphs: tuple[Paragraph, ...]) -> list[Issue]:
    """Each finding at a paragraph holding a figure broken after its decimal point ("35. 3万元", read as 35.3万元 by
    `plain_narrative`) says so in its basis: the reading is perfxl's, and a person may check it (prose24)."""
    split = {p.ref: figures for p in paragraphs if (figures := split_decimals(p.text))}
    if not split:
        return issues
    out = []
    for issue in issues:
        broken = split.get(issue.ref) if isinstance(issue.ref, TextRef) else None
        if broken:
            said = "、".join(f"“{f}”" for f in broken)
            issue = dataclasses.replace(
                issue,
                basis=f"{issue.basis}；原文{said}小数点后有空格（PDF 换行所致），按一个数字读",
                basis_en=f"{issue.basis_en}; {', '.join(broken)} read as one figure (a space after the point)",
            )
        out.append(issue)
    return out


#: Why an N04 figure could not be checked: no row of its name (the default), or its row's cell unreadable.
_NO_ROW, _NO_ROW_EN = "在表格中找不到对应的数据", "has no counterpart in the tables"


def _unread_issue(ref: TextRef, unread: list[tuple[Fact, CellValue]]) -> Issue:
    """N04 for a paragraph's figures whose table row is there but whose cell holds no readable figure (C02's damaged
    "1.1O31"): perfxl could not read the cell — said so, with the cell, not "no such row" (polish14)."""
    claims = "、".join(f"“{f.label}{f.quantity.text}”" for f, _ in unread)
    cells = "、".join(dict.fromkeys(f"{c.place()}（“{c.text}”）" for _, c in unread))
    return Issue(
        "N04",
        ref,
        {
            "where": _where(ref),
            "claims": claims,
            "why": f"对应的表格单元格 {cells} 未能读取为数字",
            "why_en": f"stands for the table cell {cells}, which could not be read as a figure,",
        },
        actual=claims,
        related=tuple(dict.fromkeys(c.located() for _, c in unread if c.sheet is not None)),
        basis=f"{_where(ref)}：{claims} 对应表格中的 {cells}，该单元格未能读取为数字（见 C02），未能核对",
        basis_en="its table row is there, but the cell could not be read as a figure (see C02): not checked",
    )
