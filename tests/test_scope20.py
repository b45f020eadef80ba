"""scope20 (issues 11/12): a 三公 table's scope and its 预算 column's stage read from what the table prints.

1. **Scope.** A report's 三公 table prints whose money it is in its caption and 编制单位 line ("2026年部门“三公”经费…预算表",
   "2026年单位“三公”经费…", "编制单位：…（本级）", "2021年区本级“三公”经费预算支出表", "2020年度全区“三公”经费…"). A sentence
   naming the same scope is held to it for certain; one naming another is not compared (other money); one naming a
   region or a system over a table printing no scope is a 警告 saying so (it was an 错误: "全区…" under 石泉路街道's
   决算表).
2. **The 预算 column's stage.** A 决算 table's 预算数 may be the 年初 budget or the 全年 one (年初 plus 追加: the 财政部
   决算 template's note). "完成年初预算的74.70%" and "比年初预算减少20万元" against a 决算 table whose 预算 column, caption
   and notes print neither were 错误 (checked on main before the change); now a 警告 naming both readings — certain only
   when the table prints the same stage (or the figure agrees: quiet). "“三公”经费年初预算为50万元" was not read at all
   (its subject "三公经费年初" named no item); it is now, under the same rule.

Real tables and paragraphs of tests/realworld/reports (上海普陀 石泉路街道 2025 决算, 城管执法局 2026 部门预算, 司法局 2026
单位预算, 重庆江北区 2021 区本级 预算) and variants of their sentences.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from report_helpers import error_cells, findings_of, report_fixture, workbook_result
from table_cases import each_case as _each_case
from table_cases import each_case1 as _each_case1
from test_heldout32 import _CARS, _OVERSEAS, _RECEPTION, _TOTAL, _merges, _shiquan

from perfxl.printed_scope import budget_stage, said_scope, said_stage, table_scope


def _table_of(name: str) -> tuple[dict, list[str]]:
    """The stored report's 三公 table and the (up to three) lines printed right above it, as published."""
    fixture = report_fixture(name)
    table = next(t for t in fixture["tables"] if "公务接待" in str(t["rows"]))
    return table, fixture["paragraphs"][max(0, table["after"] - 3) : table["after"]]


def _n01(name: str, sentence: str, above: list[str] | None = None) -> list[tuple[str, str]]:
    """(severity, message) of each N01 of a .docx holding the real table under its real lines (or `above`) and then
    `sentence`."""
    from test_document_realreport import build_docx

    from perfxl.validate import validate_file

    table, lines = _table_of(name)
    lines = lines if above is None else above
    fixture = {
        "paragraphs": [*lines, sentence],
        "tables": [{**table, "after": len(lines)}],
    }
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "report.docx"
        build_docx(fixture, path)
        result = validate_file(path)
    return [(f.severity.value, f.message) for f in result.findings if f.code == "N01"]


_SHIQUAN = "shanghai-putuo-shiquan-juesuan-2025"
_CHENGGUAN = "shanghai-putuo-chengguan-yusuan-2026"
_SIFAJU = "shanghai-putuo-sifaju-danwei-yusuan-2026"
_JIANGBEI = "chongqing-jiangbei-qubenji-sangong-yusuan-2021"


# ---------------------------------------------------------------- the readings, on real caption lines


_A_TABLES_PRINTED_SCOPE_CASES = [
    ("2026年部门“三公”经费和机关运行经费预算表\n编制部门：普陀区城市管理行政执法局\n单位:万元", "department"),
    ("编制单位：上海市普陀区司法局 单位：元\n2026年单位“三公”经费和机关运行经费预算表", "own"),
    ("2026年单位“三公”经费和机关运行经费预算表\n编制单位：上海市普陀区人民政府石泉路街道办事处（本级）", "own"),
    ("2021年区本级“三公”经费预算支出表\n单位:万元", "region_own"),
    ("一、2023年烈山区本级“三公”经费预算表", "region_own"),
    ("2020年度全区“三公”经费决算情况", "region"),
    ("编制单位：XX区财政局（汇总）\n单位：万元", "department"),
    ("财政拨款“三公”经费支出决算表\n单位：万元", ""),  # 上海 决算表: no scope printed
    ("注：本表反映部门本年度一般公共预算财政拨款支出情况。", ""),  # another table's note, no 三公 caption
    ("2026年部门“三公”经费预算表\n编制单位：XX局（本级）", ""),  # two scopes printed: which is no printed fact
]


@_each_case(_A_TABLES_PRINTED_SCOPE_CASES)
def test_a_tables_printed_scope(lines, scope):
    assert table_scope(lines) == scope


