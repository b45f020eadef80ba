"""`perfxl.values.blank_text` answers what `parse_value(text).kind in (BLANK, PLACEHOLDER)` answers, for every text
cell of the real-table corpus and the seed example and for the edge cases of blank and placeholder text: the rules
context asks it instead of parsing names and remarks only to see whether they are filled (issue 14)."""

from __future__ import annotations

import sys
from pathlib import Path

from perfxl.io.source import open_source
from perfxl.model import CellValue, Submission
from perfxl.profiles import load_profile
from perfxl.rules.context import Context
from perfxl.values import ValueKind, blank_text, parse_value

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "realworld"))

from render import corpus_files, load_table  # noqa: E402

EDGE_CASES = [
    "",
    " ",
    "\u3000",
    "/",
    "／",
    "—",
    "——",
    "-",
    "……",
    "...",
    "、",
    "＊",
    "无",
    " 无 ",
    "暂无",
    "不适用",
    "不 适 用",
    "N/A",
    "n/a",
    "NA",
    "null",
    "None",
    "略",
    "空",
    "无偏差",
    "#N/A",
    "#DIV/0!",
    "\x1b[31m/",
    "\x00",
    "/\x07",
    "0",
    "无锡",
    "100%",
    "达成年度指标",
    "2023年12月",
]


def _corpus_texts() -> list[str]:
    texts = {cell for table in map(load_table, corpus_files()) for row in table.rows for cell in row}
    grids = open_source(REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx")[0]
    texts |= {v for g in grids for row in g.rows for v in row if isinstance(v, str)}
    return sorted(texts)


def test_blank_text_agrees_with_parsing_on_edge_cases() -> None:
    """Each edge case (one test for them all — fast22; a failure lists the cases that differ)."""
    blank = (ValueKind.BLANK, ValueKind.PLACEHOLDER)
    assert [text for text in EDGE_CASES if blank_text(text) != (parse_value(text).kind in blank)] == []


def test_blank_text_agrees_with_parsing_on_every_corpus_text() -> None:
    texts = _corpus_texts()
    assert len(texts) > 3000
    blank = [t for t in texts if parse_value(t).kind in (ValueKind.BLANK, ValueKind.PLACEHOLDER)]
    assert blank and [t for t in texts if blank_text(t)] == blank


def test_context_is_blank_is_the_same_before_and_after_a_cell_is_parsed() -> None:
    ctx = Context(Submission(path="x.xlsx"), load_profile())
    for text in EDGE_CASES:
        cell = CellValue.of(text)
        first = ctx.is_blank(cell)  # not parsed yet: answered without parsing
        ctx.parsed(cell)
        assert ctx.is_blank(cell) == first, text
