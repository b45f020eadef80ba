"""Issues 11/12 (session 9): a 自评表's 年度总体目标 text against the SAME table's funds total — "执行数为125.25万元,完成
预算的83.50%" (鄂州 2021), "本项目共完成预算资金89.97万元" (棠溪镇 2022), "项目预计总预算50万元" (宁夏福彩 2023).

Built from the real corpus cells (tests/realworld/*.toml), one figure changed where a contradiction is wanted: a
figure naming what it is (执行数, 全年预算数, 完成预算的%) that the cell is not at the printed precision of both is an
错误 (N01); a plain 预算 that may be the 年初 or the 全年 one, or a 预期目标's plan, a 警告 naming the readings; quiet when
consistent, approximate (约), another year's, a part (其中), or when the total prints no amount (0 / 0 / 0: F-rules').
Every test marked "failed before" was run against main before the change and failed (no N01 at the goal cell)."""

from __future__ import annotations

import sys
from pathlib import Path

from report_helpers import workbook_result as _workbook

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
from render import CORPUS, load_table

EZHOU = "hubei-ezhou-shenpiju-shiminzhongxin-2021.toml"  # 150万 │ 150万 │ 125.25万 │ 83.5%; goal text at F11
TANGXI = "anhui-guichi-weituo-2022.toml"  # total 0 │ 0 │ 0, 本年财政拨款 90 │ 89.974 │ 89.974; goal texts B12 / F12
CUNJI = "anhui-guichi-cunji-2022.toml"  # total 0 │ 0 │ 0, 本年财政拨款 202.64 │ 132.912 │ 132.912
FUCAI = "ningxia-fucai-app-2023.toml"  # 全年预算数 50万元 │ 执行数 47.68; 预期目标 "项目预计总预算50万元" at B11


def _table(name: str, **cells: str) -> tuple[list[list[str]], list[str]]:
    """The real table, with the cells named by their A1 address replaced."""
    table = load_table(CORPUS / name)
    rows = [list(r) for r in table.rows]
    for address, text in cells.items():
        rows[int(address[1:]) - 1][ord(address[0]) - ord("A")] = text
    return rows, list(table.merges)


def _n01(tmp_path, name: str, cell: str, **cells: str) -> list[tuple[str, str]]:
    rows, merges = _table(name, **cells)
    result = _workbook(tmp_path, rows, merges)
    return [
        (f.code, f.severity.value, f.basis) for f in result.findings if f.code == "N01" and str(f.ref).endswith(cell)
    ]


def _severities(found) -> list[str]:
    return [s for _, s, _ in found]


EZHOU_TEXT = "本年度财政拨款为150万元:执行数为125.25万元,完成预算的83.50%。"


def test_the_published_goal_texts_agree_with_their_funds_total(tmp_path):
    """鄂州 125.25 / 83.50% (table 125.25万 │ 83.5%), 福彩 50万元: consistent at printed precision — quiet."""
    assert _n01(tmp_path, EZHOU, "F11") == []
    assert _n01(tmp_path, FUCAI, "B11") == []


def test_a_named_execution_figure_off_the_table_is_an_error(tmp_path):
    """failed before: "执行数为135.25万元" against 全年执行数 125.25万 — named, beyond both printed precisions."""
    found = _n01(tmp_path, EZHOU, "F11", F11=EZHOU_TEXT.replace("125.25", "135.25"))
    assert _severities(found) == ["error"]
    assert "全年执行数" in found[0][2]


def test_a_completion_rate_off_the_amounts_is_an_error(tmp_path):
    """failed before: "完成预算的85.30%" against 125.25 / 150 = 83.5% (N02 on the text's own figures says so too)."""
    found = _n01(tmp_path, EZHOU, "F11", F11=EZHOU_TEXT.replace("83.50%", "85.30%"))
    assert _severities(found) == ["error"]
    assert "125.25 / 150" in found[0][2]


def test_a_named_full_year_budget_off_the_table_is_an_error(tmp_path):
    """failed before: "全年预算数为160万元" in the 实际完成情况 against 全年预算数 150万."""
    text = EZHOU_TEXT.replace("本年度财政拨款为150万元", "全年预算数为160万元")
    assert _severities(_n01(tmp_path, EZHOU, "F11", F11=text)) == ["error"]


def test_approximate_and_other_years_figures_stay_quiet(tmp_path):
    assert _n01(tmp_path, EZHOU, "F11", F11="执行数约130万元。") == []
    assert _n01(tmp_path, EZHOU, "F11", F11="2020年执行数为135.25万元。") == []


