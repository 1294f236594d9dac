"""competencies/guard_places.toml: street and district names of red-light areas.

One `[[place]]` per name, with the city and one line of context, so a coordinator can see
why a name is there and add their own city's. The guard treats each name as a word about the
past (any case, accents and separators ignored). Checked by `jobmatch check-data`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jobmatch.datafiles.reading import read_toml
from jobmatch.domain.errors import DataFileError, Problem

PLACES_FILE = "guard_places.toml"
FIELDS = ("name", "city", "context")


@dataclass(frozen=True)
class Place:
    name: str
    city: str
    context: str


def _place(entry: Any, where: str, source: str, problems: list[Problem]) -> Place | None:
    if not isinstance(entry, dict):
        problems.append(Problem(source, where, "", "moet een tabel zijn / must be a table"))
        return None
    values: dict[str, str] = {}
    for key in FIELDS:
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            message = "ontbreekt of is leeg / is missing or empty"
            problems.append(Problem(source, where, key, message))
        elif "\n" in value.strip():
            problems.append(Problem(source, where, key, "één regel / one line only"))
        else:
            values[key] = value.strip()
    unknown = sorted(set(entry) - set(FIELDS))
    if unknown:
        problems.append(Problem(source, where, ",".join(unknown), "onbekend veld / unknown field"))
    return Place(**values) if len(values) == len(FIELDS) else None


def read_places(directory: Path) -> tuple[list[Place], list[Problem]]:
    """The places in guard_places.toml (none when the file is missing) and its problems."""
    path = directory / PLACES_FILE
    if not path.exists():
        return [], []
    try:
        data = read_toml(path)
    except DataFileError as exc:
        return [], list(exc.problems)
    problems: list[Problem] = []
    entries = data.get("place", [])
    if not isinstance(entries, list):
        return [], [Problem(str(path), "", "place", "moet [[place]] zijn / must be [[place]]")]
    places: list[Place] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        place = _place(entry, f"place {number}", str(path), problems)
        if place is None:
            continue
        if place.name.casefold() in seen:
            problems.append(Problem(str(path), f"place {number}", "name", "dubbel / duplicate"))
        seen.add(place.name.casefold())
        places.append(place)
    return places, problems


def check_places(directory: Path) -> list[Problem]:
    """Problems in guard_places.toml (for `jobmatch check-data`); a missing file is one."""
    path = directory / PLACES_FILE
    if not path.exists():
        return [Problem(str(path), "", "", "bestand ontbreekt / file is missing")]
    return read_places(directory)[1]
