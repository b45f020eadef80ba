"""perf25c (issue 14): the reading of a 10,000-row workbook in less memory, each change held against its plain form
(docs/performance.md, "perf25c").

A text's label pair shared with its cell pair (`cells.row_labels`) and the sheet scans in smaller pieces
(`guard_xml.CHUNK`, `source._PIECE`): the same answers, and the guard's scan of a 3 MB sheet holding a bounded part
of it at a time."""

from __future__ import annotations

import io
import random
import tracemalloc

from hypothesis_budget import draws
from test_perf14o import _plain_anchor

from perfxl.grid import Grid
from perfxl.io import guard_xml, source
from perfxl.labels import normalise_label
from perfxl.layout import cells as C


class _Text(str):
    """A str subclass (a text cell from another source)."""


_TEXTS = ("预算执行率", " 产出指标 ", "数量指标", "（一）产出", "增长12%", "a b", "……", "\u3000", "一级指标", "x")


def _grid(rng: random.Random) -> Grid:
    n_rows, n_cols = rng.randint(1, 8), rng.randint(1, 9)
    choices: list[object] = [None, "", 10.0, 3, *_TEXTS, _Text("二级指标"), _Text("ab")]
    rows = [[rng.choice(choices) for _ in range(n_cols)] for _ in range(n_rows)]
    merged = []
    for _ in range(rng.randint(0, 6)):  # overlapping and inverted ranges included
        r0, c0 = rng.randrange(n_rows), rng.randrange(n_cols)
        merged.append((r0, c0, r0 + rng.randint(-1, 4), c0 + rng.randint(-1, 3)))
    return Grid("表", rows, tuple(merged))


def test_row_reads_are_the_plain_ones():
    """Each row's continued columns (overlapping ranges or not), its non-blank own cells and its labels (each text's
    `normalise_label`, str subclasses too) as the plain forms give them."""
    rng = random.Random(2503)
    overlapping = 0
    for _ in range(draws(1500, 150)):
        grid = _grid(rng)
        plain = _plain_anchor(grid.merged)
        overlapping += grid._covered != len(plain)
        for r in range(-1, grid.n_rows + 2):
            continued = {c for c in range(-1, grid.n_cols + 5) if plain.get((r, c), (r, c)) != (r, c)}
            assert set(C._continued(grid).get(r, ())) == continued
            row = grid.rows[r] if 0 <= r < grid.n_rows else []
            cells = [
                (c, v)
                for c, v in enumerate(row)
                if v is not None and (not isinstance(v, str) or v.strip()) and c not in continued
            ]
            assert C.row_cells(grid, r) == cells
            labels = C.row_labels(grid, r)
            assert labels == [(c, normalise_label(v)) for c, v in cells if isinstance(v, str)]
            assert all(type(lab) in (str, _Text) for _, lab in labels)
    assert overlapping > draws(1500, 150) // 10  # (both ways of `_continued` met)


def _sheet(rows: int) -> bytes:
    """A worksheet of `rows` rows in Excel's own form: texts, numbers, an error value and an uncached formula a few
    hundred rows apart, so each falls in some piece."""
    body = []
    for r in range(1, rows + 1):
        cells = [f'<c r="A{r}" t="s"><v>{r % 50}</v></c>', f'<c r="B{r}"><v>{r * 1.5}</v></c>', f'<c r="C{r}" s="1"/>']
        if r % 397 == 0:
            cells.append(f'<c r="D{r}" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
        if r % 611 == 0:
            cells.append(f'<c r="E{r}"><f>B{r}*2</f></c>')
        body.append(f'<row r="{r}">{"".join(cells)}</row>')
    xml = '<?xml version="1.0"?><worksheet><dimension ref="A1:E9"/><sheetData>' + "".join(body)
    return (xml + "</sheetData></worksheet>").encode()


def test_the_sheet_scans_do_not_depend_on_their_piece_size(monkeypatch):
    """The guard's extent and the reader's error and uncached-formula scan read the same from a sheet cut in pieces
    of any size (`guard_xml.CHUNK`, `source._PIECE`: 64 KB and 1 MB since perf25c, 1 MB and 4 MB before)."""
    xml = _sheet(6000)
    answers = set()
    for chunk, piece in ((1 << 20, 4 << 20), (guard_xml.CHUNK, source._PIECE), (4096, 5000), (997, 1 << 12)):
        monkeypatch.setattr(guard_xml, "CHUNK", chunk)
        monkeypatch.setattr(source, "_PIECE", piece)
        ext = guard_xml.scan_sheet_extent_fast(io.BytesIO(xml), 10**12)
        exact = guard_xml.scan_sheet_extent(io.BytesIO(xml), 10**12)
        uncached, errors, quick, _shown, _headers, _flags, _unread = source._scan_parts(
            {"表": "sheet1.xml"}, lambda _: io.BytesIO(xml)
        )
        extent = (ext.cells, ext.max_row, ext.max_col, ext.dimension)
        assert extent == (exact.cells, exact.max_row, exact.max_col, exact.dimension)
        answers.add((extent, frozenset(uncached["表"]), tuple(sorted(errors["表"].items())), str(quick)))
    assert len(answers) == 1
    (extent, uncached, errors, _), *_ = answers
    assert extent == (6000 * 2 + 6000 // 397 + 6000 // 611, 6000, 5, "A1:E9")
    assert uncached == {(r - 1, 4) for r in range(611, 6001, 611)}
    assert errors == tuple(((r - 1, 3), "#DIV/0!") for r in range(397, 6001, 397))


def test_the_guards_sheet_scan_holds_a_bounded_part_of_the_sheet():
    """The fast extent scan of a 3 MB sheet holds well under a megabyte at its peak: one 64 KB piece and the cells
    found in it (with 1 MB pieces it held ≈ 8 MB — the list of a megabyte's cells — which the process took from the
    system and gave back, page by page, before calamine took it again)."""
    xml = _sheet(60000)
    assert len(xml) > 3_000_000
    stream = io.BytesIO(xml)
    tracemalloc.start()
    try:
        ext = guard_xml.scan_sheet_extent_fast(stream, 10**12)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert ext.max_row == 60000
    assert peak < 1_000_000, peak
