"""A narrative paragraph in the one form the fact reader's patterns are written for, meaning exactly what was typed:
full-width digits and number marks as ASCII (a Chinese IME's "２２２３．０４万元", "３９．８６％", "１，３３６．９２万元"),
traditional characters as simplified (OpenCC, when installed: "預算執行率" is 预算执行率), a manual line break
(Shift+Enter) inside a sentence as nothing, the space typed between a figure and its unit ("886.12 万元") or between the
words and a figure ("增加 10.23") dropped, and
the pinyin or English glosses some mirror sites interleave ("shouru 收入", "基本支出（jīběn zhīchū）") left out.

Only the cross-check reads this form (and quotes it in its messages); the document and the paragraph's place keep
the text as written. Pure: text in, text out.
"""

from __future__ import annotations

from ..chinese import to_simplified
from ..patterns import lazy_compile

__all__ = ["plain_narrative"]

#: Full-width digits, decimal point and percent sign; nothing else (not NFKC: "①" stays a list mark, "，" a comma).
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
#: A full-width comma between thousands ("１，３３６．９２" → "1,336.92"): one to three digits, then groups of exactly
#: three — the same reading a half-width "1,336.92" gets (perfxl.document.facts); never before a percent sign.
_GROUPED = lazy_compile(r"(?<![\d.])\d{1,3}(?:，\d{3})+(?![\d%])")
#: Clause punctuation: a line holding none is a heading, a title or a "项目名称：…" label line.
_PUNCTUATED = lazy_compile(r"[。；;，,！？!?]")
#: A line ending in punctuation: the break after it is layout.
_ENDS_PUNCTUATED = lazy_compile(r"[。；;：:，,、！？!?）)”]$")
#: A line opening a list item or a numbered heading: "一是", "（二）", "3、", "1.", "四、", "第一，".
_ITEM = lazy_compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d)|[一二三四五六七八九十]{1,3}[、是]|第[一二三四五六七八九十]{1,3}[，,、])"
)
#: Spaces typed between a figure and its unit or the words after it ("886.12 万元", "39.86 %", "10 个").
_SPACE_AFTER_FIGURE = lazy_compile(r"(?<=\d)[ \u3000\u00a0]+(?=[%\u4e00-\u9fff])")
#: Spaces between Chinese words and the figure after them ("比 2023 年度增加 10.23 万元": a PDF's justified line copied
#: out, real reports 20) — the text a PDF's own reading gives without them, so a .docx of it reads the same.
_SPACE_BEFORE_FIGURE = lazy_compile(
    r"(?<=[\u4e00-\u9fff，。：；、（）])[ \u3000\u00a0]+(?=\d[\d.,]*[ \u3000\u00a0]*(?:[%\u4e00-\u9fff，。；、]|$))"
)  # not before a figure of a Latin unit ("里程 12 km": the gloss reader's)
#: A line ending inside a money figure's unit ("…307.82万") and the next opening with the rest of it ("元。…").
_SPLIT_UNIT = lazy_compile(r"\d[ \t\u3000]*[万亿]$")  # "…10210.34 万\n元": a PDF's space kept
_UNIT_REST = lazy_compile(r"元")
_HAS_LATIN = lazy_compile(r"[A-Za-z\u00c0-\u024f]")
#: A Latin letter of a gloss: ASCII and the accented letters of pinyin's tone marks (ā á ǎ à, ü) and English.
_L = "A-Za-z\u00c0-\u024f\u0300-\u036f"
#: A gloss in brackets right after Chinese words: letters and spaces only, a word of two letters at least
#: ("基本支出（jīběn zhīchū）", "（Basic expenditure）", "（GDP）") — no digit, so never a figure or "(B)"-like mark.
_GLOSS_IN_BRACKETS = lazy_compile(
    rf"(?<=[\u4e00-\u9fff])[ \u3000]*[（(][ \u3000]*[{_L}]{{2,}}(?:[ \u3000'’-]+[{_L}]+)*[ \u3000]*[)）]"
)
_LOWER = "a-z\u00df-\u00ff\u0100-\u024f\u0300-\u036f"
#: Pinyin typed between Chinese words ("shouru 收入", "公务接待费 gongwu jiedai fei 支出"), or between the words and their
#: figure after a space ("在职 zaizhi 45人"): lower-case Latin words set off by a space from the Chinese around them (at a
#: paragraph's start too) — "APP", "PPP项目", "e政务", "12 km 以上" are kept.
_GLOSS_BARE = lazy_compile(
    rf"(?:^|(?<=[\u4e00-\u9fff]))([ \u3000]*)[{_LOWER}]+(?:[ \u3000'’-]+[{_LOWER}]+)*([ \u3000]*)(?=[\u4e00-\u9fff]|(?<=[ \u3000])\d)"
)


def _without_glosses(text: str) -> str:
    """`text` without the pinyin or English glosses between its Chinese words (`_GLOSS_IN_BRACKETS`, `_GLOSS_BARE`): they
    are no part of a name ("基本支出jīběnzhīchū" matched no claim) and hold no figure (docs14)."""
    text = _GLOSS_IN_BRACKETS.sub("", text)
    return _GLOSS_BARE.sub(lambda m: "" if m.group(1) or m.group(2) else m.group(0), text)


def plain_narrative(text: str, *, manual_breaks: bool = True) -> str:
    """`text` as the cross-check reads it (see the module docstring); ASCII text without breaks is returned as is.
    `manual_breaks` False for a table cell's text, whose line breaks also end its paragraphs: they are kept."""
    if not text:
        return text
    if not text.isascii():
        text = text.translate(_HALF_WIDTH)
        if "，" in text:
            text = _GROUPED.sub(lambda m: m.group(0).replace("，", ","), text)
        text = to_simplified(text)
        if _HAS_LATIN.search(text):
            text = _without_glosses(text)
    if manual_breaks and "\n" in text:
        text = _unwrapped(text)
    return _SPACE_BEFORE_FIGURE.sub("", _SPACE_AFTER_FIGURE.sub("", text))


def _unwrapped(text: str) -> str:
    """Manual line breaks (Shift+Enter, or the breaks a web page pasted into Word leaves at its line ends) read as
    layout: the lines joined where the sentence goes on — after punctuation, or mid-clause ("…基本\n支出189.25万元"
    is 基本支出) — and kept as a sentence end after a heading or label line (no clause punctuation) and before a list
    item or numbered heading."""
    out: list[str] = []
    current = ""  # the line since the last break kept
    for line in (line.strip(" \t\u3000") for line in text.split("\n")):
        if not line:  # an empty line: a break kept
            if current:
                out.append(current)
            current = ""
        elif not current or _ENDS_PUNCTUATED.search(current):
            current += line
        elif _SPLIT_UNIT.search(current) and _UNIT_REST.match(line):
            current += line  # "…总计307.82万\n元。": a break inside a figure's unit, never a heading's end
        elif _ITEM.match(line) or not _PUNCTUATED.search(current):
            out.append(current)
            current = line
        else:
            current += line
    out.append(current)
    return "\n".join(s for s in out if s)
