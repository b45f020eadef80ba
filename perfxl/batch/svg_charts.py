"""Inline SVG charts for the batch dashboard: no script, no CDN, readable without JavaScript."""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

__all__ = ["histogram_svg", "bar_chart_svg"]

_FONT = "font-family=\"'Noto Sans CJK SC','Microsoft YaHei',sans-serif\""
_COLOURS = ("#9DB4D6", "#2F5597")


def _nice_max(value: int) -> int:
    """A round axis maximum ≥ value (1, 2, 5 × 10^n)."""
    if value <= 4:
        return 4  # four gridlines of one file each: no fractional ticks
    step = 1
    while True:
        for m in (1, 2, 4, 8):
            if m * step >= value:
                return m * step
        step *= 10


def histogram_svg(bins: Sequence[tuple[str, int, int]], *, title: str, series: tuple[str, str]) -> str:
    """Grouped columns: for each bin, the files counted by reported and by recomputed total."""
    width, height, left, bottom, top = 560, 300, 48, 44, 40
    plot_w, plot_h = width - left - 16, height - top - bottom
    peak = _nice_max(max([max(a, b) for _, a, b in bins] + [0]))
    group_w = plot_w / max(1, len(bins))
    bar_w = group_w * 0.34
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" {_FONT} font-size="12"><title>{escape(title)}</title>',
        f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for i in range(5):
        v = peak * i / 4
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 16}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{v:g}</text>')
    for g, (label, *counts) in enumerate(bins):
        x0 = left + g * group_w + group_w * 0.16
        for s, count in enumerate(counts):
            h = plot_h * count / peak if peak else 0
            x = x0 + s * bar_w
            y = top + plot_h - h
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" fill="{_COLOURS[s]}">'
                f"<title>{escape(series[s])} {escape(label)}：{count}</title></rect>"
            )
            if count:
                parts.append(f'<text x="{x + bar_w / 2 - 1:.1f}" y="{y - 4:.1f}" text-anchor="middle">{count}</text>')
        parts.append(
            f'<text x="{left + g * group_w + group_w / 2:.1f}" y="{top + plot_h + 18}" text-anchor="middle">{escape(label)}</text>'
        )
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 16}" y2="{top + plot_h}" stroke="#333"/>')
    lx = left
    for s, name in enumerate(series):
        parts.append(f'<rect x="{lx}" y="{height - 16}" width="12" height="12" fill="{_COLOURS[s]}"/>')
        parts.append(f'<text x="{lx + 16}" y="{height - 6}">{escape(name)}</text>')
        lx += 130
    parts.append("</svg>")
    return "".join(parts)


def bar_chart_svg(items: Sequence[tuple[str, int]], *, title: str, colour: str = "#C55A11") -> str:
    """Horizontal bars, largest first: the most frequent finding codes."""
    row_h, top, left, right = 22, 34, 220, 56
    width = 560
    height = top + row_h * max(1, len(items)) + 12
    peak = max([n for _, n in items] + [1])
    plot_w = width - left - right
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" {_FONT} font-size="12"><title>{escape(title)}</title>',
        f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    if not items:
        parts.append(f'<text x="{width / 2}" y="{top + 14}" text-anchor="middle" fill="#555">无问题 (no findings)</text>')
    for i, (label, count) in enumerate(items):
        y = top + i * row_h
        w = plot_w * count / peak
        parts.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end" font-family="monospace">{escape(label)}</text>')
        parts.append(
            f'<rect class="bar" x="{left}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{colour}">'
            f"<title>{escape(label)}：{count}</title></rect>"
        )
        parts.append(f'<text x="{left + w + 4:.1f}" y="{y + 15}">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)
