"""A change stated against a base the sentence prints ("部门年初预算1022.89万元,年中调整预算为1781.86万元,比年初预算增加
758.97万元"; "上年支出900万元,本年支出1000万元,较上年支出增加100万元"): the 增减额 is the figure before it less the base
(N02, issue 12).

The base is found by its name: the words between 比/较 and 增加/减少 must name exactly one earlier figure of the sentence
(its own words hold them: "年初预算" in "部门年初预算1022.89万元"); the figure compared is one of the amounts of the
same kind between the base and the change (no 其中 part, no change itself) — any that gives the change keeps it quiet
("年初预算100万元,调整后预算120万元,实际支出110万元,比年初预算增加20万元"), else it is judged against the nearest. Both
pairings are read (by name, by place), so a change that no reading gives is a 警告 that names both figures. "较上年增加292.37万元" names no printed figure: nothing is said
here (its 增减率 is funds_arith's). Pure: a paragraph's facts in, `Issue`s into the run.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import CellRef, Certainty, TextRef
from ..numbers import HUNDRED
from ..patterns import lazy_compile
from .facts import FROM_LEVEL, TO_LEVEL, Fact, compact_name, compared_base, sentences
from .precision import Interval, _approximate, _around, _bound, _ratio, _show
from .run_state import _arith, _operand, _Run, _sum_in, _where, contradict, n02, unit_assumed

#: "比年初预算增加", "较上年支出减少了", "与上年决算相比增长": the base's name and the direction, right before the amount.
_AGAINST = lazy_compile(
    r"(?:比|较|与|对比)(?P<base>[^\d，,。；;：:（）()]{2,12}?)(?:相比|相较)?"
    r"(?P<dir>增加|减少|增长|下降|提高|降低|节约|超出|多|少)(?:了)?(?:为|达)?$",
    needs=("比", "较", "与"),
)
_UP = lazy_compile(r"增加|增长|提高|超出|多")
#: Words naming an amount as money added or taken off, not a level ("追加预算20万元": review12n — was a 警告 '应为
#: -80万元' on "年初预算100万元,追加预算20万元,比年初预算增加20万元").
_INCREMENT = lazy_compile(r"追加|调增|调减|核减|压减|新增|增加|减少|增长|下降|节约")
#: A base named by its year alone ("较上年", "比2023年"): no figure's name — "上年结转资金" is no last year's total.
_YEAR_ONLY = lazy_compile(r"(?:上年|去年|上一年|上年度|同期|(?:19|20)\d{2}年度?)(?:同期)?")


def is_stated_change(f: Fact) -> bool:
    """The figure is a change against a named base ("比年初预算增加5万元"), whatever role its words gave it."""
    return bool(_AGAINST.search(compact_name(_around(f)[0])))


def _same_kind(a: Fact, b: Fact) -> bool:
    return (a.quantity.is_money and b.quantity.is_money) or (
        a.quantity.is_count and b.quantity.is_count and a.quantity.unit == b.quantity.unit
    )


def _exact(f: Fact) -> bool:
    return not _approximate(f) and not _bound(f)


def _difference(
    run: _Run, pi: int, current: Fact, base: Fact, unit: str | None, up: bool
) -> tuple[Interval, tuple[Decimal, Decimal]] | None:
    """current − base (base − current for a decrease) at their printed precision in `unit`, with both points."""
    cur_got, bas_got = _sum_in(run, pi, [current], unit or ""), _sum_in(run, pi, [base], unit or "")
    if cur_got is None or bas_got is None:
        return None
    (cur, cur_point), (bas, bas_point) = cur_got, bas_got
    diff = Interval(cur.lo - bas.hi, cur.hi - bas.lo) if up else Interval(bas.lo - cur.hi, bas.hi - cur.lo)
    return diff, (cur_point, bas_point)


def check_stated_changes(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...]) -> None:
    """N02 (警告) for each change whose base and compared figure the sentence prints and which is not their difference."""
    for change in facts:
        q = change.quantity
        if not (q.is_money or q.is_count) or change.parent is not None or not _exact(change):
            continue
        m = _AGAINST.search(compact_name(_around(change)[0]))
        if m is None or (pi, change.index) in run.contradicted:
            continue
        # a change right after a 其中 part may be the parts' ("…其中基本支出年初预算60万元，调整为65万元，比年初预算增加5万元"):
        # then the parts are read too, and a base their names share with a total is no one figure (docs15: read as a
        # change, the 5 was held to 120 − 100)
        # (a part restated — "，调整为65万元" — ends its list in facts, `_RESTATED`: any part of the sentence counts)
        in_list = any(f.parent is not None and f.sentence == change.sentence for f in facts[: change.index])
        earlier = [
            f
            for f in facts[: change.index]
            if f.sentence == change.sentence
            and (f.parent is None or in_list)
            and _same_kind(f, change)
            and f.role != "completion"
            and not _AGAINST.search(compact_name(_around(f)[0]))  # "…,较年初目标多8家；…13家,较年初目标多3家": a change
        ]
        name = m["base"]
        if _YEAR_ONLY.fullmatch(name):
            continue
        bases = [f for f in earlier if name in compact_name(_around(f)[0])]
        if len(bases) != 1:
            continue  # the base is not printed here ("较上年…"), or more than one figure bears its name
        (base,) = bases
        # an amount added or taken off ("追加预算20万元", "年中调减10万元") is a change itself, no level compared
        compared = [f for f in earlier if f.index > base.index and not _INCREMENT.search(f.subject + _around(f)[0])]
        if not compared or not all(map(_exact, (base, *compared))):
            continue
        if any((pi, f.index) in run.contradicted for f in (base, *compared)):
            continue
        up = bool(_UP.search(m["dir"]))
        said = _operand(run, pi, change)  # a decrease is read signed ("减少100万元" as −100): its size here
        if said.hi <= 0:
            said = Interval(-said.hi, -said.lo)
        readings = [_difference(run, pi, f, base, q.unit, up) for f in compared]
        if any(r is None or r[0].overlaps(said) for r in readings):
            continue  # a figure compared that gives it ("…调整后预算120万元,实际支出110万元,比年初预算增加20万元")
        current = compared[-1]  # judged against the nearest
        unit = q.unit
        got = readings[-1]
        assert got is not None
        cur_point, bas_point = got[1]
        point = cur_point - bas_point if up else bas_point - cur_point
        expected = _show(point, unit, max(f.quantity.places for f in (change, base, current)))
        operands = (
            f"{current.quantity.text} − {base.quantity.text}"
            if up
            else f"{base.quantity.text} − {current.quantity.text}"
        )
        contradict(
            run,
            pi,
            ref,
            change,
            f"“比{name}{m['dir']}”的增减额（{operands}）",
            f"the change against {name}",
            expected=expected,
            certainty=Certainty.JUDGEMENT,
            basis=f"{_where(ref)}：{operands} = {expected}，而“{change.clause.strip()}”写 {q.text}（基数按名称“{name}”"
            f"配对为“{base.clause.strip()}”，比较的数按位置取其后最近的“{current.clause.strip()}”，请核实）",
            basis_en=f"{operands} = {expected}, the text says {q.text} (the base paired by its name {name}, the "
            "figure compared by place: a person checks)",
        )


#: Words saying a change is measured on another basis than the figures printed ("增加40万元（剔除一次性支出10万元）",
#: "同口径增加", "可比口径"): not their difference.
_ADJUSTED = lazy_compile(r"(剔除|扣除|不含|不包括|除去|同口径|可比)")


def _moved_from(facts: tuple[Fact, ...], level: Fact) -> Fact | None:
    """The figure right before `level` that the words make its starting point ("由18.5万元降至15.5万元", "从85%提升至
    92%": `FROM_LEVEL` before it, `TO_LEVEL` after it), in its sentence and unit — or another unit of money ("由18500万元
    降至1.55亿元", twins32); else None."""
    if not level.index:
        return None
    start = facts[level.index - 1]
    head, tail = _around(start)
    if start.sentence != level.sentence or (
        start.quantity.unit != level.quantity.unit and not (start.quantity.is_money and level.quantity.is_money)
    ):
        return None
    # (a bracket saying what the level is may stand between: "由18.5万元(上年决算数)降至15.5万元")
    return start if FROM_LEVEL.search(head) and TO_LEVEL.match(_SAID_WHAT.sub("", tail)) else None


#: A short bracket right after a from-level saying what it is ("(上年决算数)"): no word of the move.
_SAID_WHAT = lazy_compile(r"^\s*[（(][^（）()\d]{1,12}[)）]")


#: Last year as a from-level's or a change's words name it ("由上年的…", "由去年…", "比上年", "同比").
_LAST_YEAR_SPELT = lazy_compile(r"上一?年度?|去年|上年同期")


def _from_levels_base(start: Fact, change: Fact) -> bool:
    """The change is against the level it moved from: it names no base ("由18.5万元降至15.5万元,减少3万元"), or the
    base the from-level's words name ("由上年的18.5万元降至…,比上年减少…"); not a base of its own ("由年初预算18.5万元降至
    15.5万元,比上年减少4万元": last year's, review30b)."""
    if not change.against:
        return True
    base = compared_base(change.clause)
    m = FROM_LEVEL.search(_around(start)[0])
    named = _LAST_YEAR_SPELT.sub("上年", m.group(0)) if m else ""
    return bool(base) and _LAST_YEAR_SPELT.sub("上年", base) in named


def check_changes_between_levels(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...]) -> None:
    """N02 (certain) for a change stated after both levels it lies between — the figure it is of and last year's, read
    as such ("2024年度支出350万元，2023年度支出300万元，增加40万元"; "支出350万元，比上年300万元增加40万元") — that is not
    their difference: the change is the figure wrong, whatever its rate says (lost17: the rate 16.67% = 50 / 300,
    agreeing with the levels, was reported as wrong against 40 / 310). A change whose words and figures go different
    ways (增加 with the level below last year's) is not read here; a change against the budget is `budget_gap`'s."""
    for change in facts:
        q = change.quantity
        if (
            change.role != "change"
            or not (q.is_money or q.is_count)
            or not change.direction
            or change.of is None
            or change.parent is not None
            or change.against == "budget"
            or not _exact(change)
            or (pi, change.index) in run.contradicted
            or _ADJUSTED.search(change.clause)
        ):
            continue  # "增加40万元（剔除一次性支出10万元）": a change on another basis than the two levels printed
        level = facts[change.of]
        if level.role not in ("value", "final", "budget"):
            continue  # (a budget: its last year's budget named by the year before, "2016年预算8万元,2015年预算12.5万元")
        # last year's level of the same figure: its stated base ("比上年300万元增加…"), else the one level named by the
        # year before (facts._last_years_level) — each `of` this figure (a sentence's base stays set for the items
        # after it: "…较2024年的2190万元减少221万元…；公务接待费242万元，较上年减少12万元" — 2190 is not 242's)
        candidates = [facts[change.base]] if change.base is not None else facts[level.index + 1 : change.index]
        lasts = [f for f in candidates if f.role == "previous" and f.of == level.index and f.parent is None]
        # the level it moved from ("公务接待费由18.5万元降至15.5万元,减少3万元", prose30) — unless the change names a
        # base of its own ("由年初预算18.5万元降至15.5万元,比上年减少4万元": last year's, not the from-level, review30b)
        started = _moved_from(facts, level) if not lasts and change.base is None else None
        if started is not None and not _from_levels_base(started, change):
            started = None
        if started is not None:
            lasts = [started]
        was = "变动前" if started is not None else "上年"
        name = FROM_LEVEL.sub("", started.subject) if started is not None else ""
        if len(lasts) != 1:
            continue
        (last,) = lasts
        if last.sentence != change.sentence or not (_same_kind(level, change) and _same_kind(last, change)):
            continue
        if not all(map(_exact, (level, last))) or any((pi, f.index) in run.contradicted for f in (level, last)):
            continue
        got = _difference(run, pi, level, last, q.unit, True)
        if got is None:
            continue
        diff, (now, before) = got
        point = now - before
        if point == 0 or (point > 0) != (change.direction > 0):
            continue  # the words and the figures go different ways: not this change's pair
        said = _operand(run, pi, change)  # signed: "减少40万元" is −40
        if said.overlaps(diff) or _the_wholes(run, pi, facts, level, last, said, q.unit):
            continue
        places = max(f.quantity.places for f in (change, level, last))
        expected = _show(abs(point), q.unit, places)
        operands = (
            f"{level.quantity.text} − {last.quantity.text}"
            if point > 0
            else f"{last.quantity.text} − {level.quantity.text}"
        )
        rate = facts[change.index + 1] if change.index + 1 < len(facts) else None
        if rate is not None and (
            rate.role != "change_rate" or rate.of != level.index or rate.sentence != change.sentence
        ):
            rate = None
        if any(_ADJUSTED.search(f.clause) for f in (level, last, rate) if f is not None):
            continue  # "…增加40万元，增长13.33%（剔除追加因素）": the change and rate on another basis than the levels
        if rate is not None and _agrees(rate, _ratio(_size(said), _operand(run, pi, last))):
            # "支出902.36万元，比上年688.84万元增加131.49万元，增长19.09%": the change and its rate agree with each other
            # over last year's level (131.49 / 688.84) — the one figure they do not agree with is this year's level
            # (review17a: an N02 at the change and one at its rate, each "wrong" only if the level is right)
            if started is None:  # (a from-level: which of the two levels is wrong, no 本年/上年 to say it by)
                _level_wrong(run, pi, ref, level, last, change, rate, before + change.direction * q.value, places)
            continue
        contradict(
            run,
            pi,
            ref,
            change,
            f"“{name or level.subject or change.subject}”与{was}相比的增减额（{operands}）",
            f"{level.subject or change.subject}: the change on last year",
            expected=expected,
            certainty=Certainty.CERTAIN,
            basis=f"{_where(ref)}："
            + (
                f"“{level.clause.strip()}”的起止两数之差"
                if started is not None
                else f"“{level.clause.strip()}”与上年的“{last.clause.strip()}”之差"
            )
            + f" {operands} = "
            f"{expected}，而“{change.clause.strip()}”写 {q.text}",
            basis_en=f"{operands} = {expected} (this year's level less last year's, both in the text); the text "
            f"says {q.text}",
        )
        if rate is not None:
            # its rate is of the two levels: held to them ("…增加40万元，增长20%" over 300 → 16.67%), never to the 40
            size = (
                Interval(max(diff.lo, Decimal(0)), diff.hi)
                if point > 0
                else Interval(max(-diff.hi, Decimal(0)), -diff.lo)
            )
            _arith(
                run,
                pi,
                ref,
                facts,
                rate,
                _ratio(size, _operand(run, pi, last)),
                abs(point) / before * HUNDRED if before > 0 else None,
                f"“{name or level.subject or rate.subject}”与{was}相比的增减率（{operands} 对{was} {last.quantity.text}）",
                f"{level.subject or rate.subject}: change / last year",
                (level, last),
            )


