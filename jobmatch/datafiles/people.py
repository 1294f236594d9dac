"""Demo organisations (with staff accounts) and participants from vacancies/.

`read_*` return what they could read plus every problem found; `load_*` raise DataFileError.
The staff passwords in vacancies/organisations.toml are demo credentials, nothing more.
The CSV/pc4 helpers (tables.py) and employers (employers.py) are re-exported here for code
that imported them from this module.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from jobmatch.datafiles.employers import EMPLOYER_FIELDS, load_employers, read_employers
from jobmatch.datafiles.reading import read_text, read_toml
from jobmatch.datafiles.tables import (
    EMPTY,
    MISSING,
    PlaceChecker,
    checked,
    csv_table,
    duplicates,
    folder_missing,
    named,
    pc4_value,
    required_fields,
)
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile

__all__ = [
    "EMPLOYER_FIELDS",
    "EMPTY",
    "MISSING",
    "PHASES",
    "STAFF_ROLES",
    "DemoOrganisation",
    "DemoParticipant",
    "PlaceChecker",
    "StaffAccount",
    "csv_table",
    "folder_missing",
    "load_demo_participants",
    "load_employers",
    "load_organisations",
    "pc4_value",
    "read_employers",
    "read_organisations",
    "read_participant",
    "read_participants",
    "required_fields",
]

StaffRole = Literal["job_hunter", "coordinator", "admin"]
STAFF_ROLES: tuple[StaffRole, ...] = ("job_hunter", "coordinator", "admin")
PHASES = ("contact", "oriëntatie", "uitvoering", "nazorg")
_PHASE_SPELLINGS = {"orientatie": "oriëntatie", "oriëntatie": "oriëntatie"}


@dataclass(frozen=True)
class StaffAccount:
    """A demo staff login of an organisation (demo password, never a real one)."""

    email: str
    name: str
    role: StaffRole
    password: str


@dataclass(frozen=True)
class DemoOrganisation:
    id: str
    name: str
    city: str
    staff: tuple[StaffAccount, ...] = ()


@dataclass(frozen=True)
class DemoParticipant:
    """A fictional participant: the profile plus organisation id, phase and short alias."""

    alias: str
    profile: Profile
    organisation: str
    phase: str
    source: str = ""


def _text(entry: Mapping[str, Any], key: str, where: tuple[str, str], out: list[Problem]) -> str:
    value = entry.get(key, "")
    if isinstance(value, str) and value.strip():
        return value.strip()
    message = MISSING if isinstance(value, str) else "moet tekst zijn / must be text"
    out.append(Problem(where[0], where[1], key, message))
    return ""


def _staff(raw: Any, where: tuple[str, str], out: list[Problem]) -> StaffAccount | None:
    if not isinstance(raw, dict):
        out.append(Problem(*where, "staff", "moet een tabel zijn / must be a table"))
        return None
    role = _text(raw, "role", where, out)
    if role and role not in STAFF_ROLES:
        out.append(Problem(*where, "role", f"kies uit / choose from {', '.join(STAFF_ROLES)}"))
    account = StaffAccount(
        email=_text(raw, "email", where, out),
        name=_text(raw, "name", where, out),
        role=role if role in STAFF_ROLES else "job_hunter",
        password=_text(raw, "password", where, out),
    )
    if account.email and "@" not in account.email:
        out.append(Problem(*where, "email", "geen e-mailadres / not an email address"))
    return account


def _organisation(raw: Any, index: int, source: str, out: list[Problem]) -> DemoOrganisation:
    name = raw.get("id", "?") if isinstance(raw, dict) else "?"
    where = (source, f"organisation[{index}] {name}")
    if not isinstance(raw, dict):
        out.append(Problem(*where, "", "moet een tabel zijn / must be a table"))
        return DemoOrganisation("", "", "")
    staff_raw = raw.get("staff", [])
    staff_list = staff_raw if isinstance(staff_raw, list) else []
    staff = []
    for number, entry in enumerate(staff_list):
        account = _staff(entry, (source, f"{where[1]} staff[{number}]"), out)
        if account:
            staff.append(account)
    roles = {account.role for account in staff}
    for role in STAFF_ROLES:
        if role not in roles:
            out.append(
                Problem(*where, "staff", f"geen account met rol / no account with role {role}")
            )
    return DemoOrganisation(
        id=_text(raw, "id", where, out),
        name=_text(raw, "name", where, out),
        city=_text(raw, "city", where, out),
        staff=tuple(staff),
    )


def read_organisations(path: Path) -> tuple[list[DemoOrganisation], list[Problem]]:
    """The organisations in organisations.toml and every problem (file + entry + field)."""
    problems: list[Problem] = []
    if not path.is_file():
        return [], [Problem(str(path), "", "", "bestand ontbreekt / file is missing")]
    if not read_text(path).strip():
        return [], [Problem(str(path), "", "", EMPTY)]
    try:
        data = read_toml(path)
    except DataFileError as exc:
        return [], list(exc.problems)
    entries = data.get("organisation", [])
    if not isinstance(entries, list) or not entries:
        problems.append(
            Problem(
                str(path), "", "organisation", "geen organisaties / no [[organisation]] entries"
            )
        )
        return [], problems
    found = [_organisation(raw, i, str(path), problems) for i, raw in enumerate(entries)]
    duplicates(named((o.id for o in found), str(path)), "id", problems)
    emails = (s.email.lower() for o in found for s in o.staff)
    duplicates(named(emails, str(path)), "email", problems)
    return found, problems


def load_organisations(path: Path) -> list[DemoOrganisation]:
    return checked(read_organisations(path))


def read_participant(path: Path) -> tuple[DemoParticipant | None, list[Problem]]:
    """One participant JSON file: the profile (DESIGN.md §3) plus organisation and phase."""
    source = str(path)
    text = read_text(path)
    if not text.strip():
        return None, [Problem(source, "", "", EMPTY)]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [
            Problem(
                source, f"line {exc.lineno}", "", f"geen geldige JSON / invalid JSON: {exc.msg}"
            )
        ]
    except RecursionError:
        return None, [Problem(source, "", "", "geen geldige JSON / invalid JSON: te diep genest")]
    if not isinstance(data, dict):
        return None, [Problem(source, "", "", "een profiel is een JSON-object / must be an object")]
    problems: list[Problem] = []
    organisation = _text(data, "organisation", (source, ""), problems)
    phase = _text(data, "phase", (source, ""), problems)
    phase = _PHASE_SPELLINGS.get(phase.lower(), phase.lower())
    if phase and phase not in PHASES:
        problems.append(Problem(source, "", "phase", f"kies uit / choose from {', '.join(PHASES)}"))
    try:
        profile = profile_from_dict(data, source=source)
    except DataFileError as exc:
        return None, problems + list(exc.problems)
    alias = data.get("alias")
    alias = alias.strip() if isinstance(alias, str) and alias.strip() else path.stem
    participant = DemoParticipant(alias, profile, organisation, phase, source=path.name)
    return participant, problems


def read_participants(directory: Path) -> tuple[list[DemoParticipant], list[Problem]]:
    found: list[DemoParticipant] = []
    problems: list[Problem] = [] if directory.is_dir() else [folder_missing(directory)]
    for path in sorted(directory.glob("*.json")):
        participant, file_problems = read_participant(path)
        problems.extend(file_problems)
        if participant:
            found.append(participant)
    if not found and not problems:
        problems.append(Problem(str(directory), "", "", "geen deelnemers / no *.json participants"))
    duplicates(named((p.alias for p in found), str(directory)), "alias", problems)
    return found, problems


def load_demo_participants(directory: Path) -> list[DemoParticipant]:
    return checked(read_participants(directory))
