"""xlwings Lite, the zero-install path (issue 15): perfxl's engine inside Pyodide, run under node.

The npm package `pyodide` (core only: interpreter + standard library) is installed into a cache
folder; Pyodide's own package CDN is unreachable here, so every wheel comes from a local folder,
installed with micropip (`emfs:` URLs, `deps=False`): the perfxl wheel, its pure-Python
dependencies from PyPI, python-calamine's pyemscripten wheel from PyPI, and xlwings' pure wheel
(which xlwings Lite itself provides). A core dependency that has neither a pure wheel nor a
pyemscripten wheel on PyPI must at least be in Pyodide's distribution (its lock file); such
packages could only come from the CDN and are named in the test output, not run.

Slow: skipped only when node is absent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: The Pyodide release the test runs (CPython 3.14, python-calamine 0.6.2 in its own distribution).
PYODIDE_NPM = "314.0.8"
PYODIDE_PYTHON = "3.14"
PYODIDE_PLATFORM = "pyemscripten_2026_0_wasm32"
MICROPIP = "micropip==0.11.1"
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
CACHE = Path(os.environ.get("PERFXL_TEST_CACHE", Path.home() / ".cache" / "perfxl-tests"))

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed: the Pyodide test runs under node"),
]


def _pip(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pip", *args, "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=cwd,
    )


@pytest.fixture(scope="module")
def pyodide_dir() -> Path:
    """node_modules/pyodide of PYODIDE_NPM, installed once into the cache folder."""
    prefix = CACHE / f"pyodide-{PYODIDE_NPM}"
    package = prefix / "node_modules" / "pyodide"
    if not (package / "pyodide.mjs").is_file():
        prefix.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(prefix),
                f"pyodide@{PYODIDE_NPM}",
            ],
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert proc.returncode == 0, proc.stderr
    return package


def _lock_packages(pyodide_dir: Path) -> dict[str, dict]:
    return json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))["packages"]


@pytest.fixture(scope="module")
def wheels(tmp_path_factory, pyodide_dir):
    """(folder of wheels for Pyodide, requirements that only Pyodide's CDN could provide)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    folder = tmp_path_factory.mktemp("lite-wheels")
    proc = _pip("wheel", "--no-deps", "-q", "-w", str(folder), str(REPO))
    assert proc.returncode == 0, proc.stderr
    (perfxl,) = folder.glob("perfxl-*.whl")
    with zipfile.ZipFile(perfxl) as zf:
        meta = Parser().parsestr(zf.read(next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))).decode())
    env = {
        "sys_platform": "emscripten",
        "platform_system": "Emscripten",
        "platform_machine": "wasm32",
        "os_name": "posix",
        "python_version": PYODIDE_PYTHON,
        "python_full_version": f"{PYODIDE_PYTHON}.2",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "extra": "",
    }
    core = [Requirement(r) for r in meta.get_all("Requires-Dist") or []]
    core = [r for r in core if r.marker is None or r.marker.evaluate(env)]
    lock = {canonicalize_name(k) for k in _lock_packages(pyodide_dir)}
    cdn_only = []
    for req in core:
        spec = str(req).split(";")[0].strip()
        got = _pip(
            "download",
            "-q",
            "--no-deps",
            "--only-binary=:all:",
            "--python-version",
            PYODIDE_PYTHON,
            "--platform",
            PYODIDE_PLATFORM,
            "--platform",
            "any",
            "-d",
            str(folder),
            spec,
        )
        if got.returncode != 0:
            assert canonicalize_name(req.name) in lock, f"{spec}: no Pyodide build anywhere (PyPI or Pyodide)"
            cdn_only.append(spec)
    for spec in (MICROPIP, "xlwings==" + _xlwings_pin()):
        got = _pip(
            "download",
            "-q",
            "--no-deps",
            "--only-binary=:all:",
            "--python-version",
            PYODIDE_PYTHON,
            "--platform",
            "any",
            "-d",
            str(folder),
            spec,
        )
        assert got.returncode == 0, got.stderr
    shutil.copy2(EXAMPLE, folder / EXAMPLE.name)
    shutil.copy2(REPO / "lite" / "main.py", folder / "lite_main.py")
    if cdn_only:
        print(f"not run under Pyodide (only on Pyodide's CDN, unreachable here): {', '.join(cdn_only)}")
    return folder, cdn_only


def _xlwings_pin() -> str:
    import tomllib

    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    return next(r for r in extras["excel"] if r.startswith("xlwings==")).split("==")[1]


