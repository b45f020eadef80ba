"""Quotation marks in a message or a basis, nested as Chinese nests them: the one way perfxl quotes a quoted label.

A label that quotes a word itself ("“三公”经费合计", '"三公"经费') quoted again by a template's “{row}” or a basis's
“{clause}” reads ““三公”经费合计” or “"三公"经费”: inside a quotation the inner marks become ‘ ’ (GB/T 15834 —
“ ‘ ’ ”). Used by `CheckSpec.render` for messages and by `Finding` for its basis (docs15: bases were built in some 40
places, none of them nested).
"""

from __future__ import annotations

from perfxl.patterns import lazy_compile

__all__ = ["nest_quotes"]

#: A “ opened before the last one closed: the only text that nests (the row “三公”经费合计 in a template's “{row}”).
_NESTED_QUOTE = lazy_compile("“[^”]*“")
#: One quotation with one inside it, all marks paired locally (the reading where the text's marks do not pair).
_ONE_PAIR = lazy_compile(r"“([^“”]*)“([^“”]*)”([^“”]*)”")
#: A quotation in ASCII marks inside a Chinese one ('“"三公"经费合计”').
_ASCII_INSIDE = lazy_compile(r"“[^“”]*\"[^“”]*”")
_ASCII_PAIR = lazy_compile(r"\"([^\"“”]*)\"")


def nest_quotes(text: str) -> str:
    """`text` with every quotation inside another marked ‘ ’ (one level, as messages quote one label)."""
    if text.count("“") > 1 and _NESTED_QUOTE.search(text) is not None:
        text = _nested(text)
    if '"' in text:
        text = _ASCII_INSIDE.sub(lambda m: _ASCII_PAIR.sub(r"‘\1’", m.group(0)), text)
    return text


def _nested(text: str) -> str:
    """Each quotation opened inside another in ‘ ’ — every one, not the first pair only (“‘三公’经费与‘会议费’合计”,
    na15); where the marks do not pair (a sentence cut inside a quotation) only a plain “…“…”…” is nested, as before."""
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == "“":
            out.append("‘" if depth % 2 else "“")
            depth += 1
        elif ch == "”":
            if not depth:
                return _ONE_PAIR.sub(r"“\1‘\2’\3”", text)
            depth -= 1
            out.append("’" if depth % 2 else "”")
        else:
            out.append(ch)
    return "".join(out) if not depth else _ONE_PAIR.sub(r"“\1‘\2’\3”", text)
