"""R-T checks: 总分 = budget score + Σ indicator scores, ≤ full mark, grade, N/A rescaling, rounding, all-full-marks."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal

from perfxl.labels import GRADE_WORDS, grade_in_text, normalise_label
from perfxl.model import CellValue, Certainty, Finding, FundsRow, Indicator, SelfEvaluation
from perfxl.numbers import (
    agrees_as_printed,
    ascii_figures,
    decimal_exponent,
    round_half_up,
    shown_places,
)
from perfxl.patterns import lazy_compile
from perfxl.scoring import execution_score, grade

from .catalogue import check
from .context import ROUNDED_EN, ROUNDED_ZH, Context, compact, fmt_num
from .not_applicable import not_applicable_rows
from .total_bound import stated_above_reach, sum_parts
from .weights import (
    GUESSED_EDGE_EN,
    WeightedTotal,
    carries_no_weight,
    completeness,
    shown_in_part,
    weighted_reading,
    weighted_total,
)


def _budget_row(ctx: Context) -> FundsRow | None:
    """The funds row the form scores (分值 and 预算执行率得分): the 年度资金总额 row, or 重庆's 其中财政拨款
    (`FundsBlock.scored`); None without one."""
    funds = ctx.ev.funds
    return None if funds is None else funds.scored


def _budget_cells(ctx: Context) -> tuple[CellValue | None, CellValue | None]:
    total = _budget_row(ctx)
    if total is None:
        return None, None
    return total.weight, total.score


def reported_sum(ctx: Context) -> tuple[Decimal, Decimal, bool]:
    """(budget score as typed, Σ indicator scores as typed, any score typed at all)."""
    _, budget_cell = _budget_cells(ctx)
    budget = ctx.number(budget_cell) or Decimal(0)
    scores = [f.score for f in ctx.facts()]
    known = [s for s in scores if s is not None]
    return budget, sum(known, Decimal(0)), bool(known) or ctx.number(budget_cell) is not None


def _budget_score(ctx: Context) -> tuple[Decimal | None, str]:
    """The 预算执行率得分 to add: as typed; perfxl's own when the cell is an error or unreadable; 0 when blank."""
    total = _budget_row(ctx)
    cell = None if total is None else total.score
    if total is None or cell is None or (ctx.is_blank(cell) and not ctx.is_error(cell)):
        return Decimal(0), ""
    typed = ctx.number(cell)
    if typed is not None:
        return typed, ""
    executed, budget, weight = ctx.number(total.executed), ctx.number(total.full_budget), ctx.number(total.weight)
    if executed is None or budget is None or weight is None:
        return None, f"预算执行率得分“{cell.text}”无法读取，也无法重算"
    own = execution_score(executed, budget, weight, ctx.profile).score
    return own, f"预算执行率得分“{cell.text}”无法读取，按 perfxl 重算的 {fmt_num(own)} 计"


def scores_to_add(ctx: Context) -> tuple[Decimal | None, Decimal | None, list[str], bool, dict[int, Decimal]]:
    """(budget score, Σ indicator scores, notes, any score typed, each row's score by `id(indicator)`): each score as
    typed, or perfxl's own where the typed cell is an error value (#NAME?) or unreadable — never 0. None when one can be
    neither."""
    budget, note = _budget_score(ctx)
    notes = [note] if note else []
    values: dict[int, Decimal] = {}
    typed_any = False
    for f in ctx.facts():
        typed = f.score
        if typed is not None:  # (most rows: nothing more read of them)
            values[id(f.ind)] = typed
            typed_any = True
            continue
        ind, cell = f.ind, f.ind.score
        if f.score_blank and not ctx.is_error(cell):
            continue
        own = ctx.score(ind)
        if own is None or own.score is None:
            return budget, None, [*notes, f"“{ind.name.text}”得分“{cell.text}”无法读取，也无法重算"], typed_any, values
        values[id(ind)] = own.score
        notes.append(f"“{ind.name.text}”得分“{cell.text}”无法读取，按 perfxl 重算的 {fmt_num(own.score)} 计")
    _, budget_cell = _budget_cells(ctx)
    total = sum(values.values(), Decimal(0))
    return budget, total, notes, typed_any or ctx.number(budget_cell) is not None, values


def _says_full_mark(text: str, reported: Decimal) -> bool:
    """The 总分 cell's figure may be the form's full mark, not a claimed score: "满分100" or "100（满分）" — 满分 in the
    text and no other figure after it. "85（满分100）" claims 85 beside the full mark 100: the 85 is the score (review
    10e), so a sum off it stays certain."""
    if "满分" not in text:
        return False
    marks = re.findall(r"满分\D{0,3}?(\d+(?:\.\d+)?)", ascii_figures(text))
    return all(Decimal(m) == reported for m in marks)


