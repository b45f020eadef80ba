"""`perfxl bundle windows`: an offline installer folder for Windows x64 finance PCs.

The folder holds the win_amd64 wheels of `perfxl[excel]` and every dependency for CPython 3.11–3.13
(`pip download --platform win_amd64 --only-binary=:all:`), the perfxl wheel, the standard `.xlsm`,
安装.bat / 卸载.bat (GBK, CRLF: they print Chinese on a Chinese-locale console without `chcp`) and
说明.txt. The network is needed only here, at bundle time; the PC installs with `--no-index`.

pip evaluates environment markers for the machine it runs on, not for `--platform`: run on Linux it
leaves out Windows-only dependencies (`pywin32` for xlwings, `colorama` for typer). `missing_for_windows`
re-reads every wheel's requirements under a Windows marker environment and the bundle downloads what
is missing until the set is closed. Python itself is not on PyPI: 说明.txt says to take the
python.org Windows installer from the agency's software mirror.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import field
from email.parser import Parser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.tags import compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

from perfxl.bundle_vba import xlsm_xlwings_version
from perfxl.errors import PerfxlError
from perfxl.records import record

__all__ = [
    "PYTHON_VERSIONS",
    "PLATFORM",
    "WHEELS_DIR",
    "INSTALL_BAT",
    "UNINSTALL_BAT",
    "README_TXT",
    "BAT_ENCODING",
    "WORKBOOK",
    "BundleError",
    "Bundle",
    "packaged_file",
    "source_tree",
    "windows_markers",
    "missing_for_windows",
    "offline_env",
    "check_offline",
    "install_bat",
    "uninstall_bat",
    "readme_txt",
    "encode_bat",
    "build_windows_bundle",
]

#: CPython versions the bundle carries wheels for (64-bit Windows).
PYTHON_VERSIONS = ("3.11", "3.12", "3.13")
PLATFORM = "win_amd64"
WHEELS_DIR = "wheels"
INSTALL_BAT = "安装.bat"
UNINSTALL_BAT = "卸载.bat"
README_TXT = "说明.txt"
WORKBOOK = "perfxl-standard.xlsm"
#: cmd.exe reads a batch file in the console's code page: 936 (GBK) on a Chinese-locale Windows.
BAT_ENCODING = "gbk"
#: Bytes that cmd.exe treats specially; none may appear as the second byte of a GBK character.
_CMD_SPECIAL = b'\\^|&<>%"()'


class BundleError(PerfxlError):
    """The bundle could not be made (no network, a wheel missing, a bad output folder)."""

    code = "BUNDLE_FAILED"


@record()
class Bundle:
    """What `build_windows_bundle` wrote."""

    folder: Path
    perfxl_version: str
    xlwings_version: str
    wheels: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- files of the installed package


def packaged_file(rel: str) -> Path | None:
    """A file of workbooks/: `perfxl/data/<rel>` in an installed wheel, else the checkout's workbooks/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / rel, here.parent / "workbooks" / rel):
        if candidate.is_file():
            return candidate
    return None


def source_tree() -> Path | None:
    """The checkout perfxl runs from (editable install), or None for an installed wheel."""
    root = Path(__file__).resolve().parent.parent
    pyproject = root / "pyproject.toml"
    if (
        pyproject.is_file()
        and (root / "setup.py").is_file()
        and 'name = "perfxl"' in pyproject.read_text(encoding="utf-8")
    ):
        return root
    return None


# ---------------------------------------------------------------- Windows dependency closure


def windows_markers(python_version: str) -> dict[str, str]:
    """The environment markers of 64-bit CPython `python_version` on Windows."""
    return {
        "python_version": python_version,
        "python_full_version": f"{python_version}.0",
        "sys_platform": "win32",
        "platform_system": "Windows",
        "os_name": "nt",
        "platform_machine": "AMD64",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "implementation_version": f"{python_version}.0",
        "platform_release": "10",
        "platform_version": "10.0",
    }


def _wheel_metadata(path: Path):
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
        return Parser().parsestr(zf.read(name).decode("utf-8"))


