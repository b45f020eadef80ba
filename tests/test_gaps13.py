"""Session 13's table-side gaps of issue 11 (gaps13): garbled money and score cells, a grade on a total printed past
the profile's places, a per-workday count over the year, T02's parts on a form with no 预算执行率得分, a results list's
head, and cells of thousands of digits — each built from a real corpus table (tests/realworld/*.toml) by the
project's own renderer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))


def _found(name: str, changes: dict[str, str], row: int, tmp_path) -> list[tuple[str, str, str]]:
    from render import validated, variant

    result = validated(variant(name, changes), tmp_path)
    return sorted((f.code, f.severity.value, f.message) for f in result.findings if getattr(f.ref, "row", 0) == row)


def _suixi(tmp_path, changes, row):
    """濉溪 2019 (anhui-suixi-linshijiuzhu-2019): funds row 5 (30 │ 30 │ 10 │ 100% │ 10), row 11 (5 │ ≥21933人 │ 21980人 │ 5),
    row 15 (10 │ ≥7人 │ 7人 │ 10) — the findings at `row` beyond the unchanged table's (its I06 提示 on row 11)."""
    name = "anhui-suixi-linshijiuzhu-2019"
    before = {(c, s) for c, s, _ in _found(name, {}, row, tmp_path / "as-published")}
    return [f for f in _found(name, changes, row, tmp_path) if f[:2] not in before]


# ---------------------------------------------------------------- 1. garbled money, weight, score and value cells


@pytest.mark.parametrize(
    "cell,text,row",
    [
        ("D5", "4(B)", 5),  # was read as 4: F02, F04, F05 错误 on a guess
        ("D5", "46.O", 5),
        ("H11", "4(B)", 11),  # was read as 4: S01 错误 "表中为 4(B)"
        ("H11", "5.O", 11),
    ],
)
def test_a_garbled_money_or_score_cell_is_one_finding_of_its_own(tmp_path, cell, text, row):
    found = _suixi(tmp_path, {cell: text}, row)
    assert [(c, s) for c, s, _ in found] == [("C02", "warning")], found
    assert f"“{text}”无法识别" in found[0][2]


@pytest.mark.parametrize("text", ["21980(B)人", "21980.O人"])
def test_a_garbled_actual_is_one_finding_not_a_unit_mismatch(tmp_path, text):
    """Was S11 '计量单位不一致：人 与 B)人' (a damaged figure taken for a unit)."""
    found = _suixi(tmp_path, {"G11": text}, 11)
    assert [(c, s) for c, s, _ in found] == [("I12", "warning")], found


@pytest.mark.parametrize("cell,text,row", [("D5", "30①", 5), ("G11", "21980①", 11), ("G11", "21980¹", 11)])
def test_a_note_mark_beside_a_figure_is_no_digit_of_it(tmp_path, cell, text, row):
    """NFKC spells ① as 1: "30①" was 301 (F03 错误 '301 超过全年预算数 30'), "21980①" 219801 (S08 over 1000%). A circled
    numeral or a superscript after a figure marks a footnote in a printed form: the figure is 30, 21980."""
    assert _suixi(tmp_path, {cell: text}, row) == []


def test_guard_real_notations_are_read(tmp_path):
    """A unit in brackets ("10(万元)", "21980(人)") is a unit, no damage: read as printed."""
    assert _suixi(tmp_path, {"G11": "21980(人)"}, 11) == []
    assert [c for c, _, _ in _suixi(tmp_path, {"D5": "30(万元)"}, 5)] == []


def test_parse_value_marks_and_damage():
    from perfxl.values import parse_value

    assert parse_value("100①").number == 100 and parse_value("100①").text == "100①"
    assert parse_value("①100人").number == 100
    assert parse_value("100(km)").number == 100 and not parse_value("100(km)").damaged
    assert parse_value("5(2)").kind.name == "TEXT" and not parse_value("5(2)").damaged
    for text in ("4(B)", "4（B）", "46.O", "5.O%", "46.O万元"):
        assert parse_value(text).damaged and parse_value(text).number is None, text
    assert not parse_value("①②").damaged and parse_value("①②").number is None


