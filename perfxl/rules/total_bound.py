"""T02 on a table cut short (no 总分 row) that states its total above the table (自评得分 │ 98): the most its scores can
reach is each visible score as typed (an unreadable one at its 分值), plus the 分值 the visible rows leave of the full
mark. A stated total above that cannot be the sum, whatever the missing rows hold — unless a score passes its 分值,
which S06 reports (宁夏 银川 初中公用经费 2021: 98 stated, at most 94 reachable).

Certain when the table's own 一级 labels declare weights that add up to the full mark (10 + 25 + 30 + 35 = 100); on the
profile's full mark alone, a judgement. 财预〔2020〕10号 附1 (总分 = Σ 得分, 满分 100).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import Certainty, Finding

from .context import Context, fmt_num

__all__ = ["stated_above_reach", "sum_parts"]


def sum_parts(budget: Decimal, indicators: Decimal, scored: bool) -> tuple[str, str]:
    """T02's parts of the sum (its `parts`, `parts_en`): "预算执行率得分 10 + 指标得分合计 86", or the indicators' alone
    when the table has no 预算执行率得分 (`scored` False: no funds block, or one without 分值 — Ningxia's) — "预算执行率
    得分 0 + …" named a score the form does not have (gaps13)."""
    if not scored:
        return f"指标得分合计 {fmt_num(indicators)}", f"indicators {fmt_num(indicators)}"
    return (
        f"预算执行率得分 {fmt_num(budget)} + 指标得分合计 {fmt_num(indicators)}",
        f"budget {fmt_num(budget)} + indicators {fmt_num(indicators)}",
    )


def stated_above_reach(ctx: Context, budget: Decimal, budget_weight: Decimal) -> Iterator[Finding]:
    """T02 at the stated total when it is above what the table's scores and remaining weights can reach."""
    ev = ctx.ev
    stated = ev.stated_total
    if stated is None or ev.total_score is not None or ctx.is_error(stated):
        return
    parsed = ctx.parsed(stated)
    value = parsed.number
    if value is None or parsed.op is not None:
        return  # a grade band ("90分以上", "<90") is no stated score: "90分以下" agrees with any total below 90
    scores, weights, unread = Decimal(0), Decimal(0), 0
    for ind in ctx.indicators():
        weight, score = ctx.number(ind.weight), ctx.number(ind.score)
        if weight is None and score is None:
            continue
        if weight is None:
            return  # a score without its 分值: what the rest may hold is unknown
        weights += weight
        if score is None:
            if not ctx.is_blank(ind.score):
                unread += 1  # "IO": counted at its 分值, the most it can be
            scores += weight if not ctx.is_blank(ind.score) else Decimal(0)
        else:
            scores += score
    full = ctx.settings.total_max
    left = max(full - weights - budget_weight, Decimal(0))
    reach = budget + scores + left
    if value <= reach + ctx.tol_score:
        return
    declared = [h.declared_weight for h in ev.level1 if h.declared_weight is not None]
    # (under a guessed edge the rows read with the table may not be its own: the reach no surer, read27)
    certain = bool(declared) and sum(declared, Decimal(0)) + budget_weight == full and not ev.boundary_guess
    why = (
        f"各一级指标标注分值合计 {fmt_num(sum(declared, Decimal(0)) + budget_weight)} = 满分"
        if certain
        else f"按规则集满分 {fmt_num(full)} 计（表中一级指标未标注全部分值，需人工判断）"
    )
    yield ctx.finding(
        stated,
        expected=f"不超过 {fmt_num(reach)}",
        actual=stated.text,
        parts=sum_parts(budget, scores, bool(budget or budget_weight))[0],
        parts_en=sum_parts(budget, scores, bool(budget or budget_weight))[1],
        certainty=None if certain else Certainty.JUDGEMENT,
        basis=f"读取：表上方所写自评得分“{stated.text}”；表中没有总分行（表格不完整），所列 {len(ctx.indicators())} 个"
        f"指标得分合计至多 {fmt_num(scores)}"
        + (f"（{unread} 个无法读取的得分按其分值计）" if unread else "")
        + f"，分值合计 {fmt_num(weights)}，其余指标至多 {fmt_num(left)} 分（{why}）：总分至多 {fmt_num(reach)}"
        + (f"；{ev.boundary_guess}" if ev.boundary_guess else ""),
        basis_en=f"read the stated total {stated.text!r}; no 总分 row: the listed scores reach at most {fmt_num(scores)} "
        f"and the rest at most {fmt_num(left)}, so the total is at most {fmt_num(reach)}",
    )
