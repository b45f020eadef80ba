"""Fixes prompted by the corpus misses of issue 11 (session 9), each built from the real cells of the table named in
its test's docstring: a 分值 header scrambled by OCR read when the declared weights confirm it, a 预算执行率 indicator
row's score checked, a budget-execution score one unit off in its last printed place."""

from __future__ import annotations

from report_helpers import workbook_result as _workbook

E = ""


def _at(result, code, cell):
    return [f for f in result.findings if f.code == code and getattr(f.ref, "cell", None) == cell]


def _merges(ranges: str) -> tuple[str, ...]:
    return tuple(ranges.split())


# ---------------------------------------------------------------- 银川 初中公用经费 2021: "考值参分" for 参考分值


def _yinchuan(weight_head="考值参分", exec_score="9", first_weight="4"):
    """银川市本级 项目支出绩效自评表 (tests/realworld/ningxia-yinchuan-chuzhong-gongyong-2021.toml), as OCR'd: the header
    "考值参分" (参考分值 scrambled); 项目决策(10分) and 项目管理(25分) as printed, one 产出 row after them."""
    rows = [
        ["银川市本级部门项目支出绩效自评表(2021年)", E, E, E, E, E, E, E],
        ["项目名称", "初中公用经费", E, E, "主管部门", "银川市教育局", E, E],
        [
            "一级指标",
            "二级指标",
            "三级指标",
            weight_head,
            "指标值(八)",
            "全年实际值(B)",
            "得分",
            "未完成原因分析及改进措施",
        ],
        ["项目决策(10分)", "项目目标", "完整性", first_weight, "一", "目标明确、内容细化、目标量化", "4", E],
        [E, "项目立项", "相关性", "2", "一", "按照学校管理标准对学校进行管理", "2", E],
        [E, E, "可行性", "2", E, "实际工作需求", "2", E],
        [E, E, "适当性", "2", E, "有资金测第标准", "2", E],
        ["项目管理(25分)", "投入管理", "预算执行率", "10", "一", "100%", exec_score, E],
        [E, "财务管理", "财务管理制度有效性", "7", "一", "财务制度健全,严格执行制度,会计核算规范", "7", E],
        [E, "项Fl实施", "绩效监控有效性", "2", "一", "持续有效", "2", E],
        [E, E, "管理制度有效性", "6", "-", "严格执行相关管理制度", "6", E],
        ["顼目产出(30分)", "时效指标(5分)", "公用经费完成时间", "5", "2021年12月完成", "2021年12月完成", "4", E],
    ]
    return rows, _merges("A1:H1 B2:D2 F2:H2 A4:A7 B5:B7 A8:A11 B10:B11")


def test_a_scrambled_weight_header_confirmed_by_the_declared_weights_is_read(tmp_path):
    """考值参分 holds 参考分值's characters, and its numbers add up to 项目决策(10分) (4+2+2+2) and 项目管理(25分)
    (10+7+2+6): read as the 分值 column, said in a 提示; the score under its weight with no reason is then seen."""
    rows, merges = _yinchuan()
    result = _workbook(tmp_path, rows, merges)
    note = _at(result, "LAYOUT_HEADER_REORDERED", "D3")
    assert note and note[0].severity.value == "info" and "参考分值" in note[0].message
    assert _at(result, "D01", "H12"), [(f.code, f.ref) for f in result.findings]


def test_a_scrambled_header_the_weights_do_not_confirm_stays_unread(tmp_path):
    """The same header over numbers that do not add up to 项目决策(10分) (5+2+2+2 = 11): not read as 分值."""
    rows, merges = _yinchuan(first_weight="5")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "LAYOUT_HEADER_REORDERED", "D3")
    assert not [f for f in result.findings if f.code in ("D01", "F05")]


def test_a_budget_execution_indicator_at_100_percent_below_full_marks_is_certain(tmp_path):
    """项目管理 │ 投入管理 │ 预算执行率 │ 10 │ 一 │ 100% │ 9: at 100% every method gives full marks, 10 — an 错误 (F05)."""
    rows, merges = _yinchuan()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "F05", "G8")
    assert found and found[0].severity.value == "error", [(f.code, f.ref, f.severity) for f in result.findings]
    assert "10" in found[0].message


def test_a_budget_execution_indicator_at_full_marks_is_silent(tmp_path):
    rows, merges = _yinchuan(exec_score="10")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "F05", "G8")


