"""prose32 (issue 12): the known misses of the narrative checks, third pass.

1. A second 加 chain from the first's sum (甘谷 2024 p6 "…,全县一般预算总收入442751万元,加上年结余7546万元,加调入资金
   199万元,再加动用预算稳定调节基金731万元,收入总计451227万元"): the total of the side printed right before the 加上 is
   the level the amounts are added to, by its words (`added_totals._subtotal_before`). A changed item or 收入总计 was
   quiet at main.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from test_document_realreport import REPORTS, codes_at_paragraph, one_paragraph_codes, parsed_toml, with_paragraph

GANGU = parsed_toml(REPORTS / "gansu-gangu-caizheng-juesuan-2024.toml")

WARNING = [("N02", "warning")]
ERROR = [("N02", "error")]


# ---------------------------------------------------------------- 1. a second 加 chain from the first's sum


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # 442751 + 8301 + 199 + 731 = 451982 over the 451227: every part printed, the level named a total — certain
        ("7546万元", "8301万元", ERROR),
        ("199万元", "219万元", ERROR),
        ("731万元", "804万元", ERROR),
        # below the sum: certain; above it a 总计 may hold an item the list leaves out — a 警告
        ("451227万元", "451127万元", ERROR),
        ("451227万元", "496350万元", WARNING),
        # the subtotal itself changed: the first chain's finding only (the second chain's level is already said wrong)
        ("442751万元", "442851万元", WARNING),
    ],
)
def test_a_second_chain_from_the_first_sum(old: str, new: str, expected: list) -> None:
    """Failed at main (quiet) but for the last case: 甘谷 p6's second chain started from no level."""
    with tempfile.TemporaryDirectory() as d:
        assert codes_at_paragraph(Path(d), with_paragraph(GANGU, 6, old, new), 6) == expected
        assert codes_at_paragraph(Path(d), GANGU, 6) == []


@pytest.mark.parametrize(
    "text",
    [
        # a 其中 part named a total before the 加上: a part, not the level
        "全市总收入100亿元,其中市本级总收入40亿元,加上级补助10亿元,市本级财力总收入60亿元。",
    ],
)
def test_no_subtotal_level_where_the_words_name_none(text: str) -> None:
    assert one_paragraph_codes(text) == []


def test_a_subtotal_level_agreeing_is_quiet_and_certain_when_not() -> None:
    text = "一般公共预算收入100万元,加上级补助收入50万元,全县总收入150万元,加上年结余20万元,收入总计{}万元。"
    assert one_paragraph_codes(text.format(170)) == []
    assert one_paragraph_codes(text.format(160)) == ERROR
