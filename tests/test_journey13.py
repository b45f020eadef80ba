"""Session 13's user journey (journey13): what a finance clerk and a reviewer read on the README's runs — a garbled
figure named once and its basis saying what was skipped, a batch note without English, a note on a file perfxl cannot
annotate that fits the file. Each test failed before its fix."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


def _suixi(tmp_path, changes: dict[str, str], code: str):
    """濉溪 2019 (anhui-suixi-linshijiuzhu-2019), changed cells, its findings of `code`."""
    from render import validated, variant

    result = validated(variant("anhui-suixi-linshijiuzhu-2019", changes), tmp_path)
    return [f for f in result.findings if f.code == code]


# ---------------------------------------------------------------- 1. a garbled figure, as the clerk reads it


@pytest.mark.parametrize("cell,text", [("D5", "4(B)"), ("H11", "46.O")])
def test_a_cell_that_is_only_a_garbled_figure_is_named_once(tmp_path, cell, text):
    """Was '全年执行数“4(B)”中的数字“4(B)”无法识别' — the same text twice."""
    (found,) = _suixi(tmp_path, {cell: text}, "C02")
    assert found.message.count(text) == 1, found.message
    assert f"“{text}”无法识别为数字" in found.message


def test_a_garbled_money_cell_basis_speaks_of_the_money_checks_not_the_scores(tmp_path):
    """A 全年执行数 cell's basis said '合计按 perfxl 重算的得分复核' — scores have nothing to do with it; the funds
    checks that need the figure (执行率, the sources' sum) are what skip it."""
    (found,) = _suixi(tmp_path, {"D5": "4(B)"}, "C02")
    assert "得分" not in found.basis, found.basis
    assert "执行率" in found.basis
    (score,) = _suixi(tmp_path, {"H11": "46.O"}, "C02")
    assert "重算的得分" in score.basis  # a score cell: the totals use perfxl's own scores, as before


def test_a_garbled_actual_basis_reads_as_one_sentence(tmp_path):
    """Was '读取 Sheet1!G11：“21980(B)人”，中的数字…' (a comma cutting the phrase from its cell)."""
    (found,) = _suixi(tmp_path, {"G11": "21980(B)人"}, "I12")
    assert "”，中的" not in found.basis
    assert "“21980(B)人”中的数字“21980(B)”无法识别" in found.basis


# ---------------------------------------------------------------- 2. a batch's notes on files it could not annotate


def _check(tmp_path, src: Path, **config):
    from perfxl.batch.worker import Job, WorkerConfig, check_job

    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    job = Job(0, str(src), src.name, "0" * 64, src.stem)
    return check_job(job, WorkerConfig(outdir=str(out), annotate=True, **config))


def _no_english(note: str) -> None:
    assert not any(word in note for word in ("failed", "report", "copy")), note


def test_an_xls_gets_a_note_for_a_workbook_only(tmp_path):
    """The note for a .xls also spoke of PDF reports ('…；PDF 报告在报告中注明页码和段落'). The file here is the example
    .xlsx under a .xls name: since review13h's merge the note says what it really is (a real .xls keeps '另存为 .xlsx')."""
    from perfxl.batch.worker import _not_annotatable

    src = tmp_path / "单位.xls"
    shutil.copyfile(EXAMPLE, src)
    record = _check(tmp_path, src)
    (note,) = [n for n in record["notes"] if n.startswith("未生成批注副本")]
    assert "PDF" not in note and "扩展名改为 .xlsx" in note
    real = _not_annotatable(".xls", "xls")
    assert "PDF" not in real and "另存为 .xlsx" in real


def test_a_pdf_gets_a_note_for_a_report_only(tmp_path):
    """The note for a PDF told the reviewer to save it as .xlsx ('工作簿请另存为 .xlsx')."""
    from badinput.builders import simple_pdf

    src = simple_pdf(tmp_path / "自评报告.pdf", text="2023 nian")
    record = _check(tmp_path, src)
    assert record["ok"], record
    (note,) = [n for n in record["notes"] if n.startswith("未生成批注副本")]
    assert ".xlsx" not in note and "页码和段落" in note and ".docx" in note


def test_a_failed_annotated_copy_is_noted_in_chinese(tmp_path, monkeypatch):
    """Was '未生成批注副本（annotated copy failed）：RuntimeError: boom' — English in a reviewer's note."""
    from perfxl.batch import worker

    def boom(result, dest):
        raise RuntimeError("boom")

    monkeypatch.setattr(worker, "_write_annotated", boom)
    src = tmp_path / "单位.xlsx"
    shutil.copyfile(EXAMPLE, src)
    (note,) = [n for n in _check(tmp_path, src)["notes"] if n.startswith("未生成批注副本")]
    _no_english(note.split("（RuntimeError")[0])
    assert note.startswith("未生成批注副本：perfxl 内部错误")


def test_an_output_the_system_refuses_is_explained_in_chinese():
    from perfxl.batch.worker import _reason

    assert _reason(PermissionError(13, "Permission denied", "/out/annotated/a.xlsx")).startswith("没有写入权限：")
    assert _reason(OSError(28, "No space left on device", "/out/a.html")).startswith("磁盘已满")


# ---------------------------------------------------------------- 3. a workbook under another format's name


def test_an_xlsx_named_xls_is_read_by_its_content(tmp_path):
    """Users rename files and budget systems name exports .xls: an .xlsx saved as "单位.xls" was FILE_UNREADABLE
    ('CalamineError: Cfb error: Invalid OLE …', English to a clerk) though the guard had recognised it as xlsx."""
    from perfxl.validate import validate_file

    src = tmp_path / "单位.xls"
    shutil.copyfile(EXAMPLE, src)
    result = validate_file(src)
    assert result.ok, result.error
    assert result.coverage.source_format == "xlsx"
    assert sorted(f.code for f in result.findings) == sorted(f.code for f in validate_file(EXAMPLE).findings)


# ---------------------------------------------------------------- 4. `--annotate 批注副本/` for one file


@pytest.mark.parametrize("target", ["批注副本/", "批注副本"])
def test_annotate_into_a_new_folder_for_one_file(tmp_path, monkeypatch, target):
    """README: `--annotate 批注副本/`. For one file and a folder not yet made, the trailing slash was lost in a Path and
    the copy refused ('批注副本的扩展名应与原文件一致（.xlsx）：批注副本'); a name without an extension is no file name
    a copy could take either."""
    from typer.testing import CliRunner

    from perfxl.cli.main import app

    monkeypatch.chdir(tmp_path)
    shutil.copyfile(EXAMPLE, tmp_path / "自评表.xlsx")
    run = CliRunner().invoke(app, ["validate", "自评表.xlsx", "--annotate", target])
    assert (tmp_path / "批注副本" / "自评表.校验.xlsx").is_file(), run.output
    assert run.exit_code == 1, run.output


# ---------------------------------------------------------------- 5. the 读取范围 line of a table perfxl does not check


def test_a_table_read_as_other_content_says_so_once(tmp_path):
    """The example report's first table printed '表1：其他（非自评表，已读取，未校验）（推断），已读取（未找到可识别的表格，
    按“其他内容”处理，未作检查。）' — 已读取 and 未校验 twice on one line."""
    from report_helpers import report_docx

    from perfxl.report._common import coverage_lines
    from perfxl.validate import validate_file

    result = validate_file(report_docx(tmp_path / "自评报告.docx").path)
    (line,) = [x for x in coverage_lines(result.coverage) if x.startswith("表1：")]
    assert line == "表1：其他内容（推断），已读取（未找到可识别的表格，按“其他内容”处理，未作检查。）"


# ---------------------------------------------------------------- 6. `perfxl rules T04`: when an 错误 code is a 警告


def test_rules_for_named_codes_say_when_they_are_warnings():
    """`perfxl rules C02 F19 T04` printed 错误 for T04 and C02 and nothing of the cases they are 警告 at most (a garbled
    figure, a total at the profile's places) — the reviewer had to find docs/rules/ to learn it."""
    from typer.testing import CliRunner

    from perfxl.cli.main import app

    run = CliRunner().invoke(app, ["rules", "C02", "F19", "T04"], terminal_width=200)
    assert run.exit_code == 0, run.output
    assert "错误（部分情形为警告）" in run.output
    lines = run.output.splitlines()
    assert any(x.startswith("T04 何时为警告：") and "89.995" in x for x in lines), run.output
    assert any(x.startswith("C02 何时为警告：") and "4(B)" in x for x in lines), run.output
    assert not any(x.startswith("F19 何时为警告") for x in lines)  # a 警告 by default: nothing to add


# ---------------------------------------------------------------- 7. `perfxl batch --annotate`: files left without a copy


@pytest.mark.slow(reason="perfxl batch starts its worker processes")
def test_batch_says_which_files_got_no_annotated_copy_and_why(tmp_path):
    """The reason a file got no copy (a .xls, a PDF, a failed write) reached only summary.json: summary.xlsx left the
    批注副本 cell blank and the console said nothing."""
    import openpyxl
    from typer.testing import CliRunner

    from perfxl.cli.main import app

    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    shutil.copyfile(EXAMPLE, inbox / "甲单位.xlsx")
    shutil.copyfile(EXAMPLE, inbox / "乙单位.xls")
    out = tmp_path / "审核结果"
    run = CliRunner().invoke(app, ["batch", str(inbox), "-o", str(out), "--annotate", "--jobs", "1"])
    assert run.exit_code == 1, run.output
    assert "未生成批注副本 1 个（乙单位.xls）" in run.output
    rows = {
        r[0]: r
        for r in openpyxl.load_workbook(out / "summary.xlsx", read_only=True)["汇总"].iter_rows(values_only=True)
    }
    cell = rows["乙单位.xls"][13]  # the example .xlsx under a .xls name: told what it is and to rename it
    assert cell.startswith("未生成：该文件实为") and "扩展名改为 .xlsx" in cell, cell
    assert rows["甲单位.xlsx"][13] == "打开副本"


# ---------------------------------------------------------------- 8. `perfxl validate 收件箱/`: the pairing entry


def test_validate_counts_and_titles_a_pairing_entry_as_no_file(tmp_path):
    """`perfxl validate 单位/` with a workbook and its report printed '文件：单位/报告与工作簿核对：…', its findings under
    '工作表：（整个文件）', and '合计 3 个文件' for two files — `perfxl batch` counts pairs apart since journey12."""
    from report_helpers import report_docx
    from typer.testing import CliRunner

    from perfxl.cli.main import app

    unit = tmp_path / "单位"
    unit.mkdir()
    shutil.copyfile(EXAMPLE, unit / "自评表.xlsx")
    report_docx(unit / "自评报告.docx")
    run = CliRunner().invoke(app, ["validate", str(unit)], terminal_width=200)
    assert run.exit_code == 1, run.output
    assert "合计 2 个文件（无法读取 0 个），另有报告与工作簿配对核对 1 组：" in run.output
    assert "文件：" + str(unit / "报告与工作簿核对") not in run.output
    assert f"报告与工作簿核对：自评报告.docx ⇄ 自评表.xlsx（文件夹 {unit}）" in run.output
    assert "工作表：（整个文件）" not in run.output


def test_b14_cites_the_basic_data_cell_with_a_chinese_comma():
    """The example's B14 read '（3170000 元, 基础数据表!F12）': an ASCII comma in a Chinese sentence."""
    from perfxl.validate import validate_file

    (b14,) = [f for f in validate_file(EXAMPLE).findings if f.code == "B14"]
    assert "（3170000 元，基础数据表!F12）" in b14.message, b14.message
    assert "3170000 元, 基础数据表!F12" in b14.message_en, b14.message_en
