"""Benign rewrites of the real reports change no verdict (issue 12: no 错误 on a consistent fact).

Each real published 自评报告 of tests/realworld/reports/ is rewritten the ways a real author, IME or export writes the
same report — full-width digits ("２２２３．０４万元", "１，３３６．９２万元"), an amount restated in 元 ("2223.04万元" is
22230400元 exactly), thousands separators and a space before the unit ("1,336.92 万元"), a sentence split at "，其中" or
two sentences joined, soft returns (Shift+Enter) inside a paragraph, empty paragraphs around the tables, tables exported
without their merged cells, the whole report in traditional characters — each meaning exactly what the published text
means. The narrative findings perfxl gives (code, severity ≥ 警告, paragraph) must be those of the published text: every
`[[expect]]` still found, no new 错误 anywhere and no new finding at all.

The published report is built with tests/test_document_realreport.build_docx (python-docx) once per module; a rewrite
edits that package's document.xml (lxml) instead of rebuilding it, so the whole module runs in a few seconds.
"""

from __future__ import annotations

import io
import re
import sys
import tomllib
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_document_realreport import KNOWN_MISSES, RANK, REPORTS, build_docx  # noqa: E402

from perfxl.model import TextRef  # noqa: E402
from perfxl.validate import validate_file  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# ---------------------------------------------------------------- the rewrites of one paragraph's text

_FIGURE = re.compile(r"(?<![\d.])(\d+)(?:\.(\d+))?")
_MONEY = re.compile(r"(?<![\d.,])(\d+)(\.\d+)?(?=\s*(?:万元|亿元|元))")
_WAN = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)万元")
_FULL = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def _grouped(whole: str, sep: str) -> str:
    """'1336' → '1,336' (sep between thousands)."""
    head = len(whole) % 3 or 3
    return sep.join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])


def full_width(text: str) -> str:
    """Every figure typed with a full-width IME: "２２２３．０４万元", "３９．８６％", money grouped "１，３３６．９２万元"."""
    text = _MONEY.sub(lambda m: _grouped(m.group(1), "，") + (m.group(2) or ""), text)
    return _digits_only(text)


def _digits_only(text: str) -> str:
    """Full-width digits, decimal points between digits and percent signs (a sentence's full stop stays "。")."""
    out = []
    for i, ch in enumerate(text):
        if ch.isascii() and ch.isdigit():
            out.append(ch.translate(_FULL))
        elif ch == "." and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            out.append("．")
        elif ch == "%":
            out.append("％")
        else:
            out.append(ch)
    return "".join(out)


def in_yuan(text: str) -> str:
    """Every 万元 amount restated in 元, exactly: "2223.04万元" → "22230400元"."""
    return _WAN.sub(lambda m: f"{Decimal(m.group(1)) * 10000:f}".split(".")[0] + "元", text)


def thousands(text: str) -> str:
    """Money of four digits and more with thousands separators: "1,336.92万元"."""
    return _MONEY.sub(lambda m: _grouped(m.group(1), ",") + (m.group(2) or ""), text)


_UNIT_AFTER = re.compile(r"(\d)(万元|亿元|元|%|人次|万人|人|家|个|项|户|次|所|件|公里|亩|分)")


def spaced(text: str) -> str:
    """A space between a figure and its unit: "886.12 万元", "39.86 %"."""
    return _UNIT_AFTER.sub(r"\1 \2", text)


def split_at_qizhong(text: str) -> str:
    """"…万元，其中…" written as two sentences: "…万元。其中…"."""
    return re.sub(r"[，,]\s*其中", "。其中", text)


def joined(text: str) -> str:
    """Two sentences of one paragraph joined by a comma: "…万元。项目支出…" → "…万元，项目支出…"."""
    return re.sub(r"。(?=[^\s。])", "，", text)


def soft_returns(text: str) -> str:
    """A manual line break (Shift+Enter) after every sentence and after "：" and "；" inside a paragraph."""
    return re.sub(r"([。；：;:])(?=\S)", "\\1\n", text)


def _opencc_s2t() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("s2t").convert


TEXT_REWRITES: dict[str, Callable[[str], str]] = {
    "full_width": full_width,
    "in_yuan": in_yuan,
    "thousands": thousands,
    "spaced": spaced,
    "split_at_qizhong": split_at_qizhong,
    "joined": joined,
    "soft_returns": soft_returns,
}

# ---------------------------------------------------------------- the package: built once, edited per rewrite


def _fixtures() -> list[Path]:
    return sorted(REPORTS.glob("*.toml"))


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> dict[str, tuple[dict, bytes]]:
    """name → (fixture, the .docx bytes build_docx makes of it), each built once."""
    out = {}
    folder = tmp_path_factory.mktemp("published")
    for path in _fixtures():
        fixture = tomllib.loads(path.read_text(encoding="utf-8"))
        docx_path = folder / f"{path.stem}.docx"
        build_docx(fixture, docx_path)
        out[path.stem] = (fixture, docx_path.read_bytes())
    return out


