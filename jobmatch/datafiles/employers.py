"""Employers of the demo network (vacancies/employers.csv) as domain Employer objects.

`read_employers` returns what it could read plus every problem; `load_employers` raises.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from jobmatch.datafiles.tables import checked, csv_table, duplicates, pc4_value, required_fields
from jobmatch.domain.errors import Problem
from jobmatch.domain.vacancies import Employer, EmployerContact

EMPLOYER_FIELDS = ("id", "name", "sector", "city", "pc4", "open_to_gap")
_TRUE = {"true", "ja", "yes", "1", "waar"}
_FALSE = {"false", "nee", "no", "0", "onwaar", ""}


def _flag(value: str, where: tuple[str, str], problems: list[Problem]) -> bool:
    if value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    problems.append(
        Problem(*where, "open_to_gap", "moet true of false zijn / must be true or false")
    )
    return False


def _employer(row: Mapping[str, str], where: tuple[str, str], problems: list[Problem]) -> Employer:
    problems.extend(required_fields(row, EMPLOYER_FIELDS[:5], where))
    contact = EmployerContact(
        name=row.get("contact_name", ""),
        role=row.get("contact_role", ""),
        email=row.get("contact_email", ""),
        phone=row.get("contact_phone", ""),
    )
    if contact.email and "@" not in contact.email:
        problems.append(Problem(*where, "contact_email", "geen e-mailadres / not an email address"))
    return Employer(
        id=row.get("id", ""),
        name=row.get("name", ""),
        sector=row.get("sector", ""),
        city=row.get("city", ""),
        pc4=pc4_value(row.get("pc4", ""), *where, problems),
        open_to_gap=_flag(row.get("open_to_gap", ""), where, problems),
        notes=row.get("notes", ""),
        contacts=(contact,) if contact.name else (),
    )


def read_employers(path: Path) -> tuple[list[Employer], list[Problem]]:
    rows, problems = csv_table(path, EMPLOYER_FIELDS)
    employers = [
        _employer(row, (str(path), f"line {line}"), problems)
        for line, row in enumerate(rows, start=2)
    ]
    lines = ((e.id, (str(path), f"line {n}")) for n, e in enumerate(employers, start=2))
    duplicates(lines, "id", problems)
    return employers, problems


def load_employers(path: Path) -> list[Employer]:
    return checked(read_employers(path))
