"""Review 10e (issue 11: no false 错误, no silenced real defect) of session 10's F04 rounding room, the 预算执行情况表
listing (perfxl/layout/listing.py) and T02 over a 总分 cell saying 满分 — built from real corpus cells
(tests/realworld/*.toml) and 游仙 2023's listing (tests/test_unread10.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from report_helpers import workbook_result as _workbook
from rules_helpers import SHEET, cv, good_evaluation, submission

from perfxl.validate import validate_submission

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
from render import CORPUS, load_table


def _f04(result, cell: str):
    return [f for f in result.findings if f.code == "F04" and f.ref is not None and f.ref.cell == cell]


def _table(tmp_path, name: str, changes: dict[tuple[int, int], str]):
    table = load_table(CORPUS / f"{name}.toml")
    rows = [list(r) for r in table.rows]
    for (r, c), text in changes.items():
        rows[r][c] = text
    return _workbook(tmp_path, rows, table.merges)


# ---------------------------------------------------------------- F04: whole amounts under a whole rate


def test_whole_amounts_under_a_whole_rate_count_whole_units_even_under_100(tmp_path):
    """黄石 2022 (hubei-huangshi-tushuguan-gongxiang-2022): 预算数 5 │ 执行数 5 │ 执行率 printed "118%" for 100%. Session
    10's room asked whether one unit of the amounts moves the rate more than its last place (1 of 5 is 20%), so every
    whole-万元 block under 100 万元 with a whole rate got a room (4.5/5.5 … 5.5/4.5) and a wrong rate became a 警告. As
    whole parts under a whole total count whole units (docs/engine.md), whole amounts under a whole rate do: an 错误."""
    result = _table(tmp_path, "hubei-huangshi-tushuguan-gongxiang-2022", {(10, 3): "118%"})
    found = _f04(result, "D11")
    assert found and found[0].severity.value == "error", [(f.code, f.ref, f.severity, f.message) for f in found]


def test_whole_amounts_under_a_whole_rate_one_off_is_an_error_too(tmp_path):
    """滁州 2022: 99 │ 99 │ "101%" (one unit of 99 moves the rate 1.01%, just over the rate's 1%): whole units counted."""
    result = _table(tmp_path, "anhui-chuzhou-sanzhiyifu-2022", {(5, 6): "101%"})
    found = _f04(result, "G6")
    assert found and found[0].severity.value == "error", [(f.code, f.severity, f.message) for f in found]


def test_guard_whole_amounts_under_a_decimal_rate_keep_their_room(tmp_path):
    """Guard: 黄石's 5 │ 5 under "104.10%": a rate printed finer than the whole amounts may be from unrounded amounts
    (4.5/5.5 … 5.5/4.5 holds it) — a 警告 naming the range, as before."""
    result = _table(tmp_path, "hubei-huangshi-tushuguan-gongxiang-2022", {(10, 3): "104.10%"})
    found = _f04(result, "D11")
    assert found and found[0].severity.value == "warning", [(f.severity, f.basis) for f in found]


def test_guard_whole_amounts_rate_outside_every_value_they_allow_is_an_error(tmp_path):
    """Guard: 5 │ 5 under "125.00%": outside 4.5/5.5 … 5.5/4.5 (81.82% … 122.22%) — certain."""
    result = _table(tmp_path, "hubei-huangshi-tushuguan-gongxiang-2022", {(10, 3): "125.00%"})
    found = _f04(result, "D11")
    assert found and found[0].severity.value == "error", [(f.severity, f.basis) for f in found]


# ---------------------------------------------------------------- the 预算执行情况表 listing (游仙 2023)


def _youxian(tmp_path, lines):
    from test_unread10 import _HEAD, _MERGES

    return _workbook(tmp_path, _HEAD + lines, _MERGES)


def _lines():
    from test_unread10 import _LINES

    return [list(line) for line in _LINES]


def test_a_heading_line_without_money_does_not_end_the_listing(tmp_path):
    """A group heading ("二、项目支出", no money of its own) between 游仙's lines ended the read: every line under it went
    unchecked while the sheet said it was read — 审计项目经费补助2023's rate 64.73% for 16.42/30.00 (54.73%) was silent."""
    lines = _lines()
    lines[10][11] = "64.73%"
    lines.insert(4, ["二、项目支出"] + [""] * 11)
    result = _youxian(tmp_path, lines)
    found = [f for f in result.findings if f.code == "F04" and f.ref.cell == "L18"]
    assert found and found[0].severity.value == "error", [(f.code, f.ref, f.message) for f in result.findings]


def test_a_budget_printed_with_thousands_commas_does_not_end_the_listing(tmp_path):
    """跟踪审计服务2023 at 1,227.00 万元 (its rates and sources consistent): the line and those under it are read —
    the wrong rate two lines below is found, and the comma-grouped line itself gets no 错误."""
    lines = _lines()
    lines[9] = ["跟踪审计服务2023", "1,227.00", "0.00", "0.00", "0.00", "1,227.00", "107.00"] + ["0.00"] * 3
    lines[9] += ["107.00", "8.72%"]
    lines[11][11] = "73.43%"  # 30.45 / 48.00 = 63.44%
    result = _youxian(tmp_path, lines)
    errors = [(f.code, f.ref.cell) for f in result.findings if f.severity.value == "error"]
    assert errors == [("F04", "L18")], errors


def test_guard_benign_listing_variants_give_no_error(tmp_path):
    """Guard: a 小计 line, blank or "—" sources, rates as fractions ("0.4838"), a zero-budget line with "—" as its rate,
    a 合计 line at the foot: 游仙's figures stay right, so no 错误."""
    lines = _lines()
    for line in lines:
        line[3], line[4], line[8], line[9] = "", "—", "", "—"
    lines.insert(6, ["小计", "57.00", "52.00", "", "—", "5.00", "0.00", "0.00", "", "—", "0.00", "0.00%"])
    lines.append(["新项目", "0.00", "0.00", "", "", "0.00", "0.00", "0.00", "", "", "0.00", "—"])
    lines.append(["合计", "539.47", "239.60", "", "", "299.87", "261.00", "99.71", "", "", "161.29", "0.4838"])
    result = _youxian(tmp_path, lines)
    assert not [f for f in result.findings if f.severity.value == "error"], [
        (f.code, f.ref, f.message) for f in result.findings if f.severity.value == "error"
    ]
    assert [s.kind for s in result.coverage.sheets] == ["monitoring"]


# ---------------------------------------------------------------- T02: 满分 in the 总分 cell


@pytest.mark.parametrize("text", ["85（满分100）", "90(满分100分)", "90分（满分100分）"])
def test_t02_a_score_beside_its_full_mark_is_still_the_claimed_score(text):
    """Session 10 made any 总分 cell saying 满分 a 警告 ("满分100" may state the form's full mark). "85（满分100）" claims
    85 beside the full mark: the figure read is the score, not the 满分 — a sum of 95.5 against it stays an 错误."""
    found = validate_submission(submission(good_evaluation(total_score=cv(text, "H19"))), select="T02")
    assert [(f.brief(), f.severity.value) for f in found] == [(("T02", SHEET, "H19"), "error")]


@pytest.mark.parametrize("text", ["满分100", "满分 100分", "100（满分）"])
def test_guard_t02_a_cell_that_is_only_the_full_mark_stays_a_warning(text):
    """Guard (session 10's case): the cell's one figure is the 满分 — the form's full mark perhaps, a 警告."""
    found = validate_submission(submission(good_evaluation(total_score=cv(text, "H19"))), select="T02")
    assert [(f.brief(), f.severity.value) for f in found] == [(("T02", SHEET, "H19"), "warning")]
