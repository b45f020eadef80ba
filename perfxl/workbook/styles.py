"""Cell styles by name, as XlsxWriter format properties (the openpyxl backend translates them).

Typed numbers keep the General format so they display exactly as typed (94.5, 8035749.4);
computed cells get two decimals and a light fill so users see what perfxl fills in.
"""

from __future__ import annotations

__all__ = ["STYLES", "RATE_FORMAT", "SCORE_FORMAT"]

FONT = "宋体"
RATE_FORMAT = '0.00"%"'  # rates are percent points (94.5 means 94.5%), like the seed's 执行率
SCORE_FORMAT = "0.00"
CALC_FILL = "#F2F2F2"
HEADER_FILL = "#DDEBF7"

_BASE = {"font_name": FONT, "font_size": 10, "valign": "vcenter"}
_CELL = {**_BASE, "border": 1, "text_wrap": True}

STYLES: dict[str, dict] = {
    "title": {**_BASE, "bold": True, "font_size": 16, "align": "center"},
    "unit": {**_BASE, "align": "right"},
    "header": {**_CELL, "bold": True, "align": "center", "bg_color": HEADER_FILL},
    "section": {**_CELL, "bold": True, "align": "center"},
    "label": {**_CELL, "align": "left"},
    "text": {**_CELL, "align": "left"},
    "quoted": {**_CELL, "align": "left", "quote_prefix": True},  # typed with a leading apostrophe ('95)
    "center": {**_CELL, "align": "center"},
    "num": {**_CELL, "align": "right"},
    "calc": {**_CELL, "align": "right", "num_format": "#,##0.00", "bg_color": CALC_FILL},
    "rate": {**_CELL, "align": "right", "num_format": RATE_FORMAT, "bg_color": CALC_FILL},
    "score": {**_CELL, "align": "right", "num_format": SCORE_FORMAT, "bg_color": CALC_FILL},
    "check": {
        **_CELL,
        "align": "right",
        "num_format": SCORE_FORMAT,
        "font_color": "#1F4E79",
        "italic": True,
        "bg_color": CALC_FILL,
    },
    # a typed value under the format that shows it as printed: "95%", "95.5%", "95.25%", "1,234", "1,234.50", a date
    "percent": {**_CELL, "align": "right", "num_format": "0%"},
    "percent1": {**_CELL, "align": "right", "num_format": "0.0%"},
    "percent2": {**_CELL, "align": "right", "num_format": "0.00%"},
    # the same typed as percent points under a quoted sign (0.0"%": 95.5 shows 95.5%), as the seed's 执行率 is
    "points": {**_CELL, "align": "right", "num_format": '0"%"'},
    "points1": {**_CELL, "align": "right", "num_format": '0.0"%"'},
    "points2": {**_CELL, "align": "right", "num_format": RATE_FORMAT},
    "thousands": {**_CELL, "align": "right", "num_format": "#,##0"},
    "thousands2": {**_CELL, "align": "right", "num_format": "#,##0.00"},
    "date": {**_CELL, "align": "right", "num_format": "yyyy/m/d"},
    "accounting": {**_CELL, "num_format": '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '},  # 会计专用
    "note": {**_BASE, "align": "left", "valign": "top", "text_wrap": True},
    "plain": {**_BASE, "align": "left", "text_wrap": True},
}
