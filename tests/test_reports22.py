"""Real reports 22 (issue 12, session 18): five publications perfxl had never seen, three WITH their tables
(tests/realworld/reports: 上海普陀 规划和自然资源局 2024 部门决算 and 万里街道 2024 部门预算 from their PDFs, 宜川路街道 2025
部门决算 from a repository's page-text fixture; 龙泉 2018 and 湛江 宣传部 2017 三公 说明 without a table), measured blind.

First run (blind, main ebb5066): found 3 of 13, false 错误 0, false 警告 1 on the 125 agreeing facts (规划资源局 p71: three
采购 parts 122.43 + 1387.72 + 809.07 = 2319.22 against their total 2319.21 — within the parts' rounding), table errors
0/0. Fixed in general here; tests named "failed before" were run against the branch before the fix and failed as their
docstring says.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import with_paragraph

from perfxl.document.facts import extract_facts
from perfxl.document.plain_text import plain_narrative

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"

GUIHUA = tomllib.loads((REPORTS / "shanghai-putuo-guihuaziyuan-juesuan-2024.toml").read_text(encoding="utf-8"))
WANLI = tomllib.loads((REPORTS / "shanghai-putuo-wanli-yusuan-2024.toml").read_text(encoding="utf-8"))


def _one(text: str) -> dict:
    """A report of one paragraph (no table): its own arithmetic only."""
    return {"paragraphs": [text]}


def test_a_rate_over_a_base_printed_as_nothing(tmp_path):
    """Failed before: [] at 万里 2024 p16 — "2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年预算执行数
    增加100.00%": the rate's base (named by its year and words, two figures back) is printed as 0, so no rate can be
    computed; "100%" over nothing is the publishers' way of saying 新增 (a 警告), any other rate an N02 错误."""
    assert ("N02", "warning") in _at(tmp_path, WANLI, 16)
    text = WANLI["paragraphs"][15]
    other = _one(text.replace("增加100.00%", "增加50.00%"))
    assert ("N02", "error") in _at(tmp_path, other, 1)
    # a base above nothing keeps its own arithmetic: 10 → 25 is 150%, printed so, quiet
    fine = _one(text.replace("执行数为0.00万元", "执行数为10.00万元").replace("增加100.00%", "增加150.00%"))
    assert _at(tmp_path, fine, 1) == []


def test_parts_over_their_total_only_by_their_rounding_agree(tmp_path):
    """Failed before: [('N02', 'warning')] at 规划资源局 2024 p71 — "政府采购金额…为 2319.21 万元，其中：货物采购金额 122.43
    万元、工程采购金额 1387.72 万元、服务采购金额 809.07 万元" (= 2319.22): parts printed to the total's two decimals are
    over it by less than their own rounding — the 元 figures rounded one by one; they agree at the printed precision."""
    assert _at(tmp_path, GUIHUA, 71) == []
    # beyond the rounding (2319.25: at least 2319.235 against at most 2319.215) the parts are wrong: an 错误
    over = _one(GUIHUA["paragraphs"][70].replace("809.07", "809.10"))
    assert ("N02", "error") in _at(tmp_path, over, 1)
    # a part printed coarser than its total ("30万元" may be 29.99): over as written stays a 警告 asking to check
    coarse = _one("采购金额共89.97万元，其中：货物采购30万元、工程采购30万元、服务采购29.99万元。")
    assert ("N02", "warning") in _at(tmp_path, coarse, 1)


def test_the_items_of_a_change_list_are_changes():
    """Failed before: the parts read as levels named "…支出决算减少" — "…决算数比2024年度减少3.59万元，下降15.31%，其中：公务
    用车购置及运行维护费支出决算减少3.59万元，下降15.31%；公务接待费支出决算增加0.3万元，增长100%" (宜川路 2025 p72, and the
    闵行 2020 p9 template): each item the 其中 lists after a change moves by its amount, in its own words' direction."""
    text = (
        "2025 年度“三公”经费财政拨款支出决算数比 2024 年度减少 3.59 万元，下降 15.31%，其中：公务用车购置及运行维护费"
        "支出决算减少 3.59 万元，下降 15.31%；公务接待费支出决算增加 0.3 万元，增长 100%。"
    )
    facts = extract_facts(plain_narrative(text)).facts
    assert [(f.subject, f.role, f.direction) for f in facts if f.quantity.is_money] == [
        ("三公经费", "change", -1),
        ("公务用车购置及运行维护费", "change", -1),
        ("公务接待费", "change", 1),
    ]
    # alone, money its words say was added stays a level (tests/test_reports16.py): no change before it in the sentence
    alone = extract_facts("2024年预算资金增加50万元，用于设备购置。").facts
    assert [f.role for f in alone] == ["value"]
    # a list of levels after a change (no direction of their own) is no list of changes
    levels = extract_facts("支出1000万元，比上年增加100万元，其中基本支出650万元，项目支出350万元。").facts
    assert [f.role for f in levels if f.quantity.text in ("650万元", "350万元")] == ["value", "value"]


