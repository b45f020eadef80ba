"""Review 9c (issues 11/12: never cry wolf): false 错误 found on realistic variants of the real corpus tables and
reports by the mechanisms merged in session 9 — a 年度总体目标 text against its own funds block
(perfxl.document.goal_funds), a project report's owner-less 执行数/支出 against its one project table
(crosscheck._project_spending / _check_project_money), and a funds cell printing its own unit (Context._in_block_unit).

A figure that is not the project's whole year for certain — one source's (财政拨款执行数), a department's, another or last
year's, as of a date before the year's end or of the day of writing (截至目前), cumulative (累计), put to one use (支出20万元
用于宣传) — is no 错误; an 执行率 equal to 执行数 / 年初预算数 a 警告 naming that reading. Every case marked "failed before"
raised the 错误 on main at 3e1c358."""

from __future__ import annotations

import pytest
from test_false_errors9 import _funds, _suixi
from test_goal_funds9 import CUNJI, EZHOU, _n01
from test_report_pairs9 import LUAN, _codes, _narrative

_CUNJI_TOTAL = {"D7": "202.64", "E7": "132.912", "F7": "132.912"}  # 年初 202.64 │ 全年 132.912 │ 执行 132.912


# ---------------------------------------------------------------- goal texts against their own funds block


@pytest.mark.parametrize(
    "text",
    [
        "财政拨款执行数为120万元。",  # failed before: 错误 against the total's 全年执行数 125.25 (one source's spending)
        "实际支出20万元用于宣传。",  # failed before: 错误 (the money of one use)
        "项目支出20万元用于购买设备。",  # failed before: 错误
        "截至目前，执行数为140万元。",  # failed before: 错误 (as of the day of writing, not the year's end)
    ],
)
def test_a_goal_figure_not_the_years_whole_is_quiet(tmp_path, text):
    assert _n01(tmp_path, EZHOU, "F11", F11=text) == []


def test_a_cumulative_spending_in_a_goal_text_is_a_warning(tmp_path):
    """failed before: 错误 "项目累计执行数为300万元" against the year's 125.25万 — 累计 may span several years."""
    found = _n01(tmp_path, EZHOU, "F11", F11="项目累计执行数为300万元。")
    assert [s for _, s, _ in found] == ["warning"]
    assert "累计" in found[0][2]


def test_an_execution_rate_over_the_initial_budget_is_a_warning_naming_it(tmp_path):
    """failed before: 错误 "执行率65.59%" (= 132.912 / 202.64, the 年初预算数) against 132.912 / 132.912 = 100%."""
    found = _n01(tmp_path, CUNJI, "F12", F12="执行数为132.912万元，执行率65.59%。", **_CUNJI_TOTAL)
    assert [s for _, s, _ in found] == ["warning"]
    assert "年初预算数" in found[0][2]
    # a rate matching neither stays an 错误
    found = _n01(tmp_path, CUNJI, "F12", F12="执行数为132.912万元，执行率80%。", **_CUNJI_TOTAL)
    assert [s for _, s, _ in found] == ["error"]


def test_the_goal_texts_true_errors_stand(tmp_path):
    assert [s for _, s, _ in _n01(tmp_path, EZHOU, "F11", F11="执行数为100万元。")] == ["error"]
    assert [s for _, s, _ in _n01(tmp_path, EZHOU, "F11", F11="实际支出100万元，用于宣传。")] == ["error"]


# ---------------------------------------------------------------- a project report's narrative against its table

_LUAN_OLD = "全年预算数为200万元,执行数为179.43万元,完成预算的89.7%。"


@pytest.mark.parametrize(
    "new",
    [
        "全年预算数为200万元,财政拨款执行数为150万元。",  # failed before: N01 错误 (one source's)
        "部门全年预算数为2000万元,执行数为1800万元。",  # failed before: N01 错误 (the department's)
        "本单位2021年预算总额2000万元,执行数为1800万元。",  # failed before: N01 错误
        "2020年预算数为150万元,执行数为140万元。",  # failed before: N01 错误 (the 2021 report; 2020's figures)
        "上年全年预算数为150万元,执行数为140万元。",  # failed before: N01 错误 (last year's)
        "截至11月底,执行数为150万元。",  # failed before: N01 错误
        "截至目前,执行数为190万元。",  # failed before: N01 错误
        "项目累计执行数为500万元。",  # failed before: N01 错误
        "全年预算数为200万元,实际支出20万元用于购买设备。",  # failed before: N01 错误
        "全年预算数为200万元。活动经费预算50万元,执行数为45万元。",  # failed before: N01 错误 (the item's 执行数)
        "两年预算数为400万元,执行数为350万元。",  # failed before: N01 错误 (two years' money)
    ],
)
def test_a_report_figure_not_the_projects_whole_year_is_no_error(tmp_path, new):
    errors = [c for c in _codes(_narrative(tmp_path, LUAN, 2, _LUAN_OLD, new)) if c[1] == "error"]
    assert errors == []


