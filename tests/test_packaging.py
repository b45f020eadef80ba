"""The release wheel (issue 15): `python -m build` makes a wheel that carries everything a user runs,
installs into a fresh venv outside the checkout, and `perfxl demo`, `perfxl template` and
`perfxl serve` work from an empty folder. Packaging metadata: one xlwings pin, SPDX licence, the UDF
package installed under a distinct name (never a generic top-level `udfs`), no missing package data.

The slow tests build with `python -m build` (sdist, then the wheel from the sdist, as a release does)
and install from the normal package index (pip's cache makes a re-run quick).
"""

from __future__ import annotations

import fnmatch
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
import venv
import zipfile
from pathlib import Path

import pytest
from server_helpers import free_port, function_body, server_env

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _requirement_name(req: str) -> str:
    return re.split(r"[\s<>=!~;\[]", req, maxsplit=1)[0].lower()


# ---------------------------------------------------------------- metadata (fast)


def test_one_xlwings_pin_the_excel_extra_and_dev_uses_it():
    extras = PYPROJECT["project"]["optional-dependencies"]
    pins = [r for r in extras["excel"] if _requirement_name(r) == "xlwings"]
    assert len(pins) == 1 and re.fullmatch(r"xlwings==\d+(\.\d+)+", pins[0].split(";")[0].strip())
    for name, reqs in extras.items():
        if name != "excel":
            assert not [r for r in reqs if _requirement_name(r) == "xlwings"], f"extra {name!r} pins xlwings itself"
    assert any(re.fullmatch(r"perfxl\[([a-z,]+,)?excel(,[a-z,]+)?\]", r.replace(" ", "")) for r in extras["dev"])


def test_licence_is_an_spdx_expression_and_the_build_backend_understands_it():
    assert PYPROJECT["project"]["license"] == "MIT"
    floor = next(r for r in PYPROJECT["build-system"]["requires"] if _requirement_name(r) == "setuptools")
    assert tuple(int(x) for x in re.search(r">=(\d+)", floor).group(1).split(".")) >= (77,)


def test_no_core_dependency_is_dropped_under_pyodide_when_pyodide_builds_it():
    """xlwings Lite: python-calamine is in Pyodide (0.29+, 314) and on PyPI as pyemscripten wheels."""
    calamine = [r for r in PYPROJECT["project"]["dependencies"] if _requirement_name(r) == "python-calamine"]
    assert calamine and "emscripten" not in calamine[0]


# ---------------------------------------------------------------- the built wheel (slow)


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(REPO)], capture_output=True, text=True, timeout=900
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def wheel(dist) -> Path:
    (whl,) = dist.glob("perfxl-*-py3-none-any.whl")
    return whl


def _names(whl: Path) -> list[str]:
    with zipfile.ZipFile(whl) as zf:
        return zf.namelist()


@pytest.mark.slow
def test_wheel_installs_perfxl_and_a_distinct_udf_package_only(wheel):
    tops = {n.split("/")[0] for n in _names(wheel) if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"perfxl", "perfxl_udfs"}


@pytest.mark.slow
def test_every_package_data_pattern_ships_a_file(wheel):
    """A pattern naming nothing (the old `data/*`) means a file the code expects is not shipped."""
    names = _names(wheel)
    for package, patterns in PYPROJECT["tool"]["setuptools"]["package-data"].items():
        root = package.replace(".", "/")
        for pattern in patterns:
            full = f"{root}/{pattern}"
            hits = [n for n in names if fnmatch.fnmatch(n, full) or fnmatch.fnmatch(n, full.replace("**/", ""))]
            assert hits, f"package-data {package}: {pattern!r} ships nothing"


@pytest.mark.slow
def test_wheel_carries_the_workbooks_the_add_in_and_the_report_templates(wheel):
    names = set(_names(wheel))
    with zipfile.ZipFile(wheel) as zf:
        for rel in ("perfxl-standard.xlsx", "perfxl-standard.xlsm", "examples/longhui-2023-kegongxin.xlsx"):
            assert zf.read(f"perfxl/data/{rel}") == (REPO / "workbooks" / rel).read_bytes(), rel
    for rel in (
        "templates/manifest.xml",
        "templates/taskpane.html",
        "static/js/main.js",
        "pyproject.toml",
        "custom_functions/__init__.py",
        "custom_scripts/__init__.py",
    ):
        assert f"perfxl/serve/project/{rel}" in names, rel
    for path in (REPO / "perfxl" / "report" / "templates").glob("*.j2"):
        assert f"perfxl/report/templates/{path.name}" in names
    for path in (REPO / "perfxl" / "report" / "static").iterdir():
        assert f"perfxl/report/static/{path.name}" in names