def test_the_same_parts_restated_in_yuan_agree_too(tmp_path):
    """Failed before: [('N02', 'error')] — the benign rewrite of 规划资源局 2024 p71 in 元 ("23192100元，其中：…1224300元、
    13877200元、8090700元"): whole-hundred 元 amounts are a two-decimal 万元 print restated, over their total by its
    rounding only — as quiet as the 万元 print (and 宜川路 2025 p22/p68, 基本 + 项目 = 支出 by definition, 100 元 apart)."""
    text = "政府采购金额为23192100元，其中：货物采购金额1224300元、工程采购金额13877200元、服务采购金额8090700元。"
    assert _at(tmp_path, _one(text), 1) == []
    split = "本年支出合计203232100元，其中：基本支出141074600元，占69.42%；项目支出62157600元，占30.58%。"
    assert _at(tmp_path, _one(split), 1) == []
    # exact 元 figures (not whole hundreds) over their total are wrong, as before
    exact = text.replace("8090700元", "8090701元")
    assert ("N02", "error") in _at(tmp_path, _one(exact), 1)
    # whole 万 restated (衢江 2016, tests/test_reports13.py): over by a 万 stays the 警告 it was
    wan = "公务用车费用9950000元,其中购置费380000元,运行费9580000元。"
    assert _at(tmp_path, _one(wan), 1) == [("N02", "warning")]


def test_a_line_break_between_wan_and_yuan_after_a_spaced_figure():
    """Failed before: "…年初预算为 10210.34 万⏎元，支出决算为…" (规划资源局 2024 p32 pasted with its line ends, the PDF's
    space before 万 kept) read the line as a heading ending at "万": the 95.45% 警告 was lost."""
    text = "一般公共预算财政拨款支出年初预算为 10210.34 万\n元，支出决算为 9746.50 万元，完成年初预算的 95.45%。"
    assert (
        plain_narrative(text)
        == "一般公共预算财政拨款支出年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.45%。"
    )


YICHUAN = tomllib.loads((REPORTS / "shanghai-putuo-yichuan-juesuan-2025.toml").read_text(encoding="utf-8"))


def test_a_three_public_items_completion_rate_is_held_to_its_table_row(tmp_path):
    """Failed before: quiet — "公务用车购置及运行维护费支出决算为19.56 万元，完成预算的 60.76%" (宜川路 2025 p71, one figure
    changed): the sentence prints no budget; the 三公 table's row does (30.67), so 19.56 / 30.67 = 63.78% — N01. The
    published 63.76% agrees at the cells' printed precision (19.556 / 30.672) and stays quiet."""
    assert _at(tmp_path, YICHUAN, 71) == []
    wrong = with_paragraph(YICHUAN, 71, "完成预算的 63.76%", "完成预算的 60.76%")
    assert ("N01", "error") in _at(tmp_path, wrong, 71)


def test_a_total_its_parts_shares_are_not_of_is_one_finding(tmp_path):
    """Failed before (probe_reports, extra): 宜川路 2025 p29 with its total changed (20218.21 → 22240.03) gave four N02
    错误, one per share ("公共安全支出类…按其自身数字应为 2.5%，文字写 2.75%") — one wrong figure, four findings. The listed
    类' own shares are each of their sum (20218.19), not of the total printed: the list is the whole they divide, and the
    total short of it is the one finding, the shares giving way. Since narr18 that total is also held to the 一般公共预算
    支出决算表's 合计 line it repeats (20218.21): the one finding is that certain N01."""
    assert _at(tmp_path, YICHUAN, 29) == []
    wrong = with_paragraph(YICHUAN, 29, "20218.21 万元，主要", "22240.03 万元，主要")
    assert _at(tmp_path, wrong, 29) == [("N01", "error")]
