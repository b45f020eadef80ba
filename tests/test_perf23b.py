"""Session 23's opening steps (issue 14, perf23b), each held against its plain form.

- The guard's fast sheet scan (`guard_xml._CELL_TAG`) finds the `<c` tags it cannot read — another form than the fast
  one, or a fast-form tag whose quotes do not all close before its first `>` — by one negative look-ahead instead of
  two alternatives (the first read the tag's `r` again, the second its `r` and its quotes): the same tags as session
  22's pattern (copied here), and the same cells, on random tags of every shape the two read; the one tag the new test
  adds, a fast-form tag the part ends inside (truncated XML, no `>`), goes to the exact scan, which measures nothing
  there either.
"""

from __future__ import annotations

import io
import random
import re

from hypothesis_budget import draws

from perfxl.io.guard_xml import _CELL_TAG, NeedsFullScan, _tokens, scan_sheet_extent, scan_sheet_extent_fast

#: Session 22's pattern (perf22l and the lead's quote fix), as it was.
_FORMER = re.compile(
    rb'<c(?: r="([A-Z]{1,3})(\d{1,7})"[^>]*+(?<!/)>|(?=[\s/>])(?! r="[A-Z]{1,3}\d{1,7}")'
    rb'|(?= r="[A-Z]{1,3}\d{1,7}"[^>"\']*+(?:(?:"[^>"]*+"|\'[^>\']*+\')[^>"\']*+)*+["\']))'
)

_NAMES = [b"c", b"c", b"c", b"col", b"cfRule", b"cx", b"x:c", b"row", b"v"]
_REFS = [b' r="A1"', b' r="XFD1048576"', b' r="B22"', b" r='B2'", b' r="a1"', b' r="A99999999"', b'\nr="D9"', b""]
_ATTR_BITS = [
    b' s="1"',
    b" t='s'",
    b' vm="/>"',
    b" vm='/>'",
    b' x="a/b"',
    b' y="it\'s"',
    b" z='a\"b'",
    b' q="',
    b" q='",
]
_ATTR_BITS += [b"/", b">", b" ", b"\n", b'"', b"'", b' cm="1>"', b' a="x>y" b="/>"']


def _random_tag(rng: random.Random) -> bytes:
    tag = b"<" + rng.choice(_NAMES) + rng.choice(_REFS)
    tag += b"".join(rng.choice(_ATTR_BITS) for _ in range(rng.randint(0, 3)))
    return tag + rng.choice([b"/>", b">", b">", b"><v>1</v></c>", b""])


def _random_text(rng: random.Random) -> bytes:
    return b"".join(_random_tag(rng) + rng.choice([b"", b"7", b"</c>", b"<v>x</v>"]) for _ in range(rng.randint(1, 12)))


def _cut_off(text: bytes, at: int) -> bool:
    """A fast-form `<c` at `at` that no `>` follows: the one tag the new test adds to the former's."""
    return re.match(rb'<c r="[A-Z]{1,3}\d{1,7}"', text[at:]) is not None and b">" not in text[at:]


def test_the_odd_tags_and_the_cells_are_the_former_patterns():
    """Where the two differ, the new pattern reads the tag as odd (the exact scan then runs): a fast-form tag the text
    ends inside (perf23b), and since sec23 a tag whose fast-form reading ran past a `<` (`<c r="A1" x="<c …`), held a
    second `r` (`<c r="A1" r="XFD1">`: calamine reads the last) or a `>` inside a quoted value (an `r` may follow it)."""
    rng = random.Random(23)
    added = 0
    for _ in range(draws(20_000, 2_000)):
        text = _random_text(rng)
        former = [(m.start(), m.groups()) for m in _FORMER.finditer(text)]
        new = [(m.start(), m.groups()[:2]) for m in _CELL_TAG.finditer(text)]
        if new != former:
            odd = {at for at, groups in new if groups == (None, None)}
            spans = [m.span() for m in _FORMER.finditer(text)]
            # a cell the new pattern reads and the former did not lay inside a former tag's text (read past a `<`)
            assert all(
                any(start < at < end for start, end in spans) for at, g in set(new) - set(former) if at not in odd
            ), text
            assert all(at in odd for at, _ in set(former) - set(new)), text
            added += 1
    assert added  # (the generator does write such texts)


def test_a_sheet_of_random_tags_measures_as_the_exact_scan_does():
    """Whatever the fast scan reads itself, it reads as the exact scan does (it hands the rest over)."""
    rng = random.Random(2023)
    fast_read = same = 0
    for _ in range(trials := draws(3_000, 600)):
        body = b"".join(
            b'<row r="' + str(r).encode() + b'">' + _random_text(rng) + b"</row>" for r in range(1, rng.randint(2, 5))
        )
        if rng.random() < 0.6:  # mostly plain cells around the random tags: the fast scan reads most parts itself
            body = b'<row r="9"><c r="C9" s="1"/><c r="D9" t="s"><v>1</v></c></row>' + body.replace(b"<x:", b"<y")
        xml = b"<worksheet><sheetData>" + body + b"</sheetData></worksheet>"
        if rng.random() < 0.1:
            xml = xml[: rng.randrange(len(xml))]  # truncated XML
        exact = scan_sheet_extent(io.BytesIO(xml), 10**15)
        try:
            fast = scan_sheet_extent_fast(io.BytesIO(xml), 10**15)
        except NeedsFullScan:
            continue
        fast_read += 1
        # (sec23: the exact scan reads quotes across tags as calamine's parser does — `q='…<c r="XFD1">…'` holds no
        # cell —, the fast scan within a tag only: it may read more, never less)
        assert (fast.cells, fast.max_row, fast.max_col) >= (exact.cells, exact.max_row, exact.max_col), xml
        assert fast.max_row >= exact.max_row and fast.max_col >= exact.max_col, xml
        same += (fast.cells, fast.max_row, fast.max_col) == (exact.cells, exact.max_row, exact.max_col)
    assert fast_read > trials // 15 and same > 0.9 * fast_read  # (a floor scaled with the draws)


def test_a_cell_tag_the_part_ends_inside_goes_to_the_exact_scan():
    xml = b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1048576" s="1"'
    assert [m.groups()[:2] for m in _CELL_TAG.finditer(xml)] == [(b"A", b"1"), (None, None)]
    try:
        scan_sheet_extent_fast(io.BytesIO(xml), 10**15)
        raise AssertionError("read by the fast scan")
    except NeedsFullScan:
        pass
    exact = scan_sheet_extent(io.BytesIO(xml), 10**15)
    assert (exact.cells, exact.max_row, exact.max_col) == (1, 1, 1)
    assert b"".join(_tokens(io.BytesIO(xml))) == xml


def test_the_pattern_is_linear_on_a_run_of_quotes():
    """The look-ahead's runs are possessive: a megabyte of a fast-form tag's quoted values is one pass (counted: a
    search over it ends, and over a run of unclosed quotes too)."""
    for body in (b' a="x"' * 150_000, b' a="' * 250_000, b" a='\"" * 200_000):
        text = b'<c r="A1"' + body + b"/>"
        assert [m.groups()[:2] for m in _CELL_TAG.finditer(text)] == _former_groups(text)


def _former_groups(text: bytes) -> list:
    return [m.groups() for m in _FORMER.finditer(text)]
