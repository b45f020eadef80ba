"""`perfxl validate` without typer (perfxl.cli.fast): the same output and exit code as the typer
command for the arguments it takes, and typer for everything else."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfxl.cli.fast import parse_validate_args, try_fast
from perfxl.cli.main import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


def via_typer(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", *args])
    return result.exit_code, result.stdout


def via_fast(args: list[str], capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = try_fast(["validate", *args])
    out = capsys.readouterr()
    assert code is not None, "the fast path should have taken these arguments"
    return code, out.out, out.err


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "json"],
        ["-f", "json", "--select", "S08", "--fail-on", "warning"],
        ["--format=csv", "--ignore", "F04,S01"],
        ["--format", "json", "--fail-on", "never", "-p", "national"],
    ],
)
def test_same_report_and_exit_code_as_typer(args, capsys):
    full = [str(EXAMPLE), *args]
    code, out, _ = via_fast(full, capsys)
    assert (code, out.replace("\r\n", "\n")) == via_typer(full)  # click's test runner turns CRLF into LF
    if "json" in args:
        codes = {f["code"] for f in json.loads(out)["files"][0]["findings"]}
        assert codes  # the seed example has findings (F04, S01 … unless selected away)


def test_bad_arguments_and_missing_files_exit_2_with_the_same_message(tmp_path, capsys):
    code, out, err = via_fast([str(EXAMPLE), "--format", "pdf"], capsys)
    assert code == 2 and "--format" in err and out == ""
    missing = tmp_path / "missing.xlsx"
    code, out, _ = via_fast([str(missing), "--format", "json"], capsys)
    assert code == 2
    assert json.loads(out)["files"][0]["error"]["code"] == "FILE_NOT_FOUND"
    assert via_typer([str(missing), "--format", "json"])[0] == 2


def test_report_to_a_file_refuses_to_clobber_without_force(tmp_path, capsys):
    out_file = tmp_path / "r.json"
    assert via_fast([str(EXAMPLE), "-f", "json", "-o", str(out_file)], capsys)[0] == 1
    assert json.loads(out_file.read_text(encoding="utf-8"))["files"][0]["findings"]
    code, _, err = via_fast([str(EXAMPLE), "-f", "json", "-o", str(out_file)], capsys)
    assert code == 2 and "--force" in err
    assert via_fast([str(EXAMPLE), "-f", "json", "-o", str(out_file), "--force"], capsys)[0] == 1


@pytest.mark.parametrize(
    "args",
    [
        [],  # no path: typer prints its usage error
        ["--help"],
        [str(EXAMPLE), "--unknown"],
        [str(EXAMPLE), "-pnational"],  # attached short value: left to click
        [str(EXAMPLE), "--profile"],  # missing value
        [str(EXAMPLE), "--profile", "--force"],
        ["--", str(EXAMPLE)],
        ["-", str(EXAMPLE)],
        [str(EXAMPLE), "--force=yes"],
    ],
)
def test_anything_unusual_is_left_to_typer(args):
    assert parse_validate_args(args) is None
    assert try_fast(["validate", *args]) is None


def test_other_commands_are_left_to_typer():
    assert try_fast(["score", "--help"]) is None
    assert try_fast([]) is None


def test_options_are_parsed_like_click():
    kwargs = parse_validate_args(["a.xlsx", "-p", "hunan", "--select", "F", "--select=S01", "b.xlsx",
                                  "--format=json", "--force", "-o", "out.json"])
    assert kwargs == {"paths": [Path("a.xlsx"), Path("b.xlsx")], "profile": "hunan", "select": ["F", "S01"],
                      "fmt": "json", "force": True, "output": Path("out.json")}


def test_the_console_command_does_not_import_typer_or_pydantic():
    code = ("import sys; sys.argv = ['perfxl', 'validate', sys.argv[1], '--format', 'json']\n"
            "from perfxl.cli.main import run\n"
            "try:\n    run()\nexcept SystemExit as exc:\n"
            "    heavy = sorted(m for m in ('typer', 'pydantic', 'click', 'rich', 'openpyxl', 'pandas') if m in sys.modules)\n"
            "    print(exc.code, heavy, file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True, timeout=120)
    assert proc.stderr.strip().splitlines()[-1] == "1 []", proc.stderr
    assert json.loads(proc.stdout)["files"][0]["findings"]
