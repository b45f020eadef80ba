"""Traditional → simplified Chinese for label and unit matching, with OpenCC (optional: no Pyodide build).

Only labels and units are converted (to match header synonyms and unit names); cell text stays exactly
as typed. Text that
GB2312 can encode is simplified already and is returned unchanged without calling OpenCC. Without
OpenCC (xlwings Lite / Pyodide), `to_simplified` returns the text unchanged and `available()` says
so, and the reader notes in the coverage that a traditional-character table could not be read.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from .patterns import lazy_compile

__all__ = [
    "to_simplified",
    "available",
    "looks_traditional",
    "gb2312_converted",
    "GB2312_IN_PHRASES",
    "IDEOGRAPH_RANGES",
    "is_plain",
    "nfkc_stable",
    "nfkc_stable_of",
    "CACHE_MAX_LEN",
]

_converter = None
_tried = False


def _get():
    global _converter, _tried
    if not _tried:
        _tried = True
        try:
            # optional, guarded: opencc has no Pyodide build (absent under xlwings Lite)
            import opencc  # OpenCC 1.1+: the maintained converter (wheels for Linux/Windows/macOS)

            _converter = opencc.OpenCC("t2s")
        except Exception:  # not installed (Pyodide), or a broken build: labels stay as written
            _converter = None
    return _converter


def available() -> bool:
    """True when OpenCC can be used."""
    return _get() is not None


#: The GB2312 characters OpenCC's t2s still converts (於 → 于, 後 → 后, 徵 → 征 …): traditional forms GB2312 also
#: encodes, so an encodable text holding one is converted too ("不低於95%"). Derived from OpenCC over every GB2312
#: character; tests/test_chinese.py recomputes it, so a new OpenCC that converts more fails there.
GB2312_CONVERTED = frozenset("乾菸薹拚捱摺吒後徵夥榘於袷麴醣麽")


#: `GB2312_CONVERTED` as a character class: one regex pass over a text (≈ 0.5 k instructions) where
#: `frozenset.isdisjoint(text)` made and hashed a string a character (≈ 5 k for a 10-character name; asked about
#: twice an indicator row — its name's first normalisation and `RowFacts.labels_key` — issue 14, perf15l).
_CONVERTED = re.compile("[" + "".join(sorted(GB2312_CONVERTED)) + "]")


#: GB2312's encoder, looked up once: `str.encode("gb2312")` looked the codec up by name on every call (≈ 1.4 k of a
#: 25-character text's ≈ 5.5 k instructions; asked of every distinct label, name and value text once, and of every
#: indicator row's labels joined — issue 14, perf17c). The same codec, the same strict errors.
_GB2312_ENCODE = codecs.lookup("gb2312").encode


#: The GB2312 characters OpenCC's t2s converts only inside a phrase of its dictionary ("沈默" → "沉默", "回覆" → "回复",
#: "藉口" → "借口", "毛坏" → "毛坯", "英哩" → "英里"): a text GB2312 encodes is left alone with them (it is simplified
#: already: "损坏", "覆盖率"), a text that does not encode is sent to OpenCC for them, as it always was. Derived from
#: OpenCC's t2s dictionaries; tests/test_start25b.py recomputes it.
GB2312_IN_PHRASES = frozenset("哩坏沈藉覆")

#: `GB2312_CONVERTED` and `GB2312_IN_PHRASES` as one character class (a text that does not encode in GB2312).
_CONVERTED_ANY = re.compile("[" + "".join(sorted(GB2312_CONVERTED | GB2312_IN_PHRASES)) + "]")

#: The code point ranges of the CJK ideographs (Extension A, the unified block, compatibility ideographs, the
#: supplementary and tertiary planes' extensions and compatibility supplement): every character outside GB2312 that
#: OpenCC's t2s dictionaries hold lies in one of them (tests/test_start25b.py checks the dictionaries and every code
#: point outside them) — "㎡", "•", a no-break space, "€" are converted by nothing.
IDEOGRAPH_RANGES = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"), ("\U00020000", "\U0003ffff"))


class _Ideograph(Exception):
    """Raised by the encoding error handler below at the first ideograph GB2312 does not encode."""


def _outside_gb2312(exc: UnicodeError) -> tuple[str, int]:
    """Encoding error handler ("perfxl-ideograph"): drops the characters GB2312 does not encode, stops (`_Ideograph`)
    at the first ideograph among them — one encode pass finds it, however many other characters fail."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    for ch in exc.object[exc.start : exc.end]:
        if any(lo <= ch <= hi for lo, hi in IDEOGRAPH_RANGES):
            raise _Ideograph
    return "", exc.end


codecs.register_error("perfxl-ideograph", _outside_gb2312)


