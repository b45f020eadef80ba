"""The PERF_* functions re-exported from `perfxl.excel.udfs` (installed as `perfxl_udfs.perfxl_udfs`;
the workbook names the package `perfxl_udfs`, whose `__init__` re-exports this module)."""

from perfxl.excel import udfs as _udfs
from perfxl.excel.udfs import *  # noqa: F403  (the decorated PERF_* functions, by design)

__all__ = list(_udfs.__all__)
