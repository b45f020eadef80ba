"""What the tables of a submission say about the narrative's claims: 收入/支出 and 基本/项目支出 from the
自评表's funds block, “三公”经费 and 公用经费 (预算/决算/上年, and the change from last year) and staffing
from the 基础数据表, every indicator's 年度指标值 / 实际完成值, and the 目标表/申报表's 指标值 (targets only).

Pure: reads the model (Submission), never a file. Each value keeps the cell(s) it came from and the
precision it was printed with.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..model import AmountRow, BasicData, CellRef, CellValue, FundsRow, Indicator, SelfEvaluation, Submission
from ..numbers import HUNDRED, ZERO, fmt_decimal, to_decimal
from ..patterns import lazy_compile
from ..records import record
from ..units import convert
from ..values import ParsedValue, ValueKind, parse_value
from .vocabulary import SCORE_UNIT

if TYPE_CHECKING:
    from perfxl.profiles import ProfileLike

__all__ = [
    "unread_cells",
    "MONEY_UNITS_ASSUMED",
    "TableValue",
    "IndicatorValue",
    "ProjectFunds",
    "table_values",
    "indicator_values",
    "project_funds",
    "table_funds",
    "printed_step",
    "money_unit_for",
    "unit_lines",
]

#: "按支出性质分：2223.04": a name (a whole run of Chinese and brackets: it starts where the run does and takes it whole,
#: as the lazy `(…+?)` it replaces did — without trying every start and length of a run that has no colon after it,
#: which made a 100,000-character cell take minutes, crash12) and its figure.
_BREAKDOWN = lazy_compile(r"(?<![\u4e00-\u9fff（）()])([\u4e00-\u9fff（）()]++)\s*[：:；;]\s*(-?\d[\d,]*(?:\.\d+)?)")
_BASIC_ROWS = {
    "three_public": "three_public",
    "reception": "reception",
    "overseas": "overseas",
    "car": "vehicles",
    "vehicles": "vehicles",
    "public_funds": "public_funds",
    "car_purchase": "vehicle_purchase",
    "car_running": "vehicle_running",
}
#: The guess a “三公”经费 table without a printed unit adds to its values (`money_unit_for`).
#: A table printing no money unit (in it, its header or a line above it): its unit is assumed, so a comparison is a guess.
_NO_UNIT = "{table}未注明金额单位，按与正文数字最接近的单位（元、万元或亿元）比较，单位系推测"
#: The money units a table without a printed unit may be in.
_TABLE_MONEY_UNITS = MONEY_UNITS_ASSUMED = ("元", "万元", "亿元")


def printed_step(raw: Any) -> Decimal | None:
    """One unit in the last printed place of a cell value (2223.04 → 0.01, 20000 → 1; full-width "１．７１" → 0.01 too);
    None when not a number."""
    if isinstance(raw, str):
        m = re.search(r"-?\d[\d,，]*(?:[.．](\d+))?", raw)
        if not m:
            return None
        return Decimal(1).scaleb(-len(m.group(1) or ""))
    value = to_decimal(raw)
    if value is None:
        return None
    exp = value.normalize().as_tuple().exponent if isinstance(raw, float) else value.as_tuple().exponent
    return Decimal(1).scaleb(min(int(exp), 0)) if isinstance(exp, int) else Decimal(1)


@record(frozen=True, slots=True)
class TableValue:
    """A table's value for a (claim, role): in `unit`, printed with `step`, read from `refs` (first = primary).
    `formula` shows how a derived value was computed ("25362 − 11131.84"); `guess` says what was assumed."""

    claim: str
    role: str
    value: Decimal
    unit: str | None
    step: Decimal
    refs: tuple[CellRef, ...]
    label: str
    formula: str = ""
    guess: str = ""
    # the amount's 基础数据表 prints no money unit (in it, its header or a line above it): `unit` is None, the unit
    # assumed in `money_unit_for` unless the narrative's figures settle it (perfxl.document.assumed_unit)
    unit_assumed: bool = False
    # a value computed from cells printed to different places ("5.21" − "6"): the finest of their steps — at it every
    # cell read exact (a whole "6" beside "5.21" as 6.00, a table dropping a figure's zeros); `step` is the coarsest
    # (the whole "6" may also be 6.73 cut short), so a figure agreeing only so is a judgement (`compare._compare`)
    exact_step: Decimal | None = None
    # another figure the table prints that the same words may name ("上年预算数" beside the two 决算: a change naming no
    # stage may be 预算 − 上年预算): said, and a figure naming no stage is held to this one as a judgement (gaps18)
    other_basis: str = ""


@record(frozen=True, slots=True)
class IndicatorValue:
    """One 三级指标 row: its name, parsed target and actual, and where they are. `role` "target" marks a 目标表/申报表
    row (Submission.declarations): it states a declared 指标值 only — its actual is blank, so no actual is set
    against it."""

    name: str
    indicator: Indicator
    target: ParsedValue
    actual: ParsedValue
    actual_step: Decimal | None
    role: str = "evaluation"  # "evaluation" (a 自评表 row) | "target" (a 目标表/申报表 row)


def _num(cell: CellValue | None) -> Decimal | None:
    return None if cell is None or cell.is_blank else to_decimal(cell.raw)


def _money(cell: CellValue | None, unit: str) -> Decimal | None:
    """A funds cell's amount in the block's `unit`: a number, or one printed with its money unit ("10萬" in a 万元
    block is 10; "100000元" in it 10). None for anything else (a word, an approximate "约10万")."""
    number = _num(cell)
    if number is not None or cell is None or cell.is_blank or not isinstance(cell.raw, str):
        return number
    parsed = parse_value(cell.raw)
    if parsed.kind is not ValueKind.NUMBER or parsed.number is None or not parsed.unit or "约" in cell.raw:
        return None
    conv = convert(parsed.number, parsed.unit, unit)
    return conv.value if conv.ok and not conv.approximate else None


#: Why a change naming no stage is no certain 决算 change when the table prints last year's 预算 too.
_PREV_BUDGET = "{table}同时列有上年预算数，正文的变化额未写明是决算数还是预算数的变化，按决算数与上年决算数之差比较"


#: A column's name in messages when the table prints no title of its own over it (a 三公 table read by its caption
#: above, real reports 19): the 基础数据表's column names (`rules.basic._COLUMNS`), never the role's English key.
_ROLE_NAMES = {"previous": "上年决算数", "budget": "本年预算数", "final": "本年决算数"}


def _amount(out: dict, claim: str, row: AmountRow, basic: BasicData) -> None:
    """A 基础数据表 (or “三公”经费 table) row's values; a 三公 table's guesses (a year read as 决算, no unit) go with them."""
    label = row.label.text
    cells = {"previous": row.prev_final, "budget": row.budget, "final": row.final}
    names = dict(zip(("previous", "budget", "final"), basic.years, strict=True))
    table = basic.table_name[0]
    unit: str | None = None if basic.unit_assumed else basic.unit or (None if basic.source == "three_public" else "元")
    guess = "；".join(g for g in (basic.guess, "" if unit else _NO_UNIT.format(table=table)) if g)
    # a 基础数据表's unit the narrative may settle (`assumed_unit`); a “三公”经费 table on its own stays a guess per figure
    # (sangong13: its unit is assumed from the text, a 警告)
    assumed = unit is None and basic.source != "three_public"
    for role, cell in cells.items():
        value = _num(cell)
        if value is not None and cell.sheet is not None:
            out.setdefault(
                (claim, role),
                TableValue(
                    claim,
                    role,
                    value,
                    unit,
                    printed_step(cell.raw) or Decimal(1),
                    (cell.located(),),
                    f"{table}“{label}”{names[role] or _ROLE_NAMES[role]}",
                    guess=guess,
                    unit_assumed=assumed,
                ),
            )
    _budget_change(out, claim, row, label, table, unit, guess, assumed)
    prev, final = _num(row.prev_final), _num(row.final)
    if prev is not None and final is not None and row.prev_final.sheet is not None and row.final.sheet is not None:
        steps = (printed_step(row.prev_final.raw) or Decimal(1), printed_step(row.final.raw) or Decimal(1))
        step = max(steps)
        refs = (row.final.located(), row.prev_final.located())
        change = final - prev
        out.setdefault(
            (claim, "change"),
            TableValue(
                claim,
                "change",
                change,
                unit,
                step,
                refs,
                f"{table}“{label}”决算数与上年决算数之差",
                f"{fmt_decimal(final)} − {fmt_decimal(prev)}",
                guess,
                unit_assumed=assumed,
                exact_step=min(steps) if min(steps) < step else None,
                other_basis=_PREV_BUDGET.format(table=table) if basic.prev_budget else "",
            ),
        )
        if prev != 0:
            out.setdefault(
                (claim, "change_rate"),
                TableValue(
                    claim,
                    "change_rate",
                    change / prev * HUNDRED,
                    "%",
                    _rate_step(final, prev, step),
                    refs,
                    f"{table}“{label}”与上年相比的增减率",
                    f"({fmt_decimal(final)} − {fmt_decimal(prev)}) / {fmt_decimal(prev)}",
                    basic.guess,  # a ratio of two cells of one table: in whatever unit they are, no guess about it
                    # the rate with each cell exact at the finest place printed ("6" beside "5.21" as 6.00): a stated
                    # rate agreeing only with a whole cell read loosely is a judgement, as its change is (lost17)
                    exact_step=_rate_step(final, prev, min(steps)) / 2 if min(steps) < step else None,
                    other_basis=_PREV_BUDGET.format(table=table) if basic.prev_budget else "",
                ),
            )


def _budget_change(
    out: dict, claim: str, row: AmountRow, label: str, table: str, unit: str | None, guess: str, assumed: bool
) -> None:
    """The other readings of a change naming no stage beside a “三公”经费 table printing last year's 预算 too
    (`AmountRow.prev_budget`; crosscheck `_no_stage_change`, sum20): 预算 − 上年预算 (role "budget_change", its rate
    "budget_change_rate"), and where the table prints them 预算 − 上年决算 ("budget_on_final_change") and 决算 − 上年预算
    ("final_on_budget_change") — which two columns a change naming no stage is of, its words do not say."""
    if row.prev_budget.sheet is None or _num(row.prev_budget) is None:
        return
    for role, now, before, names in (
        ("budget_change", row.budget, row.prev_budget, ("预算数", "上年预算数")),
        ("budget_on_final_change", row.budget, row.prev_final, ("预算数", "上年决算数")),
        ("final_on_budget_change", row.final, row.prev_budget, ("决算数", "上年预算数")),
    ):
        later, earlier = _num(now), _num(before)
        if later is None or earlier is None or now.sheet is None or before.sheet is None:
            continue
        steps = (printed_step(before.raw) or Decimal(1), printed_step(now.raw) or Decimal(1))
        refs = (now.located(), before.located())
        formula = f"{fmt_decimal(later)} − {fmt_decimal(earlier)}"
        out.setdefault(
            (claim, role),
            TableValue(
                claim,
                role,
                later - earlier,
                unit,
                max(steps),
                refs,
                f"{table}“{label}”{names[0]}与{names[1]}之差",
                formula,
                guess,
                unit_assumed=assumed,
            ),
        )
        if earlier != 0:
            out.setdefault(
                (claim, f"{role}_rate"),
                TableValue(
                    claim,
                    f"{role}_rate",
                    (later - earlier) / earlier * HUNDRED,
                    "%",
                    _rate_step(later, earlier, max(steps)),
                    refs,
                    f"{table}“{label}”{names[0]}与{names[1]}相比的增减率",
                    f"({formula}) / {fmt_decimal(earlier)}",
                    "",
                ),
            )


def money_unit_for(tv: TableValue, value: Decimal, unit: str | None) -> str | None:
    """The unit a table value is compared in: its own; for an amount of a table that prints none (a 三公 table whose unit
    line is outside it), the money unit in which it stands nearest the narrative's `value` in `unit` (its guess says
    so) — "3000元" and "0.30万元" both against a cell 0.30, not 3000 against 0.30. Such a table's figures are money all
    the same: a figure in another unit ("接待…100人次" against 公务接待费's 0.53) is given a money unit it cannot
    convert to, so it is never compared."""
    if tv.unit is not None or tv.role == "change_rate" or not tv.guess:
        return tv.unit
    if unit not in _TABLE_MONEY_UNITS:
        return _TABLE_MONEY_UNITS[0]
    if not value or not tv.value:
        return unit

    def distance(candidate: str) -> Decimal:
        conv = convert(value, unit, candidate)
        return abs((abs(conv.value) / abs(tv.value)).ln()) if conv.ok and conv.value else Decimal("Infinity")

    return min(_TABLE_MONEY_UNITS, key=distance)


#: The 三公 items a narrative gives a share of the 三公 total ("公务接待费支出决算0.53万元,占69%"): its three parts.
_THREE_PUBLIC_PARTS = ("overseas", "reception", "car")


def _three_public_shares(out: dict, basic: BasicData) -> None:
    """Each 三公 item's 决算 as a share of the 三公 total's (role "share", in %): what "…公务接待费支出决算0.53万元,占
    69%" restates when the paragraph prints no total (寿县 文物保护中心 2023, real reports 14: the total is the table's
    合计). A ratio of two cells of one table needs no unit; the range is the cells' printed precision."""
    rows = {row.key: row for row in basic.rows}
    total = rows.get("three_public")
    whole = _num(total.final) if total is not None else None
    if total is None or not whole or whole < 0 or total.final.sheet is None:
        return
    table = basic.table_name[0]
    for key in _THREE_PUBLIC_PARTS:
        row = rows.get(key)
        part = _num(row.final) if row is not None else None
        if row is None or part is None or part < 0 or row.final.sheet is None:
            continue
        steps = (printed_step(row.final.raw) or Decimal(1), printed_step(total.final.raw) or Decimal(1))
        share = part / whole * HUNDRED
        step, exact = (_share_width(part, whole, share, s / 2) for s in (max(steps), min(steps)))
        out.setdefault(
            (_BASIC_ROWS[key], "share"),
            TableValue(
                _BASIC_ROWS[key],
                "share",
                share,
                "%",
                step,
                (row.final.located(), total.final.located()),
                f"{table}“{row.label.text}”决算数占“三公”经费合计决算数的比例",
                f"{fmt_decimal(part)} / {fmt_decimal(whole)}",
                basic.guess,
                # each cell exact at the finer place printed ("8" beside "5.21" as 8.00): a share agreeing only with a
                # whole cell read loosely is a judgement, as a change's is (lost17)
                exact_step=exact / 2 if min(steps) < max(steps) else None,
            ),
        )


