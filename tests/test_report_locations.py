"""One Finding/Location model in every format: narrative paragraphs, related cells, basis, certainty, coverage.

The findings are shaped like those a report document produces (a paragraph contradicting a table cell)
and those a guess produces (a direction read from an indicator's name); the file result is the real
seed example checked by perfxl, so the narrow-console test runs on real messages.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from perfxl.model import (
    CellRef,
    Certainty,
    Coverage,
    Finding,
    RowRun,
    Severity,
    SheetCoverage,
    SkippedCheck,
    TableCoverage,
    TextRef,
)
from perfxl.report import render
from perfxl.result import FileResult, Summary

REPO = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text(encoding="utf-8"))
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


def _narrative_result() -> FileResult:
    table_cell = CellRef("表2", "F13")
    findings = (
        Finding(
            "N01",
            Severity.ERROR,
            TextRef(12, None, "新增规模工业企业16家"),
            "正文写 16家，表中为 20家",
            "text 16 vs table 20",
            "20家",
            "16家",
            "报告.docx",
            related=(table_cell,),
            basis="正文第12段“16家”；表2!F13“20家”",
            basis_en="paragraph 12 says 16; table 2 F13 says 20",
        ),
        Finding(
            "S11",
            Severity.ERROR,
            CellRef("自评表", "H9"),
            "按“越低越好”理解，得分应为 10",
            "",
            "10",
            "6",
            "报告.docx",
            basis="指标名称含“受害率”，推断越低越好",
            certainty=Certainty.GUESS,
        ),
        Finding("N02", Severity.WARNING, TextRef(None, 3), "第3页的说法无表格支持", "", None, None, "报告.pdf"),
    )
    coverage = Coverage(
        source_format="docx",
        sheets=(
            SheetCoverage("表1", "basic"),
            SheetCoverage("表2", "department"),
            SheetCoverage("表3", "other", certain=False, note_zh="无表头，未识别为自评表"),
        ),
        tables=(
            TableCoverage(
                "表2",
                "department",
                "A1:J24",
                (RowRun("header", 1, 3), RowRun("funds", 4, 9), RowRun("indicator", 10, 22)),
                False,
            ),
        ),
        skipped=(SkippedCheck("W05", "表中没有总分行，分值合计无法确定", "no total row", "表2"),),
    )
    return FileResult(path="报告.docx", ok=True, findings=findings, summary=Summary.of(findings), coverage=coverage)


def test_a_guess_is_never_an_error():
    f = _narrative_result().findings[1]
    assert f.certainty is Certainty.GUESS and f.severity is Severity.WARNING


def test_json_v2_carries_locations_related_basis_certainty_and_coverage():
    doc = json.loads(render([_narrative_result()], "json", profile="national"))
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert doc["schema"] == "perfxl.report/2"
    by_code = {f["code"]: f for f in doc["files"][0]["findings"]}
    n01 = by_code["N01"]
    assert n01["location"] == {
        "kind": "paragraph",
        "sheet": None,
        "cell": None,
        "anchor": None,
        "paragraph": 12,
        "page": None,
        "excerpt": "新增规模工业企业16家",
    }
    assert n01["related"][0]["sheet"] == "表2" and n01["related"][0]["cell"] == "F13"
    assert n01["certainty"] == "certain" and "表2!F13" in n01["basis"]
    assert by_code["S11"]["certainty"] == "guess" and by_code["S11"]["severity"] == "warning"
    assert by_code["N02"]["location"]["page"] == 3
    cov = doc["files"][0]["coverage"]
    assert cov["source_format"] == "docx"
    assert cov["tables"][0]["rows"] == [["header", 1, 3], ["funds", 4, 9], ["indicator", 10, 22]]
    assert cov["not_checked"][0]["code"] == "W05"


def test_schema_rejects_an_unknown_certainty():
    doc = json.loads(render([_narrative_result()], "json"))
    doc["files"][0]["findings"][0]["certainty"] = "probably"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_sarif_names_paragraphs_and_related_cells():
    from sarif_pydantic import Sarif

    text = render([_narrative_result()], "sarif")
    log = Sarif.model_validate_json(text)
    n01 = next(r for r in log.runs[0].results if r.rule_id == "N01")
    assert n01.locations[0].logical_locations[0].kind == "paragraph"
    assert n01.locations[0].physical_location.region.start_line == 12
    assert n01.related_locations[0].logical_locations[0].fully_qualified_name == "表2!F13"
    raw = json.loads(text)
    props = next(r for r in raw["runs"][0]["results"] if r["ruleId"] == "S11")["properties"]
    assert props["certainty"] == "guess" and "受害率" in props["basis"]


def test_csv_has_basis_certainty_and_related_columns():
    rows = list(csv.reader(io.StringIO(render([_narrative_result()], "csv"))))
    header = rows[0]
    assert header[-3:] == ["依据", "确定性", "对照位置"]
    n01 = next(r for r in rows if r[5] == "N01")
    assert (n01[2], n01[3], n01[-1]) == ("正文", "第12段", "表2!F13")
    s11 = next(r for r in rows if r[5] == "S11")
    assert s11[4] == "警告" and s11[-2] == "依据推断"


def test_console_and_html_show_related_basis_and_one_coverage_line_per_table():
    text = render([_narrative_result()], "text")
    assert "对照：表2!F13" in text and "依据：指标名称含“受害率”" in text
    assert (
        "表2：部门整体支出绩效自评表 A1:J24；第1–3行 表头，第4–9行 资金，第10–22行 指标；无总分行（表格可能不完整）；未能运行：W05"
        in text
    )
    assert "表3：其他内容（推断），已读取（无表头，未识别为自评表）" in text  # (journey13: 已读取 no longer said twice)
    html = render([_narrative_result()], "html")
    assert "对照：表2!F13" in html and "读取范围" in html and "第10–22行 指标" in html


def test_narrow_console_never_cuts_a_number():
    from perfxl.report.console import render_text
    from perfxl.validate import validate_file

    result = validate_file(EXAMPLE)
    text = render_text([result], width=80)
    assert max(len(line) for line in text.splitlines()) <= 80 * 2  # CJK cells are two columns wide
    lines = text.splitlines()
    for f in result.findings:
        for value in (f.expected, f.actual):
            if value and len(value) <= 24:
                assert any(value in line for line in lines), f"{f.code} {value!r} cut"
        for number in re.findall(r"\d+(?:\.\d+)?%?", f.message):
            assert any(number in line for line in lines), f"{f.code}: {number} cut"
    assert "94.5" in text and "1336.92" in text and "140.63%" in text
