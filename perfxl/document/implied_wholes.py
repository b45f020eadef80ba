"""Shares of one whole the report never prints, each implying the whole: the wholes they imply must agree (N02).

A 预算 公开 page prints its two parts each with its share of a whole it names but never prints: "1. 基本支出预算
2476260.58 元,占一般公共预算支出的84.06%" and, four paragraphs on, "2. 项目支出 469500 元,占一般公共预算支出的 19.62%"
(梧州 2024, real reports 30). No check held a share to a whole that has no figure; but each share implies it — part /
share, at the printed precision of both (the share cut or rounded) — and 2476260.58 / 84.06% ≈ 2.946 million while
469500 / 19.62% ≈ 2.393 million: the two cannot be of one whole.

The whole is read by the share's words alone ("占一般公共预算支出的"): the same words, four characters or more and no
general word (`facts._whole_a_share_names`), make one whole — of the report's year (no part or share placed in another
year: `placed_year`, nor across a paragraph of no figures — a heading may open another year's section), of the same money and scope (`levels_apart`'s words: 一般公共预算/政府性基金…, 全县/下属…) and
stage (a part named 决算 and one named 预算 are of two wholes). Shares found wrong already (a whole printed elsewhere,
a 其中 total) are left out. Which share is wrong: where most shares agree on one range of the whole, each share outside
that range is (the group's figures named in the finding); two shares alone disagreeing are reported at the later,
naming the earlier — one of the two is wrong, which one the words do not say. The wholes' disagreement is certain, the
share blamed is a reading (by place or by the most shares): an N02 警告 naming both. (A 错误 needs the parts to be the
whole's only parts — "分为基本支出预算和项目支出预算" two paragraphs before — a split not read here.)
Pure; called by perfxl.document.crosscheck after every paragraph's own checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..model import Certainty, TextRef
from ..numbers import HUNDRED, fmt_decimal
from ..patterns import lazy_compile
from ..records import record
from .facts import _ANY_WHOLE, Fact, ParagraphFacts, _whole_a_share_names, compact_name, sentences
from .levels_apart import _money, _scope, sentence_of
from .placed_year import of_another_year, since_figure_before, years_in
from .precision import Interval, _approximate, _bound
from .run_state import _Run, _sum_in, _where, contradict
from .spread_shares import _whole_named
from .vocabulary import CLAIMS, DECOMPOSITIONS

__all__ = ["check_implied_wholes"]

#: A whole's name this short ("支出", "收入") is a kind of figure, not one figure's name (as named_shares).
_MIN_NAME = 4
_AMOUNTS = ("value", "final", "budget")
#: The stage a part's words name: 预算/决算, and the adjusted budget ("年初预算安排…" and "调整预算后…" are of two wholes,
#: the year's budget before and after its adjustment; 年初预算 is the 预算).
_STAGE = lazy_compile(r"调整后?(?=预算)|预算调整后|预算|决算")
#: A whole that is each item's own: its budget ("占年初预算89.33%": a completion rate) or its kind's ("全省同类资金").
_OWN_WHOLE = lazy_compile(r"^(?:年初|全年|调整后?|当年)?预算数?$|同类")
#: Shares listed 分别/各 ("分别占全省同类资金的5%、4%、3%"): paired by position, respective_lists' reading.
_RESPECTIVE = lazy_compile(r"分别|各")


@record(frozen=True, slots=True)
class _Share:
    pi: int
    ref: TextRef
    share: Fact
    part: Fact
    whole: Interval  # in 元
    amount: Decimal  # the part's printed value in 元
    part_range: Interval  # the values it may stand for, in 元
    stage: str  # "预算"/"决算" as the part's words name it, "" when they name none
    kind: str  # the money and scope words of the part's sentence
    years: frozenset[str]  # the years the part's and share's words name
    context: str  # the paragraph's opening words, its first item's name and numbering cut (`_opening_context`)


def _part_of(facts: Sequence[Fact], share: Fact) -> Fact | None:
    """The amount the share is of: its `of`, else the amount right before it in its sentence, of the same subject
    ("基本支出预算 2476260.58 元,占…84.06%": a budget is no level, so no `of`)."""
    if share.of is not None:
        part = facts[share.of]
    elif share.index and (before := facts[share.index - 1]).sentence == share.sentence:
        part = before
        if before.subject != share.subject:
            return None
    else:
        return None
    if part.role not in _AMOUNTS or part.direction or not part.quantity.is_money:
        return None
    if any(f.quantity.is_money and f.sentence == share.sentence for f in facts[part.index + 1 : share.index]):
        return None  # "…9746.50万元,…,比上年增加1193.20万元,占本年支出合计的12.23%": the share of the change after it
    return part


def _shares(run: _Run, parsed: Sequence[tuple[int, TextRef, ParagraphFacts]]) -> dict[str, list[_Share]]:
    by_name: dict[str, list[_Share]] = {}
    for pi, ref, pf in parsed:
        for share in pf.facts:
            q = share.quantity
            if share.role != "share" or not q.is_percent or not 0 < q.value < HUNDRED:
                continue
            if (pi, share.index) in run.contradicted or _approximate(share) or _bound(share):
                continue
            part = _part_of(pf.facts, share)
            if part is None or (pi, part.index) in run.contradicted or _approximate(part) or _bound(part):
                continue
            name = _whole_named(share) or compact_name(_whole_a_share_names(share))  # "占支出总预算4.04%" too
            if len(name) < _MIN_NAME or _ANY_WHOLE.match(name) or _OWN_WHOLE.search(name):
                continue  # "占年初预算89.33%", "占全省同类资金的5%": each item's own whole
            words = since_figure_before(run, pi, pf.facts, part) + since_figure_before(run, pi, pf.facts, share)
            lead = _sentence_lead(run, pi, pf.facts, part)
            if of_another_year(run, words + lead) or _RESPECTIVE.search(words):
                continue  # "上年基本支出…,占…的80%": last year's whole; "分别占…": respective_lists'
            amount = _sum_in(run, pi, [part], "元")
            if amount is None:
                continue
            rate = Interval.printed(q.value, q.step)
            whole = Interval(amount[0].lo * HUNDRED / rate.hi, amount[0].hi * HUNDRED / rate.lo)
            sentence = sentence_of(run, pi, share).replace(name, "")
            stages = {
                "调整" if "调整" in m else m
                for m in _STAGE.findall(part.subject + since_figure_before(run, pi, pf.facts, part))
            }
            if "调整" in stages:
                stages.discard("预算")  # "调整预算": one stage
            stage = stages.pop() if len(stages) == 1 else "" if not stages else "both"
            by_name.setdefault(name, []).append(
                _Share(
                    pi,
                    ref,
                    share,
                    part,
                    whole,
                    amount[1],
                    amount[0],
                    stage,
                    f"{_money(sentence)}|{_scope(sentence)}",
                    frozenset(years_in(words) or years_in(lead)),
                    _opening_context(run, pi, pf.facts),
                )
            )
    return by_name


def _sentence_lead(run: _Run, pi: int, facts: Sequence[Fact], part: Fact) -> str:
    """The words opening the part's paragraph before its first figure, and its sentence before the sentence's first: the
    year they name is every later part's whose own words name none ("上年基本支出…占…的70%;项目支出857142.86元,占…的30%":
    last year's 项目支出 too; "二、2023年执行情况。基本支出…": the paragraph's, review27p)."""
    text = run.sub.narrative[pi].text if 0 <= pi < len(run.sub.narrative) else ""
    first = facts[0]
    opening = "。".join(sentences(text)[: first.sentence])
    if first is not part:
        opening += since_figure_before(run, pi, tuple(facts), first)
    own = next(f for f in facts if f.sentence == part.sentence)
    return opening + (since_figure_before(run, pi, tuple(facts), own) if own is not part and own is not first else "")


#: An item's numbering, a stage word, marks and spaces: no part of what a paragraph's opening says of its figures.
_NOT_CONTEXT = lazy_compile(
    r"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+\s*[.、．])|预算|决算|数|[\s，,。；;：:、.．]"
)


def _opening_context(run: _Run, pi: int, facts: Sequence[Fact]) -> str:
    """What a paragraph says of its figures before them: its words before its first figure, the first figure's own name
    cut ("1. 基本支出预算 2476260.58 元" and "2. 项目支出 469500 元" say nothing: 梧州 2024's p3 and p7; "局机关基本支出…"
    and "市图书馆基本支出…", "一般公共预算支出情况。基本支出…" and "政府性基金预算支出情况。基本支出…" name two settings — two
    units', two funds' wholes, however alike their names, review27p)."""
    text = run.sub.narrative[pi].text if 0 <= pi < len(run.sub.narrative) else ""
    first = facts[0]
    opening = "。".join(sentences(text)[: first.sentence]) + since_figure_before(run, pi, tuple(facts), first)
    if first.subject:
        # the name cut, not who it is of: "市图书馆基本支出" keeps "市图书馆" (a claim's name ends it)
        named = max((n for names in CLAIMS.values() for n in names if first.subject.endswith(n)), key=len, default="")
        owner = first.subject[: -len(named)] if named and len(named) < len(first.subject) else ""
        opening = opening.replace(first.subject, owner, 1)
    return _NOT_CONTEXT.sub("", opening)


def _same_setting(a: _Share, b: _Share) -> bool:
    """Two shares of one year's whole in one setting: the same years named, and (in two paragraphs) the same opening."""
    return a.years == b.years and (a.pi == b.pi or a.context == b.context)


