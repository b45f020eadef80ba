"""Session 26 (prose26): issue 12's narrative items left by session 25, on transcribed real sentences.

- A bracket of KINDS after a count is no list of the count's members: "15家医院(公立医院、民营医院)" gave a false N05
  警告 — each name ends like an organisation's (医院), so review25r's test (`lists._ORG_NAME`) took it for names. A name
  that is only kind words before its noun (公立/民营/公办/一级/综合… + 医院/学校/单位…) is a kind (`lists._KIND_NAME`).
- A rough multiple is never judged: "增长近2倍", "增长约2倍" were unread already; "增长2倍左右" (and 上下) was held to
  its levels as an exact 2倍 (`facts._MULTIPLE`).
- A count in Chinese numerals ("设六个内设机构(…)", "下设两家…", "共有十二个科室：…") is read as its figure where the
  figure is (`numerals.chinese_int`, the standard rules, 0–9999; `lists._FIGURES`); not inside a name ("公益二类单位",
  "综合三处") nor a class in words ("二类").

Tests named "failed before" were run against main (5d8d0bab) and failed as their docstring says.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import pytest
from test_document_realreport import REPORTS, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import findings_at_paragraph as _found

from perfxl.document.lists import listed_counts
from perfxl.numerals import chinese_int

DIQING = parsed_toml(REPORTS / "yunnan-diqing-zhoubenji-sangong-2021.toml")
JIEFANGBEI = parsed_toml(REPORTS / "chongqing-yuzhong-jiefangbei-juesuan-2023.toml")
WARNING = [("N05", "warning")]


def _one(text: str) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as d:
        return _at(Path(d), {"paragraphs": [text]}, 1)


# --- 1. a bracket of kinds after a count ------------------------------------------------------------------------------


def test_a_bracket_of_kinds_is_no_list_of_members():
    """Failed before (a false N05 警告 "写 15家，所列名称 2 个"): the kinds a count splits into — ownership, grade, type —
    name no member, however their names end."""
    for text in (
        "全区共有15家医院(公立医院、民营医院)。",
        "辖区内有8家医院(一级医院、二级医院)。",
        "全县共有20所学校(公办学校、民办学校)。",
        "本系统下设6个单位(全额单位、差额单位)。",
        "全县共有30家医院(综合医院、专科医院、民营医院)。",
    ):
        assert _one(text) == [], text


def test_organisations_names_that_end_like_a_kind_still_count():
    """Must still fire (and stay quiet when the count is right): hospitals' own names ("区人民医院", "区中医院") are names,
    not kinds — a place or a name of their own before the noun."""
    names = "区人民医院、区中医院、区妇幼保健院"
    assert _one(f"全区共有3所医院({names})。") == []
    assert _one(f"全区共有4所医院({names})。") == WARNING
    # one kind among organisations' names: more than half still name organisations
    assert _one("全区共有4所医院(区人民医院、区中医院、区妇幼保健院、民营医院)。") == []
    assert _one("全区共有5所医院(区人民医院、区中医院、区妇幼保健院、民营医院)。") == WARNING


# --- 2. a rough multiple --------------------------------------------------------------------------------------------

_BY_BUDGET = "较预算数62万元增加147万元,增长237%"


def test_a_rough_multiple_is_never_judged():
    """Failed before ("增长5倍左右" → a false N02 错误 for 62 → 209): a multiple with 左右/上下 after it, or 约/近 before it,
    says it is no exact figure — never held to its levels (迪庆 州本级 2021 p3, the rate rewritten)."""
    with tempfile.TemporaryDirectory() as d:
        for rough in (
            "增长5倍左右",
            "增长1倍左右",
            "增长5倍上下",
            "增长约5倍",
            "增长近5倍",
            "增长了约5倍",
            "增长近1倍",
        ):
            fixture = with_paragraph(DIQING, 3, _BY_BUDGET, f"较预算数62万元增加147万元,{rough}")
            assert _at(Path(d), fixture, 3) == [], rough


def test_an_exact_multiple_is_still_judged():
    """Must still fire: the same multiple without its rough word (neither 5倍 reading fits 62 → 209), and "5倍以上" (a
    bound that does not hold either way)."""
    with tempfile.TemporaryDirectory() as d:
        for exact in ("增长5倍", "增长5倍以上"):
            fixture = with_paragraph(DIQING, 3, _BY_BUDGET, f"较预算数62万元增加147万元,{exact}")
            assert _at(Path(d), fixture, 3) == [("N02", "error")], exact


# --- 3. counts in Chinese numerals ----------------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def _standard(n: int) -> str:
    """`n` (0–9999) written by the standard rules, built digit by digit — independent of `chinese_int`'s parsing."""
    if n == 0:
        return "零"
    places = [(n // 1000) % 10, (n // 100) % 10, (n // 10) % 10, n % 10]
    units = ["千", "百", "十", ""]
    out, zero = "", False
    for digit, unit in zip(places, units, strict=True):
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[digit] + unit
    return out[1:] if 10 <= n < 20 else out  # "十二", not "一十二"


def test_every_standard_numeral_up_to_9999():
    """Each whole number 0–9999 written by the standard rules reads back as itself; the forms with 一十 at the head
    ("一十二") and 两 before 百/千 ("两百", "两千零五") too."""
    for n in range(10_000):
        assert chinese_int(_standard(n)) == n, (n, _standard(n))
    for n in range(10, 20):
        assert chinese_int("一" + _standard(n)) == n
    for n in range(200, 300):
        assert chinese_int("两" + _standard(n)[1:]) == n
    for n in range(2000, 3000):
        assert chinese_int("两" + _standard(n)[1:]) == n
    assert (chinese_int("两"), chinese_int("〇"), chinese_int("一千〇五")) == (2, 0, 1005)


@pytest.mark.parametrize(
    "loose",
    [
        "",
        "一百一",
        "一千五",
        "一千五十",
        "一百十",
        "二十两",
        "两十",
        "十两",
        "零五",
        "五零",
        "一二",
        "千",
        "百五",
        "一万",
        "五十零",
        "一千零零五",
        "三个",
        "十十",
    ],
)
def test_loose_or_no_numerals_read_as_none(loose):
    """A colloquial shortening, a gap without 零, a stray 零 or unit, a larger unit: no figure (a count by a guess)."""
    assert chinese_int(loose) is None


def test_a_count_in_words_is_held_to_its_list():
    """Failed before (unread): 解放碑 管委会 2023 p5 "本部门设5个内设机构(党政办公室、…、城市管理科)" written with its count in
    words — "设六个"/"设四个" against five names (N05 警告); "设五个" is quiet."""
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), with_paragraph(JIEFANGBEI, 5, "设5个", "设五个"), 5) == []
        for wrong in ("设六个", "设四个"):
            assert _at(Path(d), with_paragraph(JIEFANGBEI, 5, "设5个", wrong), 5) == WARNING, wrong


