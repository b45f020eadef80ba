"""perf16o's JSON report and finding order, each held against its plain form (docs/performance.md, branch perf16o).

- `_finding_json` writes a finding's record as json's C encoder writes `_finding(f)`'s dict, on random findings
  (texts with quotes, backslashes, control and non-BMP characters; no place, a cell, a paragraph; values of other
  types);
- `render_json` is the text the frame-by-dict layout wrote (`_plain_render`: session 15's form);
- `sorted_findings` is the plain sort by (sheet order, `parse_a1`'s position, severity, code);
- a batch file's 问题明细 rows (`shards.xlsx_finding_rows`) are the plain rows' bytes.
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis_budget import draws

from perfxl.batch import shards
from perfxl.model import CellRef, Certainty, Finding, Severity, TextRef, parse_a1
from perfxl.report import _common
from perfxl.report import json_report as jr
from perfxl.safety import neutralise_formula
from perfxl.validate import validate_file

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"

_BITS = [
    "",
    "a",
    "B",
    '"',
    "\\",
    "\n",
    "\t",
    "\x00",
    "\x1f",
    "\x7f",
    "“",
    "”",
    "自评表",
    "分值",
    "𠀀",
    "😀",
    "é",
    " ",
    "%",
]
_CELLS = [
    "A1",
    "B13",
    "AB7",
    "XFD1048576",
    "B5:B9",
    "$B$7",
    "b7",
    " C3 ",
    "C３",
    "3C",
    "",
    "ABCD1",
    "A0",
    "Z012",
    "正文",
]


def _text(rng: random.Random) -> str:
    return "".join(rng.choices(_BITS, k=rng.randrange(0, 6)))


def _place(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.15:
        return TextRef(rng.choice([None, rng.randrange(1, 300)]), rng.choice([None, rng.randrange(1, 9)]), _text(rng))
    sheet = rng.choice(["自评表", "部门整体支出绩效自评表", 'a"b', "表\n1", _text(rng)])
    return CellRef(sheet, rng.choice(_CELLS), rng.choice([None, None, rng.choice(_CELLS)]))


def _finding(rng: random.Random) -> Finding:
    odd: Any = rng.choice([None, "", "100%", 7, 2.5, True, _text(rng)])
    return Finding(
        code=rng.choice(["W01", "S08", "F04", 'X"1', _text(rng)]),
        severity=rng.choice(list(Severity)),
        ref=None if rng.random() < 0.1 else _place(rng),
        message=_text(rng) if rng.random() < 0.97 else odd,
        message_en=rng.choice(["", _text(rng)]) if rng.random() < 0.97 else odd,
        expected=rng.choice([None, _text(rng)]) if rng.random() < 0.9 else odd,
        actual=rng.choice([None, _text(rng)]) if rng.random() < 0.9 else odd,
        related=tuple(_place(rng) for _ in range(rng.choice([0, 0, 1, 2]))),
        basis=rng.choice(["", _text(rng), "读取“分值”"]),
        basis_en=rng.choice(["", _text(rng)]) if rng.random() < 0.97 else odd,
        certainty=rng.choice(list(Certainty)),
    )


def _findings(seed: int, n: int) -> list[Finding]:
    rng = random.Random(seed)
    return [_finding(rng) for _ in range(n)]


def test_a_finding_s_line_is_the_c_encoder_s_text_of_its_dict():
    for f in _findings(16, 6_000):
        assert jr._finding_json(f) == jr._ONE_LINE(jr._finding(f)), f


def _plain_indented(value: Any, pad: str) -> str:
    if isinstance(value, dict) and value and len(pad) < 2 * jr._RECORD_DEPTH:
        inner = pad + "  "
        body = ",\n".join(f"{inner}{jr._ONE_LINE(k)}: {_plain_indented(v, inner)}" for k, v in value.items())
        return f"{{\n{body}\n{pad}}}"
    if isinstance(value, list) and value:
        inner = pad + "  "
        body = ",\n".join(f"{inner}{_plain_indented(v, inner)}" for v in value)
        return f"[\n{body}\n{pad}]"
    return jr._ONE_LINE(value)


def _plain_render(results: Any, profile: str | None) -> str:
    return _plain_indented(jr.report_dict(results, profile=profile), "") + "\n"


@pytest.fixture(scope="module")
def seed_results() -> list[Any]:
    return [validate_file(EXAMPLE), validate_file(REPO / "no-such-file.xlsx")]


def test_the_report_text_is_the_plain_layout_s(seed_results):
    random_file = dataclasses.replace(seed_results[0], findings=tuple(_findings(1616, 800)))
    empty_file = dataclasses.replace(seed_results[0], findings=())
    for results in (seed_results, [random_file, empty_file, *seed_results], [empty_file]):
        for profile in (None, "national"):
            assert jr.render_json(results, profile=profile) == _plain_render(results, profile)


def _plain_position(f: Finding) -> tuple[int, int]:
    if f.ref is None:
        return (0, 0)
    if isinstance(f.ref, TextRef):
        return (f.ref.paragraph or f.ref.page or 0, 0)
    try:
        return parse_a1(f.ref.first_cell)
    except ValueError:
        return (0, 0)


def _plain_sorted(findings: list[Finding]) -> list[Finding]:
    order: dict[str, int] = {}
    for f in findings:
        order.setdefault(f.sheet or "", len(order))
    return sorted(findings, key=lambda f: (order[f.sheet or ""], *_plain_position(f), -f.severity.rank, f.code))


def test_findings_sort_as_the_plain_key_sorts_them():
    rng = random.Random(160)
    for _ in range(draws(300, 60)):
        findings = _findings(rng.randrange(1 << 30), rng.randrange(0, 60))
        findings = [f for f in findings if isinstance(f.code, str)]
        assert [id(f) for f in _common.sorted_findings(findings)] == [id(f) for f in _plain_sorted(findings)]
    cells = _CELLS + [
        f"{rng.choice(['A', 'Q', 'AZ', 'XFD', 'a', '$A'])}{rng.randrange(0, 1 << 20)}" for _ in range(3_000)
    ]
    for cell in cells:
        plain = _plain_position(Finding("W01", Severity.INFO, CellRef("s", cell), ""))
        assert _common._cell_position(cell) == plain, cell


_XML_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")


def _plain_cell_text(value: Any) -> str:
    text = neutralise_formula(str(value))
    if len(text) > shards._MAX_CELL_UTF16 // 2 and len(text.encode("utf-16-le")) > 2 * shards._MAX_CELL_UTF16:
        text = text.encode("utf-16-le")[: 2 * shards._MAX_CELL_UTF16].decode("utf-16-le", "ignore")
    if _XML_SPECIAL.search(text):
        text = shards._ESCAPED_CONTROL.sub(r"_x005F\1", text)
        text = shards._CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
        text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _plain_xlsx_rows(findings: list[dict[str, Any]]) -> bytes:
    parts: list[str] = []
    for finding in findings:
        parts.append('<row r="\0">')
        for c, (key, _) in enumerate(shards.FINDING_COLUMNS):
            value = finding.get(key)
            if value is None or value == "":
                continue
            if key == "severity":
                value = shards._SEVERITY_ZH.get(value, value)
            text = _plain_cell_text(value)
            space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
            parts.append(f'<c r="{shards._LETTERS[c]}\0" t="inlineStr"><is><t{space}>{text}</t></is></c>')
        parts.append("</row>")
    return "".join(parts).encode("utf-8")


def test_the_findings_sheet_rows_are_the_plain_rows():
    """The 问题明细 rows with each repeated cell made once and the escape test split: the same bytes."""
    rng = random.Random(1606)
    bits = [*_BITS, "&", "<", ">", "_x0041_", "_x", "_X0041_", "_x00g1_", "\ufffe", "=1+2", "-3", "\r"]
    pool = ["", "a", "error", "warning", "自评表", "W01", *("".join(rng.choices(bits, k=3)) for _ in range(30))]
    keys = [key for key, _ in shards.FINDING_COLUMNS]
    for _ in range(draws(400, 80)):
        findings = [
            {key: rng.choice([*pool, None, 7, 2.5]) for key in keys if rng.random() < 0.9}
            for _ in range(rng.randrange(0, 12))
        ]
        assert shards.xlsx_finding_rows(findings) == _plain_xlsx_rows(findings)