#: A paragraph of no figures that only opens a list ("其中:"): no heading of a section of its own.
_LIST_OPENER = lazy_compile(r"^\s*其中\s*[:：]?\s*$")


def _sections(run: _Run, shares: list[_Share]) -> list[list[_Share]]:
    """The shares cut where a paragraph of no figures stands between two ("上年情况如下:", "三、…"): a heading may open
    another year's or another section's figures, whose whole is another (reports30's "上年情况如下:" case)."""
    out: list[list[_Share]] = []
    last = -1
    for s in sorted(shares, key=lambda s: (s.pi, s.share.index)):
        between = range(last + 1, s.pi) if last >= 0 else range(0)
        if not out or any(_heading(run, pj) for pj in between):
            out.append([])
        out[-1].append(s)
        last = s.pi
    return out


def _heading(run: _Run, pj: int) -> bool:
    return not run.facts.get(pj) and not _LIST_OPENER.match(run.sub.narrative[pj].text)


def _common(group: Sequence[_Share]) -> Interval:
    return Interval(max(s.whole.lo for s in group), min(s.whole.hi for s in group))


def _disjoint(a: Interval, b: Interval) -> bool:
    return not a.overlaps(b)


def _show_whole(w: Interval) -> str:
    return f"{fmt_decimal(w.lo, 0)}–{fmt_decimal(w.hi, 0)}元"


