"""Low-level makers for the bad-input corpus: ZIP surgery, a hand-written .xlsb, a real zip bomb.

Everything is deterministic (fixed content, fixed seeds) so a failing corpus row reproduces.
"""

from __future__ import annotations

import struct
import subprocess
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

MIB = 1 << 20

Edit = Callable[[bytes], bytes | None]


def plain_xlsx(
    path: Path, sheets: Iterable[tuple[str, list[list[object]]]] = (), *, hidden: Iterable[str] = ()
) -> Path:
    """A small real workbook written by XlsxWriter (the file-level defects are cut into it later)."""
    import xlsxwriter

    sheets = list(sheets) or [
        ("自评表", [["项目名称", "科技创新"], ["年度资金总额", 2223.04, 2223.04, 2223.04, 10, 100, 10]])
    ]
    hidden = set(hidden)
    wb = xlsxwriter.Workbook(str(path))
    for name, rows in sheets:
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
        if name in hidden:
            ws.hide()
    wb.close()
    return path


def rewrite_zip(
    src: Path,
    dst: Path,
    edits: dict[str, Edit] | None = None,
    *,
    add: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """Copy a ZIP member by member; `edits[name](data)` returns new bytes, or None to drop the member."""
    edits = edits or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in edits:
                data = edits[info.filename](data)
                if data is None:
                    continue
            zout.writestr(info.filename, data, compress_type=compression)
        for name, data in (add or {}).items():
            zout.writestr(name, data, compress_type=compression)
    return dst


def flip_stored_byte(path: Path, member: str, marker: bytes) -> None:
    """Change one byte of a STORED member's data in place (after `marker`), leaving its CRC stale."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
        assert info.compress_type == zipfile.ZIP_STORED
    raw = bytearray(path.read_bytes())
    name_len, extra_len = struct.unpack_from("<HH", raw, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len
    at = raw.index(marker, start, start + info.compress_size) + len(marker)
    raw[at] = ord("9") if raw[at] != ord("9") else ord("8")
    path.write_bytes(bytes(raw))


# ---------------------------------------------------------------- raw ZIP writing (for the bomb)


def _raw_zip(path: Path, members: list[tuple[str, int, int, list[bytes]]]) -> None:
    """Write a ZIP whose members are (name, crc, uncompressed size, raw-deflate pieces)."""
    central = bytearray()
    with path.open("wb") as out:
        for name, crc, usize, pieces in members:
            offset = out.tell()
            csize = sum(len(p) for p in pieces)
            bname = name.encode("utf-8")
            out.write(
                struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, csize, usize, len(bname), 0) + bname
            )
            for piece in pieces:
                out.write(piece)
            central += (
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    0x800,
                    8,
                    0,
                    0x21,
                    crc,
                    csize,
                    usize,
                    len(bname),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + bname
            )
        start = out.tell()
        out.write(central)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0))


def _deflate_member(data: bytes) -> tuple[int, int, list[bytes]]:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return zlib.crc32(data), len(data), [c.compress(data) + c.flush()]


def _times(columns: tuple[int, ...], v: int) -> int:
    """The 32×32 bit matrix `columns` (column i: the image of bit i) times the 32-bit vector `v`, over GF(2)."""
    out, i = 0, 0
    while v:
        if v & 1:
            out ^= columns[i]
        v >>= 1
        i += 1
    return out


def crc32_repeated(block: bytes, n: int, crc: int = 0) -> int:
    """`zlib.crc32` of `block` repeated `n` times, continuing `crc`, without hashing n blocks (2 GiB: 0.6 s → 0.02 s).

    zlib.crc32(block, c) is an affine map of c over GF(2): c ↦ M·c ⊕ crc32(block, 0), with M's columns read off
    zlib itself (crc32(block, 1 << i) ⊕ crc32(block, 0)); the map is raised to the n-th power by squaring."""
    zero = zlib.crc32(block, 0)
    power = (tuple(zlib.crc32(block, 1 << i) ^ zero for i in range(32)), zero)  # one block: (M, b)
    result: tuple[tuple[int, ...], int] | None = None

    def then(f, g):  # f, then g: x ↦ G(Fx ⊕ f_b) ⊕ g_b
        return tuple(_times(g[0], c) for c in f[0]), _times(g[0], f[1]) ^ g[1]

    while n:
        if n & 1:
            result = power if result is None else then(result, power)
        power = then(power, power)
        n >>= 1
    return crc if result is None else _times(result[0], crc) ^ result[1]


def adler32_repeated(block: bytes, n: int, adler: int = 1) -> int:
    """`zlib.adler32` of `block` repeated `n` times, continuing `adler`, in closed form (RFC 1950's sums:
    A grows by the block's byte sum each time, B by the block's length times A plus the block's own B)."""
    mod, length = 65521, len(block)
    one = zlib.adler32(block, 1)  # from A = 1, B = 0
    s = ((one & 0xFFFF) - 1) % mod  # the block's byte sum
    t = ((one >> 16) - length) % mod  # its B from A = 0
    a, b = adler & 0xFFFF, adler >> 16
    b = (b + n * length * a + length * s * (n * (n - 1) // 2) + n * t) % mod
    a = (a + n * s) % mod
    return (b << 16) | a


def zip_bomb_xlsx(src: Path, dst: Path, member: str, gib: float = 2, *, declared: int | None = None) -> Path:
    """`src` with `member` replaced by a valid worksheet padded with `gib` GiB of spaces.

    The padding is one 1 MiB block deflated once after a full flush and repeated, so the file is
    ~1 MB per GiB and builds in a second or two; the CRC is true, so a naive reader really
    inflates gigabytes. `declared` makes the member lie: its headers claim that many bytes
    (a size under every limit), while its data still inflates to `gib` GiB.
    """
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    tail = b'<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'
    chunk = b" " * MIB
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    last = c.compress(tail) + c.flush()
    repeats = int(gib * 1024)
    crc = zlib.crc32(tail, crc32_repeated(chunk, repeats, zlib.crc32(head)))
    members = []
    with zipfile.ZipFile(src) as zin:
        for info in zin.infolist():
            if info.filename == member:
                usize = len(head) + repeats * MIB + len(tail) if declared is None else declared
                members.append((member, crc, usize, [first, *([block] * repeats), last]))
            else:
                members.append((info.filename, *_deflate_member(zin.read(info.filename))))
    _raw_zip(dst, members)
    return dst


# ---------------------------------------------------------------- a hand-written .xlsb (BIFF12)


def _rec(rtype: int, body: bytes = b"") -> bytes:
    head = bytes([rtype]) if rtype < 0x80 else bytes([(rtype & 0x7F) | 0x80, rtype >> 7])
    size, out = len(body), bytearray()
    while True:
        byte = size & 0x7F
        size >>= 7
        out.append(byte | (0x80 if size else 0))
        if not size:
            break
    return head + bytes(out) + body


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def xlsb_name_record(name: str, rgce: bytes) -> bytes:
    """A BrtName (defined name) record whose formula is the raw token bytes `rgce`."""
    return _rec(0x27, struct.pack("<IBI", 0, 0, 0) + _wide(name) + struct.pack("<I", len(rgce)) + rgce)


def xlsb(
    path: Path,
    sheet: str,
    cells: list[tuple[int, int, object]],
    strings: list[str] = (),
    *,
    workbook_extra: bytes = b"",
) -> Path:
    """A minimal .xlsb: one sheet, cells (0-based row, col, value: float | str | bool | ("isst", i));
    `workbook_extra` records go after the sheet list (defined names)."""
    wb = (
        _rec(0x83)
        + _rec(0x8F)
        + _rec(0x9C, struct.pack("<II", 0, 1) + _wide("rId1") + _wide(sheet))
        + _rec(0x90)
        + workbook_extra
        + _rec(0x84)
    )
    rows: dict[int, list[tuple[int, object]]] = {}
    for r, c, v in cells:
        rows.setdefault(r, []).append((c, v))
    last_r = max(rows, default=0)
    last_c = max((c for _, c, _ in cells), default=0)
    body = _rec(0x81) + _rec(0x94, struct.pack("<IIII", 0, last_r, 0, last_c)) + _rec(0x91)
    for r in sorted(rows):
        body += _rec(0x00, struct.pack("<IIHBB", r, 0, 300, 0, 0))
        for c, v in sorted(rows[r], key=lambda cv: cv[0]):
            if isinstance(v, bool):
                body += _rec(0x04, struct.pack("<IIB", c, 0, int(v)))
            elif isinstance(v, (int, float)):
                body += _rec(0x05, struct.pack("<IId", c, 0, float(v)))
            elif isinstance(v, tuple):
                body += _rec(0x07, struct.pack("<III", c, 0, v[1]))
            else:
                body += _rec(0x06, struct.pack("<II", c, 0) + _wide(str(v)))
    body += _rec(0x92) + _rec(0x82)
    sst = _rec(0x9F, struct.pack("<II", len(strings), len(strings)))
    for s in strings:
        sst += _rec(0x13, b"\x00" + _wide(s))
    sst += _rec(0xA0)
    ct = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
        '<Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/>'
        '<Override PartName="/xl/sharedStrings.bin" ContentType="application/vnd.ms-excel.sharedStrings"/></Types>'
    )
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel_ns}/officeDocument" Target="xl/workbook.bin"/></Relationships>'
    )
    wb_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel_ns}/worksheet" Target="worksheets/sheet1.bin"/>'
        f'<Relationship Id="rId2" Type="{rel_ns}/sharedStrings" Target="sharedStrings.bin"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", ct)
        zf.writestr("_rels/.rels", root_rels)
        zf.writestr("xl/workbook.bin", wb)
        zf.writestr("xl/_rels/workbook.bin.rels", wb_rels)
        zf.writestr("xl/worksheets/sheet1.bin", body)
        zf.writestr("xl/sharedStrings.bin", sst)
    return path


