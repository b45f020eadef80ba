"""Label text in canonical form — the one normalisation by which table labels and indicator names are compared.

Pure text (NFKC, simplified characters, no spaces or list punctuation, ASCII brackets and colon): the layout finds
tables by labels normalised here, and the checks compare indicator and line names the same way, so the engine needs
no part of the layout to read a name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .chinese import CACHE_MAX_LEN, is_plain, to_simplified

__all__ = ["normalise_label", "strip_brackets", "strip_numbering", "SPACES", "PUNCT", "DROP"]

SPACES = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
PUNCT = str.maketrans({"（": "(", "）": ")", "：": ":", "【": "[", "】": "]", "，": ",", "；": ";"})
DROP = re.compile(r"[、,，;；“”\"'‘’。.·\-—_*]")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: List numbering, "其中:", and the group words of 江西's 整体支出规模 rows ("资金来源:(1)财政拨款", "资金结构:(1)基本支出").
_NUMBERING = re.compile(r"^(?:其中:?|资金来源:|资金结构:|[0-9]{1,2}(?![0-9年])\)?|\([0-9一二三四五六七八九十]+\))+")
#: The first characters `_NUMBERING` can match at.
_NUMBERING_STARTS = frozenset("其资(0123456789")
#: A column's printed key at the end of its header — a circled number, alone or with the formula it is computed by
#: ("年中调整金额②", "小计 ③=①+②", "支出实现率(%)⑤=④/③": 福建 部门整体支出绩效自评表): not part of the name.
_CIRCLED_KEY = re.compile(r"[\u2460-\u2473](?:\s*[=＝]\s*[\u2460-\u2473+＋\-－/／×*\s]+)?\s*$")


def normalise_label(value: object) -> str:
    """Canonical form of a label: NFKC, no whitespace, ASCII brackets and colon, no list punctuation."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return _normalise(text) if len(text) <= CACHE_MAX_LEN else _normalise.__wrapped__(text)


#: A leading Chinese ordinal with its 、 ("一、三公经费"): written as "(一)" so it reads as numbering, never as a word.
_ORDINAL = re.compile(r"^([一二三四五六七八九十]{1,3})、")


#: 32,768 texts: the layout normalises each row's labels and the checks ask again (a 10,000-row table: ≈ 12,700 texts;
#: 8,192 entries forgot each row before the checks came), while a batch worker's cache stays a few MB.
@lru_cache(maxsize=32768)
def _normalise(text: str) -> str:
    if is_plain(text):  # no circled key, width form, space, bracket or list mark: only the simplification applies
        simple = to_simplified(text)
        if simple is text or is_plain(simple):
            return simple
    text = unicodedata.normalize("NFKC", to_simplified(_CIRCLED_KEY.sub("", text))).translate(PUNCT)
    text = _ORDINAL.sub(r"(\1)", SPACES.sub("", text))
    return DROP.sub("", text).rstrip(":")


def strip_brackets(label: str) -> str:
    """A normalised label without bracketed notes: "全年预算数(调整后预算数)" → "全年预算数"."""
    # most labels hold no bracket (every indicator name is asked): no regex call for them
    return _BRACKETS.sub("", label) if "(" in label or "[" in label else label


def strip_numbering(label: str) -> str:
    """Without list numbering and "其中:": "1公务接待" / "其中:办公经费" / "(1)出国经费" → the name. Only a label
    starting as numbering can ("其", "资", a digit, "("): the others, most names, are not searched."""
    return _NUMBERING.sub("", label) if label[:1] in _NUMBERING_STARTS else label
