"""Issue 11's last misses on the corpus (session 12): relations of the printed money unit and of a form's 总分, each
built from the real corpus table it was found on (tests/realworld/*.toml).

F14: 汉阴 2022's 目标表 prints "单位:元" under its title and "资金情况 (万元)" over its funds block — two printed units that
disagree by a factor of 10 000; perfxl reads the amounts in the header's unit and says a person must judge which holds.
F15: 宁德 方志委 2018's funds block is headed "资金结构 (万元)" but prints 2537695 — 253.77亿元 for a municipal office;
the figures are evidently in 元 (a plausibility guess, the limit a profile parameter).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import validated, variant

HANYIN = "shaanxi-hanyin-puhuijinrong-mubiao-2022"
NINGDE = "fujian-ningde-fangzhiwei-bumen-2018"


def _found(tmp_path, name, changes, code):
    result = validated(variant(name, changes), tmp_path)
    return [f for f in result.findings if f.code == code]


# ---------------------------------------------------------------- F14: the unit line against the funds header


def test_a_unit_line_contradicting_the_funds_header_is_a_warning_naming_both(tmp_path):
    (f,) = _found(tmp_path, HANYIN, {}, "F14")
    assert f.severity.value == "warning" and str(f.ref) == "Sheet1!A3"
    assert [str(r) for r in f.related] == ["Sheet1!A8"]
    assert "单位:元" in f.message and "资金情况 (万元)" in f.message and "人工" in f.message


def test_units_printed_in_traditional_characters_are_read_alike(tmp_path):
    """單位:元 over 資金情況 (萬元): the same two units (a unit in 萬元 was not read at all before)."""
    (f,) = _found(tmp_path, HANYIN, {"A3": "單位:元", "A8": "資金情況 (萬元)"}, "F14")
    assert str(f.ref) == "Sheet1!A3" and "萬元" in f.message


def test_traditional_wording_of_the_shares_and_the_plan_is_read_alike(tmp_path):
    shares = "公辦和普惠性民辦性幼兒園生均公用經費 每生每年補助500元,其中省級財政補助70%,縣級財政配套補助30%。"
    assert [str(f.ref) for f in _found(tmp_path, XIANGYIN, {"C10": shares}, "F16")] == ["Sheet1!E17"]
    plan = "勘察設計審批需20萬元;督導檢查需20萬元;財務審計需10萬元,合計50萬元。"
    assert [str(f.ref) for f in _found(tmp_path, YANGQUAN, {"B11": plan}, "F18")] == ["Sheet1!B11"]


def test_guard_agreeing_units_or_one_printed_unit_say_nothing(tmp_path):
    assert _found(tmp_path, HANYIN, {"A3": "单位:万元"}, "F14") == []
    assert _found(tmp_path, HANYIN, {"A8": "资金情况"}, "F14") == []  # the unit line alone states the unit
    assert _found(tmp_path, HANYIN, {"A3": ""}, "F14") == []


# ---------------------------------------------------------------- F15: an amount too large for its printed unit


def test_an_amount_beyond_any_budget_in_its_unit_is_a_warning_stating_the_guess(tmp_path):
    (f,) = _found(tmp_path, NINGDE, {}, "F15")
    assert f.severity.value == "warning" and f.certainty.value == "guess"
    assert str(f.ref) == "Sheet1!C6"  # the block's first amount: the 财政资金小计 line, read apart from the sources
    assert "253.77 亿元" in f.message and "253.7695万元" in f.message


def test_guard_the_same_figures_under_a_yuan_label_or_at_a_plausible_size_say_nothing(tmp_path):
    assert _found(tmp_path, NINGDE, {"B4": "资金结构\n(元)"}, "F15") == []
    small = {
        f"{c}{r}": v for r in (6, 8, 12) for c, v in zip("CDF", ("253.7695", "21.372282", "275.141782"), strict=True)
    }
    small.update({f"G{r}": "254.667398" for r in (6, 8, 12)})
    small.update({f"I{r}": "20.474384" for r in (6, 8, 12)})
    assert _found(tmp_path, NINGDE, small, "F15") == []


# ---------------------------------------------------------------- F16: shares stated in the 项目概况 against the sources

XIANGYIN = "hunan-xiangyin-youeryuan-shenbao-2022"
BOZHOU = "anhui-bozhou-rengongzengyu-mubiao-2023"


def test_sources_contradicting_the_shares_the_overview_states_are_a_warning(tmp_path):
    """湘阴 2022: 省级财政补助70%，县级财政配套补助30% in the 项目概况, but 县级资金 259 = the whole 合计 259."""
    (f,) = _found(tmp_path, XIANGYIN, {}, "F16")
    assert f.severity.value == "warning" and str(f.ref) == "Sheet1!E17"
    assert [str(r) for r in f.related] == ["Sheet1!C10"] and "77.7" in f.message and "100%" in f.message


def test_guard_sources_bearing_the_stated_shares_out_or_shares_that_are_no_split_say_nothing(tmp_path):
    split = {"E15": "181.3", "E17": "77.7"}
    assert _found(tmp_path, XIANGYIN, split, "F16") == []
    rate = "县级配套资金到位率100%，资金拨付及时率100%。"  # rates of one level's money, not a split adding up to 100
    assert _found(tmp_path, XIANGYIN, {"C10": rate}, "F16") == []
    assert _found(tmp_path, XIANGYIN, {"C10": "其中省级财政补助70%，县级财政配套补助20%。"}, "F16") == []


# ---------------------------------------------------------------- F17: a one-year term against a different 中期 total


def test_a_one_year_term_beside_a_different_medium_total_is_a_warning(tmp_path):
    """亳州 2023: 项目期 1年, 中期资金总额 449.8万, 年度资金总额 189.8万."""
    (f,) = _found(tmp_path, BOZHOU, {}, "F17")
    assert f.severity.value == "warning" and str(f.ref) == "Sheet1!F5"
    assert sorted(str(r) for r in f.related) == ["Sheet1!D6", "Sheet1!G6"]


def test_guard_a_longer_term_or_equal_totals_say_nothing(tmp_path):
    assert _found(tmp_path, BOZHOU, {"F5": "3年"}, "F17") == []
    assert _found(tmp_path, BOZHOU, {"D6": "189.8万", "D7": "189.8万"}, "F17") == []


# ---------------------------------------------------------------- a headerless score fragment whose 分值 make the 100

FRAGMENT = "buxiang-bumen-defenbiao-fragment-2017"


def test_a_headerless_score_fragment_is_read_and_its_blank_total_is_a_warning(tmp_path):
    """不详 2017 (a repost's page 4): name │ 分值 │ 得分 rows without their header, the 分值 adding up to exactly 100 above
    a 总分 row printing nothing — read as a guess; the blank 总分 (得分 add up to 98) is T02's "总分未填写" 警告."""
    result = validated(variant(FRAGMENT, {}), tmp_path)
    (sheet,) = result.coverage.sheets
    assert (
        sheet.read and not sheet.certain and "分值合计恰为 100" in sheet.note_zh and "第 22 行的表头" in sheet.note_zh
    )
    judged = [
        (f.code, f.severity.value, str(f.ref)) for f in result.findings if f.severity.value in ("error", "warning")
    ]
    assert judged == [("T02", "warning", "Sheet1!F19")]


def test_a_headerless_score_fragment_with_its_total_filled_right_says_nothing(tmp_path):
    result = validated(variant(FRAGMENT, {"E19": "100", "F19": "98"}), tmp_path)
    assert [f.code for f in result.findings if f.severity.value in ("error", "warning")] == []


def test_guard_headerless_figures_not_making_the_100_stay_unread(tmp_path):
    """One 分值 changed (5 → 6): the rows no longer make the whole 100, so nothing says they are one whole score table."""
    result = validated(variant(FRAGMENT, {"E1": "6"}), tmp_path)
    assert [f.code for f in result.findings if f.severity.value in ("error", "warning")] == ["LAYOUT_NO_TABLE"]


# ---------------------------------------------------------------- F18: the plan's stated total against the budget

YANGQUAN = "shanxi-yangquan-sihaonongcunlu-shenbao-2021"


def test_a_plan_total_matching_no_budget_total_is_a_warning(tmp_path):
    """阳泉 2021: 项目实施计划 "…合计50万元" against 年度预算资金总额 25, the 中期预算资金总额 left blank (the funds line
    中期预算资金总额 │ (空) │ 年度预算资金总额 │ 25 is now read: the 中期 amount unfilled)."""
    (f,) = _found(tmp_path, YANGQUAN, {}, "F18")
    assert f.severity.value == "warning" and str(f.ref) == "Sheet1!B11"
    assert "50万元" in f.message and "25" in f.message and "中期资金总额未填写" in f.message
    assert [str(r) for r in f.related] == ["Sheet1!E6", "Sheet1!C6"]


def test_guard_a_plan_total_matching_the_yearly_or_the_medium_total_says_nothing(tmp_path):
    assert _found(tmp_path, YANGQUAN, {"E6": "50"}, "F18") == []
    assert _found(tmp_path, YANGQUAN, {"C6": "50"}, "F18") == []
    assert _found(tmp_path, YANGQUAN, {"C6": "500000元"}, "F18") == []  # 50万元 in the cell's own unit
