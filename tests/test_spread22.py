"""Session 22 (spread22, issue 12): a 其中 list spread over paragraphs — one wrong figure, one finding, at its paragraph.

doc22's `spread_lists` holds a defined whole ("公务用车购置及运行维护费支出 37.35 万元。其中：") to its items printed one
paragraph each after it. On a report with a 三公 table (上海 普陀 石泉路 2025 决算, p86–p88, as published) a figure changed
in the WHOLE is the whole's own N01 against its table line (the sum is its consequence: no second finding), and a figure
changed in an ITEM whose own table line the other items agree with is found AT that item's paragraph (the tables single
it out), not at the last item's. The 塘子 case and doc22's must-not-fire cases stay in tests/test_doc22.py.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_document_realreport import findings_at_paragraph, with_paragraph

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"


@pytest.fixture(scope="module")
def shiquan() -> dict:
    return tomllib.loads((REPORTS / "shanghai-putuo-shiquan-juesuan-2025.toml").read_text(encoding="utf-8"))


def _warned(tmp_path: Path, fixture: dict, paragraph: int) -> list[tuple[str, str]]:
    return [(c, s) for c, s, _ in findings_at_paragraph(tmp_path, fixture, paragraph) if s in ("error", "warning")]


def test_as_published_the_list_is_quiet(tmp_path, shiquan):
    """Must NOT fire: 25 + 12.35 = 37.35, as printed."""
    assert all(_warned(tmp_path, shiquan, k) == [] for k in (86, 87, 88))


def test_a_wrong_whole_is_one_finding_at_the_whole(tmp_path, shiquan):
    """The whole 37.35 → 41.09: its N01 against the 三公 table at p86, nothing at the items' paragraphs."""
    planted = with_paragraph(shiquan, 86, "37.35", "41.09")
    assert ("N01", "error") in _warned(tmp_path, planted, 86)
    assert _warned(tmp_path, planted, 87) == [] and _warned(tmp_path, planted, 88) == []


def test_a_wrong_item_is_one_finding_at_that_item(tmp_path, shiquan):
    """Failed before (N02 at p88, the last item, whose 12.35 agrees with the table's 公务用车运行维护费): the item
    公务用车购置 25 → 28 (its table line prints 25.00) — the N02 is at p87, with the amount that makes the whole."""
    planted = with_paragraph(shiquan, 87, "25 万元", "28 万元")
    at87 = findings_at_paragraph(tmp_path, planted, 87)
    assert [(c, s) for c, s, _ in at87 if s in ("error", "warning")] == [("N02", "error")]
    assert _warned(tmp_path, planted, 88) == [] and _warned(tmp_path, planted, 86) == []


def test_two_wrong_items_stay_one_finding_at_the_last(tmp_path, shiquan):
    """Must NOT guess: both items off their table lines (25 → 28, 12.35 → 13.35) — the tables single out none, so the
    sum's one finding stays at the last item (the item that makes the sum), none at the first."""
    planted = with_paragraph(with_paragraph(shiquan, 87, "25 万元", "28 万元"), 88, "12.35", "13.35")
    assert ("N02", "error") in _warned(tmp_path, planted, 88)
    assert ("N02", "error") not in _warned(tmp_path, planted, 87)
