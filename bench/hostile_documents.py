"""Time `perfxl validate` end to end on hostile report documents at n and 2n: the ratio of the two CPU times (≈ 2 linear,
≈ 4 quadratic) and the peak memory. A script-level table for docs/bad-inputs.md (sec24a, session 24) — no test times
anything.

    PYTHONPATH=$PWD .venv/bin/python bench/hostile_documents.py [KIND ...] [--scale S] [--pdf] [--keep DIR]

Each .docx is built by the project's own writer (tests/test_document_realreport.build_docx, python-docx), its tables
given Word's Table Grid borders as the published 自评表 are (`--unruled`: without, as build_docx writes them — a PDF keeps
a table's grid only in its rules, so the PDF reads such a table as unruled text, coverage, never guessed); `--pdf` also
exports it to a text-layer PDF by LibreOffice and times that; the PDF kinds (`spanning-cell`) are written as PDFs
directly (tests/badinput/builders). Each run is a child process under /usr/bin/time -v
(CPU = user + sys, so a loaded machine does not skew the ratio; peak RSS) with a 600 s timeout.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from badinput import builders
from test_document_pdf_parity import lay_out
from test_document_realreport import _build_docx, serialize_part_xml, with_document_xml

from perfxl.workbook.shape import STANDARD

TIMEOUT = 600

_HEAD = [
    ["项目名称", "某某项目", "", "", "", "", "", "", ""],
    ["项目资金 (万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
    ["", "年度资金总额", "100", "100", "90", "10", "90%", "9", ""],
    # the 绩效指标 header row in the standard workbook's own words (perfxl.workbook.shape.STANDARD)
    [STANDARD[k] for k in ("block", "level1", "level2", "name", "target", "actual", "weight", "score", "deviation")],
]


def _paragraphs(n: int) -> dict:
    """n short paragraphs, each a figure or two."""
    return {"paragraphs": [f"第{i}项收入{i % 97 + 1}万元，比上年增长1.{i % 10}%。" for i in range(n)]}


_FIGURES_LENGTH = 27


def _figures(count: int) -> list[str]:
    """`count` clauses of a change and a level, their numbers varied (a repeated text is refused as a ZIP bomb: over
    200× compressed)."""
    return [f"收入支出总计比上年增长{i % 97}.{i % 7}%，支出{i * 37 % 9973}.{i % 89:02d}万元，" for i in range(count)]


#: Paragraphs within the reading bound (`Limits.max_text_chars`, `max_text_figures`: longer ones are left unread, as coverage).
_PER_PARAGRAPH = 100


def _chunks(texts: list[str], size: int = _PER_PARAGRAPH) -> list[str]:
    return ["".join(texts[i : i + size]) for i in range(0, len(texts), size)]


def _one_paragraph(n: int) -> dict:
    """One paragraph of about n characters of changes and levels (beyond the reading bound: left unread)."""
    return {"paragraphs": ["本单位2024年度收入支出总计307.82万元。" + "".join(_figures(n // _FIGURES_LENGTH))]}


def _figure_paragraphs(n: int) -> dict:
    """About n characters of changes and levels, in paragraphs of 80 (320 figures: each read)."""
    return {"paragraphs": _chunks(["本单位2024年度收入支出总计307.82万元。", *_figures(n // _FIGURES_LENGTH)], 80)}


def _grid(n: int) -> dict:
    """A table of n rows × 20 cells, every cell a figure."""
    rows = [[f"{(r * 20 + c) % 1000}.{c}" for c in range(20)] for r in range(n)]
    return {"paragraphs": ["附表"], "tables": [{"name": "表1", "rows": rows, "merges": []}]}


def _indicator_row(i: int) -> list[str]:
    return ["", "产出指标", "数量指标", f"第{i}类培训人数", f"≥{i % 90 + 10}人", f"{i % 90 + 12}人", "1", "1", ""]


def _stated(i: int) -> str:
    return f"第{i}类培训人数目标≥{i % 90 + 10}人，实际完成{i % 90 + 12}人；"


def _indicators(n: int) -> dict:
    """A narrative naming n indicators, each with a target and an actual (100 a paragraph)."""
    return {"paragraphs": ["项目绩效目标完成情况：", *_chunks([_stated(i) for i in range(n)])]}


def _table_and_narrative(n: int) -> dict:
    """A self-evaluation table of n indicator rows and a narrative of n figures stating them."""
    rows = _HEAD + [_indicator_row(i) for i in range(n)]
    return {
        "paragraphs": [
            "全年预算数为100万元，执行数为90万元，完成预算的90%。",
            *_chunks([_stated(i) for i in range(n)]),
        ],
        "tables": [{"name": "表1", "rows": rows, "merges": []}],
    }


def _table(n: int) -> dict:
    """A self-evaluation table of n indicator rows alone (its PDF: one ruled table over n / 30 pages, joined at each
    page break — sec25's measure of the PDF reader's table joins)."""
    return {**_table_and_narrative(n), "paragraphs": ["附表"]}


def _fuzzy_names(n: int) -> dict:
    """As `_table_and_narrative`, the narrative naming each indicator by other words (no exact match: each figure is
    scored against every row of its kind)."""
    fixture = _table_and_narrative(n)
    fixture["paragraphs"] = [p.replace("培训人数", "参训人员数") for p in fixture["paragraphs"]]
    return fixture


#: kind → (builder of n, n): timed at n and 2n.
KINDS: dict[str, tuple[Callable[[int], dict], int]] = {
    "paragraphs": (_paragraphs, 25_000),
    "one-paragraph": (_one_paragraph, 500_000),
    "figure-paragraphs": (_figure_paragraphs, 500_000),
    "grid": (_grid, 1_000),
    "indicators": (_indicators, 2_500),
    "table-narrative": (_table_and_narrative, 2_500),
    "table": (_table, 1_000),
    "fuzzy-names": (_fuzzy_names, 2_500),
}

#: kind → (writer of a PDF of n, n): a text PDF written directly (tests/badinput/builders), timed at n and 2n.
PDF_KINDS: dict[str, tuple[Callable[[Path, int], Path], int]] = {
    # a ruled table of n rows over n / 40 pages, its first column one cell merged down the whole table (sec26)
    "spanning-cell": (builders.ruled_table_pdf, 2_000),
}


def _run(path: Path, exe: Path) -> tuple[str, float, int, str]:
    """(status, CPU seconds, peak RSS in MB, the report's last line) of `perfxl validate PATH`."""
    cmd = ["/usr/bin/time", "-v", str(exe), "validate", str(path), "--format", "text"]
    try:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the CLI's own tree, not this one's
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, cwd=path.parent, env=env)
    except subprocess.TimeoutExpired:
        return "timeout", float(TIMEOUT), 0, ""
    stats = done.stderr
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", stats))
    rss = int(m.group(1)) // 1024 if (m := re.search(r"Maximum resident set size \(kbytes\): (\d+)", stats)) else 0
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    status = f"rc={done.returncode}"
    return status, cpu, rss, (lines[-1][:100] if lines else stats.splitlines()[0][:100])


