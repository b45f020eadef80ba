"""河北 预算项目绩效自评表 (成安县民政局 2020, tests/realworld/hebei-chengan-gaolingjintie-2020.toml): 自评得分 split into
单项指标得分 │ 权重占比(%) │ 单项指标折算得分, with 指标分值 holding a description of the indicator. The split is read as the
form's scoring scheme — 权重占比 the weight (points of 100), 折算得分 the score, 单项指标得分 the indicator's own score —
so that 折算得分 = 单项指标得分 × 权重占比 / 100 is checked (错误) and a met target credited less than its weight is seen
(警告: it rests on reading the form's scheme). Built from the table's real cells."""

from __future__ import annotations

import tomllib
from pathlib import Path

from report_helpers import workbook_result as _workbook

TOML = Path(__file__).parent / "realworld" / "hebei-chengan-gaolingjintie-2020.toml"


def _chengan(**cells: str):
    data = tomllib.loads(TOML.read_text(encoding="utf-8"))
    rows = [list(r) for r in data["rows"]]
    for ref, value in cells.items():  # "M12": the cell changed from the printed table
        rows[int(ref[1:]) - 1][ord(ref[0]) - ord("A")] = value
    return rows, tuple(data["merges"])


def _at(result, code, cell):
    return [f for f in result.findings if f.code == code and getattr(f.ref, "cell", None) == cell]


def test_a_met_target_credited_its_weight_twice_is_a_warning_stating_the_reading(tmp_path):
    """Rows 12–15: ≥98% met (100%), 单项指标得分 25.00 × 权重占比 25.00% = 6.25 — a fully met indicator weighted 25
    is credited a quarter of it. A 警告 (the scheme is a reading of the form), its basis naming 权重占比 as the weight
    and the 指标分值 description; no 错误 on the table, no 'not a number' on the descriptions."""
    result = _workbook(tmp_path, *_chengan())
    for row, weight in ((12, "25"), (13, "25"), (14, "30"), (15, "10")):
        found = [f for f in result.findings if f.code == "S01" and getattr(f.ref, "cell", None) == f"M{row}"]
        assert found, [(f.code, f.ref, f.message) for f in result.findings]
        assert found[0].severity.value == "warning"
        assert "权重占比" in found[0].basis and "指标分值" in found[0].basis and weight in found[0].message
    assert not [f for f in result.findings if f.severity.value == "error"]
    assert not [f for f in result.findings if f.code == "C02"]


def test_a_converted_score_off_the_product_is_an_error(tmp_path):
    """折算得分 6.50 where 25.00 × 25.00 / 100 = 6.25: the arithmetic of the form's own columns, certain (错误)."""
    result = _workbook(tmp_path, *_chengan(M12="6.50"))
    found = _at(result, "S19", "M12")
    assert found and found[0].severity.value == "error" and "6.25" in found[0].message
    assert not _at(result, "S19", "M13")


def test_full_own_score_gives_the_weight_and_no_finding(tmp_path):
    """单项指标得分 100 × 权重占比 25.00% = 25.00: full marks for a met target, the scheme applied right — nothing."""
    result = _workbook(tmp_path, *_chengan(K12="100", M12="25.00"))
    row = [f for f in result.findings if getattr(f.ref, "cell", None) in ("K12", "L12", "M12")]
    assert not [f for f in row if f.code.startswith("S")], row  # W03: the four weights add to 90 (table cut short)
