#!/usr/bin/env python
"""Benchmark of `perfxl batch` on synthetic submissions from the repo's own generator (a script, not a test).

Measures, and writes to bench/results/batch.json with the machine they came from:
  1. per-file cost of checking a file, as a ratio to python-calamine's bare read of it (target ≤ 2×);
  2. throughput scaling from 1 to 2 worker processes (target ≥ 1.6×) and the batch parent's own CPU per
     file (target ≤ 1 ms): each batch runs in a fresh process (`--child`), which reports its own CPU
     (resource.getrusage RUSAGE_SELF around run_batch) while this script reads the whole tree's CPU from
     RUSAGE_CHILDREN; medians over interleaved rounds, with the load average;
  3. a 600-file `perfxl batch` (2 workers, whole process) vs one `python -c` process reading the same
     600 files with python-calamine (target ≤ 5×);
  4. peak RSS of the whole process tree for 2,000 files vs 200 files (target < 1.5×);
  5. `perfxl validate FILE` cold start vs a bare `python -c` calamine read of it (target ≤ 3×).

    .venv/bin/python bench/bench_batch.py            # full sizes (generates ~2,000 files once)
    .venv/bin/python bench/bench_batch.py --quick    # small counts, about a minute
    .venv/bin/python bench/bench_batch.py --skip per-file --skip memory --skip cold   # the parent/scaling/600 runs
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

#: Layout variants of the generator used for the corpus, in rotation (.xls needs LibreOffice: --with-xls).
VARIANTS = (
    "standard",
    "inserted_rows",
    "offset",
    "repeated_labels",
    "first_labels",
    "split_target",
    "money_units",
    "synonyms",
    "spaced",
    "template",
    "sample",
    "openpyxl_uncached",
    "two_tables",
)
CALAMINE_READ = (
    "import sys, python_calamine as c; wb = c.CalamineWorkbook.from_path(sys.argv[1]); "
    "[wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]"
)
PERFXL = "from perfxl.cli.main import run; run()"


# ---------------------------------------------------------------- corpus


def _make_one(args: tuple[str, int, bool]) -> str:
    """Write synthetic submission number `i` (deterministic: same i, same file)."""
    folder, i, with_xls = args
    from perfxl.workbook.synthetic import synthetic_content
    from perfxl.workbook.variants import write_submission

    variants = VARIANTS + (("xls",) if with_xls else ())
    variant = variants[i % len(variants)]
    suffix = ".xls" if variant == "xls" else ".xlsx"
    path = Path(folder) / f"unit{i:05d}-{variant}{suffix}"
    if path.exists():  # kept from an earlier run
        return str(path)
    dept = i % 3 == 0
    content = synthetic_content(
        1000 + i, projects=1 + i % 3 if not dept else i % 2, department=dept, basic=dept or i % 5 == 0
    )
    write_submission(path, content, variant=variant)
    return str(path)


def corpus(folder: Path, n: int, *, with_xls: bool = False, jobs: int = 2) -> list[Path]:
    """The first `n` corpus files, generated once and kept in `folder` for later runs."""
    folder.mkdir(parents=True, exist_ok=True)
    todo = [(str(folder), i, with_xls) for i in range(n)]
    with ProcessPoolExecutor(jobs) as pool:
        paths = list(pool.map(_make_one, todo, chunksize=8))
    return [Path(p) for p in paths]


def subset(files: list[Path], n: int, dest: Path) -> Path:
    """A folder holding exactly `n` of the corpus files (hard links, so no copying)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for f in files[:n]:
        try:
            os.link(f, dest / f.name)
        except OSError:
            shutil.copy(f, dest / f.name)
    return dest


# ---------------------------------------------------------------- measurements


