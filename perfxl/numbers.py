"""Finance arithmetic: exact Decimals and Excel's ROUND (round half away from zero, 四舍五入).

Also the one rule for printed figures: a printed value is consistent when it equals the exact value
rounded half up to the decimals it was printed with ("86%" agrees with 86.20%, "140%" not with 140.63%).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from .patterns import INVISIBLE, lazy_compile

__all__ = [
    "POINT_FIRST",
    "to_decimal",
    "to_points",
    "ascii_figures",
    "round_half_up",
    "half_unit",
    "fmt_decimal",
    "printed_places",
    "join_digit_groups",
    "typed_places",
    "shown_places",
    "agrees_as_printed",
    "HUNDRED",
    "ZERO",
    "ONE",
]

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


#: A figure whose commas separate thousands: one to three digits, then groups of exactly three, none after the point.
_GROUPED = lazy_compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


#: Full-width digits and number marks (a Chinese IME's "８６．２０％") as their ASCII forms, and `patterns.INVISIBLE`
#: dropped ("50\u200b", a BOM "\ufeff50": a sheet's cells are clean already, `grid.without_invisible`; a PERF_
#: function's argument or a report's sentence may not be) — as `values.normalise_text` drops them; nothing else (not
#: NFKC, which would also turn the list marker "①" into 1).
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．，－＋％", "0123456789.,-+%", INVISIBLE)


def ascii_figures(text: str) -> str:
    """The text with full-width digits and number marks as ASCII ("５０．２９" → "50.29") and zero-width characters
    dropped, all else as typed."""
    return text if text.isascii() else text.translate(_HALF_WIDTH)


#: Excel's own range of numbers (±9.99999999999999E+307, the least nonzero ≈ 2.2E-308), as Decimal exponents. A
#: "figure" past it ("1e999999999" typed as text, a 5,000-digit run) is no number a sheet can hold, and exact arithmetic
#: on it overflows the default context (a traceback) or builds numbers of a billion digits (a hang) — crash12. It is
#: read as no figure, as any other text in a number cell.
_LARGEST_EXPONENT = 307
_SMALLEST_EXPONENT = -308


def _held(d: Decimal) -> Decimal | None:
    """`d` when it is a finite number within Excel's range (`_LARGEST_EXPONENT`), else None."""
    if not d.is_finite():
        return None
    if _SMALLEST_EXPONENT <= d.adjusted() <= _LARGEST_EXPONENT:
        return d
    return None


#: `to_decimal` of a Decimal (`_held`): for callers that know their value is one (a number cell as the layout makes it).
decimal_held = _held


def float_decimal(value: float) -> Decimal:
    """A finite double as Excel shows it: its shortest round-trip text, cut to the 15 significant digits Excel
    displays: a cached =2.8+0.1 (2.9000000000000004) is the 2.9 every view of the cell prints, not a figure for the
    rules to judge at 16 decimals (a false F05 错误, T06 "more than two decimals")."""
    text = repr(value)
    if len(text.lstrip("-0.").replace(".", "").partition("e")[0]) <= 15:
        return Decimal(text)
    shown = Decimal(f"{value:.15g}")
    # (1.23E+20 written out as Excel shows it; beyond the context's 28 digits it stays in exponent form, as main's
    # Decimal(repr) gave it — quantize would raise InvalidOperation)
    return shown.quantize(Decimal(1)) if 15 <= shown.adjusted() < 28 else shown


def to_decimal(value: object) -> Decimal | None:
    """A number from Excel (int, float, Decimal, numeric str) → exact Decimal, else None.

    Floats go through `repr` so 89.974 stays 89.974 rather than its binary expansion, which is
    what Excel displays and what the user typed.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return _held(value)
    if isinstance(value, int):
        return _held(Decimal(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return _held(float_decimal(value))
    if isinstance(value, str):
        text = (value if value.isascii() else value.translate(_HALF_WIDTH)).strip()
        if "," in text and not _GROUPED.fullmatch(text):
            return None  # '7,00.0,77' (岳阳县 2020): commas that are no thousands separators — no figure is read
        text = text.replace(",", "")
        if not text:
            return None
        try:
            d = Decimal(text)
        except InvalidOperation:
            return None
        return _held(d)
    return None


def to_points(value: object) -> Decimal | None:
    """A 分值/得分 cell's number: `to_decimal`, its text allowed a closing 分 ("10分", "90.00 分") as weights and scores
    are often typed — the layout's reading of a weight column agrees with the rules' (`Context.number`)."""
    if isinstance(value, str) and value.rstrip().endswith("分"):
        value = value.rstrip()[:-1]
    if isinstance(value, str) and POINT_FIRST.match(value):
        return None  # ".5" printed as text lost its integer digits: C02 reports it, no weight is guessed from it
    return to_decimal(value)


#: Text whose number starts at its decimal point (".5"): it lost its integer digits (C02), never read as a number.
POINT_FIRST = re.compile(r"\s*[-+]?\.\d")


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Excel ROUND(value, places): halves go away from zero (2.675 → 2.68, -2.5 → -3).

    The context grows with the number, so amounts beyond the default 28 digits (1e30) round too.
    """
    digits = max(28, value.adjusted() + places + 2)
    quantum = _QUANTA.get(places)
    if quantum is None:
        quantum = Decimal(1).scaleb(-places)
        if 0 <= places <= _KEPT_PLACES:
            _QUANTA[places] = quantum
    context = _PREC_28 if digits == 28 else Context(prec=digits)
    return value.quantize(quantum, rounding=ROUND_HALF_UP, context=context)


