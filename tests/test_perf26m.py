"""perf26m's shortcuts in the layout's cells, each held against its plain form on every real table of tests/realworld
and on probe variants of them (docs/performance.md, "perf26m").

- `cells_of` (a blank cell without value tests, a float's Decimal from `exact`'s cache in place, the grid's
  uncomputed-formula test once a row) builds the very cells `cell_of` builds one at a time: the same value of the same
  type, place, anchor, formula and `computed` — on every row of every grid, the grids also given formulas and uncached
  cells, and on rows of random values (floats met and not, NaN, infinities, -0.0, ints, bools, Decimals, dates).
- The 一级/二级 headings keyed by their label's (sheet, r, c) instead of `str(place())`: every table read with the
  headings' dicts keyed the old way (each key turned into the place's text on every use) gives the same readings."""

from __future__ import annotations

import datetime
import random
import re
import sys
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import hypothesis_budget
import pytest
from hypothesis_budget import draws

from perfxl.grid import Grid
from perfxl.layout import cells as L
from perfxl.layout import evaluation as E
from perfxl.model import a1_text
from perfxl.reader import read_grids

CORPUS = Path(__file__).parent / "realworld"
sys.path.insert(0, str(CORPUS))

from render import corpus_grids  # type: ignore[import-not-found]  # noqa: E402

#: Probe variants that change a row's cells or its headings: merges, filled merges, blank and swapped columns.
_VARIANTS = (
    "group_merged",
    "group_first_only",
    "unmerged",
    "unmerged_filled",
    "empty_column_b",
    "unit_column",
    "swap_target_actual",
)


@cache
def _grids() -> tuple[tuple[str, Grid], ...]:
    """Every real table's grid, then the probe variants' grids of every third table (every ninth in the fast loop)."""
    return corpus_grids(_VARIANTS, 9 if hypothesis_budget.FAST else 3)


def _facts(cell: Any) -> Any:
    """Everything a cell says, its value's type included (Decimal("1") == 1.0, but only one is exact)."""
    if cell is None:
        return None
    raw = cell.raw
    return (raw.__class__, repr(raw), cell.sheet, cell.r, cell.c, cell.anchor, cell.formula, cell.computed)


def _plain(grid: Grid, r: int, cols: tuple[int | None, ...], held: dict[int, Any]) -> list[Any]:
    return [None if c is None else _facts(L.cell_of(grid, r, c, held.get(c))) for c in cols]


def _as_read(value: Any) -> Any:
    """A figure typed as text as a workbook's number cell reads (a float), other values as they are."""
    return float(value) if isinstance(value, str) and _FIGURE.fullmatch(value) else value


_FIGURE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def _with_formulas(grid: Grid, rng: random.Random) -> Grid:
    """The grid again, its figures read as number cells, about one cell in five given a formula and about half of
    those held uncached."""
    cells = [(r, c) for r, row in enumerate(grid.rows) for c in range(len(row))]
    formulas = {rc: f"=X{rc[0]}" for rc in cells if rng.random() < 0.2}
    uncached = frozenset(rc for rc in formulas if rng.random() < 0.5)
    rows = [[_as_read(v) for v in row] for row in grid.rows]
    return Grid(grid.name, rows, grid.merged, formulas=formulas, uncached=uncached)


def test_a_rows_cells_are_the_cells_built_one_at_a_time() -> None:
    """On every row of every grid (and of each grid given formulas and uncached cells): `cells_of` over every column
    of the row, a missing column and one past the row's end, as `cell_of` gives each; rows with a float, a blank, an
    uncached and a merged cell all met."""
    rng = random.Random(2626)
    met = {"float": 0, "blank": 0, "computed": 0, "anchor": 0}
    for _name, plain_grid in _grids():
        for grid in (plain_grid, _with_formulas(plain_grid, rng)):
            for r, row in enumerate(grid.rows):
                held = dict(L.row_cells(grid, r))
                cols: tuple[int | None, ...] = (*range(len(row) + 1), None)
                got = [_facts(cell) for cell in L.cells_of(grid, r, cols, held)]
                assert got == _plain(grid, r, cols, held), (grid.name, r)
                for facts in got:
                    if facts is not None:
                        met["float"] += facts[0] is Decimal and isinstance(held.get(facts[4]), float)
                        met["blank"] += facts[1] == "None"
                        met["computed"] += facts[7]
                        met["anchor"] += facts[5] is not None
    assert min(met.values()) > 100, met


