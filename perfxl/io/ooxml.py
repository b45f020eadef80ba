"""Small facts about an .xlsx/.xlsm package that several readers need (pure zipfile + defusedxml)."""

from __future__ import annotations

import functools
import html
import posixpath
import re
import zipfile
from collections.abc import Callable, Collection
from typing import Any, TypeVar

from defusedxml import ElementTree

from perfxl.records import record

__all__ = [
    "MAIN_NS",
    "MEMO_PART_BYTES",
    "REL_NS",
    "STYLES_PART",
    "CellStyles",
    "cell_styles",
    "kept_reading",
    "page_header_text",
    "part_reading",
    "sheet_parts",
    "sheet_parts_of",
]

_T = TypeVar("_T")

REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#: The cell formats of an .xlsx/.xlsm (number formats: what a typed value shows, perfxl.io.shown_numbers).
STYLES_PART = "xl/styles.xml"


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet name → its XML part name, from xl/workbook.xml and its relationships.

    Only parts that exist and are worksheets are listed (chart sheets have no cells).
    """
    return sheet_parts_of(set(archive.namelist()), archive.read)


def sheet_parts_of(names: Collection[str], read: Callable[[str], bytes]) -> dict[str, str]:
    """`sheet_parts` for a package held any way: its part names and a function reading one part."""
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    sheets = kept_reading(_sheet_ids, read("xl/workbook.xml"))
    targets = dict(kept_reading(_rel_targets, read("xl/_rels/workbook.xml.rels")))
    parts: dict[str, str] = {}
    for name, rid in sheets:
        sheet_part = targets.get(rid)
        if sheet_part is not None and sheet_part in names and "/worksheets/" in f"/{sheet_part}":
            parts[name] = sheet_part
    return parts


def _sheet_ids(data: bytes, folder: str = "") -> tuple[tuple[str, str | None], ...]:
    """(name, relationship id) of each sheet a workbook.xml's bytes declare, in order."""
    root = ElementTree.fromstring(data)
    return tuple((sheet.get("name", ""), sheet.get(f"{{{REL_NS}}}id")) for sheet in root.iter(f"{{{MAIN_NS}}}sheet"))


def _rel_targets(data: bytes, folder: str = "") -> tuple[tuple[str | None, str], ...]:
    """(id, part name) of each relationship of xl/_rels/workbook.xml.rels's bytes, in order (a later id wins)."""
    out = []
    for rel in ElementTree.fromstring(data):
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        out.append((rel.get("Id"), part))
    return tuple(out)


#: A package part up to this size is read through `part_reading`'s cache (larger ones parsed each time).
MEMO_PART_BYTES = 64 * 1024


def kept_reading(read: Callable[[bytes, str], _T], data: bytes, folder: str = "") -> _T:
    """`read(data, folder)`, through `part_reading`'s cache when `data` is at most MEMO_PART_BYTES."""
    return part_reading(read, data, folder) if len(data) <= MEMO_PART_BYTES else read(data, folder)


@functools.lru_cache(maxsize=128)
def part_reading(read: Callable[[bytes, str], Any], data: bytes, folder: str) -> Any:
    """`read(data, folder)`: a pure reading of a small package part's bytes into an immutable result, the last 128
    kept — a worker's files from one template repeat their .rels and workbook.xml byte for byte (batch28K, batch30),
    so the guard and the reader parse each once. A failure is never kept (it raises as the parse raises)."""
    return read(data, folder)


_ODD_HEADER = re.compile(rb"<(?:\w+:)?oddHeader\b[^>]*>([^<]*)</(?:\w+:)?oddHeader>")
#: A header's codes (ECMA-376 §18.3.1.39): section &L/&C/&R, font &"name,style", size &12, fields &P &N &D &T &A &F,
#: styles &B &I &U &E &S &X &Y &O &H, colour &K<hex>, picture &G; "&&" is an ampersand.
_HEADER_CODE = re.compile(r'&&|&"[^"]*"|&\d+|&K[0-9A-Fa-f]{6}|&K\d\d[+-]\d\d\d|&[LCRPNDTAFBIUESXYOHGZ]')


def page_header_text(xml: bytes) -> str:
    """The words a worksheet prints in its page header (页眉, `<oddHeader>`), its codes taken out ("&C&\"宋体,加粗\"&16
    项目支出绩效自评表" → "项目支出绩效自评表"); "" when it prints none — a title kept out of the cells (adv29)."""
    m = _ODD_HEADER.search(xml)
    if m is None:
        return ""
    text = _HEADER_CODE.sub(
        lambda c: "&" if c.group(0) == "&&" else " ", html.unescape(m.group(1).decode("utf-8", "replace"))
    )
    return " ".join(text.split())


@record()
class CellStyles:
    """What xl/styles.xml says of cell formats: custom number formats (numFmtId → formatCode) and each cell format's
    attributes (cellXfs, in index order: a cell's `s` indexes this list); `unread`: why the part gave none ("" when
    it parsed)."""

    number_formats: dict[int, str]
    cell_formats: list[dict[str, str]]
    unread: str = ""


def cell_styles(styles_xml: bytes) -> CellStyles:
    """xl/styles.xml's number formats and cell formats, by an XML parser: any namespace prefix (`<x:xf>`), either
    quote, spaces around "=", entities and comments read as Excel reads them (the guard has refused DTDs before).
    A part that does not parse gives none and says why (read30: the regular expressions it replaces missed the first
    four; read31: the reader says the formats were not read, READ_STYLES_NOT_READ)."""
    try:
        root = ElementTree.fromstring(styles_xml)
    except Exception as exc:  # malformed XML: calamine decides whether the workbook opens; perfxl reads no formats
        return CellStyles({}, [], f"{type(exc).__name__}: {exc}"[:200])
    formats: dict[int, str] = {}
    xfs: list[dict[str, str]] = []
    for block in root:
        name = _local(block.tag)
        if name == "numFmts":
            for fmt in block:
                number_id, code = fmt.get("numFmtId", ""), fmt.get("formatCode")
                if _local(fmt.tag) == "numFmt" and number_id.strip().isdigit() and code is not None:
                    formats[int(number_id)] = code
        elif name == "cellXfs":
            xfs = [dict(xf.attrib) for xf in block if _local(xf.tag) == "xf"]
    return CellStyles(formats, xfs)


def _local(tag: object) -> str:
    """An element's name without its namespace ("{…/main}xf" → "xf"); "" for a comment or processing instruction."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""
