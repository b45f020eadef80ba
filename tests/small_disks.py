"""Real full and read-only file systems for output-error tests: a small tmpfs, mounted for the test.

Mounting needs root (CI runs as root in its container); elsewhere the tests are skipped, except the
read-only folder, which a non-root user gets from chmod (root ignores permission bits).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(target: Path, options: str) -> None:
    if not shutil.which("mount") or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


@contextlib.contextmanager
def full_disk(target: Path, size: str = "64k") -> Iterator[Path]:
    """`target` becomes a folder on a disk of `size` bytes, filled to the last byte."""
    target.mkdir(parents=True, exist_ok=True)
    _mount(target, f"size={size}")
    try:
        with contextlib.suppress(OSError), open(target / "filler.bin", "wb", buffering=0) as fh:
            while True:
                fh.write(b"\0" * 4096)
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


@contextlib.contextmanager
def readonly_dir(target: Path) -> Iterator[Path]:
    """`target` becomes a folder nothing can be written to (chmod for a user, a read-only tmpfs for root)."""
    target.mkdir(parents=True, exist_ok=True)
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        target.chmod(0o555)
        try:
            yield target
        finally:
            target.chmod(0o755)
        return
    _mount(target, "ro,size=64k")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)