def looks_traditional(text: str) -> bool:
    """True when OpenCC's t2s may change the text: it holds a CJK ideograph outside GB2312 (simplified text encodes in
    GB2312), or one of the GB2312 characters OpenCC converts (`GB2312_CONVERTED`; in a text that does not encode,
    `GB2312_IN_PHRASES` too). A text that fails GB2312 only for other characters ("实际规模（㎡）", a no-break space, "•")
    is not: no OpenCC key holds them, so OpenCC would give it back unchanged — and is not loaded for it (≈ 12 ms CPU a
    process, issue 14, start25b)."""
    try:
        _GB2312_ENCODE(text)
        return _CONVERTED.search(text) is not None
    except UnicodeEncodeError:
        if _CONVERTED_ANY.search(text) is not None:
            return True
        try:
            _GB2312_ENCODE(text, "perfxl-ideograph")
        except _Ideograph:
            return True
        return False


def gb2312_converted(text: str) -> bool | None:
    """None when the text does not encode in GB2312, else whether it holds one of `GB2312_CONVERTED`: for texts joined
    end to end that all encode (GB2312 encodes character by character), `looks_traditional` of the joined text is any
    of the parts' — so a part met again (a row's 一级/二级 label cell) is tested once (`RowFacts`, issue 14)."""
    try:
        _GB2312_ENCODE(text)
    except UnicodeEncodeError:
        return None
    return _CONVERTED.search(text) is not None


#: The GB2312 characters whose NFKC form is no GB2312 text of its own, or holds a combining mark: "¨" → " ̈", "￠" → "¢",
#: "￡" → "£", "￣" → " ̄", "￥" → "¥". Derived from Unicode over every GB2312 character; tests/test_perf20r.py recomputes
#: it (with the composition facts `nfkc_stable` rests on), so a new Unicode version that adds one fails there.
NFKC_UNSTABLE = frozenset("¨￠￡￣￥")
_UNSTABLE = lazy_compile("[" + "".join(sorted(NFKC_UNSTABLE)) + "]")


def nfkc_stable(text: str) -> bool:
    """True when `text` encodes in GB2312 and holds none of `GB2312_CONVERTED` nor `NFKC_UNSTABLE`: then its NFKC form
    is the NFKC forms of its characters one by one, each GB2312 text OpenCC leaves alone — so any text NFKC, a control
    character made a space, stripping and dropping spaces make of it is simplified already (`to_simplified` gives it
    back) and keeps every ASCII digit and CJK ideograph of `text` (the blank test's shortcut, `values._blank_text`)."""
    return nfkc_stable_of(text, gb2312_converted(text))


def nfkc_stable_of(text: str, converted: bool | None) -> bool:
    """`nfkc_stable(text)` where `gb2312_converted(text)` is known (`RowFacts`: a name's, worked out for its labels key;
    a second encode and search of each distinct name saved)."""
    return converted is False and _UNSTABLE.search(text) is None


#: Texts up to this length are cached by text (labels, names, values); longer ones (free-form sentences) are converted
#: or parsed each time, so a batch worker's caches stay small. The one length for every per-text cache (`perfxl.values`,
#: `perfxl.labels`, `perfxl.rules.context.compact`).
CACHE_MAX_LEN = 256


#: ASCII letters and digits, "%" and CJK unified ideographs (U+4E00–U+9FFF), nothing else: most indicator names and
#: labels ("群众满意度达90%").
_PLAIN = re.compile(r"[0-9A-Za-z%\u4e00-\u9fff]*")


def is_plain(text: str) -> bool:
    """True when the text holds only ASCII letters, digits, "%" and CJK unified ideographs ("新进规模企业1"): text that
    NFKC, control-character, space and punctuation passes all leave as it is — the one check by which the label
    normalisation (`perfxl.labels`), the checks' `compact` and the blank test (`perfxl.values`) skip their regex passes
    on it (issue 14: 10,000 distinct names, each normalised by the layout and the checks)."""
    return _PLAIN.fullmatch(text) is not None


def to_simplified(text: str) -> str:
    """The text in simplified characters (unchanged when it already is, or without OpenCC). Cached by text up to
    CACHE_MAX_LEN characters, 32,768 texts: the layout and the checks ask it of every row's labels and names (a
    10,000-row table: ≈ 25,000 texts; 8,192 entries forgot each row before the next check asked), while a batch
    worker's cache stays a few MB. ASCII text (figures, codes) encodes in GB2312 and holds none of the characters
    OpenCC converts: returned as it is, uncached."""
    if not text or text.isascii():
        return text
    return _simplified(text) if len(text) <= CACHE_MAX_LEN else _convert(text)


def _convert(text: str) -> str:
    """OpenCC's t2s of a text it may change (`looks_traditional`), else the text itself. A text that encodes in GB2312
    (nearly every label and name, each met once on a long table) is told by its `GB2312_CONVERTED` search here, without
    the call to `looks_traditional` that repeats the encode's answer (issue 14, perf26l)."""
    try:
        _GB2312_ENCODE(text)
    except UnicodeEncodeError:
        if not looks_traditional(text):
            return text
    else:
        if _CONVERTED.search(text) is None:
            return text
    conv = _get()
    return conv.convert(text) if conv is not None else text


#: `_convert` cached by text (`to_simplified`: texts up to CACHE_MAX_LEN), the cache wrapping it directly (no frame of
#: its own between them).
_simplified = lru_cache(maxsize=32768)(_convert)
