"""A change whose two levels stand in other paragraphs (issue 12, rgaps19): "2022年度“三公”经费预算较2021年度增加1.68万元,
其中公务接待较上年同期减少0.58万元" after "2022年度“三公”经费预算总计21.8万元,其中:…公务接待11.8万元…" and "2021年度“三公”
经费合计支出20.12万元,其中:…公务接待12.39万元…" (鄂尔多斯 2022): the change of an item between the year (and stage) its
sentence names and the year it is compared with is the difference of the item's one figure of each — found by the item
(its claim, or its name less the stage words) and the year the figure's own sentence names, in the other paragraphs.

Which paragraph's figure is meant is a reading (a report may print an item's figure twice, or of another kind of
money): an N02 警告 at most, and said only when the change fails the levels read at the finest place printed among the
three figures ("11.8" read as 11.80: 11.80 − 12.39 = −0.59 against 减少0.58 — right only if 11.8 stands for 11.81, as
`run_state._arith` judges a rate agreeing only through a figure cut short). Each level must be the one figure of its
item, year and stage in the document (two that differ: neither), in a paragraph nothing was found wrong in (its sum
failing, or a figure against a table: which figure is wrong is open there) — so this runs after every paragraph's own
checks. Pure; called by perfxl.document.crosscheck.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import Certainty, TextRef
from ..numbers import HUNDRED, fmt_decimal, round_half_up
from ..patterns import lazy_compile
from ..units import convert
from .facts import Fact, _claim, _whole_a_share_names, compact_name, named_owner, sentences
from .precision import Interval, _approximate, _bound, _interval, _ratio
from .run_state import _arith, _where, contradict, titled

if TYPE_CHECKING:
    from .run_state import _Run

__all__ = [
    "base_apart",
    "check_adjusted_rates",
    "check_bases_apart",
    "check_changes_apart",
    "check_rates_apart",
    "check_shares_apart",
    "sentence_of",
]

_YEAR = lazy_compile(r"((?:19|20)\d{2})\s*年")
#: Two years joined as one figure's ("2013年和2014年公务接待费合计…", "2012—2013年…"): no one year's level (review26p).
_JOINED_YEARS = lazy_compile(r"(?:19|20)\d{2}\s*(?:年度?)?\s*(?:和|与|及|至|到|、|—|－|-|~|～)\s*(?:19|20)\d{2}\s*年")
#: The comparison: 较/比/与 a year or 上年 (同期), and what stands after it up to the change.
_AGAINST = lazy_compile(r"(?:较|比|与)\s*(?:(?P<year>(?:19|20)\d{2})\s*年度?|(?P<last>上年|去年|上一年)度?)")
#: Words on another basis than the two levels (a change adjusted, or against a budget or target named after 较).
_OTHER_BASIS = lazy_compile(r"剔除|扣除|不含|同口径|可比|(?:较|比|与)[^，,。；;]{0,8}(?:目标|计划)")
#: The stage and total words a figure's name carries ("三公经费预算总计", "三公经费合计支出"): not the item's name.
_STAGE_WORDS = lazy_compile(r"(?:预算|决算|合计|总计|支出|安排|数|总额|共计)+$")
#: A sentence or paragraph opening with 其中: the one before it goes on there (split at its 其中).
_OPENS_A_PART = lazy_compile(r"^\s*其中")


#: The money a sentence's figures are of, as its words name it (none: the department's, as the report prints it).
_MONEY = lazy_compile(r"一般公共预算|政府性基金|国有资本经营|财政拨款|全部资金|所有资金|其他资金|本级")


def _money(sentence: str) -> str:
    return "".join(sorted(set(_MONEY.findall(sentence))))


#: Words naming a wider scope or other units than the report's own ("全区", "下属单位"): a figure of theirs is no level
#: of the unit's.
_SCOPE = lazy_compile(r"全(?:省|市|州|盟|县|区|旗|镇|乡)|下属|所属|直属|二级单位|各单位|各部门|各乡镇")


def _scope(sentence: str) -> str:
    return "".join(sorted(set(_SCOPE.findall(sentence))))


def _item(f: Fact) -> str:
    """The item a figure is of: its claim, else its name less the stage words (claimed if that names a claim)."""
    if f.claim:
        return f.claim
    name = _STAGE_WORDS.sub("", f.subject)
    return _claim(name, "final") or name


def sentence_of(run: _Run, pi: int, f: Fact) -> str:
    """The figure's sentence — with the one before when it opens with 其中 ("…较2021年度增加1.68万元。其中公务接待较上年同期
    减少0.58万元": its list goes on the sentence before, whose words say what it compares), the last of the paragraph
    before when it opens its paragraph (one paragraph split at its 其中)."""
    text = run.sub.narrative[pi].text if 0 <= pi < len(run.sub.narrative) else ""
    said = sentences(text)
    sentence = said[f.sentence] if f.sentence < len(said) else ""
    if _OPENS_A_PART.match(sentence):
        if f.sentence:
            return f"{said[f.sentence - 1]}。{sentence}"
        if pi > 0 and (before := [t for t in sentences(run.sub.narrative[pi - 1].text) if t.strip()]):
            return f"{before[-1]}。{sentence}"  # a paragraph split at its 其中: the sentence it goes on ends the last
    return sentence


_sentence = sentence_of


def _head(sentence: str, f: Fact) -> str:
    """The sentence up to the figure's clause (the clause included)."""
    at = sentence.find(f.clause)
    return sentence[: at + len(f.clause)] if at >= 0 else sentence


