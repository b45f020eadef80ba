"""review20a (issue 12): false paths of sum20's readings — the narrative's 财政拨款收入 held to the sum of a 收支总表's
three 财政拨款 lines (`table_lines.appropriation_sum`), and a change naming no stage held to a 三公 table's 上年预算数.

Each test failed before its fix as its docstring says. The tables are realistic variants of the published forms
(tests/test_sum20.py holds the real ones: 宜川路 2025, 文旅局 2025 …).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from report_helpers import report_fixture
from test_document_realreport import report_findings, with_paragraph

from perfxl.model import TextRef

YICHUAN = report_fixture("shanghai-putuo-yichuan-juesuan-2025")


def _findings(path: Path, fixture: dict) -> dict[int, list]:
    """validate_file's narrative findings of `fixture` built as a .docx in `path`'s folder (`report_findings`: a report
    of the same tables read once, a variant's changed paragraphs read in memory)."""
    out: dict[int, list] = defaultdict(list)
    for f in report_findings(path.parent, fixture):
        if isinstance(f.ref, TextRef) and f.code != "N04":
            out[f.ref.paragraph].append(f)
    return out


def _carried_kinds(text: str) -> dict:
    """A 财政拨款收支预算总表 whose 本年收入 lines name the money without "拨款" (一般公共预算资金, 政府性基金, 国有资本经营
    预算: 500 + 20 + blank = 520) and whose 上年结转 lines below do ("一般公共预算拨款" 20, the others blank)."""
    return {
        "paragraphs": ["某部门2025年部门预算", "财政拨款收支预算总表", "单位：万元", text],
        "tables": [
            {
                "name": "财政拨款收支预算总表",
                "after": 3,
                "rows": [
                    ["收入", "", "支出", ""],
                    ["项目", "预算数", "项目", "预算数"],
                    ["一、本年收入", "520.00", "一、本年支出", "540.00"],
                    ["（一）一般公共预算资金", "500.00", "一般公共服务支出", "540.00"],
                    ["（二）政府性基金", "20.00", "", ""],
                    ["（三）国有资本经营预算", "", "", ""],
                    ["二、上年结转", "20.00", "二、年末结转和结余", ""],
                    ["（一）一般公共预算拨款", "20.00", "", ""],
                    ["（二）政府性基金预算拨款", "", "", ""],
                    ["（三）国有资本经营预算拨款", "", "", ""],
                    ["收入总计", "540.00", "支出总计", "540.00"],
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    "text", ["其中：财政拨款收入520.00万元。", "2025年收入预算520.00万元，其中：财政拨款收入520.00万元。"]
)
def test_the_carried_over_kinds_are_not_this_years_appropriation(tmp_path, text):
    """Before: an N01 错误 "…“一般公共预算拨款”“政府性基金预算拨款”“国有资本经营预算拨款”三行之和为 20万元" — the three
    lines under 二、上年结转 (last year's money carried in) summed as this year's 财政拨款收入. A kind line below a
    结转/结余 line of its side is the carried money's: no sum of this year's (here none: the 本年 lines are named
    otherwise), nothing said."""
    found = _findings(tmp_path / "r.docx", _carried_kinds(text))[4]
    assert [f for f in found if "三行之和" in f.message] == []
    assert [f for f in found if f.severity.value == "error"] == []


_YICHUAN_24 = "上海市普陀区人民政府宜川路街道办事处 2025 年度财政拨款收入支出总计 20323.21 万元。"


@pytest.mark.parametrize(
    "said",
    [
        "2025 年度财政拨款收入 20500.00 万元，其中：本年财政拨款收入 20323.21 万元，年初财政拨款结转和结余 176.79 万元。",
        "2025 年度财政拨款收入 20500.00 万元，其中：本年收入 20323.21 万元，上年结转 176.79 万元。",
        "2025 年度财政拨款收入 20500.00 万元（含上年结转176.79万元）。",
        "2025 年度财政拨款收入 20500.00 万元，包括上年结转176.79万元。",
    ],
)
def test_a_total_its_sentence_says_holds_the_carried_money_is_not_held_to_the_three_lines(tmp_path, said):
    """Before: an N01 错误 "…三行之和为 20323.21万元" on a 财政拨款收入 whose own sentence counts the 上年结转 in (宜川路
    2025's 收支总表, its paragraph 24 so rewritten): the figure is by its words this year's and the carried money's,
    whatever the three lines of this year's sum to — nothing said of it against them."""
    fixture = with_paragraph(YICHUAN, 24, _YICHUAN_24, said)
    found = _findings(tmp_path / "r.docx", fixture)[24]
    assert [f for f in found if "三行之和" in f.message] == []


def test_this_years_appropriation_beside_the_carried_money_is_still_held(tmp_path):
    """The part of this year's in such a sentence ("其中：本年财政拨款收入20300.00万元") is held as before: one N01 错误."""
    said = "2025 年度财政拨款收入 20476.79 万元，其中：本年财政拨款收入 20300.00 万元，年初财政拨款结转和结余 176.79 万元。"
    found = _findings(tmp_path / "r.docx", with_paragraph(YICHUAN, 24, _YICHUAN_24, said))[24]
    assert [(f.code, f.severity.value) for f in found if "三行之和" in f.message] == [("N01", "error")]


def test_a_figure_agreeing_with_the_sum_and_the_carried_money_is_a_warning(tmp_path):
    """Before: an N01 错误 on 文旅局 2025's "其中：财政拨款收入 26591.08万元" (so rewritten) against the three lines' 26538.47
    — yet 26538.47 + 年初结转和结余 52.61 = 26591.08: the carried money counted in, a loose name more likely than a wrong
    figure. Now an N01 警告 saying so (is the 结转 in it: a guess); a figure agreeing with neither stays an 错误."""
    wenlv = report_fixture("shanghai-putuo-wenlv-juesuan-2025")
    printed = "财政拨款收入 26538.47万元"
    loose = _findings(tmp_path / "a.docx", with_paragraph(wenlv, 16, printed, "财政拨款收入 26591.08万元"))[16]
    assert [(f.code, f.severity.value) for f in loose] == [("N01", "warning")]
    assert "26538.47" in loose[0].message and "是否含上年结转系推测" in loose[0].message
    wrong = _findings(tmp_path / "b.docx", with_paragraph(wenlv, 16, printed, "财政拨款收入 26500.00万元"))[16]
    assert [(f.code, f.severity.value) for f in wrong] == [("N01", "error")]


def _central(text: str) -> dict:
    """A 财政拨款收支总表 of the central form: 本年收入's three 拨款 lines (500 + 20 + blank = 520), then 二、上年结转 20
    with its own three 拨款 lines (20, blank, blank)."""
    fixture = _carried_kinds(text)
    rows = fixture["tables"][0]["rows"]
    for i, name in ((3, "（一）一般公共预算拨款"), (4, "（二）政府性基金预算拨款"), (5, "（三）国有资本经营预算拨款")):
        rows[i][0] = name
    return fixture


@pytest.mark.parametrize(
    ("text", "said"),
    [("其中：财政拨款收入520.00万元。", []), ("其中：财政拨款收入540.00万元。", [("N01", "warning")])],
)
def test_the_central_form_sums_this_years_three_lines_only(tmp_path, text, said):
    """The three lines under 本年收入 summed (520), never those under 上年结转; 540 = 520 + 上年结转 20 a 警告 at most."""
    found = _findings(tmp_path / "r.docx", _central(text))[4]
    assert [(f.code, f.severity.value) for f in found] == said


# ---------------------------------------------------------------- a change of a budget on last year's spending


def _budgets(said: str, *, final: bool = False) -> dict:
    """A 预算 publication's 三公 table printing last year's 预算 (40.00) beside this year's (45.20) — and, `final`, last
    year's 决算 (36.00) too."""
    header = ["项目", "2025年预算数", "2026年预算数"]
    rows = [
        ["合计", "40.00", "45.20"],
        ["因公出国（境）费", "0.00", "0.00"],
        ["公务接待费", "10.00", "12.00"],
        ["公务用车购置及运行维护费", "30.00", "33.20"],
    ]
    if final:
        header.insert(2, "2025年决算数")
        for row, spent in zip(rows, ("36.00", "0.00", "8.00", "28.00"), strict=True):
            row.insert(2, spent)
    return {
        "paragraphs": ["2026年“三公”经费预算情况说明", "单位：万元", said],
        "tables": [{"name": "表1", "after": 2, "merges": [], "rows": [header, *rows]}],
    }


@pytest.mark.parametrize(
    "said",
    [
        "2026年“三公”经费预算45.2万元，比上年决算增加9.2万元。",
        "2026年“三公”经费预算45.2万元，较上年实际支出增加9.2万元，增长25.56%。",
        "2026年“三公”经费预算45.2万元，比上年预计执行数增加9.2万元。",
        "2026年公务接待费预算12万元，比上年决算增加4万元。",
    ],
)
def test_a_budgets_change_on_last_years_spending_is_not_held_to_last_years_budget(tmp_path, said):
    """Before: an N01 警告 "…预算数与上年预算数之差为 5.2万元" on a budget's change its words put on last year's 决算
    (执行数, 实际支出), where the table prints no 上年决算 — the base its words name is not printed: nothing said."""
    assert _findings(tmp_path / "r.docx", _budgets(said))[3] == []


@pytest.mark.parametrize(
    ("said", "warned"),
    [
        ("2026年“三公”经费预算45.2万元，比上年决算增加9.2万元。", False),  # 45.20 − 36.00
        ("2026年“三公”经费预算45.2万元，比上年决算增加5.2万元。", True),  # on 上年预算, not the 决算 its words name
        ("2026年“三公”经费预算45.2万元，比上年预算增加6万元。", True),
        ("2026年“三公”经费预算45.2万元，比上年增加5.2万元。", False),
    ],
)
def test_a_budgets_change_on_last_years_spending_is_held_to_it_where_printed(tmp_path, said, warned):
    """Where the table prints last year's 决算, a budget's change its words put on it is held to 预算 − 上年决算 alone (a
    警告 when it disagrees: the 警告 path kept); on 上年预算 or naming none, as sum20 held it."""
    found = _findings(tmp_path / "r.docx", _budgets(said, final=True))[3]
    assert [(f.code, f.severity.value) for f in found] == ([("N01", "warning")] if warned else [])
