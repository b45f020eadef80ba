"""R-D-xx checks (codes B01…B19): 基础数据表 arithmetic and its consistency with the 自评表.

财预〔2013〕53号 附件2 formulas; Hunan 评分表 deductions from the profile's [department.*] tables.
The 基础数据表 has no score cells, so the deduction checks report the rate and the score it earns,
scored by `perfxl.scoring` (the engine's one implementation of those standards).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from perfxl import rates, scoring
from perfxl.chinese import to_simplified
from perfxl.model import AmountRow, CellValue, Certainty, ChangeLine, Finding, Staffing
from perfxl.numbers import HUNDRED, ZERO, printed_places
from perfxl.patterns import lazy_compile
from perfxl.profiles import Profile
from perfxl.rates import RateResult
from perfxl.scoring_result import ScoreResult
from perfxl.units import convert
from perfxl.values import ValueKind, normalise_text, printed_sign

from .catalogue import check
from .context import Context, RateReading, compact, fmt_num, fmt_pct
from .funds import damaged_number, rounded_sum

_COLUMNS = (("prev_final", "上年决算数"), ("budget", "本年预算数"), ("final", "本年决算数"))


def _column_name(ctx: Context, index: int) -> str:
    years = ctx.basic.years
    return years[index] if index < len(years) and years[index] else _COLUMNS[index][1]


class _RowRate(NamedTuple):
    row: AmountRow
    budget: Decimal
    final: Decimal
    rate: RateResult
    percent: Decimal  # rate.percent, defined (a `_RowRate` is made only for a defined rate)


def _row_rate(ctx: Context, key: str, rate_of: Callable[[Decimal, Decimal, Any], RateResult]) -> _RowRate | None:
    """The 基础数据表 row `key`, its 本年预算数/本年决算数 and `rate_of(final, budget, profile)`.

    None when the row or either number is missing or the rate is undefined: nothing to check then.
    """
    row = ctx.basic.row(key)
    if row is None:
        return None
    budget, final = ctx.number(row.budget), ctx.number(row.final)
    if budget is None or final is None:
        return None
    rate = rate_of(final, budget, ctx.profile)
    return None if rate.percent is None else _RowRate(row, budget, final, rate, rate.percent)


def _adjustment_rate(final: Decimal, budget: Decimal, profile: Profile) -> RateResult:
    """预算调整率 of 本年预算数 → 本年决算数 (argument order of `_row_rate`)."""
    return rates.budget_adjustment_rate(budget, final, profile)


_FRACTION = lazy_compile(r"\s*(\d+(?:\.\d+)?)\s*[/／]\s*(\d+(?:\.\d+)?)\s*", needs=("/", "／"))


def _rate_mismatch(ctx: Context, cell: CellValue, rate: RateResult) -> tuple[bool, str, str]:
    """(differs, note_zh, note_en) comparing a typed rate cell with a RateResult. A rate printed as the
    fraction itself ("30/32": 实有 over 编制) is compared exactly; a damaged number (".9375") is C02's."""
    if rate.percent is None or rate.ratio is None or ctx.is_blank(cell) or ctx.is_error(cell):
        return False, "", ""
    if isinstance(cell.raw, str) and (m := _FRACTION.fullmatch(normalise_text(cell.raw))):
        num, den = Decimal(m.group(1)), Decimal(m.group(2))
        if not den:
            return False, "", ""
        exact = num / den * HUNDRED
        note = f"（即 {fmt_num(exact, 6)}%）"
        return abs(exact - rate.ratio * HUNDRED) > ctx.tol_rate, note, f" (= {fmt_num(exact, 6)}%)"
    reading = ctx.read_rate(cell, rate.percent)
    if reading.percent is None and damaged_number(ctx, cell):
        return False, "", ""
    differs = not ctx.rate_agrees(reading, rate.ratio * HUNDRED)
    return differs, reading.note_zh, reading.note_en


def _unreadable_rate(ctx: Context, cell: CellValue) -> bool:
    """A printed rate that is neither a percent, a number nor a fraction ("9 3.75%"): compared, as a judgement."""
    return (
        isinstance(cell.raw, str)
        and not _FRACTION.fullmatch(normalise_text(cell.raw))
        and ctx.read_rate(cell, None).percent is None
    )


def _per_point(ctx: Context, section: str, result: ScoreResult) -> Decimal | None:
    """`scoring.deduction_per_point` of a department score; None when the profile's weight is invalid (the
    score could not be computed: there is no weight to take a share of)."""
    if result.weight is None:
        return None
    return scoring.deduction_per_point(section, result.weight, ctx.profile)


def _staffing(ctx: Context) -> tuple[Staffing, Decimal, Decimal] | None:
    """(staffing block, 编制数, 实际在职人数), or None when the block or either number is missing."""
    st = ctx.basic.staffing
    if st is None:
        return None
    est, act = ctx.number(st.establishment), ctx.number(st.actual)
    return None if est is None or act is None else (st, est, act)


@check("B01")
def staff_control_rate(ctx: Context) -> Iterator[Finding]:
    """控制率 = 实际在职人数 / 编制数 × 100%, as typed, within the rate tolerance."""
    found = _staffing(ctx)
    if found is None:
        return
    st, est, act = found
    rate = rates.staff_control_rate(act, est, ctx.profile)
    differs, note, note_en = _rate_mismatch(ctx, st.control_rate, rate)
    if differs and rate.ratio is not None:  # differs only on a defined rate
        unreadable = _unreadable_rate(ctx, st.control_rate)
        yield ctx.finding(
            st.control_rate,
            expected=fmt_pct(rate.percent),
            actual=st.control_rate.text,
            actual_staff=act,
            establishment=est,
            reading=note,
            reading_en=note_en,
            basis=f"读取：编制数 {st.establishment.text}，实际在职人数 {st.actual.text}，控制率“{st.control_rate.text}”；"
            f"计算：{fmt_num(act)}/{fmt_num(est)} = {fmt_num(rate.ratio * HUNDRED, 6)}%，"
            + (
                f"表中“{st.control_rate.text}”无法读取为比率，需人工核对"
                if unreadable
                else "按打印的小数位四舍五入后与表中不符"
            ),
            certainty=Certainty.JUDGEMENT if unreadable else None,
            basis_en=f"read establishment {st.establishment.text}, staff {st.actual.text}, rate "
            f"{st.control_rate.text!r}; computed {fmt_num(rate.ratio * HUNDRED, 6)}%",
        )


