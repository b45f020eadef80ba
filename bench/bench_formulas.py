"""Benchmark (script, not a test): what the XML formula reader (perfxl.io.xml_formulas) saves over
openpyxl when a workbook's formulas have no cached values (written by a script, never opened in Excel).

Issue 14 asked to keep the regex reader beside openpyxl only if a user path needs it. Measured here:
`perfxl validate FILE` as a whole process (cold: openpyxl's import is most of the difference) and
`validate_file` in one warm process, each with the XML reader and with openpyxl forced, on the seed's
openpyxl-written workbook and on one with `--rows` indicator rows.

    .venv/bin/python bench/bench_formulas.py [--repeat 7] [--rows 1000]

Writes bench/results/formulas.json (median and minimum seconds, the openpyxl/XML ratio of the medians, load average).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
RESULTS = REPO / "bench" / "results" / "formulas.json"
#: A process running `perfxl validate`, optionally with the XML reader switched off (openpyxl only).
CLI = (
    "import sys\nimport perfxl.io.source as s\n"
    "if sys.argv.pop(1) == 'openpyxl':\n    s._quick_formulas = lambda *a, **k: None\n"
    "sys.argv[0] = 'perfxl'\nfrom perfxl.cli.main import run\nrun()\n"
)


def workbook(folder: Path, rows: int | None) -> Path:
    from perfxl.workbook.seed import seed_content
    from perfxl.workbook.variants import write_submission

    content = seed_content()
    if rows:
        ev = content.evaluations[0]
        base = ev.indicators
        lines = tuple(replace(base[i % len(base)], name=f"{base[i % len(base)].name}{i + 1}") for i in range(rows))
        content = replace(content, evaluations=(replace(ev, indicators=lines),))
    path = folder / f"uncached-{rows or 'seed'}.xlsx"
    write_submission(path, content, "openpyxl_uncached")
    return path


def cold(path: Path, reader: str) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", CLI, reader, "validate", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - t0


def warm(path: Path, reader: str) -> float:
    import perfxl.io.source as source
    from perfxl.validate import validate_file

    saved = source._quick_formulas
    if reader == "openpyxl":
        source._quick_formulas = lambda *a, **k: None
    try:
        t0 = time.perf_counter()
        validate_file(path)
        return time.perf_counter() - t0
    finally:
        source._quick_formulas = saved


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=12)
    ap.add_argument("--rows", type=int, default=1000)
    args = ap.parse_args()
    out: dict = {"load_before": os.getloadavg()[0], "cases": {}}
    with tempfile.TemporaryDirectory() as tmp:
        files = {"seed": workbook(Path(tmp), None), f"{args.rows}_rows": workbook(Path(tmp), args.rows)}
        for name, path in files.items():
            kinds = [("cold", cold)] if name == "seed" else []
            for kind, fn in [*kinds, ("warm", warm)]:
                times: dict[str, list[float]] = {"xml": [], "openpyxl": []}
                fn(path, "xml")
                for _ in range(args.repeat):  # interleaved, so load changes hit both alike
                    for reader in times:
                        times[reader].append(fn(path, reader))
                med = {k: statistics.median(v) for k, v in times.items()}
                out["cases"][f"{name}_{kind}"] = {
                    **{f"{k}_s": round(v, 4) for k, v in med.items()},
                    **{f"{k}_min_s": round(min(v), 4) for k, v in times.items()},
                    "openpyxl_over_xml": round(med["openpyxl"] / med["xml"], 2),
                }
                print(
                    f"{name:12s} {kind:5s} xml {med['xml'] * 1000:8.1f} ms  openpyxl {med['openpyxl'] * 1000:8.1f} ms"
                    f"  ×{med['openpyxl'] / med['xml']:.2f}"
                )
    out["load_after"] = os.getloadavg()[0]
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
