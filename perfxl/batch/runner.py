"""Run a batch: discover files, serve unchanged ones from the cache, check the rest in parallel, write outputs.

Each finished file is appended at once to state.jsonl and findings.jsonl, so Ctrl-C leaves a
consistent partial result; summary.json, summary.xlsx and dashboard.html are rewritten atomically
at the end (also after Ctrl-C, marked as partial). summary.xlsx's 问题明细 rows are streamed in
while files are still being checked (in discovery order), so the end of the run has less to do.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from perfxl import __version__
from perfxl.errors import PerfxlError
from perfxl.result import FileResult

from .cache import OutdirLock, ResultCache, cache_key
from .discover import discover
from .pairing import entry_sha256, with_pairs
from .summary_xlsx import SummaryXlsx
from .tables import BatchTables, record_findings
from .worker import Job, WorkerConfig, record_from_result

__all__ = ["BatchOutcome", "run_batch", "default_jobs", "output_stem", "exit_code_of"]

FINDINGS_FILE = "findings.jsonl"
SUMMARY_JSON = "summary.json"
SUMMARY_XLSX = "summary.xlsx"
DASHBOARD_HTML = "dashboard.html"

#: Exit statuses: clean, findings at error level, some file unreadable (worst wins), interrupted.
EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_INTERRUPTED = 0, 1, 2, 130

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


@dataclass(slots=True)
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
    from perfxl.io.atomic import atomic_write

    atomic_write(path, text.encode("utf-8"), force=True)


class _FindingsLog:
    """findings.jsonl, appended and flushed per finished file: one finding per line, with `file` and `path`.

    Each file's lines are contiguous, so only their byte span is remembered; the final rewrite in
    discovery order copies spans and never holds every finding in memory.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = open(path, "wb")
        self._spans: dict[str, tuple[int, int]] = {}

    def add(self, record: dict[str, Any]) -> None:
        start = self._fh.tell()
        for f in record_findings(record):
            line = {"file": record.get("name"), "path": record.get("path"), **f}
            self._fh.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
        self._fh.flush()
        self._spans[record.get("path", "")] = (start, self._fh.tell() - start)

    def findings_of(self, path: str) -> list[dict[str, Any]]:
        """The finding lines already written for `path` (read back from disk, not kept in memory)."""
        start, length = self._spans.get(path, (0, 0))
        if not length:
            return []
        with open(self.path, "rb") as src:
            src.seek(start)
            return [json.loads(line) for line in src.read(length).splitlines()]

    def sort_by(self, paths: Iterable[str]) -> None:
        """Rewrite (atomically) with the files in the order of `paths`; a file's lines keep their order."""
        self._fh.close()
        with open(self.path, "rb") as src:

            def copy(dest) -> None:
                for path in paths:
                    start, length = self._spans.get(path, (0, 0))
                    src.seek(start)
                    dest.write(src.read(length))

            from perfxl.io.atomic import atomic_write

            atomic_write(self.path, copy, force=True)


class _InDiscoveryOrder:
    """Feeds each finished file's findings to summary.xlsx in discovery order, whatever order files finish in.

    Only (index → path) of files waiting for an earlier one is kept; their findings stay on disk.
    After Ctrl-C the streamed rows are dropped and summary.xlsx is written from findings.jsonl.
    """

    def __init__(self, log: _FindingsLog, writer: SummaryXlsx) -> None:
        self.log, self.writer = log, writer
        self._waiting: dict[int, str] = {}
        self._next = 0

    def add(self, record: dict[str, Any]) -> None:
        self._waiting[record.get("index", 0)] = record.get("path", "")
        while self._next in self._waiting:
            self.writer.add_findings(self.log.findings_of(self._waiting.pop(self._next)))
            self._next += 1


def _not_found(text: str) -> FileResult:
    """An input that names no file, folder or glob match: reported like an unreadable file."""
    return FileResult(
        path=text,
        ok=False,
        error={"code": "FILE_NOT_FOUND", "message": f"找不到文件、文件夹或匹配项：{text}",
               "message_en": f"no such file, folder or glob match: {text}", "path": text, "sheet": None, "cell": None},
    )


