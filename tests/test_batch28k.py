"""batch28K: the guard's readings of a workbook's structure parts kept across files (issue 14).

A batch worker's files come from one template: their package relationships (`_rels/.rels`), the workbook's
relationships and `xl/workbook.xml` repeat byte for byte, and the guard parsed them with defusedxml in every file.
`guard_zip._reading` keeps the reading of such a part (`_rel_items`, `_sheet_items`: bytes → a tuple of strings) by
its bytes, at most `MEMO_PART_BYTES` each and the last 128 of them; the part is still inflated, capped and CRC-checked
every time, and a refusal is never kept. These tests hold the kept readings to the plain ones:

- every hostile file of the bad-input corpus and every real table rendered gets the same verdict with the cache off,
  cold and warm (the same GuardReport, or the same refusal naming its own file);
- the readings say what a part states; through the cache, random and malformed parts read as the reading itself (the
  same items, or the same exception again);
- the cache is bounded (its size, and no part above MEMO_PART_BYTES kept), and what a caller gets is its own (a
  dict or list it may change without changing the next file's).
"""

from __future__ import annotations

import random
import shutil
import struct
import sys
import zipfile
from pathlib import Path

import pytest
from badinput.corpus import IN_PROCESS, build
from badinput.corpus import guard_verdict as _verdict

from perfxl.cli.validate_cmd import find_example
from perfxl.io import guard_zip
from perfxl.io.guard import inspect_file

REALWORLD = Path(__file__).resolve().parent / "realworld"


def _clear() -> None:
    guard_zip._part_reading.cache_clear()
    guard_zip._member_data.cache_clear()


def _three(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """The verdicts with nothing kept (MEMO_PART_BYTES and MEMO_MEMBER_BYTES -1), then from empty caches, then from
    caches warmed by the bundled example (a good file: its parts and members kept) and by the file itself."""
    with monkeypatch.context() as m:
        m.setattr(guard_zip, "MEMO_PART_BYTES", -1)
        m.setattr(guard_zip, "MEMO_MEMBER_BYTES", -1)
        _clear()
        plain = _verdict(path)
        # (nothing kept with the memos off)
        assert guard_zip._part_reading.cache_info().currsize == guard_zip._member_data.cache_info().currsize == 0
    _clear()
    cold = _verdict(path)
    _verdict(find_example())
    warm = _verdict(path)
    return [plain, cold, warm]


@pytest.mark.parametrize("key", IN_PROCESS)
def test_hostile_files_get_the_same_verdict_with_readings_kept(key, tmp_path, monkeypatch):
    item = build(key, tmp_path)
    plain, cold, warm = _three(item.path, monkeypatch)
    assert cold == plain
    assert warm == plain


def test_real_tables_get_the_same_report_with_readings_kept(tmp_path, monkeypatch):
    """The real-table corpus rendered (every fifth table; their parts repeat: the warm run reads them all kept) and
    the bundled example."""
    sys.path.insert(0, str(REALWORLD))
    from render import corpus_files, render

    paths = [render(p, tmp_path) for p in corpus_files()[::5]] + [find_example()]
    for path in paths:
        plain, cold, warm = _three(path, monkeypatch)
        assert plain[0] == "report"
        assert cold == plain and warm == plain
    assert guard_zip._part_reading.cache_info().hits > 0


def _start_dir(path: Path) -> int:
    with zipfile.ZipFile(path) as z:
        return int(z.start_dir)


def test_a_member_changed_after_a_good_file_is_refused_as_before(tmp_path, monkeypatch):
    """The example's styles part with one stored byte changed (so its CRC fails) or its declared CRC changed, checked
    after the good example filled the caches: refused as with nothing kept, naming the part."""
    good = find_example()
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("xl/styles.xml")
    name_len, extra_len = guard_zip._LOCAL.unpack_from(data, info.header_offset)[9:11]
    start = info.header_offset + guard_zip._LOCAL.size + name_len + extra_len
    flipped = bytearray(data)
    flipped[start + info.compress_size // 2] ^= 0x01
    recrc = bytearray(data)  # its declared CRC changed, in its local header and its directory entry alike
    struct.pack_into("<I", recrc, info.header_offset + 14, info.CRC ^ 1)
    at = recrc.find(b"PK\x01\x02", _start_dir(good))
    while struct.unpack_from("<I", recrc, at + 42)[0] != info.header_offset:
        n, m, k = struct.unpack_from("<HHH", recrc, at + 28)
        at += 46 + n + m + k
    struct.pack_into("<I", recrc, at + 16, info.CRC ^ 1)
    for k, bad in enumerate((flipped, recrc)):
        path = tmp_path / f"bad{k}.xlsx"
        path.write_bytes(bytes(bad))
        plain, cold, warm = _three(path, monkeypatch)
        assert plain[0] == "refused" and "xl/styles.xml" in str(plain[1])
        assert cold == plain and warm == plain


def test_a_refusal_is_never_kept_and_names_its_own_file(tmp_path):
    """A workbook.xml with a DTD: refused in each file, each refusal naming that file, nothing kept for it."""
    item = build(next(k for k in IN_PROCESS if "xxe" in k.lower() or "dtd" in k.lower()), tmp_path)
    other = tmp_path / "another-name.xlsx"
    shutil.copyfile(item.path, other)
    _clear()
    first, second = _verdict(item.path), _verdict(other)
    assert first[0] == second[0] == "refused"
    assert item.path.name in str(first[1]) and other.name in str(second[1])


def _outcome(read, *args):
    try:
        return "ok", read(*args)
    except Exception as exc:  # the same exception class and words, or the same result
        return type(exc).__name__, str(exc)


_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
_PIECES = [
    f'<Relationship Id="rId{i}" Type="http://x/{kind}" Target="{target}"{mode}/>'
    for i, kind, target, mode in [
        (1, "worksheet", "worksheets/sheet1.xml", ""),
        (1, "worksheet", "/xl/worksheets/sheet2.xml", ""),
        (2, "officeDocument", "xl/workbook.xml", ""),
        (3, "hyperlink", "http://example.com/a", ' TargetMode="External"'),
        (4, "sharedStrings", "../xl/sharedStrings.xml", ""),
        (5, "worksheet", "worksheets/sheet&#49;.xml", ""),
    ]
] + ["<Other/>", "<!-- note -->", "&amp;", "<Relationship", "</Relationships>", "<!DOCTYPE x>", "\ufffd"]


def _random_rels(rng: random.Random) -> bytes:
    body = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 6)))
    text = f"<Relationships {_NS}>{body}</Relationships>" if rng.random() < 0.8 else body
    return text.encode(rng.choice(["utf-8", "utf-8", "utf-16"]) if rng.random() < 0.9 else "latin-1", "replace")