PY_CODE = r"""
import json, os, sys
import micropip
wheels = sorted(f for f in os.listdir("/w") if f.endswith(".whl") and not f.startswith("micropip"))
for w in wheels:
    await micropip.install("emfs:/w/" + w, deps=False)

from perfxl.scoring import score_indicator
from perfxl.validate import validate_file
import python_calamine
row = score_indicator("增长12%", "11.8%", 10)
result = validate_file("/w/EXAMPLE")
lite = {}
exec(compile(open("/w/lite_main.py", encoding="utf-8").read(), "lite_main.py", "exec"), lite)
json.dumps({
    "platform": sys.platform, "python": sys.version.split()[0], "calamine": __import__("importlib.metadata").metadata.version("python-calamine"),
    "wheels": wheels, "score": str(row.score), "ok": result.ok, "error": result.error,
    "findings": sorted([f.code, f.sheet, f.cell, f.severity.name] for f in result.findings),
    "lite_exports": sorted(lite["__all__"]),
    "perf_score_in_lite": callable(lite.get("PERF_SCORE")),
})
"""

NODE_DRIVER = r"""
const [pyodideDir, wheelDir, codeFile] = process.argv.slice(2);
const { loadPyodide } = await import(pyodideDir + "/pyodide.mjs");
const fs = await import("node:fs");
const py = await loadPyodide({ indexURL: pyodideDir + "/" });
py.FS.mkdirTree("/w");
py.FS.mount(py.FS.filesystems.NODEFS, { root: wheelDir }, "/w");
const micropip = fs.readdirSync(wheelDir).find((f) => f.startsWith("micropip-"));
await py.loadPackage(wheelDir + "/" + micropip);
try {
  const out = await py.runPythonAsync(fs.readFileSync(codeFile, "utf8"));
  process.stdout.write("RESULT " + out + "\n");
} catch (e) {  // the Python traceback only (node would print the minified Pyodide source with it)
  process.stdout.write("PYERROR " + String(e.message || e).slice(-4000) + "\n");
  process.exit(3);
}
"""


@pytest.fixture(scope="module")
def in_pyodide(pyodide_dir, wheels, tmp_path_factory):
    folder, _ = wheels
    work = tmp_path_factory.mktemp("node")
    (work / "driver.mjs").write_text(NODE_DRIVER, encoding="utf-8")
    (work / "code.py").write_text(PY_CODE.replace("EXAMPLE", EXAMPLE.name), encoding="utf-8")
    proc = subprocess.run(
        ["node", str(work / "driver.mjs"), str(pyodide_dir), str(folder), str(work / "code.py")],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] or proc.stderr[-2000:]
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def test_runs_inside_pyodide_with_calamine_from_a_local_wheel(in_pyodide):
    assert in_pyodide["platform"] == "emscripten"
    assert in_pyodide["python"].startswith(PYODIDE_PYTHON)
    assert any(w.startswith("python_calamine-") and PYODIDE_PLATFORM in w for w in in_pyodide["wheels"])


def test_scores_a_row_as_cpython_does(in_pyodide):
    from perfxl.scoring import score_indicator

    assert in_pyodide["score"] == str(score_indicator("增长12%", "11.8%", 10).score)


def test_validates_the_seed_workbook_with_the_same_findings_as_cpython(in_pyodide):
    from perfxl.validate import validate_file

    here = validate_file(EXAMPLE)
    assert in_pyodide["ok"], in_pyodide["error"]
    assert in_pyodide["findings"] == sorted([f.code, f.sheet, f.cell, f.severity.name] for f in here.findings)
    assert in_pyodide["findings"]


def test_lite_main_exports_the_functions_and_scripts(in_pyodide):
    from perfxl.excel import udfs

    assert set(udfs.__all__) | {"perfxl_validate", "perfxl_score", "perfxl_clear"} == set(in_pyodide["lite_exports"])
    assert in_pyodide["perf_score_in_lite"]


def test_every_core_dependency_has_a_pyodide_build(wheels, pyodide_dir):
    """Checked in the fixture: each core requirement (under emscripten markers) came from PyPI as a
    pure or pyemscripten wheel, or is in Pyodide's own distribution. Here: the CDN-only ones are
    exactly the ones the docs name (none today)."""
    _, cdn_only = wheels
    text = (REPO / "docs" / "server.md").read_text(encoding="utf-8")
    for spec in cdn_only:
        assert spec.split(">")[0].split("=")[0] in text


def test_requirements_txt_has_no_placeholder_url():
    lines = [ln.strip() for ln in (REPO / "lite" / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    entries = [ln for ln in lines if ln and not ln.startswith("#")]
    assert not [e for e in entries if "example" in e]
    assert any(e.startswith("xlwings==" + _xlwings_pin()) for e in entries) or any(
        e.startswith("perfxl") for e in entries
    )
