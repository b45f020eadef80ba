"""The Chinese manuals (issue 15): every picture they show is one docs/screens/make_screens.py makes
(never drawn by hand), exists, is a small PNG; the script, run for real, writes exactly its list. Every
`perfxl …` command they show parses with the real CLI, and every output they quote from the demo files is
what perfxl prints for them today — so the manuals cannot drift from the product."""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from perfxl.cli.codes import split_codes, unknown_codes
from perfxl.cli.main import app
from perfxl.cli.validate_cmd import find_example
from perfxl.model import SEVERITY_ZH, Severity
from perfxl.report._common import coverage_lines
from perfxl.report.json_report import report_dict
from perfxl.validate import validate_file

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
MANUALS = (DOCS / "用户手册.md", DOCS / "审核手册.md")
MAX_BYTES = 200 * 1024


def _screens():
    spec = importlib.util.spec_from_file_location("make_screens", DOCS / "screens" / "make_screens.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pictures(path: Path) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("manual", MANUALS, ids=lambda p: p.name)
def test_every_picture_in_a_manual_is_made_by_the_script_and_exists(manual):
    outputs = _screens().OUTPUTS
    pictures = _pictures(manual)
    assert pictures, f"{manual.name} shows the real screens"
    for ref in pictures:
        assert ref.startswith("images/") and Path(ref).name in outputs, f"{ref}: not made by make_screens.py"
        png = (manual.parent / ref).read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) <= MAX_BYTES, ref


def test_every_png_under_docs_images_is_one_the_script_makes():
    assert {p.name for p in (DOCS / "images").glob("*.png")} == set(_screens().OUTPUTS)


