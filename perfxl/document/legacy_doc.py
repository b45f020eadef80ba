"""Old binary Word .doc: converted to .docx by headless LibreOffice when `soffice` is installed (own
throw-away profile, time limit, the input only read), then read as a .docx; without LibreOffice a clear
message asks for 另存为 .docx. Locations (paragraph numbers, 表1…) are those of the converted document.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..errors import PerfxlError, UnreadableWorkbook
from ..io.libreoffice import SofficeMemoryError, convert_many, soffice_path
from ..limits import Limits
from .docx_reader import read_docx
from .guarded import guard_document
from .source import DocumentSource

__all__ = ["read_doc", "CONVERT_TIMEOUT"]

CONVERT_TIMEOUT = 120  # seconds for one conversion


def _refuse(path: Path, why_zh: str, why_en: str) -> UnreadableWorkbook:
    return UnreadableWorkbook(
        f"旧版 Word .doc 文件{why_zh}；请用 Word 或 WPS 打开后“另存为” .docx 再提交",
        f"old binary Word .doc {why_en}; save it as .docx",
        code="DOC_LEGACY_FORMAT",
        path=str(path),
    )


def read_doc(path: str | Path, limits: Any = None, *, checked: bool = False) -> DocumentSource:
    """Read a .doc through a LibreOffice conversion to .docx (UnreadableWorkbook when that is impossible)."""
    src = Path(path)
    if not checked:
        guard_document(src, limits)
    if soffice_path() is None:
        raise _refuse(src, "无法直接读取（本机未安装 LibreOffice，无法自动转换）", "cannot be read without LibreOffice")
    cap = limits or Limits.from_env()  # LibreOffice's address space (max_soffice_bytes): an untrusted file
    with tempfile.TemporaryDirectory(prefix="perfxl-doc-") as tmp:
        work = Path(tmp)
        copy = work / "report.doc"
        shutil.copyfile(src, copy)
        try:
            [converted] = convert_many(
                [copy], "docx", work / "out", timeout=CONVERT_TIMEOUT, max_memory=cap.max_soffice_bytes
            )
        except SofficeMemoryError:
            mb = f"{cap.max_soffice_bytes / (1 << 20):,.0f} MB"
            raise _refuse(
                src,
                f"无法自动转换（LibreOffice 转换时异常终止，可能是内存超过上限 {mb}；"
                "如确需转换，可设置环境变量 PERFXL_MAX_SOFFICE_BYTES 提高上限）",
                f"could not be converted (LibreOffice ended abnormally, possibly at its memory cap of {mb}: "
                "raise it with PERFXL_MAX_SOFFICE_BYTES)",
            ) from None
        except PerfxlError:
            raise _refuse(
                src,
                "无法自动转换（转换失败、超时或文件已损坏）",
                "could not be converted (failed, timed out or damaged)",
            ) from None
        source = read_docx(converted, limits)
    source.path = str(src)
    source.source_format = "doc"
    return source