def test_a_total_printed_zero_is_not_what_the_text_is_held_to(tmp_path):
    """棠溪镇 as published: the total row reads 0 │ 0 │ 0 (its own funds_sum 错误); 90 and 89.97 are the 财政拨款 row's."""
    assert _n01(tmp_path, TANGXI, "F12") == []
    assert _n01(tmp_path, TANGXI, "B12") == []


def test_the_spent_money_of_the_outcome_text_is_the_totals_execution(tmp_path):
    """failed before: 棠溪镇 with its total filled in (90 │ 89.974 │ 89.974): "本项目共完成预算资金89.97万元" agrees; the
    same text with 87.97 is an 错误 naming the 全年执行数."""
    total = {"D7": "90", "E7": "89.974", "F7": "89.974"}
    assert _n01(tmp_path, TANGXI, "F12", **total) == []
    rows, _ = _table(TANGXI)
    text = rows[11][5].replace("89.97万元", "87.97万元")
    found = _n01(tmp_path, TANGXI, "F12", F12=text, **total)
    assert _severities(found) == ["error"]
    assert "全年执行数" in found[0][2]


def test_a_plan_agreeing_with_the_initial_budget_is_quiet(tmp_path):
    """村级 with its total filled in (202.64 │ 132.912 │ 132.912): "共申请预算资金2026400元" is the 年初预算数 — quiet,
    though the budget was cut to 132.912 during the year."""
    assert _n01(tmp_path, CUNJI, "B12", D7="202.64", E7="132.912", F7="132.912") == []


def test_a_plan_budget_matching_no_printed_budget_is_a_warning_naming_both_readings(tmp_path):
    """failed before: 福彩's 预期目标 with "总预算60万元" against 全年预算数 50万元 (no 年初预算数 printed): a 警告."""
    rows, _ = _table(FUCAI)
    found = _n01(tmp_path, FUCAI, "B11", B11=rows[10][1].replace("总预算50万元", "总预算60万元"))
    assert _severities(found) == ["warning"]
    assert "年初预算数还是全年预算数" in found[0][2]


def test_a_plain_budget_in_the_outcome_matching_neither_is_a_warning(tmp_path):
    """failed before: 村级 (202.64 │ 132.912) with "本项目预算资金150万元" in its 实际完成情况: neither — a 警告."""
    found = _n01(tmp_path, CUNJI, "F12", D7="202.64", E7="132.912", F7="132.912", F12="本项目预算资金150万元。")
    assert _severities(found) == ["warning"]


def test_an_appropriation_matching_neither_the_total_nor_its_source_row_is_a_warning_naming_both(tmp_path):
    """failed before: 鄂州 "本年度财政拨款为160万元" — the total's budget (150万) or the 其中:当年财政拨款 row's (150万)
    may be meant; it is neither: a 警告 saying both readings."""
    found = _n01(tmp_path, EZHOU, "F11", F11=EZHOU_TEXT.replace("为150万元", "为160万元"))
    assert _severities(found) == ["warning"]
    assert "资金总额" in found[0][2] and "本年财政拨款" in found[0][2]


def test_an_appropriation_agreeing_with_its_source_row_is_quiet(tmp_path):
    """The 当年财政拨款 row at 140万 under a total of 150万: "本年度财政拨款为140万元" is that row's — a part, quiet."""
    text = EZHOU_TEXT.replace("为150万元", "为140万元")
    assert _n01(tmp_path, EZHOU, "F11", F11=text, D7="140万", E7="140万") == []


def test_the_spending_of_the_project_money_told_after_its_budget_is_its_execution(tmp_path):
    """failed before: "2021年预算资金150万元，实际支出130万元" (facts read "预算资金的支出") against 全年执行数 125.25万."""
    found = _n01(tmp_path, EZHOU, "F11", F11="2021年预算资金150万元，实际支出130万元。")
    assert _severities(found) == ["error"]


def test_a_figure_as_of_a_date_before_the_years_end_is_quiet(tmp_path):
    assert _n01(tmp_path, EZHOU, "F11", F11="截至11月底，执行数为100万元。") == []
    # the year's end is the 全年 figure: "截至2021年12月31日" is held to the table (failed before)
    assert _severities(_n01(tmp_path, EZHOU, "F11", F11="截至2021年12月31日，执行数为100万元。")) == ["error"]


def test_a_rate_stated_as_a_bound_is_a_warning(tmp_path):
    """failed before: "预算执行率达到90%以上" while 125.25 / 150 = 83.5%: the bound may be the target's words copied."""
    found = _n01(tmp_path, EZHOU, "F11", F11="预算执行率达到90%以上。")
    assert _severities(found) == ["warning"]
    assert "界限" in found[0][2]
