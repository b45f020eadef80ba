"""Review round 4 (changes 25a8a26..HEAD): N02 on listed names, fractions judged at their own decimals,
scoring tables without 评分标准, one notice for a header without a table, runs of unmapped rows, and the
annotated copy that copies untouched zip members with their compressed bytes. Each test failed when written."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import struct
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from reader_shapes import SheetBuilder, read_table
from rules_helpers import good_evaluation, submission, with_total

from perfxl.annotate import annotate_workbook
from perfxl.errors import PerfxlError
from perfxl.model import CellRef, Finding, Paragraph, Severity, TextRef
from perfxl.reader import read_grids
from perfxl.validate import validate_submission

# ---------------------------------------------------------------- helpers


def _n02(text: str) -> list[Finding]:
    sub = dataclasses.replace(submission(good_evaluation()), narrative=(Paragraph(TextRef(1), text),))
    return [f for f in validate_submission(sub) if f.code in ("N02", "N05")]  # the list check became N05


def _scoring_sheet(header: list[str], rows: list[list], name: str = "评分表"):
    return read_table(header, rows, name)


# ---------------------------------------------------------------- 1. N02: a count against its listed names


@pytest.mark.parametrize(
    "text",
    [
        # a 、 inside brackets belongs to one name: three 股室, not four
        "下设内设机构3个，即办公室、财务股（含审计、统计）、业务股。",
        # a 、 inside 《》 belongs to one title: three 制度, not four
        "全年修订内部管理制度3个，即《财务管理制度》、《资产、采购管理办法》、《公务接待管理办法》。",
    ],
)
def test_n02_does_not_split_a_name_at_a_pause_mark_inside_brackets(text):
    """The list is split at every 、, also inside （…） and 《…》, so a correct "3个，即" list of three names is
    counted as four and a 警告 goes out on a correct paragraph. Real report texts write sub-items and
    document titles with 、 inside brackets all the time; every such list becomes noise for the reviewer."""
    assert [f.message for f in _n02(text)] == []


def test_n02_does_not_read_ji_jiang_as_the_cue_of_a_list():
    """ "5个，即将建成的…" is 即将 (about to), not 即 (namely): the sentence after it is not the list of the five
    stations, yet N02 says the paragraph lists 2 names against 5. 即将/即可/即时 are common in reports."""
    text = "今年已建成村级综合服务站5个，即将建成的还有李家村、王家村。"
    assert [f.message for f in _n02(text)] == []


def test_n02_list_message_does_not_say_the_stated_count_should_be_the_listed_one():
    """For 南县财政局 2020 ("直属事业单位10个,即" and nine names) the message reads "所列名称的个数，按其自身数字
    应为 9个，文字写 10个": it tells the writer the count is wrong, while the basis (rightly) says a name may be
    missing — the more likely case. The message must state both figures without claiming which is right."""
    text = (
        "直属事业单位10个,即县国库集中支付中心、县财政信息中心、县工资统发中心、县财政投资评审中心、"
        "县政府债务研究评估中心、县财政预算编审中心、县国有资产服务中心、县会计服务中心、县经济开发区财政所。"
    )
    (f,) = _n02(text)
    assert "应为" not in f.message, f.message
    assert "10" in f.message and "9" in f.message


# ---------------------------------------------------------------- 3. a rate printed as a fraction


def test_f04_a_whole_one_is_not_judged_stricter_than_one_point_zero():
    """96/100 typed "1.0" passes (a fraction to one decimal is 100% to the nearest 10%), but typed "1" it is a
    certain 错误 "应为 96.00%". "1" is printed with fewer decimals than "1.0", so it cannot be judged more
    strictly: at its own precision 0.96 rounds to 1. At most a 警告 (a person judges whether 1 meant 100%)."""

    def f04(rate):
        ev = with_total(good_evaluation(), full=100, initial=100, executed=96, rate=rate, score=None)
        ev = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, parts=()))
        return [f for f in validate_submission(submission(ev)) if f.code == "F04"]

    assert f04("1.0") == []  # the more precise print passes
    assert [(f.severity, f.message) for f in f04("1") if f.severity is Severity.ERROR] == []


# ---------------------------------------------------------------- 4. scoring tables without 评分标准


def test_a_correct_tree_shaped_scoring_table_gives_no_error():
    """评分表 printed as a tree (财预〔2020〕10号 共性指标: the 一级 and 二级 rows carry their subtotal in the
    分值/得分 columns, the 三级 rows the indicators). Now read as a scoring table (no 评分标准 needed), every
    heading row becomes an indicator: I01 错误 "三级指标名称为空" on nine heading rows, W03 错误 (300 ≠ 100) and
    T02 错误 (291 ≠ 97) — false 错误 on a correct table that was not read at all before this change."""
    rows = [
        ["决策", "", "", 20, 19],
        ["", "项目立项", "", 10, 9],
        ["", "", "立项依据充分性", 5, 5],
        ["", "", "立项程序规范性", 5, 4],
        ["", "资金投入", "", 10, 10],
        ["", "", "预算编制科学性", 5, 5],
        ["", "", "资金分配合理性", 5, 5],
        ["过程", "", "", 20, 20],
        ["", "资金管理", "", 20, 20],
        ["", "", "资金到位率", 10, 10],
        ["", "", "预算执行率", 10, 10],
        ["产出", "", "", 40, 40],
        ["", "产出数量", "", 40, 40],
        ["", "", "实际完成率", 40, 40],
        ["效益", "", "", 20, 18],
        ["", "项目效益", "", 20, 18],
        ["", "", "社会效益", 10, 9],
        ["", "", "满意度", 10, 9],
        ["合计", "", "", 100, 97],
    ]
    sub = _scoring_sheet(["一级指标", "二级指标", "三级指标", "分值", "得分"], rows)
    errors = [(f.code, f.cell, f.message) for f in validate_submission(sub) if f.severity is Severity.ERROR]
    assert errors == []


def test_a_scoring_table_with_the_second_level_jixiao_mubiao_reads_every_row():
    """财预〔2020〕10号's 决策 block has the 二级指标 "绩效目标" (绩效目标合理性, 绩效指标明确性). In a scoring
    table the row holding it is taken for a 绩效目标 (goals) header: the table stops after two indicators, the
    other rows become one LAYOUT_UNMAPPED_ROW 警告 and W03 says "指标 10 应为 100" — a real table's rows lost."""
    rows = [
        ["决策", "项目立项", "立项依据充分性", 5, 5],
        ["", "", "立项程序规范性", 5, 4],
        ["", "绩效目标", "绩效目标合理性", 5, 5],
        ["", "", "绩效指标明确性", 5, 5],
        ["过程", "资金管理", "资金到位率", 10, 10],
        ["产出", "产出数量", "实际完成率", 30, 30],
        ["效益", "项目效益", "社会效益", 40, 36],
        ["合计", "", "", 100, 95],
    ]
    sub = _scoring_sheet(["一级指标", "二级指标", "三级指标", "分值", "得分"], rows)
    names = [i.name.text for ev in sub.evaluations for i in ev.indicators]
    assert names == [
        "立项依据充分性",
        "立项程序规范性",
        "绩效目标合理性",
        "绩效指标明确性",
        "资金到位率",
        "实际完成率",
        "社会效益",
    ]
    assert [p.brief() for p in sub.problems if p.severity is not Severity.INFO] == []


