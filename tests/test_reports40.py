"""Real reports 40 (issue 12, session 32): eight publications perfxl had never seen, from provinces and subjects the
corpus held little of (tests/realworld/reports: 临河 中央农业防灾减灾资金 2023 (内蒙古, a traditional-character repost) and 临河
优抚对象生活补助 2023, 临夏 1-4级残疾军人护理费 2023 (甘肃), 铜梁 农业农村委 农业生产和水利救灾资金 2022, 承德 农业农村局 2023
项目绩效自评 (河北), 山东 雨污合流管网改造 奖补资金 2022-2023 (省财政厅), 五华 排水管网 2023 重点绩效评价 (云南), 兴庆 垃圾转运站
2022 (宁夏)), measured blind (fixtures committed before any run: "reports40: fixtures, before any run").

First run (blind, main bc93b9f9): found 1 of 1, false 错误 0, false 警告 0 on the 20 agreeing facts. Found: 承德 p9, the
grades' money 3038.38 + 201.9 + 7 + 218.07 = 3465.35 over the 3267.28 they are all of (N02 错误). Not an [[expect]]: 临河
优抚 p13's "经费发放率为98%" against p6's 2310.4 / 2330.9 = 99.12% (a rate whose base is in another paragraph:
[[expect_other]]).

Probing the batch's agreeing paragraphs with one figure changed (17 probes: 4 found at main, 6 after; 临河 p6's 118
made 108, below its eight places, is an N02 错误 at main already) found a spending unread in general, fixed here: a spending named by its verb and the word for its amount ("项目执行金额2856.63万元,执行率87.43%", also
支出金额, 支付金额) and one said "实际/累计 使用资金" (the figure's subject drops 实际 and 累计, so the payment words
`_PAID_MONEY` were meant to read were never seen) — their rates went unchecked (`funds_arith._SPENT`, `_paid_money`).
Every finding of the 279 earlier reports unchanged. Left as designed: 其中 parts short of their total (其中 may be partial);
a total coarser than its parts that a cut figure fits ("3.7亿元,其中1.45亿元、2.35亿元"); counts and measures under 其中
(126条道路 = 80 + 46, 公里); a total after its sources with no sum word ("省级下拨3.89万元;市级下拨3.89万元;全年应执行数为
7.79万元"); a 使用率 over money arrived with its spending named "使用项目资金" (no 已/实际: may be a plan).

After (all 287 reports): found 102/106, false 错误 0, false 警告 0 (1291 facts), table errors 16/16; probe_reports
extra 0; measure.py and bench/verdicts.py as at main. PDF parity (tests/test_document_pdf_parity.py -k on the eight, three
layouts): 24 passed, no new PDF limit.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, findings_at_paragraph, one_paragraph_codes, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at

CHENGDE = parsed_toml(REPORTS / "hebei-chengde-nongyenongcun-ziping-2023.toml")


def test_a_spending_named_by_its_amount_word_has_its_rate_checked():
    """Failed at main (quiet): 承德 p6 "财政资金3267.28万元。…至2023年底我局项目执行金额2856.63万元,执行率88.43%" —
    2856.63 / 3267.28 = 87.43%, not 88.43%: an N02 警告 (the budget a sentence before, paired by place, as its basis
    says). As published (87.43%): quiet. In one sentence, 支出金额 the same; a budget's 预算 words still no spending."""
    wrong = with_paragraph(CHENGDE, 6, "执行率87.43%", "执行率88.43%")
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), wrong, 6)
        assert _at(Path(d), CHENGDE, 6) == []
    assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")]
    assert "2856.63万元" in found[0][2] and "3267.28万元" in found[0][2]
    text = "2023年预算安排专项资金3267.28万元,项目{}2856.63万元,执行率{}%。"
    assert one_paragraph_codes(text.format("支出金额", "88.43")) == [("N02", "warning")]
    assert one_paragraph_codes(text.format("执行金额", "87.43")) == []


def test_a_payment_said_actual_names_its_money():
    """Failed at main (quiet): "下达资金100万元,实际使用资金90万元,执行率80%" — 90 / 100 = 90%: an N02 警告. The figure's
    subject drops 实际/累计, so the payment was read only when 已 was printed. At 90%: quiet; "使用资金" with no 已/实际/累计
    (a plan, perhaps) still no spending: quiet."""
    text = "下达资金100万元,{}资金90万元,执行率{}%。"
    assert one_paragraph_codes(text.format("实际使用", "80")) == [("N02", "warning")]
    assert one_paragraph_codes(text.format("累计支付项目", "80")) == [("N02", "warning")]
    assert one_paragraph_codes(text.format("实际使用", "90")) == []
    assert one_paragraph_codes(text.format("使用", "80")) == []
