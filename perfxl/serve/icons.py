"""The add-in's ribbon and app icons, drawn by code as small PNGs (no image library, no internet).

Each icon is a coloured rounded square with a white glyph made of strokes and dots, rendered at
4× and averaged down for smooth edges. `python -m perfxl.serve.icons perfxl/serve/project/static/images`
rewrites the committed files; the output is deterministic, so a test can compare them.
"""

from __future__ import annotations

import itertools
import struct
import sys
import zlib
from pathlib import Path

__all__ = ["ICONS", "SIZES", "png_bytes", "render", "write_icons"]

Point = tuple[float, float]

#: name → (background RGB, strokes [(polyline, width)], dots [(centre, radius)]) in unit coordinates.
ICONS: dict[str, tuple[tuple[int, int, int], list[tuple[list[Point], float]], list[tuple[Point, float]]]] = {
    # app: a sheet grid with a tick
    "perfxl": (
        (0x21, 0x73, 0x46),
        [
            ([(0.22, 0.30), (0.78, 0.30)], 0.06),
            ([(0.22, 0.50), (0.50, 0.50)], 0.06),
            ([(0.22, 0.70), (0.45, 0.70)], 0.06),
            ([(0.55, 0.62), (0.64, 0.72), (0.82, 0.46)], 0.08),
        ],
        [],
    ),
    # 校验: a tick
    "validate": ((0x21, 0x73, 0x46), [([(0.24, 0.52), (0.42, 0.70), (0.77, 0.31)], 0.11)], []),
    # 复核得分: rising bars
    "score": (
        (0x2F, 0x55, 0x97),
        [
            ([(0.30, 0.76), (0.30, 0.56)], 0.11),
            ([(0.50, 0.76), (0.50, 0.42)], 0.11),
            ([(0.70, 0.76), (0.70, 0.26)], 0.11),
        ],
        [],
    ),
    # 清除标记: a cross
    "clear": ((0xC0, 0x50, 0x2A), [([(0.30, 0.30), (0.70, 0.70)], 0.11), ([(0.70, 0.30), (0.30, 0.70)], 0.11)], []),
    # 校验结果 task pane: a list
    "pane": (
        (0x59, 0x59, 0x59),
        [
            ([(0.42, 0.32), (0.76, 0.32)], 0.08),
            ([(0.42, 0.50), (0.76, 0.50)], 0.08),
            ([(0.42, 0.68), (0.76, 0.68)], 0.08),
        ],
        [((0.27, 0.32), 0.06), ((0.27, 0.50), 0.06), ((0.27, 0.68), 0.06)],
    ),
    # 帮助: an "i"
    "help": ((0x70, 0x30, 0xA0), [([(0.50, 0.45), (0.50, 0.76)], 0.12)], [((0.50, 0.27), 0.08)]),
}
#: Pixel sizes written for every icon (ribbon 16/32/80, app 32/64).
SIZES = (16, 32, 64, 80)
_SUPER = 4


def _seg_dist(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def _inside_rounded_square(x: float, y: float, radius: float = 0.18, margin: float = 0.04) -> bool:
    lo, hi = margin + radius, 1 - margin - radius
    cx, cy = min(max(x, lo), hi), min(max(y, lo), hi)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius and margin <= x <= 1 - margin and margin <= y <= 1 - margin


def render(name: str, size: int) -> list[list[tuple[int, int, int, int]]]:
    """RGBA rows of icon `name` at `size` pixels."""
    bg, strokes, dots = ICONS[name]
    n = size * _SUPER
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(_SUPER):
                for sx in range(_SUPER):
                    u, v = (x * _SUPER + sx + 0.5) / n, (y * _SUPER + sy + 0.5) / n
                    if not _inside_rounded_square(u, v):
                        continue
                    white = any(
                        _seg_dist((u, v), a, b) <= w / 2 for line, w in strokes for a, b in itertools.pairwise(line)
                    ) or any((u - c[0]) ** 2 + (v - c[1]) ** 2 <= r * r for c, r in dots)
                    colour = (255, 255, 255) if white else bg
                    acc[0] += colour[0]
                    acc[1] += colour[1]
                    acc[2] += colour[2]
                    acc[3] += 255
            k = _SUPER * _SUPER
            alpha = acc[3] // k
            if alpha:
                covered = acc[3] // 255
                row.append((acc[0] // covered, acc[1] // covered, acc[2] // covered, alpha))
            else:
                row.append((0, 0, 0, 0))
        rows.append(row)
    return rows


def png_bytes(rows: list[list[tuple[int, int, int, int]]]) -> bytes:
    """Encode RGBA rows as a PNG (8-bit, colour type 6)."""
    height, width = len(rows), len(rows[0])
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def write_icons(dest: str | Path) -> list[Path]:
    """Write `<name>-<size>.png` for every icon and size, plus favicon.png; returns the paths."""
    folder = Path(dest)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ICONS:
        for size in SIZES:
            path = folder / f"{name}-{size}.png"
            path.write_bytes(png_bytes(render(name, size)))
            written.append(path)
    favicon = folder / "favicon.png"
    favicon.write_bytes(png_bytes(render("perfxl", 32)))
    written.append(favicon)
    return written


if __name__ == "__main__":  # pragma: no cover
    for p in write_icons(sys.argv[1] if len(sys.argv) > 1 else "perfxl/serve/project/static/images"):
        sys.stdout.write(f"{p}\n")