def missing_for_windows(folder: Path, python_version: str, root: str = "perfxl[excel]") -> list[str]:
    """Requirements of `root` (transitively, under Windows markers) that no wheel in `folder` satisfies
    for CPython `python_version` on win_amd64. Empty when the folder installs offline."""
    major, minor = (int(x) for x in python_version.split("."))
    supported = {
        *cpython_tags((major, minor), platforms=[PLATFORM]),
        *compatible_tags((major, minor), f"cp{major}{minor}", platforms=[PLATFORM]),
    }
    available: dict[str, list[tuple[Version, Path]]] = {}
    for whl in folder.glob("*.whl"):
        name, version, _, tags = parse_wheel_filename(whl.name)
        if tags & supported:
            available.setdefault(name, []).append((version, whl))
    env = windows_markers(python_version)
    missing: list[str] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [Requirement(root)]
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        key = (name, frozenset(req.extras))
        candidates = [(v, p) for v, p in available.get(name, []) if req.specifier.contains(v, prereleases=True)]
        if not candidates:
            missing.append(str(req).split(";")[0].strip())
            continue
        if key in seen:
            continue
        seen.add(key)
        _, chosen = max(candidates, key=lambda vp: vp[0])
        for dep in _wheel_metadata(chosen).get_all("Requires-Dist") or []:
            sub = Requirement(dep)
            for extra in ("", *req.extras):
                if sub.marker is None or sub.marker.evaluate({**env, "extra": extra}):
                    todo.append(sub)
                    break
    return sorted(set(missing))


# ---------------------------------------------------------------- scripts


def encode_bat(text: str) -> bytes:
    """CRLF line ends, GBK bytes; refuse text a Chinese-locale cmd.exe could misparse."""
    data = text.replace("\r\n", "\n").replace("\n", "\r\n").encode(BAT_ENCODING)
    i = 0
    while i < len(data):
        if data[i] >= 0x81:  # a GBK lead byte: the next byte belongs to the same character
            if data[i + 1] in _CMD_SPECIAL:
                raise ValueError(f"GBK character at byte {i} ends in a cmd.exe special byte")
            i += 2
        else:
            i += 1
    return data


def _python_loop(versions: tuple[str, ...]) -> str:
    newest_first = " ".join(sorted(versions, key=lambda v: tuple(map(int, v.split("."))), reverse=True))
    return (
        f'set "PYV="\n'
        f'for %%v in ({newest_first}) do if not defined PYV py -%%v-64 -c "import sys" >nul 2>nul && set "PYV=%%v"\n'
    )


