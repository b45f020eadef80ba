"""tests/conftest.py's fast-loop flag (fast27): an inner pytest run in this process — tests/test_fast25.py and
test_fast26.py run one with the conftest as its plugin — sets `hypothesis_budget.FAST` for itself and gives the outer
run's value back at its end. Before, the inner run (no mark expression) left it False, and every later test in that
xdist worker drew its whole sample in the fast loop."""

from __future__ import annotations

import textwrap
from pathlib import Path

import hypothesis_budget
import pytest


@pytest.mark.parametrize("outer", [True, False])
def test_an_inner_run_sets_the_flag_for_itself_and_gives_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, outer: bool
) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    said = tmp_path / "said"
    (inner / f"test_inner_flag_{outer}.py").write_text(  # a module name of its own
        textwrap.dedent(
            f"""
            import hypothesis_budget

            def test_says_the_flag():
                with open({str(said)!r}, "w", encoding="utf-8") as out:
                    out.write(str(hypothesis_budget.FAST))
            """
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(hypothesis_budget, "FAST", outer)
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # no xdist, hypothesis or anyio in the inner run
    options = ["-p", "conftest", "-p", "no:cacheprovider", f"--basetemp={tmp_path / 'base'}"]
    marks = [] if outer else ["-m", "not slow"]  # the inner run's own expression: the other value
    assert pytest.main([str(inner), "-q", *marks, *options]) == pytest.ExitCode.OK
    assert said.read_text(encoding="utf-8") == str(not outer)  # the inner run's own
    assert hypothesis_budget.FAST is outer  # the outer run's, given back
