"""Turn the demo data (vacancies/ loaded as domain objects) into rows, skipping what exists.

Every row is found by its natural key first (organisation slug, staff email, employer id,
vacancy source file, training id, participant alias within its organisation), so seeding
twice never duplicates anything. The caller (services.setup) owns the transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict
from typing import Any

from sqlmodel import Session, SQLModel

from jobmatch.datafiles.people import DemoOrganisation, DemoParticipant
from jobmatch.datafiles.postings import VacancyMeta
from jobmatch.db import models
from jobmatch.db.passwords import hash_password
from jobmatch.db.repositories import find_one
from jobmatch.domain.profiles import Profile
from jobmatch.domain.vacancies import Employer, Posting, TrainingPlace

Extract = Callable[[Posting], dict[str, Any] | None]


def _new(session: Session, row: SQLModel) -> int:
    session.add(row)
    session.flush()
    return int(getattr(row, "id"))  # noqa: B009  (every table has an integer id)


def seed_organisations(
    session: Session, organisations: Iterable[DemoOrganisation]
) -> dict[str, int]:
    """Organisations and their staff accounts; returns slug -> database id."""
    ids: dict[str, int] = {}
    for org in organisations:
        row = find_one(session, models.Organisation, slug=org.id)
        ids[org.id] = (
            int(row.id)
            if row and row.id
            else _new(session, models.Organisation(slug=org.id, name=org.name, city=org.city))
        )
        for account in org.staff:
            email = account.email.strip().lower()
            if find_one(session, models.StaffUser, email=email) is None:
                user = models.StaffUser(
                    email=email,
                    name=account.name,
                    role=account.role,
                    organisation_id=ids[org.id],
                    password_hash=hash_password(account.password),
                )
                _new(session, user)
    return ids


def seed_employers(session: Session, employers: Iterable[Employer]) -> dict[str, int]:
    """Employers with their contacts; returns employer key -> database id."""
    ids: dict[str, int] = {}
    for employer in employers:
        row = find_one(session, models.Employer, key=employer.id)
        if row is not None and row.id is not None:
            ids[employer.id] = row.id
            continue
        fields = {k: v for k, v in asdict(employer).items() if k not in ("id", "contacts")}
        ids[employer.id] = _new(session, models.Employer(key=employer.id, **fields))
        for contact in employer.contacts:
            _new(session, models.EmployerContact(employer_id=ids[employer.id], **asdict(contact)))
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
        row = models.Vacancy(
            source=source,
            title=posting.title,
            text=posting.text,
            sector=info.sector if info else None,
            pc4=info.pc4 if info else None,
            employer_id=employer_ids.get(info.employer_id) if info else None,
            parsed=extract(posting) if extract else None,
            content_hash=hashlib.sha256(posting.text.encode("utf-8")).hexdigest(),
        )
        _new(session, row)


def seed_training_places(session: Session, places: Iterable[TrainingPlace]) -> None:
    for place in places:
        if find_one(session, models.TrainingPlace, key=place.id) is not None:
            continue
        fields = asdict(place)
        row = models.TrainingPlace(
            key=fields.pop("id"),
            competencies_taught=list(fields.pop("competencies_taught")),
            start_dates=list(fields.pop("start_moments")),
            **{k: v for k, v in fields.items() if k in models.TrainingPlace.model_fields},
        )
        _new(session, row)


def _profile_extras(profile: Profile) -> dict[str, Any]:
    """What a participant row keeps as JSON besides its own columns and child rows."""
    keep = (
        "preferences", "income_need_net_month", "avoid", "education", "driving_licence",
        "certificates", "digital_skills", "interests", "discovery",
    )  # fmt: skip
    data = asdict(profile)
    return {key: data[key] for key in keep}


def _participant_children(
    session: Session, participant: models.Participant, profile: Profile
) -> None:
    org_id, person_id = participant.organisation_id, int(participant.id or 0)
    for position, experience in enumerate(profile.experiences):
        row = models.Experience(
            organisation_id=org_id, participant_id=person_id, position=position,
            title=experience.title, kind=experience.kind, description=experience.description,
            neutral_line=experience.neutral_line, show_on_cv=experience.show_on_cv,
        )  # fmt: skip
        session.add(row)
    for competency in profile.competencies:
        session.add(
            models.ParticipantCompetency(
                organisation_id=org_id, participant_id=person_id, competency_id=competency.id,
                status=competency.status, evidence=competency.evidence,
            )
        )  # fmt: skip
    for skill in profile.languages:
        session.add(
            models.LanguageSkill(
                organisation_id=org_id, participant_id=person_id,
                language=skill.language, level=skill.level,
            )
        )  # fmt: skip


def seed_participants(
    session: Session, participants: Iterable[DemoParticipant], org_ids: Mapping[str, int]
) -> None:
    for demo in participants:
        org_id = org_ids[demo.organisation]
        if find_one(session, models.Participant, organisation_id=org_id, alias=demo.alias):
            continue
        contact = demo.profile.contact
        row = models.Participant(
            organisation_id=org_id,
            alias=demo.alias,
            phase=demo.phase,
            city=contact.city,
            pc4=contact.pc4,
            contact_email=contact.email or None,
            contact_phone=contact.phone or None,
            profile=_profile_extras(demo.profile),
        )
        _new(session, row)
        _participant_children(session, row, demo.profile)
