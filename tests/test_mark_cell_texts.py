"""The cell texts a finding may carry, read as the plan of marks and the 校验结果 rows read them: the column-by-look-up
path for a plain "B7" gives what the regular expressions give, and every other text still goes the long way."""

from __future__ import annotations

from perfxl.annotate import _Marks
from perfxl.marks import MarkPlan, plan_marks
from perfxl.model import CellRef, Finding, Severity


def _finding(cell: str) -> Finding:
    return Finding(code="X01", severity=Severity.WARNING, ref=CellRef(sheet="表", cell=cell), message="测试")


def test_plan_reads_plain_and_odd_cell_texts_alike() -> None:
    cells = {"B7": (7, 2), "B07": (7, 2), "ZZ3": (3, 702), "AAA1": (1, 703), "B0": (0, 2), "B\u0661\u0663": (13, 2)}
    cells |= {"b7": (7, 2), "B7 ": (7, 2), "$B$7": (7, 2)}  # parse_a1 reads them (the long way)
    for cell, place in cells.items():
        plan = plan_marks([_finding(cell)], ["表"], lambda sheet, row, col: None)
        assert list(plan.fills) == [("表", *place)], cell
    for cell in ("B", "7", "$B$7x", "B7x"):
        assert not plan_marks([_finding(cell)], ["表"], lambda sheet, row, col: None).fills, cell


def test_marks_name_a_filled_cell_only_by_its_canonical_text() -> None:
    plan = MarkPlan(fills={("表", 7, 2): Severity.ERROR, ("表", 0, 2): Severity.INFO, ("表", 1, 703): Severity.INFO})
    marks = _Marks(plan)
    assert marks.get(("表", "B7")) is not None and marks.get(("表", "B0")) is not None
    assert marks.get(("表", "AAA1")) is not None
    for cell in ("B07", "B00", "b7", "$B$7", "B", "7", "B7 "):
        assert marks.get(("表", cell)) is None, cell