@check("T02")
def total_is_sum(ctx: Context) -> Iterator[Finding]:
    """总分 = 预算执行率得分 + Σ 三级指标得分 (as typed; perfxl's own score where a typed one is an error value)."""
    ev = ctx.ev
    _head_score_unread(ctx)
    if ev.total_score is None and ev.stated_total is not None:
        budget_score, _ = _budget_score(ctx)
        weight_cell, _ = _budget_cells(ctx)
        if budget_score is not None:
            yield from stated_above_reach(ctx, budget_score, ctx.number(weight_cell) or Decimal(0))
        return
    if ev.total_score is None or ctx.is_error(ev.total_score):
        return
    budget, indicators, notes, any_typed, values = scores_to_add(ctx)
    if budget is None or indicators is None:
        ctx.skip(
            "总分无法复核：" + "；".join(notes),
            "the total cannot be checked: a score is neither readable nor recomputable",
        )
        return
    if not any_typed and not notes:
        return
    expected = budget + indicators
    weighted = weighted_total(ctx, values, some=True)  # 一级 权重 scaling rows of 100 (吉林): that reading's total
    plain = expected
    if weighted is not None:
        expected = budget + weighted.total
    yield from _stated_total(ctx, expected, budget, indicators, weighted)
    reported = ctx.number(ev.total_score)
    if reported is None and not ctx.is_blank(ev.total_score):
        # text perfxl cannot read as a figure ("九十九", "3O"): C02 names the cell; the sum is perfxl's limit, not an 错误
        ctx.skip(
            f"总分“{ev.total_score.text}”无法读取为数值，未与各项得分之和核对",
            f"the total ({ev.total_score.text!r}) cannot be read as a figure; not compared with the sum of scores",
        )
        return
    recomputed = bool(notes)  # scores perfxl could not read were recomputed (scores_to_add's notes)
    na = not_applicable_rows(ctx)
    rescaled = rescaled_total(ctx, na) if na and reported is not None else None
    if rescaled is not None and reported is not None and _agrees_as_printed(ctx, reported, rescaled, ev.total_score):
        return  # the 总分 rescaled over the 不适用 rows, as the 填报说明 asks (T05's reading): no plain sum is owed
    if weighted is not None and reported is not None and _agrees_as_printed(ctx, reported, expected, ev.total_score):
        return  # the weighted total at the precision the 总分 is printed with (98.75 printed "98.8" or "99")
    if weighted is not None and weighted.some and reported is not None and abs(reported - plain) <= ctx.tol_score:
        return  # one 一级 slipped off 100 (W02 says so): the rows' plain sum is the other reading (T03 if over 100)
    # a 总分 printed rounded to fewer decimals than its scores is never quietly "as printed": 89.6 shown as 90 moves the
    # grade band (良 → 优) — a difference rounding can explain is a 警告 below, not silence
    if reported is None or abs(reported - expected) > ctx.tol_score:
        unread = ev.funds is not None and ev.funds.total is None and (reported is None or reported > expected)
        if unread:  # the funds block's total row (its 预算执行率得分) was not read: the sum may lack it
            notes = [*notes, "资金表的合计行未读入，预算执行率得分可能未计入，需人工核对"]
        elsewhere = _weight_elsewhere(ctx, expected, reported)
        if elsewhere:
            notes = [*notes, elsewhere]
        budget_cell = _budget_cells(ctx)[1]
        scores = [budget_cell] if budget_cell is not None and not ctx.is_blank(budget_cell) else []
        scores += [f.ind.score for f in ctx.facts() if not f.score_blank]
        rounded = (
            weighted is None
            and reported is not None
            and not ctx.beyond_rounding(reported - expected, ev.total_score, scores, ctx.tol_score)
        )
        if rounded:  # scores printed rounded ("8.33" for 8⅓) under a total of the exact ones ("25")
            notes = [*notes, ROUNDED_ZH]
        unfilled = reported is None  # a 总分 left blank (or "—") is unfilled, not a wrong figure (警告, as F02 and W03)
        graded = _grade_in_total_cell(ctx) if unfilled else None
        if graded:  # "优" in the 总分 cell: a grade stands where the score belongs — say what is there (issue 11)
            notes = [*notes, f"总分栏填的是等级“{graded}”，不是分数，总分未填写"]
        elif unfilled:
            notes = [*notes, "总分未填写，不是填错"]
        blanks = _blank_weighted_scores(ctx) if reported is not None and reported > expected else []
        if blanks and reported is not None and reported > expected + sum(w for _, w, _ in blanks) + ctx.tol_score:
            blanks = []  # above what even full marks on the blank rows could add: wrong whichever was left unfilled
        unfilled_rows = "、".join(n for n, _, ind in blanks if ind is None or ind not in na)
        if unfilled_rows:  # the total may be right and a score left unfilled: F05/S checks name the blank cell
            notes = [*notes, f"{unfilled_rows}得分未填写，按 0 计入；总分也可能正确而漏填了得分"]
        if na:  # a 不适用 row's blank 得分 is no slip: it is taken out of the total (T05), not added as 0
            rows = "、".join(f"“{i.name.text}”" for i in na)
            notes = [
                *notes,
                f"{rows}不适用，按适用指标比例折算（T05）的总分为 {fmt_num(ctx.round_score(rescaled))}，表中总分与"
                "直接相加、按比例折算均不符"
                if rescaled is not None
                else f"{rows}不适用，无其余指标可按比例折算（T05）",
            ]
        full_mark = reported is not None and _says_full_mark(ev.total_score.text, reported)
        if full_mark:
            notes = [*notes, "总分单元格写的是“满分”，可能是满分值而非自评得分，需人工核对"]
        if weighted is not None:  # an inference from the arithmetic, not a rule the form prints: a 警告 saying so
            notes = [*notes, weighted.reading()]
        edge = ev.boundary_guess  # the rows summed are those read with the table, its edge a guess (read27)
        if edge:
            notes = [*notes, edge]
        extra = ("；" + "；".join(notes)) if notes else ""
        unscored = budget_cell is None and budget == 0
        read_budget = "表中没有预算执行率得分" if unscored else f"预算执行率得分 {fmt_num(budget)}"
        parts = (
            _weighted_parts(budget, weighted, not unscored) if weighted else sum_parts(budget, indicators, not unscored)
        )
        yield ctx.finding(
            ev.total_score,
            expected=expected,
            actual=f"等级“{graded}”（不是分数）" if graded else ev.total_score.text or "（空）",
            parts=parts[0],
            parts_en=parts[1],
            basis=f"读取：{read_budget}，{len(ctx.indicators())} 个指标得分合计 "
            f"{fmt_num(indicators)}，总分“{ev.total_score.text}”{extra}",
            basis_en=f"read budget score {fmt_num(budget)}, indicator scores {fmt_num(indicators)}, "
            f"total {ev.total_score.text!r}"
            + (" (unreadable scores recomputed by perfxl)" if recomputed else "")
            + ("; the funds total row was not read: the budget score may be missing" if unread else "")
            + ("; the 总分 row declares weight its rows do not carry, scored elsewhere perhaps" if elsewhere else "")
            + (f"; {ROUNDED_EN}" if rounded else "")
            + ("; the total is blank: unfilled, not wrong" if unfilled else "")
            + ("; a weighted score is blank: counted as 0, the total may be right" if unfilled_rows else "")
            + (f"; {len(na)} rows do not apply: the total rescaled without them (T05) is no match either" if na else "")
            + ("; the cell says 满分: the form's full mark perhaps, not the score" if full_mark else "")
            + ("; the 一级 权重 read as scaling rows of 100 (inferred, not printed)" if weighted else "")
            + (f"; {GUESSED_EDGE_EN}" if edge else ""),
            certainty=Certainty.JUDGEMENT
            if unread or rounded or elsewhere or unfilled or blanks or full_mark or weighted or edge
            else None,
        )


