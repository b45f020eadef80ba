"""Fixes prompted by the corpus misses (issue 11): hand-found errors in tests/realworld that perfxl missed, each shape
cut down from the real published table named in its test's docstring."""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import indicator_header, pad
from report_helpers import workbook_result as _workbook

E = ""


def _at(result, code, cell):
    return [f for f in result.findings if f.code == code and getattr(f.ref, "cell", None) == cell]


def _merges(ranges: str) -> tuple[str, ...]:
    """Merged ranges written as one space-separated line (the real tables' merge lists are long)."""
    return tuple(ranges.split())


# ---------------------------------------------------------------- a source row that repeats 分值 │ 执行率 │ 得分


def _yuan(part_score="8"):
    """裕安区 市级文物保护专项经费绩效自评表 2022 (tests/realworld/anhui-yuan-wenwubaohu-2022.toml): the 其中:当年财政拨款
    row repeats the total's 29 │ 29 │ 27.8 │ 分值 9 │ 执行率 0.958 │ 得分 8; two indicator rows kept."""
    rows = [
        pad(["市级文物保护专项经费绩效自评表(2022年度)"]),
        pad(["项目名称", "市级文物保护专项经费"]),
        pad(["主管部门", "裕安区文化和旅游局", E, E, E, "实施单位", "裕安区文化和旅游局"]),
        pad(["项目资金 (万元)", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
        pad([E, "年度资金总额", "29", "29", "27.8", "9", "0.958", "8"]),
        pad([E, "其中:当年财政拨款", "29", "29", "27.8", "9", "0.958", part_score]),
        pad([E, "上年结转资金"]),
        pad([E, "其他资金"]),
        pad(["年度总体目标", "预期目标", E, E, E, "实际完成情况"]),
        pad([E, "完成文物日常维护和测绘。", E, E, E, "基本完成年度目标。"]),
        indicator_header("绩效指标", "偏差原因分析及改进措施"),
        pad([E, "产出指标", "数量指标", "指标2:修缮建筑面积", "6000平方米", "6000平方米", "7", "7"]),
        pad([E, E, "质量指标", "指标2:工程质量管理", "≥95%", "98%", "6", "6"]),
    ]
    merges = _merges(
        "A1:I1 B2:I2 B3:E3 G3:I3 A4:A8 H4:I4 H5:I5 H6:I6 H7:I7 H8:I8 A9:A10 B9:E9 F9:I9 B10:E10 F10:I10 A11:A13 B12:B13"
    )
    return rows, merges


def test_a_source_rows_repeated_score_wrong_by_its_figures_is_certain(tmp_path):
    """其中:当年财政拨款 prints 全年预算数 29, 全年执行数 27.8, 分值 9 and 得分 8: 9 × 27.8/29 = 8.63, not 8. The row's own
    cells make the slip certain, whether or not they copy the total's (the total's 8 is an 错误 too)."""
    rows, merges = _yuan()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "F05", "H6")
    assert found and all(f.severity.value == "error" for f in found), [(f.code, f.severity.value) for f in found]
    assert ("F05", "H5") in _errors(result)


def test_a_source_rows_right_repeated_score_is_silent(tmp_path):
    """The same row printing 8.63 (what its figures give): no F05 on it."""
    rows, merges = _yuan(part_score="8.63")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "F05", "H6")


