"""tests/conftest.py's `tmp_path` (fast25): pytest's contract kept with one `mkdir` a test — a new empty folder under
the run's base temp, named after the test, deleted when the test passed and kept when it failed."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest


def test_a_tests_folder_is_new_empty_and_under_the_base_temp(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> None:
    assert tmp_path.is_dir() and not any(tmp_path.iterdir())
    assert tmp_path.parent == tmp_path_factory.getbasetemp()
    assert tmp_path.name.startswith(request.node.name[:30] + "-")


def test_a_passing_tests_folder_goes_and_a_failing_ones_stays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An inner run (in this process, with this conftest as its plugin): its two tests write a file into their
    folders and say where; after it, the passing test's folder is gone, the failing test's is kept, and a test that
    made a folder of the same name with `tmp_path_factory.mktemp` still gets a new one."""
    inner = tmp_path / "inner"
    inner.mkdir()
    said = tmp_path / "said"
    (inner / "test_inner.py").write_text(
        textwrap.dedent(
            f"""
            from pathlib import Path

            def _say(kind, path):
                with open({str(said)!r}, "a", encoding="utf-8") as out:
                    out.write(f"{{kind}} {{path}}\\n")

            def test_passes(tmp_path):
                (tmp_path / "x.txt").write_text("x")
                _say("passed", tmp_path)

            def test_fails(tmp_path):
                (tmp_path / "x.txt").write_text("x")
                _say("failed", tmp_path)
                assert False

            def test_same_name(tmp_path_factory, request):
                taken = tmp_path_factory.mktemp("test_same_name-", numbered=False)
                folder = request.getfixturevalue("tmp_path")
                assert folder != taken and not any(folder.iterdir())
            """
        ),
        encoding="utf-8",
    )
    base = tmp_path / "base"
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # no xdist, hypothesis or anyio in the inner run
    options = ["-p", "conftest", "-p", "no:cacheprovider", "-o", "tmp_path_retention_policy=failed"]
    code = pytest.main([str(inner), "-q", f"--basetemp={base}", *options])
    assert code == pytest.ExitCode.TESTS_FAILED
    where = dict(line.split(" ", 1) for line in said.read_text(encoding="utf-8").splitlines())
    assert set(where) == {"passed", "failed"}
    assert not Path(where["passed"]).exists()
    assert (Path(where["failed"]) / "x.txt").read_text() == "x"
    assert Path(where["failed"]).parent == base
