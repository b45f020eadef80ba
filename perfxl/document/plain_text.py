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
from ..numbers import join_digit_groups
from ..patterns import lazy_compile

__all__ = ["plain_narrative", "split_decimals"]

#: Full-width digits, decimal point and percent sign; nothing else (not NFKC: "①" stays a list mark, "，" a comma).
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
#: A full-width comma between thousands ("１，３３６．９２" → "1,336.92"): one to three digits, then groups of exactly
#: three — the same reading a half-width "1,336.92" gets (perfxl.document.facts); never before a percent sign.
_GROUPED = lazy_compile(r"(?<![\d.])\d{1,3}(?:，\d{3})+(?![\d%])")
#: Clause punctuation: a line holding none may be a heading, a title or a "项目名称：…" label line (`_ends_heading`).
_PUNCTUATED = lazy_compile(r"[。；;，,！？!?]")
#: A line ending in punctuation: the break after it is layout.
_ENDS_PUNCTUATED = lazy_compile(r"[。；;：:，,、！？!?）)”]$")
#: A line opening a list item or a numbered heading: "一是", "（二）", "3、", "1.", "四、", "第一，".
_ITEM = lazy_compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d)|[一二三四五六七八九十]{1,3}[、是]|第[一二三四五六七八九十]{1,3}[，,、])"
)
#: A line ending where its clause cannot end: on a connective waiting for its word ("…比", "…与", "…和", "…及",
#: "…的") or on the dash of a "类-款-项" name ("…相关机构事务-").
_OPEN_AT_END = lazy_compile(r"[比与和及的\-－—]$")
#: Bracket and quote pairs: one opened and not closed means the clause goes on.
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("〔", "〕"), ("[", "]"), ("【", "】"))
#: A form's label at a line's start: a few words and a colon ("项目名称：", "项目金额:").
_LABEL = lazy_compile(r"^[\u4e00-\u9fff]{2,8}[：:]")
#: A 功能分类 name opened at its 类 or 款 level and not yet closed at the line's end ("…（类）行政事业单位医疗（款）事业单位
#: 医⏎疗（项）"): the words after the last level mark hold no bracket of their own.
_OPEN_NAME = lazy_compile(r"[（(]\d*[类款][)）][^（()）]+$")
#: A line opening with clause punctuation or a closing bracket: the sentence before goes on.
_GOES_ON = lazy_compile(r"^[，,。；;：:、）)”》%％]")
#: A line ending with a figure and its unit ("森林资源专项调查200万", "…项目50万元"): an item of a list, line by line —
#: not a rate's denominator ("6.5次/10万⏎公顷").
_ENDS_WITH_FIGURE = lazy_compile(r"(?<![/\d.,])\d[\d.,]*[ \u3000]*(?:万元|亿元|元|万|亿|%|％)$")
#: A line this short (characters) holding no clause punctuation is a heading or title ("基本情况", "项目绩效自评报告"),
#: narrower than any page's line.
_TITLE_WIDTH = 10
#: A numbered heading's length at most (characters) whatever follows it ("（一）部门整体支出绩效目标完成情况" is 17).
_HEADING_WIDTH = 20
#: A numbered heading's mark: "一、", "（二）", "3、", "1." (not a list item in prose: "一是…", "第一，…").
_NUMBERED = lazy_compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d)|[一二三四五六七八九十]{1,3}、)"
)
#: A label and its value on one line ("(3)数量目标:当年…", "1.项目绩效自评总体情况:我部门…"): a field's text, not a heading.
_FIELD = lazy_compile(r"[：:].")
#: A line opening with a figure and its unit after less than two characters ("目78.29万元", "149.49 万元"): the figure's
#: subject is on the line before (a sentence after a heading names its subject first).
_FIGURE_GOES_ON = lazy_compile(
    r"^[\u4e00-\u9fff]?[（(]?[项款类]?[)）]?[ \u3000]*\d[\d.,]*[ \u3000]*(?:万元|亿元|元|%|％)"
)
#: A line holding no clause punctuation ends short — a heading's or a title's end, not a wrapped line's — when it runs
#: to less than this share of the line after it.
_SHORT = 0.6
#: A line holding no clause punctuation ends short of the page's width when it is this many characters (and ems) shorter
#: than every full line of the wrapped body after it, which agree within as much (`_short_of_the_page`).
_SHORT_OF_PAGE = 3
#: Whitespace beside a digit: what either of the two spacing patterns below needs to match — their gate (perfxl.patterns):
#: each holds a CJK range, ≈ 10 M instructions to compile; this compiles in ≈ 0.1 M (`\s` is a category, no charset
#: of code points: it holds the three spaces they remove, and more).
_SPACE_BY_DIGIT = lazy_compile(r"\d\s|\s\d")