def _fucai(part_rate="95.00%"):
    """宁夏福利彩票发行中心 2023 自评表 (tests/realworld/ningxia-fucai-app-2023.toml): 全年预算数 │ 全年执行数 │ 执行率, no
    分值; the 其中:中央财政补助 row repeats the total's 50万元 │ 47.68 │ 95.00%."""
    rows = [
        pad(["2023年福彩中心绩效项目支出自评表"], 7),
        pad(["专项(项目)名称", E, "彩票市场调控资金﹣宁夏福彩AP系统改版升级"], 7),
        pad(["中央主管部门", E, "中国福利彩票发行管理中心"], 7),
        pad(["自治区主管部门", E, "宁夏回族自治区民政厅", E, "资金使用单位", "宁夏福利彩票发行中心"], 7),
        pad(["项目资金 (万元)", E, E, "全年预算数", "全年执行数", "执行率"], 7),
        pad([E, "年度资金总额", E, "50万元", "47.68", "95.00%"], 7),
        pad([E, "其中:中央财政补助", E, "50万元", "47.68", part_rate], 7),
        pad([E, "地方资金"], 7),
        pad([E, "其他资金"], 7),
        pad(["总体目标完成情况", "总体目标", E, E, "全年实际完成情况"], 7),
        pad([E, "宁夏福彩APP优化升级改版。", E, E, "已完成改版升级。"], 7),
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
        pad([E, "产出指标", "数量指标", "福彩APP系统改版升级", "100%", "100%"], 7),
        pad([E, E, "质量指标", "验收合格率", "100%", "100%"], 7),
    ]
    merges = _merges(
        "A1:G1 A2:B2 C2:G2 A3:B3 C3:G3 A4:B4 C4:D4 F4:G4 A5:C5 F5:G5 A6:A9 B6:C6 F6:G6 B7:C7 F7:G7 B8:C8 F8:G8 B9:C9 F9:G9 A10:A11 B10:D10 E10:G10 B11:D11 E11:G11 A12:A14 B13:B14"
    )
    return rows, merges


def test_a_source_rows_repeated_rate_wrong_by_its_figures_is_certain(tmp_path):
    """其中:中央财政补助 47.68 / 50 = 95.36%, printed 95.00% — the total's slip repeated on a row whose own cells make it
    certain: an 错误 at F7 as at F6."""
    rows, merges = _fucai()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "F04", "F7")
    assert found and all(f.severity.value == "error" for f in found), [(f.code, f.severity.value) for f in found]
    assert ("F04", "F6") in _errors(result)


def test_a_source_rows_right_repeated_rate_is_silent(tmp_path):
    rows, merges = _fucai(part_rate="95.36%")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "F04", "F7")


# ---------------------------------------------------------------- 年度绩效目标 (80分) over 一级 blocks that declare 100


def _fuwumaoyi(output="60", benefit="40"):
    """2020 年市级服务贸易发展资金项目自评表 (tests/realworld/buxiang-fuwumaoyi-2020.toml, a 云南 区直 form): 预算执行
    情况 (20 分) and 年度绩效目标 (80 分), whose 一级 blocks declare 产出指标 (60 分) and 效益指标 (40 分); no 分值
    column (the weights are only declared)."""
    rows = [
        pad(["2020 年市级服务贸易发展资金项目自评表"], 7),
        pad(["单位名称:区商务局", E, E, "填报日期:2021 年 4 月 22 日"], 7),
        pad(["项目名称", "2020 年市级服务贸易发展资金"], 7),
        pad(["主管部门", "区商务局", E, "项目实施单位", "投资促进中心"], 7),
        pad(["预算执行 情况(万元) (20 分)", "预算数 (A)", "执行数(B)", "执行率(B/A)", "得分 (20 分*执行率)"], 7),
        pad(["年度财政 资金总额", "285.84", "285.84", "100%", "20"], 7),
        ["年度 绩效 目标 (80 分)", "一级指标", "二级指标", "三级指标", "年初目标值 (A)", "实际完成值 (B)", "得分"],
        [E, f"产出指标 ({output} 分)", "数量指标", "服务外包离岸(万美元)", "4500", "4557.51", "10"],
        [E, E, E, "支持服务贸易、服务外 包企业数量", "3家", "3家", "10"],
        [E, E, "质量指标", "企业国际质量提升", "获得目的国 (地区)受 众欢迎", "受目的国受 众欢迎显著", "10"],
        [E, E, "时效指标", "预算资金执行率", "90%", "100%", "10"],
        [E, E, E, "资金拨付及时性", "98%以上", "100%", "10"],
        [
            E,
            f"效益指标 ({benefit} 分)",
            "社会效益 指标",
            "企业把握政治导向和文 化方向情况",
            "正确导向",
            "较好把握",
            "20",
        ],
        [
            E,
            E,
            "可持续影 响指标",
            "推动企业走出去方面发 挥的作用",
            "是否利于企 业走出去",
            "有利于推动 企业走出去",
            "20",
        ],
        pad(["总分", E, E, E, E, E, "100"], 7),
    ]
    merges = _merges("A1:G1 A2:C2 D2:G2 B3:G3 B4:C4 E4:G4 E5:G5 E6:G6 A7:A14 B8:B12 C8:C9 C11:C12 B13:B14 A15:F15")
    return rows, merges


