"""The narrative's own money arithmetic (N02): shares, 完成预算的% and 增减率 of its own figures, 其中 (and 一是/二是,
具体是) parts against their total, a rate or a 结余 after a budget and a spending of its sentence, and counts that make a
total (年初 + 年中增加), and an arrival rate (到位 / 计划). Pure: facts in, `Issue`s into the run."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from ..model import CellRef, Certainty, FundsRow, TextRef
from ..numbers import HUNDRED, fmt_decimal, round_half_up
from ..numerals import chinese_int
from ..patterns import lazy_compile
from ..units import convert
from .added_totals import check_added_totals, check_balances
from .change_parts import check_change_parts
from .compared_budget import is_compared_budget
from .completion_gap import check_completion_by_gap
from .count_parts import _paired_by_place, _split_dimension, check_count_parts
from .facts import (
    _ANY_WHOLE,
    _SHARE_OF,
    _SPLIT_HEADING,
    _YEAR_NAMED,
    COMES_TO,
    ITEM_JOIN,
    RESPECTIVE_SHARES,
    RESPECTIVELY,
    SPLIT_OF_WHOLE,
    Fact,
    compact_name,
    sentences,
    shares_name_their_whole,
)
from .indicator_arith import _completion_of_target
from .part_scope import set_apart_word
from .precision import (
    Interval,
    _about_interval,
    _approximate,
    _around,
    _before,
    _bound,
    _bound_holds,
    _cell_interval,
    _cell_number,
    _interval,
    _is_cell,
    _rate_agrees,
    _ratio,
    _rounded,
    _show,
    range_low,
)
from .rate_from_nothing import check_rate_from_nothing
from .rate_gaps import check_rate_gaps
from .respective_lists import check_rates_over_stated_bases
from .run_state import (
    _arith,
    _operand,
    _Run,
    _sum_in,
    _where,
    contradict,
    n02,
    part_low,
    unit_assumed,
    whole_wan_in_yuan,
)
from .sources_overspent import check_sources_overspent
from .stated_changes import (
    check_budget_shortfalls,
    check_changes_between_levels,
    check_rate_between_levels,
    check_stated_changes,
    is_stated_change,
)
from .stated_sums import SPENDING_WORDS, check_stated_sums
from .unpaid_bound import check_unpaid_bound
from .vocabulary import CLAIM_ZH, DECOMPOSITIONS

#: A spending named by its verb, or by the verb and what of the money it counts ("执行数", "执行金额", "支出金额":
#: 承德 农业农村局 2023, "项目执行金额2856.63万元,执行率87.43%" — reports40).
_SPENT = lazy_compile(r"(支出|执行|使用|拨付|支付|完成)(?:数|金额|额)?$")
_BUDGET = lazy_compile(r"(预算|批复|下达|安排)")
#: The budget accounts' and funds' names, which hold 预算 but name no budget figure ("中央一般公共预算收入100462.06亿元,
#: 为预算的98.1%。…支出141055.9亿元,完成预算的97.9%": the 收入 was the 支出's budget, '应为 140.4%', 南都 2024; "从预算
#: 稳定调节基金、政府性基金预算…调入资金25410.5亿元", 财政部 2024 摘要 — reports33).
_ACCOUNT = lazy_compile(r"(?:一般公共|一般|公共财政|政府性基金|国有资本经营|社会保险基金)预算|预算稳定调节基金")
_BUDGET_OR_ARRIVED = lazy_compile(r"(预算|批复|下达|安排|到位)")
#: The money a project has, stated as its total ("项目资金共2179万元", "资金总额"): a base for the rate after its payment
#: (西平 2022/2023, tests/test_reports11.py) unless its words name a spending ("支出资金共"); a bare 项目资金 the same.
_MONEY_TOTAL = lazy_compile(r"资金(共计?|总额|合计)$|^(?:项目)?资金$")
_ADDED = lazy_compile(r"(追加|调增|增加|上年结转|结转资金)")
_REDUCED = lazy_compile(r"(调减|收回|核减|减少|压减)")
#: Money leaving the year (结转下年) is no part of its budget; 含 in brackets is already inside the figure before.
_NOT_THIS_YEARS = lazy_compile(r"(下年|下一年|以后年度|往年)")
#: A rate that is not this year's budget execution: a target, last year's, an average, a plan, procurement.
_OTHER_RATE = lazy_compile(r"(目标|指标值|上年|去年|平均|计划|设定|要求|标准|考核|采购|工程|合同)")
#: The year's plan printed inside a completion rate's words ("占年计划75000万元的110.5%", 华容 2023, real reports 31): the
#: base the rate is of (`facts._INLINE_BUDGET`), so no 计划 naming a planned rate.
_PLAN_PRINTED = lazy_compile(r"(?:完成|占)(?:年|年度|全年)?计划数?[\d.,，]+[万亿]?元的\s*$")
#: An execution rate over money other than the budget: "到位资金执行率100%", "执行率100%（按到位资金计算）" — money arrived or
#: allotted, which the 自评表's 全年执行数 / 全年预算数 is not (issue 11).
_BASE_BEFORE = lazy_compile(r"(到位|下达|拨付|拨入)(资金|金额|数)?的?(执行|支出|使用)率")
_BASE_AFTER = lazy_compile(r"\s*[（(]?\s*(按|以)[^）)，,。；;]{0,8}(到位|下达|拨付|拨入)")


def _named(fact: Fact) -> str:
    """A fact's name for a message: its subject as written, else its role's name ("2023年度支出决算1000万元" → 决算数)."""
    return fact.subject or fact.label or "总数"


def _another_base(fact: Fact) -> bool:
    """The rate's own words put it over money arrived or allotted, not the budget (`_BASE_BEFORE`, `_BASE_AFTER`)."""
    head, tail = _around(fact)
    return bool(_BASE_BEFORE.search(head) or _BASE_AFTER.match(tail))


#: Words naming which money a figure is: a spending so named is not paired with a budget that does not say it.
_WHICH_MONEY = lazy_compile(r"(财政|中央|省级|市级|县级|自筹|专项|衔接|社会)")


#: A payment naming the money after its verb ("目前已拨付财政补助资金1002.2739万元", "累计支付项目资金"): spent, as
#: "…资金已拨付" is (秀屿 2024, reports33). Only a payment already made (已/累计/实际): "拨付资金" alone may be a plan.
_PAID_MONEY = lazy_compile(r"(?:已经?|累计|实际)(?:拨付|支付|兑付|支出|使用)[^，,。;；]{0,10}(?:资金|经费|款)$")


def _paid_money(f: Fact) -> bool:
    """A payment naming its money (`_PAID_MONEY`) in the figure's subject or its own words: the subject drops 实际 and
    累计 (facts' leading words), so "实际使用资金…" is read from the clause (reports40)."""
    return bool(_PAID_MONEY.search(f.subject) or _PAID_MONEY.search(compact_name(_around(f)[0])))


def _spending_before(facts: tuple[Fact, ...], at: Fact) -> tuple[list[Fact], Fact] | None:
    """The money figures before `at` in its sentence (no 其中 parts) and the one spending among them ("实际支出…", or
    the named item's 决算: "三公经费…，实际支出…"); None unless exactly one."""
    before = [f for f in facts[: at.index] if f.sentence == at.sentence and f.quantity.is_money and f.parent is None]
    spent = [
        f for f in before if f.role == "final" or (f.role == "value" and (_SPENT.search(f.subject) or _paid_money(f)))
    ]
    return (before, spent[0]) if len(spent) == 1 else None


def _budget_readings(
    run: _Run, pi: int, before: list[Fact], paid: Fact, named: set[str], *, arrived: bool = False
) -> tuple[list[tuple[Interval, Decimal, str]], tuple[Fact, ...]] | None:
    """The budgets the spending `paid` may be measured against, each with its range, point value and text: every
    budget named before it (预算/批复/下达/安排; with `arrived` also 资金到位), alone plus what was added (年中追加,
    上年结转) and less what was cut (调减, 收回); never money leaving the year (结转下年) nor a figure in brackets. A
    spending naming its money (财政资金…) takes only a budget naming it too. None when nothing can be read."""
    earlier = [
        f
        for f in before
        if f.index < paid.index and _before(f) is not None and not _NOT_THIS_YEARS.search(f.subject + f.clause)
    ]
    words = {f.index: _around(f)[0] or f.subject for f in earlier}  # its own words, not a carried subject
    # (a change against a named base — "调整后预算180万元,比年初预算减少20万元" — is two printed budgets' difference,
    # no money cut from or added to either: taken off the 180 again, a false 警告 "180 − 20", review29m)
    moved = [f for f in earlier if not is_stated_change(f)]
    reduced = [f for f in moved if _REDUCED.search(words[f.index])]
    added = [f for f in moved if _ADDED.search(words[f.index]) and f not in reduced]
    base_words = _BUDGET_OR_ARRIVED if arrived else _BUDGET
    bases = [
        f
        for f in earlier
        if (
            f.role == "budget"
            or (base_words.search(_ACCOUNT.sub("", f.subject)) and not _SPENT.search(f.subject))
            or (_MONEY_TOTAL.search(f.subject) and not SPENDING_WORDS.search(f.subject))
        )
        and f not in added
        and f not in reduced
    ]
    bases += [f for f in earlier if f.subject == "合计" and _sums_no_spending(earlier, f, paid)]
    bases = bases or _opening_fund(before, earlier, added, reduced)
    bases = [f for f in bases if named <= set(_WHICH_MONEY.findall(f.subject))]  # 财政资金支出 → a 财政资金 budget
    if not bases:
        return None
    unit = paid.quantity.unit
    readings: list[tuple[Interval, Decimal, str]] = []
    for base in bases:
        # "年初预算100万元,年中追加20万元,全年预算120万元": a budget named as the year's whole after what was added holds it
        holds = added and base.index > max(f.index for f in added) and _WHOLE_BUDGET.search(words[base.index])
        parts = [base] if holds else [base, *added]
        summed = _sum_in(run, pi, parts, unit)
        cut = _sum_in(run, pi, reduced, unit)
        if summed is None or cut is None:
            return None
        budget, point = summed
        budget, point = Interval(budget.lo - cut[0].hi, budget.hi - cut[0].lo), point - cut[1]
        if point <= 0:
            return None
        text = " + ".join(f.quantity.text for f in parts) + "".join(f" − {f.quantity.text}" for f in reduced)
        readings.append((budget, point, text))
    return readings, (*bases, *added, *reduced)


#: A fund named by its kind ("州级补助资金", "专项资金", "工作经费"): the money a project was given, when it opens its sentence.
_FUND_NAME = lazy_compile(r"(资金|经费)$")
#: Words making a fund's figure something other than what it was given: spent, arrived, left, carried, added, earned —
#: or a whole of more than the year ("项目总投资资金500万元", "合同资金", "中标资金": what a project costs over its years
#: or a contract's price, not the year's money a rate is over; review15b).
_NOT_GIVEN = lazy_compile(
    r"(支出|执行|使用|拨付|支付|到位|结余|结转|剩余|追加|调整|收入|累计|自筹|配套|投资|合同|中标|概算|估算)"
)


def _opening_fund(before: list[Fact], earlier: list[Fact], added: list[Fact], reduced: list[Fact]) -> list[Fact]:
    """ "国家基本公共卫生服务项目州级补助资金2.00万元,截至2023年12月31日,资金已使用2.00万元,结余0万元,资金执行率100%"
    (红河州二院 2023, tests/test_reports17.py): no budget word, but the sentence opens with the fund named by its kind
    and its amount — the whole its use, its 结余 and its rate are told of. Only that first figure, only when it is the
    one fund figure before the spending (not "中央资金5万元,省级资金3万元,已支出8万元": sources, no one whole) and names
    nothing spent, arrived, left or added, nor a whole of more than the year (总投资, 合同). Paired by place: the checks
    it feeds are judgements (警告)."""
    if not before or before[0] not in earlier or added or reduced or len(earlier) > 1:
        return []  # (another figure before the spending — "实际到位80万元", "已下达80万元" — may be the base: unread)
    first = before[0]
    words = _around(first)[0] or first.subject
    funds = [f for f in earlier if _FUND_NAME.search(f.subject)]
    if funds != [first] or not _FUND_NAME.search(first.subject) or _NOT_GIVEN.search(words + first.subject):
        return []
    return [first]


#: A budget's own words naming it the year's whole, after what was added ("全年预算", "调整后预算", "合计", "预算总额").
_WHOLE_BUDGET = lazy_compile(r"(全年|调整后|调整为|合计|共计|总计|总额|总预算|累计)")


def _sums_no_spending(earlier: list[Fact], total: Fact, paid: Fact) -> bool:
    """A 合计 ("A项目30万元,B项目40万元,C项目50万元,合计120万元,已支出108万元") of amounts before it in its sentence
    that name no spending: the money the spending after it is measured against (its parts' words: "A项目支出30万元,…,
    合计…" sums spendings — no base). Not when the spending names one of them ("…,合计120万元,A项目已支出27万元"): that
    item's money is its base, not the sum's."""
    summed = [f for f in earlier if f.index < total.index and f.sentence == total.sentence]
    spent_words = paid.subject + (_around(paid)[0] or "")
    return (
        len(summed) >= 2
        and not any(f.role == "final" or SPENDING_WORDS.search(_around(f)[0] or f.subject) for f in summed)
        and not any(f.subject and f.subject in spent_words for f in summed)
    )


def _a_budget_parts_spending(run: _Run, pi: int, facts: tuple[Fact, ...], paid: Fact, rate: Fact) -> bool:
    """The spending right after a 其中 part of the budget, in its sentence ("本项目预算资金100万元,其中设备购置60万元,执行
    金额57万元,执行率95%"), may be that part's: a rate agreeing with it over that part is the part's (review33: a false
    N02 警告 '应为 57%'). Agreeing with no such reading, it is read as before."""
    part = facts[paid.index - 1] if paid.index else None
    if (
        part is None
        or part.parent is None
        or part.sentence != paid.sentence
        or part.quantity.unit != paid.quantity.unit
    ):
        return False
    computed = _ratio(_operand(run, pi, paid), _operand(run, pi, part))
    return computed is not None and _rate_agrees(rate, computed)


def _a_parts_own_rate(run: _Run, pi: int, facts: tuple[Fact, ...], paid: Fact, rate: Fact) -> bool:
    """The rate stands inside the spending's 其中 list, after a part ("实际支出90万元,其中:人员经费60万元,执行率100%;公用经费
    30万元,…") and agrees with that part over the same-named part of a budget (人员经费 60 of 60): the part's rate, not the
    whole's (review32: a false N02 警告 '应为 90%'). Agreeing with no such budget, it is read as before."""
    listed = [f for f in facts[paid.index + 1 : rate.index] if f.parent == paid.index]
    if not listed or not any(f.parent == paid.index for f in facts[rate.index + 1 :]):
        return False
    part = listed[-1]
    budgets = [
        f
        for f in facts
        if f.index != part.index
        and f.role == "budget"
        and f.subject == part.subject
        and f.quantity.unit == part.quantity.unit
    ]
    for budget in budgets:
        computed = _ratio(_operand(run, pi, part), _operand(run, pi, budget))
        if computed is not None and _rate_agrees(rate, computed):
            return True
    return False


def _rate_by_place(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], rate: Fact) -> None:
    """ "下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率99%": names that do not pair, so the rate
    is taken against the one spending and the budgets before it in its own sentence — each budget alone, or one
    plus what was added (年中追加, 上年结转) — and is a 警告 only when no reading gives it. Only the first rate
    after the spending, and never a target, last year's or an average rate."""
    if _OTHER_RATE.search(rate.clause) or _another_base(rate):
        return
    found = _spending_before(facts, rate)
    if found is None:
        if not _rate_in_run(run, pi, ref, facts, rate):
            _spent_over_spent_and_left(run, pi, ref, facts, rate)
        return
    before, paid = found
    if any(f.role == "completion" and f.sentence == rate.sentence for f in facts[paid.index + 1 : rate.index]):
        return  # a second rate after the first: the year's rate was the first
    if _a_parts_own_rate(run, pi, facts, paid, rate) or _a_budget_parts_spending(run, pi, facts, paid, rate):
        return
    named = set(_WHICH_MONEY.findall(paid.subject + rate.subject))
    got = _budget_readings(run, pi, before, paid, named)
    got = _with_named_parts(run, pi, facts, paid, got)
    a_sentence_before = got is None and (got := _base_a_sentence_before(run, pi, facts, paid, named)) is not None
    if got is None:
        if not _rate_in_run(run, pi, ref, facts, rate):
            _spent_over_spent_and_left(run, pi, ref, facts, rate)
        return
    readings: list[tuple[Interval, Decimal, str]] = []
    for budget, point, text in got[0]:
        computed = _ratio(_operand(run, pi, paid), budget)
        if computed is None:
            return
        readings.append((computed, paid.quantity.value / point * HUNDRED, text))
    mixed = ""
    if any(_rate_agrees(rate, computed) for computed, _, _ in readings):
        one_way = _printed_one_way(run, pi, paid, got[1]) if len(got[1]) == 1 else None
        if one_way is None or _rate_agrees(rate, one_way):
            return
        readings = [(one_way, readings[0][1], readings[0][2])]
        mixed = "，且只有一数四舍五入、另一数截去尾数（同一句中两种写法）才得出文字的比例"
    computed, point, budget_text = readings[-1]  # the last budget named (an adjusted one), with what was added
    others = "、".join(t for _, _, t in readings[:-1])
    _arith(
        run,
        pi,
        ref,
        facts,
        rate,
        computed,
        point,
        f"“{rate.subject}”完成预算的比例（支出 {paid.quantity.text} / 预算 {budget_text}）",
        f"{rate.subject}: spending / budget",
        (paid, *got[1]),
        (
            "预算数在上一句（唯一一笔预算或到位资金），与本句的支出按位置配对"
            if a_sentence_before
            else "预算数与支出数按同一句中的位置配对（名称不同）"
        )
        + (f"，按预算 {others} 计算也不相符" if others else "")
        + mixed,
    )


_OWN_WORDS = lazy_compile(r"[，,、；;。：:\d]")
#: A spending's own words naming only its payment, no item ("已拨付", "资金已全部支付", "累计使用", "实际支出"):
#: whose money it is, the figure before it says (`_with_named_parts`).
_BARE_PAYMENT = lazy_compile(
    r"(?:目前|当前|现|年底|年末|日|月底)?(?:资金)?(?:已经?|累计|实际)(?:全部|全额|足额)?"
    r"(?:拨付|支付|兑付|报账|使用|支出|下拨|执行)(?:到位|完毕)?(?:资金|金额)?"
)


def parts_spent_from(facts: tuple[Fact, ...], paid: Fact, *, by_place: bool = True) -> tuple[list[Fact], bool]:
    """The 其中 parts of the spending's sentence it may be paid out of, and whether its own words name them: each part
    its words right before its figure name ("A项目实际支出27万元"), else — `by_place`, its words naming nothing but its
    payment ("已拨付", `_BARE_PAYMENT`) — the part right before it ("其中中央资金60万元,已拨付50万元")."""
    # the spending's own words right before its figure (not the clauses before them)
    words = _OWN_WORDS.split(_around(paid)[0] or "")[-1]  # (not its subject: "省级资金的支出" may be carried)
    before = [
        f
        for f in facts[: paid.index]
        if f.parent is not None and f.sentence == paid.sentence and f.quantity.is_money and f.subject
    ]
    named = [f for f in before if f.subject in words]
    if named or not by_place or not _BARE_PAYMENT.fullmatch(compact_name(words)):
        return named, True
    return [f for f in before if f.index == paid.index - 1], False


def _with_named_parts(
    run: _Run,
    pi: int,
    facts: tuple[Fact, ...],
    paid: Fact,
    got: tuple[list[tuple[Interval, Decimal, str]], tuple[Fact, ...]] | None,
) -> tuple[list[tuple[Interval, Decimal, str]], tuple[Fact, ...]] | None:
    """`got` with a 其中 part of the spending's sentence that the spending names as a base too ("全年预算资金70万元,其中
    A项目30万元,B项目40万元,A项目实际支出27万元,执行率90%": 27 / 30, review 12 — the 70 alone was a 警告 '应为 39%'),
    last: the base the message names. A spending naming nothing but its payment ("已拨付", "已支出") right after a 其中
    part is that part's as much as the whole's ("项目资金100万元,其中中央资金60万元,已拨付50万元,未拨付10万元": 60 − 50,
    prose23 — the 100 alone was a 警告 '应为 50万元'): the part is a base too, beside the readings `got` holds (never the
    only one)."""
    parts, named = parts_spent_from(facts, paid, by_place=got is not None)  # (by place: another reading only)
    readings = [(s[0], s[1], f.quantity.text) for f in parts if (s := _sum_in(run, pi, [f], paid.quantity.unit))]
    if not readings:
        return got
    if not named:
        # a part read by place only: never more than paid out of it ("其中中央资金60万元,省级资金40万元,已支出90万元": the
        # whole's — review23r, 40 − 90 was named "应为 -50万元"), and the whole stays the base the message names
        readings = [r for r in readings if r[1] >= paid.quantity.value]
        return (readings + got[0], (*parts, *got[1])) if readings and got else got
    return (got[0] if got else []) + readings, (*(got[1] if got else ()), *parts)