def per_file_cost(files: list[Path]) -> dict:
    """Sequential, warm, in one process: calamine bare read vs validate_file vs the batch work unit."""
    import python_calamine as calamine

    from perfxl.batch.runner import output_stem
    from perfxl.batch.worker import Job, WorkerConfig, check_job
    from perfxl.profiles import load_profile
    from perfxl.validate import validate_file

    profile = load_profile(None)
    out = Path(tempfile.mkdtemp(prefix="perfxl-bench-unit-"))
    config = WorkerConfig(str(out))

    def bare(p: Path) -> None:
        wb = calamine.CalamineWorkbook.from_path(str(p))
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python()

    def unit(p: Path) -> None:
        check_job(Job(0, str(p), p.name, "", output_stem(str(p))), config)

    timings: dict[str, list[float]] = {"calamine": [], "validate_file": [], "batch_unit": []}
    for f in files[:3]:  # warm up imports and caches
        bare(f), validate_file(f, profile), unit(f)
    for f in files:
        for key, fn in (
            ("calamine", bare),
            ("validate_file", lambda p: validate_file(p, profile)),
            ("batch_unit", unit),
        ):
            t = time.perf_counter()
            fn(f)
            timings[key].append(time.perf_counter() - t)
    shutil.rmtree(out, ignore_errors=True)
    total = {k: sum(v) for k, v in timings.items()}
    return {
        "files": len(files),
        "ms_per_file_mean": {k: round(1000 * total[k] / len(files), 3) for k in total},
        "ms_per_file_median": {k: round(1000 * statistics.median(v), 3) for k, v in timings.items()},
        "ratio_validate_file": round(total["validate_file"] / total["calamine"], 2),
        "ratio_batch_unit": round(total["batch_unit"] / total["calamine"], 2),
        "target": "≤ 2×",
    }


def _run_batch(folder: Path, jobs: int) -> tuple[float, float]:
    """(wall seconds, mean worker CPU seconds per file) of one uncached batch."""
    from perfxl.batch import run_batch

    out = Path(tempfile.mkdtemp(prefix="perfxl-bench-scale-"))
    t = time.perf_counter()
    outcome = run_batch([folder], out, jobs=jobs, use_cache=False)
    seconds = time.perf_counter() - t
    assert len(outcome.rows) == len(list(folder.iterdir())), "batch lost files"
    states = [json.loads(x) for x in (out / "state.jsonl").read_text(encoding="utf-8").splitlines()]
    cpu = statistics.mean(s.get("cpu_seconds") or 0 for s in states)
    shutil.rmtree(out, ignore_errors=True)
    return seconds, cpu


_SPIN = "import time; t = time.process_time(); n = 0\nwhile time.process_time() - t < 1.0: n += 1"


def machine_parallelism() -> float:
    """How much faster 2 CPU-bound processes finish 2 units of work than 1 process does, right now.

    On an idle 2-core machine this is ≈2.0; on a shared one it shows how much of a second core
    was free, which bounds any 1→2 worker speedup measured at the same time.
    """
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", _SPIN], check=True)
    one = time.perf_counter() - t
    t = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(2)]
    for p in procs:
        p.wait()
    two = time.perf_counter() - t
    return round(2 * one / two, 2)


def scaling(folder: Path, n: int, repeats: int) -> dict:
    """Wall time of the whole batch (pool start-up included) with 1 and 2 worker processes; best of `repeats`."""
    before = machine_parallelism()
    one, cpu_one = min(_run_batch(folder, 1) for _ in range(repeats))
    two, cpu_two = min(_run_batch(folder, 2) for _ in range(repeats))
    after = machine_parallelism()
    return {
        "machine_parallelism_2_procs": [before, after],
        "files": n,
        "seconds_1_worker": round(one, 3),
        "seconds_2_workers": round(two, 3),
        "files_per_second_1": round(n / one, 2),
        "files_per_second_2": round(n / two, 2),
        "speedup": round(one / two, 2),
        "worker_cpu_ms_per_file_1": round(1000 * cpu_one, 2),
        "worker_cpu_ms_per_file_2": round(1000 * cpu_two, 2),
        "target": "≥ 1.6×",
        "note": "machine_parallelism_2_procs is the speedup two pure-CPU processes got just before and after; "
        "the batch cannot scale beyond it on a shared machine",
    }


