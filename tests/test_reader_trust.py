"""Issue 11 (reader side): real template variants, whole project files and "fake Excel" exports are
read into the same model, with coverage saying what was read and what could not be checked.

Files are built by the project's own generator (perfxl.workbook: seed content, plan edits, export
writers, the project-file builder) and the real-table corpus (tests/realworld).
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest
from reader_shapes import indicator_tuples

from perfxl.errors import UnreadableWorkbook
from perfxl.reader import read_grids, read_submission
from perfxl.validate import validate_submission
from perfxl.workbook import seed
from perfxl.workbook import variants as V

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))


def _seed_with(**changes):
    c = seed.seed_content()
    ev = c.evaluations[0]
    return replace(c, evaluations=(replace(ev, **changes),))


def _grids(plans):
    return [V.plan_grid(p) for p in plans]


def _codes(findings, severity=None):
    return [f.code for f in findings if severity is None or f.severity.value == severity]


SEED_EXPECTED = indicator_tuples(read_grids(_grids(V.content_plans(seed.seed_content()))).evaluations[0])


# ---------------------------------------------------------------- item 3: template variants


@pytest.mark.parametrize("label", ["年度财政资金总额", "年度预算资金总额", "资金总额", "合计", "总额"])
def test_funds_total_synonyms_are_the_total_row(tmp_path, label):
    ev = seed.seed_content().evaluations[0]
    content = _seed_with(funds=(replace(ev.funds[0], label=label),))
    path = tmp_path / "synonym.xlsx"
    V.write_submission(path, content)
    sub = read_submission(path)
    funds = sub.evaluations[0].funds
    assert funds.total is not None and funds.total.label.text == label
    assert funds.total.executed.raw == D("2223.04") and funds.parts == ()
    assert "LAYOUT_MISSING_FUNDS_TOTAL" not in _codes(sub.problems)


def test_funds_block_without_weight_has_no_weight_not_a_default():
    """Ningxia-style funds block: 年初预算数 | 全年预算数 | 全年执行数 | 执行率, execution not scored."""
    sub = read_grids(_grids(V.unscored_funds(V.content_plans(seed.seed_content()))), "unscored.xlsx")
    funds = sub.evaluations[0].funds
    assert funds.columns == ("initial_budget", "full_budget", "executed", "rate")
    assert not funds.has_weight
    assert funds.total.weight.raw is None and funds.total.weight.place() is None  # nothing read, no cell invented
    assert funds.total.rate.raw == D("94.5") and funds.total.executed.raw == D("2223.04")
    assert "LAYOUT_MISSING_COLUMN" not in _codes(sub.problems)
    skipped = {(s.code, s.sheet) for s in sub.coverage.skipped}
    assert {("F05", "部门整体支出绩效自评表"), ("F06", "部门整体支出绩效自评表")} <= skipped
    assert not {"F05", "F06"} & set(_codes(validate_submission(sub, None)))


def _indicator_cols(plan, names):
    header = next(r for (r, c), spec in plan.cells.items() if spec.value == "三级指标")
    return header, {c for (r, c), spec in plan.cells.items() if r == header and spec.value in names}


def test_self_evaluation_without_weight_and_score_columns_runs_what_applies():
    """分值/得分 cut out of the 绩效指标 block: targets and actuals are read, the weight/score checks are
    recorded as not run (coverage), and none of them reports the missing weights as errors."""
    plans = V.content_plans(seed.seed_content())
    plan = plans[1]
    header, cols = _indicator_cols(plan, {"分值", "得分"})
    plans[1] = V.remove_columns(plan, range(header, plan.max_row + 1), cols)
    sub = read_grids(_grids(plans), "noscores.xlsx")
    (ev,) = sub.evaluations
    assert ev.kind == "department" and "weight" not in ev.columns and "score" not in ev.columns
    assert [i[:5] for i in indicator_tuples(ev)] == [i[:5] for i in SEED_EXPECTED]
    skipped = {s.code for s in sub.coverage.skipped if s.sheet == ev.sheet}
    assert {"W03", "W04", "S01", "T02"} <= skipped and "D01" not in skipped
    findings = validate_submission(sub, None)
    assert not {"W03", "W04", "S01", "S07", "T02"} & set(_codes(findings))
    assert "LAYOUT_MISSING_TOTAL" not in _codes(sub.problems)


def test_target_setting_table_from_the_corpus_is_read_as_a_declaration(tmp_path):
    """江西浮梁 部门整体绩效目标 (一级 | 二级 | 三级 | 计算符号 | 目标值 | 度量单位 | 指标值说明): no 分值/得分."""
    from render import CORPUS, load_table, render

    table = load_table(CORPUS / "jiangxi-fuliang-linye-mubiao-2026.toml")
    sub = read_submission(render(table, tmp_path))
    assert sub.evaluations == () and len(sub.declarations) == 1
    decl = sub.declarations[0]
    assert decl.kind == "declaration"
    assert decl.indicators[0].name.text == "保障在职职工人数(人)" and decl.indicators[0].target.raw == "=116人"
    assert "criteria" in decl.columns  # 指标值说明 is a known column, not unmapped content
    assert [s.kind for s in sub.coverage.sheets] == ["declaration"]
    assert not [p for p in sub.problems if p.severity.value != "info"]


def test_traditional_character_form_reads_like_the_seed():
    pytest.importorskip("opencc")
    sub = read_grids(_grids(V.to_traditional(V.content_plans(seed.seed_content()))), "trad.xlsx")
    (ev,) = sub.evaluations
    assert ev.kind == "department" and ev.indicators[0].name.text == "新進規模企業"  # text stays as typed
    import opencc

    t2s = opencc.OpenCC("t2s").convert
    read = [(t2s(i[3] or ""), t2s(i[4] or ""), i[5], i[6]) for i in indicator_tuples(ev)]
    assert read == [(i[3] or "", i[4] or "", i[5], i[6]) for i in SEED_EXPECTED]
    assert [h.name for h in ev.level1] == ["产出指标", "效益指标", "满意度指标"]
    assert ev.total_score.raw == D(99) and ev.funds.total.executed.raw == D("2223.04")
    assert sub.basic is not None and sub.basic.row("three_public") is not None


def test_without_opencc_a_traditional_form_is_reported_as_unread(monkeypatch):
    from perfxl import chinese, labels
    from perfxl.layout import detect, headers

    def clear():
        for f in (chinese._simplified, labels._normalise, headers._forms, headers.is_known_label):
            f.cache_clear()
        # the label memos (batch28L) keep what an earlier test's traditional headers matched with OpenCC present
        headers._INDEXES.clear()
        detect._COLUMNS_MEMO.clear()

    plans = V.to_traditional(V.content_plans(seed.seed_content())) if chinese.available() else None
    if plans is None:
        pytest.skip("OpenCC is needed to build the traditional-character form")
    monkeypatch.setattr(chinese, "_converter", None)
    monkeypatch.setattr(chinese, "_tried", True)
    clear()
    try:
        sub = read_grids(_grids(plans[1:]), "trad.xlsx")
    finally:
        monkeypatch.undo()
        clear()
    (sheet,) = sub.coverage.sheets
    assert sheet.read is False and "OpenCC" in sheet.note_zh


def test_breakdown_cells_become_labelled_amounts():
    sub = read_grids(_grids(V.content_plans(seed.seed_content())))
    amounts = [(a.group, a.label, a.amount, a.is_group_total) for a in sub.evaluations[0].funds.breakdown_amounts]
    assert ("expenditure", "按支出性质分", D("2223.04"), True) in amounts
    assert ("expenditure", "基本支出", D("886.12"), False) in amounts
    assert ("expenditure", "县级专项资金", D("1336.92"), False) in amounts
    assert ("income", "一般公共预算", D("2223.04"), False) in amounts
    assert ("income", "政府性基金拨款", None, False) in amounts


def test_breakdown_parts_above_their_total_are_an_error_and_below_a_warning():
    bd = list(seed.seed_content().evaluations[0].breakdown)
    over = _seed_with(breakdown=(bd[0], (bd[1][0], "其中：基本支出：986.12"), *bd[2:]))
    under = _seed_with(breakdown=(bd[0], (bd[1][0], "其中：基本支出：786.12"), *bd[2:]))
    fine = validate_submission(read_grids(_grids(V.content_plans(seed.seed_content()))), None)
    assert "F09" not in _codes(fine)
    (f,) = [f for f in validate_submission(read_grids(_grids(V.content_plans(over))), None) if f.code == "F09"]
    assert f.severity.value == "error" and f.cell == "E5" and "2323.04" in f.basis
    (g,) = [f for f in validate_submission(read_grids(_grids(V.content_plans(under))), None) if f.code == "F09"]
    assert g.severity.value == "warning" and g.certainty.value == "judgement"


# ---------------------------------------------------------------- coverage


def test_coverage_names_the_format_every_sheet_and_each_tables_rows(tmp_path):
    path = tmp_path / "seed.xlsx"
    V.write_submission(path, seed.seed_content())
    cov = read_submission(path).coverage
    assert cov.source_format == "xlsx"
    assert [(s.sheet, s.kind, s.certain, s.read) for s in cov.sheets] == [
        ("基础数据表", "basic", True, True),
        ("部门整体支出绩效自评表", "department", True, True),
    ]
    dept = next(t for t in cov.tables if t.kind == "department")
    assert dept.has_total_row is True and dept.range.startswith("A1:")
    kinds = [r.kind for r in dept.rows]
    assert kinds[:3] == ["title", "header", "funds"] and kinds[-1] == "total"
    assert "breakdown" in kinds and "goal" in kinds and "unread" not in kinds
    firsts = [r.first for r in dept.rows]
    assert firsts == sorted(firsts) and all(r.first <= r.last for r in dept.rows)
    assert all(a.last + 1 == b.first for a, b in itertools.pairwise(dept.rows))  # contiguous: every row accounted for
    indicator_rows = sum(r.last - r.first + 1 for r in dept.rows if r.kind == "indicator")
    assert indicator_rows == len(SEED_EXPECTED)


def test_coverage_is_runs_not_rows_on_a_long_table():
    from perfxl.workbook.variants import add_indicators

    content = add_indicators(seed.seed_content(), extra=3000)
    sub = read_grids(_grids(V.content_plans(content, "repeated_labels")))
    dept = next(t for t in sub.coverage.tables if t.kind == "department")
    assert len(dept.rows) < 30 and max(r.last - r.first for r in dept.rows) >= 3000


def test_a_sheet_without_a_table_counts_as_read_and_says_so(tmp_path):
    from perfxl.workbook import template_content

    path = tmp_path / "template.xlsx"
    V.write_submission(path, template_content(), "template")
    sheets = {s.sheet: s for s in read_submission(path).coverage.sheets}
    note = sheets["填表说明"]
    assert note.kind == "instructions" and note.read and not note.certain and note.note_zh


# ---------------------------------------------------------------- item 9: HTML and SpreadsheetML saved as .xls


def _same_as_seed(sub):
    (ev,) = sub.evaluations
    assert indicator_tuples(ev) == SEED_EXPECTED
    assert (ev.total_weight.raw, ev.total_score.raw) == (D(100), D(99))
    assert ev.funds.total.rate.raw == D("94.5")
    assert sub.basic is not None and sub.basic.row("three_public").final.raw == D("11131.84")
    assert not [p.brief() for p in sub.problems if p.severity.value != "info"]


def test_html_export_in_gbk_declaring_utf8_reads_like_the_workbook(tmp_path):
    path = V.write_export(  # as Excel saves a web page: each number's x:num beside its text (read31h)
        tmp_path / "export.xls",
        V.content_plans(seed.seed_content()),
        "html",
        encoding="gbk",
        declared_charset="utf-8",
        formats=True,
    )
    assert b"charset=utf-8" in path.read_bytes()[:300]
    sub = read_submission(path)
    assert sub.coverage.source_format == "html"
    _same_as_seed(sub)
    from perfxl.io.source import open_grids

    grids = open_grids(path)
    assert [g.name for g in grids] == ["基础数据表", "部门整体支出绩效自评表"] and grids[1].merged  # colspan/rowspan


def test_html_export_in_big5_traditional_is_detected(tmp_path):
    pytest.importorskip("opencc")
    plans = V.to_traditional(V.content_plans(seed.seed_content()), "s2tw")
    path = V.write_export(tmp_path / "big5.xls", plans, "html", encoding="big5", declared_charset="utf-8", formats=True)
    sub = read_submission(path)
    (ev,) = sub.evaluations
    assert ev.indicators[0].name.text == "新進規模企業" and ev.total_score.raw == D(99)


def test_spreadsheetml_2003_reads_like_the_workbook(tmp_path):
    path = V.write_export(tmp_path / "export.xls", V.content_plans(seed.seed_content()), "xml2003")
    sub = read_submission(path)
    assert sub.coverage.source_format == "xml2003"
    _same_as_seed(sub)


def test_markup_exports_go_through_the_guard_limits(tmp_path, monkeypatch):
    path = V.write_export(tmp_path / "export.xls", V.content_plans(seed.seed_content()), "html", encoding="gbk")
    monkeypatch.setenv("PERFXL_MAX_MARKUP_BYTES", "1000")
    with pytest.raises(UnreadableWorkbook) as exc:
        read_submission(path)
    assert exc.value.code == "FILE_TOO_LARGE"


# ---------------------------------------------------------------- item 8: a whole project file


def test_project_file_sheets_are_recognised_and_only_the_self_evaluation_is_checked():
    from perfxl.workbook.synthetic import PROJECT_FILE_SHEETS, project_file_plans

    plans, ev, _notes = project_file_plans(3, overlapping_merges=True)
    sub = read_grids(_grids(plans), "project.xls")
    kinds = {s.sheet: s.kind for s in sub.coverage.sheets}
    assert list(kinds) == list(PROJECT_FILE_SHEETS)
    assert kinds["项目支出计划"] == "spending_plan" and kinds["项目基本信息"] == "project_info"
    assert kinds["绩效目标申报表"] == "declaration" and kinds["绩效目标执行监控"] == "monitoring"
    assert kinds["项目支出绩效自评表"] == "project"
    assert all(s.read for s in sub.coverage.sheets)
    assert [e.sheet for e in sub.evaluations] == ["项目支出绩效自评表"]
    findings = validate_submission(sub, None)
    assert [f.brief() for f in findings if f.severity.value == "error"] == []
    # guessed or cross-check-only sheets: notes in the coverage, at most an INFO that a sheet holds no table
    assert not [f.brief() for f in findings if f.sheet != "项目支出绩效自评表" and f.severity.value != "info"]
    assert not [f for f in findings if f.code.startswith("LAYOUT_MERGE")]
    (decl,), (mon,) = sub.declarations, sub.monitoring
    assert [i.name.text for i in decl.indicators] == [i.name for i in ev.indicators]
    assert mon.funds.total.executed.raw is not None and mon.indicators[0].progress.text == "按进度推进"
    assert mon.indicators[0].forecast.raw is not None


def test_the_coverage_names_a_project_files_sheets_in_chinese():
    """Failed before: the reviewer read "项目支出计划：spending_plan（推断）" — the report had its own, shorter list of
    kind names than the reader's."""
    from perfxl.report._common import coverage_lines
    from perfxl.workbook.synthetic import project_file_plans

    plans, _ev, _notes = project_file_plans(3)
    lines = coverage_lines(read_grids(_grids(plans), "project.xls").coverage)
    plan_line = next(line for line in lines if line.startswith("项目支出计划："))
    assert plan_line.startswith("项目支出计划：支出计划（推断），已读取")
    assert not [line for line in lines if "spending" in line or "project_info" in line]


