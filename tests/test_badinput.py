"""Every bad input of issue 8, run through the guard and through `perfxl validate` in a child process.

The expected behaviour is the table in docs/bad-inputs.md (parsed here), so docs and behaviour
cannot drift: each row's code, location, message excerpt and exit status are checked, plus no
traceback, a timeout and an address-space limit on the child, and the input's SHA-256 unchanged.
"""

from __future__ import annotations

import hashlib
import json
import re
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from badinput.corpus import CORPUS, NEEDS_LIBREOFFICE, build

from perfxl.errors import UnreadableWorkbook
from perfxl.io.guard import inspect_file, refuse_unsupported
from perfxl.model import parse_a1

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "bad-inputs.md"
CHILD_TIMEOUT_S = 180
CHILD_MEMORY_BYTES = 3 << 30
CLI = "from perfxl.cli.main import run; run()"
#: Codes the reader (not the guard) raises after the guard let the file through.
READER_CODES = {"FILE_UNREADABLE", "FILE_DAMAGED"}


@dataclass(frozen=True)
class Row:
    key: str
    codes: tuple[str, ...]
    where: str
    excerpt: str
    exit: int
    status: str

    @property
    def pending(self) -> bool:
        return self.status != "passes"


def doc_rows() -> dict[str, Row]:
    """The rows of the bad-input table in docs/bad-inputs.md."""
    rows: dict[str, Row] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) != 7:
            continue
        key, _what, codes, where, excerpt, exit_, status = cells
        rows[key.strip("`")] = Row(
            key.strip("`"),
            tuple(re.findall(r"`([A-Z0-9_]+)`", codes)),
            where,
            "" if excerpt == "—" else excerpt,
            int(exit_),
            status,
        )
    return rows


ROWS = doc_rows()


def _available(needs: tuple[str, ...]) -> str | None:
    """Why an entry cannot be built here, or None."""
    if NEEDS_LIBREOFFICE in needs and shutil.which("soffice") is None:
        return "LibreOffice (soffice) is not installed"
    return None  # NEEDS_WRITER: the generator is part of perfxl, so a broken import must fail, not skip


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("badinput")


_BUILT: dict[str, object] = {}


def built(key: str, folder: Path):
    if key not in _BUILT:
        reason = _available(CORPUS[key].needs)
        if reason:
            pytest.skip(reason)
        _BUILT[key] = build(key, folder)
    return _BUILT[key]


def _params(kind: str):
    for key in CORPUS:
        row = ROWS.get(key)
        marks = []
        if NEEDS_LIBREOFFICE in CORPUS[key].needs:  # the input is made by LibreOffice (.xls, .ods, .doc)
            marks.append(pytest.mark.libreoffice)
        if row is not None and row.pending and kind == "cli":
            marks.append(pytest.mark.xfail(strict=True, reason=row.status))
        yield pytest.param(key, marks=marks, id=key)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _limit_memory() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))


def run_validate(path: Path) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-c", CLI, "validate", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=CHILD_TIMEOUT_S,
        preexec_fn=_limit_memory,
    )
    return proc.returncode, proc.stdout, proc.stderr


def _where_parts(where: str) -> dict[str, str]:
    """ "sheet 自评表; part xl/…" → {"sheet": "自评表", "part": "xl/…"}; "planted cell" → {"planted": "cell"}."""
    out: dict[str, str] = {}
    for piece in where.split(";"):
        word, _, rest = piece.strip().partition(" ")
        out[word] = rest.strip()
    return out


# ---------------------------------------------------------------- the table itself


def test_docs_table_lists_exactly_the_corpus():
    assert set(ROWS) == set(CORPUS), (
        f"missing in docs: {set(CORPUS) - set(ROWS)}; not in corpus: {set(ROWS) - set(CORPUS)}"
    )


def test_every_row_is_well_formed():
    for row in ROWS.values():
        assert row.exit in (0, 1, 2), row
        assert row.status == "passes" or row.status.startswith("pending:"), row
        if row.exit == 2:
            assert len(row.codes) == 1 and row.excerpt, row


# ---------------------------------------------------------------- the guard, in process


def check_file(path: Path):
    """The guard's verdict as the reader sees it: the kind when a reader handles it (perfxl.io.source.READERS),
    else the guard's refusal for a kind nobody reads (an old .doc, a format whose reader is not plugged in)."""
    from perfxl.io.source import READERS

    report = inspect_file(path)
    readable = DOCUMENT_KINDS if path.suffix.lower() in DOCUMENT_SUFFIXES else set(READERS)
    if report.kind.value not in readable:
        raise refuse_unsupported(report)
    return report.kind


#: Report documents (chosen by their extension) are read by perfxl.document — a .doc through a
#: LibreOffice conversion when installed; any other name goes to the workbook readers.
DOCUMENT_SUFFIXES = {".docx", ".pdf", ".doc"}
DOCUMENT_KINDS = {"docx", "pdf", "doc"}


@pytest.mark.parametrize("key", list(_params("guard")))
def test_guard_verdict_matches_docs(key, corpus_dir):
    row = ROWS[key]
    item = built(key, corpus_dir)
    before = sha256(item.path)
    if row.exit == 2 and row.codes[0] in READER_CODES:
        assert check_file(item.path).is_workbook  # refused later, by the reader
    elif row.exit == 2:
        with pytest.raises(UnreadableWorkbook) as info:
            check_file(item.path)
        exc = info.value
        if exc.code not in row.codes:  # an error the reader (not the guard) raises would be named here
            pytest.fail(f"guard said {exc.code}: {exc}")
        assert row.excerpt in exc.message
        assert exc.path == str(item.path)
        where = _where_parts(row.where)
        if "part" in where:
            assert exc.cell == where["part"]
        if "sheet" in where:
            assert exc.sheet == where["sheet"]
        assert exc.message_en and exc.message_en != exc.message
    else:
        check_file(item.path)
    assert sha256(item.path) == before


