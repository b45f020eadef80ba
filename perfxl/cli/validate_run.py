"""The body of `perfxl validate`, kept apart from its typer declaration (validate_cmd.py) so it can be
called and tested as a plain function returning the exit status.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 an input could not
be read or the arguments are wrong. Errors are explained in Chinese, never as a traceback.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

from perfxl.cli.codes import codes_error, split_codes
from perfxl.document.read import is_document
from perfxl.errors import PerfxlError
from perfxl.io.atomic import atomic_write
from perfxl.io.inputs import ACCEPTED_SUFFIXES, not_regular
from perfxl.limits import Limits
from perfxl.profiles import load_profile
from perfxl.report import ENCODING, FORMATS, render
from perfxl.report.console import print_report
from perfxl.result import FileResult
from perfxl.rules import check_profile
from perfxl.rules.catalogue import CATALOGUE
from perfxl.validate import validate_file

FAIL_LEVELS = {"error": 3, "warning": 2, "info": 1, "never": 99}
EXAMPLE_NAME = "longhui-2023-kegongxin.xlsx"
DEMO_DIR = "perfxl-demo"


class CliAbort(Exception):
    """Argument or environment problem: message shown, exit 2."""


def echo_err(message: str) -> None:
    """One line on stderr, like typer.echo(err=True), without loading typer."""
    sys.stderr.write(f"{message}\n")
    sys.stderr.flush()


def fail(message: str) -> int:
    """Print the Chinese error line and return exit status 2."""
    echo_err(f"错误：{message}")
    return 2


def collect_inputs(paths: list[Path]) -> tuple[list[Path], dict[Path, dict]]:
    """Expand folders (recursively) into workbooks and report documents (the batch's one list of accepted
    suffixes, `perfxl.io.inputs.ACCEPTED_SUFFIXES`), in argument order; returns (inputs, problems).

    `inputs` keeps the paths that cannot be read in their place, so reports follow the command line;
    `problems` maps each of them to its error (no such file; or a name that is not a regular file —
    a named pipe, a device, a symbolic-link loop, a dangling link — which is never opened).
    """
    files: list[Path] = []
    problems: dict[Path, dict] = {}

    def unreadable(p: Path) -> None:
        problem = not_regular(p)
        if problem is None:
            problems[p] = {
                "code": "FILE_NOT_FOUND",
                "message": f"找不到文件或文件夹：{p}",
                "message_en": f"no such file or folder: {p}",
            }
        else:
            code, zh, en = problem
            problems[p] = {"code": code, "message": f"{p}：{zh}", "message_en": f"{p}: {en}"}
        files.append(p)

    for p in paths:
        if p.is_dir():
            for f in sorted(
                f
                for f in p.rglob("*")
                if f.suffix.lower() in ACCEPTED_SUFFIXES and not f.name.startswith(("~$", ".~lock")) and not f.is_dir()
            ):
                if f.is_file():
                    files.append(f)
                elif not_regular(f) is not None:
                    unreadable(f)
        elif p.is_file():
            files.append(p)
        else:
            unreadable(p)
    seen: set[str] = set()
    unique = []
    for f in files:  # the same file named twice (or through a link) is checked once
        real = os.path.realpath(f)
        if real not in seen:
            seen.add(real)
            unique.append(f)
    return unique, problems


def _unreadable_result(path: Path, error: dict):
    return FileResult(path=str(path), ok=False, error=error)


def load_checked_profile(name: str | None):
    """The Profile, its `[checks.CODE]` tables checked against the catalogue (an unknown code or
    parameter is a ProfileError): every command reads a profile the same way, so none of them
    silently ignores a line another one refuses."""
    profile = load_profile(name)
    check_profile(profile)
    return profile


def load_cli_profile(name: str | None):
    """The checked Profile (so a bad name or a bad check setting fails once, up front, with exit 2)."""
    try:
        return load_checked_profile(name)
    except PerfxlError as exc:
        raise CliAbort(f"规则配置“{name or '默认'}”无法使用：{exc.message}") from None


def profile_name(profile, requested: str | None) -> str | None:
    """The loaded profile's name for reports, else the name the user asked for."""
    return getattr(profile, "name", None) or requested


