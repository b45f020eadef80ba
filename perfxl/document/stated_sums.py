"""A sum word after a list of amounts ("分配至无为市93万元,南陵县52万元,…,共计237万元"; "…梨簧戏演出补助50万元,…目连戏
50万元,共计100万元"): the 合计/共计/总计 is the sum of the amounts listed before it (N02).

Which amounts a 合计 adds up is read by place, so every reading is tried and one that agrees keeps it quiet: any run of
the paragraph's amounts ending right before it — all of them, or only those that are no 其中 part (a part is inside a
figure already listed) nor in brackets ("100万元（含上年结转20万元）": inside the figure before) — at the printed
precision of each. When the sentence lists two amounts or more before it and no reading gives it: a judgement (警告 at
most), as the list might leave out or add a figure the words do not show. A rate (每村4400元) or a count right before
the sum may make it a product, not a sum: then nothing is said. Pure: a paragraph's facts in, `Issue`s into the run.
"""

from __future__ import annotations

import itertools

from ..model import CellRef, Certainty, TextRef
from ..patterns import lazy_compile
from .added_totals import names_a_total
from .facts import _ADDED_TO, Fact, compact_name, extract_facts, sentences
from .precision import Interval, _around, _show
from .run_state import _operand, _Run, _sum_in, _where, contradict

#: A per-unit amount ("每村4400元", "500元/人", "补助标准…"): a rate, not an amount of the list.
_PER = lazy_compile(r"每|标准|单价|人均|户均|村均")
_PER_AFTER = lazy_compile(r"^\s*[/／每]")


def _per_unit(f: Fact) -> bool:
    head, tail = _around(f)
    return bool(_PER.search(head) or _PER_AFTER.match(tail))


def _bracketed(f: Fact) -> bool:
    """A figure inside brackets ("下达资金100万元（含上年结转20万元）"): a detail of the figure before, already in it."""
    head = _around(f)[0]
    return head.count("(") + head.count("（") > head.count(")") + head.count("）")


def continued(run: _Run, pi: int, fact: Fact, amounts: list[Fact]) -> bool:
    """The fact's sentence opens its paragraph, the paragraph before ends mid-sentence ("…无为市93万元," / "南陵县52万元,
    …共计170万元。": a paragraph broken at a page or pasted line), and a run of that paragraph's last amounts with all
    of `amounts` (this paragraph's, before the sum) makes it: the run the sum closes begins there. A broken paragraph
    with no such amounts ("分配如下," / "A县52万元,…共计170万元") leaves the sum judged as its own paragraph's."""
    if fact.sentence or pi <= 0 or pi > len(run.sub.narrative):
        return False
    text = run.sub.narrative[pi - 1].text.rstrip()
    if text[-1:] not in ("，", ",", "、", "；", ";"):  # not "…如下：" (no amounts)
        return False
    facts = run.facts.get(pi - 1) or extract_facts(text).facts
    before = [f for f in facts if f.quantity.is_money and f.sentence == len(sentences(text)) - 1]
    before = [f for f in before if f.parent is None and f.role in ("value", "budget", "final")]
    own = _sum_in(run, pi, amounts, fact.quantity.unit)
    if own is None:
        return False
    want = _operand(run, pi, fact)
    for k in range(len(before)):
        summed = _sum_in(run, pi - 1, before[k:], fact.quantity.unit)
        if summed is not None and Interval(summed[0].lo + own[0].lo, summed[0].hi + own[0].hi).overlaps(want):
            return True
    return False


def _agrees(run: _Run, pi: int, total: Fact, amounts: list[Fact]) -> bool:
    """Some run of `amounts` ending at the last of them comes to the total at their printed precision."""
    want = _operand(run, pi, total)
    for k in range(len(amounts) - 1, -1, -1):
        summed = _sum_in(run, pi, amounts[k:], total.quantity.unit)
        if summed is not None and summed[0].overlaps(want):
            return True
    return False


#: Words naming money taken off ("年中调减20万元", "核减", "收回资金"): an amount a sum after it subtracts.
_TAKEN_OFF = lazy_compile(r"调减|核减|压减|减少|扣减|扣除|缩减|收回|退回|上缴")


