"""The one Jinja2 environment for every HTML perfxl writes (file reports, the batch dashboard).

Templates live in perfxl/report/templates/, stylesheets in perfxl/report/static/; both ship in the
wheel. Autoescaping is on for every template, so no text from a workbook can inject markup.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

__all__ = ["environment", "render_template", "static_text"]

_DICT_ATTRIBUTES = frozenset(dir(dict))


@cache
def environment() -> Any:
    """The shared Environment: package loader, autoescape on, undefined names an error."""
    # lazy: jinja2 (~40 ms) is only for HTML output, not the validate cold start
    from jinja2 import Environment, PackageLoader, StrictUndefined

    class DictFirst(Environment):
        """`x.key` on a dict reads the key at once. Jinja tries the attribute first and catches the
        AttributeError; our templates read dicts (findings, chart geometry), and those exceptions
        were a third of a file report's cost. Same result: a name dict has as an attribute still
        means the attribute."""

        def getattr(self, obj: Any, attribute: str) -> Any:
            if type(obj) is dict and attribute in obj and attribute not in _DICT_ATTRIBUTES:
                return obj[attribute]
            return super().getattr(obj, attribute)

    env = DictFirst(
        loader=PackageLoader("perfxl.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates ship with the package: no stat of each template per render
    )
    env.globals["static_text"] = static_text
    return env


@cache
def static_text(name: str) -> str:
    """A stylesheet or script from perfxl/report/static/, to inline (reports are single offline files)."""
    return files("perfxl.report").joinpath("static", name).read_text(encoding="utf-8")


def render_template(name: str, **context: Any) -> str:
    """Render one template of perfxl/report/templates/ with `context`."""
    return environment().get_template(name).render(**context)
