"""Session 14, words14: a guessed miss is worded as the reading it is (issue 11), in every message that states it.

1. S01/S02/S03 and D01 on a row whose miss rests on a guess — a direction read from the name (预算调整率 3% │ 0%), a
   count stating no period against a per-period target ("每月1次" │ "6次") — opened "得分应为 …" and "未完成（…）" as
   fact, only their basis giving both readings. The message now opens with the reading, as S07's did
   (`Reading.as_guessed`, one mechanism): "若按“≥”理解，得分应为 0…", "若按全年数理解，未完成（…）". A certain miss
   keeps its words.
2. A 基础数据表 printing no unit had its unit settled by a single narrative figure agreeing with one cell in one unit
   (polish14's `assumed_unit`): a round "2万元" against a cell 2 of a 元 table settled 万元, and "比上年减少14231元"
   (the 元 table's 11131 − 25362) became a certain 错误 against "-14231万元". A round figure (fewer than three
   significant digits) settles the unit only beside another agreeing cell; "1.11万元" against 1.1131 still does.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import validated, variant

from perfxl.model import Certainty, Severity

KEXUECHENG = "chongqing-kexuecheng-rongmeiti-bumen-2021"  # rates without operators, every score full marks
SUIXI = "anhui-suixi-linshijiuzhu-2019"  # row 15: 分值 10 (H), 得分 10, 偏差原因 in I


def _at(result, code, cell):
    (found,) = [f for f in result.findings if f.code == code and str(f.ref) == cell]
    return found


def test_s01_on_a_direction_read_from_the_name_states_the_reading(tmp_path):
    # 预算调整率 reads as lower-better since noise16 (财预〔2013〕53号; tests/test_noise16.py): a name no list settles
    # scored below full marks (a full-marks miss is S07's one finding since tests/test_gaps17.py)
    result = validated(variant(KEXUECHENG, {"B13": "专项资金占比", "J13": "1", "J23": "4"}), tmp_path)
    s01 = _at(result, "S01", "Sheet1!J13")  # 专项资金占比 3% │ 0%, 1 of 2
    assert s01.certainty is Certainty.GUESS
    assert s01.message.startswith("“专项资金占比”若按“≥”理解，得分应为 0（"), s01.message
    assert s01.message_en.startswith("专项资金占比: if read as ≥, score should be 0"), s01.message_en
    certain = _at(result, "S01", "Sheet1!J23")  # 党性教育培训次数 26次 │ 12次: a certain miss, worded as before
    assert certain.severity is Severity.ERROR
    assert certain.message.startswith("“党性教育培训次数”得分应为 2.31（")


def test_a_count_read_as_the_years_states_that_reading_in_s01_and_d01(tmp_path):
    # "每月1次" │ "6次" at full marks, 偏差原因 blank: short of 12 only if the 6 is the year's count
    result = validated(variant(SUIXI, {"F15": "每月1次", "G15": "6次", "I15": ""}), tmp_path)
    s07 = _at(result, "S07", "Sheet1!H15")  # full marks on the miss: S07's one finding (tests/test_gaps17.py)
    # both readings named (read25): the other one, each month's count, meets the target at full marks
    both = "”若按全年数理解（若按每月数理解，达到目标，得分应为 10），"
    assert f"{both}实际完成值 6次 未达到" in s07.message and "按完成比例计分应为 5" in s07.basis, s07.message
    d01 = _at(result, "D01", "Sheet1!I15")
    assert d01.certainty is Certainty.GUESS
    assert f"{both}未完成（实际完成值 6次 未达到 每月1次）" in d01.message, d01.message
    assert "if read as the year's count (as " in d01.message_en, d01.message_en


def test_d01_on_a_certain_miss_keeps_its_words(tmp_path):
    result = validated(variant(SUIXI, {"F15": "每月1次", "G15": "6次", "H15": "5", "I15": ""}), tmp_path)
    d01 = _at(result, "D01", "Sheet1!I15")  # 得分 5 < 分值 10: missed by the row's own cells
    assert d01.severity is Severity.ERROR
    assert "”未完成（得分 5 低于分值 10）" in d01.message


# ---------------------------------------------------------------- 2. one round figure does not settle a table's unit

_HEAD = [
    ["2023年度部门整体支出绩效评价基础数据表", "", "", ""],
    ["经费控制情况", "2022年决算数", "2023年预算数", "2023年决算数"],
]


def _basic_report(path: Path, text: str, rows: list[list[str]]) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph(text)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, cells in zip(rows, (r.cells for r in table.rows), strict=True):
        for value, cell in zip(row, cells, strict=True):
            if value:
                cell.paragraphs[0].text = value
    d.save(path)
    return path


def _n_findings(path: Path) -> list:
    from perfxl.validate import validate_file

    return [f for f in validate_file(path).findings if f.code.startswith("N")]


def test_one_round_figure_does_not_settle_a_table_s_unit(tmp_path):
    # a 元 table (25362 → 11131) whose 预算 cell reads 2: "2万元" agrees with it only in 万元 — a coincidence as likely
    # as a statement of the unit; the change the narrative states agrees with the table in 元
    rows = [*_HEAD, ["三公经费", "25362", "2", "11131"], [" 1、公务用车购置和维护经费", "0", "0", "0"]]
    text = "“三公”经费财政拨款支出预算为2万元，支出决算比上年减少14231元。"
    found = _n_findings(_basic_report(tmp_path / "round.docx", text, rows))
    assert not [f for f in found if f.severity is Severity.ERROR], [f.message for f in found]


def test_guard_a_round_figure_beside_another_agreeing_cell_settles_the_unit(tmp_path):
    # the two 1万元 agree with two cells (三公经费's and 公务接待's 决算) in 万元: the narrative states the unit, so its
    # 5万元 against the 预算 2 is certain; with one of them only, a 警告 whose unit is a guess
    rows = [*_HEAD, ["三公经费", "3", "2", "1"], [" 3、公务接待", "3", "2", "1"]]
    text = "“三公”经费财政拨款支出预算为5万元，支出决算为1万元。其中公务接待费支出决算为1万元。"
    found = _n_findings(_basic_report(tmp_path / "two.docx", text, rows))
    assert [(f.severity, "按万元读取" in f.basis) for f in found] == [(Severity.ERROR, True)], [
        f.message for f in found
    ]
    alone = _n_findings(_basic_report(tmp_path / "one.docx", text.split("其中")[0], rows))
    assert [(f.severity, f.certainty) for f in alone] == [(Severity.WARNING, Certainty.GUESS)], alone


# ---------------------------------------------------------------- 3. a 三公 table named by one mechanism


def test_two_three_public_tables_are_named_as_every_message_names_one(tmp_path):
    import openpyxl

    from perfxl.validate import validate_file

    book = openpyxl.Workbook()
    for i, sheet in enumerate((book.active, book.create_sheet())):
        sheet.title = f"表{i + 1}"
        for row in (
            ["2016年“三公”经费支出决算表（单位：万元）", "", "", "", "", ""],
            ["项目", "合计", "因公出国(境)费", "公务接待费", "公务用车购置费", "公务用车运行维护费"],
            ["预算数", 30, 5, 10, 5, 10],
            ["决算数", 30, 5, 10, 5, 10],
        ):
            sheet.append(row)
    book.save(tmp_path / "two.xlsx")
    found = validate_file(tmp_path / "two.xlsx").findings
    (extra,) = [f for f in found if f.code == "LAYOUT_EXTRA_TABLE"]
    # `BasicData.table_name`, as B05 and the coverage line say it (before: the reader's own "“三公”经费表")
    assert "有多张三公经费表，只读取了" in extra.message, extra.message
