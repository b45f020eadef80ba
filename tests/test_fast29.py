"""fast29 (issue 14): the bad-input corpus generated once a process, handed out as copies.

Five test modules build the corpus's entries (`badinput.corpus.build`); the writer's planted workbooks cost ≈ 0.1 s each
and every module built them again. `build` now generates an entry once a process and copies the file into the
caller's folder: the same bytes and planted cells, a file of the caller's own.
"""

from __future__ import annotations

import dataclasses
import zipfile

import pytest
from badinput import corpus
from badinput.corpus import CORPUS, IN_PROCESS, build


def _counted(monkeypatch: pytest.MonkeyPatch, key: str) -> list[int]:
    """Entry `key` not yet generated in this process, its generator counting its calls."""
    calls: list[int] = []
    entry = CORPUS[key]

    def make(path, scratch):
        calls.append(1)
        return entry.make(path, scratch)

    monkeypatch.setitem(CORPUS, key, dataclasses.replace(entry, make=make))
    monkeypatch.delitem(corpus._MADE, key, raising=False)
    return calls


@pytest.mark.parametrize("key", ["booleans", "bad_crc"])  # a planted workbook (the writer's) and a cut ZIP
def test_an_entry_is_generated_once_and_handed_out_as_copies(tmp_path, monkeypatch, key):
    calls = _counted(monkeypatch, key)
    first, second = build(key, tmp_path / "a"), build(key, tmp_path / "b")
    assert len(calls) == 1
    assert first.path == tmp_path / "a" / CORPUS[key].filename and second.path == tmp_path / "b" / CORPUS[key].filename
    assert first.path.read_bytes() == second.path.read_bytes() and first.planted == second.planted
    # the caller's file is its own: changing or deleting it leaves the next copy as generated
    generated = second.path.read_bytes()
    first.path.write_bytes(b"changed")
    second.path.unlink()
    assert build(key, tmp_path / "c").path.read_bytes() == generated and len(calls) == 1


def _contents(path) -> object:
    """A file's bytes; a ZIP's members (name, CRC, size) instead, but for the moment it was written (the members' dates,
    the creation and change times the writer puts in docProps/core.xml)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return [(i.filename, i.CRC, i.file_size) for i in zf.infolist() if i.filename != "docProps/core.xml"]
    return path.read_bytes()


def test_a_copy_is_what_a_new_generation_gives(tmp_path):
    """The copy against `make`'s fresh generation: the same planted cells and the same contents."""
    for key in ("bad_crc", "xxe", "booleans", "pdf_flate_bomb", "xml2003_entities"):
        copied, fresh = build(key, tmp_path / "copy"), corpus.make(key, tmp_path / "fresh" / key)
        assert copied.planted == fresh.planted
        assert _contents(copied.path) == _contents(fresh.path), key
    assert build("booleans", tmp_path / "copy").planted != ()


def test_in_process_is_every_entry_but_libreoffices():
    assert set(IN_PROCESS) == {k for k, e in CORPUS.items() if corpus.NEEDS_LIBREOFFICE not in e.needs}
    assert {"booleans", "bad_crc", "pdf_flate_bomb"} <= set(IN_PROCESS) and "legacy_doc" not in IN_PROCESS