def _agrees_signed(run: _Run, pi: int, total: Fact, listed: list[Fact]) -> bool:
    """The sum comes to the listed amounts with those named as taken off subtracted ("年初预算100万元,年中调减20万元,
    合计80万元": 100 − 20; review 12 — was a 警告 '应为 120万元' on a correct paragraph)."""
    minus = [f for f in listed if _TAKEN_OFF.search(f.subject)]
    plus = [f for f in listed if f not in minus]
    if not minus or not plus:
        return False
    added, taken = _sum_in(run, pi, plus, total.quantity.unit), _sum_in(run, pi, minus, total.quantity.unit)
    if added is None or taken is None:
        return False
    return Interval(added[0].lo - taken[0].hi, added[0].hi - taken[0].lo).overlaps(_operand(run, pi, total))


def _added_after_part(money: list[Fact], total: Fact) -> list[Fact]:
    """The amounts "加上/再加" adds right after a 其中 part, in the sum's sentence ("其中本年拨款290万元,加上年初结转20万元,
    合计300万元"): read by the facts as outside the list (the level they are added to may be the total's, review28b), the
    sum after them says they are summed with the part (prose29); [] when the money before the sum is not so."""
    added: list[Fact] = []
    for f in reversed(money):
        if f.sentence != total.sentence:
            return []
        if f.parent is None and _ADDED_TO.match(compact_name(f.subject)):
            added.insert(0, f)
            continue
        return added if f.parent is not None else []
    return []


#: The words of a spending ("实际执行飞行经费", "全年实际支出", "资金支付"), anywhere in them — not a budget's: a
#: figure they name is money spent or paid out, never an amount allotted (also read by funds_arith).
SPENDING_WORDS = lazy_compile(r"(支出|执行|使用|拨付|支付)")
#: Words of money spent, or left over ("结余5万元", review31; "结转5万元", not 上年结转), or of last year ("上年为25万元",
#: review32), after an amount allotted: none of the allotments.
_NOT_ALLOTTED = lazy_compile(r"(支出|执行|使用|拨付|支付|结余|剩余|(?<!上年)(?<!年度)结转|上年(?!结转|结余)|去年)")
#: A sum named as money allotted ("共计下达", "合计安排"): of the amounts allotted before it, not what was spent of them.
_ALLOTTED_SUM = lazy_compile(r"(?:合计|总计|共计)(?:下达|安排)", needs=("下达", "安排"))


def _agrees_allotted(run: _Run, pi: int, total: Fact, listed: list[Fact]) -> bool:
    """A sum of money allotted comes to the listed amounts without those naming a spending, payment or balance ("下达中央资金30万元,
    支出25万元,省级资金70万元,支出60万元,共计下达100万元": 30 + 70; review30c — was a 警告 '应为 185万元')."""
    if not _ALLOTTED_SUM.search(total.clause):
        return False
    allotted = [f for f in listed if not _NOT_ALLOTTED.search(_around(f)[0] or f.subject)]
    if not allotted or len(allotted) == len(listed):
        return False
    summed = _sum_in(run, pi, allotted, total.quantity.unit)
    return summed is not None and summed[0].overlaps(_operand(run, pi, total))


#: A sum named by its item ("2021年农业生产发展资金合计671037万元", 广西 2021): a 合计/共计 all the same — not a 总计,
#: the word of a 加上 list's total, which added_totals reads.
_NAMED_SUM = lazy_compile(r"(?:合计|共计)(?:为|是|达到?)?$", needs=("合计", "共计"))


def _a_sum(total: Fact) -> bool:
    """The figure is a 合计/共计: bare, or named by its item right before the word — not a side's "收入合计", which
    added_totals reads against its 加上 list (certain where the level is in its sentence)."""
    if total.subject == "合计":
        return True
    return bool(_NAMED_SUM.search(compact_name(_around(total)[0]))) and names_a_total(total) is None


#: The most amounts whose every selection a named sum is tried against (2^12 sums at most).
_MOST_TRIED = 12


