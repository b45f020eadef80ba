"""Entry point of the `perfxl` command. Each command lives in its own module and registers itself
on `app`; heavy libraries are imported inside the commands, so `perfxl --help` starts fast.
"""
from __future__ import annotations

import importlib
import sys

import typer

app = typer.Typer(
    name="perfxl",
    help="预算绩效自评表的计算与校验 (perfxl: budget performance self-evaluation checks).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

#: Command modules under perfxl.cli, each defining its commands with `@app.command()`.
COMMAND_MODULES: tuple[str, ...] = (
    "score_cmd",
    "validate_cmd",
    "batch_cmd",
    "template_cmd",
    "serve_cmd",
)

for _name in COMMAND_MODULES:
    importlib.import_module(f"perfxl.cli.{_name}")


def run() -> None:
    """Console-script entry: runs the app; any unexplained exception becomes exit 2, not a traceback."""
    from perfxl.errors import PerfxlError

    try:
        app()
    except PerfxlError as exc:  # a typed error that escaped a command
        typer.echo(f"错误 [{exc.code}] {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    run()