@pytest.mark.slow
def test_the_xlsm_in_the_wheel_names_the_udf_package_the_wheel_installs(wheel):
    from python_calamine import CalamineWorkbook

    with zipfile.ZipFile(wheel) as zf:
        xlsm = zf.read("perfxl/data/perfxl-standard.xlsm")
        names = zf.namelist()
    conf = {
        r[0]: r[1]
        for r in CalamineWorkbook.from_filelike(io.BytesIO(xlsm)).get_sheet_by_name("xlwings.conf").to_python()
        if r and r[0]
    }
    module = conf["UDF Modules"]
    assert module.split(".")[0] == "perfxl_udfs" and f"{module.replace('.', '/')}/__init__.py" in names
    from oletools.olevba import VBA_Parser

    code = {name: text for _, _, name, text in VBA_Parser("perfxl-standard.xlsm", data=xlsm).extract_macros()}
    calls = set(re.findall(r'XLPy\.CallUDF\("([^"]+)"', code["xlwings_udfs.bas"]))
    assert calls == {module}  # the generated wrappers call the installed package


# ---------------------------------------------------------------- installed in a fresh venv (slow)


def _clean_env(**extra: str) -> dict[str, str]:
    """No trace of the checkout or of .venv: the installed wheel must stand on its own."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A venv outside the checkout with `perfxl[server]` from the wheel (dependencies from the index)."""
    home = tmp_path_factory.mktemp("venv")
    assert REPO not in home.parents
    venv.create(home, with_pip=True)
    py = home / "bin" / "python"
    proc = subprocess.run(
        [str(py), "-m", "pip", "install", "-q", f"{wheel}[server]"],
        capture_output=True,
        text=True,
        timeout=1200,
        env=_clean_env(),
        cwd=home,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    where = subprocess.run(
        [str(py), "-c", "import perfxl, perfxl_udfs; print(perfxl.__file__); print(perfxl_udfs.__file__)"],
        capture_output=True,
        text=True,
        env=_clean_env(),
        cwd=home,
        timeout=120,
    )
    for line in where.stdout.split():
        assert Path(line).is_relative_to(home), line
    return home


@pytest.mark.slow
def test_demo_from_an_empty_folder_writes_the_annotated_copy_and_report(installed, tmp_path):
    import openpyxl

    from perfxl.model import a1, parse_a1

    work = tmp_path / "空文件夹"
    work.mkdir()
    perfxl = installed / "bin" / "perfxl"
    proc = subprocess.run(
        [str(perfxl), "demo"], capture_output=True, text=True, cwd=work, env=_clean_env(), timeout=600
    )
    assert proc.returncode in (0, 1), proc.stderr
    shown = re.search(r"示例：(.+)", proc.stdout).group(1).strip()
    example = Path(shown)
    assert example.is_relative_to(installed) and example.parts[-3:] == (
        "data",
        "examples",
        "longhui-2023-kegongxin.xlsx",
    )

    out = work / "perfxl-demo"
    annotated = out / "longhui-2023-kegongxin.校验.xlsx"
    report = (out / "report.html").read_text(encoding="utf-8")

    listing = subprocess.run(
        [str(perfxl), "validate", str(example), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=work,
        env=_clean_env(),
        timeout=600,
    )
    (file_report,) = json.loads(listing.stdout)["files"]
    findings = [f for f in file_report["findings"] if f.get("sheet") and f.get("cell")]
    assert findings, "the seed example has findings"
    book = openpyxl.load_workbook(annotated)
    for f in findings:
        anchor = f.get("anchor") or f["cell"].split(":")[0]
        r, c = parse_a1(anchor)
        assert book[f["sheet"]][a1(r, c)].comment is not None, (f["code"], f["sheet"], anchor)
        assert f["code"] in report


@pytest.mark.slow
def test_template_from_an_empty_folder(installed, tmp_path):
    import openpyxl

    proc = subprocess.run(
        [str(installed / "bin" / "perfxl"), "template", "-o", "自评表.xlsx"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_clean_env(),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    sheets = openpyxl.load_workbook(tmp_path / "自评表.xlsx").sheetnames
    assert "部门整体支出绩效自评表" in sheets and "项目支出绩效自评表" in sheets


@pytest.mark.slow
def test_serve_answers_a_perf_score_call_and_stops(installed, tmp_path):
    from perfxl.scoring import score_indicator

    port = free_port()
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    proc = subprocess.Popen(
        [str(installed / "bin" / "perfxl"), "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=tmp_path,
        env=_clean_env(**server_env()),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text(encoding="utf-8")
            try:
                with urllib.request.urlopen(base + "/manifest.xml", timeout=5) as r:
                    manifest = r.read().decode("utf-8")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.5)
        assert "绩效自评" in manifest
        body = json.dumps(function_body("PERF_SCORE", [["增长12%"]], [["11.8%"]], [[10]], [[None]], [[None]])).encode()
        req = urllib.request.Request(
            base + "/xlwings/custom-functions-call",
            data=body,
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=120) as r:
            answer = json.loads(r.read())
        assert answer["result"] == [[float(score_indicator("增长12%", "11.8%", 10).score)]]
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
        log.close()
    assert proc.returncode is not None
