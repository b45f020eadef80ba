"""perf25b: the checks' cheap first tests, `Context.per_rows` and the table's cost rows answer as the full asks do.

S12, S13, S14 and S15 skip a row on their test's first condition before asking `_fails`; S01's classification asks
`per_rows`; F12, F19 and F20 walk `cost._cost_rows`. On tables of random rows over the seed example's table, each
skip is a row the full test fails, each classified answer is `per_row`'s, and the cost rows are the rows `_is_cost`
holds, in order.
"""

from __future__ import annotations

import random
from decimal import Decimal

from randomrows import drawn_cell, drawn_rows, example_context, two_contexts

from perfxl.model import CellValue
from perfxl.rules import cost, scores
from perfxl.rules.catalogue import spec

_VALUES = [
    None,
    "",
    "/",
    "—",
    "≥95%",
    "95%",
    "100%",
    "≥10个",
    "10个",
    "10",
    "完成",
    "已完成",
    "好坏",
    "不适用",
    "2023年12月",
]
_SCORES = [None, "", "/", Decimal(0), Decimal(5), Decimal(10), "10", "5.5"]


def _tables(seed: int, count: int):  # type: ignore[no-untyped-def]
    ctx, base = example_context()
    rng = random.Random(seed)
    for _ in range(count):
        rows = drawn_rows(
            rng,
            base,
            12,
            target=drawn_cell(rng, _VALUES, "C"),
            actual=drawn_cell(rng, _VALUES, "D"),
            weight=drawn_cell(rng, _SCORES, "E"),
            score=drawn_cell(rng, _SCORES, "F"),
        )
        yield two_contexts(ctx, rows)


def test_first_conditions_skip_only_failing_rows():
    """A row S12/S13/S14/S15 skip before `_fails` is one whose full test fails; and the tables do hold rows that pass
    each test, so the assertion is not vacuous."""
    passed = {"S12": 0, "S13": 0, "S14": 0, "S15": 0}
    for run, _ in _tables(2501, 150):
        for f in run.facts():
            t, a = f.target, f.actual
            full = {code: scores._UNVERIFIABLE[code](run, f) for code in passed}
            for code, hit in full.items():
                passed[code] += bool(hit)
            if not f.actual_blank:
                assert not full["S12"]
            if not (a.number is not None and a.number == t.number):
                assert not full["S13"]
            if a.number is not None:
                assert not full["S14"]
            if not (f.actual_blank and f.score_blank):
                assert not full["S15"]
    assert all(passed.values()), passed


def test_per_rows_is_per_row_of_each_row():
    """`per_rows` answers each row as `per_row` does, in order, and keeps them where `per_row` finds them."""
    for run, plain in _tables(2502, 40):
        rows = run.indicators()
        got = run.per_rows("direction", rows, scores._direction)
        assert got == [plain.per_row("direction", ind, scores._direction) for ind in plain.indicators()]
        for ind, way in zip(rows, got, strict=True):
            assert run.per_row("direction", ind, lambda *_: "asked again") is way


def test_cost_rows_are_the_rows_is_cost_holds():
    """The table's cost rows, picked once, are its rows under 成本指标 (or naming a 成本 with no 二级), in order."""
    ctx, base = example_context()
    rng = random.Random(2503)
    labels = ["成本指标", "经济成本指标", "数量指标", "", "质量指标"]
    names = ["人均成本", "成本控制率", "培训人数", "补助标准"]
    found = 0
    for _ in range(60):
        rows = drawn_rows(
            rng,
            base,
            10,
            name=lambda n: CellValue.of(f"{rng.choice(names)}{n}"),
            level2=lambda _n: CellValue.of(rng.choice(labels)),
        )
        run, plain = two_contexts(ctx, rows)
        picked = cost._cost_rows(run, run.ev)
        assert [f.ind for f in picked] == [f.ind for f in plain.facts() if cost._is_cost(f)]
        found += len(picked)
    assert found


def test_s12_s14_flag_the_rows_their_full_tests_hold():
    """S12 finds at the score of each row `_no_actual_but_scored` holds (its items not met), S14 at the actual of each
    row `_text_actual` holds — the inline first conditions skip no row either would find."""
    found = 0
    for run, plain in _tables(2504, 150):
        for code, check, cell in (
            ("S12", scores.score_without_actual, "score"),
            ("S14", scores.text_actual_numeric_target, "actual"),
        ):
            run.spec = spec(code)
            run.severity = run.spec.severity
            run.params = {}
            got = [f.ref for f in check(run)]
            test = scores._UNVERIFIABLE[code]
            held = [
                getattr(f.ind, cell).place()
                for f in plain.facts()
                if test(plain, f) and not (code == "S12" and scores._items_met(plain, f.ind))
            ]
            assert got == held
            found += len(got)
    assert found
