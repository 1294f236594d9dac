"""Use case: what a vacancy or training text asks and offers (`jobmatch extract`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.posting_file import PostingFileError
from jobmatch.datafiles.posting_file import read_posting_file as read_posting
from jobmatch.datafiles.reading import read_csv_rows
from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.vacancies import Extraction, Posting

__all__ = ["PostingFileError", "extract_files", "extract_posting", "is_truncated", "read_posting"]
from jobmatch.nlp.asked import asked_competencies
from jobmatch.nlp.extract import default_lexicon
from jobmatch.nlp.location import Places
from jobmatch.nlp.requirements import analyse
from jobmatch.nlp.sections import MAX_CHARS, clean_item, split_sections

MAX_OFFERS = 20
MAX_OFFER_CHARS = 200


@lru_cache(maxsize=1)
def _places() -> Places:
    path = data_dir("vacancies") / "nl-pc4.csv"
    rows = read_csv_rows(path) if path.exists() else []
    from jobmatch.datafiles.towns import TOWNS_FILE, load_towns

    towns = path.parent / TOWNS_FILE
    return Places(
        {row["municipality"] for row in rows if row.get("municipality")},
        load_towns(towns) if towns.is_file() else (),
    )


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


def extract_files(paths: Iterable[Path], *, lexicon: Lexicon | None = None) -> list[Extraction]:
    """One extraction per file, in order."""
    return [extract_posting(read_posting(path), lexicon=lexicon) for path in paths]


def is_truncated(posting: Posting) -> bool:
    """True when the text is longer than extraction reads (MAX_CHARS characters)."""
    return len(posting.text) > MAX_CHARS


MAX_TEXT_CHARS = MAX_CHARS  # how much of a posting extraction reads (for "the rest was not read")
_BINARY_STARTS = (b"%PDF", b"PK\x03\x04")


def vacancy_from_file(path: Path) -> Extraction:
    """A vacancy text file (title, blank line, text) read and extracted; a PDF, Word or other
    binary file is refused with a clear message instead of being read as text."""
    from jobmatch.datafiles.reading import is_utf16
    from jobmatch.domain.errors import JobmatchError

    with path.open("rb") as handle:
        head = handle.read(4096)
    if (b"\x00" in head and not is_utf16(head)) or head.startswith(_BINARY_STARTS):
        raise JobmatchError(
            f"{path}: vacature moet een tekstbestand zijn (titel, lege regel, tekst) / "
            "the vacancy must be a text file (title, blank line, text)"
        )
    return extract_posting(read_posting(path))
