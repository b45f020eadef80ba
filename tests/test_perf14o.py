"""perf14o (issue 14): the opening's and start-up's shortcuts held against their plain forms."""

from __future__ import annotations

import inspect
import random

from perfxl.grid import Grid


def _plain_anchor(merged):
    """Grid's merge map as two nested range loops built it before perf14o."""
    out = {}
    for r0, c0, r1, c1 in merged:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                out[(r, c)] = (r0, c0)
    return out


def test_anchor_map_matches_the_plain_loops():
    """Same keys, same anchors, same order, a later range winning a shared cell — random, overlapping and
    empty (inverted) ranges included."""
    rng = random.Random(14)
    for _ in range(2_000):
        merged = []
        for _ in range(rng.randrange(0, 12)):
            r0, c0 = rng.randrange(0, 30), rng.randrange(0, 10)
            merged.append((r0, c0, r0 + rng.randrange(-1, 5), c0 + rng.randrange(-1, 4)))
        grid = Grid("s", [], tuple(merged))
        plain = _plain_anchor(merged)
        assert grid._anchor == plain
        assert list(grid._anchor.items()) == list(plain.items())


def test_command_annotations_are_objects():
    """typer reads each command's parameters from its annotations, evaluating string ones twice (inspect.signature
    and typing.get_type_hints: ≈ 230 `compile` calls, ≈ 33 M instructions on every `perfxl` start). The command
    modules do without `from __future__ import annotations`, so typer gets the objects."""
    from perfxl.cli import main

    app = main.app
    callbacks = [info.callback for info in app.registered_commands]
    callbacks += [
        info.typer_instance.registered_callback.callback
        for info in app.registered_groups
        if info.typer_instance.registered_callback
    ]
    assert len(callbacks) >= 7
    for fn in callbacks:
        assert fn is not None
        strings = {name: ann for name, ann in inspect.get_annotations(fn).items() if isinstance(ann, str)}
        assert not strings, f"{fn.__module__}.{fn.__qualname__}: {strings}"
