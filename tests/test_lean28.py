"""lean28: one `Limits` for every bound perfxl puts on an input (issue 14, "one of each": the guard's file limits and
the add-in server's request limits were two classes). Each setting is read from its `PERFXL_<FIELD>` variable and
acts where it should (a file refused, a text left unread, a request refused); a bad value is refused with a message
naming the variable, before any file is read; the names callers used before stay the one class; the docs list each."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import fields
from pathlib import Path

import pytest

import perfxl.io.guard
import perfxl.serve
import perfxl.serve.payload
from perfxl.errors import UnreadableWorkbook
from perfxl.limits import Limits

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "workbooks" / "perfxl-standard.xlsx"
NAMES = [f.name for f in fields(Limits)]


def test_the_earlier_import_paths_give_the_one_class():
    assert perfxl.io.guard.Limits is Limits
    assert perfxl.serve.Limits is Limits
    assert perfxl.serve.payload.Limits is Limits
    assert {"serve_max_cells", "serve_max_body_bytes", "max_file_bytes", "max_text_chars"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_setting_is_read_from_its_variable(name):
    default = getattr(Limits(), name)
    variable = f"PERFXL_{name.upper()}"
    assert getattr(Limits.from_env({variable: str(default + 7)}), name) == default + 7
    assert getattr(Limits.from_env({variable: f" {default + 1:_} "}), name) == default + 1  # "1_000", spaces
    assert getattr(Limits.from_env({variable: ""}), name) == default  # an empty variable is unset
    others = {f"PERFXL_{n.upper()}": "3" for n in NAMES if n != name}
    assert getattr(Limits.from_env(others), name) == default  # no other variable sets it


def test_the_server_variables_keep_their_meaning_and_the_cli_override_wins():
    env = {"PERFXL_SERVE_MAX_CELLS": "1234", "PERFXL_SERVE_MAX_BODY_BYTES": "4096"}
    limits = Limits.from_env(env)
    assert (limits.serve_max_cells, limits.serve_max_body_bytes) == (1234, 4096)
    assert limits.max_file_bytes == Limits().max_file_bytes  # the file limits untouched
    assert Limits.from_env(env, serve_max_cells=99).serve_max_cells == 99  # `perfxl serve --max-cells 99`
    assert Limits.from_env(env, serve_max_cells=None).serve_max_cells == 1234  # option not given


@pytest.mark.parametrize("raw", ["abc", "0", "-5", "1.5", "12 MB"])
@pytest.mark.parametrize("variable", ["PERFXL_MAX_FILE_BYTES", "PERFXL_SERVE_MAX_CELLS", "PERFXL_SERVE_MAX_BODY_BYTES"])
def test_a_bad_value_is_refused_naming_the_variable(variable, raw):
    with pytest.raises(ValueError) as info:
        Limits.from_env({variable: raw})
    message = str(info.value)
    assert message.startswith(f"{variable} 应为正整数，收到 {raw!r}")
    assert f"{variable} must be a positive whole number" in message


def test_a_bad_pair_or_override_is_refused():
    with pytest.raises(ValueError, match="unknown limit 'max_cels'"):
        Limits().with_pairs(["max_cels=1"])
    with pytest.raises(ValueError, match="limit serve_max_cells 应为正整数"):
        Limits.from_env({}, serve_max_cells=0)
    assert Limits.from_pairs(["serve-max-cells=10"]).serve_max_cells == 10


def test_the_file_limit_from_the_environment_refuses_the_file(monkeypatch):
    monkeypatch.setenv("PERFXL_MAX_FILE_BYTES", "100")
    with pytest.raises(UnreadableWorkbook) as info:
        perfxl.io.guard.check_file(SEED)
    assert info.value.code == "FILE_TOO_LARGE" and "PERFXL_MAX_FILE_BYTES" in info.value.message
    assert "超过上限 100 字节" in info.value.message  # not "0 MB" (a lowered limit is said in bytes)
    monkeypatch.setenv("PERFXL_MAX_FILE_BYTES", "")
    assert perfxl.io.guard.check_file(SEED).value == "xlsx"


def test_the_text_bound_from_the_environment_leaves_a_text_unread(monkeypatch):
    from perfxl.document.facts import readable

    text = "完成率达到95%，满意度90%。"
    assert readable(text)
    monkeypatch.setenv("PERFXL_MAX_TEXT_CHARS", "10")
    assert not readable(text)
    monkeypatch.setenv("PERFXL_MAX_TEXT_CHARS", "100")
    monkeypatch.setenv("PERFXL_MAX_TEXT_FIGURES", "1")
    assert not readable(text)


def test_the_request_cell_limit_from_the_environment_refuses_a_request():
    from perfxl.excel.replay import payload_from_file
    from perfxl.serve.payload import check_script_payload

    payload = payload_from_file(str(ROOT / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"))
    cells = sum(len(row) for s in payload["sheets"] for row in s["values"])
    assert check_script_payload(payload, Limits.from_env({"PERFXL_SERVE_MAX_CELLS": str(cells)})) is None
    problem = check_script_payload(payload, Limits.from_env({"PERFXL_SERVE_MAX_CELLS": str(cells - 1)}))
    assert problem is not None and (problem.status, problem.code) == (413, "TOO_MANY_CELLS")
    assert "PERFXL_SERVE_MAX_CELLS" in problem.message and f"{cells - 1:,}" in problem.message


def _post(limits: Limits, body: bytes) -> tuple[int, dict, bool]:
    """POST `body` to the function endpoint through the request guard; (status, JSON body, inner app reached)."""
    from server_helpers import asgi_request

    from perfxl.serve.guard import PayloadGuard

    reached: list[bool] = []

    async def inner(scope, receive, send):
        reached.append(True)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    guard = PayloadGuard(inner, functions={}, scripts={}, limits=limits)
    headers = {"content-type": "application/json"}
    status, _, out = asgi_request(guard, "POST", "/xlwings/custom-functions-call", headers=headers, body=body)
    return status, json.loads(out), bool(reached)


def test_the_body_limit_from_the_environment_refuses_a_request_unread():
    body = json.dumps({"client": "x" * 200}).encode()
    status, answer, reached = _post(Limits.from_env({"PERFXL_SERVE_MAX_BODY_BYTES": "100"}), body)
    assert (status, answer["code"], reached) == (413, "TOO_LARGE", False)
    assert "PERFXL_SERVE_MAX_BODY_BYTES" in answer["detail"] and "100" in answer["detail"]
    status, answer, _ = _post(Limits.from_env({"PERFXL_SERVE_MAX_BODY_BYTES": str(len(body))}), body)
    assert answer.get("code") != "TOO_LARGE"  # within the limit: read and checked (refused for its content)


def test_validate_refuses_a_bad_limit_once_before_any_file(monkeypatch, tmp_path, capsys):
    from perfxl.cli.validate_run import run_validate

    out = tmp_path / "r.json"
    monkeypatch.setenv("PERFXL_MAX_FILE_BYTES", "abc")
    assert run_validate([SEED], fmt="json", output=out) == 2
    err = capsys.readouterr().err
    assert "错误：设置有误：PERFXL_MAX_FILE_BYTES 应为正整数，收到 'abc'" in err and "INTERNAL_ERROR" not in err
    assert not out.exists()
    monkeypatch.setenv("PERFXL_MAX_FILE_BYTES", "")  # empty: unset, the file is read
    assert run_validate([SEED], fmt="json", output=out) in (0, 1)
    assert json.loads(out.read_text(encoding="utf-8"))["totals"]["unreadable"] == 0


def test_batch_refuses_a_bad_limit_before_any_file(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from perfxl.cli.main import app

    shutil.copy(SEED, tmp_path / "a.xlsx")
    monkeypatch.setenv("PERFXL_SERVE_MAX_BODY_BYTES", "-1")
    res = CliRunner().invoke(app, ["batch", str(tmp_path / "a.xlsx"), "-o", str(tmp_path / "out")])
    assert res.exit_code == 2, res.output
    assert "PERFXL_SERVE_MAX_BODY_BYTES 应为正整数" in res.output
    assert not (tmp_path / "out").exists()


def test_the_docs_list_every_limit_once():
    text = (ROOT / "docs" / "bad-inputs.md").read_text(encoding="utf-8")
    section = text[text.index("### Limits") : text.index("### Memory and time, measured")]
    rows = re.findall(r"^\| `([a-z_]+)` \|", section, re.M)
    assert sorted(rows) == sorted(NAMES)
