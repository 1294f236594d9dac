"""The gazetteer vacancies/towns.csv: towns and city districts that are not municipalities
themselves (`name,municipality,kind`), as Dutch readers name them. One file for everyone:
the extractor finds these names in text (nlp/location.py) and the ranker places them
(domain/geo.py Pc4Index). `municipality` is the name in nl-pc4.csv (2020)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import read_csv_rows
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.geo import TOWN_KINDS, Town

TOWNS_FILE = "towns.csv"


def read_towns(
    path: Path, municipalities: set[str] | None = None
) -> tuple[list[Town], list[Problem]]:
    """Every row as a Town, and every problem (missing name, unknown kind or municipality)."""
    towns: list[Town] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for line, row in enumerate(read_csv_rows(path), start=2):
        name, municipality = row.get("name", ""), row.get("municipality", "")
        kind = row.get("kind", "town") or "town"
        where = (str(path), f"line {line}")
        if not name or not municipality:
            problems.append(
                Problem(*where, "name", "naam en gemeente nodig / name and municipality needed")
            )
        elif kind not in TOWN_KINDS:
            problems.append(
                Problem(*where, "kind", f"kies uit / choose from {', '.join(TOWN_KINDS)}")
            )
        elif municipalities is not None and municipality not in municipalities:
            problems.append(Problem(*where, "municipality", "niet in / not in nl-pc4.csv"))
        elif name in seen:
            problems.append(Problem(*where, "name", "dubbel / duplicate"))
        else:
            seen.add(name)
            towns.append(Town(name, municipality, kind))  # type: ignore[arg-type]
    return towns, problems


@lru_cache(maxsize=2)
def load_towns(path: Path | None = None) -> tuple[Town, ...]:
    """The gazetteer (cached per process); DataFileError on any problem."""
    towns, problems = read_towns(path or data_dir("vacancies") / TOWNS_FILE)
    if problems:
        raise DataFileError(problems)
    return tuple(towns)


def check_towns(directory: Path) -> list[Problem]:
    """towns.csv against nl-pc4.csv in the same folder (for `jobmatch check-data`)."""
    path = directory / TOWNS_FILE
    if not path.is_file():
        return []
    pc4 = directory / "nl-pc4.csv"
    known = {r.get("municipality", "") for r in read_csv_rows(pc4)} if pc4.is_file() else None
    return read_towns(path, known)[1]
