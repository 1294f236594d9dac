"""Load and check the demo data in vacancies/: postings, meta.csv, training places, employers.

Postings come back raw (title + text); building an `Opening` needs the extraction engine.
`read_*` return what could be read plus every problem (file + line/entry + field);
`load_*` raise DataFileError when there is any problem. `check_vacancies` checks it all,
including organisations.toml and participants/ (people.py), employers (employers.py) and
training places (training.py); their loaders are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jobmatch.datafiles.employers import load_employers, read_employers
from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.people import (
    DemoOrganisation,
    DemoParticipant,
    StaffAccount,
    load_demo_participants,
    load_organisations,
    read_organisations,
    read_participants,
)
from jobmatch.datafiles.posting_file import read_posting_file
from jobmatch.datafiles.tables import (
    DUPLICATE,
    PlaceChecker,
    checked,
    csv_table,
    folder_missing,
    pc4_value,
    required_fields,
)
from jobmatch.datafiles.training import (
    TRAINING_KINDS,
    load_training_places,
    read_training_places,
)
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.vacancies import Posting

__all__ = [
    "TRAINING_KINDS",
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
    "read_training_places",
]

META_FIELDS = ("file", "employer_id", "sector", "pc4")


@dataclass(frozen=True)
class VacancyMeta:
    """One row of vacancies/jobs/meta.csv: who offers the demo vacancy and where."""

    file: str
    employer_id: str
    sector: str
    pc4: str | None = None


def read_posting(path: Path) -> Posting:
    """Title = first line; after a blank line (or directly after the title) the text.

    Demo and catalogue files must have a text below the title (`one_line_ok=False`).
    """
    return read_posting_file(path, one_line_ok=False)


def load_postings(directory: Path) -> list[Posting]:
    """Every *.txt in the folder, sorted by file name."""
    return checked(_read_postings(directory))


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
            problems.append(Problem(*where, "file", DUPLICATE))
        found.append((line, meta))
    return found, problems


def read_vacancy_meta(directory: Path) -> tuple[dict[str, VacancyMeta], list[Problem]]:
    rows, problems = _meta_rows(directory)
    return {meta.file: meta for _, meta in rows if meta.file}, problems


def load_vacancy_meta(directory: Path) -> dict[str, VacancyMeta]:
    """meta.csv of a jobs folder, keyed by file name."""
    return checked(read_vacancy_meta(directory))


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
