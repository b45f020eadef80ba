"""`perfxl serve [--host 127.0.0.1] [--port 8000] [--certs DIR] [--token-file F] [--allow NET]`: run the add-in server.

xlwings Server is the optional extra `server`; it is imported only here, inside the command, and
a missing install is explained (with the pip command) instead of a traceback. It listens on
127.0.0.1 unless told otherwise, and on any other address only with access control (a token, an
address allowlist or Entra ID sign-in) or an explicit `--allow-anonymous`. Exit 2 for bad
arguments, a missing extra, or an exposed server refused.
"""

import importlib.util
from pathlib import Path
from typing import Annotated

import typer

from perfxl.cli.main import app
from perfxl.errors import PerfxlError

#: Modules the server needs, all from the `server` extra.
SERVER_MODULES = ("xlwings_server", "uvicorn", "fastapi")


def missing_server_modules() -> list[str]:
    """The `server` extra's modules that cannot be imported here."""
    missing = []
    for name in SERVER_MODULES:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a broken or blocked install
            found = False
        if not found:
            missing.append(name)
    return missing


@app.command("serve")
def serve(
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="address to listen on; beyond 127.0.0.1 it needs --token-file/--allow (or Entra ID) "
            "or --allow-anonymous",
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535, help="TCP port")] = 8000,
    certs: Annotated[
        Path | None, typer.Option("--certs", help="folder with the TLS certificate and key (HTTPS)")
    ] = None,
    project: Annotated[
        Path | None, typer.Option("--project", help="xlwings Server project folder (default: perfxl/serve/project/)")
    ] = None,
    max_cells: Annotated[
        int | None,
        typer.Option("--max-cells", min=1, help="largest workbook (cells) a button may send; default 500000"),
    ] = None,
    token_file: Annotated[
        Path | None,
        typer.Option("--token-file", help="file holding the shared access token (or set PERFXL_SERVE_TOKEN)"),
    ] = None,
    allow: Annotated[
        list[str] | None,
        typer.Option(
            "--allow",
            help="client address or network allowed (repeatable, e.g. 10.1.0.0/16; or PERFXL_SERVE_ALLOW)",
        ),
    ] = None,
    allow_anonymous: Annotated[
        bool,
        typer.Option(
            "--allow-anonymous",
            help="serve a non-loopback address without access control (anyone who can reach it)",
        ),
    ] = False,
) -> None:
    """启动绩效自评加载项服务：绩效自评选项卡与 PERF_* 函数 (serve the Office.js add-in via xlwings Server)."""
    # lazy: keeps perfxl.serve.app (~10 ms) off the `perfxl validate` cold start
    from perfxl.serve.app import INSTALL_HINT

    missing = missing_server_modules()
    if missing:
        typer.echo(
            f"错误：未安装加载项服务器组件（缺少 {', '.join(missing)}）。请运行：{INSTALL_HINT}\n"
            f"error: the add-in server needs the 'server' extra (missing {', '.join(missing)}): {INSTALL_HINT}",
            err=True,
        )
        raise typer.Exit(2)
    # lazy: keeps perfxl.serve.access, app, payload, run (~20 ms) off the `perfxl validate` cold start
    from perfxl.limits import Limits
    from perfxl.serve.access import AccessPolicy, describe
    from perfxl.serve.app import project_dir
    from perfxl.serve.run import find_certs, is_loopback, preflight
    from perfxl.serve.run import serve as run_server

    try:
        folder = project_dir(project)
        Limits.from_env(serve_max_cells=max_cells)  # a bad PERFXL_* limit is reported before start-up
        access = AccessPolicy.from_env(token_file=token_file, allow=allow or ())
        entraid = preflight(host, folder, access, allow_anonymous=allow_anonymous)
        if not is_loopback(host) and not (access.controlled or entraid):
            typer.echo(
                f"警告：--allow-anonymous：在 {host} 上无访问控制地提供服务，任何能连到本机的人都能使用。\n"
                f"warning: serving {host} without access control (--allow-anonymous).",
                err=True,
            )
        pair = find_certs(certs) if certs else None
        if pair is None:
            typer.echo(
                "注意：未指定 --certs，以 HTTP 运行；Excel 只能通过 HTTPS 加载加载项（见 docs/server.md）。\n"
                "note: serving plain HTTP; Excel loads add-ins over HTTPS only (use --certs DIR).",
                err=True,
            )
        if not is_loopback(host) and pair is None:
            typer.echo(
                f"警告：在 {host} 上以未加密的 HTTP 对外提供服务。\nwarning: plain HTTP on a non-loopback address.",
                err=True,
            )
        scheme = "https" if pair else "http"
        typer.echo(f"访问控制：{describe(access, entraid=entraid)}", err=True)
        typer.echo(f"perfxl 加载项服务器：{scheme}://{host}:{port}/manifest.xml （Ctrl+C 停止）", err=True)
        run_server(
            host, port, certs=certs, project=folder, max_cells=max_cells, access=access, allow_anonymous=allow_anonymous
        )
    except PerfxlError as exc:
        typer.echo(f"错误：{exc.message}\nerror: {exc.message_en}", err=True)
        raise typer.Exit(2) from None
    except ValueError as exc:  # a bad PERFXL_* limit
        typer.echo(f"错误：服务器设置有误：{exc}", err=True)  # exc says it in zh and en
        raise typer.Exit(2) from None
