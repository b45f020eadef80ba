"""Session 19 review (review19b, issue 12): false paths of the wrapped-line reading (wrap19) and of headings.

Variants of the stored real reports (tests/realworld/reports/) with a heading, label, unit or contents line put on a
line of its own (a manual break, as a Word document or a pasted web page has it) before a paragraph, the paragraph
also wrapped at 28 characters: one false path — a section heading "三、项目支出" before a numbered 功能分类 item
("6、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。主要用于：…。年初预算为42.73万元，支出决算为40.35万元")
lent the item's figures its subject (项目支出), held to the department's 项目支出合计: a false N01 警告 on an agreeing
fact (规划资源局 2024 p36/p38/p39). Not wrap19's join (the break is kept before a numbered item): the subject a short
figureless clause names was carried over the numbered item's sentence. A numbered item is a topic of its own now.
"""

from __future__ import annotations

import copy
import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_document_realreport import REPORTS, findings_at_paragraph

from perfxl.document.facts import extract_facts
from perfxl.document.plain_text import plain_narrative

GUIHUA = tomllib.loads((REPORTS / "shanghai-putuo-guihuaziyuan-juesuan-2024.toml").read_text(encoding="utf-8"))

ITEM = (
    "6、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。主要用于：行政单位医疗保险支出。"
    "年初预算为 42.73万元，支出决算为 40.35 万元，完成年初预算的 94.43%。"
)


def test_a_heading_lends_no_subject_to_the_numbered_item_under_it():
    facts = extract_facts(plain_narrative("三、项目支出\n" + ITEM)).facts
    assert [f.subject for f in facts] == [f.subject for f in extract_facts(plain_narrative(ITEM)).facts]
    assert all(f.subject != "项目支出" for f in facts)


def test_a_short_heading_still_names_the_sentence_after_it():
    # the subject a short clause names still carries to a sentence of its own with no subject ("公务接待费。预算数…")
    facts = extract_facts(plain_narrative("公务接待费。预算数10万元，决算数9万元。")).facts
    assert {f.subject for f in facts} == {"公务接待费"}


def _with_head(fixture: dict, paragraph: int, head: str) -> dict:
    fixture = copy.deepcopy(fixture)
    fixture["paragraphs"][paragraph - 1] = head + "\n" + fixture["paragraphs"][paragraph - 1]
    return fixture


@pytest.mark.parametrize("paragraph", [36, 38, 39])
def test_a_section_heading_before_a_numbered_item_is_no_false_warning(tmp_path: Path, paragraph: int):
    assert findings_at_paragraph(tmp_path, _with_head(GUIHUA, paragraph, "三、项目支出"), paragraph) == (
        findings_at_paragraph(tmp_path, GUIHUA, paragraph)
    )


# variants that held (no 错误 or 警告 the published text does not carry, across the 45 reports with tables)
HELD = [
    "填报单位：上海市普陀区规划和自然资源局",
    "一般公共预算财政拨款基本支出情况说明",
    "部门整体支出绩效情况",
    "单位：万元",
    "第二部分 部门决算情况说明",
    "Budget performance report",
]


@pytest.mark.parametrize("head", HELD)
def test_lines_before_a_paragraph_that_held(tmp_path: Path, head: str):
    assert findings_at_paragraph(tmp_path, _with_head(GUIHUA, 25, head), 25) == (
        findings_at_paragraph(tmp_path, GUIHUA, 25)
    )
