"""Review round 5 (changes f88e280..HEAD): false 错误 from the new readings — amounts after "为" read as a
total's parts, indicators stated in the text checked against "目标均已完成" claims, a nameless 分值/得分 row
under the header read as a subtotal, the 预算执行 rate synonym, and the 四川 列次 row. Each test builds the
input with the project's own writers (python-docx, openpyxl) and asserts what a reviewer expects; each
failed when written."""

from __future__ import annotations

import pytest
from report_helpers import codes as _codes
from report_helpers import report_findings as _report
from report_helpers import workbook_result as _workbook

from perfxl.document.facts import stated_indicators

# ---------------------------------------------------------------- helpers


#: A 燃油补贴 indicator stated the way 转移支付 自评报告 state it (芜湖 镜湖区残联 2023): target 180, actual 164 — missed.
MISSED = "燃油补贴人次数年初指标值为不低于180人，全年实际完成值164人"


# ---------------------------------------------------------------- 1. "为" after a money total


def test_wei_introducing_a_comparison_opens_no_list_of_parts(tmp_path):
    """ "实际支出95万元，为全年预算数100万元的95%，结余5万元": "为…的95%" says what share of the budget was
    spent — the 100万元 is the budget the spending is compared with, and 结余5万元 the rest; neither is a part
    of the 95万元. perfxl reads both as the total's parts and reports an N02 错误 (100 + 5 > 95)."""
    findings = _report(tmp_path, "2023年项目实际支出95万元，为全年预算数100万元的95%，结余5万元。")
    assert not _codes(findings, "N02"), _codes(findings, "N02")


def test_wei_meaning_for_opens_no_list_of_parts(tmp_path):
    """ "为" is also the preposition "for": "投入资金30万元，为村集体经济增收20万元，带动脱贫户增收15万元" (the
    benefits of an 乡村振兴 project) names incomes the money brought, not parts of the 30万元. perfxl reads
    them as parts and reports an N02 错误 (20 + 15 > 30)."""
    findings = _report(tmp_path, "项目共投入资金30万元，为村集体经济增收20万元，带动脱贫户增收15万元。")
    assert not _codes(findings, "N02"), _codes(findings, "N02")


def test_a_wei_list_ends_where_the_sentence_goes_on_to_spending(tmp_path):
    """Reports run a whole paragraph with commas: "下达资金100万元，为中央资金60万元、省级资金40万元，截至
    2023年12月31日，已支出95万元，执行率95%". The parts (60 + 40 = 100) agree with the total; the 95万元 spent
    is a new statement, not a third part. perfxl keeps the "为" list open to the full stop and reports an N02
    错误 (60 + 40 + 95 > 100). (The same sentence with "其中" already did so before this round; the "为" list
    copies the flaw to a new wording.)"""
    findings = _report(
        tmp_path,
        "2023年共下达资金100万元，为中央资金60万元、省级资金40万元，截至2023年12月31日，已支出95万元，执行率95%。",
    )
    assert not _codes(findings, "N02"), _codes(findings, "N02")


# ---------------------------------------------------------------- 2. indicators stated in the text (N03)


@pytest.mark.parametrize(
    "paragraphs",
    [
        (MISSED + "。其余指标均已完成。",),
        (MISSED + "，偏差原因是部分对象迁出本县。", "其他绩效指标均已完成。"),
    ],
    ids=["same-paragraph", "next-paragraph"],
)
def test_the_rest_met_after_naming_the_missed_one_is_no_claim_about_it(tmp_path, paragraphs):
    """ "…全年实际完成值164人。其余指标均已完成。": the report names the missed indicator and says the OTHERS were
    met — exactly what an honest report writes. perfxl reads "其余/其他指标均已完成" as "every target met" and
    reports an N03 错误 against the very indicator the text admits was missed."""
    findings = _report(tmp_path, *paragraphs)
    assert not _codes(findings, "N03"), _codes(findings, "N03")


@pytest.mark.parametrize(
    "sentence",
    [
        "受资金下达滞后影响，年度绩效目标不能全部完成。",
        "由于省级资金于2023年12月下旬才下达，导致项目无法按计划完成目标任务。",
    ],
    ids=["bu-neng-quan-bu", "wu-fa-an-ji-hua"],
)
def test_a_negated_claim_is_no_claim_that_targets_were_met(tmp_path, sentence):
    """A 偏差原因 sentence saying the targets could NOT be met ("不能全部完成", "无法按计划完成目标任务") agrees with
    the missed indicator. perfxl's negation list (除/未/没有/尚未/部分) lacks 不能/无法, so it reads the sentence
    as the opposite claim: an N03 错误 (不能全部完成) or 警告 (无法按计划完成) in a narrative-only report."""
    findings = _report(tmp_path, MISSED + "。", sentence)
    assert not _codes(findings, "N03"), _codes(findings, "N03")


