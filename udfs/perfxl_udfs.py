"""The module the workbook's `xlwings.conf` sheet names under `UDF Modules`: the PERF_* functions.

It only re-exports `perfxl.excel.udfs`, so classic xlwings ("Import Functions" or the
pre-generated `xlwings_udfs` VBA module) and xlwings Server see the same decorated functions.
"""
from perfxl.excel import udfs as _udfs
from perfxl.excel.udfs import *  # noqa: F401,F403  (the decorated PERF_* functions, by design)

__all__ = list(_udfs.__all__)
