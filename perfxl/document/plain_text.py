"""A narrative paragraph in the one form the fact reader's patterns are written for, meaning exactly what was typed:
full-width digits and number marks as ASCII (a Chinese IME's "２２２３．０４万元", "３９．８６％", "１，３３６．９２万元"),
traditional characters as simplified (OpenCC, when installed: "預算執行率" is 预算执行率), a manual line break
(Shift+Enter) after punctuation as nothing, and the space typed between a figure and its unit ("886.12 万元") dropped.

Only the cross-check reads this form (and quotes it in its messages); the document and the paragraph's place keep
the text as written. Pure: text in, text out.
"""

from __future__ import annotations

import re

from ..chinese import to_simplified

__all__ = ["plain_narrative"]

#: Full-width digits, decimal point and percent sign; nothing else (not NFKC: "①" stays a list mark, "，" a comma).
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
#: A full-width comma between thousands ("１，３３６．９２" → "1,336.92"): one to three digits, then groups of exactly
#: three — the same reading a half-width "1,336.92" gets (perfxl.document.facts); never before a percent sign.
_GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:，\d{3})+(?![\d%])")
#: A line break after punctuation is layout: the sentence (or clause) goes on. One after words stays a break (a
#: heading or a list line ends there).
_LAYOUT_BREAK = re.compile(r"(?<=[。；;：:，,、！？!?）)”])[ \t\u3000]*\n[\s\u3000]*")
#: Spaces typed between a figure and its unit or the words after it ("886.12 万元", "39.86 %", "10 个").
_SPACE_AFTER_FIGURE = re.compile(r"(?<=\d)[ \u3000\u00a0]+(?=[%\u4e00-\u9fff])")


def plain_narrative(text: str) -> str:
    """`text` as the cross-check reads it (see the module docstring); ASCII text without breaks is returned as is."""
    if not text:
        return text
    if not text.isascii():
        text = text.translate(_HALF_WIDTH)
        if "，" in text:
            text = _GROUPED.sub(lambda m: m.group(0).replace("，", ","), text)
        text = to_simplified(text)
    if "\n" in text:
        text = _LAYOUT_BREAK.sub("", text)
    return _SPACE_AFTER_FIGURE.sub("", text)
