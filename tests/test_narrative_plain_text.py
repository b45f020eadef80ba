"""The narrative as the cross-check reads it (perfxl.document.plain_text): the same figures, subjects and sentences
whether the author typed full-width digits, traditional characters, a space before the unit or manual line breaks.

Each case compares the facts read from a rewritten sentence with those of the sentence as usually typed (the
published forms of tests/realworld/reports/), so what is asserted is the reading, not the normaliser's output.
"""

from __future__ import annotations

import pytest

from perfxl.document.facts import extract_facts
from perfxl.document.lists import listed_counts
from perfxl.document.plain_text import plain_narrative


def _read(text: str) -> list[tuple]:
    """(subject, role, value, unit, places, parent, sentence) of every figure the paragraph states."""
    facts = extract_facts(plain_narrative(text)).facts
    return [
        (f.subject, f.role, f.quantity.value, f.quantity.unit, f.quantity.places, f.parent, f.sentence) for f in facts
    ]


PUBLISHED = "全年支出2223.04万元，其中基本支出886.12万元，占39.86%；项目支出1336.92万元。"


@pytest.mark.parametrize(
    "typed",
    [
        "全年支出２２２３．０４万元，其中基本支出８８６．１２万元，占３９．８６％；项目支出１３３６．９２万元。",
        "全年支出２，２２３．０４万元，其中基本支出８８６．１２万元，占３９．８６％；项目支出１，３３６．９２万元。",
        "全年支出2223.04 万元，其中基本支出886.12 万元，占39.86 %；项目支出1336.92\u00a0万元。",
        "全年支出2223.04万元，\n其中基本支出886.12万元，占39.86%；\n项目支出1336.92万元。",
        "全年支出2223.04万元，其中基本\n支出886.12万元，占39.86%；项目支出1336.92万元。",  # a web page's line end
        "全年支出2223.04萬元，其中基本支出886.12萬元，佔39.86%；項目支出1336.92萬元。",
    ],
    ids=["full_width", "full_width_grouped", "spaced", "soft_returns", "wrapped_mid_word", "traditional"],
)
def test_a_rewritten_sentence_states_the_published_figures(typed):
    assert _read(typed) == _read(PUBLISHED)


def test_a_heading_line_and_a_list_line_still_end_their_sentence():
    """A break after a heading (no clause punctuation) or before a numbered item is kept: the heading's words are not
    read into the first figure's subject, and "一是…二是…" still opens items of the list."""
    assert _read("一、基本情况\n项目支出1336.92万元。") == _read("一、基本情况。项目支出1336.92万元。")
    listed = "区直文博系统12774万元。区直文博系统项目有\n一是布达拉宫管理处9378万元\n二是西藏博物馆5009万元。"
    facts = extract_facts(plain_narrative(listed)).facts
    assert [f.parent for f in facts] == [None, 0, 0]  # the two items are parts of 12774


def test_a_full_width_comma_before_a_percent_separates_two_figures():
    """ "完成5，100%达标": a count and a rate, not 5100% — the thousands reading never runs into a percent sign."""
    assert [f.quantity.value for f in extract_facts(plain_narrative("完成项目５个，１００％达标")).facts] == [5, 100]


def test_a_count_typed_with_a_space_still_lists_its_names():
    """ "直属事业单位10 个，即A、B" is the list "10个，即A、B" (N05 reads the count before its measure word)."""
    published = listed_counts(plain_narrative("直属事业单位3个，即县国库集中支付中心、县财政投资评审中心。"))
    spaced = listed_counts(plain_narrative("直属事业单位３ 个，即县国库集中支付中心、县财政投资评审中心。"))
    assert spaced == published and published
