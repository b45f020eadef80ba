"""Decoding the bytes of an HTML or SpreadsheetML export, and reading cell text as Excel would.

Budget systems write GBK and declare UTF-8 (or the reverse), so the declared charset is never
trusted: a BOM wins, then strict UTF-8, then charset-normalizer picks among the Chinese encodings
(GB18030 ⊃ GBK ⊃ GB2312, Big5 for traditional-character exports). A number typed as plain text
("2223.04", "-5", "10") becomes an exact Decimal, as Excel turns it into a number on opening;
anything else ("286875 元", "94.5%", "1,234") stays text exactly as published.
"""

from __future__ import annotations

import codecs
from decimal import Decimal, InvalidOperation

from ..patterns import lazy_compile

__all__ = ["decode_markup", "excel_value"]

_CHINESE = ("gb18030", "big5", "gbk", "gb2312", "big5hkscs", "cp950", "cp936", "utf_8", "utf_16")
_PLAIN_NUMBER = lazy_compile(r"^-?(?:\d+(?:\.\d+)?|\.\d+)$")


def decode_markup(data: bytes, hint: str = "") -> tuple[str, str]:
    """(text, encoding used). `hint` is the guard's sniffed encoding ("utf-8", "gb18030" …)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _detect(data) or (hint if hint and hint not in ("utf-8", "utf-8-sig") else "gb18030")
    if encoding in ("gbk", "gb2312", "cp936"):
        encoding = "gb18030"  # the superset: GBK text decodes the same, and rare characters too
    return data.decode(encoding, errors="replace"), encoding


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess among the Chinese encodings, or None when it has none."""
    try:
        # lazy and guarded: charset-normalizer (heavy) only for non-UTF-8 exports; GB18030 fallback if absent
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a core dependency; the fallback is GB18030
        return None
    best = from_bytes(data[: 1 << 20], cp_isolation=list(_CHINESE)).best()
    return best.encoding if best is not None else None


def excel_value(text: str, *, as_text: bool = False):
    """A cell's text as Excel reads it on opening: a plain number → Decimal, else the text itself."""
    stripped = text.strip()
    if not as_text and _PLAIN_NUMBER.match(stripped):
        try:
            return Decimal(stripped)
        except InvalidOperation:  # pragma: no cover - the pattern only admits valid numbers
            return text
    return text
