"""Non-table models that validate input before it becomes a row (table models skip validation).

`XCreate(XBase)` adds the checks; `models.X.model_validate(x_create, update={...})` makes the row.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints, field_validator
from sqlmodel import Field

from jobmatch.db.models import (
    EmployerBase,
    EmployerContactBase,
    ExperienceBase,
    LanguageSkillBase,
    OrganisationBase,
    ParticipantBase,
    ParticipantCompetencyBase,
    StaffUserBase,
    TrainingPlaceBase,
    VacancyBase,
)

# sqlmodel's Field(regex=...) is not enforced with pydantic 2: patterns go in the type.
Pc4 = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{3}$")]
Slug = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$")
]
Email = Annotated[str, StringConstraints(max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


class OrganisationCreate(OrganisationBase):
    slug: Slug
    name: str = Field(min_length=1, max_length=200)


class StaffUserCreate(StaffUserBase):
    email: Email
    name: str = Field(min_length=1, max_length=200)
    role: Literal["job_hunter", "coordinator", "admin"]
    password: str = Field(min_length=12, max_length=1024)

    @field_validator("email", mode="before")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.strip().lower()


class ParticipantCreate(ParticipantBase):
    alias: str = Field(min_length=1, max_length=100)
    phase: Literal["contact", "oriëntatie", "uitvoering", "nazorg"] = "contact"
    pc4: Pc4 | None = None
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    full_name: str | None = Field(default=None, max_length=200)
    contact_email: str | None = Field(default=None, max_length=254)
    contact_phone: str | None = Field(default=None, max_length=40)
    notes: str | None = Field(default=None, max_length=20_000)


class ExperienceCreate(ExperienceBase):
    title: str = Field(min_length=1, max_length=200)
    kind: Literal[
        "work", "volunteer", "own-business", "personal-services", "care", "education", "other"
    ]
    description: str | None = Field(default=None, max_length=20_000)


class ParticipantCompetencyCreate(ParticipantCompetencyBase):
    competency_id: Slug
    status: Literal["confirmed", "suggested"] = "suggested"
    evidence: str | None = Field(default=None, max_length=2_000)


class LanguageSkillCreate(LanguageSkillBase):
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
    level: Literal["A1", "A2", "B1", "B2", "C1", "C2", "native"]


class EmployerCreate(EmployerBase):
    key: Slug
    name: str = Field(min_length=1, max_length=200)
    pc4: Pc4 | None = None


class EmployerContactCreate(EmployerContactBase):
    name: str = Field(min_length=1, max_length=200)


class VacancyCreate(VacancyBase):
    title: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1, max_length=100_000)
    pc4: Pc4 | None = None


class TrainingPlaceCreate(TrainingPlaceBase):
    key: str = Field(min_length=1, max_length=64)
    title: str = Field(min_length=1, max_length=300)
    kind: Literal["course", "work-experience", "volunteering"]
    dutch_level: Literal["A1", "A2", "B1", "B2", "C1", "C2"] | None = None
    pc4: Pc4 | None = None
    competencies_taught: list[str] = Field(default_factory=list)
    start_dates: list[str] = Field(default_factory=list)
    source: str = Field(default="", max_length=300)
