"""Real reports 31 (issue 12, session 27): eleven publications perfxl had never seen (tests/realworld/reports: 丰都 发改委
2024 项目绩效目标自评报告, 舟曲 城关镇社区卫生服务中心 2024, 华容县 2023 政府决算报告, 永川区 2024 决算报告, 江津 西湖镇 2024,
a 涪陵 镇's 2024 三公 预算, 株洲 南方中学 2024 预算, 会宁 彩票公益金 2021, 济南 2014 三公 预算, 金平 社区卫生服务中心 2024,
遂溪 水库除险加固 2022 — stored public pages, none with a table of its own), measured blind.

First run (blind, main 510af1c4): found 0 of 2, false 错误 0, false 警告 0 on the 16 agreeing facts. 株洲 p51 ("离退休人数
195人,其中离休人员2人,退休人员194人") was said as a 警告 (parts read as disjoint by a guess) where the hand check says 错误;
丰都 p6 (a 95.24% execution rate while a 170万元 project of the total is 未支付) went unread (KNOWN_MISSES). Fixed in
general here (tests named "failed before" were run against main and failed as their docstring says): a 离退休 headcount
split into 离休 and 退休 is split by status (`count_parts._BY_RETIREMENT`); and, found by probing the batch's own
paragraphs with one figure changed (5 of 24 probes found before, 10 after): a count's one 其中 part over its total
(`count_parts._lone_part`), a completion rate over the year's plan printed inside its words ("占年计划75000万元的110.5%":
`facts._INLINE_BUDGET`, `funds_arith._PLAN_PRINTED`), a 三公 budget named by its 总额 ("“三公”经费预算总额为…,其中:…":
`facts._SUM_AFTER_ROLE`) and 车辆购置及运行维护费 as its vehicles item (`vocabulary.CLAIMS`), its 万元 parts' sum shown at the
亿元 total's places, and a share of a whole whose words end in 完成 ("…地方收入完成82876万元", `named_shares._NAME_TAIL`,
`facts._DONE`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, findings_at_paragraph, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at

SCHOOL = parsed_toml(REPORTS / "hunan-zhuzhou-nanfangzhongxue-yusuan-2024.toml")
HUARONG = parsed_toml(REPORTS / "hunan-huarong-zhengfu-juesuan-2023.toml")
JINAN = parsed_toml(REPORTS / "shandong-jinan-shiji-sangong-yusuan-2014.toml")


def test_the_retired_split_in_two_over_its_whole_is_an_error():
    """Failed before (a 警告: parts read as disjoint by a guess): the 中学's p51 as published — 离退休人数195人, 其中离休人员
    2人 + 退休人员194人 = 196: 离退休 is 离休 and 退休 by its own name and no person is both, so one over is certain."""
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), SCHOOL, 51)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
    assert "196人" in found[0][2] and "195人" in found[0][2] and "离休人员 2人 + 退休人员 194人" in found[0][2]


def test_the_retired_split_short_of_its_whole_is_a_warning_and_agreeing_is_quiet():
    """Failed before (quiet: a 其中 short of its total may be partial): 离休 2 + 退休 190 under 离退休 196 — the two make
    the whole by its name, so short is said, a 警告 (the total may be counted another way). 196 = 2 + 194 is quiet, as is
    a 离退休 total split into 离休 and a class that is no status (遗属: not this split)."""
    short = {"paragraphs": ["离退休人数196人,其中离休人员2人,退休人员190人。"]}
    agreeing = {"paragraphs": ["离退休人数196人,其中离休人员2人,退休人员194人。"]}
    other = {"paragraphs": ["离退休人数196人,其中离休人员2人,遗属190人。"]}
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), short, 1) == [("N02", "warning")]
        assert _at(Path(d), agreeing, 1) == []
        assert _at(Path(d), other, 1) == []


def test_one_count_part_over_its_total_is_an_error():
    """Failed before (quiet: counts under 其中 were held only two or more at a time): the 中学's 在职人数239人 with its one
    part changed, "其中在岗人数249人" (a sentence of its own, the published p51's first half) — one category of a whole
    cannot count more than the whole, overlapping or not."""
    over = {"paragraphs": ["本部门编制数239人,在职人数239人,其中在岗人数249人。"]}
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), over, 1)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
    assert "在岗人数 249人" in found[0][2] and "239人" in found[0][2]


def test_a_lone_count_part_that_may_exceed_its_total_stays_quiet():
    """Not every lone 其中 over its total is a part of it: a quota may be exceeded ("核定编制数为32人，其中在职45人"), a
    count over years or a result is no category of the year's whole (累计, 考核合格), and a part equal to the total agrees."""
    with tempfile.TemporaryDirectory() as d:
        for text in (
            "核定编制数为32人,其中在职45人。",
            "全县贫困户100户,其中累计帮扶120户。",
            "培训学员50人,其中考核合格60人。",
            "在职人数239人,其中在岗人数239人。",
        ):
            assert _at(Path(d), {"paragraphs": [text]}, 1) == [], text


def test_a_completion_rate_over_the_years_plan_printed_in_its_words():
    """Failed before (quiet: 计划 read as a planned rate): 华容 p38 with one rate changed — "地方收入完成82876万元,占年
    计划75000万元的112.5%" (82876 / 75000 = 110.5%), an N02 错误; the published paragraph (three such rates, all agreeing)
    stays quiet, and a planned rate named as such ("计划执行率为90%") is still no rate of the year's money."""
    changed = with_paragraph(HUARONG, 38, "的110.5%", "的112.5%")
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), changed, 38)
        assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
        assert "82876万元" in found[0][2] and "75000万元" in found[0][2] and "110.5%" in found[0][2]
        assert _at(Path(d), HUARONG, 38) == []
        assert _at(Path(d), {"paragraphs": ["项目支出100万元,计划执行率为90%。"]}, 1) == []