@check("B02")
def over_establishment(ctx: Context) -> Iterator[Finding]:
    """实际在职人数 > 编制数 (超编): report the rate and the 在职人员控制率 score it earns."""
    found = _staffing(ctx)
    if found is None or found[2] <= found[1]:
        return
    st, est, act = found
    rate = rates.staff_control_rate(act, est, ctx.profile)
    result = scoring.staff_control_score(act, est, profile=ctx.profile)
    per_point = _per_point(ctx, "staff_control", result)
    # 编制数 0: a unit with no 核定编制 (all 编外) or the figure not filled — no rate, so a person judges
    no_establishment = not est
    basis, basis_en = _staffing_basis(st, est, act, no_establishment)
    yield ctx.finding(
        st.actual,
        expected=est,
        actual=act,
        rate=fmt_pct(rate.percent),
        weight=result.weight,
        per_point=fmt_num(per_point),
        score=fmt_num(result.score),
        certainty=Certainty.JUDGEMENT if basis else None,
        basis=basis,
        basis_en=basis_en,
    )


def _staffing_basis(st: Staffing, est: Decimal, act: Decimal, no_establishment: bool) -> tuple[str, str]:
    """Why B02 is a judgement, or ("", "") when the cells make it certain: an establishment of 0 gives no rate; a 基本概况
    table's "人员编制 │ 实有人数" line may count 编外/临聘 staff in 实有 and only 行政 or 事业 posts in 编制, which such a
    table does not say."""
    if no_establishment:
        return (
            f"读取：编制数 {st.establishment.text}，实际在职人数 {st.actual.text}；编制数为 0，控制率无法计算"
            "（可能未核定编制或未填写），是否超编需人工判断",
            f"read establishment {st.establishment.text}, staff {st.actual.text}; an establishment of 0 gives "
            "no rate (none approved, or not filled): a person judges",
        )
    if st.overview:
        return (
            f"读取：基本概况表中人员编制 {st.establishment.text}，实有人数 {st.actual.text}"
            f"（多 {fmt_num(act - est)} 人）；该表未说明实有人数是否只计编制内人员（可能含编外、临聘人员），"
            "编制数也可能只是行政或事业编制，是否超编需人工核对",
            f"read from an overview table: establishment {st.establishment.text}, staff {st.actual.text} "
            f"({fmt_num(act - est)} more); the table does not say whether the staff count holds only staff on the "
            "establishment (it may include contract staff): a person judges",
        )
    return "", ""


def _unread_among(ctx: Context, parent: AmountRow) -> AmountRow | None:
    """A row with no standard name printed among `parent`'s items (after it, before the next row that is not one of
    its named descendants): "公务用车运行费" in a wording perfxl does not know may be one of the parts, so a sum
    over the named parts alone is not certain (review round 17)."""
    rows = ctx.basic.rows
    if parent not in rows:
        return None
    family = {parent.key}
    last = parent  # the named row above: an unnamed row stands at its level (after 公车购置 it is 公务用车's part)
    for row in rows[rows.index(parent) + 1 :]:
        if row.key and row.parent in family:
            family.add(row.key)
            last = row
        elif row.key:
            return None  # the next section of the form (出国经费 after 公务用车's parts, 项目支出 after 三公)
        elif not row.parent and (last is parent or last.parent == parent.key):
            return row
    return None


#: The parts a “三公”经费 table's total is the sum of (公务用车's may stand as its two parts, 购置费 │ 运行费).
_THREE_PUBLIC_PARTS = {
    "three_public": (("overseas", "因公出国(境)费"), ("reception", "公务接待费"), ("car", "公务用车购置及运行维护费")),
    "car": (("car_purchase", "公务用车购置费"), ("car_running", "公务用车运行维护费")),
}


def _items_not_printed(ctx: Context, parent: AmountRow) -> str:
    """The names of `parent`'s parts a “三公”经费 table (source "three_public") does not print, "、"-joined; "" when it
    prints them all or is a 基础数据表 (whose form prints every row). A table on its own may leave an item out (no
    因公出国 column, 公务用车运行费 without its 购置费): a sum over the parts it prints is then no certain 错误."""
    if ctx.basic.source != "three_public":
        return ""
    keys = {r.key for r in ctx.basic.rows if r.key}
    return "、".join(
        name
        for key, name in _THREE_PUBLIC_PARTS.get(parent.key, ())
        if key not in keys and not (key == "car" and {"car_purchase", "car_running"} <= keys)
    )


def _unreadable(ctx: Context, cell: CellValue) -> bool:
    """A cell filled with what perfxl reads as no figure and no Excel error ("1.1O31", "1E+309"): C02 reports it; a sum
    over it is unknown — coverage, not the filer's 错误 (polish14). An error value (#REF!) stays the sum's finding."""
    return ctx.number(cell) is None and not ctx.is_blank(cell) and not ctx.is_error(cell)


def _agrees_with_blank_parts_own(
    ctx: Context, children: tuple[AmountRow, ...], attr: str, equal: tuple[str, ...], cell: CellValue
) -> bool:
    """True when a total over a part left blank agrees once that part is taken as the sum of its own printed parts
    (公务用车购置及运行维护费 blank over 购置费 2 │ 运行维护费 4, itself `equal` to them): "三公经费 10 = 1 + 3 + (2 + 4)"
    was a 警告 "应为分项之和 4" on a 合计 that agrees — the blank total is B03's own 警告 on its row (review15); another
    blank part with no parts of its own adds nothing, as a blank part does where the printed ones make the total. Only
    to clear a sum: a total that fails even so keeps the blank-part 警告 (the part's figure is reconstructed)."""
    value = ctx.number(cell)
    parts = [_part(ctx, c, attr, equal) for c in children]
    if value is None:
        return False
    total = sum((p for p in parts if p is not None), ZERO)
    return abs(value - total) <= ctx.tol_money or ctx.total_as_printed(cell, total)


def _part(ctx: Context, row: AmountRow, attr: str, equal: tuple[str, ...]) -> Decimal | None:
    """A part's figure in a sum: its own, or — a part left blank that is itself the sum of the form's named parts
    (`equal`: 公务用车购置及运行维护费 = 购置费 + 运行维护费) with each of those printed — theirs."""
    cell = getattr(row, attr)
    value = ctx.number(cell)
    if value is not None or row.key not in equal or not ctx.is_blank(cell) or ctx.is_error(cell):
        return value
    own = [ctx.number(getattr(g, attr)) for g in ctx.basic.children(row.key) if g.key]
    return sum((p for p in own if p is not None), ZERO) if own and None not in own else None


