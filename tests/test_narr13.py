"""Narrative cross-check gaps closed in session 13 (narr13, issue 12): a 其中 paragraph after several wholes, a count's
bracketed 含 list after the noun it counts, a level of an indicator tree past its total, and misses of
tests/realworld/probe_reports.py. Tests named "failed before" were run against main 94d6109 and failed as their
docstring says."""

from __future__ import annotations

import pytest
from report_helpers import report_findings as _report


def _above_info(findings):
    return sorted((f.code, f.severity.value) for f in findings if f.severity.value != "info")


# ---------------------------------------------------------------- a 其中 paragraph after two wholes


def test_a_qizhong_paragraph_beyond_every_whole_before_it_is_an_error(tmp_path):
    """Failed before: quiet — the paragraph before ends with two wholes (收入, 支出), so no total was carried and the
    list had none; its parts exceed both, wrong whichever it details."""
    findings = _report(
        tmp_path, "2020年度收入1200万元，支出1000万元。", "其中：财政拨款收入1300万元，其他收入100万元。"
    )
    assert _above_info(findings) == [("N02", "error")]
    n02 = next(f for f in findings if f.code == "N02")
    assert n02.ref.paragraph == 2 and "1400万元" in n02.message
    assert "“收入”1200万元" in n02.basis and "无论属于哪一个总数都不相符" in n02.basis


def test_a_qizhong_paragraph_below_an_earlier_whole_is_a_warning(tmp_path):
    """Failed before: quiet. 1050 + 50 is over the 支出 but under the 收入, which a 其中 may list only some parts of:
    that it is the 支出's is a guess — a 警告 naming the other whole."""
    findings = _report(tmp_path, "2020年度收入1200万元，支出1000万元。", "其中：财政拨款收入1050万元，其他收入50万元。")
    assert _above_info(findings) == [("N02", "warning")]
    n02 = next(f for f in findings if f.code == "N02")
    assert "上一段另有“收入”1200万元" in n02.basis and "请核实" in n02.basis


def test_a_qizhong_naming_an_earlier_wholes_claim_below_it_is_a_warning(tmp_path):
    """Failed before: N02 错误 '超过了总数' — in one sentence the 其中 was read as the 支出's though its parts are named
    收入 (财政拨款收入, 其他收入) and stay under the 收入 beside it; beyond both it stays an 错误 (test_review12n)."""
    text = "2020年度收入1200万元，支出1000万元，其中：财政拨款收入1050万元，其他收入50万元。"
    findings = _report(tmp_path, text)
    assert _above_info(findings) == [("N02", "warning")]
    assert "段中另有“收入”1200万元" in next(f for f in findings if f.code == "N02").basis


@pytest.mark.parametrize(
    "second",
    [
        "其中：财政拨款收入1100万元，其他收入100万元。",  # makes the 收入
        "其中：财政拨款支出900万元，其他资金支出100万元。",  # makes the 支出
        "其中：基本支出700万元，项目支出300万元。",
    ],
)
def test_a_qizhong_paragraph_making_a_whole_before_it_stays_quiet(tmp_path, second):
    assert _above_info(_report(tmp_path, "2020年度收入1200万元，支出1000万元。", second)) == []


# ---------------------------------------------------------------- a count's bracket after its noun


def test_a_bracketed_list_after_the_counted_noun_is_the_counts_split(tmp_path):
    """Failed before: quiet — "20个内设机构（含…）": the bracket follows the noun, not the figure, so its counts were
    read as figures of their own (the first named "内设机构含派出法庭")."""
    text = "本院共有20个内设机构（含派出法庭2个、业务庭15个、综合部门6个）。"
    findings = _report(tmp_path, text)
    assert _above_info(findings) == [("N02", "warning")]
    n02 = next(f for f in findings if f.code == "N02")
    assert "“内设机构”" in n02.message and "23个" in n02.message and "20个" in n02.message


@pytest.mark.parametrize(
    "text",
    [
        "本院共有20个内设机构（含派出法庭2个、业务庭12个、综合部门6个）。",  # 20
        "本院共有20个内设机构（含派出法庭2个）。",
        "帮扶14户贫困户（其中低保户10户、五保户6户）。",  # statuses that overlap
    ],
)
def test_a_bracketed_list_after_the_counted_noun_that_fits_stays_quiet(tmp_path, text):
    assert _above_info(_report(tmp_path, text)) == []


# ---------------------------------------------------------------- a rate's run written like the run before it

_RUNS = (
    "其中,法院执行年初预算数6万元,年末结算支出6万元,项目资金支出进度比率为100%;案件审判411.95万元,年末结算支出411.95万元,"
    "项目资金支出进度比率为{a};两庭及装备更新维护195.00万元,年末结算支出195万元,项目资金支出进度比率为{b}。"
)


@pytest.mark.parametrize(("a", "b"), [("73%", "100%"), ("100%", "73%")])
def test_an_items_amount_written_like_the_budget_before_it_is_its_base(tmp_path, a, b):
    """Failed before: quiet (probe_reports' misses at 儋州法院 2018 p25) — "案件审判411.95万元,年末结算支出411.95万元,
    …比率为73%": the item's amount names no budget, but the run before reads 预算数, 结算支出, 比率 — the same shape.
    Paired by place: a 警告 that says so."""
    findings = _report(tmp_path, _RUNS.format(a=a, b=b))
    assert _above_info(findings) == [("N02", "warning")]
    n02 = next(f for f in findings if f.code == "N02")
    assert "应为 100%" in n02.message and "按句中前一分段同样的写法" in n02.basis


@pytest.mark.parametrize(
    "text",
    [
        _RUNS.format(a="100%", b="100%"),
        # no run before naming its budget: the first amount may be anything (a 结余, a sum)
        "案件审判411.95万元,年末结算支出411.95万元,项目资金支出进度比率为100%;两庭195万元,年末结算支出195万元,项目资金支出进度比率为73%。",
    ],
)
def test_runs_that_agree_or_name_no_budget_stay_quiet(tmp_path, text):
    assert _above_info(_report(tmp_path, text)) == []


def test_a_qizhong_paragraph_after_a_change_is_not_the_changes(tmp_path):
    """Guard (narr13's first carry of a figure beside others made it a 错误 '文字写 50万元'): the change amount that ends
    the paragraph before is no whole a next paragraph's 其中 lists. Since twins32 the whole it is said of is
    (`crosscheck._whole_it_follows`): 基本支出 + 项目支出 = 900 is held to the 1000, as after "2020年支出1000万元。" —
    never to the 50 — and the parts that make the 1000 are quiet."""
    findings = _report(tmp_path, "2020年支出1000万元，比上年增加50万元。", "其中：基本支出700万元，项目支出200万元。")
    assert _above_info(findings) == [("N02", "error")]
    n02 = next(f for f in findings if f.code == "N02")
    assert "文字写 1000万元" in n02.message and "50万元" not in n02.message
    findings = _report(tmp_path, "2020年支出1000万元，比上年增加50万元。", "其中：基本支出700万元，项目支出300万元。")
    assert _above_info(findings) == []
