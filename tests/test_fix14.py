"""Fix 14 (session 14): narrative ↔ table cross-checks left by review14r and review14s (issue 12). Tests named
"failed before" were run against main (52eded6) and failed as their docstring says."""

from __future__ import annotations

import tomllib
from pathlib import Path

from report_helpers import report_findings as _report
from test_review14s import _p9

from perfxl.document.facts import extract_facts


def _above_info(findings):
    return sorted((f.code, f.severity.value) for f in findings if f.severity.value != "info")


def test_a_comma_in_a_list_of_several_under_ge_is_no_thousands_separator(tmp_path):
    """Failed before: N02 错误 "（1000万元 + 100,200万元）超过了总数" — "其他收入、结转各是100,200万元" names two
    things, so 100,200 may be 100 and 200: no certain figure, no 错误."""
    assert _above_info(_report(tmp_path, "收入合计1300万元,其中财政拨款1000万元,其他收入、结转各是100,200万元。")) == []


def test_a_comma_under_an_unnamed_ge_after_a_qizhong_list_is_no_thousands_separator(tmp_path):
    """Failed before: two N02 错误 (the 总数's parts 3000 + 100200, review14r) — "收、支各减少100,200万元" read as one
    amount and summed into the 其中 list; the rates, paired by 各 with the 收、支总计, are still checked."""
    text = (
        "2022年度收、支总计各是4125.49,4143.91万元,其中:财政拨款收入3000万元,收、支各减少100,200万元,"
        "各下降2.37%、4.60%。"
    )
    assert _above_info(_report(tmp_path, text)) == []
    found = _report(tmp_path, text.replace("4.60%", "5.60%"))
    assert [f.message for f in found if f.code == "N02" and f.severity.value != "info"] and all(
        "100,200" not in f.message for f in found
    )


def test_a_thousands_separator_after_one_item_or_with_units_per_amount_stays(tmp_path):
    """ "结转各是1,200万元" names one thing: 1200 (its sum still found); "分别为1,200万元、300万元": each amount has its
    unit, the comma groups thousands."""
    found = _report(tmp_path, "收入合计1300万元,其中财政拨款1000万元,结转各是1,200万元。")
    assert _above_info(found) == [("N02", "error")] and "2200" in next(f.message for f in found if f.code == "N02")
    found = _report(tmp_path, "收入合计1300万元,其中财政拨款1000万元,结转、其他收入分别为1,200万元、300万元。")
    assert _above_info(found) == [("N02", "error")] and "2500" in next(f.message for f in found if f.code == "N02")


def test_another_years_item_spending_is_not_held_to_this_years_table_or_sums(tmp_path):
    """Already quiet at main (kept, review14s): "2020年公务接待费支出4.21万元" in the 2021 report is last year's
    spending — not held to the table's 决算 5.21 (N01), nor summed into this year's 三公 total (N02); the same figure
    without its year is."""
    assert _p9(tmp_path, "2.2020年公务接待费支出4.21万元。") == []
    assert _p9(tmp_path, "2.公务接待费支出5.21万元，2020年公务接待费支出4.21万元。") == []
    assert [c[:2] for c in _p9(tmp_path, "2.公务接待费支出4.21万元。")] == [("N01", "error")]
    text = "2021年“三公”经费支出8.21万元，其中公务用车运行费3万元，2020年公务接待费支出5.21万元。"
    assert _above_info(_report(tmp_path, text)) == []


def test_a_sum_over_a_qizhong_list_counts_its_own_level_only(tmp_path):
    """Failed before: the sum finding printed "（0万元 + 2.02万元 + 0万元 + 2.02万元 + 0万元）… 应为 4.04万元" (review14r)
    — 罗湖 2024 p3 with its 三公 total altered to 0.5: the nested "其中:公务用车购置…,公务用车运行维护费…" after the
    公务用车购置及运行维护费's budget, change and rate are that item's parts, not more parts of the 三公 total. The
    expected figure is the list's own sum, 2.02; the nested list still makes its item (2.02), and after its semicolon
    the 公务接待费 is the total's part again."""
    fixture = Path(__file__).resolve().parent / "realworld" / "reports" / "guangdong-luohu-shenjiju-sangong-2024.toml"
    p3 = tomllib.loads(fixture.read_text(encoding="utf-8"))["paragraphs"][2]
    assert _above_info(_report(tmp_path, p3)) == []
    text = p3.replace(
        "支出决算为2.02万元,完成全年预算5.3万元的38.1%,比上年决算数减少0.33万元,下降14%。其中",
        "支出决算为0.5万元,完成全年预算5.3万元的38.1%,比上年决算数减少0.33万元,下降14%。其中",
        1,
    )
    assert text != p3
    messages = [f.message for f in _report(tmp_path, text) if f.code == "N02" and f.severity.value == "error"]
    assert len(messages) == 1 and "应为 2.02万元" in messages[0] and "4.04" not in messages[0]
    facts = extract_facts(p3).facts
    parents = {f.subject: f.parent for f in facts if f.role == "final"}
    assert parents["公务用车购置"] == parents["公务用车运行维护费"] == 10 and parents["公务接待费"] == 0
