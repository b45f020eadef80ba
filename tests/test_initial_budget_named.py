"""On a form that prints only 年初预算数 (济南 历城 2019: 年初预算数(A) │ 全年执行数(B) │ 执行率(B/A)), a funds finding's basis
names the column it read — 年初预算数 — not a 全年预算数 the form does not have (review 11d)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "realworld"))

from render import validated, variant  # noqa: E402


def test_a_wrong_rate_over_the_initial_budget_names_that_budget(tmp_path):
    table = variant("shandong-licheng-wenhuaguan-2019", {"G9": "90%"})  # 45 / 45 printed as 90%
    found = [f for f in validated(table, tmp_path).findings if f.code == "F04"]
    assert found, "the wrong rate is found"
    assert all("年初预算数 45" in f.basis and "全年预算数" not in f.basis.split("；")[0] for f in found), [
        f.basis for f in found
    ]
