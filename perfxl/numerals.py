"""Whole numbers written in Chinese numerals ("六", "两", "十二", "二十三", "一百零五", "两千"): a count in words read as
its figure (prose26, issue 12: "设六个内设机构(…)", "两家医院(…)"), and a percent's ("百分之九十五",
`values.percent_in_digits`, review31w). Pure: the reader of documents and the values parser share it.

No dependency: cn2an (the maintained converter on PyPI) brings proces and its data files for far more than a count
needs (decimals, money in capitals, dates), and a count here is a whole number under 万. The standard rules only —
a digit before each unit from the largest down (千, 百, 十), 零 for a gap ("一千零五"), "十" alone for 一十 at the head
("十二"), 两 for 二 before a unit or alone ("两千", "两个"; not "二十两"), 〇 for 零. Anything else — colloquial
shortening ("一百一" for 110, "一千五" for 1500), a gap without 零 ("一千五十"), units out of order — is no figure
(None): a count read by a guess would make a guess of every finding resting on it.
"""

from __future__ import annotations

__all__ = ["CHINESE_DIGITS", "chinese_int"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
#: The characters a Chinese whole number under 万 is written with (for a pattern's character class)
CHINESE_DIGITS = "".join(_DIGITS) + "".join(_UNITS)


def chinese_int(text: str) -> int | None:
    """The whole number 0–9999 `text` writes in Chinese numerals by the standard rules, None when it is none (or
    written loosely: see the module's docstring)."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    if text in ("零", "〇"):
        return 0
    if text[0] == "十":
        text = "一" + text  # "十二" = 一十二 (only at the head: "一百十" is loose)
    total, last_unit, i, gap = 0, 10_000, 0, False
    while i < len(text):
        ch = text[i]
        if ch in ("零", "〇"):
            if gap or not total or i + 1 >= len(text):
                return None  # "零零", a leading 零, a trailing 零
            gap, i = True, i + 1
            continue
        if ch not in _DIGITS:
            return None  # a unit with no digit before it ("一百十")
        digit = _DIGITS[ch]
        unit = _UNITS.get(text[i + 1], 0) if i + 1 < len(text) else 1
        if unit == 0:
            return None  # two digits in a row
        if unit >= last_unit or digit == 0:
            return None
        if ch == "两" and unit < 100 and len(text) > 1:
            return None  # 两 is 二 before 百/千 or alone ("两个"), not "两十", "二十两"
        # a gap (a missing unit between this and the one before) needs its 零, and a 零 needs a gap
        skipped = last_unit != 10_000 and unit * 10 < last_unit
        if skipped != gap:
            return None
        total += digit * unit
        last_unit, gap = unit, False
        i += 1 if unit == 1 else 2
    return total
