"""regex18 (issue 14): patterns respelled so that re's compiler fills fewer CJK ranges hold the same matches.

Each CJK range (`[\u4e00-\u9fff]`) a pattern holds costs Python's regex compiler ≈ 9.5 M instructions a process (it
fills a 65,536-entry map one code point at a time). The respelled patterns are run beside their former spelling on
thousands of random strings drawn from the alphabets they classify and on every text of the corpus
(tests/realworld/*.toml), and must give the same spans, groups and substitutions.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis_budget import draws
from report_helpers import corpus_texts

from perfxl import values

#: The alphabets these patterns classify: CJK (and its range's edges), ASCII and full-width digits, the spaces
#: they remove, %, punctuation, letters, and characters just outside the CJK range.
_ALPHABET = (
    "中文绩效目标完成率以上不低于万元年度的"
    "\u4e00\u9fff\u4dff\ua000\u3400"
    "0123456789０１２"
    "   \u3000\u3000\u00a0\t"
    "%％，。：；、（）,.()-—"
    "abAZ"
)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    rng = random.Random(18)
    out = sorted(set(corpus_texts()))
    # the corpus's every text, and a seeded sweep: the first tenth of its draws in the fast loop, all in CI
    out += ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12))) for _ in range(draws(20_000, 2_000))]
    out += [" ".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 8))) for _ in range(draws(5_000, 500))]
    return out


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_spaced_out_as_its_two_alternative_form(texts: list[str]) -> None:
    old = re.compile(
        r"(?<=[\u4e00-\u9fff%])[ \u3000]+(?=[\u4e00-\u9fff%\d])|(?<=[\u4e00-\u9fff%\d])[ \u3000]+(?=[\u4e00-\u9fff%])"
    )
    new = values._SPACED_OUT
    assert len(texts) > 5_000 + draws(25_000, 2_500)  # the corpus's texts (≈ 8,100) and the drawn ones
    for t in texts:
        assert _spans(new, t) == _spans(old, t), t
        assert new.sub("", t) == old.sub("", t), t


def test_one_cjk_run_pattern_as_the_class_and_the_clause(texts: list[str]) -> None:
    one = re.compile(r"[\u4e00-\u9fff]")
    clause = re.compile(r"[\u4e00-\u9fff]{4,}")
    for t in texts:
        assert (values._CJK.search(t) is not None) == (one.search(t) is not None), t
        assert values._is_clause(t) == (clause.fullmatch(t) is not None), t
        head = t[:1]
        assert (values._CJK.fullmatch(head or "-") is not None) == (one.fullmatch(head or "-") is not None), t
