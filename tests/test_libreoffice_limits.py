"""The time limit of one LibreOffice run grows with the files it converts (perfxl/io/libreoffice.py): a run of 80
reports needs more than a single file's allowance, and a hung `soffice` is still stopped with SOFFICE_FAILED; more
files than one run takes go in further runs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from perfxl.errors import PerfxlError
from perfxl.io import libreoffice


def _timed_out(limits: list[float]):
    def run(cmd, timeout, max_memory=None):
        limits.append(timeout)
        raise subprocess.TimeoutExpired(cmd, timeout)

    return run


@pytest.mark.parametrize("count", [1, 80])
def test_a_runs_limit_is_the_start_up_allowance_plus_seconds_a_file(tmp_path: Path, monkeypatch, count: int):
    limits: list[float] = []
    monkeypatch.setattr(libreoffice, "soffice_path", lambda: "soffice")
    monkeypatch.setattr(libreoffice, "_run_group", _timed_out(limits))
    srcs = [tmp_path / f"r{i}.docx" for i in range(count)]
    with pytest.raises(PerfxlError) as caught:
        libreoffice.convert_many(srcs, "pdf", tmp_path / "out")
    expected = libreoffice.TIMEOUT_SECONDS + libreoffice.SECONDS_PER_FILE * count
    assert limits == [expected]
    assert caught.value.code == "SOFFICE_FAILED"
    assert f"超过 {expected:g} 秒" in caught.value.message


def test_an_explicit_limit_is_kept(tmp_path: Path, monkeypatch):
    limits: list[float] = []
    monkeypatch.setattr(libreoffice, "soffice_path", lambda: "soffice")
    monkeypatch.setattr(libreoffice, "_run_group", _timed_out(limits))
    with pytest.raises(PerfxlError):
        libreoffice.convert_many([tmp_path / "a.doc"] * 3, "docx", tmp_path / "out", timeout=60)
    assert limits == [60]


def _ended(code: int, stderr: str):
    def run(cmd, timeout, max_memory=None):
        return subprocess.CompletedProcess(cmd, code, "", stderr)

    return run


@pytest.mark.parametrize(
    ("code", "stderr", "capped"),
    [
        (134, "", True),  # the script's 128 + Signal 6
        (-9, "", True),  # killed
        (1, "terminate called after throwing an instance of 'std::bad_alloc'", True),
        (1, "Fatal exception: Signal 6\nStack:", True),
        (1, "Error: source file could not be loaded", False),
        (0, "", False),  # no output written: a plain failure
        (0, "Fatal exception: Signal 6", True),  # no output written, the wrapper's exit code lost
    ],
)
def test_a_capped_run_that_crashed_is_said_to_be_possibly_at_its_cap(tmp_path: Path, monkeypatch, code, stderr, capped):
    """Under an address-space cap, a run ended by a signal or printing a crash's or an allocation failure's words is
    SofficeMemoryError (worded "possibly": a cap hit and a crash look alike); any other failure stays SOFFICE_FAILED."""
    monkeypatch.setattr(libreoffice, "soffice_path", lambda: "soffice")
    monkeypatch.setattr(libreoffice, "_run_group", _ended(code, stderr))
    with pytest.raises(PerfxlError) as caught:
        libreoffice.convert_many([tmp_path / "a.doc"], "docx", tmp_path / "out", max_memory=300 << 20)
    assert caught.value.code == "SOFFICE_FAILED"
    assert isinstance(caught.value, libreoffice.SofficeMemoryError) is capped
    assert ("300 MB" in caught.value.message) is capped


def test_more_files_than_one_run_takes_go_in_further_runs_in_order(tmp_path: Path, monkeypatch):
    """LibreOffice converted the first 246 of 255 .docx named on one command line and exited 0 without the rest
    (session 29's CI): 255 files are three runs of at most FILES_PER_RUN, their outputs in input order, and a given
    time limit shared by the runs in proportion."""
    runs: list[tuple[list[str], float]] = []

    def run(cmd, timeout, max_memory=None):
        files = cmd[cmd.index("--outdir") + 2 :]
        runs.append((files, timeout))
        for f in files:
            (tmp_path / "out" / (Path(f).stem + ".pdf")).write_bytes(b"%PDF")
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(libreoffice, "soffice_path", lambda: "soffice")
    monkeypatch.setattr(libreoffice, "_run_group", run)
    srcs = [tmp_path / f"r{i:03}.docx" for i in range(255)]
    outs = libreoffice.convert_many(srcs, "pdf", tmp_path / "out", timeout=510)
    assert [len(files) for files, _ in runs] == [100, 100, 55]
    assert [files for files, _ in runs] == [[str(s) for s in srcs[i : i + 100]] for i in (0, 100, 200)]
    assert [limit for _, limit in runs] == [200, 200, 110]
    assert outs == [tmp_path / "out" / f"r{i:03}.pdf" for i in range(255)]
