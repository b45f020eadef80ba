"""Session 14's shortcut in C01/C02's walk of a table's cells (issue 14) gives the answer of the plain form it
replaces: each sheet cell once, its first occurrence naming it whatever it holds — kept by its A1 text, and by the
whole (sheet, cell, anchor) key only where an A1 text recurs (another sheet, another anchor, the same cell again)."""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis_budget import draws
from randomrows import plain_text_cells, random_table

from perfxl.model import Submission
from perfxl.profiles import load_profile
from perfxl.rules.cells import text_cells
from perfxl.rules.context import Context

_RAWS = ("文本", " ", None, Decimal("1.5"), 3, "", "x\x1b")


def test_text_cells_as_the_plain_walk():
    rng = random.Random(1414)
    ctx = Context(Submission(path=""), load_profile(None))
    tables = []  # kept, so no table's id (the walk's cache key) is reused by the next
    for _ in range(draws(3000, 300)):  # a seeded sweep: the first 300 in the fast loop, all in CI
        table = random_table(rng, _RAWS)
        tables.append(table)
        assert text_cells(ctx, table) == plain_text_cells(table)  # type: ignore[arg-type]
