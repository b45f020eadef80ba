"""Adversarial review of session 15's merges (docs15, reports17, reports18, na15, review15b, polish15, report_year's
mend; issues 11 and 12): consistent inputs built near each new reading's edges, in the shapes real 三公 publications print.
Each test failed before its fix as its docstring says; each also keeps a contradiction found.
"""

from __future__ import annotations

import copy

from rules_helpers import cv, good_evaluation, replace_row, submission
from test_docs15 import _SANGONG as _DOCS15_SANGONG
from test_document_realreport import codes_at_paragraph, findings_at_paragraph

from perfxl.document.facts import extract_facts
from perfxl.validate import validate_submission

#: A 2021 三公 决算 publication's table (杜集's figures, docs15): 预算 49.9 = 20 + 14.9 + 15, 决算 7.69, 2020 决算 10 —
#: docs15's fixture under a title paragraph.
_SANGONG = {
    **_DOCS15_SANGONG,
    "paragraphs": ["2021年度“三公”经费支出决算情况说明", "单位：万元", "PLACEHOLDER"],
    "tables": [{**_DOCS15_SANGONG["tables"][0], "after": 2}],
}


def _sangong(tmp_path, *sentences: str) -> list[list[tuple[str, str]]]:
    """(code, severity) at each of `sentences`, paragraphs after the 三公 table's title and "单位：万元"."""
    fixture = _with_text(_SANGONG, *sentences)
    return [codes_at_paragraph(tmp_path, fixture, n) for n in range(3, len(sentences) + 3)]


def _with_text(fixture: dict, *sentences: str) -> dict:
    return {**fixture, "paragraphs": [*fixture["paragraphs"][:2], *sentences]}


# ---------------------------------------------------------------- docs15: a gap to the budget named without spending


def test_a_gap_or_par_of_another_years_spending_is_not_held_to_this_years_table(tmp_path):
    """Shape: a 2021 决算 说明 recalling last year — "2020年公务接待费支出与预算持平", "2020年公务接待费决算数比预算减少3万元",
    "上年公务接待费决算数比预算减少3万元". Wrong before: N01 错误 "“公务接待费预算数与决算数之差”为 0万元/3万元，而…2021年预算数减
    决算数为 9.69万元" — `check_named_gaps` held any year's gap to the table's 2021 columns (check_budget_gaps skips a
    spending the words place in another year; the new reading did not). Fix: words naming another year (or 上年/去年)
    before the comparison: not read."""
    this_year = "2021年公务接待费支出5.21万元，"
    said = _sangong(
        tmp_path,
        f"{this_year}2020年公务接待费支出与预算持平。",
        f"{this_year}而2020年，公务接待费支出与预算持平。",
        f"{this_year}2020年公务接待费决算数比预算减少3万元。",
        f"{this_year}上年公务接待费决算数比预算减少3万元。",
    )
    assert said == [[], [], [], []]
    # this year's (or no year named): still held to the table (14.9 − 5.21 = 9.69)
    said = _sangong(tmp_path, "2021年公务接待费支出与预算持平。", f"{this_year}公务接待费决算数比预算减少3万元。")
    assert said == [[("N01", "error")], [("N01", "error")]]


def test_roughly_level_with_the_budget_is_no_certain_par(tmp_path):
    """Shape: "公务接待费支出与预算基本持平" — near the budget, not equal to it. Wrong before: N01 错误 whenever the cells differ
    by half a unit or more — 基本持平 was read as 持平 (a gap of exactly 0). Fix: 基本/大致/大体 持平 is not read (how near is
    near the words do not say); 持平 alone still is."""
    fixture = copy.deepcopy(_SANGONG)
    fixture["tables"][0]["rows"][3][1:3] = ["7", "5.21"]  # 预算 7, 决算 5.21: 1.79 apart
    fixture["tables"][0]["rows"][1][1] = "42"
    for words in ("公务接待费支出与预算基本持平。", "公务接待费支出与年初预算大致持平。"):
        assert codes_at_paragraph(tmp_path, _with_text(fixture, words), 3) == [], words
    assert codes_at_paragraph(tmp_path, _with_text(fixture, "公务接待费支出与预算持平。"), 3) == [("N01", "error")]


# ---------------------------------------------------------------- docs15: what a rate is measured against


