"""Real reports 39 (issue 12, session 31): four publications perfxl had never seen (tests/realworld/reports: 南湖新区
低保专项 2016 — the lead reports38 left, the 优抚 form's companion with its funds table; 渝中 南纪门街道 2023 部门决算;
铜梁 小林镇 2022 决算报告 (a 镇's own 财政 决算); 大足 中敖镇 2022 部门决算 (its counts only)), measured blind (fixtures
committed before any run: "reports39: fixtures, before any run"; their paragraph references were written 0-based and
made 1-based in the next commit, text and hand check unchanged).

First run (blind, main a27ed44c): found 0 of 1, false 错误 0, false 警告 0 on the 13 agreeing facts. The miss (KNOWN_MISSES):
小林 p14 "支出总计,867.48万元,由一般公共预算支出1,867.48万元,加上解支出…等0万元等构成" — the total printed before its parts
("由…构成"), its thousands digit lost behind a stray comma: no rule reads a total followed by its parts, and the figure
alone names no total. Left: reading it takes two new readings (a total before "由…构成", words across a stray comma).

Probing the batch's paragraphs with one figure changed found a shape missed in general, fixed here: 小林 p5/p6's
"加上托底保障补助、结算补助…等1,756.37万元,收入总计1,867.48万元" — items closed by a bare "等" before one amount are one
amount of them all, as "…等资金27.23亿元" already was (`added_totals._ITEMS_TOGETHER`); without 等 the amount may be the
last item's alone: still unread. Every finding of the 275 earlier reports unchanged.

After (all 279 reports): found 101/105, false 错误 0, false 警告 0 (1271 facts); 南湖's table gets only F07 (执行率
991.51 / 1208.75 = 82.03% below 90%, right) and two unread-row notes (its 概况 and 支出明细 grids are no form perfxl maps).
PDF parity (tests/test_document_pdf_parity.py -k on the four): the known limits only — 中敖's one-page running
head (ONE_PAGE_HEAD, published) and 南湖's cover lines read as one wrapped line (COVER_WIDEST, published and tagged).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, findings_at_paragraph, one_paragraph_codes, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at

XIAOLIN = parsed_toml(REPORTS / "chongqing-tongliang-xiaolin-juesuan-2022.toml")


def test_items_closed_by_deng_before_one_amount_are_one_item():
    """Failed at main (quiet): 小林 p6 "支出1,867.48万元,…。加上结转下年、安排预算稳定调节基金、上解上级支出等0万元,支出总计
    1,767.48万元" — the level (the sentence before) plus the 0 the 等 list adds is 1,867.48: an N02 警告 (the level paired
    by place, as its basis says); p5's 收入总计 so changed likewise. As published both agree: quiet; without the 等 the
    1,756.37 may be 动用预算稳定调节基金's alone — the sum is then a floor (reports41): the 1,767.48 below it is still an
    N02 警告, a 总计 above it quiet."""
    spending = with_paragraph(XIAOLIN, 6, "支出总计1,867.48万元", "支出总计1,767.48万元")
    income = with_paragraph(XIAOLIN, 5, "收入总计1,867.48万元", "收入总计1,767.48万元")
    no_deng = with_paragraph(income, 5, "动用预算稳定调节基金等1,756.37万元", "动用预算稳定调节基金1,756.37万元")
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), spending, 6)
        assert _at(Path(d), income, 5) == [("N02", "warning")]
        assert _at(Path(d), XIAOLIN, 5) == [] and _at(Path(d), XIAOLIN, 6) == []
        assert _at(Path(d), no_deng, 5) == [("N02", "warning")]
        above = with_paragraph(no_deng, 5, "收入总计1,767.48万元", "收入总计1,967.48万元")
        assert _at(Path(d), above, 5) == []
    assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")]
    assert "1867.48万元" in found[0][2] and "1,767.48万元" in found[0][2]


def test_a_deng_list_after_its_level_in_one_sentence_is_certain():
    """Failed at main (quiet): the level printed in the sentence itself, "一般公共预算收入100万元,加上上级补助、上年结转等
    50万元,收入总计140万元" — 100 + 50 = 150 over the 140: an N02 错误 (every part printed, the level by its words); a 总计
    of 160 above them a 警告 (a 总计 may hold an item the list leaves out, as for any 加上 list); 150: quiet."""
    text = "全镇一般公共预算收入100万元,加上上级补助、上年结转等50万元,收入总计{}万元。"
    assert one_paragraph_codes(text.format(140)) == [("N02", "error")]
    assert one_paragraph_codes(text.format(160)) == [("N02", "warning")]
    assert one_paragraph_codes(text.format(150)) == []
