"""Review 29p (issue 12): adversarial rewrites of prose29's and review29n's new readings (≈ 140 rewrites of real
paragraphs, each run at main 765e4e32 and at 8e4e372f before both). Each test named "failed at main" was run against
main 765e4e32 and failed as its docstring says.

1. prose29's `part_scope._another_level` set apart every 其中 part naming a level wider than its total's ("全镇获得财政
   衔接资金共1077.56万元,其中:中央专项衔接资金630.2万元,省级专项衔接资金429.36万元,市级资金18万元", 儋州 镇 20xx p4):
   a 省级/市级 fund in a county's or town's money is where it came from, a part — a planted excess went quiet. A wider
   level is set apart only as that level's whole ("…;全市…收入284.1亿元") or where a whole before names it.
2. prose29's `funds_arith._splits_a_part_before` skipped the whole list when a later 其中 sentence made a part before
   it: the parts before it are the whole's still, and checked alone.
3. review29n's `facts.FROM_LEVEL` missed a from-level named by its stage ("由2020年度决算数3.5万元下降至2.2万元"): the
   3.5 was summed as a part of the year's total, a false 错误.
4. A rate after a change stated against its own base ("财政拨款收入较2024年700万元增加27.11万元,增长3.87%") was held to
   the total's level minus the change (a false 错误 at both commits); with review29n's `_item_compared` and no level of
   the item read ("预算收入较2024年797.63万元减少52.54万元,下降7.84%") it was not checked at all: the rate is the change
   over the stated base (`funds_arith._item_base`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from test_document_realreport import REPORTS, findings_at_paragraph, parsed_toml
from test_document_realreport import one_paragraph_codes as _one

ERROR = [("N02", "error")]

#: 儋州 镇 衔接资金 20xx p4 (hainan-danzhou-zhen-xianjie-20xx.toml): 630.2 + 429.36 + 18 = 1077.56.
DANZHOU = parsed_toml(REPORTS / "hainan-danzhou-zhen-xianjie-20xx.toml")["paragraphs"][3]
_DANZHOU_SUM = (
    "20xx年我镇获得财政衔接资金共1077.56万元,其中:中央专项衔接资金630.2万元,省级专项衔接资金429.36万元,市级资金18万元"
)


def test_the_published_paragraph_agrees():
    """A guard (quiet at review29p's parent too): 儋州 p4 as published, before the rewrites below change its figures."""
    assert _DANZHOU_SUM in DANZHOU and _one(DANZHOU) == []


@pytest.mark.parametrize("level", ["全镇", "镇级"])
def test_a_wider_levels_fund_is_a_part_of_a_narrower_total(level):
    """Failed at main (quiet): 儋州 p4 with its total named by its level and 省级 10万元 over — 省级 and 市级 money was set
    apart as another level's, and the excess (1087.56 over 1077.56) went unsaid. Agreeing, quiet."""
    named = DANZHOU.replace("我镇", level)
    assert _one(named) == []
    assert _one(named.replace("429.36", "439.36")) == ERROR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 省级/市级 money in a county's total, no whole of those levels named: parts (each quiet at main)
        (
            "2023年全县衔接推进乡村振兴补助资金共计5000万元,其中中央资金3000万元,省级资金1500万元,市级资金800万元。",
            ERROR,
        ),
        ("全县财政总收入50亿元,其中省级补助收入30亿元,市级补助收入25亿元。", ERROR),
        ("全县项目总投资1000万元,其中中央预算内资金600万元,省级资金300万元,县级配套资金200万元。", ERROR),
        ("全县项目总投资1000万元,其中中央预算内资金600万元,省级资金300万元,县级配套资金100万元。", []),
        # a whole of the wider level named before: which total a part belongs to is unsaid, still set apart (prose29)
        (
            "全市获得衔接资金5000万元,全县获得衔接资金1077.56万元,其中:中央资金630.2万元,省级资金429.36万元,市级资金18万元。",
            [],
        ),
        (
            "全县一般公共预算收入10.5亿元,其中:县级税收收入7.1亿元;全市一般公共预算收入284.1亿元,其中市级税收收入162.2亿元,"
            "市级非税收入121.9亿元。",
            [],
        ),
    ],
)
def test_wider_levels_nearby_rewrites(text, expected):
    assert _one(text) == expected


