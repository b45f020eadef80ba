"""Review of round 3 session 8's new checks on benign variants — correct tables and reports written the ways real filers
write them — and on the mistakes they exist for.

- F11 (项目资金构成 子项 │ 预算数 │ 实际数 │ 合计, 江苏 苏州市级 form; tests/test_heldout13.py's 苏州 2021 shape);
- F12 (a 成本指标 set at the whole budget whose actual is not the 全年执行数; tests/test_heldout13.py's 鄂州 2021 shape);
- S01 on a late 时效 row (partial marks → 警告, full marks → 错误; 鄂州 2019 shape);
- the narrative rules of real reports 7 (a source's rate, sources above the whole, "N%计X" shares, instalments, a figure
  after a cited 《通知》; tests/test_realreports7.py).

Each benign case asserts no 错误 and no warning of the rule under review; each defect case asserts its finding. Cases
marked "failed before" raised a false finding on main at dac9ba6 (quoted in the review report).
"""

from __future__ import annotations

import datetime

import pytest
from report_helpers import errors_of as _errors
from report_helpers import indicator_header, pad
from report_helpers import report_findings as _report
from report_helpers import workbook_result as _workbook

E = ""


def _codes(result, code):
    return [(f.ref.cell, f.severity.value) for f in result.findings if f.code == code]


# ---------------------------------------------------------------- F11: 项目资金构成 │ 子项名称 │ 预算数 │ 实际数


def _components(items, total=("合计", "210", "210"), header=("子项名称", "预算数(万元)", "实际数(万元)")):
    """苏州 2021's head cut down: its 项目资金构成 block with `items` (name, 预算数, 实际数), a `total` line (None: none)
    and the three indicator rows of tests/test_heldout13.py (full marks, weights 7.71)."""
    rows = [
        pad(["苏州市级财政支出项目绩效自评表"], 7),
        pad(["项目名称", "市财政灾备中心建设", E, E, "项目年份", "2021"], 7),
        pad(["项目主管部门(单位)", "苏州市财政局"], 7),
        ["项目资金构成(详细列出各子项目名称和金额)", header[0], E, header[1], E, header[2], E],
        *([E, name, E, budget, E, actual, E] for name, budget, actual in items),
        *([[E, total[0], E, total[1], E, total[2], E]] if total else []),
        ["项目类别", E, "指标名称", "目标值", "权重", "实际完成值", "自评分"],
        ["项目绩效实现情况(80分)", "投入目标", "配套设施到位率", "100%", "1", "100%", "1"],
        [E, E, "资金使用合规性", "合规", "3", "100%", "3"],
        [E, "产出目标", "项目验收合格率", "=100%", "3.71", "100%", "3.71"],
    ]
    return rows


