"""Session 25 (review25p): adversarial review of prose25's readings, on variants of real sentences.

- A unit named before a 三公 item (prose25's `facts._owned_item`, and the older owner-before-the-year reading) named
  the item's claim whichever unit it was: "2021年区财政局公务用车运行维护费10万元" in 杜集区机关事务管理中心's report was
  held to that report's 三公 table as certain (an N01 错误). The cross-check now compares an owner's money only when
  the report's title names that unit; a title naming another unit: not compared; a title naming none: a 警告 that says
  the pairing is a reading (`crosscheck._printed_readings`, `facts.named_owner`).
- An average's total of another scope ("全县…公用经费支出共计2390万元" beside "我校…生均公用经费1200元": prose25 paired
  it by its name) and an average the item's budget gives ("公用经费预算300万元,实际支出239万元,…生均公用经费1255元") were
  N02 警告s (`averages._totals`).
- "增长1倍多" for +180% was read as 1倍 rounded (50%–150%): a 警告; 多/余 after a multiple says more than it and short of
  the next (`run_state._arith`).

Tests named "failed before" were run against main (7cfb64f5) and failed as their docstring says.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, parsed_toml
from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import findings_at_paragraph as _found

#: 杜集区机关事务管理中心 2021 (real reports 15): its title names the unit, its 三公 table prints 运行维护费 87.07.
DUJI = parsed_toml(REPORTS / "anhui-duji-jiguanshiwu-sangong-2021.toml")


def _with_last(text: str, title: str = "") -> dict:
    """杜集 with its cut last paragraph (11) replaced by `text`, and its title (paragraph 1) by `title` if given."""
    fixture = copy.deepcopy(DUJI)
    fixture["paragraphs"][-1] = text
    if title:
        fixture["paragraphs"][0] = title
    return fixture


def test_another_units_item_is_not_held_to_the_reports_table():
    """Failed before (an N01 错误): another unit's 三公 item, its name before the item — with the year first (read since
    prose25) or after the name (read before) — and another unit's “三公”经费: none is the report's table's money."""
    texts = (
        "2021年区财政局公务用车运行维护费10万元。",
        "区财政局2021年公务用车运行维护费10万元。",
        "2021年城关派出所公务用车运行维护费10万元。",
        "区政务服务中心2021年“三公”经费支出决算10万元。",
    )
    with tempfile.TemporaryDirectory() as d:
        for text in texts:
            assert _at(Path(d), _with_last(text), 11) == [], text


def test_the_reports_own_unit_is_still_held_to_its_table():
    """The unit the title names, before its item (either way): its table's 87.07 against 10 is an N01 错误; 87.07 quiet."""
    with tempfile.TemporaryDirectory() as d:
        for text in (
            "2021年杜集区机关事务管理中心公务用车运行维护费10万元。",
            "杜集区机关事务管理中心2021年公务用车运行维护费10万元。",
        ):
            assert _at(Path(d), _with_last(text), 11) == [("N01", "error")], text
        assert _at(Path(d), _with_last("2021年杜集区机关事务管理中心公务用车运行维护费87.07万元。"), 11) == []


def test_an_owner_under_a_title_naming_no_unit_is_a_warning():
    """Failed before (an N01 错误): under a title naming no unit ("2021年度…“三公”经费支出决算情况说明"), whether 区财政局's
    money is the table's is a reading — a 警告 that names the unit."""
    fixture = _with_last(
        "2021年区财政局公务用车运行维护费10万元。", title="2021年度一般公共预算财政拨款“三公”经费支出决算情况说明"
    )
    with tempfile.TemporaryDirectory() as d:
        found = _found(Path(d), fixture, 11)
    assert [(code, severity) for code, severity, _ in found] == [("N01", "warning")]
    assert "区财政局" in found[0][2]


_AVERAGE = "我校2022年在校学生2390人,生均公用经费1200元。"


def test_an_average_beside_another_scopes_total_is_quiet():
    """Failed before (an N02 警告, since prose25): "全县…公用经费支出共计2390万元" is the county's, not the school's whose
    average its paragraph prints (2390万元 / 2390人 = 10000元 against 1200元). The same total named by the school: a
    警告 (239万元 / 2390人 = 1000元)."""
    county = {"paragraphs": ["全县2022年公用经费支出共计2390万元。", _AVERAGE], "year": 2022}
    school = {"paragraphs": ["我校2022年公用经费支出共计239万元。", _AVERAGE], "year": 2022}
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), county, 2) == []
        assert _at(Path(d), school, 2) == [("N02", "warning")]


