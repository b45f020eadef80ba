"""The state of one narrative cross-check: the `Issue`s found so far (before rendering as Findings), the facts
already contradicted (a figure is reported once), the intervals a table refined, the report's year; and the N02
reporter every arithmetic check shares (`_arith`). Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..model import CellRef, CellValue, Certainty, Location, Submission, TextRef
from ..numbers import HUNDRED, fmt_decimal, round_half_up
from ..patterns import lazy_compile
from ..records import record
from ..units import convert
from .facts import Fact, compact_name, is_multiple, sentences
from .precision import Interval, _about_interval, _approximate, _around, _bound, _bound_holds, _interval
from .table_facts import IndicatorValue, ProjectFunds, TableValue

if TYPE_CHECKING:
    from perfxl.profiles import ProfileLike

    from .match import NameTable
    from .table_lines import LineIndex, LineMatch


@record()
class Issue:
    """One narrative finding before rendering: code, places, template fields, certainty and basis."""

    code: str
    ref: TextRef | CellRef  # a paragraph, or the table cell whose free text (年度总体目标) holds the figures
    fields: dict[str, Any]
    expected: str = ""
    actual: str = ""
    related: tuple[Location, ...] = ()
    certainty: Certainty = Certainty.CERTAIN
    basis: str = ""
    basis_en: str = ""


@record()
class _Run:
    sub: Submission
    profile: ProfileLike
    values: dict[tuple[str, str], TableValue]
    indicators: list[IndicatorValue]
    issues: list[Issue] = field(default_factory=list)
    contradicted: set[tuple[int, int]] = field(default_factory=set)  # (paragraph index, fact index)
    # the N01 that contradicted a figure against the tables: a guess may give way to a certain N02 on the same figure
    contradicted_by: dict[tuple[int, int], Issue] = field(default_factory=dict)
    refined: dict[tuple[int, int], Interval] = field(default_factory=dict)
    unsupported: dict[int, list[Fact]] = field(default_factory=dict)
    # the table cells (table_facts.unread_cells) a narrative figure is about that hold no readable figure, by paragraph
    unread: dict[tuple[str, str], CellValue] = field(default_factory=dict)
    unreadable: dict[int, list[tuple[Fact, CellValue]]] = field(default_factory=dict)
    year: str = ""  # the report's year: the one its narrative names most
    facts: dict[int, tuple[Fact, ...]] = field(default_factory=dict)  # each paragraph's facts, by paragraph index
    project: ProjectFunds | None = None  # the report's one project table's name and funds total (project_funds)
    unit_lines: dict[str, str] = field(default_factory=dict)  # table → the unit line above it (table_facts.unit_lines)
    # table printing no unit → (the unit its narrative's agreeing figures settle, the first such figure): assumed_unit
    narrative_units: dict[str, tuple[str, str]] = field(default_factory=dict)
    # each N02 a rate got from its own figures, with those figures: a sum that finds one of them wrong takes its place
    # when putting that figure right makes the rate agree (`funds_arith._consequent_rates`)
    rate_issues: list[tuple[int, Issue, Fact, tuple[Fact, ...]]] = field(default_factory=list)
    # the named lines of the tables read for their sums (功能分类表, 收支总表): table_lines.line_index
    lines: LineIndex | None = None
    # figures held to the 功能分类 line their paragraph opens with, checked after the paragraphs' own arithmetic
    # (crosscheck._check_table_line): (paragraph, place, figure, the line)
    opening_lines: list[tuple[int, TextRef, Fact, LineMatch]] = field(default_factory=list)
    # a change naming no stage that no reading of the 三公 table gives (crosscheck._no_stage_change): its 警告, said
    # after the paragraphs' own arithmetic unless that already found the figure wrong — (paragraph, place, figure,
    # the reading compared, certainty, pairing zh, pairing en)
    stageless: list[tuple[int, TextRef | CellRef, Fact, TableValue, Certainty, str, str]] = field(default_factory=list)
    # the indicator rows a figure of one kind may be paired with, and their names read once (crosscheck._candidates):
    # by (table role, percent, fact role, unit) — worked out per figure, it was quadratic in figures × rows (sec24a)
    candidate_rows: dict[tuple[str, bool, str, str], tuple[list[IndicatorValue], NameTable]] = field(
        default_factory=dict
    )


_YEAR = lazy_compile(r"((?:19|20)\d{2})(?=年)")
_COMPARED = lazy_compile(r"(较|比|上年|去年|上一年|上年度)")


#: A sentence about what is to come: its figures are plans, not this year's results.
_PLAN_SENTENCE = lazy_compile(r"(下一步|下步|今后|力争|争取|明年|下一年|下年度|拟(?!定)|将(?:继续|进一步|努力))")


def _plan_sentences(text: str) -> set[int]:
    """The sentences of a paragraph about plans ("下一步，我局将力争…新增高新技术企业12家"): their figures are no results."""
    return {i for i, sentence in enumerate(sentences(text)) if _PLAN_SENTENCE.search(sentence)}


#: A year named as the base of a comparison ("比2019年预算减少", "较2022年增长"): another year than the report's.
_COMPARED_YEAR = lazy_compile(r"(?:比|较)((?:19|20)\d{2})(?=年)")


def report_year(texts: Iterable[str]) -> str:
    """The year a report's narrative names most ("" when none): plans name next year and comparisons last year, the
    report's own is the most named — of two named as often, the later. A year right after 比/较 is a comparison's base
    and not counted (宣州区直工委's 2020 预算 names "比2019年预算" in every paragraph, real reports 18)."""
    texts = list(texts)
    years = Counter(y for text in texts for y in _YEAR.findall(text))
    years.subtract(y for text in texts for y in _COMPARED_YEAR.findall(text))
    years = +years or Counter(y for text in texts for y in _YEAR.findall(text))
    return max(years, key=lambda y: (years[y], y), default="")


def _another_years(run: _Run, fact: Fact) -> bool:
    """A figure the words before it place in another year than the report's ("2024年“三公”经费预算1.8万元" in the
    2023 report); a score also when compared ("较2022年度自评得分95分")."""
    head = _around(fact)[0]
    if fact.claim == "total_score" and _COMPARED.search(head):
        return True
    return bool(run.year) and any(y != run.year for y in _YEAR.findall(head) or _items_years(run, fact))


def _items_years(run: _Run, fact: Fact) -> list[str]:
    """The years named before the first figure of the item this one carries on in its sentence (the same subject, no
    year of its own): "2020年公务接待费预算数为10万元，决算支出数为6万元", "2020年公务接待费支出6万元，同比下降40%" in a
    2021 report — the 6 and the 40% are 2020's too, never held to the 2021 table (review17a: an N01 错误 each, since
    lost17 read 决算支出数 as a 决算 and an item's 同比 rate as the table's)."""
    facts = run.facts.get(fact.paragraph, ())
    if not fact.subject or fact.index > len(facts):
        return []
    first = None
    for before in reversed(facts[: fact.index]):
        if before.sentence != fact.sentence or before.subject != fact.subject:
            break
        first = before
    # the year naming the item, not a comparison's base ("2021年公务接待费支出5.21万元，较2020年减少0.79万元，下降13.17%":
    # the 13.17% is 2021's)
    return _YEAR.findall(_COMPARED_BASE.sub("", _around(first)[0])) if first is not None else []


_COMPARED_BASE = lazy_compile(r"(?:比|较|与|同比)(?:19|20)\d{2}(?=年)")


#: How many of a report's first paragraphs may hold its title ("2018年湛江市质量技术监督局“三公”经费预算情况说明").
_TITLE_PARAGRAPHS = 3


def report_title(run: _Run, before: int = _TITLE_PARAGRAPHS) -> str:
    """The report's first paragraphs (and none from paragraph `before` on), where its title is, compacted as the
    cross-check reads them."""
    from .plain_text import plain_narrative  # (plain_text is a leaf; imported here to keep run_state's imports few)

    head = run.sub.narrative[: min(before, _TITLE_PARAGRAPHS)]
    return "".join(compact_name(plain_narrative(p.text)) for p in head)


def titled(run: _Run, unit: str, before: int = _TITLE_PARAGRAPHS) -> bool:
    """The unit's name is in the report's title (printed before paragraph `before`: not the words naming it)."""
    return compact_name(unit) in report_title(run, before)


def _where(ref: TextRef | CellRef) -> str:
    """Where a narrative figure stands: "正文第6段", or a table cell's free text ("表1!F9单元格的文字")."""
    return f"正文{ref.cell}" if isinstance(ref, TextRef) else f"{ref}单元格的文字"


def contradict(
    run: _Run,
    pi: int,
    ref: TextRef | CellRef,
    fact: Fact,
    what: str,
    what_en: str,
    *,
    expected: str,
    basis: str,
    basis_en: str,
    certainty: Certainty = Certainty.CERTAIN,
    related: tuple[Location, ...] = (),
    actual: str = "",
) -> Issue:
    """An N02 at `fact` of paragraph `pi`, a figure its text's own arithmetic contradicts: the figure marked contradicted
    (no other check says it again) and the issue kept — what was computed (`what`, `expected`), the figure as printed
    (`actual` when its words around it say more: "1倍多"), how certain and on what basis. A figure printed without its
    unit (`Fact.unit_assumed`) makes it a judgement that says so."""
    run.contradicted.add((pi, fact.index))
    if assumed := unit_assumed((fact,)):
        certainty, basis, basis_en = Certainty.JUDGEMENT, f"{basis}；{assumed}", f"{basis_en}; the unit was assumed"
    issue = n02(
        ref,
        what,
        what_en,
        expected=expected,
        actual=actual or fact.quantity.text,
        related=related,
        certainty=certainty,
        basis=basis,
        basis_en=basis_en,
    )
    run.issues.append(issue)
    return issue


def unit_assumed(facts: tuple[Fact, ...]) -> str:
    """Why a finding on these figures is a guess when one was printed without its unit ("减少484.05": read as 万元, the
    unit of the paragraph's figures before it — prose28b; "资金60万": read as 万元 — reports38), "" when every figure
    printed its own."""
    bare = [f for f in facts if f.unit_assumed]
    if not bare:
        return ""
    shown = "、".join(f"{f.quantity.text[: -len(f.unit_assumed)]}" for f in bare)
    return f"文字中的 {shown} 未写单位，按其前金额的单位{bare[0].quantity.unit}读取（单位为推定）"


def n02(ref: TextRef | CellRef, what: str, what_en: str, **fields: Any) -> Issue:
    """An N02 (the narrative's own arithmetic does not hold) at `ref`: where it stands, what was computed (`what`), and
    the Issue's other fields (expected, actual, related, certainty, basis, basis_en)."""
    return Issue("N02", ref, {"where": _where(ref), "what": what, "what_en": what_en}, **fields)


def _tables_read(sub: Submission) -> bool:
    return bool(sub.evaluations) or sub.basic is not None


def whole_wan_in_yuan(fact: Fact) -> bool:
    """An amount in 元 printed whole that is a whole 万 ("30000元"): perhaps a 万元 figure restated (real reports 13–14);
    "30000.00元" prints its 分 and is no such restatement."""
    q = fact.quantity
    return q.unit == "元" and q.step >= 1 and bool(q.value) and not q.value % 10000


def _operand(run: _Run, pi: int, fact: Fact) -> Interval:
    return run.refined.get((pi, fact.index), _interval(fact))


#: "经比较2020年度…41万元": "after comparing, 2020's own …" or "compared with 2020's …" — which, only the report's year says.
_AFTER_COMPARING = lazy_compile(r"经(?:比较|对比)\s*((?:19|20)\d{2})\s*年", needs=("经比较", "经对比"))


def _compared_or_own(run: _Run, operands: tuple[Fact, ...]) -> str:
    """Why a figure after "经比较YYYY年" is read as a guess ("" when it is not one): it is the year's own figure (the
    reading of `facts._role`, 焦石镇 2020) only when YYYY is the report's year, named elsewhere than after 经比较; of
    another year ("2021年…41万元,经比较2020年度…60万元,减少19万元,下降31.67%", review21d) it may be the compared
    year's, the base of the change after it."""
    for f in operands:
        m = _AFTER_COMPARING.search(f.clause)
        if m is None:
            continue
        year = m.group(1)
        texts = [p.text for p in run.sub.narrative]
        named = sum(t.count(f"{year}年") for t in texts) - sum(len(_AFTER_COMPARING.findall(t)) for t in texts)
        if year != run.year or named <= 0:
            return (
                f"“{m.group(0)}”后的金额可能是{year}年本身的数字，也可能是比较的基数（上年数），此处按前者读取，"
                "未必如此"
            )
    return ""


#: "增长1倍多", "增长2倍余": more than the whole multiple, short of the next (1倍多 is 1–2 times).
_MORE_THAN = lazy_compile(r"^\s*(多|余)", needs=("多", "余"))


def _more_than(rate: Fact) -> str:
    """The 多/余 right after a multiple ("1倍多"), "" when none (`facts._MULTIPLE`)."""
    m = _MORE_THAN.match(_around(rate)[1]) if is_multiple(rate) else None
    return m.group(1) if m else ""


def _times(percent: Decimal, rate: Fact) -> str:
    """A rate in % shown as the multiple it was printed as ("237%" of "增长2.37倍" → "2.37倍"), at its printed places."""
    return f"{fmt_decimal(round_half_up(percent / HUNDRED, rate.quantity.places + 2))}倍"


def _unsigned(interval: Interval) -> Interval:
    """The magnitudes an interval of one sign spans (a fall's rate "下降约10%" read as −15…−5: 5…15)."""
    lo, hi = sorted((abs(interval.lo), abs(interval.hi)))
    return Interval(Decimal(0) if interval.lo <= 0 <= interval.hi else lo, hi)


def _arith(
    run: _Run,
    pi: int,
    ref: TextRef | CellRef,
    facts: tuple[Fact, ...],
    rate: Fact,
    computed: Interval | None,
    point: Decimal | None,
    what: str,
    what_en: str,
    operands: tuple[Fact, ...],
    paired_by: str = "",
    related: tuple[Location, ...] = (),
    rounded: Interval | None = None,
) -> None:
    """N02 when the narrative's rate is not `computed` from its own figures at their printed precision;
    `paired_by` says how the operands were paired when not by name (the finding is then a judgement); `related` are
    the table cells the operands were found to be. `rounded` is the rate with every operand read rounded half up at the
    finest step printed among them (none cut short): a rate that agrees only through an amount cut short or a whole
    figure read loosely ("预算为3万元,支出决算为1.71万元,完成预算的43%" agrees only with a budget of 3.98 printed 3) is
    a judgement too."""
    if computed is None or point is None or any((pi, f.index) in run.contradicted for f in operands):
        return
    paired_by = paired_by or _compared_or_own(run, operands) or unit_assumed(operands)
    # a rate contradicted against the tables only by a judgement ("同比下降20%" beside a whole "6" read loosely, N01
    # 警告) gives way to its own figures' certain N02 (lost17), as `funds_arith._give_way` lets a part's guess give way
    prior = run.contradicted_by.get((pi, rate.index)) if (pi, rate.index) in run.contradicted else None
    if (pi, rate.index) in run.contradicted and (prior is None or prior.certainty is Certainty.CERTAIN):
        return
    printed = Interval.printed(abs(rate.quantity.value), rate.quantity.step)
    value, half = abs(rate.quantity.value), rate.quantity.step / 2
    if more := _more_than(rate):
        # "增长1倍多" for 10 → 28 (+180%): more than 1倍 and short of 2倍, not 1倍 rounded (review25p: a false 警告)
        printed = Interval(value, value + rate.quantity.step)
        half = rate.quantity.step / 2
        value += half  # (the figure's middle: "truncated" below compares with the range around it)
    said = rate.quantity.text + more
    if (bound := _bound(rate)) and _bound_holds(bound, computed, Interval(value, value)):
        return  # "99%以上" of 99.985%, "不足90%" of 85%: true
    if _approximate(rate) and computed.overlaps(_unsigned(_about_interval(rate))):
        return  # "比重接近70%" of 68.57%: the text says the rate is not exact — it stands for the values around it
    truncated = computed.overlaps(printed) and not computed.overlaps(Interval(value - half, value + half))
    if computed.overlaps(printed) and not truncated:
        if rounded is None or rounded.overlaps(Interval(value - half, value + half)) or _bound(rate):
            return
        # "公用经费100万元,比上年减少10万元,下降8%" (9.09%): 8% only with the amounts read loosely and the rate then rounded,
        # or with them rounded and the rate cut (8.56% → 8%) — either stretch alone is a judgement, so both are (prose31:
        # was quiet, the rate's cut read only against the loose range)
        cut_rate = rounded.overlaps(printed)
        computed = rounded
        wan = "、".join(o.quantity.text for o in operands if whole_wan_in_yuan(o))
        paired_by = paired_by or (
            "按印出的位数，只有把某个金额读作截去尾数、或把整数金额读作四舍五入到整数的结果才相符"
            + ("，或把文字的比例读作截去尾数而非四舍五入的结果" if cut_rate else "")
            + (f"（整万的元金额 {wan} 读作由万元数换算而来、按万元取整）" if wan else "")
            + "；若各金额都按印出的最小位数精确（如 1万元即 1.00万元），比例不符"
        )
    multiple = is_multiple(rate)
    if multiple and rate.role == "change_rate" and rate.direction > 0 and not paired_by:
        # "增长3.37倍" where the level is 3.37 times the base: the standard reading is +337% (4.37 times), but loose
        # writing uses "增长n倍" for "grown to n times" — a figure one reading gives is no certain error (prose25)
        grown_to = Interval(computed.lo + HUNDRED, computed.hi + HUNDRED)
        if grown_to.overlaps(printed):
            paired_by = (
                f"“增长n倍”按规范读作增加 n×100%（为原数的 n+1 倍），按此应为 {_times(point, rate)}；文字的 "
                f"{said} 与“为原数的 {said}”（增长 {_times(point - HUNDRED, rate)}）相符，"
                "或是把“增长到”写成了“增长”"
            )
    if truncated:  # "99%" for 99.985%: cut, not rounded (四舍五入 gives 100%) — perhaps on purpose
        paired_by = paired_by or "文字的比例是截去尾数而非四舍五入的结果（可能有意不写成满数）"
    places = rate.quantity.places
    if round_half_up(point, places) == value and any((pi, o.index) in run.refined for o in operands):
        # "预算为1万元…完成预算的53%" of 0.53 / 1, the 1 read as the table's 1.5 (a whole 1 may be 1.5 cut short): the
        # text's own figures give its rate — it fails only through a table cell its figure agrees with loosely
        point = (computed.lo + computed.hi) / 2
        paired_by = "；".join(
            p
            for p in (
                paired_by,
                f"文字的比例与其自身数字相符（{fmt_decimal(value)}%）；只是按与某个金额相符的表格单元格（印出的金额可能由其截去尾数"
                "而来）计算时不符",
            )
            if p
        )
    expected = _times(point, rate) if multiple else f"{fmt_decimal(round_half_up(point, places))}%"
    if multiple and not paired_by:
        # neither reading gives it: say both ("增长n倍" is +n×100%; as "grown to n times" it would be the level / base)
        paired_by_none = f"（若读作“为原数的 n 倍”，应为 {_times(point + HUNDRED, rate)}，也不相符）"
    else:
        paired_by_none = ""
    if prior is not None:
        if paired_by:
            return  # a judgement either way: the table's stands
        if prior in run.issues:
            run.issues.remove(prior)
        del run.contradicted_by[(pi, rate.index)]
    issue = contradict(
        run,
        pi,
        ref,
        rate,
        what,
        what_en,
        related=related,
        expected=expected,
        actual=said,
        basis=f"{_where(ref)}：{what} = {expected}（{'按所关联的表格单元格' if related else '按正文数字、其印出精度'}计算，可能范围 "
        f"{fmt_decimal(round_half_up(computed.lo, 2))}%–{fmt_decimal(round_half_up(computed.hi, 2))}%），文字写 {said}"
        + paired_by_none
        + (f"；{paired_by}，需人工核实" if paired_by else ""),
        basis_en=f"{what_en} = {expected} from the narrative's own figures; the text says {said}"
        + ("; a judgement (figures paired by place, or the rate cut rather than rounded)" if paired_by else ""),
        certainty=Certainty.JUDGEMENT if paired_by else Certainty.CERTAIN,
    )
    run.rate_issues.append((pi, issue, rate, operands))


def _sum_in(run: _Run, pi: int, facts: list[Fact], unit: str) -> tuple[Interval, Decimal] | None:
    """The range and the point value of the figures' sum in `unit` (元 and 万元 convert exactly), or None. A part printed
    as 0 that is no change stands for nothing below 0 ("事业单位经营收入0万元" is no −0.4万元 rounded: real reports 32, three
    zeros read as −0.5 each let six parts 0.10 over their total fit it)."""
    lo = hi = point = Decimal(0)
    for f in facts:
        factor = convert(Decimal(1), f.quantity.unit, unit).factor
        if not factor:
            return None
        at = _operand(run, pi, f)
        lo, hi, point = lo + part_low(f, at.lo) * factor, hi + at.hi * factor, point + f.quantity.value * factor
    return Interval(lo, hi), point


def part_low(f: Fact, low: Decimal) -> Decimal:
    """The least a part printed as `f` may be, `low` its printed interval's: a 0 that is no change stands for nothing
    below 0, at whatever step it is read (a "0万元" restated "0元" is no −5000元: 万州 2025 p10 in 元, session 28)."""
    return max(low, Decimal(0)) if f.quantity.value == 0 and f.role != "change" else low
