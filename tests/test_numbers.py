"""perfxl.numbers: Excel's ROUND semantics and exact conversion of what Excel hands over."""

from decimal import Decimal

from table_cases import each as _each

from perfxl.numbers import fmt_decimal, round_half_up, to_decimal

_ROUND_HALF_UP_MATCHES_EXCEL_ROUND_CASES = [
    ("2.675", 2, "2.68"),  # banker's rounding would give 2.68 too, but via float 2.67
    ("0.125", 2, "0.13"),  # banker's: 0.12
    ("-2.5", 0, "-3"),  # away from zero, like Excel
    ("140.625", 2, "140.63"),  # the seed's 45/32
    ("99.994999", 2, "99.99"),
]


def _round_half_up_matches_excel_round(value, places, expected):
    assert round_half_up(Decimal(value), places) == Decimal(expected)


def test_round_half_up_matches_excel_round():
    _each(_ROUND_HALF_UP_MATCHES_EXCEL_ROUND_CASES, _round_half_up_matches_excel_round)  # one test a list (fast22b)


def test_round_half_up_handles_numbers_beyond_the_default_precision():
    big = Decimal("1E+40")
    assert round_half_up(big, 2) == big


def test_to_decimal_keeps_what_excel_displays_for_floats():
    assert to_decimal(89.974) == Decimal("89.974")
    assert to_decimal("1,234.5") == Decimal("1234.5")
    assert to_decimal(True) is None
    assert to_decimal(float("nan")) is None
    assert to_decimal("12家") is None


def test_fmt_decimal_prints_plain_numbers():
    assert fmt_decimal(Decimal("9.830")) == "9.83"
    assert fmt_decimal(Decimal("1E+2")) == "100"
    assert fmt_decimal(Decimal("140.625"), 2) == "140.63"
    assert fmt_decimal(None) == ""


# ---------------------------------------------------------------- printed precision (issue 11, item 4)


from perfxl.numbers import agrees_as_printed, printed_places  # noqa: E402

_PRINTED_PLACES_COUNTS_THE_DECIMALS_AS_PRINTED_CASES = [
    ("86%", 0),
    ("86.2%", 1),
    ("94.50", 2),
    (" 1,234.5 ", 1),
    ("≥95%", 0),
    ("9", 0),
    ("abc", None),
    ("", None),
]


def _printed_places_counts_the_decimals_as_printed(text, places):
    assert printed_places(text) == places


def test_printed_places_counts_the_decimals_as_printed():
    _each(
        _PRINTED_PLACES_COUNTS_THE_DECIMALS_AS_PRINTED_CASES, _printed_places_counts_the_decimals_as_printed
    )  # one test a list (fast22b)


_FULL_WIDTH_DIGITS_READ_AS_TYPED_WITH_A_CHINESE_IME_CASES = [
    ("８６．２０", "86.20", 2),
    ("９０．００", "90.00", 2),
    ("１，２３４．５", "1234.5", 1),
    ("①", None, None),
]


def _full_width_digits_read_as_typed_with_a_chinese_ime(text, number, places):
    """ "８６．２０％" (a full-width IME) printed 86.20 at 2 decimals: read as 86 at 0 before, so 86.20% against
    86.2345% was judged at the profile's places — a false F04; "①" (a list marker) stays no number."""
    assert to_decimal(text) == (None if number is None else Decimal(number))
    assert printed_places(text) == places


def test_full_width_digits_read_as_typed_with_a_chinese_ime():
    _each(
        _FULL_WIDTH_DIGITS_READ_AS_TYPED_WITH_A_CHINESE_IME_CASES, _full_width_digits_read_as_typed_with_a_chinese_ime
    )  # one test a list (fast22b)


def test_printed_places_of_a_number_cell_is_unknown():
    assert printed_places(86.2) is None and printed_places(None) is None


_AGREES_AS_PRINTED_ROUNDS_THE_EXACT_VALUE_TO_THE_PRINTED_DECIMALS_CASES = [
    ("86", "86.2", 0, True),  # 执行率 printed "86%" against 86.20%: consistent
    ("86", "86.5", 0, False),  # half up: 87
    ("87", "86.5", 0, True),
    ("140", "140.625", 0, False),  # the seed's 控制率 140% against 45/32 = 140.63%: still wrong
    ("94.5", "100", 1, False),  # the seed's 执行率
    ("9.8", "9.8333", 1, True),
    ("9.83", "9.8333", 2, True),
    ("9.85", "9.8333", 2, False),  # beyond the profile tolerance (0.01)
    ("9.83", "9.8333", None, True),  # unknown precision: the profile's places and tolerance
    ("9.8", "9.8333", None, False),
]


def _agrees_as_printed_rounds_the_exact_value_to_the_printed_decimals(printed, exact, places, ok):
    assert (
        agrees_as_printed(Decimal(printed), Decimal(exact), places, default_places=2, tolerance=Decimal("0.01")) is ok
    )


def test_agrees_as_printed_rounds_the_exact_value_to_the_printed_decimals():
    _each(
        _AGREES_AS_PRINTED_ROUNDS_THE_EXACT_VALUE_TO_THE_PRINTED_DECIMALS_CASES,
        _agrees_as_printed_rounds_the_exact_value_to_the_printed_decimals,
    )  # one test a list (fast22b)
