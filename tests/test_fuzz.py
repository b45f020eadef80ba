"""Fuzzing, bounded for CI: hypothesis on the guard and the layout detector, and a seeded mutation
run over the repository's real fixture workbooks (in a child process, with an address-space limit).

`PERFXL_FUZZ_MUTANTS` sets the number of mutants (default 400, seconds to a minute on one core).
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfxl.errors import UnreadableWorkbook
from perfxl.grid import Grid
from perfxl.io.guard import OLE_MAGIC, WorkbookKind, check_file

pytestmark = pytest.mark.slow  # fuzzing: hypothesis and mutated corpora (tens of seconds)

REPO = Path(__file__).resolve().parent.parent
FIXTURES = [*sorted((REPO / "workbooks" / "examples").glob("*.xlsx")), REPO / "workbooks" / "perfxl-standard.xlsx"]
MUTANTS = int(os.environ.get("PERFXL_FUZZ_MUTANTS", "400"))
PER_FILE_SECONDS = 20
SAFETY_NET_CODES = {"INTERNAL_ERROR", "LAYOUT_SHEET_ERROR", "CHECK_CRASHED"}

#: Derandomized so CI is reproducible; raise PERFXL_FUZZ_EXAMPLES (and drop derandomize locally) to hunt.
FUZZ = settings(
    max_examples=int(os.environ.get("PERFXL_FUZZ_EXAMPLES", "150")),
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


# ---------------------------------------------------------------- the guard


def _guard_answer(data: bytes, suffix: str = ".xlsx"):
    """check_file on `data`: a WorkbookKind, or the UnreadableWorkbook; anything else propagates."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            return check_file(path)
        except UnreadableWorkbook as exc:
            assert exc.code and exc.message and exc.path == str(path)
            return exc


@FUZZ
@given(
    prefix=st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06", OLE_MAGIC, b"\xef\xbb\xbf", b"<?xml"]),
    body=st.binary(max_size=3000),
)
def test_guard_on_arbitrary_bytes(prefix, body):
    answer = _guard_answer(prefix + body)
    assert isinstance(answer, (WorkbookKind, UnreadableWorkbook))


def _small_xlsx() -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("自评表")
    ws.write_row(0, 0, ["三级指标", "年度指标值", "实际完成值", "分值", "得分"])
    ws.write_row(1, 0, ["新进规模企业", "≥12家", "20家", 10, 10])
    ws.merge_range("A3:B3", "总分")
    wb.close()
    return buf.getvalue()


SMALL_XLSX = _small_xlsx()
SMALL_PARTS = zipfile.ZipFile(io.BytesIO(SMALL_XLSX)).namelist()


