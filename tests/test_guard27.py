"""Session 27's guard step (issue 14, guard27): the fast sheet scan's cell pattern, fewer sre steps a tag, held against
guard26's pattern (copied here as the oracle).

`guard_xml._CELL_TAG` unrolls the tag tail's first three quoted values (nested alternatives before the possessive loop)
and fails a self-closed fast-form tag by a look-behind `(?<!/>)` after its atomic group instead of a third group and a
conditional. Both are exact: on random tag texts, every sheet of the real workbooks, the bad-input corpus and seeded
random mutations of real sheet XML, the new scan returns what guard26's returned, or both hand the part to the exact scan.
"""

from __future__ import annotations

import random
import re
import zipfile
import zlib
from functools import partial
from pathlib import Path

from hypothesis_budget import draws
from test_guard26 import _former_fast, _new_fast, _random_text, _reading, _real_workbooks, _sheet_parts

from perfxl.io.guard_xml import _CELL_TAG, _FAST_TAIL

REPO = Path(__file__).resolve().parent.parent

#: guard26's pattern, as it was on main before guard27 (the oracle).
_GUARD26_TAIL = rb'[^<>"\'r]*+(?:"[^<>"]*+"[^<>"\'r]*+)*+'
_GUARD26 = re.compile(rb'<c(?> r="([A-Z]{1,3}+)(\d{1,7}+)"' + _GUARD26_TAIL + rb"(?:(?<!/)>|>())|(?=[\s/>]))(?(3)(?!))")
_guard26_fast = partial(_former_fast, pattern=_GUARD26)


def _agrees(xml: bytes, max_area: int = 10**12) -> bool:
    """The new scan reads the part as guard26's did: the same extent, or both hand it to the exact scan."""
    return _reading(_new_fast, xml, max_area) == _reading(_guard26_fast, xml, max_area)


_PIECES = [b"<c", b' r="A1"', b' r="XFD1048576"', b" ", b"'", b'"', b">", b"/", b"/>", b"<", b"r", b"=", b'"x"']
_PIECES += [b' s="1"', b' t="s"', b' vm="a/b"', b"\n", b"<col", b"<v>1</v></c>", b"<!--", b"-->"]


def test_the_pattern_reads_every_tag_as_guard26s():
    """The same matches at the same places and the same cell groups (guard26's third group never set in a match), on
    guard26's random tag texts and on random runs of hostile pieces (quotes either kind, `/`, `>`, `<`, `r` inside and
    outside values, one to five quoted values: the unrolled alternatives and the loop after them)."""
    rng = random.Random(27)
    kinds: set[str] = set()
    for i in range(draws(20_000, 2_000)):
        text = _random_text(rng) if i % 2 else b"".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        new = [(m.span(), m.groups()) for m in _CELL_TAG.finditer(text)]
        assert new == [(m.span(), m.groups()[:2]) for m in _GUARD26.finditer(text)], text
        kinds.update("odd" if groups[0] is None else "cell" for _, groups in new)
    assert kinds == {"odd", "cell"}


def test_five_quoted_values_take_the_loop_after_the_unrolled_three():
    """A tail of one to five values reads as guard26's: content, self-closed (nothing) and an unclosed last value (odd)."""
    tail = re.compile(_FAST_TAIL)
    for n in range(6):
        attrs = b"".join(b' a%d="v/%d"' % (k, k) for k in range(n))
        assert tail.fullmatch(attrs), attrs
        for end, groups in ((b">", [(b"A", b"1")]), (b"/>", []), (b' b=">', [(None, None)])):
            text = b'<c r="A1"' + attrs + end
            assert [m.groups() for m in _CELL_TAG.finditer(text)] == groups
            assert [m.groups()[:2] for m in _GUARD26.finditer(text)] == groups


def test_every_real_and_bad_input_sheet_reads_as_guard26s(tmp_path):
    """Every sheet of the bundled workbooks, the rendered real-table corpus (sampled in the fast loop), a generated
    workbook and the bad-input corpus's .xlsx files: the same extents or the same hand-over, whole and stopped early."""
    from badinput.corpus import IN_PROCESS as keys
    from badinput.corpus import build

    paths = _real_workbooks(tmp_path)
    real = [xml for path in paths for xml in _sheet_parts(path)]
    bad = []
    for key in keys[:: len(keys) // draws(len(keys), 20)]:
        built = build(key, tmp_path / "bad")
        if zipfile.is_zipfile(built.path):
            bad += _readable_sheets(built.path)
    assert len(real) > 10 and len(bad) > 5
    for xml in real + bad:
        assert _agrees(xml), xml[:300]
        assert _agrees(xml, max_area=50)
    assert all(_reading(_new_fast, xml, 10**12) is not None for xml in real)  # the fast scan reads every real sheet


def _readable_sheets(path: Path) -> list[bytes]:
    """The worksheet parts zipfile can read of a bad-input file, up to 8 MiB each (a bad CRC, an encrypted or truncated
    member, a bomb's gigabyte part are the ZIP guard's, refused before any sheet scan)."""
    out = []
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            name = info.filename
            if name.startswith("xl/worksheets/") and name.endswith(".xml") and info.file_size <= 8 << 20:
                try:
                    out.append(zf.read(name))
                except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, zlib.error):
                    continue
    return out


_MUTATIONS = [b"<c", b' r="XFD1048576"', b" r='B2'", b"\nr=", b"'", b'"', b">", b"/", b"/>", b"<", b"r", b"x:", b":c "]
_MUTATIONS += [b' vm="/>"', b'"r="C9"', b"<c r=", b"<!--", b"", b" ", b'<c r="AAAA1">']


def _mutate(xml: bytes, rng: random.Random) -> bytes:
    """One to four edits at random places of a sheet's XML: a piece inserted, a span deleted, or a span replaced."""
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(xml))
        cut = at + rng.choice((0, 0, 1, 2, 5, 20))
        xml = xml[:at] + rng.choice(_MUTATIONS) + xml[cut:]
    return xml


def test_mutated_real_sheets_read_as_guard26s(tmp_path):
    """Seeded random mutations of real sheet XML (2,400 in the full run): the same extent or the same hand-over to the
    exact scan, whole and stopped by a small area limit — and both outcomes occur."""
    sheets = [xml for path in sorted((REPO / "workbooks").rglob("*.xlsx")) for xml in _sheet_parts(path)]
    sheets = [xml for xml in sheets if b"<c " in xml]
    assert sheets
    rng = random.Random(2027)
    outcomes = set()
    for _ in range(draws(2_400, 240)):
        xml = _mutate(rng.choice(sheets), rng)
        assert _agrees(xml), xml
        assert _agrees(xml, max_area=20)
        outcomes.add(_reading(_new_fast, xml, 10**12) is None)
    assert outcomes == {True, False}
