"""`Limits`: every bound perfxl holds an untrusted input to, in one record — the files the guard opens
(perfxl.io.guard), the texts the narrative checks read, LibreOffice's memory when it converts a .doc, and the requests
the add-in server accepts (perfxl.serve). One way to set each: the environment variable `PERFXL_<FIELD>` (upper case),
e.g. `PERFXL_MAX_FILE_BYTES=50000000`, `PERFXL_SERVE_MAX_CELLS=100000`; or in code
`Limits.from_pairs(["max_file_bytes=…"])` / `Limits.from_env(serve_max_cells=…)` (the server's `--max-cells`). A value
is a positive whole number ("1_000" reads); an empty variable counts as unset; anything else is refused with a
ValueError naming the variable (zh and en), which `perfxl validate`, `batch` and `serve` say once before any file or
request (exit 2). docs/bad-inputs.md ("Limits") lists them all.

The same class is `perfxl.io.guard.Limits`, `perfxl.serve.Limits` and `perfxl.serve.payload.Limits` (the names callers
wrote before the two classes were folded into this one, lean28).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import fields, replace
from functools import cache

from .records import record

__all__ = ["Limits", "MIB"]

MIB = 1 << 20


@record(frozen=True, slots=True)
class Limits:
    """Bounds on what perfxl will open or accept. Each field is set by the environment variable `PERFXL_<FIELD>`
    (`from_env`) or a "name=value" pair (`from_pairs`, `with_pairs`); see the module's docstring."""

    max_file_bytes: int = 100 * MIB  # the file on disk
    max_uncompressed_bytes: int = 512 * MIB  # sum of declared uncompressed sizes of all parts
    max_part_bytes: int = 128 * MIB  # one part, uncompressed (real sizes are capped at the declared ones)
    max_compression_ratio: int = 200  # per part, for parts larger than ratio_floor_bytes
    ratio_floor_bytes: int = 1 * MIB  # tiny parts compress absurdly well and are harmless
    max_entries: int = 10_000  # members in the ZIP
    max_sheets: int = 1_000
    max_cells_per_sheet: int = 2_000_000  # area A1:corner (rows × cols) of the used range of one sheet
    max_cells_per_workbook: int = 2_000_000  # those areas summed over the sheets (≈ 10 bytes a cell in memory)
    max_rows_per_workbook: int = 400_000  # rows A1 to the last used one, summed over the sheets (≈ 270 bytes a row)
    max_values_per_workbook: int = 200_000  # cells holding a value, all sheets (≈ 400 bytes each, read and checked)
    max_string_bytes: int = 256 * 1024  # one shared string, in XML bytes (Excel's limit is 32,767 chars)
    max_text_bytes: int = 32 * MIB  # .ods: cell text as a reader copies it (a repeated cell's string at each repeat)
    small_part_bytes: int = 8 * MIB  # structure parts (workbook, relationships) read whole
    max_markup_bytes: int = 8 * MIB  # an HTML or SpreadsheetML file (parsed into a whole tree)
    max_document_bytes: int = 6 * MIB  # a .docx's word/document.xml (≈ 30 MB of memory per MiB when read and checked)
    max_markup_cells: int = 100_000  # table cells of an HTML or SpreadsheetML export (≈ 2 KB each while read)
    max_pdf_pages: int = 1_000
    max_pdf_objects: int = 200_000  # object ids a PDF's cross-reference sections declare (≈ 190 bytes each in a table)
    max_pdf_page_chars: int = 30_000  # glyphs laid out on one PDF page (≈ 1.1 KB and 0.3 ms each, a page held at once)
    max_pdf_stream_bytes: int = 64 * MIB  # one PDF stream, inflated
    # characters inside a PDF's ruled tables, all pages: each held (≈ 0.65 KB) until the tables are joined over page
    # breaks and read into grids (sec26)
    max_pdf_table_chars: int = 500_000
    # objects a PDF parser holds at once — an array's or dictionary's items, open ones nested included, or a content
    # stream's operands before their operator (≈ 150 bytes each): real reports ≤ 267, a 65,536-glyph font's /W ≤ 196,608
    max_pdf_stack_items: int = 500_000
    # LibreOffice's address space while it converts an old .doc (RLIMIT_AS of soffice.bin; its own start-up needs
    # ≈ 0.5 GiB on a throw-away profile, a 2 MB real report converts within it): the conversion is bounded in time too
    max_soffice_bytes: int = 2048 * MIB
    # One paragraph or free-text cell read figure by figure (document.facts.readable): ten times the longest real
    # paragraph (567 characters) — the narrative checks set each figure against the figures and sentences around it,
    # work growing with the square of a text's length (crash12). A longer text is left unread and said so (coverage).
    max_text_chars: int = 6_000
    max_text_figures: int = 400  # figures (digit runs) in one such text; a real paragraph holds at most ≈ 40
    # The add-in server's requests (perfxl.serve): cells one request may carry, all sheets (a 自评表 workbook has a few
    # thousand; `perfxl serve --max-cells` overrides it), and the bytes of a body before it is refused unread.
    serve_max_cells: int = 500_000
    serve_max_body_bytes: int = 32 * MIB

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: int | None) -> Limits:
        """Defaults, overridden by the PERFXL_<FIELD> variables, then by `overrides` (field=number; None keeps it)."""
        env = os.environ if environ is None else environ
        # one pass over the variables, not a failed look-up per field (os.environ raises KeyError for each)
        variables = tuple((k, env[k]) for k in env if k.startswith("PERFXL_"))
        limits = _limits_of(variables) if cls is Limits else cls._of(variables)
        given = [f"{name}={value}" for name, value in overrides.items() if value is not None]
        return limits.with_pairs(given) if given else limits

    @classmethod
    def _of(cls, variables: tuple[tuple[str, str], ...]) -> Limits:
        env = dict(variables)
        changes: dict[str, int] = {}
        for f in fields(cls):
            variable = f"PERFXL_{f.name.upper()}"
            raw = env.get(variable, "")
            if raw.strip():  # an empty variable is unset
                changes[f.name] = _number(variable, raw)
        return replace(cls(), **changes)

    @classmethod
    def from_pairs(cls, pairs: list[str] | tuple[str, ...]) -> Limits:
        return cls.from_env().with_pairs(pairs)

    def with_pairs(self, pairs: list[str] | tuple[str, ...]) -> Limits:
        """A copy with "name=integer" overrides; a bad pair raises ValueError naming the keys."""
        known = {f.name for f in fields(self)}
        changes: dict[str, int] = {}
        for pair in pairs:
            key, _, value = pair.partition("=")
            key = key.strip().lower().replace("-", "_")
            if key not in known:
                raise ValueError(f"未知的上限 {key!r}（unknown limit {key!r}; known: {', '.join(sorted(known))}）")
            changes[key] = _number(f"limit {key}", value)
        return replace(self, **changes)


def _number(said: str, raw: str) -> int:
    """`raw` as a positive whole number, or a ValueError saying which setting (`said`) is wrong, in zh and en."""
    try:
        number = int(raw.strip().replace("_", ""))
    except ValueError:
        number = 0
    if number <= 0:
        raise ValueError(f"{said} 应为正整数，收到 {raw!r}（{said} must be a positive whole number, got {raw!r}）")
    return number


@cache
def _limits_of(variables: tuple[tuple[str, str], ...]) -> Limits:
    """Limits from the PERFXL_* variables set (cached: every file of a batch asks with the same ones)."""
    return Limits._of(variables)
