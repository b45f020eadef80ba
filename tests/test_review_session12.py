"""Review 12 (issue 11, trust): an adversarial pass over session 11's newest readings (per-period counts, two operator
columns, declared weights, the narrative's 其中/分别为 lists). Each case is a variant of a real corpus table
(tests/realworld/*.toml, via render.variant) or a narrative paragraph a county clerk would type; each failed before
its fix as its docstring says."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))


def _suixi_row(tmp_path, target: str, actual: str, score: str = "10"):
    """濉溪 2019 (anhui-suixi-linshijiuzhu-2019) row 15 (分值 10): name 检查次数, target, actual and score replaced;
    (code, severity) of row 15's 错误 and 警告."""
    from render import validated, variant

    cells = {"D15": "检查次数", "F15": target, "G15": actual, "H15": score}
    result = validated(variant("anhui-suixi-linshijiuzhu-2019", cells), tmp_path)
    return sorted(
        {(f.code, f.severity.value) for f in result.findings if getattr(f.ref, "row", 0) == 15}
        - {(f.code, "info") for f in result.findings}
    )


# ---------------------------------------------------------------- an actual per period against the year's count


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("≥12次", "每月1次"),
        ("12次", "每月1次"),
        ("≥4次", "每季度1次"),
        ("≥52次", "每周1次"),
        ("≥24次", "每月2次"),
        ("2次/年", "每半年1次"),
        ("每月4次", "每周1次"),
        ("每周7次", "每天1次"),
    ],
)
def test_an_actual_per_period_met_over_the_year_is_quiet(tmp_path, target, actual):
    """Failed before: S01/S07/D01 错误 ('实际 1次 < 目标 12次') on correct rows — an actual per period ("每月1次") against
    the year's count was compared as printed; a target and an actual per two periods not both exact ("每月4次" │
    "每周1次": 48 against 52 or 53) likewise (1 against 4). Both are read over the year (weeks 52 or 53)."""
    assert _suixi_row(tmp_path, target, actual) == []


def test_guard_an_actual_per_period_short_over_the_year_is_still_found(tmp_path):
    assert ("S07", "error") in _suixi_row(tmp_path, "≥24次", "每月1次")
    assert ("S07", "error") in _suixi_row(tmp_path, "每月1次", "每季度1次")
    found = _suixi_row(
        tmp_path, "每周1次", "每月4次"
    )  # 48 a year against 52 or 53: short either way, the count a guess
    # S07 carries a full-marks miss (both readings on a guess), S01 not said again: tests/test_gaps17.py
    assert ("S07", "warning") in found and all(sev != "error" for _, sev in found), found


@pytest.mark.parametrize(
    ("target", "actual"),
    [("1次/月", "12次"), ("≥1次/月", "12次"), ("1次/季度", "4次"), ("1次/周", "52次"), ("≥12次/年", "每月1次")],
)
def test_a_count_per_period_written_with_a_slash_is_read_over_the_year(tmp_path, target, actual):
    """Failed before: S08 警告 '12次 为年度指标值 1次/月 的 1200.00%' on a correct row — "1次/月" is "每月1次" written
    with a slash (the unit 次/月), read over the year as that is."""
    assert _suixi_row(tmp_path, target, actual) == []


def test_guard_a_count_per_period_with_a_slash_short_of_the_year(tmp_path):
    found = _suixi_row(tmp_path, "≥1次/月", "11次")
    assert ("S07", "warning") in found, found  # 11 in the year or 11 a month: which, a guess (as for 每月1次)
    assert "S01" not in {code for code, _ in found}  # S07 carries the full-marks miss: tests/test_gaps17.py


# ---------------------------------------------------------------- 负向 beside 正向


@pytest.mark.parametrize("order", [("指标性质", "指标方向"), ("指标方向", "指标性质")])
def test_fuxiang_is_a_ceiling_direction(tmp_path, order):
    """Failed before: 负向 │ (no operator) │ 8 │ 7人 at full marks — S01/S07/D01 错误 against the default ≥ on a correct
    row (负向, the lower the better, is the word some forms print beside 正向, as 反向/逆向), with I04 '无效'; 负向指标 │
    9人 at full marks was silent."""
    from report_helpers import error_cells, findings_of
    from test_review_session11c import _two_columns

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    met = _two_columns(tmp_path / "a", "负向", "", "7", "50", order)
    assert not error_cells(met) and not findings_of(met, "I04"), error_cells(met)
    over = _two_columns(tmp_path / "b", "负向指标", "", "9", "50", order)
    assert [f.severity.value for f in findings_of(over, "S07")] == ["error"]  # full marks: S07's (test_gaps17)


