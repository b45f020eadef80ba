"""perfxl's Office.js add-in, served by xlwings Server (optional extra `server`).

`perfxl.serve.payload` (pure request checks), `guard` and `access` (token / address allowlist)
import nothing heavy; `app`/`run` import xlwings Server, and `static` (contained static files,
`..` refused) Starlette, only when a server is built, so the core CLI never needs xlwings.
"""

from __future__ import annotations

from perfxl.limits import Limits  # the one Limits (file and request bounds): nothing heavy

__all__ = ["create_app", "serve", "Limits"]


def __getattr__(name: str):
    # lazy (PEP 562): importing perfxl.serve.payload/access/guard must not load app/run (~120 ms with
    # perfxl.excel.macros and perfxl.annotate); the names below resolve on first use
    if name == "create_app":
        from .app import create_app

        return create_app
    if name == "serve":
        from .run import serve  # (as create_app)

        return serve
    raise AttributeError(name)
