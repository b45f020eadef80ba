"""Real reports 5 (issue 12): the causes of the blind batch's misses, each from a real report's own paragraph
(tests/realworld/reports: 云南省应急管理厅 2020/2022/2024 航空消防补助 自评报告), plus sentences that probe the same
relation at its edges. Built as narrative-only .docx reports by the project's own helper and validated.

An arrival rate (资金到位率) is the money that arrived (下达/到位/拨付) over the money planned (预算/计划/应到位): "2020年
预算飞行经费共计7952万元,财政部实际下达资金2513万元,资金到位率为31%" — 2513 / 7952 = 31.60%, which rounds to 32%.
The two figures are paired by their words, not by name (a judgement: 警告 at most), and only when the sentence
holds exactly one planned and one arrived figure before the rate."""

from __future__ import annotations

from report_helpers import report_findings as _report

from perfxl.document.facts import extract_facts

#: 云南省2020年度中央自然灾害救灾资金绩效自评报告, paragraph 8 as published (half-width commas as stored).
YUNNAN_2020_P8 = "1)项目资金到位情况。2020年预算飞行经费共计7952万元,财政部实际下达资金2513万元,资金到位率为31%。"


def _n02(findings):
    return [f for f in findings if f.code == "N02"]


def test_an_arrival_rate_is_the_arrived_money_over_the_planned_money(tmp_path):
    """Failed before: 资金到位率 was read as a plain percentage, so 31% for 2513 / 7952 = 31.60% went unseen."""
    n02 = _n02(_report(tmp_path, "1.资金投入情况", YUNNAN_2020_P8))
    assert [(f.ref.paragraph, f.severity.value) for f in n02] == [(2, "warning")]  # paired by words: a judgement
    message = n02[0].message + n02[0].basis
    assert "2513万元" in message and "7952万元" in message and "31%" in message and "32%" in message
    assert "正文第2段" in message


def test_an_arrival_rate_off_by_more_than_rounding_is_a_warning_naming_both_figures(tmp_path):
    n02 = _n02(_report(tmp_path, "该项目应到位资金200万元，实际到位150万元，到位率90%。"))
    assert [f.severity.value for f in n02] == ["warning"]
    assert "150万元" in n02[0].message + n02[0].basis and "200万元" in n02[0].message + n02[0].basis
    assert "75%" in n02[0].message + n02[0].basis


def test_an_arrival_rate_that_agrees_is_quiet(tmp_path):
    findings = _report(
        tmp_path,
        "该项目应到位资金200万元，实际到位180万元，到位率90%，未到位的20万元已申请结转至2024年使用。",
        "年度计划资金1.2亿元，实际到位9000万元，资金到位率75%。",  # 亿元 and 万元 convert exactly
    )
    assert not [f for f in findings if f.severity.value != "info"]


def test_an_arrival_rate_without_one_planned_and_one_arrived_figure_is_not_paired(tmp_path):
    findings = _report(
        tmp_path,
        # 云南 2022 p8: one figure only
        "(1)项目资金投入情况。10441万元资金全部拨付到位,资金到位率100%。",
        # 云南 2024 p6: the rate before the spending, one figure before it
        "中央财政安排和省级财政配套的14856.17万元资金全部拨付到位,资金到位率100%。实际形成支出14474.11553万元,支出率97.43%。",
        # two batches of one 下达: no planned figure (200 / 500 would be a false 40%)
        "省财政分两批下达资金500万元，第一批300万元，第二批200万元，资金到位率100%。",
        # two arrived figures, no planned one
        "2023年省财政厅下达专项资金100万元，实际到位100万元，到位率100%。",
        # a 下达 that is not said to be what arrived (one source of the budget, perhaps): not paired
        "年初预算100万元，上级下达专项资金50万元，资金到位率100%。",
        # a rate as of a date, no figure
        "一是部分项目资金到位较晚，截至9月底资金到位率仅为60%。",
    )
    assert not [f for f in findings if f.severity.value != "info"]


#: 四川省应急管理厅 2020 自评报告, paragraph 7 as published — its third part's amount cut off by the stored copy.
SICHUAN_2020_P7 = (
    "2020年度,财政部会同应急管理部共下达我省中央自然灾害救灾资金15.4235亿元。主要包含三大方面:一是中央自然灾害救灾资金"
    "(重特大自然灾害救灾)9.9162亿元。含自然灾害生活救助资金2.7609亿元、农房恢复重建资金4.4645亿元、地质灾害救灾资金"
    "1.5908亿元、抗洪抢险救灾资金1.1亿元。二是中央自然灾害救灾资金(冬春临时生活困难救助)5.323亿元。三是中央自然灾害"
    "救灾资金(森林草原航"
)
#: The same paragraph with a third amount (the real one would be 15.4235 − 9.9162 − 5.323 = 0.1843亿元).
SICHUAN_THIRD = "空消防补助)0.1843亿元。"