def test_first_level_weights_above_the_declared_goal_block_weight_are_certain(tmp_path):
    """年度绩效目标 (80 分) holds 产出指标 (60 分) + 效益指标 (40 分) = 100: the table's own declarations contradict each
    other (with 预算执行 20 分 its weights come to 120) — an 错误 at the 年度绩效目标 label, A7."""
    rows, merges = _fuwumaoyi()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "W05", "A7")
    assert found and all(f.severity.value == "error" for f in found), [(f.code, f.severity.value) for f in found]
    assert [c for c in _errors(result) if c[0] == "W05"] == [("W05", "A7")]


def test_first_level_weights_adding_up_to_the_goal_block_weight_are_silent(tmp_path):
    """产出指标 (50 分) + 效益指标 (30 分) = 80 = 年度绩效目标 (80 分), and 20 + 80 = 100: no W05."""
    rows, merges = _fuwumaoyi(output="50", benefit="30")
    result = _workbook(tmp_path, rows, merges)
    assert not [f for f in result.findings if f.code == "W05"]


# ---------------------------------------------------------------- a headerless fragment: what the coverage says


def _tieluyanxian_fragment():
    """The stored end of a 大英县 部门预算项目支出绩效自评表 (tests/realworld/sichuan-daying-tieluyanxian-fragment.toml):
    indicator rows without their header, the 合计 row and the 评价结论 rows."""
    rows = [
        [E, E, E, "安全警示标志设置及时率", "=", "100", "%", "100", "5", E, E],
        [E, E, "成本指标", "安全隐患排查成本预算", "=", "6", "万元", "6", "5", E, E],
        [E, E, E, "警示标志设置成本预算", "=", "5", "万元", "5", "5", E, E],
        [E, "效益指标", "社会效益指标", "环境治理亮化美化率", "≥", "90", "%", "93", "10", E, E],
        [E, "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "95", "%", "96", "10", E, E],
        ["合计", E, E, E, E, E, E, E, "100", E, E],
        pad(["评价结论", "预算编制质量较高,完成预算目标,总体评价良好。"], 11),
        pad(["项目负责人:", E, E, E, E, E, "财务负责人:"], 11),
    ]
    merges = _merges("A6:H6 B7:K7 A8:F8 G8:K8")
    return rows, merges


def test_a_headerless_fragment_is_named_as_one_in_the_coverage(tmp_path):
    """perfxl finds tables by their header labels, so a table's continuation without its header stays unread (a stated
    limit). The coverage must say what the rows are — the headerless rest of a 绩效指标 table, rows 1–6 — not only
    "no recognisable table"."""
    rows, merges = _tieluyanxian_fragment()
    result = _workbook(tmp_path, rows, merges)
    sheet = result.coverage.sheets[0]
    assert "没有表头" in sheet.note_zh and "第 1–6 行" in sheet.note_zh, sheet.note_zh
    assert "header" in sheet.note_en, sheet.note_en
    assert not _errors(result)


def test_rows_of_words_are_not_called_a_fragment(tmp_path):
    """A sheet of text (a report's paragraphs with a 合计 line) is no indicator fragment: the plain note stays."""
    rows = [["一、项目概况", E], ["本项目用于道路保洁。", E], ["合计", "三项"]]
    result = _workbook(tmp_path, rows)
    assert "没有表头" not in result.coverage.sheets[0].note_zh


# ---------------------------------------------------------------- a score merged over two rows


def _huangshi(actual="≥360天"):
    """2022年度共享工程项目自评表, 黄石市图书馆 (tests/realworld/hubei-huangshi-tushuguan-gongxiang-2022.toml): the two
    时效指标 rows share one 得分 cell merged over both (G16:G17 there); the second's actual repeats its target."""
    rows = [
        pad(["2022年度共享工程项目自评表"], 7),
        pad(["项目名称", "共享工程"], 7),
        pad(["主管部门", "黄石市文化和旅游局", E, "项目实施单位", "黄石市图书馆"], 7),
        pad(["预算执行情况(万元) (20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"], 7),
        pad(["年度财政资金总额", "5", "5", "100%", "20"], 7),
        ["年度绩效目标1 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [E, "产出指标(40分)", "数量指标", "一个存储备份器", "25TB", "25TB", "10"],
        [E, E, "时效指标", "可保证读者使用时长", "全天候可用", "全天候", "10"],
        [E, E, E, "2022年全年", "≥360天", actual, E],
        [E, E, "成本指标", "以低价位高质量为采购原则", "5万元", "5万元", "10"],
    ]
    merges = _merges("A1:G1 B2:G2 B3:C3 E3:G3 E4:G4 E5:G5 A6:A10 B7:B10 C8:C9 G8:G9")
    return rows, merges


def test_an_actual_repeating_its_target_under_a_merged_score_is_flagged(tmp_path):
    """2022年全年: target ≥360天, actual ≥360天 — the target with its operator, no count of days — and the row is scored
    by the 得分 10 merged over it and the row above (G8:G9). The merged score scores this row too: S13, a 警告."""
    rows, merges = _huangshi()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "S13", "F9")
    assert found and all(f.severity.value == "warning" for f in found), [(f.code, f.severity.value) for f in found]
    assert "G8" in found[0].basis and "得分 10" in found[0].message, (found[0].basis, found[0].message)


def test_a_measured_actual_under_a_merged_score_is_silent(tmp_path):
    rows, merges = _huangshi(actual="365天")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "S13", "F9")


