"""四川's 2024 转移支付 绩效评价表 (行次/列次 numbered; 预算执行 = E/C, C = 全年预算数 − 统筹整合资金):
its funds block is read, the rate judged against C, the 列次 row and the 行次 column are not amounts, and
the 资金管理情况 block (where its reasons are written) is reported as not read instead of a missing reason.

The layout and the first rows are as published (tests/realworld/sichuan-mingshan-lincao-2024.toml); the
统筹整合 figures below are made up to tell C from A.
"""

from __future__ import annotations

import openpyxl

from perfxl.validate import validate_file

HEADER = [
    ["2024年度林业草原改革发展资金绩效评价表"] + [""] * 11,
    ["年度:2024年"] + [""] * 11,
    [
        "资金投入情况 (万元)",
        "",
        "行次",
        "全年预算数 (A)",
        "统筹整合资金数 (B)",
        "扣除统筹整合资金后预算金额 (C)",
        "全年到位资金 (D)",
        "预算到位 (D/C×100%)",
        "全年执行资金 (E)",
        "预算执行 (E/C×100%)",
        "佐证材料",
        "",
    ],
    ["", "列次", "0", "1", "2", "3", "4", "5", "6", "7", "所需材料", "上传端口"],
]
MANAGEMENT = [
    ["资金管理情况", "", "", "情况说明", "", "", "存在问题", "", "改进措施", "", "", ""],
    ["", "列次", "", "8", "", "", "9", "", "10", "", "", ""],
    ["下达及时性", "资金分解下达进度", "7", "及时分解下达", "", "", "下达滞后", "", "加快下达", "", "", ""],
]


def _write(tmp_path, funds_rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [*HEADER, *funds_rows, *MANAGEMENT]:
        ws.append(row)
    path = tmp_path / "transfer.xlsx"
    wb.save(path)
    return validate_file(path)


def _funds(total, central):
    rest = [
        ["", "地方财政资金(万元)", "3"] + [""] * 9,
        ["", "其他资金(万元,自有资金、社会资本、以前年度结转结余资金等)", "4"] + [""] * 9,
    ]
    return [
        ["", "年度资金总额(万元):", "1", *total, "", ""],
        ["", "其中:中央财政资金(万元)", "2", *central, "预算下达文件、资金到位及支出凭证", ""],
        *rest,
    ]


PUBLISHED = ["52.800000", "", "52.800000", "52.800000", "100.00%", "30.800000", "58.33%"]


def test_the_published_funds_rows_are_read_and_agree(tmp_path):
    result = _write(tmp_path, _funds(PUBLISHED, PUBLISHED))
    codes = [f.code for f in result.findings]
    assert "LAYOUT_NO_TABLE" not in codes  # was: no table recognised
    assert not [f for f in result.findings if f.severity.value == "error"], codes  # 30.8 / 52.8 = 58.33%
    table = result.coverage.tables[0]
    kinds = {(run.first, run.last): run.kind for run in table.rows}
    assert kinds[(3, 4)] == "header"  # the 列次 row numbers the columns
    assert kinds[(5, 8)] == "funds"


def test_the_rate_is_judged_against_the_budget_net_of_pooled_money(tmp_path):
    # A 100, B 20 → C 80; E 60: 预算执行 = 60 / 80 = 75.00% (60.00% would be E/A)
    right = ["100", "20", "80", "80", "100.00%", "60", "75.00%"]
    assert not [f for f in _write(tmp_path, _funds(right, right)).findings if f.code == "F04"]
    wrong = ["100", "20", "80", "80", "100.00%", "60", "60.00%"]
    f04 = [f for f in _write(tmp_path, _funds(wrong, right)).findings if f.code == "F04"]
    assert [(f.ref.cell, f.severity.value) for f in f04] == [("J5", "error")]
    assert "60/80" in f04[0].message


def test_spending_within_c_is_not_overspending_and_above_it_is(tmp_path):
    over = ["100", "20", "80", "80", "100.00%", "90", "112.50%"]
    f03 = [f for f in _write(tmp_path, _funds(over, over)).findings if f.code == "F03"]
    assert f03 and all("80" in f.message for f in f03)  # 90 > C 80, though below A 100


def test_the_column_number_rows_are_not_funds_rows(tmp_path):
    result = _write(tmp_path, _funds(PUBLISHED, PUBLISHED))
    # before: 列次 | 0 | 1 … read as a funds row ("全年执行数 6 超过全年预算数 1", a false F03 错误)
    assert not [f for f in result.findings if f.code == "F03"]
    assert not [f for f in result.findings if f.code == "LAYOUT_UNKNOWN_LABEL"]


def test_a_low_rate_is_not_called_unexplained_when_its_reasons_block_is_unread(tmp_path):
    result = _write(tmp_path, _funds(PUBLISHED, PUBLISHED))  # 58.33% < 90%
    assert not [f for f in result.findings if f.code == "F07"]
    skipped = {k.code: k.reason_zh for k in result.coverage.skipped}
    assert "资金管理情况" in skipped["F07"]
    unread = [f for f in result.findings if f.code == "LAYOUT_UNMAPPED_ROW" and f.ref.cell.startswith("A9")]
    assert unread, [(f.code, str(f.ref)) for f in result.findings]
