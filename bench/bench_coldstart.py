"""Benchmark (script, not a test): cold start of `perfxl validate FILE` against a bare `python -c`
python-calamine read of the same file (issue 7 target: ≤ 3×).

Run: .venv/bin/python bench/bench_coldstart.py [--runs N]
Writes bench/results/coldstart.json. Each command runs in a new process; we keep the median wall
time and the median CPU time (user+sys of the child, less sensitive to other load on the shared
machine). Two settings:

- `bytecode_cached`: Python may cache compiled modules (as any `pip install` does), here in a
  private PYTHONPYCACHEPREFIX warmed by one run first — what a user's installed perfxl pays;
- `no_bytecode_cache`: PYTHONDONTWRITEBYTECODE=1 and no cache, as in this development tree, where
  every perfxl module is compiled again at each start (an extra ~100 ms that users never pay).

It also lists which heavy libraries a run imports (typer, pydantic, rich, openpyxl, pandas, …).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
RESULTS = REPO / "bench" / "results" / "coldstart.json"
TARGET = 3.0
HEAVY = ("typer", "pydantic", "rich", "openpyxl", "pandas", "xlwings", "numpy", "jinja2", "defusedxml", "olefile")
CALAMINE_READ = (
    "import sys\nfrom python_calamine import CalamineWorkbook\nb = CalamineWorkbook.from_path(sys.argv[1])\n"
    "for n in b.sheet_names:\n    s = b.get_sheet_by_name(n); s.to_python(skip_empty_area=False); s.merged_cell_ranges\n"
)

TYPER_PATH = "import sys; from perfxl.cli.main import _build_app; sys.argv[0] = 'perfxl'; _build_app()()"


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _interleaved(cmds: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, dict[str, float]]:
    """Median (wall, cpu) per command; the commands take turns in every round, so a change in the
    machine's load during the run affects them all alike."""
    for cmd in cmds.values():
        _run(cmd, env)  # warm the page cache (and the bytecode cache when allowed)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            samples[name].append(_run(cmd, env))
    return {
        name: {
            "wall_s": round(statistics.median(w for w, _ in xs), 4),
            "cpu_s": round(statistics.median(c for _, c in xs), 4),
        }
        for name, xs in samples.items()
    }


def _heavy_imports(cmd: list[str], env: dict[str, str]) -> list[str]:
    proc = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], capture_output=True, text=True, env=env, check=False)
    names = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    return sorted(h for h in HEAVY if h in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--file", type=Path, default=EXAMPLE)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    py = sys.executable
    bare = [py, "-c", CALAMINE_READ, str(args.file)]
    perfxl = [py, "-m", "perfxl", "validate", str(args.file)]
    commands = {
        "text": perfxl,
        "json": [*perfxl, "--format", "json"],
        # the same command through the full typer CLI (the only path before perfxl.cli.fast)
        "text_via_typer": [py, "-c", TYPER_PATH, "validate", str(args.file)],
    }
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    load_start = os.getloadavg()
    settings = {}
    with tempfile.TemporaryDirectory() as cache:
        envs = {
            "bytecode_cached": {**base, "PYTHONPYCACHEPREFIX": cache},
            "no_bytecode_cache": {**base, "PYTHONDONTWRITEBYTECODE": "1"},
        }
        for label, env in envs.items():
            times = _interleaved({"bare_calamine": bare, **commands}, env, args.runs)
            floor = times["bare_calamine"]
            row: dict = {"bare_calamine": floor}
            for name, cmd in commands.items():
                t = times[name]
                row[f"perfxl_validate_{name}"] = {
                    **t,
                    "ratio_wall": round(t["wall_s"] / floor["wall_s"], 2),
                    "ratio_cpu": round(t["cpu_s"] / max(floor["cpu_s"], 1e-3), 2),
                    "heavy_imports": _heavy_imports(cmd, env),
                }
            settings[label] = row
    report = {
        "benchmark": "coldstart",
        "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "python": platform.python_version(),
        "machine": {
            "nproc": os.cpu_count(),
            "load_average_at_start": [round(x, 2) for x in load_start],
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        },
        "file": args.file.name,
        "runs": args.runs,
        "command": "python -m perfxl validate FILE [--format json]",
        "target": f"≤ {TARGET}× bare calamine",
        "settings": settings,
        "meets_target": all(
            row[k]["ratio_wall"] <= TARGET
            for row in settings.values()
            for k in ("perfxl_validate_text", "perfxl_validate_json")
        ),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for label, row in settings.items():
        floor = row["bare_calamine"]
        print(f"{label}: bare calamine {floor['wall_s'] * 1000:.0f} ms")
        for k, v in row.items():
            if k != "bare_calamine":
                print(
                    f"  {k}: {v['wall_s'] * 1000:.0f} ms wall ({v['ratio_wall']}×), cpu {v['ratio_cpu']}×, loads {v['heavy_imports']}"
                )
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
