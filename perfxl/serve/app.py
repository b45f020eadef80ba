"""Build the perfxl add-in server: xlwings Server over the packaged `perfxl/serve/project/` folder, guarded.

xlwings Server reads its project folder and settings when it is first imported, and xlwings picks
its Office.js decorators on its first import, so the environment is prepared before either
import (`prepare_environment`). `create_app` then replaces xlwings Server's static-file handler by a
contained one (`static.secure_static_mounts`) and wraps its ASGI app, outermost first, in `PathGuard`
(no `..` in any spelling), `AccessGuard` (token / address allowlist) and `PayloadGuard` (request checks,
built from the functions and scripts the project actually exposes).
"""

from __future__ import annotations

import inspect
import logging
import os
import sys
import tomllib
import typing
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from perfxl.annotate import RESULT_SHEET
from perfxl.errors import PerfxlError
from perfxl.excel import macros
from perfxl.limits import Limits

from .access import AccessGuard, AccessPolicy
from .guard import PayloadGuard
from .payload import FunctionSpec

__all__ = [
    "DEFAULT_PROJECT",
    "project_dir",
    "prepare_environment",
    "server_settings",
    "entraid_enabled",
    "create_app",
    "function_specs",
    "script_specs",
    "INSTALL_HINT",
]

log = logging.getLogger("perfxl.serve")

#: What to tell someone whose Python lacks the optional server dependencies.
INSTALL_HINT = 'pip install "perfxl[server]"'
#: Licence key used when none is configured: the PolyForm Noncommercial terms (government use is permitted).
NONCOMMERCIAL_KEY = "noncommercial"
#: The add-in's xlwings Server project, shipped inside the package (package data) so a wheel install serves it.
DEFAULT_PROJECT = Path(__file__).resolve().parent / "project"


def project_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The xlwings Server project folder: `path`, $PERFXL_SERVER_PROJECT, or the packaged `DEFAULT_PROJECT`."""
    chosen = path or os.environ.get("PERFXL_SERVER_PROJECT") or DEFAULT_PROJECT
    folder = Path(chosen).resolve()
    if not (folder / "custom_functions").is_dir() or not (folder / "custom_scripts").is_dir():
        raise PerfxlError(
            f"找不到加载项服务器项目目录：{folder}（应包含 custom_functions/ 和 custom_scripts/；可用 --project 指定）",
            f"not an xlwings Server project folder: {folder}",
            code="SERVER_PROJECT",
        )
    return folder


def prepare_environment(project: Path, environ: MutableMapping[str, str] | None = None) -> bool:
    """Set what xlwings Server and xlwings read at import; True when the noncommercial key was assumed."""
    env = os.environ if environ is None else environ
    env["XLWINGS_PROJECT_DIR"] = str(project)
    env["XLWINGS_ON_SERVER"] = "true"
    assumed = False
    if not env.get("XLWINGS_LICENSE_KEY") and not _key_in_project(project):
        env["XLWINGS_LICENSE_KEY"] = NONCOMMERCIAL_KEY
        assumed = True
    return assumed


def _key_in_project(project: Path) -> bool:
    """True when the project's .env or pyproject.toml sets a licence key (xlwings Server exports it)."""
    dotenv = project / ".env"
    if dotenv.is_file():
        for line in dotenv.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "XLWINGS_LICENSE_KEY" and value.strip().strip("\"'"):
                return True
    pyproject = project / "pyproject.toml"
    if pyproject.is_file():
        table = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("xlwings_server", {})
        return any(k.lower().removeprefix("xlwings_") == "license_key" and v for k, v in table.items())
    return False


def function_specs(module: Any) -> dict[str, FunctionSpec]:
    """The decorated worksheet functions of a module, by Excel name."""
    specs = {}
    for obj in vars(module).values():
        info = getattr(obj, "__xlfunc__", None)
        if not isinstance(info, dict):
            continue
        args = info.get("args", [])
        specs[info["name"]] = FunctionSpec(
            name=info["name"],
            n_params=len(args),
            n_required=sum(1 for a in args if "optional" not in a and not a.get("vararg")),
            vararg=any(a.get("vararg") for a in args),
            param_names=tuple(a["name"] for a in args),
        )
    return specs