# ---------------------------------------------------------------- 河北 自评报告's 项目资金情况: 预算安排 │ 实际到位金额 │ 实际支出金额


def _ningjin(total=("", "", "", "")):
    """宁晋县 民政局 2019 (tests/realworld/hebei-ningjin-xiaofang-2019.toml): 一、项目资金情况 with 以前年度资金 │ 本年度资金
    (预算安排 │ 实际到位金额 │ 实际支出金额 │ 结余金额) by source, its 合计 row as published (blank) or filled."""
    rows = [
        pad(["工作活动(项目)负责人", "曹建峰", "联系电话", "5804476"], 6),
        pad(["一、项目资金情况"], 6),
        pad([E, "以前年度资金(万元)", "本年度资金(评价项目的资金使用年度)"], 6),
        [E, E, "预算安排 (万元)", "实际到位金额 (到达项目单位)", "实际支出金额 (项目单位支出)", "结余金额 (万元)"],
        ["合计", E, *total],
        pad(["中央财政资金"], 6),
        ["省财政资金", E, "300", "300", "151.56", "148.44"],
        ["县财政资金", E, "254", "254", "254", E],
        pad(["其他财政资金"], 6),
        pad(["二、工作活动(项目)绩效目标情况"], 6),
        pad(["绩效目标", E, E, "完成绩效目标情况及未完成的原因"], 6),
    ]
    merges = _merges("A2:F2 A3:A4 B3:B4 C3:F3 A10:F10 A11:C11 D11:F11")
    return rows, merges


