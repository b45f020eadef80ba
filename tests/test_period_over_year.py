"""Counts per period read over the year — one reading (`_read_over_year`) and one wording (`_OverYear`) for a
per-period target against an actual stating no period (session 11: "每月1次" │ "12次") and an actual per period
(review 12: "12次" │ "每月1次", "每月1次" │ "每季度1次"). Variants of 濉溪 2019 row 15 (tests/realworld)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))


def _row15(tmp_path, target: str, actual: str, score: str) -> list[tuple[str, str, str]]:
    """(code, severity, basis) of 濉溪 2019 row 15's score findings (S01, S07) with name 检查次数 and the cells given."""
    from render import validated, variant

    cells = {"D15": "检查次数", "F15": target, "G15": actual, "H15": score}
    result = validated(variant("anhui-suixi-linshijiuzhu-2019", cells), tmp_path)
    return [
        (f.code, f.severity.value, f.basis)
        for f in result.findings
        if getattr(f.ref, "row", 0) == 15 and f.code in ("S01", "S07")
    ]


@pytest.mark.parametrize(
    ("target", "actual", "score", "counts"),
    [
        ("每月1次", "12次", "5", "12次 与 12次；实际完成值未写期间，按全年计："),  # session 11's shape
        ("每月1次", "每季度1次", "10", "12次 与 4次："),  # review 12's: both per period
        ("≥24次", "每月1次", "10", "24次 与 12次；年度指标值未写期间，按全年计："),  # the target the year's count
    ],
)
def test_one_wording_for_both_shapes(tmp_path, target, actual, score, counts):
    """Failed before for session 11's shape: its basis read '年度指标值“每月1次”按每月计，全年折合 12次，实际完成值
    “12次”按全年计' while review 12's read '…按各自期间折合全年：12次 与 4次' — two wordings of one reading."""
    found = _row15(tmp_path, target, actual, score)
    assert found, found
    why = f"年度指标值“{target}”与实际完成值“{actual}”按各自期间折合全年：{counts}"
    assert all(why in basis for _, _, basis in found), found


def test_weeks_worded_once(tmp_path):
    """Failed before: "1次/周" │ "52次" stated '一年有52或53个每周期' ('按52期理解 … 若按53期理解'), "每周1次" │ "每月4次"
    '一年有52或53周、365或366天' (days where none were counted): one wording, the uncertain period alone named."""
    weekly = _row15(tmp_path / "a", "1次/周", "52次", "5")
    assert weekly and all("一年有52或53周：按较宽的折算理解" in b and "个每周期" not in b for *_, b in weekly), weekly
    two = _row15(tmp_path / "b", "每周1次", "每月4次", "10")
    assert two and all("一年有52或53周：" in b and "365或366天" not in b for *_, b in two), two


@pytest.mark.parametrize(
    ("target", "actual"), [("1次/双月", "6次"), ("1次/两个月", "6次"), ("1次/半年", "2次"), ("1次/旬", "36次")]
)
def test_every_period_word_of_the_per_form_in_the_slash_form(tmp_path, target, actual):
    """Failed before: I05 '计量单位“次/双月”不是常用单位' for all four (次/半年, 次/旬 alike), and S08 '6次 为年度指标值
    1次/双月 的 600.00%' on a correct row for 双月 and 两个月 — the slash form and the unit check knew fewer period words
    than "每双月1次" (one table now, `units.periods_a_year`)."""
    from render import validated, variant

    cells = {"D15": "检查次数", "F15": target, "G15": actual, "H15": "10"}
    result = validated(variant("anhui-suixi-linshijiuzhu-2019", cells), tmp_path)
    found = [(f.code, f.severity.value) for f in result.findings if getattr(f.ref, "row", 0) == 15]
    assert [c for c in found if c[1] != "info"] == [], found