def test_a_three_public_budget_named_by_its_total_amount():
    """Failed before (quiet): "“三公”经费预算总额为2180万元,其中:…" read 预算总额 as the item's name, so its three items
    (134 + 1521 + 426 = 2081) were held to nothing; and 济南's 车辆购置及运行维护费 named no 三公 item. Now 济南 p6 with its
    total changed to 2.18亿元 is an N02 错误 whose sum is shown at the total's places (2.08亿元, not "2亿元"); as published
    (2.08亿元 for 20825万元) it stays quiet."""
    short = {
        "paragraphs": [
            "2014年“三公”经费预算总额为2180万元,其中:因公出国(境)费用134万元,公务用车购置及运行维护费1521万元,公务接待费426万元。"
        ]
    }
    changed = with_paragraph(JINAN, 6, "预算总额为2.08亿元", "预算总额为2.18亿元")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), short, 1) == [("N02", "error")]
        found = findings_at_paragraph(Path(d), changed, 6)
        assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
        assert "2.08亿元" in found[0][2] and "2.18亿元" in found[0][2]
        assert _at(Path(d), JINAN, 6) == []


def test_a_share_of_a_whole_printed_with_its_verb():
    """Failed before (quiet): 华容 p38 with its share changed — "全县一般公共预算地方收入完成82876万元,…非税收入完成21553万元,…
    非税收入占一般公共预算地方收入的28.01%" (21553 / 82876 = 26.01%): the whole's words end in 完成, so its name was not
    found before the figure. Now an N02 警告 (the whole is printed as 全县…, a near name) that names both figures by their
    names, without the verb; as published (26.01%) quiet."""
    changed = with_paragraph(HUARONG, 38, "收入的26.01%", "收入的28.01%")
    with tempfile.TemporaryDirectory() as d:
        found = findings_at_paragraph(Path(d), changed, 38)
    assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")]
    assert "“非税收入”占“一般公共预算地方收入”" in found[0][2] and "26.01%" in found[0][2]