def test_the_hebei_report_funds_block_is_read_and_its_blank_total_said(tmp_path):
    """The block's 预算安排 is the year's budget and 实际支出金额 its execution: read, the blank 合计 under printed sources
    (300 + 254 = 554; 151.56 + 254 = 405.56) is F02's unfilled total, a 警告 at C5 and E5. Before, rows 5–10 were
    unmapped and nothing was checked."""
    rows, merges = _ningjin()
    result = _workbook(tmp_path, rows, merges)
    f02 = sorted((f.ref.cell, f.severity.value) for f in result.findings if f.code == "F02")
    assert f02 == [("C5", "warning"), ("E5", "warning")], f02
    assert not _errors(result)


def test_the_hebei_report_funds_block_filled_right_is_silent(tmp_path):
    rows, merges = _ningjin(total=("554", "554", "405.56", "148.44"))
    result = _workbook(tmp_path, rows, merges)
    assert not [f for f in result.findings if f.code in ("F02", "F03", "F04")]


# ---------------------------------------------------------------- 浙江省项目支出绩效评价报告: 实际支出 on a line of its own


def _wuyi(county="1355.81"):
    """武义县 防尘洗护费 2019 (tests/realworld/zhejiang-wuyi-fangchenxihu-2019.toml), the 浙江省财政厅 form's 一、项目基本
    信息: 计划安排资金 │ 1355.81 │ 实际到位资金 │ 1355.81, both split by source on the lines below, then 实际支出 │ 588.23
    alone."""
    rows = [
        pad(["浙江省项目支出绩效评价报告(防尘洗护费)"], 4),
        pad(["项目名称 防尘洗护费"], 4),
        pad(["一、项 目 基 本 信 息"], 4),
        ["项目负责人", "宁华武", "联系电话", E],
        pad(["项目起止时间", "2019.1.1~2019.12.31"], 4),
        ["计划安排资金(万元)", "1355.81", "实际到位资金(万元)", "1355.81"],
        ["其中:中央财政", E, "其中:中央财政", E],
        ["省财政", E, "省财政", E],
        ["市县财政", county, "市县财政", "1355.81"],
        ["其它", E, "其它", E],
        pad(["实际支出(万元)", "588.23"], 4),
        pad(["二、项目支出明细情况"], 4),
    ]
    merges = _merges("A1:D1 A2:D2 A3:D3 B5:D5 B11:D11 A12:D12")
    return rows, merges


def test_the_zhejiang_report_funds_are_read(tmp_path):
    """Before, no table was recognised (LAYOUT_NO_TABLE). Read, the plan is the budget and the 实际支出 line its
    execution: 588.23 / 1355.81 = 43.39% with no reason in the table is F07's 警告, at the 实际支出 cell."""
    rows, merges = _wuyi()
    result = _workbook(tmp_path, rows, merges)
    assert not [f for f in result.findings if f.code == "LAYOUT_NO_TABLE"]
    f07 = [(f.ref.cell, f.severity.value) for f in result.findings if f.code == "F07"]
    assert f07 == [("B11", "warning")], f07
    assert not _errors(result)


def test_the_zhejiang_report_sources_are_summed(tmp_path):
    """市县财政 1255.81 as the only filled source of a 计划安排资金 of 1355.81: F02 at the plan's total — a 警告, as the
    blank 中央/省/其它 lines may hold the difference (F02's rule for blank sources)."""
    rows, merges = _wuyi(county="1255.81")
    result = _workbook(tmp_path, rows, merges)
    f02 = [(f.ref.cell, f.severity.value) for f in result.findings if f.code == "F02"]
    assert f02 == [("B6", "warning")], f02


