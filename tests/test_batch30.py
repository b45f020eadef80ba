"""batch30: the reader's sheet scan without work repeated per cell or per file (issue 14, the 600-file batch).

- `uncached_formula_cells` looked at every cell of a sheet holding any formula (≈ 500 cells a bench file, ≈ 10 of them
  formulas); it now looks only at the cells holding `<f` (`source._cells_with_formula`), which gives exactly the cells
  the plain `_CELL` scan gives, for any bytes;
- the reader parsed xl/workbook.xml and its relationships again in every file (`ooxml.sheet_parts_of`) after the
  guard had parsed them: both now read a small part through one cache of pure readings by its bytes
  (`ooxml.part_reading`), and the styles part's number formats and quote prefixes are read once per distinct part.

The tests hold the new paths to the plain ones (real and generated workbooks, random and malformed XML) and show
the repeated work gone (they fail at main 45c3874e: the per-cell scan and the second parse are counted).
"""

from __future__ import annotations

import posixpath
import random
import sys
from pathlib import Path

import pytest
from defusedxml import ElementTree

from perfxl.io import ooxml, source
from perfxl.io.guard import inspect_file
from perfxl.io.ooxml import MAIN_NS, REL_NS, sheet_parts_of
from perfxl.io.sheet_flags import quoted_styles
from perfxl.io.shown_numbers import shown_styles
from perfxl.workbook.synthetic import synthetic_content
from perfxl.workbook.variants import write_submission

REALWORLD = Path(__file__).resolve().parent / "realworld"


def _plain_formula_cells(xml: bytes) -> list[tuple[bytes, bytes]]:
    return [(m[1], m[2]) for m in source._CELL.finditer(xml) if b"<f" in m[2]]


