"""Session 27 (review27p): prose27's new narrative readings on near-miss variants of real sentences.

Each variant is a real sentence of tests/realworld/reports (or a minimal rewrite of one) that a benign writer could print:
it must stay quiet (no 错误; a 警告 only with its guess stated), and the true contradiction beside it must still be found.
Tests named "failed before" were run against main (4e8b94f1) and failed as their docstring says.

1. "X，是Y的n倍" (`multiples`): a change, a 其中 part or a list's figure before 是 is not what is n times; 之多/余/还多
   are rough multiples.
2. A year pair's earlier figure (`facts._last_years_level`) is no base of a change naming another ("比年初预算", "比2022年").
3. Two years' levels not read as a pair (two stages, years not adjacent): a change after them may be between them — either
   reading agreeing is quiet, neither a judgement (`funds_arith._other_years_level`).
4. Shares of one unprinted whole (`implied_wholes`): a year named at the sentence's or paragraph's opening places every
   part after it; 年初预算 and 调整预算 are two stages; two paragraphs opening on two settings (funds, units) are two
   wholes. A sibling by definition (基本支出 after 项目支出's 其中) ends a list.
5. "收入总计和支出总计均为X" after a unit whose name holds 和 (`facts._both_named`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, codes_at_paragraph, parsed_toml, with_paragraph

from perfxl.document.facts import extract_facts

ERROR = [("N02", "error")]
WARNING = [("N02", "warning")]


def _codes(paragraphs: list[str]) -> list[tuple[int, str, str]]:
    """(paragraph, code, severity) of every warning and error of a report of `paragraphs`."""
    with tempfile.TemporaryDirectory() as d:
        fixture = {"paragraphs": paragraphs}
        return [(at, *c) for at in range(1, len(paragraphs) + 1) for c in codes_at_paragraph(Path(d), fixture, at)]


def _one(text: str) -> list[tuple[str, str]]:
    return [(code, severity) for _, code, severity in _codes([text])]


# --- 1. "X，是Y的n倍" ----------------------------------------------------------------------------------------------------

#: The numbers of a real 决算 sentence ("较预算数62万元增加147万元,增长2.37倍", tests/test_reports28.py), as prose27 wrote them.
LEVEL = "2023年决算数209万元"


def test_a_change_before_shi_is_not_the_multiple():
    """Failed before (N02 错误 "147万元 / 62万元 应为 2.37倍"; "47万元 / 62万元 应为 0.76倍"): the last amount before 是
    is the level's change, printed between the level and its multiple — the 3.37 is 209's (209 / 62), not the change's."""
    assert _one(f"{LEVEL},比上年增加147万元,是上年62万元的3.37倍。") == []
    assert _one(f"{LEVEL},较年初预算增加47万元,是上年62万元的3.37倍。") == []
    # the level's own multiple, wrong, is still found
    assert _one(f"{LEVEL},是预算数62万元的2.37倍。") == ERROR


def test_a_part_or_a_list_figure_before_shi_is_not_the_multiple():
    """Failed before (N02 错误 "100万元 / 62万元 应为 1.61倍"): the last amount before 是 is a 其中 part ("支出309万元,其中项目
    支出100万元,是…": 309 / 62 = 4.98, the total's) or one of a list named once ("…分别为209万元、100万元,是…": the sum's) —
    which figure is n times, the words do not say."""
    assert _one("2024年支出309万元,其中项目支出100万元,是上年62万元的4.98倍。") == []
    assert _one("2024年基本支出、项目支出分别为209万元、100万元,是上年62万元的4.98倍。") == []


def test_rough_multiples_stay_quiet():
    """Failed before (N02 错误 "应为 3倍，文字写 2倍"): "2倍之多", "2倍余", "2倍还多" say at least twice — rough, as
    "2倍多" and "2倍以上" already were."""
    for rough in ("2倍之多", "2倍余", "2倍还多", "2倍多"):
        assert _one(f"{LEVEL},是预算数62万元的{rough}。") == [], rough


