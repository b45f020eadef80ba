"""Cell-level defects of issue 8 that used to pass silently: Excel error values read as blanks,
TRUE in 实际完成值, control characters parsed into numbers, merges across table blocks.

Each workbook is the seed example written by the project's generator with the defect planted
(tests/badinput, the guard engineer's corpus); the findings are the ones `validate_file` reports.
"""

from __future__ import annotations

import dataclasses

import pytest
from badinput.corpus import build

from perfxl.grid import Grid
from perfxl.io.error_values import error_cells
from perfxl.layout.merges import merge_findings
from perfxl.model import CellRef, CellValue, FundsBlock, FundsRow, SelfEvaluation


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cells")
    made: dict[str, object] = {}

    def get(key: str):
        if key not in made:
            made[key] = build(key, folder)
        return made[key]

    return get


def _validate(item):
    from perfxl.validate import validate_file

    result = validate_file(item.path)
    assert result.ok, result.error
    return result.findings


def _at(findings, sheet: str, cell: str):
    return [f for f in findings if f.ref and f.ref.sheet == sheet and f.ref.cell.split(":")[0] == cell]


# ---------------------------------------------------------------- Excel error values


def test_error_cells_are_found_in_sheet_xml():
    xml = (
        b'<sheetData><row r="4"><c r="G4" s="5" t="e"><v>#DIV/0!</v></c><c r="H4" t="n"><v>10</v></c>'
        b'<c r="I4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="J4" t="e"/></row>'
        b'<row r="13"><c r="AB13" t="e"><v>#REF!</v></c><c r="C13" t="str"><v>#N/A</v></c></row></sheetData>'
    )
    assert error_cells(xml) == {(3, 6): "#DIV/0!", (3, 8): "#DIV/0!", (12, 27): "#REF!"}


def test_error_values_are_read_as_errors_and_named_at_their_cells(corpus):
    from perfxl.io.source import open_grids

    item = corpus("error_cells")
    (sheet, rate_cell), (_, score_cell) = item.planted
    grid = next(g for g in open_grids(item.path) if g.name == sheet)
    assert sorted(grid.errors.values()) == ["#DIV/0!", "#REF!"]
    findings = _validate(item)
    at_rate, at_score = _at(findings, sheet, rate_cell), _at(findings, sheet, score_cell)
    # an error cell is ONE finding — it cannot be computed (issue 11 item 6): the reader names it, C02
    # does not repeat it, and the checks that need the value (F04 rate, S01 score) skip it
    assert [f.code for f in at_rate] == ["READ_ERROR_VALUE"]
    assert [f.code for f in at_score] == ["READ_ERROR_VALUE"]
    assert all("#DIV/0!" in f.message and "（空）" not in f.message for f in at_rate)
    assert all("#REF!" in f.message for f in at_score)


# ---------------------------------------------------------------- TRUE / FALSE


def test_boolean_completion_value_is_named_at_its_cell(corpus):
    item = corpus("booleans")
    [(sheet, cell)] = item.planted
    found = [f for f in _at(_validate(item), sheet, cell) if f.code == "I12"]
    assert len(found) == 1 and "TRUE" in found[0].message and "逻辑值" in found[0].message
    assert found[0].severity.value == "error"


# ---------------------------------------------------------------- control characters


def test_control_characters_are_reported_not_parsed(corpus):
    item = corpus("control_chars")
    (sheet, name_cell), (_, actual_cell) = item.planted
    findings = _validate(item)
    [name] = [f for f in _at(findings, sheet, name_cell) if f.code == "C01"]
    [actual] = [f for f in _at(findings, sheet, actual_cell) if f.code == "I12"]
    assert "U+0007" in name.message and "U+001B" in actual.message and "控制字符" in actual.message
    assert "␛[31m20家" in actual.message  # shown, not hidden
    assert not any("31米" in f.message for f in findings)
    goal = [f for f in findings if f.code == "C01" and "实际完成情况" in f.message]
    assert goal and "U+000B" in goal[0].message  # the goal text's \x0b is reported too


