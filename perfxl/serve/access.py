"""Who may use the add-in server: a shared access token and/or an address allowlist, checked in ASGI.

Most county finance bureaus have no Microsoft 365 tenant for Entra ID sign-in, so perfxl offers a
simple built-in control. The token travels as `Authorization: Bearer <token>` (scripts, curl),
`X-Perfxl-Token` (the task pane's script adds it to every request of the add-in, leaving
`Authorization` to xlwings' Entra ID sign-in) or the query parameter `perfxl_token` (the manifest puts
it in the task pane's URL, the only way Excel's first load of the page can carry it). It is compared
in constant time and removed from the query before the app or the access log sees it.

Public without a token (Excel and the pane's own tags fetch them bare; they hold no workbook data):
GET/HEAD of `/`, `/favicon.ico`, `/static/…`, `/help…`, the custom-function and script metadata and
code, and xlwings' alert dialog. The allowlist applies to every request.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from perfxl.errors import PerfxlError

from ..records import record
from .guard import Receive, Scope, Send, send_problem
from .payload import PayloadProblem
from .run import is_loopback

__all__ = [
    "AccessPolicy",
    "AccessGuard",
    "exposure_problem",
    "parse_networks",
    "describe",
    "TOKEN_HEADER",
    "TOKEN_QUERY",
    "MIN_TOKEN_LENGTH",
    "PUBLIC_PATHS",
]

#: Header the task pane's script (static/js/perfxl-auth.js) sends the token in.
TOKEN_HEADER = "x-perfxl-token"
#: Query parameter carrying the token in the manifest's task-pane URL.
TOKEN_QUERY = "perfxl_token"
#: A shared secret shorter than this is guessable.
MIN_TOKEN_LENGTH = 16
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9._~-]+")
_GENERATE = 'python -c "import secrets; print(secrets.token_urlsafe(32))"'
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _check_token(token: str, source: str) -> str:
    if len(token) < MIN_TOKEN_LENGTH:
        raise PerfxlError(
            f"访问令牌（{source}）太短：至少 {MIN_TOKEN_LENGTH} 个字符。可用 {_GENERATE} 生成一个",
            f"access token from {source} is shorter than {MIN_TOKEN_LENGTH} characters; make one with {_GENERATE}",
            code="SERVER_ACCESS",
        )
    if not _TOKEN_CHARS.fullmatch(token):
        raise PerfxlError(
            f"访问令牌（{source}）只能包含字母、数字和 . _ ~ - 这些字符（它要放进网址和请求头）。可用 {_GENERATE} 生成一个",
            f"access token from {source} may contain only letters, digits and . _ ~ - (it travels in URLs)",
            code="SERVER_ACCESS",
        )
    return token


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """`10.0.0.0/8`, `192.168.3.7`, `fd00::/8` (comma or space separated too) → networks; PerfxlError naming a bad one."""
    out = []
    for value in values:
        for item in re.split(r"[,\s]+", value.strip()):
            if not item:
                continue
            try:
                out.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                raise PerfxlError(
                    f"允许访问的地址“{item}”无效：应为 IP 地址或网段，如 10.1.0.0/16、192.168.3.7",
                    f"bad allowed address {item!r}: expected an IP address or network such as 10.1.0.0/16",
                    code="SERVER_ACCESS",
                ) from None
    return tuple(out)


@record(frozen=True, slots=True)
class AccessPolicy:
    """The shared token (None: none) and the networks clients must come from (empty: any)."""

    token: str | None = None
    networks: tuple[Network, ...] = ()

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        token_file: str | os.PathLike[str] | None = None,
        allow: Iterable[str] = (),
    ) -> AccessPolicy:
        """From `token_file` or $PERFXL_SERVE_TOKEN_FILE or $PERFXL_SERVE_TOKEN, and `allow` plus $PERFXL_SERVE_ALLOW."""
        env = os.environ if environ is None else environ
        token = None
        file = token_file or env.get("PERFXL_SERVE_TOKEN_FILE")
        if file:
            path = Path(file)
            try:
                lines = path.read_text(encoding="utf-8").strip().splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise PerfxlError(
                    f"无法读取访问令牌文件：{path}（{exc.__class__.__name__}）",
                    f"cannot read the token file {path}: {exc}",
                    code="SERVER_ACCESS",
                ) from None
            token = _check_token(lines[0].strip() if lines else "", f"文件 {path}")
        elif env.get("PERFXL_SERVE_TOKEN"):
            token = _check_token(env["PERFXL_SERVE_TOKEN"].strip(), "PERFXL_SERVE_TOKEN")
        networks = parse_networks([*allow, env.get("PERFXL_SERVE_ALLOW", "")])
        return cls(token=token, networks=networks)

    @property
    def controlled(self) -> bool:
        """True when something restricts access: a token, or an allowlist that does not admit every address."""
        return self.token is not None or (bool(self.networks) and all(n.prefixlen > 0 for n in self.networks))

    def token_matches(self, candidate: str | None) -> bool:
        """Constant-time comparison (of digests, so the length does not leak either)."""
        if self.token is None:
            return True
        given = hashlib.sha256((candidate or "").encode("utf-8", "surrogateescape")).digest()
        return hmac.compare_digest(given, hashlib.sha256(self.token.encode("utf-8")).digest())

    def address_allowed(self, host: str | None) -> bool:
        """True without an allowlist, else when `host` is an IP address inside one of the networks."""
        if not self.networks:
            return True
        try:
            address = ipaddress.ip_address((host or "").split("%")[0])
        except ValueError:
            return False
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        return any(address in n for n in self.networks)

    def page_query(self) -> str:
        """What the manifest appends to the task pane's URL so Excel's first load carries the token."""
        return "?" + urlencode({TOKEN_QUERY: self.token}) if self.token else ""


def exposure_problem(host: str, policy: AccessPolicy, *, entraid: bool, allow_anonymous: bool) -> PerfxlError | None:
    """Why the server must not listen on `host` as configured, or None.

    Loopback is always fine; any other address needs a token, an allowlist (not 0.0.0.0/0), Entra ID
    sign-in, or the explicit `--allow-anonymous`.
    """
    if is_loopback(host) or policy.controlled or entraid or allow_anonymous:
        return None
    return PerfxlError(
        f"拒绝在 {host} 上无访问控制地提供服务：网络上任何能连到本机的人都能调用加载项、让服务器计算任意数据。"
        f"请设置访问令牌（--token-file 文件 或环境变量 PERFXL_SERVE_TOKEN）、允许访问的地址（--allow 10.1.0.0/16 或 "
        f"PERFXL_SERVE_ALLOW）或 Entra ID 登录；确需匿名访问（如只在隔离的内网）请加 --allow-anonymous。见 docs/server.md",
        f"refusing to listen on {host} without access control: anyone who can reach it could use the add-in. "
        f"Set a token (--token-file / PERFXL_SERVE_TOKEN), an allowlist (--allow / PERFXL_SERVE_ALLOW) or Entra ID "
        f"sign-in, or pass --allow-anonymous to accept that (docs/server.md)",
        code="SERVER_ANONYMOUS",
    )


#: Paths (below the app path) served without the token to GET/HEAD, besides `/help/…` and `/static/…`.
PUBLIC_PATHS = frozenset(
    {
        "/",
        "/favicon.ico",
        "/help",
        "/xlwings/alert",
        "/xlwings/custom-functions-meta",
        "/xlwings/custom-functions-meta.json",
        "/xlwings/custom-functions-code",
        "/xlwings/custom-functions-code.js",
        "/xlwings/custom-scripts-meta",
        "/xlwings/custom-scripts-meta.json",
    }
)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return None


class AccessGuard:
    """ASGI layer: the allowlist for every request, the token for all but the public assets.

    An authenticated request gets `scope["state"]["perfxl_page_query"]` (the manifest template adds
    it to the task pane's URL). The token is removed from the query string in place, so neither the
    app nor uvicorn's access log (which reads the same scope) sees it.
    """

    def __init__(
        self,
        app: Callable[[Scope, Receive, Send], Awaitable[None]],
        policy: AccessPolicy,
        *,
        app_path: str = "",
        static_path: str = "/static",
    ) -> None:
        self.app = app
        self.policy = policy
        self.app_path = app_path
        self.static_path = static_path.rstrip("/") + "/"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        client = (scope.get("client") or ("", 0))[0]
        if not self.policy.address_allowed(client):
            return await self._deny(
                scope,
                send,
                PayloadProblem(
                    403,
                    f"不允许从地址 {client or '未知'} 访问本服务器（不在允许的地址范围内）",
                    f"address {client or 'unknown'} is not in the allowlist",
                    "ADDRESS_REFUSED",
                ),
            )
        token = self._take_token(scope)
        if self.policy.token is not None:
            if self.policy.token_matches(token):
                scope.setdefault("state", {})["perfxl_page_query"] = self.policy.page_query()
            elif not self.is_public(scope):
                return await self._deny(
                    scope,
                    send,
                    PayloadProblem(
                        401,
                        "需要访问令牌：请从管理员分发的加载项清单（manifest）打开，或在请求中提供令牌（Authorization: Bearer …）",
                        "access token missing or wrong",
                        "TOKEN_REQUIRED",
                    ),
                    headers=((b"www-authenticate", b'Bearer realm="perfxl"'),),
                )
        return await self.app(scope, receive, send)

    def is_public(self, scope: Scope) -> bool:
        """GET/HEAD of a public asset, or a CORS preflight (browsers never send credentials with it)."""
        method, path = scope.get("method"), scope.get("path", "")
        if scope["type"] != "http" or method not in ("GET", "HEAD", "OPTIONS"):
            return False
        if method == "OPTIONS" or path.startswith(self.static_path):
            return True
        if not path.startswith(self.app_path):
            return False
        rel = path[len(self.app_path) :] or "/"
        return rel in PUBLIC_PATHS or rel.startswith("/help/")

    def _take_token(self, scope: Scope) -> str | None:
        """The token the request carries (header, bearer or query); the query parameter is removed."""
        found = _header(scope, TOKEN_HEADER.encode())
        auth = _header(scope, b"authorization")
        if found is None and auth and auth[:7].lower() == "bearer ":
            found = auth[7:].strip()
        query = scope.get("query_string", b"")
        if TOKEN_QUERY.encode() in query:
            pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if k != TOKEN_QUERY]
            if found is None:
                found = next((v for k, v in pairs if k == TOKEN_QUERY), None)
            scope["query_string"] = urlencode(kept).encode("latin-1")
        return found

    async def _deny(
        self, scope: Scope, send: Send, problem: PayloadProblem, headers: tuple[tuple[bytes, bytes], ...] = ()
    ) -> None:
        if scope["type"] == "websocket":
            return await send({"type": "websocket.close", "code": 1008})
        return await send_problem(send, problem, close=True, headers=headers)


def describe(policy: AccessPolicy, *, entraid: bool) -> str:
    """One line for the start-up banner: what guards the server."""
    parts = []
    if policy.token:
        parts.append("访问令牌")
    if policy.networks:
        parts.append("允许地址 " + ", ".join(str(n) for n in policy.networks))
    if entraid:
        parts.append("Entra ID 登录")
    return "、".join(parts) if parts else "无（任何能连到本服务器的人都可使用）"