def check_rate_between_levels(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], rate: Fact) -> None:
    """N02 (certain) for a change rate right after the level a move reached, no change amount between ("项目支出由80万元
    增至95万元,增长18.75%"; "由18.5万元降至15.5万元,降幅16.2%"): |to − from| / from, both the sentence's (twins32). Levels
    of money or a count only: a rate between two rates may be relative or in points."""
    if rate.of != rate.index - 1 or rate.base is not None or not rate.direction:
        return
    level = facts[rate.of]
    start = _moved_from(facts, level)
    if (
        start is None
        or rate.sentence != level.sentence
        or not (level.quantity.is_money or level.quantity.is_count)
        or not _same_kind(start, level)
        or not _from_levels_base(start, rate)
        or not all(map(_exact, (start, level)))
        or any(_ADJUSTED.search(f.clause) for f in (start, level, rate))
    ):
        return
    unit = start.quantity.unit
    got = _difference(run, pi, level, start, unit, rate.direction > 0)
    before = _sum_in(run, pi, [start], unit or "")
    if got is None or before is None or before[0].lo <= 0:
        return
    diff, (now, was) = got
    if now == was or (now > was) != (rate.direction > 0):
        return  # the words and the figures go different ways: not this rate's pair
    if diff.lo < 0:
        diff = Interval(Decimal(0), diff.hi)
    name = FROM_LEVEL.sub("", start.subject) or rate.subject
    _arith(
        run,
        pi,
        ref,
        facts,
        rate,
        _ratio(diff, before[0]),
        abs(now - was) / was * HUNDRED,
        f"“{name}”变动前后的增减率（{level.quantity.text} 对变动前 {start.quantity.text}）",
        f"{name}: the change between the levels / the level it moved from",
        (level, start),
    )


