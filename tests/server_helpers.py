"""Shared pieces of the add-in server tests: the seed payload, the CLI's findings, request bodies,
and a `perfxl serve` subprocess on a free loopback port.

Expected results come from perfxl itself (the CLI's JSON report, the engine, the decorators' own
names), never from numbers copied into the tests.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
SERVER_PROJECT = REPO / "perfxl" / "serve" / "project"
PERFXL = Path(sys.executable).with_name("perfxl")
NS = {
    "o": "http://schemas.microsoft.com/office/appforoffice/1.1",
    "v": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
    "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
#: The buttons the issue asks for: label → kind of action.
REQUIRED_BUTTONS = {"校验": "ExecuteFunction", "复核得分": "ExecuteFunction", "清除标记": "ExecuteFunction"}


def server_env(**extra: str) -> dict[str, str]:
    """Environment for a server subprocess: licence key set, nothing inherited that picks classic xlwings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XLWINGS_", "PERFXL_SERVE"))}
    env.update({"XLWINGS_LICENSE_KEY": "noncommercial", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


def cli_findings() -> list[dict[str, Any]]:
    """The findings `perfxl validate --format json` reports for the seed example."""
    proc = subprocess.run(
        [str(PERFXL), "validate", str(EXAMPLE), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    (file_report,) = report["files"]
    assert file_report["ok"] and file_report["findings"]
    return file_report["findings"]


def cells_of(ref: str) -> list[str]:
    """ "B5:C6" → ["B5", "B6", "C5", "C6"] (row-major per column pair is irrelevant: used as a set)."""
    from perfxl.model import a1, parse_a1

    first, _, last = ref.partition(":")
    r0, c0 = parse_a1(first)
    r1, c1 = parse_a1(last) if last else (r0, c0)
    return [a1(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]


def expected_marks(findings: list[dict[str, Any]]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(filled cells, noted cells) the 校验 button must produce for these CLI findings."""
    filled = {(f["sheet"], c) for f in findings if f["sheet"] and f["cell"] for c in cells_of(f["cell"])}
    noted = {(f["sheet"], f["anchor"] or cells_of(f["cell"])[0]) for f in findings if f["sheet"] and f["cell"]}
    return filled, noted


def seed_payload() -> dict[str, Any]:
    """The workbook the add-in would post for the seed example (perfxl.excel.replay builds it)."""
    from perfxl.excel.replay import payload_from_file

    return payload_from_file(str(EXAMPLE))


def applied_marks(payload: dict[str, Any], actions: list[dict[str, Any]]):
    """Replay the returned actions as Excel would; (filled, noted, alerts, state) on the user's sheets."""
    from perfxl.excel.replay import PayloadState, replay_payload
    from perfxl.model import a1

    state = PayloadState(payload)
    user = {s["name"] for s in payload["sheets"]}
    alerts = replay_payload(state, actions)
    filled = {(s, a1(r, c)) for (s, r, c) in state.fills if s in user}
    noted = {(s, a1(r, c)) for (s, r, c) in state.notes if s in user}
    return filled, noted, alerts, state


def function_body(func: str, *args: Any) -> dict[str, Any]:
    """A custom-function call as the add-in posts it: every argument a 2-D list."""
    return {
        "client": "Office.js",
        "func_name": func,
        "args": list(args),
        "caller_address": "[longhui.xlsx]部门整体支出绩效自评表!H20",
        "version": "0.37.8",
        "runtime": "1.4",
        "culture_info_name": "zh-CN",
        "date_format": "yyyy/m/d",
        "session_id": "test",
    }


def associations(js: str) -> dict[str, str]:
    """`Office.actions.associate("name", handler)` calls in a script: name → handler."""
    return dict(re.findall(r'Office\.actions\.associate\(\s*"([^"]+)"\s*,\s*([A-Za-z_$][\w$]*)\s*\)', js))


def handler_script(js: str, handler: str) -> str | None:
    """The script a ribbon handler runs (`runScript("<name>", ...)` inside `async function handler`)."""
    m = re.search(r"async function " + re.escape(handler) + r"\(event\)\s*\{(.*?)\n\}", js, re.S)
    if m is None:
        return None
    call = re.search(r'runScript\("([^"]+)"', m.group(1))
    return call.group(1) if call else ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """`perfxl serve` on 127.0.0.1:<free port> in a subprocess; `stop()` ends it and returns its exit code."""

    def __init__(self, *extra_args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # a file, not a pipe (a pipe could fill up and block the server); closed by stop()
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [str(PERFXL), "serve", "--host", "127.0.0.1", "--port", str(self.port), *extra_args],
            cwd=REPO,
            env=env or server_env(),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output: list[str] = []

    def _output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def wait_ready(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited {self.proc.returncode}: {self._output()}")
            try:
                with urllib.request.urlopen(self.base + "/", timeout=5) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        raise RuntimeError("server did not start in time")

    def request(
        self, method: str, path: str, body: Any = None, raw: bytes | None = None, content_type: str = "application/json"
    ) -> tuple[int, bytes, dict[str, str]]:
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(
            self.base + path,
            data=data,
            method=method,
            headers={"Content-Type": content_type} if data is not None else {},
        )
        try:
            with urllib.request.urlopen(req, timeout=300) as r:
                return r.status, r.read(), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, e.read(), dict(e.headers)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)
        self.output = self._output().splitlines()
        self.log.close()
        return self.proc.returncode


# ---------------------------------------------------------------- hardening (issue 13): raw requests


def asgi_request(
    app: Any,
    method: str,
    raw_target: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    client: tuple[str, int] = ("127.0.0.1", 50000),
) -> tuple[int, dict[str, str], bytes]:
    """One request to an ASGI app with the scope uvicorn builds from `raw_target` (path not normalised,
    percent-decoded once, query kept apart): (status, headers, body)."""
    import asyncio
    from urllib.parse import unquote

    raw_path, _, query = raw_target.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": unquote(raw_path),
        "raw_path": raw_path.encode("latin-1"),
        "query_string": query.encode("latin-1"),
        "root_path": "",
        "client": client,
        "server": ("127.0.0.1", 8000),
        "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()]
        + [(b"host", b"127.0.0.1:8000"), (b"content-length", str(len(body)).encode())],
        "state": {},
    }
    messages: list[dict[str, Any]] = []
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)

    async def run() -> None:
        await asyncio.wait_for(app(scope, receive, send), timeout=120)

    try:
        asyncio.run(run())
    except Exception as exc:  # an app that raises after answering makes uvicorn reset the connection
        raise AssertionError(f"the app raised {exc!r} after sending {[m['type'] for m in messages]}") from exc
    start = next(m for m in messages if m["type"] == "http.response.start")
    out = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode("latin-1") for k, v in start.get("headers", [])}, out


#: Spellings of "one folder up" an attacker tries after /static/ (issue 13 item 1).
UP_SPELLINGS = (
    "../",
    "%2e%2e/",
    "%2E%2E/",
    ".%2e/",
    "%2e./",
    "..%2f",
    "..%2F",
    "%2e%2e%2f",
    "%252e%252e/",
    "..%252f",
    "%252e%252e%252f",
    "..%5c",
    "..%5C",
    "%2e%2e%5c",
    "..\\",
    "%252e%252e%255c",
    ".../",
    "%2e%2e%2e/",
    "%c0%ae%c0%ae/",
    "..%c0%af",
    ". ./",
    ".. /",
)


def traversal_targets(target: str, depth: int = 12) -> list[str]:
    """Request targets that try to reach `target` (a path relative to / or to the project) from /static/."""
    out = []
    for up in UP_SPELLINGS:
        out.append("/static/" + up * depth + target)
        out.append("/static/js/" + up * depth + target)
    # absolute spellings
    out += [
        "/static//" + target,
        "/static/%2f" + target,
        "/static/%5c" + target.replace("/", "\\"),
        "/static/\\" + target.replace("/", "\\"),
        "/static/%2F" + target.replace("/", "%2F"),
        "/static/C:%5cWindows%5cwin.ini",
        "/static/file:%2f%2f%2f" + target,
        "/static/%00/../" + target,
    ]
    return out


def raw_http(
    port: int,
    method: str,
    target: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    timeout: float = 60,
) -> tuple[int, dict[str, str], bytes]:
    """One request over a fresh TCP connection, the target sent byte for byte (no client normalisation or
    checks, so spaces and backslashes go out as typed); (status, headers, body) of the answer."""
    head = [
        f"{method} {target} HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Connection: close",
        *(f"{k}: {v}" for k, v in (headers or {}).items()),
    ]
    if body or method == "POST":
        head.append(f"Content-Length: {len(body)}")
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode("utf-8") + body)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return parse_http_response(data)


def parse_http_response(data: bytes) -> tuple[int, dict[str, str], bytes]:
    """(status, lower-case headers, body) of one HTTP/1.1 response (Content-Length or to the end)."""
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    length = headers.get("content-length")
    return status, headers, rest[: int(length)] if length and length.isdigit() else rest


# ---------------------------------------------------------------- the add-in's own client code


#: Runs xlwings Server's custom-functions-code.js (as served) in Node with Excel's side stubbed the way
#: Microsoft documents it: every declared parameter is passed, an omitted optional one as null; each
#: call's request body is captured where the code hands it to `xwRequest.post`.
OFFICE_JS_HARNESS = r"""
const vm = require("vm");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const posted = [];
const ctx = {
  console, setTimeout, clearTimeout, Promise, JSON, Array, Object, Set, Map, Number, String, Math, Error,
  crypto: require("crypto").webcrypto,
  Office: {
    onReady(cb) { if (cb) cb({ host: "Excel" }); return Promise.resolve({ host: "Excel" }); },
    context: { requirements: { isSetSupported: (name, v) =>
      name === "CustomFunctionsRuntime" ? Number(v) <= Number(input.runtime) : true } },
  },
  Excel: { RequestContext: class { constructor() { this.workbook = { name: input.workbook, load() {} }; }
                                   async sync() {} } },
  CustomFunctions: { associated: {}, associate(name, fn) { this.associated[name] = fn; },
                     Error: class extends Error { constructor(code, message) { super(message); this.code = code; } },
                     ErrorCode: { invalidValue: "#VALUE!" } },
  xlwings: { getCultureInfoName: async () => input.culture, getDateFormat: async () => input.dateFormat },
  config: { onWasm: false, customFunctionsMaxRetries: 1, customFunctionsRetryCodes: [], requestTimeout: 30 },
  xwRequest: { post: async (url, body, options) => {
    posted.push({ url, body: JSON.parse(JSON.stringify(body)), headers: options.headers });
    return { data: { result: [[0]] } };
  } },
  window: { location: { origin: "https://perfxl.example" } },
};
ctx.globalThis = ctx;
vm.createContext(ctx);
vm.runInContext(input.code, ctx);
(async () => {
  for (const call of input.calls) {
    const fn = ctx.CustomFunctions.associated[call.name];
    if (!fn) throw new Error("not associated: " + call.name);
    await fn(...call.args, { address: call.address });
  }
  process.stdout.write(JSON.stringify(posted));
})().catch((e) => { console.error(e); process.exit(1); });
"""


def office_js_bodies(
    code_js: str,
    calls: list[dict[str, Any]],
    *,
    runtime: str = "1.4",
    workbook: str = "绩效自评表.xlsx",
    culture: str = "zh-CN",
    date_format: str = "yyyy/M/d",
) -> list[dict[str, Any]]:
    """The request bodies xlwings Server's own custom-functions-code.js posts for `calls`
    ({"name", "args" as Excel passes them, "address"}), run in Node."""
    import shutil

    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise RuntimeError("Node.js is needed to run the add-in's client code (apt-get install nodejs)")
    proc = subprocess.run(
        [node, "-e", OFFICE_JS_HARNESS],
        input=json.dumps(
            {
                "code": code_js,
                "calls": calls,
                "runtime": runtime,
                "workbook": workbook,
                "culture": culture,
                "dateFormat": date_format,
            }
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"node failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)
