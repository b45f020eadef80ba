"""perf16r's shortcuts in the checks, each held against its plain form (docs/performance.md, branch perf16r).

A number cell's number without the text tests, one `Direction` per operator, a row's direction and reading from its
`RowFacts`, and T05's 不适用 rows asked only where a text holds a marker: each must give what the plain form gives."""

from __future__ import annotations

import random
from decimal import Decimal

from randomrows import NA_TEXTS, example_context, random_na_rows, two_contexts

from perfxl.model import CellValue
from perfxl.numbers import to_decimal
from perfxl.profiles import load_profile
from perfxl.rules import not_applicable
from perfxl.rules.context import Context
from perfxl.rules.direction import Direction, infer_direction
from perfxl.units import stray_letters
from perfxl.values import Op, ValueKind, parse_value


def _number_as_before(ctx: Context, cell: CellValue) -> Decimal | None:
    """`Context._read_number` of a number cell without the Decimal shortcut: `to_decimal`, else the parsed figure."""
    value = to_decimal(cell.raw)
    if value is None:
        p = ctx.parsed(cell)
        if not p.damaged and p.kind is ValueKind.NUMBER and p.number is not None and p.op is None:
            value = None if stray_letters(p.unit) else p.number
    return value


def test_a_decimal_cells_number_is_the_plain_readings():
    """`Context.number` of a Decimal cell (as the layout makes number cells) is what the blank, text and parse steps
    gave — also beyond Excel's range, not finite, signalling, negative, zero with an exponent."""
    ctx, _ = example_context()
    rng = random.Random(1616)
    values = [Decimal(t) for t in ("NaN", "sNaN", "Infinity", "-Infinity", "0E-5", "-0", "1E+400", "1E-400")]
    values += [Decimal(t) for t in ("9.99E+307", "1E+308", "1E-308", "1E-309", "-1E+999")]
    values += [Decimal(rng.randint(-(10**6), 10**6)).scaleb(rng.randint(-400, 400)) for _ in range(3000)]
    for value in values:
        cell = CellValue.of(value)
        assert repr(ctx.number(cell)) == repr(_number_as_before(Context(ctx.submission, ctx.profile), cell)), value


def test_one_direction_per_operator_is_the_one_built():
    """The shared `Direction` of a target's operator, a 指标性质 operator or a growth target equals the one built."""
    profile = load_profile(None)
    for text, op in (("≥90%", Op.GE), (">5", Op.GT), ("=100%", Op.EQ), ("≤3天", Op.LE), ("<2", Op.LT)):
        assert infer_direction("新增企业数", parse_value(text, profile), None, profile) == Direction(op, "operator")
    for nature, op in (("≥", Op.GE), ("反向指标", Op.LE), ("＝", Op.EQ)):
        way = infer_direction("新增企业数", parse_value("90", profile), nature, profile)
        assert way == Direction(op, "operator")
    assert infer_direction("产值", parse_value("增长5%", profile), None, profile) == Direction(Op.GE, "growth")


def test_direction_and_reading_from_the_facts_are_the_cells_own():
    """The direction and reading read the row's texts, parsed values and weight from its facts: the same as asking
    the cells (a fresh context's `infer_direction` of the cell texts, `number`, `parsed`)."""
    ctx, _ = example_context()
    for ind in ctx.indicators():
        way = Context(ctx.submission, ctx.profile)
        way.evaluation = ctx.evaluation
        plain = infer_direction(
            ind.name.text or ind.level2.text,
            way.parsed(ind.target),
            ind.nature.text if ind.nature is not None else None,
            ctx.profile,
            group=f"{ind.level1.text} {ind.level2.text}",
            operator=ind.operator.text if ind.operator is not None else None,
        )
        assert ctx.direction(ind) == plain, ind.name.text
        f = ctx.fact(ind)
        assert f.weight == way.number(ind.weight) and f.target is way.parsed(ind.target)


def test_not_applicable_rows_are_the_plain_walks():
    """`_rows` asks `_declared` only of rows whose target or actual text holds a marker: the rows the plain walk over
    every row's facts gives, on tables of random marker, note and figure texts (blank and typed scores)."""
    ctx, base = example_context()
    texts = NA_TEXTS
    rng = random.Random(16)
    for _ in range(60):
        rows = random_na_rows(rng, base, texts)
        run, alone = two_contexts(ctx, rows)
        marks = not_applicable.pattern(alone)
        assert marks is not None
        held = not_applicable._marked_texts(alone)
        plain = [f.ind for f in alone.facts() if not_applicable._declared_row(alone, f, marks, held)]
        assert not_applicable._rows(run) == plain
        for ind in rows:  # each row's answers, asked again in a run, are a fresh context's
            fresh = Context(ctx.submission, ctx.profile)
            fresh.evaluation = run.evaluation
            said = (
                not_applicable.declared(run, ind),
                not_applicable.guessed(run, ind),
                not_applicable.marked(run, ind),
            )
            assert said == (
                not_applicable.declared(fresh, ind),
                not_applicable.guessed(fresh, ind),
                not_applicable.marked(fresh, ind),
            )
