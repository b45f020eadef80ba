"""fix30b (issue 12, found by prose30): a 其中 after a closed bracket of parts splits the figure before the bracket.

鹤城 2024 财政总决算 p8 (tests/realworld/reports/hunan-hecheng-zongjuesuan-2024.toml) prints "全区支出合计334959万元(含
结转下年支出10277万元)。其中,一般公共预算支出287975万元,上解上级支出12285万元,…,结转下年支出10277万元。" (287975 +
12285 + 5930 + 18400 + 92 + 10277 = 334959). Rewritten with a "（其中…）" bracket of two parts and the 其中 list after it in
the same sentence, main 45c3874e/b63301f2 held the list to the bracket's last part (12285): a false N02 错误 "应为
334959万元". The list after the bracket is the whole's second split (`facts._qizhong_total`), the bracket's parts a list
apart (`facts._bracket_list_apart`); each is still summed against the whole.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from test_document_realreport import findings_at_paragraph, one_paragraph_codes

ERROR = [("N02", "error")]

#: 鹤城 2024 p8's list of the 334959 as published; {} is its last part (10277 as printed).
HECHENG_LIST = (
    "其中,一般公共预算支出287975万元,上解上级支出12285万元,调出资金5930万元,债务还本支出18400万元,"
    "安排预算稳定调节基金92万元,结转下年支出{}万元。"
)
TOTAL = "全区支出合计334959万元"


@pytest.mark.parametrize(
    "bracket",
    [
        # each failed at main (N02 错误 "…应为 334959万元，文字写 12285万元" or "…10277万元")
        "(其中结转下年支出10277万元、上解上级支出12285万元),",
        "（其中结转下年支出10277万元、上解上级支出12285万元），",
        "(其中:结转下年支出10277万元,上解上级支出12285万元),",
        "(包括:结转下年支出10277万元、上解上级支出12285万元),",
        "(其中结转下年支出10277万元),",
        "(其中结转下年支出10277万元、上解上级支出12285万元),比上年增长5.2%,",  # the whole's rate between
    ],
)
def test_a_qizhong_after_a_closed_bracket_splits_the_whole(bracket):
    assert one_paragraph_codes(TOTAL + bracket + HECHENG_LIST.format(10277)) == []


@pytest.mark.parametrize(
    ("text", "sum_said"),
    [
        # the list after the bracket over the whole (10377 for 10277: 335059 > 334959)
        (TOTAL + "(其中结转下年支出10277万元、上解上级支出12285万元)," + HECHENG_LIST.format(10377), "335059万元"),
        (
            TOTAL + "(其中结转下年支出10277万元、上解上级支出12285万元),比上年增长5.2%," + HECHENG_LIST.format(10377),
            "335059万元",
        ),
        # the bracket's own parts over the whole (10277 + 412285 > 334959), the list after it making it
        (TOTAL + "(其中结转下年支出10277万元、上解上级支出412285万元)," + HECHENG_LIST.format(10277), "422562万元"),
    ],
)
def test_parts_over_the_whole_stay_an_error(text, sum_said):
    """A guard (each passed at fix30b's parent too, audit31): the list read as the whole's second split still finds the
    parts over the whole — one N02 错误, against the 334959 and at the sum of the parts that go over it."""
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), {"paragraphs": [text]}, 1)
    assert [(code, severity) for code, severity, _ in found] == ERROR
    assert f"应为 {sum_said}，文字写 334959万元" in found[0][2]


def test_a_list_short_of_the_whole_is_no_certain_error():
    """10177 for 10277: the list after the bracket 100万元 short of the whole — it may leave a part out (a 警告 at
    most); at main an N02 错误 against the 12285."""
    text = TOTAL + "(其中结转下年支出10277万元、上解上级支出12285万元)," + HECHENG_LIST.format(10177)
    assert ("N02", "error") not in one_paragraph_codes(text)
