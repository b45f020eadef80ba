"""Flat target tables (issues 11 and 12): 指标名称 │ 计量单位 │ 指标性质 │ 指标值 with no 一级/二级/三级 columns and no
分值/得分, as a real 自评报告 prints its 绩效目标 inside the text — 丰都县公安局 2022 辅警人员经费 (重庆), transcribed in
tests/realworld/reports/chongqing-fengdu-fujing-2022.toml. It is read as a target table (kind "declaration") by its
header labels, in a Word report and in a workbook alike; and the notice for a file holding no table names what the
file is (a document's tables, a workbook's sheets).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from report_helpers import sheets_result
from test_document_realreport import build_docx

from perfxl.grid import Grid
from perfxl.layout.indicators import join_target
from perfxl.model import CellRef, CellValue
from perfxl.reader import read_grids, read_submission
from perfxl.validate import validate_file

FENGDU = Path(__file__).parent / "realworld" / "reports" / "chongqing-fengdu-fujing-2022.toml"


def _fengdu() -> dict:
    return tomllib.loads(FENGDU.read_text(encoding="utf-8"))


def _fengdu_rows() -> list[list[str]]:
    [table] = _fengdu()["tables"]
    return table["rows"]


def _report(tmp_path: Path, fixture: dict) -> Path:
    path = tmp_path / "report.docx"
    build_docx(fixture, path)
    return path


def _targets(sub) -> list[tuple[str, str, str | None]]:
    return [
        (i.name.text, i.target.text, i.target.place().cell if i.target.place() else None)
        for d in sub.declarations
        for i in d.indicators
    ]


#: The 丰都 table's rows as targets (hand-read from the published table): 指标性质 is the operator, 计量单位 joins the
#: value; the two 定性 rows print 定性 in the 计量单位 column and their value in the 指标性质 column, 指标值 left blank.
FENGDU_TARGETS = [
    ("辅警人员", "=512人", "D2"),
    ("项目持续期", "基本建立", "C3"),
    ("项目成本概算", "≤3584万元", "D4"),
    ("节约多招录正式民警资金支出", "≥1500万元", "D5"),
    ("促进社会和谐稳定", "好", "C6"),
    ("受益对象满意度", "≥95%", "D7"),
]


def test_the_real_report_s_target_table_is_read_as_a_target_table(tmp_path):
    """Failed before: the table was LAYOUT_SHEET_IGNORED and the file got LAYOUT_NO_TABLE (nothing read)."""
    report = _report(tmp_path, _fengdu())
    sub = read_submission(report)
    assert _targets(sub) == [(n, t, f"{c}") for n, t, c in FENGDU_TARGETS]
    [decl] = sub.declarations
    assert decl.sheet == "表1" and decl.kind == "declaration"
    assert [(t.kind, t.range) for t in sub.coverage.tables] == [("declaration", "A1:D7")]
    assert [(s.sheet, s.kind, s.certain) for s in sub.coverage.sheets] == [("表1", "declaration", True)]
    result = validate_file(report)
    assert result.ok, result.error
    codes = {f.code for f in result.findings}
    assert not codes & {"LAYOUT_NO_TABLE", "LAYOUT_SHEET_IGNORED"}
    # the hand check found nothing wrong in the table or the text (see the fixture's notes): no 错误 anywhere
    assert [(f.code, str(f.ref)) for f in result.findings if f.severity.value == "error"] == []


def test_the_same_table_in_a_workbook_is_read_the_same(tmp_path):
    result = sheets_result(tmp_path, ("绩效目标", _fengdu_rows(), ()))
    assert [(t.kind, t.range) for t in result.coverage.tables] == [("declaration", "A1:D7")]
    assert not {f.code for f in result.findings} & {"LAYOUT_NO_TABLE", "LAYOUT_SHEET_IGNORED"}
    assert [f for f in result.findings if f.severity.value == "error"] == []


def _workbook_targets(tmp_path: Path, rows: list[list[str]]) -> list[tuple[str, str, str | None]]:
    path = tmp_path / "targets.xlsx"
    sheets_result(tmp_path, ("Sheet", rows, ()), name=path.name)
    return _targets(read_submission(path))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                ["指标名称", "指标值", "度量单位", "指标性质"],
                ["培训人次", "300", "人次", "正向"],
                ["投诉率", "2", "%", "反向"],
            ],
            [("培训人次", "≥300人次", "B2"), ("投诉率", "≤2%", "B3")],
        ),
        (
            [
                ["序号", "指标名称", "指标性质", "指标值", "计量单位"],
                ["1", "修缮面积", "≥", "1200", "平方米"],
                ["2", "工程验收合格率", "=", "100", "%"],
            ],
            [("修缮面积", "≥1200平方米", "D2"), ("工程验收合格率", "=100%", "D3")],
        ),
    ],
    ids=["direction-words", "numbered"],
)
def test_flat_target_headers(tmp_path, rows, expected):
    """The header decides, not one file's column order: 指标性质 holding 正向/反向 is the operator, 度量单位 joins."""
    assert _workbook_targets(tmp_path, rows) == expected


