"""Review of session 12's newest table readings (F14–F18, the weighted result table, probe_variants' traditional copy):
each a false or baseless finding, or a silenced one, built from the real corpus table it concerns."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
from render import CORPUS, load_table, validated, variant

from perfxl.layout.headers import money_unit_in

HANYIN = "shaanxi-hanyin-puhuijinrong-mubiao-2022"
XIANGYIN = "hunan-xiangyin-youeryuan-shenbao-2022"
YANGQUAN = "shanxi-yangquan-sihaonongcunlu-shenbao-2021"
BOZHOU = "anhui-bozhou-rengongzengyu-mubiao-2023"
CHUZHOU = "anhui-chuzhou-sanzhiyifu-2022"
ZIYANG = "sichuan-ziyang-yahang-lvsezhuanxing-pingjia-2024"


def _codes(result, code):
    return [(f.severity.value, str(f.ref)) for f in result.findings if f.code == code]


# ---------------------------------------------------------------- a unit word that is a place name's first character


def test_a_unit_line_naming_a_county_that_starts_with_yuan_states_no_unit():
    """ "申报单位：元宝山区教育局", "编制单位：元江县财政局": 元宝山, 元江 (元氏, 元谋, 元阳 …) are places; "单位:元" then
    read the unit 元 out of a name — an F14 警告 against the funds header's 万元 on a correct table."""
    for text in ("申报单位： 元宝山区教育局", "编制单位：元江县财政局", "填报单位:元氏县教育局"):
        assert money_unit_in(text) is None, text
    for text, unit in (
        ("单位:元", "元"),
        ("单位：万元 填报日期：2023年", "万元"),
        ("单 位：万 元", "万元"),
        ("（元）", "元"),
    ):
        assert money_unit_in(text) == unit, text
    assert money_unit_in("单位：元/人") == "元" and money_unit_in("单位：万元人民币") == "万元"


def test_a_unit_line_naming_a_county_raises_no_f14(tmp_path):
    table = variant(HANYIN, {"A3": "编制单位：元江县人力资源和社会保障局"})
    assert _codes(validated(table, tmp_path), "F14") == []
    assert _codes(validated(variant(HANYIN, {}), tmp_path), "F14") == [("warning", "Sheet1!A3")]  # the real one stays


# ---------------------------------------------------------------- F15 under a 亿元 label


def test_an_amount_in_yi_yuan_is_no_figure_typed_in_yuan(tmp_path):
    """150 under "项目资金 (亿元)" is 150亿元: large, but the guess "typed in 元" would make it 150元 — no table's money;
    F15 said "疑为按元填写（应为 0.0000015亿元）"."""
    cells = {f"{c}{r}": "150" for r in (6, 7) for c in "CDE"}
    assert _codes(validated(variant(CHUZHOU, {"A5": "项目资金 (亿元)", **cells}), tmp_path), "F15") == []
    wan = {f"{c}{r}": "1500000" for r in (6, 7) for c in "CDE"}  # 150亿元 in 万元: the guess still stated, a 警告
    assert _codes(validated(variant(CHUZHOU, wan), tmp_path), "F15") == [("warning", "Sheet1!C6")]


# ---------------------------------------------------------------- F16: a rate or a word holding a level's character


def test_a_rate_or_a_word_holding_a_level_character_is_no_share_of_the_money(tmp_path):
    """ "全县幼儿园覆盖率30%" is no 县级 share, nor "市场占有率70%" a 市级 one, nor "节省能耗20%" a 省级 one: with another
    level's share they made a split of 100 and an F16 警告 on a table whose sources were right."""
    texts = (
        "省级补助比例70%，全县幼儿园覆盖率30%以上。",
        "市场占有率达到70%，县域覆盖率达到30%。",
        "项目实施后预计节省能耗20%，市级财政补助80%。",
    )
    for text in texts:
        table = variant(XIANGYIN, {"C10": text, "E14": "", "E15": "", "E17": "259"})
        assert _codes(validated(table, tmp_path), "F16") == [], text
    real = variant(XIANGYIN, {})  # 其中省级财政补助70%，县级财政配套补助30% against 县级资金 = the whole: still found
    assert _codes(validated(real, tmp_path), "F16") == [("warning", "Sheet1!E17")]


# ---------------------------------------------------------------- F18 at the plan's printed precision


def test_a_plan_total_is_judged_at_the_decimals_it_prints(tmp_path):
    """ "合计12.35万元" is 123456元 to the 0.01万 it prints, "合计12.3万元" 12.34万元 to its 0.1: no disagreement."""
    yuan = {"A6": "项目预算资金(元)", "E6": "123456", "B11": "分两期实施，合计12.35万元。"}
    assert _codes(validated(variant(YANGQUAN, yuan), tmp_path), "F18") == []
    assert (
        _codes(validated(variant(YANGQUAN, {"E6": "12.34", "B11": "分两期实施，合计12.3万元。"}), tmp_path), "F18")
        == []
    )
    off = {"E6": "12.34", "B11": "分两期实施，合计12.4万元。"}  # 12.34 is 12.3 at one decimal, not 12.4
    assert _codes(validated(variant(YANGQUAN, off), tmp_path), "F18") == [("warning", "Sheet1!B11")]


# ---------------------------------------------------------------- 萬 amounts (probe_variants traditional's 10th lost)


def test_amounts_written_with_the_traditional_wan_are_read(tmp_path):
    """亳州 2023 in traditional characters prints "449.8萬" / "189.8萬": the funds pairs were not read as figures, so the
    block was unread and the one-year term against the 中期 total (F17) silenced."""
    table, _ = P.traditional(load_table(CORPUS / f"{BOZHOU}.toml"))
    assert _codes(validated(table, tmp_path), "F17") == [("warning", "Sheet1!F5")]


