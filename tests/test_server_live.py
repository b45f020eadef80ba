"""`perfxl serve` as a real uvicorn process on 127.0.0.1 (a free port): manifest, function metadata and
code, PERF_SCORE and 校验 over HTTP with the same marks as `perfxl validate`, bad payloads answered 4xx,
then a headless Chromium (Debian's, driven by Playwright) opens the task pane — no console errors,
the ribbon actions exist at run time, and a 校验结果 sheet from the server renders as the summary.
The server is stopped at the end and must exit cleanly.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from defusedxml import ElementTree
from server_helpers import (
    NS,
    REQUIRED_BUTTONS,
    LiveServer,
    applied_marks,
    associations,
    cli_findings,
    expected_marks,
    function_body,
    seed_payload,
)

pytestmark = pytest.mark.slow  # a live `perfxl serve` process and Chromium

ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def server():
    live = LiveServer()
    try:
        live.wait_ready()
        yield live
    finally:
        code = live.stop()
    assert code == 0, "\n".join(live.output[-20:])  # SIGINT: uvicorn shuts down cleanly


@pytest.fixture(scope="module")
def payload():
    return seed_payload()


@pytest.fixture(scope="module")
def validated(server, payload):
    """The 校验 script's answer for the seed workbook over HTTP."""
    status, body, _ = server.request("POST", "/xlwings/custom-scripts-call/validate", payload)
    assert status == 200, body[:500]
    return json.loads(body)


def test_manifest_over_http_is_local_and_has_no_namespace(server):
    status, body, _headers = server.request("GET", "/manifest.xml")
    assert status == 200
    root = ElementTree.fromstring(body)
    urls = [el.get("DefaultValue") for el in root.iter() if "://" in (el.get("DefaultValue") or "")]
    assert urls and all(u.startswith(server.base) for u in urls), urls
    assert root.find(".//v:Namespace", NS) is None
    labels = {s.get("DefaultValue") for s in root.iterfind(".//bt:String", NS)}
    assert set(REQUIRED_BUTTONS) | {"绩效自评"} <= labels
    functions = {f.text for f in root.iterfind(".//v:FunctionName", NS)}
    _, js, _ = server.request("GET", "/static/js/main.js")
    assert functions and functions <= set(associations(js.decode()))


def test_function_metadata_code_and_a_perf_score_call(server):
    from perfxl.scoring import score_indicator

    status, meta, _ = server.request("GET", "/xlwings/custom-functions-meta.json")
    assert status == 200
    names = {f["name"] for f in json.loads(meta)["functions"]}
    assert "PERF_SCORE" in names
    status, code, _headers = server.request("GET", "/xlwings/custom-functions-code.js")
    assert status == 200 and all(f'CustomFunctions.associate("{n}"' in code.decode() for n in names)
    status, body, _ = server.request(
        "POST",
        "/xlwings/custom-functions-call",
        function_body("PERF_SCORE", [["≥12家"]], [[20]], [[10]], [[None]], [[None]]),
    )
    assert status == 200, body
    assert json.loads(body)["result"] == [[float(score_indicator("≥12家", 20, 10).score)]]


def test_validate_over_http_gives_the_marks_of_perfxl_validate(validated, payload):
    findings = cli_findings()
    filled, noted, alerts, _ = applied_marks(payload, validated["actions"])
    assert (filled, noted) == expected_marks(findings)
    counts = Counter(f["severity"] for f in findings)
    assert f"错误 {counts['error']} 个" in alerts[0]


def test_bad_payloads_over_http_are_4xx_with_a_message(server, payload):
    cases = [
        ("/xlwings/custom-scripts-call/validate", b"", 400),
        ("/xlwings/custom-scripts-call/validate", json.dumps({"client": "Office.js", "version": "1"}).encode(), 400),
        (
            "/xlwings/custom-scripts-call/validate",
            json.dumps({**payload, "sheets": [{"name": "x", "values": [[{"a": 1}]]}]}).encode(),
            422,
        ),
        ("/xlwings/custom-scripts-call/nope", json.dumps(payload).encode(), 404),
        ("/xlwings/custom-functions-call", json.dumps(function_body("PERF_SCORE", "x")).encode(), 422),
        (
            "/xlwings/custom-functions-call",
            json.dumps(function_body("PERF_RATE", [[1]] * 600_000, [[1]])).encode(),
            413,
        ),
    ]
    for path, raw, want in cases:
        status, body, _ = server.request("POST", path, raw=raw)
        assert status == want, (path, status, body[:300])
        detail = json.loads(body)["detail"]
        assert re.search(r"[\u4e00-\u9fff]", detail) and b"Traceback" not in body


