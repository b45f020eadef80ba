"""twins32 (issue 12: "change any one narrative figure and exactly one N-finding appears, at that paragraph"): review31's
consistent rewrites (tests/fixtures/review31_rewrites.json) with one figure tripled. 180 of the 550 gave no N01/N02 for
any figure tripled at main 8589bdfe; the shapes read now, each a twin (one figure tripled: the arithmetic certainly
wrong) that gave nothing at main and its consistent rewrite (quiet at main and now):

- a change rate right after the level a move reached, no change amount between ("由80万元增至95万元,增长18.75%": over the
  from-level, `stated_changes.check_rate_between_levels`);
- a from-level in another unit of money than the level reached ("由18500万元降至1.55亿元"), or with a bracket saying what
  it is ("由18.5万元(上年决算数)降至…") (`stated_changes._moved_from`);
- a paragraph ending with the change, rate, share or last year's figure of its one whole ("支出1000万元,比上年减少50万元。"
  ¶ "其中:…"): the next paragraph's 其中 splits that whole (`crosscheck._whole_it_follows`).
"""

from __future__ import annotations

import pytest
from test_document_realreport import codes_at_paragraph, one_paragraph_codes

ERROR = [("N02", "error")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rewrites (review31 64, 191, 224, 101, 122): quiet
        ("公务接待费由18.5万元降至15.5万元,下降16.2%。", []),
        ("项目支出由80万元增至95万元,增长18.75%。", []),
        ("项目支出由80万元增至95万元,增长19%。", []),
        ("公务接待费由18.5万元降至15.5万元,降幅为16.22%。", []),
        ("收入由1000万元提高到1200万元,提高20%。", []),
        # their twins: each failed at main (quiet there)
        ("公务接待费由55.5万元降至15.5万元,下降16.2%。", ERROR),
        ("公务接待费由18.5万元降至15.5万元,下降48.6%。", ERROR),
        ("项目支出由80万元增至285万元,增长18.75%。", ERROR),
        ("项目支出由80万元增至95万元,增长57%。", ERROR),
        ("公务接待费由18.5万元降至15.5万元,降幅为48.66%。", ERROR),
        ("收入由1000万元提高到3600万元,提高20%。", ERROR),
        # the rate after a change amount is still funds_arith's (over the level less the change): one finding, not two
        ("项目支出由80万元增至95万元,增加15万元,增长57%。", ERROR),
        # a rate naming a base of its own is not the move's; a rate between two rates may be in points: not read
        ("公务接待费由18.5万元降至15.5万元,比年初预算下降48.6%。", []),
        ("资产负债率由65%降至60%,下降23.1%。", []),
        # the words and the figures going different ways: not this rate's pair (quiet as at main)
        ("项目支出由80万元增至95万元,下降19%。", []),
    ],
)
def test_a_rate_after_a_move_is_over_the_level_it_moved_from(text, expected):
    assert one_paragraph_codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rewrites (review31 66, 114, 157, 192, 19): quiet
        ("收入由18500万元降至1.55亿元,减少3000万元。", []),
        ("收入由1.85亿元降至15500万元,减少0.3亿元。", []),
        ("公务接待费由185000元降至15.5万元,减少3万元。", []),
        ("公务接待费由18.5万元降至155000元,减少30000元。", []),
        ("公务接待费由18.5万元(上年决算数)降至15.5万元(本年决算数),减少3万元。", []),
        # their twins: each failed at main (quiet there)
        ("收入由18500万元降至1.55亿元,减少9000万元。", ERROR),
        ("收入由1.85亿元降至15500万元,减少0.9亿元。", ERROR),
        ("公务接待费由555000元降至15.5万元,减少3万元。", ERROR),
        ("公务接待费由18.5万元降至155000元,减少90000元。", ERROR),
        ("公务接待费由18.5万元(上年决算数)降至15.5万元(本年决算数),减少9万元。", ERROR),
        ("公务接待费由55.5万元(上年决算数)降至15.5万元(本年决算数),减少3万元。", ERROR),
    ],
)
def test_a_from_level_in_another_unit_or_with_a_bracket_is_read(text, expected):
    assert one_paragraph_codes(text) == expected


@pytest.mark.parametrize(
    ("whole", "parts", "expected"),
    [
        # the rewrites (review31 314, 139, 178, 267, 102): quiet
        (
            "2024年一般公共预算财政拨款支出1000万元,比上年减少50万元。",
            "一般公共服务支出600万元,教育支出300万元,其他支出100万元",
            [],
        ),
        (
            "2024年一般公共预算财政拨款支出1000万元,占总支出的80%。",
            "一般公共服务支出600万元,教育支出300万元,其他支出100万元",
            [],
        ),
        (
            "2024年一般公共预算财政拨款支出1000万元,完成预算的95%。",
            "一般公共服务支出600万元,教育支出300万元,其他支出100万元",
            [],
        ),
        (
            "2024年一般公共预算财政拨款支出1000万元,上年1050万元。",
            "一般公共服务支出600万元,教育支出300万元,其他支出100万元",
            [],
        ),
        ("2024年部门支出合计1000万元,比上年增加100万元。", "基本支出600万元,项目支出400万元", []),
        # their twins: each failed at main (quiet there)
        (
            "2024年一般公共预算财政拨款支出1000万元,比上年减少50万元。",
            "一般公共服务支出1800万元,教育支出300万元,其他支出100万元",
            ERROR,
        ),
        (
            "2024年一般公共预算财政拨款支出1000万元,占总支出的80%。",
            "一般公共服务支出600万元,教育支出900万元,其他支出100万元",
            ERROR,
        ),
        (
            "2024年一般公共预算财政拨款支出1000万元,完成预算的95%。",
            "一般公共服务支出600万元,教育支出300万元,其他支出300万元",
            ERROR,
        ),
        (
            "2024年一般公共预算财政拨款支出1000万元,上年1050万元。",
            "一般公共服务支出1800万元,教育支出300万元,其他支出100万元",
            ERROR,
        ),
        ("2024年部门支出合计1000万元,比上年增加100万元。", "基本支出600万元,项目支出1200万元", ERROR),
        # a list that makes the sentence's other figure may be that one's (last year's 1050): judged against none
        (
            "2024年一般公共预算财政拨款支出1000万元,上年1050万元。",
            "一般公共服务支出650万元,教育支出300万元,其他支出100万元",
            [],
        ),
        # a paragraph with two wholes before its change carries none: which one the list splits is not said
        ("2024年收入1200万元,支出1000万元,比上年减少50万元。", "基本支出600万元,项目支出1200万元", []),
    ],
)
def test_a_whole_followed_by_its_change_or_rate_heads_the_next_paragraphs_list(tmp_path, whole, parts, expected):
    assert codes_at_paragraph(tmp_path, {"paragraphs": [whole, f"其中:{parts}。"]}, 2) == expected
