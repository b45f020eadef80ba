"""Review round 7 (commits f98cbc1, 8658d3f, 68c5771): lists of parts that end once their parts make the total,
figures in brackets, claims that every target was met judged in their own clause, and a bare 万/亿 taking the
other side's unit. Each test builds its input with the project's own writers and readers (python-docx, openpyxl,
tests/reader_shapes.read_table, the seed report of perfxl.workbook.report_docx) and asserts what a reviewer at
the finance bureau expects; each failed when written."""

from __future__ import annotations

import pytest
from reader_shapes import read_table
from report_helpers import codes as _codes
from report_helpers import report_findings as _report
from report_helpers import seed_report_findings as _seed_report
from report_helpers import workbook_result as _workbook

from perfxl.model import Severity
from perfxl.validate import validate_submission

# ---------------------------------------------------------------- helpers


# ---------------------------------------------------------------- 1. lists of parts (N02)


@pytest.mark.parametrize(
    "text",
    [
        "2023年共下达项目资金100万元，其中中央资金60万元、省级资金40万元、县级配套资金20万元。",
        "2023年共下达项目资金100万元，为中央资金60万元、省级资金40万元、县级配套资金20万元。",
    ],
    ids=["qi-zhong", "wei"],
)
def test_a_third_part_joined_by_dunhao_is_still_a_part_after_the_first_two_make_the_total(tmp_path, text):
    """ "下达项目资金100万元，其中中央资金60万元、省级资金40万元、县级配套资金20万元": one list, its items joined
    by 、 inside one clause — the classic slip of a report that forgot the county's matching funds in its total.
    The parts make 120万元 against a total of 100万元: the text contradicts itself, and before f98cbc1 perfxl
    said so (N02 错误 "60 + 40 + 20 … 应为 120万元"). f98cbc1 closes the list the moment 60 + 40 reach 100, even
    in the middle of a 、-joined run, so 县级配套资金20万元 is read as a new figure and the finding is lost. A list
    may end at a clause boundary once its parts make the total; a part joined by 、 to the one before it
    cannot start a new statement."""
    findings = _report(tmp_path, text)
    n02 = _codes(findings, "N02", "error")
    assert n02 and "120万元" in n02[0][1] and "100万元" in n02[0][1], _codes(findings, "N02")


@pytest.mark.parametrize(
    "text",
    [
        "2023年共下达项目资金100万元，其中中央资金60万元、省级资金30万元，至2023年12月31日，已支出95万元，"
        "预算执行率95%。",
        "2023年共下达项目资金100万元，其中中央资金60万元，全年实际支出95万元，预算执行率95%。",
    ],
    ids=["zhi-12-yue-31-ri", "partial-list-quan-nian-zhi-chu"],
)
def test_the_spending_after_a_partial_list_of_parts_is_no_part(tmp_path, text):
    """项目 reports often name only some sources after 其中 ("其中中央资金60万元" of 100万元 — the rest is county
    money not itemised), then go on, in the same comma-run sentence, to what was spent. f98cbc1 ends a list only
    when its parts make the total exactly, or at a clause opening 截至/截止/截到 — and it dropped the "至…月"
    opening that ended a list before ("至2023年12月31日，已支出95万元" gave no finding before f98cbc1). With a
    partial list the 95万元 spent is read as one more part and perfxl reports an N02 错误 ("60 + 30 + 95 超过了
    总数 100万元", "60 + 95 …") on figures that agree: the round-6 fix ("全年实际支出" after the sources) only holds
    when every source is listed."""
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


@pytest.mark.parametrize(
    ("text", "total", "parts_sum"),
    [
        (
            "本年支出合计2,223.04万元，其中：基本支出886.12万元（其中：人员经费793.26万元，公用经费192.86万元），"
            "项目支出1,336.92万元。",
            "886.12万元",
            "986.12",
        ),
        (
            "本年支出合计2,223.04万元（其中：基本支出886.12万元，项目支出1,436.92万元）。",
            "2,223.04万元",
            "2323.04",
        ),
    ],
    ids=["nested-bracket", "bracket-after-total"],
)
def test_a_bracketed_qizhong_list_is_checked_against_the_figure_before_the_bracket(tmp_path, text, total, parts_sum):
    """f98cbc1 reads figures in brackets as "details of the figure before them" — and then checks them against
    nothing. A bracket opened by "其中：" IS the list of parts of that figure: "基本支出886.12万元（其中：人员经费
    793.26万元，公用经费192.86万元）" says 793.26 + 192.86 = 986.12 make 886.12 — wrong (the seed's 公用经费 is
    92.86). Before f98cbc1 perfxl flagged this paragraph (N02 错误, against the outer total); now nothing is
    reported. Likewise "支出合计2,223.04万元（其中：基本支出886.12万元，项目支出1,436.92万元）" — 部门决算 wording
    with the breakdown in brackets right after the total — adds up to 2,323.04 and gives no finding. The parts of
    a bracketed 其中 list should be summed against the figure right before the bracket (N02 naming it)."""
    findings = _report(tmp_path, text)
    n02 = _codes(findings, "N02", "error")
    assert n02 and total in n02[0][1] and parts_sum in n02[0][1], _codes(findings, "N02")


