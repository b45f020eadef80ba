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

import dataclasses
import io
import re
import sys
import zipfile
import zlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))  # render, when this file runs alone

from render import parsed_toml
from test_document_realreport import (
    KNOWN_MISSES,
    RANK,
    REPORTS,
    blank_parts_of,
    build_docx,
    fast_share,
    known_miss,
    with_document_xml,
)

from perfxl.model import Submission, TextRef
from perfxl.reader import read_submission
from perfxl.validate import validate_file, validate_submission

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# ---------------------------------------------------------------- the rewrites of one paragraph's text

_FIGURE = re.compile(r"(?<![\d.])(\d+)(?:\.(\d+))?")
_MONEY = re.compile(r"(?<![\d.,])(\d+)(\.\d+)?(?=\s*(?:万元|亿元|元))")
_WAN = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)[ \u3000]*(万元|亿元)")  # "307.82 万元" too (a PDF's spacing)
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
    """Every 万元 and 亿元 amount restated in 元, exactly: "2223.04万元" → "22230400元", "9.9162亿元" → "991620000元"."""

    def yuan(m: re.Match[str]) -> str:
        value = Decimal(m.group(1)) * (10000 if m.group(2) == "万元" else 100000000)
        return f"{value.normalize():f}" + "元" if value == value.to_integral_value() else m.group(0)

    return _WAN.sub(yuan, text)


_SWAPPED = str.maketrans("，；：（）;:()", ",;:()；：（）")


def punctuation_swapped(text: str) -> str:
    """Full-width punctuation typed half-width and half-width full-width, as the other input mode gives it ("其中：" ↔
    "其中:", "（一）" ↔ "(一)", "，" ↔ ","); a comma between thousands stays one, the full stop and 、 stay."""
    text = re.sub(r"(?<!\d),|,(?!\d{3}(?!\d))", "\x00", text)  # the commas that are no thousands separators
    return text.translate(_SWAPPED).replace("\x00", "，")


def thousands(text: str) -> str:
    """Money of four digits and more with thousands separators: "1,336.92万元"."""
    return _MONEY.sub(lambda m: _grouped(m.group(1), ",") + (m.group(2) or ""), text)


_UNIT_AFTER = re.compile(r"(\d)(万元|亿元|元|%|人次|万人|人|家|个|项|户|次|所|件|公里|亩|分)")


def spaced(text: str) -> str:
    """A space between a figure and its unit: "886.12 万元", "39.86 %"."""
    return _UNIT_AFTER.sub(r"\1 \2", text)


def split_at_qizhong(text: str) -> str:
    """ "…万元，其中…" written as two sentences: "…万元。其中…"."""
    return re.sub(r"[，,]\s*其中", "。其中", text)


def joined(text: str) -> str:
    """Two sentences of one paragraph joined by a comma: "…万元。项目支出…" → "…万元，项目支出…"."""
    return re.sub(r"。(?=[^\s。])", "，", text)


def soft_returns(text: str) -> str:
    """A manual line break (Shift+Enter) after every sentence and after "：" and "；" inside a paragraph (as authors
    set list items on lines of their own)."""
    return re.sub(r"([。；：;:])(?=\S)", "\\1\n", text)


def _ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def wrapped(text: str, width: int = 28) -> str:
    """Text pasted from a web page, its line ends kept as manual line breaks: a break after every `width` characters
    or so, wherever the line ends between two ideographs — mid-clause, even mid-word ("基本\n支出")."""
    out, since = [], 0
    for i, ch in enumerate(text):
        out.append(ch)
        since += 1
        if since >= width and i + 1 < len(text) and _ideograph(ch) and _ideograph(text[i + 1]):
            out.append("\n")
            since = 0
    return "".join(out)


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
    "punctuation_swapped": punctuation_swapped,
}

# ---------------------------------------------------------------- the package: built once, edited per rewrite


def _fixtures() -> list[Path]:
    return sorted(REPORTS.glob("*.toml"))