CALAMINE_READ_ALL = (
    "import sys, os, python_calamine as c\n"
    "for f in sorted(os.listdir(sys.argv[1])):\n"
    "    wb = c.CalamineWorkbook.from_path(os.path.join(sys.argv[1], f))\n"
    "    [wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]"
)


def _cpu(usage) -> float:
    return usage.ru_utime + usage.ru_stime


def child(folder: str, jobs: int) -> int:
    """`--child FOLDER JOBS`: one uncached batch in this fresh process; prints its figures as JSON.

    The parent's CPU is this process's own (RUSAGE_SELF: main thread plus the executor's threads)
    during run_batch; workers are forked by the fork server, so their CPU is not in it.
    """
    import resource

    from perfxl.batch import run_batch

    out = Path(tempfile.mkdtemp(prefix="perfxl-bench-child-"))
    before = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    outcome = run_batch([folder], out, jobs=jobs, use_cache=False)
    seconds = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_SELF)
    states = [json.loads(x) for x in (out / "state.jsonl").read_text(encoding="utf-8").splitlines()]
    print(
        json.dumps(
            {
                "files": len(outcome.rows),
                "seconds": seconds,
                "parent_cpu": _cpu(after) - _cpu(before),
                "worker_cpu_per_file": statistics.mean(s.get("cpu_seconds") or 0 for s in states),
            }
        )
    )
    shutil.rmtree(out, ignore_errors=True)
    return 0


