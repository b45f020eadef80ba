"""Session 28 (prose28b): issue 12's narrative misses left by prose28 and reports33, on transcribed real sentences.

1. A total restated after an adjustment ("调整后,…总收入预算变更为802亿元") ends the 其中 list before it (余杭 2024 p4 with
   its "。" joined by "，", OPEN_REWRITES; facts `_list_goes_on`, `_RESTATED`).
2. An execution rate above what its 其中's projects said unpaid leave (丰都 2024 p6, KNOWN_MISSES; `unpaid_bound`): a 警告,
   its base paired by place.
3. A share whose whole only another paragraph prints (宜春 2024 p3 "占全市一般公共预算收入比重为27.8%" of p2's 284.1;
   `levels_apart.check_shares_apart`): the whole paired by item and year (`_level`), a 警告 naming the pairing.
4. "加上…,收入总量为Y" and "收支总量相抵,赤字Z" (财政部 2024 摘要; `added_totals`): certain only when every part is
   printed — the level in the 加上's own sentence; a level a sentence before is paired by place, a 警告.
5. A 其中 glued to an item word broken before it ("经费支其中:", 两路口 2024 p10; facts `_SENTENCE`).
6. A change printed without its unit ("减少484.05,", 江津 2024 p10): read in the unit of the paragraph's money figures
   before it when they print one (facts `_bare_changes`, `Fact.unit_assumed`); every finding on it a 警告 saying so
   (run_state `unit_assumed`).

Tests named "failed before" were run against main (7a258f41) and failed as their docstring says.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, build_docx, parsed_toml
from test_document_realreport import codes_at_paragraph as _at

from perfxl.validate import validate_file

ERROR = [("N02", "error")]
WARNING = [("N02", "warning")]


def _paragraphs(*texts: str) -> list[list[tuple[str, str]]]:
    """(code, severity) at each of the paragraphs, the texts read as one report."""
    with tempfile.TemporaryDirectory() as d:
        return [_at(Path(d), {"paragraphs": list(texts)}, i) for i in range(1, len(texts) + 1)]


def _published(stem: str, paragraph: int) -> str:
    return parsed_toml(REPORTS / f"{stem}.toml")["paragraphs"][paragraph - 1]


# --- 1. a restated total ends the list ----------------------------------------------------------------------------

YUHANG_P4 = _published("zhejiang-yuhang-benji-juesuan-caoan-2024", 4)


def test_yuhang_p4_joined_a_restated_total_is_no_further_part():
    """Failed before (an N02 警告: 441.66 + 802 + 428.35 + 336 + 378.83 over 849.70): 余杭 2024 p4 with its "。" made
    "，" — the 802 "变更为" after "调整后" is the 总收入 again, no part of its 其中 list; as published it is quiet too."""
    assert _paragraphs(re.sub(r"。(?=[^\s。])", "，", YUHANG_P4)) == [[]]
    assert _paragraphs(YUHANG_P4) == [[]]


def test_a_restated_wholes_own_restated_parts_still_sum():
    """The variant that must not go quiet: a whole restated with its parts restated ("调整后预算为300万元,其中…调整为")
    is still a 其中 list (over it: 错误); a restated whole after a list short of nothing is no part either."""
    assert _paragraphs("项目调整后预算为300万元,其中基本支出调整为100万元,项目支出调整为250万元。") == [ERROR]
    assert _paragraphs("项目预算为300万元,其中基本支出100万元,项目支出250万元,调整后,项目预算变更为350万元。") == [
        ERROR
    ]
    assert _paragraphs("项目预算为300万元,其中基本支出100万元,项目支出200万元,调整后,项目预算变更为350万元。") == [[]]


# --- 2. an execution rate bounded by unpaid projects --------------------------------------------------------------

FENGDU_P6 = _published("chongqing-fengdu-fagaiwei-xiangmu-2024", 6)


def test_fengdu_p6_a_rate_above_what_the_unpaid_projects_leave():
    """Failed before (quiet): 95.24% of 1471.75 while the 其中 says 170 unpaid and 10.43 − 8.30 of another project:
    at most 88.30% — a 警告 (the rate names no base: the sentence's one amount, by place), its basis saying so."""
    assert _paragraphs(FENGDU_P6) == [WARNING]
    with tempfile.TemporaryDirectory() as d:
        from test_document_realreport import findings_at_paragraph

        [(_, _, message)] = findings_at_paragraph(Path(d), {"paragraphs": [FENGDU_P6]}, 1)
    assert "至多 88.30%" in message and "按位置配对" in message


def test_a_rate_within_the_bound_or_an_unpaid_part_unsure_stays_quiet():
    """Variants that must stay quiet: a rate the unpaid parts allow (88.30%); a project only partly unpaid ("部分未支付":
    how much, unsaid — only the 2.13 of the other is certain, and 95.24% fits it); a project not said to be a part (no
    其中: "另有")."""
    assert _paragraphs(FENGDU_P6.replace("95.24%", "88.30%")) == [[]]
    assert _paragraphs(FENGDU_P6.replace("因招标延迟未支付", "部分未支付")) == [[]]
    assert _paragraphs(FENGDU_P6.replace("。其中,", "。另有")) == [[]]


# --- 5. a 其中 glued to a broken item word ------------------------------------------------------------------------

LIANGLUKOU_P10 = _published("chongqing-yuzhong-lianglukou-juesuan-2024", 10)


def test_lianglukou_p10_a_qizhong_glued_to_a_broken_word_opens_its_list():
    """Failed before (quiet: "经费支其中:" read as no 其中, so no part was held to the 7548.19): 两路口 2024 p10 with its
    财政拨款收入 changed to 7500.19 — the four parts short of the 收入合计 (a 警告: short may be an unlisted class); as
    published it is quiet."""
    assert _paragraphs(LIANGLUKOU_P10) == [[]]
    assert _paragraphs(LIANGLUKOU_P10.replace("财政拨款收入7548.19万元", "财政拨款收入7500.19万元")) == [WARNING]


def test_a_qizhong_after_a_whole_word_is_not_split_off():
    """The variant that must stay quiet: "开支其中:" — 开支 is a whole word, so nothing says a "。" was lost there; the
    list stays inside the reason's sentence, whose figures it does not split."""
    text = LIANGLUKOU_P10.replace("经费支其中", "经费开支其中").replace(
        "财政拨款收入7548.19万元", "财政拨款收入7500.19万元"
    )
    assert _paragraphs(text) == [[]]


# --- 6. a change printed without its unit -------------------------------------------------------------------------

JIANGJIN_P10 = _published("chongqing-jiangjin-xihuzhen-juesuan-2024", 10)


def test_jiangjin_p10_a_change_without_its_unit_read_in_the_bases_unit():
    """Failed before (quiet: "减少484.05," read as no figure, so its rate was held to nothing): 江津 西湖镇 2024 p10 with
    its rate changed to 11.5% — 484.05 read in 万元, the unit of the 收支 figures before it: 484.05 / 4358.97 = 11.1%, a
    警告 whose basis says the unit was assumed; as published (11.1%) it is quiet."""
    assert _paragraphs(JIANGJIN_P10) == [[]]
    changed = JIANGJIN_P10.replace("降低11.1%", "降低11.5%")
    assert _paragraphs(changed) == [WARNING]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "r.docx"
        build_docx({"paragraphs": [changed]}, path)
        [finding] = validate_file(path).findings
    assert "应为 11.1%" in finding.message and "484.05 未写单位" in finding.basis and "推定" in finding.basis


def test_a_bare_change_after_two_units_or_a_bare_growth_stays_unread():
    """Variants that must stay quiet: figures before it in 元 and 万元 (which unit the change is in, unsaid); a bare
    "增长11.5," (a rate printed without its % as likely as an amount); the unit printed, a certain 错误 as before."""
    two_units = JIANGJIN_P10.replace("支出总计3874.92万元", "支出总计38749200元").replace("降低11.1%", "降低11.5%")
    assert _paragraphs(two_units) == [[]]
    assert _paragraphs(JIANGJIN_P10.replace("减少484.05,降低11.1%", "增长11.5,降低11.5%")) == [[]]
    printed = JIANGJIN_P10.replace("减少484.05,", "减少484.05万元,").replace("降低11.1%", "降低11.5%")
    assert _paragraphs(printed) == [ERROR]


# --- 4. a 总量 made of a level and the amounts added, and the 赤字 the two leave -------------------------------------

CAIZHENGBU = parsed_toml(REPORTS / "zhongyang-caizhengbu-yusuan-zhixing-zhaiyao-2024.toml")["paragraphs"]
YONGCHUAN = parsed_toml(REPORTS / "chongqing-yongchuan-juesuan-baogao-2024.toml")["paragraphs"]


def test_caizhengbu_totals_and_deficit_as_published_are_quiet():
    """财政部 2024 摘要 p7/p9: 219702.12 + 25410.5 = 245112.62, 284612.25 + 1100.37 = 285712.62, 285712.62 − 245112.62 =
    40600 (and p9's four parts, 33400): every sum holds; 永川 2024's totals name their additions without figures."""
    assert _paragraphs(CAIZHENGBU[6]) == [[]]
    assert _paragraphs(CAIZHENGBU[8]) == [[]]
    for text in YONGCHUAN[4:8]:
        assert _paragraphs(text) == [[]]


def test_caizhengbu_a_total_off_its_level_plus_the_added_is_a_warning():
    """Failed before (quiet): p7 with its 支出总量 printed 285702.62, p9 with its 收入总量 108827.71 — the level is the
    sentence before's (by place), so a 警告."""
    assert _paragraphs(CAIZHENGBU[6].replace("285712.62", "285702.62", 1)) == [WARNING]
    assert _paragraphs(CAIZHENGBU[8].replace("收入總量為108817.71", "收入總量為108827.71")) == [WARNING]


def test_caizhengbu_a_deficit_off_the_two_totals_is_an_error():
    """Failed before (quiet): "收支總量相抵,赤字40500億元" — the words name both 总量: 285712.62 − 245112.62 = 40600."""
    assert _paragraphs(CAIZHENGBU[6].replace("赤字40600", "赤字40500")) == [ERROR]


def test_a_total_with_its_level_in_the_sentence_is_certain_and_an_unpriced_addition_stays_quiet():
    """The level in the 加上's own sentence: certain (错误); an addition named without its figure after the last amount
    ("…50亿元和上年结转"): not every part printed, quiet."""
    assert _paragraphs("全区一般公共预算收入100亿元,增长3%,加上上级补助50亿元,收入总量为160亿元。") == [ERROR]
    assert _paragraphs("全区一般公共预算收入100亿元,增长3%,加上上级补助50亿元和上年结转,收入总量为160亿元。") == [[]]


# --- 3. a share whose whole only another paragraph prints ------------------------------------------------------------

YICHUN = parsed_toml(REPORTS / "jiangxi-yichun-yiban-yusuan-2024.toml")["paragraphs"]


def test_yichun_p3_a_share_of_the_whole_printed_a_paragraph_before():
    """Failed before (quiet): 宜春 2024 p3 "中心城区…一般公共预算收入78.9亿元,…,占全市一般公共预算收入比重为28.8%" (27.8%
    printed) — the whole is p2's "2024年,全市一般公共预算收入284.1亿元", the one figure of that item and year: 78.9 / 284.1 =
    27.77%, a 警告 naming the pairing (`levels_apart.check_shares_apart`); as published, quiet."""
    assert _paragraphs(*YICHUN[1:3]) == [[], []]
    changed = _paragraphs(YICHUN[1], YICHUN[2].replace("27.8%", "28.8%"))
    assert changed == [[], WARNING]


def test_a_share_whose_whole_is_printed_twice_or_of_another_scope_stays_quiet():
    """Variants that must stay quiet: the item's 2024 figure printed twice with two values (which is the whole, open);
    the share naming a 全省 whole the other paragraph does not print (another scope)."""
    twice = YICHUN[1] + "2024年,全市一般公共预算收入290.1亿元。"
    assert _paragraphs(twice, YICHUN[2].replace("27.8%", "28.8%")) == [[], []]
    other_scope = YICHUN[2].replace("占全市一般公共预算收入比重为27.8%", "占全省一般公共预算收入比重为28.8%")
    assert _paragraphs(YICHUN[1], other_scope) == [[], []]