def _named_by_some(run: _Run, pi: int, total: Fact, listed: list[Fact]) -> bool:
    """A sum named by its item ("支出合计500万元" after "基本支出300万元,项目支出200万元,年初结转100万元") adds up the
    amounts its noun names, which need not be a run: any two or more of `listed` that come to it keep it quiet (and a
    list too long to try them all is left unread)."""
    if total.subject == "合计":
        return False
    if len(listed) > _MOST_TRIED:
        return True
    want = _operand(run, pi, total)
    for size in range(2, len(listed) + 1):
        for chosen in itertools.combinations(listed, size):
            summed = _sum_in(run, pi, list(chosen), total.quantity.unit)
            if summed is not None and summed[0].overlaps(want):
                return True
    return False


def check_stated_sums(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...]) -> None:
    """N02 (警告) for each 合计 no run of the amounts before it gives (see the module's docstring)."""
    for total in facts:
        if not _a_sum(total) or not total.quantity.is_money or (pi, total.index) in run.contradicted:
            continue
        if total.role not in ("value", "budget", "final"):
            continue  # "…共计237万元,比上年增加37万元": a change keeps the sum's subject, it is no sum
        # a rate between amounts ("A镇10个村,每村4400元,计4.4万元;…") is none of the amounts summed
        # (nor a change between them: "下达中央资金30万元,比上年增加5万元,省级资金70万元,…共计下达100万元", review31)
        amounts = [f for f in facts[: total.index] if f.quantity.is_money and f.role not in ("change", "change_rate")]
        money = [f for f in amounts if not _per_unit(f)]
        own = [f for f in money if f.parent is None and not _bracketed(f)]  # no 其中 part, no detail in brackets
        listed = [f for f in own if f.sentence == total.sentence]
        if sums := [k for k, f in enumerate(listed) if _a_sum(f)]:
            # "…年初预算合计2389万元,年中调减…300万,全年预算执行数合计2089万元" (不详 农机 2024): a sum before it closed the
            # amounts before it — the list goes on from that sum
            listed = listed[sums[-1] :]
        added = _added_after_part(money, total)
        if added or (
            len(listed) < 2 and money and money[-1].parent is not None and money[-1].sentence == total.sentence
        ):
            # "其中中央…执行7177.37万元,省级…执行2087.98万元,合计9265.35万元": a sum closing a 其中 list sums its parts,
            # and what "加上" adds to them ("其中本年拨款290万元,加上年初结转20万元,合计300万元": 290 + 20, not the 300) —
            # or, still tried, what it adds to the level ("收入100亿元,其中税收60亿元,加上上级补助50亿元,合计150亿元")
            last_part = money[-1 - len(added)]
            listed = [f for f in money if f.parent == last_part.parent and f.sentence == total.sentence] + added
            own = own if added else listed
        if (
            len(listed) < 2
            or _per_unit(amounts[-1])
            or any(not f.quantity.is_money for f in facts[amounts[-1].index : total.index])
        ):
            continue
        if any((pi, f.index) in run.contradicted for f in money):
            continue  # a figure is reported once
        if _agrees(run, pi, total, money) or _agrees(run, pi, total, own) or continued(run, pi, total, listed):
            continue
        if _agrees_signed(run, pi, total, listed) or _agrees_allotted(run, pi, total, listed):
            continue
        if _named_by_some(run, pi, total, listed):
            continue
        summed = _sum_in(run, pi, listed, total.quantity.unit)
        if summed is None:
            continue
        names = " + ".join(f.quantity.text for f in listed)
        exponent = summed[1].normalize().as_tuple().exponent
        places = max(max(f.quantity.places for f in listed), -exponent if isinstance(exponent, int) else 0)
        expected = _show(summed[1], total.quantity.unit, min(places, 6))  # 64700元 in 万元 is 6.47, not 6
        contradict(
            run,
            pi,
            ref,
            total,
            f"“{total.clause.strip('，,、；; ')}”所合计的其前各项（{names}）",
            "the sum stated after the amounts before it",
            expected=expected,
            basis=f"{_where(ref)}：合计之前同句所列 {names} = {expected}，而合计写 {total.quantity.text}；其前各笔金额"
            "无论从哪一笔起连续相加（含或不含“其中”所列部分）都不等于合计（按位置读取所合计的各项，需人工核实）",
            basis_en=f"{names} = {expected}, the stated sum is {total.quantity.text}; no run of the amounts before it "
            "comes to it (which amounts a sum adds up is read by place: a person must check)",
            certainty=Certainty.JUDGEMENT,
        )