#: Each test sweeps the reports in two parts: the fast loop's fixed share and, marked slow, the others — CI runs
#: both, so every report is still rewritten every way. The share of a rewrite: the reports of `fast_share` (57 of 172)
#: whose name and the rewrite's leave 0 modulo 6 (`in_share`) — 6 to 14 reports a rewrite, 54 of the 57 rewritten
#: about three ways of the 15 (fast24, session 24; modulo 3 until then, fast20: every rewrite of all 47 was ≈ 9 s of
#: CPU, half of it the five largest 决算/预算 reports). A pair in at 6 was in at 3: the share only shrank.
_SHARE = [p.stem for p in fast_share(_fixtures())]
_PAIR_SHARE = 6


def in_share(rewrite: str, name: str) -> bool:
    """Whether the fast loop rewrites report `name` the way `rewrite`: by the CRC-32 of both names, so a report or a
    rewrite added later moves no other pair in or out."""
    return zlib.crc32(f"{rewrite} {name}".encode()) % _PAIR_SHARE == 0


def reports(part: str, rewrite: str) -> list[str]:
    """The reports part "share" (the fast loop's) or part "rest" (the others) of the sweep of `rewrite` covers."""
    share = [name for name in _SHARE if in_share(rewrite, name)]
    return share if part == "share" else [p.stem for p in _fixtures() if p.stem not in set(share)]


PARTS = [
    pytest.param("share", id="share"),
    pytest.param("rest", id="rest", marks=pytest.mark.slow(reason="a sweep: the reports past the fast loop's share")),
]


class _OnDemand(dict):
    """name → value, made by `make(name)` the first time it is asked for (the fast loop asks for its share only)."""

    def __init__(self, make: Callable[[str], object]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, name: str):
        value = self[name] = self._make(name)
        return value


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> dict[str, tuple[dict, bytes]]:
    """name → (fixture, the .docx bytes build_docx makes of it), each built once, when first asked for."""
    folder = tmp_path_factory.mktemp("published")

    def make(name: str) -> tuple[dict, bytes]:
        fixture = parsed_toml(REPORTS / f"{name}.toml")
        docx_path = folder / f"{name}.docx"
        build_docx(fixture, docx_path)
        return fixture, docx_path.read_bytes()

    return _OnDemand(make)


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


def rewritten(package: bytes, edit: Callable[[etree._Element], None]) -> bytes | None:
    """The package with its document.xml body edited by `edit`, every other part as built (None: nothing changed).
    Those parts are build_docx's blank ones (checked from the ZIP directory), so the copy is written from build_docx's
    cache of them (deflated once per run) instead of inflating and writing again ≈ 800 KB of styles per report."""
    assert blank_parts_of(package)
    with zipfile.ZipFile(io.BytesIO(package)) as src:
        body_xml = etree.fromstring(src.read("word/document.xml"))
    before = etree.tostring(body_xml)
    edit(body_xml.find(f"{W}body"))
    if etree.tostring(body_xml) == before:
        return None
    return with_document_xml(etree.tostring(body_xml, xml_declaration=True, encoding="UTF-8", standalone=True))


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


def indented(body) -> None:
    """Every narrative paragraph opening with two full-width spaces (the Chinese first-line indent typed by hand)."""
    for p in body.findall(f"{W}p"):
        if _text(p).strip():
            _set_text(p, "\u3000\u3000" + _text(p))


def figures_in_runs(body) -> None:
    """Every paragraph's figures in runs of their own (bold, as authors mark them; Word splits runs so anyway)."""
    for p in body.iter(f"{W}p"):
        text = _text(p)
        if not re.search(r"\d", text):
            continue
        for r in p.findall(f"{W}r"):
            p.remove(r)
        for piece in re.split(r"(\d[\d.,，]*)", text):
            if piece:
                run = etree.SubElement(p, f"{W}r")
                if piece[0].isdigit():
                    etree.SubElement(etree.SubElement(run, f"{W}rPr"), f"{W}b")
                t = etree.SubElement(run, f"{W}t")
                t.set(XML_SPACE, "preserve")
                t.text = piece


