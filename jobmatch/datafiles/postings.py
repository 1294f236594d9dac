"""Load and check the demo data in vacancies/: postings, meta.csv, training places, employers.

Postings come back raw (title + text); building an `Opening` needs the extraction engine.
`read_*` return what could be read plus every problem (file + line/entry + field);
`load_*` raise DataFileError when there is any problem. `check_vacancies` checks it all,
including organisations.toml and participants/ (see people.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.people import (
    EMPTY,
    MISSING,
    DemoOrganisation,
    DemoParticipant,
    PlaceChecker,
    StaffAccount,
    csv_table,
    folder_missing,
    load_demo_participants,
    load_employers,
    load_organisations,
    pc4_value,
    read_employers,
    read_organisations,
    read_participants,
    required_fields,
)
from jobmatch.datafiles.reading import read_text, read_toml
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.vacancies import Posting, TrainingPlace

__all__ = [
    "DemoOrganisation",
    "DemoParticipant",
    "StaffAccount",
    "VacancyMeta",
    "check_vacancies",
    "load_demo_participants",
    "load_employers",
    "load_organisations",
    "load_postings",
    "load_training_places",
    "load_vacancy_meta",
    "read_posting",
]

META_FIELDS = ("file", "employer_id", "sector", "pc4")
TRAINING_KINDS = ("course", "work-experience", "volunteering")


@dataclass(frozen=True)
class VacancyMeta:
    """One row of vacancies/jobs/meta.csv: who offers the demo vacancy and where."""

    file: str
    employer_id: str
    sector: str
    pc4: str | None = None


def _fail(source: Path | str, where: str, field: str, message: str) -> DataFileError:
    return DataFileError([Problem(str(source), where, field, message)])


def read_posting(path: Path) -> Posting:
    """Title = first line; after a blank line (or directly after the title) the text."""
    lines = read_text(path).replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    if not lines[0].strip():
        raise _fail(path, "", "", EMPTY)
    text = "\n".join(lines[1:]).strip()
    if not text:
        raise _fail(path, "line 2", "text", "alleen een titel, geen tekst / only a title, no text")
    return Posting(source=path.name, title=lines[0].strip(), text=text)


def load_postings(directory: Path) -> list[Posting]:
    """Every *.txt in the folder, sorted by file name."""
    postings, problems = _read_postings(directory)
    if problems:
        raise DataFileError(problems)
    return postings


def _read_postings(directory: Path) -> tuple[list[Posting], list[Problem]]:
    postings: list[Posting] = []
    problems: list[Problem] = [] if directory.is_dir() else [folder_missing(directory)]
    for path in sorted(directory.glob("*.txt")):
        try:
            postings.append(read_posting(path))
        except DataFileError as exc:
            problems.extend(exc.problems)
    return postings, problems


def _meta_rows(directory: Path) -> tuple[list[tuple[int, VacancyMeta]], list[Problem]]:
    path = directory / "meta.csv"
    rows, problems = csv_table(path, META_FIELDS)
    found: list[tuple[int, VacancyMeta]] = []
    for line, row in enumerate(rows, start=2):
        where = (str(path), f"line {line}")
        problems.extend(required_fields(row, META_FIELDS[:3], where))
        meta = VacancyMeta(
            file=row.get("file", ""),
            employer_id=row.get("employer_id", ""),
            sector=row.get("sector", ""),
            pc4=pc4_value(row.get("pc4", ""), *where, problems),
        )
        if meta.file in {earlier.file for _, earlier in found}:
            problems.append(Problem(*where, "file", "komt twee keer voor / is a duplicate"))
        found.append((line, meta))
    return found, problems


def read_vacancy_meta(directory: Path) -> tuple[dict[str, VacancyMeta], list[Problem]]:
    rows, problems = _meta_rows(directory)
    return {meta.file: meta for _, meta in rows if meta.file}, problems


def load_vacancy_meta(directory: Path) -> dict[str, VacancyMeta]:
    """meta.csv of a jobs folder, keyed by file name."""
    meta, problems = read_vacancy_meta(directory)
    if problems:
        raise DataFileError(problems)
    return meta


def _texts(
    entry: Mapping[str, Any], key: str, where: tuple[str, str], out: list[Problem]
) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    out.append(Problem(*where, key, "moet een lijst met teksten zijn / must be a list of texts"))
    return ()


def _str(
    entry: Mapping[str, Any],
    key: str,
    where: tuple[str, str],
    out: list[Problem],
    *,
    required: bool = False,
) -> str:
    value = entry.get(key, "")
    if isinstance(value, int) and not isinstance(value, bool) and key == "pc4":
        value = f"{value:04d}"
    if not isinstance(value, str):
        out.append(Problem(*where, key, "moet tekst zijn / must be text"))
        return ""
    if required and not value.strip():
        out.append(Problem(*where, key, MISSING))
    return value.strip()


def _training(entry: Mapping[str, Any], path: Path, out: list[Problem]) -> TrainingPlace:
    where = (str(path), str(entry.get("id", path.stem)))
    kind = _str(entry, "kind", where, out, required=True)
    if kind and kind not in TRAINING_KINDS:
        out.append(Problem(*where, "kind", f"kies uit / choose from {', '.join(TRAINING_KINDS)}"))
    return TrainingPlace(
        id=_str(entry, "id", where, out) or path.stem,
        title=_str(entry, "title", where, out, required=True),
        kind=kind if kind in TRAINING_KINDS else "course",  # type: ignore[arg-type]
        provider=_str(entry, "provider", where, out, required=True),
        description=_str(entry, "description", where, out, required=True),
        level=_str(entry, "level", where, out),
        competencies_taught=_texts(entry, "competencies_taught", where, out),
        duration=_str(entry, "duration", where, out),
        dutch_level=_str(entry, "dutch_level", where, out) or None,
        cost=_str(entry, "cost", where, out),
        funding=_str(entry, "funding", where, out),
        start_moments=_texts(entry, "start_moments", where, out),
        city=_str(entry, "city", where, out, required=True),
        pc4=pc4_value(_str(entry, "pc4", where, out), *where, out),
        sector=_str(entry, "sector", where, out) or None,
        certificates_gained=_texts(entry, "certificates_gained", where, out),
        source=path.name,
    )


def read_training_places(directory: Path) -> tuple[list[TrainingPlace], list[Problem]]:
    places: list[TrainingPlace] = []
    problems: list[Problem] = [] if directory.is_dir() else [folder_missing(directory)]
    for path in sorted(directory.glob("*.toml")):
        if not read_text(path).strip():
            problems.append(Problem(str(path), "", "", EMPTY))
            continue
        try:
            places.append(_training(read_toml(path), path, problems))
        except DataFileError as exc:
            problems.extend(exc.problems)
    seen: set[str] = set()
    for place in places:
        if place.id in seen:
            problems.append(
                Problem(
                    str(directory / place.source),
                    place.id,
                    "id",
                    "komt twee keer voor / is a duplicate",
                )
            )
        seen.add(place.id)
    return places, problems


def load_training_places(directory: Path) -> list[TrainingPlace]:
    """Every *.toml in the training folder, sorted by file name."""
    places, problems = read_training_places(directory)
    if problems:
        raise DataFileError(problems)
    return places


def _known_competencies(directory: Path) -> set[str]:
    """Lexicon ids when the lexicon loads cleanly, else the core ids of core-competencies.csv."""
    from jobmatch.datafiles.lexicon import CORE_IDS_FILE, read_lexicon

    competencies = directory.parent / "competencies"
    if not competencies.is_dir():
        competencies = data_dir("competencies")
    lexicon, problems = read_lexicon(competencies)
    if not problems and len(lexicon):
        return set(lexicon.ids)
    core, _ = csv_table(competencies / CORE_IDS_FILE, ("id",))
    return {row["id"] for row in core}


def _check_jobs(directory: Path, employers: set[str], places: PlaceChecker) -> list[Problem]:
    jobs = directory / "jobs"
    postings, problems = _read_postings(jobs)
    rows, meta_problems = _meta_rows(jobs)
    problems += meta_problems
    meta = {row.file for _, row in rows}
    if not postings and not problems:
        problems.append(Problem(str(jobs), "", "", "geen vacatures / no *.txt vacancies"))
    for line, row in rows:
        where = (str(jobs / "meta.csv"), f"line {line} {row.file}")
        if not (jobs / row.file).is_file():
            problems.append(Problem(*where, "file", "bestand bestaat niet / file does not exist"))
        if row.employer_id and row.employer_id not in employers:
            message = f"onbekende werkgever / unknown employer id {row.employer_id}"
            problems.append(Problem(*where, "employer_id", message))
        places.check(row.pc4, None, where)  # a vacancy may be away from the head office
    for path in sorted(jobs.glob("*.txt")):
        if path.name not in meta:
            message = "geen regel in meta.csv / no row in meta.csv"
            problems.append(Problem(str(path), "", "file", message))
    return problems


def _check_training(directory: Path, known: set[str], places: PlaceChecker) -> list[Problem]:
    training, problems = read_training_places(directory / "training")
    if not training and not problems:
        problems.append(
            Problem(
                str(directory / "training"), "", "", "geen opleidingsplaatsen / no training places"
            )
        )
    for place in training:
        where = (str(directory / "training" / place.source), place.id)
        places.check(place.pc4, place.city, where)
        for unknown in sorted(set(place.competencies_taught) - known):
            message = f"onbekende competentie / unknown competency {unknown}"
            problems.append(Problem(*where, "competencies_taught", message))
    return problems


def _check_people(directory: Path, known: set[str], places: PlaceChecker) -> list[Problem]:
    organisations, problems = read_organisations(directory / "organisations.toml")
    participants, found = read_participants(directory / "participants")
    problems += found
    ids = {organisation.id for organisation in organisations}
    for participant in participants:
        where = (str(directory / "participants" / participant.source), participant.alias)
        if participant.organisation and participant.organisation not in ids:
            message = f"onbekende organisatie / unknown organisation {participant.organisation}"
            problems.append(Problem(*where, "organisation", message))
        contact = participant.profile.contact
        places.check(contact.pc4, contact.city, where)
        for unknown in sorted(set(participant.profile.competency_ids) - known):
            message = f"onbekende competentie / unknown competency {unknown}"
            problems.append(Problem(*where, "competencies", message))
    return problems


def check_vacancies(directory: Path | None = None) -> list[Problem]:
    """Every problem in vacancies/: files, fields, pc4s, employer ids, competency ids."""
    directory = directory or data_dir("vacancies")
    problems: list[Problem] = []
    places = PlaceChecker(directory / "nl-pc4.csv", problems)
    employers, found = read_employers(directory / "employers.csv")
    problems += found
    for line, employer in enumerate(employers, start=2):
        places.check(
            employer.pc4, employer.city, (str(directory / "employers.csv"), f"line {line}")
        )
    known = _known_competencies(directory)
    by_id = {employer.id for employer in employers}
    problems += _check_jobs(directory, by_id, places)
    problems += _check_training(directory, known, places)
    problems += _check_people(directory, known, places)
    return problems