def _three_public_completion(out: dict, basic: BasicData) -> None:
    """Each 三公 row's 决算 as a share of its own 预算 (role "completion", in %): what "公务用车购置及运行维护费支出决算为
    19.56万元，完成预算的63.76%" restates when its sentence prints no budget (宜川路 2025, real reports 22: the 预算 30.67
    is the table's). A ratio of two cells of one row needs no unit; the range is the cells' printed precision."""
    for row in basic.rows:
        claim = _BASIC_ROWS.get(row.key)
        final, budget = _num(row.final), _num(row.budget)
        if not claim or final is None or not budget or budget < 0 or final < 0:
            continue
        if row.final.sheet is None or row.budget.sheet is None:
            continue
        steps = (printed_step(row.final.raw) or Decimal(1), printed_step(row.budget.raw) or Decimal(1))
        rate = final / budget * HUNDRED
        step, exact = (_share_width(final, budget, rate, s / 2) for s in (max(steps), min(steps)))
        out.setdefault(
            (claim, "completion"),
            TableValue(
                claim,
                "completion",
                rate,
                "%",
                step,
                (row.final.located(), row.budget.located()),
                f"{basic.table_name[0]}“{row.label.text}”决算数占预算数的比例",
                f"{fmt_decimal(final)} / {fmt_decimal(budget)}",
                basic.guess,
                exact_step=exact / 2 if min(steps) < max(steps) else None,
            ),
        )


