"""Review round 6 (commits 490f842, 094820b, 4ea7a86): lists of parts read after "为"/"其中", the claims that
every target was met (N03) and the list numbers dropped from subjects. Each test builds its input with the
project's own writers (python-docx; the seed report of perfxl.workbook.report_docx with its tables) and asserts
what a reviewer at the finance bureau expects; each failed when written."""

from __future__ import annotations

import pytest
from report_helpers import codes as _codes
from report_helpers import report_findings as _report
from report_helpers import seed_report_findings as _seed_report

# ---------------------------------------------------------------- helpers


# ---------------------------------------------------------------- 1. lists of parts (N02)


@pytest.mark.parametrize(
    "text",
    [
        "2023年共下达项目资金100万元，为中央资金60万元、省级资金40万元，全年实际支出95万元，预算执行率95%。",
        "2023年共下达项目资金100万元，为中央资金60万元、省级资金40万元，截至年底已支出95万元，预算执行率95%。",
        "2023年共下达项目资金100万元，其中中央资金60万元、省级资金40万元，截至目前已支出95万元，预算执行率95%。",
    ],
    ids=["wei-quan-nian-zhi-chu", "wei-jie-zhi-nian-di", "qi-zhong-jie-zhi-mu-qian"],
)
def test_a_list_of_parts_ends_before_the_spending_that_follows_it(tmp_path, text):
    """项目 reports state the money received and its sources, then — in the same comma-run sentence — what was
    spent: "下达项目资金100万元，为中央资金60万元、省级资金40万元，全年实际支出95万元". The parts (60 + 40) make the
    total exactly; the 95万元 spent is a new statement. Round 5 ended a list only at "截至…N月"; written "全年实际
    支出", "截至年底" or "截至目前" (as common as "截至12月31日") the 95万元 is still read as a third part and
    perfxl reports an N02 错误 "60 + 40 + 95 超过了总数 100万元" on figures that agree."""
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


@pytest.mark.parametrize(
    "text",
    [
        "省级资金80万元，为道路建设50万元、河堤维修30万元，市级资金30万元，为奖励督查10万元、生态补偿20万元。",
        "中央资金80万元，其中道路建设50万元、河堤维修30万元，省级资金30万元，其中奖励督查10万元、生态补偿20万元。",
    ],
    ids=["wei", "qi-zhong"],
)
def test_a_second_total_with_its_own_list_is_not_a_part_of_the_first(tmp_path, text):
    """金寨 麻埠镇 (2023) lists each level's money and its uses in one sentence: "省级资金…,为A…,B…;市级资金
    260.3万元,为C…,D…". Written with a comma instead of the semicolon, perfxl reads 市级资金30万元 AND its own
    parts 10万元 and 20万元 as parts of the 省级资金 80万元 — the 30万元 counted twice — and reports an N02 错误
    (50 + 30 + 30 + 10 + 20 = 140 > 80). Both lists add up (50 + 30 = 80, 10 + 20 = 30): nothing is wrong. (The
    "其中" wording did the same before this round; the "为" list of 490f842 copies it.)"""
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


@pytest.mark.parametrize(
    "text",
    [
        "本年支出合计2,223.04万元，其中：基本支出886.12万元（人员经费793.26万元、公用经费92.86万元），"
        "项目支出1,336.92万元。",
        "本年支出合计2,223.04万元，其中：基本支出886.12万元（其中：人员经费793.26万元，公用经费92.86万元），"
        "项目支出1,336.92万元。",
    ],
    ids=["brackets", "brackets-qi-zhong"],
)
def test_the_parts_of_a_part_in_brackets_are_not_parts_of_the_total(tmp_path, text):
    """部门整体 reports break 基本支出 down in brackets inside the 支出 sentence: "本年支出合计2,223.04万元，其中：
    基本支出886.12万元（人员经费793.26万元、公用经费92.86万元），项目支出1,336.92万元" — the seed's own figures,
    all agreeing (886.12 + 1,336.92 = 2,223.04; 793.26 + 92.86 = 886.12). perfxl reads the bracketed 人员经费 and
    公用经费 as parts of 支出 too and reports an N02 错误 (886.12 + 793.26 + 92.86 + 1,336.92 = 3,109.16). (Older
    than this round — a list inside a list was never read as one — but it is the commonest 其中 sentence there is.)"""
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


