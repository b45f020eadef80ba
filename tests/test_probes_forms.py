"""Domain probes round 3 (issue 11): 绩效目标申报表 / 目标表, 绩效目标执行监控表 and 部门整体支出绩效自评表 varied the way
real filers write them, each variant judged by hand; an 错误 only where the cells make it certain.

The probe script is tests/realworld/probe_forms.py; what it found wrong is tested here, on the correct tables of
tests/test_review_round12.py (worked out by hand there) and the real 福建 宁德 目标表 of tests/realworld.
"""

from __future__ import annotations

import copy
import re
import tomllib
from pathlib import Path

import pytest
from openpyxl.utils import column_index_from_string
from report_helpers import workbook_result
from test_review_round12 import TABLES as R12

from perfxl.model import Certainty

REALWORLD = Path(__file__).resolve().parent / "realworld"


def _plant(rows: list[list], changes: dict[str, object]) -> list[list]:
    rows = copy.deepcopy(rows)
    for address, value in changes.items():
        m = re.fullmatch(r"([A-Z]+)(\d+)", address)
        assert m, address
        r, c = int(m.group(2)) - 1, column_index_from_string(m.group(1)) - 1
        rows[r][c] = value
    return rows


def _found(tmp_path, rows, merges, *codes):
    result = workbook_result(tmp_path, rows, tuple(merges))
    return [f for f in result.findings if f.code in codes]


# ---------------------------------------------------------------- 部门整体 按收入性质分: a bracketed note on an item


def _hunan_department(**changes):
    rows, merges = R12["a11_hunan_department_breakdown"]
    return _plant(rows, changes), merges


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("B7", "政府性基金拨款：100（含上年结转20）"),
        ("B6", "其中：一般公共预算：1000（其中上级补助300万元）"),
        ("E6", "其中：基本支出：620(含人员经费500)"),
    ],
)
def test_a_figure_in_a_bracketed_note_after_an_item_is_that_items_detail_not_a_part(tmp_path, cell, text):
    """a11 (湖南 部门整体): 按收入性质分 1100 = 一般公共预算 1000 + 政府性基金 100; 按支出性质分 1045 = 620 + 425. A note
    "（含上年结转20）" after the 100 says what the 100 includes; read as a part of its own it gave a certain F09
    '按收入性质分 1120：各项之和超过 1100' on a correct table."""
    rows, merges = _hunan_department(**{cell: text})
    assert _found(tmp_path, rows, merges, "F09") == []


def test_a_part_written_after_a_bracketed_label_still_counts(tmp_path):
    """The guard: a wrong split stays a certain F09 — a bracket before the figure is the label's, and a part whose
    figure is too big is still read (1000 + 150 = 1150 > 1100)."""
    rows, merges = _hunan_department(B7="政府性基金拨款（含上年结转20万元）：150")
    found = _found(tmp_path, rows, merges, "F09")
    assert [(f.brief()[2], f.severity.value) for f in found] == [("B5", "error")]


# ---------------------------------------------------------------- 福建 部门整体支出绩效目标表: 年度履职目标 amounts (F10)


def _fujian(changes):
    with (REALWORLD / "fujian-ningde-fangzhiwei-mubiao-2019.toml").open("rb") as fh:
        data = tomllib.load(fh)
    rows = [list(r) for r in data["rows"]]
    # the published defect (基本支出 171.41, the whole 资金总额) corrected to the block's 110.61: a right table
    rows = _plant(rows, {"E11": "110.61", **changes})
    return rows, data.get("merges", [])


def test_the_corrected_fujian_duties_are_silent(tmp_path):
    """49.8 + 11 + 110.61 = 171.41 = 资金总额 (the base the variants below change)."""
    assert _found(tmp_path, *_fujian({}), "F10") == []


