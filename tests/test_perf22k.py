"""issue 14, session 22 (perf22k): each speed change of the checks' row held against its plain form.

Enum members as module names: in Python 3.11 `EnumType` defines `__getattr__`, so every `ValueKind.PERCENT`,
`Certainty.GUESS` … goes through CPython's `slot_tp_getattr_hook` (≈ 900 instructions an ask more than a module
name's). Each member of `ValueKind`, `Op`, `Severity` and `Certainty` is bound once as a module name where its enum is
defined (`perfxl.values`, `perfxl.model`) and imported by name by the code the checks run a row. The tests hold each
name to its member and count the members asked of the enums while the checks run over a 1,000-row table.
"""

from __future__ import annotations

import collections
import dataclasses
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
def big_path(tmp_path_factory):
    """The bench's table (bench/bench_big.py): the seed's 自评表 with its indicator rows repeated to 1,000, names
    numbered, written by the generator."""
    from perfxl.workbook.seed import seed_content
    from perfxl.workbook.variants import write_submission

    content = seed_content()
    ev = content.evaluations[0]
    base = ev.indicators
    lines = tuple(replace(base[i % len(base)], name=f"{base[i % len(base)].name}{i + 1}") for i in range(_ROWS))
    path = tmp_path_factory.mktemp("perf22k") / "big-1000.xlsx"
    write_submission(path, replace(content, evaluations=(replace(ev, indicators=lines),)), "standard")
    return path


