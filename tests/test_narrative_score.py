"""The report's stated score against its 自评表's 总分 (N01): "综合评价得分为 99.8分" (湖北科技学院 2021,
tests/realworld/reports) is how reports state it; the seed's 部门整体 自评表 totals 99 分."""

from __future__ import annotations

import pytest
from report_helpers import codes, seed_report_findings

from perfxl.document.facts import extract_facts


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        ("自评小组经过自评,综合评价得分为 99.8分。", [("综合评价得分", "99.8分")]),
        ("经自评，该项目自评得分95分，自评等级为优。", [("该项目自评得分", "95分")]),
        ("产出指标得分40分，效益指标得分28分，总分93分。", [("总分", "93分")]),  # a block's score is not the total
        ("90分以上为优，满分100分，会议用时30分钟，三分之一的人员参加。", []),  # scales and minutes are no scores
        ("预算执行率得分9.5分，分值10分。", []),
    ],
)
def test_a_score_is_read_only_where_the_text_names_the_total_score(sentence, claims):
    facts = [(f.subject, f.quantity.text) for f in extract_facts(sentence, 1).facts if f.claim == "total_score"]
    assert facts == claims


def test_a_stated_score_that_differs_from_the_tables_total_is_an_n01_error(tmp_path):
    findings = seed_report_findings(tmp_path, "经自评，本部门整体支出绩效自评得分为90分。")
    [(severity, message)] = codes(findings, "N01")
    assert severity == "error" and "90分" in message and "99分" in message and "总分" in message


@pytest.mark.parametrize(
    "sentence",
    [
        "经自评，本部门整体支出绩效自评得分为99分，90分以上为优。",
        "经自评，综合得分98.5分。",  # the table's 99 may be a rounded 98.5: not a contradiction
        "经自评，产出指标得分55分。",
    ],
)
def test_a_stated_score_the_total_allows_is_quiet(tmp_path, sentence):
    assert not codes(seed_report_findings(tmp_path, sentence), "N01")
