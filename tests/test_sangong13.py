"""A “三公”经费 决算表 / 统计表 published on its own is read (real reports 13, sangong13).

Before: such a table was "没有找到可识别的自评表或基础数据表", so 衢江 2016 p1's 995/38/958 against its own table's
996/37/959 went unseen. Now its rows are read into the 基础数据表's 三公 rows (perfxl/layout/three_public.py) in either
orientation: the table's own sums (B03) and 决算 above 预算 (B05, B16) are checked at their cells, and the narrative is
held to it by the same names (N01) — a year read as 决算, or no printed unit, makes such a finding a 警告 that says so.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import Table, render
from test_document_realreport import REPORTS, build_docx

from perfxl.document.facts import extract_facts
from perfxl.document.read import read_document
from perfxl.model import CellRef, TextRef
from perfxl.reader import read_submission as read_workbook
from perfxl.validate import validate_file

#: Items as columns, 预算数 │ 决算数 under each (嘉定 2017's shape), correct: 22 = 14 + 8, 8.77 = 8.47 + 0.30,
#: 14 = 6 + 8, 8.47 = 0.47 + 8.00.
COLUMNS = [
    ["2023年“三公”经费支出决算表", "", "", "", "", "", "", "", "", "", "", ""],
    ["单位:万元", "", "", "", "", "", "", "", "", "", "", ""],
    ["合计", "", "因公出国(境)费", "", "公务用车购置及运行费", "", "", "", "", "", "公务接待费", ""],
    ["", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行费", "", "", ""],
    [
        "预算数",
        "决算数",
        "预算数",
        "决算数",
        "预算数",
        "决算数",
        "预算数",
        "决算数",
        "预算数",
        "决算数",
        "预算数",
        "决算数",
    ],
    ["22.00", "8.77", "0", "0", "14.00", "8.47", "6.00", "0.47", "8.00", "8.00", "8.00", "0.30"],
]
COLUMN_MERGES = ["A1:L1", "A2:L2", "A3:B4", "C3:D4", "E3:J3", "K3:L4", "E4:F4", "G4:H4", "I4:J4"]

#: Items as rows under 上年决算数 │ 本年预算数 │ 本年决算数 (施甸 2016's shape), correct.
ROWS = [
    ["2023年“三公”经费统计表（单位：元）", "", "", ""],
    ["项目", "上年决算数", "本年预算数", "本年决算数"],
    ["合计", "30000", "28000", "25000"],
    ["1.因公出国(境)费", "0", "0", "0"],
    ["2.公务接待费", "12000", "10000", "9000"],
    ["3.公务用车购置及运行费", "18000", "18000", "16000"],
    ["其中:(1)公务用车购置费", "0", "0", "0"],
    ["(2)公务用车运行费", "18000", "18000", "16000"],
]
ROW_MERGES = ["A1:D1"]


def _workbook(rows: list[list[str]], merges: list[str], tmp_path: Path, name: str) -> Path:
    table = Table(tmp_path / f"{name}.toml", rows, merges, [], meta={"typed_in_excel": True})
    return render(table, tmp_path)


def _edit(rows: list[list[str]], r: int, c: int, text: str) -> list[list[str]]:
    out = [list(row) for row in rows]
    out[r][c] = text
    return out


def _errors(path: Path) -> list:
    return [f for f in validate_file(path).findings if f.severity.value == "error"]


@pytest.mark.parametrize(
    ("rows", "merges", "unit"), [(COLUMNS, COLUMN_MERGES, "万元"), (ROWS, ROW_MERGES, "元")], ids=["columns", "rows"]
)
def test_a_three_public_table_is_read_in_either_orientation(rows, merges, unit, tmp_path):
    path = _workbook(rows, merges, tmp_path, "t")
    sub = read_workbook(path)
    assert sub.basic is not None and sub.basic.source == "three_public"
    assert sub.basic.unit == unit and not sub.basic.guess
    keys = {r.key for r in sub.basic.rows}
    assert {"three_public", "reception", "car", "car_running"} <= keys
    assert not any(p.code in ("LAYOUT_NO_TABLE", "LAYOUT_UNMAPPED_ROW") for p in sub.problems)
    assert not _errors(path)  # a correct table is quiet


@pytest.mark.parametrize(
    ("rows", "merges", "cell", "wrong", "ref"),
    [
        (COLUMNS, COLUMN_MERGES, (5, 1), "8.87", "B6"),  # 合计 决算 8.87 ≠ 8.47 + 0.30
        (COLUMNS, COLUMN_MERGES, (5, 9), "8.10", "F6"),  # 小计 决算 8.47 ≠ 0.47 + 8.10 (the 运行费 changed)
        (ROWS, ROW_MERGES, (2, 3), "26000", "D3"),  # 合计 本年决算 26000 ≠ 0 + 9000 + 16000
        (ROWS, ROW_MERGES, (7, 1), "18500", "B6"),  # 公务用车 上年决算 18000 ≠ 0 + 18500 (the 运行费 changed)
    ],
    ids=["columns-total", "columns-car", "rows-total", "rows-car"],
)
def test_a_total_not_the_sum_of_its_items_is_b03_at_its_cell(rows, merges, cell, wrong, ref, tmp_path):
    path = _workbook(_edit(rows, *cell, wrong), merges, tmp_path, "t")
    found = [f for f in _errors(path) if f.code == "B03"]
    assert [f.ref.cell for f in found if isinstance(f.ref, CellRef)] == [ref], found


def test_spending_above_budget_is_the_overspend_check(tmp_path):
    # 公务接待费 决算 8.60 above its 预算 8.00: B16 at L6; the 三公 total 决算 22.30 (= 13.70 + 8.60) above 22.00: B05 at B6
    rows = [
        *COLUMNS[:5],
        ["22.00", "22.30", "0", "0", "14.00", "13.70", "6.00", "5.70", "8.00", "8.00", "8.00", "8.60"],
    ]
    found = {(f.code, f.ref.cell) for f in validate_file(_workbook(rows, COLUMN_MERGES, tmp_path, "o")).findings}
    assert ("B16", "L6") in found and ("B05", "B6") in found, found
    assert not any(code == "B03" for code, _ in found)


def test_a_figure_of_another_name_beside_the_items_leaves_the_bare_total_unsummed(tmp_path):
    # 合计 │ 因公出国 │ 公务接待 │ 公务用车 │ 会议费: the 合计 may hold the 会议费 — no certain 三公 total
    rows = [
        ["项目", "合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "会议费"],
        ["本年决算数", "30", "0", "10", "15", "5"],
    ]
    path = _workbook(rows, [], tmp_path, "m")
    assert not [f for f in _errors(path) if f.code == "B03"]
    sub = read_workbook(path)
    assert sub.basic is not None and sub.basic.row("three_public") is None


def test_years_as_rows_are_read_as_final_accounts_by_a_stated_guess(tmp_path):
    rows = [
        ["年度", "合计", "因公出国(境)经费", "公务接待费", "公车购置及运行维护费", "", ""],
        ["", "", "", "", "合计", "车辆购置", "车辆运行"],
        ["2015年", "2840", "90", "1400", "1350", "73", "1277"],
        ["2016年", "2364", "12", "1356", "996", "37", "959"],
        ["2016年比2015年增减%", "-16.77", "-86.62", "-3.14", "-26.24", "-47.95", "-24.98"],
    ]
    sub = read_workbook(_workbook(rows, ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1"], tmp_path, "y"))
    basic = sub.basic
    assert basic is not None and "按决算数读取" in basic.guess and basic.unit == ""
    car = basic.row("car")
    assert car is not None and (car.prev_final.text, car.final.text) == ("1350", "996")
    assert basic.row("car_purchase").parent == "car"


def _report(name: str, tmp_path: Path) -> Path:
    fixture = tomllib.loads((REPORTS / f"{name}.toml").read_text(encoding="utf-8"))
    path = tmp_path / f"{name}.docx"
    build_docx(fixture, path)
    return path


def test_qujiang_narrative_is_held_to_its_own_table(tmp_path):
    """衢江 2016 p1: 995/38/958 against the table's 996/37/959 — three N01 警告 that state the guesses; the rates and
    the agreeing figures stay quiet."""
    result = validate_file(_report("zhejiang-qujiang-sangong-juesuan-2016", tmp_path))
    n01 = [f for f in result.findings if f.code == "N01" and isinstance(f.ref, TextRef)]
    assert sorted(f.actual for f in n01) == ["38万元", "958万元", "995万元"], [f.message for f in n01]
    assert all(f.severity.value == "warning" and "按决算数读取" in f.basis for f in n01)
    # re-judged by hand (review18c): the table's own 车辆购置 −47.95% and 车辆运行 −24.98% lie outside what its rounded
    # amounts allow (they are the paragraph's 38/73 − 1 and 958/1277 − 1) — B19's two 错误, the only ones
    errors = sorted((f.code, f.ref.cell) for f in result.findings if f.severity.value == "error")
    assert errors == [("B19", "F5"), ("B19", "G5")]


def test_a_table_with_budget_and_final_columns_is_held_to_the_narrative(tmp_path):
    """嘉定 2017's shape: 预算数/决算数 printed, only the unit missing from the table — a wrong narrative figure is a
    警告 (the unit is assumed from the text), never silence; the published figures agree and stay quiet. Its unit
    printed on the line above the table (as published) makes it an 错误."""
    path = _report("shanghai-jiading-sifaju-sangong-2017", tmp_path)
    doc = tmp_path / "changed.docx"
    fixture = tomllib.loads((REPORTS / "shanghai-jiading-sifaju-sangong-2017.toml").read_text(encoding="utf-8"))
    # 公务接待费 0.40 (its rate made to agree, 0.40 / 8.00 = 5.00%) against the table's 0.30
    fixture["paragraphs"][4] = fixture["paragraphs"][4].replace(
        "公务接待费支出决算为0.30万元,完成预算的3.75%", "公务接待费支出决算为0.40万元,完成预算的5.00%"
    )
    build_docx(fixture, doc)
    assert not [f for f in validate_file(path).findings if f.code == "N01"]
    # as published, the table stands under "单位:万元" (the fixture's `after`, docs14): the unit is printed, the
    # contradiction certain, its basis naming the line
    n01 = [f for f in validate_file(doc).findings if f.code == "N01" and f.ref.paragraph == 5]
    assert n01 and n01[0].severity.value == "error" and "上方的“单位:万元”" in n01[0].basis, n01
    # the table with no unit anywhere (built after the paragraphs, as before docs14): the unit is assumed, a 警告 —
    # but 0.40 also breaks the paragraph's own 其中 sum (0 + 8.47 + 0.40 = 8.87 > 8.77, read since reports32), a
    # certain N02 the guessed N01 gives way to (a figure is reported once: run_state.contradicted_by)
    del fixture["tables"][0]["after"]
    build_docx(fixture, doc)
    found = [f for f in validate_file(doc).findings if f.ref is not None and getattr(f.ref, "paragraph", None) == 5]
    n02 = [f for f in found if f.code == "N02" and "8.87万元" in f.message]
    assert n02 and n02[0].severity.value == "error", found
    assert not [f for f in found if f.code == "N01" and "公务接待费决算数" in f.message], found
    # the sum kept whole (公务用车 8.47 → 8.37 beside 0.40): the 公务接待费 figure is held to the table alone, the unit
    # assumed — a 警告
    fixture["paragraphs"][4] = fixture["paragraphs"][4].replace("支出决算为8.47万元", "支出决算为8.37万元")
    build_docx(fixture, doc)
    n01 = [
        f
        for f in validate_file(doc).findings
        if f.code == "N01" and f.ref.paragraph == 5 and "公务接待费决算数" in f.message
    ]
    assert n01 and n01[0].severity.value == "warning" and "未注明金额单位" in n01[0].basis, n01


def test_a_change_after_a_closed_qizhong_bracket_is_the_bracketed_figures():
    text = "公车购置及运行费995万元(其中公务用车购置费38万元,公务用车运行费958万元),比上年决算数下降26.24%。"
    facts = extract_facts(text, 0).facts
    rate = next(f for f in facts if f.role == "change_rate")
    assert rate.subject == "公车购置及运行费"


def test_the_report_reads_its_three_public_table(tmp_path):
    sub = read_document(_report("yunnan-shidian-sangong-tongjibiao-2016", tmp_path))
    assert sub.basic is not None and sub.basic.source == "three_public"
    assert [r.key for r in sub.basic.rows] == [
        "three_public",
        "overseas",
        "reception",
        "car",
        "car_purchase",
        "car_running",
    ]


def test_a_table_without_a_unit_is_compared_in_the_nearest_money_unit(tmp_path):
    """The 三公 table's unit line stands outside it (a paragraph): a narrative in 元 is compared with the cells read in
    万元 where that is the nearest — 衢江's 995万元 written 9950000元 still differs from 996, 嘉定's 0.30万元 written
    3000元 agrees with 0.30."""
    fixture = tomllib.loads((REPORTS / "zhejiang-qujiang-sangong-juesuan-2016.toml").read_text(encoding="utf-8"))
    fixture["paragraphs"][0] = fixture["paragraphs"][0].replace("公车购置及运行费995万元", "公车购置及运行费9950000元")
    path = tmp_path / "qujiang.docx"
    build_docx(fixture, path)
    n01 = [f for f in validate_file(path).findings if f.code == "N01"]
    assert "9950000元" in [f.actual for f in n01]
    fixture = tomllib.loads((REPORTS / "shanghai-jiading-sifaju-sangong-2017.toml").read_text(encoding="utf-8"))
    fixture["paragraphs"][4] = fixture["paragraphs"][4].replace("支出决算为0.30万元", "支出决算为3000元")
    path = tmp_path / "jiading.docx"
    build_docx(fixture, path)
    assert not [f for f in validate_file(path).findings if f.code in ("N01", "N02")]


def test_growth_in_a_three_public_table_is_not_scored_as_a_department_indicator(tmp_path):
    """B04 scores a 部门整体 评分表's 三公经费变动率: a 三公 统计表 on its own has no such indicator to score."""
    rows = _edit(_edit(_edit(ROWS, 2, 1, "20000"), 4, 1, "8000"), 5, 1, "12000")
    rows = _edit(rows, 7, 1, "12000")  # 上年 20000 = 0 + 8000 + 12000, below 本年 25000
    path = _workbook(rows, ROW_MERGES, tmp_path, "g")
    assert read_workbook(path).basic.row("three_public").prev_final.text == "20000"
    found = validate_file(path).findings
    assert not [f for f in found if f.code in ("B03", "B04")], found


def test_a_caption_inside_the_table_that_says_jue_suan_makes_the_years_certain(tmp_path):
    rows = [
        ["2016年决算数与2015年决算数对比情况（单位：万元）", "", "", "", ""],
        ["年度", "合计", "因公出国(境)经费", "公务接待费", "公务用车购置及运行费"],
        ["2015年", "2840", "90", "1400", "1350"],
        ["2016年", "2364", "12", "1356", "996"],
    ]
    basic = read_workbook(_workbook(rows, ["A1:E1"], tmp_path, "c")).basic
    assert basic is not None and basic.guess == "" and basic.unit == "万元"
    total = basic.row("three_public")
    assert (total.prev_final.text, total.final.text, total.label.text) == ("2840", "2364", "“三公”经费合计")
