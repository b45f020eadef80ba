"""The standard workbook: sheets, formulas with cached values, PERF_SCORE cells, dropdowns, the
rebuild reproducing the committed files, and `perfxl template`."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import WORKBOOKS
from typer.testing import CliRunner
from xlsx_load import load_workbook, merged_cells_unstyled

from perfxl.cli.main import app
from perfxl.numbers import to_decimal
from perfxl.scoring import execution_score, score_indicator
from perfxl.workbook.build import build_all, check
from perfxl.workbook.content import TIER_LABELS
from perfxl.workbook.seed import seed_content
from perfxl.workbook.snapshot import diff_snapshots, snapshot
from perfxl.workbook.template import TEMPLATE_SHAPE
from perfxl.workbook.writer import write_content

STANDARD = WORKBOOKS / "perfxl-standard.xlsx"
SHEETS = ["基础数据表", "部门整体支出绩效自评表", "项目支出绩效自评表", "填表说明"]


@pytest.fixture(scope="module")
def std():
    return load_workbook(STANDARD), load_workbook(STANDARD, data_only=True)


def _formulas(ws) -> dict[str, str]:
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.data_type == "f"}


def test_standard_workbook_sheets_and_headers(std):
    wb, _ = std
    assert wb.sheetnames == SHEETS
    proj = wb["项目支出绩效自评表"]
    funds_head = [proj.cell(4, c).value for c in range(3, 9)]
    assert funds_head == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    labels = [proj.cell(r, 2).value for r in range(5, 9)]
    assert labels == ["年度资金总额", "其中：本年财政拨款", "上年结转资金", "其他资金"]
    basic = [c.value for c in wb["基础数据表"]["A"]]
    for label in (
        "财政供养人员情况",
        "经费控制情况",
        "三公经费",
        "1、公务用车购置和维护经费",
        "其中：公车购置",
        "公车运行维护",
        "2、出国经费",
        "3、公务接待",
        "县级专项资金",
        "公用经费",
        "其中：办公经费",
        "水费、电费、差旅费",
        "会议费、培训费",
        "政府采购金额",
        "部门基本支出预算调整",
        "楼堂馆所控制情况",
        "厉行节约保障措施",
    ):
        assert label in basic, label
    assert wb["基础数据表"]["A2"].value == "单位：元"


def test_project_formulas_are_native_where_excel_can_compute(std):
    wb, cached = std
    f = _formulas(wb["项目支出绩效自评表"])
    assert f["C5"] == "=SUM(C6:C8)" and f["E5"] == "=SUM(E6:E8)"
    assert f["G5"] == '=IF(N(D5)=0,"",ROUND(E5/D5*100,2))'
    assert f["H5"] == '=IF(N(D5)=0,"",ROUND(MIN(1,E5/D5)*F5,2))'
    scores = {ref: text for ref, text in f.items() if "PERF_SCORE" in text}
    assert set(scores) == {f"H{r}" for r in range(12, 23)}
    assert scores["H12"] == '=IF(OR(E12="",F12=""),"",PERF_SCORE(E12,F12,G12))'
    assert f["G23"] == "=SUM(G12:G22,F5)" and f["H23"] == "=SUM(H12:H22,H5)"
    # blank inputs: sums cache 0, rates and scores cache "" (not an error); 分值 of the budget row is 10
    ws = cached["项目支出绩效自评表"]
    assert ws["C5"].value == 0 and ws["G5"].value in ("", None) and ws["H12"].value in ("", None)
    assert ws["G23"].value == 10


def test_basic_formulas(std):
    wb, _ = std
    f = _formulas(wb["基础数据表"])
    assert f["F4"] == '=IF(N(B4)=0,"",ROUND(D4/B4*100,2))'  # 控制率 = 实际在职人数 / 编制数
    assert f["B6"] == "=SUM(B7,B10:B11)"  # 三公经费 = 公务用车 + 出国 + 公务接待
    assert f["B7"] == "=SUM(B8:B9)"  # 公务用车 = 购置 + 运行维护
    assert f["B12"] == "=SUM(B13:B15)"
    assert "B16" not in f  # 公用经费 is typed: its 其中 rows are only part of it


def test_qualitative_dropdown_on_every_actual_cell(std):
    wb, _ = std
    for name in ("部门整体支出绩效自评表", "项目支出绩效自评表"):
        dvs = wb[name].data_validations.dataValidation
        assert len(dvs) == 1
        dv = dvs[0]
        assert dv.type == "list" and dv.formula1 == '"' + ",".join(TIER_LABELS) + '"'
        assert str(dv.sqref).startswith("F") and not dv.showErrorMessage


def test_filled_template_caches_perfxl_scores(tmp_path):
    """The seed typed into the template: PERF_SCORE caches equal score_indicator, native ones the formula."""
    path = tmp_path / "filled.xlsx"
    written = write_content(path, seed_content(), TEMPLATE_SHAPE)
    ws = load_workbook(path, data_only=True)["部门整体支出绩效自评表"]
    ev = seed_content().evaluations[0]
    for j, line in enumerate(ev.indicators):
        cell = ws[written.ref(f"evaluations[0].indicators[{j}].score").cell].value
        if line.target is None or line.actual is None:
            assert cell in ("", None)
            continue
        expected = score_indicator(line.target, line.actual, line.weight).score
        assert to_decimal(cell) == expected, (j, cell, expected)
    assert ws[written.ref("evaluations[0].indicators[9].score").cell].value == 9.83  # 11.8/12 × 10
    assert ws[written.ref("evaluations[0].funds[0].rate").cell].value == 100  # not the typed 94.5
    assert (
        to_decimal(ws[written.ref("evaluations[0].funds[0].score").cell].value)
        == execution_score(Decimal("2223.04"), Decimal("2223.04"), 10).score
    )
    basic = load_workbook(path, data_only=True)["基础数据表"]
    assert basic[written.ref("basic.control_rate").cell].value == 140.63  # 45 / 32, not the typed 140%
    total = (
        sum(score_indicator(ln.target, ln.actual, ln.weight).score for ln in ev.indicators if ln.target and ln.actual)
        + 10
    )
    assert to_decimal(ws[written.ref("evaluations[0].total_score").cell].value) == total


def test_rebuild_reproduces_committed_files():
    """`python -m perfxl.workbook.build --check`: values, formulas, merges and dropdowns all match."""
    with merged_cells_unstyled():  # its snapshots compare values, formulas, merges and dropdowns, never a style
        assert check() == []


def test_rebuild_is_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for x, y in zip(build_all(a), build_all(b), strict=True):
        assert x.path.read_bytes() == y.path.read_bytes()


def test_snapshot_diff_notices_a_changed_cell(tmp_path):
    from openpyxl import load_workbook as load

    built = build_all(tmp_path)[1].path
    wb = load(built)
    wb["部门整体支出绩效自评表"]["G4"] = 100
    changed = tmp_path / "changed.xlsx"
    wb.save(changed)
    with merged_cells_unstyled():  # loads only: the snapshots read values, formulas, merges and dropdowns
        problems = diff_snapshots(snapshot(built), snapshot(changed))
    assert any("G4" in p for p in problems)


runner = CliRunner()


def test_cli_template_writes_and_refuses_to_overwrite(tmp_path):
    out = tmp_path / "t.xlsx"
    r = runner.invoke(app, ["template", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert load_workbook(out).sheetnames == SHEETS
    before = out.read_bytes()
    r = runner.invoke(app, ["template", "--kind", "project", "-o", str(out)])
    assert r.exit_code == 1 and "已存在" in r.output
    assert out.read_bytes() == before
    r = runner.invoke(app, ["template", "--kind", "project", "-o", str(out), "--force"])
    assert r.exit_code == 0
    assert load_workbook(out).sheetnames == ["项目支出绩效自评表", "填表说明"]
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]  # no temp file left behind


def test_cli_template_department_and_bad_arguments(tmp_path):
    out = tmp_path / "d.xlsx"
    assert runner.invoke(app, ["template", "--kind", "department", "-o", str(out)]).exit_code == 0
    assert load_workbook(out).sheetnames == ["基础数据表", "部门整体支出绩效自评表", "填表说明"]
    r = runner.invoke(app, ["template", "--kind", "county", "-o", str(tmp_path / "x.xlsx")])
    assert r.exit_code == 2 and "department" in r.output
    r = runner.invoke(app, ["template", "-o", str(tmp_path / "missing" / "x.xlsx")])
    assert r.exit_code == 2 and "目录不存在" in r.output
    r = runner.invoke(app, ["template", "-o", str(tmp_path / "x.xls")])
    assert r.exit_code == 2