def _share_width(part: Decimal, whole: Decimal, share: Decimal, half: Decimal) -> Decimal:
    """The width of part / whole (in %) when both cells stand for any value within `half` of what they print."""
    ends = [(p / w * HUNDRED) for p in (part - half, part + half) for w in (whole - half, whole + half) if w > 0]
    return max(Decimal("0.0001"), 2 * max((abs(e - share) for e in ends), default=ZERO))


def _rate_step(final: Decimal, prev: Decimal, step: Decimal) -> Decimal:
    """The width of the change rate's range when both amounts are printed rounded to `step` (whole 万元 in a 三公 table:
    2364 against 2840 may be anything from −16.79% to −16.73%), at least 0.0001 points: a stated rate inside it agrees."""
    rate = (final - prev) / prev * HUNDRED
    half = step / 2
    ends = [(f - p) / p * HUNDRED for f in (final - half, final + half) for p in (prev - half, prev + half) if p]
    return max(Decimal("0.0001"), 2 * max((abs(e - rate) for e in ends), default=ZERO))


def _breakdown(out: dict, sub: Submission) -> None:
    """收入/支出 totals and 基本/项目支出 from the 自评表's funds breakdown ("按支出性质分：2223.04" …)."""
    for ev in sub.evaluations:
        funds = ev.funds
        if funds is None:
            continue
        unit = funds.unit or "万元"
        expense_col = None
        items: list[tuple[str, Decimal, CellValue, CellRef]] = []
        for cell in funds.breakdown:
            for m in _BREAKDOWN.finditer(cell.text):
                name = re.sub(r"^(其中)", "", m.group(1))
                value = to_decimal(m.group(2).replace(",", ""))
                if value is not None and cell.sheet is not None:
                    items.append((name, value, cell, cell.located()))
                    if "支出性质" in name:
                        expense_col = cell.located().col
        for name, value, cell, ref in items:
            step = printed_step(cell.text) or Decimal(1)
            label = f"自评表“{cell.text.strip()}”"
            if "收入性质" in name:
                claim, guess = "income", ""
            elif "支出性质" in name:
                claim, guess = "expense", ""
            elif "基本支出" in name:
                claim, guess = "basic_expense", ""
            elif "项目支出" in name:
                claim, guess = "project_expense", ""
            elif expense_col is not None and ref.col == expense_col:
                claim = "project_expense"
                guess = f"“按支出性质分”中基本支出以外的“{name}”视为项目支出"
            else:
                continue
            out.setdefault((claim, "final"), TableValue(claim, "final", value, unit, step, (ref,), label, guess=guess))
        total = funds.total
        if total is not None and ("expense", "final") not in out:
            value = _money(total.executed, unit)
            if value is not None and total.executed.sheet is not None:
                out[("expense", "final")] = TableValue(
                    "expense",
                    "final",
                    value,
                    unit,
                    printed_step(total.executed.raw) or Decimal(1),
                    (total.executed.located(),),
                    "自评表“年度资金总额”全年执行数",
                )