@pytest.mark.parametrize(
    "sentence",
    [
        "下一步，我单位将加强项目跟踪管理，确保各项绩效目标全部完成。",
        "为确保按计划完成目标任务，我局成立了项目实施领导小组。",
    ],
    ids=["next-step", "wei-que-bao"],
)
def test_an_intention_to_meet_the_targets_is_no_claim_that_they_were_met(tmp_path, sentence):
    """Every 自评报告 ends with 下一步工作/改进措施 ("确保各项绩效目标全部完成"), and 组织实施 sections say "为确保按计划
    完成目标任务，成立领导小组": intentions, not results. With an indicator stated as missed elsewhere in the text,
    perfxl reports an N03 错误 (警告 for the second) on the intention — new for narrative-only reports, which
    had no N03 before this round."""
    findings = _report(tmp_path, MISSED + "，主要原因是部分残疾人未申领。", sentence)
    assert not _codes(findings, "N03"), _codes(findings, "N03")


def test_a_stated_actual_with_a_thousands_separator_is_read_whole(tmp_path):
    """ "培训人次年度指标值为≥1000人次，全年实际完成值1,150人次" (counts printed with thousands separators, as
    amounts often are): the target was exceeded. perfxl cuts the actual at the comma, reads "1", and reports an
    N03 错误 ("实际完成值 1, 未达到目标") against "以上目标均已完成"."""
    text = "培训人次年度指标值为≥1000人次，全年实际完成值1,150人次。"
    assert [s.actual for s in stated_indicators(text)] == ["1,150人次"]
    findings = _report(tmp_path, text, "以上目标均已完成。")
    assert not _codes(findings, "N03"), _codes(findings, "N03")


def test_a_claim_about_one_project_is_not_an_error_against_another_projects_indicator(tmp_path):
    """A 部门 report covering two projects, each in its own paragraph: project (一) met its target and says
    "该项目绩效目标均已完成"; project (二) states its own miss and its reason. The claim is about project (一)
    only; perfxl pairs it with project (二)'s indicator and reports a certain N03 错误. At most a person should
    be asked to judge (警告), never an 错误."""
    findings = _report(
        tmp_path,
        "（一）农村公路养护项目：养护里程年度指标值为≥50公里，全年实际完成值为52公里，该项目绩效目标均已完成。",
        "（二）残疾人燃油补贴项目：" + MISSED + "，主要原因是部分残疾人迁出本县。",
    )
    assert not _codes(findings, "N03", "error"), _codes(findings, "N03")


# ---------------------------------------------------------------- 3. a nameless 分值/得分 row under the header


