"""Review 29n (issue 12): benign rewrites of real 三公, 人员/编制, project-list, 绩效目标完成 and 收支 paragraphs.

≈ 250 rewrites of paragraphs no earlier review touched (许镇 2020 p1, 杜集 2020/2021, 双桥集 2020 p6/p10, 六安工商联 2021,
鹿寨 2019, 天水幼儿园 2017, 太龙卫生院 2025, 涪陵中心卫生院 2024, 茂名发改 2021, 潼南玉溪 2022, 儋州法院 2018, 云阳大阳小学
2025 p7/p9/p10, 梧州医保 2024 p3/p4, 梧州单位 2023, 龙感湖 2023, 无为 2022, 渑池 2019, 西平 2022, 镜湖 2023, 宁德 2023,
秀屿 2024, 中方 2022, 保山图书馆 2022, 军休 2021, 株洲县 2015, 杨陵 2020, 荷塘 2022, 乌鲁木齐 2023, 余杭 2024, 留坝 2024, 周至
2023, 渠县 2024, 大姚 2024: other units 元/万元/亿元, orders, restated totals, 占比, 完成率, 人均, 同比/比上年, brackets, counts).
Five kinds of false N02 错误 found and closed; each test named "failed before" was run against main (8e4e372f) and gave
the 错误 its docstring quotes:

1. a 其中 part told by where it moved from ("公务接待费由18.5万元降至15.5万元"): the from-level was summed with the year's
   figures as a part of the total — it is where the change started (`facts.FROM_LEVEL`, one pattern with crosscheck's);
2. a base of comparison named by its own item in a new sentence ("预算收入较2024年7976300元减少625400元,下降7.84%"): the
   base, change and rate were the last sentence's 财政专户管理资金收入's — they are the named item's (`facts._item_compared`);
   and "收支预算较2024年…各减少62.54万元": "各减少" is a change, not a 其中 part of the list before the semicolon;
3. a bracket of details opened with 含 ("预算为30.8万元(含公务接待费预算14.8万元,公务用车运行维护费预算16万元),支出决算为
   25.7万元,完成预算的83.44%"): only its first figure was held a detail; the second named the 决算 after the bracket
   (`_State.in_detail`); a bracket opened with 其中 the same: the figure after it is the bracket's whole's (its subject
   restored when the bracket closes);
4. a bare 支出 after a semicolon that closed a 收入's 其中 part ("收入决算500万元,其中上年结转20万元;支出决算480万元,其中基本
   支出400万元,项目支出80万元"): the 480 was 上年结转's and its 其中 were summed against the 20 — it is the books' 支出
   (`facts._part_of_income`);
5. a 其中 after an average ("总投资860万元,平均每个项目71.67万元,其中最大项目投资200万元"): held to the 71.67 as its total —
   a figure of each item (`facts._NO_PART`) is no whole a 其中 splits.
"""

from __future__ import annotations

from test_document_realreport import REPORTS, parsed_toml
from test_document_realreport import one_paragraph_codes as _one

ERROR = [("N02", "error")]


def _paragraph(name: str, n: int) -> str:
    return parsed_toml(REPORTS / f"{name}.toml")["paragraphs"][n - 1]


#: 许镇 2020 三公 决算 p1 as published (35.5 = 15.5 + 20; last year's 决算 54 = 18.5 + 35.5).
XUZHEN = _paragraph("anhui-nanling-xuzhen-sangong-2020", 1)
#: 云阳 大阳小学 2025 预算 p9 as published (735.09 = 727.11 + 2 + 5.98 + 0).
YUNYANG = _paragraph("chongqing-yunyang-dayang-xiaoxue-yusuan-2025", 9)
#: 双桥集 2020 三公 决算 p6 as published (25.7 / 30.8 = 83.44%).
SHUANGQIAOJI = _paragraph("anhui-huaiyuan-shuangqiaoji-sangong-2020", 6)

_XUZHEN_RATES = (
    "比上年预算数字下降35.45%,比上年决算数字下降34.26%;其中公务接待费15.5万元,比上年预算数字下降18.42%,比上年决算数字"
    "下降16.22%;公务用车运行维护费20万元,比上年预算数字下降44.44%,比上年决算数字下降43.66%"
)


def test_the_published_paragraphs_are_quiet():
    """A guard (quiet at review29n's parent too): the three paragraphs as published, whose rewrites below were the false
    findings."""
    assert _XUZHEN_RATES in XUZHEN
    assert _one(XUZHEN) == [] and _one(YUNYANG) == [] and _one(SHUANGQIAOJI) == []


def test_a_part_told_from_where_it_moved_counts_once():
    """Failed before (N02 错误 "各组成部分之和（18.5万元 + 15.5万元 + 35.5万元 + 20万元）超过了总数，…应为 89.5万元"): the
    level each part moved from is no part of this year's 35.5."""
    moved = XUZHEN.replace(
        _XUZHEN_RATES,
        "比上年决算数字下降34.26%;其中公务接待费由18.5万元降至15.5万元,公务用车运行维护费由35.5万元降至20万元",
    )
    assert _one(moved) == []
    named_year = "2021年度“三公”经费支出决算8.2万元,其中公务接待费由2020年的3.5万元下降至2.2万元,公务用车运行维护费由5.6万元上升至6万元。"
    assert _one(named_year) == []
    # the levels it moved to are the parts still: over the total, found
    assert _one(moved.replace("降至15.5万元", "降至25.5万元")) == ERROR


