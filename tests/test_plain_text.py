"""The plain-text fast paths (issue 14): text of ASCII letters, digits and CJK ideographs skips the normalisation
passes, and a row's labels key is its parts' keys joined when OpenCC leaves the text alone — the same answers as the
full passes, which are spelt out here as the reference."""

from __future__ import annotations

import random
import unicodedata

from perfxl import labels
from perfxl.chinese import is_plain, looks_traditional, to_simplified
from perfxl.layout import headers
from perfxl.rules.context import _PUNCT, compact
from perfxl.values import _PLACEHOLDER, _PLACEHOLDER_WORDS, _SPACED_OUT, _unreadable_text, blank_text, normalise_text

TEXTS = [
    "",
    "1",
    "abc",
    "N/A",
    "None",
    "无",
    "無",
    "暂无",
    "不适用",
    "不適用",
    "略",
    "新进规模企业1",
    "群众满意度达90%15",
    "其中1",
    "其中:办公经费",
    "12公务接待",
    "2023年度预算",
    "一、三公经费",
    "违規率",
    "時效指標",
    "産出指標",
    "满意度指标（10分）",
    "产出指标(55分)",
    "年中调整金额②",
    "……",
    "/",
    "——",
    "ＮＵＬＬ",
    "不 适 用",
    "#N/A",
    "\x1b[31m20家",
    "\u3000空\u3000",
    "安全事故处置率",
    "不低於95",
]


def _normalise_reference(text: str) -> str:
    text = unicodedata.normalize("NFKC", to_simplified(labels._CIRCLED_KEY.sub("", text))).translate(labels.PUNCT)
    text = labels._ORDINAL.sub(r"(\1)", labels.SPACES.sub("", text))
    return labels.DROP.sub("", text).rstrip(":")


def _blank_reference(raw: str) -> bool:
    t = _SPACED_OUT.sub("", normalise_text(raw))
    if not t:
        return True
    if _unreadable_text(raw, t) is not None:
        return False
    return bool(_PLACEHOLDER.match(t) or t in _PLACEHOLDER_WORDS or to_simplified(t) in _PLACEHOLDER_WORDS)


def _texts() -> list[str]:
    rng = random.Random(14)
    chars = sorted({ch for t in TEXTS for ch in t}) + list(" 0aZ率")
    return TEXTS + ["".join(rng.choice(chars) for _ in range(rng.randint(1, 8))) for _ in range(3000)]


def test_plain_is_letters_digits_and_cjk_only():
    assert is_plain("新进规模企业1") and is_plain("abc123") and is_plain("达90%") and is_plain("")
    assert not any(is_plain(t) for t in ("N/A", "产出指标(55分)", "不 适 用", "ＮＵＬＬ", "……", "年中调整金额②"))


def test_fast_paths_give_the_full_passes_answers():
    for text in _texts():
        assert labels._normalise(text) == _normalise_reference(text), text
        assert compact(text) == _PUNCT.sub("", to_simplified(text)), text
        assert blank_text(text) == _blank_reference(text), text


def test_a_labels_key_is_its_parts_keys_joined_when_opencc_leaves_the_text_alone():
    rng = random.Random(12)
    parts = [
        "产出指标(55分)",
        "满意度指标（10分）",
        "时效指标",
        "時效",
        "指標",
        "扣分项",
        "扣分",
        "项",
        "，",
        "1",
        "於",
    ]
    for _ in range(3000):
        a, b, c = (rng.choice(parts) for _ in range(3))
        if not looks_traditional(a + b + c):
            assert compact(a + b + c) == compact(a) + compact(b) + compact(c), (a, b, c)


def _forms_reference(label: str) -> tuple[str, ...]:
    base = labels._NUMBERING.sub("", label)
    forms = [label, base, labels.strip_brackets(base), headers._YEAR.sub("", labels.strip_brackets(base))]
    forms.append(
        headers._YEAR_DIGITS.sub("", labels.strip_brackets(base))
    )  # review30w: "2021年初目标值" → "年初目标值"
    if headers._UNCLOSED.search(base):
        forms.append(headers._UNCLOSED.sub("", labels.strip_brackets(base)))
    if base.startswith(headers._GROUP_PREFIX) and len(base) > len(headers._GROUP_PREFIX):
        forms.append(labels.strip_brackets(base[len(headers._GROUP_PREFIX) :]))
    return tuple(dict.fromkeys(f for f in forms if f))


def test_a_labels_forms_are_those_of_every_pass():
    extra = [
        "2023年度绩效目标",
        "1990年",
        "(1)出国经费",
        "资金来源:(1)财政拨款",
        "执行率(B/A1",
        "绩效指标指标名称",
        "其中办公",
    ]
    for text in _texts() + extra:
        label = labels.normalise_label(text)
        assert labels.strip_numbering(label) == labels._NUMBERING.sub("", label), label
        assert headers._forms.__wrapped__(label) == _forms_reference(label), label
