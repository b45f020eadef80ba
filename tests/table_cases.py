"""One test for a table of tiny cases (fast22b): pytest's bookkeeping costs ≈ 3 ms an item (the worker, xdist's
controller, an item in each worker's collection) for microseconds of checking a case. Every case is still checked, with
the same assertions; a failure lists each case that failed and how, not only the first."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def each(cases: Iterable[tuple[Any, ...]], check: Callable[..., object]) -> None:
    """`check(*case)` for every case; fails listing every case whose check raised AssertionError, and fails on a table
    of no case (a generator or filter that came out empty would otherwise pass having checked nothing)."""
    failed = []
    checked = 0
    for case in cases:
        checked += 1
        try:
            check(*case)
        except AssertionError as e:
            failed.append(f"{case!r}: {e}")
    assert checked, "no case to check: an empty table of cases checks nothing"
    assert not failed, f"{len(failed)} case(s) failed:\n" + "\n".join(failed)


def each1(cases: Iterable[Any], check: Callable[[Any], object]) -> None:
    """`check(case)` for every case of a one-name parametrisation."""
    each(((c,) for c in cases), check)


def _one_test(run: Callable[[Callable[..., object]], None], check: Callable[..., object]) -> Callable[[], None]:
    """A test of no arguments running `run(check)`, under `check`'s name and docstring (no `__wrapped__`: pytest
    would read `check`'s arguments as fixtures)."""

    def test() -> None:
        run(check)

    test.__name__, test.__qualname__, test.__doc__ = check.__name__, check.__qualname__, check.__doc__
    test.__module__ = check.__module__
    return test


def each_case(cases: Iterable[tuple[Any, ...]]) -> Callable[[Callable[..., object]], Callable[[], None]]:
    """Decorator: the decorated check, `check(*case)`, becomes one test of every case (`each`), so a table of cases
    needs no second function to hand it over."""
    return lambda check: _one_test(lambda c: each(cases, c), check)


def each_case1(cases: Iterable[Any]) -> Callable[[Callable[[Any], object]], Callable[[], None]]:
    """`each_case` for a one-name parametrisation: `check(case)` (`each1`)."""
    return lambda check: _one_test(lambda c: each1(cases, c), check)