def _parents(text: str) -> list[tuple[str, str | None]]:
    facts = extract_facts(text, 1).facts
    return [(f.quantity.text, None if f.parent is None else facts[f.parent].quantity.text) for f in facts]


def test_a_sentence_opening_with_han_lists_the_parts_of_the_amount_before_it():
    """Failed before: "…9.9162亿元。含A 2.7609亿元、B 4.4645亿元…" — the 含 amounts were read as amounts of their own."""
    assert _parents(SICHUAN_2020_P7)[1:6] == [
        ("9.9162亿元", None),
        ("2.7609亿元", "9.9162亿元"),
        ("4.4645亿元", "9.9162亿元"),
        ("1.5908亿元", "9.9162亿元"),
        ("1.1亿元", "9.9162亿元"),
    ]
    # 含 in brackets stays what it was (a detail already inside the figure before), and 含税 is no list
    assert _parents("年初批复预算8个项目985万元(含1个年初结转结余项目50万元),调整预算后项目预算861.46万元。")[-1] == (
        "861.46万元",
        None,
    )
    assert _parents("合同金额100万元，含税价款106万元。")[-1] == ("106万元", None)


def test_han_parts_over_their_amount_are_an_n02_error(tmp_path):
    text = SICHUAN_2020_P7.replace("2.7609亿元", "2.8609亿元")  # 2.8609 + 4.4645 + 1.5908 + 1.1 = 10.0162 > 9.9162
    n02 = _n02(_report(tmp_path, text))
    assert [(f.ref.paragraph, f.severity.value) for f in n02] == [(1, "error")]
    assert "10.0162亿元" in n02[0].message and "9.9162亿元" in n02[0].message


def test_parts_enumerated_after_san_da_fang_mian_are_the_total_s_parts(tmp_path):
    """Failed before: "主要包含三大方面:一是…二是…三是…" — "三大方面" was not a list head, so the three amounts were
    not read as the parts of the 15.4235亿元 before them."""
    agreeing = SICHUAN_2020_P7 + SICHUAN_THIRD
    assert not [f for f in _report(tmp_path, agreeing) if f.severity.value != "info"]
    over = SICHUAN_2020_P7 + SICHUAN_THIRD.replace("0.1843", "0.2843")  # 9.9162 + 5.323 + 0.2843 = 15.5235
    n02 = _n02(_report(tmp_path, over))
    assert [(f.ref.paragraph, f.severity.value) for f in n02] == [(1, "error")]
    assert "15.5235亿元" in n02[0].message and "15.4235亿元" in n02[0].message


def test_the_published_paragraph_with_its_third_amount_cut_off_is_quiet(tmp_path):
    # the third item has no amount: the list cannot be summed — no finding (and the 含 list agrees: 9.9162)
    assert not [f for f in _report(tmp_path, SICHUAN_2020_P7) if f.severity.value != "info"]


#: 云南省应急管理厅 2021 自评报告, paragraph 9 as published: no budget in the paragraph (it is in paragraph 8), but what
#: was spent and what is left make the year's money: 9109.54 / (9109.54 + 689.66) = 92.96%.
YUNNAN_2021_P9 = "(2)项目资金执行情况。实际执行飞行经费9109.54万元,结余689.66万元,为中央补助资金。项目执行率92.96%。"


def test_a_rate_after_the_spending_and_what_is_left_is_spent_over_their_sum(tmp_path):
    """Failed before: with no budget named, a rate after "执行…万元,结余…万元" was never computed."""
    assert not [f for f in _report(tmp_path, YUNNAN_2021_P9) if f.severity.value != "info"]  # as published: agrees
    n02 = _n02(_report(tmp_path, YUNNAN_2021_P9.replace("92.96%", "95.96%")))
    assert [(f.ref.paragraph, f.severity.value) for f in n02] == [(1, "warning")]  # the budget is not named: judgement
    text = n02[0].message + n02[0].basis
    assert "9109.54万元" in text and "689.66万元" in text and "92.96%" in text and "95.96%" in text
    n02 = _n02(_report(tmp_path, "全年实际支出95万元，结余5万元，执行率90%。"))  # in one sentence
    assert [f.severity.value for f in n02] == ["warning"] and "95%" in n02[0].message + n02[0].basis


def test_spent_and_left_are_not_summed_when_a_budget_or_other_money_is_named(tmp_path):
    findings = _report(
        tmp_path,
        "全年实际支出95万元，历年累计结余30万元，执行率95%。",  # not this year's remainder
        "预算100万元，实际支出95万元，结余5万元，执行率95%。",  # the budget is named: its own reading
        "实际支出95万元，结余5万元，上年结转10万元，执行率95%。",  # other money in the sentence
        "实际执行9265.353442万元,项目执行率88.74%。",  # spending only (云南 2022 p9's shape)
        "“三公”经费支出30万元，结余10万元。项目执行率95%。",  # an item's money, not the project's
    )
    assert not [f for f in findings if f.severity.value != "info"]


