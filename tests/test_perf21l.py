"""perf21l's shortcuts in the layout's reading of an indicator row, each held against its plain form
(docs/performance.md, "… (issue 14, session 21, branch perf21l)").

A cell, its ref and an `Indicator` made by calling their slot twins (`fastbuild.slot_twin`: no `object.__new__` call a
value), an indicator row's merged name/deviation and optional data cells read by module functions instead of two
closures made a row (`evaluation._filled`, `_data`), and a 一级 label's name and declared weight read once a text
(`indicators._level1_parts`): each must give what the plain form gives."""

from __future__ import annotations

import random
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from hypothesis_budget import draws

from perfxl.chinese import CACHE_MAX_LEN, to_simplified
from perfxl.layout import indicators as I
from perfxl.model import CellRef, CellValue, Level1Heading


def _plain_parse_level1(cell: CellValue) -> Level1Heading:
    # session 20's parse_level1, kept here as the plain form
    text = unicodedata.normalize("NFKC", cell.text).replace("（", "(").replace("）", ")")
    text = re.sub(r"\s+", "", text)
    m = I._DECLARED.search(text)
    if m and m.start():
        try:
            return Level1Heading(cell, to_simplified(text[: m.start()].rstrip("([")), Decimal(m.group(1)))
        except InvalidOperation:
            pass
    return Level1Heading(cell, to_simplified(text), None)


def test_a_level1_labels_parts_read_once_a_text_are_the_plain_reading():
    """`parse_level1` (its name and declared weight kept by text) gives the plain reading's heading — same name, same
    Decimal (value and exponent) — for labels asked again and again: full-width brackets, spaces, 分 with and
    without figures, traditional characters, numbers, and texts past CACHE_MAX_LEN (read each time)."""
    rng = random.Random(2124)
    parts = (
        "产出",
        "指标",
        "效益",
        "產出指標",
        "满意度",
        "（",
        "）",
        "(",
        ")",
        "[",
        "]",
        " ",
        "\u3000",
        "分",
        "55",
        "2.5",
        "0",
        "12",
        "x",
    )
    for i in range(draws(4000, 400)):
        if i % 97 == 0:
            text = "产出指标" * (CACHE_MAX_LEN // 4 + 1) + "(10分)"
        else:
            text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 7)))
        raw = rng.choice((text, f" {text} ", 20.0, Decimal("12.50"), None)) if i % 11 == 0 else text
        cell = CellValue(raw, CellRef("表1", "B5"))
        for _ in range(2):  # (the second from the cache)
            got, plain = I.parse_level1(cell), _plain_parse_level1(cell)
            assert got == plain and got.label is cell
            assert str(got.declared_weight) == str(plain.declared_weight)
