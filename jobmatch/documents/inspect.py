"""Read every text part back out of a DOCX or PDF, for the guard and for tests.

DOCX: every XML part of the zip, its text nodes and its attribute values, one entry per part
name ("word/document.xml", "docProps/core.xml"). Left out, because they are markup and not
text: namespace declarations, attribute values that are URIs (schema and relationship types),
attribute values that are plain numbers or measurements, and the created/modified timestamps
that the sanitiser itself writes (always "now").
PDF: the text of every page ("PDF page 1") and every metadata value ("PDF metadata /Title").
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache

from lxml import etree
from pypdf import PdfReader

DCTERMS = "http://purl.org/dc/terms/"
SKIP_ELEMENTS = {f"{{{DCTERMS}}}created", f"{{{DCTERMS}}}modified"}
_MARKUP_VALUE = re.compile(
    r"^(?:-?[\d.]+(?:pt|cm|mm|in|%)?|[0-9A-Fa-f]{6,8}|https?://\S+|urn:\S+)$"
)
MAX_PART_BYTES = 50_000_000


@lru_cache(maxsize=64)
def _xml_text(data: bytes) -> str:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(data, parser)
    pieces: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in SKIP_ELEMENTS:
            continue
        for value in element.attrib.values():
            if value.strip() and not _MARKUP_VALUE.match(value.strip()):
                pieces.append(value)
        if element.text and element.text.strip():
            pieces.append(element.text)
    return "\n".join(pieces)


def docx_text_parts(data: bytes) -> dict[str, str]:
    """Text nodes and attribute values of every XML part, by part name."""
    parts: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if not info.filename.endswith((".xml", ".rels")) or info.file_size > MAX_PART_BYTES:
                continue
            parts[info.filename] = _xml_text(archive.read(info))
    return parts


def pdf_text_parts(data: bytes) -> dict[str, str]:
    """The text of every page and every metadata value of a PDF."""
    reader = PdfReader(io.BytesIO(data))
    parts = {
        f"PDF page {number}": page.extract_text() or ""
        for number, page in enumerate(reader.pages, start=1)
    }
    for key, value in (reader.metadata or {}).items():
        parts[f"PDF metadata {key}"] = str(value)
    return parts


def text_parts(data: bytes, fmt: str) -> dict[str, str]:
    """All text parts of a rendered file of this format ("docx", "pdf" or "txt")."""
    if fmt == "docx":
        return docx_text_parts(data)
    if fmt == "pdf":
        return pdf_text_parts(data)
    return {"text": data.decode("utf-8")}
