"""Lead's mends in session 16 (issues 11/12): readings a review named as guesses."""

from __future__ import annotations

from perfxl.grid import Grid
from perfxl.layout.three_public import read_three_public

E = ""


def test_a_forecast_column_of_a_three_public_budget_table_is_no_final_account():
    """A 预算 publication's 三公 table often prints last year's 预计执行数 beside this year's 预算数 (review16b). Wrong
    before: "2022年预计执行数" was read as last year's 决算 (prev_final 12.00), so a narrative's real 2022 决算 would be
    held to a forecast. A forecast is neither a budget nor a 决算: the column is not read; the 预算数 still is."""
    rows = [
        ["2023年“三公”经费预算表", E, E, E],
        [E, E, E, "单位：万元"],
        ["项目", "2022年预算数", "2022年预计执行数", "2023年预算数"],
        ["合计", "11.00", "12.00", "10.00"],
        ["因公出国（境）费", "0.00", "0.00", "0.00"],
        ["公务用车购置及运行维护费", "7.00", "8.00", "6.00"],
        ["公务接待费", "4.00", "4.00", "4.00"],
    ]
    read = read_three_public(Grid("表1", rows, ()))
    assert read is not None
    total = next(r for r in read[0].rows if r.key == "three_public")
    assert total.budget.raw == "10.00"
    assert total.prev_final.raw is None and total.final.raw is None


def test_a_hundred_percent_growth_over_nothing_is_the_publishers_way_of_saying_new(tmp_path):
    """上海普陀's 社会工作部 2024 决算 (real reports 20) prints "增加 10.23 万元，增长 100.00%" over a 2023 of 0 four times:
    the unit was founded in 2024, and 100% is how publishers say "new". The arithmetic is certain (no rate comes from
    nothing), whether the wording is an error a person judges: a 警告 saying so. Before: N02 错误. Any other rate over
    nothing stays an 错误."""
    from test_document_realreport import findings_at_paragraph, with_paragraph
    from test_reports20 import SHEHUI

    [(code, severity, message)] = findings_at_paragraph(tmp_path, SHEHUI, 43)
    assert (code, severity) == ("N02", "warning")
    assert "无从计算" in message
    fifty = with_paragraph(SHEHUI, 43, "增长 100.00%", "增长 50.00%")
    assert [(c, s) for c, s, _ in findings_at_paragraph(tmp_path, fifty, 43)] == [("N02", "error")]
