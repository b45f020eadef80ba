"""Find the files a batch run should check — workbooks and report documents (自评报告 .docx/.pdf/.doc):
folders (recursively), globs and single files.

The order is deterministic (sorted by path) so two runs over the same inputs list the same files
in the same order, whatever the file system returns. Only regular files are ever opened: a named
pipe, a device, a socket, a symbolic-link loop or a dangling link with a workbook's name is listed
in `Discovery.skipped` with its reason (opening a pipe would block forever). A file reached through
a symbolic link keeps its inbox name and path; two names for one file are checked once.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path

from perfxl.io.inputs import ACCEPTED_SUFFIXES, DOCUMENT_SUFFIXES, WORKBOOK_SUFFIXES, not_regular
from perfxl.records import record

__all__ = [
    "WORKBOOK_SUFFIXES",
    "DOCUMENT_SUFFIXES",
    "ACCEPTED_SUFFIXES",
    "is_accepted_name",
    "Discovered",
    "Skipped",
    "Discovery",
    "discover",
    "not_regular",
]

_GLOB_CHARS = frozenset("*?[")


@record(frozen=True, slots=True)
class Discovered:
    """One file to check: its absolute `path` and the `name` shown to reviewers (relative to its input)."""

    path: Path
    name: str


@record(frozen=True, slots=True)
class Skipped:
    """An accepted name (workbook or report) that is not a regular file: never opened, listed with the reason."""

    path: Path
    name: str
    code: str
    reason: str
    reason_en: str


@record(slots=True)
class Discovery:
    """What `discover` found: the files in order, the inputs that matched nothing, and what was skipped."""

    files: list[Discovered] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _real(path: Path) -> Path:
    """The file a path names after every link (os.path.realpath never raises on a loop, unlike Path.resolve)."""
    return Path(os.path.realpath(path))


def is_accepted_name(path: str | os.PathLike[str]) -> bool:
    """True for a name ending in one of ACCEPTED_SUFFIXES, skipping Office lock files (~$…) and hidden
    files (LibreOffice's .~lock…#)."""
    name = Path(path).name
    if name.startswith(("~$", ".")):
        return False
    return name.lower().endswith(ACCEPTED_SUFFIXES)


def _inside(path: Path, folders: tuple[Path, ...]) -> bool:
    return any(path == f or f in path.parents for f in folders)


def _walk(folder: Path, exclude: tuple[Path, ...]) -> Iterable[Path]:
    """Accepted names under `folder` (not yet checked to be regular files: a link loop or a dangling
    link is listed among the files), skipping hidden folders and the excluded ones (e.g. OUTDIR)."""
    for root, dirs, files in os.walk(folder):
        root_path = Path(root)
        dirs[:] = [d for d in dirs if not d.startswith(".") and not _inside(root_path / d, exclude)]
        for name in files:
            candidate = root_path / name
            if is_accepted_name(candidate):
                yield candidate


def _display_name(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def discover(inputs: Iterable[str | os.PathLike[str]], *, exclude: Iterable[str | os.PathLike[str]] = ()) -> Discovery:
    """Expand folders, globs and files into a sorted, de-duplicated list of workbooks and report documents.

    A file named explicitly is always included, whatever its extension (the reviewer asked for it,
    so a .txt renamed .xlsx is checked and reported as unreadable); folders and globs yield only names
    ending in ACCEPTED_SUFFIXES (.xlsx/.xlsm/.xls/.docx/.pdf/.doc). `exclude` folders (the batch's own
    output) are never entered.
    """
    excluded = tuple(_real(Path(e)) for e in exclude)
    found: dict[Path, Discovered] = {}
    skipped: dict[Path, Skipped] = {}
    result = Discovery()

    def add(path: Path, base: Path | None) -> None:
        """Keep `path` under its own (inbox) name; a second name of the same file keeps the first in order."""
        path = Path(os.path.abspath(path))
        problem = not_regular(path)
        if problem is not None:
            if path not in skipped and not _inside(path, excluded):
                skipped[path] = Skipped(path, _display_name(path, base), *problem)
            return
        real = _real(path)
        if _inside(real, excluded) or _inside(path, excluded):
            return
        item = Discovered(path, _display_name(path, base))
        if real not in found or _order(item) < _order(found[real]):
            found[real] = item

    for raw in inputs:
        text = os.fspath(raw)
        path = Path(text).expanduser()
        if path.is_dir():
            base = _real(path)
            for f in _walk(base, excluded):
                add(f, base)
        elif path.is_file() or os.path.lexists(path):
            add(path, Path(os.path.abspath(path)).parent)
        elif _GLOB_CHARS & set(text):
            matches = [Path(m) for m in glob.glob(os.path.expanduser(text), recursive=True)]
            hits = 0
            for m in matches:
                if m.is_dir():
                    for f in _walk(_real(m), excluded):
                        add(f, _real(m))
                        hits += 1
                elif is_accepted_name(m):
                    add(m, None)
                    hits += 1
            if not hits:
                result.missing.append(text)
        else:
            result.missing.append(text)

    result.files = sorted(found.values(), key=_order)
    result.skipped = sorted(skipped.values(), key=_order)
    return result


def _order(item: Discovered | Skipped) -> tuple[str, str]:
    return str(item.path).lower(), str(item.path)
