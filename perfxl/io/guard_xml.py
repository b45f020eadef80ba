"""Bounded, streaming scans of the XML parts of an OOXML workbook, done before any parser sees them.

- `prologue_problem`: a DOCTYPE or ENTITY declaration before the root element (XXE, billion
  laughs). The scan stops at the first element, so it reads a few bytes per part.
- `scan_sheet_extent`: the real used range of a sheet, from the `<c r="…">` tokens of cells that
  hold something. calamine allocates rows×cols of its range at once (a single value at XFD1048576
  asks for 512 GiB and aborts the process), so this extent must be checked first. The `<dimension>`
  tag is only a claim: it is read and reported, never trusted.
- `scan_shared_strings`: the `uniqueCount` calamine pre-allocates from, and the longest string.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import IO

from perfxl.patterns import lazy_compile
from perfxl.records import record

__all__ = [
    "prologue_problem",
    "SheetExtent",
    "scan_sheet_extent",
    "scan_sheet_extent_fast",
    "NeedsFullScan",
    "TagTooLong",
    "SharedStringsScan",
    "scan_shared_strings",
    "scan_ods_tables",
]

CHUNK = 1 << 16
MAX_PROLOGUE = 64 * 1024
MAX_TAG = 1 << 20

_ROOT_START = lazy_compile(rb"<[A-Za-z_]")
_REF_ATTR = re.compile(rb'ref\s*=\s*["\']([^"\']*)["\']')
_UNIQUE = re.compile(rb'uniqueCount\s*=\s*["\'](\d+)["\']')
_SI = lazy_compile(rb"<(/?)(?:\w+:)?si(?=[\s/>])[^>]*?(/?)>")


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def prologue_problem(head: bytes) -> str | None:
    """ "doctype"/"entity" when a declaration precedes the root element, "prologue" when no root
    element starts within MAX_PROLOGUE bytes, else None. Handles UTF-16 parts too."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) > 1 and head[1:2] == b"\x00"):
        try:
            head = head.decode("utf-16", errors="ignore").encode("utf-8")
        except UnicodeError:  # pragma: no cover
            return "prologue"
    m = _ROOT_START.search(head, 0, MAX_PROLOGUE)
    prologue = head[: m.start()] if m else head[:MAX_PROLOGUE]
    upper = prologue.upper()
    if b"<!ENTITY" in upper:
        return "entity"
    if b"<!DOCTYPE" in upper:
        return "doctype"
    if m is None and len(head) >= MAX_PROLOGUE:
        return "prologue"
    return None


def _tokens(stream: IO[bytes]):
    """Yield complete `<…>` tag regions from a byte stream, chunk by chunk, never holding more
    than CHUNK + MAX_TAG bytes. A region ends right after its last `>` whenever a `<` follows it: every
    tag a scan starts in the region then finds a `>` to end at, so no scan retries at each of a run of
    unclosed `<c` (once quadratic — 21 s for 6,000 of them, a hang for a megabyte's worth: lead, session 22),
    and a tag whose quoted value holds a `<` is never cut short at a chunk's end."""
    carry = b""
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            if carry:
                yield carry
            return
        buf = carry + chunk
        cut = buf.rfind(b">") + 1
        if buf.find(b"<", cut) == -1:
            cut = len(buf)
        carry = buf[cut:]
        if (
            len(carry) > MAX_TAG
        ):  # an absurd tag: refused — dropped, a far cell behind it went unmeasured (lead, session 22)
            raise TagTooLong()
        yield buf[:cut]


