"""Real reports 24 (issue 12, session 20): four 上海普陀 publications perfxl had never seen, all WITH their tables
(tests/realworld/reports: 石泉路街道 2026 单位预算, 文化和旅游局 2026 部门预算, 生态环境局 2025 部门决算, 司法局 2026 部门预算,
from a public repository's page texts and PDFs), measured blind.

First run (blind, main 8be3a5c): found 5 of 6, false 错误 0, false 警告 0 on the 142 agreeing facts, table errors 0/0.
Fixed in general here; tests named "failed before" were run against the branch before the fix and failed as their
docstring says.
"""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import with_paragraph

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"

ECOLOGY = tomllib.loads((REPORTS / "shanghai-putuo-shengtaihuanjing-juesuan-2025.toml").read_text(encoding="utf-8"))


def _one(text: str) -> dict:
    return {"paragraphs": [text]}


def test_a_change_rate_agreeing_only_through_an_amount_cut_short_is_a_warning():
    """Failed before: [] at 生态环境局 2025 p82 — "机关运行经费支出185.41万元，比2024年度增加4.68 万元，增长 2.60%": over
    185.41 − 4.68 = 180.73 the change is 2.5895% → 2.59%; 2.60% follows only if 4.68 was 4.6899 cut short (4.6899 /
    180.7201 = 2.5951%), so read as printed (rounded half up) the rate is wrong — a judgement (N02 警告), as a completion
    rate agreeing only through an amount cut short already is (run_state._arith's `rounded`)."""
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        assert ("N02", "warning") in _at(tmp, ECOLOGY, 82)
        # the rate the rounded figures give: quiet (and the report's other change rates stay quiet)
        assert _at(tmp, with_paragraph(ECOLOGY, 82, "增长 2.60%", "增长 2.59%"), 82) == []
        assert all(_at(tmp, ECOLOGY, p) == [] for p in (25, 31, 34, 64))
        # a rate no reading gives stays an 错误
        assert ("N02", "error") in _at(tmp, with_paragraph(ECOLOGY, 82, "增长 2.60%", "增长 3.60%"), 82)
        # a decrease the same way: 1.01 / (150.00 + 1.01) = 0.6688% → 0.67%; 0.68% only through 1.01 cut (1.0199 / 151.0199)
        assert _at(tmp, _one("支出150.00万元，比上年减少1.01万元，下降0.67%。"), 1) == []
        assert ("N02", "warning") in _at(tmp, _one("支出150.00万元，比上年减少1.01万元，下降0.68%。"), 1)
        # an approximate figure ("约") is no exact rounding: left as before (quiet)
        assert _at(tmp, _one("机关运行经费支出约185.41万元，比2024年度增加4.68万元，增长2.60%。"), 1) == []


def test_measure_reports_counts_a_crash_as_a_failure_line_of_its_own(monkeypatch, capsys):
    """Session 19's note: a check that raises becomes an X01 finding (perfxl.rules._crash), which measure_reports read as
    a false 错误 at best and as expectations "not found" — a bug looking like a verdict. Failed before: no "CRASHED" line
    and exit status 0 with N02 made to raise on 司法局 2026 (its four expected findings simply "missed")."""
    import sys

    from perfxl.rules import catalogue

    sys.path.insert(0, str(REPORTS.parent))
    from measure_reports import main

    def broken(ctx):
        raise RuntimeError("planted")
        yield  # pragma: no cover - a generator like every check

    monkeypatch.setitem(catalogue._IMPL, "N02", broken)
    status = main(["shanghai-putuo-sifaju-yusuan-2026.toml"])
    out = capsys.readouterr().out.strip().splitlines()
    assert status == 1
    assert out[-1] == "CRASHED: 1 check failure(s) (X01) in 1 report(s): shanghai-putuo-sifaju-yusuan-2026"
    assert "false 错误 0" in out[-2]  # the crash is not counted as a verdict
    monkeypatch.undo()
    assert main(["shanghai-putuo-sifaju-yusuan-2026.toml"]) == 0
    assert "CRASHED" not in capsys.readouterr().out
