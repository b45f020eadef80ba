"""Peak memory of a child process (and the children it waits for), for the memory goal of issue 13.

`run_measured(args)` starts `python -c <wrapper>` which runs `args` as its own child and prints
that child's peak resident set (`ru_maxrss` of RUSAGE_CHILDREN, KiB on Linux). An address-space
limit on the child keeps a regression from taking the machine down with it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Measured", "run_measured", "python_code", "GOAL_BYTES"]

#: The goal of issue 13: peak memory of the whole process tree under 300 MB for any input.
GOAL_BYTES = 300 * 1000 * 1000
ADDRESS_SPACE_CAP = 3 << 30

_WRAPPER = r"""
import json, resource, subprocess, sys
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), int(sys.argv[1])))
p = subprocess.run(sys.argv[2:], capture_output=True, text=True, preexec_fn=cap)
print(json.dumps({"rc": p.returncode, "out": p.stdout, "err": p.stderr,
                  "peak_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


@dataclass(frozen=True)
class Measured:
    returncode: int
    stdout: str
    stderr: str
    peak_bytes: int


def run_measured(args: list[str], *, cwd: Path | None = None, timeout: float = 300) -> Measured:
    """Run `args` in a fresh wrapper process; its exit status, output and peak RSS in bytes."""
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(ADDRESS_SPACE_CAP), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"measuring wrapper failed: {proc.stderr[-2000:]}")
    data = json.loads(proc.stdout)
    return Measured(data["rc"], data["out"], data["err"], data["peak_kib"] * 1024)


def python_code(code: str) -> list[str]:
    """`args` running `code` with this interpreter."""
    return [sys.executable, "-c", code]
