"""perf26c: a CellValue's place is its slots (sheet, 0-based r and c, the merge's anchor), its `CellRef` built by
`place()` only where one is needed (docs/performance.md "perf26c", issue 14).

- every located cell of real tables (the seed example, corpus tables with and without merges) names by `place()` the
  very CellRef `Grid.ref` builds for its row and column — the place the reader gave each cell before — and `a1()`,
  `located()`, `same_place` and `CellValue.of` agree with it;
- the checks over a 1,000-row 自评表 build a CellRef for no indicator cell that reaches no finding (before: one for
  each of its 6,000 cells, built as the table was read), and reading it builds them for its headings' labels only.
"""

from __future__ import annotations

import pytest
from test_perf22k import big_path, big_submission  # noqa: F401 (fixtures: the bench's 1,000-row table, read)

from perfxl.io import source
from perfxl.model import CellRef, CellValue
from perfxl.reader import read_grids
from perfxl.rules.cells import cells_of
from perfxl.validate import validate_submission
from tests.realworld.render import corpus_files, render


def _tables(examples_dir, folder):
    """The seed example and every 10th corpus table, rendered."""
    return [examples_dir / "longhui-2023-kegongxin.xlsx", *(render(t, folder) for t in corpus_files()[::10])]


def test_every_cell_s_place_is_the_ref_its_grid_gives(examples_dir, tmp_path):
    checked = merged = 0
    for path in _tables(examples_dir, tmp_path):
        grids, _, _ = source.open_source(path)
        by_name = {g.name: g for g in grids}
        sub = read_grids(grids, str(path))
        tables = [*sub.evaluations, *([sub.basic] if sub.basic is not None else []), *sub.sum_tables]
        for table in tables:
            for field, cell in cells_of(table):
                if cell.sheet is None:
                    assert cell.place() is None and cell.a1() == "", (path.name, field)
                    continue
                old = by_name[cell.sheet].ref(cell.r, cell.c)  # what the reader stored in each cell before
                place = cell.place()
                assert place == old and repr(place) == repr(old) and type(place) is CellRef, (path.name, field, place)
                assert cell.located() == old and cell.a1() == old.cell
                assert CellValue.of(cell.raw, old, cell.formula, cell.computed) == cell
                assert cell.same_place(CellValue.of(None, old)) and not cell.same_place(CellValue(None))
                checked += 1
                merged += old.anchor is not None
    assert checked > 1000 and merged > 200, (checked, merged)  # real tables, merged cells among them


def test_a_cell_of_no_place():
    blank = CellValue(None)
    assert blank.place() is None and blank.same_place(CellValue("x")) and blank.a1() == ""
    with pytest.raises(ValueError):
        blank.located()


@pytest.fixture
def built(monkeypatch) -> list[CellRef]:
    """Every CellRef `CellValue.place` builds while the test runs (`located()` builds through it)."""
    out: list[CellRef] = []
    plain = CellValue.place

    def counting(cell: CellValue) -> CellRef | None:
        ref = plain(cell)
        if ref is not None:
            out.append(ref)
        return ref

    monkeypatch.setattr(CellValue, "place", counting)
    return out


def test_the_checks_place_only_the_cells_their_findings_name(big_submission, built):  # noqa: F811
    rows = [ind for ev in big_submission.evaluations for ind in ev.indicators]
    data = {
        (c.sheet, c.r, c.c): c
        for ind in rows
        for c in (ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.deviation)
        if c.sheet is not None
    }
    assert len(rows) >= 1000 and len(data) >= 5000
    findings = validate_submission(big_submission)
    named = {r for f in findings for r in (f.ref, *f.related) if isinstance(r, CellRef)}
    placed = {r for r in built if (r.sheet, r.row - 1, r.col - 1) in data}
    assert placed and placed <= named, sorted(map(str, placed - named))[:10]
    assert len(placed) < len(data) // 10, len(placed)


def test_reading_a_table_places_few_of_its_cells(big_path, built):  # noqa: F811
    """The layout places a 一级/二级 label (its heading's key) and a funds cell it tests for a hidden merge, no data
    cell: reading the 1,000-row table builds far fewer CellRefs than it has cells (before: one a cell)."""
    grids, _, _ = source.open_source(big_path)
    sub = read_grids(grids, str(big_path))
    cells = sum(1 for ev in sub.evaluations for _ in cells_of(ev))
    assert cells > 6000 and 0 < len(built) < cells // 10, (len(built), cells)
