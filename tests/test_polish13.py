"""Session 13's polish after the user journey (polish13): what journey13 saw a clerk or a reviewer trip on and left —
a grade message giving one reading of two, a rounding hint without its places, English in a broken file's message, an
.xls renamed .xlsx called invalid, a note naming an option not given, sheet names an HTML export gives, a basis that
repeats its message, the demo's mixed paths, the JSON's file count. Each test failed before its fix."""

from __future__ import annotations

import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


def _yongde(tmp_path, total: str, code: str):
    """永德 2022 (yunnan-yongde-yingyang-2022): 总分 I25 printed 96 │ 优, here `total`; its findings of `code`."""
    from render import validated, variant

    result = validated(variant("yunnan-yongde-yingyang-2022", {"I25": total}), tmp_path)
    return [f for f in result.findings if f.code == code]


# ---------------------------------------------------------------- 1, 2. a total past the profile's places


def test_a_grade_at_the_profiles_places_says_both_readings(tmp_path):
    """Was '总分 89.995 对应等级“良”，表中为“优”' — one reading of two in a 警告 that rests on both."""
    (t04,) = _yongde(tmp_path, "89.995", "T04")
    assert "按打印值" in t04.message and "保留两位小数为 90.00 则为“优”" in t04.message, t04.message
    assert "90.00" in t04.message_en and "as printed" in t04.message_en, t04.message_en


def test_guard_a_plain_grade_mismatch_reads_as_before(tmp_path):
    (t04,) = _yongde(tmp_path, "89.99", "T04")
    assert t04.message == "总分 89.99 对应等级“良”，表中为“优”"
    assert t04.message_en == "Total 89.99 gives grade 良, found 优"


def test_rounding_shows_the_value_at_the_places_it_asks(tmp_path):
    """Was '总分 89.995 应保留两位小数（90）'."""
    (t06,) = [f for f in _yongde(tmp_path, "89.995", "T06") if f.actual == "89.995"]
    assert t06.message.endswith("（90.00）"), t06.message
    assert t06.expected == "90.00"


# ---------------------------------------------------------------- 3. a broken workbook, in Chinese


def test_a_broken_workbook_is_named_in_chinese_and_the_reader_detail_stays_english(tmp_path):
    """Was '无法读取工作簿（文件损坏、加密或不是 Excel 文件）：CalamineError: …' — the reader's English to a clerk."""
    from perfxl.validate import validate_file

    src = tmp_path / "单位自评表.xlsx"
    with zipfile.ZipFile(EXAMPLE) as old, zipfile.ZipFile(src, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info.filename, b"<x>" if info.filename == "xl/sharedStrings.xml" else data)
    result = validate_file(src)
    assert not result.ok and result.error["code"] == "FILE_UNREADABLE", result.error
    message = result.error["message"]
    assert "“单位自评表.xlsx”" in message and "另存为 .xlsx" in message, message
    assert not any(
        ch.isascii() and ch.isalpha() for ch in message.replace(".xlsx", "").replace("Excel", "").replace("WPS", "")
    ), message
    assert "Error" in result.error["message_en"]  # the reader's own words, for the maintainer


# ---------------------------------------------------------------- 4. an .xls renamed .xlsx, annotated


def test_an_xls_named_xlsx_is_said_to_be_an_xls_when_no_copy_can_be_made(tmp_path):
    """Was '未生成批注副本：…：文件不是有效的 Excel 工作簿（BadZipFile），未生成批注副本' — the phrase twice, and a valid
    .xls called invalid."""
    from perfxl.annotate import annotate_workbook
    from perfxl.errors import PerfxlError

    src = tmp_path / "单位.xlsx"
    src.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(PerfxlError) as caught:
        annotate_workbook(src, [], tmp_path / "out.xlsx")
    message = caught.value.message
    assert "97-2003" in message and "（.xls）" in message and "另存为" in message, message
    assert "不是有效" not in message and "未生成批注副本" not in message, message
    assert caught.value.code == "ANNOTATE_UNSUPPORTED"


def test_a_damaged_package_does_not_repeat_that_no_copy_was_made(tmp_path):
    from perfxl.annotate import annotate_workbook
    from perfxl.errors import PerfxlError

    src = tmp_path / "单位.xlsx"
    src.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(PerfxlError) as caught:
        annotate_workbook(src, [], tmp_path / "out.xlsx")
    assert "未生成批注副本" not in caught.value.message, caught.value.message


# ---------------------------------------------------------------- 5. a PDF's note without --in-place


def test_a_pdfs_skip_note_names_in_place_only_when_given(tmp_path):
    from badinput.builders import simple_pdf
    from typer.testing import CliRunner

    from perfxl.cli.main import app

    src = simple_pdf(tmp_path / "自评报告.pdf", text="2023 nian")
    run = CliRunner().invoke(app, ["validate", str(src), "--annotate", str(tmp_path / "批注副本/")], terminal_width=400)
    (line,) = [x for x in run.output.splitlines() if "跳过批注副本" in x]
    assert "--in-place" not in line and "页码和段落" in line, line


# ---------------------------------------------------------------- 6. an HTML export's sheet names