# ---------------------------------------------------------------- what is left beside money spent


@pytest.mark.parametrize(
    "text",
    [
        "下达资金120万元,其中已支出100万元,结余30万元。",
        "下达资金120万元,其中已拨付100万元,剩余30万元。",
        "项目资金120万元,其中设备购置80万元,剩余资金50万元用于人员培训。",
    ],
)
def test_what_is_left_beside_money_spent_is_the_same_split(tmp_path, text):
    """Failed before (an N02 警告 since 6bad045, '可能是资金的另一种划分'): what is left of the money beside what was spent
    or used of it is the rest of the same money — one split, 100 + 30 over 120 certain. Only beside parts naming sources
    (中央资金 …) may a 结余 be another split (tests/test_review_session11e.py)."""
    from report_helpers import report_findings

    found = [f.severity.value for f in report_findings(tmp_path, text) if f.code == "N02"]
    assert found == ["error"], found


def test_guard_what_is_left_beside_money_spent_that_agrees_is_quiet(tmp_path):
    from report_helpers import report_findings

    text = "下达资金120万元,其中已支出100万元,结余20万元。"
    assert [f for f in report_findings(tmp_path, text) if f.severity.value != "info"] == []


def _n02(tmp_path, text):
    from report_helpers import report_findings

    return [(f.severity.value, f.message) for f in report_findings(tmp_path, text) if f.code == "N02"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("项目资金120万元,其中中央资金80万元,用于A村60万元、B村20万元;省级资金40万元。", id="used-for"),
        pytest.param("项目资金120万元,其中中央资金80万元,主要用于A村60万元、B村20万元;省级资金40万元。", id="mainly"),
        pytest.param(
            "项目资金120万元,其中中央资金80万元,省级资金40万元,其中设备购置70万元,人员培训50万元。", id="second-qizhong"
        ),
        pytest.param("下达资金120万元,其中中央资金80万元,最高补助50万元。", id="highest"),
        pytest.param("年初预算100万元,年中调减20万元,合计80万元,支出72万元,执行率90%。", id="taken-off"),
        pytest.param("年初预算100万元,收回资金20万元,合计80万元。", id="recovered"),
    ],
)
def test_a_correct_paragraph_is_quiet(tmp_path, text):
    """Failed before: N02 错误 on the first four (the 中央资金's uses after "用于" added to the total's parts, 60 + 20 +
    80 + 40 over 120; a second 其中 splitting the total by use read as the 省级资金's parts, 70 + 50 over 40; "最高补助",
    each item's most, read as a part) and an N02 警告 on the last two ('合计80万元 … 应为 120万元': an amount taken off
    added)."""
    assert _n02(tmp_path, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "项目资金120万元,其中中央资金80万元,省级资金40万元,其中设备购置70万元,人员培训60万元。",
        "项目资金120万元,其中中央资金80万元,包括A村60万元、B村30万元,省级资金40万元。",
        "下达资金120万元,其中中央资金80万元,省级资金50万元。",
    ],
)
def test_guard_parts_beyond_either_whole_stay_an_error(tmp_path, text):
    assert [s for s, _ in _n02(tmp_path, text)] == ["error"]


def test_guard_a_sum_off_with_an_amount_taken_off_is_still_said(tmp_path):
    assert [s for s, _ in _n02(tmp_path, "年初预算100万元,年中调减20万元,合计90万元。")] == ["warning"]


# ---------------------------------------------------------------- S16: 已完工 says the work is done


