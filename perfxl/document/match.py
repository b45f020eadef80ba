"""Pair a narrative subject with a table name: exact (after removing filler verbs) or a scored fuzzy
match (新增规模工业企业 ↔ 新进规模企业), never by position. A fuzzy pair is reported as such, so any
finding resting on it is a GUESS (警告 at most) that names both names.

rapidfuzz (MIT) scores when installed; difflib gives the same Indel ratio where it is not (Pyodide).
"""

from __future__ import annotations

import difflib
import functools
import heapq
from collections.abc import Callable, Sequence

from ..patterns import lazy_compile
from ..records import record
from .facts import compact_name
from .vocabulary import RESULT_VERBS

__all__ = ["NameMatch", "NameTable", "match_name", "normal_name", "ratio", "FUZZY_THRESHOLD", "FUZZY_MARGIN"]

#: Minimum fuzzy score (0–100) of a pair, and by how much it must beat the next candidate.
FUZZY_THRESHOLD = 75.0
FUZZY_MARGIN = 10.0

_FILLER = lazy_compile(r"^(?:全县|全市|全区|我县|我市|全年|当年|本年|累计|完成|实现|达到)+")
_VERB = lazy_compile(r"^(?:" + "|".join(sorted(RESULT_VERBS, key=len, reverse=True)) + r")")
_TRAIL = lazy_compile(r"[0-9.%，,。]+$")


def normal_name(text: str) -> str:
    """The name compared exactly: punctuation, filler verbs (完成/实现/全县…) and trailing figures removed."""
    return _FILLER.sub("", _TRAIL.sub("", compact_name(text)))


def _core(text: str) -> str:
    """The name compared fuzzily: also without its result verb (新增/新进/培育…), which differs freely."""
    return _VERB.sub("", normal_name(text))


@functools.cache
def _rapidfuzz_ratio() -> Callable[[str, str], float] | None:
    """rapidfuzz.fuzz.ratio when installed, else None (difflib is used); loaded at the first name match,
    so a workbook whose 年度总体目标 text is only checked for its own arithmetic does not pay for it."""
    try:
        # lazy and guarded: rapidfuzz has no Pyodide build (difflib fallback)
        from rapidfuzz.fuzz import ratio
    except ImportError:  # pragma: no cover - Pyodide or a minimal install
        return None
    return ratio


@functools.cache
def _rapidfuzz_extract() -> Callable[..., list[tuple[str, float, int]]] | None:
    """rapidfuzz.process.extract when installed (one call scores every name, in C), else None."""
    try:
        from rapidfuzz.process import extract  # lazy and guarded: rapidfuzz is optional (Pyodide has none)
    except ImportError:  # pragma: no cover - Pyodide or a minimal install
        return None
    return extract


def _two_best(core: str, table: NameTable) -> list[tuple[float, int]]:
    """The first two (score, index) of all names scored and sorted high to low — of those scoring at least
    FUZZY_THRESHOLD − FUZZY_MARGIN: a lower runner-up lets the best through as surely as no runner-up, so the answer is
    the same. rapidfuzz scores the names in one call (a figure against 1,000 rows: a Python call a row was 3 s of 10)."""
    if not core:
        return []  # `ratio` of an empty text is 0: nothing reaches the threshold
    extract = _rapidfuzz_extract()
    if extract is None:
        scored = [(ratio(core, c), i) for i, c in enumerate(table.cores)]
    else:
        cutoff = FUZZY_THRESHOLD - FUZZY_MARGIN
        scored = [
            (float(s), i)
            for c, s, i in extract(core, table.cores, scorer=_rapidfuzz_ratio(), limit=None, score_cutoff=cutoff)
            if c
        ]
    return heapq.nlargest(2, scored)


def ratio(a: str, b: str) -> float:
    """Normalised Indel similarity 0–100 (rapidfuzz.fuzz.ratio, or difflib's equivalent)."""
    if not a or not b:
        return 0.0
    rf = _rapidfuzz_ratio()
    if rf is not None:
        return float(rf(a, b))
    return 100.0 * difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@record(frozen=True, slots=True)
class NameMatch:
    """The candidate index chosen, whether only a fuzzy score paired them, and the score."""

    index: int
    exact: bool
    score: float


class NameTable:
    """Table names with their normal forms worked out once: a report asking for each of its figures reads each name
    once, not once a figure (sec24a: 2,000 figures against 1,000 rows normalised 2·10⁶ names, 90 s of 150)."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        self.exact: dict[str, list[int]] = {}
        for i, n in enumerate(self.names):
            self.exact.setdefault(normal_name(n), []).append(i)
        self._cores: list[str] | None = None
        self._mapped: dict[str, NameTable] = {}

    def mapped(self, key: str, how: Callable[[str], str]) -> NameTable:
        """The names each changed by `how` ("参训人数" without its measure word), worked out at the first figure that
        asks and kept under `key` for the next ones."""
        table = self._mapped.get(key)
        if table is None:
            table = self._mapped[key] = NameTable([how(n) for n in self.names])
        return table

    @property
    def cores(self) -> list[str]:
        """Each name as compared fuzzily (`_core`), worked out at the first fuzzy look-up."""
        if self._cores is None:
            self._cores = [_core(n) for n in self.names]
        return self._cores


def match_name(subject: str, names: Sequence[str] | NameTable) -> NameMatch | None:
    """Best table name for a narrative subject: an exact normal-form match first; else the fuzzy best
    scoring ≥ FUZZY_THRESHOLD and FUZZY_MARGIN above the runner-up; else None."""
    key = normal_name(subject)
    if not key:
        return None
    table = names if isinstance(names, NameTable) else NameTable(names)
    exact = table.exact.get(key, [])
    if len(exact) == 1:
        return NameMatch(exact[0], True, 100.0)
    if len(exact) > 1:
        return None  # two rows of the same name: which one is meant cannot be told
    scored = _two_best(_core(subject), table)
    if not scored or scored[0][0] < FUZZY_THRESHOLD:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < FUZZY_MARGIN:
        return None
    return NameMatch(scored[0][1], False, scored[0][0])
