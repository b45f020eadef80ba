"""Formula cells with their cached values: what Excel would show, computed when the file is written.

Native formulas (sums, rates with ROUND and an IF for a zero denominator, the budget-execution
score) get the value the formula itself evaluates to, with exact Decimals and Excel's ROUND
(`round_half_up`); the LibreOffice test recalculates them and compares. `PERF_*` cells get the
value perfxl's own worksheet function returns (`perfxl.excel.functions`, over
`perfxl.scoring.score_indicator`), because no spreadsheet program can compute it.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from perfxl.numbers import HUNDRED, round_half_up

from .plan import SheetPlan, number_of

__all__ = ["put_sum", "put_rate", "put_exec_score", "put_perf_score", "excel_text", "to_cell"]

Cell = tuple[int, int]


def to_cell(value: Decimal | None) -> Any:
    """A computed Decimal as the number written to the file (int when whole, else float)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def excel_text(value: Any) -> str:
    """A cell value as Excel's & operator turns it into text (12.0 → "12", blank → "")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


def put_sum(plan: SheetPlan, r: int, c: int, cells: Iterable[Cell], *, style: str = "calc",
            path: str | None = None) -> None:
    """=SUM(a,b,…) (consecutive cells in one column collapse to a range); text and blanks count 0."""
    cells = list(cells)
    total = sum((plan.number(*rc) or Decimal(0) for rc in cells), Decimal(0))
    plan.put(r, c, to_cell(total), formula=f"=SUM({_refs(plan, cells)})", style=style, path=path)


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


def _ratio(plan: SheetPlan, num: Cell, den: Cell) -> Decimal | str | None:
    """num/den as Excel computes it: None when den is blank/zero/text (the IF gives ""), or an error."""
    d = plan.number(*den)
    if d is None or d == 0:
        return None
    raw = plan.value(*num)
    if isinstance(raw, str):
        return "#VALUE!"
    n = number_of(raw) or Decimal(0)
    return n / d


def put_rate(plan: SheetPlan, r: int, c: int, num: Cell, den: Cell, *, style: str = "rate",
             path: str | None = None) -> None:
    """A rate in percent points: =IF(N(den)=0,"",ROUND(num/den*100,2))."""
    n, d = plan.ref(*num), plan.ref(*den)
    ratio = _ratio(plan, num, den)
    if ratio is None:
        cached: Any = ""
    elif isinstance(ratio, str):
        cached = ratio
    else:
        cached = to_cell(round_half_up(ratio * HUNDRED, 2))
    plan.put(r, c, cached, formula=f'=IF(N({d})=0,"",ROUND({n}/{d}*100,2))', style=style, path=path)


def put_exec_score(plan: SheetPlan, r: int, c: int, executed: Cell, budget: Cell, weight: Cell, *,
                   style: str = "score", path: str | None = None) -> None:
    """预算执行率得分 = ROUND(MIN(1, 全年执行数/全年预算数) × 分值, 2) (common practice under 10号)."""
    e, b, w = (plan.ref(*x) for x in (executed, budget, weight))
    ratio = _ratio(plan, executed, budget)
    if ratio is None:
        cached: Any = ""
    elif isinstance(ratio, str) or isinstance(plan.value(*weight), str):
        cached = "#VALUE!"
    else:
        points = plan.number(*weight) or Decimal(0)
        cached = to_cell(round_half_up(min(Decimal(1), ratio) * points, 2))
    plan.put(r, c, cached, formula=f'=IF(N({b})=0,"",ROUND(MIN(1,{e}/{b})*{w},2))', style=style, path=path)


def put_perf_score(plan: SheetPlan, r: int, c: int, target: list[Cell], actual: Cell, weight: Cell, *,
                   style: str = "score", path: str | None = None) -> None:
    """Indicator 得分 = PERF_SCORE(年度指标值, 实际完成值, 分值), blank while either value is blank.

    With split columns the target is their concatenation (指标性质&指标值&度量单位). The cached
    value is what perfxl's PERF_SCORE returns: a number, or an Excel error code.
    """
    t_expr = "&".join(plan.ref(*x) for x in target)
    t_check = plan.ref(*target[len(target) // 2]) if len(target) > 1 else t_expr
    a, w = plan.ref(*actual), plan.ref(*weight)
    formula = f'=IF(OR({t_check}="",{a}=""),"",PERF_SCORE({t_expr},{a},{w}))'
    t_raw = plan.value(*target[len(target) // 2])
    a_raw = plan.value(*actual)
    if _is_empty(t_raw) or _is_empty(a_raw):
        cached: Any = ""
    else:
        from perfxl.functions import CellError, perf_score

        text = "".join(excel_text(plan.value(*x)) for x in target) if len(target) > 1 else _arg(t_raw)
        result = perf_score(text, _arg(a_raw), _arg(plan.value(*weight)))
        cached = result.code if isinstance(result, CellError) else result
    plan.put(r, c, cached, formula=formula, style=style, path=path)


def _is_empty(value: Any) -> bool:
    """Excel's `cell=""`: true for an empty cell or empty text (not for spaces)."""
    return value is None or value == ""


def _arg(value: Any) -> Any:
    """A cell value as a worksheet function receives it (numbers as float)."""
    if isinstance(value, Decimal):
        return float(value)
    return value