# ---------------------------------------------------------------- 隆阳区 化肥减量增效 2022: 2.16 for 20 × 10.77%


def _longyang(score="2.16", rate="10.77%"):
    """隆阳区 2022年度项目支出绩效自评表 (tests/realworld/yunnan-longyang-huafei-2022.toml): 预算执行情况(万元) (20分) │
    预算数(A) │ 执行数(B) │ 执行率(B/A) │ 得分 (20分*执行率); two indicator rows kept."""
    rows = [
        ["2022年度项目支出绩效自评表", E, E, E, E, E, E],
        ["项目名称", "隆阳区2021年中央化肥减量增效示范县项目补助资金", E, E, E, E, E],
        ["预算执行情况(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)", E, E],
        ["年度财政资金总额", "278.4449", "30.00", rate, score, E, E],
        ["年度绩效目标 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [E, "产出指标", "质量指标", "示范区配方肥到位率", "≧80%", "85.6%", "10.0"],
        [E, E, "时效指标", "项目按时完成率", "100%", "100%", "10.0"],
    ]
    return rows, _merges("A1:G1 B2:G2 E3:G3 E4:G4 A5:A7 B6:B7")


def test_a_score_no_rate_printed_as_the_rows_rate_gives_is_certain(tmp_path):
    """20 × 30.00/278.4449 = 2.1548 → 2.15; 30.00 alone could be 30.0049 (→ 2.1552 → 2.16), but the printed 10.77%
    puts the rate in [10.765%, 10.775%): 20 × that is [2.153, 2.155), never 2.16 — an 错误 within the tolerance."""
    rows, merges = _longyang()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "F05", "E4")
    assert found and found[0].severity.value == "error", [(f.code, f.ref, f.severity) for f in result.findings]
    assert "10.77%" in found[0].basis


def test_a_score_one_unit_off_a_rate_without_decimals_can_give_is_a_judgement(tmp_path):
    """Printed 执行率 "11%" ([10.5%, 11.5%) → 20 × = [2.10, 2.30)) can give 2.16: one unit off 2.15, a 警告."""
    rows, merges = _longyang(rate="11%")
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "F05", "E4")
    assert found and all(f.severity.value == "warning" for f in found), [(f.code, f.severity) for f in found]


def test_a_score_equal_at_its_printed_places_is_silent(tmp_path):
    rows, merges = _longyang(score="2.15")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "F05", "E4")


# ---------------------------------------------------------------- 宁夏福彩 APP 2023: "已完成" against the deadline "12月"


def _fucai(actual="已完成"):
    """2023年福彩中心绩效项目支出自评表 (tests/realworld/ningxia-fucai-app-2023.toml): 年度指标值 │ 全年完成值 │
    未完成原因和改进措施, no 分值/得分; the 时效 row and one 质量 row kept."""
    rows = [
        ["2023年福彩中心绩效项目支出自评表", E, E, E, E, E, E],
        ["专项(项目)名称", E, "彩票市场调控资金﹣宁夏福彩AP系统改版升级", E, E, E, E],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
        [E, "产出指标", "质量指标", "验收合格率", "100%", "100%", E],
        [E, E, "时效指标", "完成时间", "12月", actual, E],
    ]
    return rows, _merges("A1:G1 A2:B2 C2:G2 A3:A5 B4:B5")


def test_a_deadline_answered_only_done_is_flagged(tmp_path):
    """时效 target "12月" answered "已完成": no date of completion, so whether it was on time cannot be verified (S14)."""
    rows, merges = _fucai()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "S14", "F5")
    assert found and found[0].severity.value == "warning" and "时间" in found[0].message, found


def test_a_deadline_answered_with_a_date_is_silent(tmp_path):
    rows, merges = _fucai(actual="2023年11月")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "S14", "F5")


def test_words_around_a_year_are_no_deadline(tmp_path):
    """ "同比2022年销量显著提高" answered "显著提高" (the same 福彩 table): a comparison with a year, not a deadline."""
    rows, merges = _fucai()
    rows[4][3:6] = ["提升彩票销量", "同比2022年销量显著提高", "显著提高"]
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "S14", "F5")


# ---------------------------------------------------------------- forms without 分值: the weights the scores imply