def _head_score_unread(ctx: Context) -> None:
    """The head's 自评得分 printed as two figures whose first is not the table's full mark ("100\n98" on a table whose
    full mark it does not print): which is the score is a guess, so the reader took none (`stated_total` None) — said
    as coverage, not compared (read27); or printed with its value left blank, said so too (read28)."""
    head = ctx.ev.header.get("自评得分")
    if ctx.ev.stated_total is not None or head is None:
        return
    if head.is_blank:
        # the head prints the label with its value left empty (read28: the next field's label was read as the score)
        ctx.skip(
            "表头“自评得分”未填写：未与各项得分核对",
            "the head's 自评得分 is blank: not compared with the scores",
        )
        return
    shown = "、".join(head.text.split())
    ctx.skip(
        f"表头“自评得分”填有两个数（{shown}），其第一个数不是表中可确定的满分，无法确定哪个是得分：未与各项得分核对",
        f"the head's 自评得分 holds two figures ({shown}), the first not a full mark the table shows: which is the score "
        "is not known, not compared with the scores",
    )


def _agrees_as_printed(ctx: Context, reported: Decimal, exact: Decimal, cell: CellValue) -> bool:
    """The 总分 equals `exact` rounded half up at the decimals it is printed (or typed) with."""
    places = shown_places(cell.raw)
    return agrees_as_printed(reported, exact, places, default_places=ctx.settings.score_places, tolerance=ctx.tol_score)


def _weighted_parts(budget: Decimal, weighted: WeightedTotal, scored: bool) -> tuple[str, str]:
    """T02's parts under the weighted reading: "按一级指标权重折算 预算绩效 50 × 95/100 + …"."""
    head = f"预算执行率得分 {fmt_num(budget)} + " if scored else ""
    return f"{head}按一级指标权重折算 {weighted.text()}", f"weighted by the 一级 权重: {weighted.text()}"


def _grade_in_total_cell(ctx: Context) -> str | None:
    """The grade written in the 总分 cell itself ("优" where the score belongs, read as the grade and the total left
    blank by the reader), else None."""
    total, grade = ctx.ev.total_score, ctx.ev.grade
    if (
        total is None
        or grade is None
        or total.sheet is None
        or grade.sheet is None
        or total.located().cell != grade.located().cell
    ):
        return None
    return grade.text or None


