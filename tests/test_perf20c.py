"""perf20c (issue 14): what the session's new readings cost a 10,000-row run, taken back without changing a reading.

num20's two new readings compiled ≈ 17 M instructions of patterns on a workbook that never needs them: `printed_sign`
(asked once by `Context.down_marked` of a bare "140%") compiled its four mark patterns, and `join_digit_groups` compiled
its digit-grouping pattern for a goal text holding "， 新增…" (a space, but no digit on both sides of it). Now the mark
patterns are gated by the marks every match holds (proved in tests/test_review20b.py) and `join_digit_groups` asks its
pattern only of a text holding digit, space, digit. These tests hold that the answers are the same, gated or not.
The rest of num20's cost (≈ 140 M of 156 M) was a Context grown to 30 instance attributes, past CPython 3.11's shared
instance-dict keys: the last test holds it under 30.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from perfxl import numbers, values
from perfxl.numbers import join_digit_groups
from perfxl.values import printed_sign

_EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
_MARKS = ("_DOWN_MARK", "_UP_MARK", "_BRACKETED", "_DASHED")

_SIGN_TEXTS = (
    "140%", "58.80", "-58.80", "- 58.80", "−58.80", "–6%", "－6%", "﹣3", "减少58.80", "下降6.0%", "降低1", "减5",
    "降2%", "↓6.0%", "6.0%↓", "▼58.80", "58.80▽", "⬇1", "+3", "＋3", "增加5", "增长6%", "上升1", "提高2.5%", "增1",
    "升2", "↑6%", "6%↑", "▲58.80", "△1", "⬆2", "(3.51)", "（6.0%）", "( 3.51 )", "—58.80", "——6.02%", "―1", "⸺2",
    "无", "/", "", "较上年减少", "增加", "100 200", "１４０％", "減少58.80", "下降", "提 高5",
)  # fmt: skip


def _plain_printed_sign(raw: object) -> tuple[int, str]:
    """`printed_sign` with the four patterns compiled plainly (no gate): the reading before perf20c."""
    plain = {name: re.compile(*getattr(values, name)._args) for name in _MARKS}
    saved = {name: getattr(values, name) for name in _MARKS}
    try:
        for name, pattern in plain.items():
            setattr(values, name, pattern)
        return printed_sign(raw)
    finally:
        for name, pattern in saved.items():
            setattr(values, name, pattern)


def _random_texts(alphabet: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_printed_sign_is_the_same_gated_or_not() -> None:
    alphabet = "0123456789.,%％ -−–－﹣+＋减少下降低增加长上升提高↓▼▽⬇↑▲△⬆(（)）—―⸺元x"
    for text in (*_SIGN_TEXTS, *_random_texts(alphabet, 3000, 20)):
        assert printed_sign(text) == _plain_printed_sign(text), text
    for number in (0, 1, -1, 58.8):
        assert printed_sign(number) == _plain_printed_sign(number)


def test_a_bare_figure_compiles_no_mark_pattern() -> None:
    """The 10,000-row run's one `printed_sign` question ("140%") answers without compiling a pattern."""
    fresh = {name: type(getattr(values, name))(*getattr(values, name)._args[:2], getattr(values, name)._passes)
             for name in _MARKS}  # fmt: skip
    saved = {name: getattr(values, name) for name in _MARKS}
    try:
        for name, pattern in fresh.items():
            setattr(values, name, pattern)
        assert printed_sign("140%") == (1, "bare")
        assert printed_sign("95.5") == (1, "bare")
        assert not any("search" in vars(p) or "match" in vars(p) for p in fresh.values())
        assert printed_sign("▼58.80") == (-1, "marked")
    finally:
        for name, pattern in saved.items():
            setattr(values, name, pattern)


def test_str_isdecimal_is_the_regex_digit() -> None:
    """`_digit_space_digit` tests `str.isdecimal` where `_SPACE_GROUPED` asks `\\d`: the same characters (Unicode Nd)."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"\d", every) == [char for char in every if char.isdecimal()]


_GROUP_TEXTS = (
    "1 036.53万元", "12 345 678.90", "1 036", "1 000", "100 200", "2 300", "1 036 2", "12 3.4", "2023 100",
    "， 新规模企业12家，新增高新技术企业10家", "预算1\u00a0036.53万元", "1\u2009000", "1\u202f036.53", "1\u2007000",
    "1\u2008000", "１ ０３６.５３", "٣ ٠٠٠", "-1 036.53", "+1 036", "第1 000", "1 036.53 ", " 1 036", "x 1 000 y",
    "1  036", "1 0361", "1 036,5", "", " ", "12", "1 0", "0 000",
)  # fmt: skip


def _plain_join(text: str) -> str:
    """`join_digit_groups` as before perf20c: the regex asked of every text holding a group space."""
    pattern = re.compile(*numbers._SPACE_GROUPED._args)
    if not any(space in text for space in numbers._GROUP_SPACES) or pattern.search(text) is None:
        return text
    return pattern.sub(numbers._one_figure, text)


def test_join_digit_groups_is_the_same_with_its_pre_test() -> None:
    alphabet = "0123456789１٣.,-+第 \u00a0\u2007\u2008\u2009\u202f元万x，"
    pattern = re.compile(*numbers._SPACE_GROUPED._args)
    for text in (*_GROUP_TEXTS, *_random_texts(alphabet, 20000, 21)):
        assert join_digit_groups(text) == _plain_join(text), text
        if pattern.search(text) is not None:  # the pre-test never refuses a text the pattern matches
            assert numbers._digit_space_digit(text), text


@pytest.mark.parametrize(
    "text", ["狠抓科技、工业、信息化工作日常调度， 新规模企业12家", "１４０％", "群众满意度 ≥ 95%"]
)
def test_a_text_with_no_digit_space_digit_is_left_unscanned(text: str) -> None:
    assert not numbers._digit_space_digit(text)
    assert join_digit_groups(text) == text


def test_a_context_keeps_under_thirty_instance_attributes() -> None:
    """CPython 3.11 shares one key table among a class's instance dicts only up to 29 attributes: with 30 (num20's two
    caches made 30) every `self.x` of the checks took the slow generic look-up, ≈ 14 k instructions a row of a
    10,000-row table (perf20c). A Context after a whole validation holds fewer than 30."""
    from perfxl.rules import context as context_module
    from perfxl.validate import validate_file

    made: list[object] = []
    init = context_module.Context.__init__

    def keep(self: object, *args: object, **kw: object) -> None:
        init(self, *args, **kw)  # type: ignore[arg-type]
        made.append(self)

    context_module.Context.__init__ = keep  # type: ignore[method-assign]
    try:
        validate_file(_EXAMPLE)
    finally:
        context_module.Context.__init__ = init  # type: ignore[method-assign]
    assert made and all(len(vars(ctx)) < 30 for ctx in made), [len(vars(ctx)) for ctx in made]
