"""Row facts shared once per table (issue 14, session 11b): S01, S02, S03 and S05 walk `rows_scored` — the table's
rows of their scoring method, classified once — and W01–W04 share `row_weights` per kept tuple of rows. Both give what
asking every row again gives, in sheet order; the layout's own-cell scan skips a merged range's non-anchor cells as
`Grid.anchor_of` says."""

from __future__ import annotations

from pathlib import Path

from perfxl.grid import Grid
from perfxl.layout.cells import row_cells
from perfxl.profiles import load_profile
from perfxl.reader import read_submission
from perfxl.rules.context import Context
from perfxl.rules.scores import direction, rows_scored
from perfxl.rules.weights import row_weights

SEED = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


def _context() -> Context:
    profile = load_profile(None)
    sub = read_submission(SEED, profile)
    ctx = Context(sub, profile)
    ctx.evaluation = next(ev for ev in sub.evaluations if ev.indicators)
    return ctx


def test_rows_scored_are_each_methods_rows_in_sheet_order():
    ctx = _context()
    rows = ctx.indicators()
    methods = {direction(ctx, ind) for ind in rows}
    assert methods, "the seed's table has scored rows"
    for which in (*methods, "no such method"):
        assert rows_scored(ctx, which) == tuple(ind for ind in rows if direction(ctx, ind) == which)
    assert sum(len(rows_scored(ctx, m)) for m in methods) == len(rows)


def test_row_weights_shared_equals_a_fresh_sum():
    ctx = _context()
    for _, rows in ctx.groups():
        assert row_weights(ctx, rows) == row_weights(ctx, list(rows))  # a list is summed afresh
        assert row_weights(ctx, rows) == row_weights(ctx, rows)  # asked again: the kept sum
    assert row_weights(ctx, ()) is None


def test_row_scan_skips_merged_continuations():
    grid = Grid("s", [["a", "a", "b", " "], ["x", None, "y", 3]], merged=((0, 0, 1, 1),))
    assert row_cells(grid, 0) == [(0, "a"), (2, "b")]  # (0, 1) continues A1's merge; " " is blank
    assert row_cells(grid, 1) == [(2, "y"), (3, 3)]  # (1, 0) continues it too
    plain = Grid("t", [["a", "b"]])
    assert row_cells(plain, 0) == [(0, "a"), (1, "b")]


def test_lazy_pattern_is_compiled_on_first_use_and_behaves_as_compiled():
    import re

    from perfxl.patterns import lazy_compile

    lazy, real = lazy_compile(r"(\d+)\s*(万元|元)", re.I), re.compile(r"(\d+)\s*(万元|元)", re.I)
    assert "match" not in vars(lazy)  # nothing compiled at definition
    for text in ("12 万元", "x", "3元和4万元"):
        found, expected = lazy.search(text), real.search(text)
        assert (found and found.groups()) == (expected and expected.groups())
        assert lazy.findall(text) == real.findall(text)
        assert lazy.sub("#", text) == real.sub("#", text)
    assert "match" in vars(lazy)  # kept on the stand-in after the first use: no Python call per use
    assert (lazy.pattern, lazy.flags, lazy.groups) == (real.pattern, real.flags, real.groups)