def _shidian(output_score="31.9"):
    """施甸县 项目支出绩效自评表 2019 (tests/realworld/yunnan-shidian-xinxingzhuti-2019.toml): 预算执行情况(万元)(20分),
    年初目标值(A) │ 实际完成值(B) │ 得分, no 分值 column, a 总分 row."""
    rows = [
        ["项目支出绩效自评表", E, E, E, E, E, E],
        ["项目名称", "2019年新型农业经营主体扶持项目", E, E, E, E, E],
        ["预算执行情况(万元)(20分)", E, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)", E],
        [E, "年度财政资金总额", "650", "94", "0.1", "2.9", E],
        ["年度绩效目标1 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [E, "产出指标", "数量指标", "扶持发展新型农业经营主体 (个)", "15", "6", "8.0"],
        [E, E, "数量指标", "带动贫困户(人)", "11442", "4164", "7.3"],
        [E, "效益指标", "经济效益指标", "新型经营主体实现产值(%)", "8000", "12767.36", output_score],
        [E, E, "经济效益指标", "新型经营主体助农增收 (元)", "1980", "2074", "10.5"],
        [E, "满意度指标", "服务对象满意度指标", "满意度(%)", "90", "100", "11.1"],
        ["总分", "71.7", E, E, E, E, E],
    ]
    return rows, _merges("A1:G1 B2:G2 A3:B3 A5:A10 B6:B7 B8:B9")


def test_scores_above_the_only_weights_the_scores_admit_are_flagged(tmp_path):
    """8.0 for 6 of 15 and 7.3 for 4164 of 11442 imply 20 each; 80 − 40 leaves 20 + 10 + 10 for the three over-achieved
    rows, which the scores give only uncapped (31.9 = 20 × 1.596): each is above its implied weight — 警告 S17."""
    rows, merges = _shidian()
    result = _workbook(tmp_path, rows, merges)
    found = {f.ref.cell: f for f in result.findings if f.code == "S17"}
    assert set(found) == {"G8", "G9", "G10"}, [(f.code, f.ref) for f in result.findings]
    assert all(f.severity.value == "warning" and "推断" in f.basis for f in found.values())


def test_scores_no_weight_set_fits_say_nothing(tmp_path):
    """产值 scored 25.3 and 助农增收 10.8: no whole weight gives either, and the sum can give only one row its weight —
    no weight set is fixed, so nothing is inferred and no S17."""
    rows, merges = _shidian(output_score="25.3")
    rows[8][6] = "10.8"
    result = _workbook(tmp_path, rows, merges)
    assert not [f for f in result.findings if f.code == "S17"]


def test_a_met_target_short_of_the_weight_the_sum_leaves_is_flagged(tmp_path):
    """黄冈 水土保持监测 2020 (tests/realworld/hubei-huanggang-shuitubaochi-2020.toml): 10 + 10 (met) and 20 + 20 (met)
    leave 80 − 60 = 20 for 整编资料审核, met at 98% of 98% but scored 19.6 = 20 × 98% — 警告 S17."""
    rows = [
        ["2020年度水土保持监测项目绩效自评表", E, E, E, E, E, E],
        ["项目名称", "水土保持监测", E, "主管部门", "黄冈市水利和湖泊局", "项目实施单位", "本单位"],
        ["预算执行情况(万元)(20分)", E, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)", E],
        [E, "年度财政资金总额", "10", "10", "100%", "20", E],
        ["年度绩效目标1(40分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [E, "产出指标", "质量指标", "监测数据必须合格", "100%", "100%", "10"],
        [E, E, "进度指标", "取得2018-2022监测资料", "100%", "100%", "10"],
        [E, "满意度指标", "服务对象满意度指标", "整编资料审核", "98%", "98%", "19.6"],
        ["年度绩效目标2(40分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [E, "产出指标", "质量指标", "监测数据资料整编", "100%", "100%", "20"],
        [E, E, "进度指标", "完成年度资料上报", "100%", "100%", "20"],
        ["总分", E, E, E, E, E, "99.6"],
    ]
    merges = _merges("A1:G1 A3:B3 A5:A8 B6:B7 A9:A11 B10:B11")
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "S17", "G8")
    assert found and found[0].severity.value == "warning" and "20" in found[0].message, [
        (f.code, f.ref) for f in result.findings
    ]


# ---------------------------------------------------------------- 海南 服务贸易 自评表: 到位率 full marks for 69.98%


def _hainan(arrived="398.88", score="3"):
    """海南省商务厅 服务贸易项目绩效自评表 (tests/realworld/hainan-shangwuting-fuwumaoyi.toml): 一、项目基本情况 with
    计划投资额 │ 实际到位资金 │ 实际使用情况, then the 评分 table (一级 │ 分值 │ 二级 │ 分值 │ 三级 │ 分值 │ 得分), abridged to
    a row or two a group — so each 一级/二级 分值 is that of the rows kept (项目决策 4, 项目管理 5, not the form's 20 and
    25): a 分值 beside its label declares the group's weight, and W02 holds it to the rows under it."""
    rows = [
        ["服务贸易项目绩效自评表", E, E, E, E, E, E, E],
        ["一、项目基本情况", E, E, E, E, E, E, E],
        ["项目实施单位", "省商务厅服务贸易和商贸服务业处", E, E, "主管部门", "省商务厅", E, E],
        ["计划投资额 (万元)", E, "570", "实际到位资金 (万元)", E, arrived, "实际使用情况(万元)", "395.86"],
        ["二、绩效评价指标评分", E, E, E, E, E, E, E],
        ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分", E],
        ["项目决策", "4", "项目目标", "4", "目标内容", "4", "4", E],
        ["项目管理", "5", "资金到位", "5", "到位率", "3", score, E],
        [E, E, E, E, "到位时效", "2", "2", E],
    ]
    return rows, _merges("A1:H1 A2:H2 A5:H5 A8:A9 B8:B9 C8:C9 D8:D9")


def test_full_marks_for_an_arrival_rate_the_head_money_puts_at_70_percent_is_flagged(tmp_path):
    """398.88 of 570 arrived = 69.98%: 到位率 3 of 3 needs a reason (pro rata 3 × 69.98% = 2.1) — a 警告 S18."""
    rows, merges = _hainan()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "S18", "G8")
    assert found and found[0].severity.value == "warning" and "2.1" in found[0].message, [
        (f.code, f.ref) for f in result.findings
    ]


def test_full_marks_for_money_all_arrived_is_silent(tmp_path):
    rows, merges = _hainan(arrived="570")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "S18", "G8")