def _blank_weighted_scores(ctx: Context) -> list[tuple[str, Decimal, Indicator | None]]:
    """The names of the scores left blank on rows that carry weight (预算执行率 分值 10 │ 得分 blank; an indicator of
    分值 10 with no 得分): T02 adds them as 0, but a 总分 above that sum may be the right total with a score unfilled —
    which of the two is wrong the cells do not say (as a blank 总分 is "未填写，不是填错"), so T02 is a 警告 there — up to
    the rows' weights (a 总分 above the sum with full marks on every blank row is wrong either way). (name, 分值, the
    indicator — None for the 预算执行率 row) each."""
    out: list[tuple[str, Decimal, Indicator | None]] = []
    weight_cell, score_cell = _budget_cells(ctx)
    if _blank_with_weight(ctx, score_cell, weight_cell):
        out.append(("预算执行率", ctx.number(weight_cell) or Decimal(0), None))
    out += [
        (f"“{ind.name.text}”", ctx.number(ind.weight) or Decimal(0), ind)
        for ind in ctx.indicators()
        if _blank_with_weight(ctx, ind.score, ind.weight)
    ]
    return out


def _blank_with_weight(ctx: Context, score: CellValue | None, weight: CellValue | None) -> bool:
    blank = score is not None and ctx.is_blank(score) and not ctx.is_error(score)
    return blank and (ctx.number(weight) or Decimal(0)) > 0


def _weight_elsewhere(ctx: Context, expected: Decimal, reported: Decimal | None) -> str:
    """The words saying why a 总分 above the visible scores may still be right, or "": a table with no funds block whose
    总分 row declares more 分值 than its rows carry (总分 │ 100 over rows of 90: the 预算执行率 part printed on another
    sheet, page or table) may hold up to that much more score — perfxl cannot see it, so the sum is not certain."""
    ev = ctx.ev
    if ev.funds is not None or ev.total_weight is None or reported is None or reported <= expected:
        return ""
    declared = ctx.number(ev.total_weight)
    carried = sum((f.weight for f in ctx.facts() if f.weight is not None), Decimal(0))
    if declared is None or declared <= carried or reported > expected + declared - carried + ctx.tol_score:
        return ""
    gap = fmt_num(declared - carried)
    return (
        f"总分行分值 {fmt_num(declared)} 比各行分值合计 {fmt_num(carried)} 多 {gap} 分，本表没有资金（预算执行率）部分，"
        f"这 {gap} 分的得分可能在其他表或页上，未计入，需人工核对"
    )


def _stated_total(
    ctx: Context, expected: Decimal, budget: Decimal, indicators: Decimal, weighted: WeightedTotal | None = None
) -> Iterator[Finding]:
    """A total stated above the table ("项目总得分99.41分") is held to the same sum as its 总分 row — only on a
    table that has that row (a table cut short may state a total its visible rows cannot add up to). Under the weighted
    reading (`weighted`), at the precision the stated total is printed with, and a 警告 stating the reading."""
    ev = ctx.ev
    stated = ev.stated_total
    if stated is None or ctx.is_error(stated):
        return
    value = ctx.parsed(stated).number
    if value is None or abs(value - expected) <= ctx.tol_score:
        return
    if weighted is not None and _agrees_as_printed(ctx, value, expected, stated):
        return
    full = ctx.number(ev.total_weight) if ev.total_weight is not None else None
    if "得" not in stated.text and value == (full if full is not None else ctx.settings.total_max):
        return  # "总分：100分" without 得 is the form's full mark, not its score (review round 15)
    scored = _budget_cells(ctx)[1] is not None or budget != 0
    parts = _weighted_parts(budget, weighted, scored) if weighted else sum_parts(budget, indicators, scored)
    yield ctx.finding(
        stated,
        expected=expected,
        actual=stated.text,
        parts=parts[0],
        parts_en=parts[1],
        related=(ev.total_score.located(),) if ev.total_score is not None and ev.total_score.sheet is not None else (),
        certainty=Certainty.JUDGEMENT if weighted or ev.boundary_guess else None,
        basis=f"读取：表上方所写“{stated.text}”；预算执行率得分 {fmt_num(budget)}，{len(ctx.indicators())} 个指标得分"
        f"合计 {fmt_num(indicators)}，总分行“{ev.total_score.text if ev.total_score is not None else ''}”"
        + (f"；{weighted.reading()}" if weighted else "")
        + (f"；{ev.boundary_guess}" if ev.boundary_guess else ""),
        basis_en=f"read the stated total {stated.text!r}; budget score {fmt_num(budget)}, indicator scores "
        f"{fmt_num(indicators)}" + ("; the 一级 权重 read as scaling rows of 100 (inferred)" if weighted else ""),
    )


@check("T03")
def total_within_full_mark(ctx: Context) -> Iterator[Finding]:
    """总分 ≤ 100 (profile total.max)."""
    ev = ctx.ev
    reported = ctx.number(ev.total_score) if ev.total_score is not None else None
    if reported is not None and reported > ctx.settings.total_max + ctx.tol_score:
        yield ctx.finding(ev.total_score, expected=ctx.settings.total_max, actual=reported)