def _child_run(folder: Path, jobs: int) -> dict:
    """One `--child` run: its own figures plus the whole process tree's CPU and wall time, from outside."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(folder), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    figures.update(process_seconds=wall, tree_cpu=_cpu(after) - _cpu(before))
    return figures


def parent_and_scaling(folder: Path, n: int, rounds: int) -> dict:
    """1 and 2 workers, interleaved, each batch in a fresh process; medians of `rounds`.

    Reports files/s (run_batch wall time, pool start included), the parent's CPU per file
    (RUSAGE_SELF of the batch process) and the whole tree's CPU per file (RUSAGE_CHILDREN seen here:
    parent, fork server and workers, imports included).
    """
    load = [round(x, 2) for x in os.getloadavg()]
    before = machine_parallelism()
    runs: dict[int, list[dict]] = {1: [], 2: []}
    for _ in range(rounds):
        for jobs in (1, 2):
            runs[jobs].append(_child_run(folder, jobs))
    after = machine_parallelism()

    def med(jobs: int, key: str) -> float:
        return statistics.median(r[key] for r in runs[jobs])

    result: dict = {
        "files": n,
        "rounds": rounds,
        "load_average_at_start": load,
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "machine_parallelism_2_procs": [before, after],
    }
    for jobs in (1, 2):
        result[f"workers_{jobs}"] = {
            "seconds_median": round(med(jobs, "seconds"), 3),
            "seconds_all": [round(r["seconds"], 3) for r in runs[jobs]],
            "files_per_second": round(n / med(jobs, "seconds"), 1),
            "parent_cpu_ms_per_file": round(1000 * med(jobs, "parent_cpu") / n, 3),
            "parent_cpu_ms_per_file_all": [round(1000 * r["parent_cpu"] / n, 3) for r in runs[jobs]],
            "batch_process_cpu_ms_per_file": round(1000 * med(jobs, "tree_cpu") / n, 2),
            "worker_cpu_ms_per_file": round(1000 * med(jobs, "worker_cpu_per_file"), 2),
        }
    result["speedup_1_to_2"] = round(med(1, "seconds") / med(2, "seconds"), 2)
    result["speedups_by_round"] = [round(a["seconds"] / b["seconds"], 2) for a, b in zip(runs[1], runs[2], strict=True)]
    result["targets"] = {"parent_cpu_ms_per_file": "≤ 1", "speedup_1_to_2": "≥ 1.6×"}
    result["note"] = (
        "parent_cpu: RUSAGE_SELF of the batch process during run_batch (main thread and the executor's "
        "threads; lazy imports included). batch_process_cpu: RUSAGE_CHILDREN seen by this script = the "
        "whole batch process with its start-up; the fork server and its workers are not its waited-for "
        "children, so worker CPU is the records' cpu_seconds"
    )
    return result


def batch_vs_calamine(folder: Path, n: int, rounds: int, jobs: int = 2) -> dict:
    """`perfxl batch FOLDER` (whole process, `jobs` workers, no cache) vs one process reading all files with calamine.

    Besides wall time (the target), CPU seconds: the batch process's own (RUSAGE_CHILDREN here) plus its
    workers' (the records' cpu_seconds; the fork server's one-off imports are in neither) against the
    calamine process's — on a shared machine the CPU ratio moves less with the load than the wall ratio.
    """
    import resource

    exe = shutil.which("perfxl", path=str(Path(sys.executable).parent))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    batch_s, bare_s, batch_cpu, bare_cpu = [], [], [], []
    for _ in range(rounds):
        out = Path(tempfile.mkdtemp(prefix="perfxl-bench-600-"))
        cmd = ([exe] if exe else [sys.executable, "-c", PERFXL]) + [
            "batch",
            str(folder),
            "-o",
            str(out),
            "--jobs",
            str(jobs),
            "--no-cache",
        ]
        before = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN))
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        batch_s.append(time.perf_counter() - t)
        own = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN)) - before
        states = [json.loads(x) for x in (out / "state.jsonl").read_text(encoding="utf-8").splitlines()]
        batch_cpu.append(own + sum(s.get("cpu_seconds") or 0 for s in states))
        shutil.rmtree(out, ignore_errors=True)
        before = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN))
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", CALAMINE_READ_ALL, str(folder)], check=True, env=env)
        bare_s.append(time.perf_counter() - t)
        bare_cpu.append(_cpu(resource.getrusage(resource.RUSAGE_CHILDREN)) - before)
    b, c = statistics.median(batch_s), statistics.median(bare_s)
    return {
        "files": n,
        "jobs": jobs,
        "rounds": rounds,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "seconds_batch": round(b, 3),
        "seconds_batch_all": [round(x, 3) for x in batch_s],
        "seconds_calamine_all_files": round(c, 3),
        "ratio": round(b / c, 2),
        "cpu_seconds_batch": round(statistics.median(batch_cpu), 3),
        "cpu_seconds_calamine": round(statistics.median(bare_cpu), 3),
        "cpu_ratio": round(statistics.median(batch_cpu) / statistics.median(bare_cpu), 2),
        "target": "≤ 5×",
    }


def _tree_rss(proc) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(Exception):  # a worker that just exited
            total += p.memory_info().rss
    return total


def peak_rss(folder: Path, jobs: int) -> dict:
    """`perfxl batch` in a subprocess; peak RSS of its whole process tree and of the parent alone."""
    import psutil

    out = Path(tempfile.mkdtemp(prefix="perfxl-bench-mem-"))
    cmd = [sys.executable, "-c", PERFXL, "batch", str(folder), "-o", str(out), "--jobs", str(jobs), "--no-cache"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    t = time.perf_counter()
    popen = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    proc = psutil.Process(popen.pid)
    peak_tree = peak_main = 0
    while popen.poll() is None:
        try:
            peak_tree = max(peak_tree, _tree_rss(proc))
            peak_main = max(peak_main, proc.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - t
    rows = json.loads((out / "summary.json").read_text(encoding="utf-8"))["files"]
    shutil.rmtree(out, ignore_errors=True)
    return {
        "files": len(rows),
        "exit_code": popen.returncode,
        "seconds": round(seconds, 2),
        "peak_tree_mib": round(peak_tree / 2**20, 1),
        "peak_parent_mib": round(peak_main / 2**20, 1),
    }


def memory(files: list[Path], small: int, large: int, jobs: int, work: Path) -> dict:
    a = peak_rss(subset(files, small, work / "mem-small"), jobs)
    b = peak_rss(subset(files, large, work / "mem-large"), jobs)
    return {
        "small": a,
        "large": b,
        "jobs": jobs,
        "ratio_tree": round(b["peak_tree_mib"] / a["peak_tree_mib"], 3),
        "ratio_parent": round(b["peak_parent_mib"] / a["peak_parent_mib"], 3),
        "target": "< 1.5×",
    }


def _bytecode_envs(cache: str) -> dict[str, dict[str, str]]:
    """The two ways a perfxl start can find its modules: bytecode cached (as after `pip install`), or not."""
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    base["PYTHONPATH"] = str(REPO)
    return {
        "bytecode_cached": {**base, "PYTHONPYCACHEPREFIX": cache},
        "no_bytecode_cache": {**base, "PYTHONDONTWRITEBYTECODE": "1"},
    }


def _median_seconds_interleaved(cmds: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, float]:
    """Median wall seconds per command; the commands take turns, so a load change hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for cmd in cmds.values():  # warm the page cache, and the bytecode cache when it is allowed
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    for _ in range(runs):
        for name, cmd in cmds.items():
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
            times[name].append(time.perf_counter() - t)
    return {name: statistics.median(ts) for name, ts in times.items()}


