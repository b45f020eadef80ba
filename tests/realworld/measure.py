"""Measure perfxl on the real-table corpus: recall of hand-found errors, false 错误, unread tables.

`python tests/realworld/measure.py [-v] [TABLE.toml ...]` renders every tests/realworld/*.toml table (or
only those named), validates it and prints one line the README quotes: "recall X/Y, false 错误 N, unread
tables M" (-v: per-table detail). Naming the tables transcribed after the code was written measures
perfxl on tables it has never seen.
It uses the same matching as tests/test_realworld.py (category → code family table there).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from render import corpus_files, load_table  # noqa: E402
from test_realworld import evaluate  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    only = {Path(a).name for a in args if a.endswith(".toml")}
    found = expected = false = unread = tables = 0
    broken: list[str] = []
    with tempfile.TemporaryDirectory(prefix="perfxl-realworld-") as work:
        for path in corpus_files():
            if only and path.name not in only:
                continue
            try:
                table = load_table(path)
            except Exception as exc:  # a malformed transcription is reported, not fatal
                broken.append(f"{path.name}: {exc}")
                continue
            tables += 1
            outcome = evaluate(table, Path(work))
            found += len(outcome.met)
            expected += len(outcome.missed) + len(outcome.met)
            false += len(outcome.false_errors)
            unread += int(outcome.unread)
            if verbose and (outcome.missed or outcome.false_errors or outcome.unread):
                print(outcome.describe())
    for line in broken:
        print(f"unparsable table file: {line}")
    print(f"recall {found}/{expected}, false 错误 {false}, unread tables {unread} ({tables} tables)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
