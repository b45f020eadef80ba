"""Where the checks' work goes, counted, not timed (script, not a test): Python opcodes per check and per function.

On a loaded machine a sampling profiler puts whole seconds on whichever frame the process was descheduled in, and a
timer measures the neighbours. The interpreter steps a run executes do not depend on the load: this counts them
(`sys.settrace` with `f_trace_opcodes`) while `validate_submission` runs on one workbook — the table's `RowFacts`
built first and counted apart as "facts", then each check's steps (its helpers included) and each function's own.
A C built-in's work is not counted (a regex search is one step), so it ranks Python-level work; cachegrind
(`/tmp/p25/cg.sh`-style, whole process) is the measure of a change. Slow: ≈ 30 s of CPU on 10,000 rows.

    PYTHONPATH=$PWD .venv/bin/python bench/check_opcodes.py WORKBOOK [--checks 30] [--functions 40]
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def count(path: str) -> tuple[Counter[str], Counter[str]]:
    """(opcodes per check, opcodes per function) of validating `path`; "facts" is the rows' facts, "other" the rest."""
    import perfxl.rules as rules
    from perfxl.profiles import load_profile
    from perfxl.reader import read_submission
    from perfxl.rules.context import Context
    from perfxl.validate import validate_submission

    gc.disable()  # as `run_checks` runs: no collection's work lands on a check
    sub = read_submission(path)
    ctx = Context(sub, load_profile(None))
    per_check: Counter[str] = Counter()
    per_function: Counter[str] = Counter()
    running = ["facts"]
    implementation = rules.implementation

    def counted(code: str) -> Callable[..., Iterator[Any]] | None:
        check = implementation(code)
        if check is None:
            return None
        found = check

        def run(c: Context, *args: Any, **kwargs: Any) -> Iterator[Any]:
            before, running[0] = running[0], code
            try:
                return iter(list(found(c, *args, **kwargs)))
            finally:
                running[0] = before

        return run

    def step(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "opcode":
            code = frame.f_code
            per_function[f"{code.co_filename.rsplit('/perfxl/', 1)[-1]}:{code.co_firstlineno} {code.co_name}"] += 1
            per_check[running[0]] += 1
        return step

    def enter(frame: FrameType, event: str, arg: Any) -> Any:
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        return step

    rules.implementation = counted  # type: ignore[assignment]
    sys.settrace(enter)
    try:
        for ev in sub.evaluations:
            ctx.facts(ev)
        running[0] = "other"
        validate_submission(sub, context=ctx)
    finally:
        sys.settrace(None)
        rules.implementation = implementation
    return per_check, per_function


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook")
    parser.add_argument("--checks", type=int, default=30, help="checks listed (most steps first)")
    parser.add_argument("--functions", type=int, default=40, help="functions listed by their own steps")
    args = parser.parse_args()
    per_check, per_function = count(args.workbook)
    total = sum(per_check.values())
    print(f"total opcodes {total:,}")
    for name, n in per_check.most_common(args.checks):
        print(f"{n:12,} {n / total:6.1%} {name}")
    print("## functions, own steps")
    for name, n in per_function.most_common(args.functions):
        print(f"{n:12,} {n / total:6.1%} {name}")


if __name__ == "__main__":
    main()
