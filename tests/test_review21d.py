"""Review of real reports 25 (issue 12, session 21, review21d): false 错误 paths of its new readings, built from the
stored real reports (寻甸 塘子街道 2023 p6, 涪陵 焦石镇 2020 p4) as tests/test_reports25.py does. Each test failed before
its fix with the N02 错误 its docstring names."""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import with_paragraph
from test_reports25 import JIAOSHI, TANGZI


def _one(text: str) -> dict:
    return {"paragraphs": [text]}


def test_after_comparing_a_year_not_the_reports_may_name_the_compared_years_figure():
    """Failed before: N02 错误 "19万元 / 上年 79万元 = 24.05%, 文字写 31.67%" on "2021年度“三公”经费支出41万元。经比较2020年度
    “三公”经费60万元,减少19万元,下降31.67%" — reports25 read every "经比较YYYY年…X万元" as the year's own figure (焦石镇
    2020, where YYYY is the report's year). Of another year it may be the compared year's, the change's base (19 / 60 =
    31.67%: agrees): a guess, 警告 at most. 焦石镇's own (2020 in a 2020 report) stays 错误."""
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for text in (
            "2021年度“三公”经费支出41万元。经比较2020年度“三公”经费60万元,减少19万元,下降31.67%。",
            "2021年度“三公”经费支出决算41万元,经比较2020年决算60万元,减少19万元,下降31.67%。",
        ):
            found = _at(tmp, _one(text), 1)
            assert ("N02", "error") not in found, text
        assert _at(tmp, JIAOSHI, 4).count(("N02", "error")) == 2


def test_a_share_whose_words_name_the_budget_without_de():
    """Failed before: two N02 错误 on 塘子街道 p6 with "占年初预算89.33%" / "占预算数39.7%" — the share's words name the
    budget (the item's completion rate), yet only "占…的" was read as naming a whole."""
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for words in ("占年初预算", "占预算数"):
            budget = with_paragraph(
                with_paragraph(TANGZI, 6, "占89.33%", f"{words}89.33%"), 6, "占39.7%", f"{words}39.7%"
            )
            assert ("N02", "error") not in _at(tmp, budget, 6), words
        # the whole named without 的 stays the whole: "占“三公”经费66.5%" is still wrong
        named = with_paragraph(TANGZI, 6, "占39.7%", "占三公经费39.7%")
        assert ("N02", "error") in _at(tmp, named, 6)


def test_shares_after_a_head_comparing_the_final_with_the_budget_are_a_guess():
    """Failed before: two N02 错误 on "2023年“三公”经费决算与预算对比:因公出国(境)费支出0万元,占0.00%;公务用车购置及运行维护费
    支出4.02万元,占89.33%;公务接待费支出7.94万元,占39.7%" — the head compares the 决算 with the 预算: "占89.33%" may be of
    the budget (4.02 / 4.50). 警告 saying so, not 错误."""
    items = (
        "因公出国(境)费支出0万元,占0.00%;公务用车购置及运行维护费支出4.02万元,占89.33%;公务接待费支出7.94万元,占39.7%。"
    )
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for head in ("2023年“三公”经费决算与预算对比:", "2023年“三公”经费决算与年初预算比较,"):
            found = _at(tmp, _one(head + items), 1)
            assert ("N02", "error") not in found and ("N02", "warning") in found, head
        # 塘子街道's own head names no comparison: its two 错误 stay
        assert _at(tmp, TANGZI, 6).count(("N02", "error")) == 2


def test_a_parts_bare_share_may_be_of_the_whole_its_parent_is_a_part_of():
    """Failed before: N02 错误 "2万元 / 4.02万元 应为 49.75%，文字写 16.72%" — the part's bare 占 names no whole and its
    parent's own share (33.61%) is stated of the 三公 total, so 16.72% = 2 / 11.96 is a reading the text allows; a share
    agreeing with neither whole stays an 错误."""
    text = (
        "2023年“三公”经费支出11.96万元，其中：公务接待费支出7.94万元，占66.39%；公务用车购置及运行维护费支出4.02万元，"
        "占33.61%，其中公务用车购置费2万元，占{}%，公务用车运行维护费2.02万元，占16.89%。"
    )
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        assert ("N02", "error") not in _at(tmp, _one(text.format("16.72")), 1)
        assert ("N02", "error") in _at(tmp, _one(text.format("30.00")), 1)
        assert ("N02", "warning") in _at(tmp, _one(text.format("20.00")), 1)  # 2 read as 2.4 of 11.96: loosely
