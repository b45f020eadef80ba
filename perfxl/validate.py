"""Validate a submission or a file: run the rule catalogue under a profile and summarise the result.

`validate_submission` returns every finding (reader problems first, then the checks); `validate_file`
never raises for bad input — an unreadable file or profile becomes `FileResult(ok=False, error=…)`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from .collector import collector_paused
from .errors import PerfxlError
from .model import CellRef, Finding, SelfEvaluation, Submission
from .numbers import to_decimal
from .profiles import Profile, ProfileLike, load_profile, resolve_profile
from .reader import read_submission
from .result import FileResult, SectionScore, Summary
from .rules import check_profile, run_checks, selected
from .rules.catalogue import spec
from .rules.context import Context
from .rules.funds import computed_rate
from .rules.not_applicable import not_applicable_rows
from .rules.totals import rescaled_total, results_line
from .rules.weights import ABSENT_LEVEL1_ZH, CUT_SHORT_ZH, WeightedTotal, weighted_total
from .scoring import execution_score, grade, total_score

__all__ = ["validate_submission", "validate_file", "recompute_scores"]

_YEAR = re.compile(r"(20\d{2})\s*年")


def _profile(profile: ProfileLike) -> Profile:
    """The loaded profile, its `[checks.*]` tables checked against the catalogue (ProfileError on a typo)."""
    prof = load_profile(profile)
    check_profile(prof)
    return prof


def validate_submission(
    sub: Submission,
    profile: ProfileLike = None,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    context: Context | None = None,
) -> list[Finding]:
    """All findings for `sub`: what the reader could not map, then each enabled check of the catalogue.

    `context` (a `perfxl.rules.context.Context(sub, profile)`) keeps the parsed cells and scores for reuse.
    """
    prof = _profile(profile)
    problems = [f for f in sub.problems if selected(f.code, select=select, ignore=ignore)]
    found = run_checks(sub, prof, select=select, ignore=ignore, context=context)
    notes = _told_once(problems, found)  # (may fold a finding of `found` into a note)
    return notes + found


def _told_once(problems: list[Finding], found: list[Finding]) -> list[Finding]:
    """The reader's notes, each LAYOUT_MISSING_TOTAL told once with what rests on it (issue 11: one cause, one finding).
    Where W03 reports the table cut short, its finding says there is no 总分 row and names the sums the rows shown fall
    short of: the note is left to it. Else a W05 whose labels fall short where the table stops before a 一级 every
    10号 table has (`ABSENT_LEVEL1_ZH`) is folded into the note's basis (`found` loses it). A finding belongs to the nearest missing-total note above it on its sheet
    (the note stands at the table's header, the findings under it)."""
    notes = [f for f in problems if f.code == "LAYOUT_MISSING_TOTAL" and isinstance(f.ref, CellRef)]
    if not notes:
        return problems

    def note_of(f: Finding) -> Finding | None:
        ref = f.ref
        if not isinstance(ref, CellRef):
            return None
        above = [n for n in notes if isinstance(n.ref, CellRef) and n.ref.sheet == ref.sheet and n.ref.row <= ref.row]
        return max(above, key=lambda n: n.ref.row if isinstance(n.ref, CellRef) else 0) if above else None

    told = {id(n) for f in found if f.code == "W03" and f.message.startswith(CUT_SHORT_ZH) and (n := note_of(f))}
    folded: dict[int, list[Finding]] = {}
    for f in found:
        if f.code == "W05" and ABSENT_LEVEL1_ZH in f.basis and _short(f) and (n := note_of(f)) and id(n) not in told:
            folded.setdefault(id(n), []).append(f)
    for gone in folded.values():
        for f in gone:
            found.remove(f)
    out: list[Finding] = []
    for n in problems:
        if id(n) in told:
            continue
        more = folded.get(id(n), [])
        if more:
            zh = "；".join(f"{f.cell}：{f.message}（所列部分）" for f in more)
            en = "; ".join(f"{f.cell}: {f.message_en} (the part shown)" for f in more)
            n = replace(n, basis=f"{n.basis}；{zh}", basis_en=f"{n.basis_en}; {en}")
        out.append(n)
    return out


def _short(f: Finding) -> bool:
    """A sum finding whose figure read falls short of the one required (40 of 100): what a table cut short shows."""
    got, want = to_decimal(f.actual), to_decimal(f.expected)
    return got is not None and want is not None and got < want


def recompute_scores(
    ev: SelfEvaluation,
    profile: ProfileLike,
    context: Context | None = None,
) -> tuple[Decimal | None, list[SectionScore]]:
    """perfxl's own 总分 of one 自评表 and per-section (预算执行率 + each 一级指标) reported vs recomputed.

    `context`: the rules' Context of the same profile, whose cached cells and indicator scores are reused.
    """
    ctx = context if context is not None else Context(Submission(path=""), resolve_profile(profile))
    ctx.evaluation = ev
    sections: list[SectionScore] = []
    parts: list[Decimal] = []
    rate = None
    total = ev.funds.total if ev.funds is not None else None
    if total is not None:
        weight = ctx.number(total.weight)
        executed, budget = ctx.number(total.executed), ctx.number(total.full_budget)
        budget_score = None
        if executed is not None and budget is not None:
            rate = computed_rate(ctx, total)
            budget_score = execution_score(executed, budget, weight, profile).score
        parts.append(budget_score if budget_score is not None else (ctx.number(total.score) or Decimal(0)))
        sections.append(SectionScore("预算执行率", weight, ctx.number(total.score), budget_score, ev.sheet))
    groups = ctx.groups()
    computed: dict[int, Decimal] = {}
    reported: dict[int, Decimal] = {}
    # each 一级's sums of its rows' computed 得分, typed 得分 and 分值, added in row order as `sum(…, Decimal(0))` adds
    # them, in the one pass that reads each row's score and facts once (a second pass per 一级 asked every row's facts
    # again, `tests/test_perf19.py`)
    sums: list[tuple[Decimal, Decimal | None, Decimal | None]] = []
    # (each row's typed 得分 and 分值 as its facts hold them: `Context.number` of the cells)
    facts_of, score = ctx.facts_of, ctx.score
    zero = Decimal(0)
    for _, rows in groups:
        own_sum, typed_sum, weight_sum = zero, None, None
        for ind, f in zip(rows, facts_of(rows)):  # noqa: B905 (`facts_of` gives one a row, in order)
            result = score(ind)
            typed = f.score
            value = result.score if result is not None and result.score is not None else typed
            key = id(ind)
            computed[key] = value = value or zero
            own_sum = own_sum + value
            if typed is not None:
                reported[key] = typed
                typed_sum = (zero if typed_sum is None else typed_sum) + typed
            w = f.weight
            if w is not None:
                weight_sum = (zero if weight_sum is None else weight_sum) + w
        sums.append((own_sum, typed_sum, weight_sum))
    # 一级 权重 scaling rows of 100 (吉林, `weighted_levels`): each section and the total taken under that reading — also
    # where one 一级 slipped off 100 ("some"), as T02 takes it: the rows' plain sum (up to 300) is no 总分 there either,
    # and T02's and W02/W03's 警告 state the inferred reading (gaps14: the summary showed 306 under T02's 103.75)
    # the 不适用 rows T05 leaves out (`not_applicable_rows`): a weighted 一级 counts out of its other rows' 分值, the
    # total is T05's rescaled one (`rescaled_total`) — not the plain sum, which they pull down (填报说明: 按比例折算)
    na = not_applicable_rows(ctx)
    excluded = frozenset(id(i) for i in na)
    weighted = _weighted(ctx, computed, excluded)
    weighted_reported = _weighted(ctx, reported, excluded)
    for (heading, _), (own, typed, weight) in zip(groups, sums, strict=True):
        if (
            weighted is not None
            and weighted_reported is not None
            and heading is not None
            and id(heading) in weighted.points
        ):
            weight, own = heading.declared_weight, weighted.points[id(heading)]
            typed = weighted_reported.points[id(heading)] if typed is not None else None
        parts.append(own)
        name = (heading.name or heading.label.text) if heading is not None else "其他指标"
        sections.append(SectionScore(name, weight, typed, own, ev.sheet))
    if not parts:
        return None, sections
    if na:
        part = (parts[0], ctx.number(total.weight)) if total is not None else (Decimal(0), None)
        rescaled = rescaled_total(ctx, na, computed, part)
        if rescaled is not None:  # else every row of a 一级 (or of the table) does not apply: nothing to rescale by
            return total_score([rescaled], profile, rate), sections
    return total_score(parts, profile, rate), sections


def _weighted(ctx: Context, scores: dict[int, Decimal], excluded: frozenset[int]) -> WeightedTotal | None:
    """`weighted_total` under "some" too, the 不适用 rows `excluded` — or kept where a 一级 would have none left (T05
    reports that as coverage; the summary shows the unrescaled reading rather than none)."""
    rescaled = weighted_total(ctx, scores, some=True, excluded=excluded) if excluded else None
    return rescaled if rescaled is not None else weighted_total(ctx, scores, some=True)


def _summary(
    sub: Submission,
    findings: list[Finding],
    profile: Profile,
    context: Context | None = None,
) -> tuple[Summary, tuple[SectionScore, ...]]:
    ev = sub.evaluations[0] if sub.evaluations else None
    if ev is None:
        return Summary.of(findings), ()
    reported = to_decimal(ev.total_score.raw) if ev.total_score is not None else None
    computed, sections = recompute_scores(ev, profile, context)
    label = grade(computed, profile) if computed is not None else None
    return Summary.of(findings, score_reported=reported, score_computed=computed, grade=label), tuple(sections)


def _year(sub: Submission) -> str:
    texts = [ev.title.text for ev in sub.evaluations if ev.title is not None]
    texts += [ev.sheet for ev in sub.evaluations]
    if sub.basic is not None:
        texts += [*sub.basic.years, sub.basic.sheet]
    for text in texts:
        m = _YEAR.search(text or "")
        if m:
            return m.group(1)
    return ""


def _sha256_maker() -> Callable[[], Any]:
    """The standard library's own SHA-256, which `hashlib` falls back to without OpenSSL: the same digest, without
    loading OpenSSL's libcrypto at every `perfxl validate` (≈ 13 M instructions, 220 page faults, 3.7 MB; perf25a)."""
    for name in ("_sha256", "_sha2"):  # Python 3.11; 3.12+
        try:
            return cast(Callable[[], Any], importlib.import_module(name).sha256)
        except (ImportError, AttributeError):
            continue
    import hashlib  # a build without them: OpenSSL's

    return hashlib.sha256


_new_sha256 = _sha256_maker()


def _sha256(path: Path) -> str:
    digest = _new_sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def validate_file(
    path: str | Path,
    profile: ProfileLike = None,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    sha256: str | None = None,
) -> FileResult:
    """Read and validate one workbook; never raises for bad input (unreadable file or profile → ok=False).

    `sha256`: the file's digest when the caller has it already (a batch's parent hashes every file to look it up in
    its cache, and the batch's records carry that digest): the file is not read a second time to hash it.

    The cyclic collector is paused throughout (see `collector_paused`): reading builds the long-lived grids
    and cells, and the checks ~10⁶ short-lived objects. The submission is dropped by reference counting before
    the collector resumes, so its first collection walks only the result, not every cell read (on 10,000
    indicator rows two such walks of the whole submission took ≈ 0.15 s)."""
    with collector_paused():
        return _validate_file(path, profile, select, ignore, sha256)


def _summary_crash(sub: Submission, exc: Exception) -> Finding:
    """X01 for the total's recomputation (总分重算) failing internally: the findings stand, the recomputed score is missing
    and the finding says so (crash12: "1e999999999" in a score cell once escaped `validate_file` as a traceback)."""
    crash = spec("X01")
    zh, en = crash.render({"check": "总分重算", "error": f"{type(exc).__name__}: {exc}"})
    return Finding(crash.code, crash.severity, None, zh, en, None, None, sub.path)


def _validate_file(
    path: str | Path,
    profile: ProfileLike,
    select: Iterable[str] | str | None,
    ignore: Iterable[str] | str | None,
    sha256: str | None = None,
) -> FileResult:
    text = str(path)
    try:
        prof = _profile(profile)
        sha = sha256 if sha256 is not None else _sha256(Path(path)) if Path(path).is_file() else ""
        sub = read_submission(path, prof)
    except PerfxlError as exc:
        if exc.path is None:
            exc.path = text
        return FileResult(path=text, ok=False, error=exc.to_dict())
    except OSError as exc:
        return FileResult.unreadable(
            text,
            "FILE_UNREADABLE",
            f"无法读取文件：{exc.strerror or exc}",
            f"cannot read the file: {exc}",
        )
    except Exception as exc:  # a reader bug on a hostile file must not stop a batch
        return FileResult.unreadable(
            text,
            "INTERNAL_ERROR",
            f"读取文件时出错（{type(exc).__name__}: {exc}），请报告此问题",
            f"internal error while reading ({type(exc).__name__}: {exc})",
        )
    ctx = Context(sub, prof)  # one cache of parsed cells and indicator scores for the checks and the summary
    findings = validate_submission(sub, prof, select=select, ignore=ignore, context=ctx)
    try:
        summary, sections = _summary(sub, findings, prof, ctx)
    except Exception as exc:  # the score recomputation, like every check, must not turn a verdict into a traceback
        findings = [*findings, _summary_crash(sub, exc)]
        summary, sections = Summary.of(findings), ()
    coverage = replace(sub.coverage, skipped=sub.coverage.skipped + tuple(ctx.skipped))
    evs = sub.evaluations
    kinds = sorted({ev.kind for ev in evs})
    return FileResult(
        path=text,
        ok=True,
        findings=tuple(findings),
        summary=summary,
        # a results list's lines name projects, not the unit: its head said "单位：<the first line's project>" (gaps13)
        unit_name=next((ev.unit_name for ev in evs if ev.unit_name and not results_line(ev)), ""),
        year=_year(sub),
        kind="+".join(kinds) if kinds else ("department" if sub.basic is not None else ""),
        sha256=sha,
        sections=sections,
        coverage=coverage,
    )
