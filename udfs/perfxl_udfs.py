"""The module the workbook's `xlwings.conf` sheet names under `UDF Modules`: the PERF_* functions.

It only re-exports `perfxl.excel.udfs`, so classic xlwings ("Import Functions" or the
pre-generated `xlwings_udfs` VBA module) and xlwings Server see the same decorated functions.
"""
from perfxl.excel.udfs import (  # noqa: F401
    PERF_CHANGE_RATE,
    PERF_CONTROL_RATE,
    PERF_EXEC_SCORE,
    PERF_EXPLAIN,
    PERF_GRADE,
    PERF_PARSE,
    PERF_RATE,
    PERF_SCORE,
)

__all__ = [
    "PERF_SCORE",
    "PERF_EXPLAIN",
    "PERF_RATE",
    "PERF_EXEC_SCORE",
    "PERF_CONTROL_RATE",
    "PERF_CHANGE_RATE",
    "PERF_GRADE",
    "PERF_PARSE",
]
