"""Cross-check a report's narrative against its tables and against itself.

For each narrative figure (perfxl.document.facts) the table value of the same claim (synonyms, data in
perfxl.document.vocabulary) or indicator (name match, perfxl.document.match) is looked up, units
converted, and both compared at the precision they were printed with; then the narrative's own
arithmetic (shares, 完成预算的%, 增减率, 其中 sums) is recomputed, skipping any relation whose figure
already contradicts a table (that error is reported once, where it is); then "all targets met" claims
are set against the indicators' completion. Pure: Submission in, `Issue`s out.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..model import CellRef, CellValue, Certainty, FundsRow, Location, Submission, TextRef
from ..numbers import HUNDRED, fmt_decimal, round_half_up, to_decimal
from ..scoring import score_indicator
from ..units import convert, normalise_unit
from ..values import parse_value
from .facts import Fact, GoalClaim, StatedIndicator, compact_name, extract_facts, sentences
from .lists import listed_counts
from .match import match_name
from .table_facts import IndicatorValue, TableValue, indicator_values, printed_step, table_values
from .vocabulary import CLAIM_ZH, DECOMPOSITIONS, RESULT_VERBS, claim_of

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
}


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a printed number may stand for: [lo, hi) — rounded half up or truncated."""

    lo: Decimal
    hi: Decimal

    @classmethod
    def printed(cls, value: Decimal, step: Decimal) -> Interval:
        if value < 0:
            return cls(value - step, value + step / 2)
        return cls(value - step / 2, value + step)

    def overlaps(self, other: Interval) -> bool:
        return self.lo < other.hi and other.lo < self.hi

    def meet(self, other: Interval) -> Interval:
        return Interval(max(self.lo, other.lo), min(self.hi, other.hi)) if self.overlaps(other) else self

    def scaled(self, factor: Decimal) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))


@dataclass
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


@dataclass
class _Run:
    sub: Submission
    profile: ProfileLike
    values: dict[tuple[str, str], TableValue]
    indicators: list[IndicatorValue]
    issues: list[Issue] = field(default_factory=list)
    contradicted: set[tuple[int, int]] = field(default_factory=set)  # (paragraph index, fact index)
    refined: dict[tuple[int, int], Interval] = field(default_factory=dict)
    unsupported: dict[int, list[Fact]] = field(default_factory=dict)
    year: str = ""  # the report's year: the one its narrative names most
    facts: dict[int, tuple[Fact, ...]] = field(default_factory=dict)  # each paragraph's facts, by paragraph index


_YEAR = re.compile(r"((?:19|20)\d{2})(?=年)")
_COMPARED = re.compile(r"(较|比|上年|去年|上一年|上年度)")


#: A sentence about what is to come: its figures are plans, not this year's results.
_PLAN_SENTENCE = re.compile(r"(下一步|下步|今后|力争|争取|明年|下一年|下年度|拟(?!定)|将(?:继续|进一步|努力))")


def _plan_sentences(text: str) -> set[int]:
    """The sentences of a paragraph about plans ("下一步，我局将力争…新增高新技术企业12家"): their figures are no results."""
    return {i for i, sentence in enumerate(sentences(text)) if _PLAN_SENTENCE.search(sentence)}


def _another_years(run: _Run, fact: Fact) -> bool:
    """A figure the words before it place in another year than the report's ("2024年“三公”经费预算1.8万元" in the
    2023 report); a score also when compared ("较2022年度自评得分95分")."""
    head = _around(fact)[0]
    if fact.claim == "total_score" and _COMPARED.search(head):
        return True
    return bool(run.year) and any(y != run.year for y in _YEAR.findall(head))


def _signed(fact: Fact) -> Decimal:
    return -fact.quantity.value if fact.direction < 0 else fact.quantity.value


def _interval(fact: Fact) -> Interval:
    """The values the printed figure may stand for: rounded or cut for amounts and rates, rounded only for a count
    of things ("4个" is no 4.9 cut short, so it never agrees with "5个")."""
    if fact.quantity.is_count:
        return _rounded(_signed(fact), fact.quantity.step)
    return Interval.printed(_signed(fact), fact.quantity.step)


def _rounded(value: Decimal, step: Decimal) -> Interval:
    return Interval(value - step / 2, value + step / 2)


def _show(value: Decimal, unit: str | None, places: int | None = None) -> str:
    return f"{fmt_decimal(value, places)}{unit or ''}"


def _where(ref: TextRef | CellRef) -> str:
    """Where a narrative figure stands: "正文第6段", or a table cell's free text ("表1!F9单元格的文字")."""
    return f"正文{ref.cell}" if isinstance(ref, TextRef) else f"{ref}单元格的文字"


def _tables_read(sub: Submission) -> bool:
    return bool(sub.evaluations) or sub.basic is not None


def _compare(
    run: _Run,
    pi: int,
    ref: TextRef,
    fact: Fact,
    table_value: Decimal,
    table_unit: str | None,
    table_step: Decimal,
    refs: tuple[CellRef, ...],
    label: str,
    *,
    certainty: Certainty,
    pairing: str = "",
    pairing_en: str = "",
    formula: str = "",
) -> None:
    """N01 when the narrative figure and the table value cannot be the same number at their printed precision."""
    unit = fact.quantity.unit
    conv = convert(Decimal(1), unit, table_unit)
    if not conv.ok or conv.factor is None:
        return
    factor = conv.factor
    narrative = _interval(fact).scaled(factor)
    table = (_rounded if fact.quantity.is_count else Interval.printed)(table_value, table_step)
    same_unit = normalise_unit(table_unit or "") == normalise_unit(unit or "")  # 公里 and 千米 are one unit
    shown_table = _show(table_value, unit if same_unit else table_unit)
    if not same_unit and factor != 0:
        shown_table += f"（即 {_show(table_value / factor, unit, fact.quantity.places + 2)}）"
    if (bound := _bound(fact)) and _bound_holds(bound, table, narrative):
        return  # "综合得分90分以上" with a 总分 of 99: true
    if narrative.overlaps(table):
        same_step = fact.quantity.step * abs(factor) == table_step
        if not same_step or _rounded(_signed(fact), fact.quantity.step).scaled(factor).overlaps(
            _rounded(table_value, table_step)
        ):
            run.refined[(pi, fact.index)] = _interval(fact).meet(table.scaled(1 / factor))
            return
        # "92%" against "93%": printed alike, they differ in the last place — the same value only if one was rounded
        # and the other cut short: a 警告 that says so
        if certainty is Certainty.CERTAIN:
            certainty = Certainty.JUDGEMENT
        pairing = "；".join(
            p for p in (pairing, "两处数字精度相同而末位不同，除非一处四舍五入、另一处截去尾数，否则不相符") if p
        )
        pairing_en = "; ".join(
            p
            for p in (pairing_en, "printed alike but different in the last place (equal only if one was cut short)")
            if p
        )
    run.contradicted.add((pi, fact.index))
    sign = "减少" if fact.direction < 0 else ("增加" if fact.direction > 0 else "")
    narrative_text = f"{sign}{fact.quantity.text}"
    cell = refs[0] if refs else None
    basis = (
        f"{_where(ref)}“{fact.clause}”读作“{fact.label}”= {narrative_text}；{label}（{cell}）= {shown_table}"
        + (f"，由 {formula} 算得" if formula else "")
        + "；按两者印出的精度比较仍不相等"
        + (f"；{pairing}" if pairing else "")
    )
    run.issues.append(
        Issue(
            "N01",
            ref,
            {
                "claim": fact.label,
                "where": _where(ref),
                "table_label": label,
                "cell": str(cell) if cell else "—",
                "narrative": narrative_text,
                "table": shown_table,
                "pairing": f"（{pairing}）" if pairing else "",
                "pairing_en": f" ({pairing_en})" if pairing_en else "",
            },
            expected=shown_table,
            actual=narrative_text,
            related=refs,
            certainty=certainty,
            basis=basis,
            basis_en=f"narrative {fact.label} = {narrative_text}; table {cell} = {table_value} {table_unit or ''}"
            + (f" ({formula})" if formula else "")
            + (f"; {pairing_en}" if pairing_en else ""),
        )
    )


