"""tests/table_cases.py, the one-test-a-table helpers: a table of no case fails (audit30) — a filtered or generated table
that came out empty would otherwise pass having checked nothing; a failing case is named with its reason."""

from __future__ import annotations

import pytest
from table_cases import each, each1, each_case


def _positive(n: int) -> None:
    assert n > 0, f"{n} is not positive"


def test_an_empty_table_fails() -> None:
    for run in (lambda: each([], _positive), lambda: each1((n for n in [1, 2] if n > 5), _positive)):
        with pytest.raises(AssertionError, match="no case to check"):
            run()


def test_an_empty_table_made_a_test_fails() -> None:
    with pytest.raises(AssertionError, match="no case to check"):
        each_case([])(_positive)()


def test_every_failing_case_is_named_and_the_rest_pass() -> None:
    each1([1, 2], _positive)
    with pytest.raises(AssertionError) as caught:
        each([(1,), (-1,), (0,)], _positive)
    assert "2 case(s) failed" in str(caught.value)
    assert "(-1,): -1 is not positive" in str(caught.value) and "(0,): 0 is not positive" in str(caught.value)