def test_a_base_named_by_its_own_item_is_that_items():
    """Failed before (N02 错误 "“事业收入资金”本年数（上年 797.63万元 加增减额 62.54万元…），…应为 735.09万元，文字写 0.00万元";
    in 元, "“财政专户管理资金收入”与2024年相比的增减率（625400元 / 2024年 685200元），…应为 91.27%"): the 2024 figure the
    sentence names is 预算收入's, as its change and rate are (62.54 / 797.63 = 7.84%)."""
    stated = YUNYANG.replace("预算收入较2024年减少62.54万元", "预算收入较2024年797.63万元减少62.54万元,下降7.84%")
    assert _one(stated) == []
    in_yuan = (
        "(一)收入预算:2025年年初预算数7350900元,其中:一般公共预算拨款7271100元,政府性基金预算拨款20000元,财政专户管理资金"
        "收入59800元。预算收入较2024年7976300元减少625400元,下降7.84%。"
    )
    assert _one(in_yuan) == []
    assert (
        _one(YUNYANG.replace("预算收入较2024年减少62.54万元", "支出预算较2024年797.63万元减少62.54万元,下降7.84%"))
        == []
    )


def test_a_change_of_each_is_no_part_of_the_list_before():
    """Failed before (N02 错误 "“收入”的各组成部分之和（727.11万元 + 5.98万元 + 62.54万元）超过了总数"): "各减少62.54万元" after a
    semicolon is the 收支's change, not a third part of the 735.09."""
    text = (
        "2025年收入预算735.09万元,其中一般公共预算拨款727.11万元,财政专户管理资金收入5.98万元;收支预算较2024年797.63万元"
        "各减少62.54万元,下降7.84%。"
    )
    assert _one(text) == []


def test_every_figure_in_a_bracket_of_details_is_a_detail():
    """Failed before (N02 错误 "“公务用车运行维护费”完成预算的比例（决算 25.7万元 / 预算 16万元），…应为 160.63%"): the 决算 and
    its rate after the bracket are the 三公's, as the bracket's first figure already was."""
    detailed = SHUANGQIAOJI.replace(
        "支出预算为30.8万元,", "支出预算为30.8万元(含公务接待费预算14.8万元,公务用车运行维护费预算16万元),"
    )
    assert _one(detailed) == []
    # the 三公's own rate is checked: a wrong one is found
    assert _one(detailed.replace("完成预算的83.44%", "完成预算的73.44%")) == ERROR


def test_a_figure_after_a_bracket_of_parts_is_the_wholes():
    """Failed before (the same N02 错误 "“公务用车运行维护费”完成预算的比例（决算 25.7万元 / 预算 16万元）…"): a bracket
    opened with 其中 splits the 30.8; the 决算 after it names no item and is the 三公's, as a change there already was."""
    parts = SHUANGQIAOJI.replace(
        "支出预算为30.8万元,", "支出预算为30.8万元(其中公务接待费14.8万元,公务用车运行维护费16万元),"
    )
    assert _one(parts) == []
    assert _one(parts.replace("完成预算的83.44%", "完成预算的73.44%")) == ERROR
    # the bracket's parts are summed still: over the 30.8, found
    assert _one(parts.replace("公务用车运行维护费16万元", "公务用车运行维护费26万元")) == ERROR


def test_a_bare_spending_after_an_incomes_part_is_the_books():
    """Failed before (N02 错误 "“上年结转”的各组成部分之和（400万元 + 80万元）超过了总数，…应为 480万元，文字写 20万元"): after
    the semicolon, 支出决算 is the unit's, split by its own 其中 (军休 2021 p1/p5's 收支, in one sentence)."""
    text = "2023年度收入决算500万元,其中上年结转20万元;支出决算480万元,其中基本支出400万元,项目支出80万元。"
    assert _one(text) == []
    assert _one(text.replace("支出决算480万元", "支出480万元")) == []
    # the 支出's own split is checked: over it, found against the 480
    assert _one(text.replace("项目支出80万元", "项目支出90万元")) == ERROR
    # without the semicolon the part's own spending may follow ("其中上年结转20万元,支出15万元"): read as before
    assert _one("2023年度收入决算500万元,其中上年结转20万元,支出15万元。") == []


def test_an_average_is_no_whole_a_qizhong_splits():
    """Failed before (N02 错误 "“平均每个项目”的“其中”一项（最大项目投资 200万元）超过了总数"): the 200 is one of the 860's."""
    text = "2023年共实施项目12个,总投资860万元,平均每个项目71.67万元,其中最大项目投资200万元。"
    assert _one(text) == []
    # the list after the average is the 860's: over it, found
    over = "2023年共实施项目12个,总投资860万元,平均每个项目71.67万元,其中基础设施类400万元,产业发展类300万元,公共服务类260万元。"
    assert _one(over) == ERROR