def install_bat(perfxl_version: str, xlwings_version: str, versions: tuple[str, ...] = PYTHON_VERSIONS) -> str:
    """安装.bat: install `perfxl[excel]` offline from wheels\\, check xlwings against the workbook."""
    listed = "、".join(versions)
    return f"""@echo off
rem perfxl 离线安装脚本：由 perfxl bundle windows 生成，GBK 编码、CRLF 换行。
setlocal EnableExtensions
cd /d "%~dp0"
title perfxl 离线安装
echo perfxl {perfxl_version} 离线安装：只使用本文件夹 {WHEELS_DIR} 中的安装文件，不需要联网。
echo.
{_python_loop(versions)}if not defined PYV goto nopython
echo 找到 64 位 Python %PYV%。
echo 正在安装 perfxl {perfxl_version} 和 xlwings {xlwings_version}……
py -%PYV%-64 -m pip install --disable-pip-version-check --no-index --find-links "%~dp0{WHEELS_DIR}" "perfxl[excel]=={perfxl_version}"
if errorlevel 1 goto pipfailed
set "XLV="
for /f "delims=" %%x in ('py -%PYV%-64 -c "import xlwings; print(xlwings.__version__)"') do set "XLV=%%x"
if not "%XLV%"=="{xlwings_version}" goto mismatch
echo.
echo 安装完成：perfxl {perfxl_version}、xlwings %XLV%，装在 Python %PYV% 中。
echo 版本检查通过：已安装的 xlwings %XLV% 与工作簿 {WORKBOOK} 内的 xlwings {xlwings_version} 一致。
set "DEST=%USERPROFILE%\\Documents\\绩效自评"
if exist "%DEST%\\{WORKBOOK}" goto keepbook
if not exist "%DEST%" mkdir "%DEST%"
copy /y "%~dp0{WORKBOOK}" "%DEST%\\" >nul
if errorlevel 1 goto copyfailed
echo 已把标准工作簿复制到：%DEST%\\{WORKBOOK}
goto booked
:keepbook
echo %DEST% 中已有 {WORKBOOK}，没有覆盖；新版工作簿在本文件夹中。
:booked
echo 下一步：在 Excel 的 信任中心 → 受信任位置 中添加 %DEST%，然后打开工作簿，使用“绩效自评”选项卡。
echo.
pause
exit /b 0

:nopython
echo 没有找到 64 位的 Python {listed}。
echo 请先从本单位的软件库安装 64 位 Python（python.org 的 Windows 安装程序），
echo 安装时勾选“Add python.exe to PATH”，保留“py launcher”，然后重新运行本脚本。
pause
exit /b 1

:pipfailed
echo 安装失败：pip 报告了错误，详见上面的英文信息。本脚本没有联网，也没有改动您的工作簿。
pause
exit /b 1

:mismatch
echo 版本不一致：已安装的 xlwings 为“%XLV%”，工作簿 {WORKBOOK} 需要 {xlwings_version}。
echo 请重新运行本脚本；仍不一致时，请向信息化管理员索取同一版本的安装包和工作簿。
pause
exit /b 1

:copyfailed
echo perfxl 已安装，但无法把工作簿复制到 %DEST%；请手动复制本文件夹中的 {WORKBOOK}。
pause
exit /b 1
"""


def uninstall_bat(versions: tuple[str, ...] = PYTHON_VERSIONS) -> str:
    """卸载.bat: remove perfxl and xlwings from every Python 3.11–3.13 that has them; workbooks stay."""
    newest_first = " ".join(sorted(versions, key=lambda v: tuple(map(int, v.split("."))), reverse=True))
    return f"""@echo off
rem perfxl 卸载脚本：由 perfxl bundle windows 生成，GBK 编码、CRLF 换行。
setlocal EnableExtensions
title perfxl 卸载
set "DONE="
for %%v in ({newest_first}) do py -%%v-64 -m pip show perfxl >nul 2>nul && py -%%v-64 -m pip uninstall -y --disable-pip-version-check perfxl xlwings && set "DONE=1"
if not defined DONE goto none
echo 已从 Python 中卸载 perfxl 和 xlwings。
echo 其他随同安装的公共组件（如 openpyxl、pywin32）仍保留，其他软件可能在用。
echo 您的工作簿没有删除。
pause
exit /b 0
:none
echo 没有找到已安装的 perfxl，未做任何改动。
pause
exit /b 0
"""


def readme_txt(
    perfxl_version: str, xlwings_version: str, wheels: list[str], versions: tuple[str, ...] = PYTHON_VERSIONS
) -> str:
    """说明.txt (Chinese, for the PC's user and IT)."""
    listed = "、".join(versions)
    return f"""perfxl {perfxl_version} 离线安装包（Windows 64 位）

本文件夹可以在不联网的电脑上安装 perfxl（预算绩效自评表的计算与校验）和 Excel 所需的 xlwings {xlwings_version}。

一、先装 Python（每台电脑一次）
  Python 不在本安装包内，须从本单位的软件库（或信息化部门提供的镜像）取得 python.org 的
  Windows 64 位安装程序，版本为 {listed} 之一。安装时勾选“Add python.exe to PATH”，并保留
  “py launcher”（默认已选）。

二、安装 perfxl
  双击“{INSTALL_BAT}”。脚本只使用 {WHEELS_DIR} 文件夹中的文件，不联网；装完后检查已安装的 xlwings
  版本是否与工作簿 {WORKBOOK} 内的版本（{xlwings_version}）一致，并把工作簿复制到
  “文档\\绩效自评”文件夹（已有同名文件时不覆盖）。

三、打开工作簿
  在 Excel 的 文件 → 选项 → 信任中心 → 信任中心设置 → 受信任位置 中添加“文档\\绩效自评”文件夹，
  再打开 {WORKBOOK}，使用“绩效自评”选项卡中的 校验、复核得分、清除标记。详见《用户手册》。

四、卸载
  双击“{UNINSTALL_BAT}”：卸载 perfxl 和 xlwings，工作簿不会删除。

本安装包内容：{len(wheels)} 个安装文件（{WHEELS_DIR} 文件夹），适用于 64 位 Python {listed}；
{INSTALL_BAT}、{UNINSTALL_BAT} 为 GBK 编码（中文 Windows 的命令行直接显示中文）。
"""


