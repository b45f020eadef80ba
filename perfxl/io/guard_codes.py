"""Every code the input gate (perfxl.io.guard*, perfxl.io.source) raises or reports, with zh/en titles.

One place the error catalogue can import: `GUARD_CODES[code] = (title_zh, title_en)`. The message
of each refusal says more (the part, the sizes, the limit and how to raise it); these titles name
the kind of problem. A test checks that every code the guard modules emit is listed here.
"""
from __future__ import annotations

from types import MappingProxyType

__all__ = ["GUARD_CODES", "READER_CODES", "FINDING_CODES"]

_CODES = {
    # the file itself
    "FILE_NOT_FOUND": ("找不到文件", "file not found"),
    "FILE_NOT_READABLE": ("无法读取文件（权限、不是普通文件等）", "the file cannot be read (permissions, not a regular file …)"),
    "FILE_EMPTY": ("文件是空的（0 字节）", "the file is empty (0 bytes)"),
    "FILE_TOO_LARGE": ("文件超过大小上限", "the file is over a size limit"),
    "FILE_ENCRYPTED": ("文件已加密（有密码）", "the file is password-protected"),
    "NOT_A_WORKBOOK": ("不是 perfxl 能读取的文件（说明实际内容）", "not a file perfxl can read (its real content is named)"),
    "DOC_LEGACY_FORMAT": ("旧版 Word .doc 格式，请另存为 .docx", "an old binary Word .doc; save it as .docx"),
    # ZIP packages (.xlsx/.xlsm/.xlsb/.ods/.docx)
    "ZIP_TRUNCATED": ("文件不完整（ZIP 目录缺失）", "truncated ZIP (no central directory)"),
    "ZIP_CORRUPT": ("压缩包已损坏（校验和、大小或结构错误）", "corrupt ZIP (CRC, size or structure)"),
    "ZIP_BOMB": ("疑似“压缩炸弹”（解压后过大或超过声明大小）", "suspected zip bomb (inflates too far, or past its declared size)"),
    "ZIP_OVERLAP": ("压缩包成员相互重叠", "overlapping ZIP members"),
    "ZIP_DUPLICATE_NAME": ("压缩包中有重名成员", "duplicate ZIP member names"),
    "ZIP_TOO_MANY_ENTRIES": ("压缩包成员过多", "too many ZIP members"),
    "ZIP_UNSUPPORTED": ("使用了不支持的压缩方式", "unsupported ZIP compression method"),
    "PART_TOO_LARGE": ("文件中某个结构部件过大", "a package part is too large"),
    "PART_MISSING": ("文件中缺少所需部件", "a required package part is missing"),
    "XML_DTD_FORBIDDEN": ("含有不安全的 XML 内容（DOCTYPE/ENTITY）", "unsafe XML (DOCTYPE/ENTITY declarations)"),
    "XML_MALFORMED": ("XML 格式错误", "malformed XML"),
    # workbooks
    "WORKBOOK_PART_MISSING": ("缺少工作簿主体", "the workbook part is missing"),
    "WORKBOOK_NO_SHEETS": ("工作簿中没有工作表", "the workbook has no sheet"),
    "SHEET_PART_MISSING": ("工作表的数据缺失", "a sheet's part is missing"),
    "TOO_MANY_SHEETS": ("工作表过多", "too many sheets"),
    "SHEET_TOO_LARGE": ("工作表数据区域超过上限", "a sheet's used range is over the cell limit"),
    "WORKBOOK_TOO_LARGE": ("工作簿单元格合计超过上限", "the workbook's cells together are over a limit"),
    "SHARED_STRINGS_INVALID": ("共享字符串表已损坏", "corrupt shared-string table"),
    "STRING_TOO_LONG": ("文本超过长度上限", "a text is over the length limit"),
    "OLE_CORRUPT": ("OLE 复合文件已损坏", "corrupt OLE compound file"),
    "XLS_CORRUPT": (".xls 文件已损坏", "corrupt .xls"),
    # report documents
    "DOCUMENT_TOO_LARGE": ("Word 文档正文超过大小上限", "the Word document body is over the size limit"),
    "PDF_BOMB": ("PDF 数据流解压后过大（疑似压缩炸弹）", "a PDF stream inflates too far (suspected bomb)"),
    "PDF_TOO_MANY_PAGES": ("PDF 页数超过上限", "too many PDF pages"),
}
#: Raised by perfxl.io.source when a parser fails on a file the guard let through.
_READER = {
    "FILE_DAMAGED": ("文件内部结构有误，读取组件无法解析", "the reader (python-calamine) could not parse the file"),
    "FILE_UNREADABLE": ("无法读取文件", "the file cannot be read"),
}
#: Findings (not refusals) the guard reports about a readable file.
_FINDINGS = {
    "SHEETS_ALL_HIDDEN": ("所有工作表都被隐藏", "every sheet is hidden"),
}

GUARD_CODES = MappingProxyType({**_CODES, **_READER, **_FINDINGS})
READER_CODES = frozenset(_READER)
FINDING_CODES = frozenset(_FINDINGS)