def test_duty_amounts_in_yuan_under_a_block_in_wan_are_converted(tmp_path):
    """预算金额(元) 498000 + 110000 + 1106100 = 1714100 元 = 171.41 万元: the header says 元 while the 年度预算安排 says
    万元. Summed as 万元 it gave a certain F10 '合计 1714100，超过年度资金总额 171.41'."""
    rows, merges = _fujian({"E8": "预算金额(元)", "E9": "498,000.00", "E10": "110000", "E11": "1106100"})
    assert _found(tmp_path, rows, merges, "F10") == []


def test_duty_amounts_in_yuan_that_exceed_the_total_stay_certain(tmp_path):
    """498000 + 110000 + 1716100 = 2324100 元 = 232.41 万元 > 171.41 万元: still a certain 错误."""
    rows, merges = _fujian({"E8": "预算金额(元)", "E9": "498000", "E10": "110000", "E11": "1716100"})
    found = _found(tmp_path, rows, merges, "F10")
    assert [f.severity.value for f in found] == ["error"]


def test_a_total_line_of_the_duties_list_is_not_one_more_item(tmp_path):
    """A 合计 line under the 履职 items (… │ 合计 │ 171.41) is the list's own total: added as an item it doubled the
    sum (342.82) into a certain F10 on a correct table."""
    rows, merges = _fujian({"D12": "合计", "E12": "171.41"})
    assert _found(tmp_path, rows, merges, "F10") == []


def test_one_item_repeated_under_two_duties_with_its_amount_is_a_judgement(tmp_path):
    """One spending item serving two duties, its 60.8 printed on both lines (49.8 + 11 merged into the one item
    地情、市志编纂与年鉴出版经费 60.8): the repeat may be the same money listed twice, so 60.8 + 60.8 + 110.61 =
    232.21 > 171.41 is a 警告 naming the repeat, not a certain 错误."""
    item = "地情、市志编纂与年鉴出版经费"
    rows, merges = _fujian({"D9": item, "E9": "60.8", "D10": item, "E10": "60.8"})
    found = _found(tmp_path, rows, merges, "F10")
    assert [(f.severity.value, f.certainty) for f in found] == [("warning", Certainty.JUDGEMENT)]
    assert "重复" in found[0].basis


# ---------------------------------------------------------------- 指标性质 "/" or "——": left unfilled, not a stray symbol