def test_a_headerless_fragment_above_a_table_is_named_as_one(tmp_path):
    """大英县医疗保障局 2023 (tests/realworld/sichuan-daying-chengxiangjumin-yibao-2023.toml): page 40 of a repost opens with
    the end of one table (indicator rows, 合计, 评价结论 …) and then the next table's head. The note about the fragment
    says what its rows are, not only "无法识别". (Session 9: the fragment is now read — its columns fit the 一体化
    template by their contents — as a guess: the sheet is marked inferred and nothing on it is an 错误; before, its rows
    were one LAYOUT_UNMAPPED_ROW at row 1, tests/test_corpus_misses9.py.)"""
    rows, merges = _tieluyanxian_fragment()
    rows = [
        *rows,
        pad(["部门预算项目支出绩效自评表(2023年度)"], 11),
        pad(["项目名称", "51092322T000000431595-城乡居民监管工作经费"], 11),
        pad(["主管部门", "大英县医疗保障局部门", E, E, E, E, E, "实施单位 (盖章)", "大英县医疗保障局"], 11),
        pad(
            [
                "预算执行情况(10分)",
                "年度预算数(万元)",
                "年初预算",
                "调整后预算数",
                "预算执行数",
                E,
                E,
                "预算执行率",
                "权重",
                "得分",
            ],
            11,
        ),
        pad([E, "年度资金总额", "45", "45", "45", E, E, "100%", "10", "10"], 11),
    ]
    result = _workbook(tmp_path, rows, (*merges, "A9:K9", "B10:K10"))
    sheet = result.coverage.sheets[0]
    assert "没有表头" in sheet.note_zh and "第 1–6 行" in sheet.note_zh and not sheet.certain, sheet
    assert not [f for f in result.findings if f.code == "LAYOUT_UNMAPPED_ROW" and f.ref.row == 1]
    assert not _errors(result)


# ---------------------------------------------------------------- a 一级 block's declared weight held by its only row


def _chunjie(score="10"):
    """保山市 春节慰问 2022 (tests/realworld/yunnan-baoshan-chunjiewenwei-2022.toml), a 云南 form without a 分值 column:
    效益指标(10分) holds one row, target 小于5次 (群体性事件), actual the words 无上访, 得分 10."""
    rows = [
        pad(["2022年度项目支出绩效自评表"], 7),
        pad(["项目名称", "春节慰问经费"], 7),
        pad(["主管部门", "保山市退役军人事务局", E, "项目实施单位", "保山市退役军人事务局"], 7),
        pad(["预算执行情况(万元) (20分)", E, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"], 7),
        pad([E, "年度财政资金总额", "34.64", "34.64", "100%", "20"], 7),
        ["年度绩效目标 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [E, "产出指标(60分)", "质量指标", "补助经费足额拨付率", "100%", "100%", "60"],
        [E, "效益指标(10分)", "社会效益指标", "年内无群体性事件发生", "小于5次", "无上访", score],
        [E, "满意度指标(10分)", "服务对象满意度指标", "重点优抚对象满意率", "100%", "100%", "10"],
        pad(["总分(100分)", str(20 + 60 + int(score) + 10), E, E, "自评等级", "优"], 7),
    ]
    return rows, _merges("A1:G1 B2:G2 B3:C3 E3:G3 A4:B4 F4:G4 F5:G5 A6:A9")


def test_words_against_a_count_with_full_marks_of_a_one_row_block_are_flagged(tmp_path):
    """No 分值 column, but 效益指标(10分) declares 10 and holds only this row, so its weight is 10 and 得分 10 is full marks
    for the words 无上访 against a count target: S14, a 警告 naming where the weight came from."""
    rows, merges = _chunjie()
    result = _workbook(tmp_path, rows, merges)
    found = _at(result, "S14", "F8")
    assert found and all(f.severity.value == "warning" for f in found), [(f.code, f.severity.value) for f in found]
    assert "效益指标" in found[0].basis, found[0].basis


def test_words_below_full_marks_of_a_one_row_block_are_not_flagged(tmp_path):
    rows, merges = _chunjie(score="8")
    result = _workbook(tmp_path, rows, merges)
    assert not _at(result, "S14", "F8")
