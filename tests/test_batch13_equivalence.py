"""Per-file work cut for issue 14 (batch, session 13) gives the same bytes and verdicts as the code it replaced."""

from __future__ import annotations

import json
import random
import re
from typing import Any
from xml.sax import SAXException

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.expatreader import create_parser

from perfxl.batch import shards
from perfxl.batch.shards import html_finding_rows, pack_record, xlsx_finding_rows
from perfxl.io.guard import Limits
from perfxl.io.guard_inflate import DtdForbidden, XmlPrologue, _FirstElement
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
    for _ in range(3000):
        record, new = _record(rng), rng.random() < 0.8
        packed = pack_record(record, cache_key="k1", new=new)
        assert (packed.state, packed.findings_jsonl) == _packed_as_before(record, "k1", new)


def test_a_cell_with_edge_white_space_keeps_it_as_the_regex_decided() -> None:
    edge = re.compile(r"^\s|\s$")
    for text in ["a", " a", "a ", "a\n", "\u3000甲", "乙\u00a0", "a b", "\n", "", "x\u2028", "\x1c", "\x85a", "甲\t乙"]:
        row = xlsx_finding_rows([{"message": text}]).decode()
        assert ('xml:space="preserve"' in row) == bool(edge.search(shards._cell_text(text))), repr(text)


class _SaxPrologue(XmlPrologue):
    """XmlPrologue as it was before session 13: defusedxml's SAX expat reader, a content handler that stops."""

    @staticmethod
    def _new_parser() -> Any:
        class Handler:
            def startElement(self, name: str, attrs: Any) -> None:
                raise _FirstElement

            def __getattr__(self, name: str) -> Any:
                return lambda *a, **k: None

        parser = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
        parser.setContentHandler(Handler())
        return parser

    def _parse(self, piece: bytes) -> None:
        try:
            self._parser.feed(piece)
        except _FirstElement:
            self.done = True
        except DTDForbidden:
            raise DtdForbidden(self.member, "doctype") from None
        except (EntitiesForbidden, ExternalReferenceForbidden):
            raise DtdForbidden(self.member, "entity") from None
        except (SAXException, ValueError, LookupError):
            self._text_mode = True
            self._text_search(bytes(self._head))


def _verdict(check: XmlPrologue, data: bytes, step: int) -> tuple[Any, ...]:
    try:
        for i in range(0, len(data), step):
            check.feed(data[i : i + step])
        check.close()
    except DtdForbidden as exc:
        return ("refused", exc.what, check._text_mode)
    return ("passed", check.done, check._text_mode)


def test_the_bare_expat_prologue_check_decides_as_the_sax_reader_did() -> None:
    rng = random.Random(1305)
    pieces = [
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        b'<?xml version="1.0" encoding="GBK"?>',
        b'<?xml version="1.0" encoding="x-unknown"?>',
        b"<!-- note -->",
        b"<!-- <!DOCTYPE x> -->",
        b"<?pi data?>",
        b"<!DOCTYPE r>",
        b'<!DOCTYPE r [<!ENTITY e "x">]>',
        b'<!DOCTYPE r SYSTEM "http://x/r.dtd">',
        b"<!ENTITY e 'x'>",
        b"\n  ",
        b'<worksheet xmlns="urn:x"><sheetData/>',
        b"<r>&e;</r>",
        b"<a",
        b"</b>",
        b"\xef\xbb\xbf",
        b"junk",
        b"\x00",
    ]
    for _ in range(4000):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        step = rng.choice([1, 3, 7, 64])
        now, before = _verdict(XmlPrologue("p.xml"), data, step), _verdict(_SaxPrologue("p.xml"), data, step)
        assert now == before, (data, step)


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
    for _ in range(500):
        lines = [
            {"file": rng.choice([None, "", "单位<1>.xlsx"]), "path": "/in/x", **_finding(rng, i)}
            for i in range(rng.randint(0, 5))
        ]
        for line in lines:
            line["severity"] = rng.choice(["error", "warning", "info", None, "odd"])
            line["code"] = rng.choice(["D01", None, "", "<b>"])
        expected = str(before.finding_rows(lines, shards._SEVERITY_ZH)).encode("utf-8")
        assert html_finding_rows(lines) == expected
