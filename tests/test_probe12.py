"""Defects tests/realworld/probe_defects.py's defects12 kinds planted in real tables and perfxl missed.

Each case: a published table from tests/realworld/, the cells changed so that the row is certainly wrong by the
table's own figures, and the finding perfxl must give at that row — while the table as published has no 错误 there.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_probe11 import assert_planted_found

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import load_table

from perfxl.model import Severity

# (table, injected cells, row, codes that fit, severity the cells make certain)
CASES = [
    # 云南 永德 营养改善 2022: the 总分 row prints 总分 │ … │ 100 │ 96 │ 优 — the grade alone right of the 得分, no
    # 自评等级 label. 差 beside 96 contradicts the total under any banding (before: the grade was not read, nothing found)
    pytest.param("yunnan-yongde-yingyang-2022", {"J25": "差"}, 25, {"T04"}, Severity.ERROR, id="grade-unlabelled"),
    # OCR damage inside a figure: its second digit read as the letter it looks like (2 Z, 6 b, 1 l). The digits before
    # the letter are no figure: perfxl must say it cannot read the cell (I12/C02), not read 4 and judge by it.
    # 贵池 村级 2022: =42个 │ 42 → 4Z (before: read as 4 in unit "Z", S11 "units differ")
    pytest.param("anhui-guichi-cunji-2022", {"F15": "4Z"}, 15, {"I12"}, Severity.WARNING, id="garbled-2-as-Z"),
    # 宣城 动物防疫 2023: 地方资金 46 │ 46 │ 100% → 4b (before: read as 4, F04 "执行率应为 8.7%", an 错误 on a guess)
    pytest.param("anhui-xuancheng-dongwufangyi-2023", {"D9": "4b"}, 9, {"C02"}, Severity.WARNING, id="garbled-6-as-b"),
    # 宁德 地震局 2020: 10场 │ 11场 → 1l场 (before: read as 1, S11)
    pytest.param(
        "fujian-ningde-dizhenju-bumen-2020", {"F15": "1l场"}, 15, {"I12"}, Severity.WARNING, id="garbled-1-as-l"
    ),
    # 萧县 河西村 2023: ≥11.376万元 │ 12万元 → 1Z万元 (before: read as 1 in unit "Z万元", S11)
    pytest.param("anhui-xiaoxian-hexicun-2023", {"G25": "1Z万元"}, 25, {"I12"}, Severity.WARNING, id="garbled-unit"),
]


@pytest.mark.parametrize(("name", "changes", "row", "codes", "severity"), CASES)
def test_planted_defect_found_at_its_row(tmp_path, name, changes, row, codes, severity):
    assert_planted_found(tmp_path, name, changes, row, codes, severity)


def test_every_new_probe_kind_plants_in_the_corpus():
    """The defects12 kinds each find rows to plant into by the tables' own header words (a kind that silently planted
    nothing would report a perfect 0/0)."""
    import probe_defects as probe
    from render import corpus_files

    tables = [load_table(p) for p in corpus_files()]
    planted = {kind: sum(1 for t in tables for _ in make(t)) for kind, make in probe.NEW_KINDS_12.items()}
    assert all(n >= 2 for n in planted.values()), planted