def _row_sums(
    ctx: Context, parent: AmountRow, compare: str, *, named: bool = False, equal: tuple[str, ...] = ()
) -> Iterator[Finding]:
    children = ctx.basic.children(parent.key)
    unread = None
    if compare == "eq" or named:
        # an equality (三公 = 车 + 出国 + 接待), or a certain bound, holds over the form's named items only: a
        # free-form row the reader placed under the parent ("1、业务工作专项" after an unrecognised "项目支出:") is
        # not one of them
        children = tuple(c for c in children if c.key)
        if compare == "eq":
            unread = _unread_among(ctx, parent)
    for index, (attr, _) in enumerate(_COLUMNS):
        parts = [ctx.number(getattr(c, attr)) for c in children]
        known = [p for p in parts if p is not None]
        if not known:
            continue
        total = sum(known, ZERO)
        cell: CellValue = getattr(parent, attr)
        value = ctx.number(cell)
        if value is None and ctx.is_blank(cell) and not ctx.is_error(cell):
            if compare == "eq":
                # a part itself left blank over its own printed parts counts as their sum (徐圩乡 2020, held-out 29: 合计
                # blank over 0 + 11.52 + 公务用车 blank over 10 + 25 is 46.52, not the 11.52 printed beside it)
                total = sum((p for c in children if (p := _part(ctx, c, attr, equal)) is not None), ZERO)
            if total == 0:
                continue  # "—" over items that are all 0: nothing is missing
            # a total left blank above filled items is unfilled, not smaller: a person completes it (警告)
            yield ctx.finding(
                cell,
                expected=total if compare == "eq" else f"≥ {fmt_num(total)}",
                actual="（空）",
                column=_column_name(ctx, index),
                row=parent.label.text,
                what=f"{_column_name(ctx, index)}：“{parent.label.text}”未填写，其分项合计 {fmt_num(total)}",
                what_en=f"{parent.label.text} is blank while its items add to {fmt_num(total)}",
                certainty=Certainty.JUDGEMENT,
                basis=f"读取：“{parent.label.text}”{_column_name(ctx, index)}为空，分项合计 {fmt_num(total)}；"
                "总数未填写，不是填错",
                basis_en=f"the total is blank, its items add to {fmt_num(total)}; unfilled, not wrong",
            )
            continue
        if _unreadable(ctx, cell) or (compare == "eq" and any(_unreadable(ctx, getattr(c, attr)) for c in children)):
            continue  # a damaged figure ("1.1O31", C02's) in the total or a part: perfxl could not read it, no 错误 of the sum
        bad = value is None or (
            abs(value - total) > ctx.tol_money and not ctx.total_as_printed(cell, total)
            if compare == "eq"
            else total > value + ctx.tol_money and not ctx.total_as_printed(cell, total)
        )
        if bad and unread is not None and value is not None:
            extra = ctx.number(getattr(unread, attr))
            if extra is not None and abs(value - total - extra) <= ctx.tol_money:
                continue  # the unrecognised row is the missing part: the sum holds with it
        missing = _items_not_printed(ctx, parent) if compare == "eq" else ""
        if bad and missing and value is not None:
            # a “三公”经费 table need not print every item (no 因公出国 column): its 合计 may hold the one left out
            yield ctx.finding(
                cell,
                expected=f"{fmt_num(total)}（表中未列出“{missing}”）",
                actual=cell.text,
                column=_column_name(ctx, index),
                row=parent.label.text,
                certainty=Certainty.JUDGEMENT,
                basis=f"读取：“{parent.label.text}”{cell.text}，表中列出的分项合计 {fmt_num(total)}；表中未列出“"
                f"{missing}”，合计可能含未列出的分项，需人工核对",
                basis_en=f"the printed parts add to {fmt_num(total)}; the table prints no {missing!r}, which the total "
                "may hold",
            )
            continue
        blank = [c for c in children if ctx.is_blank(getattr(c, attr)) and not ctx.is_error(getattr(c, attr))]
        if bad and blank and value is not None and _agrees_with_blank_parts_own(ctx, children, attr, equal, cell):
            continue
        if bad and compare == "eq" and blank and value is not None and value > total:
            # a part left blank ("公务接待费 │ (空)") is no 0 unless the form says so: it may hold the difference, so
            # the printed parts are a lower bound of the total (a total below them stays certain) — gaps14
            names = "、".join(f"“{c.label.text.strip()}”" for c in blank)
            yield ctx.finding(
                cell,
                expected=f"{fmt_num(total)}（{names}未填写，未计入）",
                actual=cell.text,
                column=_column_name(ctx, index),
                row=parent.label.text,
                certainty=Certainty.JUDGEMENT,
                basis=f"读取：“{parent.label.text}”{cell.text}，已填分项合计 {fmt_num(total)}；{names}"
                f"{_column_name(ctx, index)}未填写，空白不按 0 计，差额 {fmt_num(value - total)} 可能就是未填的分项；"
                "已填分项合计只是合计的下限，需人工核对",
                basis_en=f"the filled parts add to {fmt_num(total)}; {len(blank)} part(s) are blank, not read as 0: "
                "the difference may be theirs (the filled parts are a lower bound)",
            )
            continue
        if bad and unread is not None:
            # an item in a wording perfxl does not know sits among the parts: it may be one of them (a judgement)
            yield ctx.finding(
                cell,
                expected=f"{fmt_num(total)}（不含未识别的行“{unread.label.text.strip()}”）",
                actual=cell.text or "（空）",
                column=_column_name(ctx, index),
                row=parent.label.text,
                certainty=Certainty.JUDGEMENT,
                basis=f"读取：“{parent.label.text}”{cell.text}，已识别分项合计 {fmt_num(total)}；其间的“"
                f"{unread.label.text.strip()}”不是标准行名称，可能也是分项，需人工核对",
                basis_en=f"the recognised parts add to {fmt_num(total)}; the row {unread.label.text.strip()!r} "
                "between them is not a standard row and may be one of the parts",
            )
        elif bad:
            note = _note_on(ctx, children) if named and compare == "le" else None
            items = [getattr(c, attr) for c in children]
            if value is not None and note is None and not ctx.beyond_rounding(value - total, cell, items):
                yield rounded_sum(
                    ctx,
                    cell,
                    total,
                    items,
                    total if compare == "eq" else f"≥ {fmt_num(total)}",
                    column=_column_name(ctx, index),
                    row=parent.label.text,
                    what=f"{_column_name(ctx, index)}：“{parent.label.text}”{cell.text} 与分项合计 {fmt_num(total)} 不符",
                    what_en=f"{parent.label.text} {cell.text} differs from its parts {fmt_num(total)}",
                )
                continue
            yield ctx.finding(
                cell,
                expected=total if compare == "eq" else f"≥ {fmt_num(total)}",
                actual=cell.text or "（空）",
                column=_column_name(ctx, index),
                row=parent.label.text,
                what=f"{_column_name(ctx, index)}：“{parent.label.text}”{cell.text} 小于分项合计 {fmt_num(total)}",
                what_en=f"{parent.label.text} {cell.text} is less than its parts {fmt_num(total)}",
                certainty=Certainty.JUDGEMENT if note is not None else None,
                basis=f"读取：“{parent.label.text}”{cell.text}，分项合计 {fmt_num(total)}；表注说明了分项的口径"
                f"（“{note.text}”），分项可能含其他资金，需人工判断"
                if note is not None
                else f"读取：“{parent.label.text}”{cell.text}；分项 "
                + " + ".join(f"“{c.label.text.strip()}”{getattr(c, attr).text}" for c in children)
                + f" = {fmt_num(total)}",
                basis_en="a note on the table explains what an item holds (it may include other money): a person judges"
                if note is not None
                else "",
            )


