"""Report documents in a batch (issue 12): `perfxl batch` and `perfxl validate folder/` pick up .docx/.pdf/.doc
beside workbooks, and a unit folder holding exactly one workbook and one report gets a "报告与工作簿核对"
entry: the report's narrative checked against the workbook's tables (N01–N04).

Real files built by the project's own code: the seed workbook (workbooks/examples), the seed report
(perfxl.workbook.report_docx.build_report_docx) and a narrative-only report written from its paragraphs
(report_paragraphs), so the four contradictions can only come from the workbook's tables.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import docx
import pytest

from perfxl.batch.discover import ACCEPTED_SUFFIXES, DOCUMENT_SUFFIXES, WORKBOOK_SUFFIXES, discover
from perfxl.batch.pairing import PAIR_KIND, check_pair, pair_members, with_pairs
from perfxl.batch.runner import run_batch
from perfxl.cli.validate_run import run_validate
from perfxl.workbook.report_docx import AGREEING_FIGURES, build_report_docx, report_paragraphs

EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


def narrative_only_docx(path: Path, figures=None) -> dict[str, int]:
    """The seed report's narrative without any table; returns figure key → paragraph number (1-based,
    non-empty paragraphs, as perfxl numbers them)."""
    from perfxl.workbook.report_docx import REPORT_PARAGRAPHS

    d = docx.Document()
    numbers: dict[str, int] = {}
    n = 0
    for template, text in zip(REPORT_PARAGRAPHS, report_paragraphs(figures), strict=True):
        if not text.strip():
            continue
        d.add_paragraph(text)
        n += 1
        for key in ("new_scale_firms", "hitech_firms", "three_public_budget", "reception_budget", "goal_sentence"):
            if "{" + key + "}" in template:
                numbers[key] = n
    d.save(path)
    return numbers


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    """县/科工局: workbook + narrative-only report (paired); 县/报告单独: the full seed report alone;
    县/两个工作簿: two workbooks and one report (not paired)."""
    root = tmp_path_factory.mktemp("inbox")
    unit = root / "县" / "科工局"
    unit.mkdir(parents=True)
    shutil.copy(EXAMPLE, unit / "自评表.xlsx")
    paragraphs = narrative_only_docx(unit / "自评报告.docx")
    alone = root / "县" / "报告单独"
    alone.mkdir()
    report = build_report_docx(alone / "科工局自评报告.docx")
    two = root / "县" / "两个工作簿"
    two.mkdir()
    shutil.copy(EXAMPLE, two / "自评表.xlsx")
    shutil.copy(EXAMPLE, two / "自评表（修改稿）.xlsx")
    narrative_only_docx(two / "报告.docx")
    return root, paragraphs, report


@pytest.fixture(scope="module")
def batch(inbox, tmp_path_factory):
    root, _, _ = inbox
    out = tmp_path_factory.mktemp("out")
    outcome = run_batch([root], out, jobs=1)
    return outcome, out


def _rows(outcome):
    return {r["name"]: r for r in outcome.rows}


def _findings(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()]


def test_one_list_of_accepted_suffixes_and_folders_yield_reports(tmp_path):
    assert ACCEPTED_SUFFIXES == WORKBOOK_SUFFIXES + DOCUMENT_SUFFIXES
    assert {".docx", ".pdf", ".doc"} <= set(ACCEPTED_SUFFIXES)
    for name in ("a.xlsx", "b.DOCX", "c.pdf", "d.doc", "~$b.docx", ".~lock.b.docx#", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    assert [f.name for f in discover([tmp_path]).files] == ["a.xlsx", "b.DOCX", "c.pdf", "d.doc"]
    assert [f.path.name for f in discover([str(tmp_path / "*.pdf")]).files] == ["c.pdf"]


def test_pairing_entries_only_where_a_folder_holds_reports_and_workbooks(inbox):
    root, _, _ = inbox
    found = with_pairs(discover([root]))
    names = [f.name for f in found.files]
    assert "县/科工局/报告与工作簿核对：自评报告.docx ⇄ 自评表.xlsx" in names
    assert "县/两个工作簿/报告与工作簿核对：未配对（2 个工作簿、1 份报告）" in names
    assert not any(n.startswith("县/报告单独/报告与") for n in names)  # a report alone is not a pair
    pair = next(f for f in found.files if f.name.startswith("县/科工局/报告与"))
    reports, workbooks = pair_members(pair.path)
    assert [p.name for p in reports] == ["自评报告.docx"] and [p.name for p in workbooks] == ["自评表.xlsx"]
    assert all(p.is_file() for p in (*reports, *workbooks))


@pytest.mark.slow  # a batch: a pool of worker processes
def test_a_unit_folder_with_both_gets_the_four_contradictions_paired(batch, inbox):
    outcome, out = batch
    _, paragraphs, _ = inbox
    rows = _rows(outcome)
    pair = rows["县/科工局/报告与工作簿核对：自评报告.docx ⇄ 自评表.xlsx"]
    assert pair["ok"] and pair["kind_zh"] == PAIR_KIND and pair["unit_name"]
    totals = outcome.tables.totals()  # the pairing row is no file of its own (journey12: "共 4 个文件" for 3)
    pairs = sum(r["kind_zh"] == PAIR_KIND for r in rows.values())
    assert pairs >= 1 and (totals["files"], totals["pairs"]) == (len(rows) - pairs, pairs)
    lines = [f for f in _findings(out) if f["file"] == pair["name"]]
    narrative = Counter(
        (f["code"], f["location"]["kind"], f["location"]["paragraph"], f["actual"], f["severity"])
        for f in lines
        if f["severity"] in ("error", "warning")
    )
    assert narrative == Counter(
        {
            ("N01", "paragraph", paragraphs["new_scale_firms"], "16家", "warning"): 1,  # fuzzy name pair: 警告
            ("N01", "paragraph", paragraphs["hitech_firms"], "19家", "error"): 1,
            ("N01", "paragraph", paragraphs["three_public_budget"], "3万元", "error"): 1,
            ("N01", "paragraph", paragraphs["reception_budget"], "3万元", "error"): 1,
            ("N03", "paragraph", paragraphs["goal_sentence"], "以上目标均以完成", "error"): 1,
        }
    )
    three = next(f for f in lines if f["location"]["paragraph"] == paragraphs["three_public_budget"])
    assert three["message"].startswith("报告与工作簿核对：") and "自评表.xlsx" in three["message"]
    assert [r["kind"] for r in three["related"]] == ["cell"]
    assert "表" not in three["related"][0]["sheet"][:1]  # a sheet of the workbook, not the report's 表N
    # the report on its own has no tables, so nothing there contradicts anything
    alone = rows["县/科工局/自评报告.docx"]
    assert alone["ok"] and alone["errors"] == 0
    # summary.xlsx and the dashboard list the pairing entry like any file
    from openpyxl import load_workbook

    wb = load_workbook(out / "summary.xlsx", read_only=True)
    listed = {row[0] for row in wb["汇总"].iter_rows(values_only=True)}
    assert pair["name"] in listed
    assert pair["name"] in (out / "dashboard.html").read_text(encoding="utf-8")


def test_the_related_cell_is_the_workbooks_cell(inbox, tmp_path):
    """check_pair directly: the related cells hold the table value the message quotes."""
    root, paragraphs, _ = inbox
    found = with_pairs(discover([root / "县" / "科工局"]))
    [pair] = [f for f in found.files if f.name.startswith("报告与")]
    result = check_pair(pair.path)
    hitech = next(f for f in result.findings if f.actual == "19家")
    assert hitech.ref.paragraph == paragraphs["hitech_firms"]
    from xlsx_load import load_workbook

    ref = hitech.related[0]
    cell = load_workbook(EXAMPLE, data_only=True)[ref.sheet][ref.cell].value
    assert str(cell).startswith("13") and hitech.expected.startswith("13")


@pytest.mark.slow  # a batch: a pool of worker processes
def test_a_folder_with_the_report_only_gets_its_own_checks(batch, inbox):
    outcome, out = batch
    _, _, report = inbox
    row = _rows(outcome)["县/报告单独/科工局自评报告.docx"]
    assert row["ok"] and row["kind"]
    lines = [f for f in _findings(out) if f["file"] == row["name"]]
    found = {
        (f["code"], f["location"]["paragraph"], f["actual"])
        for f in lines
        if f["code"][0] == "N" and f["severity"] in ("error", "warning")
    }
    assert found == {
        ("N01", report.paragraph_with("new_scale_firms")[0], "16家"),
        ("N01", report.paragraph_with("hitech_firms")[0], "19家"),
        ("N01", report.paragraph_with("three_public_budget")[0], "3万元"),
        ("N01", report.paragraph_with("reception_budget")[0], "3万元"),
        ("N03", report.paragraph_with("goal_sentence")[0], "以上目标均以完成"),
    }
    # its table findings are the workbook's (same tables), at the Word tables' cells
    assert any(f["code"] == "B01" and f["sheet"] == "表2" for f in lines)


@pytest.mark.slow  # a batch: a pool of worker processes
def test_an_ambiguous_folder_is_not_paired_and_says_why(batch):
    outcome, out = batch
    row = _rows(outcome)["县/两个工作簿/报告与工作簿核对：未配对（2 个工作簿、1 份报告）"]
    assert row["ok"] and (row["errors"], row["warnings"], row["infos"]) == (0, 0, 1)
    [line] = [f for f in _findings(out) if f["file"] == row["name"]]
    assert (
        line["code"] == "PAIR_AMBIGUOUS"
        and "2 个工作簿" in line["message"]
        and "自评表（修改稿）.xlsx" in line["message"]
    )
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert any(c["code"] == "PAIR_AMBIGUOUS" for c in summary["by_code"])


@pytest.mark.slow  # a batch: a pool of worker processes
def test_an_agreeing_report_goes_quiet_and_the_cache_follows_both_files(inbox, tmp_path):
    unit = tmp_path / "科工局"
    unit.mkdir()
    shutil.copy(EXAMPLE, unit / "自评表.xlsx")
    narrative_only_docx(unit / "自评报告.docx")
    out = tmp_path / "out"
    first = run_batch([unit], out, jobs=1)
    name = "报告与工作簿核对：自评报告.docx ⇄ 自评表.xlsx"
    assert _rows(first)[name]["errors"] == 4  # 19家, 3万元 twice, 以上目标均以完成 (16家 is a 警告)
    narrative_only_docx(unit / "自评报告.docx", AGREEING_FIGURES)  # the report changes, the workbook does not
    second = run_batch([unit], out, jobs=1)
    row = _rows(second)[name]
    assert not row["cached"] and (row["errors"], row["warnings"]) == (0, 0)
    third = run_batch([unit], out, jobs=1)
    assert _rows(third)[name]["cached"]


def test_validate_folder_picks_up_report_documents(inbox, tmp_path):
    root, _, _ = inbox
    report = tmp_path / "report.json"
    code = run_validate([root / "县" / "报告单独"], fmt="json", output=report)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [Path(f["path"]).name for f in data["files"]] == ["科工局自评报告.docx"]
    assert data["files"][0]["coverage"]["source_format"] == "docx"
    assert code == 1  # the report's own 错误 (N01, N03 and the tables' errors)


@pytest.mark.slow  # a batch: a pool of worker processes
def test_batch_annotate_comments_a_word_report(tmp_path):
    """`perfxl batch --annotate` gives a .docx report a Word-commented copy, like `validate --annotate`."""
    import zipfile

    from perfxl.batch.runner import run_batch
    from perfxl.workbook.report_docx import build_report_docx

    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    build_report_docx(inbox / "自评报告.docx")
    out = tmp_path / "结果"
    run_batch([inbox], out, annotate=True, jobs=1)
    [copy] = (out / "annotated").rglob("*.docx")
    with zipfile.ZipFile(copy) as z:
        assert "word/comments.xml" in z.namelist() and b"N01" in z.read("word/comments.xml")
