"""Use case: the training places in a folder, written as TOML or as plain text (title line, blank
line, text), read alike. What a text place teaches and asks is extracted like a vacancy; its
duration, cost, level and kind come from nlp/training_text.py. A file that is neither is
reported (a note), never skipped silently."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jobmatch.datafiles.training import NEITHER, TEXT_SUFFIX, read_training_places
from jobmatch.domain.errors import DataFileError
from jobmatch.domain.vacancies import Extraction, Posting, TrainingPlace

Note = tuple[str, str]
ExtractFn = Callable[[Posting], Extraction]


@dataclass(frozen=True)
class TrainingFolder:
    places: tuple[TrainingPlace, ...]
    notes: tuple[Note, ...] = ()


def training_from_text(posting: Posting, extraction: Extraction) -> TrainingPlace:
    """A TrainingPlace from a text file and its extraction (what it teaches: the competencies
    the text names; what it asks: the Dutch level)."""
    from jobmatch.nlp.training_text import training_facts

    facts = training_facts(posting.title, posting.text)
    stem = posting.source.rsplit(".", 1)[0]
    return TrainingPlace(
        id=stem,
        title=posting.title,
        kind=facts.kind,  # type: ignore[arg-type]
        provider=facts.provider,
        description=posting.text,
        level=facts.level,
        competencies_taught=tuple(dict.fromkeys(c.id for c in extraction.competencies)),
        duration=facts.duration,
        dutch_level=extraction.requirements.dutch_level,
        cost=facts.cost,
        city=extraction.location or "",
        source=posting.source,
    )


def read_training_folder(directory: Path, *, extract: ExtractFn | None = None) -> TrainingFolder:
    """TOML and text training places side by side, sorted by file name. A broken TOML file
    raises DataFileError (as before); a broken text file or a file of another type is a note."""
    from jobmatch.datafiles.posting_file import read_posting_file

    if extract is None:
        from jobmatch.services.extraction import extract_posting

        extract = extract_posting
    places, problems = read_training_places(directory)
    broken = [p for p in problems if p.message != NEITHER]
    if broken:
        raise DataFileError(broken)
    notes: list[Note] = [
        (f"{Path(p.source).name}: {NEITHER.split(' / ')[0]}", f"{Path(p.source).name}: not read")
        for p in problems
        if p.message == NEITHER
    ]
    for path in sorted(directory.glob(f"*{TEXT_SUFFIX}")):
        try:
            posting = read_posting_file(path)
        except (DataFileError, OSError) as exc:
            notes.append((f"opleiding overgeslagen: {exc}", f"training place skipped: {path.name}"))
            continue
        posting = Posting(posting.source, posting.title, posting.text, kind="training")
        places.append(training_from_text(posting, extract(posting)))
    places.sort(key=lambda p: p.source)
    return TrainingFolder(tuple(places), tuple(notes))
