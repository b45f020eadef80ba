"""The scratch file that keeps calamine's panic reports off the terminal is closed at exit: a process that validated
a workbook ends without "ResourceWarning: unclosed file" on its stderr (it was printed by every such process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # a subprocess

EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


def test_a_validating_process_leaves_no_unclosed_file():
    code = "import sys; from perfxl.validate import validate_file; validate_file(sys.argv[1])"
    done = subprocess.run(
        [sys.executable, "-W", "always::ResourceWarning", "-c", code, str(EXAMPLE)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "ResourceWarning" not in done.stderr, done.stderr
