"""General fixes prompted by held-out batch 28.

First run (measured once, before any change), in two parts committed apart: 巴南区接龙镇 2021, 普陀 援滇 2022 and the tail of
大英县司法局 2023 — recall 2/2, false 错误 0, 3 of 3 read, 警告 on unmarked rows 5 (W03 2, G01 1, LAYOUT_EMPTY_TABLE 1, T02 1);
then 上海 松江九亭镇's two 2020 自评表 (城镇建设管理, 动迁安置) — recall 8/12, false 错误 0, 2 of 2 read, 警告 on unmarked rows 2
(I10 1, W01 1). Together 10/14, no false 错误, 5 of 5 read. The batch (≈ 70 look-ups, nearly all searches of the pages
store; every filled 自评表 it returned for the brief's provinces and kinds was already in the corpus but these, the
基础数据表/三公 queries finding only 决算 pages whose stored copy ends in their table of contents).

1. 大英's tail prints one indicator of 权重 90 under 绩效指标(90分) and a 合计 row of 100 (its 预算执行情况(10分) block is on
   the page before). W03 said it twice on the 合计 row: "分值合计（指标 90 …）应为 100，实际为 90" and "总分行的分值应为 90，
   实际为 100" — one discrepancy from both ends. Three corpus tables (鄂州财政局 2019, 新洲出剧团 2020, 中江水标尺 2022:
   weights 10 + 100 = 110 under a 总分 row of 100) had the same pair as two 错误. The 总分 row printing the full mark beside
   rows that miss it is now said once, by the rows' sum, its basis naming the row's figure (perfxl/rules/weights.py
   `total_weight`); the row's own finding stays when it is the surer one or its figure is not the full mark.
2. 九亭镇's 城镇建设管理 scores 及时 │ 较及时, 达标 │ 基本达标, 健全 │ 较健全 full marks, each with a reason for the shortfall:
   missed (I11 only said the actual is no tier label). A qualitative target answered by its own word softened (profile
   `qualitative.softened`: 较, 基本 …) with full marks is now an S07 警告 (perfxl/rules/scores.py `_softened_full_marks`).
3. Its 群众满意度 "≧90%" │ "≧80%" with full marks was an S01 and an S07 错误, as if the unit had printed 80%: "≧80%" gives
   only a lower bound, the value may reach 90%. An actual printed as a bound on the side the target is met from, its figure
   short of the target, now makes S01–S03/S07 警告s saying so (`_bound_actual`).

4. probe_variants then lost the F15 of 九亭's 145000000.00 under 项目资金(万元) on its amounts_wanyuan copy, which writes
   each figure with the header's unit ("145000000.00万元"): F15 skipped every amount carrying a unit of its own. One
   repeating the block's unit is the amount a bare one is, and is looked at too (perfxl/rules/money_units.py).

After the fixes: 13/14 (the one left: 145000000.00 executed with no source's 执行数 printed), no false 错误, 5 of 5 read.

The shapes are those of the real tables in tests/realworld, cut down to what the reader and the rules read.
"""

from __future__ import annotations

from report_helpers import findings_of as _codes
from report_helpers import workbook_result as _workbook

E = ""


