"""The back-to-back measure of the PDF reader (sessions 21-22, issue 12): every real report fixture with two tables or
more, its tables printed back to back (the paragraphs between them left out, every table ruled, LibreOffice's export);
how many of the .docx's tables the PDF reader reads cell for cell as the .docx, and how many fixtures it reads as more
tables than the .docx. The PDFs are built once into a cache folder (argument, default /tmp/perfxl-b2b) and re-read.

    python bench/pdf_back_to_back.py [CACHE] [-v]
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_document_pdf_parity import back_to_back_docx
from test_document_realreport import REPORTS

from perfxl.document import read_source
from perfxl.io.libreoffice import convert_many


def _cells_of(path: Path) -> list[list[list[str]]]:
    return [[["".join(str(v or "").split()) for v in row] for row in g.rows] for g in read_source(path).grids]


def build(cache: Path) -> list[tuple[str, Path, Path]]:
    cache.mkdir(parents=True, exist_ok=True)
    todo, pairs = [], []
    for toml in sorted(REPORTS.glob("*.toml")):
        fixture = tomllib.loads(toml.read_text(encoding="utf-8"))
        tables = fixture.get("tables", [])
        if len(tables) < 2:
            continue
        docx_path = cache / f"{toml.stem}.docx"
        pdf_path = cache / "pdf" / f"{toml.stem}.pdf"
        if not pdf_path.exists():
            todo.append(back_to_back_docx(fixture, docx_path))
        pairs.append((toml.stem, docx_path, pdf_path))
    if todo:
        convert_many(todo, "pdf", cache / "pdf")
    return pairs


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    cache = Path(args[0]) if args else Path("/tmp/perfxl-b2b")
    same = total = more = 0
    for name, docx_path, pdf_path in build(cache):
        docx_cells, pdf_cells = _cells_of(docx_path), _cells_of(pdf_path)
        found = sum(1 for t in docx_cells if t in pdf_cells)
        same += found
        total += len(docx_cells)
        more += len(pdf_cells) > len(docx_cells)
        if verbose:
            print(f"{name}: {found}/{len(docx_cells)} as the .docx, pdf {len(pdf_cells)} tables")
    print(f"back to back: {same}/{total} tables as the .docx, {more} fixtures read as more tables")


if __name__ == "__main__":
    main(sys.argv[1:])
