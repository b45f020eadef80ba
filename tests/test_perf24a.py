"""perf24a's gates in the row classification, each held against its plain form on random rows (docs/performance.md,
"perf24a"): a short row's header-field match asked only when it ends like a form title (`detect._title_kind`), the
title endings tested in one C call first, a grade after its label tested by one `startswith` (`labels.grade_in_text`),
and a one-cell head field's regex run only on text holding two spaces in a row (`detect.spaced_field`). None of them
depends on repeated texts: every random text below is drawn afresh."""

from __future__ import annotations

import random
import unicodedata

from hypothesis_budget import draws

from perfxl.grid import Grid
from perfxl.labels import _GRADE_IN_TEXT, _LONGEST_LABELLED_GRADE, GRADE_LABELS, GRADE_WORDS, grade_in_text
from perfxl.layout import detect as D
from perfxl.layout import headers as H
from perfxl.layout.detect import RowKind

_TITLE_WORDS = (
    "2023年度部门整体支出绩效自评表",
    "项目支出绩效自评表",
    "基础数据表",
    "部门整体支出绩效评价基础数据表",
    "绩效评价表",
    "项目评价表",
    "绩效目标申报表",
    "绩效目标表",
    "项目目标表",
    "绩效执行监控表",
    "绩效跟踪表",
    "绩效批复表",
    "项目名称",
    "项目名称：某某绩效自评表",
    "主管部门",
    "实施单位",
    "预算单位名称",
    "……",
    "None",
    "新进规模企业",
    "(2023年度)",
    "自评表(附件1)",
    "绩效",
    "",
)


def _text(rng: random.Random) -> str:
    """A short text made afresh: title words, head fields, placeholders, brackets, spaces and a number glued on."""
    parts = [rng.choice(_TITLE_WORDS) for _ in range(rng.randint(1, 2))]
    text = rng.choice(("", " ", "（", "【")).join(parts)
    if rng.random() < 0.3:
        text += str(rng.randint(1, 99999))
    if rng.random() < 0.2:
        text = rng.choice(("", "说明：", "一、")) + text + rng.choice(("", "）", "：", "表"))
    return text


def _title_as_before(grid: Grid, r: int) -> RowKind | None:
    """The title block of `classify_row` before perf24a: the header-field test first, then the three endings."""
    cells = D.row_cells(grid, r)
    texts = [lab for _, lab in D.row_labels(grid, r)]
    one_text = len(texts) == len(cells) and len(set(texts)) == 1
    titles = (
        [H.strip_brackets(t) for t in texts[: 1 if one_text else 2] if len(t) <= 40]
        if len(cells) <= 2 or one_text
        else []
    )
    if titles and H.match_role(H.strip_brackets(texts[0]), H.HEADER_FIELDS):
        titles = []
    # (each ending with the word its title must also hold, "" for none)
    evaluation = [("自评表", ""), ("评价表", "绩效"), *((e, "绩效") for e in H.FORM_TITLE_ENDINGS)]
    if any(t.endswith("基础数据表") for t in titles):
        return RowKind.TITLE_BASIC
    if any(t.endswith(e) and w in t for t in titles for e, w in evaluation):
        return RowKind.TITLE_EVALUATION
    return None


def test_a_short_rows_title_is_read_as_before():
    """A row is a title exactly when the former block said so, and the same title; otherwise the same later tests
    (no other path returns a title kind) classify it."""
    rng = random.Random(2401)
    titles = (RowKind.TITLE_BASIC, RowKind.TITLE_EVALUATION)
    seen = set()
    for _ in range(draws(4000, 400)):
        n = rng.randint(1, 4)
        row: list[object] = [_text(rng) if rng.random() < 0.85 else rng.choice((None, 10.0, "")) for _ in range(n)]
        if rng.random() < 0.2:
            row = [row[0]] * n  # one text repeated across the row (a merge exported filled)
        grid = Grid("s", [row])
        kind = D.classify_row(grid, 0)
        before = _title_as_before(grid, 0)
        assert (kind if kind in titles else None) == before, row
        seen.add(before)
    assert seen == {None, *titles}  # the draws reach both titles and a header field ending like one


def _grade_as_before(label: str) -> str | None:
    if ":" in label:
        m = _GRADE_IN_TEXT.fullmatch(label)
        if m is not None:
            return m.group(2) if m.group(1) in GRADE_LABELS else None
    if len(label) > _LONGEST_LABELLED_GRADE:
        return None
    for word in GRADE_LABELS:
        if label.startswith(word) and label[len(word) :] in GRADE_WORDS:
            return label[len(word) :]
    return None


def test_a_grade_after_its_label_is_read_as_before():
    rng = random.Random(2402)
    pool = [*GRADE_LABELS, *GRADE_WORDS, "自评", "评价", "等", "级", "得分", "1", ":", "(", ")", "优秀", "新进"]
    found = 0
    for _ in range(draws(20000, 2000)):
        label = "".join(rng.choice(pool) for _ in range(rng.randint(0, 4)))
        assert grade_in_text(label) == _grade_as_before(label), label
        found += grade_in_text(label) is not None
    assert found  # some labels are grades


_SPACES = (" ", "  ", "   ", "\u3000", "\u3000\u3000", "\u00a0\u00a0", "\u2002 ", " \u3000", "\t", "¨", "")


def test_a_one_cell_head_field_is_read_as_before():
    """The regex runs only on text holding a space, tab or line break (read24's gate, which took the place of perf24a's
    two spaces in a row when read24 read tab- and line-break-kept fields): every text it matches holds one (the gate
    drops no match), and each match naming a head field is read as one."""
    rng = random.Random(2403)
    words = ("项目名称", "主管部门", "实施单位", "低票价运营补贴", "某局", "(盖章)", "评价等级", "优秀", "……", "a")
    found = 0
    for _ in range(draws(20000, 2000)):
        text = "".join(rng.choice(words) + rng.choice(_SPACES) for _ in range(rng.randint(1, 4)))
        norm = unicodedata.normalize("NFKC", text)
        m = D._SPACED_FIELD.match(norm)
        got = D.spaced_field(text)
        if m is None or ":" in text or "：" in text:
            assert got is None, repr(text)
            continue
        assert D._ANY_SPACE.search(text) is not None, repr(text)
        role = H.match_role(H.strip_brackets(H.normalise_label(m.group(1))), H.HEADER_FIELDS)
        # a match naming no head field is none; one naming a field is read as it unless a seal or another label
        # stands where its value would be ("实施单位  (盖章)": read24's `_ends_spaced_value`, tests/test_read24.py)
        assert got is None if not role else (got is None or got[0] == role), repr(text)
        found += got is not None
    assert found  # some texts are head fields
