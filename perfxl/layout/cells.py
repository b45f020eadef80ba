"""Cell access for the layout: own vs merged-continuation cells, typed CellValues, row scans.

Numbers become exact Decimals here (via perfxl.numbers.to_decimal), never floats; text stays as
read. A cell listed in `Grid.uncached` that now holds a value was computed by perfxl.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from ..grid import Grid
from ..model import CellRef, CellValue, column_letter
from ..numbers import to_decimal
from .headers import normalise_label

__all__ = [
    "own",
    "own_text",
    "value_at",
    "own_cell",
    "cell_of",
    "empty_at",
    "exact",
    "is_number",
    "row_cells",
    "first_right",
    "is_blank_value",
    "slot_setters",
]


def slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Any, ...]:
    """The slot setters of frozen, slotted dataclass `cls`'s fields `names` (all of them, in their order, or a
    RuntimeError at import): `object.__new__(cls)` and one setter a field build the very value its `__init__` does
    (no `__post_init__`), without the generated `__init__`'s `object.__setattr__` a field — a third of the cost of
    the ≈ 7 cells and the `Indicator` an indicator row builds (a quarter of the layout at 10,000 rows)."""
    fields = tuple(f.name for f in dataclasses.fields(cls))
    if fields != names or hasattr(cls, "__post_init__"):
        raise RuntimeError(f"{cls.__name__}: fields {fields}, expected {names} without __post_init__")
    return tuple(getattr(cls, name).__set__ for name in names)


_new = object.__new__
_REF_SHEET, _REF_CELL, _REF_ANCHOR = slot_setters(CellRef, ("sheet", "cell", "anchor"))
_VALUE_RAW, _VALUE_REF, _VALUE_FORMULA, _VALUE_COMPUTED = slot_setters(CellValue, ("raw", "ref", "formula", "computed"))


def exact(value: Any) -> Any:
    """Numbers as exact Decimals (32.0 → 32, 2223.04 → 2223.04); everything else unchanged."""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return value
        return Decimal(int(value)) if value.is_integer() and abs(value) < 1e15 else to_decimal(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


def is_blank_value(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_number(value: Any) -> bool:
    """True for int/float/Decimal cell values (not bools, not numeric-looking text)."""
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def own(grid: Grid, r: int, c: int) -> Any:
    """The value written in (r, c) itself; None when blank or when (r, c) continues a merge from another row.

    A horizontal merge anchored in the same row counts as this row's own value.
    """
    if grid.merged and grid.anchor_of(r, c) != (r, c):
        return None
    rows = grid.rows
    row = rows[r] if 0 <= r < len(rows) else ()
    value = row[c] if 0 <= c < len(row) else None
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def own_text(grid: Grid, r: int, c: int) -> str:
    value = own(grid, r, c)
    return "" if value is None else str(value)


def value_at(grid: Grid, r: int, c: int, *, fill: bool = False) -> CellValue:
    """CellValue of (r, c) with exact numbers; `fill` takes a merged range's value and ref from its anchor."""
    if fill:
        r, c = grid.anchor_of(r, c)
    raw = grid.raw(r, c)
    return cell_of(grid, r, c, None if is_blank_value(raw) else raw)


def own_cell(grid: Grid, r: int, c: int) -> CellValue:
    """CellValue of what (r, c) holds itself (`own`): empty, its formula kept, when blank or continuing a merge
    from another cell — a data cell of a table row (an 指标值, 分值, 预算数 …)."""
    return cell_of(grid, r, c, own(grid, r, c))


def empty_at(grid: Grid, r: int, c: int) -> CellValue:
    """An empty CellValue at (r, c), keeping the cell's formula when it has one (uncached, uncomputable)."""
    return cell_of(grid, r, c, None)


