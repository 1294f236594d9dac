"""A Hypothesis state machine creates and touches participant data as staff and participants
of two organisations: 0 cross-organisation reads or writes (security issue, access).

The default run takes 2,000+ steps (40 examples × 50 steps) on SQLite; `bench/fuzz_access.py`
runs the same machine longer. Every service a page uses for participant data is exercised.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule
from sqlalchemy import Engine
from sqlmodel import Session, select

from jobmatch.db import models
from jobmatch.domain.access import AccessDenied, Actor
from jobmatch.services import applications, participant_profile, participants
from jobmatch.services.participants import InputProblems, ParticipantNotFound

SERIAL = itertools.count()
REFUSED = (AccessDenied, ParticipantNotFound, InputProblems)
STEPS, EXAMPLES = 50, 40


def access_machine(engine: Engine) -> type[RuleBasedStateMachine]:
    """The machine class, bound to one migrated database with two organisations."""
    with Session(engine) as db:
        orgs = []
        for slug in ("noord", "zuid"):
            org = models.Organisation(slug=f"{slug}-{len(orgs)}", name=slug)
            db.add(org)
            db.flush()
            orgs.append(org.id)
        vacancy = models.Vacancy(source="jobs/x.txt", title="Kok", text="Koken.", content_hash="0")
        db.add(vacancy)
        db.commit()
        vacancy_id = vacancy.id

    class AccessMachine(RuleBasedStateMachine):
        people = Bundle("people")

        def __init__(self) -> None:
            super().__init__()
            self.db = Session(engine)
            self.owner: dict[int, int] = {}

        def teardown(self) -> None:
            self.db.close()

        def staff(self, org_index: int, role: str = "job_hunter") -> Actor:
            return Actor(role=role, organisation_id=orgs[org_index], user_id=None)

        @rule(target=people, org_index=st.integers(0, 1), name=st.text(min_size=1, max_size=12))
        def create(self, org_index: int, name: str) -> Any:
            actor = self.staff(org_index)
            alias = f"{name.strip()[:12]}-{next(SERIAL)}"  # unique across examples
            new_id = participants.create_participant(
                session=self.db, actor=actor, data={"alias": alias, "phase": "contact"}
            )
            self.owner[new_id] = orgs[org_index]
            return new_id

        def _expect(self, actor: Actor, person: int, call: Any) -> None:
            allowed = self.owner[person] == actor.organisation_id and (
                (actor.is_staff and actor.role == "job_hunter") or actor.participant_id == person
            )
            try:
                call()
            except REFUSED:
                self.db.rollback()
                assert not allowed, "an allowed action was refused"
                return
            assert allowed, f"{actor} reached participant {person} of another organisation"

        def _actor(self, kind: int, org_index: int, person: int) -> Actor:
            if kind == 0:
                return self.staff(org_index)
            if kind == 1:
                return self.staff(org_index, "coordinator")
            return Actor(role="participant", organisation_id=orgs[org_index], participant_id=person)

        @rule(person=people, org_index=st.integers(0, 1), kind=st.integers(0, 2),
              other=people)  # fmt: skip
        def read(self, person: int, org_index: int, kind: int, other: int) -> None:
            actor = self._actor(kind, org_index, other)
            self._expect(actor, person, lambda: participants.profile_of(
                session=self.db, actor=actor, participant_id=person))  # fmt: skip

        @rule(person=people, org_index=st.integers(0, 1), kind=st.integers(0, 2),
              other=people, text=st.text(max_size=30))  # fmt: skip
        def write(self, person: int, org_index: int, kind: int, other: int, text: str) -> None:
            actor = self._actor(kind, org_index, other)
            data = {"title": text.strip() or "werk", "kind": "work", "description": text}
            self._expect(actor, person, lambda: participant_profile.save_experience(
                session=self.db, actor=actor, participant_id=person, data=data))  # fmt: skip

        @rule(person=people, org_index=st.integers(0, 1))
        def apply(self, person: int, org_index: int) -> None:
            actor = self.staff(org_index)
            kwargs = {"session": self.db, "actor": actor, "participant_id": person}
            self._expect(
                actor, person, lambda: applications.add_application(vacancy_id=vacancy_id, **kwargs)
            )

        @rule(person=people, org_index=st.integers(0, 1), archived=st.booleans())
        def archive(self, person: int, org_index: int, archived: bool) -> None:
            actor = self.staff(org_index)
            kwargs = {"session": self.db, "actor": actor, "participant_id": person}
            self._expect(
                actor, person, lambda: participants.set_archived(archived=archived, **kwargs)
            )

        @rule(org_index=st.integers(0, 1), archived=st.booleans())
        def listing(self, org_index: int, archived: bool) -> None:
            actor = self.staff(org_index)
            rows = participants.list_participants(session=self.db, actor=actor, archived=archived)
            for row in rows:
                found = self.db.get(models.Participant, row.id)
                assert found is not None and found.organisation_id == actor.organisation_id
            cards = applications.board(session=self.db, actor=actor)
            for column in cards.values():
                for card in column:
                    assert self.owner.get(card.participant_id, actor.organisation_id) == (
                        actor.organisation_id)  # fmt: skip

        @invariant()
        def rows_stay_in_their_organisation(self) -> None:
            for model in (models.Experience, models.Application):
                for row in self.db.exec(select(model)).all():
                    person = self.db.get(models.Participant, row.participant_id)
                    assert person is not None and person.organisation_id == row.organisation_id

    return AccessMachine


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_no_cross_organisation_read_or_write(engine: Engine) -> None:
    machine = access_machine(engine)
    machine.TestCase.settings = settings(
        max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
        suppress_health_check=list(HealthCheck), derandomize=True, database=None,
    )  # fmt: skip
    machine.TestCase().runTest()
