"""Run a batch: discover files, serve unchanged ones from the cache, check the rest in parallel, write outputs.

Each finished file is appended at once to state.jsonl and findings.jsonl, so Ctrl-C leaves a
consistent partial result; summary.json, summary.xlsx and dashboard.html are rewritten atomically
at the end (also after Ctrl-C, marked as partial). The workers serialise every line a file adds
(perfxl.batch.shards); this process appends bytes and counts rows, and at the end concatenates the
pre-rendered 问题明细 and dashboard rows in discovery order.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from perfxl import __version__
from perfxl.errors import PerfxlError
from perfxl.io.atomic import atomic_write, explain_write_error
from perfxl.records import record
from perfxl.result import FileResult

from .cache import OutdirLock, ResultCache, cache_key
from .dashboard import write_dashboard
from .discover import discover
from .executors import BatchExecutor, make_executor
from .pairing import entry_sha256, with_pairs
from .shards import FileShards, ShardLog, pack_record
from .summary_xlsx import write_summary_xlsx
from .tables import BatchTables
from .worker import Job, WorkerConfig, record_from_result

__all__ = ["BatchOutcome", "run_batch", "default_jobs", "output_stem", "exit_code_of"]

FINDINGS_FILE = "findings.jsonl"
SUMMARY_JSON = "summary.json"
SUMMARY_XLSX = "summary.xlsx"
DASHBOARD_HTML = "dashboard.html"

#: Exit statuses: clean, findings at error level, some file unreadable (worst wins), interrupted.
EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_INTERRUPTED = 0, 1, 2, 130

#: on_result(row, row): the file's summary row (twice, for callers written when the first was the full
#: record; the full record is in state.jsonl).
OnResult = Callable[[dict[str, Any], dict[str, Any]], None]


def default_jobs() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def output_stem(path: str) -> str:
    """A file-system-safe, unique name for one input's outputs: its stem plus a hash of its full path."""
    stem = re.sub(r"[^\w\-.]+", "_", Path(path).stem, flags=re.UNICODE).strip("._")[:60] or "file"
    return f"{stem}-{hashlib.sha1(path.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def exit_code_of(rows: Sequence[dict[str, Any]], *, missing: Sequence[str] = (), interrupted: bool = False) -> int:
    """The worst result: 2 if any file is unreadable (or an input is missing), 1 for error findings, else 0."""
    if interrupted:
        return EXIT_INTERRUPTED
    if missing or not rows or any(not r["ok"] for r in rows):
        return EXIT_UNREADABLE
    if any(r["errors"] for r in rows):
        return EXIT_FINDINGS
    return EXIT_CLEAN


@record(slots=True)
class BatchOutcome:
    """What a batch run produced: the tables, the outputs written, and how it ended."""

    outdir: Path
    tables: BatchTables
    missing: list[str] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def rows(self) -> list[dict[str, Any]]:
        return self.tables.rows

    @property
    def exit_code(self) -> int:
        return exit_code_of(self.rows, missing=self.missing, interrupted=self.interrupted)


def _write_text(path: Path, text: str) -> None:
    atomic_write(path, text.encode("utf-8"), force=True)


class _FindingsLog:
    """findings.jsonl, appended and flushed per finished file: one finding per line, with `file` and `path`.

    The lines come serialised from the worker; each file's lines are contiguous, so only their byte
    span is remembered, and the final rewrite in discovery order copies spans.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = open(path, "wb")  # noqa: SIM115  # a handle kept open across calls, closed in close()
        self._spans: dict[str, tuple[int, int]] = {}

    def add(self, path: str, lines: bytes) -> None:
        start = self._fh.tell()
        self._fh.write(lines)
        self._fh.flush()
        self._spans[path] = (start, len(lines))

    def sort_by(self, paths: Iterable[str]) -> None:
        """Rewrite (atomically) with the files in the order of `paths`; a file's lines keep their order."""
        self._fh.close()
        with open(self.path, "rb") as src:

            def copy(dest) -> None:
                for path in paths:
                    start, length = self._spans.get(path, (0, 0))
                    src.seek(start)
                    dest.write(src.read(length))

            atomic_write(self.path, copy, force=True)


