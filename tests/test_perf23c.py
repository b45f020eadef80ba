"""Issue 14, session 23 (perf23c): a batch file's findings lines made from their own JSON texts give the bytes the
plain dumps gave.

- a checked file's state.jsonl and findings.jsonl lines, made from the findings' own JSON (`pack_record(texts=…)`,
  the worker's path), are the bytes `json.dumps` of the record's finding dicts wrote; and a whole `check_packed`
  gives the shards `pack_record` of its record gives without them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from perfxl.batch.shards import pack_record
from perfxl.batch.worker import Job, WorkerConfig, check_packed, record_from_result
from perfxl.grid import Grid
from perfxl.reader import read_grids
from perfxl.result import FileResult, Summary
from perfxl.validate import validate_file, validate_submission

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
CORPUS = ROOT / "tests" / "realworld"


def _plain(record: dict[str, Any], cache_key: str, new: bool) -> tuple[bytes, bytes]:
    packed = pack_record(record, cache_key=cache_key, new=new)
    return packed.state, packed.findings_jsonl


def _results() -> list[FileResult]:
    """The bundled example's result, and every 7th corpus table's (tests/realworld/render.py) checked from its grid."""
    sys.path.insert(0, str(CORPUS))
    from render import _merge_bounds, corpus_files, load_table  # type: ignore[import-not-found]

    out = [validate_file(EXAMPLE)]
    for path in corpus_files()[::7]:
        table = load_table(path)
        merged = tuple(b for m in table.merges if (b := _merge_bounds(m)) is not None)
        sub = read_grids([Grid(table.sheet, [list(r) for r in table.rows], merged)], table.path.name)
        found = validate_submission(sub)
        out.append(FileResult(path=str(path), ok=True, findings=tuple(found), summary=Summary.of(found)))
    return out


@pytest.mark.parametrize("new", [True, False])
def test_packed_lines_from_the_findings_json_are_the_dumped_dicts_bytes(new: bool) -> None:
    seen = 0
    for i, result in enumerate(_results()):
        job = Job(i, result.path, Path(result.path).name, "", f"s{i}")
        texts: list[str] = []
        record = record_from_result(result, job, texts)
        assert record == record_from_result(result, job)  # the same record, texts asked or not
        assert len(texts) == len(record["findings"])
        got = pack_record(record, cache_key="k", new=new, texts=texts)
        assert (got.state, got.findings_jsonl) == _plain(record, "k", new), result.path
        assert [json.loads(t) for t in texts] == record["findings"]
        seen += len(texts)
    assert seen > 100


def test_check_packed_gives_the_shards_of_its_record_dumped_plainly(tmp_path: Path) -> None:
    config = WorkerConfig(str(tmp_path), reports=True)
    job = Job(3, str(EXAMPLE), EXAMPLE.name, "", "example")
    packed = check_packed(job, config)
    record = json.loads(packed.state)
    assert record["findings"] and record["cache_key"] == ""
    plain = pack_record({k: v for k, v in record.items() if k not in ("cache_key", "cached")}, cache_key="")
    assert (packed.state, packed.findings_jsonl, packed.html_rows, packed.xlsx_rows) == (
        plain.state,
        plain.findings_jsonl,
        plain.html_rows,
        plain.xlsx_rows,
    )
