"""review33w (issue 11): this session's table/reader rules (read32, fix32h, review32w) attacked with consistent inputs.

1. A zero shown by a section of its own that prints a figure ("0.00;-0.00;0", "0.00;-0.00;0.0"): Excel prints "0" /
   "0.0"; at main the zero went through the negative's path and read "-0" / "-0.0".
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfxl.io.shown_numbers import format_shows, shown_text


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("0.00;-0.00;0", {"0": "0", "-0": "0", "0.000": "0", "-1.235": "-1.24", "2.5": "2.50"}),
        ("0.00;-0.00;0.0", {"0": "0.0", "-0.0": "0.0", "3": "3.00"}),
        ("0.0%;-0.0%;0%", {"0": "0%", "-0.5": "-50.0%"}),
    ],
)
def test_a_zero_section_printing_a_figure_prints_no_sign(code: str, shown: dict[str, str]) -> None:
    """At main: "-0", "-0.0", "-0%" (fails at main)."""
    shows = format_shows(code)
    assert shows is not None
    assert {v: shown_text(Decimal(v), shows) for v in shown} == shown
