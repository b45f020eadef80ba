"""Layout detection: find the 自评表 and 基础数据表 in Grids by their header labels → model objects.

Pure (no file I/O, no openpyxl/calamine): `read_layout(grids, path)` returns a Submission whose
`problems` list everything that could not be mapped.
"""

from __future__ import annotations

from .detect import read_sheet
from .headers import normalise_label
from .indicators import join_target, parse_level1

__all__ = ["read_sheet", "parse_level1", "join_target", "normalise_label"]