# ---------------------------------------------------------------- LibreOffice and OLE


def soffice_convert(src: Path, fmt: str, outdir: Path) -> Path:
    """Convert with LibreOffice headless (own profile dir, so parallel runs do not collide)."""
    profile = outdir / ".lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    if not out.is_file():
        raise RuntimeError(f"LibreOffice did not write {out}")
    return out


def retype_biff_record(path: Path, old_type: int, new_type: int) -> None:
    """Give the first BIFF record of `old_type` in the Workbook stream the type `new_type` (same size)."""
    import olefile

    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = bytearray(ole.openstream("Workbook").read())
        pos = 0
        while pos + 4 <= len(data):
            rtype, rlen = struct.unpack_from("<HH", data, pos)
            if rtype == old_type:
                struct.pack_into("<H", data, pos, new_type)
                ole.write_stream("Workbook", bytes(data))
                return
            pos += 4 + rlen
    raise ValueError(f"no BIFF record 0x{old_type:04X} in {path}")


# ---------------------------------------------------------------- report documents and "fake Excel" exports


def plain_docx(path: Path, paragraphs: Iterable[str] = ("一、部门基本情况", "本部门共有编制32人。")) -> Path:
    """A small real Word document written by python-docx (the defects are cut into it later)."""
    import docx

    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "年度资金总额", "2223.04"
    doc.save(str(path))
    return path