def _ganzi(changes):
    with (REALWORLD / "sichuan-ganzi-shijianju-mubiao-2023.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return _plant([list(r) for r in data["rows"]], changes), data.get("merges", [])


@pytest.mark.parametrize("typed", ["/", "——", "—", "-", "≈"])
def test_a_placeholder_or_approximate_sign_in_the_nature_column_is_a_judgement(tmp_path, typed):
    """The real 甘孜 目标表 (指标性质 │ 指标值 │ 度量单位 │ 权重): "/" or "——" in 指标性质 is the filer's mark for a cell
    left unfilled — the same as the blank cells of the table, which are a 警告 — and "≈" says 'about'. Each was a
    certain I04 '指标性质“/”无效'."""
    found = _found(tmp_path, *_ganzi({"D11": typed}), "I04")
    assert ("D11", "warning") in [(f.brief()[2], f.severity.value) for f in found]
    assert all(f.severity.value == "warning" for f in found)


def test_a_stray_symbol_in_the_nature_column_stays_a_certain_i04(tmp_path):
    found = _found(tmp_path, *_ganzi({"D11": "#"}), "I04")
    assert ("D11", "error") in [(f.brief()[2], f.severity.value) for f in found]


# ---------------------------------------------------------------- "≥上年": a target set against a benchmark (I03)


@pytest.mark.parametrize("typed", ["≥上年", "≥上年水平", "≥去年同期", "≤上年", "≥全省平均", "≥国家标准"])
def test_a_target_against_a_benchmark_the_table_does_not_print_is_a_judgement(tmp_path, typed):
    """a11 (湖南 部门整体): 城建档案数字化率 "≥上年" — a target set by a 历史标准/行业标准 (财预〔2021〕101号) whose figure the
    table does not print. Written "不低于上年" it raised nothing; with the sign it was a certain I03 '不是数值'. The figure
    is missing, which a person must check: a 警告 that says so."""
    rows, merges = _hunan_department(D18=typed, E18="85%")
    found = _found(tmp_path, rows, merges, "I03")
    assert [(f.brief()[2], f.severity.value) for f in found] == [("D18", "warning")]
    assert "参照" in found[0].basis


def test_a_quantitative_target_of_plain_words_stays_a_certain_i03(tmp_path):
    rows, merges = _hunan_department(D18="≥较好", E18="85%")
    found = _found(tmp_path, rows, merges, "I03")
    assert [(f.brief()[2], f.severity.value) for f in found] == [("D18", "error")]


# ---------------------------------------------------------------- P01: the declared target reworded, not changed


def _declared(index, typed):
    import dataclasses

    from rules_helpers import good_evaluation, replace_row

    from perfxl.model import Submission

    ev = good_evaluation()
    declared = dataclasses.replace(replace_row(ev, index, target=typed), kind="declaration", sheet="申报表")
    return Submission(path="x.xlsx", evaluations=(ev,), declarations=(declared,))


@pytest.mark.parametrize(
    ("index", "typed"),
    [
        (1, "≥0.95"),  # 培训合格率 ≥95% declared as a fraction
        (3, "≤0.05万元"),  # 人均培训成本 ≤500元 declared in 万元
        (2, "2023年12月底"),  # 完成时间 2023年底
        (2, "12月底前"),  # the same deadline without its year
    ],
)
def test_a_declared_target_written_in_another_unit_or_wording_is_the_same_target(index, typed):
    """good_evaluation()'s targets (≥95%, ≤500元, 2023年底) declared in the 申报表 as ≥0.95, ≤0.05万元, 2023年12月底: the
    same targets, each a P01 警告 '与申报表不一致' before."""
    from perfxl.validate import validate_submission

    assert [f.brief() for f in validate_submission(_declared(index, typed)) if f.code == "P01"] == []


@pytest.mark.parametrize(("index", "typed"), [(1, "≥0.9"), (3, "≤0.06万元"), (2, "2023年6月底"), (1, "≤95%")])
def test_a_declared_target_that_differs_stays_a_p01_warning(index, typed):
    from perfxl.validate import validate_submission

    found = [f for f in validate_submission(_declared(index, typed)) if f.code == "P01"]
    assert [f.severity.value for f in found] == ["warning"]


# ---------------------------------------------------------------- B14: an adjustment row left at zero


def test_a_budget_adjustment_row_of_zeros_is_no_basic_expenditure_figure(tmp_path):
    """round 14's 部门整体 自评表 (按支出性质分 基本支出 300) with its 基础数据表 whose 部门基本支出预算调整 row is 0 │ 0 │ 0 —
    no adjustment. Where that row carries figures it is the 基本支出 budget (the seed: 8,861,213.88 元 = 886.12 万元),
    but a row of zeros says there was no adjustment: B14 warned '基本支出为 300 万元，…全年决算数为 0 万元'."""
    from report_helpers import sheets_result
    from test_review_round14 import basic, department

    d, md = department()
    b, mb = basic()
    result = sheets_result(tmp_path, ("自评表", d, tuple(md)), ("基础数据表", b, tuple(mb)))
    assert [f.brief() for f in result.findings if f.code in ("B14", "X01")] == []


def test_the_seeds_b14_warning_stays():
    from rules_helpers import seed_submission

    from perfxl.validate import validate_submission

    found = [f for f in validate_submission(seed_submission()) if f.code == "B14"]
    assert [(f.severity.value, "县级专项资金" in f.message) for f in found] == [("warning", True)]


# ---------------------------------------------------------------- a row scored by the 评分标准 printed beside it


def _dizhenju(rule, actual, score):
    """The real 福建 宁德 地震局 部门整体 自评表 (2020): 三级指标 │ 目标值 │ 实际完成值 │ 评分标准 │ 指标分值 │ 自评得分 │ 未完成原因;
    row 14 抽查台站运维情况个数 9个, 6 分, '本指标满分6分,…达9个得6分,少检查一个扣1分,扣完为止。'"""
    with (REALWORLD / "fujian-ningde-dizhenju-bumen-2020.toml").open("rb") as fh:
        data = tomllib.load(fh)
    rows = [list(r) for r in data["rows"]]
    changes = {"F14": actual, "I14": score, "J14": "一个台站因道路中断未能按期抽查，下年优先安排"}
    if rule is not None:
        changes["G14"] = rule
    return _plant(rows, changes), data.get("merges", [])


@pytest.mark.parametrize(
    ("rule", "actual", "score"),
    [
        ("本指标满分6分,达9个得6分,少检查一个扣2分,扣完为止。", "8个", "4"),  # 6 − 2 × 1 = 4
        ("本指标满分6分,达9个得6分,每少一个扣3分,扣完为止。", "7个", "0"),  # 6 − 3 × 2 = 0
        ("本指标满分6分,达9个得6分,未达到不得分。", "8个", "0"),  # all or nothing
        (None, "8个", "5"),  # the published rule: 少一个扣1分 → 6 − 1 = 5
    ],
)
def test_a_score_that_follows_the_rows_own_scoring_rule_is_no_error(tmp_path, rule, actual, score):
    """A form printing a 评分标准 for each row scores by it, not by the 10号 proportion: 8 of 9 under '少一个扣2分' is 4
    (the proportion gives 5.33). S01 called the rule's score a certain '得分应为 5.33'."""
    found = _found(tmp_path, *_dizhenju(rule, actual, score), "S01", "S07")
    assert [(f.code, f.severity.value) for f in found if f.severity.value == "error"] == []


def test_a_score_that_follows_neither_the_rule_nor_the_proportion_stays_certain(tmp_path):
    """少一个扣1分 gives 5 and the proportion 5.33: a score of 4 is wrong either way."""
    found = _found(tmp_path, *_dizhenju(None, "8个", "4"), "S01")
    assert [(f.brief()[2], f.severity.value) for f in found] == [("I14", "error")]


def test_a_score_under_a_rule_perfxl_cannot_apply_is_a_judgement_naming_it(tmp_path):
    rule = "本指标满分6分,根据抽查完成情况酌情扣分。"
    found = _found(tmp_path, *_dizhenju(rule, "8个", "4"), "S01")
    assert [(f.brief()[2], f.severity.value) for f in found] == [("I14", "warning")]
    assert "评分标准" in found[0].basis


@pytest.mark.parametrize(
    "rule",
    [
        "本指标满分6分,抽查达8个及以上得6分,少一个扣1分。",
        "完成率达85%以上得满分,每低1个百分点扣0.5分。",
        "每少一个扣1分,最低得6分。",  # a floor of its own
        "抽查≥8个得6分,每少一个扣1分。",  # a threshold below the target
    ],
)
def test_full_marks_under_a_threshold_rule_of_the_rows_own_are_a_judgement(tmp_path, rule):
    """The row's own rule grants full marks short of the target (8 of 9 under '达8个及以上得6分'): S01 '应为 5.33' and
    S07 '不应给满分' were certain; the form's rule may allow it — a person checks (警告 naming the rule). One finding:
    full marks on a miss are S07's, its basis giving the 5.33 (tests/test_gaps17.py)."""
    found = _found(tmp_path, *_dizhenju(rule, "8个", "6"), "S01", "S07")
    assert sorted((f.code, f.severity.value) for f in found) == [("S07", "warning")]
    assert all("评分标准" in f.basis for f in found)


def _dizhenju_tier(rule, actual, score):
    rows, merges = _dizhenju(None, "9个", "6")
    changes = {
        "D15": "宣传效果",
        "E15": "优",
        "F15": actual,
        "G15": rule,
        "I15": score,
        "J15": "宣传覆盖面不足，下年加强",
    }
    return _plant(rows, changes), merges


def test_a_tier_scored_as_the_rows_own_rule_states_is_no_error(tmp_path):
    """A 定性 row whose 评分标准 prices each tier ('优得6分,良得4分,中得2分'): 良 scored 4 follows it, though the national
    band of 良's tier is [4.8, 6] — S05 called it a certain '得分应在 [4.8, 6] 之间'."""
    found = _found(tmp_path, *_dizhenju_tier("优得6分,良得4分,中得2分,差不得分。", "良", "4"), "S05")
    assert found == []


def test_a_tier_scored_against_the_rows_own_rule_stays_certain(tmp_path):
    found = _found(tmp_path, *_dizhenju_tier("优得6分,良得5分,中得2分,差不得分。", "良", "4"), "S05")
    assert [(f.brief()[2], f.severity.value) for f in found] == [("I15", "error")]


def test_a_tier_under_a_rule_that_does_not_price_it_is_a_judgement(tmp_path):
    found = _found(tmp_path, *_dizhenju_tier("根据宣传效果酌情扣分,扣完为止。", "良", "4"), "S05")
    assert [(f.brief()[2], f.severity.value) for f in found] == [("I15", "warning")]
    assert "评分标准" in found[0].basis


# ---------------------------------------------------------------- 绩效跟踪表: a monitoring form by another name


def _tracking(title, progress_header):
    rows, merges = R12["a10_monitoring_1_7"]
    rows = _plant(rows, {"A1": title, "E5": "1-6月执行数", "F5": "1-6月执行率", "G5": "", "F12": progress_header})
    for row in rows[4:9] + rows[11:]:
        row[6] = ""  # no 全年预计 columns
    return rows, merges


@pytest.mark.parametrize("title", ["项目绩效跟踪表", "2023年绩效运行跟踪表", "项目绩效目标执行情况跟踪表"])
def test_a_tracking_form_is_a_monitoring_form(tmp_path, title):
    """a10 (中央 执行监控表) titled 项目绩效跟踪表, its progress column headed 实际完成值 and no 全年预计 columns: read as a
    自评表, its half-year 60.00% drew F07 '执行率 60.00% 低于 90%，应说明原因' (and any 分值 would have been held to the
    year's targets). 绩效跟踪 is 绩效运行监控 by another name."""
    result = workbook_result(tmp_path, *_tracking(title, "实际完成值"))
    assert [t.kind for t in result.coverage.tables] == ["monitoring"]
    assert [f.brief() for f in result.findings if f.code == "F07"] == []


def test_a_project_named_for_tracking_audit_keeps_its_form(tmp_path):
    """跟踪审计 in a 项目名称 title of a 目标表 does not make it a monitoring form."""
    rows, merges = R12["a09_declaration_midterm"]
    result = workbook_result(tmp_path, _plant(rows, {"A1": "安置点建设跟踪审计项目绩效目标表"}), tuple(merges))
    assert [t.kind for t in result.coverage.tables] == ["declaration"]


def test_an_untitled_form_executing_1_to_6_months_is_a_monitoring_form(tmp_path):
    """No title, no 全年预计 columns, the progress column headed 实际完成值 — but the funds header says 1-6月执行数: money
    spent in the first half of the year is a monitoring form's, never a 自评表's full-year 执行数."""
    rows, merges = _tracking("", "实际完成值")
    result = workbook_result(tmp_path, rows, merges)
    assert [t.kind for t in result.coverage.tables] == ["monitoring"]
    assert [f.brief() for f in result.findings if f.code == "F07"] == []


def test_a_self_evaluation_executing_1_to_12_months_keeps_its_form(tmp_path):
    """1-12月执行数 is the whole year: the 自评表 stays a 自评表."""
    rows, merges = _tracking("", "实际完成值")
    rows = _plant(rows, {"E5": "1-12月执行数", "F5": "执行率"})
    result = workbook_result(tmp_path, rows, merges)
    assert [t.kind for t in result.coverage.tables] == ["project"]