def _execution_rate(out: dict, sub: Submission) -> None:
    """The one 自评表's 执行率 from its funds total's amounts (全年执行数 / 全年预算数): what a stated 预算执行率 restates.
    Computed, not the printed rate cell — a wrong printed rate is F04's, and the narrative is held to the amounts."""
    totals = [ev.funds.total for ev in sub.evaluations if ev.funds is not None and ev.funds.total is not None]
    if len(totals) != 1:
        return
    total = totals[0]
    unit = next(ev.funds.unit for ev in sub.evaluations if ev.funds is not None and ev.funds.total is total) or "万元"
    executed, budget = _money(total.executed, unit), _money(total.full_budget, unit)
    if executed is None or not budget or total.executed.sheet is None or total.full_budget.sheet is None:
        return
    out[("execution_rate", "final")] = TableValue(
        "execution_rate",
        "final",
        executed / budget * HUNDRED,
        "%",
        Decimal("0.0001"),
        (total.executed.located(), total.full_budget.located()),
        "自评表资金表“全年执行数 / 全年预算数”",
        f"{fmt_decimal(executed)} / {fmt_decimal(budget)}",
    )


_CARRIED_OVER_ROW = lazy_compile(r"^(?:其中)?上年结转(?:资金)?$")


def _carried_over(out: dict, sub: Submission) -> None:
    """The one 项目支出 自评表's funds row 上年结转资金: its 全年预算数 ("budget"), 年初预算数 ("initial") and 全年执行数
    ("final") — the money brought from last year that a project report states ("上年结转资金150万元")."""
    funds = [ev.funds for ev in sub.evaluations if ev.funds is not None]
    if len(funds) != 1 or {ev.kind for ev in sub.evaluations if ev.funds is not None} != {"project"}:
        return
    rows = [r for r in funds[0].parts if _CARRIED_OVER_ROW.match(re.sub(r"[\s：:]", "", r.label.text))]
    if len(rows) != 1:
        return
    row, unit = rows[0], funds[0].unit or "万元"
    for role, cell, column in (
        ("budget", row.full_budget, "全年预算数"),
        ("initial", row.initial_budget, "年初预算数"),
        ("final", row.executed, "全年执行数"),
    ):
        value = _num(cell)
        if value is not None and cell.sheet is not None:
            out[("carried_over", role)] = TableValue(
                "carried_over",
                role,
                value,
                unit,
                printed_step(cell.raw) or Decimal(1),
                (cell.located(),),
                f"自评表资金表“{row.label.text.strip()}”{column}",
            )


