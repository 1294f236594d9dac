"""Participant profile (DESIGN.md §3) as frozen dataclasses; parsing is in profile_json."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
NATIVE = "native"
EXPERIENCE_KINDS = (
    "work",
    "volunteer",
    "own-business",
    "personal-services",
    "care",
    "education",
    "other",
)
SHIFTS = ("evening", "night", "weekend", "irregular")
CompetencyStatus = Literal["confirmed", "suggested"]
MAX_TEXT = 20_000
DATE_POLICIES = ("none", "durations", "exact")
CONTACT_FIELDS = ("email", "phone", "city")
GAP_FRAMINGS = ("own-business", "family-care", "abroad", "decline")


@dataclass(frozen=True)
class Contact:
    email: str = ""
    phone: str = ""
    city: str = ""
    postcode: str = ""

    @property
    def pc4(self) -> str | None:
        digits = self.postcode.strip()[:4]
        return digits if len(digits) == 4 and digits.isdigit() else None


@dataclass(frozen=True)
class LanguageSkill:
    language: str
    level: str  # CEFR letter or "native"

    @property
    def rank(self) -> int:
        """0 for unknown, 1 (A1) … 6 (C2), 7 for native."""
        if self.level == NATIVE:
            return 7
        return CEFR_LEVELS.index(self.level) + 1 if self.level in CEFR_LEVELS else 0


@dataclass(frozen=True)
class Experience:
    title: str
    kind: str
    description: str = ""
    neutral_line: str = ""  # what the participant chose to show instead (may be empty)
    show_on_cv: bool = True
    duration: str = ""  # e.g. "3 jaar"; printed only with cv.date_policy "durations"
    period: str = ""  # e.g. "2019-2022"; printed only with cv.date_policy "exact"


@dataclass(frozen=True)
class ProfileCompetency:
    id: str
    evidence: str = ""
    status: CompetencyStatus = "confirmed"


@dataclass(frozen=True)
class Education:
    title: str
    level: str = ""
    completed: bool = True


@dataclass(frozen=True)
class CvOptions:
    """What the participant chose to show on CV and letter (profile JSON `"cv": {…}`)."""

    date_policy: str = "none"  # none | durations | exact
    show_contact: tuple[str, ...] = CONTACT_FIELDS
    include_interests: bool = True
    gap_framing: str = ""  # "" (not chosen yet) or one of GAP_FRAMINGS
    letter_date: bool = False  # a date line in the cover letter
    motivation: str = ""  # the participant's own words for the letter


@dataclass(frozen=True)
class Preferences:
    sectors: tuple[str, ...] = ()
    hours_min: float | None = None
    hours_max: float | None = None
    max_km: float | None = None
    avoid_shifts: tuple[str, ...] = ()
    wants_training_first: bool = False


@dataclass(frozen=True)
class Avoid:
    employers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    name: str
    contact: Contact = field(default_factory=Contact)
    languages: tuple[LanguageSkill, ...] = ()
    experiences: tuple[Experience, ...] = ()
    competencies: tuple[ProfileCompetency, ...] = ()
    education: tuple[Education, ...] = ()
    preferences: Preferences = field(default_factory=Preferences)
    income_need_net_month: float | None = None
    avoid: Avoid = field(default_factory=Avoid)
    driving_licence: bool = False
    certificates: tuple[str, ...] = ()
    digital_skills: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    discovery: Mapping[str, bool] = field(default_factory=dict)
    cv: CvOptions = field(default_factory=CvOptions)

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else ""

    def language_level(self, language: str) -> LanguageSkill | None:
        for skill in self.languages:
            if skill.language == language:
                return skill
        return None

    @property
    def competency_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.competencies)
