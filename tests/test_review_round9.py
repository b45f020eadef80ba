"""Review round 9 (commits 174bd71, 600a6b6): the report's stated score against its 自评表's 总分 (N01), a rate
paired by place with the budgets and the spending of its sentence, 其中 parts short of their total (N02), and a
funds block's weight printed in its header. Each test builds its input with the project's own writers
(python-docx, openpyxl through tests/report_helpers) in the wording real 自评报告 and 自评表 use, and asserts what
a reviewer at the finance bureau expects; each failed when written, except the boundary guards at the end."""

from __future__ import annotations

import pytest
from report_helpers import codes as _codes
from report_helpers import report_findings as _report
from report_helpers import seed_report_findings as _seed
from report_helpers import workbook_result as _workbook

# ---------------------------------------------------------------- 1. the stated score (N01, 174bd71)
# The seed's 部门整体 自评表 totals 99 分; each sentence stands after its targets table.


@pytest.mark.parametrize(
    "sentence",
    [
        "经自评，项目决策得分19分，项目过程得分18分，项目产出得分39分，项目效益得分23分，综合得分99分。",
        "经自评，部门决策得分20分，部门管理得分19分，部门产出得分35分，部门效果得分25分，总分99分。",
        "经自评，本部门整体支出绩效自评得分为99分，其中项目决策得分20分。",
    ],
    ids=["project-blocks", "department-blocks", "one-block"],
)
def test_the_score_of_a_first_level_block_is_not_the_total_score(tmp_path, sentence):
    """Reports give the score of each 一级指标 before the total: 决策 + 过程 + 产出 + 效益 = 19 + 18 + 39 + 23 = 99 =
    the table's 总分, all consistent. 174bd71 keeps a part's score out only when its name holds 指标/产出/效益/
    预算/…; 决策, 过程, 管理 and 部门效果… are the other 一级 names of the 项目 and 部门整体 frameworks (财预〔2020〕10号
    附件), so "项目决策得分19分" is read as the report's total and gets an N01 错误 "19分，而自评表“总分”为 99分"."""
    n01 = _codes(_seed(tmp_path, sentence), "N01")
    assert not n01, n01


@pytest.mark.parametrize(
    "sentence",
    [
        # the rate agrees with the seed's amounts (2223.04 / 2223.04 = 100%)
        "经自评，本部门整体支出绩效自评得分为99分。1.预算执行率：全年预算执行率为100%，得分10分。",
        "（三）资金管理：该指标满分10分，得分9分。",
        "（一）项目决策：项目立项规范，绩效目标明确，此项得分20分。",
    ],
    ids=["after-the-rate", "man-fen-de-fen", "ci-xiang"],
)
def test_a_bare_defen_in_the_indicator_by_indicator_analysis_is_that_indicators_score(tmp_path, sentence):
    """The 评价分析 section of a 自评报告 goes indicator by indicator and ends each with "得分9.5分" / "此项得分20分":
    the indicator's score, named by the clause before it. 174bd71 reads the bare "得分" (and "此项得分") as the
    total score and reports an N01 错误 "写“得分”为 9.5分，而自评表“总分”为 99分" — on nearly every analysed
    report. A bare 得分 after a clause naming an indicator is not the report's total."""
    n01 = _codes(_seed(tmp_path, sentence), "N01")
    assert not n01, n01


@pytest.mark.parametrize(
    "sentence",
    [
        "该项目2023年由第三方机构开展绩效评价，第三方评价得分90分。",
        "2023年该项目纳入财政重点评价，财政重点评价得分85分。",
        "经市财政局复核，复核得分95分。",
    ],
    ids=["third-party", "finance-bureau", "review"],
)
def test_a_score_given_by_another_evaluator_is_not_the_self_evaluation_total(tmp_path, sentence):
    """A 第三方评价, a 财政重点评价 or the bureau's 复核 scores the same spending independently and may differ from the
    自评 — that difference is the point of those evaluations, not an inconsistency of the report. 174bd71 reads
    every "…评价得分"/"…得分" ending as the self-evaluation total and reports an N01 错误 "90分，而自评表“总分”为
    99分"; the 自评表 总分 is only comparable with the 自评 score."""
    n01 = _codes(_seed(tmp_path, sentence), "N01")
    assert not n01, n01


