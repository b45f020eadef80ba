"""The XML prologue check against defusedxml's SAX reader, and defusedxml's ElementTree parser beside it (session 13).

Kept (lean28): `_SaxPrologue` is no copy of perfxl's code but the same decision made by another library's reader (a
reference the corpus cannot stand for: random hostile prologues in pieces).

`_SaxPrologue` is the check on defusedxml's SAX expat reader (git 2711099's tests/test_batch13_equivalence.py):
DTDs/entities/external references forbidden, a content handler stopping at the first start tag. `_EtPrologue` is
the same check on `defusedxml.ElementTree.DefusedXMLParser`, whose import does not pull urllib/http/ssl/email in.
Verdict = refused (doctype / entity) or passed, and whether the check fell back to its text search; random
prologues are fed in 1/3/7/64-byte pieces.

ElementTree's expat parses namespaces (separator "}"), the SAX reader does not: an unbound prefix (`<x:r>`), an
undeclared one (`xmlns:x=""`), a name with two colons (`<a:b:c>`, `<!DOCTYPE a:b:c>`) or a PI target with one is
an expat error to it only. The check then falls back to its text search of the first 64 KB, which finds a
`<!DOCTYPE`/`<!ENTITY` past the root the SAX reader never looked at: a part the SAX check passed is refused, or
refused for the other word. So the ElementTree parser alone does not decide as the SAX reader did.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.sax import SAXException

import pytest
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser
from defusedxml.expatreader import create_parser
from hypothesis_budget import draws

from perfxl.io.guard_inflate import DtdForbidden, XmlPrologue, _FirstElement


class _SaxPrologue(XmlPrologue):
    """XmlPrologue as it was: defusedxml's SAX expat reader, a content handler that stops."""

    @staticmethod
    def _new_parser() -> Any:
        class Handler:
            def startElement(self, name: str, attrs: Any) -> None:
                raise _FirstElement

            def __getattr__(self, name: str) -> Any:
                return lambda *a, **k: None

        parser = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
        parser.setContentHandler(Handler())
        return parser

    #: what the parser raises on malformed XML: the check then falls back to its text search
    errors: tuple[type[Exception], ...] = (SAXException,)

    def _parse(self, piece: bytes) -> None:
        try:
            self._parser.feed(piece)
        except _FirstElement:
            self.done = True
        except DTDForbidden:
            raise DtdForbidden(self.member, "doctype") from None
        except (EntitiesForbidden, ExternalReferenceForbidden):
            raise DtdForbidden(self.member, "entity") from None
        except (*self.errors, ValueError, LookupError):
            self._text_mode = True
            self._text_search(bytes(self._head))


class _EtPrologue(_SaxPrologue):
    """The check on defusedxml's ElementTree parser alone, a target whose `start` stops the parse."""

    errors = (ParseError,)

    @staticmethod
    def _new_parser() -> Any:
        class Target:
            def start(self, tag: str, attrib: dict[str, str]) -> None:
                raise _FirstElement

        return DefusedXMLParser(target=Target(), forbid_dtd=True, forbid_entities=True, forbid_external=True)


def _verdict(check: XmlPrologue, data: bytes, step: int) -> tuple[Any, ...]:
    try:
        for i in range(0, len(data), step):
            check.feed(data[i : i + step])
        check.close()
    except DtdForbidden as exc:
        return ("refused", exc.what, check._text_mode)
    return ("passed", check.done, check._text_mode)


