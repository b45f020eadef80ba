"""Real reports 11 (issue 12, session 11): seven published narrative-only 自评报告 perfxl had never seen
(tests/realworld/reports: 昌宁 建富果蔬 2022, 西平 农产品仓储 2023, 秀英 水务 2022, 临城 道路 2021, 固始 野菊花 2025, a 镇
扶贫酒厂 2020, 茂名 发改局 部门整体 2021), measured blind, and the general cause of the one miss.

First run (blind): found 0 of 1, no false 错误, no false 警告 (23 agreeing facts quiet). The miss, 昌宁 p7: "财政下达项目
资金50万元,目前已拨付10万元,预算执行率为22.22%" (10 / 50 = 20%; 22.22% is 10 / 45). Each figure is judged at its printed
precision, rounded or cut: 50万元 may be 49.5, and 10万元 cut from 10.99 — and 10.99 / 49.5 = 22.22%, so the rate
"agreed". That reading needs the two figures printed in two different ways in one sentence (one rounded half up, the
other cut short); read with one way for both, the rate is 18.81%–21.21% (rounded) or 19.61%–22.00% (cut), and 22.22% is
neither. The test named "failed before" was run against main before the fix and failed as its docstring says."""

from __future__ import annotations

import tomllib
from pathlib import Path

from report_helpers import report_findings as _report

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"


def _paragraph(stem: str, n: int) -> str:
    return tomllib.loads((REPORTS / f"{stem}.toml").read_text(encoding="utf-8"))["paragraphs"][n - 1]


#: 昌宁 p7 as published: 下达50万元, 已拨付10万元, 预算执行率22.22% (10 / 50 = 20%).
CHANGNING_P7 = _paragraph("yunnan-changning-jianfu-guoshu-2022", 7)


def _n02(findings):
    return [(f.severity.value, f.message) for f in findings if f.code == "N02"]


def test_a_rate_reached_only_by_mixing_rounding_and_cutting_is_a_warning(tmp_path):
    """Failed before: no finding — 10.99 (10万元 cut) / 49.5 (50万元 rounded) = 22.22% let the printed rate agree. Now
    a 警告 that gives 20% and says the figures were paired by place."""
    found = _n02(_report(tmp_path, CHANGNING_P7))
    assert len(found) == 1, found
    severity, message = found[0]
    assert severity == "warning"
    assert "20%" in message and "22.22%" in message


def test_a_rate_one_way_of_printing_reaches_stays_quiet(tmp_path):
    """Both figures cut short (10.9 / 50.0 = 21.8%) or both rounded (10.4 / 49.6 = 20.97%): the printed rate is
    reachable with one way of printing, so nothing is said — as before."""
    for rate in ("20%", "21.8%", "20.97%", "19.61%", "18.9%"):
        text = f"财政下达项目资金50万元,目前已拨付10万元,预算执行率为{rate}。"
        assert not _n02(_report(tmp_path, text)), rate


def test_the_published_report_has_the_one_finding_and_no_other(tmp_path):
    """The whole published paragraph (with its 4.44分 score): one N02 at p7, no 错误."""
    found = _report(tmp_path, CHANGNING_P7)
    assert [(f.code, f.severity.value) for f in found if f.severity.value != "info"] == [("N02", "warning")]


# ---------------------------------------------------------------- a bare 共计/合计 after the amounts it sums

#: 酒厂 p4 as published: 12.08 + 18.8 + 6.75 + 3.2 = 40.83 = "共计40.83万元".
JIUCHANG_P4 = _paragraph("unknown-jiuchang-zhuanxiangfupin-2020", 4)


def test_a_bare_sum_word_after_its_parts_is_held_to_them(tmp_path):
    """Failed before: "…增设发酵池十二个3.2万元;共计41.83万元" (one figure changed; the parts make 40.83) — facts.py names
    a figure whose own words are only 合计/共计 "合计" (the sum of the figures before it), but nothing held it to them.
    Now a 警告: the parts are read by their place in the sentence."""
    probe = JIUCHANG_P4.replace("共计40.83万元", "共计41.83万元")
    found = _n02(_report(tmp_path, probe))
    assert len(found) == 1, found
    severity, message = found[0]
    assert severity == "warning" and "40.83" in message and "41.83" in message