def _plain_sheet_parts(names, read) -> dict[str, str]:
    """`sheet_parts_of` as it was before batch30 (both parts parsed on every call)."""
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    workbook = ElementTree.fromstring(read("xl/workbook.xml"))
    rels = ElementTree.fromstring(read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = part
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{{{MAIN_NS}}}sheet"):
        sheet_part = targets.get(sheet.get(f"{{{REL_NS}}}id"))
        if sheet_part is not None and sheet_part in names and "/worksheets/" in f"/{sheet_part}":
            parts[sheet.get("name", "")] = sheet_part
    return parts


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> list[Path]:
    """Generated workbooks of every variant but .xls (openpyxl's uncached formulas among them) and every tenth real
    table rendered to .xlsx."""
    folder = tmp_path_factory.mktemp("batch30")
    paths = []
    for i, variant in enumerate(("standard", "openpyxl_uncached", "template", "money_units", "two_tables", "sample")):
        path = folder / f"{variant}.xlsx"
        write_submission(path, synthetic_content(3000 + i, projects=2, department=i % 2 == 0), variant=variant)
        paths.append(path)
    sys.path.insert(0, str(REALWORLD))
    from render import corpus_files, render

    return paths + [render(p, folder) for p in corpus_files()[::10]]


def _sheets(paths: list[Path]) -> list[bytes]:
    out = []
    for path in paths:
        report = inspect_file(path)
        out += [report.parts[p] for p in _plain_sheet_parts(report.members, report.parts.__getitem__).values()]
    return out


def test_formula_cells_are_the_plain_scans_on_real_and_generated_sheets(workbooks):
    sheets = _sheets(workbooks)
    assert len(sheets) > 30 and sum(b"<f" in x for x in sheets) > 5
    for xml in sheets:
        assert source._cells_with_formula(xml) == _plain_formula_cells(xml)
    uncached = [source.uncached_formula_cells(x) for x in sheets]
    assert any(uncached)  # (openpyxl's formulas have no cached value)


_PIECES = [
    b"<c",
    b'<c r="A1"',
    b' r="B2"',
    b' t="str"',
    b">",
    b"/>",
    b"</c>",
    b"</c",
    b"<f>",
    b"<f/>",
    b"</f>",
    b"<fo",
    b"<v>1</v>",
    b"<v></v>",
    b"<v/>",
    b'"',
    b"/",
    b"<",
    b"c",
    b" ",
    b"<row>",
    b"</row>",
    b"<is><t>x</t></is>",
    b"<cc>",
    b"\n",
]


def test_formula_cells_are_the_plain_scans_on_random_and_malformed_xml():
    """Any bytes: runs of cell, formula and value pieces, tags closed by a `</c>`'s `>`, stray `</c>`, self-closed
    cells, quotes — the same (attributes, body) pairs in the same order as the plain scan."""
    rng = random.Random(30)
    fallback = 0
    for _ in range(20000):
        xml = b"".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        assert source._cells_with_formula(xml) == _plain_formula_cells(xml), xml
        fallback += b"</c>" in xml and b"<f" in xml
    assert fallback > 1000
    # the cases the shortcut must hand to the plain scan: a `</c>` closing a start tag, a stray one after text
    for xml in (b'<c r="A1"</c><f>X</f></c>', b'<c r="A1">x</c><c r="B1"><f>1</f></c>', b'<c r="A1"><f/>a</c>'):
        assert source._cells_with_formula(xml) == _plain_formula_cells(xml)


def test_formula_cells_take_no_step_a_cell(monkeypatch):
    """A sheet of 2,000 cells and one uncached formula: the plain per-cell scan is not run (at main it was)."""
    cells = "".join(f'<c r="A{i}"><v>{i}</v></c>' for i in range(1, 2000))
    xml = f'<sheetData><row r="1">{cells}<c r="B1"><f>SUM(A1:A9)</f></c></row></sheetData>'.encode()

    class NoScan:
        def finditer(self, *_args):
            raise AssertionError("per-cell scan")

    monkeypatch.setattr(source, "_CELL", NoScan())
    assert source.uncached_formula_cells(xml) == {(0, 1)}


def test_the_workbook_parts_are_parsed_once_for_the_guard_and_the_reader(workbooks, monkeypatch):
    """The reader's sheet list equals the plain parse on every workbook; a second file from the same template parses
    neither workbook.xml nor its relationships again (the guard's reading and the reader's share one cache)."""
    for path in workbooks:
        report = inspect_file(path)
        read = report.parts.__getitem__
        assert sheet_parts_of(report.members, read) == _plain_sheet_parts(report.members, read)
    report = inspect_file(workbooks[0])
    sheet_parts_of(report.members, report.parts.__getitem__)
    parsed = []
    real = ElementTree.fromstring
    monkeypatch.setattr(ElementTree, "fromstring", lambda data, *a, **k: parsed.append(data) or real(data, *a, **k))
    again = sheet_parts_of(report.members, report.parts.__getitem__)
    assert again and parsed == []


def _workbook(sheets: list[tuple[str, str | None]]) -> bytes:
    items = "".join(f'<sheet name="{n}"' + (f' r:id="{r}"' if r else "") + "/>" for n, r in sheets)
    return f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{items}</sheets></workbook>'.encode()


def _rels(rels: list[tuple[str | None, str]]) -> bytes:
    items = "".join("<Relationship" + (f' Id="{i}"' if i else "") + f' Target="{t}"/>' for i, t in rels)
    return f"<Relationships>{items}</Relationships>".encode()


def _outcome(fn, names, parts):
    try:
        return ("ok", list(fn(names, parts.__getitem__).items()))
    except Exception as exc:
        return (type(exc).__name__, str(exc))


def test_sheet_parts_through_the_cache_answer_as_the_plain_parse_on_random_packages():
    """Duplicate ids and names, missing ids, absolute and `..` targets, chart sheets, parts absent, malformed bytes:
    the same dict (order too) or the same exception, asked twice (the second from the cache)."""
    rng = random.Random(3030)
    ooxml.part_reading.cache_clear()
    targets = ["worksheets/sheet1.xml", "/xl/worksheets/sheet2.xml", "chartsheets/sheet1.xml", "../x/worksheets/s.xml"]
    names_all = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "x/worksheets/s.xml"}
    kinds = set()
    for _ in range(1500):
        ids = [rng.choice(["rId1", "rId2", "rId3", None]) for _ in range(rng.randint(0, 4))]
        parts = {
            "xl/workbook.xml": _workbook([(rng.choice("甲乙丙"), rng.choice(["rId1", "rId2", None])) for _ in ids]),
            "xl/_rels/workbook.xml.rels": _rels([(i, rng.choice(targets)) for i in ids]),
        }
        if rng.random() < 0.1:
            key = rng.choice(list(parts))
            parts[key] = parts[key][: rng.randint(0, len(parts[key]))]
        names = {n for n in names_all if rng.random() < 0.9}

        want = _outcome(_plain_sheet_parts, names, parts)
        kinds.add(want[0])
        assert _outcome(sheet_parts_of, names, parts) == want and _outcome(sheet_parts_of, names, parts) == want
    assert kinds == {"ok", "ParseError"}
    assert ooxml.part_reading.cache_info().hits > 500


def test_the_styles_part_is_read_once_a_distinct_part(workbooks, monkeypatch):
    """The sheet scan of every workbook is the same with the styles' reading kept; a second file with the same
    styles part does not read its number formats or quote prefixes again."""
    scans = []
    for path in workbooks:
        report = inspect_file(path)
        scans.append(source._scan_sheets(path, report.members, report.parts))
    monkeypatch.setattr(source, "kept_reading", lambda read, data, folder="": read(data, folder))
    for path, kept in zip(workbooks, scans, strict=True):
        report = inspect_file(path)
        assert source._scan_sheets(path, report.members, report.parts) == kept
    monkeypatch.undo()
    report = inspect_file(workbooks[0])
    source._scan_sheets(workbooks[0], report.members, report.parts)
    calls = []
    monkeypatch.setattr(source, "shown_styles", lambda x: calls.append(x) or shown_styles(x))
    monkeypatch.setattr(source, "quoted_styles", lambda x: calls.append(x) or quoted_styles(x))
    source._scan_sheets(workbooks[0], report.members, report.parts)
    assert calls == []
