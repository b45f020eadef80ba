"""Put the cached results of formulas back into a workbook that openpyxl re-saved.

openpyxl keeps a formula's text but writes it without its cached result (`<f>…</f><v/>`), so a
copy saved by openpyxl shows nothing in formula cells until Excel recalculates it, and calamine,
perfxl, file previews and Excel without the perfxl add-in (PERF_* cells) read those cells as empty.
`restore_cached_values(original, saved)` copies each formula cell's cached `<v>` and its type
(`t="str"|"b"|"e"|"n"`) from the original's sheet XML into the same sheet and cell of the saved
package; nothing else in the package changes. Works on bytes in memory; the caller writes the
result atomically (perfxl.io.atomic).
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from .ooxml import sheet_parts

__all__ = ["CachedValue", "RestoreResult", "formula_results", "restore_cached_values"]

_CELL = re.compile(rb"<c\b([^>]*?)(/>|>(.*?)</c>)", re.S)
_FORMULA = re.compile(rb"<f\b[^>]*/>|<f\b[^>]*>.*?</f>", re.S)
_VALUE = re.compile(rb"<v(?:\s[^>]*)?>(.*?)</v>", re.S)
_EMPTY_VALUE = re.compile(rb"<v(?:\s[^>]*)?/>|<v(?:\s[^>]*)?>\s*</v>")
_REF = re.compile(rb'\br="([A-Z]{1,3}\d+)"')
_TYPE = re.compile(rb'\st="([^"]*)"')
_SI = re.compile(rb"<si\b[^>]*>(.*?)</si>|<si\b[^>]*/>", re.S)
_T = re.compile(rb"<t\b[^>]*>(.*?)</t>|<t\b[^>]*/>", re.S)
_RPH = re.compile(rb"<rPh\b.*?</rPh>", re.S)


@dataclass(frozen=True, slots=True)
class CachedValue:
    """One formula cell's cached result as stored: the `t` type ("n", "str", "b", "e") and the
    escaped XML text of its `<v>`."""

    type: str
    xml_text: bytes


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """The repaired package, how many cells got their value back, and formula cells that had none
    in the original either (they stay uncached: only a recalculation can fill them)."""

    data: bytes
    restored: int
    uncached: int


def _shared_strings(archive: zipfile.ZipFile) -> list[bytes] | None:
    """Escaped text of each shared string (only needed for the rare `t="s"` formula result)."""
    if "xl/sharedStrings.xml" not in archive.namelist():
        return None
    out = []
    for si in _SI.finditer(archive.read("xl/sharedStrings.xml")):
        body = _RPH.sub(b"", si.group(1) or b"")  # phonetic runs are not part of the value
        out.append(b"".join(t.group(1) or b"" for t in _T.finditer(body)))
    return out


def formula_results(xml: bytes, shared: list[bytes] | None = None) -> tuple[dict[bytes, CachedValue], int]:
    """Cached results of the formula cells of one worksheet's XML, by cell ("G4"), plus the count
    of formula cells without one."""
    found: dict[bytes, CachedValue] = {}
    missing = 0
    if b"<f" not in xml:
        return found, missing
    for m in _CELL.finditer(xml):
        body = m.group(3)
        if not body or b"<f" not in body or not _FORMULA.search(body):
            continue
        ref = _REF.search(m.group(1))
        value = _VALUE.search(_FORMULA.sub(b"", body))
        if ref is None:
            continue
        if value is None:
            missing += 1
            continue
        kind_m = _TYPE.search(b" " + m.group(1))
        kind = kind_m.group(1).decode() if kind_m else "n"
        text = value.group(1)
        if kind == "s":  # a formula result stored as a shared string index: store it as text
            try:
                text, kind = shared[int(text)], "str"  # type: ignore[index]
            except (TypeError, ValueError, IndexError):
                missing += 1
                continue
        if kind not in ("n", "str", "b", "e"):
            missing += 1
            continue
        found[ref.group(1)] = CachedValue(kind, text)
    return found, missing


def _put_values(xml: bytes, cached: dict[bytes, CachedValue]) -> tuple[bytes, int]:
    """Write each cached result into the matching formula cell of a re-saved worksheet's XML."""
    restored = 0

    def fill(m: re.Match[bytes]) -> bytes:
        nonlocal restored
        body = m.group(3)
        if not body or b"<f" not in body:
            return m.group(0)
        ref = _REF.search(m.group(1))
        value = cached.get(ref.group(1)) if ref else None
        formula = _FORMULA.search(body)
        if value is None or formula is None or _VALUE.search(_EMPTY_VALUE.sub(b"", body)):
            return m.group(0)  # not ours, or it already has a value
        attrs = _TYPE.sub(b"", m.group(1))
        if value.type != "n":
            attrs = attrs.rstrip() + b' t="' + value.type.encode() + b'"'
        restored += 1
        return b"<c" + attrs + b">" + formula.group(0) + b"<v>" + value.xml_text + b"</v></c>"

    return _CELL.sub(fill, xml), restored


def restore_cached_values(original: bytes, saved: bytes) -> RestoreResult:
    """`saved` (openpyxl's re-save of the `original` .xlsx/.xlsm package) with every formula cell's
    cached result copied back from `original`, matched by sheet name and cell."""
    with zipfile.ZipFile(io.BytesIO(original)) as zin:
        parts = sheet_parts(zin)
        shared = _shared_strings(zin) if parts else None
        by_sheet: dict[str, dict[bytes, CachedValue]] = {}
        uncached = 0
        for name, part in parts.items():
            found, missing = formula_results(zin.read(part), shared)
            uncached += missing
            if found:
                by_sheet[name] = found
    if not by_sheet:
        return RestoreResult(saved, 0, uncached)
    with zipfile.ZipFile(io.BytesIO(saved)) as zsaved:
        targets = {part: by_sheet[name] for name, part in sheet_parts(zsaved).items() if name in by_sheet}
        entries = [(info, zsaved.read(info.filename)) for info in zsaved.infolist()]
    restored = 0
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, body in entries:
            if info.filename in targets:
                body, n = _put_values(body, targets[info.filename])
                restored += n
            zout.writestr(info, body)
    return RestoreResult(buf.getvalue(), restored, uncached)

