"""Review 19a of the merged reading "a 三公 table's own 说明 sentences held to the table" (held-out batch 32): the false
paths realistic variants of the real 上海普陀 石泉路街道 2026 table (tests/realworld/shanghai-putuo-shiquan-sangong-2026)
and of a 上海普陀 2025 决算 table found, each an N01 错误 the printed cells do not make certain:

- the table's year was the year its 说明 names most, counting "与2025年预算持平" (a comparison's base) as a subject: a
  说明 with a second block on last year ("二、2025年“三公”经费预算执行情况") made 2025 the table's year and held
  "2025年公务接待费预算2.53万元" to the 2026 table. Bases are no longer counted; a 说明 naming two years as subjects
  leaves which sentence speaks of the table's year a reading — its comparisons are 警告 saying so;
- "公务接待费：部门合计3.53万元，其中本级1.53万元" under a 本级 table: which scope the table prints is no printed fact;
- "公务接待费1.53万元，实际未发生支出" under a 决算 table printing 预算 1.53 │ 决算 0: a bare amount that is the table's
  预算 was held to its 决算;
- "全区“三公”经费预算1444.16万元" under 烈山区本级's 2023 table (a scope named, not the table's): now a 警告;
- "2025年预算执行情况：公务接待费预算2.53万元": the year heading the sentence (not the figure's clause) is the figure's;
- "公务接待费预算3万元" under 昌宁县卡斯镇 2024's 2023年预算数 │ 2024年预算数 (3 │ 7): a yearless figure may be either
  column's — 警告.

Variants that held (no finding, or the right one): 上年/较上年/同口径 figures, 2024年决算 in a 预算表's 说明, 其中 sub-items,
人次/批次/辆 counts, 三公 + 机关运行经费 totals, a 说明 on a 政府采购/机关运行经费 block, 预算 and 决算 both in a 决算 说明,
元 vs 万元 (with thousands separators), rounded figures, "无", item and amount in separate clauses, the amount first.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import workbook_result as _workbook
from test_heldout32 import _CARS, _FINAL_MERGES, _OVERSEAS, _RECEPTION, _TOTAL, _final_accounts, _merges, _shiquan


def _n01(result):
    return [(f.severity.value, getattr(f.ref, "cell", None)) for f in _codes(result, "N01")]


def test_a_second_block_on_last_year_is_not_held_to_this_years_table(tmp_path):
    """A 说明 of two blocks, the second on 2025's execution: "2025年公务接待费预算2.53万元" is 2025's, not the table's."""
    said = (_TOTAL, _OVERSEAS, _CARS, _RECEPTION, "2025年公务接待费预算2.53万元，实际支出1.2万元。")
    result = _workbook(tmp_path, _shiquan(sentences=said), _merges(5))
    assert not _errors(result)
    assert not _codes(result, "N01")


def test_a_note_naming_two_years_makes_a_bare_figure_a_warning(tmp_path):
    """The same 说明 with "（三）公务接待费1.63万元": which year a sentence without one speaks of is a reading — 警告."""
    said = (_TOTAL, _OVERSEAS, _CARS, "（三）公务接待费1.63万元。", "2025年“三公”经费预算执行数为30万元。")
    result = _workbook(tmp_path, _shiquan(sentences=said), _merges(5))
    assert not _errors(result)
    (finding,) = _codes(result, "N01")
    assert finding.ref.cell == "A12" and "2025年" in finding.message


def test_a_department_figure_beside_its_own_level_is_no_error(tmp_path):
    """ "部门合计3.53万元，其中本级1.53万元" under a 本级 table of 公务接待费 1.53: one of the item's figures is the table's."""
    said = (_TOTAL, _OVERSEAS, _CARS, "（三）公务接待费：部门合计3.53万元，其中本级1.53万元。")
    result = _workbook(tmp_path, _shiquan(sentences=said), _merges())
    assert not _codes(result, "N01")


def test_a_scope_split_agreeing_nowhere_holds_the_tables_own_scope(tmp_path):
    """ "部门合计3.63万元，本级1.63万元" (neither the table's 1.53). Re-judged in scope20: the table prints its scope
    ("编制单位：…（本级）"), so the 本级 figure is the table's — 1.63 against 1.53 is certain (N01 错误 at A12), the 部门
    figure another scope's money, not compared (tests/test_scope20.py)."""
    said = (_TOTAL, _OVERSEAS, _CARS, "（三）公务接待费：部门合计3.63万元，本级1.63万元。")
    result = _workbook(tmp_path, _shiquan(sentences=said), _merges())
    assert ("error", "A12") in _n01(result)


