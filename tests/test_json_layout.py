"""The JSON report's text layout (issue 14): the frame indented by two spaces, every finding (and every other
record) on one line written by json's C encoder, the data the same as `report_dict` gives, valid against the schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from perfxl.report.json_report import render_json, report_dict
from perfxl.result import FileResult
from perfxl.validate import validate_file

REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text(encoding="utf-8"))
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


@pytest.fixture(scope="module")
def seed_results() -> list[FileResult]:
    """The seed example's real findings, and an unreadable file beside it (a report of two files)."""
    return [validate_file(EXAMPLE), validate_file(REPO / "no-such-file.xlsx")]


def test_json_text_holds_exactly_the_report_data_and_fits_the_schema(seed_results: list[FileResult]) -> None:
    text = render_json(seed_results, profile="national")
    assert text.endswith("}\n")
    doc = json.loads(text)
    assert doc == json.loads(json.dumps(report_dict(seed_results, profile="national")))
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert "\\u" not in text  # Chinese as UTF-8, not escaped


def test_json_writes_each_finding_on_one_line_in_report_order(seed_results: list[FileResult]) -> None:
    text = render_json(seed_results)
    doc = json.loads(text)
    findings = doc["files"][0]["findings"]
    assert len(findings) >= 10  # the seed example has real findings of several checks
    lines = [line.strip().removesuffix(",") for line in text.splitlines()]
    one_line = [json.loads(line) for line in lines if line.startswith('{"code": ')]
    assert one_line == findings


def test_json_frame_is_indented_as_before(seed_results: list[FileResult]) -> None:
    """Above the records the text is what `json.dumps(indent=2)` wrote: readers that looked at it see the same."""
    text = render_json(seed_results)
    doc = json.loads(text)
    head = text.split('"findings"', 1)[0]
    assert head == json.dumps(doc, ensure_ascii=False, indent=2).split('"findings"', 1)[0]
    assert '\n      "summary": {\n        "errors": ' in text
