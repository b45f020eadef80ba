"""A second split of a whole: after an instalment list ("分别于1月下达第一笔经费250万元，9月下达第二批…295万元"), a 其中
in the next sentence, or once the instalments have made their total, splits the whole by use ("其中用于设备采购300万元、
人员培训200万元") — its own list of the whole's parts, summed on its own and never with the instalments."""

from __future__ import annotations

import pytest
from report_helpers import report_findings as _report

from perfxl.document.facts import extract_facts

INSTALMENTS = "预算控制数为545万元,分别于2020年1月下达第一笔经费250万元,9月下达第二批专项经费295万元。"


def _n02(tmp_path, text):
    return [(f.severity.value, f.message) for f in _report(tmp_path, text) if f.code == "N02"]


def _parents(text: str) -> list[tuple[str, int | None]]:
    return [(f.quantity.text, f.parent) for f in extract_facts(text, 1).facts]


# failed before: the 其中 parts read as parts of the last instalment — N02 错误 "“9月下达第二批专项经费”的各组成部分之和
# （300万元 + 200万元）超过了总数 … 295万元"
@pytest.mark.parametrize(
    "use",
    [
        "其中用于设备采购300万元、人员培训200万元。",
        "其中用于设备采购300万元,人员培训245万元。",
        "其中:设备采购300万元,人员培训200万元,其他45万元。",
    ],
)
def test_a_split_by_use_after_instalments_is_quiet(tmp_path, use):
    assert _n02(tmp_path, INSTALMENTS + use) == []


def test_the_split_by_use_is_a_list_of_the_whole_apart_from_the_instalments():
    facts = extract_facts(INSTALMENTS + "其中用于设备采购300万元、人员培训200万元。", 1).facts
    assert _parents(INSTALMENTS + "其中用于设备采购300万元、人员培训200万元。") == [
        ("545万元", None),
        ("250万元", 0),
        ("295万元", 0),
        ("300万元", 0),
        ("200万元", 0),
    ]
    assert facts[1].listed_by == facts[2].listed_by != facts[3].listed_by == facts[4].listed_by


@pytest.mark.parametrize(
    "text",
    [
        INSTALMENTS + "其中用于设备采购400万元、人员培训200万元。",
        # the 其中 in the same sentence, after the instalments made their 545
        INSTALMENTS[:-1] + ",其中用于设备采购400万元、人员培训200万元。",
    ],
)
def test_a_split_by_use_over_the_whole_is_an_error_at_the_whole(tmp_path, text):
    n02 = _n02(tmp_path, text)
    assert [s for s, _ in n02] == ["error"], n02
    message = n02[0][1]
    assert "“预算控制数”" in message and "400万元 + 200万元" in message and "545万元" in message, message
    assert "250万元" not in message and "295万元" not in message, message


def test_instalments_over_the_whole_are_still_found_beside_a_quiet_split_by_use(tmp_path):
    text = INSTALMENTS.replace("250万元", "260万元") + "其中用于设备采购300万元、人员培训200万元。"
    n02 = _n02(tmp_path, text)
    assert [s for s, _ in n02] == ["error"], n02
    assert "260万元 + 295万元" in n02[0][1] and "555万元" in n02[0][1], n02


def test_a_qizhong_inside_a_running_instalment_list_still_splits_that_instalment(tmp_path):
    # before the instalments reach their total the 其中 details the instalment right before it
    text = "下达资金545万元,分别于3月下达第一批300万元,其中中央资金200万元、省级资金100万元,9月下达第二批245万元。"
    assert _parents(text)[:4] == [("545万元", None), ("300万元", 0), ("200万元", 1), ("100万元", 1)]
    assert _n02(tmp_path, text) == []


def test_a_lone_use_above_the_whole_is_an_error_at_the_whole(tmp_path):
    # before the fix it was weighed against the last instalment (600 > 295); a lone 300 ≤ 545 is quiet
    n02 = _n02(tmp_path, INSTALMENTS + "其中用于设备采购600万元。")
    assert [s for s, _ in n02] == ["error"], n02
    assert "“预算控制数”" in n02[0][1] and "600万元" in n02[0][1] and "545万元" in n02[0][1], n02
    assert _n02(tmp_path, INSTALMENTS + "其中用于设备采购300万元。") == []
