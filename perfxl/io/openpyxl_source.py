"""Formula text through openpyxl (read-only), loaded only when a file needs it."""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import UnreadableWorkbook

__all__ = ["read_formulas"]

_OPENPYXL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")


def read_formulas(path: Path, sheets: list[str]) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet name → {(r, c) 0-based: "=FORMULA"} for the named sheets."""
    # lazy: openpyxl (~200 ms) only when formulas or styles are read, not the validate cold start
    import openpyxl

    try:
        # openpyxl refuses a name not ending .xlsx/.xlsm ("单位.xls" holding an .xlsx): then it gets the bytes
        source = path if Path(path).suffix.lower() in _OPENPYXL_SUFFIXES else io.BytesIO(Path(path).read_bytes())
        book = openpyxl.load_workbook(source, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise UnreadableWorkbook(
            # openpyxl's English words stay in the English text (docs14)
            f"无法读取工作簿“{Path(path).name}”中的公式（文件可能已损坏）；请用 Excel 打开该文件，另存为 .xlsx 后重新提交",
            f"Cannot read the workbook's formulas: {type(exc).__name__}: {exc}"[:300],
            path=str(path),
        ) from exc
    out: dict[str, dict[tuple[int, int], str]] = {}
    try:
        for name in sheets:
            if name not in book.sheetnames:
                continue
            ws = book[name]
            found: dict[tuple[int, int], str] = {}
            for row in ws.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value.startswith("=")):
                        text = value if isinstance(value, str) else getattr(value, "text", None)
                        if text and cell.row is not None and cell.column is not None:
                            found[(cell.row - 1, cell.column - 1)] = text if text.startswith("=") else "=" + text
            out[name] = found
    finally:
        book.close()
    return out
