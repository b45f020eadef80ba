"""Session 24 (prose24): issue 12's known misses of the blind batches of session 23, fixed in general.

- 东坡 审计局 2014 p8 (sichuan-dongpo-shenjiju-sangong-2014): "车辆保有量为3辆,全年车均运行维护费支出5.97元" — the
  运行维护费 17.9万元 (the table's line under 公务用车) / 3辆 = 5.97万元 per car, printed 元: an average against its item's
  total over its count (perfxl/document/averages.py, an N02 警告: which total and count are meant is a reading). Its
  table's "其中:购置经费" ¶ "运行维护费" lines, under the 公务用车 line, are read as 公务用车's parts
  (perfxl/layout/three_public.py `_parts_below`).
- 鹿寨县 2019 p3 (guangxi-luzhai-sangong-juesuan-2019): a 三公 其中 list running past "。" ("其中:因公出国(境)费支出0万元。
  公务用车购置费支出204.78万元,…;公务用车运行维护费支出664.60万元,…。公务接待费支出295.70万元,…") — its items after
  the first "。" were no parts (perfxl/document/facts.py `_closed_list_goes_on`: a list of a kind closed by definition
  goes on into a sentence opening with another of its items).
- 梧州 农检中心 2020 p2 (guangxi-wuzhou-nongjian-juesuan-2020): "公务接待费支出决算…比去年增加 0.5 万元,增长 50%", its
  level (1.5万元) printed only in p1 — a change rate whose level is in another paragraph (perfxl/document/levels_apart.py
  `check_rates_apart`, an N02 警告: the level is paired by the item's name).
- 南昌 烈士陵园 2022 p5 (jiangxi-nanchang-lieshilingyuan-xiangmu-2022): "预算35. 3万元" (a PDF's space after the point)
  was read as 3万元 — silently; now read as 35.3万元 and said in the basis of the paragraph's findings
  (perfxl/document/plain_text.py `split_decimals`).

Tests named "failed before" were run against main (3cff7fd1) and failed as their docstring says.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, build_docx, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at

from perfxl.document.plain_text import plain_narrative, split_decimals
from perfxl.document.read import read_document
from perfxl.validate import validate_file

LUZHAI = parsed_toml(REPORTS / "guangxi-luzhai-sangong-juesuan-2019.toml")
DONGPO = parsed_toml(REPORTS / "sichuan-dongpo-shenjiju-sangong-2014.toml")
NONGJIAN = parsed_toml(REPORTS / "guangxi-wuzhou-nongjian-juesuan-2020.toml")
NANCHANG = parsed_toml(REPORTS / "jiangxi-nanchang-lieshilingyuan-xiangmu-2022.toml")


def _paragraphs(*texts: str) -> dict:
    return {"paragraphs": list(texts)}


def _findings(fixture: dict) -> list:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "r.docx"
        build_docx(fixture, path)
        return [f for f in validate_file(path).findings if f.severity.value != "info"]


def test_a_per_car_average_printed_in_yuan_is_warned():
    """Failed before: 东坡 p8's 车均运行维护费 5.97元 went unsaid — no relation read average = total / count. The total is
    the table's 运行维护费 line (17.9万元), the count the paragraph's 3辆: 5.97万元, printed 元 — a 警告 naming both
    figures and the unit slip, and nothing else in the report."""
    findings = _findings(DONGPO)
    assert [(f.code, f.severity.value, f.ref.paragraph) for f in findings] == [("N02", "warning", 8)]
    basis = findings[0].basis
    assert "17.9万元" in basis and "3辆" in basis and "59666.67元" in basis and "5.97万元" in basis


def test_a_per_car_average_its_total_gives_is_quiet():
    """Must NOT fire: the same report with the average its total over its count gives (5.97万元, 59666.67元, 5.97
    万元 read at 17.9's printed place: 17.85 / 3 = 5.95 … 17.95 / 3 = 5.98)."""
    with tempfile.TemporaryDirectory() as d:
        for printed in ("5.97万元", "59666.67元", "5.96万元"):
            assert _at(Path(d), with_paragraph(DONGPO, 8, "5.97元", printed), 8) == [], printed


def test_the_tables_parts_under_its_vehicle_line_are_read():
    """Failed before: the table's "其中:购置经费" and "运行维护费" lines under 公务用车购置及运行维护费 were no line of
    perfxl's (key ""): they are 公务用车's two parts by their bare names, so B03 holds the 公务用车 line to them."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "r.docx"
        build_docx(DONGPO, path)
        keys = [row.key for row in read_document(path).basic.rows]
    assert keys == ["overseas", "reception", "car", "car_purchase", "car_running"]
    wrong = {
        **DONGPO,
        "tables": [{**DONGPO["tables"][0], "rows": [*DONGPO["tables"][0]["rows"][:-1], ["运行维护费", "16.9"]]}],
    }
    assert any(f.code == "B03" and f.cell == "B4" for f in _findings(wrong))


def test_an_average_against_a_total_another_paragraph_prints():
    """The total printed under the item's name in another paragraph (no table): held the same way; two figures of the
    name that differ (which is meant is open), a set standard (人均补助标准), or no count of the thing: quiet."""
    total = "2023年公务用车运行维护费12万元,主要用于燃料费。"
    assert [
        (f.code, f.severity.value, f.ref.paragraph)
        for f in _findings(_paragraphs(total, "单位公务用车保有量4辆,车均运行维护费4万元。"))
    ] == [("N02", "warning", 2)]
    assert _findings(_paragraphs(total, "单位公务用车保有量4辆,车均运行维护费3万元。")) == []
    quiet = (
        _paragraphs(total, "2022年公务用车运行维护费10万元。", "单位公务用车保有量4辆,车均运行维护费4万元。"),
        _paragraphs("发放补助资金12万元。", "受益40人,人均补助标准500元。"),
        _paragraphs(total, "车均运行维护费4万元。"),
    )
    for fixture in quiet:
        assert [f for f in _findings(fixture) if f.code == "N02"] == [], fixture


def test_a_figure_broken_after_its_point_is_read_and_said():
    """Failed before: 南昌 p5's "预算35. 3万元 … 实际支付35. 3万元, 使用率100%" was read as 3万元 / 3万元 — a 使用率 printed
    59% agreed with nothing said (the probe's miss). Read as 35.3万元 now, the finding's basis says so."""
    assert _findings(NANCHANG) == []
    findings = _findings(with_paragraph(NANCHANG, 5, "使用率100%", "使用率59%"))
    assert [(f.code, f.ref.paragraph) for f in findings] == [("N02", 5)]
    assert "35.3万元" in findings[0].message and "“35. 3”小数点后有空格" in findings[0].basis


def test_a_list_number_before_a_figure_is_not_joined():
    """Must NOT join: a list item's number after punctuation or at a line's start ("：2. 3万元用于…", "2. 3万元"); a
    figure with no unit after it ("第35. 3条")."""
    for text in ("资金安排如下:2. 3万元用于维修。", "2. 3万元用于维修。", "依据第35. 3条执行。"):
        assert split_decimals(text) == ()
        assert plain_narrative(text) == text
    assert plain_narrative("预算35. 3万元,使用率99. 5%。") == "预算35.3万元,使用率99.5%。"
    assert split_decimals("预算35. 3万元,支付35. 3万元") == ("35. 3",)


def test_a_three_public_list_past_its_full_stop_is_held():
    """Failed before: 鹿寨 p3 with 公务接待费 295.70 → 305.70 (its change and rate rewritten to agree: 减少50.14万元,
    下降14.1%) went unsaid — the four items' 1175.08 against the 1165.08 was no sum of perfxl's, the list ending at its
    first "。". A list of the 三公 (closed by definition) goes on into a sentence opening with another of its items."""
    changed = with_paragraph(
        LUZHAI, 3, "295.70万元,同比减少60.14万元,下降16.9%", "305.70万元,同比减少50.14万元,下降14.1%"
    )
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), changed, 3) == [("N02", "error")]
        assert _at(Path(d), LUZHAI, 3) == []  # as published: 0 + 204.78 + 664.60 + 295.70 = 1165.08


def test_a_list_past_its_full_stop_of_an_open_kind_or_into_another_item_is_not_held():
    """Must NOT fire: a 支出's list (an open kind: a 决算's 支出 holds more) ends at its "。"; a 三公 list ends at a
    sentence opening with no 三公 item (会议费) or with an item it already holds (公务接待费 again: another figure of it)."""
    quiet = (
        _paragraphs("2023年支出合计1000万元。其中:基本支出600万元。项目支出300万元。"),
        _paragraphs("2023年“三公”经费支出100万元。其中:公务接待费20万元。会议费30万元,培训费60万元。"),
        _paragraphs("2023年“三公”经费支出100万元。其中:公务接待费20万元。公务接待费比上年多130万元。"),
    )
    for fixture in quiet:
        assert [f for f in _findings(fixture) if f.code == "N02"] == [], fixture


def test_a_change_rate_whose_level_another_paragraph_prints():
    """Failed before: 梧州 农检中心 p2 with 公务接待费's "增长 50%" printed 33.3% went unsaid — its level, 1.5万元, is p1's
    (a page cut before its year: a sentence naming no year is read as the report's, said in the basis). 0.5 / (1.5 −
    0.5) = 50%: a 警告 naming the paragraph it paired. As published (50%, 35.8%) and at 51% (within 1.5's and 0.5's
    printed places: 0.45 / 1.1 … 0.55 / 0.9) quiet."""
    wrong = with_paragraph(NONGJIAN, 2, "增长 50%", "增长 33.3%")
    findings = [f for f in _findings(wrong) if f.ref.paragraph == 2]
    assert [(f.code, f.severity.value) for f in findings] == [("N02", "warning")]
    assert "本年数取自正文第1段“公务接待费支出决算1.5万元”" in findings[0].basis
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), NONGJIAN, 2) == []
        assert _at(Path(d), with_paragraph(NONGJIAN, 2, "增长 50%", "增长 51%"), 2) == []


def test_a_change_rate_apart_on_a_named_year_or_two_levels_is_not_held():
    """Must NOT fire: a rate "比2019年" (a named year may be another's than the level's), or an item printed with two
    levels that differ (which is this year's is open)."""
    rate = "本单位公务接待费支出决算比去年增加0.5万元,增长33.3%。"
    quiet = (
        _paragraphs("2020年公务接待费支出决算1.5万元。", rate.replace("比去年", "比2018年")),
        _paragraphs("2020年公务接待费支出决算1.5万元。", "2020年公务接待费支出决算2万元。", rate),
    )
    for fixture in quiet:
        assert [f for f in _findings(fixture) if f.code == "N02"] == [], fixture
    loud = _paragraphs("2020年公务接待费支出决算1.5万元。", rate)
    assert [(f.code, f.ref.paragraph) for f in _findings(loud)] == [("N02", 2)]