def test_excel_only_screens_are_described_and_listed_for_the_release_check():
    """The ribbon, 宏已被禁用 and 受保护的视图 are not faked: words in the manual, boxes in the checklist."""
    manual = (DOCS / "用户手册.md").read_text(encoding="utf-8")
    checklist = (DOCS / "release-checklist.md").read_text(encoding="utf-8")
    for words in ("宏已被禁用", "受保护的视图", "“绩效自评”选项卡", "版本不一致", "WPS"):
        assert words in manual
    for words in ("绩效自评", "已阻止宏运行", "受保护的视图", "安装.bat", "docs/用户手册.md"):
        assert words in checklist


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.browser
def test_the_script_renders_every_picture(tmp_path):
    for tool in ("soffice", "pdftoppm"):
        assert shutil.which(tool), f"{tool} is missing (.ci/run installs it)"
    proc = subprocess.run(
        [sys.executable, str(DOCS / "screens" / "make_screens.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    made = {p.name for p in tmp_path.glob("*.png")}
    assert made == set(_screens().OUTPUTS)
    for name in made:
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\x89PNG") and 2_000 < len(data) <= MAX_BYTES, name


# ---------------------------------------------------------------- commands shown in the manuals

_FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```", re.S | re.M)
_INLINE = re.compile(r"`(perfxl [a-z][^`]*)`")  # not "perfxl Profile" (an xlwings.conf row)
#: options whose help lists the only values they accept ("text|json|sarif|csv|html")
_CHOICES = re.compile(r"^[a-z]+(?:\|[a-z]+)+$")


def _blocks(path: Path) -> list[tuple[str, str]]:
    """(info string, body) of every fenced code block."""
    return [(m.group(1).strip(), m.group(2)) for m in _FENCE.finditer(path.read_text(encoding="utf-8"))]


def _commands(path: Path) -> list[str]:
    """Every `perfxl …` command line in the code blocks (comments after # dropped): a full command to run."""
    lines = [line.strip() for _, body in _blocks(path) for line in body.splitlines()]
    return [line for line in lines if line.startswith("perfxl ")]


def _mentions(path: Path) -> list[str]:
    """`perfxl …` in inline code: a command named in the text ("`perfxl batch` 的输出"), maybe not complete."""
    return _INLINE.findall(path.read_text(encoding="utf-8"))


@functools.cache
def _click_command() -> Any:
    """typer's own click command tree of perfxl (a group has .commands), built once (10–20 ms of CPU each time); parsing a
    line only reads it (`make_context` makes a new context, the commands stay as built)."""
    return typer.main.get_command(app)


def _parse(line: str, *, complete: bool = True) -> None:
    """Parse `line` with perfxl's own click command tree, as the shell would pass it; fail on anything unknown.
    Not `complete` (a command named in the text): its command and options must exist, arguments may be left out."""
    argv = shlex.split(line, comments=True)
    assert argv[0] == "perfxl", line
    command = _click_command()
    args, path = argv[1:], ["perfxl"]
    while hasattr(command, "commands"):
        assert args and args[0] in command.commands, f"{line}: no command {args[:1]} under {' '.join(path)}"
        path.append(args[0])
        command = command.commands[args.pop(0)]
    if not complete:
        known = {opt for param in command.params for opt in param.opts + param.secondary_opts}
        for token in args:
            assert not token.startswith("-") or token.split("=")[0] in known, f"{line}: no option {token}"
        return
    try:
        ctx = command.make_context(" ".join(path), list(args))
    except Exception as exc:  # typer's click: UsageError / BadParameter / NoSuchOption
        raise AssertionError(f"{line}: {type(exc).__name__}: {exc}") from exc
    for param in command.params:
        value = ctx.params.get(param.name)
        allowed = getattr(param, "help", None) or ""
        if value is not None and _CHOICES.match(allowed) and isinstance(value, str):
            assert value in allowed.split("|"), f"{line}: {param.opts[0]} {value} (allowed: {allowed})"
    if path[1] in ("validate", "batch"):
        for name in ("select", "ignore"):
            assert not unknown_codes(split_codes(ctx.params.get(name))), f"{line}: unknown code in --{name}"


@pytest.mark.parametrize("manual", MANUALS, ids=lambda p: p.name)
def test_every_command_in_a_manual_is_a_real_perfxl_command(manual):
    commands = _commands(manual)
    assert commands, f"{manual.name} shows commands"
    for line in commands:
        _parse(line)
    for line in _mentions(manual):
        _parse(line, complete=False)


def test_the_command_check_catches_drift():
    """The check itself fails on an option, a subcommand, a format or a code that perfxl does not have."""
    for wrong in (
        "perfxl validate a.xlsx --annotated b.xlsx",
        "perfxl check a.xlsx",
        "perfxl validate a.xlsx --format pdf",
        "perfxl batch 收件箱/ --select ZZZ9",
        "perfxl bundle linux",
    ):
        with pytest.raises(AssertionError):
            _parse(wrong)
    with pytest.raises(AssertionError):
        _parse("perfxl batch --no-cash", complete=False)
    _parse("perfxl batch 收件箱/ -o 审核结果/ --annotate -j 4 --no-cache")
    _parse("perfxl batch --no-cache", complete=False)


# ---------------------------------------------------------------- output quoted from the demo files

#: the labels 审核手册.md uses to lay one finding out field by field → the report's JSON key
_FIELDS = {
    "位置": "cell",
    "级别": "severity",
    "代码": "code",
    "确定性": "certainty",
    "说明": "message",
    "应为": "expected",
    "实际": "actual",
    "对照": "related",
    "依据": "basis",
}


@pytest.fixture(scope="module")
def demo_output(tmp_path_factory):
    """What perfxl reports on the demo's two files (the seed workbook, the seed report .docx `perfxl demo`
    builds): every finding as its JSON dict, and every 读取范围 line."""
    from perfxl.workbook.report_docx import build_report_docx

    unit = tmp_path_factory.mktemp("demo")  # one unit's folder: its workbook and its report
    report = build_report_docx(unit / "自评报告.docx").path
    example = find_example()
    assert example is not None
    workbook = unit / "自评表.xlsx"
    shutil.copyfile(example, workbook)
    results = [validate_file(workbook), validate_file(report)]
    findings = [f for file in report_dict(results)["files"] for f in file["findings"]]
    lines = [line for r in results for line in coverage_lines(r.coverage)]
    printed = CliRunner().invoke(app, ["validate", str(report), str(workbook), "--format", "json"])
    pair = [
        f
        for file in json.loads(printed.output)["files"]
        if "报告与工作簿核对" in file["path"]
        for f in file["findings"]
    ]
    assert pair, printed.output[-2000:]
    return findings, lines, pair


def _field_value(finding: dict, key: str) -> str | None:
    if key == "severity":
        return SEVERITY_ZH[Severity(finding["severity"])]
    if key == "related":
        return "、".join(f"{r['sheet']}!{r['cell']}" for r in finding["related"])
    return finding[key]


def test_every_finding_quoted_in_the_reviewer_manual_is_one_perfxl_reports(demo_output):
    """Each ```text block laid out as 位置：… 级别：… 说明：… is one real finding of the demo files, field for field."""
    findings, _, _ = demo_output
    quoted = [body for info, body in _blocks(DOCS / "审核手册.md") if info == "text" and body.startswith("位置：")]
    assert len(quoted) >= 3, "the manual shows real findings"
    for body in quoted:
        fields = {}
        for line in body.splitlines():
            for part in re.split(r"\s{2,}", line.strip()):
                label, _, value = part.partition("：")
                assert label in _FIELDS, f"unknown label {label!r} in: {line}"
                fields[_FIELDS[label]] = value
        match = [f for f in findings if all(_field_value(f, k) == v for k, v in fields.items())]
        assert match, f"no finding of the demo files reads so:\n{body}"


def test_every_coverage_line_quoted_from_the_demo_is_what_perfxl_prints(demo_output):
    _, lines, _ = demo_output
    blocks = [body for info, body in _blocks(DOCS / "审核手册.md") if info == "text" and body.startswith("读取范围：")]
    assert blocks, "the manual shows the demo's 读取范围"
    for body in blocks:
        for line in body.splitlines()[1:]:
            assert line in lines, f"perfxl does not print this 读取范围 line for the demo files: {line}"


def test_the_pairing_note_quoted_is_what_perfxl_reports_for_the_demo_unit(demo_output):
    """报告与工作簿核对 of the demo's unit folder: the report's own tables already hold the contradictions."""
    _, _, pair = demo_output
    for line in _quoted("另有 "):
        assert line in [f["message"] for f in pair], line


# ---------------------------------------------------------------- output quoted from other real files


def _quoted(prefix: str) -> list[str]:
    """The lines of 审核手册.md's code blocks that start with `prefix`."""
    lines = [line for _, body in _blocks(DOCS / "审核手册.md") for line in body.splitlines()]
    found = [line for line in lines if line.startswith(prefix)]
    assert found, f"the manual quotes a line starting {prefix!r}"
    return found


def test_the_checks_not_run_line_is_what_perfxl_prints_for_that_real_table(tmp_path):
    """未能运行: the published 北京海淀 2016 项目支出 table the corpus holds (no 总分 row), built by the project's writer."""
    sys.path.insert(0, str(REPO / "tests" / "realworld"))
    from render import CORPUS, render

    path = render(CORPUS / "beijing-haidian-xueyuanlu-baojie-2016.toml", tmp_path)
    lines = coverage_lines(validate_file(path).coverage)
    for line in _quoted("Sheet1："):
        assert "未能运行" in line and line in lines, line


def test_the_scanned_pdf_line_is_what_perfxl_says(tmp_path):
    """A PDF holding only a picture (what a scanner writes) is refused with the words the manual quotes."""
    image = pytest.importorskip("PIL.Image")
    path = tmp_path / "扫描件.pdf"
    image.new("RGB", (595, 842), "white").save(path)
    printed = CliRunner().invoke(app, ["validate", str(path)])
    assert printed.exit_code == 2
    [line] = _quoted("无法读取 [")
    assert line in [row.strip() for row in printed.output.splitlines()], printed.output


@pytest.mark.slow
@pytest.mark.libreoffice
def test_the_unruled_pdf_table_line_is_what_perfxl_prints(tmp_path):
    """第N页 无框线表格 … 未能读取: the real 中江县 2022 report exported by LibreOffice with its tables unruled, as
    tests/test_document_pdf_parity.py does ("plain")."""
    sys.path.insert(0, str(REPO / "tests"))
    from test_document_pdf_parity import REPORTS, export_all

    from perfxl.io.libreoffice import soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    [(_, _, _, pdf)] = export_all([REPORTS / "sichuan-zhongjiang-shuili-xianjie-2022.toml"], tmp_path, "plain")
    lines = coverage_lines(validate_file(pdf).coverage)
    for line in _quoted("第1页 无框线表格："):
        assert line in lines, line