def _blame(run: _Run, shares: Sequence[_Share]) -> list[tuple[_Share, list[_Share]]]:
    """Each share to report with the shares it disagrees with (`_comparable` ones only): outside the one range more than
    half the shares agree on; else (no such range: two shares, or two groups as large) each share at odds with an
    earlier one, naming those."""
    shares = sorted(shares, key=lambda s: (s.pi, s.share.index))
    groups = [[t for t in shares if t.whole.lo <= s.whole.lo < t.whole.hi] for s in shares]
    size = max(len(g) for g in groups)
    best = {tuple(id(s) for s in g) for g in groups if len(g) == size}
    if size >= 2 and size * 2 > len(shares) and len(best) == 1:
        group = next(g for g in groups if len(g) == size)
        common = _common(group)
        blamed = [
            (s, [t for t in group if _disjoint(t.whole, s.whole) and _comparable(run, t, s)])
            for s in shares
            if _disjoint(s.whole, common)
        ]
    else:
        blamed = [
            (s, [t for t in shares[:k] if _disjoint(t.whole, s.whole) and _comparable(run, t, s)])
            for k, s in enumerate(shares)
        ]
    return [(s, others) for s, others in blamed if others]


def _comparable(run: _Run, a: _Share, b: _Share) -> bool:
    """Two shares whose wholes are one by more than the name: the same years named, and neither part possibly the
    other's whole (a part of a 其中 list naming the list's whole's whole: "基本支出…占一般公共预算支出的96.74%。其中:" ¶
    "工资福利支出…占一般公共预算支出的81.25%" — the words may misname the 基本支出, review26r)."""
    return _same_setting(a, b) and not _nests(run, a, b) and not _nests(run, b, a)


def _nests(run: _Run, whole: _Share, part: _Share) -> bool:
    if whole.pi == part.pi:
        return part.part.parent == whole.part.index
    if whole.pi > part.pi:
        return False
    texts = run.sub.narrative
    ends_open = texts[whole.pi].text.rstrip().endswith(("其中:", "其中："))
    return ends_open or (whole.pi + 1 < len(texts) and bool(_LIST_OPENER.match(texts[whole.pi + 1].text)))


def check_implied_wholes(run: _Run, parsed: Sequence[tuple[int, TextRef, ParagraphFacts]]) -> None:
    """N02 (警告) at a share whose implied whole no other share of the same named whole allows (see the module)."""
    for name, found in _shares(run, parsed).items():
        kinds: dict[str, list[_Share]] = {}
        for s in found:
            kinds.setdefault(s.kind, []).append(s)
        for shares in (run_ for kind in kinds.values() for run_ in _sections(run, kind)):
            stages = {s.stage for s in shares} - {""}
            if len(shares) < 2 or len(stages) > 1:
                continue  # one share, or parts of a 预算 and of a 决算: two wholes
            for s, sibling in _over_siblings(shares):
                _report_over(run, name, s, sibling)
            for s, others in _blame(run, [s for s in shares if (s.pi, s.share.index) not in run.contradicted]):
                _report(run, name, s, others)