# ---------------------------------------------------------------- weighted table: weights typed as fractions


def test_weights_typed_as_fractions_of_one_read_as_shares_of_the_hundred(tmp_path):
    """权重 0.2 │ 0.5 │ 0.2 │ 0.1 over a total line of 1 (an Excel percentage cell's value): read as 0.2 points they gave
    W03 "分值合计应为 100", S06 and four S19 警告 on a correct table; read as 20 … they check as the "20%" print does."""
    fractions = {"B2": "0.2", "B3": "0.5", "B4": "0.2", "B5": "0.1", "B6": "1"}
    result = validated(variant(ZIYANG, fractions), tmp_path)
    assert [f.code for f in result.findings if f.severity.value in ("error", "warning")] == []
    wrong = validated(variant(ZIYANG, {**fractions, "D3": "37.70", "D6": "81.68"}), tmp_path)  # 0.5 × 77.39 = 38.70
    assert ("warning", "Sheet1!D3") in _codes(wrong, "S19")


# ---------------------------------------------------------------- a results list on another grade scale

SANMEN = "zhejiang-sanmen-zhujian-zhuanxiangzhai-2024"


def test_a_results_list_on_its_own_consistent_scale_is_no_warning_a_line(tmp_path):
    """三门 2024 with grades A/B (or 好/较好) for the same scores: five lines, five T04 "另一等级体系" 警告 on a list whose
    grades follow its scores (87 B, 90–94 A); now said once as coverage. A grade crossing another's scores still warns."""
    abc = {"G3": "B", "G4": "A", "G5": "A", "G6": "A", "G7": "A"}
    result = validated(variant(SANMEN, abc), tmp_path)
    assert _codes(result, "T04") == []
    assert any(k.code == "T04" and "互不交叉" in k.reason_zh for k in result.coverage.skipped)
    crossing = validated(variant(SANMEN, {**abc, "G4": "B"}), tmp_path)  # B at 87 and 91, A at 90 and 94
    assert len(_codes(crossing, "T04")) == 5 and {s for s, _ in _codes(crossing, "T04")} == {"warning"}
    wrong = validated(variant(SANMEN, {"F3": "79"}), tmp_path)  # the profile's own words: judged line by line
    assert _codes(wrong, "T04") == [("warning", "Sheet1!G3")]


# ---------------------------------------------------------------- a headed table is no headerless score fragment

FRAGMENT = "buxiang-bumen-defenbiao-fragment-2017"


def test_a_headed_staffing_or_funds_list_adding_up_to_100_is_no_score_fragment(tmp_path):
    """单位 │ 编制数 │ 实有人数 over five lines making 100 and a 合计 row: its header names the columns, so it is no
    headerless 评分表 — read as one, its full lines were T07 "全部 5 个指标均为满分" and a sum off by one a T02 警告."""
    rows = [["办公室", "30", "30"], ["财务科", "20", "20"], ["业务科", "15", "15"], ["信息科", "10", "10"]]
    for header in (["单位", "编制数", "实有人数"], ["科室", "年初预算（万元）", "实际支出（万元）"]):
        table = variant(FRAGMENT, {})
        table.rows = [header, *rows, ["执法队", "25", "25"], ["合计", "100", "100"]]
        table.merges = []
        result = validated(table, tmp_path)
        assert not any(f.code in ("T07", "T02") for f in result.findings), header
    assert _codes(validated(variant(FRAGMENT, {}), tmp_path), "T02") == [("warning", "Sheet1!F19")]  # the real one


def test_a_total_line_printing_its_score_twice_is_still_the_total(tmp_path):
    """项目绩效 │ 100% │ 82.68 │ 82.68: the total line printing the project's 评价分值 as well was no total (the line had a
    评价分值), so the table went unread (LAYOUT_NO_TABLE 警告) and a wrong weighted score silenced."""
    result = validated(variant(ZIYANG, {"C6": "82.68"}), tmp_path)
    assert [f.code for f in result.findings if f.severity.value in ("error", "warning")] == []
    wrong = validated(variant(ZIYANG, {"C6": "82.68", "D3": "37.70", "D6": "81.68"}), tmp_path)
    assert ("warning", "Sheet1!D3") in _codes(wrong, "S19")


def test_a_share_two_levels_hold_jointly_is_neither_level_s_own(tmp_path):
    """ "中央和省级补助80%，县级配套20%": the 80% is 中央 and 省级 together — read as 中央's own it gave an F16 警告 on 中央资金
    155.4 of 259 (60%); likewise "中央、省级财政共补助80%" as 省级's own. A three-level split stated level by level is
    still held to the lines."""
    joint = {"E16": "155.4", "E15": "51.8", "E17": "51.8"}
    for text in ("中央和省级补助80%，县级配套20%。", "中央、省级财政共补助80%，县级财政配套20%。"):
        assert _codes(validated(variant(XIANGYIN, {"C10": text, **joint}), tmp_path), "F16") == [], text
    three = {"C10": "中央补助60%，省级补助30%，县级配套10%。", "E16": "155.4", "E15": "51.8", "E17": "51.8"}
    found = [f for f in validated(variant(XIANGYIN, three), tmp_path).findings if f.code == "F16"]
    assert [str(f.ref) for f in found] == ["Sheet1!E15", "Sheet1!E17"] and "中央 60%" in found[0].message
