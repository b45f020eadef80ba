"""`perfxl validate / demo / rules` end to end on the seed example: findings at the right cells,
every report format, annotated copies, and exit codes 0/1/2 (never a traceback)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path
from unittest import mock

import jsonschema
import openpyxl
import pytest
import typer.main
from typer.testing import CliRunner
from xlsx_load import load_workbook

from perfxl.cli.main import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text(encoding="utf-8"))
runner = CliRunner()
#: typer's click command tree of `app`, built once: `CliRunner.invoke` builds it anew on every call (10–20 ms of CPU)
CLI = typer.main.get_command(app)


def run(*args: str):
    with mock.patch("typer.testing._get_command", lambda _: CLI):  # invoke(app) runs CLI.main(args), as before
        result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture(scope="module")
def example() -> Path:
    assert EXAMPLE.is_file(), "seed example missing: the workbook generator writes it"
    return EXAMPLE


@pytest.fixture(scope="module")
def report(example) -> dict:
    res = run("validate", example, "--format", "json")
    assert res.exit_code == 1, res.output
    doc = json.loads(res.stdout)
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)
    return doc


def _cells_holding(path: Path, predicate) -> set[tuple[str, str]]:
    """(sheet, A1) of every cell of the workbook whose value satisfies `predicate`."""
    wb = load_workbook(path, data_only=True)
    return {
        (ws.title, c.coordinate)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None and predicate(c.value)
    }


def _num(value) -> Decimal | None:
    try:
        return Decimal(str(value).strip().rstrip("%"))
    except Exception:
        return None


def _at(doc: dict, code: str) -> set[tuple[str, str]]:
    return {(f["sheet"], f["cell"]) for f in doc["files"][0]["findings"] if f["code"] == code}


# ---------------------------------------------------------------- the seed report's known errors


def test_seed_execution_rate_94_5_flagged_at_its_cell(report, example):
    rate_cells = _cells_holding(example, lambda v: _num(v) == Decimal("94.5"))
    f04 = [f for f in report["files"][0]["findings"] if f["code"] == "F04"]
    assert f04 and {(f["sheet"], f["cell"]) for f in f04} <= rate_cells
    assert any(_num(f["expected"]) == Decimal("100") for f in f04), f04


def test_seed_weights_110_and_efficacy_35_vs_25(report):
    codes = {f["code"] for f in report["files"][0]["findings"]}
    assert {"W02", "W05"} <= codes, codes
    w02 = [f for f in report["files"][0]["findings"] if f["code"] == "W02"]
    assert any(
        "35" in (f["actual"] or "") + f["message"] and "25" in (f["expected"] or "") + f["message"] for f in w02
    ), w02


def test_seed_control_rate_and_over_establishment(report, example):
    cells_140 = _cells_holding(example, lambda v: str(v).strip() == "140%")
    b01 = _at(report, "B01")
    assert b01 and b01 <= cells_140
    assert any(_num(f["expected"]) == Decimal("140.63") for f in report["files"][0]["findings"] if f["code"] == "B01")
    assert _at(report, "B02"), "45 > 32 over-establishment"


def test_seed_score_9_should_be_9_83(report, example):
    s01 = [f for f in report["files"][0]["findings"] if f["code"] == "S01" and _num(f["expected"]) == Decimal("9.83")]
    assert len(s01) == 1, s01
    assert _num(s01[0]["actual"]) == Decimal("9")
    nine = _cells_holding(example, lambda v: _num(v) == Decimal("9"))
    assert (s01[0]["sheet"], s01[0]["cell"]) in nine


def test_seed_over_completion_without_reason_and_goal_text(report, example):
    s08 = [f for f in report["files"][0]["findings"] if f["code"] == "S08" and "20家" in f["message"]]
    assert len(s08) == 1, s08
    [(sheet, cell)] = list(_cells_holding(example, lambda v: str(v).strip() == "20家"))
    row = int("".join(ch for ch in cell if ch.isdigit()))
    assert s08[0]["sheet"] == sheet and s08[0]["cell"].endswith(str(row)), "flagged on the 20家 row (its 偏差原因 cell)"
    assert _at(report, "G02") and _at(report, "G03")


# ---------------------------------------------------------------- formats and outputs


def test_sarif_from_the_cli_parses_with_sarif_pydantic(example):
    from sarif_pydantic import Sarif

    res = run("validate", example, "--format", "sarif")
    assert res.exit_code == 1
    log = Sarif.model_validate_json(res.stdout)
    results = log.runs[0].results
    assert results and all(r.locations[0].logical_locations[0].fully_qualified_name.count("!") == 1 for r in results)


def test_csv_and_html_to_files_refuse_clobber_without_force(example, tmp_path):
    out = tmp_path / "问题清单.csv"
    assert run("validate", example, "--format", "csv", "-o", out).exit_code == 1
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0][0] == "文件" and len(rows) > 5
    before = out.read_bytes()
    res = run("validate", example, "--format", "csv", "-o", out)
    assert res.exit_code == 2 and "--force" in res.output and out.read_bytes() == before
    assert run("validate", example, "--format", "html", "-o", tmp_path / "r.html").exit_code == 1
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<svg" in html and "http://" not in html.split("xmlns=")[0]


def test_text_report_groups_by_sheet(example):
    res = run("validate", example)
    assert res.exit_code == 1
    assert res.stdout.count("工作表：") >= 2 and "F04" in res.stdout


def test_annotate_one_file_and_a_folder_of_files(example, tmp_path):
    out = tmp_path / "copy.xlsx"
    res = run("validate", example, "--annotate", out, "--fail-on", "never")
    assert res.exit_code == 0 and out.is_file() and "已写出批注副本" in res.output
    assert "校验结果" in load_workbook(out).sheetnames
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(example, folder / "a.xlsx")
    shutil.copy(example, folder / "b.xlsx")
    (folder / "~$a.xlsx").write_bytes(b"lock")
    (folder / "notes.txt").write_text("not a workbook")
    res = run("validate", folder, "--annotate", tmp_path / "out", "--format", "json", "--fail-on", "never")
    assert res.exit_code == 0, res.output
    assert [Path(f["path"]).name for f in json.loads(res.stdout)["files"]] == ["a.xlsx", "b.xlsx"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.校验.xlsx", "b.校验.xlsx"]


def test_annotate_over_an_existing_file_needs_force_and_report_never_over_input(example, tmp_path):
    out = tmp_path / "copy.xlsx"
    out.write_bytes(b"mine")
    res = run("validate", example, "--annotate", out, "--fail-on", "never")
    assert res.exit_code == 2 and out.read_bytes() == b"mine" and "--force" in res.output
    assert run("validate", example, "--annotate", out, "--force", "--fail-on", "never").exit_code == 0
    assert "校验结果" in load_workbook(out).sheetnames
    target = tmp_path / "in.xlsx"
    shutil.copy(example, target)
    before = target.read_bytes()
    res = run("validate", target, "-o", target, "--force", "--format", "json")
    assert res.exit_code == 2 and target.read_bytes() == before


def test_in_place_keeps_a_backup(example, tmp_path):
    target = tmp_path / "mine.xlsx"
    shutil.copy(example, target)
    original = target.read_bytes()
    res = run("validate", target, "--in-place", "--fail-on", "never")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "mine.xlsx.bak").read_bytes() == original
    assert "校验结果" in load_workbook(target).sheetnames


# ---------------------------------------------------------------- exit codes


def test_exit_codes_follow_fail_level_and_selection(example):
    assert run("validate", example, "--fail-on", "never").exit_code == 0
    assert run("validate", example, "--select", "T03").exit_code == 0  # 总分 99 ≤ 100: nothing fires
    res = run("validate", example, "--select", "S08", "--format", "json", "--fail-on", "warning")
    assert res.exit_code == 1
    assert {f["code"] for f in json.loads(res.stdout)["files"][0]["findings"]} == {"S08"}
    assert run("validate", example, "--select", "S08").exit_code == 0  # warnings only, fail on error
    res = run("validate", example, "--ignore", "F04,S01", "--format", "json")
    assert not {"F04", "S01"} & {f["code"] for f in json.loads(res.stdout)["files"][0]["findings"]}


def test_exit_2_for_unreadable_or_missing_inputs_and_the_others_still_checked(example, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"this is not a workbook")
    res = run("validate", broken, tmp_path / "missing.xlsx", example, "--format", "json")
    assert res.exit_code == 2
    files = json.loads(res.stdout)["files"]
    jsonschema.validate(json.loads(res.stdout), SCHEMA, cls=jsonschema.Draft202012Validator)
    assert [f["ok"] for f in files] == [False, False, True], "reports follow the command line order"
    assert files[2]["findings"] and files[1]["error"]["code"] == "FILE_NOT_FOUND"
    assert files[0]["error"]["code"] and "broken.xlsx" in files[0]["path"]


@pytest.mark.parametrize(
    "args, words",
    [
        (["--format", "pdf"], "--format"),
        (["--fail-on", "sometimes"], "--fail-on"),
        (["--profile", "no-such-profile"], "no-such-profile"),
        (["--in-place", "--annotate", "x.xlsx"], "--in-place"),
    ],
)
def test_exit_2_for_wrong_arguments_with_a_message(example, args, words):
    res = run("validate", example, *args)
    assert res.exit_code == 2 and words in res.output


def test_exit_2_for_empty_folder_and_no_arguments(tmp_path):
    res = run("validate", tmp_path)
    assert res.exit_code == 2 and "没有找到" in res.output
    assert run("validate").exit_code == 2


# ---------------------------------------------------------------- rules and demo


def test_rules_lists_the_catalogue_with_profile_severity():
    from perfxl.rules.catalogue import CATALOGUE

    res = run("rules")
    assert res.exit_code == 0
    for spec in CATALOGUE:
        assert spec.code in res.stdout
    assert "财预〔2020〕10号" in res.stdout
    assert run("rules", "--profile", "hunan").exit_code == 0
    assert run("rules", "--profile", "nope").exit_code == 2


def test_demo_writes_annotated_copy_and_html(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = run("demo")
    assert res.exit_code == 0, res.output
    out = tmp_path / "perfxl-demo"
    copy = out / "longhui-2023-kegongxin.校验.xlsx"
    assert copy.is_file() and (out / "report.html").is_file()
    assert str(copy.resolve()) in res.stdout.replace("\n", "")
    for code in ("F04", "S01", "S08", "B01"):
        assert code in res.stdout
    assert run("demo").exit_code == 0  # a second run regenerates its own outputs


def test_demo_builds_the_example_when_not_bundled(tmp_path, monkeypatch):
    """An installed perfxl without the repository regenerates the seed example from its own data."""
    import perfxl.cli.validate_cmd as cmd

    monkeypatch.setattr(cmd, "find_example", lambda: None)
    monkeypatch.chdir(tmp_path)
    res = run("demo")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "perfxl-demo" / "examples" / "longhui-2023-kegongxin.xlsx").is_file()
    assert "F04" in res.stdout and (tmp_path / "perfxl-demo" / "report.html").is_file()


@pytest.mark.libreoffice
def test_xls_is_validated_but_not_annotated(tmp_path):
    from perfxl.workbook import seed_content, write_submission

    xls = write_submission(tmp_path / "seed.xls", seed_content(), "xls").path
    res = run("validate", xls, "--annotate", tmp_path / "out", "--format", "json")
    assert res.exit_code == 1, res.output
    codes = {f["code"] for f in json.loads(res.stdout)["files"][0]["findings"]}
    assert {"F04", "S01", "B01"} <= codes
    assert "跳过批注副本" in res.output and not (tmp_path / "out").exists()


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_check_code_is_a_usage_error_listing_the_valid_ones(example, option):
    res = run("validate", example, option, "ZZZ9", "--format", "json")
    assert res.exit_code == 2, res.output
    assert "ZZZ9" in res.output and "F04" in res.output and "S08" in res.output  # the valid codes are listed
    assert '"files"' not in res.stdout  # nothing was reported as checked
    res = run("validate", example, option, "F04,nope")
    assert res.exit_code == 2 and "NOPE" in res.output


@pytest.mark.parametrize("token", ["F", "S0", "R-F04", "FUND_LOW_RATE_UNEXPLAINED", "f04"])
def test_prefixes_names_and_rule_ids_are_valid_selectors(example, token):
    assert run("validate", example, "--select", token, "--format", "json").exit_code in (0, 1)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_a_link_loop_is_named_as_such_not_missing_and_never_a_traceback(example, tmp_path):
    import os

    os.mkfifo(tmp_path / "x.xlsx")
    os.symlink("loop.xlsx", tmp_path / "loop.xlsx")
    res = run("validate", tmp_path / "x.xlsx", tmp_path / "loop.xlsx", example, "--format", "json")
    assert res.exit_code == 2, res.output
    errors = {Path(f["path"]).name: f["error"] for f in json.loads(res.stdout)["files"] if not f["ok"]}
    assert errors["x.xlsx"]["code"] == "NOT_REGULAR_FILE" and "命名管道" in errors["x.xlsx"]["message"]
    assert errors["loop.xlsx"]["code"] == "SYMLINK_LOOP"
    res = run("validate", tmp_path)  # inside a folder too: listed, not silently left out
    assert res.exit_code == 2 and "NOT_REGULAR_FILE" in res.output and "SYMLINK_LOOP" in res.output


# ---------------------------------------------------------------- outputs that cannot be written


@pytest.mark.slow  # mount(8)/umount(8) processes make the small tmpfs
def test_a_report_to_a_full_disk_says_so_in_chinese_with_the_path(example, tmp_path):
    from small_disks import full_disk

    with full_disk(tmp_path / "disk") as disk:
        res = run("validate", example, "--format", "html", "-o", disk / "report.html")
        assert res.exit_code == 2
        assert f"磁盘已满，无法写入：{disk / 'report.html'}" in res.output, res.output
        assert "OSError" not in res.output and "Errno" not in res.output
        assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]  # no temp file left behind


@pytest.mark.slow  # mount(8)/umount(8) processes make the read-only tmpfs
def test_an_annotated_copy_or_report_to_a_read_only_folder_says_so(example, tmp_path):
    from small_disks import readonly_dir

    with readonly_dir(tmp_path / "ro") as ro:
        res = run("validate", example, "--annotate", ro / "copy.xlsx")
        assert res.exit_code == 2 and f"没有写入权限：{ro / 'copy.xlsx'}" in res.output, res.output
        res = run("validate", example, "--format", "json", "-o", ro / "r.json")
        assert res.exit_code == 2 and f"没有写入权限：{ro / 'r.json'}" in res.output, res.output
        assert "Errno" not in res.output


# ---------------------------------------------------------------- what a plain install needs


@pytest.mark.slow
def test_sarif_is_written_without_any_sarif_library(example, tmp_path):
    """sarif-pydantic is a test-time validator only: a plain install (without it) writes SARIF."""
    import subprocess
    import sys

    code = "import sys; sys.modules['sarif_pydantic'] = None; from perfxl.cli.main import run; run()"
    done = subprocess.run(
        [sys.executable, "-c", code, "validate", str(example), "--format", "sarif"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 1, done.stderr  # the seed's errors, reported
    log = json.loads(done.stdout)
    assert log["version"] == "2.1.0" and log["runs"][0]["results"]


def test_the_python_calamine_floor_excludes_versions_that_cannot_read_and_admits_pyodides():
    """0.3.2 has no CalamineSheet.merged_cell_ranges (every file read as damaged); Pyodide builds 0.4.0 and 0.5.3."""
    import tomllib

    from packaging.requirements import Requirement

    deps = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    [calamine] = [Requirement(d) for d in deps if Requirement(d).name == "python-calamine"]
    assert not calamine.specifier.contains("0.3.2")
    assert calamine.specifier.contains("0.4.0") and calamine.specifier.contains("0.5.3")
    import python_calamine

    assert hasattr(python_calamine.CalamineSheet, "merged_cell_ranges")  # what perfxl.io.source relies on


def test_a_report_and_its_workbook_named_together_are_checked_against_each_other(example, tmp_path):
    """The workbook's 新增高新技术企业 says 17家 where the report's own table says 13家 and its text 19家: the pair
    reports 19 against 17; what the report's own tables already say is not repeated (one PAIR_REPEATED note)."""
    from report_helpers import report_docx  # build_report_docx's package, written without python-docx's round trip

    report = report_docx(tmp_path / "自评报告.docx").path
    workbook = tmp_path / "自评表.xlsx"
    wb = openpyxl.load_workbook(example)
    ws = wb["部门整体支出绩效自评表"]
    assert str(ws["F14"].value).startswith("13")
    ws["F14"] = "17家"
    wb.save(workbook)
    doc = json.loads(run("validate", report, workbook, "--format", "json").stdout)
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)
    kinds = [f["kind"] for f in doc["files"]]
    assert kinds[-1] == "报告与工作簿核对" and len(kinds) == 3, kinds
    pair = doc["files"][-1]["findings"]
    n01 = [f for f in pair if f["code"] == "N01"]
    assert [(f["cell"], f["expected"], f["actual"], f["severity"]) for f in n01] == [("第6段", "17家", "19家", "error")]
    assert "自评表.xlsx" in n01[0]["message"]
    assert [f["code"] for f in pair if f["code"].startswith("PAIR")] == ["PAIR_REPEATED"]
    # one of them alone, or two workbooks, pair nothing
    for alone in ((report,), (workbook,), (workbook, example)):
        files = json.loads(run("validate", *alone, "--format", "json").stdout)["files"]
        assert all(f["kind"] != "报告与工作簿核对" for f in files)


