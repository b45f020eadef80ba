"""`perfxl validate`'s start-up compiles no regular expression in the checks' modules (issue 14, perf15s).

Python's regex compiler costs ≈ 1.7 M instructions a pattern; a workbook validation never uses about half of the
patterns the checks define (totals, overview, criteria, 三公 … for tables it lacks), so the checks' module-level
patterns are `perfxl.patterns.lazy_compile` stand-ins, compiled on first use (docs/performance.md, "Patterns compiled
on first use"). The test imports the engine in a fresh process and records every `re.compile` run by a module body.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

_PROBE = r"""
import json, re, sys
real = re.compile
eager = []
def compile(pattern, flags=0):
    frame = sys._getframe(1)
    if frame.f_code.co_name == "<module>":
        eager.append(frame.f_globals.get("__name__", ""))
    return real(pattern, flags)
re.compile = compile
import perfxl.rules, perfxl.layout.three_public, perfxl.layout.summary_pairs, perfxl.report.console
print(json.dumps(sorted(set(eager))))
"""

#: Modules holding the checks' or rarely read tables' patterns: none of them may compile at import.
_LAZY = ("perfxl.rules", "perfxl.layout.three_public", "perfxl.layout.summary_pairs", "perfxl.report.console")


@pytest.mark.slow(reason="starts a fresh interpreter (what importing the checks compiles)")
def test_checks_compile_no_pattern_at_import() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True).stdout
    eager = json.loads(out)
    offending = [m for m in eager if m.startswith(_LAZY)]
    assert offending == [], f"module-level re.compile in {offending}: use perfxl.patterns.lazy_compile"
