"""Review 10 (issues 11/12, "never cry wolf"): false findings on realistic variants of the real corpus tables and reports
by what session 9 added — each case marked "failed before" raised the false 错误 on main at a676b28; each family keeps
a truly wrong variant that must keep its 错误 (a defect guard), so a fix cannot just silence the check.

1. A funds cell perfxl cannot read as a figure ("3O", "叁拾万元", "#VALUE!", "1O") is perfxl's reading limit (C02 or the
   reader says so; coverage says what was not checked), not the filer's 错误: F02 and F05 said "应为 30，表中为 3O".
2. A 预算执行率 indicator row with its own target, scored 执行率 × 分值 (财预〔2020〕10号's budget rule: 85% → 8.5) where
   the target proportion gives another score (85/90 × 10 = 9.44): either method may be the form's — a 警告 naming both.
3. 成安 2020's split target (预期指标值 over 符号 │ value │ 单位) exported unmerged with the merge's text repeated in each
   cell ("取消合并并填充", tests/realworld/probe_rewrites.py unmerged_filled): the 符号 column was read as the target
   (I03 错误 "年度指标值“>=”不是数值").
4. An execution rate its words put over money arrived ("到位资金执行率100%", "执行率100%（按到位资金计算）") is not the
   table's 全年执行数 / 全年预算数: N01 错误 in a goal text and in a report.
5. I01: a row printing its own 二级 beside a blank 三级 (a 二级 merged across the 三级 column, exported unmerged) was an
   错误 where the merged table gives a 警告; under a new 二级 the 警告 named the name of another group's row as "lost".
6. Warnings with no basis: I12 "参保率不可能超过 100%" (insured counted against a base that leaves some out: 100.3% is
   printed); S14 "是否完成无法复核" on a deadline answered "按时完成" (the words say it was kept).
8. 保山 2023's unlabelled 指标 subtotal row (│ 90.00 │ 90.00 │ under the 绩效指标 header) typed "90.00分": read as an
   indicator without a name (I01 错误) — the layout read weights with a closing 分 as no number (numbers.to_points).
9. A funds finding the cell's own unit gives as an 错误 and the header's unit only as a last-place 警告 (普陀 2022 with
   "250000.00万元" typed under 项目资金(元)) rested on the cell's unit alone: F04 错误 "应为 0.01%".
7. T02 on a 自评表 whose 资金 part is on another sheet (or not in the table): its 总分 row declares 100 over rows of 90,
   so up to 10 points are scored where perfxl does not look — 99.5 was an 错误 "总分应为 90".
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from report_helpers import sheets_result
from report_helpers import workbook_result as _workbook
from test_corpus_misses9 import _buxiang, _fucai, _yinchuan
from test_doc_trust9 import FUNDS, INDICATORS, TITLE
from test_false_errors9 import _funds, _suixi
from test_goal_funds9 import EZHOU, _n01
from test_hebei_split9 import _chengan
from test_heldout15 import _yanglou
from test_report_pairs9 import LUAN, _codes, _narrative

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, load_table, validated

E = ""


def _at(result, code, cell):
    return [
        (f.code, f.severity.value) for f in result.findings if f.code == code and getattr(f.ref, "cell", None) == cell
    ]


# ---------------------------------------------------------------- 1. funds cells perfxl cannot read (濉溪 2019)


@pytest.mark.parametrize(
    ("cells", "cell"),
    [
        pytest.param({(4, 2): "3O"}, "C5", id="total-ocr"),  # failed before: F02 错误 "应为各来源之和 30，表中为 3O"
        pytest.param({(4, 2): "叁拾万元"}, "C5", id="total-capitals"),  # failed before: F02 错误 (叁拾万元 is 30 万元)
        pytest.param({(4, 3): "1O"}, "D5", id="executed-ocr"),  # failed before: F02 错误
        pytest.param({(4, 2): "#VALUE!"}, "C5", id="total-error-cell"),  # failed before: F02 错误 beside the reader's
        pytest.param({(4, 6): "1O"}, "G5", id="score-ocr"),  # failed before: F05 错误 "应为 10，表中为 1O"
        pytest.param({(4, 6): "满分"}, "G5", id="score-words"),  # failed before: F05 错误
    ],
)
def test_a_funds_cell_perfxl_cannot_read_is_no_error_of_the_filer(tmp_path, cells, cell):
    result = _suixi(tmp_path, cells)
    assert not [f for f in result.findings if f.code in ("F02", "F05") and f.severity.value == "error"]
    assert any("无法读取为数值" in s.reason_zh for s in result.coverage.skipped), result.coverage.skipped


@pytest.mark.parametrize(
    ("cells", "code", "cell"),
    [
        pytest.param({(4, 2): "40"}, "F02", "C5", id="total-off"),  # 40 over sources of 30
        pytest.param({(4, 6): "8"}, "F05", "G5", id="score-off"),  # 8 for 100% of 10
    ],
)
def test_a_readable_funds_cell_off_its_arithmetic_keeps_its_error(tmp_path, cells, code, cell):
    assert (code, "error") in _at(_suixi(tmp_path, cells), code, cell)


# ---------------------------------------------------------------- 2. a 预算执行率 row scored 执行率 × 分值 (银川 2021)


def _yinchuan_rate(target, actual, score):
    rows, merges = _yinchuan(exec_score=score)
    rows[7][4], rows[7][5] = target, actual  # 项目管理 │ 投入管理 │ 预算执行率 │ 10 │ target │ actual │ score
    return rows, merges


@pytest.mark.parametrize(
    ("target", "actual", "score"),
    [
        pytest.param("≥90%", "85%", "8.5", id="below-target"),  # failed before: S01 错误 "应为 9.44（85/90×10）"
        pytest.param("≥98%", "98.6%", "9.86", id="above-target"),  # failed before: S01 错误 "应为 10"
        pytest.param("≥98%", "98.6%", "9.9", id="above-target-1dp"),  # 9.86 printed at one decimal: failed before
    ],
)
def test_a_budget_execution_row_scored_rate_times_weight_is_a_warning(tmp_path, target, actual, score):
    result = _workbook(tmp_path, *_yinchuan_rate(target, actual, score))
    found = [f for f in result.findings if f.code == "S01" and f.ref.cell == "G8"]
    assert [f.severity.value for f in found] == ["warning"]
    assert "执行率×分值" in found[0].basis


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("预算执行率(%)", id="unit-suffix"),  # failed before: S01 错误 "应为 9.44"
        pytest.param("项目资金执行率", id="project-funds"),  # failed before
        pytest.param("财政资金执行率", id="fiscal-funds"),  # failed before
        pytest.param("资金支出率", id="spending-rate"),  # failed before
    ],
)
def test_a_budget_execution_row_by_another_name_scored_rate_times_weight_is_a_warning(tmp_path, name):
    rows, merges = _yinchuan_rate("≥90%", "85%", "8.5")
    rows[7][2] = name
    assert _at(_workbook(tmp_path, rows, merges), "S01", "G8") == [("S01", "warning")]


def test_a_rate_of_something_else_scored_as_a_share_of_100_keeps_its_error(tmp_path):
    """计划执行率 (plans carried out) is no budget execution: 85% of ≥90% is 9.44 of 10, 8.5 stays an 错误."""
    rows, merges = _yinchuan_rate("≥90%", "85%", "8.5")
    rows[7][2] = "计划执行率"
    assert _at(_workbook(tmp_path, rows, merges), "S01", "G8") == [("S01", "error")]


@pytest.mark.parametrize(
    ("target", "actual", "score"),
    [
        pytest.param("100%", "100%", "9.5", id="full-rate"),  # 100% of 100%: every method gives 10
        pytest.param("≥90%", "85%", "7", id="neither"),  # 9.44 proportionally, 8.5 by the budget rule: 7 by neither
    ],
)
def test_a_budget_execution_row_no_method_explains_keeps_its_error(tmp_path, target, actual, score):
    assert _at(_workbook(tmp_path, *_yinchuan_rate(target, actual, score)), "S01", "G8") == [("S01", "error")]


# ---------------------------------------------------------------- 3. 成安's split target with its merge filled


def _filled(**cells):
    """成安 2020 exported without merges, the 预期指标值 header repeated over 符号 │ (blank) │ 单位."""
    rows, merges = _chengan(**cells)
    rows[9][5:8] = ["预期指标值"] * 3
    return rows, tuple(m for m in merges if m != "F10:H10")


def test_a_split_target_whose_header_merge_is_filled_is_joined(tmp_path):
    # failed before: I03 错误 "年度指标值“>=”不是数值" at F12–F15
    result = _workbook(tmp_path, *_filled())
    assert not [f for f in result.findings if f.code == "I03"], [(f.code, f.ref) for f in result.findings]
    assert not [f for f in result.findings if f.severity.value == "error"]


def test_a_split_target_filled_still_reads_its_true_errors(tmp_path):
    """折算得分 6.50 where 25.00 × 25.00 / 100 = 6.25 (S19) and an actual under its target with full marks stay found."""
    result = _workbook(tmp_path, *_filled(M12="6.50"))
    assert ("S19", "error") in _at(result, "S19", "M12")


# ---------------------------------------------------------------- 4. an execution rate over money arrived

_LUAN_OLD = "全年预算数为200万元,执行数为179.43万元,完成预算的89.7%。"


@pytest.mark.parametrize(
    "new",
    [
        pytest.param(
            "全年预算数为200万元,执行数为179.43万元,执行率为100%（按到位资金计算）。", id="report-basis-after"
        ),
        pytest.param(
            "全年预算数为200万元,到位资金179.43万元,执行数为179.43万元,到位资金执行率100%。", id="report-arrived-rate"
        ),
    ],
)
def test_a_report_rate_over_money_arrived_is_no_error(tmp_path, new):
    # failed before: N01 错误 "写“执行率”为 100%，而自评表资金表“全年执行数 / 全年预算数”为 89.715%"
    found = [c for c in _codes(_narrative(tmp_path, LUAN, 2, _LUAN_OLD, new)) if c[0] in ("N01", "N02")]
    assert found == []


@pytest.mark.parametrize(
    "new",
    [
        pytest.param("全年预算数为200万元,执行数为179.43万元,执行率为100%。", id="report-plain"),
        pytest.param(
            "全年预算数为200万元,执行数为179.43万元,执行率为100%（按全年预算计算）。", id="report-budget-basis"
        ),
    ],
)
def test_a_report_rate_over_the_budget_keeps_its_error(tmp_path, new):
    assert ("N01", "error", 2) in _codes(_narrative(tmp_path, LUAN, 2, _LUAN_OLD, new))


def test_a_goal_rate_over_money_arrived_is_quiet_and_the_plain_one_stays_an_error(tmp_path):
    # failed before: N01 错误 at F11 (125.25 / 150 = 83.5%)
    assert _n01(tmp_path, EZHOU, "F11", F11="执行数为125.25万元，执行率为100%（按到位资金计算）。") == []
    plain = _n01(tmp_path, EZHOU, "F11", F11="执行数为125.25万元，执行率为100%。")
    assert [s for _, s, _ in plain] == ["error"]


# ---------------------------------------------------------------- 5. I01: a 二级 across the 三级 column, merge lost (银川 2021)


def _yinchuan_leaf(row: int, merged: bool):
    """银川 with the 三级 name of `row` (1-based) left blank: its 二级 spans the 三级 column (merged) or was exported so."""
    rows, merges = _yinchuan(weight_head="分值")
    rows[row - 1][2] = E
    return rows, (*merges, f"B{row}:C{row}") if merged else merges


@pytest.mark.parametrize("row", [pytest.param(4, id="first-row"), pytest.param(12, id="new-level2")])
def test_a_level2_across_the_name_column_exported_unmerged_is_a_warning(tmp_path, row):
    # failed before: I01 错误 "三级指标名称为空" (first-row); the 警告 naming 管理制度有效性, another group's row (new-level2)
    found = [f for f in _workbook(tmp_path, *_yinchuan_leaf(row, merged=False)).findings if f.code == "I01"]
    assert [(f.severity.value, f.ref.cell) for f in found] == [("warning", f"C{row}")]
    assert "横跨三级指标栏" in found[0].message and "管理制度有效性" not in found[0].message
    merged = [f for f in _workbook(tmp_path, *_yinchuan_leaf(row, merged=True)).findings if f.code == "I01"]
    assert [f.severity.value for f in merged] == ["warning"]


def test_a_blank_name_far_from_any_named_row_stays_an_error(tmp_path):
    """萧县 杨楼 2023 with 桃种植面积's name blank three entirely empty rows under 梨树种植面积, its 二级 carried from above:
    no merge spans that far — 错误 (the guard of test_false_errors9's two-spacer 警告)."""
    rows, merges = _yanglou()
    rows[13][3] = E
    rows = [*rows[:13], *([[E] * 9] * 3), *rows[13:]]
    found = [(f.severity.value, f.ref.cell) for f in _workbook(tmp_path, rows, merges).findings if f.code == "I01"]
    assert found == [("error", "D17")]


# ---------------------------------------------------------------- 6. warnings with no basis


@pytest.mark.parametrize(
    ("name", "actual"),
    [
        pytest.param("城乡居民基本医疗保险参保率", "100.3%", id="insured"),  # failed before: I12 警告 "不可能超过 100%"
        pytest.param("养老保险参保率", "101.5%", id="pension"),  # failed before
    ],
)
def test_an_insured_share_above_100_percent_is_silent(tmp_path, name, actual):
    assert not _at(_workbook(tmp_path, *_buxiang(actual=actual, name=name)), "I12", "F5")


@pytest.mark.parametrize(
    ("name", "actual"),
    [
        pytest.param("养老保险参保率", "295%", id="insured-ge-as-2"),  # "≥95%" with ≥ read as 2: still flagged
        pytest.param("群众满意度", "100.3%", id="satisfaction"),
    ],
)
def test_a_share_that_cannot_pass_100_percent_is_still_flagged(tmp_path, name, actual):
    assert _at(_workbook(tmp_path, *_buxiang(actual=actual, name=name)), "I12", "F5") == [("I12", "warning")]


@pytest.mark.parametrize(
    "actual",
    [
        pytest.param("按时完成", id="on-time"),
        pytest.param("已按时完成", id="done-on-time"),
        pytest.param("已按期完成", id="done-by-date"),
        pytest.param("及时完成", id="timely"),
    ],
)
def test_a_deadline_answered_kept_in_words_is_silent(tmp_path, actual):
    # failed before: S14 警告 "实际完成值只写“按时完成”，是否完成无法复核"
    assert not _at(_workbook(tmp_path, *_fucai(actual=actual)), "S14", "F5")


@pytest.mark.parametrize(
    "actual",
    [pytest.param("已完成", id="done"), pytest.param("全部完成", id="all-done"), pytest.param("未按时完成", id="late")],
)
def test_a_deadline_answered_without_saying_when_is_still_flagged(tmp_path, actual):
    assert _at(_workbook(tmp_path, *_fucai(actual=actual)), "S14", "F5") == [("S14", "warning")]


# ---------------------------------------------------------------- 7. T02 with the 资金 part elsewhere (test_doc_trust9's form)


def _split_sheets(tmp_path, total: str, funds_sheet: bool = True):
    """The 乡村道路 自评表 with its 资金 part on a sheet of its own (or left out), the 绩效指标 sheet's 总分 100 │ `total`."""
    indicators = [[TITLE], ["项目名称", "乡村道路建设项目"], *INDICATORS[:-1], ["总分", E, E, E, E, "100", total, E]]
    sheets = (("资金", [[TITLE], *FUNDS], ()),) if funds_sheet else ()
    return sheets_result(tmp_path, *sheets, ("绩效指标", indicators, ()))


@pytest.mark.parametrize("funds_sheet", [pytest.param(True, id="funds-sheet"), pytest.param(False, id="no-funds")])
def test_a_total_within_the_weight_its_rows_lack_is_a_warning(tmp_path, funds_sheet):
    # failed before: T02 错误 "总分应为 90（预算执行率得分 0 + 指标得分合计 90），表中为 99.5"
    found = [f for f in _split_sheets(tmp_path, "99.5", funds_sheet).findings if f.code == "T02"]
    assert [f.severity.value for f in found] == ["warning"]
    assert "多 10 分" in found[0].basis


@pytest.mark.parametrize(
    "total",
    [pytest.param("85", id="below-rows"), pytest.param("100.5", id="beyond-gap")],
)
def test_a_total_outside_what_the_missing_weight_allows_keeps_its_error(tmp_path, total):
    found = [f for f in _split_sheets(tmp_path, total).findings if f.code == "T02"]
    assert [f.severity.value for f in found] == ["error"]


# ---------------------------------------------------------------- 8. weights and scores typed with 分 (保山 2023)


def _corpus(tmp_path, stem: str, **cells: str):
    """A corpus table as published, the cells named by their A1 address replaced, validated."""
    table = load_table(CORPUS / f"{stem}.toml")
    rows = [list(r) for r in table.rows]
    for address, text in cells.items():
        rows[int(address[1:]) - 1][ord(address[0]) - ord("A")] = text
    return validated(dataclasses.replace(table, rows=rows), tmp_path)


def test_an_unlabelled_subtotal_typed_with_points_is_no_indicator(tmp_path):
    # failed before: I01 错误 C14 "该行有分值或指标值，但三级指标名称为空" (and S12, a W03 over 154)
    result = _corpus(tmp_path, "yunnan-baoshan-nengyuan-2023", H14="90.00分", I14="90.00分")
    assert not [f for f in result.findings if getattr(f.ref, "row", 0) == 14 and f.code in ("I01", "S12")]


def test_a_blank_named_row_of_a_weight_no_sum_gives_keeps_its_error(tmp_path):
    """The same row at 20分: neither the rows' sum nor 100 less the funds 分值 — an indicator whose name is missing."""
    result = _corpus(tmp_path, "yunnan-baoshan-nengyuan-2023", H14="20分", I14="20分")
    assert ("I01", "error") in _at(result, "I01", "C14")


# ---------------------------------------------------------------- 9. a finding certain by the cell's own unit only


def test_an_error_only_the_cells_own_unit_gives_is_a_warning(tmp_path):
    # failed before: F04 错误 "执行率应为 0.01%（215457.6/2500000000）" — by 项目资金(元) the rate is 86.18% (86.19% printed)
    cells = {
        "D6": "250000.00万元",
        "E6": "250000.00万元",
        "D7": "250000.00万元",
        "E7": "250000.00万元",
        "F7": "215457.6万元",
    }
    result = _corpus(tmp_path, "shanghai-putuo-tiyu-2022", **cells)
    assert _at(result, "F04", "H6") == [("F04", "warning")]


def test_an_error_both_units_give_stays_certain(tmp_path):
    """濉溪 with 500000元 under 资金情况(万元): 30/50 or 30/500000, the printed 100% wrong either way (guard)."""
    assert ("F04", "error", "F5") in _funds(_suixi(tmp_path, {(4, 2): "500000元"}))
