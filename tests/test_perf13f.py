"""Session 13's shortcuts on a finding's path and in I14 (issue 14) give the answers of the plain forms they replace: a
finding's message fields rendered without a copy, the JSON records written by one C encoder made once, severities
counted by their values, and a name without "%" not searched for the percentage ending it."""

from __future__ import annotations

import json
import random
from decimal import Decimal

from perfxl.model import CellRef, Finding, Severity
from perfxl.report.json_report import _ONE_LINE
from perfxl.result import Summary
from perfxl.rules import indicators
from perfxl.rules.catalogue import CATALOGUE, Fields


def _plain_name_states(name: str) -> tuple[Decimal, Decimal, str] | None:
    m = indicators._NAME_PERCENT.search(name)
    if m is None or indicators._PERCENT.search(name[: m.start()]):
        return None
    low, high = Decimal(m.group(1) or m.group(2)), Decimal(m.group(2))
    return min(low, high), max(low, high), m.group(0).strip()


def test_name_states_as_the_plain_search():
    rng = random.Random(1313)
    chars = list("达标率质量降低较上年0123456789.%％ -~～—–至到、率\n")
    names = ["", "%", "达标率100%", "达标率90%-95%", "中央80%、地方20%", "质量达标率100%\n", "100 %", "1.5%至2%"]
    names += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 14))) for _ in range(5000)]
    for name in names:
        assert indicators._name_states(name) == _plain_name_states(name), name


def test_render_takes_fields_as_given_or_copies_a_plain_dict():
    values = {"expected": "50", "actual": "55", "name": "产出指标"}
    for spec in CATALOGUE:
        assert spec.render(Fields(values)) == spec.render(dict(values))
        assert spec.render({}) == (spec.template_zh.format_map(Fields()), spec.template_en.format_map(Fields()))


def test_one_line_encoder_writes_what_json_encode_writes():
    encode = json.JSONEncoder(ensure_ascii=False).encode
    values = [
        None,
        True,
        0,
        -3,
        1.5,
        float("inf"),
        "“产出指标”\n\t\\ \u2028 é",
        ["a", 1, None, {"k": [1.25, "值"]}],
        {"code": "S08", "related": [], "location": {"kind": "cell", "sheet": "表", "cell": "I13"}, "n": 2.0},
        {},
        [],
    ]
    for value in values:
        assert _ONE_LINE(value) == encode(value), value


def test_summary_counts_by_severity():
    ref = CellRef("表", "A1")
    findings = [Finding("X", s, ref, "m") for s in (Severity.ERROR, Severity.WARNING, Severity.WARNING, Severity.INFO)]
    s = Summary.of(findings)
    assert (s.errors, s.warnings, s.infos) == (1, 2, 1)
    assert [x.rank for x in Severity] == [3, 2, 1]
