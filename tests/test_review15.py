"""Review 15 (session 15, review15): adversarial probes of session 14's heuristics with correct inputs in the shapes real
reports print. Each test names the shape, what perfxl said before and the fix; "failed before" tests were run against
main (e8c5ea8) and failed as their docstring says."""

from __future__ import annotations

from report_helpers import report_findings as _report

TOTALS = "2022年度收、支总计各是4125.49,4143.91万元。"
#: The real 四川 template's changes (2570.97 / 6714.88 = 38.29%, printed cut as 38.28%: a 警告, real reports 14).
CHANGES = "收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。"


def _n02(findings):
    return [(f.severity.value, f.message) for f in findings if f.code == "N02" and f.severity.value != "info"]


# ---------------------------------------------------------------- 各 lists (document/respective_lists.py)


def test_a_list_of_the_base_year_is_not_the_changes_amounts(tmp_path):
    """Failed before: two N02 错误 ("应为 19.03%，文字写 23.51%") — the report prints last year's totals too, between this
    year's and the changes: "2021年度收、支总计各是5393.35,6714.88万元。与2021年相比,收、支总计各减少…". The nearest list
    naming 收、支 was paired as this year's, 5393.35 + 1267.86 taken for last year's. Fix: a list of the year the changes
    compare with (or an earlier one), of last year by its words (上年收、支…), or of another year than the changes' own
    ("2022年度收、支总计各增加…" after 2021's list) is their base, not their amounts: skipped."""
    last = "2021年度收、支总计各是5393.35,6714.88万元。"
    for text in (
        TOTALS + last + "与2021年相比," + CHANGES,
        TOTALS.rstrip("。") + "," + last.rstrip("。") + ",与2021年相比," + CHANGES,
        TOTALS + "上年收、支总计各是5393.35,6714.88万元,与上年相比," + CHANGES,
        "本年度收、支总计各是4125.49,4143.91万元,上年度收、支总计各是5393.35,6714.88万元," + CHANGES,
    ):
        assert [s for s, _ in _n02(_report(tmp_path, text))] == ["warning"], text  # only the cut 38.28%
    grown = "2021年度收、支总计各是5393.35,6714.88万元。2022年度收、支总计各增加100,200万元,各增长1.85%、2.98%。"
    assert _n02(_report(tmp_path, grown)) == []
    # this year's list still paired past last year's: a wrong rate is still found
    wrong = TOTALS + last + "与2021年相比," + CHANGES.replace("23.51%", "25.51%")
    assert ("error" in {s for s, _ in _n02(_report(tmp_path, wrong))}) and any(
        "23.51%" in m for _, m in _n02(_report(tmp_path, wrong))
    )


def test_a_base_year_in_the_changes_words_is_not_their_own_year(tmp_path):
    """Kept (a first draft of the fix lost it): "2022年度收入、支出总计各为…,较2021年度收入、支出总计各减少…" — the
    year before the changes' names is the one they compare with, not another year of theirs: still paired with 2022's
    list (the cut 38.28% a 警告)."""
    text = "2022年度收入、支出总计各为4125.49,4143.91万元,较2021年度收入、支出总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。"
    assert [s for s, _ in _n02(_report(tmp_path, text))] == ["warning"]
