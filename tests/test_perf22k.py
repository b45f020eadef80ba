"""issue 14, session 22 (perf22k): each speed change of the checks' row held against its plain form.

Enum members as module names: in Python 3.11 `EnumType` defines `__getattr__`, so every `ValueKind.PERCENT`,
`Certainty.GUESS` … goes through CPython's `slot_tp_getattr_hook` (≈ 900 instructions an ask more than a module
name's). Each member of `ValueKind`, `Op`, `Severity` and `Certainty` is bound once as a module name where its enum is
defined (`perfxl.values`, `perfxl.model`) and imported by name by the code the checks run a row. The tests hold each
name to its member and count the members asked of the enums while the checks run over a 1,000-row table.
"""

from __future__ import annotations

import collections
import enum
import random
import sys
from dataclasses import replace
from decimal import Decimal

import pytest

from perfxl import model, values
from perfxl.model import Certainty, Severity
from perfxl.reader import read_submission
from perfxl.rules.catalogue import spec
from perfxl.validate import validate_submission
from perfxl.values import Op, ValueKind

_ROWS = 1000


@pytest.mark.parametrize(("module", "kind"), [(values, ValueKind), (values, Op), (model, Severity), (model, Certainty)])
def test_each_member_is_its_module_name(module, kind):
    """The module name of each member is the member itself (`values.PERCENT is ValueKind.PERCENT`): comparisons by
    `is` or `==` and dictionary keys read alike with either spelling."""
    for member in kind:
        assert getattr(module, member.name) is member


@pytest.fixture(scope="module")
def big_submission(tmp_path_factory):
    """The bench's table (bench/bench_big.py): the seed's 自评表 with its indicator rows repeated to 1,000, names
    numbered, written by the generator and read back."""
    from perfxl.workbook.seed import seed_content
    from perfxl.workbook.variants import write_submission

    content = seed_content()
    ev = content.evaluations[0]
    base = ev.indicators
    lines = tuple(replace(base[i % len(base)], name=f"{base[i % len(base)].name}{i + 1}") for i in range(_ROWS))
    path = tmp_path_factory.mktemp("perf22k") / "big-1000.xlsx"
    write_submission(path, replace(content, evaluations=(replace(ev, indicators=lines),)), "standard")
    return read_submission(path)


def _member_asks(sub) -> collections.Counter[tuple[str, str, str]]:
    """The public attributes asked of perfxl's enum classes while the checks run over `sub`, by enum, name and the
    asking function (a recording `EnumType.__getattribute__`, removed after)."""
    asks: collections.Counter[tuple[str, str, str]] = collections.Counter()

    def recording(cls, name):
        if not name.startswith("_") and type.__getattribute__(cls, "__module__").startswith("perfxl"):
            code = sys._getframe(1).f_code
            asks[(type.__getattribute__(cls, "__name__"), name, code.co_name)] += 1
        return type.__getattribute__(cls, name)

    assert "__getattribute__" not in vars(enum.EnumType)
    enum.EnumType.__getattribute__ = recording  # type: ignore[assignment,method-assign]
    try:
        findings = validate_submission(sub)
    finally:
        del enum.EnumType.__getattribute__
    assert findings  # (the bench's table has findings: the finding path ran too)
    return asks


def test_checks_ask_few_enum_members_a_row(big_submission):
    """Before: ≈ 14.7 asks a row (`ValueKind.PERCENT` in `percent_range` twice a row, `value_readable`, `is_qualitative`,
    `_text_actual`, `infer_direction`, `new_finding`, `weaker_certainty` …). Now a handful in the whole run: the
    rows' checks read module names."""
    asks = _member_asks(big_submission)
    assert sum(asks.values()) <= _ROWS // 10, asks.most_common(10)


# ---------------------------------------------------------------- I13 asks a row's direction only for a figure


def _plain_i13(ctx):
    """I13 as it was: every row's direction asked first, then the target's figure tested."""
    from perfxl.rules.direction import name_direction
    from perfxl.rules.indicators import _UP

    for f in ctx.facts():
        ind, way, target = f.ind, ctx.direction(f.ind), f.target
        if way.source != "operator" or way.op is Op.EQ or target.number is None:
            continue
        if target.kind is ValueKind.GROWTH:
            continue
        by_name = name_direction(ind.name.text or ind.level2.text, ctx.profile)
        if by_name is None or (by_name.op in _UP) == (way.op in _UP):
            continue
        yield by_name.op, ind


_I13_NAMES = (
    "投诉率",
    "逾期发放率",
    "群众满意度",
    "事故发生率",
    "成本控制",
    "覆盖率",
    "差错率",
    "完成及时率",
    "培训人次",
    "",
)
_I13_TARGETS = (
    "≥95%", "≤5%", ">90", "<3次", "=100%", "100%", "95", "是", "优", "", "/", "增长5%", "下降3%", "≤约5%", "2023年12月底前",
    "≥ 10个", "不适用", "较上年增长10%", "完成", "5万元",
)  # fmt: skip


