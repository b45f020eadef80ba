"""A row's reading and its parsed cells, worked out once per distinct inputs (issue 14, session 14, perf14d).

`Context._read` keeps a reading by what it reads of the row — the target and actual values, the weight as printed, the
unit's kind, the direction and the table — and `Context.parsed` a cell's value by its text: rows repeating them share
one answer. Each must be what a fresh context gives the row alone, also where two rows differ only in what the key
holds (the direction read from the name, 10 against 10.0, a date unit, another table's title year)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from perfxl.model import CellValue, Indicator
from perfxl.profiles import load_profile
from perfxl.reader import read_submission
from perfxl.rules.context import Context, Reading

ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = [
    ROOT / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx",
    ROOT / "workbooks" / "perfxl-standard.xlsx",
]


def _said(r: Reading) -> tuple[object, ...]:
    res = r.result
    scored = None if res is None else (res.score, res.exact, res.meets_target, res.method, res.ratio, res.error)
    return scored, r.direction, r.certainty, r.basis, r.basis_en


def _fresh(ctx: Context, ind: Indicator) -> tuple[Reading, Reading]:
    alone = Context(ctx.submission, ctx.profile)
    alone.evaluation = ctx.evaluation
    return alone.reading(ind), alone.outcome(ind)


def _check_alike(ctx: Context) -> None:
    for ind in ctx.indicators():
        reading, outcome = _fresh(ctx, ind)
        assert _said(ctx.reading(ind)) == _said(reading), ind.name.text
        assert _said(ctx.outcome(ind)) == _said(outcome), ind.name.text
        assert ctx.parsed(ind.target) == Context(ctx.submission, ctx.profile).parsed(ind.target)


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_shared_readings_are_each_rows_own(path):
    profile = load_profile(None)
    sub = read_submission(path, profile)
    for ev in sub.evaluations:
        if ev.indicators:
            ctx = Context(sub, profile)
            ctx.evaluation = ev
            _check_alike(ctx)


def test_rows_differing_only_in_the_key_read_apart():
    profile = load_profile(None)
    sub = read_submission(WORKBOOKS[0], profile)
    ev = next(e for e in sub.evaluations if e.indicators)
    base = next(i for i in ev.indicators if i.weight.raw is not None)

    def row(name: str, target: object, actual: object, weight: object, unit: str | None = None) -> Indicator:
        return replace(
            base,
            name=CellValue.of(name),
            target=CellValue.of(target),
            actual=CellValue.of(actual),
            weight=CellValue.of(weight),
            score=CellValue.of(None),
            unit=None if unit is None else CellValue.of(unit),
        )

    rows = (
        row("安全事故发生率", "5%", "6%", 10),  # lower is better: missed
        row("服务覆盖率", "5%", "6%", 10),  # higher is better: met
        row("新增企业数", "5%", "6%", 10),  # the default
        row("新增企业数", "5%", "6%", 10.0),  # 10.0 printed apart from 10
        row("新增企业数", "5%", "6%", Decimal("7.5")),
        row("完成时间", "2023.12", "2023.11", 5),
        row("完成时间", "2023.12", "2023.11", 5, "万元"),  # an amount beside a money unit, a date beside none
        row("完成时间", "12月底", "2024年1月", 5),  # the title's year decides
        row("完成时间", "12月底", "2024年1月", 5),
    )
    ctx = Context(sub, profile)
    ctx.evaluation = replace(ev, indicators=rows)
    _check_alike(ctx)
    said = [_said(ctx.reading(i)) for i in rows]
    assert said[0][0] != said[1][0]  # the direction is in the key
    assert said[2][0] != said[4][0]
    # another table, another title year: its own reading of the yearless date (the context's rows kept, as in a run)
    fresh = Context(sub, profile)
    fresh.evaluation = replace(ev, indicators=rows, title=CellValue.of("2024年度项目支出绩效自评表"), period=None)
    kept = ctx._read_memo
    fresh._read_memo = kept  # the first table's readings at hand: the second reads its own
    _check_alike(fresh)
    assert _said(fresh.reading(rows[-1]))[0] != said[-1][0]


def test_one_search_of_both_lists_is_the_two_lists_compared():
    """`_name_direction` searches the name once with both head lists: the word and direction comparing each list's own
    head by (end, length) gives — lower only when its head ends later or is longer, a word both hold is higher's."""
    import random

    from perfxl.rules.direction import Direction, Op, _head, _name_direction

    profile = load_profile(None)
    lower = list(profile.get("direction.lower_is_better", ()))
    higher = list(profile.get("direction.higher_is_better", ()))

    def by_two_lists(name: str) -> Direction | None:
        (lw, lat), (hw, hat) = _head(name, lower), _head(name, higher)
        if lw and lat > hat:
            return Direction(Op.LE, "name", lw)
        return Direction(Op.GE, "name", hw) if hw else None

    rng = random.Random(1414)
    chars = sorted({ch for w in lower + higher for ch in w}) + list("项目资金产出12%")
    names = ["安全事故处置率", "能耗降低率", "投诉率下降率", "", "率率"]
    names += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    names += [rng.choice(lower + higher) + rng.choice(lower + higher) for _ in range(1000)]
    for name in names:
        assert _name_direction(name, profile) == by_two_lists(name), name
