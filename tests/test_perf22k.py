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