def word_layout(body) -> None:
    """What Word leaves around the same text, all at once (each alone changes nothing either): a hand-typed indent,
    figures in runs of their own, empty paragraphs around every paragraph and table."""
    indented(body)
    figures_in_runs(body)
    empty_paragraphs(body)


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


#: Rewrites of the document's XML: what the .docx reader itself must read through.
DOCX_EDITS: dict[str, Callable[[etree._Element], None]] = {
    "soft_returns": body_text_edit(soft_returns),
    "wrapped": body_text_edit(wrapped),
    "word_layout": word_layout,
    "full_width_tables_too": every_text_edit(full_width),
    "unmerged": unmerged,
    "traditional": every_text_edit(_opencc_s2t()),
}

# ---------------------------------------------------------------- the verdicts


def _keys(findings) -> tuple[set, set]:
    """(narrative findings ≥ 警告 as (code, severity, paragraph), every 错误 as (code, place))."""
    narrative = {
        (f.code, f.severity.value, f.ref.paragraph)
        for f in findings
        if isinstance(f.ref, TextRef) and f.severity.rank >= 2
    }
    errors = {
        (f.code, f.ref.paragraph if isinstance(f.ref, TextRef) else f"{f.sheet}!{f.cell}")
        for f in findings
        if f.severity.value == "error"
    }
    return narrative, errors


def _file_verdicts(path: Path) -> tuple[set, set]:
    result = validate_file(path)
    assert result.ok, result.error
    return _keys(result.findings)


@pytest.fixture(scope="module")
def baseline(published, tmp_path_factory) -> dict[str, tuple[Submission, tuple[set, set]]]:
    """name → (the published .docx read, its verdicts), read once, when first asked for. The document rewrites compare
    `validate_file` on their .docx with these verdicts (validate_file is read_submission then validate_submission)."""
    folder = tmp_path_factory.mktemp("baseline")

    def make(name: str) -> tuple[Submission, tuple[set, set]]:
        (folder / f"{name}.docx").write_bytes(published[name][1])
        sub = read_submission(folder / f"{name}.docx")
        return sub, _keys(validate_submission(sub))

    return _OnDemand(make)


def _problems(name: str, fixture: dict, verdicts: tuple[set, set], before: tuple[set, set]) -> list[str]:
    """What the rewritten report's verdicts change: any narrative finding gained or lost, any new 错误, an
    `[[expect]]` missed, a finding on a paragraph the fixture lists as consistent."""
    (narrative, errors), (before_narrative, before_errors) = verdicts, before
    out = []
    if narrative != before_narrative or errors - before_errors:
        out.append(
            f"{name}: new {sorted(narrative - before_narrative)} lost {sorted(before_narrative - narrative)} "
            f"new errors {sorted(errors - before_errors)}"
        )
    known = KNOWN_MISSES.get(name, {})
    for e in fixture.get("expect", []):
        if not known_miss(known, e) and not any(
            c == e["code"] and p == e["paragraph"] and RANK[s] >= RANK[e["severity"]] for c, s, p in narrative
        ):
            out.append(f"{name}: missed {e['code']} at 正文第{e['paragraph']}段 ({e['hand']})")
    for fact in fixture.get("consistent", []):
        if noisy := [(c, s) for c, s, p in narrative if p == fact["paragraph"]]:
            out.append(f"{name}: {noisy} on consistent 第{fact['paragraph']}段 ({fact['hand']})")
    return out


