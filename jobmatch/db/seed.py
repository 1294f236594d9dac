"""Turn the demo data (vacancies/ loaded as domain objects) into rows, skipping what exists.

Every row is found by its natural key first (organisation slug, staff email, employer id,
vacancy source file, training id, participant alias within its organisation), so seeding
twice never duplicates anything. Every new row is validated by its `XCreate` model first.
The caller (services.setup) owns the transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlmodel import Session, SQLModel

from jobmatch.datafiles.people import DemoOrganisation, DemoParticipant
from jobmatch.datafiles.postings import VacancyMeta
from jobmatch.db import models, schemas
from jobmatch.db.passwords import hash_password
from jobmatch.db.repositories import find_one
from jobmatch.domain.errors import DataFileError, Problem
from jobmatch.domain.profiles import Profile
from jobmatch.domain.vacancies import Employer, Posting, TrainingPlace

Extract = Callable[[Posting], dict[str, Any] | None]
S = TypeVar("S", bound=BaseModel)
T = TypeVar("T", bound=SQLModel)


def validated(schema: type[S], where: tuple[str, str], data: Mapping[str, Any]) -> S:
    """`data` checked by `schema`; a DataFileError naming file, entry and field otherwise."""
    try:
        return schema.model_validate(dict(data))
    except ValidationError as exc:
        problems = [
            Problem(where[0], where[1], ".".join(str(part) for part in error["loc"]), error["msg"])
            for error in exc.errors()
        ]
        raise DataFileError(problems) from exc


def _add(session: Session, table: type[T], valid: BaseModel, **extra: Any) -> int:
    row = table.model_validate(valid, update=extra)
    session.add(row)
    session.flush()
    return int(getattr(row, "id"))  # noqa: B009  (every table has an integer id)


def seed_organisations(
    session: Session, organisations: Iterable[DemoOrganisation]
) -> dict[str, int]:
    """Organisations and their staff accounts; returns slug -> database id."""
    ids: dict[str, int] = {}
    for org in organisations:
        where = ("organisations.toml", org.id)
        row = find_one(session, models.Organisation, slug=org.id)
        if row is not None and row.id is not None:
            ids[org.id] = row.id
        else:
            data = {"slug": org.id, "name": org.name, "city": org.city}
            valid = validated(schemas.OrganisationCreate, where, data)
            ids[org.id] = _add(session, models.Organisation, valid)
        for account in org.staff:
            if find_one(session, models.StaffUser, email=account.email.strip().lower()):
                continue
            staff = validated(schemas.StaffUserCreate, (where[0], account.email), asdict(account))
            secret = hash_password(staff.password)
            _add(
                session, models.StaffUser, staff, organisation_id=ids[org.id], password_hash=secret
            )
    return ids


def seed_employers(session: Session, employers: Iterable[Employer]) -> dict[str, int]:
    """Employers with their contacts; returns employer key -> database id."""
    ids: dict[str, int] = {}
    for employer in employers:
        row = find_one(session, models.Employer, key=employer.id)
        if row is not None and row.id is not None:
            ids[employer.id] = row.id
            continue
        where = ("employers.csv", employer.id)
        data = {k: v for k, v in asdict(employer).items() if k not in ("id", "contacts")}
        valid = validated(schemas.EmployerCreate, where, {"key": employer.id, **data})
        ids[employer.id] = _add(session, models.Employer, valid)
        for contact in employer.contacts:
            person = validated(schemas.EmployerContactCreate, where, asdict(contact))
            _add(session, models.EmployerContact, person, employer_id=ids[employer.id])
    return ids


def seed_vacancies(
    session: Session,
    postings: Iterable[Posting],
    meta: Mapping[str, VacancyMeta],
    employer_ids: Mapping[str, int],
    extract: Extract | None = None,
) -> None:
    """Vacancy rows keyed by source file ("jobs/<file>"); parsed JSON when extraction exists."""
    for posting in postings:
        source = f"jobs/{posting.source}"
        if find_one(session, models.Vacancy, source=source) is not None:
            continue
        info = meta.get(posting.source)
        data: dict[str, Any] = {"source": source, "title": posting.title, "text": posting.text}
        if info is not None:
            data.update(sector=info.sector, pc4=info.pc4)
        valid = validated(schemas.VacancyCreate, (source, ""), data)
        _add(
            session,
            models.Vacancy,
            valid,
            employer_id=employer_ids.get(info.employer_id) if info else None,
            parsed=extract(posting) if extract else None,
            content_hash=hashlib.sha256(posting.text.encode("utf-8")).hexdigest(),
        )


def seed_training_places(session: Session, places: Iterable[TrainingPlace]) -> None:
    for place in places:
        if find_one(session, models.TrainingPlace, key=place.id) is not None:
            continue
        data = asdict(place)
        data["key"] = data.pop("id")
        data["start_dates"] = list(data.pop("start_moments"))
        data["competencies_taught"] = list(data["competencies_taught"])
        data.pop("certificates_gained", None)
        valid = validated(schemas.TrainingPlaceCreate, (f"training/{place.source}", place.id), data)
        _add(session, models.TrainingPlace, valid)


def _profile_extras(profile: Profile) -> dict[str, Any]:
    """What a participant row keeps as JSON besides its own columns and child rows."""
    keep = (
        "preferences", "income_need_net_month", "avoid", "education", "driving_licence",
        "certificates", "digital_skills", "interests", "discovery",
    )  # fmt: skip
    data = asdict(profile)
    return {key: data[key] for key in keep if key in data}


def _participant_children(
    session: Session, owner: dict[str, int], profile: Profile, where: tuple[str, str]
) -> None:
    for position, experience in enumerate(profile.experiences):
        data = {"position": position, **asdict(experience)}
        _add(session, models.Experience, validated(schemas.ExperienceCreate, where, data), **owner)
    for competency in profile.competencies:
        found = {"competency_id": competency.id, "status": competency.status}
        found["evidence"] = competency.evidence
        valid = validated(schemas.ParticipantCompetencyCreate, where, found)
        _add(session, models.ParticipantCompetency, valid, **owner)
    for skill in profile.languages:
        language = validated(schemas.LanguageSkillCreate, where, asdict(skill))
        _add(session, models.LanguageSkill, language, **owner)


def seed_participants(
    session: Session, participants: Iterable[DemoParticipant], org_ids: Mapping[str, int]
) -> None:
    for demo in participants:
        org_id = org_ids[demo.organisation]
        if find_one(session, models.Participant, organisation_id=org_id, alias=demo.alias):
            continue
        where = (f"participants/{demo.source}", demo.alias)
        contact = demo.profile.contact
        data: dict[str, Any] = {"alias": demo.alias, "phase": demo.phase, "city": contact.city}
        data["pc4"] = contact.pc4
        data.update(contact_email=contact.email or None, contact_phone=contact.phone or None)
        valid = validated(schemas.ParticipantCreate, where, data)
        extras = _profile_extras(demo.profile)
        person_id = _add(session, models.Participant, valid, organisation_id=org_id, profile=extras)
        owner = {"organisation_id": org_id, "participant_id": person_id}
        _participant_children(session, owner, demo.profile, where)
