"""Dates and deadlines typed in 时效 indicators: "2023年底", "2023年12月", "12月底前", "6月30日前", "2023-12-31".

A period means its last day (a deadline of "2023年12月" is met on 2023-12-31), so every value becomes
comparable `DateParts`; the year may be missing ("12月底前"), and then only month and day are compared.
"""

from __future__ import annotations

import calendar
import datetime
import re

from perfxl.patterns import lazy_compile
from perfxl.records import record

__all__ = ["DateParts", "excel_serial_date", "parse_date"]


@record(frozen=True, slots=True)
class DateParts:
    """A calendar day, year optional; `precision` is what was written: "year", "month", "day"."""

    year: int | None
    month: int
    day: int
    precision: str = "day"

    def key(self, with_year: bool = True) -> tuple[int, ...]:
        return (self.year or 0, self.month, self.day) if with_year else (self.month, self.day)

    def display(self) -> str:
        md = f"{self.month:02d}-{self.day:02d}"
        return f"{self.year}-{md}" if self.year else md

    def to_dict(self) -> dict[str, object]:
        return {"year": self.year, "month": self.month, "day": self.day, "precision": self.precision}


_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ISO = re.compile(r"^(\d{4})\s*[-/]\s*(\d{1,2})(?:\s*[-/]\s*(\d{1,2}))?$|^(\d{4})\.(\d{1,2})\.(\d{1,2})$")
_CN = re.compile(
    r"^(?P<pre>[^\d]{0,12}?)"
    r"(?:(?P<y>(?:19|20)\d{2})\s*年(?:度)?)?\s*"
    r"(?:(?P<half>上半年|下半年)"
    r"|第?(?P<q>[一二三四1-4])季度"
    r"|(?P<yend>底|末)"
    r"|(?P<m>\d{1,2})\s*月份?\s*(?:(?P<d>\d{1,2})\s*[日号]|(?P<mpart>底|末|上旬|中旬|下旬|初|中))?"
    r")?"
    r"(?P<post>[^\d]{0,12})$"
)
#: A whole date written with dots, dashes or slashes after words, as an actual states it ("完成时间为2022.12.30", 安徽
#: 裕安 18, probe23 date_dots): read as the bare "2022.12.30" is. Only a full year-month-day, one separator, a year
#: 19xx/20xx, words (no digit) on either side and no letter, digit or dot right before the year: a version ("V2.1.3",
#: "版本V2022.1.3"), a section number ("2.1.3", "第2022.1.3条") or an amount ("1.234.567", "2022.12", "2021.12.31万元":
#: a unit after it, `_NOT_DATE_AFTER`) is no date. Bounded runs: linear.
_WORDS_DATE = lazy_compile(
    r"^(?P<pre>[^\d]{0,12}?[^\dA-Za-z.．\s/\-第])\s*(?P<y>(?:19|20)\d{2})(?P<sep>[./-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?P<post>[^\d./-][^\d]{0,11})?$"
)
#: Words naming another year than the one written: a month after them is not in a year perfxl can place.
_RELATIVE_YEAR = ("次年", "翌年", "下年", "下一年", "明年", "来年", "上年", "上一年", "去年", "前年")
_BEFORE = ("前", "之前", "以前", "不晚于", "截至", "截止", "内", "以内", "之内")


def _last_day(year: int | None, month: int) -> int:
    return calendar.monthrange(year or 2001, month)[1]  # 2001: not a leap year when none is given