_LIBREOFFICE_HTML = """<html><head><title>2023年度自评</title></head><body>
<hr><p><center><h1>Overview</h1><a href="#table0">基础数据表</a></center></p>
<hr><A NAME="table0"><h1>Sheet 1: <em>基础数据表</em></h1></A>
<table><tr><td>项目</td><td>1</td></tr></table>
<hr><A NAME="table1"><h1>Sheet 2: <em>项目支出绩效自评表</em></h1></A>
<table><tr><td>指标</td><td>2</td></tr></table>
<table><caption>附表</caption><tr><td>x</td></tr></table>
<table><tr><td>y</td></tr></table>
</body></html>"""


def test_an_html_export_names_its_tables_after_their_headings():
    """LibreOffice's HTML export of a workbook heads each sheet's table 'Sheet 1: 基础数据表': they were 表1, 表2."""
    from perfxl.io.html_source import html_grids

    names = [g.name for g in html_grids(_LIBREOFFICE_HTML)]
    # a caption still names its table; a heading names only the table right after it
    assert names == ["基础数据表", "项目支出绩效自评表", "附表", "表4"]


# ---------------------------------------------------------------- 7. PAIR_AMBIGUOUS's basis


def test_an_ambiguous_pairing_states_what_it_read(tmp_path):
    """Its basis repeated its message word for word."""
    from report_helpers import report_docx

    from perfxl.batch.discover import Discovered
    from perfxl.batch.pairing import check_pair, pair_entries

    unit = tmp_path / "单位"
    unit.mkdir()
    for name in ("甲.xlsx", "乙.xlsx"):
        shutil.copyfile(EXAMPLE, unit / name)
    report_docx(unit / "自评报告.docx")
    files = [Discovered(p, p.name) for p in sorted(unit.iterdir())]
    (entry,) = pair_entries(files)
    (found,) = check_pair(entry.path).findings
    assert found.code == "PAIR_AMBIGUOUS"
    assert found.basis != found.message and found.basis_en != found.message_en
    assert all(name in found.basis for name in ("甲.xlsx", "乙.xlsx", "自评报告.docx")), found.basis


# ---------------------------------------------------------------- 8. `perfxl demo`: one style of path


def test_demo_prints_every_path_absolute(tmp_path, monkeypatch):
    """'示例报告：perfxl-demo/longhui-2023-自评报告.docx' beside '批注副本：/…/perfxl-demo/…校验.xlsx'."""
    from typer.testing import CliRunner

    from perfxl.cli.main import app

    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(app, ["demo"], terminal_width=400)
    assert run.exit_code == 0, run.output
    printed = [
        x.split("：", 1)[1] for x in run.output.splitlines() if x.startswith(("示例", "批注副本", "报告批注副本"))
    ]
    assert len(printed) >= 4, run.output
    assert all(Path(p).is_absolute() for p in printed), printed


# ---------------------------------------------------------------- 9. the JSON's count of files


def test_json_counts_a_pairing_entry_apart_as_the_console_does(tmp_path):
    """'合计 2 个文件…另有报告与工作簿配对核对 1 组' on the console, "totals": {"files": 3} in the JSON."""
    import jsonschema
    from report_helpers import report_docx
    from typer.testing import CliRunner

    from perfxl.cli.main import app

    unit = tmp_path / "单位"
    unit.mkdir()
    shutil.copyfile(EXAMPLE, unit / "自评表.xlsx")
    report_docx(unit / "自评报告.docx")
    run = CliRunner().invoke(app, ["validate", str(unit), "--format", "json"])
    doc = json.loads(run.stdout)
    assert (doc["totals"]["files"], doc["totals"]["pairs"]) == (2, 1)
    assert doc["totals"]["files"] + doc["totals"]["pairs"] == len(doc["files"])
    schema = json.loads((Path(__file__).resolve().parent.parent / "docs" / "report.schema.json").read_text("utf-8"))
    jsonschema.validate(doc, schema)


def test_html_counts_a_pairing_entry_apart_as_the_console_does(tmp_path):
    """The HTML report's head said '文件 3 个' for a workbook, its report and their pairing entry."""
    from report_helpers import report_docx

    from perfxl.cli.validate_run import pair_results, validate_all
    from perfxl.report.html import render_html

    unit = tmp_path / "单位"
    unit.mkdir()
    files = [unit / "自评表.xlsx", report_docx(unit / "自评报告.docx").path]
    shutil.copyfile(EXAMPLE, files[0])
    results = validate_all(files, None, None, None) + pair_results(files, None, None, None)
    assert len(results) == 3
    assert "文件 2 个，另有报告与工作簿配对核对 1 组" in render_html(results)


def test_rounding_says_the_places_the_profile_asks(tmp_path):
    """Lead, after polish13: the message said '应保留两位小数' whatever the profile's places; a profile asking one place
    says 一位 (and 90.0 at it)."""
    from render import render, variant

    from perfxl.profiles import load_profile
    from perfxl.validate import validate_file

    profile = tmp_path / "one.toml"
    profile.write_text('name = "one"\nextends = "national"\n[rounding]\nscore_places = 1\n', encoding="utf-8")
    path = render(variant("yunnan-yongde-yingyang-2022", {"I25": "89.995"}), tmp_path)
    result = validate_file(path, profile=load_profile(profile))
    (t06,) = [f for f in result.findings if f.code == "T06" and f.actual == "89.995"]
    assert t06.message == "总分 89.995 应保留一位小数（90.0）", t06.message
    assert "should have 1 decimals" in t06.message_en
