"""perf25d (issue 14): the checks' patterns a workbook's texts cannot match are not compiled for them.

Compiling a pattern runs Python's own regex compiler (≈ 0.3–1.5 M instructions a pattern, a CJK range ≈ 9.5 M); the
checks' modules compile theirs on first use (`lazy_compile`), so a check asking a pattern of a header, a unit or a goal
text paid its compile on every workbook, though most texts cannot hold a match. Nine rule patterns now take a word gate
(`needs=`: a text holding none of the words is answered "no match" without compiling) and `_period_in_unit` asks its
pattern only of a unit holding the slash every match holds; S-checks drop a period note only from a text holding a closing
bracket. Held here:
- each gate is one `tests/test_review20b.py` proves from the pattern's parse tree, and the stand-in answers every
  method as the compiled pattern does on the real tables' texts and on texts holding the gate's words;
- `_period_in_unit` gives what it gave when every unit was matched, on the real tables' units and made-up ones;
- a fresh process validating the bundled example compiles eight of them no more (the cut itself; slow: a subprocess).
And the JSON report's findings are put into its parts record by record, not joined into one copy first: the same text.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import hypothesis_budget
import pytest
from report_helpers import corpus_texts
from test_review20b import _proved

from perfxl.patterns import _Gated, lazy_compile
from perfxl.reader import read_submission
from perfxl.report._common import sorted_findings
from perfxl.report.json_report import _finding_json, render_json
from perfxl.rules import basic, funds, funds_indicator, goals, indicators, scores
from perfxl.rules.context import _COUNT_PER_PERIOD, _period_in_unit
from perfxl.validate import validate_file
from perfxl.values import ParsedValue, parse_value

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"

#: The nine patterns gated by perf25d, by name.
GATED = {
    "funds._STATED_RATE": funds._STATED_RATE,
    "funds._LETTER_RATE": funds._LETTER_RATE,
    "funds._COLUMN_LETTER": funds._COLUMN_LETTER,
    "funds_indicator._PLAIN": funds_indicator._PLAIN,
    "funds_indicator._STANDARD_KIND": funds_indicator._STANDARD_KIND,
    "funds_indicator._STATED": funds_indicator._STATED,
    "goals._DONE_ONLY": goals._DONE_ONLY,
    "basic._FRACTION": basic._FRACTION,
    "indicators._COMPOUND": indicators._COMPOUND,
}


def _texts() -> list[str]:
    """The real tables' texts (tests/realworld/*.toml) and the example workbook's cells, each also in pieces."""
    out: set[str] = set(corpus_texts())
    sub = read_submission(str(EXAMPLE))
    for ev in sub.evaluations:
        for ind in ev.indicators:
            for cell in (ind.name, ind.target, ind.actual, ind.unit, ind.weight, ind.score):
                if cell is not None and isinstance(cell.raw, str):
                    out.add(cell.raw)
        if ev.funds is not None:
            out.update(c.text for c in ev.funds.score_headers)
    for text in list(out):
        out.update(p for p in re.split(r"[，。；,;：:\n]", text) if p)
    return sorted(out)


def _words(gated: _Gated) -> tuple[str, ...]:
    passes = gated._passes
    cell = (passes.__closure__ or ())[0].cell_contents
    return tuple(cell)


def test_each_new_gate_is_proved_from_its_pattern() -> None:
    for name, pattern in GATED.items():
        assert isinstance(pattern, _Gated), name
        assert _proved(pattern), name


def test_a_gated_pattern_answers_as_its_compiled_pattern() -> None:
    """On every text (and texts made of the gate's words around real pieces), before and after the stand-in compiles:
    search, match, fullmatch, findall and split give the compiled pattern's answers. A sweep: the fast loop asks every
    third real text (and every made one), every whole run (CI) all of them (fast28)."""
    rng = random.Random(25)
    texts = _texts()
    for name, gated in GATED.items():
        pattern, flags = gated._args
        compiled = re.compile(pattern, flags)
        made = [f"{rng.choice(texts)}{w}{rng.choice(texts)}"[:60] for w in _words(gated) for _ in range(40)]
        made += [
            "执行数/年初预算",
            "B/A×100%",
            "年初预算数(A)",
            "计划标准",
            "得分=执行率×分值",
            "每低1%扣0.1分",
            "已完成",
            "30/32",
            "元/人·月",
        ]
        fresh = lazy_compile(pattern, flags, needs=_words(gated))
        hits = 0
        for text in texts[:: 3 if hypothesis_budget.FAST else 1] + made:
            for method in ("search", "match", "fullmatch"):
                a, b = getattr(fresh, method)(text), getattr(compiled, method)(text)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (name, method, text)
            assert fresh.findall(text) == compiled.findall(text), (name, text)
            assert fresh.split(text) == compiled.split(text), (name, text)
            hits += compiled.search(text) is not None
            if not gated._passes(text):
                assert compiled.search(text) is None, (name, text)  # the gate is necessary on every text
        assert hits, name  # texts holding a match were met


def _period_in_unit_before(v: ParsedValue) -> ParsedValue:
    """`_period_in_unit` as it was: every unit matched."""
    m = _COUNT_PER_PERIOD.match(v.unit or "") if v.label is None else None
    if m is None:
        return v
    word, period = m.groups()
    return replace(v, unit=word, per=None, label=None if period == "年" else f"每{period}")


def test_period_in_unit_asks_its_pattern_only_of_a_unit_with_the_slash() -> None:
    rng = random.Random(7)
    units: set[str | None] = {None, "", "/", "次/", "/月"}
    for text in _texts():
        p = parse_value(text)
        units.add(p.unit)
    words = ["次", "期", "场次", "人次", "课时", "元", "万元", "个"]
    periods = ["月", "年", "季度", "双月", "半年", "周", "个工作日", "天", "日"]
    for _ in range(400):
        units.add(rng.choice(words) + rng.choice(["/", "／", "每", "", " /"]) + rng.choice(periods))
    for unit in units:
        for label in (None, "每月"):
            v = replace(parse_value("1次"), unit=unit, label=label)
            assert _period_in_unit(v) == _period_in_unit_before(v), (unit, label)


@pytest.mark.slow
def test_validating_the_example_compiles_none_of_the_eight() -> None:
    """A fresh interpreter (no pattern compiled by another test) validating the bundled example: of the nine stand-ins
    only `funds_indicator._PLAIN` may be compiled (a compiled stand-in holds its pattern's methods) — the example's
    评分标准 texts name 执行率, its gate's word; no text of the example can match the other eight."""
    names = ", ".join(f"('{n}', {n.split('.')[0]}.{n.split('.')[1]})" for n in GATED)
    code = (
        "import sys\n"
        "from perfxl.validate import validate_file\n"
        "from perfxl.rules import basic, funds, funds_indicator, goals, indicators\n"
        f"r = validate_file(sys.argv[1])\n"
        f"assert r.ok\n"
        f"print(' '.join(n for n, p in [{names}] if 'search' in vars(p)) or 'none')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True, cwd=ROOT, check=True, timeout=300
    )
    assert set(out.stdout.split()) <= {"none", "funds_indicator._PLAIN"}, out.stdout + out.stderr


def test_the_json_findings_written_part_by_part_are_the_records_joined() -> None:
    """`render_json` puts each finding's record and its separator into its parts (no joined copy of all of them): the
    text is the records joined as before — "[", each record on its own line at the list's indent, "]"."""
    result = validate_file(str(EXAMPLE))
    text = render_json([result])
    lines = [_finding_json(f) for f in sorted_findings(result.findings)]
    assert len(lines) >= 10
    inner = " " * 8  # report → files → file → findings
    block = "[\n" + inner + f",\n{inner}".join(lines) + "\n      ]"
    assert f'"findings": {block},\n      "summary": ' in text
    assert json.loads(text)["files"][0]["findings"] == [json.loads(line) for line in lines]


def test_a_period_note_is_dropped_as_the_pattern_drops_it() -> None:
    """`_without_period_note` (no regex call for a text without a closing bracket) is `_PERIOD_NOTE.sub("", …)`."""
    note = re.compile(scores._PERIOD_NOTE.pattern)
    made = [
        "工5%（全年）",
        "≥95%(年度) ",
        "5%（全年",
        "5%全年）",
        "（）",
        "100%（1）",
        "达标（合格）。",
        "（年度)",
        "(季度）",
    ]
    hits = 0
    for text in _texts() + made:
        assert scores._without_period_note(text) == note.sub("", text), text
        hits += note.search(text) is not None
    assert hits
