"""Report renderers on real FileResult/Finding objects: JSON against the repo's schema, SARIF through
sarif-pydantic, CSV injection safety, HTML escaping and chart, console grouping."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from perfxl.model import CellRef, Finding, Severity, TextRef
from perfxl.report import ENCODING, FORMATS, render
from perfxl.result import FileResult, SectionScore, Summary
from perfxl.safety import is_plain_number

REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text(encoding="utf-8"))
EVAL = "部门整体支出绩效自评表"
BASIC = "基础数据表"
HOSTILE = '<script>alert("x")</script>&'


def _findings() -> tuple[Finding, ...]:
    """Findings shaped like those the seed report must produce, plus hostile text."""
    return (
        Finding(
            "F04", Severity.ERROR, CellRef(EVAL, "G6"), "执行率应为 100.00%，表中填 94.5", "rate", "100.00", "94.5"
        ),
        Finding(
            "W01", Severity.WARNING, CellRef(EVAL, "B21", "B21"), "一级指标分值合计 110，应为 100", "", "100", "110"
        ),
        Finding("S01", Severity.ERROR, CellRef(EVAL, "H25"), "得分应为 9.83，表中填 9", "", "9.83", "9"),
        Finding(
            "S08", Severity.WARNING, CellRef(EVAL, "I12"), "超额完成（20家 对 12家）未说明偏差原因", "", None, "20家"
        ),
        Finding("B01", Severity.ERROR, CellRef(BASIC, "D5"), "控制率应为 140.63%，表中填 140%", "", "140.63%", "140%"),
        Finding("G02", Severity.INFO, CellRef(EVAL, "F10:I10", "F10"), HOSTILE, "", '=HYPERLINK("http://x")', "-1+2"),
        Finding("X99", Severity.INFO, None, "@SUM(A1) 整个文件的提示", "", "\tcmd", "\rX"),
    )


def _results() -> list[FileResult]:
    findings = _findings()
    ok = FileResult(
        path="examples/隆回 科工信.xlsx",
        ok=True,
        findings=findings,
        summary=Summary.of(findings, score_reported=Decimal("99"), score_computed=Decimal("97.66"), grade="优"),
        unit_name="隆回县科技和工业信息化局",
        year="2023",
        kind="department",
        sha256="a" * 64,
        sections=(
            SectionScore("产出指标", Decimal("55"), Decimal("55"), Decimal("54.1"), EVAL),
            SectionScore("效益指标", Decimal("25"), Decimal("24"), Decimal("24.83"), EVAL),
            SectionScore("满意度指标", Decimal("10"), Decimal("10"), None, EVAL),
        ),
    )
    bad = FileResult(
        path="/data/坏文件.xlsx",
        ok=False,
        error={
            "code": "FILE_UNREADABLE",
            "message": "文件已损坏，无法打开",
            "message_en": "corrupt",
            "path": "/data/坏文件.xlsx",
            "sheet": None,
            "cell": None,
        },
    )
    return [ok, bad]


# ---------------------------------------------------------------- JSON


def test_json_report_validates_against_schema_and_keeps_required_keys():
    doc = json.loads(render(_results(), "json", profile="national"))
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert doc["schema"] == "perfxl.report/2" and doc["profile"] == "national"
    first, second = doc["files"]
    assert set(first) >= {"path", "ok", "error", "findings", "summary"}
    assert first["summary"] == {
        "errors": 3,
        "warnings": 2,
        "infos": 2,
        "score_reported": 99,
        "score_computed": 97.66,
        "grade": "优",
    }
    f = next(x for x in first["findings"] if x["code"] == "S01")
    assert (f["severity"], f["sheet"], f["cell"], f["expected"], f["actual"]) == ("error", EVAL, "H25", "9.83", "9")
    assert second["ok"] is False and second["error"]["code"] == "FILE_UNREADABLE" and second["findings"] == []
    assert doc["totals"] == {"files": 2, "pairs": 0, "unreadable": 1, "errors": 3, "warnings": 2, "infos": 2}


def test_json_findings_in_reading_order_by_sheet_row_col():
    doc = json.loads(render(_results(), "json"))
    cells = [(f["sheet"], f["cell"]) for f in doc["files"][0]["findings"]]
    eval_cells = [c for s, c in cells if s == EVAL]
    assert eval_cells == ["G6", "F10:I10", "I12", "B21", "H25"]


def test_schema_rejects_a_report_missing_a_pinned_key():
    doc = json.loads(render(_results(), "json"))
    del doc["files"][0]["findings"][0]["expected"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)


# ---------------------------------------------------------------- SARIF


def _no_extras(model, path="$"):
    """Every key we emitted is a field sarif-pydantic knows (its models allow extras silently)."""
    from pydantic import BaseModel

    if isinstance(model, BaseModel):
        assert not model.model_extra, f"unknown SARIF keys at {path}: {list(model.model_extra)}"
        for name in type(model).model_fields:
            _no_extras(getattr(model, name), f"{path}.{name}")
    elif isinstance(model, list):
        for i, item in enumerate(model):
            _no_extras(item, f"{path}[{i}]")


def test_sarif_round_trips_through_sarif_pydantic():
    from sarif_pydantic import Sarif

    from perfxl.rules.catalogue import CATALOGUE

    text = render(_results(), "sarif", catalogue=CATALOGUE, profile="national")
    raw = json.loads(text)
    log = Sarif.model_validate_json(text)
    _no_extras(log)
    again = json.loads(log.model_dump_json(by_alias=True, exclude_none=True))
    assert again == raw
    assert raw["version"] == "2.1.0" and raw["$schema"].endswith("sarif-2.1.0.json")
    run = log.runs[0]
    rules = run.tool.driver.rules
    ids = [r.id for r in rules]
    assert ids[: len(CATALOGUE)] == [s.code for s in CATALOGUE]
    assert "FILE_UNREADABLE" in ids and "X99" in ids
    for res in run.results:
        assert rules[res.rule_index].id == res.rule_id
    s01 = next(r for r in run.results if r.rule_id == "S01")
    loc = s01.locations[0]
    assert (
        loc.physical_location.artifact_location.uri == "examples/%E9%9A%86%E5%9B%9E%20%E7%A7%91%E5%B7%A5%E4%BF%A1.xlsx"
    )
    assert (loc.physical_location.region.start_line, loc.physical_location.region.start_column) == (25, 8)
    assert loc.logical_locations[0].fully_qualified_name == f"{EVAL}!H25"
    assert s01.level.value == "error"
    info = next(r for r in run.results if r.rule_id == "G02")
    assert info.level.value == "note"
    unreadable = next(r for r in run.results if r.rule_id == "FILE_UNREADABLE")
    assert unreadable.locations[0].physical_location.artifact_location.uri.startswith("file:///data/")


# ---------------------------------------------------------------- CSV


def test_csv_is_utf8_bom_and_neutralises_formula_starts(tmp_path):
    text = render(_results(), "csv")
    out = tmp_path / "r.csv"
    out.write_bytes(text.encode(ENCODING["csv"]))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:4] == ["文件", "单位", "工作表", "单元格"]
    assert len(rows) == 1 + 7 + 1
    for row in rows[1:]:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")) or is_plain_number(value), (row, value)
    g02 = next(r for r in rows if r[5] == "G02")
    assert g02[7].lstrip("'") == '=HYPERLINK("http://x")' and g02[8].lstrip("'") == "-1+2"
    x99 = next(r for r in rows if r[5] == "X99")
    assert x99[6].lstrip("'").startswith("@SUM")


# ---------------------------------------------------------------- HTML


def test_html_is_self_contained_escaped_and_charts_sections():
    html = render(_results(), "html", profile="national")
    assert "<script" not in html.lower().replace("&lt;script", "")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&amp;" in html  # markupsafe escaping
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html), "no external resources"
    assert "<link" not in html and "@import" not in html
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.count('<rect class="bar"') == 5  # one section lacks a recomputed score
    assert svg.count('<rect class="weight"') == 3
    assert "产出指标（55分）" in svg and "24.83" in svg and "重算：无" in svg
    assert "文件已损坏，无法打开" in html
    for sheet in (EVAL, BASIC):
        assert f"工作表：{sheet}" in html


def test_html_bar_lengths_follow_the_scores():
    from perfxl.report.html import score_chart_svg

    svg = score_chart_svg([SectionScore("产出指标", Decimal("50"), Decimal("50"), Decimal("25"))])
    widths = [float(w) for w in re.findall(r'<rect class="bar" x="\d+" y="\d+" width="([\d.]+)" height="15"', svg)]
    assert widths[0] == pytest.approx(2 * widths[1])


# ---------------------------------------------------------------- console


def test_console_text_groups_by_sheet_in_chinese():
    text = render(_results(), "text")
    assert text.index(f"工作表：{EVAL}") < text.index(f"工作表：{BASIC}") < text.index("工作表：（整个文件）")
    assert "错误" in text and "9.83" in text and "总分 填报 99 / 重算 97.66" in text
    assert "无法读取 [FILE_UNREADABLE]：文件已损坏，无法打开" in text
    assert "合计 2 个文件（无法读取 1 个）：错误 3 个，警告 2 个，提示 2 个" in text
    assert "\x1b[" not in text


def test_console_table_lines_align_and_never_cut_a_number():
    """The wide layout: every table line takes the same terminal cells, the level is coloured, and a long
    explanation wraps between characters, never inside a figure (rich's cell count: CJK = 2 cells)."""
    from rich.cells import cell_len
    from rich.console import Console

    long = Finding(
        "F04", Severity.ERROR, CellRef(EVAL, "G7"), "执行率应为 " + "；".join(["2223.04/2223.04 = 100.00%"] * 9)
    )
    result = FileResult(path="a.xlsx", ok=True, findings=(long, *_findings()[:3]))
    text = render([result], "text")
    table = [line for line in text.splitlines() if line[:1] in "┏┃┡│└"]
    assert len({cell_len(line) for line in table}) == 1, table
    assert cell_len(table[0]) <= 140
    pieces = [line.split("│")[4] for line in table if line.startswith("│")]
    assert sum(piece.count("2223.04/2223.04") for piece in pieces) == 9  # each figure whole on one line
    from perfxl.report.console import print_report

    buf = io.StringIO()
    print_report([result], Console(file=buf, width=140, force_terminal=True, color_system="standard"))
    assert "\x1b[1;31m错误\x1b[0m" in buf.getvalue()  # the level keeps its colour
    text_finding = Finding("N01", Severity.WARNING, TextRef(paragraph=12), "正文与表格不符")
    buf = io.StringIO()
    narrative = FileResult(path="报告.docx", ok=True, findings=(text_finding,))
    print_report([narrative], Console(file=buf, width=140, force_terminal=True, color_system="standard"))
    assert "│ 第12段 │ \x1b[33m警告\x1b[0m │" in buf.getvalue()  # a CJK place does not shift the colour


def test_every_format_renders_an_empty_clean_result():
    clean = [FileResult(path="a.xlsx", ok=True)]
    for fmt in FORMATS:
        assert render(clean, fmt)
    assert "未发现问题" in render(clean, "text")
    with pytest.raises(ValueError):
        render(clean, "pdf")


def test_a_report_documents_groups_are_its_narrative_and_tables(tmp_path):
    """A .docx's findings are grouped under "正文" and "表格：表N", in the console and in HTML — not "工作表：正文"
    (journey12: a report has no sheets)."""
    from perfxl.report.console import render_text
    from perfxl.report.html import render_html
    from perfxl.validate import validate_file
    from perfxl.workbook.report_docx import build_report_docx

    result = validate_file(build_report_docx(tmp_path / "自评报告.docx").path)
    sheets = {f.sheet for f in result.findings}
    assert "正文" in sheets and any(s.startswith("表") for s in sheets if s)
    for text in (render_text([result]), render_html([result])):
        assert "工作表：" not in text
        assert "表格：表" in text and "正文" in text
