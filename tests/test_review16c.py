"""Adversarial review of session 16's last merges (gaps16, lost16, reports20, the lead's; issues 11 and 12): consistent
inputs built near each new reading's edges — per-item 预算/决算 其中 lists, 公务用车's bare 购置费/运行费 columns, a
收支总表's closing line, "主要用于以下方面：", a PDF's spaced years, a level named with its owner and year. Each test
failed before its fix as its docstring says; each also keeps the contradiction the reading was made for.
"""

from __future__ import annotations

from test_document_realreport import codes_at_paragraph

from perfxl.document.facts import extract_facts

LEVELS = "本单位2024年度支出350.00万元，2023年度支出300.00万元，增加50.00万元，增长16.67%。"


def test_a_level_named_by_the_year_before_is_last_years_figure():
    """Failed before: the 300.00 read as a second level of 支出 (role value), the change's rate held to 350 − 50."""
    facts = extract_facts(LEVELS).facts
    assert [f.role for f in facts] == ["value", "previous", "change", "change_rate"]
    # two years apart, or the earlier year first: each stays a level
    assert extract_facts(LEVELS.replace("2023年度", "2022年度")).facts[1].role == "value"
    assert extract_facts("2023年度支出300.00万元，2024年度支出350.00万元。").facts[1].role == "value"


def test_a_change_between_two_years_levels_is_held_to_last_years(tmp_path):
    """Failed before: N02 错误 "“支出”与上年相比的增减率（50.00万元 / 上年 250万元），按其自身数字应为 20%" on the consistent
    text (50 / 300 = 16.67%); the wrong rate over 300 (20.00%) went unseen. Now quiet, and 20.00% the N02 错误."""
    fixture = {"paragraphs": [LEVELS]}
    assert codes_at_paragraph(tmp_path, fixture, 1) == []
    wrong = {"paragraphs": [LEVELS.replace("增长16.67%", "增长20.00%")]}
    assert codes_at_paragraph(tmp_path, wrong, 1) == [("N02", "error")]
    total = "本单位2024年度收入支出总计350.00万元，2023年度收入支出总计300.00万元，增加50.00万元，增长16.67%。"
    assert codes_at_paragraph(tmp_path, {"paragraphs": [total]}, 1) == []
