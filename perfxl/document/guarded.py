"""The one place report documents pass the input guard (perfxl.io.guard.inspect_file) before
python-docx or pdfplumber sees them: size and emptiness, ZIP bombs and unsafe XML for .docx, the PDF
stream pre-scan for .pdf, and the content's real kind (a .docx that is really a PDF is read as a PDF).

This module only calls the guard's API; the checks themselves live in perfxl/io/guard*.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import UnreadableWorkbook
from ..io import guard

__all__ = ["guard_document", "DOCUMENT_KINDS"]

DOCUMENT_KINDS = ("docx", "pdf", "doc")


def guard_document(path: str | Path, limits: Any = None) -> Any:
    """The guard's report on `path` when it is a report document ("docx", "pdf" or "doc" in
    `report.kind.value`); UnreadableWorkbook (code + zh/en message naming the file) otherwise."""
    p = Path(path)
    try:
        report = guard.inspect_file(p, limits)
    except ModuleNotFoundError as exc:  # a guard module still missing in this tree: say so, never skip the guard
        raise UnreadableWorkbook(
            f"输入检查组件缺失（{exc.name}），为安全起见不读取此文件",
            f"the input guard module {exc.name} is missing; file not read",
            code="GUARD_MISSING",
            path=str(p),
        ) from None
    kind = getattr(report.kind, "value", str(report.kind))
    if kind in DOCUMENT_KINDS:
        return report
    raise guard.unreadable(
        "NOT_A_DOCUMENT",
        f"文件扩展名是 {p.suffix}，但内容是{getattr(report.kind, 'zh', kind)}，不是 Word 或 PDF 报告；请按实际格式命名后再提交",
        f"the file is named {p.suffix} but holds {kind}, not a Word or PDF report",
        p,
    )