@pytest.mark.parametrize("reason", ["已完工，待验收后投入使用", "已竣工，待审计后结算"])
def test_s16_finished_building_then_a_later_step_is_no_contradiction(tmp_path, reason):
    """Failed before: S16 警告 on "4个月" │ "4个月" beside "已完工，待验收后投入使用" — 已完工/已竣工 say the work is done as
    已完成 does; the loose 待…后 is of a later step."""
    from report_helpers import findings_of, workbook_result
    from test_heldout18 import _xiuning

    rows, merges = _xiuning(reason18=reason)
    result = workbook_result(tmp_path, rows, merges)
    assert not [f for f in findings_of(result, "S16") if getattr(f.ref, "row", None) == 13]


def test_s16_guard_unfinished_beside_finished_building_still_contradicts(tmp_path):
    from report_helpers import findings_of, workbook_result
    from test_heldout18 import _xiuning

    rows, merges = _xiuning(reason18="主体已完工，附属工程尚未开工")
    result = workbook_result(tmp_path, rows, merges)
    assert [f.severity.value for f in findings_of(result, "S16") if getattr(f.ref, "row", None) == 13] == ["warning"]


# ---------------------------------------------------------------- a 二级 分值 column copying each row's weight


def test_level2_fenzhi_repeating_each_rows_weight_is_a_judgement(tmp_path):
    """Failed before: W02 错误 '“决策过程”的分值为 4 分，其下三级指标分值合计 8 分' — 决策过程's merge undone, its 分值
    column holding 4 │ 4 beside rows weighted 4 │ 4: a merge filled on export (a declared 4, wrong) or each row's own
    weight copied (no declaration) — the cells do not say which (review 11d read 3 │ 5 as the latter)."""
    from test_review_session11d import _at, _unmerged

    from perfxl.model import Severity

    changes = {"D15": "4", "D16": "4", "F15": "4", "F16": "4", "G15": "4", "G16": "4"}
    found = _at(_unmerged(changes, "D15:D16", out=tmp_path / "t.xlsx"), "W02", "D15")
    assert [f.severity for f in found] == [Severity.WARNING], [f.basis for f in found]
    assert "照抄" in found[0].basis


def test_guard_a_merged_level2_fenzhi_equal_to_each_row_stays_an_error(tmp_path):
    from test_review_session11d import _at, _unmerged

    from perfxl.model import Severity

    changes = {"D15": "4", "F15": "4", "F16": "4", "G15": "4", "G16": "4"}
    found = _at(_unmerged(changes, out=tmp_path / "t.xlsx"), "W02", "D15")
    assert [f.severity for f in found] == [Severity.ERROR]


# ---------------------------------------------------------------- a direction word and an operator side by side


@pytest.mark.parametrize(("cell", "actual"), [("正向指标≤", "9"), ("正向/≤", "9"), ("≥/反向", "7")])
def test_a_direction_word_beside_an_opposite_operator_is_both_ways(tmp_path, cell, actual):
    """Failed before: S01/S02/S07/D01 错误 — "正向指标≤" (no brackets, or split by "/") was read as no operator
    (I04 '无效') and scored on the operator's side alone; the word points the other way. As "正向指标（≤）" (review 11c):
    both readings, no 错误, I04 names the contradiction."""
    from report_helpers import error_cells, findings_of
    from test_review_session11c import _two_columns

    result = _two_columns(tmp_path, cell, "", actual, "50", ("指标性质", "指标方向"))
    assert not error_cells(result), error_cells(result)
    assert "方向相反" in findings_of(result, "I04")[0].message


@pytest.mark.parametrize("cell", ["正向指标≥", "正向/≥", "≥ 正向"])
def test_guard_a_direction_word_beside_its_operator_keeps_the_bound(tmp_path, cell):
    """Agreeing, the operator is the bound: 7人 against 8 at full marks a certain miss. Failed before: I04 警告 '无效' on
    the cell (a baseless 警告: it names a direction and its bound)."""
    from report_helpers import error_cells, findings_of
    from test_review_session11c import _two_columns

    result = _two_columns(tmp_path, cell, "", "7", "50", ("指标性质", "指标方向"))
    assert ("S07", "J4") in error_cells(result)
    assert not findings_of(result, "I04")


