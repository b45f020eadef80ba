"""Batch review: check hundreds of submissions at once (`perfxl batch`), with a summary workbook and a dashboard.

`run_batch(inputs, outdir, ...)` discovers the files, serves unchanged ones from the content-hash
cache in OUTDIR, checks the rest in parallel (local processes or Dask), and writes state.jsonl,
findings.jsonl, summary.json, summary.xlsx and dashboard.html.

The names below are imported on first use, so `perfxl.batch.discover` (which `perfxl validate`
uses to tell regular files from pipes and link loops) loads without the runner and its writers.
"""

from __future__ import annotations

import importlib
from typing import Any

from .discover import Discovery, discover  # light: the standard library only

__all__ = ["BatchOutcome", "Discovery", "default_jobs", "discover", "run_batch"]

_WHERE = {"BatchOutcome": "runner", "default_jobs": "runner", "run_batch": "runner"}


def __getattr__(name: str) -> Any:
    # lazy (PEP 562): the runner (~30 ms, multiprocessing) stays off `perfxl validate`, which imports .discover
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
