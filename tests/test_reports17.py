"""Real reports 17 (issue 12, session 15): five published 项目 / 专项资金 绩效自评报告 perfxl had never seen
(tests/realworld/reports: 保山 关心下一代 2017 (云南), 红河州第二人民医院 基本公卫 州级补助 2023 (云南), a 海南 school's 学生资助
2016, 桂阳 四好农村公路 20xx (湖南), 谢家集 衔接资金 2024 (安徽)), measured blind. None of the stored copies holds a table.

First run (blind): found 0 of 0, no false 错误, no false 警告 on the 17 agreeing facts (no finding at all). The one
contradiction the hand check found (桂阳: p4 下达 173.65万元 against p10 "174万元全部到位…使用率100%") lies across two
paragraphs in different words: [[expect_other]], as 无为's. Probing the batch's own paragraphs with one figure changed
found two shapes nothing read, fixed in general here: a fund named by its kind opening the sentence ("…州级补助资金2.00万元,
…资金已使用2.00万元,结余0万元,资金执行率100%") is the whole its use, 结余 and rate are told of; "支付16万元" is a spending.
Tests named "failed before" were run against the branch before the fix and failed as their docstring says.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import with_paragraph as _with

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"
HONGHE = tomllib.loads((REPORTS / "yunnan-honghe-eryuan-gongwei-2023.toml").read_text(encoding="utf-8"))
BAOSHAN = tomllib.loads((REPORTS / "yunnan-baoshan-guanxinxiayidai-2017.toml").read_text(encoding="utf-8"))


def test_a_rate_over_the_fund_opening_its_sentence(tmp_path):
    """Failed before: [] — "州级补助资金2.00万元,…资金已使用2.00万元,…资金执行率90%": no budget word, so the rate had no
    base; the fund the sentence opens with is the whole it is told of (2.00 / 2.00 = 100%). A judgement (paired by place)."""
    wrong = _with(HONGHE, 8, "资金执行率100%", "资金执行率90%")
    assert _at(tmp_path, wrong, 8) == [("N02", "warning")]
    assert _at(tmp_path, HONGHE, 8) == []


def test_a_remainder_of_the_fund_opening_its_sentence(tmp_path):
    """Failed before: [] — "补助资金2.00万元,…已使用2.00万元,结余0.20万元": 2.00 − 2.00 = 0, not 0.20."""
    wrong = _with(HONGHE, 8, "结余0万元", "结余0.20万元")
    assert _at(tmp_path, wrong, 8) == [("N02", "warning")]
    # the used amount changed with the remainder kept right: only the rate is wrong (1.80 / 2.00 = 90%)
    used = _with(HONGHE, 8, "资金已使用2.00万元,结余0万元", "资金已使用1.80万元,结余0.20万元")
    assert _at(tmp_path, used, 8) == [("N02", "warning")]
    agrees = _with(used, 8, "资金执行率100%", "资金执行率90%")
    assert _at(tmp_path, agrees, 8) == []


def test_sources_are_no_one_fund(tmp_path):
    """Not a base: two funds before the spending ("中央资金5.00万元,省级资金3.00万元,已支出8.00万元,执行率100%" — 8 of 5 + 3),
    money arrived (到位资金: the rate is over the budget, issue 11), or a fund in the middle of its sentence."""
    for text in (
        "中央资金5.00万元,省级资金3.00万元,已支出8.00万元,执行率100%。",
        "到位资金5.00万元,已支出4.00万元,执行率100%。",
        "截至年底,已支出4.00万元,执行率100%,结余资金1.00万元。",
    ):
        fixture = {"paragraphs": [text], "tables": []}
        assert _at(tmp_path, fixture, 1) == [], text


def test_a_payment_is_a_spending(tmp_path):
    """Failed before: [] — "财政预算项目资金16万元,支付16万元,执行率90%": 支付 was no spending word (支出/使用/拨付 were)."""
    wrong = _with(BAOSHAN, 9, "支付16万元。", "支付16万元,执行率90%。")
    assert _at(tmp_path, wrong, 9) == [("N02", "warning")]
    agrees = _with(BAOSHAN, 9, "支付16万元。", "支付16万元,执行率100%。")
    assert _at(tmp_path, agrees, 9) == []


GUIYANG = tomllib.loads((REPORTS / "hunan-guiyang-sihaonongcungonglu-20xx.toml").read_text(encoding="utf-8"))


def test_a_use_rate_of_the_funds_is_an_execution_rate(tmp_path):
    """Failed before: [] — "预算174万元,全部到位,使用163.65万元,使用率100%": 使用率 was no rate of the money spent, so
    163.65 / 174 = 94% went unchecked; bare or of the funds (资金使用率) it is one, as 支付率 is."""
    spent = _with(GUIYANG, 10, "全部到位并当年“四好农村公路”建设工程,使用率100%", "全部到位,使用163.65万元,使用率100%")
    assert _at(tmp_path, spent, 10) == [("N02", "warning")]
    agrees = _with(spent, 10, "使用率100%", "使用率94%")
    assert _at(tmp_path, agrees, 10) == []
    # an indicator's 使用率 is no rate of the money: "设备使用率100%"
    device = _with(spent, 10, "使用率100%", "设备使用率100%")
    assert _at(tmp_path, device, 10) == []
    # the published paragraph (no amount used) stays quiet
    assert _at(tmp_path, GUIYANG, 10) == []
