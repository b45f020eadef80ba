"""Adversarial review 14h of session 14's table-side readings (heldout22, heldout23, gaps14).

1. heldout22's `_value_after_target` read a bare 指标值 right of any 目标值 column as each line's actual, on the header's
   shape alone: 年度目标值 │ 指标值 │ 分值 │ 得分 (a plan beside a target) gave certain S01/S07 错误 on the 指标值 as an
   actual. Now only with the 吉林 form's 采集数据项 column between them (the form computes its 指标值 from it).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import validated, variant

from perfxl.grid import Grid
from perfxl.layout.detect import indicator_columns

KOUAN = "jilin-kouan-hexinnengli-pingjiabiao-2016"  # 项目产出 rows 15–17: 目标值(标准) G, 采集数据项 I–J, 指标值 K
#: 指标值 below the targets (40%, 80.21%) with full 分值 as 得分: a missed target when 指标值 is the actual
_FILLED = {"K4": "30%", "K5": "70%", "L2": "得分", "L13": "得分", "L4": "7", "L5": "8"}
#: the same header without its 采集数据项 column: 年度目标值 │ 分值 │ │ │ 指标值 │ 得分
_NO_DATA_ITEMS = {
    "I2": "",
    "I3": "",
    "J3": "",
    "I13": "",
    "I14": "",
    "J14": "",
    "G2": "年度目标值",
    "G13": "年度目标值",
}


def _cols(*header: str) -> dict[str, int] | None:
    return indicator_columns(Grid("表", [list(header), [""] * len(header)]), 0)


def test_an_indicator_value_beside_a_target_without_data_items_is_no_actual():
    for target in ("年度目标值", "目标值", "预期目标值", "目标值(标准)"):
        cols = _cols("一级指标", "二级指标", "三级指标", target, "指标值", "分值", "得分")
        assert cols is not None and cols["target"] == 3 and "actual" not in cols, target
    jilin = _cols("一级指标", "二级指标", "三级指标", "计量单位", "目标值(标准)", "分值", "采集数据项", "指标值")
    assert jilin is not None and jilin["actual"] == 7


def test_a_plan_beside_a_target_gives_no_certain_score_errors(tmp_path):
    result = validated(variant(KOUAN, {**_FILLED, **_NO_DATA_ITEMS}), tmp_path)
    assert not [f for f in result.findings if f.code in ("S01", "S07", "D01") and f.severity.value == "error"]
    # the 吉林 form itself, its 采集数据项 printed: 指标值 is the actual and the full marks over a missed target are wrong
    jilin = validated(variant(KOUAN, _FILLED), tmp_path / "jilin")
    assert {f.code for f in jilin.findings if f.severity.value == "error"} >= {"S07"}  # one finding: test_gaps17.py


# ---------------------------------------------------------------- 3. T02 beside 不适用 rows (gaps14's left-over)

NA = {"G16": "不适用", "K16": "不适用", "L16": ""}  # 吉林 项目产出's 产出质量 (分值 40) does not apply, its 得分 blank
YONGDE = "yunnan-yongde-yingyang-2022"
YONGDE_NA = {"E17": "不适用", "G17": "不适用", "I17": ""}  # 生均补助标准达标率 does not apply; rescaled total 95.56


def _filled(**kw):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_weighted13 import _filled as filled

    return filled(**kw)


def _codes(result, *codes):
    return [f for f in result.findings if f.code in codes]


def test_a_total_rescaled_over_the_not_applicable_rows_owes_t02_no_plain_sum(tmp_path):
    # T05's rescaled total (99 weighted, 95.56 plain) was T02's 警告 "“…”得分未填写，按 0 计入；总分也可能正确而漏填了得分"
    assert _codes(validated(_filled(total="99", changes=NA), tmp_path / "w"), "T02", "T05") == []
    assert _codes(validated(variant(YONGDE, {**YONGDE_NA, "I25": "95.56"}), tmp_path / "p"), "T02", "T05") == []


def test_t02_names_the_not_applicable_row_not_an_unfilled_score(tmp_path):
    result = validated(_filled(total="98.85", changes=NA), tmp_path)
    (t02,) = _codes(result, "T02")
    assert "不适用" in (t02.basis or "") and "为 99" in (t02.basis or "") and "按 0 计入" not in (t02.basis or "")
    assert t02.severity.value == "warning"
    # a wrong total on the plain form: still T02 (the row's blank 得分 keeps it a 警告, as before), naming the row
    plain = validated(variant(YONGDE, {**YONGDE_NA, "I25": "90"}), tmp_path / "p")
    (t02,) = _codes(plain, "T02")
    assert "“生均补助标准达标率”不适用" in (t02.basis or "") and "按 0 计入" not in (t02.basis or "")


# ---------------------------------------------------------------- 2. F02 on the term's pair block (heldout23)


def test_f02_names_the_terms_total_not_the_years(tmp_path):
    """资金总额 │ 10000万元 beside 当年资金总额 (武汉 青山区 2020), 其中:财政拨款 11000万元 under the former: F02 said
    "全年预算数：年度资金总额应为各来源之和 11000" of the whole term's 资金总额 — it names the printed total now."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_heldout23 import _qingshan, _workbook

    rows, merges = _qingshan(term_grant="11000万元")
    (f02,) = [f for f in _workbook(tmp_path, rows, merges).findings if f.code == "F02"]
    assert "“资金总额”应为各来源之和 11000" in f02.message
    assert "年度资金总额" not in f02.message and "全年预算数" not in f02.message
    # the year's own pair block keeps the 年度资金总额's words
    rows, merges = _qingshan(yearly_grant="11000万元")
    (tmp_path / "y").mkdir()
    (f02,) = [f for f in _workbook(tmp_path / "y", rows, merges).findings if f.code == "F02"]
    assert "年度资金总额应为各来源之和 11000" in f02.message


def test_a_latin_marker_inside_a_word_marks_no_row_not_applicable(tmp_path):
    """T05's marker "NA" matched inside "DNA": a row 样本检测 │ 完成DNA检测 │ 已完成DNA检测 was 不适用, and T05 asked the 总分
    rescaled over the others (a 警告 on a form with no 不适用 row at all)."""
    dna = {"C17": "样本检测", "D17": "", "E17": "完成DNA检测", "F17": "", "G17": "已完成DNA检测"}
    result = validated(variant(YONGDE, dna), tmp_path)
    assert not _codes(result, "T05")
    # "N/A" standing alone still marks the row
    marked = validated(variant(YONGDE, {**dna, "G17": "N/A", "I17": "", "I25": "90"}), tmp_path / "na")
    assert _codes(marked, "T05")


def test_t02_adds_every_row_where_the_profile_turns_t05_off(tmp_path):
    """A profile without T05 asks no rescaling: the 不适用 row's blank 得分 is T02's '按 0 计入' again."""
    from render import render

    from perfxl.profiles import load_profile
    from perfxl.validate import validate_file

    path = render(variant(YONGDE, {**YONGDE_NA, "I25": "95.56"}), tmp_path)
    toml = tmp_path / "no_t05.toml"
    toml.write_text('name = "no_t05"\nextends = "national"\n[checks.T05]\nenabled = false\n', encoding="utf-8")
    (t02,) = [f for f in validate_file(path, profile=load_profile(toml)).findings if f.code == "T02"]
    assert "按 0 计入" in (t02.basis or "")
