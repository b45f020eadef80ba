"""perfxl's one formula evaluator (perfxl.formula): Excel's own semantics on the points where a
naive evaluator differs — references against literals in SUM, error values that propagate, a blank
reference showing 0 — and the reader's use of it for cells without a cached value."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfxl.formula import ExcelError, FormulaError, evaluate_formula
from perfxl.grid import Grid
from perfxl.layout.formulas import resolve_uncached

CELLS = {(0, 0): D(5), (0, 1): None, (0, 2): "说明", (0, 3): "12", (0, 4): True}


def look(sheet, r, c):
    return CELLS.get((r, c))


def test_sum_ignores_text_and_logicals_in_referenced_cells_but_counts_typed_ones():
    # Excel: =SUM(A1:E1) and =SUM(A1,C1,D1,E1) are 5 (text "12" and TRUE in cells are ignored);
    # =SUM("12",TRUE) is 13; =SUM("说明") is #VALUE!
    assert evaluate_formula("=SUM(A1:E1)", look) == D(5)
    assert evaluate_formula("=SUM(A1,C1,D1,E1)", look) == D(5)
    assert evaluate_formula('=SUM("12",TRUE)', look) == D(13)
    with pytest.raises(ExcelError, match="#VALUE!"):
        evaluate_formula('=SUM("说明")', look)
    # arithmetic converts numeric text ("12"*2 = 24) and fails on other text
    assert evaluate_formula("=D1*2", look) == D(24)
    with pytest.raises(ExcelError, match="#VALUE!"):
        evaluate_formula("=C1*2", look)


def test_a_blank_reference_shows_zero_and_compares_equal_to_empty_text():
    assert evaluate_formula("=B1", look) == D(0)
    assert evaluate_formula('=IF(B1="","空",1)', look) == "空"
    assert evaluate_formula("=IF(A1>3,B1,1)", look) == D(0)


def test_perf_function_errors_are_excel_errors_that_iferror_catches():
    with pytest.raises(ExcelError, match="#VALUE!"):
        evaluate_formula('=PERF_SCORE("≥12家",C1,10)', look)
    assert evaluate_formula('=IFERROR(PERF_SCORE("≥12家",C1,10),"?")', look) == "?"
    assert evaluate_formula('=PERF_SCORE("≥12家","12家",10)', look) == D(10)
    with pytest.raises(FormulaError):
        evaluate_formula("=VLOOKUP(A1,B1:C2,2,FALSE)", look)


def test_error_values_propagate_through_uncached_cells():
    # A1 holds #DIV/0! (cached, read from the sheet XML); B1 uses it, C1 uses B1, D1 catches it
    g = Grid(
        "S",
        [["#DIV/0!", "", "", ""]],
        errors={(0, 0): "#DIV/0!"},
        formulas={(0, 1): "=A1+1", (0, 2): "=B1*2", (0, 3): "=IFERROR(C1,0)"},
        uncached=frozenset({(0, 1), (0, 2), (0, 3)}),
    )
    (out,), findings = resolve_uncached([g])
    assert out.rows[0][1:] == ["#DIV/0!", "#DIV/0!", D(0)]
    assert [f.code for f in findings] == ["READ_FORMULA_COMPUTED"]


def test_cells_computed_to_empty_text_are_not_reported():
    g = Grid("S", [["", ""]], formulas={(0, 1): '=IF(N(A1)=0,"",1)'}, uncached=frozenset({(0, 1)}))
    (out,), findings = resolve_uncached([g])
    assert out.raw(0, 1) is None and findings == []
