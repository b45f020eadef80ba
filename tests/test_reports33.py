"""Real reports 33 (issue 12, session 28): eleven publications perfxl had never seen (tests/realworld/reports: 君山区 2023
预算执行报告 and 沅陵 火场乡 2024 整体支出 (湖南), 宜春 2024 一般公共预算 (江西), 南都's 2024 中央决算 and 财政部's 2024 预算执行
摘要 (中央, traditional), 渝中 两路口街道 2024 决算 (重庆), 红桥区法院 2017 三公 (天津), 平山 下口镇财政所 2025 收支总表 (河北, a
table), 余杭 2024 决算草案 (浙江), 三江 同乐乡卫生院 2025 (广西), 秀屿 2024 乡村振兴示范创建资金 (福建)), measured blind.

First run (blind, main ba5ddcd3): found 1 of 2, false 错误 0, false 警告 0 on the 17 agreeing facts — and one false 警告 on a
paragraph the hand check listed no fact of (南都 p2: "支出141055.9亿元,完成预算的97.9%" held to the sentence before's
收入100462.06亿元, 'should be 140.4%'). Found: 同乐 "比上年增加64.23万元,增长5.7%" (5.99%: N02 错误). Missed: 秀屿 "目前已拨付财政
补助资金1002.2739万元,…实际支出率42.22%" (42.2275% cut) over the 2373.51万元 four sentences before.

Fixed in general here (tests named "failed before" were run against main and failed as their docstring says):
`funds_arith._ACCOUNT` (预算 in an account's or fund's name — 一般公共预算, 政府性基金预算, 预算稳定调节基金 — names no
budget figure, for `_budget_readings` and `_is_budget`), `funds_arith._base_a_sentence_before` (the nearest sentence
before with money, over sentences with no amount or rate) and `funds_arith._PAID_MONEY` (a payment naming its money
after the verb, "已拨付财政补助资金", is spent). Found by probing the batch with one figure changed (20 probes: 7 found
with the fixes above, 10 after): `facts._level_not_rate` (a 其中 list of amounts after a rate read as a value splits
the amount before the rate), `funds_arith._budget_of_no_budget` ("占预算的" after a part of a total that is no budget is the
part's completion, not a share of it) and `count_parts._quota_by_kind` (a 编制 quota split into 编制 is held to it).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, findings_at_paragraph, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at

NANDU = parsed_toml(REPORTS / "zhongyang-nandu-zhongyang-juesuan-2024.toml")
XIUYU = parsed_toml(REPORTS / "fujian-xiuyu-xiangcunzhenxing-shifan-2024.toml")
TONGLE = parsed_toml(REPORTS / "guangxi-sanjiang-tongle-weishengyuan-yusuan-2025.toml")
JUNSHAN = parsed_toml(REPORTS / "hunan-junshan-yusuan-zhixing-baogao-2023.toml")
HUOCHANG = parsed_toml(REPORTS / "hunan-yuanling-huochang-zhengti-2024.toml")
ZHAIYAO = parsed_toml(REPORTS / "zhongyang-caizhengbu-yusuan-zhixing-zhaiyao-2024.toml")

_REVENUE = "中央一般公共预算收入100462.06亿元,为预算的98.1%,比2023年增长0.9%"


def test_revenue_measured_against_its_budget_is_no_base_for_the_spending_after():
    """Failed before (N02 警告 "支出 141055.9亿元 / 预算 100462.06亿元 … 应为 140.4%"): the 收入 (its own rate over the
    budget printed, "为预算的98.1%") was read as the budget of the 支出 in the next sentence by the 预算 of its account's
    name (中央一般公共预算收入): quiet as published."""
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), NANDU, 2) == []


def test_a_budget_in_the_sentence_before_is_still_the_spendings_base():
    """The reading is no blanket silence: with a 支出预算 in the sentence before, the 支出's 完成预算的97.9% is held to it —
    141055.9 / 144080 = 97.90% agrees (quiet), 141055.9 / 147000 = 95.96% does not (a pairing by place: 警告)."""
    agrees = with_paragraph(NANDU, 2, _REVENUE, "中央一般公共预算支出预算144080亿元")
    short = with_paragraph(NANDU, 2, _REVENUE, "中央一般公共预算支出预算147000亿元")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), agrees, 2) == []
        found = findings_at_paragraph(Path(d), short, 2)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")]
    assert "147000" in found[0][2] and "应为 96%" in found[0][2]  # 95.96% at the printed one place


def test_a_payment_rate_over_the_fund_sentences_before_is_read():
    """Failed before (quiet): "…专项资金共计2373.51万元,执行率100%。" then two sentences of counts and one with no figure,
    then "目前已拨付财政补助资金1002.2739万元,…,实际支出率42.22%": 1002.2739 / 2373.51 = 42.2275% → 42.23%, the printed
    42.22% cut (a 警告: paired by place across sentences). With 42.23% printed: quiet."""
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), XIUYU, 4)
        fixed = with_paragraph(XIUYU, 4, "实际支出率42.22%", "实际支出率42.23%")
        assert _at(Path(d), fixed, 4) == []
    assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")]
    assert "1002.2739" in found[0][2] and "2373.51" in found[0][2] and "42.23%" in found[0][2]


def test_a_sentence_with_a_rate_between_stops_the_reach_back():
    """Only sentences with no amount or rate are passed over: a rate of another thing between the fund and the payment
    ("…,合格率98%。") ends the reach — the payment's rate is not paired with the fund before it (quiet)."""
    between = with_paragraph(XIUYU, 4, "目前已基本完成当年度任务。", "目前已基本完成当年度任务,验收合格率98%。")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), between, 4) == []


