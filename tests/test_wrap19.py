"""Session 19 (wrap19, issue 12): a sentence wrapped at a page's width is read whole; a heading line stays a break.

A web page pasted into Word leaves a manual line break at each of its line ends, mid-clause and even mid-word. A line
holding no clause punctuation was read as a heading (perfxl.document.plain_text._unwrapped), so "…2024 年度财政拨款
收入⏎支出总计 9746.50 万元" (规划资源局 2024 p25, the benign-rewrite sweep's wrap at 28 characters) gave its figure
the subject "支出总计", held to the department's 本年支出合计 (9759.38): a false N01 错误. `_ends_heading` now asks for a
heading's evidence (a numbered heading, a title too short for any page, a list's line ending with its figure, a line
ending short of the next) and takes a line ending inside a clause (open bracket or quote, a connective, a 类/款 name
not closed, a next line opening with the figure whose subject is on this line) as a wrapped sentence.

The paragraphs are the stored reports' (tests/realworld/reports/), broken where the sweep breaks them.

And a PDF table's caption (the title and unit line printed above it) read as the .docx reader reads it: a title right
under the table above (its glyph box a hair into that table's box) and a unit line wrapped at the column's edge lost
it, so the PDF's 功能分类预算表 had no stage and the narrative was not held to its lines (司法局 2026, 万里街道 2024;
the LibreOffice exports themselves are compared in tests/test_document_pdf_parity.py, slow).
"""

from __future__ import annotations

import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_document_realreport import REPORTS, fast_share
from test_realreport_rewrites import wrapped

from perfxl.document.facts import extract_facts
from perfxl.document.pdf_text import PageText, lines_between, page_text
from perfxl.document.plain_text import plain_narrative
from perfxl.document.unit_above import caption_above, unit_line_above


def _read(text: str) -> list[tuple]:
    """(subject, role, value, parent) of every figure the paragraph states, as the cross-check reads it."""
    return [(f.subject, f.role, f.quantity.value, f.parent) for f in extract_facts(plain_narrative(text)).facts]


# ---------------------------------------------------------------- wrapped sentences read whole

WRAPPED = [
    # 规划资源局 2024 p25: the false N01 错误 (subject "支出总计" held to 本年支出合计)
    "上海市普陀区规划和自然资源局 2024 年度财政拨款收入\n支出总计 9746.50 万元。与 2023 年度相比，财\n"
    "政拨款收入支出总计增加 1193.20 万元，增长 13.95%。主\n要原因：项目支出增加，较上一度增加 1133.95 万元，主\n"
    "要由于上海市普陀区自然资源确权登记事务中心办公大楼装修等。",
    # 宜川路 2025 p46: a numbered 类-款-项 line broken inside the 项's name (its N01 警告 was lost)
    "15、社会保障和就业支出（类）行政事业单位养老支出（款）机\n关事业单位职业年金缴费支出（项）269.85 万元，主要\n"
    "用于:机关事业单位职业年金缴费支出。年初预算为 285.33 万\n元，支出决算为 269.86 万元。决算数小于预算数的主\n"
    "要原因：职业年金缴费按实缴费。",
    # 司法局 2026 p14: the 类/款 codes in the marks
    "7、社会保障和就业支出（208类）行政事业单位养老支出（05款）行\n政单位离退休（01项）56.12万元。主要用于：退休人员\n"
    "支出。2025年当年预算执行数为57.43万元，2026年\n预算安排57.8万元，比2025年预算执行数减少2.27%。主\n"
    "要原因是：退休实有人数减少。",
    # 政府办 2025 p16: the quoted name closed, the break inside "科目" before the figure
    "9. “卫生健康支出-行政事业单位医疗-行政单位医疗”科\n目78.29万元，主要用于财政部门集中安排的行政单位基本\n医疗保险费缴费经费。",
    # 政府办 2025 p8: a quote opened and not closed at the line's end
    "1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行\n政运行”科目1,202.95万元，主要用于行政单位的基本\n支出。",
    # 宜川路 2025 p72: "比 2024 年⏎度减少" — the change's subject is before the break
    "2025 年度“三公”经费财政拨款支出决算数比 2024 年\n度减少 3.59 万元，下降 15.31%，其中：公务用\n"
    "车购置及运行维护费支出决算减少 3.59 万元，下降 15.31%；公\n务接待费支出决算增加 0.3 万元，增长 100%。",
    # 宁德 2023 p8: a numbered field "(3)数量目标:…" is a sentence, not a heading
    "(3)數量目標:當年獲得寧德市級以上確認的人才驛站數量績\n效目標值是2個,實際完成值為0個,目標完成率為0%。",
    # 保山 2020 p11: "一是…" opens a list item in prose, not a heading
    "一是省级文物保护单位老营李将军府抢救性修缮工程第三方审定\n预算控制数为545万元,分别于2020年1月下达第一笔经\n费250万元。",
    # 清远 2019 p2: a mirror's pinyin glosses are part of the width a line runs to
    "清遠(yuǎn)市生態(tài)環(huán)境局2019年\n度“三公”經(jīng)費(fèi)財(cái)政撥款支\n出決算為17.06萬元,完成預(yù)算27萬元的63.2%。",
    # 云南应急厅 2020 p5: a rate's denominator "6.5次/10万⏎公顷" is no list line's figure
    "绩效年度目标:云南省森林火灾发生率控制在6.5次/10万\n公顷以下,年森林火灾受灾率控制在1‰以内。",
]