def _agrees(fact: Fact, tv: TableValue) -> bool:
    """The narrative figure may be the table value at the precision both were printed with (units converted)."""
    conv = convert(Decimal(1), fact.quantity.unit, tv.unit)
    if not conv.ok or conv.factor is None:
        return False
    return _interval(fact).scaled(conv.factor).overlaps(Interval.printed(tv.value, tv.step))


def _check_carried_over(run: _Run, pi: int, ref: TextRef, fact: Fact) -> None:
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


def _check_claim(run: _Run, pi: int, ref: TextRef, fact: Fact) -> None:
    if _another_years(run, fact):
        return
    if fact.claim == "carried_over":
        _check_carried_over(run, pi, ref, fact)
        return
    for role in _TABLE_ROLES.get(fact.role, ()):
        tv = run.values.get((fact.claim, role))
        if tv is None:
            continue
        if fact.role in ("change", "change_rate") and fact.direction == 0:
            return
        certainty = Certainty.GUESS if tv.guess else Certainty.CERTAIN
        _compare(
            run,
            pi,
            ref,
            fact,
            tv.value,
            tv.unit,
            tv.step,
            tv.refs,
            tv.label,
            certainty=certainty,
            pairing=tv.guess,
            pairing_en="table row identified by its position" if tv.guess else "",
            formula=tv.formula,
        )
        return
    if fact.role in ("value", "final", "budget") and _tables_read(run.sub):
        run.unsupported.setdefault(pi, []).append(fact)


def _candidates(run: _Run, fact: Fact) -> list[IndicatorValue]:
    out = []
    for iv in run.indicators:
        actual = iv.actual
        if actual.per is not None or actual.number is None:
            continue
        if fact.quantity.is_percent:
            if actual.unit != "%":
                continue
            growth = iv.target.kind.value == "growth"
            if (fact.role == "change_rate") != growth:
                continue
        elif (
            fact.role != "value"
            or actual.unit in (None, "%")
            or not convert(Decimal(1), fact.quantity.unit, actual.unit).ok
        ):
            continue
        out.append(iv)
    return out


_PROJECT_SPENDING = re.compile(
    r"(?:(?:该|本|此)?项目|(?:资金)?到位)(?:(?:19|20)\d{2}年度?|全年|年度|实际|累计|共|的)*支出"  # …资金到位…，实际支出
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


#: A budget stated only by its parts: "1.预算数：2021年，包含补助…资金774万元、补助…资金240万元…" (the 预算数 item of a
#: 转移支付 自评报告), with no figure of its own before the list.
_BUDGET_BY_PARTS = re.compile(
    r"预算(?:数|资金)?\s*[:：]\s*(?P<year>(?:19|20)\d{2})?(?:年度?)?\s*[，,]?\s*(?:共|合计)?(?P<cue>包含|包括)"
)
#: Where the list after 包含 ends: a clause break (a comma between digits is a thousands separator).
_LIST_END = re.compile(r"[，；;。：:！？!?\n]|(?<!\d),|,(?!\d{3}(?!\d))")


def _budget_by_parts(run: _Run, ref: TextRef, text: str) -> None:
    """ "预算数：包含A 774万元、B 240万元…" with no total of its own: the parts' sum is the budget, set against the one 自评表's
    全年预算数 (or its 年初预算数) — N01, a judgement: 包含 may list only some parts."""
    totals = [ev.funds for ev in run.sub.evaluations if ev.funds is not None and ev.funds.total is not None]
    if len(totals) != 1:
        return
    funds = totals[0]
    assert funds.total is not None
    unit = funds.unit or "万元"
    for m in _BUDGET_BY_PARTS.finditer(text):
        if m["year"] and run.year and m["year"] != run.year:
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
        cells = [c for c in (funds.total.full_budget, funds.total.initial_budget) if c.ref is not None]
        values = [(c, v) for c in cells if not c.is_blank and (v := to_decimal(c.raw)) is not None]
        if not values or any(span.overlaps(Interval.printed(v, printed_step(c.raw) or Decimal(1))) for c, v in values):
            continue
        cell, value = values[0]
        assert cell.ref is not None
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
                    "cell": str(cell.ref),
                    "narrative": f"{narrative}（{names}）",
                    "table": shown_table,
                    "pairing": f"（{pairing}）",
                    "pairing_en": " (the text states the budget only as the sum of its listed parts, which may not be "
                    "all of them; a person checks)",
                },
                expected=shown_table,
                actual=narrative,
                related=(cell.ref,),
                certainty=Certainty.JUDGEMENT,
                basis=f"{_where(ref)}“{m.group(0)}{segment}”：{names} = {narrative}；{label}（{cell.ref}）= "
                f"{shown_table}；{pairing}",
                basis_en=f"the budget's listed parts {names} = {narrative}; table {cell.ref} = {value} {unit}; "
                "the list may name only some parts",
            )
        )


def _check_execution_rate(run: _Run, pi: int, ref: TextRef, fact: Fact) -> None:
    """ "预算执行率98%" against the one 自评表's 全年执行数 / 全年预算数 (N01): not a 三公经费's 完成预算的%, a target,
    last year's or another year's rate."""
    tv = run.values.get(("execution_rate", "final"))
    head = _around(fact)[0]
    if tv is None or "执行率" not in fact.subject + head or _OTHER_RATE.search(head) or _another_years(run, fact):
        return
    if claim_of(fact.subject) or _WHICH_MONEY.search(fact.subject):
        return  # the rate of one part (三公经费, 财政资金): not the table's total
    kinds = {ev.kind for ev in run.sub.evaluations if ev.funds is not None}
    if kinds == {"department"} and "项目" in sentences(run.sub.narrative[pi].text)[fact.sentence]:
        return  # a department's report telling of one of its projects: not the department's rate
    rate = dataclasses.replace(fact, role="value")  # named "预算执行率", not "…完成预算的比例"
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
_STOCK = re.compile(r"(总数|累计|总量|存量|共有|现有|保有)")
#: Words saying the figure after them is the target, not what was achieved.
_TARGET_CUE = re.compile(r"(目标|计划|指标值|预期|预计|年初设定|任务)")
_CLOSED_BRACKETS = re.compile(r"[（(][^（()）]*[)）]")