def _not_found(text: str) -> FileResult:
    """An input that names no file, folder or glob match: reported like an unreadable file."""
    return FileResult.unreadable(
        text,
        "FILE_NOT_FOUND",
        f"找不到文件、文件夹或匹配项：{text}",
        f"no such file, folder or glob match: {text}",
    )


def _skipped_result(item) -> FileResult:
    """A name discover() would not open (pipe, device, link loop, dangling link): reported with its reason."""
    return FileResult.unreadable(
        str(item.path),
        item.code,
        item.reason,
        item.reason_en,
    )


def _needs(record: dict[str, Any], reports: bool, annotate: bool) -> list[str]:
    """Outputs a cached record must still have on disk to be reused."""
    need = ["report"] if reports else []
    if annotate and record.get("ok"):
        need.append("annotated")
    return need


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    profile: str | None = None,
    jobs: int | None = None,
    annotate: bool = False,
    reports: bool = True,
    executor: str = "local",
    address: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    use_cache: bool = True,
    validator: Callable[..., Any] | None = None,
    on_start: Callable[[int, int], None] | None = None,
    on_result: OnResult | None = None,
) -> BatchOutcome:
    """Check every workbook under `inputs`, writing state, findings, summary.xlsx and dashboard.html to `outdir`.

    `validator` replaces perfxl.validate.validate_file (tests only; it must be a picklable
    module-level function). `on_start(total, cached)` and `on_result(record, row)` drive a progress bar.
    """
    started = time.perf_counter()
    inputs = [os.fspath(i) for i in inputs]
    out = Path(outdir).resolve()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        problem = explain_write_error(exc, out)
        if problem.code != "OUTPUT_UNWRITABLE":  # disk full, no permission: say exactly that
            raise problem from None
        raise PerfxlError(
            f"无法创建输出文件夹 {out}：{exc.strerror or exc}",
            f"cannot create {out}: {exc}",
            code="OUTDIR_UNUSABLE",
            path=str(out),
        ) from None
    opts = WorkerConfig(
        str(out),
        profile,
        tuple(select) if select else None,
        tuple(ignore) if ignore else None,
        reports=reports,
        annotate=annotate,
        validator=validator,
    )
    with OutdirLock(out):
        return _run_locked(
            inputs,
            out,
            opts,
            jobs=jobs or default_jobs(),
            executor=executor,
            address=address,
            use_cache=use_cache,
            on_start=on_start,
            on_result=on_result,
            started=started,
        )


