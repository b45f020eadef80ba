"""`--select` / `--ignore` values: split them and refuse a token that picks no check at all.

A mistyped code (`--select ZZZ9`) would otherwise select nothing and report every file clean with
exit 0 — a silent pass. A token is valid when `perfxl.rules.selected` picks at least one check of
the catalogue with it: an exact code, a prefix ("F", "S0"), a name or a rule id ("R-F04").
"""

from __future__ import annotations

from collections.abc import Iterable

from perfxl.rules import CATALOGUE, selected

__all__ = ["split_codes", "unknown_codes", "codes_error"]


def split_codes(values: Iterable[str] | None) -> list[str] | None:
    """["A,B", "C"] → ["A", "B", "C"] (upper case); None when nothing was given."""
    codes = [c.strip().upper() for v in values or () for c in str(v).split(",") if c.strip()]
    return codes or None


def unknown_codes(codes: Iterable[str] | None) -> list[str]:
    """The tokens of `codes` that select no check of the catalogue."""
    return [t for t in codes or () if not any(selected(s.code, select=[t]) for s in CATALOGUE)]


def codes_error(option: str, codes: Iterable[str] | None) -> str | None:
    """The Chinese usage message for unknown tokens given to `option`, or None when all are valid."""
    bad = unknown_codes(codes)
    if not bad:
        return None
    valid = ", ".join(s.code for s in CATALOGUE)
    return (
        f"{option} 中的检查代码 {'、'.join(bad)} 不存在。可用的代码：{valid}"
        f"（也可写代码前缀如 F、S0，检查名称或规则编号如 R-F04；完整列表见 perfxl rules）"
    )