def _final_note(sentence):
    rows = _final_accounts()
    rows[-1][0] = sentence
    return rows


def test_a_bare_amount_that_is_the_tables_budget_is_no_error(tmp_path):
    """ "公务接待费1.53万元，实际未发生支出" beside 预算 1.53 │ 决算 0: the amount is the 预算 the table prints."""
    result = _workbook(tmp_path, _final_note("公务接待费1.53万元，实际未发生支出。"), _FINAL_MERGES)
    assert not _codes(result, "N01")


def test_a_bare_amount_agreeing_with_neither_stays_an_error(tmp_path):
    """ "公务接待费1.63万元" beside 预算 1.53 │ 决算 0: wrong whichever it is — N01 错误."""
    result = _workbook(tmp_path, _final_note("公务接待费1.63万元。"), _FINAL_MERGES)
    assert ("N01", "A7") in _errors(result)


def _realworld(name: str, *sentences: str):
    """A real table of tests/realworld with `sentences` below it, one a row across the table."""
    data = tomllib.loads((Path(__file__).parent / "realworld" / f"{name}.toml").read_text(encoding="utf-8"))
    rows = [list(r) for r in data["rows"]]
    merges = list(data.get("merges", []))
    width = len(rows[0])
    for s in sentences:
        rows.append([s] + [""] * (width - 1))
        merges.append(f"A{len(rows)}:{chr(ord('A') + width - 1)}{len(rows)}")
    return rows, tuple(merges)


def test_a_whole_districts_figure_under_its_own_levels_table_is_not_compared(tmp_path):
    """ "全区“三公”经费预算1444.16万元" under 烈山区本级's 2023 预算表 (合计 444.16): not 错误. Re-judged in scope20: the
    table's caption prints its scope ("2023年烈山区本级“三公”经费预算表": the district's own level), the sentence
    another (全区): different money, not compared (review19a's 警告 was for a scope perfxl did not read)."""
    result = _workbook(
        tmp_path, *_realworld("anhui-lieshan-qubenji-sangong-yusuan-2023", "全区“三公”经费预算1444.16万元。")
    )
    assert not _errors(result)
    assert not _n01(result)


def test_a_year_heading_the_sentence_places_its_figures_in_that_year(tmp_path):
    """ "2026年预算情况：…；2025年预算执行情况：公务接待费预算2.53万元" — the year before the figure in its sentence, not
    only in its clause, is the figure's (after a 2026 block): 2025's, no finding."""
    said = (
        _TOTAL,
        _OVERSEAS,
        _CARS,
        _RECEPTION,
        "2026年公务接待费1.53万元；2025年预算执行情况：公务接待费预算2.53万元。",
    )
    result = _workbook(tmp_path, _shiquan(sentences=said), _merges(5))
    assert not _codes(result, "N01")


def test_a_table_printing_last_years_budget_makes_a_yearless_figure_a_warning(tmp_path):
    """昌宁县卡斯镇 2024 prints 2023年预算数 │ 2024年预算数 (公务接待费 3 │ 7): "公务接待费预算3万元" names no year and is the
    2023 column's — a 警告 saying so, not an 错误."""
    result = _workbook(tmp_path, *_realworld("yunnan-changning-kasi-sangong-2024", "公务接待费预算3万元。"))
    assert not _errors(result)
    assert ("warning", "A12") in _n01(result)


def test_a_rate_in_a_sentence_naming_its_own_level_stays_an_error(tmp_path):
    """昌宁县县本级 2015's 说明 (as published): "2015年县本级“三公”经费…公务接待费918.5万元,减少58.8万元,下降6.1%" against
    the table's −6.017%: the scope named (县本级) is the table's own and a rate is no scope's level — N01 错误 at A2."""
    data = tomllib.loads(
        (Path(__file__).parent / "realworld" / "yunnan-changning-xianbenji-sangong-2015.toml").read_text(
            encoding="utf-8"
        )
    )
    result = _workbook(tmp_path, data["rows"], tuple(data.get("merges", [])))
    assert ("N01", "A2") in _errors(result)