# ---------------------------------------------------------------- a share above 100%: "290%" for ≥90% as OCR'd


def _buxiang(actual="290%", name="退捕渔民抽样调查满意度"):
    """2020年度长江禁捕项目自评表 (tests/realworld/buxiang-changjiangjinbu-yuye-2020.toml): the satisfaction row as
    OCR'd, ≥ read as "2" ("290%" for ≥90%), full credit 40; one 产出 row kept."""
    rows = [
        ["2020年度长江禁捕项目自评表", E, E, E, E, E, E],
        ["项目名称", "渔业成品油价格改革补贴", E, E, E, E, E],
        ["年度绩效目标", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [E, "产出指标", "数量指标", "补贴渔船数", "6", "6", "20"],
        [E, "满意度指标", "服务对象满意度", name, "90%", actual, "40"],
    ]
    return rows, _merges("A1:G1 B2:G2 A3:A5")


def test_a_satisfaction_above_100_percent_is_flagged_with_the_ocr_reading(tmp_path):
    """满意度 "290%": a share cannot pass 100%; read as ≥90% it only repeats the target — a 警告 I12 naming ≥90%."""
    rows, merges = _buxiang()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "I12", "F5")
    assert found and found[0].severity.value == "warning" and "≥90%" in found[0].message, found


def test_a_growth_above_100_percent_is_silent(tmp_path):
    """增长率 may pass 100%: not a share, no I12."""
    rows, merges = _buxiang(name="渔民收入增长率")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "I12", "F5")


# ---------------------------------------------------------------- 裕安区 文物保护 2022: a 数量指标's task list copied


_TASKS = "完成六安市六安市罗氏宗祠、李氏宗祠、英布墓日常维护,指挥部旧址报病虫害防治测绘、国保省保矢量数据测绘、龙盘石刻护栏制装"


def _yuan_tasks(actual=_TASKS):
    """裕安区 市级文物保护专项经费绩效自评表 2022 (tests/realworld/anhui-yuan-wenwubaohu-2022.toml): 修缮建筑数量 whose
    年度指标值 and 实际完成值 are the year's task list, 7 of 7; 修缮级别 (a short text twice) kept."""
    rows = [
        ["市级文物保护专项经费绩效自评表(2022年度)", E, E, E, E, E, E, E, E],
        ["项目名称", "市级文物保护专项经费", E, E, E, E, E, E, E],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度 指标值",
            "实际 完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
        [E, "产出指标", "数量指标", "指标1:修缮建筑数量", _TASKS, actual, "7", "7", E],
        [E, E, E, "指标3:修缮级别", "市级保护单位", "市级保护单位", "7", "7", E],
    ]
    return rows, _merges("A1:I1 B2:I2 A3:A5 B4:B5 C4:C5")