#: (rewrite, report) pairs where the rewrite is not benign, and why: the rewrite changes what the figures say.
#: 社会工作部 2024 p38 and 云县 2023 p4 in 元 left the list (audit30): in_yuan moves no verdict of theirs any more
#: (so at 8e4e372f already), and kept here they went unchecked under it (test_a_pair_set_apart_as_not_benign_…).
NOT_BENIGN = {
    # 六安市工商联 2021 p10 "支出1.52万元,…减少0.28万元,下降15%": 15% agrees only because 1.52万元 may be 1.5249 (printed to
    # 0.01万元); restated "15200元 … 2800元" the figures are exact to the 元 and 2800 / 18000 = 15.56% → 16% (real reports 15)
    ("in_yuan", "anhui-luan-gongshanglian-sangong-2021"): "the 元 figures are exact where the 万元 ones were rounded",
    # 规划资源局 2024 p30 (卫生健康 236.63 against its line's 236.64) and 宜川路 2025 p46 (269.85 against 269.86): a
    # last-place difference, a 警告 as printed in 万元 (one may be cut short); restated "2366300元" the figure is exact and
    # 100元 off — an 错误 (narr18, session 18)
    (
        "in_yuan",
        "shanghai-putuo-guihuaziyuan-juesuan-2024",
    ): "the 元 figures are exact where the 万元 ones were rounded",
    ("in_yuan", "shanghai-putuo-yichuan-juesuan-2025"): "the 元 figures are exact where the 万元 ones were rounded",
    # real reports 23: 石泉路 2025 p54 (545.84 against its line's 545.85) and 建管委 2026 p21 (3，518.85万元 for 35,188,541元):
    # restated "5458400元" / "35188500元" the figures are exact and 100元 / 41元 off — an 错误, as for 宜川路 p46. 石泉路 p28's
    # share (0.08% for 16.24 of the uses heading's 19,044.27, restated in 元) is lost under this rewrite — a miss, never a
    # false finding; OPEN (not traced: found at session 19's end)
    ("in_yuan", "shanghai-putuo-shiquan-juesuan-2025"): "the 元 figures are exact where the 万元 ones were rounded",
    ("in_yuan", "shanghai-putuo-jianguanwei-yusuan-2026"): "the 元 figures are exact where the 万元 ones were rounded",
    # 司法局 2026 p17 "2025年当年预算执行数为0.50万元，2026年预算安排0.62万元，比2025年预算执行数增加22.22%": 22.22% agrees only
    # as 0.616 / 0.504 (figures printed to 0.01万元); restated "5000元 … 6200元" they are exact and 24% (p18 likewise:
    # 93.52% for 93.51%) — real reports 21
    (
        "in_yuan",
        "shanghai-putuo-sifaju-danwei-yusuan-2026",
    ): "the 元 figures are exact where the 万元 ones were rounded",
    # real reports 24: 生态环境局 2025 p82 "机关运行经费支出185.41万元，比2024年度增加4.68 万元，增长 2.60%": 2.60% agrees only
    # as 4.68万元 cut short (4.6899 / 180.7201), a 警告; restated "1854100元 … 46800元" the figures are exact and 46800 /
    # 1807300 = 2.59% — an 错误
    (
        "in_yuan",
        "shanghai-putuo-shengtaihuanjing-juesuan-2025",
    ): "the 元 figures are exact where the 万元 ones were rounded",
    # real reports 24: 司法局 2026 部门预算 p19 "…行政单位离退休（01项）57.8万元 … 2025年当年预算执行数为59.11万元，2026年预算
    # 安排57.8万元，比2025年预算执行数减少2.21%": 2.21% agrees only as the line's 578,040元 (1.306 / 59.11 = 2.209%), 57.8
    # printed to 0.1万元; restated "578000元 … 591100元" the figures are exact and 13100 / 591100 = 2.216% → 2.22% — an N02
    # 警告 (found by the fresh-clone CI of session 20, after fold20's direction-checked rate reading)
    (
        "in_yuan",
        "shanghai-putuo-sifaju-yusuan-2026",
    ): "the 元 figures are exact where the 万元 ones were rounded",
    # real reports 25: 广东省财政厅 2023 p3 "公务接待费…22.59万元,…增加20.63万元,增长1,055.4%": 1,055.4% agrees only within
    # the 万元 figures' rounding (20.625–20.635 over 1.95–1.97: 1,046.9–1,058.2%); restated "206300元 … 225900元" they are
    # exact and 206300 / 19600 = 1,052.55% — an 错误. 围龙镇 2021 p4 "4.5万元,…减少0.03万元,下降0.6%": 0.6% agrees only
    # within their rounding (0.55–0.78%); restated "45000元 … 300元" 300 / 45300 = 0.66% → 0.7% — a 警告. 百色 2024 p2
    # "3923万元,比2023年预算数减少332万元,下降7.81%": 7.81% agrees only within the whole 万元's rounding (7.79–7.81%);
    # restated "39230000元 … 3320000元" 3320000 / 42550000 = 7.80% — an 错误
    ("in_yuan", "guangdong-caizhengting-sangong-2023"): "the 元 figures are exact where the 万元 ones were rounded",
    (
        "in_yuan",
        "chongqing-tongliang-weilong-sangong-2021",
    ): "the 元 figures are exact where the 万元 ones were rounded",
    (
        "in_yuan",
        "guangxi-baise-shibenji-sangong-yusuan-2024",
    ): "the 元 figures are exact where the 万元 ones were rounded",
    # real reports 31/32 (found by the fresh-clone CI at session 27's end): 济南 2014 p6 "1344 + 15218 + 4263 = 20825万元"
    # against "2.08亿元" agrees only as 2.08亿 rounded; restated "208000000元" it is exact and 250000元 short — an 错误.
    # 云阳 2025 p10's parts printed in whole 万元 (0, 2万元) absorb its 0.20万元 shortfall only as rounded; exact in 元, a 警告
    (
        "in_yuan",
        "shandong-jinan-shiji-sangong-yusuan-2014",
    ): "the 元 figures are exact where the 万元 ones were rounded",
    (
        "in_yuan",
        "chongqing-yunyang-dayang-xiaoxue-yusuan-2025",
    ): "the 元 figures are exact where the 万元 ones were rounded",
    # 万州 2025 p10 "1211.02万元,其中:…224.10万元,…986.92万元,…0.10万元": the parts' two places make 0.10万元 over the total
    # certain (错误). Restated "2241000元 … 1000元" those places are gone — either may be a one-place 万元 print (224.1,
    # 0.1) restated, and at that reading the parts fit (224.05 + 986.915 + 0.05 < 1211.025), as they do printed "224.1万元,
    # …0.1万元" (a 警告 too; a zero part stands for nothing below 0 at whatever step: prose28's `part_low`)
    (
        "in_yuan",
        "chongqing-wanzhou-tailong-weishengyuan-yusuan-2025",
    ): "the 万元 figures' two places are lost in 元: a part may be a coarser print, the excess then a 警告",
    # 江津 西湖镇 2024 p10/p11 "…3874.92万元…。收支较上年减少484.05,降低11.1%": the change printed without its unit is read
    # in the unit of the figures before it (prose28b, a 警告 at most); restated in 元 those say 元 while the bare 484.05
    # stays as printed — the rewrite changed what it means (484.05元), so its rate is a 警告 there
    (
        "in_yuan",
        "chongqing-jiangjin-xihuzhen-juesuan-2024",
    ): "a change printed without its unit is read in the unit the rewrite changed around it",
    # 巴州 2024 三公 p4 "…减少8万元,下降1.24%": 8万元 printed whole stands for 7.5–8.5, so 1.24% is reachable (8 / 641 =
    # 1.248%); restated "80000元" the change is exact, and 1.24% then is not 1.25% (reports36: a 警告)
    (
        "in_yuan",
        "sichuan-bazhou-sangong-yusuan-2024",
    ): "the 元 figures are exact where the 万元 ones were rounded",
    # reports35/36: 彭水 2022 p9 "16.75 + 45.54 + 11.73 + 0.22 + 6.91 + 3.52 = 84.67亿元" for "收入总计84.65亿元" agrees only
    # as parts rounded to 0.01亿元 (the table's 846531万元); restated "1675000000元 …" they are exact and 2000万元 over — a
    # 警告. 南开 2023 p12 "39.1 + 27.23 + 5.45 + 17.75 + 1.72 + 12.79 =
    # 104.04亿元" for "总收入预计为104.05亿元" agrees only as 39.1 printed to 0.1亿元 (39.05–39.15); restated "3910000000元"
    # it is exact and 100万元 short — a 警告 (both levels paired by place; fix29r)
    (
        "in_yuan",
        "chongqing-pengshui-yusuan-zhixing-2022",
    ): "the 亿元 figures are exact in 元 where the printed ones were rounded",
    (
        "in_yuan",
        "tianjin-nankai-yusuan-zhixing-2023",
    ): "the 亿元 figures are exact in 元 where the printed ones were rounded",
}