#: Words making money the sum of several periods ("累计下达资金500万元", "历年", "项目总投资"): no one year's base.
_CUMULATIVE = lazy_compile(r"累计|历年|总投资|计划投资|截至目前|以来")
_YEAR_OF = lazy_compile(r"((?:19|20)\d{2})\s*年")
#: Money carried in from years before ("上年结转资金", "以前年度结余"): a payment of it is not of the year's money.
_CARRIED_IN = lazy_compile(r"上年结[转余]|以前年度|历年结[转余]")


def _another_period(base: Fact, paid: Fact) -> bool:
    """The money a sentence before is of another period than the spending: cumulative where the spending is not, or
    each naming a different year ("2021年下达资金300万元。2022年实际支出180万元,支出率为90%": review12n — was a 警告
    '应为 60%')."""
    base_words, paid_words = base.subject + base.clause, paid.subject + paid.clause
    if _CUMULATIVE.search(base_words) and not _CUMULATIVE.search(paid_words):
        return True
    if _CARRIED_IN.search(paid_words) and not _CARRIED_IN.search(base_words):
        return True  # "…专项资金共计2373.51万元。…。目前已拨付上年结转资金500万元,实际支出率80%": last year's money (review28r)
    years, paid_years = set(_YEAR_OF.findall(base_words)), set(_YEAR_OF.findall(paid_words))
    return bool(years and paid_years and not years & paid_years)


def _base_a_sentence_before(
    run: _Run, pi: int, facts: tuple[Fact, ...], paid: Fact, named: set[str]
) -> tuple[list[tuple[Interval, Decimal, str]], tuple[Fact, ...]] | None:
    """ "…的14856.17万元资金全部拨付到位,资金到位率100%。实际形成支出14474.11553万元,支出率97.43%。": the rate's sentence
    names the spending and no budget, the sentence right before (over sentences with no amount or rate) names exactly
    one money figure, a budget or the money arrived (预算/下达/安排/到位) — the base the rate is measured over (云南 航空
    消防 2024, issue 12). The spending must open its sentence's money (nothing but it before the rate). Paired by place
    across a sentence: a judgement."""
    if paid.sentence == 0 or any(
        f.quantity.is_money and f.index != paid.index
        for f in facts
        if f.sentence == paid.sentence and f.index < paid.index
    ):
        return None
    # the nearest sentence before with money, over sentences with no amount or rate ("…共计2373.51万元,执行率100%。经各
    # 相关镇组织9个…村…。…。目前已拨付…1002.2739万元,…实际支出率42.22%": 秀屿 2024, reports33)
    earlier = [f for f in facts if f.sentence < paid.sentence and (f.quantity.is_money or f.quantity.is_percent)]
    last = max((f.sentence for f in earlier), default=-1)
    prior = [f for f in earlier if f.sentence == last and f.quantity.is_money]
    if len(prior) != 1 or prior[0].parent is not None or _another_period(prior[0], paid):
        return None
    got = _budget_readings(run, pi, prior, paid, named, arrived=True)
    return got if got is not None and len(got[0]) == 1 else None


def _printed_one_way(run: _Run, pi: int, paid: Fact, bases: tuple[Fact, ...]) -> Interval | None:
    """paid / base with both figures printed the same way — both rounded half up, or both cut short — the hull of the
    two readings. `_interval` lets each printed figure be either, so "下达50万元,已拨付10万元,执行率22.22%" agrees through
    10.99 (cut) / 49.5 (rounded); one sentence's amounts are written one way (昌宁 2022, tests/test_reports11.py). None
    unless one exact budget (no 约, no figure refined by a table cell) in the spending's unit or one that converts."""
    (base,) = bases
    if any((pi, f.index) in run.refined or _approximate(f) or f.direction for f in (paid, base)):
        return None
    factor = convert(Decimal(1), base.quantity.unit, paid.quantity.unit).factor
    if not factor:
        return None
    hull: Interval | None = None
    for cut in (False, True):
        part, whole = (
            Interval(f.quantity.value, f.quantity.value + f.quantity.step)
            if cut
            else Interval(f.quantity.value - f.quantity.step / 2, f.quantity.value + f.quantity.step / 2)
            for f in (paid, base)
        )
        ratio = _ratio(part, whole.scaled(factor))
        if ratio is None:
            return None
        hull = ratio if hull is None else Interval(min(hull.lo, ratio.lo), max(hull.hi, ratio.hi))
    return hull


def _rate_in_run(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], rate: Fact) -> bool:
    """ "其中中央财政资金全年预算数1800万元,全年执行数1200万元,当前预算执行率66.67%;地方财政资金全年预算数…": a funds block
    copied from the 自评表 gives each source its budget, spending and rate in a run of the sentence that ends at the
    rate (it starts after the sentence's previous rate). When the run holds exactly two money figures, a budget and
    then a spending, the rate is spending / budget — also for a 其中 part, whose own run it is. Paired by place within
    the run: a judgement (警告 at most). True when the run had this shape (whether or not the rate agrees)."""
    money = _run_money(facts, rate)
    if len(money) != 2:
        return False
    budget, paid = money
    if not _is_spending(paid):
        return False
    like = "" if _is_budget(budget) else _like_the_run_before(facts, rate, budget, paid)
    if not (_is_budget(budget) or like):
        return False
    if _NOT_THIS_YEARS.search(budget.subject + budget.clause) or _approximate(budget) or _approximate(paid):
        return False
    return _rate_over(
        run,
        (pi, ref, facts, rate),
        paid,
        [budget],
        f"“{rate.subject}”完成预算的比例（支出 {paid.quantity.text} / 预算 {budget.quantity.text}）",
        f"{rate.subject}: spending / budget of its own run",
        "预算数与支出数按比率所在分段（句中上一比率之后）的位置配对" + like,
    )


def _run_money(facts: tuple[Fact, ...], rate: Fact) -> list[Fact]:
    """The money figures of a rate's run: from the sentence's previous rate (or its start) to the rate."""
    money: list[Fact] = []  # walked back from the rate to the run's start
    for f in reversed(facts[: rate.index]):
        if f.sentence != rate.sentence or f.role == "completion":
            break
        if f.quantity.is_money:
            money.insert(0, f)
    return money


def _like_the_run_before(facts: tuple[Fact, ...], rate: Fact, item: Fact, paid: Fact) -> str:
    """ "其中,法院执行年初预算数6万元,年末结算支出6万元,…比率为100%;案件审判411.95万元,年末结算支出411.95万元,…比率为
    100%": a run naming its first amount by its item alone (no money word), after a run of the same sentence written
    budget, spending, rate with the same spending and rate words (or after one written like that) — the item's amount is its budget as in the run before
    (narr13; 儋州法院 2018). The note saying so (a judgement, as every pairing by place), or "" when not so written."""
    words = _around(item)[0] or item.subject
    if item.role != "value" or SPENDING_WORDS.search(words) or _MONEY_MOVED_WORDS.search(words):
        return ""
    if _AMOUNT_KIND.search(words):
        return ""  # "B项目合同金额500万元", "总投资…", "2020年…": an amount of a kind named, not the item's budget

    prev = next((f for f in reversed(facts[: rate.index]) if f.role == "completion"), None)
    if prev is None or prev.sentence != rate.sentence or prev.subject != rate.subject:
        return ""
    before = _run_money(facts, prev)
    if len(before) != 2 or not _is_spending(before[1]) or _approximate(item):
        return ""
    spent = _own_words(paid)  # "实际支出" in both runs, though each subject names its item ("A项目的支出", review13n)
    if spent != _own_words(before[1]) if spent else before[1].subject != paid.subject:
        return ""
    if not (_is_budget(before[0]) or _like_the_run_before(facts, prev, *before)):  # a third run like the second
        return ""
    spent = spent or paid.subject
    return f"；“{item.subject}”的金额未写明是预算，按句中前一分段同样的写法（预算、{spent}、{rate.subject}）读作其预算"


def _own_words(fact: Fact) -> str:
    """The words right before a figure in its clause, after the last punctuation or figure ("实际支出")."""
    return compact_name(_OWN_WORDS.split(_around(fact)[0] or "")[-1])


#: Words naming what kind of amount follows an item ("合同金额", "总投资", "中标价", "资金缺口", "自筹资金", a year): the
#: amount is named by more than its item, and is not read as its budget (review13n).
_AMOUNT_KIND = lazy_compile(
    r"金额|资金|经费|款|投资|价|量|缺口|概算|审计|合同|申请|计划|完成|共|总|合计|约|\d|上年|去年|同期"
)
#: Words of money arriving, left or added — an amount so named is no item's budget (`_like_the_run_before`).
_MONEY_MOVED_WORDS = lazy_compile(r"到位|下达|结余|结转|追加|调整|收入|累计")


def _rate_over(
    run: _Run,
    where: tuple[int, TextRef | CellRef, tuple[Fact, ...], Fact],
    part: Fact,
    base: list[Fact],
    what: str,
    what_en: str,
    pairing: str,
) -> bool:
    """The stated rate (`where`: paragraph, place, facts, the rate) held to part / Σ base, the base converted to the
    part's unit (元, 万元 and 亿元 convert exactly); False when the base cannot be summed or is not above zero."""
    pi, ref, facts, rate = where
    summed = _sum_in(run, pi, base, part.quantity.unit)
    if summed is None or summed[1] <= 0:
        return False
    _arith(
        run,
        pi,
        ref,
        facts,
        rate,
        _ratio(_operand(run, pi, part), summed[0]),
        part.quantity.value / summed[1] * HUNDRED,
        what,
        what_en,
        (part, *(b for b in base if b is not part)),
        pairing,
    )
    return True


#: A department's items with money of their own (“三公”经费, 人员/公用经费, 基本支出): not a project's spending.
_AN_ITEMS_MONEY = lazy_compile(r"(三公|公务接待|出国|公务用车|公车|人员经费|公用经费|基本支出|会议费|培训费)")


def _spent_over_spent_and_left(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], rate: Fact) -> None:
    """ "实际执行飞行经费9109.54万元,结余689.66万元,为中央补助资金。项目执行率92.96%。": no budget named, but what was
    spent and what is left of it make the year's money — the rate is spent / (spent + left). Read only from the rate's
    sentence, or the sentence before when the rate's own names no money: exactly two money figures, a spending and then
    a 结余 (the year's remainder by name, not 累计/上年). Paired by place: a judgement (警告 at most)."""
    own = [f for f in facts[: rate.index] if f.sentence == rate.sentence and f.quantity.is_money]
    sentence = rate.sentence if own else rate.sentence - 1
    money = [f for f in facts[: rate.index] if f.sentence == sentence and f.quantity.is_money]
    if len(money) != 2 or any(f.parent is not None for f in money):
        return
    paid, left = money
    words = _around(paid)[0] or paid.subject
    if paid.role not in ("value", "final") or not SPENDING_WORDS.search(words) or _BUDGET_OR_ARRIVED.search(words):
        return
    if _AN_ITEMS_MONEY.search(words):
        return  # "“三公”经费支出30万元，结余10万元": an item's own money, not the project's the rate measures
    if left.role != "value" or not _REMAINDER.match(left.subject) or _approximate(left) or _approximate(paid):
        return
    _rate_over(
        run,
        (pi, ref, facts, rate),
        paid,
        [paid, left],
        f"“{rate.subject}”（支出 {paid.quantity.text} / (支出 {paid.quantity.text} + 结余 {left.quantity.text})）",
        f"{rate.subject}: spent / (spent + left)",
        "预算数未在文字中写出，按支出与其后结余之和作预算（按位置配对）",
    )


#: An arrival rate ("资金到位率为31%", "到位率90%"): the money arrived over the money planned.
_ARRIVAL_RATE = lazy_compile(r"到位率$")
#: The words of the money planned (预算飞行经费, 应到位资金, 计划资金) and of the money arrived (实际下达, 实际到位, 拨付):
#: "应到位"/"应下达" plan, "实际" arrives; a figure the words do not place is neither.
_PLANNED = lazy_compile(r"(预算|计划|应到位|应下达|应拨付|批复|安排)")
_ARRIVED = lazy_compile(r"(下达|到位|拨付|拨入|收到|到账)")
_NOT_ARRIVED = lazy_compile(r"(应到位|应下达|应拨付|计划|预算)")
_ACTUALLY = lazy_compile(r"(实际|到位|到账|收到)")


def _arrival_rate(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], rate: Fact) -> None:
    """ "2020年预算飞行经费共计7952万元,财政部实际下达资金2513万元,资金到位率为31%": an arrival rate is the money arrived
    (下达/到位/拨付) over the money planned (预算/计划/应到位) — only when its sentence names exactly two money figures
    before it (no 其中 parts), one of each by their words. Paired by words, not by name: a judgement (警告 at most)."""
    if _OTHER_RATE.search(_around(rate)[0]) or _another_base(rate) or rate.parent is not None:
        return  # "目标到位率", "上年到位率": not this year's
    before = [f for f in facts[: rate.index] if f.sentence == rate.sentence and f.quantity.is_money]
    if len(before) != 2 or any(f.parent is not None for f in before):
        return
    words = {f.index: _around(f)[0] or f.subject for f in before}
    planned = [f for f in before if _PLANNED.search(words[f.index]) and "实际" not in words[f.index]]
    arrived = [
        f
        for f in before
        if _ARRIVED.search(words[f.index])
        and ("实际" in words[f.index] or not _NOT_ARRIVED.search(words[f.index]))
        and _ACTUALLY.search(words[f.index])  # "上级下达专项资金50万元" may be one source of several, not what arrived
        and f not in planned
    ]
    if len(planned) != 1 or len(arrived) != 1:
        return
    (plan,), (got,) = planned, arrived
    _rate_over(
        run,
        (pi, ref, facts, rate),
        got,
        [plan],
        f"“{rate.subject}”（到位 {got.quantity.text} / 计划 {plan.quantity.text}）",
        f"{rate.subject}: arrived / planned",
        "到位资金与计划资金按所在句中的用语配对（到位/下达/拨付 对 预算/计划/应到位）",
    )


#: What is left of the year's money: "结余8.4万元", "结转结余资金…", "未支出13.2万元", "未支703万元", "剩余资金…" (not 上年
#: 结转).
_REMAINDER = lazy_compile(
    r"^(?:年末|年底)?(?:资金)?(?:结转结余|结余|(?:尚)?未支(?:出|付)?|未使用|剩余|未拨付)(?:资金|部分|金额|数)?$",
    needs=("结余", "未", "剩余"),
)


def _project_funds(run: _Run) -> FundsRow | None:
    """The funds total of the document's one 项目支出 自评表 (None for a department's, or several)."""
    totals = [ev.funds.total for ev in run.sub.evaluations if ev.funds is not None and ev.funds.total is not None]
    kinds = {ev.kind for ev in run.sub.evaluations if ev.funds is not None}
    return totals[0] if len(totals) == 1 and kinds == {"project"} else None


def _remainder(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], rest: Fact) -> None:
    """ "预算300万元，…全年支出291.6万元，…结余9.4万元": what is left is a budget (or the money arrived) less the one
    spending before it in its sentence, each reading as for a rate. When the budget and the spending are the 自评表's
    全年预算数 and 全年执行数, the cells give it (taken as printed, rounded): N02 certain; else N02 a judgement (paired
    by place) only when no reading gives it even with the figures cut short."""
    if _approximate(rest) or rest.parent is not None:
        return  # "结余55万元，其中当年财政拨款结余40万元": a 其中 part is one source's remainder, not the whole's
    found = _spending_before(facts, rest)
    if found is None:
        return
    before, paid = found
    words = _around(rest)[0] or rest.subject  # "上年结转资金结余15万元": the remainder of the money its words name
    if re.search(r"(上年结转|结转资金)", words):
        return  # not "结转结余资金" (what is left, carried or not): that is the whole's
    named = set(_WHICH_MONEY.findall(paid.subject + words))
    whole = _budget_readings(run, pi, before, paid, named, arrived=True)
    got = _with_named_parts(run, pi, facts, paid, whole)
    if got is None or any((pi, f.index) in run.contradicted for f in (paid, *got[1], rest)):
        return
    # a 其中 part's reading beside the whole's ("其中中央资金60万元,已拨付50万元,未拨付10万元": 60 − 50)
    of_parts = [r for r in got[0] if whole is None or r not in whole[0]]
    conv = convert(Decimal(1), rest.quantity.unit, paid.quantity.unit)
    if not conv.ok or not conv.factor:
        return
    own, bound = _interval(rest).scaled(conv.factor), _bound(rest)
    total, unit = _project_funds(run), _funds_unit(run)
    cells = (
        (total.full_budget, total.executed)
        if total is not None
        and whole is not None
        and _is_cell(paid, total.executed, unit)
        and all(_is_cell(f, total.full_budget, unit) for f in whole[1])  # each budget named is the full budget
        else None
    )  # (a 其中 part beside it is another reading, not a budget that is no cell: review23r — the 错误 was a 警告)
    spent = _operand(run, pi, paid)
    readings = [
        (Interval(lo_hi.lo - spent.hi, lo_hi.hi - spent.lo), p - paid.quantity.value, t)
        for lo_hi, p, t in (of_parts if cells is not None else got[0])
    ]
    if cells is not None and whole is not None:  # the cells make it: full budget − executed, as printed (half up)
        budget_cell, spent_cell = cells
        b, e = _cell_interval(budget_cell), _cell_interval(spent_cell)
        factor = convert(Decimal(1), unit, paid.quantity.unit).factor or Decimal(1)
        computed = Interval(b.lo - e.hi, b.hi - e.lo).scaled(factor)
        point = (_cell_number(budget_cell) - _cell_number(spent_cell)) * factor
        readings.append((computed, point, whole[0][0][2]))  # last: the reading the message names
    if any((_bound_holds(bound, c, own) if bound else c.overlaps(own)) for c, _, _ in readings):
        return
    computed, point, budget_text = readings[-1]
    places = max(rest.quantity.places, paid.quantity.places)
    expected = _show(round_half_up(point / conv.factor, places), rest.quantity.unit)
    others = "、".join(dict.fromkeys(t for _, _, t in readings[:-1] if t != budget_text))
    if cells is not None:
        how = f"预算、支出即自评表全年预算数（{cells[0].place()}）、全年执行数（{cells[1].place()}）" + (
            f"，按预算 {others} 计算也不相符" if others else ""
        )
    else:
        how = (
            "预算数与支出数按同一句中的位置配对"
            + (f"，按预算 {others} 计算也不相符" if others else "")
            + "，需人工核实"
        )
    contradict(
        run,
        pi,
        ref,
        rest,
        f"结余（预算 {budget_text} − 支出 {paid.quantity.text}）",
        "the remainder: budget − spending",
        expected=expected,
        related=tuple(c.located() for c in cells if c.sheet is not None) if cells else (),
        certainty=Certainty.CERTAIN if cells else Certainty.JUDGEMENT,
        basis=f"{_where(ref)}：{budget_text} − {paid.quantity.text} = {expected}，而“{rest.clause}”写 "
        f"{rest.quantity.text}；{how}",
        basis_en=f"budget {budget_text} − spending {paid.quantity.text} = {expected}; the text says "
        f"{rest.quantity.text}" + ("" if cells else "; figures paired by place, a person checks"),
    )


def _funds_unit(run: _Run) -> str:
    funds = [ev.funds for ev in run.sub.evaluations if ev.funds is not None]
    return (funds[0].unit or "万元") if funds else "万元"


