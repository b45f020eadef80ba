"""perf28r's reader shortcuts held to their plain forms on every real table of tests/realworld, on probe variants of
them (spacer columns between the form's columns, a list printed beside the form, blank and merged columns) and on
random grids of odd values (docs/performance.md, "perf28r").

- `spacer_columns` stops its walk of the rows at the first two used columns side by side (no layout of spacers can
  follow: more used columns never part them), where it asked the sheet's width and walked until every column was
  used: the answer must be the plain rule's over every row (`_plain_spacers`, written from the docstring's rule).
- `Grid.n_cols` is the longest row's length told in C: the same as the rows' lengths' maximum, 0 for no row.
- `detect._classify` asks `_title_beside` (a form's title with a list beside it) only of a row whose first cell is a
  text holding 表: on every other row of three cells or more it must find no title."""

from __future__ import annotations

import random
import sys
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import hypothesis_budget
from hypothesis_budget import draws

from perfxl.grid import Grid
from perfxl.layout import cells as C
from perfxl.layout import detect as D
from perfxl.layout.beside import cut_beside

CORPUS = Path(__file__).parent / "realworld"
sys.path.insert(0, str(CORPUS))

from render import corpus_grids  # type: ignore[import-not-found]  # noqa: E402

#: Probe variants that change which columns a sheet uses: spacers between the columns, a list beside the form, an
#: empty column, merges dropped or exported filled.
_VARIANTS = ("blank_columns_between", "side_table_top", "empty_column_b", "unmerged", "unmerged_filled")


@cache
def _grids() -> tuple[tuple[str, Grid], ...]:
    """Every real table's grid, then every table's spacer and side-list variants, the others every third table's
    (every ninth in the fast loop)."""
    return corpus_grids(
        _VARIANTS, 9 if hypothesis_budget.FAST else 3, every_table=("blank_columns_between", "side_table_top")
    )


def _plain_spacers(grid: Grid) -> frozenset[int]:
    """The spacer columns by the rule itself: the columns every row's non-empty value (a truthy one) or a merged
    range's first column uses; when two runs of empty columns or more part them, each run odd in length, no value
    at all (a 0 included) stands in the runs' 1st, 3rd … columns and no merge of two columns or more ends on one of
    them (read30), those columns."""
    used = {c0 for _, c0, _, _ in grid.merged}
    for row in grid.rows:
        used.update(c for c, v in enumerate(row) if v)
    cols = sorted(used)
    runs = [(a + 1, b - 1) for a, b in pairwise(cols) if b - a > 1]
    if len(runs) < 2 or len(runs) != len(cols) - 1 or any((b - a) % 2 for a, b in runs):
        return frozenset()
    found = frozenset(c for a, b in runs for c in range(a, b + 1, 2))
    if any(grid.raw(r, c) is not None for r in range(grid.n_rows) for c in found):
        return frozenset()
    if any(c1 in found and c1 > c0 for _, c0, _, c1 in grid.merged):
        return frozenset()
    return found


def _fresh(grid: Grid) -> Grid:
    """A copy of the grid with no cache (its rows copied: the caches live in the grid's own `__dict__`)."""
    return Grid(grid.name, [list(r) for r in grid.rows], grid.merged)


def test_spacer_columns_on_every_real_table_and_variant() -> None:
    """`spacer_columns` answers as the plain rule on every real table and the variants — sheets laid out with spacers
    met (blank_columns_between), and sheets whose columns are only in use far down met too."""
    grids = _grids()
    with_spacers = late = 0
    for name, grid in grids:
        got = C.spacer_columns(_fresh(grid))
        assert got == _plain_spacers(grid), name
        with_spacers += bool(got)
        # a column first used below the sheet's first twenty rows: the walk's stop is not only met in the head
        first = {}
        for r, row in enumerate(grid.rows):
            for c, v in enumerate(row):
                if v:
                    first.setdefault(c, r)
        late += any(r > 20 for r in first.values())
    assert len(grids) > 250 and with_spacers > 5 and late > 5, (len(grids), with_spacers, late)


def test_cut_beside_still_cuts_the_side_lists() -> None:
    """The side-list cut (asking `n_cols` in C now) still finds the lists the side_table_top variants print: the
    width it compares is the rows' longest, so a list two columns past the form is cut and named unread."""
    cut = sum(cut_beside(_fresh(g))[1] is not None for n, g in _grids() if n.endswith("/side_table_top"))
    assert cut > 5, cut


def test_title_beside_is_asked_of_every_row_that_may_hold_one(monkeypatch: Any) -> None:
    """Every row of three cells or more of the real tables and variants: `_classify` asks `_title_beside` (a form's
    title with a list beside it) of every row where it finds a title — the rows it skips hold none; and most rows
    (data rows) are skipped, titles beside a list are met."""
    plain = D._title_beside
    asked: set[int] = set()

    def recorded(grid: Grid, r: int, cells: Any, texts: list[str]) -> list[str]:
        asked.add(r)
        return plain(grid, r, cells, texts)

    monkeypatch.setattr(D, "_title_beside", recorded)
    rows = found = calls = 0
    for name, grid in _grids():
        g = _fresh(grid)
        all_cells, all_labels = C.scan_rows(g)
        calls += len(asked)
        asked.clear()
        for r, (cells, labels) in enumerate(zip(all_cells, all_labels, strict=True)):
            D._classify(g, r, cells, labels)
            texts = [lab for _, lab in labels]
            if len(cells) <= 2 or (len(texts) == len(cells) and texts.count(texts[0]) == len(texts)):
                continue  # (a row `_classify` reads its titles from itself)
            rows += 1
            if plain(g, r, cells, texts):
                found += 1
                assert r in asked, (name, r)
    calls += len(asked)
    assert found > 5 and rows > 10 * calls, (found, rows, calls)


#: Cell values a row may hold: blanks of every spelling, false numbers, a str subclass, texts.
class _Text(str):
    pass


_VALUES: tuple[Any, ...] = (None, None, None, "", "", " ", 0, 0.0, False, 1, 2.5, _Text(""), _Text("x"), "分值", "得分")


def test_spacer_columns_and_width_on_random_grids() -> None:
    """Random grids, ragged rows, mostly empty columns (so spacer layouts are drawn too), some merged cells: the
    shortcut answers as the plain rule, and `n_cols` as the rows' longest length."""
    rng = random.Random(28)
    with_spacers = 0
    for i in range(draws(3000, 400)):
        n_rows, n_cols = rng.randint(0, 9), rng.randint(1, 9)
        live = {c for c in range(n_cols) if rng.random() < 0.5}
        rows = [
            [rng.choice(_VALUES[6:]) if c in live and rng.random() < 0.6 else rng.choice(_VALUES[:6]) for c in range(w)]
            for w in (rng.randint(0, n_cols) for _ in range(n_rows))
        ]
        merged = []
        for _ in range(rng.randint(0, 2) if n_rows else 0):
            r0, c0 = rng.randrange(n_rows), rng.randrange(n_cols)
            merged.append((r0, c0, min(n_rows - 1, r0 + rng.randint(0, 2)), min(n_cols - 1, c0 + rng.randint(0, 1))))
        grid = Grid("表", rows, tuple(merged))
        assert grid.n_cols == max((len(r) for r in rows), default=0), i
        got = C.spacer_columns(grid)
        assert got == _plain_spacers(grid), (i, rows, merged)
        with_spacers += bool(got)
    assert with_spacers >= draws(10, 1), with_spacers  # read30: merges ending on a run leave fewer spacer layouts
