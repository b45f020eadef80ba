"""Review 12c (session 12): false findings in reports12b's and defects12's new readings, found by ≈ 240 variants built
as real files (tables through render.variant, reports through report_helpers). Every test here failed before its fix
(run against the branch with perfxl/ reverted) unless it says "stays"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from report_helpers import report_findings

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import validated, variant

from perfxl.values import parse_value


def _above_info(findings):
    return sorted((f.code, f.severity.value) for f in findings if f.severity.value != "info")


# ---------------------------------------------------------------- a letter after the digits that names, not damages


@pytest.mark.parametrize("text", ["5l", "20l/人", "3B楼", "1B级", "12B级", "2B铅笔"])
def test_a_litre_or_a_coded_name_is_not_a_damaged_figure(text):
    """defects12 read any O/l/I/Z/b/B after the digits as a damaged digit: "5l" (5 litres), "3B楼" (building 3B),
    "1B级", "2B铅笔" became I12 警告 ("无法识别") in an actual — a baseless 警告. A lower-case l alone or before "/" is
    the litre; a letter before 楼/级/型/铅笔… is a code the word names."""
    p = parse_value(text)
    assert not p.damaged and p.number is not None


@pytest.mark.parametrize("text", ["1l场", "4Z", "4b", "1O场", "11B"])
def test_lookalikes_before_other_words_stay_damage(text):
    assert parse_value(text).damaged


def test_a_litre_in_an_actual_is_no_unread_value(tmp_path):
    """宁德 地震局 2020 row 15 with its actual "5l": before, I12 at the row."""
    result = validated(variant("fujian-ningde-dizhenju-bumen-2020", {"F15": "5l"}), tmp_path)
    assert not [f for f in result.findings if f.code == "I12"]


# ---------------------------------------------------------------- 支付率 of something other than the year's money


@pytest.mark.parametrize("rate", ["农民工工资支付率100%", "贷款贴息支付率100%", "医疗费用支付率65%", "报销支付率100%"])
def test_a_payment_rate_of_what_is_owed_to_someone_stays_quiet(tmp_path, rate):
    """Before: N02 "应为 80%" — a wage's, a subsidy's, a claim's 支付率 is not 支付 / (支付 + 未支)."""
    assert _above_info(report_findings(tmp_path, f"资金支付80万元,未支付20万元,{rate}。")) == []


@pytest.mark.parametrize("rate", ["支付率90%", "资金支付率90%", "累计支付率90%"])
def test_a_payment_rate_of_the_funds_stays_found(tmp_path, rate):
    assert _above_info(report_findings(tmp_path, f"资金支付80万元,未支付20万元,{rate}。")) == [("N02", "warning")]


# ---------------------------------------------------------------- a score and a grade that are not the profile's pair


@pytest.mark.parametrize(
    "text",
    [
        "本项目综合得分88分,按照我省标准(85分以上为优),评价等级为优秀。",  # the paragraph's own bands
        "本项目自评得分86分,根据省财政厅评价标准(85-100分为优),评价等次为优。",
        "按照我市规定,得分85分以上的为优秀,本项目自评得分86分,评价等级为优秀。",
        "2023年综合得分85分,2024年评价等级为优。",  # another year's grade
        "自评得分86分,与上年评价等级为优相比有所下降。",
        "本项目绩效评分为45分(满分50分),评价等级为优。",  # out of 50, not 100
        "共有12个项目开展自评,平均得分85分,评价结果为优的项目8个。",  # an average; a count of 优 projects
        "考核得分85分,考核等次为优秀等次的占比20%。",
    ],
)
def test_a_grade_on_other_bands_or_of_another_thing_stays_quiet(tmp_path, text):
    assert _above_info(report_findings(tmp_path, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "根据评分标准,90分以上为优,80-90分为良,本项目综合得分85分,评价等级为优。",  # the profile's bands, stated
        "本项目综合得分85分(满分100分),评价等级为优。",
        "本项目综合得分85分,评价等级为优秀。",
    ],
)
def test_a_grade_off_the_profiles_bands_stays_found(tmp_path, text):
    assert _above_info(report_findings(tmp_path, text)) == [("N02", "warning")]


# ---------------------------------------------------------------- a part's items going on in the next paragraph


def test_items_going_on_in_the_next_paragraph_stay_quiet(tmp_path):
    """Before: N02 "(得30分)的各项得分之和(5 + 11) 应为 16" — the paragraph's end closed the part, yet item (3) is the
    next paragraph's."""
    found = report_findings(
        tmp_path,
        "1. 投入(得30分)(1)时效情况:项目按时开展(得5分)(2)项目立项:立项规范(得11分)",
        "(3)资金落实:资金及时到位(得14分)",
        "2. 过程(得20分)",
    )
    assert _above_info(found) == []


# ---------------------------------------------------------------- letters in a money cell are no unit


@pytest.mark.parametrize("text", ["4l", "4 B", "4B级", "4.O"])
def test_a_money_cell_with_stray_letters_is_not_read_as_its_digits(tmp_path, text):
    """宣城 动物防疫 2023: 地方资金 46 │ 46 │ 100%, the executed 46 typed "4l", "4 B", "4B级", "4.O". Before: read as 4,
    F04 "执行率应为 8.7%" — an 错误 on a guess (and "4l", "4B级" are names only where litres or codes can be). Now C02:
    the cell cannot be read."""
    result = validated(variant("anhui-xuancheng-dongwufangyi-2023", {"D9": text}), tmp_path)
    at_row = {(f.code, f.severity.value) for f in result.findings if getattr(f.ref, "row", None) == 9}
    assert ("F04", "error") not in at_row and ("C02", "warning") in at_row


# ---------------------------------------------------------------- left: found and not fixed in time


def test_lookalike_letters_before_a_money_cells_digits_leave_it_unread(tmp_path):
    """宣城 动物防疫 2023 D9 "IO2" (102 typed with I and O): read as 2, F04 "执行率应为 …" — an 错误 on a guess."""
    result = validated(variant("anhui-xuancheng-dongwufangyi-2023", {"D9": "IO2"}), tmp_path)
    assert not [f for f in result.findings if f.code == "F04" and f.severity.value == "error"]


def test_an_actual_that_is_a_name_is_not_scored_as_a_figure(tmp_path):
    """宁德 地震局 2020 row 15, actual "PM2.5" against 10场: read as 2.5场, S01/S07 错误 on a name."""
    result = validated(variant("fujian-ningde-dizhenju-bumen-2020", {"F15": "PM2.5"}), tmp_path)
    assert not [f for f in result.findings if f.severity.value == "error" and getattr(f.ref, "row", None) == 15]