def test_the_scores_of_other_projects_in_a_department_report_are_not_its_total(tmp_path):
    """A 部门整体 report tells how its projects did in their own 项目支出绩效自评: "其中，科技创新项目自评得分95分，
    企业服务项目自评得分92分". Those are other 自评表's totals; the report's own 部门整体 score (99) agrees.
    174bd71 reads "科技创新项目自评得分" as the report's total and reports two N01 错误. Its own table reader already
    declines to compare when a document has several 自评表 (which one a score belongs to is open); a score named
    after a project in a report about the whole department is the same case."""
    sentence = "经自评，部门整体支出绩效自评得分99分；其中，科技创新项目自评得分95分，企业服务项目自评得分92分。"
    n01 = _codes(_seed(tmp_path, sentence), "N01")
    assert not n01, n01


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年度该部门整体支出绩效自评得分95分，评价结果已在本年度预算安排中应用。",
        "经自评，2023年度自评得分99分，较2022年度自评得分95分提高4分。",
    ],
    ids=["last-years-score", "compared-with-2022"],
)
def test_a_score_of_another_year_is_not_this_years_total(tmp_path, sentence):
    """The seed is the 2023 report. "2022年度…自评得分95分" is last year's score (reports state it under 上年度绩效
    评价结果应用, or to show the change: 99 − 95 = 4, consistent). "上年自评得分95分" is already kept apart, but a
    year written as a number is dropped from the subject (_LEAD strips "2022年度"), so 174bd71 reports an N01 错误
    "自评得分 95分，而自评表“总分”为 99分" on a year the table does not cover."""
    n01 = _codes(_seed(tmp_path, sentence), "N01")
    assert not n01, n01


@pytest.mark.parametrize(
    "sentence",
    ["经自评，综合得分90分以上，评价等级为优。", "经自评，该部门绩效评价得分95分以上。"],
    ids=["90-yi-shang", "95-yi-shang"],
)
def test_a_score_stated_as_a_lower_bound_is_true_when_the_total_is_above_it(tmp_path, sentence):
    """ "综合得分90分以上，评价等级为优" states the grade band (90分以上 = 优), and the table's 99 is above 90: true.
    174bd71 compares 90 with 99 as if 90 were the score and reports an N01 错误. 600a6b6 already reads "99%以上" as a
    bound for rates; a score "…分以上" is the same kind of statement."""
    n01 = _codes(_seed(tmp_path, sentence), "N01")
    assert not n01, n01


# ---------------------------------------------------------------- 2. a rate paired by place (N02, 600a6b6)


@pytest.mark.parametrize(
    "text",
    [
        "2023年年初预算100万元，年中调减10万元，实际支出85.5万元，预算执行率95%。",
        "2023年年初预算100万元，年中收回10万元，实际支出85.5万元，预算执行率95%。",
        "2023年批复预算100万元，核减预算10万元，实际支出85.5万元，预算执行率95%。",
    ],
    ids=["tiao-jian", "shou-hui", "he-jian-yu-suan"],
)
def test_a_budget_reduced_during_the_year_is_the_budget_the_rate_is_taken_against(tmp_path, text):
    """全年预算数 = 年初预算 ± 调整 (财预〔2020〕10号): 100 − 10 = 90, and 85.5 / 90 = 95%, exactly as printed. 600a6b6
    adds 追加/调增/增加/结转 to the budget but knows no reduction (调减, 收回, 核减), so it reports an N02 警告 "应为 86%"
    (85.5 / 100) — or, for "核减预算10万元", takes the cut itself as a budget: "预算 10万元 … 应为 855%"."""
    n02 = _codes(_report(tmp_path, text), "N02")
    assert not n02, n02


@pytest.mark.parametrize(
    "text",
    [
        "2023年项目预算资金100万元（含上年结转资金20万元），实际支出95万元，预算执行率95%。",
        "2023年全年预算数120万元（含年中追加20万元），实际支出114万元，预算执行率95%。",
    ],
    ids=["han-jie-zhuan", "han-zhui-jia"],
)
def test_an_addition_the_budget_already_contains_is_not_added_again(tmp_path, text):
    """ "预算资金100万元（含上年结转资金20万元）": 含 says the 20 is inside the 100, so 95 / 100 = 95%, as printed.
    600a6b6 adds every 结转/追加 amount before the spending to the budget and reports an N02 警告 "支出 95万元 / 预算
    100万元 + 20万元 … 应为 79%". The bracketed 含 is the commonest way reports state a budget's composition; an amount
    the budget includes is a part of it (like a 其中 part), never on top of it."""
    n02 = _codes(_report(tmp_path, text), "N02")
    assert not n02, n02