_A_SENTENCES_SAID_SCOPE_CASES = [
    ("本部门2026年“三公”经费预算数为", "department"),
    ("公务接待费：部门合计", "department"),
    ("本单位2026年“三公”经费预算数为", "own"),
    ("其中本级", "own"),
    ("全区“三公”经费预算", "region"),
    ("2021年区本级一般公共预算中“三公”经费支出预算为", "region_own"),
    ("本系统“三公”经费", "system"),
    ("2026年“三公”经费预算数为", ""),
    ("全年“三公”经费支出", ""),  # 全年 is no region
]


@_each_case(_A_SENTENCES_SAID_SCOPE_CASES)
def test_a_sentences_said_scope(words, scope):
    assert said_scope(words) == scope


_A_COLUMNS_PRINTED_STAGE_CASES = [
    ("预算数", ""),
    ("年初预算数", "initial"),
    ("全年预算数", "full"),
    ("调整后预算数", "full"),
    ("注：预算数为全年预算数，包括当年年初预算数和当年追加预算数。", "full"),  # the 财政部 决算 template's note
    ("注：本表反映部门本年度“三公”经费支出预决算情况。", ""),  # 上海's note: no stage
]


@_each_case(_A_COLUMNS_PRINTED_STAGE_CASES)
def test_a_columns_printed_stage(text, stage):
    assert budget_stage(text) == stage


_A_SENTENCES_SAID_STAGE_CASES = [
    ("“三公”经费财政拨款支出年初预算为", "initial"),
    ("完成年初预算的", "initial"),
    ("完成调整预算的", "full"),
]


@_each_case(_A_SENTENCES_SAID_STAGE_CASES)
def test_a_sentences_said_stage(words, stage):
    assert said_stage(words) == stage


# ---------------------------------------------------------------- 1. scope: the false path first


def test_a_regions_figure_under_a_table_printing_no_scope_is_a_warning():
    """石泉路街道 2025 决算 (real table: 合计 决算 37.35; its caption "财政拨款“三公”经费支出决算表" prints no scope):
    "全区“三公”经费支出决算40.35万元" was an N01 错误 — whether the table is the 全区's is no printed fact: a 警告 that
    names the scope."""
    found = _n01(_SHIQUAN, "全区“三公”经费支出决算40.35万元。")
    assert [s for s, _ in found] == ["warning"]
    assert "全地区口径" in found[0][1]


def test_the_same_figure_naming_no_scope_stays_an_error():
    """ "“三公”经费支出决算40.35万元" (no scope named) under the same table: N01 错误, as before."""
    assert [s for s, _ in _n01(_SHIQUAN, "“三公”经费支出决算40.35万元。")] == ["error"]


def test_a_departments_sentence_under_its_department_table_is_certain():
    """城管执法局 2026 (caption "2026年部门“三公”经费和机关运行经费预算表", 合计 114.22): the real sentence agrees (quiet);
    "本部门2026年“三公”经费预算数为124.22万元" names the table's own scope — N01 错误."""
    assert not _n01(_CHENGGUAN, "2026年“三公”经费预算数为114.22万元，比2025年预算增加27万元。")
    assert not _n01(_CHENGGUAN, "本部门2026年“三公”经费预算数为114.22万元，比2025年预算增加27万元。")
    assert [s for s, _ in _n01(_CHENGGUAN, "本部门2026年“三公”经费预算数为124.22万元。")] == ["error"]


def test_a_regions_sentence_under_a_department_table_is_not_compared():
    """ "全区2026年“三公”经费预算数为1124.22万元" under 城管执法局's 部门 table: two scopes printed, other money — no N01."""
    assert not _n01(_CHENGGUAN, "全区2026年“三公”经费预算数为1124.22万元。")


def test_a_units_table_holds_its_units_sentence_not_its_departments():
    """司法局 2026 单位预算 ("2026年单位“三公”经费和机关运行经费预算表", 合计 10.71): "本单位…预算数为11.71万元" is the
    table's scope (N01 错误); "本部门…预算数为11.71万元" the department's (its units summed) — not compared."""
    assert [s for s, _ in _n01(_SIFAJU, "本单位2026年“三公”经费预算数为11.71万元。")] == ["error"]
    assert not _n01(_SIFAJU, "本部门2026年“三公”经费预算数为11.71万元。")


