"""`perfxl score`: printed score and explanation, --json, --profile, exit 2 on bad input.

Most cases run the typer app in-process (CliRunner keeps stdout and stderr apart); two run the real
console entry point in a fresh interpreter to pin the process exit code and the absence of tracebacks.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from perfxl.cli.main import app


def perfxl(*args: str) -> SimpleNamespace:
    """Invoke `perfxl ARGS` in-process; returncode/stdout/stderr like a finished process."""
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return SimpleNamespace(returncode=result.exit_code, stdout=result.stdout, stderr=result.stderr)


def perfxl_process(*args: str) -> subprocess.CompletedProcess:
    """Run the console entry point (perfxl.cli.main:run) in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from perfxl.cli.main import run; sys.argv[0] = 'perfxl'; run()", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.mark.slow
def test_real_process_prints_the_seed_score():
    done = perfxl_process("score", "增长12%", "11.8%", "10")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["9.83", "实际 11.8% < 目标 12%，按比例 11.8/12×10 = 9.83"]


@pytest.mark.slow
def test_real_process_unit_mismatch_exits_2():
    done = perfxl_process("score", "12家", "246亿元", "10")
    assert done.returncode == 2 and done.stdout == ""
    assert "计量单位不一致" in done.stderr and "unit mismatch" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args,score,explanation_part",
    [
        (("≥12家", "20家", "10"), "10", "实际 20家 ≥ 目标 12家，得满分 10"),
        (("增长12%", "11.8%", "10"), "9.83", "实际 11.8% < 目标 12%，按比例 11.8/12×10 = 9.83"),
        (("≤4万元/家", "5万元/家", "10"), "8", "按比例 4/5×10 = 8"),
        (("≤4万元/家", "5万元/家", "10", "--method", "reverse_linear2A"), "7.5", "线性递减"),
        (("效果明显", "部分达成预期指标", "10", "--profile", "hubei"), "6.5", "[5, 8)"),
    ],
)
def test_score_prints_score_then_explanation(args, score, explanation_part):
    done = perfxl("score", *args)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == score
    assert explanation_part in lines[1]
    assert done.stderr == ""


def test_reverse_score_follows_the_profile(tmp_path):
    f = tmp_path / "linear.toml"
    f.write_text('name = "linear"\n[scoring]\nreverse = "linear2A"\n', encoding="utf-8")
    done = perfxl("score", "≤4万元/家", "5万元/家", "10", "--profile", str(f))
    assert done.returncode == 0 and done.stdout.splitlines()[0] == "7.5"


def test_json_output():
    done = perfxl("score", "增长12%", "11.8%", "10", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"score", "method", "explanation", "target", "actual"} <= set(data)
    assert (data["score"], data["method"]) == ("9.83", "positive")
    assert data["target"]["kind"] == "growth" and data["target"]["number"] == "12"
    assert data["actual"] == {**data["actual"], "kind": "percent", "number": "11.8", "unit": "%"}


def test_unit_mismatch_exits_2_with_zh_and_en_message():
    done = perfxl("score", "12家", "246亿元", "10")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "计量单位不一致" in done.stderr and "unit mismatch" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args,part",
    [
        (("≥12家", "很多", "10"), "不是数值"),
        (("≥12家", "20家", "ten"), "分值"),
        (("≥12家", "20家", "10", "--profile", "atlantis"), "找不到配置"),
        (("≥12家", "20家", "10", "--method", "sideways"), "未知的计分方法"),
    ],
)
def test_bad_input_exits_2_without_traceback(args, part):
    done = perfxl("score", *args)
    assert done.returncode == 2
    assert part in done.stderr and "Traceback" not in done.stderr


def test_json_error_still_exits_2():
    done = perfxl("score", "12家", "246亿元", "10", "--json")
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"].startswith("计量单位不一致")


# ---------------------------------------------------------------- a console that cannot show Chinese


CP1252_COMMANDS = [
    ["score", "≥12家", "20家", "10"],
    ["validate", "{example}"],
    ["validate", "{example}", "--format", "json"],
    ["rules"],
    ["--help"],
    ["demo", "--out", "{tmp}/demo"],
    ["batch", "{example}", "-o", "{tmp}/out", "--jobs", "1", "--no-reports"],
]


@pytest.mark.slow
@pytest.mark.parametrize("args", CP1252_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_cp1252_console_gets_replacement_characters_never_a_traceback(tmp_path, args):
    """An English Windows with redirected output: PYTHONIOENCODING=cp1252 (no Chinese characters)."""
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parent.parent
    example = repo / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
    argv = [a.format(example=example, tmp=tmp_path) for a in args]
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONPATH": str(repo)}
    done = subprocess.run(
        [sys.executable, "-c", "from perfxl.cli.main import run; run()", *argv],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=300,
    )
    out, err = done.stdout.decode("cp1252"), done.stderr.decode("cp1252")
    assert "Traceback" not in err and "UnicodeEncodeError" not in out + err, err
    assert "\\u" not in out + err  # no escaped garbage either
    assert done.returncode in (0, 1, 2) and (out or err)
    if args[0] == "score":
        assert done.returncode == 0 and out.splitlines()[0] == "10"
    if args[0] == "demo":  # files stay UTF-8 whatever the console
        assert "隆回县" in (tmp_path / "demo" / "report.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- profiles read the same way by every command

runner = CliRunner()
ENGINE_DOC = Path(__file__).resolve().parent.parent / "docs" / "engine.md"


def _doc_profile(tmp_path: Path) -> Path:
    """The custom-profile example of docs/engine.md, written out as the page tells a user to."""
    text = ENGINE_DOC.read_text(encoding="utf-8")
    block = text[text.index("```toml\n# my-county.toml") + len("```toml\n") :]
    path = tmp_path / "my-county.toml"
    path.write_text(block[: block.index("```")], encoding="utf-8")
    return path


def test_the_profile_example_of_the_engine_doc_works_in_validate_and_score(tmp_path):
    repo = Path(__file__).resolve().parent.parent
    example = repo / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
    profile = str(_doc_profile(tmp_path))
    res = runner.invoke(app, ["validate", str(example), "--profile", profile, "--format", "json"])
    assert res.exit_code in (0, 1), res.output
    res = runner.invoke(app, ["score", "≥12家", "20家", "10", "--profile", profile])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize(
    "body, key",
    [
        ("[checks.FUND_LOW_RATE]\nthreshold = 0.9\n", "checks.FUND_LOW_RATE"),
        ("[checks.F07]\nthreshhold = 80\n", "checks.F07.threshhold"),
    ],
)
def test_score_refuses_a_check_setting_validate_refuses(tmp_path, body, key):
    profile = tmp_path / "bad.toml"
    profile.write_text(f'name = "bad"\nextends = "national"\n{body}', encoding="utf-8")
    res = runner.invoke(app, ["score", "≥12家", "20家", "10", "--profile", str(profile)])
    assert res.exit_code == 2 and key in res.output, res.output
    repo = Path(__file__).resolve().parent.parent
    example = repo / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
    res = runner.invoke(app, ["validate", str(example), "--profile", str(profile)])
    assert res.exit_code == 2 and key in res.output, res.output
