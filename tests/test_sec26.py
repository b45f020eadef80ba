"""sec26 (session 26): a cell merged down a whole multi-page ruled table is read once, not again at each page break.

sec25's `_Places` looked only near the seam at a page break, but a cell merged down the table reaches the seam at every
break, and its characters were gathered by height over its whole height — every character of the table so far, all its
columns (the height buckets hold them all) — then filtered: a table whose first column is one cell was quadratic in its
rows (500 → 1,000 → 2,000 ruled rows: 95,113 → 287,460 → 996,698 characters looked at). `_Places.inside` now keeps what a
cell held at the break before and looks only at the height it grew by and the characters added since. The oracle is the
former reading (sec25's `inside`, and sec25's walk over the whole table): the same tables, cells, characters and grids.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from badinput import builders
from hypothesis_budget import seeds
from test_sec25 import PAGE, _Walk

from perfxl.document import pdf_reader, read_source
from perfxl.document.pdf_reader import _buckets, _grid, _inside, _join, _Places, _Table
from perfxl.errors import UnreadableWorkbook
from perfxl.io.guard import Limits


class _Sec25(_Places):
    """sec25's `inside`: the cell's characters gathered over its whole height at every call (the former reading)."""

    def inside(self, cell: tuple) -> list[tuple]:
        found = sorted(at for key in _buckets(cell[1], cell[3]) for at in self.chars.get(key, ()))
        return pdf_reader._inside(cell, [self.table.chars[at] for at in found])

    def seam_text(self, cell: tuple) -> list[tuple]:
        return self.inside(cell)


XS = [50.0, 120.0, 220.0, 330.0, 430.0, 540.0]


def _spanning_part(rng: random.Random, page: int, rows: int, head: bool) -> _Table:
    """One page's part of a ruled table whose first column is one cell down the whole part (its text, "项目名称", on
    the first page only, as a merged cell's text is printed once), a header row repeated on every page when `head`."""
    offset = page * PAGE
    y = offset + 60.0
    cells, chars = [], []

    def text(x0: float, top: float, words: str) -> None:
        for k, ch in enumerate(words):
            x = x0 + 3.0 + 10.0 * k
            chars.append((x + 5.0, top + 8.0, top + 3.0, ch, x, x + 10.0, False))

    if head:
        cells += [(XS[c], y, XS[c + 1], y + 20.0) for c in range(5)]
        for c in range(5):
            text(XS[c], y, "表头"[: 1 + c % 2])
        y += 20.0
    first = y
    for _ in range(rows):
        h = rng.choice((15.0, 20.0, 26.0))
        for c in range(1, 5):
            cells.append((XS[c], y, XS[c + 1], y + h))
            text(
                XS[c],
                y,
                "".join(rng.choice("培训人数达标率") for _ in range(rng.randint(0, 8))) + str(rng.randint(1, 99)),
            )
        y += h
    cells.insert(1 if not head else 5, (XS[0], first, XS[1], y))
    if page == 0:
        text(XS[0], first, "项目名称")
    rng.shuffle(chars)  # pdfminer's order is the content stream's
    table = _Table(page + 1, 1, (XS[0], 60.0, XS[-1], y - offset), cells, chars)
    table.edges = XS
    return table


def _joined(pages: list[tuple[int, bool]], seed: int, places_of) -> _Table:
    parts = [_spanning_part(random.Random(seed * 1000 + p), p, rows, head) for p, (rows, head) in enumerate(pages)]
    whole = parts[0]
    places = places_of(whole)
    for part in parts[1:]:
        _join(whole, part, places)
    return whole


@pytest.mark.parametrize("seed", seeds(10, 4))  # a seeded sweep: 4 seeds in the fast loop, all 10 in CI (fast28b)
def test_a_cell_merged_down_the_table_is_read_as_before(seed):
    rng = random.Random(seed)
    pages = [(rng.randint(1, 25), rng.random() < 0.6) for _ in range(rng.randint(2, 12))]
    pages[0] = (pages[0][0], True)
    now = _joined(pages, seed, _Places)
    grid = _grid(now, "表")
    for former in (_Sec25, _Walk):
        before = _joined(pages, seed, former)
        assert now.cells == before.cells and now.chars == before.chars
        assert grid.rows == _grid(before, "表").rows
    # the first column read as one cell from below the header down to the last row, its text once
    assert (1, 0, len(grid.rows) - 1, 0) in grid.merged
    assert grid.rows[1][0] == "项目名称" and not any(row[0] for row in grid.rows[2:])


def _looked_at(monkeypatch, run, places_of=_Places) -> int:
    """The characters `_inside` is given by `places_of.seam_text` — a cell's characters above the seam — while `run()`
    reads (the continuation's own characters, a page's, are looked at as before)."""
    seen, active = [0], [False]

    def counting(cell, chars):
        seen[0] += len(chars) if active[0] else 0
        return _inside(cell, chars)

    def inside(self, cell):
        active[0] = True
        try:
            return method(self, cell)
        finally:
            active[0] = False

    method = places_of.seam_text
    monkeypatch.setattr(pdf_reader, "_inside", counting)
    monkeypatch.setattr(places_of, "seam_text", inside)
    run()
    monkeypatch.undo()
    return seen[0]


