"""Benchmark (script, not a test): the Python side of one 校验 (Validate) click, cold and warm.

Run: .venv/bin/python bench/bench_click.py [--runs N] [--warm-runs N]
Writes bench/results/click.json.

The click goes through the code path of the ribbon button: `perfxl.excel.macros.run_and_alert(book,
validate)` on an xlwings Book, here xlwings' remote Book built from the Office.js-style payload of the
workbook (`xw.Book(json=payload)`, as tests/test_excel_macros.py does), then `book.json()` (the
actions Excel would apply). In Windows Excel the Book is `Book.caller()` over COM instead; the COM
traffic and Excel's own work are not measured here (only real Excel can tell, see
docs/release-checklist.md). The payload is prepared once by the parent: in Excel it comes from Excel.

- cold: a new process per click (`Use UDF Server` FALSE, xlwings' default: RunPython starts
  python.exe for every click): interpreter start-up + imports + the click, the wall time of the
  whole child process, median of --runs. Bytecode cached in a private PYTHONPYCACHEPREFIX warmed by
  one run first, as an installed perfxl has it (pip compiles at install; RunPython's `python -B`
  only stops writing). Two environments:
  * `user_install`: pandas/numpy/polars/matplotlib/PIL/plotly cannot be imported, as after
    `pip install "perfxl[excel]"` (none of them is in its dependency closure, which the script
    checks from the installed metadata); xlwings imports each of them only if present;
  * `with_pandas_numpy`: this development venv, where they are installed (as in an Anaconda
    Python): `import xlwings` then imports them all.
- warm: repeated clicks in one process, the figure of every click after the first with
  `Use UDF Server` TRUE (the standard workbook's setting): the process and its imports stay.
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
RESULTS = REPO / "bench" / "results" / "click.json"
WORKBOOKS = {
    "seed_example": REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx",
    "standard_workbook": REPO / "workbooks" / "perfxl-standard.xlsm",
}
#: Libraries xlwings imports at `import xlwings` when they are installed (xlwings/main.py, utils.py,
#: conversion/__init__.py: each in a try/except ImportError).
OPTIONAL = ("pandas", "numpy", "polars", "matplotlib", "PIL", "plotly")
REPORTED = ("xlwings", "pandas", "numpy", "polars", "matplotlib", "PIL", "openpyxl", "lxml", "jinja2", "docx")

# The child: one process = `--clicks` clicks on the payload; prints its phase times as JSON.
CHILD = rf"""
import os, sys, time
payload_path, clicks, block = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "block"
if block:
    import importlib.abc
    class _Absent(importlib.abc.MetaPathFinder):
        # as if not installed: the ModuleNotFoundError xlwings expects for an absent library
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in {OPTIONAL!r}:
                raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
            return None
    sys.meta_path.insert(0, _Absent())
os.environ["XLWINGS_ON_SERVER"] = "true"          # xlwings' remote engine (Book(json=...)) needs these
os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"  # before the first import of xlwings
import copy, json
t0 = time.perf_counter()
import xlwings as xw
t1 = time.perf_counter()
from perfxl.excel import macros
t2 = time.perf_counter()
with open(payload_path, encoding="utf-8") as f:
    payload = json.load(f)
times, cpu, message, n_actions = [], [], "", 0
for _ in range(clicks):
    p = copy.deepcopy(payload)  # the remote Book edits the dict it is given
    t, c = time.perf_counter(), time.process_time()
    book = xw.Book(json=p)
    message = macros.run_and_alert(book, macros.validate)
    n_actions = len(book.json()["actions"])
    times.append(time.perf_counter() - t)
    cpu.append(time.process_time() - c)
