"""perf21l2's shortcuts in the sheet's passes after the evaluation reader, each held against its plain form
(docs/performance.md, "… (issue 14, session 21, branch perf21l2)").

`Grid._covered` (the cells the merged ranges cover, counted as the merge map is made) is the sum `merges._overlaps`
computed a sheet; an Enum member's `_value_` (`merges.merge_findings`) is its `.value`; a 自评表's header row before its
first indicator row (`detect._add_tables`) found by one search is the plain list-and-generator form. (The cells, refs
and `Indicator`s made by calling their slot twins are held by tests/test_perf21l.py, which holds either form.)"""

from __future__ import annotations

import random
from enum import Enum

from hypothesis_budget import draws

from perfxl.grid import Grid
from perfxl.layout import merges as M
from perfxl.layout.detect import RowKind


def test_the_sheets_passes_after_the_reader_are_their_plain_forms():
    """On random merges (empty and inverted ranges), kinds and marks."""
    rng = random.Random(2126)
    whats = ("header", "indicator", "blank", "title", "total", "unread", "note")
    for _ in range(draws(2000, 200)):
        merged = tuple(
            (rng.randint(0, 9), rng.randint(0, 5), rng.randint(-1, 12), rng.randint(-1, 7))
            for _ in range(rng.randint(0, 6))
        )
        grid = Grid("表1", [[None] * 3 for _ in range(3)], merged)
        assert grid._covered == sum(max(0, r1 - r0 + 1) * max(0, c1 - c0 + 1) for r0, c0, r1, c1 in merged)
        kinds = [rng.choice((*RowKind, "other", None, 3)) for _ in range(rng.randint(0, 8))]
        assert [k._value_ if isinstance(k, Enum) else getattr(k, "value", k) for k in kinds] == [
            getattr(k, "value", k) for k in kinds
        ]
        marks = [(rng.randint(0, 30), rng.choice(whats)) for _ in range(rng.randint(0, 12))]
        rows = [r for r, what in marks if what == "indicator"]
        plain = max((r + 1 for r, what in marks if what == "header" and rows and r < rows[0]), default=0)
        first = next((r for r, what in marks if what == "indicator"), None)
        got = 0 if first is None else max((r + 1 for r, what in marks if what == "header" and r < first), default=0)
        assert got == plain


def test_overlaps_found_by_the_covered_count_are_the_cell_walks():
    """`merges._overlaps` with the count kept by `Grid`: no finding exactly when no two ranges share a cell."""
    rng = random.Random(21212)
    for _ in range(draws(1000, 100)):
        merged = tuple(
            (r0, c0, r0 + rng.randint(0, 3), c0 + rng.randint(0, 3))
            for r0, c0 in ((rng.randint(0, 12), rng.randint(0, 6)) for _ in range(rng.randint(0, 5)))
        )
        grid = Grid("表1", [[None] * 10 for _ in range(16)], merged)
        seen: set[tuple[int, int]] = set()
        shared = False
        for r0, c0, r1, c1 in merged:
            cells = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
            shared = shared or bool(cells & seen)
            seen |= cells
        assert bool(M._overlaps(grid)) == shared
