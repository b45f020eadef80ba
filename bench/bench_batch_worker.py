#!/usr/bin/env python
"""What a batch worker pays a file, in instructions (valgrind cachegrind), staged — a script, not a test.

Each measurement is one process warmed as a pool worker is (`init_worker`: profile, compiled template; two files;
`gc.freeze()`), then N files of bench_batch.py's corpus through one stage, minus the same process with none, ÷ N.
Each job carries its file's sha256, as the batch's parent gives it (since batch26; the worker does not hash it again).
Instruction counts do not move with the machine's load (docs/performance.md, session 19 "a batch file's fixed
costs"). Run from the tree to measure, bytecode cached:

    env -u PYTHONDONTWRITEBYTECODE PYTHONPATH=. .venv/bin/python bench/bench_batch_worker.py            # stages
    env -u PYTHONDONTWRITEBYTECODE PYTHONPATH=. .venv/bin/python bench/bench_batch_worker.py --per-file # regression

`--per-file` measures files one by one (each alone after ten warm-up files) and fits instructions against the
file's non-empty rows: the intercept is what a file costs whatever its size.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

STAGES = ("guard", "open", "read", "validate", "html", "job", "packed")
DIGESTS = "PERFXL_BENCH_DIGESTS"  # a JSON file {path: sha256} of the measured files (set by `main`)


def _files(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.xlsx"))


def child(corpus: Path, stage: str, first: int, n: int, warm: int) -> None:
    """The measured process: warm as a worker, then `n` files from `first` through `stage`."""
    from perfxl.batch.runner import output_stem
    from perfxl.batch.worker import Job, WorkerConfig, check_job, check_packed, init_worker, load_config
    from perfxl.io.guard import inspect_file
    from perfxl.io.source import open_source
    from perfxl.reader import read_submission
    from perfxl.report import render
    from perfxl.validate import validate_file

    files = _files(corpus)
    # each file's sha256 as the batch's parent hashes it (`entry_sha256`, the cache key its jobs carry): worked out by
    # the measuring process and read here from a file, the same in every measured process (so it cancels out)
    digests: dict[str, str] = {}
    if os.environ.get(DIGESTS):
        digests = json.loads(Path(os.environ[DIGESTS]).read_text(encoding="utf-8"))
    config = WorkerConfig(tempfile.mkdtemp(prefix="perfxl-bench-worker-"))
    init_worker(config)
    profile = load_config(config).profile

    def job(i: int, p: Path) -> Job:
        return Job(i, str(p), p.name, digests.get(str(p), ""), output_stem(str(p)))

    for i, p in enumerate(files[:warm]):
        check_packed(job(i, p), config)
    gc.freeze()
    for i, p in enumerate(files[first : first + n], start=first):
        if stage == "guard":
            inspect_file(p)
        elif stage == "open":
            open_source(p)
        elif stage == "read":
            read_submission(p, profile)
        elif stage == "validate":
            validate_file(str(p), profile)
        elif stage == "html":
            render([validate_file(str(p), profile)], "html", profile=None)
        elif stage == "job":
            check_job(job(i, p), config)
        else:
            check_packed(job(i, p), config)


def instructions(args: list[str]) -> int:
    """Instructions of one child process under cachegrind."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    out = subprocess.run([*cmd, sys.executable, __file__, "--child", *args], env=env, capture_output=True, text=True)
    m = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if not m:
        raise SystemExit(f"cachegrind gave no count:\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def _shape(path: Path) -> int:
    """Non-empty rows of a workbook (python-calamine)."""
    import python_calamine as calamine

    book = calamine.CalamineWorkbook.from_path(str(path))
    rows = 0
    for name in book.sheet_names:
        rows += sum(1 for row in book.get_sheet_by_name(name).to_python() if any(str(c).strip() for c in row))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "perfxl-bench-corpus")
    parser.add_argument("--files", type=int, default=30, help="files measured (from the 11th)")
    parser.add_argument("--per-file", action="store_true", help="each file alone, and a fit against its rows")
    parser.add_argument("--child", nargs=5, metavar=("STAGE", "FIRST", "N", "WARM", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        stage, first, n, warm, corpus = args.child
        child(Path(corpus), stage, int(first), int(n), int(warm))
        return 0
    sys.path.insert(0, str(REPO / "bench"))
    import bench_batch

    files = bench_batch.corpus(args.corpus, 10 + args.files)
    corpus = str(args.corpus)
    digests = Path(tempfile.mkdtemp(prefix="perfxl-bench-digests-")) / "sha256.json"
    digests.write_text(json.dumps({str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}), "utf-8")
    os.environ[DIGESTS] = str(digests)
    if not args.per_file:
        base = instructions(["packed", "10", "0", "2", corpus])
        for stage in STAGES:
            total = instructions([stage, "10", str(args.files), "2", corpus])
            print(f"{stage:9s} {(total - base) / args.files / 1e6:8.2f} M a file (cumulative)", flush=True)
        return 0
    base = instructions(["packed", "10", "0", "10", corpus])
    points = []
    for k in range(10, 10 + args.files):
        cost = (instructions(["packed", str(k), "1", "10", corpus]) - base) / 1e6
        rows = _shape(files[k])
        points.append((rows, cost))
        print(f"file {k}: {rows} rows, {cost:.2f} M", flush=True)
    n = len(points)
    mx, my = sum(r for r, _ in points) / n, sum(c for _, c in points) / n
    slope = sum((r - mx) * (c - my) for r, c in points) / sum((r - mx) ** 2 for r, _ in points)
    print(f"fit: {my - slope * mx:.2f} M a file + {slope:.3f} M a non-empty row (mean {my:.2f} M, {mx:.1f} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