def _check_indicator(run: _Run, pi: int, ref: TextRef, fact: Fact) -> None:
    if fact.quantity.is_percent and fact.role not in ("value", "change_rate"):
        return
    if not fact.quantity.is_percent and fact.role != "value":
        return
    candidates = _candidates(run, fact)
    names = [c.name for c in candidates]
    found = match_name(fact.subject, names) if candidates else None
    if found is None and candidates and (fact.quantity.is_count or fact.quantity.is_measure):
        # "接待读者10.8万人次" ↔ 年接待读者人次, "7680名重度残疾人…" ↔ …发放人数: the name may end in the figure's own
        # measure word, which the text puts after the number
        word = _unit_word(fact.quantity.unit)
        found = match_name(_without_word(fact.subject, word), [_without_word(n, word) for n in names])
    if found is None:
        if fact.quantity.is_count and fact.subject.startswith(RESULT_VERBS) and _tables_read(run.sub):
            run.unsupported.setdefault(pi, []).append(fact)
        return
    iv = candidates[found.index]
    if bool(_STOCK.search(fact.subject)) != bool(_STOCK.search(iv.name)):
        return  # "高新技术企业总数累计86家" is a stock, the indicator 新增高新技术企业 the year's flow
    head = _CLOSED_BRACKETS.sub("", _around(fact)[0])  # "20家（目标12家）、…13家": that 目标 is the other's
    if _TARGET_CUE.search(head):  # "年初目标为…10家", "计划10家": the target, compared with the 年度指标值
        number, unit, step = iv.target.number, iv.target.unit, printed_step(iv.indicator.target.raw)
        cell = iv.indicator.target.ref
        label = f"自评表指标“{iv.name}”年度指标值"
    else:
        number, unit, step = iv.actual.number, iv.actual.unit, iv.actual_step
        cell = iv.indicator.actual.ref
        label = f"自评表指标“{iv.name}”实际完成值"
    if number is None:  # _candidates keeps only indicators with a number (an actual; a target may have none)
        return
    pairing = pairing_en = ""
    certainty = Certainty.CERTAIN
    if not found.exact:
        certainty = Certainty.GUESS
        pairing = f"按名称相似度配对：正文“{fact.subject}”↔ 表中指标“{iv.name}”（相似度 {found.score:.0f}%）"
        pairing_en = f"paired by name similarity: '{fact.subject}' <-> indicator '{iv.name}' ({found.score:.0f}%)"
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
    )


# ------------------------------------------------------------------ the narrative's own arithmetic (N02)


def _operand(run: _Run, pi: int, fact: Fact) -> Interval:
    return run.refined.get((pi, fact.index), _interval(fact))


def _ratio(a: Interval, b: Interval) -> Interval | None:
    if b.lo <= 0 or a.lo < 0:
        return None
    return Interval(a.lo / b.hi * HUNDRED, a.hi / b.lo * HUNDRED)


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
) -> None:
    """N02 when the narrative's rate is not `computed` from its own figures at their printed precision;
    `paired_by` says how the operands were paired when not by name (the finding is then a judgement); `related` are
    the table cells the operands were found to be."""
    if computed is None or point is None or any((pi, f.index) in run.contradicted for f in (*operands, rate)):
        return
    printed = Interval.printed(abs(rate.quantity.value), rate.quantity.step)
    value, half = abs(rate.quantity.value), rate.quantity.step / 2
    if (bound := _bound(rate)) and _bound_holds(bound, computed, Interval(value, value)):
        return  # "99%以上" of 99.985%, "不足90%" of 85%: true
    truncated = computed.overlaps(printed) and not computed.overlaps(Interval(value - half, value + half))
    if computed.overlaps(printed) and not truncated:
        return
    if truncated:  # "99%" for 99.985%: cut, not rounded (四舍五入 gives 100%) — perhaps on purpose
        paired_by = paired_by or "文字的比例是截去尾数而非四舍五入的结果（可能有意不写成满数）"
    expected = f"{fmt_decimal(round_half_up(point, rate.quantity.places))}%"
    run.contradicted.add((pi, rate.index))
    run.issues.append(
        Issue(
            "N02",
            ref,
            {"where": _where(ref), "what": what, "what_en": what_en},
            related=related,
            expected=expected,
            actual=rate.quantity.text,
            basis=f"{_where(ref)}：{what} = {expected}（{'按所关联的表格单元格' if related else '按正文数字、其印出精度'}计算，可能范围 "
            f"{fmt_decimal(round_half_up(computed.lo, 2))}%–{fmt_decimal(round_half_up(computed.hi, 2))}%），文字写 {rate.quantity.text}"
            + (f"；{paired_by}，需人工核实" if paired_by else ""),
            basis_en=f"{what_en} = {expected} from the narrative's own figures; the text says {rate.quantity.text}"
            + ("; a judgement (figures paired by place, or the rate cut rather than rounded)" if paired_by else ""),
            certainty=Certainty.JUDGEMENT if paired_by else Certainty.CERTAIN,
        )
    )


_SPENT = re.compile(r"(支出|执行数?|使用|拨付|完成)$")
_BUDGET = re.compile(r"(预算|批复|下达|安排)")
_BUDGET_OR_ARRIVED = re.compile(r"(预算|批复|下达|安排|到位)")
_ADDED = re.compile(r"(追加|调增|增加|上年结转|结转资金)")
_REDUCED = re.compile(r"(调减|收回|核减|减少|压减)")
#: Money leaving the year (结转下年) is no part of its budget; 含 in brackets is already inside the figure before.
_NOT_THIS_YEARS = re.compile(r"(下年|下一年|以后年度|往年)")
#: A rate that is not this year's budget execution: a target, last year's, an average, a plan, procurement.
_OTHER_RATE = re.compile(r"(目标|指标值|上年|去年|平均|计划|设定|要求|标准|考核|采购|工程|合同)")
#: Words naming which money a figure is: a spending so named is not paired with a budget that does not say it.
_WHICH_MONEY = re.compile(r"(财政|中央|省级|市级|县级|自筹|专项|衔接|社会)")


