"""Pre-scan of a PDF before pdfplumber/pdfminer open it: inflate every FlateDecode stream with a cap,
and count the pages.

pdfminer inflates a stream with one `zlib.decompress` call when a page needs it, so a 1 MB stream
that inflates to gigabytes takes the process down. Here each stream found by its `stream` keyword
is inflated through `zlib.decompressobj().decompress(data, max_length)` — never more than one
chunk of output in memory — and refused once it passes `max_pdf_stream_bytes` (PDF_BOMB), or once
all streams together pass `max_uncompressed_bytes`. Pages are counted from `/Type /Page` in the
file and in the inflated object streams (PDF 1.5 keeps page dictionaries there); more than
`max_pdf_pages` is refused (PDF_TOO_MANY_PAGES). The file is read in chunks, never whole.

Not covered (stated in docs/bad-inputs.md): streams of an encrypted PDF cannot be inflated without
decrypting them, so they are not measured; LZWDecode streams are not inflated here. What this text search misses,
perfxl.io.pdf_decode catches where pdfminer decodes (its decoders capped while perfxl reads the PDF; sec24b).
"""

from __future__ import annotations

import contextlib
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..limits import MIB, Limits
from .guard import FileKind, GuardReport, unreadable

__all__ = ["inspect_pdf", "PdfScan", "scan_pdf"]

CHUNK = 1 << 20
OUT_CHUNK = 256 * 1024
_TOKEN = re.compile(rb"/Type\s*/Page(?![A-Za-z])|(?<!end)stream(?:\r\n|\n|\r)")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_TAIL = 64  # bytes kept between chunks so a token cut in two is still found (once)
_DICT_WINDOW = 4096


class PdfScan:
    """What the pre-scan found."""

    def __init__(self) -> None:
        self.pages = 0
        self.streams = 0
        self.inflated = 0
        self.largest = 0
        self.encrypted = False
        self.unreadable_streams = 0


class _Bomb(Exception):
    def __init__(self, offset: int, size: int, total: bool) -> None:
        super().__init__(offset, size, total)
        self.offset, self.size, self.total = offset, size, total


def _matches(chunks: Iterator[bytes], pattern: re.Pattern[bytes]) -> Iterator[tuple[int, re.Match[bytes]]]:
    """(absolute offset of the buffer, match) over a chunked byte source; each token found once."""
    carry, base = b"", 0
    for chunk in chunks:
        data = carry + chunk
        limit = max(len(data) - _TAIL, 0)
        end = 0
        for m in pattern.finditer(data):
            if m.start() >= limit:
                break
            yield base, m
            end = m.end()
        cut = max(limit, end)
        carry, base = data[cut:], base + cut
    for m in pattern.finditer(carry):
        yield base, m


def _file_chunks(fh: BinaryIO, start: int = 0) -> Iterator[bytes]:
    fh.seek(start)
    while chunk := fh.read(CHUNK):
        yield chunk


def scan_pdf(fh: BinaryIO, limits: Limits) -> PdfScan:
    """Walk the file once; raises _Bomb (internal) past a cap."""
    scan = PdfScan()
    other = fh.raw if hasattr(fh, "raw") else fh
    with contextlib.ExitStack() as stack:
        # a second handle for the inflations
        reader = stack.enter_context(open(other.name, "rb")) if hasattr(other, "name") else None
        for base, m in _matches(_file_chunks(fh), _TOKEN):
            if not m.group(0).startswith(b"stream"):
                scan.pages += 1
                continue
            at = base + m.end()
            start = max(base + m.start() - _DICT_WINDOW, 0)
            src = reader or fh
            src.seek(start)
            before = src.read(base + m.start() - start)
            dictionary = before[before.rfind(b"obj") + 3 :] if b"obj" in before else before
            if not re.search(rb"/(?:FlateDecode|Fl)(?![A-Za-z])", dictionary):
                continue
            scan.streams += 1
            size = _inflate(src, at, limits, scan, count_pages=b"/ObjStm" in dictionary)
            scan.largest = max(scan.largest, size)
    fh.seek(0)
    scan.encrypted = any(True for _ in _matches(_file_chunks(fh), re.compile(rb"/Encrypt(?![A-Za-z])")))
    return scan


def _inflate(src: BinaryIO, at: int, limits: Limits, scan: PdfScan, *, count_pages: bool) -> int:
    """Inflate one stream starting at `at` with caps; its inflated size (0 when it does not inflate)."""
    dec = zlib.decompressobj()
    out = 0
    pending = b""
    pages_tail = b""
    src.seek(at)
    try:
        while not dec.eof:
            if not pending:
                pending = src.read(64 * 1024)
                if not pending:
                    break
            data = dec.decompress(pending, OUT_CHUNK)
            pending = dec.unconsumed_tail
            out += len(data)
            if out > limits.max_pdf_stream_bytes:
                raise _Bomb(at, out, False)
            if scan.inflated + out > limits.max_uncompressed_bytes:
                raise _Bomb(at, scan.inflated + out, True)
            if count_pages and data:
                joined = pages_tail + data
                scan.pages += len(_PAGE.findall(joined)) - len(_PAGE.findall(pages_tail))
                pages_tail = joined[-_TAIL:]
            if not data and not pending:
                continue
    except zlib.error:
        scan.unreadable_streams += 1  # encrypted or broken: pdfminer cannot inflate it either
    scan.inflated += out
    return out


def inspect_pdf(p: Path, size: int, limits: Limits) -> GuardReport:
    """Verdict on a PDF: PDF_BOMB / PDF_TOO_MANY_PAGES, else GuardReport(kind=pdf, pages=n)."""
    try:
        with p.open("rb") as fh:
            scan = scan_pdf(fh, limits)
    except _Bomb as bomb:
        if bomb.total:
            raise unreadable(
                "PDF_BOMB",
                f"PDF 文件解压后的数据过大（合计超过 {limits.max_uncompressed_bytes // MIB} MB），疑似“压缩炸弹”，已停止读取",
                f"PDF streams inflate past max_uncompressed_bytes={limits.max_uncompressed_bytes} in total (suspected bomb)",
                p,
                part=f"offset {bomb.offset}",
            ) from None
        raise unreadable(
            "PDF_BOMB",
            f"PDF 文件中有一个数据流解压后超过 {limits.max_pdf_stream_bytes // MIB} MB（位于第 {bomb.offset} 字节），疑似“压缩炸弹”，已停止读取",
            f"a PDF stream at byte {bomb.offset} inflates past max_pdf_stream_bytes={limits.max_pdf_stream_bytes} (suspected bomb)",
            p,
            part=f"offset {bomb.offset}",
        ) from None
    except OSError as exc:
        raise unreadable(
            "FILE_NOT_READABLE", f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})", p
        ) from None
    if scan.pages > limits.max_pdf_pages:
        raise unreadable(
            "PDF_TOO_MANY_PAGES",
            f"PDF 页数过多（{scan.pages:,} 页，上限 {limits.max_pdf_pages:,}）；如确需读取，可设置环境变量 PERFXL_MAX_PDF_PAGES 提高上限",
            f"too many PDF pages ({scan.pages} > limit max_pdf_pages={limits.max_pdf_pages}; raise it with PERFXL_MAX_PDF_PAGES)",
            p,
        )
    return GuardReport(str(p), FileKind.PDF, pages=scan.pages)