PIECES = [
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    b'<?xml version="1.0" encoding="GBK"?>',
    b'<?xml version="1.0" encoding="gb2312"?>',
    b'<?xml version="1.0" encoding="x-unknown"?>',
    b"<!-- note -->",
    b"<!-- <!DOCTYPE x> -->",
    b"<!-- <!entity e 'x'> -->",
    b"<?pi data?>",
    b"<!DOCTYPE r>",
    b'<!DOCTYPE r [<!ENTITY e "x">]>',
    b'<!DOCTYPE r SYSTEM "http://x/r.dtd">',
    b'<!DOCTYPE r PUBLIC "-//x//y" "r.dtd" [<!ENTITY % p SYSTEM "p.ent"> %p;]>',
    b"<!ENTITY e 'x'>",
    b'<!ENTITY e SYSTEM "file:///etc/passwd">',
    b"\n  ",
    "说明".encode("gbk"),
    "说明".encode(),
    b'<worksheet xmlns="urn:x"><sheetData/>',
    b'<x:worksheet xmlns:x="urn:x" xmlns:r="urn:r" r:id="1">',
    b"<r>&e;</r>",
    b"<a",
    b"</b>",
    b"\xef\xbb\xbf",
    b"junk",
    b"\x00",
    b"<![CDATA[<!DOCTYPE]]>",
]
#: Well-formed XML 1.0, not namespace-well-formed: an expat error with namespaces only.
NAMESPACE_ERRORS = [
    b"<x:r>",
    b"<a xmlns:x=''>",
    b"<a:b:c>",
    b"<a x:b='1' y:b='2' xmlns:x='u' xmlns:y='u'>",
    b"<a xmlns:xml='u'>",
    b"<?a:b?>",
    b"<!DOCTYPE a:b:c>",
]


def _cases(pieces: list[bytes], n: int, seed: int) -> list[tuple[bytes, int]]:
    rng = random.Random(seed)
    return [
        (b"".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))), rng.choice([1, 3, 7, 64])) for _ in range(n)
    ]


def test_the_check_decides_as_the_sax_reader_did() -> None:
    cases = _cases(PIECES + NAMESPACE_ERRORS, draws(6000, 600), 1313)
    for data, step in cases:
        assert _verdict(XmlPrologue("p.xml"), data, step) == _verdict(_SaxPrologue("p.xml"), data, step), (data, step)


def test_elementtree_alone_decides_as_the_sax_reader_on_namespace_well_formed_prologues() -> None:
    cases = _cases(PIECES, draws(6000, 600), 1314)
    for data, step in cases:
        assert _verdict(_EtPrologue("p.xml"), data, step) == _verdict(_SaxPrologue("p.xml"), data, step), (data, step)


@pytest.mark.parametrize(
    ("data", "sax", "elementtree"),
    [
        (b"<x:r>", ("passed", True, False), ("passed", True, True)),
        (b"<x:r><![CDATA[<!DOCTYPE]]>", ("passed", True, False), ("refused", "doctype", True)),
        (b"<a:b:c><!DOCTYPE r>", ("passed", True, False), ("refused", "doctype", True)),
        (b"<x:r><!ENTITY e 'x'>", ("passed", True, False), ("refused", "entity", True)),
        (b"<!DOCTYPE a:b:c>", ("refused", "doctype", False), ("refused", "doctype", True)),
        (b'<?a:b?><!DOCTYPE r [<!ENTITY e "x">]>', ("refused", "doctype", False), ("refused", "entity", True)),
    ],
)
def test_elementtree_alone_decides_otherwise_on_namespace_errors(data, sax, elementtree) -> None:
    for step in (1, 7, 64):
        assert _verdict(_SaxPrologue("p.xml"), data, step) == sax
        assert _verdict(_EtPrologue("p.xml"), data, step) == elementtree


@pytest.mark.slow(reason="starts a fresh interpreter (what a validate run imports)")
def test_a_validate_run_imports_no_sax_reader_and_no_urllib() -> None:
    example = Path(__file__).resolve().parents[1] / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
    modules = ("xml.sax.saxutils", "defusedxml.expatreader", "urllib.request", "http.client", "ssl", "email")
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from perfxl.cli.main import app\n"
        f"r = CliRunner().invoke(app, ['validate', {str(example)!r}, '--format', 'json'])\n"
        "assert r.exit_code in (0, 1), r.output\n"
        f"print(sorted(m for m in {modules!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