def _project_table(first_indicator_row: list, total_score: str) -> list[list]:
    return [
        ["项目支出绩效自评表", "", "", "", "", "", "", "", ""],
        ["项目名称", "农村公路养护", "", "", "", "", "", "", ""],
        ["主管部门", "某县交通运输局", "", "", "实施单位", "某县公路养护中心", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
        ["", "年度资金总额", "100", "100", "95", "10", "95%", "9.5", ""],
        ["", "其中：当年财政拨款", "100", "100", "95", "—", "95%", "—", ""],
        ["", "上年结转资金", "", "", "", "—", "", "—", ""],
        ["", "其他资金", "", "", "", "—", "", "—", ""],
        ["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", ""],
        ["", "养护农村公路50公里", "", "", "", "养护农村公路52公里，群众满意度95%", "", "", ""],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
        first_indicator_row,
        ["", "产出指标", "数量指标", "养护道路里程", "≥50公里", "52公里", "20", "20", ""],
        ["", "", "质量指标", "养护合格率", "≥95%", "96%", "20", "20", ""],
        ["", "效益指标", "社会效益指标", "道路通行条件改善", "有效改善", "有效改善", "20", "20", ""],
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
        ["总分", "", "", "", "", "", "100", total_score, ""],
    ]


def test_a_nameless_first_row_that_does_not_add_up_is_no_subtotal(tmp_path):
    """The first indicator row has its 一级/二级/三级 and values left blank but 分值 20 | 得分 20 (a template row
    half filled). With it the weights make 10 + 20 + 70 = 100 and the 总分 99.5 = 9.5 + 20 + 70 is right. Its 20
    is not the sum of the rows under it (70), so it cannot be their subtotal (保山's 90.00 | 90.00 is). perfxl now
    drops it as a "subtotal" and reports W03 错误 ×2 (分值合计 80) and T02 错误 (总分应为 79.5) — three false 错误 —
    where before it reported the real defect: the row's name is blank (I01)."""
    result = _workbook(tmp_path, _project_table(["", "", "", "", "", "", "20", "20", ""], "99.5"), ("A11:A16",))
    wrong = [
        (f.code, str(f.ref), f.message)
        for f in result.findings
        if f.code in ("W03", "T02") and f.severity.value == "error"
    ]
    assert not wrong, wrong
    kinds = {run.first: run.kind for t in result.coverage.tables for run in t.rows}
    assert kinds.get(12) != "subtotal"  # the row is read (and its blank name reported), not dropped
    assert [f for f in result.findings if str(f.ref).split("!")[-1][1:] == "12"]  # e.g. I01: name blank


# ---------------------------------------------------------------- 4. the 预算执行 rate synonym


def test_a_funds_block_labelled_yusuan_zhixing_keeps_its_rate_column(tmp_path):
    """湖北 项目自评表 head their funds block "预算执行情况(万元) (20分)" in the label column, then 预算数(A) |
    执行数(B) | 执行率(B/A) | 得分; a form writing the label "预算执行(万元) (20分)" now matches the new 预算执行
    rate synonym (meant for 四川's "预算执行(E/C×100%)"), the first column wins, so the label column is read as
    the rate and the real 执行率 column is lost: F04 错误 "执行率应为 80.00%，表中为 年度财政资金总额"."""
    rows = [
        ["2022年度共享工程项目自评表", "", "", "", "", "", ""],
        ["项目名称", "共享工程", "", "", "", "", ""],
        ["主管部门", "黄石市文化和旅游局", "", "项目实施单位", "黄石市图书馆", "", ""],
        ["预算执行(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)", "", ""],
        ["年度财政资金总额", "5", "4", "80%", "16", "", ""],
        ["年度绩效目标1 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        ["", "产出指标(40分)", "数量指标", "存储备份器", "25TB", "25TB", "40"],
        ["", "效益指标(30分)", "社会效益", "读者服务人次", "≥1000人次", "1200人次", "30"],
        ["", "满意度指标(10分)", "满意度", "读者满意度", "≥90%", "95%", "10"],
        ["总分", "", "", "", "", "", "96"],
    ]
    result = _workbook(tmp_path, rows, ("A6:A9",))
    f04 = [(f.severity.value, str(f.ref), f.message) for f in result.findings if f.code == "F04"]
    assert not f04, f04  # 4 / 5 = 80%, as printed in D5


# ---------------------------------------------------------------- 5. the column-number row of 四川's form


def test_a_column_number_row_labelled_lanci_is_header_not_amounts(tmp_path):
    """四川 2024 转移支付 绩效评价表 with its column-number row labelled "栏次" (the word 决算 forms use for the same
    row) instead of "列次": 栏次 | 0 | 1 | 2 … 7 numbers the columns. perfxl now reads the form (before: no table)
    but takes that row as a funds row — F03 错误 "“栏次”全年执行数 6 超过全年预算数 3" and two F02 错误 (the
    total "should be" 52.8 + 3) — three false 错误 from the column numbers."""
    rows = [
        ["2024年度林业草原改革发展资金绩效评价表"] + [""] * 11,
        ["年度:2024年"] + [""] * 11,
        [
            "资金投入情况 (万元)",
            "",
            "行次",
            "全年预算数 (A)",
            "统筹整合资金数 (B)",
            "扣除统筹整合资金后预算金额 (C)",
            "全年到位资金 (D)",
            "预算到位 (D/C×100%)",
            "全年执行资金 (E)",
            "预算执行 (E/C×100%)",
            "佐证材料",
            "",
        ],
        ["", "栏次", "0", "1", "2", "3", "4", "5", "6", "7", "所需材料", "上传端口"],
        [
            "",
            "年度资金总额(万元):",
            "1",
            "52.800000",
            "",
            "52.800000",
            "52.800000",
            "100.00%",
            "30.800000",
            "58.33%",
            "",
            "",
        ],
        [
            "",
            "其中:中央财政资金(万元)",
            "2",
            "52.800000",
            "",
            "52.800000",
            "52.800000",
            "100.00%",
            "30.800000",
            "58.33%",
            "预算下达文件、资金到位及支出凭证",
            "",
        ],
        ["", "地方财政资金(万元)", "3"] + [""] * 9,
        ["", "其他资金(万元,自有资金、社会资本、以前年度结转结余资金等)", "4"] + [""] * 9,
        ["资金管理情况", "", "", "情况说明", "", "", "存在问题", "", "改进措施", "", "", ""],
        ["", "栏次", "", "8", "", "", "9", "", "10", "", "", ""],
        ["下达及时性", "资金分解下达进度", "7", "及时分解下达", "", "", "下达滞后", "", "加快下达", "", "", ""],
    ]
    result = _workbook(tmp_path, rows, ("A1:L1", "A2:L2", "A3:A8", "K3:L3"))
    wrong = [(f.code, str(f.ref), f.message) for f in result.findings if f.code in ("F02", "F03", "F04")]
    assert not wrong, wrong
