"""summary.xlsx's 问题明细 rows are streamed in while files finish; the result must equal findings.jsonl, in order."""

from __future__ import annotations

import json

import openpyxl
import pytest
from test_batch_runner import run_standin, write_files

from perfxl.batch.summary_xlsx import SEVERITY_ZH, SHEETS, build_summary_xlsx


def _sheet_values(path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path)
    return {name: [tuple(r) for r in wb[name].iter_rows(values_only=True)] for name in wb.sheetnames}


@pytest.mark.slow  # a batch: a pool of worker processes
def test_streamed_findings_sheet_follows_discovery_order_when_cached_and_rechecked_files_interleave(tmp_path):
    inbox, out = tmp_path / "in", tmp_path / "out"
    write_files(inbox, {f"u{i:02d}.xlsx": f"ok:{i % 3}:{(i * 5) % 4}" for i in range(14)} | {"zz.xls": "broken"})
    run_standin([inbox], out)
    # Re-run with files 1, 6 and 11 changed and the report of file 8 emptied (as a power cut may leave it):
    # those four are checked again while the others come from the cache, so results arrive out of order.
    for i in (1, 6, 11):
        (inbox / f"u{i:02d}.xlsx").write_text(f"ok:{i % 2 + 1}:1", encoding="utf-8")
    state = [json.loads(line) for line in (out / "state.jsonl").read_text(encoding="utf-8").splitlines()]
    report_of_8 = next(r["report"] for r in state if r["name"] == "u08.xlsx")
    (out / report_of_8).write_bytes(b"")
    missing = str(tmp_path / "missing.xlsx")
    outcome = run_standin([inbox, missing], out)

    rechecked = [r["name"] for r in outcome.rows if not r["cached"]]
    assert rechecked == ["u01.xlsx", "u06.xlsx", "u08.xlsx", "u11.xlsx", missing]
    lines = [json.loads(x) for x in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    sheets = _sheet_values(out / "summary.xlsx")
    detail = sheets[SHEETS[1]][1:]
    assert [(row[0], row[1], row[2]) for row in detail] == [
        (f["file"], f["code"], SEVERITY_ZH[f["severity"]]) for f in lines
    ]
    assert lines[-1]["file"] == missing and lines[-1]["code"] == "FILE_NOT_FOUND"  # last, as in the rows
    rebuilt = tmp_path / "rebuilt.xlsx"
    build_summary_xlsx(rebuilt, outcome.tables)
    assert sheets == _sheet_values(rebuilt)