@pytest.mark.slow  # a fresh process: what a command imports is only visible from a cold start
def test_a_validate_command_imports_no_pydantic(tmp_path):
    """typer 0.29 imports pydantic to coerce parameters: +0.1 s on every command. pyproject pins typer below it;
    this fails the day an upgrade (or a new import of ours) brings pydantic back onto the command's path."""
    import subprocess
    import sys

    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('IMPORTED:' + ','.join(m for m in ('pydantic', 'pandas') if m in sys.modules)))\n"
        "from perfxl.cli.main import run\n"
        "sys.argv = ['perfxl', 'validate', sys.argv[1], '--format', 'json', '-o', sys.argv[2]]\n"
        "run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE), str(tmp_path / "r.json")], capture_output=True, text=True
    )
    assert (tmp_path / "r.json").exists(), done.stderr
    assert "IMPORTED:\n" in done.stdout, done.stdout


def test_rules_lists_file_codes_as_files_left_unchecked():
    """A file code (PDF_SCANNED, DOCX_CORRUPT …) means the file went unchecked — a batch counts it as 无法读取 — so
    `perfxl rules` must not label it 错误 like a finding in a table (a reviewer's report)."""
    res = run("rules")
    row = next(line for line in res.stdout.splitlines() if "PDF_SCANNED" in line)
    assert "无法读取" in row and "错误" not in row
    s01 = next(line for line in res.stdout.splitlines() if line.startswith("│ S01 "))
    assert "错误" in s01
