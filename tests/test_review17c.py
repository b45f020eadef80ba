"""Review of real reports 21's readings (issue 12, session 17): paragraphs real 预算说明/三公 说明 print with the same
words in other roles. Each test failed before its fix as its docstring says."""

from __future__ import annotations

import copy

from test_document_realreport import codes_at_paragraph as _at
from test_reports21 import YUZHONG

from perfxl.document.facts import extract_facts


def _report(text: str) -> dict:
    return {"paragraphs": [text]}


def test_a_rate_on_the_years_budget_is_not_one_on_its_execution(tmp_path):
    """Failed before: [('N02', 'error')] — "2025年预算执行数为100万元，2026年预算安排90万元，比2025年预算增加5%": the rate's
    base is the 2025 budget (not printed), not its 执行数 — the words "预算" are in "预算执行数" but name another figure.
    Nor is a base of another item ("2025年部门预算执行数为A，2026年三公经费预算安排B")."""
    for text in (
        "2025年预算执行数为100万元，2026年预算安排90万元，比2025年预算增加5%。",
        "2025年预算执行数为100万元，2026年预算安排90万元，比2025年预算减少5%。",
        "2025年部门预算执行数为100万元，2026年三公经费预算安排90万元，比2025年预算执行数减少5%。",
    ):
        assert _at(tmp_path, _report(text), 1) == [], text
    # the figure the words name stays checked: its 执行数, "执行数" alone, "预算数" named "预算", traditional characters
    for text in (
        "2025年当年预算执行数为100万元，2026年预算安排90万元，比2025年预算执行数减少5%。",
        "2025年当年预算执行数为100万元，2026年预算安排90万元，比2025年执行数减少5%。",
        "2025年预算数为100万元，2026年预算安排90万元，比2025年预算减少5%。",
        "2025年預算執行數為100萬元，2026年預算安排90萬元，比2025年預算執行數減少5%。",
    ):
        assert _at(tmp_path, _report(text), 1) == [("N02", "error")], text


def test_a_qizhong_list_of_levels_after_a_change_keeps_its_levels(tmp_path):
    """Failed before: [] (a lost N01) — "…减少了1,276.52万元，其中因公出国(境)费90.85万元，公务接待费183.19万元，公务用车
    购置及运行维护费4,058.29万元": the list's sum is more than the change, so its parts are the year's levels, not parts
    of the change; the 90.85 is held to the table's 91.85."""
    text = (
        "2017年度“三公”经费支出减少了1,276.52万元，其中因公出国(境)费{}万元，公务接待费183.19万元，"
        "公务用车购置及运行维护费4,058.29万元。"
    )
    for figure, expected in (("90.85", [("N01", "error")]), ("91.85", [])):
        fixture = copy.deepcopy(YUZHONG)
        fixture["paragraphs"].append(text.format(figure))
        assert _at(tmp_path, fixture, len(fixture["paragraphs"])) == expected
    facts = extract_facts("人员经费增加了30万元，其中基本工资10万元，津贴补贴25万元。").facts
    assert [f.role for f in facts] == ["change", "value", "value"]


def test_a_whole_named_by_kind_and_printed_apart_is_no_pairing(tmp_path):
    """Failed before: [('N02', 'warning')] on a consistent fact — "本部门总支出决算3000万元。三公经费支出决算100万元，其中
    公务接待费30万元，占总支出决算的1%": 30 / 3000 = 1%, the whole the text prints as 总支出; the 其中's total (100) is
    no pairing then. Without that figure the kind still pairs with the 其中's total (a 警告, real reports 21)."""
    text = "本部门总支出决算3000万元。三公经费支出决算100万元，其中公务接待费30万元，占总支出决算的1%。"
    assert _at(tmp_path, _report(text), 1) == []
    alone = "三公经费支出决算100万元，其中公务接待费30万元，占总支出决算的3%。"
    assert _at(tmp_path, _report(alone), 1) == [("N02", "warning")]