def _note_on(ctx: Context, children: tuple[AmountRow, ...]) -> CellValue | None:
    """A 注 row of the table that names one of the items ("注：会议费、培训费含项目支出安排的…"): what the item holds is
    explained there, so a bound over the items is a person's call (review round 15)."""
    names = [compact(re.sub(r"^\s*其中[:：]?", "", c.label.text)) for c in children]
    for note in ctx.basic.notes:
        text = compact(note.text)
        if any(name and name in text for name in names):
            return note
    return None


@check("B03")
def three_public_sum(ctx: Context) -> Iterator[Finding]:
    """三公经费 = 公务用车 + 出国 + 公务接待; 公务用车 = 购置 + 运行维护; 公用经费 ≥ its named 其中 items (办公经费,
    水费、电费、差旅费, 会议费、培训费): the form's own parts, so a total below them is certain (each column)."""
    basic = ctx.basic
    equal = tuple(ctx.param("equal_parents", ()))
    for key in equal:
        row = basic.row(key)
        if row is not None:
            yield from _row_sums(ctx, row, "eq", equal=equal)
    for key in ctx.param("le_parents", ()):
        row = basic.row(key)
        if row is not None:
            yield from _row_sums(ctx, row, "le", named=True)


@check("B04")
def three_public_change(ctx: Context) -> Iterator[Finding]:
    """ "三公经费"变动率 ≤ 0 earns full marks; growth deducts weight/10 per point (basis per profile). A “三公”经费 table
    published on its own (source "three_public") belongs to no 部门整体 评分表: its growth is reported, not scored here."""
    row = ctx.basic.row("three_public")
    if row is None or ctx.basic.source == "three_public":
        return
    basis = str(ctx.profile.get("department.three_public_change_basis", "final"))
    current = row.budget if basis == "budget" else row.final
    previous = row.prev_final
    cur, prev = ctx.number(current), ctx.number(previous)
    if cur is None or prev is None:
        return
    rate = rates.three_public_change_rate(cur, prev, ctx.profile)
    if rate.percent is None or rate.percent <= 0:
        return
    result = scoring.three_public_change_score(cur, prev, profile=ctx.profile)
    per_point = _per_point(ctx, "three_public_change", result)
    yield ctx.finding(
        current,
        expected="≤ 0%",
        actual=fmt_pct(rate.percent),
        current=cur,
        previous=prev,
        compared="本年预算数对上年决算数" if basis == "budget" else "本年决算数对上年决算数",
        compared_en=basis,
        weight=result.weight,
        per_point=fmt_num(per_point),
        score=fmt_num(result.score),
    )


@check("B05")
def three_public_control(ctx: Context) -> Iterator[Finding]:
    """ "三公经费"控制率 = 本年决算 / 本年预算 ≤ 100%; each point above deducts (profile)."""
    found = _row_rate(ctx, "three_public", rates.three_public_control_rate)
    if found is None or found.percent <= HUNDRED:
        return
    row, budget, final, rate, _ = found
    table, table_en = ctx.basic.table_name
    deduction = deduction_en = ""
    if ctx.basic.source != "three_public":
        # the deduction is the 部门整体 scoring of a 基础数据表's rate; a “三公”经费 table published on its own (a 决算
        # 公开 table, perfxl/layout/three_public.py) scores nothing: its figures are named, no score (docs14)
        result = scoring.three_public_control_score(final, budget, profile=ctx.profile)
        per_point = _per_point(ctx, "three_public_control", result)
        deduction = f"，按每超 1 个百分点扣 {fmt_num(per_point)} 分应得 {fmt_num(result.score)} 分"
        deduction_en = f"; scores {fmt_num(result.score)}"
    yield ctx.finding(
        row.final,
        expected="≤ 100%",
        actual=fmt_pct(rate.percent),
        final=final,
        budget=budget,
        table=table,
        table_en=table_en,
        deduction=deduction,
        deduction_en=deduction_en,
    )


@check("B06")
def public_funds(ctx: Context) -> Iterator[Finding]:
    """公用经费 (and 项目支出) ≥ Σ its listed items; 控制率 = 决算 / 预算 ≤ 100% (rows from the profile)."""
    basic = ctx.basic
    for key in ctx.param("parents", ()):
        row = basic.row(key)
        if row is None:
            continue
        if any(not c.key for c in basic.children(key)):
            # free-form rows (项目支出's "1、业务工作经费", "3、省级专项资金（每个专项一行）" and its 专项) may nest: a
            # person judges their sum; a parent with only the form's named items is B03's (certain)
            yield from _row_sums(ctx, row, "le")
        found = _row_rate(ctx, key, rates.public_funds_control_rate)
        if found is not None and found.percent > HUNDRED:
            _, budget, final, rate, _ = found
            yield ctx.finding(
                row.final,
                expected="≤ 100%",
                actual=fmt_pct(rate.percent),
                what=f"“{row.label.text}”控制率 {fmt_pct(rate.percent)}（决算 {fmt_num(final)} / 预算 {fmt_num(budget)}）超过 100%",
                what_en=f"{row.label.text} control rate {fmt_pct(rate.percent)} exceeds 100%",
            )


@check("B07")
def budget_adjustment(ctx: Context) -> Iterator[Finding]:
    """预算调整率 = (本年决算 − 本年预算) / 本年预算 of 部门基本支出预算调整, banded score (profile)."""
    found = _row_rate(ctx, ctx.param("row", "basic_budget_adjustment"), _adjustment_rate)
    if found is None or found.percent == 0:
        return
    row, budget, final, rate, _ = found
    result = scoring.budget_adjustment_score(budget, final, profile=ctx.profile)
    yield ctx.finding(
        row.final,
        expected="0%",
        actual=fmt_pct(rate.percent),
        final=final,
        budget=budget,
        weight=result.weight,
        score=fmt_num(result.score),
    )


