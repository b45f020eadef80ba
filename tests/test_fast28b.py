"""Session 28, fast28b (issue 14): `hypothesis_budget.seeds`, a sweep parametrized by its seeds sampled in the loop."""

from __future__ import annotations

import pytest
from hypothesis_budget import seeds


def test_the_first_seeds_run_in_the_loop_the_others_are_slow() -> None:
    got = seeds(5, 2)
    assert got[:2] == [0, 1]
    rest = got[2:]
    assert [p.values for p in rest] == [(2,), (3,), (4,)]
    assert all([m.name for m in p.marks] == ["slow"] for p in rest)


@pytest.mark.parametrize(("full", "fast"), [(5, 0), (5, 6), (0, 0)])
def test_a_sample_outside_the_sweep_is_refused(full: int, fast: int) -> None:
    with pytest.raises(ValueError, match="seeds"):
        seeds(full, fast)
