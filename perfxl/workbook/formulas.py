"""The standard workbook's formulas: the one place that says which formula each computed cell holds.

The cached value written beside each formula (what Excel shows before it recalculates) is that same
formula evaluated by perfxl's one evaluator (`perfxl.formula`) over the plan's cells — exact
Decimals, Excel's ROUND, and `PERF_*` through perfxl's own worksheet functions (`perfxl.functions`),
which no spreadsheet program can compute. Nothing here restates what a formula means; the
LibreOffice test recalculates the native ones and compares.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from perfxl.formula import ExcelError, evaluate_formula

from .plan import ERROR_CODES, SheetPlan

__all__ = ["put_sum", "put_rate", "put_exec_score", "put_perf_score", "cached_value", "to_cell"]

Cell = tuple[int, int]


def to_cell(value: Decimal | None) -> Any:
    """A computed Decimal as the number written to the file (int when whole, else float)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def cached_value(plan: SheetPlan, formula: str) -> Any:
    """What `formula` shows over the plan's cells: a number, text, TRUE/FALSE or an Excel error code."""

    def lookup(sheet: str | None, r: int, c: int) -> object:
        if sheet not in (None, plan.name):
            raise ValueError(f"the standard workbook's formulas stay on their sheet: {formula}")
        spec = plan.cells.get((r, c))
        if spec is None:
            return None
        if spec.formula and isinstance(spec.value, str) and spec.value in ERROR_CODES:
            raise ExcelError(spec.value)
        return spec.value

    try:
        value = evaluate_formula(formula, lookup)
    except ExcelError as exc:
        return str(exc)
    return to_cell(value) if isinstance(value, Decimal) else value


def _put(plan: SheetPlan, r: int, c: int, formula: str, style: str, path: str | None) -> None:
    plan.put(r, c, cached_value(plan, formula), formula=formula, style=style, path=path)


def put_sum(
    plan: SheetPlan, r: int, c: int, cells: Iterable[Cell], *, style: str = "calc", path: str | None = None
) -> None:
    """=SUM(a,b,…) (consecutive cells in one column collapse to a range); text and blanks count 0."""
    _put(plan, r, c, f"=SUM({_refs(plan, list(cells))})", style, path)


def _refs(plan: SheetPlan, cells: list[Cell]) -> str:
    """A1 references for SUM: runs of consecutive cells in one column become ranges."""
    if not cells:
        return "0"
    parts: list[str] = []
    run = [cells[0]]
    for rc in cells[1:]:
        prev = run[-1]
        if rc[1] == prev[1] and rc[0] == prev[0] + 1:
            run.append(rc)
            continue
        parts.append(_run_ref(plan, run))
        run = [rc]
    parts.append(_run_ref(plan, run))
    return ",".join(parts)


def _run_ref(plan: SheetPlan, run: list[Cell]) -> str:
    first, last = run[0], run[-1]
    return plan.ref(*first) if len(run) == 1 else f"{plan.ref(*first)}:{plan.ref(*last)}"


def put_rate(
    plan: SheetPlan, r: int, c: int, num: Cell, den: Cell, *, style: str = "rate", path: str | None = None
) -> None:
    """A rate in percent points, blank while the denominator is blank or 0."""
    n, d = plan.ref(*num), plan.ref(*den)
    _put(plan, r, c, f'=IF(N({d})=0,"",ROUND({n}/{d}*100,2))', style, path)


def put_exec_score(
    plan: SheetPlan,
    r: int,
    c: int,
    executed: Cell,
    budget: Cell,
    weight: Cell,
    *,
    style: str = "score",
    path: str | None = None,
) -> None:
    """预算执行率得分 = ROUND(MIN(1, 全年执行数/全年预算数) × 分值, 2) (common practice under 10号)."""
    e, b, w = (plan.ref(*x) for x in (executed, budget, weight))
    _put(plan, r, c, f'=IF(N({b})=0,"",ROUND(MIN(1,{e}/{b})*{w},2))', style, path)


def put_perf_score(
    plan: SheetPlan,
    r: int,
    c: int,
    target: list[Cell],
    actual: Cell,
    weight: Cell,
    *,
    style: str = "score",
    path: str | None = None,
) -> None:
    """Indicator 得分 = PERF_SCORE(年度指标值, 实际完成值, 分值), blank while either value is blank.

    With split columns the target is their concatenation (指标性质&指标值&度量单位), blank while
    the 指标值 column is.
    """
    t_expr = "&".join(plan.ref(*x) for x in target)
    t_check = plan.ref(*target[len(target) // 2]) if len(target) > 1 else t_expr
    a, w = plan.ref(*actual), plan.ref(*weight)
    _put(plan, r, c, f'=IF(OR({t_check}="",{a}=""),"",PERF_SCORE({t_expr},{a},{w}))', style, path)
