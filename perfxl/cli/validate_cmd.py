"""`perfxl validate` and `perfxl demo` (`perfxl rules` is in rules_cmd.py): check workbooks, write reports and annotated copies.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 an input could not
be read or the arguments are wrong. Errors are explained in Chinese, never as a traceback.
"""

import dataclasses
from pathlib import Path
from typing import Annotated

import typer

from perfxl.cli.main import app
from perfxl.cli.validate_run import (
    DEMO_DIR,
    EXAMPLE_NAME,
    CliAbort,
    load_cli_profile,
    make_console,
    profile_name,
    run_validate,
    validate_all,
)
from perfxl.io.atomic import atomic_write
from perfxl.report.console import print_report


def _fail(message: str) -> typer.Exit:
    typer.echo(f"错误：{message}", err=True)
    return typer.Exit(2)


@app.command()
def validate(
    paths: Annotated[
        list[Path],
        typer.Argument(help="工作簿、自评报告或文件夹 (.xlsx/.xlsm/.xls，含 HTML/XML 导出的 .xls；.docx/.pdf/.doc)"),
    ],
    profile: Annotated[str | None, typer.Option("--profile", "-p", help="规则配置名称或 TOML 文件")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text|json|sarif|csv|html")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="报告写入此文件（默认输出到屏幕）")] = None,
    annotate: Annotated[
        str | None, typer.Option("--annotate", help="批注副本的文件（多个输入、以 / 结尾或不带扩展名时为文件夹）")
    ] = None,  # text, not a Path: a Path drops the trailing slash that makes "批注副本/" a folder
    select: Annotated[list[str] | None, typer.Option("--select", help="只运行这些检查代码（逗号分隔）")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="不运行这些检查代码（逗号分隔）")] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help="error|warning|info|never")] = "error",
    force: Annotated[bool, typer.Option("--force", help="允许覆盖已存在的输出文件")] = False,
    in_place: Annotated[bool, typer.Option("--in-place", help="把批注直接写入原文件（先保留备份）")] = False,
) -> None:
    """校验预算绩效自评表，输出问题清单 (validate workbooks and report every finding at its cell)."""
    raise typer.Exit(run_validate(paths, profile, fmt, output, annotate, select, ignore, fail_on, force, in_place))


def find_example() -> Path | None:
    """The seed example: package data, else the repository's workbooks/examples/ (None when neither)."""
    here = Path(__file__).resolve().parent.parent  # perfxl/
    for candidate in (here / "data" / "examples" / EXAMPLE_NAME, here.parent / "workbooks" / "examples" / EXAMPLE_NAME):
        if candidate.is_file():
            return candidate
    return None


def _demo_report(out_dir: Path, prof):
    """Build the seed's report .docx (perfxl.workbook.report_docx), validate it, write its commented copy;
    None when python-docx is not installed."""
    try:
        # optional, guarded: python-docx may be absent (no Pyodide build); the demo then skips the report
        from perfxl.document.annotate_docx import annotate_docx
        from perfxl.workbook.report_docx import build_report_docx
    except ImportError:
        return None
    built = build_report_docx(out_dir / "longhui-2023-自评报告.docx")
    [doc_result] = validate_all([built.path], prof, None, None)
    if not doc_result.ok:
        raise CliAbort(f"示例报告无法读取：{(doc_result.error or {}).get('message')}")
    copy = annotate_docx(built.path, doc_result.findings, out_dir / "longhui-2023-自评报告.校验.docx", force=True)
    return doc_result, copy.path


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="输出文件夹")] = Path(DEMO_DIR),
) -> None:
    """演示：校验自带的隆回县科工信局 2023 年自评表示例，写出批注副本和 HTML 报告。"""
    # lazy: keeps perfxl.annotate (~4 ms) and perfxl.report.html (~5 ms) off the `perfxl validate` cold start
    from perfxl.annotate import annotate_workbook
    from perfxl.report.html import render_html

    example = find_example()
    out_dir = out_dir.resolve()  # every path the demo prints absolute, as the copies' were (polish13)
    try:
        if example is None:  # an installed perfxl without the repository: build it from the bundled seed data
            # lazy: keeps perfxl.workbook.build (~53 ms) off the `perfxl validate` cold start; demo only
            from perfxl.workbook.build import build_example

            example = build_example(out_dir).path
        prof = load_cli_profile(None)
        [result] = validate_all([example], prof, None, None)
        if not result.ok:
            raise CliAbort(f"示例工作簿无法读取：{(result.error or {}).get('message')}")
        out_dir.mkdir(parents=True, exist_ok=True)
        # The demo's own outputs are overwritten on every run (they are regenerated, never user files).
        ann = annotate_workbook(
            example,
            result.findings,
            out_dir / f"{example.stem}.校验{example.suffix}",
            force=True,
            coverage=result.coverage,
        )
        result = dataclasses.replace(result, warnings=(*result.warnings, *ann.warnings))
        html_path = out_dir / "report.html"
        atomic_write(html_path, render_html([result], profile=profile_name(prof, None)).encode("utf-8"), force=True)
        report = _demo_report(out_dir, prof)  # the same seed as a 自评报告 .docx: its text against its tables
    except CliAbort as exc:
        raise _fail(str(exc)) from None
    except Exception as exc:
        raise _fail(getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}") from None
    console = make_console()
    console.print(f"示例：{example}", highlight=False)
    print_report([result], console)
    console.print(f"批注副本：{ann.path.resolve()}", style="bold green", highlight=False)
    if report is not None:
        doc_result, doc_copy = report
        console.print(f"示例报告：{doc_result.path}", highlight=False)
        print_report([doc_result], console)
        console.print(f"报告批注副本：{doc_copy.resolve()}", style="bold green", highlight=False)
    console.print(f"HTML 报告：{html_path.resolve()}", style="bold green", highlight=False)
