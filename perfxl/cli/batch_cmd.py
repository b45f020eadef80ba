"""`perfxl batch`: check a whole folder of submissions in parallel, with a summary workbook and a dashboard.

Exit codes (the worst result wins): 0 clean; 1 findings at error level; 2 some file unreadable,
an input missing, or bad arguments; 130 interrupted by Ctrl-C or SIGTERM (the partial result is kept in
OUTDIR, marked interrupted). Worker processes end with the batch, however it ends (even kill -9).
"""

import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from perfxl.cli.codes import codes_error, split_codes
from perfxl.cli.main import app
from perfxl.cli.validate_run import load_checked_profile
from perfxl.errors import PerfxlError
from perfxl.io.atomic import explain_write_error
from perfxl.limits import Limits

_SHOW_UNREADABLE = 20


@contextmanager
def sigterm_as_interrupt():
    """SIGTERM (a service manager, `kill`) stops the batch the way Ctrl-C does: the files in flight
    finish or are cancelled, and the partial result is written, marked interrupted (exit 130).
    A second SIGTERM while that happens ends the process at once (outputs are written atomically)."""

    def handler(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (an embedding application): leave its handlers alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _check_profile(name: str | None) -> None:
    """Fail once, up front, on a bad profile name (instead of in every worker)."""
    try:
        load_checked_profile(name)
    except PerfxlError as exc:
        typer.echo(f"错误：规则配置“{name}”无法使用：{exc.message}", err=True)
        raise typer.Exit(2) from None


@app.command("batch")
def batch(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="文件夹、文件或通配符（如 'inbox/**/*.xlsx'）", show_default=False),
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="输出文件夹 (OUTDIR)")] = Path("perfxl-batch"),
    profile: Annotated[str | None, typer.Option("--profile", help="规则配置名称或 TOML 文件")] = None,
    jobs: Annotated[int | None, typer.Option("-j", "--jobs", min=1, help="并行进程数（默认每个 CPU 核一个）")] = None,
    annotate: Annotated[bool, typer.Option("--annotate", help="为每个文件生成批注副本")] = False,
    executor: Annotated[str, typer.Option("--executor", help="执行方式：local 或 dask")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask 调度器地址（如 tcp://host:8786）；不填则启动本机集群")
    ] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="只运行这些规则代码（逗号分隔）")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="跳过这些规则代码（逗号分隔）")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="忽略上次运行的缓存，全部重新检查")] = False,
    reports: Annotated[
        bool, typer.Option("--reports/--no-reports", help="为每个文件生成 HTML 报告（总览页链接到它）")
    ] = True,
) -> None:
    """批量校验文件夹中的全部自评表，生成 summary.xlsx、dashboard.html 与 findings.jsonl。

    Check many workbooks in parallel; re-runs into the same OUTDIR skip unchanged files.
    """
    # lazy: rich (~30 ms) is only for console output, not the validate cold start
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    # lazy: keeps perfxl.batch.executors, perfxl.batch.runner (~30 ms, multiprocessing) off the `perfxl validate` cold start
    from perfxl.batch.executors import EXECUTORS
    from perfxl.batch.runner import run_batch

    if executor not in EXECUTORS:
        typer.echo(f"错误：未知的执行方式“{executor}”，可选：{'、'.join(EXECUTORS)}", err=True)
        raise typer.Exit(2)
    _check_profile(profile)
    select_codes, ignore_codes = split_codes(select), split_codes(ignore)
    for option, codes in (("--select", select_codes), ("--ignore", ignore_codes)):
        if (problem := codes_error(option, codes)) is not None:
            typer.echo(f"错误：{problem}", err=True)
            raise typer.Exit(2)
    try:
        Limits.from_env()  # a bad PERFXL_* limit is said once, up front, not as each file's internal error
    except ValueError as exc:
        typer.echo(f"错误：设置有误：{exc}", err=True)
        raise typer.Exit(2) from None
    console = Console(stderr=True)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("剩余"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )
    counts = {"errors": 0, "unreadable": 0}
    task = progress.add_task("正在查找文件…", total=None)

    def on_start(total: int, cached: int) -> None:
        progress.update(task, total=total, description=f"校验中（缓存 {cached} 个）")

    def on_result(record: dict, row: dict) -> None:
        counts["errors"] += row["errors"]
        counts["unreadable"] += 0 if row["ok"] else 1
        progress.update(task, advance=1, description=f"错误 {counts['errors']} · 无法读取 {counts['unreadable']}")

    try:
        with progress, sigterm_as_interrupt():
            outcome = run_batch(
                paths,
                output,
                profile=profile,
                jobs=jobs,
                annotate=annotate,
                reports=reports,
                executor=executor,
                address=scheduler,
                select=select_codes,
                ignore=ignore_codes,
                use_cache=not no_cache,
                on_start=on_start,
                on_result=on_result,
            )
    except KeyboardInterrupt:
        typer.echo("已中断：已完成的文件保存在 state.jsonl / findings.jsonl 中，重新运行将从缓存继续。", err=True)
        raise typer.Exit(130) from None
    except PerfxlError as exc:
        typer.echo(f"错误 [{exc.code}] {exc}", err=True)
        raise typer.Exit(2) from None
    except OSError as exc:  # OUTDIR not writable, disk full… (said in Chinese, with the path)
        unwritable = explain_write_error(exc, exc.filename or output)
        typer.echo(f"错误 [{unwritable.code}] {unwritable.message}", err=True)
        raise typer.Exit(2) from None
    _print_outcome(outcome)
    raise typer.Exit(outcome.exit_code)