def _spending_before(facts: tuple[Fact, ...], at: Fact) -> tuple[list[Fact], Fact] | None:
    """The money figures before `at` in its sentence (no 其中 parts) and the one spending among them ("实际支出…", or
    the named item's 决算: "三公经费…，实际支出…"); None unless exactly one."""
    before = [f for f in facts[: at.index] if f.sentence == at.sentence and f.quantity.is_money and f.parent is None]
    spent = [f for f in before if f.role == "final" or (f.role == "value" and _SPENT.search(f.subject))]
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
    reduced = [f for f in earlier if _REDUCED.search(words[f.index])]
    added = [f for f in earlier if _ADDED.search(words[f.index]) and f not in reduced]
    base_words = _BUDGET_OR_ARRIVED if arrived else _BUDGET
    bases = [
        f
        for f in earlier
        if (f.role == "budget" or (base_words.search(f.subject) and not _SPENT.search(f.subject)))
        and f not in added
        and f not in reduced
    ]
    bases = [f for f in bases if named <= set(_WHICH_MONEY.findall(f.subject))]  # 财政资金支出 → a 财政资金 budget
    if not bases:
        return None
    unit = paid.quantity.unit
    readings: list[tuple[Interval, Decimal, str]] = []
    for base in bases:
        parts = [base, *added]
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


def _rate_by_place(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], rate: Fact) -> None:
    """ "下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率99%": names that do not pair, so the rate
    is taken against the one spending and the budgets before it in its own sentence — each budget alone, or one
    plus what was added (年中追加, 上年结转) — and is a 警告 only when no reading gives it. Only the first rate
    after the spending, and never a target, last year's or an average rate."""
    found = _spending_before(facts, rate)
    if found is None or _OTHER_RATE.search(rate.clause):
        return
    before, paid = found
    if any(f.role == "completion" and f.sentence == rate.sentence for f in facts[paid.index + 1 : rate.index]):
        return  # a second rate after the first: the year's rate was the first
    got = _budget_readings(run, pi, before, paid, set(_WHICH_MONEY.findall(paid.subject + rate.subject)))
    if got is None:
        return
    readings: list[tuple[Interval, Decimal, str]] = []
    for budget, point, text in got[0]:
        computed = _ratio(_operand(run, pi, paid), budget)
        if computed is None:
            return
        readings.append((computed, paid.quantity.value / point * HUNDRED, text))
    if any(_rate_agrees(rate, computed) for computed, _, _ in readings):
        return
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
        "预算数与支出数按同一句中的位置配对（名称不同）" + (f"，按预算 {others} 计算也不相符" if others else ""),
    )


#: What is left of the year's money: "结余8.4万元", "未支出13.2万元", "剩余资金…" (not last year's 上年结转).
_REMAINDER = re.compile(r"^(?:年末|年底)?(?:资金)?(?:结余|未支出|尚未支出|未使用|剩余|未拨付)(?:资金|部分|金额|数)?$")


def _project_funds(run: _Run) -> FundsRow | None:
    """The funds total of the document's one 项目支出 自评表 (None for a department's, or several)."""
    totals = [ev.funds.total for ev in run.sub.evaluations if ev.funds is not None and ev.funds.total is not None]
    kinds = {ev.kind for ev in run.sub.evaluations if ev.funds is not None}
    return totals[0] if len(totals) == 1 and kinds == {"project"} else None


def _is_cell(fact: Fact, cell: CellValue, unit: str) -> bool:
    """The narrative figure may be the cell's number (printed precisions, 元/万元 converted)."""
    value = None if cell.is_blank else to_decimal(cell.raw)
    conv = convert(Decimal(1), fact.quantity.unit, unit)
    if value is None or not conv.ok or conv.factor is None:
        return False
    return _interval(fact).scaled(conv.factor).overlaps(Interval.printed(value, printed_step(cell.raw) or Decimal(1)))


def _remainder(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], rest: Fact) -> None:
    """ "预算300万元，…全年支出291.6万元，…结余9.4万元": what is left is a budget (or the money arrived) less the one
    spending before it in its sentence, each reading as for a rate. When the budget and the spending are the 自评表's
    全年预算数 and 全年执行数, the cells give it (taken as printed, rounded): N02 certain; else N02 a judgement (paired
    by place) only when no reading gives it even with the figures cut short."""
    if _approximate(rest):
        return
    found = _spending_before(facts, rest)
    if found is None:
        return
    before, paid = found
    got = _budget_readings(run, pi, before, paid, set(_WHICH_MONEY.findall(paid.subject)), arrived=True)
    if got is None or any((pi, f.index) in run.contradicted for f in (paid, *got[1], rest)):
        return
    conv = convert(Decimal(1), rest.quantity.unit, paid.quantity.unit)
    if not conv.ok or not conv.factor:
        return
    own, bound = _interval(rest).scaled(conv.factor), _bound(rest)
    total, unit = _project_funds(run), _funds_unit(run)
    cells = (
        (total.full_budget, total.executed)
        if total is not None
        and _is_cell(paid, total.executed, unit)
        and all(_is_cell(f, total.full_budget, unit) for f in got[1])  # each budget named is the full budget
        else None
    )
    if cells is not None:  # the cells make it: full budget − executed, each as printed (rounded half up)
        budget_cell, spent_cell = cells
        b, e = _cell_interval(budget_cell), _cell_interval(spent_cell)
        factor = convert(Decimal(1), unit, paid.quantity.unit).factor or Decimal(1)
        computed = Interval(b.lo - e.hi, b.hi - e.lo).scaled(factor)
        point = (_cell_number(budget_cell) - _cell_number(spent_cell)) * factor
        readings = [(computed, point, got[0][0][2])]
    else:
        spent = _operand(run, pi, paid)
        readings = [(Interval(b.lo - spent.hi, b.hi - spent.lo), p - paid.quantity.value, t) for b, p, t in got[0]]
    if any((_bound_holds(bound, c, own) if bound else c.overlaps(own)) for c, _, _ in readings):
        return
    computed, point, budget_text = readings[-1]
    places = max(rest.quantity.places, paid.quantity.places)
    expected = _show(round_half_up(point / conv.factor, places), rest.quantity.unit)
    if cells is not None:
        how = f"预算、支出即自评表全年预算数（{cells[0].ref}）、全年执行数（{cells[1].ref}）"
    else:
        others = "、".join(dict.fromkeys(t for _, _, t in readings[:-1] if t != budget_text))
        how = (
            "预算数与支出数按同一句中的位置配对"
            + (f"，按预算 {others} 计算也不相符" if others else "")
            + "，需人工核实"
        )
    run.contradicted.add((pi, rest.index))
    run.issues.append(
        Issue(
            "N02",
            ref,
            {
                "where": _where(ref),
                "what": f"结余（预算 {budget_text} − 支出 {paid.quantity.text}）",
                "what_en": "the remainder: budget − spending",
            },
            expected=expected,
            actual=rest.quantity.text,
            related=tuple(c.ref for c in cells if c.ref) if cells else (),
            certainty=Certainty.CERTAIN if cells else Certainty.JUDGEMENT,
            basis=f"{_where(ref)}：{budget_text} − {paid.quantity.text} = {expected}，而“{rest.clause}”写 "
            f"{rest.quantity.text}；{how}",
            basis_en=f"budget {budget_text} − spending {paid.quantity.text} = {expected}; the text says "
            f"{rest.quantity.text}" + ("" if cells else "; figures paired by place, a person checks"),
        )
    )


