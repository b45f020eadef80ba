"""The levels (value and final figures) of a paragraph, indexed by subject: the last one a change, share or rate names.

A change or share stated in a paragraph ("…收入支出总计307.82万元。…收入支出总计增加…") is of the last level of the same
subject before it (`same_subject`: the very subject, or the subject after its owner's name and year). Looking back
through every earlier figure for each one was quadratic in a paragraph's figures ("增长1.5%，" × 3,000 took ≈ 4 s,
200,000 characters more than 20 s; docs/bad-inputs.md, hyph23 and sec24a). The index answers each look-up in the time
of the subject's length: an exact dictionary, and a polynomial hash of every suffix that follows an owner's year (one
backward pass over the level's subject). A suffix found by its hash is checked by `same_subject` itself; should two
suffixes ever share a hash, the look-up is answered by the former walk, so the answer is always the walk's.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Protocol

from ..patterns import lazy_compile

__all__ = ["LEVEL_ROLES", "SubjectLevels", "same_subject"]

#: The owner and year a 部门决算说明 opens its figure with ("中共…社会工作部2024年度收入支出总计307.82万元。与2023年度相比，
#: 收入支出总计增加…", real reports 20): before them the subject the next sentence names bare.
_OWNER_AND_YEAR = lazy_compile(r"(?:19|20)\d{2}年度?$")
#: A year anywhere: each one ends a text `_OWNER_AND_YEAR` may match (with 度 or a newline after it).
_YEAR = lazy_compile(r"(?:19|20)\d{2}年")
#: The most characters `_OWNER_AND_YEAR` reads before the end it matches at ("2024年度" and a newline $ allows).
_OWNER_AND_YEAR_LONGEST = 8

#: The roles of a level: the figures a change, share or rate is of.
LEVEL_ROLES = ("value", "final")

_MOD = (1 << 61) - 1
#: Drawn per process, so that no text can be written to make two suffixes share a hash (a collision only costs time).
_BASE = random.SystemRandom().randrange(1 << 20, _MOD)


def same_subject(level: str, subject: str) -> bool:
    """The level's subject is `subject`, or `subject` after its owner's name and year ("…社会工作部2024年度收入支出" for
    "收入支出"): a change or share said of the bare subject is of that level."""
    if level == subject:
        return True
    return bool(subject) and level.endswith(subject) and bool(_OWNER_AND_YEAR.search(level[: -len(subject)]))


def _owner_year_ends(level: str) -> list[int]:
    """The positions k (0 < k < len) where `level[:k]` ends on an owner's year: `same_subject(level, level[k:])`."""
    ends: set[int] = set()
    for m in _YEAR.finditer(level):
        for k in range(m.end(), min(m.end() + 3, len(level))):  # after 年, 年度, and a newline after either
            # the window holds any match ending at k; `pos`/`endpos` search as on the slice level[:k]
            if _OWNER_AND_YEAR.search(level, max(0, k - _OWNER_AND_YEAR_LONGEST), k):
                ends.add(k)
    return sorted(ends)


def _hash(text: str) -> int:
    h = 0
    for ch in reversed(text):
        h = (ord(ch) + _BASE * h) % _MOD
    return h


def _suffix_keys(level: str) -> list[tuple[int, int]]:
    """(length, hash) of each suffix of `level` after an owner's year, in one backward pass."""
    ends = set(_owner_year_ends(level))
    if not ends:
        return []  # no owner's year: the exact subject only
    keys: list[tuple[int, int]] = []
    h = 0
    for k in range(len(level) - 1, min(ends) - 1, -1):
        h = (ord(level[k]) + _BASE * h) % _MOD
        if k in ends:
            keys.append((len(level) - k, h))
    return keys


class _Named(Protocol):
    @property
    def subject(self) -> str: ...
    @property
    def role(self) -> str: ...


class SubjectLevels:
    """The paragraph's facts so far that are levels, by subject: `last(subject)` is the position of the last one whose
    subject is `subject` by `same_subject` — what walking back through every fact finds, in one look-up."""

    def __init__(self) -> None:
        self._exact: dict[str, int] = {}
        self._suffix: dict[tuple[int, int], int] = {}
        self._lengths: set[int] = set()
        self._keys: dict[str, list[tuple[int, int]]] = {}  # a subject's suffix keys, once per paragraph
        self._hashes: dict[str, int] = {}
        self.walks = 0  # look-ups answered by walking back (a hash shared by two suffixes), for the tests

    def add(self, position: int, fact: _Named) -> None:
        """Index the fact appended at `position` if it is a level."""
        if fact.role not in LEVEL_ROLES:
            return
        subject = fact.subject
        self._exact[subject] = position
        keys = self._keys.get(subject)
        if keys is None:
            keys = self._keys[subject] = _suffix_keys(subject)
        for key in keys:
            self._suffix[key] = position
            self._lengths.add(key[0])

    def last(self, subject: str, facts: Sequence[_Named]) -> int | None:
        """The position of the last level in `facts` (the indexed ones) of `subject` by `same_subject`."""
        exact = self._exact.get(subject)
        if not subject or len(subject) not in self._lengths:
            return exact
        h = self._hashes.get(subject)
        if h is None:
            h = self._hashes[subject] = _hash(subject)
        found = self._suffix.get((len(subject), h))
        if found is None:
            return exact
        if not same_subject(facts[found].subject, subject):  # two suffixes of one hash: the walk decides
            self.walks += 1
            return next(
                (
                    i
                    for i in range(len(facts) - 1, -1, -1)
                    if same_subject(facts[i].subject, subject) and facts[i].role in LEVEL_ROLES
                ),
                None,
            )
        return found if exact is None else max(found, exact)
