"""pdfminer's own stream decoders, bounded while perfxl reads a PDF: what the reader inflates is what is measured.

The pre-scan (perfxl.io.guard_pdf) inflates the FlateDecode streams it finds by a text search; pdfminer decodes
what its parser finds, through every filter of the chain. Between the two, red-teaming found streams the pre-scan
never measured (sec24b): `/Filter [/FlateDecode /FlateDecode]` (the inner layer), `[/ASCIIHexDecode /FlateDecode]`,
an LZW stream, `/Filter 9 0 R`, `/Fl#61teDecode`, a dictionary longer than its 4 KiB window or holding the word
"obj", an encrypted PDF (pdfminer decrypts with the empty password), a RunLength layer (×64), a CCITT layer with a
huge `/Columns` — a few KB each, gigabytes once pdfminer's `zlib.decompress` or `b"".join` ran; and a corrupt Flate
stream's fallback (`decompress_corrupted`) grows its output one `+=` per input byte, quadratic.

`bounded_decoding(limits)` puts capped stand-ins into `pdfminer.pdftypes` (the names its `PDFStream.decode` looks
up at call time): each layer of each stream may yield at most `max_pdf_stream_bytes`, all of them together
`max_uncompressed_bytes`; past either, UnreadableWorkbook PDF_BOMB. The stand-ins keep pdfminer's results (same
bytes, same errors) and cost nothing to a PDF within the limits; outside the block they run uncapped.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterator
from contextvars import ContextVar
from io import BytesIO
from pathlib import Path
from typing import Any

from ..errors import UnreadableWorkbook
from ..limits import MIB, Limits

__all__ = ["bounded_decoding"]

OUT_CHUNK = 256 * 1024


class _Budget:
    """The caps of one PDF's reading and what its decoders yielded so far."""

    def __init__(self, limits: Limits, path: Path) -> None:
        self.stream, self.total, self.path, self.spent = (
            limits.max_pdf_stream_bytes,
            limits.max_uncompressed_bytes,
            path,
            0,
        )
        self.page_chars = limits.max_pdf_page_chars
        self.objects, self.objects_spent = limits.max_pdf_objects, 0
        self.stack_items = limits.max_pdf_stack_items

    def claim_objects(self, count: int) -> None:
        """Object ids declared by a cross-reference section; PDF_TOO_MANY_OBJECTS past the cap."""
        self.objects_spent += count
        if self.objects_spent > self.objects:
            raise self._over(
                "PDF_TOO_MANY_OBJECTS",
                f"PDF 的交叉引用表声明的对象过多（超过 {self.objects:,} 个，正常报告不过数万个）",
                f"the PDF's cross-reference sections declare more than max_pdf_objects={self.objects} objects",
                "PERFXL_MAX_PDF_OBJECTS",
            )

    def refuse_stack(self, held: int) -> UnreadableWorkbook:
        return self._over(
            "PDF_OBJECT_TOO_LARGE",
            f"PDF 中的数组、字典或一串操作数过大（同时超过 {self.stack_items:,} 项，正常报告不过数百项）",
            f"a PDF array, dictionary or run of operands holds more than max_pdf_stack_items={self.stack_items} items",
            "PERFXL_MAX_PDF_STACK_ITEMS",
        )

    def refuse_page(self, page: object) -> UnreadableWorkbook:
        return self._over(
            "PDF_PAGE_TOO_DENSE",
            f"PDF 第 {page} 页的文字过多（超过 {self.page_chars:,} 个字符，正常报告一页不过数千字）",
            f"PDF page {page} shows more than max_pdf_page_chars={self.page_chars} glyphs",
            "PERFXL_MAX_PDF_PAGE_CHARS",
        )

    def _over(self, code: str, zh: str, en: str, variable: str) -> UnreadableWorkbook:
        return UnreadableWorkbook(
            f"{zh}，无法安全读取；如确需读取，可设置环境变量 {variable} 提高上限（内存占用随之增加）",
            f"{en} (raise it with {variable}; memory grows with it)",
            code=code,
            path=str(self.path),
        )

    def refuse(self, total: bool) -> UnreadableWorkbook:
        if total:
            zh = f"PDF 文件解压后的数据过大（合计超过 {self.total / MIB:.3g} MB），疑似“压缩炸弹”，已停止读取"
            en = f"PDF streams decode past max_uncompressed_bytes={self.total} in total (suspected bomb)"
        else:
            zh = f"PDF 文件中有一个数据流解码后超过 {self.stream / MIB:.3g} MB，疑似“压缩炸弹”，已停止读取"
            en = f"a PDF stream decodes past max_pdf_stream_bytes={self.stream} (suspected bomb)"
        return UnreadableWorkbook(zh, en, code="PDF_BOMB", path=str(self.path))


