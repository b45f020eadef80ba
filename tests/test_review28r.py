"""Review 28r (issue 12): reports33's new narrative readings — a 其中 list of amounts after a rate read as a value splits
the amount before the rate (`facts._level_not_rate`), "占预算的" after such a part is its own completion
(`funds_arith._budget_of_no_budget`), 预算 in an account's name is no budget (`funds_arith._ACCOUNT`), the base of a
payment's rate reached over sentences with no figure (`_base_a_sentence_before`), a payment naming its money after the
verb (`_PAID_MONEY`) and a 编制 quota split into 编制 (`count_parts._quota_by_kind`) — tried on ≈ 100 benign rewrites of
君山 2023 p13/p14, 宜春 2024 p2/p3, 南都 2024 p2, 财政部 2024 p7, 秀屿 2024 p4, 沅陵 火场乡 2024 p6, 宣州 2022,
伙牌 2025 and 罗湖 2024 (another level, another year, a part of another whole, a rate of another base). Three kinds
of false N02 错误 found and closed (each test named "failed before" was run against main 472f3581 and failed as its
docstring says):

- a 其中 part restated by its rates, then a 其中 opening a sentence of its own: its second part went back to the whole at
  the semicolon ("…其中一般公共预算收入284.1亿元,完成预算的98%,下降2%。其中:税收收入162.2亿元,占比57.1%;非税收入121.9亿元,
  占比42.9%": '应为 29%' over the 420.5) — `facts._qizhong_total` goes back only within the part's sentence;
- a lone 其中 part followed by its rates, one read as a value ("其中一般公共预算收入…5.02亿元,预算的102.7%,同比增长20.5%。
  其中:…"): the next 其中's parts were summed with it into the whole's list ('应为 10.04亿元') — `facts._lone_part_rated`;
- "占预算的98%" after a part of "一般预算支出" (the account's older name, as 公共财政预算): held as a share of the spending
  ('应为 56%') — `funds_arith._ACCOUNT` names them too.

Found on the way, in the same shapes (a 其中 list after a rate), and closed: a second "用于…" amount after a part named by
its use read as that use's own uses (an 错误, `facts._details_a_part`); "民生支出" beside the function classes it holds
summed with them (an 错误; now a 警告 naming the group, `funds_arith._OTHER_SPLIT`); and a payment of money carried in
("已拨付上年结转资金…") paired with the year's fund sentences before by reports33's reach back (a 警告,
`funds_arith._another_period`).

Held on every variant tried: the payment and reach-back readings (警告s, each saying the pairing is by place), the 编制
split (quiet unless the 编制 parts exceed it), the account names in 南都/财政部's shape (quiet).
Left (pre-existing, not of reports33's readings): a list naming the parts of two levels stated before it ("县级税收收入…,
市级税收收入…" after 县 and 市 totals) is held to the last one (an 错误) — closed by prose29 (tests/test_prose29.py).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, findings_at_paragraph, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at

from perfxl.document.facts import extract_facts

JUNSHAN = parsed_toml(REPORTS / "hunan-junshan-yusuan-zhixing-baogao-2023.toml")
YICHUN = parsed_toml(REPORTS / "jiangxi-yichun-yiban-yusuan-2024.toml")

#: 宜春 2024 p2 as published.
_YICHUN_P2 = "2024年,全市一般公共预算收入284.1亿元,同比减收5.9亿元,下降2%。其中:税收收入162.2亿元,占一般公共预算收入比重为57.1%。"
#: 宜春 p2 with its level named as a 其中 part of the 财政总收入 and both its parts' shares.
_AS_PART = (
    "2024年,全市财政总收入420.5亿元,其中一般公共预算收入284.1亿元,完成预算的98%,下降2%。其中:税收收入162.2亿元,"
    "占比57.1%;非税收入121.9亿元,占比42.9%。"
)


def _parents(text: str) -> dict[str, str]:
    """Each listed figure's text → its total's text."""
    facts = extract_facts(text).facts
    return {f.quantity.text: facts[f.parent].quantity.text for f in facts if f.parent is not None}


def test_a_parts_list_in_a_sentence_of_its_own_splits_the_part_to_its_end():
    """Failed before (N02 错误 "“非税收入”占“财政总收入”的比例（121.9亿元 / 420.5亿元）…应为 29%"): the 其中 after the
    part's rates opens a sentence of its own — both its parts are the 284.1's, the semicolon returns to no whole. As
    published (p2): quiet; with a share that disagrees with the 284.1 (42.9% → 52.9%): still found."""
    wrong = _AS_PART.replace("占比42.9%", "占比52.9%")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), YICHUN, 2) == []
        assert _at(Path(d), with_paragraph(YICHUN, 2, _YICHUN_P2, _AS_PART), 2) == []
        found = findings_at_paragraph(Path(d), with_paragraph(YICHUN, 2, _YICHUN_P2, wrong), 2)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
    assert "121.9亿元 / 284.1亿元" in found[0][2] and "52.9%" in found[0][2]
    assert _parents(_AS_PART) == {"284.1亿元": "420.5亿元", "162.2亿元": "284.1亿元", "121.9亿元": "284.1亿元"}


def test_a_semicolon_in_the_parts_sentence_still_returns_to_the_whole():
    """The guard (罗湖 2024's shape, review14r): a 其中 in the restated part's own sentence details that part up to its
    semicolon; the item after it is the whole's again."""
    text = (
        "“三公”经费支出决算为3.02万元,其中:公务用车购置及运行维护费支出决算为2.02万元,完成全年预算5.3万元的38.1%,"
        "下降14%,其中:公务用车购置支出决算为0万元,公务用车运行维护费支出决算为2.02万元;公务接待费支出决算为1万元。"
    )
    facts = extract_facts(text).facts
    parent = {f.quantity.text + f.subject[:4]: f.parent for f in facts if f.quantity.is_money}
    assert parent["1万元公务接待"] == 0 and parent["0万元公务用车"] == 1


_TOTAL_PART = (
    "(一)一般公共预算执行情况。2023年全区地方财政收入预计完成9.8亿元,其中一般公共预算收入预计完成5.02亿元,预算的102.7%,"
    "同比增长20.5%。 其中:地方税收收入3.54亿元,占预算的103.4%,同比增长13.1%;非税收入1.48亿元,占预算的101%,同比增长42.9%。"
)


def test_a_lone_part_followed_by_its_rates_is_what_the_next_qizhong_splits():
    """Failed before (N02 错误 "“地方财政收入预计完成”的各组成部分之和（5.02亿元 + 3.54亿元 + 1.48亿元）超过了总数…应为
    10.04亿元"): 君山 p13 with its 5.02 named as a 其中 part of a 9.8 — the rates after it (预算的102.7%, read as a value)
    are the 5.02's, and the 其中 after them splits it as it would right after the 5.02. With the parts over it (1.48 →
    1.58): found, against the 5.02."""
    p13 = JUNSHAN["paragraphs"][12]
    head = p13[: p13.index("其中")]
    total_part = with_paragraph(JUNSHAN, 13, head, _TOTAL_PART[: _TOTAL_PART.index(" 其中")] + " ")
    over = with_paragraph(total_part, 13, "非税收入1.48", "非税收入1.58")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), total_part, 13) == []
        found = findings_at_paragraph(Path(d), over, 13)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
    assert "3.54亿元 + 1.58亿元" in found[0][2] and "5.02亿元" in found[0][2]