# ---------------------------------------------------------------- 2. claims that every target was met (N03)


@pytest.mark.parametrize(
    "sentence",
    [
        "在全局干部职工的共同努力下，以上目标均已完成。",
        "严格按照年初绩效目标要求组织实施，以上目标均已完成。",
        "通过加强项目管理，确保了以上目标全部完成。",
    ],
    ids=["nu-li", "yao-qiu", "que-bao-le"],
)
def test_effort_requirements_and_ensured_results_are_still_claims_that_targets_were_met(tmp_path, sentence):
    """ "经过/在…共同努力下，…目标均已完成", "按照…要求，…均已完成" and "确保了…全部完成" are how 自评报告 state a
    result. Round 5's intention words (努力, 要求, 确保) are searched in the whole sentence before the claim, so
    these claims are dropped: against the seed's 自评表, where 规模工业总产值 missed its target (11.8% < 12%), the
    N03 错误 perfxl reported before round 5 is gone. An intention is "确保各项目标全部完成" / "力争…" said of
    the future, not a clause about how the result came about, nor 确保了 (ensured)."""
    findings = _seed_report(tmp_path, sentence)
    assert _codes(findings, "N03", "error"), [(f.code, f.message) for f in findings]


@pytest.mark.parametrize(
    "sentence",
    [
        "对照年初设定的绩效目标，逐项核查各项指标是否全部完成。",
        "本次自评重点评价项目是否按计划完成目标任务、资金使用是否合规。",
        "由于省级资金下达较晚，一定程度上影响了项目按计划完成目标任务。",
    ],
    ids=["shi-fou-quan-bu", "shi-fou-an-ji-hua", "ying-xiang-le"],
)
def test_a_question_or_a_hindrance_is_no_claim_that_targets_were_met(tmp_path, sentence):
    """The 自评工作开展情况 section says what was checked — "逐项核查各项指标是否全部完成", "评价项目是否按计划完成
    目标任务" — and 存在问题 says what got in the way: "影响了项目按计划完成目标任务". None claims the targets were
    met (the last admits they were not). perfxl reads "是否全部完成" as "all met" (N03 错误 against the missed
    规模工业总产值) and the other two as "完成 as planned" (N03 警告, new with 490f842's 按计划 claim)."""
    findings = _seed_report(tmp_path, sentence)
    assert not _codes(findings, "N03"), _codes(findings, "N03")


# ---------------------------------------------------------------- 3. the list number that opens a paragraph


@pytest.mark.parametrize(
    "sentence",
    ["1.2023年全县新进规模企业16家。", "1、2023年全县新进规模企业16家。"],
    ids=["dot", "dunhao"],
)
def test_a_list_number_before_a_year_is_dropped_and_the_figure_still_checked(tmp_path, sentence):
    """Numbered items very often open with the year: "1.2023年全县新进规模企业16家" (金寨 writes "1.金寨县…2023年
    度…"). The seed's 自评表 says 新进规模企业 20家, so the text is wrong (N01, as "2023年全县新进规模企业16家" and
    "（一）2023年…16家" give). The list-number rule of 094820b refuses a number followed by a digit (to keep
    "1.5万元" whole), so "1." / "1、" stays before "2023年": the subject is "1.2023年全县新进规模企业" (or
    "12023年…"), no table row matches, and the contradiction is lost."""
    findings = _seed_report(tmp_path, sentence)
    n01 = _codes(findings, "N01")
    assert n01 and "新进规模企业" in n01[0][1] and "16家" in n01[0][1], [(f.code, f.message) for f in findings]
