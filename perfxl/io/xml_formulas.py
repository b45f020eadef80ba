"""Formula text straight from a worksheet's XML, so a file whose formulas lack cached values does not
pay for openpyxl when every formula is a plain `<f>text</f>`: kept beside openpyxl (issue 14) because
`perfxl validate` on such a file is 1.35× slower cold (openpyxl's import) and 2× warm without it
(bench/bench_formulas.py).

The answer must be exactly what `perfxl.io.openpyxl_source.read_formulas` gives, so anything this
reader does not reproduce makes it answer None and the caller uses openpyxl: shared, array and
data-table formulas (`t=…`), empty `<f/>`, cells without an `r` reference, namespace prefixes,
carriage returns (XML parsers normalise them) and non-UTF-8 parts.
"""

from __future__ import annotations

import re

from ..model import column_index
from ..patterns import lazy_compile

__all__ = ["formulas_from_xml"]

_CELL = lazy_compile(rb"<c\b([^>]*)(?<!/)>(.*?)</c>", re.S)
_R_ATTR = lazy_compile(rb'\br="([A-Z]{1,3})(\d+)"')
_F_OPEN = lazy_compile(rb"<f\b([^>]*)>")
_F_PLAIN = lazy_compile(rb"<f\b([^>]*)(?<!/)>([^<]*)</f>")
_T_ATTR = lazy_compile(rb"\bt\s*=")


def formulas_from_xml(xml: bytes) -> dict[tuple[int, int], str] | None:
    """{(r, c) 0-based: "=FORMULA"} for every formula cell of one worksheet part, or None when the
    part uses a form only openpyxl reads faithfully (see the module docstring)."""
    if b":f>" in xml or b":f " in xml or b":c " in xml or b"\r" in xml:
        return None
    out: dict[tuple[int, int], str] = {}
    seen = 0
    for m in _CELL.finditer(xml):
        body = m.group(2)
        if b"<f" not in body:
            continue
        opened = _F_OPEN.findall(body)
        plain = _F_PLAIN.findall(body)
        if len(opened) != 1 or len(plain) != 1:
            return None  # <f/> (self-closing), markup inside <f>, or more than one <f>
        attrs, text = plain[0]
        if _T_ATTR.search(attrs) or not text:
            return None
        ref = _R_ATTR.search(m.group(1))
        if ref is None:
            return None
        try:
            formula = text.decode("utf-8")
        except UnicodeDecodeError:
            return None
        if "&" in formula:  # an escaped character: `html` (its entity table ≈ 8 M instructions to import) only then
            from html import unescape

            formula = unescape(formula)
        out[(int(ref.group(2)) - 1, column_index(ref.group(1).decode()) - 1)] = "=" + formula
        seen += 1
    if seen != len(re.findall(rb"<f\b", xml)):
        return None  # a <f> outside the cells this scan understood
    return out