_ODD = (
    None,
    0.0,
    -0.0,
    1.0,
    10.0,
    0.1,
    2223.04,
    1e20,
    float("nan"),
    float("inf"),
    float("-inf"),
    3,
    0,
    True,
    False,
    Decimal("1.50"),
    "达标",
    "95%",
    datetime.date(2024, 12, 31),
)


def test_odd_values_are_built_as_cell_of_builds_them() -> None:
    """Rows of random values — floats `exact` has cached and new ones, NaN, infinities, -0.0, ints, bools, Decimals,
    text, dates — with random formulas, uncached cells and merges: `cells_of` as `cell_of`, cell by cell."""
    rng = random.Random(2627)
    for _ in range(draws(3000, 300)):
        width = rng.randint(1, 8)
        rows = [[rng.choice(_ODD) for _ in range(width)] for _ in range(3)]
        if rng.random() < 0.3:
            rows[1][0] = rng.random() * 1000  # (a float most likely not met before)
        merged = ((0, 0, 1, 0),) if rng.random() < 0.5 else ()
        formulas = {(1, c): "=A1" for c in range(width) if rng.random() < 0.3}
        uncached = frozenset(rc for rc in formulas if rng.random() < 0.5)
        grid = Grid("表1", rows, merged, formulas=formulas, uncached=uncached)
        held = {c: v for c, v in enumerate(rows[1]) if v is not None}
        cols = tuple(rng.choice((*range(width), None)) for _ in range(rng.randint(0, 7)))
        got = [_facts(cell) for cell in L.cells_of(grid, 1, cols, held)]
        assert got == _plain(grid, 1, cols, held), (rows[1], cols)


class _ByPlaceText(dict):  # type: ignore[type-arg]
    """A heading dict keyed as before perf26m: each (sheet, r, c) key turned into its place's text ("表1!B7")."""

    @staticmethod
    def _text(key: Any) -> str:
        sheet, r, c = key
        return "None" if sheet is None else f"{sheet}!{a1_text(r, c)}"

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self._text(key))

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(self._text(key), value)

    def __delitem__(self, key: Any) -> None:
        super().__delitem__(self._text(key))

    def __contains__(self, key: object) -> bool:
        return super().__contains__(self._text(key))

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(self._text(key), default)


def _readings(grid: Grid, name: str) -> list[str]:
    """Every table's headings, indicators and the sheet's findings as text (a fresh copy of the grid)."""
    sub = read_grids([Grid(grid.name, [list(r) for r in grid.rows], grid.merged)], name)
    tables = [*sub.evaluations, *sub.declarations, *sub.monitoring]
    out = [repr((t.level1, t.level2)) for t in sub.evaluations]
    return out + [repr(ind) for t in tables for ind in t.indicators] + [repr(f) for f in sub.problems]


def test_headings_keyed_by_their_place_read_as_keyed_by_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every grid read with the 一级/二级 dicts keyed by the place's text gives the readings keyed by (sheet, r, c):
    the same headings in the same order, the same declared weights (both kinds of heading dict are met)."""
    grids = _grids()[:: 6 if hypothesis_budget.FAST else 1]  # (the fast loop: every sixth grid)
    before = [_readings(g, name) for name, g in grids]
    made = {"level1": 0, "level2": 0}
    init = E._Builder.__init__

    def keyed_by_text(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        self.level1, self.level2 = _ByPlaceText(self.level1), _ByPlaceText(self.level2)

    monkeypatch.setattr(E._Builder, "__init__", keyed_by_text)
    for (name, g), plain in zip(grids, before, strict=True):
        got = _readings(g, name)
        assert got == plain, name
        for text in got:
            made["level1"] += "Level1Heading(" in text
            made["level2"] += "Level2Heading(" in text
    assert made["level1"] > 20 and made["level2"] > 0, made
