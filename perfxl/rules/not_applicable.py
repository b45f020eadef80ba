"""The one reading of "this indicator row is declared not applicable" (不适用), for every check that asks it.

财政部《项目支出绩效自评表》填报说明: an indicator that does not apply is left out and the 总分 rescaled over the
others (按比例折算, T05). Which words mark a row so are T05's `markers` (catalogue default 不适用, 不涉及, 未涉及,
无此项, N/A, NA; a profile may replace them) — the union of what the former readings took (W04/W02's and S12/S15's
不适用 and 不涉及, T05/T02's N/A and NA, review15's 未涉及 and 无此项), compacted ("不 适 用"), a Latin one in either case
and only as a word of its own (no "NA" inside "DNA"). "/" and "无" stay out: a placeholder, or a count of none, as much
as a declaration. An Excel error value is no mark: "#N/A" is a lookup that failed, not a declaration.

How far a mark goes depends on where it stands:
- `declared` (certain): the row's 年度指标值 or 实际完成值 is the mark (a few words before it at most: "本项不涉及",
  "N/A（本年未发生）"), or holds it on a row left unscored. T05 rescales the 总分 over the other rows, T02 and the
  summary's 总分重算 take that total, W04 asks no 分值, I03/I05 no figure (`target_not_applicable`), D01/D02 no
  偏差原因 (a row left out is no missed target, review16).
- `guessed` (a guess): the mark inside words of a scored row ("不涉及违规使用资金" is a target of no violation), or in
  the 偏差原因 alone ("不涉及" there as often says there is no deviation to explain). It moves no arithmetic and makes no
  错误 certain: W04 a 警告 stating it, W02 a judgement naming it; S12/S15 take the filer's word (as before)."""

from __future__ import annotations

import re

from perfxl.model import CellValue, Indicator
from perfxl.patterns import lazy_compile

from .catalogue import spec
from .context import Context, compact
from .row_facts import RowFacts


def pattern(ctx: Context) -> re.Pattern[str] | None:
    """T05's markers (the profile's `[checks.T05] markers` over the catalogue's) as one pattern, whether or not the
    profile runs T05 — a row that says 不适用 says it to W04 too; None when none is listed. Once per run."""
    return ctx.once("T05 markers", lambda: _pattern_of(ctx))


def declared(ctx: Context, ind: Indicator) -> bool:
    """The row's 年度指标值 or 实际完成值 declares it not applicable: certain (see the module's docstring)."""
    return declared_of(ctx, ctx.fact(ind))


def declared_of(ctx: Context, f: RowFacts) -> bool:
    """`declared` of a row's facts (its caller holds them: no look-up)."""
    memo = f.memo
    found: bool | None = memo.get("declared")  # (kept by `_declared` only where the run has markers)
    if found is not None:
        return found
    marks = pattern(ctx)
    if marks is None:
        return False
    _declare_rows(ctx, marks)  # every row of the table at once: the rows after this one find theirs in their memo
    found = memo.get("declared")
    if found is None:  # a row not among the table's facts (an empty row asked by itself)
        found = memo["declared"] = _declared_row(ctx, f, marks, _marked_texts(ctx))  # (`_declared`, its memo read)
    return found


def guessed(ctx: Context, ind: Indicator) -> str | None:
    """Where a marker stands that says no more than a guess — "年度指标值", "实际完成值" (inside words of a scored row)
    or "偏差原因" (alone) — or None: not marked, or `declared`."""
    marks = pattern(ctx)
    if marks is None or _declared(ctx, ctx.fact(ind), marks):
        return None
    for cell, where in ((ind.target, "年度指标值"), (ind.actual, "实际完成值"), (ind.deviation, "偏差原因")):
        if _has(ctx, cell.text, cell, marks):
            return where
    return None


def marked(ctx: Context, ind: Indicator) -> bool:
    """Declared, or a guess: enough to doubt a finding, never to make one certain."""
    return declared(ctx, ind) or guessed(ctx, ind) is not None


def not_applicable_rows(ctx: Context) -> list[Indicator]:
    """The rows T05 rescales the 总分 over (`declared`): T02 names them rather than calling their blank 得分 unfilled
    (review14h), the summary's 总分重算 leaves them out as T05 does. None where the profile turns T05 off: no
    rescaling is then asked, and T02 and the summary add every row as before. Once per evaluation (T02, T05, I03, I05
    and the summary ask it)."""
    return ctx.once(("not_applicable_rows", id(ctx.ev)), lambda: _rows(ctx))


def target_not_applicable(ctx: Context, ind: Indicator) -> bool:
    """`ind` is one of T05's 不适用 rows and its 年度指标值 says so ("不适用" │ %): no figure is owed there — I03's
    "定量指标值不是数值" (an 错误) and I05's "没有数字" were false on a row the 填报说明 lets a form mark 不适用 (review15)."""
    marks = pattern(ctx)
    if marks is None or not _has(ctx, ctx.fact(ind).target_text, ind.target, marks):
        return False
    return any(row is ind for row in not_applicable_rows(ctx))