def _rate_from_base(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], rate: Fact) -> None:
    """A change rate after a figure and the base it is compared with, no change amount between ("决算数2223.04万元，
    比上年2719.53万元减少18.26%", "较上年2.54万元下降56.3%"): |figure − base| / base (N02, certain: both are the text's)."""
    if rate.base is None:
        check_rate_between_levels(run, pi, ref, facts, rate)  # "由80万元增至95万元,增长18.75%": over the from-level
        return
    if rate.base not in (rate.index - 1, rate.index - 2):
        return
    base = facts[rate.base]
    # "2025年当年预算执行数为A，2026年预算安排B，比2025年预算执行数减少R%" (facts._named_year_base, real reports 21): the
    # base named by its year and words two figures back, the figure between them the current one — paired by the words,
    # so a direction the figures contradict is the text's error too (|B − A| / A)
    words = _NAMED_BASE.search(rate.clause)
    named = rate.base == rate.index - 2
    if named and (words is None or words.group(1)[:5] not in base.clause):
        return  # (a base two figures back only as facts._named_year_base sets it: named by its year)
    current = facts[rate.index - 1] if named else _find(facts, base.index, rate.subject, ("final", "value", "budget"))
    if not named and current is not None and _inline_plan(facts, current):
        # "收入31751万元,完成预算数31220万元的101.7%,较上年28899万元增长9.9%" (周至 2023, real reports 34): the plan inside
        # a completion rate's words is the figure before's, no level of its own — the change is that figure's
        current = _find(facts, current.index, rate.subject, ("final", "value"))
    if current is None or current.quantity.unit != base.quantity.unit or base.quantity.value < 0:
        return
    if named and current.role not in ("final", "value", "budget"):
        return
    b, c = _operand(run, pi, base), _operand(run, pi, current)
    if base.quantity.value == 0:
        # "2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年预算执行数增加100.00%" (万里 2024, real reports
        # 22): a base printed as nothing leaves no rate to compute — "100%" a 警告 asking for 新增, any other rate N02
        if isinstance(ref, TextRef) and rate.direction > 0 and current.quantity.value > 0:
            label = words.group(1) if named and words is not None else "上年" if base.role == "previous" else "比较基数"
            check_rate_from_nothing(run, pi, ref, rate, current, c, b, Decimal(0), label)
        return
    down = current.quantity.value < base.quantity.value if named else rate.direction < 0
    if (current.quantity.value < base.quantity.value) != down or current.quantity.value == base.quantity.value:
        return  # the words and the figures go different ways: not this rate's pair
    diff = Interval(b.lo - c.hi, b.hi - c.lo) if down else Interval(c.lo - b.hi, c.hi - b.lo)
    if diff.lo < 0:
        diff = Interval(Decimal(0), diff.hi)
    point = abs(current.quantity.value - base.quantity.value)
    label = "上年" if base.role == "previous" else "比较基数"
    basis = f"“{rate.subject or current.quantity.text}”与{label}相比的增减率（{current.quantity.text} 对 {label} {base.quantity.text}）"
    if named and words is not None:
        way = "减少" if down else "增加"
        said = "" if (rate.direction < 0) == down else f"，是{way}而文字写{'增加' if down else '减少'}"
        basis = f"{current.quantity.text}与{words.group(1)} {base.quantity.text}相比的增减率（{way} {fmt_decimal(point, max(base.quantity.places, current.quantity.places))}{current.quantity.unit}{said}）"
    _arith(
        run,
        pi,
        ref,
        facts,
        rate,
        _ratio(diff, b),
        point / base.quantity.value * HUNDRED,
        basis,
        f"{rate.subject}: change / base",
        (current, base),
    )


#: The base a rate names by year and words ("比2025年预算执行数减少1.10%"): "2025年预算执行数".
_NAMED_BASE = lazy_compile(
    r"(?:比|较)((?:19|20)\d{2}年度?[^\d，,。；;：:]{0,10}?)(?:增加|减少|增长|下降|降低|提高|上升)"
)


def _change_right_after(facts: tuple[Fact, ...], rate: Fact) -> Fact | None:
    """The change a rate names printed right after it ("…短收7431万元,同比下降10.2%,减收4800万元", 甘谷 2024, real
    reports 34: a 财政 report's rate, then its amount): the next figure, a change of the rate's own level, in its
    sentence and direction, measured against what the rate is."""
    after = facts[rate.index + 1] if rate.index + 1 < len(facts) else None
    if (
        after is None
        or after.role != "change"
        or after.sentence != rate.sentence
        or after.direction != rate.direction
        or after.of is None
        or after.of != rate.of
        or after.base is not None
    ):
        return None
    return after if _same_base(after, rate) else None


def _inline_plan(facts: tuple[Fact, ...], fact: Fact) -> bool:
    """A budget printed inside its completion rate's words ("完成预算数31220万元的101.7%"): the rate right after it is the
    completion of the figure before it (`facts._INLINE_BUDGET`)."""
    after = facts[fact.index + 1] if fact.index + 1 < len(facts) else None
    # (the rate is of a figure before the budget: "…的101.7%,完成调整预算数32000万元的99.2%" holds two plans, review28b)
    return (
        fact.role == "budget"
        and after is not None
        and after.role == "completion"
        and after.of is not None
        and after.of < fact.index
    )


def _find(facts: tuple[Fact, ...], before: int, subject: str, roles: tuple[str, ...]) -> Fact | None:
    return next((f for f in reversed(facts[:before]) if f.subject == subject and f.role in roles), None)


def _owned_level(facts: tuple[Fact, ...], rate: Fact) -> Fact | None:
    """The level a change rate is `of` (facts: "中共…2024年度收入支出总计307.82万元。与2023年度相比，收入支出总计增加…":
    the level named with its owner and year, the change bare — real reports 20), when no figure has its subject."""
    level = facts[rate.of] if rate.of is not None and rate.of < rate.index else None
    return level if level is not None and level.role in ("final", "value") else None


def _same_base(a: Fact, b: Fact) -> bool:
    """Two figures not measured against two different things (`Fact.against`): a rate against last year is not
    the rate of a gap to the budget, nor the reverse (docs15: "与2021年预算相比减少9.69万元，较上年下降13.17%" was an
    N02 错误 '应为 65.03%')."""
    x, y = a.against, b.against
    return not (x and y and x != y)


#: Words comparing a figure with the one after them ("较预算数2万元减少0.89万元"): that figure is a base, not the item's own.
_COMPARED_WITH = lazy_compile(r"比|较|与|对比|相比")


def _budget_changed(facts: tuple[Fact, ...], rate: Fact) -> Fact | None:
    """The budget a change rate is of, when its item states no spending: an item stated only by its budget changes as a
    budget ("公务接待费478万元…同口径比2018年减少38万元,下降7.4%" in a 三公 预算 publication, real reports 13) — but not a
    budget the text compares with ("决算1.11万元，较预算数2万元减少0.89万元": the spending's gap to its budget)."""
    budget = _find(facts, rate.index, rate.subject, ("budget",))
    return None if budget is None or _COMPARED_WITH.search(_around(budget)[0]) else budget


#: Both sides of the books named together ("收支较上年决算数减少…", "收入支出总体与上年相比"): the one figure they share.
_BOTH_SIDES = lazy_compile(r"收(?:入)?(?:和|与|及)?支(?:出)?(?:总计|合计|总额|总体)?")


def _books_total(facts: tuple[Fact, ...], rate: Fact) -> Fact | None:
    """The figure a change of the books' two sides together is of ("2021年度收入总计23,866.88万元,支出总计23,866.88万元。
    收支较上年决算数减少3,888.01万元、下降14%", 沙坪坝 交通局 2021, real reports 16): the 收入 and 支出 totals stated before
    it, when they are one figure (a 决算's 收入总计 = 支出总计); None when they differ (which changed is unread)."""
    if not _BOTH_SIDES.fullmatch(rate.subject):
        return None
    income = _wholes_of_claim(facts, rate.index, "income")
    expense = _wholes_of_claim(facts, rate.index, "expense")
    if not income or not expense or income[-1].quantity.value != expense[-1].quantity.value:
        return None
    # "收入总计23866.88万元,支出总计23866.88万元。本年收入合计20000万元,本年支出合计20000万元,收支较上年减少…": two
    # pairs of equal sides (the 决算's 总计 and its 本年 合计) — which the change is of is unread (review15b)
    pairs = {i.quantity.value for i in income for e in expense if i.quantity.value == e.quantity.value}
    return max(income[-1], expense[-1], key=lambda f: f.index) if len(pairs) == 1 else None


def _wholes_of_claim(facts: tuple[Fact, ...], before: int, claim: str) -> list[Fact]:
    """The wholes (no 其中 part) of `claim` stated as levels before fact `before`, in order."""
    return [f for f in facts[:before] if f.claim == claim and f.parent is None and f.role in ("value", "final")]


#: A rate opening a list its words pair by position ("分别下降11.3%、6.8%", "分别增长…").
_RESPECTIVE_RATE = lazy_compile(r"分别(?:为|是)?(?:增加|减少|增长|下降|提高|降低|上升)?了?$")


def _respective_over_changes(facts: tuple[Fact, ...], rate: Fact) -> bool:
    """The rate opens a 分别 list after two or more changes of its sentence ("…较2020年预算4729万元减少533万元,较2020年
    决算4500万元减少304万元,分别下降11.3%、6.8%", a 三公 table's 增减情况说明) or after a 分别 list of changes ("收入1000万元,
    支出900万元,较上年分别减少100万元、50万元,分别下降9.1%、5.3%"): the lists pair by position, each rate with its own
    item's change and level — not the nearest figures, which is not read (review15b: 错误 set 11.3% against 304 / 4500,
    9.1% against 100 / 150)."""
    if not _RESPECTIVE_RATE.search(compact_name(_around(rate)[0])):
        return False
    changes = [f for f in facts[: rate.index] if f.sentence == rate.sentence and f.role == "change"]
    return len(changes) > 1 or any("分别" in _around(f)[0] for f in changes)


def _is_budget(f: Fact) -> bool:
    """A budget: by its role, or by the words before it (预算, 批复, 下达, 安排 — none of 支出, 执行, 使用, 拨付; not the
    预算 of an account's name, `_ACCOUNT`)."""
    words = _around(f)[0] or f.subject
    return f.role == "budget" or bool(_BUDGET.search(_ACCOUNT.sub("", words)) and not SPENDING_WORDS.search(words))


def _is_spending(f: Fact) -> bool:
    """A spending: a 决算数 (role "final"), or a value whose subject ends in 支出, 执行, 使用, 拨付 or 完成."""
    return f.role == "final" or (f.role == "value" and bool(_SPENT.search(f.subject)))


def _budget_spending_pairs(parts: list[Fact]) -> bool:
    """The parts a 其中 gave one total are a budget then a spending, again and again ("其中上年结转资金预算数100万元,
    执行数100万元;当年财政拨款预算数400万元,执行数350万元"): each source's own pair — budgets and spendings are not
    parts of one figure (`_sources_block` holds each kind to the whole's)."""
    if len(parts) % 2 or not all(map(_is_spending, parts[1::2])):
        return False
    # "其中:道路项目80万元,执行60万元;路灯项目40万元,执行30万元": a spending named by its word alone follows its item's money
    return all(
        _is_budget(b) or (_BARE_SPENT.match(s.subject) and not _is_spending(b))
        for b, s in zip(parts[0::2], parts[1::2], strict=True)
    )


_BARE_SPENT = lazy_compile(r"^(?:实际|已)?(?:支出|执行数?|使用|拨付|支付|完成)$")


#: A source of the year's money, by the words before its budget ("中央财政资金全年预算数", "其他资金…", "上年结转…").
_A_SOURCE = lazy_compile(r"(资金|拨款|结转)")


def _sources_block(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...]) -> None:
    """ "年度资金总额全年预算数5372.5833万元,全年执行数4772.58万元,…。其中中央财政资金全年预算数1800万元,全年执行数1200
    万元,…;地方财政资金全年预算数…,全年执行数…;其他资金…": the 自评表's funds block in words — a sentence opening with 其中
    that gives one or more sources a budget and then a spending each, right after a sentence whose money is one budget
    and then one spending. The sources' budgets are parts of that budget, their spendings parts of that spending: more
    than the whole is certain (N02 错误). Less is not said: the sources' figures are often rounded where the whole is
    not (1800 + 2192.58 + 1380 against 5372.5833万元), and a 其中 may leave a source out."""
    money_in: dict[int, list[Fact]] = {}  # each sentence's money figures, in order
    for f in facts:
        if f.quantity.is_money:
            money_in.setdefault(f.sentence, []).append(f)
    for s, money in sorted(money_in.items()):
        whole = money_in.get(s - 1, [])
        if len(money) < 2 or len(money) % 2 or len(whole) != 2 or not money[0].clause.lstrip().startswith("其中"):
            continue
        budgets, spendings = money[0::2], money[1::2]
        if not (all(map(_is_budget, budgets)) and all(map(_is_spending, spendings))):
            continue
        if not all(_A_SOURCE.search(_around(f)[0] or f.subject) for f in budgets):
            continue
        if not (_is_budget(whole[0]) and _is_spending(whole[1])) or any(map(_approximate, (*whole, *money))):
            continue
        if len({_stage(f) for f in (whole[0], *budgets)} - {""}) > 1:
            continue  # "年初预算数300万元" over sources' 全年预算数: budgets of two moments, no whole and parts
        for total, parts, kind in ((whole[0], budgets, "预算数"), (whole[1], spendings, "执行数")):
            if len({bool(_AS_OF.search(_around(f)[0])) for f in (total, *parts)}) == 1:  # figures of one moment
                _sources_against(run, pi, ref, facts, total, parts, kind)


#: A figure dated by its words ("截至目前执行数1500万元"): beside an undated whole, parts of another moment — no sum.
_AS_OF = lazy_compile(r"截[至止]|目前|当前")


#: The moment a budget is stated at: the year's start (年初) or after its adjustments (全年, 调整后, 追加后).
_STAGE = lazy_compile(r"(年初|全年|调整|追加)")


def _stage(budget: Fact) -> str:
    """ "initial" for a 年初 budget, "adjusted" for a 全年/调整后 one, "" when its words name no moment."""
    found = _STAGE.findall(_around(budget)[0] or budget.subject)
    return "" if not found else "initial" if found[-1] == "年初" else "adjusted"


def _sources_against(
    run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], total: Fact, parts: list[Fact], kind: str
) -> None:
    summed = _sum_in(run, pi, parts, total.quantity.unit)
    if summed is None or any((pi, f.index) in run.contradicted for f in (total, *parts)):
        return
    lo, point = summed[0].lo, summed[1]
    if lo < _operand(run, pi, total).hi:
        return
    names = " + ".join(p.quantity.text for p in parts)
    expected = _show(point, total.quantity.unit, max(p.quantity.places for p in parts))
    run.contradicted.update((pi, f.index) for f in (total, *parts))  # one finding for the wrong figure, not its rates
    run.issues.append(
        n02(
            ref,
            f"各资金来源的{kind}之和（{names}）超过了总的{kind}",
            f"the sources' {kind} against the whole's",
            expected=expected,
            actual=total.quantity.text,
            basis=f"{_where(ref)}：“其中”各资金来源的{kind} {names} = {expected}，而其前一句总的{kind}写 "
            f"{total.quantity.text}（各来源的{kind}是总{kind}的组成部分，之和不能超过总数）",
            basis_en=f"the sources' {kind} {names} = {expected}; the whole's, in the sentence before, is "
            f"{total.quantity.text}: parts cannot exceed it",
            certainty=Certainty.CERTAIN,
        )
    )


_COMES_TO = lazy_compile(COMES_TO)


def _comes_to(first: str, then: str, text: str) -> bool:
    """`first`, 计/即/合计/共计 (`COMES_TO`) and `then` in a row somewhere in `text`: what `re.search` of the three gives,
    without compiling a pattern for each pair of printed figures (≈ 1 ms each, perf30p)."""
    start = text.find(first)
    while start >= 0:
        end = text.find(then, start + len(first))
        while end >= 0:
            if _COMES_TO.fullmatch(text, start + len(first), end):
                return True
            end = text.find(then, end + 1)
        start = text.find(first, start + 1)
    return False


def _share_with_amount(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...]) -> None:
    """ "还需拨付325万元,市级预算安排80%计260万元": a percentage followed by 计 and an amount is that share of an amount
    before it in its sentence (each one tried, no 其中 part) — N02 only when none gives it at the printed precision.
    Which amount is the base is paired by place: a judgement (警告 at most)."""
    for pct in facts[:-1]:
        amount = facts[pct.index + 1]
        if not (pct.quantity.is_percent and amount.quantity.is_money and amount.sentence == pct.sentence):
            continue
        if not _comes_to(pct.quantity.text, amount.quantity.text, amount.clause) or _bound(pct) or _approximate(amount):
            continue
        if pct.role in ("change", "change_rate"):
            continue  # "较上年下降10%计10万元": a change on last year's figure, not a share of this year's before it
        bases = [
            f
            for f in facts[: pct.index]
            if f.sentence == pct.sentence and f.quantity.is_money and f.parent is None and not _approximate(f)
        ]
        readings: list[tuple[Interval, Decimal, Fact]] = []
        for base in bases:
            factor = convert(Decimal(1), base.quantity.unit, amount.quantity.unit).factor
            if not factor:
                continue
            share = _operand(run, pi, pct).scaled(Decimal("0.01"))
            b = _operand(run, pi, base).scaled(factor)
            point = base.quantity.value * factor * pct.quantity.value / HUNDRED
            readings.append((Interval(b.lo * share.lo, b.hi * share.hi), point, base))
        own = _operand(run, pi, amount)
        if not readings or any(c.overlaps(own) for c, _, _ in readings):
            continue
        if any((pi, f.index) in run.contradicted for f in (pct, amount, *(b for _, _, b in readings))):
            continue
        _, point, base = readings[-1]  # the nearest amount before it
        expected = _show(round_half_up(point, amount.quantity.places), amount.quantity.unit)
        others = "、".join(b.quantity.text for _, _, b in readings[:-1])
        contradict(
            run,
            pi,
            ref,
            amount,
            f"“{amount.subject}”按比例计算的金额（{base.quantity.text} × {pct.quantity.text}）",
            "a share's amount: base × percentage",
            expected=expected,
            certainty=Certainty.JUDGEMENT,
            basis=f"{_where(ref)}：{base.quantity.text} × {pct.quantity.text} = {expected}，而“{amount.clause}”写 "
            f"{amount.quantity.text}；比例的基数按同一句中的位置取其前最近的金额"
            + (f"（按 {others} 计算也不相符）" if others else "")
            + "，需人工核实",
            basis_en=f"{base.quantity.text} × {pct.quantity.text} = {expected}; the text says "
            f"{amount.quantity.text}; the base paired by place, a person checks",
        )


#: A year the share's whole is named in ("占2022年基本支出预算的", "占2022年的").
_SHARE_YEAR = lazy_compile(r"占[^，,。；;]{0,12}?((?:19|20)\d{2})\s*年", needs=("占",))


def _names_another_whole(share: Fact, total: Fact) -> bool:
    """The share's own words name a whole other than its part's total ("其中中央资金60万元,占全省资金的5%": the province's
    money, not the 下达资金 the 其中 splits), or a year its total's words do not — no ratio of the two printed figures."""
    before = share.clause[: share.clause.find(share.quantity.text)] if share.quantity.text in share.clause else ""
    if set(_SHARE_YEAR.findall(before)) - set(_YEAR_NAMED.findall(total.clause)):
        return True  # "其中:工资福利支出预算716052.51元,占2022年基本支出预算的68.35%": last year's whole (review26r)
    m = _SHARE_OF.search(before)
    if m is None:
        return False
    words = m.group(1)
    if _whole_by_kind(share, total):
        return False
    if _budget_of_no_budget(words, total):
        return True
    return not (_ANY_WHOLE.match(words) or words in total.subject or total.subject.endswith(words))


def _budget_of_no_budget(words: str, total: Fact) -> bool:
    """ "占预算的103.4%" after a 其中 part of a total that is no budget ("收入预计完成5.02亿元,…。其中:地方税收收入3.54亿元,
    占预算的103.4%", 君山 2023, reports33): the part's own budget — its completion — not a share of that total. The
    total's 一般公共预算 is its account's name, no budget."""
    kind = _WHOLE_BY_KIND.match(words)
    return (
        kind is not None
        and bool(kind["budget"])
        and total.role != "budget"
        and "预算" not in _ACCOUNT.sub("", total.subject)
    )


def _whole_by_kind(share: Fact, total: Fact) -> bool:
    """The share's words name its whole only by the kind of figure its part's total is ("…支出决算为390,118.10元。其中…
    公务用车…273,702.10元,占总支出决算的70.16%", 寻甸 2022, real reports 21): that total, read so — the department's whole
    spending may be meant ("三公经费决算100万元,其中接待费30万元,占总支出决算的2%"), so the pairing is a judgement."""
    m = _SHARE_OF.search(
        share.clause[: share.clause.find(share.quantity.text)] if share.quantity.text in share.clause else ""
    )
    kind = _WHOLE_BY_KIND.match(m.group(1)) if m is not None else None
    return kind is not None and total.role in ("final", "budget") and bool(kind[total.role])


def _kind_printed_apart(share: Fact, total: Fact, facts: tuple[Fact, ...]) -> bool:
    """A whole named only by kind ("占总支出决算的1%") that the text also prints as a figure of its own ("本部门总支出决算
    3000万元。三公经费支出决算100万元，其中公务接待费30万元，占总支出决算的1%"): that figure may be the whole — no pairing."""
    at = share.clause.find(share.quantity.text)
    m = _SHARE_OF.search(share.clause[: at if at >= 0 else 0])
    words = m.group(1) if m is not None else ""
    return any(f is not total and f.quantity.is_money and len(f.subject) >= 2 and f.subject in words for f in facts)


