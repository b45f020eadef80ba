"""perf20r (issue 14): each cheaper form equals its plain one.

- `Context.indicators` and `Context.facts` are built in one pass (each row's `RowFacts` once; a row kept when any of its
  five cells is not blank, read from the facts' blanks); the plain form filtered the rows with `_empty_row` and built the
  facts in a second walk. `Context.groups` looks a 一级 heading up once a label cell (consecutive rows carry one cell).
  Both are run on random 自评表 (blank rows, placeholders, rows moved between 一级) written by the generator and read back.
- `values._blank_text` answers "not blank" for a text holding an ASCII digit or a CJK ideograph no placeholder word
  spells when `chinese.nfkc_stable` holds; the plain form always read `_text_head`. The Unicode facts that shortcut
  rests on are recomputed here over every GB2312 character, and the two forms are compared on random texts.
"""

from __future__ import annotations

import codecs
import random
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis_budget import draws

from perfxl import values
from perfxl.chinese import _CONVERTED, GB2312_CONVERTED, NFKC_UNSTABLE, nfkc_stable
from perfxl.model import Indicator, SelfEvaluation
from perfxl.profiles import resolve_profile
from perfxl.reader import read_submission
from perfxl.rules.context import Context, _empty_row, _HeadingIndex
from perfxl.validate import validate_submission
from perfxl.values import ValueKind
from perfxl.workbook.seed import seed_content
from perfxl.workbook.variants import write_submission

# ---------------------------------------------------------------- rows and facts in one pass


# Kept (lean28): not a copy of old code — the plain forms compose the live product parts (`_empty_row`, `_HeadingIndex`;
# `_text_head`, the full parser) that the one-pass `groups()` and the `_blank_text` shortcut fold, so both sides move
# together with the product.
def _plain_indicators(ctx: Context, ev: SelfEvaluation) -> tuple[Indicator, ...]:
    return tuple(i for i in ev.indicators if not _empty_row(i, ctx))


def _plain_groups(ctx: Context, ev: SelfEvaluation):  # type: ignore[no-untyped-def]
    out: list = [(h, []) for h in ev.level1]
    orphans: list = []
    find = _HeadingIndex(ev.level1)
    for ind in _plain_indicators(ctx, ev):
        idx = find(ind)
        (out[idx][1] if idx is not None else orphans).append(ind)
    if orphans:
        out.append((None, orphans))
    return tuple((h, tuple(rows)) for h, rows in out)


_CELLS = ["", None, "/", "—", "……", "无", "不适用", " ", "10", "8.5", "≥95%", "100%", "是", 12, "9"]


def _random_content(rnd: random.Random):  # type: ignore[no-untyped-def]
    content = seed_content()
    ev = content.evaluations[0]
    base = ev.indicators
    level1s = sorted({str(line.level1) for line in base if line.level1})
    lines = []
    for i in range(rnd.randint(3, 30)):
        line = base[rnd.randrange(len(base))]
        changes: dict = {"name": rnd.choice([f"{line.name}{i + 1}", "", "……", "/", "无", f"指标（{i}）"])}
        if rnd.random() < 0.3 and level1s:
            changes["level1"] = rnd.choice(level1s)
        for field in ("weight", "score", "target", "actual"):
            if rnd.random() < 0.6:
                changes[field] = rnd.choice(_CELLS)
        lines.append(replace(line, **changes))
    return replace(content, evaluations=(replace(ev, indicators=tuple(lines)),))


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("perf20r")
    rnd = random.Random(20)
    paths = []
    for n in range(draws(30, 6)):
        path = folder / f"t{n}.xlsx"
        write_submission(path, _random_content(rnd), "standard")
        paths.append(path)
    return paths


def test_rows_and_facts_in_one_pass_are_the_plain_ones(tables: list[Path]) -> None:
    profile = resolve_profile(None)
    kept = 0
    for path in tables:
        sub = read_submission(path, profile)
        for ev in sub.evaluations:
            ctx = Context(sub, profile)
            ctx.evaluation = ev
            plain = Context(sub, profile)
            plain.evaluation = ev
            rows = ctx.indicators()
            assert rows == _plain_indicators(plain, ev), path
            assert tuple(f.ind for f in ctx.facts()) == rows
            assert all(ctx.fact(f.ind) is f for f in ctx.facts())  # one RowFacts a row, shared
            assert ctx.groups() == _plain_groups(plain, ev), path
            kept += len(ev.indicators) - len(rows)
        validate_submission(sub, profile)  # the whole run still goes through
    assert kept > 0  # some rows were empty, so the filter was exercised