def validate_all(files: list[Path], profile, select, ignore):
    """FileResults in input order; a crash inside one file becomes an unreadable result, not a traceback."""
    results = []
    for f in files:
        try:
            results.append(validate_file(f, profile, select=select, ignore=ignore))
        except Exception as exc:  # validate_file promises not to raise; keep the promise for the user anyway
            results.append(
                FileResult(
                    path=str(f),
                    ok=False,
                    error={
                        "code": "INTERNAL_ERROR",
                        "message": f"校验时出现内部错误：{type(exc).__name__}: {exc}",
                        "message_en": repr(exc),
                    },
                )
            )
    return results


def pair_results(files: list[Path], profile, select, ignore) -> list[FileResult]:
    """A report and a workbook named together from one folder are also checked against each other (N01–N05),
    as in `perfxl batch`: one more result, "报告与工作簿核对：<report> ⇄ <workbook>"."""
    if all(is_document(f) for f in files) or not any(is_document(f) for f in files):
        return []
    # lazy: the batch worker behind pairing costs ~80 ms of imports, paid only when a report meets a workbook
    from perfxl.batch.discover import Discovered
    from perfxl.batch.pairing import check_pair, pair_entries

    found = [Discovered(f, str(f)) for f in files]
    return [check_pair(entry.path, profile, select=select, ignore=ignore) for entry in pair_entries(found)]


def check_catalogue() -> list:
    """The check catalogue (CheckSpec objects) of perfxl.rules, for `perfxl rules` and SARIF reports."""
    return list(CATALOGUE)


def _annotate_target(src: Path, out: Path | str, many: bool) -> Path:
    """Where the annotated copy of `src` goes: `out` itself for one file, else `out/<stem>.校验<suffix>`.

    `out` is a folder when several files are checked, when it exists as one, when it is written with a trailing
    slash ("批注副本/", as the README writes it: the command passes the text, since a Path drops the slash), or when
    it has no extension at all (no file name a copy could take)."""
    folder = str(out).endswith(("/", "\\"))
    out = Path(out)
    if many or folder or out.is_dir() or not out.suffix:
        return out / f"{src.stem}.校验{src.suffix}"
    return out


def _annotate_document(src: Path, result, annotate: Path | str | None, in_place: bool, many: bool, force: bool):
    """(message, failed) for a report document: a .docx gets a commented copy, a PDF or .doc only page/paragraph places."""
    if src.suffix.lower() != ".docx":  # (--in-place named only when it was given: polish13)
        also = "；--in-place 不用于报告文档" if in_place else ""
        return f"跳过批注副本：{src}（PDF/.doc 报告只能读取，问题已在报告中注明页码和段落{also}）", False
    if in_place or annotate is None:
        return f"跳过批注副本：{src}（--in-place 不用于报告文档；如需 Word 批注副本，请用 --annotate）", False
    # lazy: keeps perfxl.document.annotate_docx and its docx reader (~17 ms) off the `perfxl validate` cold start
    from perfxl.document.annotate_docx import annotate_docx

    try:
        res = annotate_docx(src, result.findings, _annotate_target(src, annotate, many), force=force)
    except PerfxlError as exc:
        return f"未生成批注副本：{src}：{exc.message}", True
    return f"已写出批注副本：{res.path}（添加 {res.comments} 条 Word 批注）", False


