"""perf26k: S01's classification spells `_direction` out, and the catalogue is built once a process.

`scores._by_direction` puts each row where `per_rows("direction", …)` with `_direction` puts it and keeps each answer
in `per_row`'s cache, where `direction` finds it — on every transcribed real table of tests/realworld. Each check's
spec carries its tables' fields from one copy; `CODES` is made on first use, never by a validating process.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from perfxl.model import Submission
from perfxl.profiles import load_profile
from perfxl.reader import read_grids
from perfxl.rules import scores
from perfxl.rules.context import Context


@cache
def _evaluations() -> tuple[tuple[str, object], ...]:
    """(name, self-evaluation) of every real table that reads as one with indicator rows."""
    import sweep_crashes
    from render import corpus_files, load_table

    out = []
    for path in corpus_files():
        table = load_table(path)
        sub = read_grids([sweep_crashes.grid_of(table)], f"{table.name}.xlsx", source_format="xlsx")
        out.extend((path.stem, ev) for ev in sub.evaluations if ev.indicators)
    return tuple(out)


def _context(ev: object) -> Context:
    ctx = Context(Submission(path="t.xlsx", evaluations=[ev]), load_profile(None))  # type: ignore[list-item]
    ctx.evaluation = ev  # type: ignore[assignment]
    return ctx


def test_real_tables_are_read():
    """The corpus gives the tests below their tables (not vacuous): the tables with indicator rows, over a thousand rows."""
    evaluations = _evaluations()
    assert len(evaluations) > 90
    assert sum(len(ev.indicators) for _, ev in evaluations) > 1000  # type: ignore[attr-defined]


def test_by_direction_is_per_rows_of_direction():
    """Each row classified where `per_rows("direction", rows, _direction)` classifies it, in sheet order, and the
    answer kept where `direction` finds it; every direction occurs on the corpus (the test can tell them apart)."""
    seen: set[str] = set()
    for name, ev in _evaluations():
        run, plain = _context(ev), _context(ev)
        rows, plain_rows = run.indicators(), plain.indicators()
        got = scores._by_direction(run, rows)
        ways = plain.per_rows("direction", plain_rows, scores._direction)
        expected: dict[str, list[int]] = {}
        for i, way in enumerate(ways):
            expected.setdefault(way, []).append(i)
        position = {id(ind): i for i, ind in enumerate(rows)}
        assert {w: [position[id(ind)] for ind in found] for w, found in got.items()} == expected, name
        for ind, way in zip(rows, ways, strict=True):
            assert scores.direction(run, ind) == way, name
            assert run.per_row("direction", ind, lambda *_: "asked again") == way, name
        seen.update(ways)
    assert {"positive", "reverse", "equal", "qualitative"} <= seen


def test_by_direction_keeps_an_answer_given_before():
    """A row whose direction was asked before the table is classified keeps that answer (the cache is read first)."""
    _, ev = next((n, e) for n, e in _evaluations() if len(e.indicators) > 3)  # type: ignore[attr-defined]
    run = _context(ev)
    rows = run.indicators()
    first = rows[0]
    run.per_row("direction", first, lambda *_: "given before")
    got = scores._by_direction(run, rows)
    assert got["given before"] == (first,)


def test_catalogue_specs_carry_their_tables():
    """Each check's spec is completed in one copy: what it rests on, when it degrades, and its notes' why, example and
    the example's message rendered from its own templates — as the tables give them (and the tables do give some)."""
    from perfxl.rules import catalogue
    from perfxl.rules.code_notes import CHECK_NOTES

    noted = degraded = 0
    for s in catalogue.CATALOGUE:
        if s.code in catalogue._RESTS_ON:
            assert s.rests_on is catalogue._RESTS_ON[s.code]
        assert (s.degrades_zh, s.degrades_en) == catalogue._DEGRADES.get(s.code, ("", ""))
        degraded += bool(s.degrades_zh)
        notes = CHECK_NOTES.get(s.code)
        if notes is not None:
            assert (s.why_zh, s.example_input, s.example_message) == (notes[0], notes[1], s.render(notes[2])[0])
            noted += 1
    assert noted > 50 and degraded > 5


@pytest.mark.slow  # a CLI subprocess: a process that has not yet made the codes
def test_codes_made_on_first_use_in_a_validating_process():
    """A process that validates a workbook builds no entry of `CODES` (the codes it does not list); `CODES` and
    `code_spec` then give every code once, the checks first — what `perfxl rules` lists."""
    import subprocess
    import tempfile

    from perfxl.cli.validate_run import EXAMPLE_NAME

    example = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / EXAMPLE_NAME
    probe = (
        "import sys\n"
        "from perfxl.cli.main import run\n"
        "sys.argv = ['perfxl', 'validate', sys.argv[1], '--format', 'json', '-o', sys.argv[2], '--force']\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "from perfxl.rules import catalogue\n"
        "print(len(catalogue._ALL), 'CODES' in vars(catalogue))\n"
        "print(len(catalogue.CODES), len(catalogue._ALL), catalogue.CODES[:len(catalogue.CATALOGUE)] == catalogue.CATALOGUE)\n"
        "print(catalogue.code_spec('FILE_NOT_FOUND').kind, catalogue.code_spec('LAYOUT_NO_TABLE').kind)\n"
    )
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            [sys.executable, "-c", probe, str(example), str(Path(out) / "r.json")],
            capture_output=True,
            text=True,
            check=True,
        )
    before, after, kinds = done.stdout.splitlines()[-3:]
    assert before == "0 False"
    total, kept, checks_first = after.split()
    assert int(total) == int(kept) > 150 and checks_first == "True"
    assert kinds == "file reader"
