"""Measure perfxl on the real-table corpus: recall of hand-found errors, false 错误, unread tables.

`python tests/realworld/measure.py [-v] [--warnings[=OUT.json]] [TABLE.toml ...]` renders every
tests/realworld/*.toml table (or only those named), validates it and prints one line the README quotes:
"recall X/Y, false 错误 N, unread tables M" (-v: per-table detail). Naming the tables transcribed after the
code was written measures perfxl on tables it has never seen.
`--warnings` prints one more line: the 警告 on rows the hand expectations do not mark, per code (-v: per
table too) — the noise a reviewer reads beside the errors (issue 11); `--warnings=OUT.json` also writes
each of them (table, row, code, cell, message, basis) for reading them one by one.
It uses the same matching as tests/test_realworld.py (category → code family table there).
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))  # this checkout's perfxl, not an installed one (a worktree beside it)

from render import corpus_files, load_table  # noqa: E402
from test_realworld import Outcome, _row, evaluate  # noqa: E402

from perfxl.model import Severity  # noqa: E402


def unmarked_warnings(outcome: Outcome) -> list[dict[str, object]]:
    """The 警告 of `outcome` whose row (its primary cell's, as for false 错误) no hand expectation names: on a row
    the transcriber judged correct, or on no row of the table at all (row None: a sheet- or file-wide note)."""
    table = outcome.table
    marked = {e.row for e in table.expect}
    out: list[dict[str, object]] = []
    for f in outcome.result.findings:
        if f.severity is not Severity.WARNING:
            continue
        row = _row(f, table.sheet)
        if row in marked:
            continue
        out.append(
            {
                "table": table.name,
                "row": row,
                "code": f.code,
                "cell": str(f.ref) if f.ref is not None else None,
                "message": f.message,
                "basis": f.basis,
            }
        )
    return out


def warnings_line(found: list[dict[str, object]]) -> str:
    """ "警告 on unmarked rows N (CODE n, …)": biggest code first."""
    by_code = Counter(str(w["code"]) for w in found)
    codes = ", ".join(f"{code} {n}" for code, n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0])))
    tables = len({w["table"] for w in found})
    return f"警告 on unmarked rows {len(found)} in {tables} tables ({codes})"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    warn_opts = [a for a in args if a == "--warnings" or a.startswith("--warnings=")]
    dump = next((a.split("=", 1)[1] for a in warn_opts if "=" in a), None)
    noise: list[dict[str, object]] = []
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
            if warn_opts:
                mine = unmarked_warnings(outcome)
                noise.extend(mine)
                if verbose and mine:
                    print(f"{table.name}: {warnings_line(mine)}")
    for line in broken:
        print(f"unparsable table file: {line}")
    print(f"recall {found}/{expected}, false 错误 {false}, unread tables {unread} ({tables} tables)")
    if warn_opts:
        print(warnings_line(noise))
    if dump:
        Path(dump).write_text(json.dumps(noise, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