# ---------------------------------------------------------------- end to end: `perfxl validate`


def _findings_match(row: Row, item, findings: list[dict]) -> None:
    where = _where_parts(row.where)
    wanted = [f for f in findings if not row.codes or f["code"] in row.codes]
    for code in row.codes:
        assert any(f["code"] == code for f in findings), f"no {code} among {[f['code'] for f in findings]}"
    if "planted" in where:
        assert item.planted, "the corpus entry must plant its defect somewhere"
        hits = []
        for sheet, cell in item.planted:
            if where["planted"] == "row":
                row_no = parse_a1(cell)[0]
                here = [
                    f
                    for f in wanted
                    if f["sheet"] == sheet and f["cell"] and parse_a1(f["cell"].split(":")[0])[0] == row_no
                ]
            else:
                here = [f for f in wanted if f["sheet"] == sheet and f["cell"] and f["cell"].split(":")[0] == cell]
            assert here, (
                f"no finding at {sheet}!{cell}; findings: {[(f['code'], f['sheet'], f['cell']) for f in findings]}"
            )
            hits += here
        wanted = hits
    if "sheet" in where:
        wanted = [f for f in wanted if f["sheet"] == where["sheet"]]
        assert wanted, f"no finding on sheet {where['sheet']}"
    if row.excerpt:
        assert any(row.excerpt in f["message"] for f in wanted), [f["message"] for f in wanted]
    for f in findings:
        assert f["sheet"] and f["cell"], f"a finding without a place: {f}"


@pytest.mark.slow
@pytest.mark.parametrize("key", list(_params("cli")))
def test_validate_cli_matches_docs(key, corpus_dir):
    row = ROWS[key]
    item = built(key, corpus_dir)
    before = sha256(item.path)
    code, out, err = run_validate(item.path)
    assert sha256(item.path) == before, "the input file was modified"
    assert "Traceback" not in out + err and "panicked" not in err, err[-2000:]
    assert code == row.exit, f"exit {code} (stderr: {err[-500:]})"
    report = json.loads(out)
    [result] = report["files"]
    if row.exit == 2:
        assert result["ok"] is False
        error = result["error"]
        assert error["code"] in row.codes, error
        assert row.excerpt in error["message"]
        where = _where_parts(row.where)
        if "sheet" in where:
            assert error["sheet"] == where["sheet"]
        if "part" in where:
            assert error["cell"] == where["part"]
    else:
        assert result["ok"] is True, result["error"]
        _findings_match(row, item, result["findings"])


def test_long_string_is_read_whole(corpus_dir):
    """The 32,767-character 偏差原因 arrives intact (not cut, not refused)."""
    from perfxl.reader import read_submission

    item = built("long_strings", corpus_dir)
    _sheet, cell = item.planted[0]
    sub = read_submission(item.path)
    texts = [
        i.deviation
        for e in sub.evaluations
        for i in e.indicators
        if i.deviation.place() and i.deviation.place().cell == cell
    ]
    assert texts and len(texts[0].raw) == 32_767


def _batch(items: dict, corpus_dir: Path, out: Path) -> None:
    """`perfxl batch` over `items`: one result per file, unreadable ones with their docs row's code,
    no traceback, every input unchanged."""
    hashes = {k: sha256(v.path) for k, v in items.items()}
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            CLI,
            "batch",
            *(str(v.path) for v in items.values()),
            "-o",
            str(out),
            "-j",
            "1",
            "--no-reports",
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=CHILD_TIMEOUT_S * 2,
        preexec_fn=_limit_memory,
    )
    assert "Traceback" not in proc.stdout + proc.stderr and "panicked" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 2  # some inputs are unreadable
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    by_path = {Path(f["path"]).name: f for f in summary["files"]}
    for key, item in items.items():
        entry = by_path[item.path.name]
        row = ROWS[key]
        if row.exit == 2:
            assert entry["ok"] is False and entry["error_code"] in row.codes, (key, entry)
        else:
            assert entry["ok"] is True, (key, entry)
        assert sha256(item.path) == hashes[key], f"{key}: input modified"


@pytest.mark.libreoffice  # the corpus includes the files LibreOffice makes
def test_batch_reports_every_file_and_continues_past_unreadable_ones(corpus_dir, tmp_path):
    """The whole corpus in one batch: every file reported, unreadable ones with their reason."""
    keys = [k for k in CORPUS if _available(CORPUS[k].needs) is None]
    _batch({k: built(k, corpus_dir) for k in keys}, corpus_dir, tmp_path / "out")


@pytest.mark.slow
def test_limits_are_configurable_from_the_environment(corpus_dir):
    """A reviewer tightens a limit for one run: PERFXL_MAX_CELLS_PER_SHEET reaches the guard via the CLI."""
    import os

    item = built("xlsb", corpus_dir)  # 2 rows × 3 columns
    env = dict(os.environ, PERFXL_MAX_CELLS_PER_SHEET="5")
    proc = subprocess.run(
        [sys.executable, "-c", CLI, "validate", str(item.path), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=CHILD_TIMEOUT_S,
        env=env,
    )
    assert proc.returncode == 2
    assert json.loads(proc.stdout)["files"][0]["error"]["code"] == "SHEET_TOO_LARGE"
    env["PERFXL_MAX_CELLS_PER_SHEET"] = "6"
    assert run_validate_env(item.path, env) == 0


def run_validate_env(path: Path, env: dict) -> int:
    return subprocess.run(
        [sys.executable, "-c", CLI, "validate", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=CHILD_TIMEOUT_S,
        env=env,
    ).returncode