def _stage(words: str) -> str:
    return "budget" if "预算" in words else "final" if ("决算" in words or "支出" in words) else ""


def _level(run: _Run, pi: int, item: str, year: str, stage: str, undated: bool = False) -> tuple[int, Fact] | None:
    """The one figure of `item` in another paragraph whose sentence names `year` first (and `stage`, when one is named);
    `undated`: also one whose sentence names no year at all (a page of a 决算 说明 cut before its year, read as the
    report's — a reading the caller's finding says)."""
    found: list[tuple[int, Fact]] = []
    for pj, facts in run.facts.items():
        if pj == pi or pj < 0:
            continue
        for f in facts:
            if f.role not in ("value", "final", "budget") or not f.quantity.is_money or f.direction:
                continue
            if _bound(f) or _approximate(f) or _item(f) != item:
                continue
            sentence = _sentence(run, pj, f)
            years = _YEAR.findall(sentence)
            if (
                (years[0] != year if years else not undated)
                or _AGAINST.search(sentence)
                or _JOINED_YEARS.search(sentence)
            ):
                continue
            if stage and _stage(sentence) not in (stage, ""):
                continue
            found.append((pj, f))
    values = {(f.quantity.value, f.quantity.unit) for _, f in found}
    return found[0] if len(values) == 1 else None


def _owner(run: _Run, pi: int, f: Fact) -> str:
    """The unit a figure's words name before it ("2013年区财政局公务接待费…": 区财政局), "" for the report's own — named
    by the name its title prints ("2013年东坡区审计局公务接待费决算数30.0万元" in 东坡区审计局's report, prose27)."""
    owner = named_owner(f.subject)
    return "" if owner and titled(run, owner, pi) else owner


def _has_finding(run: _Run, pi: int) -> bool:
    ref = run.sub.narrative[pi].ref
    return any(issue.ref == ref and issue.code in ("N01", "N02") for issue in run.issues)


