"""perf27s (issue 14): the fixed costs of a `perfxl validate` process — its end, and its worksheet's second read.

Freeing the cells, rows and facts of 10,000 indicator rows one object at a time as `validate_file` returns is ≈ 2 % of
that command (the lead's py-spy, session 27); a process that ends after its command gives the memory back at once.
`perfxl.validate.park_until_exit` keeps the last file's submission in a list that holds itself (its check context is
freed as before); the next file, or `release_parked`, frees it (one submission held at a time). The verdicts are the same either way,
and the command's report is byte-identical to the one of a process that frees them.

The guard reads a worksheet up to `guard_zip.KEEP_SHEET_BYTES` whole and keeps it (within the kept parts' budget), so
the reader's error and uncached-formula scan reads it from memory instead of inflating it again: the same cells found.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from perfxl import validate as validate_module
from perfxl.cli.validate_run import run_validate
from perfxl.model import Submission
from perfxl.report import render
from perfxl.rules.context import Context
from perfxl.validate import park_until_exit, release_parked, validate_file

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
STANDARD = REPO / "workbooks" / "perfxl-standard.xlsx"


@pytest.fixture
def parking(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Parking on for the test, off (and the parked submission freed) after it."""
    monkeypatch.setattr(validate_module, "_parked", None)
    park_until_exit()
    yield
    release_parked()


def _parked() -> list:
    parked = validate_module._parked
    assert parked is not None
    return parked


def test_the_last_files_submission_is_kept_in_a_self_held_list(parking: None) -> None:
    validate_file(EXAMPLE)
    parked = _parked()
    assert parked[0] is parked  # the cycle: clearing perfxl.validate at exit does not free what it holds
    [sub] = parked[1:]
    assert isinstance(sub, Submission) and Path(sub.path) == EXAMPLE
    assert not any(isinstance(o, Context) for o in parked)  # the check context is freed: its memory serves the report
    validate_file(STANDARD)  # the next file frees the first one's: only the last is kept
    assert len(parked) == 2 and Path(parked[1].path) == STANDARD
    release_parked()
    assert parked == [parked]


def test_an_unreadable_file_parks_nothing_and_frees_the_previous(parking: None, tmp_path: Path) -> None:
    validate_file(EXAMPLE)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    assert not validate_file(bad).ok
    assert _parked() == [_parked()]


def test_the_verdicts_are_the_same_parked_or_freed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate_module, "_parked", None)
    freed = [validate_file(EXAMPLE), validate_file(STANDARD)]
    park_until_exit()
    kept = [validate_file(EXAMPLE), validate_file(STANDARD)]
    release_parked()
    assert render(kept, "json", profile="national") == render(freed, "json", profile="national")
    assert sum(len(r.findings) for r in kept) > 10  # real findings compared, not two empty reports


def _run_cli(*args: object, collector_on: bool) -> int:
    """`run_validate` as the CLI runs it: with the cyclic collector off (a one-command process) or on (a library)."""
    was = gc.isenabled()
    (gc.enable if collector_on else gc.disable)()
    try:
        return run_validate(*args)  # type: ignore[arg-type]
    finally:
        (gc.enable if was else gc.disable)()


def test_the_command_parks_only_with_the_collector_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(validate_module, "_parked", None)
    out_on, out_off = tmp_path / "on.json", tmp_path / "off.json"
    assert _run_cli([EXAMPLE], None, "json", out_on, collector_on=True) == 1
    assert validate_module._parked is None  # a library caller (collector on): nothing kept
    assert _run_cli([EXAMPLE], None, "json", out_off, collector_on=False) == 1
    parked = _parked()
    assert len(parked) == 2 and Path(parked[1].path) == EXAMPLE
    assert out_off.read_bytes() == out_on.read_bytes()
    release_parked()


def test_annotated_copies_are_made_after_the_submission_is_freed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(validate_module, "_parked", None)
    copy = tmp_path / "copy.xlsx"
    assert _run_cli([EXAMPLE], None, "json", tmp_path / "r.json", str(copy), collector_on=False) == 1
    assert copy.is_file() and _parked() == [_parked()]