#: `round_half_up`'s quanta (1, 0.1, 0.01 …) for up to this many places, made once (the checks round ≈ 2 figures a row).
_KEPT_PLACES = 30
_QUANTA: dict[int, Decimal] = {}
#: The context of every figure below 10^24 (28 digits): made once. Its rounding is given to each call and its traps
#: are those a new context gets; the flags it collects are never read.
_PREC_28 = Context(prec=28)


def half_unit(places: int) -> Decimal:
    """Half a unit in the last of `places` decimals (2 → 0.005): how far the exact value behind a figure printed
    with that many decimals may lie from it, rounding half up."""
    return Decimal(5) * Decimal(10) ** -(places + 1)


def fmt_decimal(value: Decimal | None, places: int | None = None) -> str:
    """Plain text for a Decimal without exponent or trailing zeros ("9.83", "100", "140.63")."""
    if value is None:
        return ""
    if places is not None:
        value = round_half_up(value, places)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


#: A figure whose digits are grouped in threes by one space ("1 036.53", "1 000 000", "1 036"): SI / ISO 31-0 digit
#: grouping as typeset reports and PDFs print it, with a plain, thin, narrow, figure or no-break space (U+0020, U+2009,
#: U+202F, U+2007, U+00A0 …). A grouping only as a whole: the first group one to three digits, every further group
#: exactly three, and no digit group glued or spaced after it ("1 036 2", "12 3.4" and "2023 100" are no one figure —
#: `parse_value` says so). Read as one figure only where no reading as several is plausible (`_one_figure`).
_SPACE_GROUPED = lazy_compile(
    r"(?<![\d.,第])(?<![\d.,][ \u00a0\u2007-\u2009\u202f])([-+]?\d{1,3})((?:[ \u00a0\u2007-\u2009\u202f]\d{3})+)(\.\d+)?"
    r"(?![\d.,]|[ \u00a0\u2007-\u2009\u202f]*[\d.])"
)
#: The spaces that group digits: plain, no-break, figure (U+2007), punctuation, thin and narrow no-break.
_GROUP_SPACES = (" ", "\u00a0", "\u2007", "\u2008", "\u2009", "\u202f")
_SPACES = lazy_compile(r"[ \u00a0\u2007-\u2009\u202f]")


def join_digit_groups(text: str) -> str:
    """`text` with every figure grouped in threes by spaces written without them ("1 036.53万元" → "1036.53万元"): the one
    reading of such a figure, for a cell (`parse_value`), a sentence (`plain_narrative`) and its printed decimals."""
    # (a text holding no digit, one space, digit is returned untouched without compiling or running the regex: most
    # cells and sentences — "， 新增企业12家" compiled it, ≈ 6.5 M instructions of a 10,000-row run, perf20c)
    if not _digit_space_digit(text) or _SPACE_GROUPED.search(text) is None:
        return text
    return _SPACE_GROUPED.sub(_one_figure, text)


def _digit_space_digit(text: str) -> bool:
    """True when `text` holds a decimal digit, one of `_GROUP_SPACES`, a decimal digit — as every `_SPACE_GROUPED` match
    does (its first group ends in `\\d`, its next opens with a space and `\\d`; `str.isdecimal` is `\\d`'s Nd)."""
    for space in _GROUP_SPACES:
        at = text.find(space, 1)
        while at != -1:
            if text[at - 1].isdecimal() and text[at + 1 : at + 2].isdecimal():
                return True
            at = text.find(space, at + 1)
    return False


