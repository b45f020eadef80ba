"""perf17f (issue 14): each fast construction equals its plain form.

`model.new_finding` (a finding built by its slot twin, `fastbuild.slot_twin`) against the plain `Finding(…)` on random
inputs: equal, same hash, repr, fields and type; the 警告 cap and quote nesting of `__post_init__` applied alike.
"""

from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis_budget import draws

from perfxl.fastbuild import slot_twin
from perfxl.model import CellRef, Certainty, Finding, Severity, new_finding

_TEXTS = ["", "x", "“项目”", "甲“乙”丙", "「a」", "“", "数量指标 “完成率” 100%", "basis"]


def _random_args(rnd: random.Random) -> tuple:
    def text() -> str:
        return rnd.choice(_TEXTS) + rnd.choice(_TEXTS)

    def ref() -> CellRef | None:
        return None if rnd.random() < 0.2 else CellRef(rnd.choice(["表1", "Sheet"]), f"B{rnd.randint(1, 99)}")

    return (
        rnd.choice(["F12", "S01", "C01", "X01"]),
        rnd.choice(list(Severity)),
        ref(),
        text(),
        text(),
        rnd.choice([None, text()]),
        rnd.choice([None, text()]),
        rnd.choice([None, "a.xlsx"]),
        tuple(r for r in (ref(), ref()) if r is not None and rnd.random() < 0.5),
        text(),
        text(),
        rnd.choice(list(Certainty)),
    )


def test_new_finding_is_the_plain_finding() -> None:
    rnd = random.Random(17)
    for _ in range(draws(3000, 300)):
        args = _random_args(rnd)
        code, severity, ref, message, message_en, expected, actual, file, related, basis, basis_en, certainty = args
        plain = Finding(
            code,
            severity,
            ref,
            message,
            message_en,
            expected,
            actual,
            file,
            related=related,
            basis=basis,
            basis_en=basis_en,
            certainty=certainty,
        )
        fast = new_finding(*args)
        assert type(fast) is Finding
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert dataclasses.astuple(fast) == dataclasses.astuple(plain)
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.code = "Z"  # type: ignore[misc]


def test_slot_twin_refuses_a_post_init_unless_asked() -> None:
    fields = tuple(f.name for f in dataclasses.fields(Finding))
    with pytest.raises(RuntimeError):
        slot_twin(Finding, fields)
    with pytest.raises(RuntimeError):
        slot_twin(Finding, fields[:-1], post_init=True)
    assert slot_twin(Finding, fields, post_init=True).__slots__ == fields
