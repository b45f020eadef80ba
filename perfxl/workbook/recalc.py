"""LibreOffice headless conversions: .xlsx → .xls, and recalculation of every formula on load.

Each call uses a throw-away user profile (`-env:UserInstallation`) whose settings force Calc to
recalculate OOXML and ODF files when loading them, so the output's cached values are
LibreOffice's own results, not the ones perfxl wrote.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from perfxl.errors import PerfxlError

__all__ = ["soffice_path", "convert", "convert_many", "recalculate"]

_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

TIMEOUT_SECONDS = 180


def soffice_path() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(src: Path, fmt: str, outdir: Path, *, recalc: bool = True) -> Path:
    """Convert `src` to `fmt` ("xls", "xlsx") in `outdir` with LibreOffice; returns the new file."""
    return convert_many([src], fmt, outdir, recalc=recalc)[0]


def convert_many(srcs: list[Path], fmt: str, outdir: Path, *, recalc: bool = True) -> list[Path]:
    """Convert several files in one LibreOffice run (start-up dominates the cost)."""
    exe = soffice_path()
    if exe is None:
        raise PerfxlError(
            "未安装 LibreOffice（soffice），无法转换文件。",
            "LibreOffice (soffice) is not installed.",
            code="SOFFICE_MISSING",
            path=str(srcs[0]) if srcs else None,
        )
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="perfxl-lo-") as profile:
        user = Path(profile) / "user"
        user.mkdir()
        if recalc:
            (user / "registrymodifications.xcu").write_text(_RECALC_ALWAYS, encoding="utf-8")
        filt = {"xls": "xls:MS Excel 97", "xlsx": "xlsx:Calc MS Excel 2007 XML"}.get(fmt, fmt)
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            filt,
            "--outdir",
            str(outdir),
            *map(str, srcs),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    outs = [outdir / f"{src.stem}.{fmt}" for src in srcs]
    missing = [o for o in outs if not o.exists()]
    if proc.returncode != 0 or missing:
        raise PerfxlError(
            f"LibreOffice 转换失败：{proc.stderr.strip()[:200]}",
            f"LibreOffice conversion failed: {proc.stderr.strip()[:200]}",
            code="SOFFICE_FAILED",
            path=str(missing[0] if missing else srcs[0]),
        )
    return outs


def recalculate(src: Path, outdir: Path) -> Path:
    """A copy of `src` (.xlsx) whose cached values LibreOffice has recomputed."""
    return convert(src, "xlsx", outdir, recalc=True)