_BENIGN_COMPONENTS = {
    # 203 + 7 = 210, 200 + 10 = 210, as text (the published form)
    "text": ([("机房建设", "203", "200"), ("监理服务", "7", "10")], ("合计", "210", "210")),
    # the same as number cells
    "numbers": ([("机房建设", 203, 200), ("监理服务", 7, 10)], ("合计", 210, 210)),
    # thousands separators
    "thousands": ([("机房建设", "2,030", "2,000"), ("监理服务", "70", "100")], ("合计", "2,100", "2,100")),
    # full-width digits (a Chinese IME)
    "full-width": ([("机房建设", "２０３", "２００"), ("监理服务", "７", "１０")], ("合计", "２１０", "２１０")),
    # each figure with its unit
    "units in cells": (
        [("机房建设", "203万元", "200万元"), ("监理服务", "7万元", "10万元")],
        ("合计", "210万元", "210万元"),
    ),
    # a 子项 nothing was spent on: blank, "/" or "—" under a 合计 that leaves it out
    "blank actual": ([("机房建设", "203", "200"), ("监理服务", "7", "")], ("合计", "210", "200")),
    "slash actual": ([("机房建设", "203", "200"), ("监理服务", "7", "/")], ("合计", "210", "200")),
    "dash actual": ([("机房建设", "203", "200"), ("监理服务", "7", "—")], ("合计", "210", "200")),
    "dash both": ([("机房建设", "210", "200"), ("监理服务", "—", "—")], ("合计", "210", "200")),
    # the total line named 小计 / 总计 / spaced 合  计
    "小计": ([("机房建设", "203", "200"), ("监理服务", "7", "10")], ("小计", "210", "210")),
    "总计": ([("机房建设", "203", "200"), ("监理服务", "7", "10")], ("总计", "210", "210")),
    "合  计": ([("机房建设", "203", "200"), ("监理服务", "7", "10")], ("合  计", "210", "210")),
    # components listed without a 合计: nothing to hold them to
    "no total": ([("机房建设", "203", "200"), ("监理服务", "7", "10")], None),
    # failed before: a 其中 line under a 子项 counted as one more 子项 (F11 错误 at D8 and F8: 各子项之和为 310，合计栏为 210)
    "其中 line": (
        [("机房建设", "203", "200"), ("其中：设备购置", "100", "100"), ("监理服务", "7", "10")],
        ("合计", "210", "210"),
    ),
    # failed before: two 其中 lines (F11 错误: 413 / 410 against 210)
    "two 其中 lines": (
        [("机房建设", "203", "200"), ("其中:设备", "100", "100"), ("其中:软件", "103", "100"), ("监理服务", "7", "10")],
        ("合计", "210", "210"),
    ),
    # rounded 子项 (1.333 × 3 = 3.999 printed 4; 0.335 × 2 = 0.67)
    "rounded thirds": ([("A", "1.333", "1.333"), ("B", "1.333", "1.333"), ("C", "1.333", "1.333")], ("合计", "4", "4")),
    # float number cells as Excel stores a SUM (202.96800000000002)
    "binary float": ([("机房建设", 197.33, 197.33), ("监理服务", 5.638, 5.638)], ("合计", 202.96800000000002, 202.968)),
    # a header in 元
    "元 header": (
        [("机房建设", "2030000", "2000000"), ("监理服务", "70000", "100000")],
        ("合计", "2100000", "2100000"),
    ),
}


@pytest.mark.parametrize("case", sorted(_BENIGN_COMPONENTS))
def test_components_that_add_up_raise_nothing(tmp_path, case):
    items, total = _BENIGN_COMPONENTS[case]
    result = _workbook(tmp_path, _components(items, total))
    assert not _codes(result, "F11") and not _errors(result), (case, _errors(result), _codes(result, "F11"))


def test_the_2017_form_with_only_an_actual_column_adds_up_quietly(tmp_path):
    """子项目名称 │ (no 预算数) │ 实际金额(万元): only the 实际 column is summed."""
    rows = _components(
        [("机房建设", "", "200"), ("监理服务", "", "10")], ("合计", "", "210"), ("子项目名称", "", "实际金额(万元)")
    )
    result = _workbook(tmp_path, rows)
    assert not _codes(result, "F11") and not _errors(result)


def test_components_in_mixed_units_are_not_summed_as_plain_numbers(tmp_path):
    """Failed before: a 子项 written in 元 in the 万元 form ("2030000元" beside 7 under a 合计 of 210) was summed as the
    number 2030000 — F11 错误 "项目资金构成预算数：各子项之和为 2030007，合计栏为 210". Figures in other units than the
    form's 万元 are not added as plain numbers: the check is skipped, saying why; 万元 written on some cells only is the
    form's own unit and still summed."""
    result = _workbook(tmp_path, _components([("机房建设", "2030000元", "200"), ("监理服务", "7", "10")]))
    assert not _codes(result, "F11") and not _errors(result)
    assert [s.reason_zh for s in result.coverage.skipped if s.code == "F11"] == [
        "项目资金构成预算数各栏单位不一（元、未写），未核对合计"
    ]
    wrong = _components([("机房建设", "203万元", "200"), ("监理服务", "17", "10")], ("合计", "210万元", "210"))
    assert _codes(_workbook(tmp_path, wrong), "F11") == [("D7", "error")]


