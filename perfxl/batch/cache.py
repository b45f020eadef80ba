"""Content-hash cache of a batch run, kept in OUTDIR so a re-run skips files that have not changed.

`state.jsonl` holds one record per checked file (the file entry of the JSON report
"perfxl.report/2" plus batch fields). Records are appended and flushed as each file finishes, so
an interrupted run (Ctrl-C, a killed process) leaves every finished file on disk; a torn last line
is ignored when the state is read back. At the end of a run the state is compacted atomically.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from perfxl import __version__
from perfxl.errors import PerfxlError
from perfxl.io.atomic import atomic_write

__all__ = ["STATE_FILE", "CACHE_FORMAT", "sha256_file", "cache_key", "ResultCache", "OutdirLock"]

STATE_FILE = "state.jsonl"
LOCK_FILE = ".perfxl-batch.lock"
OWNER_FILE = ".perfxl-batch.pid"
#: Bumped when the record layout changes, so old states are not reused.
CACHE_FORMAT = 1
_CHUNK = 1 << 20


def sha256_file(path: str | os.PathLike[str]) -> str:
    """Hex sha256 of a regular file's bytes, streamed; "" when it cannot be read (the check will say why).

    Opened without blocking and checked to be a regular file first: a named pipe swapped in after
    discovery would otherwise block the whole batch forever.
    """
    digest = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return ""
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def cache_key(profile: str | None, select: Iterable[str] | None, ignore: Iterable[str] | None, extra: str = "") -> str:
    """Fingerprint of everything besides the file that decides its result: profile, filters, versions.

    When `profile` names a file, its bytes are part of the key, so editing a custom profile
    invalidates the cache.
    """
    profile_bytes = ""
    if profile and os.path.isfile(profile):
        profile_bytes = sha256_file(profile)
    payload = {
        "format": CACHE_FORMAT,
        "perfxl": __version__,
        "profile": profile or "",
        "profile_sha256": profile_bytes,
        "select": sorted(select or ()),
        "ignore": sorted(ignore or ()),
        "extra": extra,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def _non_empty_file(path: Path) -> bool:
    """A regular file with content (per-file reports are written without fsync; a power cut may leave one empty)."""
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


class ResultCache:
    """The state file of one OUTDIR: find an earlier result by (path, sha256, key); append new ones.

    Only an index (file → byte offset of its latest record) stays in memory; records are read
    from disk when needed, so memory does not grow with the findings of thousands of files.
    """

    def __init__(self, outdir: str | os.PathLike[str], key: str) -> None:
        self.outdir = Path(outdir)
        self.path = self.outdir / STATE_FILE
        self.key = key
        self._index: dict[tuple[str, str], int] = {}
        self._fh: Any = None
        self._reader: Any = None

    def load(self) -> int:
        """Index the records earlier runs left with this key; returns how many are usable."""
        self._index.clear()
        try:
            with open(self.path, "rb") as fh:
                offset = 0
                for line in fh:
                    record = self._parse(line)
                    if record is not None:
                        self._index[(record.get("path", ""), record["sha256"])] = offset
                    offset += len(line)
        except OSError:
            pass
        return len(self._index)

    def _parse(self, line: bytes) -> dict[str, Any] | None:
        try:
            record = json.loads(line)
        except ValueError:
            return None  # a line torn by an interrupted write
        if isinstance(record, dict) and record.get("cache_key") == self.key and record.get("sha256"):
            return record
        return None

    def get(self, path: str, sha256: str) -> dict[str, Any] | None:
        """The latest record for (path, content), from earlier runs or appended during this one."""
        offset = self._index.get((path, sha256))
        if offset is None:
            return None
        if self._fh is not None:
            self._fh.flush()
        if self._reader is None:
            self._reader = open(self.path, "rb")  # noqa: SIM115  # a handle kept open across calls, closed in close()
        self._reader.seek(offset)
        return self._parse(self._reader.readline())

    def lookup(
        self, path: str, sha256: str, *, need: Callable[[dict[str, Any]], Iterable[str]] | None = None
    ) -> dict[str, Any] | None:
        """The earlier record for this file content, if every output `need(record)` names still exists (non-empty)."""
        if not sha256:
            return None
        record = self.get(path, sha256)
        if record is None:
            return None
        for field in need(record) if need else ():
            rel = record.get(field)
            if not rel or not _non_empty_file(self.outdir / rel):
                return None
        return record

    def append(self, record: Mapping[str, Any]) -> None:
        """Add one finished file to the state, flushed at once so Ctrl-C cannot lose it."""
        self.append_line(
            (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"),
            record.get("path", ""),
            record.get("sha256") or "",
        )

    def append_line(self, line: bytes, path: str, sha256: str) -> None:
        """Add one finished file's state line, serialised by the worker (one JSON object, ending in a newline)."""
        if self._fh is None:
            self.outdir.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "ab")  # noqa: SIM115  # a handle kept open across calls, closed in close()
            size = self._fh.tell()
            if size > 0:
                with open(self.path, "rb") as fh:
                    fh.seek(size - 1)
                    if fh.read(1) != b"\n":
                        self._fh.write(b"\n")  # seal a torn line before appending
        offset = self._fh.tell()
        self._fh.write(line)
        self._fh.flush()
        if sha256:
            self._index[(path, sha256)] = offset

    def close(self) -> None:
        for attr in ("_fh", "_reader"):
            fh = getattr(self, attr)
            if fh is not None:
                fh.close()
                setattr(self, attr, None)

    def compact(self, keys: Iterable[tuple[str, str]]) -> None:
        """Replace the state, atomically, by the latest records of `keys` (this run's files), copied line by line.

        Lines are copied as bytes, never parsed again: every indexed line passed `_parse` when it was
        loaded, or was appended by this run (with `"cached": false`, as earlier runs compacted theirs).
        """
        if self._fh is not None:
            self._fh.flush()

        def write(dest) -> None:
            reader = None
            try:
                for key in keys:
                    offset = self._index.get(key)
                    if offset is not None:  # indexed lines were checked (key, sha256) when read or appended
                        reader = reader or open(self.path, "rb")  # noqa: SIM115  # opened on first need, closed in finally
                        reader.seek(offset)
                        dest.write(reader.readline())
            finally:
                if reader is not None:
                    reader.close()

        atomic_write(self.path, write, force=True)
        self.close()


