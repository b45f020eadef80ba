"""The macro-enabled standard workbook, built on Linux: package structure, ribbon ↔ VBA callbacks,
VBA sources equal the .bas files in git, the xlwings runtime matches the installed xlwings, and
LibreOffice opens and recalculates it without losing sheets or values."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from perfxl.excel.classic import UDF_MODULE_NAME
from perfxl.excel.xlsm_build import (
    CONF_SHEET,
    PERFXL_DOCUMENT_BODIES,
    PERFXL_MODULES,
    RIBBON_NS,
    RIBBON_REL_TYPE,
    RIBBON_XML,
    VBA_DIR,
    build_xlsm,
    normalise_vba,
)

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "workbooks" / "perfxl-standard.xlsm"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("xlsm") / "perfxl-standard.xlsm"
    written = build_xlsm(out)
    assert written is not None and written.sheets
    return out


def _zip(path: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(path.read_bytes()))


def _modules(path: Path) -> dict[str, str]:
    """VBA module sources read back with oletools' olevba (independent of pyopenvba, which wrote them)."""
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(path))
    try:
        return {name.rsplit(".", 1)[0]: code for _, stream, name, code in parser.extract_macros()}
    finally:
        parser.close()


# ---------------------------------------------------------------- package structure


def test_zip_integrity_and_macro_content_type(built):
    z = _zip(built)
    assert z.testzip() is None
    types = ET.fromstring(z.read("[Content_Types].xml"))
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{{{CT}}}Override")}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.iter(f"{{{CT}}}Default")}
    assert overrides["/xl/workbook.xml"] == "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    assert "application/vnd.ms-office.vbaProject" in (overrides.get("/xl/vbaProject.bin"), defaults.get("bin"))
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    assert 'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"' in rels


def test_ribbon_relationship_and_namespace_agree(built):
    z = _zip(built)
    rels = ET.fromstring(z.read("_rels/.rels"))
    ribbon = [r for r in rels.iter(f"{{{PKG_RELS}}}Relationship") if r.get("Type") == RIBBON_REL_TYPE]
    assert len(ribbon) == 1
    target = ribbon[0].get("Target").lstrip("/")
    assert target == "customUI/customUI14.xml"  # customUI14 ↔ the 2009/07 namespace
    root = ET.fromstring(z.read(target))
    assert root.tag == f"{{{RIBBON_NS}}}customUI"
    assert z.read(target) == RIBBON_XML.read_bytes()
    tab = next(root.iter(f"{{{RIBBON_NS}}}tab"))
    assert tab.get("label") == "绩效自评"
    labels = [b.get("label") for b in root.iter(f"{{{RIBBON_NS}}}button")]
    assert labels == ["校验", "复核得分", "清除标记", "帮助"]


def test_every_on_action_has_a_ribbon_sub(built):
    root = ET.fromstring(RIBBON_XML.read_bytes())
    actions = {el.get("onAction") for el in root.iter() if el.get("onAction")}
    assert actions == {"OnValidate", "OnScore", "OnClear", "OnHelp"}
    source = _modules(built)["perfxl"]
    for action in actions:
        assert re.search(rf"^\s*(Public\s+)?Sub {action}\(control As IRibbonControl\)", source, re.M), action


def test_vba_modules_read_back_equal_the_bas_files(built):
    modules = _modules(built)
    for name in PERFXL_MODULES:
        assert normalise_vba(modules[name]) == normalise_vba((VBA_DIR / f"{name}.bas").read_text(encoding="utf-8"))
    assert "Module1" not in modules  # the quickstart sample is gone
    for name in PERFXL_DOCUMENT_BODIES:  # document modules: Excel's header, then our body
        body = normalise_vba((VBA_DIR / f"{name}.bas").read_text(encoding="utf-8"))
        assert normalise_vba(modules[name]).endswith(body)
    import pyopenvba

    with pyopenvba.ExcelFile(built) as wb:
        assert wb.validate() == []
        for name in PERFXL_MODULES:
            assert normalise_vba(wb.get_module(name)) == normalise_vba(modules[name])


def test_help_text_literals_decode_to_chinese():
    source = (VBA_DIR / "perfxl.bas").read_text(encoding="utf-8")
    literals = re.findall(r'PerfxlText\("([0-9A-F]+)"\)', source)
    assert literals and all(len(h) % 4 == 0 for h in literals)
    text = "".join(chr(int(h[i : i + 4], 16)) for h in literals for i in range(0, len(h), 4))
    for word in ("校验", "复核得分", "清除标记", 'pip install "perfxl[excel]"', "docs/excel.md"):
        assert word in text


