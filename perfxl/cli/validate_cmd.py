"""`perfxl validate`, `perfxl demo` and `perfxl rules`: check workbooks, write reports and annotated copies.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 an input could not
be read or the arguments are wrong. Errors are explained in Chinese, never as a traceback.
"""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from perfxl.cli.main import app

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
FAIL_LEVELS = {"error": 3, "warning": 2, "info": 1, "never": 99}
EXAMPLE_NAME = "longhui-2023-kegongxin.xlsx"
DEMO_DIR = "perfxl-demo"


class _Abort(Exception):
    """Argument or environment problem: message shown, exit 2."""


def _fail(message: str) -> typer.Exit:
    typer.echo(f"错误：{message}", err=True)
    return typer.Exit(2)


def _split_codes(values: Optional[list[str]]) -> list[str] | None:
    """["A,B", "C"] → ["A", "B", "C"]; None when nothing was given."""
    if not values:
        return None
    codes = [c.strip().upper() for v in values for c in v.split(",") if c.strip()]
    return codes or None


def collect_inputs(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Expand folders (recursively) into workbook files, in argument order; returns (inputs, missing).

    `inputs` keeps missing paths in their place so reports follow the command line.
    """
    files: list[Path] = []
    missing: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in WORKBOOK_SUFFIXES and not f.name.startswith(("~$", ".~lock"))
            )
            files += found
        elif p.is_file():
            files.append(p)
        else:
            missing.append(p)
            files.append(p)
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    return unique, missing


def _missing_result(path: Path):
    from perfxl.result import FileResult

    return FileResult(
        path=str(path),
        ok=False,
        error={"code": "FILE_NOT_FOUND", "message": f"找不到文件或文件夹：{path}", "message_en": f"no such file or folder: {path}"},
    )


def _load_profile(name: Optional[str]):
    """The Profile object (so a bad name fails once, up front, with exit 2)."""
    try:
        from perfxl.profiles import load_profile
    except ImportError as exc:
        raise _Abort(f"规则配置模块不可用（perfxl.profiles）：{exc}") from None
    from perfxl.errors import PerfxlError

    try:
        return load_profile(name)
    except PerfxlError as exc:
        raise _Abort(f"规则配置“{name}”无法使用：{exc.message}") from None


def _profile_name(profile, requested: Optional[str]) -> str | None:
    return getattr(profile, "name", None) or requested


def _validate_all(files: list[Path], profile, select, ignore):
    """FileResults in input order; a crash inside one file becomes an unreadable result, not a traceback."""
    try:
        from perfxl.validate import validate_file
    except ImportError as exc:
        raise _Abort(f"校验引擎不可用（perfxl.validate）：{exc}") from None
    from perfxl.result import FileResult

    results = []
    for f in files:
        try:
            results.append(validate_file(f, profile, select=select, ignore=ignore))
        except Exception as exc:  # validate_file promises not to raise; keep the promise for the user anyway
            results.append(
                FileResult(
                    path=str(f),
                    ok=False,
                    error={"code": "INTERNAL_ERROR", "message": f"校验时出现内部错误：{type(exc).__name__}: {exc}", "message_en": repr(exc)},
                )
            )
    return results


def _catalogue() -> list:
    """The check catalogue (CheckSpec objects) from perfxl.rules, [] when unavailable."""
    try:
        from perfxl.rules.catalogue import CATALOGUE
    except ImportError:
        return []
    return list(CATALOGUE)


def _annotate_target(src: Path, out: Path, many: bool) -> Path:
    """Where the annotated copy of `src` goes: `out` itself for one file, else `out/<stem>.校验<suffix>`."""
    if many or out.is_dir() or str(out).endswith(("/", "\\")):
        return out / f"{src.stem}.校验{src.suffix}"
    return out


def _annotate(results, annotate: Optional[Path], in_place: bool, force: bool):
    """Write annotated copies; returns (results with annotate warnings attached, messages, any copy failed)."""
    from perfxl.annotate import annotate_workbook
    from perfxl.errors import PerfxlError

    notes: list[str] = []
    out = []
    failed = False
    candidates = [r for r in results if r.ok]
    for r in results:
        if not r.ok or (annotate is None and not in_place):
            out.append(r)
            continue
        src = Path(r.path)
        if src.suffix.lower() not in (".xlsx", ".xlsm"):
            notes.append(f"跳过批注副本：{src}（.xls 文件请先另存为 .xlsx）")
            out.append(r)
            continue
        dest = None if in_place else _annotate_target(src, annotate, len(candidates) > 1)
        try:
            res = annotate_workbook(src, r.findings, dest, force=force, in_place=in_place)
        except PerfxlError as exc:
            failed = True
            notes.append(f"未生成批注副本：{src}：{exc.message}")
            out.append(dataclasses.replace(r, warnings=(*r.warnings, f"未生成批注副本：{exc.message}")))
            continue
        msg = f"已写出批注副本：{res.path}（标记 {res.marked_cells} 个单元格）"
        if res.backup:
            msg += f"；原文件备份：{res.backup}"
        notes.append(msg)
        notes += [f"注意：{w}" for w in res.warnings]
        out.append(dataclasses.replace(r, warnings=(*r.warnings, *res.warnings)))
    return out, notes, failed


def _write_report(text: str, fmt: str, output: Path, force: bool) -> None:
    from perfxl.io.atomic import atomic_write
    from perfxl.report import ENCODING

    atomic_write(output, text.encode(ENCODING[fmt]), force=force)


def _console():
    """A rich Console for stdout: terminal width on a terminal, 140 columns when piped."""
    from rich.console import Console

    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console = Console(soft_wrap=False, width=140)
    return console


def exit_code(results, fail_on: str) -> int:
    """2 when any input was unreadable; 1 when a finding is at or above `fail_on`; else 0."""
    if any(not r.ok for r in results):
        return 2
    level = FAIL_LEVELS[fail_on]
    worst = max((f.severity.rank for r in results for f in r.findings), default=0)
    return 1 if worst >= level else 0


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="工作簿文件或文件夹 (.xlsx/.xlsm/.xls)")],
    profile: Annotated[Optional[str], typer.Option("--profile", "-p", help="规则配置名称或 TOML 文件")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text|json|sarif|csv|html")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="报告写入此文件（默认输出到屏幕）")] = None,
    annotate: Annotated[Optional[Path], typer.Option("--annotate", help="批注副本的文件（多个输入时为文件夹）")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="只运行这些检查代码（逗号分隔）")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="不运行这些检查代码（逗号分隔）")] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help="error|warning|info|never")] = "error",
    force: Annotated[bool, typer.Option("--force", help="允许覆盖已存在的输出文件")] = False,
    in_place: Annotated[bool, typer.Option("--in-place", help="把批注直接写入原文件（先保留备份）")] = False,
) -> None:
    """校验预算绩效自评表，输出问题清单 (validate workbooks and report every finding at its cell)."""
    from perfxl.report import FORMATS, render

    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise _fail(f"--format 只能是 {'/'.join(FORMATS)}，收到“{fmt}”")
    if fail_on.lower() not in FAIL_LEVELS:
        raise _fail(f"--fail-on 只能是 error/warning/info/never，收到“{fail_on}”")
    if in_place and annotate is not None:
        raise _fail("--in-place 与 --annotate 不能同时使用")
    if output is not None and output.exists() and not force:
        raise _fail(f"输出文件已存在：{output}（如需覆盖请加 --force）")
    try:
        prof = _load_profile(profile)
        files, missing = collect_inputs(paths)
        if not files:
            raise _Abort("没有找到可校验的工作簿（.xlsx/.xlsm/.xls）")
        if output is not None and any(output.resolve() == f.resolve() for f in files):
            raise _Abort(f"报告文件不能是被校验的工作簿本身：{output}")
        present = _validate_all([f for f in files if f not in missing], prof, _split_codes(select), _split_codes(ignore))
        found = iter(present)
        results = [_missing_result(f) if f in missing else next(found) for f in files]
        notes: list[str] = []
        annotate_failed = False
        if annotate is not None or in_place:
            results, notes, annotate_failed = _annotate(results, annotate, in_place, force)
        name = _profile_name(prof, profile)
        catalogue = _catalogue() if fmt == "sarif" else None
        if output is not None:
            _write_report(render(results, fmt, profile=name, catalogue=catalogue), fmt, output, force)
            notes.append(f"已写出报告：{output}")
        elif fmt == "text":
            from perfxl.report.console import print_report

            print_report(results, _console())
        else:
            sys.stdout.write(render(results, fmt, profile=name, catalogue=catalogue))
    except _Abort as exc:
        raise _fail(str(exc)) from None
    except Exception as exc:  # typed errors (PerfxlError) and anything unexpected: no traceback
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        raise _fail(message) from None
    for note in notes:
        typer.echo(note, err=True)
    raise typer.Exit(2 if annotate_failed else exit_code(results, fail_on.lower()))


def find_example() -> Path | None:
    """The seed example: package data, else the repository's workbooks/examples/ (None when neither)."""
    here = Path(__file__).resolve().parent.parent  # perfxl/
    for candidate in (here / "data" / "examples" / EXAMPLE_NAME, here.parent / "workbooks" / "examples" / EXAMPLE_NAME):
        if candidate.is_file():
            return candidate
    return None


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="输出文件夹")] = Path(DEMO_DIR),
) -> None:
    """演示：校验自带的隆回县科工信局 2023 年自评表示例，写出批注副本和 HTML 报告。"""
    from perfxl.annotate import annotate_workbook
    from perfxl.io.atomic import atomic_write
    from perfxl.report.console import print_report
    from perfxl.report.html import render_html

    example = find_example()
    try:
        if example is None:  # an installed perfxl without the repository: build it from the bundled seed data
            from perfxl.workbook.build import build_example

            example = build_example(out_dir).path
        prof = _load_profile(None)
        [result] = _validate_all([example], prof, None, None)
        if not result.ok:
            raise _Abort(f"示例工作簿无法读取：{(result.error or {}).get('message')}")
        out_dir.mkdir(parents=True, exist_ok=True)
        # The demo's own outputs are overwritten on every run (they are regenerated, never user files).
        ann = annotate_workbook(example, result.findings, out_dir / f"{example.stem}.校验{example.suffix}", force=True)
        result = dataclasses.replace(result, warnings=(*result.warnings, *ann.warnings))
        html_path = out_dir / "report.html"
        atomic_write(html_path, render_html([result], profile=_profile_name(prof, None)).encode("utf-8"), force=True)
    except _Abort as exc:
        raise _fail(str(exc)) from None
    except Exception as exc:
        raise _fail(getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}") from None
    console = _console()
    console.print(f"示例：{example}", highlight=False)
    print_report([result], console)
    console.print(f"批注副本：{ann.path.resolve()}", style="bold green", highlight=False)
    console.print(f"HTML 报告：{html_path.resolve()}", style="bold green", highlight=False)


