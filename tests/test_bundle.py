"""`perfxl bundle windows` (issue 15): an offline installer folder for Windows x64, Python 3.11–3.13.

The slow tests build one real bundle (pip downloads from the package index) and check, with pip
itself and with no configured index or find-links, that `perfxl[excel]` resolves from the bundle
alone for each Python; that the Windows-only dependencies pip skips on Linux (pywin32 for xlwings)
are there; that the .xlsm is shipped and its embedded xlwings version is the one the install script
checks; and that the scripts are CRLF and GBK (read by cmd.exe in code page 936 on a Chinese PC).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest

from perfxl.bundle import (
    BAT_ENCODING,
    INSTALL_BAT,
    PYTHON_VERSIONS,
    README_TXT,
    UNINSTALL_BAT,
    WHEELS_DIR,
    WORKBOOK,
    encode_bat,
    install_bat,
    offline_env,
)

REPO = Path(__file__).resolve().parent.parent
PERFXL = Path(sys.executable).with_name("perfxl")


def _bundle_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PERFXL), "bundle", "windows", *args], capture_output=True, text=True, cwd=cwd, timeout=1800
    )


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("bundle")
    proc = _bundle_cli("-o", "安装包", cwd=work)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "已生成离线安装包" in proc.stdout
    return work / "安装包"


def _xlsm_xlwings_version_by_oletools(path: Path) -> str:
    from oletools.olevba import VBA_Parser

    code = {name: text for _, _, name, text in VBA_Parser(str(path)).extract_macros()}
    return re.search(r"^'Version: (\S+)", code["xlwings.bas"], re.M).group(1)


# ---------------------------------------------------------------- resolution from the bundle alone


@pytest.mark.slow
@pytest.mark.parametrize("python", PYTHON_VERSIONS)
def test_perfxl_excel_resolves_from_the_bundle_alone(bundle, python, tmp_path):
    report = tmp_path / "report.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--dry-run",
            "--no-index",
            "--find-links",
            str(bundle / WHEELS_DIR),
            "--platform",
            "win_amd64",
            "--only-binary",
            ":all:",
            "--python-version",
            python,
            "--target",
            str(tmp_path / "target"),
            "--report",
            str(report),
            "-q",
            "perfxl[excel]",
        ],
        capture_output=True,
        text=True,
        env=offline_env(),
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    installs = json.loads(report.read_text(encoding="utf-8"))["install"]
    names = {i["metadata"]["name"].lower(): i for i in installs}
    assert {"perfxl", "xlwings", "python-calamine", "openpyxl"} <= set(names)
    workbook_version = _xlsm_xlwings_version_by_oletools(bundle / WORKBOOK)
    assert names["xlwings"]["metadata"]["version"] == workbook_version
    for item in installs:
        assert Path(url2pathname(urlparse(item["download_info"]["url"]).path)).parent == bundle / WHEELS_DIR


@pytest.mark.slow
@pytest.mark.parametrize("python", PYTHON_VERSIONS)
def test_windows_only_dependencies_are_in_the_bundle(bundle, python):
    """pip on Linux evaluates `platform_system == "Windows"` as false and skips pywin32; xlwings on
    Windows cannot start without it."""
    tag = "cp" + python.replace(".", "")
    wheels = {p.name for p in (bundle / WHEELS_DIR).iterdir()}
    (xlwings,) = [w for w in wheels if w.startswith("xlwings-") and f"-{tag}-" in w and w.endswith("win_amd64.whl")]
    with zipfile.ZipFile(bundle / WHEELS_DIR / xlwings) as zf:
        meta = zf.read(next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))).decode()
    windows_deps = re.findall(r"^Requires-Dist: ([A-Za-z0-9_.-]+)[^;\n]*; platform_system == \"Windows\"", meta, re.M)
    assert "pywin32" in windows_deps
    for dep in windows_deps:
        prefix = dep.lower().replace("-", "_") + "-"
        assert any(
            w.lower().startswith(prefix) and (f"-{tag}-" in w or "-py3-none-any" in w or "py2.py3" in w) for w in wheels
        ), f"{dep} for Python {python}"


# ---------------------------------------------------------------- the workbook and the scripts


@pytest.mark.slow
def test_bundle_holds_the_standard_xlsm(bundle):
    assert (bundle / WORKBOOK).read_bytes() == (REPO / "workbooks" / WORKBOOK).read_bytes()


def _assert_crlf_gbk(data: bytes) -> str:
    assert data.count(b"\n") == data.count(b"\r\n") > 5, "every line ends with CRLF"
    assert b"\r\r" not in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # GBK bytes, not UTF-8 (which would need chcp 65001)
    text = data.decode(BAT_ENCODING)
    assert re.search(r"[\u4e00-\u9fff]", text)
    assert "chcp" not in text.lower()
    return text


@pytest.mark.slow
def test_install_script_is_offline_crlf_gbk_and_checks_the_workbooks_xlwings(bundle):
    text = _assert_crlf_gbk((bundle / INSTALL_BAT).read_bytes())
    install = next(line for line in text.splitlines() if " -m pip install " in line)
    assert "--no-index" in install and f'--find-links "%~dp0{WHEELS_DIR}"' in install and "perfxl[excel]" in install
    version = _xlsm_xlwings_version_by_oletools(bundle / WORKBOOK)
    assert f'if not "%XLV%"=="{version}" goto mismatch' in text
    assert "版本不一致" in text and "安装完成" in text and "没有找到 64 位的 Python" in text
    for python in PYTHON_VERSIONS:
        assert python in text


@pytest.mark.slow
def test_uninstall_script_and_readme(bundle):
    text = _assert_crlf_gbk((bundle / UNINSTALL_BAT).read_bytes())
    assert "pip uninstall -y" in text and "perfxl xlwings" in text
    raw = (bundle / README_TXT).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == raw.count(b"\r\n")
    readme = raw[3:].decode("utf-8")
    assert "软件库" in readme and INSTALL_BAT in readme and UNINSTALL_BAT in readme


# ---------------------------------------------------------------- refusals (no network needed)


def _gbk_char_with_trail(byte: int) -> str:
    for code in range(0x4E00, 0x9FA6):
        ch = chr(code)
        try:
            data = ch.encode("gbk")
        except UnicodeEncodeError:
            continue
        if data[1] == byte:
            return ch
    raise AssertionError(f"no GBK character ends in {byte:#x}")


@pytest.mark.parametrize("byte", [0x5C, 0x7C, 0x5E])
def test_script_text_that_cmd_could_misparse_is_refused(byte):
    char = _gbk_char_with_trail(byte)
    with pytest.raises(ValueError):
        encode_bat(f"echo {char}\n")


def test_the_generated_install_script_passes_the_cmd_byte_check():
    encode_bat(install_bat("0.1.0", "0.37.8"))


@pytest.mark.slow  # `perfxl bundle` run as a process
def test_a_non_empty_output_folder_is_refused_and_kept(tmp_path):
    out = tmp_path / "安装包"
    out.mkdir()
    (out / "我的文件.xlsx").write_bytes(b"user data")
    proc = _bundle_cli("-o", str(out), cwd=tmp_path)
    assert proc.returncode == 2 and "不为空" in proc.stderr and "Traceback" not in proc.stderr
    assert (out / "我的文件.xlsx").read_bytes() == b"user data"
    proc = _bundle_cli("-o", str(out), "--force", cwd=tmp_path)  # --force replaces only an earlier bundle
    assert proc.returncode == 2 and (out / "我的文件.xlsx").exists()


@pytest.mark.slow
def test_offline_says_so_in_chinese(tmp_path):
    env = {**offline_env(), "PIP_INDEX_URL": "http://127.0.0.1:9/simple", "PIP_RETRIES": "0", "PIP_TIMEOUT": "5"}
    env.pop("PIP_CONFIG_FILE")
    env["PIP_CONFIG_FILE"] = os.devnull
    proc = subprocess.run(
        [str(PERFXL), "bundle", "windows", "-o", str(tmp_path / "安装包")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=600,
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "需要联网" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "安装包").exists() and not list(tmp_path.glob(".安装包.*"))