def _total_score(out: dict, sub: Submission) -> None:
    """The 自评表's 总分, when the document has exactly one 自评表 with one (a report on several projects
    leaves open which one a stated score is)."""
    totals = [
        ev.total_score for ev in sub.evaluations if ev.total_score is not None and _num(ev.total_score) is not None
    ]
    if len(totals) != 1 or totals[0].sheet is None:
        return
    cell = totals[0]
    value = _num(cell)
    assert value is not None and cell.sheet is not None
    out[("total_score", "final")] = TableValue(
        "total_score",
        "final",
        value,
        SCORE_UNIT,
        printed_step(cell.raw) or Decimal(1),
        (cell.located(),),
        "自评表“总分”",
    )


def unit_lines(sub: Submission) -> dict[str, str]:
    """Table (sheet) name → the line above it its money unit was taken from ("单位：万元" over a Word table), for the
    tables of `sub` that print no unit of their own: what a finding comparing their amounts states in its basis."""
    out: dict[str, str] = {}
    if sub.basic is not None and sub.basic.unit_above:
        out[sub.basic.sheet] = sub.basic.unit_above
    for table in (*sub.evaluations, *sub.declarations, *sub.monitoring):
        if table.funds is not None and table.funds.unit_above:
            out.setdefault(table.sheet, table.funds.unit_above)
    return out


