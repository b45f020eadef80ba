"""A 成本指标 against the table's funds block.

R-F12: a 成本指标 set at the year's whole budget measures what the project spent, so its actual is the 全年执行数.
F19: a 成本指标 set as a standard per unit of what a 数量指标 counts ("=23万元/个" beside "=10个") costs at least the
count times the standard; more than the year's funds is a contradiction a person resolves (财预〔2015〕88号: the targets
match the budget). Batch 20's 南岳镇 资产收益扶贫 申报表: 10个 × 23万元/个 = 230万元 against 214.06万元.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import CellValue, Finding, SelfEvaluation
from perfxl.numbers import round_half_up
from perfxl.patterns import lazy_compile
from perfxl.units import convert, family_of, money_symbol, normalise_unit, split_per
from perfxl.values import Op, ParsedValue

from .catalogue import check
from .context import Context, fmt_num
from .row_facts import RowFacts


def _yuan_per(unit: str | None) -> Decimal | None:
    """元 per unit of a money unit ("150万" beside money is 150 万元); None for a unit cost (万元/场), a count, a rate."""
    symbol = money_symbol(unit)
    if family_of(symbol) != "money":
        return None
    return convert(Decimal(1), symbol, "元").value


@check("F12")
def cost_actual_against_executed(ctx: Context) -> Iterator[Finding]:
    """A 成本指标 whose 指标值 is the funds block's 全年预算数 (the project's whole cost, in a money unit) and whose actual is
    not the 全年执行数 — at the places each is printed — contradicts the table's own spending (often the budget copied into
    the actual): a 警告, since a cost may be counted on other money than the block's."""
    ev = ctx.evaluation
    total = ev.funds.total if ev is not None and ev.funds is not None else None
    if ev is None or ev.funds is None or total is None:
        return
    funds_yuan = _yuan_per(ev.funds.unit or "万元")  # 元 per unit of the funds block's figures
    budget = ctx.number(total.full_budget)
    if budget is None:
        budget = ctx.number(total.initial_budget)
    executed = ctx.number(total.executed)
    if funds_yuan is None or budget is None or executed is None or budget <= 0:
        return
    for f in _cost_rows(ctx, ev):
        ind, t, a = f.ind, f.target, f.actual
        if t.number is None or a.number is None or t.number <= 0:
            continue
        if a.op is not None and a.op is not Op.EQ:
            continue  # "≤150万元" as the actual: a bound the spending keeps, not a figure of it (S13 names a copy)
        unit_t = _yuan_per(t.unit or a.unit or ev.funds.unit)
        unit_a = _yuan_per(a.unit or t.unit or ev.funds.unit)
        if unit_t is None or unit_a is None:
            continue  # a unit cost (万元/场), a count, a rate: not the project's whole money
        if not _as_printed(budget * funds_yuan / unit_t, t.number) or _agree(executed * funds_yuan / unit_a, a.number):
            continue  # a target that is not the whole budget, or an actual that is the spending
        if _as_printed(budget * funds_yuan / unit_a, executed * funds_yuan / unit_a):
            continue  # all the budget spent: the budget and the spending are one figure
        budget_text = total.full_budget.text or total.initial_budget.text
        yield ctx.finding(
            ind.actual,
            name=ind.name.text,
            budget=ind.target.text,
            actual=ind.actual.text,
            executed=total.executed.text,
            basis=f"读取：成本指标“{ind.name.text}”指标值 {ind.target.text}，与全年预算数 {budget_text} 相同；"
            f"实际完成值 {ind.actual.text}，资金表全年执行数 {total.executed.text}"
            f"（折合 {fmt_num(executed * funds_yuan / unit_a)}）；成本可能另有口径，需人工核对",
            basis_en=f"read cost {ind.name.text!r}: target {ind.target.text} = the budget, actual {ind.actual.text}, "
            f"spent {total.executed.text}; the cost may be counted on other money, a person checks",
            related=tuple(c.located() for c in (total.executed, ind.target) if c.sheet is not None),
        )


