"""batch26: a batch file's fixed costs.

- A small file's guard reads the file once and seeks in memory (perfxl.io.guard.WHOLE_READ_BYTES): that must give
  what the reading from disk gives, on good files and on every hostile one of the bad-input corpus (truncated, bad
  CRC, zip bombs, XXE, missing parts …) — the same GuardReport, or the same refusal.
- A batch worker takes the parent's sha256 of a file instead of hashing it again: the same record and output lines.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from badinput.corpus import IN_PROCESS, build
from badinput.corpus import guard_verdict as _verdict

from perfxl.cli.validate_cmd import find_example
from perfxl.errors import PerfxlError
from perfxl.io import guard, guard_zip
from perfxl.io.guard import inspect_file


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[str, object], tuple[str, object], list[bool]]:
    """The verdict read in memory (as shipped) and read from disk (the threshold at 0), and for each inspect_zip
    call whether it got the bytes."""
    seen: list[bool] = []
    real = guard_zip.inspect_zip

    def spy(p, size, limits, data=None):
        seen.append(data is not None)
        return real(p, size, limits, data)

    monkeypatch.setattr(guard_zip, "inspect_zip", spy)
    in_memory = _verdict(path)
    with monkeypatch.context() as m:
        m.setattr(guard, "WHOLE_READ_BYTES", 0)
        from_disk = _verdict(path)
    return in_memory, from_disk, seen


@pytest.mark.parametrize("key", IN_PROCESS)
def test_hostile_files_get_the_same_verdict_in_memory(key, tmp_path, monkeypatch):
    item = build(key, tmp_path)
    in_memory, from_disk, seen = _both(item.path, monkeypatch)
    assert in_memory == from_disk
    if zipfile.is_zipfile(item.path) and item.path.stat().st_size <= guard.WHOLE_READ_BYTES:
        # a ZIP the guard opens: read in memory first, from disk the second time (a refusal before the ZIP pass — an
        # empty or oversized file — makes no call)
        assert seen in ([True, False], [])


def test_the_example_and_a_large_workbook(tmp_path, monkeypatch):
    example = find_example()
    assert example is not None
    in_memory, from_disk, seen = _both(Path(example), monkeypatch)
    assert in_memory[0] == "report" and in_memory == from_disk and seen == [True, False]
    # above the threshold the file is streamed from disk, as before
    monkeypatch.setattr(guard, "WHOLE_READ_BYTES", Path(example).stat().st_size - 1)
    seen.clear()
    assert _verdict(Path(example)) == in_memory and seen == [False]


def test_a_file_that_shrinks_after_its_size_is_read(tmp_path, monkeypatch):
    """The bytes read must be the size stat gave; else the guard reads from disk (whatever the file holds then)."""
    example = Path(find_example() or "")
    copy = tmp_path / "w.xlsx"
    copy.write_bytes(example.read_bytes())
    real_stat = Path.stat
    calls = []

    def stat(self, *a, **k):
        st = real_stat(self, *a, **k)
        if self == copy and not calls:
            calls.append(1)
            copy.write_bytes(example.read_bytes()[:-100])  # cut short between the stat and the read
        return st

    monkeypatch.setattr(Path, "stat", stat)
    seen: list[bool] = []
    real = guard_zip.inspect_zip
    monkeypatch.setattr(
        guard_zip, "inspect_zip", lambda p, s, lim, data=None: seen.append(data is not None) or real(p, s, lim, data)
    )
    with pytest.raises(PerfxlError) as info:
        inspect_file(copy)
    assert seen == [False] and info.value.code.startswith("ZIP_")


def test_a_batch_worker_takes_the_parents_digest(tmp_path, monkeypatch):
    """A job carrying the parent's sha256 (the runner hashes every file) is not hashed again; the record and every
    output line are those of a worker that hashed it itself."""
    from perfxl import validate
    from perfxl.batch.runner import output_stem
    from perfxl.batch.worker import Job, WorkerConfig, check_packed

    example = str(find_example())
    digest = hashlib.sha256(Path(example).read_bytes()).hexdigest()
    hashed: list[str] = []
    real = validate._sha256
    monkeypatch.setattr(validate, "_sha256", lambda p: hashed.append(str(p)) or real(p))

    def packed(sha: str, out: str):
        shards = check_packed(Job(0, example, "w.xlsx", sha, output_stem(example)), WorkerConfig(str(tmp_path / out)))
        row = {k: v for k, v in shards.row.items() if k not in ("seconds", "cpu_seconds", "worker_pid")}
        state = {k: v for k, v in json.loads(shards.state).items() if k not in ("seconds", "cpu_seconds", "worker_pid")}
        return row, state, shards.findings_jsonl, shards.xlsx_rows, shards.html_rows

    given = packed(digest, "a")
    assert hashed == []
    own = packed("", "b")
    assert hashed == [example]
    assert given == own and given[0]["sha256"] == digest
    assert sorted(p.read_bytes() for p in (tmp_path / "a").rglob("*.html")) == sorted(
        p.read_bytes() for p in (tmp_path / "b").rglob("*.html")
    )