def _space_by_digit(text: str) -> bool:
    return _SPACE_BY_DIGIT.search(text) is not None


#: Spaces typed between a figure and its unit or the words after it ("886.12 万元", "39.86 %", "10 个").
_SPACE_AFTER_FIGURE = lazy_compile(
    r"(?<=\d)[ \u3000\u00a0]+(?=[%\u4e00-\u9fff])", needs=_space_by_digit, keep_gate=True
)
#: Spaces between Chinese words and the figure after them ("比 2023 年度增加 10.23 万元": a PDF's justified line copied
#: out, real reports 20) — the text a PDF's own reading gives without them, so a .docx of it reads the same.
_SPACE_BEFORE_FIGURE = lazy_compile(
    r"(?<=[\u4e00-\u9fff，。：；、（）])[ \u3000\u00a0]+(?=\d[\d.,]*[ \u3000\u00a0]*(?:[%\u4e00-\u9fff，。；、]|$))",
    needs=_space_by_digit,
    keep_gate=True,
)  # not before a figure of a Latin unit ("里程 12 km": the gloss reader's)
#: A figure a PDF's line wrap broke after its decimal point ("预算35. 3万元", 南昌 烈士陵园 2022): digits right after
#: Chinese words, ".", spaces, digits and a money unit or percent sign — read as one figure (35.3万元), and said so in
#: the basis of every finding of its paragraph (`split_decimals`). Not after punctuation or at a line's start: "2. 3万元
#: 用于…" opens a list item there.
_SPLIT_DECIMAL = lazy_compile(
    r"(?<=[\u4e00-\u9fff])(\d+)\.[ \u3000\u00a0]+(?=\d)(\d+)(?=[ \u3000\u00a0]*(?:万元|亿元|元|%|％))",
    needs=_space_by_digit,
    keep_gate=True,
)
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
    text = join_digit_groups(text)  # "1 036.53万元": a figure grouped in threes by spaces, as a cell reads it
    if not text.isascii():
        text = text.translate(_HALF_WIDTH)
        if "，" in text:
            text = _GROUPED.sub(lambda m: m.group(0).replace("，", ","), text)
        text = to_simplified(text)
    if manual_breaks and "\n" in text:
        text = _unwrapped(text)  # the lines as typed: a gloss is part of the width a wrapped line runs to
    if not text.isascii() and _HAS_LATIN.search(text):
        text = _without_glosses(text)
    text = _SPLIT_DECIMAL.sub(r"\1.\2", text)
    return _SPACE_BEFORE_FIGURE.sub("", _SPACE_AFTER_FIGURE.sub("", text))


def split_decimals(text: str) -> tuple[str, ...]:
    """The figures of `text` (as written) whose decimal point a space follows and which `plain_narrative` reads as one
    figure ("35. 3" of "预算35. 3万元"): said in the basis of the paragraph's findings, so the reading is never silent."""
    if not text or not _space_by_digit(text):
        return ()
    return tuple(dict.fromkeys(m.group(0) for m in _SPLIT_DECIMAL.finditer(text.translate(_HALF_WIDTH))))


def _unwrapped(text: str) -> str:
    """Manual line breaks (Shift+Enter, or the breaks a web page pasted into Word leaves at its line ends) read as
    layout: the lines joined where the sentence goes on — after punctuation, or mid-clause ("…基本\n支出189.25万元"
    is 基本支出) — and kept as a sentence end before a list item or numbered heading and after a heading, title or
    list line (`_ends_heading`)."""
    lines = [line.strip(" \t\u3000") for line in text.split("\n")]
    out: list[str] = []
    current = ""  # the line since the last break kept
    for i, line in enumerate(lines):
        if not line:  # an empty line: a break kept
            if current:
                out.append(current)
            current = ""
        elif not current or _ENDS_PUNCTUATED.search(current):
            current += line
        elif _SPLIT_UNIT.search(current) and _UNIT_REST.match(line):
            current += line  # "…总计307.82万\n元。": a break inside a figure's unit, never a heading's end
        elif _ITEM.match(line) or _ends_heading(current, lines[i - 1], lines[i:]):
            out.append(current)
            current = line
        else:
            current += line
    out.append(current)
    return "\n".join(s for s in out if s)


