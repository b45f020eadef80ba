"""Headless LibreOffice conversions — the one way perfxl runs `soffice` (xlsx → xls, recalculation, .docx → PDF,
.doc → .docx): a throw-away user profile per run, a time limit, inputs only read, failures as PerfxlError.

With `recalc=True` the profile forces Calc to recalculate OOXML and ODF files on load, so a converted
workbook's cached values are LibreOffice's own results, not the ones perfxl wrote.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

try:
    import resource
except ImportError:  # Pyodide (xlwings Lite) has no `resource`; perfxl.io.libreoffice must still import there
    resource = None  # type: ignore[assignment]  # LibreOffice never runs where it is missing

from perfxl.errors import PerfxlError

MIB = 1 << 20

__all__ = ["soffice_path", "convert_many", "SofficeMemoryError", "TIMEOUT_SECONDS", "SECONDS_PER_FILE"]

#: The time limit of one LibreOffice run: its start-up allowance, plus SECONDS_PER_FILE for each file it converts
#: (a run converting 150 reports on a loaded 2-core machine took longer than a flat 180 s).
TIMEOUT_SECONDS = 180
SECONDS_PER_FILE = 5
#: Files named on one LibreOffice command line at most: LibreOffice 7.4 converted the first 246 of 255 .docx named at
#: once and exited 0 without the rest (session 29's CI, the report fixtures' PDF exports); more go in further runs.
FILES_PER_RUN = 100

#: Output extension → LibreOffice's export filter.
FILTERS = {
    "xls": "xls:MS Excel 97",
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
    "docx": "docx:MS Word 2007 XML",
    "pdf": "pdf",
}

_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


class SofficeMemoryError(PerfxlError):
    """A LibreOffice run under an address-space cap (`convert_many(max_memory=…)`) ended by a signal: its allocation
    failed at the cap (LibreOffice aborts, Signal 6) — or it crashed by itself; the two cannot be told apart."""


#: What a LibreOffice run that failed to allocate prints when its exit code does not show the signal (the `soffice`
#: script or oosplash exiting on their own after soffice.bin aborted, or exec refused under the cap).
_CRASH_SIGNS = ("Signal ", "bad_alloc", "Fatal exception", "Cannot allocate memory", "out of memory")


def _ended_abnormally(proc: subprocess.CompletedProcess[str], missing: bool) -> bool:
    """The run was ended by a signal (exit < 0, or the script's 128 + signal), or failed (an exit code, or an output
    not written) printing a crash's or an allocation failure's words: under an address-space cap, possibly the cap."""
    if proc.returncode < 0 or proc.returncode > 128:
        return True
    return (proc.returncode != 0 or missing) and any(sign in (proc.stderr or "") for sign in _CRASH_SIGNS)


def _cap_memory(limit: int) -> None:
    """In the child, before exec: its address space (and its children's: `soffice` runs `soffice.bin`) at most `limit`."""
    if resource is None:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)  # never above a cap already in force (raising it is not allowed)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _run_group(cmd: list[str], timeout: float, max_memory: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run `cmd` in a session of its own, its address space capped at `max_memory` bytes (RLIMIT_AS, when given);
    past `timeout`, kill the whole group and raise TimeoutExpired.

    `soffice` is a launcher: the converter is its child `soffice.bin`, which `subprocess.run`'s timeout (a kill of the
    direct child only) left running, orphaned, at full CPU on a hostile document (sec24c: still converting 9 s after
    the refusal; the time limit bounded perfxl's wait, not LibreOffice)."""
    with subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=None if max_memory is None else lambda: _cap_memory(max_memory),
    ) as proc:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
        return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def soffice_path() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_many(
    srcs: list[Path],
    fmt: str,
    outdir: Path,
    *,
    recalc: bool = False,
    timeout: float | None = None,
    max_memory: int | None = None,
) -> list[Path]:
    """Convert several files to `fmt` (a key of FILTERS, or "ext:filter:options") in `outdir`, in one LibreOffice
    run (start-up dominates the cost); the new files in input order. PerfxlError SOFFICE_MISSING / SOFFICE_FAILED
    (SofficeMemoryError when a run capped at `max_memory` bytes of address space ended by a signal). The run's time
    limit is `timeout`, by default TIMEOUT_SECONDS + SECONDS_PER_FILE a file; `max_memory` (an input perfxl did not
    write: Limits.max_soffice_bytes) bounds its memory too. Over FILES_PER_RUN files, one run per FILES_PER_RUN."""
    if len(srcs) > FILES_PER_RUN:  # one run per FILES_PER_RUN files, each with its share of a given time limit
        return [
            out
            for i in range(0, len(srcs), FILES_PER_RUN)
            for out in convert_many(
                srcs[i : i + FILES_PER_RUN],
                fmt,
                outdir,
                recalc=recalc,
                timeout=None if timeout is None else timeout * len(srcs[i : i + FILES_PER_RUN]) / len(srcs),
                max_memory=max_memory,
            )
        ]
    if timeout is None:
        timeout = TIMEOUT_SECONDS + SECONDS_PER_FILE * len(srcs)
    exe = soffice_path()
    if exe is None:
        raise PerfxlError(
            "未安装 LibreOffice（soffice），无法转换文件。",
            "LibreOffice (soffice) is not installed.",
            code="SOFFICE_MISSING",
            path=str(srcs[0]) if srcs else None,
        )
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="perfxl-lo-") as profile:
        user = Path(profile) / "user"
        user.mkdir()
        if recalc:
            (user / "registrymodifications.xcu").write_text(_RECALC_ALWAYS, encoding="utf-8")
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            FILTERS.get(fmt, fmt),
            "--outdir",
            str(outdir),
            *map(str, srcs),
        ]
        try:
            proc = _run_group(cmd, timeout, max_memory)
            why = proc.stderr.strip()[:200]
        except (OSError, subprocess.TimeoutExpired) as exc:
            proc, why = None, f"{type(exc).__name__}（超过 {timeout:g} 秒或无法启动）"
    outs = [outdir / f"{src.stem}.{fmt.split(':', 1)[0]}" for src in srcs]  # "pdf:writer_pdf_Export:{…}" too
    missing = [o for o in outs if not o.exists()]
    if max_memory is not None and proc is not None and _ended_abnormally(proc, bool(missing)):
        # the `soffice` script exits 128 + the signal that ended soffice.bin (134: Signal 6, an allocation refused)
        mb = f"{max_memory / MIB:,.0f} MB"
        raise SofficeMemoryError(
            f"LibreOffice 转换中止（进程异常终止，可能是内存超过上限 {mb}；可设置环境变量 PERFXL_MAX_SOFFICE_BYTES 提高上限）",
            f"LibreOffice ended abnormally (exit {proc.returncode}), possibly at its memory cap of {mb}"
            " (raise it with PERFXL_MAX_SOFFICE_BYTES)",
            code="SOFFICE_FAILED",
            path=str(srcs[0]),
        )
    if proc is None or proc.returncode != 0 or missing:
        raise PerfxlError(
            f"LibreOffice 转换失败：{why}",
            f"LibreOffice conversion failed: {why}",
            code="SOFFICE_FAILED",
            path=str(missing[0] if missing else srcs[0]),
        )
    return outs
