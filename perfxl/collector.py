"""`collector_paused`: Python's cyclic garbage collector off while perfxl makes a burst of short-lived objects
(the checks, reading a workbook, the annotated copy). Standard library only, so any module may use it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration (back to its previous state after).

    A check run allocates ~10⁶ short-lived objects (Decimals, parsed values, tuples) that reference
    counting frees; each allocation burst still triggers collections that walk the whole long-lived
    submission. Measured on 10,000 indicator rows (bench/bench_big.py): 0.3–0.4 s of a 1.7 s run was
    the collector. The run creates no reference cycles of its own, so nothing piles up meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