# ---------------------------------------------------------------- 2. a grade on a total past the profile's places


def _yongde(tmp_path, total):
    """永德 2022 (yunnan-yongde-yingyang-2022): 总分 row 25 prints 96 │ 优."""
    return [(c, s) for c, s, _ in _found("yunnan-yongde-yingyang-2022", {"I25": total}, 25, tmp_path) if c == "T04"]


def test_a_grade_right_at_the_profiles_places_is_a_warning(tmp_path):
    """89.995 with 优: below 90 as printed (良), but kept to the profile's two decimals (as T06 asks) it is 90.00 — 优.
    Was a T04 错误; which holds, a person judges."""
    assert _yongde(tmp_path, "89.995") == [("T04", "warning")]


def test_guard_a_grade_wrong_at_the_printed_places_stays_an_error(tmp_path):
    assert _yongde(tmp_path, "89.99") == [("T04", "error")]
    assert _yongde(tmp_path, "89.5") == [("T04", "error")]


# ---------------------------------------------------------------- 3. a per-workday count over the year


def test_a_per_workday_target_against_the_years_count_is_met(tmp_path):
    """ "每个工作日1次" │ "250次": S08 '250次 为年度指标值 每个工作日1次 的 25000.00%'. A year holds 247 to 251 workdays (not
    printed): 250 meets it at the printed precision either way — quiet."""
    assert _suixi(tmp_path, {"F15": "每个工作日1次", "G15": "250次"}, 15) == []


def test_a_per_workday_target_short_of_the_year_is_a_warning_naming_the_assumption(tmp_path):
    found = _suixi(tmp_path, {"F15": "每个工作日1次", "G15": "200次"}, 15)
    assert found and all(s != "error" for _, s, _ in found), found
    assert any(c == "S07" for c, _, _ in found), found  # the full-marks miss is S07's one finding: tests/test_gaps17.py


# ---------------------------------------------------------------- 5. messages that say what is there


def test_t02_names_no_budget_score_on_a_form_without_one(tmp_path):
    """不详 2017's fragment has no funds block: T02 said '预算执行率得分 0 + 指标得分合计 98'."""
    found = [m for c, _, m in _found("buxiang-bumen-defenbiao-fragment-2017", {}, 19, tmp_path) if c == "T02"]
    assert found == ["总分应为 98（指标得分合计 98），表中为 （空）"], found


def test_guard_t02_names_the_budget_score_where_the_form_has_one(tmp_path):
    found = [m for c, _, m in _found("yunnan-yongde-yingyang-2022", {"I25": "90"}, 25, tmp_path) if c == "T02"]
    assert found == ["总分应为 96（预算执行率得分 10 + 指标得分合计 86），表中为 90"], found


def test_a_results_lists_head_names_no_project_as_the_unit(tmp_path):
    """三门 2024's list (test_heldout19): its head said '单位：三门县城镇污水处理设施建设工程', the first line's project."""
    from report_helpers import workbook_result
    from test_heldout19 import _sanmen

    assert workbook_result(tmp_path, _sanmen()).unit_name == ""


# ---------------------------------------------------------------- 6. a cell of thousands of digits


@pytest.mark.parametrize("cell,row,code", [("D5", 5, "C02"), ("H11", 11, "C02"), ("G11", 11, "I12")])
def test_a_figure_of_thousands_of_digits_is_one_finding(tmp_path, cell, row, code):
    """5,000 nines (beyond Python's 4,300-digit int-str limit and Excel's 1e308): in 全年执行数 it was F02 + F03 错误 and
    an F04 whose reason printed the 5,000 digits as Decimal('…'); in 实际完成值 an S08 over-completion. No cell of a
    form holds it: one finding that the figure was not read, nothing computed with it, no traceback."""
    found = _suixi(tmp_path, {cell: "9" * 5000}, row)
    assert [(c, s) for c, s, _ in found] == [(code, "warning")], [(c, s, m[:60]) for c, s, m in found]
    assert "超出 Excel 可表示的范围" in found[0][2]


