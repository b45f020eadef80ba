"""The workbook generator: the standard reporting workbook, the seed example, and the same content
written in real-world shapes (`write_submission`) for the reader's tests and benchmarks.

XlsxWriter writes formulas with cached values; nothing here reads user files.
"""

from __future__ import annotations

from .content import (
    TIER_LABELS,
    AmountLine,
    BasicContent,
    BuildingLine,
    EvaluationContent,
    FundsLine,
    IndicatorLine,
    PlantedError,
    WorkbookContent,
)
from .seed import seed_content
from .shape import Shape
from .synthetic import many_sheet_content, synthetic_content
from .template import TEMPLATE_SHAPE, template_content
from .variants import VARIANTS, write_submission
from .writer import WrittenWorkbook, write_content

__all__ = [
    "TIER_LABELS",
    "AmountLine",
    "BasicContent",
    "BuildingLine",
    "EvaluationContent",
    "FundsLine",
    "IndicatorLine",
    "PlantedError",
    "WorkbookContent",
    "Shape",
    "TEMPLATE_SHAPE",
    "VARIANTS",
    "WrittenWorkbook",
    "many_sheet_content",
    "seed_content",
    "synthetic_content",
    "template_content",
    "write_content",
    "write_submission",
]
