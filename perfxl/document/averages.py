"""An average against its total and its count (issue 12, prose24): "截止2014年底,…车辆保有量为3辆,全年车均运行维护费
支出5.97元" after "2014年公务用车购置及运行维护费17.9万元" and a 三公 table printing 运行维护费 17.9 (东坡 审计局 2014): a
per-thing figure (车均/人均/户均/生均/亩均/平均每…) is the item's total over the count of things its paragraph prints —
17.9万元 / 3辆 = 5.97万元, printed 5.97元.

Only a money figure whose words open with the average word and name an item ("车均运行维护费支出"), no standard or bound
(标准, 不超过, 最高 …: a 人均补助标准 is set, not computed), the count the one figure of its thing (辆 for 车均, 人/名 for
人均 …) in the average's paragraph, and the total the one figure printed under the item's name — a table's line of that
name (its synonyms: `vocabulary.CLAIMS`; 车均 is the 公务用车's, so "运行维护费" is 公务用车运行维护费) or another
paragraph's figure of that name — every figure of the name giving the same amount (two that differ: neither). Which
total and which count the words mean is a reading (the cars at year's end need not be those of the whole year): an N02
警告 at most, said only when the average fails the total over the count at the average's printed place, and naming both
figures. A total whose unit the table does not print is not used (an average cannot settle it). Pure; called by
perfxl.document.crosscheck after every paragraph's own checks.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import Certainty, Location, TextRef
from ..numbers import fmt_decimal, round_half_up
from ..patterns import lazy_compile
from ..units import convert
from .facts import Fact, compact_name
from .levels_apart import _YEAR, _item, sentence_of
from .precision import Interval, _approximate, _bound, _interval
from .run_state import _where, contradict
from .vocabulary import MONEY_UNITS, claim_of

if TYPE_CHECKING:
    from .run_state import _Run

__all__ = ["check_averages"]

#: A per-thing figure's words: the average word, then the item ("车均运行维护费支出", "平均每户补贴资金").
_AVERAGE = lazy_compile(
    r"^(?:全年|年度|年|当年|本年)?(?:(?P<word>车均|人均|户均|生均|亩均|台均)|平均每(?P<per>辆|人|户|名|亩|台|家|所|个)|"
    r"每(?P<each>辆|户|台)车?平均)(?P<item>.+)$"
)
#: The thing each average word counts, as its count's units print it.
_COUNTED = {
    "车均": ("辆",),
    "人均": ("人", "名"),
    "户均": ("户",),
    "生均": ("人", "名"),
    "亩均": ("亩",),
    "台均": ("台",),
}
#: Whose things an average word counts, where the word says it: 车均 is per official car (the 三公 item's name).
_OWNER = {"车均": "公务用车"}
#: A set figure, not one computed from a total: a standard, a bound, a subsidy rate.
_SET = lazy_compile(r"标准|定额|限额|不超过|不高于|不低于|最高|最低|上限|下限|控制在|以内|以下|以上|约|左右")
#: A count of things moved in the year, not of those held ("本年更新公务用车1辆", "报废…", "新进人员2人"): no average's base
#: (review24p: 12万元 / 1辆 against "车均运行维护费3万元" of four cars).
_MOVED = lazy_compile(r"购置|购买|采购|更新|新增|新购|新进|招录|报废|处置|拍卖|调入|调出|划转|移交|封存|减少|增加")
#: The spending words after an item's name ("运行维护费支出" is the 运行维护费).
_SPENT = lazy_compile(r"(?:支出|开支|支付|金额|总额|数)+$")


def _average(f: Fact) -> tuple[tuple[str, ...], str, str] | None:
    """The units its count prints, its owner word and its item, for a per-thing money figure; None for any other."""
    if not f.quantity.is_money or f.role not in ("value", "final") or f.direction or f.parent is not None:
        return None
    m = _AVERAGE.match(compact_name(f.subject))
    if m is None or _SET.search(f.clause) or _bound(f) or _approximate(f):
        return None
    word = m.group("word") or ""
    units = _COUNTED[word] if word else ((m.group("per") or m.group("each")),)
    item = _SPENT.sub("", m.group("item"))
    return (units, _OWNER.get(word, ""), item) if item else None


def _count(facts: tuple[Fact, ...], average: Fact, units: tuple[str, ...]) -> Fact | None:
    """The one count of the average's things held in its paragraph (its sentence's when that has one), or None."""
    counts = [
        f
        for f in facts
        if f.quantity.unit in units
        and f.role == "value"
        and not f.direction
        and f.quantity.value > 0
        and not _bound(f)
        and not _approximate(f)
        and not _MOVED.search(compact_name(f.subject))
    ]
    own = [f for f in counts if f.sentence == average.sentence]
    counts = own or counts
    return counts[0] if len({f.quantity.value for f in counts}) == 1 else None


def _names(owner: str, item: str) -> tuple[str, str]:
    """The item's claim (`vocabulary.CLAIMS`, with its owner's name when the average word names one) and its name."""
    claim = claim_of(item) or (claim_of(owner + item) if owner else "")
    if not claim and owner and item.endswith("费"):
        claim = claim_of(owner + item[:-1] + "费")
    return claim, item


#: Words naming a whole region or all units ("全县公用经费支出2390万元", "各学校…"): a total of that scope is not the one
#: unit's whose average its paragraph prints ("我校…生均公用经费1200元") unless the average's sentence names it too.
_SCOPE = lazy_compile(r"全(?:县|市|区|州|省|国|镇|乡|旗|盟|系统|行业)|各(?:县|市|区|乡|镇|校|学校|单位|部门)")


def _scopes(run: _Run, pi: int, f: Fact) -> frozenset[str]:
    """The region or all-units words of a figure's sentence (`_SCOPE`)."""
    return frozenset(_SCOPE.findall(sentence_of(run, pi, f)))


