"""Static files that stay inside their folders: the project's own files first, then xlwings Server's.

xlwings Server (1.20.0 on PyPI, and its repository as of 2026-08-19) serves `/static/` through an
`OverridableStaticFiles` whose lookup joins the request path to the project folder without any
containment check, so `GET /static/%2e%2e/%2e%2e/etc/passwd` returned any file. perfxl replaces
every such mount by Starlette's own `StaticFiles` over the same folders in the same order: its
`lookup_path` resolves symlinks (`follow_symlink=False`) and skips anything outside each folder.
`PathGuard` also refuses, before routing, any request path with a `..` segment however spelled.
Imported only when a server is built (Starlette comes with the `server` extra).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from perfxl.errors import PerfxlError

from .guard import Receive, Scope, Send, send_problem
from .payload import PayloadProblem

__all__ = ["LayeredStaticFiles", "secure_static_mounts", "is_traversal", "PathGuard"]

#: Further rounds of percent-decoding `is_traversal` looks through (`%252e%252e` → `%2e%2e` → `..`).
DECODE_ROUNDS = 3


class LayeredStaticFiles(StaticFiles):
    """Starlette's StaticFiles over several folders, first match wins; its own `lookup_path` keeps paths inside."""

    def __init__(self, directories: Iterable[str | os.PathLike[str]]) -> None:
        folders: list[str | os.PathLike[str]] = [str(Path(d)) for d in directories if Path(d).is_dir()]
        if not folders:
            raise PerfxlError("找不到静态文件目录", "no static file folder exists", code="SERVER_STATIC")
        super().__init__(directory=folders[0], follow_symlink=False)
        self.all_directories = folders


def _is_contained(app: Any) -> bool:
    """Starlette's StaticFiles with Starlette's own path lookup, not following symlinks out of its folders."""
    return isinstance(app, StaticFiles) and type(app).lookup_path is StaticFiles.lookup_path and not app.follow_symlink


def secure_static_mounts(app: Any) -> int:
    """Replace each uncontained static-file mount of a Starlette/FastAPI `app`; the number replaced.

    xlwings Server's `OverridableStaticFiles` (attributes `user_dir`, `package_dir`) becomes
    `LayeredStaticFiles([user_dir, package_dir])`. A static handler with a lookup perfxl does not
    know is refused (PerfxlError) rather than served: the server starts only when every mount is contained.
    """
    replaced = 0
    for route in getattr(app, "routes", []):
        if not isinstance(route, Mount) or not isinstance(route.app, StaticFiles) or _is_contained(route.app):
            continue
        old = route.app
        if hasattr(old, "user_dir") and hasattr(old, "package_dir"):
            new = LayeredStaticFiles([old.user_dir, old.package_dir])
        elif type(old).lookup_path is StaticFiles.lookup_path:
            new = LayeredStaticFiles(old.all_directories)
        else:
            raise PerfxlError(
                f"无法确认静态文件处理程序 {type(old).__name__}（{route.path}）只返回其目录内的文件，拒绝启动",
                f"cannot verify that static handler {type(old).__name__} at {route.path} stays in its folder",
                code="SERVER_STATIC",
            )
        route.app = new
        if hasattr(route, "_base_app"):
            route._base_app = new
        replaced += 1
    return replaced


def _climbs(path: str) -> bool:
    """A `/` or `\\` separated segment made of two or more dots (and spaces, which Windows drops)."""
    for segment in path.replace("\\", "/").split("/"):
        core = segment.strip(" ")
        if len(core) >= 2 and set(core) == {"."}:
            return True
    return False


def is_traversal(path: str) -> bool:
    """True when `path` (as ASGI gives it, decoded once) has a `..` segment, a NUL or control character,
    also after up to `DECODE_ROUNDS` more rounds of percent-decoding."""
    for _ in range(DECODE_ROUNDS + 1):
        if any(ord(ch) < 32 or ch == "\x7f" for ch in path) or _climbs(path):
            return True
        decoded = unquote(path)
        if decoded == path:
            return False
        path = decoded
    return False


class PathGuard:
    """ASGI layer: a request path with a `..` segment (any spelling) gets a 400 before any route sees it."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            raw = (scope.get("raw_path") or b"").decode("latin-1")
            if is_traversal(scope.get("path", "")) or is_traversal(raw):
                if scope["type"] == "websocket":
                    return await send({"type": "websocket.close", "code": 1008})
                return await send_problem(
                    send,
                    PayloadProblem(
                        400,
                        "请求路径无效：不允许包含“..”（上级目录）",
                        "invalid path: '..' segments are refused",
                        "BAD_PATH",
                    ),
                    close=True,
                )
        return await self.app(scope, receive, send)