@pytest.mark.parametrize("blank", ["", "/", "—"])
def test_a_blank_components_total_is_said_as_blank_not_as_unreadable(tmp_path, blank):
    """Failed before: a 合计 left blank (or "/", "—") was skipped as "项目资金构成实际数有无法读取的数字" — the cell is
    empty, not unreadable; the coverage says so (nothing to hold the 子项 to: no finding)."""
    result = _workbook(
        tmp_path, _components([("机房建设", "203", "200"), ("监理服务", "7", "10")], ("合计", "210", blank))
    )
    reasons = [s.reason_zh for s in result.coverage.skipped if s.code == "F11"]
    assert reasons == ["项目资金构成实际数的合计栏未填写，未核对各子项之和"] and not _codes(result, "F11")


@pytest.mark.parametrize(
    ("items", "total", "found"),
    [
        # 苏州 2021 as published: 197.33 + 5.638 = 202.968 under 210
        ([("机房建设", "203", "197.33"), ("监理服务", "7", "5.638")], ("合计", "210", "210"), [("F7", "error")]),
        # full-width figures, the 预算数 合计 wrong
        (
            [("机房建设", "２０３", "２００"), ("监理服务", "７", "１０")],
            ("合计", "２２０", "２１０"),
            [("D7", "error")],
        ),
        # a 子项 left blank under a larger 合计: the difference may be it — a 警告
        ([("机房建设", "203", "200"), ("监理服务", "7", "")], ("合计", "210", "210"), [("F7", "warning")]),
        # a 其中 line is no 子项, but a wrong 子项 beside it is still caught (100 + 7 ≠ 210 in 预算数)
        (
            [("机房建设", "100", "200"), ("其中：设备购置", "100", "100"), ("监理服务", "7", "10")],
            ("合计", "210", "210"),
            [("D8", "error")],
        ),
    ],
)
def test_components_that_do_not_add_up_are_found(tmp_path, items, total, found):
    assert _codes(_workbook(tmp_path, _components(items, total)), "F11") == found


# ---------------------------------------------------------------- F12: a 成本指标 at the whole budget


