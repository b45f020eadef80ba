"""`perfxl serve` as a command: a missing `server` extra is explained with the pip command, the
certificate folder is understood in the usual layouts, bad folders are explained, and `--certs`
really serves HTTPS (with a throwaway self-signed certificate) with an https manifest."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from server_helpers import REPO, LiveServer, server_env

from perfxl.errors import PerfxlError
from perfxl.serve.run import find_certs, is_loopback


def _run_cli(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO, env=server_env()
    )


@pytest.mark.slow
def test_missing_server_extra_says_how_to_install_it():
    proc = _run_cli(
        "import sys; sys.modules['xlwings_server'] = None; from perfxl.cli.main import run; "
        "sys.argv = ['perfxl', 'serve']; run()"
    )
    assert proc.returncode == 2
    assert 'pip install "perfxl[server]"' in proc.stderr and "xlwings_server" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_a_missing_certificate_folder_is_explained(tmp_path):
    proc = _run_cli(
        f"import sys; from perfxl.cli.main import run; "
        f"sys.argv = ['perfxl', 'serve', '--certs', {str(tmp_path / 'nope')!r}]; run()"
    )
    assert proc.returncode == 2 and "证书目录不存在" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("files", "cert", "key"),
    [
        (["cert.pem", "key.pem"], "cert.pem", "key.pem"),
        (["fullchain.pem", "privkey.pem", "chain.pem"], "fullchain.pem", "privkey.pem"),
        (["localhost+2.pem", "localhost+2-key.pem"], "localhost+2.pem", "localhost+2-key.pem"),
    ],
)
def test_certificate_pairs_are_found_by_their_usual_names(tmp_path, files, cert, key):
    for name in files:
        (tmp_path / name).write_text("x")
    pair = find_certs(tmp_path)
    assert (pair.certfile.name, pair.keyfile.name) == (cert, key)


def test_a_folder_without_a_pair_names_the_expected_files(tmp_path):
    (tmp_path / "server.crt").write_text("x")
    with pytest.raises(PerfxlError) as err:
        find_certs(tmp_path)
    assert "cert.pem" in err.value.message and "NAME-key.pem" in err.value.message


def test_loopback_addresses():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.1.2.3")


@pytest.fixture
def self_signed(tmp_path) -> Path:
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to make a test certificate")
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(tmp_path / "key.pem"),
            "-out",
            str(tmp_path / "cert.pem"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return tmp_path


@pytest.mark.slow
def test_certs_serve_https_and_an_https_manifest(self_signed):
    live = LiveServer("--certs", str(self_signed))
    base = live.base.replace("http://", "https://")
    context = ssl.create_default_context(cafile=str(self_signed / "cert.pem"))
    context.check_hostname = False  # the throwaway certificate names no host
    try:
        answered = False
        for _ in range(360):
            if live.proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(base + "/", context=context, timeout=5) as r:
                    answered = json.loads(r.read()) == {"status": "ok"}
                    break
            except OSError:
                time.sleep(0.5)
        assert answered, "the HTTPS server did not answer"
        with urllib.request.urlopen(base + "/manifest.xml", context=context, timeout=30) as r:
            manifest = r.read().decode()
        assert f'<SourceLocation DefaultValue="{base}/taskpane.html" />' in manifest
    finally:
        assert live.stop() == 0


@pytest.mark.slow
def test_a_folder_that_is_not_a_server_project_is_explained(tmp_path):
    proc = _run_cli(
        f"import sys; from perfxl.cli.main import run; "
        f"sys.argv = ['perfxl', 'serve', '--project', {str(tmp_path)!r}]; run()"
    )
    assert proc.returncode == 2 and "custom_functions/" in proc.stderr and "Traceback" not in proc.stderr
    assert "Ctrl+C" not in proc.stderr  # refused before announcing a server


@pytest.mark.slow
def test_a_bad_limit_in_the_environment_is_explained():
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from perfxl.cli.main import run; sys.argv = ['perfxl', 'serve']; run()"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env=server_env(PERFXL_SERVE_MAX_CELLS="many"),
    )
    assert proc.returncode == 2 and "PERFXL_SERVE_MAX_CELLS" in proc.stderr and "Traceback" not in proc.stderr


def test_the_default_project_is_inside_the_package_and_every_file_of_it_is_package_data(monkeypatch):
    """A plain wheel install serves the add-in: each project file matches a `perfxl.serve` package-data glob."""
    import glob
    import tomllib

    from perfxl.serve.app import DEFAULT_PROJECT, project_dir

    monkeypatch.delenv("PERFXL_SERVER_PROJECT", raising=False)
    package = DEFAULT_PROJECT.parent
    assert project_dir() == DEFAULT_PROJECT and package == (REPO / "perfxl" / "serve").resolve()
    patterns = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["perfxl.serve"]
    shipped = {
        Path(f).relative_to(package).as_posix()  # setuptools' own matching: glob(..., recursive=True)
        for pattern in patterns
        for f in glob.glob(str(package / pattern), recursive=True)
        if Path(f).is_file()
    }
    local_only = {".env", "certs", "__pycache__"}  # the project's .gitignore: settings and keys of one server
    project_files = {
        p.relative_to(package).as_posix()
        for p in DEFAULT_PROJECT.rglob("*")
        if p.is_file()
        and not local_only & set(p.relative_to(DEFAULT_PROJECT).parts)
        and p.suffix not in (".pem", ".pyc")
    }
    assert project_files - shipped == set()
    assert {
        "project/templates/manifest.xml",
        "project/templates/taskpane.html",
        "project/pyproject.toml",
        "project/custom_functions/__init__.py",
        "project/custom_scripts/__init__.py",
    } <= shipped