#: Words naming the whole by the kind of figure its total is ("占总支出决算的", "占预算总额的"): the 决算 or the 预算 of
#: the item the 其中 splits, whatever its own name.
_WHOLE_BY_KIND = lazy_compile(
    r"^(?:(?P<final>总?(?:支出)?决算(?:总?支出)?(?:数|额|总额)?|总支出(?:决算)?数?)"
    r"|(?P<budget>总?预算(?:总?支出)?(?:数|额|总额)?))$"
)


#: Shares that may grow over time ("上半年、前三季度支出分别占全年预算的45%、80%"): cumulative, no parts of one whole.
_CUMULATIVE = lazy_compile(r"(累计|截[至止]|前[一二三四两]|上半年|下半年|季度|月底|月末|年底|进度)")


#: Money words: shares of money sources or uses split one sum (people's categories may overlap: 农民, 妇女).
_MONEY_SHARES = lazy_compile(r"资金|经费|预算|支出|收入|拨款|投资|补助")


def _shares_past_the_whole(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...]) -> None:
    """ "中央、省级、县级资金分别占54.42%、19.69%、35.89%": the shares of one "分别占" list of money, paired with no
    amounts (those are checked one by one against their total), are of one whole's parts — together no more than 100%.
    Which items are disjoint parts is read from the list (a 警告: two items may overlap); never over time
    (`_CUMULATIVE`), of people (categories overlap) or of a whole the words name ("分别占全县的…": each its own)."""
    done: set[str] = set()
    for first in facts:
        if first.listed_by != RESPECTIVE_SHARES or first.of is not None or first.clause in done:
            continue
        done.add(first.clause)
        shares = [f for f in facts if f.listed_by == RESPECTIVE_SHARES and f.clause == first.clause]
        words = "".join(f.clause for f in facts if f.sentence == first.sentence)
        if _CUMULATIVE.search(words + first.subject) or any(_bound(f) or _approximate(f) for f in shares):
            continue
        whole = _SHARE_OF.search(first.clause)
        if not _MONEY_SHARES.search(words) or (whole and not _ANY_WHOLE.match(whole.group(1))):
            continue  # "培训农民300人、妇女200人,分别占全县的60%、50%": each of its own whole, or people who may overlap
        if any((pi, f.index) in run.contradicted for f in shares):
            continue
        spans = [_operand(run, pi, f) for f in shares]
        if sum((s.lo for s in spans), Decimal(0)) <= HUNDRED:
            continue
        names = " + ".join(f.quantity.text for f in shares)
        total = sum((f.quantity.value for f in shares), Decimal(0))
        expected = "不超过 100%"
        run.contradicted.add((pi, shares[-1].index))
        run.issues.append(
            n02(
                ref,
                f"“分别占”所列各项的占比之和（{names}）超过了100%",
                "the shares of one 分别占 list add up past 100%",
                expected=expected,
                actual=f"{_show(total, '%')}",
                certainty=Certainty.JUDGEMENT,
                basis=f"{_where(ref)}：{names} = {_show(total, '%')}，超过 100%（“分别占”所列各项读作同一总数中互不重叠的组成部分；"
                "若各项有重叠，也可能相符，请核实）",
                basis_en=f"{names} = {total}%, past 100%; the items read as disjoint parts of one whole: a person checks",
            )
        )


def _share_of_a_whole_above(
    run: _Run, pi: int, share: Fact, part: Fact, total: Fact, facts: tuple[Fact, ...]
) -> str | None:
    """Whether a 其中 part's bare "占R%" (naming no whole) fits its share of the whole its parent is a part of ("“三公”经费
    11.96万元……公务用车购置及运行维护费4.02万元，占33.61%，其中公务用车购置费2万元，占16.72%": 2 / 11.96, stated like its
    parent's own share — 寻甸 塘子街道 2023, review21d): "agrees" with every figure read at the finest printed step (then it
    is not held to the parent), "loosely" only through a figure read cut short or rounded (held to the parent as a
    judgement), None otherwise."""
    if total.parent is None or _names_another_whole(share, total):
        return None
    above = facts[total.parent]
    if above.quantity.unit != part.quantity.unit:
        return None
    if _agrees(share, _rounded_ratio(run, pi, part, above)):
        return "agrees"
    return "loosely" if _agrees(share, _ratio(_operand(run, pi, part), _operand(run, pi, above))) else None


def _share_of_a_skipped_whole(
    run: _Run, pi: int, share: Fact, part: Fact, total: Fact, facts: tuple[Fact, ...]
) -> bool:
    """The share fits the part's ratio to another whole of the paragraph before the part — a change's reason's money
    and the total the reason explains (`facts._end_reason`: "收入合计200万元，较上年增加100万元，主要原因是新增项目资金
    100万元。其中中央资金60万元，占60%"; "…主要原因是2022年有疫情防控经费30万元,其中:财政拨款收入120万元,占60%"; a reason
    told over two sentences or after "一是…;二是…", review25r): which whole the 其中 splits is read from the figures'
    places, so a share that holds against another whole there is no contradiction."""
    return any(
        f.parent is None
        and f.index != total.index
        and f.role in ("value", "budget", "final", "previous")
        and f.quantity.unit == part.quantity.unit
        and _agrees(share, _rounded_ratio(run, pi, part, f))
        for f in facts[: part.index]
    )


def _of_a_figure_before(run: _Run, pi: int, facts: tuple[Fact, ...], rate: Fact, final: Fact, budget: Fact) -> bool:
    """A rate with its plan printed in its words ("占年计划75000万元的110.5%") that another amount of its sentence before
    the plan makes: the whole before a 其中 part or a gap ("完成82876万元(其中税收收入61323万元),占年计划75000万元的
    110.5%", "完成82876万元,超收7876万元,占年计划…"), which the rate may be of as well as of the figure right before it
    (review27r) — one reading agrees, so no 错误."""
    printed = _interval(rate)
    for f in facts[: budget.index]:
        if f is final or f.sentence != budget.sentence or f.role not in ("final", "value"):
            continue
        if f.quantity.unit != budget.quantity.unit or f.direction:
            continue
        ratio = _ratio(_wan_operand(run, pi, f), _wan_operand(run, pi, budget))
        if ratio is not None and ratio.overlaps(printed):
            return True
    return False


def _wan_operand(run: _Run, pi: int, fact: Fact) -> Interval:
    """A figure's range; an amount in 元 that is a whole 万 ("30000元" for "3万元") may be a 万元 figure restated, as
    printed in 万 (rounded or cut), as `_whole_wan_may_fit` reads it in a sum (real reports 13) — not one printed to
    the 角 or 分 ("30000.00元" states its precision: exact, review14r)."""
    if whole_wan_in_yuan(fact):
        return Interval.printed(fact.quantity.value, _WAN)
    return _operand(run, pi, fact)


def _rounded_ratio(run: _Run, pi: int, part: Fact, whole: Fact) -> Interval | None:
    """part / whole in percent with both read rounded half up at the finer of their two printed steps, never cut short
    (`run_state._arith`'s `rounded`): "公务接待费预算为1万元,支出决算为0.53万元,完成预算的47%" reads the 1 as 1.00, as
    precise as the 0.53 beside it (a report drops a whole figure's zeros; 寿县 文物保护中心 2023, real reports 14). None
    for an approximate figure ("约3万元"), one of another sign, or two money units."""
    if any(_approximate(f) or f.direction for f in (part, whole)) or part.quantity.unit != whole.quantity.unit:
        return None
    step = min(part.quantity.step, whole.quantity.step)
    a, b = (_operand(run, pi, f).meet(_rounded(f.quantity.value, step)) for f in (part, whole))
    return _ratio(a, b)


def _rounded_change_ratio(run: _Run, pi: int, operands: tuple[Fact, ...], down: bool, derived: bool) -> Interval | None:
    """A change's rate (change / the earlier figure) with the change and the figure it is measured from read rounded half
    up at the finer of their printed steps, never cut short (`run_state._arith`'s `rounded`): "机关运行经费支出185.41万元，
    比2024年度增加4.68 万元，增长 2.60%" is 4.68 / 180.73 = 2.59%, and 2.60% only if 4.68 was 4.6899 cut short (生态环境局 2025,
    real reports 24) — a judgement, as for a completion rate. `operands` are (change, figure): the earlier figure is
    figure ∓ change when `derived`, else the figure itself (a base the text states); None for any other reading (a 其中
    part's change, three operands), an approximate figure or two money units."""
    if len(operands) != 2:
        return None
    amount, other = operands
    if any(_approximate(f) for f in operands) or amount.quantity.unit != other.quantity.unit or other.direction:
        return None
    step = min(amount.quantity.step, other.quantity.step)
    a = Interval(abs(amount.quantity.value) - step / 2, abs(amount.quantity.value) + step / 2)
    c = _operand(run, pi, other).meet(_rounded(other.quantity.value, step))
    if not derived:
        return _ratio(a, c)
    return _ratio(a, Interval(c.lo + a.lo, c.hi + a.hi) if down else Interval(c.lo - a.hi, c.hi - a.lo))


def _relations(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], text: str) -> None:
    _sources_block(run, pi, ref, facts)  # first: a wrong source's figure is that finding, not also its rate's
    check_changes_between_levels(run, pi, ref, facts)  # and a wrong change between two levels, not its rate (lost17)
    check_budget_shortfalls(run, pi, ref, facts, text)  # a 短收/超收 not budget − level (prose29b)
    for fact in facts:
        q = fact.quantity
        if fact.role == "share" and fact.of is not None:
            part = facts[fact.of]
            if part.parent is None:
                continue
            total = facts[part.parent]
            if total.quantity.unit != part.quantity.unit or _names_another_whole(fact, total):
                continue
            if _whole_by_kind(fact, total) and _kind_printed_apart(fact, total, facts):
                continue
            above = _share_of_a_whole_above(run, pi, fact, part, total, facts)
            if above == "agrees" or _share_of_a_skipped_whole(run, pi, fact, part, total, facts):
                continue
            pv, tv = part.quantity.value, total.quantity.value
            _arith(
                run,
                pi,
                ref,
                facts,
                fact,
                _ratio(_operand(run, pi, part), _operand(run, pi, total)),
                pv / tv * HUNDRED if tv else None,
                f"“{_named(part)}”占“{_named(total)}”的比例（{part.quantity.text} / {total.quantity.text}）",
                f"share of {part.subject} in {total.subject}",
                (part, total),
                paired_by=(
                    "“占…的”只以决算/预算的字样指明总数，读作其前“其中”所分的总数"
                    if _whole_by_kind(fact, total)
                    else (
                        f"“占”未写明总数：按上一级总数 {facts[total.parent].quantity.text} 计算，只有把金额读作截去尾数或取整的结果才相符"
                        if above == "loosely" and total.parent is not None
                        else ""
                    )
                ),
            )
        elif fact.role == "completion":
            head = _around(fact)[0]
            if fact.of is not None:  # "…占年计划75000万元的110.5%": the plan is its base, no planned rate
                head = _PLAN_PRINTED.sub("", head)
            if _OTHER_RATE.search(head) or _another_base(fact):
                continue  # "较上年预算执行率90%", "目标值100%": not this year's rate
            final = facts[fact.of] if fact.of is not None else _find(facts, fact.index, fact.subject, ("final",))
            budget = _find(facts, fact.index, fact.subject, ("budget",))
            if final is None or budget is None:
                if final is None or not check_completion_by_gap(run, pi, ref, facts, fact, final):
                    _rate_by_place(run, pi, ref, facts, fact)
                continue
            if budget.quantity.value == 0 or final.quantity.unit != budget.quantity.unit:
                continue
            if fact.of is not None and _of_a_figure_before(run, pi, facts, fact, final, budget):
                continue
            _arith(
                run,
                pi,
                ref,
                facts,
                fact,
                _ratio(_wan_operand(run, pi, final), _wan_operand(run, pi, budget)),
                final.quantity.value / budget.quantity.value * HUNDRED,
                f"“{fact.subject}”完成预算的比例（决算 {final.quantity.text} / 预算 {budget.quantity.text}）",
                f"{fact.subject}: final / budget",
                (final, budget),
                rounded=_rounded_ratio(run, pi, final, budget),
            )
        elif fact.role == "change_rate" and q.is_percent and fact.direction:
            if not fact.subject and _respective_over_changes(facts, fact):
                # a 分别 list of rates after a 分别 list of changes of several items, read with no item (review16b):
                # paired by position only
                check_rates_over_stated_bases(run, pi, ref, facts, fact)
                continue
            amount = _find(facts, fact.index, fact.subject, ("change",))
            current = (
                _find(facts, fact.index, fact.subject, ("final", "value"))
                or _budget_changed(facts, fact)
                or _books_total(facts, fact)
                or _owned_level(facts, fact)
            )
            if amount is not None and not _same_base(amount, fact):
                amount = None  # "比预算减少9.69万元，较上年下降13.17%": the rate is not that gap's
            if amount is not None and fact.base is not None and amount.index < fact.base:
                # "完成预算数31220万元的101.7%,较预算数增加531万元,较上年28899万元增长9.9%" (review28b): the rate names
                # its own base after that change — the change is another comparison's, the rate the base's
                amount = None
            if amount is None and fact.base is None:
                amount = _change_right_after(facts, fact)
            if amount is None:
                _rate_from_base(run, pi, ref, facts, fact)
                continue
            if _item_base(facts, fact, amount):
                # "财政拨款收入较2024年700万元增加27.11万元,增长3.87%": the rate is the change over the base its sentence
                # states, whatever level the item is read to have — 735.09 − 27.11 made a false 错误; and with no level
                # read ("预算收入较2024年797.63万元减少52.54万元,下降7.84%") it is still checked (review29p)
                current = facts[fact.base] if fact.base is not None else None
            if current is None or amount.quantity.unit != current.quantity.unit:
                continue
            if amount.direction and amount.direction != fact.direction:
                # "分别减少A万元、增加B万元,分别下降p%、增长q%": the nearest change is B, of the other direction — the
                # rate is A's, paired by position in a list; a rate is never of a change its own words contradict
                continue
            if _respective_over_changes(facts, fact):
                # "较2020年预算4729万元减少533万元,较2020年决算4500万元减少304万元,分别下降p%、q%": p is 533's over 4729, not
                # the nearest's — by position where each change prints its base (review16), else unread
                check_rates_over_stated_bases(run, pi, ref, facts, fact)
                continue
            a = _operand(run, pi, amount)
            a = (
                Interval(abs(a.hi) if a.hi < 0 else a.lo, abs(a.lo) if a.hi < 0 else a.hi)
                if a.lo < 0 <= a.hi
                else Interval(min(abs(a.lo), abs(a.hi)), max(abs(a.lo), abs(a.hi)))
            )
            down = fact.direction < 0
            prev, pv = _before_change(run, pi, current, amount, a, down)
            av = amount.quantity.value
            year = _NAMED_YEAR.search(amount.clause)
            base, paired_by = (year.group(1) if year else "上年"), ""
            if amount.against == "budget":
                # "与2021年预算相比减少9.69万元": the gap to the budget, not a change since 2021 (docs15); "比2019年预算
                # 减少" in the 2020 预算 publication: a change on last year's budget (review16)
                base = f"{year.group(1)}预算" if year and run.year and year.group(1) != f"{run.year}年" else "预算"
            operands: tuple[Fact, ...] = (amount, current)
            derived = True  # the earlier figure is current ∓ change (not one the text states)
            if fact.base is not None and fact.base == current.index:
                # "比年度目标12家多8家，增长66.67%": the change is measured from the 12 the text states
                prev, pv = _operand(run, pi, current), current.quantity.value
                derived = False
                base = base if current.role == "previous" else "比较基数"
            elif (
                fact.base is not None
                and amount.base == fact.base
                and facts[fact.base].role == "previous"
                and facts[fact.base].of == current.index  # the base of this level, not one a sentence kept set
                and facts[fact.base].quantity.unit == amount.quantity.unit
            ):
                # "支出350万元，比上年300万元增加40万元（不含…），增长13.33%": over the base the change states, not 350 − 40
                # (review17a: an N02 错误 "40万元 / 上年 310万元")
                stated = facts[fact.base]
                prev, pv = _operand(run, pi, stated), stated.quantity.value
                operands = (amount, stated)
                derived = False
            elif amount.base is None and (year_level := _other_years_level(facts, current)) is not None:
                # "2024年度预算8万元,2023年度决算12.5万元,减少4.35万元,下降35.22%": two years' levels not read as a year
                # pair (two stages, or years not adjacent) — the change may be between them (review27p): either reading
                # that agrees keeps it quiet, and a rate neither gives is a judgement
                earlier = min((year_level, current), key=lambda f: _YEAR_OF_LEVEL.findall(f.clause)[0])
                earlier_span = _operand(run, pi, earlier)
                if earlier_span.lo > 0 and _agrees(fact, _ratio(a, earlier_span)):
                    continue
                paired_by = (
                    f"增减额前列有两年的数字（{year_level.quantity.text}、{current.quantity.text}），读作后者与其上年相比的变化；"
                    f"若是两年之间的变化，增减率应为 "
                    f"{_show(av / earlier.quantity.value * HUNDRED, '%', fact.quantity.places) if earlier.quantity.value else '—'}"
                )
            elif (
                current.parent is not None
                and current.index == amount.index - 1
                and not _change_told(facts, current.parent, current.index)
            ):
                # "收入总计2980.34万元,其中年初结转和结余803.16万元,较2017年增加741.79万元,增长33%" (大余法院 2018): a change
                # right after a 其中 part may be the part's or its total's — either reading that agrees keeps it quiet,
                # and a rate neither gives is a judgement (which amount changed is read by place)
                whole = facts[current.parent]
                operands = (amount, current, whole)  # either may be the figure that changed
                other, other_pv = _before_change(run, pi, whole, amount, a, down)
                if _agrees(fact, _ratio(a, other)):
                    continue
                if other_pv > 0:
                    paired_by = (
                        f"增减额紧随“其中”一项“{_named(current)}”之后，读作该项的变化；若是其总数“{_named(whole)}”的变化，"
                        f"增减率应为 {_show(av / other_pv * HUNDRED, '%', fact.quantity.places)}，也与文字不符"
                    )
            if prev.lo <= 0 and isinstance(ref, TextRef) and not paired_by:
                # "运行费2.8万元,比2019年预算增加2.8万元,增长127.27%": a base that may be nothing (real reports 18)
                check_rate_from_nothing(run, pi, ref, fact, amount, a, prev, pv, base)
                continue
            _arith(
                run,
                pi,
                ref,
                facts,
                fact,
                _ratio(a, prev),
                av / pv * HUNDRED if pv > 0 else None,
                f"“{fact.subject}”与{base}相比的增减率（{amount.quantity.text} / {base} {_show(pv, current.quantity.unit)}）",
                f"{fact.subject}: change / last year",
                operands,
                paired_by=paired_by,
                rounded=_rounded_change_ratio(run, pi, operands, down, derived),
            )
        elif q.is_percent and fact.role == "value" and _ARRIVAL_RATE.search(fact.subject):
            _arrival_rate(run, pi, ref, facts, fact)
    _sums(run, pi, ref, facts, text)
    _share_with_amount(run, pi, ref, facts)
    _shares_past_the_whole(run, pi, ref, facts)
    check_count_parts(run, pi, ref, facts, text)
    _initial_plus_added(run, pi, ref, facts)
    check_stated_changes(run, pi, ref, facts)
    _completion_of_target(run, pi, ref, facts)
    check_stated_sums(run, pi, ref, facts)
    if isinstance(ref, TextRef):
        check_unpaid_bound(run, pi, ref, facts, text)
        check_sources_overspent(run, pi, ref, facts)
        check_added_totals(run, pi, ref, facts, text)
        check_rate_gaps(run, pi, ref, text)
        check_balances(run, pi, ref, facts)
        check_change_parts(run, pi, ref, facts, text)
    for fact in facts:
        if fact.quantity.is_money and fact.role == "value" and _REMAINDER.match(fact.subject):
            _remainder(run, pi, ref, facts, fact)


def _beside_wholes(parts: list[Fact], total: Fact, wholes: Iterable[str], ending: str) -> str:
    """The note that a 其中 list was read under the nearest total while the paragraph (or the one before) names other
    wholes (`wholes`, as `_whole_text` writes them) — `ending` says what follows (a guess to check, or wrong whichever)."""
    return (
        f"（{_listed_by(parts)}读作其前最近的总数“{_named(total)}”的组成部分；"
        + ("上一段" if total.carried else "段中")
        + "另有"
        + "、".join(wholes)
        + ending
    )