def test_a_quantity_rows_task_list_copied_as_its_actual_is_flagged(tmp_path):
    """The same 60-character task list as target and actual of 修缮建筑数量, 7 of 7: no count given — a 警告 S13; the
    short qualitative 市级保护单位 twice stays silent."""
    rows, merges = _yuan_tasks()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "S13", "F4")
    assert found and found[0].severity.value == "warning" and "数量" in found[0].message, found
    assert not _at(result, "S13", "F5")


def test_a_quantity_row_with_its_count_is_silent(tmp_path):
    rows, merges = _yuan_tasks(actual="修缮完成3处建筑")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "S13", "F4")


# ---------------------------------------------------------------- a headerless fragment read by its contents (大英县)


def _fragment(scores=("", "", "", "", ""), total_score="", actuals=("100", "6", "5", "93", "96")):
    """The stored end of a 大英县 部门预算项目支出绩效自评表 (tests/realworld/sichuan-daying-tieluyanxian-fragment.toml):
    indicator rows on the 一体化 form's columns without their header, the 合计 row (权重 100), 评价结论."""
    body = [
        ("", "", "安全警示标志设置及时率", "=", "100", "%", "5"),
        ("", "成本指标", "安全隐患排查成本预算", "=", "6", "万元", "5"),
        ("", "", "警示标志设置成本预算", "=", "5", "万元", "5"),
        ("效益指标", "社会效益指标", "环境治理亮化美化率", "≥", "90", "%", "10"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "95", "%", "10"),
    ]
    rows = [
        [E, l1, l2, name, op, target, unit, actual, weight, score, E]
        for (l1, l2, name, op, target, unit, weight), actual, score in zip(body, actuals, scores, strict=True)
    ]
    rows += [
        ["合计", E, E, E, E, E, E, E, "100", total_score, E],
        ["评价结论", "预算编制质量较高,完成预算目标,总体评价良好。", E, E, E, E, E, E, E, E, E],
    ]
    return rows, _merges("C2:C3 A6:H6 B7:K7")


def test_a_fragment_with_every_score_blank_is_read_and_flagged(tmp_path):
    """完成值 filled, every 得分 and the 合计 得分 blank: read by its contents (指标性质 │ 指标值 │ 度量单位 │ 完成值 │ 权重 │
    得分, the 合计's 100), the scores published unfilled — one S15 警告 at the 合计 得分; the sheet marked inferred."""
    rows, merges = _fragment()
    result = _workbook(tmp_path, rows, merges)
    sheet = result.coverage.sheets[0]
    assert sheet.read and not sheet.certain and "推断" in sheet.note_zh, sheet
    found = _at(result, "S15", "J6")
    assert found and found[0].severity.value == "warning" and "推断" in found[0].basis, [
        (f.code, f.ref) for f in result.findings
    ]


def test_nothing_on_a_fragment_is_an_error_and_its_whole_table_sums_are_skipped(tmp_path):
    """A score above its weight (安全警示 6 of 5) on the fragment: S06 stays a 警告 (the columns are a guess); the weights
    (5+5+5+10+10 = 35 against 合计 100) and the 总分 are not summed — the table's first rows are elsewhere."""
    rows, merges = _fragment(scores=("6", "5", "5", "10", "10"), total_score="100")
    result = _workbook(tmp_path, rows, merges)
    assert not [f for f in result.findings if f.severity.value == "error"], [(f.code, f.ref) for f in result.findings]
    assert _at(result, "S06", "J1")
    assert not [f for f in result.findings if f.code in ("W03", "T02", "I02")]
    skipped = {s.code for s in result.coverage.skipped}
    assert {"W03", "T02", "I02"} <= skipped, skipped


def test_placeholder_options_copied_as_target_and_actual_are_flagged(tmp_path):
    """大英县 图书馆免费开放 2022 (tests/realworld/sichuan-daying-tushuguan-fragment-2022.toml): 定性 │ 好坏 │ │ 好坏 │ 5 │ 5 —
    the template's options typed in both cells, none chosen, full marks: a 警告 S13."""
    rows, merges = _fragment(scores=("5", "5", "5", "10", "10"), total_score="100")
    rows[2][4:10] = ["定性", "好坏", E, "好坏", "5", "5"]
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "S13", "H3")
    assert found and found[0].severity.value == "warning" and "档次" in found[0].message, found