@pytest.mark.slow(reason="starts a fresh interpreter: the console command itself")
def test_the_console_command_writes_the_same_report_and_exit_code(tmp_path: Path) -> None:
    """A real `python -m perfxl validate` process (collector off, submission parked, frozen at exit): the same JSON as
    this process renders with the submission freed, the same exit code, nothing on stderr but the note."""
    out = tmp_path / "out.json"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "perfxl", "validate", str(EXAMPLE), "--format", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "已写出报告" in proc.stderr
    expected = render([validate_file(EXAMPLE)], "json", profile="national")
    assert json.loads(out.read_text(encoding="utf-8"))["files"] == json.loads(expected)["files"]


# ---------------------------------------------------------------- a worksheet inflated once, not twice


def _big_sheet_workbook(path: Path, rows: int) -> Path:
    """A workbook whose one worksheet's XML passes 1 MiB, with error values and formulas saved without results
    (openpyxl writes no cached value), as the reader's scan looks for both."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效指标"
    for r in range(1, rows + 1):
        ws.append([f"指标名称{r}", r, f"=B{r}*2", "#DIV/0!" if r % 997 == 0 else "完成", "说明文字" * 3])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def big_sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _big_sheet_workbook(tmp_path_factory.mktemp("p27s") / "big-sheet.xlsx", 9000)


def _sheet_part_size(path: Path) -> int:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.getinfo("xl/worksheets/sheet1.xml").file_size


def test_a_worksheet_over_a_mebibyte_is_kept_and_scanned_from_memory(big_sheet: Path) -> None:
    from perfxl.io import guard_zip
    from perfxl.io.guard import inspect_file
    from perfxl.io.source import _scan_sheets

    size = _sheet_part_size(big_sheet)
    assert guard_zip.KEEP_PART_BYTES < size <= guard_zip.KEEP_SHEET_BYTES  # the case the change is for
    report = inspect_file(big_sheet)
    assert len(report.parts["xl/worksheets/sheet1.xml"]) == size
    from_zip = _scan_sheets(big_sheet)
    # the kept parts alone answer: a path that does not exist would fail to open as a ZIP
    from_memory = _scan_sheets(big_sheet.with_name("absent.xlsx"), report.members, report.parts)
    assert from_memory == from_zip
    uncached, errors, _quick = from_zip
    assert len(uncached["绩效指标"]) == 9000 and len(errors["绩效指标"]) == 9  # real cells found, not two empty scans


def test_a_worksheet_over_the_cap_or_the_budget_is_streamed(big_sheet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from perfxl.io import guard_zip
    from perfxl.io.guard import inspect_file

    size = _sheet_part_size(big_sheet)
    monkeypatch.setattr(guard_zip, "KEEP_SHEET_BYTES", size - 1)
    assert "xl/worksheets/sheet1.xml" not in inspect_file(big_sheet).parts
    monkeypatch.setattr(guard_zip, "KEEP_SHEET_BYTES", 8 << 20)
    monkeypatch.setattr(guard_zip, "KEEP_TOTAL_BYTES", size - 1)
    assert "xl/worksheets/sheet1.xml" not in inspect_file(big_sheet).parts


def test_the_workbook_reads_the_same_kept_or_streamed(big_sheet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from perfxl.io import guard_zip
    from perfxl.io.source import open_source

    kept = open_source(big_sheet)
    monkeypatch.setattr(guard_zip, "KEEP_SHEET_BYTES", guard_zip.KEEP_PART_BYTES)
    streamed = open_source(big_sheet)
    assert [(g.name, g.rows, g.errors, g.uncached, g.formulas) for g in kept[0]] == [
        (g.name, g.rows, g.errors, g.uncached, g.formulas) for g in streamed[0]
    ]
    assert kept[0][0].errors and kept[0][0].uncached
