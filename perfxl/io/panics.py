"""Rust panics inside python-calamine: recognise them, and keep their report off the user's terminal.

pyo3 turns a panic into `PanicException`, a BaseException (so `except Exception` misses it), after
Rust's panic hook has already written "thread … panicked at …" and a backtrace straight to file
descriptor 2. `quiet_native_stderr()` points fd 2 at a scratch file while calamine runs; whatever
landed there is passed on unchanged unless a panic was caught meanwhile (then it is the panic's
report, whose message the UnreadableWorkbook already carries, and it goes to the debug log).
"""

from __future__ import annotations

import atexit
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import IO

__all__ = ["INTERRUPTS", "is_panic", "quiet_native_stderr", "note_panic"]

#: BaseExceptions that must always propagate (never become an "unreadable file").
INTERRUPTS = (KeyboardInterrupt, SystemExit, GeneratorExit)

_lock = threading.Lock()
_depth = 0
_saved_fd: int | None = None
_sink: IO[bytes] | None = None
_sink_pid = -1
_panicked = False


def is_panic(exc: BaseException) -> bool:
    """True for pyo3's PanicException (a Rust panic surfacing in Python)."""
    return type(exc).__name__ == "PanicException"


def note_panic() -> None:
    """Mark that a panic was caught inside the current quiet window (its stderr report is dropped)."""
    global _panicked
    _panicked = True


@contextmanager
def quiet_native_stderr() -> Iterator[None]:
    """Redirect fd 2 to a scratch file for the duration; nested and concurrent uses share one window."""
    _enter()
    try:
        yield
    finally:
        _leave()


def _enter() -> None:
    global _depth, _saved_fd, _sink, _sink_pid, _panicked
    with _lock:
        if _depth == 0:
            with suppress(AttributeError, OSError, ValueError):
                sys.stderr.flush()
            if _sink is None or _sink_pid != os.getpid():  # one scratch file per process (forked workers too)
                # kept open for the life of the process (reused by every guarded call), so no `with`:
                # closed at exit, not left to the interpreter's teardown (a ResourceWarning there)
                _sink, _sink_pid = tempfile.TemporaryFile(prefix="perfxl-stderr-"), os.getpid()  # noqa: SIM115
                atexit.register(_sink.close)
            _saved_fd = os.dup(2)
            os.dup2(_sink.fileno(), 2)
            _panicked = False
        _depth += 1


def _leave() -> None:
    global _depth, _saved_fd, _panicked
    with _lock:
        _depth -= 1
        if _depth or _saved_fd is None or _sink is None:
            return
        os.dup2(_saved_fd, 2)
        os.close(_saved_fd)
        _saved_fd = None
        size = os.fstat(_sink.fileno()).st_size
        if not size:
            return
        captured = os.pread(_sink.fileno(), size, 0)
        os.ftruncate(_sink.fileno(), 0)
        if _panicked:
            import logging  # only when a panic was caught: `logging` costs ≈ 20 M instructions a process to import

            logging.getLogger(__name__).debug("python-calamine panic report:\n%s", captured.decode("utf-8", "replace"))
        else:
            while captured:
                captured = captured[os.write(2, captured) :]
        _panicked = False