# ---------------------------------------------------------------- building


def _pip(args: list[str], index_url: str | None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pip", *args, "--disable-pip-version-check"]
    if index_url:
        cmd += ["--index-url", index_url]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace")


_OFFLINE = re.compile(
    r"(Failed to establish a new connection|Temporary failure in name resolution|"
    r"Name or service not known|Connection refused|NewConnectionError|ConnectTimeout|"
    r"ProxyError|Network is unreachable|No matching distribution found|"
    r"Could not find a version that satisfies)",
    re.I,
)


def _download_error(proc: subprocess.CompletedProcess, what: str) -> BundleError:
    tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-6:])
    if _OFFLINE.search(proc.stderr or ""):
        return BundleError(
            f"无法从软件包索引下载 {what}：制作离线安装包需要联网（PyPI 或本单位镜像，可用 --index-url 指定）。"
            f"请在能联网的电脑上运行 perfxl bundle windows。pip 的信息：\n{tail}",
            f"cannot download {what}: building the offline bundle needs the package index (PyPI or a mirror "
            f"given with --index-url). pip said:\n{tail}",
        )
    return BundleError(f"下载 {what} 失败。pip 的信息：\n{tail}", f"pip download of {what} failed:\n{tail}")


def _perfxl_wheel(dest: Path, wheel: Path | None, index_url: str | None) -> Path:
    """The perfxl wheel: the one given, else built from the checkout perfxl runs from."""
    if wheel is not None:
        if not wheel.is_file() or not wheel.name.startswith("perfxl-") or wheel.suffix != ".whl":
            raise BundleError(f"不是 perfxl 的 wheel 文件：{wheel}", f"not a perfxl wheel: {wheel}")
        return Path(shutil.copy2(wheel, dest / wheel.name))
    tree = source_tree()
    if tree is None:
        raise BundleError(
            "找不到 perfxl 的 wheel：请用 --wheel 指定发布的 perfxl-*.whl 文件。",
            "no perfxl wheel: pass the release wheel with --wheel",
        )
    proc = _pip(["wheel", "--no-deps", "-q", "-w", str(dest), str(tree)], index_url)
    if proc.returncode != 0:
        raise _download_error(proc, "perfxl 的构建工具（setuptools）")
    (built,) = dest.glob("perfxl-*.whl")
    return built


def _download(folder: Path, requirements: list[str], python_version: str, index_url: str | None) -> None:
    args = [
        "download",
        "-q",
        "--only-binary=:all:",
        "--platform",
        PLATFORM,
        "--python-version",
        python_version,
        "--implementation",
        "cp",
        "-d",
        str(folder),
        *requirements,
    ]
    proc = _pip(args, index_url)
    if proc.returncode != 0:
        raise _download_error(proc, f"Python {python_version} 的安装文件（{', '.join(requirements)}）")