def script_specs(module: Any) -> dict[str, int]:
    """Scripts the add-in may post to `/xlwings/custom-scripts-call/{name}` → how many `args` each takes."""
    specs = {}
    for name, obj in sorted(vars(module).items()):
        if not (callable(obj) and hasattr(obj, "__xlscript__")):
            continue
        func = inspect.unwrap(obj)
        try:
            hints = typing.get_type_hints(func)
        except Exception:  # unresolvable annotations: count every parameter
            hints = {}
        specs[name] = sum(
            1
            for p in inspect.signature(func).parameters.values()
            if getattr(hints.get(p.name), "__name__", "") not in ("Book", "BookAsync", "CurrentUser")
        )
    return specs


def _check_xlwings_not_classic() -> None:
    xw = sys.modules.get("xlwings")
    if xw is not None and not getattr(xw, "__pro__", False):
        raise PerfxlError(
            "xlwings 已按普通模式加载，无法再启用加载项服务器；请在新进程中运行 perfxl serve",
            "xlwings was imported before XLWINGS_ON_SERVER/XLWINGS_LICENSE_KEY were set; start a fresh process",
            code="SERVER_IMPORT_ORDER",
        )


def taskpane_context() -> dict[str, Any]:
    """perfxl constants the task pane reads (the 校验结果 sheet layout), taken from perfxl itself."""
    return {
        "resultSheet": RESULT_SHEET,
        "resultTitle": macros.RESULT_TITLE,
        "resultHeader": list(macros.RESULT_HEADER),
    }


def _server_missing(exc: ImportError) -> PerfxlError:
    """SERVER_MISSING: xlwings Server (the `server` extra) is not installed — the module missing, how to install it."""
    return PerfxlError(
        f"未安装加载项服务器组件（{exc.name}）。请运行：{INSTALL_HINT}",
        f"xlwings Server is not installed ({exc.name}); run: {INSTALL_HINT}",
        code="SERVER_MISSING",
    )


def server_settings(project: str | os.PathLike[str] | None = None) -> Any:
    """xlwings Server's settings for `project` (imports its config after preparing the environment)."""
    folder = project_dir(project)
    _check_xlwings_not_classic()
    if prepare_environment(folder):
        log.warning(
            "XLWINGS_LICENSE_KEY not set: using 'noncommercial' (PolyForm Noncommercial 1.0.0; use by a "
            "government institution is a permitted purpose). Commercial use needs an xlwings licence key."
        )
    try:
        # optional, guarded: xlwings Server (the `server` extra) may be absent; it reads the environment on import
        from xlwings_server.config import settings
    except ImportError as exc:
        raise _server_missing(exc) from None
    return settings


def entraid_enabled(settings: Any) -> bool:
    """True when xlwings Server signs users in with Microsoft Entra ID."""
    return "entraid" in [str(p).lower() for p in (getattr(settings, "auth_providers", None) or [])]


def create_app(
    project: str | os.PathLike[str] | None = None, *, limits: Limits | None = None, access: AccessPolicy | None = None
):
    """The ASGI app to serve: xlwings Server for `project` with contained static files, behind
    `PathGuard`, `AccessGuard` (`access`, default from the environment) and `PayloadGuard`."""
    server_settings(project)
    try:
        # optional, guarded: xlwings Server (the `server` extra) may be absent
        from xlwings_server import main
        from xlwings_server.routers import xlwings as xlwings_router
        from xlwings_server.templates import templates
    except ImportError as exc:
        raise _server_missing(exc) from None
    # lazy: perfxl.serve.static needs starlette (the `server` extra), which may be absent when this module loads
    from .static import PathGuard, secure_static_mounts

    templates.env.globals["perfxl"] = taskpane_context()
    settings = main.settings
    secure_static_mounts(main.app)
    guarded = PayloadGuard(
        main.main_app,
        functions=function_specs(xlwings_router.custom_functions),
        scripts=script_specs(xlwings_router.custom_scripts),
        limits=limits or Limits.from_env(),
        app_path=settings.app_path,
    )
    policy = access if access is not None else AccessPolicy.from_env()
    return PathGuard(AccessGuard(guarded, policy, app_path=settings.app_path, static_path=settings.static_url_path))
