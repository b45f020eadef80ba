"""R-P01: the 自评表's 年度指标值 are the targets declared in the 绩效目标申报表 of the same file.

Actuals are reported against the targets approved with the budget (财预〔2020〕10号 第十二条;
财预〔2015〕88号 绩效目标管理). A target that differs may have been adjusted after approval
(绩效目标调整), so a difference is at most a 警告 (certainty JUDGEMENT), with both cells named. Rows are
matched by their 三级指标 name exactly (after removing spaces and punctuation); a match found only by
similarity is a GUESS and says so. Two targets that read as the same value (operator written in one
and not the other, full-width signs, spaces; ≤500元 and ≤0.05万元; ≥95% and ≥0.95; 2023年底 and 2023年12月底) are
the same target.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import Certainty, Finding, Indicator, SelfEvaluation
from perfxl.units import convert

from .catalogue import check
from .context import Context, compact, similarity

#: Below this name similarity two rows are not the same indicator.
MATCH_SIMILARITY = 0.85


def _project(ev: SelfEvaluation) -> str:
    cell = ev.header.get("项目名称")
    return compact(cell.text) if cell is not None else ""


def _declaration_for(ev: SelfEvaluation, declarations: tuple[SelfEvaluation, ...]) -> SelfEvaluation | None:
    """The 申报表 of the same project: by 项目名称, else the only one of the file."""
    name = _project(ev)
    same = [d for d in declarations if name and _project(d) == name]
    if same:
        return same[0]
    return declarations[0] if len(declarations) == 1 else None


def _same_target(ctx: Context, a: Indicator, b: Indicator) -> bool:
    pa, pb = ctx.parsed(a.target), ctx.parsed(b.target)
    same_op = pa.op is None or pb.op is None or pa.op == pb.op
    if pa.number is not None and pb.number is not None:
        return same_op and _same_amount(pa.number, pa.unit, pb.number, pb.unit)
    if pa.date is not None and pb.date is not None:
        # "2023年底" and "2023年12月底" (or "12月底前": the year left out) are one deadline
        da, db = pa.date, pb.date
        same_year = da.year is None or db.year is None or da.year == db.year
        return same_op and same_year and (da.month, da.day) == (db.month, db.day)
    return compact(a.target.text) == compact(b.target.text)


def _same_amount(x: Decimal, ux: str | None, y: Decimal, uy: str | None) -> bool:
    """One amount in two writings: ≤500元 and ≤0.05万元, ≥95% and ≥0.95 (a fraction where the other says %)."""
    if ux and uy and ux != uy:
        conv = convert(x, ux, uy)
        return conv.ok and conv.value is not None and not conv.approximate and conv.value == y
    if x != y and (ux == "%") != (uy == "%"):
        fraction, percent = (y, x) if ux == "%" else (x, y)
        return fraction <= 1 and fraction * 100 == percent
    return x == y


@check("P01")
def targets_as_declared(ctx: Context) -> Iterator[Finding]:
    """Each 三级指标 of a 项目支出 自评表 against the same row of the file's 申报表."""
    declarations = ctx.submission.declarations
    if not declarations:
        return
    for ev in ctx.submission.evaluations:
        decl = _declaration_for(ev, declarations)
        if decl is None:
            continue
        declared = {compact(i.name.text): i for i in decl.indicators if compact(i.name.text)}
        for ind in ev.indicators:
            key = compact(ind.name.text)
            if not key or ctx.is_blank(ind.target):
                continue
            other, guessed = declared.get(key), False
            if other is None:
                best = max(declared.values(), key=lambda d: similarity(d.name.text, ind.name.text), default=None)
                if best is None or similarity(best.name.text, ind.name.text) < MATCH_SIMILARITY:
                    continue
                other, guessed = best, True
            if ctx.is_blank(other.target) or _same_target(ctx, ind, other):
                continue
            where = f"{decl.sheet}!{other.target.a1()}" if other.target.sheet is not None else decl.sheet
            match_zh = f"（按名称相近对应到申报表“{other.name.text}”，系推断）" if guessed else ""
            yield ctx.finding(
                ind.target,
                expected=other.target.text,
                actual=ind.target.text,
                name=ind.name.text,
                where=where,
                related=(other.target.located(),) if other.target.sheet is not None else (),
                basis=f"自评表“{ind.name.text}”年度指标值 {ind.target.text}；申报表 {where} 为 {other.target.text}{match_zh}；"
                "目标可能经批准调整，请核对调整依据",
                basis_en=f"self-evaluation target {ind.target.text!r}; declared {other.target.text!r} at {where}"
                + (" (rows matched by a similar name: a guess)" if guessed else ""),
                certainty=Certainty.GUESS if guessed else Certainty.JUDGEMENT,
            )