def test_a_district_levels_sentence_under_its_table_is_certain():
    """江北区 2021 (caption "2021年区本级“三公”经费预算支出表"): the real paragraph (区本级 … 4432) agrees — quiet; with
    4532 it is the table's own scope — N01 错误; "全区…4532" is the whole district's money — not compared."""
    real = report_fixture(_JIANGBEI)["paragraphs"][0]
    above = ["2021年区本级“三公”经费预算支出表", "单位:万元"]
    assert not _n01(_JIANGBEI, real, above)
    assert "error" in [s for s, _ in _n01(_JIANGBEI, real.replace("预算为4432万元", "预算为4532万元"), above)]
    whole = "2021年全区一般公共预算中“三公”经费支出预算为4532万元。"
    assert not _n01(_JIANGBEI, whole, above)


def test_a_sheets_consolidated_table_holds_the_departments_sentence(tmp_path):
    """石泉路's sheet with its 编制单位 line printing （汇总） instead of （本级）: "本部门…预算数为20.53万元" is the table's
    scope — N01 错误 at A9 (under （本级） it is not compared: tests/test_review19d.py)."""
    rows = _shiquan(sentences=("本部门2026年“三公”经费预算数为20.53万元。", _OVERSEAS, _CARS, _RECEPTION))
    rows[0][0] = "2026年部门“三公”经费和机关运行经费预算表"
    rows[1][0] = rows[1][0].replace("（本级）", "（汇总）")
    result = workbook_result(tmp_path, rows, _merges())
    assert ("N01", "A9") in error_cells(result)


def test_a_sheets_own_level_part_is_held_to_its_own_level_table(tmp_path):
    """ "公务接待费：部门合计3.53万元，其中本级1.63万元" under 石泉路（本级）'s sheet (接待 1.53): the 本级 part is the
    table's figure — N01 错误; the 部门 figure is other money."""
    said = (_TOTAL, _OVERSEAS, _CARS, "（三）公务接待费：部门合计3.53万元，其中本级1.63万元。")
    result = workbook_result(tmp_path, _shiquan(sentences=said), _merges())
    assert ("N01", "A12") in error_cells(result)
    said = (_TOTAL, _OVERSEAS, _CARS, "（三）公务接待费：部门合计3.53万元，其中本级1.53万元。")
    assert not findings_of(workbook_result(tmp_path, _shiquan(sentences=said), _merges()), "N01")


# ---------------------------------------------------------------- 2. the 预算 column's stage: the false path first


def test_a_year_start_completion_rate_against_an_unstaged_final_table_is_a_warning():
    """石泉路 2025 决算 (预算数 53.93 │ 决算数 37.35, no 年初/全年 printed): "2025年度“三公”经费支出决算37.35万元，完成年初
    预算的74.70%" was an N01 错误 (37.35 / 53.93 = 69.26%) — the table's 预算数 may be the 全年 one: a 警告 naming both."""
    found = _n01(_SHIQUAN, "2025年度“三公”经费支出决算37.35万元，完成年初预算的74.70%。")
    assert [s for s, _ in found] == ["warning"]
    assert "年初预算" in found[0][1] and "全年" in found[0][1]


def test_the_real_year_start_sentence_agrees_and_is_quiet():
    """The real paragraph 80's opening ("“三公”经费财政拨款支出年初预算为 53.93 万元，支出决算为 37.35 万元，完成预算的
    69.26%"): it agrees — quiet (its 公务接待费 "决算为 1.53 万元" against the table's 0 is the report's own error, left
    out here)."""
    real = report_fixture(_SHIQUAN)["paragraphs"][80]
    assert not _n01(_SHIQUAN, real[: real.index("，其中")] + "。")


_A_STAGED_BUDGET_AGAINST_AN_UNSTAGED_FINAL_TABLE_IS_A_WARNING_CASES = [
    "2025年度“三公”经费年初预算为50.00万元，支出决算为37.35万元。",
    "2025年度“三公”经费全年预算为50.00万元，支出决算为37.35万元。",
    "2025年度“三公”经费支出决算37.35万元，比年初预算减少20.00万元。",
]


@_each_case1(_A_STAGED_BUDGET_AGAINST_AN_UNSTAGED_FINAL_TABLE_IS_A_WARNING_CASES)
def test_a_staged_budget_against_an_unstaged_final_table_is_a_warning(sentence):
    """A 年初 (or 全年) budget stated or implied (37.35 + 20.00) against the 决算 table's unstaged 预算数 53.93: 警告."""
    assert [s for s, _ in _n01(_SHIQUAN, sentence)] == ["warning"]


def test_a_budget_naming_no_stage_stays_an_error():
    """ "比预算减少20.00万元" (no stage): the table's 预算数 is the budget it names — N01 错误, as before."""
    assert [s for s, _ in _n01(_SHIQUAN, "2025年度“三公”经费支出决算37.35万元，比预算减少20.00万元。")] == ["error"]


