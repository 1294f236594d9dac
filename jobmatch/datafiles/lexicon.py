"""Load competencies/<cluster>.toml into a Lexicon, checking the 40 core ids are all there."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import EntryChecker, read_csv_rows, read_toml
from jobmatch.domain.competencies import CLUSTERS, Competency, Lexicon
from jobmatch.domain.errors import DataFileError, Problem

CORE_IDS_FILE = "core-competencies.csv"


def _competency(entry: dict[str, Any], check: EntryChecker) -> Competency:
    cluster = check.text(entry, "cluster")
    if cluster and cluster not in CLUSTERS:
        check.fail("cluster", f"must be one of {', '.join(CLUSTERS)}")
    return Competency(
        id=check.text(entry, "id"),
        cluster=cluster,
        label_nl=check.text(entry, "label_nl"),
        label_en=check.text(entry, "label_en"),
        definition_nl=check.text(entry, "definition_nl"),
        definition_en=check.text(entry, "definition_en"),
        terms_nl=check.texts(entry, "terms_nl", minimum=1),
        terms_en=check.texts(entry, "terms_en", minimum=1),
        stems_nl=check.texts(entry, "stems_nl"),
        exclude_nl=check.texts(entry, "exclude_nl"),
        evidence_nl=check.texts(entry, "evidence_nl", minimum=2),
        evidence_en=check.texts(entry, "evidence_en", minimum=2),
    )


def _read_file(path: Path, problems: list[Problem]) -> list[Competency]:
    try:
        data = read_toml(path)
    except DataFileError as exc:
        problems.extend(exc.problems)
        return []
    entries = data.get("competency", [])
    if not isinstance(entries, list):
        problems.append(
            Problem(
                str(path),
                "",
                "competency",
                "moet een lijst met tabellen zijn / must be an array of tables",
            )
        )
        return []
    found = []
    for index, entry in enumerate(entries):
        where = f"competency[{index}] {entry.get('id', '?')}" if isinstance(entry, dict) else ""
        check = EntryChecker(str(path), where, problems)
        if isinstance(entry, dict):
            found.append(_competency(entry, check))
        else:
            check.fail("", "moet een tabel zijn / must be a table")
    return found


def _core_ids(directory: Path) -> list[str]:
    path = directory / CORE_IDS_FILE
    return [row["id"] for row in read_csv_rows(path)] if path.exists() else []


def read_lexicon(directory: Path) -> tuple[Lexicon, list[Problem]]:
    """The lexicon and every problem found (duplicate ids, missing core ids, empty fields)."""
    problems: list[Problem] = []
    competencies: dict[str, Competency] = {}
    for cluster in CLUSTERS:
        path = directory / f"{cluster}.toml"
        if not path.exists():
            problems.append(Problem(str(path), "", "", "bestand ontbreekt / file is missing"))
            continue
        for competency in _read_file(path, problems):
            if competency.id in competencies:
                problems.append(
                    Problem(str(path), competency.id, "id", "dubbele id / duplicate id")
                )
            competencies[competency.id] = competency
    for core_id in _core_ids(directory):
        if core_id not in competencies:
            problems.append(
                Problem(
                    str(directory),
                    core_id,
                    "id",
                    "kerncompetentie ontbreekt / core competency is missing",
                )
            )
    return Lexicon(competencies), problems


def check_lexicon(directory: Path | None = None) -> list[Problem]:
    return read_lexicon(directory or data_dir("competencies"))[1]


@lru_cache(maxsize=4)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """The validated lexicon (cached per process); raises DataFileError on any problem."""
    lexicon, problems = read_lexicon(directory or data_dir("competencies"))
    if problems:
        raise DataFileError(problems)
    return lexicon
