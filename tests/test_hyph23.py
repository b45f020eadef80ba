"""Long hostile texts are read in linear steps, with the same answers as before (hyph23, session 23).

No test times anything: the operator walk counts its look-ups (a constant, not one per mark), and each regex made
linear is held equal to the pattern it replaced on every short text of its alphabet drawn at random. The timing
table lives in docs/bad-inputs.md (bench/hostile_text.py).
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from hypothesis_budget import draws

from perfxl import values
from perfxl.document import facts
from perfxl.values import Op, ValueKind, parse_value

N = 100_000


def test_operator_before_a_long_run_of_marks_is_read() -> None:
    p = parse_value("≥" + "▼" * N + "5%")
    assert (p.kind, p.number, p.op, p.unit) == (ValueKind.PERCENT, Decimal(5), Op.GE, "%")
    spaced = parse_value("≥" + " " * N + "▼5%")
    assert (spaced.kind, spaced.number, spaced.op) == (ValueKind.PERCENT, Decimal(5), Op.GE)
    dashes, short = parse_value("≥" + "-" * N + "—1"), parse_value("≥-—1")
    assert (dashes.kind, dashes.number, dashes.op) == (short.kind, short.number, short.op)


def test_operator_walk_asks_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, `_op_before_marks` sliced and looked an operator up at every mark: n look-ups of n characters each."""
    calls: list[int] = []
    real = values._take_pre_op

    def counted(pre: str) -> tuple[Op | None, str]:
        calls.append(len(pre))
        return real(pre)

    monkeypatch.setattr(values, "_take_pre_op", counted)
    for n in (1_000, 2 * N):
        calls.clear()
        assert values._op_before_marks("资金" + "—" * n) == (None, "资金" + "—" * n)
        assert len(calls) <= values._PRE_OP_LONGEST
        calls.clear()
        assert values._op_before_marks("不低于" + " " * n + "※") == (Op.GE, "※")
        assert len(calls) <= values._PRE_OP_LONGEST


#: The patterns as they were before hyph23 (quadratic on long runs): the oracle the linear ones must equal.
_BEFORE = {
    "_EACH_BEFORE": r"(?P<names>[^\d，,。；;：:]*?)(?:各|分别)[^\d，,。；;：:、]{0,6}$",
    "_TARGET_TAIL": r"(?:(?:年度|年初)?(?:绩效)?(?:目标值?|指标值)(?:为|是)?)?[≥≤><＞＜=]+$"
    r"|(?:年度|年初)?(?:绩效)?目标值?(?:为|是)?$",
    "_TAIL": r"(?:合计|总计|共计|总额|各|为|是|达到|达|(?<![节制])约|大约|(?<!附)近|接近|将近|突破|超过|超出|(?<![赶])超|逾|了|有|计)+$",
}
_ALPHABET = {
    "_EACH_BEFORE": "各分别收支、，,。1;：a 与相比",
    "_TARGET_TAIL": "≥≤><＞＜=目标值指为是年度初绩效1a",
    "_TAIL": "合总共计额各为是达到约大近接将突破超过出逾了有节制附赶x1",
}


@pytest.mark.parametrize("name", sorted(_BEFORE))
def test_linear_patterns_match_as_before(name: str) -> None:
    before, now = re.compile(_BEFORE[name]), getattr(facts, name)
    rng = random.Random(name)
    for _ in range(draws(20_000, 2_000)):
        text = "".join(rng.choice(_ALPHABET[name]) for _ in range(rng.randint(0, 12)))
        old, new = before.search(text), now.search(text)
        assert (old and (old.span(), old.groupdict())) == (new and (new.span(), new.groupdict())), text
        assert before.sub("", text) == now.sub("", text), text


def test_long_paragraphs_are_read() -> None:
    """Paragraphs that were quadratic in `extract_facts`: a run of operators, and of 各 ending short of the figure."""
    assert facts.extract_facts("≥" * N + "1").facts == facts.extract_facts("≥≥1").facts
    read = facts.extract_facts("各" * N + "x各1万元").facts
    assert [(f.quantity.value, f.quantity.unit) for f in read] == [(Decimal(1), "万元")]
    assert facts._TAIL.sub("", "各" * N + "x各") == "各" * N + "x"
    assert facts._EACH_BEFORE.search("收、" * (N // 2) + "各减少")["names"] == "收、" * (N // 2)