def _is_cost(f: RowFacts) -> bool:
    """A row under 成本指标 (or naming a 成本 itself where the form prints no 二级)."""
    return "成本" in f.level2_key or ("成本" in f.name_key and not f.ind.level2.text)


def _cost_rows(ctx: Context, ev: SelfEvaluation) -> tuple[RowFacts, ...]:
    """The table's rows `_is_cost` holds, in order: picked out once a table and run, so F12, F19 and F20 each walk
    its few cost rows rather than every row (issue 14)."""
    return ctx.once(("cost rows", id(ev)), lambda: tuple(f for f in ctx.facts(ev) if _is_cost(f)))


def _agree(spent: Decimal, actual: Decimal) -> bool:
    """The 全年执行数 and the actual are one figure at the coarser of their printed places: "125.25万" against a block
    printing 125.3 (or 125) is the spending, not another figure."""
    return _as_printed(spent, actual) or _as_printed(actual, spent)


def _as_printed(exact: Decimal, printed: Decimal) -> bool:
    """`exact` rounded to the decimals `printed` shows equals it (132.912 ~ "132.9"; 202.64 ~ "202.6")."""
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return round_half_up(exact, places) == printed


#: Operators under which a 数量指标's figure is the least the project delivers, and a standard the least it pays a unit.
_AT_LEAST = (None, Op.EQ, Op.GE, Op.GT)


#: The unit a funds block printing none is read in (the national template's 万元) — a guess each basis states.
_UNPRINTED_FUNDS_UNIT = "万元"


def _unit_assumed(ev: SelfEvaluation) -> tuple[str, str]:
    """What F19/F20's basis adds when the funds block prints no unit (a block in 元 would read 10,000 times too much)."""
    funds = ev.funds
    if funds is None or funds.unit_cell is not None or funds.unit_above or ev.unit_line is not None:
        return "", ""  # printed: in the block's header, on the line above the table, or on the table's unit line
    return "（资金表未印单位，按万元理解，未经核实）", " (the funds block prints no unit: read as 万元, not verified)"


def _funds_to_price(ctx: Context) -> tuple[SelfEvaluation, str, Decimal, CellValue, Decimal] | None:
    """What F19 and F20 hold counts times a standard to: the 自评表, its funds unit and that unit in 元, the 年度资金总额's budget cell
    (全年 when it holds a figure, else 年初) and that figure; None without a positive total."""
    ev = ctx.evaluation
    total = ev.funds.total if ev is not None and ev.funds is not None else None
    if ev is None or ev.funds is None or total is None:
        return None
    unit = ev.funds.unit or _UNPRINTED_FUNDS_UNIT
    funds_yuan = _yuan_per(unit)
    budget_cell = total.full_budget if ctx.number(total.full_budget) is not None else total.initial_budget
    budget = ctx.number(budget_cell)
    if funds_yuan is None or budget is None or budget <= 0:
        return None
    return ev, unit, funds_yuan, budget_cell, budget