print(json.dumps({{
    "import_xlwings_s": t1 - t0, "import_macros_s": t2 - t1,
    "clicks_s": times, "clicks_cpu_s": cpu, "message": message, "actions": n_actions,
    "modules": sorted(m for m in {REPORTED!r} if m in sys.modules),
}}))
"""


def _child(payload: Path, clicks: int, block: bool, env: dict[str, str]) -> tuple[float, float, dict]:
    """(wall and CPU seconds of the whole child process, its JSON report). CPU (user+sys) is less
    sensitive than wall time to the other work on a shared machine."""
    cmd = [sys.executable, "-c", CHILD, str(payload), str(clicks), "block" if block else "open"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if out.returncode != 0:
        raise SystemExit(f"click child failed:\n{out.stderr[-3000:]}")
    return wall, cpu, json.loads(out.stdout.strip().splitlines()[-1])


def _excel_extra_closure() -> set[str]:
    """Distribution names `pip install "perfxl[excel]"` installs on Windows, from installed metadata."""
    from importlib.metadata import PackageNotFoundError, requires

    from packaging.markers import default_environment
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    env = {**default_environment(), "sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}
    seen: set[str] = set()
    todo: list[tuple[str, set[str]]] = [("perfxl", {"excel"})]
    while todo:
        name, extras = todo.pop()
        seen.add(canonicalize_name(name))
        try:
            reqs = requires(name) or []
        except PackageNotFoundError:
            continue  # Windows-only (pywin32): not installed here
        for text in reqs:
            req = Requirement(text)
            wanted = req.marker is None or any(req.marker.evaluate({**env, "extra": e}) for e in extras | {""})
            if wanted and canonicalize_name(req.name) not in seen:
                todo.append((req.name, set(req.extras)))
    return seen


def _median(xs: list[float]) -> float:
    return round(statistics.median(xs), 4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold processes per setting")
    parser.add_argument("--warm-runs", type=int, default=20, help="clicks in the warm process")
    args = parser.parse_args(argv)

    os.environ.setdefault("XLWINGS_ON_SERVER", "true")
    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    from perfxl.excel.replay import payload_from_file

    closure = _excel_extra_closure()
    optional_in_closure = sorted(
        m for m in ("pandas", "numpy", "polars", "matplotlib", "pillow", "plotly") if m in closure
    )
    load_start = os.getloadavg()
    result: dict = {
        "benchmark": "click",
        "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "python": platform.python_version(),
        "machine": {"nproc": os.cpu_count(), "load_average_at_start": [round(x, 2) for x in load_start]},
        "path": "perfxl.excel.macros.run_and_alert(xw.Book(json=payload), validate) + book.json()",
        "perfxl_excel_extra_installs_optional_libs": optional_in_closure,
        "workbooks": {},
    }
    with tempfile.TemporaryDirectory(prefix="perfxl-click-") as tmp:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for label, path in WORKBOOKS.items():
            payload = Path(tmp) / f"{label}.json"
            payload.write_text(json.dumps(payload_from_file(str(path))), encoding="utf-8")
            entry: dict = {"file": str(path.relative_to(REPO)), "cold": {}}
            settings = {"user_install": True, "with_pandas_numpy": False}
            for block in settings.values():
                _child(payload, 1, block, env)  # warm the bytecode and page caches
            samples: dict[str, list[tuple[float, float, dict]]] = {s: [] for s in settings}
            for _ in range(args.runs):  # the settings take turns, so load changes hit both alike
                for setting, block in settings.items():
                    samples[setting].append(_child(payload, 1, block, env))
            for setting, runs in samples.items():
                reports = [r for _, _, r in runs]
                entry["cold"][setting] = {
                    "process_wall_s": _median([w for w, _, _ in runs]),
                    "process_cpu_s": _median([c for _, c, _ in runs]),
                    "import_xlwings_s": _median([r["import_xlwings_s"] for r in reports]),
                    "import_perfxl_macros_s": _median([r["import_macros_s"] for r in reports]),
                    "click_s": _median([r["clicks_s"][0] for r in reports]),
                    "modules_loaded": reports[0]["modules"],
                }
            _, _, warm = _child(payload, args.warm_runs + 1, True, env)
            if not warm["message"].startswith("perfxl 校验完成"):  # e.g. the click path needed pandas
                raise SystemExit(f"{label}: the click did not complete: {warm['message']}")
            entry["warm"] = {
                "click_s": _median(warm["clicks_s"][1:]),  # the first click of the process is not warm
                "cpu_s": _median(warm["clicks_cpu_s"][1:]),
                "min_s": round(min(warm["clicks_s"][1:]), 4),
                "clicks": args.warm_runs,
                "message": warm["message"],
                "actions": warm["actions"],
            }
            cold = entry["cold"]["user_install"]["process_wall_s"]
            entry["cold_over_warm"] = round(cold / entry["warm"]["click_s"], 1)
            entry["cold_over_warm_cpu"] = round(
                entry["cold"]["user_install"]["process_cpu_s"] / entry["warm"]["cpu_s"], 1
            )
            entry["cold_with_pandas_numpy_over_warm"] = round(
                entry["cold"]["with_pandas_numpy"]["process_wall_s"] / entry["warm"]["click_s"], 1
            )
            result["workbooks"][label] = entry
    result["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for label, e in result["workbooks"].items():
        c = e["cold"]
        print(
            f"{label}: warm {e['warm']['click_s'] * 1000:.1f} ms | cold {c['user_install']['process_wall_s']:.3f} s "
            f"(user install; {c['with_pandas_numpy']['process_wall_s']:.3f} s with pandas/numpy) "
            f"| cold/warm {e['cold_over_warm']}×"
        )
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
