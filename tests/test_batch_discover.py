"""perfxl.batch.discover: folders, globs and files become one sorted, de-duplicated list of workbooks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from perfxl.batch.discover import discover


def _touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _tree(root: Path) -> None:
    for rel in (
        "b.xlsx",
        "a.XLSX",
        "county/c.xlsm",
        "county/old.xls",
        "county/deep/d.xlsx",
        "notes.txt",
        "~$a.xlsx",
        ".hidden/e.xlsx",
        "out/previous.xlsx",
    ):
        _touch(root / rel)


def test_folder_is_searched_recursively_for_workbooks_only(tmp_path):
    _tree(tmp_path)
    found = discover([tmp_path])
    names = [f.name for f in found.files]
    # case-insensitive suffixes, subfolders included; lock files, hidden folders and .txt skipped
    assert names == ["a.XLSX", "b.xlsx", "county/c.xlsm", "county/deep/d.xlsx", "county/old.xls", "out/previous.xlsx"]
    assert all(f.path.is_absolute() for f in found.files)
    assert found.missing == []


def test_output_folder_is_excluded(tmp_path):
    _tree(tmp_path)
    found = discover([tmp_path], exclude=[tmp_path / "out"])
    assert "out/previous.xlsx" not in [f.name for f in found.files]


def test_glob_matches_workbooks_and_recurses_with_double_star(tmp_path):
    _tree(tmp_path)
    found = discover([str(tmp_path / "county" / "**" / "*.xls*")])
    assert sorted(f.path.name for f in found.files) == ["c.xlsm", "d.xlsx", "old.xls"]


def test_explicit_file_is_kept_whatever_its_extension(tmp_path):
    _tree(tmp_path)
    found = discover([tmp_path / "notes.txt"])
    assert [f.path.name for f in found.files] == ["notes.txt"]


def test_duplicates_collapse_and_order_is_stable(tmp_path):
    _tree(tmp_path)
    once = discover([tmp_path / "county", tmp_path, tmp_path / "b.xlsx"])
    again = discover([tmp_path / "b.xlsx", tmp_path, tmp_path / "county"])
    assert [f.path for f in once.files] == [f.path for f in again.files]
    assert len({f.path for f in once.files}) == len(once.files) == 6


def test_missing_inputs_are_reported_not_raised(tmp_path):
    found = discover([tmp_path / "nope", str(tmp_path / "*.xlsx")])
    assert found.files == []
    assert found.missing == [str(tmp_path / "nope"), str(tmp_path / "*.xlsx")]


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


@needs_fifo
def test_pipes_link_loops_and_dangling_links_are_skipped_with_their_reason(tmp_path):
    inbox = tmp_path / "in"
    _touch(inbox / "ok.xlsx")
    os.mkfifo(inbox / "x.xlsx")
    os.symlink("loop.xlsx", inbox / "loop.xlsx")
    os.symlink("nowhere.xlsx", inbox / "dangling.xlsx")
    found = discover([inbox])
    assert [f.name for f in found.files] == ["ok.xlsx"]
    skipped = {s.name: s.code for s in found.skipped}
    assert skipped == {"x.xlsx": "NOT_REGULAR_FILE", "loop.xlsx": "SYMLINK_LOOP", "dangling.xlsx": "SYMLINK_BROKEN"}
    assert all(s.reason and s.reason_en for s in found.skipped)
    assert "命名管道" in next(s.reason for s in found.skipped if s.name == "x.xlsx")
    named = discover([inbox / "x.xlsx", inbox / "loop.xlsx"])  # named on the command line: skipped, not "missing"
    assert named.files == [] and named.missing == [] and len(named.skipped) == 2


def test_a_symlinked_file_keeps_its_inbox_name_and_is_checked_once(tmp_path):
    target = _touch(tmp_path / "elsewhere" / "real.xlsx")
    inbox = tmp_path / "in"
    inbox.mkdir()
    os.symlink(target, inbox / "unit-a.xlsx")
    found = discover([inbox])
    assert [(f.name, f.path) for f in found.files] == [("unit-a.xlsx", inbox / "unit-a.xlsx")]
    both = discover([inbox, target])  # two names of one file: one entry, the first in order
    assert len(both.files) == 1
