"""Report-document speed (not a test): a .docx read and checked vs python-docx's bare load of the same
file (target ≤ 3×), and the PDF reader per page and against poppler's `pdftotext`.

    .venv/bin/python bench/bench_document.py   → prints and writes bench/results/document.txt
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path


def best(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    import docx

    from perfxl.validate import validate_file
    from perfxl.workbook.report_docx import build_report_docx, export_pdf, soffice

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        path = build_report_docx(Path(tmp) / "report.docx").path
        validate_file(path)  # warm imports and profile cache
        bare = best(lambda: docx.Document(str(path)))
        full = best(lambda: validate_file(path))
        lines.append(f"docx bare python-docx load: {bare * 1000:.1f} ms")
        lines.append(
            f"docx read + all checks (validate_file): {full * 1000:.1f} ms  ratio {full / bare:.2f}x (target <= 3x)"
        )
        if soffice() and shutil.which("pdftotext"):
            pdf = export_pdf(path, tmp)
            import pdfplumber

            with pdfplumber.open(str(pdf)) as doc:
                pages = len(doc.pages)
            validate_file(pdf)
            ours = best(lambda: validate_file(pdf), 3)
            poppler = best(
                lambda: subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True), 3
            )
            lines.append(
                f"pdf ({pages} pages) read + all checks: {ours * 1000:.1f} ms = {ours / pages * 1000:.1f} ms/page; "
                f"pdftotext {poppler * 1000:.1f} ms; ratio {ours / poppler:.1f}x"
            )
    text = "\n".join(lines)
    print(text)
    out = Path(__file__).resolve().parent / "results" / "document.txt"
    out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
