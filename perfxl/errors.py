"""Typed, explained errors: every failure a user can cause carries a code and zh/en messages."""

from __future__ import annotations

__all__ = ["PerfxlError", "UnreadableWorkbook", "ProfileError", "ParseError"]


class PerfxlError(Exception):
    """Base error: `code` is stable, `message` is Chinese for finance staff, `message_en` for logs.

    `path`, `sheet` and `cell` locate the problem when it has a place.
    """

    code = "PERFXL_ERROR"

    def __init__(
        self,
        message: str,
        message_en: str = "",
        *,
        code: str | None = None,
        path: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message
        if code:
            self.code = code
        self.path = path
        self.sheet = sheet
        self.cell = cell

    def where(self) -> str:
        """ "file › sheet › cell" with whatever parts are known."""
        return " › ".join(p for p in (self.path, self.sheet, self.cell) if p)

    def __str__(self) -> str:
        place = self.where()
        return f"{place}: {self.message}" if place else self.message

    def to_dict(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "message": self.message,
            "message_en": self.message_en,
            "path": self.path,
            "sheet": self.sheet,
            "cell": self.cell,
        }


class UnreadableWorkbook(PerfxlError):
    """The file cannot be opened as a workbook (corrupt, encrypted, wrong format, too large…)."""

    code = "FILE_UNREADABLE"


class ProfileError(PerfxlError):
    """A profile file is missing, malformed, or has an unknown or mistyped key."""

    code = "PROFILE_INVALID"


class ParseError(PerfxlError):
    """User text that cannot be understood where a value is required (e.g. a unit mismatch)."""

    code = "VALUE_UNPARSEABLE"