def test_rows_that_do_not_fit_the_template_stay_unread(tmp_path):
    """The same rows with a 合计 weight neither their sum nor 100 (90): the columns are not confirmed, nothing is read."""
    rows, merges = _fragment()
    rows[5][8] = "90"
    result = _workbook(tmp_path, rows, merges)
    assert not result.coverage.sheets[0].read or result.coverage.sheets[0].kind == "other"
    assert not [f for f in result.findings if f.code == "S15"]


# ---------------------------------------------------------------- 银川 2021: a stated 自评得分 no sum can reach


def _yinchuan_head(stated="98"):
    """The 银川 table (above) with its head line 实施单位 │ … │ 自评得分 │ 98, a header read as 参考分值, one 产出 row
    (项目决策(10分) + 项目管理(25分) + 项目产出(65分) declared) and no 总分 row."""
    rows, _ = _yinchuan(weight_head="参考分值")
    rows = rows[:11]
    rows.insert(2, ["实施单位", "银川市第六中学", E, E, "自评得分", stated, "财政审核评分", E])
    rows.append(["项目产出(65分)", "数量指标", "保障人数", "65", "2370人", "2370人", "50", E])
    return rows, _merges("A1:H1 B2:D2 F2:H2 B3:D3 G3:H3 A5:A8 B6:B8 A9:A12 B11:B12")


def test_a_stated_total_above_what_the_scores_and_weights_allow_is_certain(tmp_path):
    """No 总分 row; the scores add up to 10 + 24 + 50 = 84 with every weight listed (100): 98 cannot be the total — an
    错误 (T02) at the stated 自评得分, the 一级 labels declaring 10 + 25 + 65 = 100."""
    rows, merges = _yinchuan_head()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "T02", "F3")
    assert found and found[0].severity.value == "error", [(f.code, f.ref, f.severity) for f in result.findings]
    assert "84" in found[0].basis


def test_a_stated_total_within_reach_is_silent(tmp_path):
    rows, merges = _yinchuan_head(stated="84")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "T02", "F3")


# ---------------------------------------------------------------- 港南区 2018: a 评分细则 whose 得分 has no header


def _gangnan(last_score="10"):
    """港南区八塘街道 耕地地力保护补贴 绩效评分细则 2018 (tests/realworld/guangxi-gangnan-batang-gengdidili-2018.toml):
    目标名称 │ (评分标准, no header) │ 分值 │ (得分, no header)."""
    rows = [
        ["港南区八塘街道2018年耕地地力保护补贴项目专项支出绩效评分细则", E, E, E],
        ["目标名称", E, "分值", E],
        ["充分性", "制定有耕地地力保护补贴项目实施方案,得3分 ,否则不得分。", "3", "3"],
        ["宣传培训工作", "通过板报宣传耕地地力保护补贴项目,对村级工作人员进行培训,得2分。", "2", "2"],
        ["实施情况", "按时报送补贴面积的得4分;按时下发补贴资金得4分。", "8", "8"],
        ["完成情况", "全部完成发放补贴面积得5分; 全部完成补贴资金下发得5分。", "10", last_score],
    ]
    return rows, _merges("A1:D1")


def test_a_scoring_sheet_whose_score_column_has_no_header_is_read_as_a_guess(tmp_path):
    """The column after 分值 holds a number no larger than the 分值 on every row: read as 得分, the sheet marked
    inferred; the sheet no longer counts as unread."""
    rows, merges = _gangnan()
    result = _workbook(tmp_path, rows, merges)
    sheet = result.coverage.sheets[0]
    assert sheet.read and sheet.kind == "project" and not sheet.certain and "得分" in sheet.note_zh, sheet
    assert not [f for f in result.findings if f.code in ("LAYOUT_NO_TABLE", "LAYOUT_SHEET_IGNORED")]
    assert not [f for f in result.findings if f.severity.value == "error"]


def test_a_column_holding_a_number_above_its_weight_is_no_score_column(tmp_path):
    """12 beside 分值 10: the column is not confirmed as 得分 by its contents — the sheet stays unread (coverage)."""
    rows, merges = _gangnan(last_score="12")
    result = _workbook(tmp_path, rows, merges)
    assert result.coverage.sheets[0].kind == "other"