@pytest.fixture(scope="module")
def big_submission(big_path):
    """`big_path` read back."""
    return read_submission(big_path)


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
    rows). On 300 random tables (names with and without direction words, targets with operators, without, growth,
    dates, words, blanks) the findings equal those of a context that asked every row's direction first (the order
    before perf22k; lean28 dropped the copy of the check as it was), each is of a row with a figure, and the directions
    asked after equal those asked first."""
    from randomrows import drawn_cell, drawn_rows, example_context, two_contexts

    from perfxl.model import CellValue
    from perfxl.rules.indicators import direction_against_name

    rng = random.Random(2222)
    ctx, base = example_context()
    found = 0
    for _ in range(300):
        rows = drawn_rows(
            rng,
            base,
            10,
            name=lambda n: CellValue.of(rng.choice(_I13_NAMES) + str(n)),
            target=drawn_cell(rng, _I13_TARGETS, "E", 1),
            actual=lambda _: CellValue.of(rng.choice(_I13_TARGETS)),
        )
        run, plain = two_contexts(ctx, rows)
        run.spec = plain.spec = spec("I13")
        run.params, plain.params = {}, {}
        run.severity = plain.severity = spec("I13").severity
        asked = [plain.direction(i) for i in rows]  # the order before perf22k: every row's direction first
        got = list(direction_against_name(run))
        assert got == list(direction_against_name(plain))
        figures = {f.ind.target.place() for f in run.facts() if f.target.number is not None}
        assert all(f.ref in figures for f in got)  # a row without a target figure is never flagged (the skip)
        found += len(got)
        assert [run.direction(i) for i in rows] == asked
    assert found > 100  # (the names' words meet the operators both ways)


# ---------------------------------------------------------------- S12/S14/S15's row tests: the row's facts first


# Kept (lean28): three predicates of ≤ 15 lines each over the product's own tests (`_scored_form`, `not_applicable`),
# whose side-effect-free `and` perf22k reordered; the random tables meet each answer both ways (asserted), which no real
# table isolates.
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
    if ind.score.place() is None:
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
    from randomrows import drawn_cell, drawn_rows, example_context, two_contexts

    from perfxl.model import CellRef, CellValue
    from perfxl.rules.scores import _no_actual_but_scored, _not_scored, _text_actual

    rng = random.Random(2223)
    ctx, base = example_context()
    seen = collections.Counter()
    for _ in range(400):
        rows = drawn_rows(
            rng,
            base,
            8,
            target=drawn_cell(rng, _S_TEXTS, "E", 1),
            actual=lambda n: CellValue.of(
                rng.choice([*_S_TEXTS, Decimal(95), None]), CellRef("表1", f"F{n + 1}") if rng.random() < 0.9 else None
            ),
            weight=lambda _: CellValue.of(rng.choice([Decimal(10), Decimal(5), None, "/", "", "十"])),
            score=lambda n: CellValue.of(
                rng.choice([Decimal(10), Decimal(0), Decimal("4.5"), None, "", "/", "#N/A", "满分"]),
                CellRef("表1", f"H{n + 1}") if rng.random() < 0.85 else None,
            ),
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


# ---------------------------------------------------------------- I03 and I12 skip a row their findings cannot be of
# (lean28: the copies of the two checks as they were are gone — I03's had already missed review23a's sign-unread
# target, "≥—1000人", which I03 must leave to I12: a frozen copy passes while the checks move on. Each row kind is
# held to the finding it must get, through the whole check run, and the random tables to what a finding can be.)

#: (二级 name, 指标性质, 年度指标值, 实际完成值) → the I03/I12 findings of that row: (code, column, 错误/警告).
_ROW_CASES = [
    (("培训人次", None, "≥10个", "12个"), []),  # a figure: neither check has anything to say (the skipped rows)
    (("培训人次", None, "公里", "12"), [("I03", "E", "warning")]),  # the unit alone: a person judges the mapping
    (("培训人次", None, "≧ %", "12"), [("I03", "E", "warning")]),
    (("培训人次", None, "≥", "12"), [("I03", "E", "error")]),  # an operator and no figure: certainly not a value
    (("培训人次", "≥", "十个", "12"), [("I03", "E", "warning")]),  # Chinese numerals: not converted, a person judges
    (("培训人次", None, "≥上年", "12"), [("I03", "E", "warning")]),  # set against a benchmark the table omits
    (("培训人次", "≥", "/", "12"), []),  # "/": often 不适用 on Chinese forms, never a 错误
    (("培训人次", None, "≥—1000人", "12"), [("I12", "E", "warning")]),  # sign unread: I12 says why, not I03 (review23a)
    (("培训人次", None, "是", "是"), []),
    (("培训人次", "定性", "优", "优"), []),
    (("培训人次", None, "2023年12月底前", "12月"), []),  # a date target
    (("培训人次", None, "#N/A", "#VALUE!"), []),  # Excel errors: C02's, not these checks'
    (("培训人次", None, "不适用", "不适用"), []),
    (("培训人次", None, True, False), [("I12", "E", "error"), ("I12", "F", "error")]),  # logical values
    (("培训人次", None, True, "12"), [("I12", "E", "error")]),  # one logical value, the other cell a figure
    (("培训人次", None, "≥95%", False), [("I12", "F", "error")]),
    (("满意度", None, "≥95%", "120%"), [("I12", "F", "warning")]),  # a share above 100%
    (("培训人次", None, "≥95%", "120%"), []),  # above 100% where the name is no share: allowed
    (("合格率", None, "1O0%", "98%"), [("I12", "E", "warning")]),  # damaged figure: perhaps the reading's
    (("培训人次", None, "≥ 90 %", "x\x07"), [("I12", "F", "error")]),  # a control character
]


def _table_findings(rows):
    """I03 and I12 run on the example's table with `rows` for its indicators, as `perfxl validate` runs them."""
    from randomrows import example_context

    from perfxl.rules import run_checks

    ctx, _ = example_context()
    sub = dataclasses.replace(ctx.submission, evaluations=(dataclasses.replace(ctx.ev, indicators=rows),))
    return run_checks(sub, ctx.profile, select=["I03", "I12"])


def _row(base, n, name, nature, target, actual):
    from perfxl.model import CellRef, CellValue

    return replace(
        base,
        name=CellValue.of(name),
        nature=CellValue.of(nature) if nature else None,
        unit=None,
        target=CellValue.of(target, CellRef("表1", f"E{n}")),
        actual=CellValue.of(actual, CellRef("表1", f"F{n}")),
    )