@check("T04")
def grade_matches_total(ctx: Context) -> Iterator[Finding]:
    """自评等级 follows the typed 总分 under the profile's grade bands (优 ≥90, 良 ≥80, 中 ≥60, 差)."""
    ev = ctx.ev
    if ev.grade is None or ctx.is_blank(ev.grade) or ev.total_score is None:
        return
    total = ctx.number(ev.total_score)
    if total is None:
        return
    expected = grade(total, ctx.profile)
    expected = getattr(expected, "label", expected)
    stated = _stated_grade(ev.grade.text)
    if stated is None:  # a sentence ("自评结论：项目实施情况良好…"), not a grade: nothing to compare (review round 15)
        ctx.skip(
            f"等级单元格“{ev.grade.text[:30]}”是一段文字而非等级，未与总分核对",
            "the grade cell holds a sentence, not a grade; not compared with the total",
        )
        return
    crossed = _weighted_band_crossed(ctx, total, expected, stated)
    if crossed is not None:
        yield crossed
        return
    if expected and compact(expected) not in stated:
        labels = [label for label, _ in ctx.settings.grade_bands]
        known = any(compact(label) in stated for label in labels)
        kept = _grade_at_kept_places(ctx, total, stated)
        if kept is not None:
            yield ctx.finding(
                ev.grade,
                expected=expected,
                actual=ev.grade.text,
                total=total,
                also=kept[2],
                also_en=kept[3],
                certainty=Certainty.JUDGEMENT,
                basis=kept[0],
                basis_en=kept[1],
            )
            return
        listed = not known and results_line(ev)  # a 自评表 grades its own 总分: judged as it stands
        if listed and ctx.once(("T04 list scale", ev.sheet), lambda: _list_scale_consistent(ctx, labels)):
            ctx.skip(
                "结果表各行的等级不是规则集的等级（本地的其他等级体系），且各等级与得分的对应在表内一致、互不交叉，未按规则集等级核对",
                "the list's grades are another scale than the profile's, each grade's scores apart from the others': "
                "not checked against the profile's bands",
            )
            return
        yield ctx.finding(
            ev.grade,
            expected=expected,
            actual=ev.grade.text,
            total=total,
            also="",
            also_en="",
            # "A", "较好", "合格": another scale (a province's own), which only a person can map onto 优/良/中/差
            certainty=None if known else Certainty.JUDGEMENT,
            basis=f"读取：总分“{ev.total_score.text}”，等级“{ev.grade.text}”；规则集等级：{'、'.join(labels)}"
            + ("" if known else f"；“{ev.grade.text}”不是其中之一（可能是本地的其他等级体系），需人工核对"),
            basis_en=f"read total {ev.total_score.text!r}, grade {ev.grade.text!r}; the profile's grades: "
            + ", ".join(labels)
            + ("" if known else f"; {ev.grade.text!r} is none of them (another scale?), a person checks"),
        )


def _weighted_band_crossed(ctx: Context, total: Decimal, typed_band: str | None, stated: str) -> Finding | None:
    """A 警告 when the 总分 agrees with the weighted total (`weights.weighted_total`, 吉林: 权重 × rows of 100) only as
    printed — T02 is then silent — and the exact total lies in another grade band than the printed one (89.9975 printed
    "90.00": 良 exact, 优 printed), the stated grade being one of the two. Which the form meant no cell says, and the
    weighted reading is itself inferred: a judgement stating both, as T04 does for a total kept to the profile's places
    (`_grade_at_kept_places`); a grade that is neither stays the 错误 below (gaps14)."""
    ev = ctx.ev
    if not weighted_reading(ctx)[0] or ev.total_score is None or ev.grade is None:
        return None
    budget, indicators, _, _, values = scores_to_add(ctx)
    weighted = weighted_total(ctx, values, some=True) if budget is not None and indicators is not None else None
    if weighted is None or budget is None:
        return None
    exact = budget + weighted.total
    if exact == total or not _agrees_as_printed(ctx, total, exact, ev.total_score):
        return None
    exact_band = grade(exact, ctx.profile)
    exact_band = getattr(exact_band, "label", exact_band)
    if not exact_band or not typed_band or exact_band == typed_band:
        return None
    printed = ev.total_score.text
    if compact(typed_band) in stated:  # the printed total's band stated: the exact total's is the other
        band, shown = exact_band, fmt_num(exact)
        also = f"（按所印总分 {printed} 则为“{typed_band}”）"
    elif compact(exact_band) in stated:
        band, shown = typed_band, printed
        also = f"（按权重折算的总分 {fmt_num(exact)} 则为“{exact_band}”）"
    else:
        return None
    return ctx.finding(
        ev.grade,
        expected=band,
        actual=ev.grade.text,
        total=shown,
        also=also,
        also_en=f" ({fmt_num(exact)} weighted, {printed} as printed)",
        certainty=Certainty.JUDGEMENT,
        basis=f"读取：总分“{printed}”，等级“{ev.grade.text}”；{weighted.reading()}；该总分按所印小数位为 {printed}，"
        f"对应“{typed_band}”，未四舍五入的 {fmt_num(exact)} 对应“{exact_band}”，以哪一个定等级需人工判断",
        basis_en=f"the total {printed} as printed gives {typed_band!r}; the weighted total {fmt_num(exact)} "
        f"(inferred reading) gives {exact_band!r}: which holds, a person judges",
    )


