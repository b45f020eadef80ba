"""Narrative review 11b (issue 12, session 11): the contradictions narrative review 11 left silent, and a review of its
own changes. Each test named "failed before" was run against main before its fix and failed as its docstring says.

1. A "分别为" list after a total is that total's parts ("共计110万元,分别为A项目50万元,B项目50万元"), all of them: more
   than the total is an 错误, less a 警告 (the words list the whole; a person checks nothing was left out).
2. Shares after "分别占" belong, in order, to the amounts listed right before them: each is held to its amount / the
   list's total; with no amounts printed, together they are no more than 100% (a 警告: the items read as disjoint).
3. A 合计 of amounts that name no spending is the money the spending after it is measured against.
4. "全县共有规模工业企业320家，其中2023年新增25家": the 25 is the new 规模工业企业 — read and paired (by name, a 警告).
5. "年初预算100万元,年中追加20万元,全年预算120万元": the 全年 budget holds what was added; the message names 120, not
   120 + 20.
"""

from __future__ import annotations

import pytest
from report_helpers import report_findings as _report
from report_helpers import seed_report_findings


def _n02(findings):
    return [(f.severity.value, f.message) for f in findings if f.code == "N02"]


def _above_info(findings):
    return [(f.code, f.severity.value, f.message) for f in findings if f.severity.value in ("warning", "error")]


# ---------------------------------------------------------------- 1. 分别为 after a total


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        pytest.param("项目资金共计110万元,分别为A项目50万元,B项目50万元。", "warning", id="short"),
        pytest.param("项目资金共计90万元,分别是A项目50万元、B项目50万元。", "error", id="beyond"),
        pytest.param("项目总投资500万元,分别为中央资金300万元、省级资金100万元。", "warning", id="sources-short"),
    ],
)
def test_a_respective_list_after_a_total_is_its_parts(tmp_path, text, severity):
    """Failed before: no finding — "分别为A项目" was read as a figure's name, no part of the total before it."""
    found = _n02(_report(tmp_path, text))
    assert [s for s, _ in found] == [severity], found
    assert "100万元" in found[0][1] or "400万元" in found[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "项目资金共计100万元,分别为A项目50万元,B项目50万元。",
        "2023年预算资金110万元,分别为年初预算80万元,年中追加30万元。",
        # 分别 of two figures: no total's parts
        "中央资金110万元、省级资金20万元,分别为A项目60万元,B项目70万元。",
        "中央资金和省级资金分别为50万元、60万元。",
    ],
)
def test_a_respective_list_that_agrees_is_quiet(tmp_path, text):
    assert _above_info(_report(tmp_path, text)) == []


# ---------------------------------------------------------------- 2. 分别占


def test_respective_shares_are_held_to_their_amounts(tmp_path):
    """Failed before: no finding — only the first percentage was a share (of no amount), the others read as values."""
    text = "下达资金110万元,分别为中央资金60万元、省级资金30万元、县级资金20万元,分别占54.42%、19.69%、35.89%。"
    found = _n02(_report(tmp_path, text))
    assert [s for s, _ in found] == ["error", "error"], found
    assert "27.27%" in found[0][1] and "18.18%" in found[1][1]


def test_respective_shares_without_amounts_past_100_percent(tmp_path):
    """Failed before: no finding (54.42 + 19.69 + 35.89 = 110%)."""
    found = _n02(_report(tmp_path, "下达资金100万元,中央、省级、县级资金分别占54.42%、19.69%、35.89%。"))
    assert [s for s, _ in found] == ["warning"], found
    assert "110%" in found[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "下达资金110万元,其中中央资金60万元、省级资金30万元、县级资金20万元,占比分别为54.55%、27.27%、18.18%。",
        "下达资金100万元,中央、省级、县级资金分别占54.42%、19.69%、25.89%。",
        # cumulative: no parts of one whole; people whose categories may overlap, each of its own whole
        "上半年、前三季度支出分别占全年预算的45%、80%。",
        "培训农民300人、妇女200人,分别占全县的60%、50%。",
        # another whole named in the words
        "下达资金110万元,分别为中央资金60万元、省级资金30万元、县级资金20万元,分别占全省同类资金的5%、4%、3%。",
        "下达资金110万元,其中中央资金60万元,占全省资金的5%。",
        "支出110万元,其中基本支出60万元、项目支出50万元,分别占预算的50%、40%。",
    ],
)
def test_respective_shares_that_agree_or_are_of_another_whole_are_quiet(tmp_path, text):
    """Failed before: an N02 错误 on consistent text — "占比分别为54.55%" paired with the last amount (县级资金 20万元:
    应为 18.18%), and "占全省资金的5%" with the 下达资金 the 其中 splits (the province's money)."""
    assert _above_info(_report(tmp_path, text)) == []


# ---------------------------------------------------------------- 3. a 合计 as a rate's base


