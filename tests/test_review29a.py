"""Session 29 (review29a): benign rewrites of real 财政 paragraphs against reports35/36's readings (issue 12).

Each variant is a real paragraph (楚雄 上半年 p2, 彭水 2022 p9, 三亚 2021 p6) or its sentence shape with one change a
report may well print, still consistent; each gave a false N02 on main (39a9a600) and is quiet now, the reading kept:

1. "增长19.6%,高于序时进度(50%)12.9个百分点": a bracketed rate not named a rise (a progress, a share) is another
   rate's comparison — `rate_gaps` reads only a bracket its name calls a rise (增幅/增速/增长).
2. "…后,收入总计84.65亿元,其中含上年结转3.52亿元": a total said after a comma to include more (`_INCLUDES_MORE`).
3. "收入117.1亿元,其中市本级收入40.2亿元,加上…,市本级总收入…": the total's scope is a 其中 part's, not the level's.
4. "加上…,全县财力总收入87.84亿元,全县财政总收入60亿元": a total among the items closed the list before it.
5. "政府性基金收入…。加上…,一般公共预算总收入…" or "上年结转收入3.52亿元。加上…": a level by place of another
   budget, or naming no budget (an item the total adds up), is no level (`added_totals._level`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at

ERROR, WARNING = [("N02", "error")], [("N02", "warning")]

CHUXIONG = parsed_toml(REPORTS / "yunnan-chuxiong-shangbannian-shouzhi.toml")
PENGSHUI = parsed_toml(REPORTS / "chongqing-pengshui-yusuan-zhixing-2022.toml")
SANYA_P6 = parsed_toml(REPORTS / "hainan-sanya-caizheng-juesuan-2021.toml")["paragraphs"][5]


def _codes(text: str) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as d:
        return _at(Path(d), {"paragraphs": [text]}, 1)


def test_a_bracketed_rate_not_named_a_rise_is_not_the_rises_comparison():
    """Failed at main (N02 错误 ×2): 楚雄's 完成预算 rates compared with the 序时进度 right after the rise ("完成预算的57.8%,
    增长19.9%,高于序时进度(50%)7.8个百分点,高于全省平均增幅(11%)…") — 7.8 is 57.8 − 50, not the rise's gap; the chained
    增幅 comparisons after it are still held (5.4 as 5.9 found)."""
    progress = with_paragraph(CHUXIONG, 2, "增长19.9%,", "增长19.9%,高于序时进度(50%)7.8个百分点,")
    progress = with_paragraph(progress, 2, "增长19.6%,", "增长19.6%,高于序时进度(50%)12.9个百分点,")
    wrong = with_paragraph(progress, 2, "(14.5%)5.4个百分点", "(14.5%)5.9个百分点")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), progress, 2) == []
        assert _at(Path(d), wrong, 2) == ERROR
    assert _codes("税收收入占一般公共预算收入的比重为75%,同比增长2%,高于全省平均水平(70%)5个百分点。") == []
    assert _codes("税收收入增长12%,高于全省平均增速(10%)5个百分点。") == ERROR


def test_a_gap_printed_as_a_bound_is_not_the_gap():
    """Failed at main (N02 错误): 楚雄 p2's first gap printed as a bound, "高于全省平均增幅(11%)5个百分点以上" (19.9 − 11 =
    8.9 is above 5): no gap to hold; the next one in the chain still is."""
    bound = with_paragraph(CHUXIONG, 2, "(11%)8.9个百分点", "(11%)5个百分点以上")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), bound, 2) == []
        assert _at(Path(d), with_paragraph(bound, 2, "(14.5%)5.4个百分点", "(14.5%)5.9个百分点"), 2) == ERROR


def test_a_total_among_the_added_items_closes_the_list():
    """Failed at main (N02 错误): "加上上级补助收入45.54亿元,全县财力总收入87.84亿元,全县财政总收入60亿元" — the second
    total is no sum of the level, the 补助 and the first total; the first is still held."""
    text = "全县一般公共预算收入42.3亿元,加上上级补助收入45.54亿元,全县财力总收入87.84亿元,全县财政总收入60亿元。"
    assert _codes(text) == []
    assert _codes(text.replace("87.84", "86.84")) == ERROR  # below the sum: certain (fix29r: one above it is a 警告)


def test_a_total_said_after_a_comma_to_include_more_is_unread():
    """Failed at main (N02 警告): 彭水 p9 with its 上年结转 moved out of the 加上 list into "…收入总计84.65亿元,其中含上年结转
    3.52亿元" (or ",含…") — the total includes an amount not added; the list without it is no sum of the total."""
    moved = with_paragraph(
        PENGSHUI, 9, "、上年结转3.52亿元后,收入总计84.65亿元", "后,收入总计84.65亿元,其中含上年结转3.52亿元"
    )
    plain = with_paragraph(
        PENGSHUI, 9, "、上年结转3.52亿元后,收入总计84.65亿元", "后,收入总计84.65亿元,含上年结转3.52亿元"
    )
    cut = with_paragraph(PENGSHUI, 9, "、上年结转3.52亿元后,收入总计84.65亿元", "后,收入总计84.65亿元")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), moved, 9) == [] and _at(Path(d), plain, 9) == []
        assert _at(Path(d), cut, 9) == WARNING  # (the level a sentence before: by place)


def test_a_total_of_a_parts_scope_is_not_the_levels_sum():
    """Failed at main (N02 错误): 三亚 p6 with a 其中 part of the 市本级 before the 加上 and the total the 市本级's — the words
    do not say the amounts are added to the 全市 level; a total of the 全市 is still held."""
    text = SANYA_P6.replace("同比增长6.1%,", "同比增长6.1%,其中市本级收入40.2亿元,").replace(
        "全市地方一般公共预算总收入263.5亿元", "市本级总收入186.6亿元"
    )
    assert _codes(text) == []
    assert _codes(SANYA_P6.replace("总收入263.5亿元", "总收入261.5亿元")) == ERROR  # below the sum (fix29r)


def test_a_level_by_place_of_another_budget_or_of_none_is_no_level():
    """Failed at main (N02 警告 each): the last whole before the 加上 sentence a 政府性基金 one for a 一般公共预算 总收入, or
    彭水 p9 with its 上年结转 a sentence of its own before the 加上 (an item of the total, naming no budget)."""
    fund = "全区一般公共预算收入147.1亿元,增长3%。全区政府性基金收入50亿元。加上上级补助收入10亿元,全区一般公共预算总收入157.1亿元。"
    assert _codes(fund) == []
    assert _codes(fund.replace("全区政府性基金收入50亿元。", "").replace("157.1亿元", "200亿元")) == WARNING
    carried = with_paragraph(PENGSHUI, 9, "增长64.8%。加上", "增长64.8%。上年结转收入3.52亿元。加上")
    carried = with_paragraph(carried, 9, "、上年结转3.52亿元后", "后")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), carried, 9) == []
        assert _at(Path(d), PENGSHUI, 10) == WARNING  # (a level naming its budget: still paired by place)
