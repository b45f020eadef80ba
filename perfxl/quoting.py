"""Quotation marks in a message or a basis, nested as Chinese nests them: the one way perfxl quotes a quoted label.

A label that quotes a word itself ("“三公”经费合计", '"三公"经费') quoted again by a template's “{row}” or a basis's
“{clause}” reads ““三公”经费合计” or “"三公"经费”: inside a quotation the inner marks become ‘ ’ (GB/T 15834 —
“ ‘ ’ ”). Used by `CheckSpec.render` for messages and by `Finding` for its basis (docs15: bases were built in some 40
places, none of them nested).
"""

from __future__ import annotations

from perfxl.patterns import lazy_compile

__all__ = ["nest_quotes"]

#: A quotation opened inside another: the row “三公”经费合计 in a template's “{row}”.
_NESTED_QUOTE = lazy_compile(r"“([^“”]*)“([^“”]*)”([^“”]*)”")
#: A quotation in ASCII marks inside a Chinese one ('“"三公"经费合计”').
_ASCII_INSIDE = lazy_compile(r"“[^“”]*\"[^“”]*”")
_ASCII_PAIR = lazy_compile(r"\"([^\"“”]*)\"")


def nest_quotes(text: str) -> str:
    """`text` with every quotation inside another marked ‘ ’ (one level, as messages quote one label)."""
    if text.count("“") > 1:
        text = _NESTED_QUOTE.sub(r"“\1‘\2’\3”", text)
    if '"' in text:
        text = _ASCII_INSIDE.sub(lambda m: _ASCII_PAIR.sub(r"‘\1’", m.group(0)), text)
    return text
