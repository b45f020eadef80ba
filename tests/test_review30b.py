"""Review 30b (issue 12): an adversarial false-finding hunt on session 30's narrative rules — prose30's from-level
changes ("由X降至Y,减少Z"), fix30b's 其中 after a closed bracket, review30's balances — by ≈ 130 consistent rewrites of
the real paragraphs those rules came from (鹤城 2024 p8, 红桥法院 2017 p4–p7, 渠县 2024 p7, 楚雄 上半年 p2, 甘谷 2024 p10,
大姚 2024 p3): brackets by source before a 其中 by use, brackets with a share or a change after them, from-levels named as
a budget or another year with the change on last year, lists of changes holding a 降至 level, a 上年结余 after a chain
taken off. Each test named "failed at main" gave the false N02 错误 its docstring quotes at main f38d97ec:

1. "由年初预算18.5万元降至决算15.5万元,比上年减少4万元": the change names a base of its own (last year's), not the
   from-level — held to 18.5 − 15.5 (`stated_changes._from_levels_base`);
2. "…(其中结转下年支出10277万元,占3.1%),其中,…" and "…(其中…),比上年增加50万元,其中,…": a share of the bracket's part or
   the whole's change between the bracket and the 其中 — the list after it was held to the bracket's part, or summed with
   the bracket's parts (`facts._of_closed_bracket`);
3. "三公经费减少4万元,其中公务接待费由18.5万元降至15.5万元,公务用车运行费减少1万元": the level a change ended at read as
   a part of the whole's change (15.5 + 1 over the 4);
   "增至"/"压减至" now end a from-level as "增加到"/"降至" do (`facts.TO_LEVEL`);
4. "收入总计451227万元,减支出总计425533万元,上年结余20000万元": a 结余 brought in from last year read as the chain's
   remainder (`added_totals._OPENING`).
"""

from __future__ import annotations

import pytest
from test_document_realreport import one_paragraph_codes

ERROR = [("N02", "error")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each failed at main (N02 错误 "“公务接待费…”与变动前相比的增减额（18.5万元 − 15.5万元），…应为 3万元")
        ("公务接待费由年初预算18.5万元降至决算15.5万元,比上年减少4万元。", []),
        ("公务接待费由预算数18.5万元降至15.5万元,比上年决算减少1万元。", []),
        ("公务接待费由2022年的18.5万元降至2024年的15.5万元,比2023年减少1万元。", []),
        # no base named by the from-level: which one the change is on is open
        ("公务接待费由18.5万元降至15.5万元,比上年减少4万元。", []),
        # the change on the base the from-level's words name, or on none: still held to X − Y
        ("公务接待费由上年的18.5万元降至15.5万元,比上年减少4万元。", ERROR),
        ("公务接待费由去年的18.5万元降至15.5万元,同比减少4万元。", ERROR),
        ("2024年公务接待费由2023年的18.5万元降至15.5万元,比2023年减少4万元。", ERROR),
        ("公务接待费由18.5万元降至15.5万元,减少4万元。", ERROR),
        ("公务接待费由上年的18.5万元降至15.5万元,比上年减少3万元。", []),
    ],
)
def test_a_change_naming_its_own_base_is_not_held_to_the_from_level(text, expected):
    assert one_paragraph_codes(text) == expected


#: 鹤城 2024 p8's list of the 334959 as published; {} is its last part (10277 as printed).
HECHENG = (
    "全区支出合计334959万元{},其中,一般公共预算支出287975万元,上解上级支出12285万元,调出资金5930万元,债务还本支出"
    "18400万元,安排预算稳定调节基金92万元,结转下年支出{}万元。"
)
PROJECT = "全县项目支出500万元(其中省级资金300万元、县级资金200万元),比上年增加50万元,其中,{}。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # failed at main (N02 错误 "…应为 10277万元" against the bracket's part): the part's share between
        (HECHENG.format("(其中结转下年支出10277万元,占3.1%)", 10277), []),
        (HECHENG.format("(其中结转下年支出10277万元,占3.1%)", 10377), ERROR),
        # failed at main (N02 错误 "…（300万元 + 200万元 + 30万元 + 20万元）超过了总数"): the whole's change between
        (PROJECT.format("基建项目增加30万元,运转项目增加20万元"), []),
        (PROJECT.format("基建项目350万元,运转项目150万元"), []),  # failed at main: 300 + 200 + 350 + 150
        (PROJECT.format("基建项目350万元,运转项目250万元"), ERROR),  # the list after the bracket over the whole
    ],
)
def test_a_share_or_change_after_the_bracket_leaves_the_qizhong_to_the_whole(text, expected):
    assert one_paragraph_codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # failed at main (N02 错误 "“三公经费减少”的各组成部分之和（15.5万元 + 1万元）…应为 16.5万元")
        ("三公经费减少4万元,其中公务接待费由18.5万元降至15.5万元,公务用车运行费减少1万元。", []),
        # a list of levels keeps the level it ended at (prose30)
        ("“三公”经费支出30万元,其中公务接待费由18.5万元降至15.5万元,减少3万元,公务用车运行维护费14.5万元。", []),
        ("2024年项目资金500万元,其中基建项目由400万元降至350万元,运转项目250万元。", ERROR),
        # failed at main: "增至"/"压减至" were no to-level words (N02 错误 "（80万元 + 95万元）超过了总数", "（800万元 +
        # 1000万元 + 400万元 + 500万元）"): the from-level and the to-level both summed as parts
        ("项目支出增加15万元,其中基建项目由80万元增至95万元,运转项目持平。", []),
        ("资产总额增加300万元,其中固定资产由800万元增至1000万元,流动资产由400万元增至500万元。", []),
        ("资产总额由1200万元增至1500万元,其中固定资产由800万元增至1000万元,流动资产由400万元增至500万元。", []),
        # and the change after them held to their difference (quiet at main)
        ("项目支出由80万元增至95万元,增加25万元。", ERROR),
        ("公务接待费由18.5万元压减至15.5万元,减少4万元。", ERROR),
        ("项目支出由80万元增至95万元,增加15万元。", []),
    ],
)
def test_the_level_a_change_ended_at_is_no_part_of_a_change(text, expected):
    assert one_paragraph_codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each failed at main (N02 错误 "“上年结余”（451227万元 − 425533万元），…应为 25694万元")
        ("收入总计451227万元,减支出总计425533万元,上年结余20000万元。", []),
        ("收入总计451227万元,减支出总计425533万元,年初结余20000万元。", []),
        # the year's own 结余 is still held
        ("收入总计451227万元,减支出总计425533万元,年末结余20000万元。", ERROR),
    ],
)
def test_a_balance_brought_in_is_not_what_the_chain_leaves(text, expected):
    assert one_paragraph_codes(text) == expected