def pdf_flate_bomb(path: Path, mib: int = 1024) -> Path:
    """A one-page PDF whose content stream is zlib data inflating to `mib` MiB of spaces (~1 KB per
    MiB on disk): one deflated 1 MiB block after a full flush, repeated; the Adler-32 is true."""
    chunk = b" " * MIB
    head = b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n"
    c = zlib.compressobj(9)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = raw.compress(chunk) + raw.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    adler = adler32_repeated(chunk, mib, zlib.adler32(head))
    stream = first + block * mib + end + struct.pack(">I", adler)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return _write_pdf(path, objects)


def simple_pdf(path: Path, pages: int = 1, *, text: str = "x") -> Path:
    """A minimal valid PDF of `pages` pages (uncompressed content streams)."""
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
    for i in range(pages):
        content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>" % (4 + 2 * i))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return _write_pdf(path, objects)


def _write_pdf(path: Path, objects: list[bytes]) -> Path:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


SPREADSHEETML_HEAD = (
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
)


def content_pdf(
    path: Path, content: bytes, font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
) -> Path:
    """A one-page PDF whose content stream (deflated: a few hundred bytes) is `content`, its font `font`."""
    data = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        font,
    ]
    return _write_pdf(path, objects)


def spreadsheetml(path: Path, rows: list[list[str]], *, prologue: str = "", encoding: str = "utf-8") -> Path:
    """An Excel 2003 XML (SpreadsheetML) file; `prologue` goes right after the XML declaration."""
    decl = f'<?xml version="1.0" encoding="{encoding}"?>'
    body = "".join(
        "<Row>" + "".join(f'<Cell><Data ss:Type="String">{v}</Data></Cell>' for v in row) + "</Row>" for row in rows
    )
    text = (
        SPREADSHEETML_HEAD.replace('<?xml version="1.0"?>', decl + prologue)
        + f'<Worksheet ss:Name="自评表"><Table>{body}</Table></Worksheet></Workbook>'
    )
    path.write_bytes(text.encode(encoding))
    return path


