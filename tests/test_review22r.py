"""Review of reports26's readings (issue 12, session 22, review22r): false 错误 paths found on variants of real reports 26.

Both tests failed before their fix (run against main f373f8e) with the 错误 their docstring names.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from test_document_realreport import codes_at_paragraph as _at

from perfxl.document.facts import extract_facts


def _one(text: str) -> dict:
    return {"paragraphs": [text]}


@pytest.mark.parametrize(
    "words",
    ["拨付到位", "已全部拨付到位", "已全额拨付", "支付到位"],
)
def test_an_amount_paid_so_far_in_other_words_is_no_further_part(words):
    """Failed before: "项目资金100万元,其中中央资金60万元,拨付到位90万元" — an N02 错误 (60 + 90 over 100): "拨付到位" /
    "已全部拨付" is the whole's progress as much as "已拨付" (元阳 大坪乡 2021's reading, real reports 26)."""
    text = f"项目资金100万元,其中中央资金60万元,{words}90万元。"
    assert extract_facts(text).facts[2].parent is None
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), _one(text), 1) == []


def test_a_split_by_payment_in_those_words_is_still_held_to_its_whole():
    """Must NOT hide: a 其中 list whose first part is the paid share still splits the whole (60 + 50 over 100)."""
    with tempfile.TemporaryDirectory() as d:
        assert ("N02", "error") in _at(Path(d), _one("项目资金100万元,其中拨付到位60万元,未拨付50万元。"), 1)


THREE_AND_RUNNING = (
    "2021年度三公经费及机关运行经费支出决算中,因公出国(境)费支出决算0.00万元,公务接待费支出决算30.00万元,占{a};"
    "公务用车购置及运行维护费支出决算12.00万元,占{b};机关运行经费18万元{c}。"
)


@pytest.mark.parametrize("c", [",占30%", ""])
def test_shares_of_a_whole_beside_the_three_items_are_not_held_to_their_sum(c):
    """Failed before: the 三公 shares held to 0 + 30 + 12 = 42 although the sentence's whole also holds the 机关运行经费
    18 (30 / 60 = 50%, 12 / 60 = 20%) — two N02 错误 once an item went without a share (reports26's reading)."""
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), _one(THREE_AND_RUNNING.format(a="50%", b="20%", c=c)), 1) == []


def test_shares_of_the_three_items_alone_are_still_held_to_their_sum():
    """Must NOT hide: the three items alone, a share off their sum (30 / 42 = 71.43%, not 70%), is still said."""
    text = (
        "2021年度三公经费支出决算中,因公出国(境)费支出决算0.00万元,公务接待费支出决算30.00万元,占70%;"
        "公务用车购置及运行维护费支出决算12.00万元,占28.57%。"
    )
    with tempfile.TemporaryDirectory() as d:
        assert ("N02", "error") in _at(Path(d), _one(text), 1)


def test_a_source_after_a_list_split_by_payment_is_no_further_part():
    """Failed before: "项目资金100万元,其中已拨付80万元,中央资金60万元" — an N02 错误 (80 + 60 over 100): a list split by
    payment ends at an amount named by its source — another split of the same whole, not a part beside the paid one."""
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), _one("项目资金100万元,其中已拨付80万元,中央资金60万元。"), 1) == []
        # must NOT hide: the split by payment itself, and what is left over, still held to the whole
        assert ("N02", "error") in _at(Path(d), _one("项目资金100万元,其中已拨付80万元,剩余资金30万元。"), 1)


def test_an_amount_not_paid_yet_after_a_source_is_that_sources_progress():
    """Guard (held before too): "其中中央资金60万元,已拨付50万元,未拨付10万元" — the 已拨付 and 未拨付 are no parts of the
    whole beside the 中央资金. The N02 结余 reading's 警告 (100 − 50 against the 未拨付 10) is gone since prose23: a bare
    payment right after a source is read against that source too (tests/test_prose23_paid.py)."""
    facts = extract_facts("项目资金100万元,其中中央资金60万元,已拨付50万元,未拨付10万元。").facts
    assert [f.parent for f in facts] == [None, 0, None, None]