def _one_figure(m: re.Match[str]) -> str:
    """The figure `m` written without its spaces where it can only be one figure, else `m` as written: every further
    group opening with 0 ("1 036.53", "1 000", "1 000 000": no figure alone is printed so, so no space can part two
    figures). "100 200", "2 300" may be two figures (two values, a row's number and an amount a PDF's columns ran
    together): not joined — nor "1 100 200.50", "12 345 678.90" or "1 036 200", which may as well be three or two (a
    row's number 1, a count 100 and an amount 200.50 run together; sign21: no real table or report prints a figure so,
    and the reading as one rested on the decimals, or on one group, alone). A first group opening with 0 ("0 001",
    "00 123": a code's digits, no grouped figure) is no one figure either (review21a: "0 001" was 1)."""
    groups = _SPACES.split(m.group(2))[1:]
    if not m.group(1).lstrip("+-").startswith("0") and all(g.startswith("0") for g in groups):
        return m.group(1) + "".join(groups) + (m.group(3) or "")
    return m.group()


_PRINTED_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?(?:[eE]([+-]?\d+))?")


def printed_places(raw: object) -> int | None:
    """Decimals a number was printed with, from its text ("86%" → 0, "86.2%" → 1, "94.50" → 2).

    Scientific notation prints fewer: "2.5E+07" (Excel's way in a narrow column) shows 2 significant figures, its
    last the 1,000,000s — -6 places, so 25,400,000 prints so and 26,000,000 does not (polish14).
    None when the value is not text (a number cell's display format is unknown) or holds no number.
    """
    if not isinstance(raw, str):
        return None
    if not raw.isascii():  # "８６．２０％" typed with a full-width IME: 2 decimals, like "86.20%"
        raw = raw.translate(_HALF_WIDTH)
    raw = join_digit_groups(raw)  # "1 036.53": 2 decimals, not the 0 of a leading "1"
    m = _PRINTED_NUMBER.search(raw)
    if m is None:
        return None
    places = len(m.group(1)) if m.group(1) else 0
    return places - int(m.group(2)) if m.group(2) else places


def decimal_exponent(value: Decimal) -> int | None:
    """`value.as_tuple().exponent` of a finite Decimal (8.30 → -2, 10 → 0, 1E+2 → 2); None for NaN or infinity.

    Read off its text where that is plain: `str` prints a Decimal without an exponent exactly when its exponent is ≤ 0
    and its adjusted exponent ≥ -6, and then with exactly -exponent digits after the point. `as_tuple` builds a tuple
    of the digits and a named tuple (through a Python frame) each call — the checks ask this of every score (T02's
    rounding slack, T06; issue 14: ≈ 17,000 times at 10,000 rows); it is asked only of the rest ("1E+2", "1.0E-7")."""
    if not value.is_finite():
        return None
    text = str(value)
    if "E" in text:
        exponent = value.as_tuple().exponent
        return exponent if exponent.__class__ is int else None  # (always an int for a finite value)
    point = text.find(".")
    return 0 if point < 0 else point + 1 - len(text)


def typed_places(raw: object) -> int | None:
    """Decimals a number cell was typed with (9.6 → 1, 14 → 0): the precision its filer rounded to, since the
    display format is not read. None for text, booleans and a computed value's long tail (over 6 decimals)."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal)):
        return None
    try:
        exponent = decimal_exponent(
            raw if isinstance(raw, Decimal) else float_decimal(raw) if isinstance(raw, float) else Decimal(raw)
        )
    except InvalidOperation:  # pragma: no cover - repr of a finite number is always a literal
        return None
    if exponent is None:
        return None  # NaN or infinity
    places = max(0, -exponent)
    return places if places <= 6 else None


def shown_places(raw: object) -> int | None:
    """Decimals a cell shows its number with: a text's as printed (`printed_places`), a number cell's as typed
    (`typed_places`; one the reader met under a format hiding digits is the text it shows, perfxl.io.shown_numbers)."""
    return printed_places(raw) if isinstance(raw, str) else typed_places(raw)


def agrees_as_printed(
    printed: Decimal, exact: Decimal, places: int | None, *, default_places: int, tolerance: Decimal
) -> bool:
    """True when `printed` equals `exact` rounded half up to the `places` it was printed with.

    With unknown `places` (a number cell), the exact value is rounded to `default_places` (the profile's)
    and compared within `tolerance`. Printed with more decimals than the profile keeps, the tolerance
    also applies, so "94.500" is not stricter than "94.5".
    """
    if places is None or places >= default_places:
        shown = round_half_up(exact, default_places if places is None else places)
        return printed == shown or abs(printed - round_half_up(exact, default_places)) <= tolerance
    return printed == round_half_up(exact, places)
