"""`perfxl template [--kind department|project] -o FILE [--force]`: write a fresh standard workbook."""

from pathlib import Path
from typing import Annotated

import typer

from perfxl.cli.main import app


@app.command("template")
def template(
    output: Annotated[Path, typer.Option("--output", "-o", help="the .xlsx file to write")],
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="department (基础数据表 + 部门整体支出绩效自评表) or project (项目支出绩效自评表); default: all sheets",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="overwrite an existing file")] = False,
) -> None:
    """生成空白标准填报工作簿，含公式与计算结果 (write a blank standard reporting workbook)."""
    # lazy: keeps perfxl.workbook.template, perfxl.workbook.writer (~35 ms) off the `perfxl validate` cold start
    from perfxl.workbook.template import KINDS, TEMPLATE_SHAPE, template_content
    from perfxl.workbook.writer import write_content

    if kind is not None and kind not in KINDS:
        typer.echo(
            f"错误：--kind 只能是 department 或 project，收到 {kind!r}\n"
            f"error: --kind must be department or project, got {kind!r}",
            err=True,
        )
        raise typer.Exit(2)
    if output.suffix.lower() != ".xlsx":
        typer.echo(f"错误：输出文件须为 .xlsx：{output}\nerror: the output must be an .xlsx file: {output}", err=True)
        raise typer.Exit(2)
    if output.exists() and not force:
        typer.echo(
            f"错误：文件已存在，未覆盖（如需覆盖请加 --force）：{output}\n"
            f"error: {output} exists; not overwritten (use --force)",
            err=True,
        )
        raise typer.Exit(1)
    if not output.parent.is_dir():
        typer.echo(f"错误：目录不存在：{output.parent}\nerror: no such directory: {output.parent}", err=True)
        raise typer.Exit(2)
    if output.is_dir():
        typer.echo(f"错误：{output} 是目录\nerror: {output} is a directory", err=True)
        raise typer.Exit(2)
    try:
        written = write_content(output, template_content(kind), TEMPLATE_SHAPE)
    except OSError as exc:
        typer.echo(f"错误：无法写入 {output}：{exc.strerror or exc}\nerror: cannot write {output}: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"已生成 {written.path}（{'、'.join(written.sheets)}）")
