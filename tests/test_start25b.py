"""start25b (issue 14, a process's start-up): OpenCC is loaded only for a text it may change.

`chinese.looks_traditional` called a text traditional when the whole of it failed GB2312 and it held any ideograph — so
every standard 基础数据表 ("实际规模（㎡）": "㎡" is outside GB2312) loaded OpenCC (≈ 12 ms CPU a process) for a text it
gave back unchanged. It now asks character by character. Proved here, against OpenCC itself, that the test never
skips a text OpenCC would change:

- OpenCC's t2s dictionaries (read through the `opencc_dict` tool its wheel ships): every entry that changes its key
  holds a character the test counts — an ideograph outside GB2312 (`IDEOGRAPH_RANGES`), or one of `GB2312_CONVERTED` /
  `GB2312_IN_PHRASES` — so a text without one holds no key OpenCC changes, and `GB2312_IN_PHRASES` is what the
  dictionaries make it;
- every code point outside GB2312 and the ranges is its own conversion (the sweep needs no dictionary tool);
- every text of the real tables and reports in tests/realworld the test skips is its own conversion.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from perfxl.chinese import (
    GB2312_CONVERTED,
    GB2312_IN_PHRASES,
    IDEOGRAPH_RANGES,
    available,
    looks_traditional,
    to_simplified,
)

needs_opencc = pytest.mark.skipif(not available(), reason="OpenCC is an optional dependency (absent under Pyodide)")

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = ROOT / "tests" / "realworld"


def _encodes(text: str) -> bool:
    """Whether GB2312 encodes every character of `text` (one character, or a whole text at once)."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _ideograph(ch: str) -> bool:
    return any(lo <= ch <= hi for lo, hi in IDEOGRAPH_RANGES)


def traditional_by_character(text: str) -> bool:
    """The rule `looks_traditional` implements, written character by character (the reference other tests use)."""
    if all(map(_encodes, text)):
        return not GB2312_CONVERTED.isdisjoint(text)
    marked = GB2312_CONVERTED | GB2312_IN_PHRASES
    return any(ch in marked or (_ideograph(ch) and not _encodes(ch)) for ch in text)


def _convert(text: str) -> str:
    from perfxl.chinese import _get

    return _get().convert(text)


# ---------------------------------------------------------------- OpenCC's own dictionaries


