"""summary.xlsx and dashboard.html of a batch (run with the stand-in validator of test_batch_runner)."""

from __future__ import annotations

import json
import re
import zipfile

import openpyxl
import pytest
from test_batch_runner import run_standin, write_files

from perfxl.batch.summary_xlsx import SHEETS

HOSTILE_UNIT = '=HYPERLINK("http://evil.example","点我")'
SCRIPT_UNIT = "<script>alert(1)</script>单位"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("outputs")
    write_files(
        root / "in",
        {
            "a.xlsx": f"ok:2:1:{HOSTILE_UNIT}",
            "b.xlsx": f"ok:0:1:{SCRIPT_UNIT}",
            "c.xlsx": "ok:1:0",
            "d.xls": "garbage",
        },
    )
    outcome = run_standin([root / "in"], root / "out")
    return outcome, root / "out"


@pytest.mark.slow  # the `batch` fixture: a pool of worker processes
def test_files_sheet_has_one_row_per_file_with_counts_scores_and_links(batch):
    outcome, out = batch
    wb = openpyxl.load_workbook(out / "summary.xlsx")
    assert wb.sheetnames == list(SHEETS)
    ws = wb[SHEETS[0]]
    header = [c.value for c in ws[1]]
    col = {h.split(" ")[0]: i for i, h in enumerate(header)}
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[col["文件"]] for r in rows] == ["a.xlsx", "b.xlsx", "c.xlsx", "d.xls"]
    assert [(r[col["错误"]], r[col["警告"]]) for r in rows[:3]] == [(2, 1), (0, 1), (1, 0)]
    assert rows[0][col["填报总分"]] == 95.5 and rows[0][col["复算总分"]] == 88.25
    assert rows[0][col["差额"]] == pytest.approx(7.25)
    assert rows[3][col["状态"]].startswith("无法读取")
    link = ws.cell(row=2, column=col["HTML"] + 1).hyperlink
    assert link is not None  # XlsxWriter writes relative links Windows-style: reports\a-….html
    assert link.target.replace("\\", "/") == outcome.rows[0]["report"]
    assert (out / outcome.rows[0]["report"]).is_file()


@pytest.mark.slow  # the `batch` fixture: a pool of worker processes
def test_text_cells_are_safe_from_formula_injection(batch):
    _, out = batch
    wb = openpyxl.load_workbook(out / "summary.xlsx")
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    units = [c.value for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert units == ["'" + HOSTILE_UNIT]


@pytest.mark.slow  # the `batch` fixture: a pool of worker processes
def test_findings_and_by_code_sheets_match_findings_jsonl(batch):
    _, out = batch
    lines = [json.loads(x) for x in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    wb = openpyxl.load_workbook(out / "summary.xlsx")
    findings = list(wb[SHEETS[1]].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[4]) for r in findings] == [(f["file"], f["code"], f["cell"]) for f in lines]
    by_code = {r[0]: (r[2], r[3]) for r in wb[SHEETS[2]].iter_rows(min_row=2, values_only=True)}
    # STAND_ERROR: 2 in a + 1 in c; STAND_WARN: a and b; the unreadable file's reason counts too
    assert by_code == {"STAND_ERROR": (3, 2), "STAND_WARN": (2, 2), "FILE_NOT_WORKBOOK": (1, 1)}


@pytest.mark.slow  # the `batch` fixture: a pool of worker processes
def test_native_charts_plot_the_score_bands_and_the_top_codes(batch):
    _, out = batch
    with zipfile.ZipFile(out / "summary.xlsx") as z:
        charts = sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n))
        xml = [z.read(n).decode("utf-8") for n in charts]
    assert len(charts) == 2
    assert "<c:barChart>" in xml[0] and "图表" in xml[0] and "$C$2:$C$7" in xml[0]
    assert '<c:barDir val="bar"/>' in xml[1]
    ws = openpyxl.load_workbook(out / "summary.xlsx")[SHEETS[3]]
    bands = {r[0]: (r[1], r[2]) for r in ws.iter_rows(min_row=2, max_row=7, values_only=True)}
    assert bands["90–100"] == (3, 0) and bands["80–90"] == (0, 3)  # reported 95.5, recomputed 88.25


@pytest.mark.slow  # the `batch` fixture: a pool of worker processes
def test_dashboard_is_self_contained_and_escapes_user_text(batch):
    outcome, out = batch
    html = (out / "dashboard.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;单位" in html
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    urls = set(re.findall(r"https?://[^\s\"'<>]+", html)) - {"http://www.w3.org/2000/svg"}
    assert urls == {
        "http://evil.example&#34;,&#34;点我&#34;)"
    }  # only the unit name, its quotes escaped (Jinja2's &#34;)
    assert html.count("<svg") == 2
    for row in outcome.rows:
        assert f'href="{row["report"]}"' in html


def test_table_kinds_read_in_chinese_for_finance_staff():
    from perfxl.batch.tables import kind_zh, row_from_record

    assert kind_zh("department+project") == "部门整体支出+项目支出"
    row = row_from_record({"ok": True, "kind": "department", "summary": {}, "findings": []})
    assert row["kind"] == "department" and row["kind_zh"] == "部门整体支出"
