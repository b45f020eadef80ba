"""F05 on a 预算执行率 indicator row: forms that score budget execution inside 项目管理 (宁夏 银川市本级 项目支出绩效
自评表: 项目管理(25分) │ 投入管理 │ 预算执行率 │ 10 │ — │ 100% │ 9) instead of in the funds block.

The row prints no target (a dash), so the indicator scoring checks skip it; its actual is the execution rate. At a rate
of 100% or more every method gives full marks (财预〔2020〕10号 附1: 执行率 × 分值, capped at the 分值; a tiered
method's top tier too), so a lower score is certain — judged at the rate's printed precision ("100%" may be a rounded
99.6%, whose 9.96 is no error) and only where the row prints no words of its own (a 评分标准 or a reason such as
"未按序时进度执行扣2分" says the form's method is another; "得分=执行率×分值" confirms it). Below 100% a row whose
评分标准 states another method (区间计分: "90%以上满分，每低1%扣0.1分") is not checked (coverage says so); without one the
score 执行率 × 分值 gives is a judgement.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.labels import is_execution_rate_name, normalise_label, strip_brackets, strip_numbering
from perfxl.model import CellValue, Certainty, Finding, Indicator
from perfxl.numbers import HUNDRED, half_unit, printed_places
from perfxl.patterns import lazy_compile
from perfxl.values import ValueKind

from .context import Context, fmt_num, fmt_pct

__all__ = ["rate_indicator_scores", "rate_times_weight", "stated_method"]


def _rate_row(ctx: Context, ind: Indicator) -> Decimal | None:
    """The percent an execution-rate row's actual prints, when the row has no target of its own; else None."""
    if not is_execution_rate_name(ind.name.text):
        return None  # ("预算执行率(%)": the unit after the name, read26 — the row's F05 was lost)
    target = ctx.parsed(ind.target)
    if target.number is not None:
        return None  # a row with its own target ("≥90%") is the indicator scoring checks' (S01)
    actual = ctx.parsed(ind.actual)
    return actual.number if actual.kind is ValueKind.PERCENT and actual.op is None else None


#: A budget execution rate by any of its names ("预算执行率(%)", "项目资金执行率", "财政资金执行率", "资金支出率"): an
#: alternative reading only lowers a finding to a 警告, so the names are read more widely than F05's own (`labels.is_execution_rate_name`).
_SPENDING_RATE = lazy_compile(r"(?:.{0,6}(?:预算|资金|经费).{0,4})?执行率|.{0,6}(?:资金|预算|经费)支出率")


def rate_times_weight(ctx: Context, ind: Indicator) -> Decimal | None:
    """执行率 × 分值 (the rate capped at 100%) of a 预算执行率 indicator row that prints its own target ("≥90%") and its
    rate as the actual: the budget rule of 财预〔2020〕10号 附1, which such a row may be scored by instead of the target
    proportion (85% of ≥90% → 8.5, not 85/90 × 10). None for any other row."""
    name = strip_brackets(strip_numbering(normalise_label(ind.name.text)))
    if not _SPENDING_RATE.fullmatch(name) or ctx.parsed(ind.target).number is None:
        return None
    actual, weight = ctx.parsed(ind.actual), ctx.number(ind.weight)
    if actual.kind is not ValueKind.PERCENT or actual.op is not None or actual.number is None or weight is None:
        return None
    return weight * min(max(actual.number, Decimal(0)), HUNDRED) / HUNDRED


def _below_full_reachable(ind: Indicator, percent: Decimal, weight: Decimal, reported: Decimal) -> bool:
    """Whether a rate that prints as the row's actual ("100%": [99.5%, 100.5%)) gives the printed score (9.96, 9.95)."""
    rate_places = printed_places(ind.actual.raw)
    if rate_places is None:
        return False  # a number cell: the rate is exact
    score_places = printed_places(ind.score.raw)
    step = half_unit(score_places) if score_places is not None else Decimal(0)
    lowest = weight * (percent - half_unit(rate_places)) / HUNDRED
    return reported + step > lowest


#: Words that only restate the plain method ("得分=执行率×分值"): they confirm it, naming no other basis.
_PLAIN = lazy_compile(r"执行率\s*[×xX*＊乘]|[×xX*＊乘]\s*执行率", needs=("执行率",))
_OTHER_BASIS = lazy_compile(r"扣|进度|序时|调整|结转|结余|合规|档")


#: The kind of standard a 绩效标准 column names (计划标准, 行业标准, 历史标准, 其他标准: 财预〔2011〕285号's 评价标准):
#: what a target is judged against, no method of scoring (海南 目标表's 绩效标准 column reads as 评分标准, review 10b).
_STANDARD_KIND = lazy_compile(r"^\s*(计划|行业|历史|其他)标准\s*$", needs=("标准",))