def _grade_at_kept_places(ctx: Context, total: Decimal, stated: str) -> tuple[str, str, str, str] | None:
    """The basis (zh, en) and the message's second reading (zh, en: "（按打印值；保留两位小数为 90.00 则为“优”）") of a 警告 when the stated grade is the band of the total kept to the profile's score places
    but not of the total as printed ("89.995" with 优: 89.995 < 90 is 良, yet kept to two decimals, as the profile's
    rounding and T06 ask, it is 90.00 — 优), else None. Which the form meant, the printed figure or the total to its
    places, no cell says: a person judges (issue 11: a printed value is judged at its precision; an 错误 only when the
    cells make it certain)."""
    places = ctx.settings.score_places
    kept = round_half_up(total, places)
    if kept == total:
        return None
    band, printed = grade(kept, ctx.profile), grade(total, ctx.profile)
    if not band or compact(band) not in stated:
        return None
    shown, kept_text = fmt_num(total), format(kept, "f")
    return (
        f"读取：总分“{shown}”，等级“{stated}”；按所印 {shown} 对应“{printed}”，按规则集保留 {places} 位小数为 {kept_text}，"
        f"对应“{band}”（与表中等级一致）；以哪一个为准需人工判断",
        f"the total {shown} as printed gives {printed!r}; kept to the profile's {places} decimals it is {kept_text}, "
        f"giving {band!r} as stated: which holds, a person judges",
        f"（按打印值；保留{_PLACES_ZH.get(places, f' {places} 位')}小数为 {kept_text} 则为“{band}”）",
        f" as printed ({kept_text} kept to {places} decimals gives {band})",
    )


_PLACES_ZH = {1: "一位", 2: "两位", 3: "三位"}


def results_line(ev: SelfEvaluation) -> bool:
    """A line of a results list (`layout/results_list.py`): a score and a grade, no indicators, no form head."""
    return not ev.indicators and ev.columns == ("score",)


def _list_scale_consistent(ctx: Context, labels: list[str]) -> bool:
    """True when the sheet is a list of results (several evaluations with a score and a grade each, no indicators:
    `layout/results_list.py`) whose grades are none of the profile's (A/B/C, 达到预期 …) and are one scale of their own
    as the scores order them: each grade's scores lie apart from every other grade's (87 B, 90–94 A). Its lines are then
    no "另一等级体系，需人工核对" 警告 each (a correct list of five lines gave five): the scale's own bands are not
    printed, so its cut points are a person's to know — said as coverage, once."""
    sheet = ctx.ev.sheet
    lines = [e for e in ctx.submission.evaluations if e.sheet == sheet and results_line(e)]
    ranges: dict[str, tuple[Decimal, Decimal]] = {}
    for line in lines:
        if line.grade is None or ctx.is_blank(line.grade) or line.total_score is None:
            continue
        stated, score = _stated_grade(line.grade.text), ctx.number(line.total_score)
        if stated is None or score is None or any(compact(label) in stated for label in labels):
            return False  # a sentence, an unread score, or the profile's own words: each line judged as it stands
        low, high = ranges.get(stated, (score, score))
        ranges[stated] = (min(low, score), max(high, score))
    if len(lines) < 2 or not ranges:
        return False
    spans = sorted(ranges.values())
    return all(a[1] < b[0] for a, b in itertools.pairwise(spans))


#: A label before the grade ("自评等级：", "(自评等级："), a bracketed note ("（98.5分）"), a trailing 等级/等次/级.
_GRADE_LABEL = lazy_compile(r"^[^:：]{0,8}[:：]")
_BRACKETED = lazy_compile(r"[（(][^（()）]*[）)]")
_GRADE_SUFFIX = lazy_compile(r"(等级|等次|级|等)$")
_SCORE_IN_GRADE = lazy_compile(r"\d+(?:\.\d+)?分?")  # "98.5分 优": the score beside the grade
#: A grade cell pointing elsewhere ("见下表", "详见附件"): no grade stated here.
_POINTER = lazy_compile(r"^(?:详见|参见|见)")


def _stated_grade(text: str) -> str | None:
    """The grade a cell states, compacted ("优", "良好", "优良中差" for a legend), or None when the cell is a sentence
    rather than a grade: what is left after its label, bracketed notes, a score and a 等级 suffix is longer than a
    grade word."""
    bare = (text or "").strip()
    if bare[:1] in "(（" and bare[-1:] in ")）":  # "(自评等级：良)"
        bare = bare[1:-1]
    bare = _BRACKETED.sub("", bare)
    bare = _GRADE_LABEL.sub("", bare)
    bare = _GRADE_SUFFIX.sub("", _SCORE_IN_GRADE.sub("", compact(bare)))
    if _POINTER.match(bare):
        return None  # "见下表" under 自评等级: points to the grade, states none (a 警告 compared it with 优, review15)
    if len(bare) <= 4:
        return bare
    # "自评等级 优" in one cell, no colon (the 吉林 评价表's merged label cells): the reader's reading of it (polish14)
    said = grade_in_text(normalise_label(text or ""))
    return said if said in GRADE_WORDS else None