def test_a_year_on_year_rate_after_a_budget_gap_is_not_the_gaps(tmp_path):
    """Shape: "公务接待费支出5.21万元，比预算减少9.69万元，同比下降13.17%" (6 → 5.21: 13.17%). Wrong before: N02 错误 "与预算
    相比的增减率（9.69万元 / 预算 14.9万元）…应为 65.03%" — "同比" named no base `_compared_against` read ("比" then nothing), so
    the rate took the gap before it. Fix: 同比 is measured against last year."""
    said = _sangong(
        tmp_path,
        "公务接待费支出5.21万元，比预算减少9.69万元，同比下降13.17%。",
        "公务接待费支出5.21万元，较预算节约9.69万元，同比减少0.79万元，同比下降13.17%。",
    )
    assert said == [[], []]
    # the gap's own rate right after it is still held to it (9.69 / 14.9 = 65.03%)
    assert _sangong(tmp_path, "公务接待费支出5.21万元，比预算减少9.69万元，下降50%。") == [[("N02", "error")]]


def test_a_change_on_last_years_budget_is_named_as_last_years(tmp_path):
    """Shape: a 2021 预算 publication — "2021年“三公”经费预算49.9万元，比上年预算增加8万元，增长11.1%" (8 / 41.9 = 19.1%: wrong),
    and "较2020年预算增加…". Wrong before: the N02 said "与预算相比的增减率（8万元 / 预算 41.9万元）" — 上年预算 read as the
    year's own budget. Fix: 上年/去年 预算 is a base on last year (`Fact.against` "year"); a named year other than the
    report's is named so ("与2020年预算相比")."""
    fixture = copy.deepcopy(_SANGONG)
    fixture["tables"][0]["rows"] = [
        ["项目", "2021年预算数", "2020年预算数"],
        ["合计", "49.9", "44.9"],
        ["因公出国（境）费", "20", "20"],
        ["公务接待费", "14.9", "10"],
        ["公务用车购置及运行维护费", "15", "14.9"],
    ]
    said = _with_text(fixture, "2021年“三公”经费预算49.9万元，比上年预算增加8万元，增长11.1%。")
    [(code, severity, message)] = findings_at_paragraph(tmp_path, said, 3)
    assert (code, severity) == ("N02", "error") and "与上年相比的增减率（8万元 / 上年 41.9万元）" in message
    said = _with_text(fixture, "2021年“三公”经费预算49.9万元，较2020年预算增加8万元，增长11.1%。")
    [(code, severity, message)] = findings_at_paragraph(tmp_path, said, 3)
    assert (code, severity) == ("N02", "error") and "与2020年预算相比的增减率" in message


# ---------------------------------------------------------------- reports18: a 预算 publication's 支出 as its budget


def _budget_only(sentence: str) -> dict:
    """A 2020 三公 预算表 (预算数 only: 40.20 = 0 + 22.20 + 18.00) and one sentence of text, no word 决算 anywhere."""
    rows = [
        ["项目", "预算数"],
        ["合计", "40.20"],
        ["因公出国(境)费", "0"],
        ["公务接待费", "22.20"],
        ["公务用车购置及运行费", "18.00"],
    ]
    return {
        "year": 2020,
        "paragraphs": ["2020年“三公”经费支出预算表", "单位:万元", sentence],
        "tables": [{"name": "表1", "rows": rows, "merges": [], "after": 2}],
    }


def test_a_spending_set_against_its_budget_is_not_that_budget(tmp_path):
    """Shape: under a table of 预算数 only, "2020年公务接待费支出20万元，完成预算的90.09%" (20 / 22.20), "…支出20万元，结余2.2
    万元", "…支出20万元，比预算节约2.2万元". Wrong before: N01 警告 "“公务接待费支出”为 20万元，而…预算数为 22.2万元（…正文的
    “支出”读作该项的预算支出）" — reports18 read a 支出 as the budget when nothing before it said spent. Fix: words after the
    figure in its sentence that set it against its budget (完成预算, 执行率, 结余, 节约, 比预算…) make it the spending."""
    for sentence in (
        "2020年公务接待费支出20万元，完成预算的90.09%。",
        "2020年公务接待费支出20万元，结余2.2万元。",
        "2020年公务接待费支出20万元，比预算节约2.2万元。",
    ):
        assert codes_at_paragraph(tmp_path, _budget_only(sentence), 3) == [], sentence
    # a 支出 the sentence sets against nothing is still read as the budget (a 警告, as reports18 made it)
    assert codes_at_paragraph(tmp_path, _budget_only("2020年公务接待费支出20万元。"), 3) == [("N01", "warning")]