@check("B11")
def procurement(ctx: Context) -> Iterator[Finding]:
    """政府采购执行率 = 实际政府采购金额 / 政府采购预算数; below 100% is reported."""
    found = _row_rate(ctx, ctx.param("row", "procurement"), rates.procurement_execution_rate)
    if found is not None and found.percent < HUNDRED:
        row, budget, final, rate, _ = found
        yield ctx.finding(row.final, expected="100%", actual=fmt_pct(rate.percent), final=final, budget=budget)


@check("B13")
def procurement_rate(ctx: Context) -> Iterator[Finding]:
    """A 政府采购执行率 printed in the 政府采购情况 block = 实际政府采购金额 / 政府采购预算数, at its printed precision."""
    cell = ctx.basic.procurement_rate
    found = _row_rate(ctx, "procurement", rates.procurement_execution_rate)
    if cell is None or found is None:
        return
    row, budget, final, rate, _ = found
    differs, note, note_en = _rate_mismatch(ctx, cell, rate)
    if differs and rate.ratio is not None:
        yield ctx.finding(
            cell,
            expected=fmt_pct(rate.percent),
            actual=cell.text,
            final=fmt_num(final),
            budget=fmt_num(budget),
            reading=note,
            reading_en=note_en,
            related=tuple(c.located() for c in (row.final, row.budget) if c.sheet is not None),
            basis=f"读取：政府采购预算数 {row.budget.text}，实际政府采购金额 {row.final.text}，政府采购执行率“{cell.text}”；"
            f"计算：{fmt_num(final)}/{fmt_num(budget)} = {fmt_num(rate.ratio * HUNDRED, 6)}%，"
            + (
                f"表中“{cell.text}”无法读取为比率，需人工核对"
                if _unreadable_rate(ctx, cell)
                else "按打印的小数位四舍五入后与表中不符"
            ),
            basis_en=f"read budget {row.budget.text}, actual {row.final.text}, rate {cell.text!r}; computed "
            f"{fmt_num(rate.ratio * HUNDRED, 6)}%",
            certainty=Certainty.JUDGEMENT if _unreadable_rate(ctx, cell) else None,
        )


@check("B12")
def buildings(ctx: Context) -> Iterator[Finding]:
    """楼堂馆所 规模控制率 = 实际/批复, 投资概算控制率 = 实际投资/预算投资: typed right, and ≤ 100%."""
    for b in ctx.basic.buildings:
        pairs = (
            ("规模控制率", "area control rate", b.actual_area, b.approved_area, b.area_rate, rates.scale_control_rate),
            (
                "投资概算控制率",
                "investment control rate",
                b.actual_investment,
                b.budget_investment,
                b.investment_rate,
                rates.investment_control_rate,
            ),
        )
        for zh, en, num_cell, den_cell, rate_cell, func in pairs:
            num, den = ctx.number(num_cell), ctx.number(den_cell)
            if num is None or den is None:
                continue
            rate = func(num, den, ctx.profile)
            if rate.percent is None:
                continue
            differs, note, _ = _rate_mismatch(ctx, rate_cell, rate)
            if differs:
                yield ctx.finding(
                    rate_cell,
                    expected=fmt_pct(rate.percent),
                    actual=rate_cell.text,
                    what=f"{zh}应为 {fmt_pct(rate.percent)}（{fmt_num(num)}/{fmt_num(den)}），表中为 {rate_cell.text}{note}",
                    what_en=f"{en} should be {fmt_pct(rate.percent)}, found {rate_cell.text}",
                    certainty=Certainty.JUDGEMENT if _unreadable_rate(ctx, rate_cell) else None,
                )
            if rate.percent > HUNDRED:
                yield ctx.finding(
                    num_cell,
                    expected="≤ 100%",
                    actual=fmt_pct(rate.percent),
                    what=f"{zh} {fmt_pct(rate.percent)} 超过 100%（{fmt_num(num)}/{fmt_num(den)}）",
                    what_en=f"{en} {fmt_pct(rate.percent)} exceeds 100%",
                )


_AMOUNT = lazy_compile(r"([\u4e00-\u9fff]{2,12})\s*[：:]\s*([0-9][0-9,]*(?:\.[0-9]+)?)")


def breakdown_amounts(ctx: Context) -> Iterator[tuple[str, Decimal, CellValue, str]]:
    """(label, amount, cell, money unit) for "基本支出：886.12"-style pairs in the 自评表 funds notes."""
    for ev in ctx.submission.evaluations:
        if ev.funds is None:
            continue
        for cell in ev.funds.breakdown:
            for label, number in _AMOUNT.findall(cell.text):
                value = ctx.number(CellValue(number))
                if value is not None:
                    yield label, value, cell, ev.funds.unit


@check("B14")
def cross_sheet(ctx: Context) -> Iterator[Finding]:
    """Amounts in the 自评表 breakdown (万元) equal the 基础数据表 本年决算数 (元) of the same item."""
    basic = ctx.submission.basic
    if basic is None:
        return
    pairs = dict(ctx.param("pairs", {}))
    for label, value, cell, unit in breakdown_amounts(ctx):
        key = next((k for name, k in pairs.items() if label.endswith(name)), None)
        row = basic.row(key) if key else None
        if row is None:
            continue
        final = ctx.number(row.final)
        if final is None:
            continue
        if (
            final == 0
            and value > 0
            and "调整" in row.label.text
            and not any(ctx.number(c) for c in (row.prev_final, row.budget))
        ):
            continue  # 部门基本支出预算调整 0 │ 0 │ 0: no adjustment, not a 基本支出 of 0 (with figures it holds 基本支出)
        conv = convert(final, basic.unit, unit)
        if not conv.ok or conv.value is None:  # ok carries a value
            continue
        expected = ctx.round_score(conv.value)
        if abs(expected - value) > ctx.tol_money:
            # one label, possibly two meanings: the 自评表 line may include 上级 subsidies the 基础数据表 row
            # (county money only) does not — a person must judge (seed: 1336.92 includes 1020 万元 of 上级 funds)
            yield ctx.finding(
                cell,
                expected=expected,
                actual=value,
                label=label,
                row=row.label.text.strip().rstrip("：:"),
                column=_column_name(ctx, 2),
                raw=f"{row.final.text} {basic.unit}，{row.final.place() or ''}".rstrip(
                    "，"
                ),  # Chinese text, Chinese comma
                raw_en=f"{row.final.text} {basic.unit}, {row.final.place() or ''}".rstrip(", "),
                related=(row.final.located(),) if row.final.sheet is not None else (),
                basis=f"读取：自评表“{cell.text.strip()}”中“{label}” {fmt_num(value)} {unit}；基础数据表"
                f"“{row.label.text.strip()}”{_column_name(ctx, 2)} {row.final.text} {basic.unit}，折合 "
                f"{fmt_num(expected)} {unit}；两表同名项目的口径可能不同（如是否含上级补助），需人工核实",
                basis_en=f"read {label} {fmt_num(value)} {unit} on the self-evaluation and "
                f"{row.final.text} {basic.unit} (= {fmt_num(expected)} {unit}) on the basic-data "
                "table; the same label may cover different money on the two forms",
                certainty=Certainty.JUDGEMENT,
            )