def _cost(costs, initial="150万", full="150万", executed="125.25万", rate="83.5%", funds_header="项目资金 (万元)"):
    """鄂州 2021 市民中心运行维护费 cut down (tests/test_heldout13.py): the funds block and the 成本指标 rows `costs`
    (name, 年度指标值, 实际完成值), then one 效益 row."""
    return [
        pad(["项目支出绩效自评表"]),
        pad(["( 2021 年度)"]),
        pad(["项目名称", "市民中心运行维护费"]),
        [funds_header, E, E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [E, "年度资金总额", E, initial, full, executed, "10", rate, "8.35"],
        [E, "其中:当年财政拨款", E, initial, full, executed, "—", E, "—"],
        indicator_header("绩 效 指 标", "偏差原因分析"),
        *([E, "产出指标", "成本指标", name, target, actual, "10", "10", E] for name, target, actual in costs),
        [E, "效益指标", "经济效益 指标", "大厅运行正常率", "100%", "100%", "10", "10", E],
    ]


_BENIGN_COSTS = {
    "spent, 万": ([("运维费", "150万", "125.25万")], {}),
    "spent, 万元 with a cap": ([("运维费", "≤150万元", "125.25万元")], {}),
    "spent, 元": ([("运维费", "1500000元", "1252500元")], {}),
    "spent, 元 with separators": ([("运维费", "1,500,000元", "1,252,500元")], {}),
    "spent, 亿元": ([("运维费", "0.015亿元", "0.012525亿元")], {}),
    "spent, full-width": ([("运维费", "１５０万", "１２５.２５万")], {}),
    "spent, number cells": ([("运维费", 150, 125.25)], {"initial": 150, "full": 150, "executed": 125.25}),
    "spent, printed to fewer places": ([("运维费", "150万", "125.3万")], {}),
    "funds block in 元": (
        [("运维费", "150万", "125.25万")],
        {"funds_header": "项目资金 (元)", "initial": "1500000", "full": "1500000", "executed": "1252500"},
    ),
    # unit costs are no whole budget, whatever their figures
    "万元/人": ([("人均成本", "150万元/人", "150万元/人")], {}),
    "元/㎡": ([("单位面积成本", "150元/㎡", "150元/㎡")], {}),
    "元/平方米": ([("单位面积成本", "150元/平方米", "150元/平方米")], {}),
    "万元/年": ([("年运维成本", "150万元/年", "150万元/年")], {}),
    # several 成本 rows, none the whole budget
    "two parts": ([("物业费", "100万", "90万"), ("维修费", "50万", "35.25万")], {}),
    # a rate is no money
    "rate": ([("成本控制率", "100%", "83.5%")], {}),
    # adjusted mid-year: the cost set at 年初 150 while 全年预算数 is 130 and all 130 spent
    "adjusted, all spent": (
        [("运维费", "150万", "130万")],
        {"initial": "150万", "full": "130万", "executed": "130万", "rate": "100%"},
    ),
    # failed before: "≤150万元" as the actual (the cost kept within its cap) is a bound the 125.25 spent keeps — F12
    # 警告 "实际完成值 ≤150万元 却不是资金表的全年执行数 125.25万" beside S13's own note of the copied target
    "a bound as the actual": ([("运维费", "≤150万元", "≤150万元")], {}),
}


@pytest.mark.parametrize("case", sorted(_BENIGN_COSTS))
def test_costs_that_are_not_a_copied_budget_raise_no_f12(tmp_path, case):
    costs, funds = _BENIGN_COSTS[case]
    result = _workbook(tmp_path, _cost(costs, **funds))
    assert not _codes(result, "F12"), case
    assert not [e for e in _errors(result) if e[0] not in ("F05",)], (case, _errors(result))


@pytest.mark.parametrize(
    ("costs", "funds"),
    [
        ([("运维费", "150万", "150万")], {}),  # 鄂州 2021 as published
        ([("运维费", "1500000元", "1500000元")], {}),  # the same in 元 against a block in 万元
        ([("运维费", 150, 150)], {"initial": 150, "full": 150, "executed": 125.25}),  # number cells, the block's unit
        # adjusted mid-year: the cost at the 全年预算数 130, the actual copied while 125.25 was spent
        ([("运维费", "130万", "130万")], {"initial": "150万", "full": "130万", "rate": "96.35%"}),
    ],
)
def test_a_budget_copied_into_a_cost_actual_is_a_warning(tmp_path, costs, funds):
    assert _codes(_workbook(tmp_path, _cost(costs, **funds)), "F12") == [("F8", "warning")]


# ---------------------------------------------------------------- S01: 时效 rows


def _deadline(target, actual, score, weight="20"):
    """鄂州 2019 财政政务管理's 时效 row (tests/test_heldout13.py) with its target, actual and score replaced."""
    rows = [
        pad(["项目支出绩效自评表"]),
        pad(["项目名称", "财政政务管理"]),
        indicator_header("绩 效 指 标", "偏差原因分析"),
        [E, "产出指标", "时效指标", "完成时限", target, actual, weight, score, "部分项目因审批延误延续至下年完成"],
        [E, "效益指标", "社会效益 指标", "群众满意度", "≥90%", "95%", "20", "20", E],
    ]
    return rows


_ON_TIME = {
    "met on its date": ("2023年12月31日", "2023年12月31日"),
    "年底 vs 12月底": ("2023年底", "2023年12月底"),
    "12月底 vs 年底": ("2023年12月底", "2023年底"),
    "提前完成": ("2023年12月底", "提前完成"),
    "按时完成": ("2023年12月底", "按时完成"),
    "earlier month": ("2023年12月底", "2023年10月"),
    "no year, same month": ("12月底前", "12月"),
    "no year, earlier": ("12月底前", "11月底"),
    "date cells, same day": (datetime.datetime(2023, 12, 31), datetime.datetime(2023, 12, 31)),
    "year vs month of it": ("2023年", "2023年12月"),
    "年内完成": ("年内完成", "2023年11月"),
    "dotted dates": ("2023.12.31", "2023.12.31"),
    "dash vs dots": ("2023-12-31", "2023.12.30"),
    "上半年 vs 6月": ("2023年上半年", "2023年6月"),
    "6月底 vs 6月30日": ("2023年6月底", "2023年6月30日"),
    "第四季度 vs 12月": ("2023年第四季度", "2023年12月"),
}


@pytest.mark.parametrize("case", sorted(_ON_TIME))
def test_a_deadline_met_with_full_marks_raises_nothing(tmp_path, case):
    target, actual = _ON_TIME[case]
    result = _workbook(tmp_path, _deadline(target, actual, "20"))
    assert not _codes(result, "S01") and not _codes(result, "S07") and not _errors(result), case


@pytest.mark.parametrize(
    ("target", "actual", "score", "found"),
    [
        ("2019年", "2020年", "10", [("H4", "warning")]),  # part of the weight: no source sets the share kept when late
        ("2023年6月底", "2023年8月", "15.5", [("H4", "warning")]),
        ("2023年10月31日前", "2023年11月15日", "10", [("H4", "warning")]),
        (datetime.datetime(2023, 6, 30), datetime.datetime(2023, 8, 1), "10", [("H4", "warning")]),
        ("2019年", "2020年", "20", [("H4", "error")]),  # full marks on a missed deadline: certain
        ("2019年", "2020年", "25", [("H4", "error")]),  # over the weight
    ],
)
def test_a_late_deadline_is_found(tmp_path, target, actual, score, found):
    # S01 or, on full marks, S07 (one cause, one finding: tests/test_gaps17.py)
    result = _workbook(tmp_path, _deadline(target, actual, score))
    assert _codes(result, "S01") + _codes(result, "S07") == found


def test_a_late_deadline_scored_nothing_is_quiet(tmp_path):
    assert not _codes(_workbook(tmp_path, _deadline("2019年", "2020年", "0")), "S01")


# ---------------------------------------------------------------- narrative: real reports 7's rules


def _loud(findings):
    return [(f.code, f.severity.value, f.message) for f in findings if f.severity.value != "info"]


_BENIGN_TEXT = {
    "two sources in one sentence, rates": "年度资金总额全年预算数500万元,全年执行数450万元,执行率90%。其中中央资金全年预算数"
    "300万元,全年执行数270万元,执行率90%;省级资金全年预算数200万元,全年执行数180万元,执行率90%。",
    "a rate printed with fewer decimals": "年度资金总额全年预算数300万元,全年执行数200万元,执行率66.7%。其中中央资金全年预算数"
    "300万元,全年执行数200万元,执行率67%。",
    "a source's rate to one decimal": "其中中央财政资金全年预算数1800万元,全年执行数1200万元,当前预算执行率66.7%;地方财政资金"
    "全年预算数200万元,全年执行数200万元,当前预算执行率100%。",
    "a source's spending in 元": "其中中央资金全年预算数1800万元,全年执行数12000000元,执行率66.67%;地方资金全年预算数200万元,"
    "全年执行数200万元,执行率100%。",
    "sources short of the whole": "年度资金总额全年预算数500万元,全年执行数450万元。其中中央资金全年预算数300万元,"
    "全年执行数270万元;省级资金全年预算数100万元,全年执行数90万元。",
    # failed before (on main and before this session): each source's 预算数 and 执行数 read as four parts of the
    # 执行数 450 — N02 错误 "“执行数”的各组成部分之和（100万元 + 100万元 + 400万元 + 350万元）超过了总数 … 950万元"
    "sources without rates": "全年预算数500万元,全年执行数450万元。其中上年结转资金预算数100万元,执行数100万元;"
    "当年财政拨款预算数400万元,执行数350万元。",
    # failed before: "其中中央财政资金:全年预算数1800万元、全年执行数1200万元、执行率66.67%;…" — N02 错误 "“执行数”的各组成部分之和
    # （1800万元 + 1200万元 + 2192.58万元 + 2192.58万元）超过了总数 … 7385.16万元，文字写 4772.58万元"
    "sources after a colon, 、 between": "年度资金总额全年预算数5372.5833万元,全年执行数4772.58万元,当前预算执行率88.83%。"
    "其中中央财政资金:全年预算数1800万元、全年执行数1200万元、执行率66.67%;地方财政资金:全年预算数2192.58万元、"
    "全年执行数2192.58万元、执行率100%。",
    # failed before: the whole and its sources in one sentence — N02 错误 "“执行数”的各组成部分之和（300万元 + 270万元 +
    # 200万元 + 180万元）超过了总数 … 950万元，文字写 450万元"
    "the whole and its sources in one sentence": "全年预算数500万元,全年执行数450万元,其中中央资金预算数300万元,执行数270万元,"
    "省级资金预算数200万元,执行数180万元。",
    "one source without a rate": "全年预算数500万元,全年执行数450万元。其中中央资金预算数300万元,执行数270万元。",
    # failed before: the whole's 年初 budget against the sources' 全年 ones (a budget raised mid-year) — N02 错误
    # "各资金来源的预算数之和（250万元 + 200万元）超过了总的预算数 … 450万元，文字写 300万元"
    "年初 whole, 全年 sources": "年初预算数300万元,全年执行数400万元。其中中央资金全年预算数250万元,执行数230万元;"
    "省级资金全年预算数200万元,执行数170万元。",
    "sources rounded at the whole": "全年预算数53725833元,全年执行数47725800元。其中中央资金全年预算数1800万元,全年执行数1200万元;"
    "地方资金全年预算数2192.58万元,全年执行数2192.58万元;其他资金全年预算数1380万元,全年执行数1380万元。",
    "last year's whole": "上年预算数300万元,上年执行数280万元。其中中央资金预算数200万元,执行数180万元;省级资金预算数"
    "150万元,执行数120万元。",
    "占比 of another base": "全年支出450万元,其中人员经费占比40%,计180万元。",
    "完成率 of an investment": "项目总投资1000万元,已完成投资600万元,完成率60%计600万元。",
    "a share and the rest": "共安排资金200万元,按50%计100万元,剩余100万元由县级承担。",
    # failed before: a change on last year's figure read as a share of this year's — N02 警告 "“三公经费”按比例计算的金额
    # （90万元 × 10%），按其自身数字应为 9万元，文字写 10万元" (last year's 100万元 × 10% = 10万元)
    "a decline's amount": "本年三公经费90万元,较上年下降10%计10万元。",
    "a growth's amount": "本年支出220万元,比上年增长10%即20万元。",
    "即 after a progress": "资金总额200万元,执行进度90%即180万元。",
    "a share rounded": "下达资金333万元,按30%计99.9万元。",
    "a share rounded to 万": "下达资金333万元,按30%计100万元。",
    "a share in 元": "下达资金150万元,按20%计300000元。",
    "a share of an earlier amount": "中央补助300万元,市级配套100万元,市级按40%计120万元。",
    "分两批, amounts": "下达资金545万元,分两批下达,第一批250万元,第二批295万元。",
    "分两批, one amount": "下达资金545万元,分两批下达,第一批250万元于3月到位,第二批于9月到位。",
    "分别于 instalments": "预算控制数为545万元,分别于2020年1月下达第一笔经费250万元,9月下达第二批专项经费295万元。",
    "instalments then a 其中": "下达资金545万元,分别于3月下达第一批300万元、9月下达第二批245万元,其中用于设备采购100万元。",
    "a cumulative second instalment": "下达资金545万元,分两批拨付,第一批250万元,第二批后累计拨付545万元。",
    # failed before: the running total after the first instalment read as a second part — N02 错误 "“下达资金”的各组成部分
    # 之和（300万元 + 545万元）超过了总数 … 845万元"
    "累计 after the first instalment": "下达资金545万元,分两次拨付第一次300万元,第二次累计拨付545万元。",
    "分三次 in one clause": "下达资金600万元,分三次拨付第一次200万元、第二次200万元、第三次200万元。",
    "instalments of the spending": "预算545万元,已支出400万元,分别于1月拨付第一笔250万元,9月拨付第二笔150万元。",
    "instalments, spending inside": "下达资金545万元,分两批下达,第一批250万元,已支出200万元,第二批295万元,已支出100万元。",
    "instalments, then other money": "下达资金545万元,分两批下达,第一批250万元,第二批295万元,另安排工作经费20万元。",
    "分两期 of the works": "项目资金545万元,工程分两期实施,第一期投资300万元,第二期投资400万元。",
    "an instalment still due": "全年预算600万元,分三批下达,第一批200万元,第二批200万元,第三批尚未下达。",
    "instalments' rates": "全年预算600万元,分两次拨付,第一次拨付到位率50%,第二次拨付到位率100%。",
    "a cited notice": "根据《关于下达2023年资金的通知》(财预〔2023〕10号),下达资金100万元,其中A镇60万元、B镇40万元。",
    "an amount in a notice's title": "根据《关于下达2023年第二批资金500万元的通知》,下达我局资金100万元,其中A镇60万元、"
    "B镇40万元。",
    "two cited notices": "根据《通知一》(财预〔2023〕1号)和《通知二》(财预〔2023〕2号)文件精神,共下达资金300万元,"
    "其中第一批100万元、第二批200万元。",
    "总支出 and its parts": "总支出4389.86万元,其中基本支出2994.57万元,项目支出1395.29万元。",
    # failed before (lead, after the review): the part's amount restated after its share read as one more part — N02 错误
    # "“项目总投资”的各组成部分之和（300万元 + 300万元）超过了总数 … 600万元，文字写 500万元"
    "a part restated after its share": "项目总投资500万元,其中财政资金300万元,占比60%计300万元,自筹资金200万元。",
    "a part restated after its share, 即": "项目总投资500万元,其中财政资金300万元,占60%即300万元。",
}


@pytest.mark.parametrize("case", sorted(_BENIGN_TEXT))
def test_benign_funds_sentences_raise_nothing(tmp_path, case):
    assert not _loud(_report(tmp_path, _BENIGN_TEXT[case])), case


_WRONG_TEXT = {
    # a source's budget over the whole's (certain)
    "a source over the whole": (
        "年度资金总额全年预算数500万元,全年执行数450万元。其中中央资金全年预算数300万元,全年执行数270万元;"
        "省级资金全年预算数250万元,全年执行数180万元。",
        "error",
        "550万元",
    ),
    # sources without rates, their spendings over the whole's (the pairs are no parts of one figure, but each kind is)
    "sources' spendings over the whole": (
        "全年预算数500万元,全年执行数450万元。其中上年结转资金预算数100万元,执行数100万元;"
        "当年财政拨款预算数400万元,执行数380万元。",
        "error",
        "480万元",
    ),
    # the whole and its sources in one sentence: the sources' spendings (290 + 180) over the 全年执行数
    "sources' spendings over the whole, one sentence": (
        "全年预算数500万元,全年执行数450万元,其中中央资金预算数300万元,执行数290万元,省级资金预算数200万元,执行数180万元。",
        "error",
        "470万元",
    ),
    # a source's rate wrong where the source's figures follow a colon, 、 between them
    "a source's rate after a colon": (
        "年度资金总额全年预算数5372.5833万元,全年执行数4772.58万元,当前预算执行率88.83%。其中中央财政资金:全年预算数"
        "1800万元、全年执行数1200万元、执行率76.67%;地方财政资金:全年预算数2192.58万元、全年执行数2192.58万元、执行率100%。",
        "warning",
        "66.67%",
    ),
    # one source whose spending exceeds the whole's
    "one source over the whole": (
        "全年预算数500万元,全年执行数450万元。其中中央资金预算数300万元,执行数470万元。",
        "error",
        "470万元",
    ),
    # both 全年: the sources' budgets are parts of the whole's
    "全年 sources over a 全年 whole": (
        "全年预算数300万元,全年执行数400万元。其中中央资金全年预算数250万元,执行数230万元;"
        "省级资金全年预算数200万元,执行数170万元。",
        "error",
        "450万元",
    ),
    # a source's rate wrong (paired by place: a judgement)
    "a source's rate": (
        "其中中央资金全年预算数300万元,全年执行数270万元,执行率80%;省级资金全年预算数200万元,全年执行数180万元,执行率90%。",
        "warning",
        "90%",
    ),
    # a share's amount wrong (its base paired by place: a judgement)
    "a share's amount": ("下达资金333万元,按30%计110万元。", "warning", "100万元"),
    # instalments over their amount
    "instalments over the amount": (
        "预算控制数为545万元,分别于2020年1月下达第一笔经费260万元,9月下达第二批专项经费295万元。",
        "error",
        "555万元",
    ),
    # missed before (quiet): "分两批下达" in a clause of its own, the instalments in the clauses after it
    "instalments after a 分两批 clause over the amount": (
        "下达资金545万元,分两批下达,第一批260万元,第二批295万元。",
        "error",
        "555万元",
    ),
    "instalments in one clause over the amount": (
        "下达资金600万元,分三次拨付第一次200万元、第二次200万元、第三次300万元。",
        "error",
        "700万元",
    ),
    "总支出's parts over it": (
        "总支出4389.86万元,其中基本支出2994.57万元,项目支出1495.29万元。",
        "error",
        "4489.86万元",
    ),
}


@pytest.mark.parametrize("case", sorted(_WRONG_TEXT))
def test_wrong_funds_sentences_are_found(tmp_path, case):
    text, severity, expected = _WRONG_TEXT[case]
    n02 = [(f.severity.value, f.message) for f in _report(tmp_path, text) if f.code == "N02"]
    assert [s for s, _ in n02] == [severity], (case, n02)
    assert expected in n02[0][1], (case, n02)


def _year_lined(target, actual, score):
    """The 10号 form's title with its year on the line below ("( 2023 年度)", as 鄂州 prints it), then the 时效 row."""
    return [pad(["项目支出绩效自评表"]), pad(["( 2023 年度)"]), *_deadline(target, actual, score)[1:]]


def test_a_yearless_deadline_is_read_in_the_year_line_under_the_title(tmp_path):
    """Failed before: "12月底前" │ "2024年1月" under a "( 2023 年度)" line was compared by month alone — S01 警告 "得分应为
    20（实际 2024-01-31 不晚于目标 12-31，按时完成…），表中为 0", its basis saying "表头也未写年度". The year line under
    the title dates the table: December 2023 was missed, 0 is the default's score (quiet), part of the weight a 警告."""
    assert not _codes(_workbook(tmp_path, _year_lined("12月底前", "2024年1月", "0")), "S01")
    partial = [f for f in _workbook(tmp_path, _year_lined("12月底前", "2024年1月", "10")).findings if f.code == "S01"]
    assert [f.severity.value for f in partial] == ["warning"]
    assert "2023" in partial[0].basis and "表头也未写年度" not in partial[0].basis
    # met within the year: quiet
    assert not _codes(_workbook(tmp_path, _year_lined("12月底前", "2023年11月", "20")), "S01")


def test_a_month_before_deadline_met_within_that_month_is_no_certain_verdict(tmp_path):
    """Failed before: "2023年10月前" │ "2023年10月15日" scored 10 of 20 was an S01 错误 "得分应为 20（实际 2023-10-15 不晚于目标
    2023-10-31，按时完成…）". "10月前" reads "before October" as well as "by October's end": a day inside October is late on
    the first reading, so the filer's deduction is no certain mistake — a 警告 naming both readings. "10月底前" is one
    reading only: the same score stays an 错误."""
    ambiguous = list(_workbook(tmp_path, _deadline("2023年10月前", "2023年10月15日", "10")).findings)
    s01 = [f for f in ambiguous if f.code == "S01"]
    assert [f.severity.value for f in s01] == ["warning"] and "10月前" in s01[0].basis
    assert not [f for f in ambiguous if f.severity.value == "error"]
    assert _codes(_workbook(tmp_path, _deadline("2023年10月底前", "2023年10月15日", "10")), "S01") == [("H4", "error")]
    # before the month, both readings agree: full marks quiet, part of them the usual 错误
    assert not _codes(_workbook(tmp_path, _deadline("2023年10月前", "2023年9月20日", "20")), "S01")
    assert _codes(_workbook(tmp_path, _deadline("2023年10月前", "2023年9月20日", "10")), "S01") == [("H4", "error")]