@pytest.mark.parametrize(
    "new",
    [
        "全年预算数为200万元,执行数为170万元。",
        "上年结转资金20万元,全年预算数为200万元,执行数为170万元。",  # 上年结转 is this year's money
        "截至12月31日,执行数为170万元。",
        "2021年执行数为170万元。",
        "该项目预算200万元,执行数为170万元。",  # the project's own budget, then its 执行数
    ],
)
def test_the_reports_true_errors_stand(tmp_path, new):
    assert ("N01", "error", 2) in _codes(_narrative(tmp_path, LUAN, 2, _LUAN_OLD, new))


# ---------------------------------------------------------------- a funds cell printing its own unit


def test_a_currency_sign_is_the_cells_unit(tmp_path):
    """failed before: F02 错误 on C5 and D5 — "¥300,000.00" under 资金情况(万元) is 300000 元 = 30 万元, the sources' sum."""
    assert _funds(_suixi(tmp_path, {(4, 2): "¥300,000.00", (4, 3): "￥300,000.00"})) == []


# ---------------------------------------------------------------- a report's sources against its whole, by moment

_XUANZHOU = "anhui-xuanzhou-huagongyuanqu-zhuanyi-2023"  # 全年执行数4772.58万元 … 其中中央财政资金…全年执行数1200万元
_CENTRAL = "其中中央财政资金全年预算数1800万元,全年执行数1200万元"


def test_a_source_spent_as_of_today_is_no_part_of_the_years_spending(tmp_path):
    """failed before: N02 错误 "各资金来源的执行数之和（1500 + 2192.58 + 1380）超过了总的执行数 4772.58" — the 1500 is
    the central money spent 截至目前, the whole the 全年执行数: figures of two moments, no whole and parts."""
    dated = _CENTRAL.replace("全年执行数1200", "截至目前执行数1500")
    assert ("N02", "error", 6) not in _codes(_narrative(tmp_path, _XUANZHOU, 6, _CENTRAL, dated))
    undated = _CENTRAL.replace("全年执行数1200", "全年执行数1500")
    assert ("N02", "error", 6) in _codes(_narrative(tmp_path, _XUANZHOU, 6, _CENTRAL, undated))


# ---------------------------------------------------------------- a goal text restating its table's own cells


def test_a_goal_rate_restating_the_printed_or_capped_rate_is_a_warning(tmp_path):
    """failed before: 错误 — the text restates a cell the amounts contradict (F04's finding, not the text's): 鄂州 with
    the rate cell printed 80% (125.25 / 150 = 83.5%); 160 spent of 150 stated 100% (capped)."""
    found = _n01(tmp_path, EZHOU, "F11", F11="执行率为80%。", H6="80%")
    assert [s for _, s, _ in found] == ["warning"] and "印出的执行率80%" in found[0][2]
    capped = {"F6": "160万", "F7": "160万", "H6": ""}  # no rate printed: the text caps it itself
    found = _n01(tmp_path, EZHOU, "F11", F11="执行数为160万元，执行率100%。", **capped)
    assert [s for _, s, _ in found] == ["warning"] and "封顶" in found[0][2]
    # a rate matching neither the amounts nor the printed cell stays an 错误
    assert [s for _, s, _ in _n01(tmp_path, EZHOU, "F11", F11="执行率为90%。", H6="80%")] == ["error"]


def test_a_goal_amount_ten_thousand_times_the_cell_is_a_warning(tmp_path):
    """failed before: 错误 "执行数为125.25万元" against a cell printed 1252500 under 项目资金(万元) — the cell in 元 as likely."""
    found = _n01(tmp_path, EZHOU, "F11", F11="执行数为125.25万元。", F6="1252500", F7="1252500")
    assert [s for _, s, _ in found] == ["warning"] and "一万倍" in found[0][2]
