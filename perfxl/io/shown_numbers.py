"""Typed numbers as their .xlsx/.xlsm cell shows them: a percent format's value as the percent, hidden digits rounded.

python-calamine 0.9.1 gives a number cell's stored value and no number format, so a "95%" a filer typed (Excel stores
0.95 under "0%") reads as 0.95, and a 得分 pasted as 1.0012 under "0.00" (the sheet shows 1.00) as 1.0012: a check
would compare 0.95 with a "≥90%" target, or a printed 1.00 at four decimals — false 错误 (adv29). This scan reads
xl/styles.xml and each worksheet's XML (the same pass as the error-value scan) and names the constant number cells
whose format is a percent or a figure at fixed decimals, with the text the cell shows (round half up).
A formula's cached result is read so under a percent format (=F6/E6 under "0.00%"), and under any other when it holds
no digit the format hides (=ROUND(…*100,2) cached 10.77 under 0.00"%": printed exactly as stored, fix31f); one with
hidden digits stays the number other formulas use. Dates and General numbers are not touched.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

from ..model import column_index
from ..patterns import lazy_compile
from .ooxml import CellStyles

__all__ = [
    "BUILTIN_FORMATS",
    "Section",
    "Shows",
    "format_shows",
    "shown_styles",
    "shown_cells",
    "shown_number",
    "shown_text",
    "shown_result",
]

#: What one section of a number format shows of a figure: (decimals shown, scaled ×100 by a "%", the sign printed
#: after it) — "0.0%" (1, True, "%"); perfxl's own 执行率 format 0.00"%" (2, False, "%"): percent points, the sign
#: quoted text; "#,##0.00" (2, False, "").
Section = tuple[int, bool, str]
#: A section whose figures perfxl leaves as stored (a negative printed without its sign): `shown_text` gives None.
AS_STORED: Section = (-1, False, "")


class Shows(NamedTuple):
    """What a number format shows of a figure: its first section's reading, and where a negative or a zero is shown
    by a section of its own (Excel's "positive;negative;zero"), that section's — a `Section`, or the text it prints
    instead of a figure ("" for an empty section, "-" for an accounting zero). None: as the first section."""

    decimals: int
    percent: bool
    sign: str
    negative: Section | str | None = None
    zero: Section | str | None = None


#: The built-in number formats (ECMA-376 §18.8.30) a cell may name by id alone — an .xlsx's styles.xml and an .xls's
#: FORMAT records need not declare them. Ids 5–8 and 41–44 are locale-dependent (written here as zh-CN Excel shows
#: them); what is read of them — the decimals, the zero shown "-" — is the same in every locale.
BUILTIN_FORMATS: dict[int, str] = {
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"¥"#,##0;"¥"-#,##0',
    6: '"¥"#,##0;[Red]"¥"-#,##0',
    7: '"¥"#,##0.00;"¥"-#,##0.00',
    8: '"¥"#,##0.00;[Red]"¥"-#,##0.00',
    9: "0%",
    10: "0.00%",
    41: '_ * #,##0_ ;_ * -#,##0_ ;_ * "-"_ ;_ @_ ',
    42: '_ "¥"* #,##0_ ;_ "¥"* -#,##0_ ;_ "¥"* "-"_ ;_ @_ ',
    43: '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ',
    44: '_ "¥"* #,##0.00_ ;_ "¥"* -#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ',
}
#: One token of a format section: quoted text, an escaped character, a [colour]/[locale] tag, padding (_x, *x) or
#: one character of the format itself.
_FORMAT_TOKEN = re.compile(r'"([^"]*)"?|\\(.)|\[[^\]]*\]|_.|\*.|(.)', re.S)
#: A plain figure format once quoted text, escapes, [colour]/[locale] tags and padding are taken out: "0.00%",
#: "#,##0.0", "0_ ".
_PLAIN_FORMAT = re.compile(r"^[^0#?.A-Za-z]*[#0?,]*0(?:\.([0#?]+))?[^0#?.A-Za-z]*$")
#: A condition tag of a format section ("[>=100]", "[<0]"): the section shows only the figures meeting it.
_CONDITION = re.compile(r"\[\s*(?:[<>]=?|=|<>)\s*-?[\d.]+\s*\]")
#: A comma after a figure's last digit placeholder ("#,##0,", "0.00,,"): each divides the figure shown by 1,000.
_SCALING_COMMA = re.compile(r"[0#?],+(?![#0?])")
#: Currency signs a format prints beside a figure: a figure's text leaves them out (quoted text), and so does a zero's.
_CURRENCY = "¥￥$€£"
#: The dashes an accounting format prints for a zero ("_ * "-"??_ "): the figure 0, not a blank.
_DASHES = "-—–"
#: A figure as `shown_text` prints it ("-1.25", "95.5%"), not a zero's or a negative's text ("", "-").
_FIGURE_SHOWN = re.compile(r"-?\d+(?:\.\d+)?%?")
_R = lazy_compile(rb'\br="([A-Z]{1,3})(\d+)"')
_T = lazy_compile(rb'\bt="([a-z]+)"')
_V = lazy_compile(rb"<v(?:\s[^>]*)?>([^<]*)</v>")


def format_shows(code: str) -> Shows | None:
    """What a custom format shows of a figure when each section a number can meet prints one plain figure (or, for a
    negative or a zero, text alone: "0.00;-0.00;" shows a zero blank; an accounting zero's "-" is read as the figure 0
    at the first section's decimals); else None. A "%"
    in quoted or escaped text after the figure (0.00"%", 0.0\\%) is printed as is: the figure in percent points
    (read30). A negative's section prints its own sign ("-", "(…)"); under one printing none ("0.00;[Red]0.00": −5 shows
    a red "5.00") a negative stays as stored (`AS_STORED`), the other figures as shown."""
    sections = re.split(r';(?=(?:[^"]*"[^"]*")*[^"]*$)', code)
    if any(_CONDITION.search(part) for part in sections):
        return None  # "[>=100]0;0.00": which section shows a figure depends on it — 95.5 shows "95.50", not "96"
    first = _section_shows(sections[0])
    if not isinstance(first, tuple):
        return None
    negative = _section_shows(sections[1], signed=True) if len(sections) > 1 else first
    zero = _section_shows(sections[2], zero=True) if len(sections) > 2 else first
    if negative is None or zero is None:
        return None
    if isinstance(zero, str) and zero and not zero.strip(_DASHES):
        zero = (
            first  # an accounting zero's "-" is the figure 0 as finance staff read it: at the first section's decimals
        )
    return Shows(*first, None if negative == first else negative, None if zero == first else zero)


def _section_shows(section: str, *, signed: bool = False, zero: bool = False) -> Section | str | None:
    """What one format section prints: a `Section` when it shows one plain figure; the text alone it prints where it
    shows no digit — an empty section, or a zero's section without a 0 placeholder (# and ? print no digit of a zero);
    None when it is no such section, or when `signed` and it prints no sign of a negative."""
    bare: list[str] = []
    literal_text: list[str] = []
    points = False
    for token in _FORMAT_TOKEN.finditer(section):
        quoted, escaped, char = token.groups()
        literal = quoted if quoted is not None else escaped
        if char is not None:
            bare.append(char)
            if char not in "0#?,.":
                literal_text.append(char)
        elif literal is not None:
            literal_text.append(literal)
            if "%" in literal and any(ch in "0#?" for ch in bare):
                points = True
    figure = "".join(bare)
    if "0" not in figure and (not section.strip() or zero) and not any(ch.isalpha() for ch in figure):
        return "".join(literal_text).strip(_CURRENCY + " ")  # "" blank; "-" an accounting zero ("¥ -": its sign)
    if signed and not {"-", "("} & set(figure + "".join(literal_text)):
        return AS_STORED  # "0.00;[Red]0.00": Excel prints −5 as "5.00" — no figure perfxl takes for the negative
    if _SCALING_COMMA.search(figure):
        return None  # "#,##0,": thousands shown (1234567 → "1,235"), not the figure rounded — left as stored
    percent = "%" in figure
    plain = _PLAIN_FORMAT.match(figure.replace("%", "").replace(" ", ""))
    if plain is None:
        return None
    return len(plain.group(1) or ""), percent, "%" if percent or points else ""


def shown_styles(styles: CellStyles) -> dict[int, Shows]:
    """Cell style index (a cell's `s`) → what its number format shows, for every style whose format is a plain
    figure at fixed decimals or a percent; styles of General, dates, text and other formats are left out."""
    formats: dict[int, Shows] = {}
    for number_id, code in {**BUILTIN_FORMATS, **styles.number_formats}.items():
        if (shows := format_shows(code)) is not None:
            formats[number_id] = shows
    out: dict[int, Shows] = {}
    for i, xf in enumerate(styles.cell_formats):
        fmt = xf.get("numFmtId", "").strip()
        if fmt.isdigit() and int(fmt) in formats:
            out[i] = formats[int(fmt)]
    return out


def shown_cells(xml: bytes, styles: Mapping[int, Shows], formulas: bool = True) -> dict[tuple[int, int], str]:
    """0-based (row, col) → the text shown, for each constant number cell of one worksheet's XML under a percent
    style (0.955 under "0.0%" → "95.5%") or a fixed-decimal style (1.0012 under "0.00" → "1.00", 8.5 → "8.50"):
    judged at the precision shown, as a printed copy is. A formula's cached result too under a percent format
    (=F6/E6 under "0.00%" shows 10.77%; `formulas`: False where uncached formulas are computed from the sheet's
    numbers); under a fixed-decimal one only when the format hides none of its digits (`shown_result`), else it
    stays the number other formulas use (perfxl's own workbooks: the score it computed)."""
    found: dict[tuple[int, int], str] = {}
    if not styles or b' s="' not in xml:
        return found
    ids = b"|".join(str(i).encode() for i in sorted(styles))
    # only the cells of a listed style, read in one match (a sheet of 90,000 cells: ≈ 0.1 s, not 0.6 s)
    for m in _styled_cells(ids).finditer(xml):
        attrs, body = m.group(1), m.group(3)
        shows = styles[int(m.group(2))]
        formula = b"<f" in body
        if formula and not formulas:
            continue
        t, ref, v = _T.search(attrs), _R.search(attrs), _V.search(body)
        if (t is not None and t.group(1) != b"n") or ref is None or v is None:
            continue
        text = _shown(v.group(1), shows, formula)
        if text is not None:
            found[(int(ref.group(2)) - 1, _column(ref.group(1)) - 1)] = text
    return found


def shown_number(value: object, shows: Shows) -> str | None:
    """A number a reader gave (an .xls cell's value from calamine) as its format shows it; None for any other value.
    Its shortest round-trip text is what is rounded: what Excel prints of the stored double (0.285 → "0.29")."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return _shown(repr(value).encode(), shows)


@functools.lru_cache(maxsize=64)
def _styled_cells(ids: bytes) -> re.Pattern[bytes]:
    """A cell element (attributes, body, its `s`) whose style is one of `ids` ("1|4|5")."""
    return re.compile(rb'<c\b((?=[^>]*\ss="(' + ids + rb')")[^>]*?)(?<!/)>(.*?)</c>', re.S)


@functools.lru_cache(maxsize=4096)
def _shown(value: bytes, shows: Shows, formula: bool = False) -> str | None:
    """A stored number's text as its format shows it ("0.955" under (0, True, "%") → "96%"; "95.5", (2, False, "%") →
    "95.50%"), None when it is no finite number; a formula's cached result by `shown_result`."""
    try:
        number = Decimal(value.decode().strip())
    except (InvalidOperation, UnicodeDecodeError):
        return None
    return (shown_result if formula else shown_text)(number, shows)


def shown_result(number: Decimal, shows: Shows) -> str | None:
    """A formula's cached result as its format shows it, where that text is certain to be what the filer reads as
    the figure: always under a percent format (0.1077 → "10.77%"); under any other only when the format hides none of
    its digits (10.77 under 0.00"%" → "10.77%", 8.5 under "0.00" → "8.50"). A result with hidden digits (10.7749
    shown "10.77") → None: it stays the number stored, which other formulas use — as a zero shown blank or "-"."""
    text = shown_text(number, shows)
    if text is None or not _FIGURE_SHOWN.fullmatch(text):
        return None
    if shows[1]:
        return text
    return text if Decimal(text.rstrip("%")) == number else None


def shown_text(number: Decimal, shows: Shows | Section) -> str | None:
    """A number's text as a format that `shows` it prints it (0.955, (1, True, "%") → "95.5%"; 1.0012, (2, False, "")
    → "1.00"; a negative or a zero by its own section: −1.234 under "0.00;-0" → "-1", 0 under "0.00;-0.00;" → ""),
    rounded half up; None when it is no finite number. Every reader of a number format uses it."""
    if not number.is_finite():
        return None
    negative, zero = (shows[3], shows[4]) if len(shows) > 3 else (None, None)
    other = zero if number.is_zero() else negative if number < 0 else None
    if isinstance(other, str):
        return other
    if other is None:
        return _figure_text(number, shows[:3])
    if number.is_zero():
        return _figure_text(number.copy_abs(), other)  # a zero's own section prints no sign ("0.00;-0.00;0": "0")
    text = _figure_text(-number, other)
    return None if text is None else "-" + text


def _figure_text(number: Decimal, section: Section) -> str | None:
    """A number at one section's decimals (×100 under a "%"), its sign after it; None beyond the context's digits."""
    decimals, percent, sign = section
    if decimals < 0:
        return None  # AS_STORED
    try:
        shown = (number.scaleb(2) if percent else number).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the context holds (1E+40 at two decimals): left as stored
        return None
    return str(shown) + sign


@functools.lru_cache(maxsize=1024)
def _column(letters: bytes) -> int:
    return column_index(letters.decode())
