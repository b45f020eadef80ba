"""`perfxl batch` end to end on real files: generated submissions, the seed example, and broken files.

Each good file's row must agree with `validate_file` run on its own; each bad file must be
reported with its reason; the exit status is the worst result; a second run comes from the cache.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from perfxl.validate import validate_file

REPO = Path(__file__).resolve().parent.parent
SEED_EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"

# (file name, synthetic seed, planted errors, variant, department+basic tables)
GOOD = (
    ("clean-project.xlsx", 11, 0, "standard", False),
    ("dept-inserted-rows.xlsx", 12, 1, "inserted_rows", True),
    ("synonyms-two-errors.xlsx", 13, 2, "synonyms", False),
    ("county/split-target.xlsx", 14, 1, "split_target", True),
)
BAD = ("bad/corrupt.xlsx", "bad/encrypted.xlsx", "bad/notes-renamed.xlsx", "bad/empty.xlsx")


def perfxl(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run the real command in its own process, as a reviewer would."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "120"}
    code = "from perfxl.cli.main import run; run()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def make_inbox(folder: Path) -> None:
    """Good workbooks from the repo's generator, the seed example, and four kinds of broken file."""
    import msoffcrypto.format.ooxml

    from perfxl.workbook.synthetic import synthetic_content
    from perfxl.workbook.variants import write_submission

    for name, seed, errors, variant, dept in GOOD:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        write_submission(
            folder / name, synthetic_content(seed, errors=errors, department=dept, basic=dept), variant=variant
        )
    assert SEED_EXAMPLE.is_file(), "the generator's seed example is missing"
    shutil.copy(SEED_EXAMPLE, folder / SEED_EXAMPLE.name)
    bad = folder / "bad"
    bad.mkdir()
    data = (folder / GOOD[0][0]).read_bytes()
    (bad / "corrupt.xlsx").write_bytes(data[: len(data) // 2])  # cut off mid-download
    with open(folder / GOOD[0][0], "rb") as plain, open(bad / "encrypted.xlsx", "wb") as enc:
        msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("secret", enc)
    (bad / "notes-renamed.xlsx").write_text("请查收附件中的自评表。\n", encoding="utf-8")
    openpyxl.Workbook().save(bad / "empty.xlsx")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    make_inbox(root / "inbox")
    first = perfxl("batch", "inbox", "-o", "out", "--jobs", "2", "--annotate", cwd=root)
    state_after_first = (root / "out" / "state.jsonl").read_text(encoding="utf-8")
    summary_first = json.loads((root / "out" / "summary.json").read_text(encoding="utf-8"))
    second = perfxl("batch", "inbox", "-o", "out", "--jobs", "2", "--annotate", cwd=root)
    return root, first, second, state_after_first, summary_first


def _rows(summary: dict) -> dict[str, dict]:
    return {r["name"]: r for r in summary["files"]}


@pytest.mark.slow
def test_every_good_file_has_the_counts_validate_gives_it(runs):
    root, first, _, _, summary = runs
    assert first.returncode == 2, first.stderr
    rows = _rows(summary)
    findings = [json.loads(x) for x in (root / "out" / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    for name in [g[0] for g in GOOD] + [SEED_EXAMPLE.name]:
        direct = validate_file(root / "inbox" / name)
        row = rows[name]
        assert row["ok"] and direct.ok
        assert (row["errors"], row["warnings"], row["infos"]) == (
            direct.summary.errors,
            direct.summary.warnings,
            direct.summary.infos,
        ), name
        assert row["unit_name"] == direct.unit_name and row["year"] == direct.year and row["kind"] == direct.kind
        got = Counter((f["code"], f["sheet"], f["cell"]) for f in findings if f["file"] == name)
        assert got == Counter(f.brief() for f in direct.findings), name
    assert rows["clean-project.xlsx"]["errors"] == 0
    assert rows["synonyms-two-errors.xlsx"]["errors"] >= 2  # two planted errors are caught


@pytest.mark.slow
def test_the_seed_example_shows_the_published_errors(runs):
    root, _, _, _, summary = runs
    row = _rows(summary)[SEED_EXAMPLE.name]
    assert row["unit_name"] == "隆回县科技和工业信息化局" and row["year"] == "2023"
    assert row["errors"] > 0
    seed = [
        json.loads(x)
        for x in (root / "out" / "findings.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(x)["file"] == SEED_EXAMPLE.name
    ]
    texts = " ".join(f["message"] for f in seed if f["severity"] == "error")
    assert "94.5" in texts  # 执行率 printed 94.5 for 2223.04/2223.04
    assert "140" in texts  # 控制率 140% for 45/32


@pytest.mark.slow
def test_every_bad_file_is_reported_with_its_reason(runs):
    root, first, _, _, summary = runs
    rows = _rows(summary)
    codes = {}
    for name in BAD:
        direct = validate_file(root / "inbox" / name)
        row = rows[name]
        if direct.ok:  # the empty workbook opens, but holds nothing perfxl can check
            assert direct.findings and row["top_codes"].startswith(direct.findings[0].code)
            lines = [json.loads(x) for x in (root / "out" / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
            assert direct.findings[0].message in [f["message"] for f in lines if f["file"] == name]
            continue
        assert not row["ok"] and row["error_code"] == direct.error["code"]
        assert direct.error["message"] in row["status"]
        assert f"{name} [{direct.error['code']}]" in first.stdout
        codes[name] = direct.error["code"]
    assert len(set(codes.values())) == 3  # corrupt, encrypted and not-a-workbook are told apart
    assert "加密" in rows["bad/encrypted.xlsx"]["status"]


@pytest.mark.slow
def test_second_run_is_served_from_the_cache(runs):
    root, first, second, state_after_first, summary_first = runs
    assert second.returncode == first.returncode == 2
    assert "来自缓存 9 个" in second.stdout
    summary = json.loads((root / "out" / "summary.json").read_text(encoding="utf-8"))
    assert [r["cached"] for r in summary["files"]] == [True] * 9

    def drop(rows):
        return [{k: v for k, v in r.items() if k not in ("cached", "seconds")} for r in rows]

    assert drop(summary["files"]) == drop(summary_first["files"])
    state_now = (root / "out" / "state.jsonl").read_text(encoding="utf-8")

    def key(text):
        return sorted((r["path"], r["sha256"], r["seconds"]) for r in map(json.loads, text.splitlines()))

    assert key(state_now) == key(state_after_first)  # no file was checked again


@pytest.mark.slow
def test_annotated_copies_and_reports_are_linked_from_the_summary(runs):
    root, _, _, _, summary = runs
    out = root / "out"
    for row in summary["files"]:
        assert (out / row["report"]).is_file()
        if row["ok"]:
            assert row["annotated"] and (out / row["annotated"]).is_file()
            openpyxl.load_workbook(out / row["annotated"])  # a workbook Excel can open
        else:
            assert row["annotated"] is None
    ws = openpyxl.load_workbook(out / "summary.xlsx")["汇总"]
    links = {c.hyperlink.target.replace("\\", "/") for row in ws.iter_rows() for c in row if c.hyperlink}
    assert {r["annotated"] for r in summary["files"] if r["annotated"]} <= links


@pytest.mark.slow
def test_exit_status_is_1_for_error_findings_and_0_when_clean(tmp_path):
    from perfxl.workbook.synthetic import synthetic_content
    from perfxl.workbook.variants import write_submission

    (tmp_path / "clean").mkdir()
    write_submission(tmp_path / "clean" / "a.xlsx", synthetic_content(11, errors=0), variant="standard")
    assert validate_file(tmp_path / "clean" / "a.xlsx").summary.errors == 0  # precondition
    result = perfxl("batch", "clean", "-o", "out-clean", "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    (tmp_path / "seed").mkdir()
    shutil.copy(SEED_EXAMPLE, tmp_path / "seed")
    result = perfxl("batch", "seed", "-o", "out-seed", "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr


@pytest.mark.slow
def test_bad_arguments_exit_2_without_a_traceback(tmp_path):
    result = perfxl("batch", str(tmp_path), "--profile", "no-such-profile", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no-such-profile" in result.stderr
    result = perfxl("batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2 and "FILE_NOT_FOUND" in result.stdout


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_check_code_is_a_usage_error_before_any_file_is_checked(tmp_path, option):
    from typer.testing import CliRunner

    from perfxl.cli.main import app

    shutil.copy(SEED_EXAMPLE, tmp_path / "a.xlsx")
    res = CliRunner().invoke(app, ["batch", str(tmp_path / "a.xlsx"), "-o", str(tmp_path / "out"), option, "ZZZ9"])
    assert res.exit_code == 2, res.output
    assert "ZZZ9" in res.output and "F04" in res.output
    assert not (tmp_path / "out").exists()  # refused up front: nothing checked, nothing written


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_and_a_link_loop_in_the_inbox_are_skipped_not_a_hang_or_a_traceback(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    os.mkfifo(inbox / "x.xlsx")  # opening it would block forever
    os.symlink("loop.xlsx", inbox / "loop.xlsx")
    shutil.copy(SEED_EXAMPLE, tmp_path / "seed-elsewhere.xlsx")
    os.symlink(tmp_path / "seed-elsewhere.xlsx", inbox / "unit-a.xlsx")
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "120"}
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "from perfxl.cli.main import run; run()",
                "batch",
                "in",
                "-o",
                "out",
                "--jobs",
                "1",
                "--no-reports",
            ],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("perfxl batch hung on a named pipe in the inbox")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stdout + result.stderr  # not every file could be checked
    assert "已跳过：x.xlsx [NOT_REGULAR_FILE]" in result.stdout and "命名管道" in result.stdout
    assert "已跳过：loop.xlsx [SYMLINK_LOOP]" in result.stdout
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert {s["name"]: s["code"] for s in summary["skipped"]} == {
        "loop.xlsx": "SYMLINK_LOOP",
        "x.xlsx": "NOT_REGULAR_FILE",
    }
    rows = _rows(summary)
    assert rows["unit-a.xlsx"]["ok"] and rows["unit-a.xlsx"]["path"] == str(inbox / "unit-a.xlsx")  # its inbox name
    assert rows["unit-a.xlsx"]["errors"] > 0  # the seed's published errors, read through the link
    assert rows["x.xlsx"]["status"].startswith("已跳过：")


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_named_perfxl_in_the_current_folder_does_not_break_the_workers(tmp_path, jobs):
    """Run as a reviewer does: the installed console script, from a folder that holds a `perfxl` folder."""
    script = Path(sys.executable).with_name("perfxl")
    if not script.is_file():
        pytest.skip("no perfxl console script beside this Python (not installed into it)")
    (tmp_path / "perfxl").mkdir()  # e.g. a download folder, or the outputs of an earlier run
    (tmp_path / "in").mkdir()
    shutil.copy(SEED_EXAMPLE, tmp_path / "in" / "seed.xlsx")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")}
    result = subprocess.run(
        [str(script), "batch", "in", "-o", "out", "--jobs", jobs, "--no-reports"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "WORKERS_FAILED" not in result.stdout + result.stderr and "WORKER_CRASHED" not in result.stdout
    assert result.returncode == 1, result.stdout + result.stderr  # the seed's published errors, found
    rows = _rows(json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8")))
    assert rows["seed.xlsx"]["ok"] and rows["seed.xlsx"]["errors"] > 0


@pytest.mark.slow
@pytest.mark.parametrize("trouble", ["full", "read-only"])
def test_an_output_folder_on_a_full_or_read_only_disk_is_explained_in_chinese(tmp_path, trouble):
    from small_disks import full_disk, readonly_dir

    shutil.copy(SEED_EXAMPLE, tmp_path / "a.xlsx")
    disk = full_disk(tmp_path / "disk") if trouble == "full" else readonly_dir(tmp_path / "disk")
    with disk as folder:
        result = perfxl("batch", "a.xlsx", "-o", str(folder / "out"), "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    words = "磁盘已满，无法写入：" if trouble == "full" else "没有写入权限："
    assert words in result.stderr and str(folder / "out") in result.stderr, result.stderr
    assert "Errno" not in result.stderr
