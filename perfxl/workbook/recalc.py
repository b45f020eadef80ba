"""LibreOffice conversions of built workbooks: .xlsx → .xls, and recalculation of every formula on load
(through perfxl.io.libreoffice, the one way perfxl runs soffice).
"""

from __future__ import annotations

from pathlib import Path

from perfxl.io import libreoffice
from perfxl.io.libreoffice import soffice_path

__all__ = ["soffice_path", "convert", "convert_many", "recalculate"]


def convert_many(srcs: list[Path], fmt: str, outdir: Path, *, recalc: bool = True) -> list[Path]:
    """Convert several built workbooks in one LibreOffice run, recalculating their formulas by default."""
    return libreoffice.convert_many(srcs, fmt, outdir, recalc=recalc)


def convert(src: Path, fmt: str, outdir: Path, *, recalc: bool = True) -> Path:
    """Convert `src` to `fmt` ("xls", "xlsx") in `outdir` with LibreOffice; returns the new file."""
    return convert_many([src], fmt, outdir, recalc=recalc)[0]


def recalculate(src: Path, outdir: Path) -> Path:
    """A copy of `src` (.xlsx) whose cached values LibreOffice has recomputed."""
    return convert(src, "xlsx", outdir, recalc=True)
