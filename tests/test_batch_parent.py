"""The batch process only appends what the workers serialised (issue 14: parent CPU per file).

Checked files' rows, state lines, findings lines and pre-rendered 问题明细/dashboard rows come
from the workers; the parent never builds a row or serialises a finding of a checked file. The
workers are forked by the fork server, so a function replaced here is replaced in the parent only.
"""

from __future__ import annotations

import json
import re

import openpyxl
import pytest
from test_batch_runner import run_standin, write_files

import perfxl
from perfxl.batch import executors, shards, tables
from perfxl.batch.summary_xlsx import SHEETS
from perfxl.report.charts import bar_chart, histogram_chart


@pytest.mark.slow  # a batch: a pool of worker processes
def test_the_parent_never_builds_rows_or_serialises_findings_of_checked_files(tmp_path, monkeypatch):
    calls = []

    def counted(name, fn):
        def wrapper(*args, **kw):
            calls.append(name)
            return fn(*args, **kw)

        return wrapper

    monkeypatch.setattr(tables, "row_from_record", counted("row_from_record", tables.row_from_record))
    monkeypatch.setattr(shards, "row_from_record", counted("row_from_record", shards.row_from_record))
    monkeypatch.setattr(shards, "xlsx_finding_rows", counted("xlsx_finding_rows", shards.xlsx_finding_rows))
    monkeypatch.setattr(shards, "html_finding_rows", counted("html_finding_rows", shards.html_finding_rows))
    write_files(tmp_path / "in", {f"u{i}.xlsx": f"ok:{i % 3}:{i % 2}" for i in range(6)})
    outcome = run_standin([tmp_path / "in"], tmp_path / "out", jobs=2)
    assert calls == []
    out = tmp_path / "out"
    lines = [json.loads(x) for x in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == sum(r["errors"] + r["warnings"] for r in outcome.rows) == 9
    state = [json.loads(x) for x in (out / "state.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [s["name"] for s in state] == [f"u{i}.xlsx" for i in range(6)]
    assert all(s["cached"] is False and s["cache_key"] for s in state)
    detail = list(openpyxl.load_workbook(out / "summary.xlsx")[SHEETS[1]].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[4]) for r in detail] == [(f["file"], f["code"], f["cell"]) for f in lines]
    html = (out / "dashboard.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<tr data-severity="[a-z]+" data-code="STAND_', html)) == 9
    assert not list(out.glob(".perfxl-shards-*"))  # the shard file is removed at the end


def test_findings_sheet_rows_are_numbered_escaped_and_keep_control_characters_readable(tmp_path):
    findings = [
        {"file": "a.xlsx", "code": "X1", "severity": "error", "message": " <b>&</b>\x01 ", "cell": "A1"},
        {"file": "a.xlsx", "code": "X2", "severity": "warning", "message": "=SUM(A1)", "cell": None},
    ]
    log = shards.ShardLog(str(tmp_path))
    log.add(shards.FileShards(0, "a", {}, {}, 2, b"", b"", shards.xlsx_finding_rows(findings), b""))
    xml = b"".join(log.xlsx_rows(["a"], first_row=5)).decode()
    log.close()
    assert '<row r="5"><c r="A5" t="inlineStr">' in xml and '<row r="6">' in xml and "\0" not in xml
    assert '<t xml:space="preserve"> &lt;b&gt;&amp;&lt;/b&gt;_x0001_ </t>' in xml
    assert "<t>'=SUM(A1)</t>" in xml and '<c r="E6"' not in xml  # neutralised; an empty cell is left out


def test_files_are_sent_to_workers_in_chunks_but_small_batches_file_by_file():
    assert executors.chunk_size(200, 2) == 8
    assert executors.chunk_size(40, 2) == 2
    assert executors.chunk_size(12, 2) == 1


def test_dashboard_charts_come_from_the_one_chart_module():
    hist = histogram_chart([("<60", 1, 0), ("90–100", 3, 5)], title="总分分布", series=("填报", "复算"))
    assert hist["grid"][-1]["label"] == "8"  # 5 files: axis up to 8, gridlines on whole numbers
    tallest = max(b["h"] for g in hist["groups"] for b in g["bars"])
    assert tallest == hist["base"] - 40 - (hist["base"] - 40) * 3 / 8
    bars = bar_chart([("F04", 10), ("S01", 5)], title="最常见的问题代码")
    assert bars["bars"][1]["w"] == bars["bars"][0]["w"] / 2


@pytest.mark.slow  # a batch: a pool of worker processes
def test_batch_frames_read_a_finished_batch(tmp_path):
    write_files(tmp_path / "in", {"a.xlsx": "ok:2:1", "b.xlsx": "ok:0:1", "c.xls": "garbage"})
    run_standin([tmp_path / "in"], tmp_path / "out")
    frames = perfxl.batch_frames(tmp_path / "out")
    assert frames["files"].name.tolist() == ["a.xlsx", "b.xlsx", "c.xls"]
    assert frames["files"].errors.tolist() == [2, 0, 0] and frames["files"].ok.tolist() == [True, True, False]
    f = frames["findings"]
    assert len(f) == 5 and f[f.code == "FILE_NOT_WORKBOOK"].iloc[0].level == "错误"
    assert (f[f.code == "STAND_ERROR"].sheet == "自评表").all()
    codes = frames["codes"].set_index("code")
    assert codes.loc["STAND_ERROR", "count"] == 2 and codes.loc["STAND_WARN", "files"] == 2
