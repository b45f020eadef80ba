"""Session 27 (prose27): issue 12's narrative items left by session 26, on transcribed real sentences.

1. 对比 as a comparison: "与上年对比减少24.55万元" is a change on last year (`facts._CHANGE_CUE`), and a bare "对比减少X"
   after a year pair ("公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元;减少率35.22%", 英德 2016, real
   reports 30) is the change between that pair: the 2015 budget is last year's (`facts._last_years_level`, budgets too)
   and the stated base of the change and its rate (4.35 / 12.5 = 34.80%, not 35.22%: N02 错误).
2. Shares of one unprinted whole (`implied_wholes`): 梧州 2024 p7 (certain: 基本支出 and 项目支出 are apart), 梧州 文化 p6
   (a 警告: out of the whole p3's share implies).
3. A change amount whose base only another paragraph prints (`levels_apart.check_bases_apart`).
4. One figure for two named items ("收入总计和支出总计均为X", `facts._both_named`).
5. 中心 among a count's organisation nouns; a bracket of station types held only to naming more than its count (`lists`).
6. The unit named as the report's title names it is the report's own (`levels_apart._owner`).
7. "X，是Y的n倍" held to both figures (`multiples`).

Tests named "failed before" were run against main (510af1c4) and failed as their docstring says.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import findings_at_paragraph as _found

from perfxl.document.facts import extract_facts

YINGDE = parsed_toml(REPORTS / "guangdong-yingde-jingxinju-sangong-yusuan-2016.toml")
ERROR = [("N02", "error")]


def _one(text: str) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as d:
        return _at(Path(d), {"paragraphs": [text]}, 1)


def _roles(text: str) -> list[tuple[str, str, int | None]]:
    return [(f.quantity.text, f.role, f.of) for f in extract_facts(text, 1).facts]


# --- 1. 对比 as a change word after a year pair -------------------------------------------------------------------------


def test_yingde_bare_comparison_after_a_year_pair(tmp_path: Path):
    """Failed before (nothing at p2): "对比减少4.35万元;减少率35.22%" after "2016年预算8万元,2015年预算12.5万元" — the rate
    over the 2015 budget printed is 34.80% (34.66–34.94 at its places), a certain N02."""
    found = _found(tmp_path, YINGDE, 2)
    assert [(c, s) for c, s, _ in found] == ERROR
    assert "4.35万元 / 上年 12.5万元" in found[0][2] and "34.8%" in found[0][2]


def test_the_year_pair_reads_last_years_budget_and_the_change_between():
    """Failed before: the 12.5 was a second budget of 2016 and "对比减少4.35万元" a level named 对比减少."""
    text = "公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元;减少率35.22%。"
    assert _roles(text) == [
        ("8万元", "budget", None),
        ("12.5万元", "previous", 0),
        ("4.35万元", "change", 0),
        ("35.22%", "change_rate", 0),
    ]


def test_year_pair_agreeing_stays_quiet():
    """The same sentence with its own figures agreeing (4.5 = 12.5 − 8, 36% = 4.5 / 12.5; 4.35 over 12.5 is 34.8%)."""
    assert _one("公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.5万元;减少率36%。") == []
    assert _one("公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元;减少率34.8%。") == []
    # the second item of the real paragraph, as printed: 45.2 − 25 = 20.2, 20.2 / 45.2 = 44.69%
    assert _one("公务车辆运行2016年预算25万元,2015年预算45.2万元;对比减少20.20万元,减少率44.69%。") == []


def test_bare_comparison_without_a_pair_reads_no_change():
    """Must stay quiet and unread: "对比减少" with no year pair before it compares with nothing printed (no base: the
    4.35 / (8 + 4.35) reading of a change would be a guess)."""
    text = "公务接待费2016年预算8万元;对比减少4.35万元;减少率35.22%。"
    assert _one(text) == []
    assert [r for _, r, _ in _roles(text)][:2] == ["budget", "value"]


def test_a_pair_of_other_stages_or_years_is_no_pair():
    """Must stay a level: a 决算 after a 预算 (two stages), or a year that is not the one before ("2016年预算…,2014年预算…")."""
    assert [r for _, r, _ in _roles("公务接待费2016年预算8万元,2015年决算12.5万元;对比减少4.35万元。")][1] != "previous"
    assert [r for _, r, _ in _roles("公务接待费2016年预算8万元,2014年预算12.5万元;对比减少4.35万元。")][1] != "previous"


def test_duicbi_last_year_is_a_change_cue():
    """Failed before (the 24.55 was read as last year's figure: "上年" in its words): "与上年对比减少24.55万元" is a
    change; wrong against its rate it is judged ("对比上年减少24.45万元,下降40%": 24.45 / 57.45 = 42.56%)."""
    roles = _roles("2016年三公经费预算拨入33万元,2015年三公经费预算拨入57.55万元,与上年对比减少24.55万元。")
    assert roles[2] == ("24.55万元", "change", 0)
    assert _one("2016年三公经费支出33万元,对比上年减少24.45万元,下降40%。") == ERROR
    assert _one("2016年三公经费支出33万元,对比上年减少24.45万元,下降42.56%。") == []


def test_a_rate_after_a_year_pair_of_levels_is_over_last_years_figure():
    """Failed before (quiet: the rate was read over 8 + 4.35, any of 7.5–8.5 giving 35.22%): the year pair's earlier
    figure is the change's stated base, as "比上年12.5万元减少…" is."""
    assert _one("2024年度支出8万元，2023年度支出12.5万元，减少4.35万元，下降35.22%。") == ERROR
    assert _one("2024年度支出8万元，2023年度支出12.5万元，减少4.35万元，下降34.8%。") == []
    assert _one("2024年度支出350万元，2023年度支出300万元，增加50万元，增长16.67%。") == []


# --- 2. shares of one whole the page never prints -----------------------------------------------------------------------

WUZHOU_2024 = parsed_toml(REPORTS / "guangxi-wuzhou-danwei-yusuan-2024.toml")
WUZHOU_WENHUA = parsed_toml(REPORTS / "guangxi-wuzhou-wenhua-danwei-yusuan-2025.toml")
BASIC = "1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%,同比减少 4966.66 元,下降 0.2%。"
PROJECT = "2. 项目支出 469500 元,占一般公共预算支出的 {share}%,同比增加 70100 元 ,增长 17.55%。"


def _doc(*paragraphs: str) -> dict:
    return {"paragraphs": list(paragraphs)}


def _codes(paragraphs: list[str], at: int) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as d:
        return _at(Path(d), {"paragraphs": paragraphs}, at)


def test_wuzhou_2024_two_parts_over_one_unprinted_whole(tmp_path: Path):
    """Failed before (nothing at p7): 基本支出 and 项目支出 are apart by definition, so the whole both are shares of is at
    least 2476260.58 + 469500 and 项目支出's share at most 15.94% — 19.62% is certain wrong; p3's 84.06% agrees."""
    found = _found(tmp_path, WUZHOU_2024, 7)
    assert [(c, s) for c, s, _ in found] == ERROR
    assert "15.94%" in found[0][2] and "19.62%" in found[0][2]
    assert _found(tmp_path, WUZHOU_2024, 3) == []


def test_two_parts_agreeing_or_of_another_whole_stay_quiet():
    """Must stay quiet: the shares as the whole makes them (15.94%); a share of another named whole; a part of last
    year's; parts not apart by definition (基本支出 and a line of its own: "人员经费")."""
    assert _codes([BASIC, PROJECT.format(share="15.94")], 2) == []
    assert _codes([BASIC, PROJECT.format(share="19.62").replace("一般公共预算支出", "财政拨款支出")], 2) == []
    assert _codes([BASIC, "上年项目支出 469500 元,占一般公共预算支出的 19.62%。"], 2) == []


def test_parts_not_apart_by_definition_are_only_a_warning():
    """Failed before (unread). Two parts whose implied wholes disagree but which no definition keeps apart: a 警告 at the
    later naming the earlier (one is wrong; which, only a reading says)."""
    first = "工资福利支出预算 2016908.34 元,占一般公共预算支出的81.45%。"
    found = _codes([first, "商品和服务支出预算 445372.24 元,占一般公共预算支出的27.99%。"], 2)
    assert found == [("N02", "warning")]
    assert _codes([first, "商品和服务支出预算 445372.24 元,占一般公共预算支出的17.99%。"], 2) == []


def test_wuzhou_wenhua_the_share_out_of_every_other(tmp_path: Path):
    """Failed before (nothing at p6): 74784.48 at 6.90% implies a whole of 1,082,264–1,084,619 元, p3's 850088.3 at
    78.33% one of 1,085,127–1,085,335 (the page's total is 1,085,203.63 under another name): a 警告 naming p3. p5's
    4.04% (4.0451% cut) fits the others' whole: still a miss (KNOWN_MISSES)."""
    found = _found(tmp_path, WUZHOU_WENHUA, 6)
    assert [(c, s) for c, s, _ in found] == [("N02", "warning")]
    assert _found(tmp_path, WUZHOU_WENHUA, 5) == []


# --- 3. a change amount whose base only another paragraph prints; 6. the unit named as the title names it -------------

#: 东坡 审计局 2014 (real reports 13) p5 as printed: "2014年公务接待费1.3万元,较2013年决算数下降94.3%,…" — p3 ("2014年东坡区
#: 审计局无出国计划。") is given a second sentence printing the 2013 figure; p5 states the change as an amount.
DONGPO = parsed_toml(REPORTS / "sichuan-dongpo-shenjiju-sangong-2014.toml")


def _dongpo(base: str, p5: str = "") -> dict:
    fixture = copy.deepcopy(DONGPO)
    fixture["paragraphs"][2] = f"2014年东坡区审计局无出国计划。{base}"
    if p5:
        fixture["paragraphs"][4] = p5
    return fixture


AMOUNT = "2014年公务接待费1.3万元,较2013年决算数减少{}万元,主要原因是认真贯彻执行中央八项规定。"


def test_a_change_amount_whose_base_is_in_another_paragraph(tmp_path: Path):
    """Failed before (unread; prose26 read the rate only): 30.0 − 1.3 = 28.7, printed 25.7 — an N02 警告 naming the
    pairing (by the item and the year)."""
    found = _found(tmp_path, _dongpo("2013年公务接待费决算数30.0万元。", AMOUNT.format("25.7")), 5)
    assert [(c, s) for c, s, _ in found] == [("N02", "warning")]
    assert "28.7万元" in found[0][2] and "2013年 30.0万元" in found[0][2]


def test_a_change_amount_agreeing_or_with_no_pair_is_quiet(tmp_path: Path):
    """Must stay quiet: the amount the two levels give (28.7; 28.8 fits 1.3 read as 1.25–1.35), another year's figure,
    another item's, another unit's, two 2013 figures that differ."""
    for amount in ("28.7", "28.8"):
        assert _at(tmp_path, _dongpo("2013年公务接待费决算数30.0万元。", AMOUNT.format(amount)), 5) == [], amount
    for other in (
        "2012年公务接待费决算数30.0万元。",
        "2013年公务用车运行维护费决算数30.0万元。",
        "2013年区财政局公务接待费决算数30.0万元。",
        "2013年公务接待费决算数30.0万元,2013年公务接待费决算数22.8万元。",
    ):
        assert _at(tmp_path, _dongpo(other, AMOUNT.format("25.7")), 5) == [], other


def test_the_unit_named_as_the_title_names_it_is_the_reports_own(tmp_path: Path):
    """Failed before (review26p: a miss): "2013年东坡区审计局公务接待费决算数30.0万元" names the unit as 东坡's title
    (p1 "东坡区审计局财政拨款“三公”经费决算2014年情况如下") — the report's own, the base of p5's rate (30.0 → 95.7%, printed
    94.3%: N02 警告); another unit ("区财政局") stays no pair, as does the unit's own figure the rate fits (22.8)."""
    found = _found(tmp_path, _dongpo("2013年东坡区审计局公务接待费决算数30.0万元。"), 5)
    assert [(c, s) for c, s, _ in found] == [("N02", "warning")] and "95.7%" in found[0][2]
    assert _at(tmp_path, _dongpo("2013年区财政局公务接待费决算数30.0万元。"), 5) == []
    assert _at(tmp_path, _dongpo("2013年东坡区审计局公务接待费决算数22.8万元。"), 5) == []


# --- 4. one figure for two named items ("收入总计和支出总计均为X") --------------------------------------------------------

#: 普陀 规划资源 2024 (real reports 22) p19 as printed ("…2024 年度收入支出总计9859.38 万元。…"); its 收支总表 prints 总计
#: 9859.38 on both sides. The sentence rewritten in the 四川 单位决算 说明's form ("2024年度收、支总计均为1523.26万元",
#: 大竹 2024) and spelled out.
PUTUO = parsed_toml(REPORTS / "shanghai-putuo-guihuaziyuan-juesuan-2024.toml")
JOINT = "上海市普陀区规划和自然资源局 2024 年度收入支出总计9859.38 万元"


def test_one_figure_for_both_grand_totals_is_each_ones(tmp_path: Path):
    """Failed before (unread: "收入总计和支出总计均" named no item): the figure is each side's 总计, held to the table's
    总计 line (N01 错误 when it is not 9859.38)."""
    for said in ("2024年度收入总计和支出总计均为{}万元", "2024年度收、支总计均为{}万元"):
        fixture = with_paragraph(PUTUO, 19, JOINT, said.format("9869.38"))
        assert ("N01", "error") in _at(tmp_path, fixture, 19), said
        assert _at(tmp_path, with_paragraph(PUTUO, 19, JOINT, said.format("9859.38")), 19) == [], said
    facts = extract_facts("2024年度收入总计和支出总计均为9859.38万元。", 1).facts
    assert [(f.subject, f.claim) for f in facts] == [("收入总计", "income"), ("支出总计", "expense")]


def test_names_joined_that_are_no_two_items_stay_one_figure():
    """Must stay one figure: a name with 和 inside whose sides name no two claims ("机关和事业单位均为10个"), one claim
    twice, and a 各 list ("收、支总计各是4125.49,4143.91万元": the figures are paired by 各, respective_lists')."""
    for text in ("机关和事业单位均为10个。", "基本支出和基本支出均为10万元。"):
        assert len(extract_facts(text, 1).facts) == 1, text
    for text in ("2022年度收、支总计各是4125.49万元、4143.91万元。", "2022年度收、支总计各为4125.49万元,4143.91万元。"):
        assert [f.claim for f in extract_facts(text, 1).facts] == ["", ""], text
    assert _one("2024年度收、支总计均为1000万元。与2023年相比,收、支总计各增加100,200万元,各增长11.11%、25%。") == []
    # the change after the two is of both (equal): its rate over 1000 − 100 still judged
    assert _one("2024年度收、支总计均为1000万元,较上年增加100万元,增长12.11%。") == ERROR
    assert _one("2024年度收、支总计均为1000万元,较上年增加100万元,增长11.11%。") == []


# --- 7. "X，是Y的n倍" ----------------------------------------------------------------------------------------------------

#: No real report in tests/realworld prints the form; the numbers are a real 决算 sentence's ("较预算数62万元增加147万元,
#: 增长2.37倍", tests/test_reports28.py: 62 + 147 = 209 = 3.37 × 62), restated as a multiple of the level.
TIMES = "2023年决算数209万元,是预算数62万元的{}倍。"


def test_a_level_stated_as_a_multiple_is_held_to_both():
    """Failed before (unread): 209 / 62 = 3.37; "2.37倍" (the growth's multiple written for the level's) is an N02 错误."""
    assert _one(TIMES.format("2.37")) == ERROR
    assert _one(TIMES.format("4")) == ERROR
    assert _one("2023年决算数209万元,为2022年决算数62万元的2.37倍。") == ERROR


def test_a_multiple_that_fits_or_is_rough_or_has_no_base_is_quiet():
    """Must stay quiet: 3.37 (and 3.4, 3 — a multiple cut or rounded at its place); a rough one (近/约/多/左右); a base
    the sentence does not print ("是上年的3.37倍"); the growth form is the change rate's, unchanged."""
    for n in ("3.37", "3.4", "3", "近3", "约3.4"):
        assert _one(TIMES.format(n)) == [], n
    for text in (
        "2023年决算数209万元,是预算数62万元的3倍多。",
        "2023年决算数209万元,是预算数62万元的2倍左右。",
        "2023年决算数209万元,是上年的3.37倍。",
        "2023年决算数209万元,较预算数62万元增加147万元,增长2.37倍。",
    ):
        assert _one(text) == [], text


# --- 5. 中心 among the organisation nouns; a bracket of station types ------------------------------------------------

#: 解放碑 2023 (real reports 29) p5 as printed: "本部门设5个内设机构(党政办公室、规划建设科、产业发展科、企业服务科、城市管理科),
#: 下属两家事业单位——…"; its first clause rewritten with another organisation noun and names of the same form.
JIEFANGBEI = parsed_toml(REPORTS / "chongqing-yuzhong-jiefangbei-juesuan-2023.toml")
FIRST = "本部门设5个内设机构(党政办公室、规划建设科、产业发展科、企业服务科、城市管理科)"
WARNING = [("N05", "warning")]


def test_a_count_of_centres_before_their_names(tmp_path: Path):
    """Failed before (unread: 中心 was no organisation noun of a count): "下设三个中心(…)" naming two is an N05 警告;
    the right count, in figures or words, is quiet."""
    names = "(政务服务中心、综合执法中心)"
    assert _at(tmp_path, with_paragraph(JIEFANGBEI, 5, FIRST, f"本部门下设三个中心{names}"), 5) == WARNING
    assert _at(tmp_path, with_paragraph(JIEFANGBEI, 5, FIRST, f"本部门下设两个中心{names}"), 5) == []
    assert _at(tmp_path, with_paragraph(JIEFANGBEI, 5, FIRST, f"本部门下设2个中心{names}"), 5) == []


def test_a_bracket_of_station_types_is_held_only_to_naming_more(tmp_path: Path):
    """review26p's left case: "12个站(农技站、畜牧站、林业站)" — three types of station among twelve, or three stations:
    unsaid, so a count above the names is quiet (before: an N05 警告 "写 12个，所列名称 3 个"); more names than the count is
    wrong either way (each type is one station at least); stations named as themselves ("城关农技站") are still held."""
    types = "(农技站、畜牧站、林业站)"
    assert _at(tmp_path, with_paragraph(JIEFANGBEI, 5, FIRST, f"全镇共有12个站{types}"), 5) == []
    assert _at(tmp_path, with_paragraph(JIEFANGBEI, 5, FIRST, f"全镇共有2个站{types}"), 5) == WARNING
    own = "(城关农技站、区环境监测站、东区林业站)"
    assert _at(tmp_path, with_paragraph(JIEFANGBEI, 5, FIRST, f"全镇共有4个站{own}"), 5) == WARNING
