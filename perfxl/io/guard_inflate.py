"""Inflate ZIP members without trusting their headers, and check every XML-looking one for a DTD.

`MemberReader` reads one member's raw data itself (local header → compressed bytes) and inflates
it with `zlib.decompressobj(...).decompress(data, max_length)`, so at most one read's worth of
output exists at a time. The member may never yield more bytes than its header declares (the
declared sizes were checked against the limits before); one byte more is a zip bomb (ZIP_BOMB),
fewer bytes or a wrong CRC-32 a corrupt file (ZIP_CORRUPT). zipfile's own `read()` is not used:
it inflates a whole compressed read at once before cutting it to the declared size, which is how a
2 MB file took 2 GB (issue 13).

While a member streams, its first bytes go to `XmlPrologue` when they look like XML (sniffed from
the content, whatever the name): a real parser (defusedxml's, DTDs forbidden) runs until the first
start tag — a DOCTYPE cannot come after it — so comments and processing instructions cannot hide a
`<!DOCTYPE`, and the check costs a few bytes per part.

The parsers stay defusedxml's own on purpose: running pyexpat with defusedxml's refusals copied as handlers
saves ≈ 0.6 % of a batch file and makes perfxl the keeper of a security library's copy (offered and declined in
sessions 11, 12 and 13; docs/performance.md). The first is `defusedxml.ElementTree.DefusedXMLParser` (imported
anyway): defusedxml's SAX reader imports urllib/http/ssl/email through `xml.sax.saxutils`, ≈ 110 M instructions,
7 % of a one-file validate. ElementTree's expat parses namespaces, the SAX reader does not, so on an expat error
(an unbound prefix, say) the SAX reader re-reads the prologue and decides, exactly as before (tests/test_guard13x.py).
"""

from __future__ import annotations

import codecs
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import BinaryIO
from xml.etree.ElementTree import ParseError

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

__all__ = [
    "MemberReader",
    "XmlPrologue",
    "looks_like_xml",
    "ZipBombError",
    "MemberCorrupt",
    "DtdForbidden",
    "MAX_PROLOGUE",
    "CHUNK",
    "open_member",
]

CHUNK = 1 << 20
RAW_CHUNK = 64 * 1024
#: Bytes of prologue (declaration, comments, PIs) allowed before the first element.
MAX_PROLOGUE = 64 * 1024
_LOCAL = struct.Struct("<IHHHHHIIIHH")


class ZipBombError(Exception):
    """A member inflates past its declared size."""

    def __init__(self, member: str, declared: int) -> None:
        super().__init__(member, declared)
        self.member, self.declared = member, declared


class MemberCorrupt(Exception):
    """Bad local header, truncated data, wrong size or CRC-32; `crc` tells the CRC case apart."""

    def __init__(self, member: str, detail: str, *, crc: bool = False) -> None:
        super().__init__(f"{member}: {detail}")
        self.member, self.detail, self.crc = member, detail, crc


class DtdForbidden(Exception):
    """An XML part declares a DOCTYPE (or ENTITY), or has no root element within MAX_PROLOGUE."""

    def __init__(self, member: str, what: str) -> None:
        super().__init__(member, what)
        self.member, self.what = member, what  # what: "doctype" | "entity" | "prologue"


