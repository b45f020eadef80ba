"""`.ci/run` waits, bounded, for another apt or dpkg process instead of failing at once on its lock."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Holds the given locks the way apt and dpkg take them (fcntl record locks) for a few seconds.
HOLD = """
import fcntl, os, sys, time
for path in sys.argv[2:]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o640)
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
print("held", flush=True)
time.sleep(float(sys.argv[1]))
"""

# `apt-get update` with no package sources: it takes the lists lock like a real one, without the network.
NO_SOURCES = "-o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts=/nonexistent"


@pytest.mark.slow
@pytest.mark.skipif(
    not shutil.which("apt-get") or not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs apt-get, as root"
)
@pytest.mark.parametrize(
    "command, locks",
    [
        (f"update -q {NO_SOURCES}", ["/var/lib/apt/lists/lock"]),
        ("install -y -q", ["/var/lib/dpkg/lock-frontend"]),
    ],
)
def test_apt_get_waits_for_a_held_lock_and_then_succeeds(command, locks):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, "4", *locks], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        done = subprocess.run(
            ["bash", "-c", f"source .ci/apt.sh && APT_LOCK_WAIT=60 apt_get {command}"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.slow
@pytest.mark.skipif(
    not shutil.which("apt-get") or not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs apt-get, as root"
)
def test_the_wait_is_bounded():
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, "60", "/var/lib/apt/lists/lock"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        done = subprocess.run(
            ["bash", "-c", f"source .ci/apt.sh && APT_LOCK_WAIT=2 apt_get update -q {NO_SOURCES}"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=50,
        )
        assert done.returncode != 0 and "Could not get lock" in done.stderr
    finally:
        holder.kill()
        holder.wait()


def test_ci_run_uses_the_waiting_apt_get():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "apt-get update" not in script and "apt-get install" not in script
    assert "apt_get update" in script and "apt_get install" in script
