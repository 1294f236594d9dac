"""Rows of an import file, checked, and what is wrong with the others (standard library only).

A file gives `ImportRow`s: `fields` holds the cleaned values (str, int, list, ISO date strings) in
the shape the import service stores; `problems` says per field what is wrong, in Dutch then
English. A row with problems is never imported; the others are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

MONTHS_NL = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
DATE_FORMATS_HELP = "2026-12-31, 31-12-2026, 31/12/2026, 31.12.2026 of/or 31 december 2026"
_NUMERIC = re.compile(r"^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$")
_WORDS = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


@dataclass(frozen=True)
class RowProblem:
    field: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


@dataclass(frozen=True)
class ImportRow:
    line: int  # 1-based line (CSV: the header is line 1) or position in the JSON-LD file
    fields: dict[str, Any]
    problems: tuple[RowProblem, ...] = ()
    label: str = ""  # what a person recognises the row by (its title)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "label": self.label,
            "ok": self.ok,
            "problems": [problem.to_json() for problem in self.problems],
        }


@dataclass(frozen=True)
class Preview:
    """The dry run of a file: every row, ok or with its problems; nothing is stored."""

    filename: str
    file_format: str  # "csv" | "jsonld"
    rows: tuple[ImportRow, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()  # about the whole file (encoding, delimiter seen)

    @property
    def ok_rows(self) -> tuple[ImportRow, ...]:
        return tuple(row for row in self.rows if row.ok)

    @property
    def problem_rows(self) -> tuple[ImportRow, ...]:
        return tuple(row for row in self.rows if not row.ok)

    def to_json(self) -> dict[str, Any]:
        return {
            "filename": self.filename,
            "format": self.file_format,
            "rows_ok": len(self.ok_rows),
            "rows_with_problems": len(self.problem_rows),
            "notes": list(self.notes),
            "problems": [row.to_json() for row in self.problem_rows],
        }


def parse_date(value: str) -> date | None:
    """A closing date in the formats Dutch spreadsheets write; None when it is not a date.

    Numbers with the year last are read day-month-year (Dutch order), never month-day.
    """
    text = value.strip().lower()
    if "t" in text and text[:4].isdigit():  # 2026-12-31T23:59:00+01:00 (schema.org)
        text = text.split("t", 1)[0]
    numeric = _NUMERIC.match(text)
    words = _WORDS.match(text)
    try:
        if numeric:
            first, second, third = (int(part) for part in numeric.groups())
            if len(numeric.group(1)) == 4:
                return date(first, second, third)
            if len(numeric.group(3)) == 4:
                return date(third, second, first)
            return None
        if words and words.group(2) in MONTHS_NL:
            return date(int(words.group(3)), MONTHS_NL[words.group(2)], int(words.group(1)))
    except ValueError:
        return None
    return None
