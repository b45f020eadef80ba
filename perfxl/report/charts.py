"""Chart geometry for the HTML reports: pure numbers here, the SVG drawing in templates/charts.html.j2."""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from perfxl.result import SectionScore

from ._common import decimal_text

__all__ = ["score_chart", "score_chart_svg"]

REPORTED_COLOUR = "#5b8fd9"
COMPUTED_COLOUR = "#f0883e"


def _num(d: Decimal | None) -> float:
    return float(d) if d is not None else 0.0


def score_chart(sections: Sequence[SectionScore], *, title: str = "各一级指标得分：填报 vs 重算") -> dict[str, Any] | None:
    """Grouped horizontal bars (reported, recomputed) per 一级指标, scaled to the largest value."""
    if not sections:
        return None
    label_w, bar_w, row_h, top = 190, 420, 46, 40
    scale = max([_num(s.weight) for s in sections] + [_num(s.score_reported) for s in sections]
                + [_num(s.score_computed) for s in sections] + [1.0])
    rows = []
    for i, s in enumerate(sections):
        y = top + i * row_h
        bars = []
        for j, (value, colour, kind) in enumerate(((s.score_reported, REPORTED_COLOUR, "填报"),
                                                   (s.score_computed, COMPUTED_COLOUR, "重算"))):
            width = None if value is None else max(1.0, bar_w * _num(value) / scale)
            bars.append({"y": y + 6 + j * 18, "width": width, "colour": colour, "kind": kind,
                         "text": decimal_text(value)})
        rows.append({"y": y, "name": s.name, "bars": bars,
                     "label": s.name + (f"（{decimal_text(s.weight)}分）" if s.weight is not None else ""),
                     "weight_w": None if s.weight is None else bar_w * _num(s.weight) / scale})
    return {"title": title, "width": label_w + bar_w + 90, "height": top + row_h * len(sections) + 30,
            "label_w": label_w, "rows": rows, "colours": (REPORTED_COLOUR, COMPUTED_COLOUR)}


def score_chart_svg(sections: Sequence[SectionScore], *, title: str = "各一级指标得分：填报 vs 重算") -> str:
    """The score chart as an inline SVG string ("" without sections)."""
    from .templating import environment

    chart = score_chart(sections, title=title)
    if chart is None:
        return ""
    return str(environment().get_template("charts.html.j2").module.score_chart(chart))
