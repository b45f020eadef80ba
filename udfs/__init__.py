"""Modules that Excel's `UDF Modules` setting names (classic xlwings) or xlwings Server loads."""
