"""competencies/occupation_levels.csv: Dutch occupation head words with the ISCO-08 skill level
of the work they name (1 elementary … 4 professional), derived from ESCO's Dutch labels by
tools/build_occupation_levels.py. Data: ESCO, European Commission (reused with
acknowledgement under Commission Decision 2011/833/EU)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import read_csv_rows
from jobmatch.domain.errors import DataFileError, Problem

LEVELS_FILE = "occupation_levels.csv"


def read_occupation_levels(path: Path) -> tuple[dict[str, int], list[Problem]]:
    levels: dict[str, int] = {}
    problems: list[Problem] = []
    for line, row in enumerate(read_csv_rows(path), start=2):
        word, level = row.get("word", ""), row.get("skill_level", "")
        if not word or level not in ("1", "2", "3", "4"):
            problems.append(
                Problem(str(path), f"line {line}", "", "woord + niveau 1-4 / word + level 1-4")
            )
        else:
            levels[word] = int(level)
    return levels, problems


@lru_cache(maxsize=2)
def load_occupation_levels(path: Path | None = None) -> dict[str, int]:
    """word -> ISCO skill level (cached per process); DataFileError on a bad row."""
    levels, problems = read_occupation_levels(path or data_dir("competencies") / LEVELS_FILE)
    if problems:
        raise DataFileError(problems)
    return levels
