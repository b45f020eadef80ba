"""Issue 13 over real HTTP: `perfxl serve` (uvicorn) on 127.0.0.1, requests sent byte for byte.

- every spelling of `..` and two symlinks in a copied project's static folder (one to a file
  outside the project, one to its `.env`) return nothing from outside the static folders;
- a malformed request never breaks the keep-alive connection, and a body refused unread closes it;
- `--host 0.0.0.0` without access control is refused with exit 2 and a Chinese reason;
- with a token (`--token-file`) and an allowlist the server answers only with the token, keeps the
  token out of its access log, and the task pane's script adds it to the add-in's own requests.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import secrets
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from server_helpers import (
    PERFXL,
    REPO,
    SERVER_PROJECT,
    LiveServer,
    free_port,
    function_body,
    parse_http_response,
    raw_http,
    server_env,
    traversal_targets,
)

pytestmark = pytest.mark.slow
ZH = re.compile(r"[\u4e00-\u9fff]")
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def exposed_project(tmp_path_factory):
    """A copy of the add-in project with a secret .env, a secret file beside it and outward symlinks."""
    root = tmp_path_factory.mktemp("served")
    project = root / "project"
    shutil.copytree(SERVER_PROJECT, project, ignore=shutil.ignore_patterns("__pycache__"))
    marker = "PERFXL-SECRET-" + secrets.token_hex(8)
    (project / ".env").write_text(f'XLWINGS_LICENSE_KEY="noncommercial"\n# {marker}\n', encoding="utf-8")
    (root / "secret.txt").write_text(marker, encoding="utf-8")
    (project / "static" / "images" / "leak.png").symlink_to(root / "secret.txt")
    (project / "static" / "js" / "env.js").symlink_to(project / ".env")
    (project / "static" / "vendor-link").symlink_to(root, target_is_directory=True)
    return project, marker


@pytest.fixture(scope="module")
def exposed_server(exposed_project):
    project, _ = exposed_project
    live = LiveServer("--project", str(project))
    try:
        live.wait_ready()
        yield live
    finally:
        code = live.stop()
    assert code == 0, "\n".join(live.output[-20:])


def test_no_traversal_spelling_or_symlink_leaks_a_file_over_http(exposed_server, exposed_project):
    project, marker = exposed_project
    heads = {
        name: path.read_bytes()[:40]
        for name, path in (
            ("etc/passwd", Path("/etc/passwd")),
            (".env", project / ".env"),
            ("pyproject.toml", project / "pyproject.toml"),
            ("secret.txt", project.parent / "secret.txt"),
        )
    }
    targets = ["/static/images/leak.png", "/static/js/env.js", "/static/vendor-link/secret.txt"]
    for name in heads:
        for depth in (1, 2, 12):
            targets += traversal_targets(name, depth=depth)
    refused = 0
    for target in targets:
        status, _, body = raw_http(exposed_server.port, "GET", target)
        assert marker.encode() not in body and not any(h in body for h in heads.values()), (target, status)
        assert status >= 400, (target, status)
        refused += 1
    assert refused == len(targets) > 600
    status, _, body = raw_http(exposed_server.port, "GET", "/static/js/main.js")
    assert status == 200 and body == (project / "static" / "js" / "main.js").read_bytes()


def test_a_malformed_request_never_breaks_the_connection(exposed_server):
    good = function_body("PERF_PARSE", [["≥12家"]], None)
    bad = [
        ("/xlwings/custom-functions-call", {k: v for k, v in good.items() if k != "runtime"}),
        ("/xlwings/custom-functions-call", {**good, "date_format": 5}),
        ("/xlwings/custom-functions-call", {**good, "args": [[[{"type": "Error"}]], None]}),
        ("/xlwings/custom-functions-call", b"{not json"),
        ("/xlwings/custom-scripts-call/nope", {"pad": "x" * 200_000}),
    ]
    conn = http.client.HTTPConnection("127.0.0.1", exposed_server.port, timeout=60)
    try:
        for path, body in bad:
            raw = body if isinstance(body, bytes) else json.dumps(body).encode()
            conn.request("POST", path, body=raw, headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            out = r.read()
            assert 400 <= r.status < 500 and ZH.search(json.loads(out)["detail"]), (path, r.status, out[:200])
            conn.request(
                "POST",
                "/xlwings/custom-functions-call",
                body=json.dumps(good).encode(),
                headers={"Content-Type": "application/json"},
            )
            r = conn.getresponse()
            assert r.status == 200 and json.loads(r.read())["result"] == [[12.0]], path
    finally:
        conn.close()


def test_a_body_refused_unread_closes_the_connection_instead_of_hanging(exposed_server):
    with socket.create_connection(("127.0.0.1", exposed_server.port), timeout=30) as sock:
        sock.sendall(
            b"POST /xlwings/custom-functions-call HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000000000\r\n\r\n" + b'{"client": "' + b"x" * 1024
        )
        # a short start of the body: the server refuses on the declared length; more bytes still in flight when
        # it closes make the kernel answer with a reset that can swallow the 413 (a race, not the server's)
        data = b""
        with contextlib.suppress(ConnectionResetError):
            while chunk := sock.recv(65536):  # ends only when the server closes the connection
                data += chunk
    status, headers, body = parse_http_response(data)
    assert status == 413 and ZH.search(json.loads(body)["detail"])
    assert headers.get("connection", "").lower() == "close"


def test_listening_on_every_interface_without_access_control_is_refused():
    port = free_port()
    proc = subprocess.run(
        [str(PERFXL), "serve", "--host", "0.0.0.0", "--port", str(port)],
        cwd=REPO,
        env=server_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "--allow-anonymous" in proc.stderr and "访问控制" in proc.stderr and "Traceback" not in proc.stderr
    assert "Ctrl+C" not in proc.stderr  # refused before announcing a server


@pytest.fixture(scope="module")
def token_server(tmp_path_factory):
    token = secrets.token_urlsafe(24)
    token_file = tmp_path_factory.mktemp("token") / "token.txt"
    token_file.write_text(token + "\n", encoding="utf-8")
    live = LiveServer("--host", "0.0.0.0", "--allow", "127.0.0.0/8", "--token-file", str(token_file))
    try:
        live.wait_ready()
        yield live, token
    finally:
        code = live.stop()
    assert code == 0, "\n".join(live.output[-20:])
    assert token not in "\n".join(live.output), "the token must not reach the log"


def test_the_token_guards_the_server_over_http(token_server):
    live, token = token_server
    body = json.dumps(function_body("PERF_PARSE", [["≥12家"]], None)).encode()
    status, headers, out = raw_http(
        live.port, "POST", "/xlwings/custom-functions-call", body=body, headers={"Content-Type": "application/json"}
    )
    assert status == 401 and "访问令牌" in json.loads(out)["detail"]
    for headers, target in (
        ({"Authorization": f"Bearer {token}"}, "/xlwings/custom-functions-call"),
        ({"X-Perfxl-Token": token}, "/xlwings/custom-functions-call"),
        ({}, f"/xlwings/custom-functions-call?perfxl_token={token}"),
    ):
        status, _, out = raw_http(
            live.port, "POST", target, body=body, headers={"Content-Type": "application/json", **headers}
        )
        assert status == 200 and json.loads(out)["result"] == [[12.0]], (headers, target, out[:200])
    status, _, manifest = raw_http(live.port, "GET", f"/manifest.xml?perfxl_token={token}")
    assert status == 200 and f"taskpane.html?perfxl_token={token}".encode() in manifest
    assert raw_http(live.port, "GET", "/manifest.xml")[0] == 401
    assert raw_http(live.port, "GET", "/static/images/perfxl-32.png")[0] == 200  # Excel fetches icons bare


@pytest.mark.browser
def test_the_task_pane_adds_the_token_to_the_add_ins_requests(token_server):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    live, token = token_server
    body = function_body("PERF_PARSE", [["≥12家"]], None)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(f"{live.base}/taskpane.html?perfxl_token={token}", wait_until="load")
            statuses = page.evaluate(
                """async (body) => {
                const xhr = await new Promise((resolve) => {
                    const r = new XMLHttpRequest();
                    r.open("POST", window.location.origin + "/xlwings/custom-functions-call");
                    r.setRequestHeader("Content-Type", "application/json");
                    r.onload = () => resolve(r.status);
                    r.send(JSON.stringify(body));
                });
                const viaFetch = await fetch("/xlwings/custom-functions-call", {method: "POST",
                    headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
                return [xhr, viaFetch.status];
            }""",
                body,
            )
            assert statuses == [200, 200]
        finally:
            browser.close()
