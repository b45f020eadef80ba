"""What perfxl accepts as an input file: the name endings of workbooks and report documents, and the test that a
name is not a regular file that can be read (a pipe, a device, a link loop, a dangling link — never opened).

`perfxl validate` and `perfxl batch` share these; they live here, with the standard library only, so that a
one-workbook `perfxl validate` does not import the batch package (its discovery, runner and writers) to learn a list
of suffixes (start23, issue 14: ≈ 11 M instructions of a `perfxl validate` process).
"""

from __future__ import annotations

import errno
import os
import stat

__all__ = ["WORKBOOK_SUFFIXES", "DOCUMENT_SUFFIXES", "ACCEPTED_SUFFIXES", "not_regular"]

#: Workbook name endings (compared case-insensitively).
WORKBOOK_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm", ".xls")
#: Report documents (perfxl.document): .docx, .pdf, and .doc (converted by LibreOffice when installed,
#: else reported as unreadable with the reason, so a reviewer still sees the unit sent one).
DOCUMENT_SUFFIXES: tuple[str, ...] = (".docx", ".pdf", ".doc")
#: The one list of name endings a folder or glob is searched for (`perfxl batch` and `perfxl validate`).
ACCEPTED_SUFFIXES: tuple[str, ...] = WORKBOOK_SUFFIXES + DOCUMENT_SUFFIXES

_KINDS = (
    (stat.S_ISFIFO, "命名管道", "a named pipe (FIFO)"),
    (stat.S_ISCHR, "字符设备", "a character device"),
    (stat.S_ISBLK, "块设备", "a block device"),
    (stat.S_ISSOCK, "套接字", "a socket"),
)


def not_regular(path: str | os.PathLike[str]) -> tuple[str, str, str] | None:
    """(code, Chinese reason, English reason) when `path` exists as a name but is not a regular file
    that can be read (pipe, device, socket, link loop, dangling link); None for a regular file, a
    folder, or a name that does not exist at all."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return ("SYMLINK_LOOP", "符号链接形成循环，指不到任何文件，未读取", "a symbolic link loop; not read")
        if os.path.islink(path):
            return ("SYMLINK_BROKEN", "符号链接指向的文件不存在，未读取", "a symbolic link to nothing; not read")
        return None
    if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode):
        return None
    zh, en = next(((zh, en) for test, zh, en in _KINDS if test(st.st_mode)), ("特殊文件", "a special file"))
    return ("NOT_REGULAR_FILE", f"不是普通文件（{zh}），未读取", f"not a regular file ({en}); not read")