def test_facts_first_then_indicators(tables: list[Path]) -> None:
    """Asked in either order (or a row's facts asked before the table's), the rows and facts are the same objects."""
    profile = resolve_profile(None)
    sub = read_submission(tables[0], profile)
    ev = sub.evaluations[0]
    ctx = Context(sub, profile)
    ctx.evaluation = ev
    early = ctx.fact(ev.indicators[-1])  # a helper handed one row first
    facts = ctx.facts()
    assert tuple(f.ind for f in facts) == ctx.indicators() == _plain_indicators(ctx, ev)
    assert early in facts or _empty_row(ev.indicators[-1], ctx)


# ---------------------------------------------------------------- the blank test's shortcut


def _gb2312_chars() -> list[str]:
    enc = codecs.lookup("gb2312").encode
    out = []
    for i in range(0x30000):
        ch = chr(i)
        if 0xD800 <= i < 0xE000:
            continue
        try:
            enc(ch)
        except UnicodeEncodeError:
            continue
        out.append(ch)
    return out


def _second_of_compositions() -> set[str]:
    """Characters that are the second of a canonical pair some character decomposes into (what NFC/NFKC composes)."""
    out = set()
    for i in range(0x110000):
        d = unicodedata.decomposition(chr(i))
        if d and not d.startswith("<"):
            parts = d.split()
            if len(parts) == 2:
                out.add(chr(int(parts[1], 16)))
    return out


def test_nfkc_stable_rests_on_unicode_facts() -> None:
    """`NFKC_UNSTABLE` recomputed; every other safe GB2312 character's NFKC form is safe GB2312 text of starters that
    compose with nothing before them, so NFKC works character by character on a text `nfkc_stable` accepts; ASCII digits
    and CJK ideographs are their own NFKC form and no second of a pair."""
    second = _second_of_compositions()
    enc = codecs.lookup("gb2312").encode

    def safe(text: str) -> bool:
        try:
            enc(text)
        except UnicodeEncodeError:
            return False
        return _CONVERTED.search(text) is None

    unstable = set()
    for ch in _gb2312_chars():
        if ch in GB2312_CONVERTED:
            continue
        nfkc, nfkd = unicodedata.normalize("NFKC", ch), unicodedata.normalize("NFKD", ch)
        if (
            not safe(nfkc)
            or any(unicodedata.combining(x) for x in nfkc + nfkd[:1])
            or nfkd[:1] in second
            or ch in second
        ):
            unstable.add(ch)
    assert unstable == set(NFKC_UNSTABLE)
    for ch in map(chr, range(0x4E00, 0xA000)):  # an ideograph stays itself, composed with nothing
        assert unicodedata.normalize("NFKC", ch) == ch and ch not in second and not unicodedata.combining(ch)
    for ch in _gb2312_chars():  # a GB2312 digit (ASCII, full width) stays a digit
        if values._DIGIT.match(ch):
            assert values._DIGIT.search(unicodedata.normalize("NFKC", ch)), repr(ch)
    # no placeholder word nor `_PLACEHOLDER` text holds a digit; each word's ideographs are one of the parts
    for word in values._PLACEHOLDER_WORDS:
        assert values._DIGIT.search(word) is None
        assert "".join(values._CJK.findall(word)) in values._PLACEHOLDER_PARTS
    assert not values._PLACEHOLDER.pattern.count("0-9") and r"\d" not in values._PLACEHOLDER.pattern


def _plain_blank_text(raw: str) -> bool:
    try:
        head = values._text_head(raw)[1]
    except Exception:
        return False
    return head is not None and head.kind in (ValueKind.BLANK, ValueKind.PLACEHOLDER)


_PIECES = [
    "新进规模企业",
    "完成时间",
    "1",
    "2023",
    "1.6%",
    "，",
    "（人）",
    "(万元)",
    "……",
    "...",
    "/",
    "—",
    " ",
    "\u3000",
    "\u00a0",
    "\t",
    "\x07",
    "无",
    "暂无",
    "不适用",
    "空",
    "略",
    "無",
    "暫無",
    "不適用",
    "N/A",
    "None",
    "null",
    "１２",
    "①",
    "¹",
    "¨",
    "￥",
    "￡",
    "後",
    "於",
    "满意度",
    "#N/A",
    "#DIV/0!",
    "ｶﾞ",
    "e\u0301",
    "\u309b",
    "優",
    "達",
    "°",
    "≥",
    "Ⅱ",
    "㈠",
    "⒈",
    "无无",
    "不用",
    "暂",
    "适用",
]


def test_blank_text_is_the_plain_test() -> None:
    rnd = random.Random(2020)
    texts = set(_PIECES)
    for _ in range(draws(20000, 3000)):
        texts.add("".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 4))))
    for raw in sorted(texts):
        assert values._blank_text(raw) == _plain_blank_text(raw), repr(raw)
        marked = values._DIGIT.search(raw) or "".join(values._CJK.findall(raw)) not in values._PLACEHOLDER_PARTS
        if marked and nfkc_stable(raw):
            assert not _plain_blank_text(raw), repr(raw)
