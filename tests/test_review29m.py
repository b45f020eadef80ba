"""Review 29m (issue 12): benign rewrites of real 执行率, 部门收支, 结转结余, 政府采购, 资产, 人均/每户, 覆盖率, 得分 and
绩效目标完成 paragraphs of fixtures review29n did not use.

≈ 270 rewrites (六安公共文化 2021 p2, 丰都发改 2024 p6, 宣州化工园区 2023 p6, 丰都富景 2022 p6, 古龙卫生院 2023 p10–p12, 南县政协
2021 p6, 衡阳住建 2019 p6–p8, 綦江公路 2023 p17, 大余法院 2018 p10, 西湖镇 2024 p11, 普陀 各局 政府采购, 梧州科普 2023 p4/p5,
梧州民政 2025 p4, 酒厂扶贫 2020 p4, 忠县金盛 2022 p7, 保山森林防火 2021 p5, 永定图书馆 2017 p10 and paragraphs in their
style: other units, orders, restated totals, 分别 lists, brackets, semicolons, sentences split). Three kinds of false N02
错误 and two of false N02 警告 found and closed; each test named "failed before" was run against main (765e4e32) and gave the
finding its docstring quotes:

1. a comparison naming no item after a 其中 list ("收入合计192.01万元,其中…事业收入78.3万元,较上年219.32万元减少27.31万元"):
   held to the last part only — it may be the whole's, and then it is consistent (`stated_changes._the_wholes`);
2. an asset's cost and depreciation in a 其中 list ("资产总额…,其中固定资产原值…,累计折旧…,固定资产净值…"): summed with the
   net value as parts — the books hold the net value only (`facts._GROSS_OR_WRITTEN_OFF`);
3. (警告) the excess over a target read as the actual ("计划120公里,超额完成6公里,完成率105%"): `indicator_arith._BEYOND_TARGET`;
4. (警告) a change against a named budget taken off the adjusted budget again ("调整后预算180万元,比年初预算减少20万元;
   实际支出179.43万元,执行率99.68%"): it is the two budgets' difference, no cut (`funds_arith._budget_readings`);
5. a narrower kind after a broader one in a 其中 list ("其中授予中小企业…;授予小微企业…"): summed as siblings — it is a part
   of the broader one's figure (`facts._NARROWER_KINDS`).
"""

from __future__ import annotations

from test_document_realreport import REPORTS, parsed_toml
from test_document_realreport import one_paragraph_codes as _one

ERROR = [("N02", "error")]
WARNING = [("N02", "warning")]

#: 古龙卫生院 2023 决算 p10 as published (113.68 + 78.3 = 192.01 at the printed precision; last year 192.01 + 27.31).
GULONG = parsed_toml(REPORTS / "chongqing-dazu-gulong-weishengyuan-juesuan-2023.toml")["paragraphs"][9]
_GULONG_CHANGE = "较上年决算数减少27.31万元,下降12.5%,"
_GULONG_PARTS = "其中: 财政拨款收入113.68万元,占59.2%;事业收入78.3万元,占40.8%"


def test_the_published_paragraph_is_quiet():
    """A guard (quiet at review29m's parent too): 古龙 as published, whose rewrites below were the false findings."""
    assert _GULONG_CHANGE in GULONG and _GULONG_PARTS in GULONG
    assert _one(GULONG) == []


def test_a_comparison_after_a_list_may_be_the_wholes():
    """Failed before (N02 错误 "“事业收入”本年数（上年 219.32万元 加增减额 27.31万元，增减率 12.45% 与之相符），…应为
    192.01万元，文字写 78.3万元"; without the rate, "“事业收入”与上年相比的增减额（219.32万元 − 78.3万元）…应为 140.99万元"):
    the base names no item, and with the change it gives the 收入合计 — the list's whole."""
    moved = GULONG.replace(_GULONG_CHANGE, "").replace(
        "占40.8%。", "占40.8%,较上年219.32万元减少27.31万元,下降12.45%。"
    )
    assert _one(moved) == []
    assert _one(moved.replace(",下降12.45%", "")) == []
    in_sentences = GULONG.replace(_GULONG_CHANGE, "").replace("占40.8%。", "占40.8%。较上年219.32万元减少27.31万元。")
    assert _one(in_sentences) == []
    # a part's own comparison is checked still: named, or fitting no figure, a wrong change is found
    named = "2023年度收入合计192.01万元,其中财政拨款收入113.68万元,事业收入78.33万元,比上年事业收入70万元增加5.33万元。"
    assert _one(named) == ERROR
    assert _one(named.replace("比上年事业收入70万元", "较上年70万元")) == ERROR


def test_an_assets_cost_and_depreciation_are_no_parts():
    """Failed before (N02 错误 "“资产”的各组成部分之和（860.2万元 + 312.6万元 + 547.6万元）超过了总数"): the books hold the
    fixed assets at 547.6 (= 860.2 − 312.6)."""
    text = "截至2023年12月31日,资产总额1256.34万元,其中固定资产原值860.2万元,累计折旧312.6万元,固定资产净值547.6万元。"
    assert _one(text) == []
    # the net value is a part still: with another part over the total, found
    assert _one(text.replace("547.6万元。", "547.6万元,流动资产908.74万元。")) == ERROR
    # a cost split by its own 其中 is checked
    assert _one("固定资产原值860.2万元,其中房屋500万元,通用设备460.2万元。") == ERROR


def test_an_excess_over_the_target_is_no_actual():
    """Failed before (N02 警告 "完成率（实际 6公里 / 目标 120公里），…应为 5%，文字写 105%")."""
    assert _one("实际完成126公里,计划120公里,超额完成6公里,完成率105%。") == []
    assert _one("计划补助2000人,实际补助1986人,未完成14人,完成率99.3%。") == []
    # the rate is held to the actual and the target: a wrong one is a 警告 still
    assert _one("实际完成126公里,计划120公里,超额完成6公里,完成率115%。") == WARNING


def test_a_change_against_a_named_budget_is_no_cut():
    """Failed before (N02 警告 "“执行率”完成预算的比例（支出 179.43万元 / 预算 180万元 − 20万元），…应为 112.14%")."""
    text = "年初预算200万元,调整后预算180万元,比年初预算减少20万元;实际支出179.43万元,执行率99.68%。"
    assert _one(text) == []
    # a cut named as such is taken off still: a wrong rate over 200 − 20 is a 警告
    assert _one("年初预算200万元,年中调减20万元,实际支出179.43万元,执行率89.68%。") == WARNING


def test_a_narrower_kind_is_no_sibling():
    """Failed before (N02 错误 "“政府采购合同金额”的各组成部分之和（1856.3万元 + 964.2万元）超过了总数"): 小微企业 are 中小企业
    (普陀 决算's 中小企业/小微企业 lines, in a 其中 list)."""
    text = "政府采购合同金额2319.21万元,其中授予中小企业合同金额1856.3万元,占80.04%;授予小微企业合同金额964.2万元,占41.57%。"
    assert _one(text) == []
    # a sibling of another kind is summed still: over the total, found
    assert _one(text.replace("授予小微企业合同金额964.2万元,占41.57%", "授予大型企业合同金额662.91万元")) == ERROR
