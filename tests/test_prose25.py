"""Session 25 (prose25): issue 12's known misses left by session 24, on transcribed real sentences.

- A completion rate whose budget the sentence gives only as a gap printed in another money unit (天水市幼儿园 2017 p16
  "…支出总计1741.75万元,…完成年初预算100%,决算数大于预算数55.93万元" with the gap in 元): the gap is converted
  (`completion_gap`), each figure judged at its printed precision.
- 湛江 质监局 2018 p2 (its traditional-character mirror, glosses and all): "2018年湛江市质量技术监督局财政拨款“三公”经费
  预算合计32.6万元。其中:因公出国(境)费0元;公务用车购置费0元;公务用车运行维护费28.6万元;…公务接待费4万元": the
  mirror is read in simplified characters already (`plain_text`); the list went unheld for three reasons, each general —
  "预算合计" left the role's word in the subject ("三公经费预算", no claim: `facts._SUM_AFTER_ROLE`), the unit's name before
  the item with the year ahead of it named no claim (`facts._owned_item`), and the 公务用车 item given as its two parts was
  no complete 三公 list (`funds_arith._defined_items`).
- 迪庆 州本级 2021 p3's "公务用车购置费209万元,…较预算数62万元增加147万元,增长237%" written "增长2.37倍": a growth as a
  multiple was read nowhere. "增长n倍" is read as +n×100% (`facts._MULTIPLE`, two places less precise than the multiple),
  held by the rate checks as any 增减率; loose writing uses it for "grown to n times", so a multiple only that reading
  gives is a 警告 naming both readings, and an 错误 only when neither fits (`run_state._arith`).
- 杜集 机关事务 2021 p10 ("增加1.14万元,增长1.14%"): read at main already (N02 错误, 1.14 / (2.14 − 1.14) = 114%);
  kept here as a regression test with its quiet variant.

Tests named "failed before" were run against main (21bd79c7) and failed as their docstring says.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import findings_at_paragraph as _found

TIANSHUI = parsed_toml(REPORTS / "gansu-tianshui-youeryuan-juesuan-2017.toml")
ZHANJIANG = parsed_toml(REPORTS / "guangdong-zhanjiang-zhijianju-sangong-yusuan-2018.toml")
DUJI = parsed_toml(REPORTS / "anhui-duji-jiguanshiwu-sangong-2021.toml")
DIQING = parsed_toml(REPORTS / "yunnan-diqing-zhoubenji-sangong-2021.toml")

#: 天水 p16's gap, as printed (traditional, with the mirror's glosses) and restated in 元.
_GAP = "決算數(shù)大于預(yù)算數(shù)55.93萬元"
_GAP_YUAN = "決算數(shù)大于預(yù)算數(shù)559300元"


def test_a_gap_in_yuan_beside_spending_in_wan_is_converted():
    """Failed before: 天水 p16 with the excess printed in 元 (559300元 = 55.93万元) was unread — the gap's unit was not the
    spending's. Converted, the budget is 1741.75 − 55.93 = 1685.82万元 and the rate 103.32%, printed 100%: the 警告 the
    万元 sentence gets (the words name no item's 决算)."""
    fixture = with_paragraph(TIANSHUI, 16, _GAP, _GAP_YUAN)
    with tempfile.TemporaryDirectory() as d:
        found = _found(Path(d), fixture, 16)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")]
    assert "1685.82万元" in found[0][2] and "559300元" in found[0][2]


def test_a_gap_in_yuan_that_gives_the_rate_is_quiet():
    """Must NOT fire: the same gap in 元 with the rate it gives (103%), and a shortfall in 元 whose rate agrees
    (1741.75 / (1741.75 + 55.93) = 96.89% → 96.9%)."""
    agrees = with_paragraph(TIANSHUI, 16, _GAP, _GAP_YUAN)
    agrees = with_paragraph(agrees, 16, "完成年初預(yù)算100%", "完成年初預(yù)算103%")
    short = with_paragraph(TIANSHUI, 16, _GAP, "決算數(shù)小于預(yù)算數(shù)559300元")
    short = with_paragraph(short, 16, "完成年初預(yù)算100%", "完成年初預(yù)算96.9%")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), agrees, 16) == []
        assert _at(Path(d), short, 16) == []


def test_a_gap_in_yuan_at_its_printed_precision():
    """A rate in 万元 with its gap in whole 元: "公务接待费支出决算为5.21万元,比预算减少1000元,完成预算的100%" — the budget
    5.31万元, 98.12% (97.84%–98.4% at the printed places): certain from the sentence's own figures, an 错误; 98% is quiet."""
    text = "公务接待费支出决算为5.21万元,比预算减少1000元,完成预算的{rate}。"
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), {"paragraphs": [text.format(rate="100%")]}, 1) == [("N02", "error")]
        assert _at(Path(d), {"paragraphs": [text.format(rate="98%")]}, 1) == []


