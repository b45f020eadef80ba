"""One reading of a ZIP's directory: the guard (Python's `zipfile`) and calamine (Rust's `zip` crate) must see the
same members at the same places with the same sizes, or the file is refused as ZIP_AMBIGUOUS.

The two libraries find the directory differently (sec24c, each built in tests/test_sec24c.py and read both ways):
- zipfile takes the last end-of-central-directory record (EOCD) of the file's tail, whatever its comment length;
  Rust's zip skips an EOCD whose comment runs past the end of the file, or whose directory it cannot parse (a malformed
  extra field, a disk number), and takes the one before — anywhere in the file. A second, complete ZIP before the one
  zipfile read (an .xlsx with a far cell, then a small one whose EOCD declares a 5-byte comment) was measured small
  and read far by calamine.
- zipfile uses a zip64 record whenever a zip64 locator sits before the EOCD; Rust only when an EOCD field holds the
  zip64 sentinel, and then finds the record by the locator's offset. A zip64 record pointing at a second directory
  behind a plain EOCD gave the two readers two directories.
- Rust takes a member's name from an Info-ZIP Unicode Path field (0x7075) and its sizes and offset from a zip64
  extra field of 24 bytes or more even where the 32-bit value is no sentinel; zipfile reads neither. An entry named
  `xl/worksheets/zz.xml` whose 0x7075 field says `xl/worksheets/sheet1.xml` replaced the sheet calamine read.
- zipfile finds the directory at EOCD − size and shifts every offset by the difference to the declared offset
  (data before the archive); Rust searches the directory's signature from the declared offset, and reads the
  number of entries the EOCD declares, not the bytes of its declared size.

So a ZIP passes only when it has a single reading: one plausible EOCD, its comment inside the file, no disk numbers,
a zip64 record only where zipfile and Rust both use it and agree, the directory where the EOCD says (no data before
the archive), as many entries as declared, and no entry's extra field renaming, resizing or moving it. Excel, WPS,
LibreOffice and every ZIP library write such files; the checks cost one search for a 4-byte signature.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from typing import BinaryIO

from .guard import unreadable

__all__ = ["check_single_reading"]

EOCD_SIG = b"PK\x05\x06"
LOCATOR_SIG = b"PK\x06\x07"
EOCD64_SIG = b"PK\x06\x06"
_EOCD = struct.Struct("<4s4H2LH")  # signature, disk, cd disk, entries here, entries total, cd size, cd offset, comment
_LOCATOR = struct.Struct("<4sLQL")  # signature, disk of the zip64 record, its offset, disks
_EOCD64 = struct.Struct("<4sQ2H2L4Q")  # signature, record size, versions, disks, entries here/total, size, offset
_ENTRY = struct.Struct("<4s6H3L5H2L")  # a central directory file header (46 bytes)
U16, U32 = 0xFFFF, 0xFFFF_FFFF
CHUNK = 1 << 20


def check_single_reading(zf: zipfile.ZipFile, fp: BinaryIO, p: Path, size: int) -> None:
    """Raise ZIP_AMBIGUOUS unless Rust's zip (calamine) reads the directory zipfile read (see the module's text)."""
    endrec = zipfile._EndRecData(fp)  # type: ignore[attr-defined]  # the EOCD zipfile itself used
    if endrec is None:  # zipfile opened it, so this does not happen; nothing to compare then
        return
    at = endrec[9]
    fp.seek(at)
    eocd = _EOCD.unpack(fp.read(_EOCD.size))
    _, disk, cd_disk, here, total, cd_size, cd_offset, comment = eocd
    if at + _EOCD.size + comment > size:
        raise _ambiguous(p, "结尾记录声明的注释超出文件末尾", "the end record's comment runs past the end of the file")
    if disk or cd_disk:
        raise _ambiguous(p, "结尾记录声明了分卷", "the end record names another disk")
    fp.seek(max(at - _LOCATOR.size, 0))
    has_locator = at >= _LOCATOR.size and fp.read(4) == LOCATOR_SIG
    zip64 = endrec[0] == zipfile.stringEndArchive64  # type: ignore[attr-defined]  # zipfile's own constant, not in typeshed
    if has_locator and not zip64:
        raise _ambiguous(p, "zip64 定位记录指向的位置没有 zip64 结尾记录", "a zip64 locator without the zip64 record")
    if zip64:
        _check_zip64(fp, p, at, (here, total, cd_size, cd_offset))
    entries = endrec[4]
    if endrec[3] != entries or len(zf.filelist) != entries:
        raise _ambiguous(
            p,
            f"目录声明 {entries} 个成员，实际读出 {len(zf.filelist)} 个",
            f"the directory declares {entries} entries, {len(zf.filelist)} were read",
        )
    if zf.start_dir != endrec[6]:
        raise _ambiguous(p, "压缩包前面有多余的数据", "data before the archive (the directory is not where declared)")
    fp.seek(zf.start_dir)
    directory = fp.read(endrec[5])
    _check_entries(zf, directory, p)
    _check_one_end_record(fp, p, at, size)


def _check_zip64(fp: BinaryIO, p: Path, at: int, fields32: tuple[int, int, int, int]) -> None:
    """zipfile read the zip64 record just before the locator; Rust reads the one the locator names, and only when an
    EOCD field holds the sentinel (else the 32-bit fields): both must be the same record with the same values."""
    fp.seek(at - _LOCATOR.size)
    _, _, record_at, _ = _LOCATOR.unpack(fp.read(_LOCATOR.size))
    fp.seek(at - _LOCATOR.size - _EOCD64.size)
    rec = _EOCD64.unpack(fp.read(_EOCD64.size))
    fields64 = (rec[6], rec[7], rec[8], rec[9])
    sentinels = (U16, U16, U32, U32)
    agree = all(v32 in (v64, s) for v32, v64, s in zip(fields32, fields64, sentinels, strict=True))
    if record_at != at - _LOCATOR.size - _EOCD64.size or rec[1] != _EOCD64.size - 12 or not agree:
        raise _ambiguous(p, "zip64 结尾记录与普通结尾记录不一致", "the zip64 end record disagrees with the end record")


def _check_entries(zf: zipfile.ZipFile, directory: bytes, p: Path) -> None:
    """Each entry as Rust reads it (name from a 0x7075 field, sizes and offset from a zip64 field) is zipfile's entry."""
    pos = 0
    for info in zf.filelist:
        head = _ENTRY.unpack_from(directory, pos)
        name_len, extra_len, comment_len = head[10], head[11], head[12]
        start = pos + _ENTRY.size
        raw_name = directory[start : start + name_len]
        extra = directory[start + name_len : start + name_len + extra_len]
        pos = start + name_len + extra_len + comment_len
        name = raw_name.decode("utf-8" if head[3] & 0x800 else "cp437", "replace")
        found = _rust_fields(extra, head[8], head[9], head[16], name)
        if found != (info.filename, info.file_size, info.compress_size, info.header_offset):
            raise _ambiguous(
                p,
                f"成员 {info.filename} 的扩展字段另行声明了名称、大小或位置",
                f"an extra field of {info.filename!r} renames, resizes or moves it",
                part=info.filename,
            )


