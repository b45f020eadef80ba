"""Defects tests/realworld/probe_defects.py's issue-11 kinds (probe11) planted in real tables and perfxl missed.

Each case: a published table from tests/realworld/, the cells changed so that the row is certainly wrong by the
table's own figures, and the finding perfxl must give at that row — while the table as published has no 错误 there.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, load_table, validated
from test_realworld_defects import _mutant, _rows  # the shared planting helpers

from perfxl.model import Severity

# (table, injected cells, row, codes that fit, severity the cells make certain)
CASES = [
    # 海南 商务厅 评分表: 一级指标 │ 分值 │ 二级指标 │ 分值 │ 三级指标 │ 分值 │ 得分, every figure printed as text (as
    # transcribed from the published page). 项目决策 declares 20 over 4 + 3 + 5 + 2 + 6 = 20; printed 25 it contradicts
    # its rows (before: a 分值 beside the 一级/二级 label was read only when stored as a number — nothing found)
    pytest.param("hainan-shangwuting-fuwumaoyi", {"B14": "25"}, 14, {"W02"}, Severity.ERROR, id="level1-weight-text"),
    # the same form's 二级 决策过程 declares 8 over 3 + 5 (rows 15–16); printed 13 it contradicts them
    pytest.param("hainan-shangwuting-fuwumaoyi", {"D15": "13"}, 15, {"W02"}, Severity.ERROR, id="level2-weight-text"),
    # 江西 南昌 部门整体支出绩效自评表: 分解目标 │ 自评权重 │ 二级 │ 三级 │ … │ 分值 │ 得分 — 自评权重 is the 一级's declared
    # weight (管理指标 30 over 4 + 4 + 4 + 4 + 4 + 5 + 5 = 30, rows 10–16); printed 35 it contradicts them (before: the
    # column was no known header, its text figures an unread row, nothing found)
    pytest.param(
        "jiangxi-nanchang-canchaweishengyuan-bumen-2021",
        {"B10": "35"},
        10,
        {"W02"},
        Severity.ERROR,
        id="zipingquanzhong",
    ),
    # 济南 历城 2019: 年初预算数(A) │ 全年执行数(B) │ 分值 │ 执行率(B/A) │ 得分, 45 │ 45 │ 10 │ 100% │ 10 — only the 年初预算数
    # is printed, but the printed 执行率 is the very rate 45/45 gives, so 得分 5 contradicts the table's own rate whatever
    # budget was meant (before: a 警告, "表中只有年初预算数，按它计算")
    pytest.param("shandong-licheng-wenhuaguan-2019", {"H9": "5"}, 9, {"F05"}, Severity.ERROR, id="initial-budget-rate"),
]


def assert_planted_found(tmp_path: Path, name: str, changes: dict[str, str], row: int, codes: set[str], severity):
    """The published table raises no 错误 on a row its hand check calls right, and the planted copy raises one of
    `codes` at `row` at `severity` (shared by the probe tests of each session)."""
    table = load_table(CORPUS / f"{name}.toml")
    published = validated(table, tmp_path / "published")
    wrong = {e.row for e in table.expect}
    assert not [f for f in published.findings if f.severity is Severity.ERROR and not wrong & _rows(f)]
    found = [f for f in _mutant(name, changes, tmp_path / "mutant") if f.code in codes and row in _rows(f)]
    assert found, f"no {sorted(codes)} at row {row}"
    assert max(f.severity.rank for f in found) == severity.rank


@pytest.mark.parametrize(("name", "changes", "row", "codes", "severity"), CASES)
def test_planted_defect_found_at_its_row(tmp_path, name, changes, row, codes, severity):
    assert_planted_found(tmp_path, name, changes, row, codes, severity)


def test_every_new_probe_kind_plants_in_the_corpus():
    """tests/realworld/probe_defects.py's issue-11 kinds each find rows to plant into by the tables' own header words
    (a kind that silently planted nothing would report a perfect 0/0)."""
    import probe_defects as probe
    from render import corpus_files

    tables = [load_table(p) for p in corpus_files()]
    planted = {kind: sum(1 for t in tables for _ in make(t)) for kind, make in probe.NEW_KINDS.items()}
    assert all(n >= 2 for n in planted.values()), planted
