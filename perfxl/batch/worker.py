"""The work unit of a batch: check one file in a worker process and return a JSON-ready record.

A worker loads the profile once (the pool's initializer, or the first task on a Dask worker) and
keeps it for every file it is given. Whatever happens to one file — unreadable, a bug, a report
that fails to render — becomes data in that file's record; the batch goes on.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from perfxl.annotate import (
    ANNOTATABLE,  # workbooks (marks) and Word reports (comments)
    annotate_copy,
)
from perfxl.io.atomic import atomic_write, explain_write_error
from perfxl.profiles import ProfileLike, load_profile
from perfxl.records import record
from perfxl.report import ENCODING, render
from perfxl.report.json_report import finding_records, report_dict
from perfxl.report.templating import environment
from perfxl.result import FileResult
from perfxl.validate import validate_file

from .shards import pack_record

__all__ = [
    "WorkerConfig",
    "Job",
    "init_worker",
    "exit_with_parent",
    "ORPHAN_EXIT",
    "load_config",
    "check_job",
    "check_packed",
    "check_chunk",
    "record_from_result",
    "REPORTS_DIR",
    "ANNOTATED_DIR",
]

REPORTS_DIR = "reports"
ANNOTATED_DIR = "annotated"

#: validate_file's signature: (path, profile, *, select, ignore) -> FileResult.
Validator = Callable[..., FileResult]


@record(frozen=True, slots=True)
class WorkerConfig:
    """Everything a worker needs, picklable: profile name, filters, outputs, and the validator to call.

    `validator` is None in production (perfxl.validate.validate_file); tests may pass a module-level
    stand-in. `cache_key` goes into each state.jsonl line, which the worker serialises itself.
    """

    outdir: str
    profile: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    reports: bool = True
    annotate: bool = False
    validator: Validator | None = None
    cache_key: str = ""


@record(frozen=True, slots=True)
class Job:
    """One file to check: its place in the discovery order, absolute path, display name, hash, output stem."""

    index: int
    path: str
    name: str
    sha256: str
    stem: str


@record(slots=True)
class _Loaded:
    config: WorkerConfig
    profile: ProfileLike
    validate: Validator


_LOADED: _Loaded | None = None


def load_config(config: WorkerConfig) -> _Loaded:
    """Load the profile and the validator once per process (and again only if the config changes)."""
    global _LOADED
    if _LOADED is None or _LOADED.config != config:
        validate: Validator = config.validator or validate_file
        profile: ProfileLike = config.profile
        if config.validator is None:
            profile = load_profile(config.profile)
        _LOADED = _Loaded(config, profile, validate)
    return _LOADED


#: Exit status of a worker that ends because the batch process that started it is gone.
ORPHAN_EXIT = 3


def exit_with_parent() -> threading.Thread | None:
    """End this worker as soon as the batch process that started it dies (kill -9, a crash, SIGTERM).

    A daemon thread waits on multiprocessing's parent sentinel — a pipe the parent holds (POSIX,
    also under the fork server) or the parent's process handle (Windows) — which becomes ready
    when the parent is gone, whatever killed it; the worker then exits at once, in the middle of a
    file if need be (its outputs are written atomically, so nothing half-written is left).
    Returns the thread, or None when this process has no multiprocessing parent.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return None

    def watch() -> None:
        parent.join()  # blocks until the parent's sentinel is ready: the parent has ended
        os._exit(ORPHAN_EXIT)

    thread = threading.Thread(target=watch, name="perfxl-exit-with-parent", daemon=True)
    thread.start()
    return thread


def init_worker(config: WorkerConfig) -> None:
    """Pool initializer: ignore Ctrl-C (sent to the whole process group; the parent decides how to
    stop), end with the parent, and load the profile now.

    Then everything loaded so far (the engine's modules, the profile, the compiled template: ≈ 36,000
    objects that live as long as the worker) is moved out of the cyclic collector's sight (gc.freeze):
    each full collection during the batch walked them all again (≈ 0.3 ms a file, measured).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()
    load_config(config)
    environment().get_template("report.html.j2")  # compiled before the first file (the fork server did: a cache hit)
    gc.freeze()


def record_from_result(result: FileResult, job: Job, texts: list[str] | None = None) -> dict[str, Any]:
    """The state record of one file: its entry in the JSON report (perfxl.report/2) plus batch fields.

    `texts`, when given, receives each of the record's findings as JSON text, in the record's order (`pack_record`'s
    `texts`)."""
    if texts is None:
        record = report_dict([result])["files"][0]
    else:
        record = report_dict([result], records=lambda findings: finding_records(findings, texts))["files"][0]
    record.update(
        path=job.path,
        name=job.name,
        index=job.index,
        sha256=job.sha256 or record.get("sha256"),
        report=None,
        annotated=None,
        notes=[],
    )
    return record


def _internal_error(path: str, exc: BaseException) -> FileResult:
    """A FileResult for a bug inside perfxl, so one file's crash never stops the batch."""
    detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return FileResult.unreadable(
        path,
        "INTERNAL_ERROR",
        f"perfxl 处理该文件时出现内部错误：{detail}",
        f"internal error while checking this file: {detail}",
    )


