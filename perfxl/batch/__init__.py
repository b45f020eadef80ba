"""Batch review: check hundreds of submissions at once (`perfxl batch`), with a summary workbook and a dashboard.

`run_batch(inputs, outdir, ...)` discovers the files, serves unchanged ones from the content-hash
cache in OUTDIR, checks the rest in parallel (local processes or Dask), and writes state.jsonl,
findings.jsonl, summary.json, summary.xlsx and dashboard.html.
"""
from __future__ import annotations

from .discover import Discovery, discover
from .runner import BatchOutcome, default_jobs, run_batch

__all__ = ["BatchOutcome", "Discovery", "default_jobs", "discover", "run_batch"]
