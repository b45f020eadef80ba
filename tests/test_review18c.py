"""Review of sangong18's B19 (a “三公”经费 table's change columns) for false paths — review18c, session 18.

1. 衢江 2016 (tests/realworld/reports/zhejiang-qujiang-sangong-juesuan-2016.toml): a table of two years as rows
   (2015年 │ 2016年 │ 2016年比2015年增减%) whose years do not say 预算 or 决算 — the reader guesses 决算 and marks the
   sheet's reading a guess, which capped every finding on it at 警告. B19 holds the table's own columns to each other with
   the base its headers state (the years): the stage does not enter its arithmetic. Re-judged by hand: 车辆购置
   (37 − 73) / 73 with the amounts within their rounding gives −50.34% … −48.28%, the printed −47.95% is outside; 车辆运行
   −24.97% … −24.83%, printed −24.98% outside — certain; the rates inside their ranges stay 警告.
"""

from __future__ import annotations

from report_helpers import workbook_result as _workbook

E = ""

_QUJIANG = [
    ["年度", "合计", "因公出国(境)经费", "公务接待费", "公车购置及运行维护费", E, E],
    [E, E, E, E, "合计", "车辆购置", "车辆运行"],
    ["2015年", "2840", "90", "1400", "1350", "73", "1277"],
    ["2016年", "2364", "12", "1356", "996", "37", "959"],
    ["2016年比2015年增减%", "-16.77", "-86.62", "-3.14", "-26.24", "-47.95", "-24.98"],
]
_MERGES = ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1")


def _b19(result):
    return {(f.ref.cell, f.severity.value) for f in result.findings if f.code == "B19"}


def test_year_rows_stage_guess_does_not_cap_b19(tmp_path):
    found = _b19(_workbook(tmp_path, _QUJIANG, _MERGES))
    assert ("F5", "error") in found and ("G5", "error") in found
    assert ("C5", "warning") in found and ("E5", "warning") in found


def test_year_rows_rates_inside_rounding_no_error(tmp_path):
    rows = [list(r) for r in _QUJIANG]
    rows[4][5], rows[4][6] = "-49.32", "-24.90"  # the amounts' own quotients
    found = _b19(_workbook(tmp_path, rows, _MERGES))
    assert not any(cell in ("F5", "G5") for cell, _ in found)
    assert all(severity == "warning" for _, severity in found)