def test_counts_in_words_after_the_names_and_before_a_colon():
    """Failed before (unread): the other list forms with a count in words — names then their count ("内设A、B、C两个科室"),
    a count then a colon ("共有十二个科室：…") — and a count that agrees stays quiet."""
    assert [lc.count for lc in listed_counts("内设办公室、财务科、业务科两个科室。")] == [2]
    assert listed_counts("内设办公室、财务科、业务科三个科室。") == []
    assert [lc.count for lc in listed_counts("共有十二个科室:办公室、财务科。")] == [12]
    assert listed_counts("共有两个科室:办公室、财务科。") == []


def test_a_numeral_inside_a_name_is_no_count():
    """Must NOT fire: a numeral that is part of a name or a grade ("公益二类单位", "综合三处", "第三个"), a class in
    words ("二类单位(…)"), a numeral written loosely ("一百一个")."""
    for text in (
        "本部门下设公益二类单位(规划设计中心、测绘服务站、档案管理所)。",
        "本部门分为二类单位(规划设计中心、测绘服务站、档案管理所)。",
        "第三个科室:办公室、财务科、业务科。",
        "设综合三处:办公室、财务科、业务科。",
        "共有一百一个科室:办公室、财务科。",
    ):
        assert listed_counts(text) == [], text


# --- 5. a 收入总计 against the table's 总计 line ------------------------------------------------------------------------

