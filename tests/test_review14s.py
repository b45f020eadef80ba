"""Review 14s (session 14): adversarial probes of reports15's gap-to-budget reading (perfxl/document/budget_gap.py), on
杜集区政府办 2021 (tests/realworld/reports) with its paragraph 9 rewritten. Tests named "failed before" were run
against main before the fix and failed as their docstring says."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

from test_document_realreport import findings_at_paragraph

DUJI = tomllib.loads(
    (Path(__file__).resolve().parent / "realworld" / "reports" / "anhui-duji-zhengfuban-sangong-2021.toml").read_text(
        encoding="utf-8"
    )
)


def _p9(tmp_path, text: str, budget: str = "14.9", final: str = "5.21", head: str = "預 算 數"):
    """The findings at paragraph 9 with that paragraph `text` and the 公务接待费 row's 预算 / 决算 as given."""
    fixture = copy.deepcopy(DUJI)
    fixture["paragraphs"][8] = text
    rows = fixture["tables"][0]["rows"]
    rows[0][1], rows[3][1], rows[3][2] = head, budget, final
    return findings_at_paragraph(tmp_path, fixture, 9)


def test_a_gap_in_yuan_beside_a_spending_in_wan_yuan_is_converted(tmp_path):
    """Failed before: N01 error "预算数为 969000005.21万元" — 96900元 was multiplied by 10000 instead of divided; 5.21万元
    + 96900元 = 14.9万元 is the table's 预算."""
    assert _p9(tmp_path, "2.公务接待费支出5.21万元，与2021年度预算相比减少96900元。") == []
    ((code, severity, message),) = _p9(tmp_path, "2.公务接待费支出5.21万元，与2021年度预算相比减少1000元。")
    assert (code, severity) == ("N01", "error") and "5.31万元" in message  # failed before: 10000005.21万元


def test_a_budget_the_printed_figures_can_make_is_not_an_error(tmp_path):
    """Failed before: N01 error (5.3 vs 5.20) — "5.2万元 … 减少0.1万元" is true of a spending of 5.15 and a budget of
    5.20 (gap 0.05, printed 0.1): the spending's and the gap's rounding add up."""
    assert _p9(tmp_path, "2.公务接待费支出5.2万元，与2021年度预算相比减少0.1万元。", "5.20", "5.15") == []
    # still found where no such values exist
    assert [c[:2] for c in _p9(tmp_path, "2.公务接待费支出5.2万元，与2021年度预算相比减少0.1万元。")] == [
        ("N01", "error")
    ]


def test_another_years_spending_against_the_budget_is_not_this_tables(tmp_path):
    """Failed before: N01 error — "2020年公务接待费支出5.21万元，与预算相比无变化" in the 2021 report is last year's
    spending and budget, not the table's 14.9."""
    assert _p9(tmp_path, "2.2020年公务接待费支出5.21万元，与预算相比无变化。") == []


def test_a_budget_column_of_another_year_is_not_the_gaps(tmp_path):
    """Failed before: N01 error — the table's 预算 column is headed "2020年预算数" in the 2021 report; "与预算相比减少
    0.1万元" is this year's budget, which the table does not print."""
    assert _p9(tmp_path, "2.公务接待费支出5.21万元，与预算相比减少0.1万元。", head="2020年预算数") == []


def test_comparisons_that_are_not_the_budget_stay_quiet(tmp_path):
    """Already quiet at main (kept): last year's change, 上年预算, a share, a saving of the right size."""
    for text in (
        "2.公务接待费支出5.21万元，与上年相比减少0.1万元。",
        "2.公务接待费支出5.21万元，与上年及预算相比减少0.1万元。",
        "2.公务接待费支出5.21万元，与上年度预算相比减少0.1万元。",
        "2.公务接待费支出比上年减少5.21万元，与预算相比无变化。",
        "2.公务接待费支出占三公经费的67.75%。",
        "2.公务接待费支出较预算节约9.69万元。",
        "2.三公经费支出7.69万元，与2021年度预算相比减少42.21万元。",
    ):
        assert _p9(tmp_path, text) == [], text


def test_a_gap_to_the_opening_budget_is_not_the_adjusted_budgets(tmp_path):
    """Failed before: N01 error — "与年初预算相比减少0.1万元" against a column headed 调整预算数 (or 全年预算数): the budget
    as passed and as adjusted may differ. Against a 年初预算数 column, or words naming no kind, the gap is still held."""
    text = "2.公务接待费支出5.21万元，与年初预算相比减少0.1万元。"
    assert _p9(tmp_path, text, head="调整预算数") == []
    assert _p9(tmp_path, text, head="全年预算数") == []
    assert [c[:2] for c in _p9(tmp_path, text, head="年初预算数")] == [("N01", "error")]
    assert [c[:2] for c in _p9(tmp_path, "2.公务接待费支出5.21万元，与预算相比减少0.1万元。", head="调整预算数")] == [
        ("N01", "error")
    ]