def offline_env() -> dict[str, str]:
    """This process's environment without any pip setting (no configured index, find-links or cache
    of this machine can help a resolution that must succeed from the bundle alone)."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    return env


def check_offline(folder: Path, python_version: str) -> None:
    """pip itself resolves `perfxl[excel]` from `folder` alone (no index) for this Python, and the
    Windows-marker closure is complete; raises BundleError otherwise."""
    with tempfile.TemporaryDirectory(prefix="perfxl-dry-") as target:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--dry-run",
                "--disable-pip-version-check",
                "-q",
                "--no-index",
                "--find-links",
                str(folder),
                "--platform",
                PLATFORM,
                "--only-binary",
                ":all:",
                "--python-version",
                python_version,
                "--target",
                target,
                "perfxl[excel]",
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=offline_env(),
        )
    if proc.returncode != 0:
        raise BundleError(
            f"安装包自检失败：Python {python_version} 无法离线安装。\n{proc.stderr[-1500:]}",
            f"self-check failed for Python {python_version}:\n{proc.stderr[-1500:]}",
        )
    missing = missing_for_windows(folder, python_version)
    if missing:
        raise BundleError(
            f"安装包缺少 Windows 所需组件（Python {python_version}）：{', '.join(missing)}",
            f"bundle lacks Windows requirements for {python_version}: {', '.join(missing)}",
        )


def build_windows_bundle(
    out: Path,
    *,
    wheel: Path | None = None,
    index_url: str | None = None,
    versions: tuple[str, ...] = PYTHON_VERSIONS,
    force: bool = False,
) -> Bundle:
    """Write the offline installer folder `out` (built beside it, then moved into place)."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and (not force or not (out / INSTALL_BAT).is_file()):
        raise BundleError(
            f"输出文件夹已存在且不为空：{out}（如需替换以前生成的安装包，请加 --force）",
            f"{out} exists and is not empty (use --force to replace an earlier bundle)",
        )
    workbook = packaged_file(WORKBOOK)
    if workbook is None:
        raise BundleError(f"找不到标准工作簿 {WORKBOOK}", f"the standard workbook {WORKBOOK} is missing")
    xlwings_version = xlsm_xlwings_version(workbook)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        wheels = staging / WHEELS_DIR
        wheels.mkdir()
        perfxl_whl = _perfxl_wheel(wheels, wheel, index_url)
        perfxl_version = perfxl_whl.name.split("-")[1]
        meta = _wheel_metadata(perfxl_whl)
        pins = [r for r in meta.get_all("Requires-Dist") or [] if re.match(r"xlwings\s*==", r) and "excel" in r]
        pin = re.match(r"xlwings\s*==\s*([^;\s]+)", pins[0]) if pins else None
        pinned = pin.group(1) if pin else None  # "xlwings ==;…" (no version) is a mismatch, not an AttributeError
        if pinned != xlwings_version:
            raise BundleError(
                f"版本不一致：perfxl[excel] 要求 xlwings {pinned}，工作簿内为 {xlwings_version}；"
                f"请先运行 python excel/build_xlsm.py 重建工作簿。",
                f"perfxl[excel] pins xlwings {pinned}, the workbook embeds {xlwings_version}",
            )
        for version in versions:
            _download(wheels, [f"{perfxl_whl}[excel]"], version, index_url)
            for _ in range(5):  # what pip skipped for this (non-Windows) machine's markers
                missing = missing_for_windows(wheels, version)
                if not missing:
                    break
                _download(wheels, missing, version, index_url)
            check_offline(wheels, version)
        shutil.copy2(workbook, staging / WORKBOOK)
        (staging / INSTALL_BAT).write_bytes(encode_bat(install_bat(perfxl_version, xlwings_version, versions)))
        (staging / UNINSTALL_BAT).write_bytes(encode_bat(uninstall_bat(versions)))
        names = sorted(p.name for p in wheels.glob("*.whl"))
        readme = readme_txt(perfxl_version, xlwings_version, names, versions)
        (staging / README_TXT).write_bytes(b"\xef\xbb\xbf" + readme.replace("\n", "\r\n").encode("utf-8"))
        if out.exists():
            shutil.rmtree(out)  # empty, or an earlier bundle (it holds 安装.bat) replaced with --force
        os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Bundle(out, perfxl_version, xlwings_version, names)
