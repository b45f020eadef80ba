"""perf30p (issue 14): what the narrative checks repeat per call made cheaper — each cut answers what it replaced.

- `lazy_compile(…, keep_gate=True)`: the gate (proved necessary by tests/test_review20b.py) stays after compiling, so a
  costly pattern is not scanned over a text that cannot hold a match;
- `funds_arith._comes_to`: "80%计260万元" found without compiling a pattern per pair of figures;
- `facts.sentences`: the split kept per text, a new list each call (a caller may change its own).
"""

from __future__ import annotations

import random
import re

from perfxl.document import facts, funds_arith
from perfxl.document.facts import COMES_TO, sentences
from perfxl.document.funds_arith import _comes_to
from perfxl.patterns import _Gated, _KeptGate, lazy_compile


def test_a_kept_gate_answers_after_compiling_and_a_plain_one_hands_over() -> None:
    kept = lazy_compile(r"(?<=[入出])完成$", needs=("完成",), keep_gate=True)
    plain = lazy_compile(r"(?<=[入出])完成$", needs=("完成",))
    for pattern in (kept, plain):
        assert pattern.search("非税收入完成") is not None  # compiled now
        assert pattern.search("非税收入实现") is None
        assert pattern.search("收入完成", 1) is not None  # a call with a position: the compiled pattern's
        assert pattern.sub("", "收入完成") == "收入" and pattern.split("其他") == ["其他"]
        assert pattern.pattern == r"(?<=[入出])完成$" and pattern.groups == 0 and pattern.flags == re.UNICODE
    assert "search" in vars(plain) and "search" not in vars(kept)  # the kept gate's own method still answers
    assert isinstance(kept, _KeptGate) and isinstance(kept, _Gated)  # (so test_review20b proves its gate)


def test_the_costly_scans_of_the_narrative_keep_their_gates() -> None:
    """The patterns perf30p measured at 4–40 µs a failing call over a report's texts."""
    from perfxl.document import budget_gap, lists, plain_text, precision, respective_lists

    kept = (
        facts._TARGET_TAIL,
        facts._BARE_RANGE_LOW,
        facts._CHANGE_CUE,
        facts._ROLE_TAIL,
        facts._DONE,
        budget_gap._NAMED_GAP,
        respective_lists._AMOUNTS,
        respective_lists._CHANGES,
        lists._LISTED,
        lists._LISTED_BRACKET,
        precision._LOWER_BEFORE,
        plain_text._SPLIT_DECIMAL,
    )
    assert all(isinstance(p, _KeptGate) for p in kept)
    named = budget_gap._NAMED_GAP
    assert named.search("公务接待费决算数比预算减少") is not None and named.search("公务接待费与预算持平") is not None
    assert named.search("公务接待费决算数比上年减少") is None


def test_comes_to_is_the_search_of_the_three() -> None:
    text = "还需拨付325万元,市级预算安排80%计260万元"
    assert _comes_to("80%", "260万元", text) and not _comes_to("80%", "325万元", text)
    assert _comes_to("20%", "30万元", "占20% 合计 30万元") and not _comes_to("20%", "30万元", "占20%合 计30万元")
    rng = random.Random(30)
    alphabet = ["计", "即", "合", "共", " ", "\u3000", "1", "0", "8", ".", "%", "万元", "，"]
    found = 0
    for _ in range(3000):
        first = "".join(rng.choice("108.%") for _ in range(rng.randint(1, 3)))
        then = "".join(rng.choice(["1", "0", "8", "万元", " "]) for _ in range(rng.randint(1, 3)))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        if rng.random() < 0.7:
            cue = rng.choice(["计", "即", "合计", "共计", "合", "计计", ""])
            text += (
                first + rng.choice(["", " ", "  "]) + cue + rng.choice(["", " ", "\u3000"]) + then[rng.randint(0, 1) :]
            )
            text += "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
        want = re.search(re.escape(first) + COMES_TO + re.escape(then), text) is not None
        assert _comes_to(first, then, text) == want, (first, then, text)
        found += want
    assert 500 < found < 2500  # both answers tried many times
    assert funds_arith._COMES_TO.pattern == COMES_TO


def test_sentences_are_a_new_list_each_call() -> None:
    text = "项目预算100万元。实际支出90万元！执行率90%"
    said = sentences(text)
    assert said == re.split(r"[。！？!?\n]+|(?<=[费金款]支)(?=其中[:：])", text)
    said.append("changed")
    assert sentences(text) == ["项目预算100万元", "实际支出90万元", "执行率90%"]
    assert sentences("") == [""] and sentences(None) == [""]  # type: ignore[arg-type]  # (None: a cell never read)
