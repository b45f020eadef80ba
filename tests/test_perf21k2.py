"""issue 14, session 21 (perf21k2): each speed change held against its plain form.

The checks hand a row's facts to `missed_of` / `declared_of` and read a group's facts with `Context.facts_of`
  instead of asking `Context.fact` again a row.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

from randomrows import example_context, random_na_rows, two_contexts

from perfxl.model import CellValue
from perfxl.rules.deviations import missed_of, missed_with_certainty
from perfxl.rules.not_applicable import declared, declared_of
from perfxl.rules.weights import row_weights


def test_facts_handed_over_as_asked():
    """`facts_of`, `missed_of` and `declared_of` answer as `fact`, `missed_with_certainty` and `declared` asked in a
    fresh context, on random rows (not-applicable markers, blank and typed scores), built or not."""
    rng = random.Random(2121)
    ctx, base = example_context()
    texts = ("不适用", "不涉及", "100%", "90%", "≥95%", "/", "", "10个", "8个", "完成")
    for _ in range(300):
        rows = tuple(
            replace(r, weight=CellValue.of(rng.choice([Decimal(10), None, "/", Decimal(0)])))
            for r in random_na_rows(rng, base, texts)
        )
        run, plain = two_contexts(ctx, rows)
        if rng.random() < 0.5:
            run.facts()  # (built with the table's rows, as the checks find them)
        got = run.facts_of(rows)
        assert [f.ind for f in got] == list(rows)
        assert got == [run.fact(i) for i in rows]
        for f in got:
            assert missed_of(run, f) == missed_with_certainty(plain, f.ind)
            assert declared_of(run, f) is declared(plain, f.ind)
        assert str(row_weights(run, rows)) == str(row_weights(plain, list(rows)))
        assert run.facts_of(iter(rows)) == got
    assert [f.ind for f in ctx.facts()] == list(ctx.indicators())  # (D01/D02 walk the facts: the same rows, in order)
