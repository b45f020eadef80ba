"""`python -m perfxl.workbook.build [OUTDIR]`: regenerate every file under workbooks/ deterministically.

Writes workbooks/perfxl-standard.xlsx (the blank standard workbook, all sheets) and
workbooks/examples/longhui-2023-kegongxin.xlsx (the seed report, typed values only). Document
timestamps are fixed, so rebuilding gives files whose cells, merges and formulas can be diffed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .seed import seed_content
from .shape import Shape
from .snapshot import diff_snapshots, snapshot
from .template import TEMPLATE_SHAPE, template_content
from .writer import WrittenWorkbook, write_content

__all__ = ["STANDARD_FILE", "EXAMPLE_FILE", "build_all", "build_standard", "build_example", "default_root", "check"]

STANDARD_FILE = Path("perfxl-standard.xlsx")
EXAMPLE_FILE = Path("examples") / "longhui-2023-kegongxin.xlsx"

#: The seed example is a transcription: typed values, no formulas, no dropdowns added.
EXAMPLE_SHAPE = Shape(dropdowns=False)


def default_root() -> Path:
    """The repository's workbooks/ directory."""
    return Path(__file__).resolve().parents[2] / "workbooks"


def build_standard(root: Path) -> WrittenWorkbook:
    return write_content(root / STANDARD_FILE, template_content(), TEMPLATE_SHAPE)


def build_example(root: Path) -> WrittenWorkbook:
    return write_content(root / EXAMPLE_FILE, seed_content(), EXAMPLE_SHAPE)


def build_all(root: Path | None = None) -> list[WrittenWorkbook]:
    """Write both files under `root` (default: the repo's workbooks/)."""
    root = root or default_root()
    return [build_standard(root), build_example(root)]


def check(root: Path | None = None) -> list[str]:
    """Rebuild into a temp dir and list differences from the files under `root` (empty = reproduced)."""
    root = root or default_root()
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="perfxl-build-") as tmp:
        for written in build_all(Path(tmp)):
            committed = root / written.path.relative_to(tmp)
            if not committed.exists():
                problems.append(f"missing: {committed}")
                continue
            problems += [f"{committed.name}: {p}" for p in diff_snapshots(snapshot(committed), snapshot(written.path))]
    return problems


def main(argv: list[str] | None = None) -> int:
    """Build into OUTDIR (default workbooks/); with --check, only report differences (exit 1 if any)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--check" in args:
        args.remove("--check")
        problems = check(Path(args[0]) if args else None)
        for p in problems:
            sys.stdout.write(f"{p}\n")
        sys.stdout.write("workbooks reproduced\n" if not problems else f"{len(problems)} difference(s)\n")
        return 1 if problems else 0
    root = Path(args[0]) if args else default_root()
    for written in build_all(root):
        sys.stdout.write(f"wrote {written.path} ({', '.join(written.sheets)})\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