def _cell_number(cell: CellValue) -> Decimal:
    return to_decimal(cell.raw) or Decimal(0)


def _cell_interval(cell: CellValue) -> Interval:
    """A table cell's number as printed, rounded half up (the table's own figure, not one cut short)."""
    return _rounded(_cell_number(cell), printed_step(cell.raw) or Decimal(1))


def _funds_unit(run: _Run) -> str:
    funds = [ev.funds for ev in run.sub.evaluations if ev.funds is not None]
    return (funds[0].unit or "万元") if funds else "万元"


def _rate_agrees(rate: Fact, computed: Interval) -> bool:
    """The printed rate fits the computed range: rounded half up, or as a bound ("99%以上", "不足90%")."""
    value = abs(rate.quantity.value)
    half = rate.quantity.step / 2
    if bound := _bound(rate):
        return _bound_holds(bound, computed, Interval(value, value))
    return computed.overlaps(Interval(value - half, value + half))


_LOWER_BEFORE = re.compile(r"(超过|高于|不低于|不少于|大于|逾|≥|>=|>)\s*$")
_LOWER_AFTER = re.compile(r"^\s*(以上|及以上|之上)")
_UPPER_BEFORE = re.compile(r"(不足|低于|未达到|未达|不到|少于|小于|不超过|未超过|≤|<=|<)\s*$")
_UPPER_AFTER = re.compile(r"^\s*(以下|之下|以内)")
_ABOUT = re.compile(r"(约|近|接近|将近|大约|逾)\s*$|^\s*(左右|余|多)")


def _around(fact: Fact) -> tuple[str, str]:
    """The clause's words right before and right after the figure."""
    at = fact.clause.rfind(fact.quantity.text)
    if at < 0:
        return "", ""
    return fact.clause[:at], fact.clause[at + len(fact.quantity.text) :]


def _bound(fact: Fact) -> str:
    """ "99%以上", "超过99%": "lower"; "不足90%", "90%以下": "upper"; else "" (the figure is the value, rounded)."""
    head, tail = _around(fact)
    if _LOWER_BEFORE.search(head) or _LOWER_AFTER.match(tail):
        return "lower"
    if _UPPER_BEFORE.search(head) or _UPPER_AFTER.match(tail):
        return "upper"
    return ""


def _bound_holds(bound: str, other: Interval, own: Interval) -> bool:
    """The stated bound (`own`, the figure's range) holds for the other side's range."""
    return (bound == "lower" and other.hi >= own.lo) or (bound == "upper" and other.lo <= own.hi)


def _approximate(fact: Fact) -> bool:
    """ "约100万元", "近100万元", "100万元左右": a figure that says it is not exact."""
    head, tail = _around(fact)
    return bool(_ABOUT.search(head) or _ABOUT.match(tail))


def _find(facts: tuple[Fact, ...], before: int, subject: str, roles: tuple[str, ...]) -> Fact | None:
    return next((f for f in reversed(facts[:before]) if f.subject == subject and f.role in roles), None)


def _relations(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], text: str) -> None:
    for fact in facts:
        q = fact.quantity
        if fact.role == "share" and fact.of is not None:
            part = facts[fact.of]
            if part.parent is None:
                continue
            total = facts[part.parent]
            if total.quantity.unit != part.quantity.unit:
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
                f"“{part.subject}”占“{total.subject}”的比例（{part.quantity.text} / {total.quantity.text}）",
                f"share of {part.subject} in {total.subject}",
                (part, total),
            )
        elif fact.role == "completion":
            if _OTHER_RATE.search(_around(fact)[0]):
                continue  # "较上年预算执行率90%", "目标值100%": not this year's rate
            final = facts[fact.of] if fact.of is not None else _find(facts, fact.index, fact.subject, ("final",))
            budget = _find(facts, fact.index, fact.subject, ("budget",))
            if final is None or budget is None:
                _rate_by_place(run, pi, ref, facts, fact)
                continue
            if budget.quantity.value == 0 or final.quantity.unit != budget.quantity.unit:
                continue
            _arith(
                run,
                pi,
                ref,
                facts,
                fact,
                _ratio(_operand(run, pi, final), _operand(run, pi, budget)),
                final.quantity.value / budget.quantity.value * HUNDRED,
                f"“{fact.subject}”完成预算的比例（决算 {final.quantity.text} / 预算 {budget.quantity.text}）",
                f"{fact.subject}: final / budget",
                (final, budget),
            )
        elif fact.role == "change_rate" and q.is_percent and fact.direction:
            amount = _find(facts, fact.index, fact.subject, ("change",))
            current = _find(facts, fact.index, fact.subject, ("final", "value"))
            if amount is None or current is None or amount.quantity.unit != current.quantity.unit:
                continue
            a = _operand(run, pi, amount)
            a = (
                Interval(abs(a.hi) if a.hi < 0 else a.lo, abs(a.lo) if a.hi < 0 else a.hi)
                if a.lo < 0 <= a.hi
                else Interval(min(abs(a.lo), abs(a.hi)), max(abs(a.lo), abs(a.hi)))
            )
            c = _operand(run, pi, current)
            down = fact.direction < 0
            prev = Interval(c.lo + a.lo, c.hi + a.hi) if down else Interval(c.lo - a.hi, c.hi - a.lo)
            av, cv = amount.quantity.value, current.quantity.value
            pv = cv + av if down else cv - av
            _arith(
                run,
                pi,
                ref,
                facts,
                fact,
                _ratio(a, prev),
                av / pv * HUNDRED if pv > 0 else None,
                f"“{fact.subject}”与上年相比的增减率（{amount.quantity.text} / 上年 {_show(pv, current.quantity.unit)}）",
                f"{fact.subject}: change / last year",
                (amount, current),
            )
    _sums(run, pi, ref, facts, text)
    _initial_plus_added(run, pi, ref, facts)
    _completion_of_target(run, pi, ref, facts)
    for fact in facts:
        if fact.quantity.is_money and fact.role == "value" and _REMAINDER.match(fact.subject):
            _remainder(run, pi, ref, facts, fact)


def _sum_in(run: _Run, pi: int, facts: list[Fact], unit: str) -> tuple[Interval, Decimal] | None:
    """The range and the point value of the figures' sum in `unit` (元 and 万元 convert exactly), or None."""
    lo = hi = point = Decimal(0)
    for f in facts:
        factor = convert(Decimal(1), f.quantity.unit, unit).factor
        if not factor:
            return None
        at = _operand(run, pi, f)
        lo, hi, point = lo + at.lo * factor, hi + at.hi * factor, point + f.quantity.value * factor
    return Interval(lo, hi), point