# ---------------------------------------------------------------- na15: the one reading of 不适用, D01 too


def test_a_row_declared_not_applicable_owes_no_deviation_reason():
    """Shape: the 填报说明's 不适用 row — "人均培训成本 │ 不适用 │ 不适用 │ 分值 10 │ 得分 0", the 总分 rescaled over the
    others (95 = 85.5 / 90 × 100: T05 and T02 quiet since na15). Wrong before: D01 错误 "“人均培训成本”未完成（得分 0 低于
    分值 10），偏差原因分析及改进措施不能为空" — D01 read the row as a missed target; na15 gave W04/W02, S12/S15, T02/T05
    and I03/I05 one reading of 不适用, not D01. Fix: a row `not_applicable.declared` is no missed target."""
    ev = replace_row(good_evaluation(total_score=cv(95, "H19")), 3, target="不适用", actual="不适用", score=0)
    assert [f.code for f in validate_submission(submission(ev)) if f.severity.value != "info"] == []
    # a scored row whose words only hold the mark ("不涉及违规使用资金": a target) still owes its reason when missed
    ev = replace_row(good_evaluation(), 3, target="不涉及违规使用资金", actual="有违规", score=0)
    assert "D01" in [f.code for f in validate_submission(submission(ev))]


# ---------------------------------------------------------------- review15b: a 分别 list of rates after stated bases


def test_respective_rates_after_changes_with_their_own_bases_are_paired_by_position(tmp_path):
    """Shape: a 三公 增减情况说明 — "2021年“三公”经费预算4196万元，较2020年预算4729万元减少533万元，较2020年决算4500万元减少
    304万元，分别下降20%、6.8%" (533 / 4729 = 11.3%: the first rate wrong). Lost since review15b: [] — the rates after two
    changes were set aside (`_respective_over_changes`) rather than paired wrongly; before it, an 错误 against the
    wrong pair (304 / 4500). Fix: 分别 pairs by position; where each change prints its own base, the i-th rate is held to
    the i-th change over its base (`respective_lists.check_rates_over_stated_bases`), an 错误 naming that pair."""
    head = "2021年“三公”经费预算4196万元，较2020年预算4729万元减少533万元，较2020年决算4500万元减少304万元，"
    fixture = {"paragraphs": [f"{head}分别下降20%、6.8%。"], "tables": []}
    [(code, severity, message)] = findings_at_paragraph(tmp_path, fixture, 1)
    assert (code, severity) == ("N02", "error") and "与2020年预算4729万元相比的增减率（533万元 / 4729万元）" in message
    # the second wrong, printed with its own direction: one finding, on that pair
    fixture = {"paragraphs": [f"{head}分别下降11.3%、下降10%。"], "tables": []}
    [(code, severity, message)] = findings_at_paragraph(tmp_path, fixture, 1)
    assert (code, severity) == ("N02", "error") and "（304万元 / 4500万元）" in message
    # both right, or a change the other way with its own word: quiet
    for tail in ("分别下降11.3%、6.8%。", "分别下降11.3%、6.76%。"):
        assert codes_at_paragraph(tmp_path, {"paragraphs": [head + tail], "tables": []}, 1) == [], tail
    mixed = "2021年“三公”经费预算4196万元，较2020年预算4729万元减少533万元，较2020年决算4000万元增加196万元，分别下降11.3%、增长4.9%。"
    assert codes_at_paragraph(tmp_path, {"paragraphs": [mixed], "tables": []}, 1) == []


def test_respective_rates_after_a_respective_list_of_changes_are_paired_with_the_levels(tmp_path):
    """Shape: "2021年收入1000万元，支出900万元，较上年分别减少100万元、50万元，分别下降20%、5.3%" (100 / 1100 = 9.1%: the first
    wrong). Lost since review15b: [] (before it, an 错误 "应为 66.7%" on the right list too, 100 / 150). Fix: the i-th rate
    of a 分别 list is the i-th change over last year's figure of the i-th level the sentence states (as many levels as
    changes, no 其中 part): 1000 + 100, 900 + 50."""
    head = "2021年收入1000万元，支出900万元，较上年分别减少100万元、50万元，"
    [(code, severity, message)] = findings_at_paragraph(
        tmp_path, {"paragraphs": [f"{head}分别下降20%、5.3%。"], "tables": []}, 1
    )
    assert (code, severity) == ("N02", "error") and "“收入”与上年相比的增减率（100万元 / 上年 1100万元）" in message
    assert codes_at_paragraph(tmp_path, {"paragraphs": [f"{head}分别下降9.1%、5.3%。"], "tables": []}, 1) == []
    # three levels for two changes: which is whose is not said — not read
    three = "2021年收入1000万元，支出900万元，结余100万元，较上年分别减少100万元、50万元，分别下降20%、5.3%。"
    assert codes_at_paragraph(tmp_path, {"paragraphs": [three], "tables": []}, 1) == []


