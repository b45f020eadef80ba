"""A stated count against the names its exhaustive list gives: "直属事业单位10个，即A、B、…" (N02).

Only lists the text presents as complete — the count followed by 即 / 分别为 / 分别是 / a colon — and
never one ending in 等 or introduced by 包括. Names are separated by 、; a 和/及/与 may join two names or
sit inside one (科技和工业信息化局), so both counts are accepted. A mismatch is a judgement (警告): a name
may have been dropped or two run together, and only a person can say which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ListedCount", "listed_counts"]

#: "<count><measure word>[，,：:] <cue> <names up to the clause's end>"
_LISTED = re.compile(
    r"(?P<count>\d+)(?P<unit>个|家|项|所|名|人|座|条|处|支|类)"
    r"[,，]?\s*(?:即|分别为|分别是|[:：])[:：]?\s*(?P<names>[^，,。；;！!？?\n]+)"
)
_NOT_ALL = re.compile(r"等(?:单位|部门|机构|股室|科室|项目|企业|乡镇|村|人)?$")  # "…等" is not the whole list
_JOINERS = re.compile(r"以及|和|及|与")
_LONGEST_NAME = 30  # longer "items" are sentences, not names


@dataclass(frozen=True, slots=True)
class ListedCount:
    """A count and the names listed after it: `fewest`..`most` names depending on how 和/及 is read."""

    count: int
    unit: str
    names: tuple[str, ...]
    fewest: int
    most: int
    text: str


def listed_counts(text: str) -> list[ListedCount]:
    """Every exhaustive name list in `text` whose stated count no reading of its names gives."""
    out = []
    for m in _LISTED.finditer(text):
        body = m.group("names").strip()
        names = tuple(n.strip() for n in body.split("、"))
        if len(names) < 2 or _NOT_ALL.search(body):
            continue
        if any(not n or len(n) > _LONGEST_NAME or re.search(r"\d", n) for n in names):
            continue
        fewest = len(names)
        most = fewest + sum(len(_JOINERS.findall(n)) for n in names)
        count = int(m.group("count"))
        if not fewest <= count <= most:
            out.append(ListedCount(count, m.group("unit"), names, fewest, most, m.group(0)))
    return out
