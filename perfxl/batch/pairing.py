"""Report ⇄ workbook of one unit: when a folder of the inbox holds exactly one workbook and one report
document, the report's narrative is checked against the workbook's tables with the narrative checks
(N01–N05), as one more entry of the batch ("报告与工作簿核对").

The entry is named by a path that exists nowhere — the folder plus "报告与工作簿核对：<report> ⇄
<workbook>" — so it travels through the batch like a file (a Job, a cache record keyed by the
members' contents, a row, findings.jsonl lines, an HTML report) and the worker can rebuild it from the
path alone. A folder holding reports and workbooks but not exactly one of each is not paired; its
entry carries one 提示 saying why (财预〔2020〕10号: the report and its tables must agree — which
pair belongs together is not guessed).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from perfxl.document.read import is_document, read_document
from perfxl.errors import PerfxlError
from perfxl.model import Coverage, Finding, Severity, SheetCoverage, Submission, TextRef
from perfxl.reader import read_submission
from perfxl.result import PAIR_KIND, FileResult, Summary
from perfxl.rules import run_checks, selected
from perfxl.rules.context import Context
from perfxl.validate import _profile, _year

from .cache import sha256_file
from .discover import DOCUMENT_SUFFIXES, WORKBOOK_SUFFIXES, Discovered, Discovery, _order
from .worker import REPORTS_DIR, _internal_error, _reason, _write_report, load_config, record_from_result, timed

if TYPE_CHECKING:
    from perfxl.profiles import Profile, ProfileLike

__all__ = [
    "PAIR_KIND",
    "PAIR_MARK",
    "NARRATIVE_CODES",
    "pair_entries",
    "with_pairs",
    "pair_members",
    "is_pair_path",
    "entry_sha256",
    "check_pair",
    "check_pair_job",
]

#: The kind (类型 column) and the name prefix of a pairing entry.
PAIR_MARK = PAIR_KIND  # (defined in perfxl.result, where the reports read it)
_PREFIX = PAIR_MARK + "："
_SEP = " ⇄ "
#: The checks a pairing runs: the narrative's checks, the workbook's tables standing in for the report's.
NARRATIVE_CODES: tuple[str, ...] = ("N01", "N02", "N03", "N04", "N05")
_DIGEST_VERSION = b"perfxl-pair/1\n"


def _is_report(path: Path) -> bool:
    return is_document(path)


def _is_workbook(path: Path) -> bool:
    return path.name.lower().endswith(WORKBOOK_SUFFIXES)


def pair_entries(files: Iterable[Discovered]) -> list[Discovered]:
    """One entry per folder holding at least one report and one workbook (directly, not in a subfolder):
    paired when it holds exactly one of each, else an entry that says why it was not paired."""
    folders: dict[Path, tuple[list[Discovered], list[Discovered]]] = {}
    for item in files:
        if is_pair_path(item.path):
            continue
        reports, workbooks = folders.setdefault(item.path.parent, ([], []))
        if _is_report(item.path):
            reports.append(item)
        elif _is_workbook(item.path):
            workbooks.append(item)
    entries = []
    for folder, (reports, workbooks) in folders.items():
        if not reports or not workbooks:
            continue
        members = sorted(reports, key=lambda i: i.path.name) + sorted(workbooks, key=lambda i: i.path.name)
        path = folder / (_PREFIX + _SEP.join(m.path.name for m in members))
        shown = Path(members[0].name).parent
        if len(reports) == 1 and len(workbooks) == 1:
            label = _PREFIX + f"{reports[0].path.name}{_SEP}{workbooks[0].path.name}"
        else:
            label = _PREFIX + f"未配对（{len(workbooks)} 个工作簿、{len(reports)} 份报告）"
        entries.append(Discovered(path, (shown / label).as_posix()))
    return entries


def with_pairs(found: Discovery) -> Discovery:
    """`found` plus its pairing entries, all in path order (an entry sorts among its folder's files)."""
    found.files = sorted([*found.files, *pair_entries(found.files)], key=_order)
    return found


def is_pair_path(path: str | os.PathLike[str]) -> bool:
    """True for a pairing entry's path (a real file of that name stays a file)."""
    return Path(path).name.startswith(_PREFIX) and not os.path.lexists(path)


def pair_members(path: str | os.PathLike[str]) -> tuple[list[Path], list[Path]] | None:
    """(reports, workbooks) named by a pairing entry's path; None for any other path."""
    if not is_pair_path(path):
        return None
    p = Path(path)
    names = p.name[len(_PREFIX) :].split(_SEP)
    members = [p.parent / n for n in names]
    return [m for m in members if _is_report(m)], [m for m in members if not _is_report(m)]


def entry_sha256(item: Discovered) -> str:
    """The cache key of an entry's content: the file's sha256, or for a pairing entry a digest of its
    members' names and contents (so changing either file re-checks the pair); "" when unreadable."""
    members = pair_members(item.path)
    if members is None:
        return sha256_file(item.path)
    digest = hashlib.sha256(_DIGEST_VERSION)
    for member in (*members[0], *members[1]):
        sha = sha256_file(member)
        if not sha:
            return ""
        digest.update(f"{member.name}\0{sha}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# ------------------------------------------------------------------ the check itself (in a worker)


def _note(code: str, zh: str, en: str, basis: str = "", basis_en: str = "") -> Finding:
    return Finding(code, Severity.INFO, None, zh, en, basis=basis or zh, basis_en=basis_en or basis or en)


def _result(path: str, findings: list[Finding], **fields: Any) -> FileResult:
    return FileResult(
        path=path, ok=True, findings=tuple(findings), summary=Summary.of(findings), kind=PAIR_KIND, **fields
    )


def _names(paths: list[Path], limit: int = 8) -> str:
    shown = "、".join(p.name for p in paths[:limit])
    return shown + (f" 等 {len(paths)} 个" if len(paths) > limit else "")


def _paired(f: Finding, report: Path, workbook: Path) -> Finding:
    """A narrative finding restated as a report-vs-workbook one: which file the text and the cells are in."""
    where = f"正文见报告 {report.name}，表格见工作簿 {workbook.name}"
    return dataclasses.replace(
        f,
        message=f"{PAIR_MARK}：{f.message}（{where}）",
        message_en=f"Report vs workbook: {f.message_en} (text: {report.name}; tables: {workbook.name})",
        basis=f"{f.basis}；{where}" if f.basis else where,
        basis_en=f"{f.basis_en}; text from {report.name}, tables from {workbook.name}",
    )


def _narrative_findings(sub: Submission, prof: Profile, select: Any, ignore: Any) -> list[Finding]:
    """The narrative checks (N01–N05) of `sub`, at its paragraphs only (the 年度总体目标 cells' own arithmetic
    belongs to the workbook's or report's own entry)."""
    found = run_checks(sub, prof, select=NARRATIVE_CODES, ignore=ignore, context=Context(sub, prof))
    return [f for f in found if isinstance(f.ref, TextRef) and selected(f.code, select=select, ignore=ignore)]


def _key(f: Finding) -> tuple[Any, ...]:
    return (f.code, getattr(f.ref, "paragraph", None), f.actual, f.expected)


def check_pair(
    path: str | os.PathLike[str], profile: ProfileLike = None, *, select: Any = None, ignore: Any = None
) -> FileResult:
    """The pairing entry at `path`: its report's narrative checked against its workbook's tables (N01–N05),
    findings at the report's paragraphs with the workbook's cells in `related`; never raises for bad input."""
    text = os.fspath(path)
    members = pair_members(text)
    if members is None:
        raise ValueError(f"not a pairing entry: {text}")
    reports, workbooks = members
    if len(reports) != 1 or len(workbooks) != 1:
        zh = (
            f"未将报告与工作簿配对核对：文件夹 {Path(text).parent.name or Path(text).parent} 中有 "
            f"{len(workbooks)} 个工作簿（{_names(workbooks)}）和 {len(reports)} 份报告（{_names(reports)}），"
            "无法确定哪份报告对应哪个工作簿；请每个单位一个文件夹，各放一个工作簿和一份报告"
        )
        en = (
            f"report and workbook not paired: the folder holds {len(workbooks)} workbooks and {len(reports)} "
            "reports, so which belongs to which is not known"
        )
        # the basis says what was read and why no pairing follows from it, not the message again (polish13)
        basis = (
            f"读取：文件夹 {Path(text).parent} 中直接存放的文件——工作簿（扩展名 {'/'.join(WORKBOOK_SUFFIXES)}）："
            f"{_names(workbooks) or '无'}；报告（扩展名 {'/'.join(DOCUMENT_SUFFIXES)}）：{_names(reports) or '无'}。"
            "perfxl 只在一个文件夹中恰好有一个工作簿和一份报告时按文件夹配对，不按文件名猜测对应关系"
        )
        basis_en = (
            f"read: the files directly in {Path(text).parent} — workbooks: {', '.join(p.name for p in workbooks)}; "
            f"reports: {', '.join(p.name for p in reports)}; perfxl pairs a folder only when it holds exactly one "
            "of each and does not guess pairs from file names"
        )
        return _result(text, [_note("PAIR_AMBIGUOUS", zh, en, basis, basis_en)])
    [report], [workbook] = reports, workbooks
    try:
        prof = _profile(profile)
    except PerfxlError as exc:
        return FileResult(path=text, ok=False, error=exc.to_dict(), kind=PAIR_KIND)
    try:
        book = read_submission(workbook, prof)
        doc = read_document(report, prof)
    except Exception as exc:
        reason = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        return _result(
            text,
            [
                _note(
                    "PAIR_NOT_CHECKED",
                    f"未核对报告与工作簿：{reason}（详见该文件自己的检查结果）",
                    f"report and workbook not compared: {exc}",
                )
            ],
        )
    notes = []
    if not doc.narrative:
        notes.append(
            _note(
                "PAIR_NOT_CHECKED",
                f"未核对：报告 {report.name} 中没有读到正文段落",
                f"not compared: no narrative paragraphs in {report.name}",
            )
        )
    if not book.evaluations and book.basic is None and not book.declarations:
        # a workbook of targets alone (a 目标表/申报表) still holds the figures a narrative's targets are held to
        notes.append(
            _note(
                "PAIR_NOT_CHECKED",
                f"未核对：工作簿 {workbook.name} 中没有读到自评表、基础数据表或绩效目标表",
                f"not compared: no 自评表, 基础数据表 or 目标表 in {workbook.name}",
            )
        )
    sub = dataclasses.replace(book, path=str(report), narrative=doc.narrative, problems=())
    findings = list(notes)
    if not notes:
        found = _narrative_findings(sub, prof, select, ignore)
        # what the report's own tables already say at the same paragraph (same figures) is the report's
        # own entry's finding: the pair lists only what the workbook adds
        own = {_key(f) for f in _narrative_findings(doc, prof, select, ignore)} if doc.evaluations else set()
        findings = [_paired(f, report, workbook) for f in found if _key(f) not in own]
        repeated = len(found) - len(findings)
        if repeated:
            findings.append(
                _note(
                    "PAIR_REPEATED",
                    f"另有 {repeated} 处与报告自身表格的核对结果相同（见报告 {report.name} 的检查结果），不重复列出",
                    f"{repeated} more findings are the same against the report's own tables; not repeated",
                )
            )
    narrative = SheetCoverage(
        "正文", "narrative", True, True, note_zh=f"报告 {report.name} 的正文", note_en=f"narrative of {report.name}"
    )
    coverage = Coverage(
        f"{doc.coverage.source_format or report.suffix.lstrip('.')}+"
        f"{book.coverage.source_format or workbook.suffix.lstrip('.')}",
        (narrative, *book.coverage.sheets),
        book.coverage.tables,
    )
    evs = book.evaluations
    return _result(
        text,
        findings,
        unit_name=next((ev.unit_name for ev in evs if ev.unit_name), ""),
        year=_year(book),
        coverage=coverage,
    )


def check_pair_job(job: Any, config: Any) -> dict[str, Any]:
    """The batch work unit of a pairing entry (perfxl.batch.worker.check_job hands it over): the record
    and the HTML report, like a file's; no annotated copy (the report's own entry has one)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    profile = load_config(config).profile  # a loaded Profile (or, with a test's stand-in validator, its name)
    try:
        result = check_pair(job.path, profile, select=config.select, ignore=config.ignore)
    except Exception as exc:
        result = _internal_error(job.path, exc)
    record = record_from_result(result, job)
    if config.reports:
        rel = f"{REPORTS_DIR}/{job.stem}.html"
        try:
            _write_report(result, Path(config.outdir) / rel, config.profile)
            record["report"] = rel
        except Exception as exc:
            record["notes"].append(f"未生成 HTML 报告：{_reason(exc)}")
    return timed(record, started, cpu_started)