def html_table(
    path: Path, rows: list[list[str]], *, charset: str = "utf-8", encoding: str = "utf-8", pad_rows: int = 0
) -> Path:
    """An HTML table as budget systems export it ("保存为 .xls"); `pad_rows` repeats a filler row."""
    body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in rows)
    filler = "<tr><td>填充行</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>"
    with path.open("wb") as out:
        out.write(
            f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"></head><body><table>'.encode(
                encoding
            )
        )
        out.write(body.encode(encoding))
        for _ in range(pad_rows):
            out.write(filler.encode(encoding))
        out.write(b"</table></body></html>")
    return path


def ruled_table_pdf(path: Path, rows: int, *, per_page: int = 40, spanning: str = "Item", filled: bool = False) -> Path:
    """A text PDF of one ruled table of `rows` rows over as many pages as it takes (`per_page` a page), its first column
    one cell merged down the whole table — its rules drawn on every page, no row line across it — and `spanning` printed
    in it at the top of the first page (sec26: a cell merged down a long table, hostile but valid). The other three columns
    hold a row number and two figures; each page's part stands at its foot and at the next page's top, as a table
    continued over page breaks is printed. `filled`: the merged cell full of lines of text instead, on every page down to
    its foot — a text running on over every page break."""
    xs = (50.0, 150.0, 300.0, 420.0, 545.0)
    step, top = 18.0, 800.0  # PDF y grows upwards: the table's top line on every page
    pages = max(1, -(-rows // per_page))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for page in range(pages):
        count = min(per_page, rows - page * per_page)
        bottom = top - count * step
        ops = [f"0.5 w {xs[0]} {top} m {xs[-1]} {top} l S {xs[0]} {bottom} m {xs[-1]} {bottom} l S"]
        ops += [f"{x} {top} m {x} {bottom} l S" for x in xs]
        ops += [f"{xs[1]} {top - k * step} m {xs[-1]} {top - k * step} l S" for k in range(1, count)]
        ops.append(f"BT /F1 9 Tf {xs[0] + 4} {top - 13} Td ({spanning}) Tj ET" if spanning and not page else "")
        lines = int(count * step / 9) - 1 if filled else 0
        ops += [f"BT /F1 9 Tf {xs[0] + 2} {top - 9 - 9 * j} Td (MMMMMMMMMMMM) Tj ET" for j in range(lines)]
        for k in range(count):
            n = page * per_page + k + 1
            y = top - k * step - 13
            for x, text in zip(xs[1:], (f"row {n}", f"{n * 3}.25", f"{n % 97}"), strict=False):
                ops.append(f"BT /F1 9 Tf {x + 4} {y} Td ({text}) Tj ET")
        content = zlib.compress("\n".join(ops).encode(), 9)
        kids.append(len(objects) + 1)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objects) + 2, 2 * pages + 3)
        )
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream")
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{k} 0 R" for k in kids).encode(), pages)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return _write_pdf(path, objects)
