"""The add-in server in-process (FastAPI TestClient, `raise_server_exceptions=False`): the manifest
(绩效自评 tab, buttons bound to JS actions that exist, no namespace, only local URLs), the function
metadata and code, PERF_SCORE through /xlwings/custom-functions-call, 校验 through
/xlwings/custom-scripts-call/validate marking the cells `perfxl validate` reports, help pages, icons,
and bad requests answered 4xx with a clear message.

xlwings picks its Office.js decorators on its first import, so the environment is set at
collection time, before anything imports xlwings (as tests/test_excel_macros.py does).
"""

from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import copy
import json
import struct
from collections import Counter

import pytest
from defusedxml import ElementTree
from server_helpers import (
    NS,
    REQUIRED_BUTTONS,
    SERVER_PROJECT,
    applied_marks,
    associations,
    cli_findings,
    expected_marks,
    function_body,
    handler_script,
    seed_payload,
)

BASE = "http://testserver"


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    from perfxl.serve.app import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def _n_cells(payload) -> int:
    return sum(len(row) for s in payload["sheets"] for row in s["values"])


@pytest.fixture(scope="module")
def small_client(payload):
    """The same server with limits just below the seed workbook, for the size checks."""
    from fastapi.testclient import TestClient

    from perfxl.serve.app import create_app
    from perfxl.serve.payload import Limits

    limits = Limits(serve_max_cells=_n_cells(payload) - 1, serve_max_body_bytes=len(json.dumps(payload).encode()) * 2)
    with TestClient(create_app(limits=limits), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def manifest(client):
    r = client.get("/manifest.xml")
    assert r.status_code == 200
    return r.text, ElementTree.fromstring(r.text.encode("utf-8"))


@pytest.fixture(scope="module")
def findings():
    return cli_findings()


@pytest.fixture(scope="module")
def payload():
    return seed_payload()


# ---------------------------------------------------------------- manifest


def _strings(root) -> dict[str, str]:
    return {s.get("id"): s.get("DefaultValue") for s in root.iterfind(".//bt:String", NS)}


def _controls(root) -> list[dict[str, str | None]]:
    strings = _strings(root)
    out = []
    for c in root.iterfind(".//v:CustomTab//v:Control", NS):
        action = c.find("v:Action", NS)
        out.append(
            {
                "label": strings[c.find("v:Label", NS).get("resid")],
                "action": action.get(f"{{{NS['xsi']}}}type"),
                "function": getattr(action.find("v:FunctionName", NS), "text", None),
            }
        )
    return out


def test_manifest_has_the_perfxl_tab_with_its_buttons(manifest):
    _, root = manifest
    strings = _strings(root)
    (tab,) = root.iterfind(".//v:CustomTab", NS)
    assert strings[tab.find("v:Label", NS).get("resid")] == "绩效自评"
    by_label = {c["label"]: c for c in _controls(root)}
    for label, action in REQUIRED_BUTTONS.items():
        assert by_label[label]["action"] == action and by_label[label]["function"], label
    assert any(c["action"] == "ShowTaskpane" for c in by_label.values()), "a button opens the task pane"
    assert root.find("o:DefaultLocale", NS).text == "zh-CN"


def test_every_ribbon_function_is_bound_to_a_js_action_that_runs_a_served_script(client, manifest):
    _, root = manifest
    js = client.get("/static/js/main.js")
    assert js.status_code == 200
    bound = associations(js.text)
    scripts = {m["function_name"] for m in client.get("/xlwings/custom-scripts-meta.json").json()}
    assert scripts == {"validate", "score", "clear"}
    wanted = {"校验": "validate", "复核得分": "score", "清除标记": "clear"}
    checked = set()
    for control in _controls(root):
        if control["action"] != "ExecuteFunction":
            continue
        handler = bound.get(control["function"])
        assert handler, f"{control['function']} is not associated in main.js"
        script = handler_script(js.text, handler)
        assert script is not None, f"{handler} is not defined in main.js"
        if control["label"] in wanted:
            assert script == wanted[control["label"]] and script in scripts
            checked.add(control["label"])
    assert checked == set(wanted), "every script has its ribbon button"
    # the task pane page loads that script and the xlwings runtime it calls
    page = client.get("/taskpane.html").text
    assert "/static/js/main.js" in page and "/static/js/custom-scripts/index.js" in page


def test_no_namespace_in_prod_so_formulas_read_perf_score(manifest):
    text, root = manifest
    assert root.find(".//v:Namespace", NS) is None and "<Namespace" not in text
    assert "Functions.Namespace" not in _strings(root)


def test_manifest_urls_are_all_served_by_this_server(client, manifest):
    text, root = manifest
    urls = [el.get("DefaultValue") for el in root.iter() if "://" in (el.get("DefaultValue") or "")]
    urls += [el.text.strip() for el in root.iter() if el.text and "://" in el.text]
    assert len(urls) > 20
    assert all(u.startswith(BASE) for u in urls), [u for u in urls if not u.startswith(BASE)]
    without_xmlns = "\n".join(line for line in text.splitlines() if "xmlns" not in line)
    assert "xlwings.org" not in text and "http" not in without_xmlns.replace(BASE, "")
    for url in set(urls) - {BASE}:
        assert client.get(url.removeprefix(BASE)).status_code == 200, url


def test_icons_are_small_pngs_of_the_declared_sizes(client, manifest):
    _, root = manifest
    images = list(root.iterfind(".//bt:Images/bt:Image", NS))
    assert images
    for image in images:
        size = int(image.get("id").rsplit(".", 1)[1])
        body = client.get(image.get("DefaultValue").removeprefix(BASE)).content
        assert body[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", body[16:24]) == (size, size)


def test_committed_icons_are_what_the_generator_draws():
    from perfxl.serve.icons import png_bytes, render

    for name, size in (("validate", 16), ("perfxl", 32)):
        assert (SERVER_PROJECT / "static" / "images" / f"{name}-{size}.png").read_bytes() == png_bytes(
            render(name, size)
        )


# ---------------------------------------------------------------- functions


def test_function_metadata_and_code_list_perfxls_functions(client):
    from perfxl.excel import udfs

    meta = client.get("/xlwings/custom-functions-meta.json").json()["functions"]
    assert {f["name"] for f in meta} == set(udfs.__all__)
    assert all(f["description"] for f in meta)
    code = client.get("/xlwings/custom-functions-code.js")
    assert code.status_code == 200 and "javascript" in code.headers["content-type"]
    for name in udfs.__all__:
        assert f'CustomFunctions.associate("{name}", {name});' in code.text


def test_perf_score_through_the_endpoint_is_the_engine_score(client):
    from perfxl.scoring import score_indicator

    r = client.post(
        "/xlwings/custom-functions-call",
        json=function_body("PERF_SCORE", [["增长12%"]], [["11.8%"]], [[10]], [[None]], [[None]]),
    )
    assert r.status_code == 200, r.text
    engine = score_indicator("增长12%", "11.8%", 10)
    assert r.json()["result"] == [[float(engine.score)]]
    assert r.json()["result"] == [[9.83]]  # the seed report printed 9 (COMMON.md)


def test_perf_score_over_a_column_spills_one_result_per_row(client):
    from perfxl.scoring import score_indicator

    targets, actuals = [["≥12家"], ["≥12家"], ["增长12%"]], [[20], [6], ["11.8%"]]
    r = client.post(
        "/xlwings/custom-functions-call", json=function_body("PERF_SCORE", targets, actuals, [[10]], [[None]], [[None]])
    )
    assert r.status_code == 200, r.text
    assert r.json()["result"] == [
        [float(score_indicator(t[0], a[0], 10).score)] for t, a in zip(targets, actuals, strict=True)
    ]


def test_a_bad_cell_is_a_400_with_the_zh_reason_not_a_500(client):
    r = client.post(
        "/xlwings/custom-functions-call",
        json=function_body("PERF_SCORE", [["≥12家"]], [[20]], [["十分"]], [[None]], [[None]]),
    )
    assert r.status_code == 400 and "分值" in r.text


# ---------------------------------------------------------------- 校验 / 复核得分 / 清除标记


@pytest.mark.slow  # the findings come from `perfxl validate` run as a process
def test_validate_script_marks_exactly_the_cells_perfxl_validate_reports(client, payload, findings):
    r = client.post("/xlwings/custom-scripts-call/validate", json=payload)
    assert r.status_code == 200, r.text
    filled, noted, alerts, state = applied_marks(payload, r.json()["actions"])
    want_filled, want_noted = expected_marks(findings)
    assert filled == want_filled
    assert noted == want_noted
    counts = Counter(f["severity"] for f in findings)
    (alert,) = alerts
    assert f"错误 {counts['error']} 个，警告 {counts['warning']} 个，提示 {counts['info']} 个" in alert
    assert "校验结果" in [s["name"] for s in state.payload["sheets"]]


def test_score_and_clear_scripts_run_and_never_touch_user_values(client, payload):
    score = client.post("/xlwings/custom-scripts-call/score", json=payload)
    assert score.status_code == 200, score.text
    _, _, alerts, state = applied_marks(payload, score.json()["actions"])
    assert alerts and "复核得分" in alerts[0]
    for before, after in zip(payload["sheets"], state.payload["sheets"], strict=False):  # (+ any sheet perfxl adds)
        for r, row in enumerate(before["values"]):
            for c, v in enumerate(row):
                if v not in ("", None):
                    assert after["values"][r][c] == v, (before["name"], r, c)
    cleared = client.post("/xlwings/custom-scripts-call/clear", json=state.payload)
    assert cleared.status_code == 200 and "清除" in json.dumps(cleared.json(), ensure_ascii=False)


# ---------------------------------------------------------------- bad requests


def _assert_clear_4xx(r, status: int, words: str) -> None:
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert words in body["detail"] and body["message_en"], body
    assert "Traceback" not in r.text and 'File "' not in r.text


def test_missing_book_data_is_a_400(client, payload):
    _assert_clear_4xx(client.post("/xlwings/custom-scripts-call/validate", content=b""), 400, "工作簿数据")
    no_book = {k: v for k, v in payload.items() if k != "book"}
    _assert_clear_4xx(client.post("/xlwings/custom-scripts-call/validate", json=no_book), 400, "工作簿数据")
    no_sheets = {k: v for k, v in payload.items() if k != "sheets"}
    _assert_clear_4xx(client.post("/xlwings/custom-scripts-call/validate", json=no_sheets), 400, "工作表数据")
    _assert_clear_4xx(
        client.post(
            "/xlwings/custom-scripts-call/validate", content=b"{not json", headers={"content-type": "application/json"}
        ),
        400,
        "JSON",
    )


def test_wrong_types_are_a_4xx_naming_the_place(client, payload):
    bad = copy.deepcopy(payload)
    bad["sheets"][0]["values"][3][2] = ["nested"]
    _assert_clear_4xx(client.post("/xlwings/custom-scripts-call/validate", json=bad), 422, "第 4 行第 3 列")
    bad = copy.deepcopy(payload)
    bad["book"]["active_sheet_index"] = "first"
    _assert_clear_4xx(client.post("/xlwings/custom-scripts-call/score", json=bad), 422, "active_sheet_index")
    _assert_clear_4xx(
        client.post("/xlwings/custom-functions-call", json=function_body("PERF_RATE", [[1]], "x")), 422, "第 2 个参数"
    )
    _assert_clear_4xx(
        client.post("/xlwings/custom-functions-call", json=function_body("NOT_PERFXL", [[1]])), 404, "NOT_PERFXL"
    )


def test_arguments_a_script_does_not_take_are_a_422(client, payload):
    _assert_clear_4xx(
        client.post("/xlwings/custom-scripts-call/validate", json={**payload, "args": [1]}), 422, "最多接受 0 个参数"
    )


def test_unknown_script_is_a_404_listing_the_scripts(client, payload):
    _assert_clear_4xx(client.post("/xlwings/custom-scripts-call/format_disk", json=payload), 404, "validate")


def test_huge_values_arrays_are_refused_by_the_configured_limits(small_client, payload):
    limit = f"{_n_cells(payload) - 1:,}"
    _assert_clear_4xx(small_client.post("/xlwings/custom-scripts-call/validate", json=payload), 413, limit)
    wide = copy.deepcopy(payload)
    wide["sheets"][0]["values"] = [["x" * 200] * 100] * 200
    _assert_clear_4xx(small_client.post("/xlwings/custom-scripts-call/validate", json=wide), 413, "请求太大")
    column = [[1]] * _n_cells(payload)
    _assert_clear_4xx(
        small_client.post("/xlwings/custom-functions-call", json=function_body("PERF_RATE", column, [[2]])), 413, limit
    )


def test_no_malformed_top_level_field_gives_a_500(client, payload):
    small = copy.deepcopy(payload)
    small["sheets"] = small["sheets"][:1]
    for key in ("client", "version", "book", "names", "sheets"):
        for value in (None, 0, "x", [], {}, [[1]]):
            body = {**small, key: value}
            r = client.post("/xlwings/custom-scripts-call/clear", json=body)
            assert r.status_code < 500, (key, value, r.status_code, r.text)


# ---------------------------------------------------------------- help pages and task pane


def test_help_pages_are_zh_and_list_perfxls_own_functions_and_rules(client):
    from perfxl.excel import udfs
    from perfxl.rules import implemented_specs

    index = client.get("/help")
    assert index.status_code == 200 and 'lang="zh-CN"' in index.text and "校验" in index.text
    functions = client.get("/help/functions").text
    assert all(name in functions for name in udfs.__all__)
    assert "PERF_SCORE(target, actual, weight, [method], [profile])" in functions  # optional args from the decorators
    rules = client.get("/help/rules").text
    assert all(spec.code in rules for spec in implemented_specs())
    for page in (index.text, functions, rules):
        assert "https://" not in page and "http://" not in page


def test_taskpane_loads_only_local_resources(client):
    import re

    page = client.get("/taskpane.html")
    assert page.status_code == 200 and "绩效自评" in page.text
    refs = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert refs and all(ref.startswith("/") for ref in refs), refs
    assert "/static/vendor/office-js/" in page.text  # Office.js from this server, not the CDN
    config = json.loads(
        re.search(r'<script id="perfxl-config" type="application/json">(.*?)</script>', page.text, re.S).group(1)
    )
    from perfxl.excel.macros import RESULT_HEADER

    assert config["resultHeader"] == list(RESULT_HEADER) and config["resultSheet"] == "校验结果"
