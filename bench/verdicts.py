"""Proof of identical verdicts (script, not a test): one md5 per workbook over everything `validate_file` decides.

A speed change must not change what perfxl says. This prints, for each workbook, the md5 of the `repr` of
every finding, the summary, the sections and the coverage (the file's folder replaced by its name, so two
trees and two output folders compare), then one md5 over all of them. Run it in the old and the new tree and
compare the lines:

    PYTHONPATH=$PWD .venv/bin/python bench/verdicts.py OUTDIR [--big 1000,10000]

The workbooks: the seed example, the standard workbook, the generator's big workbooks (`bench_big.big_workbook`)
and the real-table corpus (tests/realworld/*.toml) rendered to .xlsx — all written into OUTDIR once and reused.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests" / "realworld"))


def workbooks(out: Path, big: list[int]) -> list[Path]:
    """The workbooks to compare, written into `out` when not there yet."""
    from bench_big import big_workbook
    from render import corpus_files, render

    out.mkdir(parents=True, exist_ok=True)
    paths = [
        REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx",
        REPO / "workbooks" / "perfxl-standard.xlsx",
    ]
    for rows in big:
        path = out / f"big-{rows}.xlsx"
        paths.append(path if path.exists() else big_workbook(out, rows))
    corpus = out / "corpus"
    for toml in corpus_files():
        done = corpus / f"{toml.stem}.xlsx"
        paths.append(done if done.exists() else render(toml, corpus))
    return paths


def verdict_text(path: Path) -> str:
    """Everything `validate_file` decided about `path`, as text (its folder left out)."""
    from perfxl.validate import validate_file

    result = validate_file(path)
    parts = [repr(f) for f in result.findings]
    parts += [repr(result.summary), repr(result.sections), repr(result.coverage), repr(result.ok), repr(result.error)]
    return "\n".join(parts).replace(str(path.parent), "<dir>")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--big", default="1000,10000")
    args = ap.parse_args()
    total = hashlib.md5()
    paths = workbooks(args.out, [int(n) for n in args.big.split(",") if n])
    for path in paths:
        digest = hashlib.md5(verdict_text(path).encode()).hexdigest()
        total.update(digest.encode())
        print(digest, path.name)
    print(total.hexdigest(), f"all {len(paths)} workbooks")


if __name__ == "__main__":
    main()