def _ends_heading(current: str, last: str, after: list[str]) -> bool:
    """Whether the break between `last` (the last line of `current`, the text since the last break kept) and the lines
    `after` it (the next first) ends
    a heading, a title or a list's line — not a sentence wrapped at the width of a page (a web page pasted into Word
    leaves a break at each of its line ends, mid-clause, even mid-word: "…2024 年度财政拨款收入⏎支出总计9746.50万元").

    Never a heading's end: text holding clause punctuation; a line ending inside a clause — an open bracket or quote
    ("“一般公共服务支出-…-行⏎政运行”"), a connective waiting for its word, a 功能分类 name opened at its 类 or 款 and
    not closed ("…（款）事业单位医⏎疗（项）"); a next line opening with punctuation or with a figure whose subject is
    on this line ("…”科⏎目78.29万元").
    A heading's end: a line too short for any page's width (`_TITLE_WIDTH`); a list's line ending with its figure
    ("…调查200万⏎2022年度…"); a form's label line before another ("项目名称：…⏎项目金额：…"); a numbered heading
    ("一、…", "（二）…", "3、…" — not "一是…", nor a "1.名称：…" field with its text) of a heading's length
    (`_HEADING_WIDTH`) or shorter than every line after it but the paragraph's last (a numbered sentence's first line
    runs to the page's width as the next do:
    "（一）金寨县麻埠镇人民政府2023年度下达上级资⏎金转移支付755.19万元。…").
    Otherwise a line is a heading's or title's end when it ends short: under `_SHORT` of the line after it (a wrapped
    sentence's lines run to one width, the last no longer; a figure run on past the width makes one longer, hardly by
    half), else it is a line of a wrapped sentence and the sentence goes on."""
    line = after[0]
    if _PUNCTUATED.search(current) or _OPEN_AT_END.search(last) or _unclosed(current) or _OPEN_NAME.search(last):
        return False
    if _FIGURE_GOES_ON.match(line) or _GOES_ON.match(line):
        return False
    if len(last) <= _TITLE_WIDTH or _ENDS_WITH_FIGURE.search(last) or (_LABEL.match(last) and _LABEL.match(line)):
        return True
    if _NUMBERED.match(current) and not _FIELD.search(current):
        return len(last) <= _HEADING_WIDTH or len(last) < min(map(len, after[:-1] or after))
    return len(last) < _SHORT * len(line) or _short_of_the_page(last, after)


def _width(text: str) -> float:
    """`text`'s printed width in ems: a Chinese character or full-width mark 1, an ASCII one (a digit, a Latin letter) ½."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def _short_of_the_page(last: str, after: list[str]) -> bool:
    """`last` ends short of the page's width that the lines after it show: they are a wrapped body whose lines but its
    last (two at least) run to one width, wider than a heading (`_HEADING_WIDTH`) — within `_SHORT_OF_PAGE` of each other, by count and by printed width
    (`_width`) — and `last` is at least `_SHORT_OF_PAGE` shorter than every one of them, by both. A wrapped sentence's
    first line runs to the width as the next do (two characters short at most, where an indent was typed as spaces).
    "2023年度新增地方政府专项债券项目绩效评价情况" (23 characters, 22 ems) over a body wrapped at 28 is a heading, not the
    body's first words."""
    full = after[:-1]
    if len(full) < 2 or min(map(len, full)) <= _HEADING_WIDTH:
        return False  # no page's width shown, or a page too narrow for a heading line (a column, a cell)
    for measure in (len, _width):
        widths = [measure(line) for line in full]
        if max(widths) - min(widths) > _SHORT_OF_PAGE or measure(last) + _SHORT_OF_PAGE > min(widths):
            return False
    return True


def _unclosed(text: str) -> bool:
    """An open bracket or quote not closed in `text` (the sentence goes on past the line's end)."""
    return any(text.count(a) > text.count(b) for a, b in _PAIRS)