def test_the_second_change_of_a_respective_list_is_a_change_not_a_level(tmp_path):
    """Shape: the seed report's — "2023年收入2223.04万元，支出2223.04万元，较上年分别减少496.49万元、400万元" (a common 决算
    说明 sentence). Wrong before (and at 0269d03): N01 错误 "正文写“支出”为 400万元，而自评表…为 2223.04万元" — the figure
    after "、" in the 分别 list of changes was read as a level of the last item named. Fix: a figure right after a change
    of a 分别/各 list, only a separator (and its own direction) between, is a change too, of the list's next item (its
    name left to the list's order: no claim, so never held to a table's level)."""
    from report_helpers import seed_report_findings

    for sentence in (
        "2023年收入2223.04万元，支出2223.04万元，较上年分别减少496.49万元、400万元。",
        "2023年收入2223.04万元，支出2223.04万元，较上年分别减少496.49万元、增加400万元。",
    ):
        assert [f.code for f in seed_report_findings(tmp_path, sentence) if f.severity.value != "info"] == []
    facts = extract_facts(
        "收入1000万元，支出900万元，较上年分别减少100万元、增加50万元，分别下降9.1%、增长5.9%。"
    ).facts
    assert [(f.role, f.claim, f.direction) for f in facts[3::2]] == [("change", "", 1), ("change_rate", "", 1)]
    # reports18's rate from a base of nothing took the 100 after "、" for the 支出 level: 100 − 100 = 0 (an 错误 "无从计算")
    same = "2022年度财政拨款收入4000万元，财政拨款支出4000万元，较上年分别增加100万元、100万元，分别增长2.56%、2.56%。"
    assert codes_at_paragraph(tmp_path, {"paragraphs": [same], "tables": []}, 1) == []
    # the 三公 items' own lists against the table (公务用车 2.48 in 决算; 4 → 2.48 is −1.52, 15 − 2.48 is 12.52): the
    # second figure was the 公务用车's level, an N01 错误 "为 1.52万元/12.52万元，而…决算数为 2.48万元"
    fixture = _with_text(
        _SANGONG,
        "2021年公务接待费支出5.21万元，公务用车购置及运行维护费支出2.48万元，较上年分别减少0.79万元、1.52万元。",
        "公务接待费支出5.21万元，公务用车购置及运行维护费支出2.48万元，分别比预算减少9.69万元、12.52万元。",
    )
    assert [codes_at_paragraph(tmp_path, fixture, n) for n in (3, 4)] == [[], []]
    # a list of levels ("收入1000万元、支出900万元") stays levels
    assert [f.role for f in extract_facts("收入1000万元、支出900万元。").facts] == ["value", "value"]


# ---------------------------------------------------------------- reports17: a bare 使用率


def test_a_bare_rate_of_use_after_a_count_is_the_things_not_the_moneys(tmp_path):
    """Shape: "项目预算100万元，实际支出100万元，购置设备10台，使用率95%" — the equipment's rate of use. Wrong before: N02 警告
    "“使用率”完成预算的比例（支出 100万元 / 预算 100万元）…应为 100%，文字写 95%" — since reports17 a bare 使用率 is a
    spending rate. Fix: a bare 使用率/支付率 right after a count in its sentence is that thing's (a value)."""
    text = "项目预算100万元，实际支出100万元，购置设备10台，使用率95%。"
    assert codes_at_paragraph(tmp_path, {"paragraphs": [text], "tables": []}, 1) == []
    # after the money, bare: still the funds' rate (桂阳, tests/test_reports17.py)
    wrong = "项目预算100万元，实际支出100万元，使用率95%。"
    assert codes_at_paragraph(tmp_path, {"paragraphs": [wrong], "tables": []}, 1) == [("N02", "warning")]