def _rust_fields(extra: bytes, csize: int, usize: int, offset: int, name: str) -> tuple[str, int, int, int]:
    """(name, size, compressed size, local header offset) as Rust's zip takes them from the extra fields: a 0x7075
    field's name; each zip64 field read against the entry's 32-bit values (a sentinel says which follow; from 24 bytes
    on, all three), the last such field winning — zipfile reads the first field, and only for sentinels."""
    found = [usize, csize, offset]
    pos = 0
    while pos + 4 <= len(extra):
        tag, length = struct.unpack_from("<HH", extra, pos)
        body = extra[pos + 4 : pos + 4 + length]
        pos += 4 + length
        if tag == 0x7075 and len(body) > 5:
            name = body[5:].decode("utf-8", "replace")
        elif tag == 0x0001:
            values = iter(v for (v,) in struct.iter_unpack("<Q", body[: len(body) // 8 * 8]))
            found = [next(values, -1) if length >= 24 or v == U32 else v for v in (usize, csize, offset)]
    return name, found[0], found[1], found[2]


def _check_one_end_record(fp: BinaryIO, p: Path, at: int, size: int) -> None:
    """No other EOCD before the one zipfile used that Rust could take instead (when it rejects that one): the file is
    searched backwards in 1 MiB windows (each overlapping the next by a record, so none is cut)."""
    end = at
    while end > 0:
        start = max(end - CHUNK, 0)
        fp.seek(start)
        window = fp.read(min(end - start + _EOCD.size, size - start))
        q = window.rfind(EOCD_SIG, 0, end - start + len(EOCD_SIG) - 1)
        while q >= 0:
            if start + q < at and q + _EOCD.size <= len(window):
                _, _, _, _, total, cd_size, cd_offset, comment = _EOCD.unpack_from(window, q)
                zip64 = total == U16 or cd_size == U32 or cd_offset == U32
                if start + q + _EOCD.size + comment <= size and (zip64 or (total and cd_offset < start + q)):
                    raise _ambiguous(
                        p,
                        "文件中有两个压缩包结尾记录",
                        f"a second end-of-central-directory record at byte {start + q}",
                    )
            q = window.rfind(EOCD_SIG, 0, q + len(EOCD_SIG) - 1) if q > 0 else -1
        end = start


def _ambiguous(p: Path, zh: str, en: str, *, part: str | None = None):
    return unreadable(
        "ZIP_AMBIGUOUS",
        f"文件结构异常：压缩包目录有歧义（{zh}），不同软件会读出不同的内容，已拒绝读取；"
        "请用 Excel 或 WPS 打开该文件，另存后重新提交",
        f"ambiguous ZIP: {en}; readers would see different contents, refused",
        p,
        part=part,
    )