#: (rewrite, report) pairs where a benign rewrite DOES change a verdict — OPEN defects, never a new 错误, listed so the
#: sweep keeps guarding every other report. Session 27's are closed by prose28 (session 28): 万州 2025 p8's 其中 headcount
#: list split off into its own sentence or paragraph is tied to the 职工 count before it (count_parts `_other_counts`),
#: 株洲 2024 p51's 离退休 count ending a paragraph heads the next paragraph's 其中 (crosscheck `_closing_count`), and 万州
#: p10 in 元 is NOT_BENIGN (above). reports33: 余杭 2024 p4 "财政总收入预算为849.70亿元,其中一般公共预算收入预算为441.66亿元。…。
#: 调整后,…总收入预算变更为802亿元,…" with its 。 made "，" runs the 其中 list on through the adjusted totals (802, 428.35,
#: 336, 378.83 read as more parts of 849.70): an N02 警告 gained — closed by prose28b: a total restated "变更为/调整为/
#: 调整后" is no further part (facts `_RESTATED`, tests/test_prose28b.py).
OPEN_REWRITES: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("rewrite", sorted(TEXT_REWRITES))
def test_a_benign_rewrite_of_the_narrative_changes_no_verdict(rewrite, part, published, baseline):
    """Each paragraph rewritten as the .docx reader would read it (the tables as read): the checks on that text."""
    fn = TEXT_REWRITES[rewrite]
    changed, problems = 0, []
    for name in reports(part, rewrite):
        if (rewrite, name) in NOT_BENIGN or (rewrite, name) in OPEN_REWRITES:
            continue
        fixture, _ = published[name]
        sub, before = baseline[name]
        narrative = tuple(dataclasses.replace(p, text=fn(p.text)) for p in sub.narrative)
        if narrative == sub.narrative:
            continue
        changed += 1
        verdicts = _keys(validate_submission(dataclasses.replace(sub, narrative=narrative)))
        problems += _problems(name, fixture, verdicts, before)
    assert changed, "the rewrite changed no report"
    assert not problems, "\n".join(problems)


