"""Session 24 review of prose24's readings (review24p): false findings its new readings made on real paragraphs, one
change at a time.

- A 三公 其中 list read past its "。" (`facts._closed_list_goes_on`) took in a sentence printing one item's 预算 and
  支出 ("公务接待费年初预算320万元,决算支出295.70万元"), or an item's own defined parts after the item (公务用车购置费 and
  运行维护费 after 公务用车购置及运行维护费): summed, the item counted twice — a false N02 错误. The same held in one
  sentence before prose24. Now a list holding two figures of one item, or an item beside its own part
  (`funds_arith._an_item_twice`), is read with each item once at its least (`_each_item_once`): which figure is the part
  the words leave open, so only more than the whole even so is said.
- A per-car average (`averages.check_averages`) was held to a total of another year ("2013年…车均…" against the 2014
  table's 17.9万元) and to another paragraph's total while its own paragraph printed the item's figure: false N02 警告.

Tests named "failed before" were run against main (b6bd8e54) and failed as their docstring says.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, build_docx, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at

from perfxl.validate import validate_file

LUZHAI = parsed_toml(REPORTS / "guangxi-luzhai-sangong-juesuan-2019.toml")
DONGPO = parsed_toml(REPORTS / "sichuan-dongpo-shenjiju-sangong-2014.toml")


def _n02(fixture: dict) -> list[tuple[str, int]]:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "r.docx"
        build_docx(fixture, path)
        return [(f.severity.value, f.ref.paragraph) for f in validate_file(path).findings if f.code == "N02"]


def test_an_items_budget_and_spending_past_the_full_stop_are_not_two_parts():
    """Failed before: 鹿寨 p3 with its 公务接待费 sentence printing the item's 预算 beside its 支出 — 0 + 204.78 + 664.60 +
    320 + 295.70 against 1165.08 was an N02 错误, though the 支出 alone make it exactly."""
    both = with_paragraph(LUZHAI, 3, "公务接待费支出295.70万元", "公务接待费年初预算320万元,决算支出295.70万元")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), both, 3) == []


def test_an_items_least_figure_still_over_the_whole_is_said():
    """Must still fire: 鹿寨 p3 with its 公务接待费 预算 320 beside a 支出 of 305.70 (change and rate made to agree): read at
    each item's least figure, 0 + 204.78 + 664.60 + 305.70 = 1175.08 is over 1165.08 whichever figure is the part."""
    both = with_paragraph(
        LUZHAI,
        3,
        "公务接待费支出295.70万元,同比减少60.14万元,下降16.9%",
        "公务接待费年初预算320万元,决算支出305.70万元,同比减少50.14万元,下降14.1%",
    )
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), both, 3) == [("N02", "error")]


def test_an_item_and_its_own_part_past_the_full_stop_are_not_both_parts():
    """Failed before: 鹿寨 p3 listing 公务用车购置及运行维护费 869.38 first and then, after "。", only its 运行维护费 as
    published (664.60): the item counted twice, an N02 错误 of 1829.68 against 1165.08. Listing both its parts after it
    (204.78 + 664.60, which make the 869.38) was quiet already and stays so."""
    whole = with_paragraph(
        LUZHAI, 3, "因公出国(境)费支出0万元。", "因公出国(境)费支出0万元,公务用车购置及运行维护费支出869.38万元。"
    )
    one_part = with_paragraph(whole, 3, "公务用车购置费支出204.78万元,同比减少54.2万元,下降20.93%;", "")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), one_part, 3) == []
        assert _at(Path(d), whole, 3) == []


def test_a_list_past_its_full_stop_still_holds_its_items():
    """Must still fire: 鹿寨 p3 with 公务接待费 305.70 (change and rate made to agree) — each item once, the sum 1175.08."""
    changed = with_paragraph(
        LUZHAI, 3, "295.70万元,同比减少60.14万元,下降16.9%", "305.70万元,同比减少50.14万元,下降14.1%"
    )
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), changed, 3) == [("N02", "error")]


def test_an_average_of_another_year_is_not_held_to_the_reports_total():
    """Failed before: 东坡 p8 about 2013 ("2013年,…车辆保有量为3辆,全年车均运行维护费支出5.5万元") was held to the 2014
    table's 运行维护费 17.9万元 / 3 = 5.97万元 — an N02 警告 on a figure of another year."""
    other_year = with_paragraph(DONGPO, 8, "截止2014年底,", "2013年,")
    other_year = with_paragraph(other_year, 8, "5.97元", "5.5万元")
    assert _n02(other_year) == []
    assert _n02(with_paragraph(DONGPO, 8, "5.97元", "5.5万元")) == [("warning", 8)]  # its own year: held


def test_an_average_beside_its_own_paragraphs_total_is_not_held_to_another():
    """Failed before: "公务用车运行维护费10万元,保有量4辆,车均运行维护费2.5万元" (10 / 4 = 2.5) was held to another
    paragraph's 12万元 only — its own paragraph's figure of the item was never a total. Two totals that differ: open."""
    total = "2023年公务用车运行维护费12万元。"
    own = "其中本级公务用车运行维护费10万元,公务用车保有量4辆,车均运行维护费2.5万元。"
    assert _n02({"paragraphs": [total, own]}) == []
    years = {"paragraphs": [total, "2022年公务用车运行维护费10万元,公务用车保有量4辆,车均运行维护费2.5万元。"]}
    assert _n02(years) == []
    assert _n02({"paragraphs": [total, "公务用车保有量4辆,车均运行维护费2.5万元。"]}) == [("warning", 2)]


def test_a_count_of_things_moved_is_no_averages_base():
    """Failed before: 东坡 p8 telling the car renewed, not the cars held ("截止2014年底,…本年更新车辆1辆,全年车均运行维护费
    支出5.97万元"): 17.9万元 / 1辆 = 17.9万元 was said against 5.97万元 — the one 辆 count was of a car bought. A count
    of things held (保有量, 现有) stays the base."""
    moved = with_paragraph(DONGPO, 8, "车辆保有量为3辆", "本年更新车辆1辆")
    assert _n02(with_paragraph(moved, 8, "5.97元", "5.97万元")) == []
    assert _n02(with_paragraph(moved, 8, "车均运行维护费支出5.97元", "现有车辆3辆,车均运行维护费支出5.5万元")) == [
        ("warning", 8)
    ]