def _words(ctx: Context, cell: CellValue | None) -> str:
    """The text of a row's 评分标准 or reason cell when it may state another method than 执行率 × 分值, else ""."""
    if cell is None or cell.sheet is None or ctx.is_blank(cell):
        return ""
    text = cell.text
    if _STANDARD_KIND.match(text):
        return ""
    return "" if _PLAIN.search(text) and not _OTHER_BASIS.search(text) else text


#: Words that state a method of scoring 执行率 in a text not given to it alone (a 得分 header, a note under the table):
#: "区间计分", "分档", "低于60%不得分", "每低1%扣0.1分", "90%以上得满分". "得分(满分20分)" declares a weight only.
_STATED = lazy_compile(
    r"区间|分档|档次|不得分|得满分|扣\s*[0-9.]+\s*分|每[低少减]|以上.{0,4}满分|以下.{0,4}得",
    needs=("区间", "分档", "档次", "不得分", "得满分", "扣", "每", "以上", "以下"),
)


def stated_method(ctx: Context, headers: tuple[CellValue, ...], notes: tuple[CellValue, ...]) -> str:
    """The words of a funds block's 分值/执行率/得分 header, or of a note under the table naming 执行率, that state a
    method of scoring execution other than 执行率 × 分值 (read as a row's 评分标准 is, `_words`), else "". A score off
    执行率 × 分值 under them is not certainly wrong (F05 on the funds block; issue 11)."""
    for cell, own in [(h, True) for h in headers] + [(n, False) for n in notes]:
        text = _words(ctx, cell)
        if text and _STATED.search(text) and (own or "执行" in text):
            return text.strip()
    return ""


def rate_indicator_scores(ctx: Context) -> Iterator[Finding]:
    """得分 of a 预算执行率 indicator row against 执行率 × 分值 (capped at the 分值); only on a table whose funds block
    scores nothing (one place scores budget execution)."""
    ev = ctx.evaluation
    funds = ev.funds if ev is not None else None
    if funds is not None and funds.scored is not None and ctx.number(funds.scored.score) is not None:
        return
    for f in ctx.facts():
        ind = f.ind
        percent = _rate_row(ctx, ind)
        weight, reported = f.weight, f.score
        if percent is None or weight is None or reported is None or percent < 0:
            continue
        counted = min(percent, HUNDRED)
        exact = weight * counted / HUNDRED
        expected = ctx.round_score(exact)
        full = counted == HUNDRED
        if reported == expected or (not full and abs(reported - expected) <= ctx.tol_score):
            continue
        method = _words(ctx, ind.criteria)
        if method and not full:
            ctx.skip(
                f"“{ind.name.text}”的评分标准另有写法（{method}），未按执行率×分值核对其得分",
                f"the {ind.name.text} row states its own scoring rule: not checked as rate × weight",
            )
            continue
        words = (method or _words(ctx, ind.deviation)) if full else ""
        rounded = full and _below_full_reachable(ind, percent, weight, reported)
        how = (
            f"执行率 {ind.actual.text} 已达 100%，按执行率×分值或任何分档计分均得满分 {fmt_num(weight)}"
            + (
                f"（但 {ind.actual.text} 可能是四舍五入的值，按其小数位 {ind.score.text} 可以得到，需人工判断）"
                if rounded
                else ""
            )
            + (f"（但该行写有“{words}”，表中计分方法可能另有规定，需人工判断）" if words and not rounded else "")
            if full
            else f"执行率 {ind.actual.text}，{fmt_pct(counted)}×{fmt_num(weight)} = {fmt_num(expected)}（表中未写明该指标的计分方法，"
            "按 财预〔2020〕10号 执行率×分值 计，需人工判断）"
        )
        yield ctx.finding(
            ind.score,
            expected=expected,
            actual=ind.score.text,
            explanation=how,
            explanation_en=f"rate {fmt_pct(percent)} × weight {fmt_num(weight)} = {fmt_num(expected)}",
            certainty=None if full and not rounded and not words else Certainty.JUDGEMENT,
            basis=f"读取：三级指标“{ind.name.text}”实际完成值 {ind.actual.text}，分值 {ind.weight.text}，"
            f"得分“{ind.score.text}”；计算：{how}",
            basis_en=f"read the {ind.name.text} row: rate {ind.actual.text}, weight {ind.weight.text}, score "
            f"{ind.score.text!r}; computed {fmt_num(expected)}",
        )
