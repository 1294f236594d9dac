"""Openings (vacancies) and training places, and what extraction finds in their text.

`Extraction.to_json()` is the `jobmatch extract` contract of DESIGN.md §3.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Importance = Literal["must", "nice"]
SalaryUnit = Literal["hour", "month", "year"]
PostingKind = Literal["vacancy", "training"]
TrainingKind = Literal["course", "work-experience", "volunteering"]
EDUCATION_LEVELS = ("none", "MBO 1", "MBO 2", "MBO 3", "MBO 4", "HBO", "WO")


@dataclass(frozen=True)
class Posting:
    """A vacancy or training text as published: title line, blank line, text."""

    source: str
    title: str
    text: str
    kind: PostingKind = "vacancy"


@dataclass(frozen=True)
class AskedCompetency:
    """A competency a posting asks for, with the spans of text that show it."""

    id: str
    label: str
    importance: Importance
    evidence: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "importance": self.importance,
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class Requirements:
    hours_min: float | None = None
    hours_max: float | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    salary_unit: SalaryUnit | None = None
    dutch_level: str | None = None
    education_level: str | None = None
    driving_licence: bool = False
    certificates: tuple[str, ...] = ()
    shifts: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "hours_min": self.hours_min,
            "hours_max": self.hours_max,
            "salary_min": self.salary_min,
            "salary_max": self.salary_max,
            "salary_unit": self.salary_unit,
            "dutch_level": self.dutch_level,
            "education_level": self.education_level,
            "driving_licence": self.driving_licence,
            "certificates": list(self.certificates),
            "shifts": list(self.shifts),
        }


@dataclass(frozen=True)
class Extraction:
    """What a posting asks and offers. `location` is a city name found in the text, if any."""

    source: str
    title: str
    competencies: tuple[AskedCompetency, ...] = ()
    requirements: Requirements = field(default_factory=Requirements)
    offers: tuple[str, ...] = ()
    location: str | None = None

    @property
    def must_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.competencies if c.importance == "must")

    @property
    def nice_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.competencies if c.importance == "nice")

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "competencies": [c.to_json() for c in self.competencies],
            "requirements": self.requirements.to_json(),
            "offers": list(self.offers),
            "location": self.location,
        }


@dataclass(frozen=True)
class EmployerContact:
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Employer:
    id: str
    name: str
    sector: str
    city: str
    pc4: str | None = None
    open_to_gap: bool = False
    notes: str = ""
    contacts: tuple[EmployerContact, ...] = ()


@dataclass(frozen=True)
class Opening:
    """A vacancy ready to rank: its text, what extraction found, and where it is."""

    posting: Posting
    extraction: Extraction
    employer: str | None = None
    employer_id: str | None = None
    sector: str | None = None
    pc4: str | None = None
    open_to_gap: bool = False

    def __hash__(self) -> int:
        """The hash of all fields, computed once: a pool of openings is hashed on every ranking
        call to find its fitted ranker (services/pool_cache.py)."""
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(
                (
                    self.posting,
                    self.extraction,
                    self.employer,
                    self.employer_id,
                    self.sector,
                    self.pc4,
                    self.open_to_gap,
                )
            )
            object.__setattr__(self, "_hash", cached)
        return cached

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the cached hash (string hashes differ between processes)."""
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}


@dataclass(frozen=True)
class TrainingPlace:
    """A course, work-experience place or volunteering place from the catalogue."""

    id: str
    title: str
    kind: TrainingKind
    provider: str
    description: str
    level: str = ""  # e.g. "MBO-1 Entree", "MBO-2", "NT2 B1", ""
    competencies_taught: tuple[str, ...] = ()
    duration: str = ""
    dutch_level: str | None = None
    cost: str = ""
    funding: str = ""
    start_moments: tuple[str, ...] = ()
    city: str = ""
    pc4: str | None = None
    sector: str | None = None
    certificates_gained: tuple[str, ...] = ()
    source: str = ""