# ---------------------------------------------------------------- a note saying when, or restating the figure


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("≥95%", "90%（2023年12月完成）"),
        ("≥10人", "8人（已于2023年完成）"),
        ("≥10个", "8个（12月底完成）"),
        ("≥10个", "8个(已完成8个)"),
    ],
)
def test_a_note_saying_when_or_restating_the_figure_is_a_note(tmp_path, target, actual):
    """Failed before (silent: the cell left unread, S11 only): review 11c's progress words (完成, 已 …) in a bracketed
    note made any such note "not one figure" — but a note whose only figures are a date, or the value itself, says when
    or restates it: the leading figure is the value, 8 against ≥10 at full marks a certain miss."""
    assert ("S07", "error") in _suixi_row(tmp_path, target, actual)


def test_guard_a_note_with_another_figure_of_progress_stays_unread(tmp_path):
    assert _suixi_row(tmp_path, "≥10个", "10个（其中12月完成2个）") == []
    assert _suixi_row(tmp_path, "≥10个", "12个（实际12个）") == []


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("≥500元/人·月", "每月600元"),
        ("≥500元", "每月600元"),
        ("≥1次", "每月1次"),
        ("1次", "每季度1次"),
        ("≥2小时", "每天2小时"),
    ],
)
def test_an_actual_per_period_met_as_printed_claims_no_year(tmp_path, target, actual):
    """A guard on this review's own change (failed with its first version): a target stating no period may be a rate
    or a count per period itself ("≥500元" a month's standard, "≥2小时" a day's); met either way, no count over the
    year is claimed — no S08 '1200%' over-completion 警告."""
    assert _suixi_row(tmp_path, target, actual) == []


def test_guard_a_fund_named_zuidi_is_still_a_part(tmp_path):
    """最低生活保障资金 is a fund (a part), not each item's least (最低补助): the list over the total is still found."""
    text = "下达资金120万元,其中城市最低生活保障资金80万元,农村最低生活保障资金50万元。"
    assert [s for s, _ in _n02(tmp_path, text)] == ["error"]


def test_a_sibling_fund_after_a_parts_uses_goes_back_to_the_total(tmp_path):
    """A guard on this review's '用于' reading (failed with its first version: an N02 错误 '中央资金 50 + 40 over 80'): a
    fund named after a part's uses ("其中中央资金80万元,用于购置设备50万元,省级资金40万元") is the part's sibling — the
    total's list goes on with it (80 + 40 = 120, quiet; 80 + 50 over 120, an 错误 naming 下达资金)."""
    assert _n02(tmp_path, "下达资金120万元,其中中央资金80万元,用于购置设备50万元,省级资金40万元。") == []
    (tmp_path / "b").mkdir()
    found = _n02(tmp_path / "b", "下达资金120万元,其中中央资金80万元,用于购置设备50万元,省级资金50万元。")
    assert [s for s, _ in found] == ["error"] and "“下达资金”" in found[0][1], found


def test_new_money_beside_a_source_is_another_split(tmp_path):
    """Failed before: an N02 错误 (80 + 50 over 120) — 新增资金 beside a source (中央资金) may split the money another way
    (new and carried in), as 结余 and 新增投资 do (6bad045): a 警告 naming it. Beside 结转资金 it is the same split."""
    found = _n02(tmp_path, "下达资金120万元,其中中央资金80万元,新增资金50万元。")
    assert [s for s, _ in found] == ["warning"], found
    (tmp_path / "b").mkdir()
    same = _n02(tmp_path / "b", "项目资金120万元,其中上年结转资金50万元,本年新增资金80万元。")
    assert [s for s, _ in same] == ["error"], same


def test_a_spending_naming_a_qizhong_part_is_measured_against_it(tmp_path):
    """Failed before: an N02 警告 ('支出 27万元 / 预算 70万元 … 应为 39%') — the spending names A项目, one of the 其中 parts
    of the 70万元: its base is the A项目's 30 (27 / 30 = 90%), as for an item of a 合计 (10b74e3)."""
    text = "全年预算资金70万元,其中A项目30万元,B项目40万元,A项目实际支出27万元,执行率90%。"
    assert _n02(tmp_path, text) == []
    (tmp_path / "b").mkdir()
    found = _n02(tmp_path / "b", text.replace("90%", "50%"))
    assert [s for s, _ in found] == ["warning"] and "30万元" in found[0][1], found
