"""Issue 11 (an 错误 only when the cells make it certain; a printed value judged at the precision it was printed with):
two false-错误 classes of the funds checks, on the real 隆阳区 化肥减量增效 2022 table
(tests/realworld/yunnan-longyang-huafei-2022.toml: 预算数 278.4449 │ 执行数 30.00 │ 执行率 10.77% │ 得分 (20分*执行率)).

1. F05 on the funds block when the table states another scoring method (a 得分 header "得分(区间计分)", a note
   "执行率90%以上得满分"): a score off 执行率 × 分值 is a 警告 naming the stated method, not an 错误.
2. F04 with amounts printed rounded in text cells ("278" │ "30" against "10.77%", from 278.4449 and 30.00): the printed
   rate lies inside the range the amounts' printed precision allows — a 警告 naming the slack; number cells stay exact.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from report_helpers import workbook_result as _workbook

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
from render import CORPUS, load_table


def _longyang(**cells: str) -> tuple[list[list[str]], list[str]]:
    """The real table, with the cells named by their A1 address (row 7 or 8) replaced."""
    table = load_table(CORPUS / "yunnan-longyang-huafei-2022.toml")
    rows = [list(r) for r in table.rows]
    for address, text in cells.items():
        rows[int(address[1:]) - 1][ord(address[0]) - ord("A")] = text
    return rows, list(table.merges)


def _at(result, code: str, cell: str) -> list[tuple[str, str]]:
    return [
        (f.code, f.severity.value) for f in result.findings if f.code == code and getattr(f.ref, "cell", None) == cell
    ]


def _basis(result, code: str, cell: str) -> str:
    return " ".join(f.basis for f in result.findings if f.code == code and getattr(f.ref, "cell", None) == cell)


# ---------------------------------------------------------------- F05 under a method the table states


@pytest.mark.parametrize(
    ("header", "words"),
    [
        # before: 错误 F05 "20 × 95.17% = 19.03, 表中 20" though the header says the form scores by interval
        ("得分 (区间计分)", "区间计分"),
        # before: the same 错误 though 95.17% is above the 90% the header gives full marks at
        ("得分 (20分，执行率90%以上得满分)", "90%以上得满分"),
        ("得分 (20分，执行率低于60%不得分，每低1%扣0.1分)", "每低1%扣0.1分"),
    ],
)
def test_a_score_under_a_method_the_funds_header_states_is_a_warning_naming_it(tmp_path, header, words):
    rows, merges = _longyang(E7=header, C8="265.00", D8="95.17%", E8="20")
    result = _workbook(tmp_path, rows, merges)
    assert _at(result, "F05", "E8") == [("F05", "warning")]
    assert words in _basis(result, "F05", "E8")


def test_a_header_restating_rate_times_weight_keeps_the_score_certain(tmp_path):
    """ "得分 (20分*执行率)" states perfxl's own method: 20 × 95.17% = 19.03, printed 20, stays an 错误."""
    rows, merges = _longyang(C8="265.00", D8="95.17%", E8="20")
    assert _at(_workbook(tmp_path, rows, merges), "F05", "E8") == [("F05", "error")]


def test_the_real_table_keeps_its_certain_score_error(tmp_path):
    """The published 2.16 for 20 × 10.7741% = 2.1548 (→ 2.15) stays an 错误: its header restates 执行率 × 分值."""
    rows, merges = _longyang()
    assert _at(_workbook(tmp_path, rows, merges), "F05", "E8") == [("F05", "error")]


def test_a_note_under_the_table_stating_the_method_is_read(tmp_path):
    """A 说明 row below the 总分 ("说明：预算执行率90%以上得满分…") states the method as the header would."""
    rows, merges = _longyang(C8="265.00", D8="95.17%", E8="20")
    rows.append(["总分", "", "", "", "", "", "90", "", "", ""])
    rows.append(["说明", "预算执行率90%以上得满分，每低1%扣0.5分", "", "", "", "", "", "", "", ""])
    merges.append(f"B{len(rows)}:J{len(rows)}")
    result = _workbook(tmp_path, rows, merges)
    assert _at(result, "F05", "E8") == [("F05", "warning")]
    assert "90%以上得满分" in _basis(result, "F05", "E8")


# ---------------------------------------------------------------- F04 with amounts printed rounded


def test_a_rate_from_unrounded_amounts_printed_whole_is_a_warning_naming_the_slack(tmp_path):
    """ "278" │ "30" printed whole (the 278.4449 │ 30.00 of the real table) with the rate 10.77% it computed: 30/278 =
    10.79%, but 29.5/278.5 … 30.5/277.5 = 10.59% … 10.99% holds 10.77%. Before: 错误 F04 "应为 10.79%"."""
    rows, merges = _longyang(B8="278", C8="30", E8="2.15")
    result = _workbook(tmp_path, rows, merges)
    assert _at(result, "F04", "D8") == [("F04", "warning")]
    basis = _basis(result, "F04", "D8")
    assert "10.59%" in basis and "10.99%" in basis


def test_a_rate_outside_what_the_printed_amounts_allow_stays_certain(tmp_path):
    """ "278" │ "30" allow 10.59% … 10.99%: 11.50% is wrong whatever the unrounded amounts were."""
    rows, merges = _longyang(B8="278", C8="30", D8="11.50%", E8="2.30")
    assert _at(_workbook(tmp_path, rows, merges), "F04", "D8") == [("F04", "error")]


def test_amounts_printed_to_their_last_place_leave_no_room(tmp_path):
    """278.4449 │ 30.00 as published give 10.7738% … 10.7745%: a printed 10.79% stays an 错误."""
    rows, merges = _longyang(D8="10.79%", E8="2.16")
    assert _at(_workbook(tmp_path, rows, merges), "F04", "D8") == [("F04", "error")]


def test_number_cells_keep_their_exact_value(tmp_path):
    """278 │ 30 typed as numbers are the values the sheet's rate formula used: 10.77% against 10.79% stays an 错误."""
    rows, merges = _longyang(E8="2.15")
    rows[7][1], rows[7][2] = 278, 30  # type: ignore[call-overload]
    assert _at(_workbook(tmp_path, rows, merges), "F04", "D8") == [("F04", "error")]


def test_sources_adding_up_in_printed_units_keep_the_amounts_exact(tmp_path):
    """宣城 2023 (tests/realworld/anhui-xuancheng-dongwufangyi-2023.toml): 102 │ 46 add up to 148 and 0 │ 46 to 46, so the
    table counts in whole 万元 (docs/engine.md: whole parts under a whole total count whole units): 46/148 = 31.08%
    printed 31.00% stays an 错误 though 45.5/148.5 … 46.5/147.5 would hold it."""
    table = load_table(CORPUS / "anhui-xuancheng-dongwufangyi-2023.toml")
    assert _at(_workbook(tmp_path, table.rows, table.merges), "F04", "E7") == [("F04", "error")]
