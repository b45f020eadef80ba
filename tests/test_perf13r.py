"""Session 13's per-row shortcuts in the checks (issue 14) give the answers of the plain forms they replace: the
longest ambiguous/group word by one search first (`direction._longest`), `round_half_up` with its quantum and context
made once, C01's one search for a control character over a table's texts, G03's length bound before a matcher."""

from __future__ import annotations

import difflib
import random
from decimal import ROUND_HALF_UP, Context, Decimal

from perfxl.model import CellValue
from perfxl.numbers import round_half_up
from perfxl.profiles import load_profile
from perfxl.rules.cells import _any_control
from perfxl.rules.direction import _longest
from perfxl.rules.goals import _length_bound
from perfxl.values import control_characters


def _plain_longest(name: str, words: list[str]) -> str:
    return max([w for w in words or () if w and w in name], key=len, default="")


def test_longest_matches_max_over_the_list():
    profile = load_profile(None)
    lists = [list(profile.get(k, ())) for k in ("direction.ambiguous", "direction.lower_is_better_groups")]
    lists += [["率", "比例", "例", "比", "", "率", "比率"], []]  # overlapping words, a blank one, a repeat; none
    rng = random.Random(13)
    chars = sorted({ch for words in lists for w in words for ch in w}) + list("项目资金产出 12%")
    names = ["", "比率", "成本指标 经济成本指标", "时长比例"]
    names += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for words in lists:
        for name in names:
            assert _longest(name, words) == _plain_longest(name, words), (name, words)


def _fresh_round(value: Decimal, places: int) -> Decimal:
    digits = max(28, value.adjusted() + places + 2)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=Context(prec=digits))


def test_round_half_up_as_with_a_fresh_context():
    rng = random.Random(13)
    values = [Decimal("2.675"), Decimal("-2.5"), Decimal("0.005"), Decimal("1E+30"), Decimal("9.99999999999E+300")]
    values += [Decimal(rng.randint(-(10**12), 10**12)).scaleb(-rng.randint(0, 12)) for _ in range(3000)]
    for value in values:
        for places in (0, 1, 2, 4, 6, 31, -1):
            got, want = round_half_up(value, places), _fresh_round(value, places)
            assert got == want and str(got) == str(want), (value, places)


def test_one_search_finds_a_control_character_as_each_cell_does():
    rng = random.Random(13)
    alphabet = ["a", "率", " ", "\t", "\n", "\r", "\x1b", "\x7f", "\x85", "\x9f", "\xa0", "\x0b", "%"]
    for _ in range(2000):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(0, 5))]
        cells = tuple(("name", CellValue.of(t)) for t in texts)
        assert _any_control(cells) == any(control_characters(t) for t in texts), texts


def test_length_bound_is_real_quick_ratio():
    for a in ("", "a", "指标", "abcdef"):
        for b in ("", "x", "指标名称", "abc"):
            assert _length_bound(len(a), len(b)) == difflib.SequenceMatcher(None, a, b).real_quick_ratio()
