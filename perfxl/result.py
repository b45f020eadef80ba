"""The result of checking one file: the unit every report, batch run and macro consumes."""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal

from .model import Coverage, Finding, Severity
from .records import record

__all__ = ["FileResult", "Summary", "SectionScore", "PAIR_KIND"]

#: The `kind` of a report-and-workbook pairing entry (perfxl.batch.pairing): no file of its own, so reports count
#: and title it apart from the files.
PAIR_KIND = "报告与工作簿核对"


@record(frozen=True, slots=True)
class Summary:
    """Counts by severity and the scores, reported (as typed in the file) and recomputed by perfxl."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    score_reported: Decimal | None = None
    score_computed: Decimal | None = None
    grade: str | None = None  # grade of the recomputed total (优/良/中/差)

    @classmethod
    def of(cls, findings: list[Finding] | tuple[Finding, ...], **scores) -> Summary:
        count = dict.fromkeys(("error", "warning", "info"), 0)
        for f in findings:  # (by `_value_`: an enum member as a key hashes by a Python call)
            count[f.severity._value_] += 1
        return cls(count["error"], count["warning"], count["info"], **scores)


@record(frozen=True, slots=True)
class SectionScore:
    """Reported vs recomputed score of one 一级指标 (or the 预算执行率 line), for report charts.

    `name` is the 一级指标 name ("产出指标"); `weight` the weight its rows hold; `sheet` the 自评表.
    """

    name: str
    weight: Decimal | None = None
    score_reported: Decimal | None = None
    score_computed: Decimal | None = None
    sheet: str = ""


@record(frozen=True, slots=True)
class FileResult:
    """One file checked: either `ok` with findings, or not ok with a typed `error` (unreadable).

    `unit_name`, `year` and `kind` describe the submission for reviewers' summaries.
    """

    path: str
    ok: bool
    findings: tuple[Finding, ...] = ()
    summary: Summary = field(default_factory=Summary)
    error: dict[str, str | None] | None = None  # PerfxlError.to_dict() when not ok
    unit_name: str = ""
    year: str = ""
    kind: str = ""
    sha256: str = ""
    coverage: Coverage = field(default_factory=Coverage)  # what was read, sheet kinds, checks that could not run
    warnings: tuple[str, ...] = ()  # notes about the file itself (e.g. drawings openpyxl cannot keep)
    sections: tuple[SectionScore, ...] = ()  # per 一级指标 reported vs recomputed scores (HTML chart)

    @classmethod
    def unreadable(cls, path: str, code: str, message: str, message_en: str) -> FileResult:
        """A file that could not be checked at all, with its typed error (the PerfxlError.to_dict() shape)."""
        error: dict[str, str | None] = {
            "code": code,
            "message": message,
            "message_en": message_en,
            "path": path,
            "sheet": None,
            "cell": None,
        }
        return cls(path=path, ok=False, error=error)

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)