# ---------------------------------------------------------------- merged ranges


def test_merge_from_the_funds_row_into_the_goals_is_reported(corpus):
    item = corpus("merged_overlap")
    [(sheet, cell)] = item.planted
    findings = _validate(item)
    across = [f for f in _at(findings, sheet, cell) if f.code == "LAYOUT_MERGE_ACROSS_TABLES"]
    assert len(across) == 1 and "合并" in across[0].message and across[0].ref.cell.startswith(f"{cell}:")
    hidden = [f for f in findings if f.code == "LAYOUT_FUNDS_CELL_MERGED"]
    assert hidden and "全年预算数" in hidden[0].message  # the vanished amount is named, not silently blank
    assert any(f.code == "LAYOUT_MERGE_OVERLAP" for f in findings)


def _funds_eval(sheet: str, budget_ref: CellRef) -> SelfEvaluation:
    blank = CellValue.of(None)
    total = FundsRow(
        CellValue.of("年度资金总额", CellRef(sheet, "B4")),
        CellValue.of(100, CellRef(sheet, "C4")),
        CellValue.of(None, budget_ref),
        CellValue.of(100, CellRef(sheet, "E4")),
        blank,
        blank,
        blank,
        True,
    )
    return SelfEvaluation("department", sheet, funds=FundsBlock(total))


def test_merge_findings_on_plain_grids():
    rows = [
        ["年度预算申请", "", "年初预算数", "全年预算数", "全年执行数"],
        ["", "年度资金总额", 100, "", 100],
        ["年度总体目标", "预期目标"],
        ["", "目标文字"],
    ]
    kinds = ["funds_header", "other", "goals_header", "other"]
    clean = Grid("表", rows, merged=((0, 0, 1, 0), (2, 0, 3, 0)))
    assert merge_findings(clean, kinds, [_funds_eval("表", CellRef("表", "D2"))]) == []
    crossing = Grid("表", rows, merged=((1, 2, 3, 3),))
    found = merge_findings(crossing, kinds, [_funds_eval("表", CellRef("表", "D2", "C2"))])
    assert [(f.code, f.ref.cell) for f in found] == [
        ("LAYOUT_MERGE_ACROSS_TABLES", "C2:D4"),
        ("LAYOUT_FUNDS_CELL_MERGED", "D2"),
    ]
    overlap = Grid("表", rows, merged=((1, 1, 1, 3), (1, 3, 1, 4)))
    assert [(f.code, f.ref.cell) for f in merge_findings(overlap, kinds, [])] == [("LAYOUT_MERGE_OVERLAP", "D2:E2")]


def test_a_column_the_header_lacks_is_not_hidden_by_a_merge():
    """云南 隆阳 (tests/realworld): the funds row's 得分 is merged E8:J8 to the table's edge, and the form has
    no 年初预算数/分值 columns (placed past that edge): nothing is hidden there, so no LAYOUT_FUNDS_CELL_MERGED."""
    rows = [
        ["预算执行情况", "预算数", "执行数", "执行率", "得分", "", ""],
        ["年度财政资金总额", 278.4449, 30, "10.77%", 2.16, "", ""],
    ]
    grid = Grid("表", rows, merged=((1, 4, 1, 6),))
    ev = _funds_eval("表", CellRef("表", "F2", "E2"))  # 全年预算数 placed at F, inside the score's merge
    found = ["funds_header", "other"]
    lacking = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, columns=("executed", "rate", "score")))
    assert merge_findings(grid, found, [lacking]) == []
    having = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, columns=("full_budget", "executed")))
    assert [(f.code, f.ref.cell) for f in merge_findings(grid, found, [having])] == [("LAYOUT_FUNDS_CELL_MERGED", "F2")]