def _sums(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], text: str) -> None:
    for total in facts:
        if not total.quantity.is_money or total.role == "previous":
            continue
        unit = total.quantity.unit
        parts = [f for f in facts if f.parent == total.index and f.quantity.is_money]
        summed = _sum_in(run, pi, parts, unit)  # "10000元" under a total in 万元 counts as 1万元
        if len(parts) < 2 or summed is None:
            continue
        needed = DECOMPOSITIONS.get(total.claim, ())
        complete = bool(needed) and set(needed) <= {p.claim for p in parts}
        span, point = summed
        lo, hi = span.lo, span.hi
        t = _operand(run, pi, total)
        exceeds = lo >= t.hi
        # as written the parts exceed the total, but rounded parts ("30万元" may be 29.99) could still fit it
        as_written = not exceeds and point >= t.hi and not complete
        short = (
            not complete
            and not _approximate(total)  # "约100万元", "近100万元": not a figure the parts must make
            and _looks_complete_but_short(parts, hi, t, total.quantity.value)
            and not _PARTIAL_LIST.search("".join(sentences(text)[total.sentence :]))
        )
        if not (exceeds or as_written or short or (complete and not Interval(lo, hi).overlaps(t))):
            continue
        if any((pi, f.index) in run.contradicted for f in (*parts, total)):
            continue
        places = max(p.quantity.places for p in parts)
        names = " + ".join(p.quantity.text for p in parts)
        expected = _show(point, total.quantity.unit, places)
        what = f"“{total.subject}”的各组成部分之和（{names}）" + (
            "" if complete else "少于总数" if short else "超过了总数"
        )
        rounded = "；若各项是四舍五入后的数字，仍可能相符，请核实" if as_written else ""
        if short:
            rounded = "；“其中”也可能只列出部分项目，若所列即全部，则总数或某一项有误，请核实"  # a judgement
        run.contradicted.add((pi, total.index))
        run.issues.append(
            Issue(
                "N02",
                ref,
                {"where": _where(ref), "what": what, "what_en": f"parts of {total.subject}"},
                expected=expected,
                actual=total.quantity.text,
                basis=f"{_where(ref)}：{names} = {expected}，而总数写 {total.quantity.text}"
                + (
                    "（按定义，" + "＋".join(CLAIM_ZH[c] for c in needed) + f"＝{CLAIM_ZH[total.claim]}）"
                    if complete
                    else "（所列各项之和少于总数）"
                    if short
                    else f"（{_listed_by(parts)}各项之和不能超过总数）"
                )
                + rounded,
                basis_en=f"{names} = {expected}, the total says {total.quantity.text}"
                + ("; rounded parts could still fit, a person must check" if as_written else "")
                + ("; a 其中 list may name only some parts, a person must check" if short else ""),
                certainty=Certainty.JUDGEMENT if as_written or short else Certainty.CERTAIN,
            )
        )


def _listed_by(parts: list[Fact]) -> str:
    """How the text made these figures parts of their total: "其中", or its "一是…二是…" list."""
    return next((p.listed_by for p in parts if p.listed_by), "“其中”")


#: A 其中 list that falls short of its total is flagged only when it looks exhaustive: at least this many
#: parts, no "等" after the last, and a shortfall this small a share of the total (2263 vs 2253: 0.4%) —
#: a list naming only some parts usually leaves out far more. Even then a judgement (警告).
_SHORT_MIN_PARTS = 3
_SHORT_MAX_SHARE = Decimal("0.02")
_OPEN_ENDED = re.compile(r"^[\s，,、]*(等|左右|余|多)")


#: Words by which the text from the total on says its list is not the whole: 主要用于, 其余/剩余…, 以及其他…,
#: 包括, ……, or a further amount in the next sentence (另支付…, 此外…).
_PARTIAL_LIST = re.compile(r"(主要|其余|剩余|其他|其它|以及|包括|部分|等|另|此外|…|\.\.\.)")
_BRACKETED = re.compile(r"^\s*(?:[（(][^）)]*[）)]\s*)+")


def _looks_complete_but_short(parts: list[Fact], hi: Decimal, total: Interval, value: Decimal) -> bool:
    """The parts, even at their largest, stay below the total, by a sliver, in a list with no 等."""
    if len(parts) < _SHORT_MIN_PARTS or hi >= total.lo or value <= 0:
        return False
    last = parts[-1]
    after = last.clause[last.clause.rfind(last.quantity.text) + len(last.quantity.text) :]
    after = _BRACKETED.sub("", after)  # "19.00万元（含运费）等"
    return not _OPEN_ENDED.match(after) and (total.lo - hi) <= value * _SHORT_MAX_SHARE


#: The words before a rate saying it is a completion of a target: "完成率", "完成年度目标的", "完成年度目标3000人的".
_COMPLETION_RATE = re.compile(
    r"(?:(?:目标)?完成(?:率|比例)|完成(?:年度|年初)?(?:绩效)?目标(?:任务)?(?:\d[\d.,]*[^\d，,。；;]{0,4})?的)(?:为|是|达到?)?$"
)
_ACTUAL_CUE = re.compile(r"(实际|完成|达到)")


def _completion_pair(facts: tuple[Fact, ...], rate: Fact) -> tuple[Fact, Fact] | None:
    """(target, actual) of a completion rate: the two counts or measures right before it in its sentence (a difference
    between them, "少1.2万人次", aside), one named the target (目标/计划…) and the other not — the target first and the
    actual stated as one ("目标≥5000人次，实际完成4820人次"), or the actual first and the target set against it
    ("10.8万人次，较目标12万人次少1.2万人次", "3210人，完成年度目标3000人的107%")."""
    near: list[Fact] = []
    for f in reversed(facts[: rate.index]):
        if f.sentence != rate.sentence or len(near) == 2:
            break
        if f.role in ("change", "change_rate") and near == []:
            continue
        if not (f.quantity.is_count or f.quantity.is_measure) or f.quantity.value <= 0:
            return None
        near.append(f)
    if len(near) != 2:
        return None
    first, second = near[1], near[0]
    cue = [bool(_TARGET_CUE.search(_around(f)[0])) for f in (first, second)]
    if not convert(Decimal(1), first.quantity.unit, second.quantity.unit).ok or cue[0] == cue[1]:
        return None
    if cue[0]:  # the target first: the actual must say it is one ("实际完成…")
        return (first, second) if _ACTUAL_CUE.search(_around(second)[0]) else None
    return second, first


def _row_of(run: _Run, target: Fact, actual: Fact) -> IndicatorValue | None:
    """The one 自评表 row whose 年度指标值 and 实际完成值 are the narrative's target and actual (printed precision, units
    converted) — found by its cells, not its name; None when none or several."""
    rows = []
    for iv in run.indicators:
        if iv.target.number is None or iv.actual.number is None:
            continue
        target_step = printed_step(iv.indicator.target.raw) or Decimal(1)
        if _fits(target, iv.target.number, iv.target.unit, target_step) and _fits(
            actual, iv.actual.number, iv.actual.unit, iv.actual_step or Decimal(1)
        ):
            rows.append(iv)
    return rows[0] if len(rows) == 1 else None