@check("F19")
def count_times_standard_vs_funds(ctx: Context) -> Iterator[Finding]:
    """A 成本指标 whose 指标值 is a money standard per unit ("=23万元/个") and the one 数量指标 counting that unit ("=10个"):
    their product is the least the targets cost. Above the funds block's 年度资金总额 — the standard taken at the lowest
    value its printed figure may stand for — the targets ask more money than the year has: a 警告 at the standard, since
    which of count, standard and funds is wrong (or whether other money pays a part) a person judges. A cap ("≤475元/亩")
    bounds nothing from below and is not read; a unit counted by two 数量指标 is ambiguous and not read. Nor are (review13t)
    a standard per period ("100万元/年" × "=3年" may span years the year's funds do not pay), an approximate figure
    ("约23万元/个", "近10个"), a 累计 count, a standard whose cell holds a second figure ("3万元/户（其中本项目补助1.5万元）"),
    nor a count in a measure word anything is counted in (个, 项, 次) whose name shares no noun with the standard's: the
    pairing by unit is a guess, and the basis says so."""
    priced = _funds_to_price(ctx)
    if priced is None:
        return
    ev, funds_unit, funds_yuan, budget_cell, budget = priced
    counts: dict[str, list[RowFacts]] = {}
    for f in ctx.facts(ev):
        if "数量" not in f.level2_key:
            continue  # (most rows: asked before the unit is read — a pure function of the text)
        unit = normalise_unit(f.target.unit)
        if unit and f.target.number is not None and f.target.op in _AT_LEAST:
            counts.setdefault(unit, []).append(f)
    for f in _cost_rows(ctx, ev):
        standard = f.target
        money, per = split_per(normalise_unit(standard.unit))
        yuan = _yuan_per(money)
        if per is None or yuan is None or standard.number is None or standard.number <= 0:
            continue
        if family_of(per) in ("time", "workday"):
            continue  # "100万元/年" × "=3年": a count of periods may span years the year's funds do not pay
        counted = counts.get(per, [])
        if standard.op not in _AT_LEAST or len(counted) != 1:
            continue
        count = counted[0]
        if _ABOUT.search(f.ind.target.text) or _ABOUT.search(count.ind.target.text) or "累计" in count.name_key:
            continue  # "约23万元/个", "近10个": no least figure; "累计…个数": a count over the project's years
        if len(_FIGURE.findall(f.ind.target.text)) > 1:
            continue  # "3万元/户（其中本项目补助1.5万元）": the cell says what of the standard this money pays
        if per in _GENERIC_COUNTS and not _share_a_noun(count.name_key, f.name_key):
            continue  # "乡镇覆盖个数" and "每个培训班补助标准" both count 个 but not the same things
        assert count.target.number is not None  # kept in `counts` only with a figure
        least = count.target.number * _lowest(standard) * yuan / funds_yuan  # in the funds block's unit
        if least <= _highest(budget):
            continue
        need = count.target.number * standard.number * yuan / funds_yuan
        unit = funds_unit
        yield ctx.finding(
            f.ind.target,
            expected=f"{budget_cell.text}{unit}",
            actual=f"{fmt_num(need)}{unit}",
            name=f.ind.name.text,
            standard=f.ind.target.text,
            count_name=count.ind.name.text,
            count=count.ind.target.text,
            related=tuple(c.located() for c in (count.ind.target, budget_cell) if c.sheet is not None),
            basis=f"读取：数量指标“{count.ind.name.text}”{count.ind.target.text}，成本指标“{f.ind.name.text}”"
            f"{f.ind.target.text}，按计量单位“{per}”推断标准即按此数量计（同一对象，未经核实），两者之积至少 "
            f"{fmt_num(need)}{unit}（标准按所印位数取下限），年度资金总额 {budget_cell.text}{unit}"
            f"{_unit_assumed(ev)[0]}；数量、标准、资金"
            "哪一处有误（或另有资金承担、二者并非同一对象）需人工判断",
            basis_en=f"read the count {count.ind.name.text!r} {count.ind.target.text} and the standard "
            f"{f.ind.name.text!r} {f.ind.target.text}, paired by their unit {per!r} (taken to count the same things, "
            f"not verified): together at least {fmt_num(need)} {unit} (the standard at the lowest its printed figure "
            f"allows), the yearly funds {budget_cell.text} {unit}{_unit_assumed(ev)[1]}; which is wrong, whether other "
            "money pays a part or "
            "the two count different things, a person judges",
        )


#: Operators under which a 数量指标's figure is what the project delivers, no more: a cap times it bounds the cost.
_EXACTLY = (None, Op.EQ)
#: Operators of a cap: the most a standard pays a unit.
_AT_MOST = (Op.LE, Op.LT)


def _is_grant_standard(name: str) -> bool:
    """A 补助/补贴/奖补 标准: the money it caps is what the project pays out, so the funds are its sum. A 标准 of anything
    else ("人均培训标准 ≤500元") prices a part — venue, materials and the rest the funds also pay."""
    return "标准" in name and "补" in name


