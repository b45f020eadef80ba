"""Issue 13, the add-in server in-process (items 1, 2, 10, 11): requests are built the way uvicorn
builds them (path decoded once, never normalised) or the way xlwings Server's own browser code
builds them (its custom-functions-code.js, run in Node), and sent to the real app.

1. no spelling of `..` under /static/ returns a file outside the static folders, symlinks included;
2. a shared token and an address allowlist guard everything but the public assets; the server
   refuses to listen beyond loopback without access control unless told `--allow-anonymous`;
10. what Excel sends for omitted optional arguments (null), error cells and dates is accepted;
11. a malformed custom-function call is a 4xx with a Chinese message, never a 500 (fuzzed).
"""

from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import functools
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from server_helpers import (
    SERVER_PROJECT,
    asgi_request,
    function_body,
    office_js_bodies,
    seed_payload,
    traversal_targets,
)
from table_cases import each1 as _each1

TOKEN = "Zq3-perfxl-test-token_0123456789abcdef"
ZH = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def app():
    from perfxl.serve.app import create_app

    return create_app()


@pytest.fixture(scope="module")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def functions_code(client) -> str:
    r = client.get("/xlwings/custom-functions-code.js")
    assert r.status_code == 200
    return r.text


def _package_static() -> Path:
    import xlwings_server

    return Path(xlwings_server.__file__).resolve().parent / "static"


def _assert_zh_4xx(status: int, body: bytes, *, want: int | None = None) -> dict:
    """A 4xx whose message has Chinese: perfxl's JSON `detail`, or a function's own plain-text reason
    (xlwings Server answers an `XlwingsError` raised by a PERF_* function with 400 and its text)."""
    assert 400 <= status < 500 if want is None else status == want, (status, body[:400])
    try:
        data = json.loads(body)
    except ValueError:
        data = {"detail": body.decode("utf-8")}
    assert isinstance(data, dict) and ZH.search(str(data.get("detail"))), data
    return data


# ---------------------------------------------------------------- 1. path traversal


def _secrets() -> dict[str, bytes]:
    """Files next to and above the static folders that must never be served: name → their first bytes."""
    files = {
        "etc/passwd": Path("/etc/passwd"),
        "pyproject.toml": SERVER_PROJECT / "pyproject.toml",
        ".env.template": SERVER_PROJECT / ".env.template",
        "custom_functions/__init__.py": SERVER_PROJECT / "custom_functions" / "__init__.py",
        "config.py": _package_static().parent / "config.py",
        "main.py": _package_static().parent / "main.py",
    }
    return {name: path.read_bytes()[:48] for name, path in files.items() if path.is_file()}


def test_no_spelling_of_dotdot_under_static_returns_a_file_outside_it(app):
    secrets = _secrets()
    assert "etc/passwd" in secrets and "pyproject.toml" in secrets
    tried = 0
    for name, head in secrets.items():
        for depth in (1, 2, 12):
            for target in traversal_targets(name, depth=depth):
                status, _, body = asgi_request(app, "GET", target)
                tried += 1
                assert head not in body, (target, status)
                assert status >= 400, (target, status)
    assert tried > 600


def test_static_files_are_still_served_the_project_first_then_xlwings(app):
    ours = SERVER_PROJECT / "static" / "js" / "main.js"
    status, _, body = asgi_request(app, "GET", "/static/js/main.js")
    assert status == 200 and body == ours.read_bytes()  # the project's main.js, not xlwings Server's
    vendored = sorted((_package_static() / "vendor" / "office-js").glob("*/dist/office.js"))[0]
    rel = vendored.relative_to(_package_static()).as_posix()
    status, _, body = asgi_request(app, "GET", f"/static/{rel}")
    assert status == 200 and body == vendored.read_bytes()