def test_a_sum_of_allocations_is_the_rates_base(tmp_path):
    """Failed before: no finding (108 / 120 = 90%, the text says 80%)."""
    found = _n02(_report(tmp_path, "A项目30万元,B项目40万元,C项目50万元,合计120万元,已支出108万元,执行率80%。"))
    assert [s for s, _ in found] == ["warning"], found
    assert "120万元" in found[0][1] and "90%" in found[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "A项目30万元,B项目40万元,C项目50万元,合计120万元,已支出108万元,执行率90%。",
        # a sum of spendings is no base
        "A项目支出30万元,B项目支出40万元,C项目支出50万元,合计120万元,已支出108万元,执行率80%。",
    ],
)
def test_a_sum_agreeing_or_of_spendings_is_quiet(tmp_path, text):
    assert _above_info(_report(tmp_path, text)) == []


# ---------------------------------------------------------------- 4. 其中新增 of a stock


@pytest.mark.parametrize(
    "sentence",
    ["全县共有规模工业企业320家，其中2023年新增25家。", "截至年底，全县共有规模工业企业320家，全年新增25家。"],
)
def test_the_new_ones_among_a_stock_are_read(tmp_path, sentence):
    """Failed before: no finding — the 25 was named "新增", a verb naming nothing; the 自评表's 新进规模企业 is 20 (paired
    by name: a 警告). With 20 it agrees (tests/test_narrative_review11.py: quiet)."""
    found = [(f.code, f.severity.value) for f in seed_report_findings(tmp_path, sentence) if f.severity.value != "info"]
    assert found == [("N01", "warning")]
    agreeing = sentence.replace("25家", "20家")
    assert [f for f in seed_report_findings(tmp_path, agreeing) if f.severity.value != "info"] == []


# ---------------------------------------------------------------- 5. the base a message names


def test_a_whole_years_budget_holds_what_was_added(tmp_path):
    """Failed before: the message said "预算 120万元 + 20万元 … 应为 77%" — the 全年预算 already holds the 追加."""
    found = _n02(_report(tmp_path, "年初预算100万元,年中追加20万元,全年预算120万元,实际支出108万元,执行率80%。"))
    assert [s for s, _ in found] == ["warning"], found
    assert "预算 120万元）" in found[0][1] and "90%" in found[0][1] and "77%" not in found[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "年初预算100万元,年中追加20万元,全年预算120万元,实际支出108万元,执行率90%。",
        "年初预算100万元,年中追加20万元,实际支出108万元,执行率90%。",
    ],
)
def test_budgets_with_additions_agreeing_are_quiet(tmp_path, text):
    assert _above_info(_report(tmp_path, text)) == []


# ---------------------------------------------------------------- review of narrative review 11's own changes


def test_money_carried_in_from_an_earlier_year_is_a_part(tmp_path):
    """Failed before: no finding — the year rule (an amount naming another year than its total's closes the list) ended
    the list at its first part, "其中2022年结转资金50万元": money carried into 2023, a part of 2023's 237万元."""
    found = _n02(_report(tmp_path, "2023年预算资金237万元,其中2022年结转资金50万元,2023年新增资金200万元。"))
    assert [s for s, _ in found] == ["error"], found
    assert (
        _above_info(_report(tmp_path, "2023年预算资金250万元,其中2022年结转资金50万元,2023年新增资金200万元。")) == []
    )


@pytest.mark.parametrize(
    "before",
    [
        pytest.param("分配至无为市93万元,", id="run-from-the-paragraph-before-still-off"),
        pytest.param("资金分配如下,", id="no-amount-before"),
    ],
)
def test_a_sum_after_a_broken_paragraph_is_still_judged(tmp_path, before):
    """Failed before: no finding — any sum opening a paragraph after one ending in "," was left unjudged; now the run it
    closes may begin in the paragraph before, but some run must make it (93 + 52 + 25 = 170, not 180; no amount before
    "分配如下,")."""
    total = "180万元" if "93" in before else "170万元"
    found = _n02(_report(tmp_path, before, f"南陵县52万元,繁昌区25万元,共计{total}。"))
    assert [s for s, _ in found] == ["warning"], found


def test_a_part_at_least_its_figure_beyond_the_total_is_found(tmp_path):
    """Failed before: no finding — any bound among the parts silenced the list; "50万元以上" is at least 50: 80 + 50 > 120
    whatever it is. An upper bound (以下) or a lower bound short of the total says nothing."""
    found = _n02(_report(tmp_path, "下达资金120万元,其中中央资金80万元,省级资金50万元以上。"))
    assert [s for s, _ in found] == ["error"] and "不少于 130万元" in found[0][1], found
    for quiet in ("省级资金30万元以上", "省级资金50万元以下"):
        assert _above_info(_report(tmp_path, f"下达资金120万元,其中中央资金80万元,{quiet}。")) == []