def _t2s_entries() -> list[tuple[str, str]]:
    """Every (key, first value) of the dictionaries OpenCC's t2s configuration names, normalisation first."""
    import opencc

    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    tool = shutil.which("opencc_dict", path=str(Path(opencc.__file__).parent / "clib" / "bin"))
    if tool is None or not (share / "t2s.json").is_file():
        pytest.skip("this OpenCC build ships no opencc_dict tool or t2s.json")
    config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))
    files = [step["dict"]["file"] for step in config.get("normalization", [])]
    for step in config["conversion_chain"]:
        d = step["dict"]
        files += [x["file"] for x in d["dicts"]] if d["type"] == "group" else [d["file"]]
    entries = []
    for name in files:
        out = subprocess.run(
            [tool, "-i", str(share / name), "-o", "/dev/stdout", "-f", "ocd2", "-t", "text"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        for line in out.splitlines():
            key, values = line.split("\t")
            entries.append((key, values.split(" ")[0]))
    assert len(entries) > 6000, files  # TSCharacters alone holds ≈ 4,000
    return entries


@pytest.mark.slow  # runs OpenCC's opencc_dict tool to dump its dictionaries: a process (CI's, not the fast loop's)
@needs_opencc
def test_every_t2s_entry_that_changes_its_key_holds_a_character_the_test_counts():
    changing = [(k, v) for k, v in _t2s_entries() if k != v]
    marked = GB2312_CONVERTED | GB2312_IN_PHRASES
    for key, value in changing:
        assert any(ch in marked or (_ideograph(ch) and not _encodes(ch)) for ch in key), (key, value)
        assert looks_traditional(key + "㎡"), key  # and the test itself finds it in a text outside GB2312
    # the GB2312 characters converted only inside a phrase: where a phrase of GB2312 characters none of which
    # OpenCC converts alone differs from its value
    in_phrases = set()
    for key, value in changing:
        if all(_encodes(ch) and ch not in GB2312_CONVERTED for ch in key):
            assert len(key) == len(value), (key, value)
            in_phrases |= {a for a, b in zip(key, value, strict=True) if a != b}
    assert in_phrases == GB2312_IN_PHRASES
    # compatibility ideographs are keys too (U+F961 → 率): the old test (an ideograph of U+4E00–U+9FFF) missed a text
    # holding only these
    assert ("\uf961", "率") in changing


# ---------------------------------------------------------------- every code point


@pytest.mark.slow  # a sweep of all 1.1 M code points (≈ 2.4 s): CI's, not the fast loop's
@needs_opencc
def test_every_code_point_the_test_does_not_count_is_its_own_conversion():
    points = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    skipped = [ch for ch in points if not _ideograph(ch) and not _encodes(ch)]
    assert "㎡" in skipped and "\xa0" in skipped and "€" in skipped and len(skipped) > 900_000
    assert _convert("\n".join(skipped)).split("\n") == "\n".join(skipped).split("\n")
    # every CJK and compatibility ideograph OpenCC changes is counted, alone and in a text outside GB2312
    ideographs = [ch for ch in points if _ideograph(ch)]
    converted = _convert("\n".join(ideographs)).split("\n")
    changed = [a for a, b in zip(ideographs, converted, strict=True) if a != b]
    assert "\uf961" in changed and "產" in changed and len(changed) > 4000
    for ch in changed:
        assert looks_traditional(ch) and looks_traditional(f"{ch}㎡"), hex(ord(ch))


@pytest.mark.parametrize(
    "text",
    ["实际规模（㎡）", "批复规模(㎡)", "单价（€）", "资金\xa0到位率", "•项目完成率", "㎡", "", "Café"],
)
def test_a_text_outside_gb2312_only_for_symbols_is_not_traditional(text):
    assert not looks_traditional(text) and to_simplified(text) == text


@needs_opencc
@pytest.mark.parametrize(
    "text,simplified",
    [
        ("實際規模（㎡）", "实际规模（㎡）"),  # an ideograph outside GB2312
        ("不低於95%\xa0", "不低于95%\xa0"),  # a GB2312 character OpenCC converts
        ("沈默㎡", "沉默㎡"),  # a phrase's GB2312 character, in a text that does not encode (converted as before)
        ("\uf961㎡", "率㎡"),  # a compatibility ideograph: missed before (no U+4E00–U+9FFF ideograph in it)
        ("\u3400", "\u3400"),  # Extension A: counted (OpenCC has keys there), given back unchanged
    ],
)
def test_a_text_opencc_may_change_is_still_converted(text, simplified):
    assert looks_traditional(text) and to_simplified(text) == simplified


def test_the_implementation_is_the_rule_by_character():
    import random

    rng = random.Random(25)
    pool = "实际规模产出满意度後於沈覆坏藉哩產業㎡€•\xa0\uf961\u3400\U00020000\U0001f600é（）%1a"
    for _ in range(5000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 10)))
        assert looks_traditional(text) is traditional_by_character(text), repr(text)


# ---------------------------------------------------------------- the real tables and reports


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _realworld_texts() -> set[str]:
    """Every string of every real table and report (cells, paragraphs, notes), and each of their lines."""
    texts: set[str] = set()
    for path in [*REALWORLD.glob("*.toml"), *(REALWORLD / "reports").glob("*.toml")]:
        for s in _strings(tomllib.loads(path.read_text(encoding="utf-8"))):
            texts.add(s)
            texts.update(s.splitlines())
    return texts


@needs_opencc
def test_no_real_text_the_test_skips_is_changed_by_opencc():
    texts = _realworld_texts()
    skipped = [t for t in texts if not looks_traditional(t)]
    beyond = [t for t in skipped if not _encodes(t)]  # a character GB2312 does not encode (the whole text encoded once)
    newly = [t for t in beyond if any("\u4e00" <= ch <= "\u9fff" for ch in t)]
    assert len(texts) > 10_000 and len(newly) > 100  # texts the old test sent to OpenCC, now skipped
    assert any("㎡" in t for t in newly)
    # a text GB2312 encodes is simplified by design (its phrases' 沈/覆/坏/藉/哩 are 沉/复/坯/借/里 only in a traditional
    # text); every other skipped text is exactly OpenCC's output
    assert [t for t in beyond if _convert(t) != t] == []


# ---------------------------------------------------------------- a whole process


@pytest.mark.slow
def test_a_standard_workbook_validate_does_not_load_opencc(tmp_path):
    """The bundled example (a 项目支出 form and its 基础数据表: "实际规模（㎡）"): validated in a fresh interpreter,
    OpenCC is never imported."""
    example = ROOT / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
    code = (
        "import sys\n"
        "from perfxl.cli.main import run\n"
        f"sys.argv = ['perfxl', 'validate', {str(example)!r}, '--format', 'json', '-o', {str(tmp_path / 'o.json')!r}]\n"
        "try:\n    run()\n"
        "except SystemExit:\n    pass\n"
        "print('opencc' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr[-2000:]
    assert (tmp_path / "o.json").stat().st_size > 0
