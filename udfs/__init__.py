"""The PERF_* worksheet functions for classic xlwings: installed as the package `perfxl_udfs`, the
name the standard workbook's `xlwings.conf` sheet gives under `UDF Modules` (see docs/excel.md).

It only re-exports `perfxl.excel.udfs`, so classic xlwings ("Import Functions" or the pre-generated
`xlwings_udfs` VBA module), xlwings Server and xlwings Lite see the same decorated functions.
"""

from .perfxl_udfs import *  # noqa: F403  (the decorated PERF_* functions, by design)
from .perfxl_udfs import __all__  # noqa: F401  (re-exported: a star import does not bring __all__)
