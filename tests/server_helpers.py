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
    proc = subprocess.run([str(PERFXL), "validate", str(EXAMPLE), "--format", "json"], capture_output=True,
                          text=True, timeout=300, cwd=REPO)
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    (file_report,) = report["files"]
    assert file_report["ok"] and file_report["findings"]
    return file_report["findings"]


def cells_of(ref: str) -> list[str]:
    """"B5:C6" → ["B5", "B6", "C5", "C6"] (row-major per column pair is irrelevant: used as a set)."""
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
        "client": "Office.js", "func_name": func, "args": list(args),
        "caller_address": "[longhui.xlsx]部门整体支出绩效自评表!H20", "version": "0.37.8",
        "runtime": "1.4", "culture_info_name": "zh-CN", "date_format": "yyyy/m/d", "session_id": "test",
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
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # a pipe could fill up and block the server
        self.proc = subprocess.Popen(
            [str(PERFXL), "serve", "--host", "127.0.0.1", "--port", str(self.port), *extra_args],
            cwd=REPO, env=env or server_env(), stdout=self.log, stderr=subprocess.STDOUT, text=True,
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

    def request(self, method: str, path: str, body: Any = None, raw: bytes | None = None,
                content_type: str = "application/json") -> tuple[int, bytes, dict[str, str]]:
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": content_type} if data is not None else {})
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
