"""Every code the input gate (perfxl.io.guard*, perfxl.io.source) raises or reports: titles, why, example.

The one place these codes are described; perfxl.rules.catalogue imports `GUARD_ENTRIES` into the
catalogue of all codes (`perfxl rules --kind file`, docs/rules/). `GUARD_CODES[code] = (title_zh,
title_en)` stays for the guard's own test. The message of each refusal says more (the part, the sizes,
the limit and how to raise it); these titles name the kind of problem. source.py's coverage notes on a file read
without its formats (READ_FORMATS_NOT_READ, READ_STYLES_NOT_READ: infos of the reader) are catalogued with the
reader's codes.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["GUARD_CODES", "GUARD_ENTRIES", "GUARD_SETTINGS", "READER_CODES", "FINDING_CODES"]

_BROKEN = "文件损坏时读出的数字不可信；拒绝读取比给出错误的校验结果更安全。"
_HOSTILE = "恶意构造的文件可能耗尽内存或磁盘；perfxl 在解析之前就拒绝它，服务器和批量检查因此不会被拖垮。"

# code: (title_zh, title_en, why_zh, example_input, example_message)
# fmt: off
_CODES: dict[str, tuple[str, str, str, str, str]] = {
    # the file itself
    "FILE_NOT_FOUND": ("找不到文件", "file not found", "命令行给出的路径不存在时，明确说出来，而不是报告“没有问题”。",
                       "perfxl validate 自评表.xlsx（文件名拼错）", "找不到文件"),
    "FILE_NOT_READABLE": ("无法读取文件（权限、不是普通文件等）", "the file cannot be read (permissions, not a regular file …)",
                          "没有读取权限或给的是文件夹时，文件没有被检查，不能当作通过。",
                          "对一个无读取权限的 .xlsx 运行校验", "无法读取文件（Permission denied）"),
    "FILE_EMPTY": ("文件是空的（0 字节）", "the file is empty (0 bytes)", "0 字节的文件通常是保存或拷贝失败，提交者需要重新导出。",
                   "0 字节的 自评表.xlsx", "文件是空的（0 字节），可能保存或拷贝失败，请重新导出后提交"),
    "FILE_TOO_LARGE": ("文件超过大小上限", "the file is over a size limit", "超大文件会占满内存；上限可用 PERFXL_MAX_FILE_BYTES 调整。",
                       "一个 150 MB 的工作簿",
                       "文件过大（150.0 MB），超过上限 100.0 MB；如确需读取，可设置环境变量 PERFXL_MAX_FILE_BYTES 提高上限（内存占用随之增加）"),
    "FILE_ENCRYPTED": ("文件已加密（有密码）", "the file is password-protected",
                       "加密文件的内容无法读取，需去除密码后重新提交。", "设置了打开密码的 .xlsx", "文件已加密，请去除密码后再提交"),
    "NOT_A_WORKBOOK": ("不是 perfxl 能读取的文件（说明实际内容）", "not a file perfxl can read (its real content is named)",
                       "扩展名与内容不符（如把 PDF 改名为 .xlsx）时，说出文件的真实内容，便于提交者改正。",
                       "改名为 .xlsx 的 PDF 文件", "这不是 Excel 工作簿：文件内容是PDF 文档，目前无法读取这种文件"),
    "DOC_LEGACY_FORMAT": ("旧版 Word .doc 格式，请另存为 .docx", "an old binary Word .doc; save it as .docx",
                          "旧版 .doc 是二进制格式，perfxl 只读 .docx；另存一次即可。",
                          "2003 版 自评报告.doc", "旧版 Word .doc 格式，无法直接读取；请用 Word 或 WPS 打开后“另存为” .docx 再提交"),
    # ZIP packages (.xlsx/.xlsm/.xlsb/.ods/.docx)
    "ZIP_TRUNCATED": ("文件不完整（ZIP 目录缺失）", "truncated ZIP (no central directory)", _BROKEN,
                      "下载中断、只有前一半的 .xlsx", "文件不完整（ZIP 目录缺失），可能下载或拷贝时中断，请重新获取原文件"),
    "ZIP_CORRUPT": ("压缩包已损坏（校验和、大小或结构错误）", "corrupt ZIP (CRC, size or structure)", _BROKEN,
                    "某个成员校验和错误的 .xlsx", "文件已损坏（校验和错误：xl/worksheets/sheet1.xml），请重新获取原文件"),
    "ZIP_BOMB": ("疑似“压缩炸弹”（解压后过大或超过声明大小）", "suspected zip bomb (inflates too far, or past its declared size)",
                 _HOSTILE, "10 KB 的 .xlsx 解压后超过 512 MB", "文件疑似“压缩炸弹”：解压后共 4096 MB，超过上限 512 MB"),
    "ZIP_OVERLAP": ("压缩包成员相互重叠", "overlapping ZIP members", _HOSTILE,
                    "成员数据区相互重叠的 .xlsx", "文件结构异常：压缩包成员 xl/styles.xml 与其他成员重叠或超出文件末尾（文件损坏或为恶意构造）"),
    "ZIP_DUPLICATE_NAME": ("压缩包中有重名成员", "duplicate ZIP member names", "同名成员会让不同程序读到不同内容，校验结果不可信。",
                           "含两个 xl/workbook.xml 的 .xlsx", "文件结构异常：压缩包中有重名成员 xl/workbook.xml"),
    "ZIP_AMBIGUOUS": ("压缩包目录有歧义（不同软件读出不同内容）", "ambiguous ZIP directory (readers would see different contents)",
                      "两个结尾记录、与 zip64 记录不一致或改名的成员会让 perfxl 检查的内容与读取组件读到的内容不同，校验结果不可信。",
                      "末尾又拼接了一个小工作簿的 .xlsx", "文件结构异常：压缩包目录有歧义（文件中有两个压缩包结尾记录），不同软件会读出不同的内容，已拒绝读取"),
    "ZIP_TOO_MANY_ENTRIES": ("压缩包成员过多", "too many ZIP members", _HOSTILE,
                             "含 20000 个成员的 .xlsx", "压缩包成员过多（20000 个，上限 10000）"),
    "ZIP_UNSUPPORTED": ("使用了不支持的压缩方式", "unsupported ZIP compression method", "Excel 只用 Deflate 压缩；其他方式说明文件不是 Excel 保存的。",
                        "用 bzip2 压缩成员的 .xlsx", "文件使用了 Excel 不用的压缩方式（12），请用 Excel 重新保存"),
    "PART_TOO_LARGE": ("文件中某个结构部件过大", "a package part is too large", _HOSTILE,
                       "一个解压后 200 MB 的工作表部件", "文件结构异常：xl/worksheets/sheet1.xml 过大（209,715,200 字节）"),
    "PART_MISSING": ("文件中缺少所需部件", "a required package part is missing", _BROKEN,
                     "缺少 word/document.xml 的 .docx", "文件中缺少 word/document.xml"),
    "XML_DTD_FORBIDDEN": ("含有不安全的 XML 内容（DOCTYPE/ENTITY）", "unsafe XML (DOCTYPE/ENTITY declarations)",
                          "实体声明可用于读取服务器文件或耗尽内存（XXE、“十亿笑”攻击）；Excel 从不生成它。",
                          "xl/workbook.xml 中含 <!DOCTYPE …>", "文件含有不安全的 XML 内容：xl/workbook.xml 中有文档类型声明 (DOCTYPE)，Excel 和 Word 不会生成这种内容，已拒绝读取"),
    "XML_MALFORMED": ("XML 格式错误", "malformed XML", _BROKEN,
                      "xl/workbook.xml 标签未闭合", "文件“自评表.xlsx”已损坏：其中的工作簿结构（工作表列表）（xl/workbook.xml）不是有效的 XML，无法读取；请用 Excel、Word 或 WPS 打开该文件，另存后重新提交"),
    # workbooks
    "WORKBOOK_PART_MISSING": ("缺少工作簿主体", "the workbook part is missing", _BROKEN,
                              "缺少 xl/workbook.xml 的 .xlsx", "文件已损坏：缺少工作簿主体 (xl/workbook.xml)，请用 Excel 重新保存后提交"),
    "WORKBOOK_NO_SHEETS": ("工作簿中没有工作表", "the workbook has no sheet", "没有工作表就没有可检查的内容。",
                           "workbook.xml 中 <sheets/> 为空", "工作簿中没有工作表"),
    "SHEET_PART_MISSING": ("工作表的数据缺失", "a sheet's part is missing", _BROKEN,
                           "“自评表”指向的 sheet1.xml 不存在", "文件已损坏：工作表“自评表”的数据 (xl/worksheets/sheet1.xml) 缺失，请用 Excel 重新保存后提交"),
    "TOO_MANY_SHEETS": ("工作表过多", "too many sheets", _HOSTILE, "含 1500 张工作表的工作簿", "工作表过多（1500 个，上限 1000）"),
    "SHEET_TOO_LARGE": ("工作表数据区域超过上限", "a sheet's used range is over the cell limit",
                        "远端误填的一个单元格会让数据区域膨胀到上亿单元格；上限可用 PERFXL_MAX_CELLS_PER_SHEET 调整。",
                        "XFD1048576 处误填了一个空格", "工作表“自评表”的数据区域过大（延伸到 XFD1048576，约 17,179,869,184 个单元格，上限 2,000,000）；请删除远端的多余单元格后再提交。"),
    "WORKBOOK_TOO_LARGE": ("工作簿单元格合计超过上限", "the workbook's cells together are over a limit",
                           "所有工作表合计过大时读取会耗尽内存；上限可用 PERFXL_MAX_CELLS_PER_WORKBOOK 等调整。",
                           "50 张各 10 万单元格的工作表", "工作簿过大：各工作表数据区域合计 5,000,000 个单元格，超过上限 2,000,000；请删除不需要的工作表或多余的行后再提交"),
    "SHARED_STRINGS_INVALID": ("共享字符串表已损坏", "corrupt shared-string table", _BROKEN,
                               "单元格引用第 500 个共享字符串，表中只有 300 项", "文件已损坏：单元格引用了第 500 个共享字符串，但共享字符串表只有 300 项"),
    "STRING_TOO_LONG": ("文本超过长度上限", "a text is over the length limit", "Excel 单元格最多 32767 个字符，更长的文本说明文件不是 Excel 生成的。",
                        "一个 1 MB 的共享字符串", "文件中有超长文本（1,048,576 字节，上限 262,144；Excel 单元格最多 32767 个字符）"),
    "OLE_CORRUPT": ("OLE 复合文件已损坏", "corrupt OLE compound file", _BROKEN,
                    "扇区表损坏的 .xls", "文件已损坏，无法作为 Excel 97-2003 工作簿 (.xls) 读取"),
    "XLS_CORRUPT": (".xls 文件已损坏", "corrupt .xls", _BROKEN, "记录被截断的 .xls", "文件已损坏或不完整（.xls 记录被截断）"),
    # report documents
    "DOCUMENT_TOO_LARGE": ("Word 文档正文超过大小上限", "the Word document body is over the size limit",
                           "正文（或样式、页眉等任一 XML 部件）过大的 .docx 读取时内存占用巨大；上限可用 PERFXL_MAX_DOCUMENT_BYTES 调整。",
                           "word/document.xml 解压后 50 MB", "Word 文档正文（word/document.xml）过大（50.0 MB，上限 6 MB）；如确需读取，可设置环境变量 PERFXL_MAX_DOCUMENT_BYTES 提高上限（内存占用随之增加）"),
    "PDF_BOMB": ("PDF 数据流解压后过大（疑似压缩炸弹）", "a PDF stream inflates too far (suspected bomb)", _HOSTILE,
                 "一个解压后超过 64 MB 的 PDF 数据流", "PDF 文件中有一个数据流解压后超过 64 MB（位于第 1024 字节），疑似“压缩炸弹”，已停止读取"),
    "PDF_TOO_MANY_PAGES": ("PDF 页数超过上限", "too many PDF pages", "自评报告不会有上千页；上限可用 PERFXL_MAX_PDF_PAGES 调整。",
                           "5000 页的 PDF", "PDF 页数过多（5,000 页，上限 1,000）；如确需读取，可设置环境变量 PERFXL_MAX_PDF_PAGES 提高上限"),
    "PDF_TOO_MANY_OBJECTS": ("PDF 声明的对象过多", "a PDF declares too many objects",
                             "交叉引用表的每个对象都占内存，声明上亿个对象的 PDF（恶意构造）会拖垮读取；上限可用 PERFXL_MAX_PDF_OBJECTS 调整。",
                             "交叉引用流声明 1 亿个对象的 200 字节 PDF",
                             "PDF 的交叉引用表声明的对象过多（超过 200,000 个，正常报告不过数万个），无法安全读取"),
    "PDF_OBJECT_TOO_LARGE": ("PDF 中的数组、字典或操作数过多", "a PDF array, dictionary or run of operands is too large",
                             "解析器同时持有的每一项都占内存，一个几 KB 的 PDF 可在数据流里写下数百万项的数组（恶意构造）拖垮读取；上限可用 PERFXL_MAX_PDF_STACK_ITEMS 调整。",
                             "内容流中一个 200 万项数组的 8 KB PDF",
                             "PDF 中的数组、字典或一串操作数过大（同时超过 500,000 项，正常报告不过数百项），无法安全读取"),
    "PDF_PAGE_TOO_DENSE": ("PDF 某页文字过多", "a PDF page shows too many glyphs",
                           "每个字符都占内存和时间，一页几十万字符的 PDF（恶意构造）会拖垮读取；上限可用 PERFXL_MAX_PDF_PAGE_CHARS 调整。",
                           "一页显示 100 万个字符的 PDF",
                           "PDF 第 1 页的文字过多（超过 30,000 个字符，正常报告一页不过数千字），无法安全读取"),
    "PDF_TABLES_TOO_LARGE": ("PDF 表格中的文字过多", "too much text in a PDF's tables",
                             "表格里的每个字符都要保留到跨页表格拼接完毕，每个约占 0.65 KB 内存；上千页满是表格的 PDF（恶意构造）会耗尽内存。上限可用 PERFXL_MAX_PDF_TABLE_CHARS 调整。",
                             "1,000 页、每页 2 万字表格的 PDF",
                             "PDF 表格中的文字过多（至第 25 页已超过 500,000 个字符，正常报告不过数万个），无法安全读取"),
}
#: Raised by perfxl.io.source when a parser fails on a file the guard let through.
_READER: dict[str, tuple[str, str, str, str, str]] = {
    "FILE_DAMAGED": ("文件内部结构有误，读取组件无法解析", "the reader (python-calamine) could not parse the file", _BROKEN,
                     "结构前后矛盾的 .xlsx", "“自评表.xlsx”的工作表数据内部不一致（文件可能已损坏）。请用 Excel 打开该文件、另存为 .xlsx 后重新提交。"),
    "FILE_UNREADABLE": ("无法读取文件", "the file cannot be read", "读不了的文件没有被检查，必须明确列出，不能算作通过。",
                        "读取组件报错的工作簿", "无法读取工作簿“自评表.xlsx”（文件可能已损坏、已加密或不是 Excel 文件）；请用 Excel 或 WPS 打开该文件，另存为 .xlsx 后重新提交"),
}
#: Findings (not refusals) the guard reports about a readable file.
_FINDINGS: dict[str, tuple[str, str, str, str, str]] = {
    "SHEETS_ALL_HIDDEN": ("所有工作表都被隐藏", "every sheet is hidden", "Excel 不会保存所有表都隐藏的文件，说明文件被程序改过，需确认提交的是正确的文件。",
                          "两张工作表都设为隐藏", "工作簿中所有工作表都被隐藏（自评表、基础数据表），请确认提交的是正确的文件"),
}
# fmt: on

#: Which limit (environment variable) raises the bound behind a code, for the docs' settings section.
GUARD_SETTINGS = MappingProxyType(
    {
        "FILE_TOO_LARGE": "PERFXL_MAX_FILE_BYTES",
        "ZIP_BOMB": "PERFXL_MAX_UNCOMPRESSED_BYTES, PERFXL_MAX_COMPRESSION_RATIO",
        "ZIP_TOO_MANY_ENTRIES": "PERFXL_MAX_ENTRIES",
        "PART_TOO_LARGE": "PERFXL_MAX_PART_BYTES",
        "TOO_MANY_SHEETS": "PERFXL_MAX_SHEETS",
        "SHEET_TOO_LARGE": "PERFXL_MAX_CELLS_PER_SHEET, PERFXL_MAX_MARKUP_CELLS",
        "WORKBOOK_TOO_LARGE": "PERFXL_MAX_CELLS_PER_WORKBOOK, PERFXL_MAX_ROWS_PER_WORKBOOK, PERFXL_MAX_VALUES_PER_WORKBOOK, PERFXL_MAX_MARKUP_BYTES, PERFXL_MAX_TEXT_BYTES",
        "STRING_TOO_LONG": "PERFXL_MAX_STRING_BYTES",
        "DOCUMENT_TOO_LARGE": "PERFXL_MAX_DOCUMENT_BYTES",
        "PDF_BOMB": "PERFXL_MAX_PDF_STREAM_BYTES, PERFXL_MAX_UNCOMPRESSED_BYTES",
        "PDF_TOO_MANY_PAGES": "PERFXL_MAX_PDF_PAGES",
        "PDF_PAGE_TOO_DENSE": "PERFXL_MAX_PDF_PAGE_CHARS",
        "PDF_TOO_MANY_OBJECTS": "PERFXL_MAX_PDF_OBJECTS",
        "PDF_OBJECT_TOO_LARGE": "PERFXL_MAX_PDF_STACK_ITEMS",
        "PDF_TABLES_TOO_LARGE": "PERFXL_MAX_PDF_TABLE_CHARS",
        "DOC_LEGACY_FORMAT": "PERFXL_MAX_SOFFICE_BYTES",
    }
)

#: code → (title_zh, title_en, why_zh, example_input, example_message), in this order: refusals, reader, findings.
GUARD_ENTRIES = MappingProxyType({**_CODES, **_READER, **_FINDINGS})
GUARD_CODES = MappingProxyType({code: (e[0], e[1]) for code, e in GUARD_ENTRIES.items()})
READER_CODES = frozenset(_READER)
FINDING_CODES = frozenset(_FINDINGS)
