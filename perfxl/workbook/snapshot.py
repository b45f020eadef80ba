"""A comparable picture of a written workbook: per sheet, cached values, formulas, merged ranges and
dropdowns (read back with openpyxl). Used to check that a rebuild reproduces the committed files.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Any

from perfxl.records import record

__all__ = ["SheetSnapshot", "snapshot", "diff_snapshots"]


@record()
class SheetSnapshot:
    """One sheet: A1 → cached value (non-empty cells), A1 → formula, merged ranges, dropdowns."""

    values: dict[str, Any] = field(default_factory=dict)
    formulas: dict[str, str] = field(default_factory=dict)
    merges: tuple[str, ...] = ()
    validations: tuple[tuple[str, str], ...] = ()


def snapshot(path: str | Path) -> dict[str, SheetSnapshot]:
    """Read `path` (.xlsx) into {sheet name: SheetSnapshot}, sheets in workbook order."""
    # lazy: openpyxl (~200 ms) only for this writer/reader, not on `import perfxl.workbook`
    from openpyxl import load_workbook

    with_formulas = load_workbook(path)
    cached = load_workbook(path, data_only=True)
    out: dict[str, SheetSnapshot] = {}
    for ws in with_formulas.worksheets:
        snap = SheetSnapshot()
        cws = cached[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")):
                    snap.formulas[cell.coordinate] = str(cell.value)
                value = cws[cell.coordinate].value
                if value is not None and value != "":
                    snap.values[cell.coordinate] = value
        snap.merges = tuple(sorted(str(r) for r in ws.merged_cells.ranges))
        snap.validations = tuple(sorted((str(dv.sqref), str(dv.formula1)) for dv in ws.data_validations.dataValidation))
        out[ws.title] = snap
    return out


def diff_snapshots(expected: dict[str, SheetSnapshot], actual: dict[str, SheetSnapshot]) -> list[str]:
    """Human-readable differences (empty when the workbooks match in values and layout)."""
    problems: list[str] = []
    if list(expected) != list(actual):
        problems.append(f"sheets differ: {list(expected)} vs {list(actual)}")
    for name in expected:
        if name not in actual:
            continue
        e, a = expected[name], actual[name]
        for what in ("values", "formulas"):
            ev, av = getattr(e, what), getattr(a, what)
            for ref in sorted(set(ev) | set(av)):
                if ev.get(ref) != av.get(ref):
                    problems.append(f"{name}!{ref} {what}: {ev.get(ref)!r} vs {av.get(ref)!r}")
        if e.merges != a.merges:
            problems.append(f"{name} merges differ: {sorted(set(e.merges) ^ set(a.merges))}")
        if e.validations != a.validations:
            problems.append(f"{name} dropdowns differ")
    return problems
