"""review13h: adversarial review of held-out batch 21's readings (一级 权重 scaling rows of 100, a repeated two-row
header, a blank signature line) and journey13's "a workbook is read by its content whatever its name".
Each test failed before its fix (or is a strict xfail stating the gap)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from badinput.builders import plain_docx, simple_pdf

from perfxl.validate import validate_file

# ---------------------------------------------------------------- 3. a report under a workbook's name


@pytest.mark.parametrize("name", ["自评报告.xlsx", "自评报告.xls"])
def test_a_word_report_named_as_a_workbook_is_told_to_take_its_name_not_that_it_cannot_be_read(tmp_path, name):
    """A .docx saved as "自评报告.xlsx" passed the guard (content sniffed: Word) and was refused "文件内容是Word 文档
    (.docx)，目前无法读取这种文件" — untrue, perfxl reads .docx reports; the clerk is told the real kind and the fix."""
    src = plain_docx(tmp_path / name)
    result = validate_file(src)
    assert not result.ok and result.error["code"] == "NOT_A_WORKBOOK"
    message = result.error["message"]
    assert "Word 文档 (.docx)" in message and "改为 .docx" in message and "目前无法读取" not in message, message


def test_a_pdf_report_named_as_a_workbook_is_told_to_take_its_name(tmp_path):
    src = simple_pdf(tmp_path / "自评报告.xlsx")
    result = validate_file(src)
    assert not result.ok and result.error["code"] == "NOT_A_WORKBOOK"
    assert "改为 .pdf" in result.error["message"] and "目前无法读取" not in result.error["message"]


# ---------------------------------------------------------------- 1. 一级 权重 scaling rows of 100

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
from render import load_table, validated, variant  # noqa: E402

KOUAN = "jilin-kouan-hexinnengli-pingjiabiao-2016"  # 权重 B4 50 / B15 25 / B21 25 over rows of 100 each


def _found(tmp_path, changes: dict[str, str]) -> dict[tuple[str, str], str]:
    table = variant(KOUAN, changes) if changes else load_table(Path(__file__).parent / "realworld" / f"{KOUAN}.toml")
    result = validated(table, tmp_path)
    return {(f.code, str(f.cell)): f.severity.value for f in result.findings if f.severity.value != "info"}


def test_one_slip_in_one_level_of_a_weighted_form_is_no_error_on_the_others(tmp_path):
    """预算执行进度 7 → 17 in 预算绩效: its rows make 110, so "every 一级 holds 100" failed and the whole form was read as
    sums — 项目产出 and 项目效果, right under the form's rule, got W02 错误 ("25 over 100") and W03 an 错误 of 310. The
    slip stays an 错误 (110 is neither 50 nor 100); the others' 100s are a 警告 stating the reading."""
    found = _found(tmp_path, {"H4": "17"})
    assert found[("W02", "B4")] == "error" and found[("W02", "D4")] == "error"
    assert found[("W02", "B15")] == found[("W02", "B21")] == "warning"
    assert [v for (c, _), v in found.items() if c == "W03"] == ["warning"]


def test_one_slip_says_the_reading_it_rests_on(tmp_path):
    result = validated(variant(KOUAN, {"H4": "17"}), tmp_path)
    (w02,) = [f for f in result.findings if f.code == "W02" and str(f.cell).endswith("B15")]
    assert "按权重折算" in w02.basis and "需人工判断" in w02.basis
    # W01 asked of the form with its first 一级 renamed: as published (预算绩效/项目产出/项目效果) it is an 评价
    # framework's form, not held to 10号's default weights (tests/test_noise14b.py)
    renamed = validated(variant(KOUAN, {"H4": "17", "A4": "预算执行"}), tmp_path)
    (w01,) = [f for f in renamed.findings if f.code == "W01"]
    assert "100" not in w01.message  # the form's 权重 25, not the rows' 100


@pytest.mark.parametrize("weights", [("50%", "25%", "25%"), ("0.5", "0.25", "0.25")], ids=["percent", "shares"])
def test_weights_in_percent_or_shares_scale_rows_as_points_do(tmp_path, weights):
    """权重 printed "50%" (read as no weight: W03 错误 300) or 0.5 (W02 ×3, W03, W05 错误: "合计 1 分，应为 100 分")."""
    found = _found(tmp_path, dict(zip(("B4", "B15", "B21"), weights, strict=True)))
    assert [k for k, v in found.items() if v == "error"] == []
    assert not {c for c, _ in found} & {"W02", "W03", "W05"}


def test_a_weight_in_the_label_is_points_not_a_scale(tmp_path):
    """ "产出指标（50分）" over rows of 100 is the 10号 slip it always was: only a 权重 in a column of its own scales."""
    found = _found(
        tmp_path,
        {
            "A4": "预算绩效（50分）",
            "B4": "",
            "A15": "项目产出（25分）",
            "B15": "",
            "A21": "项目效果（25分）",
            "B21": "",
        },
    )
    assert found[("W02", "A15")] == "error"


def test_the_silence_on_a_weighted_form_is_stated_in_coverage(tmp_path):
    result = validated(load_table(Path(__file__).parent / "realworld" / f"{KOUAN}.toml"), tmp_path)
    assert any(s.code == "W02" and "按权重折算" in s.reason_zh for s in result.coverage.skipped)


# ---------------------------------------------------------------- 2. a blank signature line (held-out 21)

LICHENG = "shandong-licheng-wenhuaguan-2019"  # row 4: 项目名称 │ … │ 主管部门 │ 济南市历城区文化和旅游局


def test_a_blank_head_field_above_the_table_is_no_signature_line(tmp_path):
    """ "项目名称： │ 主管部门(盖章)：" left blank above the table (an unfilled head): every label ends in its colon and one
    names a seal, so the row was read as a signature note — F01's 错误 "表头“项目名称”未填写" became coverage "表头未找到
    “项目名称”栏". Only a row whose head fields all name a seal or signatory is a signature line."""
    result = validated(variant(LICHENG, {"A4": "项目名称：", "B4": "", "F4": "主管部门(盖章)：", "G4": ""}), tmp_path)
    assert [(f.code, f.severity.value) for f in result.findings if f.code == "F01"] == [("F01", "error")]


# ---------------------------------------------------------------- 3b. found, not fixed


def test_an_xlsx_named_xls_is_told_what_it_really_is_when_it_gets_no_annotated_copy(tmp_path):
    import shutil

    from perfxl.batch.worker import Job, WorkerConfig, check_job

    src = tmp_path / "单位.xls"
    shutil.copyfile(Path(__file__).resolve().parent.parent / "workbooks/examples/longhui-2023-kegongxin.xlsx", src)
    out = tmp_path / "out"
    out.mkdir()
    record = check_job(Job(0, str(src), src.name, "0" * 64, src.stem), WorkerConfig(outdir=str(out), annotate=True))
    (note,) = [n for n in record["notes"] if n.startswith("未生成批注副本")]
    assert "Excel 工作簿 (.xlsx)" in note and "另存为" not in note