def check_changes_apart(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 警告 for a change that fails its item's two levels printed in other paragraphs (see the module's doc)."""
    for change in facts:
        q = change.quantity
        if change.role != "change" or not q.is_money or not change.direction or change.against not in ("year", ""):
            continue
        if change.of is not None or change.base is not None or (pi, change.index) in run.contradicted:
            continue
        if _bound(change) or _approximate(change):
            continue
        item = _item(change)
        if not item or any(_item(f) == item and f.role in ("value", "final", "budget", "previous") for f in facts):
            continue  # a level of the item in its own paragraph: its own arithmetic (stated_changes)
        sentence = _sentence(run, pi, change)
        head = _head(sentence, change)
        if _OTHER_BASIS.search(head):
            continue
        comparisons = list(_AGAINST.finditer(head))
        if not comparisons:
            continue
        against = comparisons[-1]  # the item's own (其中…较上年同期), after its sentence's opening one
        opening = head[: against.start()]
        years = _YEAR.findall(opening)
        now = years[0] if years else run.year
        if not now:
            continue
        before = against.group("year") or str(int(now) - 1)
        if before >= now:
            continue
        stage_now = _stage(opening)
        got_now = _level(run, pi, item, now, stage_now)
        got_before = _level(run, pi, item, before, "")
        if got_now is None or got_before is None:
            continue
        (pn, level_now), (pb, level_before) = got_now, got_before
        if _money(_sentence(run, pn, level_now)) != _money(_sentence(run, pb, level_before)):
            continue  # "2022年度全部资金…" against "2021年度“三公”经费…": figures of other money are no pair
        if any(_has_finding(run, p) for p in (pn, pb)):
            continue  # a level whose own paragraph is found wrong (its sum, or against a table) judges no other's change
        factors = [convert(Decimal(1), f.quantity.unit, q.unit).factor for f in (level_now, level_before)]
        if not all(factors):
            continue
        fn, fb = factors
        assert fn is not None and fb is not None
        a, b = _interval(level_now).scaled(fn), _interval(level_before).scaled(fb)
        diff = Interval(a.lo - b.hi, a.hi - b.lo)
        point = level_now.quantity.value * fn - level_before.quantity.value * fb
        said = -q.value if change.direction < 0 else q.value
        if point == 0 or (point > 0) != (said > 0) or round_half_up(point, q.places) == said:
            continue  # the levels give the change at its printed place (or the words and figures go other ways)
        places = max(f.quantity.places for f in (change, level_now, level_before))
        expected = f"{fmt_decimal(round_half_up(abs(point), places))}{q.unit}"
        where_now, where_before = _where(run.sub.narrative[pn].ref), _where(run.sub.narrative[pb].ref)
        operands = f"{now}年 {level_now.quantity.text} − {before}年 {level_before.quantity.text}"
        loosely = diff.overlaps(Interval.printed(said, q.step))
        contradict(
            run,
            pi,
            ref,
            change,
            f"“{change.subject}”与{before}年相比的增减额（{operands}）",
            f"{change.subject}: the change between two other paragraphs' figures",
            expected=expected,
            certainty=Certainty.JUDGEMENT,
            related=(run.sub.narrative[pn].ref, run.sub.narrative[pb].ref),
            basis=f"{_where(ref)}“{change.clause.strip()}”写 {q.text}；{where_now}“{level_now.clause.strip()}”与"
            f"{where_before}“{level_before.clause.strip()}”之差 {operands} = {expected}"
            + (
                "；只有把某个数字读作截去尾数或四舍五入到所印位数的结果才相符（各数按印出的最小位数精确时不符）"
                if loosely
                else ""
            )
            + "；两个数字取自其他段落，配对系推测，需人工核实",
            basis_en=f"{operands} = {expected} (figures of two other paragraphs, paired by item and year); the text "
            f"says {q.text}",
        )


def check_rates_apart(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 警告 for a change rate on last year whose change amount stands right before it and whose level only another
    paragraph prints (梧州 农检中心 2020: "…其中,…公务接待费支出决算…比去年增加 0.5 万元,增长 50%" after "…公务接待费支出决算
    1.5万元。"): the rate is the change over last year's level, this year's less a rise or plus a fall — this year's the
    one figure of the item and stage in the document (`_level`, a sentence naming the report's year or none), in a
    paragraph nothing was found wrong in. Which figure is the level is a reading (paired by the item's name): a 警告 at
    most, said when the rate fails at its printed place (a rate agreeing only through a figure cut short is quiet)."""
    for rate in facts:
        if rate.role != "change_rate" or not rate.index or _bound(rate) or (pi, rate.index) in run.contradicted:
            continue
        change = facts[rate.index - 1]
        if change.role != "change" or change.sentence != rate.sentence or not change.direction or not change.claim:
            continue
        if change.claim != rate.claim or change.of is not None or change.base is not None or change.against != "year":
            continue
        if rate.direction not in (0, change.direction) or not change.quantity.is_money or _approximate(change):
            continue
        if any(_item(f) == change.claim and f.role in ("value", "final", "budget", "previous") for f in facts):
            continue  # a level of the item in its own paragraph: its own arithmetic (stated_changes)
        head = _head(_sentence(run, pi, change), change)
        comparisons = list(_AGAINST.finditer(head))
        if _OTHER_BASIS.search(head) or not comparisons or comparisons[-1].group("year"):
            continue  # only 较/比 上年 (去年): a named year may be another's than the level's
        years = _YEAR.findall(head[: comparisons[-1].start()])
        if not run.year or (years and years[0] != run.year):
            continue
        opening = head[: comparisons[-1].start()]
        stage = "final" if "决算" in opening else _stage(opening)  # "…支出决算比预算无增减变化,比去年增加…": a 决算's
        got = _level(run, pi, change.claim, run.year, stage, undated=True)
        if got is None or _has_finding(run, got[0]):
            continue
        pn, level = got
        factor = convert(Decimal(1), level.quantity.unit, change.quantity.unit).factor
        if not factor:
            continue
        (span, _), (c, size) = _size(level, factor), _size(change, Decimal(1))
        base = _last_year(span, c, change.direction)
        base_point = level.quantity.value * factor - change.direction * size
        if base.lo <= 0 or base_point <= 0:
            continue
        _arith(
            run,
            pi,
            ref,
            facts,
            rate,
            _ratio(c, base),
            size / base_point * HUNDRED,
            f"“{change.subject}”与上年相比的增减率（{change.quantity.text} / 上年 {fmt_decimal(base_point)}{change.quantity.unit}，"
            f"上年 = {level.quantity.text} {'−' if change.direction > 0 else '+'} {change.quantity.text}）",
            f"{change.subject}: the change over last year's level, this year's from another paragraph",
            (change,),
            paired_by=f"本年数取自{_where(run.sub.narrative[pn].ref)}“{level.clause.strip()}”，按项目名称配对",
        )


