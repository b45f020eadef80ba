"""Package layout that pyproject.toml cannot express (all metadata lives in pyproject.toml).

- `udfs/` (the repository folder xlwings' `UDF Modules` setting grew up with) is installed as the
  distinctively named package `perfxl_udfs`, never as a generic top-level `udfs`;
- `workbooks/` (the standard .xlsx/.xlsm and the seed example) is installed as `perfxl/data/`, so an
  installed perfxl finds them without a checkout (`perfxl demo`, `perfxl bundle`).
Both are mappings (`package_dir`), so an editable install resolves them to the same folders.
Sub-packages of `perfxl` are found automatically: a new one needs no edit here.
"""
from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["perfxl", "perfxl.*"]),
        "perfxl_udfs",
        "perfxl.data",
        "perfxl.data.examples",
    ],
    package_dir={"perfxl_udfs": "udfs", "perfxl.data": "workbooks"},
)