def _is_subitem(row: AmountRow) -> bool:
    label = row.label.text.strip()
    return bool(row.parent) or label.startswith("其中")


@check("B16")
def subitem_overspent(ctx: Context) -> Iterator[Finding]:
    """A sub-item (其中：办公经费, 公务接待 …) spends no more than its own budget, not only its parent."""
    basic = ctx.basic
    labels = {r.key: r.label.text.strip().lstrip("其中：:").strip() for r in basic.rows if r.key}
    previous_top = ""
    for row in basic.rows:
        if not _is_subitem(row):
            previous_top = row.label.text.strip()
            continue
        budget, final = ctx.number(row.budget), ctx.number(row.final)
        if budget is None or final is None or ctx.is_error(row.final) or final <= budget + ctx.tol_money:
            continue
        parent = (labels.get(row.parent) if row.key else None) or previous_top or labels.get(row.parent) or "上级项目"
        yield ctx.finding(
            row.final,
            expected=budget,
            actual=final,
            row=row.label.text.strip(),
            parent=parent,
            related=(row.budget.located(),) if row.budget.sheet is not None else (),
            basis=f"读取：“{row.label.text.strip()}”本年预算数 {row.budget.text}，本年决算数 "
            f"{row.final.text}；决算 − 预算 = {fmt_num(final - budget)}",
            basis_en=f"read budget {row.budget.text}, spending {row.final.text}; over by {fmt_num(final - budget)}",
        )


#: 基础数据表 rate behind each 部门整体 indicator key: (row key, zh, en, rate function (final, budget)). "staff" is the
#: staffing block's 实际在职人数 / 编制数.
_INDICATOR_RATES: dict[str, tuple[str, str, Callable[[Decimal, Decimal, Any], RateResult]]] = {
    "three_public": ("“三公经费”本年决算数/本年预算数", "三公 spending / budget", rates.three_public_control_rate),
    "public_funds": ("“公用经费”本年决算数/本年预算数", "公用经费 spending / budget", rates.public_funds_control_rate),
    "procurement": (
        "“政府采购金额”本年决算数/本年预算数",
        "procurement spending / budget",
        rates.procurement_execution_rate,
    ),
}


def _basic_rate(ctx: Context, key: str) -> tuple[Decimal, str, str, tuple[CellValue, ...], CellValue | None] | None:
    """(exact percent, source zh, source en, cells read, the rate printed there) of the 基础数据表 rate `key`."""
    if key == "staff":
        found = _staffing(ctx)
        if found is None:
            return None
        st, est, act = found
        rate = rates.staff_control_rate(act, est, ctx.profile)
        if rate.ratio is None:
            return None
        source = f"实际在职人数 {st.actual.text}/编制数 {st.establishment.text}"
        return rate.ratio * HUNDRED, source, "staff / establishment", (st.actual, st.establishment), st.control_rate
    if key not in _INDICATOR_RATES:
        return None
    zh, en, rate_of = _INDICATOR_RATES[key]
    found_row = _row_rate(ctx, key, rate_of)
    if found_row is None or found_row.rate.ratio is None:
        return None
    row = found_row.row
    source = f"{zh}（{row.final.text}/{row.budget.text}）"
    return found_row.rate.ratio * HUNDRED, source, en, (row.final, row.budget), None


@check("B15")
def indicator_vs_basic(ctx: Context) -> Iterator[Finding]:
    """A 部门整体 indicator that IS a 基础数据表 rate by its name (在职人员控制率, 三公经费控制率, 公用经费控制率, 政府采购执行率:
    财预〔2013〕53号 附件2 formulas) reports the rate the 基础数据表's own cells give. Which form is wrong is a person's
    call (the indicator may be of another year or scope): 警告, the 基础数据表 figures in its basis."""
    basic = ctx.submission.basic
    if basic is None:
        return
    names = {compact(n): k for n, k in dict(ctx.param("indicators", {})).items()}
    got = ctx._fact.get  # (a row's facts, built by the row checks, hold its name's `compact` key: no second ask a row)
    for ev in ctx.submission.evaluations:
        if ev.kind != "department":
            continue
        for ind in ev.indicators:
            f = got(id(ind))
            name_key = f.name_key if f is not None and f.ind is ind else compact(ind.name.text)
            key = names.get(name_key.removesuffix("%"))  # "在职人员控制率（%）"
            if key is None or ctx.is_blank(ind.actual) or ctx.is_error(ind.actual):
                continue
            found = _basic_rate(ctx, key)
            if found is None:
                continue
            exact, source, source_en, cells, printed = found
            reading = ctx.read_rate(ind.actual, exact)
            if reading.percent is None or ctx.rate_agrees(reading, exact) or ctx.rate_off_by_last_place(reading, exact):
                continue
            if printed is not None and not ctx.is_blank(printed):
                as_printed = ctx.read_rate(printed, exact).percent
                if as_printed is not None and abs(as_printed - reading.percent) <= ctx.tol_rate:
                    continue  # the indicator repeats the 基础数据表's printed rate: B01 judges that rate
            yield ctx.finding(
                ind.actual,
                expected=fmt_pct(exact),
                actual=f"{ind.actual.text}{reading.note_zh}",
                name=ind.name.text.strip(),
                source=source,
                source_en=source_en,
                related=tuple(c.located() for c in cells if c.sheet is not None),
                basis=f"读取：自评表“{ind.name.text.strip()}”实际完成值“{ind.actual.text}”{reading.note_zh}；基础数据表"
                f"{source}，计算得 {fmt_num(exact, 6)}%；指标名称即财预〔2013〕53号所定义的同一比率，两表口径或年度若不同需人工判断",
                basis_en=f"read {ind.name.text.strip()} = {ind.actual.text!r}; the basic-data table gives "
                f"{fmt_num(exact, 6)}% ({source_en}); a person judges which form is wrong",
                certainty=Certainty.JUDGEMENT,
            )