def _inner_lists_make_it(
    run: _Run, pi: int, facts: tuple[Fact, ...], total: Fact, parts: list[Fact], unit: str
) -> bool:
    """Whether the parts, each that has a list of its own taken as that list's sum, make the total: "三公经费29万元,其中:…
    公务用车购置及运行费25万元(公务用车购置费0万元,公务用车运行维护费28万元),…公务接待费1万元" (real reports 19) — 0 + 28
    + 1 = 29: the figure in doubt is the 25, whose own parts contradict it (N02 there); the whole's list then says
    nothing more. False when no part has a list of its own making it by definition (`DECOMPOSITIONS`)."""
    expanded: list[Fact] = []
    parents = {f.parent for f in facts}
    for part in parts:
        # a per-item list's own parts of the part's measure (`_by_measure`: "公务用车购置及运行维护费预算数为521.67万元,决算
        # 支出数为571.04万元,…其中:…" — the 其中 hangs under the 决算, its 预算数 are the 521.67's), each named by its item
        opened = next((f for f in (part, *facts[part.index + 1 : part.index + 2]) if f.index in parents), None)
        own = [f for f in facts if opened is not None and f.parent == opened.index]
        lists = _by_measure(facts, [(opened, own)]) if opened is not None else iter(())
        own_parts = next((kind for whole, kind in lists if whole is part), [])
        defined = set(DECOMPOSITIONS.get(_item_claim(facts, part), ()))
        # only a list that is the part's whole by definition, whose own finding is certain (西藏 2020: 布达拉宫管理处
        # 9378 "具体是" 7765 names no defined whole — the whole's 9378 + 5009 > 12774 stays said)
        expanded.extend(own_parts if defined and defined <= {_item_claim(facts, f) for f in own_parts} else [part])
    if len(expanded) == len(parts):
        return False
    summed = _sum_in(run, pi, expanded, unit)
    # the parts' printed figures added up, against the total — each figure but a nought as rounded half up at its
    # printed places ("0 + 310.37 + 478.19 + 43.48" = 832.04 makes 832.05, 云县 2023: parts rounded from 元)
    if summed is None:
        return False
    steps = (f.quantity.step * (convert(Decimal(1), f.quantity.unit, unit).factor or 0) for f in (*expanded, total))
    slack = sum((s for s, f in zip(steps, (*expanded, total), strict=True) if f.quantity.value), Decimal(0)) / 2
    return abs(summed[1] - total.quantity.value) <= slack


#: A figure named by what changed ("基本支出增加40万元" in a 其中 list): a change of the item, not its amount.
_CHANGED = lazy_compile(r"(?:增加|减少|增长|下降|提高|降低)了?$")


def _sums(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], text: str) -> None:
    said: dict[int, set[Decimal]] = {}  # a total this paragraph's lists contradicted → the sums they came to
    for total, parts in _by_measure(facts, _part_lists(facts)):
        if _DIFFERENCE.search(total.subject) and not all(_DIFFERENCE.search(p.subject) for p in parts):
            # "支出2.05万元,年初预算为2.95万元,差值为0.9万元。其中:…支出…,年初预算…,差值…": the 其中 gives each item's
            # 支出, 预算 and 差值 — a difference splits only into differences (hlx.gov.cn 2018, real reports 13)
            continue
        unit = total.quantity.unit
        summed = _sum_in(run, pi, parts, unit)  # "10000元" under a total in 万元 counts as 1万元
        # one part is checked only right after its total ("总支出4389.86万元,其中基本支出2994.57万元"): more than the
        # whole is then certain; further away, which total a lone 其中 opened is less sure
        single = len(parts) == 1
        if summed is None or not parts or (single and not _lone_part_of(total, parts[0])):
            continue
        if all(_CHANGED.search(p.subject) for p in parts) and not _CHANGED.search(total.subject):
            # "支出350万元，2023年度支出300万元，其中:基本支出增加40万元，项目支出增加10万元": the parts of the change, not
            # of the 350 (review17a: an N02 警告 "各组成部分之和…应为 50万元，文字写 350万元")
            continue
        if any(map(is_stated_change, parts)):
            # "…其中基本支出700万元,项目支出400万元,比年初预算增加100万元": a change against a named base is no part
            # (review12n — summed, it made a 错误 of "其中基本支出年初预算60万元,调整为65万元,比年初预算增加5万元")
            parts = [p for p in parts if not is_stated_change(p)]
            summed = _sum_in(run, pi, parts, unit) if parts else None
            if summed is None:
                continue
            single = len(parts) == 1
        if any(_RESTATED.match(compact_name(_around(p)[0])) for p in parts[1:]):
            continue  # "基本支出年初预算60万元,调整为65万元": the part before, as changed — no other part
        if _cuts_of_a_level(parts):
            _check_level_with_cuts(run, pi, ref, total, parts, unit)
            continue
        if moved := _parts_own_moves(parts):
            # (…and the list may then fall short by a move of the whole's: "总预算500万元,其中A 300万元,B 150万元,调减50
            # 万元" — only more than the total is said)
            parts = [p for p in parts if id(p) not in moved]
            summed = _sum_in(run, pi, parts, unit) if parts else None
            if summed is None:
                continue
            single = len(parts) == 1
        apart = [(p, w) for p in parts if (w := set_apart_word(total, p, facts))]
        if apart:
            # "其中:全口径税收收入63.31亿元…", "税收收入33.31亿元,年计划45亿元": a wider scope or another stage — no part of
            # the total as printed (wide28); the rest are checked, over it only, as a list that may name some parts
            parts = [p for p in parts if all(p is not q for q, _ in apart)]
            summed = _sum_in(run, pi, parts, unit) if parts else None
            if summed is None:
                continue
            single = len(parts) == 1  # a listed part still, wherever it stands
        split_at = _splits_a_part_before(run, pi, text, parts)
        if split_at and summed[0].lo >= _operand(run, pi, total).hi:
            # a 其中 sentence after the whole's rate, making a part before it: that part's split, read so — the parts
            # before it are still the whole's, checked alone (review29p: "其中A 284.1亿元,B 150亿元" over 420.5 is found)
            parts = parts[:split_at]
            summed = _sum_in(run, pi, parts, unit)
            if summed is None:
                continue
            single = len(parts) == 1
        paired = _budget_spending_pairs(parts)
        if paired:
            # "全年执行数450万元,其中中央资金预算数300万元,执行数270万元,省级资金…": each source's budget and spending —
            # its spendings (or budgets) are parts of a spending (or budget) total, the other kind not; only more than
            # the whole is said (a 其中 may leave a source out)
            # a total neither budget nor spending by its words (项目金额, 资金总额) is the money the budgets split
            parts = parts[1::2] if _is_spending(total) else parts[0::2]
            summed = _sum_in(run, pi, parts, unit) if parts else None
            if summed is None:
                continue
            single = False
        if _an_item_twice(facts, parts):
            # "其中:…,公务接待费预算30万元,支出20万元": which of an item's figures is the part is open — each item read at
            # its least (its own parts beside it, or itself), more than the whole even so is certain; less says nothing
            parts = _each_item_once(facts, parts, unit)
            summed = _sum_in(run, pi, parts, unit) if parts else None
            if summed is None or summed[0].lo < _operand(run, pi, total).hi:
                continue
            single = len(parts) == 1
        kept = _past_another_wholes_list(run, facts, text, total, parts)
        if kept is None:
            continue  # the list's first parts make the total, the rest another whole's: each checked as it stands
        if kept is not parts:
            parts, summed = kept, _sum_in(run, pi, kept, unit)
            if summed is None or len(parts) < 2:
                continue
        if _inner_lists_make_it(run, pi, facts, total, parts, unit):
            continue  # a part contradicted by its own list: that list's finding says it (one wrong figure, one finding)
        subset = _named_subset(text, total, parts)  # "支出合计1000万元,其中财政拨款支出:…": the parts are that money's
        needed = () if single or paired or subset or apart else _defined_items(_item_claim(facts, total), parts, facts)
        complete = bool(needed)
        span, point = summed
        lo, hi = span.lo, span.hi
        t = _operand(run, pi, total)
        # 万元 figures restated in 元 ("23192100元" for "2319.21万元"): read as a two-decimal 万元 print is, to 100 元
        restated = _restated_steps(total, parts)
        if restated is not None:
            t = Interval.printed(total.quantity.value, _HUNDRED)
            lo100 = sum((part_low(p, Interval.printed(p.quantity.value, _HUNDRED).lo) for p in parts), Decimal(0))
            # a part that may be coarser ("1230000元" may be "123万元") is read at its own step: over as written a 警告
            lo = sum(
                (
                    part_low(p, Interval.printed(p.quantity.value, s).lo)
                    for p, s in zip(parts, restated[1:], strict=True)
                ),
                Decimal(0),
            )
            hi = sum((Interval.printed(p.quantity.value, _HUNDRED).hi for p in parts), Decimal(0))
        if _bound(total) == "lower" or range_low(total) is not None or any(_bound(p) == "upper" for p in parts):
            # "下达资金120万元以上,其中…", "支出600万元至700万元,其中…" (fix32r): a bound or a range, not a figure the
            # parts must make
            continue
        # "其中中央资金80万元,省级资金50万元以上": a part at least its figure — more than the total stays certain, less
        # says nothing
        floor = any(_bound(p) == "lower" for p in parts)
        loose = _approximate(total) or any(map(_approximate, parts))
        if loose:  # "约120万元", "近100万元": as wide as the words let it be — and no 错误 rests on how wide
            t = _about_interval(total)
            about = [
                _about_interval(p).scaled(convert(Decimal(1), p.quantity.unit, unit).factor or Decimal(0))
                for p in parts
            ]
            lo, hi = sum((a.lo for a in about), Decimal(0)), sum((a.hi for a in about), Decimal(0))
        if lows := {id(p): low for p in parts if (low := range_low(p)) is not None}:
            # "其中基本支出600万元至700万元,…", "…600-700万元,…" (fix32r): a part printed as a range is at least its low
            # end — more than the total even so is certain, less says nothing
            floor = True
            below = sum(
                (
                    (p.quantity.value - lows[id(p)]) * (convert(Decimal(1), p.quantity.unit, unit).factor or Decimal(0))
                    for p in parts
                    if id(p) in lows
                ),
                Decimal(0),
            )
            lo, point = lo - below, point - below
        # short of the total is a judgement (警告) however it is read: the parts are held to it as rounded half up (the
        # usual printing); that only cut figures could make it is said in the finding (儋州法院 2018: 6.5 as 6.59)
        top = (
            hi
            if loose
            else min(hi, point + _HUNDRED / 2 * len(parts))
            if restated is not None
            else min(hi, _rounded_top(parts, unit, point))
        )
        cut_only = top < t.lo <= hi
        # the other wholes in the total's unit ("收入1.2亿元,支出1000万元,其中…" — review13n: 1200万元 set against 1.2 read
        # as 万元 was beyond it, an 错误), and what a carried-in balance makes with another whole (`_pooled`)
        beside = _spans(run, _other_wholes(facts, total, parts), unit)
        if beside is None or any(Interval(lo, hi).overlaps(span) for _, span in beside):
            continue  # "收入决算1200万元，支出决算1000万元。按资金来源分：…" adding up to 1200: the split is of that whole
        others: list[tuple[Fact | str, Interval]] = [o for o in beside if lo < o[1].hi]  # beyond every whole: wrong
        earlier_facts = [] if complete else _earlier_wholes(facts, total)
        if complete and total.carried and _makes_a_rival_of_its_claim(run, total, Interval(lo, hi), unit):
            continue  # "2019年支出1100万元，2020年支出1000万元。" ¶ "其中：基本支出700万元，项目支出400万元。": the 2019 one's
        earlier = _spans(run, earlier_facts, unit)
        sources = all(_SOURCE.search(p.subject) for p in parts)
        # uses ("设备购置…") may be the pooled money's planned uses only in a paragraph of their own: in one sentence they
        # follow the spending they detail
        pooled = (
            [] if complete or not (sources or total.carried) else _pooled(run, [*earlier_facts, total], parts, unit)
        )
        if earlier is None or pooled is None:
            continue  # a whole in a unit the parts' cannot be put in: which it is stays unread
        if any(Interval(lo, hi).overlaps(span) for _, span in (*earlier, *(pooled if sources else ()))):
            continue  # "收入1200万元,支出1000万元,其中:财政拨款收入1100万元,其他收入100万元": the list makes the 收入
        # a list opening the paragraph after its wholes ("收入1200万元，支出1000万元。" ¶ "其中：…"): parts below one of them
        # may be some of its parts (a 其中 need not list them all), so more than the nearest is a guess; beyond every
        # one they are wrong whichever they belong to (narr13). In one sentence the 其中 follows its total, unless a
        # part names the earlier whole's claim and not the total's ("收入1200万元,支出1000万元,其中:财政拨款收入1050万元,
        # 其他收入50万元": the 收入's by name — more than the 支出 is then no certainty either). Below what a carried-in
        # balance makes with another whole the list may be of that money (review13n), wherever it stands.
        others += [
            (o, span)
            for o, span in earlier
            if lo < span.hi
            and (total.carried or _named_as(o, total, parts))
            and all(o is not seen for seen, _ in others)
        ]
        others += [(text, span) for text, span in pooled if lo < span.hi]
        beyond: list[Fact | str] = [o for o, span in earlier if lo >= span.hi] + [
            t for t, span in pooled if lo >= span.hi
        ]
        if lo >= t.hi and _inline_subtotal(run, pi, parts, unit, t):
            continue  # "其中:本年支出合计480万元,基本支出300万元,项目支出180万元,年末结转和结余20万元": 480 the next two's sum
        exceeds = lo >= t.hi and not (not complete and not single and _whole_wan_may_fit(total, parts))
        # as written the parts exceed the total, but rounded parts ("30万元" may be 29.99) could still fit it
        as_written = not exceeds and point >= t.hi and not complete and not single
        fine = (
            lo100 < t.hi and all(st <= restated[0] for st in restated[1:])  # over only by the 100 元 print's rounding
            if restated is not None
            else bool(total.quantity.places) and all(p.quantity.places >= total.quantity.places for p in parts)
        )
        if as_written and fine:
            # parts printed as finely as their total, over it only by their own rounding ("政府采购金额…为2319.21万元，
            # 其中：货物122.43万元、工程1387.72万元、服务809.07万元" = 2319.22, 规划资源局 2024, real reports 22): at the
            # printed precision they make it — the 元 figures rounded one by one (restated in 元, whole hundreds:
            # the same); a coarser part ("30万元") stays a 警告
            continue
        classes = _economic_classes(total, parts)
        by_kind = "" if complete or subset else _split_dimension(total, parts, facts)
        counted = None if complete or paired or subset else _counted_projects(total, parts, facts)
        after_total = "".join(sentences(text)[total.sentence :])
        respective = _listed_by(parts).strip("“”") in RESPECTIVELY  # "共计110万元,分别为A…,B…": all its parts
        by_shares = top < t.lo and _shares_of_the_parts_sum(facts, parts, point, total)
        # a list closed by its 其他 class ("…,住房保障支出预算30.34万元,其他支出2万元"): whatever it does not name is in the
        # 其他, so it is the whole — its 其他 is no word of a partial list (real reports 32)
        residual = not single and bool(_RESIDUAL.match(parts[-1].subject)) and top < t.lo
        before = run.sub.narrative[pi - 1].text if total.carried and 0 < pi <= len(run.sub.narrative) else ""
        stated, after_count = ("", "") if complete or subset or single else _stated_classes(text, total, parts, before)
        short = (
            not complete
            and not paired
            and not subset
            and not apart
            and not _approximate(total)  # "约100万元", "近100万元": not a figure the parts must make
            and (counted is not None or not single)
            and not _list_runs_on(text, parts)
            and (
                (counted is not None and top < t.lo and not _PARTIAL_LIST.search(after_total))
                or (
                    _looks_complete_but_short(parts, top, t, total.quantity.value)
                    and not _PARTIAL_LIST.search(after_total)
                )
                or (
                    bool(classes)
                    and _short_classes(parts, top, t)
                    and not _PARTIAL_LIST.search(_ECONOMIC_CLASS_WORDS.sub("", after_total))
                )
                or (by_kind and top < t.lo)
                # (…"分别是A5万元,B18万元,C2.5万元等" or "…2.5万元……": more is left unnamed — review30c/31, a false 警告)
                or (respective and top < t.lo and not _ends_open(parts) and not _more_unnamed(text, parts))
                or by_shares
                or residual
                or (bool(stated) and top < t.lo and not _PARTIAL_LIST.search(after_count))
            )
        )
        # a total its parts make by definition (支出 = 基本支出 + 项目支出) reached only by reading a part as cut, not rounded
        # ("2022年支出78.36万元,其中基本支出76.36万元,项目支出0万元,结余结转0万元": 0 as 0.99): short, a judgement as for any
        # list read as the whole (real reports 16)
        short_by_definition = complete and top < t.lo and Interval(lo, hi).overlaps(t)
        if not (
            exceeds or as_written or short or short_by_definition or (complete and not Interval(lo, hi).overlaps(t))
        ):
            continue
        if (floor or moved) and not exceeds:
            continue
        by_place = exceeds and not single and _end_by_place(run, pi, facts, total, parts)
        if by_place is None:
            continue  # the list may end before its last part, and read so the text agrees
        if exceeds and _of_the_whole(run, pi, facts, total, parts, Interval(lo, hi)):
            continue  # a second 其中 of the whole, after its first list: read so, the text agrees
        odd = _maybe_other_split(run, pi, total, parts) if exceeds and not single and not complete else []
        past_whole = exceeds and not single and _listed_past_the_whole(total, parts)
        # a part printed "60万" read in 万元 (facts' `_BARE_WAN`): a guess the finding says (`contradict` says the total's)
        parts_assumed = "" if total.unit_assumed else unit_assumed(tuple(parts))
        total_said = (pi, total.index) in run.contradicted and (total.index not in said or point in said[total.index])
        if exceeds and not (single or paired or as_written or short or total_said):
            _give_way(run, pi, parts)
        if any((pi, f.index) in run.contradicted for f in parts) or total_said:
            # a figure is reported once — but two lists of one whole that come to different sums ("分别…第一笔…" and a
            # later 其中 by use) cannot both be put right by the whole alone: each is said
            continue
        said.setdefault(total.index, set()).add(point)
        places = max(p.quantity.places for p in parts)
        if any(p.quantity.unit != total.quantity.unit for p in parts):
            places = max(places, total.quantity.places)  # 万元 parts of 2.18亿元: their sum 2.08亿元, not "2亿元"
        names = " + ".join(p.quantity.text for p in parts)
        expected = ("不少于 " if floor else "") + _show(point, total.quantity.unit, places)
        named = _item_named(facts, total)
        what = f"“{named}”的各组成部分之和（{names}）" + ("" if complete else "少于总数" if short else "超过了总数")
        if single and short:  # the one project the text counts ("共有 1 个项目"), below its money
            names = f"{parts[0].subject} {parts[0].quantity.text}"
            what, expected = f"“{_named(total)}”的唯一一项（{names}）少于总数", parts[0].quantity.text
        elif single:
            names = f"{parts[0].subject} {parts[0].quantity.text}"
            what, expected = f"“{_named(total)}”的“其中”一项（{names}）超过了总数", f"不少于 {parts[0].quantity.text}"
        # a total ending the paragraph before, the 其中 opening this one: paired by place unless the parts are its
        # defined items or classes, or each names its noun (prose30: as a carried count, `_paired_by_place`)
        carried_by_place = "" if complete or classes else _paired_by_place(total, parts)
        # (…or a 其中 opening a sentence, or a clause after a semicolon, after a list of parts: held to its last part by
        # place, review31 — "基本支出600万元,项目支出400万元。其中:人员经费500万元,公用经费100万元" is the 基本支出's)
        carried_by_place = carried_by_place or ("" if complete or classes else _after_a_list(text, facts, total, parts))
        rounded = "；若各项是四舍五入后的数字，仍可能相符，请核实" if as_written else ""
        if short:
            rounded = "；“其中”也可能只列出部分项目，若所列即全部，则总数或某一项有误，请核实"  # a judgement
        if short and counted is not None:
            rounded = (
                f"（文中写共{counted.quantity.text.replace(' ', '')}项目，“其中”所列{len(parts)}项读作全部项目；"
                "若总数另含未列入的款项，也可能相符，请核实）"
            )
        if short and respective:
            rounded = f"（{_listed_by(parts)}所列读作总数的全部组成部分；若总数另含未列入的款项，也可能相符，请核实）"
        if short and by_shares:
            rounded = "（所列各项的“占X%”均按所列各项之和计算，读作全部；若总数另含未列入的部分，也可能相符，请核实）"
        if short and stated:
            rounded = (
                f"（文中写明其类别为{stated}，“其中”所列{len(parts)}项即这些类别，读作全部；若总数另含未列入的款项，"
                "也可能相符，请核实）"
            )
        if short and residual:
            rounded = f"（所列末项“{parts[-1].subject}”收拢其余，读作全部；若总数另含未列入的款项，也可能相符，请核实）"
        if short and by_kind:
            rounded = f"（{by_kind}，读作全部；若总数另含其他款项，也可能相符，请核实）"
        if short and classes:
            rounded = (
                f"（按支出经济分类，{'、'.join(_ECONOMIC_CLASS_ZH)}合为基本支出，所列{len(classes)}类读作全部；"
                "若另有未列的类，也可能相符，请核实）"
            )
        if (short or short_by_definition) and cut_only:
            rounded += "（各项按四舍五入读取；若某项是截去尾数的数字，也可能相符）"
        if others:  # which total the heading splits is read as the nearest: a guess beside another whole
            rounded += _beside_wholes(
                parts, total, map(_whole_text, (o for o, _ in others)), "，所列各项也可能是其组成部分，请核实）"
            )
        elif beyond and exceeds:  # beside other wholes, beyond each: wrong whichever the list details
            rounded += _beside_wholes(
                parts, total, map(_whole_text, beyond), "，所列各项之和也超过了它，无论属于哪一个总数都不相符）"
            )
        contradict(
            run,
            pi,
            ref,
            total,
            what,
            f"parts of {named}",
            expected=expected,
            basis=f"{_where(ref)}：{names} = {expected}，而总数写 {total.quantity.text}"
            + (
                "（按定义，" + "＋".join(CLAIM_ZH[c] for c in needed) + f"＝{CLAIM_ZH[_item_claim(facts, total)]}）"
                if complete
                else ""
                if short and (classes or by_kind or respective or residual or stated or counted is not None)
                else "（所列各项之和少于总数）"
                if short
                else f"（{_listed_by(parts)}所列的一项不能超过总数）"
                if single
                else f"（{_listed_by(parts)}各项之和不能超过总数）"
            )
            + rounded
            + ("；“其中”所列到哪一项为止按位置读取（其后的金额也可能不属于它），请核实" if by_place else "")
            + carried_by_place
            + "".join(f"；“{p.subject}”{p.quantity.text}写明“{w}”，口径或时点与总数不同，未计入" for p, w in apart)
            + (
                f"；“包括”所列首项{parts[0].quantity.text}已等于总数，其后各项读作它所包括的组成部分"
                "（也可能列在总数之外），请核实"
                if past_whole
                else ""
            )
            + (f"；{parts_assumed}" if parts_assumed else "")
            + (
                "；"
                + "、".join(f"“{f.subject}”{f.quantity.text}" for f in odd)
                + "可能是资金的另一种划分（结余、新增、投资）或包含其他各项的口径（民生支出），"
                "不一定是这一“其中”的组成部分；不计它们，其余各项未超过总数，请核实"
                if odd
                else ""
            ),
            basis_en=f"{names} = {expected}, the total says {total.quantity.text}"
            + ("; rounded parts could still fit, a person must check" if as_written else "")
            + (
                "; the parts read as rounded half up, cut figures could still fit"
                if (short or short_by_definition) and cut_only
                else ""
            )
            + ("; where the 其中 list ends is read by place, a person must check" if by_place else "")
            + ("; the total ends the paragraph before, paired by place" if carried_by_place else "")
            + "".join(f"; {p.quantity.text} says {w}: another scope or stage, not summed" for p, w in apart)
            + ("; a remainder or an investment may be another split of the money, a person must check" if odd else "")
            + (
                "; the 包括 list read on past a first part equal to the total, a person must check"
                if past_whole
                else ""
            )
            + ("; a part's unit was assumed" if parts_assumed else "")
            + (
                "; the economic classes of 基本支出 read as the whole, a class may be missing: a person must check"
                if short and classes
                else "; the split's classes (by its words) read as the whole, the total may hold more: a person must check"
                if short and by_kind
                else "; as many amounts as the projects the text counts, read as all of them: a person must check"
                if short and counted is not None
                else "; a 分别为 list read as all the parts: a person must check"
                if short and respective
                else "; the classes the text counts read as the whole, the total may hold more: a person must check"
                if short and stated
                else "; a 其中 list may name only some parts, a person must check"
                if short
                else ""
            ),
            certainty=Certainty.JUDGEMENT
            if as_written
            or short
            or short_by_definition
            or others
            or by_place
            or loose
            or odd
            or carried_by_place
            or past_whole
            or bool(parts_assumed)
            or total.unit_assumed != ""
            else Certainty.CERTAIN,
        )
        _consequent_rates(run, pi, total, parts, point)


