"""Benchmark (script, not a test): `validate_file` time as a ratio to python-calamine's bare read.

Workbooks: the seed example (workbooks/examples/longhui-2023-kegongxin.xlsx) and a generated
20-sheet workbook (a 基础数据表 and 19 project 自评表s from perfxl.workbook.many_sheet_content). The bare read opens the file with python-calamine and pulls every sheet's
values (`to_python`), which is the floor any validator pays. Target: ratio ≤ 2.

    .venv/bin/python bench/bench_validate.py [--repeat N]

Writes bench/results/validate.json (median seconds per run, ratio, target met).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
RESULTS = REPO / "bench" / "results" / "validate.json"
TARGET_RATIO = 2.0


def make_twenty_sheet_workbook(path: Path) -> Path:
    """A 20-sheet workbook (基础数据表 + 19 project 自评表s) from the generator's benchmark content."""
    from perfxl.workbook import Shape, many_sheet_content, write_content

    write_content(path, many_sheet_content(seed=0, sheets=20), Shape())
    return path


def bare_read(path: Path) -> int:
    """python-calamine: open and read every sheet's values; returns the cell count (keeps the work honest)."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in wb.sheet_names:
        rows = wb.get_sheet_by_name(name).to_python()
        cells += sum(len(r) for r in rows)
    return cells


def validate(path: Path) -> int:
    from perfxl.validate import validate_file

    result = validate_file(path)
    if not result.ok:
        raise SystemExit(f"validate_file could not read {path}: {result.error}")
    return len(result.findings)


def read_only(path: Path) -> int:
    """perfxl's reader alone (guard + grids + layout → Submission), to show where validate's time goes."""
    from perfxl.reader import read_submission

    return len(read_submission(path).evaluations)


def median_seconds(func, path: Path, repeat: int) -> float:
    func(path)  # warm-up: imports, caches, OS page cache
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func(path)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    if not EXAMPLE.is_file():
        raise SystemExit(f"missing {EXAMPLE}: generate the seed example first")
    out: dict = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "repeat": args.repeat,
        "target_ratio": TARGET_RATIO,
        "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],  # shared 2-core machine
        "workbooks": {},
    }
    with tempfile.TemporaryDirectory(prefix="perfxl-bench-") as tmp:
        books = {"seed-example": EXAMPLE, "generated-20-sheets": make_twenty_sheet_workbook(Path(tmp) / "twenty.xlsx")}
        for label, path in books.items():
            read_s = median_seconds(bare_read, path, args.repeat)
            reader_s = median_seconds(read_only, path, args.repeat)
            validate_s = median_seconds(validate, path, args.repeat)
            ratio = validate_s / read_s
            out["workbooks"][label] = {
                "sheets": len(__import__("python_calamine").CalamineWorkbook.from_path(str(path)).sheet_names),
                "cells": bare_read(path),
                "findings": validate(path),
                "calamine_read_s": round(read_s, 6),
                "perfxl_reader_s": round(reader_s, 6),
                "validate_s": round(validate_s, 6),
                "ratio": round(ratio, 3),
                "target_met": ratio <= TARGET_RATIO,
            }
            print(
                f"{label:22s} calamine {read_s * 1000:8.2f} ms   perfxl reader {reader_s * 1000:8.2f} ms   "
                f"validate {validate_s * 1000:8.2f} ms   ratio {ratio:5.2f}× (target ≤ {TARGET_RATIO}×)"
            )
    out["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
