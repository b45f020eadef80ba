"""Per-file work cut for issue 14 (batch) gives the same answers as the code it replaced."""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

from hypothesis_budget import draws

from perfxl.document.funds_arith import _before


def _before_by_regex(text: str, clause: str) -> str | None:
    """funds_arith._before as it was: a regex built from the figure's text for every fact."""
    at = re.search(r"(?<![0-9.])" + re.escape(text), clause)
    head = clause[: at.start()] if at else clause
    opened = head.count("(") + head.count("（") - head.count(")") - head.count("）")
    return None if opened > 0 else head.replace(" ", "")


def test_words_before_a_figure_as_the_regex_found_them() -> None:
    rng = random.Random(14)
    alphabet = "0123456789.个万元共年初（）() 5"
    cases = [("5个", "共15个，年初5个"), ("5个", "15个"), ("5个", "(含5个)共5个"), ("", "共15个"), ("1.5", "21.5 1.5")]
    for _ in range(draws(5000, 500)):
        clause = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
        if rng.random() < 0.5 and clause:  # mostly a figure the clause holds, as extract_facts gives it
            i = rng.randrange(len(clause))
            text = clause[i : i + rng.randint(1, 4)]
        cases.append((text, clause))
    for text, clause in cases:
        fact = SimpleNamespace(quantity=SimpleNamespace(text=text), clause=clause)
        assert _before(fact) == _before_by_regex(text, clause), (text, clause)  # type: ignore[arg-type]


def _sst_by_regex(stream) -> tuple[int, int, int]:
    """guard_xml.scan_shared_strings as it was: every region through the general `<si>` tag walk (`_si_tokens`), never
    the split fast path (`_si_plain`) the scan now takes on regions holding only bare `<si>`/`</si>`."""
    from perfxl.io import guard_xml

    out = guard_xml.SharedStringsScan()
    offset, opened_at, root = 0, None, False
    for region in guard_xml._tokens(stream):
        if not root:  # (the root as the scan reads it — sec23: quote-aware, past comments, in any region)
            root = guard_xml._unique_count(out, region)
        opened_at = guard_xml._si_tokens(out, region, offset, opened_at)  # the general walk, on every region
        offset += len(region)
    return out.unique_count, out.items, out.longest


def test_shared_strings_scan_as_the_tag_walk_found_it(monkeypatch) -> None:
    import io

    from perfxl.io import guard_xml

    rng = random.Random(14)
    pieces = [b"<si>", b"</si>", b"<si>", b"</si>", b"<t>", b"</t>", b"ab", "中文".encode(), b"<si/>", b"<x:si>"]
    pieces += [b"</x:si>", b'<si a="1">', b"<si\n>", b"</si >", b"<sib>", b"<", b">", b":si", b"<si", b"</si"]
    head = b'<?xml version="1.0"?><sst xmlns="m" uniqueCount="7">'
    for chunk in (1 << 20, 3, 7, 16):
        monkeypatch.setattr(guard_xml, "CHUNK", chunk)
        for i in range(draws(1500, 150)):
            k = rng.randint(0, 30)
            plain = i % 3 == 0  # what Excel writes: only <si>, </si> and text
            body = b"".join(rng.choice(pieces[:8] if plain else pieces) for _ in range(k))
            data = (head if rng.random() < 0.8 else b"") + body + (b"</sst>" if rng.random() < 0.8 else b"")
            new = guard_xml.scan_shared_strings(io.BytesIO(data))
            assert (new.unique_count, new.items, new.longest) == _sst_by_regex(io.BytesIO(data)), (chunk, data)
