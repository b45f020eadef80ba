#!/usr/bin/env python
"""Where a `perfxl validate FILE --format json` process goes, stage by stage, in instructions — a script, not a test.

Each measurement is the whole command run under `valgrind --tool=cachegrind --cache-sim=no` and stopped (`os._exit`)
right after one stage: the start-up (imports and the CLI, up to `_validate_file`), the file opened (`open_source`: the
guard, calamine, the sheet scan), the layout (`read_submission`), the rows' facts (`Context._build_rows`), the checks
(`run_checks`), the summary (`_summary`), the report (`render`), and the whole process. A stage's own cost is its
figure less the one before. Instruction counts do not move with the machine's load (a shared machine's wall times do);
bytecode is warmed by a first run in a private PYTHONPYCACHEPREFIX, PYTHONHASHSEED=0, as bench_big.py and
bench_batch_worker.py measure. Run from the tree to measure (its perfxl is the one imported):

    env -u PYTHONDONTWRITEBYTECODE PYTHONPATH=. .venv/bin/python bench/validate_stages.py WORKBOOK
    env -u PYTHONDONTWRITEBYTECODE PYTHONPATH=. .venv/bin/python bench/validate_stages.py --rows 10000   # bench_big's

Wall clock: ≈ 25 s of CPU a stage at 10,000 rows (valgrind runs ≈ 50× slower).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

#: (stage, module, function) in the order a validate runs them; the process stops after the function returns.
STAGES = (
    ("start-up", "perfxl.validate", "_validate_file"),  # stops as it is called: imports, the CLI, the profile
    ("open", "perfxl.io.source", "open_source"),
    ("layout", "perfxl.validate", "read_submission"),
    ("row facts", "perfxl.rules.context", "Context._build_rows"),
    ("checks", "perfxl.validate", "run_checks"),
    ("summary", "perfxl.validate", "_summary"),
    ("report", "perfxl.report", "render"),
    ("whole", "", ""),
)


def child(path: str, stop: str) -> None:
    """The measured process: `perfxl validate path --format json -o /dev/null --force`, stopped after stage `stop`."""
    import importlib

    for stage, module, name in STAGES:
        if stage != stop or not module:
            continue
        owner: object = importlib.import_module(module)
        *outer, attr = name.split(".")
        for part in outer:
            owner = getattr(owner, part)
        original: Callable[..., Any] = getattr(owner, attr)
        setattr(owner, attr, _stop_at(original, before=stage == "start-up"))
    sys.argv = ["perfxl", "validate", path, "--format", "json", "-o", os.devnull, "--force"]
    from perfxl.cli.main import run

    run()


def _stop_at(original: Callable[..., Any], *, before: bool) -> Callable[..., Any]:
    """`original`, ending the process as it is called (`before`) or as soon as it returns."""

    def stopped(*args: Any, **kwargs: Any) -> Any:
        if not before:
            original(*args, **kwargs)
        os._exit(0)

    return stopped


def instructions(path: str, stage: str, cache: str, warm: bool = False) -> int:
    """Instructions of one child process stopped after `stage`, under cachegrind (`warm`: the whole command run once
    first, without valgrind, so that every module's bytecode is cached)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONHASHSEED="0", PYTHONPYCACHEPREFIX=cache)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(REPO), env.get("PYTHONPATH", ""))))
    me = [sys.executable, __file__, "--child", path, stage]
    if warm:
        subprocess.run([*me[:-1], "whole"], env=env, capture_output=True, check=False)
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *me]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    m = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if not m:
        raise SystemExit(f"cachegrind gave no count:\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook", nargs="?", help="the file to validate")
    parser.add_argument("--rows", type=int, help="bench_big.py's workbook of this many indicator rows instead")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "STAGE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    with tempfile.TemporaryDirectory(prefix="perfxl-stages-") as tmp:
        path = args.workbook
        if args.rows:
            sys.path.insert(0, str(REPO / "bench"))
            from bench_big import big_workbook

            path = str(big_workbook(Path(tmp), args.rows))
        if not path:
            parser.error("a workbook or --rows")
        before = 0
        for stage, _, _ in STAGES:
            total = instructions(str(Path(path).resolve()), stage, str(Path(tmp) / "pyc"), warm=not before)
            print(f"{stage:10s} {total / 1e6:9.1f} M  (+{(total - before) / 1e6:8.1f} M)", flush=True)
            before = total
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
