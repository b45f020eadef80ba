"""Issue 12 (N02): a heading that splits a total by a named dimension without "其中" — "…支出决算1000万元。按资金来源分：
财政拨款700万元，上级补助400万元。" — opens the parts of the nearest money total before it in the paragraph, as 其中
does (`perfxl.document.facts._SPLIT_HEADING`). Parts beyond that total are a certain 错误; parts that add up, rounded
parts, a second split of the same whole, a list ending in "等" and the parts of another total named nearer stay as
their 其中 twins do. Cases marked "failed before" raised no finding on main at 67c1ea3.
"""

from __future__ import annotations

import pytest
from report_helpers import report_findings as _report

_TOTAL = "2023年度支出决算1000万元。"


def _above_info(findings):
    return [(f.code, f.severity.value) for f in findings if f.severity.value != "info"]


@pytest.mark.parametrize(
    "text",
    [
        # failed before (each): no finding — the parts after the heading belonged to no total
        pytest.param(_TOTAL + "按资金来源分：财政拨款700万元，上级补助400万元。", id="by-source"),
        pytest.param(_TOTAL + "按收入来源分:财政拨款700万元,上级补助400万元。", id="by-income-source"),
        pytest.param(_TOTAL + "按支出性质分：基本支出700万元，项目支出400万元。", id="by-nature"),
        pytest.param(_TOTAL + "按经济分类分：工资福利支出700万元，商品和服务支出400万元。", id="by-economic-class"),
        pytest.param(_TOTAL + "按功能分类分：教育支出700万元，社会保障和就业支出400万元。", id="by-function"),
        pytest.param(_TOTAL + "按资金来源分财政拨款700万元，上级补助400万元。", id="heading-in-the-clause"),
        pytest.param(_TOTAL + "按支出经济分类：工资福利支出700万元，商品和服务支出400万元。", id="by-class-no-fen"),
        pytest.param(_TOTAL + "按资金来源分：财政拨款700万元，上级补助400万元等。", id="exceeds-even-with-deng"),
        pytest.param(
            _TOTAL + "按资金来源分：财政拨款700万元，上级补助300万元；按支出性质分：基本支出600万元，项目支出500万元。",
            id="second-split-exceeds",
        ),
        pytest.param(
            "2023年度支出决算1000万元，其中基本支出600万元，项目支出400万元。按资金来源分：财政拨款700万元，"
            "上级补助400万元。",
            id="after-a-qizhong-split",
        ),
    ],
)
def test_parts_after_a_split_heading_beyond_their_total_are_an_error(tmp_path, text):
    assert _above_info(_report(tmp_path, text)) == [("N02", "error")]


def test_the_error_names_the_heading_as_its_basis(tmp_path):
    (finding,) = [
        f for f in _report(tmp_path, _TOTAL + "按资金来源分：财政拨款700万元，上级补助400万元。") if f.code == "N02"
    ]
    assert "按资金来源分" in finding.basis and "1100万元" in finding.basis


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_TOTAL + "按资金来源分：财政拨款700万元，上级补助300万元。", id="adds-up"),
        pytest.param(_TOTAL + "按资金来源分：财政拨款666.7万元，上级补助333.4万元。", id="rounded-parts"),
        pytest.param(_TOTAL + "按资金来源分：财政拨款700万元，上级补助200万元等。", id="deng-short"),
        pytest.param(
            _TOTAL + "按资金来源分：财政拨款700万元，上级补助300万元；按支出性质分：基本支出600万元，项目支出400万元。",
            id="second-split-of-the-whole",
        ),
        pytest.param(
            _TOTAL + "按资金来源分：财政拨款700万元，上级补助300万元。按经济分类分：工资福利支出500万元，"
            "商品和服务支出500万元。",
            id="second-split-next-sentence",
        ),
        pytest.param(
            _TOTAL + "按资金来源分：财政拨款700万元，上级补助200万元；按支出性质分：基本支出600万元，项目支出400万元。",
            id="first-split-short-second-whole",
        ),
        # the parts of the nearer total the sentence names (收入 1100), not of the 支出 1000
        pytest.param(
            "2023年度支出决算1000万元，收入决算1100万元，按收入来源分：财政拨款700万元，上级补助400万元。",
            id="another-total-named",
        ),
        pytest.param(
            _TOTAL + "项目支出1100万元，按资金来源分：财政拨款700万元，上级补助400万元。", id="another-total-before"
        ),
    ],
)
def test_split_heading_parts_that_fit_stay_quiet(tmp_path, text):
    assert not _above_info(_report(tmp_path, text))


def test_rounded_parts_a_hair_above_stay_a_warning(tmp_path):
    """As after 其中: 700.1 + 300 against 1000.00 may be rounding — a 警告, not an 错误."""
    text = "2023年度支出决算1000.00万元。按资金来源分：财政拨款700.1万元，上级补助300万元。"
    assert _above_info(_report(tmp_path, text)) == [("N02", "warning")]


def test_a_total_without_a_subject_is_named_by_its_role_in_the_message(tmp_path):
    """ "2023年度决算1000万元" has no subject of its own: the N02 message names it 决算数, not “” (split10's note). (Its
    first text, "2023年度支出决算1000万元", names the 支出 since prose29b: a bare spending role opening its paragraph.)"""
    split = "按资金来源分：财政拨款700万元，上级补助400万元。"
    found = [f for f in _report(tmp_path, "2023年度决算1000万元。" + split) if f.code == "N02"]
    assert found and "“”" not in found[0].message and "“决算数”" in found[0].message
    found = [f for f in _report(tmp_path, _TOTAL + split) if f.code == "N02"]
    assert found and "“支出”" in found[0].message