@check("T05")
def not_applicable_rescaled(ctx: Context) -> Iterator[Finding]:
    """With 不适用 rows, 总分 = Σ applicable scores / Σ applicable weights × 100."""
    ev = ctx.ev
    na = not_applicable_rows(ctx)
    reported = ctx.number(ev.total_score) if ev.total_score is not None else None
    if not na or reported is None:
        return
    if weighted_reading(ctx)[0]:  # 一级 权重 scaling rows of 100 (吉林): rescaled inside each 一级, not over the sum
        _, bs = _budget_cells(ctx)
        yield from _weighted_rescaled(ctx, na, reported, ctx.number(bs) or Decimal(0))
        return
    exact = rescaled_total(ctx, na)
    if exact is None:
        return
    expected = ctx.round_score(exact)
    if abs(reported - expected) > ctx.tol_score:
        yield ctx.finding(ev.total_score, expected=expected, actual=reported, count=len(na))


def rescaled_total(
    ctx: Context,
    na: list[Indicator],
    scores: Mapping[int, Decimal] | None = None,
    budget: tuple[Decimal, Decimal | None] | None = None,
) -> Decimal | None:
    """The 总分 T05 asks for with the 不适用 rows `na` left out, exact (the caller rounds or judges it as printed): the
    applicable scores (with the 预算执行率得分) over their 分值, × the full mark — or, on a weighted form, inside each 一级
    (`weighted_total`'s `excluded`); None when nothing is left to rescale by. Source: 项目支出绩效自评表填报说明 (不适用
    指标按比例折算), as T05 cites. `scores` (each row's score by `id(indicator)`) and `budget` (the 预算执行率得分 and its
    分值) default to the cells as typed (T02, T05); the summary's 总分重算 passes its own recomputed ones — one formula."""
    bw, bs = _budget_cells(ctx)
    if scores is None:
        scores = {id(f.ind): f.score for f in ctx.facts() if f.score is not None}
    budget_score, budget_weight = budget if budget is not None else (ctx.number(bs) or Decimal(0), ctx.number(bw))
    if weighted_reading(ctx)[0]:
        rescaled = weighted_total(ctx, scores, some=True, excluded=frozenset(id(i) for i in na))
        return None if rescaled is None else budget_score + rescaled.total
    applicable = [i for i in ctx.indicators() if i not in na]
    weights = sum((ctx.number(i.weight) or Decimal(0) for i in applicable), budget_weight or Decimal(0))
    scores_sum = sum((scores.get(id(i), Decimal(0)) for i in applicable), budget_score)
    return scores_sum / weights * ctx.settings.total_max if weights else None


_READING_ZH = (
    "表中未印明计分规则：各一级指标权重合计满分、其下各行分值合计 100，据此推断按权重折算；不适用指标在一级指标内折算也是推断"
    "（填报说明只写“按比例折算”），需人工确认"
)


def _weighted_rescaled(ctx: Context, na: list[Indicator], reported: Decimal, budget: Decimal) -> Iterator[Finding]:
    """T05 under the weighted reading (`weights.weighted_reading`: each 一级's rows out of 100, scaled by its 权重): the
    一级's 权重 is fixed by the form, so 不适用 rows are rescaled inside their 一级 — its applicable rows count out of
    their own 分值 (100 less the 不适用 rows'), not out of the 100 (`weighted_total`'s `excluded`). Both the reading and
    where the rescaling applies are inferred, not printed (the 填报说明 says only 按比例折算): a 警告 stating them, the
    total judged at the precision it is printed with; a 一级 whose every row is 不适用 leaves nothing to rescale by —
    coverage, not a finding (gaps14: the plain Σ over the whole table was asked of a weighted form)."""
    ev = ctx.ev
    scores = {id(f.ind): f.score for f in ctx.facts() if f.score is not None}
    excluded = frozenset(id(i) for i in na)
    rescaled = weighted_total(ctx, scores, some=True, excluded=excluded)
    if rescaled is None or ev.total_score is None:
        ctx.skip(
            "一级指标权重折算的表中，某个一级指标下的指标全部不适用，无法在该一级指标内按比例折算，未核对总分的折算",
            "a weighted 一级 has no applicable row to rescale by: the rescaled total was not checked",
        )
        return
    exact = budget + rescaled.total
    if _agrees_as_printed(ctx, reported, exact, ev.total_score):
        return
    plain = weighted_total(ctx, scores, some=True)
    unscaled = (
        f"；不折算（不适用指标按 0 分计入所在一级指标的 100 分基数）为 {fmt_num(budget + plain.total)}" if plain else ""
    )
    names = "、".join(f"“{i.name.text}”" for i in na)
    yield ctx.finding(
        ev.total_score,
        expected=ctx.round_score(exact),
        actual=reported,
        count=len(na),
        certainty=Certainty.JUDGEMENT,
        basis=f"读取：{names}不适用，总分“{ev.total_score.text}”；按一级指标权重折算，不适用指标在所在一级指标内按其余指标"
        f"的分值折算（基数为其余指标的分值合计）：{rescaled.text()} = {fmt_num(exact)}{unscaled}；"
        f"{_READING_ZH}",
        basis_en=f"{len(na)} rows do not apply; the 一级 权重 read as scaling rows of 100 (inferred), each 一级's "
        f"applicable rows rescaled to its own base: {fmt_num(exact)}",
    )


