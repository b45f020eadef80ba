"""Benchmark (script, not a test): `perfxl validate` on a big workbook, as whole processes, against calamine.

Issue 14 goal: `perfxl validate FILE` on 10,000 indicator rows takes ≤ 10× a Python process that reads
the same file with python-calamine (both whole processes, start-up included), and the cost is linear in
rows. The workbooks come from the project's generator: the seed's 部门整体支出 自评表 with its indicator
rows repeated (each name numbered, so every row is a distinct indicator) to 1,000 / 5,000 / 10,000 rows.

    .venv/bin/python bench/bench_big.py [--repeat N] [--rows 1000,5000,10000]

Writes bench/results/big.json: per size, median seconds of each process, their ratio, and the per-row
cost of validate (slope between sizes, start-up excluded) so linearity can be read off.

Both processes run with their bytecode cached in a private PYTHONPYCACHEPREFIX, warmed by a first run: what
an installed perfxl pays. (With PYTHONDONTWRITEBYTECODE=1, as in the development tree, every start also
compiles every perfxl module, ≈ 0.3 s; `bench_coldstart.py` measures that start-up on its own.)

On the shared machine wall time swings with the load; instructions do not. Count them for the same two processes with
`valgrind --tool=cachegrind --cache-sim=no` (bytecode cached by a first run with PYTHONPYCACHEPREFIX set and
PYTHONDONTWRITEBYTECODE unset, or every lazily imported module is compiled inside the measured run), and compare trees
with `bench/verdicts.py` (identical verdicts) — docs/performance.md, "Per indicator row (issue 14, session 11)".
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

RESULTS = REPO / "bench" / "results" / "big.json"
TARGET_RATIO = 10.0
PERFXL = [sys.executable, "-m", "perfxl"]
CALAMINE = (
    "import sys\n"
    "from python_calamine import CalamineWorkbook\n"
    "wb = CalamineWorkbook.from_path(sys.argv[1])\n"
    "n = sum(len(r) for s in wb.sheet_names for r in wb.get_sheet_by_name(s).to_python())\n"
)


def big_workbook(folder: Path, rows: int) -> Path:
    """The seed's 自评表 with `rows` indicator rows (names numbered), written by the generator."""
    from perfxl.workbook.seed import seed_content
    from perfxl.workbook.variants import write_submission

    content = seed_content()
    ev = content.evaluations[0]
    base = ev.indicators
    lines = tuple(replace(base[i % len(base)], name=f"{base[i % len(base)].name}{i + 1}") for i in range(rows))
    path = folder / f"big-{rows}.xlsx"
    write_submission(path, replace(content, evaluations=(replace(ev, indicators=lines),)), "standard")
    return path


def run_s(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=env)
    elapsed = time.perf_counter() - t0
    if done.returncode not in (0, 1):  # 1: findings at the fail level (the bench file has some)
        raise SystemExit(f"{cmd} failed ({done.returncode}): {done.stderr.decode(errors='replace')[-2000:]}")
    return elapsed


def bytecode_env(cache: str) -> dict[str, str]:
    """The environment of both processes: bytecode cached in `cache` (as after `pip install`), not recompiled."""
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    return {**base, "PYTHONPYCACHEPREFIX": cache}


def measure(path: Path, repeat: int, env: dict[str, str] | None = None) -> dict[str, object]:
    validate = [*PERFXL, "validate", str(path), "--format", "json", "-o", os.devnull, "--force"]
    calamine = [sys.executable, "-c", CALAMINE, str(path)]
    run_s(validate, env)  # warm the OS file cache and the bytecode cache once
    run_s(calamine, env)
    v_times, c_times = [], []
    for _ in range(repeat):  # interleaved, so machine load hits both alike
        v_times.append(run_s(validate, env))
        c_times.append(run_s(calamine, env))
    v, c = statistics.median(v_times), statistics.median(c_times)
    return {
        "file": path.name,
        "bytes": path.stat().st_size,
        "validate_median_s": round(v, 4),
        "validate_min_s": round(min(v_times), 4),
        "calamine_median_s": round(c, 4),
        "calamine_min_s": round(min(c_times), 4),
        "ratio_median": round(v / c, 2),
        "ratio_min": round(min(v_times) / min(c_times), 2),
        "target_met": v / c <= TARGET_RATIO,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", default="1000,5000,10000")
    parser.add_argument("--label", default="", help="a note stored with the run (e.g. 'before', 'after')")
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.rows.split(",")]
    load_start = os.getloadavg()
    results = []
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory(prefix="perfxl-pyc-") as cache:
        env = bytecode_env(cache)
        for rows in sizes:
            row = {"indicator_rows": rows, **measure(big_workbook(Path(tmp), rows), args.repeat, env)}
            results.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    for prev, cur in itertools.pairwise(results):
        dv = float(cur["validate_median_s"]) - float(prev["validate_median_s"])  # type: ignore[arg-type]
        cur["validate_ms_per_row_since_previous"] = round(
            1000 * dv / (cur["indicator_rows"] - prev["indicator_rows"]), 4
        )
    out = {
        "benchmark": "big workbook: perfxl validate vs python-calamine read, whole processes",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "label": args.label,
        "repeat": args.repeat,
        "load_average_at_start": [round(x, 2) for x in load_start],
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "target": f"validate ≤ {TARGET_RATIO:g}× calamine at 10,000 indicator rows, linear in rows",
        "note": "median seconds of whole processes (start-up included), runs interleaved; "
        "validate_ms_per_row_since_previous = slope of validate time between sizes",
        "bytecode": "cached in a private PYTHONPYCACHEPREFIX warmed by a first run (as an installed perfxl)",
        "results": results,
    }
    history = []
    if RESULTS.exists():
        try:
            old = json.loads(RESULTS.read_text(encoding="utf-8"))
            history = old.get("history", [])
            history.append(
                {k: old[k] for k in ("label", "generated", "load_average_at_start") if k in old}
                | {
                    "ratios": {r["indicator_rows"]: r["ratio_median"] for r in old.get("results", [])},
                    "validate_s": {r["indicator_rows"]: r["validate_median_s"] for r in old.get("results", [])},
                }
            )
        except (ValueError, KeyError):
            history = []
    out["history"] = history[-10:]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
