"""Review of session 13's two new readers (review13s): the “三公”经费 table on its own (perfxl/layout/three_public.py)
and the 计分表 whose weights stand in its labels (perfxl/layout/label_weights.py). Each test failed before its fix:

1. a 三公 table printing 公务用车购置费 │ 公务用车运行费 as items of their own (no 公务用车 小计) summed its 合计 over
   出国 + 接待 alone — a false B03 错误 on a correct table;
2. a 三公 table that leaves an item out (no 因公出国 column; 公务用车 over its 运行费 alone) made the printed parts'
   sum an 错误, though the total may hold the item not printed (now B03's judgement, saying which item);
3. a 三公 table split by source (一般公共预算财政拨款决算数 │ 政府性基金决算数 │ 合计) read the 一般公共预算 column as
   the 预算数 (its name holds 预算) and the 政府性基金 part as the whole 决算数: two false N01 错误 against a narrative
   stating the whole (now such lines are parts, not read; the table is then coverage);
4. a 三级 name ending with its scoring rule ("到位率100%得20分，每降低1%扣1分") read 1 as the row's weight: a false
   score-above-weight 错误 (now a rule's points are no weight: all or none, the table reads none);
5. bare years under a title that says 预算 ("2017年“三公”经费预算表") were read as 决算数 by the order guess;
6. a 基本支出决算表 (spending by kind, 公务接待费 among them) was read as a 三公 table: false N01 错误;
7. a bare 小计 (the car's, under its parts) was taken for the 三公 total: false B03 错误.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import Table, render
from report_helpers import workbook_result
from test_document_realreport import build_docx

from perfxl.document.read import read_document
from perfxl.reader import read_submission
from perfxl.validate import validate_file

UNIT_TITLE = "2016年“三公”经费支出决算表（单位：万元）"


def _table(rows: list[list[str]], tmp_path: Path, name: str = "t") -> Path:
    return render(Table(tmp_path / f"{name}.toml", rows, [], [], meta={"typed_in_excel": True}), tmp_path)


def _b03(path: Path) -> list[tuple[str, str]]:
    return [(f.severity.value, f.ref.cell) for f in validate_file(path).findings if f.code == "B03"]


def test_car_parts_printed_as_items_are_parts_of_the_total(tmp_path):
    rows = [
        [UNIT_TITLE, "", "", "", "", ""],
        ["项目", "合计", "因公出国(境)费", "公务接待费", "公务用车购置费", "公务用车运行维护费"],
        ["预算数", "30", "5", "10", "5", "10"],
        ["决算数", "28", "4", "10", "4", "10"],
    ]
    assert _b03(_table(rows, tmp_path)) == []  # 30 = 5 + 10 + 5 + 10, 28 = 4 + 10 + 4 + 10
    rows[3][1] = "31"
    assert _b03(_table(rows, tmp_path, "w")) == [("error", "B4")]  # all items printed: a wrong 合计 stays certain


def test_a_total_over_items_the_table_leaves_out_is_a_judgement(tmp_path):
    no_overseas = [
        [UNIT_TITLE, "", "", ""],
        ["项目", "合计", "公务接待费", "公务用车购置及运行费"],
        ["决算数", "30", "10", "15"],
    ]
    path = _table(no_overseas, tmp_path, "o")
    (b03,) = [f for f in validate_file(path).findings if f.code == "B03"]
    assert b03.severity.value == "warning" and "因公出国(境)费" in b03.basis, b03
    running_only = [
        [UNIT_TITLE, "", "", "", "", ""],
        ["项目", "合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "其中：公务用车运行费"],
        ["决算数", "25", "0", "10", "15", "12"],
    ]
    assert _b03(_table(running_only, tmp_path, "r")) == [("warning", "E3")]


def test_columns_splitting_the_figures_by_source_are_not_the_whole(tmp_path):
    table = {
        "name": "表1",
        "rows": [
            [UNIT_TITLE, "", "", ""],
            ["项目", "一般公共预算财政拨款决算数", "政府性基金决算数", "合计"],
            ["“三公”经费合计", "20", "8", "28"],
            ["因公出国(境)费", "0", "0", "0"],
            ["公务接待费", "5", "2", "7"],
            ["公务用车购置及运行费", "15", "6", "21"],
        ],
        "merges": ["A1:D1"],
    }
    text = "2016年“三公”经费支出决算28万元，其中一般公共预算财政拨款20万元。公务接待费7万元。"
    path = tmp_path / "fund.docx"
    build_docx({"paragraphs": [text], "tables": [table]}, path)
    assert not [f for f in validate_file(path).findings if f.severity.value == "error"]
    basic = read_document(path).basic
    assert basic is None or all(r.budget.text != "20" for r in basic.rows)


def test_one_source_named_with_budget_in_it_is_no_budget_column(tmp_path):
    rows = [
        [UNIT_TITLE, "", "", "", ""],
        ["项目", "合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费"],
        ["一般公共预算财政拨款决算数", "28", "0", "9", "19"],
    ]
    basic = read_submission(_table(rows, tmp_path)).basic
    assert basic is not None and basic.row("three_public").final.text == "28"
    assert basic.row("three_public").budget.text == ""


_SCORED = [
    ["2022年项目支出绩效自评指标计分表", "", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "自评分", "评价标准"],
    ["项目决策（20分）", "项目目标（10分）", "目标内容（10分）", "10", "设有目标"],
    ["", "决策过程（10分）", "决策依据（5分）", "5", "符合规划"],
    ["", "", "决策程序（5 分）", "4", "符合程序"],
    ["项目管理（20分）", "资金管理（20分）", "资金到位率（20分）", "20", "全部到位"],
    ["项目产出（40分）", "产出数量（40分）", "完成数量（40分）", "40", "全部完成"],
    ["项目效益（20分）", "满意度（20分）", "服务对象满意度 20分", "18", "≥90%"],
    ["总分", "", "", "97", ""],
]


def test_a_scoring_rule_in_a_name_is_no_weight(tmp_path):
    rows = copy.deepcopy(_SCORED)
    rows[5][2] = "资金到位率（到位率100%得20分，每降低1%扣1分）"
    result = workbook_result(tmp_path, rows, ("A1:E1", "A3:A5", "B4:B5"))
    errors = [(f.code, str(f.ref)) for f in result.findings if f.severity.value == "error"]
    assert errors == [], errors


def test_bare_years_under_a_budget_title_are_budgets(tmp_path):
    """5. "2017年“三公”经费预算表" over 2017年 │ 2016年: the years were read as 决算数 by the order guess (2016 as 上年决算)
    against the title's own word; now the latest year is the 预算数 and the earlier one (a budget too) is not read."""
    rows = [
        ["2017年“三公”经费预算表（单位：万元）", "", ""],
        ["项目", "2017年", "2016年"],
        ["合计", "30", "31"],
        ["因公出国(境)费", "5", "6"],
        ["公务接待费", "10", "11"],
        ["公务用车购置及运行费", "15", "14"],
    ]
    path = render(Table(tmp_path / "b.toml", rows, ["A1:C1"], [], meta={"typed_in_excel": True}), tmp_path)
    basic = read_submission(path).basic
    assert basic is not None and not basic.guess
    total = basic.row("three_public")
    assert (total.prev_final.text, total.budget.text, total.final.text) == ("", "30", "")