@check("T06")
def two_decimals(ctx: Context) -> Iterator[Finding]:
    """Scores are typed with at most the profile's decimal places (2 in 财预〔2020〕10号), the message saying how many."""
    _, budget_score = _budget_cells(ctx)
    total = ctx.ev.total_score
    places = ctx.settings.score_places
    found = _too_many_places(ctx, "预算执行率得分", "budget score", budget_score, ctx.number(budget_score), places)
    if found is not None:
        yield found
    for f in ctx.facts():
        value = f.score
        if value is None:
            continue
        exponent = decimal_exponent(value)  # (`_within_places` inline: most scores hold no more places)
        if exponent is not None and exponent >= -places:
            continue
        found = _too_many_places(ctx, f.ind, "score", f.ind.score, value, places)
        if found is not None:
            yield found
    found = _too_many_places(ctx, "总分", "total", total, ctx.number(total), places)
    if found is not None:
        yield found


def _too_many_places(
    ctx: Context, what: Indicator | str, what_en: str, cell: CellValue | None, value: Decimal | None, places: int
) -> Finding | None:
    """T06's finding of one score cell (a row's, the budget row's or the 总分) typed with more than `places` decimals."""
    if cell is None or value is None or _within_places(value, places):
        return None
    rounded = ctx.round_score(value)
    if rounded == value:
        return None
    shown = what if isinstance(what, str) else f"“{what.name.text}”得分"
    # at the places it asks for ("90.00", not "90": polish13)
    return ctx.finding(
        cell,
        expected=format(rounded, "f"),
        actual=cell.text,
        what=shown,
        what_en=what_en,
        places=_PLACES_ZH.get(places, f" {places} 位"),
        places_en=str(places),
    )


def _within_places(value: Decimal, places: int) -> bool:
    """`value` holds no digit past `places` decimals as written (10, 9.5, 10.00): rounding it there (`round_score`, at
    `settings.score_places`) gives it back, so T06 has nothing to say — told from its exponent without rounding (most
    scores; issue 14: 6,670 roundings at 10,000 rows). A figure written with more decimals ("9.500", "9.567") is
    rounded and compared as before."""
    exponent = value.as_tuple().exponent
    return exponent.__class__ is int and exponent >= -places  # (an infinity's exponent is "F": rounded as before)


@check("T07")
def all_full_marks(ctx: Context) -> Iterator[Finding]:
    """Every indicator at full marks is a pattern reviewers question (严禁刻意抬高分数).

    A row with no weight of its own (分值 0, 得分 0 or blank: the items of a ★ row, weighted on it, as W04/S12 read
    them) has no marks to be full of: it is not counted, so "全部 N 个指标" names the weighted rows only."""
    ev = ctx.ev
    # one pass, left at the first weighted row not at full marks (most tables: no list of the rows built first)
    tol = ctx.tol_score
    counted = left_out = 0
    for f in ctx.facts():
        weight = f.weight
        if carries_no_weight(f):
            left_out += weight == 0
            continue
        if weight is None:
            continue
        score = f.score
        if score is None or abs(score - weight) > tol:
            return
        counted += 1
    if counted < 3:
        return
    shown = shown_in_part(ctx)
    if shown is not None:  # a part of a table: whether *every* indicator is at full marks is not shown (issue 11)
        ctx.skip(
            f"表中没有总分行，所列分值合计 {fmt_num(shown)} 不足满分：表格只列出一部分，未判断是否全部指标均为满分",
            f"no 总分 row and the weights shown make {fmt_num(shown)} only: a part of the table, not judged",
        )
        return
    ref = ev.total_score if ev.total_score is not None else ctx.indicators()[0].score
    _, note, note_en = completeness(ctx)  # without a 总分 row, "all" is all the rows shown
    unweighted_zh = f"（另有 {left_out} 行分值为 0，无自身分值可满，未计入）" if left_out else ""
    unweighted_en = f" ({left_out} rows weighted 0 left out)" if left_out else ""
    yield ctx.finding(
        ref,
        expected="按实际完成情况计分",
        actual="全部满分",
        count=counted,
        basis=f"读取：{counted} 个指标的得分均等于分值{unweighted_zh}" + (f"；{note}" if note else ""),
        basis_en=f"read: all {counted} scores equal their weights{unweighted_en}" + (f"; {note_en}" if note_en else ""),
    )