_PUTUO = parsed_toml(REPORTS / "shanghai-putuo-guihuaziyuan-juesuan-2024.toml")
#: p19 as printed ("…2024 年度收入支出总计9859.38 万元。…"), and in the 决算 说明's other form, each side on its own (古龙镇
#: 卫生院 2023 p10: "2023年度收入总计192.01万元,支出总计192.01万元。")
_JOINT = "上海市普陀区规划和自然资源局 2024 年度收入支出总计9859.38 万元"
_SIDES = "2024年度收入总计{income}万元,支出总计{expense}万元"


def test_a_grand_total_is_held_to_the_tables_grand_total_line():
    """Failed before (unread): 普陀 规划资源 2024's 收支总表 prints 总计 9859.38 = 本年收入合计 9746.50 + 年初结转和结余
    112.88; a "收入总计" or "支出总计" in the text was held to nothing (review25p: not to the 本年合计) — the 总计 line is now
    kept and a 总计 the words name is held to it (N01 错误: the words and the line are both 总计)."""
    with tempfile.TemporaryDirectory() as d:
        for income, expense in (("9869.38", "9859.38"), ("9859.38", "9769.38")):
            fixture = with_paragraph(_PUTUO, 19, _JOINT, _SIDES.format(income=income, expense=expense))
            assert _at(Path(d), fixture, 19) == [("N01", "error")], (income, expense)


def test_a_grand_total_that_agrees_or_names_the_years_total_is_quiet():
    """Must NOT fire: the 总计 as printed, at a coarser place (9859.4), and a "收入总计" that is the 本年收入合计's 9746.50
    and a "支出总计" that is the 本年支出合计's 9759.38 (a 总计 named loosely for the year's total: no wrong figure)."""
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), _PUTUO, 19) == []
        for income, expense in (("9859.38", "9859.38"), ("9859.4", "9859.4"), ("9746.50", "9759.38")):
            fixture = with_paragraph(_PUTUO, 19, _JOINT, _SIDES.format(income=income, expense=expense))
            assert _at(Path(d), fixture, 19) == [], (income, expense)


# --- 6. the report's own unit, abbreviated or in the first person ---------------------------------------------------

#: 杜集区机关事务管理中心 2021 (real reports 15): its title names the unit, its 三公 table prints 运行维护费 87.07; its cut
#: last paragraph (11) replaced by a sentence in the form review25p tested ("2021年区财政局公务用车运行维护费10万元。").
_DUJI = parsed_toml(REPORTS / "anhui-duji-jiguanshiwu-sangong-2021.toml")
_ITEM = "2021年{unit}公务用车运行维护费{amount}万元。"


def _duji(unit: str, amount: str = "10") -> dict:
    fixture = copy.deepcopy(_DUJI)
    fixture["paragraphs"][-1] = _ITEM.format(unit=unit, amount=amount)
    return fixture


def test_the_unit_in_the_first_person_is_the_reports_own():
    """Failed before (unread): "我中心", "本中心" (as "我局", "本局" were) — the writer's own unit, held to its 三公
    table as the unit unnamed is (N01 错误 for 10 against 87.07; 87.07 quiet)."""
    with tempfile.TemporaryDirectory() as d:
        for unit in ("我中心", "本中心"):
            assert _at(Path(d), _duji(unit), 11) == [("N01", "error")], unit
            assert _at(Path(d), _duji(unit, "87.07"), 11) == [], unit
        # (review26p) "我局" in a 中心's report: a unit of another kind than the title's — a 警告 (tests/test_review26p.py)
        assert _at(Path(d), _duji("我局"), 11) == [("N01", "warning")]


