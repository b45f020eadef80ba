"""An ASGI layer in front of xlwings Server that refuses bad add-in requests with a clear 4xx.

It reads the body of the two POST endpoints that take workbook data
(`/xlwings/custom-scripts-call/{name}` and `/xlwings/custom-functions-call`) up to a byte limit,
checks it with `perfxl.serve.payload`, and either answers 4xx itself or hands the same bytes on.
Everything else passes through untouched, but for every request an exception the inner app raises
after answering is logged instead of reaching uvicorn (which would reset the keep-alive connection),
and a 5xx of the two endpoints becomes a JSON answer in Chinese. A body refused unread is answered
with `Connection: close`. Plain ASGI: no framework import.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qs

from perfxl.limits import Limits

from .payload import DEFAULT_LIMITS, FunctionSpec, PayloadProblem, check_function_payload, check_script_payload

__all__ = ["PayloadGuard", "send_problem"]

log = logging.getLogger("perfxl.serve")

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class _TooLarge(Exception):
    pass


class PayloadGuard:
    """Wrap an ASGI app; `functions` and `scripts` (name → number of `args`) are what the add-in may call."""

    def __init__(
        self,
        app: Callable[[Scope, Receive, Send], Awaitable[None]],
        *,
        functions: Mapping[str, FunctionSpec],
        scripts: Mapping[str, int],
        limits: Limits = DEFAULT_LIMITS,
        app_path: str = "",
    ) -> None:
        self.app = app
        self.functions = dict(functions)
        self.scripts = dict(scripts)
        self.limits = limits
        self.functions_path = f"{app_path}/xlwings/custom-functions-call"
        self.scripts_prefix = f"{app_path}/xlwings/custom-scripts-call/"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        if scope.get("method") != "POST":
            return await _shielded(self.app, scope, receive, send, rewrite_5xx=False)
        if path == self.functions_path:
            script = None
        elif path.startswith(self.scripts_prefix):
            script = path[len(self.scripts_prefix) :]
        else:
            return await _shielded(self.app, scope, receive, send, rewrite_5xx=False)

        try:
            body = await self._read_body(scope, receive)
        except _TooLarge:
            return await send_problem(
                send,
                PayloadProblem(
                    413,
                    f"请求太大：超过 {self.limits.serve_max_body_bytes:,} 字节（可用 PERFXL_SERVE_MAX_BODY_BYTES 调整）",
                    f"request body larger than {self.limits.serve_max_body_bytes} bytes",
                    "TOO_LARGE",
                ),
                close=True,
            )
        if script is not None and script not in self.scripts:
            known = "、".join(self.scripts)
            return await send_problem(
                send,
                PayloadProblem(
                    404,
                    f"没有名为 {script[:60]} 的脚本（可用：{known}）",
                    f"unknown script {script[:60]!r}",
                    "UNKNOWN_SCRIPT",
                ),
            )
        data, problem = _parse(body, _header(scope, b"content-type"))
        if problem is None:
            problem = (
                check_function_payload(data, self.functions, self.limits)
                if script is None
                else check_script_payload(data, self.limits, max_args=self.scripts[script])
            )
        if problem is not None:
            return await send_problem(send, problem)
        return await _shielded(self.app, scope, _replay(body, receive), send, rewrite_5xx=True)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes:
        declared = _header(scope, b"content-length")
        if declared.isdigit() and int(declared) > self.limits.serve_max_body_bytes:
            raise _TooLarge
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limits.serve_max_body_bytes:
                raise _TooLarge
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)


#: What a 5xx of the add-in endpoints becomes: the details stay in the server log.
INTERNAL_ERROR = PayloadProblem(
    500,
    "服务器处理请求时出错，请联系管理员查看服务器日志",
    "internal server error (see the server log)",
    "INTERNAL_ERROR",
)


async def send_problem(
    send: Send, problem: PayloadProblem, *, close: bool = False, headers: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    """Answer with `problem` as JSON; `close` asks the server to end the connection (a body left unread)."""
    log.warning("refused add-in request: %s %s", problem.status, problem.message_en)
    payload = json.dumps(problem.body(), ensure_ascii=False).encode("utf-8")
    extra = [(b"connection", b"close")] if close else []
    await send(
        {
            "type": "http.response.start",
            "status": problem.status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(payload)).encode()),
                *extra,
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


async def _shielded(
    app: Callable[[Scope, Receive, Send], Awaitable[None]],
    scope: Scope,
    receive: Receive,
    send: Send,
    *,
    rewrite_5xx: bool,
) -> None:
    """Run the inner app so that its exceptions never reach uvicorn; with `rewrite_5xx`, a 5xx answer
    becomes `INTERNAL_ERROR` in Chinese (the inner body, English or a traceback, is dropped)."""
    state = {"started": False, "replaced": False}

    async def guarded_send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            state["started"] = True
            if rewrite_5xx and message.get("status", 200) >= 500:
                state["replaced"] = True
                return await send_problem(send, INTERNAL_ERROR)
        elif message["type"] == "http.response.body" and state["replaced"]:
            return None
        return await send(message)

    try:
        await app(scope, receive, guarded_send)
    except Exception:  # logged; re-raising would make uvicorn reset the connection
        log.exception("add-in server error on %s %s", scope.get("method"), scope.get("path"))
        if not state["started"]:
            await send_problem(send, INTERNAL_ERROR)


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return ""


def _parse(body: bytes, content_type: str) -> tuple[Any, PayloadProblem | None]:
    """JSON body, or the `bookData` field of a form post (the task pane's htmx path)."""
    if not body:
        return None, PayloadProblem(
            400, "请求中没有工作簿数据（请求内容为空）", "no book data provided (empty body)", "MISSING_BOOK"
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None, PayloadProblem(400, "请求内容不是 UTF-8 编码的 JSON", "body is not UTF-8", "BAD_JSON")
    if content_type.split(";")[0].strip().lower() == "application/x-www-form-urlencoded":
        fields = parse_qs(text)
        if "bookData" not in fields:
            return None, PayloadProblem(
                400, "表单中缺少工作簿数据“bookData”", "form without 'bookData'", "MISSING_BOOK"
            )
        text = fields["bookData"][0]
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        return None, PayloadProblem(400, "请求内容不是有效的 JSON", f"invalid JSON: {str(exc)[:80]}", "BAD_JSON")
    if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(data):
        return None, PayloadProblem(
            400, "请求中的文字含有无效的 Unicode 字符（孤立的代理项）", "text with a lone UTF-16 surrogate", "BAD_JSON"
        )
    return data, None


#: A JSON escape of a UTF-16 surrogate; only then can a decoded string hold one that is unpaired.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _has_lone_surrogate(data: Any) -> bool:
    """True when some string in `data` holds an unpaired surrogate (it cannot be written back as UTF-8)."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _no_constant(name: str) -> Any:
    """JSON has no NaN or Infinity (Python's parser would accept them): refuse them as invalid JSON."""
    raise ValueError(f"{name} is not JSON")


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that yields the already-read body once, then defers to the client."""
    sent = False

    async def replay() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