#: Items that are parts of one whole by definition and never of each other (基本支出 and 项目支出, 人员经费 and 公用经费,
#: the 三公 items): two of them in one whole make at least their sum.
_SIBLINGS = tuple(frozenset(parts) for parts in DECOMPOSITIONS.values())


def _over_siblings(shares: Sequence[_Share]) -> list[tuple[_Share, _Share]]:
    """Shares above what any whole holding both parts allows: two defined items of one decomposition are apart, so the
    whole is at least their sum and a part's share at most part / (part + sibling) — certain, whatever the whole."""
    over = []
    for s in shares:
        for o in shares:
            claims = {s.part.claim, o.part.claim}
            if not _same_setting(s, o) or len(claims) != 2 or not any(claims <= parts for parts in _SIBLINGS):
                continue
            if Interval.printed(s.share.quantity.value, s.share.quantity.step).lo >= _most(s, o):
                over.append((s, o))
                break
    return over


def _most(s: _Share, o: _Share) -> Decimal:
    """The largest share `s`'s part can be of a whole holding `o`'s too, at their printed precision."""
    part, sibling = s.part_range, o.part_range
    return part.hi / (sibling.lo + part.hi) * HUNDRED


def _report_over(run: _Run, name: str, s: _Share, o: _Share) -> None:
    most = _most(s, o)
    point = fmt_decimal(s.amount / (s.amount + o.amount) * HUNDRED, s.share.quantity.places)
    contradict(
        run,
        s.pi,
        s.ref,
        s.share,
        f"“{s.part.subject}”占“{name}”的比例（{name}至少为“{s.part.subject}”与“{o.part.subject}”之和）",
        f"share of {s.part.subject} in {name} (at least {s.part.subject} plus {o.part.subject})",
        expected=f"不超过 {point}%",
        certainty=Certainty.CERTAIN,
        related=(o.ref,) if o.ref != s.ref else (),
        basis=f"{_where(s.ref)}：“{s.part.subject}”{s.part.quantity.text}与{_where(o.ref)}“{o.part.subject}”"
        f"{o.part.quantity.text}同为“{name}”的组成部分（两项互不包含），{name}至少为两者之和，“{s.part.subject}”所占比例"
        f"至多 {fmt_decimal(most, s.share.quantity.places + 2)}%，而文字写 {s.share.quantity.text}",
        basis_en=f"{s.part.quantity.text} and {o.part.quantity.text} are two defined parts of {name} (neither holds the "
        f"other): the whole is at least their sum, so the share is at most {point}%; the text says "
        f"{s.share.quantity.text}",
    )


def _report(run: _Run, name: str, s: _Share, others: list[_Share]) -> None:
    other_text = "；".join(
        f"{_where(o.ref)}“{o.part.subject}”{o.part.quantity.text}占{o.share.quantity.text}，推得{name}为"
        f"{_show_whole(o.whole)}"
        for o in others
    )
    implied = f"{_show_whole(s.whole)}"
    whole = sum((o.amount * HUNDRED / o.share.quantity.value for o in others), Decimal(0)) / len(others)
    expected = fmt_decimal(s.amount / whole * HUNDRED, s.share.quantity.places) + "%"
    contradict(
        run,
        s.pi,
        s.ref,
        s.share,
        f"“{s.part.subject}”占“{name}”的比例（{name}未列数，按同名的其他比例推得）",
        f"share of {s.part.subject} in {name} (the whole unprinted, implied by the other shares of it)",
        expected=expected,
        certainty=Certainty.JUDGEMENT,
        related=tuple(o.ref for o in others if o.ref != s.ref),
        basis=f"{_where(s.ref)}：“{s.part.subject}”{s.part.quantity.text}占{name}{s.share.quantity.text}，推得{name}为"
        f"{implied}；而{other_text}：同一“{name}”，两者不能同时成立（其中一处有误；按位置或多数比例推定本处，请核实）",
        basis_en=f"{s.part.quantity.text} at {s.share.quantity.text} implies {name} of {implied}; the other shares of "
        f"the same named whole imply a whole outside it (one of them is wrong)",
    )
