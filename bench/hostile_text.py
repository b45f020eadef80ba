"""Time the text readers on long hostile inputs: n and 2n characters, the ratio of the two times (≈ 2 linear, ≈ 4
quadratic). A script-level table for docs/bad-inputs.md (hyph23, session 23) — no test times anything.

    PYTHONPATH=$PWD .venv/bin/python bench/hostile_text.py [N]      # N defaults to 100000

Each call runs under an alarm (20 s): a call that does not finish is listed as "timeout", never waited for.
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from perfxl import numbers, units, values, values_dates
from perfxl.document import facts
from perfxl.layout import detect

#: Hostile texts of about n characters: long runs of what the readers' patterns repeat on.
KINDS: dict[str, Callable[[int], str]] = {
    "ge-dashes": lambda n: "≥" + "-" * n + "—1",
    "em-dashes": lambda n: "—" * n + "1",
    "fw-dashes": lambda n: "－" * n + "1",
    "ge-run": lambda n: "≥" * n + "1",
    "lt-run": lambda n: "<" * n + "1",
    "spaces": lambda n: "1" + " " * n + "x",
    "percents": lambda n: "1" + "%" * n,
    "separators": lambda n: "1" + ",000" * (n // 4),
    "wanyuan": lambda n: "1" + "万元" * (n // 2),
    "digits": lambda n: "1" * n,
    "dots": lambda n: "1." * (n // 2),
    "brackets": lambda n: "(" * n + "1",
    "figures": lambda n: "增长1.5%，" * (n // 7),
    "years": lambda n: "2023年" * (n // 5),
    "cjk": lambda n: "资金" * (n // 2) + "100万元",
    "each-run": lambda n: "各" * n + "x各1万元",
    "each-list": lambda n: "收、" * (n // 2) + "各减少1,200万元",
    "ops-comma": lambda n: "≥" * n + "，1",
    "spaced-digits": lambda n: "1 " * (n // 2) + "万元",
    "brackets-spaced": lambda n: "（" + " " * n + "1",
    "colons": lambda n: "某县人社局联系:" * (n // 8),  # a head value's labels looked back from each colon (read24)
    "breaks": lambda n: "项目名称" + "\t \n" * (n // 3) + "x",
}


def _readers() -> dict[str, Callable[[str], Any]]:
    pv = values.parse_value
    return {
        "values.parse_value": pv,
        "values.normalise_text": values.normalise_text,
        "values.blank_text": values.blank_text,
        "values.control_characters": values.control_characters,
        "values.bracketed_figure": values.bracketed_figure,
        "values.printed_sign": values.printed_sign,
        "values.unit_of_clause": values.unit_of_clause,
        "values.spaced_minus": lambda s: values.spaced_minus(pv(s)),
        "values.beyond_range": lambda s: values.beyond_range(pv(s)),
        "values.mark_read": lambda s: values.mark_read(pv(s)),
        "values.dotted_year_month": lambda s: values.dotted_year_month(pv(s)),
        "numbers.ascii_figures": numbers.ascii_figures,
        "numbers.to_decimal": numbers.to_decimal,
        "numbers.to_points": numbers.to_points,
        "numbers.join_digit_groups": numbers.join_digit_groups,
        "numbers.printed_places": numbers.printed_places,
        "numbers.typed_places": numbers.typed_places,
        "values_dates.parse_date": values_dates.parse_date,
        "units.normalise_unit": units.normalise_unit,
        "units.split_per": units.split_per,
        "units.lookup": units.lookup,
        "units.count_of_noun": units.count_of_noun,
        "units.family_of": units.family_of,
        "units.periods_a_year": units.periods_a_year,
        "units.stray_letters": units.stray_letters,
        "units.money_symbol": units.money_symbol,
        "units.money_unit_in": units.money_unit_in,
        "facts.compact_name": facts.compact_name,
        "facts.readable": facts.readable,
        "facts.sentences": facts.sentences,
        "facts.goal_claim": facts.goal_claim,
        "facts.stated_indicators": facts.stated_indicators,
        "facts.extract_facts": facts.extract_facts,
        "detect.spaced_field": detect.spaced_field,
        "detect.cut_at_label": detect.cut_at_label,
    }


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _time(f: Callable[[str], Any], text: str) -> float | None:
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(20)
    start = time.perf_counter()
    try:
        f(text)
    except _Timeout:
        return None
    except Exception:  # a reader that refuses the text answered; its time is what is measured
        pass
    finally:
        signal.alarm(0)
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    worst: list[tuple[float, str]] = []
    for name, f in _readers().items():
        for kind, make in KINDS.items():
            t1, t2 = _time(f, make(n)), _time(f, make(2 * n))
            if t1 is None or t2 is None:
                worst.append((float("inf"), f"{name:32} {kind:12} timeout"))
                continue
            ratio = t2 / t1 if t1 > 0.002 else 0.0  # below 2 ms the ratio is noise
            worst.append(
                (max(t2, 0.0) if ratio < 3 else 100 + t2, f"{name:32} {kind:12} {t1:7.3f} {t2:7.3f}  ×{ratio:.1f}")
            )
    worst.sort(reverse=True)
    print(f"reader / kind / seconds at {n:,} and {2 * n:,} / ratio (the 20 slowest)")
    for _, line in worst[:20]:
        print(line)


if __name__ == "__main__":
    main()
