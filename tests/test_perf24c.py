"""perf24c (issue 14): a row's facts built with less work, each held to its plain form.

- `labels_key`'s traditional test from the parts: `gb2312_converted` of the 一级/二级 labels (kept with their cells)
  and of the name gives `looks_traditional` of the three joined, falling back to the joined text where a part does
  not encode in GB2312;
- the name's blank test uncached (`blank_text_once`): the same answer as `blank_text`;
- `RowFacts` keeps no 分值/得分 text (W03 reads the cell's): the facts' labels key and name blank on random rows are
  what `compact` and `Context.is_blank` give in a fresh context;
- B15 reads a row's name key from its facts where built: the same findings as asking `compact` of each name.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from perfxl.chinese import (
    GB2312_CONVERTED,
    NFKC_UNSTABLE,
    gb2312_converted,
    looks_traditional,
    nfkc_stable,
    nfkc_stable_of,
)
from perfxl.model import CellRef, CellValue
from perfxl.profiles import load_profile
from perfxl.reader import read_submission
from perfxl.rules.context import Context, compact
from perfxl.validate import validate_file
from perfxl.values import blank_text, blank_text_once
from tests.test_review_round17 import CASES, INDICATOR_VS_BASIC, validate
from tests.test_row_facts import EXAMPLE

#: Parts of labels and names: simplified, traditional (outside GB2312 and GB2312's converted 於/後), no CJK at all,
#: characters GB2312 cannot encode without being CJK (NBSP, "•", "²"), placeholders, spaces, empty.
PARTS = (
    "产出指标",
    "数量指标",
    "效益指標",
    "不低於",
    "後續",
    "满意度",
    "abc",
    "95%",
    "\xa0",
    "•",
    "m²",
    "无",
    "/",
    "——",
    "",
    " ",
    "1",
    "（含）",
    "乾坤",
)


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(PARTS) for _ in range(rng.randint(0, 3)))


def test_traditional_by_parts_is_the_joined_texts():
    rng = random.Random(2424)
    for _ in range(5000):
        parts = [_text(rng) for _ in range(3)]
        bits = [gb2312_converted(p) for p in parts]
        by_parts = any(bits) if None not in bits else looks_traditional("".join(parts))
        assert by_parts == looks_traditional("".join(parts)), parts


def _nfkc_stable_as_before(text: str) -> bool:
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return not (set(text) & (GB2312_CONVERTED | NFKC_UNSTABLE))


def test_blank_once_is_blank_text():
    """`blank_text_once` with or without the name's `nfkc_stable` (from its `gb2312_converted`) is `blank_text`;
    `nfkc_stable` and `nfkc_stable_of` are the test as it was written before."""
    rng = random.Random(2425)
    for _ in range(3000):
        text = _text(rng) + rng.choice(("", "￥", "¨", "N/A", "None"))
        stable = _nfkc_stable_as_before(text)
        assert nfkc_stable(text) == nfkc_stable_of(text, gb2312_converted(text)) == stable, text
        assert blank_text_once(text) == blank_text_once(text, stable) == blank_text(text), text


def test_facts_labels_key_and_name_blank_on_random_rows(monkeypatch):
    """The facts' labels key is `compact` of the three joined, and that joined text is compacted exactly when it looks
    traditional (the recorded asks of `compact`); the name's blank test is `Context.is_blank`'s."""
    asked: list[str] = []

    def recording(text: str) -> str:
        asked.append(text)
        return compact(text)

    monkeypatch.setattr("perfxl.rules.context.compact", recording)
    profile = load_profile(None)
    sub = read_submission(EXAMPLE, profile)
    ev = next(e for e in sub.evaluations if e.indicators)
    base = ev.indicators[0]
    rng = random.Random(2426)
    for _ in range(60):
        level1 = CellValue.of(_text(rng) or "产出指标", CellRef(ev.sheet, "B20"))
        rows = []
        for n in range(rng.randint(1, 8)):
            if rng.random() < 0.3:
                level1 = CellValue.of(_text(rng), CellRef(ev.sheet, f"B{n + 20}"))
            rows.append(
                replace(
                    base,
                    level1=level1,
                    level2=CellValue.of(_text(rng), CellRef(ev.sheet, f"C{n + 20}")),
                    name=CellValue.of(rng.choice((_text(rng), None, 3)), CellRef(ev.sheet, f"D{n + 20}")),
                )
            )
        table = replace(ev, indicators=tuple(rows))
        ctx, fresh = Context(sub, profile), Context(sub, profile)
        ctx.evaluation = fresh.evaluation = table
        for ind in table.indicators:
            asked.clear()
            f = ctx.fact(ind)
            joined = f"{ind.level1.text}{ind.level2.text}{ind.name.text}"
            assert f.labels_key == compact(joined)
            if joined not in (ind.level1.text, ind.level2.text, ind.name.text):  # (each compacted for its own key)
                assert (joined in asked) == looks_traditional(joined), joined
            assert f.name_blank == fresh.is_blank(ind.name)


@pytest.mark.parametrize("name", INDICATOR_VS_BASIC)
def test_b15_reads_the_name_key_from_the_facts(tmp_path, name):
    """B15 reading each row's name key from the facts the row checks built (a whole validation) finds what it finds
    asking `compact` of each name (B15 alone: no row check has built the facts) — on review 17's planted
    部门整体 rates that differ from the 基础数据表's."""
    fn, _ = CASES[name]
    whole = validate(tmp_path, *fn())
    path = next(tmp_path.glob("*.xlsx"))
    alone = validate_file(path, None, select="B15")
    b15 = [(f.ref, f.message, f.basis) for f in whole.findings if f.code == "B15"]
    assert b15  # each case plants one
    assert b15 == [(f.ref, f.message, f.basis) for f in alone.findings if f.code == "B15"]
