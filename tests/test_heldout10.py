"""General fixes prompted by held-out batch 10: a table published unfilled, a target holding only its unit, units
in the indicator's name, explanations below the 总分, a unit-name label naming its level of government.

The shapes are those of real tables in tests/realworld (云南 施甸 保山猪保种场 2021: a 自评表 without a 分值 column
whose every 实际完成值, 得分 and 总分 is blank, and an explanation row below the 总分; 陕西 陈仓 2020 绩效目标表: every
指标值 prints its unit and no figure; 湖南 零陵 疾控 2021: 区级预算单位名称), cut down to what each rule reads.
"""

from __future__ import annotations

from report_helpers import findings_of as _codes
from report_helpers import pad
from report_helpers import workbook_result as _workbook

E = ""
HEAD = ["年度绩效目标", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]


def _self_evaluation(indicators, total=E):
    """A 云南-style 自评表: funds in 万元, then the indicator table with no 分值 column."""
    rows = [
        pad(["2021年度项目支出绩效自评表"], 7),
        pad(["项目名称", "某保种场建设项目"], 7),
        pad(["主管部门", "某县人民政府", E, E, "实施单位", "某县农业农村局"], 7),
        pad(["预算执行情况(万元) (20分)", E, "预算数(A)", "执行数(B)", "执行率(B/A)"], 7),
        pad([E, "年度财政资金总额", "1500", "1500", "100.00%"], 7),
        HEAD,
        *indicators,
        pad(["总分", E, E, E, E, E, total], 7),
    ]
    return rows


UNFILLED = [
    [E, "产出指标", "数量指标", "标准化圈舍面积(平方米)", "5000", E, E],
    [E, E, E, "保种数量(头)", "300", E, E],
    [E, E, "质量指标", "工程合格率(%)", "95", E, E],
    [E, "满意度指标", "服务对象满意度指标", "项目业主满意度(%)", "95", E, E],
]


def test_a_table_published_unfilled_is_one_finding_at_its_total(tmp_path):
    """Every row with a target has neither 实际完成值 nor 得分 and the 总分 is blank: one S15 at the 总分 (the rows
    it covers as related places), not one a row — and it runs on a form without a 分值 column."""
    result = _workbook(tmp_path, _self_evaluation(UNFILLED))
    [finding] = _codes(result, "S15")
    assert finding.ref.cell == "G11" and finding.severity.value == "warning"
    assert "全部 4 个指标" in finding.message
    assert [r.cell for r in finding.related] == ["F7", "F10"]


def test_one_unfilled_row_of_a_filled_table_is_named_on_its_own(tmp_path):
    filled = [
        [E, "产出指标", "数量指标", "标准化圈舍面积(平方米)", "5000", "5000", "20"],
        [E, E, E, "保种数量(头)", "300", E, E],
        [E, E, "质量指标", "工程合格率(%)", "95", "96", "20"],
        [E, "满意度指标", "服务对象满意度指标", "项目业主满意度(%)", "95", "95", "20"],
    ]
    result = _workbook(tmp_path, _self_evaluation(filled, total="80"))
    [finding] = _codes(result, "S15")
    assert finding.ref.cell == "F8" and "“保种数量(头)”有年度指标值“300”" in finding.message
    assert "表中无分值栏" in finding.basis


def test_a_percent_sign_in_the_name_is_the_targets_unit(tmp_path):
    """工程合格率(%) | 95 and 项目业主满意度(%) | 95 state their unit in the name: no I05 ("未写计量单位") and no I10
    ("应为百分比"); a 时效 deadline typed as 2023.12 is I09's to judge, not I05's."""
    rows = [
        *UNFILLED[:2],
        [E, E, "时效指标", "项目竣工时间", "2023.12", E, E],
        *UNFILLED[2:],
    ]
    result = _workbook(tmp_path, _self_evaluation(rows))
    assert not [(f.code, f.ref.cell) for f in result.findings if f.code in ("I05", "I10")]


