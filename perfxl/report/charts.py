"""Chart geometry for every HTML perfxl writes (file reports, the batch dashboard): pure numbers here,
the SVG drawing in templates/charts.html.j2 (macros score_chart, histogram, bar_chart)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from perfxl.result import SectionScore

from ._common import decimal_text
from .templating import environment

__all__ = ["score_chart", "score_chart_svg", "histogram_chart", "bar_chart", "nice_max"]

REPORTED_COLOUR = "#5b8fd9"
COMPUTED_COLOUR = "#f0883e"


def _num(d: Decimal | None) -> float:
    return float(d) if d is not None else 0.0


def score_chart(
    sections: Sequence[SectionScore], *, title: str = "各一级指标得分：填报 vs 重算"
) -> dict[str, Any] | None:
    """Grouped horizontal bars (reported, recomputed) per 一级指标, scaled to the largest value."""
    if not sections:
        return None
    label_w, bar_w, row_h, top = 190, 420, 46, 40
    scale = max(
        [_num(s.weight) for s in sections]
        + [_num(s.score_reported) for s in sections]
        + [_num(s.score_computed) for s in sections]
        + [1.0]
    )
    rows = []
    for i, s in enumerate(sections):
        y = top + i * row_h
        bars = []
        for j, (value, colour, kind) in enumerate(
            ((s.score_reported, REPORTED_COLOUR, "填报"), (s.score_computed, COMPUTED_COLOUR, "重算"))
        ):
            width = None if value is None else max(1.0, bar_w * _num(value) / scale)
            bars.append(
                {"y": y + 6 + j * 18, "width": width, "colour": colour, "kind": kind, "text": decimal_text(value)}
            )
        rows.append(
            {
                "y": y,
                "name": s.name,
                "bars": bars,
                "label": s.name + (f"（{decimal_text(s.weight)}分）" if s.weight is not None else ""),
                "weight_w": None if s.weight is None else bar_w * _num(s.weight) / scale,
            }
        )
    return {
        "title": title,
        "width": label_w + bar_w + 90,
        "height": top + row_h * len(sections) + 30,
        "label_w": label_w,
        "rows": rows,
        "colours": (REPORTED_COLOUR, COMPUTED_COLOUR),
    }


def score_chart_svg(sections: Sequence[SectionScore], *, title: str = "各一级指标得分：填报 vs 重算") -> str:
    """The score chart as an inline SVG string ("" without sections)."""
    chart = score_chart(sections, title=title)
    if chart is None:
        return ""
    return str(environment().get_template("charts.html.j2").module.score_chart(chart))


#: Series colours of the dashboard's histogram (reported, recomputed) and bar chart.
HISTOGRAM_COLOURS = ("#9DB4D6", "#2F5597")
BAR_COLOUR = "#C55A11"


def nice_max(value: int) -> int:
    """A round axis maximum ≥ value (4, then 1, 2, 4, 8 × 10^n), so gridlines fall on whole numbers."""
    if value <= 4:
        return 4  # four gridlines of one file each: no fractional ticks
    step = 1
    while True:
        for m in (1, 2, 4, 8):
            if m * step >= value:
                return m * step
        step *= 10


def histogram_chart(bins: Sequence[tuple[str, int, int]], *, title: str, series: tuple[str, str]) -> dict[str, Any]:
    """Grouped columns: for each bin, the files counted by reported and by recomputed total (batch dashboard)."""
    width, height, left, bottom, top = 560, 300, 48, 44, 40
    plot_w, plot_h = width - left - 16, height - top - bottom
    peak = nice_max(max([max(a, b) for _, a, b in bins] + [0]))
    group_w = plot_w / max(1, len(bins))
    bar_w = group_w * 0.34
    grid = [{"y": top + plot_h - plot_h * i / 4, "label": f"{peak * i / 4:g}"} for i in range(5)]
    groups = []
    for g, (label, *counts) in enumerate(bins):
        x0 = left + g * group_w + group_w * 0.16
        bars = []
        for s, count in enumerate(counts):
            h = plot_h * count / peak if peak else 0
            bars.append(
                {
                    "x": x0 + s * bar_w,
                    "y": top + plot_h - h,
                    "w": bar_w - 2,
                    "h": h,
                    "count": count,
                    "colour": HISTOGRAM_COLOURS[s],
                    "series": series[s],
                }
            )
        groups.append({"label": label, "x": left + g * group_w + group_w / 2, "bars": bars})
    return {
        "title": title,
        "width": width,
        "height": height,
        "left": left,
        "right": width - 16,
        "base": top + plot_h,
        "grid": grid,
        "groups": groups,
        "legend": [
            {"x": left + 130 * s, "name": name, "colour": HISTOGRAM_COLOURS[s]} for s, name in enumerate(series)
        ],
    }


def bar_chart(items: Sequence[tuple[str, int]], *, title: str, colour: str = BAR_COLOUR) -> dict[str, Any]:
    """Horizontal bars, largest first: the most frequent finding codes (batch dashboard)."""
    row_h, top, left, right, width = 22, 34, 220, 56, 560
    peak = max([n for _, n in items] + [1])
    plot_w = width - left - right
    bars = [
        {"y": top + i * row_h, "label": label, "count": count, "w": plot_w * count / peak}
        for i, (label, count) in enumerate(items)
    ]
    return {
        "title": title,
        "width": width,
        "height": top + row_h * max(1, len(items)) + 12,
        "left": left,
        "row_h": row_h,
        "top": top,
        "colour": colour,
        "bars": bars,
    }