def _skipped_result(item) -> FileResult:
    """A name discover() would not open (pipe, device, link loop, dangling link): reported with its reason."""
    return FileResult(
        path=str(item.path),
        ok=False,
        error={"code": item.code, "message": item.reason, "message_en": item.reason_en, "path": str(item.path),
               "sheet": None, "cell": None},
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
        from perfxl.io.atomic import explain_write_error

        problem = explain_write_error(exc, out)
        if problem.code != "OUTPUT_UNWRITABLE":  # disk full, no permission: say exactly that
            raise problem from None
        raise PerfxlError(f"无法创建输出文件夹 {out}：{exc.strerror or exc}", f"cannot create {out}: {exc}",
                          code="OUTDIR_UNUSABLE", path=str(out)) from None
    opts = WorkerConfig(str(out), profile, tuple(select) if select else None, tuple(ignore) if ignore else None,
                        reports=reports, annotate=annotate, validator=validator)
    with OutdirLock(out):
        return _run_locked(inputs, out, opts, jobs=jobs or default_jobs(), executor=executor, address=address,
                           use_cache=use_cache, on_start=on_start, on_result=on_result, started=started)


def _run_locked(inputs: list[str], out: Path, config: WorkerConfig, *, jobs: int, executor: str, address: str | None,
                use_cache: bool, on_start, on_result, started: float) -> BatchOutcome:
    """run_batch, once OUTDIR exists and is locked."""
    from .executors import make_executor

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
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
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

    log = _FindingsLog(out / FINDINGS_FILE)
    summary_xlsx: SummaryXlsx | None = SummaryXlsx()
    in_order = _InDiscoveryOrder(log, summary_xlsx)
    interrupted = False

    def finish(record: dict[str, Any], *, new: bool) -> None:
        if new:
            record = {**record, "cache_key": cache.key, "cached": False}
            cache.append(record)
        log.add(record)
        in_order.add(record)
        row = tables.add(record)
        if on_result:
            on_result(record, row)

    missing = [Job(len(found.files) + i, text, text, "", "") for i, text in enumerate(found.missing)]
    first_skipped = len(found.files) + len(missing)
    skipped = [(Job(first_skipped + i, str(item.path), item.name, "", ""), item) for i, item in enumerate(found.skipped)]
    try:
        for job in missing:
            finish(record_from_result(_not_found(job.path), job), new=False)
        for job, item in skipped:
            finish({**record_from_result(_skipped_result(item), job), "skipped": True}, new=False)
        for job in hits:  # read back one at a time: memory stays flat on a fully cached re-run
            record = cache.get(job.path, job.sha256) or {}
            finish({**record, "index": job.index, "name": job.name, "cached": True}, new=False)
        if fresh:
            with make_executor(executor, min(workers, len(fresh)), config, address=address) as pool:
                for _job, record in pool.run(fresh):
                    finish(record, new=True)
    except KeyboardInterrupt:
        interrupted = True
        summary_xlsx.discard()  # Ctrl-C may have cut a row in half: rebuilt from findings.jsonl instead
        summary_xlsx = None
    except BaseException:
        summary_xlsx.discard()
        raise
    tables.sort()
    log.sort_by([r["path"] for r in tables.rows])
    if interrupted:
        cache.close()
    else:
        cache.compact([(r["path"], r["sha256"]) for r in tables.rows])
    outcome = BatchOutcome(out, tables, found.missing, interrupted, time.perf_counter() - started)
    tables.meta.update(finished=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                       seconds=round(outcome.seconds, 3), interrupted=interrupted, missing=found.missing,
                       skipped=[{"name": i.name, "path": str(i.path), "code": i.code, "reason": i.reason,
                                 "reason_en": i.reason_en} for i in found.skipped],
                       totals=tables.totals(), exit_code=outcome.exit_code)
    outcome.outputs = write_outputs(outcome, summary_xlsx)
    return outcome


def write_outputs(outcome: BatchOutcome, summary_xlsx: SummaryXlsx | None = None) -> dict[str, Path]:
    """summary.json, summary.xlsx and dashboard.html, each written atomically.

    `summary_xlsx` already holds the streamed 问题明细 rows; without it they are read from findings.jsonl.
    """
    from .dashboard import write_dashboard
    from .summary_xlsx import write_summary_xlsx

    out = outcome.outdir
    tables = outcome.tables
    paths = {"findings": out / FINDINGS_FILE, "summary_json": out / SUMMARY_JSON}
    summary = {"schema": "perfxl.batch/1", **tables.meta, "files": tables.rows, "by_code": tables.codes_by_count()}
    _write_text(paths["summary_json"], json.dumps(summary, ensure_ascii=False, indent=1, default=str) + "\n")
    paths["summary_xlsx"] = write_summary_xlsx(out / SUMMARY_XLSX, tables, summary_xlsx)
    paths["dashboard"] = write_dashboard(out / DASHBOARD_HTML, tables)
    return paths
