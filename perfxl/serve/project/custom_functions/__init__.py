"""perfxl's PERF_* worksheet functions for xlwings Server: imported from perfxl, never copied.

xlwings Server imports this package as `custom_functions` and serves every decorated function
in it; `perfxl.excel.udfs.__all__` is the list, so a new PERF_* function appears here by itself.
"""
from perfxl.excel import udfs as _udfs
from perfxl.excel.udfs import *  # noqa: F401,F403 - the decorated functions are the add-in's API

__all__ = list(_udfs.__all__)