# ---------------------------------------------------------------- the task pane in a headless Chromium


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (.ci/run installs it)")
    from playwright.sync_api import sync_playwright  # the dev extra; missing it fails rather than skipping the pane

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _result_sheet_values(payload, validated) -> list[list]:
    """The 校验结果 sheet as Excel would hold it after the server's actions (what the pane reads)."""
    _, _, _, state = applied_marks(payload, validated["actions"])
    (sheet,) = [s for s in state.payload["sheets"] if s["name"] == "校验结果"]
    rows = [list(r) for r in sheet["values"]]
    width = max(len(r) for r in rows)
    return [[("" if v is None else v) for v in r] + [""] * (width - len(r)) for r in rows]


@pytest.mark.browser
def test_taskpane_renders_in_chromium_without_console_errors(server, browser, payload, validated):
    page = browser.new_page(viewport={"width": 360, "height": 760})
    problems, requests = [], []
    page.on("console", lambda m: problems.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("request", lambda r: requests.append(r.url) if r.frame == page.main_frame else None)
    page.goto(server.base + "/taskpane.html", wait_until="load")
    page.wait_for_function(
        "document.getElementById('perfxl-status').textContent.includes('不在 Excel 中')", timeout=60_000
    )
    page.wait_for_timeout(1500)  # let Office.js finish its own start-up callbacks

    assert page.title() == "绩效自评 · perfxl"
    assert page.locator("#xlwings-office-ready-error").is_hidden()
    # every ribbon FunctionName of the manifest has a handler in the running page
    _, manifest, _ = server.request("GET", "/manifest.xml")
    functions = [f.text for f in ElementTree.fromstring(manifest).iterfind(".//v:FunctionName", NS)]
    kinds = page.evaluate("names => names.map(n => typeof (globalThis.perfxlRibbonActions || {})[n])", functions)
    assert functions and kinds == ["function"] * len(functions)
    assert page.evaluate("typeof globalThis.xlwings.runPython") == "function"

    # the summary of a real 校验结果 sheet, as the pane shows it after 校验
    rows = _result_sheet_values(payload, validated)
    shown = page.evaluate(
        "rows => { const s = perfxlPane.parseResult({sheet: '校验结果', rows});"
        " perfxlPane.renderSummary(s); return s.findings.length; }",
        rows,
    )
    findings = cli_findings()
    assert shown == len(findings)
    counts = Counter({"error": "错误", "warning": "警告", "info": "提示"}[f["severity"]] for f in findings)
    for label, n in counts.items():
        assert page.locator(f"[data-count='{label}']").inner_text() == str(n)
    assert page.locator("#perfxl-findings li").count() == len(findings)
    shown_cells = set(page.locator("#perfxl-findings .perfxl-cell").all_inner_texts())
    assert shown_cells == {f"{f['sheet']}!{f['cell']}" for f in findings}

    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "server-taskpane.png"), full_page=True)
    # everything the page itself loads comes from this server (Office.js's own telemetry frame aside)
    assert requests and all(u.startswith((server.base, "data:")) for u in requests), requests
    assert problems == [], problems
    page.close()


@pytest.mark.browser
def test_taskpane_without_office_js_still_renders_and_says_why(server, browser):
    """Office.js blocked (an offline PC with the CDN setting, a proxy rule): the pane explains it; the page
    itself adds no error — only the browser's own log line for the failed download remains."""
    page = browser.new_page(viewport={"width": 360, "height": 640})
    problems, failed = [], []
    page.on("console", lambda m: problems.append((m.text, m.location.get("url", ""))) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append((f"pageerror: {e}", "")))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.route(re.compile(r".*/office\.js$"), lambda route: route.abort())
    page.goto(server.base + "/taskpane.html", wait_until="load")
    page.wait_for_function(
        "document.getElementById('perfxl-status').textContent.includes('未能加载 Office.js')", timeout=60_000
    )
    page.wait_for_timeout(6000)  # past xlwings' 5 s "add-in didn't load" timer
    assert page.locator("#xlwings-office-ready-error").is_hidden()
    assert len(failed) == 1 and failed[0].endswith("/office.js")
    assert [
        text
        for text, url in problems
        if not (text.startswith("Failed to load resource") and url.endswith("/office.js"))
    ] == []
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "server-taskpane-no-officejs.png"))
    page.close()


@pytest.mark.browser
def test_help_page_renders_offline(server, browser):
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.base + "/help/functions", wait_until="load")
    assert "PERF_SCORE" in page.inner_text("main") and errors == []
    page.close()


def test_server_stops_cleanly():
    """Runs last in this module: the fixture's server is still up; stop a fresh one and check its exit."""
    live = LiveServer("--max-cells", "10")
    try:
        live.wait_ready()
        status, body, _ = live.request("POST", "/xlwings/custom-scripts-call/validate", seed_payload())
        assert status == 413 and "10" in json.loads(body)["detail"]
    finally:
        code = live.stop()
    assert code == 0, "\n".join(live.output[-20:])
    assert any("Shutting down" in line or "Finished server process" in line for line in live.output)