def test_a_self_evaluation_with_unknown_target_headers_is_not_silently_a_scoring_table():
    """一级 | 二级 | 三级 | 预期目标 | 实际完成情况 | 分值 | 得分: the target/actual headers are not in perfxl's
    vocabulary. Before, the table was not read and LAYOUT_NO_TABLE (警告) said so; now it is read as a scoring
    table, the targets and actuals ("≥90%" against "80%" with full marks) are dropped with only an INFO, and
    the reviewer believes the table was checked. Either the columns are read by position or a 警告 says not."""
    rows = [
        ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 50, 50],
        ["效益指标", "社会效益", "群众知晓率", "≥90%", "80%", 30, 30],
        ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 20, 20],
        ["总分", "", "", "", "", 100, 100],
    ]
    sub = _scoring_sheet(["一级指标", "二级指标", "三级指标", "预期目标", "实际完成情况", "分值", "得分"], rows)
    targets = [i.target.text for ev in sub.evaluations for i in ev.indicators if i.target is not None]
    unread = {"LAYOUT_NO_TABLE", "LAYOUT_UNMAPPED_ROW", "LAYOUT_MISSING_COLUMN"}
    said = [p.brief() for p in sub.problems if p.code in unread and p.severity is not Severity.INFO]
    assert "≥90%" in targets or said, [(*p.brief(), p.severity.value) for p in sub.problems]


def test_a_group_header_row_above_the_full_header_is_not_an_empty_scoring_table():
    """Two header rows with no merges (a PDF's table, or a form whose merged 指标值 group was unmerged): the
    first row (一级 | 二级 | 三级 | 年度目标完成情况 | | 分值 | 得分 | 偏差…) is now a complete scoring header by itself, so
    it opens an empty table: LAYOUT_EMPTY_TABLE, LAYOUT_MISSING_TOTAL and a LAYOUT_MISSING_COLUMN 警告 on a
    correct table, and an empty SelfEvaluation beside the real one. Before, the second row was the header."""
    sb = SheetBuilder("自评表")
    grid_rows = [
        ["一级指标", "二级指标", "三级指标", "年度目标完成情况", "", "分值", "得分", "偏差原因分析及改进措施"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 50, 50, ""],
        ["效益指标", "社会效益", "群众知晓率", "≥90%", "95%", 30, 30, ""],
        ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 20, 20, ""],
        ["总分", "", "", "", "", 100, 100, ""],
    ]
    for r, row in enumerate(grid_rows):
        for c, v in enumerate(row):
            if v != "":
                sb.put(r, c, v)
    sub = read_grids([sb.grid()], "p.xlsx")
    assert len(sub.evaluations) == 1
    layout_warnings = [p.brief() for p in sub.problems if p.severity is Severity.WARNING]
    assert layout_warnings == []