def _the_wholes(
    run: _Run, pi: int, facts: tuple[Fact, ...], level: Fact, last: Fact, said: Interval, unit: str | None
) -> bool:
    """Last year's level, naming no item, follows a 其中 part and with the change gives the part's whole: the comparison
    may be the whole's ("收入合计192.01万元,其中…事业收入78.33万元,较上年219.32万元减少27.31万元", review29m: held to the
    78.33, a false N02 错误) — which one the sentence means is a guess, and one reading is consistent."""
    if level.parent is None or (level.subject and level.subject in compact_name(last.clause)):
        return False
    got = _difference(run, pi, facts[level.parent], last, unit, True)
    return got is not None and said.overlaps(got[0])


def _size(signed: Interval) -> Interval:
    """The size of a signed change's range ("减少40万元" is −40.5…−39.5: 39.5…40.5)."""
    return Interval(min(abs(signed.lo), abs(signed.hi)), max(abs(signed.lo), abs(signed.hi)))


def _agrees(rate: Fact, computed: Interval | None) -> bool:
    """The rate as printed (its own precision) may be `computed`."""
    return computed is not None and computed.overlaps(Interval.printed(abs(rate.quantity.value), rate.quantity.step))


def _level_wrong(
    run: _Run,
    pi: int,
    ref: TextRef | CellRef,
    level: Fact,
    last: Fact,
    change: Fact,
    rate: Fact,
    point: Decimal,
    places: int,
) -> None:
    """N02 (certain) at this year's level when its change and the change's rate agree with each other over last year's
    level but the two levels' difference is not the change: the level is the one figure out of step (what it should be:
    last year's + the change)."""
    q = level.quantity
    expected = _show(point, q.unit, places)
    for f in (level, change, rate):
        run.contradicted.add((pi, f.index))
    assumed = unit_assumed((level, last, change))  # "减少484.05" read in the base's unit (prose28b): a guess
    run.issues.append(
        n02(
            ref,
            f"“{level.subject or change.subject}”本年数（上年 {last.quantity.text} 加增减额 "
            f"{change.quantity.text}，增减率 {rate.quantity.text} 与之相符）",
            f"{level.subject or change.subject}: this year's level (last year's plus the change)",
            expected=expected,
            actual=q.text,
            certainty=Certainty.JUDGEMENT if assumed else Certainty.CERTAIN,
            basis=f"{_where(ref)}：“{change.clause.strip()}”与“{rate.clause.strip()}”按上年 {last.quantity.text} 计算"
            f"相互一致，而本年数“{level.clause.strip()}”与上年之差不是 {change.quantity.text}：本年数应为 {expected}"
            "（或增减额与增减率都有误）" + (f"；{assumed}" if assumed else ""),
            basis_en=f"the change {change.quantity.text} and its rate {rate.quantity.text} agree over last year's "
            f"{last.quantity.text}; this year's {q.text} does not (last year's plus the change = {expected})",
        )
    )