def test_macros_call_python_entry_points_that_exist(built):
    from perfxl.excel import macros

    source = _modules(built)["perfxl"]
    for entry in re.findall(r'PERFXL_MACROS & "(\w+)\(\)"', source):
        assert callable(getattr(macros, entry))
    assert {"run_validate", "run_score", "run_clear"} <= set(re.findall(r'"(run_\w+)\(\)"', source))


def _installed_xlwings() -> str:
    import xlwings

    return xlwings.__version__


@pytest.mark.parametrize("which", ["built", "committed"])
def test_embedded_xlwings_version_is_the_installed_one(which, built):
    path = built if which == "built" else COMMITTED
    if which == "committed" and not path.exists():
        pytest.fail(f"{path} missing: run python excel/build_xlsm.py")
    header = _modules(path)["xlwings"]
    version = re.search(r"^'Version: (\S+)", header, re.M).group(1)
    assert version == _installed_xlwings(), "rebuild the workbook after an xlwings upgrade: python excel/build_xlsm.py"


def test_committed_workbook_modules_equal_the_bas_files():
    modules = _modules(COMMITTED)
    for name in PERFXL_MODULES:
        assert normalise_vba(modules[name]) == normalise_vba((VBA_DIR / f"{name}.bas").read_text(encoding="utf-8"))


def test_code_names_have_document_modules(built):
    z = _zip(built)
    book = z.read("xl/workbook.xml").decode()
    assert 'codeName="ThisWorkbook"' in book
    assert "fullCalcOnLoad" not in book  # cached PERF_* values survive opening
    sheet_parts = sorted(n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n))
    code_names = [re.search(rb'<sheetPr[^>]*codeName="([^"]+)"', z.read(n)).group(1).decode() for n in sheet_parts]
    modules = _modules(built)
    assert all(name in modules for name in code_names) and "ThisWorkbook" in modules


def test_conf_sheet_is_active_and_names_an_importable_udf_module(built):
    import importlib

    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(built))
    assert CONF_SHEET in wb.sheet_names and "_xlwings.conf" not in wb.sheet_names
    rows = wb.get_sheet_by_name(CONF_SHEET).to_python()
    conf = {r[0]: r[1] for r in rows if r and r[0]}
    assert conf["UDF Modules"] == UDF_MODULE_NAME
    module = importlib.import_module(UDF_MODULE_NAME)
    wrappers = re.findall(r"^Function (\w+)\(", _modules(built)["xlwings_udfs"], re.M)
    assert wrappers and all(callable(getattr(module, name)) for name in wrappers)


def _conf_block(path: Path) -> list[list]:
    """The xlwings.conf rows the xlwings VBA reads: from A1 down to the first empty A cell."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(CONF_SHEET).to_python()
    block = []
    for row in rows:
        if not row or row[0] in ("", None):
            break
        block.append(row)
    return block


@pytest.mark.parametrize("which", ["built", "committed"])
def test_macros_run_in_the_persistent_udf_server(which, built):
    """A 校验 click runs in xlwings' persistent Python process (the one serving the PERF_* UDFs), not in
    a new python.exe per click: the workbook's xlwings.conf sets `Use UDF Server` to TRUE, and the
    embedded xlwings VBA reads that key and then sends RunPython's command to the UDF server."""
    path = built if which == "built" else COMMITTED
    conf = {row[0]: row[1] for row in _conf_block(path)}
    assert conf.get("Use UDF Server") is True  # a real boolean cell, as in xlwings' own quickstart sheet

    runtime = _modules(path)["xlwings"]
    # GetConfigFromSheet keys the sheet's rows by UCase(key): "Use UDF Server" is found as "USE UDF SERVER"
    assert "d.Add UCase(cell.Value), cell.Offset(0, 1).Value" in runtime
    assert 'OPTIMIZED_CONNECTION = GetConfig("USE UDF SERVER", False)' in runtime
    # ... and RunPython then hands the caller book over and executes the command in the UDF server
    optimized = re.search(
        r"If OPTIMIZED_CONNECTION = True Then(.*?)\n\s*Else\s*\n\s*RunPython = ExecuteWindows", runtime, re.S
    )
    assert optimized, "xlwings' RunPython no longer has the UDF-server branch: re-check the setting"
    assert 'XLPy.SetAttr XLPy.Module("xlwings._xlwindows"), "BOOK_CALLER", ThisWorkbook' in optimized.group(1)
    assert "XLPy.Exec" in optimized.group(1)

    # every button's macro goes through RunPython (so through that branch), and Book.caller() in the
    # server process picks up the book handed over
    macros = _modules(path)["perfxl"]
    for sub in ("PerfxlValidate", "PerfxlScore", "PerfxlClearMarks"):
        body = re.search(rf"Public Sub {sub}\(\)(.*?)End Sub", macros, re.S).group(1)
        assert body.strip().startswith("RunPython "), sub
    import inspect

    import xlwings

    assert "_xlwindows.BOOK_CALLER" in inspect.getsource(xlwings.Book.caller)