def _fits(fact: Fact, value: Decimal, unit: str | None, step: Decimal) -> bool:
    conv = convert(Decimal(1), fact.quantity.unit, unit)
    if not conv.ok or not conv.factor:
        return False
    return _interval(fact).scaled(conv.factor).overlaps(Interval.printed(value, step))


def _completion_of_target(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...]) -> None:
    """ "年度目标≥5000人次，实际完成4820人次，完成率94.60%", "完成年度目标的96%": a completion rate right after a target
    and an actual in its sentence is the actual over the target (N02). Certain when the two are the 年度指标值 and
    实际完成值 of one 自评表 row (and its target is no upper bound: ≤ has no 完成率 of this kind); else a judgement —
    the three are paired by place."""
    for rate in facts:
        if not rate.quantity.is_percent or rate.role != "value":
            continue
        if not _COMPLETION_RATE.search(compact_name(_around(rate)[0])):
            continue
        pair = _completion_pair(facts, rate)
        if pair is None:
            continue
        target, actual = pair
        if _bound(target) == "upper" or re.search(r"[≤<]\s*$", _around(target)[0]):
            continue  # "目标≤3000元": a ceiling has no completion rate of this kind
        factor = convert(Decimal(1), actual.quantity.unit, target.quantity.unit).factor or Decimal(1)
        if rate.quantity.value == HUNDRED and actual.quantity.value * factor >= target.quantity.value:
            continue  # "实际完成1620人次，完成率100%" of ≥1500: an exceeded target stated as fully completed (capped)
        row = _row_of(run, target, actual) if isinstance(ref, TextRef) else None
        if row is not None and row.target.op in ("≤", "<"):
            continue
        paired_by = "" if row is not None else "目标、实际完成数与完成率按同一句中的位置配对"
        related = tuple(c for c in (row.indicator.actual.ref, row.indicator.target.ref) if c) if row else ()
        named = f"“{row.name}”" if row else ""
        if row is not None:  # the row's cells: its target as set (exact), its actual as printed (rounded half up)
            assert row.target.number is not None and row.actual.number is not None
            to_target = convert(Decimal(1), row.actual.unit, row.target.unit).factor or Decimal(1)
            done = _rounded(row.actual.number, row.actual_step or Decimal(1)).scaled(to_target)
            computed = _ratio(done, Interval(row.target.number, row.target.number))
        else:
            computed = _ratio(_operand(run, pi, actual).scaled(factor), _operand(run, pi, target))
        _arith(
            run,
            pi,
            ref,
            facts,
            rate,
            computed,
            actual.quantity.value * factor / target.quantity.value * HUNDRED,
            f"{named}完成率（实际 {actual.quantity.text} / 目标 {target.quantity.text}"
            + (f"，即自评表 {row.indicator.actual.ref} / {row.indicator.target.ref}" if row else "")
            + "）",
            "completion: actual / target",
            (actual, target),
            paired_by,
            related,
        )


_TOTAL_CUE = re.compile(r"(共|合计|总计|全年)$")
_INITIAL_CUE = re.compile(r"年初")
_ADDED_CUE = re.compile(r"(年中|年内)(追加|增加|新增|调增)|^(追加|新增)")


def _before(fact: Fact) -> str | None:
    """The clause's words before the figure, or None when the figure sits inside brackets ("(含…5个)")."""
    at = re.search(r"(?<![0-9.])" + re.escape(fact.quantity.text), fact.clause)  # "5个", not the 5个 of "15个"
    head = fact.clause[: at.start()] if at else fact.clause
    opened = head.count("(") + head.count("（") - head.count(")") - head.count("）")
    return None if opened > 0 else head.replace(" ", "")


def _initial_plus_added(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...]) -> None:
    """Counts "共15个 … 年初8个 … 年中增加8个": the total is the 年初 ones plus those added in the year. Only when
    the paragraph names exactly these three counts of one measure word, and as a judgement (one may have been
    cancelled or merged without the text saying so)."""
    by_unit: dict[str, list[tuple[Fact, str]]] = {}
    for f in facts:
        words = _before(f)
        if f.quantity.is_count and words is not None:
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
        run.contradicted.add((pi, t.index))
        run.issues.append(
            Issue(
                "N02",
                ref,
                {"where": _where(ref), "what": f"总数（{names}）", "what_en": "the total (initial + added)"},
                expected=expected,
                actual=t.quantity.text,
                certainty=Certainty.JUDGEMENT,
                basis=f"{_where(ref)}：{names} = {expected}，而“{t.clause}”写 {t.quantity.text}"
                "（年中若有取消或合并、正文未说明，也可能相符，请核实）",
                basis_en=f"{a.quantity.text} at the start of the year + {b.quantity.text} added = {expected}; "
                f"the total says {t.quantity.text} (one may have been cancelled; a person checks)",
            )
        )


def _listed(run: _Run, ref: TextRef, text: str) -> None:
    """A count against the names its complete list gives ("10个，即" and nine names): N05, a judgement —
    a name may be missing or the count wrong, and the text cannot say which."""
    for lc in listed_counts(text):
        listed = str(lc.fewest) if lc.fewest == lc.most else f"{lc.fewest}–{lc.most}"
        names = "、".join(lc.names[:6]) + ("…" if len(lc.names) > 6 else "")
        run.issues.append(
            Issue(
                "N05",
                ref,
                {"where": _where(ref), "count": f"{lc.count}{lc.unit}", "listed": listed, "names": names},
                expected="",  # which is right — the count or the list — the text cannot say
                actual=f"写 {lc.count}{lc.unit}，列出 {listed} 个名称",
                certainty=Certainty.JUDGEMENT,
                basis=f"{_where(ref)}：“{lc.text[:60]}”写 {lc.count}{lc.unit}，所列名称 {listed} 个（"
                + "、".join(lc.names[:12])
                + ("…" if len(lc.names) > 12 else "")
                + "）"
                + ("；“和/及”可能连接两个名称，也可能是名称的一部分" if lc.most > lc.fewest else "")
                + "。可能漏列了名称，也可能数目写错，请核实",
                basis_en=f"the text states {lc.count}{lc.unit} and lists {listed} names; a name may be missing "
                "or the count wrong, a person checks",
            )
        )


# ------------------------------------------------------------------ "all targets met" (N03)


@dataclass(frozen=True)
class _Unmet:
    """An indicator that missed its target: a 自评表 row, or one the narrative states (`where` its paragraph)."""

    name: str
    target: Any
    actual: Any
    at: Location | None
    where: str  # "表中" or "正文第N段"
    scored_short: str = ""  # the row itself states the miss: "得分18（分值20），偏差原因：…"


