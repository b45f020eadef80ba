"""The batch's local worker processes start from a fork server that has imported the engine once.

Light on purpose (the standard library only): `perfxl batch` starts the fork server before the CLI
imports anything heavy (perfxl.cli.main.run), so the server imports the engine while the batch
process imports the CLI. perfxl.batch.executors calls the same function when it builds its pool
(a no-op once the server runs).
"""

from __future__ import annotations

import multiprocessing
import os
import site
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing import forkserver

__all__ = ["PRELOAD", "start_forkserver", "worker_environment"]

#: Imported once by the fork server, so each worker starts with the engine in memory — the modules
#: the first file would otherwise import lazily too (the layout readers, the guard's ZIP pass, calamine,
#: the narrative cross-check of the goal cells, the HTML report): ≈ 100 ms less per worker.
PRELOAD = [
    "perfxl.batch.worker",
    "perfxl.batch.shards",
    "perfxl.validate",
    "perfxl.reader",
    "perfxl.rules",
    "perfxl.report",
    "perfxl.report.templating",
    "perfxl.report.html",
    "jinja2",
    "perfxl.batch.summary_xlsx",
    "perfxl.batch.dashboard",
    "xlsxwriter",
    "perfxl.io.guard_zip",
    "python_calamine",
    "perfxl.layout.evaluation",
    "perfxl.layout.funds",
    "perfxl.layout.basic",
    "perfxl.layout.breakdown",
    "perfxl.document.crosscheck",
    "perfxl.batch.templates_warm",  # last: compiles the report and dashboard templates
]


def start_forkserver() -> bool:
    """Start the fork server (importing PRELOAD) unless it runs already; False where there is none (Windows)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    with worker_environment():
        forkserver.ensure_running()  # started inside the clean environment
    return True


def _perfxl_root() -> str:
    """The folder the running perfxl package was imported from (site-packages, or a source checkout)."""
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@contextmanager
def worker_environment() -> Iterator[None]:
    """Environment for starting the fork server: its Python must import the same perfxl as this process.

    The fork server runs `python -c …`, which puts the current folder first on sys.path, and
    Python 3.11's fork server ignores the sys.path the parent sends. A folder named `perfxl` (or
    `openpyxl`…) in the reviewer's current folder then shadowed the installed package and every
    worker died (WORKERS_FAILED). PYTHONSAFEPATH=1 keeps the current folder off sys.path, and the
    folder perfxl was imported from is put on PYTHONPATH when it is not a site folder (an
    editable install or a source checkout), so the workers load exactly this perfxl.
    """
    saved = {k: os.environ.get(k) for k in ("PYTHONSAFEPATH", "PYTHONPATH")}
    root = _perfxl_root()
    site_dirs = {os.path.normcase(os.path.abspath(d)) for d in [*site.getsitepackages(), site.getusersitepackages()]}
    os.environ["PYTHONSAFEPATH"] = "1"
    if os.path.normcase(root) not in site_dirs:
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root, saved["PYTHONPATH"]) if p)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
