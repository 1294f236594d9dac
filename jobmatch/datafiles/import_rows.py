"""Check the rows of a vacancy or training-place import (CSV or schema.org JobPosting).

Each row becomes an `ImportRow` with clean fields or with a list of what is wrong with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from jobmatch.datafiles.jsonld import html_to_text
from jobmatch.domain.imports import DATE_FORMATS_HELP, ImportRow, RowProblem, parse_date

VACANCY_COLUMNS = ("id", "title", "text", "employer", "sector", "pc4", "city", "closing_date")
VACANCY_REQUIRED = ("title", "text")
VACANCY_EXAMPLE = (
    "hz-2026-01", "Receptionist hotel", "Wat ga je doen? Je ontvangt gasten ...", "Hotel Zeezicht",
    "horeca", "2586", "Den Haag", "31-12-2026",
)  # fmt: skip
TRAINING_COLUMNS = (
    "id", "title", "kind", "provider", "description", "level", "duration", "dutch_level",
    "city", "pc4", "sector", "competencies_taught",
)  # fmt: skip
TRAINING_REQUIRED = ("title", "kind", "provider")
TRAINING_EXAMPLE = (
    "taal-b1", "Nederlands naar B1", "language-course", "Taalhuis Demo", "Twee ochtenden per week",
    "", "6 maanden", "A2", "Den Haag", "2521", "onderwijs", "nederlands-spreken|samenwerken",
)  # fmt: skip
TRAINING_KINDS = ("course", "language-course", "work-experience", "learning-work", "volunteering")
KIND_WORDS = {
    "mbo": "course", "mbo-opleiding": "course", "opleiding": "course", "cursus": "course",
    "taalcursus": "language-course", "taal": "language-course", "werkervaring": "work-experience",
    "werkervaringsplaats": "work-experience", "leerwerk": "learning-work",
    "leerwerkplaats": "learning-work", "bbl": "learning-work", "vrijwilligerswerk": "volunteering",
}  # fmt: skip
ALIASES = {
    "titel": "title", "functie": "title", "tekst": "text", "omschrijving": "description",
    "vacaturetekst": "text", "werkgever": "employer", "sector": "sector", "postcode": "pc4",
    "plaats": "city", "woonplaats": "city", "sluitingsdatum": "closing_date", "soort": "kind",
    "aanbieder": "provider", "niveau": "level", "duur": "duration", "taalniveau": "dutch_level",
    "competenties": "competencies_taught",
}  # fmt: skip
LIMITS = {"id": 64, "title": 300, "employer": 200, "sector": 100, "city": 100, "provider": 200,
          "level": 40, "duration": 100}  # fmt: skip
MAX_TEXT = 50_000
_PC4 = re.compile(r"^([1-9][0-9]{3})\s*([a-zA-Z]{2})?$")
_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")


class _Row:
    def __init__(self, cells: Mapping[str, str]) -> None:
        self.cells = cells
        self.fields: dict[str, Any] = {}
        self.problems: list[RowProblem] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(RowProblem(field, message))

    def text(self, name: str, *, required: bool = False, limit: int | None = None) -> str:
        value = (self.cells.get(name) or "").strip()
        limit = limit or LIMITS.get(name, MAX_TEXT)
        if required and not value:
            self.fail(name, "ontbreekt / is missing")
        elif len(value) > limit:
            self.fail(name, f"te lang (max {limit} tekens) / too long (max {limit} characters)")
        self.fields[name] = value
        return value

    def pc4(self) -> None:
        value = (self.cells.get("pc4") or "").strip()
        match = _PC4.match(value)
        if value and not match:
            self.fail("pc4", f"'{value[:20]}' is geen postcode / is not a postcode (1234)")
        self.fields["pc4"] = match.group(1) if match else None

    def closing_date(self) -> None:
        value = (self.cells.get("closing_date") or "").strip()
        parsed = parse_date(value) if value else None
        if value and parsed is None:
            self.fail(
                "closing_date",
                f"'{value[:30]}' is geen datum; schrijf bijvoorbeeld {DATE_FORMATS_HELP} "
                f"/ is not a date; write e.g. {DATE_FORMATS_HELP}",
            )
        self.fields["closing_date"] = parsed.isoformat() if parsed else None

    def result(self, line: int) -> ImportRow:
        label = str(self.fields.get("title") or "")[:120]
        return ImportRow(line, self.fields, tuple(self.problems), label)


def vacancy_row(line: int, cells: Mapping[str, str]) -> ImportRow:
    row = _Row(cells)
    row.text("id")
    row.text("title", required=True)
    row.text("text", required=True)
    for name in ("employer", "sector", "city"):
        row.text(name)
    row.pc4()
    row.closing_date()
    return row.result(line)


def _kind(row: _Row) -> None:
    value = (row.cells.get("kind") or "").strip().lower()
    kind = KIND_WORDS.get(value, value)
    if value and kind not in TRAINING_KINDS:
        row.fail("kind", f"kies uit / choose from {', '.join(TRAINING_KINDS)}")
    row.fields["kind"] = kind


def _taught(row: _Row, known: Collection[str]) -> None:
    value = row.cells.get("competencies_taught") or ""
    ids = [part.strip() for part in re.split(r"[|,]", value) if part.strip()]
    unknown = [part for part in ids if known and part not in known]
    if unknown:
        row.fail(
            "competencies_taught",
            f"onbekende competentie / unknown competency: {', '.join(unknown[:5])}",
        )
    row.fields["competencies_taught"] = ids


def training_row(line: int, cells: Mapping[str, str], known: Collection[str] = ()) -> ImportRow:
    row = _Row(cells)
    for name in ("id", "provider", "level", "duration", "city", "sector"):
        row.text(name, required=name == "provider")
    row.text("title", required=True)
    row.text("description")
    _kind(row)
    level = (cells.get("dutch_level") or "").strip().upper()
    if level and level not in _LEVELS:
        row.fail("dutch_level", f"kies uit / choose from {', '.join(_LEVELS)}")
    row.fields["dutch_level"] = level if level in _LEVELS else None
    row.pc4()
    _taught(row, known)
    return row.result(line)


def _name(node: Any) -> str:
    if isinstance(node, dict):
        return str(node.get("name") or "")
    return str(node) if isinstance(node, str) else ""


def _address(posting: Mapping[str, Any]) -> dict[str, Any]:
    location = posting.get("jobLocation")
    location = location[0] if isinstance(location, list) and location else location
    address = location.get("address") if isinstance(location, dict) else None
    return address if isinstance(address, dict) else {}


def posting_cells(posting: Mapping[str, Any]) -> dict[str, str]:
    """A schema.org JobPosting as the cells of a vacancy CSV row."""
    address = _address(posting)
    identifier = posting.get("identifier")
    ident = identifier.get("value") if isinstance(identifier, dict) else identifier
    description = posting.get("description")
    industry = posting.get("industry")
    return {
        "id": str(ident or "")[:64],
        "title": _name({"name": posting.get("title")}),
        "text": html_to_text(description) if isinstance(description, str) else "",
        "employer": _name(posting.get("hiringOrganization")),
        "sector": industry if isinstance(industry, str) else "",
        "pc4": str(address.get("postalCode") or ""),
        "city": str(address.get("addressLocality") or ""),
        "closing_date": str(posting.get("validThrough") or ""),
    }


RowMaker = Callable[[int, Mapping[str, str]], ImportRow]
