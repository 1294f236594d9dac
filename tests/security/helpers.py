"""Fictional rows with canary strings for the data-protection tests."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from jobmatch.db import models

CANARY_NOTE = "kanarie-notitie-7Q2XZ"
CANARY_MAIL = "kanarie.7q2xz@voorbeeld.example"
CANARY_PHONE = "+31 6 9871 2345"
CANARY_STORY = "kanarie-verhaal-J8WVK schoonmaak in het hotel"
CANARY_EVIDENCE = "kanarie-bewijs-R4MPL ik plande de week"
CANARY_ALIAS = "kanarie-alias-P3NDV"
CANARY_AVOID = "kanarie-werkgever-H6TQB"
SEALED_CANARIES = (
    CANARY_NOTE, CANARY_MAIL, CANARY_PHONE, CANARY_STORY, CANARY_EVIDENCE, CANARY_AVOID,
)  # fmt: skip


@dataclass(frozen=True)
class Person:
    organisation_id: int
    staff_user_id: int
    participant_id: int


def make_person(session: Session, *, slug: str = "org-a", alias: str = CANARY_ALIAS) -> Person:
    """An organisation, one staff member and one participant full of canaries (committed)."""
    org = models.Organisation(slug=slug, name=f"Stichting {slug}")
    session.add(org)
    session.flush()
    staff = models.StaffUser(
        email=f"staff@{slug}.example",
        name="Medewerker",
        role="job_hunter",
        organisation_id=org.id,
        password_hash="x",
    )
    person = models.Participant(
        alias=alias,
        organisation_id=org.id,
        contact_email=CANARY_MAIL,
        contact_phone=CANARY_PHONE,
        notes=CANARY_NOTE,
        profile={
            "avoid": {"employers": [CANARY_AVOID], "places": []},
            "income_need_net_month": 1400,
        },
    )
    session.add_all([staff, person])
    session.flush()
    owner = {"organisation_id": org.id, "participant_id": person.id}
    session.add(models.Experience(title="Hotel", kind="work", description=CANARY_STORY, **owner))
    session.add(
        models.ParticipantCompetency(competency_id="plannen", evidence=CANARY_EVIDENCE, **owner)
    )
    session.add(models.LanguageSkill(language="nl", level="A2", **owner))
    session.commit()
    return Person(int(org.id or 0), int(staff.id or 0), int(person.id or 0))