def _print_outcome(outcome) -> None:
    """A short account of the run on stdout: totals, unreadable files with their reasons, the outputs."""
    t = outcome.tables.totals()
    if not t["files"] and not outcome.interrupted:
        typer.echo("没有找到可检查的工作簿或自评报告（.xlsx/.xlsm/.xls/.docx/.pdf/.doc）。")
    passed = [r for r in outcome.rows if r.get("skipped")]
    for row in passed[:_SHOW_UNREADABLE]:
        typer.echo(f"已跳过：{row['name']} [{row['error_code']}] {row['status'].removeprefix('已跳过：')}")
    if len(passed) > _SHOW_UNREADABLE:
        typer.echo(f"……另有 {len(passed) - _SHOW_UNREADABLE} 个文件已跳过，见 summary.xlsx。")
    bad = [r for r in outcome.rows if not r["ok"] and not r.get("skipped")]
    for row in bad[:_SHOW_UNREADABLE]:
        typer.echo(f"无法读取：{row['name']} [{row['error_code']}] {row['status'].removeprefix('无法读取：')}")
    if len(bad) > _SHOW_UNREADABLE:
        typer.echo(f"……另有 {len(bad) - _SHOW_UNREADABLE} 个文件无法读取，见 summary.xlsx。")
    uncopied = [r for r in outcome.rows if any(n.startswith("未生成批注副本：") for n in r.get("notes") or ())]
    if uncopied:  # --annotate: files with no copy (a PDF, a .xls, a copy that failed) are said, not left blank
        typer.echo(
            f"未生成批注副本 {len(uncopied)} 个（{'、'.join(r['name'] for r in uncopied[:3])}"
            f"{'…' if len(uncopied) > 3 else ''}），原因见 summary.xlsx 的“批注副本”一栏。"
        )
    head = "运行被中断，以下为部分结果。" if outcome.interrupted else ""
    skipped = f"，已跳过 {t['skipped']} 个" if t["skipped"] else ""
    pairs = f"，另有报告与工作簿配对核对 {t['pairs']} 组" if t["pairs"] else ""
    typer.echo(
        f"{head}共 {t['files']} 个文件（来自缓存 {t['cached']} 个，无法读取 {t['unreadable']} 个{skipped}）{pairs}："
        f"错误 {t['errors']}，警告 {t['warnings']}，提示 {t['infos']}；用时 {outcome.seconds:.1f} 秒。"
    )
    for key in ("summary_xlsx", "dashboard", "findings"):
        if key in outcome.outputs:
            typer.echo(f"  {outcome.outputs[key]}")