def test_excel_install_brings_no_library_that_import_xlwings_would_load():
    """`import xlwings` imports pandas, numpy, polars, matplotlib, Pillow and plotly whenever they are
    installed (about 0.5–0.9 s more per cold 校验 click, bench/bench_click.py). `pip install
    "perfxl[excel]"` on Windows must install none of them: pyproject's core and excel requirements,
    followed through the installed packages' own metadata."""
    import tomllib
    from importlib.metadata import PackageNotFoundError, requires

    from packaging.markers import default_environment
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    windows = {
        **default_environment(),
        "sys_platform": "win32",
        "platform_system": "Windows",
        "os_name": "nt",
        "extra": "",
    }
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["excel"]]
    seen: set[str] = set()
    while todo:
        req = todo.pop()
        if req.marker is not None and not any(req.marker.evaluate({**windows, "extra": e}) for e in ("", *req.extras)):
            continue
        name = canonicalize_name(req.name)
        if name in seen:
            continue
        seen.add(name)
        try:
            todo += [
                r
                for r in map(Requirement, requires(req.name) or [])
                if r.marker is None or any(r.marker.evaluate({**windows, "extra": e}) for e in ("", *req.extras))
            ]
        except PackageNotFoundError:  # Windows-only, not installed on Linux; neither has requirements
            assert name in {"pywin32", "colorama"}, f"{req.name} is not installed here: cannot follow its requirements"
    assert "xlwings" in seen
    assert not seen & {"pandas", "numpy", "polars", "matplotlib", "pillow", "plotly"}


def test_score_cells_hold_perf_score_with_cached_values(built):
    from xlsx_load import load_workbook

    formulas = load_workbook(built, keep_vba=False)
    perf = [
        (ws.title, c.coordinate)
        for ws in formulas.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and "PERF_SCORE(" in c.value
    ]
    assert perf, "the standard workbook's 得分 cells use =PERF_SCORE(...)"


# ---------------------------------------------------------------- LibreOffice


def _values(path: Path) -> dict[str, list[list]]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    return {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}


@pytest.mark.libreoffice
def test_libreoffice_opens_and_recalculates_without_losing_sheets_or_values(built, tmp_path):
    from perfxl.workbook.recalc import convert, soffice_path

    if soffice_path() is None:
        pytest.fail("LibreOffice (soffice) is required for this check")
    out = convert(built, "xlsx", tmp_path, recalc=True)
    before, after = _values(built), _values(out)
    assert list(after) == list(before)
    for name in before:
        assert _trimmed(after[name]) == _trimmed(before[name]), name


def _trimmed(rows: list[list]) -> list[list]:
    def norm(v):
        if isinstance(v, float) and v.is_integer():
            return int(v)
        return v

    rows = [[norm(v) for v in r] for r in rows]
    while rows and all(v in ("", None) for v in rows[-1]):
        rows.pop()
    width = max((max((j + 1 for j, v in enumerate(r) if v not in ("", None)), default=0) for r in rows), default=0)
    return [(r + [""] * width)[:width] for r in rows]


def test_excel_extra_pins_the_xlwings_of_the_committed_workbook():
    """The .xlsm's VBA loads xlwings64-<version>.dll from the user's Python: `pip install
    "perfxl[excel]"` must install exactly that xlwings."""
    import tomllib

    extra = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"][
        "excel"
    ]
    pin = next(d for d in extra if d.startswith("xlwings"))
    embedded = re.search(r"^'Version: (\S+)", _modules(COMMITTED)["xlwings"], re.M).group(1)
    assert pin == f"xlwings=={embedded}"


def test_committed_workbook_is_current(built):
    """workbooks/perfxl-standard.xlsm holds what the build makes now (sheets, values, VBA): rebuild
    with python excel/build_xlsm.py after changing the template, the .bas files or xlwings."""
    assert _values(COMMITTED) == _values(built)
    fresh, committed = _modules(built), _modules(COMMITTED)
    assert {k: normalise_vba(v) for k, v in committed.items()} == {k: normalise_vba(v) for k, v in fresh.items()}