def unread_cells(sub: Submission) -> dict[tuple[str, str], CellValue]:
    """(claim, role) → the 基础数据表 (or 三公 table) cell of that row and column that is filled but holds no figure
    perfxl reads (a damaged "1.1O31", C02's): the row is there, its figure unread — a narrative figure about it could
    not be checked (coverage), never "no such row" (polish14)."""
    out: dict[tuple[str, str], CellValue] = {}
    basic = sub.basic
    for row in basic.rows if basic is not None else ():
        claim = _BASIC_ROWS.get(row.key)
        for role, cell in (("previous", row.prev_final), ("budget", row.budget), ("final", row.final)):
            if claim and not cell.is_blank and cell.sheet is not None and _num(cell) is None:
                out.setdefault((claim, role), cell)
    return out


def table_values(sub: Submission) -> dict[tuple[str, str], TableValue]:
    """Every (claim, role) the tables state: roles "final", "budget", "previous", "change", "change_rate" (and
    "initial": the 上年结转资金 row's 年初预算数)."""
    out: dict[tuple[str, str], TableValue] = {}
    _breakdown(out, sub)
    _total_score(out, sub)
    _execution_rate(out, sub)
    _carried_over(out, sub)
    basic = sub.basic
    if basic is not None:
        for row in basic.rows:
            claim = _BASIC_ROWS.get(row.key)
            if claim:
                _amount(out, claim, row, basic)
        _three_public_shares(out, basic)
        _three_public_completion(out, basic)
        st = basic.staffing
        if st is not None:
            for claim, cell, label in (
                ("establishment", st.establishment, "编制数"),
                ("staff", st.actual, "实际在职人数"),
            ):
                value = _num(cell)
                if value is not None and cell.sheet is not None:
                    out[(claim, "final")] = TableValue(
                        claim, "final", value, "人", Decimal(1), (cell.located(),), f"基础数据表“{label}”"
                    )
    return out