def test_two_parts_before_the_rates_leave_the_split_to_the_whole():
    """The guard: after two 其中 parts and their shares, which part a new sentence's 其中 splits is unsaid — it stays the
    whole's list, as with no rate between."""
    text = "支出15亿元,其中基本支出10亿元,项目支出5亿元,分别占66.7%和33.3%。其中:人员经费6亿元,公用经费4亿元。"
    assert _parents(text)["6亿元"] == "15亿元"


def test_the_older_account_names_hold_no_budget():
    """Failed before (N02 错误 "“上级转移支付安排支出”占“一般预算支出预计完成”的比例（12.3亿元 / 22.11亿元）…应为 56%"):
    君山 p14 opens with "全区一般预算支出预计完成22.11亿元,占预算的100%" — 一般预算 (as 公共财政预算) is the account's
    name, so a part's "占预算的98%" is its own completion, not a share of the spending. A bare "占98%" is still held to
    the 22.11."""
    p14 = JUNSHAN["paragraphs"][13]
    first = p14[: p14.index("。") + 1]
    own = with_paragraph(
        JUNSHAN, 14, p14, first + "其中:上级转移支付安排支出12.3亿元,占预算的98%;区级财力安排支出9.81亿元。"
    )
    share = with_paragraph(
        JUNSHAN, 14, p14, first + "其中:上级转移支付安排支出12.3亿元,占98%;区级财力安排支出9.81亿元。"
    )
    old = {"paragraphs": ["公共财政预算收入5.02亿元,为预算的102.7%。公共财政预算支出22.11亿元,完成预算的100%。"]}
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), own, 14) == []
        assert _at(Path(d), old, 1) == []
        found = findings_at_paragraph(Path(d), share, 14)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
    assert "12.3亿元 / 22.11亿元" in found[0][2]