def _zhongjiang(weights=("10", "10", "20", "10", "10", "10", "10", "10", "10"), total="100"):
    """中江县水利局 2022 绩效目标自评表 (9 columns): 执行率 分值 10 and indicator weights adding to 100 — 110 in all."""
    names = (
        "安装坡面水标尺",
        "水标尺宽度",
        "项目(工程)验收合格率",
        "及时(按期)开工率",
        "及时(按期)完工率",
        "项目计划总投资",
    )
    level2 = ("数量指标", E, "质量指标", "时效指标", E, "成本指标")
    rows = [
        ["绩效目标自评表", E, E, E, E, E, E, E, E],
        ["(2022年度)", E, E, E, E, E, E, E, E],
        ["项目名称", "小型水库水标尺制作安装", E, E, E, "项目负责人及电话", E, "谢凯", E],
        ["资金情况(万元)", E, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", E, E],
        [E, "年度资金总额:", "20", "20", "10", "100.00%", "10", E, E],
        [E, "其中:本年财政拨款", "20", "20", E, E, E, E, E],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因"],
    ]
    for i, (name, l2) in enumerate(zip(names, level2, strict=True)):
        rows.append([E, "产出指标(70分)" if i == 0 else E, l2, name, weights[i], "100%", "100%", weights[i], E])
    rows.append([E, "效益指标(20分)", "社会效益指标", "受益人口数", weights[6], "≥1000人", "≥1000人", weights[6], E])
    rows.append([E, E, E, "群众生产生活条件改善状况", weights[7], "显著提升", "显著提升", weights[7], E])
    rows.append(
        [E, "满意度指标(10分)", "服务对象满意度指标", "受益户满意度", weights[8], "≥95%", "≥95%", weights[8], E]
    )
    rows.append(["总分", E, E, E, total, E, E, total, E])
    merges = ("A1:I1", "A2:I2", "A4:B4", "A5:A6", "A7:A16", "B8:B13", "B14:B15", "A17:D17")
    return rows, merges


def test_the_full_mark_on_the_total_row_is_said_once(tmp_path):
    """中江 2022: 执行率 10 + indicators 100 = 110 under a 总分 row of 100. Before: two W03 错误 on the 总分 row's 分值 —
    "分值合计 … 应为 100，实际为 110" and "总分行的分值应为 110，实际为 100" — for one discrepancy."""
    rows, merges = _zhongjiang()
    result = _workbook(tmp_path, rows, merges)
    w03 = _codes(result, "W03")
    assert len(w03) == 1, [f.message for f in w03]
    (f,) = w03
    assert f.severity.value == "error"
    assert "分值合计" in f.message and "110" in f.message
    assert "总分行的分值 100 即满分" in f.basis


def test_a_total_row_figure_that_is_not_the_full_mark_keeps_its_own_w03(tmp_path):
    """Rows 110 under a 总分 row of 105: the rows miss the full mark and the row misprints their sum — two causes."""
    rows, merges = _zhongjiang(total="105")
    result = _workbook(tmp_path, rows, merges)
    messages = sorted(f.message for f in _codes(result, "W03"))
    assert len(messages) == 2, messages
    assert any("总分行的分值" in m for m in messages)


def _daying_tail():
    """大英县司法局 2023: the tail of a 部门预算项目支出绩效自评表 — its 预算执行情况(10分) block on the page before."""
    return [
        [
            "绩效指标(90分)",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "完成值",
            "权重",
            "得分",
            "未完成原因分析",
        ],
        [E, "产出指标", "经济成本指标", "成本控制数", "≤", "30", "万元", "完成", "90", "90", E],
        ["合计", E, E, E, E, E, E, E, "100", E, E],
        ["评价结论", "根据财政局资金下达的管理办法,将资金支付给项目施工方。", E, E, E, E, E, E, E, E, E],
    ], ("A1:A2", "A3:H3", "B4:K4")


def test_a_tail_whose_total_row_prints_the_full_mark_gets_one_w03_warning(tmp_path):
    """Before: two W03 警告 on the 合计 row (I3), "分值合计（指标 90；表中没有预算执行率分值）应为 100，实际为 90" and
    "总分行的分值应为 90，实际为 100"."""
    rows, merges = _daying_tail()
    result = _workbook(tmp_path, rows, merges)
    w03 = _codes(result, "W03")
    assert len(w03) == 1, [f.message for f in w03]
    assert w03[0].severity.value == "warning"
    assert not [f for f in result.findings if f.severity.value == "error"]


def _jiuting(indicators):
    """松江区九亭镇 2020 财政项目支出绩效自评表 (上海 10号 附1 layout): 执行率 10 and the rows given — (二级, 三级, 年度指标值,
    实际完成值, 分值, 得分, 偏差原因)."""
    rows = [
        ["财政项目支出绩效自评表", E, E, E, E, E, E, E, E],
        ["2020年度", E, E, E, E, E, E, E, E],
        ["项目名称", "城镇建设管理", E, E, E, E, E, E, E],
        ["主管部门", "松江区九亭镇人民政府", E, E, E, "实施单位", "松江区九亭镇人民政府(本部)", E, E],
        ["项目资金(万元)", E, E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [E, "年度资金总额", E, "1450", "1450", "1450", "10", "100.0%", "10"],
        [E, "其中:当年财政拨款", E, "1450", "1450", "1450", "-", "100.0%", "-"],
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
    ]
    for i, (level2, name, target, actual, weight, score, reason) in enumerate(indicators):
        rows.append([E, "产出指标" if i == 0 else E, level2, name, target, actual, weight, score, reason])
    total = sum(int(r[4]) for r in indicators) + 10
    scored = sum(int(r[5]) for r in indicators) + 10
    rows.append(["总分", E, E, E, E, E, str(total), str(scored), E])
    n = len(rows)
    merges = (
        "A1:I1",
        "A2:I2",
        "B3:I3",
        "B4:E4",
        "G4:I4",
        "A5:C5",
        "A6:A7",
        "B6:C6",
        "B7:C7",
        f"A8:A{n - 1}",
        f"A{n}:F{n}",
    )
    return rows, merges


_SOFTENED = [
    ("数量指标", "项目计划完成率", "100%", "100%", "50", "50", E),
    ("时效指标", "项目完成及时性", "及时", "较及时", "10", "10", "受进度影响拖延"),
    ("生态效益指标", "文明施工程度", "达标", "基本达标", "10", "10", "文明宣传施工不够到位"),
    ("长效管理指标", "长效管理制度健全情况", "健全", "较健全", "10", "10", "管理制度不够完善"),
    ("长效管理指标", "档案管理有效性", "有效", "有效", "10", "10", E),
]


def test_full_marks_for_a_softened_qualitative_actual_are_an_s07_warning(tmp_path):
    """九亭镇 2020: 及时 │ 较及时, 达标 │ 基本达标, 健全 │ 较健全, each full marks beside its reason for the shortfall. Before:
    no S07 (only I11 "not a tier label"); 有效 │ 有效 stays quiet."""
    rows, merges = _jiuting(_SOFTENED)
    result = _workbook(tmp_path, rows, merges)
    s07 = sorted((f.ref.cell, f.severity.value) for f in _codes(result, "S07"))
    assert s07 == [("H10", "warning"), ("H11", "warning"), ("H12", "warning")], s07
    assert "较" in next(f for f in _codes(result, "S07") if f.ref.cell == "H10").basis


def test_an_actual_written_as_a_lower_bound_is_no_certain_miss(tmp_path):
    """九亭镇 2020's 群众满意度 "≧90%" │ "≧80%", full marks 10: the actual is a lower bound, the value may reach 90%. Before:
    S01 错误 "得分应为 8.89" and S07 错误; now one S07 警告 saying the bound (a full-marks miss is S07's one finding since
    gaps17: S01 stays quiet on that cell, S07's basis gives the implied score). The same row with "80%" keeps its 错误."""
    bound = [("数量指标", "项目计划完成率", "100%", "100%", "80", "80", E)]
    bound.append(("服务对象满意度指标", "群众满意度", "≧90%", "≧80%", "10", "10", "宣传指导不到位"))
    result = _workbook(tmp_path, *_jiuting(bound))
    found = [(f.code, f.severity.value) for f in result.findings if f.code in ("S01", "S07")]
    assert sorted(found) == [("S07", "warning")], found
    assert all("下限" in f.basis for f in result.findings if f.code in ("S01", "S07"))
    plain = [*bound[:1], ("服务对象满意度指标", "群众满意度", "≧90%", "80%", "10", "10", "宣传指导不到位")]
    errors = sorted(f.code for f in _workbook(tmp_path, *_jiuting(plain)).findings if f.severity.value == "error")
    assert "S07" in errors, errors


def _dongqian(amount):
    """松江区九亭镇 2020 动迁安置 (cut short after its money): 年度资金总额 printed in 元 under 项目资金(万元)."""
    rows = [
        ["财政项目支出绩效自评表", E, E, E, E, E, E, E, E],
        ["2020年度", E, E, E, E, E, E, E, E],
        ["项目名称", "动迁安置", E, E, E, E, E, E, E],
        ["主管部门", "松江区九亭镇人民政府", E, E, E, "实施单位", "九亭镇人民政府动拆迁办公室", E, E],
        ["项目资金(万元)", E, E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [E, "年度资金总额", E, amount, amount, amount, "10", "100.0%", "10"],
        [E, "其中:当年财政拨款", E, amount, amount, amount, "-", "100.0%", "-"],
    ]
    return rows, ("A1:I1", "A2:I2", "B3:I3", "B4:E4", "G4:I4", "A5:C5", "A6:A7", "B6:C6", "B7:C7")


def test_an_amount_repeating_the_block_unit_is_still_beyond_it(tmp_path):
    """40067273.32 under 项目资金(万元) is 4006.73 亿元: F15 (typed in 元). Written "40067273.32万元" — the block's own unit
    repeated in the cell, as probe_variants' amounts_wanyuan writes it — it is the same amount; F15 was silent there."""
    bare = [f.ref.cell for f in _codes(_workbook(tmp_path, *_dongqian("40067273.32")), "F15")]
    assert bare == ["D6"], bare
    unit = [f.ref.cell for f in _codes(_workbook(tmp_path, *_dongqian("40067273.32万元")), "F15")]
    assert unit == ["D6"], unit