def test_a_target_changed_since_the_declaration_is_a_warning_naming_both_cells():
    from perfxl.workbook.synthetic import project_file_plans

    plans, _ev, notes = project_file_plans(3, adjusted=0)
    findings = validate_submission(read_grids(_grids(plans), "project.xls"), None)
    (p01,) = [f for f in findings if f.code == "P01"]
    assert p01.severity.value == "warning" and f"{p01.sheet}!{p01.cell}" == notes["evaluated"]
    assert [f"{r.sheet}!{r.cell}" for r in p01.related] == [notes["declared"]]
    plans, _, _ = project_file_plans(3, adjusted=None)
    assert "P01" not in _codes(validate_submission(read_grids(_grids(plans), "project.xls"), None))


def test_project_file_written_as_a_workbook_reads_the_same(tmp_path):
    from perfxl.workbook.content import WorkbookContent
    from perfxl.workbook.shape import Shape
    from perfxl.workbook.synthetic import project_file_plans
    from perfxl.workbook.writer import write_plans

    plans, _, _notes = project_file_plans(5)
    path = tmp_path / "project.xlsx"
    write_plans(path, plans, WorkbookContent(), Shape())
    sub = read_submission(path)
    assert len(sub.coverage.sheets) == 11 and len(sub.evaluations) == 1 and len(sub.declarations) == 1
    findings = validate_submission(sub, None)
    assert [f.brief() for f in findings if f.severity.value == "error"] == []
    assert "P01" in _codes(findings)


def test_a_flood_of_one_reader_finding_is_capped_per_sheet():
    """25,000 filler rows must not give 25,000 findings: 20 listed, the rest summed up in one."""
    from perfxl.model import CellRef, Finding, Severity
    from perfxl.reader import MAX_SAME_FINDINGS, cap_repeats

    flood = [Finding("LAYOUT_UNKNOWN_LABEL", Severity.INFO, CellRef("表1", f"A{r}"), "未知行") for r in range(1, 25001)]
    other = [Finding("LAYOUT_UNKNOWN_LABEL", Severity.INFO, CellRef("表2", "A1"), "未知行")]
    capped = cap_repeats(flood + other)
    on_sheet1 = [f for f in capped if f.sheet == "表1"]
    assert len(on_sheet1) == MAX_SAME_FINDINGS + 1
    assert on_sheet1[-1].cell == f"A{MAX_SAME_FINDINGS + 1}" and "另有 24980 处" in on_sheet1[-1].message
    assert [f.sheet for f in capped].count("表2") == 1