#: Counts a basis names one by one; past them it says how many.
_LISTED = 5
#: Unit families a count of things a standard prices may not be in (a sum of money, a share, a span of time).
_NOT_PRICED = frozenset(("money", "percent", "time", "workday"))


@check("F20")
def count_times_cap_vs_funds(ctx: Context) -> Iterator[Finding]:
    """A 成本指标 named a 补助 标准 whose 指标值 is a money cap with no unit it is per ("硬化水泥砼公路补助标准 ≤120万元"), in a
    table whose 数量指标 all count one unit exactly ("2km", "2km"): read per that unit (a guess the finding states), the
    cap times the counts' sum is the most the standard lets the targets cost. Below the funds block's 年度资金总额 — the
    cap at the highest its printed figure may stand for, the funds at the lowest — the year's money is more than the
    standard allows for what the table says it delivers: a 警告 at the standard (清涧 2021 申报表: 4km × 120万元 = 480万元
    against 500万元). Not read: a count at least ("≥2km": the project may deliver more), counts in two units or in a
    measure word anything is counted in (个, 项, 次), a cap with a unit it is per (F19's field, a cap bounds nothing from
    below), a name that is no 补助/补贴 标准 ("项目总成本 ≤90万元" is the whole cost, "人均培训标准 ≤500元" prices one part of
    what the funds pay), an approximate figure, a cell with two figures, a standard whose name says it is paid per month
    or occasion ("每人每月补助标准"), several 补助 标准 in one table (which counts each prices is unknown; funds22)."""
    priced = _funds_to_price(ctx)
    if priced is None:
        return
    ev, funds_unit, funds_yuan, budget_cell, budget = priced
    caps = [f for f in _cost_rows(ctx, ev) if _is_grant_standard(f.name_key) and f.target.op in _AT_MOST]
    if len(caps) != 1:
        return  # none, or several standards (一类户 ≤1000元, 二类户 ≤500元): which counts each one prices is unknown
    counts = [f for f in ctx.facts(ev) if "数量" in f.level2_key and f.target.number is not None]
    units = {normalise_unit(f.target.unit) for f in counts}
    if not counts or len(units) != 1:
        return  # no count, or counts in two units: which one the cap prices is unknown
    per = units.pop()
    if per is None or per in _GENERIC_COUNTS or family_of(per) in _NOT_PRICED or family_of(per) is None:
        return
    if any(f.target.op not in _EXACTLY or _ABOUT.search(f.ind.target.text) or "累计" in f.name_key for f in counts):
        return  # "≥2km", "约2km", a 累计 count: no most the project delivers
    delivered = sum((f.target.number for f in counts if f.target.number is not None), Decimal(0))
    if delivered <= 0:
        return
    for f in caps:
        cap = f.target
        money, per_of_cap = split_per(normalise_unit(cap.unit))
        yuan = _yuan_per(money)
        if per_of_cap is not None or yuan is None or cap.number is None or cap.number <= 0:
            continue
        if _ABOUT.search(f.ind.target.text) or len(_FIGURE.findall(f.ind.target.text)) > 1:
            continue
        if _PER_PERIOD.search(f.name_key):
            continue  # "每人每月补助标准 ≤100元": paid each month (季, 学期, 次…), the year's funds pay it many times
        most = delivered * _highest(cap.number) * yuan / funds_yuan  # in the funds block's unit
        if most >= _lowest_amount(budget):
            continue
        allowed = delivered * cap.number * yuan / funds_yuan
        unit = funds_unit
        listed = "、".join(f"“{c.ind.name.text}”{c.ind.target.text}" for c in counts[:_LISTED])
        if len(counts) > _LISTED:
            listed += f" 等 {len(counts)} 项"
        yield ctx.finding(
            f.ind.target,
            expected=f"{budget_cell.text}{unit}",
            actual=f"{fmt_num(allowed)}{unit}",
            name=f.ind.name.text,
            standard=f.ind.target.text,
            per=per,
            count=f"{fmt_num(delivered)}{per}",
            related=tuple(c.ind.target.located() for c in counts if c.ind.target.sheet is not None)
            + ((budget_cell.located(),) if budget_cell.sheet is not None else ()),
            basis=f"读取：数量指标 {listed}，合计 {fmt_num(delivered)}{per}；成本指标“{f.ind.name.text}”"
            f"{f.ind.target.text}，未写按什么计，按数量指标的单位“{per}”推断为每{per}的上限（推断，未经核实），"
            f"两者之积至多 {fmt_num(allowed)}{unit}（上限按所印位数取上界），年度资金总额 {budget_cell.text}{unit}"
            f"{_unit_assumed(ev)[0]}；"
            "数量、标准、资金哪一处有误（或资金另有用途、标准并非按此计）需人工判断",
            basis_en=f"read the counts {listed}, {fmt_num(delivered)} {per} in all, and the standard "
            f"{f.ind.name.text!r} {f.ind.target.text}, which prints no unit it is per: taken per {per!r} as the counts "
            f"are (a guess, not verified), together at most {fmt_num(allowed)} {unit} (the cap at the highest its "
            f"printed figure allows), the yearly funds {budget_cell.text} {unit}{_unit_assumed(ev)[1]}; which is wrong, "
            "whether the funds pay "
            "other things too or the standard is per something else, a person judges",
        )