def _scored_short(ind: Any) -> str:
    """ "得分 18 < 分值 20, 偏差原因 …" when the 自评表 row scores below its 分值 and explains a deviation: the table
    itself says the target was missed (no direction has to be read from the name); "" otherwise."""
    weight, score = to_decimal(ind.weight.raw), to_decimal(ind.score.raw)
    reason = "" if ind.deviation.is_blank else ind.deviation.text.strip()
    if weight is None or score is None or not reason or score >= weight:
        return ""
    return f"该行得分{fmt_decimal(score)}低于分值{fmt_decimal(weight)}，并填写了偏差原因（{reason[:30]}）"


def _unmet(run: _Run, stated: list[tuple[TextRef, StatedIndicator]]) -> list[tuple[_Unmet, Any]]:
    out = []
    for ev in run.sub.evaluations:
        for ind in ev.indicators:
            if not ind.name.text or ind.target.is_blank or ind.actual.is_blank:
                continue
            result = score_indicator(ind.target.raw, ind.actual.raw, 10, run.profile)
            if result.meets_target is False:
                row = _Unmet(ind.name.text, ind.target.raw, ind.actual.raw, ind.actual.ref, "表中", _scored_short(ind))
                out.append((row, result))
    for at, s in stated:
        result = score_indicator(s.target, s.actual, 10, run.profile)
        if result.meets_target is False:
            out.append((_Unmet(s.name, s.target, s.actual, at, _where(at)), result))
    return out


def _goal(run: _Run, ref: TextRef, claim: GoalClaim, stated: list[tuple[TextRef, StatedIndicator]]) -> None:
    unmet = _unmet(run, stated)
    if not unmet:
        return

    def directed(u: _Unmet) -> bool:  # the target states its direction (≥/≤/增长/下降)
        target = parse_value(u.target, run.profile)
        return target.op is not None or target.direction is not None

    def explicit(u: _Unmet) -> bool:  # the miss needs no guessed direction: the target's, or the row's own score
        return directed(u) or bool(u.scored_short)

    first, result = next(((u, r) for u, r in unmet if explicit(u)), unmet[0])
    explicit_first = explicit(first)
    names = "、".join(f"“{u.name}”" for u, _ in unmet)
    related = tuple(u.at for u, _ in unmet if u.at is not None and u.at != ref)
    notes = [] if explicit_first else ["年度指标值未写方向（≥/≤/增长/下降），按“越高越好”判断"]
    if first.scored_short and not directed(first):
        notes.append(first.scored_short)  # the row's own score states the miss a direction-less target leaves open
    if not claim.all_stated:
        notes.append("正文说“按计划完成目标”而未说“全部”，是否指每个指标由人判断")
    elif not isinstance(first.at, CellRef):
        notes.append("该指标写在正文中，所称“目标均已完成”是否包括它（如报告涉及多个项目）由人判断")
    run.issues.append(
        Issue(
            "N03",
            ref,
            {
                "where": _where(ref),
                "claim": claim.text,
                "name": first.name,
                "target": _text(first.target),
                "completion": _text(first.actual),
                "cell": str(first.at) if isinstance(first.at, CellRef) else first.where,
                "others": f"（未完成的指标共 {len(unmet)} 个：{names}）" if len(unmet) > 1 else "",
            },
            expected=f"{first.name} 未完成",
            actual=claim.text,
            related=related,
            # certain only for a claim of "all" against a 自评表 row with a direction; an indicator the text states
            # may belong to another project than the claim (a 部门 report covering several): a person judges
            certainty=Certainty.GUESS
            if not explicit_first
            else (Certainty.CERTAIN if claim.all_stated and isinstance(first.at, CellRef) else Certainty.JUDGEMENT),
            basis=f"{_where(ref)}称“{claim.text}”；{first.where}“{first.name}”：{result.explanation}"
            + "".join(f"；{n}" for n in notes),
            basis_en=f"the text claims every target was met; indicator {first.name} ({first.where}): "
            f"{result.explanation_en}" + ("" if claim.all_stated else "; the claim says 'as planned', not 'all'"),
        )
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def goal_texts(sub: Submission) -> list[CellValue]:
    """The free-text cells of the 自评表s' 年度总体目标 (预期目标, 实际完成情况) that carry figures."""
    cells = (c for ev in sub.evaluations for g in ev.goals for c in (g.expected, g.actual))
    return [c for c in cells if c.ref is not None and isinstance(c.raw, str) and any(ch.isdigit() for ch in c.raw)]


def cross_check(sub: Submission, profile: ProfileLike = None) -> list[Issue]:
    """Every narrative issue of `sub` (N01 table mismatch, N02 arithmetic, N03 all-met claim, N04 unsupported);
    the 年度总体目标 cells' own arithmetic ("共完成89.97万元。其中：30万元…") is checked like a paragraph's (N02)."""
    run = _Run(sub, profile, {}, [])
    for gi, cell in enumerate(goal_texts(sub)):
        assert cell.ref is not None
        _relations(run, -1 - gi, cell.ref, extract_facts(cell.text, -1 - gi).facts, cell.text)
    if not sub.narrative:
        return run.issues
    run.values, run.indicators = table_values(sub), indicator_values(sub, profile)
    years = Counter(y for p in sub.narrative for y in _YEAR.findall(p.text))  # plans name next year, comparisons
    run.year = max(years, key=lambda y: (years[y], y), default="")  # the last: the report's is the most named
    parsed = [(pi, p.ref, extract_facts(p.text, pi)) for pi, p in enumerate(sub.narrative)]
    run.facts = {pi: pf.facts for pi, _, pf in parsed}
    for pi, ref, pf in parsed:
        plans = _plan_sentences(sub.narrative[pi].text)  # once per paragraph
        for fact in pf.facts:
            if fact.sentence in plans:
                continue
            if fact.claim:
                _check_claim(run, pi, ref, fact)
            elif _project_spending(run, fact):  # "该项目…全年支出296.1万元" in the project's own report
                _check_claim(run, pi, ref, dataclasses.replace(fact, claim="expense", role="final"))
            elif fact.role == "completion":
                _check_execution_rate(run, pi, ref, fact)
            elif fact.subject:
                _check_indicator(run, pi, ref, fact)
    stated = [(ref, s) for _, ref, pf in parsed for s in pf.indicators]
    for pi, ref, pf in parsed:
        _relations(run, pi, ref, pf.facts, sub.narrative[pi].text)
        _listed(run, ref, sub.narrative[pi].text)
        _budget_by_parts(run, ref, sub.narrative[pi].text)
        if pf.goal is not None and (sub.evaluations or stated):
            _goal(run, ref, pf.goal, stated)
    for pi, facts in sorted(run.unsupported.items()):
        ref = sub.narrative[pi].ref
        claims = "、".join(f"“{f.label}{f.quantity.text}”" for f in facts)
        run.issues.append(
            Issue(
                "N04",
                ref,
                {"where": _where(ref), "claims": claims},
                actual=claims,
                basis=f"{_where(ref)}：{claims} 在已读入的表格中没有同名或同义的行、指标",
                basis_en="no table row or indicator of the same name or a synonym",
            )
        )
    return run.issues