@pytest.mark.parametrize("typed", WRAPPED, ids=lambda t: t[:12])
def test_a_sentence_wrapped_at_a_pages_width_reads_as_published(typed):
    assert plain_narrative(typed) == plain_narrative(typed.replace("\n", ""))
    assert _read(typed) == _read(typed.replace("\n", ""))


def test_the_wrapped_total_keeps_its_whole_subject():
    """规划资源局 p25: the figure is the 财政拨款 收入支出总计 (9746.50, the subject as the reader names it: 财政拨款 is
    the fund's name, kept apart), not a bare 支出总计 — and the paragraph is one sentence line."""
    (first, *_) = extract_facts(plain_narrative(WRAPPED[0])).facts
    assert (first.subject, first.quantity.value) == ("上海市普陀区规划和自然资源局2024年度收入支出", Decimal("9746.50"))
    assert "\n" not in plain_narrative(WRAPPED[0])


# ---------------------------------------------------------------- headings, titles, list lines stay breaks

HEADED = [
    # a numbered heading as long as a page's line, then its body wrapped (规划资源局 2024 p28-29 in one paragraph)
    (
        "（一）一般公共预算财政拨款支出决算总体情况",
        "一般公共预算财政拨款支出 9746.50 万元，占本年支\n出合计的 99.86%。",
    ),
    (
        "二、2022年一般公共预算“三公”经费支出预算情况说明",
        "寿县司法局2022年一般公共预算“三公”经费支出预算为79万\n元,比上年预算减少49万元,下降38.28%。",
    ),
    ("一、收入支出决算总体情况", "本年收入"),
    ("一、基本情况", "项目支出1336.92万元。"),
    # a title too short for any page's line
    ("项目绩效自评报告", "自评得分100分"),
    # a list, one item with its figure a line (重庆荣昌 2022)
    ("森林资源专项调查200万", "2022年度林业中介服务项目50万元"),
    # a form's label lines
    ("项目名称：溪口雷笋保护工程", "项目金额：166万元"),
    # an unnumbered heading well short of its body's lines
    ("绩效目标完成情况分析", "资金投入情况：年初预算安排100万元，全年执行100万元，执行率100%。"),
]


@pytest.mark.parametrize(("heading", "body"), HEADED, ids=lambda x: x[:8])
def test_a_heading_line_stays_a_break(heading, body):
    assert plain_narrative(f"{heading}\n{body}") == f"{plain_narrative(heading)}\n{plain_narrative(body)}"


