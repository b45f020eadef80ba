"""Benchmark: the annotated copy against rewriting the same zip unchanged with `zipfile` (issue 14).

Run: .venv/bin/python bench/bench_annotate.py [--repeat N] [--label TEXT] [--perfxl DIR]
Appends a run to bench/results/annotate.json (the last 40 runs are kept; `latest` is this one).

What is timed, both from bytes in memory, with nothing read from or written to disk:
- annotate: `perfxl.annotate.annotated_bytes(data, findings)` — planning the marks, the 校验结果 rows, splicing
  the marked cells' styles, notes and VML, the new sheet, styles.xml, and writing the zip. The findings are
  computed once beforehand by `validate_file`: validation is not part of the annotate time.
- zip rewrite (the floor): read every part of the same file and write it again unchanged with `zipfile` at its
  default deflate level.
Target: annotate ≤ 3 × zip rewrite. The two are timed alternately (pair by pair) so that load from other
processes falls on both; the ratio reported is the median of the per-pair ratios (wall clock), with
min(annotate) / min(zip rewrite) and the median per-pair ratio of CPU time beside it. Compare ratios between
interleaved runs only; the load average is recorded.

Files: the seed example, and a 1,000-indicator-row workbook from the generator (483 findings).
`--perfxl DIR` imports perfxl from another checkout (e.g. `git archive <commit> perfxl | tar -x -C DIR`) to
measure an earlier version against the same files: run it and the current tree alternately.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
RESULTS = REPO / "bench" / "results" / "annotate.json"
TARGET = 3.0
KEEP = 40


def rewrite_unchanged(data: bytes) -> bytes:
    """The floor: read every part and write it again, unchanged, with zipfile."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
    return buf.getvalue()


def paired(annotate, floor, repeat: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """`repeat` (annotate, floor) pairs timed alternately, which one goes first alternating too: wall-clock
    seconds of each, then CPU seconds of this process (less disturbed by other processes on a shared machine)."""
    mine, base, mine_cpu, base_cpu = [], [], [], []
    for i in range(repeat):
        order = ((annotate, mine, mine_cpu), (floor, base, base_cpu))
        for func, wall, cpu in order if i % 2 == 0 else order[::-1]:
            t0, c0 = time.perf_counter(), time.process_time()
            func()
            c1, t1 = time.process_time(), time.perf_counter()
            wall.append(t1 - t0)
            cpu.append(c1 - c0)
    return mine, base, mine_cpu, base_cpu


def big_workbook(folder: Path, rows: int = 1000) -> Path:
    """The seed's 自评表 with its indicator rows repeated to `rows` rows (the generator's writer)."""
    from dataclasses import replace

    from perfxl.workbook.seed import seed_content
    from perfxl.workbook.variants import write_submission

    content = seed_content()
    ev = content.evaluations[0]
    indicators = (list(ev.indicators) * (rows // max(1, len(ev.indicators)) + 1))[:rows]
    path = folder / "big.xlsx"
    write_submission(path, replace(content, evaluations=(replace(ev, indicators=tuple(indicators)),)), "standard")
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=41, help="timed pairs per file")
    parser.add_argument("--label", default="", help="what this run measures (kept with the run)")
    parser.add_argument("--perfxl", type=Path, help="import perfxl from this directory instead of the repository")
    args = parser.parse_args()
    sys.path.insert(0, str(args.perfxl.resolve() if args.perfxl else REPO))
    import perfxl
    from perfxl.annotate import annotated_bytes
    from perfxl.validate import validate_file

    load_before = os.getloadavg()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        files = [EXAMPLE, big_workbook(Path(tmp))]
        for path in files:
            data = path.read_bytes()
            findings = validate_file(path).findings
            for _ in range(3):  # warm up imports and caches on both sides
                annotated_bytes(data, findings)
                rewrite_unchanged(data)
            mine, base, mine_cpu, base_cpu = paired(
                lambda d=data, f=findings: annotated_bytes(d, f), lambda d=data: rewrite_unchanged(d), args.repeat
            )
            ratio = statistics.median(m / b for m, b in zip(mine, base, strict=True))
            cpu_ratio = statistics.median(m / b for m, b in zip(mine_cpu, base_cpu, strict=True) if b > 0)
            results.append(
                {
                    "file": path.name,
                    "findings": len(findings),
                    "input_bytes": len(data),
                    "output_bytes": len(annotated_bytes(data, findings)[0]),
                    "annotate_ms_median": round(statistics.median(mine) * 1000, 3),
                    "annotate_ms_min": round(min(mine) * 1000, 3),
                    "zip_rewrite_ms_median": round(statistics.median(base) * 1000, 3),
                    "zip_rewrite_ms_min": round(min(base) * 1000, 3),
                    "ratio_median_of_pairs": round(ratio, 2),
                    "ratio_of_minimums": round(min(mine) / min(base), 2),
                    "cpu_ratio_median_of_pairs": round(cpu_ratio, 2),
                }
            )
            print(
                f"{path.name}: {len(findings)} findings, annotate {statistics.median(mine) * 1000:.1f} ms "
                f"(min {min(mine) * 1000:.1f}), zip rewrite {statistics.median(base) * 1000:.2f} ms "
                f"(min {min(base) * 1000:.2f}), ratio {ratio:.2f} (of minimums {min(mine) / min(base):.2f}, "
                f"CPU time {cpu_ratio:.2f}; target ≤ {TARGET})"
            )
    run = {
        "label": args.label,
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "perfxl": str(Path(perfxl.__file__).parent),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_avg_1min_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "pairs": args.repeat,
        "results": results,
    }
    print(f"load average (1 min) {run['load_avg_1min_before_after']}")
    try:
        old = json.loads(RESULTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    runs = [*[r for r in old.get("runs", []) if isinstance(r, dict)][-(KEEP - 1) :], run]
    out = {"bench": "annotate", "target_ratio": TARGET, "latest": run, "runs": runs}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