def test_a_bare_sum_word_that_agrees_or_may_sum_the_last_parts_stays_quiet(tmp_path):
    """The published paragraph agrees; a headline total before its parts is no part ("共投入50万元,A20万元,B30万元,合计
    50万元"); an approximate total, a change amount, and the seed's "人员经费…，公用经费…，合计886.12万元" stay quiet."""
    quiet = (
        JIUCHANG_P4,
        "项目共投入50万元,购置设备20万元,建设厂房30万元,合计50万元。",
        "人员经费793.26万元，公用经费92.86万元，合计886.12万元。",
        "购置设备20万元,建设厂房30万元,合计约50万元。",
        "基本支出比上年增加20万元,项目支出比上年增加30万元,合计增加50万元。",
        "购置设备20.4万元,建设厂房30.4万元,合计50万元。",
    )
    for text in quiet:
        assert not [f for f in _report(tmp_path, text) if f.severity.value != "info"], text


# ---------------------------------------------------------------- "项目资金共X万元,…已完成拨付Y万元,执行率Z%"

#: 西平 2023 p12 as published: 项目资金共8010万元, 已完成拨付8010万元, 执行率100%.
XIPING_P12 = _paragraph("henan-xiping-nongchanpin-cangchu-2023", 12)
#: 西平 2022 (交通) p: 项目资金共2179万元, 已完成拨付2113.63万元, 执行率97% (97.000%).
XIPING_2022 = "项目资金共2179万元,截止2022年12月8日,已完成拨付2113.63万元,执行率97%。"


def test_a_rate_after_the_projects_money_total_and_its_payment_is_held_to_them(tmp_path):
    """Failed before: "项目资金共8010万元,截止…,已完成拨付7010万元,执行率100%" (one figure changed) — the money the
    project has, named 项目资金共 with no 预算/下达 word, was no base for the rate. Now a 警告 (paired by place)."""
    found = _n02(_report(tmp_path, XIPING_P12.replace("已完成拨付8010万元", "已完成拨付7010万元")))
    assert len(found) == 1, found
    severity, message = found[0]
    assert severity == "warning" and "88%" in message  # 7010 / 8010 = 87.51%, at the rate's precision


def test_the_projects_money_total_rates_that_agree_stay_quiet(tmp_path):
    """The two published 西平 paragraphs agree (8010/8010 = 100%, 2113.63/2179 = 97.00%); a total named by its
    spending ("支出资金共…") is no base."""
    quiet = (
        XIPING_P12,
        XIPING_2022,
        "项目资金共8010万元,截止2023年11月30日,已完成拨付7010万元,执行率87.51%。",
        "支出资金共500万元,已拨付300万元,执行率90%。",
    )
    for text in quiet:
        assert not _n02(_report(tmp_path, text)), text


# ---------------------------------------------------------------- "涉及A(…)、B(…)…5个乡镇"

#: 临城 p4 as published: "三批项目涉及临城镇(5村)、黑城镇(1村)、石城乡(3村)、郝庄镇(1村)、赵庄乡(1村)5个乡镇11个村".
LINCHENG_P4 = _paragraph("hebei-lincheng-daolu-xianjie-2021", 4)


def _n05(findings):
    return [(f.severity.value, f.message) for f in findings if f.code == "N05"]


def test_names_after_she_ji_before_their_count_are_counted(tmp_path):
    """Failed before: "涉及临城镇(…)、黑城镇(…)、石城乡(…)、郝庄镇(…)、赵庄乡(…)6个乡镇" (one figure changed; five names) —
    names before their count were read only after 内设/下设/下辖/设有/辖有. 涉及 and 覆盖 state the whole the same way.
    A 警告 (N05), as for every name list."""
    found = _n05(_report(tmp_path, LINCHENG_P4.replace("5个乡镇11个村", "6个乡镇11个村")))
    assert len(found) == 1 and found[0][0] == "warning", found


def test_names_after_she_ji_that_agree_or_end_in_deng_stay_quiet(tmp_path):
    """The published paragraph (5 names, 5个乡镇; its "临城镇等八个乡镇官都村等49个村" ends in 等) and a list ending in 等."""
    for text in (LINCHENG_P4, "项目覆盖临城镇、黑城镇、石城乡等6个乡镇。", "项目涉及临城镇、黑城镇2个乡镇。"):
        assert not _n05(_report(tmp_path, text)), text
