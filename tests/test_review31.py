"""Review 31 (issue 12): an adversarial false-finding hunt on session 30's narrative rules (prose30, fix30b, reports37,
review30b/c) by ≈ 300 consistent rewrites of the real paragraphs those rules came from (tests/realworld/reports: 鹤城
2024 p8, 红桥法院 2017 p4–p7, 渠县 2024 p7, 甘谷 2024 p2/p10, 绵阳 2021 p4/p7, 旌德 2021 p4, the 示范项目 2024 p5):
totals restated on another basis, 其中 lists whose parts carry brackets and changes, mixed units, 分别 lists of changes
and levels, 降至/压减到/下降到, ties on the last printed digit, synonyms of a carried total, lists over a semicolon.
Each test named "failed at main" gave the false finding its docstring quotes at main 7a696f57.
"""

from __future__ import annotations

import pytest
from test_document_realreport import one_paragraph_codes

ERROR = [("N02", "error")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # failed at main (N02 错误 "…（5000万元 + 2431万元 + 30000万元 + 12100万元）超过了总数…42100万元"): the
        # 分别减少 figures after a level and its change were read as the level's parts, summed with its 分别完成 levels
        (
            "一般公共预算收入42100万元,比上年减少7431万元,其中税收收入、非税收入分别减少5000万元、2431万元,分别完成30000万元、12100万元。",
            [],
        ),
        # the changes held to the level's change (甘谷 2024 p2's figures; quiet at main), the levels to the level
        ("一般公共预算收入42100万元,比上年减少7431万元,其中税收收入、非税收入分别减少5000万元、3431万元。", ERROR),
        (
            "一般公共预算收入42100万元,比上年减少7431万元,其中税收收入、非税收入分别减少5000万元、2431万元,分别完成30000万元、13100万元。",
            ERROR,
        ),
        (
            "一般公共预算收入42100万元,比上年减少7431万元,其中税收收入、非税收入分别为30000万元、12100万元,分别减少5000万元、2431万元。",
            [],
        ),
    ],
)
def test_a_respective_list_of_changes_after_a_level_and_its_change(text, expected):
    assert one_paragraph_codes(text) == expected