def test_a_second_use_beside_a_part_named_by_its_use_is_its_sibling():
    """Failed before (N02 错误 "“用于洪涝灾害救助”的“其中”一项（房屋修缮 95万元）超过了总数"): 宣州 2022's "此专项经费
    预算数180万元,全年执行数180万元,实际执行率100%。其中…" with its uses listed as amounts — "其中:用于洪涝灾害救助80万元,用于
    房屋修缮95万元": the second 用于 was read as the first use's own uses. A use after a part named by its source still
    details that source ("其中中央资金80万元,用于A村60万元、B村20万元"), and uses over the spending are found."""
    text = "截止2022年12月31日,此专项经费预算数180万元,全年执行数175万元,实际执行率97.2%。其中:用于洪涝灾害救助80万元,用于房屋修缮95万元。"
    over = text.replace("房屋修缮95万元", "房屋修缮105万元")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), {"paragraphs": [text]}, 1) == []
        found = findings_at_paragraph(Path(d), {"paragraphs": [over]}, 1)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
    assert "80万元 + 105万元" in found[0][2] and "175万元" in found[0][2]
    assert _parents("项目资金120万元,其中中央资金80万元,用于A村60万元、B村20万元。") == {
        "80万元": "120万元",
        "60万元": "80万元",
        "20万元": "80万元",
    }


def test_a_payment_of_money_carried_in_is_not_held_to_the_years_fund_sentences_before():
    """Failed before (N02 警告 "支出 500万元 / 预算 2373.51万元 … 应为 21%"): 秀屿 p4 with its payment named as last year's
    money carried in ("目前已拨付上年结转资金500万元,…,实际支出率80%") — reports33's reach back over sentences paired it
    with this year's 2373.51. As published (42.22% cut) it is still a 警告."""
    xiuyu = parsed_toml(REPORTS / "fujian-xiuyu-xiangcunzhenxing-shifan-2024.toml")
    carried = with_paragraph(xiuyu, 4, "目前已拨付财政补助资金1002.2739万元", "目前已拨付上年结转资金500万元")
    carried = with_paragraph(carried, 4, "实际支出率42.22%", "实际支出率80%")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), carried, 4) == []
        assert _at(Path(d), xiuyu, 4) == [("N02", "warning")]


def test_a_group_of_spending_across_classes_beside_them_is_a_judgement():
    """Failed before (N02 错误 "“一般公共预算支出”的各组成部分之和（9.5亿元 + 3亿元 + 2亿元）超过了总数"): 君山 p14's
    spending with a rate read as a value, then "其中:民生支出9.5亿元;教育支出3亿元;卫生健康支出2亿元" — 民生支出 is a group
    across the function classes, holding 教育 and 卫生健康: a 警告 saying so. The classes alone over the total: 错误."""
    base = "全区一般预算支出预计完成12亿元,为调整预算的95%,同比增长6.4%。其中:"
    group = base + "民生支出9.5亿元;教育支出3亿元;卫生健康支出2亿元。"
    classes = base + "民生支出9.5亿元;教育支出8亿元;卫生健康支出7亿元。"
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), {"paragraphs": [group]}, 1)
        over = _at(Path(d), {"paragraphs": [classes]}, 1)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")]
    assert over == [("N02", "error")]