#: A figure named only by an adjustment ("调增50万元", "年中调减50万元"), and the base level one may add to ("年初预算").
_BARE_MOVE = lazy_compile(r"(?:年中|年内)?(?:调增|调减|核增|核减)(?:了)?")
_BASE_LEVEL = lazy_compile(r"年初|原|调整前|初始|批复")


#: A move of a level, however named ("年中追加", "调增", "核减"), and one that takes money off it.
_LEVEL_MOVE = lazy_compile(r"追加|调增|调减|核增|核减")
_CUT = lazy_compile(r"调减|核减")


def _parts_own_moves(parts: list[Fact]) -> set[int]:
    """The ids of the parts named only by an adjustment after a part that is no base level ("其中基本支出600万元,调增50万元,
    项目支出400万元,调减50万元", fix32r): that part's move, no further part — after a base level it is one ("其中年初预算950
    万元,调增50万元" makes the 1000), and so after such a move of the level (review33: "其中年初预算80万元,年中追加30万元,
    调减10万元": the 调减 is the level's too, `_cuts_of_a_level`)."""
    moved: set[int] = set()
    level_moves = False  # the part before is the base level or one of its moves
    for part, before in zip(parts[1:], parts, strict=False):
        words = before.subject + compact_name(_around(before)[0])
        level_moves = bool(_BASE_LEVEL.search(words)) or (
            level_moves and id(before) not in moved and bool(_LEVEL_MOVE.search(words))
        )
        if _BARE_MOVE.fullmatch(compact_name(part.subject)) is not None and not level_moves:
            moved.add(id(part))
    return moved


def _cuts_of_a_level(parts: list[Fact]) -> list[Fact]:
    """The cuts ("调减10万元") among a base level's moves in a 其中 list ("预算数100万元,其中年初预算80万元,年中追加30万元,调减
    10万元", review33: summed, 80 + 30 + 10 over the 100 was a false 错误): money the whole is less by, not a part."""
    moved = _parts_own_moves(parts)
    return [
        p
        for p in parts[1:]
        if id(p) not in moved and _BARE_MOVE.fullmatch(compact_name(p.subject)) and _CUT.search(p.subject)
    ]


def _check_level_with_cuts(
    run: _Run, pi: int, ref: TextRef | CellRef, total: Fact, parts: list[Fact], unit: str
) -> None:
    """A base level, its additions and its cuts against the whole they make (`_cuts_of_a_level`): the cuts taken off.
    More than the whole is certain, as for any 其中 list; less is a judgement (the list may leave a move out)."""
    cuts = _cuts_of_a_level(parts)
    added = [p for p in parts if all(p is not c for c in cuts)]
    plus, minus = _sum_in(run, pi, added, unit), _sum_in(run, pi, cuts, unit)
    if plus is None or minus is None or any(_bound(p) or _approximate(p) or range_low(p) for p in (total, *parts)):
        return
    span = Interval(plus[0].lo - minus[0].hi, plus[0].hi - minus[0].lo)
    if span.overlaps(_operand(run, pi, total)):
        return
    point = plus[1] - minus[1]
    short = span.hi <= _operand(run, pi, total).lo
    places = max(p.quantity.places for p in parts)
    expected = _show(point, total.quantity.unit, places)
    names = " + ".join(p.quantity.text for p in added) + "".join(f" − {c.quantity.text}" for c in cuts)
    contradict(
        run,
        pi,
        ref,
        total,
        f"“{_named(total)}”的各组成部分（{names}）与总数不符",
        f"level and moves of {_named(total)}",
        expected=expected,
        basis=f"{_where(ref)}：{names} = {expected}，而总数写 {total.quantity.text}（年初数加追加、调增，减调减、核减）"
        + ("；所列少于总数，也可能另有未列的调整，请核实" if short else ""),
        basis_en=f"{names} = {expected}, the total says {total.quantity.text} (the base level, plus additions, less cuts)"
        + ("; the list may leave a move out, a person must check" if short else ""),
        certainty=Certainty.JUDGEMENT if short else Certainty.CERTAIN,
    )


def _listed_past_the_whole(total: Fact, parts: list[Fact]) -> bool:
    """A list opened by "包括" whose first part alone is the total, read on past it (`facts._included_goes_on`: "预算数60万元,
    其中包括兵团补贴资金60万, 2018年度结余资金12.664万元", 十四师 2019, reports38): the later parts are the total's by
    the words, yet may be listed beside it — an excess resting on that reading is a judgement."""
    first = parts[0]
    return compact_name(first.subject).startswith(("包括", "包含")) and (first.quantity.unit, first.quantity.value) == (
        total.quantity.unit,
        total.quantity.value,
    )


_WAN = Decimal(10000)


def _restated_steps(total: Fact, parts: list[Fact]) -> tuple[Decimal, ...] | None:
    """The coarsest step each figure's 万元 print may have had, for amounts in 元 that are all whole hundreds ("23192100元"
    is "2319.21万元" restated, "300000元" may be "30万元"): 100, 1000 or 10000 元 each, the total's first — else None (元
    figures as printed). The sum check reads them to 100 元 (a two-decimal 万元 print), and parts over their total only
    so as finely printed as it only when none may be coarser (real reports 22's 元 rewrite of "2319.21万元，其中…")."""
    figures = (total, *parts)
    if any(f.quantity.unit != "元" or f.quantity.step != 1 or f.quantity.value % 100 for f in figures):
        return None
    return tuple(next(s for s in _WAN_STEPS if not f.quantity.value % s) for f in figures)


_WAN_STEPS = (Decimal(10000), Decimal(1000), Decimal(100))
_HUNDRED = Decimal(100)


def _whole_wan_may_fit(total: Fact, parts: list[Fact]) -> bool:
    """Amounts in 元 that are all whole 万 ("9950000元" for "995万元") may be 万元 figures restated, rounded to 万 as the
    万元 ones were: parts that fit their total read so (each half a 万 either way) are a judgement, as their 万元 print
    is, not a certain excess (real reports 13: 衢江 2016's 38 + 958 against 995万元, restated in 元)."""
    figures = (total, *parts)
    if any(f.quantity.unit != "元" or f.quantity.step < 1 or f.quantity.value % _WAN for f in figures):
        return False
    return sum(p.quantity.value for p in parts) - _WAN / 2 * len(parts) < total.quantity.value + _WAN / 2


#: A difference of two figures named as such (差值, 差额): its parts are differences too.
_DIFFERENCE = lazy_compile(r"差值|差额")


def _shares_of_the_parts_sum(facts: tuple[Fact, ...], parts: list[Fact], summed: Decimal, total: Fact) -> bool:
    """The parts' own shares ("一般公共服务支出（类）207.40万元，占1.03%；公共安全支出（类）556.78万元，占2.75%…") are each
    of the parts' sum, and not all of the total printed: the list is the whole the shares divide, the total the odd
    figure (宜川路 2025 p29 with its total changed, real reports 22: four share findings for one wrong figure)."""
    index = {p.index: p for p in parts}
    shares = [(index[f.of], f) for f in facts if f.role == "share" and f.of in index]
    if len(shares) < 2 or summed <= 0 or total.quantity.value <= 0:
        return False
    whole = total.quantity.value
    of_sum = all(
        _agrees(s, Interval(p.quantity.value / summed * HUNDRED, p.quantity.value / summed * HUNDRED))
        for p, s in shares
    )
    return of_sum and not all(
        _agrees(s, Interval(p.quantity.value / whole * HUNDRED, p.quantity.value / whole * HUNDRED)) for p, s in shares
    )


def _consequent_rates(run: _Run, pi: int, total: Fact, parts: list[Fact], summed: Decimal) -> None:
    """Drop the paragraph's earlier rate findings that only say again the one figure this sum finds wrong: a share,
    完成预算的% or 增减率 that agrees once that figure is put right — the total as its parts' sum (桃江 2019: 20.10 + 2.52 =
    22.62, and 88.86% is 20.10 / 22.62, not of the 20.36 printed), or one part as the total less the others. A figure
    is reported once (real reports 13: the rates' findings came beside the sum's for one wrong figure)."""
    implied = {total.index: summed}
    for p in parts:
        if p.quantity.unit == total.quantity.unit:
            implied[p.index] = total.quantity.value - (summed - p.quantity.value)
    for at, issue, rate, operands in run.rate_issues:
        if at != pi or issue not in run.issues:
            continue
        for index, value in implied.items():
            if index in (o.index for o in operands) and _agrees_with(rate, operands, index, value):
                run.issues.remove(issue)
                break


def _agrees_with(rate: Fact, operands: tuple[Fact, ...], index: int, value: Decimal) -> bool:
    """The rate agrees when the operand at `index` is `value` (a share or 完成预算的%: the first over the second; a
    增减率: the change over the figure before it — of the part after which it is stated, or of the part's total)."""
    return rate_follows(rate, operands, index, value) is not None


def rate_follows(rate: Fact, operands: tuple[Fact, ...], index: int, value: Decimal) -> Decimal | None:
    """The rate computed with the operand at `index` as `value` that agrees with the printed one (`_agrees_with`), if any."""
    return next((r for r in _rates_with(rate, operands, index, value) if _agrees(rate, Interval(r, r))), None)


def _rates_with(rate: Fact, operands: tuple[Fact, ...], index: int, value: Decimal) -> list[Decimal]:
    """The rates `_agrees_with` holds the printed one to, with the operand at `index` as `value` (none when the rate's
    operands are no reading of it). A change rate over the base its words name (`_rate_from_base`: "2026年预算安排X万元，
    比2025年预算执行数增加R%", operands (figure, base)) is |figure − base| / base, and only when the figure moves the way
    the words say — a direction the figure does not give is a second error of its own (司法局 2026 单位预算 p20)."""
    a, *bases = (value if o.index == index else o.quantity.value for o in operands)
    if rate.role == "change_rate" and rate.base is not None and len(bases) == 1:
        (b,) = bases
        if b <= 0 or a == b or (rate.direction and (a < b) != (rate.direction < 0)):
            return []
        return [abs(a - b) / b * HUNDRED]
    if rate.role == "change_rate" and rate.base is None:
        bases = [b + a if rate.direction < 0 else b - a for b in bases]
    elif rate.role not in ("share", "completion") or len(bases) != 1:
        return []
    return [a / b * HUNDRED for b in bases if b > 0]


#: A 其中 part that may be another split of the money rather than one of its sources or uses: what is left of it
#: (结余, 剩余, 结存) or an investment it is set beside (新增投资) — review 11e.
_OTHER_SPLIT = lazy_compile(
    r"^(?:\d{4}年|本年|当年)?(?:结余|剩余|结存|新增投资|投资|新增资金)"
    # a group of spending across the function classes ("民生支出9.5亿元" beside "教育支出3亿元": 民生 holds 教育 —
    # review28r, "其中:民生支出…;教育支出…;卫生健康支出…" over the year's spending was an 错误 '超过了总数')
    r"|^(?:全[县市区省])?(?:重点)?(?:民生|刚性|三保)(?:类|领域|方面)?支出"
)
#: What is left of the money (结余, 剩余, 结存) or newly added (新增资金): another split only beside parts naming
#: sources (中央资金 …) — beside money spent or carried in it is the same split.
_SPLIT_BESIDE_SOURCES = lazy_compile(r"^(?:\d{4}年|本年|当年)?(?:结余|剩余|结存|新增资金)")


#: Words opening what money was used for ("用于设备购置70万元…"), as facts' `_USED_FOR`.
_USED_FOR_WORDS = ("用于", "主要用于", "分别用于")


def _of_the_whole(
    run: _Run, pi: int, facts: tuple[Fact, ...], total: Fact, parts: list[Fact], summed: Interval
) -> bool:
    """A 其中 list read as a part's own that exceeds it but makes the whole that part is one of ("项目资金120万元,其中中央资金
    80万元,省级资金40万元,其中设备购置70万元,人员培训50万元": 70 + 50 is the 120 split by use, not the 省级资金's parts):
    which amount the second 其中 opened is read by place — no 错误 may rest on it (review 12). Only a list a 其中 of its
    own opens: not one its words tie to the part (包括, 分别为, a colon after it). A list in a later sentence than the part
    may as well be another whole's of the paragraph before it, no part of any ("收入合计200万元,…,主要原因是新增项目资金
    100万元,其中中央资金60万元、省级资金40万元。其中:财政拨款收入120万元,…事业收入80万元": the 200's, review25r)."""
    if total.parent is None or any(p.listed_by for p in parts):
        return False
    opens = parts[0].clause.lstrip()
    # (a list "用于…" after a part may be the whole's uses too: "项目资金100万元,其中中央资金60万元,用于设备购置70万元、
    # 培训30万元" — review12n, was a 错误 '中央资金 70 + 30 over 60')
    wholes = [facts[total.parent]] if opens.startswith(("其中", *_USED_FOR_WORDS)) else []
    if parts[0].sentence > total.sentence:
        wholes += [
            f for f in facts[: total.index] if f.parent is None and f.quantity.is_money and f.role in _WHOLE_ROLES
        ]
    # (a list after "950万元:" is that amount's own: its words tie it there)
    return any(summed.overlaps(_operand(run, pi, whole)) for whole in wholes)


def _item_base(facts: tuple[Fact, ...], rate: Fact, change: Fact) -> bool:
    """True when a rate and the change before it measure from a base their sentence states of their item ("较2024年
    797.63万元减少52.54万元,下降7.84%"): the rate is that change over it, whatever the item's level."""
    base = facts[rate.base] if rate.base is not None else None
    return (
        base is not None
        and change.base == rate.base
        and base.role == "previous"
        and base.subject == rate.subject == change.subject
        and base.sentence == rate.sentence
        and base.quantity.unit == change.quantity.unit
    )


def _splits_a_part_before(run: _Run, pi: int, text: str, parts: list[Fact]) -> int:
    """A sentence opening with 其中 among a list's parts whose figures make a part listed before it ("全市财政总收入420.5
    亿元。其中一般公共预算收入284.1亿元。财政总收入完成预算的98%。其中:税收收入162.2亿元,非税收入121.9亿元", prose29):
    by place the whole's list goes on, by its figures it is that part's split — read so the text agrees, no 错误 may rest
    on the place. The index of its first part, 0 for none."""
    said = sentences(text)
    for k in range(1, len(parts)):
        at = parts[k].sentence
        if at == parts[k - 1].sentence or at >= len(said) or not said[at].lstrip().startswith("其中"):
            continue
        group = [p for p in parts[k:] if p.sentence == at]
        for part in parts[:k]:
            summed = _sum_in(run, pi, group, part.quantity.unit)
            if summed is not None and summed[0].overlaps(_operand(run, pi, part)):
                return k
    return 0


def _maybe_other_split(run: _Run, pi: int, total: Fact, parts: list[Fact]) -> list[Fact]:
    """The parts of a 其中 list that exceeds its total which may belong to another split ("下达资金120万元,其中中央资金
    80万元,结余资金50万元"), when the other parts alone stay within the total: the excess rests on reading them as parts,
    a judgement (警告). Empty for a list whose words name what it splits by (a heading, 一是…, 分别)."""
    if any(p.listed_by for p in parts):
        return []
    odd = [p for p in parts if _OTHER_SPLIT.match(p.subject.strip())]
    rest = [p for p in parts if p not in odd]
    if not any(_SOURCE_WORDS.search(p.subject) for p in rest):
        # what is left beside money spent or used ("其中已支出100万元,结余30万元", "其中设备购置80万元,剩余资金50万元"):
        # the rest of the same money, one split — the excess is certain (review 12)
        odd = [p for p in odd if not _SPLIT_BESIDE_SOURCES.match(p.subject.strip())]
    if not odd or not rest:
        return []
    summed = _sum_in(run, pi, rest, total.quantity.unit)
    if summed is None or summed[0].lo >= _operand(run, pi, total).hi:
        return []
    return odd


def _inline_subtotal(run: _Run, pi: int, parts: list[Fact], unit: str, whole: Interval) -> bool:
    """A part the next two or more parts make, listed flat beside them, the list then making its total without them
    ("支出总计500万元,其中:本年支出合计480万元,基本支出300万元,项目支出180万元,年末结转和结余20万元" — the 决算 template's
    本年支出合计 and its 基本/项目 split, the bracket left out; review15b: summed flat, 980 against 500 was an 错误):
    a reading in which the list agrees, so no finding rests on the flat one."""
    for k in range(len(parts) - 2):
        head = _sum_in(run, pi, parts[k : k + 1], unit)
        for m in range(k + 3, len(parts) + 1):
            inner = _sum_in(run, pi, parts[k + 1 : m], unit)
            rest = _sum_in(run, pi, parts[: k + 1] + parts[m:], unit)
            if head and inner and rest and head[0].overlaps(inner[0]) and rest[0].overlaps(whole):
                return True
    return False