_BUDGET: ContextVar[_Budget | None] = ContextVar("perfxl_pdf_budget", default=None)


class _Out:
    """One layer's output, gathered in pieces and refused one piece past the caps (never joined past them)."""

    def __init__(self) -> None:
        self.budget = _BUDGET.get()
        self.parts: list[bytes] = []
        self.size = 0

    def add(self, piece: bytes) -> None:
        self.claim(len(piece))
        self.parts.append(piece)

    def claim(self, size: int) -> None:
        """Count `size` more bytes of output; PDF_BOMB past a cap."""
        self.size += size
        budget = self.budget
        if budget is not None:
            if self.size > budget.stream:
                raise budget.refuse(False)
            if budget.spent + self.size > budget.total:
                raise budget.refuse(True)

    def join(self) -> bytes:
        if self.budget is not None:
            self.budget.spent += self.size
        return b"".join(self.parts)


def _inflate(dec: Any, data: bytes, out: _Out) -> None:
    """Feed `data` to a decompressobj, one OUT_CHUNK of output at a time."""
    while True:
        piece = dec.decompress(data, OUT_CHUNK)
        out.add(piece)
        data = dec.unconsumed_tail
        if not data or dec.eof:
            return


class _Zlib:
    """Stands in for the `zlib` module inside pdfminer.pdftypes: `decompress` as zlib's (the same bytes, the same
    error on a broken or truncated stream), its output capped."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)

    @staticmethod
    def decompress(data: bytes) -> bytes:
        dec = zlib.decompressobj()
        out = _Out()
        _inflate(dec, data, out)
        if not dec.eof:
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out.join()


def _decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's fallback for a Flate stream with a bad checksum, linear and capped: its byte-by-byte feeding
    raised on an error before the last 3 bytes and returned what it had on one within them."""
    dec = zlib.decompressobj()
    out = _Out()
    head = max(len(data) - 3, 0)
    _inflate(dec, data[:head], out)
    with contextlib.suppress(zlib.error):
        for i in range(head, len(data)):
            _inflate(dec, data[i : i + 1], out)
    return out.join()


