"""Profile JSON -> Profile, with every problem reported by its JSON path.

`profile_from_dict` collects all problems before it raises, so a job hunter sees everything
that is wrong in one go. Unknown extra fields are allowed and ignored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from jobmatch.domain.errors import Problem, ProfileError
from jobmatch.domain.profiles import (
    CEFR_LEVELS,
    CONTACT_FIELDS,
    DATE_POLICIES,
    EXPERIENCE_KINDS,
    GAP_FRAMINGS,
    MAX_TEXT,
    NATIVE,
    SHIFTS,
    Avoid,
    Contact,
    CvOptions,
    Education,
    Experience,
    LanguageSkill,
    Preferences,
    Profile,
    ProfileCompetency,
)


class _Reader:
    """Reads typed values out of parsed JSON and records problems by path."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.source, path, "", message))

    def text(self, data: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(f"{path}{key}", "ontbreekt / is missing")
            return ""
        if not isinstance(value, str):
            self.fail(f"{path}{key}", "moet tekst zijn / must be text")
            return ""
        if len(value) > MAX_TEXT:
            self.fail(f"{path}{key}", f"te lang (max {MAX_TEXT} tekens) / too long")
            return ""
        return value.strip()

    def number(
        self, data: Mapping[str, Any], key: str, path: str, low: float, high: float
    ) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"{path}{key}", "moet een getal zijn / must be a number")
            return None
        if not low <= value <= high:
            self.fail(f"{path}{key}", f"moet tussen {low:g} en {high:g} liggen / out of range")
            return None
        return float(value)

    def boolean(self, data: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail(f"{path}{key}", "moet true of false zijn / must be true or false")
            return default
        return value

    def items(self, data: Mapping[str, Any], key: str, path: str) -> list[tuple[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.fail(f"{path}{key}", "moet een lijst zijn / must be a list")
            return []
        return [(f"{path}{key}[{i}]", item) for i, item in enumerate(value)]

    def objects(self, data: Mapping[str, Any], key: str, path: str) -> list[tuple[str, Any]]:
        found = []
        for item_path, item in self.items(data, key, path):
            if isinstance(item, dict):
                found.append((f"{item_path}.", item))
            else:
                self.fail(item_path, "moet een object zijn / must be an object")
        return found

    def strings(self, data: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        found = []
        for item_path, item in self.items(data, key, path):
            if isinstance(item, str) and item.strip():
                found.append(item.strip())
            else:
                self.fail(item_path, "moet tekst zijn / must be text")
        return tuple(found)

    def mapping(self, data: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.fail(f"{path}{key}", "moet een object zijn / must be an object")
            return {}
        return value


def _contact(r: _Reader, data: Mapping[str, Any]) -> Contact:
    raw = r.mapping(data, "contact", "")
    postcode = r.text(raw, "postcode", "contact.")
    if postcode and not (postcode[:4].isdigit() and len(postcode.replace(" ", "")) in (4, 6)):
        r.fail(
            "contact.postcode", "geen Nederlandse postcode (1234 of 1234AB) / not a Dutch postcode"
        )
    return Contact(
        email=r.text(raw, "email", "contact."),
        phone=r.text(raw, "phone", "contact."),
        city=r.text(raw, "city", "contact."),
        postcode=postcode,
    )


def _languages(r: _Reader, data: Mapping[str, Any]) -> tuple[LanguageSkill, ...]:
    skills = []
    for path, raw in r.objects(data, "languages", ""):
        language = r.text(raw, "language", path, required=True).lower()
        level = r.text(raw, "level", path, required=True)
        level = (
            NATIVE if level.lower() in (NATIVE, "moedertaal", "mother tongue") else level.upper()
        )
        if level and level != NATIVE and level not in CEFR_LEVELS:
            r.fail(f"{path}level", f"kies uit / choose from {', '.join(CEFR_LEVELS)} of native")
        if language:
            skills.append(LanguageSkill(language=language, level=level))
    return tuple(skills)


def _experiences(r: _Reader, data: Mapping[str, Any]) -> tuple[Experience, ...]:
    found = []
    for path, raw in r.objects(data, "experiences", ""):
        kind = r.text(raw, "kind", path) or "other"
        if kind not in EXPERIENCE_KINDS:
            r.fail(f"{path}kind", f"kies uit / choose from {', '.join(EXPERIENCE_KINDS)}")
        found.append(
            Experience(
                title=r.text(raw, "title", path),
                kind=kind,
                description=r.text(raw, "description", path),
                neutral_line=r.text(raw, "neutral_line", path),
                show_on_cv=r.boolean(raw, "show_on_cv", path, True),
                duration=r.text(raw, "duration", path),
                period=r.text(raw, "period", path),
            )
        )
    return tuple(found)


def _competencies(r: _Reader, data: Mapping[str, Any]) -> tuple[ProfileCompetency, ...]:
    found = []
    for path, raw in r.objects(data, "competencies", ""):
        status = r.text(raw, "status", path) or "confirmed"
        if status not in ("confirmed", "suggested"):
            r.fail(f"{path}status", "kies uit / choose from confirmed, suggested")
            status = "suggested"
        competency_id = r.text(raw, "id", path, required=True)
        if competency_id:
            found.append(
                ProfileCompetency(
                    id=competency_id,
                    evidence=r.text(raw, "evidence", path),
                    status="confirmed" if status == "confirmed" else "suggested",
                )
            )
    return tuple(found)


def _education(r: _Reader, data: Mapping[str, Any]) -> tuple[Education, ...]:
    return tuple(
        Education(
            title=r.text(raw, "title", path, required=True),
            level=r.text(raw, "level", path),
            completed=r.boolean(raw, "completed", path, True),
        )
        for path, raw in r.objects(data, "education", "")
    )


def _preferences(r: _Reader, data: Mapping[str, Any]) -> Preferences:
    raw = r.mapping(data, "preferences", "")
    path = "preferences."
    shifts = r.strings(raw, "avoid_shifts", path)
    for shift in shifts:
        if shift not in SHIFTS:
            r.fail(f"{path}avoid_shifts", f"kies uit / choose from {', '.join(SHIFTS)}")
    hours_min = r.number(raw, "hours_min", path, 0, 60)
    hours_max = r.number(raw, "hours_max", path, 0, 60)
    if hours_min is not None and hours_max is not None and hours_min > hours_max:
        r.fail(f"{path}hours_min", "is groter dan hours_max / is larger than hours_max")
    return Preferences(
        sectors=r.strings(raw, "sectors", path),
        hours_min=hours_min,
        hours_max=hours_max,
        max_km=r.number(raw, "max_km", path, 0, 400),
        avoid_shifts=shifts,
        wants_training_first=r.boolean(raw, "wants_training_first", path, False),
    )


def _avoid(r: _Reader, data: Mapping[str, Any]) -> Avoid:
    raw = r.mapping(data, "avoid", "")
    return Avoid(
        employers=r.strings(raw, "employers", "avoid."), places=r.strings(raw, "places", "avoid.")
    )


def _discovery(r: _Reader, data: Mapping[str, Any]) -> dict[str, bool]:
    raw = r.mapping(data, "discovery", "")
    answers = {}
    for key, value in raw.items():
        if isinstance(value, bool):
            answers[str(key)] = value
        else:
            r.fail(f"discovery.{key}", "moet true of false zijn / must be true or false")
    return answers


def _choice(r: _Reader, raw: Mapping[str, Any], key: str, choices: tuple[str, ...]) -> str:
    value = r.text(raw, key, "cv.")
    if value and value not in choices:
        r.fail(f"cv.{key}", f"kies uit / choose from {', '.join(choices)}")
        return ""
    return value


def _cv_options(r: _Reader, data: Mapping[str, Any]) -> CvOptions:
    raw = r.mapping(data, "cv", "")
    shown = r.strings(raw, "show_contact", "cv.") if "show_contact" in raw else CONTACT_FIELDS
    if any(item not in CONTACT_FIELDS for item in shown):
        r.fail("cv.show_contact", f"kies uit / choose from {', '.join(CONTACT_FIELDS)}")
    return CvOptions(
        date_policy=_choice(r, raw, "date_policy", DATE_POLICIES) or "none",
        show_contact=tuple(item for item in shown if item in CONTACT_FIELDS),
        include_interests=r.boolean(raw, "include_interests", "cv.", True),
        gap_framing=_choice(r, raw, "gap_framing", GAP_FRAMINGS),
        letter_date=r.boolean(raw, "letter_date", "cv.", False),
        motivation=r.text(raw, "motivation", "cv."),
    )


def profile_from_dict(data: Any, source: str = "profile") -> Profile:
    """Validate parsed profile JSON; raise ProfileError listing every problem by path."""
    r = _Reader(source)
    if not isinstance(data, dict):
        raise ProfileError(
            [Problem(source, "", "", "een profiel is een JSON-object / a profile is a JSON object")]
        )
    profile = Profile(
        name=r.text(data, "name", "", required=True),
        contact=_contact(r, data),
        languages=_languages(r, data),
        experiences=_experiences(r, data),
        competencies=_competencies(r, data),
        education=_education(r, data),
        preferences=_preferences(r, data),
        income_need_net_month=r.number(data, "income_need_net_month", "", 0, 20_000),
        avoid=_avoid(r, data),
        driving_licence=r.boolean(data, "driving_licence", "", False),
        certificates=r.strings(data, "certificates", ""),
        digital_skills=r.strings(data, "digital_skills", ""),
        interests=r.strings(data, "interests", ""),
        discovery=_discovery(r, data),
        cv=_cv_options(r, data),
    )
    if r.problems:
        raise ProfileError(r.problems)
    return profile


def profile_from_json(text: str, source: str = "profile") -> Profile:
    """Parse JSON text (a BOM is allowed) into a Profile."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise ProfileError(
            [
                Problem(
                    source, f"line {exc.lineno}", "", f"geen geldige JSON / invalid JSON: {exc.msg}"
                )
            ]
        ) from exc
    except RecursionError as exc:  # "[[[[…" thousands deep: json gives up without a line
        message = "te diep genest / nested too deeply"
        raise ProfileError(
            [Problem(source, "", "", f"geen geldige JSON / invalid JSON: {message}")]
        ) from exc
    return profile_from_dict(data, source)
