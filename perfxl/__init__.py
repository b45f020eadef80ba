"""perfxl: the arithmetic and the checking of budget performance self-evaluation (预算绩效自评) for Excel.

The public API is this short list; everything else is internal and may change. Names load lazily,
so `import perfxl` (and the CLI's start-up) pays only for what is used.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "parse_value": "perfxl.values",
    "score_indicator": "perfxl.scoring",
    "execution_rate": "perfxl.rates",
    "load_profile": "perfxl.profiles",
    "read_submission": "perfxl.reader",
    "validate_file": "perfxl.validate",
    "validate_submission": "perfxl.validate",
    "CellRef": "perfxl.model",
    "Finding": "perfxl.model",
    "Severity": "perfxl.model",
    "Submission": "perfxl.model",
    "FileResult": "perfxl.result",
    "PerfxlError": "perfxl.errors",
    "UnreadableWorkbook": "perfxl.errors",
    "findings_frame": "perfxl.frames",
    "files_frame": "perfxl.frames",
    "coverage_frame": "perfxl.frames",
    "batch_frames": "perfxl.frames",
}

__all__ = ["__version__", *_EXPORTS]  # noqa: PLE0604  # the keys of _EXPORTS are str; ruff cannot see into the dict


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'perfxl' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
