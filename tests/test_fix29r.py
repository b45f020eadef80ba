"""fix29r (issue 12): benign rewrites of reports35/36's 决算/预算执行 reports gave false 错误 — closed by general rules.

1. Two sentences joined by a comma ran a 收入's 其中 list on into the next statement: the other side's whole ("…其中,
   税收收入420.6亿元,…，一般公共预算支出684.6亿元", 滨海 2022 p13; 东丽 2022 p10) and the whole again on another basis
   ("…其中,完成税收收入173.65亿元,…，全区还原留抵退税后累计完成一般公共预算收入250.9亿元", 江宁 2022 p6) were summed
   as parts — N02 错误 "超过了总数". Neither is a part: the list has ended (`facts._other_side_of`,
   `facts._whole_on_another_basis`).
2. A rate the text says is approximate ("占一般公共预算收入的比重接近70%" of 108000 / 157500 = 68.57%, 红桥 2022 p9) was
   held to its printed digits — an N02 错误. It stands for the values around it (`precision._about_interval`), as an
   approximate amount already did (`run_state._arith`).
3. "A 加上 B、C、D 后, 支出总计X" with X above the sum (彭水 2022 p10: its list leaves out the 安排预算稳定调节基金 the 决算's
   总计 holds) was an 错误 once the level shared its sentence: a 总计/合计/总收入 may hold items the list leaves out — a 警告
   that says so; a sum above the total stays certain, and so does a 总量 (by definition the level and the amounts added).
4. A table's 编制部门 line printed in traditional characters ("編製部門：…") was read as its caption, so the 收支总表 and the
   功能分类表 lost their titles (and the scope their names give): 普陀 建委 2026 p5's N01 was lost in traditional.

Each case marked by a report above gave the false finding (or lost one) at main (d8cea567): 7 of these 13 tests fail
there (the 东丽 words alone, unjoined to the rest of p10, and the certain cases pass there too).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_document_realreport import REPORTS, build_docx, one_paragraph_codes, parsed_toml, with_paragraph
from test_realreport_rewrites import DOCX_EDITS, rewritten

from perfxl.validate import validate_file

ERROR = [("N02", "error")]
WARNING = [("N02", "warning")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 滨海 2022 p13 with its "。" made "，": the 支出 is the other side's whole, no part of the 收入
        (
            "一般公共预算收入505.4亿元,比上年下降4.3%，其中,税收收入420.6亿元,占一般公共预算收入比重83.2%，"
            "一般公共预算支出684.6亿元,完成预算81.6%",
            [],
        ),
        # 东丽 2022 p10's words ("预计实现一般公共收入…其中…;…，预计实现一般公共支出…")
        (
            "预计实现一般公共收入50.3亿元,比上年下降14.1%,其中,税收收入35.5亿元,下降15.1%;非税收入14.8亿元,"
            "下降11.5%，预计实现一般公共支出64.6亿元,完成调整预算100%",
            [],
        ),
        # 江宁 2022 p6: the whole restated on another basis ends the list
        (
            "2022年全区完成一般公共预算收入202.96亿元,直比下降23.5%，其中,完成税收收入173.65亿元,税占比85.6%，"
            "全区还原留抵退税后累计完成一般公共预算收入250.9亿元,同口径下降8.9%",
            [],
        ),
        # a part that is a part still sums: over the total, an 错误
        ("一般公共预算收入505.4亿元，其中,税收收入420.6亿元,非税收入184.8亿元。", ERROR),
    ],
)
def test_a_list_ends_at_the_other_sides_whole_or_the_whole_on_another_basis(text, expected):
    assert one_paragraph_codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 红桥 2022 p9 joined: "接近70%" of 68.57%
        (
            "2022年一般公共预算收入预计157,500万元,同比下降18.1%，其中,税收收入108,000万元,"
            "占一般公共预算收入的比重接近70%,比上年提高10个百分点",
            [],
        ),
        ("一般公共预算收入157,500万元，其中,税收收入108,000万元,占一般公共预算收入的比重约70%。", []),
        # printed exact, 70% of 68.57% is wrong; approximate but far off, wrong too
        ("一般公共预算收入157,500万元，其中,税收收入108,000万元,占一般公共预算收入的比重为70%。", ERROR),
        ("一般公共预算收入157,500万元，其中,税收收入108,000万元,占一般公共预算收入的比重接近80%。", ERROR),
    ],
)
def test_an_approximate_rate_stands_for_the_values_around_it(text, expected):
    assert one_paragraph_codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 彭水 2022 p10 joined: the 总计 above the sum — the list may leave an item out
        (
            "全县一般公共预算支出完成70.16亿元,增长17.5%，加上上解支出1.13亿元、地方政府债务还本支出6.81亿元,"
            "以及结转下年4.3亿元后,支出总计84.65亿元。",
            WARNING,
        ),
        # the 总计 below the sum: every amount is added — certain
        (
            "全县一般公共预算支出完成70.16亿元,增长17.5%，加上上解支出1.13亿元、地方政府债务还本支出6.81亿元,"
            "以及结转下年4.3亿元后,支出总计80.65亿元。",
            ERROR,
        ),
        # a 总量 is the level and the amounts added by definition: above the sum, certain still
        ("全区一般公共预算收入100亿元,增长3%,加上上级补助50亿元、调入资金10亿元,收入总量为170亿元。", ERROR),
    ],
)
def test_a_total_above_its_added_list_may_hold_items_the_list_leaves_out(text, expected):
    assert one_paragraph_codes(text) == expected


def test_the_compiled_by_line_in_traditional_characters_is_no_caption(tmp_path: Path):
    """普陀 建委 2026 in traditional characters: p5's N01 against the 收支总表's 支出总计 is found as in simplified."""
    fixture = parsed_toml(REPORTS / "shanghai-putuo-jianguanwei-yusuan-2026.toml")
    published = tmp_path / "published.docx"
    build_docx(fixture, published)
    traditional = tmp_path / "traditional.docx"
    traditional.write_bytes(rewritten(published.read_bytes(), DOCX_EDITS["traditional"]) or b"")
    for path in (published, traditional):
        result = validate_file(path)
        assert result.ok, result.error
        found = [
            (f.code, f.severity.value)
            for f in result.findings
            if getattr(f.ref, "paragraph", None) == 5 and f.code == "N01"
        ]
        assert found == [("N01", "warning")], path.name


def test_the_warning_of_a_total_above_its_added_list_says_why(tmp_path: Path):
    """The 警告 names its basis: the total may hold items the list leaves out (彭水 2022 p10 joined)."""
    fixture = parsed_toml(REPORTS / "chongqing-pengshui-yusuan-zhixing-2022.toml")
    joined = with_paragraph(fixture, 10, "增长17.5%。加上", "增长17.5%,加上")
    build_docx(joined, tmp_path / "joined.docx")
    result = validate_file(tmp_path / "joined.docx")
    assert result.ok, result.error
    found = [f for f in result.findings if f.code == "N02" and getattr(f.ref, "paragraph", None) == 10]
    assert [f.severity.value for f in found] == ["warning"]
    assert "总数可能含文字未列出的项目" in found[0].basis and "may hold items" in found[0].basis_en