def test_the_joins_look_at_characters_in_proportion_to_the_rows(monkeypatch):
    """Twice the pages, about twice the characters looked at (sec25's reading of the merged cell: about four times)."""

    def count(n: int, places_of) -> int:
        return _looked_at(monkeypatch, lambda: _joined([(25, True)] * n, 3, places_of), places_of)

    now = count(20, _Places), count(40, _Places)
    former = count(20, _Sec25), count(40, _Sec25)
    assert now[1] < 2.2 * now[0]
    assert former[1] > 3.5 * former[0]  # the measure tells the two apart
    assert now[1] < former[1] / 5


#: The former reading (sec25's `_Places`, quadratic: most of these tests' time) read again as the oracle — the same
#: DocumentSource, and the measure telling the two apart — in every whole run (CI); the fast loop holds this session's
#: reading to its rows and its linear growth (docs/testing.md, fast27).
_FORMER = pytest.mark.parametrize("former", [False, pytest.param(True, marks=pytest.mark.slow)], ids=["now", "former"])


@_FORMER
def test_a_pdf_whose_first_column_is_one_cell_over_many_pages(tmp_path: Path, monkeypatch, former: bool):
    """A valid text PDF (hand-written, tests/badinput/builders.ruled_table_pdf): 240 and 480 ruled rows, 40 a page, the
    first column one cell down the whole table. Read as one table, the cell merged whole, every row's figures in
    place, the same DocumentSource as sec25's reading — and the characters looked at grow with the page breaks (5 →
    11: × 2.2), sec25's with their square (× 4.4)."""
    seen: dict[tuple[int, type], int] = {}
    for rows in (240, 480):
        path = builders.ruled_table_pdf(tmp_path / f"span-{rows}.pdf", rows)
        source, seen[rows, _Places] = _read_counted(monkeypatch, path, _Places)
        (grid,) = source.grids
        assert len(grid.rows) == rows and grid.merged == ((0, 0, rows - 1, 0),)
        assert grid.rows[0] == ["Item", "row 1", "3.25", "1"]
        assert grid.rows[-1] == ["", f"row {rows}", f"{rows * 3}.25", str(rows % 97)]
        if former:
            before, seen[rows, _Sec25] = _read_counted(monkeypatch, path, _Sec25)
            assert before == source
    assert seen[480, _Places] < 2.4 * seen[240, _Places]
    if former:
        assert seen[480, _Sec25] > 3.8 * seen[240, _Sec25]


def _read_counted(monkeypatch: pytest.MonkeyPatch, path: Path, places_of: type) -> tuple[Any, int]:
    """`path` read with `places_of` as the joins' places: the DocumentSource and the characters the joins looked at
    (the counting only adds up what `_inside` is given: the reading is the plain one)."""
    read: list[Any] = []
    monkeypatch.setattr(pdf_reader, "_Places", places_of)  # undone by `_looked_at`
    count = _looked_at(monkeypatch, lambda: read.append(read_source(path)), places_of)
    return read[0], count


def _table_chars(rows: int) -> int:
    """The characters `ruled_table_pdf` prints inside its table: "Item", then each row's number and two figures."""
    return len("Item") + sum(len(f"row {n}") + len(f"{n * 3}.25") + len(str(n % 97)) for n in range(1, rows + 1))


def test_the_characters_held_in_tables_are_bounded_and_the_refusal_names_the_limit(tmp_path: Path):
    """All of a PDF's table characters are held until its tables are joined and read (≈ 0.7 KB each): past
    `max_pdf_table_chars` the PDF is refused, naming the page reached and the variable that raises the bound."""
    path = builders.ruled_table_pdf(tmp_path / "span-120.pdf", 120)
    held = _table_chars(120)
    (grid,) = read_source(path, Limits().with_pairs([f"max_pdf_table_chars={held}"])).grids
    assert len(grid.rows) == 120
    with pytest.raises(UnreadableWorkbook) as refused:
        read_source(path, Limits().with_pairs([f"max_pdf_table_chars={held - 1}"]))
    assert refused.value.code == "PDF_TABLES_TOO_LARGE" and refused.value.path == str(path)
    assert "第 3 页" in refused.value.message and "PERFXL_MAX_PDF_TABLE_CHARS" in refused.value.message
    assert "max_pdf_table_chars" in refused.value.message_en


@_FORMER
def test_a_text_running_on_down_a_merged_cell_over_every_page_break(tmp_path: Path, monkeypatch, former: bool):
    """The merged cell full of text on every page, down to each page's foot: at each break its text runs on (one cell
    over the break), and what the joins read of it — its last lines, its edges — is what the whole cell answers; the
    same DocumentSource as sec25's reading, and the characters looked at grow with the breaks, sec25's with their
    square (the cell's text grouped into lines whole at each break)."""
    seen: dict[tuple[int, type], int] = {}
    for rows in (160, 320):
        path = builders.ruled_table_pdf(tmp_path / f"filled-{rows}.pdf", rows, spanning="", filled=True)
        source, seen[rows, _Places] = _read_counted(monkeypatch, path, _Places)
        (grid,) = source.grids
        assert grid.merged == ((0, 0, rows - 1, 0),) and set(grid.rows[0][0]) == {"M"}
        assert grid.rows[-1][1:] == [f"row {rows}", f"{rows * 3}.25", str(rows % 97)]
        if former:
            before, seen[rows, _Sec25] = _read_counted(monkeypatch, path, _Sec25)
            assert before == source
    assert seen[320, _Places] < 2.4 * seen[160, _Places]
    if former:
        assert seen[320, _Sec25] > 3.5 * seen[160, _Sec25]
