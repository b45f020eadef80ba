"""Real reports 12b (issue 12, session 12): six published reports perfxl had never seen (tests/realworld/reports:
保山 卫健 春节慰问 2022 and 保山 图书馆 2022 (云南), 丰都 交通执法支队 2024 (重庆), 永定 图书馆 2017 (福建), a county's
乡村振兴 funds report and a 儋州 镇's 衔接 funds report reposted with the year as '20xx'), measured blind.

First run (blind): found 0 of 1, no false 错误, no false 警告 on the 18 agreeing facts — no finding at all. The miss: the
乡村振兴 p8, "资金支付18501.096万元,未支703万元,支付率95%" (18501.096 / 19204.096 = 96.34%): a 支付率 was not read as a
rate of the money spent, 支付 not as a spending and 未支 not as what is left. Tests named "failed before" were run
against the branch before the fix and failed as their docstring says."""

from __future__ import annotations

import tomllib
from pathlib import Path

from report_helpers import report_findings as _report

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"


def _paragraph(stem: str, n: int) -> str:
    return tomllib.loads((REPORTS / f"{stem}.toml").read_text(encoding="utf-8"))["paragraphs"][n - 1]


ZHIFU_P8 = _paragraph("unknown-xiangcunzhenxing-zhifulv-20xx", 8)


def _above_info(findings):
    return sorted((f.code, f.severity.value) for f in findings if f.severity.value != "info")


# ---------------------------------------------------------------- a 支付率 over what was paid and what is left


def test_a_payment_rate_off_paid_over_paid_and_left_is_found(tmp_path):
    """Failed before: quiet. 支付18501.096万元, 未支703万元: the year's money is their sum, 19204.096, and 18501.096 /
    19204.096 = 96.34% — not 95%. The base is read from the words 支付/未支 by place: a 警告 that says so."""
    found = [f for f in _report(tmp_path, ZHIFU_P8) if f.severity.value != "info"]
    assert _above_info(found) == [("N02", "warning")]
    assert "703" in found[0].message or "703" in found[0].basis


def test_a_payment_rate_that_fits_stays_quiet(tmp_path):
    assert _above_info(_report(tmp_path, ZHIFU_P8.replace("支付率95%", "支付率96.34%"))) == []
    assert _above_info(_report(tmp_path, ZHIFU_P8.replace("支付率95%", "支付率96%"))) == []


def test_a_payment_rate_left_unsaid_words_stay_quiet(tmp_path):
    """A 支付率 on time ("按时支付率100%") measures a timeliness, not the money spent; 未支付 states what is left too."""
    text = "资金支付80万元,未支付20万元,工资按时支付率100%。"
    assert _above_info(_report(tmp_path, text)) == []
    found = _above_info(_report(tmp_path, "资金支付80万元,未支付20万元,支付率90%。"))
    assert found == [("N02", "warning")]


# ---------------------------------------------------------------- a score and the grade its sentence gives it

YONGDING_P10 = _paragraph("fujian-yongding-tushuguan-goushu-2017", 10)
WEIJIAN_P6 = _paragraph("yunnan-baoshan-weijian-chunjiewenwen-2022", 6)


def test_a_grade_its_score_does_not_fall_in_is_found(tmp_path):
    """Failed before: quiet. "综合得分为 85 分,评价等次为优秀": 85 is 良 under 财预〔2020〕10号's bands (优 ≥ 90) — found by
    probing 永定 p10 (95 → 85). The grade and the score are paired by place and a locality may grade otherwise: 警告."""
    found = [f for f in _report(tmp_path, YONGDING_P10.replace("95 分", "85 分")) if f.severity.value != "info"]
    assert _above_info(found) == [("N02", "warning")]
    assert "良" in found[0].message and "优秀" in found[0].message
    found = _above_info(_report(tmp_path, WEIJIAN_P6.replace("100分", "80分")))
    assert found == [("N02", "warning")]


def test_a_grade_its_score_falls_in_stays_quiet(tmp_path):
    assert _above_info(_report(tmp_path, YONGDING_P10)) == []
    assert _above_info(_report(tmp_path, WEIJIAN_P6)) == []
    assert _above_info(_report(tmp_path, "本项目自评得分85分,评价等级为良。")) == []


def test_bands_groups_and_a_grade_of_another_score_stay_quiet(tmp_path):
    for text in (
        "得分90分(含)以上为优,80分至90分为良。",  # the rule's bands, no score
        "产出指标得分45分,总体评价为优。",  # a group's points
        "综合得分95分,其中产出指标得分40分,评价等次为良。",  # the grade follows a nearer score (not the whole's)
        "自评得分85分。评价等次为优。",  # another sentence: not paired
        "自评得分95分,管理水平良好。",  # no grade cue
    ):
        assert _above_info(_report(tmp_path, text)) == [], text


# ---------------------------------------------------------------- a part's bracketed score and its numbered items'

YONGDING_P11 = _paragraph("fujian-yongding-tushuguan-goushu-2017", 11)
YONGDING_P12 = _paragraph("fujian-yongding-tushuguan-goushu-2017", 12)


def test_items_scores_off_their_parts_are_found(tmp_path):
    """Failed before: quiet. "1. 投入 (得 30 分 )( 1)…(得 5 分)( 2)…(得12 分)( 3)…(得 14 分)": 5 + 12 + 14 = 31 ≠ 30 —
    found by probing 永定 p11 (11 → 12). The items are the part's by their numbering: a 警告."""
    found = [f for f in _report(tmp_path, YONGDING_P11.replace("(得11 分)", "(得12 分)")) if f.severity.value != "info"]
    assert _above_info(found) == [("N02", "warning")]
    assert "投入" in found[0].message and "31" in found[0].message
    # short of the part, the part closed by the next one in the paragraph
    text = YONGDING_P11.replace("(得11 分)", "(得10 分)") + YONGDING_P12
    assert _above_info(_report(tmp_path, text)) == [("N02", "warning")]


def test_items_scores_that_fit_or_go_on_stay_quiet(tmp_path):
    assert _above_info(_report(tmp_path, YONGDING_P11)) == []
    assert _above_info(_report(tmp_path, YONGDING_P11 + YONGDING_P12)) == []
    # short, but the part's items may go on after the paragraph's last one ("( 3)…" with no score yet)
    assert _above_info(_report(tmp_path, "1. 投入(得30分)(1)时效:(得5分)(2)立项:(得11分)(3)资金落实:")) == []
