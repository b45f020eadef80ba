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
from .patterns import INVISIBLE

__all__ = ["normalise_label", "strip_brackets", "strip_numbering", "is_execution_rate_name", "SPACES", "PUNCT", "DROP"]

SPACES = re.compile(f"[\\s\u3000\u00a0{INVISIBLE}]+")  # white space and `patterns.INVISIBLE`
PUNCT = str.maketrans({"（": "(", "）": ")", "：": ":", "【": "[", "】": "]", "，": ",", "；": ";"})
#: The characters `PUNCT` maps: the translation (a dict look-up and a KeyError raised and cleared for every other
#: character of non-ASCII text) runs only on text holding one (issue 14, a label's first normalisation).
_PUNCT_CHARS = frozenset("（）：【】，；")
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
    text = unicodedata.normalize("NFKC", to_simplified(_CIRCLED_KEY.sub("", text)))
    if not _PUNCT_CHARS.isdisjoint(text):
        text = text.translate(PUNCT)
    text = SPACES.sub("", text)
    if "、" in text:  # (`_ORDINAL` ends in it)
        text = _ORDINAL.sub(r"(\1)", text)
    return DROP.sub("", text).rstrip(":")


def strip_brackets(label: str) -> str:
    """A normalised label without bracketed notes: "全年预算数(调整后预算数)" → "全年预算数"."""
    # most labels hold no bracket (every indicator name is asked): no regex call for them
    return _BRACKETS.sub("", label) if "(" in label or "[" in label else label


def strip_numbering(label: str) -> str:
    """Without list numbering and "其中:": "1公务接待" / "其中:办公经费" / "(1)出国经费" → the name. Only a label
    starting as numbering can ("其", "资", a digit, "("): the others, most names, are not searched."""
    return _NUMBERING.sub("", label) if label[:1] in _NUMBERING_STARTS else label


def _grade_words(*words: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalise_label(w) for w in words))


#: Labels of a grade cell, and grades as forms print them beside the 总分 (10号 优良中差, 四川 优良中低差, 合格 forms):
#: a label, never the total. Here, not in the layout, because the checks read a grade typed after its label too (T04).
GRADE_LABELS = _grade_words("自评等级", "评价等级", "等级", "自评结论")
GRADE_WORDS = _grade_words("优", "良", "中", "低", "差", "优秀", "良好", "中等", "较差", "合格", "不合格")
#: The longest "label then grade" text `grade_in_text` reads without a colon ("自评结论不合格"): longer first labels,
#: most of a table's, are no grade (a cheap test asked of every row)
_LONGEST_LABELLED_GRADE = max(len(label) for label in GRADE_LABELS) + max(len(word) for word in GRADE_WORDS)
_GRADE_IN_TEXT = re.compile(r"\(?([^():]{2,6}):([^():]+)\)?")


def grade_in_text(label: str) -> str | None:
    """The grade a cell states with its label, "(自评等级：良)" / "自评等级：优" (a normalised label), else None: 安徽 and
    other forms print it so in the 总分 row or a row of its own."""
    if ":" in label:  # asked of every row's first label: most hold no colon, which the pattern needs (perf14l)
        m = _GRADE_IN_TEXT.fullmatch(label)
        if m is not None:
            return m.group(2) if m.group(1) in GRADE_LABELS else None
    # "自评等级 优" typed in one cell without a colon (the 吉林 评价表's 总分 row, its label cells E43:K43 merged): the
    # label, then nothing but a grade — read alike (polish14); "等级说明" or any other words after a label are none
    if len(label) > _LONGEST_LABELLED_GRADE or not label.startswith(GRADE_LABELS):  # (one C test, not four)
        return None
    for word in GRADE_LABELS:
        if label.startswith(word) and label[len(word) :] in GRADE_WORDS:
            return label[len(word) :]
    return None


#: The 三级指标 names of a budget-execution indicator (宁夏 银川: 项目管理(25分) │ 投入管理 │ 预算执行率 │ 10).
_EXECUTION_RATE_NAMES = frozenset({"预算执行率", "执行率", "资金执行率", "项目预算执行率"})


def is_execution_rate_name(name: str) -> bool:
    """An indicator's name (as printed) names the budget's execution rate ("预算执行率", "2.执行率", "预算执行率(%)" — the
    unit after it, read26): the row scoring it inside the indicators (F05; the full mark its 一级 labels declare holds
    its 分值 already, read28)."""
    return strip_numbering(normalise_label(name)).removesuffix("(%)") in _EXECUTION_RATE_NAMES
