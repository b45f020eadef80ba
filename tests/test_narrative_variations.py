"""Variation tests: the report .docx agreeing with its tables is quiet; changing any one narrative figure
gives exactly one new narrative finding, at that figure's paragraph."""

from __future__ import annotations

from decimal import Decimal

import pytest
from report_helpers import report_docx  # build_report_docx's report, its figures spliced into one built package

from perfxl.validate import validate_file
from perfxl.workbook.report_docx import AGREEING_FIGURES, REPORT_FIGURES

#: figures no table or relation covers: changing them cannot be detected (they only appear in N04 提示).
UNCHECKED = {"retired", "tech_centres", "added_growth"}
FIGURES = sorted(k for k in REPORT_FIGURES if k not in UNCHECKED and k != "goal_sentence")


def _changed(text: str) -> str:
    """A clearly different number printed with the same decimals (0 → 5, 886.12 → 1330.18)."""
    value = Decimal(text)
    places = -value.as_tuple().exponent if "." in text else 0
    new = value * Decimal("1.5") + 5
    return f"{new:.{places}f}"


def _narrative(path):
    result = validate_file(path)
    assert result.ok, result.error
    return [f for f in result.findings if f.code in ("N01", "N02", "N03")]


@pytest.fixture(scope="module")
def agreeing(tmp_path_factory):
    report = report_docx(tmp_path_factory.mktemp("agree") / "agree.docx", AGREEING_FIGURES)
    return report, _narrative(report.path)


def test_a_narrative_that_agrees_with_its_tables_is_quiet(agreeing):
    _, findings = agreeing
    assert findings == []


@pytest.mark.parametrize("key", FIGURES)
def test_changing_one_figure_gives_exactly_one_finding_at_its_paragraph(key, tmp_path, agreeing):
    _base, _ = agreeing
    figures = {**AGREEING_FIGURES, key: _changed(AGREEING_FIGURES[key])}
    report = report_docx(tmp_path / f"{key}.docx", figures)
    findings = _narrative(report.path)
    [paragraph] = report.paragraph_with(key)
    assert [(f.code[:1], f.ref.paragraph) for f in findings] == [("N", paragraph)], [f.message for f in findings]
    assert figures[key] in f"{findings[0].message} {findings[0].actual} {findings[0].basis}"


def test_an_all_targets_met_claim_is_caught(tmp_path):
    report = report_docx(tmp_path / "goal.docx", {**AGREEING_FIGURES, "goal_sentence": "以上目标均已完成。"})
    findings = _narrative(report.path)
    assert [(f.code, f.ref.paragraph) for f in findings] == [("N03", report.paragraph_with("goal_sentence")[0])]
    assert "规模工业总产值" in findings[0].message and "11.8%" in findings[0].message


def test_a_qualified_claim_is_not_an_all_met_claim(tmp_path):
    sentence = "以上目标除规模工业总产值增速外均已完成。"
    report = report_docx(tmp_path / "qualified.docx", {**AGREEING_FIGURES, "goal_sentence": sentence})
    assert _narrative(report.path) == []