# ---------------------------------------------------------------- 2. claims that every target was met (N03)


@pytest.mark.parametrize(
    "sentence",
    [
        "下一步，我局将进一步加强项目跟踪管理，保证各项绩效目标全部完成。",
        "下一步，我局将加大对企业的服务力度，推动年度各项目标任务全面完成。",
    ],
    ids=["bao-zheng", "tui-dong"],
)
def test_a_next_step_plan_in_comma_clauses_is_no_claim_that_targets_were_met(tmp_path, sentence):
    """存在问题及改进措施 sections open with "下一步，" and put the plan in the clauses after it: "下一步，我局将…，
    保证/推动各项绩效目标全部完成" is an intention for next year, not a result. Before f98cbc1 the 下一步 anywhere
    before the claim made it no claim; f98cbc1 looks only inside the claim's own clause, where 保证/推动 (words
    not on its list) stand, so the plan is read as "all targets met" and perfxl reports an N03 错误 against the
    missed 规模工业总产值 (11.8% < 12%) of the seed's 自评表. An intention word opening the sentence (下一步,
    将…) still governs the clauses that follow it."""
    findings = _seed_report(tmp_path, sentence)
    assert not _codes(findings, "N03"), _codes(findings, "N03")


@pytest.mark.parametrize(
    "sentence",
    [
        "在局党组的坚强领导下，2023年度绩效目标和工作任务均已完成。",
        "2023年，我局年度绩效目标和重点工作任务全面完成。",
    ],
    ids=["gong-zuo-ren-wu", "zhong-dian-gong-zuo"],
)
def test_targets_and_work_tasks_all_done_is_a_claim_that_targets_were_met(tmp_path, sentence):
    """ "绩效目标和工作任务均已完成" is one of the commonest ways a 部门 report says everything was achieved. f98cbc1
    takes any of 工作/编报/编制/… anywhere in the matched text ("目标和工作任务均已完成") as "work about the
    targets" (meant for "绩效目标编报工作已全部完成") and drops the claim: against the seed's 自评表, where
    规模工业总产值 missed its target, the N03 错误 perfxl reported before f98cbc1 for the first sentence is gone.
    工作任务 here is a second thing that was completed, not the work of drawing up the targets."""
    findings = _seed_report(tmp_path, sentence)
    assert _codes(findings, "N03", "error"), [(f.code, f.message) for f in findings]


# ---------------------------------------------------------------- 3. a bare 万/亿 (units)


