"""Use case: what a vacancy or training text asks and offers (`jobmatch extract`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import decode_text, is_utf16, read_csv_rows
from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.errors import JobmatchError
from jobmatch.domain.vacancies import Extraction, Posting
from jobmatch.nlp.asked import asked_competencies
from jobmatch.nlp.extract import default_lexicon
from jobmatch.nlp.location import Places
from jobmatch.nlp.requirements import analyse
from jobmatch.nlp.sections import MAX_CHARS, clean_item, split_sections

MAX_OFFERS = 20
MAX_OFFER_CHARS = 200
MAX_TITLE_CHARS = 200
MAX_FILE_BYTES = 20_000_000
_BINARY_SHARE = 0.1


class PostingFileError(JobmatchError):
    """A vacancy file that cannot be read as text."""


@lru_cache(maxsize=1)
def _places() -> Places:
    path = data_dir("vacancies") / "nl-pc4.csv"
    rows = read_csv_rows(path) if path.exists() else []
    return Places({row["municipality"] for row in rows if row.get("municipality")})


def _offers(text_lines: Iterable[str]) -> tuple[str, ...]:
    offers: list[str] = []
    for line in text_lines:
        item = clean_item(line)[:MAX_OFFER_CHARS]
        if item and item not in offers:
            offers.append(item)
    return tuple(offers[:MAX_OFFERS])


def extract_posting(posting: Posting, *, lexicon: Lexicon | None = None) -> Extraction:
    """Competencies (must/nice, with evidence), requirements, offers and location of a posting."""
    lines = split_sections(posting.text)
    requirements, shift_words = analyse(lines, posting.title)
    return Extraction(
        source=posting.source,
        title=posting.title,
        competencies=asked_competencies(lines, lexicon or default_lexicon(), shift_words),
        requirements=requirements,
        offers=_offers(line.text for line in lines if line.section == "offers"),
        location=_places().find(posting.title) or _places().find(posting.text[:MAX_CHARS]),
    )


def decode(raw: bytes, source: str) -> str:
    """UTF-8 (BOM allowed), UTF-16 with a BOM, else cp1252; refuses binary data clearly."""
    if is_utf16(raw):
        return decode_text(raw)
    if raw[:4096].count(b"\x00") or _looks_binary(raw[:4096]):
        raise PostingFileError(f"{source}: dit is geen tekstbestand / this is not a text file")
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


def read_posting(path: Path) -> Posting:
    """A posting file; raises PostingFileError with a Dutch + English message."""
    if not path.exists():
        raise PostingFileError(f"{path}: bestand bestaat niet / file does not exist")
    if path.is_dir():
        raise PostingFileError(f"{path}: dit is een map, geen bestand / this is a folder")
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES)
    text = decode(raw, str(path))
    if not text.strip():
        raise PostingFileError(f"{path}: bestand is leeg / file is empty")
    return posting_from_text(text, path.name)


def extract_files(paths: Iterable[Path], *, lexicon: Lexicon | None = None) -> list[Extraction]:
    """One extraction per file, in order."""
    return [extract_posting(read_posting(path), lexicon=lexicon) for path in paths]


def is_truncated(posting: Posting) -> bool:
    """True when the text is longer than extraction reads (MAX_CHARS characters)."""
    return len(posting.text) > MAX_CHARS
