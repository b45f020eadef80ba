"""Readings of report documents left open in session 17 (issue 12), each a false 错误 path or a miss: a 三公 其中 list
running on into 会议费/培训费, a relative actual against an absolute target, a bracketed figure, a change's stage named
by its words, a level after a change, a table cut at a page's end. Each test failed before its fix as its docstring
says.
"""

from __future__ import annotations

import pytest
from test_document_realreport import codes_at_paragraph

# ---------------------------------------------------------------- 1. a 三公 其中 list running on into 会议费/培训费


@pytest.mark.parametrize(
    "said",
    [
        "2021年“三公”经费支出15万元，其中：公务接待费2.1万元，公务用车运行维护费10.4万元，会议费3.2万元，培训费5万元。",
        "2021年“三公”经费支出15万元，其中：公务接待费2.1万元，公务用车运行维护费10.4万元；会议费3.2万元，培训费5万元。",
        "“三公”经费决算数15万元，其中：公务接待费2.1万元，公务用车运行维护费10.4万元，会议费3.2万元，培训费5万元。",
    ],
)
def test_a_three_public_list_ends_before_items_of_another_kind(tmp_path, said):
    """Shape: a 决算 说明 listing the 三公 items then, in the same run, 会议费 and 培训费 (reported beside the 三公 in the
    same paragraph). Wrong before: N02 错误 "“三公经费支出”的各组成部分之和（2.1万元 + 10.4万元 + 3.2万元 + 5万元）超过了
    总数…应为 20.7万元，文字写 15万元" — 会议费/培训费 are no 三公 items (三公 = 因公出国（境）费 + 公务接待费 + 公务用车
    购置及运行维护费), the list had ended before them. Fix: a whole of a kind closed by definition (`CLOSED_KINDS`) ends its
    其中 list at an item it does not admit (`facts._past_its_kind`)."""
    assert codes_at_paragraph(tmp_path, {"paragraphs": [said]}, 1) == [], said


def test_three_public_items_beyond_their_total_are_still_found(tmp_path):
    """The 三公 items themselves exceeding the total stay an 错误, the 会议费 after them not summed in."""
    said = (
        "2021年“三公”经费支出11万元，其中：公务接待费2.1万元，公务用车运行维护费10.4万元，会议费3.2万元，培训费5万元。"
    )
    assert codes_at_paragraph(tmp_path, {"paragraphs": [said]}, 1) == [("N02", "error")]
    # an item named in more words than the vocabulary's stays in the list
    said = "2021年“三公”经费支出15万元，其中：公务接待费支出2.1万元，公务用车购置费8万元，公务用车运行维护费10.4万元，会议费3.2万元。"
    assert codes_at_paragraph(tmp_path, {"paragraphs": [said]}, 1) == [("N02", "error")]


# ---------------------------------------------------------------- 2. a relative actual against a level target


@pytest.mark.parametrize(
    "actual", ["较上年提高2%", "较2022年提高2%", "比2022年度提高2%", "同比提高2%", "与2022年相比提高2%"]
)
def test_a_change_as_the_actual_against_a_level_target_is_no_certain_miss(actual):
    """Shape: a 自评表 row "培训合格率" │ "≥95%" │ "较2022年提高2%" │ 满分 (the actual written as last year's change). Wrong
    before: S07 错误 "实际完成值 较2022年提高2% 未达到年度指标值 ≥95%，不应给满分" and a D01 错误 — 2% (a change) compared with
    95% (a level). They cannot be compared as printed; the miss holds only if the target is read as a change too (a
    增长率 target may be printed bare): a 警告 whose message says that reading (`context._relative_actual`)."""
    from rules_helpers import good_evaluation, replace_row, submission

    from perfxl.validate import validate_submission

    ev = replace_row(good_evaluation(), 1, target="≥95%", actual=actual, score=10)
    found = [f for f in validate_submission(submission(ev)) if f.severity.value != "info"]
    assert [(f.code, f.severity.value) for f in found] == [("S07", "warning"), ("D01", "warning")], actual
    assert "理解为变化幅度" in found[0].message and "口径不同" in found[0].basis
    # a growth target stays held to a growth actual: a certain miss
    ev = replace_row(good_evaluation(), 1, target="增长≥10%", actual="较2022年增长8%", score=10)
    assert ("S07", "error") in [(f.code, f.severity.value) for f in validate_submission(submission(ev))]
