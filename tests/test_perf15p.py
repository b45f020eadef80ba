"""perf15p (issue 14): a text's first parse without the regex passes and translations that cannot change it, held
against the plain forms they replace — random texts drawn from the characters each shortcut turns on."""

from __future__ import annotations

import inspect
import random
import re
import unicodedata

from hypothesis_budget import draws

from perfxl import labels, values, values_dates

#: Characters the shortcuts test for, and their neighbours: controls, the spaces, note marks, superscripts,
#: full-width punctuation, the date words, digits and ordinary CJK and ASCII text.
_ALPHABET = (
    [chr(c) for c in range(0x80)]
    + list("\u3000\xa0\u200b\ufeff\u2028\x85\x9f")
    + [chr(c) for c in range(0x2460, 0x2500)]
    + [chr(c) for c in range(0x2776, 0x2794)]
    + list("\u00b9\u00b2\u00b3\u2070\u2071\u2074\u2079\u207a\u00bc")
    + list("（）：【】，；、。“”‘’·—－／＝＋％０９")
    + list("年月季度日号底末上下半初中旬前内第一二三四十")
    + list("完成率人次万元满意度公里個達標")
)


def _texts(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(0, 14)))


def _plain_normalise_text(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(values._CONTROL).strip()


def test_normalise_text_as_the_translation_always_run():
    assert not any(chr(code).isprintable() for code in values._CONTROL)  # what lets `isprintable` skip it
    for text in _texts(1, draws(40_000, 4_000)):
        assert values.normalise_text(text) == _plain_normalise_text(text), repr(text)


def test_keeping_marks_as_the_translation_always_run():
    def plain(raw: str) -> str:
        if values._NOTE_MARK.search(raw) is None:
            return _plain_normalise_text(raw)
        parts, last = [], 0
        for m in values._NOTE_MARK.finditer(raw):
            parts += [unicodedata.normalize("NFKC", raw[last : m.start()]), m.group()]
            last = m.end()
        parts.append(unicodedata.normalize("NFKC", raw[last:]))
        return "".join(parts).translate(values._CONTROL).strip()

    for text in _texts(3, draws(40_000, 4_000)):
        assert values._normalise_keeping_marks(text) == plain(text), repr(text)


def test_label_normalisation_as_every_pass_run():
    def plain(text: str) -> str:
        text = unicodedata.normalize("NFKC", labels.to_simplified(labels._CIRCLED_KEY.sub("", text))).translate(
            labels.PUNCT
        )
        text = labels._ORDINAL.sub(r"(\1)", labels.SPACES.sub("", text))
        return labels.DROP.sub("", text).rstrip(":")

    for text in _texts(4, draws(40_000, 4_000)):
        if not labels.is_plain(text):  # (plain text takes the shortcut before the passes, as before)
            assert labels._normalise.__wrapped__(text) == plain(text), repr(text)


def test_date_words_gate_the_chinese_date_pattern():
    """A text without 年, 月 or 季 never reads as a date through `_CN` (its groups need one of them)."""
    rng = random.Random(5)
    words = [
        "2023年底",
        "12月底前",
        "6月30日前",
        "上半年",
        "第三季度",
        "2023年",
        "年内",
        "月底",
        "3季度",
        "本年度",
        "完成",
    ]
    for text in _texts(6, draws(40_000, 4_000)):
        if "年" not in text and "月" not in text and "季" not in text:
            m = values_dates._CN.match(text)
            assert m is None or not (m["y"] or m["m"] or m["half"] or m["q"]), repr(text)
    for _ in range(draws(5_000, 500)):  # and texts with them still read as before: the gate lets them through
        text = rng.choice(words) + "".join(rng.choice("前内以之0123") for _ in range(rng.randrange(0, 3)))
        assert values_dates.parse_date(text) == _plain_parse_date(text), text


def _plain_parse_date(text: str):
    """parse_date as it was, without the gate (its `_CN` branch is the only one the gate skips). Since zw23 the gated
    text goes on to a date after words (`_after_words`): the plain form asks that first and, where it finds none,
    runs `_CN` as if there were no gate."""
    if not _PLAIN:
        source = inspect.getsource(values_dates.parse_date)
        gate = '\n    if "年" not in text and "月" not in text and "季" not in text:\n        return _after_words\\(text\\)[^\n]*'
        assert re.search(gate, source)
        after = (
            '\n    if "年" not in text and "月" not in text and "季" not in text and (w := _after_words(text)) is not None:'
            "\n        return w"
        )
        namespace = dict(vars(values_dates))
        exec(re.sub(gate, lambda _: after, source), namespace)
        _PLAIN.append(namespace["parse_date"])
    return _PLAIN[0](text)


_PLAIN: list = []


def test_number_text_patterns_need_what_their_gates_test():
    """Each pattern `_parse_number_text`, `_garbled`, `_split_post` and `parse_date` now try only behind a cheap test
    finds nothing where that test fails — so skipping it changes no reading."""
    gated = [
        (values._EXPONENT.match, lambda s: s[:1] in ("e", "E")),
        (values._LETTERS_IN_BRACKETS.match, lambda s: "(" in s),
        (values._LATIN_THEN_DIGIT.match, lambda s: s[:1].isascii() and s[:1].isalpha()),
        (values._CODE_LETTERS.search, lambda s: s[-1:].isalpha() or s[-1:] == "\n"),
        (values._OP_BEFORE_PERIOD.match, lambda s: "每" in s),
        (values._NOTE_AT_END.search, lambda s: ")" in s),
        (values._PERIOD_NOTE.search, lambda s: "(" in s),
        (values._TIME_LIMIT.match, lambda s: "内" in s),
        # the former _CLAUSE: values._is_clause holds its gate (tests/test_regex18.py: the same truth as this pattern)
        (re.compile(r"[\u4e00-\u9fff]{4,}").fullmatch, lambda s: len(s) >= 4),
        (values_dates._ISO.match, lambda s: s[:1].isdigit()),
    ]
    assert all(any(w in noise for w in ("含", "左右", "上下")) for noise in values._POST_NOISE)
    assert all(word.endswith(values._POST_OP_ENDS) for word, _ in values._POST_OPS)
    rng = random.Random(7)
    alphabet = _ALPHABET + list("eE+-.()每内以之全年度本当含户月日个工作天\n\n") + ["٣", "３", "²"]
    pieces = [
        "2023-12-31",
        "2021.1.1",
        "(B)",
        "(km)",
        "(全年)",
        "(含2户)",
        "≥每月",
        "年内完成",
        "个工作日内办结",
        "E+07",
    ]
    for _ in range(draws(60_000, 6_000)):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 10)))
        if rng.random() < 0.3:
            text += rng.choice(pieces) + "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 3)))
        for find, gate in gated:
            if not gate(text):
                assert find(text) is None, (find, text)
