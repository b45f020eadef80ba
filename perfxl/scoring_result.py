"""`ScoreResult`: one score with the method, a one-line zh/en explanation, or the reason it cannot be scored.

The explanation may be given as a zero-argument callable: it is formatted on first access, so a batch that
only sums scores does not pay for 200k formatted sentences (the ≥100k indicators/s target).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import Any

from perfxl.numbers import ZERO, fmt_decimal, round_half_up

__all__ = ["ScoreResult", "failure", "bounded_score", "bounded_exact", "fmt_cached"]

#: Decimals beyond which a figure in an explanation is a quotient no one printed (13个月 in 年 is 1.0833…).
_SHOWN_PLACES = 4


@lru_cache(maxsize=65536)
def fmt_cached(value: Decimal | None, places: int | None = None) -> str:
    """fmt_decimal for explanations, cached (equal Decimals format alike). A quotient that does not end within
    `_SHOWN_PLACES` decimals (a unit conversion: 13个月 = 1.083333…年) is shown rounded half-up with "≈" — the
    arithmetic keeps the exact value; finance staff are not shown 28 digits."""
    text = fmt_decimal(value, places)
    if places is None and value is not None and "." in text and len(text.split(".")[1]) > 2 * _SHOWN_PLACES:
        return "≈" + fmt_decimal(value, _SHOWN_PLACES)
    return text


Text = str | Callable[[], str]
_FIELDS = (
    "score",
    "method",
    "explanation",
    "explanation_en",
    "error",
    "error_en",
    "meets_target",
    "ratio",
    "weight",
    "over_completed",
    "band",
    "tier",
    "exact",
)


class ScoreResult:
    """`score` within [0, weight], or None with `error` (zh) / `error_en`. Read-only by convention.

    `method`: positive | reverse_ratio | reverse_linear2A | equal | equal_zero | deadline | qualitative |
    budget_execution | a department-wide rule name. `ratio` is B/A (A/B for reverse) when defined;
    `over_completed` marks B ≥ 1.3A (the profile's over-completion threshold); `band` is the qualitative
    score band (low, high) and `tier` its tier. `exact` is the score before rounding (within [0, weight]),
    so a printed score is judged at the decimals it was printed with; it equals `score` when not given.
    """

    __slots__ = (
        "_en",
        "_exact",
        "_zh",
        "band",
        "error",
        "error_en",
        "meets_target",
        "method",
        "over_completed",
        "ratio",
        "score",
        "tier",
        "weight",
    )

    def __init__(
        self,
        score: Decimal | None,
        method: str,
        explanation: Text,
        explanation_en: Text = "",
        error: str | None = None,
        error_en: str | None = None,
        meets_target: bool | None = None,
        ratio: Decimal | None = None,
        weight: Decimal | None = None,
        over_completed: bool | None = None,
        band: tuple[Decimal, Decimal] | None = None,
        tier: int | None = None,
        exact: Decimal | None = None,
    ) -> None:
        self.score = score
        self._exact = exact
        self.method = method
        self._zh = explanation
        self._en = explanation_en
        self.error = error
        self.error_en = error_en
        self.meets_target = meets_target
        self.ratio = ratio
        self.weight = weight
        self.over_completed = over_completed
        self.band = band
        self.tier = tier

    @property
    def exact(self) -> Decimal | None:
        """The score before rounding, kept within [0, weight]; `score` when the method gave none."""
        return self.score if self._exact is None else self._exact

    @property
    def explanation(self) -> str:
        """One line in Chinese: how the score was derived (实际 11.8% < 目标 12%，按比例 11.8/12×10 = 9.83)."""
        if not isinstance(self._zh, str):
            self._zh = self._zh()
        return self._zh

    @property
    def explanation_en(self) -> str:
        if not isinstance(self._en, str):
            self._en = self._en()
        return self._en

    @property
    def ok(self) -> bool:
        return self.score is not None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ScoreResult):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in _FIELDS)

    __hash__ = None  # type: ignore[assignment]  # unhashable on purpose: __eq__ compares values, like a mutable dataclass

    def __repr__(self) -> str:
        return f"ScoreResult(score={self.score!r}, method={self.method!r}, explanation={self.explanation!r})"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; Decimals as plain strings ("9.83")."""
        return {
            "score": None if self.score is None else fmt_decimal(self.score),
            "method": self.method,
            "explanation": self.explanation,
            "explanation_en": self.explanation_en,
            "error": self.error,
            "error_en": self.error_en,
            "meets_target": self.meets_target,
            "ratio": None if self.ratio is None else str(self.ratio),
            "weight": None if self.weight is None else fmt_decimal(self.weight),
            "over_completed": self.over_completed,
            "band": None if self.band is None else [fmt_decimal(b) for b in self.band],
            "tier": self.tier,
        }


def failure(method: str, zh: str, en: str, weight: Decimal | None = None) -> ScoreResult:
    """A result without a score: the explanation is the reason."""
    return ScoreResult(None, method, zh, en, error=zh, error_en=en, weight=weight)


def bounded_exact(raw: Decimal, weight: Decimal) -> Decimal:
    """`raw` kept within [0, weight], unrounded (the exact score a printed one is judged against)."""
    return weight if raw > weight else (ZERO if raw < 0 else raw)


def bounded_score(raw: Decimal, weight: Decimal, places: int) -> Decimal:
    """`raw` rounded half-up (Excel ROUND) to `places`, kept within [0, weight]: every score passes here."""
    score = round_half_up(raw, places)
    return weight if score > weight else (ZERO if score < 0 else score)
