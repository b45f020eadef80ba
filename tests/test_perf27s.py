"""perf27s (issue 14): a `perfxl validate` process's worksheet read once.

The guard reads a worksheet up to `guard_zip.KEEP_SHEET_BYTES` whole and keeps it (within the kept parts' budget), so
the reader's error and uncached-formula scan reads it from memory instead of inflating it again: the same cells found.
(perf27s also parked the CLI's last submission to the process end, ≈ 0.5 % at 10,000 rows: removed by the lead as
machinery for a gain nobody feels — docs/performance.md, perf27s.)
"""

from __future__ import annotations

from pathlib import Path

import pytest


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
    uncached, errors, _quick, _shown, _headers, _flags, _unread = from_zip
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