def _rows(ctx: Context) -> list[Indicator]:
    t05, settings = spec("T05"), ctx.profile.check("T05")
    marks = pattern(ctx)
    if marks is None or not (t05.enabled and settings.enabled):
        return []
    _declare_rows(ctx, marks)
    return [f.ind for f in ctx.facts() if f.memo["declared"]]


def _declare_rows(ctx: Context, marks: re.Pattern[str]) -> None:
    """Each row's `_declared` answer kept with its facts, in one pass once a table and run: D01 asks every row
    (`declared_of`), T02/T05 and the summary take the rows declared (`_rows`), the S-checks ask again (`marked`) — one
    pass, not a call through the run's caches (`pattern`, `_marked_texts`) a row and ask (issue 14)."""
    ctx.once(("T05 declared", id(ctx.evaluation)), lambda: _declare_each(ctx, marks))


def _declare_each(ctx: Context, marks: re.Pattern[str]) -> bool:
    held = _marked_texts(ctx)
    for f in ctx.facts():
        memo = f.memo
        if "declared" not in memo:
            memo["declared"] = _declared_row(ctx, f, marks, held)
    return True


#: The punctuation around a marker (and a bracketed note), read past when asking whether a cell is it.
_MARKER_PUNCT = "。.，,；;：:、-—/ "
#: Words a cell may put before its marker and still say no more than it ("本项不适用", "该指标不涉及", "本年度不适用").
_MARKER_LEAD = 4
_BRACKETED = lazy_compile(r"[（(][^（()）]*[）)]")


def _declared(ctx: Context, f: RowFacts, marks: re.Pattern[str]) -> bool:
    """A cell that is a marker ("不适用", "本项不涉及", "N/A（本年未发生）"), or a marker anywhere in the target or actual
    of a row left unscored. A marker inside words of a scored row is a target or a note, not the row's 不适用:
    "不涉及违规使用资金", "100%（不适用人员已清退）" — T05 took such rows out and asked a 总分 rescaled over the others (a
    警告 on a right total, review15). On the facts' texts: one pass over 10,000 rows reads no cell property."""
    memo = f.memo  # once a row and run: D01/D02 (`declared`), S-checks and W04 (`marked`, `guessed`) ask again
    found: bool | None = memo.get("declared")
    if found is None:
        found = memo["declared"] = _declared_row(ctx, f, marks, _marked_texts(ctx))
    return found


def _declared_row(ctx: Context, f: RowFacts, marks: re.Pattern[str], held: dict[str, bool]) -> bool:
    # neither text holds a marker (most rows): no cell is one, whatever `_has`'s error test says — the by-text answers
    # (`held`: `_marked_texts`) read here once, without two calls a row
    target, actual = f.target_text, f.actual_text
    in_target = held.get(target)
    if in_target is None:
        in_target = _marked(held, target, marks)
    if not in_target:
        in_actual = held.get(actual)
        if in_actual is None:
            in_actual = _marked(held, actual, marks)
        if not in_actual:
            return False
    ind = f.ind
    cells = [(t, c) for t, c in ((f.target_text, ind.target), (f.actual_text, ind.actual)) if _has(ctx, t, c, marks)]
    if not cells:
        return False
    for text, _ in cells:
        bare = _BRACKETED.sub("", compact(text)).strip(_MARKER_PUNCT)
        m = marks.search(bare)
        if m is not None and m.end() == len(bare) and m.start() <= _MARKER_LEAD:
            return True
    return f.score_blank


def _has(ctx: Context, text: str, cell: CellValue, marks: re.Pattern[str]) -> bool:
    """A marker in the cell's text (each cell searched on its own: no marker made of one cell's end and the next's
    start); an error value ("#N/A") is no text — asked only on a hit, errors being rare."""
    held = _marked_texts(ctx)
    found = held.get(text)
    if found is None:
        found = _marked(held, text, marks)
    return found and not ctx.is_error(cell)


def _marked_texts(ctx: Context) -> dict[str, bool]:
    """Whether each text asked holds one of the run's markers (`pattern`: one a run), by text."""
    return ctx.once("T05 marked texts", dict)


def _marked(held: dict[str, bool], text: str, marks: re.Pattern[str]) -> bool:
    """`text` holds a marker, compacted ("不 适 用"); kept in `held`."""
    found = held[text] = bool(text) and marks.search(compact(text)) is not None
    return found


def _pattern_of(ctx: Context) -> re.Pattern[str] | None:
    params = {**spec("T05").params, **ctx.profile.check("T05").params}
    markers = [m for m in (compact(str(m)) for m in params.get("markers", ())) if m]
    return re.compile("|".join(map(_marker_pattern, markers))) if markers else None


def _marker_pattern(marker: str) -> str:
    """A 不适用 marker as a pattern: Chinese as it stands, a Latin one (N/A, NA) in either case ("n/a", review15) and
    not inside a Latin word ("DNA", review14h)."""
    escaped = re.escape(marker)
    return rf"(?<![A-Za-z])(?i:{escaped})(?![A-Za-z])" if marker[:1].isascii() and marker[:1].isalpha() else escaped