def test_an_average_its_items_budget_gives_is_quiet():
    """Failed before (an N02 警告): "公用经费预算300万元,实际支出239万元,在校学生2390人,生均公用经费1255元" — 300万元 /
    2390人 = 1255元: the budget's average; which total is meant is open. The average of neither stays a 警告 where one
    total is printed."""
    text = "公用经费预算300万元,实际支出239万元,在校学生2390人,生均公用经费1255元。"
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), {"paragraphs": [text], "year": 2022}, 1) == []
        one = {"paragraphs": ["2022年公用经费支出50万元,在职人员50人,人均公用经费1.2万元。"], "year": 2022}
        assert _at(Path(d), one, 1) == [("N02", "warning")]


def test_a_multiple_with_more_is_read_as_more_than_it():
    """Failed before (an N02 警告): "增长1倍多" for 10 → 28 (+180%, 1.8 times more) is right — 1倍多 is 1–2 times, not 1倍
    rounded; "增长1倍多" for 62 → 209 (+237%; 3.37 times as much) fits neither reading: an 错误 saying "1倍多"."""
    fits = {"paragraphs": ["公务接待费支出28万元,比上年增加18万元,增长1倍多。"]}
    wrong = {"paragraphs": ["公务用车购置费209万元,较预算数62万元增加147万元,增长1倍多。"]}
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), fits, 1) == []
        found = _found(Path(d), wrong, 1)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
    assert "1倍多" in found[0][2]


#: 上海普陀 规划和自然资源局 2024 决算 (real reports): its 收支总表 prints 本年收入合计 9746.50 and 本年支出合计 9759.38.
PUTUO = parsed_toml(REPORTS / "shanghai-putuo-guihuaziyuan-juesuan-2024.toml")


def test_a_spending_total_after_an_income_total_is_the_spendings():
    """Failed before (an N01 错误): "本年收入决算合计9746.50万元,支出决算合计9759.38万元" — prose25's "预算/决算合计" reading
    left "支出决算合计" no item before its role's words (an empty subject), so the 9759.38 was read as the 收入's and held
    to 本年收入合计 9746.5. Both figures are the table's: quiet; the 收入 one is still held to its line."""
    both = copy.deepcopy(PUTUO)
    both["paragraphs"][65] = "本年收入决算合计9746.50万元,支出决算合计9759.38万元。"
    wrong = copy.deepcopy(PUTUO)
    wrong["paragraphs"][65] = "本年收入决算合计9700.50万元,支出决算合计9759.38万元。"
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), both, 66) == []
        assert _at(Path(d), wrong, 66) == [("N01", "error")]


_SOURCES = "统筹整合使用财政涉农资金300万元,其中中央资金200万元,已拨付180万元,{rest},省级资金100万元。"


def test_money_taken_back_or_left_after_a_payment_is_no_source():
    """Failed before (an N02 错误, since prose25 let the list go on past money paid): after the 180 paid of the 中央资金,
    "收回资金20万元" (paid and taken back) and "其余资金20万元于次年拨付" (what is left) end in the sources' noun but tell
    the same progress — no part: 200 + 100 = 300 is quiet. A source after them still counts: 省级资金120万元 is an 错误."""
    with tempfile.TemporaryDirectory() as d:
        for rest in ("收回资金20万元", "其余资金20万元于次年拨付"):
            assert _at(Path(d), {"paragraphs": [_SOURCES.format(rest=rest)]}, 1) == [], rest
        over = _SOURCES.format(rest="收回资金20万元").replace("省级资金100万元", "省级资金120万元")
        assert _at(Path(d), {"paragraphs": [over]}, 1) == [("N02", "error")]


def test_a_grand_total_is_not_the_years_total_beside_money_brought_in():
    """Failed before (two N01 错误s): "2024年度收入总计9859.38万元,支出总计9859.38万元" — the 收支总表 prints 总计 9859.38 =
    本年收入合计 9746.50 + 年初结转和结余 112.88; the 总计 holds the money brought in, so it is not held to 本年收入合计
    (nor 支出总计 to 本年支出合计 9759.38): quiet."""
    grand = copy.deepcopy(PUTUO)
    grand["paragraphs"][65] = "2024年度收入总计9859.38万元,支出总计9859.38万元。"
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), grand, 66) == []