def test_a_change_rate_over_this_years_total_is_an_error():
    """Found on the first run, kept: "总收入1135.8万元,比上年增加64.23万元,增长5.7%": last year 1071.57, 64.23 / 1071.57 =
    5.99% → 6.0%; the printed 5.7% is 64.23 / 1135.8 (this year's total as the base): 错误, naming last year's level."""
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), TONGLE, 21)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
    assert "1071.57" in found[0][2] and "5.7%" in found[0][2]


def test_a_qizhong_after_a_rate_splits_the_amount_before_the_rate():
    """Failed before (quiet): "收入预计完成5.02亿元,预算的102.7%,同比增长20.5%。 其中:地方税收收入3.54亿元,…;非税收入
    1.58亿元,…" — the list was read as the 102.7%'s (a rate read as a value), so 3.54 + 1.58 = 5.12 over 5.02 went unread;
    the parts are the 5.02's: an 错误. As published (1.48): quiet — and each part's "占预算的103.4%" is its own budget's
    completion, never a share of the 5.02 (the total's 一般公共预算 is its account's name, no budget)."""
    over = with_paragraph(JUNSHAN, 13, "非税收入1.48", "非税收入1.58")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), JUNSHAN, 13) == []
        found = findings_at_paragraph(Path(d), over, 13)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
    assert "3.54亿元 + 1.58亿元" in found[0][2] and "5.02亿元" in found[0][2]


def test_a_quota_split_into_quotas_is_held_to_it():
    """Failed before (quiet): "编制人数为65人(其中行政编制31人,事业编制35人)" — a 编制 is a quota the staff may exceed, but
    parts that are themselves 编制 share the quota out: 66 over 65 is a 警告 (a split read by its names). As published
    (30 + 35 = 65): quiet; a quota over its staff ("编制人数为65人(其中在职70人…)") stays unread as before."""
    over = with_paragraph(HUOCHANG, 6, "行政编制30人", "行政编制31人")
    staff = with_paragraph(HUOCHANG, 6, "(其中行政编制30人,事业编制35人)", "(其中在职人员40人,退休人员30人)")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), HUOCHANG, 6) == []
        assert _at(Path(d), staff, 6) == []
        found = findings_at_paragraph(Path(d), over, 6)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")]
    assert "31人" in found[0][2] and "65人" in found[0][2]


def test_a_budget_accounts_name_is_no_budget():
    """Failed before (N02 警告 "支出 284612.25亿元 / 预算 25410.5亿元", "… / 预算 900亿元 + 5000亿元"): with its sentences
    joined by commas, the 摘要's "加上从预算稳定调节基金、政府性基金预算…调入资金…25410.5亿元,收入总量为…,全国一般公共预算
    支出284612.25亿元,完成预算的99.7%" held the 支出 to money named by the accounts it came from — 预算 in a name
    (一般公共预算, 政府性基金预算, 预算稳定调节基金) names no budget figure: quiet."""
    joined = {**ZHAIYAO, "paragraphs": [t.replace("。", "，").rstrip("，") + "。" for t in ZHAIYAO["paragraphs"]]}
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), joined, 7) == []
        assert _at(Path(d), joined, 9) == []