def test_growth_by_n_times_is_never_an_error():
    """ "增长了2倍" is +200% by the standard reading, "grown to twice" in loose writing: 124 over 62 fits the loose one —
    a 警告 that says both readings, never a 错误; 186 fits the standard one — quiet."""
    assert _one("2023年决算数124万元,比上年62万元增长了2倍。") == WARNING
    assert _one("2023年决算数186万元,比上年62万元增长了2倍。") == []


# --- 2. a year pair's base is not a change's that names another ---------------------------------------------------------

PAIR = "2024年支出8万元,2023年支出12.5万元,"


def test_a_change_naming_another_base_after_a_year_pair():
    """Failed before (N02 错误 "4.35万元 / 预算 12.5万元 应为 34.8%", "4.35万元 / 2022年 12.5万元"): after a year pair the
    change names its own base (the year's budget, 2022), unprinted — the 2023 figure is not it."""
    assert _one(PAIR + "比年初预算减少4.35万元,下降35.22%。") == []
    assert _one(PAIR + "比2022年减少4.35万元,下降35.22%。") == []
    # the pair's own change (no base named, or the pair's year) is still held to the 2023 figure
    assert _one(PAIR + "减少4.35万元,下降35.22%。") == ERROR
    assert _one(PAIR + "比2023年减少4.35万元,下降35.22%。") == ERROR
    assert _one(PAIR + "减少4.5万元,下降36%。") == []


# --- 3. two years' levels not read as a pair ----------------------------------------------------------------------------


def test_a_change_after_two_years_not_read_as_a_pair():
    """Failed before (N02 错误 "4.5万元 / 上年 17万元 应为 26.47%"): a 2024 budget and a 2023 决算 (two stages), or 2024's and
    2022's figures, then a change — the change between them (12.5 − 8 = 4.5, 36% of 12.5) is a reading the words allow."""
    assert _one("2024年度预算8万元,2023年度决算12.5万元,减少4.5万元,下降36%。") == []
    assert _one("2024年度支出8万元,2022年度支出12.5万元,较上年减少4.5万元,下降36%。") == []


def test_a_rate_neither_reading_gives_is_a_judgement():
    """Failed before (N02 错误): 35.22% is neither 4.35 over 12.5 (34.8%) nor over 12.5 + 4.35 (25.82%) — a 警告 saying the
    change was read as the later figure's, and the rate the other reading gives."""
    found = _one("2024年度预算8万元,2023年度决算12.5万元,减少4.35万元,下降35.22%。")
    assert found == WARNING


# --- 4. shares of one unprinted whole -----------------------------------------------------------------------------------

#: 梧州 2024 (real reports 30) p3 and p7, the shares as the whole makes them; a second paragraph of last year's (or 2023's)
#: parts in the same words.
THIS_YEAR = "基本支出预算2476260.58元,占一般公共预算支出的84.06%;项目支出469500元,占一般公共预算支出的15.94%。"
LAST_YEAR = "基本支出预算2000000元,占一般公共预算支出的70%;项目支出857142.86元,占一般公共预算支出的30%。"


def test_a_year_opening_a_sentence_places_its_later_parts():
    """Failed before (two N02 错误 "不超过 74.29%", "不超过 26%"): "上年基本支出…;项目支出…" — the 项目支出 is last year's
    too, though its own words name no year; it is no sibling of this year's 基本支出."""
    assert _codes(["本年" + THIS_YEAR, "上年" + LAST_YEAR]) == []


def test_a_year_opening_a_paragraph_places_its_parts():
    """Failed before (N02 错误 at both paragraphs): a section heading printed as the paragraph's first sentence
    ("二、2023年执行情况。") places the paragraph's parts in 2023."""
    paragraphs = [
        "2024年部门预算说明",
        "一、2024年一般公共预算支出情况。" + THIS_YEAR,
        "二、2023年执行情况。" + LAST_YEAR,
    ]
    assert _codes(paragraphs) == []
    assert _codes(["2024年部门预算说明", "2024年" + THIS_YEAR, "2023年" + LAST_YEAR]) == []