def _year(run: _Run, pi: int, f: Fact) -> str:
    """The year a figure's sentence names first ("" when it names none: whose year it is stays open)."""
    years = _YEAR.findall(sentence_of(run, pi, f))
    return years[0] if years else ""


def _totals(
    run: _Run, pi: int, average: Fact, claim: str, item: str
) -> list[tuple[Interval, Decimal, str, str, Location]]:
    """Every figure printed under the item's name for the average's year, in 元: (range, value, how printed, where said,
    location) — its own paragraph's too (review24p: "2022年…运行维护费10万元,…4辆,车均…2.5万元" beside another
    paragraph's 2023 figure 12万元 was held to 12 / 4); none whose sentence names another year than the average's (the
    table's year is the report's)."""
    out: list[tuple[Interval, Decimal, str, str, Location]] = []
    year, scopes = _year(run, pi, average), _scopes(run, pi, average)
    table = not year or year == run.year
    if claim and table and (tv := run.values.get((claim, "final"))) is not None and not tv.formula and tv.refs:
        factor = convert(Decimal(1), tv.unit, "元").factor if tv.unit and not tv.unit_assumed else None
        if factor:
            span = Interval.printed(tv.value, tv.step).scaled(factor)
            out.append((span, tv.value * factor, f"{fmt_decimal(tv.value)}{tv.unit}", tv.label, tv.refs[0]))
    for pj, facts in run.facts.items():
        if pj < 0 or pj >= len(run.sub.narrative):
            continue
        for f in facts:
            if f is average or (year and (other := _year(run, pj, f)) and other != year):
                continue
            # (the item's budget too: "公用经费预算300万元,实际支出239万元,…生均公用经费1255元" may be the budget's average —
            # two totals that differ leave which is meant open, review25p)
            if f.role not in ("value", "final", "budget") or not f.quantity.is_money or f.direction or _bound(f):
                continue
            if _approximate(f) or _average(f) is not None or (pj, f.index) in run.contradicted:
                continue
            if _scopes(run, pj, f) != scopes:
                continue  # "全县公用经费支出2390万元" beside "我校…生均公用经费1200元": another scope's total (review25p)
            # (its item by its claim, or by its name less the spending words: "公用经费支出239万元" is the 公用经费's — prose25)
            if not ((claim and claim in (f.claim, _item(f))) or _SPENT.sub("", _item(f)) == item):
                continue
            factor = convert(Decimal(1), f.quantity.unit, "元").factor
            if factor:
                ref = run.sub.narrative[pj].ref
                said = f"{_where(ref)}“{f.clause.strip()}”"
                out.append((_interval(f).scaled(factor), f.quantity.value * factor, f.quantity.text, said, ref))
    return out


def check_averages(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 警告 for a per-thing figure that its item's total over its count does not give (see the module's doc)."""
    for average in facts:
        if (pi, average.index) in run.contradicted or (read := _average(average)) is None:
            continue
        units, owner, item = read
        count = _count(facts, average, units)
        claim, name = _names(owner, item)
        totals = _totals(run, pi, average, claim, name) if count is not None else []
        if count is None or not totals or len({value for _, value, *_ in totals}) != 1:
            continue  # no count, no total, or two totals of the name that differ: which is meant is open
        span, value, printed, said, where = totals[0]
        n = count.quantity.value
        q = average.quantity
        factor = convert(Decimal(1), "元", q.unit).factor
        if not factor:
            continue
        computed = Interval(span.lo / n, span.hi / n).scaled(factor)
        if computed.overlaps(_interval(average)):
            continue
        point = value / n * factor
        expected = f"{fmt_decimal(round_half_up(point, q.places))}{q.unit}"
        slips = [
            u
            for u in MONEY_UNITS
            if u != q.unit
            and (k := convert(Decimal(1), "元", u).factor)
            and round_half_up(value / n * k, q.places) == q.value
        ]
        slip = f"；按{slips[0]}计为 {fmt_decimal(q.value)}{slips[0]}，所印单位“{q.unit}”或为误写" if slips else ""
        operands = f"{printed} / {count.quantity.text}"
        contradict(
            run,
            pi,
            ref,
            average,
            f"“{average.subject}”的平均数（{operands}）",
            f"{average.subject}: the total over the count",
            expected=expected,
            certainty=Certainty.JUDGEMENT,
            related=(where,),
            basis=f"{_where(ref)}“{average.clause.strip()}”写 {q.text}；{said}为“{name}”{printed}，本段“"
            f"{count.clause.strip()}”为 {count.quantity.text}，{operands} = {expected}{slip}；总额按名称“{name}”配对，"
            "数量取本段所写，系推测，需人工核实",
            basis_en=f"{operands} = {expected} (the total found by the item's name, the count in the paragraph); the "
            f"text says {q.text}",
        )