def _run_locked(
    inputs: list[str | os.PathLike[str]],
    out: Path,
    config: WorkerConfig,
    *,
    jobs: int,
    executor: str,
    address: str | None,
    use_cache: bool,
    on_start,
    on_result,
    started: float,
) -> BatchOutcome:
    """run_batch, once OUTDIR exists and is locked."""
    profile, reports, annotate, workers = config.profile, config.reports, config.annotate, jobs
    found = with_pairs(discover(inputs, exclude=[out]))  # + a 报告与工作簿核对 entry per unit folder (pairing.py)
    cache = ResultCache(out, cache_key(profile, config.select, config.ignore, extra=f"reports={reports}"))
    if use_cache:
        cache.load()
    tables = BatchTables(out, findings_file=FINDINGS_FILE)
    tables.meta = {
        "perfxl": __version__,
        "profile": profile or "national",
        "executor": executor,
        "jobs": workers,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "inputs": inputs,
    }

    fresh: list[Job] = []
    hits: list[Job] = []
    for index, item in enumerate(found.files):
        path = str(item.path)
        sha = entry_sha256(item)  # a file's sha256; a pairing entry's digest of both members
        job = Job(index, path, item.name, sha, output_stem(path))
        record = cache.lookup(path, sha, need=lambda r: _needs(r, reports, annotate)) if use_cache else None
        if record is not None:
            hits.append(job)
        else:
            fresh.append(job)
    if on_start:
        on_start(len(found.files), len(hits))

    config = replace(config, cache_key=cache.key)  # the workers write state lines themselves
    log = _FindingsLog(out / FINDINGS_FILE)
    shards = ShardLog(str(out))
    interrupted = False

    def finish(done: FileShards) -> None:
        row = done.row
        if done.state:
            cache.append_line(done.state, row["path"], row["sha256"] or "")
        log.add(row["path"], done.findings_jsonl)
        shards.add(done)
        tables.add_row(row, done.codes)
        if on_result:
            on_result(row, row)

    def finish_here(record: dict[str, Any]) -> None:  # records made in this process: nothing new to cache
        finish(pack_record(record, new=False))

    missing = [Job(len(found.files) + i, text, text, "", "") for i, text in enumerate(found.missing)]
    first_skipped = len(found.files) + len(missing)
    skipped = [
        (Job(first_skipped + i, str(gone.path), gone.name, "", ""), gone) for i, gone in enumerate(found.skipped)
    ]
    pool = None  # kept open after the last file: its idle workers write summary.xlsx and dashboard.html
    try:
        for job in missing:
            finish_here(record_from_result(_not_found(job.path), job))
        for job, gone in skipped:
            finish_here({**record_from_result(_skipped_result(gone), job), "skipped": True})
        for job in hits:  # read back one at a time: memory stays flat on a fully cached re-run
            record = cache.get(job.path, job.sha256) or {}
            finish_here({**record, "index": job.index, "name": job.name, "cached": True})
        if fresh:
            pool = make_executor(executor, min(workers, len(fresh)), config, address=address)
            for _job, done in pool.run(fresh):
                finish(done)
    except KeyboardInterrupt:
        interrupted = True  # every file finished so far has its shards: the summaries are written from them
        if pool is not None:
            pool.close(cancel=True)
            pool = None
    except BaseException:
        if pool is not None:
            pool.close(cancel=True)
        shards.close()
        raise
    tables.sort()
    log.sort_by([r["path"] for r in tables.rows])
    if interrupted:
        cache.close()
    else:
        cache.compact([(r["path"], r["sha256"]) for r in tables.rows])
    outcome = BatchOutcome(out, tables, found.missing, interrupted, time.perf_counter() - started)
    tables.meta.update(
        finished=datetime.now(UTC).isoformat(timespec="seconds"),
        seconds=round(outcome.seconds, 3),
        interrupted=interrupted,
        missing=found.missing,
        skipped=[
            {"name": i.name, "path": str(i.path), "code": i.code, "reason": i.reason, "reason_en": i.reason_en}
            for i in found.skipped
        ],
        totals=tables.totals(),
        exit_code=outcome.exit_code,
    )
    failed = True
    try:
        outcome.outputs = write_outputs(outcome, shards, pool)
        failed = False
    finally:
        if pool is not None:
            pool.close(cancel=failed)
        shards.close()
    return outcome


def _summary_json(summary: dict[str, Any]) -> str:
    """summary.json: one top-level key a line and one file row a line (json's C encoder; indent= is pure Python)."""

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, default=str)

    items = []
    for key, value in summary.items():
        text = "[\n" + ",\n".join(dumps(row) for row in value) + "\n]" if key == "files" and value else dumps(value)
        items.append(f"{dumps(key)}: {text}")
    return "{\n" + ",\n".join(items) + "\n}\n"


def write_outputs(outcome: BatchOutcome, shards: ShardLog | None = None, pool: Any = None) -> dict[str, Path]:
    """summary.json, summary.xlsx and dashboard.html, each written atomically.

    `shards` holds the workers' pre-rendered 问题明细 and dashboard rows; without it they are
    rendered from findings.jsonl. With `pool` (the batch's executor, now idle) summary.xlsx and
    dashboard.html are written by its workers, side by side.
    """
    out = outcome.outdir
    tables = outcome.tables
    paths = {"findings": out / FINDINGS_FILE, "summary_json": out / SUMMARY_JSON}
    summary = {"schema": "perfxl.batch/1", **tables.meta, "files": tables.rows, "by_code": tables.codes_by_count()}
    _write_text(paths["summary_json"], _summary_json(summary))
    run = pool.call_all if pool is not None else BatchExecutor().call_all
    paths["summary_xlsx"], paths["dashboard"] = run(
        [
            (write_summary_xlsx, (out / SUMMARY_XLSX, tables, shards)),
            (write_dashboard, (out / DASHBOARD_HTML, tables, shards)),
        ]
    )
    return paths