@record(slots=True)
class SheetExtent:
    """Used range of one sheet, 1-based and inclusive (0 when the sheet holds no value)."""

    cells: int = 0
    min_row: int = 0
    max_row: int = 0
    min_col: int = 0
    max_col: int = 0
    dimension: str = ""  # the <dimension ref> claim, as written
    max_string_index: int = -1  # highest shared-string index a cell uses (checked for .xlsb)
    text_bytes: int = 0  # .ods: the text a reader copies into its cells (a repeated cell's string at each repeat)
    longest_text: int = 0  # .ods: the longest text of one cell, as read (a `<text:s text:c>` counts its spaces)

    @property
    def area(self) -> int:
        """Cells from A1 to the far corner: what a reader that keeps coordinates from A1 allocates."""
        return self.max_row * self.max_col if self.cells else 0

    def add(self, row: int, col: int) -> None:
        if not self.cells:
            self.min_row = self.max_row = row
            self.min_col = self.max_col = col
        else:
            self.min_row, self.max_row = min(self.min_row, row), max(self.max_row, row)
            self.min_col, self.max_col = min(self.min_col, col), max(self.max_col, col)
        self.cells += 1

    def add_span(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        """A block of cells that all hold a value (an .ods cell repeated over rows and columns)."""
        self.add(first_row, first_col)
        self.add(last_row, last_col)
        self.cells += (last_row - first_row + 1) * (last_col - first_col + 1) - 2


#: Every `<c` tag, in one pass: groups 1 and 2 (the letters and digits of `r`) for a cell tag of the fast form that holds
#: content — `r` first (1–3 capitals, 1–7 digits), not self-closed —, both empty for a `<c` tag in another form (`r` not
#: first or absent, another space than one blank after the name, not 1–3 capitals and 1–7 digits: `<c r="A99999999">`,
#: `<c\nr="D9">` were once skipped, unmeasured); a self-closed tag of the fast form (formatting only) and any other
#: element (`<col`, `<cfRule`) match nothing. A tag was read as session 22's exact scan read it: up to its first `>`,
#: closed when a `/` stands right before it — an attribute holding a `/` (`vm="a/b"`) does not close it (`[^>/]*>` once
#: skipped such a cell, though calamine reads it; perf22l); the possessive run cannot backtrack into a self-closed
#: tag's attributes. One pass instead of a `findall` of the fast cells and a `search` for the odd ones (≈ −50 M
#: instructions over a 3 MB sheet): the two tests at the same `<c`, except a `<c` inside a cell tag's own attributes,
#: which the exact scan does not read as a tag either.
#: A third form goes to the exact scan too: a fast-form tag whose attributes hold a quote left open before the first `>`
#: — a `>` inside a quoted value (`vm="/>"`, legal XML): calamine reads the attributes by their quotes, so a cell
#: `<c r="XFD1048576" vm="/>"><v>1</v></c>` holds a value though its text up to the first `>` ends in `/>` (lead, session 22).
#: The second and third forms are one test (perf23b): a `<c` tag, not of the content form, that is not a fast-form tag
#: whose quotes all close before its first `>` — one negative look-ahead a self-closed cell instead of two tests, each
#: reading its `r` again (−48 M instructions over the 3 MB sheet of 10,000 rows: ≈ 44,700 self-closed cells). The same
#: tags as the two, and one more: a fast-form tag cut off by the part's end (no `>` at all: truncated XML), which the
#: exact scan now reads — it measures nothing there either.
#: A fast-form tag's text after its `r` (sec23): double-quoted values whole, no `<` or `>` inside one, no `r` and no `'`
#: outside quotes — calamine reads a cell's last `r`, also one right after a value's closing quote
#: (`<c r="A1" s="1"r="XFD1">`), and reads a tag to its first `>` outside quotes (`<c r="A1" x=">" r="XFD1">`); such a
#: tag is odd (the exact scan runs; no cell attribute Excel writes holds an `r` in its name). No run passes a `<`: a run
#: of `<c r="A1" ` with no `>` once cost each `<c` a scan to the run's end (40 KB: 4.9 s, a megabyte: most of an hour).
#: The quoted values unrolled (guard27): the first three as nested alternatives, the rest in the possessive loop — the
#: same text taken (each alternative that fails falls to the empty one, where the loop stopped before; a shorter tail
#: ends at a `"`, never before a `>`), without the loop's per-iteration frame for the one or two values a cell has.
_QUOTED = rb'"[^<>"]*+"[^<>"\'r]*+'
_FAST_TAIL = rb'[^<>"\'r]*+(?:' + _QUOTED + rb"(?:" + _QUOTED + rb"(?:" + _QUOTED + rb")*+|)|)"
#: The tail is read once a tag (sec23): in an atomic group, so a fast-form tag whose tail ends in `/>` — failed after the
#: group — matches nothing (a self-closed cell: formatting only) and is not read again by the odd test, which runs only
#: when the fast form does not reach a `>`. The odd tags are as before: a `<c` tag of another form, or of the fast form
#: with a quote, `<`, `>` or `r` the tail does not take.
#: The letters and the digits are possessive runs (guard26): capitals are followed by a digit, digits by a quote, so giving
#: one back never helps — the same matches, without the backtracking point sre kept for each run of each cell (≈ −14 M
#: instructions over the 3 MB sheet of 10,000 rows, tests/test_guard26.py holds the former pattern as its oracle).
#: A self-closed fast-form tag is failed by a look-behind after the atomic group (guard27), not a third group and a
#: conditional: `/>` stands before the match's end only there (the odd branch ends right after `<c`), and the atomic group
#: still keeps that tag from the odd branch. Two groups, so `findall` returns pairs. With the unrolled tail: −30 M
#: instructions over the 3 MB sheet of 10,000 rows (tests/test_guard27.py holds guard26's pattern as its oracle).
_CELL_TAG = re.compile(rb'<c(?> r="([A-Z]{1,3}+)(\d{1,7}+)"' + _FAST_TAIL + rb">|(?=[\s/>]))(?<!/>)")
#: A prefixed cell or row tag (`<x:c r="A1">`, `<x:row\nr="7">`), which the fast scan, looking for `<c`, does not see:
#: `:c` or `:row` followed by white space, `/` or `>` (in text too: then the exact scan merely runs instead). The former
#: test, `:c ` and `:row ` with a blank, let `<x:c\nr="XFD1048576">` pass unmeasured, though calamine reads it (perf22l).
#: One search a region (guard26): the substring tests `:c`/`:row` it once followed only ever passed where it could match,
#: and cost more than it (two passes, `c` being frequent).
_PREFIXED = lazy_compile(rb":(?:c|row)[\s/>]")
_DIMENSION = re.compile(rb"<dimension\b([^>]*)>")
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


class TagTooLong(Exception):
    """A tag runs past MAX_TAG bytes without its `>`: no Excel writes one; the part is refused, never skipped."""


class NeedsFullScan(Exception):
    """The sheet uses a form the fast scan does not cover (cells without a leading `r`, prefixes)."""


def scan_sheet_extent_fast(stream: IO[bytes], max_area: int) -> SheetExtent:
    """`scan_sheet_extent` for the common case, with C-speed regex passes instead of a token loop:
    every cell starts `<c r="A1"` (1–3 capitals, 1–7 digits), and no element has a namespace prefix. Raises
    NeedsFullScan otherwise, so the caller re-reads the part with the exact scan."""
    ext = SheetExtent()
    first = True
    for region in _tokens(stream):
        if first:
            dim = _DIMENSION.search(region)
            ref = _REF_ATTR.search(dim.group(1)) if dim else None
            ext.dimension = ref.group(1).decode("ascii", "replace")[:40] if ref else ""
            first = False
        if _PREFIXED.search(region):
            raise NeedsFullScan()
        cells = _CELL_TAG.findall(region)
        if not cells:
            continue
        letters = set(map(_FIRST, cells))
        if b"" in letters:  # a `<c` tag in another form
            raise NeedsFullScan()
        # (a row's cells share its number: the distinct texts made ints, ≈ 8 times fewer `int` calls a table)
        top = max(map(int, set(map(_SECOND, cells))))
        right = max(map(_col_number, letters))
        ext.cells += len(cells)
        ext.min_row = ext.min_col = 1
        ext.max_row, ext.max_col = max(ext.max_row, top), max(ext.max_col, right)
        if ext.area > max_area:
            return ext
    return ext


#: One piece of a sheet's markup as quick-xml (calamine's parser) splits it, found left to right, each match always
#: consumed: a comment, CDATA section or processing instruction (a `<c` inside is not a cell; a quote inside opens nothing),
#: a `</row>` end tag (calamine moves to the next row at each), a start tag read to its first `>` outside quotes
#: (calamine reads `<c vm=">" r="XFD1048576">` by its quotes, and a `<` in a quoted value too), or any other `<`.
#: Group `end` is empty when the piece runs to the region's end unterminated (carried into the next chunk).
#: A name is everything up to white space; its local part follows its first `:` (quick-xml: `<1:c>` is a cell).
#: Every alternative is possessive and stops at its terminator or the region's end: linear.
_ITEM = re.compile(
    rb"<!--(?:[^-]++|-(?!->))*+(?P<c>-->)?"
    rb"|<!\[CDATA\[(?:[^\]]++|\](?!\]>))*+(?P<d>\]\]>)?"
    rb"|<\?(?:[^?]++|\?(?!>))*+(?P<p>\?>)?"
    rb"|</(?:[^\s:<>\"']*+:)?(?P<endrow>row)(?=[\s>])[^>]*+(?P<e>>)?"
    rb"|<(?![/!?])(?:[^\s:<>\"'/]*+:)?(?:(?P<name>row|c|dimension)(?=[\s/>]))?"
    rb"(?P<attrs>(?:[^>\"']++|\"[^\"]*+\"?|'[^']*+'?)*+)(?P<t>>)?"
    rb"|<[^>]*+(?P<o>>)?"
)
#: Every `r` attribute of a tag, quote types either way: a key is what stands between white space or a value's closing
#: quote and its `=` (calamine: `<c s="1"r="XFD1">` holds an `r`); calamine reads a cell's last `r` and a row's first,
#: so all are read and the farthest kept. Letters any number, either case (`r="AAAA1"` is column 18,279 to calamine);
#: a row's `r` by its digits (calamine's `get_row` skips letters: `<row r="A5000">` is row 5,000).
_R_ANY = lazy_compile(rb"""(?<![^\s"'])r\s*=\s*["']([A-Za-z]*)(\d+)["']""")


def _exact_items(stream: IO[bytes], item: re.Pattern[bytes] | None = None, terminators: frozenset[str] | None = None):
    """The `_ITEM` pieces of a stream, chunk by chunk, the unterminated piece at a chunk's end carried into the next (a
    `>` inside a quoted value or a comment is no tag's end: `_tokens`' cut at the last `>` could split a tag there, its
    `r` then read in the next region as text). A piece over MAX_TAG bytes is refused (TagTooLong)."""
    item, terminators = item or _ITEM, terminators or _TERMINATORS
    carry = b""
    while True:
        chunk = stream.read(CHUNK)
        buf = carry + chunk if carry else chunk
        carry = b""
        for m in item.finditer(buf):
            if m.end() == len(buf) and m.lastgroup not in terminators:
                if not chunk:  # the part ends inside it: truncated XML, which calamine refuses (nothing to measure)
                    return
                carry = buf[m.start() :]
                if len(carry) > MAX_TAG:
                    raise TagTooLong()
                break
            yield m
        if not chunk:
            return


#: Groups of `_ITEM` that close a piece: a match whose last group is one of these ended inside the region.
_TERMINATORS = frozenset(("c", "d", "p", "e", "t", "o"))


def scan_sheet_extent(stream: IO[bytes], max_area: int) -> SheetExtent:
    """Real extent of the cells that hold content, read as calamine reads them: a self-closed `<c …/>` holds nothing
    (formatting only) but takes its column; a cell without `r` follows the one before in its row; the row is the
    `<row r>`'s, else one past the row before, and each `</row>` moves on (calamine counts end tags, whatever element
    they close). Stops early once the area passes `max_area`."""
    ext = SheetExtent()
    row, col = 1, 0
    for m in _exact_items(stream):
        if m.group("endrow"):
            row, col = row + 1, 0
            continue
        name = m.group("name")
        if not name:
            continue
        attrs = m.group("attrs")
        if name == b"dimension":
            ref = _REF_ATTR.search(attrs)
            ext.dimension = ref.group(1).decode("ascii", "replace")[:40] if ref else ""
            continue
        refs = _R_ANY.findall(attrs)
        closed = attrs.endswith(b"/")
        if name == b"row":
            if refs:
                row = max(int(digits) for _, digits in refs)
            col = 0
            if closed:  # quick-xml expands `<row/>` to a start and an end
                row += 1
            continue
        at = row
        if refs:
            col = max(_col_number(letters) for letters, _ in refs)
            at = max(int(digits) for _, digits in refs)
        else:
            col += 1
        if closed:
            continue
        ext.add(max(at, 1), max(col, 1))
        if ext.area > max_area:
            return ext
    return ext


@record(slots=True)
class SharedStringsScan:
    """What calamine would trust in sharedStrings.xml: the declared unique count, plus the real
    count and the longest string (in bytes of XML)."""

    unique_count: int = 0
    items: int = 0
    longest: int = 0


def scan_shared_strings(stream: IO[bytes]) -> SharedStringsScan:
    """Count `<si>` items and measure the longest one, streaming."""
    out = SharedStringsScan()
    offset = 0
    opened_at: int | None = None
    root = False
    for region in _tokens(stream):
        if not root:
            root = _unique_count(out, region)
        if b":si" in region or _SI_UNUSUAL.search(region):
            opened_at = _si_tokens(out, region, offset, opened_at)
        else:
            opened_at = _si_plain(out, region, offset, opened_at)
        offset += len(region)
    return out


def _unique_count(out: SharedStringsScan, region: bytes) -> bool:
    """Read the `uniqueCount` calamine reserves room for from the first `<sst>` start tag of the region, found as
    quick-xml finds it (a commented-out `<sst uniqueCount="1">` before it is no tag; a `>` in a quoted value before the
    count does not end the tag; any prefix) — every `uniqueCount` of the tag read, the largest kept (sec23: each of the
    three once hid a count of 2,000,000,000 from the guard). True once the root is read."""
    for m in _ITEM.finditer(region):
        attrs = m.group("attrs")
        if attrs is not None and _SST_NAME.match(attrs):
            out.unique_count = max((int(n) for n in _UNIQUE.findall(attrs)), default=0)
            return True
    return False


#: A start tag's text (`_ITEM`'s attrs of a tag not named row, c or dimension hold its name) that names the `sst` root.
_SST_NAME = re.compile(rb"(?:[^\s:<>\"'/]*:)?sst(?=[\s/>]|$)")


#: What `_SI` matches other than a bare `<si>` or `</si>` (a prefix is caught by looking for ":si"): attributes,
#: white space, a self-closed `<si/>`.
_SI_UNUSUAL = re.compile(rb"</?si[\s/]")


def _si_tokens(out: SharedStringsScan, region: bytes, offset: int, opened_at: int | None) -> int | None:
    """One region's `<si>` tokens, any form (`_SI`); returns where the open item's text starts, if one is open."""
    for m in _SI.finditer(region):
        closing, selfclosed = m.group(1), m.group(2)
        if selfclosed:
            out.items += 1
        elif not closing:
            opened_at = offset + m.end()
        else:
            out.items += 1
            if opened_at is not None:
                out.longest = max(out.longest, offset + m.start() - opened_at)
            opened_at = None
    return opened_at


def _si_plain(out: SharedStringsScan, region: bytes, offset: int, opened_at: int | None) -> int | None:
    """`_si_tokens` for a region whose only `_SI` matches are bare `<si>` and `</si>` (what Excel writes): split at
    each `</si>`, an item's text runs from the last `<si>` before it — one string search per item, not a regex match
    and a Python step per tag (a 180-string table: ≈ 0.3 → 0.06 ms, issue 14). The pieces copy one region, which
    `_tokens` bounds."""
    pieces = region.split(b"</si>")
    last = pieces[-1]
    if len(pieces) > 1:
        start = pieces[0].rfind(b"<si>")  # the first item may have opened in the region before
        if start >= 0:
            opened_at = offset + start + 4
        if opened_at is not None:
            out.longest = max(out.longest, offset + len(pieces[0]) - opened_at)
        lengths = [len(p) - at - 4 for p in pieces[1:-1] if (at := p.rfind(b"<si>")) >= 0]
        if lengths:
            out.longest = max(out.longest, max(lengths))
        out.items += len(pieces) - 1
        opened_at = None
    start = last.rfind(b"<si>")
    return offset + len(region) - len(last) + start + 4 if start >= 0 else opened_at


#: One piece of content.xml as quick-xml (calamine's parser) splits it, as `_ITEM` for a sheet: comments, CDATA, PIs, an
#: end tag by its whole name, a start tag by its whole name (calamine compares `table:table-cell` as written, prefix and
#: all) read to its first `>` outside quotes, text (group `x`, counted as a cell's text), any other `<`.
_ODS_ITEM = lazy_compile(
    rb"<!--(?:[^-]++|-(?!->))*+(?P<c>-->)?"
    rb"|<!\[CDATA\[(?:[^\]]++|\](?!\]>))*+(?P<d>\]\]>)?"
    rb"|<\?(?:[^?]++|\?(?!>))*+(?P<p>\?>)?"
    rb"|</(?P<end>[^\s<>\"'/]*+)[^>]*+(?P<e>>)?"
    rb"|<(?![/!?])(?P<name>[^\s<>\"'/]*+)(?P<attrs>(?:[^>\"']++|\"[^\"]*+\"?|'[^']*+'?)*+)(?P<t>>)?"
    rb"|(?P<x>[^<]++)"
    rb"|<[^>]*+(?P<o>>)?"
)
_ODS_TERMINATORS = frozenset(("c", "d", "p", "e", "t", "o", "x"))
#: Every attribute of a tag as quick-xml reads it: a key is what stands between white space or a closing quote and `=`,
#: its value in either quotes.
_ODS_ATTR = lazy_compile(rb"""(?<![^\s"'])([^\s="'<>/]++)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


#: Attributes that give a cell a value (calamine's get_datatype) or a formula (kept beside the values, as long).
_ODS_VALUE_KEYS = (
    b"office:value",
    b"office:string-value",
    b"office:date-value",
    b"office:time-value",
    b"office:boolean-value",
    b"table:formula",
)
_ODS_CELLS = (b"table:table-cell", b"table:covered-table-cell")


def _ods_attrs(attrs: bytes) -> dict[bytes, bytes]:
    """A tag's attributes; of a key written twice (calamine refuses that) the longer value."""
    out: dict[bytes, bytes] = {}
    for key, double, single in _ODS_ATTR.findall(attrs):
        value = double or single
        if len(value) >= len(out.get(key, b"")):
            out[key] = value
    return out


def _ods_count(attrs: dict[bytes, bytes], key: bytes) -> int:
    """A repeat count as calamine parses it (Rust's `usize` parse: `+3000` is 3,000), entities unescaped; 1 when
    absent, 0 when unreadable (calamine refuses the file there)."""
    value = attrs.get(key)
    if value is None:
        return 1
    text = _unescape(value) if b"&" in value else value.decode("ascii", "replace")
    return int(text) if re.fullmatch(r"\+?[0-9]+", text) else 0


def _unescape(value: bytes) -> str:
    """An attribute value with its character references resolved (as calamine's `decode_attr`)."""
    if b"&" not in value:
        return value.decode("utf-8", "replace")
    import html  # lazy: its entity table (~4 ms) only for an .ods attribute holding a reference

    return html.unescape(value.decode("utf-8", "replace"))


@record(slots=True)
class _OdsCell:
    """A `table:table-cell` start tag read, its content not yet: where it is, how often it repeats, its text."""

    name: bytes
    col: int
    rep: int
    value: bool
    content: bool  # a string cell without a string-value attribute: calamine reads its text elements
    text: int
    depth: int = 0


def scan_ods_tables(stream: IO[bytes], max_area: int) -> list[tuple[str, SheetExtent]]:
    """(sheet name, real extent) of each table in an OpenDocument content.xml, read as calamine reads it (sec24c).

    A cell holds a value when it has a value attribute, a formula, or is a string cell (its text elements then are its
    value); it is repeated `table:number-columns-repeated` times, its row `table:number-rows-repeated` times, and calamine
    copies the value (a string with it) into every one, so values and text count in full (`add_span`, `text_bytes`);
    empty repeats (LibreOffice writes one to the last row) are free. A string cell's text is its content as read, a
    `<text:s text:c="N"/>` counting N spaces (calamine pushes them one by one: a 7-byte tag asked for 200 MB).
    Tags are read as quick-xml reads them (`_ODS_ITEM`): a `>` inside a quoted value, single quotes and `+3000` counts once
    hid repeats from the guard. Stops once an area passes `max_area`."""
    out: list[tuple[str, SheetExtent]] = []
    ext: SheetExtent | None = None
    row = col = 0
    row_rep = 1
    in_row = False
    cell: _OdsCell | None = None
    for m in _exact_items(stream, _ODS_ITEM, _ODS_TERMINATORS):
        name, end = m.group("name"), m.group("end")
        if cell is not None:
            if cell.content and name not in _ODS_CELLS:
                cell.text += m.end() - m.start()
                if name in (b"text:s", b"text:p"):
                    spaces = _ods_count(_ods_attrs(m.group("attrs")), b"text:c") if name == b"text:s" else 1
                    cell.text += spaces
            closes = end in _ODS_CELLS if cell.content else end == cell.name
            if name == cell.name and not cell.content and not m.group("attrs").endswith(b"/"):
                cell.depth += 1
            elif closes and cell.depth:
                cell.depth -= 1
            elif closes:
                if ext is not None:
                    col = _ods_cell_done(ext, cell, row, row_rep)
                cell = None
            continue
        if name is not None:
            closed = m.group("attrs").endswith(b"/")
            if name == b"table:table":
                ext = SheetExtent()
                found = _ods_attrs(m.group("attrs")).get(b"table:name", b"")
                out.append((_unescape(found), ext))
                row, in_row = 0, False
                if closed:
                    ext = None
            elif ext is None:
                continue
            elif name == b"table:table-row":
                row_rep = _ods_count(_ods_attrs(m.group("attrs")), b"table:number-rows-repeated")
                col, in_row = 0, not closed
                if closed:
                    row += row_rep
            elif name in _ODS_CELLS and in_row:
                attrs = _ods_attrs(m.group("attrs"))
                rep = _ods_count(attrs, b"table:number-columns-repeated")
                string = attrs.get(b"office:value-type") == b"string" and not any(
                    k in attrs for k in _ODS_VALUE_KEYS[:5]
                )
                value = string or any(k in attrs for k in _ODS_VALUE_KEYS)
                text = sum(len(attrs.get(k, b"")) for k in _ODS_VALUE_KEYS[1:4] + _ODS_VALUE_KEYS[5:])
                cell = _OdsCell(name, col, rep, value, string and not closed, text)
                if closed:
                    col = _ods_cell_done(ext, cell, row, row_rep)
                    cell = None
            if ext is not None and ext.area > max_area:
                return out
        elif end == b"table:table-row" and ext is not None and in_row:
            row, in_row = row + row_rep, False
        elif end == b"table:table":
            ext = None
    return out


def _ods_cell_done(ext: SheetExtent, cell: _OdsCell, row: int, row_rep: int) -> int:
    """Count a read cell into its table; the column after it."""
    if cell.value and cell.rep and row_rep:
        ext.add_span(row + 1, cell.col + 1, row + row_rep, cell.col + cell.rep)
        ext.text_bytes += cell.text * cell.rep * row_rep
        ext.longest_text = max(ext.longest_text, cell.text)
    return cell.col + cell.rep