def test_the_mirrors_three_public_total_over_its_four_items():
    """Failed before: 湛江 p2 as stored (traditional, glosses) with its 合计 made 33.6: 0元 + 0元 + 28.6万元 + 4万元 =
    32.6万元 by definition (the 三公经费 = 因公出国 + 公务接待 + 公务用车购置 + 运行维护). Only a 4 printed whole and read as
    cut (4.99) reaches 33.6 — a 警告 naming the four items."""
    fixture = with_paragraph(ZHANJIANG, 2, "合計(jì)32.6萬(wàn)元", "合計(jì)33.6萬(wàn)元")
    with tempfile.TemporaryDirectory() as d:
        found = _found(Path(d), fixture, 2)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")]
    assert "0元 + 0元 + 28.6万元 + 4万元" in found[0][2] and "32.6万元" in found[0][2]


def test_the_mirrors_sum_out_of_reach_is_an_error_and_the_real_one_quiet():
    """The same list with 合计 35.6 — beyond even cut parts (28.65 + 4.99 + 0 + 0): an 错误; the report as published
    (32.6) is quiet, and so is 33 (4 may be 4.4 rounded: 28.6 + 4.4 = 33.0)."""
    wrong = with_paragraph(ZHANJIANG, 2, "合計(jì)32.6萬(wàn)元", "合計(jì)35.6萬(wàn)元")
    near = with_paragraph(ZHANJIANG, 2, "合計(jì)32.6萬(wàn)元", "合計(jì)33萬(wàn)元")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), wrong, 2) == [("N02", "error")]
        assert _at(Path(d), ZHANJIANG, 2) == []
        assert _at(Path(d), near, 2) == []


def test_an_owners_item_is_its_claim_but_not_another_units():
    """The unit's name before a 三公 item (the year having led the clause) names the item; "下属单位" names other units'."""
    from perfxl.document.facts import extract_facts

    (own,) = extract_facts("2018年湛江市质量技术监督局“三公”经费预算合计33.6万元。").facts
    assert (own.claim, own.role) == ("three_public", "budget")
    (other,) = extract_facts("下属单位公务接待费10万元。").facts
    assert other.claim == ""


def test_duji_rate_written_as_its_amount():
    """杜集 p10: "公务接待费支出2.14万元, 与2021年度预算相比,增加1.14万元,增长1.14%" — 1.14 / 1.00 = 114%: an 错误 (read at
    main already: the budget is the level less the change, certain from the sentence); 114% is quiet."""
    fixed = with_paragraph(DUJI, 10, "增长1.14%", "增长114%")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), DUJI, 10) == [("N02", "error")]
        assert _at(Path(d), fixed, 10) == []


_BY_BUDGET = "较预算数62万元增加147万元,增长237%"


def test_a_growth_written_as_a_multiple_is_read():
    """Failed before: 迪庆 p3 with "增长237%" written "增长5.37倍" went unread — no figure "倍". Neither reading gives it
    (147 / 62 = 2.37 times more; 209 / 62 = 3.37 times as much): an 错误 that names both."""
    wrong = with_paragraph(DIQING, 3, _BY_BUDGET, "较预算数62万元增加147万元,增长5.37倍")
    with tempfile.TemporaryDirectory() as d:
        found = _found(Path(d), wrong, 3)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
    assert "2.37倍" in found[0][2] and "5.37倍" in found[0][2]


def test_a_multiple_only_the_loose_reading_gives_is_a_warning():
    """Failed before (unread): "增长3.37倍" for 62 → 209 — by the standard reading +337% (应为 2.37倍), but the level is
    3.37 times the base: a writer's "增长到" is one reading, so a 警告 whose basis names both."""
    loose = with_paragraph(DIQING, 3, _BY_BUDGET, "较预算数62万元增加147万元,增长3.37倍")
    with tempfile.TemporaryDirectory() as d:
        found = _found(Path(d), loose, 3)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")]
    assert "2.37倍" in found[0][2]


def test_a_multiple_that_fits_is_quiet():
    """Must NOT fire: "增长2.37倍" (147 / 62 = 2.371), "增长了2.37倍", and "增长2倍" (a whole multiple stands for 1.5–3 at
    its printed precision); nor "是预算数的3.37倍", which is no change rate and stays unread."""
    texts = ("增长2.37倍", "增长了2.37倍", "增长2倍", "是预算数的3.37倍")
    with tempfile.TemporaryDirectory() as d:
        for text in texts:
            fixture = with_paragraph(DIQING, 3, _BY_BUDGET, f"较预算数62万元增加147万元,{text}")
            assert _at(Path(d), fixture, 3) == [], text


