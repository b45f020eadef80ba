"""perf18 (issue 14): the one-command process's collector policy equals its plain form.

`perfxl.cli.main`'s collector policy: a short command's process runs with the cyclic collector off and freezes what
is alive at exit; `perfxl validate`'s report is the same bytes with the collector on or off (in-process, CliRunner).
(perf18's kept compilers, `perfxl/compiled.py`, were not merged: docs/performance.md says why.)
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest


@pytest.fixture
def collector_restored():
    was = gc.isenabled()
    yield
    gc.unfreeze()
    (gc.enable if was else gc.disable)()


@pytest.mark.usefixtures("collector_restored")
def test_short_commands_run_without_the_collector() -> None:
    from perfxl.cli.main import collector_at_exit, collector_for_one_command

    for args, stays_on in [
        (["validate", "a.xlsx"], False),
        (["score"], False),
        ([], False),
        (["--help"], False),
        (["batch", "folder"], True),
        (["serve"], True),
    ]:
        gc.enable()
        collector_for_one_command(args)
        assert gc.isenabled() is stays_on, args
    gc.unfreeze()
    collector_at_exit()
    assert gc.get_freeze_count() > 0


@pytest.mark.usefixtures("collector_restored")
def test_validate_report_is_the_same_with_the_collector_off(tmp_path: Path) -> None:
    import typer.main
    from click.testing import CliRunner

    from perfxl.cli.main import app

    example = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
    cli = typer.main.get_command(app)
    reports = []
    for on in (True, False):
        (gc.enable if on else gc.disable)()
        out = tmp_path / f"{on}.json"
        result = CliRunner().invoke(cli, ["validate", str(example), "--format", "json", "-o", str(out), "--force"])
        assert result.exit_code in (0, 1), result.output
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]
