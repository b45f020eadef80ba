"""Read a report .docx: its tables become Grids named "表1", "表2"… (so CellRef(sheet="表2", cell="G4")
is a Word cell) and its body paragraphs become numbered narrative `Paragraph`s.

The file passes perfxl.document.guarded first; python-docx (with lxml) parses it afterwards.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..errors import UnreadableWorkbook
from ..grid import Grid
from ..model import Paragraph, TextRef
from .docx_tables import WordTable, paragraph_text, walk_body
from .guarded import guard_document
from .source import DocumentSource

__all__ = ["read_docx", "open_docx", "open_body", "body_places", "places_in", "EXCERPT_CHARS"]

EXCERPT_CHARS = 30


def _missing(path: str | Path) -> UnreadableWorkbook:  # pragma: no cover - python-docx is a core dependency
    return UnreadableWorkbook(
        "读取 Word 文档需要 python-docx 组件（pip install python-docx）",
        "reading .docx needs python-docx",
        code="DEPENDENCY_MISSING",
        path=str(path),
    )


def _corrupt(path: str | Path, exc: Exception) -> UnreadableWorkbook:
    return UnreadableWorkbook(
        # python-docx's / lxml's English words stay in the English text (docs14)
        f"Word 文档已损坏，无法读取（“{Path(path).name}”的文档结构无法解析）；请用 Word 或 WPS 打开该文件，"
        "另存为 .docx 后重新提交",
        f"corrupt .docx ({type(exc).__name__}: {exc})"[:300],
        code="DOCX_CORRUPT",
        path=str(path),
    )


def open_docx(path: str | Path) -> Any:
    """python-docx Document of a guarded file (every part loaded: the annotated copy saves it); any parse failure
    is an UnreadableWorkbook."""
    try:
        # lazy and guarded: python-docx (heavy, no Pyodide build) only for .docx reports
        import docx
    except ImportError:  # pragma: no cover - a core dependency, optional only under Pyodide
        raise _missing(path) from None
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx / lxml raise many types on broken packages
        raise _corrupt(path, exc) from None


def open_body(path: str | Path) -> Any:
    """The `w:body` of a guarded file's main document part, parsed by python-docx's parser as `open_docx` parses it,
    without parsing the package's other parts: reading needs only the body, and styles, numbering, settings… were
    ≈ 80% of `docx.Document()` (a real report: 8.3 → 1.4 ms). Nor are they inflated (`_PartsUnread`): a report built
    on python-docx's template read in 2.0 ms instead of 2.6. Any failure is an UnreadableWorkbook."""
    try:
        # lazy and guarded: python-docx (heavy, no Pyodide build) only for .docx reports; importing docx registers
        # its element classes with the parser
        import docx  # noqa: F401
        from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from docx.opc.packuri import PACKAGE_URI
        from docx.opc.pkgreader import PackageReader, _ContentTypeMap
        from docx.oxml.parser import parse_xml
    except ImportError:  # pragma: no cover - a core dependency, optional only under Pyodide
        raise _missing(path) from None
    try:
        with zipfile.ZipFile(path) as zf:
            # PackageReader.from_file's steps, on a reader that does not inflate the parts (see _PartsUnread)
            phys = _PartsUnread(zf)
            content_types = _ContentTypeMap.from_xml(phys.content_types_xml)
            pkg_srels = PackageReader._srels_for(phys, PACKAGE_URI)
            reader = PackageReader(
                content_types, pkg_srels, PackageReader._load_serialized_parts(phys, pkg_srels, content_types)
            )
            mains = [
                s for uri, s in reader.iter_srels() if uri == "/" and s.reltype == RELATIONSHIP_TYPE.OFFICE_DOCUMENT
            ]
            # python-docx's main_document_part: exactly one officeDocument relationship (its refusals, in its words)
            if not mains:
                raise KeyError(f"no relationship of type '{RELATIONSHIP_TYPE.OFFICE_DOCUMENT}' in collection")
            if len(mains) > 1:
                raise ValueError(f"multiple relationships of type '{RELATIONSHIP_TYPE.OFFICE_DOCUMENT}' in collection")
            name = mains[0].target_partname
            content_type = next(ct for part, ct, _, _ in reader.iter_sparts() if part == name)
            if content_type != CONTENT_TYPE.WML_DOCUMENT_MAIN:  # python-docx's own refusal, in its words
                raise ValueError(f"file '{path}' is not a Word file, content type is '{content_type}'")
            blob = zf.read(name.membername)
        document: Any = parse_xml(blob)  # a CT_Document (python-docx's element class for w:document)
    except Exception as exc:  # python-docx / lxml raise many types on broken packages
        raise _corrupt(path, exc) from None
    if document.body is None:  # an empty <w:document/>: nothing to read, and no reader could go on
        raise UnreadableWorkbook(
            "Word 文档已损坏，无法读取：文档中没有正文（w:body）",
            "corrupt .docx: the document part has no body (w:body)",
            code="DOCX_CORRUPT",
            path=str(path),
        )
    return document.body


class _PartsUnread:
    """python-docx's zip package reader (`_ZipPkgReader`'s interface) that reads [Content_Types].xml and the
    relationship items as it does but only checks that a part is there (the KeyError `ZipFile.read` raises when not)
    instead of inflating it: `open_body` reads one part, and the guard has already inflated every member and checked
    its size and CRC. The blank python-docx template alone holds ≈ 800 KB of styles, inflated for nothing."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self._zf = zf

    @property
    def content_types_xml(self) -> bytes:
        return self._zf.read("[Content_Types].xml")

    def rels_xml_for(self, source_uri: Any) -> bytes | None:
        try:
            return self._zf.read(source_uri.rels_uri.membername)
        except KeyError:
            return None

    def blob_for(self, pack_uri: Any) -> bytes:
        self._zf.getinfo(pack_uri.membername)
        return b""

    def close(self) -> None:
        """The caller's `with` closes the archive."""


def body_places(document: Any) -> tuple[dict[int, Any], list[WordTable]]:
    """(paragraph number → its `w:p` element, tables in order): the numbering every reader and
    annotator of a .docx shares (non-empty body paragraphs, 1-based; tables and nested tables 表1…)."""
    return places_in(document.element.body)


def places_in(body: Any) -> tuple[dict[int, Any], list[WordTable]]:
    """`body_places` of a `w:body` element."""
    paragraphs: dict[int, Any] = {}
    tables: list[WordTable] = []
    n = 0
    for item in walk_body(body):
        if item.kind == "p":
            if item.text.strip():
                n += 1
                paragraphs[n] = item.element
        elif item.table is not None:
            tables.append(item.table)
    return paragraphs, tables


def read_docx(path: str | Path, limits: Any = None, *, checked: bool = False) -> DocumentSource:
    """Guard (unless the caller just did: `checked`), open and read a .docx into paragraphs and Grids."""
    if not checked:
        guard_document(path, limits)
    places, tables = places_in(open_body(path))
    paragraphs = []
    for n, el in places.items():
        text = paragraph_text(el).strip()
        paragraphs.append(Paragraph(TextRef(paragraph=n, excerpt=text[:EXCERPT_CHARS]), text))
    grids = [
        Grid(
            t.name,
            t.rows,
            t.merged,
            unit_above=t.unit_above,
            year_above=t.year_above,
            caption_above=t.caption_above,
            scope_above=t.scope_above,
            note_below=t.note_below,
        )
        for t in tables
    ]
    origins = {t.name: (t.index, t.parent) for t in tables}
    return DocumentSource(str(path), "docx", tuple(paragraphs), grids, origins)
