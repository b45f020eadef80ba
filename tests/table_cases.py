"""One test for a table of tiny cases (fast22b): pytest's bookkeeping costs ≈ 3 ms an item (the worker, xdist's
controller, an item in each worker's collection) for microseconds of checking a case. Every case is still checked, with
the same assertions; a failure lists each case that failed and how, not only the first."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def each(cases: Iterable[tuple[Any, ...]], check: Callable[..., object]) -> None:
    """`check(*case)` for every case; fails listing every case whose check raised AssertionError."""
    failed = []
    for case in cases:
        try:
            check(*case)
        except AssertionError as e:
            failed.append(f"{case!r}: {e}")
    assert not failed, f"{len(failed)} case(s) failed:\n" + "\n".join(failed)


def each1(cases: Iterable[Any], check: Callable[[Any], object]) -> None:
    """`check(case)` for every case of a one-name parametrisation."""
    each(((c,) for c in cases), check)
