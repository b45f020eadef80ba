"""LibreOffice recalculates the generated workbooks and gets the cached values perfxl wrote.

For each workbook: (1) every PERF_SCORE cell caches what perfxl's `score_indicator` gives for its
inputs; (2) a copy with the PERF_* cells frozen to those cached values (and no cached values for
any other formula, as openpyxl writes them) is recalculated by LibreOffice headless, and every
native formula's result must equal the value perfxl cached in the original.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import WORKBOOKS
from openpyxl import load_workbook

from perfxl.numbers import to_decimal
from perfxl.scoring import score_indicator
from perfxl.workbook.recalc import convert_many
from perfxl.workbook.seed import seed_content
from perfxl.workbook.synthetic import synthetic_content
from perfxl.workbook.template import TEMPLATE_SHAPE
from perfxl.workbook.variants import write_submission
from perfxl.workbook.writer import write_content

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"),
]

FLOAT_NOISE = 1e-9  # binary floating point only: Excel/LibreOffice compute in doubles, perfxl in Decimal
_PERF = re.compile(r"PERF_SCORE\(([^,]+),([^,]+),([^)]+)\)", re.I)


def _same(a, b) -> bool:
    a = None if a == "" else a
    b = None if b == "" else b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= FLOAT_NOISE
    return a == b


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    """{name: (original path, LibreOffice-recalculated frozen copy)} for the generated workbooks."""
    work = tmp_path_factory.mktemp("lo")
    sources = {"standard": WORKBOOKS / "perfxl-standard.xlsx"}
    sources["seed_template"] = write_content(work / "seed_template.xlsx", seed_content(), TEMPLATE_SHAPE).path
    for seed in (3, 11):
        content = synthetic_content(seed, projects=2, department=True, basic=True, errors=0)
        sources[f"synthetic_{seed}"] = write_content(work / f"synthetic_{seed}.xlsx", content, TEMPLATE_SHAPE).path
    sources["seed_sample"] = write_submission(work / "seed_sample.xlsx", seed_content(), "sample").path
    frozen = []
    for name, src in sources.items():
        wb = load_workbook(src)
        cached = load_workbook(src, data_only=True)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f" and "PERF_" in str(cell.value).upper():
                        cell.value = cached[ws.title][cell.coordinate].value
        path = work / "frozen" / f"{name}.xlsx"
        path.parent.mkdir(exist_ok=True)
        wb.save(path)
        frozen.append(path)
    outs = convert_many(frozen, "xlsx", work / "out")
    return {name: (src, out) for (name, src), out in zip(sources.items(), outs, strict=True)}


NAMES = ["standard", "seed_template", "synthetic_3", "synthetic_11", "seed_sample"]


@pytest.mark.parametrize("name", NAMES)
def test_native_formulas_recalculate_to_the_cached_values(recalculated, name):
    src, out = recalculated[name]
    formulas = load_workbook(src)
    cached = load_workbook(src, data_only=True)
    lo = load_workbook(out, data_only=True)
    checked, mismatches = 0, []
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f" or "PERF_" in str(cell.value).upper():
                    continue
                mine = cached[ws.title][cell.coordinate].value
                theirs = lo[ws.title][cell.coordinate].value
                checked += 1
                if not _same(mine, theirs):
                    mismatches.append(
                        f"{ws.title}!{cell.coordinate} {cell.value}: perfxl {mine!r}, LibreOffice {theirs!r}"
                    )
    assert checked >= (1 if name == "seed_sample" else 10)  # a sample only sums its check column
    assert mismatches == []


@pytest.mark.parametrize("name", NAMES)
def test_perf_cells_cache_perfxl_scores(recalculated, name):
    src, _ = recalculated[name]
    formulas = load_workbook(src)
    cached = load_workbook(src, data_only=True)
    seen = 0
    for ws in formulas.worksheets:
        values = cached[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                m = _PERF.search(str(cell.value)) if cell.data_type == "f" else None
                if not m:
                    continue
                target = "".join(_text(values[ref].value) for ref in m.group(1).split("&"))
                actual, weight = values[m.group(2)].value, values[m.group(3)].value
                got = values[cell.coordinate].value
                if not target or actual in (None, ""):
                    assert got in ("", None), f"{ws.title}!{cell.coordinate}"
                    continue
                seen += 1
                expected = score_indicator(target, actual, weight).score
                assert to_decimal(got) == expected, f"{ws.title}!{cell.coordinate}: {got!r} vs {expected}"
    assert seen > 0 or name == "standard"


def test_the_standard_file_was_really_recalculated(recalculated):
    """LibreOffice's copy holds values openpyxl never wrote (the frozen copy has none)."""
    _, out = recalculated["seed_template"]
    ws = load_workbook(out, data_only=True)["部门整体支出绩效自评表"]
    assert ws["G4"].value == 100  # =ROUND(E4/D4*100,2) with 2223.04 / 2223.04
    assert Path(out).stat().st_size > 0