def _investment_table(goal_actual: str) -> list[list]:
    return [
        ["项目支出绩效自评表", "", "", "", "", "", "", "", ""],
        ["项目名称", "招商引资专项经费", "", "", "", "", "", "", ""],
        ["主管部门", "某县商务局", "", "", "实施单位", "某县投资促进中心", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
        ["", "年度资金总额", "100", "100", "95", "10", "95%", "9.5", ""],
        ["", "其中：当年财政拨款", "100", "100", "95", "—", "95%", "—", ""],
        ["", "上年结转资金", "", "", "", "—", "", "—", ""],
        ["", "其他资金", "", "", "", "—", "", "—", ""],
        ["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", ""],
        ["", "引进招商引资项目10个以上，招商引资额20亿元以上", "", "", "", goal_actual, "", "", ""],
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
        ["", "产出指标", "数量指标", "招商引资额", "≥20亿元", "24亿", "30", "30", "多个项目集中签约落地"],
        ["", "", "质量指标", "项目履约率", "≥90%", "95%", "20", "20", ""],
        ["", "效益指标", "经济效益指标", "带动新增就业", "≥200人", "300人", "20", "20", "新项目投产用工需求增加"],
        ["", "满意度指标", "服务对象满意度指标", "投资企业满意度", "≥90%", "95%", "20", "20", ""],
        ["总分", "", "", "", "", "", "100", "99.5", ""],
    ]


def test_a_count_in_the_achievement_text_is_not_compared_with_an_amount_written_with_a_bare_yi(tmp_path):
    """实际完成情况 "全年引进招商引资项目12个，招商引资额达到24亿元…" — the 12个 projects have no indicator of their
    own; 招商引资额's actual is written "24亿" (保山-style, the target "≥20亿元" says it is money). 8658d3f lets a
    bare 亿 take the OTHER side's base unit whatever that is, so against the count 个 it becomes "亿个": 个 and
    亿 now "convert", the 12个 projects are paired with 招商引资额 by name likeness, and perfxl reports a G03 警告
    "实际完成情况写“引进招商引资项目12个”，而指标“招商引资额”实际完成值为 24亿" — comparing 12 projects with
    2.4 billion yuan. Before 8658d3f 个 and 亿 did not convert and nothing was reported. A bare 亿 beside a
    money target is money; it must not make a count comparable with it."""
    result = _workbook(
        tmp_path,
        _investment_table("全年引进招商引资项目12个，招商引资额达到24亿元，带动新增就业300人。"),
        ("A11:A15",),
    )
    g03 = [(f.severity.value, f.message) for f in result.findings if f.code == "G03"]
    assert not [m for m in g03 if "招商引资额" in m[1]], g03


_PLAIN = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def test_a_bare_wan_actual_against_a_target_in_wan_renci_is_read_as_wan_renci():
    """ "接待游客人次 | ≥1万人次 | 0.8万 | 10 | 8": the actual 0.8万 is 0.8万人次, 80% of the target, and 10 × 80% = 8 is
    the right score. 8658d3f's rule — a bare 万/亿 after a number takes the other side's base unit — works for 亿
    ("0.8亿" against "≥1亿元" is 0.8亿元, no finding) but not for 万: the value reader multiplies "0.8万" out to
    8000 without a unit, and a side without a unit takes the target's whole unit, 万人次. perfxl reads 8000万人次
    (8000 times the target) and reports an S01 错误 "得分应为 10 … 超额完成（达目标的 8000 倍）", table 8 — a false
    错误 on a correct row, in the everyday way counts are written (≥5万人次 | 4.6万)."""
    rows = [
        ["产出指标", "数量指标", "接待游客人次", "≥1万人次", "0.8万", 10, 8, "受雨季影响，景区部分时段闭园，客流减少"],
        ["效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 80, 80, ""],
        ["满意度指标", "服务对象满意度指标", "游客满意度", "≥90%", "95%", 10, 10, ""],
        ["总分", "", "", "", "", 100, 98, ""],
    ]
    findings = validate_submission(read_table(_PLAIN, rows, "自评表", ()))
    wrong = [(f.code, f.cell, f.message) for f in findings if f.code in ("S01", "S08", "S09")]
    assert not wrong, wrong


_SPLIT = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "年度指标值",
    "度量单位",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
]


def test_an_actual_without_a_unit_is_in_the_unit_column_not_in_the_targets_wan():
    """云南/四川 forms split 指标性质 | 指标值 | 度量单位; 保山 writes 指标值 "1亿" with 度量单位 "元". Written "≥ | 1万 |
    元 | 9500": the 度量单位 column says the row is in 元, so the actual 9500 is 9500元, 95% of 1万元, and 50 × 95%
    = 47.5 is right. perfxl joins the target into "≥1万元" (unit 万元) and lets the unit-less actual take that
    unit: 9500万元, "达目标的 9500 倍", and an S01 错误 "得分应为 50，表中为 47.5". (Not new in 8658d3f — the
    same reading as before — but it is the 保山 shape that commit was written for, with 万 instead of 亿.) An
    actual without its own unit is in the row's 度量单位 (元), not in the target's 万 multiple."""
    rows = [
        [
            "产出指标",
            "数量指标",
            "农机购置补贴发放金额",
            "≥",
            "1万",
            "元",
            "9500",
            50,
            47.5,
            "部分申报对象未通过审核，补贴未予发放",
        ],
        ["效益指标", "社会效益指标", "政策知晓率", "≥", "90", "%", "95%", 40, 40, ""],
        ["满意度指标", "服务对象满意度指标", "农户满意度", "≥", "90", "%", "95%", 10, 10, ""],
        ["总分", "", "", "", "", "", "", 100, 97.5, ""],
    ]
    findings = validate_submission(read_table(_SPLIT, rows, "自评表", ()))
    wrong = [(f.code, f.cell, f.message) for f in findings if f.code in ("S01", "S07") and f.severity is Severity.ERROR]
    assert not wrong, wrong
