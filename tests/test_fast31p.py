"""bench/validate_stages.py (fast31p, issue 14): the stage driver stops a `perfxl validate` process where it says.

The instruction counts it reports are only worth reading if each measured process ends right after its stage: a stage
that did not stop would count the whole command. Two real processes on the bundled standard workbook tell it: stopped
after the layout, nothing is validated nor written; the whole command writes its JSON report; stopped at the start-up,
a damaged file is never opened (the whole command reports it unreadable).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, WORKBOOKS

pytestmark = pytest.mark.slow  # (each test runs perfxl in subprocesses)

STAGES = REPO / "bench" / "validate_stages.py"


def _child(path: Path, stage: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, str(STAGES), "--child", str(path), stage],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_a_stage_stops_the_process_before_the_report() -> None:
    whole = _child(WORKBOOKS / "perfxl-standard.xlsx", "whole")
    layout = _child(WORKBOOKS / "perfxl-standard.xlsx", "layout")
    assert whole.returncode in (0, 1)  # 1: findings at the fail level
    assert "已写出报告" in whole.stdout + whole.stderr
    assert layout.returncode == 0
    assert "已写出报告" not in layout.stdout + layout.stderr


def test_the_start_up_stage_ends_before_the_file_is_opened(tmp_path: Path) -> None:
    damaged = tmp_path / "损坏.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not a workbook")
    whole = _child(damaged, "whole")
    start = _child(damaged, "start-up")
    assert whole.returncode not in (0, 1)  # the file unreadable
    assert "已写出报告" in whole.stdout + whole.stderr
    assert start.returncode == 0
    assert start.stdout == "" and start.stderr == ""
