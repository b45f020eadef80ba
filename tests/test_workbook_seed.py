"""The seed example workbook is a faithful transcription of the published report.

Checked two ways: against the seed text itself (every published cell, in order, as typed), and
cell by cell at the addresses the reader and validation tests rely on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES
from engine_seed import SEED_TEXT  # the published tables, tests/fixtures/seed_tables.txt
from xlsx_load import load_workbook

EXAMPLE = EXAMPLES / "longhui-2023-kegongxin.xlsx"
BASIC, DEPT = "基础数据表", "部门整体支出绩效自评表"
BOOKMARK = "[bookmark: _GoBack]"  # a Word bookmark in the text extraction, not content


def _seed_cells(first_marker: str, last_marker: str | None) -> list[str]:
    """Non-blank cell texts of one published table, in reading order, from the seed text."""
    lines = SEED_TEXT.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if first_marker in line)
    end = (
        next(i for i, line in enumerate(lines) if last_marker and i > start and last_marker in line)
        if last_marker
        else len(lines)
    )
    cells = []
    for line in lines[start:end]:
        if "\t" not in line:
            continue
        text = line.split("\t", 1)[1].replace(BOOKMARK, "")
        if text.strip():
            cells.append(text)
    return cells


def _as_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value) if not isinstance(value, float) else repr(value)


def _workbook_cells(sheet) -> list[str]:
    out = []
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None and str(cell.value).strip():
                out.append(_as_text(cell.value))
    return out


@pytest.fixture(scope="module")
def wb():
    return load_workbook(EXAMPLE)


def test_basic_sheet_holds_every_published_cell_in_order(wb):
    expected = _seed_cells("2023年度部门整体支出绩效评价基础数据表", "2023年度部门整体支出绩效自评表")
    assert _workbook_cells(wb[BASIC]) == expected


def test_self_evaluation_sheet_holds_every_published_cell_in_order(wb):
    expected = _seed_cells("2023年度部门整体支出绩效自评表", None)
    assert _workbook_cells(wb[DEPT]) == expected


def test_example_has_only_typed_values_and_the_two_published_sheets(wb):
    assert wb.sheetnames == [BASIC, DEPT]
    formulas = [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    assert all(not ws.data_validations.dataValidation for ws in wb.worksheets)


SEED_CELLS = {
    BASIC: {
        "A1": "2023年度部门整体支出绩效评价基础数据表",
        "A2": "               ",
        "B3": "编制数",
        "D3": "2023年实际在职人数",
        "F3": "控制率",
        "B4": 32,
        "D4": 45,
        "F4": "140%",
        "B5": "2022年决算数",
        "D5": "2023年预算数",
        "F5": "2023年决算数",
        "A6": "三公经费",
        "B6": 25362,
        "D6": 20000,
        "F6": 11131.84,
        "A7": " 1、公务用车购置和维护经费",
        "B7": 0,
        "D7": 0,
        "F7": 0,
        "A8": "     其中：公车购置",
        "A9": "       公车运行维护",
        "A10": " 2、出国经费",
        "A11": " 3、公务接待",
        "B11": 25362,
        "D11": 20000,
        "F11": 11131.84,
        "A12": "县级专项资金：",
        "B12": 5150000,
        "D12": 3170000,
        "F12": 3170000,
        "A13": " 1、业务工作经费",
        "B13": 1150000,
        "D13": 1170000,
        "F13": 1170000,
        "A14": " 2、运行维护经费",
        "B14": None,
        "D14": None,
        "F14": None,
        "A15": "3.科技工业发展资金",
        "B15": 4000000,
        "D15": 2000000,
        "F15": 2000000,
        "A16": None,
        "B16": None,
        "A17": "公用经费",
        "B17": 899763,
        "D17": 928572.74,
        "F17": 928572.74,
        "A18": "其中：办公经费",
        "B18": 133561.81,
        "D18": 90179.18,
        "F18": 90179.18,
        "A19": "  水费、电费、差旅费",
        "B19": "286875 ",
        "D19": 137500.34,
        "F19": 137500.34,
        "A20": "会议费、培训费",
        "B20": 0,
        "D20": 9988,
        "F20": 9988,
        "A21": "政府采购金额",
        "B21": 626000,
        "D21": 900000,
        "F21": 900000,
        "A22": "部门基本支出预算调整",
        "B22": 8035749.4,
        "D22": 8035749.4,
        "F22": 8861213.88,
        "A23": "楼堂馆所控制情况",
        "B23": "批复规模",
        "C23": "实际规模（㎡）",
        "D23": "规模控制率",
        "E23": "预算投资（万元）",
        "F23": "实际投资（万元）",
        "G23": "投资概算控制率",
        "A24": "（2023年完工项目）",
        "B24": "（㎡）",
        "A26": "厉行节约保障措施",
        "B26": "1.严格执行财务管理制度；2.严控“三公经费”支出。",
    },
    DEPT: {
        "A2": "预算单位名称",
        "B2": "隆回县科技和工业信息化局",
        "A3": "年度预算申请（万元）",
        "B4": "年度资金总额",
        "C4": 2223.04,
        "D4": 2223.04,
        "E4": 2223.04,
        "F4": 10,
        "G4": 94.5,
        "H4": 10,
        "B5": "按收入性质分；2223.04",
        "E5": "按支出性质分：2223.04",
        "B6": "  其中：  一般公共预算：2223.04",
        "E6": "其中：基本支出：886.12",
        "B7": "政府性基金拨款：",
        "E7": "县级专项资金：1336.92",
        "B8": "纳入专户管理的非税收入拨款：",
        "E8": None,
        "B9": "其他资金：",
        "E9": None,
        "F10": "实际完成情况\u3000",
        "B11": "狠抓科技、工业、信息化工作日常调度， 新规模企业12家，新增高新技术企业10家，规模工业增加值63亿元。          ",
        "F11": "    新规模企业12家，新增高新技术企业10家，规模工业增加值63亿元。      ",
        "B13": "产出指标(55分)",
        "B20": "效益指标（35分）",
        "B27": "满意度指标（10分）",
        "D19": "……",
        "D21": "……",
        "D25": "……",
        "C26": "可持续影响指标",
        "D26": None,
        "G26": None,
        "H26": None,
        "D23": None,
        "G23": None,
        "D20": "企业研发占总产值比1.6%，",
        "E22": "增长12%",
        "F22": "11.8%",
        "G22": 10,
        "H22": 9,
        "I22": "疫情影响企业生产放缓。",
        "I13": None,
        "A28": "总分",
        "G28": 100,
        "H28": 99,
    },
}

INDICATORS = [  # row: 三级指标, 年度指标值, 实际完成值, 分值, 得分 (as published)
    (13, "新进规模企业", "12家", "20家", 10, 10),
    (14, "新增高新技术企业", "10家", "13家", 10, 10),
    (15, "完成规模工业总产值", "240亿元", "246亿元", 10, 10),
    (16, "规模工业增加值", "63亿元", "65亿元", 10, 10),
    (17, "完成时间", "2023年底", "2023年底", 5, 5),
    (18, "规模工业奖励", "4万元/家", "4万元/家", 10, 10),
    (20, "企业研发占总产值比1.6%，", "增长2%", "增长2%", 10, 10),
    (22, "规模工业总产值", "增长12%", "11.8%", 10, 9),
    (24, "万元生产总值能耗降低率", "1%", "1%", 5, 5),
    (27, "群众满意度达90%", "90%", "90%", 10, 10),
]


@pytest.mark.parametrize("sheet", [BASIC, DEPT])
def test_seed_values_at_their_addresses_with_their_types(wb, sheet):
    ws = wb[sheet]
    for ref, expected in SEED_CELLS[sheet].items():
        got = ws[ref].value
        assert got == expected, f"{sheet}!{ref}: {got!r} != {expected!r}"
        assert type(got) is type(expected) or (isinstance(expected, float) and isinstance(got, float)), ref


def test_indicator_rows(wb):
    ws = wb[DEPT]
    for row, name, target, actual, weight, score in INDICATORS:
        assert [ws[f"{c}{row}"].value for c in "DEFGH"] == [name, target, actual, weight, score]


def test_merged_labels_span_their_groups(wb):
    merges = {str(r) for r in wb[DEPT].merged_cells.ranges}
    assert {"A3:A9", "A10:A11", "A12:A27", "B13:B19", "B20:B26", "C13:C14", "C22:C23", "A28:F28"} <= merges
    assert "B27" not in {m.split(":")[0] for m in merges}  # 满意度 has a single row
    basic_merges = {str(r) for r in wb[BASIC].merged_cells.ranges}
    assert {"A3:A4", "B4:C4", "F4:G4", "B19:C19", "B26:G26"} <= basic_merges


def test_document_properties_name_the_source(wb):
    note = wb.properties.description
    assert "隆回县科技和工业信息化局" in note and "未作任何更正" in note
    assert wb.properties.created.year == 2024


def test_calamine_reads_the_same_values():
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(EXAMPLE))
    rows = book.get_sheet_by_name(DEPT).to_python()
    assert rows[3][6] == 94.5 and rows[21][7] == 9 and rows[27][6:8] == [100, 99]
    basic = book.get_sheet_by_name(BASIC).to_python()
    assert basic[3][5] == "140%" and basic[18][1] == "286875 "


def test_seed_file_exists_where_the_readme_expects_it():
    assert Path(EXAMPLE).is_file()