#: A standard's name saying it is paid per a period shorter than the year or per occasion ("每人每月", "按季", "每次").
_PER_PERIOD = lazy_compile(r"[每按逐](?:人|户|生)?(?:月|季|季度|学期|周|天|日|次|期|批)|月(?:补助|补贴|标准)|月人均")
#: Words that make a figure approximate ("约23万元/个", "10个左右", "近10个"): no least value to multiply.
_ABOUT = lazy_compile(r"约|左右|上下|近|大概|大致")
#: A figure in a cell's text: a standard's cell holding two is no one standard (a note on a share, a range).
_FIGURE = lazy_compile(r"\d+(?:\.\d+)?")
#: Measure words any thing is counted in: a standard and a count in one of them are paired only when their names share
#: a noun (`_share_a_noun`); a 户, 人, 亩 or 公里 counts one kind of thing already.
_GENERIC_COUNTS = frozenset(("个", "项", "次", "件", "批"))
#: Two-character runs every such name may hold, naming no thing counted.
_NOT_A_NOUN = frozenset(
    (
        "个数",
        "数量",
        "标准",
        "补助",
        "平均",
        "每个",
        "成本",
        "资金",
        "费用",
        "经费",
        "金额",
        "支出",
        "项目",
        "指标",
        "单位",
    )
)


def _share_a_noun(count_name: str, standard_name: str) -> bool:
    """The two names share a run of two Chinese characters naming a thing ("入股合作社个数" and "补助合作社平均标准":
    合作, 作社) — the count and the standard then likely count the same things."""

    def runs(name: str) -> set[str]:
        return {name[i : i + 2] for i in range(len(name) - 1) if _CJK_PAIR.fullmatch(name[i : i + 2])} - _NOT_A_NOUN

    return bool(runs(count_name) & runs(standard_name))


_CJK_PAIR = lazy_compile(r"[\u4e00-\u9fff]{2}")


def _lowest(value: ParsedValue) -> Decimal:
    """The least a printed figure may stand for: "23" is 22.5 or more, "1500" 1499.5, "2.5" 2.45."""
    assert value.number is not None
    return value.number - _half_unit(value.number)


def _highest(amount: Decimal) -> Decimal:
    """The most a printed amount may stand for: 214.06 is below 214.065."""
    return amount + _half_unit(amount)


def _lowest_amount(amount: Decimal) -> Decimal:
    """The least a printed amount may stand for: 500 is 499.5 or more."""
    return amount - _half_unit(amount)


def _half_unit(figure: Decimal) -> Decimal:
    """Half a unit in the last place a figure is printed with (23 → 0.5, 214.06 → 0.005)."""
    exponent = figure.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal(5) / Decimal(10) ** (places + 1)
