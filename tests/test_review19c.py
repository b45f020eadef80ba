"""review19c (issue 12): false paths of rgaps19's readings (docs/documents.md "rgaps19"), each on a real report of
tests/realworld/reports rewritten as a filing might print it — an 错误 or a 警告 the printed figures do not support:

* a 三公 item's change rate held to the table's level (`table_wholes.change_rate_on_table_level`) when its sentence
  speaks of another year ("2024年度…比2023年度" in the 2025 report: the table's level is 2025's) — now unread; when it
  names other money than the 财政拨款 table's ("全部资金…") — a 警告 saying so;
* a share of 本年支出合计 (`share_of_named_total`) of another year's figure ("2023年度…8553.30万元，占当年支出合计的…"),
  or of the figure before it that is a change ("…比上年增加1193.20万元，占本年支出合计的12.23%": the share was taken of
  the level before the change) — now unread;
* a statement that there is none (`check_none_stated`) of one kind of money or of a part of the department ("无使用
  政府性基金安排的“三公”经费预算", "下属单位…无") against the 三公 table's whole — now quiet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import report_fixture
from test_document_realreport import report_findings, with_paragraph

from perfxl.model import TextRef

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"


_fixture = report_fixture


YICHUAN = _fixture("shanghai-putuo-yichuan-juesuan-2025")
GUIHUA = _fixture("shanghai-putuo-guihuaziyuan-juesuan-2024")
WANLI = _fixture("shanghai-putuo-wanli-yusuan-2024")


def _findings(tmp_path: Path, fixture: dict, paragraph: int, code: str) -> list[str]:
    return [
        f.severity.value
        for f in report_findings(tmp_path, fixture)  # the report read once, a variant's paragraph in memory
        if isinstance(f.ref, TextRef) and f.ref.paragraph == paragraph and f.code == code and f.severity.value != "info"
    ]


# ---------------------------------------------------------------- a 三公 item's change rate on the table's level

HEAD = "2025 年度“三公”经费财政拨款支出决算数比 2024 年度"


def test_item_change_rate_of_another_year_is_unread(tmp_path: Path) -> None:
    """宜川路 p72 as a paragraph about 2024 on 2023: the table's 19.56 is 2025's, no level of 2024 — quiet."""
    fixture = with_paragraph(YICHUAN, 72, HEAD, "2024 年度“三公”经费财政拨款支出决算数比 2023 年度")
    assert _findings(tmp_path, fixture, 72, "N02") == []


def test_item_change_rate_of_other_money_is_a_warning(tmp_path: Path) -> None:
    """全部资金's 三公 change against the 财政拨款 table's level: a reading, so a 警告."""
    fixture = with_paragraph(YICHUAN, 72, HEAD, "2025 年度全部资金“三公”经费支出决算数比 2024 年度")
    assert _findings(tmp_path, fixture, 72, "N02") == ["warning"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("减少 3.59 万元，下降 15.31%；", "减少 35900 元，下降 15.31%；", ["error"]),  # 元 against 万元: still wrong
        ("减少 3.59 万元，下降 15.31%；", "减少 35900 元，下降 15.51%；", []),
        ("减少 3.59 万元，下降 15.31%；", "增加 -3.59 万元，增长 -15.51%；", []),  # a fall worded as negative growth
        # another base (上年预算): the table's last-year column is no base of it, but this year's 决算 19.56 (p74) less
        # the change is the base whatever its stage — 3.59 / 23.15 = 15.51%, not 15.31%: prose24's rate with its level
        # in another paragraph, a 警告 (the item paired by name)
        ("决算减少 3.59 万元，下降 15.31%；", "决算比上年预算减少 3.59 万元，下降 15.31%；", ["warning"]),
        (HEAD, "2025 年度“三公”经费财政拨款支出决算数与上年相比", ["error"]),  # 与上年: last year, still held
    ],
)
def test_item_change_rate_variants_held(tmp_path: Path, old: str, new: str, expected: list[str]) -> None:
    assert _findings(tmp_path, with_paragraph(YICHUAN, 72, old, new), 72, "N02") == expected


# ---------------------------------------------------------------- a share of 本年支出合计 printed only in a table

SHARE = "一般公共预算财政拨款支出 9746.50 万元，占本年支出合计的 99.86%。"


@pytest.mark.parametrize(
    "text",
    [
        "2023 年度一般公共预算财政拨款支出 8553.30 万元，占当年支出合计的 99.80%。",  # another year's part
        "2023 年度一般公共预算财政拨款支出 8553.30 万元，占本年支出合计的 99.80%。",
        # the share is of the change before it (1193.20 / 9759.38 = 12.23%), not of the level
        "一般公共预算财政拨款支出 9746.50 万元，占本年支出合计的 99.87%，比上年增加 1193.20 万元，占本年支出合计的 12.23%。",
    ],
)
def test_share_of_named_total_not_the_tables(tmp_path: Path, text: str) -> None:
    assert _findings(tmp_path, with_paragraph(GUIHUA, 28, SHARE, text), 28, "N02") == []


def test_share_of_named_total_still_read(tmp_path: Path) -> None:
    text = "2024 年度一般公共预算财政拨款支出 9746.50 万元，占本年支出合计的 98.86%。"
    assert _findings(tmp_path, with_paragraph(GUIHUA, 28, SHARE, text), 28, "N02") == ["error"]


# ---------------------------------------------------------------- a statement that there is none, of a part

NOTE = "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。"


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("本部门2024年无使用政府性基金安排的“三公”经费预算。", []),  # one kind of money: true beside the table
        ("本部门无国有资本经营预算安排的“三公”经费预算。", []),
        ("本部门下属单位2024年无“三公”经费预算。", []),  # a part of the department
        ("本部门2024年无公务用车购置预算。", ["warning"]),  # the table prints 购置费 25: still said
    ],
)
def test_none_stated_of_a_part(tmp_path: Path, note: str, expected: list[str]) -> None:
    assert _findings(tmp_path, with_paragraph(WANLI, 47, NOTE, note), 47, "N01") == expected


# ---------------------------------------------------------------- a change whose two levels stand in other paragraphs

ORDOS = _fixture("unknown-ordos-sangong-2022")


@pytest.mark.parametrize(
    ("paragraph", "old", "new"),
    [
        # the two levels of other money: no pair (0.58 may be right for either money's own two figures)
        (4, "2021年度“三公”经费合计支出", "2021年度一般公共预算财政拨款“三公”经费合计支出"),
        (2, "2022年度“三公”经费预算总计", "2022年度全部资金“三公”经费预算总计"),
    ],
)
def test_change_apart_levels_of_other_money(tmp_path: Path, paragraph: int, old: str, new: str) -> None:
    assert _findings(tmp_path, with_paragraph(ORDOS, paragraph, old, new), 5, "N02") == []


def test_change_apart_levels_of_one_money_still_read(tmp_path: Path) -> None:
    fixture = with_paragraph(ORDOS, 4, "2021年度“三公”经费合计支出", "2021年度“三公”经费预算")  # 预算 on 预算: a pair
    assert _findings(tmp_path, fixture, 5, "N02") == ["warning"]