@FUZZ
@given(
    part=st.sampled_from(SMALL_PARTS),
    position=st.floats(0, 1),
    junk=st.binary(min_size=1, max_size=40),
    cut=st.integers(0, 40),
)
def test_guard_on_mutated_packages(part, position, junk, cut):
    """A valid package with one part damaged (bytes replaced/inserted) is either accepted or refused
    with a typed error — never another exception."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(SMALL_XLSX)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == part:
                at = int(position * len(data))
                data = data[:at] + junk + data[at + cut :]
            zout.writestr(name, data)
    answer = _guard_answer(out.getvalue())
    assert isinstance(answer, (WorkbookKind, UnreadableWorkbook))


# ---------------------------------------------------------------- the layout detector

LABELS = [
    "年度资金总额",
    "其中：本年财政拨款",
    "上年结转资金",
    "其他资金",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
    "年度总体目标",
    "预期目标",
    "实际完成情况",
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "指标值",
    "指标性质",
    "度量单位",
    "实际完成值",
    "偏差原因分析及改进措施",
    "总分",
    "产出指标(55分)",
    "效益指标（35分）",
    "满意度指标",
    "数量指标",
    "≥12家",
    "≥",
    "%",
    "100%",
    "增长12%",
    "达成年度指标",
    "2023年底",
    "预算单位名称",
    "项目名称",
    "基础数据表",
    "编制数",
    "实际在职人数",
    "控制率",
    "三公经费",
    "……",
    "/",
    "—",
    "自评等级",
    "优",
    "项目资金（万元）",
    "年度预算申请（万元）",
    "单位：万元",
]
CELL = st.one_of(
    st.none(),
    st.just(""),
    st.sampled_from(LABELS),
    st.text(max_size=12),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=4),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
)


@st.composite
def grids(draw) -> Grid:
    n_rows = draw(st.integers(0, 30))
    n_cols = draw(st.integers(0, 12))
    rows = [[draw(CELL) for _ in range(draw(st.integers(0, n_cols)))] for _ in range(n_rows)]
    merged = []
    if n_rows and n_cols:
        for _ in range(draw(st.integers(0, 6))):  # possibly overlapping, as hostile files have
            r0, c0 = draw(st.integers(0, n_rows - 1)), draw(st.integers(0, n_cols - 1))
            r1, c1 = draw(st.integers(r0, n_rows - 1)), draw(st.integers(c0, n_cols - 1))
            merged.append((r0, c0, r1, c1))
    return Grid(
        draw(st.sampled_from(["自评表", "部门整体支出绩效自评表", "基础数据表", "Sheet1"])),
        rows,
        tuple(merged),
        hidden=draw(st.booleans()),
    )


def _findings(grid_list: list[Grid]):
    from perfxl.reader import read_grids
    from perfxl.validate import validate_submission

    return validate_submission(read_grids(grid_list, "fuzz.xlsx"), None)  # includes the reader's own problems


def _assert_explained(grid_list: list[Grid]) -> None:
    """No safety-net finding, and every finding has a message and names its sheet and cell."""
    findings = _findings(grid_list)
    nets = [(f.code, f.message_en) for f in findings if f.code in SAFETY_NET_CODES]
    assert not nets, nets
    for f in findings:
        assert f.message, f
        assert f.ref is not None and f.ref.sheet and f.ref.cell, f


@FUZZ
@given(grid=grids())
def test_layout_on_arbitrary_grids(grid):
    from perfxl.layout.detect import read_sheet

    read_sheet(grid)  # must not raise
    _assert_explained([grid])


def _seed_grids() -> list[Grid]:
    from perfxl.io.source import open_grids

    return open_grids(FIXTURES[0])


@FUZZ
@given(data=st.data())
def test_layout_on_mutated_real_tables(data):
    """The seed example's grids with cells overwritten and rows dropped or duplicated."""
    grid_list = []
    for g in _SEED_GRIDS:
        rows = [list(r) for r in g.rows]
        for _ in range(data.draw(st.integers(0, 8))):
            if not rows:
                break
            r = data.draw(st.integers(0, len(rows) - 1))
            action = data.draw(st.sampled_from(["cell", "drop", "dup"]))
            if action == "drop":
                del rows[r]
            elif action == "dup":
                rows.insert(r, list(rows[r]))
            elif rows[r]:
                rows[r][data.draw(st.integers(0, len(rows[r]) - 1))] = data.draw(CELL)
        grid_list.append(Grid(g.name, rows, g.merged, hidden=g.hidden))
    _assert_explained(grid_list)


_SEED_GRIDS = _seed_grids()  # a missing fixture fails here rather than fuzzing an empty list


@pytest.mark.parametrize("header", ["执行率", "分值", "得分", "三级指标"])
def test_findings_name_a_cell_when_a_header_is_blank(header):
    """A blanked header label: every finding still names a cell, and LAYOUT_MISSING_COLUMN sits at the blanked cell."""
    from perfxl.model import a1

    grid_list, blanked = [], set()
    for g in _SEED_GRIDS:
        rows = [[None if isinstance(v, str) and v.strip() == header else v for v in r] for r in g.rows]
        blanked |= {
            (g.name, a1(r + 1, c + 1))
            for r, row in enumerate(g.rows)
            for c, v in enumerate(row)
            if isinstance(v, str) and v.strip() == header
        }
        grid_list.append(Grid(g.name, rows, g.merged, hidden=g.hidden))
    assert blanked
    _assert_explained(grid_list)
    reported = {(f.ref.sheet, f.ref.cell) for f in _findings(grid_list) if f.code == "LAYOUT_MISSING_COLUMN"}
    assert reported == blanked


# ---------------------------------------------------------------- seeded mutation of real workbooks


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def test_mutated_fixture_workbooks_give_findings_or_clean_errors(tmp_path):
    env = dict(os.environ, PYTHONPATH=f"{REPO}{os.pathsep}{REPO / 'tests'}")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "badinput.mutate",
            "--seed",
            "8",
            "--count",
            str(MUTANTS),
            "--per-file-seconds",
            str(PER_FILE_SECONDS),
            str(tmp_path),
            *map(str, FIXTURES),
        ],
        capture_output=True,
        text=True,
        cwd=REPO / "tests",
        env=env,
        timeout=MUTANTS * PER_FILE_SECONDS + 120,
        preexec_fn=_limit_memory,
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    verdicts = [d for d in lines if "start" not in d]
    started = [d for d in lines if "start" in d]
    assert proc.returncode == 0, (
        f"the child died (rc {proc.returncode}) on {started[-1] if started else '?'}: {proc.stderr[-1500:]}"
    )
    assert len(verdicts) == MUTANTS
    bad = [d for d in verdicts if d.get("bad")]
    assert not bad, "\n".join(json.dumps(d, ensure_ascii=False) for d in bad[:10])
    # the run really exercised both outcomes: readable mutants and refused ones
    assert any(d["ok"] for d in verdicts) and any(not d["ok"] for d in verdicts)
    assert "Traceback" not in proc.stderr