def _pdf(docx: Path) -> Path | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        capture_output=True,
        timeout=1800,
        check=False,
    )
    pdf = docx.with_suffix(".pdf")
    return pdf if pdf.exists() else None


def _write_docx(fixture: dict, path: Path) -> None:
    """The .docx `build_docx` writes (python-docx), its paragraphs spliced in as XML: python-docx inserts each paragraph
    before the section properties by a walk over the body (quadratic: 25,000 paragraphs took 4 minutes to build)."""
    body = _build_docx({**fixture, "paragraphs": []})
    xml = serialize_part_xml(body.element)
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>' for t in fixture["paragraphs"]
    )
    at = xml.index(b"<w:body>") + len(b"<w:body>")
    path.write_bytes(with_document_xml(xml[:at] + paragraphs.encode() + xml[at:]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kinds", nargs="*", default=[*KINDS, *PDF_KINDS])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply each kind's n")
    ap.add_argument("--pdf", action="store_true", help="also time a LibreOffice export to PDF")
    ap.add_argument(
        "--unruled",
        action="store_true",
        help="tables without borders (build_docx's own): their PDF keeps no rules, read as unruled text (coverage)",
    )
    ap.add_argument("--keep", type=Path, help="build the files in this folder (kept)")
    ap.add_argument("--perfxl", type=Path, default=Path(sys.executable).parent / "perfxl", help="another tree's CLI")
    args = ap.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="hostile-docs-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{'kind':16} {'file':5} {'n':>9} {'MB':>6} {'status':7} {'CPU s':>7} {'RSS MB':>6}  ratio  last line")
    for kind in args.kinds:
        before: dict[str, float] = {}
        n0 = PDF_KINDS[kind][1] if kind in PDF_KINDS else KINDS[kind][1]
        for n in (int(n0 * args.scale), int(2 * n0 * args.scale)):
            start = time.perf_counter()
            if kind in PDF_KINDS:
                files = [PDF_KINDS[kind][0](work / f"{kind}-{n}.pdf", n)]
            else:
                docx = work / f"{kind}-{n}.docx"
                _write_docx(fixture := KINDS[kind][0](n), docx)
                if fixture.get("tables") and not args.unruled:
                    lay_out(docx, "ruled", fixture)  # Table Grid borders, as the 自评表 are printed (pdf24)
                files = [docx] + ([p] if args.pdf and (p := _pdf(docx)) is not None else [])
            built = time.perf_counter() - start
            for path in files:
                status, cpu, rss, last = _run(path, args.perfxl)
                kind_file = path.suffix[1:]
                ratio = f"{cpu / before[kind_file]:5.2f}" if before.get(kind_file) else "    -"
                before[kind_file] = cpu
                size = path.stat().st_size / 1e6
                print(f"{kind:16} {kind_file:5} {n:>9} {size:6.1f} {status:7} {cpu:7.2f} {rss:6}  {ratio}  {last}")
                print(f"{'':16} (built in {built:.1f} s)", file=sys.stderr)
            sys.stdout.flush()
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
