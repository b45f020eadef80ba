"""perf19 (issue 14): each cheaper form equals its plain one.

`validate.recompute_scores` sums each 一级's computed 得分, typed 得分 and 分值 in the pass that reads each row once; the
plain form (kept here as it was) read every row's facts again per 一级 and summed lists. Both are run on random 自评表
(weights, scores and targets drawn from typed values, blanks, texts, decimals of several exponents; rows moved between
一级) written by the generator and read back: the same total and the same sections, value and exponent.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis_budget import draws

from perfxl.model import SelfEvaluation
from perfxl.profiles import resolve_profile
from perfxl.reader import read_submission
from perfxl.rules.context import Context
from perfxl.rules.not_applicable import not_applicable_rows
from perfxl.rules.totals import rescaled_total
from perfxl.scoring import total_score
from perfxl.validate import _weighted, computed_rate, execution_score, recompute_scores, validate_submission
from perfxl.workbook.seed import seed_content
from perfxl.workbook.variants import write_submission


# Kept (lean28): the one test of the total's sums to the exponent (value and `as_tuple`) on random 自评表 with "1E+1",
# "2.50", "7.125" scores and rows moved between 一级 — the real tables hold one or two decimals; a copy of arithmetic,
# not of a check's messages, which changes only with the total's rule.
def _plain_recompute_scores(ev: SelfEvaluation, profile, ctx: Context):  # type: ignore[no-untyped-def]
    """`recompute_scores` as it was before perf19 (two passes: rows, then each 一级's rows again)."""
    from perfxl.result import SectionScore

    ctx.evaluation = ev
    sections = []
    parts: list[Decimal] = []
    rate = None
    total = ev.funds.total if ev.funds is not None else None
    if total is not None:
        weight = ctx.number(total.weight)
        executed, budget = ctx.number(total.executed), ctx.number(total.full_budget)
        budget_score = None
        if executed is not None and budget is not None:
            rate = computed_rate(ctx, total)
            budget_score = execution_score(executed, budget, weight, profile).score
        parts.append(budget_score if budget_score is not None else (ctx.number(total.score) or Decimal(0)))
        sections.append(SectionScore("预算执行率", weight, ctx.number(total.score), budget_score, ev.sheet))
    groups = ctx.groups()
    computed: dict[int, Decimal] = {}
    reported: dict[int, Decimal] = {}
    fact = ctx.fact
    for ind in (i for _, rows in groups for i in rows):
        result = ctx.score(ind)
        typed = fact(ind).score
        value = result.score if result is not None and result.score is not None else typed
        computed[id(ind)] = value or Decimal(0)
        if typed is not None:
            reported[id(ind)] = typed
    na = not_applicable_rows(ctx)
    excluded = frozenset(id(i) for i in na)
    weighted = _weighted(ctx, computed, excluded)
    weighted_reported = _weighted(ctx, reported, excluded)
    for heading, rows in groups:
        own = sum((computed[id(i)] for i in rows), Decimal(0))
        typed_scores = [reported[id(i)] for i in rows if id(i) in reported]
        typed = sum(typed_scores, Decimal(0)) if typed_scores else None
        weights = [w for w in (fact(i).weight for i in rows) if w is not None]
        weight = sum(weights, Decimal(0)) if weights else None
        if (
            weighted is not None
            and weighted_reported is not None
            and heading is not None
            and id(heading) in weighted.points
        ):
            weight, own = heading.declared_weight, weighted.points[id(heading)]
            typed = weighted_reported.points[id(heading)] if typed is not None else None
        parts.append(own)
        name = (heading.name or heading.label.text) if heading is not None else "其他指标"
        sections.append(SectionScore(name, weight, typed, own, ev.sheet))
    if not parts:
        return None, sections
    if na:
        part = (parts[0], ctx.number(total.weight)) if total is not None else (Decimal(0), None)
        rescaled = rescaled_total(ctx, na, computed, part)
        if rescaled is not None:
            return total_score([rescaled], profile, rate), sections
    return total_score(parts, profile, rate), sections


_NUMBERS = [
    None,
    "",
    " ",
    "10",
    "10.0",
    "5",
    "2.50",
    "0",
    "7.125",
    "3.3333",
    "1E+1",
    "不适用",
    "/",
    "无",
    "十",
    "—",
    12,
    8.5,
]
_TARGETS = ["≥12家", "100%", "≥95%", "增长12%", "2023年底", "不适用", "是", "≤5%", "90%", "", None, "4万元/家"]
_ACTUALS = ["20家", "100%", "93%", "11.8%", "2023年底", "不适用", "否", "6%", "90%", "", None, "4万元/家"]


def _random_content(rnd: random.Random):  # type: ignore[no-untyped-def]
    content = seed_content()
    ev = content.evaluations[0]
    base = ev.indicators
    level1s = sorted({str(line.level1) for line in base if line.level1})
    lines = []
    for i in range(rnd.randint(3, 30)):
        line = base[rnd.randrange(len(base))]
        changes: dict = {"name": f"{line.name}{i + 1}"}
        if rnd.random() < 0.3 and level1s:
            changes["level1"] = rnd.choice(level1s)
        for field, pool in (("weight", _NUMBERS), ("score", _NUMBERS), ("target", _TARGETS), ("actual", _ACTUALS)):
            if rnd.random() < 0.5:
                changes[field] = rnd.choice(pool)
        lines.append(replace(line, **changes))
    return replace(content, evaluations=(replace(ev, indicators=tuple(lines)),))


def _key(result):  # type: ignore[no-untyped-def]
    total, sections = result

    def exact(x):  # type: ignore[no-untyped-def]
        return None if x is None else (str(x), x.as_tuple())

    return exact(total), [
        (s.name, exact(s.weight), exact(s.score_reported), exact(s.score_computed), s.sheet) for s in sections
    ]


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("perf19")
    rnd = random.Random(19)
    paths = []
    for n in range(draws(40, 8)):
        path = folder / f"t{n}.xlsx"
        write_submission(path, _random_content(rnd), "standard")
        paths.append(path)
    return paths


def test_recompute_scores_is_the_plain_sum(tables: list[Path]) -> None:
    profile = resolve_profile(None)
    for path in tables:
        sub = read_submission(path, profile)
        ctx = Context(sub, profile)
        validate_submission(sub, profile, context=ctx)
        for ev in sub.evaluations:
            fast = recompute_scores(ev, profile, ctx)
            plain = _plain_recompute_scores(ev, profile, ctx)
            assert _key(fast) == _key(plain), path
