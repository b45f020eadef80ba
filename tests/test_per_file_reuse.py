"""Work a batch worker used to repeat for every file, now done once (issue 14, "faster where users wait"):
the reader scans the worksheet XML the guard already inflated and verified, the rules' plan (enabled
checks, parameters, severities) is worked out once per profile and filters. Each must give exactly what the
repeated work gave; the dashboard rows (rendered by their template in the workers) escape every text."""

from __future__ import annotations

import zipfile
from types import SimpleNamespace

import pytest
import xlsxwriter

from perfxl.batch.shards import html_finding_rows
from perfxl.io import source
from perfxl.io.guard import inspect_file
from perfxl.profiles import Profile, load_profile
from perfxl.reader import read_submission
from perfxl.rules import run_checks
from perfxl.workbook import seed_content, write_submission


def _error_and_uncached(tmp_path):
    """A workbook with an Excel error value (cached #DIV/0!) and a formula saved without its value."""
    path = tmp_path / "cells.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("自评表")
    ws.write_number("A1", 1)
    ws.write_number("B1", 0)
    ws.write_formula("C1", "=A1/B1", None, "#DIV/0!")
    ws.write_formula("D1", "=A1+1", None, "")
    wb.close()
    return path


def test_the_guard_keeps_the_worksheets_it_verified(tmp_path):
    path = _error_and_uncached(tmp_path)
    report = inspect_file(path)
    assert "xl/worksheets/sheet1.xml" in report.parts
    assert report.parts["xl/worksheets/sheet1.xml"] == zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert report.members == frozenset(zipfile.ZipFile(path).namelist())


def test_the_reader_scans_the_kept_parts_without_opening_the_zip_again(tmp_path, monkeypatch):
    path = _error_and_uncached(tmp_path)
    expected = source._scan_sheets(path)  # the ZIP read afresh, as before
    assert expected[1]["自评表"] == {(0, 2): "#DIV/0!"} and expected[0]["自评表"] == {(0, 3)}

    def no_zip(*args, **kwargs):
        raise AssertionError("the worksheet XML was inflated a second time")

    monkeypatch.setattr(source, "zipfile", SimpleNamespace(ZipFile=no_zip, BadZipFile=zipfile.BadZipFile))
    grids, _findings, kind = source.open_source(path)
    assert kind == "xlsx"
    assert grids[0].errors == {(0, 2): "#DIV/0!"} and grids[0].uncached == frozenset({(0, 3)})
    assert grids[0].formulas == {(0, 2): "=A1/B1", (0, 3): "=A1+1"}


def test_a_part_the_guard_did_not_keep_is_read_from_the_zip(tmp_path):
    path = write_submission(tmp_path / "seed.xlsx", seed_content(), "standard").path
    report = inspect_file(path)
    kept = {k: v for k, v in report.parts.items() if "worksheets" not in k}
    assert source._scan_sheets(path, report.members, kept) == source._scan_sheets(path)


def test_the_checks_follow_each_profile_and_filter_however_often_they_run(tmp_path):
    path = write_submission(tmp_path / "seed.xlsx", seed_content(), "standard").path
    sub = read_submission(path)
    national = load_profile(None)
    codes = {f.code for f in run_checks(sub, national)}
    assert "W01" in codes or "I06" in codes, codes
    some = sorted(codes)[0]
    data = {**national.data, "checks": {**national.data.get("checks", {}), some: {"enabled": False}}}
    quiet = Profile("quiet", data, national.files)
    for _ in range(2):  # the second run uses the kept plan of each profile and filter
        assert some not in {f.code for f in run_checks(sub, quiet)}
        assert {f.code for f in run_checks(sub, national)} == codes
        assert {f.code for f in run_checks(sub, national, select=[some])} == {some}
        assert some not in {f.code for f in run_checks(sub, national, ignore=some)}


@pytest.mark.parametrize(
    ("finding", "row"),
    [
        (
            {
                "file": "a.xlsx",
                "code": "F01",
                "severity": "error",
                "sheet": "自评表",
                "cell": "B7",
                "message": "总额不符",
                "expected": "100",
                "actual": "99",
            },
            '<tr data-severity="error" data-code="F01"><td>a.xlsx</td><td><code>F01</code></td>'
            '<td class="sev-error" data-v="error">错误</td><td>自评表</td><td>B7</td><td>总额不符</td>'
            "<td>100</td><td>99</td></tr>\n",
        ),
        (
            {
                "file": '<script>"x"</script>',
                "code": "A&B",
                "severity": "odd'",
                "sheet": None,
                "cell": "",
                "message": 0,
                "expected": None,
                "actual": 1.5,
            },
            '<tr data-severity="odd&#39;" data-code="A&amp;B"><td>&lt;script&gt;&#34;x&#34;&lt;/script&gt;</td>'
            '<td><code>A&amp;B</code></td><td class="sev-odd&#39;" data-v="odd&#39;">odd&#39;</td><td></td><td></td>'
            "<td>0</td><td></td><td>1.5</td></tr>\n",
        ),
    ],
)
def test_dashboard_rows_escape_every_text_and_leave_blanks_empty(finding, row):
    assert html_finding_rows([finding, finding]).decode("utf-8") == row * 2