def test_money_carried_to_next_year_is_not_an_addition_to_this_years_budget(tmp_path):
    """ "全年预算120万元，结转下年6万元，实际支出114万元，预算执行率95%": 114 / 120 = 95%. 结转下年 is money left unspent
    and carried forward — it leaves this year's execution, it is not added to this year's budget. 600a6b6 matches
    "结转" in any subject and reports an N02 警告 "支出 114万元 / 预算 120万元 + 6万元 … 应为 90%"; only 上年结转
    (carried in) adds to the year's budget."""
    text = "2023年全年预算120万元，结转下年6万元，实际支出114万元，预算执行率95%。"
    n02 = _codes(_report(tmp_path, text), "N02")
    assert not n02, n02


@pytest.mark.parametrize(
    "text",
    [
        "2023年项目预算100万元，实际支出85万元，预算执行率不足90%。",
        "2023年项目预算100万元，实际支出85万元，预算执行率低于90%。",
        "2023年项目预算100万元，实际支出85万元，预算执行率未达到90%。",
        "2023年项目预算100万元，实际支出85万元，预算执行率在90%以下。",
        "2023年项目预算数100万元，决算数85万元，完成预算的比例不足90%。",
    ],
    ids=["bu-zu", "di-yu", "wei-da-dao", "yi-xia", "by-name-error"],
)
def test_a_rate_stated_as_an_upper_bound_is_true_when_the_rate_is_below_it(tmp_path, text):
    """85 / 100 = 85%, and the text says it is "不足90%" / "低于90%" / "未达到90%" / "在90%以下" — true (问题 sections
    write exactly this, next to the 90% line of F07). 600a6b6 reads only lower bounds (以上/超过/高于) and reports an
    N02 警告 "应为 85%，文字写 90%"; where budget and 决算 pair by name the same true sentence is an N02 **错误**.
    A bound below is a bound as much as one above."""
    n02 = _codes(_report(tmp_path, text), "N02")
    assert not n02, n02


@pytest.mark.parametrize(
    "text",
    [
        "2023年部门预算100万元，实际支出95万元，政府采购执行率100%。",
        "2023年部门预算100万元，实际支出95万元，政府采购预算执行率100%。",
    ],
    ids=["zheng-fu-cai-gou", "zheng-fu-cai-gou-yu-suan"],
)
def test_the_procurement_execution_rate_is_not_the_budget_execution_rate(tmp_path, text):
    """政府采购执行率 (部门整体 indicator: 实际政府采购金额 / 政府采购预算) measures procurement, not the department's
    spending of its budget; the text gives no procurement figures, so nothing in it can contradict 100%. 600a6b6
    reads any "…执行率" as the budget's and reports an N02 警告 "支出 95万元 / 预算 100万元 … 应为 95%，文字写 100%"."""
    n02 = _codes(_report(tmp_path, text), "N02")
    assert not n02, n02


def test_a_rate_of_the_fiscal_funds_is_taken_against_the_fiscal_funds_budget(tmp_path):
    """ "项目预算100万元，其中财政资金80万元、自筹资金20万元；财政资金实际支出76万元，财政资金预算执行率95%": 76 / 80 =
    95%, the 财政资金 rate, exactly as printed (execution is commonly reported for the 财政资金 only). 600a6b6 skips
    the 其中 parts as budgets and reports an N02 警告 "支出 76万元 / 预算 100万元 … 应为 76%" though the spending, the
    rate and the part all name 财政资金 — a reading that gives the rate exists, so no 警告 is due."""
    text = "项目预算100万元，其中财政资金80万元、自筹资金20万元；财政资金实际支出76万元，财政资金预算执行率95%。"
    n02 = _codes(_report(tmp_path, text), "N02")
    assert not n02, n02


# ---------------------------------------------------------------- 3. 其中 parts short of their total (N02)


@pytest.mark.parametrize(
    "text",
    [
        "全年支出约100万元，其中设备购置50.00万元、人员培训30.00万元、宣传印刷19.00万元。",
        "全年支出近100万元，其中设备购置50.00万元、人员培训30.00万元、宣传印刷19.00万元。",
    ],
    ids=["yue", "jin"],
)
def test_parts_under_a_total_stated_as_approximate_are_not_short(tmp_path, text):
    """ "全年支出约100万元" / "近100万元" says the total is about / nearly 100 — and the exact parts make 99, which is
    what "近100万元" means. The rule treats the total as exact and reports an N02 警告 "少于总数 … 99万元，文字写
    100万元". 38e5fbd/600a6b6 keep 等/左右/余/多 after a part from being called short; 约/近 before the total say the
    same of the total."""
    n02 = _codes(_report(tmp_path, text), "N02")
    assert not n02, n02


