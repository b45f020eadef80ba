"""Benchmark: perfxl's read+map time against python-calamine's bare read of the same file.

Run: .venv/bin/python bench/bench_reader.py [--repeat N]
Writes bench/results/reader.json. Target (issue 3): read_submission ≤ 1.5 × the bare calamine read
(values + merged ranges of every sheet). The guard (perfxl.io.guard) is timed separately as well,
because it is a safety pass over the raw file, not part of reading.
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
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from perfxl.io import source
from perfxl.reader import read_grids, read_submission

EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
TARGET = 1.5


def bare_calamine(path: Path) -> int:
    """The floor: python-calamine reads every sheet's values and merged ranges, nothing else."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    n = 0
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        n += len(sheet.to_python(skip_empty_area=False))
        _ = sheet.merged_cell_ranges
    book.close()
    return n


def best_of(func, path: Path, repeat: int) -> dict[str, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func(path)
        times.append(time.perf_counter() - t0)
    return {"min_s": min(times), "median_s": statistics.median(times)}


def twenty_sheet_workbook(folder: Path) -> Path:
    """The seed content as 19 自评表 sheets plus its 基础数据表: a 20-sheet workbook from the generator."""
    from perfxl.workbook.seed import seed_content
    from perfxl.workbook.variants import write_submission

    content = seed_content()
    ev = content.evaluations[0]
    evs = tuple(
        replace(ev, sheet=f"自评表{i + 1:02d}", title=f"2023年度项目支出绩效自评表（{i + 1}）", kind="project")
        for i in range(19)
    )
    path = folder / "twenty-sheets.xlsx"
    write_submission(path, replace(content, evaluations=evs), "standard")
    return path


def measure(path: Path, repeat: int) -> dict:
    from perfxl.io.guard import check_file

    read_submission(path)  # warm imports and caches once
    bare = best_of(bare_calamine, path, repeat)
    full = best_of(read_submission, path, repeat)
    guard = best_of(check_file, path, repeat)
    grids = source.open_grids(path)
    layout = best_of(lambda _p: read_grids(grids, str(_p)), path, repeat)
    sub = read_submission(path)
    return {
        "file": path.name,
        "bytes": path.stat().st_size,
        "sheets": len(grids),
        "indicators": sum(len(e.indicators) for e in sub.evaluations),
        "calamine_bare": bare,
        "read_submission": full,
        "guard_only": guard,
        "layout_only": layout,
        "ratio_min": round(full["min_s"] / bare["min_s"], 2),
        "ratio_median": round(full["median_s"] / bare["median_s"], 2),
        "ratio_without_guard_min": round((full["min_s"] - guard["min_s"]) / bare["min_s"], 2),
        "target": TARGET,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "reader.json")
    args = parser.parse_args()
    load_start = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure(EXAMPLE, args.repeat), measure(twenty_sheet_workbook(Path(tmp)), args.repeat)]
    report = {
        "benchmark": "reader",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "load_average_at_start": load_start,  # shared 2-core machine: figures are only as quiet as it was
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "note": "times in seconds; ratio = read_submission / bare python-calamine read (values + merges)",
        "results": results,
        "meets_target": all(r["ratio_min"] <= TARGET for r in results),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for r in results:
        print(
            f"{r['file']}: {r['sheets']} sheets, calamine {r['calamine_bare']['min_s'] * 1000:.2f} ms, "
            f"perfxl {r['read_submission']['min_s'] * 1000:.2f} ms (guard {r['guard_only']['min_s'] * 1000:.2f} ms, "
            f"layout {r['layout_only']['min_s'] * 1000:.2f} ms) → ratio {r['ratio_min']}× "
            f"(without guard {r['ratio_without_guard_min']}×), target ≤ {TARGET}×"
        )
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
