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
import sys
from dataclasses import replace

import pytest

from perfxl import model, values
from perfxl.model import Certainty, Severity
from perfxl.reader import read_submission
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