def cell_of(grid: Grid, r: int, c: int, raw: Any) -> CellValue:
    """The CellValue of (r, c) holding `raw`, its non-blank value as read (None: empty): numbers exact, the ref (a
    merged cell's with its anchor; A1 texts cached), the formula, and whether perfxl computed it. The one place the
    layout builds a cell: callers that have read the value already (an indicator row reads each of its cells once)
    pass it instead of reading it again."""
    uncached = grid.uncached
    computed = raw is not None and bool(uncached) and (r, c) in uncached
    value = raw if raw is None or raw.__class__ is str else exact(raw)
    # `grid.ref(r, c)`: `model.a1` inline (column letters cached there; the text not cached by cell: each cell is
    # built once), the CellRef and the CellValue below by their slots (`slot_setters`)
    at = grid._anchor.get((r, c)) if grid.merged else None
    ref = _new(CellRef)
    _REF_SHEET(ref, grid.name)
    _REF_CELL(ref, f"{column_letter(c + 1)}{r + 1}")
    _REF_ANCHOR(ref, None if at is None else f"{column_letter(at[1] + 1)}{at[0] + 1}")
    cell = _new(CellValue)
    _VALUE_RAW(cell, value)
    _VALUE_REF(cell, ref)
    _VALUE_FORMULA(cell, grid.formulas.get((r, c)) if grid.formulas else None)
    _VALUE_COMPUTED(cell, computed)
    return cell


def row_cells(grid: Grid, r: int, start: int = 0, stop: int | None = None) -> list[tuple[int, Any]]:
    """(col, value) of the non-blank own cells of row r in [start, stop) (cached per grid and row)."""
    cache = grid.__dict__.setdefault("_perfxl_row_cells", {})
    cells = cache.get(r)
    if cells is None:
        cells = cache[r] = _scan_row(grid, r)
    if start <= 0 and stop is None:
        return cells
    lo, hi = max(start, 0), (stop if stop is not None else 1 << 30)
    return [(c, v) for c, v in cells if lo <= c < hi]


def unfilled_cells(grid: Grid, r: int) -> list[tuple[int, Any]]:
    """`row_cells` of row r without the texts that repeat the cell directly above in the same column: a label merged
    down its rows and exported filled ("取消合并并填充", 彭水 2024's 项目预算管理 │ 资金投入 │ 预算资金安排 typed again on each of
    23 rows) is the merge's continuation, as a merged cell's rows read it — not a cell of each row's own."""
    cells = row_cells(grid, r)
    if r <= 0 or not cells:
        return cells
    above = dict(row_cells(grid, r - 1))
    return [(c, v) for c, v in cells if not (isinstance(v, str) and above.get(c) == v)]


def clear_cache(grid: Grid) -> None:
    """Forget cached row scans (call before reading a grid whose rows may have changed)."""
    grid.__dict__.pop("_perfxl_row_cells", None)
    grid.__dict__.pop("_perfxl_row_labels", None)
    grid.__dict__.pop("_perfxl_continued", None)


def _continued(grid: Grid) -> dict[int, set[int]]:
    """Row → the columns of its cells that continue a merged range anchored at another cell (`Grid.anchor_of` is not
    the cell itself), from one walk of the merge map per grid (cached with the row scans): a row's scan then skips
    them with one look-up a row instead of one a cell."""
    found = grid.__dict__.get("_perfxl_continued")
    if found is None:
        found = grid.__dict__["_perfxl_continued"] = {}
        for (r, c), at in grid._anchor.items():
            if at != (r, c):
                found.setdefault(r, set()).add(c)
    return found


def _scan_row(grid: Grid, r: int) -> list[tuple[int, Any]]:
    row = grid.rows[r] if 0 <= r < len(grid.rows) else []
    skip = _continued(grid).get(r, ()) if grid.merged else ()
    # blank: None or white space only ("" is such text)
    return [
        (c, v)
        for c, v in enumerate(row)
        if v is not None and (not isinstance(v, str) or v.strip()) and (not skip or c not in skip)
    ]


def row_labels(grid: Grid, r: int) -> list[tuple[int, str]]:
    """(col, normalised label) of the own text cells of row r (cached per grid and row)."""
    cache = grid.__dict__.setdefault("_perfxl_row_labels", {})
    labels = cache.get(r)
    if labels is None:
        labels = cache[r] = [(c, normalise_label(v)) for c, v in row_cells(grid, r) if isinstance(v, str)]
    return labels


def first_right(grid: Grid, r: int, c: int, stop: int | None = None) -> tuple[int, Any] | None:
    """The first non-blank own cell right of column c in row r."""
    for cc, v in row_cells(grid, r, c + 1, stop):
        return cc, v
    return None
