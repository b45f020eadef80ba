"""Say what a file that is not a workbook looks like (CSV, HTML, PDF…), so the message can help.

Finance staff often rename a .csv or a system's HTML export to .xlsx; telling them what the file
really is, and how to fix it (另存为 .xlsx), saves a round of emails.
"""

from __future__ import annotations

from perfxl.records import record

__all__ = ["describe_content", "Looks"]


_SIGNATURES: tuple[tuple[bytes, str, str, str], ...] = (
    (b"%PDF", "pdf", "PDF 文档", "a PDF document"),
    (b"\x89PNG", "image", "PNG 图片", "a PNG image"),
    (b"\xff\xd8\xff", "image", "JPEG 图片", "a JPEG image"),
    (b"GIF8", "image", "GIF 图片", "a GIF image"),
    (b"BM", "image", "BMP 图片", "a BMP image"),
    (b"Rar!", "archive", "RAR 压缩包", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive", "7z 压缩包", "a 7z archive"),
    (b"\x1f\x8b", "archive", "gzip 压缩文件", "a gzip file"),
    (b"{\\rtf", "rtf", "RTF 文档", "an RTF document"),
)


@record(frozen=True, slots=True)
class Looks:
    """What the bytes look like: a short kind ("csv", "html"…) and zh/en descriptions."""

    kind: str
    zh: str
    en: str


def _decode(head: bytes) -> str | None:
    """The head as text when it plausibly is text (UTF-8/16 with or without BOM, GB18030), else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head.decode("utf-16", errors="ignore")
        except UnicodeError:  # pragma: no cover - 'ignore' cannot fail, kept for safety
            return None
    if b"\x00" in head:
        return None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = head.decode(enc)
        except UnicodeDecodeError as exc:
            if exc.start > len(head) - 4:  # a multi-byte character cut at the end of the sample
                text = head[: exc.start].decode(enc, errors="ignore")
            else:
                continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
        if controls <= len(text) // 100:
            return text
    return None


def _delimiter(lines: list[str]) -> str | None:
    """The column delimiter when most lines split into the same number (≥2) of fields."""
    for delim, _name in ((",", "逗号"), ("\t", "制表符"), (";", "分号"), ("，", "全角逗号")):
        counts = [line.count(delim) for line in lines]
        if counts and counts[0] >= 1 and sum(1 for c in counts if c == counts[0]) >= max(1, len(counts) * 2 // 3):
            return delim
    return None


_DELIM_NAMES = {
    ",": ("逗号", "comma"),
    "\t": ("制表符", "tab"),
    ";": ("分号", "semicolon"),
    "，": ("全角逗号", "full-width comma"),
}


def describe_content(head: bytes) -> Looks:
    """Classify the first bytes of a file that is neither a ZIP nor an OLE compound file."""
    for magic, kind, zh, en in _SIGNATURES:
        if head.startswith(magic):
            return Looks(kind, zh, en)
    text = _decode(head)
    if text is None:
        return Looks("binary", "无法识别的二进制数据", "unrecognised binary data")
    stripped = text.lstrip().lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in stripped[:4000]:
        return Looks("xml2003", "Excel 2003 XML 表格 (SpreadsheetML)", "an Excel 2003 XML spreadsheet")
    if stripped.startswith(("<!doctype html", "<html", "<table", "<meta")) or "<html" in stripped[:2000]:
        return Looks(
            "html", "HTML 网页（常见于业务系统导出的“假 Excel”）", "an HTML page (a common 'fake Excel' export)"
        )
    if stripped.startswith(("<?xml", "<")):
        return Looks("xml", "XML 文本", "XML text")
    if not stripped:
        return Looks("blank", "只有空白字符的文本", "text holding only whitespace")
    lines = [line for line in text.splitlines() if line.strip()][:20]
    if len(lines) > 1 and lines[-1] == text.splitlines()[-1] and len(head) >= 4096:
        lines = lines[:-1]  # the last sampled line may be cut short
    delim = _delimiter(lines)
    if delim is not None:
        zh_name, en_name = _DELIM_NAMES[delim]
        return Looks("csv", f"CSV 文本（{zh_name}分隔）", f"CSV text ({en_name}-separated)")
    return Looks("text", "纯文本", "plain text")
