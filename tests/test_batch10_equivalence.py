"""Per-file work cut for issue 14 (batch) gives the same answers as the code it replaced."""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

from perfxl.document.funds_arith import _before


def _before_by_regex(text: str, clause: str) -> str | None:
    """funds_arith._before as it was: a regex built from the figure's text for every fact."""
    at = re.search(r"(?<![0-9.])" + re.escape(text), clause)
    head = clause[: at.start()] if at else clause
    opened = head.count("(") + head.count("（") - head.count(")") - head.count("）")
    return None if opened > 0 else head.replace(" ", "")


def test_words_before_a_figure_as_the_regex_found_them() -> None:
    rng = random.Random(14)
    alphabet = "0123456789.个万元共年初（）() 5"
    cases = [("5个", "共15个，年初5个"), ("5个", "15个"), ("5个", "(含5个)共5个"), ("", "共15个"), ("1.5", "21.5 1.5")]
    for _ in range(5000):
        clause = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
        if rng.random() < 0.5 and clause:  # mostly a figure the clause holds, as extract_facts gives it
            i = rng.randrange(len(clause))
            text = clause[i : i + rng.randint(1, 4)]
        cases.append((text, clause))
    for text, clause in cases:
        fact = SimpleNamespace(quantity=SimpleNamespace(text=text), clause=clause)
        assert _before(fact) == _before_by_regex(text, clause), (text, clause)  # type: ignore[arg-type]