_BASIC_SPENDING = {
    "name": "表1",
    "rows": [
        ["一般公共预算财政拨款基本支出决算表", "", "", ""],
        ["单位：万元", "", "", ""],
        ["项目", "决算数", "人员经费", "公用经费"],
        ["工资福利支出", "120.50", "120.50", ""],
        ["基本工资", "60.00", "60.00", ""],
        ["商品和服务支出", "40.20", "", "40.20"],
        ["办公费", "10.00", "", "10.00"],
        ["因公出国（境）费用", "0", "", "0"],
        ["培训费", "3.00", "", "3.00"],
        ["公务接待费", "3.20", "", "3.20"],
        ["公务用车运行维护费", "8.00", "", "8.00"],
        ["资本性支出", "0", "", "0"],
        ["公务用车购置", "0", "", "0"],
        ["合计", "160.70", "120.50", "40.20"],
    ],
    "merges": ["A1:D1", "A2:D2"],
}
_THREE_PUBLIC = {
    "name": "表2",
    "rows": [
        ["一般公共预算财政拨款“三公”经费支出决算表", "", "", "", ""],
        ["单位：万元", "", "", "", ""],
        ["项目", "合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费"],
        ["决算数", "18.2", "0", "5.2", "13"],
    ],
    "merges": ["A1:E1", "A2:E2"],
}


def test_a_spending_table_by_kind_is_no_three_public_table(tmp_path):
    """6. A 部门决算's 基本支出决算表 lists 公务接待费, 公务用车运行维护费 … among its kinds of spending (their 基本支出 part
    only): it was read as the 三公 table — ahead of the real one after it — and the narrative's whole 公务接待费 5.2 held
    to its 3.20 as an 错误."""
    text = "2016年“三公”经费支出决算18.2万元，其中公务接待费5.2万元，公务用车运行维护费13万元。"
    path = tmp_path / "kinds.docx"
    build_docx({"paragraphs": [text], "tables": [_BASIC_SPENDING, _THREE_PUBLIC]}, path)
    assert not [f for f in validate_file(path).findings if f.severity.value == "error"]
    basic = read_document(path).basic
    assert basic is not None and basic.row("reception").final.text == "5.2"
    alone = tmp_path / "alone.docx"
    build_docx({"paragraphs": [text], "tables": [_BASIC_SPENDING]}, alone)
    assert read_document(alone).basic is None


def test_a_bare_subtotal_is_no_three_public_total(tmp_path):
    """7. A 小计 under 公务用车购置费 │ 公务用车运行费 (the car's), 合计 at the foot: the 小计 was taken for the 三公 total
    (the first bare total) and B03 found 15 ≠ 30 — a false 错误 on a correct table."""
    rows = [
        [UNIT_TITLE, "", ""],
        ["项目", "预算数", "决算数"],
        ["因公出国(境)费", "5", "4"],
        ["公务接待费", "10", "10"],
        ["公务用车购置费", "5", "4"],
        ["公务用车运行费", "10", "10"],
        ["小计", "15", "14"],
        ["合计", "30", "28"],
    ]
    path = _table(rows, tmp_path)
    assert _b03(path) == []
    assert read_submission(path).basic.row("three_public").final.text == "28"


def test_guard_a_three_public_table_with_other_costs_beside_is_still_read(tmp_path):
    """The 基本支出 guard counts lines: three 三公 items beside 会议费 │ 培训费 │ 机关运行经费 are still a 三公 table."""
    rows = [
        [UNIT_TITLE, "", "", "", "", "", "", ""],
        ["项目", "合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "会议费", "培训费", "机关运行经费"],
        ["决算数", "33", "0", "10", "15", "5", "3", "40"],
    ]
    basic = read_submission(_table(rows, tmp_path)).basic
    assert basic is not None and basic.row("reception").final.text == "10"