# ---------------------------------------------------------------- every stored paragraph, wrapped at a page's widths


def _paragraphs(paths: list[Path]) -> list[str]:
    return [p for path in paths for p in tomllib.loads(path.read_text(encoding="utf-8")).get("paragraphs", [])]


_ALL = sorted(REPORTS.glob("*.toml"))
_SHARE = fast_share(_ALL)


@pytest.mark.parametrize(
    "paths",
    [
        pytest.param(_SHARE, id="share"),
        pytest.param(
            [p for p in _ALL if p not in set(_SHARE)], id="rest", marks=pytest.mark.slow(reason="every stored report")
        ),
    ],
)
@pytest.mark.parametrize("width", [24, 28, 36, 45])
def test_every_stored_paragraph_wrapped_states_the_published_figures(paths, width):
    """Each stored paragraph broken every `width` characters between two ideographs (the sweep's wrap at 28, and a
    narrower and two wider pages) states the same figures with the same subjects as published. At main before this
    session 155 of the 1869 paragraphs read otherwise at 28 characters, 206 at 24, 63 at 36."""
    differ = [p[:40] for p in _paragraphs(paths) if _read(wrapped(p, width)) != _read(p)]
    assert not differ, differ


# ---------------------------------------------------------------- a PDF table's caption read as the .docx's


def _page(lines: list[tuple[str, float, float, float]], width: float = 612.0) -> PageText:
    """A page of text lines outside its tables: (text, left, top, font size), characters set one after the other
    (a full-width one a font size wide, an ASCII one half), as `pdf_reader` hands them to `pdf_text` (centre x,
    centre y, top, text, x0, x1)."""
    chars = []
    for text, x, top, size in lines:
        for ch in text:
            w = size / 2 if ch.isascii() else size
            chars.append((x + w / 2, top + size / 2, top, ch, x, x + w))
            x += w
    return page_text(1, chars, [], width)


def test_a_caption_a_hair_into_the_table_above_is_this_tables():
    """司法局 2026 (LibreOffice PDF, ruled): the 功能分类预算表's title prints right under 表1's continuation, its glyph
    box's top (319.9) 0.55 pt above 表1's bottom rule (320.45) — it was no line "between" the tables, so the PDF
    table had no caption, no stage (预算/决算), and the narrative was not held to its lines (N01 at p14, p20 lost)."""
    page = _page(
        [
            ("2026年预算单位一般公共预算支出功能分类预算表", 90.1, 319.9, 11.0),
            ("编制单位：上海市普陀区司法局 单位：元", 90.1, 344.6, 11.0),
        ]
    )
    between = lines_between(page, 320.45, 370.35)
    assert (
        caption_above(between) == "2026年预算单位一般公共预算支出功能分类预算表\n编制单位：上海市普陀区司法局 单位：元"
    )


def test_a_unit_line_wrapped_at_the_column_edge_is_read_whole():
    """万里街道 2024 (published layout, 16 pt): "编制部门：…万里街道办事处 单" runs to the column's edge and "位：元" goes on
    below — the two halves were the "two lines above" the table, so its title fell out of the caption."""
    page = _page(
        [
            ("收入总计 156,211,123 支出总计", 90.1, 300.0, 16.0),  # a narrative line further up
            ("2024 年部门一般公共预算支出功能分类预算表", 122.1, 396.7, 16.0),
            ("编制部门：上海市普陀区人民政府万里街道办事处 单", 122.1, 428.1, 16.0),
            ("位：元", 90.1, 449.5, 16.0),
        ]
    )
    between = lines_between(page, 397.65, 482.35)
    assert between == [
        "2024 年部门一般公共预算支出功能分类预算表",
        "编制部门：上海市普陀区人民政府万里街道办事处 单位：元",
    ]
    assert unit_line_above(between).endswith("单位：元")
    assert caption_above(between).startswith("2024 年部门一般公共预算支出功能分类预算表\n")