# ---------------------------------------------------------------- 1. the annotated copy's zip members


SHEET = "自评表"


def _workbook(path: Path) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(SHEET)
    ws.write_row("A1", ["三级指标", "年度指标值", "实际完成值", "分值", "得分"])
    ws.write_row("A2", ["培训人数", "≥100人", "120人", 10, 10])
    wb.set_custom_property("审核人", "张三")  # docProps/custom.xml: a part the marks never touch
    wb.close()
    return path


def _findings() -> list[Finding]:
    return [Finding("S01", Severity.ERROR, CellRef(SHEET, "E2"), "得分应为 9", expected="9", actual="10")]


def _patch(data: bytes, name: str, *, local=None, central=None) -> bytes:
    """Edit member `name`'s local header (local(buf, offset)) and/or central entry (central(buf, offset))."""
    buf = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        offset = z.getinfo(name).header_offset
    i = bytes(buf).find(b"PK\x01\x02")
    while i >= 0:
        n, m, k = struct.unpack_from("<HHH", buf, i + 28)
        if bytes(buf[i + 46 : i + 46 + n]) == name.encode() and central:
            central(buf, i)
        i = bytes(buf).find(b"PK\x01\x02", i + 46 + n + m + k)
    if local:
        local(buf, offset)
    return bytes(buf)


def test_a_member_whose_local_header_names_another_file_is_not_copied_blind(tmp_path):
    """A member whose local header disagrees with the central directory (here its file name) is copied
    byte for byte by `_copy_compressed` — its docstring says such a member is rewritten, but only the
    signature is compared. The copy then holds a member no zip reader accepts ("File name in directory …
    and header … differ"), where before the change perfxl said UnreadableWorkbook. The copy must read whole
    or not be made."""

    def rename_local(buf, off):
        n = struct.unpack_from("<H", buf, off + 26)[0]
        buf[off + 30 + n - 5] = ord("X")  # docProps/custom.xml → docProps/custoX.xml in the local header only

    src = tmp_path / "in.xlsx"
    src.write_bytes(_patch(_workbook(tmp_path / "base.xlsx").read_bytes(), "docProps/custom.xml", local=rename_local))
    try:
        res = annotate_workbook(src, _findings(), tmp_path / "out.xlsx")
    except PerfxlError:
        return  # refusing the damaged package is fine
    with zipfile.ZipFile(res.path) as z:
        assert z.testzip() is None


def _set_flag(bit):
    def local(buf, off):
        struct.pack_into("<H", buf, off + 6, struct.unpack_from("<H", buf, off + 6)[0] | bit)

    def central(buf, i):
        struct.pack_into("<H", buf, i + 8, struct.unpack_from("<H", buf, i + 8)[0] | bit)

    return local, central


def _set_method(method):
    def local(buf, off):
        struct.pack_into("<H", buf, off + 8, method)

    def central(buf, i):
        struct.pack_into("<H", buf, i + 10, method)

    return local, central


@pytest.mark.parametrize(
    ("member", "patch"),
    [
        ("docProps/custom.xml", _set_flag(0x01)),  # an encrypted part the marks never touch
        ("xl/worksheets/sheet1.xml", _set_flag(0x01)),  # the marked sheet encrypted
        ("xl/worksheets/sheet1.xml", _set_method(9)),  # the marked sheet in Deflate64 (Windows' zip of large files)
    ],
    ids=["encrypted-untouched", "encrypted-sheet", "deflate64-sheet"],
)
def test_odd_zip_members_give_a_clear_error_not_a_traceback(tmp_path, member, patch):
    """An encrypted member or an unsupported compression method raises RuntimeError / NotImplementedError out of
    `Package._read` (it catches BadZipFile, OSError, EOFError, KeyError, zlib.error only), so the CLI shows a
    traceback instead of "工作簿的部件 … 已损坏". annotate_workbook promises PerfxlError, never a bare exception.
    (An untouched encrypted part could simply be copied with its stored bytes, as the change does for others.)"""
    local, central = patch
    src = tmp_path / "in.xlsx"
    src.write_bytes(_patch(_workbook(tmp_path / "base.xlsx").read_bytes(), member, local=local, central=central))
    with contextlib.suppress(PerfxlError):  # a clear refusal is fine; RuntimeError/NotImplementedError is not
        annotate_workbook(src, _findings(), tmp_path / "out.xlsx")
