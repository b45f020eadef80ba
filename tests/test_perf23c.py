"""Issue 14, session 23 (perf23c): a batch file's outputs made in Python give the bytes the code they replaced gave.

- the dashboard's findings rows (`shards.html_finding_rows`) are the rows dashboard_rows.html.j2's macro wrote
  (the macro, as it was at 8b380d9, rendered by the same Jinja environment beside them);
- a checked file's state.jsonl and findings.jsonl lines, made from the findings' own JSON (`pack_record(texts=…)`,
  the worker's path), are the bytes `json.dumps` of the record's finding dicts wrote; and a whole `check_packed`
  gives the shards `pack_record` of its record gives without them.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis_budget import draws
from markupsafe import Markup

from perfxl.batch import shards
from perfxl.batch.shards import html_finding_rows, pack_record
from perfxl.batch.worker import Job, WorkerConfig, check_packed, record_from_result
from perfxl.grid import Grid
from perfxl.reader import read_grids
from perfxl.report.templating import environment
from perfxl.result import FileResult, Summary
from perfxl.validate import validate_file, validate_submission

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
CORPUS = ROOT / "tests" / "realworld"

#: dashboard_rows.html.j2 as it was before perf23c (the findings rows of the batch dashboard).
_MACRO = """{% macro finding_rows(rows, severity_zh) %}
{% for sev, code, file, sheet, cell, message, expected, actual in rows %}
<tr data-severity="{{ sev }}" data-code="{{ code }}">{% if file is none or file == "" %}<td></td>{% else %}\
<td>{{ file }}</td>{% endif %}<td><code>{{ code }}</code></td><td class="sev-{{ sev }}" data-v="{{ sev }}">\
{{ severity_zh.get(sev, sev) }}</td>{% for v in (sheet, cell, message, expected, actual) %}\
{% if v is none or v == "" %}<td></td>{% else %}<td>{{ v }}</td>{% endif %}{% endfor %}</tr>
{% endfor %}
{% endmacro %}
"""

_TEXTS = ["", " ", "差额 1.5 万元", ' "引号" \' 单引号 \\ ', "<b>&amp;</b>", "a&b<c>d", "\x01控制", "😀", "&#39;", "\n"]


def _by_macro(findings: list[dict[str, Any]]) -> bytes:
    module = environment().from_string(_MACRO).module
    rows = [
        (
            f.get("severity") or "",
            f.get("code") or "",
            f.get("file"),
            f.get("sheet"),
            f.get("cell"),
            f.get("message"),
            f.get("expected"),
            f.get("actual"),
        )
        for f in findings
    ]
    return str(module.finding_rows(rows, shards._SEVERITY_ZH)).encode("utf-8")


def _value(rng: random.Random) -> Any:
    return rng.choice([None, "", 0, 1.5, float("nan"), True, -3, Markup("<i>safe</i>"), *_TEXTS])


def test_dashboard_rows_are_the_macros_bytes_on_random_findings() -> None:
    rng = random.Random(2323)
    for _ in range(draws(600, 120)):
        findings = [
            {
                "file": rng.choice([None, "", "单位<1>.xlsx", 'a "b".xlsx', 7]),
                "code": rng.choice(["S08", "W02", "", None, "<b>", "a&b"]),
                "severity": rng.choice(["error", "warning", "info", None, "", "odd", "<x>", 2]),
                **{k: _value(rng) for k in ("sheet", "cell", "message", "expected", "actual")},
            }
            for _ in range(rng.randint(0, 8))
        ]
        assert html_finding_rows(findings) == _by_macro(findings), findings


def test_dashboard_rows_are_the_macros_bytes_on_the_example() -> None:
    result = validate_file(EXAMPLE)
    record = record_from_result(result, Job(0, str(EXAMPLE), EXAMPLE.name, "", "x"))
    lines = [shards._finding_line(record, f) for f in shards.record_findings(record)]
    assert len(lines) > 10
    assert html_finding_rows(lines) == _by_macro(lines)
    assert html_finding_rows(lines).count(b"</tr>\n") == len(lines)


def _plain(record: dict[str, Any], cache_key: str, new: bool) -> tuple[bytes, bytes]:
    packed = pack_record(record, cache_key=cache_key, new=new)
    return packed.state, packed.findings_jsonl


def _results() -> list[FileResult]:
    """The bundled example's result, and every 7th corpus table's (tests/realworld/render.py) checked from its grid."""
    sys.path.insert(0, str(CORPUS))
    from render import _merge_bounds, corpus_files, load_table  # type: ignore[import-not-found]

    out = [validate_file(EXAMPLE)]
    for path in corpus_files()[::7]:
        table = load_table(path)
        merged = tuple(b for m in table.merges if (b := _merge_bounds(m)) is not None)
        sub = read_grids([Grid(table.sheet, [list(r) for r in table.rows], merged)], table.path.name)
        found = validate_submission(sub)
        out.append(FileResult(path=str(path), ok=True, findings=tuple(found), summary=Summary.of(found)))
    return out


@pytest.mark.parametrize("new", [True, False])
def test_packed_lines_from_the_findings_json_are_the_dumped_dicts_bytes(new: bool) -> None:
    seen = 0
    for i, result in enumerate(_results()):
        job = Job(i, result.path, Path(result.path).name, "", f"s{i}")
        texts: list[str] = []
        record = record_from_result(result, job, texts)
        assert record == record_from_result(result, job)  # the same record, texts asked or not
        assert len(texts) == len(record["findings"])
        got = pack_record(record, cache_key="k", new=new, texts=texts)
        assert (got.state, got.findings_jsonl) == _plain(record, "k", new), result.path
        assert [json.loads(t) for t in texts] == record["findings"]
        seen += len(texts)
    assert seen > 100


def test_check_packed_gives_the_shards_of_its_record_dumped_plainly(tmp_path: Path) -> None:
    config = WorkerConfig(str(tmp_path), reports=True)
    job = Job(3, str(EXAMPLE), EXAMPLE.name, "", "example")
    packed = check_packed(job, config)
    record = json.loads(packed.state)
    assert record["findings"] and record["cache_key"] == ""
    plain = pack_record({k: v for k, v in record.items() if k not in ("cache_key", "cached")}, cache_key="")
    assert (packed.state, packed.findings_jsonl, packed.html_rows, packed.xlsx_rows) == (
        plain.state,
        plain.findings_jsonl,
        plain.html_rows,
        plain.xlsx_rows,
    )
