"""Build workbooks/perfxl-standard.xlsm on Linux (no Excel): `python excel/build_xlsm.py [--out PATH]`.

The work is in `perfxl.excel.xlsm_build`: xlwings' own VBA runtime from the installed wheel,
perfxl's modules from excel/vba/*.bas (the generated ones refreshed first), the standard sheets
from the workbook generator, and the ribbon from excel/ribbon/customUI14.xml, injected last.
Rebuild after every xlwings upgrade.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "workbooks" / "perfxl-standard.xlsm")
    parser.add_argument("--check", action="store_true",
                        help="fail if a generated excel/vba/*.bas differs from what the code generates now")
    args = parser.parse_args(argv)

    import xlwings

    from perfxl.excel.xlsm_build import build_xlsm, regenerate_modules

    stale = regenerate_modules(check=args.check)
    if stale and args.check:
        print(f"stale generated VBA modules: {', '.join(stale)} (run without --check)", file=sys.stderr)
        return 1
    for name in stale:
        print(f"regenerated excel/vba/{name}.bas")
    build_xlsm(args.out)
    print(f"wrote {args.out} (xlwings {xlwings.__version__})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
