"""S18: a 到位率 (资金到位率) indicator scored without an actual of its own, against the money the table prints.

共性指标 scoring tables (海南 项目绩效自评表: 一级 │ 分值 │ 二级 │ 分值 │ 三级 │ 分值 │ 得分) score 资金到位 │ 到位率 with no
实际完成值 column; the rate is the table's own 实际到位资金 / 计划投资额 (一、项目基本情况), or a funds block's 到位资金 /
全年预算数. Below 100%, full marks — or any score off 分值 × 到位率 — need a reason: the table states no method (分档
scoring exists), so this is a judgement (财预〔2020〕10号 附2 共性指标: 资金到位率 = 实际到位资金 / 预算资金 × 100%).

Each head amount is in the unit its own label states ("计划投资额(元)" │ "实际到位资金(万元)"): the two are compared in
one unit (perfxl.units). Where one label states a unit and the other none, and the rate comes out below 1% (the
magnitudes of 元 against 万元), the rate would rest on a guess at the missing unit: no finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.labels import normalise_label, strip_brackets, strip_numbering
from perfxl.model import CellValue, Certainty, Finding
from perfxl.records import record
from perfxl.units import convert

from .catalogue import check
from .context import Context, fmt_num

__all__ = ["arrival_rate_score"]

_NAMES = frozenset({"到位率", "资金到位率", "预算资金到位率", "项目资金到位率"})

#: Below this rate, with a unit stated on one side only, the amounts' magnitudes suggest different units (元 / 万元).
_MISMATCH_BELOW = Decimal("0.01")


@record(frozen=True, slots=True)
class _Money:
    """The 到位 and planned money cells, the rate between them in one unit, and how messages say them."""

    arrived: CellValue
    planned: CellValue
    ratio: Decimal
    units: tuple[str | None, str | None] = (None, None)  # as the labels state them, when they differ
    converted: str = ""  # "（折合 398880 元）": the 到位 money in the planned money's unit

    def said(self) -> str:
        """ "398.88/570", or "39.888 万元/570000 元" under labels stating different units."""
        a, p = self.units
        return (
            f"{self.arrived.text} {a}/{self.planned.text} {p}"
            if self.converted
            else f"{self.arrived.text}/{self.planned.text}"
        )


def _money(ctx: Context) -> _Money | None:
    """The table's 到位 and planned money: its head's 实际到位资金 / 计划投资额 (each in its label's unit), else the funds
    total's 到位资金 / 全年预算数 (one unit, the block's); None without both, or when the rate needs a guessed unit."""
    ev = ctx.ev
    arrived, planned = ev.header.get("实际到位资金"), ev.header.get("计划投资额")
    units: tuple[str | None, str | None] = (None, None)
    if arrived is None or planned is None:
        total = ev.funds.total if ev.funds is not None else None
        arrived, planned = (total.arrived, total.full_budget) if total is not None else (None, None)
    else:
        units = (ev.header_units.get("实际到位资金"), ev.header_units.get("计划投资额"))
    got, plan = (ctx.number(arrived), ctx.number(planned)) if arrived and planned else (None, None)
    if arrived is None or planned is None or got is None or not plan:
        return None
    converted = ""
    if units[0] and units[1] and units[0] != units[1]:
        conv = convert(got, units[0], units[1])
        if not conv.ok or conv.value is None:
            return None
        got, converted = conv.value, f"（折合 {fmt_num(conv.value)} {units[1]}）"
    ratio = got / plan
    if bool(units[0]) != bool(units[1]) and ratio < _MISMATCH_BELOW:
        return (
            None  # 计划投资额(元) 570000 against 实际到位资金 398.88 with no unit: 万元 by the look, not by the cells
        )
    return _Money(arrived, planned, ratio, units, converted)


@check("S18")
def arrival_rate_score(ctx: Context) -> Iterator[Finding]:
    """得分 of a 到位率 row without an actual against 分值 × 实际到位资金 / 计划投资额 (capped at 100%), a 警告."""
    money = None
    for f in ctx.facts():
        # every name in `_NAMES` holds 位, and no other character becomes one under `normalise_label` (NFKC, OpenCC):
        # a name without it is not normalised (most rows)
        if "位" not in f.name or strip_brackets(strip_numbering(normalise_label(f.name))) not in _NAMES:
            continue
        ind = f.ind
        if ind.actual.sheet is not None and not f.actual_blank:
            continue  # a row with its own actual is scored by S01
        weight, score = f.weight, f.score
        money = money or _money(ctx)
        if weight is None or score is None or money is None:
            continue
        arrived, planned, ratio = money.arrived, money.planned, money.ratio
        if ratio >= 1:
            continue
        expected = ctx.round_score(weight * ratio)
        if abs(expected - score) <= ctx.tol_score:
            continue
        pct = fmt_num(ratio * 100, 2)
        yield ctx.finding(
            ind.score,
            expected=expected,
            actual=ind.score.text,
            name=ind.name.text,
            explanation=f"到位率 {money.said()} = {pct}%，按比例 {fmt_num(weight)}×{pct}% = {fmt_num(expected)}",
            explanation_en=f"arrival {money.said()} = {pct}%, pro rata {fmt_num(expected)}",
            certainty=Certainty.JUDGEMENT,
            basis=f"读取：“{ind.name.text}”分值 {ind.weight.text}，得分“{ind.score.text}”；实际到位资金 {arrived.text}"
            f"（{arrived.a1()}）{money.converted}，计划投资额 {planned.text}（{planned.a1()}）；"
            f"计算：到位率 {pct}%，按比例 {fmt_num(expected)}；表中未写明该指标的计分方法（可能分档），需人工判断",
            basis_en=f"read weight {ind.weight.text}, score {ind.score.text!r}; arrived {arrived.text} of planned "
            f"{planned.text} = {pct}%; the table states no method: a judgement",
        )