@check("B17")
def note_says_empty(ctx: Context) -> Iterator[Finding]:
    """A note saying the table prints nothing ("注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。") under a table
    that prints figures: the note and the figures contradict each other, certainly — which of the two is wrong is for a
    person (上海普陀 万里街道 2024, held-out batch 26). The 预决算公开 forms print that note under a table a unit has no money
    for; a table with figures does not carry it."""
    basic = ctx.basic
    note = basic.said_empty
    if note is None:
        return
    figures = [
        (row, cell)
        for row in basic.rows
        for cell in (row.prev_final, row.budget, row.final)
        if (value := ctx.number(cell)) is not None and value != 0
    ]
    if not figures:
        return
    shown = "、".join(f"{row.label.text.strip()} {cell.text}" for row, cell in figures[:4])
    more = f" 等 {len(figures)} 个" if len(figures) > 4 else ""
    yield ctx.finding(
        note,
        expected="空表",
        actual=shown,
        note=note.text.strip(),
        figures=shown + more,
        related=tuple(cell.located() for _, cell in figures[:4] if cell.sheet is not None),
        basis=f"读取：表注“{note.text.strip()}”；表中数字 {shown}{more}",
        basis_en=f"read the note {note.text.strip()!r}; the table prints {len(figures)} non-zero figures",
    )


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + fmt_num(value)


@check("B19")
def three_public_changes(ctx: Context) -> Iterator[Finding]:
    """A “三公”经费 table's printed 增、减额 = later − earlier and 增、减幅度 = 增减额 / earlier (`BasicData.changes`: the base
    from the headers — the earlier year, 上年, the 预算), each judged at the decimals printed: certain (错误) only when no
    figures within the printed amounts' rounding give the printed value (昌宁县本级 2015, held-out batch 29: 1957.23 −
    1953.72 printed −3.51; 53.75 / 12.23 = 439.5% printed 437.7%); a base the headers leave open is a 警告."""
    changes = ctx.basic.changes
    # a column printing a sign on any line prints signs: an unsigned figure in it is a rise (review b19v)
    signed = (
        any(line.change is not None and _printed_sign(line.change)[1] == "marked" for line in changes),
        any(line.rate is not None and _printed_sign(line.rate)[1] == "marked" for line in changes),
    )
    for line in changes:
        earlier, later = ctx.number(line.earlier), ctx.number(line.later)
        if earlier is None or later is None:
            continue
        exact = later - earlier
        row = line.label.text.strip()
        how = f"{line.later_name} {line.later.text.strip()} − {line.earlier_name} {line.earlier.text.strip()}"
        guess = f"；{line.guess}，需人工核对" if line.guess else ""
        if line.change is not None:
            yield from _change_amount(ctx, line, exact, row, how, guess, signed[0])
        if line.rate is not None and earlier > 0:
            yield from _change_rate(ctx, line, exact, earlier, row, how, guess, signed[1])


#: A change column's header naming one direction only (减少额, 增加数, 下降幅度): its figures may be sizes, the sign in
#: the words — "减少额 3.51" for a fall of 3.51 is no flipped sign. 增减 / 增、减 / 增加（减少） name both.
_UP = lazy_compile(r"增|上升|提高")
_DOWN = lazy_compile(r"减|下降|降低")


def _one_way(header: str) -> bool:
    """Whether a change column's header names one direction only (its figures may be printed as sizes); a header in
    traditional characters (增、減額) read simplified."""
    header = to_simplified(header)
    return bool(_UP.search(header)) != bool(_DOWN.search(header))


#: Why a sign printed by convention only is not sure, by how the cell shows it.
_CONVENTION = {"bracketed": "（括号表示负数只是惯例）", "dashed": "（数前的“—”可能是负号，也可能只是标记）"}


def _printed_sign(cell: CellValue) -> tuple[int, str]:
    """(+1 | −1, how the cell shows it) of a change or rate cell: `perfxl.values.printed_sign`, the one reading of a
    printed direction (−, 减少, ↓, ▼, brackets …)."""
    return printed_sign(cell.raw)


def _as_size(header: str, printed: Decimal | None, exact: Decimal) -> bool:
    """A figure under a one-way header whose sign differs from the exact change's: read as the change's size."""
    return printed is not None and printed != 0 and exact != 0 and (printed > 0) != (exact > 0) and _one_way(header)


def _change_amount(
    ctx: Context, line: ChangeLine, exact: Decimal, row: str, how: str, guess: str, signed: bool
) -> Iterator[Finding]:
    cell = line.change
    assert cell is not None
    read = ctx.number(cell)  # (a minus the number parser does not know — "−3.51", "减少3.51" — is read unsigned)
    if read is None:
        return
    sign, shown = _printed_sign(cell)
    value = sign * abs(read)
    if _as_size(line.change_name, value, exact):
        exact = -exact  # "减少额 3.51" for 1957.23 → 1953.72: the size under a header that says which way (review18c)
    # `sum_agrees` reads the cell as `ctx.number` does: against the exact change signed as that reading is
    as_read = exact if (read < 0) == (value < 0) else -exact
    if ctx.sum_agrees(cell, as_read):
        return
    flipped = value == -exact and exact != 0
    # a sign the cell does not print for sure (brackets; an unsigned figure where no line of its column prints a sign
    # and the header names both ways: the column may print sizes) is a person's to judge; a wrong size is not
    unsure = shown in _CONVENTION or (shown == "bare" and not signed and not _one_way(line.change_name))
    size_only = unsure and ctx.sum_agrees(cell, -as_read)
    off = abs(abs(value) - abs(exact)) if unsure else value - exact
    certain = not line.guess and not size_only and ctx.beyond_rounding(off, cell, (line.earlier, line.later))
    note = (
        f"，表中未印正负号{_CONVENTION.get(shown, '（该列各行都未印正负号，可能印的是增减的绝对值）')}，"
        f"数值大小相符，方向需人工核对"
        if size_only
        else f"，表中数值符号相反（实为{'增加' if exact > 0 else '减少'}）"
        if flipped
        else ""
        if certain
        else "，差额在打印数字的四舍五入范围内"
    )
    yield ctx.finding(
        cell,
        expected=_signed(exact),
        actual=cell.text.strip(),
        row=row,
        column=line.change_name or "增减额",
        how=f"{how} = {_signed(exact)}{note}",
        how_en=f"{line.later.text.strip()} − {line.earlier.text.strip()} = {_signed(exact)}",
        certainty=None if certain else Certainty.JUDGEMENT,
        related=tuple(c.located() for c in (line.earlier, line.later) if c.sheet is not None),
        basis=f"读取：“{row}”{line.earlier_name} {line.earlier.text.strip()}、{line.later_name} "
        f"{line.later.text.strip()}、{line.change_name or '增减额'} {cell.text.strip()}；计算：{how} = {_signed(exact)}"
        f"{note}{guess}",
        basis_en=f"the change is later − earlier = {_signed(exact)}; printed {cell.text.strip()}"
        + (" (the base is not stated by the headers)" if line.guess else "")
        + (" (its sign is not printed for sure: the size agrees)" if size_only else ""),
    )


