"""Fast start for the most common command, `perfxl validate FILE… [options]`, without typer.

typer (and the pydantic it loads) costs more than a whole validation of a small workbook, so a
reviewer's `perfxl validate 自评表.xlsx` parses its simple arguments here and calls the same
`run_validate` body the typer command uses. Anything unusual (--help, an unknown option, `--`,
a missing value, no path) returns None and the full typer CLI handles it, messages and all.
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["try_fast"]

# option spelling → (parameter, kind); kinds: "str", "path", "list" (repeatable), "flag"
_OPTIONS: dict[str, tuple[str, str]] = {
    "--profile": ("profile", "str"),
    "-p": ("profile", "str"),
    "--format": ("fmt", "str"),
    "-f": ("fmt", "str"),
    "--output": ("output", "path"),
    "-o": ("output", "path"),
    "--annotate": ("annotate", "path"),
    "--select": ("select", "list"),
    "--ignore": ("ignore", "list"),
    "--fail-on": ("fail_on", "str"),
    "--force": ("force", "flag"),
    "--in-place": ("in_place", "flag"),
}


def parse_validate_args(args: list[str]) -> dict | None:
    """Keyword arguments of `run_validate` for `args` (after the word `validate`), or None when
    they are anything but plain paths and the options above (then typer parses them)."""
    kwargs: dict = {"paths": []}
    i = 0
    while i < len(args):
        token = args[i]
        if not token.startswith("-") or token == "-":
            if token == "-" or not token:
                return None
            kwargs["paths"].append(Path(token))
            i += 1
            continue
        name, eq, inline = token.partition("=")
        spec = _OPTIONS.get(name)
        if spec is None:
            return None
        param, kind = spec
        if kind == "flag":
            if eq:
                return None
            kwargs[param] = True
            i += 1
            continue
        if eq:
            value = inline
            i += 1
        else:
            if i + 1 >= len(args) or args[i + 1].startswith("-"):
                return None
            value = args[i + 1]
            i += 2
        if kind == "list":
            kwargs.setdefault(param, []).append(value)
        elif kind == "path":
            kwargs[param] = Path(value)
        else:
            kwargs[param] = value
    return kwargs if kwargs["paths"] else None


def try_fast(argv: list[str]) -> int | None:
    """The exit status of `perfxl validate …` run without typer, or None when typer must handle argv."""
    if not argv or argv[0] != "validate":
        return None
    kwargs = parse_validate_args(argv[1:])
    if kwargs is None:
        return None
    from perfxl.cli.validate_run import echo_err, run_validate

    try:
        return run_validate(**kwargs)
    except KeyboardInterrupt:  # what click's standalone mode does on Ctrl-C
        echo_err("Aborted!")
        return 1