def test_the_parts_before_a_split_of_one_of_them_are_still_checked():
    """Failed at main (quiet): 284.1 + 150 over the 420.5 in the first sentence — the 其中 sentence after the whole's rate
    splits the 284.1 (prose29's reading kept), which no longer hides the first list's excess."""
    text = (
        "全市财政总收入420.5亿元,同比增长5%。其中一般公共预算收入284.1亿元,政府性基金收入150亿元。财政总收入完成预算的98%。"
        "其中:税收收入162.2亿元,非税收入121.9亿元。"
    )
    assert _one(text) == ERROR
    assert _one(text.replace("150亿元", "136.4亿元")) == []


def test_a_from_level_named_by_its_stage_is_where_the_change_started():
    """Failed at main (N02 错误 "“三公经费”的各组成部分之和（3.5万元 + 2.2万元 + 6万元）超过了总数"): 3.5 is the 2020 决算
    the 接待费 moved from. The levels it moved to are the parts still: over the 8.2, found (named alone: at main 3.5 was
    summed too)."""
    text = (
        "2021年度“三公”经费支出决算8.2万元,其中公务接待费由2020年度决算数3.5万元下降至2.2万元,公务用车运行维护费由上年决算"
        "5.6万元上升至6万元。"
    )
    assert _one(text) == []
    assert _one(text.replace("由2020年度决算数", "由2020年度预算数")) == []
    planted = text.replace("下降至2.2万元", "下降至3.2万元").replace("由上年决算5.6万元", "由5.6万元")
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), {"paragraphs": [planted]}, 1)
    assert [(c, s) for c, s, _ in found] == ERROR and "（3.2万元 + 6万元）" in found[0][2]


#: 云阳 大阳小学 2025 p9's figures (chongqing-yunyang-dayang-xiaoxue-yusuan-2025.toml), an item compared with its own base.
_ITEM = "2025年收入预算735.09万元。财政拨款收入较2024年700万元增加27.11万元,增长3.87%。"


def test_a_rate_over_a_stated_base_is_the_change_over_it():
    """Failed at main (N02 错误 "“收入”与2024年相比的增减率（27.11万元 / 2024年 707.98万元）…应为 3.83%"): 27.11 / 700 is
    3.87% — the base the sentence states, not 735.09 − 27.11. A wrong rate over it is found."""
    assert _one(_ITEM) == []
    assert _one(_ITEM.replace("。财政", "。本年财政").replace("增长3.87%。", "增长3.87%,主要是人员经费增加。")) == []
    assert _one(_ITEM.replace("3.87%", "4.87%")) == ERROR
    # a bracket on the base ("700万元(含追加)"): still the base the change is measured from (an 错误 at main)
    assert _one(_ITEM.replace("700万元", "700万元(含追加)")) == []
    assert _one(_ITEM.replace("700万元", "700万元(含追加)").replace("3.87%", "4.87%")) == ERROR


def test_an_items_base_change_and_rate_are_checked_without_its_level():
    """Failed at main (quiet): review29n reads the 797.63 as 预算收入's, which has no level of its own in the paragraph,
    so 52.54 / 797.63 = 6.59% against the printed 7.84% went unchecked."""
    head = "(一)收入预算:2025年年初预算数735.09万元,其中:一般公共预算拨款727.11万元,财政专户管理资金收入7.98万元。"
    assert _one(head + "预算收入较2024年797.63万元减少62.54万元,下降7.84%。") == []
    assert _one(head + "预算收入较2024年797.63万元减少52.54万元,下降7.84%。") == ERROR
    assert _one(head + "预算收入较2024年797.63万元减少62.54万元,下降8.84%。") == ERROR


@pytest.mark.parametrize(
    "text",
    [
        # a wider level's own figure after a semicolon (X级/X本级 收入, not its fund): no part of the county's, as at main
        "全县一般公共预算收入10.5亿元,其中税收收入7.1亿元;市级一般公共预算收入120.2亿元,其中税收收入80.2亿元,非税收入40亿元。",
        "全县一般公共预算收入10.5亿元,其中税收收入7.1亿元;市本级一般公共预算收入120.2亿元,其中税收收入80.2亿元,非税收入40亿元。",
        "全区一般公共预算收入30亿元,其中税收收入20亿元;市本级在我区实现收入12亿元。",
    ],
)
def test_a_wider_levels_own_figure_stays_apart(text):
    """Found on the way (a first fix made these N02 错误): only a fund or transfer named after "X级" is a part."""
    assert _one(text) == []
