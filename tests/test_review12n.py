"""Review of session 12's narrative readings (review12n, 2026-12-05): consistent rephrasings and single contradictions
in county phrasing against reports12's 其中 dimensions and carried totals, narr12's count splits (count_parts), 支出率
over the money of the sentence before and stated changes (stated_changes), and review12's narrative changes. Tests
named "failed before" were run against main ecab23e and failed as their docstring says.

Also: the two probes compare each copy's findings with the published run's; a crash (X01) already in the published
run is "before" in every copy and hid any crash of the copies — they now stop on any X01."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from report_helpers import report_findings as _report

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))


def _above_info(findings):
    return sorted((f.code, f.severity.value) for f in findings if f.severity.value != "info")


# ---------------------------------------------------------------- the probes stop on a crash


def _x01():
    return SimpleNamespace(code="X01", ref="p1", message="检查程序内部出错", severity=SimpleNamespace(rank=3))


@pytest.mark.parametrize(("which", "where"), [("", "as published"), ("-probe", "→")])
def test_probe_reports_stops_on_a_crash_in_either_run(monkeypatch, tmp_path, which, where):
    """Failed before: a crash in the published run and in every copy was "before" for each copy, and a crash of a
    copy only counted as an extra finding (or, at 错误 elsewhere, not at all as a crash) — the probe went on."""
    import probe_reports

    real = probe_reports.validate_file

    def crashing(path):
        result = real(path)
        crash = [_x01()] if path.stem.endswith(which) else []
        return SimpleNamespace(findings=[*result.findings, *crash], ok=result.ok)

    monkeypatch.setattr(probe_reports, "validate_file", crashing)
    path = probe_reports.REPORTS / "hubei-longganhu-nongji-butie-2023.toml"
    with pytest.raises(probe_reports.ProbeCrash, match=where):
        probe_reports.probe(path, tmp_path)


def test_probe_defects_stops_on_a_crash_in_the_published_table(tmp_path):
    """Failed before: the published run's X01 was compared away (no ProbeCrash existed)."""
    import probe_defects

    base = SimpleNamespace(findings=[_x01()])
    with pytest.raises(probe_defects.ProbeCrash, match="as published"):
        probe_defects.probe(SimpleNamespace(name="t"), base, None, tmp_path)
