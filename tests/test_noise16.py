"""警告 on rows the hand expectations call correct (issue 11: "no false alarms"), session 16.

`python tests/realworld/measure.py --warnings` counted 235 over the corpus before these fixes. Each fix is general
(profile data or one small function, never one table) and each test failed before it:

1. I07 ("超出 0–100%") on a change on a base (增长率, 增幅, 变动率 …: the profile's `[checks.I07] change_names`): a
   growth of 115.25% is a figure, not a slip (普惠金融: 创业担保贷款发放额增长率). A share above 100% keeps I07.
2. S01/S07 read 预算调整率, 结转结余率, 人员控制率 and 经费控制率 as lower-better (财预〔2013〕53号's 部门整体 共性指标:
   预算调整数/预算数, 结转结余/预算数, 在职人员/编制数, 公用经费支出/预算 — a budget held to). 重庆 融媒体 2021 scored
   them so (3% │ 0, full marks): four "若按“≥”理解" 警告 gone. Still a guess from the name: a miss is a 警告.
3. I05 ("未写计量单位") on a name ending in its own count unit: "化妆品抽验批次" │ ≥3, "人均培训学时" │ ≥90 are in 批次 / 学时,
   as "(人次)" in brackets already said. A name ending in what is counted ("药品监管企业数", "接受培训人数": 人 or 人次?)
   is still asked (tests/test_rules_trust.py).
4. G01 ("实际完成情况未填写") on the rows of an indicator header perfxl cannot read (临河 2022: 一级指标 │ 二级指标 │ 三级指标
   │ 年度目标指标值, the copy cut before the other columns): the goals block ends at a row naming 一级 and 二级 columns;
   its rows are reported unread (coverage), not as goals left blank.
5. W01 once a table: 产出 80 and 满意度 20 for 50 and 10 (新洲 2020) is one reweighting — one finding at the first 一级
   naming all, the others its related cells. (Beside I02's missing 一级 it stays: 鄂州 2019's 产出 85 is more than
   the missing 效益's 30 explains, and 吉林 口岸's 项目产出 25 of 50 nothing — tests/test_heldout21.py.)
6. I02 once for every 一级 missing (宁晋 2019: 效益 and 满意度 in one finding).
7. I07 beside I12 on one cell ("290%" on a 满意度: "≥90%" misread): I12 says it and how; I07 is quiet there.
8. S15 on a table of two indicators, both with a target and neither actual nor score (青神 2023's 一体化 form published
   unfilled): one finding at its 总分, as from three rows on before.
9. I03 on a table whose every target is its unit alone ("公里", "万亩", "≧ %": 陈仓 2020's 目标表, the hand check's one
   "published unfilled" warning): one finding at the first, naming how many and where. A table with one figure filled
   keeps one a row (tests/test_heldout10.py).
10. I04 on a 指标性质 column blank on every row with a target (梁平 林业局 2023: six rows, none filled): one finding at
   its first cell naming how many. A column filled on some rows keeps one a blank row (甘孜 2023, tests/test_heldout11.py).
11. LAYOUT_MISSING_FUNDS_TOTAL states its basis (it had none): the funds rows read, and what the missing total row
   leaves unchecked.
12. G03 between a level and a change (南昌 蚕茶卫生院 2021: 实际完成情况 "业务收入77.57万元" against the indicator 业务收入's
   "增收27万元"): two figures of two measures, not one figure said twice. Two levels (or two changes) still compare;
   规模工业增加值 (value added) is a level.
13. I15 (new): the weights typed into 指标值 and 实际完成值 on a form without a 分值 column (阆中 2021: 20, 20, 10, 10, 10,
   10, 20 twice, adding up to 100 — the hand check's one warning at row 14): one finding, a judgement; the I05 "未写计量
   单位" and I10 "应为百分比" it explains row by row are not said again.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, load_table, validated, variant
from rules_helpers import SHEET, briefs, good_evaluation, replace_row

from perfxl.model import Certainty, Severity

PUHUI = "sichuan-puhuijinrong-ziping"  # F7 创业担保贷款发放额增长率 │ 115.25%
KEXUECHENG = "chongqing-kexuecheng-rongmeiti-bumen-2021"  # 53号 共性指标 without operators, full marks
SUINING = "sichuan-suining-jingkai-liangpin-2021"  # counts typed "≥3" with no unit column
LINHE = "neimenggu-linhe-jiuyebuzhu-2022"  # row 24: 一级指标 │ 二级指标 │ 三级指标 │ 年度目标指标值, cut there
XINZHOU = "hubei-xinzhou-chujutuan-2020"  # 产出指标 B13 80, 满意度指标 B26 20
NINGJIN = "hebei-ningjin-gaozhongzhuxue-2019"  # no 效益, no 满意度 一级
YUYE = "buxiang-changjiangjinbu-yuye-2020"  # F15 退捕渔民抽样调查满意度 │ "290%"
QINGSHEN = "sichuan-qingshen-gongzixing-2023"  # two indicators (H15, H16), 完成值 and 得分 blank, 合计 得分 J17 blank
LINXIANG = "yunnan-linxiang-shourongsuo-2023"  # E9 "钢结构圈养围栏120米" against the indicator's 121.5米
LANGZHONG = "sichuan-langzhong-chegoushui-2021"  # E14–E24 20/20/10/10/10/10/20, F the same, no 分值 column
NANCHANG = "jiangxi-nanchang-canchaweishengyuan-bumen-2021"  # funds rows 资金来源/资金结构, no 年度资金总额 row
LIANGPING = "chongqing-liangping-linye-bumen-2023"  # 指标性质 C10–C15 all blank
GANZI = "sichuan-ganzi-shijianju-mubiao-2023"  # 指标性质 D4–D15 blank, D16–D18 定性
CHENCANG = "shaanxi-chencang-yinshui-mubiao-2020"  # 指标值 E11–E15: 公里, 万亩, 万人, 公里, ≧ %


def _result(tmp_path, name, **cells):
    return validated(variant(name, cells) if cells else load_table(CORPUS / f"{name}.toml"), tmp_path)


def _at(result, code):
    return sorted(str(f.ref) for f in result.findings if f.code == code)


# ---------------------------------------------------------------- 1. a change rate may pass 100%


def test_a_growth_rate_above_100_is_no_range_slip(tmp_path):
    assert "Sheet1!F7" not in _at(_result(tmp_path, PUHUI), "I07")
    ev = replace_row(good_evaluation(), 6, name="服务对象数量增长率", actual="115%")
    assert briefs(ev, "I07") == []


def test_a_completion_rate_above_100_still_is(tmp_path):
    ev = replace_row(good_evaluation(), 6, name="任务完成率", actual="115%")
    assert briefs(ev, "I07") == [("I07", SHEET, "F18")]
    assert "Sheet1!F7" in _at(_result(tmp_path, PUHUI, D7="创业担保贷款发放完成率"), "I07")


# ---------------------------------------------------------------- 2. 53号's budget ratios are lower-better


def test_budget_ratios_of_53hao_read_lower_is_better(tmp_path):
    result = _result(tmp_path, KEXUECHENG)
    for cell in ("Sheet1!J9", "Sheet1!J13", "Sheet1!J14", "Sheet1!J15"):  # 3% │ 0, 2% │ 0, 100% │ 92%, 100% │ 97%
        assert not [f.code for f in result.findings if str(f.ref) == cell and f.code in ("S01", "S07")], cell


def test_a_budget_ratio_over_its_ceiling_is_still_a_guessed_miss(tmp_path):
    result = _result(tmp_path, KEXUECHENG, G13="8%")  # 预算调整率 3% │ 8%, full marks 2
    # full marks on the miss: S07's one finding (tests/test_gaps17.py)
    (s02,) = [f for f in result.findings if f.code == "S07" and str(f.ref) == "Sheet1!J13"]
    assert s02.severity is Severity.WARNING and s02.certainty is Certainty.GUESS
    assert "按指标名称含“预算调整率”推断为越低越好" in s02.basis, s02.basis


# ---------------------------------------------------------------- 3. a name ending in its count unit


def test_a_name_ending_in_its_count_unit_states_it(tmp_path):
    asked = _at(_result(tmp_path, SUINING), "I05")
    for cell in ("Sheet1!D10", "Sheet1!D11", "Sheet1!D15"):  # 化妆品/医疗器械抽验批次 ≥3/≥2, 人均培训学时 ≥90
        assert cell not in asked, asked
    assert "Sheet1!D12" in asked and "Sheet1!D9" in asked  # 药品监管企业数, 药品抽验品种: no unit named
    assert briefs(replace_row(good_evaluation(), 0, name="培训场次", target="≥3"), "I05") == []


def test_a_name_ending_in_what_it_counts_is_still_asked():
    # (the actual "320" printing no unit either: a 人数 row whose actual counts in 人/人次 has it read there since
    # tests/test_gaps17.py)
    for name in ("接受培训人数", "培训人次数量", "覆盖万人"):
        ev = replace_row(good_evaluation(), 0, name=name, target="≥300", actual="320")
        assert briefs(ev, "I05") == [("I05", SHEET, "E12")], name


# ---------------------------------------------------------------- 4. the goals end at an indicator header


def test_an_indicator_header_perfxl_cannot_read_ends_the_goals(tmp_path):
    result = _result(tmp_path, LINHE)
    assert _at(result, "G01") == []
    unread = [f for f in result.findings if f.code == "LAYOUT_UNMAPPED_ROW" and "第 24–26 行" in f.message]
    assert unread and unread[0].severity is Severity.INFO, [f.message for f in result.findings]


def test_a_goal_left_blank_above_the_header_is_still_said(tmp_path):
    assert _at(_result(tmp_path, LINHE, E23=""), "G01") == ["Sheet1!E23"]


# ---------------------------------------------------------------- 5. W01 once a table


def test_one_reweighting_is_one_finding(tmp_path):
    result = _result(tmp_path, XINZHOU)
    (w01,) = [f for f in result.findings if f.code == "W01"]
    assert str(w01.ref) == "Sheet1!B13" and [str(r) for r in w01.related] == ["Sheet1!B26"]
    assert w01.message == "“产出指标”、“满意度指标”分值为 80、20，默认 50、10；调整权重须说明理由", w01.message
    assert "B13 分值 80（默认 50）" in w01.basis and "B26 分值 20（默认 10）" in w01.basis, w01.basis


# ---------------------------------------------------------------- 6. I02 once for the 一级 missing


def test_every_level1_missing_is_one_finding(tmp_path):
    found = [f.message for f in _result(tmp_path, NINGJIN).findings if f.code == "I02"]
    assert "缺少一级指标“效益指标”、“满意度指标”" in found and len(found) == 2, found  # and 产出's 二级


# ---------------------------------------------------------------- 7. a share above 100%: I12's alone


def test_a_share_above_100_is_i12s_alone(tmp_path):
    result = _result(tmp_path, YUYE)
    assert _at(result, "I12") == ["Sheet1!F15"] and "Sheet1!F15" not in _at(result, "I07")


# ---------------------------------------------------------------- 8. two unfilled rows: one S15


def test_a_two_row_table_published_unfilled_is_one_finding(tmp_path):
    result = _result(tmp_path, QINGSHEN)
    (s15,) = [f for f in result.findings if f.code == "S15"]
    assert str(s15.ref) == "Sheet1!J17" and "全部 2 个指标" in s15.message, s15.message
    assert [str(r) for r in s15.related] == ["Sheet1!H15", "Sheet1!H16"]
    # one of the two filled: the other is still its own finding
    assert _at(_result(tmp_path, QINGSHEN, H15="100", J15="60"), "S15") == ["Sheet1!H16"]


# ---------------------------------------------------------------- 9. every target a unit alone: one I03


def test_a_target_table_without_any_figure_is_one_finding(tmp_path):
    result = _result(tmp_path, CHENCANG)
    (i03,) = [f for f in result.findings if f.code == "I03"]
    assert str(i03.ref) == "Sheet1!E11" and i03.severity is Severity.WARNING
    assert "本表全部 5 个指标值（E11–E15）都只有计量单位" in i03.message, i03.message
    assert "“万亩”" in i03.basis and "“≧ %”" in i03.basis, i03.basis
    # one figure filled: each unit alone is its own finding again
    assert _at(_result(tmp_path, CHENCANG, E12="2万亩"), "I03") == [
        "Sheet1!E11",
        "Sheet1!E13",
        "Sheet1!E14",
        "Sheet1!E15",
    ]


# ---------------------------------------------------------------- 10. a 指标性质 column left blank: one I04


def test_a_nature_column_left_blank_is_one_finding(tmp_path):
    result = _result(tmp_path, LIANGPING)
    (i04,) = [f for f in result.findings if f.code == "I04"]
    assert str(i04.ref) == "Sheet1!C10" and i04.severity is Severity.WARNING
    assert "本表全部 6 个指标的指标性质均未填写（C10–C15）" in i04.message, i04.message
    # one operator filled: each blank is its own finding again
    assert _at(_result(tmp_path, LIANGPING, C12="≥"), "I04") == [f"Sheet1!C{r}" for r in (10, 11, 13, 14, 15)]
    assert len(_at(_result(tmp_path, GANZI), "I04")) > 1  # 定性 on its last rows: the blanks are rows left unfilled


# ---------------------------------------------------------------- 11. a funds block without its total row: the basis


def test_a_funds_block_without_its_total_says_what_was_read(tmp_path):
    (note,) = [f for f in _result(tmp_path, NANCHANG).findings if f.code == "LAYOUT_MISSING_FUNDS_TOTAL"]
    assert note.basis.startswith("读取：资金表的行 “资金来源:(1)财政拨款”、“资金结构:(1)基本支出”"), note.basis
    assert "以合计行为准的核对" in note.basis and note.basis_en, note.basis


# ---------------------------------------------------------------- 12. G03: a level is not a change


def test_a_level_and_a_change_are_not_compared(tmp_path):
    assert _at(_result(tmp_path, NANCHANG), "G03") == []  # 业务收入77.57万元 │ 增收27万元
    assert _at(_result(tmp_path, NANCHANG, F23="80万元"), "G03") == ["Sheet1!F8"]  # a level against a level
    assert _at(_result(tmp_path, LINXIANG), "G03") == ["Sheet1!E9"]


# ---------------------------------------------------------------- 13. the weights typed as targets: one I15


def test_weights_typed_as_targets_are_one_finding(tmp_path):
    result = _result(tmp_path, LANGZHONG)
    (i15,) = [f for f in result.findings if f.code == "I15"]
    assert str(i15.ref) == "Sheet1!E14" and i15.severity is Severity.WARNING and i15.certainty is Certainty.JUDGEMENT
    assert i15.message.startswith("7 个指标的年度指标值与实际完成值相同，合计 100（E14–E24）"), i15.message
    assert "20 + 20 + 10 + 10 + 10 + 10 + 20 = 100" in i15.basis, i15.basis
    assert _at(result, "I05") == [] and _at(result, "I10") == []


def test_targets_that_are_not_the_weights_stay_row_findings(tmp_path):
    measured = _result(tmp_path, LANGZHONG, F15="18")  # one actual of its own: targets and actuals, not weights
    assert _at(measured, "I15") == [] and "Sheet1!E15" in _at(measured, "I05")
    short = _result(tmp_path, LANGZHONG, E24="30", F24="30")  # adding up to 110: no full mark
    assert _at(short, "I15") == []