def _write_report(result: FileResult, dest: Path, profile_name: str | None) -> None:
    """The file's own HTML report (perfxl.report), which the dashboard links to.

    Written atomically (never half-written) but without fsync: it is regenerated from the input
    on demand, and the cache treats an empty report (what a power cut may leave) as missing.
    """
    atomic_write(
        dest, render([result], "html", profile=profile_name).encode(ENCODING["html"]), force=True, durable=False
    )


def _write_annotated(result: FileResult, dest: Path) -> tuple[str, ...]:
    """The annotated copy (perfxl.annotate.annotate_copy: marks for a workbook, comments for a .docx)."""
    annotate_copy(result.path, list(result.findings), dest, force=True, coverage=result.coverage)
    return ()


def _reason(exc: Exception) -> str:
    """A failed output's reason, in Chinese for the reviewer who reads the note: a PerfxlError's message (e.g.
    磁盘已满，无法写入：…), an OSError explained as atomic_write explains it, else perfxl's own fault named as such
    (the exception kept in brackets for the maintainer)."""
    message = getattr(exc, "message", None)
    if message:
        return str(message)
    if isinstance(exc, OSError) and exc.filename:
        return explain_write_error(exc, exc.filename).message
    return f"perfxl 内部错误（{type(exc).__name__}: {exc}），请将此文件报告给维护者"


def _not_annotatable(suffix: str, real: str = "") -> str:
    """Why a file checked in a batch gets no annotated copy: perfxl writes marks into .xlsx/.xlsm and comments into
    .docx only; what the reviewer can do instead depends on whether the file is a workbook or a report — and on what
    it really is (`real`, the reader's `source_format`): an .xlsx or .docx under another name needs only its name."""
    if real in ("xlsx", "xlsm", "docx") and f".{real}" != suffix:
        kind = "Word 文档 (.docx)" if real == "docx" else f"Excel 工作簿 (.{real})"
        return f"未生成批注副本：该文件实为{kind}，只是扩展名为 {suffix}；把扩展名改为 .{real} 后再检查即可得到批注副本"
    if suffix in (".pdf", ".doc"):
        return (
            f"未生成批注副本：{suffix} 报告只能读取，不能写入批注（问题已在报告中注明页码和段落；"
            "如需批注副本，请提交 Word .docx 原稿）"
        )
    return f"未生成批注副本：{suffix} 格式只能读取，不能写回（请在 Excel 或 WPS 中另存为 .xlsx 后再检查）"


def timed(record: dict[str, Any], started: float, cpu_started: float) -> dict[str, Any]:
    """A job's record with its wall and CPU seconds since `started` / `cpu_started` and the worker that ran it."""
    record["seconds"] = round(time.perf_counter() - started, 4)
    record["cpu_seconds"] = round(time.process_time() - cpu_started, 4)
    record["worker_pid"] = os.getpid()
    return record


def check_job(job: Job, config: WorkerConfig, texts: list[str] | None = None) -> dict[str, Any]:
    """Check one file and write its per-file outputs; never raises for anything the file can cause.

    `texts`, when given, receives the record's findings as JSON text (`record_from_result`)."""
    # lazy: import cycle (perfxl.batch.pairing imports perfxl.batch.worker at load)
    from .pairing import check_pair_job, is_pair_path

    if is_pair_path(job.path):  # a unit's report ⇄ workbook entry (perfxl.batch.pairing)
        return check_pair_job(job, config)
    started, cpu_started = time.perf_counter(), time.process_time()
    loaded = load_config(config)
    # the parent hashed the file (its cache key); the record states that digest, so validate_file need not read the
    # file again to hash it (a stand-in validator keeps the plain signature)
    known = {"sha256": job.sha256} if job.sha256 and config.validator is None else {}
    try:
        result = loaded.validate(job.path, loaded.profile, select=config.select, ignore=config.ignore, **known)
    except Exception as exc:  # validate_file must not raise; if it does, the batch still goes on
        result = _internal_error(job.path, exc)
    record = record_from_result(result, job, texts)
    outdir = Path(config.outdir)
    if config.reports:
        rel = f"{REPORTS_DIR}/{job.stem}.html"
        try:
            _write_report(result, outdir / rel, config.profile)
            record["report"] = rel
        except Exception as exc:
            record["notes"].append(f"未生成 HTML 报告：{_reason(exc)}")
    if config.annotate and result.ok:
        suffix = Path(job.path).suffix.lower()
        if suffix not in ANNOTATABLE:
            record["notes"].append(_not_annotatable(suffix, result.coverage.source_format))
        else:
            rel = f"{ANNOTATED_DIR}/{job.stem}{suffix}"
            try:
                record["notes"].extend(_write_annotated(result, outdir / rel))
                record["annotated"] = rel
            except Exception as exc:
                record["notes"].append(f"未生成批注副本：{_reason(exc)}")
    return timed(record, started, cpu_started)


def check_packed(job: Job, config: WorkerConfig):
    """check_job, then every batch output line of the file serialised here (perfxl.batch.shards.FileShards),
    so the batch process only appends bytes (the findings' lines from their JSON texts, made with the record)."""
    texts: list[str] = []
    record = check_job(job, config, texts)
    return pack_record(record, cache_key=config.cache_key, texts=texts)


def check_chunk(jobs: list[Job], config: WorkerConfig) -> list[Any]:
    """Several files in one task (one pipe message each way instead of one per file)."""
    return [check_packed(job, config) for job in jobs]
