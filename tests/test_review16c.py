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


def test_a_budgets_change_is_not_held_to_the_spending_columns(tmp_path):
    """Shape: review16's 杜集 2021 三公 决算 table (2021 预算 │ 2021 决算 │ 2020 决算) under a 说明 recalling a budget and its
    change on last year's. Failed before: N01 错误 "“公务接待费与上年相比增减额”为 增加2.90万元，而…决算数与上年决算数之差
    为 -0.79万元" — a budget's change held to the 决算 columns. Now quiet; a 决算's wrong change after its budget stays."""
    from test_review16 import _SANGONG, _with_text

    for text in (
        "2021年公务接待费预算14.9万元，比上年预算增加2.90万元。",
        "2021年公务接待费支出预算14.9万元，比上年增加2.90万元。",
        "2021年“三公”经费预算49.9万元，比上年预算增加5.00万元。",
    ):
        assert codes_at_paragraph(tmp_path, _with_text(_SANGONG, text), 3) == [], text
    spent = "2021年公务接待费预算14.9万元，决算5.21万元，比上年减少2.00万元。"
    assert codes_at_paragraph(tmp_path, _with_text(_SANGONG, spent), 3) == [("N01", "error")]


def test_a_uses_heading_after_a_part_of_a_list_opens_no_list(tmp_path):
    """ "…500万元，其中基本支出300万元，项目支出200万元，主要用于以下方面：一般公共服务支出（类）400万元，占80%；…100万元，
    占20%": the uses of the 500 or of the 200 — the words do not say. Failed before: N02 错误 "“项目支出”的各组成部分之和
    （400.00万元 + 100.00万元）超过了总数" (reports20's heading opened a list of the last part). Now no list; the heading
    after a figure no list holds (社会工作部 p25, tests/test_reports20.py) still opens one."""
    text = (
        "本年支出合计500.00万元，其中基本支出300.00万元，项目支出200.00万元，主要用于以下方面："
        "一般公共服务支出（类）400.00万元，占80.00%；住房保障支出（类）100.00万元，占20.00%。"
    )
    assert codes_at_paragraph(tmp_path, {"paragraphs": [text]}, 1) == []
    assert [f.parent for f in extract_facts(text).facts] == [None, 0, 0, None, None, None, None]
    alone = "项目支出200.00万元，主要用于以下方面：设备购置120.00万元；培训100.00万元。"
    assert [f.parent for f in extract_facts(alone).facts] == [None, 0, 0]
    assert codes_at_paragraph(tmp_path, {"paragraphs": [alone]}, 1) == [("N02", "error")]
