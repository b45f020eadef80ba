"""Entry point of the `perfxl` command. Each command lives in its own module and registers itself
on `app`; heavy libraries are imported inside the commands, so `perfxl --help` starts fast.
`app` (the typer application) is built on first use; every command goes through it.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import sys
from typing import TYPE_CHECKING, Any

from perfxl.errors import PerfxlError

if TYPE_CHECKING:
    import typer

#: Command modules under perfxl.cli, each defining its commands with `@app.command()`.
COMMAND_MODULES: tuple[str, ...] = (
    "score_cmd",
    "validate_cmd",
    "batch_cmd",
    "template_cmd",
    "serve_cmd",
    "bundle_cmd",
    "rules_cmd",
)

#: The typer application: declared only (no value), so the first `perfxl.cli.main.app` goes through
#: `__getattr__` below, which builds it.
app: typer.Typer


def _build_app() -> typer.Typer:
    """The typer app with every command module registered (imported once, on first use)."""
    # lazy: typer (~40 ms) loads when the CLI runs, not on `import perfxl.cli.main` (measured)
    import typer

    global app
    app = typer.Typer(
        name="perfxl",
        help="预算绩效自评表的计算与校验 (perfxl: budget performance self-evaluation checks).",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    for name in COMMAND_MODULES:
        importlib.import_module(f"perfxl.cli.{name}")
    return app


def __getattr__(name: str) -> Any:
    """`from perfxl.cli.main import app` builds the typer app lazily (PEP 562)."""
    if name == "app":
        return _build_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def safe_console_streams() -> None:
    """Let stdout/stderr replace what their encoding cannot show ("?") instead of raising.

    An English Windows console, or PYTHONIOENCODING=cp1252 with redirected output, cannot encode
    Chinese: every print would be a UnicodeEncodeError traceback (and stderr's default escapes
    would print \\u9519…). Files perfxl writes are always UTF-8; only the console is affected.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        with contextlib.suppress(ValueError, OSError):  # a stream already in use in an incompatible way: leave it
            reconfigure(errors="replace")


def _start_batch_workers(args: list[str]) -> None:
    """`perfxl batch` with local workers: start their fork server now (perfxl.workers), so it imports
    the engine while this process imports the CLI, instead of after it (≈ 0.4 s before the first file)."""
    if args[:1] != ["batch"] or {"-h", "--help"} & set(args):
        return
    for i, arg in enumerate(args):
        if (arg == "--executor" and args[i + 1 : i + 2] != ["local"]) or arg.startswith("--executor=dask"):
            return
    try:
        from perfxl.workers import start_forkserver  # light: the standard library only

        start_forkserver()
    except Exception:  # only a head start: the pool starts the server itself and reports failures
        pass


#: Commands whose process lives on (a batch's parent, a server): Python's cyclic collector stays on for them.
LONG_LIVED_COMMANDS: frozenset[str] = frozenset({"batch", "serve"})


def collector_for_one_command(args: list[str]) -> None:
    """A process that runs one short command: Python's cyclic collector off (`perfxl.collector` pauses it for the
    reading, checks and annotated copy already; here for the start-up's imports and the output too), except for the
    commands whose process lives on (`LONG_LIVED_COMMANDS`). Nothing the command makes depends on a collection."""
    if args[:1] and args[0] in LONG_LIVED_COMMANDS:
        return
    gc.disable()


def collector_at_exit() -> None:
    """Everything alive when the command ends is moved out of the collector's sight (`gc.freeze`): the interpreter's
    teardown then collects only what it makes itself, instead of walking every object the run kept (its caches, the
    imported modules) up to four times (≈ 80 M instructions at 10,000 indicator rows). Python does not promise to
    finalize objects still alive at exit either way; atexit handlers, threads' joins and the streams' flush are
    untouched."""
    gc.freeze()


def run() -> None:
    """Console-script entry: runs the app; any unexplained exception becomes exit 2, not a traceback."""
    safe_console_streams()
    _start_batch_workers(sys.argv[1:])
    collector_for_one_command(sys.argv[1:])
    # lazy: typer (~40 ms) loads when the CLI runs, not on `import perfxl.cli.main` (measured)
    import typer

    try:
        application = globals().get("app") or _build_app()
        application()
    except PerfxlError as exc:  # a typed error that escaped a command
        typer.echo(f"错误 [{exc.code}] {exc}", err=True)
        sys.exit(2)
    finally:
        collector_at_exit()


if __name__ == "__main__":  # pragma: no cover
    # `python -m perfxl.cli.main`: run the imported module's `run`, so that the command modules
    # (which import perfxl.cli.main) register on the same app this process runs.
    from perfxl.cli.main import run as _run

    _run()
