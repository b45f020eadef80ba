"""How many examples a property test draws: its full count in CI, a smaller one in the fast loop.

Hypothesis's own generation costs ≈ 2–6 ms an example however cheap the code under test, so the loop's few
property tests with hundreds of examples took ≈ 7 s of its CPU (docs/testing.md). The fast loop draws `fast`
examples (never fewer than Hypothesis's default of 100); the full suite in CI sets `PERFXL_FULL_EXAMPLES=1` and draws
every one of `full`, as these tests always did. Every failing example Hypothesis finds is saved in its database and
tried first in every later run, whichever the count.
"""

from __future__ import annotations

import os

__all__ = ["FULL", "examples"]

FULL = os.environ.get("PERFXL_FULL_EXAMPLES") == "1"


def examples(full: int, fast: int) -> int:
    """`max_examples` for a property test: `full` under PERFXL_FULL_EXAMPLES=1 (CI), else `fast`."""
    if not 100 <= fast <= full:
        raise ValueError(f"examples(full={full}, fast={fast}): the fast loop keeps 100 ≤ fast ≤ full")
    return full if FULL else fast