def _lzwdecode(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder  # (pdfminer lazily here, see bounded_decoding)

    out = _Out()
    for piece in LZWDecoder(BytesIO(data)).run():
        out.add(piece)
    return out.join()


def _rldecoder(decode: Any) -> Any:
    """pdfminer's RunLength decoder (its bytes, its errors), once the runs' lengths are summed within the caps: a
    2-byte run yields up to 128 bytes."""

    measured = _checked(decode)

    def run(data: bytes) -> bytes:
        size, i, n = 0, 0, len(data)
        while i < n and data[i] != 128:
            length = data[i]
            size, i = (size + length + 1, i + length + 2) if length < 128 else (size + 257 - length, i + 2)
        _Out().claim(size)  # refused here when the runs add up past a cap
        return measured(data)

    return run


def _ccittfaxdecode(data: bytes, params: dict[str, object]) -> bytes:
    # (pdfminer lazily here, see bounded_decoding)
    from pdfminer.ccitt import CCITTFaxDecoder
    from pdfminer.pdfexceptions import PDFValueError

    class _Decoder(CCITTFaxDecoder):
        """pdfminer's decoder, its lines gathered in a list (its `+=` was quadratic) and capped."""

        def output_line(self, y: int, bits: Any) -> None:
            self._buf = b""
            super().output_line(y, bits)
            out.add(self._buf)

    if params.get("K") != -1:
        raise PDFValueError(params.get("K"))
    cols = params.get("Columns")
    budget = _BUDGET.get()
    if budget is not None and isinstance(cols, int) and cols > budget.stream:
        raise budget.refuse(False)  # one line alone holds `cols` bits (and pdfminer a list of them)
    out = _Out()
    parser = _Decoder(cols, bytealign=bool(params.get("EncodedByteAlign")), reversed=bool(params.get("BlackIs1")))  # type: ignore[arg-type]  # `cols` as pdfminer reads it
    parser.feedbytes(data)
    return out.join()


def _checked(decode: Any) -> Any:
    """A decoder whose output is at most a few times its input (ASCII85, ASCIIHex): measured once it returns."""

    def run(data: bytes) -> bytes:
        out = _Out()
        out.add(decode(data))
        return out.join()

    return run


def _counted(render_char: Any) -> Any:
    """pdfminer's render_char, counting the glyphs of its device (one device a page) against the page's cap."""

    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _BUDGET.get()
        if budget is not None:
            count = self.__dict__.get("_perfxl_glyphs", 0) + 1
            self._perfxl_glyphs = count
            if count > budget.page_chars:
                raise budget.refuse_page(getattr(self, "pageno", "?"))
        return render_char(self, *args, **kwargs)

    return run


def _bounded_stacks(psparser: Any, pdfinterp: Any) -> None:
    """pdfminer's parser stacks held to `max_pdf_stack_items`: the items of the arrays and dictionaries open at once
    (a 4 KB content stream `[1.5 1.5 …]` of 2,000,000 items held 340 MB, nested `[[[…` as much; the stream cap
    allowed 8 times more), and the page interpreter's operands waiting for their operator. Counted as they are pushed:
    the items of the containers open around the current one are counted as one opens or closes, so a push costs one
    comparison."""
    parser, interpreter = psparser.PSStackParser, pdfinterp.PDFPageInterpreter
    push, start_type, end_type, push_operand = parser.push, parser.start_type, parser.end_type, interpreter.push

    def check(self: Any, held: int) -> None:
        budget = _BUDGET.get()
        if budget is not None and held > budget.stack_items:
            raise budget.refuse_stack(held)

    def held_open(self: Any) -> int:
        """The items of the containers open around the current one, and they themselves (0 when none is open: a
        `reset` empties them)."""
        return self.__dict__.get("_perfxl_open", 0) if self.context else 0

    def counted_push(self: Any, *objs: Any) -> None:
        push(self, *objs)
        check(self, len(self.curstack) + held_open(self))

    def counted_start(self: Any, pos: int, type: str) -> None:
        held = held_open(self) + len(self.curstack) + 1  # the current stack is put aside with the new container
        start_type(self, pos, type)
        self._perfxl_open = held
        check(self, held)

    def counted_end(self: Any, type: str) -> Any:
        out = end_type(self, type)
        self._perfxl_open = held_open(self) - len(self.curstack) - 1  # the stack put aside is current again
        return out

    def counted_operand(self: Any, obj: Any) -> None:
        push_operand(self, obj)
        check(self, len(self.argstack))

    parser.push, parser.start_type, parser.end_type, interpreter.push = (
        counted_push,
        counted_start,
        counted_end,
        counted_operand,
    )


class _CountedOffsets(dict):
    """A cross-reference table's offsets (pdfminer's `PDFXRef.offsets`), each new object id claimed from the budget."""

    def __init__(self, budget: _Budget) -> None:
        super().__init__()
        self.budget = budget

    def __setitem__(self, key: Any, value: Any) -> None:
        if key not in self:
            self.budget.claim_objects(1)
        super().__setitem__(key, value)


def _counted_xrefs(pdfdocument: Any) -> None:
    """pdfminer's cross-reference sections count their object ids against the reading's budget."""
    table_init, stream_load = pdfdocument.PDFXRef.__init__, pdfdocument.PDFXRefStream.load

    def init(self: Any) -> None:
        table_init(self)
        budget = _BUDGET.get()
        if budget is not None:
            self.offsets = _CountedOffsets(budget)

    def load(self: Any, parser: Any) -> None:
        stream_load(self, parser)
        budget = _BUDGET.get()
        if budget is not None:
            budget.claim_objects(sum(max(n, 0) for _, n in self.ranges if isinstance(n, int)))

    pdfdocument.PDFXRef.__init__ = init
    pdfdocument.PDFXRefStream.load = load


@contextlib.contextmanager
def bounded_decoding(limits: Limits, path: Path) -> Iterator[None]:
    """pdfminer's decoders capped by `limits` while the block reads the PDF at `path`."""
    # lazy: pdfminer comes with the optional `pdf` extra, and perfxl.document.pdf_reader (which imports this module)
    # must load without it to say so (DEPENDENCY_MISSING)
    import pdfminer.pdftypes as pdftypes

    if not getattr(pdftypes, "_perfxl_bounded", False):
        pdftypes.zlib = _Zlib  # type: ignore[assignment]  # a stand-in for the zlib module pdfminer calls
        pdftypes.decompress_corrupted = _decompress_corrupted
        pdftypes.lzwdecode = _lzwdecode
        pdftypes.rldecode = _rldecoder(pdftypes.rldecode)
        pdftypes.ccittfaxdecode = _ccittfaxdecode
        pdftypes.ascii85decode = _checked(pdftypes.ascii85decode)
        pdftypes.asciihexdecode = _checked(pdftypes.asciihexdecode)
        pdftypes._perfxl_bounded = True  # type: ignore[attr-defined]  # perfxl's mark on pdfminer's module
        from pdfminer.converter import PDFLayoutAnalyzer

        PDFLayoutAnalyzer.render_char = _counted(PDFLayoutAnalyzer.render_char)  # type: ignore[method-assign]  # wrapped in place, once
        import pdfminer.pdfdocument as pdfdocument

        _counted_xrefs(pdfdocument)
        import pdfminer.pdfinterp as pdfinterp
        import pdfminer.psparser as psparser

        _bounded_stacks(psparser, pdfinterp)
    token = _BUDGET.set(_Budget(limits, path))
    try:
        yield
    finally:
        _BUDGET.reset(token)