def test_a_symlink_in_the_static_folder_pointing_outside_is_not_followed(tmp_path):
    from perfxl.serve.static import LayeredStaticFiles

    user, package, outside = tmp_path / "user", tmp_path / "package", tmp_path / "outside"
    for d in (user, package, outside):
        d.mkdir()
    (outside / "secret.txt").write_text("SECRET-OUTSIDE")
    (user / "own.js").write_text("own")
    (package / "own.js").write_text("package")
    (package / "vendor.js").write_text("vendor")
    (user / "leak.txt").symlink_to(outside / "secret.txt")
    (user / "leakdir").symlink_to(outside, target_is_directory=True)
    (user / "inside.js").symlink_to(user / "own.js")  # a link that stays inside still works
    from starlette.applications import Starlette
    from starlette.routing import Mount

    static = Starlette(routes=[Mount("/", app=LayeredStaticFiles([user, package]))])
    got = {
        t: asgi_request(static, "GET", t)
        for t in (
            "/own.js",
            "/vendor.js",
            "/inside.js",
            "/leak.txt",
            "/leakdir/secret.txt",
            "/%2e%2e/outside/secret.txt",
        )
    }
    assert got["/own.js"][0] == 200 and got["/own.js"][2] == b"own"
    assert got["/vendor.js"][2] == b"vendor" and got["/inside.js"][2] == b"own"
    for t in ("/leak.txt", "/leakdir/secret.txt", "/%2e%2e/outside/secret.txt"):
        assert got[t][0] == 404 and b"SECRET" not in got[t][2], t


def test_every_static_mount_of_the_app_is_contained(app):
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles
    from xlwings_server import main

    mounts = [r for r in main.app.routes if isinstance(r, Mount) and isinstance(r.app, StaticFiles)]
    assert mounts
    for m in mounts:
        assert type(m.app).lookup_path is StaticFiles.lookup_path and not m.app.follow_symlink, m.path


def test_traversal_detection_spellings():
    from perfxl.serve.static import is_traversal

    for path in (
        "/static/../x",
        "/static/..\\x",
        "/static/%2e%2e/x",
        "/a/%252e%252e/b",
        "/a/.. /b",
        "/a/.../b",
        "/a/%00",
        "/a/\x00b",
    ):
        assert is_traversal(path), path
    for path in ("/static/js/main.js", "/static/vendor/a..b.js", "/help/rules", "/static/.well-known/x"):
        assert not is_traversal(path), path


# ---------------------------------------------------------------- 2. access control


@pytest.fixture(scope="module")
def guarded():
    from perfxl.serve.access import AccessPolicy
    from perfxl.serve.app import create_app

    return create_app(access=AccessPolicy(token=TOKEN))


def _call_body() -> bytes:
    return json.dumps(function_body("PERF_PARSE", [["≥12家"]], None)).encode()


def test_without_the_token_the_functions_scripts_pane_and_manifest_are_refused(guarded):
    for method, target, body in (
        ("POST", "/xlwings/custom-functions-call", _call_body()),
        ("POST", "/xlwings/custom-scripts-call/validate", b"{}"),
        ("GET", "/taskpane.html", b""),
        ("GET", "/manifest.xml", b""),
        ("GET", "/manifest/download", b""),
    ):
        status, headers, out = asgi_request(
            guarded, method, target, body=body, headers={"content-type": "application/json"}
        )
        data = _assert_zh_4xx(status, out, want=401)
        assert "访问令牌" in data["detail"] and headers.get("www-authenticate", "").startswith("Bearer")
    wrong = asgi_request(
        guarded,
        "POST",
        "/xlwings/custom-functions-call",
        body=_call_body(),
        headers={"authorization": f"Bearer {TOKEN[:-1]}x", "content-type": "application/json"},
    )
    _assert_zh_4xx(wrong[0], wrong[2], want=401)


@pytest.mark.parametrize("how", ["bearer", "header", "query"])
def test_the_token_opens_the_functions(guarded, how):
    headers = {"content-type": "application/json"}
    target = "/xlwings/custom-functions-call"
    if how == "bearer":
        headers["authorization"] = f"Bearer {TOKEN}"
    elif how == "header":
        headers["x-perfxl-token"] = TOKEN
    else:
        target += f"?perfxl_token={TOKEN}"
    status, _, body = asgi_request(guarded, "POST", target, body=_call_body(), headers=headers)
    assert status == 200, body
    assert json.loads(body)["result"] == [[12.0]]


