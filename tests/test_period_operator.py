"""An operator written before a period word ("≥每月1次") bounds the per-period figure, as "每月≥1次" does: the row is read
over the year (12次 meets it) — it was left in the label, so the per-period reading never applied and 12次 against 1次
was an over-completion "达目标的 12 倍" (review 11c)."""

from __future__ import annotations

import sys
from pathlib import Path

from perfxl.values import Op, parse_value

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))


def test_the_operator_before_the_period_is_the_bound():
    for text, op, label in (("≥每月1次", Op.GE, "每月"), ("≤每季度2次", Op.LE, "每季度"), ("每月≥1次", Op.GE, "每月")):
        p = parse_value(text)
        assert (p.op, p.label, p.number) == (op, label, 1 if "月" in label else 2), text


def test_a_bounded_monthly_target_against_the_years_count_is_met(tmp_path):
    from render import validated, variant

    table = variant("anhui-suixi-linshijiuzhu-2019", {"F15": "≥每月1次", "G15": "12次"})
    found = [f for f in validated(table, tmp_path).findings if getattr(f.ref, "row", 0) == 15]
    assert [(f.code, f.severity.value) for f in found if f.severity.value != "info"] == [], [f.message for f in found]