@record(frozen=True, slots=True)
class ProjectFunds:
    """The one project table of a report (its 项目支出 自评表, or its 目标表/申报表 when it has no 自评表): the 项目名称 and
    the funds total's amounts — `budgets` (全年预算数, then 年初预算数) and `executed` (全年执行数; None on a 目标表)."""

    name: str
    budgets: tuple[TableValue, ...]
    executed: TableValue | None
    rate: TableValue | None = None  # the 执行率 the total row prints (a percent cell), as printed


def project_funds(sub: Submission) -> ProjectFunds | None:
    """The project whose money a project report's narrative tells without naming another: the one 项目支出 自评表 with a
    funds total, else the one 目标表/申报表 with one (a report with several, or a 部门整体 one, names no single project)."""
    evaluations = [ev for ev in sub.evaluations if ev.funds is not None and ev.funds.total is not None]
    tables = evaluations or [ev for ev in sub.declarations if ev.funds is not None and ev.funds.total is not None]
    if len(tables) != 1 or (evaluations and tables[0].kind != "project"):
        return None
    return table_funds(tables[0], evaluation=bool(evaluations))


def table_funds(table: SelfEvaluation, *, evaluation: bool = True, row: FundsRow | None = None) -> ProjectFunds | None:
    """One table's 项目名称 and funds total (全年预算数, 年初预算数, and on a 自评表 its 全年执行数) — what a text about that
    table's money restates: a report's narrative (project_funds), or the table's own 年度总体目标 cells; with `row`, that
    source row's amounts instead (本年财政拨款: what "财政拨款为150万元" may mean)."""
    if table.funds is None or table.funds.total is None:
        return None
    total, unit = row or table.funds.total, table.funds.unit or "万元"
    label = "自评表" if evaluation else "目标表"
    name_cell = table.header.get("项目名称")

    def value(cell: CellValue, column: str) -> TableValue | None:
        number = _money(cell, unit)
        if number is None or cell.sheet is None:
            return None
        step = printed_step(cell.raw) or Decimal(1)
        row = total.label.text.strip().rstrip("：:")
        return TableValue(
            "project", column, number, unit, step, (cell.located(),), f"{label}“{row}”{column if evaluation else ''}"
        )

    budgets = tuple(
        v for v in (value(total.full_budget, "全年预算数"), value(total.initial_budget, "年初预算数")) if v is not None
    )
    executed = value(total.executed, "全年执行数") if evaluation else None
    if not budgets and executed is None:
        return None
    ref, printed = total.rate.place(), parse_value(total.rate.raw)
    rate = None
    if evaluation and ref is not None and printed.kind is ValueKind.PERCENT and printed.number is not None:
        step = printed_step(total.rate.raw) or Decimal(1)
        rate = TableValue("execution_rate", "printed", printed.number, "%", step, (ref,), "本表印出的执行率")
    return ProjectFunds(name_cell.text.strip() if name_cell is not None else "", budgets, executed, rate)


_NUMERIC = (ValueKind.NUMBER, ValueKind.PERCENT, ValueKind.GROWTH)


def _named(ind: Indicator) -> bool:
    name = ind.name.text
    return bool(name) and not set(name) <= set("…. ")


def indicator_values(sub: Submission, profile: ProfileLike = None) -> list[IndicatorValue]:
    """自评表 indicator rows with a name and a numeric 实际完成值 (growth and percent values included); then the
    目标表/申报表 rows with a name and a numeric 指标值, marked `role="target"` (a narrative target is set against them)."""
    out = []
    for ev in sub.evaluations:
        for ind in ev.indicators:
            if not _named(ind):
                continue
            target, actual = parse_value(ind.target.raw, profile), parse_value(ind.actual.raw, profile)
            if actual.number is None or actual.kind not in _NUMERIC:
                continue
            step = Decimal(1).scaleb(min(int(actual.number.as_tuple().exponent), 0))
            out.append(IndicatorValue(ind.name.text, ind, target, actual, step))
    for decl in sub.declarations:
        for ind in decl.indicators:
            target = parse_value(ind.target.raw, profile)
            if _named(ind) and target.number is not None and target.kind in _NUMERIC and ind.target.sheet is not None:
                out.append(IndicatorValue(ind.name.text, ind, target, parse_value(None, profile), None, role="target"))
    return out