def test_i13_the_same_asking_directions_only_for_figures():
    """`direction_against_name` (I13) tests a row's target figure before asking its direction — the same `continue`
    — so a row without a figure has no direction worked out (nothing else asks it on the bench: 3,999 of 10,000
    rows). The findings equal the plain form's on 300 random tables (names with and without direction words, targets
    with operators, without, growth, dates, words, blanks), the rows' directions asked after equal too."""
    from randomrows import example_context, two_contexts

    from perfxl.model import CellRef, CellValue
    from perfxl.rules.indicators import direction_against_name

    rng = random.Random(2222)
    ctx, base = example_context()
    found = 0
    for _ in range(300):
        rows = tuple(
            replace(
                base,
                name=CellValue(rng.choice(_I13_NAMES) + str(n)),
                target=CellValue(rng.choice(_I13_TARGETS), CellRef("表1", f"E{n + 1}")),
                actual=CellValue(rng.choice(_I13_TARGETS)),
            )
            for n in range(rng.randint(1, 10))
        )
        run, plain = two_contexts(ctx, rows)
        run.spec = plain.spec = spec("I13")
        run.params, plain.params = {}, {}
        run.severity = plain.severity = spec("I13").severity
        got = [f.ref for f in direction_against_name(run)]
        want = [ind.target.ref for _, ind in _plain_i13(plain)]
        assert got == want
        found += len(got)
        assert [run.direction(i) for i in rows] == [plain.direction(i) for i in rows]
    assert found > 100  # (the names' words meet the operators both ways)


# ---------------------------------------------------------------- S12/S14/S15's row tests: the row's facts first


def _plain_no_actual_but_scored(ctx, f):
    from perfxl.rules import not_applicable
    from perfxl.rules.scores import _scored_form

    ind, score = f.ind, f.score
    return (
        _scored_form(ctx, ind)
        and f.actual_blank
        and not ctx.is_error(ind.actual)
        and score is not None
        and score > 0
        and not not_applicable.marked(ctx, ind)
    )


def _plain_text_actual(ctx, f):
    from perfxl.rules.scores import _deadline, _evaluation_form, _on_time, _sole_row_block

    ind, t, a, weight, score = f.ind, f.target, f.actual, f.weight, f.score
    if weight is None and (block := _sole_row_block(ctx, ind)) is not None:
        weight = block.declared_weight
    numeric = t.number is not None and t.kind in (ValueKind.NUMBER, ValueKind.PERCENT, ValueKind.GROWTH)
    numeric_target = numeric or (_deadline(t) and not _on_time(ind.actual.text))
    text_actual = a.number is None and a.kind in (ValueKind.QUALITATIVE, ValueKind.TEXT) and not a.reason
    if not (_evaluation_form(ctx, ind) and numeric_target and text_actual and not ctx.is_error(ind.actual)):
        return False
    if ind.score.ref is None:
        return True
    return weight is not None and score is not None and abs(score - weight) <= ctx.tol_score


def _plain_not_scored(ctx, f):
    from perfxl.rules import not_applicable
    from perfxl.rules.scores import _scored_form

    ind = f.ind
    return (
        _scored_form(ctx, ind)
        and (ctx.ev.has_column("actual") or ctx.ev.has_column("score"))
        and not f.target_blank
        and f.actual_blank
        and f.score_blank
        and not ctx.is_error(ind.score)
        and (f.weight is not None or not ctx.ev.has_column("weight"))
        and not not_applicable.marked(ctx, ind)
    )


_S_TEXTS = (
    "100%", "≥95%", "95", "是", "已完成", "按时完成", "未按时完成", "优", "基本完成", "", "  ", "/", "—", "#N/A", "不适用",
    "12月", "2023年12月底前", "2023年", "10个", "≥10个", "增长5%", "全年", "（空）", "N/A", "0", "较好",
)  # fmt: skip


def test_score_row_tests_the_same_facts_first():
    """S12's `_no_actual_but_scored`, S14's `_text_actual` and S15's `_not_scored` test the row's facts before the
    form's (`_scored_form`, a call) — the same `and` of side-effect-free tests in another order, and S14's text-actual
    test before the rest. Each equals its plain form on 400 random tables (blank/typed/text/error targets, actuals and
    scores, weights blank or typed, cells with and without a place), asked in a fresh context."""
    from randomrows import example_context, two_contexts

    from perfxl.model import CellRef, CellValue
    from perfxl.rules.scores import _no_actual_but_scored, _not_scored, _text_actual

    rng = random.Random(2223)
    ctx, base = example_context()
    seen = collections.Counter()
    for _ in range(400):
        rows = tuple(
            replace(
                base,
                name=CellValue(f"指标{n}"),
                target=CellValue(rng.choice(_S_TEXTS), CellRef("表1", f"E{n + 1}")),
                actual=CellValue(
                    rng.choice([*_S_TEXTS, Decimal(95), None]),
                    CellRef("表1", f"F{n + 1}") if rng.random() < 0.9 else None,
                ),
                weight=CellValue(rng.choice([Decimal(10), Decimal(5), None, "/", "", "十"])),
                score=CellValue(
                    rng.choice([Decimal(10), Decimal(0), Decimal("4.5"), None, "", "/", "#N/A", "满分"]),
                    CellRef("表1", f"H{n + 1}") if rng.random() < 0.85 else None,
                ),
            )
            for n in range(rng.randint(1, 8))
        )
        run, plain = two_contexts(ctx, rows)
        for new, old in (
            (_no_actual_but_scored, _plain_no_actual_but_scored),
            (_text_actual, _plain_text_actual),
            (_not_scored, _plain_not_scored),
        ):
            for f_run, f_plain in zip(run.facts(), plain.facts(), strict=True):
                got, want = new(run, f_run), old(plain, f_plain)
                assert bool(got) is bool(want), (new.__name__, f_run.ind)
                seen[new.__name__, bool(got)] += 1
    assert min(seen.values()) > 20 and len(seen) == 6, seen  # (each test both ways)
