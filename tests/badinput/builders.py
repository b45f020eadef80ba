"""Low-level makers for the bad-input corpus: ZIP surgery, a hand-written .xlsb, a real zip bomb.

Everything is deterministic (fixed content, fixed seeds) so a failing corpus row reproduces.
"""
from __future__ import annotations

import struct
import subprocess
import zipfile
import zlib
from pathlib import Path
from typing import Callable, Iterable

MIB = 1 << 20

Edit = Callable[[bytes], bytes | None]


def plain_xlsx(path: Path, sheets: Iterable[tuple[str, list[list[object]]]] = (), *, hidden: Iterable[str] = ()) -> Path:
    """A small real workbook written by XlsxWriter (the file-level defects are cut into it later)."""
    import xlsxwriter

    sheets = list(sheets) or [("自评表", [["项目名称", "科技创新"], ["年度资金总额", 2223.04, 2223.04, 2223.04, 10, 100, 10]])]
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


def rewrite_zip(src: Path, dst: Path, edits: dict[str, Edit] | None = None, *, add: dict[str, bytes] | None = None,
                compression: int = zipfile.ZIP_DEFLATED) -> Path:
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
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, csize, usize, len(bname), 0) + bname)
            for piece in pieces:
                out.write(piece)
            central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, crc, csize, usize,
                                   len(bname), 0, 0, 0, 0, 0, offset) + bname
        start = out.tell()
        out.write(central)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0))


def _deflate_member(data: bytes) -> tuple[int, int, list[bytes]]:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return zlib.crc32(data), len(data), [c.compress(data) + c.flush()]


def zip_bomb_xlsx(src: Path, dst: Path, member: str, gib: float = 2, *, declared: int | None = None) -> Path:
    """`src` with `member` replaced by a valid worksheet padded with `gib` GiB of spaces.

    The padding is one 1 MiB block deflated once after a full flush and repeated, so the file is
    ~1 MB per GiB and builds in a second or two; the CRC is true, so a naive reader really
    inflates gigabytes. `declared` makes the member lie: its headers claim that many bytes
    (a size under every limit), while its data still inflates to `gib` GiB.
    """
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
            b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    tail = b'<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'
    chunk = b" " * MIB
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    last = c.compress(tail) + c.flush()
    repeats = int(gib * 1024)
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
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


def xlsb(path: Path, sheet: str, cells: list[tuple[int, int, object]], strings: list[str] = (), *,
         workbook_extra: bytes = b"") -> Path:
    """A minimal .xlsb: one sheet, cells (0-based row, col, value: float | str | bool | ("isst", i));
    `workbook_extra` records go after the sheet list (defined names)."""
    wb = (_rec(0x83) + _rec(0x8F) + _rec(0x9C, struct.pack("<II", 0, 1) + _wide("rId1") + _wide(sheet)) + _rec(0x90)
          + workbook_extra + _rec(0x84))
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
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
          '<Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/>'
          '<Override PartName="/xl/sharedStrings.bin" ContentType="application/vnd.ms-excel.sharedStrings"/></Types>')
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{rel_ns}/officeDocument" Target="xl/workbook.bin"/></Relationships>')
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{rel_ns}/worksheet" Target="worksheets/sheet1.bin"/>'
               f'<Relationship Id="rId2" Type="{rel_ns}/sharedStrings" Target="sharedStrings.bin"/></Relationships>')
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
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt, "--outdir", str(outdir), str(src)],
        check=True, capture_output=True, timeout=180,
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
