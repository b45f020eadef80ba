"""perfxl inside Excel: the PERF_* worksheet functions and the validate/score/clear macros.

The PERF_* functions themselves are plain Python over the engine (`perfxl.functions`, no Excel);
`udfs` adds the xlwings decorators; `macros` works
on any xlwings `Book` (a live workbook via RunPython, an Office.js payload, or tests). Nothing
here is imported by the core CLI: xlwings is the optional `excel` extra.
"""