def _annotate(results, annotate: Path | str | None, in_place: bool, force: bool):
    """Write annotated copies; returns (results with annotate warnings attached, messages, any copy failed)."""
    # lazy: keeps perfxl.annotate (~4 ms) off the `perfxl validate` cold start
    from perfxl.annotate import annotate_workbook

    notes: list[str] = []
    out = []
    failed = False
    candidates = [r for r in results if r.ok]
    for r in results:
        if not r.ok or (annotate is None and not in_place):
            out.append(r)
            continue
        src = Path(r.path)
        if src.suffix.lower() in (".docx", ".pdf", ".doc"):  # a 自评报告: Word comments (perfxl.document)
            note, bad = _annotate_document(src, r, annotate, in_place, len(candidates) > 1, force)
            notes.append(note)
            failed = failed or bad
            out.append(r)
            continue
        if src.suffix.lower() not in (".xlsx", ".xlsm"):
            notes.append(f"跳过批注副本：{src}（.xls 文件请先另存为 .xlsx）")
            out.append(r)
            continue
        dest = None if in_place or annotate is None else _annotate_target(src, annotate, len(candidates) > 1)
        try:
            res = annotate_workbook(src, r.findings, dest, force=force, in_place=in_place, coverage=r.coverage)
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
    atomic_write(output, text.encode(ENCODING[fmt]), force=force)


def make_console():
    """A rich Console for stdout: terminal width on a terminal, 140 columns when piped."""
    # lazy: rich (~30 ms) is only for console output, not the validate cold start
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


def run_validate(
    paths: list[Path],
    profile: str | None = None,
    fmt: str = "text",
    output: Path | None = None,
    annotate: Path | str | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_on: str = "error",
    force: bool = False,
    in_place: bool = False,
) -> int:
    """The whole `perfxl validate` command; returns its exit status (0/1/2), never raises for bad input."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        return fail(f"--format 只能是 {'/'.join(FORMATS)}，收到“{fmt}”")
    if fail_on.lower() not in FAIL_LEVELS:
        return fail(f"--fail-on 只能是 error/warning/info/never，收到“{fail_on}”")
    if in_place and annotate is not None:
        return fail("--in-place 与 --annotate 不能同时使用")
    if output is not None and output.exists() and not force:
        return fail(f"输出文件已存在：{output}（如需覆盖请加 --force）")
    select_codes, ignore_codes = split_codes(select), split_codes(ignore)
    for option, codes in (("--select", select_codes), ("--ignore", ignore_codes)):
        if (problem := codes_error(option, codes)) is not None:
            return fail(problem)
    try:
        Limits.from_env()  # a bad PERFXL_* limit is said once, up front, not as each file's internal error
    except ValueError as exc:
        return fail(f"设置有误：{exc}")
    try:
        prof = load_cli_profile(profile)
        files, missing = collect_inputs(paths)
        if not files:
            raise CliAbort("没有找到可校验的工作簿或报告（.xlsx/.xlsm/.xls/.docx/.pdf/.doc）")
        if output is not None and any(os.path.realpath(output) == os.path.realpath(f) for f in files):
            raise CliAbort(f"报告文件不能是被校验的工作簿本身：{output}")
        present = validate_all([f for f in files if f not in missing], prof, select_codes, ignore_codes)
        found = iter(present)
        results = [_unreadable_result(f, missing[f]) if f in missing else next(found) for f in files]
        notes: list[str] = []
        annotate_failed = False
        if annotate is not None or in_place:
            results, notes, annotate_failed = _annotate(results, annotate, in_place, force)
        results += pair_results([f for f in files if f not in missing], prof, select_codes, ignore_codes)
        name = profile_name(prof, profile)
        catalogue = check_catalogue() if fmt == "sarif" else None
        if output is not None:
            _write_report(render(results, fmt, profile=name, catalogue=catalogue), fmt, output, force)
            notes.append(f"已写出报告：{output}")
        elif fmt == "text":
            print_report(results, make_console())
        else:
            sys.stdout.write(render(results, fmt, profile=name, catalogue=catalogue))
    except CliAbort as exc:
        return fail(str(exc))
    except Exception as exc:  # typed errors (PerfxlError) and anything unexpected: no traceback
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        return fail(message)
    for note in notes:
        echo_err(note)
    return 2 if annotate_failed else exit_code(results, fail_on.lower())
