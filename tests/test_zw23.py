"""Invisible characters dropped once where a sheet's cells are read, and a dotted date after words (zw23, issue 11).

probe23's `zero_width` variant (U+200B after each figure, as text copied from a web page carries) lost 8 hand-found
findings on 7 real tables: head fields, totals and labels were read by paths that saw the raw text, where only
`parse_value`/`to_decimal` dropped the character. `perfxl.grid.without_invisible`, called once by `read_grids` for every
sheet and every report table, now gives every reading the clean text. Its `date_dots` variant lost 安徽 裕安 18's S01:
"完成时间为2022.12.30" after words was no date, where the bare "2022.12.30" is one.
"""

from __future__ import annotations

import copy
import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_variants as V
from render import CORPUS, load_table
from test_document_realreport import build_docx
from test_flat_targets import FENGDU, FENGDU_TARGETS

from perfxl.grid import INVISIBLE, Grid, without_invisible
from perfxl.model import Severity
from perfxl.reader import read_grids, read_submission
from perfxl.values import ValueKind, parse_value
from perfxl.values_dates import parse_date

#: The tables whose hand-found findings the zero_width variant lost at main (docs/testing.md, probe23), and 重庆 梁平
#: whose S07 it moved from 错误 to 警告.
ZERO_WIDTH_TABLES = (
    "buxiang-bumen-defenbiao-fragment-2017",
    "hunan-yueyangxian-xinkaizhen-bumen-2021",
    "neimenggu-wuhai-zaishengziyuan-mubiao-2021",
    "sichuan-daying-chengxiangjumin-yibao-2023",
    "sichuan-daying-tieluyanxian-fragment",
    "sichuan-daying-tushuguan-fragment-2022",
    "sichuan-daying-zuegebaozhang-fragment",
    "chongqing-liangping-linye-bumen-2023",
)


@pytest.mark.parametrize("name", ZERO_WIDTH_TABLES)
def test_a_zero_width_space_after_each_figure_changes_no_verdict(name, tmp_path):
    [outcome] = V.run(["zero_width"], [load_table(CORPUS / f"{name}.toml")], tmp_path)["zero_width"]
    assert (outcome.new_errors, outcome.lost, outcome.moved) == ([], [], [])
    assert outcome.rows > 0  # the variant did write the character into the table


def test_a_dotted_date_after_words_is_compared_as_the_bare_one(tmp_path):
    """安徽 裕安 文物保护 2022 row 18: the actual "完成时间为2022.12.30" (date_dots) lost the S01 the published date gives."""
    [outcome] = V.run(["date_dots"], [load_table(CORPUS / "anhui-yuan-wenwubaohu-2022.toml")], tmp_path)["date_dots"]
    assert (outcome.new_errors, outcome.lost) == ([], [])
    assert outcome.rows > 0


@pytest.mark.parametrize(
    ("text", "key", "deadline"),
    [
        ("完成时间为2022.12.30", (2022, 12, 30), False),
        ("完成时间：2022-12-31前", (2022, 12, 31), True),
        ("于 2022/6/30 前完成", (2022, 6, 30), True),
        ("2022.12.30", (2022, 12, 30), False),
    ],
)
def test_a_full_date_after_words_is_a_date(text, key, deadline):
    parsed = parse_value(text)
    assert parsed.kind is ValueKind.DATE
    assert parsed.date is not None and parsed.date.key() == key
    got = parse_date(text)
    assert got is not None and got[1] is deadline


@pytest.mark.parametrize(
    "text",
    [
        "V2.1.3",
        "版本V2022.1.3",
        "2.1.3",
        "见2.1.3",
        "1.234.567",
        "完成1.234.567元",
        "完成2022.12",
        "第2022.1.3条",
        "金额为2021.12.31万元",
        "完成时间为2022.13.30",
        "完成2022.12.30.5",
        "次年2023.1.31",
    ],
)
def test_versions_sections_and_amounts_are_no_dates(text):
    assert parse_date(text) is None
    assert parse_value(text).kind is not ValueKind.DATE


def test_the_grid_is_kept_when_no_cell_holds_an_invisible_character():
    grid = Grid("s", [["项目名称", "预算执行率", 95.5, None, ""], ["a\u00a0b", "x\ny", "\u200e1"]])
    assert without_invisible(grid) is grid  # a no-break space, a line break, a direction mark are kept


def test_every_invisible_character_is_dropped_and_nothing_else():
    grid = Grid(
        "s",
        [["项目名称\u200b", 12.5, "95%\ufeff"], ["\u200b", "a\u200c\u200db", "自\u00ad评\u2060得分 ", None]],
        merged=((0, 0, 0, 1),),
        caption_above="2022年\u200b预算表",
    )
    clean = without_invisible(grid)
    assert clean.rows == [["项目名称", 12.5, "95%"], ["", "ab", "自评得分 ", None]]
    assert clean.caption_above == "2022年预算表"
    assert clean.merged == grid.merged and clean.is_merged(0, 1)
    assert all(ch not in str(clean.rows) for ch in INVISIBLE)


def test_a_head_field_with_a_zero_width_space_is_read():
    """The 项目名称 head field and a 总分 with U+200B read as without it: the reader sees the clean text once."""
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称\u200b", "测试项目\u200b"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训人数", "≥100人", "120人\u200b", "50\u200b", "50"],
        ["效益指标", "社会效益", "满意度", "≥90%", "95%\u200b", "50", "50\u200b"],
        ["总分\u200b", "", "", "", "", "100\u200b", "100\u200b"],
    ]
    sub = read_grids([Grid("自评表", rows)])
    [ev] = sub.evaluations
    assert ev.header["项目名称"].raw == "测试项目"
    assert [i.actual.raw for i in ev.indicators] == ["120人", "95%"]
    assert ev.total_weight is not None and ev.total_weight.raw == "100"
    assert ev.total_score is not None and ev.total_score.raw == "100"
    assert not [f for f in sub.problems if f.severity is Severity.ERROR]


def test_a_report_table_copied_from_a_web_page_reads_as_printed(tmp_path):
    """丰都 辅警 2022's 绩效目标 table (tests/realworld/reports) in a .docx, every cell ending in U+200B and a BOM before
    each name: a report's tables go through the same door (`read_grids`), so its targets read as the published ones."""
    fixture = copy.deepcopy(tomllib.loads(FENGDU.read_text(encoding="utf-8")))
    [table] = fixture["tables"]
    table["rows"] = [[f"\ufeff{c}\u200b" if c else c for c in row] for row in table["rows"]]
    path = tmp_path / "report.docx"
    build_docx(fixture, path)
    sub = read_submission(path)
    got = [(i.name.text, i.target.text) for d in sub.declarations for i in d.indicators]
    assert got == [(n, t) for n, t, _ in FENGDU_TARGETS]
