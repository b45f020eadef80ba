"""The one N01 comparison: a narrative figure against a table value at the precision both were printed with (`_compare`).

Shared by the report's cross-check (perfxl.document.crosscheck), the 年度总体目标 cells' funds check
(perfxl.document.goal_texts) and the budget-gap readings (perfxl.document.budget_gap); a module of its own so that a
workbook whose only narrative is its goal texts imports none of the report-only readings (issue 14, perf20n).
"""

from __future__ import annotations

from decimal import Decimal

from ..model import CellRef, Certainty, TextRef
from ..units import convert, normalise_unit
from .facts import Fact
from .precision import (
    Interval,
    _about_interval,
    _approximate,
    _bound,
    _bound_holds,
    _interval,
    _rounded,
    _show,
    _signed,
    bare_range_low,
)
from .run_state import Issue, _Run, _where

__all__ = ["_compare"]


def _compare(
    run: _Run,
    pi: int,
    ref: TextRef | CellRef,
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
    bounds: bool = True,
    exact_step: Decimal | None = None,
) -> None:
    """N01 when the narrative figure and the table value cannot be the same number at their printed precision. With
    `bounds` a bound the text states ("90分以上") holds when the table's value meets it; a target's bound is its value
    ("满意度不低于90%" against a 指标值 ≥95%: two targets, 90 ≠ 95), compared like for like (bounds=False).
    `exact_step` (`TableValue.exact_step`): a figure agreeing with a computed table value only through a whole cell
    read as rounded or cut short ("减少1.52万元" against 5.21 − 6, the 6 as 6.73) is an N01 judgement (lost16: it was
    quiet; as `run_state._rate_check` judges a rate agreeing only so)."""
    unit = fact.quantity.unit
    conv = convert(Decimal(1), unit, table_unit)
    if not conv.ok or conv.factor is None:
        return
    factor = conv.factor
    about = _approximate(fact)  # "约…", "近…", "…左右": the text itself says the figure is not exact
    narrative = (_about_interval(fact) if about else _interval(fact)).scaled(factor)
    table = (_rounded if fact.quantity.is_count else Interval.printed)(table_value, table_step)
    same_unit = normalise_unit(table_unit or "") == normalise_unit(unit or "")  # 公里 and 千米 are one unit
    # a figure computed from the cells (a change rate of two columns) is shown to two places beyond the text's, not
    # to 28 ("3.201925395909811805997801643%")
    exponent = table_value.as_tuple().exponent
    computed_places = fact.quantity.places + 2 if isinstance(exponent, int) and exponent < -6 else None
    shown_table = _show(table_value, unit if same_unit else table_unit, computed_places)
    if not same_unit and factor != 0:
        shown_table += f"（即 {_show(table_value / factor, unit, fact.quantity.places + 2)}）"
    if bounds and (bound := _bound(fact)) and _bound_holds(bound, table, narrative):
        return  # "综合得分90分以上" with a 总分 of 99: true
    if (low := bare_range_low(fact)) is not None and 0 <= low < fact.quantity.value:
        ends = (_rounded if fact.quantity.is_count else Interval.printed)(low, fact.quantity.step).scaled(factor)
        if table.overlaps(Interval(ends.lo, narrative.hi)):
            return  # "新增10-15家" with 13 in the table: the range holds it
    loose = (
        exact_step is not None
        and not about
        and narrative.overlaps(table)
        and not narrative.overlaps(Interval(table_value - exact_step, table_value + exact_step))
    )
    if loose:
        if certainty is Certainty.CERTAIN:
            certainty = Certainty.JUDGEMENT
        pairing = "；".join(
            p
            for p in (
                pairing,
                "表中各数按印出的最小位数读作精确数（整数金额即其后补零）时不符；只有把整数金额读作四舍五入或截去尾数的结果才相符",
            )
            if p
        )
        pairing_en = "; ".join(
            p for p in (pairing_en, "agrees only with a whole table figure read as rounded or cut short") if p
        )
    elif narrative.overlaps(table):
        same_step = fact.quantity.step * abs(factor) == table_step
        # the text printed coarser than the cell ("328,661万元" for 3,286,618,082.20元): it agrees as the cell rounded
        # to the text's step, or — a 警告 saying so — only as the cell cut short (328,661.81 rounds to 328,662: real
        # reports 23); the text finer than the cell stays within the cell's own rounding
        coarser = fact.quantity.step * abs(factor) > table_step
        if (
            about
            or not (same_step or coarser)
            or _rounded(_signed(fact), fact.quantity.step).scaled(factor).overlaps(_rounded(table_value, table_step))
        ):
            run.refined[(pi, fact.index)] = _interval(fact).meet(table.scaled(1 / factor))
            return
        # "92%" against "93%": printed alike, they differ in the last place — the same value only if one was rounded
        # and the other cut short: a 警告 that says so
        if certainty is Certainty.CERTAIN:
            certainty = Certainty.JUDGEMENT
        why, why_en = (
            (
                "正文数字比表中数字印得粗，按四舍五入不符，只有把表中数字截去尾数才相符",
                "the text's coarser figure equals the cell only cut short, not rounded",
            )
            if coarser
            else (
                "两处数字精度相同而末位不同，除非一处四舍五入、另一处截去尾数，否则不相符",
                "printed alike but different in the last place (equal only if one was cut short)",
            )
        )
        pairing = "；".join(p for p in (pairing, why) if p)
        pairing_en = "; ".join(p for p in (pairing_en, why_en) if p)
    if _approximate(fact):  # "约100万元" against 153.5: far apart, but the text says it is no exact figure
        certainty = Certainty.JUDGEMENT if certainty is Certainty.CERTAIN else certainty
        pairing = "；".join(p for p in (pairing, "正文写的是约数") if p)
        pairing_en = "; ".join(p for p in (pairing_en, "the text gives an approximate figure") if p)
    run.contradicted.add((pi, fact.index))
    sign = "减少" if fact.direction < 0 else ("增加" if fact.direction > 0 else "")
    narrative_text = f"{sign}{fact.quantity.text}"
    cell = refs[0] if refs else None
    # a table printing no unit, its unit taken from the line above it (a Word table under "单位：万元"): said (docs14)
    line = run.unit_lines.get(cell.sheet, "") if cell is not None and table_unit != "%" else ""
    basis = (
        f"{_where(ref)}“{fact.clause}”读作“{fact.label}”= {narrative_text}；{label}（{cell}）= {shown_table}"
        + (f"，由 {formula} 算得" if formula else "")
        + (f"（{cell.sheet}未印单位，按其上方的“{line}”读作{table_unit}）" if line and cell else "")
        + (
            f"（{cell.sheet}未印单位，正文“{settled[1]}”与表中数字按{settled[0]}相符，按{settled[0]}读取）"
            if cell and table_unit != "%" and (settled := run.narrative_units.get(cell.sheet))
            else ""
        )
        + "；按两者印出的精度比较仍不相等"
        + (f"；{pairing}" if pairing else "")
    )
    run.issues.append(
        issue := Issue(
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
            + (f" (the table prints no unit: {table_unit} from the line above it, {line!r})" if line else "")
            + (
                f" (the table prints no unit: {table_unit}, in which the narrative's figures agree with it)"
                if cell and table_unit != "%" and cell.sheet in run.narrative_units
                else ""
            )
            + (f"; {pairing_en}" if pairing_en else ""),
        )
    )
    run.contradicted_by[(pi, fact.index)] = issue
