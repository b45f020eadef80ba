"""lean29: issue 14's "one of each mechanism" held on three pieces of logic that were written out more than once —
guards that fail when a copy comes back.

- the ratio of two printed ranges (least part over most whole … most part over least whole, in %) is
  `Interval.percent_of`, not spelt out again in a document check (it stood in table_wholes, levels_apart,
  respective_lists and precision._ratio);
- the department-wide scores are named once, in `perfxl.scoring_dept.__all__`; `perfxl.scoring` re-exports that list;
- I03's finding "this 年度指标值 wants a figure" is made in one place (`rules.indicators._no_figure`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import perfxl.scoring as scoring
import perfxl.scoring_dept as scoring_dept
from perfxl.document.precision import Interval

REPO = Path(__file__).resolve().parent.parent
PKG = REPO / "perfxl"

#: a range's ratio written by hand: `Interval(a.lo / b.hi * HUNDRED, a.hi / b.lo * HUNDRED)`
_HAND_RATIO = re.compile(r"(\w+)\.lo / (\w+)\.hi \* HUNDRED, \1\.hi / \2\.lo \* HUNDRED")


def test_percent_of_is_the_outward_ratio_of_printed_ranges() -> None:
    """ "增加40万元，增长13.3%" over a printed 上年 300万元: 40 stands for [39.5, 41), 300 for [299.5, 301), so the rate
    lies in [39.5/301, 41/299.5] — 13.3% inside it, 14% outside."""
    change, base = Interval.printed(Decimal(40), Decimal(1)), Interval.printed(Decimal(300), Decimal(1))
    rate = change.percent_of(base)
    assert rate == Interval(Decimal("39.5") / 301 * 100, Decimal(41) / Decimal("299.5") * 100)
    assert rate.lo < Decimal("13.3") < rate.hi
    assert not rate.lo < Decimal(14) < rate.hi


def test_no_range_ratio_spelt_out_again() -> None:
    hits = [
        f"{path.relative_to(REPO)}:{n}"
        for path in sorted(PKG.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _HAND_RATIO.search(line)
    ]
    assert len(hits) == 1 and hits[0].startswith("perfxl/document/precision.py:"), hits  # `percent_of` itself


def test_department_scores_named_once() -> None:
    assert set(scoring_dept.__all__) <= set(scoring.__all__)
    assert all(getattr(scoring, name) is getattr(scoring_dept, name) for name in scoring_dept.__all__)
    source = (PKG / "scoring.py").read_text(encoding="utf-8")
    listed = [
        name for name in scoring_dept.__all__ if f'"{name}"' in source or re.search(rf"^\s+{name},$", source, re.M)
    ]
    assert listed == [], f"perfxl/scoring.py lists again what scoring_dept.__all__ names: {listed}"


def test_i03_finding_made_once() -> None:
    source = (PKG / "rules" / "indicators.py").read_text(encoding="utf-8")
    assert source.count('expected="数值"') == 1
