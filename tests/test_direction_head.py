"""`direction._head` finds the head word by one search of the reversed name with the list as one alternation (issue 14):
the same word as trying every listed word in list order, ties included."""

from __future__ import annotations

import random

from perfxl.profiles import load_profile
from perfxl.rules.direction import _head


def _every_word(name: str, words: list[str]) -> tuple[str, tuple[int, int]]:
    best, key = "", (-1, 0)
    for w in words:
        if w and w in name:
            k = (name.rfind(w) + len(w), len(w))
            if k > key:
                best, key = w, k
    return best, key


def test_head_matches_trying_every_word():
    profile = load_profile(None)
    lists = [list(profile.get(k, ())) for k in ("direction.lower_is_better", "direction.higher_is_better")]
    lists.append(["率", "合格率", "格率", "合格", "", "率"])  # overlapping words, a blank one, a repeat
    rng = random.Random(14)
    chars = sorted({ch for words in lists for w in words for ch in w}) + list("项目资金产出12%")
    names = ["安全事故处置率", "能耗降低率", "产品合格率", "", "率率", "合格率合格"]
    names += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    names += [rng.choice(words) + rng.choice(words) for words in lists for _ in range(300) if words]
    for words in lists:
        for name in names:
            assert _head(name, words) == _every_word(name, words), (name, words)