def cold_start(file: Path, runs: int) -> dict:
    """`perfxl validate FILE` in a new process vs `python -c` that only reads FILE with calamine.

    Measured twice: with bytecode cached in a private PYTHONPYCACHEPREFIX warmed by a first run
    (what an installed perfxl pays; `ratio`), and with PYTHONDONTWRITEBYTECODE=1 as in this
    development tree, where every perfxl module is compiled at each start (`no_bytecode_cache`).
    """
    exe = shutil.which("perfxl", path=str(Path(sys.executable).parent))
    validate = [exe, "validate", str(file)] if exe else [sys.executable, "-c", PERFXL, "validate", str(file)]
    bare = [sys.executable, "-c", CALAMINE_READ, str(file)]
    result: dict = {
        "file": file.name,
        "runs": runs,
        "command": "perfxl" if exe else "python -c 'perfxl.cli.main.run()'",
    }
    with tempfile.TemporaryDirectory(prefix="perfxl-pycache-") as cache:
        for setting, env in _bytecode_envs(cache).items():
            t = _median_seconds_interleaved({"validate": validate, "bare": bare}, env, runs)
            result[setting] = {
                "seconds_validate": round(t["validate"], 3),
                "seconds_bare_calamine": round(t["bare"], 3),
                "ratio": round(t["validate"] / t["bare"], 2),
            }
    result.update(result["bytecode_cached"])
    result["target"] = "≤ 3×"
    return result


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--quick", action="store_true", help="small counts: per-file 30, scaling 40, memory 20 vs 200, 3 cold runs"
    )
    ap.add_argument("--per-file", type=int, default=200, help="files for the per-file cost")
    ap.add_argument("--scaling", type=int, default=200, help="files for the 1→2 worker scaling")
    ap.add_argument("--small", type=int, default=200, help="files in the small memory run")
    ap.add_argument("--large", type=int, default=2000, help="files in the large memory run")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the memory runs")
    ap.add_argument("--repeats", type=int, default=2, help="scaling runs per worker count (best kept)")
    ap.add_argument(
        "--rounds", type=int, default=3, help="interleaved rounds of the parent/scaling and 600-file runs (median kept)"
    )
    ap.add_argument("--big", type=int, default=600, help="files of the batch-vs-calamine run")
    ap.add_argument("--child", nargs=2, metavar=("FOLDER", "JOBS"), help=argparse.SUPPRESS)
    ap.add_argument("--cold-runs", type=int, default=7, help="runs of each cold-start command (median kept)")
    ap.add_argument("--with-xls", action="store_true", help="include .xls files (needs LibreOffice; slow to generate)")
    ap.add_argument(
        "--corpus",
        type=Path,
        default=Path(tempfile.gettempdir()) / "perfxl-bench-corpus",
        help="where generated submissions are kept between runs",
    )
    ap.add_argument("--output", type=Path, default=REPO / "bench" / "results" / "batch.json")
    ap.add_argument("--label", default="", help="what this run measures (recorded in the results)")
    ap.add_argument(
        "--skip", action="append", default=[], choices=["per-file", "scaling", "parent", "big", "memory", "cold"]
    )
    args = ap.parse_args(argv)
    if args.child:
        return child(args.child[0], int(args.child[1]))
    if args.quick:
        args.per_file, args.scaling, args.small, args.large, args.cold_runs, args.repeats = 30, 40, 20, 200, 3, 1
        args.big, args.rounds = 200, 2

    started = time.perf_counter()
    info = machine()
    print(f"machine: {info['nproc']} × {info['cpu_model']} (load {info['load_average_at_start']})", flush=True)
    sizes = {
        "per-file": args.per_file,
        "scaling": args.scaling,
        "parent": args.scaling,
        "big": args.big,
        "memory": args.large,
        "cold": 1,
    }
    need = max(n for part, n in sizes.items() if part not in args.skip)
    t = time.perf_counter()
    files = corpus(args.corpus, need, with_xls=args.with_xls)
    print(f"corpus: {len(files)} files in {args.corpus} ({time.perf_counter() - t:.1f} s)", flush=True)
    work = Path(tempfile.mkdtemp(prefix="perfxl-bench-"))
    results: dict = {
        "schema": "perfxl.bench.batch/1",
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "label": args.label,
        "machine": info,
        "quick": args.quick,
        "variants": list(VARIANTS) + (["xls"] if args.with_xls else []),
    }
    try:
        if "per-file" not in args.skip:
            results["per_file"] = per_file_cost(files[: args.per_file])
            print("per-file:", results["per_file"], flush=True)
        if "scaling" not in args.skip:
            results["scaling"] = scaling(subset(files, args.scaling, work / "scale"), args.scaling, args.repeats)
            print("scaling:", results["scaling"], flush=True)
        if "parent" not in args.skip:
            results["parent"] = parent_and_scaling(
                subset(files, args.scaling, work / "parent"), args.scaling, args.rounds
            )
            print("parent/scaling:", results["parent"], flush=True)
        if "big" not in args.skip:
            results["batch_vs_calamine"] = batch_vs_calamine(
                subset(files, args.big, work / "big"), args.big, args.rounds
            )
            print("batch vs calamine:", results["batch_vs_calamine"], flush=True)
        if "memory" not in args.skip:
            results["memory"] = memory(files, args.small, args.large, args.jobs, work)
            print("memory:", results["memory"], flush=True)
        if "cold" not in args.skip:
            results["cold_start"] = cold_start(files[0], args.cold_runs)
            print("cold start:", results["cold_start"], flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    earlier = {}
    if args.output.is_file():
        try:
            earlier = json.loads(args.output.read_text(encoding="utf-8"))
        except ValueError:
            earlier = {}
    for key in ("per_file", "scaling", "parent", "batch_vs_calamine", "memory", "cold_start"):
        if key not in results and key in earlier:  # a skipped part keeps its earlier figures, dated
            results[key] = {**earlier[key], "from_run": earlier[key].get("from_run") or earlier.get("generated")}
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["seconds"] = round(time.perf_counter() - started, 1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    from perfxl.io.atomic import atomic_write

    atomic_write(args.output, (json.dumps(results, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), force=True)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