class OutdirLock:
    """One batch at a time per OUTDIR: an operating-system file lock (the `filelock` library:
    flock on POSIX, msvcrt.locking on Windows), released by the OS when its owner ends, however it
    ends, so a killed run never leaves a stale lock. The owner's pid is noted beside it, only to
    name the owner in the message (never probed with signals: os.kill(pid, 0) is Ctrl-C on Windows).
    """

    def __init__(self, outdir: str | os.PathLike[str]) -> None:
        self.path = Path(outdir) / LOCK_FILE
        self.owner_file = Path(outdir) / OWNER_FILE
        self._lock = FileLock(str(self.path))

    def __enter__(self) -> OutdirLock:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            try:
                owner = self.owner_file.read_text(encoding="ascii").strip()
            except (OSError, ValueError):
                owner = ""
            who = f"（进程 {owner}）" if owner.isdigit() else ""
            raise PerfxlError(
                f"另一个 perfxl batch{who}正在使用输出文件夹 {self.path.parent}，请等它结束或换一个输出文件夹",
                f"another perfxl batch{f' (pid {owner})' if who else ''} is using {self.path.parent}",
                code="OUTDIR_BUSY",
                path=str(self.path.parent),
            ) from None
        with contextlib.suppress(OSError):  # only used for the message above
            self.owner_file.write_text(str(os.getpid()), encoding="ascii")
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):
            self.owner_file.unlink(missing_ok=True)
        self._lock.release()  # the lock file itself stays: deleting it could let two runs both "hold" it