@pytest.mark.slow(reason="18 reports built and read for a list's upkeep (≈ 2 s of CPU); CI runs it")
@pytest.mark.parametrize(("rewrite", "name"), [pytest.param(*pair, id="-".join(pair)) for pair in sorted(NOT_BENIGN)])
def test_a_pair_set_apart_as_not_benign_still_changes_a_verdict(rewrite, name, published, baseline):
    """A NOT_BENIGN pair is left out of the sweeps: the day its rewrite changes no verdict it must leave the list, or the
    report goes unchecked under that rewrite behind a passing sweep (audit30: the entries were never checked)."""
    assert rewrite in TEXT_REWRITES, f"{rewrite}: NOT_BENIGN holds narrative rewrites only; check a document edit here"
    fixture, _ = published[name]
    sub, before = baseline[name]
    narrative = tuple(dataclasses.replace(p, text=TEXT_REWRITES[rewrite](p.text)) for p in sub.narrative)
    verdicts = _keys(validate_submission(dataclasses.replace(sub, narrative=narrative)))
    assert _problems(name, fixture, verdicts, before), (
        f"{rewrite} changes no verdict of {name}: take it out of NOT_BENIGN"
    )


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("rewrite", sorted(DOCX_EDITS))
def test_a_benign_rewrite_of_the_document_changes_no_verdict(rewrite, part, published, baseline, tmp_path):
    """The .docx itself edited (line breaks, empty paragraphs, merges, characters of the tables too), then read."""
    changed, problems = 0, []
    for name in reports(part, rewrite):
        if (rewrite, name) in NOT_BENIGN:
            continue
        fixture, package = published[name]
        new = rewritten(package, DOCX_EDITS[rewrite])
        if new is None:
            continue
        changed += 1
        path = tmp_path / f"{name}.docx"
        path.write_bytes(new)
        problems += _problems(name, fixture, _file_verdicts(path), baseline[name][1])
    assert changed, "the rewrite changed no report"
    assert not problems, "\n".join(problems)