_STATES = ("", ' state="hidden"', ' state="veryHidden"', ' state="visible"')


def _random_workbook(rng: random.Random) -> bytes:
    sheets = "".join(
        f'<sheet name="{rng.choice(["表1", "自评表", "A&amp;B", ""])}" sheetId="{i}" '
        f'{rng.choice(["r:id", "id", "x:id"])}="rId{rng.randint(1, 4)}"{rng.choice(_STATES)}/>'
        for i in range(rng.randint(0, 4))
    )
    ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:x="urn:x"'
    text = f"<workbook {ns}><sheets>{sheets}</sheets></workbook>"
    if rng.random() < 0.1:
        text = text[: rng.randint(0, len(text))]  # cut short: malformed
    return text.encode()


def _kept_rels(data: bytes, folder: str) -> dict[str, tuple[str, str]]:
    return {i: (t, r) for i, t, r in guard_zip._part_reading(guard_zip._rel_items, data, folder)}


def _kept_sheets(data: bytes) -> list[tuple[str, str, bool]]:
    return list(guard_zip._part_reading(guard_zip._sheet_items, data, ""))


def test_kept_readings_answer_as_the_reading_itself_on_random_parts():
    """Through the cache, twice (the second from it when the first was kept), a random or malformed part reads as the
    reading itself called directly: the same items, or the same exception again (a refusal is never kept)."""
    rng = random.Random(28)
    guard_zip._part_reading.cache_clear()
    seen = set()
    for _ in range(1500):
        data, folder = _random_rels(rng), rng.choice(["", "xl", "xl/sub"])
        want = _outcome(guard_zip._rel_items, data, folder)
        seen.add(want[0])
        for _twice in range(2):
            assert _outcome(guard_zip._part_reading, guard_zip._rel_items, data, folder) == want, data
        data = _random_workbook(rng)
        want = _outcome(guard_zip._sheet_items, data)
        seen.add(want[0])
        for _twice in range(2):
            assert _outcome(guard_zip._part_reading, guard_zip._sheet_items, data, "") == want, data
    assert {"ok", "ParseError", "DTDForbidden"} <= seen
    assert guard_zip._part_reading.cache_info().hits > 1000


