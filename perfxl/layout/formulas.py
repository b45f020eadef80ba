"""Compute formula cells that a file holds without a cached value (written by openpyxl, never opened
in Excel), so they are never read as 0.

What the evaluator (perfxl.formula) cannot compute stays blank and is reported as
READ_FORMULA_UNCACHED with its cell; what it computes is marked (CellValue.computed) and summarised
per sheet as READ_FORMULA_COMPUTED. A cell computed to "" is not listed: an untyped empty `<v></v>`
may also be a cached "" (XlsxWriter writes it so), and both readings agree on it.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..formula import ExcelError, FormulaError, evaluate_formula
from ..grid import Grid
from ..model import CellRef, Finding, Severity
from ..numbers import fmt_decimal

__all__ = ["resolve_uncached", "evaluate_formula", "FormulaError"]

_PENDING = object()
_FAILED = object()


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if value == "":
        return "（空）"
    return fmt_decimal(value) if isinstance(value, Decimal) else str(value)


def resolve_uncached(grids: list[Grid]) -> tuple[list[Grid], list[Finding]]:
    """Grids with every computable uncached formula cell filled in (as an exact Decimal), plus findings.

    A filled cell stays listed in `Grid.uncached`; a cell in `uncached` holding a value was
    therefore computed by perfxl (CellValue.computed). Cells that cannot be computed stay blank.
    """
    if not any(g.uncached for g in grids):
        return grids, []
    by_name = {g.name: g for g in grids}
    rows = {g.name: [list(r) for r in g.rows] for g in grids}
    state: dict[tuple[str, int, int], object] = {}
    findings: list[Finding] = []

    def value(sheet: str, r: int, c: int, depth: int = 0) -> object:
        grid = by_name.get(sheet)
        if grid is None:
            raise FormulaError(f"sheet {sheet}")
        if (r, c) not in grid.uncached:
            if (r, c) in grid.errors:
                raise ExcelError(grid.errors[(r, c)])  # #DIV/0! in a cell propagates, as in Excel
            return grid.raw(r, c)
        key = (sheet, r, c)
        if key in state:
            if state[key] is _PENDING:
                raise FormulaError("circular reference")
            result = state[key]
            if result is _FAILED:
                raise FormulaError("depends on an uncomputable cell")
            if isinstance(result, ExcelError):
                raise result
            return result
        formula = grid.formulas.get((r, c))
        if not formula or depth > 50:
            state[key] = _FAILED
            raise FormulaError("no formula text")
        state[key] = _PENDING
        try:
            result = evaluate_formula(formula, lambda s, rr, cc: value(s or sheet, rr, cc, depth + 1))
        except ExcelError as exc:
            state[key] = exc  # the cell shows #DIV/0!, #VALUE!…; cells using it get the same error
            raise
        except FormulaError:
            state[key] = _FAILED
            raise
        state[key] = result
        return result

    for grid in grids:
        computed: list[tuple[CellRef, str]] = []
        for r, c in sorted(grid.uncached):
            formula = grid.formulas.get((r, c), "")
            ref = CellRef.at(grid.name, r + 1, c + 1)
            try:
                result = value(grid.name, r, c)
            except ExcelError as exc:
                result = str(exc)  # what Excel would show in the cell
            except FormulaError as exc:
                findings.append(
                    Finding(
                        "READ_FORMULA_UNCACHED",
                        Severity.WARNING,
                        ref,
                        f"公式 {formula} 没有保存计算结果，perfxl 也无法计算（{exc}）；请在 Excel 中打开并保存后再校验。",
                        f"Formula {formula} has no cached value and perfxl cannot compute it ({exc}); "
                        "open and save the file in Excel, then check again.",
                        actual=formula or None,
                    )
                )
                continue
            _put(rows[grid.name], r, c, result)
            if result != "":
                computed.append((ref, _show(result)))
        if computed:
            cells = "、".join(f"{ref.cell}={shown}" for ref, shown in computed[:12])
            more = f" 等 {len(computed)} 个" if len(computed) > 12 else ""
            findings.append(
                Finding(
                    "READ_FORMULA_COMPUTED",
                    Severity.INFO,
                    computed[0][0],
                    f"工作表“{grid.name}”有 {len(computed)} 个公式没有保存计算结果（文件未在 Excel 中保存过），"
                    f"perfxl 已代为计算：{cells}{more}。",
                    f"{len(computed)} formula cells on sheet '{grid.name}' had no cached value; perfxl computed them: "
                    + ", ".join(f"{ref.cell}={shown}" for ref, shown in computed[:12]),
                    actual=str(len(computed)),
                )
            )
    out = [dataclasses.replace(g, rows=rows[g.name]) for g in grids]
    return out, findings


def _put(rows: list[list[object]], r: int, c: int, value: object) -> None:
    while len(rows) <= r:
        rows.append([])
    row = rows[r]
    while len(row) <= c:
        row.append("")
    row[c] = value
