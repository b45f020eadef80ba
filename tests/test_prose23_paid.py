"""A payment split nested in a source split (issue 12, session 23, prose23; review22r's open path).

"下达项目资金100万元,其中中央资金60万元,已拨付50万元,未拨付10万元;省级资金40万元" is consistent: the 已拨付/未拨付 tell the
中央资金's progress (50 + 10 = 60), and the sources make the whole (60 + 40 = 100). The paid and unpaid amounts are no
parts of the whole, and measuring the 未拨付 (or a rate) against the whole alone is a guess the text does not make.
Tests named "failed before" were run against main 8b380d9 and failed with the finding their docstring names.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from test_document_realreport import codes_at_paragraph as _at

from perfxl.document.facts import extract_facts

#: The shape of a 项目概况 paragraph of a 项目支出绩效自评报告 (元阳 大坪乡 2021's, real reports 26: the project, what was
#: built, then its money and how much of it is paid out).
OPENING = (
    "1.2022年第一批衔接推进乡村振兴补助资金道路硬化项目,通过项目实施提升项目村出行条件。项目建设内容:村内道路硬化"
    "1200平方米;建设挡墙360立方米。"
)


def _report(money: str) -> dict:
    return {"paragraphs": ["XX乡人民政府2022年度项目支出绩效自评报告", "一、基本情况", OPENING + money]}


def _findings(money: str) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as d:
        return _at(Path(d), _report(money), 3)


def test_the_paid_and_unpaid_amounts_of_one_source_are_quiet():
    """Failed before: an N02 警告 "结余（预算 100万元 − 支出 50万元），按其自身数字应为 50万元，文字写 10万元" — the 未拨付
    held to the whole less the 已拨付, where the text tells the 中央资金's progress (60 − 50 = 10)."""
    assert (
        _findings("下达项目资金100万元,其中中央资金60万元,已拨付50万元,未拨付10万元;省级资金40万元,已全部拨付。") == []
    )


@pytest.mark.parametrize(
    "progress",
    [
        "已支出50万元,结余10万元",  # failed before: the same N02 警告 (结余 = 100 − 50)
        "已支出50万元,剩余资金10万元",  # failed before: the same
        "已支出50万元,执行率83.33%",  # failed before: an N02 警告 "执行率…应为 50%" (50 / 100)
        "已拨付50万元,拨付率83.33%",
        "已拨付到位50万元,尚未拨付10万元",
        "已支出50万元,结转10万元",
    ],
)
def test_one_sources_progress_in_other_words_is_quiet(progress):
    assert _findings(f"下达项目资金100万元,其中中央资金60万元,{progress};省级资金40万元。") == []


def test_an_amount_not_paid_yet_after_one_paid_is_no_part():
    """Failed before: an N02 错误 "“项目资金”的各组成部分之和（60万元 + 10万元 + 40万元）超过了总数" — after 已支付 (which,
    unlike 已拨付, does not end the list) the 未支付 10 was read as a part beside the sources."""
    text = "下达项目资金100万元,其中中央资金60万元,已支付50万元,未支付10万元;省级资金40万元。"
    assert [f.parent for f in extract_facts(text).facts] == [None, 0, None, None, 0]
    assert _findings(text) == []


@pytest.mark.parametrize("left", ["结余10万元", "尚未支付10万元", "待支付10万元", "结转下年10万元"])
def test_what_is_left_after_a_payment_is_no_part(left):
    """The other side of the payment in its relatives' words: no part, and the 省级资金 after it is the next source."""
    facts = extract_facts(f"下达项目资金100万元,其中中央资金60万元,已支付50万元,{left};省级资金40万元。").facts
    assert [f.parent for f in facts] == [None, 0, None, None, 0]


# --- must NOT hide -------------------------------------------------------------------------------------------------


def test_an_unpaid_amount_that_fits_no_reading_is_still_said():
    """60 − 50 = 10 and 100 − 50 = 50, the text says 20: a 警告 (which money the payment is of is read by place)."""
    assert _findings("下达项目资金100万元,其中中央资金60万元,已拨付50万元,未拨付20万元;省级资金40万元。") == [
        ("N02", "warning")
    ]


def test_a_rate_that_fits_no_reading_is_still_said():
    """50 / 60 = 83.33%, 50 / 100 = 50%; the text says 70%."""
    assert _findings("下达项目资金100万元,其中中央资金60万元,已支出50万元,执行率70%;省级资金40万元。") == [
        ("N02", "warning")
    ]


def test_the_sources_past_the_whole_are_still_an_error():
    """The list of sources goes on after the payment: 60 + 50 over 100 (the 未支付 no part of it)."""
    assert _findings("下达项目资金100万元,其中中央资金60万元,已支付50万元,未支付10万元;省级资金50万元。") == [
        ("N02", "error")
    ]


def test_a_split_by_payment_is_still_held_to_its_whole():
    """The payment split as the list itself ("其中已支付60万元,未支付50万元"): 60 + 50 over 100."""
    text = "下达项目资金100万元,其中已支付60万元,未支付50万元。"
    assert [f.parent for f in extract_facts(text).facts] == [None, 0, 0]
    assert _findings(text) == [("N02", "error")]


def test_a_payment_after_the_whole_list_of_sources_is_still_held_to_the_whole():
    """The payment after both sources (the whole's, by place): 100 − 90 = 10, the text says 20 — still a 警告."""
    assert _findings("下达项目资金100万元,其中中央资金60万元,省级资金40万元,已拨付90万元,未拨付20万元。") == [
        ("N02", "warning")
    ]