def parse_date(text: str) -> tuple[DateParts, bool] | None:
    """(DateParts, is_deadline) for date-like text, else None. is_deadline: 前/之前/截至/内 was written."""
    if len(text) > 48:  # a date value is short; longer text is a sentence (and keeps the regex linear)
        return None
    year: int | None
    m = _ISO.match(text) if text[:1].isdigit() else None  # (`isdigit` holds for every `\d`)
    if m:
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        year, month = int(y), int(mo)
        if not 1 <= month <= 12:
            return None
        day = int(d) if d else _last_day(year, month)
        if not 1 <= day <= _last_day(year, month):
            return None
        return DateParts(year, month, day, "day" if d else "month"), False
    # `_CN` reads a date only with a year (年), a month (月), a half year (上/下半年) or a quarter (季度)
    if "年" not in text and "月" not in text and "季" not in text:
        return _after_words(text)
    m = _CN.match(text)
    if m is None:
        return None
    g = m.groupdict()
    if not (g["y"] or g["m"] or g["half"] or g["q"]):
        return None
    year = int(g["y"]) if g["y"] else None
    if g["yend"] and year is None:
        return None
    if year is None and any(w in (g["pre"] or "") for w in _RELATIVE_YEAR):
        return None  # "次年1月" is January of the next year: read as a bare 1月 it was on time against "12月底"
    if g["m"]:
        month = int(g["m"])
        if not 1 <= month <= 12:
            return None
        last = _last_day(year, month)
        if g["d"]:
            day, precision = int(g["d"]), "day"
            if not 1 <= day <= last:
                return None
        else:
            day = {"上旬": 10, "中旬": 20, "初": 10, "中": 20}.get(g["mpart"] or "", last)
            precision = "month"
    elif g["half"]:
        month, day, precision = (6, 30, "month") if g["half"] == "上半年" else (12, 31, "month")
    elif g["q"]:
        month = _QUARTERS[g["q"]] * 3
        day, precision = _last_day(year, month), "month"
    else:
        month, day, precision = 12, 31, "year"
    words = (g["pre"] or "") + (g["post"] or "")
    if len(words) > 12:  # a sentence that happens to hold a date, not a date value
        return None
    deadline = any(w in words for w in _BEFORE)
    return DateParts(year, month, day, precision), deadline


#: Words right after a figure that make it no date: a unit of money, count or share, or a clause's number.
_NOT_DATE_AFTER = ("元", "万", "亿", "%", "％", "个", "人", "次", "项", "条", "章", "节", "款", "版")


def _after_words(text: str) -> tuple[DateParts, bool] | None:
    """A full date after words (`_WORDS_DATE`), a deadline when the words say one; None for any other text."""
    # most texts here ("95%", "120人", "≥3.5"): no three-part date, told before the pattern is tried
    if len(text) < 9 or not (text.count(".") > 1 or text.count("-") > 1 or text.count("/") > 1):
        return None
    m = _WORDS_DATE.match(text)
    if m is None:
        return None
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not 1 <= month <= 12 or not 1 <= day <= _last_day(year, month):
        return None
    post = (m["post"] or "").lstrip()
    if post.startswith(_NOT_DATE_AFTER):
        return None
    words = m["pre"] + post
    if any(w in words for w in _RELATIVE_YEAR):
        return None
    return DateParts(year, month, day, "day"), any(w in words for w in _BEFORE)


#: Excel's day 0 (serial 1 is 1900-01-01 in the 1900 date system, counting its phantom 1900-02-29).
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
#: The serials of 2000-01-01 and 2099-12-31: a whole number in this range printed where a date belongs is a
#: candidate date exported as its serial ("44,561" for 2021-12-31); outside it, no reading is offered.
_SERIAL_RANGE = (36526, 73415)


def excel_serial_date(number: object) -> datetime.date | None:
    """The day a whole number names as an Excel (1900 system) date serial, when it falls in 2000–2099, else None.

    Only a reading for a person to confirm: a spreadsheet exports a date cell as its serial when its number format
    is lost (乌海 2021's 目标表 prints 44,561 — 2021-12-31 — as a 时效 target and its 计量单位)."""
    try:
        text = str(number).replace(",", "").strip()
        if not text.isdigit():
            return None
        serial = int(text)
    except (TypeError, ValueError):
        return None
    if not _SERIAL_RANGE[0] <= serial <= _SERIAL_RANGE[1]:
        return None
    return _EXCEL_EPOCH + datetime.timedelta(days=serial)