def test_a_multiple_reads_as_its_rate():
    """The reading itself: "增长2.37倍" is a change rate of 237% printed to whole percent; "是上年的2倍" is no figure."""
    from perfxl.document.facts import extract_facts, is_multiple

    *_, rate = extract_facts("支出209万元,比上年增加147万元,增长2.37倍。").facts
    assert (rate.role, rate.quantity.value, rate.quantity.places, rate.quantity.text) == (
        "change_rate",
        237,
        0,
        "2.37倍",
    )
    assert is_multiple(rate)
    assert [f.quantity.text for f in extract_facts("支出209万元,是上年的2倍。").facts] == ["209万元"]


DAPING = parsed_toml(REPORTS / "yunnan-yuanyang-daping-xiangmu-ziping-2021.toml")
_DAPING_LIST = "其中项目管理费3万元,目前项目资金已拨付270万元"


def test_money_paid_inside_a_list_is_no_part_and_the_list_goes_on():
    """Failed before: 元阳 大坪乡 2021 p4's list with its sources named and the money paid of the first between them —
    "涉农资金303万元,其中中央资金200万元,已拨付180万元,省级资金113万元": the paid amount ended the list (a clause opening
    with 已拨付 was a new statement), so 200 + 113 = 313 over 303 went unsaid. The paid amount is no part, the list goes on
    with the next source: an 错误. With 省级资金103万元 (200 + 103 = 303) quiet."""
    over = with_paragraph(DAPING, 4, _DAPING_LIST, "其中中央资金200万元,已拨付180万元,省级资金113万元")
    fits = with_paragraph(DAPING, 4, _DAPING_LIST, "其中中央资金200万元,已拨付180万元,省级资金103万元")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), over, 4) == [("N02", "error")]
        assert _at(Path(d), fits, 4) == []


def test_a_bare_payment_word_inside_a_list_is_no_part():
    """Failed before (a false 错误): "其中中央资金200万元,支出180万元,省级资金103万元" — the 180 spent of the 中央资金 was read as
    a part (200 + 180 + 103 = 483 over 303). Words naming only a payment or use (支出, 使用, 完成支付, 拨付) are no part."""
    with tempfile.TemporaryDirectory() as d:
        for paid in ("支出180万元", "完成支付180万元", "使用180万元", "拨付180万元"):
            fixture = with_paragraph(DAPING, 4, _DAPING_LIST, f"其中中央资金200万元,{paid},省级资金103万元")
            assert _at(Path(d), fixture, 4) == [], paid


def test_the_uses_of_money_paid_are_no_parts_of_its_sources():
    """Must NOT fire: after the money paid, its uses ("…,已拨付180万元,用于挡墙建设120万元,水渠建设60万元") are no more
    sources of the 303 — the list of sources ended there (joined, 200 + 120 + 60 = 380 would be a false 错误); the real
    p4 stays quiet. Failed before with the bare "支出180万元" (its uses read as parts: a false 错误)."""
    uses = with_paragraph(
        DAPING, 4, _DAPING_LIST, "其中中央资金200万元,已拨付180万元,用于挡墙建设120万元,水渠建设60万元"
    )
    bare = with_paragraph(DAPING, 4, _DAPING_LIST, "其中中央资金200万元,支出180万元,挡墙建设120万元,水渠建设60万元")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), uses, 4) == []
        assert _at(Path(d), bare, 4) == []
        assert _at(Path(d), DAPING, 4) == []


#: 耒阳 四中 2022 (hunan-leiyang-sizhong-gongyong-2022): its 生均公用经费 project, "按生均1000元安排,共计239万元" — the
#: 2021 决算 of the school counts 学生2390人 (the fixture's notes). Its sentences, with the count and the total named.
_LEIYANG_TOTAL = "我校2022年公用经费支出共计239万元,余款安排下年支出。"
_LEIYANG_AVERAGE = "我校2022年在校学生2390人,生均公用经费{average}。"


def test_an_average_public_fund_over_its_students():
    """Failed before: "生均公用经费1200元" beside 学生2390人 and another paragraph's "公用经费支出共计239万元" was unread — the
    total's name ("公用经费支出") claims the 公用经费 only less its spending word, which the average's pairing did not read.
    239万元 / 2390人 = 1000元: a 警告 (the total paired by its name, the count the paragraph's)."""
    fixture = {"paragraphs": [_LEIYANG_TOTAL, _LEIYANG_AVERAGE.format(average="1200元")], "year": 2022}
    with tempfile.TemporaryDirectory() as d:
        found = _found(Path(d), fixture, 2)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")]
    assert "239万元 / 2390人" in found[0][2] and "1000元" in found[0][2]


def test_an_average_public_fund_that_fits_is_quiet():
    """Must NOT fire: 1000元 (239万元 / 2390人), and the real sentence "按生均1000元安排" (a standard the money is set by)."""
    fits = {"paragraphs": [_LEIYANG_TOTAL, _LEIYANG_AVERAGE.format(average="1000元")], "year": 2022}
    standard = {"paragraphs": [_LEIYANG_TOTAL, "我校2022年在校学生2390人,按生均1200元安排。"], "year": 2022}
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), fits, 2) == []
        assert _at(Path(d), standard, 2) == []
