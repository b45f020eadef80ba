"""Benchmark: the annotated copy against rewriting the same zip unchanged with `zipfile` (issue 14).

Run: .venv/bin/python bench/bench_annotate.py [--repeat N]
Writes bench/results/annotate.json. Target: annotated copy (perfxl.annotate.annotated_bytes on the
findings validate_file reports) ≤ 3 × a plain zipfile read-and-rewrite of every part of the same file.
Files: the seed example, and a 1,000-indicator-row workbook from the generator.
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
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from perfxl.annotate import annotated_bytes
from perfxl.validate import validate_file

EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
TARGET = 3.0


def rewrite_unchanged(data: bytes) -> bytes:
    """The floor: read every part and write it again, unchanged, with zipfile."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
    return buf.getvalue()


def median_s(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


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
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        files = [EXAMPLE]
        try:
            files.append(big_workbook(Path(tmp)))
        except Exception as exc:  # the generator's API may differ; the seed still counts
            print(f"big workbook skipped: {exc}", file=sys.stderr)
        for path in files:
            data = path.read_bytes()
            findings = validate_file(path).findings
            floor = median_s(lambda data=data: rewrite_unchanged(data), args.repeat)
            mine = median_s(lambda data=data, findings=findings: annotated_bytes(data, findings), args.repeat)
            results.append(
                {
                    "file": path.name,
                    "findings": len(findings),
                    "zip_rewrite_s": floor,
                    "annotate_s": mine,
                    "ratio": mine / floor,
                }
            )
            print(
                f"{path.name}: {len(findings)} findings, annotate {mine * 1000:.1f} ms, "
                f"zip rewrite {floor * 1000:.1f} ms, ratio {mine / floor:.2f} (target ≤ {TARGET})"
            )
    out = {
        "bench": "annotate",
        "target_ratio": TARGET,
        "python": platform.python_version(),
        "load_avg": os.getloadavg()[0],
        "results": results,
    }
    dest = REPO / "bench" / "results" / "annotate.json"
    dest.parent.mkdir(exist_ok=True)
    dest.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
