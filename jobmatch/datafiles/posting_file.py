"""Reading one vacancy or training text file: title line, blank line, the text as published.

The one reader for `extract`, `rank`, the documents commands and the demo data: it refuses
folders, binary data and empty files with a Dutch + English message, caps huge files, and
reads UTF-8 (BOM allowed), UTF-16 with a BOM and cp1252.
"""

from __future__ import annotations

from pathlib import Path

from jobmatch.datafiles.reading import decode_text, is_utf16
from jobmatch.datafiles.tables import EMPTY
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.vacancies import Posting

MAX_TITLE_CHARS = 200
MAX_FILE_BYTES = 20_000_000
_BINARY_SHARE = 0.1
TITLE_ONLY = "alleen een titel, geen tekst / only a title, no text"


class PostingFileError(DataFileError):
    """A vacancy or training file that cannot be read as a posting."""

    def __init__(self, source: Path | str, message: str, where: str = "", field: str = "") -> None:
        super().__init__([Problem(str(source), where, field, message)])


def decode(raw: bytes, source: str) -> str:
    """UTF-8 (BOM allowed), UTF-16 with a BOM, else cp1252; refuses binary data clearly."""
    if not is_utf16(raw) and (raw[:4096].count(b"\x00") or _looks_binary(raw[:4096])):
        raise PostingFileError(source, "dit is geen tekstbestand / this is not a text file")
    return decode_text(raw)


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > _BINARY_SHARE


def posting_from_text(text: str, source: str) -> Posting:
    """First line the title, a blank line, then the text (a missing blank line is tolerated)."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")  # old Mac: CR only
    title, _, body = lines.strip().partition("\n")
    title = title.strip()
    # A one-line file is both title and text ("Afwasser gezocht, vr-za-zo avond, bel …").
    return Posting(source=source, title=title[:MAX_TITLE_CHARS], text=body.strip() or title)


def read_posting_file(path: Path, *, one_line_ok: bool = True) -> Posting:
    """A posting file; `one_line_ok=False` refuses a file with only a title (data checks)."""
    if not path.exists():
        raise PostingFileError(path, "bestand bestaat niet / file does not exist")
    if path.is_dir():
        raise PostingFileError(path, "dit is een map, geen bestand / this is a folder")
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES)
    text = decode(raw, str(path))
    if not text.strip():
        raise PostingFileError(path, EMPTY)
    posting = posting_from_text(text, path.name)
    if not one_line_ok and posting.text == posting.title and "\n" not in text.strip():
        raise PostingFileError(path, TITLE_ONLY, where="line 2", field="text")
    return posting