def _set_text(p, text: str) -> None:
    """The paragraph's runs replaced by one run holding `text` ("\\n" as a manual line break, w:br)."""
    for r in p.findall(f"{W}r"):
        p.remove(r)
    run = etree.SubElement(p, f"{W}r")
    for i, line in enumerate(text.split("\n")):
        if i:
            etree.SubElement(run, f"{W}br")
        t = etree.SubElement(run, f"{W}t")
        t.set(XML_SPACE, "preserve")
        t.text = line


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def rewritten(package: bytes, edit: Callable[[etree._Element], None]) -> bytes:
    """The package with its document.xml body edited by `edit`, every other part as built."""
    src = zipfile.ZipFile(io.BytesIO(package))
    body_xml = etree.fromstring(src.read("word/document.xml"))
    edit(body_xml.find(f"{W}body"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = etree.tostring(body_xml, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, data)
    return out.getvalue()


def body_text_edit(fn: Callable[[str], str]) -> Callable[[etree._Element], None]:
    """An edit applying `fn` to every narrative (body) paragraph's text."""

    def edit(body) -> None:
        for p in body.findall(f"{W}p"):
            if _text(p).strip():
                _set_text(p, fn(_text(p)))

    return edit


def every_text_edit(fn: Callable[[str], str]) -> Callable[[etree._Element], None]:
    """An edit applying `fn` to every text of the document: paragraphs and table cells."""

    def edit(body) -> None:
        for t in body.iter(f"{W}t"):
            t.text = fn(t.text or "")

    return edit


def empty_paragraphs(body) -> None:
    """An empty paragraph after every narrative paragraph and before every table (as typed with Enter)."""
    for el in list(body):
        if el.tag in (f"{W}p", f"{W}tbl"):
            el.addprevious(etree.Element(f"{W}p"))


def unmerged(body) -> None:
    """Every merged cell split back into its grid cells, the text in the first (as many systems export)."""
    for tbl in body.iter(f"{W}tbl"):
        for tr in tbl.findall(f"{W}tr"):
            for tc in tr.findall(f"{W}tc"):
                pr = tc.find(f"{W}tcPr")
                if pr is None:
                    continue
                vm = pr.find(f"{W}vMerge")
                if vm is not None:
                    pr.remove(vm)
                span = pr.find(f"{W}gridSpan")
                if span is not None:
                    n = int(span.get(f"{W}val"))
                    pr.remove(span)
                    for _ in range(n - 1):
                        extra = etree.Element(f"{W}tc")
                        etree.SubElement(extra, f"{W}p")
                        tc.addnext(extra)


def _edits() -> dict[str, Callable[[etree._Element], None]]:
    edits = {name: body_text_edit(fn) for name, fn in TEXT_REWRITES.items()}
    edits["empty_paragraphs"] = empty_paragraphs
    edits["unmerged"] = unmerged
    edits["traditional"] = every_text_edit(_opencc_s2t())
    return edits


EDITS = _edits()

# ---------------------------------------------------------------- the verdicts


def _verdicts(path: Path) -> tuple[set, set]:
    """(narrative findings ≥ 警告 as (code, severity, paragraph), every 错误 as (code, place))."""
    result = validate_file(path)
    assert result.ok, result.error
    narrative = {
        (f.code, f.severity.value, f.ref.paragraph)
        for f in result.findings
        if isinstance(f.ref, TextRef) and f.severity.rank >= 2
    }
    errors = {
        (f.code, f.ref.paragraph if isinstance(f.ref, TextRef) else f"{f.sheet}!{f.cell}")
        for f in result.findings
        if f.severity.value == "error"
    }
    return narrative, errors


@pytest.fixture(scope="module")
def baseline(published, tmp_path_factory) -> dict[str, tuple[set, set]]:
    folder = tmp_path_factory.mktemp("baseline")
    out = {}
    for name, (_, package) in published.items():
        (folder / f"{name}.docx").write_bytes(package)
        out[name] = _verdicts(folder / f"{name}.docx")
    return out


@pytest.mark.parametrize("rewrite", sorted(EDITS))
def test_a_benign_rewrite_changes_no_verdict(rewrite, published, baseline, tmp_path):
    changed = 0
    problems = []
    for name, (fixture, package) in published.items():
        new = rewritten(package, EDITS[rewrite])
        if new == package:
            continue
        path = tmp_path / f"{name}.docx"
        path.write_bytes(new)
        narrative, errors = _verdicts(path)
        before_narrative, before_errors = baseline[name]
        changed += 1
        if narrative != before_narrative or errors - before_errors:
            problems.append(
                f"{name}: new {sorted(narrative - before_narrative)} lost {sorted(before_narrative - narrative)} "
                f"new errors {sorted(errors - before_errors)}"
            )
        known = KNOWN_MISSES.get(name, {})
        for e in fixture.get("expect", []):
            if e["paragraph"] in known:
                continue
            if not any(
                c == e["code"] and p == e["paragraph"] and RANK[s] >= RANK[e["severity"]] for c, s, p in narrative
            ):
                problems.append(f"{name}: missed {e['code']} at 正文第{e['paragraph']}段 ({e['hand']})")
        for fact in fixture.get("consistent", []):
            noisy = [(c, s) for c, s, p in narrative if p == fact["paragraph"]]
            if noisy:
                problems.append(f"{name}: {noisy} on consistent 第{fact['paragraph']}段 ({fact['hand']})")
    assert changed, "the rewrite changed no report"
    assert not problems, "\n".join(problems)
