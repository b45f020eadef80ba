"""The one reading of "this indicator row is declared not applicable" (不适用), for every check that asks it.

财政部《项目支出绩效自评表》填报说明: an indicator that does not apply is left out and the 总分 rescaled over the
others (按比例折算, T05). Which words mark a row so are T05's `markers` (catalogue default 不适用, 不涉及, N/A, NA; a
profile may replace them): what each of the three former readings accepted, united — W04/W02's and S12/S15's took
不适用 and 不涉及 as raw substrings, T05/T02's also N/A and NA (as Latin words of their own: no "NA" inside "DNA"),
spaces and punctuation dropped ("不 适 用"). Marks no reading took stay out ("/", "无", "无此项": a placeholder or a
count of none as much as a declaration).

Where the mark stands decides how far it goes:
- the row's 年度指标值 or 实际完成值 (`declared`): the row's own value says it does not apply — certain; T05 rescales the
  总分 over the other rows, T02 and the summary's 总分重算 take that total, W04 asks no 分值.
- the 偏差原因 cell alone (`in_deviation`): a guess — "不涉及" there as often answers the deviation question itself
  (no deviation to explain) as it says the row does not apply; it moves no arithmetic and makes no 错误 certain, a
  judgement at most (W04, W02), and it answers S12/S15's "is this row unfilled?" as the filer's own words.
An Excel error value is no mark: "#N/A" is a lookup that failed, not a declaration (it matched "N/A" before)."""

from __future__ import annotations

import re
from functools import lru_cache

from perfxl.model import CellValue, Indicator

from .catalogue import spec
from .context import Context, compact
from .row_facts import RowFacts


def markers(ctx: Context) -> tuple[str, ...]:
    """T05's markers, the profile's `[checks.T05] markers` over the catalogue's, compacted — whether or not the
    profile runs T05 (a row that says 不适用 says it to W04 too)."""
    params = {**spec("T05").params, **ctx.profile.check("T05").params}
    return tuple(m for m in (compact(str(m)) for m in params.get("markers", ())) if m)


def declared(ctx: Context, ind: Indicator) -> bool:
    """The row's 年度指标值 or 实际完成值 carries a 不适用 marker: certain."""
    pattern = _pattern(markers(ctx))
    return pattern is not None and _declared(ctx, ctx.fact(ind), pattern)


def in_deviation(ctx: Context, ind: Indicator) -> bool:
    """Only the row's 偏差原因 cell carries a 不适用 marker: a guess (see the module's docstring)."""
    pattern = _pattern(markers(ctx))
    return pattern is not None and _says(ctx, ind.deviation, pattern) and not _declared(ctx, ctx.fact(ind), pattern)


def marked(ctx: Context, ind: Indicator) -> bool:
    """Declared, or said in the 偏差原因 cell: enough to doubt a finding, never to make one certain."""
    pattern = _pattern(markers(ctx))
    return pattern is not None and (_declared(ctx, ctx.fact(ind), pattern) or _says(ctx, ind.deviation, pattern))


def not_applicable_rows(ctx: Context) -> list[Indicator]:
    """The rows T05 rescales the 总分 over (`declared`): T02 names them rather than calling their blank 得分 unfilled
    (review14h), the summary's 总分重算 leaves them out as T05 does. None where the profile turns T05 off: no
    rescaling is then asked, and T02 and the summary add every row as before. Once per evaluation (asked by T02, T05
    and the summary)."""
    return ctx.once(("not_applicable_rows", id(ctx.ev)), lambda: _rows(ctx))


def _rows(ctx: Context) -> list[Indicator]:
    t05, settings = spec("T05"), ctx.profile.check("T05")
    if not (t05.enabled and settings.enabled):
        return []
    pattern = _pattern(markers(ctx))
    return [] if pattern is None else [f.ind for f in ctx.facts() if _declared(ctx, f, pattern)]


def _declared(ctx: Context, f: RowFacts, pattern: re.Pattern[str]) -> bool:
    """`declared` on the row's facts (their stripped texts: one pass over 10,000 rows reads no cell property)."""
    return _has(ctx, f.target_text, f.ind.target, pattern) or _has(ctx, f.actual_text, f.ind.actual, pattern)


def _says(ctx: Context, cell: CellValue, pattern: re.Pattern[str]) -> bool:
    return _has(ctx, cell.text, cell, pattern)


def _has(ctx: Context, text: str, cell: CellValue, pattern: re.Pattern[str]) -> bool:
    """A marker in the cell's text, each cell searched on its own (no marker made of one cell's end and the next's
    start); an error value ("#N/A") is no text — asked only on a hit, errors being rare."""
    return bool(text) and pattern.search(compact(text)) is not None and not ctx.is_error(cell)


@lru_cache(maxsize=16)
def _pattern(markers: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for any marker: Chinese as it stands, a Latin one (N/A, NA) not inside a Latin word."""
    if not markers:
        return None
    return re.compile("|".join(map(_marker_pattern, markers)))


def _marker_pattern(marker: str) -> str:
    pattern = re.escape(marker)
    return rf"(?<![A-Za-z]){pattern}(?![A-Za-z])" if marker[:1].isascii() and marker[:1].isalpha() else pattern