def base_apart(run: _Run, pi: int, level: Fact, year: str, stage: str) -> tuple[int, Fact] | None:
    """The level's item's one figure of `year` (and `stage`) in another paragraph (`_level`) — of the same money, scope
    and unit as the level, in a paragraph nothing was found wrong in — with its paragraph; None when there is none."""
    got = _level(run, pi, _item(level), year, stage)
    if got is None or _has_finding(run, got[0]):
        return None
    pb, base = got
    said_before, said_now = _sentence(run, pb, base), _sentence(run, pi, level)
    if _money(said_before) != _money(said_now) or _scope(said_before) != _scope(said_now):
        return None  # figures of other money, or of another scope ("2013年全区公务接待费…"), are no pair
    if _owner(run, pb, base) != _owner(run, pi, level):
        return None  # another unit's figure ("2013年区财政局公务接待费…")
    return got


def check_bases_apart(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 警告 for a change on last year — its rate or its amount — whose level its own sentence prints and whose base
    only another paragraph does ("2022年公务接待费支出10万元。" ¶ "2023年公务接待费支出12万元,较上年增长30%": 2 / 10 =
    20%, prose26; "…,较上年增加3万元": 12 − 10 = 2, prose27): last year's level is the one figure of the item, year and
    stage in the document (`_level`, its sentence naming the year compared with), in a paragraph nothing was found wrong
    in. Which figure is the base is a reading (paired by the item's name and year): a 警告 at most, said when the rate
    fails at its printed place, or the amount at the printed precision of the three figures."""
    for fact in facts:
        if fact.role not in ("change_rate", "change") or not fact.direction or fact.of is None or fact.base is not None:
            continue
        if (pi, fact.index) in run.contradicted or _bound(fact) or _approximate(fact) or fact.against != "year":
            continue
        if fact.role == "change" and (not fact.quantity.is_money or fact.parent is not None):
            continue
        level = facts[fact.of] if 0 <= fact.of < len(facts) else None
        if level is None or level.role not in ("value", "final", "budget") or not level.quantity.is_money:
            continue
        item = _item(level)
        if not item or item != _item(fact) or level.sentence != fact.sentence or _approximate(level):
            continue
        if any(f.role in ("change", "previous") and _item(f) == item and f is not fact for f in facts):
            continue  # a change amount or last year's level in its own paragraph: its own arithmetic (stated_changes)
        head = _head(_sentence(run, pi, fact), fact)
        comparisons = list(_AGAINST.finditer(head))
        if _OTHER_BASIS.search(head) or not comparisons:
            continue
        opening = head[: comparisons[-1].start()]
        years = _YEAR.findall(opening)
        now = years[0] if years else run.year
        before = comparisons[-1].group("year") or (str(int(now) - 1) if now else "")
        if not now or not before or before >= now:
            continue
        # the stage the comparison names ("较2013年决算数下降…"), else the level's
        got = base_apart(run, pi, level, before, _stage(head[comparisons[-1].start() :]) or _stage(opening))
        if got is None:
            continue
        pb, base = got
        factor = convert(Decimal(1), base.quantity.unit, level.quantity.unit).factor
        if not factor:
            continue
        b, a = _interval(base).scaled(factor), _interval(level)
        point_base = base.quantity.value * factor
        diff = level.quantity.value - point_base
        if point_base <= 0 or diff == 0 or (diff > 0) != (fact.direction > 0):
            continue  # the words and the figures go other ways: which is meant is open
        change = Interval(a.lo - b.hi, a.hi - b.lo) if diff > 0 else Interval(b.lo - a.hi, b.hi - a.lo)
        paired = f"上年数取自{_where(run.sub.narrative[pb].ref)}“{base.clause.strip()}”，按项目名称和年度配对"
        if fact.role == "change":
            _amount_apart(
                run, (pi, ref), fact, (level, base, run.sub.narrative[pb].ref), (change, diff), before, paired
            )
            continue
        what = (
            f"“{level.subject}”与{before}年相比的增减率（({level.quantity.text} − {before}年 {base.quantity.text}) / "
            f"{base.quantity.text}）"
        )
        what_en = f"{level.subject}: the change rate on last year's level printed in another paragraph"
        point = abs(diff) / point_base * HUNDRED
        _arith(run, pi, ref, facts, fact, _ratio(change, b), point, what, what_en, (level,), paired_by=paired)


def _amount_apart(
    run: _Run,
    at: tuple[int, TextRef],
    amount: Fact,
    levels: tuple[Fact, Fact, TextRef],
    computed: tuple[Interval, Decimal],
    before: str,
    paired: str,
) -> None:
    """An N02 警告 at a change amount that is no difference of its level and last year's printed in another paragraph
    (`computed`: that difference's range and point in the level's unit), at the precision of the three figures."""
    (pi, ref), (level, base, base_ref) = at, levels
    change, diff = computed
    factor = convert(Decimal(1), amount.quantity.unit, level.quantity.unit).factor
    if not factor:
        return
    said = _interval(amount).scaled(factor)
    said = Interval(min(abs(said.lo), abs(said.hi)), max(abs(said.lo), abs(said.hi)))
    if said.overlaps(change):
        return
    places = max(f.quantity.places for f in (amount, level, base))
    expected = f"{fmt_decimal(abs(diff), places)}{level.quantity.unit}"
    operands = (
        f"{level.quantity.text} − {before}年 {base.quantity.text}"
        if diff > 0
        else f"{before}年 {base.quantity.text} − {level.quantity.text}"
    )
    contradict(
        run,
        pi,
        ref,
        amount,
        f"“{level.subject}”与{before}年相比的增减额（{operands}）",
        f"{level.subject}: the change on last year's level printed in another paragraph",
        expected=expected,
        certainty=Certainty.JUDGEMENT,
        related=(base_ref,),
        basis=f"{_where(ref)}：{operands} = {expected}，而“{amount.clause.strip()}”写 {amount.quantity.text}（{paired}，"
        "请核实）",
        basis_en=f"{operands} = {expected}, the text says {amount.quantity.text} (last year's level from another "
        "paragraph, paired by the item's name and year: a person checks)",
    )


#: A change measured on another basis than the levels printed ("如果剔除这一因素…仍然减少了933.78万元").
#: ("(基数为0,不可比)" beside a rate not computed is no basis: 广东省财政厅 2023, real reports 25)
_ADJUSTED = lazy_compile(r"剔除|扣除|不含|除去|同口径|(?<!不)可比")


def _size(f: Fact, factor: Decimal) -> tuple[Interval, Decimal]:
    """The figure's printed range and value as a size (a fall's amount unsigned), in the unit `factor` converts to."""
    at = _interval(f).scaled(factor)
    return (Interval(-at.hi, -at.lo) if at.hi <= 0 else at), f.quantity.value * factor


def _level_and_change(earlier: tuple[Fact, ...], adjusted: Fact) -> tuple[Fact, Fact] | None:
    """The level and its change on last year among the figures before the restated change (its paragraph's, or the
    paragraph's before when it opens with 其中: one paragraph split at its 其中), the change's own rate right after it
    agreeing with them (a fall c from L: c / (L + c)) — so they are one pair; None when not so."""
    for change in reversed(earlier):
        if change.role != "change" or change.direction != adjusted.direction or change.index + 1 >= len(earlier):
            continue
        rate = earlier[change.index + 1]
        if rate.role != "change_rate" or rate.sentence != change.sentence:
            continue  # a change of its own with no rate (the amount taken out, "减少了…342.74万元", its 其中 part)
        levels = [
            f
            for f in earlier[: change.index]
            if f.role in ("value", "final") and not f.direction and f.parent is None and f.quantity.is_money
        ]
        if not levels or change.parent is not None or _ADJUSTED.search(change.clause):
            return None
        level = levels[-1]
        factors = [convert(Decimal(1), f.quantity.unit, level.quantity.unit).factor for f in (change, adjusted)]
        if not all(factors):
            return None
        l_span, _ = _size(level, Decimal(1))
        c_span, _ = _size(change, factors[0] or Decimal(1))
        base = _last_year(l_span, c_span, change.direction)
        if base.lo <= 0 or not _rate_rounds(rate, c_span.percent_of(base)):
            return None
        return level, change
    return None


def _last_year(level: Interval, change: Interval, direction: int) -> Interval:
    """Last year's level from this year's and the change's size: plus a fall, less a rise."""
    if direction < 0:
        return Interval(level.lo + change.lo, level.hi + change.hi)
    return Interval(level.lo - change.hi, level.hi - change.lo)


def _rate_rounds(rate: Fact, computed: Interval) -> bool:
    """The printed rate is the computed one rounded half up at its printed place (not merely cut short)."""
    value, half = abs(rate.quantity.value), rate.quantity.step / 2
    return computed.overlaps(Interval(value - half, value + half))


def check_adjusted_rates(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 警告 for the rate of a change restated on another basis (剔除/扣除/同口径 …) that no base the paragraph's own
    figures give makes (渝中 2017: "总支出为4,333.33万元。…减少了1,276.52万元,下降了22.75%。…如果剔除这一因素,…仍然减少了
    933.78万元,下降了16.64%"). The paragraph's level L and its change C on last year come first, C's own rate agreeing
    with them (so they are one pair); the restated change c' is then over last year's level (L + C for a fall) or over
    last year's on the same basis (L + c': what was taken out, C − c', taken out of last year too) — either, rounded at
    the rate's printed place, is quiet. Which base the words mean is a reading: a 警告 at most (16.6454% printed 16.64% is
    cut short, no rounding of either base)."""
    for rate in facts:
        if rate.role != "change_rate" or rate.index < 3 or _bound(rate) or (pi, rate.index) in run.contradicted:
            continue
        adjusted = facts[rate.index - 1]
        if adjusted.role != "change" or adjusted.sentence != rate.sentence or not adjusted.direction:
            continue
        if rate.direction not in (0, adjusted.direction) or not adjusted.quantity.is_money or _approximate(adjusted):
            continue
        if not _ADJUSTED.search(_head(_sentence(run, pi, adjusted), adjusted)):
            continue
        pair = _level_and_change(facts[: adjusted.index], adjusted)
        operands: tuple[Fact, ...] = (adjusted,)
        if pair is None and pi > 0 and _OPENS_A_PART.match(run.sub.narrative[pi].text):
            pair = _level_and_change(run.facts.get(pi - 1, ()), adjusted)  # "…万元。⏎其中…": one paragraph split
        elif pair is not None:
            operands = (adjusted, *pair)
        if pair is None:
            continue
        level, change = pair
        unit = level.quantity.unit
        l_span, l_point = _size(level, Decimal(1))
        c_span, c_point = _size(change, convert(Decimal(1), change.quantity.unit, unit).factor or Decimal(1))
        a_span, a_point = _size(adjusted, convert(Decimal(1), adjusted.quantity.unit, unit).factor or Decimal(1))
        sign = -1 if adjusted.direction < 0 else 1
        readings = []
        for name, span, point in (("上年数", c_span, c_point), ("剔除后同口径的上年数", a_span, a_point)):
            base, base_point = _last_year(l_span, span, adjusted.direction), l_point - sign * point
            if base.lo <= 0 or base_point <= 0:
                break
            computed = a_span.percent_of(base)
            if _rate_rounds(rate, computed):
                break  # a base gives it
            readings.append((name, computed, a_point / base_point * HUNDRED, base_point))
        else:
            name, computed, point, base_point = readings[0]
            others = "；".join(
                f"按{n}（{fmt_decimal(round_half_up(b, 2))}{unit}）为 {fmt_decimal(round_half_up(p, rate.quantity.places))}%"
                for n, _, p, b in readings
            )
            _arith(
                run,
                pi,
                ref,
                facts,
                rate,
                computed,
                point,
                f"“{adjusted.subject}”剔除后的增减率（{adjusted.quantity.text} / {name} {fmt_decimal(round_half_up(base_point, 2))}"
                f"{unit}，上年数 = {level.quantity.text} {'+' if sign < 0 else '−'} {change.quantity.text}）",
                f"{adjusted.subject}: the rate of a change restated on another basis",
                operands,
                paired_by=f"增减额按另一口径（{_ADJUSTED.search(_head(_sentence(run, pi, adjusted), adjusted)).group(0)}）"  # type: ignore[union-attr]  # it matched above (`continue` otherwise)
                f"重述，其基数文字未写明：{others}，均不是文字的比例四舍五入的结果",
            )


#: A whole's name this short ("支出", "收入") is a kind of figure, not one figure's name (as `named_shares`).
_MIN_WHOLE_NAME = 4


#: A share naming its whole before 比重/比例 ("占全市一般公共预算收入比重为27.8%"), no 的 after it.
_WEIGHT_OF = lazy_compile(r"占([^\d，,。；;的]{4,14}?)(?:的)?(?:比重|比例)", needs=("比重", "比例"))


def _whole_named(share: Fact) -> str:
    """The words naming a share's whole: "占X的", or "占X比重/比例" (宜春 2024's print)."""
    if named := _whole_a_share_names(share):
        return named
    at = share.clause.find(share.quantity.text)
    m = _WEIGHT_OF.search(share.clause[:at]) if at >= 0 else None
    return m.group(1) if m else ""


def _whole_item(name: str) -> str:
    """The item a share's whole is named by, its scope words aside ("全市一般公共预算收入": income)."""
    bare = _SCOPE.sub("", name)
    return _claim(bare, "final") or _claim(bare) or bare


def check_shares_apart(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 警告 for a share whose whole its words name and only another paragraph prints ("2024年,全市一般公共预算收入
    284.1亿元,…" ¶ "中心城区…一般公共预算收入78.9亿元,…,占全市一般公共预算收入比重为27.8%", 宜春 2024 p3, prose28b):
    the whole is the one figure of the named item and the year (the share's sentence's, else the report's) in the
    document (`_level`), of the money and scope the name says, in a paragraph nothing was found wrong in. Which figure
    is the whole is a reading by item and year: a 警告 that names the pairing. A share of a 其中 total, or of a whole its
    own paragraph prints under the name, is the paragraph's own (funds_arith, `named_shares`)."""
    for share in facts:
        if share.role != "share" or share.of is None or not share.quantity.is_percent or _bound(share):
            continue
        if (pi, share.index) in run.contradicted or _approximate(share) or not 0 <= share.of < len(facts):
            continue
        part = facts[share.of]
        name = compact_name(_whole_named(share))
        if part.parent is not None or not part.quantity.is_money or _approximate(part) or len(name) < _MIN_WHOLE_NAME:
            continue
        item = _whole_item(name)
        if any(_item(f) == item or name in compact_name(f.clause) for f in facts[: share.index] if f is not share):
            continue  # the whole named in its own paragraph: that paragraph's reading (named_shares), or a doubt
        said = _sentence(run, pi, share)
        years = _YEAR.findall(said)
        year = years[0] if years else run.year
        got = _level(run, pi, item, year, "") if year else None
        if got is None or _has_finding(run, got[0]):
            continue
        pw, whole = got
        whole_said = _sentence(run, pw, whole)
        if _money(name) != _money(whole_said) or _scope(name) != _scope(whole_said):
            continue  # "占全市一般公共预算收入" of a 本级 or a 政府性基金 figure: no pair
        factor = convert(Decimal(1), whole.quantity.unit, part.quantity.unit).factor
        if not factor or not whole.quantity.value:
            continue
        w = _interval(whole).scaled(factor)
        point_whole = whole.quantity.value * factor
        _arith(
            run,
            pi,
            ref,
            facts,
            share,
            _ratio(_interval(part), w),
            part.quantity.value / point_whole * HUNDRED,
            f"“{part.subject}”占“{name}”的比例（{part.quantity.text} / {whole.quantity.text}）",
            f"share of {part.subject} in {name}",
            (part, whole),
            paired_by=f"“{name}”的数字本段未写出，按第{pw + 1}段中同一项目、同一年度的唯一金额 {whole.quantity.text} 读取",
        )
