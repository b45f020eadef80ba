"""Session 22, branch batch22 (issue 14): a batch file's per-table set-up, each cut held against its plain form.

- `rules._run`: the check dispatch reads a table's skips inline and runs the unit-doubt and label-weight passes only
  for a check that found something — the plain loop (a closure for the skips, the unit-doubt pass and
  `_weights_from_labels` on every call) gives the same findings, in the same order, on the corpus's tables.
- `rules.funds.rate_over_initial`: the funds block's headers read once a block (`Context.once`) — the plain reading of
  the headers on every ask gives the same answer for every corpus table's block and for random headers.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis_budget import draws

from perfxl import rules
from perfxl.chinese import to_simplified
from perfxl.collector import collector_paused
from perfxl.model import CellValue, Finding, FundsBlock, Submission
from perfxl.profiles import load_profile
from perfxl.rules import Context, _plan, _table_skips, _targets, funds, implementation
from perfxl.values import normalise_text

CORPUS = Path(__file__).parent / "realworld"


def _corpus_submissions(every: int) -> Iterator[Submission]:
    """The bundled example and every `every`-th corpus table, read from its grid (tests/realworld/render.py)."""
    sys.path.insert(0, str(CORPUS))
    from render import _merge_bounds, corpus_files, load_table  # type: ignore[import-not-found]

    from perfxl.cli.validate_cmd import find_example
    from perfxl.grid import Grid
    from perfxl.reader import read_grids, read_submission

    example = find_example()
    assert example is not None
    yield read_submission(example)
    for path in corpus_files()[::every]:
        table = load_table(path)
        merged = tuple(b for m in table.merges if (b := _merge_bounds(m)) is not None)
        yield read_grids([Grid(table.sheet, [list(r) for r in table.rows], merged)], table.path.name)


# ------------------------------------------------------------------ the dispatch, as it was (main 07dbb80)
def _plain_unit_readings(ctx: Context, func: Any, doubted: list[int]) -> list[Finding]:
    """The unit-doubt pass asked on every call, as the plain loop did (its judging is the product's `_doubted_units`:
    batch22 changed when it runs, not what it does)."""
    ctx.unit_doubts = {}
    found = list(func(ctx))
    if not ctx.unit_doubts or not found:
        return found
    doubted[0] += 1
    return rules._doubted_units(ctx, func, found)


def _plain_run(submission: Submission, profile: Any, doubted: list[int]) -> list[Finding]:
    ctx = Context(submission, profile)
    findings: list[Finding] = []
    not_applicable = rules._sheet_wide_skips(submission)
    own: dict[int, tuple[Any, frozenset[str]]] = {}

    def table_skips(target: Any) -> frozenset[str]:
        hit = own.get(id(target))
        if hit is None or hit[0] is not target:
            hit = own[id(target)] = (target, _table_skips(target, submission))
        return hit[1]

    plan = _plan(profile, None, None)
    ctx.planned = frozenset(s.code for s, _, _ in plan)
    for s, params, severity in plan:
        ctx.spec = s
        func = implementation(s.code)
        ctx.params = dict(params)
        ctx.severity = severity
        for target in _targets(s, submission):
            if (s.code, getattr(target, "sheet", None)) in not_applicable or s.code in table_skips(target):
                continue
            ctx.evaluation = target
            try:
                found = _plain_unit_readings(ctx, func, doubted)
                findings.extend(rules._weights_from_labels(target, s.code, found))
            except Exception as exc:
                findings.append(rules._crash(ctx, s, exc, target))
    return rules._on_guessed_sheets(submission, findings)


def _dispatch_alike(every: int, least_findings: int) -> None:
    profile = load_profile(None)
    doubted = [0]
    total = 0
    for sub in _corpus_submissions(every):
        with collector_paused():
            plain = _plain_run(sub, profile, doubted)
            lean = rules._run(sub, profile, None, None, None)
        assert repr(lean) == repr(plain), sub.path
        total += len(lean)
    assert total >= least_findings, total


def test_the_dispatch_finds_as_the_plain_loop() -> None:
    """The example and every fifth corpus table (the fast loop's share; all of them below, slow)."""
    _dispatch_alike(5, 100)


@pytest.mark.slow
def test_the_dispatch_finds_as_the_plain_loop_on_every_corpus_table() -> None:
    _dispatch_alike(1, 500)


def test_the_dispatch_runs_the_second_unit_reading_and_survives_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """A check leaving unit doubts (and findings) gets its findings judged by both readings, a check that raises is an
    X01 and the next check starts with no doubts — as the plain loop (checks stood in by test doubles)."""
    from perfxl.model import CellRef, Certainty, Severity

    sub = next(_corpus_submissions(1))
    profile = load_profile(None)
    plan = _plan(profile, None, None)
    first, second, third = (s.code for s, _, _ in plan[:3])
    seen: list[dict[str, tuple[str, str]]] = []

    def doubting(ctx: Context) -> list[Finding]:
        ctx.unit_doubts["1252500元"] = ("按单元格的单位“元”读", "read in the cell's unit 元")
        ref = CellRef(sub.evaluations[0].sheet, "B2")
        certainty = Certainty.CERTAIN if not ctx.bare_units else Certainty.JUDGEMENT
        return [Finding(first, Severity.ERROR, ref, "甲", "a", None, None, sub.path, certainty=certainty)]

    def crashing(ctx: Context) -> list[Finding]:
        ctx.unit_doubts["x"] = ("乙", "b")
        raise ValueError("boom")

    def watching(ctx: Context) -> list[Finding]:
        seen.append(dict(ctx.unit_doubts))
        return []

    stand_ins = {first: doubting, second: crashing, third: watching}
    real = rules.implementation
    monkeypatch.setattr(rules, "implementation", lambda code: stand_ins.get(code) or real(code))
    with collector_paused():
        lean = rules._run(sub, profile, [first, second, third], None, None)
    assert any(f.code == "X01" for f in lean)
    doubted = [f for f in lean if f.code == first]
    assert doubted and all(f.certainty is Certainty.JUDGEMENT and "按单元格的单位" in f.basis for f in doubted)
    assert seen and all(s == {} for s in seen)


# ------------------------------------------------------------------ rate_over_initial, as it was
def _plain_rate_over_initial(ctx: Context) -> str:
    block = ctx.evaluation.funds if ctx.evaluation is not None else None
    if block is None or "initial_budget" not in block.columns or "full_budget" not in block.columns:
        return ""
    texts = [c.text for c in block.score_headers] + ([block.unit_cell.text] if block.unit_cell is not None else [])
    for text in texts:
        m = funds._STATED_RATE.search(to_simplified(text))
        if m is not None:
            return text if m.group(1) == "年初" else ""
    lettered = funds._lettered_columns(block.amount_headers)
    for text in (c.text for c in block.score_headers):
        for m in funds._LETTER_RATE.finditer(normalise_text(text)):
            over = lettered.get(m.group(2))
            if lettered.get(m.group(1)) == "executed" and over is not None:
                return text if over == "initial_budget" else ""
    return ""


def _blocks_of(sub: Submission) -> list[Any]:
    tables = [*sub.evaluations, *sub.declarations, *sub.monitoring]
    return tables + [dataclasses.replace(t, funds=b, funds_more=()) for t in tables for b in t.funds_more]


def test_rate_over_initial_once_a_block_reads_as_the_headers() -> None:
    """Every third corpus table's blocks (each asked twice: the second answer from the cache; no corpus table states
    its rate over 年初预算数) and 3,000 random blocks (which do)."""
    profile = load_profile(None)
    blocks = 0
    for sub in _corpus_submissions(3):
        ctx = Context(sub, profile)
        for table in _blocks_of(sub):
            ctx.evaluation = table
            want = _plain_rate_over_initial(ctx)
            assert funds.rate_over_initial(ctx) == want == funds.rate_over_initial(ctx)
            blocks += table.funds is not None
    assert blocks >= 50, blocks
    rng = random.Random(22)
    heads = [
        "执行率",
        "执行率（执行数/年初预算数）",
        "执行率(B/A)",
        "(全年执行数÷全年预算数)",
        "得分",
        "执行率(C/A)",
        "執行率（執行數/年初預算數）",
        "D=C/B",
        "资金情况(万元)",
        "执行率(B/C)",
        "",
    ]
    amounts = [
        "年初预算数(A)",
        "全年预算数(B)",
        "全年执行数(C)",
        "年初预算数",
        "全年预算数(A)",
        "全年执行数(B)",
        "全年执行数",
    ]
    roles = ("initial_budget", "full_budget", "executed")
    sub = next(_corpus_submissions(1))
    base = sub.evaluations[0]
    answers = set()
    for _ in range(draws(3000, 600)):
        block = FundsBlock(
            None,
            columns=tuple(r for r in (*roles, "score") if rng.random() < 0.85),
            score_headers=tuple(CellValue.of(rng.choice(heads)) for _ in range(rng.randint(0, 3))),
            unit_cell=CellValue.of(rng.choice(heads)) if rng.random() < 0.3 else None,
            amount_headers=tuple(
                (rng.choice(roles), CellValue.of(rng.choice(amounts))) for _ in range(rng.randint(0, 3))
            ),
        )
        ctx = Context(sub, load_profile(None))
        ctx.evaluation = dataclasses.replace(base, funds=block)
        want = _plain_rate_over_initial(ctx)
        assert funds.rate_over_initial(ctx) == want == funds.rate_over_initial(ctx)
        answers.add(bool(want))
    assert answers == {True, False}
