"""Cell access for the layout: own vs merged-continuation cells, typed CellValues, row scans.

Numbers become exact Decimals here (via perfxl.numbers.to_decimal), never floats; text stays as
read. A cell listed in `Grid.uncached` that now holds a value was computed by perfxl.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import compress, pairwise
from typing import Any

from ..chinese import CACHE_MAX_LEN
from ..fastbuild import slot_twin
from ..grid import Grid
from ..labels import _normalise
from ..model import CellTwin, CellValue, a1_text
from ..numbers import to_decimal
from ..patterns import lazy_compile
from .headers import normalise_label

__all__ = [
    "own",
    "own_text",
    "value_at",
    "own_cell",
    "cell_of",
    "cells_of",
    "empty_at",
    "exact",
    "is_number",
    "row_cells",
    "first_right",
    "is_blank_value",
    "slot_twin",
    "a1_text",
]


_Value = CellTwin  # (a cell by its slot twin, `slot_twin`)


_INFINITIES = (float("inf"), float("-inf"))
#: `exact` of the floats met, by value (a table's 分值/得分 repeat a handful of figures: 10.0, 5.0 …); bounded, so a batch
#: worker's stays small. A Decimal is immutable: one object serves every cell holding the figure.
_EXACT_FLOATS: dict[float, Any] = {}
_EXACT_KEPT = 4096


def exact(value: Any) -> Any:
    """Numbers as exact Decimals (32.0 → 32, 2223.04 → 2223.04); everything else unchanged."""
    if value.__class__ is float:  # (most number cells: one look-up; 0.0 and -0.0 both give Decimal 0)
        done = _EXACT_FLOATS.get(value)
        if done is not None:
            return done
        done = _exact_float(value)
        if done is not None and done.__class__ is Decimal and len(_EXACT_FLOATS) < _EXACT_KEPT:
            _EXACT_FLOATS[value] = done
        return done
    if isinstance(value, float):
        return _exact_float(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


def _exact_float(value: float) -> Any:
    if value != value or value in _INFINITIES:
        return value
    return Decimal(int(value)) if value.is_integer() and abs(value) < 1e15 else to_decimal(value)


def is_blank_value(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_number(value: Any) -> bool:
    """True for int/float/Decimal cell values (not bools, not numeric-looking text)."""
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


#: A figure typed as text ("47.91", "1,478.75", "-3").
_FIGURE_TEXT = lazy_compile(r"-?[0-9][0-9,]*(?:\.[0-9]+)?")


def is_figure(value: Any) -> bool:
    """A figure: a number cell, or a number typed as text — what a table's row of figures holds (a title or a note does
    not)."""
    return is_number(value) or (isinstance(value, str) and _FIGURE_TEXT.fullmatch(value.strip()) is not None)


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
    """The CellValue of (r, c) holding `raw`, its non-blank value as read (None: empty): numbers exact, its place (a
    merged cell's with its anchor), the formula, and whether perfxl computed it. The one place the layout builds a cell:
    callers that have read the value already (an indicator row reads each of its cells once) pass it instead of reading
    it again."""
    cell: Any = _Value()  # (`cells_of`'s body for one cell: ≈ 19,000 calls at 10,000 rows, no tuple nor dict made each)
    cell.raw = raw if raw is None or raw.__class__ is str else exact(raw)
    cell.sheet = grid.name
    cell.r = r
    cell.c = c
    cell.anchor = grid._anchor.get((r, c)) if grid.merged else None
    cell.formula = grid.formulas.get((r, c)) if grid.formulas else None
    uncached = grid.uncached
    cell.computed = raw is not None and bool(uncached) and (r, c) in uncached
    cell.__class__ = CellValue
    return cell


def cells_of(grid: Grid, r: int, cols: tuple[int | None, ...], held: dict[int, Any], merged: bool = True) -> list[Any]:
    """`[cell_of(grid, r, c, held.get(c)) for c in cols]` (None for a column None): an indicator row's cells built in one
    call, the grid's and the row's parts read once a row, not once a cell (its ≈ 6 data cells at 10,000 rows). A cell's
    place is its slots — the grid's name and the row int shared by the row's cells, the merge map's anchor tuple — no
    `CellRef` nor A1 text (`CellValue.place()` builds one where a finding needs it); the CellValue by its slot twin
    (`slot_twin`).

    perf26m: a blank cell (≈ 2 of the 6 at 10,000 rows) takes no value test; a float's exact Decimal is looked up in
    `exact`'s own cache here (a call only on a miss); whether the grid has uncomputed formulas is asked once a row.
    `merged` False: the caller knows no cell of `cols` in row r lies in a merged range (`merge_rows`), so the merge
    map is not looked up a cell (perf27r)."""
    name, uncached, formulas = grid.name, grid.uncached, grid.formulas
    anchors = grid._anchor if merged and grid.merged else None
    any_uncached = bool(uncached)
    floats = _EXACT_FLOATS
    get = held.get
    out: list[Any] = []
    append = out.append
    for c in cols:
        if c is None:
            append(None)
            continue
        raw = get(c)
        cell: Any = _Value()
        if raw is None:
            cell.raw = None
            cell.computed = False
        else:
            cls = raw.__class__
            if cls is not str:
                done = floats.get(raw) if cls is float else None
                raw = done if done is not None else exact(raw)
            cell.raw = raw
            cell.computed = any_uncached and (r, c) in uncached
        cell.sheet = name
        cell.r = r
        cell.c = c
        cell.anchor = anchors.get((r, c)) if anchors else None
        cell.formula = formulas.get((r, c)) if formulas else None
        cell.__class__ = CellValue
        append(cell)
    return out


def row_cells(grid: Grid, r: int, start: int = 0, stop: int | None = None) -> list[tuple[int, Any]]:
    """(col, value) of the non-blank own cells of row r in [start, stop) (cached per grid and row)."""
    cache = grid.__dict__.get("_perfxl_row_cells")
    if cache is None:
        cache = grid.__dict__["_perfxl_row_cells"] = {}
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


def spacer_columns(grid: Grid) -> frozenset[int]:
    """Columns holding no value on any row and anchoring no merged range, one between each two used columns across the
    sheet — narrow spacers a sheet lays between the table's columns (adv27/adv28 `blank_columns_between`): a label's
    value is the next column past them. Worked out once a grid (cached with the row scans)."""
    found = grid.__dict__.get("_perfxl_spacers")
    if found is None:
        used: set[int] = {c0 for _, c0, _, _ in grid.merged}
        seen = -1
        for row in grid.rows:
            # the columns of its truthy cells, told in C (a 10,000-row sheet: ≈ 1.5 M instructions, not 15 M by
            # `row_cells`); a column of zeros only is checked below
            used.update(compress(range(len(row)), row))
            if len(used) != seen:
                seen = len(used)
                if not used.isdisjoint([c + 1 for c in used]):
                    # two used columns side by side (most sheets, within their first rows): no layout of spacers
                    # whatever the rows below hold — more used columns never part them (perf28r: no width asked,
                    # ≈ 3 M instructions a 10,000-row sheet's `n_cols`)
                    used.clear()
                    break
        lo, hi = min(used, default=0), max(used, default=-1)
        # empty columns between every two used ones over the sheet's width: a layout of spacers. An empty column or
        # two of a form (a 度量单位 or 得分 column left blank on every row, 大英's
        # fragment, 阳泉's 中期 pair — two used columns side by side elsewhere) is the form's own, its place counted
        # (measure.py, probe empty_column_b: 阳泉 and 大英 lost their reading)
        cols = sorted(c for c in used if lo <= c <= hi)
        runs = [(a + 1, b - 1) for a, b in pairwise(cols) if b - a > 1]  # empty runs between
        if len(runs) >= 2 and len(runs) == len(cols) - 1 and all((b - a) % 2 == 0 for a, b in runs):
            # each run odd: its 1st, 3rd … column a spacer, those between a column of the form left blank (a spacer
            # either side of it: spacer │ blank 度量单位 │ spacer)
            found = frozenset(c for a, b in runs for c in range(a, b + 1, 2))
            if any(grid.raw(r, c) is not None for c in found for r in range(grid.n_rows)):
                found = frozenset()  # a column of 0s only is a column of figures
            elif any(c0 < c1 and c1 in found for _, c0, _, c1 in grid.merged):
                # a merge ending on it: the right part of a cell of the form (阳泉 2021's 中期 value C:D, left blank,
                # with an empty column after each head label — read30); a spacer lies inside a merge, never at its end
                found = frozenset()
        else:
            found = frozenset()
        grid.__dict__["_perfxl_spacers"] = found
    spacers: frozenset[int] = found
    return spacers


def column_step(c: int, offset: int, spacers: frozenset[int]) -> int:
    """The column `offset` columns from `c` (left when negative), the `spacer_columns` between not counted (adv28:
    大英's headerless fragments and 不详's 评分表 fragment with a spacer after each column went unread)."""
    way = 1 if offset > 0 else -1
    for _ in range(abs(offset)):
        c += way
        while c in spacers:
            c += way
    return c


def clear_cache(grid: Grid) -> None:
    """Forget cached row scans (call before reading a grid whose rows may have changed)."""
    grid.__dict__.pop("_perfxl_row_cells", None)
    grid.__dict__.pop("_perfxl_row_labels", None)
    grid.__dict__.pop("_perfxl_continued", None)
    grid.__dict__.pop("_perfxl_tops", None)
    grid.__dict__.pop("_perfxl_spacers", None)


def _continued(grid: Grid) -> dict[int, set[int]]:
    """Row → the columns of its cells that continue a merged range anchored at another cell (`Grid.anchor_of` is not
    the cell itself), from one walk of the merge map per grid (cached with the row scans): a row's scan then skips
    them with one look-up a row instead of one a cell."""
    found = grid.__dict__.get("_perfxl_continued")
    if found is None:
        found = grid.__dict__["_perfxl_continued"] = {}
        for (r, c), (ar, ac) in grid._anchor.items():  # (no tuple nor set made a merged cell: 27,427 at 10,000 rows)
            if ar != r or ac != c:
                cols = found.get(r)
                if cols is None:
                    found[r] = {c}
                else:
                    cols.add(c)
    return found


def merge_rows(grid: Grid) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """Row → its continued merged columns (`_continued`), and row → the first columns of the merged ranges starting on
    it (cached per grid). A cell the merge map holds is either continued or maps to itself, then the top-left of a
    range: a cell in neither set of its row lies in no merged range (`cells_of`'s `merged`, perf27r)."""
    tops = grid.__dict__.get("_perfxl_tops")
    if tops is None:
        tops = grid.__dict__["_perfxl_tops"] = {}
        for r0, c0, _, _ in grid.merged:
            row = tops.get(r0)
            if row is None:
                tops[r0] = {c0}
            else:
                row.add(c0)
    return _continued(grid), tops


def _scan_row(grid: Grid, r: int) -> list[tuple[int, Any]]:
    row = grid.rows[r] if 0 <= r < len(grid.rows) else []
    skip = _continued(grid).get(r, ()) if grid.merged else ()
    # blank: None or white space only ("" is such text); a str (most cells) by its truth and `isspace` — what a non-empty
    # `strip()` says, without the copy — and no isinstance call
    return [
        (c, v)
        for c, v in enumerate(row)
        if ((v and not v.isspace()) if v.__class__ is str else v is not None and (not isinstance(v, str) or v.strip()))
        and (not skip or c not in skip)
    ]


def scan_rows(grid: Grid) -> tuple[list[list[tuple[int, Any]]], list[list[tuple[int, str]]]]:
    """`row_cells` and `row_labels` of every row of the grid, worked out in one pass and cached as those two cache them
    (the caches replaced: the same lists a row, as the rows are those the caches were made from): the layout classifies
    every row (`detect.read_sheet`), so every row is scanned and its labels normalised anyway — here without the three
    calls, six cache look-ups and the scan's own call a row takes (perf27r, issue 14: ≈ 100 interpreter steps of a
    10,000-row 自评表's row). Returns the rows' cells and labels by row index."""
    continued = _continued(grid) if grid.merged else {}
    no_skip: tuple[int, ...] = ()
    all_cells: list[list[tuple[int, Any]]] = []
    all_labels: list[list[tuple[int, str]]] = []
    add_cells, add_labels = all_cells.append, all_labels.append
    for r, row in enumerate(grid.rows):
        skip = continued.get(r, no_skip)
        # `_scan_row`'s comprehension and `row_labels`' as they are (tests/test_perf27r.py holds them alike)
        cells = [
            (c, v)
            for c, v in enumerate(row)
            if (
                (v and not v.isspace())
                if v.__class__ is str
                else v is not None and (not isinstance(v, str) or v.strip())
            )
            and (not skip or c not in skip)
        ]
        add_cells(cells)
        add_labels(
            [
                cell if label == cell[1] else (cell[0], label)
                for cell in cells
                if isinstance(cell[1], str)
                for label in [_normalise(cell[1]) if len(cell[1]) <= CACHE_MAX_LEN else normalise_label(cell[1])]
            ]
            if cells
            else []
        )
    grid.__dict__["_perfxl_row_cells"] = dict(enumerate(all_cells))
    grid.__dict__["_perfxl_row_labels"] = dict(enumerate(all_labels))
    return all_cells, all_labels


def row_labels(grid: Grid, r: int) -> list[tuple[int, str]]:
    """(col, normalised label) of the own text cells of row r (cached per grid and row)."""
    cache = grid.__dict__.get("_perfxl_row_labels")
    if cache is None:
        cache = grid.__dict__["_perfxl_row_labels"] = {}
    labels = cache.get(r)
    if labels is None:
        # (`normalise_label` of a text spelt out: its cached step straight, one call a text fewer); a text its own label
        # (most: an indicator's name, a target) keeps `row_cells`' (col, text) pair, no second pair made (≈ 27,000 pairs,
        # 1.5 MB held through the layout of a 10,000-row 自评表, perf25c)
        labels = cache[r] = [
            cell if label == cell[1] else (cell[0], label)
            for cell in row_cells(grid, r)
            if isinstance(cell[1], str)
            for label in [_normalise(cell[1]) if len(cell[1]) <= CACHE_MAX_LEN else normalise_label(cell[1])]
        ]
    return labels


def first_right(grid: Grid, r: int, c: int, stop: int | None = None) -> tuple[int, Any] | None:
    """The first non-blank own cell right of column c in row r."""
    for cc, v in row_cells(grid, r, c + 1, stop):
        return cc, v
    return None
