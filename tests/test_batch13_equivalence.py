"""Per-file work cut for issue 14 (batch, session 13) gives the same bytes and verdicts as the code it replaced."""

from __future__ import annotations

import json
import random
import re
from typing import Any

from hypothesis_budget import draws

from perfxl.batch import shards
from perfxl.batch.shards import html_finding_rows, pack_record, xlsx_finding_rows
from perfxl.io.guard import Limits
from perfxl.report.templating import environment


def _finding(rng: random.Random, i: int) -> dict[str, Any]:
    texts = ["", " ", "差额 1.5 万元", ' "引号" \\ 反斜杠\n', "=SUM(A1)", "\t前导", "尾随 ", "<&>", "\x01控制", "😀"]
    return {
        "code": f"D{i:02d}",
        "severity": rng.choice(["error", "warning", "info"]),
        "sheet": rng.choice([None, "Sheet1", "表 1"]),
        "cell": rng.choice([None, "B7"]),
        "message": rng.choice(texts),
        "expected": rng.choice([None, 1.5, 10, "100%", float("nan")]),
        "actual": rng.choice([None, -3, True, rng.choice(texts)]),
        "related": rng.choice([[], [{"sheet": "S", "cell": "A1"}], {"a": [1, 2.5, None]}]),
    }


def _record(rng: random.Random) -> dict[str, Any]:
    findings = [_finding(rng, i) for i in range(rng.randint(0, 4))]
    if rng.random() < 0.2 and findings:
        findings[0]["file"] = "own file key"  # a finding with its own "file": dumped in full
    items = [
        ("path", "/in/单位 1.xlsx"),
        ("ok", rng.random() < 0.85),
        ("error", rng.choice([None, {"code": "ZIP_CORRUPT", "message": "损坏"}])),
        ("summary", {"score": 1.5, "codes": ["D01"]}),
        ("notes", []),
        ("name", rng.choice(["单位 1.xlsx", 'a "b".xlsx'])),
        ("index", rng.randint(0, 9)),
    ]
    rng.shuffle(items)
    items.insert(rng.randint(0, len(items)), ("findings", rng.choice([findings, findings, None])))
    return dict(items)


def _packed_as_before(record: dict[str, Any], cache_key: str, new: bool) -> tuple[bytes, bytes]:
    """pack_record's state and findings.jsonl bytes as they were: json.dumps of the whole record and of each line."""
    if new:
        record = {**record, "cache_key": cache_key, "cached": False}
    lines = [shards._finding_line(record, f) for f in shards.record_findings(record)]
    state = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8") if new else b""
    return state, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8")


def test_state_and_findings_lines_are_the_bytes_json_dumps_wrote() -> None:
    rng = random.Random(13)
    for _ in range(draws(3000, 300)):
        record, new = _record(rng), rng.random() < 0.8
        packed = pack_record(record, cache_key="k1", new=new)
        assert (packed.state, packed.findings_jsonl) == _packed_as_before(record, "k1", new)


def test_a_cell_with_edge_white_space_keeps_it_as_the_regex_decided() -> None:
    edge = re.compile(r"^\s|\s$")
    for text in ["a", " a", "a ", "a\n", "\u3000甲", "乙\u00a0", "a b", "\n", "", "x\u2028", "\x1c", "\x85a", "甲\t乙"]:
        row = xlsx_finding_rows([{"message": text}]).decode()
        assert ('xml:space="preserve"' in row) == bool(edge.search(shards._cell_text(text))), repr(text)


def test_limits_from_the_environment_follow_each_call() -> None:
    assert Limits.from_env({}) == Limits()
    assert Limits.from_env({"PERFXL_MAX_SHEETS": "5", "OTHER": "1"}).max_sheets == 5
    assert Limits.from_env({"PERFXL_MAX_SHEETS": "6"}).max_sheets == 6


#: dashboard_rows.html.j2's macro before session 13 (it read each finding dict key by key).
_ROWS_BEFORE = """{% macro finding_rows(findings, severity_zh) %}
{% for f in findings %}
{% set sev = f.severity or "" %}
<tr data-severity="{{ sev }}" data-code="{{ f.code or '' }}">{% if f.file is none or f.file == "" %}<td></td>{% else %}\
<td>{{ f.file }}</td>{% endif %}<td><code>{{ f.code or "" }}</code></td><td class="sev-{{ sev }}" data-v="{{ sev }}">\
{{ severity_zh.get(sev, sev) }}</td>{% for v in (f.sheet, f.cell, f.message, f.expected, f.actual) %}\
{% if v is none or v == "" %}<td></td>{% else %}<td>{{ v }}</td>{% endif %}{% endfor %}</tr>
{% endfor %}
{% endmacro %}
"""


def test_dashboard_rows_are_the_html_the_dict_reading_macro_wrote() -> None:
    rng = random.Random(1306)
    before = environment().from_string(_ROWS_BEFORE).module
    for _ in range(draws(500, 100)):
        lines = [
            {"file": rng.choice([None, "", "单位<1>.xlsx"]), "path": "/in/x", **_finding(rng, i)}
            for i in range(rng.randint(0, 5))
        ]
        for line in lines:
            line["severity"] = rng.choice(["error", "warning", "info", None, "odd"])
            line["code"] = rng.choice(["D01", None, "", "<b>"])
        expected = str(before.finding_rows(lines, shards._SEVERITY_ZH)).encode("utf-8")
        assert html_finding_rows(lines) == expected