_QIZHONG_PARAGRAPH = re.compile(r"[，,](?=其中)")


def paragraphs_split_at_qizhong(body) -> None:
    """ "…万元，其中…" with its 其中 list in a paragraph of its own (Enter pressed before 其中)."""
    for p in body.findall(f"{W}p"):
        pieces = _QIZHONG_PARAGRAPH.split(_text(p))
        if len(pieces) < 2:
            continue
        _set_text(p, pieces[0] + "。")
        for piece in reversed(pieces[1:]):
            new = etree.Element(f"{W}p")
            _set_text(new, piece)
            p.addnext(new)


@pytest.mark.parametrize("part", PARTS)
def test_a_qizhong_list_in_a_paragraph_of_its_own_changes_no_verdict(part, published, baseline, tmp_path):
    """The paragraphs are numbered anew; each finding is set back on the paragraph its text came from. Ten paragraphs
    of nine reports split (a 其中 list of parts, the 12 indicators of henan, …): no finding is gained or lost. Since
    reports 12 (儋州法院 2018 p21, the first 其中 contradiction written "，其中"), a paragraph opening with 其中 lists the
    parts of the money figure that ends the paragraph before (`facts.extract_facts(carry=…)`); a total further back
    is still not reached — a miss, never a false 错误."""
    changed, problems = 0, []
    for name in reports(part, "qizhong_paragraph"):
        if ("qizhong_paragraph", name) in OPEN_REWRITES:
            continue
        fixture, package = published[name]
        new = rewritten(package, paragraphs_split_at_qizhong)
        if new is None:
            continue
        changed += 1
        origin = [i for i, text in enumerate(fixture["paragraphs"], 1) for _ in _QIZHONG_PARAGRAPH.split(text)]
        path = tmp_path / f"{name}.docx"
        path.write_bytes(new)
        narrative, errors = _file_verdicts(path)
        verdicts = (
            {(c, s, origin[p - 1]) for c, s, p in narrative},
            {(c, origin[p - 1] if isinstance(p, int) else p) for c, p in errors},
        )
        problems += _problems(name, fixture, verdicts, baseline[name][1])
    assert changed, "the rewrite changed no report"
    assert not problems, "\n".join(problems)


def _filled(fixture: dict) -> dict | None:
    """The fixture's tables exported without merges, each merged label repeated in every cell it covered (None when
    no table has a merge)."""
    from openpyxl.utils.cell import range_boundaries

    if not any(t.get("merges") for t in fixture.get("tables", [])):
        return None
    tables = []
    for table in fixture["tables"]:
        rows = [list(row) for row in table["rows"]]
        for merge in table.get("merges", []):
            c0, r0, c1, r1 = range_boundaries(merge)
            for r in range(r0 - 1, r1):
                for c in range(c0 - 1, c1):
                    rows[r][c] = rows[r0 - 1][c0 - 1]
        tables.append({**table, "rows": rows, "merges": []})
    return {**fixture, "tables": tables}


@pytest.mark.parametrize("part", PARTS)
def test_tables_exported_with_merged_labels_repeated_change_no_verdict(part, published, baseline, tmp_path):
    """The other way systems export a merged cell: its text in every cell it covered (built anew: few reports)."""
    changed, problems = 0, []
    for name in reports(part, "merged_labels_repeated"):
        fixture, _ = published[name]
        if (filled := _filled(fixture)) is None:
            continue
        changed += 1
        build_docx(filled, tmp_path / f"{name}.docx")
        problems += _problems(name, fixture, _file_verdicts(tmp_path / f"{name}.docx"), baseline[name][1])
    assert changed, "no report has a merged cell"
    assert not problems, "\n".join(problems)
