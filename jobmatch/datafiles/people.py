"""Demo organisations (with staff accounts), participants and employers from vacancies/,
plus the shared CSV/pc4 helpers that postings.py builds on.

`read_*` return what they could read plus every problem found; `load_*` raise DataFileError.
The staff passwords in vacancies/organisations.toml are demo credentials, nothing more.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from jobmatch.datafiles.reading import read_csv_rows, read_text, read_toml
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile
from jobmatch.domain.vacancies import Employer, EmployerContact

StaffRole = Literal["job_hunter", "coordinator", "admin"]
STAFF_ROLES: tuple[StaffRole, ...] = ("job_hunter", "coordinator", "admin")
PHASES = ("contact", "oriëntatie", "uitvoering", "nazorg")
_PHASE_SPELLINGS = {"orientatie": "oriëntatie", "oriëntatie": "oriëntatie"}
MISSING = "ontbreekt of is leeg / is missing or empty"
EMPTY = "Bestand is leeg / file is empty"
EMPLOYER_FIELDS = ("id", "name", "sector", "city", "pc4", "open_to_gap")
_TRUE = {"true", "ja", "yes", "1", "waar"}
_FALSE = {"false", "nee", "no", "0", "onwaar", ""}


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
    _duplicates([o.id for o in found], str(path), "id", problems)
    _duplicates([s.email.lower() for o in found for s in o.staff], str(path), "email", problems)
    return found, problems


def folder_missing(directory: Path) -> Problem:
    return Problem(str(directory), "", "", "map ontbreekt / folder is missing")


def _duplicates(values: list[str], source: str, field: str, out: list[Problem]) -> None:
    seen: set[str] = set()
    for value in values:
        if value and value in seen:
            out.append(Problem(source, value, field, "komt twee keer voor / is a duplicate"))
        seen.add(value)


def load_organisations(path: Path) -> list[DemoOrganisation]:
    organisations, problems = read_organisations(path)
    if problems:
        raise DataFileError(problems)
    return organisations


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
    _duplicates([p.alias for p in found], str(directory), "alias", problems)
    return found, problems


def load_demo_participants(directory: Path) -> list[DemoParticipant]:
    participants, problems = read_participants(directory)
    if problems:
        raise DataFileError(problems)
    return participants


def csv_table(path: Path, fields: tuple[str, ...]) -> tuple[list[dict[str, str]], list[Problem]]:
    """Rows of a CSV (`,` or `;`, UTF-8/BOM/cp1252) and problems for empty file/missing columns."""
    if not path.is_file():
        return [], [Problem(str(path), "", "", "bestand ontbreekt / file is missing")]
    if not read_text(path).strip():
        return [], [Problem(str(path), "", "", EMPTY)]
    rows = read_csv_rows(path)
    columns = set(rows[0]) if rows else set(fields)
    missing = [f for f in fields if f not in columns]
    return rows, [
        Problem(str(path), "line 1", f, "kolom ontbreekt / column is missing") for f in missing
    ]


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
    seen: set[str] = set()
    for line, employer in enumerate(employers, start=2):
        if employer.id in seen:
            problems.append(
                Problem(str(path), f"line {line}", "id", "komt twee keer voor / is a duplicate")
            )
        seen.add(employer.id)
    return employers, problems


def load_employers(path: Path) -> list[Employer]:
    employers, problems = read_employers(path)
    if problems:
        raise DataFileError(problems)
    return employers


# Towns that belong to a municipality of another name (nl-pc4.csv lists municipalities).
_TOWNS = {
    "'s-gravenhage": ("den haag", "scheveningen"),
    "leidschendam-voorburg": ("voorburg", "leidschendam"),
    "westland": ("naaldwijk", "monster", "wateringen", "'s-gravenzande", "poeldijk", "de lier"),
    "pijnacker-nootdorp": ("pijnacker", "nootdorp"),
    "lansingerland": ("berkel en rodenrijs", "bleiswijk"),
}
_MUNICIPALITY = {town: name for name, towns in _TOWNS.items() for town in towns}


def _municipality(city: str) -> str:
    name = city.strip().lower()
    return _MUNICIPALITY.get(name, name)


class PlaceChecker:
    """Checks a pc4 (and the city that goes with it) against nl-pc4.csv."""

    def __init__(self, pc4_file: Path, problems: list[Problem]) -> None:
        rows, found = csv_table(pc4_file, ("pc4", "municipality"))
        problems.extend(found)
        self.index = {row["pc4"]: row.get("municipality", "").lower() for row in rows}
        self.problems = problems

    def check(self, pc4: str | None, city: str | None, where: tuple[str, str]) -> None:
        if pc4 is None or not self.index:
            return
        if pc4 not in self.index:
            message = f"postcode {pc4} staat niet in / is not in nl-pc4.csv"
            self.problems.append(Problem(*where, "pc4", message))
        elif city and _municipality(city) != self.index[pc4]:
            message = f"{pc4} ligt in / lies in {self.index[pc4]}, niet / not {city}"
            self.problems.append(Problem(*where, "city", message))
