"""`perfxl bundle windows -o 安装包/ [--wheel perfxl-*.whl] [--index-url URL] [--force]`: the offline
Windows installer folder (see perfxl.bundle). Needs the package index only while it runs."""

from pathlib import Path
from typing import Annotated

import typer

from perfxl.cli.main import app

bundle_app = typer.Typer(
    help="制作离线安装包 (build offline installer folders).", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(bundle_app, name="bundle")


@bundle_app.command("windows")
def windows(
    output: Annotated[Path, typer.Option("--output", "-o", help="安装包文件夹（不存在或为空）")],
    wheel: Annotated[Path | None, typer.Option("--wheel", help="发布的 perfxl-*.whl（默认：从源码目录构建）")] = None,
    index_url: Annotated[
        str | None, typer.Option("--index-url", help="软件包索引（默认 PyPI，可用本单位镜像）")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="替换以前生成的安装包文件夹")] = False,
) -> None:
    """制作 Windows 64 位离线安装包：perfxl[excel] 及全部依赖（Python 3.11–3.13）、标准工作簿、安装.bat、卸载.bat、说明.txt。"""
    # lazy: keeps perfxl.bundle (~15 ms) off the `perfxl validate` cold start
    from perfxl.bundle import INSTALL_BAT, PYTHON_VERSIONS, BundleError, build_windows_bundle

    typer.echo(f"正在下载 Windows 64 位安装文件（Python {'、'.join(PYTHON_VERSIONS)}），需要联网……", err=True)
    try:
        bundle = build_windows_bundle(output, wheel=wheel, index_url=index_url, force=force)
    except ModuleNotFoundError as exc:
        typer.echo(
            f'错误：缺少组件 {exc.name}，请先运行 pip install "perfxl[bundle]"\n'
            f'error: missing {exc.name}: pip install "perfxl[bundle]"',
            err=True,
        )
        raise typer.Exit(2) from None
    except BundleError as exc:
        typer.echo(f"错误：{exc.message}\nerror: {exc.message_en}", err=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        typer.echo(f"错误：无法写入 {output}：{exc.strerror or exc}\nerror: cannot write {output}: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"已生成离线安装包：{bundle.folder.resolve()}")
    typer.echo(
        f"  perfxl {bundle.perfxl_version}，xlwings {bundle.xlwings_version}，{len(bundle.wheels)} 个安装文件；"
        f"在 Windows 电脑上双击 {INSTALL_BAT}。"
    )
