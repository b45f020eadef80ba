"""Real reports 30 (issue 12, session 26): eight publications perfxl had never seen (tests/realworld/reports: 英德 经信局
2016 三公 预算, 罗湖 清水河街道 2024 三公 决算, and six pages of 梧州 units' 预算 公开 — a 中学 2023, a 科技 unit 2021, a 中心
2021, units' 2022/2023/2024 — from stored public pages), measured blind.

First run (blind, main 5d8d0bab): found 2 of 5, false 错误 0, false 警告 0 on the 33 agreeing facts. Missed: a 其中
part's share of the whole closing the paragraph before ("1. 基本支出预算 881300.39 元,…。其中:" ¶ "…" ¶ "商品和服务支出预算
165247.88 元,占基本支出预算18.76%", 18.75%), 英德's "2015年预算12.5万元;对比减少4.35万元;减少率35.22%" and the 2024 page's
"占一般公共预算支出的 19.62%" beside 84.06% of the same whole (KNOWN_MISSES). Fixed in general here (tests named "failed
before" were run against main and failed as their docstring says): a share naming the whole whose 其中 list runs over
the paragraphs after it (`spread_shares`), and a share right after a 其中 part named as a budget ("工资福利支出预算…,占
81.25%": a budget is no level, so the share was of nothing — `facts._budget_part_before`).
"""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import findings_at_paragraph, with_paragraph

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"


def _load(stem: str) -> dict:
    return tomllib.loads((REPORTS / f"{stem}.toml").read_text(encoding="utf-8"))


UNIT_2023 = _load("guangxi-wuzhou-danwei-yusuan-2023")
UNIT_2024 = _load("guangxi-wuzhou-danwei-yusuan-2024")
CENTRE_2021 = _load("guangxi-wuzhou-zhongxin-yusuan-2021")


def _paragraphs(*texts: str) -> dict:
    return {"paragraphs": list(texts)}


def test_a_parts_share_of_the_whole_closing_the_paragraph_before():
    """Failed before (quiet): the 2023 page as published — p2 closes on "基本支出预算 881300.39 元,…。其中:", p4 opens
    "商品和服务支出预算 165247.88 元,占基本支出预算18.76%": 165247.88 / 881300.39 = 18.7505% → 18.75%, an N02 错误 at p4
    that names the whole's paragraph and figure."""
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), UNIT_2023, 4)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
    assert "881300.39" in found[0][2] and "18.76%" in found[0][2] and "18.75%" in found[0][2]


def test_the_agreeing_shares_over_paragraphs_stay_quiet():
    """The pages' agreeing shares of a whole closing the paragraph before: the 2023 page's p3 (81.25%), the 2024 page's
    p4–p6 (81.45%, 17.99%, 0.56%), the 2021 中心's p8–p10 (92.82%, 6.66%, 0.52%)."""
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), UNIT_2023, 3) == []
        for p in (4, 5, 6):
            assert _at(Path(d), UNIT_2024, p) == []
        for p in (8, 9, 10):
            assert _at(Path(d), CENTRE_2021, p) == []


def test_one_share_changed_in_the_lists_middle_is_found_at_its_paragraph():
    """Failed before (quiet): the 2024 page with its 商品和服务 share changed (17.99% → 27.99%), the list's second part
    three paragraphs below its whole; and the 2021 中心's last part (0.52% → 0.62%)."""
    changed = with_paragraph(UNIT_2024, 5, "17.99%", "27.99%")
    last = with_paragraph(CENTRE_2021, 10, "0.52%", "0.62%")
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), changed, 5)
        assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
        assert "2476260.58" in found[0][2]
        assert _at(Path(d), last, 10) == [("N02", "error")]


def test_the_list_ends_at_a_paragraph_opening_with_no_part():
    """A paragraph between that opens with no amount ends the list: a share after it naming the same words is no
    share of the whole closed above (it may be another year's or another section's) — quiet, as before."""
    doc = _paragraphs(
        "1. 基本支出预算 881300.39 元,占一般公共预算支出的96.74%。其中:",
        "工资福利支出预算 716052.51 元,占基本支出预算81.25%。",
        "上年情况如下:",
        "商品和服务支出预算 182539.8 元,占基本支出预算17.42%。",
    )
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), doc, 2) == []
        assert _at(Path(d), doc, 4) == []


def test_a_share_after_a_budget_named_part_in_one_paragraph():
    """Failed before (quiet): the 2023 page's list written in one paragraph — parts named as budgets ("工资福利支出预算
    716052.51 元,占基本支出预算81.25%;商品和服务支出预算 165247.88 元,占基本支出预算18.76%") are 其中 parts of the
    881300.39, and the 18.76% is held to it (N02 错误); the right 18.75% is quiet."""
    text = (
        "基本支出预算 881300.39 元,其中:工资福利支出预算 716052.51 元,占基本支出预算81.25%;"
        "商品和服务支出预算 165247.88 元,占基本支出预算{}。"
    )
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), _paragraphs(text.format("18.76%")), 1) == [("N02", "error")]
        assert _at(Path(d), _paragraphs(text.format("18.75%")), 1) == []