#: 云南省应急管理厅 2022 自评报告, paragraph 16 as published: targets with ≥, actuals after "实际".
YUNNAN_2022_P16 = "数量指标:布防飞机数量≥6架,实际布防6架;飞机飞行时长≥928小时,实际飞行时长909.93小时。"
#: 云南 2020, paragraphs 17 and 19: a target to stay under (控制在…以内) and one to reach (需达到…以上).
YUNNAN_2020_P17_P19 = (
    "生态效益指标:年森林火灾发生率需控制在6.5次/10万公顷,实际森林火灾发生率为0.2次/10万公顷;森林火灾受害率需控制在"
    "1‰以内,实际森林火灾受害率为0.038‰。",
    "基层群众对森林草原航空消防项目的满意度需达到80%以上,实际满意度为90%。",
)


def test_indicators_stated_as_a_directed_target_then_the_actual_are_read():
    """Failed before: only "…指标值…，实际完成值…" was read; "X≥928小时,实际飞行时长909.93小时" was not."""
    stated = extract_facts(YUNNAN_2022_P16, 1).indicators
    assert [(s.name, s.target, s.actual) for s in stated] == [
        ("布防飞机数量", "≥6架", "6架"),
        ("飞机飞行时长", "≥928小时", "909.93小时"),
    ]
    stated = [s for text in YUNNAN_2020_P17_P19 for s in extract_facts(text, 1).indicators]
    assert [(s.name, s.target, s.actual) for s in stated] == [
        # "需控制在6.5次/10万公顷" names no direction after the figure (以下/以内) nor an operator: not read
        ("森林火灾受害率", "1‰以内", "0.038‰"),
        ("基层群众对森林草原航空消防项目的满意度", "80%以上", "90%"),
    ]


def test_all_met_while_a_directed_stated_indicator_missed_is_an_n03_warning(tmp_path):
    findings = _report(
        tmp_path, "2022年云南省租用6架航空应急救援直升机开展森林航空消防工作,各项绩效目标均已完成。", YUNNAN_2022_P16
    )
    n03 = [f for f in findings if f.code == "N03"]
    assert [(f.ref.paragraph, f.severity.value) for f in n03] == [(1, "warning")]
    assert "飞机飞行时长" in n03[0].message and "909.93小时" in n03[0].message and "928小时" in n03[0].message
    assert [r.paragraph for r in n03[0].related] == [2]


def test_a_hedged_claim_beside_a_missed_stated_indicator_is_quiet(tmp_path):
    # 云南 2022 p13 as published: "较好实现了年度目标" is not a claim that every target was met
    findings = _report(
        tmp_path,
        "2022年云南省租用6架航空应急救援直升机开展森林航空消防工作。有效遏制了重特大森林火灾发生,较好实现了年度目标。",
        YUNNAN_2022_P16,
        *YUNNAN_2020_P17_P19,
    )
    assert not [f for f in findings if f.severity.value != "info"]


#: 云南省应急管理厅 2024 自评报告, paragraph 8 (its helicopter sentence) as published: 12架 = 1 + 2 + 1 + 6 + 2, the
#: model names M-26, H-125, K-32, M-171, 直8A carrying digits that are no counts.
YUNNAN_2024_P8 = (
    "2024年云南省共布局12架森林草原航空消防直升机(其中:云南省租用1架M-26直升机、2架H-125直升机、1架K-32直升机、"
    "6架M-171高原型直升机,应急管理部在昆明布局2架直8A直升机)。"
)


def test_aircraft_counted_in_jia_are_counts_and_their_qizhong_parts_add_up():
    """Failed before: 架 was no count unit, so "12架 (其中 1架、2架…)" was not read at all."""
    facts = extract_facts(YUNNAN_2024_P8, 1).facts
    assert [(f.quantity.text, None if f.parent is None else facts[f.parent].quantity.text) for f in facts] == [
        ("12架", None),
        ("1架", "12架"),
        ("2架", "12架"),
        ("1架", "12架"),
        ("6架", "12架"),
        ("2架", "12架"),
    ]
    assert [f.quantity.text for f in extract_facts("全年飞行120架次，出动3架。", 1).facts] == ["120架次", "3架"]


def test_aircraft_counts_read_in_jia_stay_quiet_when_they_agree(tmp_path):
    # counts are not summed under 其中 (categories of people or households may overlap): reading 架 adds no N02
    assert not [f for f in _report(tmp_path, YUNNAN_2024_P8) if f.severity.value != "info"]


def test_an_ordinal_yi_shi_opening_a_clause_is_not_part_of_the_subject():
    """Failed before: the 9.9162亿元's subject was "一是中央自然灾害救灾资金…" (the message named "一是…")."""
    subjects = [f.subject for f in extract_facts(SICHUAN_2020_P7, 1).facts]
    assert subjects[1] == "中央自然灾害救灾资金重特大自然灾害救灾"
    assert subjects[-1] == "中央自然灾害救灾资金冬春临时生活困难救助"
