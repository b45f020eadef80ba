"""Find the workbooks a batch run should check: folders (recursively), globs and single files.

The order is deterministic (sorted by path) so two runs over the same inputs list the same files
in the same order, whatever the file system returns.
"""
from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["WORKBOOK_SUFFIXES", "Discovered", "Discovery", "discover"]

#: File name endings a folder or glob is searched for (compared case-insensitively).
WORKBOOK_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm", ".xls")

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Discovered:
    """One file to check: its absolute `path` and the `name` shown to reviewers (relative to its input)."""

    path: Path
    name: str


@dataclass(slots=True)
class Discovery:
    """What `discover` found: the files in order, and the inputs that matched nothing."""

    files: list[Discovered] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _is_workbook_name(path: Path) -> bool:
    """True for .xlsx/.xlsm/.xls names, skipping Office lock files (~$…) and hidden files."""
    name = path.name
    if name.startswith(("~$", ".")):
        return False
    return name.lower().endswith(WORKBOOK_SUFFIXES)


def _inside(path: Path, folders: tuple[Path, ...]) -> bool:
    return any(path == f or f in path.parents for f in folders)


def _walk(folder: Path, exclude: tuple[Path, ...]) -> Iterable[Path]:
    """Workbook files under `folder`, skipping hidden folders and the excluded ones (e.g. OUTDIR)."""
    for root, dirs, files in os.walk(folder):
        root_path = Path(root)
        dirs[:] = [d for d in dirs if not d.startswith(".") and not _inside(root_path / d, exclude)]
        for name in files:
            candidate = root_path / name
            if _is_workbook_name(candidate):
                yield candidate


def _display_name(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def discover(inputs: Iterable[str | os.PathLike[str]], *, exclude: Iterable[str | os.PathLike[str]] = ()) -> Discovery:
    """Expand folders, globs and files into a sorted, de-duplicated list of workbooks.

    A file named explicitly is always included, whatever its extension (the reviewer asked for it,
    so a .txt renamed .xlsx is checked and reported as unreadable); folders and globs yield only
    .xlsx/.xlsm/.xls files. `exclude` folders (the batch's own output) are never entered.
    """
    excluded = tuple(Path(e).resolve() for e in exclude)
    found: dict[Path, Discovered] = {}
    result = Discovery()

    def add(path: Path, base: Path | None) -> None:
        resolved = path.resolve()
        if resolved not in found and not _inside(resolved, excluded):
            found[resolved] = Discovered(resolved, _display_name(resolved, base))

    for raw in inputs:
        text = os.fspath(raw)
        path = Path(text).expanduser()
        if path.is_dir():
            base = path.resolve()
            for f in _walk(base, excluded):
                add(f, base)
        elif path.is_file():
            add(path, path.resolve().parent)
        elif _GLOB_CHARS & set(text):
            matches = [Path(m) for m in glob.glob(os.path.expanduser(text), recursive=True)]
            hits = 0
            for m in matches:
                if m.is_file() and _is_workbook_name(m):
                    add(m, None)
                    hits += 1
                elif m.is_dir():
                    for f in _walk(m.resolve(), excluded):
                        add(f, m.resolve())
                        hits += 1
            if not hits:
                result.missing.append(text)
        else:
            result.missing.append(text)

    result.files = sorted(found.values(), key=lambda d: (str(d.path).lower(), str(d.path)))
    return result