def _end_by_place(run: _Run, pi: int, facts: tuple[Fact, ...], total: Fact, parts: list[Fact]) -> bool | None:
    """Whether a 其中 list that exceeds its total has its end read by place (issue 12: an 错误 must not rest on it):
    False when its first part alone exceeds the total (certain, wherever the list ends) or nothing says the list may end
    early; True when a sum word closes the sentence's run after it (facts.py found no reading of the list's end that
    makes the sum) or the list is a part's own (nested: "其中道路50万元,其中设备30万元,绿化50万元" — 绿化 may be the
    outer list's); None when, nested, some end leaves both lists within their totals (a reading that agrees)."""
    unit, whole = total.quantity.unit, _operand(run, pi, total)
    first = _sum_in(run, pi, parts[:1], unit)
    if first is None or first[0].lo >= whole.hi or any(p.listed_by for p in parts):
        return False  # (a list of 一是…二是, instalments or a split heading: its words mark where it ends)
        return False
    last = parts[-1]
    sums = [
        f
        for f in facts
        if f.subject == "合计" and f.parent is None and f.sentence == last.sentence and f.index > last.index
    ]
    # a sum the parts make confirms where the list ends ("其中基本支出60万元,项目支出50万元,合计110万元"); one the amounts
    # outside the list make says nothing of it ("A项目30万元,其中设备20万元、安装15万元;B项目40万元;合计70万元")
    top = [f for f in facts[: sums[0].index] if f.quantity.is_money and f.parent is None] if sums else []
    closed = bool(sums) and not any(
        (got := _sum_in(run, pi, run_of, sums[0].quantity.unit)) and got[0].overlaps(_operand(run, pi, sums[0]))
        for run_of in [parts, *(top[k:] for k in range(len(top) - 1))]
    )
    if total.parent is None or not parts[0].clause.lstrip().startswith("其中"):
        return closed  # (a part's list in brackets or after its colon: the bracket or the semicolon ends it)
    outer = facts[total.parent]
    siblings = [f for f in facts if f.parent == outer.index and f.listed_by == total.listed_by and f.quantity.is_money]
    for k in range(1, len(parts)):
        inner = _sum_in(run, pi, parts[:k], unit)
        around = _sum_in(run, pi, siblings + parts[k:], outer.quantity.unit)
        if inner and around and inner[0].lo < whole.hi and around[0].lo < _operand(run, pi, outer).hi:
            return None
    return True


#: The year a change names as its base ("较2017年增加741.79万元"): the message names it instead of 上年.
_NAMED_YEAR = lazy_compile(r"(?:比|较|与)\s*((?:19|20)\d{2}年)")
#: The year naming a level in its clause ("2023年度决算12.5万元").
_YEAR_OF_LEVEL = lazy_compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def _other_years_level(facts: Sequence[Fact], current: Fact) -> Fact | None:
    """A level of `current`'s item printed before it in its sentence and named by another year than its own: the two
    years' figures of the item, a change after them perhaps the one between them."""
    mine = _YEAR_OF_LEVEL.findall(current.clause)
    if len(mine) != 1:
        return None
    for f in reversed(facts[: current.index]):
        if f.sentence != current.sentence:
            break
        if f.role in ("value", "final", "budget") and f.subject == current.subject and f.parent is None:
            years = _YEAR_OF_LEVEL.findall(f.clause)
            if len(years) == 1 and years != mine and f.quantity.unit == current.quantity.unit:
                return f
    return None


def _by_measure(facts: tuple[Fact, ...], lists: Iterable[tuple[Fact, list[Fact]]]) -> Iterator[tuple[Fact, list[Fact]]]:
    """Each list as it stands — but a 其中 giving each item its 预算数 then its 决算 ("预算数为832.05万元,决算支出数为
    820.33万元,…其中:…公务接待费预算数为310.37万元,决算支出数为249.29万元,较2022年决算数…;公务用车…预算数为521.67万元,
    决算支出数为571.04万元…", 云县 2023, real reports 18) is two lists: the budgets of the whole's 预算数 and the spendings
    of its 决算, the two wholes named side by side before the 其中 (gaps16: summed as one list it made a wrong sum; skipped
    since reports18, a wrong 决算 total went unfound). A list mixing the measures any other way says no whole: skipped."""
    for total, parts in lists:
        if not _measures_per_item(parts) or _budget_spending_pairs(parts):
            yield total, parts  # (each source's 预算数 and 执行数: the total's kind only, `_sums`)
            beside = facts[total.index - 1] if total.index and _spent(total) else None
            if (
                beside is not None
                and _measures_per_item(parts)
                and beside.role == "budget"
                and beside.subject == total.subject
                and (beside.sentence, beside.parent) == (total.sentence, total.parent)
                and all(_stage(b) == _stage(beside) for b in parts if b.role == "budget")
            ):
                # "云县2023“三公”经费预算数为832.05万元,决算支出数为820.33万元,…其中:…公务接待费预算数为310.37万元,决算支出数
                # 为249.29万元…" — each item's pair read since lost17 (决算支出数 a 决算): the budgets are the parts of the
                # whole's 预算数 beside its 决算 as before (only more than it said, as for any pairs) — of one moment
                # ("“三公”经费调整预算数为40万元,…其中:…预算数为20万元": no sum of the 调整 budget, review17a)
                yield beside, parts
            continue
        budgets, spent = parts[0::2], parts[1::2]
        if len(budgets) != len(spent) or not all(b.role == "budget" for b in budgets) or not all(map(_spent, spent)):
            continue
        # the other measure's whole right beside the list's total: the budget before its 决算, the 决算 after its budget
        other = facts[total.index - 1] if _spent(total) and total.index else None
        if total.role == "budget" and total.index + 1 < len(facts):
            other = facts[total.index + 1]
        for whole, kind in ((total, spent if _spent(total) else budgets), (other, budgets if _spent(total) else spent)):
            if whole is None or whole.sentence != total.sentence or whole.parent != total.parent:
                continue
            if kind is budgets and any(_stage(b) != _stage(whole) for b in budgets):
                continue  # "年初预算数300万元,…其中中央资金全年预算数250万元": budgets of another moment
            if (whole.role == "budget") == (kind is budgets) and (kind is budgets or _spent(whole)):
                yield whole, kind


def _item_of(facts: tuple[Fact, ...], f: Fact) -> Fact | None:
    """The item a 决算 named by its measure alone is of: the 预算数 right before it in its list ("…公务接待费预算数为310.37
    万元,决算支出数为249.29万元" — the 249.29 is the 公务接待费's); None for a figure that names its own."""
    before = facts[f.index - 1] if f.index else None
    if f.claim or before is None or not _spent(f) or before.role != "budget" or before.parent != f.parent:
        return None
    return before


def _an_item_twice(facts: tuple[Fact, ...], parts: list[Fact]) -> bool:
    """Two of a list's parts of one item — its 预算 and its 支出 ("其中:因公出国(境)费0万元,公务用车购置及运行维护费80万元,
    公务接待费预算30万元,支出20万元"), or an item beside its own defined part ("公务用车购置及运行维护费80万元,公务用车运行
    维护费80万元"): summed, the item counts twice; which figure is the part the words leave open (review24p)."""
    claims = [c for p in parts if (c := _item_claim(facts, p)) in _DEFINED_ITEMS]
    return len(set(claims)) < len(claims) or any(d in claims for c in claims for d in DECOMPOSITIONS.get(c, ()))


#: The items a whole consists of by definition (`DECOMPOSITIONS`: 公务接待费, 基本支出…): a part of such a name is that
#: item; a broader name ("财政拨款支出" read as 支出) may stand for many parts of one list.
_DEFINED_ITEMS = frozenset(c for items in DECOMPOSITIONS.values() for c in items)


def _each_item_once(facts: tuple[Fact, ...], parts: list[Fact], unit: str) -> list[Fact]:
    """A list's parts with each item once at its least reading: of an item's figures the least, of an item and its own
    defined parts beside it the smaller of the two ([] when a part's unit cannot be put in `unit`) — the sum no reading
    of which figure is the part goes below (review24p)."""
    factors = [convert(Decimal(1), p.quantity.unit, unit).factor for p in parts]
    if not all(factors):
        return []
    least: dict[str, tuple[Decimal, list[Fact]]] = {}
    for i, (p, k) in enumerate(zip(parts, factors, strict=True)):
        claim = _item_claim(facts, p)
        claim = claim if claim in _DEFINED_ITEMS else f"#{i}"  # a part of no defined item is its own
        value = p.quantity.value * (k or Decimal(0))
        if claim not in least or value < least[claim][0]:
            least[claim] = (value, [p])
    for claim, inner in DECOMPOSITIONS.items():
        if claim not in least or not (own := [least.pop(c) for c in inner if c in least]):
            continue
        together = (sum((v for v, _ in own), Decimal(0)), [p for _, ps in own for p in ps])
        least[claim] = min(least[claim], together, key=lambda got: got[0])
    return sorted((p for _, ps in least.values() for p in ps), key=lambda p: p.index)


def _item_claim(facts: tuple[Fact, ...], f: Fact) -> str:
    """The claim a figure is of, a 决算 named by its measure alone its item's (`_item_of`)."""
    item = _item_of(facts, f)
    return f.claim if item is None else item.claim


def _item_named(facts: tuple[Fact, ...], f: Fact) -> str:
    """A figure's name for a message, a 决算 named by its measure alone with its item's name before it
    ("公务用车购置及运行维护费预算数为521.67万元,决算支出数为571.04万元" → 公务用车购置及运行维护费决算支出数)."""
    item = _item_of(facts, f)
    if item is None:
        return _named(f)
    if item.subject and f.subject.startswith(item.subject):
        # "…“三公”经费财政拨款支出年初预算为22.00万元,支出决算为8.77万元" (嘉定 2017): the 决算 read with the 预算's
        # subject names its item already — its label says which figure it is (not the subject twice, session 28)
        return f.label or _named(f)
    return f"{_named(item)}{_named(f)}"


def _spent(f: Fact) -> bool:
    """A spending by its role or by its words ("决算支出数", "执行数")."""
    return _is_spending(f) or (f.role == "value" and bool(SPENDING_WORDS.search(f.subject)))


def _measures_per_item(parts: list[Fact]) -> bool:
    """A 其中 list giving its items a 预算数 and a figure of another kind each, not as the clean pairs
    `_budget_spending_pairs` reads: budgets and spendings are not parts of one figure, and which of them the total
    splits the list does not say."""
    budgets = sum(1 for p in parts if p.role == "budget")  # a 预算数 by role: not "一般公共预算财政拨款收入" (a source)
    spent = sum(map(_spent, parts))
    return budgets >= 2 and spent >= 2


def _change_told(facts: tuple[Fact, ...], whole: int, before: int) -> bool:
    """The whole's own change was stated before its part ("公务用车购置及运行费支出5万元,比2019年预算增加2.8万元…。其中:公务
    用车运行费2.8万元,比2019年预算增加2.8万元…"): a change after the part is then the part's, not the whole's again."""
    return any(f.role == "change" and f.of == whole and f.index < before for f in facts)


def _before_change(
    run: _Run, pi: int, current: Fact, amount: Fact, a: Interval, down: bool
) -> tuple[Interval, Decimal]:
    """The earlier figure a change of `amount` (its size `a`) leads to from `current` (its range at the printed
    precisions, and the point value): current + change after a decrease, current − change after an increase."""
    c = _operand(run, pi, current)
    prev = Interval(c.lo + a.lo, c.hi + a.hi) if down else Interval(c.lo - a.hi, c.hi - a.lo)
    av, cv = amount.quantity.value, current.quantity.value
    return prev, (cv + av if down else cv - av)


def _agrees(rate: Fact, computed: Interval | None) -> bool:
    """The printed rate may be `computed` at its printed precision."""
    if computed is None:
        return False
    return computed.overlaps(Interval.printed(abs(rate.quantity.value), rate.quantity.step))


def _rounded_top(parts: list[Fact], unit: str, point: Decimal) -> Decimal:
    """The parts' sum at its largest when each was rounded half up as printed (point + half a printed step each, in
    `unit`): a printed number also stands for a cut one (`precision.Interval`), which only a judgement may set aside."""
    half = sum(
        (p.quantity.step / 2 * (convert(Decimal(1), p.quantity.unit, unit).factor or Decimal(0)) for p in parts),
        Decimal(0),
    )
    return point + half


def _other_wholes(facts: tuple[Fact, ...], total: Fact, parts: list[Fact]) -> list[Fact]:
    """The other money totals before a split heading's parts in the paragraph, in the total's unit ("收入决算1200万元，
    支出决算1000万元。按资金来源分：…"): the heading is read as splitting the nearest (`facts._split_whole`), but which
    whole it splits the words do not say — parts making another of them are that one's, parts beyond the nearest only a
    guess against it. For a list opened by 其中, which names its total, only a budget its sentence prints as the base the
    total is compared with ("支出决算1134万元,较预算数1237万元减少103万元,其中:基本支出预算800万元,项目支出预算437万元":
    the 其中 may split that budget — review24r: held to the 1134 alone, a false 错误 once `facts._COMPARED_BUDGET` took the
    budget out of the totals)."""
    first = min(p.index for p in parts)
    if not _SPLIT_HEADING.fullmatch(parts[0].listed_by.strip("“”")):
        return [
            f
            for f in facts[total.index + 1 : first]
            if f.sentence == total.sentence and f.quantity.unit == total.quantity.unit and is_compared_budget(f)
        ]
    return [
        f
        for f in facts[:first]
        if f.index != total.index
        and f.parent is None
        and f.quantity.is_money
        and f.quantity.unit == total.quantity.unit
        and f.role in ("value", "budget", "final")
    ]


#: Words by which a figure restates the one before it as changed ("调整为65万元", "调整后为…").
_RESTATED = lazy_compile(r"^(?:年中)?(?:调整|变更|调增|调减)(?:后)?(?:为|至)")
#: The roles of a figure that may be a whole a 其中 splits (not a change, a rate or a share).
_WHOLE_ROLES = ("value", "budget", "final", "previous")


def _spans(run: _Run, wholes: list[Fact], unit: str) -> list[tuple[Fact, Interval]] | None:
    """Each whole with its range in `unit` (each at its own paragraph's reading); None when one does not convert."""
    out: list[tuple[Fact, Interval]] = []
    for o in wholes:
        summed = _sum_in(run, o.paragraph, [o], unit)
        if summed is None:
            return None
        out.append((o, summed[0]))
    return out


#: A balance carried in from years before ("上年结转200万元", "年初结转结余", "以前年度结余"): money the year has on top
#: of its 收入 or budget (收入总计 = 本年收入 + 上年结转, 部门决算 口径).
_CARRIED_IN = lazy_compile(r"(?:上年|上一年|年初|以前年度|往年)(?:度)?(?:结转|结余)")


def _pooled(run: _Run, wholes: list[Fact], parts: list[Fact], unit: str) -> list[tuple[str, Interval]] | None:
    """ "本年收入1200万元，上年结转200万元，本年支出1000万元。其中：财政拨款1300万元，其他资金100万元。": a list of sources
    may detail the money available, a carried-in balance and a 收入 or budget beside it together (1400, review13n — was
    an 错误 '超过了总数', beyond each whole alone): each such pair's sum in `unit`, named for a message. None for parts
    naming a department's spending (基本支出, 人员经费 …): they detail the 支出. Uses ("设备购置…，抽检费用…") may be
    the money available's planned uses: `_sums` lets only sources (`_SOURCE`) making it stand quiet."""

    def words(f: Fact) -> str:
        return _around(f)[0] or f.subject

    if any(p.claim in _SPENDING_CLAIMS for p in parts):
        return []
    carried_in = [
        f
        for f in wholes
        if f.role in ("value", "budget")
        and _CARRIED_IN.search(words(f))
        and not SPENDING_WORDS.search(words(f))
        and _before(f) is not None  # (not "收入50万元（含上年结转10万元）": inside the 收入 already)
    ]
    out: list[tuple[str, Interval]] = []
    for c in carried_in:
        for w in wholes:
            if w is c or w in carried_in or w.role not in ("value", "budget") or SPENDING_WORDS.search(words(w)):
                continue
            if w.claim in _SPENDING_CLAIMS:
                continue
            a, b = _sum_in(run, w.paragraph, [w], unit), _sum_in(run, c.paragraph, [c], unit)
            if a is None or b is None:
                return None
            out.append((f"{_whole_text(w)}与{_whole_text(c)}之和", Interval(a[0].lo + b[0].lo, a[0].hi + b[0].hi)))
    return out


#: Words of a source of money (财政拨款, 中央补助, 其他资金, 上年结转 …), as a list of the money available names its parts.
_SOURCE = lazy_compile(r"拨款|资金|收入|补助|结转|结余|专项|中央|省级|市级|县级|自筹|其他|财政|债券|基金|上级|本级|批")


#: Claims of money spent: no money available a carried-in balance adds to.
_SPENDING_CLAIMS = ("expense", "basic_expense", "project_expense", "personnel", "public_funds")


def _whole_text(whole: Fact | str) -> str:
    """A whole as a message names it: “收入”1200万元 (a pooled whole comes named)."""
    return whole if isinstance(whole, str) else f"“{_named(whole)}”{whole.quantity.text}"


def _past_another_wholes_list(
    run: _Run, facts: tuple[Fact, ...], text: str, total: Fact, parts: list[Fact]
) -> list[Fact] | None:
    """ "收入1200万元，支出1000万元。" ¶ "其中：财政拨款收入1100万元，其他收入100万元；基本支出700万元，项目支出300万元。": one
    其中 after several wholes may list the parts of each in turn (review13n — summed, 2200 against the 支出 was an 错误).
    Where the list's first (or last) parts make an earlier whole, and stand apart from the others (a ；or 。 between, or
    each naming that whole and none of the others), the other parts are the total's: those are returned; None where
    they make the total itself and the rest fit under an earlier whole (they are that one's); `parts` otherwise."""
    earlier = _earlier_wholes(facts, total)
    if not earlier:
        return parts
    unit = total.quantity.unit
    breaks = _list_breaks(text, parts)
    for k in range(1, len(parts)):
        for group, rest in ((parts[:k], parts[k:]), (parts[k:], parts[:k])):
            made = _sum_in(run, total.paragraph, group, unit)
            if made is None:
                continue
            for whole in (*earlier, total):
                at = _sum_in(run, whole.paragraph, [whole], unit)
                if at is None or not at[0].overlaps(made[0]):
                    continue
                apart = k in breaks or (
                    bool(whole.subject)
                    and all(whole.subject in p.subject for p in group)
                    and not any(whole.subject in p.subject for p in rest)
                )
                if not apart:
                    continue
                if whole is not total:
                    return rest
                left = _sum_in(run, total.paragraph, rest, unit)
                if left is not None and any(
                    (w := _sum_in(run, o.paragraph, [o], unit)) and left[0].lo < w[0].hi
                    for o in earlier
                    if _may_hold(o, total, rest)
                ):
                    return None
    return parts


def _may_hold(whole: Fact, total: Fact, rest: list[Fact]) -> bool:
    """Whether the rest of a list may be an earlier whole's parts: a whole of the total's kind (收入 beside 支出, both
    amounts), or one whose kind the rest share. Not the same money's budget when the rest are outturns like the total
    ("年初预算为22.00万元,支出决算为8.77万元,其中:因公出国(境)费决算为1万元;…决算为8.47万元;…决算为0.30万元": the 1万元
    is a 决算 part of the 8.77, not of the 22 — session 13: reports13's probe, lost in review13n)."""
    return whole.role == total.role or all(p.role == whole.role for p in rest)


def _list_breaks(text: str, parts: list[Fact]) -> set[int]:
    """The places k in a list where a ；or 。 stands between its parts k − 1 and k, found in `text` in order."""
    spans: list[tuple[int, int]] = []
    at = 0
    for p in parts:
        found = text.find(p.quantity.text, at)
        while found > 0 and text[found - 1] in "0123456789.":  # "100万元", not the 100万元 of "1100万元"
            found = text.find(p.quantity.text, found + 1)
        if found < 0:
            return set()
        spans.append((found, found + len(p.quantity.text)))
        at = spans[-1][1]
    return {k for k in range(1, len(parts)) if any(c in "；;。\n" for c in text[spans[k - 1][1] : spans[k][0]])}


def _makes_a_rival_of_its_claim(run: _Run, total: Fact, made: Interval, unit: str) -> bool:
    """A carried total's rival of the same claim (another year's 支出) that parts completing the claim's decomposition
    make: the list may be that one's (review13n — was an 错误 '按定义，基本支出＋项目支出＝支出决算'). Parts making
    neither stay an 错误: a complete decomposition must equal its whole."""
    for rival in total.rivals:
        at = _sum_in(run, rival.paragraph, [rival], unit) if rival.claim == total.claim else None
        if at is not None and at[0].overlaps(made):
            return True
    return False


