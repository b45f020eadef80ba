"""The one place report documents pass the input guard (perfxl.io.guard) before python-docx or
pdfplumber sees them: size and emptiness, ZIP bombs and unsafe XML for .docx, the PDF pre-scan.

This module only calls the guard's API; the checks themselves live in perfxl/io/guard*.py.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..errors import UnreadableWorkbook

__all__ = ["guard_document", "DOCUMENT_KINDS"]

DOCUMENT_KINDS = ("docx", "pdf", "doc")


def _file_checks(p: Path, limits: Any) -> None:
    """The guard's file-level checks (missing, directory, empty, too large); its format verdict is
    ignored here, since a report document is, by design, not a workbook."""
    from ..io.guard import inspect_file

    try:
        inspect_file(p, limits)
    except UnreadableWorkbook as exc:
        if exc.code not in ("NOT_A_WORKBOOK", "OLE_CORRUPT", "WORKBOOK_NO_SHEETS", "XLS_CORRUPT", "SHARED_STRINGS_INVALID"):
            raise


def guard_document(path: str | Path, kind: str, limits: Any = None) -> None:
    """Raise UnreadableWorkbook (code + zh/en message naming the file) when `path` must not be opened
    as a `kind` document ("docx", "pdf" or "doc")."""
    from ..io import guard

    p = Path(path)
    limits = limits or guard.Limits.from_env()
    special = getattr(guard, "inspect_document", None)  # the guard's own document verdict, when it has one
    if special is not None:
        special(p, limits)
        return
    _file_checks(p, limits)
    if kind == "docx":
        _guard_docx(p, limits)
    elif kind == "pdf":
        with p.open("rb") as fh:
            head = fh.read(1024)
        if b"%PDF" not in head:
            raise guard.unreadable("NOT_A_PDF", "文件扩展名是 .pdf，但内容不是 PDF 文档", "the file is named .pdf but is not a PDF", p)


def _guard_docx(p: Path, limits: Any) -> None:
    """ZIP directory (sizes, ratios, overlaps) and XML prologues (no DTD/ENTITY), before any inflation."""
    from ..io import guard
    from ..io.guard_zip import CORRUPT_ERRORS, _check_directory, _check_prologues

    try:
        zf = zipfile.ZipFile(p)
    except zipfile.BadZipFile:
        raise guard.unreadable("ZIP_TRUNCATED", "文件不完整或不是 Word 文档 (.docx)，请重新获取原文件",
                               "not a .docx, or a truncated one (no ZIP central directory)", p) from None
    except CORRUPT_ERRORS as exc:
        raise guard.unreadable("ZIP_CORRUPT", "文件已损坏，无法作为 Word 文档读取", f"corrupt ZIP ({exc})", p) from None
    with zf:
        try:
            _check_directory(zf, p, p.stat().st_size, limits)
            if "word/document.xml" not in zf.NameToInfo:
                raise guard.unreadable("NOT_A_DOCX", "文件扩展名是 .docx，但其中没有 Word 正文 (word/document.xml)",
                                       "the file is named .docx but holds no word/document.xml", p)
            _check_prologues(zf, p)
        except CORRUPT_ERRORS as exc:
            raise guard.unreadable("ZIP_CORRUPT", "文件已损坏，无法作为 Word 文档读取", f"corrupt ZIP ({exc})", p) from None
