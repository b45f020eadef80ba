"""Read the xlwings version a macro workbook's VBA was built with (its `xlwings` module header).

The offline installer checks the xlwings it installs against the workbook it ships (the workbook's
VBA loads `xlwings64-<version>.dll`, see docs/excel.md). The module source sits compressed in
`xl/vbaProject.bin` (an OLE file); this implements the MS-OVBA 2.4.1 decompression and the
`dir` stream records needed to find it, with olefile (a core dependency) and nothing else.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

__all__ = ["decompress", "vba_modules", "xlsm_xlwings_version"]

_VERSION = re.compile(r"^'Version: (\S+)", re.M)


def decompress(data: bytes) -> bytes:
    """MS-OVBA 2.4.1 "CompressedContainer" → bytes (raises ValueError on a malformed container)."""
    if not data or data[0] != 1:
        raise ValueError("not an MS-OVBA compressed container")
    out = bytearray()
    pos = 1
    while pos + 2 <= len(data):
        header = int.from_bytes(data[pos : pos + 2], "little")
        chunk_end = min(pos + (header & 0x0FFF) + 3, len(data))
        pos += 2
        start = len(out)
        if not header & 0x8000:  # raw chunk: 4096 literal bytes
            out += data[pos : pos + 4096]
            pos += 4096
            continue
        while pos < chunk_end:
            flags = data[pos]
            pos += 1
            for bit in range(8):
                if pos >= chunk_end:
                    break
                if not flags >> bit & 1:
                    out.append(data[pos])
                    pos += 1
                    continue
                token = int.from_bytes(data[pos : pos + 2], "little")
                pos += 2
                bit_count = max((len(out) - start - 1).bit_length(), 4)
                offset = (token >> (16 - bit_count)) + 1
                length = (token & (0xFFFF >> bit_count)) + 3
                if offset > len(out) - start:
                    raise ValueError("copy token points before the chunk")
                for _ in range(length):
                    out.append(out[-offset])
    return bytes(out)


def _module_streams(dir_stream: bytes) -> dict[str, tuple[str, int]]:
    """Module name → (stream name, source offset), from the decompressed `dir` stream records."""
    modules: dict[str, tuple[str, int]] = {}
    name = stream = None
    offset = 0
    pos = 0
    while pos + 6 <= len(dir_stream):
        rec_id = int.from_bytes(dir_stream[pos : pos + 2], "little")
        size = int.from_bytes(dir_stream[pos + 2 : pos + 6], "little")
        if rec_id == 0x0009:  # PROJECTVERSION: its size field says 4, the record holds 6 bytes
            size = 6
        body = dir_stream[pos + 6 : pos + 6 + size]
        pos += 6 + size
        if rec_id == 0x0019:  # MODULENAME (MBCS)
            name, stream, offset = body.decode("latin-1"), None, 0
        elif rec_id == 0x001A:  # MODULESTREAMNAME (MBCS)
            stream = body.decode("latin-1")
        elif rec_id == 0x0031:  # MODULEOFFSET
            offset = int.from_bytes(body[:4], "little")
        elif rec_id == 0x002B and name is not None:  # module terminator
            modules[name] = (stream or name, offset)
            name = None
    return modules


def vba_modules(vba_project: bytes) -> dict[str, str]:
    """Every module's source text (cp1252, as VBA stores it) from a `vbaProject.bin`."""
    # lazy: olefile (~8 ms) only when a bundle reads the .xlsm VBA project
    import olefile

    ole = olefile.OleFileIO(io.BytesIO(vba_project))
    try:
        root = next(p[:-1] for p in ole.listdir() if p[-1] == "dir")  # ["VBA"] or a nested storage
        found = _module_streams(decompress(ole.openstream([*root, "dir"]).read()))
        return {
            name: decompress(ole.openstream([*root, stream]).read()[offset:]).decode("cp1252", "replace")
            for name, (stream, offset) in found.items()
        }
    finally:
        ole.close()


def xlsm_xlwings_version(path: str | Path) -> str:
    """The version in the `'Version: …` header of the workbook's `xlwings` VBA module."""
    with zipfile.ZipFile(path) as zf:
        project = zf.read("xl/vbaProject.bin")
    source = vba_modules(project).get("xlwings", "")
    match = _VERSION.search(source)
    if match is None:
        raise ValueError(f"{path}: no xlwings VBA module with a version header")
    return match.group(1)
