"""Write output files so a crash, a full disk or a second run never leaves a half-written or
clobbered file: temp file in the same directory, fsync, then `os.replace`.

An existing output is refused unless `force=True`; `backup=True` (for `--in-place`) first copies
the current file to `<name>.bak` (`.bak1`, `.bak2`… when taken), so the user's original survives.
A full disk or a folder without write permission is an `OutputUnwritable` saying so in Chinese,
with the path (磁盘已满 / 没有写入权限), never a raw OSError.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, cast

from ..errors import PerfxlError

__all__ = ["atomic_write", "OutputExists", "OutputUnwritable", "explain_write_error", "backup_path"]

Writer = bytes | bytearray | str | Callable[[BinaryIO], object] | Callable[[Path], object]


class OutputExists(PerfxlError):
    """The output file exists and `--force` was not given."""

    code = "OUTPUT_EXISTS"


class OutputUnwritable(PerfxlError):
    """An output could not be written: disk full (DISK_FULL), no permission or a read-only disk
    (NO_WRITE_PERMISSION), or another system error (OUTPUT_UNWRITABLE)."""

    code = "OUTPUT_UNWRITABLE"


_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def explain_write_error(exc: OSError, path: str | os.PathLike[str]) -> OutputUnwritable:
    """What a failed write of `path` means for the user, in Chinese (with the English for logs)."""
    where = os.fspath(path)
    detail = exc.strerror or str(exc)
    if exc.errno in _FULL:
        return OutputUnwritable(
            f"磁盘已满，无法写入：{where}（请清理磁盘空间或换一个输出位置）",
            f"disk full, cannot write {where}: {detail}",
            code="DISK_FULL",
            path=where,
        )
    if exc.errno in _DENIED:
        readonly = "（磁盘或文件夹是只读的）" if exc.errno == errno.EROFS else ""
        return OutputUnwritable(
            f"没有写入权限：{where}{readonly}（请换一个输出位置）",
            f"no permission to write {where}: {detail}",
            code="NO_WRITE_PERMISSION",
            path=where,
        )
    return OutputUnwritable(f"无法写入：{where}（{detail}）", f"cannot write {where}: {detail}", path=where)


def backup_path(path: Path) -> Path:
    """First free `<name>.bak`, `<name>.bak1`, … beside `path` (never an existing backup)."""
    candidate = path.with_name(path.name + ".bak")
    n = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak{n}")
        n += 1
    return candidate


def atomic_write(
    path: str | os.PathLike[str],
    content: Writer,
    *,
    force: bool = False,
    backup: bool = False,
    by_path: bool = False,
    durable: bool = True,
) -> Path:
    """Write `content` to `path` atomically and return the path (and nothing else changes on failure).

    `content` is bytes/str (UTF-8), or a function: by default it receives the open binary temp
    file; with `by_path=True` it receives the temp file's Path (for libraries such as openpyxl or
    XlsxWriter that want a filename). Returns the final path; `backup` copies the old file first.
    `durable=False` skips the two fsyncs (file and folder): the rename still means no reader ever
    sees a half-written file, but after a power cut the new file may be empty — only for outputs
    that are cheap to regenerate and checked on reuse (the batch's per-file HTML reports).
    """
    target = Path(path)
    exists = target.exists()
    if exists and not (force or backup):
        raise OutputExists(
            f"输出文件已存在：{target.name}；为避免覆盖，请换一个输出路径，或加 --force 确认覆盖",
            f"output file exists: {target}; choose another path or pass --force",
            path=str(target),
        )
    if exists and target.is_dir():
        raise OutputExists(f"输出路径是一个文件夹：{target}", f"output path is a directory: {target}", path=str(target))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise explain_write_error(exc, target) from None
    tmp = Path(tmp_name)
    try:
        if by_path:
            os.close(fd)
            cast(Callable[[Path], object], content)(tmp)  # by_path: the caller said it takes a path
            if durable:
                with open(tmp, "rb+") as fh:
                    os.fsync(fh.fileno())
        else:
            with os.fdopen(fd, "wb") as fh:
                if isinstance(content, str):
                    fh.write(content.encode("utf-8"))
                elif isinstance(content, (bytes, bytearray)):
                    fh.write(content)
                else:
                    cast(Callable[[BinaryIO], object], content)(fh)
                fh.flush()
                if durable:
                    os.fsync(fh.fileno())
        if exists:
            if backup:
                shutil.copy2(target, backup_path(target))
            with contextlib.suppress(OSError):
                shutil.copymode(target, tmp)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise explain_write_error(exc, target) from None
    except BaseException:
        _discard(tmp)
        raise
    if durable:
        _fsync_dir(folder)
    return target


def _discard(tmp: Path) -> None:
    """Remove the temp file of a failed write (itself allowed to fail: a read-only folder)."""
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
