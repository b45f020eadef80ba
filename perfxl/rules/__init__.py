"""The check catalogue and its runner: every rule of domain-rules.md §6 that the model can check.

`run_checks(submission, profile)` runs each enabled check of the catalogue (settings from the
profile's `[checks.CODE]` tables) and collects all findings; one failing check never stops the others.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from perfxl.collector import collector_paused
from perfxl.errors import ProfileError
from perfxl.model import WEIGHTS_IN_LABELS, CellRef, Certainty, Finding, SelfEvaluation, Severity, Submission
from perfxl.profiles import Profile
from perfxl.skips import NEEDS_INDICATOR_COLUMN, skipped_for

# importing the check modules registers their checks (breakdown: F09, declared: P01)
from . import (  # noqa: F401
    arrival,
    basic,
    breakdown,
    cells,
    components,
    cost,
    declared,
    deviations,
    funds,
    funds_blocks,
    goals,
    indicators,
    money_units,
    narrative,
    overview,
    scores,
    split_score,
    table_sums,
    totals,
    weights,
    weights_as_targets,
)
from .catalogue import CATALOGUE, NOT_CHECKABLE, CheckSpec, implementation, implemented, implemented_specs, spec
from .context import Context

__all__ = [
    "CATALOGUE",
    "NOT_CHECKABLE",
    "CheckSpec",
    "Context",
    "run_checks",
    "selected",
    "spec",
    "implemented_specs",
    "check_profile",
]

#: (profile name, id of its data) → the data checked; kept so its id cannot be reused by another profile's data (a
#: profile built on the fly with the same name) while the entry lives — that one's typos would go unreported.
_CHECKED: dict[tuple[str, int], Any] = {}


def check_profile(profile: Profile) -> None:
    """ProfileError for a `[checks.CODE]` table naming an unknown code or an unknown parameter (typos)."""
    key = (profile.name, id(profile.data))
    if _CHECKED.get(key) is profile.data:
        return
    where = profile.files[0] if getattr(profile, "files", None) else profile.name
    for code, table in (profile.get("checks", {}) or {}).items():
        try:
            s = spec(code)
        except KeyError:
            raise ProfileError(
                f"配置文件 {where} 的键 checks.{code}：没有这个检查代码（见 perfxl rules）",
                f"profile {where}, key checks.{code}: unknown check code",
                path=str(where),
                cell=f"checks.{code}",
            ) from None
        names = [*table, *(table.get("params") or {})] if isinstance(table.get("params"), dict) else list(table)
        for name in names:
            if name not in ("params",) and name not in ("enabled", "severity", "source") and name not in s.params:
                known = ", ".join(["enabled", "severity", *s.params]) or "enabled, severity"
                raise ProfileError(
                    f"配置文件 {where} 的键 checks.{code}.{name}：未知参数（可用：{known}）",
                    f"profile {where}, key checks.{code}.{name}: unknown parameter (known: {known})",
                    path=str(where),
                    cell=f"checks.{code}.{name}",
                )
    if len(_CHECKED) > 64:  # profiles made on the fly (tests, the server): keep it small
        _CHECKED.clear()
    _CHECKED[key] = profile.data


def _tokens(codes: Iterable[str] | str | None) -> list[str]:
    if codes is None:
        return []
    if isinstance(codes, str):
        codes = [codes]
    out: list[str] = []
    for item in codes:
        out += [t.strip().upper() for t in str(item).split(",") if t.strip()]
    return out


def _matches(code: str, name: str, rule_id: str, tokens: list[str]) -> bool:
    """A code is picked by its exact code, a prefix ("F", "S0"), its name or its rule id ("R-F04")."""
    code, name, rule_id = code.upper(), name.upper(), rule_id.upper()
    return any(code.startswith(t) or t in (name, rule_id) for t in tokens)


def selected(
    code: str, *, select: Iterable[str] | str | None = None, ignore: Iterable[str] | str | None = None
) -> bool:
    """True when `code` passes the --select/--ignore filters (codes, prefixes, names or rule ids)."""
    try:
        s = spec(code)
        name, rule_id = s.name, s.rule_id
    except KeyError:
        name, rule_id = code, code
    sel, ign = _tokens(select), _tokens(ignore)
    if sel and not _matches(code, name, rule_id, sel):
        return False
    return not (ign and _matches(code, name, rule_id, ign))


def run_checks(
    submission: Submission,
    profile: Profile,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    context: Context | None = None,
) -> list[Finding]:
    """All findings of the enabled, selected checks over `submission`, in catalogue order.

    `context` (a `Context(submission, profile)`) lets the caller reuse its per-cell caches afterwards.
    """
    check_profile(profile)
    with collector_paused():
        return _run(submission, profile, select, ignore, context)


def _run(
    submission: Submission,
    profile: Profile,
    select: Iterable[str] | str | None,
    ignore: Iterable[str] | str | None,
    context: Context | None,
) -> list[Finding]:
    ctx = context if context is not None else Context(submission, profile)
    ctx.unit_doubts = {}
    findings: list[Finding] = []
    not_applicable = _sheet_wide_skips(submission)
    # each table's own skips, worked out once per table (the table kept beside its id, so no id is reused)
    own: dict[int, tuple[Any, frozenset[str]]] = {}
    plan = _plan(profile, select, ignore)
    ctx.planned = frozenset(s.code for s, _, _ in plan)  # a check leaving a finding to another asks if it runs
    # The dispatch is ≈ 160 check × table calls a batch file (batch19, batch22): a table's skips are read inline (no
    # closure call), and the unit-doubt and label-weight passes run only for a check that found something — the same
    # calls in the same order as running `_doubted_units` and `_weights_from_labels` on every call (tests/test_batch22.py).
    for s, params, severity in plan:
        code = s.code
        ctx.spec = s
        func = implementation(code)
        assert func is not None  # implemented_specs() lists only codes that have an implementation
        ctx.params = dict(params)
        ctx.severity = severity
        for target in _targets(s, submission):
            if not_applicable and (code, getattr(target, "sheet", None)) in not_applicable:
                continue
            hit = own.get(id(target))
            if hit is None or hit[0] is not target:
                hit = own[id(target)] = (target, _table_skips(target, submission))
            if code in hit[1]:
                continue  # the reader found the table lacks a column this check needs (coverage.skipped)
            ctx.evaluation = target
            try:
                found = list(func(ctx))
                if found:
                    if ctx.unit_doubts:
                        found = _doubted_units(ctx, func, found)
                    findings.extend(_weights_from_labels(target, code, found))
            except Exception as exc:  # a bug in one check must not hide the others' findings
                findings.append(_crash(ctx, s, exc, target))
            if ctx.unit_doubts:  # (each check starts with none)
                ctx.unit_doubts = {}
    return _on_guessed_sheets(submission, findings)


#: Checks whose verdict rests on a row's 分值 (those a table without one cannot run).
_WEIGHT_CODES = frozenset(NEEDS_INDICATOR_COLUMN["weight"])


def _weights_from_labels(target: Any, code: str, found: list[Finding]) -> list[Finding]:
    """On a table whose weights stand in its 三级 names ("目标 内容 (4分)", no 分值 column), a finding resting on a weight
    says where it was read (its certainty unchanged: the label is the form's own statement of the item's points)."""
    if not found or code not in _WEIGHT_CODES or not isinstance(target, SelfEvaluation):
        return found
    if WEIGHTS_IN_LABELS not in target.columns:
        return found
    zh = "表中没有分值列，各三级指标的分值取自其名称中标注的分值（如“(4分)”）"
    en = 'the table has no weight column: each indicator\'s weight is the one its name states ("(4分)")'
    return [_resting_on(f, f.certainty, zh, en) for f in found]


def _table_skips(target: Any, submission: Submission) -> frozenset[str]:
    """The checks a 自评表 cannot run for want of a column (`perfxl.skips.skipped_for`): that table's own, never its
    sheet's — a second table on the sheet without 分值 (湖北 广水/随州: the 项目绩效 part after the scored 项目决策/项目管理
    part) no longer silences S06 on the first."""
    if not isinstance(target, SelfEvaluation) or target.kind in ("declaration", "monitoring"):
        return frozenset()
    return frozenset(k.code for k in skipped_for(target, submission.evaluations))


def _sheet_wide_skips(submission: Submission) -> set[tuple[str, str | None]]:
    """(code, sheet) of the checks skipped for a whole sheet (a guessed fragment's whole-table checks); the per-table
    entries of `coverage.skipped` are asked of each table by `_table_skips`."""
    per_table = {k for ev in submission.evaluations for k in skipped_for(ev, submission.evaluations)}
    return {(k.code, k.sheet) for k in submission.coverage.skipped if k not in per_table}


def _doubted_units(ctx: Context, func: Any, found: list[Finding]) -> list[Finding]:
    """A check that found something and left unit doubts — funds cells stating their own money unit ("1252500元" under
    资金情况(万元)): its findings read in the cell's unit (it wins), and once more in the header's. A finding both
    readings give stands; one only the cell's unit gives rests on which unit the filer meant — a 警告 at most, its basis
    stating both readings."""
    doubts = dict(ctx.unit_doubts)
    ctx.bare_units = True
    try:
        # certain by the header's reading too: the same cell, and no weaker there (a last-place 警告 by the header's
        # unit is no support for an 错误 the cell's unit alone gives)
        bare = {(f.code, f.ref) for f in func(ctx) if f.certainty is Certainty.CERTAIN}
    finally:
        ctx.bare_units = False
    zh = "；".join(d[0] for d in doubts.values())
    en = "; ".join(d[1] for d in doubts.values())
    return [
        f
        if (f.code, f.ref) in bare or f.certainty is not Certainty.CERTAIN
        else _resting_on(f, Certainty.JUDGEMENT, zh, en)
        for f in found
    ]


def _on_guessed_sheets(submission: Submission, findings: list[Finding]) -> list[Finding]:
    """Findings on a sheet whose reading was guessed (`SheetCoverage.certain` False: a headerless fragment read by its
    contents) rest on that guess: each is a 警告 at most, its basis saying so (model.Finding caps a GUESS)."""
    guessed = {s.sheet: s for s in submission.coverage.sheets if not s.certain and s.read and s.kind != "other"}
    if not guessed:
        return findings
    sheets = [guessed.get(f.sheet or "") for f in findings]
    return [
        f
        if sheet is None or f.certainty is Certainty.GUESS or _stage_free(submission, f, sheet.note_zh)
        else _resting_on(f, Certainty.GUESS, sheet.note_zh, sheet.note_en)
        for f, sheet in zip(findings, sheets, strict=True)
    ]


#: Checks holding a “三公”经费 table's columns to each other with the base its headers state (B19: 增减额 = later −
#: earlier year): they do not rest on whether the years are 预算 or 决算 (`BasicData.guess`, 衢江 2016 — review18c).
_STAGE_FREE = frozenset({"B19"})


def _stage_free(submission: Submission, f: Finding, note: str) -> bool:
    """`f` is a stage-free check's on the 三公 table whose only guess is the stage of its year columns."""
    data = submission.basic
    return (
        f.code in _STAGE_FREE
        and data is not None
        and data.sheet == f.sheet
        and bool(data.guess)
        and note.endswith("；" + data.guess)
    )


def _resting_on(f: Finding, certainty: Certainty, zh: str, en: str) -> Finding:
    """`f` resting on more than the cells (the unit the filer meant, a guessed sheet): that `certainty` and its basis
    extended by why (`zh`/`en`); model.Finding then caps its severity."""
    return dataclasses.replace(
        f,
        certainty=certainty,
        basis=f"{f.basis}；{zh}" if f.basis else zh,
        basis_en=f"{f.basis_en}; {en}" if f.basis_en else en,
    )


#: (profile name, id of its data, select, ignore, implemented codes) → (the data, the plan); the data is
#: kept so its id cannot be reused by another profile while the entry lives.
_PLANS: dict[tuple[Any, ...], tuple[Any, list[tuple[CheckSpec, dict[str, Any], Severity]]]] = {}


def _plan(
    profile: Profile, select: Iterable[str] | str | None, ignore: Iterable[str] | str | None
) -> list[tuple[CheckSpec, dict[str, Any], Severity]]:
    """The enabled, selected checks in catalogue order with their parameters and severity, worked out
    once per profile and filters (a batch worker checks every file with the same ones)."""
    sel, ign = tuple(_tokens(select)), tuple(_tokens(ignore))
    specs, codes = implemented()
    key = (profile.name, id(profile.data), sel, ign, codes)
    kept = _PLANS.get(key)
    if kept is not None and kept[0] is profile.data:
        return kept[1]
    plan = []
    for s in specs:
        settings = profile.check(s.code)
        explicit = profile.get(f"checks.{s.code}.enabled")
        if not (s.enabled if explicit is None else bool(explicit)):
            continue
        if not selected(s.code, select=sel, ignore=ign):
            continue
        severity = Severity(settings.severity) if settings.severity else s.severity
        plan.append((s, {**s.params, **settings.params}, severity))
    if len(_PLANS) > 64:  # profiles made on the fly (tests, the server): keep the cache small
        _PLANS.clear()
    _PLANS[key] = (profile.data, plan)
    return plan


def _targets(s: CheckSpec, submission: Submission) -> list[Any]:
    if s.scope == "evaluation":
        return list(submission.evaluations)
    if s.scope == "targets":
        return [*submission.evaluations, *submission.declarations]
    if s.scope == "funds":  # every table with a funds block: 自评表, 申报表, 执行监控表 (review round 14)
        tables = [*submission.evaluations, *submission.declarations, *submission.monitoring]
        if s.code in _EVERY_FUNDS_BLOCK:  # a table's further funds blocks (one per fund, 彭水 2024): checked alike
            tables += [dataclasses.replace(t, funds=b, funds_more=()) for t in tables for b in t.funds_more]
        return tables
    if s.scope == "basic":
        return [None] if submission.basic is not None else []
    if s.scope == "tables":  # the tables read for their own sums only (功能分类表, 收支总表 …)
        return list(submission.sum_tables)
    return [None]


#: Checks that judge one funds block by its own cells (sources add up, no overspending, the rate): run on every block.
_EVERY_FUNDS_BLOCK = frozenset({"F02", "F03", "F04"})


def _crash(ctx: Context, s: CheckSpec, exc: Exception, target: Any) -> Finding:
    crash = spec("X01")
    sheet = getattr(target, "sheet", None) or (ctx.submission.basic.sheet if ctx.submission.basic else "")
    zh, en = crash.render({"check": s.code, "error": f"{type(exc).__name__}: {exc}"})
    return Finding(
        crash.code, crash.severity, CellRef(sheet, "A1") if sheet else None, zh, en, None, None, ctx.submission.path
    )