@pytest.mark.parametrize(
    "rows",
    [
        # a name and a value only: a list of figures, not a target table (nothing says the values are targets)
        [["指标名称", "指标值"], ["培训人次", "300"]],
        # a column perfxl does not know beside them: its content would be dropped silently
        [["指标名称", "计量单位", "指标性质", "指标值", "责任科室"], ["培训人次", "人次", "≥", "300", "办公室"]],
    ],
    ids=["name-and-value", "unknown-column"],
)
def test_not_a_flat_target_table(tmp_path, rows):
    assert _workbook_targets(tmp_path, rows) == []


# ---------------------------------------------------------------- what the "no table" notices call the file


def _no_table_rows() -> list[list[str]]:
    return [["工作内容", "完成情况"], ["宣传活动", "已完成"]]


def test_no_table_notice_on_a_document_speaks_of_its_tables(tmp_path):
    """Failed before: a .docx was told "工作簿中没有找到…" and "工作表“表1”中…" (a Word report has no workbook)."""
    fixture = {"paragraphs": ["一、基本情况"], "tables": [{"rows": _no_table_rows()}]}
    result = validate_file(_report(tmp_path, fixture))
    notices = [(f.code, f.message) for f in result.findings if f.code in ("LAYOUT_NO_TABLE", "LAYOUT_SHEET_IGNORED")]
    assert notices and all("工作簿" not in m and "工作表" not in m for _, m in notices)
    [no_table] = [m for c, m in notices if c == "LAYOUT_NO_TABLE"]
    assert no_table.startswith("文档的表格中没有找到")
    [ignored] = [m for c, m in notices if c == "LAYOUT_SHEET_IGNORED"]
    assert ignored.startswith("Word 表格“表1”中没有找到")


@pytest.mark.parametrize(
    ("source_format", "no_table", "ignored"),
    [
        ("xlsx", "工作簿中没有找到", "工作表“表1”中没有找到"),
        ("html", "工作簿中没有找到", "工作表“表1”中没有找到"),  # an HTML table saved as .xls is the user's workbook
        ("docx", "文档的表格中没有找到", "Word 表格“表1”中没有找到"),
        ("pdf", "PDF 文档的表格中没有找到", "PDF 表格“表1”中没有找到"),
    ],
)
def test_no_table_notices_name_what_the_file_is(source_format, no_table, ignored):
    sub = read_grids([Grid("表1", _no_table_rows())], "x", source_format=source_format)
    messages = {f.code: f.message for f in sub.problems}
    assert messages["LAYOUT_NO_TABLE"].startswith(no_table)
    assert messages["LAYOUT_SHEET_IGNORED"].startswith(ignored)


def test_no_table_notice_on_a_workbook_speaks_of_its_sheets(tmp_path):
    result = sheets_result(tmp_path, ("完成情况", _no_table_rows(), ()))
    [no_table] = [f.message for f in result.findings if f.code == "LAYOUT_NO_TABLE"]
    [ignored] = [f.message for f in result.findings if f.code == "LAYOUT_SHEET_IGNORED"]
    assert no_table.startswith("工作簿中没有找到") and ignored.startswith("工作表“完成情况”中没有找到")


@pytest.mark.parametrize(
    ("nature", "unit", "expected"),
    [
        ("基本建立", "定性", ("基本建立", "C3")),  # the value one cell to the left (丰都): read there
        ("/", "定性", ("", "D3")),  # a placeholder is no value, and 定性 is no unit
        ("定量", "人", ("人", "D3")),
    ],
)
def test_a_blank_value_beside_its_nature_and_unit(nature, unit, expected):
    joined = join_target(
        CellValue.of(None, CellRef("s", "D3")), CellValue.of(nature, CellRef("s", "C3")), CellValue.of(unit)
    )
    assert (joined.text, joined.place().cell if joined.place() else None) == expected