_WORKBOOK_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def test_the_readings_say_what_the_parts_state():
    """The relationships: internal ones only, in order, a target resolved against the part's folder (absolute from the
    package root, `..` normalised); the sheets: name, the LAST attribute named id (any prefix, as calamine reads it),
    hidden for hidden and veryHidden."""
    rels = (
        f"<Relationships {_NS}>"
        '<Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="t/hyperlink" Target="http://example.com" TargetMode="External"/>'
        '<Relationship Id="rId3" Type="t/worksheet" Target="/xl/worksheets/sheet3.xml"/>'
        '<Relationship Id="rId4" Type="t/styles" Target="../xl/./styles.xml"/>'
        "<Other/></Relationships>"
    ).encode()
    assert guard_zip._rel_items(rels, "xl") == (
        ("rId1", "t/worksheet", "xl/worksheets/sheet1.xml"),
        ("rId3", "t/worksheet", "xl/worksheets/sheet3.xml"),
        ("rId4", "t/styles", "xl/styles.xml"),
    )
    book = (
        f'<workbook {_WORKBOOK_NS} xmlns:x="urn:x"><sheets>'
        '<sheet name="自评表" sheetId="1" r:id="rId1"/>'
        '<sheet name="隐藏" sheetId="2" r:id="rId2" x:id="rId9" state="hidden"/>'
        '<sheet name="很隐藏" sheetId="3" r:id="rId3" state="veryHidden"/>'
        '<sheet name="可见" sheetId="4" id="rId4" state="visible"/>'
        "</sheets></workbook>"
    ).encode()
    assert guard_zip._sheet_items(book) == (
        ("自评表", "rId1", False),
        ("隐藏", "rId9", True),
        ("很隐藏", "rId3", True),
        ("可见", "rId4", False),
    )


def test_the_caches_are_bounded_and_keep_no_large_part(tmp_path, monkeypatch):
    assert guard_zip._part_reading.cache_info().maxsize == 128
    assert guard_zip._member_data.cache_info().maxsize == 256
    assert guard_zip.MEMO_PART_BYTES == 64 * 1024 and guard_zip.MEMO_MEMBER_BYTES == 32 * 1024
    guard_zip._part_reading.cache_clear()
    for i in range(300):
        guard_zip._part_reading(guard_zip._sheet_items, f'<workbook><sheet name="s{i}"/></workbook>'.encode(), "")
    assert guard_zip._part_reading.cache_info().currsize == 128
    # a workbook.xml above MEMO_PART_BYTES is parsed, not kept
    monkeypatch.setattr(guard_zip, "MEMO_PART_BYTES", 100)
    guard_zip._part_reading.cache_clear()
    path = find_example()
    with zipfile.ZipFile(path) as z:
        assert len(z.read("xl/workbook.xml")) > 100
    assert _verdict(path)[0] == "report"
    kept = guard_zip._part_reading.cache_info().currsize
    assert kept < 3  # the two small .rels at most, never the workbook part


_WB = "xl/workbook.xml"


def test_each_caller_gets_its_own_dict_and_list(tmp_path):
    """`_rels` and `_sheet_list` hand out new containers: a caller changing them changes no later file's reading."""
    path = find_example()
    guard_zip._part_reading.cache_clear()
    first = inspect_file(path)
    with zipfile.ZipFile(path) as z, path.open("rb") as fp:
        pk = guard_zip.ZipPass(z, fp, path, guard_zip.Limits())
        rels, sheets = guard_zip._rels(pk, _WB), guard_zip._sheet_list(pk, _WB)
        rels.clear()
        sheets.append(("planted", "rId99", True))
        again = guard_zip._rels(pk, _WB), guard_zip._sheet_list(pk, _WB)
    assert again[0] and ("planted", "rId99", True) not in again[1]
    assert inspect_file(path) == first
