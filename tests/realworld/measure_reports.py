"""Measure perfxl on the real published reports: narrative contradictions found, false 错误, false 警告.

`python tests/realworld/measure_reports.py [-v] [REPORT.toml ...]` builds every tests/realworld/reports/*.toml report
(or only those named) as tests/test_document_realreport.py does, validates it and prints one line: "reports N (T with
a table): found X/Y, false 错误 E, false 警告 W on agreeing facts (A facts), table errors found B/C" (-v: per-report
detail). X/Y counts every hand-found [[expect]], the stated KNOWN_MISSES included (they are misses); a false 错误 is
one anywhere in the file but an expected code at its expected paragraph and the table's own errors (an 错误 of another
code at an expected paragraph is false: real reports 21); a false 警告 is a finding above
提示 at a paragraph whose facts the hand check found to agree. Naming the reports transcribed after the code was
written measures perfxl on reports it has never seen.

A check that fails internally (the rules runner turns its exception into an X01 finding) is no verdict at all: it is
counted apart from the false 错误, listed under its report with -v, and makes a line of its own after the measure
("CRASHED: …") and the exit status 1 — a crash would otherwise read as expectations not found.
"""

from __future__ import annotations

import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))

from test_document_realreport import RANK, REPORTS, build_docx  # noqa: E402

from perfxl.model import TextRef  # noqa: E402
from perfxl.rules.catalogue import spec  # noqa: E402
from perfxl.validate import validate_file  # noqa: E402

#: The code the rules runner gives a check that raised (perfxl.rules._crash): a bug, not a verdict on the report.
CRASH = spec("X01").code


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    only = {Path(a).name for a in args if a.endswith(".toml")}
    reports = with_table = found = expected = false_errors = false_warnings = facts = 0
    table_found = table_expected = 0
    crashes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="perfxl-reports-") as work:
        for path in sorted(REPORTS.glob("*.toml")):
            if only and path.name not in only:
                continue
            fixture = tomllib.loads(path.read_text(encoding="utf-8"))
            docx_path = Path(work) / f"{path.stem}.docx"
            build_docx(fixture, docx_path)
            result = validate_file(docx_path)
            reports += 1
            with_table += bool(fixture.get("tables"))
            narrative = [f for f in result.findings if isinstance(f.ref, TextRef)]
            lines = []
            places = set()
            for e in fixture.get("expect", []):
                expected += 1
                places.add((e["paragraph"], e["code"]))
                hit = any(
                    f.code == e["code"]
                    and f.ref.paragraph == e["paragraph"]
                    and RANK[f.severity.value] >= RANK[e["severity"]]
                    for f in narrative
                )
                found += hit
                if not hit:
                    lines.append(f"  missed {e['code']} at p{e['paragraph']}: {e['hand'][:80]}")
            cells = {(e["table"], e["cell"]) for e in fixture.get("expect_table", [])}
            for cell in cells:
                table_expected += 1
                table_found += any((f.sheet, f.cell) == cell and f.severity.rank >= 2 for f in result.findings)
            for f in result.findings:
                if f.code == CRASH:
                    crashes.append(path.stem)
                    lines.append(f"  CRASH {f.code}: {f.message[:100]}")
                    continue
                mine = isinstance(f.ref, TextRef) and (f.ref.paragraph, f.code) in places
                if f.severity.value == "error" and not mine and (f.sheet, f.cell) not in cells:
                    false_errors += 1
                    lines.append(f"  false 错误 {f.code} {f.ref}: {f.message[:80]}")
            for fact in fixture.get("consistent", []):
                facts += 1
                noisy = [f for f in narrative if f.ref.paragraph == fact["paragraph"] and f.severity.value != "info"]
                false_warnings += bool(noisy)
                lines += [f"  noisy p{fact['paragraph']}: {f.code} {f.severity.value} {f.message[:70]}" for f in noisy]
            if verbose and lines:
                print(path.stem)
                print("\n".join(lines))
    print(
        f"reports {reports} ({with_table} with a table): found {found}/{expected}, false 错误 {false_errors}, "
        f"false 警告 {false_warnings} on agreeing facts ({facts} facts), table errors found {table_found}/{table_expected}"
    )
    if crashes:
        print(
            f"CRASHED: {len(crashes)} check failure(s) ({CRASH}) in {len(set(crashes))} report(s): "
            + ", ".join(sorted(set(crashes)))
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