def test_the_true_contradiction_in_one_year_is_still_found():
    """梧州 2024's p7 as printed (19.62%) beside this year's 基本支出: the certain N02 of prose27, unchanged."""
    wrong = THIS_YEAR.replace("15.94%", "19.62%")
    assert _codes(["本年" + wrong, "上年" + LAST_YEAR]) == [(1, "N02", "error")]


def test_initial_and_adjusted_budgets_are_two_wholes():
    """Failed before (N02 警告): a part of the 年初预算 and one of the 调整预算 name wholes of two stages."""
    paragraphs = [
        "1. 年初预算安排基本支出 2476260.58 元,占一般公共预算支出的84.06%。",
        "2. 调整预算后项目支出 469500 元,占一般公共预算支出的 19.62%。",
    ]
    assert _codes(paragraphs) == []
    # both of the 年初预算 (the 预算): still compared, as 梧州 2024's p3 and p7
    paragraphs[1] = "2. 年初预算安排项目支出 469500 元,占一般公共预算支出的 19.62%。"
    assert _codes(paragraphs) == [(2, "N02", "warning")]


def test_two_settings_opened_alike_are_two_wholes():
    """Failed before (two N02 错误 "不超过 57.91%", "不超过 42%"): the two paragraphs open on two funds ("一般公共预算支出
    情况。" / "政府性基金预算支出情况。") or two units ("局机关" / "市图书馆"): each paragraph's 支出总额 is its own,
    alike as the words are; within one paragraph the shares are still held."""
    first = "基本支出2476260.58元,占支出总额的84.06%;项目支出469500元,占支出总额的15.94%。"
    second = "基本支出200000元,占支出总额的10%;项目支出1800000元,占支出总额的90%。"
    assert _codes(["一般公共预算支出情况。" + first, "政府性基金预算支出情况。" + second]) == []
    assert _codes(["局机关" + first, "市图书馆" + second]) == []
    assert _codes(["一般公共预算支出情况。" + first.replace("15.94%", "19.62%")]) == [(1, "N02", "error")]


def test_a_sibling_by_definition_ends_a_qizhong_list():
    """Failed before (N02 错误 "“项目支出”的各组成部分之和（300000元 + 2476260.58元）超过了总数"): 梧州 2024's two parts, each
    with a 其中 part, in one sentence — the 基本支出 after "；" is the 项目支出's sibling (`vocabulary.DECOMPOSITIONS`),
    never one of its parts; a list of 项目支出's own parts over it is still found."""
    text = "项目支出 469500 元,其中专项业务费 300000 元,占项目支出的63.90%;基本支出 2476260.58 元,其中人员经费 2000000 元。"
    assert _one(text) == []
    assert _one("项目支出 469500 元,其中专项业务费 300000 元,设备购置费 200000 元。") == ERROR


# --- 5. one figure for two named items ----------------------------------------------------------------------------------

#: 普陀 规划资源 2024 (real reports 22) p19 as printed, its unit named first; its 收支总表 prints 总计 9859.38 on both sides.
PUTUO = parsed_toml(REPORTS / "shanghai-putuo-guihuaziyuan-juesuan-2024.toml")
JOINT = "2024 年度收入支出总计9859.38 万元"


def test_both_totals_named_after_a_unit_whose_name_holds_he(tmp_path: Path):
    """Failed before (unread: "上海市普陀区规划和自然资源局2024年度收入总计和支出总计均" — the 和 of the unit's name split it
    first): the words up to the year name the unit, the two items are after them; held to the 总计 line."""
    said = "2024 年度收入总计和支出总计均为{}万元"
    assert ("N01", "error") in codes_at_paragraph(
        tmp_path, with_paragraph(PUTUO, 19, JOINT, said.format("9869.38")), 19
    )
    assert codes_at_paragraph(tmp_path, with_paragraph(PUTUO, 19, JOINT, said.format("9859.38")), 19) == []
    facts = extract_facts("上海市普陀区规划和自然资源局2024年度机关和事业单位均为10个。", 1).facts
    assert len(facts) == 1 and not facts[0].claim
