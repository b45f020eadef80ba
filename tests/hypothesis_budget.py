"""How many examples a property test draws: its full count in every whole run (CI, plain `pytest`), a smaller one
in the fast loop (`pytest -m "not slow"`).

Hypothesis's own generation costs ≈ 2–6 ms an example however cheap the code under test, so the loop's few
property tests with hundreds of examples took ≈ 7 s of its CPU (docs/testing.md). tests/conftest.py sets `FAST`
when the run's mark expression leaves the slow tests out; then `fast` examples are drawn (never fewer than
Hypothesis's default of 100). Every failing example Hypothesis finds is saved in its database and tried first in
every later run, whichever the count.

A seeded random sweep (`random.Random(seed)`, thousands of inputs: the equivalence tests of the perf passes) is
fuzzing as well: `draws(full, fast)` is its count — `full` in every whole run, the first `fast` inputs of the same
sequence (a fixed sample, the same each run) in the fast loop. A sweep parametrized by its seeds (one test a seed)
takes `seeds(full, fast)`: the first `fast` seeds in the fast loop, the others marked slow (every whole run all).
"""

from __future__ import annotations

__all__ = ["FAST", "draws", "examples", "seeds"]

#: Set by tests/conftest.py (pytest_configure, before collection) for the fast loop.
FAST = False


def examples(full: int, fast: int) -> int:
    """`max_examples` for a property test: `fast` in the fast loop, else `full`."""
    if not 100 <= fast <= full:
        raise ValueError(f"examples(full={full}, fast={fast}): the fast loop keeps 100 ≤ fast ≤ full")
    return fast if FAST else full


def draws(full: int, fast: int) -> int:
    """How many inputs a seeded random sweep draws: `fast` in the fast loop (the first `fast` of the `full` it draws in
    every other run — the same seed, so a fixed sample), else `full`."""
    if not 0 < fast <= full:
        raise ValueError(f"draws(full={full}, fast={fast}): the fast loop keeps 0 < fast ≤ full")
    return fast if FAST else full


def seeds(full: int, fast: int) -> list[object]:
    """The seeds 0 … full − 1 of a sweep parametrized by its seed: the first `fast` as they are, the others marked slow —
    the fast loop runs a fixed sample, every whole run (CI) every seed, under the same test ids."""
    if not 0 < fast <= full:
        raise ValueError(f"seeds(full={full}, fast={fast}): the fast loop keeps 0 < fast ≤ full")
    import pytest

    rest = pytest.mark.slow(reason="a seeded sweep: the seeds past the fast loop's sample")
    return [seed if seed < fast else pytest.param(seed, marks=rest) for seed in range(full)]