@app.command("rules")
def rules_cmd(
    profile: Annotated[Optional[str], typer.Option("--profile", "-p", help="规则配置名称或 TOML 文件")] = None,
) -> None:
    """列出全部检查规则：代码、级别、说明、依据 (list the check catalogue)."""
    from rich.markup import escape
    from rich.table import Table

    from perfxl.report._common import SEVERITY_ZH, severity_of

    try:
        prof = _load_profile(profile)
        specs = _catalogue()
    except _Abort as exc:
        raise _fail(str(exc)) from None
    if not specs:
        raise _fail("规则目录不可用（perfxl.rules 未安装或为空）")
    table = Table(title=f"perfxl 检查规则（配置：{escape(_profile_name(prof, profile) or '默认')}）", show_lines=False)
    for col in ("代码", "级别", "说明", "依据"):
        table.add_column(col)
    for spec in specs:
        severity = severity_of(spec.severity)
        enabled = True
        check = getattr(prof, "check", None)
        if callable(check):
            try:
                settings = check(spec.code)
                enabled = bool(getattr(settings, "enabled", True))
                severity = severity_of(getattr(settings, "severity", severity) or severity)
            except Exception:  # a profile without settings for this code keeps the catalogue default
                pass
        label = SEVERITY_ZH[severity] + ("" if enabled else "（已停用）")
        table.add_row(escape(spec.code), label, escape(getattr(spec, "title_zh", "") or ""), escape(getattr(spec, "source", "") or ""))
    _console().print(table)