def test_the_rest_of_a_list_stated_in_the_next_sentence_completes_it(tmp_path):
    """ "全年支出100.00万元，其中…50.00、30.00、19.00万元。另支付往年欠款1.00万元。": 50 + 30 + 19 + 1 = 100, the
    paragraph accounts for every 万元, the 另 sentence giving the remaining part. The check reads the 其中 sentence
    alone and reports an N02 警告 "少于总数 … 99万元"; a list whose paragraph goes on with "另…1.00万元" (the
    exact shortfall) is not short."""
    text = "全年支出100.00万元，其中设备购置50.00万元、人员培训30.00万元、宣传印刷19.00万元。另支付往年欠款1.00万元。"
    n02 = _codes(_report(tmp_path, text), "N02")
    assert not n02, n02


# ---------------------------------------------------------------- 4. a weight printed in the funds header (600a6b6)

_INDICATORS = [
    ["年度绩效目标 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    ["", "产出指标", "数量指标", "示范区面积", "≥500亩", "500亩", "80"],
]


def _funds_form(tmp_path, label_header, score_header, score):
    """The 云南 隆阳 layout of tests/test_reader_declared_weight.py: 150 of 200 spent (75%)."""
    rows = [
        ["2022年度项目支出绩效自评表"],
        ["项目名称", "化肥减量增效示范"],
        [label_header, "预算数(A)", "执行数(B)", "执行率(B/A)", score_header, "", ""],
        ["年度财政资金总额", "200", "150", "75.00%", score, "", ""],
        *_INDICATORS,
    ]
    return _workbook(tmp_path, rows, ("E4:G4",))


@pytest.mark.parametrize(
    ("label_header", "score_header"),
    [
        ("预算执行情况(万元)", "得分（满分：20分）"),
        ("预算执行情况(万元)", "得分(满分为20分)"),
        ("预算执行情况(万元)", "得分(分值20分)"),
        ("项目资金（万元）（20分）", "得分"),
    ],
    ids=["man-fen-colon", "man-fen-wei", "fen-zhi", "xiang-mu-zi-jin"],
)
def test_a_weight_the_header_declares_in_other_common_words_is_read(tmp_path, label_header, score_header):
    """MISS. 600a6b6 reads "得分(满分20分)" but not the same weight written "得分（满分：20分）", "得分(满分为20分)" or
    "得分(分值20分)", nor on the block label the 财预〔2020〕10号 form uses, "项目资金（万元）（20分）" (only
    "预算执行…" labels are looked at). 75% × 20 = 15 and the form says 17; F05 is skipped ("no 分值") and the wrong
    score goes unremarked."""
    result = _funds_form(tmp_path, label_header, score_header, "17")
    f05 = [(f.ref.cell, f.severity.value, f.message) for f in result.findings if f.code == "F05"]
    assert f05 and f05[0][:2] == ("E4", "error") and "15" in f05[0][2], f05


# ---------------------------------------------------------------- boundary guards (pass now; must keep passing)


@pytest.mark.parametrize(
    "text",
    [
        # a reduction still leaves a rate no reading gives: 85.5 / 90 = 95%, 85.5 / 100 = 85.5%, never 80%
        "2023年年初预算100万元，年中调减10万元，实际支出85.5万元，预算执行率80%。",
        # an upper bound that is false: 95% is not below 90%
        "2023年项目预算100万元，实际支出95万元，预算执行率不足90%。",
    ],
    ids=["reduction-still-wrong", "upper-bound-false"],
)
def test_guard_a_rate_no_reading_gives_stays_a_warning(tmp_path, text):
    n02 = _codes(_report(tmp_path, text), "N02")
    assert [s for s, _ in n02] == ["warning"], n02


def test_guard_the_reports_own_total_score_against_the_table(tmp_path):
    """The seed's 自评表 totals 99 分: the department's own stated 90分 is still an N01 错误."""
    n01 = _codes(_seed(tmp_path, "经自评，本部门整体支出绩效自评得分为90分，等级为优。"), "N01")
    assert [s for s, _ in n01] == ["error"] and "90分" in n01[0][1], n01