def _named_as(whole: Fact, total: Fact, parts: list[Fact]) -> bool:
    """A part names `whole`'s claim (收入, 支出…) where the total it was read under is of another."""
    return bool(whole.claim) and whole.claim != total.claim and any(p.claim == whole.claim for p in parts)


def _earlier_wholes(facts: tuple[Fact, ...], total: Fact) -> list[Fact]:
    """The money figures before the total a 其中 was read under, no part of any ("收入1200万元,支出1000万元,其中:财政拨款
    收入1100万元,其他收入100万元"; "2020年收入1200万元,2019年收入1000万元,其中2020年…"): a 其中 is read as the
    nearest figure's, but a list that makes one of these may be that one's — no 错误 (nor 警告) rests on the place
    alone (review12n). A list completing the total's own decomposition (基本支出 + 项目支出 under 支出) stays its. A total
    carried from the paragraph before brings its sentence's other wholes along (`Fact.rivals`, narr13)."""
    if total.carried:
        return list(total.rivals)
    if total.parent is not None:
        return []  # a part's own list ("预算总额1000万元,其中当年财政拨款950万元:基本支出…"): `_of_the_whole`
    return [
        f
        for f in facts[: total.index]
        if f.parent is None and f.quantity.is_money and f.role in _WHOLE_ROLES and not f.carried
    ]


def _give_way(run: _Run, pi: int, parts: list[Fact]) -> None:
    """Parts that certainly exceed their total ("本年支出合计2223.04万元，其中基本支出886.12万元，项目支出1436.92万元"):
    a part contradicted only by a guess against the tables (项目支出 ↔ the 自评表's 县级专项资金, a 警告) gives way, so
    the certain N02 is said instead — one finding on the figure, the surer one."""
    said = [(f, run.contradicted_by.get((pi, f.index))) for f in parts if (pi, f.index) in run.contradicted]
    if not said or any(issue is None or issue.certainty is Certainty.CERTAIN for _, issue in said):
        return  # nothing to give way, or a part contradicted for certain (or by another check): it stands
    for f, issue in said:
        assert issue is not None
        if issue in run.issues:
            run.issues.remove(issue)
        run.contradicted.discard((pi, f.index))
        del run.contradicted_by[(pi, f.index)]


def _part_lists(facts: tuple[Fact, ...]) -> Iterator[tuple[Fact, list[Fact]]]:
    """Each money total with each list of its parts: the text may split one whole twice — into instalments and, in a
    later 其中, by use ("分别于1月下达第一笔经费250万元…。其中用于设备采购300万元…") — and each list is summed on its own."""
    for total in facts:
        if not total.quantity.is_money:
            continue
        # (last year's figure has parts only when a 其中 right after it splits it: "上年实际支付355.16万元,其中:…", review32)
        parts = [f for f in facts if f.parent == total.index and f.quantity.is_money]
        for split in dict.fromkeys(p.listed_by for p in parts):
            yield total, [p for p in parts if p.listed_by == split]


#: The kind of money a subject names, by its last such word ("局机关总支出" and "基本支出": 支出; "结余": 结余).
_MONEY_KIND = lazy_compile(r"(支出|收入|资金|经费|结余|结转|拨款|预算|补助|费)")


def _lone_part_of(total: Fact, part: Fact) -> bool:
    """A lone 其中 part is compared with its total only right after it and of the same kind of money ("总支出…，其中基本
    支出…"; not "支出480万元，结余20万元，其中基本支出300万元", where the 其中 may split the 支出) — or a 其中 of the whole
    after its instalments ("…第二批295万元。其中用于设备采购600万元": more than the whole, and than any instalment)."""
    if part.listed_by == SPLIT_OF_WHOLE:
        return True
    if part.index != total.index + 1:
        # (…or further on, one naming it by its whole name: "由中央资金120万元、省级资金80万元组成,其中中央资金已拨付
        # 130万元", review33 — `facts._list_item_named` held it to its item by that name)
        name = ITEM_JOIN.sub("", compact_name(total.subject))
        return len(name) >= 2 and compact_name(part.subject).startswith(name)
    kinds = [_MONEY_KIND.findall(f.subject) for f in (total, part)]
    return not (kinds[0] and kinds[1] and kinds[0][-1] != kinds[1][-1])


def _listed_by(parts: list[Fact]) -> str:
    """How the text made these figures parts of their total: "其中", or its "一是…二是…" list."""
    return next((p.listed_by for p in parts if p.listed_by), "“其中”")


#: A 其中 list that falls short of its total is flagged only when it looks exhaustive: at least this many
#: parts, no "等" after the last, and a shortfall this small a share of the total (2263 vs 2253: 0.4%) —
#: a list naming only some parts usually leaves out far more. Even then a judgement (警告).
#: A part named as the rest of its whole ("其他支出", "其它收入"): the last class of a list that is all of it.
_RESIDUAL = lazy_compile(r"^其[他它]")
_SHORT_MIN_PARTS = 3
_SHORT_MAX_SHARE = Decimal("0.02")
_OPEN_ENDED = lazy_compile(r"^[\s，,、]*(等|左右|余|多)")


#: Words by which the text from the total on says its list is not the whole: 主要用于, 其余/剩余…, 以及其他…,
#: 包括, ……, or a further amount in the next sentence (另支付…, 此外…).
_PARTIAL_LIST = lazy_compile(r"(主要|其余|剩余|其他|其它|以及|包括|部分|等|另|此外|…|\.\.\.)")
_BRACKETED = lazy_compile(r"^\s*(?:[（(][^）)]*[）)]\s*)+")


def _defined_items(whole: str, parts: list[Fact], facts: tuple[Fact, ...]) -> tuple[str, ...]:
    """The items of `whole` by definition (`DECOMPOSITIONS`) the parts name, each either itself or by its own defined
    items ("“三公”经费合计33.6万元,其中:因公出国(境)费0元;公务用车购置费0元;公务用车运行维护费28.6万元;公务接待费4万元": the
    公务用车购置及运行维护费 given as its 购置费 and 运行维护费, 湛江 质监局 2018, prose25) — () when one is missing."""
    named = {_item_claim(facts, p) for p in parts}
    out: list[str] = []
    for item in DECOMPOSITIONS.get(whole, ()):
        inner = DECOMPOSITIONS.get(item, ())
        if item in named:
            out.append(item)
        elif inner and set(inner) <= named:
            out.extend(inner)
        else:
            return ()
    return tuple(out)


def _looks_complete_but_short(parts: list[Fact], hi: Decimal, total: Interval, value: Decimal) -> bool:
    """The parts, even at their largest, stay below the total, by a sliver, in a list with no 等."""
    if len(parts) < _SHORT_MIN_PARTS or hi >= total.lo or value <= 0:
        return False
    return not _ends_open(parts) and (total.lo - hi) <= value * _SHORT_MAX_SHARE


def _ends_open(parts: list[Fact]) -> bool:
    """The last part's figure is followed by "等" (or "左右", "余", "多"): the list says it names only some parts."""
    last = parts[-1]
    after = last.clause[last.clause.rfind(last.quantity.text) + len(last.quantity.text) :]
    after = _BRACKETED.sub("", after)  # "19.00万元（含运费）等"
    return bool(_OPEN_ENDED.match(after))


#: The classes the text says its money comes in, named and counted before the total in its sentence ("主要有部门预算项目
#: 支出、专项预算支出二类支出,项目资金总预算为2455.5万元,其中…"): a 其中 naming each of them once is all of it — falling
#: short of the total is said too (a 警告: the total may hold money the classes leave out).
_COUNTED_CLASSES = lazy_compile(
    r"(?P<names>[^，,。；;：:（()）]+?)(?P<n>[一二两三四五六七八九十]{1,2}|\d{1,2})\s*大?类"
)
_CLASS_JOINS = lazy_compile(r"[、和及与]")


def _stated_classes(text: str, total: Fact, parts: list[Fact], before: str = "") -> tuple[str, str]:
    """The names of the classes counted before `total` in its sentence when the parts name each exactly once, and the
    text after the count (for words of a partial list); ("", "") when none. `before`: the paragraph a carried total
    stands in (its 其中 list opens this one)."""
    source = before if total.carried and before else text
    found = sentences(source)
    mine = [s for s in found if total.clause in s]
    sentence = mine[-1] if mine else found[total.sentence] if total.sentence < len(found) else ""
    at = sentence.find(total.clause)
    for m in _COUNTED_CLASSES.finditer(sentence[: max(at, 0)]):
        names = [compact_name(n) for n in _CLASS_JOINS.split(m["names"]) if n]
        count = chinese_int(m["n"]) if not m["n"].isdigit() else int(m["n"])
        if count != len(names) or count != len(parts) or count < 2:
            continue
        hits = [
            [i for i, n in enumerate(names) if n.endswith(s) or s.endswith(n)]
            for s in (compact_name(p.subject) for p in parts)
        ]
        if all(len(h) == 1 for h in hits) and len({h[0] for h in hits}) == count and all(len(n) >= 2 for n in names):
            start = max(source.find(sentence), 0) + m.end()
            return "、".join(names), source[start:] + (text if source is not text else "")
    return "", ""


#: A paragraph that stops after its list's last amount inside a further item ("…监管经费9万元,科" — a stored copy cut,
#: a line broken at a page): the list goes on where the text does not reach, so falling short of its total says nothing.
_ITEM_BEGUN = lazy_compile(r"^\s*[，,、；;]\s*[^\d。！？!?]+$")


def _after_a_list(text: str, facts: tuple[Fact, ...], total: Fact, parts: list[Fact]) -> str:
    """The note saying a 其中 that opens a sentence (or a clause after a semicolon) right after a list of two parts or
    more ("支出1000万元,其中:基本支出600万元,项目支出400万元。其中:人员经费500万元,…") splits the list's last part only
    by place — it may split any of them, or the whole again (review31: five false N02 错误) — or "" when it does not, or
    when each part names the total ("其中,项目支出中专项业务费…")."""
    if total.parent is None or total.carried or any(p.listed_by for p in parts):
        return ""  # (parts made so by other words than 其中 — "区直文博系统项目有:一是…" — name their total)
    if sum(f.parent == total.parent and f.quantity.is_money and not f.quantity.is_percent for f in facts) < 2:
        return ""
    at = text.find(total.clause)
    start = text.find(parts[0].clause, at) if at >= 0 else -1
    if start < 0:
        return ""
    end = at + total.clause.rfind(total.quantity.text) + len(total.quantity.text)
    if not re.search(r"[。；;！？]", text[end:start]) and parts[0].sentence == total.sentence:
        return ""
    own = compact_name(total.subject)
    if (own and all(own in compact_name(p.subject) for p in parts)) or shares_name_their_whole(facts, parts, total):
        return ""
    return f"（“其中”在“{total.subject}”{total.quantity.text}之后另起一句，按位置读作其组成部分，也可能是其前另一项或总数的，请核实）"


def _list_runs_on(text: str, parts: list[Fact]) -> bool:
    """The paragraph ends inside an item begun after the last part: no sentence end, no further figure."""
    end = _after_last_part(text, parts)
    return end is not None and bool(_ITEM_BEGUN.match(text[end:]))


#: Words right after a list's last amount saying more items go unnamed ("……", "以及其他专项经费", "及其他"): review31.
_MORE_UNNAMED = lazy_compile(r"^[\s，,、；;]*(?:…|\.\.\.|(?:以及|及|和|还有)其[他它余])")


def _more_unnamed(text: str, parts: list[Fact]) -> bool:
    """The words after the last part say the list names only some items ("…2.5万元……", "…2.5万元,以及其他专项经费")."""
    end = _after_last_part(text, parts)
    return end is not None and bool(_MORE_UNNAMED.match(text[end:]))


def _after_last_part(text: str, parts: list[Fact]) -> int | None:
    """Where in `text` the last part's figure ends, or None when its clause is not found there."""
    last = parts[-1]
    at = text.find(last.clause)
    if at < 0:
        return None
    return at + last.clause.rfind(last.quantity.text) + len(last.quantity.text)


#: The economic classes of 基本支出 (政府收支分类科目, 支出经济分类: 301 工资福利支出, 302 商品和服务支出, 303 对个人和
#: 家庭的补助, 310 资本性支出): a list naming three or more of them, one each, splits the 基本支出 by its classification —
#: read as the whole, so falling short of it is said too (a 警告: a class such as 债务利息 may have been left out).
_ECONOMIC_CLASSES = (
    ("工资福利支出", re.compile(r"工资福利性?支出")),
    ("商品和服务支出", re.compile(r"商品和服务支出")),
    ("对个人和家庭的补助", re.compile(r"对(?:个人和家庭|家庭和个人)的?补助")),
    ("资本性支出", re.compile(r"资本性支出")),
)
_ECONOMIC_CLASS_ZH = tuple(name for name, _ in _ECONOMIC_CLASSES)
#: The class names as words of the text (their 其他 in "其他资本性支出" says nothing of the list being partial).
_ECONOMIC_CLASS_WORDS = lazy_compile("|".join(f"(?:其他)?{c.pattern}" for _, c in _ECONOMIC_CLASSES) + "|包含|包括")
_MIN_CLASSES = 3
_BASIC_EXPENSE = lazy_compile(r"基本支出")


def _economic_classes(total: Fact, parts: list[Fact]) -> list[str]:
    """The classes the parts name when `total` is a 基本支出 (by its claim or by the words before it: "其中基本支出决算数为
    2994.57万元") and every part names exactly one class, each a different one, three or more; else []."""
    words = _before(total) or ""
    if total.claim != "basic_expense" and not _BASIC_EXPENSE.search(words[-12:]):
        return []
    named = []
    for p in parts:
        hits = [name for name, c in _ECONOMIC_CLASSES if c.search(p.subject)]
        if len(hits) != 1:
            return []
        named.append(hits[0])
    return named if len(set(named)) == len(named) >= _MIN_CLASSES else []


def _short_classes(parts: list[Fact], hi: Decimal, total: Interval) -> bool:
    """The classes, even at their largest, stay below the total, and the list is not open-ended ("…等")."""
    if hi >= total.lo:
        return False
    last = parts[-1]
    after = _BRACKETED.sub("", last.clause[last.clause.rfind(last.quantity.text) + len(last.quantity.text) :])
    return not _OPEN_ENDED.match(after)


#: Words after 其中 naming which money its parts are, before the first of them ("支出合计1000万元,其中财政拨款支出:基本支出
#: 700万元,项目支出250万元"): the parts split that money, not the whole — they may fall short of the total, never exceed it.
_QIZHONG_OF = lazy_compile(
    r"其中\s*[:：]?\s*(?:当年|本年|年初)?(财政|中央|省级|市级|县级|自筹|专项|一般公共预算|政府性基金|国有资本)"
)


def _named_subset(text: str, total: Fact, parts: list[Fact]) -> bool:
    """Whether the words between the total and its first part name a subset of its money (`_QIZHONG_OF`)."""
    start = text.find(total.clause)
    end = text.find(parts[0].clause, start + len(total.clause)) if start >= 0 else -1
    return end >= 0 and bool(_QIZHONG_OF.search(text[start + len(total.clause) : end]))


#: "共有 1 个项目…,项目金额 46.00 万元。其中: A 46.00 万元": the projects the text counts (N个项目, right before their money
#: total in its sentence), and a 其中 naming as many amounts — each a project's, none a source's (中央资金, 省级资金…, which
#: a 其中 may list only some of) — are all of them: falling short of the total is said too (a 警告: the total may hold
#: money the count does not cover).
_PROJECT_COUNT = lazy_compile(r"\s*(?:个)?(?:项目|子项目)")
_SOURCE_WORDS = lazy_compile(
    r"中央|省级|市级|州级|县级|区级|本级|上级|自筹|财政|社会资本|银行|债券"
    r"|一般公共预算|政府性基金|国有资本|转移支付|配套|统筹"  # 共2个项目…其中:一般公共预算资金80万元,政府性基金30万元 (review 10b)
)
#: A part's words naming money paid, spent or done (道路项目已支付50万元, 完成投资80万元) under a total that does not: the
#: projects' spending need not make their money (the rest unspent) — the parts are another kind than the total (review 10b).
_MONEY_MOVED = lazy_compile(r"支付|支出|执行|使用|拨付|完成|到位|结余|结转")


def _counted_projects(total: Fact, parts: list[Fact], facts: tuple[Fact, ...]) -> Fact | None:
    """The count of projects ("共有 1 个项目") in the total's sentence before it that the parts match one for one."""
    moved = not _MONEY_MOVED.search(total.subject)
    if not total.quantity.is_money or any(
        not p.quantity.is_money
        or not p.subject
        or _SOURCE_WORDS.search(p.subject)
        or (moved and _MONEY_MOVED.search(p.subject))
        for p in parts
    ):
        return None
    for c in facts[: total.index]:
        if c.sentence != total.sentence or c.parent is not None or c.quantity.unit not in ("个", "项"):
            continue
        after = c.clause[c.clause.find(c.quantity.text) + len(c.quantity.text) :]
        if c.quantity.value == len(parts) and _PROJECT_COUNT.match(after):
            return c
    return None


_TOTAL_CUE = lazy_compile(r"(共|合计|总计|全年)$")
_INITIAL_CUE = lazy_compile(r"年初")
_ADDED_CUE = lazy_compile(r"(年中|年内)(追加|增加|新增|调增)|^(追加|新增)")


def _initial_plus_added(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...]) -> None:
    """Counts "共15个 … 年初8个 … 年中增加8个": the total is the 年初 ones plus those added in the year. Only when
    the paragraph names exactly these three counts of one measure word, and as a judgement (one may have been
    cancelled or merged without the text saying so)."""
    by_unit: dict[str, list[tuple[Fact, str]]] = {}
    for f in facts:
        if f.quantity.is_count and (words := _before(f)) is not None:
            by_unit.setdefault(f.quantity.unit or "", []).append((f, words))
    for unit, found in by_unit.items():
        if len(found) != 3:
            continue
        total = [f for f, w in found if _TOTAL_CUE.search(w)]
        initial = [f for f, w in found if _INITIAL_CUE.search(w) and not _TOTAL_CUE.search(w)]
        added = [f for f, w in found if _ADDED_CUE.search(w) and not _INITIAL_CUE.search(w)]
        if len(total) != 1 or len(initial) != 1 or len(added) != 1:
            continue
        (t,), (a,), (b,) = total, initial, added
        if any((pi, f.index) in run.contradicted for f in (t, a, b)):
            continue
        point = a.quantity.value + b.quantity.value
        if point == t.quantity.value:
            continue
        expected = _show(point, unit)
        names = f"年初 {a.quantity.text} + 年中增加 {b.quantity.text}"
        contradict(
            run,
            pi,
            ref,
            t,
            f"总数（{names}）",
            "the total (initial + added)",
            expected=expected,
            certainty=Certainty.JUDGEMENT,
            basis=f"{_where(ref)}：{names} = {expected}，而“{t.clause}”写 {t.quantity.text}"
            "（年中若有取消或合并、正文未说明，也可能相符，请核实）",
            basis_en=f"{a.quantity.text} at the start of the year + {b.quantity.text} added = {expected}; "
            f"the total says {t.quantity.text} (one may have been cancelled; a person checks)",
        )


def one_figure_once(run: _Run, pi: int) -> None:
    """A paragraph's certain rate findings (N02 from the text's own figures) that one wrong figure explains — "决算支出数
    为902.36万元,完成年初预算数的98.59%,较2022年决算数688.84万元131.49万元,增长19.09%": the figure the first rate (a share
    or 完成预算%) calls for (98.59% of 832.05 = 820.32) makes the later rate agree too — are that figure said once: the
    first rate's finding stays and names the others in its basis (lost17: reading 云县's 98.59% gave a second 错误 for the
    one wrong figure, as `_consequent_rates` keeps a sum's). Rates that no one figure explains (two shares of one whole
    each wrong) are each said."""
    mine = [
        (issue, rate, operands)
        for at, issue, rate, operands in run.rate_issues
        if at == pi and issue in run.issues and issue.certainty is Certainty.CERTAIN
    ]
    if len(mine) < 2:
        return
    first, first_rate, first_operands = mine[0]
    if first_rate.role not in ("share", "completion") or len(first_operands) != 2:
        return
    part, whole = first_operands
    r = first_rate.quantity.value
    for issue, rate, operands in mine[1:]:
        for shared, value in ((part, whole.quantity.value * r / HUNDRED), (whole, part.quantity.value * HUNDRED / r)):
            if not r or not any(o.index == shared.index for o in operands) or rate.index == first_rate.index:
                continue
            if _agrees_with(rate, operands, shared.index, value):
                run.issues.remove(issue)
                first.basis += (
                    f"；同段“{rate.clause}”按同一数字 {shared.quantity.text} 计算也不符（应为 {issue.expected}），"
                    f"该数字若为 {_show(round_half_up(value, shared.quantity.places), shared.quantity.unit)} 则两处比例都相符"
                )
                first.basis_en += f"; the rate {rate.quantity.text} from the same {shared.quantity.text} fails too: one figure explains both"
                break