# ---------------------------------------------------------------- 4. a rate rule the funds header states


_BUDGETS = {"C6": "400000", "D6": "387664.62", "E6": "380000", "C7": "400000", "D7": "387664.62", "E7": "380000"}


def _yongde_funds(tmp_path, changes):
    """永德 2022's funds block (年初预算数 │ 全年预算数 │ 全年执行数 │ 分值 │ 执行率 │ 得分) with 400000 │ 387664.62 │ 380000."""
    found = _found("yunnan-yongde-yingyang-2022", {**_BUDGETS, **changes}, 6, tmp_path)
    return [(c, s, m) for c, s, m in found if c in ("F04", "F05")]


@pytest.mark.parametrize(
    "cell,rule",
    [
        ("G5", "执行率（执行数/年初预算数）"),
        ("G5", "执行率(全年执行数÷年初预算数)"),
        ("H5", "得分（执行数/年初预算数×分值）"),
    ],
)
def test_a_rate_over_the_initial_budget_the_header_states_is_judged_by_it(tmp_path, cell, rule):
    """95% │ 9.5 is 380000/400000 as the header says: was F04 '应为 98.02%（380000/387664.62）' and F05 '应为 9.8' 错误."""
    assert _yongde_funds(tmp_path, {cell: rule, "G6": "95%", "H6": "9.5"}) == []


def test_a_rate_off_the_stated_rule_is_an_error_naming_it(tmp_path):
    found = _yongde_funds(tmp_path, {"G5": "执行率（执行数/年初预算数）", "G6": "98.02%", "H6": "9.8"})
    assert [(c, s) for c, s, _ in found] == [("F04", "error"), ("F05", "error")], found
    assert "95.00%（380000/400000）" in found[0][2] and "应为 9.5" in found[1][2]


def test_guard_without_a_stated_rule_the_rate_is_over_the_years_budget(tmp_path):
    assert [(c, s) for c, s, _ in _yongde_funds(tmp_path, {"G6": "95%", "H6": "9.5"})] == [
        ("F04", "error"),
        ("F05", "error"),
    ]
    assert _yongde_funds(tmp_path, {"G5": "执行率（执行数/全年预算数）", "G6": "98.02%", "H6": "9.8"}) == []


def test_the_fragment_note_names_its_rows_and_the_other_table_as_another(tmp_path):
    """不详 2017: '表格没有表头（接续上一页）…第 22 行的表头（…）只有得分列' read as one table with and without a header. The
    headerless one is rows 1–19; the header on row 22 is another table's."""
    from render import load_table, validated

    result = validated(
        load_table(Path(__file__).parent / "realworld" / "buxiang-bumen-defenbiao-fragment-2017.toml"), tmp_path
    )
    note = result.coverage.sheets[0].note_zh
    assert note.startswith("第 1–19 行的表格没有表头") and "其下另有一表：第 22 行的表头" in note, note


def test_w03_names_no_budget_weight_on_a_form_without_one(tmp_path):
    """不详's 评价指标 fragment has no funds block: W03 said '分值合计（预算执行率 0 + 指标 13）'."""
    from render import load_table, validated

    table = load_table(Path(__file__).parent / "realworld" / "buxiang-bumen-pingjiazhibiao-fragment.toml")
    found = [f.message for f in validated(table, tmp_path).findings if f.code == "W03"]
    assert found == [
        "表中没有总分行，表格可能不完整（是否续在其他页）：所列分值合计（指标 13；表中没有预算执行率分值）应为 100，实际为 13"
    ], found


def test_guard_w03_names_a_printed_budget_weight(tmp_path):
    from render import validated, variant

    result = validated(variant("yunnan-yongde-yingyang-2022", {"H14": "5"}), tmp_path)
    found = [f.message for f in result.findings if f.code == "W03"]
    assert "分值合计（预算执行率 10 + 指标 85）应为 100，实际为 95" in found, found
