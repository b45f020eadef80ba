"""`python -m perfxl` runs the command line, like the `perfxl` console script."""

from perfxl.cli.main import run

run()