def looks_like_xml(head: bytes) -> bool:
    """True when the first bytes are markup: '<' after an optional BOM and white space, or UTF-16 '<'."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        return True
    text = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    return text.lstrip(b" \t\r\n").startswith(b"<")


class _FirstElement(Exception):
    pass


_DECL_ENCODING = re.compile(rb'^(\s*<\?xml[^>]*?encoding\s*=\s*)(["\'])([A-Za-z0-9._-]+)\2')
_EXPAT_CODECS = {
    "utf-8",
    "utf8",
    "utf-16",
    "utf16",
    "utf-16le",
    "utf-16be",
    "iso-8859-1",
    "latin-1",
    "latin1",
    "us-ascii",
    "ascii",
}


class XmlPrologue:
    """Feed the start of an XML document; raises DtdForbidden on a DOCTYPE/ENTITY before the root.

    `done` turns True at the first start tag, after which `feed` ignores its input. A declared
    encoding expat lacks (GBK, GB2312 — common in system exports) is transcoded to UTF-8 on the fly.
    A part expat cannot parse before its first element is malformed (whatever parses it later fails
    on its own): for it, a plain search for `<!DOCTYPE`/`<!ENTITY` in its first MAX_PROLOGUE bytes
    decides.
    """

    def __init__(self, member: str) -> None:
        self.member = member
        self.done = False
        self._seen = 0
        self._head = bytearray()
        self._text_mode = False
        self._decoder: codecs.IncrementalDecoder | None = None
        self._parser = self._new_parser()
        self._sax = False

    @staticmethod
    def _new_parser():
        return DefusedXMLParser(target=_Stop(), forbid_dtd=True, forbid_entities=True, forbid_external=True)

    def feed(self, data: bytes) -> None:
        if self.done or not data:
            return
        piece = data[: MAX_PROLOGUE - self._seen]
        self._seen += len(piece)
        if not self._head:
            piece = self._transcoder(piece)
        elif self._decoder is not None:
            piece = self._decoder.decode(piece).encode("utf-8")
        self._head += piece
        if not self._text_mode:
            self._parse(piece)
        if self._seen >= MAX_PROLOGUE and not self.done:  # (_parse may have set done)
            self.done = True
            self._text_search(bytes(self._head))
            if not self._text_mode:
                raise DtdForbidden(self.member, "prologue")

    def close(self) -> None:
        """End of the part: a short part that never reached an element is fine unless it hides a DTD."""
        if not self.done:
            self.done = True
            self._text_search(bytes(self._head))

    def _transcoder(self, first: bytes) -> bytes:
        """The first piece, re-encoded as UTF-8 (declaration rewritten) when it declares a codec expat lacks."""
        m = _DECL_ENCODING.match(first)
        if not m:
            return first
        codec = m.group(3).decode("ascii").lower()
        if codec in _EXPAT_CODECS:
            return first
        try:
            self._decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        except LookupError:
            return first  # expat reports the unknown encoding: text mode
        text = self._decoder.decode(first).encode("utf-8")
        return _DECL_ENCODING.sub(lambda mm: mm.group(1) + mm.group(2) + b"UTF-8" + mm.group(2), text, count=1)

    def _parse(self, piece: bytes) -> None:
        try:
            self._parser.feed(piece)
        except _FirstElement:
            self.done = True
        except DTDForbidden:
            raise DtdForbidden(self.member, "doctype") from None
        except (EntitiesForbidden, ExternalReferenceForbidden):
            raise DtdForbidden(self.member, "entity") from None
        except ParseError:
            if self._sax:
                self._text_mode = True
                self._text_search(bytes(self._head))
            else:  # namespace-aware expat refused it: the SAX reader (no namespaces) decides, from the start
                self._sax = True
                self._parser = _SaxReader()
                self._parse(bytes(self._head))
        except (ValueError, LookupError):
            self._text_mode = True
            self._text_search(bytes(self._head))

    def _text_search(self, head: bytes) -> None:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:2] == b"\x00" or head[:1] == b"\x00":
            big = head.startswith(b"\xfe\xff") or head[:1] == b"\x00"
            head = head.decode("utf-16-be" if big else "utf-16-le", "ignore").encode("utf-8")
        upper = head.upper()
        if b"<!ENTITY" in upper:
            raise DtdForbidden(self.member, "entity")
        if b"<!DOCTYPE" in upper:
            raise DtdForbidden(self.member, "doctype")


class _Stop:
    """ElementTree parser target that ends the parse at the first start tag (it has no other handler)."""

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        raise _FirstElement


class _SaxReader:
    """defusedxml's SAX expat reader (DTDs, entities, external references forbidden), stopping at the first start
    tag; its errors are `ParseError`s. Imported only here: a part namespace-aware expat refused is rare."""

    def __init__(self) -> None:
        # lazy: the SAX reader is built only for a part plain expat refused (see the docstring)
        from xml.sax import SAXException

        from defusedxml.expatreader import create_parser

        self._errors = SAXException
        self._reader = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
        self._reader.setContentHandler(_SaxStop())

    def feed(self, data: bytes) -> None:
        try:
            self._reader.feed(data)
        except self._errors as exc:
            raise ParseError(str(exc)) from None


class _SaxStop:
    """SAX content handler that ends the parse at the first start tag."""

    def startElement(self, name, attrs):  # the SAX API's name
        raise _FirstElement

    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


class MemberReader(io.RawIOBase):
    """One ZIP member, inflated with hard caps (see the module docstring). Wrap it in
    `io.BufferedReader` for small reads. `on_complete(name)` runs once the size and CRC checked out."""

    def __init__(
        self,
        fp: BinaryIO,
        info: zipfile.ZipInfo,
        *,
        check_xml: bool = True,
        on_complete: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.name = info.filename
        self._fp = fp
        self._declared = info.file_size
        self._crc_expected = info.CRC
        self._on_complete = on_complete
        fp.seek(info.header_offset)
        header = fp.read(_LOCAL.size)
        if len(header) < _LOCAL.size or _LOCAL.unpack(header)[0] != 0x04034B50:
            raise MemberCorrupt(self.name, "bad local file header")
        name_len, extra_len = _LOCAL.unpack(header)[9:11]
        self._pos = info.header_offset + _LOCAL.size + name_len + extra_len
        self._raw_left = info.compress_size
        if info.compress_type == zipfile.ZIP_DEFLATED:
            self._dec: zlib._Decompress | None = zlib.decompressobj(-15)
        elif info.compress_type == zipfile.ZIP_STORED:
            self._dec = None
            if info.compress_size != info.file_size:
                raise MemberCorrupt(self.name, "stored member whose sizes differ")
        else:
            raise MemberCorrupt(self.name, f"compression method {info.compress_type}")
        self._out = 0
        self._crc = 0
        self._eof = False
        self._xml: XmlPrologue | None = None
        self._sniffed = not check_xml

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._eof:
            return 0
        want = len(buffer)
        data = self._next(want)
        n = len(data)
        buffer[:n] = data
        return n

    def _next(self, want: int) -> bytes:
        """Up to `want` bytes of output; b"" only at the (verified) end."""
        while True:
            remaining = self._declared - self._out
            if self._dec is None:
                raw = self._read_raw(min(want, self._raw_left))
                data = raw
            else:
                # Ask for one byte more than may remain, so data past the declared size shows up.
                limit = min(want, remaining) if remaining > 0 else 1
                tail = self._dec.unconsumed_tail
                if tail:
                    data = self._dec.decompress(tail, limit)
                elif self._raw_left > 0 and not self._dec.eof:
                    data = self._dec.decompress(self._read_raw(min(RAW_CHUNK, self._raw_left)), limit)
                else:
                    data = b""
            if len(data) > remaining:
                raise ZipBombError(self.name, self._declared)
            if data:
                self._account(data)
                return data
            if self._dec is None or self._dec.eof or (self._raw_left <= 0 and not self._dec.unconsumed_tail):
                self._finish()
                return b""

    def _read_raw(self, n: int) -> bytes:
        if n <= 0:
            return b""
        self._fp.seek(self._pos)
        raw = self._fp.read(n)
        if not raw:
            raise MemberCorrupt(self.name, "data cut short")
        self._pos += len(raw)
        self._raw_left -= len(raw)
        return raw

    def _account(self, data: bytes) -> None:
        self._out += len(data)
        self._crc = zlib.crc32(data, self._crc)
        if not self._sniffed:
            self._sniffed = True
            if looks_like_xml(data[:64]):
                self._xml = XmlPrologue(self.name)
        if self._xml is not None and not self._xml.done:
            self._xml.feed(data)

    def _finish(self) -> None:
        self._eof = True
        if self._dec is not None and not self._dec.eof:
            raise MemberCorrupt(self.name, "deflate stream cut short")
        if self._out != self._declared:
            raise MemberCorrupt(self.name, f"{self._out} bytes where the header declares {self._declared}")
        if self._crc != self._crc_expected:
            raise MemberCorrupt(self.name, "Bad CRC-32", crc=True)
        if self._xml is not None:
            self._xml.close()
        if self._on_complete is not None:
            self._on_complete(self.name)

    def drain(self) -> None:
        """Read to the end (verifying size, CRC and the XML prologue) and discard the bytes."""
        while self._next(CHUNK):
            pass


def open_member(fp: BinaryIO, info: zipfile.ZipInfo, **kwargs) -> io.BufferedReader:
    """A buffered MemberReader (small reads stay cheap)."""
    return io.BufferedReader(MemberReader(fp, info, **kwargs), CHUNK)