def test_a_target_holding_only_its_unit_has_no_figure(tmp_path):
    """A 绩效目标表 whose 指标值 cells print the unit and no figure ('公里', '≧ %'): a 警告 on each (the column is
    read as the value's; a person judges), never an 错误."""
    rows = [
        pad(["2020年省级财政水利发展资金绩效目标表"], 5),
        pad(["专项(项目)名称", "农村饮水安全巩固提升工程专项"], 5),
        pad(["资金情况(万元)", "资金来源", E, "资金总额"], 5),
        pad([E, "其中:财政拨款", E, "500"], 5),
        pad(["总体目标", "完成农村饮水项目投资500万元，改善提升9200人饮水条件。"], 5),
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [E, "产出指标", "数量指标", "指标1:新建堤防、护岸长度", "公里"],
        [E, E, E, "指标2:农村饮水工程覆盖服务人口数", "万人"],
        [E, E, "质量指标", "指标1:工程验收合格率", "≧ %"],
        [E, E, E, "指标2:水质达标率", "≥95%"],
    ]
    result = _workbook(tmp_path, rows, ("A3:A4", "B3:C3", "B4:C4", "B5:E5", "A6:A10"))
    found = _codes(result, "I03")
    assert [(f.ref.cell, f.severity.value) for f in found] == [("E7", "warning"), ("E8", "warning"), ("E9", "warning")]
    assert "只有计量单位" in found[0].basis


def _low_rate_table(remark_label, remark):
    rows = _self_evaluation(
        [
            [E, "产出指标", "数量指标", "标准化圈舍面积(平方米)", "5000", "5000", "40"],
            [E, "满意度指标", "服务对象满意度指标", "项目业主满意度(%)", "95", "95", "40"],
        ],
        total="80",
    )
    rows[4] = pad([E, "年度财政资金总额", "1500", "600", "40.00%"], 7)
    return [*rows, pad([remark_label, remark], 7)]


def test_a_low_rate_explained_in_a_row_below_the_total_needs_no_reason(tmp_path):
    """施甸's form prints '偏差大或 目标未完成 原因分析 | 该项目由于…' below the 总分: the 执行率 40% is explained there, so
    F07 stays quiet; a row of 改进措施 that explains nothing leaves F07's 警告 standing."""
    label = "偏差大或 目标未完成 原因分析"
    explained = _workbook(tmp_path, _low_rate_table(label, "该项目由于用地手续未办理完成，至今未形成实质性工程量。"))
    assert not _codes(explained, "F07")
    assert not [f for f in explained.findings if f.code == "LAYOUT_UNMAPPED_ROW" and f.ref.cell.startswith("A12")]
    bare = tmp_path / "bare"
    bare.mkdir()
    unexplained = _workbook(bare, _low_rate_table("改进措施及结果应用方案", "进一步提高认识，强化责任落实。"))
    assert [f.ref.cell for f in _codes(unexplained, "F07")] == ["E5"]


def test_a_unit_name_label_naming_its_level_of_government_is_the_header_field(tmp_path):
    """湖南 零陵 2021 heads its 部门整体 form with 区级预算单位名称 │ <unit> (县级/市级 elsewhere): the unit's name field,
    so the file names its unit and F01 runs (was an unread row and F01 skipped)."""
    rows = [
        pad(["部门整体支出绩效自评表(2021年度)"], 8),
        pad(["区级预算单位名称", "某区疾病预防控制中心"], 8),
        ["年度预算申请(万元)", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [E, "年度资金总额", "2456.18", "2456.18", "2456.18", "10", "100%", "10"],
        ["年度总体目标", "预期目标", E, E, "实际完成情况", E, E, E],
        [E, "做好疾病预防控制工作。", E, E, "完成疾病预防控制工作。", E, E, E],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        [E, "产出指标", "数量指标", "流行病学调查完成率", "≥90%", "95%", "90", "90"],
        pad(["总分", E, E, E, E, E, "100", "100"], 8),
    ]
    result = _workbook(tmp_path, rows, ("A3:A4", "A5:A6", "B5:D5", "E5:H5", "B6:D6", "E6:H6"))
    assert result.unit_name == "某区疾病预防控制中心"
    assert not [s for s in result.coverage.skipped if s.code == "F01"]
