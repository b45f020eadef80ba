"""R-F checks: header fields and the funds block (项目资金 / 年度预算申请) — sums, 执行率 and its score."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from perfxl.chinese import to_simplified
from perfxl.model import CellRef, CellValue, Certainty, Finding, FundsBlock, FundsRow
from perfxl.numbers import printed_places, round_half_up, shown_places, to_decimal, typed_places
from perfxl.patterns import lazy_compile
from perfxl.rates import RateResult, execution_rate
from perfxl.scoring import execution_score
from perfxl.units import convert
from perfxl.values import ValueKind, normalise_text

from .catalogue import check
from .context import ROUNDED_EN, ROUNDED_ZH, Context, RateReading, fmt_num, fmt_pct
from .funds_indicator import rate_indicator_scores, stated_method
from .score_precision import reachable_from_printed_rate
from .totals import results_line

_COLUMNS = (
    ("年初预算数", "initial budget", "initial_budget"),
    ("全年预算数", "full-year budget", "full_budget"),
    ("全年执行数", "executed", "executed"),
    ("实际到位资金", "funds arrived", "arrived"),  # 岳阳 自评报告 only (`FundsRow.arrived`)
)
_REASON = lazy_compile(r"原因|由于|因为|受.{0,8}影响|执行率")
_ADJUST = lazy_compile(r"调整|追加|调减|调增|追减|调剂")
BLANK = "（空）"


def _notes(ctx: Context) -> list[str]:
    """Free text near the funds block where an explanation may be written (breakdown notes, goal text)."""
    ev = ctx.ev
    texts = [c.text for c in (ev.funds.breakdown if ev.funds else ())]
    texts += [g.actual.text for g in ev.goals]
    texts += [c.text for c in ev.remarks]  # 偏差大或目标未完成原因分析 | … below the 总分
    return texts


def _total(ctx: Context) -> FundsRow | None:
    ev = ctx.evaluation
    return ev.funds.total if ev is not None and ev.funds is not None else None


def _scored(ctx: Context) -> FundsRow | None:
    """The row the form scores 预算执行率 on (`FundsBlock.scored`: the total, or 重庆's 其中财政拨款)."""
    ev = ctx.evaluation
    return ev.funds.scored if ev is not None and ev.funds is not None else None


def _parts(ctx: Context) -> tuple[FundsRow, ...]:
    """The source rows (本年财政拨款, 上年结转, 其他资金) of the funds block; () without one."""
    ev = ctx.evaluation
    return ev.funds.parts if ev is not None and ev.funds is not None else ()


def initial_budget_only(ctx: Context) -> bool:
    """The form prints only 年初预算数 (no 全年预算数): the reader takes it as the budget, so a verdict that
    rests on it is a judgement (in-year additions and adjustments are not shown)."""
    funds = ctx.evaluation.funds if ctx.evaluation is not None else None
    return funds is not None and "initial_budget" in funds.columns and "full_budget" not in funds.columns


#: A rule the funds block's header states for its 执行率 ("执行率（执行数/年初预算数）", "(全年执行数÷全年预算数)"):
#: the budget named after the slash. A bare "预算数" names none of the two.
_STATED_RATE = lazy_compile(
    r"(?:执行数|执行金额|支出数|实际支出)\s*[)）]?\s*[/÷]\s*[(（]?\s*(年初|全年|调整后)预算",
    needs=("执行数", "执行金额", "支出数", "实际支出"),
)


def rate_over_initial(ctx: Context) -> str:
    """The header text that states the 执行率 is over 年初预算数 ("执行率（执行数/年初预算数）", or in the columns' letters:
    年初预算数(A) │ 全年预算数 │ 全年执行数(B) │ 执行率(B/A)) when the block prints both budgets, else "": the table's own
    rule then decides the rate (F04, F05), not the 全年预算数 财预〔2020〕10号's form divides by — its 执行率 and 得分 are
    judged by what it says it computes (gaps13; the letters review13t).

    Asked for every funds row and figure F04, F05 and the summary read (`rate_budget`, `budget_name`, `computed_rate`):
    the block's headers read once a block (`Context.once`; the block is the submission's, so its id is not reused
    during the run — `_targets`' copies of a table share its blocks)."""
    funds = ctx.evaluation.funds if ctx.evaluation is not None else None
    if funds is None or "initial_budget" not in funds.columns or "full_budget" not in funds.columns:
        return ""
    return ctx.once(("rate_over_initial", id(funds)), lambda: _stated_over_initial(funds))


def _stated_over_initial(funds: FundsBlock) -> str:
    """`rate_over_initial` of a block printing both budgets: its headers read."""
    texts = [c.text for c in funds.score_headers] + ([funds.unit_cell.text] if funds.unit_cell is not None else [])
    for text in texts:
        m = _STATED_RATE.search(to_simplified(text))
        if m is not None:
            return text if m.group(1) == "年初" else ""
    lettered = _lettered_columns(funds.amount_headers)
    for text in (c.text for c in funds.score_headers):
        for m in _LETTER_RATE.finditer(normalise_text(text)):
            over = lettered.get(m.group(2))
            if lettered.get(m.group(1)) == "executed" and over is not None:
                return text if over == "initial_budget" else ""
    return ""


#: A rule in letters ("执行率(B/A)", "(D=C/A)", "B/A×100%"): the column lettered first over the one lettered second.
_LETTER_RATE = lazy_compile(r"(?<![A-Za-z])([A-Z])\s*[/÷]\s*([A-Z])(?![A-Za-z])", needs=("/", "÷"))
#: The letter a column's header gives it ("年初预算数(A)", "全年执行数（C）").
_COLUMN_LETTER = lazy_compile(r"\(\s*([A-Z])\s*\)", needs=("(",))


def _lettered_columns(headers: tuple[tuple[str, CellValue], ...]) -> dict[str, str]:
    """Letter → funds role of the amount columns whose headers letter them ("年初预算数(A)" → A: initial_budget); a letter
    two columns claim is dropped (no rule is read through it)."""
    found: dict[str, str] = {}
    claimed: set[str] = set()
    for role, cell in headers:
        for letter in _COLUMN_LETTER.findall(normalise_text(cell.text)):
            if letter in claimed:
                found.pop(letter, None)
            else:
                claimed.add(letter)
                found[letter] = role
    return found


def rate_budget(ctx: Context, row: FundsRow) -> CellValue:
    """The budget cell a row's 执行率 is over: its 年初预算数 where the header states so (`rate_over_initial`), else its
    全年预算数 (the reader's budget column) — also where the stated 年初预算数 is left blank beside a 全年预算数
    (`initial_left_blank`: the findings then judgements, `on_blank_initial`)."""
    if rate_over_initial(ctx) and not _initial_blank(ctx, row):
        return row.initial_budget
    return row.full_budget


def _initial_blank(ctx: Context, row: FundsRow) -> bool:
    cell = row.initial_budget
    return ctx.is_blank(cell) and not ctx.is_error(cell) and ctx.number(row.full_budget) is not None


def initial_left_blank(ctx: Context) -> bool:
    """The header states the 执行率 is over 年初预算数 (`rate_over_initial`) and the scored row leaves it blank beside a
    全年预算数 (永德 2022 as published: 年初预算数 blank, 全年预算数 = 全年执行数): the blank may mean 'as 全年' or an
    unfilled figure, so the rate is judged over the 全年预算数 as a guess — a 警告 stating it, never silence (review13t)."""
    funds = ctx.evaluation.funds if ctx.evaluation is not None else None
    row = funds.scored if funds is not None else None
    return row is not None and bool(rate_over_initial(ctx)) and _initial_blank(ctx, row)


_BLANK_INITIAL_NOTE = "；表头写明执行率按年初预算数计算，但年初预算数未填写，按全年预算数计算（空白可能表示与全年相同，也可能漏填），需人工判断"
_BLANK_INITIAL_NOTE_EN = (
    "; the header puts the rate over the initial budget, which is blank: computed over the full-year budget"
)


def on_blank_initial(ctx: Context, findings: Iterator[Finding]) -> Iterator[Finding]:
    """`findings` of F04/F05 as judgements stating the reading when `initial_left_blank`; unchanged otherwise."""
    if not initial_left_blank(ctx):
        yield from findings
        return
    yield from _judged_with(findings, _BLANK_INITIAL_NOTE, _BLANK_INITIAL_NOTE_EN)


_INITIAL_NOTE = "；表中只有年初预算数，按它计算（年中追加、调整未列出，请核实）"
_INITIAL_NOTE_EN = "; the form prints only the initial budget, used as the budget (adjustments not shown)"


def budget_name(ctx: Context) -> str:
    """The budget column a basis names: 年初预算数 where it is the only one printed (see initial_budget_only) or the
    header states the rate is over it (`rate_over_initial`)."""
    if initial_budget_only(ctx) or (rate_over_initial(ctx) and not initial_left_blank(ctx)):
        return "年初预算数"
    return "全年预算数"


def on_initial_budget(ctx: Context, findings: Iterator[Finding]) -> Iterator[Finding]:
    """`findings` of a check computed from the budget column, as judgements when that budget is the form's
    年初预算数 (see initial_budget_only); unchanged otherwise."""
    if not initial_budget_only(ctx):
        yield from findings
        return
    yield from _judged_with(findings, _INITIAL_NOTE, _INITIAL_NOTE_EN)


def _judged_with(findings: Iterator[Finding], note: str, note_en: str) -> Iterator[Finding]:
    """`findings` as judgements (a guess stays one) whose basis ends with the reading `note` states."""
    for f in findings:
        yield dataclasses.replace(
            f,
            certainty=Certainty.GUESS if f.certainty is Certainty.GUESS else Certainty.JUDGEMENT,
            basis=f.basis + note,
            basis_en=f.basis_en + note_en,
        )


def computed_rate(ctx: Context, row: FundsRow) -> RateResult | None:
    """`rates.execution_rate` of a funds row (全年执行数 / 全年预算数, or / 年初预算数 where the header says so:
    `rate_budget`), or None when either is missing."""
    executed, budget = ctx.number(row.executed), ctx.number(rate_budget(ctx, row))
    if executed is None or budget is None:
        return None
    return execution_rate(executed, budget, ctx.profile)


#: Header fields a unit may leave blank when it is that party itself (a first-level budget unit).
_MAY_BE_SELF = ("主管部门", "实施单位")


@check("F01")
def header_fields(ctx: Context) -> Iterator[Finding]:
    """Required header fields (项目名称, 主管部门, 实施单位 / 预算单位名称) are filled in."""
    ev = ctx.ev
    if results_line(ev):
        return  # a line of a results list: its 主管部门/项目单位 columns are no form head (layout/results_list.py)
    for key in ctx.param(ev.kind, ()):
        cell = ev.header.get(key)
        if cell is not None and not ctx.is_blank(cell):
            continue
        if cell is None or cell.sheet is None:
            # the form has no such field where perfxl looked (another template, a header perfxl cannot
            # follow): perfxl's limit, said in coverage, never an 错误
            ctx.skip(f"表头未找到“{key}”栏，未检查是否填写", f"header field {key} not found on the form; not checked")
            continue
        ref = ctx.cell_ref(cell, ev.title) or CellRef(ev.sheet, "A1")
        if key in _MAY_BE_SELF:  # a first-level unit is its own 主管部门 / 实施单位: a person judges
            yield ctx.finding(
                ref,
                field=key,
                expected=key,
                actual=cell.text,
                certainty=Certainty.JUDGEMENT,
                basis=f"“{key}”栏为空；一级预算单位自身即为{key}时此栏可能留空，需人工判断",
                basis_en=f"{key} is blank; it may be left blank when the unit is itself the {key}",
            )
            continue
        yield ctx.finding(ref, field=key, expected=key, actual=cell.text)


@check("F02")
def funds_parts_sum(ctx: Context) -> Iterator[Finding]:
    """年度资金总额 = Σ sources (本年财政拨款, 上年结转, 其他资金) in each amount column; a source's own 其中 rows
    (`FundsRow.within`) are inside it, not added — unless the sum with them is the one the total states."""
    total, every = _total(ctx), _parts(ctx)
    if total is None:
        return
    for group, rows, members in _split_groups(tuple(p for p in every if not p.within), every):
        yield from _group_sum(ctx, total, group, rows, members)


def _spent_by_no_source(
    ctx: Context, total: FundsRow, rows: tuple[FundsRow, ...], zh: str, en: str, total_name: str
) -> Iterator[Finding]:
    """A total 执行数 printed while no source prints one, and a source holding the budget prints its own 执行率 as 0
    (九亭镇 2020, held-out batch 28: 其他资金 145000000.00 │ (blank) │ 0.0% under a 年度资金总额 executed 145000000.00 at
    100.0%): the form's own rate says that source spent nothing, so the total's spending comes from no source printed —
    a 警告 (the source's 执行数 may only be left out). A form leaving every source's 执行数 and rate blank says nothing."""
    cell: CellValue = total.executed
    spent = ctx.number(cell)
    if not spent or spent <= 0:
        return
    idle = [
        p
        for p in rows
        if ctx.is_blank(p.executed)
        and not ctx.is_error(p.executed)
        and any((ctx.number(c) or 0) > 0 for c in (p.full_budget, p.initial_budget))
        and not ctx.is_blank(p.rate)
        and ctx.read_rate(p.rate, None).percent == 0
    ]
    if not idle:
        return
    names = "、".join(f"“{p.label.text.strip()}”" for p in idle)
    shown = "；".join(
        f"{p.label.text.strip()}预算 {(p.full_budget if ctx.number(p.full_budget) else p.initial_budget).text.strip()}、"
        f"执行数未填、执行率 {p.rate.text.strip()}"
        for p in idle
    )
    yield ctx.finding(
        cell,
        expected=f"0（各来源均未填写执行数，{names}执行率为 0）",
        actual=cell.text.strip(),
        column=zh,
        column_en=en,
        total=total_name,
        certainty=Certainty.JUDGEMENT,
        related=tuple(p.rate.located() for p in idle if p.rate.sheet is not None),
        basis=f"读取：{total_name}{zh} {cell.text.strip()}；各来源均未填写执行数，{shown}：按表中自己的执行率，{names}"
        f"没有支出，{total_name}的执行数无来源可依，需人工核对（可能只是漏填了来源的执行数）",
        basis_en=f"the total's {en} is {cell.text.strip()} while no source prints one and a funded source prints a 0 "
        "execution rate: the spending comes from no source printed (a source's figure may only be left out)",
    )


#: A funds row that splits the total by the nature of the spending (资金结构：基本支出 / 项目支出), where the rows
#: before it split it by source (资金来源：财政拨款 / 其他资金): 江西's 整体支出规模 prints both, each adding up alone.
_STRUCTURE = lazy_compile(
    r"^(?:资金结构|按支出性质分|支出结构|(?:其中)?[:：]?\s*[（(]?[0-9一二三四五六七八九十]*[)）.、]?\s*(?:基本支出|项目支出))"
)


def _split_groups(
    rows: tuple[FundsRow, ...], every: tuple[FundsRow, ...]
) -> list[tuple[str, tuple[FundsRow, ...], tuple[FundsRow, ...]]]:
    """(group name, source rows, all rows with their 其中) of each split of the total: one group, or the sources and
    the 资金结构 rows after them when the block lists both (never one sum of the two, which counts the money twice)."""
    at = next((i for i, r in enumerate(rows) if _STRUCTURE.match(r.label.text.strip())), None)
    if not at:  # no 资金结构 row, or the block splits by nature only (其中：基本支出 │ 项目支出 │ 其他资金)
        return [("", rows, every)] if rows else []
    first = rows[at]
    cut = every.index(first)
    return [("资金来源", rows[:at], every[:cut]), ("资金结构", rows[at:], every[cut:])]


def _group_sum(
    ctx: Context, total: FundsRow, group: str, rows: tuple[FundsRow, ...], every: tuple[FundsRow, ...]
) -> Iterator[Finding]:
    """F02 over one split of the total (see `_split_groups`)."""
    term = ctx.ev.funds is not None and ctx.ev.funds.term
    total_name = f"“{total.label.text.strip().rstrip(':：')}”" if term else "年度资金总额"
    for zh, en, attr in _COLUMNS:
        zh = _plan_names(ctx).get(attr, zh) if _plan_form(ctx) else zh
        if term:  # the term's 资金总额 beside the year's (当年资金总额): one amount, the whole term's — no 全年预算数
            zh, en = "项目期资金", "the whole term's funds"
        if attr == "full_budget" and initial_budget_only(ctx):
            continue  # the form's only budget is 年初预算数, already summed: never the same cell twice
        if getattr(total, attr) is None:
            continue  # a column this form does not have (实际到位资金 outside 岳阳's 自评报告)
        cells = [getattr(p, attr) for p in rows]
        parts = [ctx.number(c) for c in cells]
        known = [v for v in parts if v is not None]
        if not known:
            if attr == "executed":
                yield from _spent_by_no_source(ctx, total, rows, zh, en, total_name)
            continue
        expected = sum(known, Decimal(0))
        cell: CellValue = getattr(total, attr)
        reported = ctx.number(cell)
        unreadable = any(v is None and not ctx.is_blank(c) for v, c in zip(parts, cells, strict=True))
        if unreadable and (reported is None or expected <= reported + ctx.tol_money):
            # a source C02 cannot read: the sum is unknown, only parts already above the total are certain
            ctx.skip(
                f"{zh}有来源单元格无法读取，未核对{total_name}", f"a source in {en} cannot be read; total not checked"
            )
            continue
        if reported is None and ctx.is_blank(cell) and not ctx.is_error(cell) and expected == 0:
            continue  # a total left blank (or "—") over sources of 0: no money, nothing to fill in
        if reported is None and ctx.is_blank(cell) and not ctx.is_error(cell):
            # a total left blank (or "—") is unfilled, not a wrong figure: a person completes it (警告)
            yield ctx.finding(
                cell,
                expected=expected,
                actual=BLANK,
                column=zh,
                column_en=en,
                total=total_name,
                certainty=Certainty.JUDGEMENT,
                basis=f"读取：{zh}的{total_name}为空，各来源合计 {fmt_num(expected)}；总额未填写，不是填错",
                basis_en=f"the total of {en} is blank, its sources add to {fmt_num(expected)}; unfilled, not wrong",
            )
        elif reported is None:
            # text perfxl cannot read as a figure ("3O", "叁拾万元", "#VALUE!"): C02 or the reader says so; the total is
            # not known to be wrong — perfxl's reading limit, not the filer's 错误
            ctx.skip(
                f"{zh}的{total_name}“{cell.text}”无法读取为数值，未核对各来源之和",
                f"the total of {en} ({cell.text!r}) cannot be read as a figure; sources not summed",
            )
        elif expected < reported - ctx.tol_money and not _lists_every_source(rows, group):
            # "其中：财政拨款" alone under a larger total: 其中 ("of which") need not list every source, and no
            # 其他资金 row closes the list — the rest may be money the form does not list (review round 14)
            ctx.skip(
                f"{zh}只列出部分来源（无“其他资金”行），其合计小于{total_name}，未核对",
                f"{en}: only some sources are listed (no 其他资金 row) and they add to less than the total; not checked",
            )
        elif not ctx.sum_agrees(cell, expected):
            with_within = _sum(ctx, every, attr) if len(every) > len(rows) else None
            if with_within is not None and abs(with_within - reported) <= ctx.tol_money:
                continue  # the rows read as a source's own 其中 add up with the others: they were sources
            top = _top_sources(rows)
            nested = _sum(ctx, top, attr) if len(top) < len(rows) else None
            if nested is not None and abs(nested - reported) <= ctx.tol_money:
                continue  # 财政拨款 │ 其中：中央资金 │ 省级资金: that source's own items, and so the total adds up
            loose = _top_sources(rows, any_name=True)
            if not (len(loose) < len(top) and _sum(ctx, loose, attr) == reported):
                loose = _without_items(ctx, rows, attr, reported)
            if len(loose) < len(rows) and _sum(ctx, loose, attr) == reported:
                # 其中：财政资金 │ 3 over 其中：中央补助 │ 2: a second 其中 may open the first one's items (then 3 = 3) or
                # list one more source (then 5); 财政拨款数 │ 3 over 一般公共预算 │ 2 and 政府性基金 │ 1 making it up may be
                # its items — the words do not say which: a 警告 naming the reading that adds up
                items = "、".join(f"“{p.label.text.strip()}”" for p in rows if p not in loose)
                yield _total_judged(
                    ctx,
                    cell,
                    expected,
                    (zh, en, total_name),
                    f"读取：{zh}的{total_name} {cell.text}，各行合计 {fmt_num(expected)}；若{items}是其上一行来源的明细"
                    "，总额相符，需人工核对",
                    f"{en}: the rows add to {fmt_num(expected)}; read {items} as items of the 其中 row above "
                    f"them, the total {cell.text} adds up",
                )
                continue
            named = tuple(
                p for p in rows if _SOURCE_WORDS.search(to_simplified(p.label.text)) or not p.label.text.strip()
            )
            by_name = _sum(ctx, named, attr) if 0 < len(named) < len(rows) else None
            if by_name is not None and abs(by_name - reported) <= ctx.tol_money:
                # 当年财政拨款 80 + 上年结转 20 = 100 with 设备购置 │ 60 under them: a spending line placed among the sources,
                # or a source misnamed — which is a person's call (a 警告), not a certain wrong total
                odd = "、".join(f"“{p.label.text.strip()}”" for p in rows if p not in named)
                yield _total_judged(
                    ctx,
                    cell,
                    expected,
                    (zh, en, total_name),
                    f"读取：{zh}的{total_name} {cell.text}，各行合计 {fmt_num(expected)}；其中{odd}不像资金来源的名称"
                    f"（可能是支出明细），其余来源合计 {fmt_num(by_name)} 与总额相符，需人工核对",
                    f"{en}: the rows add to {fmt_num(expected)}, but {odd} names no source of money (a spending "
                    f"line?); the named sources add to the total {cell.text}",
                )
                continue
            blank = [
                p.label.text
                for v, c, p in zip(parts, cells, rows, strict=True)
                if v is None and ctx.is_blank(c) and _unfilled(ctx, p, c)
            ]
            short = expected < reported
            if not blank and not ctx.beyond_rounding(reported - expected, cell, cells):
                yield rounded_sum(ctx, cell, expected, cells, expected, column=zh, column_en=en, total=total_name)
                continue
            yield ctx.finding(
                cell,
                expected=expected,
                actual=cell.text or BLANK,
                column=zh,
                column_en=en,
                total=total_name,
                # a source left blank may hold the difference: unfilled, so the total is not certainly wrong
                certainty=Certainty.JUDGEMENT if blank and short else None,
                basis=f"读取：{zh}的{total_name} {cell.text}，已填来源合计 {fmt_num(expected)}；来源"
                + "、".join(f"“{b}”" for b in blank)
                + "未填写，差额可能即为其数额，需人工核对"
                if blank and short
                else f"读取：{zh}的{total_name} {cell.text}；{group}各行（"
                + "、".join(f"“{p.label.text.strip()}”" for p in rows)
                + f"）合计 {fmt_num(expected)}；资金来源与资金结构是同一总额的两种分法，分别核对"
                if group
                else "",
                basis_en=f"sources {', '.join(blank)} are blank in {en}; they may hold the difference"
                if blank and short
                else "",
            )


def rounded_sum(
    ctx: Context, cell: CellValue, parts_sum: Decimal, parts: list[CellValue], expected: Any, **fields: Any
) -> Finding:
    """A sum off its total by less than the rounding of the printed figures can make (`Context.rounding_slack`: six
    sources "16.67" under "100.00" may be 16.6667 each). Rounded or wrong is for a person to judge (a 警告)."""
    slack = ctx.rounding_slack(cell, parts)
    return ctx.finding(
        cell,
        expected=expected,
        actual=cell.text,
        certainty=Certainty.JUDGEMENT,
        basis=f"读取：合计 {cell.text}，各分项合计 {fmt_num(parts_sum)}（各数舍入误差之和小于 {fmt_num(slack)}）；{ROUNDED_ZH}",
        basis_en=f"read total {cell.text}, parts add to {fmt_num(parts_sum)} (rounding makes less than "
        f"{fmt_num(slack)}); {ROUNDED_EN}",
        **fields,
    )


#: Words a funding source's name holds (当年财政拨款, 上年结转, 中央补助, 自筹资金, 其他): a row under the total without
#: any (设备购置, 人员工资) names a spending, not where the money came from.
_SOURCE_WORDS = lazy_compile(
    r"资金|拨款|结转|结余|补助|财政|自筹|收入|债|基金|专项|配套|奖补|中央|省|市|县|区|乡|镇|本级|上级|地方|社会|单位|其[他它]|经费|预算"
)

#: A source the forms print at the top level (a row so named ends a source's 其中 items).
_TOP_SOURCE = lazy_compile(r"^(?:本年|当年)?财政拨款(?:资金|数)?$|^上年结转(?:资金)?$|^其他资金$|^其它资金$")


def _top_sources(rows: tuple[FundsRow, ...], *, any_name: bool = False) -> tuple[FundsRow, ...]:
    """The rows read with a 其中 row directly under a source not itself labelled 其中 (财政拨款 │ 其中：中央资金 │
    省级资金) as that source's items, up to the next row named as a top-level source (其他资金): the reading a
    person gives such a block. The reader keeps them as sources; F02 accepts the total when this reading adds up."""
    out: list[FundsRow] = []
    inside = False
    for row in rows:
        label = to_simplified(re.sub(r"\s", "", row.label.text))  # "財政撥款" is 财政拨款
        of_which = label.startswith("其中")
        if inside and not of_which and _TOP_SOURCE.match(label):
            inside = False
        elif not inside and of_which and out and (any_name or _may_hold_items(out[-1])):
            inside = True
        if not inside:
            out.append(row)
    return tuple(out)


def _without_items(ctx: Context, rows: tuple[FundsRow, ...], attr: str, reported: Decimal) -> tuple[FundsRow, ...]:
    """The rows without the first run of two or more rows right under a row that add up to it exactly (财政拨款数 │ 3
    over 一般公共预算 │ 2 and 政府性基金 │ 1): that row's items, as a person may read them, when the rest then makes the
    total; else the rows as they are."""
    values = [ctx.number(getattr(p, attr)) for p in rows]
    for k, head in enumerate(values):
        for j in range(k + 3, len(rows) + 1):
            run = values[k + 1 : j]
            if head is None or None in run or sum(v for v in run if v is not None) != head:
                continue
            rest = rows[: k + 1] + rows[j:]
            if _sum(ctx, rest, attr) == reported:
                return rest
    return rows


def _may_hold_items(row: FundsRow) -> bool:
    """A source row a 其中 row under it may be an item of: one not labelled 其中 (财政拨款 │ 其中：中央资金), or labelled
    其中 with one of the forms' own sources (其中：财政拨款数 │ 其中：中央补助 — 乌海 2021's block, the second 其中 opening
    that source's items) — not a 其中 row of any other name (其中：中央资金 │ 其中：省级资金 are two sources)."""
    label = to_simplified(re.sub(r"\s", "", row.label.text))
    if not label.startswith("其中"):
        return True
    return bool(_TOP_SOURCE.match(re.sub(r"^其中[:：]?", "", label)))


def _unfilled(ctx: Context, row: FundsRow, cell: CellValue) -> bool:
    """A blank source cell that may hold money: its row has figures in other columns (结转 │ 0 │ 20 │ （空）), or it
    is the row's only amount (a 申报表's 年度 figure). A source row blank throughout is a source not used: 0. The 到位
    column of a pairs form (浙江 评价报告: 计划安排 │ 实际到位 by source) weighs as its plan does: its blank lines may
    hold money in either column alike (review 9)."""
    if cell is row.arrived:
        cell = row.full_budget
    others = [c for c in (row.initial_budget, row.full_budget, row.executed) if c is not cell and c.sheet is not None]
    return not others or any(not ctx.is_blank(c) for c in others)


def _sum(ctx: Context, rows: tuple[FundsRow, ...], attr: str) -> Decimal | None:
    """Σ of the rows' figures in one column, or None when one of them cannot be read."""
    values = [ctx.number(getattr(p, attr)) for p in rows]
    return (
        sum((v for v in values if v is not None), Decimal(0))
        if all(v is not None or ctx.is_blank(getattr(p, attr)) for v, p in zip(values, rows, strict=True))
        else None
    )


#: A source row that closes the list of sources (the rest of the money): with it the sources are all listed.
_CATCH_ALL = lazy_compile(r"其他|其它|上年结转|结转|自筹|社会")


def _total_judged(
    ctx: Context, cell: CellValue, expected: Decimal, column: tuple[str, str, str], basis: str, basis_en: str
) -> Finding:
    """F02 as a 警告 at a funds total: the rows add up to it under one reading of their labels, which the words do not
    settle (a source's own items, or a spending line among the sources) — the basis names that reading."""
    return ctx.finding(
        cell,
        expected=expected,
        actual=cell.text,
        column=column[0],
        column_en=column[1],
        total=column[2],
        certainty=Certainty.JUDGEMENT,
        basis=basis,
        basis_en=basis_en,
    )


def _lists_every_source(rows: tuple[FundsRow, ...], group: str = "") -> bool:
    """True when the source rows are the form's full list, not an "of which" selection: more than one source, or
    a row for the remaining money (其他资金, 上年结转 …); a 资金结构 split is whole with both 基本支出 and 项目支出."""
    if group == "资金结构":
        text = "".join(r.label.text for r in rows)
        return "基本支出" in text and "项目支出" in text
    return len(rows) > 1 or any(_CATCH_ALL.search(r.label.text) for r in rows)


@check("F03")
def funds_overspent(ctx: Context) -> Iterator[Finding]:
    """全年执行数 ≤ 全年预算数 (+ tolerance) on every funds row; a printed 执行率 above 100% where no amount is."""
    yield from on_initial_budget(ctx, _funds_overspent(ctx))
    for row in _funds_rows(ctx):
        blank = ctx.number(row.executed) is None and ctx.number(row.full_budget) is None
        if blank and row.rate.sheet is not None and not ctx.is_blank(row.rate):
            yield from _overspent_by_rate(ctx, row)


def executed_name(ctx: Context) -> str:
    """What the 执行数 column holds: the year's spending on a 自评表, the spending so far on a 执行监控表 (1-X月),
    实际支出 on 岳阳's 自评报告 (its money row of label │ value pairs)."""
    ev = ctx.evaluation
    if _plan_form(ctx):
        return _plan_names(ctx)["executed"]
    return "监控期执行数" if ev is not None and ev.kind == "monitoring" else "全年执行数"


def _plan_form(ctx: Context) -> bool:
    """The funds were read from 岳阳's 计划安排资金 │ 实际到位资金 │ 实际支出 │ 结余 row (the total carries 到位)."""
    funds = ctx.ev.funds if ctx.evaluation is not None else None
    return funds is not None and funds.total is not None and funds.total.arrived is not None


#: The 10号 form's column names as 岳阳's 自评报告 prints them (`_plan_form`), and as a row of plain pairs prints them
#: (河北 成安 2020: 预算数 │ 6.84 │ 到位数 │ 6.84 │ 执行数 │ 6.84).
_PLAN_NAMES = {"full_budget": "计划安排资金", "executed": "实际支出"}
_PAIR_NAMES = {"full_budget": "预算数", "executed": "执行数"}


def _plan_names(ctx: Context) -> dict[str, str]:
    """The words the form's money row prints: a finding names the columns the filer sees."""
    funds = ctx.ev.funds
    label = funds.total.label.text if funds is not None and funds.total is not None else ""
    return _PAIR_NAMES if label.strip().rstrip(":：") in _PAIR_NAMES.values() else _PLAN_NAMES


def _funds_rows(ctx: Context) -> list[FundsRow]:
    funds = ctx.ev.funds
    if funds is None:
        return []
    return ([funds.total] if funds.total else []) + list(funds.parts)


#: Source rows of money from outside the approved fiscal budget (预算法 第十三条 binds the 财政 budget): more of
#: it received and spent than planned is for a person to judge, not a certain error.
_OUTSIDE_MONEY = lazy_compile(
    r"(其他资金|其它资金|自筹|社会|捐赠|单位资金|事业收入|经营收入)|^\s*其[他它]\s*$"
)  # 其它 │ 9.6 (南湖)


def _over(ctx: Context, row: FundsRow) -> Decimal | None:
    executed, budget = ctx.number(row.executed), ctx.number(row.full_budget)
    if executed is not None and budget is not None and executed > budget + ctx.tol_money:
        return executed - budget
    return None


def _unplanned(ctx: Context, row: FundsRow) -> Decimal:
    """What a source spent with no amount planned for it (其它 │ (空) … │ 9.6, 南湖 2016): all of it is over the plan."""
    executed = ctx.number(row.executed)
    return executed if executed is not None and executed > 0 and ctx.is_blank(row.full_budget) else Decimal(0)


def _funds_overspent(ctx: Context) -> Iterator[Finding]:
    column = "年初预算数" if initial_budget_only(ctx) else "全年预算数"
    if _plan_form(ctx):
        column = _plan_names(ctx)["full_budget"]
    funds = ctx.ev.funds
    outside = [p for p in (funds.parts if funds else ()) if _OUTSIDE_MONEY.search(p.label.text)]
    outside_over = sum((_over(ctx, p) or _unplanned(ctx, p) for p in outside), Decimal(0))
    for row in _funds_rows(ctx):
        over = _over(ctx, row)
        if over is None:
            continue
        executed, budget = ctx.number(row.executed), ctx.number(row.full_budget)
        # the excess is money from outside the fiscal budget (其他资金 25 of 20): a judgement, saying so
        judged = row in outside or (row.is_total and outside_over > 0 and abs(over - outside_over) <= ctx.tol_money)
        yield ctx.finding(
            row.executed,
            expected=budget,
            actual=executed,
            row=row.label.text or "年度资金总额",
            what=f"{executed_name(ctx)} {fmt_num(executed)} 超过{column} {fmt_num(budget)}",
            what_en=f"executed {fmt_num(executed)} exceeds the {'initial' if column == '年初预算数' else 'full-year'} "
            f"budget {fmt_num(budget)}",
            certainty=Certainty.JUDGEMENT if judged else None,
            basis=f"读取：“{row.label.text}”行执行数 {fmt_num(executed)}、{column} {fmt_num(budget)}；超出部分为财政预算"
            "以外的资金（其他资金、自筹等），是否允许超计划使用需人工判断"
            if judged
            else "",
            basis_en="the excess is money from outside the fiscal budget; whether it may be spent is for a person"
            if judged
            else "",
        )


def _overspent_by_rate(ctx: Context, row: FundsRow) -> Iterator[Finding]:
    """Amounts not printed, only the 执行率 (江西 整体支出规模 rows): above 100% it says more was spent than
    budgeted — against which budget (年初 or 调整后) the row does not show, so a person judges."""
    printed = ctx.read_rate(row.rate, None).percent
    if printed is not None and printed > 100:
        yield ctx.finding(
            row.rate,
            expected="≤ 100%",
            actual=row.rate.text,
            row=row.label.text or "年度资金总额",
            what=f"执行率 {row.rate.text} 超过 100%，即执行数超过预算数（表中未列金额）",
            what_en=f"the rate {row.rate.text} exceeds 100%: more spent than budgeted (amounts not printed)",
            certainty=Certainty.JUDGEMENT,
            basis=f"读取：“{row.label.text}”行执行数、预算数未填，执行率“{row.rate.text}”超过 100%，即执行数超过预算数",
            basis_en=f"amounts blank, the printed rate {row.rate.text!r} exceeds 100%: spent more than budgeted",
        )


@check("F04")
def execution_rate_matches(ctx: Context) -> Iterator[Finding]:
    """执行率 typed in the total row = 全年执行数 / 全年预算数, within the profile's rate tolerance."""
    yield from on_blank_initial(ctx, on_initial_budget(ctx, _execution_rate_matches(ctx)))


def _execution_rate_matches(ctx: Context) -> Iterator[Finding]:
    total = _scored(ctx)
    if total is None:
        return
    yield from _total_rate_matches(ctx, total)
    yield from _part_rates_match(ctx, total)


def _total_rate_matches(ctx: Context, total: FundsRow) -> Iterator[Finding]:
    """The scored row's printed 执行率 against its own amounts (nothing when they are not printed)."""
    rate = computed_rate(ctx, total)
    if rate is None:
        return
    cell = total.rate
    if ctx.is_error(cell):
        return  # C02 reports the error cell once
    over = rate_budget(ctx, total)
    fields = {"executed": fmt_num(ctx.number(total.executed)), "budget": fmt_num(ctx.number(over))}
    read = f"读取：{executed_name(ctx)} {total.executed.text}，{budget_name(ctx)} {over.text}，执行率“{cell.text}”"
    read_en = f"read executed {total.executed.text}, budget {over.text}, rate {cell.text!r}"
    if (stated := rate_over_initial(ctx)) and over is not total.full_budget:
        read += f"（表头写明“{stated}”，按年初预算数计算）"
        read_en += f" (the header states {stated!r}: over the initial budget)"
    if rate.percent is None:
        printed = None if ctx.is_blank(cell) else ctx.read_rate(cell, None).percent
        # "0.00%" (Excel's IFERROR) says what 无法计算 says — unless the source rows hold money the zero total lacks
        sources_hold_money = any(
            (ctx.number(c) or 0) > 0 for row in _parts(ctx) for c in (row.full_budget, row.executed)
        )
        if not ctx.is_blank(cell) and (printed != 0 or sources_hold_money):
            yield ctx.finding(
                cell,
                expected=f"无法计算（{rate.reason}）",
                actual=cell.text,
                reading="",
                # a rate over a zero budget cannot be verified, not shown wrong (some forms print 100% for it)
                certainty=Certainty.JUDGEMENT,
                basis=f"{read}；{rate.reason}（表中执行率无法核实，有的表以 100% 表示无预算无支出，需人工判断）",
                basis_en=f"{read_en}; {rate.reason_en} (the printed rate cannot be verified; a person judges)",
                executed=fields["executed"],
                budget=fields["budget"],
            )
        return
    if ctx.is_blank(cell):
        if cell.sheet is None:
            return  # the form has no 执行率 cell: nothing printed to compare
        yield ctx.finding(  # a rate left blank is unfilled, not a wrong figure: a person completes it (警告, as F02)
            cell,
            expected=fmt_pct(rate.percent),
            actual=BLANK,
            reading="",
            certainty=Certainty.JUDGEMENT,
            basis=f"{read}；计算：{fields['executed']}/{fields['budget']} = {fmt_pct(rate.percent)}；执行率未填写，不是填错",
            basis_en=f"{read_en}; computed {fmt_pct(rate.percent)}; the rate is blank: unfilled, not wrong",
            executed=fields["executed"],
            budget=fields["budget"],
        )
        return
    yield from _rate_finding(ctx, total, rate, read, read_en, fields)


def _part_rates_match(ctx: Context, total: FundsRow) -> Iterator[Finding]:
    """Each source row printing its own 执行率 against its own amounts — also where the total row prints none
    (宁夏 原州 2022: 年度资金总额 blank, 自治区补助 300万元 │ 259.45万元 │ 86.5%), whose rate is then no reason to stop."""
    for row in _parts(ctx):  # a source row printing its own rate
        if row is total:
            continue  # the row the form scores (重庆's 其中财政拨款): checked above, certain
        part_rate = computed_rate(ctx, row)
        if part_rate is None or ctx.is_blank(row.rate) or ctx.is_error(row.rate):
            continue
        if part_rate.percent is None:  # "0 | 0 | 100%": nothing budgeted, a rate printed anyway
            printed = ctx.read_rate(row.rate, None).percent
            if printed is None or printed == 0:
                continue  # "0.00%" (Excel's IFERROR) says the same as "无法计算"
            yield ctx.finding(
                row.rate,
                expected=f"无法计算（{part_rate.reason}）",
                actual=row.rate.text,
                reading="",
                certainty=Certainty.JUDGEMENT,
                basis=f"读取：“{row.label.text}”行 全年执行数 {row.executed.text}，{budget_name(ctx)} {rate_budget(ctx, row).text}，"
                f"执行率“{row.rate.text}”；{part_rate.reason}（有的表以 100% 表示无预算无支出，需人工判断）",
                basis_en=f"read the {row.label.text} row; {part_rate.reason_en}",
                executed=fmt_num(ctx.number(row.executed)),
                budget=fmt_num(ctx.number(rate_budget(ctx, row))),
            )
            continue
        part_fields = {
            "executed": fmt_num(ctx.number(row.executed)),
            "budget": fmt_num(ctx.number(rate_budget(ctx, row))),
        }
        copied = _same_figures(ctx, row, total)
        # a row repeating the total's figures and rate is as wrong by its own cells as the total (corpus: 宁夏福彩 2023)
        yield from _rate_finding(
            ctx,
            row,
            part_rate,
            f"读取：“{row.label.text}”行 {executed_name(ctx)} {row.executed.text}，全年预算数 "
            f"{row.full_budget.text}，执行率“{row.rate.text}”" + ("（与合计行数字相同）" if copied else ""),
            f"read the {row.label.text} row" + (" (the total's figures repeated)" if copied else ""),
            part_fields,
        )


def _same_figures(ctx: Context, row: FundsRow, total: FundsRow) -> bool:
    """A source row whose 执行数, 全年预算数 and printed 执行率 are the total's (the only source): the total's slip
    copied down — reported at the total, a judgement here. A row with figures of its own computes its own rate, and
    a wrong one is as certain as the total's (review round 14)."""
    return (
        ctx.number(row.executed) == ctx.number(total.executed)
        and ctx.number(row.full_budget) == ctx.number(total.full_budget)
        and row.rate.text.strip() == total.rate.text.strip()
    )


def _rate_finding(
    ctx: Context,
    row: FundsRow,
    rate: RateResult,
    read: str,
    read_en: str,
    fields: dict[str, str],
) -> Iterator[Finding]:
    """F04 on one row's printed 执行率: wrong at its printed precision (certain), or one unit off in its last
    printed place (a judgement: a rounding of rounded figures)."""
    certainty: Certainty | None = None  # a judgement when one of the excuses below applies
    if rate.ratio is None:  # callers pass a defined rate (ratio and percent are set together)
        return
    cell = row.rate
    reading = ctx.read_rate(cell, rate.percent)
    if reading.percent is None and damaged_number(ctx, cell):
        return  # ".95", "9 5%": C02's one finding (it may be the right rate; nothing here computes with a guess)
    exact = rate.ratio * 100
    last_place = ctx.rate_off_by_last_place(reading, exact)
    if (last_place or not ctx.rate_agrees(reading, exact)) and _consistent_as_printed(ctx, row, reading, exact):
        return
    if last_place or not ctx.rate_agrees(reading, exact):
        shown = "按打印的小数位" if reading.places is not None else "按规则集的小数位"
        how = "仅末位相差一个单位（可能由舍入后的数字再计算所致），需人工判断" if last_place else "四舍五入后与表中不符"
        if reading.whole:
            how += "；表中写成整数“" + cell.text + "”，也可能是比率四舍五入到整数，需人工判断"
        cap = ctx.settings.rate_cap * 100
        typed = ctx.parsed(cell)  # "1" typed as text is read as a fraction already: no second excuse on top
        text_fraction = isinstance(cell.raw, str) and typed.kind is ValueKind.NUMBER and (typed.number or 0) <= 1
        if reading.percent == cap < exact and not text_fraction:  # 105/100 printed "100%": the capped rate
            how += f"；表中执行率等于封顶值 {fmt_num(cap)}%（执行数超过预算数，有的表按封顶后的执行率填列），需人工判断"
            certainty = Certainty.JUDGEMENT
        if reading.percent is None:  # "9 5%", words: not a rate perfxl can read — whether it is the rate is a call
            how += f"；表中“{cell.text}”无法读取为比率，需人工核对"
            certainty = Certainty.JUDGEMENT
        on_initial = _agrees_with_initial(ctx, row, reading)
        if on_initial:
            how += "；按年初预算数计算则相符（有的监控表按年初预算数计算执行进度），需人工判断"
            certainty = Certainty.JUDGEMENT
        if _agrees_with_received(ctx, row, reading):
            how += f"；按到位资金 {row.received.text if row.received else ''} 计算则相符（有的表以执行数/到位资金计执行率），需人工判断"
            certainty = Certainty.JUDGEMENT
        exact_units = last_place or _counted_in_printed_units(ctx, row)
        printed = None if exact_units else ctx.rate_within_printed_amounts(reading, row.executed, rate_budget(ctx, row))
        slack_en = ""
        if printed is not None:
            how += (
                f"；但金额按打印的小数位（{row.executed.text}、{rate_budget(ctx, row).text}）可能是四舍五入后的值，"
                f"其所能代表的执行率在 {fmt_pct(printed[0])} 至 {fmt_pct(printed[1])} 之间，表中“{cell.text}”在此范围内"
                "（可能按未舍入的金额计算），需人工判断"
            )
            certainty = Certainty.JUDGEMENT
            slack_en = (
                f"; the amounts as printed may be rounded: they allow {fmt_pct(printed[0])} to {fmt_pct(printed[1])}"
            )
        typed_as = _typed_percent_places(cell, reading)
        if typed_as is not None and reading.percent == round_half_up(exact, typed_as):
            # 0.86 in a number cell for 86.20%: it agrees at the decimals typed, and the cell's display format
            # (0% or 0.00%) is not read — like a score typed 9.6 (Context.score_rounded_as_typed)
            how += f"；按所填的 {typed_as} 位小数（百分数）四舍五入则相符（单元格显示格式未读取），需人工判断"
            certainty = Certainty.JUDGEMENT
        yield ctx.finding(
            cell,
            expected=fmt_pct(rate.percent),
            actual=cell.text,
            reading=reading.note_zh,
            reading_en=reading.note_en,
            certainty=Certainty.JUDGEMENT if last_place or reading.whole else certainty,
            basis=f"{read}；计算：{fields['executed']}/{fields['budget']} = {fmt_num(exact, 6)}%，{shown}{how}",
            basis_en=f"{read_en}; computed {fmt_num(exact, 6)}%, which "
            + ("differs by one unit in the last printed place" if last_place else "does not round to the printed value")
            + slack_en,
            executed=fields["executed"],
            budget=fields["budget"],
        )


def _consistent_as_printed(ctx: Context, row: FundsRow, reading: RateReading, exact: Decimal) -> bool:
    """The printed rate is a quotient of values the amounts, printed with decimals and so rounded, may stand for ("0.92" │
    "5.00" │ "18.35%": 0.915 … 0.925 over 4.995 … 5.005 gives 18.28% … 18.52%; "68.34" │ "104.60" │ "65.34%" from 68.342;
    游仙 审计局 2023, tests/realworld): consistent at the precision each figure was printed with (the brief: a printed
    value is judged at its printed precision) — no finding; a 警告 naming the range before (gaps16). Not so:
    - amounts printed whole ("30" │ "278" │ "10.77%"): they may be exact (a whole 万元 allotted), a 警告 naming the range;
    - a table counting in the units it prints (`_counted_in_printed_units`), number cells (exact values);
    - the amounts' own quotient on a rounding tie at the rate's places ("1157.9" │ "2000" │ "57.89%": 57.895%): the
      printed rate is that quotient rounded another way than half up, no unrounded amount needed — one unit off."""
    amounts = [c for c in (row.executed, rate_budget(ctx, row)) if isinstance(c.raw, str)]
    if not any(printed_places(c.raw) for c in amounts) or _counted_in_printed_units(ctx, row):
        return False
    if reading.places is not None and (exact.scaleb(reading.places) % 1) == Decimal("0.5"):
        return False
    return ctx.rate_within_printed_amounts(reading, row.executed, rate_budget(ctx, row)) is not None


def _counted_in_printed_units(ctx: Context, row: FundsRow) -> bool:
    """The block's sources add up exactly to the total row's 全年预算数 and 全年执行数 as printed (宣城 2023: 102 │ 46
        under 148, 0 │ 46 under 46): the table counts in the units it prints — as docs/engine.md decides for sums, whole parts
        under a whole total count whole units — so its amounts are exact and a rate off their quotient stays certain. Only when
    two sources at least hold money in one of the columns: a single source equal to its total is the total again, it says
    nothing of the units the figures were counted in."""
    if row is not _total(ctx):
        return False
    sources = tuple(p for p in _top_sources(_parts(ctx)) if not p.within)
    if len(sources) < 2:
        return False
    if not any(sum(1 for p in sources if ctx.number(getattr(p, attr))) >= 2 for attr in ("full_budget", "executed")):
        return (
            False  # one source holding the whole total (游仙 2023: 5.00 │ 0.00 │ 0.00 │ 0.00) shows no unit counted in
        )
    for attr in ("full_budget", "executed"):
        total = ctx.number(getattr(row, attr))
        if total is None or _sum(ctx, sources, attr) != total:
            return False
    return True


def damaged_number(ctx: Context, cell: CellValue) -> bool:
    """Text holding a number that does not parse cleanly (".95", "9 5%"): C02 reports it, F04 does not guess."""
    return isinstance(cell.raw, str) and ctx.parsed(cell).damaged


def _typed_percent_places(cell: CellValue, reading: RateReading) -> int | None:
    """The decimals of the percent a number cell was typed with (0.897 → 1, 0.86 → 0, 0.1 → −1: the nearest 10%, as
    for the text "0.1"; 89.7 → 1); None for text."""
    places = typed_places(cell.raw)
    if places is None or reading.percent is None:
        return None
    if to_decimal(cell.raw) == reading.percent:  # 89.7 read as 89.7%
        return places
    return places - 2 if places >= 1 else 0  # 0.897 read as 89.7%


def _agrees_with_initial(ctx: Context, row: FundsRow, reading: RateReading) -> bool:
    """On a 执行监控表, a printed 1-X月执行率 that is the 执行数 over the 年初预算数 (some forms measure progress
    against the initial budget): not certainly wrong."""
    ev = ctx.evaluation
    if ev is None or ev.kind != "monitoring":
        return False
    executed, initial = ctx.number(row.executed), ctx.number(row.initial_budget)
    if executed is None or initial is None or initial <= 0:
        return False
    return ctx.rate_agrees(reading, executed / initial * 100)


def _agrees_with_received(ctx: Context, row: FundsRow, reading: RateReading) -> bool:
    """A printed 执行率 that is the row's 执行数 over its 到位资金, in a form printing that column (宁晋 2019: 预算安排 │
    实际到位金额 │ 实际支出金额; 执行率 = 支出/到位 on some forms): not certainly wrong — a 警告, as a monitoring
    form's rate over its 年初预算数 (`_agrees_with_initial`). A rate agreeing with neither stays an 错误."""
    if row.received is None:
        return False
    executed, received = ctx.number(row.executed), ctx.number(row.received)
    if executed is None or received is None or received <= 0:
        return False
    return ctx.rate_agrees(reading, executed / received * 100)


@check("F05")
def execution_score_matches(ctx: Context) -> Iterator[Finding]:
    """预算执行率得分 = min(cap, 执行率) × 分值 rounded to the profile's places (rate recomputed, not as typed); on a
    form scoring it as a 预算执行率 indicator row instead, that row's (`funds_indicator`)."""
    total, own_rate = _scored(ctx), _rate_printed_as_computed(ctx)
    for f in on_blank_initial(ctx, _execution_score_matches(ctx)):
        if own_rate and total is not None and f.ref == ctx.cell_ref(total.score):
            yield dataclasses.replace(f, basis=f.basis + _OWN_RATE_NOTE, basis_en=f.basis_en + _OWN_RATE_NOTE_EN)
        else:
            yield from on_initial_budget(ctx, iter((f,)))
    yield from rate_indicator_scores(ctx)


_OWN_RATE_NOTE = "；表中只有年初预算数，但所印执行率即按它算得的执行率，得分与表中执行率不符"
_OWN_RATE_NOTE_EN = (
    "; only the initial budget is printed, but the printed rate is the one it gives: the score contradicts it"
)


def _rate_printed_as_computed(ctx: Context) -> bool:
    """Only 年初预算数 printed, yet the scored row's printed 执行率 is exactly the rate its amounts give (45/45 │ 100%):
    a score off that rate contradicts the table's own 执行率 whichever budget the form meant, so it is no judgement on
    年初预算数 being the budget (济南 历城 2019 自评表: 执行率(B/A) over 年初预算数(A))."""
    total = _scored(ctx)
    if not initial_budget_only(ctx) or total is None or total.rate.sheet is None or ctx.is_blank(total.rate):
        return False
    rate = computed_rate(ctx, total)
    if rate is None or rate.ratio is None or rate.ratio > 1:
        # (46 spent of a 年初预算数 of 40: the cells show the year's budget was raised — the score may rest on it)
        return False
    printed = ctx.read_rate(total.rate, rate.ratio * 100).percent
    if printed is None or printed != rate.ratio * 100:
        return False
    # a score carrying words ("9（按调整后预算50万元计算）") or a note on the block naming another budget may be
    # counted over the 全年预算数 the form does not print: the table's rate is then not the one scored (review 11d)
    notes = [total.score.text, *_notes(ctx), *(c.text for c in _funds_score_headers(ctx))]
    return not _SCORE_NOTE.search(total.score.text) and not any(_OTHER_BUDGET.search(to_simplified(t)) for t in notes)


#: A note naming a budget other than the 年初预算数 printed: an adjustment, or the year's budget itself (全年预算数 50).
_OTHER_BUDGET = lazy_compile(_ADJUST.pattern + r"|全年预算|调整后预算")

#: Words in a score cell beside its figure (a note): anything but digits, a point, spaces and 分.
_SCORE_NOTE = lazy_compile(r"[^0-9.\s分]")


def _funds_score_headers(ctx: Context) -> tuple[CellValue, ...]:
    funds = ctx.evaluation.funds if ctx.evaluation is not None else None
    return funds.score_headers if funds is not None else ()


def _execution_score_matches(ctx: Context) -> Iterator[Finding]:
    total = _scored(ctx)
    if total is None:
        return
    yield from _part_scores(ctx, total)
    weight = ctx.number(total.weight)
    executed, budget = ctx.number(total.executed), ctx.number(rate_budget(ctx, total))
    if weight is not None and not budget and not executed:
        yield from _score_from_parts(ctx, total, weight)
        return
    if weight is None or executed is None or budget is None:
        return
    result = execution_score(executed, budget, weight, ctx.profile)
    if result.score is None or ctx.is_error(total.score):
        return
    reported = ctx.number(total.score)
    if reported is None and not ctx.is_blank(total.score):
        # text perfxl cannot read as a score ("1O", "满分"): C02's finding; the score is not known to be wrong
        ctx.skip(
            f"预算执行率得分“{total.score.text}”无法读取为数值，未核对",
            f"the budget execution score {total.score.text!r} cannot be read as a figure; not checked",
        )
        return
    method = _stated_method(ctx)
    if ctx.score_agrees(total.score, reported, result):
        yield from _last_place(ctx, total, weight, reported, result, method)
        return
    typed = ctx.score_rounded_as_typed(total.score, reported, result)
    note, note_en = ctx.rounding_note(typed)
    split = _split_score(ctx, total, weight, reported)
    if split:
        note += f"；各来源分值之和等于合计行分值，其得分之和 {split} 等于表中得分：表可能按来源分配分值，需人工判断"
        note_en += f"; the sources' weights add up to the total's and their scores to {split}, the printed score"
    if method:
        note += _METHOD_NOTE.format(method=method)
        note_en += _METHOD_NOTE_EN.format(method=method)
    unfilled = reported is None  # a score left blank is unfilled, not a wrong figure: a person completes it (警告)
    if unfilled:
        note += "；得分未填写，不是填错"
        note_en += "; the score is blank: unfilled, not wrong"
    yield ctx.finding(
        total.score,
        expected=result.score,
        actual=total.score.text or BLANK,
        explanation=result.explanation,
        explanation_en=result.explanation_en,
        basis=f"读取：全年执行数 {total.executed.text}，{budget_name(ctx)} {rate_budget(ctx, total).text}，分值 "
        f"{total.weight.text}，得分“{total.score.text}”；计算：{result.explanation}{note}",
        basis_en=f"read executed {total.executed.text}, budget {total.full_budget.text}, weight "
        f"{total.weight.text}, score {total.score.text!r}; computed: {result.explanation_en}{note_en}",
        certainty=Certainty.JUDGEMENT if typed is not None or split or method or unfilled else None,
    )


_METHOD_NOTE = (
    "；表中写明了计分方法“{method}”，得分未必按执行率×分值计算（本工具按执行率×分值核对），需人工按该方法判断"
)
_METHOD_NOTE_EN = "; the table states its own scoring method ({method!r}): the score need not be rate × weight"


def _stated_method(ctx: Context) -> str:
    """The scoring method the funds block's 分值/执行率/得分 header or a note under the table states, other than 执行率 ×
    分值 ("得分(区间计分)", "执行率低于60%不得分", "90%以上得满分"), read as a 预算执行率 row's 评分标准 is
    (`funds_indicator.stated_method`); "" when none. perfxl's 执行率 × 分值 is then an assumption, not the table's rule."""
    funds = ctx.evaluation.funds if ctx.evaluation is not None else None
    if funds is None:
        return ""
    return stated_method(ctx, funds.score_headers, (*funds.breakdown, *ctx.ev.remarks))


def _last_place(
    ctx: Context, total: FundsRow, weight: Decimal, reported: Decimal | None, result: Any, method: str = ""
) -> Iterator[Finding]:
    """A score within the tolerance yet off the exact figure at its printed decimals (2.16 for 2.1548): certain when
    no rate that prints as the row's 执行率 gives it (`score_precision`), else a judgement (a rounded rate used)."""
    places = shown_places(total.score.raw)
    if reported is None or places is None or result.ratio is None:
        return
    exact = result.exact if result.exact is not None else result.score
    shown = round_half_up(exact, places)
    if reported == shown:
        return
    hidden = ctx.hidden_score_digits(total.score)
    if hidden is not None and hidden == ctx.round_score(exact):  # off only in digits a format hides: a 警告
        reachable = None
        note, note_en = ctx.hidden_digits_note(total.score, hidden, exact)
    elif (reachable := reachable_from_printed_rate(ctx, total, weight, result.ratio * 100)) is False:
        note = f"；表中执行率 {total.rate.text} 按其小数位所能代表的任何值 ×{fmt_num(weight)} 都四舍五入不到 {total.score.text}"
        note_en = f"; no rate that prints as {total.rate.text} gives {total.score.text}"
    else:
        note = "；仅末位相差一个单位（可能按舍入后的执行率计算），需人工判断"
        note_en = "; one unit off in the last printed place (a rounded rate may have been used): a person judges"
    if method:
        note += _METHOD_NOTE.format(method=method)
        note_en += _METHOD_NOTE_EN.format(method=method)
    yield ctx.finding(
        total.score,
        expected=shown,
        actual=total.score.text,
        explanation=result.explanation,
        explanation_en=result.explanation_en,
        basis=f"读取：全年执行数 {total.executed.text}，{budget_name(ctx)} {rate_budget(ctx, total).text}，分值 {total.weight.text}，"
        f"得分“{total.score.text}”；计算：{result.explanation}，按得分的 {places} 位小数为 {fmt_num(shown)}{note}",
        basis_en=f"read executed {total.executed.text}, budget {total.full_budget.text}, weight {total.weight.text}, "
        f"score {total.score.text!r}; computed: {result.explanation_en}{note_en}",
        certainty=None if reachable is False and not method else Certainty.JUDGEMENT,
    )


def _split_score(ctx: Context, total: FundsRow, weight: Decimal, reported: Decimal | None) -> str:
    """The sources' own 分值 adding up to the total's and their 得分 to the total's printed 得分 (部门整体: 基本支出 5 │
    项目支出 5 of 10): the form shares the score out by source, another reading of its own figures (review 9). The
    sum's text, or "" when the sources do not split it so."""
    scored = [p for p in _parts(ctx) if p is not total and ctx.number(p.weight) is not None]
    scores = [ctx.number(p.score) for p in scored]
    if reported is None or len(scored) < 2 or any(v is None for v in scores):
        return ""
    weights = sum((ctx.number(p.weight) or Decimal(0) for p in scored), Decimal(0))
    points = sum((v for v in scores if v is not None), Decimal(0))
    if abs(weights - weight) > ctx.tol_score or abs(points - reported) > ctx.tol_score:
        return ""
    return fmt_num(points)


def _score_from_parts(ctx: Context, total: FundsRow, weight: Decimal) -> Iterator[Finding]:
    """年度资金总额 left at 0 (or blank) while its sources hold money: the score the sources give, as a judgement
    (which line the form meant is for a person to say)."""
    parts = _parts(ctx)
    budgets = [v for v in (ctx.number(rate_budget(ctx, p)) for p in parts) if v is not None]
    spent = [v for v in (ctx.number(p.executed) for p in parts) if v is not None]
    if not budgets or not sum(budgets, Decimal(0)) or ctx.is_error(total.score):
        return
    budget, executed = sum(budgets, Decimal(0)), sum(spent, Decimal(0))
    result = execution_score(executed, budget, weight, ctx.profile)
    reported = ctx.number(total.score)
    if result.score is None or ctx.score_agrees(total.score, reported, result):
        return
    yield ctx.finding(
        total.score,
        expected=result.score,
        actual=total.score.text or BLANK,
        explanation=f"年度资金总额行为 {total.full_budget.text or '空'}，按各来源合计 {result.explanation}",
        explanation_en=f"the total row is empty; by the sum of the sources: {result.explanation_en}",
        certainty=Certainty.JUDGEMENT,
        basis=f"读取：年度资金总额行 全年预算数“{total.full_budget.text}”、全年执行数“{total.executed.text}”，"
        f"各来源合计 {fmt_num(budget)} / {fmt_num(executed)}；计算：{result.explanation}",
        basis_en=f"read an empty total row; the sources add up to {fmt_num(budget)} / {fmt_num(executed)}; "
        f"computed: {result.explanation_en}",
    )


def _part_scores(ctx: Context, scored: FundsRow) -> Iterator[Finding]:
    """A source row (其中：当年财政拨款) that prints its own 分值 and 得分: its score checked by its own figures. Whether
    the form counts the row in 总分 does not change its arithmetic: a 得分 its own 分值, 执行数 and 预算数 contradict
    is certain (corpus: 裕安区 文物保护 2022 repeats 分值 9 │ 得分 8 for 9 × 27.8/29 = 8.63), unless it agrees at the
    places it was typed with (a judgement, as on the total row)."""
    for row in _parts(ctx):
        if row is scored:
            continue
        copied = _repeats_total_score(ctx, row, scored)
        weight, executed, budget = ctx.number(row.weight), ctx.number(row.executed), ctx.number(rate_budget(ctx, row))
        reported = ctx.number(row.score)
        if weight is None or executed is None or budget is None or reported is None or ctx.is_error(row.score):
            continue
        result = execution_score(executed, budget, weight, ctx.profile)
        if result.score is None or ctx.score_agrees(row.score, reported, result):
            continue
        typed = ctx.score_rounded_as_typed(row.score, reported, result)
        note, note_en = ctx.rounding_note(typed)
        if copied:
            note += "；该行分值、得分与合计行相同，可能是合计行得分的重复填写（表只对合计行计分），需人工判断"
            note_en += "; the row repeats the total's weight and score (the form may score only the total row)"
        yield ctx.finding(
            row.score,
            expected=result.score,
            actual=row.score.text,
            explanation=f"“{row.label.text}”行 {result.explanation}",
            explanation_en=f"{row.label.text}: {result.explanation_en}",
            certainty=Certainty.JUDGEMENT if typed is not None or copied else None,
            basis=f"读取：“{row.label.text}”行 {budget_name(ctx)} {rate_budget(ctx, row).text}，全年执行数 {row.executed.text}，"
            f"分值 {row.weight.text}，得分“{row.score.text}”；计算：{result.explanation}{note}",
            basis_en=f"read the {row.label.text} row; computed: {result.explanation_en}{note_en}",
        )


def _repeats_total_score(ctx: Context, row: FundsRow, total: FundsRow) -> bool:
    """A source row with figures of its own whose 分值 and 得分 are the total row's: the total's score copied into each
    row (filers fill it down; a converted merged score cell lands in every row). Its score may be the total's, judged at
    the total: against the row's own figures a judgement (review 9). A row repeating the total's figures too stays
    certain (裕安区 2022)."""
    return (
        ctx.number(row.weight) == ctx.number(total.weight)
        and ctx.number(row.score) == ctx.number(total.score)
        and (ctx.number(row.executed), ctx.number(row.full_budget))
        != (ctx.number(total.executed), ctx.number(total.full_budget))
    )


def _declared_by_header(row: FundsRow) -> bool:
    """The row's 分值 is the one the block's header declares (no 分值 column): it sits on another row."""
    weight, label = row.weight, row.label
    return weight.sheet is not None and label.sheet is not None and weight.r != label.r


@check("F06")
def budget_weight_default(ctx: Context) -> Iterator[Finding]:
    """预算执行率分值 equals the profile's default (10, Hubei 20)."""
    total = _scored(ctx)
    if total is None:
        return
    weight = ctx.number(total.weight)
    default = ctx.settings.budget_weight
    if _declared_by_header(total):
        return  # "预算执行情况(20分)" printed in the form's header is its template's weight, not an adjustment
    if weight is not None and weight != default:  # the profile always sets weights.budget
        yield ctx.finding(total.weight, expected=default, actual=weight)


@check("F07")
def low_rate_explained(ctx: Context) -> Iterator[Finding]:
    """执行率 below the threshold (90%) needs a reason written near the funds block."""
    total = _total(ctx)
    rate = computed_rate(ctx, total) if total else None
    threshold = Decimal(str(ctx.param("threshold", 90)))
    if total is None or rate is None or rate.percent is None or rate.percent >= threshold:
        return
    if any(_REASON.search(to_simplified(t)) for t in _notes(ctx)):  # "由於…影響" is 由于…影响
        return
    yield ctx.finding(
        total.rate if total.rate.sheet is not None else total.executed,
        expected=f"{fmt_num(threshold)}%",
        actual=fmt_pct(rate.percent),
    )


@check("F08")
def adjustment_explained(ctx: Context) -> Iterator[Finding]:
    """全年预算数 ≠ 年初预算数 → the adjustment (追加/调减) is explained."""
    ev = ctx.ev
    if ev.funds is None:
        return
    for row in ([ev.funds.total] if ev.funds.total else []) + list(ev.funds.parts):
        initial, full = ctx.number(row.initial_budget), ctx.number(row.full_budget)
        if initial is None or full is None or abs(initial - full) <= ctx.tol_money:
            continue
        if not any(_ADJUST.search(t) for t in _notes(ctx)):
            yield ctx.finding(row.full_budget, expected=initial, actual=full)
        return  # one finding per block: the total row carries it


def _duty_unit_factor(ev: Any) -> Decimal:
    """What one 预算金额 of the duties list is in the funds block's unit: 预算金额(元) under a 年度预算安排(万元) is 0.0001."""
    if not ev.duties_unit or ev.funds is None:
        return Decimal(1)
    conv = convert(Decimal(1), ev.duties_unit, ev.funds.unit)
    return conv.value if conv.ok and conv.value is not None else Decimal(1)


def _repeated_duties(ctx: Context, ev: Any) -> dict[str, Decimal]:
    """Items printed with the same amount under more than one duty ("地情经费 │ 60.8" twice): item → the amount the
    repeats add (one spending item serving two duties may be the same money listed twice)."""
    seen: dict[tuple[str, str], list[CellValue]] = {}
    for item, amount in ev.duties:
        key = (item.text.strip(), amount.text.strip())
        if key[0]:
            seen.setdefault(key, []).append(amount)
    out: dict[str, Decimal] = {}
    for (item, text), cells in seen.items():
        value = ctx.number(cells[0]) if len(cells) > 1 else None
        if value is not None:
            out[f"{item} {text} ×{len(cells)}"] = value * (len(cells) - 1)
    return out


@check("F10")
def duties_within_total(ctx: Context) -> Iterator[Finding]:
    """年度履职目标 (福建 部门整体支出绩效目标表): the 预算金额 of the spending items the duties need split the year's
    funds, so they add up to no more than the 年度资金总额 — above it is certain; below it a judgement (the list may name
    only the items tied to a duty)."""
    ev, total = ctx.evaluation, _total(ctx)
    if ev is None or not ev.duties or total is None:
        return
    cell = total.full_budget
    reported = ctx.number(cell)
    factor = _duty_unit_factor(ev)
    amounts = [None if (v := ctx.number(a)) is None else v * factor for _, a in ev.duties]
    if reported is None or any(v is None for v in amounts):
        ctx.skip("年度履职目标的预算金额或资金总额无法读取，未核对其合计", "a duty amount or the total cannot be read")
        return
    found = sum((v for v in amounts if v is not None), Decimal(0))
    if ctx.sum_agrees(cell, found):
        return
    over = found > reported
    rounded = over and not ctx.beyond_rounding((found - reported) / factor, cell, [a for _, a in ev.duties])
    repeats = _repeated_duties(ctx, ev)
    repeated = over and bool(repeats) and found - sum(v * factor for v in repeats.values()) <= reported + ctx.tol_money
    listed = " + ".join(a.text for _, a in ev.duties)
    parts = {p.label.text.strip(): p.full_budget for p in (ev.funds.parts if ev.funds else ())}
    at: CellValue = cell  # the total; or the one item whose figure the funds block contradicts, when it is the cause
    clashes = []
    for item, amount in ev.duties:
        part = parts.get(item.text.strip())
        own, theirs = ctx.number(amount), None if part is None else ctx.number(part)
        if part is None or own is None or theirs is None or own == theirs:
            continue
        clashes.append(f"“{item.text.strip()}”{amount.text}（资金表中为 {part.text}）")
        if abs(found - own * factor + theirs - reported) <= ctx.tol_money:
            at = amount  # 基本支出 171.41 where the block says 110.61: with 110.61 the items add up
    unit = ev.funds.unit if ev.funds else ""
    converted = f"（预算金额以{ev.duties_unit}填列，折合 {fmt_num(found)} {unit}）" if factor != 1 else ""
    basis = f"读取：年度履职目标预算金额 {listed} = {fmt_num(found)}{converted}，年度资金总额 {cell.text}"
    if repeated:
        basis += (
            "；同一支出项目在多个履职目标下重复列出相同金额（"
            + "、".join(repeats)
            + "），可能是同一笔资金重复列示，需人工判断"
        )
    if clashes:
        basis += "；同名支出项目金额不一致：" + "、".join(clashes)
    if not over:
        basis += "；履职目标可能只列出与职能对应的支出项目，是否须覆盖全部预算请人工判断"
    elif rounded:
        basis += f"；{ROUNDED_ZH}"
    yield ctx.finding(
        at,
        expected=cell.text,
        actual=fmt_num(found),
        relation="超过" if over else "小于",
        relation_en="exceeds" if over else "is below",
        certainty=None if over and not rounded and not repeated else Certainty.JUDGEMENT,
        basis=basis,
        basis_en=f"read duty amounts {listed} = {fmt_num(found)} against the total {cell.text}"
        + ("" if over else "; the list may name only the items tied to a duty: a person judges")
        + (f"; {ROUNDED_EN}" if over and rounded else ""),
        related=tuple(c.located() for c in (cell, *(a for _, a in ev.duties)) if c.sheet is not None and c is not at),
    )
