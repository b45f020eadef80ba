"""perfxl.chinese: traditional → simplified for matching, through OpenCC (issue 11: traditional-character forms)."""

from __future__ import annotations

import pytest

from perfxl.chinese import GB2312_CONVERTED, available, looks_traditional, to_simplified
from perfxl.values import Op, parse_value

needs_opencc = pytest.mark.skipif(not available(), reason="OpenCC is an optional dependency (absent under Pyodide)")


def _gb2312_characters() -> str:
    """Every CJK character GB2312 encodes (rows 16–87 of its 94 × 94 table)."""
    out = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(out)


@needs_opencc
def test_the_gb2312_characters_opencc_converts_are_the_listed_ones():
    """The constant is OpenCC's own answer over all of GB2312 — data derived from the maintained converter, not a
    hand table: a newer OpenCC converting more (or fewer) characters fails here."""
    from perfxl.chinese import _get

    chars = _gb2312_characters()
    converted = _get().convert(chars)
    assert len(chars) == len(converted) == 6763
    assert {a for a, b in zip(chars, converted, strict=True) if a != b} == GB2312_CONVERTED


@needs_opencc
@pytest.mark.parametrize(
    "text,simplified",
    [("不低於95%", "不低于95%"), ("後期維護", "后期维护"), ("時效指標", "时效指标"), ("时效指标", "时效指标")],
)
def test_traditional_text_is_converted_even_where_gb2312_encodes_it(text, simplified):
    """Failed before for 於/後: text GB2312 encodes was taken as simplified and left alone."""
    assert to_simplified(text) == simplified


def test_plain_simplified_text_is_not_sent_to_opencc():
    assert not looks_traditional("年度指标值") and not looks_traditional("95%") and not looks_traditional("")


@needs_opencc
def test_an_operator_written_with_yu_is_read():
    """'不低於95%' (traditional 於) is ≥ 95%, as '不低于95%' is (gaps10's known limit)."""
    p = parse_value("不低於95%")
    assert (p.op, p.number, p.unit) == (Op.GE, parse_value("不低于95%").number, "%")