def _staged(label: str) -> dict:
    """石泉路's 决算 table with its 预算数 headers printed as `label`."""
    table, _ = _table_of(_SHIQUAN)
    rows = [list(r) for r in table["rows"]]
    rows[3] = [label if c == "预算数" else c for c in rows[3]]
    return {**table, "rows": rows}


def _n01_staged(label: str, sentence: str) -> list[str]:
    from test_document_realreport import build_docx

    from perfxl.validate import validate_file

    lines = ["财政拨款“三公”经费支出决算表", "单位：万元"]
    fixture = {"paragraphs": [*lines, sentence], "tables": [{**_staged(label), "after": 2}]}
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "report.docx"
        build_docx(fixture, path)
        return [f.severity.value for f in validate_file(path).findings if f.code == "N01"]


def test_a_year_start_rate_against_a_column_printing_year_start_is_certain():
    """The same table with its 预算 column printed "年初预算数": "完成年初预算的74.70%" is certain — N01 错误."""
    assert _n01_staged("年初预算数", "2025年度“三公”经费支出决算37.35万元，完成年初预算的74.70%。") == ["error"]


def test_a_year_start_rate_against_a_column_printing_the_full_year_is_a_warning():
    """预算 column printed "全年预算数": "完成年初预算的74.70%" names the other budget — a 警告 naming both."""
    assert _n01_staged("全年预算数", "2025年度“三公”经费支出决算37.35万元，完成年初预算的74.70%。") == ["warning"]


def test_an_adjusted_rate_is_held_only_to_a_column_printing_the_full_year():
    """ "完成调整预算的74.70%": against a column printed 全年预算数, certain (N01 错误); against 年初预算数 or an unstaged
    预算数 not compared, as before (the 三公 table's 预算 may be another base)."""
    sentence = "2025年度“三公”经费支出决算37.35万元，完成调整预算的74.70%。"
    assert _n01_staged("全年预算数", sentence) == ["error"]
    assert _n01_staged("年初预算数", sentence) == []
    assert _n01_staged("预算数", sentence) == []


def test_a_year_start_budget_under_a_budget_table_is_certain():
    """城管执法局 2026 预算表 (114.22, no 决算): a 预算 table's 预算 is the 年初 one — "2026年“三公”经费年初预算数为
    124.22万元" is an N01 错误."""
    assert [s for s, _ in _n01(_CHENGGUAN, "2026年“三公”经费年初预算数为124.22万元。")] == ["error"]


_TEMPLATE_NOTE = (
    "注：预算数为全年预算数，包括当年年初预算数和当年追加预算数。"  # the 财政部 决算 template's, as printed
)


def _sheet_note(sentence: str, note: str = _TEMPLATE_NOTE) -> list[str]:
    """The N01 severities of a 上海普陀-style 决算 sheet (预算 53.93 │ 决算 37.35) printing `note` under its figures, then
    `sentence` as its 说明."""
    from test_heldout32 import _FINAL_MERGES, _final_accounts

    rows = _final_accounts()
    rows[-1][0] = sentence
    rows.insert(5, [note, "", "", "", "", "", "", ""])
    merges = (*(m.replace("A7:H7", "A8:H8") for m in _FINAL_MERGES), "A7:H7")  # the note in row 6, 说明 one lower
    with tempfile.TemporaryDirectory() as d:
        result = workbook_result(Path(d), rows, merges)
    return [f.severity.value for f in result.findings if f.code == "N01"]


def test_a_sheets_note_printing_the_full_year_budget_holds_an_adjusted_rate():
    """A sheet's 决算 table with the template's note "预算数为全年预算数，包括当年年初预算数和当年追加预算数": its 预算 column
    is the 全年 one — "完成全年预算的74.70%" (37.35 / 53.93 = 69.26%) is certain (N01 错误); "完成年初预算的74.70%" names
    the other budget — a 警告."""
    assert _sheet_note("“三公”经费支出决算37.35万元，完成全年预算的74.70%。") == ["error"]
    assert _sheet_note("“三公”经费支出决算37.35万元，完成年初预算的74.70%。") == ["warning"]
    # a note saying nothing of what its 预算数 are (上海's) prints no stage: the 全年 rate is a 警告 too
    said = _sheet_note(
        "“三公”经费支出决算37.35万元，完成全年预算的74.70%。", "注：本表反映部门本年度“三公”经费支出预决算情况。"
    )
    assert said == ["warning"]