def _change_rate(
    ctx: Context, line: ChangeLine, exact: Decimal, earlier: Decimal, row: str, how: str, guess: str, signed: bool
) -> Iterator[Finding]:
    cell = line.rate
    assert cell is not None
    percent = exact / earlier * HUNDRED
    if ctx.is_blank(cell) or ctx.is_error(cell):
        return
    sign, printed = _printed_sign(cell)
    text = isinstance(cell.raw, str)
    # a text rate's figure is read unsigned where its sign is a mark ("↓6.02%", "−0.18"): its size against the size
    reading = ctx.read_rate(cell, percent if not text or sign > 0 else -percent)
    if reading.percent is None and text and (parsed := ctx.parsed(cell)).kind is ValueKind.GROWTH:
        reading = RateReading(parsed.number, places=printed_places(cell.raw))  # "下降6.02%": its sign is its word
    if reading.percent is not None and text:
        reading = dataclasses.replace(reading, percent=sign * abs(reading.percent))
    places = None
    if not text:
        number = ctx.number(cell)
    elif (parsed := ctx.parsed(cell)).kind is ValueKind.NUMBER and parsed.number is not None and parsed.op is None:
        # text without a percent sign: "0.18" is read as 18% where that is closer, so "-0.18" is −18% alike (b19v)
        number, typed = sign * abs(parsed.number), printed_places(cell.raw)
        places = None if typed is None else max(typed - 2, 0)
    else:
        number = None
    if number is not None:
        # a number cell formatted as a percent holds the fraction (−0.288 is −28.8%, 4.3949 is 439.49%), one typed in a
        # "(%)" column the percent: the reading closer to the quotient (`read_rate` takes a negative or a number above
        # 1.5 as a bare percent, which a change rate's fraction often is not)
        as_fraction = number * HUNDRED
        if reading.percent is None or abs(as_fraction - percent) < abs(reading.percent - percent):
            reading = RateReading(
                as_fraction, f"（即 {fmt_num(as_fraction)}%）", f" (= {fmt_num(as_fraction)}%)", places
            )
    if _as_size(line.rate_name, reading.percent, percent):
        # "下降幅度 6.0%" for a fall of 6.0%: the size under a one-way header (its sign in the words)
        reading = RateReading(
            -(reading.percent or ZERO), reading.note_zh, reading.note_en, reading.places, reading.whole
        )
    # a sign the cell does not print for sure (brackets; an unsigned rate where no line of its column prints a sign and
    # the header names both ways): its size judged as printed, its direction a person's (review b19v)
    unsure = printed in _CONVENTION or (printed == "bare" and not signed and not _one_way(line.rate_name))
    if reading.percent is None or ctx.rate_agrees(reading, percent):
        return
    shown = fmt_pct(percent, reading.places if reading.places is not None else 2)
    flipped = percent != 0 and reading.percent != 0 and (percent > 0) != (reading.percent > 0)
    if flipped:
        shown = ("+" if percent > 0 else "") + shown
    # the quotient later / earlier is the rate + 100%: the range the printed amounts allow is the executed-rate's
    shifted = RateReading(reading.percent + HUNDRED, places=reading.places)
    allowed = ctx.rate_within_printed_amounts(shifted, line.later, line.earlier)
    size_only = False
    if unsure and reading.percent != 0:
        opposite = -reading.percent
        other = dataclasses.replace(reading, percent=opposite)
        size_only = (
            ctx.rate_agrees(other, percent)
            or ctx.rate_off_by_last_place(other, percent)
            or ctx.rate_within_printed_amounts(
                dataclasses.replace(other, percent=opposite + HUNDRED), line.later, line.earlier
            )
            is not None
        )
    judged = (
        bool(line.guess)
        or reading.whole
        or ctx.rate_off_by_last_place(reading, percent)
        or allowed is not None
        or size_only
    )
    slack = (
        f"；但金额按打印的小数位可能是四舍五入后的值，其所能代表的增减幅度在 {fmt_pct(allowed[0] - HUNDRED)} 至 "
        f"{fmt_pct(allowed[1] - HUNDRED)} 之间，表中“{cell.text.strip()}”在此范围内，需人工判断"
        if allowed is not None
        else ""
    )
    yield ctx.finding(
        cell,
        expected=shown,
        actual=cell.text.strip(),
        row=row,
        column=line.rate_name or "增减幅度",
        how=f"（{how}）/ {line.earlier.text.strip()} = {fmt_num(percent, 4)}%{reading.note_zh}"
        + (
            f"，表中未印正负号{_CONVENTION.get(printed, '（该列各行都未印正负号，可能印的是幅度的绝对值）')}"
            f"，数值大小相符，方向需人工核对"
            if size_only
            else f"，表中符号相反（实为{'增长' if percent > 0 else '下降'}）"
            if flipped
            else ""
        ),
        how_en=f"({line.later.text.strip()} − {line.earlier.text.strip()}) / {line.earlier.text.strip()} = "
        f"{fmt_num(percent, 4)}%",
        certainty=Certainty.JUDGEMENT if judged else None,
        related=tuple(c.located() for c in (line.earlier, line.later) if c.sheet is not None),
        basis=f"读取：“{row}”{line.earlier_name} {line.earlier.text.strip()}、{line.later_name} "
        f"{line.later.text.strip()}、{line.rate_name or '增减幅度'} {cell.text.strip()}；计算：（{how}）/ "
        f"{line.earlier.text.strip()} = {fmt_num(percent, 4)}%，按打印的小数位为 {shown}{slack}{guess}",
        basis_en=f"the rate is (later − earlier) / earlier = {fmt_num(percent, 4)}%; printed {cell.text.strip()}"
        + (" (the base is not stated by the headers)" if line.guess else "")
        + (" (its sign is not printed for sure: the size agrees)" if size_only else ""),
    )
