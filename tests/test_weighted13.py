"""The 吉林 专项经费支出绩效评价表 filled in (held-out 21 read only its blank forms): 一级 权重 50 / 25 / 25 scale rows
worth 100 inside each 一级, so the 总分 is Σ 权重 × (一级's Σ 得分) / 100 — not the rows' scores added (up to 300).

Built from the corpus form (tests/realworld/jilin-kouan-hexinnengli-pingjiabiao-2016.toml) with a 得分 column L and the
总分's score beside its 得分 label (D43). Before: T02 said "总分应为 296" — a false 错误 — and the summary recomputed 296.
"""

from __future__ import annotations

import copy
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import load_table, validated

from perfxl.model import parse_a1

CORPUS = Path(__file__).resolve().parent / "realworld"
KOUAN = "jilin-kouan-hexinnengli-pingjiabiao-2016"  # 权重 B4 50 / B15 25 / B21 25; 总分 row 43
SHORT = {8: 1, 16: 1, 22: 1, 30: 1}  # rows scored one point under their 分值


def _filled(total: str | None = None, changes: dict[str, str] | None = None):
    """The form with every row scored (its 分值 less SHORT's points) in a new 得分 column L, and the 总分 (D43) the
    weighted total unless `total` is given: 50 × 99/100 + 25 × 99/100 + 25 × 98/100 = 98.75 (rows' plain sum 296)."""
    table = copy.deepcopy(load_table(CORPUS / f"{KOUAN}.toml"))
    heads = [n for n, row in enumerate(table.rows) if row[0] == "一级指标"]
    for row in table.rows:
        row.append("")
    for n in heads:
        table.rows[n][11] = "得分"
        table.merges.append(f"L{n + 1}:L{n + 2}")
    held: dict[str, Decimal] = {}
    weight: dict[str, Decimal] = {}
    level1 = ""
    for n, row in enumerate(table.rows):
        if row[0] == "总分":
            row[3] = total if total is not None else ""
            break
        if n < 3 or n in heads or n - 1 in heads:
            continue
        if row[0]:
            level1, weight[row[0]] = row[0], Decimal(row[1])
        if row[7]:
            score = Decimal(row[7]) - SHORT.get(n + 1, 0)
            row[11] = str(score)
            held[level1] = held.get(level1, Decimal(0)) + score
    exact = sum((weight[k] * v / 100 for k, v in held.items()), Decimal(0))
    if total is None:
        table.rows[42][3] = str(exact.quantize(Decimal("0.01"), ROUND_HALF_UP))
    for address, text in (changes or {}).items():
        r, c = parse_a1(address)
        table.rows[r - 1][c - 1] = text
    return table


def _run(tmp_path, table):
    result = validated(table, tmp_path)
    return result, [(f.code, f.severity.value) for f in result.findings if f.severity.value in ("error", "warning")]


def test_the_filled_form_s_weighted_total_is_no_error(tmp_path):
    result, judged = _run(tmp_path, _filled())
    assert result.summary.score_reported == Decimal("98.75")
    assert not [c for c in judged if c[0].startswith("T") or c[1] == "error"]
    # the summary's 总分重算 takes the same reading: 98.75, not the rows' 296
    assert result.summary.score_computed == Decimal("98.75")
    sections = {s.name: s for s in result.sections}
    assert sections["预算绩效"].weight == 50
    assert sections["预算绩效"].score_computed == Decimal("49.5")
    assert sum((s.score_computed or 0 for s in result.sections), Decimal(0)) == Decimal("98.75")


def test_a_wrong_total_is_found_as_a_warning_stating_the_reading(tmp_path):
    result, judged = _run(tmp_path, _filled(total="97.75"))
    (t02,) = [f for f in result.findings if f.code == "T02"]
    assert t02.severity.value == "warning"
    assert "98.75" in t02.message and "预算绩效 50 × 99/100" in t02.message
    assert "推断" in (t02.basis or "") and "直接相加为 296" in (t02.basis or "")
    # the rows' plain sum typed as the 总分: T03's 错误 is certain whatever the reading; T02 a 警告
    _, judged = _run(tmp_path, _filled(total="296"))
    assert ("T03", "error") in judged and ("T02", "warning") in judged and ("T02", "error") not in judged


def test_the_weighted_total_is_judged_at_its_printed_precision(tmp_path):
    for printed in ("98.8", "99"):  # 98.75 half up
        _, judged = _run(tmp_path, _filled(total=printed))
        assert "T02" not in {c for c, _ in judged}, printed
    _, judged = _run(tmp_path, _filled(total="98.7"))
    assert ("T02", "warning") in judged


def test_a_row_score_changed_under_a_stale_total_is_found(tmp_path):
    # 产出质量 39 → 30: 项目产出 holds 90, the total 96.5, the 总分 still 98.75
    result, judged = _run(tmp_path, _filled(changes={"L16": "30"}))
    (t02,) = [f for f in result.findings if f.code == "T02"]
    assert t02.severity.value == "warning" and "96.5" in t02.message
    # a score above its 分值 stays S06's certain 错误
    _, judged = _run(tmp_path, _filled(changes={"L8": "27"}))
    assert ("S06", "error") in judged


MATA = "sichuan-jingyan-mata-shenbao-2023"  # 项目名称 B5:B12 村组干部报酬 (权重 90), B13:B17 基层组织活动经费 (cut, 60)


def test_the_list_form_s_projects_are_tables_of_their_own(tmp_path):
    from render import render

    from perfxl.reader import read_submission

    table = load_table(CORPUS / f"{MATA}.toml")
    sub = read_submission(render(table, tmp_path))
    assert [(ev.header["项目名称"].text, len(ev.indicators)) for ev in sub.declarations] == [
        ("村组干部报酬", 8),
        ("基层组织活动经费", 5),
    ]
    # W03 sums each project's weights (90; 60 of the cut one), not both projects' 150 as one table's
    w03 = [f for f in validated(table, tmp_path).findings if f.code == "W03"]
    assert [f.severity.value for f in w03] == ["warning", "warning"]
    assert not [f for f in w03 if "150" in f.message]


def test_the_full_mark_beside_the_total_s_score_label_is_no_score(tmp_path):
    # 总分 │ 100 │ 得分 │ (blank): the 100 is the form's full mark; the 得分 after its label is unfilled — the blank
    # form's 总分 was read as "100", and a filled form with the score left blank was told "表中为 100"
    from render import render

    from perfxl.reader import read_submission

    (ev,) = read_submission(render(load_table(CORPUS / f"{KOUAN}.toml"), tmp_path)).evaluations
    assert ev.total_weight is not None and ev.total_weight.text == "100"
    assert ev.total_score is not None and ev.total_score.is_blank and str(ev.total_score.place().cell) == "D43"
    result, _ = _run(tmp_path, _filled(total=""))
    (t02,) = [f for f in result.findings if f.code == "T02"]
    assert t02.severity.value == "warning" and "未填写" in (t02.basis or "")
