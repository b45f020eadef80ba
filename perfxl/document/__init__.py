"""Report documents (自评报告 .docx / .pdf): read their tables as Grids and their narrative as numbered
paragraphs, extract the narrative's facts, and put findings back as Word comments.

Only `facts`, `vocabulary`, `match` and `table_facts` are pure (no file access); the readers import
python-docx / pdfplumber lazily.
"""

from __future__ import annotations

from .read import DOCUMENT_SUFFIXES, is_document, read_document, read_source, to_submission

__all__ = ["DOCUMENT_SUFFIXES", "is_document", "read_document", "read_source", "to_submission"]