def test_public_assets_need_no_token(guarded):
    for target in (
        "/",
        "/static/js/main.js",
        "/static/js/perfxl-auth.js",
        "/static/images/perfxl-32.png",
        "/help",
        "/help/functions",
        "/xlwings/custom-functions-code.js",
        "/xlwings/custom-functions-meta.json",
        "/favicon.ico",
    ):
        status, _, _ = asgi_request(guarded, "GET", target)
        assert status == 200, target


def test_the_manifest_carries_the_token_to_the_task_pane(guarded):
    status, _, body = asgi_request(guarded, "GET", f"/manifest.xml?perfxl_token={TOKEN}")
    assert status == 200
    text = body.decode()
    assert f"/taskpane.html?perfxl_token={TOKEN}" in text
    # the pane page then loads the script that adds the token to the add-in's own requests
    status, _, page = asgi_request(guarded, "GET", f"/taskpane.html?perfxl_token={TOKEN}")
    assert status == 200 and b"/static/js/perfxl-auth.js" in page


def test_the_token_is_compared_in_constant_time(monkeypatch):
    from perfxl.serve import access

    calls = []
    real = access.hmac.compare_digest
    monkeypatch.setattr(access.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    policy = access.AccessPolicy(token=TOKEN)
    assert policy.token_matches(TOKEN) and not policy.token_matches(TOKEN + "x") and not policy.token_matches("")
    assert len(calls) == 3


def test_an_address_allowlist(app):
    from perfxl.serve.access import AccessGuard, AccessPolicy

    policy = AccessPolicy.from_env({}, allow=["192.168.10.0/24", "10.1.2.3"])
    guarded = AccessGuard(app, policy)
    ok = asgi_request(
        guarded,
        "POST",
        "/xlwings/custom-functions-call",
        body=_call_body(),
        headers={"content-type": "application/json"},
        client=("192.168.10.77", 5000),
    )
    assert ok[0] == 200
    for addr in ("192.168.11.1", "10.1.2.4", "::1"):
        status, _, body = asgi_request(guarded, "GET", "/static/js/main.js", client=(addr, 5000))
        data = _assert_zh_4xx(status, body, want=403)
        assert addr in data["detail"]


def test_access_settings_from_the_environment_and_a_token_file(tmp_path):
    from perfxl.serve.access import AccessPolicy

    policy = AccessPolicy.from_env({"PERFXL_SERVE_TOKEN": TOKEN, "PERFXL_SERVE_ALLOW": "10.1.0.0/16, 192.168.3.7"})
    assert policy.token == TOKEN and [str(n) for n in policy.networks] == ["10.1.0.0/16", "192.168.3.7/32"]
    assert policy.address_allowed("10.1.200.3") and policy.address_allowed("::ffff:192.168.3.7")
    assert not policy.address_allowed("192.168.3.8") and not policy.address_allowed("testclient")
    (tmp_path / "token").write_text(TOKEN[::-1] + "\n# comment\n", encoding="utf-8")
    from_file = AccessPolicy.from_env({"PERFXL_SERVE_TOKEN": TOKEN}, token_file=tmp_path / "token")
    assert from_file.token == TOKEN[::-1] and from_file.controlled  # the file wins over the variable
    assert not AccessPolicy().controlled and AccessPolicy().token_matches(None)


def test_bad_access_settings_are_explained(tmp_path):
    from perfxl.errors import PerfxlError
    from perfxl.serve.access import AccessPolicy

    for env, words in (
        ({"PERFXL_SERVE_TOKEN": "short"}, "至少"),
        ({"PERFXL_SERVE_TOKEN": "x" * 20 + " y"}, "字符"),
        ({"PERFXL_SERVE_ALLOW": "10.0.0.300/8"}, "10.0.0.300/8"),
        ({"PERFXL_SERVE_TOKEN_FILE": str(tmp_path / "missing")}, "无法读取访问令牌文件"),
    ):
        with pytest.raises(PerfxlError) as err:
            AccessPolicy.from_env(env)
        assert words in err.value.message and err.value.message_en


def test_listening_beyond_loopback_needs_access_control_or_allow_anonymous():
    from perfxl.serve.access import AccessPolicy, exposure_problem

    none = AccessPolicy()
    for host in ("127.0.0.1", "::1", "localhost"):
        assert exposure_problem(host, none, entraid=False, allow_anonymous=False) is None
    problem = exposure_problem("0.0.0.0", none, entraid=False, allow_anonymous=False)
    assert problem is not None and "--allow-anonymous" in problem.message and "0.0.0.0" in problem.message
    assert ZH.search(problem.message) and "access control" in problem.message_en
    assert exposure_problem("0.0.0.0", AccessPolicy(token=TOKEN), entraid=False, allow_anonymous=False) is None
    assert (
        exposure_problem(
            "0.0.0.0", AccessPolicy.from_env({}, allow=["10.0.0.0/8"]), entraid=False, allow_anonymous=False
        )
        is None
    )
    assert exposure_problem("0.0.0.0", none, entraid=True, allow_anonymous=False) is None
    assert exposure_problem("0.0.0.0", none, entraid=False, allow_anonymous=True) is None
    everyone = AccessPolicy.from_env({}, allow=["0.0.0.0/0"])
    assert exposure_problem("10.0.0.5", everyone, entraid=False, allow_anonymous=False) is not None


# ---------------------------------------------------------------- 10. what Excel really sends


def _expected(func: str, *args):
    """The function's own answer, called in-process (what the HTTP round trip must reproduce)."""
    from perfxl.excel import udfs

    value = getattr(udfs, func)(*args)
    return value if isinstance(value, list) else [[value]]  # Office.js answers a single value as a 1×1 array


#: Excel error texts → the `errorType` Office.js uses for them (runtime 1.4 answers errors as objects).
ERROR_TYPES = {
    "#VALUE!": "Value",
    "#N/A": "NotAvailable",
    "#DIV/0!": "Div0",
    "#NUM!": "Num",
    "#REF!": "Ref",
    "#NAME?": "Name",
    "#NULL!": "Null",
}


def _plain(result):
    """A result matrix with error values (text or Office.js error objects) as their error type."""

    def cell(v):
        if isinstance(v, dict) and v.get("type") == "Error":
            return v.get("errorType")
        return ERROR_TYPES.get(v, v) if isinstance(v, str) else v

    return [[cell(v) for v in row] for row in result]


ERROR_CELL = {"type": "Error", "basicType": "Error", "basicValue": "#DIV/0!", "errorType": "Div0"}
DATE_CELL = {"type": "FormattedNumber", "basicValue": 45291, "numberFormat": "yyyy/m/d"}


@pytest.mark.slow  # Node runs the add-in's client code
@pytest.mark.parametrize("runtime", ["1.4", "1.2"])
def test_formulas_with_omitted_optional_arguments_as_excel_sends_them(client, functions_code, runtime):
    calls = [
        {"name": "PERF_SCORE", "args": [[["≥12家"]], [[20]], [[10]], None, None], "address": "表1!H12"},
        {"name": "PERF_GRADE", "args": [[[91.5]], None], "address": "表1!H24"},
        {"name": "PERF_PARSE", "args": [[["≥12家"]], None], "address": "表1!F13"},
        {
            "name": "PERF_SCORE",
            "args": [[["≥12家"], ["增长12%"], [None]], [[20], ["11.8%"], [None]], [[10]], None, None],
            "address": "表1!H12",
        },
    ]
    bodies = office_js_bodies(functions_code, calls, runtime=runtime)
    assert [b["body"]["args"][-1] for b in bodies] == [None] * 4  # the JS passes Excel's null on
    for call, posted in zip(calls, bodies, strict=True):
        r = client.post("/xlwings/custom-functions-call", json=posted["body"])
        assert r.status_code == 200, (call["name"], r.status_code, r.text)
        assert _plain(r.json()["result"]) == _plain(_expected(call["name"], *call["args"])), call


@pytest.mark.slow  # Node runs the add-in's client code
def test_every_function_with_only_its_required_arguments(client, functions_code):
    meta = client.get("/xlwings/custom-functions-meta.json").json()["functions"]
    calls = [
        {
            "name": f["name"],
            "address": "表1!C3",
            "args": [None if p.get("optional") else [["≥12家"]] for p in f["parameters"]],
        }
        for f in meta
    ]
    for call, posted in zip(calls, office_js_bodies(functions_code, calls), strict=True):
        r = client.post("/xlwings/custom-functions-call", json=posted["body"])
        assert r.status_code in (200, 400), (call["name"], r.status_code, r.text)  # 400: the function's own zh reason
        assert r.status_code == 200 or ZH.search(r.text), r.text


@pytest.mark.slow  # Node runs the add-in's client code
def test_error_and_date_cells_reach_the_function(client, functions_code):
    calls = [
        {"name": "PERF_SCORE", "args": [[["≥12家"]], [[ERROR_CELL]], [[10]], None, None], "address": "表1!H12"},
        {"name": "PERF_PARSE", "args": [[[DATE_CELL]], None], "address": "表1!F13"},
    ]
    for call, posted in zip(calls, office_js_bodies(functions_code, calls), strict=True):
        r = client.post("/xlwings/custom-functions-call", json=posted["body"])
        assert r.status_code < 500 and r.status_code != 422, (call["name"], r.status_code, r.text)
        assert r.status_code == 200 or ZH.search(r.text)


# ---------------------------------------------------------------- 11. malformed calls: 4xx with a zh message


JS_BODY = Path(__file__).resolve().parent / "snapshots" / "officejs_perf_parse_body.json"
UPDATE_SNAPSHOTS = os.environ.get("PERFXL_UPDATE_SNAPSHOTS") == "1"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture(scope="module")
def js_body() -> dict:
    """=PERF_PARSE(F13,"number") as the add-in posts it (both arguments given, so only the edit is wrong):
    pinned in tests/snapshots, so the guard tests need no Node; the slow test below checks the pin."""
    return json.loads(JS_BODY.read_text(encoding="utf-8"))


@pytest.mark.slow  # Node runs the add-in's client code
def test_the_pinned_body_is_what_the_add_in_posts(functions_code, js_body):
    (posted,) = office_js_bodies(
        functions_code, [{"name": "PERF_PARSE", "args": [[["≥12家"]], [["number"]]], "address": "表1!F13"}]
    )
    body = posted["body"]
    assert UUID.fullmatch(body["session_id"]) and UUID.fullmatch(js_body["session_id"])  # a fresh id per session
    if UPDATE_SNAPSHOTS:  # the pin is rewritten only on purpose
        JS_BODY.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert {**body, "session_id": js_body["session_id"]} == js_body, (
        "the add-in's request body drifted: review, then PERFXL_UPDATE_SNAPSHOTS=1"
    )


_A_MALFORMED_FUNCTION_CALL_IS_A_4XX_IN_CHINESE_CASES = [
    {"runtime": None},
    {"runtime": 1.4},
    {"date_format": 5},
    {"date_format": ["y"]},
    {"culture_info_name": 7},
    {"session_id": {"a": 1}},
    {"caller_address": ["A1"]},
    {"version": 37},
    {"client": None},
    {"func_name": 3},
    {"args": [[["≥12家"]], {"type": "Error"}]},
    {"args": [[[{"basicValue": 1}]], [["number"]]]},
    {"args": [[[{"type": "Double", "basicValue": [1]}]], [["number"]]]},
    {"task_key": 5},
    {"args": [[[10**400]], [["number"]]]},
    {"args": [[[{"type": "FormattedNumber", "basicValue": 1e308}]], [["number"]]]},
    {"args": [[["\ud800"]], [["number"]]]},
    {"func_name": "PERF_\udfff"},
    {"args": [[[1], [1, 2]], [["number"]]]},
    {"args": [[], [["number"]]]},
]


def _a_malformed_function_call_is_a_4xx_in_chinese(app, js_body, change):
    body = {**js_body, **change}
    for key, value in change.items():
        if value is None and key in ("runtime", "client"):
            body.pop(key)
    status, _, out = asgi_request(
        app,
        "POST",
        "/xlwings/custom-functions-call",
        body=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    _assert_zh_4xx(status, out)


def test_a_malformed_function_call_is_a_4xx_in_chinese(app, js_body):
    _each1(
        _A_MALFORMED_FUNCTION_CALL_IS_A_4XX_IN_CHINESE_CASES,
        functools.partial(_a_malformed_function_call_is_a_4xx_in_chinese, app, js_body),
    )  # one test a list (fast22b)


_EDGES = st.sampled_from(
    [
        10**400,
        -(10**309),
        1e308,
        -0.0,
        5e-324,
        "\ud800",
        "\udc00x",
        "#DIV/0!",
        "",
        "≥1e400家",
        {"type": "Error", "basicValue": "#N/A"},
        {"type": "Double", "basicValue": 1e308},
    ]
)
_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | _EDGES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_KEYS = [
    "client",
    "func_name",
    "args",
    "caller_address",
    "session_id",
    "culture_info_name",
    "date_format",
    "version",
    "runtime",
    "task_key",
    "extra",
]


_NUMBERS_JSON_DOES_NOT_HAVE_ARE_REFUSED_CASES = [
    b'{"args": [[[1e400]], [["number"]]]}',
    b'{"args": [[[NaN]], [["number"]]]}',
    b'{"args": [[[-Infinity]], [["number"]]]}',
]


def _numbers_json_does_not_have_are_refused(app, js_body, raw):
    body = json.dumps({k: v for k, v in js_body.items() if k != "args"})[:-1].encode() + b", " + raw[1:]
    status, _, out = asgi_request(
        app, "POST", "/xlwings/custom-functions-call", body=body, headers={"content-type": "application/json"}
    )
    _assert_zh_4xx(status, out)


def test_numbers_json_does_not_have_are_refused(app, js_body):
    _each1(
        _NUMBERS_JSON_DOES_NOT_HAVE_ARE_REFUSED_CASES,
        functools.partial(_numbers_json_does_not_have_are_refused, app, js_body),
    )  # one test a list (fast22b)


_ACTIONS = st.sampled_from(["keep"] * 6 + ["drop", "set"])


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.fixed_dictionaries({k: st.tuples(_ACTIONS, _json) for k in _KEYS}),
    arg_edit=st.none() | st.tuples(st.integers(0, 2), _json),
)
def test_fuzzed_function_calls_never_give_a_5xx(app, js_body, edits, arg_edit):
    body = json.loads(json.dumps(js_body))
    for key, (action, value) in edits.items():
        if action == "drop":
            body.pop(key, None)
        elif action == "set":
            body[key] = value
    if arg_edit is not None and isinstance(body.get("args"), list) and body["args"]:
        i, value = arg_edit
        body["args"][i % len(body["args"])] = value
    status, _, out = asgi_request(
        app,
        "POST",
        "/xlwings/custom-functions-call",
        body=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    assert status < 500, (body, status, out[:300])
    if status >= 400:
        _assert_zh_4xx(status, out)


@pytest.fixture(scope="module")
def small_book() -> dict:
    payload = seed_payload()
    payload["sheets"] = payload["sheets"][:1]
    payload["sheets"][0]["values"] = payload["sheets"][0]["values"][:30]
    return payload


_BOOK_KEYS = ["client", "version", "book", "sheets", "names", "args", "extra"]


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(st.tuples(st.sampled_from(_BOOK_KEYS), _json), max_size=2),
    book_edits=st.lists(
        st.tuples(st.sampled_from(["name", "active_sheet_index", "selection", "x"]), _json), max_size=2
    ),
    sheet_edits=st.lists(
        st.tuples(st.sampled_from(["name", "values", "notes", "tables", "pictures", "shapes", "charts", "x"]), _json),
        max_size=2,
    ),
    cell=st.none() | _json,
)
def test_fuzzed_workbooks_never_give_a_5xx(app, small_book, edits, book_edits, sheet_edits, cell):
    body = json.loads(json.dumps(small_book))
    for key, value in edits:
        body[key] = value
    if isinstance(body.get("book"), dict):
        for key, value in book_edits:
            body["book"][key] = value
    sheets = body.get("sheets")
    if isinstance(sheets, list) and sheets and isinstance(sheets[0], dict):
        for key, value in sheet_edits:
            sheets[0][key] = value
        values = sheets[0].get("values")
        if cell is not None and isinstance(values, list) and values and isinstance(values[0], list) and values[0]:
            values[0][0] = cell
    status, _, out = asgi_request(
        app,
        "POST",
        "/xlwings/custom-scripts-call/clear",
        body=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    assert status < 500, (status, out[:300])
    if status >= 400:
        _assert_zh_4xx(status, out)
