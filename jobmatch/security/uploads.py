"""Checks an uploaded DOCX/ZIP before anything is unpacked, then reads its text safely.

Runs inside the bounded worker process (`upload_worker`); imports only the standard library and
defusedxml. Every refusal is an `UploadRejected` with one plain sentence (Dutch, then English).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

ZIP_MAGIC = b"PK\x03\x04"
DOCX_BODY = "word/document.xml"
W_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
W_PARAGRAPH = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"


@dataclass(frozen=True)
class ZipLimits:
    max_upload_bytes: int = 5 * 1024 * 1024  # same as the web app's MAX_CONTENT_LENGTH
    max_entries: int = 500  # a real CV docx has ~10-30 parts
    max_total_uncompressed: int = 25 * 1024 * 1024
    max_entry_uncompressed: int = 10 * 1024 * 1024
    max_ratio: float = 100.0  # uncompressed / compressed, per entry (text XML is ~5-20)
    max_text_chars: int = 200_000


class UploadRejected(Exception):
    """The upload is refused; the message says why in plain words."""


def _refuse(dutch: str, english: str) -> UploadRejected:
    return UploadRejected(f"{dutch} / {english}")


def check_zip(data: bytes, limits: ZipLimits) -> zipfile.ZipFile:
    """Open the archive after checking its directory: size, entry count, ratio, names."""
    if len(data) > limits.max_upload_bytes:
        raise _refuse("Het bestand is te groot", "the file is too large")
    if not data.startswith(ZIP_MAGIC):
        raise _refuse("Dit is geen Word-bestand (.docx)", "this is not a Word (.docx) file")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise _refuse("Het bestand is beschadigd", "the file is damaged") from exc
    if len(entries) > limits.max_entries:
        raise _refuse("Het bestand bevat te veel onderdelen", "the file has too many parts")
    total = 0
    for entry in entries:
        total += entry.file_size
        name = entry.filename
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/"):
            raise _refuse("Het bestand bevat een ongeldige naam", "the file has an invalid name")
        if entry.flag_bits & 0x1:
            raise _refuse("Het bestand is beveiligd met een wachtwoord", "the file is encrypted")
        if entry.file_size > limits.max_entry_uncompressed or total > limits.max_total_uncompressed:
            raise _refuse("Het bestand is uitgepakt te groot", "the file unpacks too large")
        if entry.file_size > limits.max_ratio * max(entry.compress_size, 1):
            raise _refuse("Het bestand is verdacht sterk ingepakt", "suspicious compression ratio")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, limits: ZipLimits) -> bytes:
    """One member, reading at most the limit (the directory's sizes may lie)."""
    try:
        with archive.open(name) as handle:
            data = handle.read(limits.max_entry_uncompressed + 1)
    except KeyError as exc:
        raise _refuse("Dit Word-bestand heeft geen tekst", "this Word file has no body") from exc
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError) as exc:
        raise _refuse("Het bestand is beschadigd", "the file is damaged") from exc
    if len(data) > limits.max_entry_uncompressed:
        raise _refuse("Het bestand is uitgepakt te groot", "the file unpacks too large")
    return data


def parse_xml(data: bytes) -> Any:
    """An element tree; DTDs, entities and external references are refused (defusedxml)."""
    try:
        return ElementTree.fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as exc:
        raise _refuse("Het bestand bevat verboden XML", "the file contains forbidden XML") from exc
    except (ElementTree.ParseError, ValueError, RecursionError) as exc:
        raise _refuse("Het bestand is beschadigd", "the file is damaged") from exc


def docx_text(data: bytes, limits: ZipLimits | None = None) -> str:
    """The paragraphs of a DOCX as plain text, one per line."""
    chosen = limits or ZipLimits()
    archive = check_zip(data, chosen)
    root = parse_xml(read_member(archive, DOCX_BODY, chosen))
    lines: list[str] = []
    size = 0
    for paragraph in root.iter(W_PARAGRAPH):
        line = "".join(node.text or "" for node in paragraph.iter(W_TEXT))
        size += len(line) + 1
        if size > chosen.max_text_chars:
            raise _refuse("Het bestand bevat te veel tekst", "the file holds too much text")
        lines.append(line)
    return "\n".join(lines).strip()
