"""I15: the indicator weights typed into the 指标值 and 实际完成值 columns (a form without a 分值 column).

阆中 2021's 中央对地方转移支付 自评表 (no 分值/得分 columns) prints 20, 20, 10, 10, 10, 10, 20 under both 指标值 and
全年实际完成值, beside names that are no counts ("建设符合验收要求", "群众满意度"): they add up to the 100 points of the
form, so they are the weights, and no target nor measured value is given. One cause: one finding, a judgement (the
figures might be targets that happen to add to 100), and the row-by-row findings it explains — I05's "未写计量单位",
I10's "应为百分比" — are not said again (issue 11: one cause, one finding).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import Certainty, Finding
from perfxl.values import ValueKind

from .catalogue import check
from .context import Context, fmt_num
from .row_facts import RowFacts

__all__ = ["weights_as_targets"]

#: Fewer rows than this adding up to the full mark is no pattern.
_MIN_ROWS = 3


def weights_as_targets(ctx: Context) -> tuple[RowFacts, ...]:
    """The rows whose 指标值 and 实际完成值 are the weights (see the module), or () — on a form without a 分值 column,
    every row with a target holding a bare number (no unit, no operator) that its 实际完成值 repeats, the numbers
    adding up to the full mark (100, or 100 less the 预算执行率's 10 where the form scores it apart)."""
    ev = ctx.ev
    if ev.has_column("weight"):
        return ()
    rows = tuple(f for f in ctx.facts() if not f.target_blank)
    if len(rows) < _MIN_ROWS:
        return ()
    for f in rows:
        p = f.target
        if p.kind is not ValueKind.NUMBER or p.number is None or p.unit or p.op is not None:
            return ()
        if f.ind.actual.text.strip() != f.ind.target.text.strip():
            return ()
    full = ctx.dec("weights.total", 100)
    total = sum((f.target.number for f in rows if f.target.number is not None), Decimal(0))
    return rows if total in (full, full - ctx.dec("weights.budget", 10)) else ()


@check("I15")
def targets_are_weights(ctx: Context) -> Iterator[Finding]:
    """One finding at the first target when the targets are the weights (`weights_as_targets`)."""
    rows = weights_as_targets(ctx)
    if not rows:
        return
    first, last = rows[0].ind, rows[-1].ind
    figures = " + ".join(f.ind.target.text.strip() for f in rows)
    total = sum((f.target.number for f in rows if f.target.number is not None), Decimal(0))
    span = (
        f"{first.target.a1()}–{last.target.a1()}"
        if first.target.sheet is not None and last.target.sheet is not None
        else ""
    )
    yield ctx.finding(
        first.target,
        expected="年度目标值与实际完成值",
        actual=f"{figures} = {fmt_num(total)}",
        count=str(len(rows)),
        cells=span,
        total=fmt_num(total),
        certainty=Certainty.JUDGEMENT,
        basis=f"读取：表中没有分值栏；{len(rows)} 个指标的年度指标值（{span}）{figures} = {fmt_num(total)}，与满分相同，"
        "均无计量单位，实际完成值与之逐行相同：疑为各指标的分值，需人工核对",
        basis_en=f"read no weight column; {len(rows)} targets ({span}) {figures} = {fmt_num(total)}, the full mark, "
        "without units, each actual the same: likely the weights",
        related=(last.target.located(),) if last.target.sheet is not None and last is not first else (),
    )
