"""perfxl.batch.runner mechanics, driven by a tiny stand-in validator (a parameter, tests only).

The stand-in reads a one-line text "ok:<errors>:<warnings>", "bad", "crash" or "raise" from each
file and logs every call beside it, so the tests can tell which files a run really checked. The
real validator runs in tests/test_batch_cli.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from perfxl.batch.runner import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_UNREADABLE, run_batch
from perfxl.model import CellRef, Finding, Severity
from perfxl.result import FileResult, Summary


def standin_validate(path, profile, *, select=None, ignore=None) -> FileResult:
    """A stand-in for perfxl.validate.validate_file with the same signature and promises."""
    with open(str(path) + ".calls", "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()}\n")
    text = Path(path).read_text(encoding="utf-8", errors="replace").strip()
    if text == "crash":
        os._exit(3)  # a worker dying (e.g. killed for memory)
    if text == "raise":
        raise RuntimeError("bug inside a check")
    if text == "sleep":  # a file that takes (almost) forever: says it has started, then blocks
        Path(str(path) + ".started").write_text(str(os.getpid()))
        time.sleep(600)
    if text == "nap":  # a slow but ordinary file
        time.sleep(0.3)
        text = "ok:0:0"
    if not text.startswith("ok"):
        return FileResult(
            str(path),
            ok=False,
            error={"code": "FILE_NOT_WORKBOOK", "message": "不是 Excel 工作簿", "message_en": "not a workbook"},
        )
    _, errors, warnings, *rest = text.split(":")
    findings = [
        Finding("STAND_ERROR", Severity.ERROR, CellRef("自评表", f"H{5 + i}"), f"错误{i}") for i in range(int(errors))
    ]
    findings += [
        Finding("STAND_WARN", Severity.WARNING, CellRef("自评表", f"G{5 + i}"), f"警告{i}")
        for i in range(int(warnings))
    ]
    unit = ":".join(rest) or "测试单位"
    summary = Summary.of(findings, score_reported=Decimal("95.5"), score_computed=Decimal("88.25"), grade="良")
    return FileResult(
        str(path), ok=True, findings=tuple(findings), summary=summary, unit_name=unit, year="2023", kind="department"
    )


def write_files(folder: Path, files: dict[str, str]) -> None:
    """Stand-in input files: the text tells `standin_validate` what result to return."""
    for rel, text in files.items():
        p = folder / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def _calls(folder: Path) -> dict[str, int]:
    return {p.name.removesuffix(".calls"): len(p.read_text().split()) for p in folder.rglob("*.calls")}


def run_standin(inputs, out, **kw):
    """`run_batch` with the stand-in validator (2 workers unless told otherwise)."""
    kw.setdefault("jobs", 2)
    return run_batch(inputs, out, validator=standin_validate, **kw)


@pytest.fixture()
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    write_files(folder, {"a.xlsx": "ok:1:2", "county/b.xlsx": "ok:0:0", "c.xls": "not a workbook"})
    return folder


@pytest.mark.slow  # a batch: a pool of worker processes
def test_each_file_is_one_row_in_discovery_order(inbox, tmp_path):
    outcome = run_standin([inbox], tmp_path / "out")
    rows = outcome.rows
    assert [r["name"] for r in rows] == ["a.xlsx", "c.xls", "county/b.xlsx"]
    assert [(r["ok"], r["errors"], r["warnings"]) for r in rows] == [(True, 1, 2), (False, 0, 0), (True, 0, 0)]
    assert rows[1]["error_code"] == "FILE_NOT_WORKBOOK" and "不是 Excel 工作簿" in rows[1]["status"]
    assert rows[0]["top_codes"] == "STAND_WARN×2、STAND_ERROR"
    assert outcome.exit_code == EXIT_UNREADABLE
    lines = (tmp_path / "out" / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    findings = [json.loads(x) for x in lines]
    # 3 findings of a.xlsx (reading order) and the unreadable file's reason, in file order
    assert [(f["file"], f["code"], f["cell"]) for f in findings] == [
        ("a.xlsx", "STAND_WARN", "G5"),
        ("a.xlsx", "STAND_ERROR", "H5"),
        ("a.xlsx", "STAND_WARN", "G6"),
        ("c.xls", "FILE_NOT_WORKBOOK", None),
    ]
    assert all((tmp_path / "out" / r["report"]).is_file() for r in rows)
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["totals"] == {
        "files": 3,
        "pairs": 0,  # no report-and-workbook pairing row among them
        "checked": 2,
        "partly_read": 0,
        "unreadable": 1,
        "skipped": 0,
        "cached": 0,
        "errors": 1,
        "warnings": 2,
        "infos": 0,
    }


@pytest.mark.slow  # a batch: a pool of worker processes
def test_second_run_is_served_from_the_cache_and_a_changed_file_is_rechecked(inbox, tmp_path):
    out = tmp_path / "out"
    first = run_standin([inbox], out)
    assert _calls(inbox) == {"a.xlsx": 1, "b.xlsx": 1, "c.xls": 1}
    second = run_standin([inbox], out)
    assert _calls(inbox) == {"a.xlsx": 1, "b.xlsx": 1, "c.xls": 1}  # nobody was checked again
    assert all(r["cached"] for r in second.rows)

    def strip(rows):
        return [{k: v for k, v in r.items() if k not in ("cached", "seconds")} for r in rows]

    assert strip(second.rows) == strip(first.rows)
    (inbox / "county" / "b.xlsx").write_text("ok:3:0", encoding="utf-8")
    third = run_standin([inbox], out)
    assert _calls(inbox) == {"a.xlsx": 1, "b.xlsx": 2, "c.xls": 1}
    assert [r["cached"] for r in third.rows] == [True, True, False]
    assert third.rows[2]["errors"] == 3 and third.exit_code == EXIT_UNREADABLE
    assert len((out / "state.jsonl").read_text(encoding="utf-8").splitlines()) == 3  # compacted


@pytest.mark.slow  # a batch: a pool of worker processes
def test_no_cache_rechecks_everything(inbox, tmp_path):
    run_standin([inbox], tmp_path / "out")
    run_standin([inbox], tmp_path / "out", use_cache=False)
    assert _calls(inbox) == {"a.xlsx": 2, "b.xlsx": 2, "c.xls": 2}


@pytest.mark.slow  # a batch: a pool of worker processes
def test_a_different_profile_or_filter_is_not_served_from_the_cache(inbox, tmp_path):
    run_standin([inbox], tmp_path / "out")
    run_standin([inbox], tmp_path / "out", ignore=["STAND_WARN"])
    assert _calls(inbox)["a.xlsx"] == 2


@pytest.mark.slow  # a batch: a pool of worker processes
def test_deleted_report_forces_a_recheck(inbox, tmp_path):
    first = run_standin([inbox], tmp_path / "out")
    (tmp_path / "out" / first.rows[0]["report"]).unlink()
    second = run_standin([inbox], tmp_path / "out")
    assert [r["cached"] for r in second.rows] == [False, True, True]


@pytest.mark.slow  # a batch: a pool of worker processes
def test_exit_status_reflects_the_worst_result(tmp_path):
    write_files(tmp_path / "clean", {"x.xlsx": "ok:0:3"})
    write_files(tmp_path / "errors", {"x.xlsx": "ok:0:3", "y.xlsx": "ok:2:0"})
    assert run_standin([tmp_path / "clean"], tmp_path / "o1").exit_code == EXIT_CLEAN
    assert run_standin([tmp_path / "errors"], tmp_path / "o2").exit_code == EXIT_FINDINGS
    missing = run_standin([tmp_path / "clean", tmp_path / "nowhere"], tmp_path / "o3")
    assert missing.exit_code == EXIT_UNREADABLE
    assert [r["error_code"] for r in missing.rows] == [None, "FILE_NOT_FOUND"]


@pytest.mark.slow  # a batch: a pool of worker processes
def test_a_crashing_worker_or_a_raising_check_does_not_stop_the_batch(tmp_path):
    write_files(tmp_path / "in", {"a.xlsx": "ok:1:0", "b.xlsx": "crash", "c.xlsx": "raise", "d.xlsx": "ok:0:0"})
    outcome = run_standin([tmp_path / "in"], tmp_path / "out")
    assert [(r["name"], r["error_code"]) for r in outcome.rows] == [
        ("a.xlsx", None),
        ("b.xlsx", "WORKER_CRASHED"),
        ("c.xlsx", "INTERNAL_ERROR"),
        ("d.xlsx", None),
    ]
    assert "bug inside a check" in outcome.rows[2]["status"]
    assert outcome.exit_code == EXIT_UNREADABLE


@pytest.mark.slow  # a batch: a pool of worker processes
def test_ctrl_c_leaves_a_consistent_partial_result_that_the_next_run_resumes(tmp_path):
    write_files(tmp_path / "in", {f"f{i:02d}.xlsx": f"ok:{i % 3}:1" for i in range(12)})
    out = tmp_path / "out"
    seen = []

    def interrupt_after_three(record, row):
        seen.append(row["name"])
        if len(seen) == 3:
            raise KeyboardInterrupt

    partial = run_standin([tmp_path / "in"], out, jobs=1, on_result=interrupt_after_three)
    assert partial.interrupted and partial.exit_code == EXIT_INTERRUPTED
    assert [r["name"] for r in partial.rows] == sorted(seen)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["interrupted"] is True and len(summary["files"]) == 3
    state = [json.loads(x) for x in (out / "state.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {Path(s["path"]).name for s in state} == set(seen)
    findings = [json.loads(x) for x in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {f["file"] for f in findings} == set(seen)
    assert (out / "summary.xlsx").is_file() and (out / "dashboard.html").is_file()

    resumed = run_standin([tmp_path / "in"], out)
    assert not resumed.interrupted and len(resumed.rows) == 12
    assert {r["name"] for r in resumed.rows if r["cached"]} == set(seen)


@pytest.mark.slow  # a batch: a pool of worker processes
def test_a_torn_state_line_is_ignored(inbox, tmp_path):
    out = tmp_path / "out"
    run_standin([inbox], out)
    with open(out / "state.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"path": "/x", "sha256": "ab')  # killed mid-write
    again = run_standin([inbox], out)
    assert all(r["cached"] for r in again.rows)
    (inbox / "a.xlsx").write_text("ok:0:0", encoding="utf-8")
    third = run_standin([inbox], out)
    assert [r["cached"] for r in third.rows] == [False, True, True]


HOLD_LOCK = """
import sys, time
from perfxl.batch.cache import OutdirLock
with OutdirLock(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(120)
"""


@pytest.mark.slow
def test_one_batch_at_a_time_per_outdir_across_processes_and_never_a_signal(inbox, tmp_path, monkeypatch):
    from perfxl.errors import PerfxlError

    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"

        def no_signals(pid, sig):  # os.kill(pid, 0) is CTRL_C_EVENT on Windows: a lock must never send one
            raise AssertionError(f"the lock sent signal {sig} to {pid}")

        monkeypatch.setattr(os, "kill", no_signals)
        with pytest.raises(PerfxlError) as busy:
            run_standin([inbox], out)
        assert busy.value.code == "OUTDIR_BUSY" and str(holder.pid) in busy.value.message
    finally:
        monkeypatch.undo()
        holder.kill()  # kill -9: no clean-up runs in the holder
        holder.wait()
    outcome = run_standin([inbox], out)  # the OS released the dead holder's lock
    assert len(outcome.rows) == 3 and not outcome.interrupted


@pytest.mark.slow  # a batch: a pool of worker processes
def test_a_lock_file_left_behind_never_blocks_even_if_its_pid_now_belongs_to_another_process(inbox, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in (".perfxl-batch.lock", ".perfxl-batch.pid"):  # left by a run killed long ago; its pid reused
        (out / name).write_text(str(os.getppid()))  # a live process that is not a batch
    outcome = run_standin([inbox], out)
    assert len(outcome.rows) == 3


@pytest.mark.slow  # a batch: a pool of worker processes
def test_an_outdir_that_is_a_file_is_an_explained_error(inbox, tmp_path):
    from perfxl.errors import PerfxlError

    (tmp_path / "out").write_text("not a folder")
    with pytest.raises(PerfxlError) as bad:
        run_standin([inbox], tmp_path / "out")
    assert bad.value.code == "OUTDIR_UNUSABLE"


@pytest.mark.slow  # a batch: a pool of worker processes
def test_workers_that_die_on_every_file_stop_the_batch_with_an_explained_error(tmp_path):
    from perfxl.errors import PerfxlError

    write_files(tmp_path / "in", {f"f{i}.xlsx": "crash" for i in range(6)})
    with pytest.raises(PerfxlError) as failed:
        run_standin([tmp_path / "in"], tmp_path / "out")
    assert failed.value.code == "WORKERS_FAILED"
    run_standin([tmp_path / "nothing"], tmp_path / "out")  # the lock was released: the next run may start


# ---------------------------------------------------------------- the batch process dies or is stopped

DRIVER = """
import sys
from perfxl.batch.runner import run_batch
from perfxl.cli.batch_cmd import sigterm_as_interrupt
from test_batch_runner import standin_validate
with sigterm_as_interrupt():
    outcome = run_batch([sys.argv[1]], sys.argv[2], jobs=2, validator=standin_validate, reports=False)
sys.exit(outcome.exit_code)
"""


def _start_driver(inbox: Path, out: Path) -> subprocess.Popen:
    """A batch in its own process, as `perfxl batch` runs it (SIGTERM handled by the CLI's handler)."""
    tests = str(Path(__file__).resolve().parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (tests, os.environ.get("PYTHONPATH")) if p)}
    return subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(inbox), str(out)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _wait_for(condition, what: str, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_workers_end_when_the_batch_process_is_killed_with_sigkill(tmp_path):
    psutil = pytest.importorskip("psutil")
    write_files(tmp_path / "in", {f"f{i}.xlsx": "sleep" for i in range(4)})
    driver = _start_driver(tmp_path / "in", tmp_path / "out")
    family: list = []
    try:
        _wait_for(lambda: len(list((tmp_path / "in").glob("*.started"))) == 2, "both workers to be busy")
        busy = {int(p.read_text()) for p in (tmp_path / "in").glob("*.started")}
        family = psutil.Process(driver.pid).children(recursive=True)  # workers, fork server, resource tracker
        assert busy <= {p.pid for p in family}
        driver.kill()
        driver.wait(timeout=30)
        _, alive = psutil.wait_procs(family, timeout=60)
        assert alive == [], f"still running after the batch was killed: {[p.pid for p in alive]}"
    finally:
        _kill_all([driver.pid], family)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
def test_sigterm_stops_the_batch_like_ctrl_c_and_leaves_no_worker(tmp_path):
    psutil = pytest.importorskip("psutil")
    write_files(tmp_path / "in", {f"f{i:03}.xlsx": "nap" for i in range(200)})
    out = tmp_path / "out"
    driver = _start_driver(tmp_path / "in", out)
    family: list = []
    try:
        _wait_for(
            lambda: (out / "state.jsonl").is_file() and (out / "state.jsonl").stat().st_size > 0,
            "the first file to finish",
        )
        family = psutil.Process(driver.pid).children(recursive=True)
        driver.send_signal(signal.SIGTERM)
        _, err = driver.communicate(timeout=120)
        assert b"Traceback" not in err, err.decode(errors="replace")
        assert driver.returncode == EXIT_INTERRUPTED
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        assert summary["interrupted"] is True and 0 < len(summary["files"]) < 200
        _, alive = psutil.wait_procs(family, timeout=60)
        assert alive == []
    finally:
        _kill_all([driver.pid], family)


def _kill_all(pids: list[int], family: list) -> None:
    """Never leave a sleeping worker behind, whatever the test found (orphans are no longer our children)."""
    import psutil

    for proc in [*(psutil.Process(p) for p in pids if psutil.pid_exists(p)), *family]:
        with contextlib.suppress(psutil.Error):
            proc.kill()