@pytest.mark.parametrize(("cells", "expected"), _ROW_CASES, ids=[repr(c[0][2]) for c in _ROW_CASES])
def test_i03_and_i12_say_of_each_row_kind_what_it_holds(cells, expected):
    from randomrows import example_context

    _, base = example_context()
    rows = (_row(base, 2, *cells), _row(base, 3, "其他指标", None, "100%", "100%"))  # a plain row beside it
    got = sorted((f.code, f.ref.cell[0], f.severity.value) for f in _table_findings(rows))
    assert got == sorted(expected)


def test_i03_says_once_that_a_table_of_bare_units_was_left_unfilled():
    """陈仓 2020's 目标表: every target the unit alone — one finding at the first, not one a row."""
    from randomrows import example_context

    _, base = example_context()
    rows = tuple(_row(base, n, "指标", None, unit, "") for n, unit in ((2, "公里"), (3, "万亩"), (4, "≧ %")))
    (finding,) = _table_findings(rows)
    assert (finding.code, finding.ref.cell) == ("I03", "E2")


_ROW_TEXTS = (
    "100%", "≥95%", "120%", "-5%", "95", "是", "已完成", "优", "", "  ", "/", "—", "#N/A", "#VALUE!", "不适用", "公里",
    "≧ %", "≥", "十个", "≥上年", "1O0%", "12月", "≥10个", "增长5%", "98.5%（全年）", "≥ 90 %", "5万元", "N/A",
)  # fmt: skip


def _random_rows(rng, base):
    from randomrows import drawn_cell, drawn_rows

    from perfxl.model import CellValue

    return drawn_rows(
        rng,
        base,
        8,
        name=lambda n: CellValue.of(rng.choice(["满意度", "合格率", "增长率", "培训人次", "道路长度", ""]) + str(n)),
        target=drawn_cell(rng, [*_ROW_TEXTS, True, False, Decimal(95)], "E", 1),
        actual=drawn_cell(rng, [*_ROW_TEXTS, True, Decimal(101), 0.5], "F", 1),
        nature=lambda _: rng.choice(
            [None, None, CellValue.of("≥"), CellValue.of("定性"), CellValue.of("正向"), CellValue.of("")]
        ),
        unit=lambda _: rng.choice([None, None, CellValue.of("公里"), CellValue.of("%")]),
    )


def test_i03_and_i12_skip_only_rows_they_say_nothing_of():
    """I03 (`target_numeric`) skips a row whose target holds a figure (both its findings are of a target without one)
    and I12 (`value_readable`) a row neither of whose cells is a logical value, unread or a percent above 100%. On 400
    random tables (booleans, Excel errors, damaged and percent texts, bare units, operators alone, 指标性质 and 计量单位
    columns) every finding is of such a cell: I03's of a target without a figure, not blank, I12's of a logical value,
    an unread text or a percent above 100% — and both kinds are met."""
    from randomrows import example_context, two_contexts

    from perfxl.rules.cells import value_readable
    from perfxl.rules.indicators import target_numeric

    rng = random.Random(2224)
    ctx, base = example_context()
    found = collections.Counter()
    for _ in range(400):
        rows = _random_rows(rng, base)
        for code, check in (("I03", target_numeric), ("I12", value_readable)):
            run, _ = two_contexts(ctx, rows)
            run.spec, run.params, run.severity = spec(code), {}, spec(code).severity
            facts = {
                id(c): (f, p) for f in run.facts() for c, p in ((f.ind.target, f.target), (f.ind.actual, f.actual))
            }
            for finding in check(run):
                cell = next(c for f in run.facts() for c in (f.ind.target, f.ind.actual) if c.place() == finding.ref)
                f, p = facts[id(cell)]
                if code == "I03":
                    assert cell is f.ind.target and p.number is None and not f.target_blank, finding
                else:
                    above = p.kind is ValueKind.PERCENT and p.number is not None and p.number > 100
                    assert cell.raw.__class__ is bool or p.reason or above, finding
                found[code] += 1
    assert found["I03"] > 100 and found["I12"] > 100, found
