"""Shared helpers for the CSV and TOML data files of vacancies/: reading a CSV table with its
problems, pc4 values, required fields, duplicates, and checking places against nl-pc4.csv."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from jobmatch.datafiles.reading import read_csv_header, read_csv_rows, read_text
from jobmatch.datafiles.towns import TOWNS_FILE, read_towns
from jobmatch.domain.errors import DataFileError, Problem

MISSING = "ontbreekt of is leeg / is missing or empty"
EMPTY = "Bestand is leeg / file is empty"
DUPLICATE = "komt twee keer voor / is a duplicate"
Where = tuple[str, str]  # (source, where) of a Problem
T = TypeVar("T")
NO_ROWS = "Bestand bevat geen regels, alleen de kopregel / has no rows, only the header"


def folder_missing(directory: Path) -> Problem:
    return Problem(str(directory), "", "", "map ontbreekt / folder is missing")


def duplicates(values: Iterable[tuple[str, Where]], field: str, out: list[Problem]) -> None:
    """A problem at every value seen before; each value comes with its (source, where)."""
    seen: set[str] = set()
    for value, where in values:
        if value in seen:
            out.append(Problem(*where, field, DUPLICATE))
        seen.add(value)


def named(values: Iterable[str], source: str) -> Iterator[tuple[str, Where]]:
    """Values that name their own place in a problem (empty values left out)."""
    return ((value, (source, value)) for value in values if value)


def checked(result: tuple[T, list[Problem]]) -> T:
    """What a read_* function found; DataFileError when it came with any problem."""
    found, problems = result
    if problems:
        raise DataFileError(problems)
    return found


def csv_table(path: Path, fields: tuple[str, ...]) -> tuple[list[dict[str, str]], list[Problem]]:
    """Rows of a CSV (`,` or `;`, UTF-8/BOM/cp1252) and problems for a missing or empty file,
    missing columns, or a header without any rows."""
    if not path.is_file():
        return [], [Problem(str(path), "", "", "bestand ontbreekt / file is missing")]
    if not read_text(path).strip():
        return [], [Problem(str(path), "", "", EMPTY)]
    rows = read_csv_rows(path)
    columns = set(rows[0]) if rows else set(read_csv_header(path))
    problems = [
        Problem(str(path), "line 1", f, "kolom ontbreekt / column is missing")
        for f in fields
        if f not in columns
    ]
    if not rows:
        problems.append(Problem(str(path), "", "", NO_ROWS))
    return rows, problems


def pc4_value(value: str, source: str, where: str, problems: list[Problem]) -> str | None:
    value = value.strip()
    if not value:
        return None
    if len(value) != 4 or not value.isdigit():
        problems.append(
            Problem(source, where, "pc4", f"geen 4-cijferige postcode / not pc4: {value}")
        )
        return None
    return value


def required_fields(
    row: Mapping[str, str], fields: tuple[str, ...], where: tuple[str, str]
) -> list[Problem]:
    return [Problem(where[0], where[1], f, MISSING) for f in fields if not row.get(f, "").strip()]


class PlaceChecker:
    """Checks a pc4 (and the city that goes with it) against nl-pc4.csv."""

    def __init__(self, pc4_file: Path, problems: list[Problem]) -> None:
        rows, found = csv_table(pc4_file, ("pc4", "municipality"))
        problems.extend(found)
        self.index = {row["pc4"]: row.get("municipality", "").lower() for row in rows}
        self.problems = problems
        towns = pc4_file.parent / TOWNS_FILE
        found_towns = read_towns(towns)[0] if towns.is_file() else []
        self.towns = {t.name.lower(): t.municipality.lower() for t in found_towns}
        self.towns.update({"den haag": "'s-gravenhage", "den bosch": "'s-hertogenbosch"})

    def _municipality(self, city: str) -> str:
        name = city.strip().lower()
        return self.towns.get(name, name)

    def check(self, pc4: str | None, city: str | None, where: tuple[str, str]) -> None:
        if pc4 is None or not self.index:
            return
        if pc4 not in self.index:
            message = f"postcode {pc4} staat niet in / is not in nl-pc4.csv"
            self.problems.append(Problem(*where, "pc4", message))
        elif city and self._municipality(city) != self.index[pc4]:
            message = f"{pc4} ligt in / lies in {self.index[pc4]}, niet / not {city}"
            self.problems.append(Problem(*where, "city", message))