#: A 财政 report's gap to the year's budget by its own word, right before its amount ("…完成预算49531万元的85.0%,短收7431
#: 万元", "超收2569万元"): 短收 = budget − level, 超收 = level − budget.
_SHORT_OR_OVER = lazy_compile(r"(?:^|[，,、])\s*(短收|超收)(?:了)?\s*$", needs=("短收", "超收"))
#: A partial year ("较均衡进度慢…", "序时进度", "1-4月", "累计完成"): a gap may then be to the pace, not the year's budget.
_PART_YEAR = lazy_compile(r"进度|\d{1,2}\s*月|累计")


def check_budget_shortfalls(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], text: str) -> None:
    """N02 (certain) for a 短收/超收 not the gap between the level and the budget its sentence prints with it ("一般公共预算
    收入42100万元,完成预算49531万元的85.0%,短收7431万元", 甘谷 2024): the budget the one of the level's subject between
    them, inside its completion rate's words. A sentence of a part of the year (进度, a month, 累计) is not read: the gap
    may be to the pace."""
    said = sentences(text)
    for gap in facts:
        q = gap.quantity
        words = _SHORT_OR_OVER.search(_around(gap)[0])
        if words is None or gap.role != "change" or not q.is_money or gap.of is None or gap.parent is not None:
            continue
        level = facts[gap.of]
        between = facts[level.index + 1 : gap.index]
        budgets = [f for f in between if f.role == "budget" and f.subject == level.subject and f.quantity.is_money]
        if (
            len(budgets) != 1
            or level.role not in ("value", "final")
            or level.sentence != gap.sentence
            or budgets[0].sentence != gap.sentence
            or not any(f.role == "completion" for f in between)
            or gap.sentence >= len(said)
            or _PART_YEAR.search(said[gap.sentence])
            or not all(map(_exact, (gap, level, budgets[0])))
            or any((pi, f.index) in run.contradicted for f in (gap, level, budgets[0]))
        ):
            continue
        (budget,) = budgets
        short = words.group(1) == "短收"
        got = _difference(run, pi, budget if short else level, level if short else budget, q.unit, True)
        if got is None:
            continue
        diff, (a, b) = got
        point = a - b
        if point <= 0 or _size(_operand(run, pi, gap)).overlaps(diff):
            continue  # (the words and the figures go different ways: 短收 with the level over its budget — not read)
        expected = _show(point, q.unit, max(f.quantity.places for f in (gap, level, budget)))
        operands = (
            f"{budget.quantity.text} − {level.quantity.text}"
            if short
            else f"{level.quantity.text} − {budget.quantity.text}"
        )
        contradict(
            run,
            pi,
            ref,
            gap,
            f"“{level.subject}”的{words.group(1)}额（{operands}）",
            f"{level.subject}: the gap to the year's budget",
            expected=expected,
            certainty=Certainty.CERTAIN,
            basis=f"{_where(ref)}：{words.group(1)}为预算与完成数之差，{operands} = {expected}，文字写 {q.text}",
            basis_en=f"{operands} = {expected} (the budget and the level both in the sentence); the text says {q.text}",
        )