def test_an_abbreviated_own_name_is_a_warning():
    """Failed before (a certain N01 错误): "管理中心", "事务管理中心" — the end of the title's 杜集区机关事务管理中心 shorter
    than its name without the place: the report's own unit only as an abbreviation, a 警告 naming that reading. The
    name without its place ("机关事务管理中心", "区机关事务管理中心") is the unit itself: still an 错误."""
    with tempfile.TemporaryDirectory() as d:
        for unit in ("管理中心", "事务管理中心"):
            found = _found(Path(d), _duji(unit), 11)
            assert [(code, severity) for code, severity, _ in found] == [("N01", "warning")], unit
            assert "简称" in found[0][2] and "杜集区机关事务管理中心" in found[0][2]
            assert _at(Path(d), _duji(unit, "87.07"), 11) == [], unit
        for unit in ("机关事务管理中心", "区机关事务管理中心", "杜集区机关事务管理中心"):
            assert _at(Path(d), _duji(unit), 11) == [("N01", "error")], unit
        # another unit's name, not the end of the title's: not compared (review25p)
        assert _at(Path(d), _duji("区财政局"), 11) == []


# --- 4. a change rate whose base only another paragraph prints ------------------------------------------------------

#: 东坡 审计局 2014 (real reports 13) p5 as printed: "2014年公务接待费1.3万元,较2013年决算数下降94.3%,…" — the 2013 figure
#: is not printed; p3 ("2014年东坡区审计局无出国计划。") is given a second sentence that prints it.
_DONGPO = parsed_toml(REPORTS / "sichuan-dongpo-shenjiju-sangong-2014.toml")


def _dongpo(base: str) -> dict:
    fixture = copy.deepcopy(_DONGPO)
    fixture["paragraphs"][2] = f"2014年东坡区审计局无出国计划。2013年公务接待费决算数{base}万元。"
    return fixture


def test_a_rate_whose_base_is_in_another_paragraph():
    """Failed before (unread): the rate of p5 over the 2013 figure p3 prints — 30.0 gives 95.7% (1.3 read 1.25–1.35:
    95.5%–95.8%), 18.0 gives 92.8%, against the 94.3% printed: an N02 警告 naming the pairing (by item and year)."""
    with tempfile.TemporaryDirectory() as d:
        for base, expected in (("30.0", "95.7%"), ("18.0", "92.8%")):
            found = _found(Path(d), _dongpo(base), 5)
            assert [(code, severity) for code, severity, _ in found] == [("N02", "warning")], base
            assert expected in found[0][2] and f"2013年 {base}万元" in found[0][2], found


def test_a_rate_whose_base_agrees_or_is_no_pair_is_quiet():
    """Must NOT fire: a 2013 figure the rate fits (22.8: 94.30%), or one it fits only loosely (26.5: 1.3 may be 1.25–1.35);
    another year's figure (2012年), another item's (公务用车运行维护费), two 2013 figures of the item that differ, a wider
    scope's (全区), another unit's (区财政局), a budget where the comparison names the 决算."""
    with tempfile.TemporaryDirectory() as d:
        for base in ("22.8", "26.5"):
            assert _at(Path(d), _dongpo(base), 5) == [], base
        for other in (
            "2012年公务接待费决算数30.0万元。",
            "2013年公务用车运行维护费决算数30.0万元。",
            "2013年公务接待费决算数30.0万元,2013年公务接待费决算数22.8万元。",
            # (review: each gave a false N02 警告 before the fix) a wider scope, another unit, another stage than the
            # comparison names ("较2013年决算数")
            "2013年全区公务接待费决算数30.0万元。",
            "2013年区财政局公务接待费决算数30.0万元。",
            "2013年公务接待费预算数30.0万元。",
        ):
            fixture = copy.deepcopy(_DONGPO)
            fixture["paragraphs"][2] = "2014年东坡区审计局无出国计划。" + other
            assert _at(Path(d), fixture, 5) == [], other
