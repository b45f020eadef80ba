"""`uvicorn perfxl.serve.asgi:app` — the guarded add-in server for the project in $PERFXL_SERVER_PROJECT
(default: the packaged `perfxl/serve/project/`), for process managers that take an import string (gunicorn, systemd)."""

from __future__ import annotations

from .app import create_app

app = create_app()
